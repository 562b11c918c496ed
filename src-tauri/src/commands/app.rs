//! Start-up, first-start setup and the demo shop.

use std::collections::BTreeMap;

use caseback_domain::presets::PresetId;
use caseback_domain::settings::field_infos;
use caseback_domain::Settings;
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::arg::Arg;
use crate::commands::settings::FieldView;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

#[derive(Serialize)]
pub struct AppStatus {
    /// `blocked` (data folder in use or too new), `setup` (first start) or `ready`.
    state: &'static str,
    blocked: Option<IpcError>,
    demo: bool,
    shop_name: Option<String>,
    /// The shop's local date, `YYYY-MM-DD`, and as words for the header.
    today: Option<String>,
    today_label: Option<String>,
    data_folder: String,
    version: &'static str,
}

#[tauri::command]
pub fn app_status(state: State<AppState>) -> IpcResult<AppStatus> {
    let mut status = AppStatus {
        state: "ready",
        blocked: state.blocked(),
        demo: state.is_demo(),
        shop_name: None,
        today: None,
        today_label: None,
        data_folder: state.root.display().to_string(),
        version: env!("CARGO_PKG_VERSION"),
    };
    if status.blocked.is_some() {
        status.state = "blocked";
        return Ok(status);
    }
    let settings = state.with_shop(|shop| Ok(shop.is_set_up()?.then(|| shop.settings()).transpose()?))?;
    match settings {
        None => status.state = "setup",
        Some(s) => {
            let today = s.today(state.clock.now());
            status.today = Some(today.to_string());
            status.today_label = Some(today.strftime("%A %-d %B %Y").to_string());
            status.shop_name = Some(s.shop.name);
        }
    }
    Ok(status)
}

#[derive(Serialize)]
pub struct SetupFormView {
    presets: Vec<PresetInfo>,
    fields: Vec<FieldView>,
}

#[derive(Serialize)]
pub struct PresetInfo {
    id: PresetId,
    name: &'static str,
    summary: &'static str,
}

/// What the first-start form asks, with sensible first values (`time_zone` from the system).
#[tauri::command]
pub fn setup_form(time_zone: Arg<String>) -> SetupFormView {
    let time_zone = time_zone.0;
    let start = Settings::setup_defaults(&time_zone);
    let fields = field_infos()
        .into_iter()
        .filter(|f| Settings::SETUP_KEYS.contains(&f.key))
        .map(|info| FieldView::of(&start, info))
        .collect();
    let presets =
        PresetId::ALL.into_iter().map(|id| PresetInfo { id, name: id.name(), summary: id.summary() }).collect();
    SetupFormView { presets, fields }
}

#[derive(Deserialize)]
pub struct SetupForm {
    preset: PresetId,
    /// Settings fields by key: `shop.name`, `money.currency`, `money.tax_name`, ...
    values: BTreeMap<String, String>,
    staff: Vec<String>,
}

#[tauri::command]
pub fn setup_shop(state: State<AppState>, form: Arg<SetupForm>) -> IpcResult<()> {
    let form = form.0;
    let settings = Settings::from_setup(form.preset, form.values.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let now = state.clock.now();
    state.with_real_shop(|shop| Ok(shop.set_up(&settings, &form.staff, now).map(drop)?))
}

#[tauri::command]
pub fn demo_open(state: State<AppState>) -> IpcResult<()> {
    state.open_demo()
}

#[tauri::command]
pub fn demo_leave(state: State<AppState>) {
    state.leave_demo()
}
