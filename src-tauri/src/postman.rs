//! Sends what waits in the outbox, in the background: every minute, and at once when staff
//! queue a form (`Postman::wake`). Each message is claimed and then settled with the shop
//! held for a moment only; the mail server is talked to with the shop free, so a server that
//! does not answer never holds the window up. The window hears `outbox-changed` after each
//! message, so an open ticket shows its e-mail's new state.

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use caseback_store::Claim;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// The event the window listens to.
pub const OUTBOX_CHANGED: &str = "outbox-changed";

/// How often the outbox is looked at without being woken: a server back after an outage is
/// found within a minute (each message also waits its own `next_try`).
const EVERY: Duration = Duration::from_secs(60);

/// How many more times a send's outcome is saved when the database does not take it.
const SETTLE_TRIES: usize = 12;

/// The handle the commands wake the sender with.
pub struct Postman(Mutex<Sender<()>>);

impl Postman {
    /// Sends what waits now rather than at the next minute.
    pub fn wake(&self) {
        if let Ok(tx) = self.0.lock() {
            let _ = tx.send(());
        }
    }
}

/// Starts the sender; the returned postman wakes it.
pub fn start<R: Runtime>(app: AppHandle<R>) -> Postman {
    let (tx, rx) = channel();
    std::thread::spawn(move || deliver(app, rx));
    Postman(Mutex::new(tx))
}

fn deliver<R: Runtime>(app: AppHandle<R>, woken: Receiver<()>) {
    loop {
        round(&app);
        match woken.recv_timeout(EVERY) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        // Several queued at once wake once.
        while woken.try_recv().is_ok() {}
    }
}

/// Sends every message due, one at a time, until none is due or the server cannot be
/// reached. Only the shop's own messages: the demo's customers are not real.
fn round<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    loop {
        let claim = state.real_desk(|desk| desk.claim_mail());
        let claimed = match claim {
            Ok(Claim::Message(claimed)) => claimed,
            Ok(Claim::Nothing | Claim::NoAccount) => return,
            Err(e) => {
                tracing::warn!("the outbox could not be read: {}", e.message);
                return;
            }
        };
        let now = state.real_desk(|desk| Ok(desk.now())).unwrap_or_else(|_| jiff::Timestamp::now());
        let attempt = claimed.hand_over(now);
        // The server has answered: how it went must be kept, or the claim runs out and the
        // message is sent again. A database away for a moment is tried again for a minute.
        let mut settled = state.real_desk(|desk| desk.settle_mail(&claimed, &attempt));
        for _ in 0..SETTLE_TRIES {
            let Err(e) = &settled else { break };
            tracing::warn!("how the message went could not be saved yet: {}", e.message);
            std::thread::sleep(Duration::from_secs(5));
            settled = state.real_desk(|desk| desk.settle_mail(&claimed, &attempt));
        }
        if settled.is_err() {
            return;
        }
        let _ = app.emit(OUTBOX_CHANGED, ());
        if matches!(attempt, caseback_domain::outbox::Attempt::Unreachable(_)) {
            return;
        }
    }
}
