//! A manager's PIN in the window: set in Settings → Staff, it is asked for when the settings
//! are saved again; a wrong PIN is refused in the dialog, the right one saves.

use anyhow::Result;

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_s_pin_is_set_then_asked_for_before_the_settings_change() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-settings").await?;
        // The shop's first staff member set it up, so runs it: a manager, with a PIN to set.
        app.click("staff-pin-open-0").await?;
        app.type_into("staff-pin-0", "12").await?;
        app.click("staff-pin-save-0").await?;
        let short = app.wait_text("staff-pin-error-0", |t| !t.is_empty()).await?;
        assert_eq!(short, "A PIN is 4 to 8 digits.");
        app.type_into("staff-pin-0", "0427").await?;
        app.click("staff-pin-save-0").await?;
        app.wait_text("toast", |t| t.contains("PIN saved")).await?;
        app.resize(1024, 700).await?;
        let show = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })";
        app.client.execute(show, vec!["[data-testid=staff-list]".into()]).await?;
        app.screenshot("92b-staff-with-a-manager-s-pin").await?;

        // Saving the settings now asks for it.
        app.type_into("input-policy.storage_fee_per_day", "12").await?;
        app.click("settings-save").await?;
        let why = app.wait_text("approval-why", |t| !t.is_empty()).await?;
        assert!(why.starts_with("Changing the settings needs a manager's PIN"), "{why}");
        app.type_into("approval-pin", "9999").await?;
        app.click("approval-approve").await?;
        let wrong = app.wait_text("approval-error", |t| !t.is_empty()).await?;
        assert!(wrong.contains("is not") && wrong.contains("PIN"), "{wrong}");
        app.screenshot("93-a-manager-s-pin-asked").await?;
        app.type_into("approval-pin", "0427").await?;
        app.click("approval-approve").await?;
        app.wait_text("toast", |t| t == "Settings saved.").await?;
        assert_eq!(app.value("input-policy.storage_fee_per_day").await?, "12.00");
        assert!(
            app.client.find(fantoccini::Locator::Css("[data-testid=approval-dialog]")).await.is_err(),
            "the dialog is gone"
        );
        app.close().await?;
        Ok(())
    })
    .await
}
