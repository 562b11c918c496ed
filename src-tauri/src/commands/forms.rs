//! Printable forms of a ticket or a return: open in the system viewer, print (both from the
//! data folder's `exports/`), or save as PDF where staff chose in the system's save dialog.

use std::path::PathBuf;
use std::process::Command;

use caseback_desk::{Error, PaperFor, Result};
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::state::AppState;

#[derive(Serialize)]
pub struct Exported {
    path: String,
}

fn saved(state: &AppState, what: PaperFor) -> Result<PathBuf> {
    state.desk(|d| d.save_paper(what))
}

fn exported(path: PathBuf) -> Exported {
    Exported { path: path.display().to_string() }
}

/// Opens a saved form in the system's PDF viewer. Without one (no launcher, or one that
/// finds no program for PDFs), staff are told what else they can do; the launcher's own
/// words (`Launcher "gio" "open" … failed with ExitStatus(…)`) go to the log only.
fn open_pdf(path: PathBuf) -> Result<Exported> {
    open_with(path, |p| open::that_detached(p))
}

fn open_with(path: PathBuf, launch: impl FnOnce(&std::path::Path) -> std::io::Result<()>) -> Result<Exported> {
    launch(&path).map_err(|e| {
        tracing::warn!("opening {} failed: {e}", path.display());
        Error::new(Code::ViewerUnavailable, NO_VIEWER)
    })?;
    Ok(exported(path))
}

/// What staff read when no program opens PDFs here.
const NO_VIEWER: &str = "No program to open PDFs is set up on this computer: use Save PDF… or Print.";

/// Sends a saved form to the default printer (CUPS `lp`).
fn print_pdf(path: PathBuf) -> Result<Exported> {
    let output = Command::new("lp").arg(&path).output().map_err(|e| {
        Error::new(
            Code::PrinterUnavailable,
            format!(
                "Printing needs CUPS (the lp command), which is not available: {e}. The PDF is saved at {}.",
                path.display()
            ),
        )
    })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(Error::new(
            Code::PrinterUnavailable,
            format!("The printer refused the form ({said}). The PDF is saved at {}.", path.display()),
        ));
    }
    Ok(exported(path))
}

/// Saves the form to `path`, the file chosen in the save dialog.
#[tauri::command]
pub fn form_export(
    state: State<AppState>,
    id: Arg<TicketId>,
    kind: Arg<FormKind>,
    path: Arg<PathBuf>,
) -> Result<Exported> {
    state.desk(|d| d.save_paper_to(PaperFor::Ticket(*id, *kind), &path)).map(exported)
}

#[tauri::command]
pub fn form_open(state: State<AppState>, id: Arg<TicketId>, kind: Arg<FormKind>) -> Result<Exported> {
    open_pdf(saved(&state, PaperFor::Ticket(*id, *kind))?)
}

#[tauri::command]
pub fn form_print(state: State<AppState>, id: Arg<TicketId>, kind: Arg<FormKind>) -> Result<Exported> {
    print_pdf(saved(&state, PaperFor::Ticket(*id, *kind))?)
}

/// Saves the form to `path`, the file chosen in the save dialog.
#[tauri::command]
pub fn return_form_export(
    state: State<AppState>,
    id: Arg<ReturnId>,
    kind: Arg<ReturnFormKind>,
    path: Arg<PathBuf>,
) -> Result<Exported> {
    state.desk(|d| d.save_paper_to(PaperFor::Return(*id, *kind), &path)).map(exported)
}

#[tauri::command]
pub fn return_form_open(state: State<AppState>, id: Arg<ReturnId>, kind: Arg<ReturnFormKind>) -> Result<Exported> {
    open_pdf(saved(&state, PaperFor::Return(*id, *kind))?)
}

#[tauri::command]
pub fn return_form_print(state: State<AppState>, id: Arg<ReturnId>, kind: Arg<ReturnFormKind>) -> Result<Exported> {
    print_pdf(saved(&state, PaperFor::Return(*id, *kind))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_computer_without_a_pdf_viewer_is_said_in_a_sentence_not_the_launchers_words() {
        let failed =
            || Err(std::io::Error::other(r#"Launcher "gio" "open" "/x/receipt.pdf" failed with ExitStatus(4)"#));
        let err = open_with(PathBuf::from("/x/receipt.pdf"), |_| failed()).err().expect("refused");
        assert_eq!(err.code, Code::ViewerUnavailable);
        assert_eq!(err.message, "No program to open PDFs is set up on this computer: use Save PDF… or Print.");
        match open_with(PathBuf::from("/x/receipt.pdf"), |_| Ok(())) {
            Ok(opened) => assert_eq!(opened.path, "/x/receipt.pdf"),
            Err(e) => panic!("opening with a viewer was refused: {}", e.message),
        }
    }
}
