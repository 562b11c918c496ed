//! Table `events`: the append-only log of who did what, when. Rows are only ever inserted.

use caseback_domain::event::{Action, Event, Subject};
use caseback_domain::staff::StaffId;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{Result, StoreError};

pub(crate) fn insert(conn: &Connection, event: &Event) -> Result<i64> {
    conn.execute(
        "INSERT INTO events (at, staff_id, subject, subject_id, action, detail_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            event.at.to_string(),
            event.staff.map(|s| s.0),
            event.subject.as_str(),
            event.subject_id,
            event.action.as_str(),
            event.detail.to_string()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn from_row(row: &Row) -> rusqlite::Result<(String, Option<i64>, String, String, String, String)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
}

fn decode(
    (at, staff, subject, subject_id, action, detail): (String, Option<i64>, String, String, String, String),
) -> Result<Event> {
    Ok(Event {
        at: at.parse().map_err(|e| StoreError::Corrupt(format!("event time {at}: {e}")))?,
        staff: staff.map(StaffId),
        subject: Subject::from_wire(&subject).ok_or_else(|| StoreError::Corrupt(format!("event subject {subject}")))?,
        subject_id,
        action: Action::from_wire(&action).ok_or_else(|| StoreError::Corrupt(format!("event action {action}")))?,
        detail: serde_json::from_str(&detail).map_err(|e| StoreError::Corrupt(format!("event detail: {e}")))?,
    })
}

/// A record's history, oldest first.
pub(crate) fn for_subject(conn: &Connection, subject: Subject, subject_id: &str) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, staff_id, subject, subject_id, action, detail_json FROM events
         WHERE subject = ?1 AND subject_id = ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map([subject.as_str(), subject_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(decode).collect()
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?)
}

/// When the newest event was logged, as stored (the last change a backup holds).
pub(crate) fn latest_at(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT at FROM events ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).optional()?)
}
