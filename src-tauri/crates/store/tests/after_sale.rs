//! Completion, the Collection Notice and its storage fee, payments, shipping and release,
//! on a real SQLite file.

use caseback_domain::after_sale::{
    Collection, Completion, Courier, DeliveryWindow, Dispatch, EntryKind, OldPart, PaymentEntry, PaymentMethod,
    Release, ReplacedPart, Shipping,
};
use caseback_domain::assessment::{Assessment, CoveredReason, WarrantyDecision};
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::CustomerChoice;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::ticket::TicketState;
use caseback_domain::Amount;
use caseback_domain::Code;
use caseback_store::{fixture, Shop};
use jiff::civil::date;
use jiff::Timestamp;

/// 10:00 in Hong Kong on the given day of November 2026.
fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

fn shop(dir: &std::path::Path) -> (Shop, StaffId) {
    fixture::new_shop(dir, nov(1))
}

fn book(shop: &mut Shop, by: StaffId) -> TicketId {
    let mut form = fixture::presage("Ayşe Yılmaz", "+90 542 341 51 94", "Loses time");
    if let CustomerChoice::New { details } = &mut form.customer {
        details.address = "Bağdat Cd. 12\nİstanbul".into();
    }
    shop.book_intake(by, &form, &[], nov(2)).unwrap().id
}

/// Booked, assessed, quoted HKD 1,000.00 (no tax) and accepted in writing: Approved.
fn approved(shop: &mut Shop, by: StaffId) -> TicketId {
    let id = book(shop, by);
    fixture::quoted_and_accepted(shop, by, id, 100_000, nov(3), nov(4));
    id
}

fn completion(shop: &mut Shop, by: StaffId) -> Completion {
    let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\nrepaired", nov(6)).unwrap();
    Completion {
        work_performed: "Replaced the balance staff, regulated to +3 s/day".into(),
        parts: vec![ReplacedPart { description: "Balance staff".into(), old_part: OldPart::RetainedByShop }],
        photos: vec![photo.sha256],
    }
}

fn pay(cents: i64, kind: EntryKind) -> PaymentEntry {
    PaymentEntry { kind, amount: Amount(cents), method: PaymentMethod::Card, reference: "slip 0042".into() }
}

fn collect() -> Release {
    Release::Collected(Collection { collected_by: "Ayşe Yılmaz".into(), confirmation_shown: true })
}

