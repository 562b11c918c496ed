//! Table `staff`: who works at the counter. Rows are never deleted: history names them.

use crate::sql::{Db, Engine, Row};
use crate::vals;
use caseback_domain::staff::{Role, StaffId, StaffMember};
use jiff::Timestamp;

use crate::error::{Result, StoreError};

fn from_row(row: &Row) -> Result<StaffMember> {
    let role: String = row.get(3)?;
    Ok(StaffMember {
        id: StaffId(row.get(0)?),
        name: row.get(1)?,
        active: row.get(2)?,
        role: Role::from_key(&role).ok_or_else(|| StoreError::Corrupt(format!("unknown staff role {role}")))?,
    })
}

/// Active staff first, each group by name in code point order, as SQLite compares text. A
/// PostgreSQL database sorts by its own collation (a server set up in English puts "Çağrı"
/// before "Mei"), so there the order names `"C"`, PostgreSQL's code point order.
pub(crate) fn list(conn: &Db) -> Result<Vec<StaffMember>> {
    let sql = match conn.engine() {
        Engine::Sqlite => "SELECT id, name, active, role FROM staff ORDER BY active DESC, name",
        Engine::Postgres => "SELECT id, name, active, role FROM staff ORDER BY active DESC, name COLLATE \"C\"",
    };
    conn.rows(sql, vals![], from_row)
}

pub(crate) fn get(conn: &Db, id: StaffId) -> Result<Option<StaffMember>> {
    conn.row("SELECT id, name, active, role FROM staff WHERE id = ?1", vals![id.0], from_row)
}

pub(crate) fn insert(conn: &Db, name: &str, role: Role, now: Timestamp) -> Result<StaffId> {
    Ok(StaffId(conn.insert(
        "INSERT INTO staff (name, active, created_at, role) VALUES (?1, 1, ?2, ?3)",
        vals![name, now.to_string(), role.key()],
    )?))
}

pub(crate) fn update(conn: &Db, member: &StaffMember) -> Result<()> {
    conn.exec(
        "UPDATE staff SET name = ?2, active = ?3, role = ?4 WHERE id = ?1",
        vals![member.id.0, member.name, member.active, member.role.key()],
    )?;
    Ok(())
}

/// The active managers who have set a PIN.
pub(crate) fn managers_with_pin(conn: &Db) -> Result<Vec<StaffMember>> {
    conn.rows(
        "SELECT id, name, active, role FROM staff WHERE role = 'manager' AND active = 1 AND pin_hash IS NOT NULL ORDER BY id",
        vals![],
        from_row,
    )
}

pub(crate) fn pin_hash(conn: &Db, id: StaffId) -> Result<Option<String>> {
    Ok(conn.row("SELECT pin_hash FROM staff WHERE id = ?1", vals![id.0], |r| r.get::<Option<String>>(0))?.flatten())
}

pub(crate) fn set_pin_hash(conn: &Db, id: StaffId, hash: Option<&str>) -> Result<()> {
    conn.exec("UPDATE staff SET pin_hash = ?2 WHERE id = ?1", vals![id.0, hash])?;
    Ok(())
}
