//! The Return Authorization Form: the RMA code with its QR code, pre-filled from the return
//! request (customer, order, product, price, reason), and the fields the customer completes
//! and signs: the invoice's number and date, the account for a refund by bank transfer, a
//! refund or an exchange, and the declaration that everything is in the box. The Turkish
//! store (seed 003) asks for exactly this form, "fully filled out and signed", in the parcel.

use caseback_domain::money::Amount;
use caseback_domain::papers::ReturnPapers;

use super::{checkbox, currency, customer, request, rma, start, BOX_LIFT};
use crate::after_sale::frame;
use crate::after_sale::table::{self, Grid};
use crate::dates::{day, long_date, short_date};
use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_block, text_item, width, Row, Style};
use crate::notices::{block, sign_line, Form, BODY, NOTE, STRONG};
use crate::quotation::TOTAL;
use crate::receipt::sections::{self, Column, LABEL, SECTION_GAP, VALUE};
use crate::receipt::COLUMN_GAP;

const TITLE: &str = "Return Authorization Form";
const ENCLOSE: &str = "Enclose this signed form in the parcel. Write the RMA code on the outside of the parcel.";
/// Height of a box to write in, mm.
const BOX_H: f32 = 7.5;
const BOX_SIZE: f32 = 3.8;
const BOX_LINE: Colour = Colour::INK;
const CHOICE: Style = Style::new(Weight::Regular, 9.5, Colour::INK);
const FOOT: Style = Style::new(Weight::Bold, 10.0, Colour::INK);

/// The Return Authorization Form as PDF bytes, on the shop's paper, once an RMA code was issued.
pub fn return_authorization(fonts: &Fonts, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    let r = request(p)?;
    let rma = rma(p)?;
    // The order's currency, written the shop's way.
    let currency = currency(p);
    let money = |a: Amount| currency.format(a);
    let style = p.settings.date_style;
    let long_date = |d| long_date(style, d);
    let valid = rma.validity.valid_through;
    let cells = [
        ("Issued", short_date(style, rma.validity.issued_on)),
        ("Valid through", short_date(style, valid)),
        ("Order / invoice", r.order_number.clone()),
    ];
    let mut form = start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    let validity = format!("Valid through {}: send the item back with this signed form by then.", long_date(valid));
    form.flow.place(&block(fonts, &validity, STRONG, x, w, SECTION_GAP));

    let c = customer(p);
    let who = [("Name", c.name), ("Phone", c.phone), ("Email", c.email), ("Address", c.address)];
    let delivered = r.delivery_date.map_or_else(|| "Not recorded".to_string(), long_date);
    let order = [
        ("Order / invoice no.", r.order_number.clone()),
        ("Purchase date", long_date(r.purchase_date)),
        ("Delivery date", delivered),
        ("Paid with", r.paid_with.label().to_string()),
    ];
    let col_w = (w - COLUMN_GAP) / 2.0;
    let label_w = sections::label_width(fonts, who.iter().chain(&order).map(|(l, _)| *l), col_w);
    let left = Column { x, w: col_w, label_w };
    let right = Column { x: x + col_w + COLUMN_GAP, w: col_w, label_w };
    let columns = [sections::fields(fonts, "Customer", &who, left), sections::fields(fonts, "Order", &order, right)];
    form.flow.place_columns(&columns, SECTION_GAP);

    let code = currency.code();
    let num = |a: Amount| currency.format_number(a);
    let (unit, total) = (format!("Unit price ({code})"), format!("Total ({code})"));
    let spec = [
        ("Product", 0.0, false),
        ("Model", 40.0, false),
        ("Qty", 12.0, true),
        (&unit, 30.0, true),
        (&total, 28.0, true),
    ];
    let grid = Grid::new(fonts, x, w, &spec);
    let price = num(r.purchase_price);
    let rows = [grid.row(&[r.product.clone(), r.model.clone(), "1".into(), price.clone(), price])];
    let tail = [grid.total(&format!("Total ({code})"), &num(r.purchase_price), TOTAL, true)];
    table::place(&mut form.flow, "Item returned", &grid, &rows, &tail);

    let reason = [
        ("Reason", r.reason.label().to_string()),
        ("Requested", format!("{} on {}", r.channel.how(), long_date(r.requested_on))),
        ("In your words", r.details.trim().to_string()),
    ];
    let label_w = sections::label_width(fonts, reason.iter().map(|(l, _)| *l), w).max(label_w);
    form.flow.place_kept(&sections::fields(fonts, "Reason for return", &reason, Column { x, w, label_w }), 3);
    form.flow.place(&Row::gap(SECTION_GAP));

    to_complete(&mut form, p, &money(r.purchase_price));
    enclose(&mut form);
    form.finish(TITLE)
}

