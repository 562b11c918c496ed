//! A report saved where staff chose: as CSV for a spreadsheet (a line a row, every section,
//! the records each row counted), or as a PDF with the same tables and charts as the screen.

use std::path::{Path, PathBuf};

use caseback_domain::Currency;
use caseback_forms::{ReportPaper, ReportTable};
use caseback_store::StoreError;

use crate::charts;
use crate::error::Result;
use crate::papers::{check_chosen_file, fonts};
use crate::reports::{ReportRowView, ReportSectionView, ReportView};
use crate::Desk;

/// An amount in minor units as a spreadsheet reads a number: `1130.00`, whatever the shop's
/// own style (a comma decimal would split the column).
fn plain(amount: Option<i64>, currency: Currency) -> String {
    let Some(a) = amount else { return String::new() };
    let digits = currency.minor_digits();
    if digits == 0 {
        return a.to_string();
    }
    let unit = 10i64.pow(digits);
    let sign = if a < 0 { "-" } else { "" };
    format!("{sign}{}.{:0width$}", a.abs() / unit, a.abs() % unit, width = digits as usize)
}

fn records(r: &ReportRowView) -> String {
    let tickets = r.tickets.iter().map(|t| t.number.clone());
    let returns = r.returns.iter().map(|c| c.title.clone());
    tickets.chain(returns).collect::<Vec<_>>().join(" ")
}

/// The whole report as CSV: a header, then a line a row and one for each section's total.
pub fn report_csv(view: &ReportView, currency: Currency) -> Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| StoreError::Corrupt(format!("the report could not be written as CSV: {e}"));
    out.write_record([
        "Period",
        "Section",
        "Row",
        "Count",
        "Amount",
        "Tax",
        "Net",
        "Currency",
        "Average days",
        "Median days",
        "Records",
    ])
    .map_err(io)?;
    let period = format!("{} to {}", view.from, view.to);
    let days = |d: Option<f64>| d.map(|d| format!("{d:.1}")).unwrap_or_default();
    for s in &view.sections {
        for (r, is_total) in s.rows.iter().map(|r| (r, false)).chain([(&s.total, true)]) {
            let label = if is_total { format!("Total: {}", s.title) } else { r.label.clone() };
            let has_money = r.amount.is_some();
            // A refund in another currency is written in its own minor units.
            let own = Currency::from_code(r.currency).unwrap_or(currency);
            out.write_record([
                period.as_str(),
                s.title,
                &label,
                &r.count.to_string(),
                &plain(r.amount, own),
                &plain(r.tax, own),
                &plain(r.net, own),
                if has_money { r.currency } else { "" },
                &days(r.average_days),
                &days(r.median_days),
                &records(r),
            ])
            .map_err(io)?;
        }
    }
    out.into_inner().map_err(|e| StoreError::Corrupt(format!("the report could not be written as CSV: {e}")).into())
}

/// A section as the PDF's table: the row's label, then the figures the section fills.
fn table(s: &ReportSectionView) -> ReportTable {
    let has = |f: &str| s.figures.contains(&f);
    let mut columns = vec![(String::new(), false), ("Count".to_string(), true)];
    let money = has("amount");
    if money {
        columns.push(("Amount".into(), true));
    }
    if has("tax") {
        columns.push(("Tax".into(), true));
        columns.push(("Net".into(), true));
    }
    let days = has("days");
    if days {
        columns.push(("Average".into(), true));
        columns.push(("Median".into(), true));
    }
    let cells = |r: &ReportRowView, label: String| {
        let mut c = vec![label, r.count.to_string()];
        let t = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        if money {
            c.push(t(&r.amount_text));
        }
        if has("tax") {
            c.push(t(&r.tax_text));
            c.push(t(&r.net_text));
        }
        if days {
            c.push(t(&r.average_text));
            c.push(t(&r.median_text));
        }
        c
    };
    ReportTable {
        title: s.title.to_string(),
        sentence: s.sentence.to_string(),
        columns,
        rows: s.rows.iter().map(|r| cells(r, r.label.clone())).collect(),
        total: Some(cells(&s.total, "Total".into())),
        chart: Some((s.chart.clone(), charts::WIDTH as usize, charts::HEIGHT as usize)),
    }
}

impl Desk {
    /// Saves the report of `from` through `to` at `path`, chosen in the save dialog: a
    /// `.csv` file as CSV, anything else as a PDF.
    pub fn save_report(&mut self, from: &str, to: &str, path: &Path) -> Result<PathBuf> {
        check_chosen_file(path)?;
        let view = self.report(from, to)?;
        let settings = self.shop.settings()?;
        let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let bytes = if is_csv {
            report_csv(&view, settings.currency)?
        } else {
            let logo = self.shop.logo()?;
            let paper = ReportPaper {
                settings: &settings,
                logo: logo.as_ref(),
                period: view.period_label.clone(),
                basis: view.money_basis.to_string(),
                sections: view.sections.iter().map(table).collect(),
            };
            caseback_forms::report(fonts()?, &paper)?
        };
        caseback_store::private::write_file(path, &bytes)
            .map_err(|e| StoreError::io(format!("Could not save {}", path.display()), e))?;
        Ok(path.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_plain_numbers_a_spreadsheet_reads() {
        let hkd = Currency::from_code("HKD").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(plain(Some(113_000), hkd), "1130.00");
        assert_eq!(plain(Some(-5), hkd), "-0.05");
        assert_eq!(plain(Some(1200), jpy), "1200");
        assert_eq!(plain(None, hkd), "");
    }
}
