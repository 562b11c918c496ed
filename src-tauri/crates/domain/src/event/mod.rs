//! The event log's entry: who did what to which record, and when. The log is append-only.
//! What happened is an `Action`, one enum for every layer: the store writes it, the history
//! reads it back as a sentence (`sentence`).

mod sentence;

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::staff::StaffId;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub at: Timestamp,
    /// `None` only for what the app does by itself (e.g. a quotation expiring on the clock).
    pub staff: Option<StaffId>,
    pub subject: Subject,
    pub subject_id: String,
    pub action: Action,
    /// What changed, for the history view: the facts each action's sentence reads.
    pub detail: serde_json::Value,
}

/// Generates an enum whose values cross storage and IPC as fixed strings.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[doc = $doc:literal])* $variant:ident => $wire:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name { $($(#[doc = $doc])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)* }
            }

            pub fn from_wire(text: &str) -> Option<$name> {
                match text { $($wire => Some($name::$variant),)* _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                $name::from_wire(&text)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown {} {text:?}", stringify!($name))))
            }
        }
    };
}

wire_enum! {
    /// The kind of record an event is about; its id is the record's number or id.
    pub enum Subject {
        /// The shop's settings and data (subject id `shop`).
        Settings => "settings",
        /// A repair ticket, by its number.
        Ticket => "ticket",
        /// A return case, by its id.
        Return => "return",
        /// A customer, by their id.
        Customer => "customer",
        /// A watch's record, by its id.
        Watch => "watch",
        /// A part of the catalogue, by its id.
        Part => "part",
    }
}

wire_enum! {
    /// What happened, as stored (`ticket.received`) and as the history reads it.
    pub enum Action {
        ShopSetUp => "shop.set_up",
        SettingsSaved => "settings.saved",
        LogoSet => "settings.logo_set",
        LogoCleared => "settings.logo_cleared",
        BackupRestored => "backup.restored",
        CustomerEdited => "customer.edited",
        TicketReceived => "ticket.received",
        /// A move of the ticket's state, by staff or by the clock.
        TicketState => "ticket.state",
        TicketAssessed => "ticket.assessed",
        QuotationIssued => "quotation.issued",
        QuotationAccepted => "quotation.accepted",
        QuotationDeclined => "quotation.declined",
        RepairCompleted => "repair.completed",
        CollectionNoticeIssued => "collection_notice.issued",
        PaymentRecorded => "payment.recorded",
        PaymentRefunded => "payment.refunded",
        /// An entry recorded by mistake, voided: it stays in the log and the payments.
        PaymentVoided => "payment.voided",
        ShippingChosen => "shipping.chosen",
        TicketCollected => "ticket.collected",
        TicketDispatched => "ticket.dispatched",
        ReturnRequested => "return.requested",
        /// A recorded request corrected before the decision.
        ReturnCorrected => "return.corrected",
        ReturnEvidenceAdded => "return.evidence_added",
        ReturnAuthorized => "return.authorized",
        ReturnDeclined => "return.declined",
        ReturnCancelled => "return.cancelled",
        ReturnExtended => "return.extended",
        PackageReceived => "return.package_received",
        /// A stray package found its return: logged on the stray case.
        ReturnLinked => "return.linked",
        /// ... and on the return it moved to.
        PackageLinked => "return.package_linked",
        ReturnAcceptedLate => "return.accepted_late",
        ReturnDecided => "return.decided",
        /// The decision replaced before anything was refunded or sent out on it.
        ReturnDecisionRevised => "return.decision_revised",
        /// An in-store request's watch handed over at the counter: authorized and received.
        ReturnTakenIn => "return.taken_in",
        ReturnRefunded => "return.refunded",
        ExchangeFeePaid => "return.exchange_fee_paid",
        ExchangeSent => "return.exchange_sent",
        ReturnSentBack => "return.sent_back",
        /// A move of the return's state by the clock (expiry, the end of a hold).
        ReturnState => "return.state",
        /// A watch's record made, at an intake (or for a ticket booked before watch records).
        WatchRecorded => "watch.recorded",
        WatchEdited => "watch.edited",
        /// The watch passed to another owner (sold on, inherited).
        WatchPassedOn => "watch.passed_on",
        /// The bench's readings taken (or taken again) before or after the work.
        ReadingsTaken => "readings.taken",
        /// The ticket given to a watchmaker, to another, or back to nobody.
        TicketAssigned => "ticket.assigned",
        /// Time spent on the ticket entered, or its clock stopped.
        WorkTimeLogged => "ticket.work_time",
        /// A manager's PIN set or cleared (never the PIN itself).
        PinSet => "settings.pin",
        /// A part added to the catalogue, or its entry changed.
        PartRecorded => "part.recorded",
        PartEdited => "part.edited",
        /// Pieces into stock (a delivery).
        StockReceived => "stock.received",
        /// Pieces held for an accepted repair (or waiting for stock).
        StockReserved => "stock.reserved",
        /// A repair's held pieces taken off stock: the repair is done.
        StockUsed => "stock.used",
        /// A hold let go: the repair was refused or cancelled.
        StockReleased => "stock.released",
        /// The drawer counted; the difference to the record.
        StockCounted => "stock.counted",
        StockWrittenOff => "stock.written_off",
        /// A catalogue brought in from a file: one event for the whole import.
        PartsImported => "parts.imported",
        /// A customer list brought in from a file: one event for the whole import.
        CustomersImported => "customers.imported",
        /// The customer signed a document on the screen.
        DocumentSigned => "document.signed",
        /// A form put in the outbox to be e-mailed to the customer (or put back by staff).
        MessageQueued => "message.queued",
        /// The shop's mail server took the e-mailed form.
        MessageSent => "message.sent",
        /// The server refused the e-mail for good, or could not be reached the first time.
        MessageFailed => "message.failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_and_subject_reads_back_from_its_stored_name() {
        for a in Action::ALL {
            assert_eq!(Action::from_wire(a.as_str()), Some(*a));
            assert_eq!(serde_json::from_value::<Action>(serde_json::to_value(a).unwrap()).unwrap(), *a);
        }
        for s in Subject::ALL {
            assert_eq!(Subject::from_wire(s.as_str()), Some(*s));
        }
        assert!(serde_json::from_str::<Action>("\"ticket.exploded\"").is_err(), "an unknown action is refused");
    }
}
