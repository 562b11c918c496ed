use jiff::civil::{date, Date};
use proptest::prelude::*;

use super::figures::{days_between, tax_parts, DaysSummary, OverdueBand, WorkKind};
use super::*;
use crate::after_sale::{EntryKind, PaymentMethod};
use crate::returns::{ReturnId, ReturnReason};
use crate::staff::StaffId;
use crate::ticket::TicketId;
use crate::{Amount, Code, Currency};

fn hkd() -> Currency {
    Currency::from_code("HKD").unwrap()
}

fn ticket(id: i64) -> TicketRef {
    TicketRef { id: TicketId(id), number: format!("R-2026-{id:05}") }
}

fn period(from: Date, to: Date) -> ReportPeriod {
    ReportPeriod::new(from, to).unwrap()
}

fn handback(id: i64, received_on: Date, left_on: Date, kind: WorkKind) -> Handback {
    Handback { ticket: ticket(id), received_on, left_on, kind, storage_fee: Amount::ZERO }
}

fn taking(id: i64, paid_on: Date, kind: EntryKind, cents: i64, tax: i64) -> Taking {
    Taking { ticket: ticket(id), paid_on, kind, method: PaymentMethod::Card, amount: Amount(cents), tax: Amount(tax) }
}

fn ids(trace: &Trace) -> Vec<i64> {
    match trace {
        Trace::Tickets(t) => t.iter().map(|t| t.id.0).collect(),
        Trace::Returns(r) => r.iter().map(|r| r.id.0).collect(),
    }
}

fn line<'a>(section: &'a Section, key: &str) -> &'a Line {
    section.lines.iter().find(|l| l.key == key).unwrap_or_else(|| panic!("no line {key}"))
}

#[test]
fn a_period_ending_before_it_starts_or_longer_than_five_years_is_refused_at_its_end() {
    let backwards = ReportPeriod::new(date(2026, 12, 1), date(2026, 11, 30)).unwrap_err();
    assert_eq!((backwards.code(), backwards.fields()[0].field.as_str()), (Code::InvalidInput, "to"));
    assert!(ReportPeriod::new(date(2026, 11, 30), date(2026, 11, 30)).is_ok(), "one day is a period");
    assert!(ReportPeriod::new(date(2022, 1, 1), date(2026, 12, 31)).is_ok(), "five whole years");
    let long = ReportPeriod::new(date(2022, 1, 1), date(2027, 1, 1)).unwrap_err();
    assert_eq!(long.fields()[0].field, "to");
    assert!(long.to_string().contains("5 years"), "{long}");
    let typed = ReportPeriod::parse("2026-13-01", "2026-12-31").unwrap_err();
    assert_eq!(typed.fields()[0].field, "from", "a date that is not one is refused at its own field");
    assert_eq!(
        ReportPeriod::parse(" 2026-11-01", "2026-11-30 ").unwrap(),
        period(date(2026, 11, 1), date(2026, 11, 30))
    );
}

#[test]
fn the_presets_are_whole_months_and_years_on_a_leap_day_and_across_the_year_end() {
    let leap = date(2028, 2, 29);
    assert_eq!(PeriodPreset::ThisMonth.period(leap), period(date(2028, 2, 1), date(2028, 2, 29)));
    assert_eq!(PeriodPreset::LastMonth.period(leap), period(date(2028, 1, 1), date(2028, 1, 31)));
    let new_year = date(2027, 1, 1);
    assert_eq!(PeriodPreset::LastMonth.period(new_year), period(date(2026, 12, 1), date(2026, 12, 31)));
    assert_eq!(PeriodPreset::ThisYear.period(new_year), period(date(2027, 1, 1), date(2027, 12, 31)));
    assert_eq!(PeriodPreset::LastYear.period(new_year), period(date(2026, 1, 1), date(2026, 12, 31)));
    let march = date(2026, 3, 31);
    assert_eq!(PeriodPreset::LastMonth.period(march), period(date(2026, 2, 1), date(2026, 2, 28)));
}

