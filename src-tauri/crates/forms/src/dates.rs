//! Dates as the shop writes them (`Settings::date_style`), so a form shows the one style the
//! screens do: "01.12.2026" in a Turkish shop, "1 December 2026" in one that writes words.
//! A weekday may stand in front, as in the ticket band's cells ("Tue 01.12.2026") and in
//! sentences ("Tuesday 1 December 2026").

use caseback_domain::DateStyle;
use jiff::civil::Date;

/// "01.12.2026": the date alone, in a table cell or after a label.
pub(crate) fn day(style: DateStyle, date: Date) -> String {
    style.format(date)
}

/// "Tue 01.12.2026": short enough for the ticket band's cells.
pub(crate) fn short_date(style: DateStyle, date: Date) -> String {
    format!("{} {}", date.strftime("%a"), style.format(date))
}

/// "Tuesday 01.12.2026", or "Tuesday 1 December 2026": for sentences and deadlines.
pub(crate) fn long_date(style: DateStyle, date: Date) -> String {
    style.with_weekday(date)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn dates_take_the_shops_style_with_the_weekday_in_front() {
        let d = date(2026, 12, 1);
        assert_eq!(day(DateStyle::DayDots, d), "01.12.2026");
        assert_eq!(short_date(DateStyle::DaySlashes, d), "Tue 01/12/2026");
        assert_eq!(long_date(DateStyle::Words, d), "Tuesday 1 December 2026");
        assert_eq!(long_date(DateStyle::Iso, d), "Tuesday 2026-12-01");
    }
}
