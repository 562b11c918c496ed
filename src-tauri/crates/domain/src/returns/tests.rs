use jiff::civil::{date, Date};
use proptest::prelude::*;

use super::eligibility::Rule;
use super::*;
use crate::presets::PresetId;
use crate::Code;
use crate::{Amount, Currency, Percent, Policy};

pub(super) fn request(reason: ReturnReason, bought: Date, delivered: Option<Date>, requested: Date) -> ReturnRequest {
    ReturnRequest {
        order_number: "CW-41037".into(),
        product: "KOSPET Tank T3 Ultra".into(),
        model: "T3U".into(),
        serial: String::new(),
        category: String::new(),
        currency: Currency::from_code("USD").unwrap(),
        purchase_price: Amount(100_000),
        original_shipping: Amount(5_000),
        insurance_paid: Amount(2_000),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: bought,
        delivery_date: delivered,
        reason,
        wants: Remedy::Refund,
        details: String::new(),
        colour_claim: false,
        opened: false,
        used: Some(false),
        requested_on: requested,
        channel: RequestChannel::Email,
        media: vec!["a".repeat(64)],
    }
}

fn passed(p: &Policy, r: &ReturnRequest, rule: Rule) -> bool {
    let e = eligibility(p, r);
    e.checks.iter().find(|c| c.rule == rule).unwrap_or_else(|| panic!("no {rule:?} check in {e:?}")).passed
}

// --- Eligibility on each seed shop's boundary days -------------------------------------

#[test]
fn a_softerspot_exchange_by_choice_is_judged_by_the_45_day_exchange_window() {
    let p = PresetId::Softerspot.policy();
    // Bought 1 October 2026, delivered 6 October: the 15-day refund window ends 16 October,
    // the 45-day exchange window 20 November.
    let exchange = |requested| ReturnRequest {
        wants: Remedy::Exchange,
        ..request(ReturnReason::ChangeOfMind, date(2026, 10, 1), Some(date(2026, 10, 6)), requested)
    };
    for day in [date(2026, 10, 17), date(2026, 11, 1), date(2026, 11, 20)] {
        let e = eligibility(&p, &exchange(day));
        assert!(e.eligible(), "{day}: {e:?}");
        assert!(e.checks.iter().all(|c| c.rule != Rule::ReturnWindow), "the refund window does not apply");
        assert!(e.check_authorizable(None).is_ok(), "no staff exception is needed");
        let fee = Decision::Exchange.settle(&p, &exchange(day), false).unwrap();
        assert_eq!(fee.total, Amount(50_000));
    }
    let late = eligibility(&p, &exchange(date(2026, 11, 21)));
    assert!(!passed(&p, &exchange(date(2026, 11, 21)), Rule::ExchangeWindow));
    assert!(late.checks[0].text.contains("through 2026-11-20"), "{:?}", late.checks);
    // The same day asked as a refund is outside the 15-day window and needs an exception.
    let refund = request(ReturnReason::ChangeOfMind, date(2026, 10, 1), Some(date(2026, 10, 6)), date(2026, 10, 17));
    assert!(!passed(&p, &refund, Rule::ReturnWindow));
    assert_eq!(eligibility(&p, &refund).check_authorizable(None).unwrap_err().code(), Code::NotEligible);
}

#[test]
fn an_exchange_where_the_shop_offers_none_is_refused_by_its_own_rule() {
    let lx = PresetId::LxWatch.policy();
    let r = ReturnRequest {
        wants: Remedy::Exchange,
        ..request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4))
    };
    let e = eligibility(&lx, &r);
    assert!(!passed(&lx, &r, Rule::ExchangeWindow));
    assert_eq!(e.checks[0].text, "The shop offers no exchanges");
    // A replacement for a fault is judged by the return rules whatever the customer asks.
    let broken = ReturnRequest { reason: ReturnReason::Defective, ..r };
    assert!(eligibility(&lx, &broken).checks.iter().all(|c| c.rule != Rule::ExchangeWindow));
}

#[test]
fn softerspot_counts_15_days_from_purchase() {
    let p = PresetId::Softerspot.policy();
    let bought = date(2026, 1, 31);
    let on = |d| request(ReturnReason::ChangeOfMind, bought, Some(date(2026, 2, 6)), d);
    assert!(passed(&p, &on(date(2026, 2, 15)), Rule::ReturnWindow), "day 15");
    assert!(!passed(&p, &on(date(2026, 2, 16)), Rule::ReturnWindow), "day 16");
    let mut custom = on(date(2026, 2, 10));
    custom.category = "custom and personalized orders".into();
    assert!(!passed(&p, &custom, Rule::NonReturnable), "custom orders are not returnable, whatever the case");
}

