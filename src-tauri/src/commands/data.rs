//! The shop's data as files: the automatic backups, a copy to another folder, restoring
//! one, and the CSV export. Folders are typed by staff: they must exist, and Caseback
//! writes only a new folder inside them.

use std::path::Path;

use caseback_desk::{inspect_backup, DataOverview, Result};
use caseback_domain::approval::{Approval, Guarded};
use caseback_domain::staff::StaffId;
use caseback_store::backup::BackupSummary;
use caseback_store::export::ExportSummary;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[tauri::command]
pub fn data_overview(state: State<AppState>) -> Result<DataOverview> {
    state.desk(|d| d.data_overview(state.backup_problem()))
}

/// A full copy (database and attachments) into a new folder inside `folder`.
#[tauri::command]
pub fn backup_now(state: State<AppState>, folder: Arg<String>) -> Result<BackupSummary> {
    state.desk(|d| d.backup_to_folder(Path::new(folder.trim())))
}

/// What a backup file holds, before restoring it.
#[tauri::command]
pub fn backup_inspect(path: Arg<String>) -> Result<BackupSummary> {
    inspect_backup(Path::new(path.trim()))
}

/// Replaces the shop's data with a backup, after backing up what it replaces.
#[tauri::command]
pub fn backup_restore(
    state: State<AppState>,
    by: Arg<StaffId>,
    path: Arg<String>,
    approval: Arg<Option<Approval>>,
) -> Result<BackupSummary> {
    state.desk(|d| {
        d.approve(Guarded::Restore, approval.as_ref())?;
        let who = d.staff_name(*by)?;
        d.restore(Path::new(path.trim()), &who)
    })
}

#[tauri::command]
pub fn data_export(state: State<AppState>, folder: Arg<String>) -> Result<ExportSummary> {
    state.desk(|d| d.export_csv(Path::new(folder.trim())))
}
