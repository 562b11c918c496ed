//! Printable forms of a ticket or a return: open in the system viewer (from the data
//! folder's `exports/`), print on the printer and stock Settings → Printing chose, or save as
//! PDF where staff chose in the system's save dialog.

use std::path::PathBuf;

use caseback_desk::{Error, PaperFor, PrintFormRow, PrintedView, PrintingView, Result};
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

/// Prints the form on its printer and stock (Settings → Printing).
#[tauri::command]
pub fn form_print(state: State<AppState>, id: Arg<TicketId>, kind: Arg<FormKind>) -> Result<PrintedView> {
    state.desk(|d| d.print_paper(PaperFor::Ticket(*id, *kind)))
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
pub fn return_form_print(state: State<AppState>, id: Arg<ReturnId>, kind: Arg<ReturnFormKind>) -> Result<PrintedView> {
    state.desk(|d| d.print_paper(PaperFor::Return(*id, *kind)))
}

/// The bag tags of today's intakes, in one job.
#[tauri::command]
pub fn tags_print_today(state: State<AppState>) -> Result<PrintedView> {
    state.desk(|d| d.print_todays_tags())
}

/// Settings → Printing.
#[tauri::command]
pub fn printing_get(state: State<AppState>) -> Result<PrintingView> {
    state.desk(|d| d.printing())
}

#[tauri::command]
pub fn printing_set(state: State<AppState>, forms: Arg<Vec<PrintFormRow>>) -> Result<PrintingView> {
    state.desk(|d| d.set_printing(forms.0))
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
