//! The period a report covers: two of the shop's calendar dates, both included, and the
//! months it spans.

use std::fmt;

use jiff::civil::{date, Date};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use crate::DomainError;

/// The longest period a report covers: a longer one is more likely a typing slip than a
/// question, and would read every record the shop has.
pub const MAX_YEARS: i16 = 5;

/// From and to, the shop's local calendar dates, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPeriod {
    pub from: Date,
    pub to: Date,
}

impl ReportPeriod {
    /// Refused (at `to`) when it ends before it starts or runs longer than five years.
    pub fn new(from: Date, to: Date) -> Result<ReportPeriod, DomainError> {
        if from > to {
            return Err(DomainError::invalid("to", "The period ends before it starts: pick a later end date."));
        }
        let limit = from.checked_add(i64::from(MAX_YEARS).years()).unwrap_or(Date::MAX);
        if to >= limit {
            return Err(DomainError::invalid(
                "to",
                format!("A report covers at most {MAX_YEARS} years: pick an earlier end date."),
            ));
        }
        Ok(ReportPeriod { from, to })
    }

    /// The dates as the period picker sends them (`2026-11-01`), each refused at its field.
    pub fn parse(from: &str, to: &str) -> Result<ReportPeriod, DomainError> {
        let day = |field: &str, text: &str| -> Result<Date, DomainError> {
            text.trim().parse::<Date>().map_err(|_| {
                DomainError::invalid(field, format!("\"{}\" is not a date (e.g. 2026-11-30).", text.trim()))
            })
        };
        ReportPeriod::new(day("from", from)?, day("to", to)?)
    }

    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// The day "as of the period's end" means: its last day, or today when it has not
    /// ended yet (nothing after today is known).
    pub fn as_of(&self, today: Date) -> Date {
        self.to.min(today).max(self.from)
    }

    /// Every month the period touches, first to last.
    pub fn months(&self) -> Vec<MonthKey> {
        let last = MonthKey::of(self.to);
        let mut months = vec![MonthKey::of(self.from)];
        while let Some(next) = months.last().and_then(|m| m.next()).filter(|m| *m <= last) {
            months.push(next);
        }
        months
    }
}

/// A calendar month, for grouping by month: `2026-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MonthKey {
    pub year: i16,
    pub month: i8,
}

impl MonthKey {
    pub fn of(day: Date) -> MonthKey {
        MonthKey { year: day.year(), month: day.month() }
    }

    pub fn first_day(self) -> Date {
        date(self.year, self.month, 1)
    }

    pub fn last_day(self) -> Date {
        self.first_day().last_of_month()
    }

    fn next(self) -> Option<MonthKey> {
        self.last_day().tomorrow().ok().map(MonthKey::of)
    }

    fn previous(self) -> Option<MonthKey> {
        self.first_day().yesterday().ok().map(MonthKey::of)
    }

    /// "November 2026".
    pub fn label(self) -> String {
        self.first_day().strftime("%B %Y").to_string()
    }
}

impl fmt::Display for MonthKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The periods the picker offers, each worked out from today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodPreset {
    ThisMonth,
    LastMonth,
    ThisYear,
    LastYear,
}

impl PeriodPreset {
    pub const ALL: [PeriodPreset; 4] =
        [PeriodPreset::ThisMonth, PeriodPreset::LastMonth, PeriodPreset::ThisYear, PeriodPreset::LastYear];

    pub fn key(self) -> &'static str {
        match self {
            PeriodPreset::ThisMonth => "this_month",
            PeriodPreset::LastMonth => "last_month",
            PeriodPreset::ThisYear => "this_year",
            PeriodPreset::LastYear => "last_year",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PeriodPreset::ThisMonth => "This month",
            PeriodPreset::LastMonth => "Last month",
            PeriodPreset::ThisYear => "This year",
            PeriodPreset::LastYear => "Last year",
        }
    }

    /// The whole month or year: "this month" runs to its last day, though the days after
    /// today hold nothing yet, so the months of a year line up whenever it is asked.
    pub fn period(self, today: Date) -> ReportPeriod {
        let month = MonthKey::of(today);
        let (from, to) = match self {
            PeriodPreset::ThisMonth => (month.first_day(), month.last_day()),
            PeriodPreset::LastMonth => {
                let last = month.previous().unwrap_or(month);
                (last.first_day(), last.last_day())
            }
            PeriodPreset::ThisYear => (date(today.year(), 1, 1), date(today.year(), 12, 31)),
            PeriodPreset::LastYear => {
                let year = today.year().saturating_sub(1).max(Date::MIN.year());
                (date(year, 1, 1), date(year, 12, 31))
            }
        };
        ReportPeriod { from, to }
    }
}
