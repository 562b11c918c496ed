//! The shop's data from the Settings screen: the automatic backup made on start, a copy to
//! another folder, checking and restoring it, and the CSV export.

use anyhow::{Context, Result};

use crate::rig::{bounded, Dialog, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn back_up_check_restore_and_export_from_settings() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    let usb = tempfile::tempdir()?;
    let usb_path = usb.path().to_str().context("path")?.to_string();
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-settings").await?;
        // The automatic backup was made when the app started (the shop's date: 10 November).
        app.wait_for("[data-testid=backup-row-2026-11-10]").await?;
        assert!(rig.shop_dir().join("backups").join("caseback-2026-11-10.sqlite").is_file());

        // A relative folder is refused next to the field; a real one gets the copy.
        app.type_into("backup-folder", "usb").await?;
        app.click("backup-now").await?;
        app.wait_text("error-backup-folder", |t| t.contains("full path")).await?;
        // Choose folder… opens the system's folder dialog; the chosen folder shows in the field.
        app.answer_dialogs(Dialog::Choose(usb.path())).await?;
        app.click("backup-folder-choose").await?;
        let asked = app.wait_dialogs(1).await?;
        assert_eq!(asked[0]["directory"], serde_json::json!(true), "{asked:?}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while app.value("backup-folder").await? != usb_path && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(app.value("backup-folder").await?, usb_path);
        assert_eq!(app.text("error-backup-folder").await?, "", "the chosen folder clears the refusal");
        app.click("backup-now").await?;
        app.wait_text("backup-result", |t| t.contains("ntegrity")).await?;
        let copy = std::fs::read_dir(usb.path())?.flatten().next().context("a backup folder")?.path();
        assert!(copy.join("caseback.sqlite").is_file() && copy.join("attachments").is_dir());

        // Restoring shows what the backup holds first (a file chosen in the dialog is checked
        // at once), then asks twice.
        let db = copy.join("caseback.sqlite");
        app.answer_dialogs(Dialog::Choose(&db)).await?;
        app.click("restore-path-choose").await?;
        let asked = app.wait_dialogs(1).await?;
        assert_eq!(asked[0]["filters"][0]["extensions"], serde_json::json!(["sqlite"]), "{asked:?}");
        assert_eq!(asked[0]["directory"], serde_json::json!(false), "{asked:?}");
        let summary = app.wait_text("restore-summary", |t| t.contains("Kowloon Time Care")).await?;
        assert!(summary.contains("staff") || summary.contains("Staff"), "{summary}");
        app.screenshot("51-restore-check").await?;
        app.click("restore-confirm").await?;
        app.click("restore-confirm").await?;
        app.wait_for("[data-testid=nav-settings]").await?;
        let kept: Vec<_> = std::fs::read_dir(rig.shop_dir().join("backups"))?
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("before-restore-"))
            .collect();
        assert_eq!(kept.len(), 1, "the data the restore replaced was backed up first");

        // Settings lists that copy, so the restore can be undone, and its history says who restored.
        app.click("nav-settings").await?;
        let replaced = app.wait_text("before-restore", |t| t.contains("Saved before a restore")).await?;
        assert!(replaced.contains("10 November 2026, 10:00"), "the shop's date style: {replaced}");
        app.click("backup-check-replaced-0").await?;
        app.wait_text("backup-summary-replaced-0", |t| t.contains("Integrity check passed")).await?;
        let history = app.wait_text("settings-history", |t| t.contains("restored the backup")).await?;
        assert!(history.contains("Mei Chan restored the backup") && history.contains("before-restore-"), "{history}");
        app.screenshot("51-restore-undo").await?;

        // A typed folder still works, for a path staff know by heart.
        app.type_into("export-folder", &usb_path).await?;
        app.click("export-now").await?;
        let exported = app.wait_text("export-result", |t| t.contains("tickets")).await?;
        assert!(exported.contains("events"), "{exported}");
        app.screenshot("52-export").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
