//! Periods on the shop's local calendar: the one implementation every deadline uses.
//!
//! Conventions (fixed by the app-shape issue):
//! - A period of N days starting on local date D runs through the end of local date D+N.
//! - N business days from D end on the Nth working day after D, skipping the shop's
//!   weekend days and holidays (D itself never counts).
//! - M months from D end on D plus M calendar months, clamped to the month's last day
//!   (2024-02-29 + 12 months = 2025-02-28).

use std::fmt;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

mod range;
mod style;
pub use range::PeriodRange;
pub use style::DateStyle;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    Days,
    BusinessDays,
    Months,
}

impl PeriodUnit {
    pub const ALL: [PeriodUnit; 3] = [PeriodUnit::Days, PeriodUnit::BusinessDays, PeriodUnit::Months];

    pub fn key(self) -> &'static str {
        match self {
            PeriodUnit::Days => "days",
            PeriodUnit::BusinessDays => "business_days",
            PeriodUnit::Months => "months",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.key() == key)
    }

    /// The unit as a shop writes it: "days", "business days", "working-days", "month".
    fn parse(word: &str) -> Option<PeriodUnit> {
        Some(match word.trim().to_ascii_lowercase().replace(['-', '_'], " ").as_str() {
            "day" | "days" | "calendar days" => PeriodUnit::Days,
            "business day" | "business days" | "working days" | "working day" => PeriodUnit::BusinessDays,
            "month" | "months" => PeriodUnit::Months,
            _ => return None,
        })
    }

    fn label(self, count: u32) -> &'static str {
        match (self, count) {
            (PeriodUnit::Days, 1) => "day",
            (PeriodUnit::Days, _) => "days",
            (PeriodUnit::BusinessDays, 1) => "business day",
            (PeriodUnit::BusinessDays, _) => "business days",
            (PeriodUnit::Months, 1) => "month",
            (PeriodUnit::Months, _) => "months",
        }
    }
}

/// A length of time a policy names: "14 days", "2 business days", "12 months".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

/// The longest period a policy may name: ten years, in any unit.
pub const MAX_DAYS: u32 = 3_660;
pub const MAX_MONTHS: u32 = 120;

impl Period {
    pub const fn days(count: u32) -> Self {
        Period { count, unit: PeriodUnit::Days }
    }

    pub const fn business_days(count: u32) -> Self {
        Period { count, unit: PeriodUnit::BusinessDays }
    }

    pub const fn months(count: u32) -> Self {
        Period { count, unit: PeriodUnit::Months }
    }

    pub fn is_none(self) -> bool {
        self.count == 0
    }

    /// The last local date inside the period that starts on `start`.
    pub fn last_day(self, start: Date, calendar: &WorkCalendar) -> Date {
        match self.unit {
            PeriodUnit::Days => start.saturating_add(i64::from(self.count.min(MAX_DAYS)).days()),
            PeriodUnit::Months => start.saturating_add(i64::from(self.count.min(MAX_MONTHS)).months()),
            PeriodUnit::BusinessDays => calendar.add_business_days(start, self.count.min(MAX_DAYS)),
        }
    }

    /// Whether `day` falls inside the period that starts on `start` (both ends included).
    pub fn contains(self, start: Date, calendar: &WorkCalendar, day: Date) -> bool {
        start <= day && day <= self.last_day(start, calendar)
    }

    /// Parses "14 days", "2 business days", "12 months", "1 month".
    pub fn parse(text: &str) -> Result<Period, String> {
        let text = text.trim();
        let (count, unit) = text.split_once(char::is_whitespace).unwrap_or((text, "days"));
        let count: u32 = count
            .parse()
            .map_err(|_| format!("\"{text}\" is not a period (e.g. 14 days, 2 business days, 12 months)."))?;
        let unit = PeriodUnit::parse(unit)
            .ok_or_else(|| format!("\"{}\" is not a unit: use days, business days or months.", unit.trim()))?;
        Period { count, unit }.checked()
    }

