//! Each event as the history reads it, in the shop's words: "Payment of HKD 1,030.00 by
//! Card, VISA 4242". Amounts are in the currency the event names (a return's order), else
//! the shop's.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Action, Event};
use crate::after_sale::PaymentMethod;
use crate::returns::{Decision, ReturnState};
use crate::settings::field_infos;
use crate::ticket::TicketState;
use crate::{Amount, Currency};

impl Event {
    /// The event in a sentence; `shop` is the shop's currency.
    pub fn sentence(&self, shop: Currency) -> String {
        let d = &self.detail;
        let text = |key: &str| d.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let currency =
            d.get("currency").and_then(Value::as_str).and_then(|c| Currency::from_code(c).ok()).unwrap_or(shop);
        let money =
            |key: &str| d.get(key).and_then(Value::as_i64).map(|m| currency.format(Amount(m))).unwrap_or_default();
        let reference = match d.get("reference").and_then(Value::as_str) {
            Some(r) if !r.is_empty() => format!(", {r}"),
            _ => String::new(),
        };
        let method = || read::<PaymentMethod>(d, "method").map_or("an unrecorded method", PaymentMethod::label);
        let count = |key: &str| d.get(key).and_then(Value::as_i64).unwrap_or(0);
        match self.action {
            Action::ShopSetUp => "Set up the shop".into(),
            Action::SettingsSaved => settings_saved(d),
            Action::LogoSet => "Changed the logo".into(),
            Action::LogoCleared => "Removed the logo".into(),
            Action::BackupRestored => format!(
                "{} restored the backup {}; the data it replaced is saved as {}",
                text("by"),
                text("from"),
                text("replaced_data_saved_to")
            ),
            Action::CustomerEdited => customer_edited(d),
            Action::TicketReceived => match count("photos") {
                0 => "Booked in".into(),
                1 => "Booked in · 1 photo".into(),
                n => format!("Booked in · {n} photos"),
            },
            Action::TicketState => {
                let label = |key| read::<TicketState>(d, key).map_or("—", TicketState::label);
                let by_clock = if text("by") == "clock" { " (the calendar)" } else { "" };
                format!("Moved from {} to {}{by_clock}", label("from"), label("to"))
            }
            Action::TicketAssessed => "Assessed".into(),
            Action::QuotationIssued => {
                format!(
                    "Issued quotation {}: {}, valid through {}",
                    text("number"),
                    money("total"),
                    text("valid_through")
                )
            }
            Action::QuotationAccepted => format!("Quotation {} accepted in writing{reference}", text("number")),
            Action::QuotationDeclined => format!("Quotation {} declined in writing{reference}", text("number")),
            Action::RepairCompleted => format!("Repair done: {}", text("work_performed")),
            Action::CollectionNoticeIssued => {
                format!("Collection Notice issued; storage {} a day from {}", money("fee_per_day"), text("fees_from"))
            }
            Action::PaymentRecorded => format!("Payment of {} by {}{reference}", money("amount"), method()),
            Action::PaymentRefunded => format!("Refund of {} by {}{reference}", money("amount"), method()),
            Action::ShippingChosen => "Shipping arranged".into(),
            Action::TicketCollected => format!("Collected by {}", text("collected_by")),
            Action::TicketDispatched => format!("Dispatched, tracking {}", text("tracking")),
            Action::ReturnRequested => format!("Request recorded for order {}", text("order_number")),
            Action::ReturnEvidenceAdded => match count("count") {
                1 => "1 photo or video of the defect added".into(),
                n => format!("{n} photos or videos of the defect added"),
            },
            Action::ReturnAuthorized => {
                let exception = match d.get("exception").and_then(Value::as_str) {
                    Some(r) => format!(", as an exception: {r}"),
                    None => String::new(),
                };
                format!("RMA code {} issued, valid through {}{exception}", text("code"), text("valid_through"))
            }
            Action::ReturnDeclined => format!("Request declined: {}", text("reason")),
            Action::ReturnCancelled => format!("Return cancelled: {}", text("reason")),
            Action::ReturnExtended => format!("RMA code extended to {}", text("to")),
            Action::PackageReceived => {
                let typed = text("typed");
                let label = if typed.is_empty() { String::new() } else { format!(" (label read \"{typed}\")") };
                match d.pointer("/arrival/arrival").and_then(Value::as_str) {
                    Some("valid_rma") => "Package received with a valid RMA code".to_string(),
                    Some("expired_rma") => format!("Package received after its RMA code expired: held{label}"),
                    _ => format!("Package received without a valid RMA code: held{label}"),
                }
            }
            Action::ReturnLinked => format!("The package belongs to {}: linked there", text("to")),
            Action::PackageLinked => match d.pointer("/arrival/arrival").and_then(Value::as_str) {
                Some("valid_rma") => format!("Package linked from {} (it came without its code)", text("from")),
                _ => format!("Package linked from {}, after its RMA code expired: held", text("from")),
            },
            Action::ReturnAcceptedLate => format!("Accepted for inspection: {}", text("reason")),
            Action::ReturnDecided => match read::<Decision>(d, "decision") {
                Some(decision) => {
                    let total = d.get("total").and_then(Value::as_i64).map(Amount).unwrap_or_default();
                    format!("Inspected: {}", decision.describe(currency, total))
                }
                None => "Inspected".into(),
            },
            Action::ReturnRefunded => format!("Refund of {} paid{reference}", money("amount")),
            Action::ExchangeFeePaid => format!("Exchange fee of {} paid by {}{reference}", money("amount"), method()),
            Action::ExchangeSent => format!("Replacement sent, tracking {}", text("tracking")),
            Action::ReturnSentBack => format!("Sent back to the customer, tracking {}", text("tracking")),
            Action::ReturnState => match read::<ReturnState>(d, "to") {
                Some(ReturnState::Expired) => "The RMA code expired: no package came by its last day".into(),
                Some(ReturnState::ShipBack) => {
                    "The hold ended: the package is to go back at the customer's cost".into()
                }
                to => format!("Moved to {}", to.map_or("—", ReturnState::label)),
            },
        }
    }
}

fn read<T: DeserializeOwned>(d: &Value, key: &str) -> Option<T> {
    serde_json::from_value(d.get(key)?.clone()).ok()
}

/// "Changed Shop name, Storage fee per day, added Ali Demir".
fn settings_saved(d: &Value) -> String {
    let infos = field_infos();
    let strings = |key: &str| -> Vec<String> {
        d.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    };
    let fields = strings("fields")
        .into_iter()
        .map(|k| infos.iter().find(|f| f.key == k).map_or(k.clone(), |f| f.label.to_string()));
    let all: Vec<String> = fields.chain(strings("staff")).collect();
    if all.is_empty() {
        "Changed settings".into()
    } else {
        format!("Changed {}", all.join(", "))
    }
}

/// "Corrected the phone from +852 9000 0000 to +852 9123 4567".
fn customer_edited(d: &Value) -> String {
    let changes: Vec<String> = d
        .get("changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|c| {
            let part = |k: &str| c.get(k).and_then(Value::as_str).unwrap_or_default();
            let shown = |v: &str| if v.is_empty() { "(empty)".to_string() } else { format!("\"{v}\"") };
            format!("the {} from {} to {}", part("field"), shown(part("from")), shown(part("to")))
        })
        .collect();
    if changes.is_empty() {
        "Customer details saved unchanged".into()
    } else {
        format!("Corrected {}", changes.join("; "))
    }
}
