//! Every table of the shop at once, row by row as stored: what a data move copies from one
//! engine to the other and checks afterwards. The tables are listed in the order their
//! references allow (a row's parents come first), and each is read and written with its
//! columns in the schema's order, the same on both engines (`tests/schema.rs`).

use crate::error::Result;
use crate::sql::{Db, Engine, Value};

/// Every table with the shop's records, parents first. `attachment_bytes` is not among
/// them: an attachment's content moves between the folder and the database on its own.
pub(crate) const TABLES: &[&str] = &[
    "shop_settings",
    "shop_secrets",
    "staff",
    "attachments",
    "customers",
    "ticket_numbers",
    "watches",
    "watch_owners",
    "tickets",
    "ticket_photos",
    "ticket_search",
    "readings",
    "service_warranties",
    "ticket_assignments",
    "work_times",
    "parts",
    "part_holds",
    "signatures",
    "assessments",
    "quotations",
    "quotation_answers",
    "completions",
    "collection_notices",
    "payments",
    "payment_plans",
    "payment_voids",
    "shipments",
    "releases",
    "return_cases",
    "rma_codes",
    "outbox",
    "events",
];

/// The table's columns in the schema's order.
pub(crate) fn columns(conn: &Db, table: &str) -> Result<Vec<String>> {
    // SQLite's full-text table names its key `rowid`, outside its declared columns.
    if table == "ticket_search" {
        return Ok(vec!["rowid".into(), "haystack".into()]);
    }
    match conn.engine() {
        Engine::Sqlite => {
            conn.rows("SELECT name FROM pragma_table_info(?1) ORDER BY cid", &[Value::Text(table.into())], |r| r.get(0))
        }
        Engine::Postgres => conn.rows(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position",
            &[Value::Text(table.into())],
            |r| r.get(0),
        ),
    }
}

/// Every row of `table`, its `columns` in that order, by its first column (its key).
pub(crate) fn rows(conn: &Db, table: &str, columns: &[String]) -> Result<Vec<Vec<Value>>> {
    let sql = format!("SELECT {} FROM {table} ORDER BY 1", columns.join(", "));
    conn.rows(&sql, &[], |r| (0..columns.len()).map(|i| r.value(i)).collect())
}

/// Writes one row as it was read.
pub(crate) fn insert(conn: &Db, table: &str, columns: &[String], row: &[Value]) -> Result<()> {
    let slots: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO {table} ({}) VALUES ({})", columns.join(", "), slots.join(", "));
    conn.exec(&sql, row)?;
    Ok(())
}

/// How many rows `table` has.
pub(crate) fn count(conn: &Db, table: &str) -> Result<i64> {
    conn.value(&format!("SELECT COUNT(*) FROM {table}"), &[])
}
