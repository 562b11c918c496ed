//! Table `ticket_assignments`: who at the bench each ticket is with now (its changes are in
//! the event log), and the bench's lists and counts drawn from it.

use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketId, TicketState};
use jiff::Timestamp;

use super::tickets::{notice_state, row, TicketRow, OPEN, ROW_SQL};
use crate::error::Result;
use crate::sql::{Db, Value};
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
/// or for collection).
pub(crate) fn bench_of(conn: &Db, staff: StaffId) -> Result<Vec<TicketRow>> {
    let (marks, states) = state_list(3);
    let mut args = vec![Value::Text(notice_state().into()), Value::Int(staff.0)];
    args.extend(states);
    conn.rows(
        &format!(
            "{ROW_SQL} JOIN ticket_assignments a ON a.ticket_id = t.id
             WHERE a.staff_id = ?2 AND t.state IN ({marks}) AND t.{OPEN}
             ORDER BY t.next_deadline IS NULL, t.next_deadline, t.received_on, t.id"
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

/// The most urgent `limit` watches waiting for the bench that nobody has.
pub(crate) fn unassigned(conn: &Db, limit: usize) -> Result<Vec<TicketRow>> {
    let (marks, states) = state_list(2);
    let mut args = vec![Value::Text(notice_state().into())];
    args.extend(states);
    conn.rows(
        &format!(
            "{ROW_SQL} WHERE t.state IN ({marks}) AND t.{OPEN}
             AND NOT EXISTS (SELECT 1 FROM ticket_assignments a WHERE a.ticket_id = t.id)
             ORDER BY t.next_deadline IS NULL, t.next_deadline, t.received_on, t.id LIMIT {limit}"
        ),
        &args,
        row,
    )
}
