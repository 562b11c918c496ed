//! The return label for the outside of the parcel: "RETURNED GOODS", the RMA code very large,
//! as a Code 128 barcode and as a QR code (both of the code exactly as printed), TO the
//! shop's return address, FROM the customer, and the order number. On a 4 x 6 in or a
//! 100 x 150 mm label, or laid out across the top half of an A4 sheet to cut out and tape on.

use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::ReturnPapers;
use caseback_domain::printing::Media;
use caseback_domain::DateStyle;
use jiff::civil::Date;

use super::rma;
use crate::after_sale::shipping_label::{module_for, to_block, Pen, CAPTION, FROM_LINE, FROM_NAME, INK};
use crate::barcode::{code128_items, modules, QUIET_MODULES};
use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{fit_size, text_block, text_item, width, Style};
use crate::notices::BODY;
use crate::qr::{qr_items, quiet_zone};

const MARGIN: f32 = 4.0;
const A4_W: f32 = 210.0;
const A4_H: f32 = 297.0;
/// The label's area on the A4 sheet, and where the sheet is cut.
const A4_MARGIN: f32 = 12.0;
const A4_CUT: f32 = A4_H / 2.0;
/// Type on the A4 label, times the 4 x 6 in label's: it has more room.
const A4_SCALE: f32 = 1.5;

const WHITE: Colour = Colour(0xff, 0xff, 0xff);
const BANNER: Style = Style::new(Weight::Bold, 22.0, WHITE);
const CODE: Style = Style::new(Weight::Bold, 34.0, INK);
const VALUE: Style = Style::new(Weight::Bold, 12.0, INK);
const READABLE: Style = Style::new(Weight::Bold, 12.0, INK);
const CUT_NOTE: Style = Style::new(Weight::Regular, 9.0, Colour::MUTED);
const SHEET_HEAD: Style = Style::new(Weight::Bold, 11.0, Colour::ACCENT);

/// What a return label shows.
struct Facts {
    code: String,
    order: Option<String>,
    valid_through: Date,
    /// How the shop writes dates.
    date_style: DateStyle,
    shop_name: String,
    shop_address: String,
    shop_phone: String,
    customer: Option<CustomerDetails>,
}

fn facts(p: &ReturnPapers) -> Result<Facts, FormError> {
    let rma = rma(p)?;
    let shop = &p.settings.shop;
    let order = p.case.request.as_ref().map(|r| r.order_number.trim().to_string()).filter(|o| !o.is_empty());
    Ok(Facts {
        code: rma.code.to_string(),
        order,
        valid_through: rma.validity.valid_through,
        date_style: p.settings.date_style,
        shop_name: shop.name.trim().to_string(),
        shop_address: shop.address.trim().to_string(),
        shop_phone: shop.phone.trim().to_string(),
        customer: p.customer.clone(),
    })
}

/// The return label as a one-page PDF of 4 x 6 in, portrait.
pub fn return_label(fonts: &Fonts, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    return_label_on(fonts, p, Media::Label4x6in)
}

/// The return label on a parcel label of `media`'s size (4 x 6 in or 100 x 150 mm), portrait.
pub(crate) fn return_label_on(fonts: &Fonts, p: &ReturnPapers, media: Media) -> Result<Vec<u8>, FormError> {
    let f = facts(p)?;
    let (label_w, label_h) = media.size_mm();
    let mut canvas = Canvas::new(fonts, &format!("Return label {}", f.code), label_w, label_h);
    let (x, w) = (MARGIN, label_w - 2.0 * MARGIN);
    let mut pen = Pen { fonts, x, w, items: banner(fonts, x, MARGIN, w, 11.0) };
    let mut y = MARGIN + 11.0 + 2.5;

    y = from_block(&mut pen, f.customer.as_ref(), y, 1.0);
    y += 1.5;
    pen.rule(y);
    y += 2.0;

    // The bottom, laid out upwards from the label's foot: barcode, code strip, the code.
    let bar_h = 18.0;
    let bars_top = label_h - MARGIN - READABLE.line_height() - bar_h;
    let module = module_for(modules(&f.code)?.len(), label_w);
    pen.items.extend(barcode(fonts, &f.code, label_w / 2.0, label_w, module, bars_top, bar_h)?);
    let qr = 22.0;
    let strip_top = bars_top - 3.5 - qr;
    pen.items.extend(code_strip(fonts, &f, 0.0, x, w, strip_top, qr, 1.0)?);
    let code_style = Style { size: fit_size(fonts, &f.code, CODE, w, 16.0), ..CODE };
    let code_top = strip_top - 1.0 - code_style.line_height();
    pen.items.push(text_item(fonts, &f.code, code_style, x, code_top + code_style.baseline()));
    let caption_top = code_top - CAPTION.line_height();
    pen.items.push(text_item(fonts, "RMA CODE", CAPTION, x, caption_top + CAPTION.baseline()));
    pen.rule(caption_top - 1.5);

    y = pen.lines("TO", CAPTION, y, 1);
    to_block(&mut pen, &f.shop_name, &f.shop_address, &f.shop_phone, y, caption_top - 3.5 - y, 1.0);

    canvas.draw(&pen.items, 0.0, 0.0);
    canvas.finish()
}

