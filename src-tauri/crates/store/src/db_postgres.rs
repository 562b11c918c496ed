//! Opening a shared PostgreSQL database: refuse a newer schema before writing anything, then
//! the migrations in `migrations/postgres/`, applied by `refinery`.
//!
//! Version N there is the same schema as version N of SQLite's `migrations/` (same tables,
//! columns in the same order, constraints, indexes and refusals: `tests/schema.rs` checks
//! it), so `latest_version()` is `db::latest_version()` and one SQL text serves both engines.
//! Version 7 has no Rust hook here: a PostgreSQL database is always created at the latest
//! version (by a data move or a new shop's set-up), never upgraded through 7 with a shop in it.
//!
//! The version is the highest one in refinery's `refinery_schema_history` table (0 when
//! there is none yet). Each version is one transaction with its history row, so an upgrade
//! cut short leaves the database at the last whole version, and the next open goes on from
//! there. Two computers opening one database at once take turns (a session advisory lock),
//! so a version is never applied twice. A migration file must never change once released:
//! refinery refuses a database whose recorded checksum of a version differs from this
//! build's file.

use postgres::Client;
use refinery::{Migration, Runner, Target};

use crate::error::{Result, StoreError};
use crate::sql::pg::Pg;
use crate::sql::{Db, Engine};

/// Every schema version, oldest first, as refinery names them (`V{version}__{name}`).
const MIGRATIONS: &[(&str, &str)] = &[
    ("V1__shop", include_str!("../migrations/postgres/0001_shop.sql")),
    ("V2__tickets", include_str!("../migrations/postgres/0002_tickets.sql")),
    ("V3__quotations", include_str!("../migrations/postgres/0003_quotations.sql")),
    ("V4__release", include_str!("../migrations/postgres/0004_release.sql")),
    ("V5__returns", include_str!("../migrations/postgres/0005_returns.sql")),
    ("V6__refunds_on_top", include_str!("../migrations/postgres/0006_refunds_on_top.sql")),
    ("V7__rma_key", include_str!("../migrations/postgres/0007_rma_key.sql")),
    ("V8__payment_voids", include_str!("../migrations/postgres/0008_payment_voids.sql")),
    ("V9__shared_shop", include_str!("../migrations/postgres/0009_shared_shop.sql")),
    ("V10__open_tickets", include_str!("../migrations/postgres/0010_open_tickets.sql")),
    ("V11__branches", include_str!("../migrations/postgres/0011_branches.sql")),
    ("V12__watches", include_str!("../migrations/postgres/0012_watches.sql")),
    ("V13__returned_watches", include_str!("../migrations/postgres/0013_returned_watches.sql")),
    ("V14__bench", include_str!("../migrations/postgres/0014_bench.sql")),
    ("V15__parts", include_str!("../migrations/postgres/0015_parts.sql")),
    ("V16__outbox", include_str!("../migrations/postgres/0016_outbox.sql")),
    ("V17__report_indexes", include_str!("../migrations/postgres/0017_report_indexes.sql")),
];

/// refinery's own table: one row per version applied.
const HISTORY: &str = "refinery_schema_history";

/// The session lock migrations are applied under ("CB-migra"), apart from the writers' one.
const MIGRATION_LOCK: i64 = 0x4342_2d6d_6967_7261;

/// The schema version this build writes: SQLite's.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

fn migrations() -> Vec<Migration> {
    MIGRATIONS
        .iter()
        .map(|(name, sql)| Migration::unapplied(name, sql).expect("a migration named V{version}__{name}"))
        .collect()
}

/// Opens the shop's shared database, upgrading it to this build's schema. A database at a
/// newer version is refused as it is (`StoreError::TooNew`), nothing written.
pub fn open(pg: Pg) -> Result<Db> {
    upgrade(&pg, latest_version())?;
    Ok(Db::postgres(pg))
}

/// The database's schema version, on either engine (0 for an empty PostgreSQL database).
pub fn schema_version(db: &Db) -> Result<i64> {
    match db.engine() {
        Engine::Sqlite => crate::db::schema_version(db.sqlite_connection().expect("a SQLite database")),
        Engine::Postgres => db.postgres_client().expect("a PostgreSQL database").with(version_on),
    }
}

/// Upgrades the database to `target` (at most `latest_version()`), one version per
/// transaction, under the migration lock; a newer database than this build's is refused.
pub(crate) fn upgrade(pg: &Pg, target: i64) -> Result<()> {
    let mut outcome = Ok(());
    let unlocked = pg.with(|client| {
        client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
        outcome = upgrade_locked(client, &pg.label, target);
        client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]).map(drop)
    });
    outcome?;
    unlocked
}

