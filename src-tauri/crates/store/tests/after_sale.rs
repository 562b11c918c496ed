//! Completion, the Collection Notice and its storage fee, payments, shipping and release,
//! each on both engines: a real SQLite file and a PostgreSQL database.

use caseback_domain::after_sale::{
    Collection, Completion, Courier, DeliveryWindow, Dispatch, EntryKind, InstalmentPlan, NewPayment, OldPart,
    PaymentEntry, PaymentMethod, Release, ReplacedPart, Shipping, VoidForm,
};
use caseback_domain::assessment::{Assessment, CoveredReason, WarrantyDecision};
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::CustomerChoice;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::ticket::TicketState;
use caseback_domain::Amount;
use caseback_domain::Code;
use caseback_store::{fixture, vals, Shop};
use jiff::civil::date;
use jiff::Timestamp;

/// 10:00 in Hong Kong on the given day of November 2026.
fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
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
        work_kind: None,
    }
}

fn pay(cents: i64, kind: EntryKind) -> NewPayment {
    PaymentEntry { kind, amount: Amount(cents), method: PaymentMethod::Card, reference: "slip 0042".into() }.into()
}

/// `pay`, confirmed by staff as meant though it is above the balance.
fn overpay(cents: i64) -> NewPayment {
    NewPayment { confirm_over_balance: true, ..pay(cents, EntryKind::Payment) }
}

fn collect() -> Release {
    Release::Collected(Collection { collected_by: "Ayşe Yılmaz".into(), confirmation_shown: true })
}

#[test]
fn complete_notify_accrue_storage_pay_and_collect() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = approved(shop, by);
        // A deposit before the repair is a credit.
        shop.record_payment(by, id, &pay(30_000, EntryKind::Payment), nov(4)).unwrap();
        let c = completion(shop, by);
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

        let before = fixture::event_count(shop.db()).unwrap();
        let refused = shop.release(by, id, &collect(), nov(20)).unwrap_err();
        assert_eq!(refused.code(), Code::BalanceDue);
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before, "a refused release writes nothing");

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
    });
}

#[test]
fn payments_and_notices_are_never_edited_or_deleted() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = approved(shop, by);
        shop.record_payment(by, id, &pay(5_000, EntryKind::Payment), nov(4)).unwrap();
        assert!(refused(shop, "UPDATE payments SET amount = 1").contains("never edited"));
        assert!(refused(shop, "DELETE FROM payments").contains("never deleted"));
        let c = completion(shop, by);
        shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
        shop.complete_repair(by, id, &c, nov(6)).unwrap();
        shop.issue_collection_notice(by, id, nov(6)).unwrap();
        let edit = refused(shop, "UPDATE collection_notices SET fees_from = '2030-01-01'");
        assert!(edit.contains("never edited"), "{edit}");
    });
}

#[test]
fn an_overpayment_is_refunded_before_release_and_refunds_never_exceed_it() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = approved(shop, by);
        shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
        let c = completion(shop, by);
        shop.complete_repair(by, id, &c, nov(6)).unwrap();
        let above = shop.record_payment(by, id, &pay(120_000, EntryKind::Payment), nov(6)).unwrap_err();
        assert_eq!(above.code(), Code::PaymentAboveBalance, "an overpayment is taken only once confirmed");
        shop.record_payment(by, id, &overpay(120_000), nov(6)).unwrap();
        assert_eq!(shop.release(by, id, &collect(), nov(6)).unwrap_err().code(), Code::CreditToRefund);
        assert_eq!(
            shop.record_payment(by, id, &pay(20_001, EntryKind::Refund), nov(6)).unwrap_err().code(),
            Code::RefundExceedsCredit
        );
        shop.record_payment(by, id, &pay(20_000, EntryKind::Refund), nov(6)).unwrap();
        assert_eq!(shop.release(by, id, &collect(), nov(6)).unwrap().state, TicketState::Collected);
    });
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
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = approved(shop, by);
        shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
        let c = completion(shop, by);
        shop.complete_repair(by, id, &c, nov(6)).unwrap();
        // The order is 1,000 + 150 = 1,150 > 500: a signature cannot be waived.
        assert_eq!(
            shop.choose_shipping(by, id, &ups(20_000, false), nov(6)).unwrap_err().code(),
            Code::SignatureRequired
        );
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
        assert_eq!(
            shop.choose_shipping(by, id, &ups(20_000, true), nov(9)).unwrap_err().code(),
            Code::IllegalTransition
        );
    });
}

