//! Intake, tickets, customers and Today.

use caseback_domain::customer::{Customer, CustomerId};
use caseback_domain::device::DeviceKind;
use caseback_domain::intake::{Accessory, ConditionFlag, IntakeDetails, IntakeForm, Ticket, TicketId};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketState;
use caseback_domain::warranty::{VoidingFinding, WarrantyCheck};
use caseback_domain::{Currency, Due};
use caseback_store::tickets::TicketRow;
use caseback_store::Shop;
use jiff::civil::Date;
use serde::Serialize;
use tauri::ipc::{Request, Response};
use tauri::State;

use crate::arg::Arg;
use crate::commands::history::{self, HistoryRow};
use crate::commands::upload::upload;
use crate::error::IpcResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct Choice {
    key: serde_json::Value,
    label: &'static str,
}

pub fn choices<T: Serialize + Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<Choice> {
    all.iter().map(|v| Choice { key: serde_json::to_value(v).unwrap_or_default(), label: label(*v) }).collect()
}

#[derive(Serialize)]
pub struct IntakeOptions {
    device_kinds: Vec<Choice>,
    accessories: Vec<Choice>,
    conditions: Vec<Choice>,
    voiding_findings: Vec<Choice>,
    states: Vec<Choice>,
    today: Date,
}

/// The intake form's choices, labelled in the shop's words.
#[tauri::command]
pub fn intake_options(state: State<AppState>) -> IpcResult<IntakeOptions> {
    let now = state.clock.now();
    let today = state.with_shop(|shop| Ok(shop.settings()?.today(now)))?;
    Ok(IntakeOptions {
        device_kinds: choices(&[DeviceKind::Smartwatch, DeviceKind::Quartz, DeviceKind::Mechanical], DeviceKind::label),
        accessories: choices(&Accessory::ALL, Accessory::label),
        conditions: choices(&ConditionFlag::ALL, ConditionFlag::label),
        voiding_findings: choices(&VoidingFinding::ALL, VoidingFinding::label),
        states: choices(&TicketState::ALL, TicketState::label),
        today,
    })
}

#[derive(Serialize)]
pub struct IntakePreview {
    warranty: WarrantyCheck,
    warranty_text: String,
    covered: bool,
    assessment_due: Date,
}

/// The warranty check and assessment due date the form shows before saving.
#[tauri::command]
pub fn intake_preview(state: State<AppState>, details: Arg<IntakeDetails>) -> IpcResult<IntakePreview> {
    let details = details.0;
    let now = state.clock.now();
    let (warranty, assessment_due) = state.with_shop(|shop| Ok(shop.preview_intake(&details, now)?))?;
    Ok(IntakePreview { warranty_text: warranty.describe(), covered: warranty.is_covered(), warranty, assessment_due })
}

/// A photo's raw bytes as the body; `x-staff-id` and `x-file-name` headers. Returns its hash.
#[tauri::command]
pub fn photo_add(state: State<AppState>, request: Request) -> IpcResult<String> {
    let file = upload(&request)?;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.store_photo(file.by, &file.name, file.bytes, now)?.sha256))
}

/// A signed scan (PDF or image) as the raw body, like `photo_add`. Returns its hash.
#[tauri::command]
pub fn scan_add(state: State<AppState>, request: Request) -> IpcResult<String> {
    let file = upload(&request)?;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.store_scan(file.by, &file.name, file.bytes, now)?.sha256))
}

/// A stored photo's bytes, for thumbnails.
#[tauri::command]
pub fn photo_get(state: State<AppState>, sha256: Arg<String>) -> IpcResult<Response> {
    let sha256 = sha256.0;
    state.with_shop(|shop| Ok(Response::new(shop.attachment(&sha256)?.1)))
}

#[tauri::command]
pub fn intake_book(
    state: State<AppState>,
    by: Arg<StaffId>,
    form: Arg<IntakeForm>,
    photos: Arg<Vec<String>>,
) -> IpcResult<Ticket> {
    let by = by.0;
    let form = form.0;
    let photos = photos.0;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.book_intake(by, &form, &photos, now)?))
}

#[derive(Serialize)]
pub struct RowView {
    #[serde(flatten)]
    row: TicketRow,
    state_label: &'static str,
    due: Option<Due>,
    due_text: Option<String>,
    /// The storage fee accrued so far, while a notified watch waits for collection.
    storage_fee: Option<String>,
}