#[test]
fn complete_notify_accrue_storage_pay_and_collect() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let id = approved(&mut shop, by);
    // A deposit before the repair is a credit.
    shop.record_payment(by, id, &pay(30_000, EntryKind::Payment), nov(4)).unwrap();
    let c = completion(&mut shop, by);
    assert_eq!(
        shop.complete_repair(by, id, &c, nov(6)).unwrap_err().code(),
        Code::IllegalTransition,
        "not in repair yet"
    );
    shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
    assert_eq!(shop.complete_repair(by, id, &c, nov(6)).unwrap().state, TicketState::ReadyForCollection);

    let notice = shop.issue_collection_notice(by, id, nov(10)).unwrap();
    assert_eq!((notice.issued_on, notice.fees_from), (date(2026, 11, 10), date(2026, 11, 18)));
    assert_eq!(shop.issue_collection_notice(by, id, nov(11)).unwrap_err().code(), Code::NoticeAlreadyIssued);

    // Day 7 after the notice: no fee yet. Day 10: three days of HKD 10.00.
    assert_eq!(shop.after_sale(id, nov(17)).unwrap().account.balance, Amount(70_000));
    let sale = shop.after_sale(id, nov(20)).unwrap();
    assert_eq!(sale.account.storage_days, 3);
    assert_eq!(sale.account.balance, Amount(70_000 + 3_000));
    let rows = shop.tickets_in_state(TicketState::ReadyForCollection, 10).unwrap();
    assert_eq!(rows[0].notice, Some(notice), "lists carry the notice for the fee");

    let before = fixture::event_count(shop.connection()).unwrap();
    let refused = shop.release(by, id, &collect(), nov(20)).unwrap_err();
    assert_eq!(refused.code(), Code::BalanceDue);
    assert_eq!(fixture::event_count(shop.connection()).unwrap(), before, "a refused release writes nothing");

    shop.record_payment(by, id, &pay(73_000, EntryKind::Payment), nov(20)).unwrap();
    // The next day costs another 10.00: the balance is owed again.
    assert_eq!(shop.release(by, id, &collect(), nov(21)).unwrap_err().code(), Code::BalanceDue);
    let ticket = shop.release(by, id, &collect(), nov(20)).unwrap();
    assert_eq!(ticket.state, TicketState::Collected);
    let after = shop.after_sale(id, nov(30)).unwrap();
    assert_eq!(after.as_of, date(2026, 11, 20), "storage stops when the watch leaves");
    assert!(after.account.is_settled());
    assert_eq!(
        shop.record_payment(by, id, &pay(100, EntryKind::Payment), nov(21)).unwrap_err().code(),
        Code::TicketClosed
    );

    let actions: Vec<Action> =
        shop.history(Subject::Ticket, "R-2026-00001").unwrap().into_iter().map(|e| e.action).collect();
    for expected in
        [Action::RepairCompleted, Action::CollectionNoticeIssued, Action::PaymentRecorded, Action::TicketCollected]
    {
        assert!(actions.iter().any(|a| a == &expected), "{expected} missing from {actions:?}");
    }
}

#[test]
fn payments_and_notices_are_never_edited_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let id = approved(&mut shop, by);
    shop.record_payment(by, id, &pay(5_000, EntryKind::Payment), nov(4)).unwrap();
    let conn = shop.connection();
    assert!(conn.execute("UPDATE payments SET amount = 1", []).unwrap_err().to_string().contains("never edited"));
    assert!(conn.execute("DELETE FROM payments", []).unwrap_err().to_string().contains("never deleted"));
    let c = completion(&mut shop, by);
    shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
    shop.complete_repair(by, id, &c, nov(6)).unwrap();
    shop.issue_collection_notice(by, id, nov(6)).unwrap();
    let edit = shop.connection().execute("UPDATE collection_notices SET fees_from = '2030-01-01'", []);
    assert!(edit.unwrap_err().to_string().contains("never edited"));
}

#[test]
fn an_overpayment_is_refunded_before_release_and_refunds_never_exceed_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let id = approved(&mut shop, by);
    shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
    let c = completion(&mut shop, by);
    shop.complete_repair(by, id, &c, nov(6)).unwrap();
    shop.record_payment(by, id, &pay(120_000, EntryKind::Payment), nov(6)).unwrap();
    assert_eq!(shop.release(by, id, &collect(), nov(6)).unwrap_err().code(), Code::CreditToRefund);
    assert_eq!(
        shop.record_payment(by, id, &pay(20_001, EntryKind::Refund), nov(6)).unwrap_err().code(),
        Code::RefundExceedsCredit
    );
    shop.record_payment(by, id, &pay(20_000, EntryKind::Refund), nov(6)).unwrap();
    assert_eq!(shop.release(by, id, &collect(), nov(6)).unwrap().state, TicketState::Collected);
}

fn ups(declared: i64, signature: bool) -> Shipping {
    Shipping {
        courier: Courier::Ups,
        courier_name: String::new(),
        service: "Express Saver".into(),
        declared_value: Amount(declared),
        fee: Amount(15_000),
        insured: true,
        signature,
        address: "Bağdat Cd. 12\nİstanbul".into(),
        commercial_invoice: true,
    }
}

