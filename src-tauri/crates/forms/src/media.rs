//! What a form is drawn on: the stock a form's shape is laid out for, refused otherwise with
//! the sentence the printing settings use, and the sheet a document's media is.

use caseback_domain::printing::{Media, PrintedForm};
use caseback_domain::settings::PaperSize;

use crate::error::FormError;

/// Refuses `media` when `form` is not laid out for it (`PrintedForm::fits`), naming the stock
/// it does print on.
pub(crate) fn laid_out_for(form: PrintedForm, media: Media) -> Result<(), FormError> {
    if form.fits(media) {
        return Ok(());
    }
    let titles: Vec<&str> = form.media().iter().map(|m| m.title()).collect();
    let choices = match titles.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    Err(FormError::WrongMedia(format!(
        "The {} is not laid out for {}: print it on {choices}.",
        form.title().to_lowercase(),
        media.title()
    )))
}

/// The paper a sheet of `media` is, for a document; none for label stock.
pub(crate) fn sheet(media: Media) -> Option<PaperSize> {
    match media {
        Media::A4 => Some(PaperSize::A4),
        Media::Letter => Some(PaperSize::Letter),
        Media::BrotherDk11209 | Media::Dymo99012 | Media::Dymo30252 | Media::Label4x6in | Media::Label100x150mm => None,
    }
}

#[cfg(test)]
mod tests {
    use caseback_domain::papers::FormKind;

    use super::*;

    #[test]
    fn every_media_a_shape_fits_is_taken_and_the_refusal_names_the_ones_it_fits() {
        for form in PrintedForm::all() {
            for media in Media::ALL {
                assert_eq!(laid_out_for(form, media).is_ok(), form.fits(media), "{form:?} on {media:?}");
            }
        }
        let refused = laid_out_for(PrintedForm::Ticket(FormKind::Quotation), Media::Dymo30252).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "The quotation is not laid out for DYMO 30252 (28 × 89 mm): print it on A4 (210 × 297 mm) or US Letter \
             (8.5 × 11 in)."
        );
    }

    #[test]
    fn a_sheet_is_the_paper_of_its_name() {
        assert_eq!(sheet(Media::Letter), Some(PaperSize::Letter));
        assert_eq!(sheet(Media::A4), Some(PaperSize::A4));
        assert_eq!(sheet(Media::Label4x6in), None);
    }
}
