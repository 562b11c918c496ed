//! Each event as the history reads it, in the shop's words: "Payment of HKD 1,030.00 by
//! Card, VISA 4242". Amounts are in the currency the event names (a return's order), else
//! the shop's.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Action, Event};
use crate::after_sale::{InstalmentPlan, PaymentMethod};
use crate::calendar::DateStyle;
use crate::returns::{Decision, RequestChannel, ReturnState};
use crate::settings::field_infos;
use crate::ticket::TicketState;
use crate::{Amount, Currency};

impl Event {
    /// The event in a sentence; `shop` is the shop's currency, `dates` how it writes dates
    /// (the log keeps dates as `YYYY-MM-DD`).
    pub fn sentence(&self, shop: Currency, dates: DateStyle) -> String {
        let d = &self.detail;
        let text = |key: &str| d.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let day = |key: &str| styled(dates, &text(key));
        let currency = d
            .get("currency")
            .and_then(Value::as_str)
            .and_then(|c| Currency::from_code(c).ok())
            .map_or(shop, |c| c.with_style(shop.style()));
        let money =
            |key: &str| d.get(key).and_then(Value::as_i64).map(|m| currency.format(Amount(m))).unwrap_or_default();
        let reference = match d.get("reference").and_then(Value::as_str) {
            Some(r) if !r.is_empty() => format!(", {r}"),
            _ => String::new(),
        };
        let method = || read::<PaymentMethod>(d, "method").map_or("an unrecorded method", PaymentMethod::label);
        // "Instalments, 12 × via Garanti BBVA" for a payment spread by the bank.
        let paid_by = || match read::<InstalmentPlan>(d, "instalments") {
            Some(plan) => format!("{}, {}", method(), plan.describe()),
            None => method().to_string(),
        };
        let count = |key: &str| d.get(key).and_then(Value::as_i64).unwrap_or(0);
        let at_counter = d.get("at_counter").and_then(Value::as_bool).unwrap_or(false);
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
            Action::CustomerEdited => customer_edited(d, dates),
            Action::WatchRecorded => match d.get("ticket").and_then(Value::as_str) {
                Some(t) => format!("Recorded the watch, from {t}"),
                None => "Recorded the watch".into(),
            },
            Action::WatchEdited => "Corrected the watch's details".into(),
            Action::WatchPassedOn => format!("Passed to a new owner, {}, from {}", text("owner"), text("from")),
            Action::ReadingsTaken => match d.get("warnings").and_then(Value::as_i64).unwrap_or(0) {
                0 => format!("Took the readings {}", text("stage")),
                1 => format!("Took the readings {} · 1 outside the shop's tolerances", text("stage")),
                n => format!("Took the readings {} · {n} outside the shop's tolerances", text("stage")),
            },
            Action::PinSet => match d.get("set").and_then(Value::as_bool) {
                Some(true) => format!("Set {}'s manager PIN", text("staff")),
                _ => format!("Cleared {}'s manager PIN", text("staff")),
            },
            Action::PartRecorded => format!("Added to the catalogue: {} {}", text("number"), text("description")),
            Action::PartEdited => "Changed the catalogue entry".into(),
            Action::StockReceived => {
                let note = if text("note").is_empty() { String::new() } else { format!(": {}", text("note")) };
                format!("Received {} into stock{note} · {} on hand", pieces(count("pieces")), count("on_hand"))
            }
            Action::StockReserved => match count("back_ordered") {
                0 => format!("Held {} for {}", pieces(count("pieces")), text("ticket")),
                waits => format!(
                    "Held {} for {}; {} not in stock waits for a delivery",
                    pieces(count("pieces")),
                    text("ticket"),
                    pieces(waits)
                ),
            },
            Action::StockUsed => {
                format!("Used {} on {} · {} on hand", pieces(count("pieces")), text("ticket"), count("on_hand"))
            }
            Action::StockReleased => format!("Let go of what was held for {}", text("ticket")),
            Action::StockCounted => match count("difference") {
                0 => format!("Counted {} in the drawer, as on record", count("counted")),
                d if d < 0 => format!("Counted {} in the drawer: {} fewer than on record", count("counted"), -d),
                d => format!("Counted {} in the drawer: {d} more than on record", count("counted")),
            },
            Action::StockWrittenOff => {
                format!("Wrote off {}: {} · {} on hand", pieces(count("pieces")), text("reason"), count("on_hand"))
            }
            Action::PartsImported => format!(
                "Imported the catalogue from {}: {} added, {} updated, {} rows refused",
                text("file"),
                count("added"),
                count("updated"),
                count("refused")
            ),
            Action::CustomersImported => format!(
                "Imported customers from {}: {} added ({} with a watch), {} rows left out",
                text("file"),
                count("added"),
                count("watches"),
                count("left_out")
            ),
            Action::MessageQueued => match d.get("again").and_then(Value::as_bool) {
                Some(true) => format!("{} put back in the outbox for {}", text("title"), text("to")),
                _ => format!("{} queued to be e-mailed to {}", text("title"), text("to")),
            },
            Action::MessageSent => format!("{} e-mailed to {}", text("title"), text("to")),
            Action::MessageFailed => match d.get("waits").and_then(Value::as_bool) {
                Some(true) => format!(
                    "Could not reach the mail server to send {} to {}: {}; it waits in the outbox and is tried again",
                    text("form"),
                    text("to"),
                    text("reason")
                ),
                _ => format!(
                    "Could not send {} to {}: {}; not delivered: correct the address if it is wrong, then send it again",
                    text("form"),
                    text("to"),
                    text("reason")
                ),
            },
            Action::DocumentSigned => format!("{} signed on the screen by {}", text("document"), text("signer")),
            Action::TicketAssigned => match (text("from").as_str(), text("to").as_str()) {
                ("", "") => "Left unassigned".into(),
                ("", to) => format!("Given to {to}"),
                (from, "") => format!("Taken back from {from}: nobody has it now"),
                (from, to) => format!("Given to {to} (was {from})"),
            },
            Action::WorkTimeLogged => match text("note").as_str() {
                "" => format!("{} worked on it", text("time")),
                note => format!("{} worked on it: {note}", text("time")),
            },
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
                    day("valid_through")
                )
            }
            Action::QuotationAccepted => format!("Quotation {} accepted in writing{reference}", text("number")),
            Action::QuotationDeclined => format!("Quotation {} declined in writing{reference}", text("number")),
            Action::RepairCompleted => format!("Repair done: {}", text("work_performed")),
            Action::CollectionNoticeIssued => {
                format!("Collection Notice issued; storage {} a day from {}", money("fee_per_day"), day("fees_from"))
            }
            Action::PaymentRecorded => format!("Payment of {} by {}{reference}", money("amount"), paid_by()),
            Action::PaymentRefunded => format!("Refund of {} by {}{reference}", money("amount"), method()),
            Action::PaymentVoided => {
                let entry = if text("kind") == "refund" { "refund" } else { "payment" };
                format!(
                    "Voided the {entry} of {} by {} recorded on {}: {}",
                    money("amount"),
                    paid_by(),
                    day("paid_on"),
                    text("reason")
                )
            }
            Action::ShippingChosen => "Shipping arranged".into(),
            Action::TicketCollected => format!("Collected by {}", text("collected_by")),
            Action::TicketDispatched => format!("Dispatched, tracking {}", text("tracking")),
            Action::ReturnRequested => match read::<RequestChannel>(d, "channel") {
                Some(channel) => {
                    format!("Request recorded for order {}, asked {}", text("order_number"), channel.how())
                }
                None => format!("Request recorded for order {}", text("order_number")),
            },
            Action::ReturnCorrected => corrected("Corrected the request:", d, dates),
            Action::ReturnEvidenceAdded => match count("count") {
                1 => "1 photo or video of the defect added".into(),
                n => format!("{n} photos or videos of the defect added"),
            },
            Action::ReturnAuthorized => {
                let exception = match d.get("exception").and_then(Value::as_str) {
                    Some(r) => format!(", as an exception: {r}"),
                    None => String::new(),
                };
                format!("RMA code {} issued, valid through {}{exception}", text("code"), day("valid_through"))
            }
            Action::ReturnDeclined => format!("Request declined: {}", text("reason")),
            Action::ReturnCancelled => format!("Return cancelled: {}", text("reason")),
            Action::ReturnExtended => format!("RMA code extended to {}", day("to")),
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
            Action::ReturnDecisionRevised => {
                let said = |key: &str| {
                    let decision = d
                        .pointer(&format!("/{key}/decision"))
                        .cloned()
                        .and_then(|v| serde_json::from_value::<Decision>(v).ok());
                    let total =
                        d.pointer(&format!("/{key}/total")).and_then(Value::as_i64).map(Amount).unwrap_or_default();
                    decision.map_or("—".to_string(), |x| x.describe(currency, total))
                };
                format!("Decision revised from \"{}\" to \"{}\"", said("from"), said("to"))
            }
            Action::ReturnTakenIn => {
                let exception = match d.get("exception").and_then(Value::as_str) {
                    Some(r) => format!(", as an exception: {r}"),
                    None => String::new(),
                };
                format!("Handed over at the counter and taken in for inspection as {}{exception}", text("code"))
            }
            Action::ReturnRefunded => format!("Refund of {} paid{reference}", money("amount")),
            Action::ExchangeFeePaid => format!("Exchange fee of {} paid by {}{reference}", money("amount"), method()),
            Action::ExchangeSent if at_counter => "Replacement handed over at the counter".into(),
            Action::ExchangeSent => format!("Replacement sent, tracking {}", text("tracking")),
            Action::ReturnSentBack if at_counter => "Handed back to the customer at the counter".into(),
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
fn customer_edited(d: &Value, dates: DateStyle) -> String {
    corrected("Corrected", d, dates)
}

