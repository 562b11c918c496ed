//! Return requests, RMA codes, receiving, inspection, decisions and refunds, on both
//! engines (a shop upgraded from version 6, a SQLite file, on SQLite only).

use caseback_domain::after_sale::PaymentMethod;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::CustomerChoice;
use std::collections::HashSet;

use caseback_domain::returns::{
    Checklist, Decision, ExchangeFee, Inspection, Package, RefundMethod, RefundRecord, RequestChannel, ReturnCase,
    ReturnForm, ReturnId, ReturnReason, ReturnState, RmaCode, RmaKey, WearGrade,
};
use caseback_domain::staff::StaffId;
use caseback_domain::Code;
use caseback_domain::{Amount, Percent};
use caseback_store::sql::Row;
use caseback_store::{db, fixture, vals, DataFolder, Shop};
use jiff::civil::date;
use jiff::Timestamp;

/// 10:00 in Hong Kong on the given day of November 2026.
fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

fn shop(dir: &std::path::Path) -> (Shop, StaffId) {
    fixture::new_shop(dir, nov(1))
}

fn form(reason: ReturnReason, media: Vec<String>) -> ReturnForm {
    ReturnForm {
        customer: Some(CustomerChoice::New {
            details: CustomerDetails {
                name: "Ayşe Yılmaz".into(),
                phone: "+90 542 341 51 94".into(),
                ..Default::default()
            },
        }),
        order_number: "CW-41037".into(),
        product: "KOSPET Tank T3 Ultra".into(),
        model: "T3U".into(),
        serial: String::new(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "1,000".into(),
        original_shipping: "50".into(),
        insurance_paid: "20".into(),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: Some(date(2026, 11, 2)),
        delivery_date: Some(date(2026, 11, 6)),
        reason,
        wants: Default::default(),
        details: "Changed my mind".into(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel: RequestChannel::WhatsApp,
        media,
    }
}

/// SOFTERSPOT's policy (exchanges within 45 days, for 50% of the price), from the 7th.
fn on_softerspot_policy(shop: &mut Shop, by: StaffId) {
    fixture::on_softerspot_policy(shop, by, nov(7));
}

/// Requested and authorized on the 8th, the package in with its code on the 10th.
fn received_return(shop: &mut Shop, by: StaffId, form: &ReturnForm) -> ReturnCase {
    fixture::received_return(shop, by, form, nov(8), nov(10))
}

fn inspection(wear: WearGrade) -> Inspection {
    let all = Checklist {
        rma_matches: true,
        films_intact: false,
        no_signs_of_use: false,
        packaging_complete: true,
        accessories_complete: true,
        functional_test_passed: true,
    };
    Inspection { checklist: all, wear, notes: "Light scratches on the bezel".into(), photos: vec![] }
}

#[test]
fn request_authorize_receive_inspect_partial_refund() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(8)).unwrap();
        assert_eq!(case.state, ReturnState::Requested);
        let case = shop.authorize_return(by, case.id, None, nov(8)).unwrap();
        let rma = case.rma.clone().unwrap();
        assert_eq!(rma.validity.valid_through, date(2026, 11, 13), "5 days");
        assert_eq!(shop.return_by_code(&rma.code.to_string().to_lowercase()).unwrap().id, case.id);

        // A typo is refused rather than landing on another return; the right code is received.
        let mut typo = rma.code.to_string();
        let last = typo.pop().unwrap();
        typo.push(if last == '2' { '3' } else { '2' });
        let before = fixture::event_count(shop.db()).unwrap();
        let err = shop.receive_package(by, Some(&typo), &Package::default(), nov(10)).unwrap_err();
        assert_eq!(err.code(), Code::RmaMistyped);
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before, "a refused receipt writes nothing");
        let received = shop.receive_package(by, Some(&rma.code.to_string()), &Package::default(), nov(10)).unwrap();
        assert_eq!(received.state, ReturnState::Received);
        assert_eq!(received.receipt.unwrap().inspection_due, Some(date(2026, 11, 12)), "2 business days");
        assert_eq!(
            shop.receive_package(by, Some(&rma.code.to_string()), &Package::default(), nov(10)).unwrap_err().code(),
            Code::RmaNotAwaited
        );

        // Light wear: a partial refund within 20-40% only.
        let partial = |bp| Decision::PartialRefund { percent: Percent(bp), method: RefundMethod::OriginalCard };
        let err =
            shop.decide_return(by, case.id, &inspection(WearGrade::Light), None, &partial(4_500), nov(11)).unwrap_err();
        assert_eq!(err.code(), Code::PartialRefundOutOfRange);
        let decided =
            shop.decide_return(by, case.id, &inspection(WearGrade::Light), None, &partial(4_000), nov(11)).unwrap();
        assert_eq!(decided.state, ReturnState::RefundDue);
        let d = decided.decision.clone().unwrap();
        assert_eq!(d.settlement.total, Amount(40_000));
        assert_eq!(d.due, Some(date(2026, 11, 18)), "5 business days");

        let refund = |cents| RefundRecord {
            method: RefundMethod::OriginalCard,
            amount: Amount(cents),
            refunded_on: date(2026, 11, 12),
            reference: "ARN 7410 2233".into(),
            account: String::new(),
        };
        assert_eq!(
            shop.record_return_refund(by, case.id, &refund(39_999), nov(12)).unwrap_err().code(),
            Code::RefundDiffers
        );
        let done = shop.record_return_refund(by, case.id, &refund(40_000), nov(12)).unwrap();
        assert_eq!(done.state, ReturnState::Refunded);
        let actions: Vec<Action> =
            shop.history(Subject::Return, &case.id.0.to_string()).unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [
                Action::ReturnRequested,
                Action::ReturnAuthorized,
                Action::PackageReceived,
                Action::ReturnDecided,
                Action::ReturnRefunded
            ]
        );
    });
}

