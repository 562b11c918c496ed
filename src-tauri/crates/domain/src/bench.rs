//! The bench: which watches a watchmaker has, in the order their deadlines make urgent, and
//! the time spent on each, typed the way a watchmaker writes it ("1:30", "1 h 30", "45").

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use crate::ticket::TicketState;
use crate::DomainError;

/// A single entry of more than this is a slip (a clock left running overnight, a zero too
/// many): each day's time is entered apart.
pub const MAX_ENTRY_MINUTES: u32 = 16 * 60;

/// Whether a watch in `state` can be given to someone at the bench: not once it has left
/// the shop.
pub fn check_assignable(state: TicketState) -> Result<(), DomainError> {
    if state.is_closed() {
        return Err(DomainError::invalid(
            "assignee",
            format!("This ticket is {}: the watch is no longer worked on.", state.label().to_lowercase()),
        ));
    }
    Ok(())
}

/// How urgent a watch on the bench is: the soonest deadline first (a watch overdue before
/// one due today), watches with no deadline after them, the longest waiting first.
pub fn urgency(next_deadline: Option<Date>, received_on: Date) -> (bool, Date, Date) {
    (next_deadline.is_none(), next_deadline.unwrap_or(Date::MAX), received_on)
}

/// Minutes as typed: "90", "1:30", "1h30", "1 h 30 min", "45 min", "2h". Refused, in a
/// sentence for the field: nothing, zero, text, or more than a day's entry.
pub fn parse_minutes(typed: &str) -> Result<u32, String> {
    let t = typed.trim().to_lowercase().replace(' ', "");
    let number = |s: &str| -> Option<u32> {
        if s.is_empty() {
            Some(0)
        } else {
            s.parse::<u32>().ok()
        }
    };
    let minutes = if let Some((h, m)) = t.split_once(':') {
        match (number(h), number(m)) {
            (Some(h), Some(m)) if m < 60 => h.checked_mul(60).and_then(|h| h.checked_add(m)),
            _ => None,
        }
    } else if let Some((h, rest)) = t.split_once('h') {
        let m = rest.trim_end_matches("min").trim_end_matches('m');
        match (h.parse::<u32>().ok(), number(m)) {
            (Some(h), Some(m)) if m < 60 => h.checked_mul(60).and_then(|h| h.checked_add(m)),
            _ => None,
        }
    } else {
        t.trim_end_matches("min").trim_end_matches('m').parse::<u32>().ok()
    };
    match minutes {
        _ if t.is_empty() => Err("Enter the time spent, e.g. 45 or 1:30.".into()),
        None => Err(format!("\"{}\" is not a time: enter minutes (45) or hours and minutes (1:30).", typed.trim())),
        Some(0) => Err("Enter the time spent: it cannot be none.".into()),
        Some(m) if m > MAX_ENTRY_MINUTES => Err("More than 16 hours in one entry: enter each day's time apart.".into()),
        Some(m) => Ok(m),
    }
}

/// "45 min", "1 h 30 min", "2 h".
pub fn format_minutes(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The time a clock started at `started` and stopped at `stopped` counts: to the nearest
/// minute, at least one (a clock stopped at once still records the start of the work).
pub fn clocked_minutes(started: Timestamp, stopped: Timestamp) -> Result<u32, DomainError> {
    let elapsed = stopped.duration_since(started);
    if elapsed < SignedDuration::ZERO {
        return Err(DomainError::invalid("clock", "The clock was stopped before it was started."));
    }
    let minutes = ((elapsed.as_secs() + 30) / 60).max(1);
    if minutes > i64::from(MAX_ENTRY_MINUTES) {
        return Err(DomainError::invalid(
            "clock",
            "This clock ran more than 16 hours: it was left running. Enter the time spent instead.",
        ));
    }
    Ok(minutes as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn time_is_read_the_ways_a_watchmaker_writes_it() {
        for (typed, minutes) in [
            ("45", 45),
            ("45 min", 45),
            ("45m", 45),
            ("1:30", 90),
            ("1h30", 90),
            ("1 h 30 min", 90),
            ("2h", 120),
            (" 0:05 ", 5),
            ("16:00", 960),
        ] {
            assert_eq!(parse_minutes(typed), Ok(minutes), "{typed}");
        }
        for typed in ["", "0", "0:00", "abc", "1:75", "-5", "16:01", "1,5", "h"] {
            assert!(parse_minutes(typed).is_err(), "{typed} is refused");
        }
        assert!(parse_minutes("17h").unwrap_err().contains("each day"));
        assert!(parse_minutes("soon").unwrap_err().contains("\"soon\" is not a time"));
    }

    #[test]
    fn time_is_written_in_hours_and_minutes() {
        assert_eq!(format_minutes(45), "45 min");
        assert_eq!(format_minutes(120), "2 h");
        assert_eq!(format_minutes(95), "1 h 35 min");
        assert_eq!(format_minutes(60 * 30 + 1), "30 h 1 min", "a ticket's total may run past a day");
    }

    #[test]
    fn a_clock_counts_to_the_nearest_minute_and_refuses_one_left_running() {
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        // Across midnight at the year end.
        assert_eq!(clocked_minutes(at("2026-12-31T23:40:00Z"), at("2027-01-01T00:25:29Z")).unwrap(), 45);
        assert_eq!(clocked_minutes(at("2026-12-31T23:40:00Z"), at("2027-01-01T00:25:30Z")).unwrap(), 46);
        assert_eq!(clocked_minutes(at("2028-02-29T09:00:00Z"), at("2028-02-29T09:00:10Z")).unwrap(), 1);
        assert!(clocked_minutes(at("2026-11-02T09:00:00Z"), at("2026-11-03T09:00:00Z")).is_err());
        assert!(clocked_minutes(at("2026-11-02T09:00:00Z"), at("2026-11-02T08:00:00Z")).is_err());
    }

    #[test]
    fn the_most_urgent_watch_comes_first() {
        let mut bench = [
            ("no deadline, waiting long", None, date(2026, 10, 1)),
            ("due tomorrow", Some(date(2026, 12, 2)), date(2026, 11, 30)),
            ("overdue since the leap day", Some(date(2024, 2, 29)), date(2024, 2, 25)),
            ("no deadline, just in", None, date(2026, 11, 30)),
            ("due tomorrow, in earlier", Some(date(2026, 12, 2)), date(2026, 11, 20)),
        ];
        bench.sort_by_key(|(_, deadline, received)| urgency(*deadline, *received));
        let order: Vec<_> = bench.iter().map(|(what, ..)| *what).collect();
        assert_eq!(
            order,
            [
                "overdue since the leap day",
                "due tomorrow, in earlier",
                "due tomorrow",
                "no deadline, waiting long",
                "no deadline, just in"
            ]
        );
    }

    #[test]
    fn a_watch_that_left_the_shop_is_given_to_nobody() {
        for state in TicketState::ALL {
            assert_eq!(check_assignable(state).is_ok(), !state.is_closed(), "{state:?}");
        }
    }

    proptest! {
        #[test]
        fn any_time_written_back_reads_as_the_same(minutes in 1u32..=MAX_ENTRY_MINUTES) {
            let written = format_minutes(u64::from(minutes)).replace(" min", "");
            prop_assert_eq!(parse_minutes(&written), Ok(minutes));
        }
    }
}
