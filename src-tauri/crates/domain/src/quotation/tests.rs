use jiff::civil::date;
use proptest::prelude::*;

use super::*;
use crate::presets::PresetId;
use crate::Code;

fn line(kind: LineKind, section: Section, qty: u32, cents: i64, taxable: bool) -> QuoteLine {
    QuoteLine {
        kind,
        section,
        description: kind.label().into(),
        quantity: Quantity(qty),
        unit_price: Amount(cents),
        taxable,
        part: None,
    }
}

fn ticket() -> TicketNumber {
    TicketNumber { branch: None, year: 2026, seq: 42 }
}

fn draft() -> QuotationDraft {
    QuotationDraft {
        lines: vec![
            line(LineKind::Labour, Section::Repair, 100, 45_000, true),
            line(LineKind::Part, Section::Repair, 200, 6_000, true),
            line(LineKind::PartSourcingFee, Section::Repair, 100, 3_000, false),
            line(LineKind::Labour, Section::Cosmetic, 100, 20_000, true),
        ],
        timeline_working_days: 5,
        parts_returned: false,
    }
}

#[test]
fn totals_per_section_with_gst_on_taxable_lines_only() {
    let gst = Percent::from_whole(10);
    let repair = totals(&draft().lines, Section::Repair, gst);
    // 450.00 + 2 × 60.00 + 30.00 (not taxable)
    assert_eq!(
        repair,
        Totals { subtotal: Amount(60_000), taxable: Amount(57_000), tax: Amount(5_700), total: Amount(65_700) }
    );
    let cosmetic = totals(&draft().lines, Section::Cosmetic, gst);
    assert_eq!(cosmetic.total, Amount(22_000), "polishing is quoted apart");
}

#[test]
fn one_rounding_rule_for_fractions_of_a_cent() {
    // 1.5 hours at 3.33 = 4.995 -> 5.00
    assert_eq!(line(LineKind::Labour, Section::Repair, 150, 333, true).amount(), Amount(500));
    // tax of 0.05 at 10% = 0.005 -> 0.01, rounded once on the section's taxable sum
    let t = totals(&[line(LineKind::Other, Section::Repair, 100, 5, true)], Section::Repair, Percent::from_whole(10));
    assert_eq!((t.tax, t.total), (Amount(1), Amount(6)));
    // three lines of 0.05: tax on 0.15 is 0.015 -> 0.02 (per-line rounding would give 0.03)
    let three = vec![line(LineKind::Other, Section::Repair, 100, 5, true); 3];
    assert_eq!(totals(&three, Section::Repair, Percent::from_whole(10)).tax, Amount(2));
}

#[test]
fn quantities_parse_and_print() {
    assert_eq!(Quantity::parse("1.5").unwrap(), Quantity(150));
    assert_eq!(Quantity::parse("2").unwrap(), Quantity(200));
    assert_eq!(Quantity(125).to_string(), "1.25");
    assert_eq!(Quantity(150).to_string(), "1.5");
    assert!(Quantity::parse("0").is_err());
    assert!(Quantity::parse("-1").is_err());
    assert!(Quantity::parse("1.234").is_err());
    assert!(Quantity::parse("20000").is_err());
}

#[test]
fn drafts_are_checked_before_issuing() {
    let empty = QuotationDraft { lines: vec![], ..draft() };
    assert_eq!(empty.validated().unwrap_err().fields()[0].field, "lines");
    let cosmetic_only =
        QuotationDraft { lines: vec![line(LineKind::Labour, Section::Cosmetic, 100, 100, true)], ..draft() };
    assert!(cosmetic_only.validated().unwrap_err().to_string().contains("cosmetic"));
    let mut bad = draft();
    bad.lines[1].unit_price = Amount(-1);
    bad.lines[2].description = "  ".into();
    bad.timeline_working_days = 0;
    let err = bad.validated().unwrap_err();
    let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["lines.1.unit_price", "lines.2.description", "timeline_working_days"]);
}

