//! The Settings screen: fields, staff, logo and the change history.

use std::collections::BTreeMap;

use caseback_desk::{HistoryRow, Result, SettingsView};
use caseback_domain::approval::{Approval, Guarded};
use caseback_domain::presets::PresetId;
use caseback_domain::staff::{RosterEntry, StaffId};
use tauri::ipc::{Request, Response};
use tauri::State;

use crate::arg::Arg;
use crate::commands::upload::upload;
use crate::state::AppState;

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> Result<SettingsView> {
    state.desk(|d| d.settings())
}

/// The form refilled from another preset, for the shop to review before saving.
#[tauri::command]
pub fn settings_with_preset(state: State<AppState>, preset: Arg<PresetId>) -> Result<SettingsView> {
    state.desk(|d| d.settings_with_preset(*preset))
}

#[tauri::command]
pub fn settings_save(
    state: State<AppState>,
    by: Arg<StaffId>,
    preset: Arg<PresetId>,
    values: Arg<BTreeMap<String, String>>,
    roster: Arg<Vec<RosterEntry>>,
    approval: Arg<Option<Approval>>,
) -> Result<SettingsView> {
    state.desk(|d| {
        d.approve(Guarded::Settings, approval.as_ref())?;
        d.save_settings(*by, *preset, &values, &roster)
    })
}

/// Sets (or, with no PIN, clears) a manager's PIN.
#[tauri::command]
pub fn pin_set(
    state: State<AppState>,
    by: Arg<StaffId>,
    manager: Arg<StaffId>,
    pin: Arg<Option<String>>,
    approval: Arg<Option<Approval>>,
) -> Result<SettingsView> {
    state.desk(|d| {
        d.set_pin(*by, *manager, pin.as_deref(), approval.as_ref())?;
        d.settings()
    })
}

#[tauri::command]
pub fn settings_history(state: State<AppState>) -> Result<Vec<HistoryRow>> {
    state.desk(|d| d.settings_history())
}

/// The logo's bytes, or no bytes when the shop has none.
#[tauri::command]
pub fn logo_get(state: State<AppState>) -> Result<Response> {
    state.desk(|d| d.logo().map(Response::new))
}

/// The raw image bytes are the body; `x-staff-id` and `x-file-name` headers say who and what.
#[tauri::command]
pub fn logo_set(state: State<AppState>, request: Request) -> Result<()> {
    let file = upload(&request)?;
    state.desk(|d| d.set_logo(file.by, &file.name, file.bytes))
}

#[tauri::command]
pub fn logo_clear(state: State<AppState>, by: Arg<StaffId>) -> Result<()> {
    state.desk(|d| d.clear_logo(*by))
}
