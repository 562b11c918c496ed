//! Settings → Printing and Print: which of the system's printers each form goes to and on
//! which paper or label stock, kept per computer (printers are), and the print itself: the
//! form drawn for that stock, saved in `exports/`, then sent with its media and copies.

use caseback_domain::papers::FormKind;
use caseback_domain::printing::{FormShape, Media, PrintChoice, PrintSetup, PrintedForm};
use caseback_domain::ticket::TicketState;
use caseback_domain::{Code, DomainError};
use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::cups::{Cups, Printer};
use crate::error::{Error, Result};
use crate::papers::{fonts, PaperFor};
use crate::tickets::ListDay;
use crate::Desk;

/// The file, in the data folder, that keeps this computer's printing settings.
const FILE: &str = "printing.json";

/// Settings → Printing.
#[derive(Serialize)]
pub struct PrintingView {
    printers: Vec<Printer>,
    /// Why no printer can be listed (no CUPS here): said above the forms, which still show.
    printers_note: Option<String>,
    /// Why the saved choices could not be read (a damaged file): the defaults are shown.
    setup_note: Option<String>,
    /// The printer select's options: the system's default first (its key is ""), then every
    /// printer, a paused one said so.
    printer_choices: Vec<Choice>,
    forms: Vec<PrintFormView>,
}

/// One form's line.
#[derive(Serialize)]
pub struct PrintFormView {
    /// `ticket/tag`: the form's key, and the start of its fields' names.
    key: String,
    title: &'static str,
    shape: FormShape,
    /// The chosen printer, "" for the system's default.
    printer: String,
    media: &'static str,
    copies: u32,
    media_choices: Vec<Choice>,
}

/// One form's line as the window sends it back.
#[derive(Debug, Deserialize)]
pub struct PrintFormRow {
    pub key: String,
    #[serde(default)]
    pub printer: String,
    pub media: String,
    pub copies: u32,
}

/// What a print did, for the window's toast.
#[derive(Serialize)]
pub struct PrintedView {
    pub text: String,
    /// The PDF that was sent, kept in `exports/`.
    pub path: String,
    /// The printing system's job, `Labels-12`: what its queue shows.
    pub job: String,
}

fn media_choices(form: PrintedForm) -> Vec<Choice> {
    form.media().iter().map(|m| Choice { key: m.key().into(), label: m.title().into() }).collect()
}

impl Desk {
    /// The printing system this desk prints through: the system's, or a test's own.
    pub fn print_through(&mut self, cups: Cups) {
        self.cups = cups;
    }

    fn print_setup(&self) -> Result<PrintSetup> {
        Ok(self.read_setup().0)
    }

