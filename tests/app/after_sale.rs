//! After the repair, in the real window: the technician completes it, the Collection Notice
//! goes out, ten days pass and storage accrues, the customer pays and collects.

use anyhow::{Context, Result};
use caseback_domain::ticket::TicketState;

use crate::rig::{bounded, App, Rig};

/// A watch quoted HKD 1,000.00 (no tax), accepted in writing and in repair since 4 Nov 2026.
fn shop_with_a_repair(rig: &Rig) -> Result<()> {
    let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
    let form = caseback_store::fixture::presage("Ayşe Yılmaz", "+90 542 341 51 94", "Stops overnight.");
    let id = shop.book_intake(by, &form, &[], "2026-11-02T02:00:00Z".parse()?)?.id;
    let at = "2026-11-04T02:00:00Z".parse()?;
    caseback_store::fixture::quoted_and_accepted(&mut shop, by, id, 100_000, "2026-11-03T02:00:00Z".parse()?, at);
    shop.move_ticket(by, id, TicketState::InRepair, at)?;
    Ok(())
}

async fn open_ticket(app: &App) -> Result<()> {
    app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
    app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
    Ok(())
}

fn pdf_text(path: &str) -> Result<String> {
    let out = std::process::Command::new("pdftotext").args(["-layout", path, "-"]).output().context("pdftotext")?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn complete_notify_wait_ten_days_pay_the_storage_fee_and_collect() -> Result<()> {
    // Tuesday 10 November 2026, 10:00 in Hong Kong.
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    shop_with_a_repair(&rig)?;
    bounded(async {
        let app = rig.open_app().await?;
        open_ticket(&app).await?;

        // The technician records the work, one part kept by the shop, and a photo.
        app.type_into("completion-work", "Replaced the balance staff; regulated to +3 s/day.").await?;
        app.click("completion-part-add").await?;
        app.type_into("completion-part-0-description", "Balance staff").await?;
        let photo = concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png");
        app.el("intake-photos").await?.send_keys(photo).await?;
        app.wait_for("[data-testid=photo-1]:not(.pending)").await?;
        app.click("completion-save").await?;
        app.wait_text("ticket-state", |t| t.contains("Ready for collection")).await?;
        app.el("completion-summary").await?;

        // The notice: storage is free through the 17th and costs HKD 10.00 a day from the 18th.
        app.click("notice-issue").await?;
        let fees = app.wait_text("notice-fees-from", |t| !t.is_empty()).await?;
        assert!(fees.contains("18 November 2026") && fees.contains("10.00"), "{fees}");
        let message = app.value("notice-message").await?;
        assert!(message.contains("1,000.00") && message.contains("18 November 2026"), "{message}");
        let path = app.save_pdf("collection-notice", &rig.chosen_dir()?).await?;
        assert!(path.ends_with("R-2026-00001 Collection Notice.pdf"), "{path}");
        let text = pdf_text(&path)?;
        for needle in ["R-2026-00001", "Ayşe Yılmaz", "1,000.00", "Wednesday 18 November 2026"] {
            assert!(text.contains(needle), "{needle} missing from the Collection Notice:\n{text}");
        }
        assert!(app.text("account-balance").await?.contains("1,000.00"));
        app.screenshot("30-collection-notice").await?;

        // Ten days later: days 8, 9 and 10 after the notice cost HKD 10.00 each.
        rig.set_clock("2026-11-20T02:00:00Z")?;
        app.click("nav-today").await?;
        let storage = app.wait_text("today-storage", |t| t.contains("R-2026-00001")).await?;
        assert!(storage.contains("30.00"), "{storage}");
        app.click("today-storage-R-2026-00001").await?;
        let fee = app.wait_text("ticket-storage-fee", |t| !t.is_empty()).await?;
        assert!(fee.contains("HKD 30.00"), "{fee}");
        assert_eq!(app.text("account-balance").await?, "HKD 1,030.00 due");

        // Handing over is refused while money is owed.
        app.click("release-mode-collect").await?;
        app.el("release-block").await?;
        assert!(!app.el("collect-save").await?.is_enabled().await?, "no hand-over with a balance");

        // The customer pays by card; the balance is settled and the watch goes home.
        app.el("payment-amount").await?.clear().await?;
        app.type_into("payment-amount", "1030").await?;
        app.set_value("payment-method", "card").await?;
        app.type_into("payment-reference", "Visa 4242, slip 0117").await?;
        app.click("payment-save").await?;
        app.wait_text("account-balance", |t| t == "Settled").await?;
        app.screenshot("31-paid").await?;
        // Paid by card at the counter: the shop saw it go through, no confirmation is asked.
        let asked = app
            .client
            .execute("return document.querySelector('[data-testid=collect-confirmation]') !== null", vec![])
            .await?;
        assert_eq!(asked, serde_json::Value::Bool(false), "no payment confirmation asked for a card paid here");
        app.click("collect-save").await?;
        app.wait_text("ticket-state", |t| t.contains("Collected")).await?;
        let summary = app.text("release-summary").await?;
        assert!(summary.contains("Ayşe Yılmaz") && summary.contains("20 November 2026"), "{summary}");

        // The receipt says paid in full, with the storage fee among the lines.
        let path = app.save_pdf("payment-receipt", &rig.chosen_dir()?).await?;
        let text = pdf_text(&path)?;
        for needle in ["PAID IN FULL", "1,030.00", "30.00", "Visa 4242, slip 0117"] {
            assert!(text.contains(needle), "{needle} missing from the receipt:\n{text}");
        }
        let history = app.text("ticket-history").await?;
        assert!(history.contains("Mei Chan"), "{history}");
        app.screenshot("32-collected").await?;
        app.close().await?;
        Ok(())
    })
    .await
}

/// The id of the ticket's only entry, as its row names it (`payment-row-7`).
async fn only_entry(app: &App) -> Result<i64> {
    let row = app.wait_for("[data-testid^=payment-row-]").await?;
    let id = row.attr("data-testid").await?.unwrap_or_default();
    id.trim_start_matches("payment-row-").parse().context("a payment row's id")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mistyped_payment_is_asked_about_and_a_payment_taken_by_mistake_is_voided() -> Result<()> {
    // Friday 20 November 2026, 10:00 in Hong Kong: HKD 1,000.00 is owed on the repair.
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    shop_with_a_repair(&rig)?;
    bounded(async {
        let app = rig.open_app().await?;
        open_ticket(&app).await?;
        assert_eq!(app.wait_text("account-balance", |t| t.contains("due")).await?, "HKD 1,000.00 due");

        // A zero too many: the app asks before taking it, with both amounts.
        app.type_into("payment-amount", "10000").await?;
        app.set_value("payment-method", "cash").await?;
        app.click("payment-save").await?;
        let said = app.wait_text("payment-over-balance-text", |t| !t.is_empty()).await?;
        assert!(said.contains("HKD 10,000.00 is more than the balance of HKD 1,000.00"), "{said}");
        let confirm = app.wait_text("payment-confirm-over", |t| !t.is_empty()).await?;
        assert_eq!(confirm, "Record HKD 10,000.00 anyway");
        assert_eq!(app.text("account-balance").await?, "HKD 1,000.00 due", "nothing was taken");
        app.client.set_window_size(1024, 700).await?;
        let box_ = app.el("payment-over-balance").await?;
        app.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&box_)?])
            .await?;
        app.screenshot("35-payment-above-balance").await?;

        // Staff confirm in haste; it is taken as a credit.
        app.click("payment-confirm-over").await?;
        app.wait_text("account-balance", |t| t == "Credit HKD 9,000.00 to refund").await?;
        let id = only_entry(&app).await?;

        // Voided with a reason: struck through, and the balance is owed again.
        app.click(&format!("payment-void-{id}")).await?;
        app.click("payment-void-save").await?;
        app.wait_text("error-reason", |t| t.starts_with("Say why")).await?;
        app.type_into("payment-void-reason", "Mistyped: 10,000.00 for 1,000.00").await?;
        app.click("payment-void-save").await?;
        let voided = app.wait_text(&format!("payment-voided-{id}"), |t| !t.is_empty()).await?;
        assert_eq!(voided, "Voided: Mistyped: 10,000.00 for 1,000.00");
        assert_eq!(app.wait_text("account-balance", |t| t.contains("due")).await?, "HKD 1,000.00 due");
        let paid = app.text("account-paid").await?;
        assert!(paid.starts_with("Paid") && paid.trim_end().ends_with("0.00"), "{paid}");
        let row = app.el(&format!("payment-row-{id}")).await?;
        assert!(row.find(fantoccini::Locator::Css("del")).await.is_ok(), "struck through");
        let buttons =
            app.client.find_all(fantoccini::Locator::Css(&format!("[data-testid=payment-void-{id}]"))).await?;
        assert!(buttons.is_empty(), "a voided entry is not voided twice");
        let history = app.wait_text("ticket-history", |t| t.contains("Voided the payment")).await?;
        assert!(history.contains("HKD 10,000.00 by Cash") && history.contains("Mistyped"), "{history}");
        let list = app.el("payment-list").await?;
        app.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&list)?])
            .await?;
        app.screenshot("36-payment-voided").await?;

        // Paid right, the account is settled by that payment alone.
        app.type_into("payment-amount", "1000").await?;
        app.set_value("payment-method", "cash").await?;
        app.click("payment-save").await?;
        app.wait_text("account-balance", |t| t == "Settled").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
