//! Assessing a watch, quoting it, and starting work only after written acceptance, in the
//! real window.

use anyhow::{Context, Result};

use crate::rig::{bounded, Rig};

/// A shop with one watch booked in on Monday 2 March 2026.
fn shop_with_a_ticket(rig: &Rig) -> Result<()> {
    let (mut shop, by) = rig.test_shop("2026-03-01T02:00:00Z")?;
    let form = caseback_store::fixture::presage("王小明", "+852 6123 4567", "Loses 40 seconds a day since a fall.");
    shop.book_intake(by, &form, &[], "2026-03-02T02:00:00Z".parse()?)?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn assess_quote_three_lines_accept_in_writing_then_repair() -> Result<()> {
    let rig = Rig::start("2026-03-03T02:00:00Z")?;
    shop_with_a_ticket(&rig)?;
    bounded(async {
        let app = rig.open_app().await?;
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        assert_eq!(app.wait_text("ticket-number", |t| !t.is_empty()).await?, "R-2026-00001");

        // No warranty decision is assumed: saved without one, it is asked for at its field.
        assert_eq!(app.value("assessment-decision").await?, "", "Choose… until a decision is made");
        app.type_into("assessment-findings", "Mainspring broken; impact marks on the case.").await?;
        app.click("assessment-save").await?;
        let asked = app.wait_text("error-decision", |t| !t.is_empty()).await?;
        assert!(asked.contains("Choose the warranty decision"), "{asked}");
        assert!(app.text("ticket-state").await?.contains("Received"), "nothing was recorded");
        // Assessment: not covered, so the ticket waits for a quotation.
        app.set_value("assessment-decision", "not_covered:impact").await?;
        assert!(app.text("error-decision").await?.is_empty(), "the message goes once a decision is chosen");
        let photo = concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png");
        app.el("intake-photos").await?.send_keys(photo).await?;
        app.wait_for("[data-testid=photo-1]:not(.pending)").await?;
        app.click("assessment-save").await?;
        app.wait_text("ticket-state", |t| t.contains("Assessing")).await?;
        app.wait_for("[data-testid=assessment-photo-0] img").await?;
        // The header's next step is the quotation; cancelling is there, but not as the next step.
        let waiting = app.text("ticket-waiting").await?;
        assert!(waiting.contains("quotation"), "{waiting}");
        assert!(!app.text("ticket-moves").await?.contains("Next step\nCancel"));

        // Three lines; the third is a sourcing fee without tax.
        for (i, (description, price)) in
            [("Full service", "880"), ("Mainspring (genuine)", "320"), ("Sourcing from the maker", "80")]
                .iter()
                .enumerate()
        {
            if i > 0 {
                app.click("line-add").await?;
            }
            app.type_into(&format!("line-description-{i}"), description).await?;
            app.type_into(&format!("line-price-{i}"), price).await?;
        }
        app.set_value("line-kind-2", "part_sourcing_fee").await?;
        app.click("line-taxable-2").await?;
        // 880 + 320 taxed at GST 10% = 120; + 80 untaxed: 1,400.00, as the domain computes it.
        app.wait_text("quote-total", |t| t.contains("1,400.00")).await?;
        app.screenshot("20-quotation-editor").await?;
        app.click("quotation-issue").await?;
        app.el("quotation-Q-2026-00001-1").await?;
        let standing = app.text("quotation-standing-1").await?;
        assert!(standing.contains("14 days"), "issued 3 March, valid through the 17th: {standing}");

        // The PDF says the same.
        let path = app.save_pdf("quotation", &rig.chosen_dir()?).await?;
        let text =
            std::process::Command::new("pdftotext").args(["-layout", &path, "-"]).output().context("pdftotext")?;
        let text = String::from_utf8_lossy(&text.stdout);
        for needle in ["Q-2026-00001-1", "王小明", "1,400.00", "17 March 2026"] {
            assert!(text.contains(needle), "{needle} missing from the quotation:\n{text}");
        }

        // The reference's example follows how the answer came, dated the shop's way.
        let email = app.el("answer-reference").await?.attr("placeholder").await?.unwrap_or_default();
        assert!(email.contains("Re: Quotation Q-2026-00001-1, 3 March 2026"), "{email}");
        // Work cannot start until the written acceptance is recorded.
        app.set_value("answer-channel", "signed_in_store").await?;
        let in_store = app.el("answer-reference").await?.attr("placeholder").await?.unwrap_or_default();
        assert_eq!(in_store, "e.g. Signed at the counter, 3 March 2026");
        app.type_into("answer-reference", "Signed at the counter, 3 Mar 2026").await?;
        // The signed page is attached as evidence (any PDF will do for the test).
        app.el("answer-scan").await?.send_keys(&path).await?;
        app.wait_text("answer-scan-name", |t| t.contains("Attached")).await?;
        app.screenshot("21a-scan-attached").await?;
        app.click("answer-accept").await?;
        app.wait_text("ticket-state", |t| t.contains("Approved")).await?;
        app.click("move-in_repair").await?;
        app.wait_text("ticket-state", |t| t.contains("In repair")).await?;
        // Accepted on Tuesday 3 March, 5 working days: the header says the day promised.
        let promised = app.text("ticket-promise").await?;
        assert!(promised.starts_with("Repair promised by 10 March 2026"), "{promised}");
        app.screenshot("21-quotation-accepted").await?;
        let history = app.text("ticket-history").await?;
        assert!(history.contains("Mei Chan"), "{history}");
        app.close().await?;
        Ok(())
    })
    .await
}
