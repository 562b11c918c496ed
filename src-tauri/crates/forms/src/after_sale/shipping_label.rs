//! The shipping label stuck on the parcel, 4 x 6 in or 100 x 150 mm: courier, FROM and TO,
//! the ticket's QR code, "SIGNATURE REQUIRED" when it is, and the tracking number as a
//! Code 128 barcode. Everything fits one label: long names and addresses wrap, then shrink,
//! then are cut. The layout is the label's size less fixed margins, so the slightly smaller
//! 100 x 150 mm stock only gives the TO block a little less room.

use caseback_domain::papers::TicketPapers;
use caseback_domain::printing::Media;

use super::shipping_notice::{courier_and_service, NOT_SENT};
use super::{dispatch, frame};
use crate::barcode::{code128_items, modules, QUIET_MODULES};
use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{ellipsize, fit_size, lines, text_item, width, wrap, Style};
use crate::qr::{qr_items, quiet_zone};

const MARGIN: f32 = 4.0;
const QR_SIZE: f32 = 20.0;
const BAR_H: f32 = 20.0;
/// The widest module used when the tracking number is short, mm.
const MAX_MODULE: f32 = 0.5;
/// The smallest the TO block shrinks to: its address still 7 pt.
const MIN_SCALE: f32 = 0.55;

pub(crate) const INK: Colour = Colour::BLACK;
const COURIER: Style = Style::new(Weight::Bold, 15.0, INK);
const DATE: Style = Style::new(Weight::Regular, 7.5, INK);
// Black throughout: grey dithers on thermal printers.
pub(crate) const CAPTION: Style = Style::new(Weight::Bold, 7.0, INK);
pub(crate) const FROM_NAME: Style = Style { leading: 1.2, ..Style::new(Weight::Bold, 9.0, INK) };
pub(crate) const FROM_LINE: Style = Style { leading: 1.2, ..Style::new(Weight::Regular, 8.0, INK) };
const TO_NAME: Style = Style { leading: 1.15, ..Style::new(Weight::Bold, 18.0, INK) };
const TO_LINE: Style = Style { leading: 1.2, ..Style::new(Weight::Bold, 13.0, INK) };
const TO_PHONE: Style = Style::new(Weight::Regular, 11.0, INK);
const TICKET: Style = Style::new(Weight::Bold, 13.0, INK);
const SIGNATURE: Style = Style::new(Weight::Bold, 12.0, INK);
const TRACKING: Style = Style::new(Weight::Bold, 12.0, INK);

/// The shipping label as a one-page PDF of 4 x 6 in, once the watch was dispatched.
pub fn shipping_label(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    shipping_label_on(fonts, p, Media::Label4x6in)
}