/// The same label across the top half of an A4 sheet, whatever the shop's paper: FROM and
/// TO at the left, the code and its QR code at the right, the barcode across the foot. A
/// dashed cut line halves the sheet; the lower half says what goes in the parcel.
pub fn return_label_a4(fonts: &Fonts, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    let f = facts(p)?;
    let mut canvas = Canvas::new(fonts, &format!("Return label {}", f.code), A4_W, A4_H);
    let (x, w) = (A4_MARGIN, A4_W - 2.0 * A4_MARGIN);
    let k = A4_SCALE;
    let caption = scaled(CAPTION, k);
    let bottom = A4_CUT - 8.0;
    let mut items = banner(fonts, x, A4_MARGIN, w, 15.0);
    let top = A4_MARGIN + 15.0 + 4.0;

    // The barcode across the foot of the label.
    let bar_h = 22.0;
    let bars_top = bottom - READABLE.line_height() - bar_h;
    items.extend(barcode(fonts, &f.code, A4_W / 2.0, w, 0.6, bars_top, bar_h)?);
    let rule_y = bars_top - 4.0;
    items.push(Item::Rule { x1: x, y1: rule_y, x2: x + w, y2: rule_y, width_pt: 1.6, colour: INK });

    // Right: the code large, the QR code and the order beside it.
    let (right_w, gap) = (80.0, 10.0);
    let rx = x + w - right_w;
    let divider = rx - gap / 2.0;
    items.push(Item::Rule { x1: divider, y1: top, x2: divider, y2: rule_y - 4.0, width_pt: 1.0, colour: INK });
    let mut right = Pen { fonts, x: rx, w: right_w, items: Vec::new() };
    let ry = right.lines("RMA CODE", caption, top, 1);
    let code_style = Style { size: fit_size(fonts, &f.code, CODE, right_w, 16.0), ..CODE };
    right.items.push(text_item(fonts, &f.code, code_style, rx, ry + code_style.baseline()));
    let strip_top = ry + code_style.line_height() + 3.0;
    let qr = (rule_y - 5.0 - strip_top).min(38.0);
    right.items.extend(code_strip(fonts, &f, divider, rx, right_w, strip_top, qr, k)?);
    items.extend(right.items);

    // Left: FROM, then TO large.
    let mut left = Pen { fonts, x, w: divider - gap / 2.0 - x, items: Vec::new() };
    let mut y = from_block(&mut left, f.customer.as_ref(), top, k);
    y += 2.0;
    left.rule(y);
    y += 3.0;
    y = left.lines("TO", caption, y, 1);
    to_block(&mut left, &f.shop_name, &f.shop_address, &f.shop_phone, y, rule_y - 4.0 - y, k);
    items.extend(left.items);

    items.extend(cut_line(fonts, A4_CUT));
    items.extend(checklist(fonts, &f, A4_MARGIN, A4_CUT + 16.0, w));
    canvas.draw(&items, 0.0, 0.0);
    canvas.finish()
}

/// `style` `k` times as large.
fn scaled(style: Style, k: f32) -> Style {
    Style { size: style.size * k, ..style }
}

/// "RETURNED GOODS" in white on a black band `h` mm tall.
fn banner(fonts: &Fonts, x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    let text = "RETURNED GOODS";
    let max = Style { size: BANNER.size * h / 14.0, ..BANNER };
    let style = Style { size: fit_size(fonts, text, max, w - 6.0, 10.0), ..max };
    let tx = x + (w - width(fonts, text, style)) / 2.0;
    let ty = y + (h - style.line_height()) / 2.0 + style.baseline();
    vec![Item::Fill { x, y, w, h, colour: INK }, text_item(fonts, text, style, tx, ty)]
}

/// FROM: the customer's name, address and phone, small (`k` times the 4 x 6 in label's
/// sizes); lines to write on when nobody is known. Returns the y below.
fn from_block(pen: &mut Pen, customer: Option<&CustomerDetails>, top: f32, k: f32) -> f32 {
    let mut y = pen.lines("FROM", scaled(CAPTION, k), top, 1);
    let known = customer.filter(|c| !(c.name.trim().is_empty() && c.address.trim().is_empty()));
    let Some(c) = known else {
        // Three lines to write on, the last well clear of the rule under the block.
        for _ in 0..3 {
            y += 5.5 + k;
            let (x1, x2) = (pen.x, pen.x + pen.w);
            pen.items.push(Item::Rule { x1, y1: y, x2, y2: y, width_pt: 0.5, colour: INK });
        }
        return y + 3.0;
    };
    let line = scaled(FROM_LINE, k);
    y = pen.lines(&c.name, scaled(FROM_NAME, k), y, 2);
    y = pen.lines(&c.address, line, y, 3);
    if !c.phone.trim().is_empty() {
        y = pen.lines(&format!("Tel {}", c.phone.trim()), line, y, 1);
    }
    y
}

