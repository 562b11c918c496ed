//! The demo's bench: two watchmakers with their queues, a few watches nobody has yet, and
//! time spent on the work done.

use caseback_domain::staff::{Role, RosterEntry};
use caseback_domain::ticket::TicketState;
use jiff::{SignedDuration, Timestamp};

use crate::error::Result;
use crate::Shop;

/// The watchmakers among the demo's staff (the first, who set the shop up, runs it).
const WATCHMAKERS: [&str; 2] = ["Ahmet Yılmaz", "Sam Wong"];

pub(super) fn add_bench(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let staff = shop.staff()?;
    let by = staff.iter().find(|m| m.role == Role::Manager).map_or(staff[0].id, |m| m.id);
    let roster: Vec<RosterEntry> = staff
        .iter()
        .map(|m| RosterEntry {
            id: Some(m.id),
            name: m.name.clone(),
            active: m.active,
            role: if WATCHMAKERS.contains(&m.name.as_str()) { Role::Watchmaker } else { m.role },
        })
        .collect();
    let settings = shop.settings()?;
    let ago = |hours: i64| now.checked_sub(SignedDuration::from_hours(hours)).unwrap_or(now);
    shop.save_settings(by, &settings, &roster, ago(24 * 30))?;
    let watchmakers: Vec<_> = shop.staff()?.into_iter().filter(|m| m.role == Role::Watchmaker).map(|m| m.id).collect();

    // The watches at the bench, in turn to each watchmaker; the two booked in last wait for one.
    let mut waiting = Vec::new();
    for state in TicketState::BENCH {
        waiting.extend(shop.tickets_in_state(state, 100)?);
    }
    waiting.sort_by_key(|t| t.id);
    let keep = waiting.len().saturating_sub(2);
    for (i, t) in waiting.iter().take(keep).enumerate() {
        let to = watchmakers[i % watchmakers.len()];
        shop.assign_ticket(by, t.id, Some(to), ago(20))?;
        if matches!(t.state, TicketState::Assessing | TicketState::InRepair) {
            shop.log_work_time(
                to,
                t.id,
                if i % 2 == 0 { "0:40" } else { "1:15" },
                "Opened, cleaned and checked",
                ago(6),
            )?;
        }
    }
    // The finished work's time, for each watchmaker's total.
    for (i, t) in shop.tickets_in_state(TicketState::ReadyForCollection, 100)?.iter().enumerate() {
        let to = watchmakers[i % watchmakers.len()];
        shop.assign_ticket(by, t.id, Some(to), ago(72))?;
        shop.log_work_time(to, t.id, "2:30", "Full service", ago(48))?;
    }
    Ok(())
}
