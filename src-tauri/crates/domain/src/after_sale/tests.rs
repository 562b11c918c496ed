use jiff::civil::{date, Date};
use proptest::prelude::*;

use super::account::AccountFacts;
use super::*;
use crate::calendar::{Holiday, Period};
use crate::quotation::{LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use crate::staff::StaffId;
use crate::ticket::{TicketNumber, TicketState};
use crate::Code;
use crate::{Amount, Currency, Percent, Policy};

fn hkd() -> Currency {
    Currency::from_code("HKD").unwrap()
}

fn quotation(repair_cents: i64, cosmetic_cents: i64) -> crate::quotation::Quotation {
    let line = |section, cents| QuoteLine {
        kind: LineKind::Labour,
        section,
        description: "Work".into(),
        quantity: Quantity(100),
        unit_price: Amount(cents),
        taxable: false,
        part: None,
    };
    let mut lines = vec![line(Section::Repair, repair_cents)];
    if cosmetic_cents > 0 {
        lines.push(line(Section::Cosmetic, cosmetic_cents));
    }
    QuotationDraft { lines, timeline_working_days: 3, parts_returned: false }
        .issue(TicketNumber { branch: None, year: 2026, seq: 7 }, 1, &Policy::default(), Percent(0), date(2026, 11, 2))
        .unwrap()
}

fn payment(kind: EntryKind, cents: i64) -> Payment {
    Payment {
        id: 0,
        entry: PaymentEntry { kind, amount: Amount(cents), method: PaymentMethod::Cash, reference: String::new() },
        paid_on: date(2026, 11, 20),
        staff: StaffId(1),
    }
}

fn account(
    q: Option<(&crate::quotation::Quotation, bool)>,
    n: Option<&CollectionNotice>,
    as_of: Date,
    p: &[Payment],
) -> Account {
    Account::of(
        &Policy::default(),
        &AccountFacts { accepted: q, covered: false, notice: n, shipping: None, payments: p, as_of },
    )
}

// --- Storage fee -------------------------------------------------------------------------

#[test]
fn storage_is_free_through_the_seventh_day_and_charged_from_the_eighth() {
    let n = CollectionNotice::issue(&Policy::default(), date(2026, 11, 10));
    assert_eq!(n.last_free_day, date(2026, 11, 17));
    assert_eq!(n.fees_from, date(2026, 11, 18));
    assert_eq!(n.storage_fee(date(2026, 11, 10)), Amount(0), "notice day");
    assert_eq!(n.storage_fee(date(2026, 11, 17)), Amount(0), "notice day + 7");
    assert_eq!(n.storage_fee(date(2026, 11, 18)), Amount(1_000), "notice day + 8: one day's fee");
    assert_eq!(n.storage_fee(date(2026, 11, 20)), Amount(3_000), "notice day + 10");
}

#[test]
fn storage_runs_over_month_and_year_ends_and_leap_days() {
    let p = Policy::default();
    let jan = CollectionNotice::issue(&p, date(2026, 1, 28));
    assert_eq!(jan.fees_from, date(2026, 2, 5));
    let feb = CollectionNotice::issue(&p, date(2028, 2, 25));
    assert_eq!(feb.last_free_day, date(2028, 3, 3), "2028 is a leap year: 29 February counts");
    assert_eq!(feb.storage_fee(date(2028, 3, 4)), Amount(1_000));
    let dec = CollectionNotice::issue(&p, date(2026, 12, 28));
    assert_eq!(dec.fees_from, date(2027, 1, 5));
    assert_eq!(dec.storage_fee(date(2027, 1, 31)), Amount(27 * 1_000));
    let month_end = CollectionNotice::issue(&p, date(2026, 10, 30));
    assert_eq!(month_end.storage_fee(date(2026, 11, 30)), Amount(24 * 1_000), "7 Nov to 30 Nov");
}

#[test]
fn a_grace_in_business_days_skips_weekends_and_holidays() {
    let mut p = Policy { storage_grace: Period::business_days(7), ..Policy::default() };
    p.calendar.holidays.push(Holiday { date: date(2026, 12, 25), name: "Christmas".into() });
    // Monday 21 Dec: Tue 22, Wed 23, Thu 24, (Fri 25 holiday), Mon 28, Tue 29, Wed 30, Thu 31.
    let n = CollectionNotice::issue(&p, date(2026, 12, 21));
    assert_eq!(n.last_free_day, date(2026, 12, 31));
    assert_eq!(n.fees_from, date(2027, 1, 1));
}

#[test]
fn no_fee_when_the_shop_charges_none() {
    let p = Policy { storage_fee_per_day: Amount(0), ..Policy::default() };
    let n = CollectionNotice::issue(&p, date(2026, 11, 1));
    assert!(!n.charges_storage());
    let a = account(None, Some(&n), date(2027, 1, 1), &[]);
    assert!(a.charges.is_empty());
}

#[test]
fn the_media_request_deadline_is_one_business_day() {
    let n = CollectionNotice::issue(&Policy::default(), date(2026, 11, 20)); // a Friday
    assert_eq!(n.media_request_by, Some(date(2026, 11, 23)), "the Monday after");
    let no_offer = Policy { extra_media_request: Period::days(0), ..Policy::default() };
    assert_eq!(CollectionNotice::issue(&no_offer, date(2026, 11, 20)).media_request_by, None, "not offered");
}

// --- Balance -------------------------------------------------------------------------------

#[test]
fn balance_adds_quotation_storage_and_subtracts_payments() {
    let q = quotation(100_000, 30_000);
    let n = CollectionNotice::issue(&Policy::default(), date(2026, 11, 10));
    let deposit = payment(EntryKind::Payment, 50_000);
    let a = account(Some((&q, true)), Some(&n), date(2026, 11, 20), std::slice::from_ref(&deposit));
    let kinds: Vec<_> = a.charges.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChargeKind::Repair, ChargeKind::Cosmetic, ChargeKind::Storage]);
    assert_eq!(a.total_charges, Amount(100_000 + 30_000 + 3_000));
    assert_eq!(a.balance, Amount(83_000));
    assert_eq!(a.check_release(hkd()).unwrap_err().code(), Code::BalanceDue);
    let declined_cosmetic = account(Some((&q, false)), None, date(2026, 11, 20), &[deposit]);
    assert_eq!(declined_cosmetic.balance, Amount(50_000));
}

