//! The arithmetic of the report's figures: days between two dates, their average and
//! median, how late an open ticket is, what kind of work a ticket was, and the tax part of
//! the money a ticket's account took.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::quotation::Quotation;
use crate::Amount;

/// Whole days from intake to the watch leaving: handed back the day it came in is 0.
/// The day an unanswered revision, valid through `valid_through`, expired: the day after,
/// unless a later revision was issued by then (it replaced the one the customer had).
pub fn expired_on(valid_through: Date, next_issued: Option<Date>) -> Option<Date> {
    if next_issued.is_some_and(|issued| issued <= valid_through) {
        return None;
    }
    valid_through.tomorrow().ok()
}

/// Whose job a completed repair is: the watchmaker the ticket is given to, or else whoever
/// recorded the completion.
pub fn credited<T>(assigned: Option<T>, recorded: T) -> T {
    assigned.unwrap_or(recorded)
}

pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}

/// How many, and their average and median in days.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaysSummary {
    pub count: usize,
    pub average: f64,
    /// The middle value; with an even count, halfway between the two middle ones.
    pub median: f64,
}

impl DaysSummary {
    /// None for no values: an average of nothing is not zero days.
    pub fn of(days: &[i64]) -> Option<DaysSummary> {
        if days.is_empty() {
            return None;
        }
        let mut sorted = days.to_vec();
        sorted.sort_unstable();
        let n = sorted.len();
        let median = if n % 2 == 1 { sorted[n / 2] as f64 } else { (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0 };
        let average = sorted.iter().sum::<i64>() as f64 / n as f64;
        Some(DaysSummary { count: n, average, median })
    }
}

/// What the work on a ticket that went back to its customer was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// Repaired under warranty: the assessment's decision was covered.
    Warranty,
    /// Repaired on a quotation the customer accepted in writing.
    Paid,
    /// Sent back without the repair (the quotation declined or left to expire).
    Unrepaired,
}

impl WorkKind {
    pub const ALL: [WorkKind; 3] = [WorkKind::Warranty, WorkKind::Paid, WorkKind::Unrepaired];

    /// A repaired watch (collected or dispatched after its completion) is warranty work when
    /// the assessment said covered, and paid work otherwise: nothing else reaches the bench
    /// (work starts only from a covered decision or a written acceptance).
    pub fn of(repaired: bool, covered: bool) -> WorkKind {
        match (repaired, covered) {
            (false, _) => WorkKind::Unrepaired,
            (true, true) => WorkKind::Warranty,
            (true, false) => WorkKind::Paid,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            WorkKind::Warranty => "warranty",
            WorkKind::Paid => "paid",
            WorkKind::Unrepaired => "unrepaired",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkKind::Warranty => "Covered by warranty",
            WorkKind::Paid => "Paid repair",
            WorkKind::Unrepaired => "Returned unrepaired",
        }
    }
}

/// How late an open ticket is, in the bands a shop chases them by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverdueBand {
    UpToAWeek,
    UpToAMonth,
    UpToThreeMonths,
    OverThreeMonths,
}

impl OverdueBand {
    pub const ALL: [OverdueBand; 4] =
        [OverdueBand::UpToAWeek, OverdueBand::UpToAMonth, OverdueBand::UpToThreeMonths, OverdueBand::OverThreeMonths];

    /// The band of a ticket whose deadline was `deadline`, on `as_of`: none until the day
    /// after the deadline (the deadline day itself is still in time).
    pub fn of(deadline: Date, as_of: Date) -> Option<OverdueBand> {
        match days_between(deadline, as_of) {
            ..=0 => None,
            1..=7 => Some(OverdueBand::UpToAWeek),
            8..=30 => Some(OverdueBand::UpToAMonth),
            31..=90 => Some(OverdueBand::UpToThreeMonths),
            _ => Some(OverdueBand::OverThreeMonths),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            OverdueBand::UpToAWeek => "1_7",
            OverdueBand::UpToAMonth => "8_30",
            OverdueBand::UpToThreeMonths => "31_90",
            OverdueBand::OverThreeMonths => "over_90",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OverdueBand::UpToAWeek => "1 to 7 days late",
            OverdueBand::UpToAMonth => "8 to 30 days late",
            OverdueBand::UpToThreeMonths => "31 to 90 days late",
            OverdueBand::OverThreeMonths => "Over 90 days late",
        }
    }
}

/// The tax in what the account charges: the tax of the accepted quotation's repair
/// section, and of its cosmetic section when the customer confirmed that too. Storage,
/// shipping and insurance carry none (the quotation's lines are the only taxable ones).
pub fn charged_tax(accepted: Option<(&Quotation, bool)>) -> Amount {
    accepted.map_or(Amount::ZERO, |(q, cosmetic)| {
        Amount(q.repair.tax.0.saturating_add(if cosmetic { q.cosmetic.tax.0 } else { 0 }))
    })
}

/// The tax part of each of a ticket's entries (`signed`: payments above zero, refunds
/// below, oldest first), for an account that charges `charged` of which `tax` is tax.
///
/// The money taken carries the charges' share of tax, counted on the running total so the
/// parts never drift by rounding: once the customer has paid the whole account, its
/// entries' tax parts add up to its tax exactly. Money beyond the charges (a credit to be
/// refunded) carries none, and a refund gives back the tax of what it takes back.
pub fn tax_parts(signed: &[i64], charged: Amount, tax: Amount) -> Vec<Amount> {
    if charged.0 <= 0 || tax.0 == 0 {
        return vec![Amount::ZERO; signed.len()];
    }
    let share = |taken: i64| -> i64 {
        let taken = i128::from(taken.clamp(0, charged.0));
        let exact = taken * i128::from(tax.0);
        let whole = i128::from(charged.0);
        // Halves away from zero, as every rounding in Caseback.
        ((exact * 2 + whole) / (whole * 2)) as i64
    };
    let mut taken = 0i64;
    signed
        .iter()
        .map(|amount| {
            let before = share(taken);
            taken = taken.saturating_add(*amount);
            Amount(share(taken) - before)
        })
        .collect()
}
