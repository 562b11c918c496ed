//! Table `rma_codes`: every RMA code ever issued, never changed or removed (triggers refuse
//! it), so a code is never reused.

use caseback_domain::returns::{ReturnId, RmaCode};
use jiff::Timestamp;
use rusqlite::{params, Connection};

use crate::error::Result;

/// Takes the shop's next RMA sequence number for `id` and records its code.
pub(crate) fn insert(conn: &Connection, id: ReturnId, now: Timestamp) -> Result<RmaCode> {
    let next: i64 = conn.query_row(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'rma_codes'), 0) + 1",
        [],
        |r| r.get(0),
    )?;
    let code = RmaCode::from_sequence(next as u64)?;
    conn.execute(
        "INSERT INTO rma_codes (seq, code, return_id, issued_at) VALUES (?1, ?2, ?3, ?4)",
        params![next, code.to_string(), id.0, now.to_string()],
    )?;
    Ok(code)
}
