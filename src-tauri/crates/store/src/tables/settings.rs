//! Table `shop_settings`: the one row holding the shop's settings as JSON.
//!
//! JSON because the policy grows with every issue; serde defaults fill fields an older
//! row lacks, so adding a setting needs no migration.

use crate::sql::Db;
use crate::vals;
use caseback_domain::Settings;
use jiff::Timestamp;

use crate::error::{Result, StoreError};

/// The settings, or `None` before the shop is set up.
pub(crate) fn get(conn: &Db) -> Result<Option<Settings>> {
    let json: Option<String> =
        conn.row("SELECT settings_json FROM shop_settings WHERE id = 1", vals![], |r| r.get(0))?;
    json.map(|j| serde_json::from_str(&j).map_err(|e| StoreError::Corrupt(format!("settings: {e}")))).transpose()
}

/// Writes the one row, first or again.
pub(crate) fn put(conn: &Db, settings: &Settings, now: Timestamp) -> Result<()> {
    let json = serde_json::to_string(settings).map_err(|e| StoreError::Corrupt(format!("settings: {e}")))?;
    conn.exec(
        "INSERT INTO shop_settings (id, settings_json, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at",
        vals![json, now.to_string()],
    )?;
    Ok(())
}
