//! Printable forms of a ticket: open in the system viewer, print, or save as PDF.

use std::path::PathBuf;
use std::process::Command;

use caseback_domain::intake::TicketId;
use caseback_forms::{AfterSale, Fonts, FormError, FormKind, Image, Papers};
use caseback_store::intake::TicketPapers;
use serde::Serialize;
use tauri::State;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Renders the form and writes it to the data folder's `exports/`, returning the file.
fn render_to_file(state: &AppState, id: TicketId, kind: FormKind) -> IpcResult<PathBuf> {
    let fonts = state.fonts()?;
    state.with_shop(|shop| {
        let papers = shop.ticket_papers(id, state.clock.now())?;
        let pdf = render(&fonts, kind, &papers).map_err(|e| IpcError::new(e.code(), e.to_string()))?;
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

/// Renders `kind` from the store's papers, mapped to what the forms crate reads.
fn render(fonts: &Fonts, kind: FormKind, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let sale = &p.after_sale;
    let after_sale = AfterSale {
        completion: sale.completion.as_ref().map(|(c, _)| c),
        photos: p.after_photos.iter().map(|(media_type, bytes)| Image { media_type, bytes }).collect(),
        notice: sale.notice.as_ref(),
        account: &sale.account,
        as_of: sale.as_of,
        payments: &sale.payments,
        accepted: sale.accepted.as_ref().map(|(q, cosmetic)| (q, *cosmetic)),
        shipping: sale.shipping.as_ref(),
        release: sale.release.as_ref().map(|(r, _)| r),
    };
    let papers = Papers {
        settings: &p.settings,
        ticket: &p.ticket,
        customer: &p.customer.details,
        received_by: &p.received_by,
        logo: p.logo.as_ref().map(|(media_type, bytes)| Image { media_type, bytes }),
        quotation: p.quotation.as_ref(),
        refused: p.refused,
        assessment: p.assessment.as_ref(),
        after_sale: Some(&after_sale),
    };
    caseback_forms::render(fonts, kind, &papers)
}