#[test]
fn kospet_counts_from_delivery_through_a_leap_day_and_refunds_only_unopened_items() {
    let p = PresetId::Kospet.policy();
    let delivered = date(2028, 2, 22);
    let on = |d| request(ReturnReason::ChangeOfMind, date(2028, 2, 15), Some(delivered), d);
    assert!(passed(&p, &on(date(2028, 3, 8)), Rule::ReturnWindow), "15 days after 22 Feb 2028 is 8 Mar");
    assert!(!passed(&p, &on(date(2028, 3, 9)), Rule::ReturnWindow));
    let mut opened = on(date(2028, 3, 1));
    opened.opened = true;
    assert!(!passed(&p, &opened, Rule::UnopenedOnly));
    // Dead on arrival: 7 days from delivery, over the year end.
    let doa = |d| request(ReturnReason::DeadOnArrival, date(2026, 12, 20), Some(date(2026, 12, 28)), d);
    assert!(passed(&p, &doa(date(2027, 1, 4)), Rule::DeadOnArrival));
    assert!(!passed(&p, &doa(date(2027, 1, 5)), Rule::DeadOnArrival));
    let mut opened_doa = doa(date(2027, 1, 2));
    opened_doa.opened = true;
    assert!(eligibility(&p, &opened_doa).eligible(), "a dead item is returned opened");
}

#[test]
fn the_turkish_store_excludes_chargers_returned_by_choice() {
    let p = PresetId::TurkishStore.policy();
    let mut r = request(ReturnReason::ChangeOfMind, date(2026, 12, 15), Some(date(2026, 12, 20)), date(2027, 1, 3));
    assert!(passed(&p, &r, Rule::ReturnWindow), "14 days after 20 Dec is 3 Jan");
    r.requested_on = date(2027, 1, 4);
    assert!(!passed(&p, &r, Rule::ReturnWindow));
    r.requested_on = date(2026, 12, 22);
    r.category = "Chargers".into();
    assert!(!passed(&p, &r, Rule::NonReturnable));
    r.reason = ReturnReason::Defective;
    assert!(eligibility(&p, &r).eligible(), "a defective charger goes back");
}

#[test]
fn lx_watch_counts_from_a_request_made_after_delivery_and_refuses_colour_claims() {
    let p = PresetId::LxWatch.policy();
    let early = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 10)), date(2026, 11, 9));
    assert!(!passed(&p, &early, Rule::ReturnWindow), "requested before delivery");
    let ok = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 10)), date(2026, 11, 10));
    let e = eligibility(&p, &ok);
    assert!(e.eligible() && e.checks[0].text.contains("2026-11-20"), "{e:?}");
    let mut colour = ok.clone();
    colour.colour_claim = true;
    assert!(!passed(&p, &colour, Rule::ColourClaim));
    let no_delivery = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), None, date(2026, 11, 10));
    assert!(!passed(&p, &no_delivery, Rule::ReturnWindow));
}

#[test]
fn defect_returns_need_evidence_and_it_cannot_be_overridden() {
    let p = PresetId::RmaWebShop.policy();
    let mut r = request(ReturnReason::Defective, date(2026, 11, 1), Some(date(2026, 11, 5)), date(2026, 11, 8));
    r.media.clear();
    let e = eligibility(&p, &r);
    assert!(e.evidence_missing());
    assert_eq!(e.check_authorizable(Some("The customer is a regular")).unwrap_err().code(), Code::EvidenceRequired);
    let lenient = Policy { return_evidence: crate::policy::EvidenceRule::NotAsked, ..p.clone() };
    assert!(eligibility(&lenient, &r).check_authorizable(None).is_ok());
    assert!(eligibility(&lenient, &r).checks.iter().all(|c| c.rule != Rule::Evidence), "not asked: no check");
}

#[test]
fn the_turkish_store_may_ask_for_a_photo_but_the_return_does_not_wait_for_it() {
    let p = PresetId::TurkishStore.policy();
    // Delivered Thursday 5 November 2026, reported defective on the 8th, no photo yet.
    let mut r = request(ReturnReason::Defective, date(2026, 11, 1), Some(date(2026, 11, 5)), date(2026, 11, 8));
    r.media.clear();
    let e = eligibility(&p, &r);
    assert!(!e.evidence_missing() && e.eligible(), "{e:?}");
    let check = e.checks.iter().find(|c| c.rule == Rule::Evidence).expect("the check is listed");
    assert!(check.text.contains("may ask"), "{}", check.text);
    assert!(e.check_authorizable(None).is_ok());
    r.media = vec!["b".repeat(64)];
    assert!(passed(&p, &r, Rule::Evidence));
}

