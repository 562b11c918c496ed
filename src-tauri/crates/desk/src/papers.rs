//! Every form of a ticket or a return, rendered from its papers: which forms a record has
//! (each kind's `applies` rule, also what refuses a render), and the PDF with its file name.
//! The fonts are parsed once per process, on the first form (the CJK face alone takes ~30 ms).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use caseback_domain::outbox::MailedForm;
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::printing::Media;
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::{Code, DomainError};
use caseback_forms::Fonts;
use caseback_store::StoreError;
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
    /// Where Save PDF's dialog starts: `R-2026-00042 Intake receipt.pdf` in the user's
    /// Documents folder (`save_folder`).
    save_as: String,
    /// Whether the form is e-mailed to the customer (an E-mail button beside Print).
    mailed: bool,
}

impl FormView {
    /// A form of the ticket numbered `number`.
    pub(crate) fn ticket(k: FormKind, number: &str) -> FormView {
        FormView {
            kind: serde_json::to_value(k).unwrap_or_default(),
            name: k.name(),
            title: k.title(),
            about: k.about(),
            save_as: save_as(number, k.title()),
            mailed: MailedForm::of_ticket(k).is_some(),
        }
    }

    /// A form of the return called `title` (its RMA code, or "Return 12").
    pub(crate) fn of_return(k: ReturnFormKind, title: &str) -> FormView {
        FormView {
            kind: serde_json::to_value(k).unwrap_or_default(),
            name: k.name(),
            title: k.title(),
            about: k.about(),
            save_as: save_as(title, k.title()),
            mailed: MailedForm::of_return(k).is_some(),
        }
    }
}

/// Refuses a path from a save dialog that is not a file Caseback can write: not absolute, a
/// folder, or in a folder that is not there (nothing is created outside the data folder).
pub(crate) fn check_chosen_file(path: &Path) -> Result<()> {
    let refuse = |sentence: String| Err(Error::from(DomainError::invalid("path", sentence)));
    if !path.is_absolute() {
        return refuse(format!(
            "Give the full path of the file, such as /home/mei/Documents/receipt.pdf, not \"{}\".",
            path.display()
        ));
    }
    if path.is_dir() {
        return refuse(format!("{} is a folder: give the file a name in it.", path.display()));
    }
    match path.parent() {
        Some(folder) if folder.is_dir() => Ok(()),
        Some(folder) => refuse(format!("There is no folder {}: choose a folder that exists.", folder.display())),
        None => refuse(format!("{} is not a file Caseback can save to.", path.display())),
    }
}

/// The folder Save PDF suggests: the user's Documents, else Downloads, else home (the first
/// that exists), else the working folder.
pub fn save_folder() -> PathBuf {
    [dirs::document_dir(), dirs::download_dir(), dirs::home_dir()]
        .into_iter()
        .flatten()
        .find(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `<save_folder>/<record> <form title>.pdf`, with what a file name cannot hold (a slash,
/// a control character) made a dash: customer-facing names such as "R-2026-00042 Intake
/// receipt.pdf" rather than the data folder's `R-2026-00042-receipt.pdf`.
fn save_as(record: &str, title: &str) -> String {
    let name: String = format!("{record} {title}.pdf")
        .chars()
        .map(|c| if c == '/' || c == '\\' || c.is_control() { '-' } else { c })
        .collect();
    save_folder().join(name).display().to_string()
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

pub(crate) fn fonts() -> Result<&'static Fonts> {
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
        self.paper_on(what, None)
    }

    /// Renders a form on `media` (a label stock, or the paper a printer takes); `None` is
    /// the form's usual media, documents on the shop's paper.
    pub(crate) fn paper_on(&mut self, what: PaperFor, media: Option<Media>) -> Result<Paper> {
        let fonts = fonts()?;
        let (shop, now) = self.at()?;
        match what {
            PaperFor::Ticket(id, kind) => {
                if kind.needs_shop_address() {
                    shop.settings()?.return_address()?;
                }
                let papers = shop.ticket_papers(id, now, kind == FormKind::CollectionNotice)?;
                let pdf = match media {
                    Some(media) => caseback_forms::render_ticket_on(fonts, kind, &papers, media)?,
                    None => caseback_forms::render_ticket(fonts, kind, &papers)?,
                };
                Ok(Paper { file_name: format!("{}-{}.pdf", papers.ticket.number, kind.name()), pdf })
            }
            PaperFor::Return(id, kind) => {
                if kind.needs_shop_address() {
                    shop.settings()?.return_address()?;
                }
                let papers = shop.return_papers(shop.return_case(id)?)?;
                let pdf = match media {
                    Some(media) => caseback_forms::render_return_case_on(fonts, kind, &papers, media)?,
                    None => caseback_forms::render_return_case(fonts, kind, &papers)?,
                };
                Ok(Paper { file_name: format!("{}-{}.pdf", papers.case.title().replace(' ', "-"), kind.name()), pdf })
            }
        }
    }

    /// Renders a form into the data folder's `exports/`, returning the file that Open and
    /// Print hand on: private to the user's account (0600 in a 0700 folder) like the rest of
    /// the shop's data. Save PDF writes where staff chose instead (`save_paper_to`).
    pub fn save_paper(&mut self, what: PaperFor) -> Result<PathBuf> {
        let paper = self.paper(what)?;
        self.keep_export(&paper.file_name, &paper.pdf)
    }

    /// Writes `pdf` as `name` in the data folder's `exports/` (0600 in a 0700 folder): what
    /// Open, Print and the day's bag tags hand on.
    pub(crate) fn keep_export(&self, name: &str, pdf: &[u8]) -> Result<PathBuf> {
        let dir = self.shop.folder().exports();
        let path = dir.join(name);
        caseback_store::private::create_dir(&dir)
            .and_then(|_| caseback_store::private::write_file(&path, pdf))
            .map_err(|e| Error::new(Code::StorageFailure, format!("Could not save {}: {e}", path.display())))?;
        Ok(path)
    }

    /// Renders a form into `path`, the file staff chose in the save dialog (replacing it: the
    /// dialog asked), private to the user's account like every file Caseback writes. The
    /// folder must exist; nothing is created outside the data folder.
    pub fn save_paper_to(&mut self, what: PaperFor, path: &Path) -> Result<PathBuf> {
        check_chosen_file(path)?;
        let paper = self.paper(what)?;
        caseback_store::private::write_file(path, &paper.pdf)
            .map_err(|e| StoreError::io(format!("Could not save {}", path.display()), e))?;
        Ok(path.to_path_buf())
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
