//! Table `shop_secrets`: the one row of the shop's secrets, so far the key of its RMA codes
//! (`RmaKey`). Written once, when the shop is set up (or, for a shop set up before version 7,
//! by that version's migration), and never changed or removed: the triggers refuse it, since
//! codes under a new key could collide with those already issued. It moves with the database
//! in backups and restores. Only issuing an RMA code reads it: no view, setting, log entry or
//! backup summary carries it, and the CSV export leaves the table out.

use crate::sql::Db;
use crate::vals;
use caseback_domain::returns::RmaKey;

use crate::error::{Result, StoreError};

/// A new key from the operating system's secure random generator.
pub(crate) fn new_rma_key() -> Result<RmaKey> {
    let mut bytes = [0u8; RmaKey::LEN];
    getrandom::fill(&mut bytes).map_err(|e| {
        StoreError::io(
            "Could not draw the shop's RMA key from the system's random generator",
            std::io::Error::other(e.to_string()),
        )
    })?;
    Ok(RmaKey::from_bytes(bytes))
}

/// The shop's RMA key, or `None` before the shop is set up.
pub(crate) fn rma_key(conn: &Db) -> Result<Option<RmaKey>> {
    let bytes: Option<Vec<u8>> = conn.row("SELECT rma_key FROM shop_secrets WHERE id = 1", vals![], |r| r.get(0))?;
    bytes
        .map(|b| {
            <[u8; RmaKey::LEN]>::try_from(b.as_slice())
                .map(RmaKey::from_bytes)
                .map_err(|_| StoreError::Corrupt("the shop's RMA key has the wrong length".into()))
        })
        .transpose()
}

/// Writes the shop's key, once: a second key is refused.
pub(crate) fn insert(conn: &Db, key: &RmaKey) -> Result<()> {
    conn.exec("INSERT INTO shop_secrets (id, rma_key) VALUES (1, ?1)", vals![key.as_bytes()[..]])?;
    Ok(())
}

/// Version 7's migration on SQLite (PostgreSQL databases start later than version 7's
/// upgrade): `key` for a shop set up before it (its settings, or an RMA code, are there). A
/// database not set up yet gets none here; set-up writes it. Only the tables as they are at
/// version 7 are read, since later migrations have not run yet.
pub(crate) fn insert_for_a_shop_set_up_before(conn: &rusqlite::Connection, key: &RmaKey) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO shop_secrets (id, rma_key) SELECT 1, ?1
         WHERE EXISTS (SELECT 1 FROM shop_settings) OR EXISTS (SELECT 1 FROM rma_codes)",
        [&key.as_bytes()[..]],
    )?;
    Ok(())
}
