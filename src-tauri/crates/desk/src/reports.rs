//! The Reports screen: a period's figures, section by section, each with its words, its
//! rows as text and as raw numbers (for charts and CSV), and the records each row counted.

use caseback_domain::report::{Line, PeriodPreset, Report, ReportPeriod, ReturnRef, Section, TicketRef, Trace};
use caseback_domain::{Amount, Currency};
use serde::Serialize;

use crate::charts;
use crate::dates::Dates;
use crate::error::Result;
use crate::Desk;

/// How the money sections count, said once on the screen and in an export.
pub const MONEY_BASIS: &str = "Money is counted when it was received (cash basis): payments less refunds, by the \
     day they were paid, voided entries left out. The tax part of each is the share of tax in what the ticket's \
     account charges.";

/// A period the picker offers, worked out from today.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodChoice {
    pub key: &'static str,
    pub label: &'static str,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    /// The period as asked, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// "01/11/2026 to 30/11/2026", in the shop's style.
    pub period_label: String,
    /// The day overdue work is counted on, and in words.
    pub as_of: String,
    pub as_of_label: String,
    /// The code of the currency every amount without its own is in.
    pub currency: &'static str,
    pub money_basis: &'static str,
    pub presets: Vec<PeriodChoice>,
    pub sections: Vec<ReportSectionView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReportSectionView {
    pub key: &'static str,
    pub title: &'static str,
    /// What the section counts, in one sentence.
    pub sentence: &'static str,
    /// Which of a row's figures this section fills: `count`, `amount`, `tax`, `net`, `days`.
    pub figures: Vec<&'static str>,
    pub rows: Vec<ReportRowView>,
    /// The whole period's (or every row's) figures.
    pub total: ReportRowView,
    /// The section's chart, an SVG document (`charts::WIDTH` x `charts::HEIGHT` px): what the
    /// window shows and the PDF embeds; empty when the section counted nothing.
    pub chart: String,
    /// What the chart's bars measure: "Average days", "Amount (HKD)", "Count".
    pub chart_measure: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReportRowView {
    pub key: String,
    pub label: String,
    pub count: usize,
    /// "3 tickets", "1 payment".
    pub count_text: String,
    /// In minor units of `currency`; None where the section counts no money.
    pub amount: Option<i64>,
    pub amount_text: Option<String>,
    pub tax: Option<i64>,
    pub tax_text: Option<String>,
    /// The amount net of tax.
    pub net: Option<i64>,
    pub net_text: Option<String>,
    pub currency: &'static str,
    pub average_days: Option<f64>,
    /// "3.5 days".
    pub average_text: Option<String>,
    pub median_days: Option<f64>,
    pub median_text: Option<String>,
    /// The tickets the row counted (a ticket section), or the return cases (Returns).
    pub tickets: Vec<TicketRef>,
    pub returns: Vec<ReturnRef>,
}

/// How one section is shown.
struct Shape {
    key: &'static str,
    title: &'static str,
    sentence: &'static str,
    /// What one counted record is called: ("ticket", "tickets").
    noun: (&'static str, &'static str),
    figures: &'static [&'static str],
}

const TURNAROUND: &[&str] = &["count", "days"];
const MONEY: &[&str] = &["count", "amount"];