#[test]
fn a_deposit_before_the_quotation_is_a_credit_and_an_overpayment_must_be_refunded() {
    let early = account(None, None, date(2026, 11, 1), &[payment(EntryKind::Payment, 20_000)]);
    assert_eq!(early.balance, Amount(-20_000));
    assert_eq!(early.check_release(hkd()).unwrap_err().code(), Code::CreditToRefund);
    let q = quotation(15_000, 0);
    let entries = [payment(EntryKind::Payment, 20_000), payment(EntryKind::Refund, 5_000)];
    let settled = account(Some((&q, false)), None, date(2026, 11, 20), &entries);
    assert_eq!(settled.balance, Amount(0));
    assert!(settled.check_release(hkd()).is_ok());
}

#[test]
fn refunds_only_return_an_overpayment() {
    let refund = |cents| PaymentEntry {
        kind: EntryKind::Refund,
        amount: Amount(cents),
        method: PaymentMethod::BankTransfer,
        reference: "TX-1".into(),
    };
    assert_eq!(refund(100).validated(Amount(0), hkd()).unwrap_err().code(), Code::RefundExceedsCredit);
    assert_eq!(refund(100).validated(Amount(5_000), hkd()).unwrap_err().code(), Code::RefundExceedsCredit);
    assert_eq!(refund(5_001).validated(Amount(-5_000), hkd()).unwrap_err().code(), Code::RefundExceedsCredit);
    assert!(refund(5_000).validated(Amount(-5_000), hkd()).is_ok());
}

#[test]
fn payment_entries_are_checked() {
    let entry = |cents, method, reference: &str| PaymentEntry {
        kind: EntryKind::Payment,
        amount: Amount(cents),
        method,
        reference: reference.into(),
    };
    let fields = |e: PaymentEntry| -> Vec<String> {
        e.validated(Amount(0), hkd()).unwrap_err().fields().iter().map(|f| f.field.clone()).collect()
    };
    assert_eq!(fields(entry(0, PaymentMethod::Cash, "")), ["amount"]);
    assert_eq!(fields(entry(-5, PaymentMethod::Cash, "")), ["amount"]);
    assert_eq!(fields(entry(MAX_ENTRY_PLUS_ONE, PaymentMethod::Cash, "")), ["amount"]);
    assert_eq!(fields(entry(100, PaymentMethod::Card, " ")), ["reference"], "a card slip is evidence");
    assert_eq!(fields(entry(100, PaymentMethod::PayPal, "a\u{7}b")), ["reference"]);
    assert!(entry(100, PaymentMethod::Cash, "").validated(Amount(0), hkd()).is_ok());
    let form = PaymentForm {
        kind: EntryKind::Payment,
        amount: "1,234.5".into(),
        method: PaymentMethod::Card,
        reference: "x".into(),
        plan: InstalmentFields::default(),
        confirm_over_balance: false,
    };
    assert_eq!(form.parse(hkd(), BANKS_MOST).unwrap().entry.amount, Amount(123_450));
    let bad = PaymentForm { amount: "12.345".into(), ..form };
    assert_eq!(bad.parse(hkd(), BANKS_MOST).unwrap_err().fields()[0].field, "amount");
}

