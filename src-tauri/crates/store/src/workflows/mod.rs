//! What the shop does, one `impl Shop` block per workflow. Each change is one transaction
//! with its event-log entry, composed of the table modules (no SQL here) and decided by the
//! domain's rules.

mod after_sale;
pub(crate) mod approvals;
pub mod bench;
mod clock;
mod customer_edits;
mod customer_imports;
mod intake;
pub mod moving;
pub mod outbox;
mod papers;
mod quoting;
mod reports;
mod return_corrections;
mod return_outcomes;
mod returning;
mod setup;
mod signatures;
pub mod stock;
pub(crate) mod watches;

use crate::sql::Db;
use caseback_domain::event::Action;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{Ticket, TicketState};
use jiff::Timestamp;
use serde_json::json;

use crate::error::Result;
use crate::tables::tickets;

/// Moves `ticket` through `states` in order (each checked by the state machine), logging
/// each as staff's (`by`) or the clock's (`None`).
fn walk(tx: &Db, ticket: &mut Ticket, states: &[TicketState], by: Option<StaffId>, now: Timestamp) -> Result<()> {
    for next in states {
        let from = ticket.state;
        ticket.state = from.move_to(*next)?;
        tickets::update_state(tx, ticket)?;
        let who = if by.is_some() { "staff" } else { "clock" };
        crate::log_ticket(tx, now, by, ticket, Action::TicketState, json!({ "from": from, "to": next, "by": who }))?;
        stock::release_parts(tx, ticket, by, now)?;
    }
    Ok(())
}
