//! Returns: request, authorize, receive, inspect and decide, refund, send back.

use caseback_desk::{EligibilityView, Result, ReturnOptions, ReturnRowView, ReturnView, SettlementView};
use caseback_domain::approval::{Approval, Guarded};
use caseback_domain::branch::BranchFilter;
use caseback_domain::returns::{
    DecisionForm, ExchangeFeeForm, InspectionForm, Package, RefundForm, RequestForm, ReturnForm, ReturnId, ReturnState,
};
use caseback_domain::staff::StaffId;
use tauri::ipc::Request;
use tauri::State;

use crate::arg::Arg;
use crate::commands::upload::upload;
use crate::state::AppState;

#[tauri::command]
pub fn return_options(state: State<AppState>) -> Result<ReturnOptions> {
    state.desk(|d| d.return_options())
}

/// The eligibility a request would have, checked as the form is filled in.
#[tauri::command]
pub fn return_preview(state: State<AppState>, form: Arg<ReturnForm>) -> Result<EligibilityView> {
    state.desk(|d| d.return_preview(&form))
}

#[tauri::command]
pub fn return_get(state: State<AppState>, id: Arg<ReturnId>) -> Result<ReturnView> {
    state.desk(|d| d.return_case(*id))
}

/// The return an RMA code names (typed or scanned).
#[tauri::command]
pub fn return_find(state: State<AppState>, code: Arg<String>) -> Result<ReturnId> {
    state.desk(|d| d.find_return(&code))
}

/// A photo or video of the defect as the raw body (like `photo_add`). Returns its hash.
#[tauri::command]
pub fn evidence_add(state: State<AppState>, request: Request) -> Result<String> {
    let file = upload(&request)?;
    state.desk(|d| d.add_evidence(file.by, &file.name, file.bytes))
}

#[tauri::command]
pub fn return_request(state: State<AppState>, by: Arg<StaffId>, form: Arg<RequestForm>) -> Result<ReturnView> {
    state.desk(|d| d.request_return_with(*by, &form))
}

/// Corrects the recorded request until the return is decided.
#[tauri::command]
pub fn return_correct(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    form: Arg<RequestForm>,
) -> Result<ReturnView> {
    state.desk(|d| d.correct_return_with(*by, *id, &form))
}

#[tauri::command]
pub fn return_media_add(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    media: Arg<Vec<String>>,
) -> Result<ReturnView> {
    state.desk(|d| d.add_return_media(*by, *id, &media))
}

#[tauri::command]
pub fn return_authorize(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    override_reason: Arg<Option<String>>,
) -> Result<ReturnView> {
    state.desk(|d| d.authorize_return(*by, *id, override_reason.as_deref()))
}

/// Declines a request, or cancels an authorized return.
#[tauri::command]
pub fn return_close(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    reason: Arg<String>,
) -> Result<ReturnView> {
    state.desk(|d| d.close_return(*by, *id, &reason))
}

#[tauri::command]
pub fn return_extend(state: State<AppState>, by: Arg<StaffId>, id: Arg<ReturnId>) -> Result<ReturnView> {
    state.desk(|d| d.extend_rma(*by, *id))
}

#[tauri::command]
pub fn package_receive(
    state: State<AppState>,
    by: Arg<StaffId>,
    code: Arg<Option<String>>,
    package: Arg<Package>,
) -> Result<ReturnView> {
    state.desk(|d| d.receive_package(*by, code.as_deref(), &package))
}

#[tauri::command]
pub fn return_accept_held(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    reason: Arg<String>,
) -> Result<ReturnView> {
    state.desk(|d| d.accept_held(*by, *id, &reason))
}

/// What a decision would come to (the form's live figures); nothing is saved.
#[tauri::command]
pub fn return_settle_preview(
    state: State<AppState>,
    id: Arg<ReturnId>,
    decision: Arg<DecisionForm>,
) -> Result<SettlementView> {
    state.desk(|d| d.settle_preview(*id, &decision))
}

#[tauri::command]
pub fn return_decide(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    inspection: Arg<InspectionForm>,
    decision: Arg<DecisionForm>,
) -> Result<ReturnView> {
    state.desk(|d| d.decide_return(*by, *id, &inspection, &decision))
}

/// Replaces the decision until the refund is recorded or the watch goes out.
#[tauri::command]
pub fn return_revise(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    inspection: Arg<InspectionForm>,
    decision: Arg<DecisionForm>,
) -> Result<ReturnView> {
    state.desk(|d| d.revise_return_decision(*by, *id, &inspection, &decision))
}

/// An in-store request's watch handed over at the counter: authorized and received at once.
#[tauri::command]
pub fn return_take_in(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    override_reason: Arg<Option<String>>,
) -> Result<ReturnView> {
    state.desk(|d| d.take_in_return(*by, *id, override_reason.as_deref()))
}

/// The watch, or its replacement, handed to the customer at the counter: no tracking.
#[tauri::command]
pub fn return_hand_over(state: State<AppState>, by: Arg<StaffId>, id: Arg<ReturnId>) -> Result<ReturnView> {
    state.desk(|d| d.hand_return_over(*by, *id))
}

#[tauri::command]
pub fn return_refund(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    refund: Arg<RefundForm>,
    approval: Arg<Option<Approval>>,
) -> Result<ReturnView> {
    state.desk(|d| {
        d.approve(Guarded::Refund, approval.as_ref())?;
        d.record_return_refund(*by, *id, &refund)
    })
}

/// The customer paid the exchange fee.
#[tauri::command]
pub fn return_exchange_fee(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    fee: Arg<ExchangeFeeForm>,
) -> Result<ReturnView> {
    state.desk(|d| d.record_exchange_fee(*by, *id, &fee))
}

/// A package held without a return on file belongs to the return with `code`: answers with
/// that return, where the package now is.
#[tauri::command]
pub fn return_link_package(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    code: Arg<String>,
) -> Result<ReturnView> {
    state.desk(|d| d.link_package(*by, *id, &code))
}

/// The item goes back to the customer, or the replacement goes out, with its tracking number.
#[tauri::command]
pub fn return_ship_out(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    tracking: Arg<String>,
) -> Result<ReturnView> {
    state.desk(|d| d.ship_return_out(*by, *id, &tracking))
}

#[tauri::command]
pub fn returns_search(
    state: State<AppState>,
    query: Arg<String>,
    filter: Arg<Option<ReturnState>>,
    branch: Arg<BranchFilter>,
) -> Result<Vec<ReturnRowView>> {
    state.desk(|d| d.search_returns(&query, *filter, *branch))
}