#[test]
fn a_defect_shown_at_the_counter_needs_no_photo_even_where_one_is_required() {
    let p = PresetId::Kospet.policy();
    let mut r = request(ReturnReason::DeadOnArrival, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 5));
    r.media.clear();
    assert!(eligibility(&p, &r).evidence_missing(), "by email the photo comes first");
    r.channel = RequestChannel::InStore;
    let e = eligibility(&p, &r);
    assert!(!e.evidence_missing() && e.check_authorizable(None).is_ok(), "{e:?}");
}

#[test]
fn staff_override_a_failed_check_only_with_a_reason() {
    let p = PresetId::Kospet.policy();
    let mut r = request(ReturnReason::ChangeOfMind, date(2026, 10, 1), Some(date(2026, 10, 3)), date(2026, 11, 20));
    r.opened = true;
    let e = eligibility(&p, &r);
    let err = e.check_authorizable(None).unwrap_err();
    assert_eq!(err.code(), Code::NotEligible);
    assert!(err.to_string().contains("2026-10-18"), "the message names the dates: {err}");
    assert_eq!(e.check_authorizable(Some("ok")).unwrap_err().fields()[0].field, "override_reason");
    assert!(e.check_authorizable(Some("Goodwill: our courier delayed the delivery")).is_ok());
}

#[test]
fn who_pays_the_return_postage() {
    let kospet = PresetId::Kospet.policy(); // the shop pays within 7 days of delivery
    let doa = request(ReturnReason::DeadOnArrival, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 10));
    assert_eq!(eligibility(&kospet, &doa).postage_paid_by, Payer::Shop);
    let late = request(ReturnReason::Defective, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 11));
    assert_eq!(eligibility(&kospet, &late).postage_paid_by, Payer::Customer);
    let choice = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    assert_eq!(eligibility(&kospet, &choice).postage_paid_by, Payer::Customer);
    let lx = PresetId::LxWatch.policy(); // no limit stated: a wrong item is the shop's cost
    let wrong = request(ReturnReason::WrongItemSent, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 30));
    assert_eq!(eligibility(&lx, &wrong).postage_paid_by, Payer::Shop);
}

// --- RMA validity, receiving and deadlines --------------------------------------------------

#[test]
fn rma_codes_expire_after_the_policy_period_and_extend_from_the_later_of_today_and_the_end() {
    let lx = PresetId::LxWatch.policy();
    // Wednesday 23 December + 5 days is Monday the 28th, a working day.
    let v = RmaValidity::issue(&lx, date(2026, 12, 23));
    assert_eq!(v.valid_through, date(2026, 12, 28), "5 days over Christmas");
    assert!(v.is_valid_on(date(2026, 12, 28)) && !v.is_valid_on(date(2026, 12, 29)));
    // From the end (28th + 5 = Saturday 2 January: Monday the 4th) or from today (the 30th + 5
    // = Monday the 4th as well); after expiry, from today: the 6th + 5 = Monday the 11th.
    assert_eq!(v.extended(&lx, date(2026, 12, 26)).valid_through, date(2027, 1, 4), "before expiry: from the end");
    assert_eq!(v.extended(&lx, date(2027, 1, 6)).valid_through, date(2027, 1, 11), "after expiry: from today");
    let shop004 = PresetId::RmaWebShop.policy();
    assert_eq!(RmaValidity::issue(&shop004, date(2028, 1, 31)).valid_through, date(2028, 3, 1), "30 days, leap year");
}

#[test]
fn packages_without_a_valid_code_are_held_then_go_back() {
    let lx = PresetId::LxWatch.policy();
    assert_eq!(Arrival::ValidRma.state(), ReturnState::Received);
    assert_eq!(Arrival::NoValidRma.state(), ReturnState::Held);
    assert_eq!(hold_until(&lx, date(2026, 2, 27)), Some(date(2026, 3, 2)), "3 days over a short February");
    let softerspot = PresetId::Softerspot.policy();
    assert_eq!(hold_until(&softerspot, date(2026, 2, 27)), None, "declined at once: nothing is held");
    // Inspection within 2 business days: Friday's package by Tuesday.
    assert_eq!(inspection_due(&lx, date(2026, 11, 20)), date(2026, 11, 24));
    assert_eq!(refund_due(&lx, date(2026, 12, 24)), date(2026, 12, 31), "5 business days around Christmas");
}

