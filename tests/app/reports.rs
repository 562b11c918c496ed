//! The Reports screen on the demo shop: a period picked, every section drawn with its chart,
//! a figure opened to the tickets it counted (and one of them opened), a period the wrong
//! way round refused at the picker, and the report saved as CSV and as PDF.

use anyhow::{Context, Result};

use crate::rig::{bounded, Dialog, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn a_year_s_report_shows_each_section_traces_its_figures_and_saves_as_csv_and_pdf() -> Result<()> {
    let rig = Rig::start("2026-11-22T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("open-demo").await?;
        app.wait_for("[data-testid=demo-banner]").await?;
        app.click("nav-reports").await?;
        app.choose("report-period", "This year").await?;
        app.wait_text("report-label", |t| t.starts_with("1 January 2026 to 31 December 2026")).await?;
        // The demo charged no storage fee this year: said in words, with no chart.
        app.wait_text("report-empty-storage", |t| t == "Nothing counted in this period.").await?;
        for key in ["turnaround_by_month", "turnaround_by_kind", "revenue", "payments", "quotations", "returns", "overdue", "bench"] {
            app.el(&format!("report-{key}")).await?;
            // The chart is a picture the window could draw (an SVG that loaded).
            let drawn = app
                .client
                .execute(
                    "const img = document.querySelector(arguments[0]); return img.complete && img.naturalWidth > 0;",
                    vec![format!("[data-testid=\"report-chart-{key}\"]").into()],
                )
                .await?;
            assert_eq!(drawn, serde_json::json!(true), "the {key} chart shows");
        }
        app.screenshot("a7-report").await?;

        // A quotation figure opens to the tickets it counted; one of them opens.
        let counted = app
            .client
            .execute(
                "const b = [...document.querySelectorAll('[data-testid^=\"report-quotations-\"]')].find((b) => b.tagName === 'BUTTON' && !b.disabled); \
                 b.click(); return b.dataset.testid;",
                vec![],
            )
            .await?;
        let row = counted.as_str().context("a quotation row with records")?.to_string();
        let records = app.el(&format!("{row}-records")).await?;
        let first = records.find(fantoccini::Locator::Css("button")).await?;
        let number = first.text().await?;
        assert!(number.starts_with("R-2026-"), "{number}");
        app.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&records)?]).await?;
        app.screenshot("a8-report-traced").await?;
        first.click().await?;
        app.wait_text("ticket-number", |t| t == number).await?;

        // The wrong way round: said at the picker.
        app.click("nav-reports").await?;
        app.type_into("report-from", "2026-11-30").await?;
        app.type_into("report-to", "2026-11-01").await?;
        app.click("report-show").await?;
        let refused = app.wait_text("error-report-period", |t| !t.is_empty()).await?;
        app.screenshot("a9-report-refused").await?;
        assert!(refused.contains("30 November 2026") || refused.to_lowercase().contains("before"), "{refused}");

        // Saved as CSV and as PDF where staff choose.
        app.choose("report-period", "This year").await?;
        app.wait_text("report-label", |t| t.starts_with("1 January 2026")).await?;
        let folder = tempfile::tempdir()?;
        app.answer_dialogs(Dialog::SuggestedNameIn(folder.path())).await?;
        app.click("report-save-csv").await?;
        app.wait_text("toast", |t| t.starts_with("Report saved to")).await?;
        app.click("report-save-pdf").await?;
        app.wait_text("toast", |t| t.ends_with(".pdf")).await?;
        let csv_path = folder.path().join("Caseback report 2026-01-01 to 2026-12-31.csv");
        let csv = std::fs::read_to_string(&csv_path).with_context(|| format!("{}", csv_path.display()))?;
        let header = csv.lines().next().unwrap_or_default();
        assert!(header.starts_with("Period,Section,Row,Count,Amount"), "{header}");
        assert!(csv.contains("Quotations") && csv.contains("R-2026-"), "rows with their records");
        let pdf = folder.path().join("Caseback report 2026-01-01 to 2026-12-31.pdf");
        let check = std::process::Command::new("qpdf").arg("--check").arg(&pdf).output()?;
        assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
        let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output()?;
        let text = String::from_utf8_lossy(&text.stdout);
        for title in ["Turnaround by month", "Payments by method", "Overdue work", "Completed jobs by watchmaker"] {
            assert!(text.contains(title), "{title} in the PDF");
        }
        app.close().await?;
        Ok(())
    })
    .await
}
