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
