//! The two engines' schemas agree, so one SQL text serves both: a new SQLite file and a new
//! PostgreSQL database (`migrations/` and `migrations/postgres/`) have the same tables, each
//! with the same columns in the same order and of the same kind, the same indexes, and the
//! same "never edited" triggers refusing with the same words.
//!
//! These tests need the test server: `CASEBACK_TEST_POSTGRES` (scripts/test sets it, with
//! scripts/test-postgres). Without it they fail, saying how to start one.

use std::collections::{BTreeMap, BTreeSet};

use caseback_store::sql::{Db, Engine};
use caseback_store::{db, db_postgres, fixture, vals, StoreError};

/// refinery's record of the versions applied: PostgreSQL's `user_version`, not a table of the shop.
const POSTGRES_HISTORY: &str = "refinery_schema_history";

struct Both {
    sqlite: Db,
    postgres: Db,
    _dir: tempfile::TempDir,
}

fn both() -> Both {
    let Some((_, postgres)) = fixture::fresh_postgres_database() else { panic!("{}", fixture::NO_POSTGRES) };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Db::sqlite(db::open(&dir.path().join("shop.sqlite")).unwrap());
    assert_eq!(db_postgres::schema_version(&sqlite).unwrap(), db::latest_version());
    assert_eq!(db_postgres::schema_version(&postgres).unwrap(), db::latest_version());
    assert_eq!(db_postgres::latest_version(), db::latest_version());
    Both { sqlite, postgres, _dir: dir }
}

fn strings(db: &Db, sql: &str, params: &[caseback_store::sql::Value]) -> Vec<String> {
    db.rows(sql, params, |r| r.get(0)).unwrap()
}

/// A column as both engines can say it: name, kind (integer, text, bytes) and whether NULL
/// is refused (a primary key's always is).
type Columns = Vec<(String, &'static str, bool)>;

fn kind(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" => "integer",
        "text" => "text",
        "blob" | "bytea" => "bytes",
        // An FTS5 table's column has no declared type; its text is text.
        "" => "text",
        other => panic!("a column of type {other}: the schemas keep integers, text and bytes only"),
    }
}

/// SQLite's tables (FTS5's own shadow tables left out) and their columns. An FTS5 table's
/// `rowid` is hidden there and a column of its own on PostgreSQL; its text is never NULL.
fn sqlite_tables(db: &Db) -> BTreeMap<String, Columns> {
    let tables = db
        .rows(
            "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual')
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
            vals![],
            |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
        )
        .unwrap();
    tables
        .into_iter()
        .map(|(table, ty)| {
            let mut columns: Columns = db
                .rows(
                    "SELECT name, type, \"notnull\" OR pk > 0 FROM pragma_table_info(?1) ORDER BY cid",
                    vals![table],
                    |r| Ok((r.get::<String>(0)?, kind(&r.get::<String>(1)?), r.get::<bool>(2)?)),
                )
                .unwrap();
            if ty == "virtual" {
                columns.iter_mut().for_each(|c| c.2 = true);
                columns.insert(0, ("rowid".into(), "integer", true));
            }
            (table, columns)
        })
        .collect()
}

fn postgres_tables(db: &Db) -> BTreeMap<String, Columns> {
    let tables = strings(
        db,
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> ?1 ORDER BY 1",
        vals![POSTGRES_HISTORY],
    );
    tables
        .into_iter()
        .map(|table| {
            let columns = db
                .rows(
                    "SELECT column_name::text, data_type::text, is_nullable::text = 'NO' FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position",
                    vals![table],
                    |r| Ok((r.get::<String>(0)?, kind(&r.get::<String>(1)?), r.get::<bool>(2)?)),
                )
                .unwrap();
            (table, columns)
        })
        .collect()
}

#[test]
fn the_same_tables_with_the_same_columns_in_the_same_order() {
    let both = both();
    let (sqlite, postgres) = (sqlite_tables(&both.sqlite), postgres_tables(&both.postgres));
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the same tables on SQLite (left) and PostgreSQL (right)"
    );
    for (table, columns) in &sqlite {
        assert_eq!(columns, &postgres[table], "{table}: its columns on SQLite (left) and PostgreSQL (right)");
    }
    assert!(sqlite.contains_key("ticket_search") && sqlite.contains_key("payment_voids"), "{sqlite:?}");
}