#[test]
fn ship_with_insurance_then_dispatch_with_a_tracking_number() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let id = approved(&mut shop, by);
    shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
    let c = completion(&mut shop, by);
    shop.complete_repair(by, id, &c, nov(6)).unwrap();
    // The order is 1,000 + 150 = 1,150 > 500: a signature cannot be waived.
    assert_eq!(shop.choose_shipping(by, id, &ups(20_000, false), nov(6)).unwrap_err().code(), Code::SignatureRequired);
    shop.choose_shipping(by, id, &ups(20_000, true), nov(6)).unwrap();
    let sale = shop.after_sale(id, nov(6)).unwrap();
    let costs = sale.account.shipping.unwrap();
    assert_eq!((costs.fee_charged, costs.insurance), (Amount(15_000), Amount(9_200)), "8% of 1,150.00");
    assert_eq!(sale.account.balance, Amount(100_000 + 15_000 + 9_200));

    let dispatch = Release::Dispatched(Dispatch {
        tracking: "1Z 999 AA1 0123456784".into(),
        dispatched_on: date(2026, 11, 6),
        window: DeliveryWindow { min_days: 3, max_days: 7 },
    });
    assert_eq!(shop.release(by, id, &dispatch, nov(6)).unwrap_err().code(), Code::BalanceDue);
    shop.record_payment(by, id, &pay(124_200, EntryKind::Payment), nov(6)).unwrap();
    assert_eq!(shop.release(by, id, &dispatch, nov(6)).unwrap().state, TicketState::Shipped);
    let (release, on) = shop.after_sale(id, nov(9)).unwrap().release.unwrap();
    let Release::Dispatched(d) = release else { panic!("dispatched") };
    assert_eq!((d.tracking.as_str(), on), ("1Z999AA10123456784", date(2026, 11, 6)));
    assert_eq!(shop.choose_shipping(by, id, &ups(20_000, true), nov(9)).unwrap_err().code(), Code::IllegalTransition);
}

#[test]
fn a_warranty_repair_ships_free_and_needs_no_payment() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let id = book(&mut shop, by);
    let decision = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
    shop.record_assessment(by, id, &Assessment { findings: "Faulty crown".into(), decision, photos: vec![] }, nov(3))
        .unwrap();
    shop.move_ticket(by, id, TicketState::InRepair, nov(3)).unwrap();
    let c = completion(&mut shop, by);
    shop.complete_repair(by, id, &c, nov(6)).unwrap();
    shop.choose_shipping(by, id, &ups(40_000, false), nov(6)).unwrap();
    let sale = shop.after_sale(id, nov(6)).unwrap();
    assert!(sale.account.is_settled(), "{:?}", sale.account);
    let dispatch = Release::Dispatched(Dispatch {
        tracking: "JD014600006281234567".into(),
        dispatched_on: date(2026, 11, 6),
        window: DeliveryWindow { min_days: 3, max_days: 7 },
    });
    assert_eq!(shop.release(by, id, &dispatch, nov(6)).unwrap().state, TicketState::Shipped);
}

#[test]
fn a_deposit_is_refunded_before_a_ticket_is_cancelled_or_returned_unrepaired() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let id = book(&mut shop, by);
    shop.record_payment(by, id, &pay(20_000, EntryKind::Payment), nov(2)).unwrap();
    let refused = shop.move_ticket(by, id, TicketState::Cancelled, nov(2)).unwrap_err();
    assert_eq!(refused.code(), Code::CreditToRefund);
    assert_eq!(shop.ticket(id).unwrap().state, TicketState::Received);
    shop.record_payment(by, id, &pay(20_000, EntryKind::Refund), nov(2)).unwrap();
    assert_eq!(shop.move_ticket(by, id, TicketState::Cancelled, nov(2)).unwrap().state, TicketState::Cancelled);
    // The refund of a deposit is still possible on the closed ticket; a new payment is not.
    assert_eq!(
        shop.record_payment(by, id, &pay(100, EntryKind::Payment), nov(3)).unwrap_err().code(),
        Code::TicketClosed
    );
}
