//! Printable forms of a ticket: open in the system viewer, print, or save as PDF.

use std::path::PathBuf;
use std::process::Command;

use caseback_domain::intake::TicketId;
use caseback_forms::{IntakeReceipt, Logo, QuotationDoc, TicketTag};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    IntakeReceipt,
    TicketTag,
    /// The ticket's latest quotation.
    Quotation,
}

impl FormKind {
    fn file_suffix(self) -> &'static str {
        match self {
            FormKind::IntakeReceipt => "intake-receipt",
            FormKind::TicketTag => "bag-tag",
            FormKind::Quotation => "quotation",
        }
    }
}

/// Renders the form and writes it to the data folder's `exports/`, returning the file.
fn render_to_file(state: &AppState, id: TicketId, kind: FormKind) -> IpcResult<PathBuf> {
    let fonts = state.fonts()?;
    state.with_shop(|shop| {
        let papers = shop.ticket_papers(id)?;
        let logo = papers.logo.as_ref().map(|(media_type, bytes)| Logo { media_type, bytes });
        let pdf = match kind {
            FormKind::IntakeReceipt => caseback_forms::intake_receipt(
                &fonts,
                &IntakeReceipt {
                    settings: &papers.settings,
                    ticket: &papers.ticket,
                    customer: &papers.customer.details,
                    received_by: &papers.received_by,
                    logo,
                },
            ),
            FormKind::TicketTag => caseback_forms::ticket_tag(
                &fonts,
                &TicketTag { ticket: &papers.ticket, customer: &papers.customer.details },
            ),
            FormKind::Quotation => {
                let latest = shop
                    .quotations(id)?
                    .pop()
                    .ok_or_else(|| IpcError::new("not_found", "This ticket has no quotation yet."))?;
                caseback_forms::quotation(
                    &fonts,
                    &QuotationDoc {
                        settings: &papers.settings,
                        ticket: &papers.ticket,
                        customer: &papers.customer.details,
                        quotation: &latest.quotation,
                        logo,
                    },
                )
            }
        }
        .map_err(|e| IpcError::new(e.code(), e.to_string()))?;
        let dir = shop.folder().root().join("exports");
        let path = dir.join(format!("{}-{}.pdf", papers.ticket.number, kind.file_suffix()));
        std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(&path, pdf))
            .map_err(|e| IpcError::new("storage_failure", format!("Could not save {}: {e}", path.display())))?;
        Ok(path)
    })
}

#[derive(Serialize)]
pub struct Exported {
    path: String,
}

#[tauri::command]
pub fn form_export(state: State<AppState>, id: TicketId, kind: FormKind) -> IpcResult<Exported> {
    Ok(Exported { path: render_to_file(&state, id, kind)?.display().to_string() })
}

/// Opens the form in the system's PDF viewer.
#[tauri::command]
pub fn form_open(state: State<AppState>, id: TicketId, kind: FormKind) -> IpcResult<Exported> {
    let path = render_to_file(&state, id, kind)?;
    open::that_detached(&path)
        .map_err(|e| IpcError::new("viewer_unavailable", format!("No PDF viewer could open the form: {e}")))?;
    Ok(Exported { path: path.display().to_string() })
}

/// Sends the form to the default printer (CUPS `lp`).
#[tauri::command]
pub fn form_print(state: State<AppState>, id: TicketId, kind: FormKind) -> IpcResult<Exported> {
    let path = render_to_file(&state, id, kind)?;
    let output = Command::new("lp").arg(&path).output().map_err(|e| {
        IpcError::new(
            "printer_unavailable",
            format!(
                "Printing needs CUPS (the lp command), which is not available: {e}. The PDF is saved at {}.",
                path.display()
            ),
        )
    })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(IpcError::new(
            "printer_unavailable",
            format!("The printer refused the form ({said}). The PDF is saved at {}.", path.display()),
        ));
    }
    Ok(Exported { path: path.display().to_string() })
}
