//! Printing: what each form is printed on (paper or label stock), and which printer and
//! media each form goes to on this computer. The printers themselves are the system's
//! (CUPS); this module only says what a choice may be and what the print job asks for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::papers::{FormKind, ReturnFormKind};
use crate::settings::PaperSize;
use crate::DomainError;

/// A sheet or label a form is printed on. Sizes are as the stock comes out of the printer:
/// width across the feed, then length along it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Media {
    A4,
    Letter,
    /// Brother DK-11209, small address labels, 62 x 29 mm.
    BrotherDk11209,
    /// DYMO 99012, large address labels, 89 x 36 mm.
    Dymo99012,
    /// DYMO 30252, address labels, 28 x 89 mm (fed on their short side).
    Dymo30252,
    /// Shipping labels, 4 x 6 in (thermal label printers in the US and UK).
    Label4x6in,
    /// Shipping labels, 100 x 150 mm (the courier's stock in Europe and Asia).
    Label100x150mm,
}

impl Media {
    pub const ALL: [Media; 7] = [
        Media::A4,
        Media::Letter,
        Media::BrotherDk11209,
        Media::Dymo99012,
        Media::Dymo30252,
        Media::Label4x6in,
        Media::Label100x150mm,
    ];

    /// Width and height of the page in millimetres, as the form is laid out on it.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Media::A4 => (210.0, 297.0),
            Media::Letter => (215.9, 279.4),
            // A landscape label: the form is drawn across the label's length.
            Media::BrotherDk11209 => (62.0, 29.0),
            Media::Dymo99012 => (89.0, 36.0),
            // A tall, narrow label: the form is drawn down it.
            Media::Dymo30252 => (28.0, 89.0),
            Media::Label4x6in => (101.6, 152.4),
            Media::Label100x150mm => (100.0, 150.0),
        }
    }

    /// The name shown in the printing settings.
    pub fn title(self) -> &'static str {
        match self {
            Media::A4 => "A4 (210 × 297 mm)",
            Media::Letter => "US Letter (8.5 × 11 in)",
            Media::BrotherDk11209 => "Brother DK-11209 (62 × 29 mm)",
            Media::Dymo99012 => "DYMO 99012 (89 × 36 mm)",
            Media::Dymo30252 => "DYMO 30252 (28 × 89 mm)",
            Media::Label4x6in => "Shipping label 4 × 6 in",
            Media::Label100x150mm => "Shipping label 100 × 150 mm",
        }
    }

    /// Its one name in the settings file and the window (`dk-11209`).
    pub fn key(self) -> &'static str {
        match self {
            Media::A4 => "a4",
            Media::Letter => "letter",
            Media::BrotherDk11209 => "dk-11209",
            Media::Dymo99012 => "dymo-99012",
            Media::Dymo30252 => "dymo-30252",
            Media::Label4x6in => "4x6in",
            Media::Label100x150mm => "100x150mm",
        }
    }

    pub fn from_key(key: &str) -> Option<Media> {
        Media::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The media the print job asks for, as a PWG 5101.1 name: CUPS and driverless
    /// printers take these; a label printer's driver maps the size to its roll.
    pub fn pwg_name(self) -> &'static str {
        match self {
            Media::A4 => "iso_a4_210x297mm",
            Media::Letter => "na_letter_8.5x11in",
            Media::BrotherDk11209 => "om_dk-11209_62x29mm",
            // 36 mm across the feed and 89 along it, as DYMO's driver names the roll; the tag
            // is drawn across it (landscape) and the print system turns the page onto it.
            Media::Dymo99012 => "om_dymo-99012_36x89mm",
            Media::Dymo30252 => "om_dymo-30252_28x89mm",
            Media::Label4x6in => "na_index-4x6_4x6in",
            Media::Label100x150mm => "om_100x150mm_100x150mm",
        }
    }

    /// The sheet this media is, for a document; none for label stock.
    pub fn sheet(self) -> Option<PaperSize> {
        match self {
            Media::A4 => Some(PaperSize::A4),
            Media::Letter => Some(PaperSize::Letter),
            Media::BrotherDk11209 | Media::Dymo99012 | Media::Dymo30252 | Media::Label4x6in | Media::Label100x150mm => {
                None
            }
        }
    }

    pub fn from_paper(paper: PaperSize) -> Media {
        match paper {
            PaperSize::A4 => Media::A4,
            PaperSize::Letter => Media::Letter,
        }
    }
}

/// What a form is, for printing: what it can be printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormShape {
    /// A document on a sheet: receipts, quotations, notices.
    Document,
    /// The bag tag: the ticket number, its QR code and the customer's name on a small label.
    Tag,
    /// A label stuck on a parcel: an address and a code to scan.
    ParcelLabel,
}