/// What the customer fills in and signs, kept on one page.
fn to_complete(form: &mut Form, p: &ReturnPapers, price: &str) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let r = p.case.request.as_ref().expect("checked by the caller");
    let intro = format!(
        "Complete every field and sign. The invoice number and date come from your order (bought for {price}): \
         correct them if your invoice differs."
    );
    let mut rows =
        vec![sections::heading(fonts, "To be completed by the customer", x, w), block(fonts, &intro, NOTE, x, w, 1.5)];
    let label_w = 34.0;
    rows.push(correctable(fonts, "Invoice number", &r.order_number, x, w, label_w));
    let invoice_date = day(p.settings.date_style, r.purchase_date);
    rows.push(correctable(fonts, "Invoice date", &invoice_date, x, w, label_w));
    rows.push(Row::gap(1.0));
    let account_w = (w - COLUMN_GAP) * 0.62;
    let boxes = [(p.settings.bank_accounts.asked(), account_w), ("Account holder", w - COLUMN_GAP - account_w)];
    rows.push(write_in(fonts, &boxes, x));
    rows.push(Row::gap(1.0));

    let mut choices = vec!["Return for refund"];
    if r.reason.exchange_offered(&p.settings.policy) {
        choices.push("Exchange");
    }
    rows.push(wish(fonts, &choices, x, label_w));
    rows.push(Row::gap(1.5));
    rows.push(declaration(
        fonts,
        "I confirm the item is returned with its original box, accessories and documents.",
        x,
        w,
    ));
    rows.push(Row::gap(1.0));
    rows.push(sign_line(fonts, &["Printed name", "Date", "Signature"], x, w));
    form.flow.place_whole(&rows);
}

/// A label, the value on file, and a box to write the correct value in.
fn correctable(fonts: &Fonts, label: &str, value: &str, x: f32, w: f32, label_w: f32) -> Row {
    let mid = BOX_H / 2.0;
    let on_line = |style: Style| mid - style.line_height() / 2.0 + style.baseline();
    let mut items = vec![
        text_item(fonts, label, LABEL, x, on_line(LABEL)),
        text_item(fonts, value, VALUE, x + label_w, on_line(VALUE)),
    ];
    let hint = "If different:";
    let hint_x = x + w * 0.5;
    items.push(text_item(fonts, hint, LABEL, hint_x, on_line(LABEL)));
    let box_x = hint_x + width(fonts, hint, LABEL) + 3.0;
    items.extend(frame(box_x, 0.0, x + w, BOX_H, 0.6, BOX_LINE));
    Row { height: BOX_H + 1.8, items }
}

/// Boxes side by side, each `(label, width)`, the label above the box.
fn write_in(fonts: &Fonts, boxes: &[(&str, f32)], x: f32) -> Row {
    let mut items = Vec::new();
    let mut bx = x;
    let top = LABEL.line_height();
    for (label, bw) in boxes {
        items.push(text_item(fonts, label, LABEL, bx, LABEL.baseline()));
        items.extend(frame(bx, top, bx + bw, top + BOX_H + 0.5, 0.6, BOX_LINE));
        bx += bw + COLUMN_GAP;
    }
    Row { height: top + BOX_H + 2.5, items }
}

/// "I wish to:" and a box to tick for each choice.
fn wish(fonts: &Fonts, choices: &[&str], x: f32, label_w: f32) -> Row {
    let h = CHOICE.line_height();
    let box_y = (h - BOX_SIZE) / 2.0 - BOX_LIFT;
    let mut items = vec![text_item(fonts, "I wish to:", STRONG_LABEL, x, CHOICE.baseline())];
    let mut cx = x + label_w;
    for choice in choices {
        items.extend(checkbox(cx, box_y, BOX_SIZE, false));
        let tx = cx + BOX_SIZE + 2.0;
        items.push(text_item(fonts, choice, CHOICE, tx, CHOICE.baseline()));
        cx = tx + width(fonts, choice, CHOICE) + 12.0;
    }
    Row { height: h + 1.0, items }
}

const STRONG_LABEL: Style = Style::new(Weight::Bold, 9.5, Colour::INK);

/// A box to tick beside a statement the customer confirms.
fn declaration(fonts: &Fonts, text: &str, x: f32, w: f32) -> Row {
    let tx = x + BOX_SIZE + 2.5;
    let (mut items, h) = text_block(fonts, text, BODY, tx, 0.0, x + w - tx);
    let box_y = (BODY.line_height() - BOX_SIZE) / 2.0 - BOX_LIFT;
    items.extend(checkbox(x, box_y, BOX_SIZE, false));
    Row { height: h + 1.0, items }
}

/// The reminder to enclose the form and mark the parcel, on a tinted band at the foot of
/// the last page.
fn enclose(form: &mut Form) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let pad = 3.0;
    let (text, text_h) = text_block(fonts, ENCLOSE, FOOT, x + pad + 2.0, pad, w - 2.0 * pad - 2.0);
    let height = text_h + 2.0 * pad;
    let mut items = vec![
        Item::Fill { x, y: 0.0, w, h: height, colour: Colour::TINT },
        Item::Fill { x, y: 0.0, w: 1.2, h: height, colour: Colour::ACCENT },
    ];
    items.extend(text);
    let row = Row { height, items };
    // At the foot of the page, below a gap; on the foot of a new page when it does not fit.
    if form.bottom() - form.flow.y < height + SECTION_GAP {
        form.flow.break_page();
    }
    // A hair above the foot, so that rounding never pushes it over.
    form.flow.y = form.bottom() - height - 0.05;
    form.flow.place(&row);
}
