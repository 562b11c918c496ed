//! Start-up, first-start setup and the demo shop.

use caseback_desk::{Error, Result, SetupForm, SetupFormView};
use caseback_domain::calendar::DateStyle;
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[derive(Serialize)]
pub struct AppStatus {
    /// `blocked` (data folder in use or too new), `setup` (first start) or `ready`.
    state: &'static str,
    blocked: Option<Error>,
    demo: bool,
    shop_name: Option<String>,
    /// The shop's local date, `YYYY-MM-DD`, and as words for the header.
    today: Option<String>,
    today_label: Option<String>,
    data_folder: String,
    version: &'static str,
    /// How many rows a list shows before it asks for a narrower search.
    list_limit: usize,
    /// The most photos (or videos) one step keeps.
    max_photos: usize,
    /// How the shop writes dates: the screens' pattern (`DD/MM/YYYY`, `D MMMM YYYY`) and
    /// how a date is typed into a date field.
    date_pattern: &'static str,
    date_hint: &'static str,
}

#[tauri::command]
pub fn app_status(state: State<AppState>) -> Result<AppStatus> {
    let mut status = AppStatus {
        state: "ready",
        blocked: state.blocked(),
        demo: state.is_demo(),
        shop_name: None,
        today: None,
        today_label: None,
        data_folder: state.root.display().to_string(),
        version: env!("CARGO_PKG_VERSION"),
        list_limit: caseback_desk::LIST_LIMIT,
        max_photos: caseback_domain::attachment::MAX_PHOTOS,
        date_pattern: DateStyle::default().pattern(),
        date_hint: DateStyle::default().hint(),
    };
    if status.blocked.is_some() {
        status.state = "blocked";
        return Ok(status);
    }
    let settings = state.desk(|d| Ok(d.shop().is_set_up()?.then(|| d.shop().settings()).transpose()?))?;
    match settings {
        None => status.state = "setup",
        Some(s) => {
            let today = s.today(state.now());
            status.today = Some(today.to_string());
            status.today_label = Some(s.date_style.with_weekday(today));
            status.date_pattern = s.date_style.pattern();
            status.date_hint = s.date_style.hint();
            status.shop_name = Some(s.shop.name);
        }
    }
    Ok(status)
}

/// What the first-start form asks, with sensible first values (`time_zone` from the system).
#[tauri::command]
pub fn setup_form(state: State<AppState>, time_zone: Arg<String>) -> SetupFormView {
    SetupFormView::new(&time_zone, state.now())
}

#[tauri::command]
pub fn setup_shop(state: State<AppState>, form: Arg<SetupForm>) -> Result<()> {
    state.real_desk(|d| d.set_up(&form))
}

#[tauri::command]
pub fn demo_open(state: State<AppState>) -> Result<()> {
    state.open_demo()
}

#[tauri::command]
pub fn demo_leave(state: State<AppState>) {
    state.leave_demo()
}
