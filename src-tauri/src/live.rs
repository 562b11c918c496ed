//! A shop on a shared database changes on other computers too: each change they make is
//! passed to the window as the event `shop-changed` (`{record}`, e.g. `ticket:R-2026-00042`),
//! and `{reconnected: true}` after the server was away (changes may have been missed), so
//! the screens on show read again. The window's own changes are not passed back.

use caseback_store::sql::pg::{self, Change};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// The event the window listens to.
pub const SHOP_CHANGED: &str = "shop-changed";

#[derive(Clone, Serialize)]
struct ShopChanged {
    record: Option<String>,
    reconnected: bool,
}

/// Connects to the shop's shared database in the background, again every 2 seconds while it
/// does not answer; once it does, the window is told (it then opens the shop) and hears
/// the other computers' changes from then on.
pub fn connect_in_background<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let waiting = state.waits_for_server();
        while !state.connect_again() {
            std::thread::sleep(std::time::Duration::from_secs(2));
        }
        if waiting {
            let _ = app.emit(SHOP_CHANGED, ShopChanged { record: None, reconnected: true });
        }
        tell_the_window(app.clone());
    });
}

/// Starts passing the shared database's news on to the window (nothing for a shop in a
/// folder); a listener started before stops, so the news comes once and only while shared.
pub fn tell_the_window<R: Runtime>(app: AppHandle<R>) {
    let state = app.state::<AppState>();
    let turn = state.next_listener();
    let shared = state.real_desk(|desk| {
        let db = desk.shop().db();
        Ok(db.postgres_config().map(|(config, tls)| (config, tls, db.origin().to_string())))
    });
    let Ok(Some((config, tls, origin))) = shared else { return };
    pg::listen(config, tls, move |payload| {
        if app.state::<AppState>().listener() != turn {
            return false;
        }
        let news = if payload == "reconnected" {
            ShopChanged { record: None, reconnected: true }
        } else {
            match Change::parse(payload) {
                Some(c) if c.origin != origin => ShopChanged { record: Some(c.record), reconnected: false },
                _ => return true,
            }
        };
        if let Err(e) = app.emit(SHOP_CHANGED, news) {
            tracing::warn!("could not pass a change on to the window: {e}");
        }
        true
    });
}