#[test]
fn a_period_spans_the_months_it_touches_and_is_counted_to_today_at_the_latest() {
    let p = period(date(2026, 11, 30), date(2027, 2, 1));
    let months: Vec<String> = p.months().iter().map(ToString::to_string).collect();
    assert_eq!(months, ["2026-11", "2026-12", "2027-01", "2027-02"]);
    assert_eq!(p.months()[1].label(), "December 2026");
    assert_eq!(p.as_of(date(2026, 12, 15)), date(2026, 12, 15), "what comes after today is not known");
    assert_eq!(p.as_of(date(2027, 6, 1)), date(2027, 2, 1));
    assert_eq!(period(date(2028, 2, 29), date(2028, 2, 29)).months()[0].last_day(), date(2028, 2, 29));
}

#[test]
fn days_count_whole_calendar_days_and_the_same_day_is_none() {
    assert_eq!(days_between(date(2026, 11, 30), date(2026, 11, 30)), 0);
    assert_eq!(days_between(date(2028, 2, 28), date(2028, 3, 1)), 2, "through the leap day");
    assert_eq!(days_between(date(2026, 12, 31), date(2027, 1, 1)), 1, "across the year end");
    assert_eq!(days_between(date(2026, 1, 31), date(2026, 3, 1)), 29);
}

#[test]
fn the_median_of_an_even_count_is_halfway_and_nothing_has_no_average() {
    assert_eq!(DaysSummary::of(&[]), None);
    assert_eq!(DaysSummary::of(&[0]), Some(DaysSummary { count: 1, average: 0.0, median: 0.0 }));
    let odd = DaysSummary::of(&[9, 1, 2]).unwrap();
    assert_eq!((odd.median, odd.average), (2.0, 4.0));
    let even = DaysSummary::of(&[3, 1, 4, 10]).unwrap();
    assert_eq!((even.median, even.average), (3.5, 4.5));
}

#[test]
fn overdue_bands_start_the_day_after_the_deadline() {
    let deadline = date(2026, 11, 30);
    let band = |d: Date| OverdueBand::of(deadline, d);
    assert_eq!(band(date(2026, 11, 30)), None, "due today is not late");
    assert_eq!(band(date(2026, 11, 29)), None);
    assert_eq!(band(date(2026, 12, 1)), Some(OverdueBand::UpToAWeek));
    assert_eq!(band(date(2026, 12, 7)), Some(OverdueBand::UpToAWeek));
    assert_eq!(band(date(2026, 12, 8)), Some(OverdueBand::UpToAMonth));
    assert_eq!(band(date(2026, 12, 30)), Some(OverdueBand::UpToAMonth));
    assert_eq!(band(date(2026, 12, 31)), Some(OverdueBand::UpToThreeMonths), "31 days, across the year end");
    assert_eq!(band(date(2027, 2, 28)), Some(OverdueBand::UpToThreeMonths), "90 days");
    assert_eq!(band(date(2027, 3, 1)), Some(OverdueBand::OverThreeMonths));
}

#[test]
fn the_tax_part_follows_the_money_and_adds_up_once_the_account_is_paid() {
    // HKD 1,100.00 charged, 100.00 of it tax: a deposit of 300.00, then the rest.
    let parts = tax_parts(&[30_000, 80_000], Amount(110_000), Amount(10_000));
    assert_eq!(parts, [Amount(2_727), Amount(7_273)], "rounded on the running total");
    // Paid 1,200.00, the 100.00 too much refunded: the credit carries no tax.
    let over = tax_parts(&[120_000, -10_000], Amount(110_000), Amount(10_000));
    assert_eq!(over, [Amount(10_000), Amount(0)]);
    // A refund of part of what was charged gives back its tax.
    let back = tax_parts(&[110_000, -55_000], Amount(110_000), Amount(10_000));
    assert_eq!(back, [Amount(10_000), Amount(-5_000)]);
    assert_eq!(tax_parts(&[5_000], Amount::ZERO, Amount::ZERO), [Amount::ZERO], "a deposit before any quotation");
}

