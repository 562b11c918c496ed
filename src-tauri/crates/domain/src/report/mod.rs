//! The Reports screen's figures for a period: turnaround, money taken and its tax, payments
//! by method, quotation outcomes, storage fees, returns by reason, overdue work and each
//! watchmaker's completed jobs.
//!
//! The store gathers plain facts (`ReportFacts`: one row per ticket handed back, entry
//! taken, quotation answered or expired, return opened, open deadline and job completed)
//! and `Report::of` counts them. Every line keeps the records it counted (`Trace`), so a
//! figure can always be opened to its tickets or returns.
//!
//! Money is counted as the bookkeeping of a small shop counts it: cash basis. Revenue is
//! the money received in a month (payments less refunds, by the day they were paid), and
//! its tax part is the share of tax in the ticket's charges (`figures::tax_parts`).

mod build;
pub mod figures;
pub mod period;

#[cfg(test)]
mod tests;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::after_sale::{EntryKind, PaymentMethod};
use crate::returns::{ReturnId, ReturnReason};
use crate::staff::StaffId;
use crate::ticket::TicketId;
use crate::{Amount, Currency};

pub use figures::{DaysSummary, OverdueBand, WorkKind};
pub use period::{MonthKey, PeriodPreset, ReportPeriod};

/// A ticket a figure counted: its id and number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TicketRef {
    pub id: TicketId,
    pub number: String,
}

/// A return case a figure counted: its id and title (its RMA code, or "Return 12").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReturnRef {
    pub id: ReturnId,
    pub title: String,
}

/// A watch that went back to its customer: collected, dispatched, or returned unrepaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handback {
    pub ticket: TicketRef,
    pub received_on: Date,
    pub left_on: Date,
    pub kind: WorkKind,
    /// What the account charged for storage as the watch left (zero without a fee).
    pub storage_fee: Amount,
}

/// An entry of a ticket's account that counts (voided ones are never gathered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taking {
    pub ticket: TicketRef,
    pub paid_on: Date,
    pub kind: EntryKind,
    pub method: PaymentMethod,
    /// Above zero, whichever the kind.
    pub amount: Amount,
    /// The tax part of it (`figures::tax_parts`), above zero for a refund too.
    pub tax: Amount,
}

/// How a quotation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotationOutcome {
    Accepted,
    Declined,
    /// Left unanswered past its last day, and not replaced by a later revision by then.
    Expired,
}

impl QuotationOutcome {
    pub const ALL: [QuotationOutcome; 3] =
        [QuotationOutcome::Accepted, QuotationOutcome::Declined, QuotationOutcome::Expired];

    pub fn key(self) -> &'static str {
        match self {
            QuotationOutcome::Accepted => "accepted",
            QuotationOutcome::Declined => "declined",
            QuotationOutcome::Expired => "expired",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            QuotationOutcome::Accepted => "Accepted",
            QuotationOutcome::Declined => "Declined",
            QuotationOutcome::Expired => "Expired unanswered",
        }
    }
}

/// A quotation answered, or expired, on `on`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotationEnd {
    pub ticket: TicketRef,
    pub on: Date,
    pub outcome: QuotationOutcome,
    /// The repair section's total as quoted.
    pub amount: Amount,
}

/// A return case opened in the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnOpened {
    pub case: ReturnRef,
    /// None for a package nobody asked to return.
    pub reason: Option<ReturnReason>,
    /// The refund paid on it so far, in `currency` (the order's).
    pub refunded: Option<Amount>,
    pub currency: Currency,
}

/// An open ticket and its next deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenDeadline {
    pub ticket: TicketRef,
    pub deadline: Date,
}

/// A repair completed in the period, and the watchmaker it counts for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletedJob {
    pub ticket: TicketRef,
    pub watchmaker: StaffId,
    pub name: String,
}

/// What the store gathers for a period.
#[derive(Clone, Debug, Default)]
pub struct ReportFacts {
    pub handbacks: Vec<Handback>,
    pub takings: Vec<Taking>,
    pub quotations: Vec<QuotationEnd>,
    pub returns: Vec<ReturnOpened>,
    pub deadlines: Vec<OpenDeadline>,
    pub jobs: Vec<CompletedJob>,
    /// The shop gives tickets to watchmakers: without that, jobs are not anyone's.
    pub bench_in_use: bool,
}

/// The records a line counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trace {
    Tickets(Vec<TicketRef>),
    Returns(Vec<ReturnRef>),
}

impl Trace {
    pub fn len(&self) -> usize {
        match self {
            Trace::Tickets(t) => t.len(),
            Trace::Returns(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One line of a section: what it counts (`key`, `label`), how many, and its figures.
/// A section fills the figures it has; the others stay zero or None.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub key: String,
    pub label: String,
    /// How many records (tickets, entries, quotations, returns) the line counted.
    pub count: usize,
    pub days: Option<DaysSummary>,
    pub amount: Amount,
    /// The tax part of `amount` (revenue only).
    pub tax: Amount,
    /// The currency of `amount` when it is not the shop's (a return's order).
    pub currency: Option<Currency>,
    pub trace: Trace,
}

/// A section's lines and the line of the whole period.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub lines: Vec<Line>,
    pub total: Line,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub period: ReportPeriod,
    /// The day overdue work is counted on: the period's end, or today if earlier.
    pub as_of: Date,
    /// Tickets handed back in the period, by the month they left.
    pub turnaround_by_month: Section,
    /// The same, by the kind of work.
    pub turnaround_by_kind: Section,
    /// Money received by month of payment (payments less refunds), with its tax part.
    pub revenue: Section,
    /// Payments taken, by method.
    pub payments: Section,
    /// Refunds paid out on tickets, by method.
    pub refunds: Section,
    pub quotations: Section,
    /// Storage fees charged on the watches that left in the period, by month.
    pub storage: Section,
    pub returns: Section,
    pub overdue: Section,
    /// Completed jobs by watchmaker; None when the shop gives no tickets to watchmakers.
    pub bench: Option<Section>,
}