#[test]
fn issuing_numbers_the_revision_and_sets_validity_across_awkward_dates() {
    let lx = Policy::default();
    let gst = Percent::from_whole(10);
    let q = draft().issue(ticket(), 1, &lx, gst, date(2026, 3, 2)).unwrap();
    assert_eq!(q.number.to_string(), "Q-2026-00042-1");
    assert_eq!(q.valid_through, date(2026, 3, 16));
    let valid = |d| draft().issue(ticket(), 2, &lx, gst, d).unwrap().valid_through;
    assert_eq!(valid(date(2026, 12, 20)), date(2027, 1, 3), "across the year end");
    assert_eq!(valid(date(2028, 2, 20)), date(2028, 3, 5), "leap February");
    assert_eq!(valid(date(2027, 2, 20)), date(2027, 3, 6), "common February");
    assert_eq!(valid(date(2026, 1, 31)), date(2026, 2, 14), "month end");
}

#[test]
fn expiry_then_hold_then_return_due() {
    let lx = Policy::default();
    let q = draft().issue(ticket(), 1, &lx, Percent::from_whole(10), date(2026, 3, 2)).unwrap();
    assert_eq!(q.standing(&lx, date(2026, 3, 2)), Standing::Valid { days_left: 14 });
    assert_eq!(q.standing(&lx, date(2026, 3, 16)), Standing::Valid { days_left: 0 });
    assert_eq!(q.standing(&lx, date(2026, 3, 17)), Standing::OnHold { hold_until: date(2026, 3, 19) });
    assert_eq!(q.standing(&lx, date(2026, 3, 19)), Standing::OnHold { hold_until: date(2026, 3, 19) });
    assert_eq!(q.standing(&lx, date(2026, 3, 20)), Standing::ReturnDue { since: date(2026, 3, 20) });
}

#[test]
fn a_quoted_ticket_waits_for_the_answer_then_for_the_hold() {
    use crate::ticket::TicketState;
    let lx = Policy::default();
    let q = draft().issue(ticket(), 1, &lx, Percent::from_whole(10), date(2026, 3, 2)).unwrap();
    assert_eq!(q.deadline(TicketState::Quoted, &lx), Some(date(2026, 3, 16)));
    assert_eq!(q.deadline(TicketState::QuoteExpired, &lx), Some(date(2026, 3, 19)));
    assert_eq!(q.deadline(TicketState::Approved, &lx), None);
}

#[test]
fn the_local_date_decides_across_a_dst_change() {
    // New York springs forward on 2026-03-08; 23:30 local that evening is 03:30 UTC next day.
    let s = crate::Settings::new(
        "NY Watch",
        crate::Currency::from_code("USD").unwrap(),
        PresetId::LxWatch,
        "America/New_York",
    );
    let late: jiff::Timestamp = "2026-03-09T03:30:00Z".parse().unwrap();
    assert_eq!(s.today(late), date(2026, 3, 8));
    let q = draft().issue(ticket(), 1, &s.policy, Percent::from_whole(10), date(2026, 2, 22)).unwrap();
    assert_eq!(q.valid_through, date(2026, 3, 8));
    assert!(q.check_acceptable(1, s.today(late)).is_ok(), "still the 8th in the shop");
    let next_morning: jiff::Timestamp = "2026-03-09T13:00:00Z".parse().unwrap();
    assert_eq!(q.check_acceptable(1, s.today(next_morning)).unwrap_err().code(), Code::QuotationExpired);
}

#[test]
fn acceptance_is_refused_when_expired_or_superseded() {
    let lx = Policy::default();
    let q1 = draft().issue(ticket(), 1, &lx, Percent::from_whole(10), date(2026, 3, 2)).unwrap();
    assert!(q1.check_acceptable(1, date(2026, 3, 16)).is_ok(), "on the last valid day");
    let expired = q1.check_acceptable(1, date(2026, 3, 17)).unwrap_err();
    assert_eq!(expired.code(), Code::QuotationExpired);
    assert!(expired.to_string().contains("new revision"), "{expired}");
    let superseded = q1.check_acceptable(2, date(2026, 3, 5)).unwrap_err();
    assert_eq!(superseded.code(), Code::QuotationSuperseded);
}

fn any_line() -> impl Strategy<Value = QuoteLine> {
    (0usize..6, any::<bool>(), 1u32..100_000, 0i64..10_000_000, any::<bool>()).prop_map(
        |(k, cosmetic, qty, price, taxable)| {
            line(LineKind::ALL[k], if cosmetic { Section::Cosmetic } else { Section::Repair }, qty, price, taxable)
        },
    )
}