    /// This computer's printing settings, and why they could not be read: a damaged file
    /// must not stop the counter printing, so the usual printers and stock are used until
    /// staff save again (which writes the file anew).
    fn read_setup(&self) -> (PrintSetup, Option<String>) {
        let path = self.shop.folder().root().join(FILE);
        let unreadable = |why: String| {
            tracing::warn!("{} cannot be read: {why}", path.display());
            let said = "The printing settings saved on this computer could not be read: the default printer and the usual stock are used until you save them again.";
            (PrintSetup::default(), Some(said.to_string()))
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map(|s| (s, None)).unwrap_or_else(|e| unreadable(e.to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (PrintSetup::default(), None),
            Err(e) => unreadable(e.to_string()),
        }
    }

    /// Settings → Printing: the system's printers, and each form's printer, stock and copies.
    pub fn printing(&mut self) -> Result<PrintingView> {
        let paper = self.shop.settings()?.paper;
        let (setup, setup_note) = self.read_setup();
        let (printers, printers_note) = match self.cups.printers() {
            Ok(printers) if printers.is_empty() => (
                printers,
                Some(
                    "No printer is set up on this computer yet: add one in the system's printer settings.".to_string(),
                ),
            ),
            Ok(printers) => (printers, None),
            Err(e) => (Vec::new(), Some(e.message)),
        };
        let default = printers.iter().find(|p| p.default).map(|p| p.name.clone());
        let mut printer_choices = vec![Choice {
            key: "".into(),
            label: match &default {
                Some(name) => format!("Default printer ({name})"),
                None => "Default printer".into(),
            },
        }];
        printer_choices.extend(printers.iter().map(|p| Choice {
            key: p.name.clone().into(),
            label: if p.paused { format!("{} (paused)", p.name) } else { p.name.clone() },
        }));
        // A printer chosen here and since removed from the system stays chosen, said so,
        // rather than silently turning into the default.
        for form in PrintedForm::all() {
            if let Some(name) = setup.choice(form, paper).printer {
                if !printer_choices.iter().any(|c| c.key == name.as_str()) {
                    printer_choices.push(Choice { key: name.clone().into(), label: format!("{name} (not set up)") });
                }
            }
        }
        let forms = PrintedForm::all()
            .map(|form| {
                let choice = setup.choice(form, paper);
                PrintFormView {
                    key: form.key(),
                    title: form.title(),
                    shape: form.shape(),
                    printer: choice.printer.unwrap_or_default(),
                    media: choice.media.key(),
                    copies: choice.copies,
                    media_choices: media_choices(form),
                }
            })
            .collect();
        Ok(PrintingView { printers, printers_note, setup_note, printer_choices, forms })
    }

    /// Saves the forms' lines, every one checked first (refused at its own field).
    pub fn set_printing(&mut self, rows: Vec<PrintFormRow>) -> Result<PrintingView> {
        let mut setup = self.print_setup()?;
        let mut choices = Vec::new();
        for row in rows {
            let form = PrintedForm::from_key(&row.key).ok_or_else(|| {
                DomainError::invalid("form", format!("There is no form \u{201c}{}\u{201d}.", row.key))
            })?;
            let media = Media::from_key(&row.media).ok_or_else(|| {
                DomainError::invalid(format!("{}.media", row.key), "Choose the paper or label stock.")
            })?;
            let printer = Some(row.printer.trim().to_string()).filter(|p| !p.is_empty());
            choices.push((form, PrintChoice { printer, media, copies: row.copies }));
        }
        setup.set(choices)?;
        let path = self.shop.folder().root().join(FILE);
        let text = serde_json::to_string_pretty(&setup).expect("the printing settings are plain values");
        caseback_store::private::write_file(&path, text.as_bytes())
            .map_err(|e| Error::new(Code::StorageFailure, format!("Could not save {}: {e}", path.display())))?;
        self.printing()
    }

    /// Prints a form on its printer and stock. The PDF is saved first and kept: a printer that
    /// is missing, paused or refusing is said in a sentence that says where the PDF is.
    pub fn print_paper(&mut self, what: PaperFor) -> Result<PrintedView> {
        let form = match what {
            PaperFor::Ticket(_, kind) => PrintedForm::Ticket(kind),
            PaperFor::Return(_, kind) => PrintedForm::Return(kind),
        };
        let choice = self.print_setup()?.choice(form, self.shop.settings()?.paper);
        let paper = self.paper_on(what, Some(choice.media))?;
        let path = self.keep_export(&paper.file_name, &paper.pdf)?;
        self.send(&path, form.title(), &choice, form.title())
    }

    /// The bag tags of every watch booked in today, one tag a page, in one job on the bag
    /// tag's printer and stock.
    pub fn print_todays_tags(&mut self) -> Result<PrintedView> {
        let fonts = fonts()?;
        let (shop, now) = self.at()?;
        let today = ListDay::of(shop, now)?.today;
        // A watch booked in and cancelled the same day has no bag to tag.
        let rows: Vec<_> =
            shop.tickets_received_on(today)?.into_iter().filter(|r| r.state != TicketState::Cancelled).collect();
        if rows.is_empty() {
            return Err(Error::new(
                Code::FormNotApplicable,
                "No watch was booked in today: there are no bag tags to print.",
            ));
        }
        let mut papers = Vec::with_capacity(rows.len());
        for row in &rows {
            papers.push(shop.ticket_papers(row.id, now, false)?);
        }
        let form = PrintedForm::Ticket(FormKind::TicketTag);
        let choice = self.print_setup()?.choice(form, self.shop.settings()?.paper);
        let pdf = caseback_forms::ticket_tags(fonts, &papers, choice.media)?;
        let path = self.keep_export(&format!("bag-tags-{today}.pdf"), &pdf)?;
        let said = if rows.len() == 1 { "1 bag tag".to_string() } else { format!("{} bag tags", rows.len()) };
        self.send(&path, &format!("Bag tags {today}"), &choice, &said)
    }

    /// Sends the kept PDF; `said` is what the toast says was sent ("Bag tag", "3 bag tags").
    fn send(&self, path: &std::path::Path, title: &str, choice: &PrintChoice, said: &str) -> Result<PrintedView> {
        let job = self.cups.print(path, title, choice).map_err(|mut e| {
            e.message = format!("{} The PDF is kept at {}.", e.message, path.display());
            e
        })?;
        let copies = if choice.copies == 1 { String::new() } else { format!(", {} copies", choice.copies) };
        Ok(PrintedView {
            text: format!("{said} sent to \u{201c}{}\u{201d} on {}{copies}.", job.printer, choice.media.title()),
            path: path.display().to_string(),
            job: job.id,
        })
    }
}
