//! The top of the receipt: the shop's letterhead, the ticket band with its QR code, the
//! header of continued pages and the footer of every page.

use caseback_domain::papers::Image;
use caseback_domain::settings::ShopProfile;

use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_block, text_item, width, Row, Style};
use crate::qr::{qr_items, quiet_zone};

const SHOP_NAME: Style = Style::new(Weight::Bold, 15.0, Colour::INK);
const SHOP_LINE: Style = Style::new(Weight::Regular, 8.5, Colour::MUTED);
const TITLE: Style = Style::new(Weight::Bold, 12.5, Colour::ACCENT);
const NUMBER: Style = Style::new(Weight::Bold, 22.0, Colour::INK);
const CELL_LABEL: Style = Style::new(Weight::Regular, 7.5, Colour::MUTED);
const CELL_VALUE: Style = Style::new(Weight::Bold, 10.0, Colour::INK);
const SMALL: Style = Style::new(Weight::Regular, 7.0, Colour::MUTED);

pub(crate) const TITLE_TEXT: &str = "Repair intake receipt";

const LOGO_MAX_W: f32 = 34.0;
const LOGO_MAX_H: f32 = 20.0;
/// Side of the QR symbol on the receipt, mm (about 1.1 mm a module for a ticket number).
const QR_SIZE: f32 = 23.0;

/// Draws the letterhead on the first page at `top`, `title` at its right; returns where it ends.
pub(crate) fn letterhead(
    canvas: &mut Canvas,
    title: &str,
    shop: &ShopProfile,
    logo: Option<&Image>,
    x: f32,
    w: f32,
    top: f32,
) -> Result<f32, FormError> {
    let fonts = canvas.fonts;
    let mut text_x = x;
    let mut logo_h: f32 = 0.0;
    if let Some(logo) = logo {
        let image = crate::logo::decode(logo)?;
        let (px_w, px_h) = (image.width as f32, image.height as f32);
        let logo_w = LOGO_MAX_W.min(LOGO_MAX_H * px_w / px_h);
        logo_h = logo_w * px_h / px_w;
        let placed = canvas.add_image(&image);
        canvas.image(&placed, x, top, logo_w);
        text_x = x + logo_w + 5.0;
    }
    let title_w = width(fonts, title, TITLE);
    // The name keeps clear of the title beside it; the lines under it may run to the edge.
    let name_w = x + w - title_w - 8.0 - text_x;
    let text_w = x + w - text_x;
    let mut items = vec![text_item(fonts, title, TITLE, x + w - title_w, SHOP_NAME.baseline())];
    let (name, mut y) = text_block(fonts, &shop.name, SHOP_NAME, text_x, 0.0, name_w);
    items.extend(name);
    y += 0.6;
    let contact: Vec<String> = [("Tel", &shop.phone), ("", &shop.email), ("WhatsApp", &shop.whatsapp)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(label, v)| if label.is_empty() { v.trim().to_string() } else { format!("{label} {}", v.trim()) })
        .collect();
    let tax = if shop.tax_id.trim().is_empty() { String::new() } else { format!("Tax ID {}", shop.tax_id.trim()) };
    for line in [shop.address.trim().to_string(), contact.join("   ·   "), tax] {
        if line.is_empty() {
            continue;
        }
        let (block, h) = text_block(fonts, &line, SHOP_LINE, text_x, y, text_w);
        items.extend(block);
        y += h;
    }
    canvas.draw(&items, 0.0, top);
    let bottom = top + y.max(logo_h) + 3.0;
    let rule = [Item::Rule { x1: x, y1: 0.0, x2: x + w, y2: 0.0, width_pt: 1.4, colour: Colour::ACCENT }];
    canvas.draw(&rule, 0.0, bottom);
    Ok(bottom + 5.0)
}

/// The ticket number large, its QR code, and the received / due / received-by cells.
pub(crate) fn ticket_band(
    fonts: &Fonts,
    number: &str,
    cells: &[(&str, String)],
    x: f32,
    w: f32,
) -> Result<Row, FormError> {
    band(fonts, "Ticket number", number, cells, x, w)
}