proptest! {
    #[test]
    fn total_is_subtotal_plus_tax_and_tax_is_within_half_a_cent(lines in prop::collection::vec(any_line(), 0..30), bps in 0u32..=10_000) {
        for section in [Section::Repair, Section::Cosmetic] {
            let t = totals(&lines, section, Percent(bps));
            prop_assert_eq!(t.total.0, t.subtotal.0 + t.tax.0);
            prop_assert!(t.taxable <= t.subtotal);
            // |tax - rate × taxable| <= 0.5 minor units
            let exact = i128::from(t.taxable.0) * i128::from(bps);
            prop_assert!((i128::from(t.tax.0) * 10_000 - exact).abs() <= 5_000);
        }
    }

    #[test]
    fn whole_quantities_never_round(qty in 1u32..10_000, price in 0i64..10_000_000) {
        let l = line(LineKind::Part, Section::Repair, qty * 100, price, true);
        prop_assert_eq!(l.amount().0, price * i64::from(qty));
    }
}

#[test]
fn the_message_carries_the_same_facts_as_the_quotation() {
    use crate::customer::{CustomerDetails, CustomerId};
    use crate::device::{Device, DeviceKind, PurchaseRecord};
    use crate::intake::{Arrival, IntakeDetails};
    use crate::ticket::{Ticket, TicketId};
    use crate::warranty::{self, Voiding};

    let settings = crate::Settings::new(
        "Harbour Watch Repair",
        crate::Currency::from_code("HKD").unwrap(),
        PresetId::LxWatch,
        "Asia/Hong_Kong",
    )
    .apply([("shop.payment_details", "PayPal: paypal.me/harbourwatch"), ("shop.email", "service@harbourwatch.example")])
    .unwrap();
    let details = IntakeDetails {
        device: Device {
            kind: Some(DeviceKind::Mechanical),
            brand: "Seiko".into(),
            model: "Presage".into(),
            serial: String::new(),
            item_code: String::new(),
            colour: String::new(),
        },
        purchase: PurchaseRecord::default(),
        fault: "Loses time".into(),
        tried: String::new(),
        accessories: vec![],
        accessories_other: String::new(),
        condition: vec![],
        condition_notes: String::new(),
        arrival: Arrival::WalkIn,
        voiding: Voiding::default(),
    };
    let ticket = Ticket {
        id: TicketId(1),
        number: ticket(),
        state: crate::ticket::TicketState::Quoted,
        customer: CustomerId(1),
        warranty: warranty::check(&settings.policy, &details.purchase, date(2026, 3, 2), &details.voiding),
        details,
        received_at: "2026-03-02T02:00:00Z".parse().unwrap(),
        received_on: date(2026, 3, 2),
        assessment_due: date(2026, 3, 4),
        photos: vec![],
    };
    let customer =
        CustomerDetails { name: "王小明".into(), email: "xm@example.cn".into(), ..CustomerDetails::default() };
    let q = draft().issue(ticket.number, 1, &settings.policy, settings.tax.rate, date(2026, 3, 2)).unwrap();
    let m = message::quotation_message(&settings, &ticket, &customer, &q);
    assert_eq!(m.subject, "Repair quotation Q-2026-00042-1 for your Seiko Presage (R-2026-00042)");
    for needle in [
        "Dear 王小明",
        "HKD 657.00", // the repair total, formatted as everywhere else
        "HKD 220.00", // the cosmetic total, apart
        "Optional cosmetic work",
        "valid through Monday 16 March 2026",
        "for 3 days (until Thursday 19 March 2026)",
        "written confirmation",
        "3 days",
        "PayPal: paypal.me/harbourwatch",
    ] {
        assert!(m.body.contains(needle), "{needle} missing:\n{}", m.body);
    }
    assert!(m.mailto.starts_with("mailto:xm%40example.cn?subject=Repair%20quotation"));
    assert_eq!(m.whatsapp, "", "no phone: no WhatsApp link");
    let by_phone = CustomerDetails { phone: "+852 9123 4567".into(), ..customer.clone() };
    let w = message::quotation_message(&settings, &ticket, &by_phone, &q).whatsapp;
    assert!(w.starts_with("https://wa.me/85291234567?text=Dear%20%E7%8E%8B"), "{w}");

    let mut with_fee = draft();
    with_fee.lines.push(line(LineKind::InspectionFee, Section::Repair, 100, 15_000, false));
    let q = with_fee.issue(ticket.number, 2, &settings.policy, settings.tax.rate, date(2026, 3, 2)).unwrap();
    let refused = message::return_notice_message(&settings, &ticket, &customer, &q, true);
    let declined = "You declined our quotation Q-2026-00042-2 of Monday 2 March 2026 in writing";
    assert!(refused.body.contains(declined), "{}", refused.body);
    // As on the printed notice: a declined quotation has no expiry and no hold.
    for absent in ["expired", "valid through", "held"] {
        assert!(!refused.body.to_lowercase().contains(absent), "{absent} in:\n{}", refused.body);
    }
    let notice = message::return_notice_message(&settings, &ticket, &customer, &q, false);
    assert!(notice.subject.contains("returned unrepaired"));
    for needle in [
        "Q-2026-00042-2",
        "valid through Monday 16 March 2026",
        "expired unanswered",
        "for a further 3 days, until Thursday 19 March 2026",
        "Please collect it from the shop.",
        "inspection fee of HKD 150.00",
        "kept free of charge for 7 days from this notice; after that a storage fee of HKD 10.00 a day",
    ] {
        assert!(notice.body.contains(needle), "{needle} missing:\n{}", notice.body);
    }
    assert!(!notice.body.contains("declined"), "{}", notice.body);
    assert!(!notice.body.contains("at your cost"), "brought in, collected: {}", notice.body);
    // Sent in by post, it goes back the same way, at the customer's cost.
    let mut posted = ticket.clone();
    posted.details.arrival = Arrival::MailIn { carrier: "SF Express".into(), tracking: "SF1234567890".into() };
    let notice = message::return_notice_message(&settings, &posted, &customer, &q, false);
    assert!(notice.body.contains("arrange its return shipping at your cost"), "{}", notice.body);
    let quoted = message::quotation_message(&settings, &posted, &customer, &q);
    assert!(quoted.body.contains("after that we return it to you unrepaired, at your cost."), "{}", quoted.body);
    assert!(m.body.contains("after that please collect it, unrepaired, from the shop."), "{}", m.body);
}