#[test]
fn codes_are_never_reused_even_after_a_cancellation() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let first = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(8)).unwrap();
        let first = shop.authorize_return(by, first.id, None, nov(8)).unwrap();
        let cancelled = shop.close_return(by, first.id, "Customer kept the watch", nov(9)).unwrap();
        assert_eq!(cancelled.state, ReturnState::Cancelled);
        let second = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(9)).unwrap();
        let second = shop.authorize_return(by, second.id, None, nov(9)).unwrap();
        assert_ne!(first.rma.unwrap().code, second.rma.unwrap().code);
        let edit = shop.db().exec("DELETE FROM rma_codes", vals![]).unwrap_err();
        assert!(edit.to_string().contains("never changed or reused"), "{edit}");
        // The cancelled code is refused when its package turns up: it is held, not matched.
        let code = cancelled.rma.unwrap().code.to_string();
        assert_eq!(
            shop.receive_package(by, Some(&code), &Package::default(), nov(10)).unwrap_err().code(),
            Code::RmaNotAwaited
        );
    });
}

#[test]
fn an_expired_or_missing_code_holds_the_package_then_it_goes_back() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(8)).unwrap();
        let case = shop.authorize_return(by, case.id, None, nov(8)).unwrap();
        let code = case.rma.clone().unwrap().code.to_string();
        // Valid through the 13th; the package arrives on the 16th.
        let held = shop.receive_package(by, Some(&code), &Package::default(), nov(16)).unwrap();
        assert_eq!(held.state, ReturnState::Held);
        assert_eq!(held.receipt.as_ref().unwrap().hold_until, Some(date(2026, 11, 19)));
        let accepted = shop.accept_held(by, held.id, "Posted on the 12th, courier delay", nov(16)).unwrap();
        assert_eq!(accepted.state, ReturnState::Received);

        let sender =
            Package { sender: "K. Aydın".into(), tracking: "JD0146".into(), notes: "No code on the box".into() };
        let stray = shop.receive_package(by, None, &sender, nov(16)).unwrap();
        assert_eq!((stray.state, stray.customer), (ReturnState::Held, None));
        assert_eq!(stray.item(), "Package from K. Aydın");
        assert_eq!(
            shop.accept_held(by, stray.id, "Looks like ours", nov(16)).unwrap_err().code(),
            Code::NoReturnOnFile
        );
        // Held through the 19th (lx-watch: 3 days): sending it back is refused until the 20th.
        let before = fixture::event_count(shop.db()).unwrap();
        let early = shop.ship_return_out(by, stray.id, "1Z999AA10123456784", nov(19)).unwrap_err();
        assert_eq!(early.code(), Code::PackageOnHold);
        assert!(early.to_string().contains("it can be sent back from 2026-11-20"), "{early}");
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before, "a refusal writes nothing");
        assert_eq!(shop.apply_clock(nov(19)).unwrap(), 0, "still held on its last day");
        // On the 20th the calendar makes it one to send back, logged as the clock's.
        assert_eq!(shop.apply_clock(nov(20)).unwrap(), 1);
        assert_eq!(shop.return_case(stray.id).unwrap().state, ReturnState::ShipBack);
        let moved = shop.history(Subject::Return, &stray.id.0.to_string()).unwrap().pop().unwrap();
        assert_eq!((moved.action, moved.staff), (Action::ReturnState, None));
        let back = shop.ship_return_out(by, stray.id, "1Z999AA10123456784", nov(20)).unwrap();
        assert_eq!(back.state, ReturnState::SentBack);
        assert_eq!(shop.search_returns("aydin", None, 10).unwrap().len(), 1, "found by the sender");
        assert_eq!(shop.search_returns("CW-41037", None, 10).unwrap().len(), 1, "found by the order number");
        assert_eq!(shop.search_returns(&code.to_lowercase().replace('-', ""), None, 10).unwrap().len(), 1);
    });
}

