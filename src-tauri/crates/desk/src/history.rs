//! A record's history as the screens list it: local time, who, and the event in a sentence.

use caseback_domain::event::{Action, Subject};
use caseback_store::Shop;
use serde::Serialize;

use crate::dates::Dates;
use crate::error::Result;

#[derive(Serialize)]
pub struct HistoryRow {
    pub at: String,
    pub staff: Option<String>,
    pub action: Action,
    pub text: String,
}

/// Newest first.
pub fn rows(shop: &Shop, subject: Subject, subject_id: &str) -> Result<Vec<HistoryRow>> {
    let (settings, staff) = (shop.settings()?, shop.staff()?);
    let dates = Dates::of(&settings);
    let rows = shop.history(subject, subject_id)?.into_iter().rev().map(|e| HistoryRow {
        at: dates.instant(e.at),
        staff: e.staff.and_then(|id| staff.iter().find(|m| m.id == id)).map(|m| m.name.clone()),
        text: e.sentence(settings.currency, settings.date_style),
        action: e.action,
    });
    Ok(rows.collect())
}