#[test]
fn messages_write_dates_and_amounts_in_the_shops_style_and_no_tax_at_zero_percent() {
    use crate::customer::CustomerDetails;
    use crate::device::{Device, DeviceKind, PurchaseRecord};
    use crate::intake::{Arrival, IntakeDetails};
    use crate::ticket::{Ticket, TicketId};
    use crate::warranty::{self, Voiding};

    let settings = crate::Settings::new(
        "Saat Servisi",
        crate::Currency::from_code("TRY").unwrap(),
        PresetId::TurkishStore,
        "Europe/Istanbul",
    )
    .apply([("money.number_style", "comma_decimals"), ("forms.date_style", "day_dots"), ("money.tax_rate", "0")])
    .unwrap();
    let details = IntakeDetails {
        device: Device {
            kind: Some(DeviceKind::Smartwatch),
            brand: "KOSPET".into(),
            model: "Tank T3".into(),
            serial: String::new(),
            item_code: String::new(),
            colour: String::new(),
        },
        purchase: PurchaseRecord::default(),
        fault: "Does not charge".into(),
        tried: String::new(),
        accessories: vec![],
        accessories_other: String::new(),
        condition: vec![],
        condition_notes: String::new(),
        arrival: Arrival::WalkIn,
        voiding: Voiding::default(),
    };
    let ticket = Ticket {
        id: TicketId(1),
        number: ticket(),
        state: crate::ticket::TicketState::Quoted,
        customer: crate::customer::CustomerId(1),
        warranty: warranty::check(&settings.policy, &details.purchase, date(2026, 12, 1), &details.voiding),
        details,
        received_at: "2026-12-01T07:00:00Z".parse().unwrap(),
        received_on: date(2026, 12, 1),
        assessment_due: date(2026, 12, 3),
        photos: vec![],
    };
    let customer = CustomerDetails { name: "Ayşe Yılmaz".into(), ..CustomerDetails::default() };
    let lines = vec![
        line(LineKind::Labour, Section::Repair, 100, 1_249_900, true),
        line(LineKind::Shipping, Section::Repair, 100, 10_000, false),
    ];
    let draft = QuotationDraft { lines, timeline_working_days: 5, parts_returned: false };
    let q = draft.issue(ticket.number, 1, &settings.policy, settings.tax.rate, date(2026, 12, 1)).unwrap();
    let m = message::quotation_message(&settings, &ticket, &customer, &q);
    for needle in ["TRY 12.499,00", "Total TRY 12.599,00", "valid through", ".12.2026"] {
        assert!(m.body.contains(needle), "{needle} missing:\n{}", m.body);
    }
    assert!(m.body.contains(&format!(
        "valid through {} {}",
        q.valid_through.strftime("%A"),
        settings.date_style.format(q.valid_through)
    )));
    for absent in ["KDV", "0%", "(no tax)", "Subtotal", "2026-12", "at your cost", "email"] {
        assert!(!m.body.contains(absent), "{absent:?} in:\n{}", m.body);
    }
    // A walk-in customer with no email address: no email to reply to; a signature at the shop.
    assert!(m.body.contains("We start work only after your written confirmation: sign it at the shop."), "{}", m.body);
    let reachable = settings.apply([("shop.whatsapp", "+90 542 341 51 94")]).unwrap();
    let ways = message::confirmation_ways(&reachable, &ticket, &customer, true);
    assert_eq!(ways, "send us a signed copy of this page by WhatsApp to +90 542 341 51 94, or sign it at the shop");
    assert_eq!(settings.date_style.format(date(2026, 12, 1)), "01.12.2026");
}

