//! Table `attachment_bytes`: an attachment's content, by its hash, for a shop on a shared
//! database (every computer reads it from there). A shop in a data folder keeps the files in
//! its attachments folder instead, and this table stays empty. Rows are only ever inserted.

use crate::error::Result;
use crate::sql::Db;
use crate::vals;

/// Keeps `bytes` under their hash, unless they are kept already (the same content twice).
pub(crate) fn insert(conn: &Db, sha256: &str, bytes: &[u8]) -> Result<()> {
    conn.exec(
        "INSERT INTO attachment_bytes (sha256, bytes) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        vals![sha256, bytes],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, sha256: &str) -> Result<Option<Vec<u8>>> {
    conn.row("SELECT bytes FROM attachment_bytes WHERE sha256 = ?1", vals![sha256], |r| r.get(0))
}