fn upgrade_locked(client: &mut Client, label: &str, target: i64) -> Result<()> {
    let found = version_on(client).map_err(|e| StoreError::from_postgres(label, e))?;
    if found > latest_version() {
        return Err(StoreError::TooNew { found, supported: latest_version() });
    }
    let all = migrations();
    for version in found + 1..=target.min(latest_version()) {
        // Grouped: the version's SQL and its history row commit together, or neither does.
        let runner = Runner::new(&all).set_grouped(true).set_target(Target::Version(version as u32));
        runner.run(client).map_err(|e| refused(label, version, &e))?;
    }
    Ok(())
}

/// The highest version applied, read without writing (refinery's table may not be there).
fn version_on(client: &mut Client) -> std::result::Result<i64, postgres::Error> {
    let there: bool = client.query_one("SELECT to_regclass($1) IS NOT NULL", &[&HISTORY])?.get(0);
    if !there {
        return Ok(0);
    }
    let version: Option<i32> = client.query_one(&format!("SELECT MAX(version) FROM {HISTORY}"), &[])?.get(0);
    Ok(version.map_or(0, i64::from))
}

/// refinery's error as the store says it: what the server answered, or that it went away.
fn refused(label: &str, version: i64, e: &refinery::Error) -> StoreError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(pe) = s.downcast_ref::<postgres::Error>() {
            if let Some(db) = pe.as_db_error() {
                return StoreError::Postgres {
                    label: label.into(),
                    reason: format!("upgrading the schema to version {version}: {}", db.message()),
                    code: Some(db.code().code().to_string()),
                };
            }
            if pe.is_closed() {
                return StoreError::ServerUnavailable { label: label.into(), reason: "the connection was lost".into() };
            }
        }
        source = s.source();
    }
    StoreError::Postgres {
        label: label.into(),
        reason: format!("upgrading the schema to version {version}: {e}"),
        code: None,
    }
}

/// Every identity column, as (table, column).
fn identities(db: &Db) -> Result<Vec<(String, String)>> {
    db.rows(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name",
        &[],
        |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
    )
}

/// After rows were inserted with explicit ids (a data move), sets each identity column's
/// next value past the highest id, so rows inserted without one get new ids.
pub fn catch_up_identities(db: &Db) -> Result<()> {
    for (table, column) in identities(db)? {
        db.batch(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL)
             FROM {table}"
        ))?;
    }
    Ok(())
}

