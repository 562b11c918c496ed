//! The Settings screen: every field with its value and the preset's wording, staff, logo.

use std::collections::BTreeMap;

use caseback_domain::presets::PresetId;
use caseback_domain::settings::{field_infos, FieldInfo};
use caseback_domain::staff::{RosterEntry, StaffId, StaffMember};
use caseback_domain::Settings;
use caseback_store::Shop;
use serde::Serialize;
use tauri::ipc::{Request, Response};
use tauri::State;

use crate::arg::Arg;
use crate::commands::history::{self, HistoryRow};
use crate::commands::upload::upload;
use crate::error::IpcResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct FieldView {
    #[serde(flatten)]
    info: FieldInfo,
    value: String,
    /// The preset seed's own words on this field, or a note that it says nothing of it.
    wording: Option<&'static str>,
    wording_is_quote: bool,
}

#[derive(Serialize)]
pub struct SettingsView {
    preset: PresetId,
    preset_name: &'static str,
    fields: Vec<FieldView>,
    staff: Vec<StaffMember>,
    has_logo: bool,
}

impl FieldView {
    pub fn of(settings: &Settings, info: FieldInfo) -> FieldView {
        let wording = settings.preset.wording(info.key);
        FieldView {
            value: settings.field_value(info.key).unwrap_or_default(),
            wording_is_quote: wording.is_some_and(PresetId::is_quote),
            wording,
            info,
        }
    }
}

fn view(settings: &Settings, staff: Vec<StaffMember>) -> SettingsView {
    let fields = field_infos().into_iter().map(|info| FieldView::of(settings, info)).collect();
    SettingsView {
        preset: settings.preset,
        preset_name: settings.preset.name(),
        fields,
        staff,
        has_logo: settings.shop.logo.is_some(),
    }
}

fn current_view(shop: &Shop) -> IpcResult<SettingsView> {
    Ok(view(&shop.settings()?, shop.staff()?))
}

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> IpcResult<SettingsView> {
    state.with_shop(|shop| current_view(shop))
}

/// The form refilled from another preset, for the shop to review before saving.
#[tauri::command]
pub fn settings_with_preset(state: State<AppState>, preset: Arg<PresetId>) -> IpcResult<SettingsView> {
    let preset = preset.0;
    state.with_shop(|shop| Ok(view(&shop.settings()?.with_preset(preset), shop.staff()?)))
}

#[tauri::command]
pub fn settings_save(
    state: State<AppState>,
    by: Arg<StaffId>,
    preset: Arg<PresetId>,
    values: Arg<BTreeMap<String, String>>,
    roster: Arg<Vec<RosterEntry>>,
) -> IpcResult<SettingsView> {
    let by = by.0;
    let preset = preset.0;
    let values = values.0;
    let roster = roster.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        let next = shop.settings()?.edited(preset, values.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        shop.save_settings(by, &next, &roster, now)?;
        current_view(shop)
    })
}

#[tauri::command]
pub fn settings_history(state: State<AppState>) -> IpcResult<Vec<HistoryRow>> {
    state.with_shop(|shop| history::rows(shop, "settings", "shop"))
}

/// The logo's bytes, or no bytes when the shop has none.
#[tauri::command]
pub fn logo_get(state: State<AppState>) -> IpcResult<Response> {
    state.with_shop(|shop| Ok(Response::new(shop.logo()?.map(|(_, bytes)| bytes).unwrap_or_default())))
}

/// The raw image bytes are the body; `x-staff-id` and `x-file-name` headers say who and what.
#[tauri::command]
pub fn logo_set(state: State<AppState>, request: Request) -> IpcResult<()> {
    let file = upload(&request)?;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.set_logo(file.by, file.bytes, &file.name, now)?))
}

#[tauri::command]
pub fn logo_clear(state: State<AppState>, by: Arg<StaffId>) -> IpcResult<()> {
    let by = by.0;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.clear_logo(by, now)?))
}