/// The shipping label on a parcel label of `media`'s size (4 x 6 in or 100 x 150 mm).
pub(crate) fn shipping_label_on(fonts: &Fonts, p: &TicketPapers, media: Media) -> Result<Vec<u8>, FormError> {
    let a = &p.after_sale;
    let (Some(s), Some(d)) = (&a.shipping, dispatch(a)) else {
        return Err(FormError::NotApplicable(NOT_SENT));
    };
    let number = p.ticket.number.to_string();
    let (label_w, label_h) = media.size_mm();
    let mut canvas = Canvas::new(fonts, &format!("Shipping label {number}"), label_w, label_h);
    let (x, w) = (MARGIN, label_w - 2.0 * MARGIN);
    let mut pen = Pen { fonts, x, w, items: Vec::new() };

    // Courier and service, with the dispatch date at the right.
    let date = format!("Sent {}", p.settings.date_style.format(d.dispatched_on));
    let date_w = width(fonts, &date, DATE);
    let courier = courier_and_service(s);
    let room = w - date_w - 4.0;
    let style = Style { size: fit_size(fonts, &courier, COURIER, room, 8.0), ..COURIER };
    pen.items.push(text_item(fonts, &ellipsize(fonts, &courier, style, room), style, x, MARGIN + style.baseline()));
    pen.items.push(text_item(fonts, &date, DATE, x + w - date_w, MARGIN + style.baseline()));
    let mut y = MARGIN + COURIER.line_height() + 1.5;
    pen.rule(y);
    y += 2.0;

    // FROM: the shop, small.
    let shop = &p.settings.shop;
    y = pen.lines("FROM", CAPTION, y, 1);
    y = pen.lines(&shop.name, FROM_NAME, y, 2);
    y = pen.lines(&shop.address, FROM_LINE, y, 3);
    if !shop.phone.trim().is_empty() {
        y = pen.lines(&format!("Tel {}", shop.phone.trim()), FROM_LINE, y, 1);
    }
    y += 1.5;
    pen.rule(y);
    y += 2.0;

    // The bottom half, laid out upwards from the label's foot: barcode, then ticket strip.
    let tracking_h = TRACKING.line_height();
    let bars_top = label_h - MARGIN - tracking_h - BAR_H;
    let strip_top = bars_top - 4.0 - QR_SIZE - 2.0;
    pen.items.extend(barcode(fonts, &d.tracking, label_w, bars_top)?);
    pen.items.extend(ticket_strip(fonts, &number, s.signature, x, w, strip_top)?);
    pen.rule(strip_top - 2.5);

    // TO: the customer, as large as the space between allows.
    y = pen.lines("TO", CAPTION, y, 1);
    let c = &p.customer;
    to_block(&mut pen, &c.name, &s.address, c.phone.trim(), y, strip_top - 4.0 - y, 1.0);

    canvas.draw(&pen.items, 0.0, 0.0);
    canvas.finish()
}

/// Text set down the label from its left margin, the width of the label between margins.
pub(crate) struct Pen<'f> {
    pub(crate) fonts: &'f Fonts,
    pub(crate) x: f32,
    pub(crate) w: f32,
    pub(crate) items: Vec<Item>,
}

impl Pen<'_> {
    /// A full-width rule at `y`.
    pub(crate) fn rule(&mut self, y: f32) {
        let (x1, x2) = (self.x, self.x + self.w);
        self.items.push(Item::Rule { x1, y1: y, x2, y2: y, width_pt: 1.6, colour: INK });
    }

    /// `text` wrapped, at most `max` lines (the last cut with an ellipsis); returns the y below.
    pub(crate) fn lines(&mut self, text: &str, style: Style, y: f32, max: usize) -> f32 {
        let (items, below) = lines(self.fonts, text, style, self.x, y, self.w, max);
        self.items.extend(items);
        below
    }
}

/// The name in the largest size at which it takes at most two lines without splitting a
/// word; then address and phone, no larger than the name, in the largest size that fits
/// `room` mm. At the smallest size the address loses its last lines rather than overflow.
/// Sizes are the label's times `base` (1 on the 4 x 6 in label).
pub(crate) fn to_block(pen: &mut Pen, name: &str, address: &str, phone: &str, top: f32, room: f32, base: f32) {
    let (fonts, w) = (pen.fonts, pen.w);
    let scaled = |style: Style, k: f32| Style { size: style.size * k * base, ..style };
    let count =
        |text: &str, style: Style| if text.trim().is_empty() { 0 } else { wrap(fonts, text.trim(), style, w).1.len() };
    let words_fit = |text: &str, style: Style| text.split_whitespace().all(|word| width(fonts, word, style) <= w);
    let largest = |from: f32, fits: &dyn Fn(f32) -> bool| {
        let mut k = from;
        while k > MIN_SCALE && !fits(k) {
            k = (k - 0.05).max(MIN_SCALE);
        }
        k
    };
    let k_name = largest(1.0, &|k| count(name, scaled(TO_NAME, k)) <= 2 && words_fit(name, scaled(TO_NAME, k)));
    let n = scaled(TO_NAME, k_name);
    let name_h = count(name, n).min(2) as f32 * n.line_height() + 1.5;
    let rest_h = |k: f32| {
        let phone_h = if phone.is_empty() { 0.0 } else { scaled(TO_PHONE, k).line_height() + 1.0 };
        count(address, scaled(TO_LINE, k)) as f32 * scaled(TO_LINE, k).line_height() + phone_h
    };
    let k_rest = largest((k_name * TO_NAME.size / TO_LINE.size).min(1.0), &|k| {
        name_h + rest_h(k) <= room && words_fit(address, scaled(TO_LINE, k))
    });
    let (a, ph) = (scaled(TO_LINE, k_rest), scaled(TO_PHONE, k_rest));
    let phone_h = if phone.is_empty() { 0.0 } else { ph.line_height() + 1.0 };
    let max_address = ((room - name_h - phone_h) / a.line_height()).floor().max(1.0) as usize;
    let y = pen.lines(name, n, top, 2) + 1.5;
    let y = pen.lines(address, a, y, max_address);
    if !phone.is_empty() {
        pen.lines(&format!("Tel {phone}"), ph, y + 1.0, 1);
    }
}

