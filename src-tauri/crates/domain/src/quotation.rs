//! Quotations: priced lines in two sections (the repair, and optional cosmetic work the
//! customer confirms separately), issued with a revision number and a validity date, and
//! accepted only in writing, only while valid, only if not superseded.
//!
//! Rounding rule (with `money::Percent::of`): a line's amount is quantity × unit price,
//! rounded to the minor unit (halves away from zero) only when the quantity has hundredths;
//! a section's tax is the tax rate of the sum of its taxable lines, rounded once the same way;
//! total = subtotal + tax. Screen, database and PDF all take these numbers from here.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::money::{Amount, Percent};
use crate::policy::Policy;
use crate::text;
use crate::ticket::TicketNumber;
use crate::Code;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Labour,
    Part,
    PartSourcingFee,
    InspectionFee,
    Shipping,
    Other,
}

impl LineKind {
    pub const ALL: [LineKind; 6] = [
        LineKind::Labour,
        LineKind::Part,
        LineKind::PartSourcingFee,
        LineKind::InspectionFee,
        LineKind::Shipping,
        LineKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LineKind::Labour => "Labour",
            LineKind::Part => "Part",
            LineKind::PartSourcingFee => "Part sourcing fee",
            LineKind::InspectionFee => "Inspection fee",
            LineKind::Shipping => "Shipping",
            LineKind::Other => "Other",
        }
    }
}

/// Cosmetic work (polishing, scratch removal, engraving, trim) is never part of a standard
/// repair (lx-watch 1.3): it is quoted in its own section and confirmed on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Repair,
    Cosmetic,
}

/// A quantity in hundredths: 150 is 1.5 (hours of labour), 100 is one part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Quantity(pub u32);

impl Quantity {
    pub const ONE: Quantity = Quantity(100);
    pub const MAX: Quantity = Quantity(1_000_000);

    /// "1", "1.5", "0.25".
    pub fn parse(text: &str) -> Result<Quantity, String> {
        let t = text.trim();
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let ok = !whole.is_empty()
            && frac.len() <= 2
            && whole.len() <= 5
            && whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit());
        if !ok {
            return Err(format!("\"{t}\" is not a quantity (e.g. 1 or 1.5)."));
        }
        let q = whole.parse::<u32>().unwrap_or(0) * 100 + format!("{frac:0<2}").parse::<u32>().unwrap_or(0);
        if q == 0 || q > Self::MAX.0 {
            return Err("A quantity must be more than 0 and at most 10,000.".into());
        }
        Ok(Quantity(q))
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 % 100 {
            0 => write!(f, "{}", self.0 / 100),
            h if h % 10 == 0 => write!(f, "{}.{}", self.0 / 100, h / 10),
            h => write!(f, "{}.{h:02}", self.0 / 100),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub kind: LineKind,
    pub section: Section,
    pub description: String,
    pub quantity: Quantity,
    pub unit_price: Amount,
    pub taxable: bool,
    /// The catalogue's part this line sells, if it came from there: accepting the
    /// quotation holds it, completing the repair takes it off stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<crate::stock::PartId>,
}

impl QuoteLine {
    /// quantity × unit price, rounded to the minor unit (halves away from zero).
    pub fn amount(&self) -> Amount {
        let product = i128::from(self.unit_price.0) * i128::from(self.quantity.0);
        let rounded = if product >= 0 { (product + 50) / 100 } else { (product - 50) / 100 };
        Amount(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }
}

/// Largest unit price a line may carry: ten million in major units.
pub const MAX_UNIT_PRICE: Amount = Amount(1_000_000_000);
pub const MAX_LINES: usize = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal: Amount,
    pub taxable: Amount,
    pub tax: Amount,
    pub total: Amount,
}

/// The totals of one section's lines at `rate`.
pub fn totals(lines: &[QuoteLine], section: Section, rate: Percent) -> Totals {
    let of = |taxable_only: bool| {
        lines
            .iter()
            .filter(|l| l.section == section && (!taxable_only || l.taxable))
            .map(QuoteLine::amount)
            .map(|a| a.0)
            .sum::<i64>()
    };
    let (subtotal, taxable) = (Amount(of(false)), Amount(of(true)));
    let tax = rate.of(taxable);
    Totals { subtotal, taxable, tax, total: Amount(subtotal.0 + tax.0) }
}

/// `Q-2026-00042-1`: the ticket's number and the revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QuotationNumber {
    pub ticket: TicketNumber,
    pub revision: u32,
}

