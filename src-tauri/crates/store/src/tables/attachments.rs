//! Table `attachments`: one row per stored file, named by its SHA-256. Rows are only ever
//! inserted (a file stored twice keeps its first row); the files themselves live in the
//! attachments folder (`crate::attachment_folder`).

use crate::sql::Db;
use crate::vals;
use caseback_domain::attachment::MediaType;
use jiff::Timestamp;
use serde::Serialize;

use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub sha256: String,
    pub media_type: String,
    pub byte_size: i64,
    pub original_name: String,
}

/// Records a stored file, unless it is recorded already.
pub(crate) fn insert(
    conn: &Db,
    sha256: &str,
    media: MediaType,
    byte_size: usize,
    original_name: &str,
    now: Timestamp,
) -> Result<()> {
    conn.exec(
        "INSERT INTO attachments (sha256, media_type, byte_size, original_name, added_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO NOTHING",
        vals![sha256, media.as_str(), byte_size as i64, original_name, now.to_string()],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, sha256: &str) -> Result<Option<Attachment>> {
    conn.row(
        "SELECT sha256, media_type, byte_size, original_name FROM attachments WHERE sha256 = ?1",
        vals![sha256],
        |r| Ok(Attachment { sha256: r.get(0)?, media_type: r.get(1)?, byte_size: r.get(2)?, original_name: r.get(3)? }),
    )
}

/// Every stored file's hash and media type, by hash (for the export).
pub(crate) fn list(conn: &Db) -> Result<Vec<(String, String)>> {
    conn.rows("SELECT sha256, media_type FROM attachments ORDER BY sha256", vals![], |r| Ok((r.get(0)?, r.get(1)?)))
}
