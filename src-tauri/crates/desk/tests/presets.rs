//! A new shop set up on the Turkish store's preset, as the set-up form sends it: its
//! country's public holidays filled in, the rules its policy never names shown as off, and
//! its RMA instructions and Collection Notice, printed and as messages, saying nothing of
//! customs, couriers, borders, storage fees, insurance or signatures. The code's last day,
//! a Saturday, runs on to the Monday.

use std::sync::Arc;

use caseback_desk::{Desk, PaperFor, SetupForm, SetupFormView};
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::presets::PresetId;
use caseback_domain::returns::{ReturnForm, ReturnId};
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_store::{fixture, DataFolder, Shop};
use jiff::Timestamp;
use serde_json::{json, Value};

fn to_json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// The words of a PDF, as pdftotext reads them.
fn words(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("form.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext: run scripts/install-deps");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn field<'a>(view: &'a Value, key: &str) -> &'a Value {
    view["fields"].as_array().unwrap().iter().find(|f| f["key"] == key).unwrap_or_else(|| panic!("no {key}"))
}

#[test]
fn a_turkish_shop_starts_with_its_holidays_and_without_the_rules_its_policy_never_names() {
    // Monday 21 December 2026, 10:00 in Istanbul.
    let now: Timestamp = "2026-12-21T07:00:00Z".parse().unwrap();

    // Set-up offers each preset's country's holidays from this year on; the RMA web shop has no country.
    let offered = to_json(SetupFormView::new("Europe/Istanbul", now));
    let preset = |id: &str| offered["presets"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    assert_eq!(
        preset("turkish_store")["holidays"]["label"],
        "Fill in Türkiye's public holidays for 2026 and 2027 (27 days)"
    );
    assert_eq!(preset("lx_watch")["holidays"]["count"], 34);
    assert!(preset("rma_web_shop")["holidays"].is_null());

    let dir = tempfile::tempdir().unwrap();
    let shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
    let mut desk = Desk::new(shop, Arc::new(move || now));
    let form: SetupForm = serde_json::from_value(json!({
        "preset": "turkish_store",
        "values": {
            "shop.name": "Saat Dünyası",
            "shop.address": "Bağdat Cd. 12, Kadıköy, İstanbul",
            "shop.phone": "+90 216 555 01 01",
            "shop.email": "servis@saatdunyasi.example",
            "money.currency": "TRY",
            "money.tax_name": "KDV",
            "money.tax_rate": "20",
            "money.number_style": "comma_decimals",
            "forms.date_style": "day_dots",
            "shop.time_zone": "Europe/Istanbul",
        },
        "staff": ["Ahmet Yılmaz"],
        "public_holidays": true,
    }))
    .unwrap();
    desk.set_up(&form).unwrap();
    let by = desk.shop().staff().unwrap()[0].id;

    // Settings: the holidays are in, nothing more to offer; the unstated rules are off, noted.
    let settings = to_json(desk.settings().unwrap());
    assert_eq!(field(&settings, "policy.holidays")["value"].as_str().unwrap().lines().count(), 27);
    assert_eq!(settings["holiday_offers"], json!([]));
    for key in ["policy.storage_fee_per_day", "policy.shipping_insurance_rate", "policy.signature_threshold"] {
        let f = field(&settings, key);
        assert_eq!(f["off"], true, "{key}");
        assert_eq!(f["wording"], "Not stated in the Turkish store's policy, so off until you turn it on.", "{key}");
    }
    assert_eq!(field(&settings, "policy.replacement_due")["off"], false, "stated: 14 business days");
    assert_eq!(field(&settings, "policy.returns_from_abroad")["value"], "no");
    assert_eq!(field(&settings, "policy.return_postage")["value"], "shop_pays_first_shipment");
    assert_eq!(field(&settings, "policy.refund_due_from")["value"], "receipt");
    // Switched to another preset, the shop keeps its holidays and is offered that preset's
    // country's, a year at a time, less the days it already has (1 January and 1 May).
    let lx = to_json(desk.settings_with_preset(PresetId::LxWatch).unwrap());
    assert_eq!(field(&lx, "policy.holidays")["value"].as_str().unwrap().lines().count(), 27);
    let years: Vec<i64> =
        lx["holiday_offers"].as_array().unwrap().iter().map(|o| o["year"].as_i64().unwrap()).collect();
    assert_eq!(years, [2026, 2027]);
    assert_eq!(lx["holiday_offers"][1]["label"], "Add Hong Kong's public holidays for 2027 (15 days)");
    assert_eq!(lx["holiday_offers"][1]["holidays"][0], json!({ "date": "2027-02-06", "name": "Lunar New Year's Day" }));
    // The request form offers a replacement, and the reason that makes the customer pay.
    let options = to_json(desk.return_options().unwrap());
    assert_eq!(options["exchange_offered"], true);
    assert!(options["reasons"].as_array().unwrap().iter().any(|r| r["key"] == "sent_again"));

    // A change of mind, delivered on the 18th: the shop pays the first shipment.
    let request: ReturnForm = serde_json::from_value(json!({
        "customer": { "kind": "new", "details": { "name": "Elif Kaya", "phone": "+90 532 418 27 90" } },
        "order_number": "TR-2031",
        "product": "Huawei Watch GT 5",
        "currency": "TRY",
        "purchase_price": "8.499,00",
        "paid_with": "original_card",
        "purchase_date": "2026-12-15",
        "delivery_date": "2026-12-18",
        "reason": "change_of_mind",
        "channel": "phone",
    }))
    .unwrap();
    let case = to_json(desk.request_return(by, &request).unwrap());
    let id = ReturnId(case["id"].as_i64().unwrap());
    assert!(
        case["eligibility"]["postage_text"].as_str().unwrap().starts_with("The shop pays"),
        "{}",
        case["eligibility"]
    );
    let case = to_json(desk.authorize_return(by, id, None).unwrap());
    // Issued Monday 21 December: 5 days is Saturday the 26th; the shop receives on Monday the 28th.
    assert_eq!(case["rma"]["validity"]["valid_through"], "2026-12-28");
    let message = case["instructions"]["body"].as_str().unwrap();
    let printed = words(&desk.paper(PaperFor::Return(id, ReturnFormKind::RmaInstructions)).unwrap().pdf);
    for text in [message, printed.as_str()] {
        let lower = text.to_lowercase();
        for word in ["customs", "courier", "border", "duties", "commercial invoice"] {
            assert!(!lower.contains(word), "{word}:\n{text}");
        }
        assert!(text.contains("cargo company"), "{text}");
        assert!(text.contains("28.12.2026") || text.contains("28 December 2026"), "{text}");
    }

    // A repair through to its Collection Notice: no storage fee, no insurance, no signature.
    let ticket = desk.book_intake(by, &fixture::walk_in("Mehmet Demir", "Stops at night"), &[]).unwrap();
    let tid = TicketId(to_json(&ticket)["id"].as_i64().unwrap());
    let shop = desk.shop_mut();
    fixture::quoted_and_accepted(shop, by, tid, 450_000, now, now);
    shop.move_ticket(by, tid, TicketState::InRepair, now).unwrap();
    let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\nrepaired", now).unwrap();
    let done = serde_json::from_value(json!({ "work_performed": "Serviced", "parts": [], "photos": [photo.sha256] }));
    desk.complete_repair(by, tid, &done.unwrap()).unwrap();
    let sale = to_json(desk.issue_collection_notice(by, tid).unwrap());
    let message = sale["notice"]["message"]["body"].as_str().unwrap();
    let printed = words(&desk.paper(PaperFor::Ticket(tid, FormKind::CollectionNotice)).unwrap().pdf);
    for text in [message, printed.as_str()] {
        let lower = text.to_lowercase();
        for word in ["storage costs", "storage fee", "insurance", "signature", "per day"] {
            assert!(!lower.contains(word), "{word}:\n{text}");
        }
    }
}
