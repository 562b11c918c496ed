//! The shop's data as files: the automatic backups, a copy to another folder, restoring
//! one, and the CSV export. Folders are typed by staff: they must exist, and Caseback
//! writes only a new folder inside them.

use std::path::Path;

use caseback_domain::staff::StaffId;
use caseback_store::backup::{self, BackupSummary};
use caseback_store::backups::{list_before_restore, list_daily};
use caseback_store::export::ExportSummary;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::error::IpcResult;
use crate::state::AppState;

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
    folder: String,
    backups_folder: String,
    backups: Vec<DailyBackup>,
    before_restore: Vec<ReplacedData>,
    /// Why the last automatic backup failed, if it did.
    problem: Option<String>,
}

#[tauri::command]
pub fn data_overview(state: State<AppState>) -> IpcResult<DataOverview> {
    state.with_shop(|shop| {
        let dir = shop.folder().backups();
        let bytes = |path: &Path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let backups = list_daily(&dir)?
            .into_iter()
            .rev()
            .map(|(day, path)| DailyBackup { day, bytes: bytes(&path), path: path.display().to_string() })
            .collect();
        let before_restore = list_before_restore(&dir)?
            .into_iter()
            .map(|(at, path)| ReplacedData { at, bytes: bytes(&path), path: path.display().to_string() })
            .collect();
        Ok(DataOverview {
            folder: shop.folder().root().display().to_string(),
            backups_folder: dir.display().to_string(),
            backups,
            before_restore,
            problem: state.backup_problem(),
        })
    })
}

/// A full copy (database and attachments) into a new folder inside `folder`.
#[tauri::command]
pub fn backup_now(state: State<AppState>, folder: Arg<String>) -> IpcResult<BackupSummary> {
    let folder = folder.0;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.backup_to_folder(Path::new(folder.trim()), now)?))
}

/// What a backup file holds, before restoring it.
#[tauri::command]
pub fn backup_inspect(path: Arg<String>) -> IpcResult<BackupSummary> {
    let path = path.0;
    Ok(backup::summarize(Path::new(path.trim()))?)
}

/// Replaces the shop's data with a backup, after backing up what it replaces.
#[tauri::command]
pub fn backup_restore(state: State<AppState>, by: Arg<StaffId>, path: Arg<String>) -> IpcResult<BackupSummary> {
    let by = by.0;
    let path = path.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        let who = shop.actor(by)?;
        Ok(shop.restore_from(Path::new(path.trim()), &who.name, now)?)
    })
}

#[tauri::command]
pub fn data_export(state: State<AppState>, folder: Arg<String>) -> IpcResult<ExportSummary> {
    let folder = folder.0;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.export_csv(Path::new(folder.trim()), now)?))
}
