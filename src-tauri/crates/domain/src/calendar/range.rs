//! A time given as a range, in days or business days: how long a refund takes to show in
//! the customer's account.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Period, PeriodUnit, WorkCalendar};

/// A time given as a range the shop does not control, such as how long a refund takes to
/// show in the customer's account: "7 to 14 business days", "within 1 day" (0 to 1).
///
/// Counted like `Period` from a start date: the first and last dates are `from` and `to`
/// units after it. Days and business days only; a range in months is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PeriodRange {
    pub from: u32,
    pub to: u32,
    pub unit: PeriodUnit,
}

const RANGE_EXAMPLE: &str = "e.g. 7-14 business days, or within 1 day";

impl PeriodRange {
    pub const fn days(from: u32, to: u32) -> Self {
        PeriodRange { from, to, unit: PeriodUnit::Days }
    }

    pub const fn business_days(from: u32, to: u32) -> Self {
        PeriodRange { from, to, unit: PeriodUnit::BusinessDays }
    }

    /// Parses "7-14 business days", "7 to 14 business days", "7–14 business days",
    /// "1 day" or "within 1 day" (0 to 1), "up to 7 days", "24 hours" (whole days only)
    /// and "the same day" (0 to 0; "the same business day" when it must be one).
    pub fn parse(text: &str) -> Result<PeriodRange, String> {
        let original = text.trim();
        let lower = original.to_lowercase().replace(['\u{2013}', '\u{2014}', '\u{2212}'], "-");
        if matches!(lower.as_str(), "same day" | "the same day") {
            return Ok(PeriodRange::days(0, 0));
        }
        if matches!(lower.as_str(), "same business day" | "the same business day") {
            return Ok(PeriodRange::business_days(0, 0));
        }
        let not_a_range = || format!("\"{original}\" is not a time a refund takes ({RANGE_EXAMPLE}).");
        let spaced = lower.replace('-', " - ");
        let mut words = spaced.split_whitespace().peekable();
        if words.peek() == Some(&"within") {
            words.next();
        } else if words.peek() == Some(&"up") {
            words.next();
            if words.next() != Some("to") {
                return Err(not_a_range());
            }
        }
        let number = |word: Option<&str>| word.and_then(|w| w.parse::<u32>().ok()).ok_or_else(not_a_range);
        let first = number(words.next())?;
        let (from, to) = match words.peek() {
            Some(&"-") | Some(&"to") => {
                words.next();
                (first, number(words.next())?)
            }
            _ => (0, first),
        };
        let unit_words: Vec<&str> = words.filter(|w| *w != "-").collect();
        let unit_text = unit_words.join(" ");
        let (from, to, unit) = match unit_text.as_str() {
            "" => return Err(format!("Say days or business days: {RANGE_EXAMPLE}.")),
            "hour" | "hours" => {
                if from % 24 != 0 || to % 24 != 0 {
                    return Err("Write hours as whole days: 24 hours is 1 day, 48 hours 2 days.".into());
                }
                (from / 24, to / 24, PeriodUnit::Days)
            }
            words => {
                let unit = PeriodUnit::parse(words)
                    .ok_or_else(|| format!("\"{words}\" is not a unit: use days or business days."))?;
                (from, to, unit)
            }
        };
        PeriodRange { from, to, unit }.checked()
    }

    /// Refuses ranges in months, upside-down ranges and ranges longer than ten years.
    pub fn checked(self) -> Result<PeriodRange, String> {
        if self.unit == PeriodUnit::Months {
            return Err(format!("Give this in days or business days, not months ({RANGE_EXAMPLE})."));
        }
        if self.from > self.to {
            return Err(format!(
                "The range is upside down: {} is more than {}. Put the shorter time first ({RANGE_EXAMPLE}).",
                self.from, self.to
            ));
        }
        Period { count: self.to, unit: self.unit }.checked()?;
        Ok(self)
    }

    /// The first and last local dates of the range counted from `start`.
    pub fn dates(self, start: Date, calendar: &WorkCalendar) -> (Date, Date) {
        let at = |count| Period { count, unit: self.unit }.last_day(start, calendar);
        (at(self.from), at(self.to))
    }
}

