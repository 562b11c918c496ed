//! The automatic backup: on start, and then hourly checks so an app left open for days
//! still makes one each day. Failures are logged and shown to staff on the Settings screen.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::AppState;

pub fn keep_daily(app: AppHandle) {
    std::thread::spawn(move || loop {
        let state = app.state::<AppState>();
        match state.real_desk(|desk| desk.daily_backup()) {
            Ok(Some(summary)) => {
                tracing::info!("daily backup written to {}", summary.path.display());
                state.set_backup_problem(None);
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!("daily backup failed: {}", e.message);
                state.set_backup_problem(Some(e.message));
            }
        }
        std::thread::sleep(Duration::from_secs(3600));
    });
}
