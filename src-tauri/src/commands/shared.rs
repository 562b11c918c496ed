//! Settings → Shared database: where the shop is, checking a server, moving the shop there
//! and back, joining it. Always the shop's own data, never the demo's.

use caseback_desk::{MovedView, ProbeView, Result, SharedForm, SharedView};
use tauri::{AppHandle, Runtime, State};

use crate::arg::Arg;
use crate::live;
use crate::state::AppState;

#[tauri::command]
pub fn shared_get(state: State<AppState>) -> Result<SharedView> {
    state.real_desk(|d| d.shared_database())
}

#[tauri::command]
pub fn shared_check(state: State<AppState>, form: Arg<SharedForm>) -> Result<ProbeView> {
    state.real_desk(|d| d.check_shared(&form))
}

#[tauri::command]
pub fn shared_move<R: Runtime>(app: AppHandle<R>, state: State<AppState>, form: Arg<SharedForm>) -> Result<MovedView> {
    let moved = state.real_desk(|d| d.move_to_shared(&form))?;
    live::tell_the_window(app);
    Ok(moved)
}

#[tauri::command]
pub fn shared_join<R: Runtime>(app: AppHandle<R>, state: State<AppState>, form: Arg<SharedForm>) -> Result<MovedView> {
    let joined = state.real_desk(|d| d.join_shared(&form))?;
    live::tell_the_window(app);
    Ok(joined)
}

#[tauri::command]
pub fn shared_branch_set(state: State<AppState>, branch: Arg<String>) -> Result<MovedView> {
    state.real_desk(|d| d.set_shared_branch(&branch))
}

#[tauri::command]
pub fn shared_leave<R: Runtime>(app: AppHandle<R>, state: State<AppState>) -> Result<MovedView> {
    let moved = state.real_desk(|d| d.move_back_to_folder())?;
    // Stops passing on the shared database's news: the shop is in the folder again.
    live::tell_the_window(app);
    Ok(moved)
}