impl FormShape {
    /// The media this kind of form is laid out for, the usual one first.
    pub fn media(self) -> &'static [Media] {
        match self {
            FormShape::Document => &[Media::A4, Media::Letter],
            FormShape::Tag => {
                &[Media::BrotherDk11209, Media::Dymo99012, Media::Dymo30252, Media::Label4x6in, Media::Label100x150mm]
            }
            FormShape::ParcelLabel => &[Media::Label4x6in, Media::Label100x150mm],
        }
    }
}

/// A form of a ticket or of a return case: what the printing settings have a line for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrintedForm {
    Ticket(FormKind),
    Return(ReturnFormKind),
}

impl PrintedForm {
    /// Every form, ticket forms first, in the Forms panels' order.
    pub fn all() -> impl Iterator<Item = PrintedForm> {
        FormKind::ALL
            .iter()
            .map(|k| PrintedForm::Ticket(*k))
            .chain(ReturnFormKind::ALL.iter().map(|k| PrintedForm::Return(*k)))
    }

    /// Its key in the settings file: `ticket/tag`, `return/return-label`.
    pub fn key(self) -> String {
        match self {
            PrintedForm::Ticket(k) => format!("ticket/{}", k.name()),
            PrintedForm::Return(k) => format!("return/{}", k.name()),
        }
    }

    pub fn from_key(key: &str) -> Option<PrintedForm> {
        let (of, name) = key.split_once('/')?;
        match of {
            "ticket" => FormKind::from_name(name).map(PrintedForm::Ticket),
            "return" => ReturnFormKind::from_name(name).map(PrintedForm::Return),
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PrintedForm::Ticket(k) => k.title(),
            PrintedForm::Return(k) => k.title(),
        }
    }

    /// The media this form is laid out for, the usual one first: its shape's, but for the
    /// return label on half an A4 sheet, which is drawn on A4 only.
    pub fn media(self) -> &'static [Media] {
        match self {
            PrintedForm::Return(ReturnFormKind::ReturnLabelA4) => &[Media::A4],
            _ => self.shape().media(),
        }
    }

    pub fn fits(self, media: Media) -> bool {
        self.media().contains(&media)
    }

    /// What it is printed on until staff choose: documents on the shop's paper.
    pub fn default_media(self, paper: PaperSize) -> Media {
        match self.shape() {
            FormShape::Document if self.fits(Media::from_paper(paper)) => Media::from_paper(paper),
            _ => self.media()[0],
        }
    }

    pub fn shape(self) -> FormShape {
        match self {
            PrintedForm::Ticket(FormKind::TicketTag) => FormShape::Tag,
            PrintedForm::Ticket(FormKind::ShippingLabel) | PrintedForm::Return(ReturnFormKind::ReturnLabel) => {
                FormShape::ParcelLabel
            }
            _ => FormShape::Document,
        }
    }
}

/// The most copies one Print asks for: a slip of the finger on the keyboard must not empty
/// the label roll.
pub const MAX_COPIES: u32 = 20;

/// Where one form goes and on what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintChoice {
    /// The system's printer (its CUPS queue name); none is the system's default printer.
    #[serde(default)]
    pub printer: Option<String>,
    pub media: Media,
    #[serde(default = "one")]
    pub copies: u32,
}

fn one() -> u32 {
    1
}

impl PrintChoice {
    /// Refuses media the form is not laid out for and a number of copies out of 1..=20.
    pub fn check(&self, form: PrintedForm) -> Result<(), DomainError> {
        let field = format!("{}.media", form.key());
        if !form.fits(self.media) {
            return Err(DomainError::invalid(
                field,
                format!("The {} is not laid out for {}.", form.title().to_lowercase(), self.media.title()),
            ));
        }
        if !(1..=MAX_COPIES).contains(&self.copies) {
            return Err(DomainError::invalid(
                format!("{}.copies", form.key()),
                format!("Print between 1 and {MAX_COPIES} copies."),
            ));
        }
        if self.printer.as_deref().is_some_and(|p| p.trim().is_empty()) {
            return Err(DomainError::invalid(format!("{}.printer", form.key()), "Choose a printer."));
        }
        Ok(())
    }
}

/// This computer's printing settings: a choice for the forms staff set, the defaults for
/// the rest. Kept per computer, because printers are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintSetup {
    /// By `PrintedForm::key`.
    #[serde(default)]
    pub forms: BTreeMap<String, PrintChoice>,
}

impl PrintSetup {
    /// Where `form` goes: the choice staff made, or the system's default printer with the
    /// form's usual media (documents on the shop's paper) and one copy. A saved choice that
    /// no longer fits (a file edited by hand) falls back to the default as well.
    pub fn choice(&self, form: PrintedForm, paper: PaperSize) -> PrintChoice {
        self.forms.get(&form.key()).filter(|c| c.check(form).is_ok()).cloned().unwrap_or(PrintChoice {
            printer: None,
            media: form.default_media(paper),
            copies: 1,
        })
    }