/// Makes every identity column hand out ids from `first` on (a chain's branch server, set
/// up before its first record: `chain`).
pub(crate) fn start_identities_at(db: &Db, first: i64) -> Result<()> {
    for (table, column) in identities(db)? {
        db.batch(&format!("ALTER TABLE {table} ALTER COLUMN {column} RESTART WITH {}", first + 1))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::vals;

    fn empty() -> (String, Pg) {
        fixture::empty_postgres_database().expect(fixture::NO_POSTGRES)
    }

    /// Every table's columns, in order: what two databases at one version share.
    fn columns(db: &Db) -> Vec<(String, String)> {
        db.rows(
            "SELECT table_name::text, string_agg(column_name::text || ' ' || data_type::text, ', ' ORDER BY ordinal_position)
             FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> ?1
             GROUP BY table_name ORDER BY table_name",
            vals![HISTORY],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    }

    #[test]
    fn the_migrations_are_named_in_order_and_as_many_as_sqlites() {
        assert_eq!(latest_version(), crate::db::latest_version());
        for (i, m) in migrations().iter().enumerate() {
            assert_eq!(m.version() as usize, i + 1, "{m}");
        }
    }

    #[test]
    fn every_earlier_version_upgrades_to_the_latest() {
        let (_, fresh) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
        assert_eq!(schema_version(&fresh).unwrap(), latest_version());
        let latest = columns(&fresh);
        for from in 0..latest_version() {
            let (url, pg) = empty();
            upgrade(&pg, from).unwrap();
            let db = Db::postgres(pg);
            assert_eq!(schema_version(&db).unwrap(), from);
            if from >= 1 {
                db.exec("INSERT INTO staff (name, created_at) VALUES ('Mei Chan', '2026-10-01T00:00:00Z')", vals![])
                    .unwrap();
            }
            let db = open(fixture::connect_postgres(&url)).unwrap_or_else(|e| panic!("upgrade from {from}: {e}"));
            assert_eq!(schema_version(&db).unwrap(), latest_version());
            assert_eq!(columns(&db), latest, "from {from}: the same schema as a new database's");
            if from >= 1 {
                let staff: i64 = db.value("SELECT COUNT(*) FROM staff", vals![]).unwrap();
                assert_eq!(staff, 1, "from {from}: the rows are kept");
            }
            // Opening it again changes nothing.
            let again = open(fixture::connect_postgres(&url)).unwrap();
            assert_eq!((schema_version(&again).unwrap(), columns(&again)), (latest_version(), latest.clone()));
        }
    }

    #[test]
    fn two_computers_opening_a_new_database_at_once_apply_each_version_once() {
        let (url, _) = empty();
        let opened: Vec<_> = (0..3)
            .map(|_| {
                let url = url.clone();
                std::thread::spawn(move || open(fixture::connect_postgres(&url)).map(|db| schema_version(&db)))
            })
            .collect();
        for o in opened {
            assert_eq!(o.join().unwrap().unwrap().unwrap(), latest_version());
        }
        let db = Db::postgres(fixture::connect_postgres(&url));
        let rows: i64 = db.value(&format!("SELECT COUNT(*) FROM {HISTORY}"), vals![]).unwrap();
        assert_eq!(rows, latest_version());
    }

    #[test]
    fn version_6_turns_the_deducting_settings_into_their_refunding_opposites() {
        let (_, pg) = empty();
        upgrade(&pg, 5).unwrap();
        let db = Db::postgres(pg);
        let v5 = r#"{"policy":{"deduct_original_shipping":false,"deduct_insurance":true,"rma_validity":"5 days"}}"#;
        db.exec("INSERT INTO shop_settings VALUES (1, ?1, '2026-11-01T00:00:00Z')", vals![v5]).unwrap();
        upgrade(db.postgres_client().unwrap(), latest_version()).unwrap();
        let json: String = db.value("SELECT settings_json FROM shop_settings", vals![]).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["policy"]["original_shipping_refunded"], true, "{json}");
        assert_eq!(v["policy"]["insurance_refunded"], false, "{json}");
        assert!(v["policy"].get("deduct_original_shipping").is_none(), "{json}");
        assert!(v["policy"].get("deduct_insurance").is_none(), "{json}");
        assert_eq!(v["policy"]["rma_validity"], "5 days", "the rest is kept");
    }

    #[test]
    fn version_6_leaves_settings_without_a_policy_as_they_were() {
        let (_, pg) = empty();
        upgrade(&pg, 5).unwrap();
        let db = Db::postgres(pg);
        let v5 = r#"{"shop":{"name":"Kowloon Time Care"}}"#;
        db.exec("INSERT INTO shop_settings VALUES (1, ?1, '2026-11-01T00:00:00Z')", vals![v5]).unwrap();
        upgrade(db.postgres_client().unwrap(), 6).unwrap();
        let json: String = db.value("SELECT settings_json FROM shop_settings", vals![]).unwrap();
        assert_eq!(json, v5);
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_untouched() {
        let (url, pg) = empty();
        upgrade(&pg, 3).unwrap();
        let db = Db::postgres(pg);
        db.exec(
            &format!("INSERT INTO {HISTORY} (version, name, applied_on, checksum) VALUES (999, 'future', 'x', '0')"),
            vals![],
        )
        .unwrap();
        let snapshot = |db: &Db| (columns(db), schema_version(db).unwrap());
        let before = snapshot(&db);
        assert_eq!(before.1, 999);

        let err = open(fixture::connect_postgres(&url)).err().expect("refused");
        assert!(matches!(err, StoreError::TooNew { found: 999, supported } if supported == latest_version()), "{err}");
        assert_eq!(err.code(), caseback_domain::Code::DatabaseTooNew);
        assert!(err.to_string().contains("the data has not been changed"), "{err}");
        assert_eq!(snapshot(&db), before, "nothing is written");
    }

    #[test]
    fn a_version_that_fails_leaves_the_database_at_the_last_whole_one() {
        let (_, pg) = empty();
        upgrade(&pg, 1).unwrap();
        let db = Db::postgres(pg);
        // Version 2 cannot create its table: the version is refused whole.
        db.batch("CREATE TABLE customers (id BIGINT)").unwrap();
        let err = upgrade(db.postgres_client().unwrap(), latest_version()).unwrap_err();
        assert!(err.to_string().contains("version 2") && err.to_string().contains("customers"), "{err}");
        assert_eq!(schema_version(&db).unwrap(), 1);
        let tickets: bool = db.value("SELECT to_regclass('tickets') IS NOT NULL", vals![]).unwrap();
        assert!(!tickets, "nothing of version 2 stays");
        db.batch("DROP TABLE customers").unwrap();
        upgrade(db.postgres_client().unwrap(), latest_version()).unwrap();
        assert_eq!(schema_version(&db).unwrap(), latest_version());
    }

    #[test]
    fn rows_moved_in_with_their_ids_are_followed_by_new_ids() {
        let (_, db) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
        db.exec("INSERT INTO staff (id, name, created_at) VALUES (7, 'Mei Chan', '2026-10-01T00:00:00Z')", vals![])
            .unwrap();
        catch_up_identities(&db).unwrap();
        let id =
            db.insert("INSERT INTO staff (name, created_at) VALUES ('Tom', '2026-10-01T00:00:00Z')", vals![]).unwrap();
        assert_eq!(id, 8);
        // On empty tables the first id is still 1.
        let id = db
            .insert(
                "INSERT INTO customers (name, search_text, created_at) VALUES ('Wong', '', '2026-10-01T00:00:00Z')",
                vals![],
            )
            .unwrap();
        assert_eq!(id, 1);
    }
}
