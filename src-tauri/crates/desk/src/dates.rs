//! Dates and instants as the screens print them, in the shop's time zone.

use caseback_domain::Settings;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

pub struct Dates {
    zone: TimeZone,
}

impl Dates {
    pub fn of(settings: &Settings) -> Dates {
        Dates { zone: settings.time_zone() }
    }

    /// "2026-11-30 14:05", local.
    pub fn instant(&self, at: Timestamp) -> String {
        at.to_zoned(self.zone.clone()).strftime("%Y-%m-%d %H:%M").to_string()
    }
}

/// "Monday 30 November 2026".
pub fn in_words(day: Date) -> String {
    day.strftime("%A %-d %B %Y").to_string()
}