#[test]
fn a_warranty_repair_ships_free_and_needs_no_payment() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = book(shop, by);
        let decision = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
        shop.record_assessment(
            by,
            id,
            &Assessment { findings: "Faulty crown".into(), decision, photos: vec![] },
            nov(3),
        )
        .unwrap();
        shop.move_ticket(by, id, TicketState::InRepair, nov(3)).unwrap();
        let c = completion(shop, by);
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
    });
}

#[test]
fn a_deposit_is_refunded_before_a_ticket_is_cancelled_or_returned_unrepaired() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = book(shop, by);
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
    });
}

/// The fields a refusal names.
fn fields(e: caseback_store::StoreError) -> Vec<String> {
    match e {
        caseback_store::StoreError::Domain(d) => d.fields().iter().map(|f| f.field.clone()).collect(),
        other => panic!("not a refusal: {other}"),
    }
}

/// Approved at HKD 1,000.00, repaired and ready for collection on 6 Nov.
fn ready(shop: &mut Shop, by: StaffId) -> TicketId {
    let id = approved(shop, by);
    shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
    let c = completion(shop, by);
    shop.complete_repair(by, id, &c, nov(6)).unwrap();
    id
}

#[test]
fn a_mistyped_payment_is_voided_and_kept_but_counts_nowhere() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = ready(shop, by);
        // HKD 10,000.00 typed for 1,000.00, confirmed in haste.
        let typo = shop.record_payment(by, id, &overpay(1_000_000), nov(6)).unwrap();
        assert_eq!(shop.after_sale(id, nov(6)).unwrap().account.balance, Amount(-900_000));
        let void = |reason: &str| VoidForm { payment: typo.id, reason: reason.into() };
        let before = fixture::event_count(shop.db()).unwrap();
        assert_eq!(fields(shop.void_payment(by, id, &void(" "), nov(6)).unwrap_err()), ["reason"]);
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before, "a refused void writes nothing");
        shop.void_payment(by, id, &void("Mistyped: 10,000.00 for 1,000.00"), nov(6)).unwrap();
        assert_eq!(shop.void_payment(by, id, &void("Again"), nov(6)).unwrap_err().code(), Code::PaymentAlreadyVoided);
        let wrong = VoidForm { payment: typo.id + 99, reason: "x".into() };
        assert_eq!(shop.void_payment(by, id, &wrong, nov(6)).unwrap_err().code(), Code::NotFound);

        // The balance is as if it had never been taken; the entry stays, marked.
        let sale = shop.after_sale(id, nov(6)).unwrap();
        assert_eq!((sale.account.paid, sale.account.balance), (Amount(0), Amount(100_000)));
        assert!(sale.payments.is_empty(), "the account counts no voided entry");
        let ledger = shop.ledger(id).unwrap();
        assert_eq!(ledger.len(), 1);
        assert_eq!(ledger[0].payment, typo);
        assert_eq!(ledger[0].void.as_ref().unwrap().reason, "Mistyped: 10,000.00 for 1,000.00");
        let kept: i64 = shop.db().value("SELECT count(*) FROM payments", vals![]).unwrap();
        assert_eq!(kept, 1, "the payments table keeps the entry");

        // The right amount settles it; no paper shows the voided entry.
        shop.record_payment(by, id, &pay(100_000, EntryKind::Payment), nov(6)).unwrap();
        let papers = shop.ticket_papers(id, nov(6), false).unwrap();
        assert_eq!(papers.after_sale.payments.len(), 1);
        assert_eq!(papers.after_sale.payments[0].entry.amount, Amount(100_000));
        assert!(papers.after_sale.account.is_settled());

        let history = shop.history(Subject::Ticket, "R-2026-00001").unwrap();
        let voided = history.iter().find(|e| e.action == Action::PaymentVoided).expect("the void is logged");
        let settings = shop.settings().unwrap();
        assert_eq!(
            voided.sentence(settings.currency, settings.date_style),
            format!(
                "Voided the payment of HKD 10,000.00 by Card recorded on {}: Mistyped: 10,000.00 for 1,000.00",
                settings.date_style.format(date(2026, 11, 6))
            )
        );
        assert!(history.iter().any(|e| e.action == Action::PaymentRecorded && e.detail["amount"] == 1_000_000));

        // Once the watch has left, nothing is voided: it left with the entry counted.
        shop.release(by, id, &collect(), nov(6)).unwrap();
        let paid = shop.ledger(id).unwrap()[1].payment.id;
        let late = shop.void_payment(by, id, &VoidForm { payment: paid, reason: "Oops".into() }, nov(7)).unwrap_err();
        assert_eq!(late.code(), Code::VoidAfterHandOver);

        assert!(refused(shop, "UPDATE payment_voids SET reason = 'x'").contains("never edited"));
        assert!(refused(shop, "DELETE FROM payment_voids").contains("never deleted"));
        assert!(refused(shop, "DELETE FROM payments").contains("void it instead"));
    });
}

