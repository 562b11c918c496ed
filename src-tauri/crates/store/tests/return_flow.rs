//! A return's decision revised before the refund, a watch taken in and handed back at the
//! counter, and a declined request's letter, on both engines.

use caseback_domain::customer::CustomerDetails;
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::CustomerChoice;
use caseback_domain::presets::PresetId;
use caseback_domain::returns::message::decline_letter;
use caseback_domain::returns::{
    Checklist, Decision, Inspection, RefundMethod, RefundRecord, RequestChannel, ReturnForm, ReturnReason, ReturnState,
    WearGrade,
};
use caseback_domain::staff::{RosterEntry, StaffId};
use caseback_domain::{Amount, Code, Percent};
use caseback_store::{fixture, Shop};
use jiff::civil::date;
use jiff::Timestamp;

/// 10:00 in Hong Kong (or 05:00 in Istanbul) on the given day of November 2026.
fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
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
        model: "46 mm".into(),
        serial: String::new(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "1,000".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
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
        channel,
        media: vec![],
    }
}

fn inspection(wear: WearGrade) -> Inspection {
    let checklist = Checklist { rma_matches: true, packaging_complete: true, ..Checklist::default() };
    Inspection { checklist, wear, notes: "Bezel scratched".into(), photos: vec![] }
}

fn partial(bp: u32) -> Decision {
    Decision::PartialRefund { percent: Percent(bp), method: RefundMethod::OriginalCard }
}

fn actions(shop: &Shop, id: caseback_domain::returns::ReturnId) -> Vec<Action> {
    shop.history(Subject::Return, &id.0.to_string()).unwrap().into_iter().map(|e| e.action).collect()
}

fn on_turkish_policy(shop: &mut Shop, by: StaffId) {
    let mut settings = shop.settings().unwrap();
    settings.policy = PresetId::TurkishStore.policy();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, nov(1)).unwrap();
}

#[test]
fn a_partial_refund_is_revised_before_the_refund_and_stands_after_it() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = fixture::received_return(
            shop,
            by,
            &form(ReturnReason::ChangeOfMind, RequestChannel::Email),
            nov(8),
            nov(10),
        );
        let case =
            shop.decide_return(by, case.id, &inspection(WearGrade::Moderate), None, &partial(3_000), nov(11)).unwrap();
        let due = case.decision.as_ref().unwrap().due;

        // The customer argues the wear is light: the refund of another amount is refused until
        // the decision is revised.
        let refund = |cents| RefundRecord {
            method: RefundMethod::OriginalCard,
            amount: Amount(cents),
            refunded_on: date(2026, 11, 12),
            reference: "ARN 7410 2233".into(),
            account: String::new(),
        };
        let err = shop.record_return_refund(by, case.id, &refund(40_000), nov(12)).unwrap_err();
        assert_eq!(err.code(), Code::RefundDiffers);
        assert!(err.to_string().contains("revise the decision"), "{err}");

        // A percentage outside the range is refused and writes nothing.
        let before = actions(shop, case.id).len();
        let err =
            shop.revise_return_decision(by, case.id, &inspection(WearGrade::Light), None, &partial(4_500), nov(12));
        assert_eq!(err.unwrap_err().code(), Code::PartialRefundOutOfRange);
        assert_eq!(actions(shop, case.id).len(), before);

        let revised = shop
            .revise_return_decision(by, case.id, &inspection(WearGrade::Light), None, &partial(4_000), nov(12))
            .unwrap();
        assert_eq!(revised.state, ReturnState::RefundDue);
        let d = revised.decision.clone().unwrap();
        assert_eq!((d.settlement.total, d.due), (Amount(40_000), due), "still a refund: its last day stays");
        assert_eq!(revised.inspection.as_ref().unwrap().wear, WearGrade::Light);
        // The same revision again writes nothing.
        shop.revise_return_decision(by, case.id, &inspection(WearGrade::Light), None, &partial(4_000), nov(12))
            .unwrap();
        let history = shop.history(Subject::Return, &case.id.0.to_string()).unwrap();
        let revisions: Vec<_> = history.iter().filter(|e| e.action == Action::ReturnDecisionRevised).collect();
        assert_eq!(revisions.len(), 1);
        let settings = shop.settings().unwrap();
        let sentence = revisions[0].sentence(settings.currency, settings.date_style);
        assert!(sentence.contains("partial refund of 30%") && sentence.contains("HKD 300.00"), "{sentence}");
        assert!(sentence.contains("partial refund of 40%") && sentence.contains("HKD 400.00"), "{sentence}");
        assert!(sentence.contains("the shop keeps the watch"), "{sentence}");
        assert_eq!(shop.return_case(case.id).unwrap(), revised, "as saved");

        let done = shop.record_return_refund(by, case.id, &refund(40_000), nov(12)).unwrap();
        assert_eq!(done.state, ReturnState::Refunded);
        let err =
            shop.revise_return_decision(by, case.id, &inspection(WearGrade::Heavy), None, &Decision::ShipBack, nov(13));
        assert_eq!(err.unwrap_err().code(), Code::DecisionFinal);
        assert_eq!(shop.return_case(case.id).unwrap().state, ReturnState::Refunded);
    });
}

