//! The tag on a label taller than wide: the QR code across the top, then the number, the
//! name on up to two lines, the watch, and the booked-in day at the foot, each line centred
//! under the code. Laid out from the label's width: the 28 mm DYMO 30252 is the base, and
//! type grows with the square root of the width, so a 4 x 6 in label's is about twice the
//! narrow label's rather than four times (which would leave the name a word a line).

use super::{name_lines, number_style, scaled, Tag, DATE, MODEL, NAME, NAME_MIN, NUMBER};
use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::Fonts;
use crate::layout::{fit_size, lines, text_item, width, Style};
use crate::qr::{qr_items, quiet_zone};

/// The label the lengths below are for.
const BASE_W: f32 = 28.0;
const MARGIN: f32 = 2.0;
/// The most of the label's length the QR code takes: on a shipping label a code as wide as
/// the label would leave the name too little room.
const QR_SHARE: f32 = 0.34;
/// How much larger than the rest of the type the name may grow.
const NAME_GROWTH: f32 = 1.4;
/// The most lines the watch takes.
const MODEL_LINES: usize = 3;

pub(super) fn items(fonts: &Fonts, tag: &Tag, page_w: f32, page_h: f32) -> Result<Vec<Item>, FormError> {
    let k = (page_w / BASE_W).sqrt();
    let margin = MARGIN * k;
    let (x, w) = (margin, page_w - 2.0 * margin);

    // The QR code centred across the top, as wide as the label less its quiet zones.
    let quiet_per_mm = quiet_zone(&tag.number, 1.0)?;
    let qr = (page_w / (1.0 + 2.0 * quiet_per_mm)).min(page_h * QR_SHARE);
    let quiet = quiet_per_mm * qr;
    let top = quiet.max(margin);
    let mut items = qr_items(&tag.number, (page_w - qr) / 2.0, top, qr)?;
    let mut y = top + qr + quiet * 0.75;

    // The number as wide as the label allows: up to the 28 mm label's 14 pt times the width
    // over 28 mm, growing faster than the rest of the type, as it is what bags are found by.
    let mut text = Vec::new();
    let number = number_style(fonts, &tag.number, scaled(NUMBER, k * k), w);
    text.push(text_item(fonts, &tag.number, number, x, y + number.baseline()));
    y += number.line_height() + 0.3 * k;
    items.push(Item::Rule { x1: x, y1: y, x2: x + w, y2: y, width_pt: 0.5 * k, colour: Colour::BLACK });
    y += 1.2 * k;

    // The name may grow larger than the rest of the type, the label having the length for
    // two lines of it, but not past the number: bags are found by their number.
    let name_max = (NAME.size * k * NAME_GROWTH).min(number.size.max(NAME_MIN * k));
    let name_max = Style { size: name_max, ..NAME };
    let (name, name_lines) = name_lines(fonts, &tag.name, name_max, NAME_MIN * k, w, 2);
    for line in &name_lines {
        text.push(text_item(fonts, line, name, x, y + name.baseline()));
        y += name.line_height();
    }
    y += 0.6 * k;

    // The day at the foot; "Booked in" on a line of its own when the label is too narrow.
    let booked = format!("Booked in {}", tag.booked_in);
    let date = scaled(DATE, k);
    let date_lines = if width(fonts, &booked, date) <= w {
        vec![booked]
    } else {
        vec!["Booked in".to_string(), tag.booked_in.clone()]
    };
    let date = date_lines.iter().fold(date, |s, line| Style { size: fit_size(fonts, line, s, w, 0.0), ..s });
    let date_top = page_h - margin - date_lines.len() as f32 * date.line_height();

    // The watch, on the lines there is room for above the day.
    let model = scaled(MODEL, k);
    let room = ((date_top - k - y) / model.line_height()).floor().max(0.0) as usize;
    let (model_items, below) = lines(fonts, &tag.model, model, x, y, w, room.min(MODEL_LINES));
    text.extend(model_items);
    if below <= date_top {
        for (i, line) in date_lines.iter().enumerate() {
            text.push(text_item(fonts, line, date, x, date_top + i as f32 * date.line_height() + date.baseline()));
        }
    }
    items.extend(centred(fonts, text, x, w));
    Ok(items)
}

/// Each line of text moved to the middle of `x`..`x + w`.
fn centred(fonts: &Fonts, items: Vec<Item>, x: f32, w: f32) -> Vec<Item> {
    items
        .into_iter()
        .map(|item| match item {
            Item::Text { y, text, face, size, colour, .. } => {
                let x = x + (w - fonts.width(face, size, &text)) / 2.0;
                Item::Text { x, y, text, face, size, colour }
            }
            other => other,
        })
        .collect()
}
