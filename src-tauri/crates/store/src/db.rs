//! Opening the database: refuse a newer schema before touching the file, then WAL, foreign
//! keys and the migrations in `migrations/`. Its SQL (the migrations and pragmas) is about
//! the file, not one table, so it stays here.
//!
//! SQLite creates a new database file 0644 (its `SQLITE_DEFAULT_FILE_PERMISSIONS`, less the
//! umask) but its `-wal`, `-shm` and `-journal` files with exactly the database file's mode.
//! So the file is created private before SQLite opens it (or tightened if an earlier version
//! left it open to others), and the others follow it.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction};
use rusqlite_migration::{HookError, HookResult, Migrations, M};

use crate::error::{Result, StoreError};
use crate::private;
use crate::tables::shop_secrets;

/// Every schema version, oldest first. Version N is the state after the Nth file.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_shop.sql")),
    M::up(include_str!("../migrations/0002_tickets.sql")),
    M::up(include_str!("../migrations/0003_quotations.sql")),
    M::up(include_str!("../migrations/0004_release.sql")),
    M::up(include_str!("../migrations/0005_returns.sql")),
    M::up(include_str!("../migrations/0006_refunds_on_top.sql")),
    // With a hook: see `migrations`.
    M::up(RMA_KEY_SQL),
    M::up(include_str!("../migrations/0008_payment_voids.sql")),
    M::up(include_str!("../migrations/0009_shared_shop.sql")),
    M::up(include_str!("../migrations/0010_open_tickets.sql")),
    // Makes tables again (see the file): with foreign keys off, checked before it commits.
    M::up(include_str!("../migrations/0011_branches.sql")).foreign_key_check(),
    M::up(include_str!("../migrations/0012_watches.sql")),
    M::up(include_str!("../migrations/0013_returned_watches.sql")),
    M::up(include_str!("../migrations/0014_bench.sql")),
    M::up(include_str!("../migrations/0015_parts.sql")),
    M::up(include_str!("../migrations/0016_outbox.sql")),
    M::up(include_str!("../migrations/0017_report_indexes.sql")),
];

/// Version 7: the shop's secrets, among them the key of its RMA codes.
const RMA_KEY_SQL: &str = include_str!("../migrations/0007_rma_key.sql");
const RMA_KEY_VERSION: usize = 7;

pub fn migrations() -> Migrations<'static> {
    let mut all = MIGRATIONS.to_vec();
    // A hook cannot be written in a constant, so version 7's is put in here.
    all[RMA_KEY_VERSION - 1] = M::up_with_hook(RMA_KEY_SQL, key_a_shop_set_up_before);
    Migrations::new(all)
}

/// Version 7's hook, in its transaction right after its SQL: a shop set up before it gets
/// its RMA key, from the system's secure generator (which SQL cannot reach: see the file).
fn key_a_shop_set_up_before(tx: &Transaction) -> HookResult {
    let key = shop_secrets::new_rma_key().map_err(|e| HookError::Hook(e.to_string()))?;
    shop_secrets::insert_for_a_shop_set_up_before(tx, &key)?;
    Ok(())
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Opens (creating if needed) and upgrades the database at `path`, private to the user's
/// account with its `-wal` and `-shm` files.
pub fn open(path: &Path) -> Result<Connection> {
    if path.exists() {
        refuse_newer(path)?;
    }
    let io = |e| StoreError::io(format!("Could not create {}", path.display()), e);
    // An empty file is a new database to SQLite.
    private::open_file(path, std::fs::File::options().write(true).create(true).truncate(false)).map_err(io)?;
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    // Files an earlier version left behind keep their mode; new ones have the database's.
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        private::make_private_if_there(Path::new(&name)).map_err(io)?;
    }
    upgrade(&mut conn)?;
    Ok(conn)
}