/// The ticket's QR code at the left; its number beside it, over "SIGNATURE REQUIRED" boxed
/// when the courier must get a signature.
fn ticket_strip(
    fonts: &Fonts,
    number: &str,
    signature: bool,
    x: f32,
    w: f32,
    top: f32,
) -> Result<Vec<Item>, FormError> {
    let quiet = quiet_zone(number, QR_SIZE)?;
    // The label's margin is the code's quiet zone on the left.
    let mut items = qr_items(number, x.max(quiet), top, QR_SIZE)?;
    let tx = x.max(quiet) + QR_SIZE + quiet.max(3.0);
    let tw = x + w - tx;
    items.push(text_item(fonts, "TICKET", CAPTION, tx, top + CAPTION.baseline()));
    let style = Style { size: fit_size(fonts, number, TICKET, tw, 7.0), ..TICKET };
    items.push(text_item(fonts, number, style, tx, top + CAPTION.line_height() + style.baseline()));
    if signature {
        let text = "SIGNATURE REQUIRED";
        let style = Style { size: fit_size(fonts, text, SIGNATURE, tw - 5.0, 7.0), ..SIGNATURE };
        let box_h = style.line_height() + 3.0;
        let y1 = top + QR_SIZE - box_h;
        let text_x = tx + (tw - width(fonts, text, style)) / 2.0;
        items.push(text_item(fonts, text, style, text_x, y1 + 1.5 + style.baseline()));
        items.extend(frame(tx, y1, tx + tw, y1 + box_h, 2.4, INK));
    }
    Ok(items)
}

/// The tracking number's barcode centred across a label `label_w` mm wide, bars `BAR_H`
/// tall from `top`, and the number in print under it. The module is as wide as fits with
/// its quiet zones.
fn barcode(fonts: &Fonts, tracking: &str, label_w: f32, top: f32) -> Result<Vec<Item>, FormError> {
    let count = modules(tracking)?.len();
    let module = module_for(count, label_w);
    let bars_x = (label_w - count as f32 * module) / 2.0;
    let mut items = code128_items(tracking, bars_x, top, module, BAR_H)?;
    let style = Style { size: fit_size(fonts, tracking, TRACKING, label_w - 2.0 * MARGIN, 7.0), ..TRACKING };
    let text_x = (label_w - width(fonts, tracking, style)) / 2.0;
    items.push(text_item(fonts, tracking, style, text_x, top + BAR_H + style.baseline()));
    Ok(items)
}

/// As wide a module as lets `count` modules and both quiet zones span a label `label_w` mm wide.
pub(crate) fn module_for(count: usize, label_w: f32) -> f32 {
    (label_w / (count + 2 * QUIET_MODULES) as f32).min(MAX_MODULE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn couriers_tracking_numbers_get_modules_of_at_least_a_third_of_a_millimetre_on_both_labels() {
        // UPS, USPS, FedEx, DHL, China Post, and a 20-character one with no digit runs.
        for tracking in [
            "1Z999AA10123456784",
            "9400111899223197428490",
            "123456789012",
            "1234567890",
            "EA123456789CN",
            "ABCD-EFGH-IJKL-MNOP-Q",
        ] {
            for media in [Media::Label4x6in, Media::Label100x150mm] {
                let module = module_for(modules(tracking).unwrap().len(), media.size_mm().0);
                assert!(module >= 0.33, "{tracking} on {media:?}: {module} mm");
            }
        }
    }
}
