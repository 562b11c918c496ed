//! The shop's data as files: backups (one file, or a folder with the attachments), the list
//! of automatic backups, restoring one, and the CSV export.

use std::path::Path;

use anyhow::{bail, Result};
use caseback_store::backup::BackupSummary;
use caseback_store::backups::{list_before_restore, list_daily};
use caseback_store::{DataFolder, Shop};
use jiff::Timestamp;

/// What a backup holds, as staff check it before relying on it.
pub fn describe(s: &BackupSummary) -> String {
    format!(
        "{}\n  shop \"{}\", schema {}, {} bytes, integrity check ok\n  {} customers, {} tickets, {} payments, {} returns, {} staff, {} events; last change {}",
        s.path.display(),
        s.shop_name.clone().unwrap_or_default(),
        s.schema_version,
        s.bytes,
        s.customers,
        s.tickets,
        s.payments,
        s.returns,
        s.staff,
        s.events,
        s.last_change.clone().unwrap_or_else(|| "never".into())
    )
}

pub fn backup_to_folder(shop: &Shop, folder: &Path, now: Timestamp) -> Result<()> {
    let summary = shop.backup_to_folder(folder, now)?;
    println!("Backed up, with the attachments, to\n{}", describe(&summary));
    Ok(())
}

pub fn list(root: &Path) -> Result<()> {
    let dir = DataFolder::unlocked(root).backups();
    let bytes = |path: &Path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let backups = list_daily(&dir)?;
    if backups.is_empty() {
        println!("No automatic backups yet: the app makes one each day it is open.");
    }
    for (day, path) in backups {
        println!("{day}  {:>10} bytes  {}", bytes(&path), path.display());
    }
    let replaced = list_before_restore(&dir)?;
    if !replaced.is_empty() {
        println!("\nThe data each restore replaced (restore one to undo that restore):");
    }
    for (at, path) in replaced {
        println!("{at}  {:>10} bytes  {}", bytes(&path), path.display());
    }
    Ok(())
}

/// Shows what `from` holds; with `yes`, backs up the current data and restores it.
pub fn restore(root: &Path, from: &Path, yes: bool, now: Timestamp) -> Result<()> {
    let summary = caseback_store::backup::summarize(from)?;
    println!("The backup holds:\n{}", describe(&summary));
    if !yes {
        println!("Nothing was changed. Run again with --yes to replace the shop's data with it (the current data is backed up first).");
        return Ok(());
    }
    let Ok(folder) = DataFolder::lock(root) else {
        bail!("the shop's folder is in use: close the app before restoring");
    };
    let mut shop = Shop::open(folder)?;
    shop.restore_from(from, "the command line (caseback-cli restore)", now)?;
    println!("Restored. The data it replaced is in {}", DataFolder::unlocked(root).backups().display());
    Ok(())
}

pub fn export(shop: &Shop, to: &Path, now: Timestamp) -> Result<()> {
    let summary = shop.export_csv(to, now)?;
    println!("Exported to {}", summary.folder.display());
    for (table, rows) in &summary.tables {
        println!("  {table}.csv  {rows} rows");
    }
    println!("  attachments/  {} files", summary.attachments);
    Ok(())
}