#[test]
fn a_denial_revised_to_a_refund_is_due_from_the_revision() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let case = fixture::received_return(
            shop,
            by,
            &form(ReturnReason::ChangeOfMind, RequestChannel::Email),
            nov(8),
            nov(10),
        );
        let case =
            shop.decide_return(by, case.id, &inspection(WearGrade::Heavy), None, &Decision::ShipBack, nov(11)).unwrap();
        assert_eq!((case.state, case.next_deadline()), (ReturnState::ShipBack, None));
        // Monday 16 November: a partial refund instead, due within 5 business days (the policy
        // counts from the inspection: the day it is decided now).
        let revised = shop
            .revise_return_decision(by, case.id, &inspection(WearGrade::Heavy), None, &partial(2_000), nov(16))
            .unwrap();
        assert_eq!(revised.state, ReturnState::RefundDue);
        assert_eq!(revised.decision.as_ref().unwrap().settlement.total, Amount(20_000));
        assert_eq!(revised.next_deadline(), Some(date(2026, 11, 23)));
        assert_eq!(actions(shop, case.id).last(), Some(&Action::ReturnDecisionRevised));
    });
}

#[test]
fn an_in_store_return_is_taken_in_at_the_counter_and_its_replacement_handed_over_there() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        on_turkish_policy(shop, by);

        // Asked by email, the watch comes by parcel: it is not taken in at the counter.
        let by_email = shop.request_return(by, &form(ReturnReason::Defective, RequestChannel::Email), nov(9)).unwrap();
        let before = actions(shop, by_email.id);
        assert_eq!(shop.take_in_return(by, by_email.id, None, nov(9)).unwrap_err().code(), Code::NotInStore);
        assert_eq!(actions(shop, by_email.id), before, "a refusal writes nothing");

        // Brought to the counter, defective, no photo (the Turkish store "may request" one).
        let case = shop.request_return(by, &form(ReturnReason::Defective, RequestChannel::InStore), nov(9)).unwrap();
        assert!(case.actions().take_in);
        let taken = shop.take_in_return(by, case.id, None, nov(9)).unwrap();
        assert_eq!(taken.state, ReturnState::Received);
        assert!(taken.taken_in_at_counter);
        let rma = taken.rma.as_ref().unwrap();
        assert_eq!((rma.validity.issued_on, rma.validity.valid_through), (date(2026, 11, 9), date(2026, 11, 9)));
        let receipt = taken.receipt.as_ref().unwrap();
        assert_eq!((receipt.received_on, receipt.package.sender.as_str()), (date(2026, 11, 9), "Elif Kaya"));
        assert_eq!(receipt.inspection_due, Some(date(2026, 11, 11)), "2 business days from Monday");
        assert_eq!(shop.return_by_code(&rma.code.to_string()).unwrap().id, case.id, "the code is its reference");
        assert_eq!(actions(shop, case.id), [Action::ReturnRequested, Action::ReturnTakenIn]);
        assert_eq!(shop.take_in_return(by, case.id, None, nov(9)).unwrap_err().code(), Code::NotInStore, "once");

        // A one-to-one replacement for the fault, checked never paired, handed over at the counter.
        let decided = shop
            .decide_return(by, case.id, &inspection(WearGrade::AsNew), Some(true), &Decision::Exchange, nov(10))
            .unwrap();
        assert_eq!((decided.state, decided.not_paired), (ReturnState::ExchangeDue, Some(true)));
        let out = shop.hand_return_over(by, case.id, nov(12)).unwrap();
        assert_eq!(out.state, ReturnState::Exchanged);
        let o = out.outbound.as_ref().unwrap();
        assert!(o.at_counter && o.tracking.is_empty() && o.sent_on == date(2026, 11, 12));
        let s = shop.settings().unwrap();
        let history = shop.history(Subject::Return, &case.id.0.to_string()).unwrap();
        let sentences: Vec<String> = history.iter().map(|e| e.sentence(s.currency, s.date_style)).collect();
        assert!(sentences[0].ends_with("asked in store"), "{sentences:?}");
        assert!(sentences[1].contains("Handed over at the counter") && sentences[1].contains(&rma.code.to_string()));
        assert_eq!(sentences.last().unwrap(), "Replacement handed over at the counter");
        assert_eq!(shop.hand_return_over(by, case.id, nov(12)).unwrap_err().code(), Code::IllegalTransition);
    });
}

#[test]
fn a_declined_request_keeps_its_day_for_the_letter() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let mut late = form(ReturnReason::ChangeOfMind, RequestChannel::InStore);
        late.requested_on = Some(date(2026, 11, 3));
        late.delivery_date = Some(date(2026, 11, 5));
        let case = shop.request_return(by, &late, nov(9)).unwrap();
        let declined = shop.close_return(by, case.id, "Requested before the watch was delivered", nov(9)).unwrap();
        assert_eq!((declined.state, declined.closed_on), (ReturnState::Declined, Some(date(2026, 11, 9))));
        let settings = shop.settings().unwrap();
        let customer = shop.return_customer(&declined).unwrap().unwrap();
        let letter = decline_letter(&settings, &customer, &declined).expect("a declined request has its letter");
        assert_eq!(letter.greeting, "Dear Elif Kaya,");
        let text = letter.paragraphs.join("\n");
        assert!(text.contains("made in store on 3 November 2026"), "{text}");
        assert!(
            text.contains("on 9 November 2026 we declined it. The reason: Requested before the watch was delivered."),
            "{text}"
        );
        assert!(text.contains("before the delivery on 5 November 2026"), "the policy check that failed: {text}");
        assert!(text.contains("held for 3 days"), "{text}");
        assert!(decline_letter(&settings, &customer, &case).is_none(), "only a declined request");
    });
}
