//! The shop's data as files: the automatic backups, a copy to another folder, restoring
//! one, and the CSV export. Folders are named by staff: they must exist, and Caseback writes
//! only a new folder inside them.

use std::path::Path;

use caseback_domain::staff::StaffId;
use caseback_store::backup::{self, BackupSummary};
use caseback_store::backups::{list_before_restore, list_daily};
use caseback_store::export::ExportSummary;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;

use crate::error::Result;
use crate::Desk;

#[derive(Serialize)]
pub struct DailyBackup {
    day: Date,
    bytes: u64,
    path: String,
}

/// The data a restore replaced, saved just before it.
#[derive(Serialize)]
pub struct ReplacedData {
    at: Timestamp,
    bytes: u64,
    path: String,
}

#[derive(Serialize)]
pub struct DataOverview {
    pub folder: String,
    pub backups_folder: String,
    pub backups: Vec<DailyBackup>,
    pub before_restore: Vec<ReplacedData>,
    /// Why the last automatic backup failed, if it did.
    pub problem: Option<String>,
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

impl Desk {
    /// The backups kept in the data folder, newest first; `problem` is the shell's note of
    /// the last automatic backup.
    pub fn data_overview(&self, problem: Option<String>) -> Result<DataOverview> {
        let dir = self.shop.folder().backups();
        let backups = list_daily(&dir)?
            .into_iter()
            .rev()
            .map(|(day, path)| DailyBackup { day, bytes: size(&path), path: path.display().to_string() })
            .collect();
        let before_restore = list_before_restore(&dir)?
            .into_iter()
            .map(|(at, path)| ReplacedData { at, bytes: size(&path), path: path.display().to_string() })
            .collect();
        Ok(DataOverview {
            folder: self.shop.folder().root().display().to_string(),
            backups_folder: dir.display().to_string(),
            backups,
            before_restore,
            problem,
        })
    }

    /// A full copy (database and attachments) into a new folder inside `folder`.
    pub fn backup_to_folder(&self, folder: &Path) -> Result<BackupSummary> {
        Ok(self.shop.backup_to_folder(folder, self.now())?)
    }

    /// Today's automatic backup, if it is not made yet.
    pub fn daily_backup(&self) -> Result<Option<BackupSummary>> {
        Ok(self.shop.daily_backup(self.now())?)
    }

    /// Replaces the shop's data with a backup, after backing up what it replaces; `by` is
    /// who did it, by name (the staff list is the backup's afterwards).
    pub fn restore(&mut self, path: &Path, by: &str) -> Result<BackupSummary> {
        let now = self.now();
        Ok(self.shop.restore_from(path, by, now)?)
    }

    /// A staff member's name, for a restore's record.
    pub fn staff_name(&self, by: StaffId) -> Result<String> {
        Ok(self.shop.actor(by)?.name)
    }

    pub fn export_csv(&self, folder: &Path) -> Result<ExportSummary> {
        Ok(self.shop.export_csv(folder, self.now())?)
    }
}

/// What a backup file holds, before restoring it.
pub fn inspect_backup(path: &Path) -> Result<BackupSummary> {
    Ok(backup::summarize(path)?)
}
