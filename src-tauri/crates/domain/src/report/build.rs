//! `Report::of`: the facts counted into lines, each line keeping what it counted.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::figures::{days_between, DaysSummary, OverdueBand, WorkKind};
use super::{
    Line, MonthKey, QuotationOutcome, Report, ReportFacts, ReportPeriod, ReturnRef, Section, TicketRef, Trace,
};
use crate::after_sale::{EntryKind, PaymentMethod};
use crate::returns::ReturnReason;
use crate::{Amount, Currency};

/// One line being counted.
#[derive(Default)]
struct Tally {
    label: String,
    count: usize,
    days: Vec<i64>,
    amount: i64,
    tax: i64,
    currency: Option<Currency>,
    tickets: BTreeSet<TicketRef>,
    returns: BTreeSet<ReturnRef>,
}

impl Tally {
    fn line(self, key: String, returns: bool) -> Line {
        let trace = if returns {
            Trace::Returns(self.returns.into_iter().collect())
        } else {
            Trace::Tickets(self.tickets.into_iter().collect())
        };
        Line {
            key,
            label: self.label,
            count: self.count,
            days: DaysSummary::of(&self.days),
            amount: Amount(self.amount),
            tax: Amount(self.tax),
            currency: self.currency,
            trace,
        }
    }

    /// Adds `other` in, for the period's line (an amount in another currency is not
    /// added to the shop's).
    fn absorb(&mut self, other: &Tally) {
        self.count += other.count;
        self.days.extend(&other.days);
        if other.currency.is_none() {
            self.amount += other.amount;
            self.tax += other.tax;
        }
        self.tickets.extend(other.tickets.iter().cloned());
        self.returns.extend(other.returns.iter().cloned());
    }
}

/// The lines of one section, keyed in the order they are shown.
struct Lines<K: Ord> {
    tallies: BTreeMap<K, (String, Tally)>,
    returns: bool,
}

impl<K: Ord> Lines<K> {
    fn new() -> Self {
        Lines { tallies: BTreeMap::new(), returns: false }
    }

    /// The lines always shown, counted or not (each kind of work, each overdue band).
    fn with(mut self, keys: impl IntoIterator<Item = (K, String, String)>) -> Self {
        for (k, key, label) in keys {
            self.tallies.insert(k, (key, Tally { label, ..Tally::default() }));
        }
        self
    }

    fn of_returns(mut self) -> Self {
        self.returns = true;
        self
    }

    fn at(&mut self, k: K, key: impl FnOnce() -> (String, String)) -> &mut Tally {
        let (_, tally) = self.tallies.entry(k).or_insert_with(|| {
            let (key, label) = key();
            (key, Tally { label, ..Tally::default() })
        });
        tally
    }

    fn section(self, total_label: &str) -> Section {
        let mut total = Tally { label: total_label.to_string(), ..Tally::default() };
        let lines = self
            .tallies
            .into_values()
            .map(|(key, tally)| {
                total.absorb(&tally);
                tally.line(key, self.returns)
            })
            .collect();
        Section { lines, total: total.line("total".into(), self.returns) }
    }
}

fn month_lines(period: &ReportPeriod) -> Lines<MonthKey> {
    Lines::new().with(period.months().into_iter().map(|m| (m, m.to_string(), m.label())))
}

fn month(day: Date) -> impl FnOnce() -> (String, String) {
    move || (MonthKey::of(day).to_string(), MonthKey::of(day).label())
}