/// Indexes made by `CREATE INDEX` (not those behind a key or UNIQUE), as `table.index`.
fn sqlite_indexes(db: &Db) -> BTreeSet<String> {
    strings(db, "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL", vals![])
        .into_iter()
        .collect()
}

fn postgres_indexes(db: &Db) -> BTreeSet<String> {
    strings(
        db,
        "SELECT t.relname::text || '.' || i.relname::text FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        vals![],
    )
    .into_iter()
    .collect()
}

#[test]
fn the_same_indexes_and_trigram_ones_for_substring_search() {
    let both = both();
    let sqlite = sqlite_indexes(&both.sqlite);
    let (trigram, postgres): (BTreeSet<String>, BTreeSet<String>) =
        postgres_indexes(&both.postgres).into_iter().partition(|i| i.ends_with("_trgm"));
    assert_eq!(sqlite, postgres, "SQLite's indexes (left), PostgreSQL's (right)");
    // What SQLite finds with FTS5 or LIKE over the whole column, PostgreSQL's pg_trgm serves.
    let trigram: Vec<_> = trigram.iter().map(String::as_str).collect();
    assert_eq!(
        trigram,
        [
            "customers.customers_search_text_trgm",
            "return_cases.return_cases_haystack_trgm",
            "ticket_search.ticket_search_haystack_trgm"
        ]
    );
    let method = strings(
        &both.postgres,
        "SELECT DISTINCT am.amname::text FROM pg_class i JOIN pg_am am ON am.oid = i.relam WHERE i.relname LIKE '%\\_trgm'",
        vals![],
    );
    assert_eq!(method, ["gin"]);
}

/// A refusing trigger: its table, what it refuses (UPDATE, DELETE, TRUNCATE) and its words.
type Trigger = (String, &'static str, String);

/// The SQL string literal right after `marker` in `sql`, unquoted.
fn literal_after(sql: &str, marker: &str) -> String {
    let start = sql.find(marker).unwrap_or_else(|| panic!("no {marker} in {sql}")) + marker.len();
    let rest = sql[start..].strip_prefix('\'').unwrap_or_else(|| panic!("no text after {marker} in {sql}"));
    let mut out = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() != Some(&'\'') {
                return out;
            }
            chars.next();
        }
        out.push(c);
    }
    panic!("unterminated text in {sql}")
}

fn sqlite_triggers(db: &Db) -> BTreeMap<String, Trigger> {
    db.rows("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'", vals![], |r| {
        let sql: String = r.get(2)?;
        let upper = sql.to_ascii_uppercase();
        let event = if upper.contains("BEFORE UPDATE") {
            "UPDATE"
        } else if upper.contains("BEFORE DELETE") {
            "DELETE"
        } else {
            panic!("a trigger neither on UPDATE nor DELETE: {sql}")
        };
        Ok((r.get(0)?, (r.get(1)?, event, literal_after(&sql, "RAISE(ABORT, "))))
    })
    .unwrap()
    .into_iter()
    .collect()
}

fn postgres_triggers(db: &Db) -> BTreeMap<String, Trigger> {
    db.rows(
        "SELECT t.tgname::text, c.relname::text, t.tgtype::bigint, pg_get_triggerdef(t.oid)
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE NOT t.tgisinternal AND n.nspname = current_schema()
           -- Those that fire only as head office takes in a branch's records (version 11) refuse nothing.
           AND t.tgenabled <> 'R'",
        vals![],
        |r| {
            // pg_trigger.tgtype: 2 BEFORE, 8 DELETE, 16 UPDATE, 32 TRUNCATE.
            let (ty, def): (i64, String) = (r.get(2)?, r.get(3)?);
            assert!(ty & 2 != 0, "a refusal comes before the change: {def}");
            let event = match ty & (8 | 16 | 32 | 4) {
                8 => "DELETE",
                16 => "UPDATE",
                32 => "TRUNCATE",
                _ => panic!("a trigger on one of UPDATE, DELETE or TRUNCATE: {def}"),
            };
            Ok((r.get(0)?, (r.get(1)?, event, literal_after(&def, "caseback_refuse("))))
        },
    )
    .unwrap()
    .into_iter()
    .collect()
}

