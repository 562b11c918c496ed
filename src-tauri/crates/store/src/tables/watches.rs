//! Table `watches`: one row per watch the shop knows, its details as JSON beside its folded
//! identity (brand and serial), which finds it again.

use caseback_domain::branch;
use caseback_domain::watch::{WatchDetails, WatchId, WatchIdentity};
use jiff::Timestamp;

use super::columns::{from_json, to_json};
use crate::error::Result;
use crate::sql::{Db, Engine, Row, Value};
use crate::vals;

/// A watch as kept.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Watch {
    pub id: WatchId,
    pub details: WatchDetails,
}

fn from_row(r: &Row) -> Result<Watch> {
    Ok(Watch { id: WatchId(r.get(0)?), details: from_json("watch", &r.get::<String>(1)?)? })
}

pub(crate) fn insert(conn: &Db, details: &WatchDetails, now: Timestamp) -> Result<WatchId> {
    let identity = details.identity();
    Ok(WatchId(conn.insert(
        "INSERT INTO watches (brand_key, serial_key, details_json, created_at, branch) VALUES (?1, ?2, ?3, ?4, ?5)",
        vals![identity.brand, identity.serial, to_json(details)?, now.to_string(), branch::stored(conn.branch())],
    )?))
}

/// Inserts many watches under the ids `reserve_ids` gave them, in one statement.
pub(crate) fn insert_many(conn: &Db, watches: &[(WatchId, WatchDetails)], now: Timestamp) -> Result<()> {
    if watches.is_empty() {
        return Ok(());
    }
    let mut args = Vec::with_capacity(watches.len() * 6);
    for (id, details) in watches {
        let identity = details.identity();
        args.extend_from_slice(vals![
            id.0,
            identity.brand,
            identity.serial,
            to_json(details)?,
            now.to_string(),
            branch::stored(conn.branch())
        ]);
    }
    let rows = super::tickets::value_rows(watches.len(), 6);
    conn.exec(
        &format!("INSERT INTO watches (id, brand_key, serial_key, details_json, created_at, branch) VALUES {rows}"),
        &args,
    )?;
    Ok(())
}

/// `n` ids no watch has or will be given by `insert`: in the writer's transaction, the next
/// after the highest on SQLite; from the id's own sequence on PostgreSQL (which a branch
/// server of a chain starts in its own block).
pub(crate) fn reserve_ids(conn: &Db, n: usize) -> Result<Vec<WatchId>> {
    match conn.engine() {
        Engine::Sqlite => {
            let highest: i64 = conn.value("SELECT COALESCE(MAX(id), 0) FROM watches", vals![])?;
            Ok((1..=n as i64).map(|i| WatchId(highest + i)).collect())
        }
        Engine::Postgres => conn.rows(
            "SELECT nextval(pg_get_serial_sequence('watches', 'id')) FROM generate_series(1, CAST(?1 AS BIGINT))",
            vals![n as i64],
            |r| Ok(WatchId(r.get(0)?)),
        ),
    }
}

/// The watches with any of these serials (folded), under any brand, oldest first.
pub(crate) fn by_serials(conn: &Db, serial_keys: &[String]) -> Result<Vec<Watch>> {
    if serial_keys.is_empty() {
        return Ok(Vec::new());
    }
    let marks = (1..=serial_keys.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let args: Vec<Value> = serial_keys.iter().map(|k| Value::Text(k.clone())).collect();
    conn.rows(
        &format!("SELECT id, details_json FROM watches WHERE serial_key IN ({marks}) AND serial_key <> '' ORDER BY id"),
        &args,
        from_row,
    )
}

/// Writes corrected details (and the identity they make).
pub(crate) fn update(conn: &Db, id: WatchId, details: &WatchDetails) -> Result<()> {
    let identity = details.identity();
    conn.exec(
        "UPDATE watches SET brand_key = ?2, serial_key = ?3, details_json = ?4 WHERE id = ?1",
        vals![id.0, identity.brand, identity.serial, to_json(details)?],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, id: WatchId) -> Result<Option<Watch>> {
    conn.row("SELECT id, details_json FROM watches WHERE id = ?1", vals![id.0], from_row)
}

/// The watches `customer` owns or owned, the ones they own now first.
pub(crate) fn of_customer(conn: &Db, customer: caseback_domain::customer::CustomerId) -> Result<Vec<(Watch, bool)>> {
    conn.rows(
        "SELECT w.id, w.details_json, MAX(CASE WHEN o.until_on IS NULL THEN 1 ELSE 0 END) FROM watches w
         JOIN watch_owners o ON o.watch_id = w.id WHERE o.customer_id = ?1
         GROUP BY w.id, w.details_json ORDER BY 3 DESC, w.id",
        vals![customer.0],
        |r| Ok((from_row(r)?, r.get::<i64>(2)? == 1)),
    )
}

/// The watch of this identity (of any branch, the oldest first); none for a watch without
/// a serial, which no identity finds.
pub(crate) fn by_identity(conn: &Db, identity: &WatchIdentity) -> Result<Option<Watch>> {
    if !identity.is_known() {
        return Ok(None);
    }
    conn.row(
        "SELECT id, details_json FROM watches WHERE serial_key = ?1 AND brand_key = ?2 AND serial_key <> ''
         ORDER BY id LIMIT 1",
        vals![identity.serial, identity.brand],
        from_row,
    )
}

/// The watches with this serial (folded), under any brand: at most `limit`.
pub(crate) fn by_serial(conn: &Db, serial_key: &str, limit: usize) -> Result<Vec<Watch>> {
    if serial_key.is_empty() {
        return Ok(Vec::new());
    }
    conn.rows(
        &format!(
            "SELECT id, details_json FROM watches WHERE serial_key = ?1 AND serial_key <> '' ORDER BY id LIMIT {limit}"
        ),
        vals![serial_key],
        from_row,
    )
}

/// The watches a near match may be among: those of the same serial (under any brand), and
/// those of the same brand whose serial is one character longer, shorter or as long.
pub(crate) fn near(conn: &Db, identity: &WatchIdentity) -> Result<Vec<(WatchIdentity, Watch)>> {
    if !identity.is_known() {
        return Ok(Vec::new());
    }
    let len = identity.serial.chars().count() as i64;
    conn.rows(
        "SELECT id, details_json, brand_key, serial_key FROM watches
         WHERE serial_key <> '' AND (serial_key = ?1
            OR (brand_key = ?2 AND length(serial_key) BETWEEN ?3 AND ?4))
         ORDER BY id LIMIT 500",
        vals![identity.serial, identity.brand, len - 1, len + 1],
        |r| Ok((WatchIdentity { brand: r.get(2)?, serial: r.get(3)? }, from_row(r)?)),
    )
}