fn shapes(r: &Report) -> Vec<(Shape, &Section)> {
    let mut out = vec![
        (Shape { key: "turnaround_by_month", title: "Turnaround by month", sentence: "Days from intake to the watch going back (collected, dispatched or returned unrepaired), for the watches that went back in the period, by the month they went back.", noun: ("ticket", "tickets"), figures: TURNAROUND }, &r.turnaround_by_month),
        (Shape { key: "turnaround_by_kind", title: "Turnaround by kind of work", sentence: "The same watches, by what was done: covered by warranty, a paid repair, or returned unrepaired.", noun: ("ticket", "tickets"), figures: TURNAROUND }, &r.turnaround_by_kind),
        (Shape { key: "revenue", title: "Money received and tax by month", sentence: MONEY_BASIS, noun: ("entry", "entries"), figures: &["count", "amount", "tax", "net"] }, &r.revenue),
        (Shape { key: "payments", title: "Payments by method", sentence: "Payments taken in the period, by how they were paid; voided ones left out.", noun: ("payment", "payments"), figures: MONEY }, &r.payments),
        (Shape { key: "refunds", title: "Refunds by method", sentence: "Refunds paid back on tickets in the period, by how they were paid; voided ones left out.", noun: ("refund", "refunds"), figures: MONEY }, &r.refunds),
        (Shape { key: "quotations", title: "Quotations", sentence: "Quotations accepted or declined in the period (by the day of the written answer), and those that expired unanswered in it (the day after their last valid day), with the repair's total as quoted.", noun: ("quotation", "quotations"), figures: MONEY }, &r.quotations),
        (Shape { key: "storage", title: "Storage fees", sentence: "Storage fees charged on the watches that left in the period, by the month they left.", noun: ("ticket", "tickets"), figures: MONEY }, &r.storage),
        (Shape { key: "returns", title: "Returns by reason", sentence: "Return cases opened in the period, by the customer's reason, with what was refunded on them so far.", noun: ("return", "returns"), figures: MONEY }, &r.returns),
        (Shape { key: "overdue", title: "Overdue work", sentence: "Open tickets past their next deadline today, whatever the period, by how late they are.", noun: ("ticket", "tickets"), figures: TURNAROUND }, &r.overdue),
    ];
    if let Some(bench) = &r.bench {
        out.push((Shape { key: "bench", title: "Completed jobs by watchmaker", sentence: "Repairs completed in the period, counted for the watchmaker the ticket is given to (or who recorded it done).", noun: ("job", "jobs"), figures: &["count"] }, bench));
    }
    out
}

/// "3.5 days", "1 day", "0 days".
fn days_text(days: f64) -> String {
    if (days - 1.0).abs() < f64::EPSILON {
        "1 day".into()
    } else if days.fract() == 0.0 {
        format!("{days:.0} days")
    } else {
        format!("{days:.1} days")
    }
}

fn row(shape: &Shape, line: &Line, shop: Currency) -> ReportRowView {
    let currency = line.currency.map_or(shop, |c| c.with_style(shop.style()));
    let has = |figure: &str| shape.figures.contains(&figure);
    let money = |figure: &str, amount: Amount| has(figure).then_some(amount.0);
    let text = |amount: Option<i64>| amount.map(|a| currency.format(Amount(a)));
    let (amount, tax, net) =
        (money("amount", line.amount), money("tax", line.tax), money("net", Amount(line.amount.0 - line.tax.0)));
    let days = line.days.filter(|_| has("days"));
    let (tickets, returns) = match &line.trace {
        Trace::Tickets(t) => (t.clone(), Vec::new()),
        Trace::Returns(r) => (Vec::new(), r.clone()),
    };
    ReportRowView {
        key: line.key.clone(),
        label: line.label.clone(),
        count: line.count,
        count_text: format!("{} {}", line.count, if line.count == 1 { shape.noun.0 } else { shape.noun.1 }),
        amount_text: text(amount),
        amount,
        tax_text: text(tax),
        tax,
        net_text: text(net),
        net,
        currency: currency.code(),
        average_days: days.map(|d| d.average),
        average_text: days.map(|d| days_text(d.average)),
        median_days: days.map(|d| d.median),
        median_text: days.map(|d| days_text(d.median)),
        tickets,
        returns,
    }
}

