//! The Reports screen: a period's figures with their charts, saved as CSV or PDF.

use std::path::PathBuf;

use caseback_desk::{PeriodChoice, ReportView, Result};
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[tauri::command]
pub fn report_periods(state: State<AppState>) -> Result<Vec<PeriodChoice>> {
    state.desk(|d| d.report_periods())
}

#[tauri::command]
pub fn report_get(state: State<AppState>, from: Arg<String>, to: Arg<String>) -> Result<ReportView> {
    state.desk(|d| d.report(&from, &to))
}

#[derive(Serialize)]
pub struct Saved {
    path: String,
}

/// Saves the report at `path`, chosen in the save dialog: CSV for a `.csv` name, else PDF.
#[tauri::command]
pub fn report_save(state: State<AppState>, from: Arg<String>, to: Arg<String>, path: Arg<PathBuf>) -> Result<Saved> {
    state.desk(|d| d.save_report(&from, &to, &path)).map(|p| Saved { path: p.display().to_string() })
}
