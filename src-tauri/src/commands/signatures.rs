//! Signatures given on the screen.

use caseback_desk::{Error, Result, SignaturesView};
use caseback_domain::signature::SignedDocument;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use tauri::ipc::Request;
use tauri::State;

use crate::arg::Arg;
use crate::commands::upload::upload;
use crate::state::AppState;

#[tauri::command]
pub fn signatures_get(state: State<AppState>, ticket: Arg<TicketId>) -> Result<SignaturesView> {
    state.desk(|d| d.signatures(*ticket))
}

/// The signature's PNG as the raw body; `x-staff-id`, `x-ticket-id`, `x-document` and
/// `x-file-name` (here the signer's name, URI-encoded) as headers.
#[tauri::command]
pub fn signature_add(state: State<AppState>, request: Request) -> Result<SignaturesView> {
    let file = upload(&request)?;
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let ticket = header("x-ticket-id")
        .parse()
        .map(TicketId)
        .map_err(|_| Error::new(Code::InvalidInput, "Open the ticket again."))?;
    let document: SignedDocument = serde_json::from_value(serde_json::Value::String(header("x-document").into()))
        .map_err(|_| Error::new(Code::InvalidInput, "That document cannot be signed on the screen."))?;
    state.desk(|d| d.sign(file.by, ticket, document, &file.name, file.bytes))
}
