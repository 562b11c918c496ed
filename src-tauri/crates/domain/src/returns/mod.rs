//! Returns: the request and its eligibility, the RMA code, receiving the package, the
//! inspection and decision, and the refund.
//!
//! A return case moves through these states:
//! Requested → Authorized (RMA issued) or Declined; Authorized → Received, Held (arrived
//! after the code expired), Expired (the calendar: no package by the code's last day) or
//! Cancelled; Expired → Authorized (extended), Held or Cancelled; a package with no or an
//! unknown code starts as Held; Held → Received (accepted late), ShipBack (the calendar:
//! the hold ended) or Cancelled (a stray package linked to the return it belongs to);
//! Received → RefundDue, ExchangeDue or ShipBack (the decision); then Refunded, Exchanged
//! or SentBack.

pub mod case;
pub mod clock;
pub mod condition;
pub mod correction;
pub mod deciding;
pub mod decision;
pub mod eligibility;
pub mod exchange;
pub mod form;
pub mod instructions;
pub mod link;
pub mod message;
pub mod request;
pub mod rma;
pub mod sending;
pub mod step;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use case::{DecisionRecord, Outbound, Package, PackageReceipt, ReturnCase, ReturnId, RmaIssue};
pub use deciding::DecideFields;
pub use decision::{
    Checklist, Decision, DecisionKind, Inspection, InspectionForm, RefundRecord, Settlement, WearGrade,
};
pub use eligibility::{eligibility, Eligibility, Payer};
pub use exchange::ExchangeFee;
pub use form::{DecisionForm, ExchangeFeeForm, RefundForm};
pub use instructions::RmaInstructions;
pub use request::{
    BankAccounts, RefundMethod, Remedy, RequestChannel, RequestForm, ReturnForm, ReturnReason, ReturnRequest,
};
pub use rma::{RmaCode, RmaKey};
pub use sending::{sending, ReturnPostage, Sending};
pub use step::{Actions, Step};

use crate::{DomainError, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnState {
    Requested,
    Declined,
    Authorized,
    /// The calendar's move: the RMA code's last day passed with no package.
    Expired,
    Cancelled,
    Held,
    Received,
    RefundDue,
    ExchangeDue,
    ShipBack,
    Refunded,
    Exchanged,
    SentBack,
}

use crate::Code;
use ReturnState::*;

impl ReturnState {
    pub const ALL: [ReturnState; 13] = [
        Requested,
        Declined,
        Authorized,
        Expired,
        Cancelled,
        Held,
        Received,
        RefundDue,
        ExchangeDue,
        ShipBack,
        Refunded,
        Exchanged,
        SentBack,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Requested => "requested",
            Declined => "declined",
            Authorized => "authorized",
            Expired => "expired",
            Cancelled => "cancelled",
            Held => "held",
            Received => "received",
            RefundDue => "refund_due",
            ExchangeDue => "exchange_due",
            ShipBack => "ship_back",
            Refunded => "refunded",
            Exchanged => "exchanged",
            SentBack => "sent_back",
        }
    }

    pub fn from_key(key: &str) -> Option<ReturnState> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Requested => "Requested",
            Declined => "Declined",
            Authorized => "Authorized",
            Expired => "Code expired",
            Cancelled => "Cancelled",
            Held => "Held (no valid RMA)",
            Received => "Received",
            RefundDue => "Refund due",
            ExchangeDue => "Exchange due",
            ShipBack => "To send back",
            Refunded => "Refunded",
            Exchanged => "Exchanged",
            SentBack => "Sent back",
        }
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Declined | Cancelled | Refunded | Exchanged | SentBack)
    }

    pub fn next_states(self) -> &'static [ReturnState] {
        match self {
            Requested => &[Authorized, Declined],
            Authorized => &[Received, Held, Expired, Cancelled],
            Expired => &[Authorized, Held, Cancelled],
            // ShipBack: the hold ended. Cancelled: the package was linked to the return it
            // belongs to.
            Held => &[Received, ShipBack, Cancelled],
            Received => &[RefundDue, ExchangeDue, ShipBack],
            RefundDue => &[Refunded],
            ExchangeDue => &[Exchanged],
            ShipBack => &[SentBack],
            Declined | Cancelled | Refunded | Exchanged | SentBack => &[],
        }
    }

    /// The customer may still add photos or videos of the defect: the package is not in.
    pub fn takes_evidence(self) -> bool {
        matches!(self, Requested | Authorized | Expired)
    }

    /// Waiting for the customer's package under an RMA code (valid or expired).
    pub fn awaits_package(self) -> bool {
        matches!(self, Authorized | Expired)
    }

    /// The states the calendar moves by itself (see `clock`): the store looks for these.
    pub const CLOCK_DRIVEN: [ReturnState; 2] = [Authorized, Held];

    /// Where staff closing the case takes it: a request is declined, an authorized return
    /// cancelled (its code stays spent).
    pub fn closing(self) -> ReturnState {
        if self == Requested {
            Declined
        } else {
            Cancelled
        }
    }

    pub fn move_to(self, next: ReturnState) -> Result<ReturnState, DomainError> {
        if self.next_states().contains(&next) {
            return Ok(next);
        }
        Err(DomainError::refused(
            Code::IllegalTransition,
            if self.is_closed() {
                format!("This return is {}: it cannot change any more.", self.label().to_lowercase())
            } else {
                format!(
                    "A return that is {} cannot become {}.",
                    self.label().to_lowercase(),
                    next.label().to_lowercase()
                )
            },
        ))
    }
}

