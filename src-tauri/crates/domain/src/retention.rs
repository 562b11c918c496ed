//! Which automatic backups to keep: the newest backup of each of the 7 most recent days,
//! of each of the 4 most recent weeks (ISO weeks, Monday to Sunday) and of each of the 12
//! most recent months that have one. Everything else may be deleted.

use std::collections::BTreeSet;

use jiff::civil::Date;

pub const DAILY: usize = 7;
pub const WEEKLY: usize = 4;
pub const MONTHLY: usize = 12;

/// The backup days to keep, out of the days that have one.
pub fn keep(days: &[Date]) -> BTreeSet<Date> {
    let newest_first: Vec<Date> = days.iter().copied().collect::<BTreeSet<_>>().into_iter().rev().collect();
    let mut kept: BTreeSet<Date> = newest_first.iter().copied().take(DAILY).collect();
    let mut newest_of = |period: &dyn Fn(Date) -> (i16, i8), count: usize| {
        let mut seen = Vec::new();
        for day in &newest_first {
            let p = period(*day);
            if !seen.contains(&p) {
                if seen.len() == count {
                    break;
                }
                seen.push(p);
                kept.insert(*day);
            }
        }
    };
    newest_of(&|d: Date| (d.iso_week_date().year(), d.iso_week_date().week()), WEEKLY);
    newest_of(&|d: Date| (d.year(), d.month()), MONTHLY);
    kept
}

/// The backup days that fall out of the rotation.
pub fn prune(days: &[Date]) -> Vec<Date> {
    let kept = keep(days);
    let mut out: Vec<Date> = days.iter().copied().filter(|d| !kept.contains(d)).collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use jiff::ToSpan;
    use proptest::prelude::*;

    use super::*;

    fn every_day(from: Date, n: i64) -> Vec<Date> {
        (0..n).map(|i| from.checked_add(i.days()).unwrap()).collect()
    }

    #[test]
    fn a_year_of_daily_backups_keeps_7_days_4_weeks_and_12_months() {
        let days = every_day(date(2026, 1, 1), 365); // through 2026-12-31, a Thursday
        let kept = keep(&days);
        let newest: Vec<Date> = kept.iter().rev().copied().take(7).collect();
        assert_eq!(newest, every_day(date(2026, 12, 25), 7).into_iter().rev().collect::<Vec<_>>());
        // 2026 has an ISO week 53 (28-31 Dec); weeks 52, 51 and 50 end on Sundays 27, 20 and 13 Dec.
        for sunday in [date(2026, 12, 27), date(2026, 12, 20), date(2026, 12, 13)] {
            assert!(kept.contains(&sunday), "{sunday}");
        }
        assert!(!kept.contains(&date(2026, 12, 6)), "a fifth week is not kept");
        // Month ends, February included.
        for month_end in [date(2026, 11, 30), date(2026, 2, 28), date(2026, 1, 31)] {
            assert!(kept.contains(&month_end), "{month_end}");
        }
        assert_eq!(kept.len(), 7 + 2 + 11, "7 days, 2 weeks beyond them, 11 more months");
        assert_eq!(prune(&days).len(), 365 - kept.len());
    }

    #[test]
    fn an_app_opened_now_and_then_keeps_what_it_has() {
        let days = [date(2025, 12, 1), date(2026, 3, 15), date(2026, 3, 16)];
        assert!(prune(&days).is_empty());
    }

    proptest! {
        #[test]
        fn the_newest_is_always_kept_and_pruning_twice_changes_nothing(
            offsets in proptest::collection::vec(0i64..2_000, 1..200),
        ) {
            let days: Vec<Date> = offsets.iter().map(|o| date(2024, 2, 29).checked_add(o.days()).unwrap()).collect();
            let kept = keep(&days);
            prop_assert!(kept.contains(days.iter().max().unwrap()));
            prop_assert!(kept.len() <= DAILY + WEEKLY + MONTHLY);
            let again: Vec<Date> = kept.iter().copied().collect();
            prop_assert_eq!(keep(&again), kept);
        }
    }
}
