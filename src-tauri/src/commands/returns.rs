//! Returns: request, authorize, receive, inspect and decide, refund, send back.

use caseback_domain::release::PaymentMethod;
use caseback_domain::returns::decision::Checklist;
use caseback_domain::returns::{
    DecisionForm, ExchangeFeeForm, Inspection, Package, RefundForm, RefundMethod, RequestChannel, ReturnCase,
    ReturnForm, ReturnId, ReturnReason, ReturnState, WearGrade,
};
use caseback_domain::staff::StaffId;
use caseback_domain::Due;
use caseback_store::returns::ReturnRow;
use caseback_store::Shop;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;
use tauri::ipc::Request;
use tauri::State;

use crate::arg::Arg;
use crate::commands::return_view::{settlement_view, view, EligibilityView, ReturnView, SettlementView};
use crate::commands::tickets::{choices, list_day, Choice, ListDay};
use crate::commands::upload::upload;
use crate::error::IpcResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct ReturnOptions {
    reasons: Vec<Choice>,
    channels: Vec<Choice>,
    refund_methods: Vec<Choice>,
    /// How an exchange fee may be paid.
    payment_methods: Vec<Choice>,
    wear_grades: Vec<Choice>,
    checklist: Vec<(&'static str, &'static str)>,
    states: Vec<Choice>,
    non_returnable: Vec<String>,
    currency: &'static str,
    today: Date,
    partial_range: (String, String),
    exchange_offered: bool,
}

#[tauri::command]
pub fn return_options(state: State<AppState>) -> IpcResult<ReturnOptions> {
    state.with_shop(|shop| {
        let s = shop.settings()?;
        Ok(ReturnOptions {
            reasons: choices(&ReturnReason::ALL, ReturnReason::label),
            channels: choices(&RequestChannel::ALL, RequestChannel::label),
            refund_methods: choices(&RefundMethod::ALL, RefundMethod::label),
            payment_methods: choices(&PaymentMethod::ALL, PaymentMethod::label),
            wear_grades: choices(&WearGrade::ALL, WearGrade::label),
            checklist: Checklist::ITEMS.to_vec(),
            states: choices(&ReturnState::ALL, ReturnState::label),
            non_returnable: s.policy.non_returnable.clone(),
            currency: s.currency.code(),
            today: s.today(state.clock.now()),
            partial_range: (s.policy.partial_refund_min.to_string(), s.policy.partial_refund_max.to_string()),
            exchange_offered: !s.policy.exchange_window.is_none(),
        })
    })
}

/// The eligibility a request would have, checked as the form is filled in.
#[tauri::command]
pub fn return_preview(state: State<AppState>, form: Arg<ReturnForm>) -> IpcResult<EligibilityView> {
    let form = form.0;
    state.with_shop(|shop| {
        let s = shop.settings()?;
        let request = form.preview(s.today(state.clock.now()))?;
        Ok(caseback_domain::returns::eligibility(&s.policy, &request).into())
    })
}

/// Runs one change on the case and answers with the case as the page shows it.
fn change(
    state: &AppState,
    f: impl FnOnce(&mut Shop, Timestamp) -> caseback_store::Result<ReturnCase>,
) -> IpcResult<ReturnView> {
    let now = state.clock.now();
    state.with_shop(|shop| {
        let case = f(shop, now)?;
        view(shop, state, case)
    })
}

#[tauri::command]
pub fn return_get(state: State<AppState>, id: Arg<ReturnId>) -> IpcResult<ReturnView> {
    let id = id.0;
    state.with_shop(|shop| {
        let case = shop.return_case(id)?;
        view(shop, &state, case)
    })
}

/// The return an RMA code names (typed or scanned).
#[tauri::command]
pub fn return_find(state: State<AppState>, code: Arg<String>) -> IpcResult<ReturnId> {
    let code = code.0;
    state.with_shop(|shop| Ok(shop.return_by_code(&code)?.id))
}

/// A photo or video of the defect as the raw body (like `photo_add`). Returns its hash.
#[tauri::command]
pub fn evidence_add(state: State<AppState>, request: Request) -> IpcResult<String> {
    let file = upload(&request)?;
    let now = state.clock.now();
    state.with_shop(|shop| Ok(shop.store_evidence(file.by, &file.name, file.bytes, now)?.sha256))
}

#[tauri::command]
pub fn return_request(state: State<AppState>, by: Arg<StaffId>, form: Arg<ReturnForm>) -> IpcResult<ReturnView> {
    let by = by.0;
    let form = form.0;
    change(&state, |shop, now| shop.request_return(by, &form, now))
}