#[test]
fn returns_are_found_by_underscores_and_backslashes_as_typed() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        for order in ["CW_41037", "CWX41037"] {
            let case = ReturnForm { order_number: order.into(), ..form(ReturnReason::ChangeOfMind, vec![]) };
            shop.request_return(by, &case, nov(8)).unwrap();
        }
        let parcel = Package { sender: "Depot\\7".into(), ..Package::default() };
        shop.receive_package(by, None, &parcel, nov(10)).unwrap();
        let found = |q: &str| shop.search_returns(q, None, 10).unwrap().into_iter().map(|r| r.item).collect::<Vec<_>>();
        let orders =
            |q: &str| shop.search_returns(q, None, 10).unwrap().into_iter().map(|r| r.order_number).collect::<Vec<_>>();
        assert_eq!(orders("cw_41037"), ["CW_41037"], "an underscore is no wildcard");
        assert_eq!(orders("w_"), ["CW_41037"]);
        assert_eq!(found("t\\7"), ["Package from Depot\\7"]);
        assert_eq!(found("t\\"), ["Package from Depot\\7"], "a backslash last as well");
    });
}

#[test]
fn authorization_waits_for_evidence_and_exceptions_need_a_reason() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let doa = shop.request_return(by, &form(ReturnReason::Defective, vec![]), nov(8)).unwrap();
        assert_eq!(shop.authorize_return(by, doa.id, None, nov(8)).unwrap_err().code(), Code::EvidenceRequired);
        let video = shop.store_evidence(by, "crack.mp4", b"\0\0\0\x18ftypmp42 video", nov(8)).unwrap();
        shop.add_return_media(by, doa.id, &[video.sha256], nov(8)).unwrap();
        assert_eq!(shop.authorize_return(by, doa.id, None, nov(8)).unwrap().state, ReturnState::Authorized);

        let mut late = form(ReturnReason::ChangeOfMind, vec![]);
        late.delivery_date = None; // lx-watch needs the delivery date to count from the request
        let late = shop.request_return(by, &late, nov(8)).unwrap();
        assert_eq!(shop.authorize_return(by, late.id, None, nov(8)).unwrap_err().code(), Code::NotEligible);
        let case = shop.authorize_return(by, late.id, Some("Delivery confirmed by phone"), nov(8)).unwrap();
        assert_eq!(case.rma.unwrap().override_reason.as_deref(), Some("Delivery confirmed by phone"));
    });
}

