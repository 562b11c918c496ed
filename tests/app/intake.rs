//! Booking a watch in through the real window, finding it again, and exporting its receipt.

use std::path::Path;

use anyhow::{Context, Result};

use crate::rig::{bounded, Dialog, Rig};

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
        // No kind of watch is assumed: it is asked for.
        let kind = app.text("error-device.kind").await?;
        assert!(kind.contains("kind of watch"), "{kind}");
        // A mechanical watch has a serial, not an IMEI, and no firmware to flash.
        app.set_value("input-device.kind", "mechanical").await?;
        let serial = app.text("field-device.serial").await?;
        assert!(serial.starts_with("Serial") && !serial.contains("IMEI"), "{serial}");
        assert!(!app.el("voiding-flashed_firmware").await?.is_displayed().await?);
        app.set_value("input-device.kind", "smartwatch").await?;
        assert!(app.text("field-device.serial").await?.starts_with("Serial or IMEI"));
        assert!(app.el("voiding-flashed_firmware").await?.is_displayed().await?);
        // A purchase date in the future is refused at its field as it is typed, not at Book in.
        app.set_value("input-purchase.purchase_date", "2026-12-24").await?;
        let future = app.wait_text("error-purchase.purchase_date", |t| !t.is_empty()).await?;
        assert!(future.contains("after today"), "{future}");

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
        // Dates as the shop writes them (the test shop: in words).
        let warranty = app.wait_text("intake-warranty", |t| t.contains("In warranty until 2 March 2027")).await?;
        assert!(warranty.contains("from purchase on 2 March 2026"), "{warranty}");
        assert!(app.text("error-purchase.purchase_date").await?.is_empty(), "the corrected date is taken");
        assert!(app.text("intake-assessment-due").await?.contains("24 November 2026"), "2 business days after Friday");
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

        // Save PDF… asks the system's save dialog where, suggesting the ticket's number and
        // the form's title as the name and PDF as the kind; the receipt has the ticket's facts.
        let chosen = rig.chosen_dir()?;
        let path = app.save_pdf("receipt", &chosen).await?;
        assert!(path.ends_with("/R-2026-00001 Intake receipt.pdf"), "{path}");
        let asked = app.dialogs_asked().await?;
        assert_eq!(asked[0]["filters"][0]["extensions"], serde_json::json!(["pdf"]), "{asked:?}");
        assert!(Path::new(asked[0]["defaultPath"].as_str().unwrap_or_default()).is_absolute(), "{asked:?}");
        let text =
            std::process::Command::new("pdftotext").args(["-layout", &path, "-"]).output().context("pdftotext")?;
        let text = String::from_utf8_lossy(&text.stdout);
        for needle in ["R-2026-00001", "Çağrı Öztürk", "Tank T3 Ultra", "24 November 2026"] {
            assert!(text.contains(needle), "{needle} missing from the receipt:\n{text}");
        }

        // Cancelling the dialog does nothing: no file, no message, the last save still shown.
        app.answer_dialogs(Dialog::Cancel).await?;
        app.click("form-tag-export").await?;
        app.wait_dialogs(1).await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(app.text("form-export-path").await?, path);
        assert_eq!(std::fs::read_dir(&chosen)?.count(), 1, "only the receipt was saved");
        assert!(!app.text("toast").await?.contains("Tag"), "no message for a cancelled save");

        // Print sends the receipt to the default printer, on the shop's paper; Open hands the
        // tag to the viewer.
        app.click("form-receipt-print").await?;
        app.wait_text("toast", |t| t.starts_with("Intake receipt sent to \u{201c}Office\u{201d} on A4")).await?;
        app.click("form-tag-open").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !rig.handed_out().contains("xdg-open") && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let handed = rig.handed_out();
        assert!(handed.contains("xdg-open ") && handed.contains("R-2026-00001-tag.pdf"), "{handed}");
        app.close().await?;
        Ok(())
    })
    .await
}