const MAX_ENTRY_PLUS_ONE: i64 = payment::MAX_ENTRY.0 + 1;

proptest! {
    /// Recording payments the way the counter can (no refund beyond the credit), the balance
    /// is negative only after an overpayment, and release is possible exactly at zero.
    #[test]
    fn balance_is_negative_only_after_an_overpayment(
        repair in 0i64..500_000,
        cosmetic in 0i64..100_000,
        cosmetic_accepted: bool,
        storage_days in 0i64..60,
        entries in proptest::collection::vec((any::<bool>(), 1i64..300_000), 0..8),
    ) {
        let q = quotation(repair.max(1), cosmetic);
        let notice = CollectionNotice::issue(&Policy::default(), date(2026, 11, 1));
        let as_of = notice.last_free_day.saturating_add(jiff::Span::new().days(storage_days));
        let mut recorded: Vec<Payment> = Vec::new();
        let mut overpaid = false;
        for (is_refund, cents) in entries {
            let before = account(Some((&q, cosmetic_accepted)), Some(&notice), as_of, &recorded);
            let kind = if is_refund { EntryKind::Refund } else { EntryKind::Payment };
            let entry = PaymentEntry { kind, amount: Amount(cents), method: PaymentMethod::Cash, reference: String::new() };
            if entry.validated(before.balance, hkd()).is_ok() {
                recorded.push(payment(kind, cents));
                overpaid |= kind == EntryKind::Payment && cents > before.balance.0;
            }
            let after = account(Some((&q, cosmetic_accepted)), Some(&notice), as_of, &recorded);
            prop_assert!(after.balance.0 >= 0 || overpaid, "negative balance without an overpayment");
            prop_assert_eq!(after.check_release(hkd()).is_ok(), after.balance.0 == 0);
            prop_assert_eq!(after.balance.0, after.total_charges.0 - after.paid.0 + after.refunded.0);
        }
    }

    #[test]
    fn storage_fee_is_days_past_the_grace_times_the_fee(offset in -30i64..400) {
        let notice = CollectionNotice::issue(&Policy::default(), date(2026, 12, 25));
        let day = notice.issued_on.saturating_add(jiff::Span::new().days(offset));
        let expected = (offset - 7).max(0) * 1_000;
        prop_assert_eq!(notice.storage_fee(day), Amount(expected));
    }
}

// --- Shipping ------------------------------------------------------------------------------

fn shipping(declared: i64, fee: i64, insured: bool, signature: bool) -> Shipping {
    Shipping {
        courier: Courier::Ups,
        courier_name: String::new(),
        service: "Express".into(),
        declared_value: Amount(declared),
        fee: Amount(fee),
        insured,
        signature,
        address: "1 Harbour Road\nWan Chai".into(),
        commercial_invoice: false,
    }
}

#[test]
fn insurance_is_eight_percent_of_the_order_total_rounded_half_away() {
    let p = Policy::default();
    let costs = shipping(30_000, 12_000, true, false).costs(&p, Amount(100_000), false);
    assert_eq!(costs.order_total, Amount(112_000));
    assert_eq!(costs.insurance, Amount(8_960));
    // 8% of 10.06 = 0.8048 -> 0.80; of 10.07 = 0.8056 -> 0.81
    assert_eq!(shipping(100, 6, true, false).costs(&p, Amount(1_000), false).insurance, Amount(80));
    assert_eq!(shipping(100, 7, true, false).costs(&p, Amount(1_000), false).insurance, Amount(81));
    assert_eq!(shipping(30_000, 12_000, false, false).costs(&p, Amount(100_000), false).insurance, Amount(0));
}

