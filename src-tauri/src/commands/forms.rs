//! Printable forms of a ticket or a return: open in the system viewer, print, or save as PDF.

use std::path::PathBuf;
use std::process::Command;

use caseback_domain::intake::TicketId;
use caseback_domain::returns::ReturnId;
use caseback_forms::{AfterSale, Fonts, FormError, FormKind, Image, Papers, ReturnFormKind, ReturnPapers};
use caseback_store::intake::TicketPapers;
use caseback_store::Shop;
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Writes a rendered form to the data folder's `exports/`, returning the file.
fn save(shop: &Shop, file_name: String, pdf: Result<Vec<u8>, FormError>) -> IpcResult<PathBuf> {
    let pdf = pdf.map_err(|e| IpcError::new(e.code(), e.to_string()))?;
    let dir = shop.folder().root().join("exports");
    let path = dir.join(file_name);
    std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(&path, pdf))
        .map_err(|e| IpcError::new("storage_failure", format!("Could not save {}: {e}", path.display())))?;
    Ok(path)
}

/// A repair ticket's form, saved as `R-2026-00042-<suffix>.pdf`.
fn ticket_form(state: &AppState, id: TicketId, kind: FormKind) -> IpcResult<PathBuf> {
    let fonts = state.fonts()?;
    state.with_shop(|shop| {
        let papers = shop.ticket_papers(id, state.clock.now(), kind == FormKind::CollectionNotice)?;
        save(shop, format!("{}-{}.pdf", papers.ticket.number, kind.file_suffix()), render(&fonts, kind, &papers))
    })
}

/// A return's form, saved as `RMA-K7QD-4WX-<suffix>.pdf` (or `Return-12-…`).
fn return_form(state: &AppState, id: ReturnId, kind: ReturnFormKind) -> IpcResult<PathBuf> {
    let fonts = state.fonts()?;
    state.with_shop(|shop| {
        let f = shop.return_papers(shop.return_case(id)?)?;
        let papers = ReturnPapers {
            settings: &f.settings,
            case: &f.case,
            customer: f.customer.as_ref(),
            logo: f.logo.as_ref().map(|(media_type, bytes)| Image { media_type, bytes }),
            inspection_photos: f
                .inspection_photos
                .iter()
                .map(|(media_type, bytes)| Image { media_type, bytes })
                .collect(),
        };
        let name = format!("{}-{}.pdf", f.case.title().replace(' ', "-"), kind.file_suffix());
        save(shop, name, caseback_forms::render_return(&fonts, kind, &papers))
    })
}

#[derive(Serialize)]
pub struct Exported {
    path: String,
}

fn exported(path: PathBuf) -> Exported {
    Exported { path: path.display().to_string() }
}

/// Opens a saved form in the system's PDF viewer.
fn open_pdf(path: PathBuf) -> IpcResult<Exported> {
    open::that_detached(&path)
        .map_err(|e| IpcError::new("viewer_unavailable", format!("No PDF viewer could open the form: {e}")))?;
    Ok(exported(path))
}

/// Sends a saved form to the default printer (CUPS `lp`).
fn print_pdf(path: PathBuf) -> IpcResult<Exported> {
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
    Ok(exported(path))
}

#[tauri::command]
pub fn form_export(state: State<AppState>, id: Arg<TicketId>, kind: Arg<FormKind>) -> IpcResult<Exported> {
    let id = id.0;
    let kind = kind.0;
    Ok(exported(ticket_form(&state, id, kind)?))
}

#[tauri::command]
pub fn form_open(state: State<AppState>, id: Arg<TicketId>, kind: Arg<FormKind>) -> IpcResult<Exported> {
    let id = id.0;
    let kind = kind.0;
    open_pdf(ticket_form(&state, id, kind)?)
}

#[tauri::command]
pub fn form_print(state: State<AppState>, id: Arg<TicketId>, kind: Arg<FormKind>) -> IpcResult<Exported> {
    let id = id.0;
    let kind = kind.0;
    print_pdf(ticket_form(&state, id, kind)?)
}

#[tauri::command]
pub fn return_form_export(state: State<AppState>, id: Arg<ReturnId>, kind: Arg<ReturnFormKind>) -> IpcResult<Exported> {
    let id = id.0;
    let kind = kind.0;
    Ok(exported(return_form(&state, id, kind)?))
}

#[tauri::command]
pub fn return_form_open(state: State<AppState>, id: Arg<ReturnId>, kind: Arg<ReturnFormKind>) -> IpcResult<Exported> {
    let id = id.0;
    let kind = kind.0;
    open_pdf(return_form(&state, id, kind)?)
}

#[tauri::command]
pub fn return_form_print(state: State<AppState>, id: Arg<ReturnId>, kind: Arg<ReturnFormKind>) -> IpcResult<Exported> {
    let id = id.0;
    let kind = kind.0;
    print_pdf(return_form(&state, id, kind)?)
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
