//! The bench: who has a ticket, the time spent on it, each watchmaker's watches.

use caseback_desk::{BenchView, Result, TicketBenchView, TodayBench};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[tauri::command]
pub fn ticket_bench_get(state: State<AppState>, ticket: Arg<TicketId>) -> Result<TicketBenchView> {
    state.desk(|d| d.ticket_bench(*ticket))
}

#[tauri::command]
pub fn ticket_assign(
    state: State<AppState>,
    by: Arg<StaffId>,
    ticket: Arg<TicketId>,
    to: Arg<Option<StaffId>>,
) -> Result<TicketBenchView> {
    state.desk(|d| d.assign_ticket(*by, *ticket, *to))
}

#[tauri::command]
pub fn work_time_log(
    state: State<AppState>,
    by: Arg<StaffId>,
    ticket: Arg<TicketId>,
    minutes: Arg<String>,
    note: Arg<String>,
) -> Result<TicketBenchView> {
    state.desk(|d| d.log_work_time(*by, *ticket, &minutes, &note))
}

#[tauri::command]
pub fn work_clock(
    state: State<AppState>,
    by: Arg<StaffId>,
    ticket: Arg<TicketId>,
    start: Arg<bool>,
) -> Result<TicketBenchView> {
    state.desk(|d| d.work_clock(*by, *ticket, *start))
}

#[tauri::command]
pub fn bench_get(state: State<AppState>, staff: Arg<Option<StaffId>>) -> Result<BenchView> {
    state.desk(|d| d.bench(*staff))
}

#[tauri::command]
pub fn today_bench(state: State<AppState>) -> Result<TodayBench> {
    state.desk(|d| d.today_bench())
}
