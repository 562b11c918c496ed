//! The calendar's moves are applied in one place, so every view sees them, whichever screen
//! is open: the after-sale side, the ticket page, the return page and Today alike.

use std::sync::{Arc, Mutex};

use caseback_desk::Desk;
use caseback_domain::quotation::form::{DraftForm, LineForm};
use caseback_domain::quotation::{LineKind, Section};
use caseback_domain::returns::Package;
use caseback_store::fixture;
use jiff::Timestamp;
use serde_json::Value;

/// A desk whose clock the test moves.
fn desk_at(start: &str) -> (tempfile::TempDir, Desk, Arc<Mutex<Timestamp>>, caseback_domain::staff::StaffId) {
    let now = Arc::new(Mutex::new(start.parse::<Timestamp>().unwrap()));
    let (dir, shop, by) = fixture::temp_shop(*now.lock().unwrap());
    let clock = now.clone();
    (dir, Desk::new(shop, Arc::new(move || *clock.lock().unwrap())), now, by)
}

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn an_unanswered_quotation_expires_on_every_screen_without_anyone_asking() {
    // Quoted on Monday 2 March 2026 (valid 14 days, through the 16th; held 3 more days).
    let (_dir, mut desk, now, by) = desk_at("2026-03-02T02:00:00Z");
    let ticket = desk.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stops at night"), &[]).unwrap();
    let assessment = caseback_domain::assessment::AssessmentForm {
        findings: "Dirty movement".into(),
        decision: Some(caseback_domain::assessment::WarrantyDecision::USUAL),
        photos: vec![],
    };
    desk.record_assessment(by, ticket.id, &assessment).unwrap();
    let line = LineForm {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Full service".into(),
        quantity: "1".into(),
        unit_price: "880".into(),
        taxable: true,
        part: None,
    };
    let draft = DraftForm { lines: vec![line], timeline_working_days: "7".into(), parts_returned: false };
    desk.issue_quotation(by, ticket.id, &draft).unwrap();
    assert_eq!(json(desk.ticket(ticket.id).unwrap())["ticket"]["state"], "quoted");

    // The 17th: the first thing looked at is the after-sale side, which never asked the clock before.
    *now.lock().unwrap() = "2026-03-17T02:00:00Z".parse().unwrap();
    desk.after_sale(ticket.id).unwrap();
    let view = json(desk.ticket(ticket.id).unwrap());
    assert_eq!(view["ticket"]["state"], "quote_expired");
    assert_eq!(view["deadline"]["date"], "2026-03-19", "held through the 19th");
    // The 20th: the hold is over; Today's quotation section says the return notice is due.
    *now.lock().unwrap() = "2026-03-20T02:00:00Z".parse().unwrap();
    let quotes = json(desk.today_quotes().unwrap());
    assert_eq!(quotes["return_due"].as_array().unwrap().len(), 1, "{quotes}");
    assert!(json(desk.quotations(ticket.id).unwrap())["return_notice"].is_object());
}

#[test]
fn a_held_parcel_is_to_send_back_on_the_return_page_the_day_after_its_hold() {
    // Friday 27 November 2026: lx-watch holds a parcel without its code 3 days, through the 30th.
    let (_dir, mut desk, now, by) = desk_at("2026-11-27T02:00:00Z");
    let parcel = Package { sender: "M. Demir".into(), ..Package::default() };
    let held = json(desk.receive_package(by, None, &parcel).unwrap());
    assert_eq!(held["state"], "held");
    assert_eq!(held["actions"]["send_back_from"], "2026-12-01");
    let id = caseback_domain::returns::ReturnId(held["id"].as_i64().unwrap());
    let refused = desk.ship_return_out(by, id, "RR998877665HK").err().expect("refused while held");
    assert_eq!(refused.code, caseback_domain::Code::PackageOnHold);
    assert!(refused.message.contains("from 2026-12-01"), "{}", refused.message);

    *now.lock().unwrap() = "2026-12-01T02:00:00Z".parse().unwrap();
    let view = json(desk.return_case(id).unwrap());
    assert_eq!(view["state"], "ship_back");
    assert_eq!(view["actions"]["send_back"], true);
    assert!(view["actions"]["send_back_from"].is_null());
    let sent = json(desk.ship_return_out(by, id, "RR998877665HK").unwrap());
    assert_eq!(sent["state"], "sent_back");
}
