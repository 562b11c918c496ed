//! Caseback's domain: the shop's words as types, and the rules a shop runs by.
//!
//! Pure by design: no I/O, no clock. Every rule that depends on time takes the current
//! instant (`jiff::Timestamp`) as an argument, and every date rule works on the shop's
//! local calendar dates.

pub mod after_sale;
pub mod approval;
pub mod assessment;
pub mod attachment;
pub mod bench;
pub mod branch;
pub mod calendar;
pub mod code;
pub mod customer;
pub mod customer_import;
pub mod device;
pub mod error;
pub mod event;
pub mod intake;
pub mod money;
pub mod outbox;
pub mod papers;
pub mod policy;
pub mod presets;
pub mod printing;
pub mod quotation;
pub mod readings;
pub mod report;
pub mod retention;
pub mod returns;
pub mod search;
pub mod service_warranty;
pub mod settings;
pub mod signature;
pub mod staff;
pub mod stock;
pub mod text;
pub mod ticket;
pub mod warranty;
pub mod watch;

pub use calendar::{DateStyle, Due, Period, PeriodUnit, WorkCalendar};
pub use code::Code;
pub use error::{DomainError, FieldError};
pub use money::{Amount, Currency, NumberStyle, Percent};
pub use policy::Policy;
pub use settings::Settings;
