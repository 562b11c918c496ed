//! What the return page is told: the request in a sentence, the decline reason's example
//! in the shop's own window, the decision with what happens to the watch and the form to
//! revise it, and a watch taken in and handed back at the counter.

use std::sync::{Arc, Mutex};

use caseback_desk::Desk;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::CustomerChoice;
use caseback_domain::presets::PresetId;
use caseback_domain::returns::{
    DecisionForm, InspectionForm, RefundForm, RefundMethod, RequestChannel, ReturnForm, ReturnReason,
};
use caseback_domain::staff::{RosterEntry, StaffId};
use caseback_store::fixture;
use jiff::civil::date;
use jiff::Timestamp;
use serde_json::Value;

fn desk_at(start: &str) -> (tempfile::TempDir, Desk, Arc<Mutex<Timestamp>>, StaffId) {
    let now = Arc::new(Mutex::new(start.parse::<Timestamp>().unwrap()));
    let (dir, shop, by) = fixture::temp_shop(*now.lock().unwrap());
    let clock = now.clone();
    (dir, Desk::new(shop, Arc::new(move || *clock.lock().unwrap())), now, by)
}

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn form(reason: ReturnReason, channel: RequestChannel) -> ReturnForm {
    ReturnForm {
        customer: Some(CustomerChoice::New {
            details: CustomerDetails {
                name: "Elif Kaya".into(),
                phone: "+90 532 418 27 90".into(),
                ..Default::default()
            },
        }),
        order_number: "TR-2031".into(),
        product: "Huawei Watch GT 5".into(),
        model: String::new(),
        serial: String::new(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "1,000".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: Some(date(2026, 11, 2)),
        delivery_date: Some(date(2026, 11, 3)),
        reason,
        wants: Default::default(),
        details: String::new(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel,
        media: vec![],
    }
}

fn inspection(wear: &str, ticked: &[&str]) -> InspectionForm {
    serde_json::from_value(serde_json::json!({
        "checklist": ticked.iter().map(|k| (k.to_string(), Value::Bool(true))).collect::<serde_json::Map<_, _>>(),
        "wear": wear,
        "notes": "Bezel scratched",
    }))
    .unwrap()
}

fn partial(percent: &str) -> DecisionForm {
    DecisionForm::PartialRefund { percent: percent.into(), method: RefundMethod::OriginalCard }
}

#[test]
fn the_request_reads_as_a_sentence_and_the_decline_example_uses_the_shops_window() {
    // Tuesday 3 November 2026 in Hong Kong; lx-watch takes returns within 10 days.
    let (_dir, mut desk, _now, by) = desk_at("2026-11-03T02:00:00Z");
    let options = json(desk.return_options().unwrap());
    assert_eq!(options["decline_placeholder"], "e.g. Requested after the return window of 10 days");
    let kinds = options["decision_kinds"].as_array().unwrap();
    assert_eq!(kinds[0]["watch"], "The shop keeps the watch.");
    assert!(kinds.iter().any(|k| k["key"] == "ship_back" && k["watch"].as_str().unwrap().contains("sent back")));
    assert!(options["checklist"].as_array().unwrap().iter().all(|c| c[0] != "not_paired"), "lx-watch does not ask");

    let view = json(desk.request_return(by, &form(ReturnReason::ChangeOfMind, RequestChannel::InStore)).unwrap());
    assert_eq!(view["requested_text"], "Requested in store on 3 November 2026");
    let by_email = json(desk.request_return(by, &form(ReturnReason::ChangeOfMind, RequestChannel::Email)).unwrap());
    assert_eq!(by_email["requested_text"], "Requested by email on 3 November 2026");
    assert_eq!(view["actions"]["take_in"], true);
    assert_eq!(by_email["actions"]["take_in"], false);
    assert!(view["next_text"].as_str().unwrap().contains("take the watch in"), "{}", view["next_text"]);
}

#[test]
fn a_decision_offers_its_revision_filled_in_as_decided_until_the_refund_is_recorded() {
    let (_dir, mut desk, now, by) = desk_at("2026-11-08T02:00:00Z");
    let case = json(desk.request_return(by, &form(ReturnReason::ChangeOfMind, RequestChannel::Email)).unwrap());
    let id = caseback_domain::returns::ReturnId(case["id"].as_i64().unwrap());
    let code = json(desk.authorize_return(by, id, None).unwrap())["rma"]["code"].as_str().unwrap().to_string();
    desk.receive_package(by, Some(&code), &Default::default()).unwrap();
    let decided = json(desk.decide_return(by, id, &inspection("moderate", &["rma_matches"]), &partial("30")).unwrap());
    assert_eq!(decided["decision_text"], "Partial refund for wear");
    assert_eq!(decided["decision_watch"], "The shop keeps the watch.");
    assert_eq!(decided["actions"]["revise_decision"], true);
    let f = &decided["revision_form"];
    assert_eq!(
        (f["decision"].as_str(), f["percent"].as_str(), f["wear"].as_str()),
        (Some("partial_refund"), Some("30"), Some("moderate"))
    );
    assert_eq!(
        (f["checklist"]["rma_matches"].as_bool(), f["checklist"]["films_intact"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(f["method"], "original_card");
    let checks = decided["inspection_checks"].as_array().unwrap();
    assert_eq!(checks.len(), 6);

    *now.lock().unwrap() = "2026-11-09T02:00:00Z".parse().unwrap();
    let revised =
        json(desk.revise_return_decision(by, id, &inspection("light", &["rma_matches"]), &partial("40")).unwrap());
    assert_eq!(revised["settlement"]["total"], "HKD 400.00");
    assert_eq!(revised["revision_form"]["percent"], "40");
    let history: Vec<String> = revised["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(history.iter().any(|h| h.starts_with("Decision revised from")), "{history:?}");

    let refund = RefundForm {
        method: RefundMethod::OriginalCard,
        amount: "400".into(),
        refunded_on: None,
        account: String::new(),
        reference: "ARN 1".into(),
    };
    let refunded = json(desk.record_return_refund(by, id, &refund).unwrap());
    assert_eq!(refunded["actions"]["revise_decision"], false);
    assert!(refunded["revision_form"].is_null());
}

#[test]
fn a_watch_taken_in_at_the_counter_goes_to_inspection_with_no_parcel_forms_and_back_over_the_counter() {
    let (_dir, mut desk, now, by) = desk_at("2026-11-03T02:00:00Z");
    let mut settings = desk.shop().settings().unwrap();
    settings.policy = PresetId::TurkishStore.policy();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    desk.shop_mut().save_settings(by, &settings, &roster, *now.lock().unwrap()).unwrap();
    let options = json(desk.return_options().unwrap());
    assert_eq!(options["checklist"].as_array().unwrap().last().unwrap()[0], "not_paired");

    let case = json(desk.request_return(by, &form(ReturnReason::Defective, RequestChannel::InStore)).unwrap());
    let id = caseback_domain::returns::ReturnId(case["id"].as_i64().unwrap());
    let taken = json(desk.take_in_return(by, id, None).unwrap());
    assert_eq!((taken["state"].as_str(), taken["step"].as_str()), (Some("received"), Some("inspect")));
    assert_eq!(taken["arrival_text"], "Handed over at the counter with the request");
    assert!(taken["instructions"].is_null(), "no parcel instructions");
    assert!(taken["forms"].as_array().unwrap().is_empty(), "no parcel forms: {}", taken["forms"]);

    let decided = json(
        desk.decide_return(by, id, &inspection("as_new", &["rma_matches", "not_paired"]), &DecisionForm::Exchange)
            .unwrap(),
    );
    assert_eq!(decided["actions"]["hand_over"], true);
    let checks = decided["inspection_checks"].as_array().unwrap();
    let check = |key: &str| checks.iter().find(|c| c["key"] == key).map(|c| c["passed"].as_bool());
    assert_eq!(check("not_paired"), Some(Some(true)));
    assert_eq!(check("rma_matches"), None, "no RMA to match at the counter");
    let out = json(desk.hand_return_over(by, id).unwrap());
    assert_eq!(out["outcome_title"], "Replacement handed over");
    assert_eq!(out["outbound_text"], "Replacement handed over at the counter on 3 November 2026.");
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("form.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext: run scripts/install-deps");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // One line of words, however the letter wraps.
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_declined_request_offers_its_letter_and_the_letter_says_why() {
    use caseback_desk::PaperFor;
    use caseback_domain::papers::ReturnFormKind;
    // Friday 20 November 2026: asked 17 days after the delivery on the 3rd, by email.
    let (_dir, mut desk, _now, by) = desk_at("2026-11-20T02:00:00Z");
    let case = json(desk.request_return(by, &form(ReturnReason::ChangeOfMind, RequestChannel::Email)).unwrap());
    let id = caseback_domain::returns::ReturnId(case["id"].as_i64().unwrap());
    assert!(case["forms"].as_array().unwrap().is_empty());
    let declined = json(desk.close_return(by, id, "Requested after the return window of 10 days").unwrap());
    let forms: Vec<&str> = declined["forms"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(forms, ["decline-letter"]);
    let message = &declined["decline_message"];
    assert!(message["body"].as_str().unwrap().starts_with("Dear Elif Kaya,"), "{message}");
    assert_eq!(message["subject"], "Your return request for order TR-2031");

    let pdf = desk.paper(PaperFor::Return(id, ReturnFormKind::DeclineLetter)).unwrap().pdf;
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdftotext(&pdf);
    for needle in [
        "Decline letter",
        "Dear Elif Kaya,",
        "made by email on 20 November 2026",
        "The reason: Requested after the return window of 10 days.",
        "Please do not send the watch to us",
        "your warranty of 12 months",
        "Kind regards,",
        "Kowloon Time Care",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from the letter:\n{text}");
    }
    if let Some(out) = std::env::var_os("CASEBACK_KEEP_PDF") {
        std::fs::write(std::path::Path::new(&out).join("decline-letter.pdf"), &pdf).unwrap();
    }
    // Only a declined request has one.
    let other = json(desk.request_return(by, &form(ReturnReason::ChangeOfMind, RequestChannel::Email)).unwrap());
    let other = caseback_domain::returns::ReturnId(other["id"].as_i64().unwrap());
    let refused = desk.paper(PaperFor::Return(other, ReturnFormKind::DeclineLetter)).err().unwrap();
    assert_eq!(refused.code, caseback_domain::Code::FormNotApplicable);
}
