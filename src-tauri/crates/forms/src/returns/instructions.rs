//! The RMA instructions: where to send the return, the code and how long it is valid, how to
//! pack and mark the parcel, how to ship it, who pays the postage and the customs, and what
//! happens when it arrives (lx-watch 5.2, 7 and 9; the RMA web shop, 004), in the sentences
//! of the domain's `RmaInstructions`, as the message says them.

use caseback_domain::papers::ReturnPapers;
use caseback_domain::returns::{eligibility, RmaInstructions};

use super::{request, rma, start};
use crate::dates::{long_date, short_date};
use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_block, Row, Style};
use crate::notices::{block, bullet, BODY};
use crate::receipt::sections::{self, SECTION_GAP};

const TITLE: &str = "RMA instructions";
const SHOP: Style = Style::new(Weight::Bold, 13.0, Colour::INK);
const ADDRESS: Style = Style::new(Weight::Regular, 11.0, Colour::INK);
const MARK: Style = Style::new(Weight::Bold, 10.0, Colour::INK);

/// The RMA instructions as PDF bytes, on the shop's paper, once an RMA code was issued.
pub fn rma_instructions(fonts: &Fonts, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    let r = request(p)?;
    let rma = rma(p)?;
    let code = rma.code.to_string();
    let policy = &p.settings.policy;
    let valid = rma.validity.valid_through;
    let style = p.settings.date_style;
    let cells = [
        ("Issued", short_date(style, rma.validity.issued_on)),
        ("Valid through", short_date(style, valid)),
        ("Order", r.order_number.clone()),
    ];
    let mut form = start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);

    let product = format!("{} {}", r.product.trim(), r.model.trim()).trim().to_string();
    let intro = format!(
        "Your return of {product} (order {}) is authorized. Your RMA code is {code}, valid through {}: send the \
         parcel to reach us by then, or ask us to extend it.",
        r.order_number,
        long_date(style, valid)
    );
    form.flow.place(&block(fonts, &intro, BODY, x, w, SECTION_GAP));

    let mut rows = vec![sections::heading(fonts, "Send your return to", x, w)];
    rows.push(address_box(fonts, p, &code, x, w));
    form.flow.place_whole(&rows);
    form.flow.place(&Row::gap(SECTION_GAP));

    // The sentences of the message, in the domain's words: one for each rule the policy has.
    let words = RmaInstructions::of(&p.settings, r, rma.code, &eligibility(policy, r));
    section(&mut form, "Pack it", &words.pack);
    section(&mut form, "Mark the parcel", &words.mark);
    section(&mut form, "Ship it", &words.ship);
    section(&mut form, "When it arrives", &words.arrives);
    form.finish(TITLE)
}

/// A heading and its bullets, the heading kept with the first.
fn section(form: &mut crate::notices::Form, title: &str, items: &[String]) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let mut rows = vec![sections::heading(fonts, title, x, w)];
    rows.extend(items.iter().map(|item| bullet(fonts, item, x, w)));
    form.flow.place_kept(&rows, 2);
    form.flow.place(&Row::gap(SECTION_GAP - 1.0));
}

/// The shop's name and address large on a tinted band, and the mark the parcel must bear.
fn address_box(fonts: &Fonts, p: &ReturnPapers, code: &str, x: f32, w: f32) -> Row {
    let shop = &p.settings.shop;
    let pad = 3.5;
    let (tx, tw) = (x + pad + 2.0, w - 2.0 * pad - 2.0);
    let mut items = Vec::new();
    let mut y = pad;
    let phone = shop.phone.trim();
    let phone = if phone.is_empty() { String::new() } else { format!("Tel {phone}") };
    let parcel = format!("Mark the parcel: {code}");
    let lines = [(shop.name.trim(), SHOP, 0.0), (shop.address.trim(), ADDRESS, 0.0), (&phone, ADDRESS, 0.0)];
    for (text, style, before) in lines.into_iter().chain([(parcel.as_str(), MARK, 1.5)]) {
        if text.is_empty() {
            continue;
        }
        let (block, h) = text_block(fonts, text, style, tx, y + before, tw);
        items.extend(block);
        y += before + h;
    }
    let height = y + pad;
    let mut all = vec![
        Item::Fill { x, y: 0.0, w, h: height, colour: Colour::TINT },
        Item::Fill { x, y: 0.0, w: 1.2, h: height, colour: Colour::ACCENT },
    ];
    all.extend(items);
    Row { height: height + 1.0, items: all }
}