#[test]
fn warranty_repairs_ship_at_the_shops_cost() {
    let q = quotation(0, 0);
    let s = shipping(40_000, 15_000, false, false);
    let a = Account::of(
        &Policy::default(),
        &AccountFacts {
            accepted: None,
            covered: true,
            notice: None,
            shipping: Some(&s),
            payments: &[],
            as_of: q.issued_on,
        },
    );
    assert_eq!(a.charges.len(), 1);
    assert_eq!(a.charges[0].amount, Amount(0));
    assert!(a.charges[0].label.contains("paid by the shop"));
    assert!(a.is_settled());
}

#[test]
fn a_signature_is_required_above_the_threshold_and_cannot_be_waived() {
    let p = Policy::default(); // USD 500.00
    let at = shipping(50_000, 0, false, false);
    assert!(!at.costs(&p, Amount(0), false).signature_required, "exactly 500 is not above it");
    assert!(at.validated(&p, Amount(0), false, hkd()).is_ok());
    let above = shipping(50_001, 0, false, false);
    assert_eq!(above.validated(&p, Amount(0), false, hkd()).unwrap_err().code(), Code::SignatureRequired);
    assert!(shipping(50_001, 0, false, true).validated(&p, Amount(0), false, hkd()).is_ok());
    let big_order = shipping(10_000, 2_000, false, false);
    assert_eq!(big_order.validated(&p, Amount(49_000), false, hkd()).unwrap_err().code(), Code::SignatureRequired);
    let no_rule = Policy { signature_threshold: Amount(0), ..Policy::default() };
    assert!(above.validated(&no_rule, Amount(0), false, hkd()).is_ok());
}

#[test]
fn shipping_choices_are_checked() {
    let p = Policy::default();
    let mut s = shipping(0, -1, false, false);
    s.courier = Courier::Other;
    s.address = "  ".into();
    let err = s.validated(&p, Amount(0), false, hkd()).unwrap_err();
    let mut fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["address", "courier_name", "declared_value", "fee"]);
}

#[test]
fn a_shop_shipping_within_its_own_country_is_asked_no_customs_and_no_rule_it_has_not() {
    let tr = crate::presets::PresetId::TurkishStore.policy();
    let f = ShippingFields::of(&tr);
    assert_eq!(
        (f.declared_value, f.commercial_invoice, f.insurance, f.signature),
        (false, false, false, false),
        "a Kadıköy customer: no customs, no insurance, no signature rule"
    );
    let lx = ShippingFields::of(&Policy::default());
    assert!(lx.declared_value && lx.commercial_invoice && lx.insurance && lx.signature, "lx-watch ships abroad");
    // A Yurtiçi Kargo parcel with no declared value is taken; what does not apply is not kept.
    let lira = Currency::from_code("TRY").unwrap();
    let mut s = shipping(0, 9_000, true, true);
    s.courier = Courier::YurticiKargo;
    s.commercial_invoice = true;
    let kept = s.validated(&tr, Amount(600_000), false, lira).unwrap();
    assert!(!kept.insured && !kept.signature && !kept.commercial_invoice, "{kept:?}");
    assert_eq!(kept.courier_label(), "Yurtiçi Kargo");
    assert_eq!(kept.costs(&tr, Amount(600_000), false).insurance, Amount::ZERO);
    // The form's empty declared value reads as none.
    let form = ShippingForm {
        courier: Courier::ArasKargo,
        courier_name: String::new(),
        service: String::new(),
        declared_value: String::new(),
        fee: "90".into(),
        insured: false,
        signature: false,
        address: "Bağdat Cd. 12, Kadıköy".into(),
        commercial_invoice: false,
    };
    assert_eq!(form.parse(lira).unwrap().declared_value, Amount::ZERO);
}

// --- Release --------------------------------------------------------------------------------

#[test]
fn release_is_refused_with_a_balance_and_from_the_wrong_state() {
    let q = quotation(20_000, 0);
    let owing = account(Some((&q, false)), None, date(2026, 11, 20), &[]);
    let collect = Release::Collected(Collection { collected_by: "Ayşe Yılmaz".into(), confirmation_shown: true });
    let today = date(2026, 11, 20);
    let err = collect.validated(TicketState::ReadyForCollection, &owing, &[], true, hkd(), today).unwrap_err();
    assert_eq!(err.code(), Code::BalanceDue);
    let by_card = [paid_by(PaymentMethod::Card, 20_000)];
    let paid = account(Some((&q, false)), None, today, &by_card);
    assert_eq!(
        collect.validated(TicketState::ReadyForCollection, &paid, &by_card, true, hkd(), today).unwrap().state(),
        TicketState::Collected
    );
    assert_eq!(
        collect.validated(TicketState::InRepair, &paid, &by_card, true, hkd(), today).unwrap_err().code(),
        Code::IllegalTransition
    );
    let no_proof = Release::Collected(Collection { collected_by: "A".into(), confirmation_shown: false });
    let by_transfer = [paid_by(PaymentMethod::BankTransfer, 20_000)];
    let paid_from_afar = account(Some((&q, false)), None, today, &by_transfer);
    let refused =
        no_proof.validated(TicketState::ReadyForCollection, &paid_from_afar, &by_transfer, true, hkd(), today);
    assert_eq!(refused.unwrap_err().fields()[0].field, "confirmation_shown", "a bank transfer: show the confirmation");
}