/// A number large under its `label` ("Ticket number", "RMA code"), its QR code at the
/// right, and a row of labelled cells under it.
/// `value` large under its label, the width of the page: what heads a report.
pub(crate) fn title_band(fonts: &Fonts, label: &str, value: &str, x: f32, w: f32) -> Row {
    let size = crate::layout::fit_size(fonts, value, NUMBER, w, 12.0);
    let number = Style { size, ..NUMBER };
    let items = vec![
        text_item(fonts, label, CELL_LABEL, x, CELL_LABEL.baseline()),
        text_item(fonts, value, number, x, CELL_LABEL.line_height() + number.baseline()),
    ];
    Row { height: CELL_LABEL.line_height() + number.line_height(), items }
}

pub(crate) fn band(
    fonts: &Fonts,
    label: &str,
    number: &str,
    cells: &[(&str, String)],
    x: f32,
    w: f32,
) -> Result<Row, FormError> {
    let quiet = quiet_zone(number, QR_SIZE)?;
    let qr_x = x + w - QR_SIZE;
    let mut items = qr_items(number, qr_x, 0.0, QR_SIZE)?;
    items.push(text_item(fonts, label, CELL_LABEL, x, CELL_LABEL.baseline()));
    let number_top = CELL_LABEL.line_height();
    items.push(text_item(fonts, number, NUMBER, x, number_top + NUMBER.baseline()));
    let cells_top = number_top + NUMBER.line_height() + 2.0;
    let cells_w = qr_x - quiet - x;
    let cell_w = cells_w / cells.len() as f32;
    let mut cells_h: f32 = 0.0;
    for (i, (label, value)) in cells.iter().enumerate() {
        let cx = x + i as f32 * cell_w;
        if i > 0 {
            let y2 = cells_top + CELL_LABEL.line_height() + CELL_VALUE.line_height();
            items.push(Item::Rule {
                x1: cx - 3.0,
                y1: cells_top,
                x2: cx - 3.0,
                y2,
                width_pt: 0.5,
                colour: Colour::RULE,
            });
        }
        items.push(text_item(fonts, label, CELL_LABEL, cx, cells_top + CELL_LABEL.baseline()));
        let value_top = cells_top + CELL_LABEL.line_height();
        let (value, h) = text_block(fonts, value, CELL_VALUE, cx, value_top, cell_w - 6.0);
        items.extend(value);
        cells_h = cells_h.max(CELL_LABEL.line_height() + h);
    }
    let height = (cells_top + cells_h).max(QR_SIZE + quiet * 0.5);
    Ok(Row { height, items })
}

/// What tops every page after the first: the number and the title, over a rule.
pub(crate) fn continued(fonts: &Fonts, number: &str, title: &str, x: f32, w: f32) -> Vec<Row> {
    let style = Style::new(Weight::Bold, 9.0, Colour::ACCENT);
    let text = format!("{number}  ·  {title} (continued)");
    let rule_y = style.line_height() + 1.0;
    vec![Row {
        height: rule_y + 5.0,
        items: vec![
            text_item(fonts, &text, style, x, style.baseline()),
            Item::Rule { x1: x, y1: rule_y, x2: x + w, y2: rule_y, width_pt: 0.6, colour: Colour::RULE },
        ],
    }]
}

/// Shop and ticket on the left, "Page i of n" on the right, at `y` (the footer's top).
pub(crate) fn footers(canvas: &mut Canvas, left: &str, x: f32, w: f32, y: f32) {
    let fonts = canvas.fonts;
    let n = canvas.page_count();
    for page in 0..n {
        let right = format!("Page {} of {n}", page + 1);
        let right_w = width(fonts, &right, SMALL);
        let (mut items, _) = text_block(fonts, left, SMALL, x, 1.6, w - right_w - 6.0);
        items.truncate(1);
        items.push(text_item(fonts, &right, SMALL, x + w - right_w, 1.6 + SMALL.baseline()));
        items.push(Item::Rule { x1: x, y1: 0.0, x2: x + w, y2: 0.0, width_pt: 0.5, colour: Colour::RULE });
        canvas.draw_on(page, &items, 0.0, y);
    }
}
