//! Today: what is due, what waits for the customer, and what waits for the shop.

use caseback_desk::{Result, TodayDue, TodayQuotes, TodayRelease, TodayReturns};
use tauri::State;

use crate::state::AppState;

/// Open tickets due today or overdue, soonest first (with none, the next due).
#[tauri::command]
pub fn today_list(state: State<AppState>) -> Result<TodayDue> {
    state.desk(|d| d.today())
}

#[tauri::command]
pub fn today_quotes(state: State<AppState>) -> Result<TodayQuotes> {
    state.desk(|d| d.today_quotes())
}

#[tauri::command]
pub fn today_release(state: State<AppState>) -> Result<TodayRelease> {
    state.desk(|d| d.today_release())
}

#[tauri::command]
pub fn today_returns(state: State<AppState>) -> Result<TodayReturns> {
    state.desk(|d| d.today_returns())
}
