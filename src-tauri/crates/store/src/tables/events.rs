//! Table `events`: the append-only log of who did what, when. Rows are only ever inserted.

use crate::sql::{Db, Engine, Row, Value};
use crate::vals;
use caseback_domain::event::{Action, Event, Subject};
use caseback_domain::staff::StaffId;

use crate::error::{Result, StoreError};

const INSERT: &str = "INSERT INTO events (at, staff_id, subject, subject_id, action, detail_json, computer) VALUES";

/// An event's columns in `INSERT`'s order, made on `conn`'s computer.
fn values(conn: &Db, e: &Event) -> [Value; 7] {
    [
        Value::Text(e.at.to_string()),
        e.staff.map_or(Value::Null, |s| Value::Int(s.0)),
        Value::Text(e.subject.as_str().into()),
        Value::Text(e.subject_id.clone()),
        Value::Text(e.action.as_str().into()),
        Value::Text(e.detail.to_string()),
        Value::Text(conn.computer().to_string()),
    ]
}

pub(crate) fn insert(conn: &Db, event: &Event) -> Result<i64> {
    conn.insert(&format!("{INSERT} (?1, ?2, ?3, ?4, ?5, ?6, ?7)"), &values(conn, event))
}

/// Appends many events in one statement (their ids are not needed).
pub(crate) fn insert_many(conn: &Db, events: &[Event]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let args: Vec<Value> = events.iter().flat_map(|e| values(conn, e)).collect();
    conn.exec(&format!("{INSERT} {}", super::tickets::value_rows(events.len(), 7)), &args)?;
    Ok(())
}

/// Tells the other computers on a shared database that `subject` changed, when the
/// caller's transaction commits (PostgreSQL's NOTIFY; a SQLite file has one process).
pub(crate) fn announce(conn: &Db, subject: Subject, subject_id: &str) -> Result<()> {
    if conn.engine() == Engine::Postgres {
        let what = crate::sql::pg::Change::payload(conn.origin(), subject.as_str(), subject_id);
        conn.exec("SELECT pg_notify(?1, ?2)", vals![crate::sql::pg::CHANGES, what])?;
    }
    Ok(())
}

fn from_row(row: &Row) -> Result<(String, Option<i64>, String, String, String, String)> {
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

/// A record's history, oldest first, each event with the computer it was made on ('' for
/// the one computer a shop in a data folder has).
pub(crate) fn for_subject(conn: &Db, subject: Subject, subject_id: &str) -> Result<Vec<(Event, String)>> {
    let rows = conn.rows(
        "SELECT at, staff_id, subject, subject_id, action, detail_json, computer FROM events
         WHERE subject = ?1 AND subject_id = ?2 ORDER BY id",
        vals![subject.as_str(), subject_id],
        |r| Ok((from_row(r)?, r.get::<String>(6)?)),
    )?;
    rows.into_iter().map(|(e, computer)| Ok((decode(e)?, computer))).collect()
}

pub(crate) fn count(conn: &Db) -> Result<i64> {
    conn.value("SELECT count(*) FROM events", vals![])
}

/// When the newest event was logged, as stored (the last change a backup holds).
pub(crate) fn latest_at(conn: &Db) -> Result<Option<String>> {
    conn.row("SELECT at FROM events ORDER BY id DESC LIMIT 1", vals![], |r| r.get(0))
}
