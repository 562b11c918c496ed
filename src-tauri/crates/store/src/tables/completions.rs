//! Table `completions`: the technician's record that the repair is done.

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::Completion;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::{from_json, instant, to_json};
use crate::error::Result;

pub(crate) fn insert(conn: &Db, ticket: TicketId, c: &Completion, by: StaffId, now: Timestamp) -> Result<()> {
    conn.exec(
        "INSERT INTO completions (ticket_id, completion_json, completed_at, staff_id) VALUES (?1, ?2, ?3, ?4)",
        vals![ticket.0, to_json(c)?, now.to_string(), by.0],
    )?;
    Ok(())
}

/// The completion and when it was recorded.
pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<(Completion, Timestamp)>> {
    let row: Option<(String, String)> =
        conn.row("SELECT completion_json, completed_at FROM completions WHERE ticket_id = ?1", vals![ticket.0], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    row.map(|(c, at)| Ok((from_json("completion", &c)?, instant("completion time", &at)?))).transpose()
}

/// A completion as the report reads it: the ticket's id and number, when, who recorded it
/// and who the ticket is given to (if anyone), each with their name.
pub(crate) type Completed = (TicketId, String, String, (StaffId, String), Option<(StaffId, String)>);

/// Repairs recorded done from `after` up to `before` (instants as text; the caller narrows
/// them to the shop's days): the ticket, when, who recorded it and who it is given to
/// (`report::credited` says whose job it is).
pub(crate) fn completed_between(conn: &Db, after: &str, before: &str) -> Result<Vec<Completed>> {
    conn.rows(
        "SELECT t.id, t.number, c.completed_at, r.id, r.name, g.id, g.name
         FROM completions c JOIN tickets t ON t.id = c.ticket_id
         JOIN staff r ON r.id = c.staff_id
         LEFT JOIN ticket_assignments a ON a.ticket_id = c.ticket_id
         LEFT JOIN staff g ON g.id = a.staff_id
         WHERE c.completed_at >= ?1 AND c.completed_at < ?2 ORDER BY c.ticket_id",
        vals![after, before],
        |r| {
            let given = match (r.get::<Option<i64>>(5)?, r.get::<Option<String>>(6)?) {
                (Some(id), Some(name)) => Some((StaffId(id), name)),
                _ => None,
            };
            Ok((TicketId(r.get(0)?), r.get(1)?, r.get(2)?, (StaffId(r.get(3)?), r.get(4)?), given))
        },
    )
}