impl fmt::Display for QuotationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q-{}-{:05}-{}", self.ticket.year, self.ticket.seq, self.revision)
    }
}

/// What the shop types before issuing: lines, timeline and whether old parts go back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotationDraft {
    pub lines: Vec<QuoteLine>,
    /// Estimated repair time in working days.
    pub timeline_working_days: u32,
    /// Replaced parts go back to the customer (agreed in writing before the repair).
    pub parts_returned: bool,
}

impl QuotationDraft {
    pub fn validated(&self) -> Result<QuotationDraft, DomainError> {
        let mut problems = Problems::default();
        if self.lines.is_empty() {
            problems.add("lines", "Add at least one line to quote.");
        }
        if self.lines.len() > MAX_LINES {
            problems.add("lines", format!("At most {MAX_LINES} lines."));
        }
        if !self.lines.iter().any(|l| l.section == Section::Repair) && !self.lines.is_empty() {
            problems.add("lines", "Quote the repair itself: cosmetic work is only an optional extra.");
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.iter().enumerate() {
            let key = |f: &str| format!("lines.{i}.{f}");
            match text::single_line(&key("description"), &line.description, 200) {
                Ok(d) if d.is_empty() => problems.add(key("description"), "Describe the line."),
                Ok(d) => lines.push(QuoteLine { description: d, ..line.clone() }),
                Err(e) => problems.merge(e),
            }
            if line.unit_price.0 < 0 || line.unit_price > MAX_UNIT_PRICE {
                problems.add(key("unit_price"), "A price must be between 0 and 10,000,000.");
            }
            if line.quantity.0 == 0 || line.quantity > Quantity::MAX {
                problems.add(key("quantity"), "A quantity must be more than 0 and at most 10,000.");
            } else if line.part.is_some() && line.quantity.0 % 100 != 0 {
                problems.add(key("quantity"), "A part from the catalogue is counted in whole pieces.");
            }
            if line.part.is_some() && line.kind != LineKind::Part {
                problems.add(key("kind"), "A line from the catalogue sells that part: keep its kind as Part.");
            }
        }
        if self.timeline_working_days == 0 || self.timeline_working_days > 365 {
            problems.add("timeline_working_days", "Estimate the repair time: 1 to 365 working days.");
        }
        problems.into_result()?;
        Ok(QuotationDraft { lines, ..self.clone() })
    }

    /// Issues the draft as revision `revision` on `today`: fixed from now on.
    pub fn issue(
        &self,
        ticket: TicketNumber,
        revision: u32,
        policy: &Policy,
        tax_rate: Percent,
        today: Date,
    ) -> Result<Quotation, DomainError> {
        let draft = self.validated()?;
        Ok(Quotation {
            number: QuotationNumber { ticket, revision },
            repair: totals(&draft.lines, Section::Repair, tax_rate),
            cosmetic: totals(&draft.lines, Section::Cosmetic, tax_rate),
            tax_rate,
            issued_on: today,
            valid_through: policy.quotation_validity.last_day(today, &policy.calendar),
            draft,
        })
    }
}

/// An issued quotation. Never edited: a change is a new revision that supersedes this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    pub number: QuotationNumber,
    pub draft: QuotationDraft,
    pub tax_rate: Percent,
    pub repair: Totals,
    pub cosmetic: Totals,
    pub issued_on: Date,
    /// The last day it may be accepted.
    pub valid_through: Date,
}

/// How a written confirmation (or a refusal) arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmationChannel {
    EmailReply,
    #[serde(rename = "signed_copy_whatsapp")]
    SignedCopyWhatsApp,
    SignedInStore,
}

