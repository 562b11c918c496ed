//! Each preset applied as a new shop would start from it: a rule its seed does not state is
//! off, and no message the shop sends mentions a rule that is off.

use jiff::civil::date;

use super::PresetId;
use crate::after_sale::account::AccountFacts;
use crate::after_sale::message::{collection_message, shipping_message};
use crate::after_sale::{Account, CollectionNotice, Completion, Courier, DeliveryWindow, Dispatch, Shipping};
use crate::customer::{CustomerDetails, CustomerId};
use crate::intake::IntakeDetails;
use crate::quotation::{LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use crate::settings::field_infos;
use crate::ticket::{Ticket, TicketId, TicketNumber, TicketState};
use crate::{warranty, Amount, Currency, Settings};

fn shop(preset: PresetId) -> Settings {
    let region = preset.region();
    Settings::new("Saat Servisi", Currency::from_code(region.currency).unwrap(), preset, "Europe/Istanbul")
}

fn ticket(settings: &Settings) -> Ticket {
    let details = IntakeDetails::default();
    Ticket {
        id: TicketId(1),
        number: TicketNumber { branch: None, year: 2026, seq: 42 },
        state: TicketState::ReadyForCollection,
        customer: CustomerId(1),
        warranty: warranty::check(&settings.policy, &details.purchase, date(2026, 11, 2), &details.voiding),
        details,
        received_at: "2026-11-02T08:00:00Z".parse().unwrap(),
        received_on: date(2026, 11, 2),
        assessment_due: date(2026, 11, 4),
        photos: vec![],
    }
}

/// The Collection Notice and Shipping Notice messages of a ₺6,000 repair shipped uninsured.
fn messages(settings: &Settings) -> (String, String) {
    let policy = &settings.policy;
    let line = QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Full service".into(),
        quantity: Quantity(100),
        unit_price: Amount(600_000),
        taxable: false,
        part: None,
    };
    let q = QuotationDraft { lines: vec![line], timeline_working_days: 3, parts_returned: false }
        .issue(TicketNumber { branch: None, year: 2026, seq: 42 }, 1, policy, settings.tax.rate, date(2026, 11, 3))
        .unwrap();
    let notice = CollectionNotice::issue(policy, date(2026, 11, 10));
    let mut shipping = Shipping {
        courier: Courier::LocalPost,
        courier_name: String::new(),
        service: String::new(),
        declared_value: Amount(600_000),
        fee: Amount(9_000),
        insured: false,
        signature: false,
        address: "Bağdat Cd. 12, Kadıköy".into(),
        commercial_invoice: false,
    };
    // A signature exactly where the policy's rule asks for one.
    shipping.signature = shipping.costs(policy, Amount(600_000), false).signature_required;
    let facts = AccountFacts {
        accepted: Some((&q, false)),
        covered: false,
        notice: Some(&notice),
        shipping: Some(&shipping),
        payments: &[],
        as_of: date(2026, 11, 30),
    };
    let account = Account::of(policy, &facts);
    let t = ticket(settings);
    let customer = CustomerDetails { name: "Ayşe Yılmaz".into(), ..CustomerDetails::default() };
    let completion = Completion { work_performed: "Serviced".into(), parts: vec![], photos: vec![], work_kind: None };
    let collection = collection_message(settings, &t, &customer, &completion, &notice, &account, None).body;
    let dispatch = Dispatch {
        tracking: "YK123456".into(),
        dispatched_on: date(2026, 11, 30),
        window: DeliveryWindow { min_days: 1, max_days: 3 },
    };
    let shipped = shipping_message(settings, &t, &customer, &shipping, &dispatch).body;
    (collection, shipped)
}

#[test]
fn every_rule_a_preset_does_not_state_is_off() {
    for preset in PresetId::ALL {
        let policy = preset.policy();
        for info in field_infos().into_iter().filter(|f| f.key.starts_with("policy.")) {
            let words = preset.wording(info.key).unwrap();
            if PresetId::is_quote(words) {
                continue;
            }
            match policy.is_off(info.key) {
                Some(off) => {
                    assert!(off, "{preset:?} {}: not stated, so off", info.key);
                    assert!(words.contains("off until you turn it on"), "{preset:?} {}: {words}", info.key);
                }
                None => assert!(words.contains("Caseback's default"), "{preset:?} {}: {words}", info.key),
            }
        }
    }
}

#[test]
fn the_turkish_store_charges_no_storage_insurance_or_signature_it_never_named() {
    let p = PresetId::TurkishStore.policy();
    assert_eq!(p.storage_fee_per_day, Amount(0));
    assert_eq!(p.shipping_insurance_rate.0, 0);
    assert_eq!(p.signature_threshold, Amount(0));
    assert!(p.partial_refund_max.0 == 0 && !p.deduct_return_customs && p.exchange_window.is_none());
    // What it states stays as it said.
    assert_eq!(p.replacement_due, crate::Period::business_days(14));
    assert_eq!(p.returns_condition, crate::policy::ConditionRule::OpenedAndUsed);
    // The same for every preset whose seed names no storage fee, insurance or signature rule.
    for preset in [PresetId::Softerspot, PresetId::Kospet, PresetId::RmaWebShop] {
        let p = preset.policy();
        assert_eq!(
            (p.storage_fee_per_day, p.shipping_insurance_rate.0, p.signature_threshold),
            (Amount(0), 0, Amount(0))
        );
    }
    let lx = PresetId::LxWatch.policy();
    assert_eq!(
        (lx.storage_fee_per_day, lx.signature_threshold),
        (Amount(1_000), Amount(50_000)),
        "lx-watch states them"
    );
}

#[test]
fn no_message_mentions_a_storage_fee_insurance_or_signature_rule_that_is_off() {
    for preset in PresetId::ALL {
        let settings = shop(preset);
        let p = &settings.policy;
        let (collection, shipped) = messages(&settings);
        let both = format!("{collection}\n{shipped}").to_lowercase();
        let storage = both.contains("storage");
        let insurance = both.contains("insur");
        let signature = both.contains("signature");
        assert_eq!(storage, p.storage_fee_per_day.0 > 0, "{preset:?}: {collection}");
        assert_eq!(insurance, p.shipping_insurance_rate.0 > 0, "{preset:?}: {both}");
        assert_eq!(signature, p.signature_threshold.0 > 0, "{preset:?}: {shipped}");
    }
    // lx-watch states all three: its notice names the fee from the eighth day.
    let (collection, _) = messages(&shop(PresetId::LxWatch));
    assert!(collection.contains("Storage is free through"), "{collection}");
}
