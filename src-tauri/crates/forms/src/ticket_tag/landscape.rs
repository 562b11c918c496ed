//! The tag on a label wider than tall: the QR code at the left, the number over a rule, the
//! name on one line, the watch on up to two, the booked-in day at the foot. Laid out for the
//! 62 x 29 mm label; any other is the same drawing enlarged to its height (so the 89 x 36 mm
//! label gets type and a QR code a quarter larger, and some width to spare).

use super::{name_lines, number_style, scaled, Tag, DATE, MODEL, NAME, NAME_MIN, NUMBER};
use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::Fonts;
use crate::layout::{lines, text_item};
use crate::qr::{qr_items, quiet_zone};

/// The label the lengths below are for.
const BASE_W: f32 = 62.0;
const BASE_H: f32 = 29.0;
const MARGIN: f32 = 2.5;
const QR_SIZE: f32 = 19.0;

pub(super) fn items(fonts: &Fonts, tag: &Tag, page_w: f32, page_h: f32) -> Result<Vec<Item>, FormError> {
    let k = (page_h / BASE_H).min(page_w / BASE_W);
    let (margin, qr) = (MARGIN * k, QR_SIZE * k);
    let quiet = quiet_zone(&tag.number, qr)?;
    let qr_x = quiet.max(margin);
    let mut items = qr_items(&tag.number, qr_x, (page_h - qr) / 2.0, qr)?;

    let x = qr_x + qr + quiet * 0.75;
    let w = page_w - margin - x;
    let mut y = margin;
    let number = number_style(fonts, &tag.number, scaled(NUMBER, k), w);
    items.push(text_item(fonts, &tag.number, number, x, y + number.baseline()));
    y += number.line_height() + 0.3 * k;
    items.push(Item::Rule { x1: x, y1: y, x2: x + w, y2: y, width_pt: 0.5 * k, colour: Colour::BLACK });
    y += 0.9 * k;

    let (name, name_line) = name_lines(fonts, &tag.name, scaled(NAME, k), NAME_MIN * k, w, 1);
    for line in &name_line {
        items.push(text_item(fonts, line, name, x, y + name.baseline()));
    }
    y += name.line_height() + 0.2 * k;

    let (model, y) = lines(fonts, &tag.model, scaled(MODEL, k), x, y, w, 2);
    items.extend(model);

    let date = scaled(DATE, k);
    let date_y = page_h - margin - date.line_height();
    if y <= date_y {
        items.push(text_item(fonts, &format!("Booked in {}", tag.booked_in), date, x, date_y + date.baseline()));
    }
    Ok(items)
}
