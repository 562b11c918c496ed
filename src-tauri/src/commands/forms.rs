//! Printable forms of a ticket: open in the system viewer, print, or save as PDF.

use std::path::PathBuf;
use std::process::Command;

use caseback_domain::intake::TicketId;
use caseback_forms::FormKind;
use caseback_store::intake::TicketPapers;
use serde::Serialize;
use tauri::State;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Renders the form and writes it to the data folder's `exports/`, returning the file.
fn render_to_file(state: &AppState, id: TicketId, kind: FormKind) -> IpcResult<PathBuf> {
    let fonts = state.fonts()?;
    state.with_shop(|shop| {
        let papers = shop.ticket_papers(id)?;
        let pdf = caseback_forms::render(&fonts, kind, &papers.as_forms())
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

/// The store's papers as the forms crate reads them.
pub trait AsForms {
    fn as_forms(&self) -> caseback_forms::Papers<'_>;
}

impl AsForms for TicketPapers {
    fn as_forms(&self) -> caseback_forms::Papers<'_> {
        caseback_forms::Papers {
            settings: &self.settings,
            ticket: &self.ticket,
            customer: &self.customer.details,
            received_by: &self.received_by,
            logo: self.logo.as_ref().map(|(media_type, bytes)| caseback_forms::Logo { media_type, bytes }),
            quotation: self.quotation.as_ref(),
            refused: self.refused,
            assessment: self.assessment.as_ref(),
        }
    }
}
