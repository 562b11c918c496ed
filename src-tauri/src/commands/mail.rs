//! E-mail: this computer's mail account, a test message, forms queued for the customer, and
//! the outbox. Queuing wakes the postman (postman.rs), which sends in the background.

use caseback_desk::{MailAccountForm, MailAccountView, MailTestView, OutboxRowView, OutboxView, PaperFor, Result};
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::returns::ReturnId;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::arg::Arg;
use crate::postman::Postman;
use crate::state::AppState;

/// The demo's customers are not real: nothing of the demo is e-mailed, and its outbox would
/// never be sent (the sender works on the shop's own data only).
fn not_in_the_demo(state: &AppState) -> Result<()> {
    if state.is_demo() {
        return Err(caseback_desk::Error::new(
            caseback_domain::Code::FormNotApplicable,
            "The demo shop sends no e-mail: its customers are not real. Leave the demo to e-mail your own customers.",
        ));
    }
    Ok(())
}

fn wake<R: Runtime>(app: &AppHandle<R>) {
    if let Some(postman) = app.try_state::<Postman>() {
        postman.wake();
    }
}

#[tauri::command]
pub fn mail_account_get(state: State<AppState>) -> Result<MailAccountView> {
    state.desk(|d| d.mail_account())
}

#[tauri::command]
pub fn mail_account_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    form: Arg<MailAccountForm>,
) -> Result<MailAccountView> {
    let saved = state.desk(|d| d.save_mail_account(&form))?;
    wake(&app);
    Ok(saved)
}

/// Off the window's thread, and with the shop free while the server answers (up to its
/// timeout): the window and the outbox's sender go on meanwhile.
#[tauri::command(async)]
pub fn mail_test(state: State<'_, AppState>, to: Arg<String>) -> Result<MailTestView> {
    let message = state.desk(|d| d.test_message(&to))?;
    Ok(message.send())
}

#[tauri::command]
pub fn form_email<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    kind: Arg<FormKind>,
) -> Result<OutboxView> {
    not_in_the_demo(&state)?;
    let queued = state.desk(|d| d.email_form(*by, PaperFor::Ticket(*id, *kind)))?;
    wake(&app);
    Ok(queued)
}

#[tauri::command]
pub fn return_form_email<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<ReturnId>,
    kind: Arg<ReturnFormKind>,
) -> Result<OutboxView> {
    not_in_the_demo(&state)?;
    let queued = state.desk(|d| d.email_form(*by, PaperFor::Return(*id, *kind)))?;
    wake(&app);
    Ok(queued)
}

#[tauri::command]
pub fn ticket_outbox(state: State<AppState>, id: Arg<TicketId>) -> Result<OutboxView> {
    state.desk(|d| d.ticket_outbox(*id))
}

#[tauri::command]
pub fn return_outbox(state: State<AppState>, id: Arg<ReturnId>) -> Result<OutboxView> {
    state.desk(|d| d.return_outbox(*id))
}

#[tauri::command]
pub fn outbox_get(state: State<AppState>) -> Result<OutboxView> {
    state.desk(|d| d.outbox())
}

#[tauri::command]
pub fn outbox_retry<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    by: Arg<StaffId>,
    message: Arg<i64>,
) -> Result<OutboxRowView> {
    let again = state.desk(|d| d.retry_message(*by, *message))?;
    wake(&app);
    Ok(again)
}

/// Sends what waits now, in the background; the window hears each message's new state.
#[tauri::command]
pub fn outbox_send<R: Runtime>(app: AppHandle<R>, state: State<AppState>) -> Result<()> {
    state.desk(|d| d.hurry_mail())?;
    wake(&app);
    Ok(())
}