#[test]
fn an_rma_is_extended_from_its_end_and_the_extension_is_logged() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(8)).unwrap();
        let case = shop.authorize_return(by, case.id, None, nov(8)).unwrap();
        let extended = shop.extend_rma(by, case.id, nov(10)).unwrap();
        assert_eq!(extended.rma.unwrap().validity.valid_through, date(2026, 11, 18));
        let history = shop.history(Subject::Return, &case.id.0.to_string()).unwrap();
        assert_eq!(history.last().unwrap().action, Action::ReturnExtended);
    });
}

#[test]
fn an_rma_code_expires_by_the_calendar_and_an_extension_revives_it() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(8)).unwrap();
        let case = shop.authorize_return(by, case.id, None, nov(8)).unwrap();
        assert_eq!(shop.apply_clock(nov(13)).unwrap(), 0, "valid through the 13th");
        assert_eq!(shop.apply_clock(nov(14)).unwrap(), 1);
        assert_eq!(shop.apply_clock(nov(14)).unwrap(), 0, "moved once");
        assert_eq!(shop.return_case(case.id).unwrap().state, ReturnState::Expired);
        assert_eq!(shop.returns_in_state(ReturnState::Expired, 10).unwrap().len(), 1);
        let revived = shop.extend_rma(by, case.id, nov(15)).unwrap();
        assert_eq!(revived.state, ReturnState::Authorized);
        assert_eq!(revived.rma.unwrap().validity.valid_through, date(2026, 11, 20), "5 days from the 15th");
    });
}

#[test]
fn a_softerspot_exchange_asked_for_on_day_30_needs_no_exception() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        on_softerspot_policy(shop, by);
        let mut exchange = form(ReturnReason::ChangeOfMind, vec![]);
        exchange.wants = caseback_domain::returns::Remedy::Exchange;
        exchange.purchase_date = Some(date(2026, 10, 3));
        exchange.delivery_date = Some(date(2026, 10, 8));
        exchange.requested_on = Some(date(2026, 11, 7));
        let case = shop.request_return(by, &exchange, nov(8)).unwrap();
        let e = shop.return_eligibility(&case).unwrap().unwrap();
        assert!(e.eligible(), "{e:?}");
        assert_eq!(shop.authorize_return(by, case.id, None, nov(8)).unwrap().state, ReturnState::Authorized);
    });
}

#[test]
fn an_exchange_by_choice_ships_only_once_its_fee_is_paid() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        on_softerspot_policy(shop, by);

        let case = received_return(shop, by, &form(ReturnReason::ChangeOfMind, vec![]));
        let decided =
            shop.decide_return(by, case.id, &inspection(WearGrade::AsNew), None, &Decision::Exchange, nov(11)).unwrap();
        assert_eq!(decided.state, ReturnState::ExchangeDue);
        assert_eq!(decided.fee_owed(), Some(Amount(50_000)));

        let before = fixture::event_count(shop.db()).unwrap();
        let err = shop.ship_return_out(by, case.id, "1Z999AA10123456784", nov(12)).unwrap_err();
        assert_eq!(err.code(), Code::ExchangeFeeUnpaid);
        assert!(err.to_string().contains("HKD 500.00"), "{err}");
        let fee = |cents| ExchangeFee {
            method: PaymentMethod::PayPal,
            amount: Amount(cents),
            paid_on: date(2026, 11, 12),
            reference: "5TY05013RG002845M".into(),
        };
        assert_eq!(shop.record_exchange_fee(by, case.id, &fee(40_000), nov(12)).unwrap_err().code(), Code::FeeDiffers);
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before, "refusals write nothing");
        assert_eq!(shop.return_case(case.id).unwrap().fee_paid, None);

        let paid = shop.record_exchange_fee(by, case.id, &fee(50_000), nov(12)).unwrap();
        assert_eq!(paid.fee_paid.as_ref().unwrap().amount, Amount(50_000));
        let sent = shop.ship_return_out(by, case.id, "1Z999AA10123456784", nov(12)).unwrap();
        assert_eq!(sent.state, ReturnState::Exchanged);
        assert_eq!(shop.return_case(case.id).unwrap().fee_paid, paid.fee_paid, "the fee is kept with the case");
        let actions: Vec<Action> =
            shop.history(Subject::Return, &case.id.0.to_string()).unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(&actions[3..], [Action::ReturnDecided, Action::ExchangeFeePaid, Action::ExchangeSent]);
    });
}