    /// Refuses periods longer than ten years, which can only be typing mistakes.
    pub fn checked(self) -> Result<Period, String> {
        let max = if self.unit == PeriodUnit::Months { MAX_MONTHS } else { MAX_DAYS };
        if self.count > max {
            return Err(format!("At most {max} {} (ten years).", self.unit.label(max)));
        }
        Ok(self)
    }
}

impl Period {
    /// The period before a noun: "14-day", "2-business-day", "12-month" (the 14-day window).
    pub fn adjective(self) -> String {
        let unit = match self.unit {
            PeriodUnit::Days => "day",
            PeriodUnit::BusinessDays => "business-day",
            PeriodUnit::Months => "month",
        };
        format!("{}-{unit}", self.count)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.count, self.unit.label(self.count))
    }
}

/// How a deadline stands on a given day, for lists and the Today screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "due")]
pub enum Due {
    Overdue { days: i64 },
    Today,
    Upcoming { days: i64 },
}

impl Due {
    pub fn of(deadline: Date, today: Date) -> Due {
        let days = (deadline - today).get_days() as i64;
        match days {
            d if d < 0 => Due::Overdue { days: -d },
            0 => Due::Today,
            d => Due::Upcoming { days: d },
        }
    }

    /// "overdue by 2 days", "due today", "due tomorrow", "due in 5 days".
    pub fn describe(self) -> String {
        match self {
            Due::Overdue { days: 1 } => "overdue by 1 day".into(),
            Due::Overdue { days } => format!("overdue by {days} days"),
            Due::Today => "due today".into(),
            Due::Upcoming { days: 1 } => "due tomorrow".into(),
            Due::Upcoming { days } => format!("due in {days} days"),
        }
    }
}

/// A public holiday or closure day of the shop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: Date,
    pub name: String,
}

/// Which days the shop works: its working weekdays and its holidays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    #[serde(with = "weekday_names")]
    pub working_days: Vec<Weekday>,
    pub holidays: Vec<Holiday>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        use Weekday::*;
        WorkCalendar { working_days: vec![Monday, Tuesday, Wednesday, Thursday, Friday], holidays: Vec::new() }
    }
}

impl WorkCalendar {
    pub fn is_business_day(&self, day: Date) -> bool {
        self.working_days.contains(&day.weekday()) && !self.holidays.iter().any(|h| h.date == day)
    }

    /// The `n`th business day after `start`; `start` itself when `n` is 0. A calendar with no
    /// working weekday counts calendar days instead, so a deadline always exists.
    pub fn add_business_days(&self, start: Date, n: u32) -> Date {
        if self.working_days.is_empty() {
            return start.saturating_add(i64::from(n).days());
        }
        let mut day = start;
        let mut left = n;
        while left > 0 {
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => return Date::MAX,
            }
            if self.is_business_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// `day` if the shop works that day, else the next day it does: where a deadline given
    /// to a customer lands when its last day would fall on a weekend day or a holiday (a
    /// parcel must be received, a watch collected, on a day the shop is open). A calendar
    /// with no working weekday leaves `day` as it is.
    pub fn open_on_or_after(&self, day: Date) -> Date {
        if self.working_days.is_empty() {
            return day;
        }
        let mut day = day;
        while !self.is_business_day(day) {
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => return Date::MAX,
            }
        }
        day
    }
}

/// Weekdays as "mon".."sun" (jiff's `Weekday` has no serde form of its own).
pub mod weekday_names {
    use jiff::civil::Weekday;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub const NAMES: [(Weekday, &str); 7] = [
        (Weekday::Monday, "mon"),
        (Weekday::Tuesday, "tue"),
        (Weekday::Wednesday, "wed"),
        (Weekday::Thursday, "thu"),
        (Weekday::Friday, "fri"),
        (Weekday::Saturday, "sat"),
        (Weekday::Sunday, "sun"),
    ];

