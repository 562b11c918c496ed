//! Dates and instants as the screens print them: in the shop's time zone, the way the shop
//! writes dates (Settings → "Dates are written").

use caseback_domain::calendar::DateStyle;
use caseback_domain::Settings;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

pub struct Dates {
    zone: TimeZone,
    style: DateStyle,
}

impl Dates {
    pub fn of(settings: &Settings) -> Dates {
        Dates { zone: settings.time_zone(), style: settings.date_style }
    }

    /// "01/12/2026 14:05", local.
    pub fn instant(&self, at: Timestamp) -> String {
        let local = at.to_zoned(self.zone.clone());
        format!("{} {}", self.style.format(local.date()), local.strftime("%H:%M"))
    }

    /// "01/12/2026", "1 December 2026".
    pub fn day(&self, day: Date) -> String {
        self.style.format(day)
    }

    /// "Tuesday 01/12/2026".
    pub fn with_weekday(&self, day: Date) -> String {
        self.style.with_weekday(day)
    }
}