#[test]
fn the_repair_is_promised_its_working_days_from_the_confirmation() {
    use crate::calendar::{Holiday, WorkCalendar};
    use crate::ticket::TicketState;
    let lx = Policy::default();
    let q = draft().issue(ticket(), 1, &lx, Percent::from_whole(10), date(2026, 3, 2)).unwrap();
    let weekdays = WorkCalendar::default();
    // 5 working days from Thursday 5 March: the weekend skipped, Thursday 12 March.
    assert_eq!(q.repair_promised_by(TicketState::InRepair, date(2026, 3, 5), &weekdays), Some(date(2026, 3, 12)));
    assert_eq!(q.repair_promised_by(TicketState::Approved, date(2026, 3, 5), &weekdays), Some(date(2026, 3, 12)));
    // Across the year end and a holiday: confirmed Wednesday 30 December 2026, New Year's Day off.
    let holidays = WorkCalendar {
        holidays: vec![Holiday { date: date(2027, 1, 1), name: "New Year's Day".into() }],
        ..WorkCalendar::default()
    };
    assert_eq!(q.repair_promised_by(TicketState::InRepair, date(2026, 12, 30), &holidays), Some(date(2027, 1, 7)));
    // Once the repair is done, or before it is agreed, nothing is promised.
    for state in [TicketState::ReadyForCollection, TicketState::Quoted, TicketState::Collected] {
        assert_eq!(q.repair_promised_by(state, date(2026, 3, 5), &weekdays), None, "{state:?}");
    }
}

#[test]
fn a_whatsapp_link_needs_the_full_number_and_takes_the_shop_s_country_code_for_a_national_one() {
    use crate::quotation::message::whatsapp_number;
    assert_eq!(whatsapp_number("+852 9123 4567", "+852 2555 0188").as_deref(), Some("85291234567"));
    assert_eq!(whatsapp_number("0090 532 600 11 22", "+852 2555 0188").as_deref(), Some("905326001122"));
    assert_eq!(
        whatsapp_number("0532 600 11 22", "+90 212 555 01 88").as_deref(),
        Some("905326001122"),
        "the trunk zero goes"
    );
    assert_eq!(whatsapp_number("9123 4567", "+852 2555 0188").as_deref(), Some("85291234567"));
    assert_eq!(whatsapp_number("9123 4567", "2555 0188"), None, "the shop's own number does not say its country");
    assert_eq!(whatsapp_number("", "+852 2555 0188"), None);
    assert_eq!(whatsapp_number("+1 23", "+852 2555 0188"), None, "too short to be a number");
}