/// The QR code of the code at the left of `x`..`x + w` (its quiet zone kept clear of
/// `clear_from`, or of the label's edge when 0), the order number and the code's validity
/// beside it, their type `k` times the 4 x 6 in label's.
#[allow(clippy::too_many_arguments)]
fn code_strip(
    fonts: &Fonts,
    f: &Facts,
    clear_from: f32,
    x: f32,
    w: f32,
    top: f32,
    size: f32,
    k: f32,
) -> Result<Vec<Item>, FormError> {
    let quiet = quiet_zone(&f.code, size)?;
    let qr_x = x.max(clear_from + quiet);
    let mut items = qr_items(&f.code, qr_x, top, size)?;
    let tx = qr_x + size + quiet.max(3.0);
    let tw = x + w - tx;
    let (caption, value) = (scaled(CAPTION, k), scaled(VALUE, k));
    let mut y = top;
    let valid = f.date_style.format(f.valid_through);
    let mut pairs = vec![("VALID THROUGH", valid.as_str())];
    if let Some(order) = &f.order {
        pairs.insert(0, ("ORDER", order.as_str()));
    }
    for (label, text) in pairs {
        items.push(text_item(fonts, label, caption, tx, y + caption.baseline()));
        y += caption.line_height();
        let style = Style { size: fit_size(fonts, text, value, tw, 7.0), ..value };
        items.push(text_item(fonts, text, style, tx, y + style.baseline()));
        y += value.line_height() + 1.0;
    }
    Ok(items)
}

/// The code's Code 128 barcode centred on `centre`, bars `bar_h` tall from `top`, modules
/// at most `max_module` mm and narrow enough for both quiet zones to fit `room`; the code in
/// print under it.
fn barcode(
    fonts: &Fonts,
    code: &str,
    centre: f32,
    room: f32,
    max_module: f32,
    top: f32,
    bar_h: f32,
) -> Result<Vec<Item>, FormError> {
    let count = modules(code)?.len();
    let module = max_module.min(room / (count + 2 * QUIET_MODULES) as f32);
    let bars_x = centre - count as f32 * module / 2.0;
    let mut items = code128_items(code, bars_x, top, module, bar_h)?;
    let text_x = centre - width(fonts, code, READABLE) / 2.0;
    items.push(text_item(fonts, code, READABLE, text_x, top + bar_h + READABLE.baseline()));
    Ok(items)
}

/// A dashed line across the sheet at `y`, scissors at its left, and what to do under it.
fn cut_line(fonts: &Fonts, y: f32) -> Vec<Item> {
    let mut items = Vec::new();
    let (dash, gap) = (3.0, 2.0);
    let mut x = 0.0;
    while x < A4_W {
        let x2 = (x + dash).min(A4_W);
        items.push(Item::Rule { x1: x, y1: y, x2, y2: y, width_pt: 0.8, colour: Colour::MUTED });
        x += dash + gap;
    }
    let scissors = Style::new(Weight::Regular, 14.0, Colour::MUTED);
    let note = "Cut along the line and tape the label to the outside of the parcel.";
    let sx = A4_MARGIN;
    items.push(text_item(fonts, "\u{2702}", scissors, sx, y + 3.5 + CUT_NOTE.baseline()));
    items.push(text_item(fonts, note, CUT_NOTE, sx + 8.0, y + 3.5 + CUT_NOTE.baseline()));
    items
}

/// What goes in the parcel, on the half of the sheet that stays behind.
fn checklist(fonts: &Fonts, f: &Facts, x: f32, top: f32, w: f32) -> Vec<Item> {
    let mut items = vec![text_item(fonts, "Before you seal the parcel", SHEET_HEAD, x, top + SHEET_HEAD.baseline())];
    let mut y = top + SHEET_HEAD.line_height() + 1.5;
    let lines = [
        "The item is in its original box, with all its accessories, manuals, tags and protective films.".to_string(),
        "The original box is packed inside a sturdy outer box, with padding.".to_string(),
        "The Return Authorization Form, filled in and signed, is inside, if we sent you one.".to_string(),
        format!("This label is taped flat on the outside of the parcel, where the code {} can be read.", f.code),
        format!(
            "The parcel is tracked and signed for on delivery, and sent in good time to reach us by {}. \
             Send us the tracking number.",
            crate::dates::long_date(f.date_style, f.valid_through)
        ),
    ];
    for line in lines {
        items.push(text_item(fonts, "•", BODY, x + 0.8, y + BODY.baseline()));
        let (block, h) = text_block(fonts, &line, BODY, x + 5.0, y, w - 5.0);
        items.extend(block);
        y += h + 1.2;
    }
    items
}
