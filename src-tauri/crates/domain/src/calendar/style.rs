//! How a shop writes dates, on screen and on its forms: "1 December 2026", "01/12/2026",
//! "01.12.2026" or "2026-12-01". One style a shop, chosen in Settings (first from its
//! country), so a screen never mixes three.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// 1 December 2026.
    #[default]
    Words,
    /// 01/12/2026 (Hong Kong, the UK).
    DaySlashes,
    /// 01.12.2026 (Turkey, Germany).
    DayDots,
    /// 2026-12-01 (China, ISO 8601).
    Iso,
}

impl DateStyle {
    pub const ALL: [DateStyle; 4] = [DateStyle::Words, DateStyle::DaySlashes, DateStyle::DayDots, DateStyle::Iso];

    pub fn key(self) -> &'static str {
        match self {
            DateStyle::Words => "words",
            DateStyle::DaySlashes => "day_slashes",
            DateStyle::DayDots => "day_dots",
            DateStyle::Iso => "iso",
        }
    }

    /// The choice as the setting shows it: an example date.
    pub fn label(self) -> &'static str {
        match self {
            DateStyle::Words => "1 December 2026",
            DateStyle::DaySlashes => "01/12/2026",
            DateStyle::DayDots => "01.12.2026",
            DateStyle::Iso => "2026-12-01",
        }
    }

    /// What a date field shows while empty: how to type a date.
    pub fn hint(self) -> &'static str {
        match self {
            DateStyle::Words | DateStyle::DaySlashes => "DD/MM/YYYY",
            DateStyle::DayDots => "DD.MM.YYYY",
            DateStyle::Iso => "YYYY-MM-DD",
        }
    }

    /// The way the screens write a date, for the window's own date formatter: `D` and `DD`
    /// the day, `MM` and `MMMM` the month (number, English name), `YYYY` the year.
    pub fn pattern(self) -> &'static str {
        match self {
            DateStyle::Words => "D MMMM YYYY",
            DateStyle::DaySlashes => "DD/MM/YYYY",
            DateStyle::DayDots => "DD.MM.YYYY",
            DateStyle::Iso => "YYYY-MM-DD",
        }
    }

    /// The date with its weekday, as the top bar and customers' messages name today:
    /// "Tuesday 1 December 2026", "Tuesday 01/12/2026".
    pub fn with_weekday(self, day: Date) -> String {
        format!("{} {}", day.strftime("%A"), self.format(day))
    }

    /// The date written this way.
    pub fn format(self, day: Date) -> String {
        match self {
            DateStyle::Words => day.strftime("%-d %B %Y").to_string(),
            DateStyle::DaySlashes => day.strftime("%d/%m/%Y").to_string(),
            DateStyle::DayDots => day.strftime("%d.%m.%Y").to_string(),
            DateStyle::Iso => day.to_string(),
        }
    }

    /// `text` with each `YYYY-MM-DD` in it written this way instead. The domain words its
    /// sentences (policy checks, refusals, charges) once, with dates as the log keeps them;
    /// the screens, the forms and the messages show them in the shop's style through here.
    /// Anything that only looks like a date (2026-02-30) stays as it is.
    pub fn restyle(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            // A date starts a run of digits: not the tail of a longer number (12026-01-01).
            let starts_run = !out.ends_with(|c: char| c.is_ascii_digit());
            match rest.get(..10).filter(|_| starts_run).and_then(|head| head.parse::<Date>().ok()) {
                Some(d)
                    if rest.as_bytes().get(4) == Some(&b'-')
                        && !rest[10..].starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    out.push_str(&self.format(d));
                    rest = &rest[10..];
                }
                _ => {
                    let len = rest.chars().next().map_or(1, char::len_utf8);
                    out.push_str(&rest[..len]);
                    rest = &rest[len..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    pub fn parse_key(text: &str) -> Result<DateStyle, String> {
        let t = text.trim();
        DateStyle::ALL.into_iter().find(|s| s.key() == t || s.label() == t).ok_or_else(|| {
            let choices: Vec<&str> = DateStyle::ALL.iter().map(|s| s.label()).collect();
            format!("Choose how dates are written: {}.", choices.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn each_style_writes_a_date_its_own_way() {
        let d = date(2026, 12, 1);
        let written: Vec<String> = DateStyle::ALL.iter().map(|s| s.format(d)).collect();
        assert_eq!(written, ["1 December 2026", "01/12/2026", "01.12.2026", "2026-12-01"]);
        assert_eq!(DateStyle::DaySlashes.format(date(2028, 2, 29)), "29/02/2028");
        for s in DateStyle::ALL {
            assert_eq!(DateStyle::parse_key(s.key()), Ok(s));
            assert_eq!(s.label(), s.format(d), "the label is the example it shows");
            // The window's formatter reads the pattern: it must spell the same date.
            let (mut rest, mut by_pattern) = (s.pattern(), String::new());
            'read: while !rest.is_empty() {
                for (token, value) in [("YYYY", "2026"), ("MMMM", "December"), ("MM", "12"), ("DD", "01"), ("D", "1")] {
                    if let Some(after) = rest.strip_prefix(token) {
                        by_pattern.push_str(value);
                        rest = after;
                        continue 'read;
                    }
                }
                let mark = rest.chars().next().unwrap();
                by_pattern.push(mark);
                rest = &rest[mark.len_utf8()..];
            }
            assert_eq!(by_pattern, s.format(d));
        }
        assert_eq!(DateStyle::DayDots.with_weekday(date(2026, 12, 31)), "Thursday 31.12.2026");
    }

    #[test]
    fn sentences_get_their_dates_in_the_shops_style() {
        let text = "Requested 2026-11-25 after the 14-day window from delivery on 2026-11-05 (through 2026-11-19)";
        assert_eq!(
            DateStyle::DayDots.restyle(text),
            "Requested 25.11.2026 after the 14-day window from delivery on 05.11.2026 (through 19.11.2026)"
        );
        assert_eq!(DateStyle::Words.restyle("held through 2028-02-29."), "held through 29 February 2028.");
        // Not days, or parts of longer numbers: left alone.
        for kept in ["2026-02-30 is no day; 14 days", "order 12026-01-015", "R-2026-00042", "IBAN TR33 0006 1005"] {
            assert_eq!(DateStyle::DaySlashes.restyle(kept), kept);
        }
        assert_eq!(DateStyle::Words.restyle("İade 2026-11-05."), "İade 5 November 2026.");
        assert_eq!(DateStyle::Iso.restyle("2026-12-31"), "2026-12-31");
    }
}
