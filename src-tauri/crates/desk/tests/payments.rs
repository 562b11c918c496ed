//! The account's payments as the ticket page is told them: a payment above the balance is
//! refused at the amount with the confirmation's words, a mistaken entry is voided and shown
//! struck through, the shop's own methods are offered, and the hand-over asks for a payment
//! confirmation only when it is needed.

use std::sync::Arc;

use caseback_desk::Desk;
use caseback_domain::after_sale::{EntryKind, InstalmentFields, PaymentForm, PaymentMethod, VoidForm};
use caseback_domain::ticket::TicketState;
use caseback_domain::Code;
use caseback_store::fixture;
use jiff::Timestamp;
use serde_json::Value;

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn pay(amount: &str, method: PaymentMethod, confirm_over_balance: bool) -> PaymentForm {
    PaymentForm {
        kind: EntryKind::Payment,
        amount: amount.into(),
        method,
        reference: if method == PaymentMethod::Cash { String::new() } else { "FPS 7781234".into() },
        plan: InstalmentFields::default(),
        confirm_over_balance,
    }
}

#[test]
fn a_mistyped_payment_is_asked_about_then_voided_and_shown_struck_through() {
    let now: Timestamp = "2026-11-20T02:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    let id = shop.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stops at night"), &[], now).unwrap().id;
    fixture::quoted_and_accepted(&mut shop, by, id, 119_050, now, now);
    shop.move_ticket(by, id, TicketState::InRepair, now).unwrap();
    let mut desk = Desk::new(shop, Arc::new(move || now));

    // Hong Kong: cash, card and the city's own ways; no instalments.
    let view = json(desk.after_sale(id).unwrap());
    let methods = &view["payment_kinds"][0]["methods"];
    let keys: Vec<&str> = methods.as_array().unwrap().iter().map(|m| m["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["cash", "card", "fps", "octopus", "payme", "paypal", "bank_transfer"]);
    assert_eq!((methods[2]["label"].as_str(), methods[2]["asks_plan"].as_bool()), (Some("FPS"), Some(false)));
    assert_eq!(view["confirmation_asked"], false, "nothing paid yet");

    // HKD 11,905.00 against a balance of 1,190.50: refused at the amount, with both figures.
    let refused = desk.record_payment(by, id, &pay("11905", PaymentMethod::Fps, false)).err().expect("asked first");
    assert_eq!(refused.code, Code::PaymentAboveBalance);
    let wire = json(&refused);
    assert_eq!(wire["fields"][0]["field"], "amount");
    let sentence = wire["fields"][0]["message"].as_str().unwrap();
    assert!(sentence.contains("HKD 11,905.00") && sentence.contains("HKD 1,190.50"), "{sentence}");
    assert_eq!(wire["message"], sentence);
    assert_eq!(
        wire["fields"][1],
        serde_json::json!({ "field": "confirm_over_balance", "message": "Record HKD 11,905.00 anyway" })
    );
    assert!(json(desk.after_sale(id).unwrap())["payments"].as_array().unwrap().is_empty(), "nothing was taken");

    // Confirmed, it is taken, and it can be voided with a reason.
    let view = json(desk.record_payment(by, id, &pay("11905", PaymentMethod::Fps, true)).unwrap());
    assert_eq!(view["account"]["balance_text"], "Credit HKD 10,714.50 to refund");
    let entry = &view["payments"][0];
    assert_eq!((entry["can_void"].as_bool(), entry["voided"].is_null()), (Some(true), true));
    let pid = entry["id"].as_i64().unwrap();
    let no_reason = desk.void_payment(by, id, &VoidForm { payment: pid, reason: String::new() }).err().unwrap();
    assert_eq!(json(no_reason)["fields"][0]["field"], "reason");
    let reason = "Mistyped: 11,905.00 for 1,190.50";
    let view = json(desk.void_payment(by, id, &VoidForm { payment: pid, reason: reason.into() }).unwrap());
    let entry = &view["payments"][0];
    assert_eq!(entry["voided"], format!("Voided: {reason}"));
    assert_eq!(entry["voided_by"], fixture::STAFF);
    assert_eq!(entry["can_void"], false);
    assert_eq!(view["account"]["balance_text"], "HKD 1,190.50 due", "the voided entry counts nowhere");
    assert_eq!(view["account"]["paid"], "0.00");

    // Paid by FPS from the phone: the hand-over asks to see it. In cash at the counter: not.
    let view = json(desk.record_payment(by, id, &pay("1190.50", PaymentMethod::Fps, false)).unwrap());
    assert_eq!(view["account"]["balance_text"], "Settled");
    assert_eq!(view["confirmation_asked"], true);
    let fps = view["payments"][1]["id"].as_i64().unwrap();
    let view =
        json(desk.void_payment(by, id, &VoidForm { payment: fps, reason: "Paid in cash instead".into() }).unwrap());
    assert_eq!(view["confirmation_asked"], false, "nothing counted is paid other than in cash");
    let view = json(desk.record_payment(by, id, &pay("1190.50", PaymentMethod::Cash, false)).unwrap());
    assert_eq!(view["confirmation_asked"], false, "cash just taken at the counter");
    assert_eq!(view["payments"].as_array().unwrap().len(), 3, "every entry listed, voided ones too");
}

#[test]
fn a_turkish_counter_takes_instalments_with_their_bank_and_refunds_to_the_card() {
    use caseback_domain::staff::RosterEntry;
    let now: Timestamp = "2026-11-20T07:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    let settings =
        shop.settings().unwrap().apply([("money.payment_methods", "cash,card,bank_transfer,instalments")]).unwrap();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, now).unwrap();
    let id = shop.book_intake(by, &fixture::walk_in("Ayşe Yılmaz", "Screen cracked"), &[], now).unwrap().id;
    fixture::quoted_and_accepted(&mut shop, by, id, 1_249_900, now, now);
    let mut desk = Desk::new(shop, Arc::new(move || now));

    let view = json(desk.after_sale(id).unwrap());
    let spread = &view["payment_kinds"][0]["methods"][3];
    assert_eq!((spread["key"].as_str(), spread["asks_plan"].as_bool()), (Some("instalments"), Some(true)));
    let form = PaymentForm {
        plan: InstalmentFields { instalment_count: "12".into(), instalment_bank: "Garanti BBVA".into() },
        reference: "POS 4471".into(),
        ..pay("12499", PaymentMethod::Instalments, false)
    };
    let view = json(desk.record_payment(by, id, &form).unwrap());
    assert_eq!(view["payments"][0]["method_text"], "Instalments, 12 × via Garanti BBVA");
    assert_eq!(view["account"]["balance_text"], "Settled");
    // Paid 1.00 too much by card: the refund kind offers no instalments.
    let view = json(desk.record_payment(by, id, &pay("1", PaymentMethod::Card, true)).unwrap());
    let refund = view["payment_kinds"].as_array().unwrap().iter().find(|k| k["refund"] == true).expect("a refund kind");
    let keys: Vec<&str> = refund["methods"].as_array().unwrap().iter().map(|m| m["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["cash", "card", "bank_transfer"]);
}

#[test]
fn a_void_asked_for_its_reason_gives_its_example_in_the_shops_number_style() {
    use caseback_domain::staff::RosterEntry;
    let now: Timestamp = "2026-11-20T07:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    let settings = shop.settings().unwrap().apply([("money.number_style", "comma_decimals")]).unwrap();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, now).unwrap();
    let id = shop.book_intake(by, &fixture::walk_in("Ayşe Yılmaz", "Screen cracked"), &[], now).unwrap().id;
    fixture::quoted_and_accepted(&mut shop, by, id, 119_050, now, now);
    let mut desk = Desk::new(shop, Arc::new(move || now));
    let view = json(desk.record_payment(by, id, &pay("1190,50", PaymentMethod::Card, false)).unwrap());
    let pid = view["payments"][0]["id"].as_i64().unwrap();

    let asked = json(desk.void_payment(by, id, &VoidForm { payment: pid, reason: "  ".into() }).err().unwrap());
    assert_eq!(asked["code"], "invalid_input");
    assert_eq!(asked["fields"][0]["field"], "reason");
    let sentence = asked["fields"][0]["message"].as_str().unwrap();
    assert_eq!(sentence, "Say why the entry is voided (e.g. \"Mistyped: 11.905,00 for 1.190,50\").");
    assert_eq!(asked["message"], sentence);
    // Any other refusal is the domain's own: a reason on two lines.
    let two_lines = json(desk.void_payment(by, id, &VoidForm { payment: pid, reason: "a\nb".into() }).err().unwrap());
    assert_ne!(two_lines["fields"][0]["message"], sentence);
}