/// The day lists are drawn for, and the money they show.
pub struct ListDay {
    pub today: Date,
    pub currency: Currency,
}

pub fn list_day(shop: &Shop, state: &AppState) -> IpcResult<ListDay> {
    let s = shop.settings()?;
    Ok(ListDay { today: s.today(state.clock.now()), currency: s.currency })
}

pub fn row_views(rows: Vec<TicketRow>, day: &ListDay) -> Vec<RowView> {
    rows.into_iter()
        .map(|row| {
            let due = row.next_deadline.map(|d| Due::of(d, day.today));
            let storage_fee = row
                .notice
                .filter(|_| row.state == TicketState::ReadyForCollection)
                .map(|n| n.storage_fee(day.today))
                .filter(|fee| fee.0 > 0)
                .map(|fee| day.currency.format(fee));
            RowView { state_label: row.state.label(), due_text: due.map(Due::describe), due, storage_fee, row }
        })
        .collect()
}

#[tauri::command]
pub fn tickets_search(
    state: State<AppState>,
    query: Arg<String>,
    filter: Arg<Option<TicketState>>,
) -> IpcResult<Vec<RowView>> {
    let query = query.0;
    let filter = filter.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.apply_clock(now)?;
        Ok(row_views(shop.search_tickets(&query, filter, 200)?, &list_day(shop, &state)?))
    })
}

/// The ticket a typed or scanned number names.
#[tauri::command]
pub fn ticket_find(state: State<AppState>, number: Arg<String>) -> IpcResult<TicketId> {
    let number = number.0;
    state.with_shop(|shop| Ok(shop.ticket_by_number(&number)?.id))
}

#[derive(Serialize)]
pub struct TicketView {
    ticket: Ticket,
    customer: Customer,
    state_label: &'static str,
    next_states: Vec<Choice>,
    warranty_text: String,
    covered: bool,
    due: Option<Due>,
    due_text: Option<String>,
    history: Vec<HistoryRow>,
    same_watch: Vec<RowView>,
}

pub fn ticket_view(shop: &Shop, state: &AppState, id: TicketId) -> IpcResult<TicketView> {
    let ticket = shop.ticket(id)?;
    let day = list_day(shop, state)?;
    let due = ticket.next_deadline().map(|d| Due::of(d, day.today));
    let same_watch = shop.serial_tickets(&ticket.details.device.serial)?.into_iter().filter(|r| r.id != id).collect();
    Ok(TicketView {
        customer: shop.customer(ticket.customer)?,
        state_label: ticket.state.label(),
        next_states: choices(&ticket.state.plain_next_states(), TicketState::label),
        warranty_text: ticket.warranty.describe(),
        covered: ticket.warranty.is_covered(),
        due_text: due.map(Due::describe),
        due,
        history: history::rows(shop, "ticket", &ticket.number.to_string())?,
        same_watch: row_views(same_watch, &day),
        ticket,
    })
}

#[tauri::command]
pub fn ticket_get(state: State<AppState>, id: Arg<TicketId>) -> IpcResult<TicketView> {
    let id = id.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.apply_clock(now)?;
        ticket_view(shop, &state, id)
    })
}

#[tauri::command]
pub fn ticket_move(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    to: Arg<TicketState>,
) -> IpcResult<TicketView> {
    let by = by.0;
    let id = id.0;
    let to = to.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.move_ticket(by, id, to, now)?;
        ticket_view(shop, &state, id)
    })
}

#[tauri::command]
pub fn customers_find(state: State<AppState>, query: Arg<String>) -> IpcResult<Vec<Customer>> {
    let query = query.0;
    state.with_shop(|shop| Ok(shop.find_customers(&query, 50)?))
}

#[derive(Serialize)]
pub struct CustomerView {
    customer: Customer,
    tickets: Vec<RowView>,
}

#[tauri::command]
pub fn customer_get(state: State<AppState>, id: Arg<CustomerId>) -> IpcResult<CustomerView> {
    let id = id.0;
    state.with_shop(|shop| {
        let tickets = row_views(shop.customer_tickets(id)?, &list_day(shop, &state)?);
        Ok(CustomerView { customer: shop.customer(id)?, tickets })
    })
}