/// Brings `conn`'s database to this build's schema. A migration that makes a table again
/// drops the old one, which foreign keys would refuse while rows refer to it; SQLite can
/// only turn them off outside a transaction, so they are off for the migrations (each
/// such migration checks them itself before it commits) and on again after.
pub fn upgrade(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", false)?;
    let upgraded = migrations().to_latest(conn);
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(upgraded?)
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

    #[cfg(unix)]
    #[test]
    fn the_file_and_its_wal_and_shm_are_private_to_the_account() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sqlite");
        let conn = open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        let (wal, shm) = (dir.path().join("a.sqlite-wal"), dir.path().join("a.sqlite-shm"));
        assert!(wal.exists() && shm.exists());
        assert_eq!((mode(&path), mode(&wal), mode(&shm)), (0o600, 0o600, 0o600));
        drop(conn);

        // An earlier version's file, and the WAL a crash left, are tightened when opened.
        let old = dir.path().join("old.sqlite");
        let keep = Connection::open(&old).unwrap();
        keep.pragma_update(None, "journal_mode", "WAL").unwrap();
        keep.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        let (old_wal, old_shm) = (dir.path().join("old.sqlite-wal"), dir.path().join("old.sqlite-shm"));
        for p in [&old, &old_wal, &old_shm] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let conn = open(&old).unwrap();
        assert_eq!((mode(&old), mode(&old_wal), mode(&old_shm)), (0o600, 0o600, 0o600));
        drop((conn, keep));
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
        upgrade(&mut conn).unwrap();
        let json: String = conn.query_row("SELECT settings_json FROM shop_settings", [], |r| r.get(0)).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["policy"]["original_shipping_refunded"], true, "{json}");
        assert_eq!(v["policy"]["insurance_refunded"], false, "{json}");
        assert!(v["policy"].get("deduct_original_shipping").is_none(), "{json}");
        assert_eq!(v["policy"]["rma_validity"], "5 days", "the rest is kept");
    }

    fn rma_keys(conn: &Connection) -> Vec<Vec<u8>> {
        let mut stmt = conn.prepare("SELECT rma_key FROM shop_secrets").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    /// A shop at version 6, set up, with the first three codes version 6 issued (its fixed
    /// permutation's: `RMA-TWB3-3V6` was every shop's first).
    fn set_up_at_version_6(path: &Path) -> Connection {
        let mut conn = Connection::open(path).unwrap();
        migrations().to_version(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO shop_settings VALUES (1, '{\"shop\":{\"name\":\"Kowloon Time Care\"}}', '2026-10-01T00:00:00Z');
             INSERT INTO staff (id, name, created_at) VALUES (1, 'Mei Chan', '2026-10-01T00:00:00Z');",
        )
        .unwrap();
        for (id, code) in [(1, "RMA-TWB3-3V6"), (2, "RMA-GS44-H48"), (3, "RMA-6NT5-YAB")] {
            conn.execute(
                "INSERT INTO return_cases (id, state, rma_code, case_json, haystack, created_at, staff_id)
                 VALUES (?1, 'authorized', ?2, '{}', '', '2026-10-02T00:00:00Z', 1)",
                rusqlite::params![id, code],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO rma_codes (code, return_id, issued_at) VALUES (?1, ?2, '2026-10-02T00:00:00Z')",
                rusqlite::params![code, id],
            )
            .unwrap();
        }
        conn
    }

    #[test]
    fn version_7_keys_a_shop_set_up_before_it_and_keeps_its_codes() {
        let dir = tempfile::tempdir().unwrap();
        let codes = |conn: &Connection| -> Vec<(i64, String)> {
            let mut stmt = conn.prepare("SELECT seq, code FROM rma_codes ORDER BY seq").unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
        };
        let mut first = set_up_at_version_6(&dir.path().join("first.sqlite"));
        let before = codes(&first);
        upgrade(&mut first).unwrap();
        let keys = rma_keys(&first);
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].len(), 32);
        assert_ne!(keys[0], [0; 32]);
        assert_eq!(codes(&first), before, "every code issued is kept as it was");

        // The key is never changed or removed, nor a second one added.
        for change in ["UPDATE shop_secrets SET rma_key = zeroblob(32)", "DELETE FROM shop_secrets"] {
            let e = first.execute(change, []).unwrap_err();
            assert!(e.to_string().contains("never changed"), "{change}: {e}");
        }
        assert!(first.execute("INSERT INTO shop_secrets VALUES (2, zeroblob(32))", []).is_err());
        assert_eq!(rma_keys(&first), keys);

        let mut second = set_up_at_version_6(&dir.path().join("second.sqlite"));
        upgrade(&mut second).unwrap();
        assert_ne!(rma_keys(&second), keys, "each shop draws its own key");
    }

    #[test]
    fn version_7_leaves_a_database_not_yet_set_up_without_a_key() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("empty.sqlite")).unwrap();
        migrations().to_version(&mut conn, 6).unwrap();
        upgrade(&mut conn).unwrap();
        assert!(rma_keys(&conn).is_empty(), "set-up writes it");
        assert!(conn.execute("INSERT INTO shop_secrets VALUES (1, zeroblob(31))", []).is_err(), "32 bytes");
    }

    #[test]
    fn version_8_keeps_the_payments_taken_before_it_with_plans_and_voids_beside_them() {
        use caseback_domain::ticket::TicketId;

        use crate::tables::{payment_plans, payment_voids, payments};
        let dir = tempfile::tempdir().unwrap();
        let mut conn = set_up_at_version_6(&dir.path().join("shop.sqlite"));
        migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO customers (id, name, search_text, created_at) VALUES (1, 'Wong Ka Ming', '', '2026-11-01T00:00:00Z');
             INSERT INTO tickets (id, number, year, seq, state, customer_id, serial_key, device_label, details_json,
                                  warranty_json, received_at, received_on, assessment_due)
             VALUES (1, 'R-2026-00001', 2026, 1, 'ready_for_collection', 1, '', 'Seiko', '{}', '{}',
                     '2026-11-01T02:00:00Z', '2026-11-01', '2026-11-03');
             INSERT INTO payments (ticket_id, kind, amount, currency, method, reference, paid_on, recorded_at, staff_id)
             VALUES (1, 'payment', 1190500, 'HKD', 'card', 'slip 0117', '2026-11-20', '2026-11-20T02:00:00Z', 1);",
        )
        .unwrap();
        upgrade(&mut conn).unwrap();
        let db = crate::sql::Db::sqlite(conn);
        let conn = db.sqlite_connection().unwrap();

        // The payment taken before reads back as it was, with no plan and no void.
        let before = payments::for_ticket(&db, TicketId(1)).unwrap();
        assert_eq!((before.len(), before[0].entry.amount.0), (1, 1_190_500));
        assert!(payment_plans::for_ticket(&db, TicketId(1)).unwrap().is_empty());
        assert!(payment_voids::for_ticket(&db, TicketId(1)).unwrap().is_empty());
        // It can now be voided beside it; the row itself is still never changed.
        conn.execute(
            "INSERT INTO payment_voids VALUES (1, 'Mistyped: 11,905.00 for 1,190.50', '2026-11-20', '2026-11-20T03:00:00Z', 1)",
            [],
        )
        .unwrap();
        assert_eq!(payment_voids::for_ticket(&db, TicketId(1)).unwrap()[&1].reason, "Mistyped: 11,905.00 for 1,190.50");
        let edit = conn.execute("UPDATE payments SET amount = 119050", []).unwrap_err();
        assert!(edit.to_string().contains("void it and record it again"), "{edit}");
        assert!(conn.execute("INSERT INTO payment_voids VALUES (1, 'again', '2026-11-20', 'x', 1)", []).is_err());
        assert!(conn.execute("INSERT INTO payment_voids VALUES (1, '  ', '2026-11-20', 'x', 1)", []).is_err());
        assert!(conn.execute("DELETE FROM payment_voids", []).unwrap_err().to_string().contains("never deleted"));
        // A plan: 2 to 36 instalments and a bank, once per payment, never changed.
        for (instalments, bank) in [(1, "'Garanti BBVA'"), (37, "'Garanti BBVA'"), (12, "' '")] {
            let sql = format!("INSERT INTO payment_plans VALUES (1, {instalments}, {bank})");
            assert!(conn.execute(&sql, []).is_err(), "{sql}");
        }
        conn.execute("INSERT INTO payment_plans VALUES (1, 12, 'Garanti BBVA')", []).unwrap();
        let plans = payment_plans::for_ticket(&db, TicketId(1)).unwrap();
        assert_eq!((plans[&1].count, plans[&1].bank.as_str()), (12, "Garanti BBVA"));
        assert!(conn.execute("UPDATE payment_plans SET instalments = 6", []).is_err());

        // Run again over its own tables (as a test that rewinds user_version does), it changes nothing.
        conn.execute_batch(include_str!("../migrations/0008_payment_voids.sql")).unwrap();
        assert_eq!(payment_plans::for_ticket(&db, TicketId(1)).unwrap().len(), 1);
    }

    #[test]
    fn version_11_keeps_every_ticket_its_number_and_what_refers_to_it_with_no_branch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.sqlite");
        {
            let mut conn = set_up_at_version_6(&path);
            migrations().to_version(&mut conn, 10).unwrap();
            conn.execute_batch(
                "INSERT INTO customers (id, name, search_text, created_at) VALUES (7, 'Wong Ka Ming', '', '2026-11-01T00:00:00Z');
                 INSERT INTO ticket_numbers VALUES (2026, 41);
                 INSERT INTO tickets (id, number, year, seq, state, customer_id, serial_key, device_label, details_json,
                                      warranty_json, received_at, received_on, assessment_due, next_deadline)
                 VALUES (41, 'R-2026-00041', 2026, 41, 'received', 7, 'ab12', 'Seiko', '{}', '{}',
                         '2026-11-01T02:00:00Z', '2026-11-01', '2026-11-03', '2026-11-03');
                 INSERT INTO payments (ticket_id, kind, amount, currency, method, reference, paid_on, recorded_at, staff_id)
                 VALUES (41, 'payment', 50000, 'HKD', 'cash', '', '2026-11-01', '2026-11-01T02:00:00Z', 1);",
            )
            .unwrap();
        }
        let conn = open(&path).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), latest_version());
        let ticket: (String, i64, String, String) = conn
            .query_row("SELECT number, customer_id, next_deadline, branch FROM tickets WHERE id = 41", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(ticket, ("R-2026-00041".into(), 7, "2026-11-03".into(), String::new()));
        let numbers: (String, i64, i64) = conn
            .query_row("SELECT branch, year, last_seq FROM ticket_numbers", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(numbers, (String::new(), 2026, 41));
        let payment_ticket: i64 = conn.query_row("SELECT ticket_id FROM payments", [], |r| r.get(0)).unwrap();
        assert_eq!(payment_ticket, 41);
        let dangling: i64 = conn.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(dangling, 0);
        let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fk, "foreign keys are on again after the upgrade");
        // Another branch's 41st ticket of the year is a ticket of its own; the same branch's is refused.
        let book = |number: &str, branch: &str| {
            conn.execute(
                "INSERT INTO tickets (number, year, seq, state, customer_id, serial_key, device_label, details_json,
                                      warranty_json, received_at, received_on, assessment_due, branch)
                 VALUES (?1, 2026, 41, 'received', 7, '', 'Seiko', '{}', '{}', 'x', '2026-11-02', '2026-11-04', ?2)",
                rusqlite::params![number, branch],
            )
        };
        book("R-KLN-2026-00041", "KLN").unwrap();
        assert!(book("R-KLN-2026-00041 again", "KLN").is_err());
        // The indexes went with the old table and are there again.
        let indexes: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for index in ["tickets_by_customer", "tickets_by_serial", "tickets_by_deadline", "tickets_open_by_state"] {
            assert!(indexes.iter().any(|i| i == index), "{index} missing from {indexes:?}");
        }
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