fn paid_by(method: PaymentMethod, cents: i64) -> Payment {
    let mut p = payment(EntryKind::Payment, cents);
    p.entry.method = method;
    p.entry.reference = if method == PaymentMethod::Cash { String::new() } else { "ref 0117".into() };
    p
}

#[test]
fn the_payment_confirmation_is_asked_only_for_money_paid_from_afar_not_taken_at_the_counter() {
    let today = date(2026, 11, 20);
    let q = quotation(119_050, 0);
    let no_proof = Release::Collected(Collection { collected_by: "Wong Ka Ming".into(), confirmation_shown: false });
    let hand_over = |payments: &[Payment]| {
        let a = account(Some((&q, false)), None, today, payments);
        no_proof.validated(TicketState::ReadyForCollection, &a, payments, true, hkd(), today)
    };
    // HKD 1,190.50 taken at the counter (cash, the card reader, a card in instalments, the
    // Octopus reader): the shop saw the money itself, nothing to show.
    for method in [PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::Instalments, PaymentMethod::Octopus] {
        let taken = [paid_by(method, 119_050)];
        assert!(!Collection::asks_confirmation(&account(Some((&q, false)), None, today, &taken), &taken), "{method:?}");
        assert!(hand_over(&taken).is_ok(), "{method:?} just taken needs no confirmation");
    }
    // Paid by FPS or PayMe from the customer's phone, by PayPal or by bank transfer, even in
    // part: the confirmation is asked.
    for method in [PaymentMethod::Fps, PaymentMethod::PayMe, PaymentMethod::PayPal, PaymentMethod::BankTransfer] {
        let entries = [paid_by(method, 19_050), paid_by(PaymentMethod::Card, 100_000)];
        assert_eq!(hand_over(&entries).unwrap_err().fields()[0].field, "confirmation_shown", "{method:?}");
    }
    // A warranty repair: nothing charged, nothing owed, nothing to confirm.
    let nothing = account(None, None, today, &[]);
    assert!(!Collection::asks_confirmation(&nothing, &[]));
    assert!(no_proof.validated(TicketState::ReadyForCollection, &nothing, &[], true, hkd(), today).is_ok());
}

#[test]
fn dispatch_checks_tracking_date_and_window() {
    let today = date(2026, 11, 20);
    let settled = account(None, None, today, &[]);
    let dispatch = |tracking: &str, on, min, max| {
        Release::Dispatched(Dispatch {
            tracking: tracking.into(),
            dispatched_on: on,
            window: DeliveryWindow { min_days: min, max_days: max },
        })
    };
    let ok = dispatch(" 1z 999aa1 0123456784 ", today, 3, 7)
        .validated(TicketState::ReadyForCollection, &settled, &[], true, hkd(), today)
        .unwrap();
    let Release::Dispatched(d) = ok else { panic!() };
    assert_eq!(d.tracking, "1Z999AA10123456784");
    let err = dispatch("12", date(2026, 11, 21), 5, 3)
        .validated(TicketState::ReadyForCollection, &settled, &[], true, hkd(), today)
        .unwrap_err();
    let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["tracking", "dispatched_on", "window"]);
    assert!(handover::tracking_number("<script>").is_err());
}

#[test]
fn the_delivery_window_counts_business_days() {
    let cal = Policy::default().calendar;
    let w = DeliveryWindow { min_days: 3, max_days: 7 };
    // Friday 27 Nov 2026: Wed 2 Dec to Tue 8 Dec.
    assert_eq!(w.dates(date(2026, 11, 27), &cal), (date(2026, 12, 2), date(2026, 12, 8)));
}

#[test]
fn old_parts_stay_with_the_shop_unless_agreed() {
    let mut q = quotation(1_000, 0);
    assert_eq!(OldPart::default_for(&Policy::default(), Some(&q)), OldPart::RetainedByShop);
    q.draft.parts_returned = true;
    assert_eq!(OldPart::default_for(&Policy::default(), Some(&q)), OldPart::ReturnedToCustomer);
}

