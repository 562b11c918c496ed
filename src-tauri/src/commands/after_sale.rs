//! After the repair: completion, the Collection Notice, payments, shipping and release.

use caseback_desk::{AfterSaleView, CostsView, Result};
use caseback_domain::after_sale::{Collection, Completion, Dispatch, PaymentForm, ShippingForm, VoidForm};
use caseback_domain::approval::{Approval, Guarded};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

/// The ticket's after-sale side: completion, notice, account, payments, shipping, release.
#[tauri::command]
pub fn after_sale_get(state: State<AppState>, id: Arg<TicketId>) -> Result<AfterSaleView> {
    state.desk(|d| d.after_sale(*id))
}

#[tauri::command]
pub fn repair_complete(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    completion: Arg<Completion>,
) -> Result<AfterSaleView> {
    state.desk(|d| d.complete_repair(*by, *id, &completion))
}

#[tauri::command]
pub fn collection_notice_issue(state: State<AppState>, by: Arg<StaffId>, id: Arg<TicketId>) -> Result<AfterSaleView> {
    state.desk(|d| d.issue_collection_notice(*by, *id))
}

#[tauri::command]
pub fn payment_record(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<PaymentForm>,
) -> Result<AfterSaleView> {
    state.desk(|d| d.record_payment(*by, *id, &form))
}

/// Voids an entry recorded by mistake, with its reason.
#[tauri::command]
pub fn payment_void(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<VoidForm>,
    approval: Arg<Option<Approval>>,
) -> Result<AfterSaleView> {
    state.desk(|d| {
        d.approve(Guarded::VoidPayment, approval.as_ref())?;
        d.void_payment(*by, *id, &form)
    })
}

/// The costs a shipping choice would have, as the form is filled in (nothing is saved).
#[tauri::command]
pub fn shipping_preview(state: State<AppState>, id: Arg<TicketId>, form: Arg<ShippingForm>) -> Result<CostsView> {
    state.desk(|d| d.shipping_preview(*id, &form))
}

#[tauri::command]
pub fn shipping_choose(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<ShippingForm>,
) -> Result<AfterSaleView> {
    state.desk(|d| d.choose_shipping(*by, *id, &form))
}

#[tauri::command]
pub fn ticket_collect(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    collection: Arg<Collection>,
) -> Result<AfterSaleView> {
    state.desk(|d| d.collect(*by, *id, &collection))
}

#[tauri::command]
pub fn ticket_dispatch(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    dispatch: Arg<Dispatch>,
) -> Result<AfterSaleView> {
    state.desk(|d| d.dispatch(*by, *id, &dispatch))
}