/// A section's chart: average days where it counts days, the amount where it counts money,
/// else how many. Amounts are drawn in whole units of the shop's currency.
fn chart_of(shape: &Shape, rows: &[ReportRowView], currency: Currency) -> (String, String) {
    let has = |figure: &str| shape.figures.contains(&figure);
    let unit = 10f64.powi(currency.minor_digits() as i32);
    // Months by their short names ("Nov", "Nov 26" when the period spans years): twelve
    // "November 2026" would run into each other under the bars.
    let years: std::collections::BTreeSet<&str> = rows.iter().filter_map(|r| r.key.get(..4)).collect();
    let short = |r: &ReportRowView| match jiff::civil::Date::strptime("%Y-%m-%d", format!("{}-01", r.key)) {
        Ok(d) if years.len() > 1 => d.strftime("%b %y").to_string(),
        Ok(d) => d.strftime("%b").to_string(),
        Err(_) => r.label.clone(),
    };
    let (measure, bars): (String, Vec<(String, f64)>) = if has("days") && shape.key != "overdue" {
        ("Average days".into(), rows.iter().map(|r| (short(r), r.average_days.unwrap_or(0.0))).collect())
    } else if has("amount") {
        (
            format!("Amount ({})", currency.code()),
            // On the shop's currency's axis, only what is in that currency (a refund in
            // another is in the table, on its own line).
            rows.iter()
                .filter(|r| r.currency == currency.code())
                .map(|r| (short(r), r.amount.unwrap_or(0) as f64 / unit))
                .collect(),
        )
    } else {
        ("Count".into(), rows.iter().map(|r| (short(r), r.count as f64)).collect())
    };
    let whole = |v: f64| currency.format_number(Amount((v * unit).round() as i64));
    let label: &dyn Fn(f64) -> String = if measure.starts_with("Amount") {
        // Whole amounts without their cents ("12,000"); a fraction keeps them.
        &|v| {
            let written = whole(v);
            if v.fract() == 0.0 {
                written.split(currency.style().decimal_mark()).next().unwrap_or_default().to_string()
            } else {
                written
            }
        }
    } else if measure == "Count" {
        &|v| format!("{v:.0}")
    } else {
        &|v| format!("{v:.1}")
    };
    let whole_numbers = measure == "Count";
    let svg = charts::bar_chart(&charts::BarChart { unit: &measure, bars: &bars, label, whole_numbers });
    (svg, measure)
}

/// The picker's periods as of `today`.
fn presets(today: jiff::civil::Date) -> Vec<PeriodChoice> {
    PeriodPreset::ALL
        .into_iter()
        .map(|p| {
            let period = p.period(today);
            PeriodChoice { key: p.key(), label: p.label(), from: period.from.to_string(), to: period.to.to_string() }
        })
        .collect()
}

impl Desk {
    /// The periods the Reports screen's picker offers (this month, last month, this year,
    /// last year), as of today.
    pub fn report_periods(&mut self) -> Result<Vec<PeriodChoice>> {
        let (shop, now) = self.at()?;
        Ok(presets(shop.settings()?.today(now)))
    }

    /// The figures from `from` through `to` (`YYYY-MM-DD`, both included), refused at the
    /// field when they are not a period.
    pub fn report(&mut self, from: &str, to: &str) -> Result<ReportView> {
        let period = ReportPeriod::parse(from, to)?;
        let (shop, now) = self.at()?;
        let settings = shop.settings()?;
        let today = settings.today(now);
        let report = shop.report(period, today)?;
        let dates = Dates::of(&settings);
        let currency = settings.currency;
        let sections = shapes(&report)
            .into_iter()
            .map(|(shape, section)| {
                let rows: Vec<ReportRowView> = section.lines.iter().map(|l| row(&shape, l, currency)).collect();
                let total = row(&shape, &section.total, currency);
                // A section that counted nothing has no chart: its table says so.
                let (chart, chart_measure) =
                    if total.count == 0 { (String::new(), String::new()) } else { chart_of(&shape, &rows, currency) };
                ReportSectionView {
                    total,
                    rows,
                    key: shape.key,
                    title: shape.title,
                    sentence: shape.sentence,
                    figures: shape.figures.to_vec(),
                    chart,
                    chart_measure,
                }
            })
            .collect();
        Ok(ReportView {
            from: period.from.to_string(),
            to: period.to.to_string(),
            period_label: format!("{} to {}", dates.day(period.from), dates.day(period.to)),
            as_of: report.as_of.to_string(),
            as_of_label: dates.day(report.as_of),
            currency: currency.code(),
            money_basis: MONEY_BASIS,
            presets: presets(today),
            sections,
        })
    }
}
