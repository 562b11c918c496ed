//! A record's history as the UI lists it: local time, who, what, in the shop's words.

use caseback_domain::{Amount, Currency};
use caseback_store::Shop;
use serde::Serialize;
use serde_json::Value;

use crate::error::IpcResult;

#[derive(Serialize)]
pub struct HistoryRow {
    at: String,
    staff: Option<String>,
    action: String,
    /// The event in a sentence, for the actions that have one.
    summary: Option<String>,
    detail: Value,
}

/// Newest first.
pub fn rows(shop: &Shop, subject: &str, subject_id: &str) -> IpcResult<Vec<HistoryRow>> {
    let (settings, staff) = (shop.settings()?, shop.staff()?);
    let rows = shop.history(subject, subject_id)?.into_iter().rev().map(|e| HistoryRow {
        at: e.at.to_zoned(settings.time_zone()).strftime("%Y-%m-%d %H:%M").to_string(),
        staff: e.staff.and_then(|id| staff.iter().find(|m| m.id == id)).map(|m| m.name.clone()),
        summary: summary(&e.action, &e.detail, settings.currency),
        action: e.action,
        detail: e.detail,
    });
    Ok(rows.collect())
}

fn summary(action: &str, d: &Value, currency: Currency) -> Option<String> {
    let text = |key: &str| d.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    let money = |key: &str| d.get(key).and_then(Value::as_i64).map(|m| currency.format(Amount(m))).unwrap_or_default();
    let reference = |d: &Value| match d.get("reference").and_then(Value::as_str) {
        Some(r) if !r.is_empty() => format!(", {r}"),
        _ => String::new(),
    };
    Some(match action {
        "quotation.issued" => {
            format!("Issued quotation {}: {}, valid through {}", text("number"), money("total"), text("valid_through"))
        }
        "quotation.accepted" => format!("Quotation {} accepted in writing{}", text("number"), reference(d)),
        "quotation.declined" => format!("Quotation {} declined in writing{}", text("number"), reference(d)),
        "repair.completed" => format!("Repair done: {}", text("work_performed")),
        "collection_notice.issued" => {
            format!("Collection Notice issued; storage {} a day from {}", money("fee_per_day"), text("fees_from"))
        }
        "payment.recorded" => format!("Payment of {} by {}{}", money("amount"), method(d), reference(d)),
        "payment.refunded" => format!("Refund of {} by {}{}", money("amount"), method(d), reference(d)),
        "shipping.chosen" => "Shipping arranged".to_string(),
        "ticket.collected" => format!("Collected by {}", text("collected_by")),
        "ticket.dispatched" => format!("Dispatched, tracking {}", text("tracking")),
        _ => return None,
    })
}

fn method(d: &Value) -> &'static str {
    serde_json::from_value::<caseback_domain::release::PaymentMethod>(d.get("method").cloned().unwrap_or_default())
        .map(|m| m.label())
        .unwrap_or("an unrecorded method")
}