/// The RMA's validity: issued on a day, valid through the last day of the policy's period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RmaValidity {
    pub issued_on: Date,
    pub valid_through: Date,
}

impl RmaValidity {
    /// A code issued `today`, valid for the policy's period; the customer is told to have
    /// the parcel reach the shop by its last day, so a last day the shop is closed (a
    /// weekend day, a holiday) moves on to the next day it is open.
    pub fn issue(policy: &Policy, today: Date) -> RmaValidity {
        RmaValidity { issued_on: today, valid_through: Self::last_day(policy, today) }
    }

    fn last_day(policy: &Policy, from: Date) -> Date {
        policy.calendar.open_on_or_after(policy.rma_validity.last_day(from, &policy.calendar))
    }

    pub fn is_valid_on(&self, day: Date) -> bool {
        day <= self.valid_through
    }

    /// Extends by the policy's period from today, or from the current end if that is later.
    pub fn extended(&self, policy: &Policy, today: Date) -> RmaValidity {
        let from = self.valid_through.max(today);
        RmaValidity { valid_through: Self::last_day(policy, from), ..*self }
    }
}

/// An RMA valid through `valid_through` has expired or ends within two days: Today lists
/// it so staff can chase the customer or extend the code.
pub fn expires_soon(valid_through: Date, today: Date) -> bool {
    (valid_through - today).get_days() <= 2
}

/// How a package arrived, judged from the code on its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "arrival")]
pub enum Arrival {
    /// The code is known and still valid: the package goes to inspection.
    ValidRma,
    /// The code is known but expired on `valid_through`.
    ExpiredRma { valid_through: Date },
    /// The code is unknown, or the package has none.
    NoValidRma,
}

impl Arrival {
    /// What a package arriving `today` becomes: Received, or Held.
    pub fn state(self) -> ReturnState {
        match self {
            Arrival::ValidRma => Received,
            _ => Held,
        }
    }

    /// How the package came, for its card: "With a valid RMA code".
    pub fn describe(self, style: crate::calendar::DateStyle) -> String {
        match self {
            Arrival::ValidRma => "With a valid RMA code".into(),
            Arrival::ExpiredRma { valid_through } => {
                format!("With an expired RMA code (it was valid through {})", style.format(valid_through))
            }
            Arrival::NoValidRma => "Without a valid RMA code".into(),
        }
    }
}

/// The last day a package without a valid RMA is held before it goes back at the
/// customer's cost; none when the policy holds none (SOFTERSPOT: "Any unauthorized returns
/// will be declined"), so it is to send back at once.
pub fn hold_until(policy: &Policy, received_on: Date) -> Option<Date> {
    (!policy.no_rma_hold.is_none()).then(|| policy.no_rma_hold.last_day(received_on, &policy.calendar))
}

/// The last day to inspect a received return.
pub fn inspection_due(policy: &Policy, received_on: Date) -> Date {
    policy.inspection_due.last_day(received_on, &policy.calendar)
}

/// The last day to pay out a refund, the policy's period counted from `from`.
pub fn refund_due(policy: &Policy, from: Date) -> Date {
    policy.refund_due.last_day(from, &policy.calendar)
}

/// The last day to pay out a refund decided on `decided_on` for a package that arrived on
/// `received_on`: counted from the arrival where the policy says so (the Turkish store's
/// "within 14 days of your products reaching us"), else from the decision.
pub fn refund_deadline(policy: &Policy, received_on: Option<Date>, decided_on: Date) -> Date {
    let from = match policy.refund_due_from {
        crate::policy::RefundDueFrom::Receipt => received_on.unwrap_or(decided_on),
        crate::policy::RefundDueFrom::Inspection => decided_on,
    };
    refund_due(policy, from)
}

#[cfg(test)]
mod tests;