#[test]
fn completion_needs_work_and_a_photo() {
    let c = Completion {
        work_performed: " ".into(),
        parts: vec![ReplacedPart { description: "".into(), old_part: OldPart::Disposed }],
        photos: vec![],
        work_kind: None,
    };
    let err = c.validated().unwrap_err();
    let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["work_performed", "parts.0.description", "photos"]);
}

#[test]
fn a_dispatch_needs_the_shipping_chosen_first() {
    let today = date(2026, 11, 20);
    let settled = account(None, None, today, &[]);
    let d = Release::Dispatched(Dispatch {
        tracking: "1Z999AA10123456784".into(),
        dispatched_on: today,
        window: DeliveryWindow { min_days: 3, max_days: 7 },
    });
    let err = d.validated(TicketState::ReadyForCollection, &settled, &[], false, hkd(), today).unwrap_err();
    assert_eq!(err.code(), Code::ShippingNotChosen);
}

// --- Payments above the balance, instalments and voids --------------------------------------

/// The most instalments banks spread a card payment over: no shop's own limit.
const BANKS_MOST: u8 = InstalmentPlan::MOST;

fn form(amount: &str, method: PaymentMethod, reference: &str) -> PaymentForm {
    PaymentForm {
        kind: EntryKind::Payment,
        amount: amount.into(),
        method,
        reference: reference.into(),
        plan: InstalmentFields::default(),
        confirm_over_balance: false,
    }
}

/// An account of a repair quoted at `cents` with nothing paid yet.
fn owing(cents: i64) -> Account {
    let q = quotation(cents, 0);
    account(Some((&q, false)), None, date(2026, 11, 20), &[])
}

#[test]
fn a_payment_above_the_balance_is_taken_only_once_confirmed() {
    // HKD 11,905.00 typed for a balance of HKD 1,190.50.
    let due = owing(119_050);
    let typo = form("11,905.00", PaymentMethod::Cash, "").parse(hkd(), BANKS_MOST).unwrap();
    let err = typo.validated(&due, hkd()).unwrap_err();
    assert_eq!(err.code(), Code::PaymentAboveBalance);
    let fields = err.fields();
    assert_eq!(fields[0].field, "amount");
    assert_eq!(
        fields[0].message,
        "HKD 11,905.00 is more than the balance of HKD 1,190.50: HKD 10,714.50 would be a credit to refund. \
         Check the amount, or record it anyway."
    );
    assert_eq!(err.to_string(), fields[0].message, "the sentence is the refusal's message");
    assert_eq!(
        (fields[1].field.as_str(), fields[1].message.as_str()),
        ("confirm_over_balance", "Record HKD 11,905.00 anyway")
    );
    let confirmed = NewPayment { confirm_over_balance: true, ..typo };
    assert!(confirmed.validated(&due, hkd()).is_ok());

    // The exact balance, and one cent under it, need nothing; one cent over does.
    for (typed, asks) in [("1,190.50", false), ("1,190.49", false), ("1,190.51", true)] {
        let p = form(typed, PaymentMethod::Card, "slip 1").parse(hkd(), BANKS_MOST).unwrap();
        assert_eq!(p.validated(&due, hkd()).is_err(), asks, "{typed}");
    }
    // Settled already: any further payment is asked about, in words that say nothing is owed.
    let settled = Account { balance: Amount(0), ..due.clone() };
    let again =
        form("100", PaymentMethod::Cash, "").parse(hkd(), BANKS_MOST).unwrap().validated(&settled, hkd()).unwrap_err();
    assert!(again.to_string().starts_with("Nothing is owed on this ticket, so all of HKD 100.00"), "{again}");
    // Before anything is charged a payment is a deposit, held as a credit.
    let nothing = account(None, None, date(2026, 11, 20), &[]);
    assert!(form("500", PaymentMethod::Cash, "").parse(hkd(), BANKS_MOST).unwrap().validated(&nothing, hkd()).is_ok());
}

#[test]
fn the_lira_balance_is_spelt_out_the_turkish_way() {
    let try_ = Currency::from_code("TRY").unwrap().with_style(crate::NumberStyle::CommaDecimals);
    let due = owing(1_249_900);
    let err =
        form("124.990,00", PaymentMethod::Cash, "").parse(try_, BANKS_MOST).unwrap().validated(&due, try_).unwrap_err();
    assert!(err.to_string().starts_with("TRY 124.990,00 is more than the balance of TRY 12.499,00"), "{err}");
}

