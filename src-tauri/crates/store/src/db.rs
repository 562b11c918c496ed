//! Opening the database: refuse a newer schema before touching the file, then WAL, foreign
//! keys and the migrations in `migrations/`. Its SQL (the migrations and pragmas) is about
//! the file, not one table, so it stays here.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::error::{Result, StoreError};

/// Every schema version, oldest first. Version N is the state after the Nth file.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_shop.sql")),
    M::up(include_str!("../migrations/0002_tickets.sql")),
    M::up(include_str!("../migrations/0003_quotations.sql")),
    M::up(include_str!("../migrations/0004_release.sql")),
    M::up(include_str!("../migrations/0005_returns.sql")),
    M::up(include_str!("../migrations/0006_refunds_on_top.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Opens (creating if needed) and upgrades the database at `path`.
pub fn open(path: &Path) -> Result<Connection> {
    if path.exists() {
        refuse_newer(path)?;
    }
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// A writable connection to a database that must already be there at this build's schema,
/// for a reader's short write (the calendar's moves) while another process holds the folder.
pub fn open_existing(path: &Path) -> Result<Connection> {
    let version = schema_version(&read_only_connection(path)?)?;
    if version != latest_version() {
        return Err(if version > latest_version() {
            StoreError::TooNew { found: version, supported: latest_version() }
        } else {
            StoreError::NeedsUpgrade { found: version, latest: latest_version() }
        });
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

/// A read-only connection. A WAL database on a read-only disk cannot get its shared-memory
/// file, so it is opened as immutable there (nothing can change it anyway).
fn read_only_connection(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    match schema_version(&conn) {
        Ok(_) => Ok(conn),
        Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))) if e.code == rusqlite::ErrorCode::CannotOpen => {
            let uri =
                format!("file:{}?immutable=1", path.display().to_string().replace('?', "%3f").replace('#', "%23"));
            Ok(Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?)
        }
        Err(e) => Err(e),
    }
}

/// Opens read-only, for looking without changing anything (backups, `settings show`).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    refuse_newer(path)?;
    let conn = read_only_connection(path)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let version = schema_version(&conn)?;
    if version < latest_version() {
        return Err(StoreError::NeedsUpgrade { found: version, latest: latest_version() });
    }
    Ok(conn)
}

/// Opens a backup to look at: any version up to this build's, never written to.
pub fn open_backup(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(StoreError::Domain(caseback_domain::DomainError::invalid(
            "backup",
            format!("{} is not a backup file.", path.display()),
        )));
    }
    refuse_newer(path)?;
    read_only_connection(path)
}

/// Reads the schema version without writing: a newer file must be left exactly as it was.
fn refuse_newer(path: &Path) -> Result<()> {
    let conn = read_only_connection(path)?;
    let found = schema_version(&conn)?;
    if found > latest_version() {
        return Err(StoreError::TooNew { found, supported: latest_version() });
    }
    Ok(())
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use caseback_domain::Code;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_new_file_gets_wal_foreign_keys_and_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("a.sqlite")).unwrap();
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fk);
        assert_eq!(schema_version(&conn).unwrap(), latest_version());
    }

    #[test]
    fn every_earlier_version_upgrades_on_a_real_file() {
        for from in 0..latest_version() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.sqlite");
            {
                let mut conn = Connection::open(&path).unwrap();
                migrations().to_version(&mut conn, from as usize).unwrap();
                assert_eq!(schema_version(&conn).unwrap(), from);
            }
            let conn = open(&path).unwrap_or_else(|e| panic!("upgrade from {from}: {e}"));
            assert_eq!(schema_version(&conn).unwrap(), latest_version());
            let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
            assert_eq!(check, "ok");
        }
    }

    #[test]
    fn version_6_turns_the_deducting_settings_into_their_refunding_opposites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v5.sqlite");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 5).unwrap();
        let v5 = r#"{"policy":{"deduct_original_shipping":false,"deduct_insurance":true,"rma_validity":"5 days"}}"#;
        conn.execute("INSERT INTO shop_settings VALUES (1, ?1, '2026-11-01T00:00:00Z')", [v5]).unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let json: String = conn.query_row("SELECT settings_json FROM shop_settings", [], |r| r.get(0)).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["policy"]["original_shipping_refunded"], true, "{json}");
        assert_eq!(v["policy"]["insurance_refunded"], false, "{json}");
        assert!(v["policy"].get("deduct_original_shipping").is_none(), "{json}");
        assert_eq!(v["policy"]["rma_validity"], "5 days", "the rest is kept");
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;").unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = open(&path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 999, .. }), "{err}");
        assert_eq!(err.code(), Code::DatabaseTooNew);
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file must not change");
        assert!(!dir.path().join("new.sqlite-wal").exists());
        assert!(open_read_only(&path).is_err());
    }
}
