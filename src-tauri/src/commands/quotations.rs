//! Assessment, quotations and the customer's written answer.

use caseback_desk::{Error, Preview, QuotationsView, Result, TicketView};
use caseback_domain::assessment::{AssessmentForm, WrittenAnswer};
use caseback_domain::quotation::form::DraftForm;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

/// The editor's live totals, computed by the domain from what was typed.
#[tauri::command]
pub fn quotation_preview(state: State<AppState>, form: Arg<DraftForm>) -> Result<Preview> {
    state.desk(|d| d.quotation_preview(&form))
}

#[tauri::command]
pub fn quotations_get(state: State<AppState>, id: Arg<TicketId>) -> Result<QuotationsView> {
    state.desk(|d| d.quotations(*id))
}

#[tauri::command]
pub fn assessment_record(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    assessment: Arg<AssessmentForm>,
) -> Result<TicketView> {
    state.desk(|d| d.record_assessment(*by, *id, &assessment))
}

#[tauri::command]
pub fn quotation_issue(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<DraftForm>,
) -> Result<QuotationsView> {
    state.desk(|d| d.issue_quotation(*by, *id, &form))
}

#[tauri::command]
pub fn quotation_answer(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    revision: Arg<u32>,
    accepted: Arg<bool>,
    answer: Arg<WrittenAnswer>,
) -> Result<QuotationsView> {
    state.desk(|d| d.answer_quotation(*by, *id, *revision, *accepted, &answer))
}

/// Opens a `mailto:` link in the shop's mail client (the web view itself never navigates).
#[tauri::command]
pub fn mail_open(link: Arg<String>) -> Result<()> {
    if !link.starts_with("mailto:") || link.chars().any(char::is_control) {
        return Err(Error::new(Code::InvalidInput, "Only an email link can be opened."));
    }
    open::that_detached(link.as_str()).map_err(|e| {
        // The launcher's own words are for the log; staff are told what to do instead.
        tracing::warn!("opening a mail link failed: {e}");
        Error::new(
            Code::MailClientUnavailable,
            "No mail program is set up on this computer: copy the message and send it from your own mail.",
        )
    })
}

/// Opens a WhatsApp chat (`https://wa.me/…`) with the message written in, in the browser or
/// the WhatsApp app; only such a link is opened.
#[tauri::command]
pub fn whatsapp_open(link: Arg<String>) -> Result<()> {
    if !link.starts_with("https://wa.me/") || link.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(Error::new(Code::InvalidInput, "Only a WhatsApp link can be opened."));
    }
    open::that_detached(link.as_str()).map_err(|e| {
        tracing::warn!("opening a WhatsApp link failed: {e}");
        Error::new(
            Code::ViewerUnavailable,
            "No browser opens links on this computer: copy the message and send it from WhatsApp yourself.",
        )
    })
}
