//! Every form of a ticket or a return, rendered from its papers: which forms a record has
//! (each kind's `applies` rule, also what refuses a render), and the PDF with its file name.
//! The fonts are parsed once per process, on the first form (the CJK face alone takes ~30 ms).

use std::path::PathBuf;
use std::sync::OnceLock;

use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use caseback_forms::Fonts;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::Desk;

/// A form as the Forms panel lists it.
#[derive(Clone, Serialize)]
pub struct FormView {
    /// The kind as the app reads it back (`intake_receipt`, `return_label`).
    kind: serde_json::Value,
    /// Its one name (`receipt`, `return-label`): test ids and file names.
    name: &'static str,
    title: &'static str,
    about: &'static str,
}

impl FormView {
    pub(crate) fn ticket(k: FormKind) -> FormView {
        FormView {
            kind: serde_json::to_value(k).unwrap_or_default(),
            name: k.name(),
            title: k.title(),
            about: k.about(),
        }
    }

    pub(crate) fn of_return(k: ReturnFormKind) -> FormView {
        FormView {
            kind: serde_json::to_value(k).unwrap_or_default(),
            name: k.name(),
            title: k.title(),
            about: k.about(),
        }
    }
}

/// Which record a form is of.
#[derive(Clone, Copy, Debug)]
pub enum PaperFor {
    Ticket(TicketId, FormKind),
    Return(ReturnId, ReturnFormKind),
}

/// A rendered form and the file name it is saved under (`R-2026-00042-receipt.pdf`).
pub struct Paper {
    pub file_name: String,
    pub pdf: Vec<u8>,
}

fn fonts() -> Result<&'static Fonts> {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    if let Some(f) = FONTS.get() {
        return Ok(f);
    }
    let loaded = Fonts::load()?;
    Ok(FONTS.get_or_init(|| loaded))
}

impl Desk {
    /// Renders a form; one the record has no facts for is refused with the reason.
    pub fn paper(&mut self, what: PaperFor) -> Result<Paper> {
        let fonts = fonts()?;
        let (shop, now) = self.at()?;
        match what {
            PaperFor::Ticket(id, kind) => {
                let papers = shop.ticket_papers(id, now, kind == FormKind::CollectionNotice)?;
                let pdf = caseback_forms::render_ticket(fonts, kind, &papers)?;
                Ok(Paper { file_name: format!("{}-{}.pdf", papers.ticket.number, kind.name()), pdf })
            }
            PaperFor::Return(id, kind) => {
                let papers = shop.return_papers(shop.return_case(id)?)?;
                let pdf = caseback_forms::render_return_case(fonts, kind, &papers)?;
                Ok(Paper { file_name: format!("{}-{}.pdf", papers.case.title().replace(' ', "-"), kind.name()), pdf })
            }
        }
    }

    /// Renders a form into the data folder's `exports/`, returning the file.
    pub fn save_paper(&mut self, what: PaperFor) -> Result<PathBuf> {
        let paper = self.paper(what)?;
        let dir = self.shop.folder().root().join("exports");
        let path = dir.join(&paper.file_name);
        std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(&path, &paper.pdf))
            .map_err(|e| Error::new(Code::StorageFailure, format!("Could not save {}: {e}", path.display())))?;
        Ok(path)
    }

    /// The ticket a typed or scanned number names, and the return an RMA code names: what
    /// the CLI's `render TARGET` takes.
    pub fn paper_for(&mut self, form: &str, target: &str) -> Result<PaperFor> {
        if let Some(kind) = FormKind::from_name(form) {
            return Ok(PaperFor::Ticket(self.find_ticket(target)?, kind));
        }
        if let Some(kind) = ReturnFormKind::from_name(form) {
            return Ok(PaperFor::Return(self.find_return(target)?, kind));
        }
        Err(Error::new(
            Code::InvalidInput,
            format!("There is no form called \"{form}\"; choose one of {}.", form_names().join(", ")),
        ))
    }
}

/// Every form's name, tickets' first.
pub fn form_names() -> Vec<&'static str> {
    FormKind::ALL.iter().map(|k| k.name()).chain(ReturnFormKind::ALL.iter().map(|k| k.name())).collect()
}