#[test]
fn a_payment_in_instalments_keeps_its_number_and_bank_and_prints_them() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = ready(shop, by);
        let plan = InstalmentPlan { count: 12, bank: "Garanti BBVA".into() };
        let entry = PaymentEntry {
            kind: EntryKind::Payment,
            amount: Amount(100_000),
            method: PaymentMethod::Instalments,
            reference: "POS 4471".into(),
        };
        let without = shop.record_payment(by, id, &entry.clone().into(), nov(6)).unwrap_err();
        assert_eq!(fields(without), ["instalment_count"], "instalments without their number are refused");
        let new = NewPayment { entry, plan: Some(plan.clone()), confirm_over_balance: false };
        shop.record_payment(by, id, &new, nov(6)).unwrap();
        let ledger = shop.ledger(id).unwrap();
        assert_eq!(ledger[0].plan, Some(plan));
        assert_eq!(ledger[0].method_text(), "Instalments, 12 × via Garanti BBVA");
        let papers = shop.ticket_papers(id, nov(6), false).unwrap();
        assert_eq!(papers.after_sale.payments[0].entry.reference, "12 × via Garanti BBVA · POS 4471");
        let logged = shop.history(Subject::Ticket, "R-2026-00001").unwrap();
        let settings = shop.settings().unwrap();
        let sentence = logged
            .iter()
            .find(|e| e.action == Action::PaymentRecorded)
            .map(|e| e.sentence(settings.currency, settings.date_style))
            .unwrap();
        assert_eq!(sentence, "Payment of HKD 1,000.00 by Instalments, 12 × via Garanti BBVA, POS 4471");
        let stored: Option<(i64, String)> = shop
            .db()
            .row("SELECT instalments, bank FROM payment_plans", vals![], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!(stored, Some((12, "Garanti BBVA".into())));
    });
}

#[test]
fn money_taken_at_the_counter_and_a_warranty_repair_hand_over_without_a_payment_confirmation() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let no_proof =
            Release::Collected(Collection { collected_by: "Ayşe Yılmaz".into(), confirmation_shown: false });
        // Paid from afar, by bank transfer: the confirmation, printed or on the phone, is asked for.
        let id = ready(shop, by);
        let transfer = PaymentEntry {
            kind: EntryKind::Payment,
            amount: Amount(100_000),
            method: PaymentMethod::BankTransfer,
            reference: "EFT 0042".into(),
        };
        shop.record_payment(by, id, &transfer.into(), nov(6)).unwrap();
        assert_eq!(fields(shop.release(by, id, &no_proof, nov(6)).unwrap_err()), ["confirmation_shown"]);
        // Paid by card at the counter: the shop saw the payment go through.
        let id = ready(shop, by);
        shop.record_payment(by, id, &pay(100_000, EntryKind::Payment), nov(6)).unwrap();
        assert_eq!(shop.release(by, id, &no_proof, nov(6)).unwrap().state, TicketState::Collected);
        // Paid in cash at the counter: handed over as it is.
        let id = ready(shop, by);
        let cash = PaymentEntry {
            kind: EntryKind::Payment,
            amount: Amount(100_000),
            method: PaymentMethod::Cash,
            reference: String::new(),
        };
        shop.record_payment(by, id, &cash.into(), nov(6)).unwrap();
        assert_eq!(shop.release(by, id, &no_proof, nov(6)).unwrap().state, TicketState::Collected);

        // A warranty repair, nothing charged: nothing to confirm.
        let id = book(shop, by);
        let decision = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
        shop.record_assessment(
            by,
            id,
            &Assessment { findings: "Faulty crown".into(), decision, photos: vec![] },
            nov(3),
        )
        .unwrap();
        shop.move_ticket(by, id, TicketState::InRepair, nov(3)).unwrap();
        let c = completion(shop, by);
        shop.complete_repair(by, id, &c, nov(6)).unwrap();
        assert_eq!(shop.release(by, id, &no_proof, nov(6)).unwrap().state, TicketState::Collected);
    });
}

/// What the database said when it refused `sql`, on either engine (a trigger's words).
fn refused(shop: &Shop, sql: &str) -> String {
    shop.db().exec(sql, vals![]).expect_err(sql).to_string()
}