    pub fn name(day: Weekday) -> &'static str {
        NAMES.iter().find(|(d, _)| *d == day).map(|(_, n)| *n).unwrap_or("mon")
    }

    pub fn serialize<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(days.iter().map(|d| name(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|n| {
                NAMES
                    .iter()
                    .find(|(_, k)| k == n)
                    .map(|(day, _)| *day)
                    .ok_or_else(|| D::Error::custom(format!("unknown weekday {n}")))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    pub(super) fn hk_2026() -> WorkCalendar {
        WorkCalendar {
            holidays: vec![
                Holiday { date: date(2026, 1, 1), name: "New Year's Day".into() },
                Holiday { date: date(2026, 12, 25), name: "Christmas Day".into() },
                Holiday { date: date(2026, 12, 26), name: "Boxing Day".into() },
                Holiday { date: date(2027, 1, 1), name: "New Year's Day".into() },
            ],
            ..WorkCalendar::default()
        }
    }

    #[test]
    fn a_period_before_a_noun_is_hyphenated_and_singular() {
        assert_eq!(format!("the {} window", Period::days(14).adjective()), "the 14-day window");
        assert_eq!(Period::business_days(2).adjective(), "2-business-day");
        assert_eq!(Period::months(24).adjective(), "24-month");
        assert_eq!(Period::days(14).to_string(), "14 days", "on its own it stays plural");
    }

    #[test]
    fn days_run_through_the_end_of_start_plus_n() {
        let cal = WorkCalendar::default();
        // quotation issued 2026-03-02, valid 14 days: through 2026-03-16
        let p = Period::days(14);
        assert_eq!(p.last_day(date(2026, 3, 2), &cal), date(2026, 3, 16));
        assert!(p.contains(date(2026, 3, 2), &cal, date(2026, 3, 16)));
        assert!(!p.contains(date(2026, 3, 2), &cal, date(2026, 3, 17)));
        assert!(!p.contains(date(2026, 3, 2), &cal, date(2026, 3, 1)), "not before the start");
        // month and year ends
        assert_eq!(p.last_day(date(2026, 1, 25), &cal), date(2026, 2, 8));
        assert_eq!(p.last_day(date(2026, 12, 25), &cal), date(2027, 1, 8));
        // across a leap day and a non-leap February
        assert_eq!(Period::days(7).last_day(date(2024, 2, 25), &cal), date(2024, 3, 3));
        assert_eq!(Period::days(7).last_day(date(2025, 2, 25), &cal), date(2025, 3, 4));
        assert_eq!(Period::days(0).last_day(date(2026, 5, 5), &cal), date(2026, 5, 5));
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        let cal = WorkCalendar::default();
        assert_eq!(Period::months(12).last_day(date(2024, 2, 29), &cal), date(2025, 2, 28));
        assert_eq!(Period::months(48).last_day(date(2024, 2, 29), &cal), date(2028, 2, 29));
        assert_eq!(Period::months(1).last_day(date(2026, 1, 31), &cal), date(2026, 2, 28));
        assert_eq!(Period::months(1).last_day(date(2028, 1, 31), &cal), date(2028, 2, 29));
        assert_eq!(Period::months(24).last_day(date(2026, 8, 31), &cal), date(2028, 8, 31));
        assert_eq!(Period::months(12).last_day(date(2026, 12, 31), &cal), date(2027, 12, 31));
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let cal = hk_2026();
        // received Thursday 2026-11-19: 2 business days -> Monday 2026-11-23
        assert_eq!(Period::business_days(2).last_day(date(2026, 11, 19), &cal), date(2026, 11, 23));
        // received Friday: -> Tuesday
        assert_eq!(cal.add_business_days(date(2026, 11, 20), 2), date(2026, 11, 24));
        // received on a Saturday: counting starts Monday
        assert_eq!(cal.add_business_days(date(2026, 11, 21), 2), date(2026, 11, 24));
        // Christmas Eve (Thu) 2026: 25th and 26th holidays, 26th/27th weekend -> Mon 28th, Tue 29th
        assert_eq!(cal.add_business_days(date(2026, 12, 24), 2), date(2026, 12, 29));
        // year end: Wed 2026-12-30 -> Thu 31st, Fri 1 Jan is a holiday -> Mon 2027-01-04
        assert_eq!(cal.add_business_days(date(2026, 12, 30), 2), date(2027, 1, 4));
        // leap day is a Thursday in 2024
        assert_eq!(WorkCalendar::default().add_business_days(date(2024, 2, 28), 1), date(2024, 2, 29));
        assert_eq!(cal.add_business_days(date(2026, 5, 5), 0), date(2026, 5, 5));
    }

    #[test]
    fn six_day_week_and_empty_week() {
        use Weekday::*;
        let six = WorkCalendar {
            working_days: vec![Monday, Tuesday, Wednesday, Thursday, Friday, Saturday],
            holidays: vec![],
        };
        assert_eq!(six.add_business_days(date(2026, 11, 20), 2), date(2026, 11, 23), "Fri -> Sat, Mon");
        let none = WorkCalendar { working_days: vec![], holidays: vec![] };
        assert_eq!(none.add_business_days(date(2026, 11, 20), 2), date(2026, 11, 22));
    }

    #[test]
    fn due_counts_calendar_days_across_month_and_year_ends() {
        assert_eq!(Due::of(date(2026, 12, 1), date(2026, 11, 30)), Due::Upcoming { days: 1 });
        assert_eq!(Due::of(date(2026, 12, 30), date(2027, 1, 2)), Due::Overdue { days: 3 });
        assert_eq!(Due::of(date(2024, 2, 29), date(2024, 2, 29)), Due::Today);
        assert_eq!(Due::of(date(2024, 3, 1), date(2024, 2, 28)).describe(), "due in 2 days");
        assert_eq!(Due::Overdue { days: 1 }.describe(), "overdue by 1 day");
    }

    #[test]
    fn parses_periods() {
        assert_eq!(Period::parse("14 days").unwrap(), Period::days(14));
        assert_eq!(Period::parse("2 business days").unwrap(), Period::business_days(2));
        assert_eq!(Period::parse("1 month").unwrap(), Period::months(1));
        assert_eq!(Period::parse("7").unwrap(), Period::days(7));
        assert!(Period::parse("-3 days").is_err());
        assert!(Period::parse("3 weeks").is_err());
        assert!(Period::parse("121 months").is_err());
        assert_eq!(Period::business_days(1).to_string(), "1 business day");
    }

    pub(super) fn any_date() -> impl Strategy<Value = Date> {
        (2000i16..2100, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
            let first = date(y, m, 1);
            date(y, m, d.min(first.days_in_month()))
        })
    }

    proptest! {
        #[test]
        fn a_longer_period_never_ends_earlier(start in any_date(), n in 0u32..400, unit in 0usize..3) {
            let cal = hk_2026();
            let unit = PeriodUnit::ALL[unit];
            let short = Period { count: n, unit }.last_day(start, &cal);
            let long = Period { count: n + 1, unit }.last_day(start, &cal);
            prop_assert!(short < long || (unit == PeriodUnit::Months && short <= long));
            prop_assert!(short >= start);
        }

        #[test]
        fn business_deadlines_land_on_business_days(start in any_date(), n in 1u32..60) {
            let cal = hk_2026();
            let end = cal.add_business_days(start, n);
            prop_assert!(cal.is_business_day(end));
            // exactly n business days lie in (start, end]
            let mut count = 0;
            let mut d = start;
            while d < end { d = d.tomorrow().unwrap(); if cal.is_business_day(d) { count += 1; } }
            prop_assert_eq!(count, n);
        }

        #[test]
        fn days_period_contains_exactly_n_plus_one_dates(start in any_date(), n in 0u32..400) {
            let cal = WorkCalendar::default();
            let end = Period::days(n).last_day(start, &cal);
            prop_assert_eq!((end - start).get_days() as u32, n);
        }

        #[test]
        fn months_never_overflow_into_the_next_month(start in any_date(), m in 0u32..120) {
            let end = Period::months(m).last_day(start, &WorkCalendar::default());
            let months = (end.year() as i32 - start.year() as i32) * 12 + end.month() as i32 - start.month() as i32;
            prop_assert_eq!(months, m as i32);
            prop_assert!(end.day() <= start.day());
        }
    }
}
