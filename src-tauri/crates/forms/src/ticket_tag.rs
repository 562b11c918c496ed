//! The bag tag: a 62 x 29 mm label (Brother DK-11209 size) tied to the watch's bag.

use caseback_domain::papers::TicketPapers;

use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{fit_size, text_item, width, wrap, Style};
use crate::qr::{qr_items, quiet_zone};

const LABEL_W: f32 = 62.0;
const LABEL_H: f32 = 29.0;
const MARGIN: f32 = 2.5;
const QR_SIZE: f32 = 19.0;

const NUMBER: Style = Style::new(Weight::Bold, 14.0, Colour::BLACK);
const NAME: Style = Style::new(Weight::Bold, 12.0, Colour::BLACK);
/// The smallest the name shrinks to before it is cut with an ellipsis: still read at arm's length.
const NAME_MIN: f32 = 8.0;
const MODEL: Style = Style { leading: 1.15, ..Style::new(Weight::Regular, 8.0, Colour::BLACK) };
const DATE: Style = Style::new(Weight::Regular, 6.5, Colour::MUTED);

/// The bag tag as a one-page PDF of 62 x 29 mm: the ticket number and its QR code, the
/// customer's name and the watch's brand and model. The name is printed whole, as the
/// customer gave it (no rule finds the family name in every culture's names), shrunk and
/// then cut with an ellipsis to fit; the CJK face draws it when it has CJK characters.
pub fn ticket_tag(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let number = p.ticket.number.to_string();
    let mut canvas = Canvas::new(fonts, &format!("Tag {number}"), LABEL_W, LABEL_H);
    let quiet = quiet_zone(&number, QR_SIZE)?;
    let qr_x = quiet.max(MARGIN);
    let mut items = qr_items(&number, qr_x, (LABEL_H - QR_SIZE) / 2.0, QR_SIZE)?;

    let x = qr_x + QR_SIZE + quiet * 0.75;
    let w = LABEL_W - MARGIN - x;
    let mut y = MARGIN;
    let number_style = Style { size: fit_size(fonts, &number, NUMBER, w, 7.0), ..NUMBER };
    items.push(text_item(fonts, &number, number_style, x, y + number_style.baseline()));
    y += number_style.line_height() + 0.3;
    items.push(Item::Rule { x1: x, y1: y, x2: x + w, y2: y, width_pt: 0.5, colour: Colour::BLACK });
    y += 0.9;

    let name = p.customer.name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name_style = Style { size: fit_size(fonts, &name, NAME, w, NAME_MIN), ..NAME };
    items.push(text_item(fonts, &ellipsize(fonts, &name, name_style, w), name_style, x, y + name_style.baseline()));
    y += name_style.line_height() + 0.2;

    let device = &p.ticket.details.device;
    let model = format!("{} {}", device.brand.trim(), device.model.trim());
    let (_, lines) = wrap(fonts, model.trim(), MODEL, w);
    let shown = lines.len().min(2);
    for (i, line) in lines.iter().take(shown).enumerate() {
        let line = if i + 1 == shown && lines.len() > shown {
            ellipsize(fonts, &format!("{line}…"), MODEL, w)
        } else {
            line.clone()
        };
        items.push(text_item(fonts, &line, MODEL, x, y + MODEL.baseline()));
        y += MODEL.line_height();
    }

    let date = format!("Booked in {}", p.settings.date_style.format(p.ticket.received_on));
    let date_y = LABEL_H - MARGIN - DATE.line_height();
    if y <= date_y {
        items.push(text_item(fonts, &date, DATE, x, date_y + DATE.baseline()));
    }
    canvas.draw(&items, 0.0, 0.0);
    canvas.finish()
}

/// `text` cut with an ellipsis to fit `w` mm.
pub(crate) fn ellipsize(fonts: &Fonts, text: &str, style: Style, w: f32) -> String {
    if width(fonts, text, style) <= w {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.trim_end_matches('…').chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if width(fonts, &candidate, style) <= w {
            return candidate;
        }
    }
    String::new()
}