/// The test shop, writing dates as a Turkish shop does (01.12.2026) and amounts as 1.234,56.
fn turkish_style(rig: &Rig, at: &str) -> Result<()> {
    use caseback_domain::staff::RosterEntry;
    let (mut shop, by) = rig.test_shop(at)?;
    let settings =
        shop.settings()?.apply([("forms.date_style", "day_dots"), ("money.number_style", "comma_decimals")])?;
    let roster = [RosterEntry {
        id: Some(by),
        name: caseback_store::fixture::STAFF.into(),
        active: true,
        role: Default::default(),
    }];
    shop.save_settings(by, &settings, &roster, at.parse()?)?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreadable_date_is_said_as_it_is_left_and_book_in_names_every_field_at_once() -> Result<()> {
    // Tuesday 1 December 2026.
    let rig = Rig::start("2026-12-01T02:00:00Z")?;
    turkish_style(&rig, "2026-11-01T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("new-intake").await?;
        // The kind is required, and marked so like the brand and the model.
        for field in ["field-device.kind", "field-device.brand", "field-device.model"] {
            assert!(app.text(field).await?.to_lowercase().contains("required"), "{field}");
        }

        // A two-digit year, then a day November does not have: each said as its field is left.
        app.type_into("input-purchase.purchase_date", "02.11.26").await?;
        app.click("input-device.brand").await?;
        let short = app.wait_text("error-purchase.purchase_date", |t| !t.is_empty()).await?;
        assert!(short.contains("DD.MM.YYYY"), "{short}");
        app.type_into("input-purchase.delivery_date", "31.11.2026").await?;
        app.click("input-device.brand").await?;
        let no_day = app.wait_text("error-purchase.delivery_date", |t| !t.is_empty()).await?;
        assert!(no_day.contains("not a day of the calendar"), "{no_day}");
        // The warranty waits for the date instead of saying none was given.
        let warranty = app.wait_text("intake-warranty", |t| t.contains("cannot be read")).await?;
        assert!(!warranty.contains("no purchase or delivery date"), "{warranty}");
        assert!(app.text("error-purchase.purchase_date").await?.contains("DD.MM.YYYY"), "kept after the check");

        // Book in: the dates and every other problem in the same round, nothing booked.
        app.click("intake-save").await?;
        app.wait_text("error-customer.name", |t| !t.is_empty()).await?;
        for field in
            ["error-device.kind", "error-fault", "error-purchase.purchase_date", "error-purchase.delivery_date"]
        {
            assert!(!app.text(field).await?.is_empty(), "{field} is said with the rest");
        }
        let toast = app.text("toast").await?;
        assert!(toast.contains("fields need attention"), "{toast}");
        app.screenshot("12-intake-unreadable-dates").await?;
        // Corrected, the date is read and the warranty checked from it.
        app.type_into("input-purchase.purchase_date", "02.11.2026").await?;
        app.el("input-purchase.delivery_date").await?.clear().await?;
        app.click("input-device.brand").await?;
        app.wait_text("intake-warranty", |t| t.contains("02.11.2026")).await?;
        assert!(app.text("error-purchase.purchase_date").await?.is_empty());

        // A return request: no counter on the three letters of its currency, and the policy
        // check names the price it cannot read instead of asking for the order again.
        app.click("intake-discard").await?;
        app.click("nav-returns").await?;
        app.click("returns-new").await?;
        assert_eq!(app.value("return-currency").await?, "HKD");
        let counters = app.client.find_all(fantoccini::Locator::Css("[data-testid=left-currency]")).await?;
        assert!(counters.is_empty(), "no counter for a currency code");
        app.type_into("return-price", "12.49900").await?;
        app.click("return-order").await?;
        let check = app.wait_text("eligibility-waiting", |t| t.contains("price")).await?;
        assert!(check.starts_with("Not checked yet.") && check.contains("Correct the price"), "{check}");
        assert!(!check.contains("To check the policy"), "{check}");
        let price = app.text("error-purchase_price").await?;
        assert!(price.contains("cannot be read") && !price.contains("If you mean"), "{price}");
        app.close().await?;
        Ok(())
    })
    .await
}