#[test]
fn the_same_triggers_refuse_with_the_same_words() {
    let both = both();
    let sqlite = sqlite_triggers(&both.sqlite);
    let mut postgres = postgres_triggers(&both.postgres);
    // PostgreSQL's TRUNCATE passes over DELETE triggers, so each table that refuses DELETE
    // refuses TRUNCATE too, in the same words; SQLite has no TRUNCATE.
    let truncates: BTreeMap<String, Trigger> =
        postgres.iter().filter(|(_, t)| t.1 == "TRUNCATE").map(|(n, t)| (n.clone(), t.clone())).collect();
    postgres.retain(|_, t| t.1 != "TRUNCATE");
    assert_eq!(sqlite, postgres, "SQLite's triggers (left), PostgreSQL's (right)");
    let deletes: BTreeSet<(String, String)> =
        sqlite.values().filter(|t| t.1 == "DELETE").map(|t| (t.0.clone(), t.2.clone())).collect();
    let truncated: BTreeSet<(String, String)> = truncates.values().map(|t| (t.0.clone(), t.2.clone())).collect();
    assert_eq!(deletes, truncated, "DELETE's refusals (left), TRUNCATE's (right)");
    for (name, (table, ..)) in &truncates {
        assert_eq!(name, &format!("{table}_are_never_truncated"));
    }
    assert!(sqlite.len() >= 17, "{sqlite:?}");
}

/// What the database answered, as the trigger said it (without either engine's wording).
fn refusal(e: StoreError) -> String {
    match e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(_, Some(message))) => message,
        StoreError::Postgres { reason, .. } => reason,
        other => panic!("not a refusal by the database: {other:?}"),
    }
}

#[test]
fn an_event_is_never_updated_or_deleted_on_either_engine() {
    let both = both();
    for db in [&both.sqlite, &both.postgres] {
        db.exec(
            "INSERT INTO events (at, staff_id, subject, subject_id, action, detail_json)
             VALUES ('2026-11-22T09:30:00Z', NULL, 'ticket', 'R-2026-00001', 'booked', '{}')",
            vals![],
        )
        .unwrap();
        let engine = db.engine();
        let update = db.exec("UPDATE events SET action = 'forged' WHERE subject_id = ?1", vals!["R-2026-00001"]);
        assert_eq!(refusal(update.unwrap_err()), "the event log is append-only", "{engine:?}");
        let delete = db.exec("DELETE FROM events", vals![]);
        assert_eq!(refusal(delete.unwrap_err()), "the event log is append-only", "{engine:?}");
        if engine == Engine::Postgres {
            let truncate = db.batch("TRUNCATE events");
            assert_eq!(refusal(truncate.unwrap_err()), "the event log is append-only", "{engine:?}");
        }
        // Nothing of it happened.
        let action: String = db.value("SELECT action FROM events", vals![]).unwrap();
        assert_eq!(action, "booked", "{engine:?}");
        // A statement that matches no row changes nothing, and is not refused (row triggers).
        assert_eq!(db.exec("UPDATE events SET action = 'x' WHERE id = -1", vals![]).unwrap(), 0, "{engine:?}");
    }
}

#[test]
fn the_rma_key_and_the_checks_refuse_alike() {
    let both = both();
    for db in [&both.sqlite, &both.postgres] {
        let engine = db.engine();
        db.exec("INSERT INTO shop_secrets (id, rma_key) VALUES (1, ?1)", vals![[7u8; 32]]).unwrap();
        let short = db.exec("INSERT INTO shop_secrets (id, rma_key) VALUES (2, ?1)", vals![[7u8; 31]]);
        assert!(short.is_err(), "{engine:?}: one key of 32 bytes");
        let change = db.exec("UPDATE shop_secrets SET rma_key = ?1", vals![[0u8; 32]]).unwrap_err();
        assert_eq!(
            refusal(change),
            "the shop's RMA key is never changed: codes under a new one could repeat old ones",
            "{engine:?}"
        );
        // The same CHECKs: a boolean is 0 or 1.
        let staff = db.exec("INSERT INTO staff (name, active, created_at) VALUES ('Tom', 2, 'x')", vals![]);
        assert!(staff.is_err(), "{engine:?}: active is 0 or 1");
    }
}
