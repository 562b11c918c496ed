//! The Reports screen on the demo shop: every section builds, the demo's year fills them,
//! and every row's trace names real tickets and returns.

use caseback_desk::Desk;
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use caseback_store::demo;
use serde_json::Value;

fn demo_desk(dir: &std::path::Path) -> Desk {
    let now: jiff::Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let shop = demo::open_or_create(dir, now).unwrap();
    Desk::new(shop, std::sync::Arc::new(move || now))
}

fn section<'a>(view: &'a Value, key: &str) -> &'a Value {
    view["sections"].as_array().unwrap().iter().find(|s| s["key"] == key).unwrap_or_else(|| panic!("no section {key}"))
}

#[test]
fn the_demo_years_report_fills_every_section_and_traces_to_real_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let periods = serde_json::to_value(desk.report_periods().unwrap()).unwrap();
    let this_year = periods.as_array().unwrap().iter().find(|p| p["key"] == "this_year").unwrap();
    assert_eq!((this_year["from"].as_str(), this_year["to"].as_str()), (Some("2026-01-01"), Some("2026-12-31")));
    let last_month = periods.as_array().unwrap().iter().find(|p| p["key"] == "last_month").unwrap();
    assert_eq!((last_month["from"].as_str(), last_month["to"].as_str()), (Some("2026-11-01"), Some("2026-11-30")));

    let view = serde_json::to_value(desk.report("2026-01-01", "2026-12-31").unwrap()).unwrap();
    assert_eq!(view["as_of"], "2026-12-01", "the year has not ended: counted to today");
    assert_eq!(view["currency"], "HKD");
    let keys: Vec<&str> = view["sections"].as_array().unwrap().iter().map(|s| s["key"].as_str().unwrap()).collect();
    for key in [
        "turnaround_by_month",
        "turnaround_by_kind",
        "revenue",
        "payments",
        "refunds",
        "quotations",
        "storage",
        "returns",
        "overdue",
    ] {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    for s in view["sections"].as_array().unwrap() {
        assert!(!s["title"].as_str().unwrap().is_empty() && s["sentence"].as_str().unwrap().ends_with('.'), "{s}");
        let rows = s["rows"].as_array().unwrap();
        let counted: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
        assert_eq!(counted, s["total"]["count"].as_u64().unwrap(), "{}: rows add up to the total", s["key"]);
    }
    for key in ["turnaround_by_month", "turnaround_by_kind", "revenue", "payments", "quotations", "returns", "overdue"]
    {
        assert!(section(&view, key)["total"]["count"].as_u64().unwrap() > 0, "the demo fills {key}");
    }
    let revenue = &section(&view, "revenue")["total"];
    assert!(revenue["amount"].as_i64().unwrap() > 0 && revenue["amount_text"].as_str().unwrap().starts_with("HKD "));
    assert_eq!(
        revenue["net"].as_i64().unwrap(),
        revenue["amount"].as_i64().unwrap() - revenue["tax"].as_i64().unwrap()
    );
    let turnaround = &section(&view, "turnaround_by_kind")["total"];
    assert!(turnaround["average_text"].as_str().unwrap().ends_with("days") || turnaround["average_text"] == "1 day");
    assert!(turnaround["average_days"].as_f64().unwrap() >= 0.0);
    assert!(section(&view, "payments")["total"]["tax"].is_null(), "a section without tax says none, not zero");

    // Every ticket and return a row names is a record of the shop, under its own number.
    for s in view["sections"].as_array().unwrap() {
        for row in s["rows"].as_array().unwrap() {
            assert_eq!(
                row["tickets"].as_array().unwrap().len() + row["returns"].as_array().unwrap().len() > 0,
                row["count"].as_u64().unwrap() > 0,
                "{row}"
            );
            for t in row["tickets"].as_array().unwrap() {
                let ticket = serde_json::to_value(desk.ticket(TicketId(t["id"].as_i64().unwrap())).unwrap()).unwrap();
                assert_eq!(ticket["ticket"]["number"], t["number"], "{}", s["key"]);
            }
            for r in row["returns"].as_array().unwrap() {
                let case =
                    serde_json::to_value(desk.return_case(ReturnId(r["id"].as_i64().unwrap())).unwrap()).unwrap();
                assert_eq!(case["title"], r["title"]);
            }
        }
    }

    let refused = desk.report("2026-12-31", "2026-01-01").unwrap_err();
    assert_eq!((refused.code, refused.fields[0].field.as_str()), (Code::InvalidInput, "to"));
    assert_eq!(desk.report("yesterday", "2026-01-01").unwrap_err().fields[0].field, "from");
}

/// The report saved: as CSV, a line a row with plain numbers and the records counted; as a
/// PDF, every section's title and its chart's words, a document qpdf finds whole.
#[test]
fn the_report_saves_as_csv_a_spreadsheet_reads_and_as_a_pdf_with_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let view = serde_json::to_value(desk.report("2026-01-01", "2026-12-31").unwrap()).unwrap();

    let csv_path = out.path().join("report.csv");
    desk.save_report("2026-01-01", "2026-12-31", &csv_path).unwrap();
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv::Reader::from_reader(csv.as_bytes());
    let header = lines.headers().unwrap().clone();
    assert_eq!(header.iter().take(5).collect::<Vec<_>>(), ["Period", "Section", "Row", "Count", "Amount"]);
    let rows: Vec<csv::StringRecord> = lines.records().map(|r| r.unwrap()).collect();
    let expected: usize =
        view["sections"].as_array().unwrap().iter().map(|s| s["rows"].as_array().unwrap().len() + 1).sum();
    assert_eq!(rows.len(), expected, "a line a row and a total a section");
    let payments = section(&view, "payments");
    let total = rows.iter().find(|r| &r[2] == "Total: Payments by method").unwrap();
    let minor = payments["total"]["amount"].as_i64().unwrap();
    assert_eq!(&total[4], format!("{}.{:02}", minor / 100, minor % 100), "a plain number, whatever the shop's style");
    let accepted = rows.iter().find(|r| &r[1] == "Quotations" && &r[2] == "Accepted").unwrap();
    let traced: Vec<&str> = accepted[10].split(' ').collect();
    assert_eq!(traced.len().to_string(), accepted[3], "the records counted, each named");

    let pdf = out.path().join("report.pdf");
    desk.save_report("2026-01-01", "2026-12-31", &pdf).unwrap();
    let check = std::process::Command::new("qpdf").arg("--check").arg(&pdf).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for s in view["sections"].as_array().unwrap() {
        assert!(text.contains(s["title"].as_str().unwrap()), "{} in the PDF", s["title"]);
    }
    if let Ok(dir) = std::env::var("CASEBACK_REPORT_SHOT") {
        std::fs::copy(&pdf, std::path::Path::new(&dir).join("report.pdf")).unwrap();
    }
    // The charts are drawings, not pictures: the PDF carries no image.
    let images = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&images.stdout).lines().count(), 2, "only pdfimages' header");

    let refused = desk.save_report("2026-01-01", "2026-12-31", std::path::Path::new("report.pdf")).err().unwrap();
    assert_eq!(refused.code, Code::InvalidInput);
}
