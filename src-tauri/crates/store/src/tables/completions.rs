//! Table `completions`: the technician's record that the repair is done.

use caseback_domain::after_sale::Completion;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;
use rusqlite::{params, Connection, OptionalExtension};

use super::columns::{from_json, instant, to_json};
use crate::error::Result;

pub(crate) fn insert(conn: &Connection, ticket: TicketId, c: &Completion, by: StaffId, now: Timestamp) -> Result<()> {
    conn.execute(
        "INSERT INTO completions (ticket_id, completion_json, completed_at, staff_id) VALUES (?1, ?2, ?3, ?4)",
        params![ticket.0, to_json(c)?, now.to_string(), by.0],
    )?;
    Ok(())
}

/// The completion and when it was recorded.
pub(crate) fn get(conn: &Connection, ticket: TicketId) -> Result<Option<(Completion, Timestamp)>> {
    let row: Option<(String, String)> = conn
        .query_row("SELECT completion_json, completed_at FROM completions WHERE ticket_id = ?1", [ticket.0], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    row.map(|(c, at)| Ok((from_json("completion", &c)?, instant("completion time", &at)?))).transpose()
}
