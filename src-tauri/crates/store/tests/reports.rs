//! The Reports screen's figures on both engines: a small shop's November, each figure
//! checked against the records it counted, and each trace naming exactly those records.

use caseback_domain::after_sale::{
    Collection, Completion, EntryKind, NewPayment, PaymentEntry, PaymentMethod, Release, VoidForm,
};
use caseback_domain::assessment::{Assessment, CoveredReason, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::report::{Line, OverdueBand, ReportPeriod, Section as ReportSection, Trace};
use caseback_domain::staff::{Role, RosterEntry, StaffId};
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::{Amount, Percent};
use caseback_store::{fixture, Shop};
use jiff::civil::date;
use jiff::Timestamp;

/// 10:00 in Hong Kong on `day` November 2026.
fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

fn line<'a>(section: &'a ReportSection, key: &str) -> &'a Line {
    section.lines.iter().find(|l| l.key == key).unwrap_or_else(|| panic!("no line {key} in {section:?}"))
}

fn tickets(trace: &Trace) -> Vec<TicketId> {
    match trace {
        Trace::Tickets(t) => t.iter().map(|t| t.id).collect(),
        Trace::Returns(_) => panic!("a ticket figure traced to returns"),
    }
}

fn pay(method: PaymentMethod, kind: EntryKind, cents: i64) -> NewPayment {
    let entry = PaymentEntry { kind, amount: Amount(cents), method, reference: "slip".into() };
    NewPayment { confirm_over_balance: true, ..entry.into() }
}

fn taxed_line(cents: i64) -> QuoteLine {
    QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Full service".into(),
        quantity: Quantity::ONE,
        unit_price: Amount(cents),
        taxable: true,
        part: None,
    }
}

fn repaired(shop: &mut Shop, by: StaffId, id: TicketId, day: u8) {
    shop.move_ticket(by, id, TicketState::InRepair, nov(day)).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\nrepaired ".to_vec();
    png.extend(id.0.to_string().as_bytes());
    let photo = shop.store_photo(by, "after.png", &png, nov(day)).unwrap();
    let done =
        Completion { work_performed: "Serviced".into(), parts: vec![], photos: vec![photo.sha256], work_kind: None };
    shop.complete_repair(by, id, &done, nov(day)).unwrap();
}

fn collect(shop: &mut Shop, by: StaffId, id: TicketId, day: u8) {
    let handover = Release::Collected(Collection { collected_by: "The customer".into(), confirmation_shown: true });
    shop.release(by, id, &handover, nov(day)).unwrap();
}