#[tauri::command]
pub fn return_media_add(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    media: Arg<Vec<String>>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let media = media.0;
    change(&state, |shop, now| shop.add_return_media(by, id, &media, now))
}

#[tauri::command]
pub fn return_authorize(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    override_reason: Arg<Option<String>>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let override_reason = override_reason.0;
    change(&state, |shop, now| shop.authorize_return(by, id, override_reason.as_deref(), now))
}

/// Declines a request, or cancels an authorized return.
#[tauri::command]
pub fn return_close(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    reason: Arg<String>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let reason = reason.0;
    change(&state, |shop, now| shop.close_return(by, id, &reason, now))
}

#[tauri::command]
pub fn return_extend(state: State<AppState>, by: Arg<StaffId>, id: Arg<ReturnId>) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    change(&state, |shop, now| shop.extend_rma(by, id, now))
}

#[tauri::command]
pub fn package_receive(
    state: State<AppState>,
    by: Arg<StaffId>,
    code: Arg<Option<String>>,
    package: Arg<Package>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let code = code.0;
    let package = package.0;
    change(&state, |shop, now| shop.receive_package(by, code.as_deref(), &package, now))
}

#[tauri::command]
pub fn return_accept_held(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    reason: Arg<String>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let reason = reason.0;
    change(&state, |shop, now| shop.accept_held(by, id, &reason, now))
}

/// What a decision would come to (the form's live figures); nothing is saved.
#[tauri::command]
pub fn return_settle_preview(
    state: State<AppState>,
    id: Arg<ReturnId>,
    decision: Arg<DecisionForm>,
) -> IpcResult<SettlementView> {
    let id = id.0;
    let decision = decision.0;
    state.with_shop(|shop| {
        let (settings, case) = (shop.settings()?, shop.return_case(id)?);
        let currency = case.currency(settings.currency);
        let settlement = shop.settle_return(&settings, &case, &decision.parse(currency)?)?;
        Ok(settlement_view(currency, &settlement))
    })
}

#[tauri::command]
pub fn return_decide(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    inspection: Arg<Inspection>,
    decision: Arg<DecisionForm>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let inspection = inspection.0;
    let decision = decision.0;
    change(&state, |shop, now| {
        let (currency, _) = shop.return_day(id, now)?;
        shop.decide_return(by, id, &inspection, &decision.parse(currency)?, now)
    })
}

#[tauri::command]
pub fn return_refund(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    refund: Arg<RefundForm>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let refund = refund.0;
    change(&state, |shop, now| {
        let (currency, today) = shop.return_day(id, now)?;
        shop.record_return_refund(by, id, &refund.parse(currency, today)?, now)
    })
}

/// The customer paid the exchange fee.
#[tauri::command]
pub fn return_exchange_fee(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    fee: Arg<ExchangeFeeForm>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let fee = fee.0;
    change(&state, |shop, now| {
        let (currency, today) = shop.return_day(id, now)?;
        shop.record_exchange_fee(by, id, &fee.parse(currency, today)?, now)
    })
}

/// A package held without a return on file belongs to the return with `code`: answers with
/// that return, where the package now is.
#[tauri::command]
pub fn return_link_package(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    code: Arg<String>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let code = code.0;
    change(&state, |shop, now| shop.link_package(by, id, &code, now))
}

/// The item goes back to the customer, or the replacement goes out, with its tracking number.
#[tauri::command]
pub fn return_ship_out(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    tracking: Arg<String>,
) -> IpcResult<ReturnView> {
    let by = by.0;
    let id = id.0;
    let tracking = tracking.0;
    change(&state, |shop, now| shop.ship_return_out(by, id, &tracking, now))
}

#[derive(Serialize)]
pub struct ReturnRowView {
    #[serde(flatten)]
    row: ReturnRow,
    title: String,
    state_label: &'static str,
    due: Option<Due>,
    due_text: Option<String>,
}

pub fn return_rows(rows: Vec<ReturnRow>, day: &ListDay) -> Vec<ReturnRowView> {
    rows.into_iter()
        .map(|row| {
            let due = row.next_deadline.map(|d| Due::of(d, day.today));
            ReturnRowView {
                title: row.rma_code.clone().unwrap_or_else(|| format!("Return {}", row.id.0)),
                state_label: row.state.label(),
                due_text: due.map(Due::describe),
                due,
                row,
            }
        })
        .collect()
}

#[tauri::command]
pub fn returns_search(
    state: State<AppState>,
    query: Arg<String>,
    filter: Arg<Option<ReturnState>>,
) -> IpcResult<Vec<ReturnRowView>> {
    let query = query.0;
    let filter = filter.0;
    state.with_shop(|shop| Ok(return_rows(shop.search_returns(&query, filter, 200)?, &list_day(shop, &state)?)))
}