    /// Sets the forms' choices, all checked first: one refused choice keeps none of them.
    pub fn set(&mut self, choices: Vec<(PrintedForm, PrintChoice)>) -> Result<(), DomainError> {
        let mut errors = Vec::new();
        for (form, choice) in &choices {
            if let Err(e) = choice.check(*form) {
                errors.extend(e.fields().iter().cloned());
            }
        }
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        for (form, mut choice) in choices {
            choice.printer = choice.printer.map(|p| p.trim().to_string());
            self.forms.insert(form.key(), choice);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_a_key_that_reads_back_and_usual_media_it_fits() {
        for form in PrintedForm::all() {
            assert_eq!(PrintedForm::from_key(&form.key()), Some(form));
            for paper in [PaperSize::A4, PaperSize::Letter] {
                assert!(form.fits(form.default_media(paper)), "{form:?}");
            }
        }
        assert_eq!(PrintedForm::from_key("ticket/nope"), None);
        assert_eq!(PrintedForm::from_key("tag"), None);
    }

    #[test]
    fn labels_go_on_label_stock_and_documents_on_sheets() {
        let tag = PrintedForm::Ticket(FormKind::TicketTag);
        let label = PrintedForm::Return(ReturnFormKind::ReturnLabel);
        let quotation = PrintedForm::Ticket(FormKind::Quotation);
        assert_eq!(tag.shape(), FormShape::Tag);
        assert_eq!(label.shape(), FormShape::ParcelLabel);
        assert_eq!(PrintedForm::Return(ReturnFormKind::ReturnLabelA4).shape(), FormShape::Document);
        assert_eq!(quotation.default_media(PaperSize::Letter), Media::Letter);
        assert_eq!(tag.default_media(PaperSize::Letter), Media::BrotherDk11209);
        // The half-A4 return label is drawn on A4 whatever the shop's paper.
        let half = PrintedForm::Return(ReturnFormKind::ReturnLabelA4);
        assert_eq!(half.default_media(PaperSize::Letter), Media::A4);
        assert!(!half.fits(Media::Letter));

        let on = |media| PrintChoice { printer: None, media, copies: 1 };
        assert!(on(Media::Dymo30252).check(tag).is_ok());
        let refused = on(Media::Dymo99012).check(label).unwrap_err();
        assert_eq!(refused.fields()[0].field, "return/return-label.media");
        assert_eq!(refused.fields()[0].message, "The return label is not laid out for DYMO 99012 (89 × 36 mm).");
        assert!(on(Media::BrotherDk11209).check(quotation).is_err());
    }

    #[test]
    fn copies_stay_between_one_and_twenty() {
        let tag = PrintedForm::Ticket(FormKind::TicketTag);
        for (copies, ok) in [(0, false), (1, true), (20, true), (21, false)] {
            let choice = PrintChoice { printer: Some("Labels".into()), media: Media::BrotherDk11209, copies };
            assert_eq!(choice.check(tag).is_ok(), ok, "{copies}");
        }
    }

    #[test]
    fn one_refused_choice_keeps_none_and_a_stale_choice_falls_back() {
        let tag = PrintedForm::Ticket(FormKind::TicketTag);
        let receipt = PrintedForm::Ticket(FormKind::IntakeReceipt);
        let mut setup = PrintSetup::default();
        let refused = setup.set(vec![
            (tag, PrintChoice { printer: Some(" Labels ".into()), media: Media::Dymo99012, copies: 2 }),
            (receipt, PrintChoice { printer: None, media: Media::Label4x6in, copies: 1 }),
        ]);
        assert!(refused.is_err());
        assert_eq!(setup, PrintSetup::default());

        setup
            .set(vec![(tag, PrintChoice { printer: Some(" Labels ".into()), media: Media::Dymo99012, copies: 2 })])
            .unwrap();
        assert_eq!(setup.choice(tag, PaperSize::A4).printer.as_deref(), Some("Labels"));
        assert_eq!(setup.choice(receipt, PaperSize::A4), PrintChoice { printer: None, media: Media::A4, copies: 1 });

        setup.forms.insert(receipt.key(), PrintChoice { printer: None, media: Media::Dymo30252, copies: 1 });
        assert_eq!(setup.choice(receipt, PaperSize::Letter).media, Media::Letter);
    }

    #[test]
    fn media_keys_read_back_and_sizes_are_the_stock_s() {
        for m in Media::ALL {
            assert_eq!(Media::from_key(m.key()), Some(m));
        }
        assert_eq!(Media::Label4x6in.size_mm(), (101.6, 152.4));
        assert_eq!(Media::Dymo30252.size_mm(), (28.0, 89.0));
        for paper in [PaperSize::A4, PaperSize::Letter] {
            assert_eq!(Media::from_paper(paper).sheet(), Some(paper));
        }
        assert_eq!(Media::Label4x6in.sheet(), None);
    }
}