#[test]
fn the_state_machine_refuses_skipping_steps() {
    assert_eq!(ReturnState::Requested.move_to(ReturnState::Received).unwrap_err().code(), Code::IllegalTransition);
    assert_eq!(ReturnState::Received.move_to(ReturnState::Refunded).unwrap_err().code(), Code::IllegalTransition);
    assert!(ReturnState::Refunded.move_to(ReturnState::Received).unwrap_err().to_string().contains("cannot change"));
    for s in ReturnState::ALL {
        assert_eq!(ReturnState::from_key(s.key()), Some(s));
        assert_eq!(s.is_closed(), s.next_states().is_empty(), "{s:?}");
    }
}

// --- Refund arithmetic ----------------------------------------------------------------------

fn approve(method: RefundMethod, customs: i64, postage: i64) -> Decision {
    Decision::Approve { method, return_customs: Amount(customs), postage_reimbursed: Amount(postage) }
}

#[test]
fn a_full_refund_is_the_price_without_the_shipping_and_insurance_paid_on_top() {
    // lx-watch: "a full refund (excluding original shipping fees and insurance costs)": the
    // customer paid USD 50.00 shipping and USD 20.00 insurance on top of the USD 1,000.00
    // price; the price comes back whole, less the customs on the return.
    let lx = PresetId::LxWatch.policy();
    let r = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    let s = approve(RefundMethod::OriginalCard, 3_000, 0).settle(&lx, &r, false).unwrap();
    let amounts: Vec<i64> = s.lines.iter().map(|l| l.amount.0).collect();
    assert_eq!(amounts, [100_000, -3_000]);
    assert_eq!(s.total, Amount(97_000));
    assert_eq!(
        s.notes,
        ["Original shipping of USD 50.00 is not refunded.", "Shipping insurance of USD 20.00 is not refunded."]
    );
    let without_customs = approve(RefundMethod::OriginalCard, 0, 0).settle(&lx, &r, false).unwrap();
    assert_eq!(without_customs.total, r.purchase_price, "nothing is taken off the price");
}

#[test]
fn every_preset_refunds_the_whole_price_of_an_approved_return() {
    let r = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    for preset in PresetId::ALL {
        let s = approve(RefundMethod::OriginalCard, 0, 0).settle(&preset.policy(), &r, false).unwrap();
        assert_eq!(s.total, Amount(100_000), "{preset:?}");
        assert_eq!(s.notes.len(), 2, "{preset:?}: shipping and insurance are named as not refunded");
    }
}

