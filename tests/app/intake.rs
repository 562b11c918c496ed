//! Booking a watch in through the real window, finding it again, and exporting its receipt.

use anyhow::{Context, Result};

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn book_a_watch_in_find_it_and_export_its_receipt() -> Result<()> {
    // Friday 20 November 2026, 10:00 in Hong Kong.
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("new-intake").await?;

        // Saving an empty form is refused field by field.
        app.click("intake-save").await?;
        let error = app.wait_text("error-customer.name", |t| !t.is_empty()).await?;
        assert!(error.contains("name"), "{error}");

        app.type_into("input-customer.name", "Çağrı Öztürk").await?;
        app.type_into("input-customer.phone", "+90 555 014 22 73").await?;
        app.type_into("input-device.brand", "KOSPET").await?;
        app.type_into("input-device.model", "Tank T3 Ultra").await?;
        app.type_into("input-device.serial", "KPT3U-9911").await?;
        app.set_value("input-purchase.purchase_date", "2026-03-02").await?;
        app.type_into("input-fault", "Does not charge on the magnetic cable.").await?;
        app.click("accessory-charger").await?;
        // A photo from disk is copied in and shown.
        let photo = concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png");
        app.el("intake-photos").await?.send_keys(photo).await?;
        app.wait_for("[data-testid=photo-1]:not(.pending)").await?;
        let warranty = app.wait_text("intake-warranty", |t| t.contains("In warranty until 2027-03-02")).await?;
        assert!(warranty.contains("from purchase on 2026-03-02"), "{warranty}");
        assert!(app.text("intake-assessment-due").await?.contains("2026-11-24"), "2 business days after Friday");
        app.screenshot("10-intake-filled").await?;
        app.click("intake-save").await?;

        // The new ticket's page.
        assert_eq!(app.wait_text("ticket-number", |t| t.contains("R-2026-")).await?, "R-2026-00001");
        assert!(app.text("ticket-state").await?.contains("Received"));
        assert!(app.text("ticket-photos").await?.contains("1 taken"));
        app.wait_for("[data-testid=ticket-photo-0] img").await?;
        let history = app.text("ticket-history").await?;
        assert!(history.contains("Mei Chan"), "{history}");
        app.screenshot("11-ticket").await?;

        // Found by search, accents ignored...
        app.click("nav-tickets").await?;
        app.type_into("ticket-search", "cagri").await?;
        app.el("ticket-row-R-2026-00001").await?;
        // ...and by the scan box from any screen: the number and Enter open it.
        app.click("nav-today").await?;
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        assert_eq!(app.wait_text("ticket-number", |t| !t.is_empty()).await?, "R-2026-00001");

        // The receipt exports as a PDF with the ticket's facts in it.
        app.click("form-receipt-export").await?;
        let path = app.wait_text("form-export-path", |t| t.ends_with(".pdf")).await?;
        let text =
            std::process::Command::new("pdftotext").args(["-layout", &path, "-"]).output().context("pdftotext")?;
        let text = String::from_utf8_lossy(&text.stdout);
        for needle in ["R-2026-00001", "Çağrı Öztürk", "Tank T3 Ultra", "2026-11-24"] {
            assert!(text.contains(needle), "{needle} missing from the receipt:\n{text}");
        }

        // Print hands the receipt to the default printer; Open hands the tag to the viewer.
        app.click("form-receipt-print").await?;
        app.wait_text("toast", |t| t.contains("sent to the printer")).await?;
        app.click("form-tag-open").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !rig.handed_out().contains("xdg-open") && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let handed = rig.handed_out();
        assert!(handed.contains("lp ") && handed.contains("R-2026-00001-receipt.pdf"), "{handed}");
        assert!(handed.contains("xdg-open ") && handed.contains("R-2026-00001-tag.pdf"), "{handed}");
        app.close().await?;
        Ok(())
    })
    .await
}