impl Report {
    /// Counts `facts` for `period` in the shop's `currency`, overdue work as of `as_of`. Facts outside the period
    /// are left out here too, so a store that gathers a day too many counts nothing twice.
    pub fn of(period: ReportPeriod, as_of: Date, currency: Currency, facts: &ReportFacts) -> Report {
        let in_period = |day: Date| period.contains(day);

        let mut by_month = month_lines(&period);
        let mut by_kind = Lines::new().with(WorkKind::ALL.map(|k| (k, k.key().into(), k.label().into())));
        let mut storage = month_lines(&period);
        for h in facts.handbacks.iter().filter(|h| in_period(h.left_on)) {
            let days = days_between(h.received_on, h.left_on);
            for tally in [by_month.at(MonthKey::of(h.left_on), month(h.left_on)), by_kind.at(h.kind, seeded)] {
                tally.count += 1;
                tally.days.push(days);
                tally.tickets.insert(h.ticket.clone());
            }
            if h.storage_fee.0 > 0 {
                let tally = storage.at(MonthKey::of(h.left_on), month(h.left_on));
                tally.count += 1;
                tally.amount += h.storage_fee.0;
                tally.tickets.insert(h.ticket.clone());
            }
        }

        let mut revenue = month_lines(&period);
        let mut payments = Lines::new();
        let mut refunds = Lines::new();
        for t in facts.takings.iter().filter(|t| in_period(t.paid_on)) {
            let sign = if t.kind == EntryKind::Refund { -1 } else { 1 };
            let tally = revenue.at(MonthKey::of(t.paid_on), month(t.paid_on));
            tally.count += 1;
            tally.amount += sign * t.amount.0;
            tally.tax += sign * t.tax.0;
            tally.tickets.insert(t.ticket.clone());
            let by_method = if t.kind == EntryKind::Refund { &mut refunds } else { &mut payments };
            let tally = by_method.at(method_order(t.method), || (key_of(t.method), t.method.label().into()));
            tally.count += 1;
            tally.amount += t.amount.0;
            tally.tickets.insert(t.ticket.clone());
        }

        let mut quotations = Lines::new().with(QuotationOutcome::ALL.map(|o| (o, o.key().into(), o.label().into())));
        for q in facts.quotations.iter().filter(|q| in_period(q.on)) {
            let tally = quotations.at(q.outcome, seeded);
            tally.count += 1;
            tally.amount += q.amount.0;
            tally.tickets.insert(q.ticket.clone());
        }

        let mut returns = Lines::new().of_returns();
        for r in &facts.returns {
            // A refund in another currency than the shop's has a line of its own: amounts of
            // two currencies are never added.
            let foreign = (r.currency != currency).then_some(r.currency);
            let order = r.reason.and_then(|x| ReturnReason::ALL.iter().position(|y| *y == x)).unwrap_or(usize::MAX);
            let tally = returns.at((order, foreign.map(|c| c.code())), || {
                let (key, label) = match r.reason {
                    Some(reason) => (key_of(reason), reason.label().to_string()),
                    None => ("unannounced".into(), "Package nobody asked to return".into()),
                };
                match foreign {
                    Some(c) => (format!("{key}_{}", c.code().to_ascii_lowercase()), format!("{label} ({})", c.code())),
                    None => (key, label),
                }
            });
            tally.count += 1;
            tally.currency = foreign;
            tally.amount += r.refunded.map_or(0, |a| a.0);
            tally.returns.insert(r.case.clone());
        }

        let mut overdue = Lines::new().with(OverdueBand::ALL.map(|b| (b, b.key().into(), b.label().into())));
        for d in &facts.deadlines {
            if let Some(band) = OverdueBand::of(d.deadline, as_of) {
                let tally = overdue.at(band, seeded);
                tally.count += 1;
                tally.days.push(days_between(d.deadline, as_of));
                tally.tickets.insert(d.ticket.clone());
            }
        }

        let bench = facts.bench_in_use.then(|| {
            let mut bench = Lines::new();
            for j in &facts.jobs {
                let tally = bench.at((j.name.clone(), j.watchmaker), || (j.watchmaker.0.to_string(), j.name.clone()));
                tally.count += 1;
                tally.tickets.insert(j.ticket.clone());
            }
            bench.section("Every watchmaker")
        });

        Report {
            period,
            as_of,
            turnaround_by_month: by_month.section("The whole period"),
            turnaround_by_kind: by_kind.section("Every kind of work"),
            revenue: revenue.section("The whole period"),
            payments: payments.section("Every method"),
            refunds: refunds.section("Every method"),
            quotations: quotations.section("Every quotation"),
            storage: storage.section("The whole period"),
            returns: returns.section("Every return"),
            overdue: overdue.section("Every overdue ticket"),
            bench,
        }
    }
}

/// Lines seeded with every key are never made by `at`.
fn seeded() -> (String, String) {
    (String::new(), String::new())
}

/// Methods in the order the shop's settings list them.
fn method_order(method: PaymentMethod) -> usize {
    PaymentMethod::ALL.iter().position(|m| *m == method).unwrap_or(usize::MAX)
}

fn key_of<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}
