//! What a form is drawn on: the stock a form's shape is laid out for, refused otherwise with
//! the sentence the printing settings use, and the sheet a document's media is.

use caseback_domain::printing::{Media, PrintedForm};
use std::borrow::Cow;

use caseback_domain::settings::{PaperSize, Settings};

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

/// The papers with the shop's paper (`shops`) replaced by `media`'s sheet when it is another
/// one, so a document asked for on Letter is drawn on Letter by the form's own code; the
/// papers are copied only then. `settings` is where the papers keep the shop's settings.
pub(crate) fn on_sheet<'p, P: Clone>(
    p: &'p P,
    shops: PaperSize,
    media: Media,
    settings: fn(&mut P) -> &mut Settings,
) -> Cow<'p, P> {
    match media.sheet() {
        Some(paper) if paper != shops => {
            let mut owned = p.clone();
            settings(&mut owned).paper = paper;
            Cow::Owned(owned)
        }
        _ => Cow::Borrowed(p),
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
}
