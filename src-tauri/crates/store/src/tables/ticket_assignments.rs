//! Table `ticket_assignments`: who at the bench each ticket is with now (its changes are in
//! the event log), and the bench's lists and counts drawn from it.

use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketId, TicketState};
use jiff::Timestamp;

use super::tickets::{notice_state, row, TicketRow, OPEN, ROW_SQL};
use crate::error::Result;
use crate::sql::{Db, Engine, Value};
use crate::vals;

pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<StaffId>> {
    conn.row("SELECT staff_id FROM ticket_assignments WHERE ticket_id = ?1", vals![ticket.0], |r| {
        Ok(StaffId(r.get(0)?))
    })
}

/// Gives the ticket to `staff`, or to nobody.
pub(crate) fn put(conn: &Db, ticket: TicketId, staff: Option<StaffId>, now: Timestamp) -> Result<()> {
    conn.exec("DELETE FROM ticket_assignments WHERE ticket_id = ?1", vals![ticket.0])?;
    if let Some(staff) = staff {
        conn.exec(
            "INSERT INTO ticket_assignments (ticket_id, staff_id, assigned_at) VALUES (?1, ?2, ?3)",
            vals![ticket.0, staff.0, now.to_string()],
        )?;
    }
    Ok(())
}

/// The watches waiting for the bench that `staff` has (not those waiting for the customer
/// or for collection), in booking order: the domain puts them in order of urgency.
pub(crate) fn bench_of(conn: &Db, staff: StaffId) -> Result<Vec<TicketRow>> {
    let (marks, states) = state_list(3);
    let mut args = vec![Value::Text(notice_state().into()), Value::Int(staff.0)];
    args.extend(states);
    conn.rows(
        &format!(
            "{ROW_SQL} JOIN ticket_assignments a ON a.ticket_id = t.id
             WHERE a.staff_id = ?2 AND t.state IN ({marks}) AND t.{OPEN} ORDER BY t.id"
        ),
        &args,
        row,
    )
}

fn state_list(first: usize) -> (String, Vec<Value>) {
    let marks = (first..first + TicketState::BENCH.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    (marks, TicketState::BENCH.iter().map(|s| Value::Text(s.key().into())).collect())
}

/// How many watches waiting for the bench are with each staff member.
pub(crate) fn bench_counts(conn: &Db) -> Result<Vec<(StaffId, usize)>> {
    let (marks, args) = state_list(1);
    conn.rows(
        &format!(
            "SELECT a.staff_id, COUNT(*) FROM ticket_assignments a JOIN tickets t ON t.id = a.ticket_id
             WHERE t.state IN ({marks}) AND t.{OPEN} GROUP BY a.staff_id ORDER BY a.staff_id"
        ),
        &args,
        |r| Ok((StaffId(r.get(0)?), r.get::<i64>(1)? as usize)),
    )
}

/// How many watches wait for the bench, whoever has them (counted in the index of open
/// tickets, whatever the number of tickets ever booked).
pub(crate) fn bench_total(conn: &Db) -> Result<usize> {
    let (marks, args) = state_list(1);
    let n: i64 =
        conn.value(&format!("SELECT COUNT(*) FROM tickets t WHERE t.state IN ({marks}) AND t.{OPEN}"), &args)?;
    Ok(n as usize)
}

/// The most urgent `limit` watches waiting for the bench that nobody has: those with a
/// deadline first, then those without one, the longest waiting first. The ids are chosen
/// first, from the tickets table alone, and only those few rows are then read in full.
pub(crate) fn unassigned(conn: &Db, limit: usize) -> Result<Vec<TicketRow>> {
    let (marks, states) = state_list(1);
    let nobody = "NOT EXISTS (SELECT 1 FROM ticket_assignments a WHERE a.ticket_id = t.id)";
    // SQLite, without statistics, would read every open ticket by its state and sort them;
    // its unary `+` keeps the state out of the index choice, so the deadlines' index is
    // walked in order and the first few found end the search. PostgreSQL plans this itself.
    let state = match conn.engine() {
        Engine::Sqlite => "+t.state",
        Engine::Postgres => "t.state",
    };
    let pick = |deadline: &str, order: &str, n: usize| -> Result<Vec<i64>> {
        conn.rows(
            &format!(
                "SELECT t.id FROM tickets t WHERE t.next_deadline {deadline} AND {state} IN ({marks}) AND t.{OPEN}
                 AND {nobody} ORDER BY {order} LIMIT {n}"
            ),
            &states,
            |r| r.get(0),
        )
    };
    let mut ids = pick("IS NOT NULL", "t.next_deadline, t.id", limit)?;
    if ids.len() < limit {
        ids.extend(pick("IS NULL", "t.received_on, t.id", limit - ids.len())?);
    }
    let ids: Vec<TicketId> = ids.into_iter().map(TicketId).collect();
    super::tickets::rows_of(conn, &ids)
}

/// Whether the shop has given any ticket to anyone: the bench is in use.
pub(crate) fn any(conn: &Db) -> Result<bool> {
    Ok(conn.row("SELECT 1 FROM ticket_assignments LIMIT 1", vals![], |r| r.get::<i64>(0))?.is_some())
}
