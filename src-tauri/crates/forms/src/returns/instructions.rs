//! The RMA instructions: where to send the return, the code and how long it is valid, how to
//! pack and mark the parcel, how to ship it, who pays the postage and the customs, and what
//! happens to a parcel without a valid code (lx-watch 5.2, 7 and 9; the RMA web shop, 004).

use caseback_domain::papers::ReturnPapers;
use caseback_domain::returns::{eligibility, sending};

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

    let pack = [
        "Use the product's original box, undamaged: no tears, stains, writing or tape on it.".to_string(),
        "Put everything back in: all accessories, manuals, tags, cards and protective films.".to_string(),
        "Pack the original box inside a sturdy outer shipping box, with padding around it.".to_string(),
        "Enclose the Return Authorization Form, filled in and signed, if we sent you one.".to_string(),
    ];
    section(&mut form, "Pack it", &pack);

    let mark = [
        format!(
            "Write {code} clearly on the outside of the parcel, or tape on the return label we sent: the code must \
             be visible on the outer label."
        ),
        "Do not write the code on the product's own box.".to_string(),
    ];
    section(&mut form, "Mark the parcel", &mark);

    let contact = contact(p);
    // Carrier, postage and customs in the domain's words, as the message says them.
    let sending = sending(policy, &eligibility(policy, r));
    let mut ship =
        vec![sending.carrier, format!("Send us the tracking number{contact}, quoting {code}."), sending.postage];
    ship.extend(sending.customs);
    section(&mut form, "Ship it", &ship);

    let without = if policy.no_rma_hold.is_none() {
        "Parcels without a visible, valid RMA code are declined and go back to the sender, at the sender's cost."
            .to_string()
    } else {
        format!(
            "Parcels without a visible, valid RMA code, or arriving after it has expired, are held for {} and then \
             sent back at the customer's cost.",
            policy.no_rma_hold
        )
    };
    let mut next = vec![without];
    next.push(format!(
        "Once it arrives we inspect it within {} and let you know the outcome. A refund goes back to {}.",
        policy.inspection_due,
        r.paid_with.destination()
    ));
    section(&mut form, "When it arrives", &next);
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

/// ", by email to … or WhatsApp …", from what the shop's profile has.
fn contact(p: &ReturnPapers) -> String {
    let shop = &p.settings.shop;
    let ways: Vec<String> = [("email to", &shop.email), ("WhatsApp", &shop.whatsapp)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(how, v)| format!("{how} {}", v.trim()))
        .collect();
    if ways.is_empty() {
        String::new()
    } else {
        format!(" by {}", ways.join(" or "))
    }
}
