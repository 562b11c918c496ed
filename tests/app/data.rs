//! The shop's data from the Settings screen: the automatic backup made on start, a copy to
//! another folder, checking and restoring it, and the CSV export.

use anyhow::{Context, Result};

use crate::rig::{bounded, Rig};

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
        app.el("backup-folder").await?.clear().await?;
        app.type_into("backup-folder", &usb_path).await?;
        app.click("backup-now").await?;
        app.wait_text("backup-result", |t| t.contains("ntegrity")).await?;
        let copy = std::fs::read_dir(usb.path())?.flatten().next().context("a backup folder")?.path();
        assert!(copy.join("caseback.sqlite").is_file() && copy.join("attachments").is_dir());

        // Restoring shows what the backup holds first, then asks twice.
        let db = copy.join("caseback.sqlite");
        app.type_into("restore-path", db.to_str().context("path")?).await?;
        app.click("restore-check").await?;
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
        assert!(replaced.contains("10 Nov 2026, 10:00"), "{replaced}");
        app.click("backup-check-replaced-0").await?;
        app.wait_text("backup-summary-replaced-0", |t| t.contains("Integrity check passed")).await?;
        let history = app.wait_text("settings-history", |t| t.contains("restored the backup")).await?;
        assert!(history.contains("Mei Chan restored the backup") && history.contains("before-restore-"), "{history}");
        app.screenshot("51-restore-undo").await?;

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