impl ConfirmationChannel {
    pub const ALL: [ConfirmationChannel; 3] =
        [ConfirmationChannel::EmailReply, ConfirmationChannel::SignedCopyWhatsApp, ConfirmationChannel::SignedInStore];

    pub fn label(self) -> &'static str {
        match self {
            ConfirmationChannel::EmailReply => "Email reply",
            ConfirmationChannel::SignedCopyWhatsApp => "Signed copy via WhatsApp",
            ConfirmationChannel::SignedInStore => "Signed in store",
        }
    }

    /// How the answer came, inside a sentence: "accepted by email reply".
    pub fn words(self) -> &'static str {
        match self {
            ConfirmationChannel::EmailReply => "email reply",
            ConfirmationChannel::SignedCopyWhatsApp => "signed copy via WhatsApp",
            ConfirmationChannel::SignedInStore => "signature in store",
        }
    }
}

/// Where a quotation stands on a given day, ignoring answers (which the store records).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "standing")]
pub enum Standing {
    /// Open for acceptance through `valid_through`.
    Valid { days_left: i64 },
    /// Expired unanswered; the watch is held through `hold_until`.
    OnHold { hold_until: Date },
    /// Expired and the hold is over: the return-unrepaired notice is due.
    ReturnDue { since: Date },
}

impl Quotation {
    /// The last day the watch is held after this quotation expired unanswered. The hold
    /// starts when validity ends (the end of `valid_through`), so 3 days of hold after a
    /// quotation valid through the 16th run through the 19th.
    pub fn hold_until(&self, policy: &Policy) -> Date {
        policy.quotation_hold.last_day(self.valid_through, &policy.calendar)
    }

    pub fn standing(&self, policy: &Policy, today: Date) -> Standing {
        if today <= self.valid_through {
            return Standing::Valid { days_left: (self.valid_through - today).get_days() as i64 };
        }
        let hold_until = self.hold_until(policy);
        if today <= hold_until {
            Standing::OnHold { hold_until }
        } else {
            Standing::ReturnDue { since: hold_until.tomorrow().unwrap_or(hold_until) }
        }
    }

    /// What a ticket in `state` waits for on this quotation: the last day to accept it, or
    /// the end of the hold after it expired.
    pub fn deadline(&self, state: crate::ticket::TicketState, policy: &Policy) -> Option<Date> {
        use crate::ticket::TicketState::*;
        match state {
            Quoted => Some(self.valid_through),
            QuoteExpired => Some(self.hold_until(policy)),
            _ => None,
        }
    }

    /// The day the repair is promised by, while a ticket in `state` still waits for it
    /// (approved, or in repair): the quotation's estimate in working days counted from the
    /// day the customer confirmed it in writing ("About 5 working days from your
    /// confirmation", as the printed quotation says), on the shop's calendar.
    pub fn repair_promised_by(
        &self,
        state: crate::ticket::TicketState,
        confirmed_on: Date,
        calendar: &crate::calendar::WorkCalendar,
    ) -> Option<Date> {
        use crate::ticket::TicketState::*;
        matches!(state, Approved | InRepair)
            .then(|| calendar.add_business_days(confirmed_on, self.draft.timeline_working_days))
    }

    /// Checks that this revision may be accepted on `today`: the latest revision, still valid.
    pub fn check_acceptable(&self, latest_revision: u32, today: Date) -> Result<(), DomainError> {
        if self.number.revision < latest_revision {
            return Err(DomainError::refused(
                Code::QuotationSuperseded,
                format!(
                    "{} was replaced by revision {latest_revision}; only the latest revision can be accepted.",
                    self.number
                ),
            ));
        }
        if today > self.valid_through {
            return Err(DomainError::refused(
                Code::QuotationExpired,
                format!(
                    "{} was valid through {}; it can no longer be accepted. Issue a new revision with today's date and send it to the customer.",
                    self.number, self.valid_through
                ),
            ));
        }
        Ok(())
    }
}

pub mod form;
pub mod message;
#[cfg(test)]
mod tests;
