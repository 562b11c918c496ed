//! Table `readings`: the bench's readings of a ticket's watch, one set per stage (before and
//! after the work), replaced when taken again (the event log keeps each).

use caseback_domain::readings::{ReadingStage, Readings};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::{from_json, instant, to_json, to_key};
use crate::error::Result;
use crate::sql::Db;
use crate::vals;

pub(crate) fn put(conn: &Db, ticket: TicketId, r: &Readings, by: StaffId, now: Timestamp) -> Result<()> {
    conn.exec(
        "INSERT INTO readings (ticket_id, stage, readings_json, taken_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (ticket_id, stage) DO UPDATE SET readings_json = excluded.readings_json,
             taken_at = excluded.taken_at, staff_id = excluded.staff_id",
        vals![ticket.0, to_key(&r.stage)?, to_json(r)?, now.to_string(), by.0],
    )?;
    Ok(())
}

/// The ticket's readings with when they were taken, before first.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<Vec<(Readings, Timestamp)>> {
    let mut rows =
        conn.rows("SELECT readings_json, taken_at FROM readings WHERE ticket_id = ?1", vals![ticket.0], |r| {
            Ok((
                from_json::<Readings>("readings", &r.get::<String>(0)?)?,
                instant("readings taken", &r.get::<String>(1)?)?,
            ))
        })?;
    rows.sort_by_key(|(r, _)| r.stage != ReadingStage::Before);
    Ok(rows)
}
