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
        "backup.restored" => format!(
            "{} restored the backup {}; the data it replaced is saved as {}",
            text("by"),
            text("from"),
            text("replaced_data_saved_to")
        ),
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
        "return.requested" => format!("Request recorded for order {}", text("order_number")),
        "return.evidence_added" => match d.get("count").and_then(Value::as_i64).unwrap_or(0) {
            1 => "1 photo or video of the defect added".to_string(),
            n => format!("{n} photos or videos of the defect added"),
        },
        "return.authorized" => {
            let exception = match d.get("exception").and_then(Value::as_str) {
                Some(r) => format!(", as an exception: {r}"),
                None => String::new(),
            };
            format!("RMA code {} issued, valid through {}{exception}", text("code"), text("valid_through"))
        }
        "return.declined" => format!("Request declined: {}", text("reason")),
        "return.cancelled" => format!("Return cancelled: {}", text("reason")),
        "return.extended" => format!("RMA code extended to {}", text("to")),
        "return.package_received" => {
            let typed = text("typed");
            let label = if typed.is_empty() { String::new() } else { format!(" (label read \"{typed}\")") };
            match d.pointer("/arrival/arrival").and_then(Value::as_str) {
                Some("valid_rma") => "Package received with a valid RMA code".to_string(),
                Some("expired_rma") => format!("Package received after its RMA code expired: held{label}"),
                _ => format!("Package received without a valid RMA code: held{label}"),
            }
        }
        "return.linked" => format!("The package belongs to {}: linked there", text("to")),
        "return.package_linked" => match d.pointer("/arrival/arrival").and_then(Value::as_str) {
            Some("valid_rma") => format!("Package linked from {} (it came without its code)", text("from")),
            _ => format!("Package linked from {}, after its RMA code expired: held", text("from")),
        },
        "return.accepted_late" => format!("Accepted for inspection: {}", text("reason")),
        "return.decided" => {
            let decision =
                serde_json::from_value::<caseback_domain::returns::Decision>(d.get("decision").cloned()?).ok()?;
            let total = d.get("total").and_then(Value::as_i64).map(Amount).unwrap_or_default();
            let order =
                d.get("currency").and_then(Value::as_str).and_then(|c| Currency::from_code(c).ok()).unwrap_or(currency);
            format!("Inspected: {}", decision.describe(order, total))
        }
        "return.refunded" => format!("Refund of {} paid{}", money_in(d, currency), reference(d)),
        "return.exchange_fee_paid" => {
            format!("Exchange fee of {} paid by {}{}", money_in(d, currency), method(d), reference(d))
        }
        "return.exchange_sent" => format!("Replacement sent, tracking {}", text("tracking")),
        "return.sent_back" => format!("Sent back to the customer, tracking {}", text("tracking")),
        _ => return None,
    })
}

/// An amount in the currency the event names (a return's order), else the shop's.
fn money_in(d: &Value, shop: Currency) -> String {
    let currency = d.get("currency").and_then(Value::as_str).and_then(|c| Currency::from_code(c).ok()).unwrap_or(shop);
    d.get("amount").and_then(Value::as_i64).map(|m| currency.format(Amount(m))).unwrap_or_default()
}

fn method(d: &Value) -> &'static str {
    serde_json::from_value::<caseback_domain::release::PaymentMethod>(d.get("method").cloned().unwrap_or_default())
        .map(|m| m.label())
        .unwrap_or("an unrecorded method")
}
