//! A watch back within the shop's own warranty: its next ticket's assessment starts as a
//! redo at no charge, saying whose warranty and until when, and the redo keeps those dates.

use std::sync::{Arc, Mutex};

use caseback_desk::Desk;
use caseback_domain::after_sale::Completion;
use caseback_domain::assessment::{AssessmentForm, CoveredReason, WarrantyDecision};
use caseback_domain::service_warranty::WorkKind;
use caseback_domain::staff::RosterEntry;
use caseback_domain::ticket::TicketState;
use caseback_store::fixture;
use jiff::Timestamp;
use serde_json::json;

fn at(day: &str) -> Timestamp {
    format!("{day}T02:00:00Z").parse().unwrap()
}

#[test]
fn a_watch_back_within_the_service_warranty_is_assessed_as_a_redo_at_no_charge() {
    let (_dir, mut shop, by) = fixture::temp_shop(at("2026-01-01"));
    let mut settings = shop.settings().unwrap();
    settings.set_field("service_warranty.full_service", "12 months").unwrap();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, at("2026-01-01")).unwrap();
    let presage = || fixture::presage("Wong Ka Ming", "+852 6123 0000", "Stops overnight");
    let first = shop.book_intake(by, &presage(), &[], at("2026-01-05")).unwrap();
    fixture::quoted_and_accepted(&mut shop, by, first.id, 100_000, at("2026-01-06"), at("2026-01-06"));
    shop.move_ticket(by, first.id, TicketState::InRepair, at("2026-01-07")).unwrap();
    let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\ndone", at("2026-01-10")).unwrap();
    let done = |photos: Vec<String>| Completion {
        work_performed: "Full service".into(),
        parts: vec![],
        photos,
        work_kind: Some(WorkKind::FullService),
    };
    shop.complete_repair(by, first.id, &done(vec![photo.sha256.clone()]), at("2026-01-10")).unwrap();
    let again = shop.book_intake(by, &presage(), &[], at("2026-11-02")).unwrap();

    let clock = Arc::new(Mutex::new(at("2026-11-02")));
    let now = clock.clone();
    let mut desk = Desk::new(shop, Arc::new(move || *now.lock().unwrap()));
    let view = serde_json::to_value(desk.quotations(again.id).unwrap()).unwrap();
    let redo = &view["service_warranty"];
    assert_eq!(redo["decision"], json!({ "decision": "covered", "reason": "service_warranty_redo" }));
    let text = redo["text"].as_str().unwrap();
    assert!(
        text.contains("Back within the service warranty of R-2026-00001") && text.contains("at no charge"),
        "{text}"
    );
    // The first ticket's own page is not told it is a redo of itself.
    assert!(serde_json::to_value(desk.quotations(first.id).unwrap()).unwrap()["service_warranty"].is_null());

    let decision = WarrantyDecision::Covered(CoveredReason::ServiceWarrantyRedo);
    let form = AssessmentForm {
        findings: "Mainspring slipping: the service's work".into(),
        decision: Some(decision),
        photos: vec![],
    };
    let ticket = serde_json::to_value(desk.record_assessment(by, again.id, &form).unwrap()).unwrap();
    assert_eq!(ticket["ticket"]["state"], "approved", "covered: no quotation, no charge");
}