#[test]
fn handbacks_are_counted_in_the_month_they_left_by_kind_with_the_tickets_they_came_from() {
    let p = period(date(2028, 1, 1), date(2028, 3, 31));
    let facts = ReportFacts {
        handbacks: vec![
            handback(1, date(2028, 1, 31), date(2028, 1, 31), WorkKind::Paid),
            handback(2, date(2028, 2, 20), date(2028, 2, 29), WorkKind::Warranty),
            handback(3, date(2028, 2, 1), date(2028, 3, 1), WorkKind::Unrepaired),
            Handback { storage_fee: Amount(3_000), ..handback(4, date(2028, 2, 26), date(2028, 3, 1), WorkKind::Paid) },
            // Left the day after the period: another report's.
            handback(5, date(2028, 3, 1), date(2028, 4, 1), WorkKind::Paid),
        ],
        ..ReportFacts::default()
    };
    let r = Report::of(p, date(2028, 3, 31), hkd(), &facts);
    let jan = line(&r.turnaround_by_month, "2028-01");
    assert_eq!((jan.count, jan.days.unwrap().average, ids(&jan.trace)), (1, 0.0, vec![1]), "collected the same day");
    let feb = line(&r.turnaround_by_month, "2028-02");
    assert_eq!((feb.count, feb.days.unwrap().median, ids(&feb.trace)), (1, 9.0, vec![2]), "left on the leap day");
    let mar = line(&r.turnaround_by_month, "2028-03");
    assert_eq!(
        (mar.count, mar.days.unwrap().median, ids(&mar.trace)),
        (2, 16.5, vec![3, 4]),
        "29 and 4 days (February has 29)"
    );
    assert_eq!(r.turnaround_by_month.total.count, 4);
    assert_eq!(ids(&r.turnaround_by_month.total.trace), [1, 2, 3, 4]);
    let paid = line(&r.turnaround_by_kind, "paid");
    assert_eq!((paid.count, paid.days.unwrap().average, ids(&paid.trace)), (2, 2.0, vec![1, 4]));
    assert_eq!(ids(&line(&r.turnaround_by_kind, "unrepaired").trace), [3]);
    let storage = line(&r.storage, "2028-03");
    assert_eq!((storage.amount, ids(&storage.trace)), (Amount(3_000), vec![4]), "only the fee charged");
    assert_eq!(r.storage.total.amount, Amount(3_000));
    assert_eq!(line(&r.storage, "2028-02").count, 0, "a month without fees is shown as none");
}

#[test]
fn money_received_is_payments_less_refunds_by_month_and_methods_keep_refunds_apart() {
    let p = period(date(2026, 11, 1), date(2026, 12, 31));
    let cash = |t: Taking| Taking { method: PaymentMethod::Cash, ..t };
    let facts = ReportFacts {
        takings: vec![
            taking(1, date(2026, 11, 30), EntryKind::Payment, 110_000, 10_000),
            cash(taking(2, date(2026, 12, 1), EntryKind::Payment, 50_000, 0)),
            taking(1, date(2026, 12, 31), EntryKind::Refund, 11_000, 1_000),
            taking(3, date(2027, 1, 1), EntryKind::Payment, 99_999, 0),
        ],
        ..ReportFacts::default()
    };
    let r = Report::of(p, date(2026, 12, 31), hkd(), &facts);
    let nov = line(&r.revenue, "2026-11");
    assert_eq!((nov.amount, nov.tax, ids(&nov.trace)), (Amount(110_000), Amount(10_000), vec![1]));
    let dec = line(&r.revenue, "2026-12");
    assert_eq!((dec.amount, dec.tax, ids(&dec.trace)), (Amount(39_000), Amount(-1_000), vec![1, 2]));
    assert_eq!((r.revenue.total.amount, r.revenue.total.tax), (Amount(149_000), Amount(9_000)));
    let card = line(&r.payments, "card");
    assert_eq!((card.count, card.amount), (1, Amount(110_000)));
    assert_eq!(line(&r.payments, "cash").amount, Amount(50_000));
    assert_eq!(r.payments.lines[0].key, "cash", "in the order the settings list the methods");
    assert_eq!(
        (r.refunds.total.count, r.refunds.total.amount, ids(&r.refunds.total.trace)),
        (1, Amount(11_000), vec![1])
    );
}

