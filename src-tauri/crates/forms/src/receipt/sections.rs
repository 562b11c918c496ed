//! The receipt's building blocks as rows: section headings, label/value fields, paragraphs,
//! the warranty box and the signature block.

use crate::draw::{Colour, Item};
use crate::fonts::{Fonts, Weight};
use crate::layout::{paragraph_rows, text_block, text_item, width, Row, Style};

pub(crate) const VALUE: Style = Style::new(Weight::Regular, 9.5, Colour::INK);
pub(crate) const LABEL: Style = Style::new(Weight::Regular, 8.0, Colour::MUTED);
const HEADING: Style = Style::new(Weight::Bold, 9.5, Colour::ACCENT);
const SMALL: Style = Style::new(Weight::Regular, 8.0, Colour::INK);
const SIGN_LABEL: Style = Style::new(Weight::Bold, 8.5, Colour::INK);

/// Space between a field's rows, and below a section.
const FIELD_GAP: f32 = 0.6;
pub(crate) const SECTION_GAP: f32 = 4.0;

/// A section title with a thin rule under it, `w` mm wide.
pub(crate) fn heading(fonts: &Fonts, title: &str, x: f32, w: f32) -> Row {
    let line_h = HEADING.line_height();
    let rule_y = line_h + 0.6;
    Row {
        height: rule_y + 1.8,
        items: vec![
            text_item(fonts, title, HEADING, x, HEADING.baseline()),
            Item::Rule { x1: x, y1: rule_y, x2: x + w, y2: rule_y, width_pt: 0.6, colour: Colour::RULE },
        ],
    }
}

/// A column of label/value fields: where it starts, its width and its labels' width.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    pub x: f32,
    pub w: f32,
    pub label_w: f32,
}

/// The label width every field column shares so that values line up down the page: what
/// the longest label needs, up to 40% of a column.
pub(crate) fn label_width<'a>(fonts: &Fonts, labels: impl IntoIterator<Item = &'a str>, column_w: f32) -> f32 {
    labels.into_iter().map(|label| width(fonts, label, LABEL)).fold(0.0, f32::max).min(column_w * 0.4)
}

/// Label/value rows under a heading.
pub(crate) fn fields(fonts: &Fonts, title: &str, pairs: &[(&str, String)], column: Column) -> Vec<Row> {
    let Column { x, w, label_w } = column;
    let value_x = x + label_w + 3.5;
    let value_w = x + w - value_x;
    // Labels share the values' line boxes so both first lines sit on one baseline.
    let label_style = Style { leading: VALUE.line_height() / (LABEL.size * crate::draw::MM_PER_PT), ..LABEL };
    let shift = VALUE.baseline() - label_style.baseline();
    let mut rows = vec![heading(fonts, title, x, w)];
    for (label, value) in pairs {
        let (mut items, label_h) = text_block(fonts, label, label_style, x, shift, label_w);
        let shown = if value.trim().is_empty() { "—" } else { value.as_str() };
        let (value_items, value_h) = text_block(fonts, shown, VALUE, value_x, 0.0, value_w);
        items.extend(value_items);
        rows.push(Row { height: label_h.max(value_h) + FIELD_GAP, items });
    }
    rows
}

/// A heading over a text that wraps the full width and may break across pages.
pub(crate) fn paragraph(fonts: &Fonts, title: &str, text: &str, style: Style, x: f32, w: f32) -> Vec<Row> {
    let mut rows = vec![heading(fonts, title, x, w)];
    rows.extend(paragraph_rows(fonts, text, style, x, w));
    rows
}

/// The warranty status on a tinted band.
pub(crate) fn warranty(fonts: &Fonts, line: &str, x: f32, w: f32) -> Row {
    band(fonts, "Warranty at intake", line, x, w)
}

/// `line` beside `title` on a tinted band with an accent edge: how a form states a warranty.
pub(crate) fn band(fonts: &Fonts, title: &str, line: &str, x: f32, w: f32) -> Row {
    let pad = 2.8;
    let title_w = width(fonts, title, HEADING);
    let text_x = x + pad + title_w + 5.0;
    let (text, text_h) = text_block(fonts, line, VALUE, text_x, pad, x + w - pad - text_x);
    let height = text_h + 2.0 * pad;
    let mut items = vec![
        Item::Fill { x, y: 0.0, w, h: height, colour: Colour::TINT },
        Item::Fill { x, y: 0.0, w: 1.2, h: height, colour: Colour::ACCENT },
        text_item(fonts, title, HEADING, x + pad, pad + VALUE.baseline()),
    ];
    items.extend(text);
    Row { height, items }
}

/// What the customer confirms by signing (the shop's terms too, when `terms_printed`), then
/// a line each for customer and staff.
pub(crate) fn signatures(
    fonts: &Fonts,
    (customer, staff): (&str, &str),
    received: &str,
    terms_printed: bool,
    ink: Option<&crate::signature::Ink>,
    x: f32,
    w: f32,
) -> Vec<Row> {
    let handed_in =
        "By signing, the customer confirms that the watch and the accessories listed above were handed in in the \
         condition described";
    let confirm = if terms_printed {
        format!("{handed_in}, and accepts the shop's terms above.")
    } else {
        format!("{handed_in}.")
    };
    let mut rows = Vec::new();
    let (items, h) = text_block(fonts, &confirm, SMALL, x, 0.0, w);
    rows.push(Row { height: h, items });
    let gap = 12.0;
    let line_w = (w - gap) / 2.0;
    let space = if ink.is_some() { crate::signature::INKED_SPACE } else { 13.0 };
    let mut items = Vec::new();
    let signed = ink.map(|i| i.words()).unwrap_or_default();
    for (i, (label, name, note)) in
        [("Customer signature", customer, signed.as_str()), ("Staff signature", staff, received)]
            .into_iter()
            .enumerate()
    {
        let lx = x + i as f32 * (line_w + gap);
        if let (0, Some(ink)) = (i, ink) {
            items.push(ink.over_line(lx, line_w, space));
        }
        items.push(Item::Rule { x1: lx, y1: space, x2: lx + line_w, y2: space, width_pt: 0.7, colour: Colour::INK });
        let mut y = space + 1.2;
        items.push(text_item(fonts, label, SIGN_LABEL, lx, y + SIGN_LABEL.baseline()));
        y += SIGN_LABEL.line_height();
        let (name_items, name_h) = text_block(fonts, name, LABEL, lx, y, line_w);
        items.extend(name_items);
        y += name_h;
        if !note.is_empty() {
            items.push(text_item(fonts, note, LABEL, lx, y + LABEL.baseline()));
        }
    }
    let name_lines =
        [customer, staff].iter().map(|n| crate::layout::wrap(fonts, n, LABEL, line_w).1.len()).max().unwrap_or(1);
    let height = space + 1.2 + SIGN_LABEL.line_height() + (name_lines + 1) as f32 * LABEL.line_height();
    rows.push(Row { height, items });
    rows
}