#[test]
fn a_payment_in_instalments_records_their_number_and_the_bank() {
    let instalments = |count: &str, bank: &str| PaymentForm {
        plan: InstalmentFields { instalment_count: count.into(), instalment_bank: bank.into() },
        ..form("12.499,00", PaymentMethod::Instalments, "POS 4471")
    };
    let try_ = Currency::from_code("TRY").unwrap().with_style(crate::NumberStyle::CommaDecimals);
    let p = instalments("12", " Garanti BBVA ").parse(try_, BANKS_MOST).unwrap();
    assert_eq!(p.plan, Some(InstalmentPlan { count: 12, bank: "Garanti BBVA".into() }));
    assert_eq!(p.entry.amount, Amount(1_249_900));
    assert!(p.validated(&owing(1_249_900), try_).is_ok());
    for (count, bank, field) in [
        ("1", "Garanti BBVA", "instalment_count"),
        ("37", "Garanti BBVA", "instalment_count"),
        ("", "Garanti BBVA", "instalment_count"),
        ("twelve", "Garanti BBVA", "instalment_count"),
        ("12", "  ", "instalment_bank"),
    ] {
        let err = instalments(count, bank).parse(try_, BANKS_MOST).unwrap_err();
        assert_eq!(err.fields()[0].field, field, "{count:?} {bank:?}");
    }
    assert_eq!(instalments("2", "İş Bankası").parse(try_, BANKS_MOST).unwrap().plan.unwrap().count, 2, "the fewest");
    assert_eq!(instalments("36", "İş Bankası").parse(try_, BANKS_MOST).unwrap().plan.unwrap().count, 36, "the most");
    // The Turkish store offers 12 months: 12 is taken, 24 refused in a sentence at the field.
    let turkish = crate::presets::PresetId::TurkishStore.policy().max_instalments;
    assert_eq!(instalments("12", "Garanti BBVA").parse(try_, turkish).unwrap().plan.unwrap().count, 12);
    let err = instalments("24", "Garanti BBVA").parse(try_, turkish).unwrap_err();
    assert_eq!(err.fields()[0].field, "instalment_count");
    assert_eq!(err.fields()[0].message, "This shop offers at most 12 instalments; 24 is more.");
    let empty = instalments("", "Garanti BBVA").parse(try_, turkish).unwrap_err();
    assert_eq!(empty.fields()[0].message, "Enter the number of instalments (2 to 12).");
    // A card payment ignores whatever the hidden instalment fields hold.
    let card = PaymentForm { method: PaymentMethod::Card, ..instalments("99", "") };
    assert_eq!(card.parse(try_, BANKS_MOST).unwrap().plan, None);
    // Money given back is not spread: a refund by instalments is refused at the method.
    let refund =
        PaymentForm { kind: EntryKind::Refund, ..instalments("12", "Garanti BBVA") }.parse(try_, BANKS_MOST).unwrap();
    assert_eq!(refund.plan, None, "a refund asks for no plan");
    let credit = Account { balance: Amount(-1_249_900), ..owing(0) };
    assert_eq!(refund.validated(&credit, try_).unwrap_err().fields()[0].field, "method");
    let entry = LedgerEntry { payment: payment(EntryKind::Payment, 1_249_900), plan: p.plan.clone(), void: None };
    assert_eq!(entry.method_text(), "Cash, 12 × via Garanti BBVA");
}

#[test]
fn hong_kong_methods_have_their_own_names() {
    for method in PaymentMethod::ALL {
        assert_eq!(PaymentMethod::from_key(method.key()), Some(method));
        assert_eq!(serde_json::to_value(method).unwrap(), method.key(), "the key is its wire name");
    }
    let labels: Vec<_> =
        [PaymentMethod::Fps, PaymentMethod::Octopus, PaymentMethod::PayMe].iter().map(|m| m.label()).collect();
    assert_eq!(labels, ["FPS", "Octopus", "PayMe"]);
    assert!(PaymentMethod::Octopus.needs_reference() && !PaymentMethod::Cash.needs_reference());
}

fn ledger_entry(id: i64, cents: i64, void: Option<&str>) -> LedgerEntry {
    let mut p = paid_by(PaymentMethod::Card, cents);
    p.id = id;
    let void =
        void.map(|reason| PaymentVoid { reason: reason.into(), voided_on: date(2026, 11, 20), staff: StaffId(1) });
    LedgerEntry { payment: p, plan: None, void }
}

