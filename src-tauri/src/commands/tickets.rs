//! Intake, tickets and customers.

use caseback_desk::{BranchesView, CustomerView, IntakeOptions, IntakePreview, Result, RowView, TicketView};
use caseback_domain::branch::BranchFilter;
use caseback_domain::customer::{Customer, CustomerDetails, CustomerId};
use caseback_domain::intake::{IntakeDetails, IntakeForm};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{Ticket, TicketId, TicketState};
use tauri::ipc::{Request, Response};
use tauri::State;

use crate::arg::Arg;
use crate::commands::upload::upload;
use crate::state::AppState;

/// The intake form's choices, labelled in the shop's words.
#[tauri::command]
pub fn intake_options(state: State<AppState>) -> Result<IntakeOptions> {
    state.desk(|d| d.intake_options())
}

/// The warranty check and assessment due date the form shows before saving.
#[tauri::command]
pub fn intake_preview(state: State<AppState>, details: Arg<IntakeDetails>) -> Result<IntakePreview> {
    state.desk(|d| d.intake_preview(&details))
}

/// A photo's raw bytes as the body; `x-staff-id` and `x-file-name` headers. Returns its hash.
#[tauri::command]
pub fn photo_add(state: State<AppState>, request: Request) -> Result<String> {
    let file = upload(&request)?;
    state.desk(|d| d.add_photo(file.by, &file.name, file.bytes))
}

/// A signed scan (PDF or image) as the raw body, like `photo_add`. Returns its hash.
#[tauri::command]
pub fn scan_add(state: State<AppState>, request: Request) -> Result<String> {
    let file = upload(&request)?;
    state.desk(|d| d.add_scan(file.by, &file.name, file.bytes))
}

/// A stored photo's bytes, for thumbnails.
#[tauri::command]
pub fn photo_get(state: State<AppState>, sha256: Arg<String>) -> Result<Response> {
    state.desk(|d| d.photo(&sha256).map(Response::new))
}

/// Checks an intake form as Book in would, saving nothing: the window asks when a date it
/// cannot read keeps it from booking, so every field's problem is said in one round.
#[tauri::command]
pub fn intake_check(state: State<AppState>, form: Arg<IntakeForm>) -> Result<()> {
    state.desk(|d| d.check_intake(&form))
}

#[tauri::command]
pub fn intake_book(
    state: State<AppState>,
    by: Arg<StaffId>,
    form: Arg<IntakeForm>,
    photos: Arg<Vec<String>>,
) -> Result<Ticket> {
    state.desk(|d| d.book_intake(*by, &form, &photos))
}

#[tauri::command]
pub fn tickets_search(
    state: State<AppState>,
    query: Arg<String>,
    filter: Arg<Option<TicketState>>,
    branch: Arg<BranchFilter>,
) -> Result<Vec<RowView>> {
    state.desk(|d| d.search_tickets(&query, *filter, *branch))
}

/// The branches a list may show, and the one it starts on.
#[tauri::command]
pub fn branches_get(state: State<AppState>) -> Result<BranchesView> {
    state.desk(|d| d.branches())
}

/// The ticket a typed or scanned number names.
#[tauri::command]
pub fn ticket_find(state: State<AppState>, number: Arg<String>) -> Result<TicketId> {
    state.desk(|d| d.find_ticket(&number))
}

#[tauri::command]
pub fn ticket_get(state: State<AppState>, id: Arg<TicketId>) -> Result<TicketView> {
    state.desk(|d| d.ticket(*id))
}

#[tauri::command]
pub fn ticket_move(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    to: Arg<TicketState>,
    approval: Arg<Option<caseback_domain::approval::Approval>>,
) -> Result<TicketView> {
    state.desk(|d| d.move_ticket(*by, *id, *to, approval.as_ref()))
}

#[tauri::command]
pub fn customers_find(state: State<AppState>, query: Arg<String>) -> Result<Vec<Customer>> {
    state.desk(|d| d.find_customers(&query))
}

#[tauri::command]
pub fn customer_get(state: State<AppState>, id: Arg<CustomerId>) -> Result<CustomerView> {
    state.desk(|d| d.customer(*id))
}

/// Corrects a customer's details; each change is logged with the old and the new value.
#[tauri::command]
pub fn customer_edit(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<CustomerId>,
    details: Arg<CustomerDetails>,
) -> Result<CustomerView> {
    state.desk(|d| d.edit_customer(*by, *id, &details))
}

/// What importing a customer list would do with these columns (guessed when none).
#[tauri::command]
pub fn customers_import_preview(
    state: State<AppState>,
    text: Arg<String>,
    mapping: Arg<Option<caseback_domain::customer_import::Mapping>>,
) -> Result<caseback_desk::CustomerImportView> {
    state.desk(|d| d.preview_customer_import(&text, mapping.0.clone()))
}

#[tauri::command]
pub fn customers_import(
    state: State<AppState>,
    by: Arg<StaffId>,
    file: Arg<String>,
    text: Arg<String>,
    mapping: Arg<caseback_domain::customer_import::Mapping>,
) -> Result<caseback_desk::CustomerImportView> {
    state.desk(|d| d.import_customers(*by, &file, &text, mapping.0.clone()))
}
