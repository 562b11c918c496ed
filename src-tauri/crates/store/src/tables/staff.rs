//! Table `staff`: who works at the counter. Rows are never deleted: history names them.

use caseback_domain::staff::{StaffId, StaffMember};
use jiff::Timestamp;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;

fn from_row(row: &Row) -> rusqlite::Result<StaffMember> {
    Ok(StaffMember { id: StaffId(row.get(0)?), name: row.get(1)?, active: row.get(2)? })
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<StaffMember>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, active FROM staff ORDER BY active DESC, name")?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn get(conn: &Connection, id: StaffId) -> Result<Option<StaffMember>> {
    Ok(conn.query_row("SELECT id, name, active FROM staff WHERE id = ?1", [id.0], from_row).optional()?)
}

pub(crate) fn insert(conn: &Connection, name: &str, now: Timestamp) -> Result<StaffId> {
    conn.execute("INSERT INTO staff (name, active, created_at) VALUES (?1, 1, ?2)", params![name, now.to_string()])?;
    Ok(StaffId(conn.last_insert_rowid()))
}

pub(crate) fn update(conn: &Connection, member: &StaffMember) -> Result<()> {
    conn.execute(
        "UPDATE staff SET name = ?2, active = ?3 WHERE id = ?1",
        params![member.id.0, member.name, member.active],
    )?;
    Ok(())
}