#[test]
fn a_voided_entry_counts_nowhere_as_money_received() {
    let q = quotation(119_050, 0);
    let today = date(2026, 11, 20);
    let ledger = [ledger_entry(1, 1_190_500, Some("Mistyped: 11,905.00 for 1,190.50")), ledger_entry(2, 119_050, None)];
    let counted = payment::counted(&ledger);
    assert_eq!(counted.iter().map(|p| p.id).collect::<Vec<_>>(), [2]);
    let a = account(Some((&q, false)), None, today, &counted);
    assert_eq!((a.paid, a.balance), (Amount(119_050), Amount(0)), "settled by the second entry alone");
    let papers = payment::for_papers(&ledger);
    assert_eq!(papers.iter().map(|p| p.id).collect::<Vec<_>>(), [2], "no paper shows the voided entry");
    assert_eq!(ledger[0].void_text().unwrap(), "Voided: Mistyped: 11,905.00 for 1,190.50");
    assert_eq!(ledger[1].void_text(), None);

    // Papers write the instalment plan into the entry's line; the amounts stay as they are.
    let spread =
        LedgerEntry { plan: Some(InstalmentPlan { count: 12, bank: "Garanti BBVA".into() }), ..ledger[1].clone() };
    let line = &payment::for_papers(&[spread])[0];
    assert_eq!(line.entry.reference, "12 × via Garanti BBVA · ref 0117");
    assert_eq!(line.entry.amount, Amount(119_050));
}

#[test]
fn an_entry_is_voided_with_a_reason_and_never_once_the_watch_has_left() {
    let entry = ledger_entry(1, 1_190_500, None);
    let form = |reason: &str| VoidForm { payment: 1, reason: reason.into() };
    let today = date(2026, 11, 20);
    let void = form(" Mistyped amount ").validated(TicketState::ReadyForCollection, &entry, StaffId(3), today).unwrap();
    assert_eq!(void, PaymentVoid { reason: "Mistyped amount".into(), voided_on: today, staff: StaffId(3) });
    let err = form("  ").validated(TicketState::ReadyForCollection, &entry, StaffId(3), today).unwrap_err();
    assert_eq!(err.fields()[0].field, "reason");
    for state in [TicketState::Collected, TicketState::Shipped] {
        let err = form("Mistyped").validated(state, &entry, StaffId(3), today).unwrap_err();
        assert_eq!(err.code(), Code::VoidAfterHandOver);
        assert!(err.to_string().starts_with("The watch has been handed over"), "{err}");
    }
    let cancelled = form("Mistyped").validated(TicketState::Cancelled, &entry, StaffId(3), today).unwrap_err();
    assert_eq!(cancelled.code(), Code::VoidAfterHandOver);
    let voided = ledger_entry(1, 100, Some("Twice"));
    let twice = form("Again").validated(TicketState::InRepair, &voided, StaffId(3), today).unwrap_err();
    assert_eq!(twice.code(), Code::PaymentAlreadyVoided);
}

// --- The last free day is a day the shop is open -------------------------------------------

#[test]
fn a_last_free_day_on_a_weekend_or_holiday_moves_to_the_next_open_day() {
    let p = Policy::default();
    // Notice on Saturday 31 October 2026: day 7 is Saturday 7 November; the customer can
    // collect free through Monday the 9th, and the fee starts on Tuesday the 10th.
    let n = CollectionNotice::issue(&p, date(2026, 10, 31));
    assert_eq!((n.last_free_day, n.fees_from), (date(2026, 11, 9), date(2026, 11, 10)));
    assert_eq!(n.storage_fee(date(2026, 11, 9)), Amount(0));
    assert_eq!(n.storage_fee(date(2026, 11, 30)), Amount(21 * 1_000), "10 to 30 November");
    // Over the year end in Hong Kong: notice Friday 25 December 2026 (itself a holiday), day
    // 7 is Friday 1 January 2027, a holiday, then the weekend: free through Monday the 4th.
    let mut hk = Policy::default();
    hk.calendar.holidays = crate::presets::Country::HongKong.public_holidays(2027);
    let n = CollectionNotice::issue(&hk, date(2026, 12, 25));
    assert_eq!((n.last_free_day, n.fees_from), (date(2027, 1, 4), date(2027, 1, 5)));
    // A working day stays as it is.
    let n = CollectionNotice::issue(&p, date(2026, 11, 10));
    assert_eq!(n.last_free_day, date(2026, 11, 17));
}