#[test]
fn a_replacement_for_a_fault_ships_without_a_fee() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        on_softerspot_policy(shop, by);
        let photo = shop.store_evidence(by, "crack.jpg", b"\xff\xd8\xff\xe0 photo", nov(8)).unwrap().sha256;
        let case = received_return(shop, by, &form(ReturnReason::DeadOnArrival, vec![photo]));
        let decided =
            shop.decide_return(by, case.id, &inspection(WearGrade::AsNew), None, &Decision::Exchange, nov(11)).unwrap();
        assert_eq!((decided.state, decided.fee_owed()), (ReturnState::ExchangeDue, None));
        let sent = shop.ship_return_out(by, case.id, "1Z999AA10123456784", nov(12)).unwrap();
        assert_eq!(sent.state, ReturnState::Exchanged);
    });
}

#[test]
fn a_package_that_came_without_its_code_is_linked_to_its_return() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), nov(8)).unwrap();
        let case = shop.authorize_return(by, case.id, None, nov(8)).unwrap();
        let code = case.rma.clone().unwrap().code.to_string();
        let parcel = Package { sender: "A. Yilmaz".into(), ..Package::default() };
        let stray = shop.receive_package(by, None, &parcel, nov(10)).unwrap();
        assert_eq!(stray.state, ReturnState::Held);

        let before = fixture::event_count(shop.db()).unwrap();
        let mut typo = code.clone();
        typo.pop();
        assert_eq!(shop.link_package(by, stray.id, &typo, nov(11)).unwrap_err().code(), Code::InvalidInput);
        let unknown = RmaCode::from_sequence(999, &RmaKey::from_bytes([9; RmaKey::LEN])).unwrap().to_string();
        assert_eq!(shop.link_package(by, stray.id, &unknown, nov(11)).unwrap_err().code(), Code::RmaUnknown);
        assert_eq!(shop.link_package(by, case.id, &code, nov(11)).unwrap_err().code(), Code::NotAStrayPackage);
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before, "refusals write nothing");

        let linked = shop.link_package(by, stray.id, &code.to_lowercase(), nov(11)).unwrap();
        assert_eq!((linked.id, linked.state), (case.id, ReturnState::Received));
        let receipt = linked.receipt.unwrap();
        assert_eq!((receipt.received_on, receipt.linked_from), (date(2026, 11, 10), Some(stray.id)));
        assert_eq!(receipt.package.sender, "A. Yilmaz");
        assert_eq!(shop.return_case(stray.id).unwrap().state, ReturnState::Cancelled);
        let last =
            |id: ReturnId| shop.history(Subject::Return, &id.0.to_string()).unwrap().pop().map(|e| e.action).unwrap();
        assert_eq!((last(stray.id), last(case.id)), (Action::ReturnLinked, Action::PackageLinked));
        // The stray is closed: the same package cannot be linked twice.
        assert_eq!(shop.link_package(by, stray.id, &code, nov(11)).unwrap_err().code(), Code::NotAStrayPackage);
    });
}

/// Requests and authorizes a return at `at`: its code.
fn authorized(shop: &mut Shop, by: StaffId, at: Timestamp) -> (ReturnId, RmaCode) {
    let case = shop.request_return(by, &form(ReturnReason::ChangeOfMind, vec![]), at).unwrap();
    let case = shop.authorize_return(by, case.id, None, at).unwrap();
    (case.id, case.rma.unwrap().code)
}

