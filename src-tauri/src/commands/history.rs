//! A record's history as the UI lists it: local time, who, what.

use caseback_store::Shop;
use serde::Serialize;

use crate::error::IpcResult;

#[derive(Serialize)]
pub struct HistoryRow {
    at: String,
    staff: Option<String>,
    action: String,
    detail: serde_json::Value,
}

/// Newest first.
pub fn rows(shop: &Shop, subject: &str, subject_id: &str) -> IpcResult<Vec<HistoryRow>> {
    let (settings, staff) = (shop.settings()?, shop.staff()?);
    let rows = shop.history(subject, subject_id)?.into_iter().rev().map(|e| HistoryRow {
        at: e.at.to_zoned(settings.time_zone()).strftime("%Y-%m-%d %H:%M").to_string(),
        staff: e.staff.and_then(|id| staff.iter().find(|m| m.id == id)).map(|m| m.name.clone()),
        action: e.action,
        detail: e.detail,
    });
    Ok(rows.collect())
}
