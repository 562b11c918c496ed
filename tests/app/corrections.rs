//! Mending what a shop would hit: a mistyped phone number corrected on the customer's page
//! (logged, and found by the new number), and a parcel held without its code that may go
//! back only once its hold has ended.

use anyhow::Result;

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn a_mistyped_phone_is_corrected_logged_and_found() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        // Book a watch in for Wong Ka Ming, with the phone typed wrong.
        app.click("nav-tickets").await?;
        app.click("new-intake").await?;
        app.type_into("input-customer.name", "Wong Ka Ming").await?;
        app.type_into("input-customer.phone", "+852 9000 0000").await?;
        app.set_value("input-device.kind", "mechanical").await?;
        app.type_into("input-device.brand", "Seiko").await?;
        app.type_into("input-device.model", "Presage").await?;
        app.type_into("input-fault", "Stops at night").await?;
        app.click("intake-save").await?;
        app.wait_text("ticket-number", |t| t.starts_with("R-2026-")).await?;
        app.click("ticket-customer").await?;
        app.wait_text("customer-phone", |t| t == "+852 9000 0000").await?;

        // A phone that is not one is refused next to its field; nothing is saved.
        app.click("customer-edit").await?;
        app.type_into("customer-edit-phone", "call me at home").await?;
        app.click("customer-edit-save").await?;
        let refusal = app.wait_text("error-phone", |t| !t.is_empty()).await?;
        assert!(refusal.to_lowercase().contains("phone"), "{refusal}");

        app.type_into("customer-edit-phone", "+852 9123 4567").await?;
        app.click("customer-edit-save").await?;
        app.wait_text("customer-phone", |t| t == "+852 9123 4567").await?;
        let history = app.wait_text("customer-history", |t| t.contains("Corrected")).await?;
        assert!(history.contains("\"+852 9000 0000\"") && history.contains("\"+852 9123 4567\""), "{history}");
        assert!(history.contains("Mei Chan"), "who corrected it: {history}");

        // The ticket list finds the watch by the new number, not the old one.
        app.click("nav-tickets").await?;
        app.type_into("ticket-search", "91234567").await?;
        app.wait_text("ticket-count", |t| t.starts_with("1 ticket")).await?;
        app.type_into("ticket-search", "90000000").await?;
        app.el("tickets-none").await?;
        app.close().await
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_parcel_without_its_code_goes_back_only_after_its_hold() -> Result<()> {
    // Friday 27 November 2026, 10:00 in Hong Kong: lx-watch holds it 3 days, through Monday.
    let rig = Rig::start("2026-11-27T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-returns").await?;
        app.click("returns-receive").await?;
        app.click("receive-no-code").await?;
        app.type_into("receive-sender", "M. Demir").await?;
        app.click("receive-save").await?;
        app.wait_text("return-state", |t| t.contains("Held")).await?;
        app.wait_text("package-hold-until", |t| t == "30 November 2026").await?;

        // Sending it back before the hold ends is refused, saying from which day.
        app.type_into("return-send-back-tracking", "RR998877665HK").await?;
        app.click("return-send-back").await?;
        let refusal = app.wait_text("send-back-error", |t| !t.is_empty()).await?;
        assert!(
            refusal.contains("held through 30 November 2026") && refusal.contains("from 1 December 2026"),
            "{refusal}"
        );
        app.screenshot("62-held-parcel-refused").await?;

        // On Tuesday the hold is over: the calendar makes it one to send back, on Today too.
        rig.set_clock("2026-12-01T02:00:00Z")?;
        app.click("nav-today").await?;
        app.wait_text("today-send-back", |t| t.contains("M. Demir") || t.contains("Package from")).await?;
        app.click("nav-returns").await?;
        app.type_into("returns-search", "demir").await?;
        app.wait_text("returns-count", |t| t.starts_with("1 return")).await?;
        app.wait_text("returns-results", |t| t.contains("To send back")).await?;
        // WebKitWebDriver cannot click a table row; a person's click is the row's own.
        app.client.execute("document.querySelector('[data-testid=return-row-1]').click()", vec![]).await?;
        app.el("return-send-back").await?;
        app.type_into("return-send-back-tracking", "RR998877665HK").await?;
        app.click("return-send-back").await?;
        app.wait_text("return-state", |t| t.contains("Sent back")).await?;
        let history = app.text("return-history").await?;
        assert!(history.contains("The hold ended"), "{history}");
        app.close().await
    })
    .await
}
