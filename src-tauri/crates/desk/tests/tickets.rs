//! The ticket and customer pages as a new user meets them in a Turkish shop (dates as
//! 01.12.2026): what an accepted quotation promised, the assessment's decision asked for
//! rather than assumed, how a written answer's reference looks, and a customer's returns.

use std::sync::Arc;

use caseback_desk::Desk;
use caseback_domain::assessment::{AssessmentForm, CoveredReason, WarrantyDecision};
use caseback_domain::calendar::DateStyle;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::{CustomerChoice, IntakeForm};
use caseback_domain::returns::{RefundMethod, RequestChannel, ReturnForm, ReturnReason};
use caseback_domain::staff::{RosterEntry, StaffId};
use caseback_domain::ticket::TicketState;
use caseback_store::{fixture, Shop};
use jiff::civil::date;
use jiff::Timestamp;
use serde_json::Value;

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// The test shop, writing dates with dots.
fn dotted(shop: &mut Shop, by: StaffId, now: Timestamp) {
    let mut settings = shop.settings().unwrap();
    settings.date_style = DateStyle::DayDots;
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, now).unwrap();
}

#[test]
fn a_ticket_in_repair_shows_the_day_its_accepted_quotation_promised() {
    // Quoted Monday 30 November 2026, accepted Tuesday 1 December: 3 working days, Friday the 4th.
    let quoted: Timestamp = "2026-11-30T02:00:00Z".parse().unwrap();
    let accepted: Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(quoted);
    dotted(&mut shop, by, quoted);
    let id = shop.book_intake(by, &fixture::walk_in("Ayşe Yılmaz", "Stops at night"), &[], quoted).unwrap().id;
    fixture::quoted_and_accepted(&mut shop, by, id, 119_050, quoted, accepted);
    shop.move_ticket(by, id, TicketState::InRepair, accepted).unwrap();
    // Seen on Monday 7 December: a working day late.
    let seen: Timestamp = "2026-12-07T02:00:00Z".parse().unwrap();
    let mut desk = Desk::new(shop, Arc::new(move || seen));
    let view = json(desk.ticket(id).unwrap());
    let d = &view["deadline"];
    assert_eq!((d["what"].as_str(), d["date"].as_str()), (Some("Repair promised by"), Some("2026-12-04")), "{d}");
    assert_eq!((d["promise"].as_bool(), d["text"].as_str()), (Some(true), Some("overdue by 3 days")));
}

#[test]
fn a_policy_deadline_is_not_a_promise_and_a_done_repair_promises_nothing() {
    let now: Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    let id = shop.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stops at night"), &[], now).unwrap().id;
    let mut desk = Desk::new(shop, Arc::new(move || now));
    let received = json(desk.ticket(id).unwrap());
    assert_eq!(
        (received["deadline"]["what"].as_str(), received["deadline"]["promise"].as_bool()),
        (Some("Assessment"), Some(false))
    );
}

#[test]
fn an_assessment_without_a_decision_is_refused_at_it_and_none_is_preselected() {
    let now: Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let (_dir, shop, by) = fixture::temp_shop(now);
    let mut desk = Desk::new(shop, Arc::new(move || now));
    let id = desk.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stops at night"), &[]).unwrap().id;
    let view = json(desk.quotations(id).unwrap());
    assert_eq!(view["decisions"][0]["label"], "Covered: manufacturing defect", "the domain's order, no favourite");

    let careless = AssessmentForm { findings: "Movement seized".into(), decision: None, photos: vec![] };
    let refused = json(desk.record_assessment(by, id, &careless).err().expect("refused"));
    assert_eq!(refused["code"], "invalid_input");
    assert_eq!(refused["fields"].as_array().unwrap().len(), 1);
    assert_eq!(refused["fields"][0]["field"], "decision");
    assert_eq!(json(desk.ticket(id).unwrap())["ticket"]["state"], "received", "nothing recorded");

    let chosen =
        AssessmentForm { decision: Some(WarrantyDecision::Covered(CoveredReason::ManufacturingDefect)), ..careless };
    assert_eq!(json(desk.record_assessment(by, id, &chosen).unwrap())["ticket"]["state"], "approved");
}

#[test]
fn a_written_answers_reference_example_follows_its_channel_and_the_shops_dates() {
    let now: Timestamp = "2026-12-01T11:02:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    dotted(&mut shop, by, now);
    let id = shop.book_intake(by, &fixture::walk_in("Ayşe Yılmaz", "Stops at night"), &[], now).unwrap().id;
    let mut desk = Desk::new(shop, Arc::new(move || now));
    let channels = json(desk.quotations(id).unwrap())["channels"].clone();
    let example = |key: &str| {
        channels.as_array().unwrap().iter().find(|c| c["key"] == key).unwrap()["placeholder"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // 11:02 UTC is 19:02 in Hong Kong, the test shop's zone.
    assert_eq!(example("email_reply"), "e.g. Re: Quotation, 01.12.2026 19:02");
    assert_eq!(example("signed_in_store"), "e.g. Signed at the counter, 01.12.2026");
    assert!(example("signed_copy_whatsapp").contains("01.12.2026"));
}

fn returned(customer: CustomerChoice) -> ReturnForm {
    ReturnForm {
        customer: Some(customer),
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
        reason: ReturnReason::Defective,
        wants: Default::default(),
        details: String::new(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel: RequestChannel::InStore,
        media: vec![],
    }
}

#[test]
fn a_customers_page_lists_their_returns_and_no_one_elses() {
    let now: Timestamp = "2026-11-10T02:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    let form: IntakeForm = fixture::walk_in("Elif Kaya", "Stops at night");
    let ticket = shop.book_intake(by, &form, &[], now).unwrap();
    let customer = ticket.customer;
    let theirs =
        fixture::received_return(&mut shop, by, &returned(CustomerChoice::Existing { id: customer }), now, now);
    // A closed one is theirs too: declined the day it was asked.
    let asked = shop.request_return(by, &returned(CustomerChoice::Existing { id: customer }), now).unwrap();
    let declined = shop.close_return(by, asked.id, "Bought at another shop", now).unwrap();
    // Another Elif Kaya, a customer of her own: her return is hers.
    let namesake =
        CustomerDetails { name: "Elif Kaya".into(), phone: "+90 532 000 00 00".into(), ..Default::default() };
    fixture::received_return(&mut shop, by, &returned(CustomerChoice::New { details: namesake }), now, now);
    let mut desk = Desk::new(shop, Arc::new(move || now));

    let page = json(desk.customer(customer).unwrap());
    let returns = page["returns"].as_array().unwrap();
    let mut ids: Vec<i64> = returns.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, [theirs.id.0, declined.id.0], "{returns:?}");
    assert!(returns.iter().any(|r| r["state"] == "declined"), "{returns:?}");
    assert_eq!(page["tickets"].as_array().unwrap().len(), 1);
}
