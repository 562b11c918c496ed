//! The watch record and the bench's readings.

use caseback_desk::{Result, TicketReadingsView, WatchLookupView, WatchView};
use caseback_domain::customer::CustomerId;
use caseback_domain::readings::ReadingsForm;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::watch::{WatchDetails, WatchId};
use jiff::civil::Date;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[tauri::command]
pub fn watch_get(state: State<AppState>, id: Arg<WatchId>) -> Result<WatchView> {
    state.desk(|d| d.watch(*id))
}

#[tauri::command]
pub fn watch_edit(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<WatchId>,
    details: Arg<WatchDetails>,
) -> Result<WatchView> {
    state.desk(|d| d.edit_watch(*by, *id, &details))
}

#[tauri::command]
pub fn watch_pass(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<WatchId>,
    customer: Arg<CustomerId>,
    on: Arg<Date>,
) -> Result<WatchView> {
    state.desk(|d| d.pass_watch_to(*by, *id, *customer, *on))
}

/// The one watch a scanned or typed serial names, if one does.
#[tauri::command]
pub fn watch_by_serial(state: State<AppState>, serial: Arg<String>) -> Result<Option<WatchId>> {
    state.desk(|d| d.watch_by_serial(&serial))
}

/// What a brand and serial typed or scanned at intake find.
#[tauri::command]
pub fn watch_find(state: State<AppState>, brand: Arg<String>, serial: Arg<String>) -> Result<WatchLookupView> {
    state.desk(|d| d.find_watch(&brand, &serial))
}

#[tauri::command]
pub fn readings_get(state: State<AppState>, ticket: Arg<TicketId>) -> Result<TicketReadingsView> {
    state.desk(|d| d.ticket_readings(*ticket))
}

#[tauri::command]
pub fn readings_record(
    state: State<AppState>,
    by: Arg<StaffId>,
    ticket: Arg<TicketId>,
    form: Arg<ReadingsForm>,
) -> Result<TicketReadingsView> {
    state.desk(|d| d.record_readings(*by, *ticket, &form))
}
