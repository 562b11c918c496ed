//! Today: what is due, what waits for the customer, and what waits for the shop.

use caseback_domain::release::{waiting_for, Waiting};
use caseback_domain::ticket::TicketState;
use serde::Serialize;
use tauri::State;

use caseback_domain::returns::{expires_soon, ReturnState};

use crate::commands::returns::{return_rows, ReturnRowView};
use crate::commands::tickets::{list_day, row_views, RowView};
use crate::error::IpcResult;
use crate::state::AppState;

/// Open tickets due today or overdue, soonest first.
#[tauri::command]
pub fn today_list(state: State<AppState>) -> IpcResult<Vec<RowView>> {
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.apply_clock(now)?;
        let day = list_day(shop, &state)?;
        Ok(row_views(shop.tickets_due_by(day.today)?, &day))
    })
}

#[derive(Serialize)]
pub struct TodayQuotes {
    awaiting_answer: Vec<RowView>,
    on_hold: Vec<RowView>,
    return_due: Vec<RowView>,
}

/// Today's quotation sections: answers awaited (by the last day to accept), watches held
/// after an expired quotation (by the hold's end), and return notices due.
#[tauri::command]
pub fn today_quotes(state: State<AppState>) -> IpcResult<TodayQuotes> {
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.apply_clock(now)?;
        let day = list_day(shop, &state)?;
        let of = |s: TicketState| -> IpcResult<Vec<RowView>> { Ok(row_views(shop.tickets_in_state(s, 100)?, &day)) };
        Ok(TodayQuotes {
            awaiting_answer: of(TicketState::Quoted)?,
            on_hold: of(TicketState::QuoteExpired)?,
            return_due: of(TicketState::ReturnDue)?,
        })
    })
}

/// A ready ticket with the figure its Today section shows.
#[derive(Serialize)]
pub struct MoneyRow {
    #[serde(flatten)]
    row: RowView,
    amount: String,
}

#[derive(Default, Serialize)]
pub struct TodayRelease {
    /// Repaired, but the customer has not been told.
    without_notice: Vec<RowView>,
    /// Past the free storage days: the fee so far.
    storage_accruing: Vec<MoneyRow>,
    /// Ready, with money still owed: the balance.
    balances_due: Vec<MoneyRow>,
    /// Paid and shipping chosen: waiting for the courier's tracking number to dispatch.
    awaiting_tracking: Vec<RowView>,
}

/// Today's after-repair sections, from every ticket ready for collection.
#[tauri::command]
pub fn today_release(state: State<AppState>) -> IpcResult<TodayRelease> {
    let now = state.clock.now();
    state.with_shop(|shop| {
        let day = list_day(shop, &state)?;
        let mut out = TodayRelease::default();
        for row in shop.tickets_in_state(TicketState::ReadyForCollection, 500)? {
            let sale = shop.after_sale(row.id, now)?;
            let view = || row_views(vec![row.clone()], &day).remove(0);
            let money = |amount| MoneyRow { row: view(), amount: day.currency.format(amount) };
            for wait in waiting_for(sale.notice.is_some(), sale.shipping.is_some(), &sale.account) {
                match wait {
                    Waiting::Notice => out.without_notice.push(view()),
                    Waiting::StorageFee(fee) => out.storage_accruing.push(money(fee)),
                    Waiting::Payment(balance) => out.balances_due.push(money(balance)),
                    Waiting::TrackingNumber => out.awaiting_tracking.push(view()),
                }
            }
        }
        Ok(out)
    })
}

#[derive(Serialize)]
pub struct TodayReturns {
    /// Authorized codes that have expired or end within two days, soonest first.
    rma_expiring: Vec<ReturnRowView>,
    /// Packages held without a valid code, by the end of the hold.
    held: Vec<ReturnRowView>,
    /// Received returns to inspect, by the inspection deadline.
    inspections_due: Vec<ReturnRowView>,
    /// Decided refunds not yet paid out, by their deadline.
    refunds_to_issue: Vec<ReturnRowView>,
}

#[tauri::command]
pub fn today_returns(state: State<AppState>) -> IpcResult<TodayReturns> {
    state.with_shop(|shop| {
        let day = list_day(shop, &state)?;
        let of =
            |s: ReturnState| -> IpcResult<Vec<ReturnRowView>> { Ok(return_rows(shop.returns_in_state(s, 200)?, &day)) };
        let mut expiring: Vec<_> = shop.returns_in_state(ReturnState::Expired, 500)?;
        expiring.extend(
            shop.returns_in_state(ReturnState::Authorized, 500)?
                .into_iter()
                .filter(|r| r.next_deadline.is_some_and(|d| expires_soon(d, day.today))),
        );
        Ok(TodayReturns {
            rma_expiring: return_rows(expiring, &day),
            held: of(ReturnState::Held)?,
            inspections_due: of(ReturnState::Received)?,
            refunds_to_issue: of(ReturnState::RefundDue)?,
        })
    })
}