/// The key the shop keeps, read as only a test may: nothing in the store's API shows it.
fn rma_key(shop: &Shop) -> RmaKey {
    let key: Vec<u8> = shop.db().value("SELECT rma_key FROM shop_secrets", vals![]).unwrap();
    RmaKey::from_bytes(key.try_into().expect("a key of RmaKey::LEN bytes"))
}

/// Every code issued, with its sequence number.
fn issued(shop: &Shop) -> Vec<(u64, String)> {
    let seq = |r: &Row| Ok((r.get::<i64>(0)? as u64, r.get(1)?));
    shop.db().rows("SELECT seq, code FROM rma_codes ORDER BY seq", vals![], seq).unwrap()
}

/// Version 6 gave every shop these first three codes (its permutation was fixed).
const VERSION_6_CODES: [&str; 3] = ["RMA-TWB3-3V6", "RMA-GS44-H48", "RMA-6NT5-YAB"];

/// Turns a shop of this version into what version 6 left: no key (version 7's only table),
/// and `VERSION_6_CODES` in place of the codes it issued, in their order (their search text
/// aside, which no test here reads).
fn as_left_by_version_6(conn: &rusqlite::Connection) {
    // What later versions add goes too (versions 8 and 11 run again over their own tables,
    // 11 making `tickets` again without version 12's column).
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         DROP INDEX releases_by_day; DROP INDEX payments_by_day; DROP INDEX quotation_answers_by_time;
         DROP INDEX quotations_by_valid_through; DROP INDEX completions_by_time;
         DROP INDEX return_cases_by_opening; DROP INDEX tickets_by_received_on;
         DROP TABLE outbox;
         DROP TABLE signatures; DROP TABLE part_holds; DROP TABLE parts;
         DROP TABLE work_times; DROP TABLE ticket_assignments; ALTER TABLE staff DROP COLUMN role; ALTER TABLE staff DROP COLUMN pin_hash;
         DROP INDEX return_cases_by_watch; DROP INDEX return_cases_without_watch;
         ALTER TABLE return_cases DROP COLUMN watch_id; ALTER TABLE return_cases DROP COLUMN serial_key;
         DROP TABLE readings; DROP TABLE service_warranties; DROP TABLE watch_owners; DROP TABLE watches;
         DROP TABLE shop_secrets; DROP TRIGGER rma_codes_are_never_edited;
         DROP TABLE attachment_bytes; ALTER TABLE events DROP COLUMN computer;
         DROP INDEX tickets_open_by_state; DROP TABLE id_block;
         ALTER TABLE customers DROP COLUMN branch; ALTER TABLE return_cases DROP COLUMN branch;",
    )
    .unwrap();
    for (seq, code) in (1..).zip(VERSION_6_CODES) {
        conn.execute(
            "UPDATE return_cases SET rma_code = ?2, case_json = json_set(case_json, '$.rma.code', ?2)
             WHERE id = (SELECT return_id FROM rma_codes WHERE seq = ?1)",
            rusqlite::params![seq, code],
        )
        .unwrap();
        conn.execute("UPDATE rma_codes SET code = ?2 WHERE seq = ?1", rusqlite::params![seq, code]).unwrap();
    }
    conn.execute_batch(
        "CREATE TRIGGER rma_codes_are_never_edited BEFORE UPDATE ON rma_codes
         BEGIN SELECT RAISE(ABORT, 'an RMA code is never changed or reused'); END;
         PRAGMA user_version = 6;",
    )
    .unwrap();
}

#[test]
fn two_shops_set_up_apart_give_their_first_returns_different_codes() {
    for engine in fixture::ENGINES {
        let first_code = || {
            let dir = tempfile::tempdir().unwrap();
            let (mut shop, by) = fixture::new_shop_on(engine, dir.path(), nov(1));
            let (_, code) = authorized(&mut shop, by, nov(8));
            let under_its_key = RmaCode::from_sequence(1, &rma_key(&shop)).unwrap();
            assert_eq!(code, under_its_key, "{engine:?}: the first code under its own key");
            code
        };
        // Two random keys give one first code once in 29^6 (about 600 million).
        let (a, b) = (first_code(), first_code());
        assert_ne!(a, b, "{engine:?}");
        let version_6 = [a, b].iter().any(|c| c.to_string() == VERSION_6_CODES[0]);
        assert!(!version_6, "{engine:?}: version 6 gave every shop this one");
    }
}

