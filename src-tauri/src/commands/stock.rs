//! Parts and stock: the catalogue, a part's page and its movements, catalogue imports, and
//! the parts on Today.

use caseback_desk::{ImportView, PartPage, PartsView, Result, TicketPartView, TodayParts};
use caseback_domain::staff::StaffId;
use caseback_domain::stock::form::PartForm;
use caseback_domain::stock::PartId;
use caseback_domain::ticket::TicketId;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[tauri::command]
pub fn parts_get(state: State<AppState>, query: Arg<String>, low_only: Arg<bool>) -> Result<PartsView> {
    state.desk(|d| d.parts(&query, *low_only))
}

#[tauri::command]
pub fn part_get(state: State<AppState>, part: Arg<PartId>) -> Result<PartPage> {
    state.desk(|d| d.part_page(*part))
}

#[tauri::command]
pub fn part_add(state: State<AppState>, by: Arg<StaffId>, form: Arg<PartForm>) -> Result<PartPage> {
    state.desk(|d| d.add_part(*by, &form))
}

#[tauri::command]
pub fn part_edit(state: State<AppState>, by: Arg<StaffId>, part: Arg<PartId>, form: Arg<PartForm>) -> Result<PartPage> {
    state.desk(|d| d.edit_part(*by, *part, &form))
}

#[tauri::command]
pub fn stock_receive(
    state: State<AppState>,
    by: Arg<StaffId>,
    part: Arg<PartId>,
    pieces: Arg<String>,
    note: Arg<String>,
) -> Result<PartPage> {
    state.desk(|d| d.receive_stock(*by, *part, &pieces, &note))
}

#[tauri::command]
pub fn stock_count(
    state: State<AppState>,
    by: Arg<StaffId>,
    part: Arg<PartId>,
    counted: Arg<String>,
) -> Result<PartPage> {
    state.desk(|d| d.count_stock(*by, *part, &counted))
}

#[tauri::command]
pub fn stock_write_off(
    state: State<AppState>,
    by: Arg<StaffId>,
    part: Arg<PartId>,
    pieces: Arg<String>,
    reason: Arg<String>,
) -> Result<PartPage> {
    state.desk(|d| d.write_off_stock(*by, *part, &pieces, &reason))
}

/// What importing the file's text would do, writing nothing.
#[tauri::command]
pub fn parts_import_preview(state: State<AppState>, text: Arg<String>) -> Result<ImportView> {
    state.desk(|d| d.preview_part_import(&text))
}

#[tauri::command]
pub fn parts_import(
    state: State<AppState>,
    by: Arg<StaffId>,
    file: Arg<String>,
    text: Arg<String>,
) -> Result<ImportView> {
    state.desk(|d| d.import_parts(*by, &file, &text))
}

#[tauri::command]
pub fn ticket_parts(state: State<AppState>, ticket: Arg<TicketId>) -> Result<Vec<TicketPartView>> {
    state.desk(|d| d.ticket_parts(*ticket))
}

#[tauri::command]
pub fn today_parts(state: State<AppState>) -> Result<TodayParts> {
    state.desk(|d| d.today_parts())
}