#[test]
fn a_months_figures_count_exactly_their_records_on_both_engines() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        // The shop charges 10% GST, and has a watchmaker.
        let mut settings = shop.settings().unwrap();
        settings.tax.rate = Percent::from_whole(10);
        settings.tax.name = "GST".into();
        let mut roster: Vec<RosterEntry> = shop.staff().unwrap().into_iter().map(RosterEntry::from).collect();
        roster.push(RosterEntry { id: None, name: "Sam Wong".into(), active: true, role: Role::Watchmaker });
        shop.save_settings(by, &settings, &roster, nov(1)).unwrap();
        let sam = shop.staff().unwrap().into_iter().find(|m| m.name == "Sam Wong").unwrap().id;
        let book = |shop: &mut Shop, name: &str, day: u8| {
            shop.book_intake(by, &fixture::walk_in(name, "Stopped"), &[], nov(day)).unwrap().id
        };

        // Paid: quoted HKD 1,000.00 + 10% GST, a deposit, storage, overpaid and refunded.
        let paid = book(shop, "Chan Tai Man", 2);
        let written = ConfirmationChannel::EmailReply;
        fixture::quote_and_accept(shop, by, paid, vec![taxed_line(100_000)], written, nov(3), nov(4));
        shop.assign_ticket(by, paid, Some(sam), nov(4)).unwrap();
        shop.record_payment(by, paid, &pay(PaymentMethod::Card, EntryKind::Payment, 30_000), nov(4)).unwrap();
        repaired(shop, by, paid, 6);
        shop.issue_collection_notice(by, paid, nov(6)).unwrap();
        let owed = shop.after_sale(paid, nov(28)).unwrap().account.balance.0;
        shop.record_payment(by, paid, &pay(PaymentMethod::Cash, EntryKind::Payment, owed + 2_000), nov(28)).unwrap();
        shop.record_payment(by, paid, &pay(PaymentMethod::Cash, EntryKind::Refund, 2_000), nov(28)).unwrap();
        collect(shop, by, paid, 28);
        let account = shop.after_sale(paid, nov(28)).unwrap().account;
        let storage_fee = account.total_charges.0 - 110_000;
        assert!(storage_fee > 0, "kept past the free days: {account:?}");

        // Warranty: covered, repaired and collected the day it came in.
        let warranty = book(shop, "Wong Siu Ming", 12);
        let covered = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
        let a = Assessment { findings: "Crown tube seal failed".into(), decision: covered, photos: vec![] };
        shop.record_assessment(by, warranty, &a, nov(12)).unwrap();
        repaired(shop, by, warranty, 12);
        collect(shop, by, warranty, 12);

        // Declined, and the watch went back unrepaired.
        let declined = book(shop, "Lee Ka Yan", 2);
        let impact = WarrantyDecision::NotCovered(NotCoveredReason::Impact);
        let a = Assessment { findings: "Dial cracked".into(), decision: impact, photos: vec![] };
        shop.record_assessment(by, declined, &a, nov(3)).unwrap();
        let draft = QuotationDraft { lines: vec![taxed_line(50_000)], timeline_working_days: 3, parts_returned: false };
        let q = shop.issue_quotation(by, declined, &draft, nov(3)).unwrap();
        let no =
            WrittenAnswer { channel: written, reference: "Phoned back".into(), scan: None, cosmetic_accepted: false };
        shop.answer_quotation(by, declined, q.number.revision, false, &no, nov(5)).unwrap();
        shop.move_ticket(by, declined, TicketState::ReturnedUnrepaired, nov(25)).unwrap();

        // Quoted and left unanswered: it expires, and is overdue at the month's end.
        let unanswered = book(shop, "Ho Wing", 2);
        shop.record_assessment(by, unanswered, &a, nov(3)).unwrap();
        let q = shop.issue_quotation(by, unanswered, &draft, nov(3)).unwrap();
        let expired_on = q.valid_through.tomorrow().unwrap();
        assert!(expired_on <= date(2026, 11, 30), "{expired_on}");

        // Never assessed, with a deposit taken by mistake and voided.
        let waiting = book(shop, "Ng Mei", 9);
        let mistake =
            shop.record_payment(by, waiting, &pay(PaymentMethod::Card, EntryKind::Payment, 5_000), nov(9)).unwrap();
        shop.void_payment(by, waiting, &VoidForm { payment: mistake.id, reason: "Wrong ticket".into() }, nov(9))
            .unwrap();
        let assessment_due = shop.ticket(waiting).unwrap().assessment_due;

        // A return opened in October and one in November.
        let october: Timestamp = "2026-10-20T02:00:00Z".parse().unwrap();
        let bought_earlier = caseback_domain::returns::ReturnForm {
            purchase_date: Some(date(2026, 10, 2)),
            delivery_date: Some(date(2026, 10, 6)),
            ..fixture::change_of_mind_request(1)
        };
        shop.request_return(by, &bought_earlier, october).unwrap();
        let november = shop.request_return(by, &fixture::change_of_mind_request(2), nov(15)).unwrap();

        let period = ReportPeriod::new(date(2026, 11, 1), date(2026, 11, 30)).unwrap();
        let r = shop.report(period, date(2026, 12, 1)).unwrap();
        // Overdue work is today's, whatever the period (deadlines are kept as they are now).
        assert_eq!(r.as_of, date(2026, 12, 1));

        // Turnaround: 26, 0 and 23 days.
        let month = line(&r.turnaround_by_month, "2026-11");
        assert_eq!(tickets(&month.trace), [paid, warranty, declined]);
        let days = month.days.unwrap();
        assert_eq!((days.count, days.median, days.average), (3, 23.0, 49.0 / 3.0));
        let kind = |key| {
            let l = line(&r.turnaround_by_kind, key);
            (tickets(&l.trace), l.days.map(|d| d.average))
        };
        assert_eq!(kind("paid"), (vec![paid], Some(26.0)));
        assert_eq!(kind("warranty"), (vec![warranty], Some(0.0)), "collected the day it came in");
        assert_eq!(kind("unrepaired"), (vec![declined], Some(23.0)));

        // Money received: what the paid ticket was charged, its tax the quotation's.
        let revenue = line(&r.revenue, "2026-11");
        assert_eq!((revenue.amount.0, revenue.tax.0), (110_000 + storage_fee, 10_000));
        assert_eq!(tickets(&revenue.trace), [paid], "the voided deposit counts nowhere");
        assert_eq!(r.revenue.total.amount, revenue.amount);
        let card = line(&r.payments, "card");
        assert_eq!((card.count, card.amount.0, tickets(&card.trace)), (1, 30_000, vec![paid]));
        assert_eq!(line(&r.payments, "cash").amount.0, owed + 2_000);
        assert_eq!(r.payments.total.count, 2);
        assert_eq!((r.refunds.total.count, r.refunds.total.amount.0), (1, 2_000));
        assert_eq!(tickets(&line(&r.refunds, "cash").trace), [paid]);

        // Quotations by their answer or expiry.
        assert_eq!(tickets(&line(&r.quotations, "accepted").trace), [paid]);
        assert_eq!(tickets(&line(&r.quotations, "declined").trace), [declined]);
        let expired = line(&r.quotations, "expired");
        assert_eq!((tickets(&expired.trace), expired.amount.0), (vec![unanswered], 55_000));

        // Storage charged as the paid watch left.
        let storage = line(&r.storage, "2026-11");
        assert_eq!((storage.amount.0, tickets(&storage.trace)), (storage_fee, vec![paid]));

        // Returns: November's only.
        assert_eq!(r.returns.total.count, 1);
        let change = line(&r.returns, "change_of_mind");
        assert_eq!(
            change.trace,
            Trace::Returns(vec![caseback_domain::report::ReturnRef { id: november.id, title: november.title() }])
        );
        assert_eq!(change.amount.0, 0, "nothing refunded yet");

        // Overdue on the 30th: the expired quotation's ticket and the one never assessed,
        // each in the band of its own deadline.
        let deadline_of = |id| if id == waiting { assessment_due } else { shop.ticket_deadline(id).unwrap().unwrap() };
        let mut overdue: Vec<(String, TicketId)> = Vec::new();
        for l in &r.overdue.lines {
            overdue.extend(tickets(&l.trace).into_iter().map(|id| (l.key.clone(), id)));
        }
        let band = |id| OverdueBand::of(deadline_of(id), r.as_of).unwrap().key().to_string();
        let mut expected = vec![(band(unanswered), unanswered), (band(waiting), waiting)];
        expected.sort_by_key(|(key, id)| (OverdueBand::ALL.iter().position(|b| b.key() == key), *id));
        assert_eq!(overdue, expected);
        assert_eq!(r.overdue.total.count, 2);

        // The bench: Sam had the paid repair; the warranty one counts for who completed it.
        let bench = r.bench.expect("the shop gives tickets to watchmakers");
        let jobs: Vec<(String, Vec<TicketId>)> =
            bench.lines.iter().map(|l| (l.label.clone(), tickets(&l.trace))).collect();
        assert_eq!(jobs, [(fixture::STAFF.to_string(), vec![warranty]), ("Sam Wong".to_string(), vec![paid])]);

        // Asked again months later, November's money and tax are what they were.
        let later = shop.report(period, date(2027, 3, 1)).unwrap();
        assert_eq!(
            (later.revenue.total.amount, later.revenue.total.tax),
            (r.revenue.total.amount, r.revenue.total.tax)
        );

        // A period without any of it counts nothing, but still names its months.
        let quiet =
            shop.report(ReportPeriod::new(date(2026, 9, 1), date(2026, 9, 30)).unwrap(), date(2026, 12, 1)).unwrap();
        assert_eq!(quiet.turnaround_by_month.total.count, 0);
        assert_eq!(quiet.revenue.lines.len(), 1);
        assert_eq!(quiet.returns.total.count + quiet.quotations.total.count + quiet.payments.total.count, 0);
        assert_eq!(quiet.overdue.total.count, r.overdue.total.count, "today's overdue work, in any period");
    });
}
