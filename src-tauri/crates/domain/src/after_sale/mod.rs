//! After the repair: the technician's completion record, the Collection Notice and its
//! storage fee, payments and the balance, shipping, and the release of the watch.
//!
//! The balance is computed in one place ([`account::Account::of`]) from the accepted
//! quotation, the storage fee so far, shipping and insurance, and the payments; every
//! screen, list and form shows that figure.

pub mod account;
pub mod collection;
pub mod completion;
pub mod handover;
pub mod message;
pub mod payment;
pub mod record;
pub mod shipping;
pub mod waiting;

pub use account::{Account, Charge, ChargeKind};
pub use collection::CollectionNotice;
pub use completion::{Completion, OldPart, ReplacedPart};
pub use handover::{Collection, DeliveryWindow, Dispatch, Release};
pub use payment::{
    EntryKind, InstalmentFields, InstalmentPlan, LedgerEntry, NewPayment, Payment, PaymentEntry, PaymentForm,
    PaymentMethod, PaymentVoid, VoidForm,
};
pub use record::AfterSale;
pub use shipping::{Courier, Shipping, ShippingCosts, ShippingFields, ShippingForm};
pub use waiting::{waiting_for, Waiting};

#[cfg(test)]
mod tests;