#[test]
fn quotations_returns_overdue_work_and_the_bench_keep_what_they_counted() {
    let p = period(date(2026, 11, 1), date(2026, 11, 30));
    let end = |id, on, outcome| QuotationEnd { ticket: ticket(id), on, outcome, amount: Amount(10_000) };
    let case = |id: i64| ReturnRef { id: ReturnId(id), title: format!("RMA-{id}") };
    let eur = Currency::from_code("EUR").unwrap();
    let facts = ReportFacts {
        quotations: vec![
            end(1, date(2026, 11, 1), QuotationOutcome::Accepted),
            end(2, date(2026, 11, 30), QuotationOutcome::Expired),
            end(3, date(2026, 10, 31), QuotationOutcome::Declined),
        ],
        returns: vec![
            ReturnOpened {
                case: case(1),
                reason: Some(ReturnReason::Defective),
                refunded: Some(Amount(5_000)),
                currency: hkd(),
            },
            ReturnOpened { case: case(2), reason: Some(ReturnReason::Defective), refunded: None, currency: hkd() },
            ReturnOpened {
                case: case(3),
                reason: Some(ReturnReason::Defective),
                refunded: Some(Amount(700)),
                currency: eur,
            },
            ReturnOpened { case: case(4), reason: None, refunded: None, currency: hkd() },
        ],
        deadlines: vec![
            OpenDeadline { ticket: ticket(4), deadline: date(2026, 11, 30) },
            OpenDeadline { ticket: ticket(5), deadline: date(2026, 11, 29) },
            OpenDeadline { ticket: ticket(6), deadline: date(2026, 8, 31) },
        ],
        jobs: vec![
            CompletedJob { ticket: ticket(7), watchmaker: StaffId(2), name: "Sam Wong".into() },
            CompletedJob { ticket: ticket(8), watchmaker: StaffId(2), name: "Sam Wong".into() },
        ],
        bench_in_use: true,
        ..ReportFacts::default()
    };
    let r = Report::of(p, date(2026, 11, 30), hkd(), &facts);
    assert_eq!(ids(&line(&r.quotations, "accepted").trace), [1]);
    assert_eq!(ids(&line(&r.quotations, "expired").trace), [2], "expired on the period's last day");
    assert_eq!(line(&r.quotations, "declined").count, 0, "answered the day before the period");
    let defective = line(&r.returns, "defective");
    assert_eq!((defective.count, defective.amount, ids(&defective.trace)), (2, Amount(5_000), vec![1, 2]));
    let in_euros = line(&r.returns, "defective_eur");
    assert_eq!((in_euros.amount, in_euros.currency), (Amount(700), Some(eur)));
    assert_eq!(ids(&line(&r.returns, "unannounced").trace), [4]);
    assert_eq!((r.returns.total.count, r.returns.total.amount), (4, Amount(5_000)), "no euros in the shop's total");
    assert_eq!(ids(&line(&r.overdue, "1_7").trace), [5], "due on the last day is not late");
    assert_eq!(ids(&line(&r.overdue, "over_90").trace), [6], "31 August to 30 November is 91 days");
    assert_eq!(r.overdue.total.count, 2);
    let bench = r.bench.unwrap();
    assert_eq!(
        (bench.lines[0].label.as_str(), bench.lines[0].count, ids(&bench.lines[0].trace)),
        ("Sam Wong", 2, vec![7, 8])
    );
    let unused = Report::of(p, date(2026, 11, 30), hkd(), &ReportFacts { bench_in_use: false, ..facts });
    assert!(unused.bench.is_none(), "no watchmakers' figures where nobody is given tickets");
}

