//! The shipping notice: the watch is on its way. Courier, the tracking number large and as a
//! barcode, the expected delivery dates, where it goes, signature, insurance and value.

use caseback_domain::after_sale::{AfterSale, Shipping, ShippingFields};
use caseback_domain::papers::TicketPapers;

use super::dispatch;
use crate::barcode::{code128_items, modules, QUIET_MODULES};
use crate::dates::{long_date, short_date};
use crate::draw::Colour;
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{fit_size, text_item, Row, Style};
use crate::notices::{block, Form, BODY};
use crate::receipt::sections::{self, Column, SECTION_GAP};

const TITLE: &str = "Shipping Notice";
pub(super) const NOT_SENT: &str = "This ticket has not been dispatched yet.";
const TRACKING: Style = Style::new(Weight::Bold, 20.0, Colour::INK);
/// Module width and bar height of the barcode, mm: roomy for a phone camera or a hand scanner.
const MODULE: f32 = 0.4;
const BAR_H: f32 = 15.0;

/// The shipping notice as PDF bytes, on the shop's paper, once the watch was dispatched.
pub fn shipping_notice(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let a = &p.after_sale;
    let (Some(s), Some(d)) = (&a.shipping, dispatch(a)) else {
        return Err(FormError::NotApplicable(NOT_SENT));
    };
    let settings = &p.settings;
    let style = settings.date_style;
    let (first, last) = d.window.dates(d.dispatched_on, &settings.policy.calendar);
    let (short, long) = (|d| short_date(style, d), |d| long_date(style, d));
    let cells = [
        ("Dispatched", short(d.dispatched_on)),
        ("Courier", courier_and_service(s)),
        ("Expected delivery", format!("{} to {}", short(first), short(last))),
    ];
    let mut form = Form::start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    form.flow.place_whole(&tracking(fonts, &d.tracking, x, w)?);
    form.flow.place(&Row::gap(SECTION_GAP));

    let window =
        format!("{} to {} ({} to {} business days)", long(first), long(last), d.window.min_days, d.window.max_days);
    let shipment = [
        ("Courier", s.courier_label().to_string()),
        ("Service", s.service.clone()),
        ("Dispatched on", long(d.dispatched_on)),
        ("Expected delivery", window),
        ("Signature on delivery", if s.signature { "Yes" } else { "No" }.to_string()),
        ("Insurance", insurance(p, a, s)),
        ("Declared value", settings.currency.format(s.declared_value)),
    ];
    // A shop without a rule (no insurance, no signature above an amount, no customs within
    // its own country) does not mention it at all.
    let fields = ShippingFields::of(&settings.policy);
    let shown = |label: &str| match label {
        "Insurance" => s.insured || fields.insurance,
        "Signature on delivery" => s.signature || fields.signature,
        "Declared value" => s.declared_value.0 > 0 || fields.declared_value,
        _ => true,
    };
    let shipment: Vec<(&str, String)> = shipment.into_iter().filter(|(label, _)| shown(label)).collect();
    let c = &p.customer;
    let to = [("Name", c.name.clone()), ("Address", s.address.clone()), ("Phone", c.phone.clone())];
    let label_w = sections::label_width(fonts, shipment.iter().chain(&to).map(|(l, _)| *l), w);
    let column = Column { x, w, label_w };
    form.flow.place_kept(&sections::fields(fonts, "Shipment", &shipment, column), 3);
    form.flow.place(&Row::gap(SECTION_GAP));
    form.flow.place_kept(&sections::fields(fonts, "Ship to", &to, column), 3);
    form.flow.place(&Row::gap(SECTION_GAP));

    let note = format!(
        "Follow the parcel on the {} website with the tracking number above. If it has not arrived by {}, \
         contact us quoting ticket {}.",
        s.courier_label(),
        long(last),
        p.ticket.number
    );
    form.flow.place(&block(fonts, &note, BODY, x, w, 0.0));
    form.finish(TITLE)
}

pub(super) fn courier_and_service(s: &Shipping) -> String {
    format!("{} {}", s.courier_label(), s.service.trim()).trim().to_string()
}

/// Insured: the premium and what it was worked out on; not insured: who carries the risk.
fn insurance(p: &TicketPapers, a: &AfterSale, s: &Shipping) -> String {
    let money = |v| p.settings.currency.format(v);
    match a.account.shipping.filter(|_| s.insured) {
        Some(costs) if costs.shop_pays => "Insured, at the shop's cost (warranty repair)".to_string(),
        Some(costs) => format!(
            "Insured: premium {} ({} of the order total {}), non-refundable",
            money(costs.insurance),
            p.settings.policy.shipping_insurance_rate,
            money(costs.order_total)
        ),
        None if s.insured => "Insured".to_string(),
        None => "Not insured: delivery risk is the customer's once dispatched".to_string(),
    }
}

/// The tracking number large, the Code 128 barcode under it. The page margin to its left
/// is its quiet zone; nothing is drawn to its right.
fn tracking(fonts: &Fonts, number: &str, x: f32, w: f32) -> Result<Vec<Row>, FormError> {
    let mut rows = vec![sections::heading(fonts, "Tracking number", x, w)];
    let style = Style { size: fit_size(fonts, number, TRACKING, w, 10.0), ..TRACKING };
    rows.push(Row { height: style.line_height(), items: vec![text_item(fonts, number, style, x, style.baseline())] });
    let count = modules(number)?.len();
    let module = MODULE.min(w / (count + QUIET_MODULES) as f32);
    let items = code128_items(number, x, 1.0, module, BAR_H)?;
    rows.push(Row { height: BAR_H + 2.0, items });
    Ok(rows)
}