#[test]
fn a_policy_that_refunds_shipping_and_insurance_adds_them_to_the_price() {
    let p = Policy { original_shipping_refunded: true, insurance_refunded: true, ..PresetId::LxWatch.policy() };
    let r = request(ReturnReason::Defective, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    let s = approve(RefundMethod::OriginalCard, 0, 0).settle(&p, &r, true).unwrap();
    assert_eq!(s.total, Amount(100_000 + 5_000 + 2_000));
    assert!(s.notes.is_empty());
}

#[test]
fn softerspot_charges_ten_percent_on_paypal_refunds_of_the_price() {
    let p = PresetId::Softerspot.policy();
    let r = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    let s = approve(RefundMethod::PayPal, 0, 0).settle(&p, &r, false).unwrap();
    // The price, 1,000.00; 10% of it, 100.00, kept as the PayPal handling fee.
    assert_eq!(s.total, Amount(90_000));
    assert_eq!(s.lines.last().unwrap().amount, Amount(-10_000));
    assert_eq!(approve(RefundMethod::OriginalCard, 0, 0).settle(&p, &r, false).unwrap().total, Amount(100_000));
    // The fee is on what is refunded after customs: (1,000.00 - 30.00) x 10% = 97.00.
    let customs = approve(RefundMethod::PayPal, 3_000, 0).settle(&p, &r, false).unwrap();
    assert_eq!(customs.total, Amount(97_000 - 9_700));
}

#[test]
fn a_dead_item_gets_the_price_and_the_postage_back() {
    let p = PresetId::Kospet.policy();
    let r = request(ReturnReason::DeadOnArrival, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    let s = approve(RefundMethod::OriginalCard, 0, 3_000).settle(&p, &r, true).unwrap();
    assert_eq!(s.total, Amount(100_000 + 3_000), "the price and the reimbursed postage");
    let err = approve(RefundMethod::OriginalCard, 0, 3_000).settle(&p, &r, false).unwrap_err();
    assert_eq!(err.fields()[0].field, "postage_reimbursed");
    let turkish = PresetId::TurkishStore.policy();
    let customs = approve(RefundMethod::OriginalCard, 500, 0).settle(
        &Policy { deduct_return_customs: false, ..turkish },
        &r,
        true,
    );
    assert_eq!(customs.unwrap_err().fields()[0].field, "return_customs");
}

#[test]
fn partial_refunds_stay_within_the_policys_range() {
    let lx = PresetId::LxWatch.policy();
    let r = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    let partial = |bp| Decision::PartialRefund { percent: Percent(bp), method: RefundMethod::OriginalCard };
    assert_eq!(partial(1_999).settle(&lx, &r, false).unwrap_err().code(), Code::PartialRefundOutOfRange);
    assert_eq!(partial(4_001).settle(&lx, &r, false).unwrap_err().code(), Code::PartialRefundOutOfRange);
    assert_eq!(partial(2_000).settle(&lx, &r, false).unwrap().total, Amount(20_000));
    assert_eq!(partial(4_000).settle(&lx, &r, false).unwrap().total, Amount(40_000));
    assert_eq!(WearGrade::Light.suggested_partial(&lx), Percent(4_000));
    assert_eq!(WearGrade::Moderate.suggested_partial(&lx), Percent(3_000));
    assert_eq!(WearGrade::Heavy.suggested_partial(&lx), Percent(2_000));
    let none = Policy { partial_refund_min: Percent(0), partial_refund_max: Percent(0), ..lx };
    assert_eq!(partial(0).settle(&none, &r, false).unwrap_err().code(), Code::PartialRefundNotOffered);
}

#[test]
fn exchanges_only_where_and_while_the_policy_offers_them() {
    let softerspot = PresetId::Softerspot.policy();
    let r = request(ReturnReason::ChangeOfMind, date(2026, 10, 1), Some(date(2026, 10, 6)), date(2026, 11, 20));
    let s = Decision::Exchange.settle(&softerspot, &r, false).unwrap();
    assert_eq!(s.total, Amount(50_000), "50% of the price");
    let late = ReturnRequest { requested_on: date(2026, 11, 21), ..r.clone() };
    assert_eq!(Decision::Exchange.settle(&softerspot, &late, false).unwrap_err().code(), Code::ExchangeWindowPassed);
    let lx = PresetId::LxWatch.policy();
    assert_eq!(Decision::Exchange.settle(&lx, &r, false).unwrap_err().code(), Code::ExchangeNotOffered);
    assert_eq!(Decision::ShipBack.settle(&lx, &r, false).unwrap().total, Amount(0));
}

#[test]
fn a_replacement_for_the_shops_fault_costs_the_customer_nothing() {
    let softerspot = PresetId::Softerspot.policy();
    // Requested long after the exchange window: a fault is judged by the return rules, not it.
    let wrong = request(ReturnReason::WrongItemSent, date(2026, 8, 1), Some(date(2026, 8, 6)), date(2026, 11, 20));
    let s = Decision::Exchange.settle(&softerspot, &wrong, false).unwrap();
    assert_eq!(s.total, Amount(0));
    assert!(s.lines[0].label.contains("no exchange fee"), "{:?}", s.lines);
    // The Turkish store promises replacements (14 business days) but no exchanges by choice.
    let turkish = PresetId::TurkishStore.policy();
    let broken = request(ReturnReason::DamagedInTransit, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    assert_eq!(Decision::Exchange.settle(&turkish, &broken, false).unwrap().total, Amount(0));
    let by_choice = ReturnRequest { reason: ReturnReason::ChangeOfMind, ..broken.clone() };
    assert_eq!(Decision::Exchange.settle(&turkish, &by_choice, false).unwrap_err().code(), Code::ExchangeNotOffered);
    // lx-watch promises neither.
    let lx = PresetId::LxWatch.policy();
    assert_eq!(Decision::Exchange.settle(&lx, &broken, false).unwrap_err().code(), Code::ExchangeNotOffered);
}

#[test]
fn the_refund_paid_must_match_the_decision() {
    let lx = PresetId::LxWatch.policy();
    let r = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
    let decided = approve(RefundMethod::PayPal, 0, 0).settle(&lx, &r, false).unwrap();
    let record = |amount, method, reference: &str| RefundRecord {
        method,
        amount: Amount(amount),
        refunded_on: date(2026, 11, 20),
        reference: reference.into(),
        account: String::new(),
    };
    let today = date(2026, 11, 20);
    assert!(record(decided.total.0, RefundMethod::PayPal, "PP-7781").validated(&decided, today).is_ok());
    assert_eq!(
        record(1, RefundMethod::PayPal, "PP").validated(&decided, today).unwrap_err().code(),
        Code::RefundDiffers
    );
    let card = record(decided.total.0, RefundMethod::OriginalCard, "x").validated(&decided, today);
    assert_eq!(card.unwrap_err().code(), Code::RefundMethodDiffers);
    assert_eq!(
        record(decided.total.0, RefundMethod::PayPal, " ").validated(&decided, today).unwrap_err().fields()[0].field,
        "reference"
    );
    let (from, to, words) = decision::posting_window(RefundMethod::OriginalCard, date(2026, 11, 20), &lx);
    assert_eq!((from, to), (date(2026, 12, 1), date(2026, 12, 10)), "7 to 14 business days");
    assert_eq!(words, "7 to 14 business days");
}

#[test]
fn refunds_show_in_the_account_within_the_shops_own_windows() {
    use crate::calendar::{Holiday, PeriodRange};
    let mut lx = PresetId::LxWatch.policy();
    lx.calendar.holidays = vec![
        Holiday { date: date(2026, 12, 25), name: "Christmas Day".into() },
        Holiday { date: date(2026, 12, 26), name: "Boxing Day".into() },
    ];
    let window = |method, day, policy: &Policy| decision::posting_window(method, day, policy);
    // PayPal within 24 hours: the day itself or the next, weekend or not
    assert_eq!(
        window(RefundMethod::PayPal, date(2026, 11, 21), &lx),
        (date(2026, 11, 21), date(2026, 11, 22), "within 1 day".to_string())
    );
    assert_eq!(window(RefundMethod::PayPal, date(2028, 2, 28), &lx).1, date(2028, 2, 29), "leap day");
    // bank transfer refunded on Friday: 1 to 3 business days over the weekend
    assert_eq!(
        window(RefundMethod::BankTransfer, date(2026, 11, 20), &lx),
        (date(2026, 11, 23), date(2026, 11, 25), "1 to 3 business days".to_string())
    );
    // card refunded on 23 December: Christmas, Boxing Day and the weekends are skipped
    let (first, last, _) = window(RefundMethod::OriginalCard, date(2026, 12, 23), &lx);
    assert_eq!((first, last), (date(2027, 1, 4), date(2027, 1, 13)));

    // the Turkish store's card refunds: 2 to 10 business days
    let turkish = PresetId::TurkishStore.policy();
    assert_eq!(
        window(RefundMethod::OriginalCard, date(2026, 11, 20), &turkish),
        (date(2026, 11, 24), date(2026, 12, 4), "2 to 10 business days".to_string())
    );
    // a shop's own edit is what counts
    let edited = Policy { paypal_refund_posting: PeriodRange::business_days(3, 5), ..lx };
    assert_eq!(
        window(RefundMethod::PayPal, date(2026, 11, 20), &edited),
        (date(2026, 11, 25), date(2026, 11, 27), "3 to 5 business days".to_string())
    );
}

proptest! {
    /// A refund is never negative nor above the price (SOFTERSPOT refunds no shipping).
    #[test]
    fn refunds_stay_between_zero_and_the_price(
        price in 1i64..10_000_000,
        shipping in 0i64..1_000_000,
        insurance in 0i64..1_000_000,
        customs in 0i64..1_000_000,
        paypal: bool,
    ) {
        let p = PresetId::Softerspot.policy();
        let mut r = request(ReturnReason::ChangeOfMind, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
        r.purchase_price = Amount(price);
        r.original_shipping = Amount(shipping);
        r.insurance_paid = Amount(insurance);
        let method = if paypal { RefundMethod::PayPal } else { RefundMethod::OriginalCard };
        let s = approve(method, customs, 0).settle(&p, &r, false).unwrap();
        prop_assert!(s.total.0 >= 0 && s.total.0 <= price);
    }
}

#[test]
fn the_preview_judges_eligibility_before_the_rest_of_the_form_is_filled() {
    let form: ReturnForm = serde_json::from_value(serde_json::json!({
        "order_number": "", "product": "", "currency": "HKD", "purchase_price": "",
        "paid_with": "original_card", "purchase_date": "2026-11-02", "delivery_date": "2026-11-06",
        "reason": "change_of_mind", "requested_on": null, "channel": "email"
    }))
    .unwrap();
    let r = form.preview(date(2026, 11, 10), crate::NumberStyle::PointDecimals).unwrap();
    assert!(eligibility(&PresetId::LxWatch.policy(), &r).eligible());
    let err = form.parse(date(2026, 11, 10), crate::NumberStyle::PointDecimals).unwrap_err();
    let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert!(fields.contains(&"customer.name") && fields.contains(&"order_number"), "{fields:?}");
}

#[test]
fn the_serial_is_kept_as_typed_on_one_line_and_a_change_to_it_is_a_correction() {
    let form = |serial: &str| -> ReturnForm {
        serde_json::from_value(serde_json::json!({
            "customer": { "kind": "existing", "id": 1 },
            "order_number": "CW-1", "product": "Seiko Presage", "serial": serial, "currency": "HKD",
            "purchase_price": "100", "paid_with": "original_card", "purchase_date": "2026-11-02",
            "reason": "change_of_mind", "requested_on": null, "channel": "email"
        }))
        .unwrap()
    };
    let today = date(2026, 11, 10);
    let (_, r) = form("  4R35-01T0 ").parse(today, crate::NumberStyle::PointDecimals).unwrap();
    assert_eq!(r.serial, "4R35-01T0");
    let (_, none) = form("").parse(today, crate::NumberStyle::PointDecimals).unwrap();
    assert_eq!(none.serial, "", "a serial is not required: a box may have none");
    let too_long = form(&"9".repeat(61)).parse(today, crate::NumberStyle::PointDecimals).unwrap_err();
    assert_eq!(too_long.fields()[0].field, "serial");
    let two_lines = form("4R35\n01T0").parse(today, crate::NumberStyle::PointDecimals).unwrap_err();
    assert_eq!(two_lines.fields()[0].field, "serial");
    let changes = none.corrections_to(&r);
    assert_eq!(changes.len(), 1);
    assert_eq!((changes[0].field.as_str(), changes[0].to.as_str()), ("serial", "4R35-01T0"));
    // A request recorded before the serial was asked reads as one without it.
    let mut old = serde_json::to_value(&r).unwrap();
    old.as_object_mut().unwrap().remove("serial");
    assert_eq!(serde_json::from_value::<ReturnRequest>(old).unwrap().serial, "");
}

#[test]
fn the_rma_web_shop_gives_30_days_from_the_codes_issue() {
    let p = PresetId::RmaWebShop.policy();
    let r = request(ReturnReason::Defective, date(2026, 11, 1), Some(date(2026, 11, 6)), date(2026, 11, 30));
    assert!(eligibility(&p, &r).eligible(), "{:?}", eligibility(&p, &r));
    let v = RmaValidity::issue(&p, r.requested_on);
    assert_eq!(v.valid_through, date(2026, 12, 30), "30 days over the month end");
    assert!(v.is_valid_on(date(2026, 12, 30)) && !v.is_valid_on(date(2026, 12, 31)));
    let before_delivery = ReturnRequest { requested_on: date(2026, 11, 5), ..r };
    assert!(!eligibility(&p, &before_delivery).eligible(), "asked before the goods arrived");
}

// --- Deadlines given to customers fall on a day the shop is open ---------------------------

fn with_holidays(mut p: Policy, country: crate::presets::Country, year: i16) -> Policy {
    p.calendar.holidays = country.public_holidays(year);
    p
}

#[test]
fn an_rma_code_due_on_a_weekend_runs_to_the_next_working_day() {
    let lx = PresetId::LxWatch.policy();
    // Issued Tuesday 29 December 2026: 5 days is Sunday 3 January 2027, the year end passed.
    let v = RmaValidity::issue(&lx, date(2026, 12, 29));
    assert_eq!(v.valid_through, date(2027, 1, 4), "Sunday: Monday");
    // Issued Monday 2 March 2026: Saturday the 7th becomes Monday the 9th.
    assert_eq!(RmaValidity::issue(&lx, date(2026, 3, 2)).valid_through, date(2026, 3, 9));
    // A six-day shop receives on Saturdays: the 7th stands.
    let mut six = lx.clone();
    six.calendar.working_days.push(jiff::civil::Weekday::Saturday);
    assert_eq!(RmaValidity::issue(&six, date(2026, 3, 2)).valid_through, date(2026, 3, 7));
    // A working day is left as it is.
    assert_eq!(RmaValidity::issue(&lx, date(2026, 3, 4)).valid_through, date(2026, 3, 9));
}

#[test]
fn an_rma_code_due_on_a_public_holiday_runs_past_it() {
    use crate::presets::Country;
    // Hong Kong: issued Monday 21 December 2026, 5 days is Saturday 26 December (the first
    // weekday after Christmas), then Sunday: Monday the 28th.
    let hk = with_holidays(PresetId::LxWatch.policy(), Country::HongKong, 2026);
    assert_eq!(RmaValidity::issue(&hk, date(2026, 12, 21)).valid_through, date(2026, 12, 28));
    // The year end: issued Sunday 27 December 2026, 5 days is Friday 1 January 2027, a holiday.
    let hk27 = with_holidays(PresetId::LxWatch.policy(), Country::HongKong, 2027);
    assert_eq!(RmaValidity::issue(&hk27, date(2026, 12, 27)).valid_through, date(2027, 1, 4));
    // Türkiye: issued Sunday 15 March 2026, 5 days is Friday 20 March, Ramazan Bayramı (to the
    // 22nd): Monday the 23rd.
    let tr = with_holidays(PresetId::TurkishStore.policy(), Country::Turkey, 2026);
    assert_eq!(RmaValidity::issue(&tr, date(2026, 3, 15)).valid_through, date(2026, 3, 23));
    // The code stays valid through the day it moved to, and the clock expires it after.
    let v = RmaValidity::issue(&tr, date(2026, 3, 15));
    assert!(v.is_valid_on(date(2026, 3, 23)) && !v.is_valid_on(date(2026, 3, 24)));
    // Extended over the Kurban Bayramı: from Friday 22 May 2026, 5 days is Wednesday the 27th;
    // the shop is closed through Saturday the 30th and Sunday: Monday 1 June.
    let late = RmaValidity { issued_on: date(2026, 5, 18), valid_through: date(2026, 5, 20) };
    assert_eq!(late.extended(&tr, date(2026, 5, 22)).valid_through, date(2026, 6, 1));
}

// --- The refund deadline counts from receipt or from the decision -----------------------

#[test]
fn the_turkish_store_refunds_within_14_days_of_the_package_reaching_it() {
    let tr = PresetId::TurkishStore.policy();
    let approve = Decision::Approve {
        method: RefundMethod::OriginalCard,
        return_customs: Amount(0),
        postage_reimbursed: Amount(0),
    };
    // Received Monday 28 December 2026, inspected Monday 4 January 2027: due 11 January (14
    // days from receipt, over the year end), not 18 January (14 days from the decision).
    let due = approve.due(&tr, Some(date(2026, 12, 28)), date(2027, 1, 4));
    assert_eq!(due, Some(date(2027, 1, 11)));
    // lx-watch counts from the decision: 5 business days from Thursday 24 December 2026.
    let lx = PresetId::LxWatch.policy();
    assert_eq!(approve.due(&lx, Some(date(2026, 12, 20)), date(2026, 12, 24)), Some(date(2026, 12, 31)));
    // SOFTERSPOT: 2 business days from receipt; received Friday 27 February 2026: Tuesday 3 March.
    let s = PresetId::Softerspot.policy();
    assert_eq!(approve.due(&s, Some(date(2026, 2, 27)), date(2026, 3, 2)), Some(date(2026, 3, 3)));
    // A receipt day unknown falls back on the decision day.
    assert_eq!(refund_deadline(&tr, None, date(2027, 1, 4)), date(2027, 1, 18));
}

#[test]
fn the_turkish_store_replaces_a_defective_unit_one_to_one_within_14_business_days() {
    let tr = with_holidays(PresetId::TurkishStore.policy(), crate::presets::Country::Turkey, 2026);
    assert!(tr.offers_exchange(), "a replacement is offered though no exchange by choice is");
    assert!(tr.exchange_window.is_none());
    let r = ReturnRequest {
        wants: Remedy::Exchange,
        ..request(ReturnReason::Defective, date(2026, 5, 10), Some(date(2026, 5, 12)), date(2026, 5, 14))
    };
    let e = eligibility(&tr, &r);
    assert!(e.eligible(), "{e:?}");
    assert_eq!(e.postage_paid_by, Payer::Shop);
    let s = Decision::Exchange.settle(&tr, &r, true).unwrap();
    assert_eq!(s.total, Amount(0), "one-to-one, at no cost");
    // Decided Friday 22 May 2026: 14 business days skip the Kurban Bayramı (27 to 30 May).
    assert_eq!(Decision::Exchange.due(&tr, Some(date(2026, 5, 20)), date(2026, 5, 22)), Some(date(2026, 6, 16)));
    // A change of mind asked as an exchange is not one: the shop offers none by choice.
    let choice = ReturnRequest { reason: ReturnReason::ChangeOfMind, ..r };
    assert_eq!(Decision::Exchange.settle(&tr, &choice, true).unwrap_err().code(), Code::ExchangeNotOffered);
    // Reasons the request form offers: "sent again" only where it changes who pays.
    assert!(ReturnReason::offered(&tr).contains(&ReturnReason::SentAgain));
    assert!(!ReturnReason::offered(&PresetId::LxWatch.policy()).contains(&ReturnReason::SentAgain));
}

#[test]
fn an_exchange_is_offered_by_choice_in_a_window_and_for_faults_where_units_are_replaced() {
    let turkish = PresetId::TurkishStore.policy();
    assert!(!ReturnReason::ChangeOfMind.exchange_offered(&turkish), "no exchange by choice");
    assert!(ReturnReason::Defective.exchange_offered(&turkish), "a defect is replaced one to one");
    assert!(ReturnReason::DamagedInTransit.exchange_offered(&turkish));
    let softerspot = PresetId::Softerspot.policy();
    assert!(ReturnReason::ChangeOfMind.exchange_offered(&softerspot), "within the 45-day window");
}