proptest! {
    #[test]
    fn overdue_bands_add_up_to_every_late_ticket(lates in prop::collection::vec(-30i64..400, 0..60)) {
        let as_of = date(2028, 2, 29);
        let deadlines: Vec<OpenDeadline> = lates
            .iter()
            .enumerate()
            .map(|(i, late)| OpenDeadline { ticket: ticket(i as i64 + 1), deadline: as_of.checked_sub(jiff::Span::new().days(*late)).unwrap() })
            .collect();
        let facts = ReportFacts { deadlines, ..ReportFacts::default() };
        let r = Report::of(period(date(2028, 1, 1), date(2028, 12, 31)), as_of, hkd(), &facts);
        let late = lates.iter().filter(|d| **d > 0).count();
        prop_assert_eq!(r.overdue.lines.iter().map(|l| l.count).sum::<usize>(), late);
        prop_assert_eq!(r.overdue.total.count, late);
        prop_assert_eq!(r.overdue.total.trace.len(), late);
    }

    #[test]
    fn months_add_up_to_the_period(entries in prop::collection::vec((0i64..800, 1i64..100_000, any::<bool>()), 0..60)) {
        let p = period(date(2026, 11, 15), date(2028, 3, 10));
        let takings: Vec<Taking> = entries
            .iter()
            .enumerate()
            .map(|(i, (day, cents, refund))| {
                let kind = if *refund { EntryKind::Refund } else { EntryKind::Payment };
                taking(i as i64, p.from.checked_add(jiff::Span::new().days(*day)).unwrap(), kind, *cents, cents / 11)
            })
            .collect();
        let r = Report::of(p, p.to, hkd(), &ReportFacts { takings, ..ReportFacts::default() });
        prop_assert_eq!(r.revenue.lines.len(), 17, "every month shown, counted or not");
        prop_assert_eq!(r.revenue.lines.iter().map(|l| l.amount.0).sum::<i64>(), r.revenue.total.amount.0);
        prop_assert_eq!(r.revenue.lines.iter().map(|l| l.tax.0).sum::<i64>(), r.revenue.total.tax.0);
        prop_assert_eq!(r.revenue.lines.iter().map(|l| l.count).sum::<usize>(), r.revenue.total.count);
        let counted = entries.iter().filter(|(day, _, _)| *day <= 481).count();
        prop_assert_eq!(r.revenue.total.count, counted, "nothing after the period's end");
        prop_assert_eq!(r.payments.total.count + r.refunds.total.count, counted);
    }

    #[test]
    fn a_paid_account_carries_exactly_its_tax(charged in 1i64..10_000_000, rate in 0i64..=2_000, cuts in prop::collection::vec(1i64..1_000, 1..8)) {
        let tax = Amount(charged * rate / 10_000);
        // The account paid in instalments of these proportions, the last one taking the rest.
        let sum: i64 = cuts.iter().sum();
        let mut parts: Vec<i64> = cuts.iter().map(|c| charged * c / sum).collect();
        let last = charged - parts[..parts.len() - 1].iter().sum::<i64>();
        *parts.last_mut().unwrap() = last;
        let taxed = tax_parts(&parts, Amount(charged), tax);
        prop_assert_eq!(taxed.iter().map(|a| a.0).sum::<i64>(), tax.0);
        prop_assert!(taxed.iter().all(|a| a.0 >= 0));
    }
}

#[test]
fn an_unanswered_revision_expires_the_day_after_unless_a_later_one_replaced_it() {
    use super::figures::expired_on;
    let d = |m, day| jiff::civil::date(2026, m, day);
    assert_eq!(expired_on(d(11, 30), None), Some(d(12, 1)), "month end to the 1st");
    assert_eq!(expired_on(jiff::civil::date(2028, 2, 28), None), Some(jiff::civil::date(2028, 2, 29)), "leap day");
    assert_eq!(expired_on(d(12, 31), None), Some(jiff::civil::date(2027, 1, 1)), "year end");
    assert_eq!(expired_on(d(11, 30), Some(d(11, 30))), None, "replaced on its last valid day");
    assert_eq!(expired_on(d(11, 30), Some(d(12, 1))), Some(d(12, 1)), "a revision after it had lapsed");
}

#[test]
fn a_completion_counts_for_the_watchmaker_given_the_ticket_or_else_who_recorded_it() {
    use super::figures::credited;
    assert_eq!(credited(Some("Sam"), "Mei"), "Sam");
    assert_eq!(credited(None, "Mei"), "Mei");
}
