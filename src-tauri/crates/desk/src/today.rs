//! Today: what is due, what waits for the customer, and what waits for the shop.

use caseback_domain::after_sale::{waiting_for, Waiting};
use caseback_domain::returns::ReturnState;
use caseback_domain::ticket::TicketState;
use serde::Serialize;

use crate::error::Result;
use crate::returns::{expiring, return_rows, ReturnRowView};
use crate::tickets::{ListDay, RowView};
use crate::Desk;

/// What is due now; when nothing is, what comes next, so Today never looks idle while
/// watches are open.
#[derive(Serialize)]
pub struct TodayDue {
    /// Open tickets due today or overdue, soonest first.
    due: Vec<RowView>,
    /// The next few open tickets due after today (shown only when nothing is due now).
    upcoming: Vec<RowView>,
    /// How many tickets are open.
    open: usize,
}

#[derive(Serialize)]
pub struct TodayQuotes {
    awaiting_answer: Vec<RowView>,
    on_hold: Vec<RowView>,
    return_due: Vec<RowView>,
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

#[derive(Serialize)]
pub struct TodayReturns {
    /// Codes expired, or ending within two days, soonest first.
    rma_expiring: Vec<ReturnRowView>,
    /// Packages held without a valid code, by the end of the hold.
    held: Vec<ReturnRowView>,
    /// Packages to send back: their hold ended, or the return was denied.
    to_send_back: Vec<ReturnRowView>,
    /// Received returns to inspect, by the inspection deadline.
    inspections_due: Vec<ReturnRowView>,
    /// Decided refunds not yet paid out, by their deadline.
    refunds_to_issue: Vec<ReturnRowView>,
}

impl Desk {
    /// Open tickets due today or overdue, soonest first; with none, the next five due.
    pub fn today(&mut self) -> Result<TodayDue> {
        let (shop, now) = self.at()?;
        let day = ListDay::of(shop, now)?;
        let due = day.rows(shop.tickets_due_by(day.today)?);
        let upcoming = if due.is_empty() { day.rows(shop.tickets_due_after(day.today, 5)?) } else { Vec::new() };
        Ok(TodayDue { due, upcoming, open: shop.open_ticket_count()? })
    }

    /// Answers awaited (by the last day to accept), watches held after an expired
    /// quotation (by the hold's end), and return notices due.
    pub fn today_quotes(&mut self) -> Result<TodayQuotes> {
        let (shop, now) = self.at()?;
        let day = ListDay::of(shop, now)?;
        let of = |s: TicketState| -> Result<Vec<RowView>> { Ok(day.rows(shop.tickets_in_state(s, 100)?)) };
        Ok(TodayQuotes {
            awaiting_answer: of(TicketState::Quoted)?,
            on_hold: of(TicketState::QuoteExpired)?,
            return_due: of(TicketState::ReturnDue)?,
        })
    }

    /// The after-repair sections, from every ticket ready for collection.
    pub fn today_release(&mut self) -> Result<TodayRelease> {
        let (shop, now) = self.at()?;
        let day = ListDay::of(shop, now)?;
        let mut out = TodayRelease::default();
        for row in shop.tickets_in_state(TicketState::ReadyForCollection, 500)? {
            let sale = shop.after_sale(row.id, now)?;
            let view = || day.rows(vec![row.clone()]).remove(0);
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
    }

    pub fn today_returns(&mut self) -> Result<TodayReturns> {
        let (shop, now) = self.at()?;
        let today = ListDay::of(shop, now)?.today;
        let of =
            |s: ReturnState| -> Result<Vec<ReturnRowView>> { Ok(return_rows(shop.returns_in_state(s, 200)?, today)) };
        Ok(TodayReturns {
            rma_expiring: return_rows(expiring(shop, today)?, today),
            held: of(ReturnState::Held)?,
            to_send_back: of(ReturnState::ShipBack)?,
            inspections_due: of(ReturnState::Received)?,
            refunds_to_issue: of(ReturnState::RefundDue)?,
        })
    }
}