// SQLite only: version 6 was a SQLite file; no shared database ever held its codes.
#[test]
fn a_shop_upgraded_from_version_6_keeps_its_codes_and_never_issues_one_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    let old: Vec<ReturnId> = (8..=10).map(|day| authorized(&mut shop, by, nov(day)).0).collect();
    shop.close_return(by, old[2], "Customer kept the watch", nov(10)).unwrap();
    as_left_by_version_6(shop.connection());
    drop(shop);

    let mut shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
    assert_eq!(db::schema_version(shop.connection()).unwrap(), db::latest_version());
    // Staff from before roles: whoever set the shop up runs it (version 14).
    assert_eq!(shop.actor(by).unwrap().role, caseback_domain::staff::Role::Manager);
    let key = rma_key(&shop);
    // The codes version 6 issued still find their returns and match their parcels.
    for (id, code) in old.iter().zip(VERSION_6_CODES) {
        assert_eq!(shop.return_by_code(code).unwrap().id, *id, "{code}");
    }
    let parcel = shop.receive_package(by, Some(&VERSION_6_CODES[0].to_lowercase()), &Package::default(), nov(11));
    assert_eq!(parcel.map(|c| (c.id, c.state)).unwrap(), (old[0], ReturnState::Received));
    assert_eq!(
        shop.receive_package(by, Some(VERSION_6_CODES[2]), &Package::default(), nov(11)).unwrap_err().code(),
        Code::RmaNotAwaited,
        "a cancelled code stays spent"
    );

    // New codes go on from the shop's sequence under its new key, never an old one again.
    let new: Vec<RmaCode> = (0..4).map(|_| authorized(&mut shop, by, nov(11)).1).collect();
    let all = issued(&shop);
    assert_eq!(all.len(), 7);
    let codes: HashSet<&str> = all.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(codes.len(), 7, "no code issued twice: {all:?}");
    assert_eq!(all[..3].iter().map(|(_, c)| c.as_str()).collect::<Vec<_>>(), VERSION_6_CODES);
    assert!(all.windows(2).all(|w| w[0].0 < w[1].0) && all[3].0 > 3, "{all:?}");
    for ((seq, code), issued) in all[3..].iter().zip(&new) {
        assert_eq!(*code, issued.to_string());
        assert_eq!(RmaCode::from_sequence(*seq, &key).unwrap(), *issued);
    }
    assert_eq!(shop.return_by_code(&new[0].to_string()).unwrap().state, ReturnState::Authorized);
}

/// The backed-up shop is on each engine; a backup is restored into a data file only (a
/// restore replaces the SQLite file page by page), so the restoring shop is on SQLite.
#[test]
fn the_rma_key_moves_with_a_backup_so_a_restored_shop_goes_on_with_its_codes() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let (usb, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        authorized(shop, by, nov(8));
        let key = *rma_key(shop).as_bytes();
        let summary = shop.backup_to_folder(usb.path(), nov(8)).unwrap();
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        let shown = format!("{summary:?} {}", serde_json::to_string(&summary).unwrap());
        assert!(!shown.to_lowercase().contains(&hex), "the backup summary never shows the key");

        let (mut other, other_by) = fixture::new_shop(elsewhere.path(), nov(1));
        assert_ne!(rma_key(&other).as_bytes(), &key);
        other.restore_from(&summary.path, "Mei Chan", nov(9)).unwrap();
        assert_eq!(rma_key(&other).as_bytes(), &key);
        let (_, next) = authorized(&mut other, other_by, nov(9));
        assert_eq!(next, RmaCode::from_sequence(2, &RmaKey::from_bytes(key)).unwrap());
    });
}
