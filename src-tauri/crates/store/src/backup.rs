//! Copies of the database made with SQLite's online backup API, checked after writing.
//!
//! Its SQL is about the whole file, not one table, so it stays here: the integrity check,
//! and counting any table's rows in a backup that may come from an older version.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::Connection;
use serde::Serialize;

use crate::db;
use crate::error::{Result, StoreError};
use crate::private;
use crate::tables::{events, settings, staff};

/// What a backup file holds, shown before anyone relies on it.
#[derive(Clone, Debug, Serialize)]
pub struct BackupSummary {
    pub path: PathBuf,
    pub bytes: u64,
    pub schema_version: i64,
    pub shop_name: Option<String>,
    pub staff: usize,
    pub events: i64,
    pub customers: i64,
    pub tickets: i64,
    pub payments: i64,
    pub returns: i64,
    /// When the last change in it was made (the newest event), as an instant.
    pub last_change: Option<String>,
}

/// Writes a consistent copy of `conn`'s database to `dest` (replacing it only once the copy
/// is complete and passes `PRAGMA integrity_check`), private to the user's account: the file
/// is 0600, and a folder it has to create 0700 (an existing one is not Caseback's to change).
pub fn to_file(conn: &Connection, dest: &Path) -> Result<BackupSummary> {
    let parent = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !parent.exists() {
        private::create_dir(parent).map_err(|e| StoreError::io(format!("Could not create {}", parent.display()), e))?;
    }
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("backup");
    let tmp = parent.join(format!(".{name}.part"));
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        // Created private and empty (a new database to SQLite), so its journal is private too.
        private::create_file(&tmp).map_err(|e| StoreError::io(format!("Could not write {}", tmp.display()), e))?;
        let mut copy = Connection::open(&tmp)?;
        Backup::new(conn, &mut copy)?.run_to_completion(256, Duration::ZERO, None)?;
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        check_integrity(&copy)?;
        drop(copy);
        std::fs::rename(&tmp, dest).map_err(|e| StoreError::io(format!("Could not write {}", dest.display()), e))?;
        summarize(dest)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

pub fn check_integrity(conn: &Connection) -> Result<()> {
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt(format!("integrity check: {verdict}")));
    }
    Ok(())
}

/// Rows in `table`, or 0 when a backup from an older version has no such table.
fn rows(conn: &Connection, table: &str) -> Result<i64> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    Ok(conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
}

/// Opens a backup read-only and says what it holds. A backup from an older version is
/// fine (restoring it upgrades it); one from a newer version is refused.
pub fn summarize(path: &Path) -> Result<BackupSummary> {
    let backup = crate::sql::Db::sqlite(db::open_backup(path)?);
    let conn = backup.sqlite_connection().expect("a SQLite file");
    check_integrity(conn)?;
    let last_change = events::latest_at(&backup).ok().flatten();
    Ok(BackupSummary {
        path: path.to_path_buf(),
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        schema_version: db::schema_version(conn)?,
        shop_name: settings::get(&backup).ok().flatten().map(|s| s.shop.name),
        staff: staff::list(&backup).map(|s| s.len()).unwrap_or(0),
        events: events::count(&backup)?,
        customers: rows(conn, "customers")?,
        tickets: rows(conn, "tickets")?,
        payments: rows(conn, "payments")?,
        returns: rows(conn, "return_cases")?,
        last_change,
    })
}