/// A logged `YYYY-MM-DD` as the shop writes dates; any other text as it is.
fn styled(dates: DateStyle, text: &str) -> String {
    text.parse::<jiff::civil::Date>().map_or_else(|_| text.to_string(), |d| dates.format(d))
}

/// `lead` and each change: "the price from "HKD 1,249,900.00" to "HKD 12,499.00"".
fn corrected(lead: &str, d: &Value, dates: DateStyle) -> String {
    let changes: Vec<String> = d
        .get("changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|c| {
            let part = |k: &str| styled(dates, c.get(k).and_then(Value::as_str).unwrap_or_default());
            let shown = |v: &str| if v.is_empty() { "(empty)".to_string() } else { format!("\"{v}\"") };
            format!("the {} from {} to {}", part("field"), shown(&part("from")), shown(&part("to")))
        })
        .collect();
    if changes.is_empty() {
        "Saved unchanged".into()
    } else {
        format!("{lead} {}", changes.join("; "))
    }
}

/// "1 piece", "3 pieces".
fn pieces(n: i64) -> String {
    if n == 1 {
        "1 piece".into()
    } else {
        format!("{n} pieces")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::event::Subject;

    fn event(action: Action, detail: Value) -> Event {
        Event {
            at: "2026-12-01T02:00:00Z".parse().unwrap(),
            staff: None,
            subject: Subject::Return,
            subject_id: "1".into(),
            action,
            detail,
        }
    }

    #[test]
    fn logged_dates_are_written_the_shops_way() {
        let hkd = Currency::from_code("HKD").unwrap();
        let issued = event(Action::ReturnAuthorized, json!({ "code": "RMA-K7QD-4WX", "valid_through": "2026-12-31" }));
        assert_eq!(issued.sentence(hkd, DateStyle::DayDots), "RMA code RMA-K7QD-4WX issued, valid through 31.12.2026");
        assert!(issued.sentence(hkd, DateStyle::Words).ends_with("valid through 31 December 2026"));
        let extended = event(Action::ReturnExtended, json!({ "from": "2026-12-31", "to": "2027-01-14" }));
        assert_eq!(extended.sentence(hkd, DateStyle::DayDots), "RMA code extended to 14.01.2027");
        // A correction's dates too, while its other values stay as typed.
        let corrected = event(
            Action::ReturnCorrected,
            json!({ "changes": [
                { "field": "purchase date", "from": "2026-02-29", "to": "2028-02-29" },
                { "field": "order number", "from": "2026-1", "to": "2026-01" },
            ] }),
        );
        let text = corrected.sentence(hkd, DateStyle::DaySlashes);
        assert!(text.contains("from \"2026-02-29\" to \"29/02/2028\""), "not a day: kept; a leap day: styled: {text}");
        assert!(text.contains("from \"2026-1\" to \"2026-01\""), "{text}");
    }
    #[test]
    fn an_emailed_form_reads_as_sent_waiting_or_refused() {
        let hkd = Currency::from_code("HKD").unwrap();
        let facts = |more: Value| {
            let mut d = json!({ "form": "the quotation", "title": "Quotation", "to": "ayse@example.com" });
            d.as_object_mut().unwrap().extend(more.as_object().unwrap().clone());
            d
        };
        let said = |action, more| event(action, facts(more)).sentence(hkd, DateStyle::Words);
        assert_eq!(said(Action::MessageQueued, json!({})), "Quotation queued to be e-mailed to ayse@example.com");
        assert_eq!(said(Action::MessageSent, json!({})), "Quotation e-mailed to ayse@example.com");
        assert_eq!(
            said(Action::MessageFailed, json!({ "reason": "550 mailbox unavailable" })),
            "Could not send the quotation to ayse@example.com: 550 mailbox unavailable; not delivered: correct the address if it is wrong, then send it again"
        );
        let waits = said(Action::MessageFailed, json!({ "reason": "connection refused", "waits": true }));
        assert!(waits.starts_with("Could not reach the mail server to send the quotation"), "{waits}");
        assert!(said(Action::MessageQueued, json!({ "again": true })).contains("put back in the outbox"));
    }
}
