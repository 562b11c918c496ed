//! Table `work_times`: the time spent on each ticket, entry by entry; an entry whose
//! `minutes` is empty is a clock still running.

use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;
use serde::Serialize;

use super::columns::instant;
use crate::error::Result;
use crate::sql::{Db, Row};
use crate::vals;

#[derive(Clone, Debug, Serialize)]
pub struct WorkTime {
    pub id: i64,
    pub ticket_id: TicketId,
    pub staff_id: StaffId,
    pub started_at: Timestamp,
    /// None while the clock runs.
    pub minutes: Option<u32>,
    pub note: String,
}

fn from_row(r: &Row) -> Result<WorkTime> {
    Ok(WorkTime {
        id: r.get(0)?,
        ticket_id: TicketId(r.get(1)?),
        staff_id: StaffId(r.get(2)?),
        started_at: instant("work started", &r.get::<String>(3)?)?,
        minutes: r.get::<Option<i64>>(4)?.map(|m| m as u32),
        note: r.get(5)?,
    })
}

const COLUMNS: &str = "id, ticket_id, staff_id, started_at, minutes, note";

pub(crate) fn insert(
    conn: &Db,
    ticket: TicketId,
    staff: StaffId,
    started: Timestamp,
    minutes: Option<u32>,
    note: &str,
) -> Result<i64> {
    conn.insert(
        "INSERT INTO work_times (ticket_id, staff_id, started_at, minutes, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        vals![ticket.0, staff.0, started.to_string(), minutes.map(i64::from), note],
    )
}

/// Stops a running clock at `minutes`.
pub(crate) fn stop(conn: &Db, id: i64, minutes: u32) -> Result<()> {
    conn.exec("UPDATE work_times SET minutes = ?2 WHERE id = ?1 AND minutes IS NULL", vals![id, i64::from(minutes)])?;
    Ok(())
}

pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<Vec<WorkTime>> {
    conn.rows(
        &format!("SELECT {COLUMNS} FROM work_times WHERE ticket_id = ?1 ORDER BY started_at, id"),
        vals![ticket.0],
        from_row,
    )
}

/// The clock `staff` has running on `ticket`, if any.
pub(crate) fn running(conn: &Db, ticket: TicketId, staff: StaffId) -> Result<Option<WorkTime>> {
    conn.row(
        &format!("SELECT {COLUMNS} FROM work_times WHERE ticket_id = ?1 AND staff_id = ?2 AND minutes IS NULL"),
        vals![ticket.0, staff.0],
        from_row,
    )
}

/// The minutes each staff member has entered or clocked, over every ticket.
pub(crate) fn totals_by_staff(conn: &Db) -> Result<Vec<(StaffId, u64)>> {
    conn.rows(
        "SELECT staff_id, CAST(SUM(minutes) AS BIGINT) FROM work_times WHERE minutes IS NOT NULL GROUP BY staff_id ORDER BY staff_id",
        vals![],
        |r| Ok((StaffId(r.get(0)?), r.get::<i64>(1)? as u64)),
    )
}