impl fmt::Display for PeriodRange {
    /// "7 to 14 business days", "within 1 day", "the same day".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = self.unit.label(self.to);
        match (self.from, self.to) {
            (0, 0) if self.unit == PeriodUnit::BusinessDays => write!(f, "the same business day"),
            (0, 0) => write!(f, "the same day"),
            (0, to) => write!(f, "within {to} {unit}"),
            (from, to) => write!(f, "{from} to {to} {unit}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::super::tests::{any_date, hk_2026};
    use super::super::MAX_DAYS;
    use super::*;

    #[test]
    fn parses_period_ranges_in_the_shops_words() {
        let card = PeriodRange::business_days(7, 14);
        for text in ["7-14 business days", "7 to 14 business days", "7–14 business days", "7 - 14 Business-Days"] {
            assert_eq!(PeriodRange::parse(text).unwrap(), card, "{text}");
        }
        assert_eq!(PeriodRange::parse("7—14 working days").unwrap(), card, "em dash");
        assert_eq!(PeriodRange::parse("2-10 business days").unwrap(), PeriodRange::business_days(2, 10));
        assert_eq!(PeriodRange::parse("1 day").unwrap(), PeriodRange::days(0, 1));
        assert_eq!(PeriodRange::parse("within 1 day").unwrap(), PeriodRange::days(0, 1));
        assert_eq!(PeriodRange::parse(" Within 3 business days ").unwrap(), PeriodRange::business_days(0, 3));
        assert_eq!(PeriodRange::parse("up to 7 days").unwrap(), PeriodRange::days(0, 7));
        assert_eq!(PeriodRange::parse("within 24 hours").unwrap(), PeriodRange::days(0, 1));
        assert_eq!(PeriodRange::parse("the same day").unwrap(), PeriodRange::days(0, 0));
        assert_eq!(PeriodRange::parse("within 0 days").unwrap(), PeriodRange::days(0, 0));
        assert_eq!(PeriodRange::parse("5-5 days").unwrap(), PeriodRange::days(5, 5));
    }

    #[test]
    fn refuses_ranges_that_cannot_be_meant() {
        let err = |text: &str| PeriodRange::parse(text).unwrap_err();
        assert!(err("14-7 business days").contains("upside down"), "{}", err("14-7 business days"));
        assert!(err("1-2 months").contains("not months"));
        assert!(err("within 2 months").contains("not months"));
        assert!(err("7-14").contains("days or business days"), "a unit is required");
        assert!(err("7-3661 days").contains("3660"), "over ten years");
        assert!(err("30 hours").contains("whole days"));
        assert!(err("3 weeks").contains("not a unit"));
        for text in ["", "soon", "within", "7 to", "7-", "-3 days", "7 14 days", "up 7 days", "seven days"] {
            assert!(PeriodRange::parse(text).is_err(), "{text:?} was accepted");
        }
        assert!(PeriodRange { from: 1, to: 2, unit: PeriodUnit::Months }.checked().is_err());
        assert!(PeriodRange::business_days(3, 1).checked().is_err());
        assert!(PeriodRange::days(0, MAX_DAYS).checked().is_ok());
    }

    #[test]
    fn period_ranges_display_in_words_and_round_trip() {
        let cases = [
            (PeriodRange::business_days(7, 14), "7 to 14 business days"),
            (PeriodRange::business_days(1, 3), "1 to 3 business days"),
            (PeriodRange::business_days(0, 1), "within 1 business day"),
            (PeriodRange::days(0, 1), "within 1 day"),
            (PeriodRange::days(5, 5), "5 to 5 days"),
            (PeriodRange::days(0, 0), "the same day"),
        ];
        for (range, words) in cases {
            assert_eq!(range.to_string(), words);
            assert_eq!(PeriodRange::parse(words).unwrap(), range, "{words}");
        }
        let json = serde_json::to_string(&PeriodRange::business_days(7, 14)).unwrap();
        assert_eq!(json, r#"{"from":7,"to":14,"unit":"business_days"}"#);
        assert_eq!(serde_json::from_str::<PeriodRange>(&json).unwrap(), PeriodRange::business_days(7, 14));
    }

    #[test]
    fn period_range_dates_skip_weekends_holidays_and_cross_the_year_end() {
        let cal = hk_2026();
        // refunded Friday 2026-11-20: 7 to 14 business days -> Tue 1 Dec to Thu 10 Dec
        let card = PeriodRange::business_days(7, 14);
        assert_eq!(card.dates(date(2026, 11, 20), &cal), (date(2026, 12, 1), date(2026, 12, 10)));
        // refunded on a Saturday: counting starts Monday
        assert_eq!(
            PeriodRange::business_days(1, 3).dates(date(2026, 11, 21), &cal),
            (date(2026, 11, 23), date(2026, 11, 25))
        );
        // refunded Wed 2026-12-23: Thu 24th is the 1st business day, then the 25th and 26th are
        // holidays and the 27th a Sunday, so Mon 28th is the 2nd; Fri 1 Jan is a holiday, so
        // the 7th is Tue 5 Jan and the 14th Thu 14 Jan
        assert_eq!(
            PeriodRange::business_days(1, 3).dates(date(2026, 12, 23), &cal),
            (date(2026, 12, 24), date(2026, 12, 29))
        );
        assert_eq!(card.dates(date(2026, 12, 23), &cal), (date(2027, 1, 5), date(2027, 1, 14)));
        // calendar days count the holidays
        assert_eq!(PeriodRange::days(5, 7).dates(date(2026, 12, 23), &cal), (date(2026, 12, 28), date(2026, 12, 30)));
        // within a day, from Monday 2028-02-28 to the leap day
        let cal = WorkCalendar::default();
        assert_eq!(PeriodRange::days(0, 1).dates(date(2028, 2, 28), &cal), (date(2028, 2, 28), date(2028, 2, 29)));
        assert_eq!(
            PeriodRange::business_days(1, 3).dates(date(2028, 2, 28), &cal),
            (date(2028, 2, 29), date(2028, 3, 2))
        );
        assert_eq!(PeriodRange::days(0, 0).dates(date(2026, 5, 5), &cal), (date(2026, 5, 5), date(2026, 5, 5)));
        // the same business day keeps its unit when written out and read back
        let same = PeriodRange::business_days(0, 0);
        assert_eq!(same.to_string(), "the same business day");
        assert_eq!(PeriodRange::parse("the same business day"), Ok(same));
    }

    proptest! {
        #[test]
        fn period_ranges_round_trip_and_never_end_before_they_start(
            start in any_date(), from in 0u32..60, extra in 0u32..60, business: bool,
        ) {
            let unit = if business { PeriodUnit::BusinessDays } else { PeriodUnit::Days };
            let range = PeriodRange { from, to: from + extra, unit };
            prop_assert_eq!(PeriodRange::parse(&range.to_string()), Ok(range));
            let (first, last) = range.dates(start, &hk_2026());
            prop_assert!(start <= first && first <= last);
        }
    }
}
