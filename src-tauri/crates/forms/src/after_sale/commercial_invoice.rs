//! The commercial invoice for customs: a repaired watch going back to its owner, marked
//! "returned goods" so that it is not taxed as a sale. The repair is listed apart from the
//! goods' declared value, as a service.

use caseback_domain::after_sale::ChargeKind;
use caseback_domain::money::Amount;
use caseback_domain::papers::TicketPapers;

use super::shipping_notice::courier_and_service;
use super::table::{self, Grid};
use super::{dispatch, frame};
use crate::dates::{long_date, short_date};
use crate::draw::Colour;
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_item, width, Row, Style};
use crate::notices::{block, sign_line, Form, BODY, NOTE};
use crate::quotation::TOTAL;
use crate::receipt::sections::{self, Column, SECTION_GAP};
use crate::receipt::COLUMN_GAP;

const TITLE: &str = "Commercial invoice";
const NO_SHIPPING: &str = "No shipping has been arranged for this ticket.";
const NOT_REQUESTED: &str = "No commercial invoice was requested for this shipment.";
const BIG: Style = Style::new(Weight::Bold, 20.0, Colour::INK);
const MARK: Style = Style::new(Weight::Bold, 14.0, Colour::ACCENT);
const REASON: &str = "Returned goods after repair";

/// The commercial invoice as PDF bytes, on the shop's paper, when the shipping asked for one.
pub fn commercial_invoice(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let a = &p.after_sale;
    let s = a.shipping.as_ref().ok_or(FormError::NotApplicable(NO_SHIPPING))?;
    if !s.commercial_invoice {
        return Err(FormError::NotApplicable(NOT_REQUESTED));
    }
    let settings = &p.settings;
    let currency = settings.currency;
    let sent = dispatch(a);
    let date = sent.map_or(a.as_of, |d| d.dispatched_on);
    let tracking = sent.map_or_else(|| "Not yet dispatched".to_string(), |d| d.tracking.clone());
    let cells = [
        ("Invoice date", short_date(settings.date_style, date)),
        ("Courier", courier_and_service(s)),
        ("Tracking", tracking.clone()),
    ];
    let mut form = Form::start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    form.flow.place(&banner(fonts, x, w));
    form.flow.place(&block(fonts, "Return of a repaired item to its owner; not a sale.", BODY, x, w, SECTION_GAP));

    let shop = &settings.shop;
    let exporter = [
        ("Name", shop.name.clone()),
        ("Address", shop.address.clone()),
        ("Phone", shop.phone.clone()),
        ("Tax ID", shop.tax_id.clone()),
    ];
    let c = &p.customer;
    let consignee = [("Name", c.name.clone()), ("Address", s.address.clone()), ("Phone", c.phone.clone())];
    let col_w = (w - COLUMN_GAP) / 2.0;
    let label_w = sections::label_width(fonts, exporter.iter().chain(&consignee).map(|(l, _)| *l), col_w);
    let left = Column { x, w: col_w, label_w };
    let right = Column { x: x + col_w + COLUMN_GAP, w: col_w, label_w };
    let columns =
        [sections::fields(fonts, "Exporter", &exporter, left), sections::fields(fonts, "Consignee", &consignee, right)];
    form.flow.place_columns(&columns, SECTION_GAP);

    let mut shipment = vec![
        ("Invoice date", long_date(settings.date_style, date)),
        ("Ticket", p.ticket.number.to_string()),
        ("Courier", courier_and_service(s)),
    ];
    if sent.is_some() {
        shipment.push(("Tracking", tracking));
    }
    shipment.push(("Reason for export", REASON.to_string()));
    let label_w = sections::label_width(fonts, shipment.iter().map(|(l, _)| *l), w);
    form.flow.place_kept(&sections::fields(fonts, "Shipment", &shipment, Column { x, w, label_w }), 3);
    form.flow.place(&Row::gap(SECTION_GAP));

    let num = |v: Amount| currency.format_number(v);
    let code = currency.code();
    let value_title = format!("Value ({code})");
    let spec = [("Description", 0.0, false), ("Quantity", 20.0, true), (value_title.as_str(), 34.0, true)];
    let grid = Grid::new(fonts, x, w, &spec);
    let goods = [grid.row(&[goods_description(p), "1".into(), num(s.declared_value)])];
    let total = [grid.total(&format!("Total declared value ({code})"), &num(s.declared_value), TOTAL, true)];
    table::place(&mut form.flow, "Goods", &grid, &goods, &total);

    let service: i64 = a
        .account
        .charges
        .iter()
        .filter(|ch| matches!(ch.kind, ChargeKind::Repair | ChargeKind::Cosmetic))
        .map(|ch| ch.amount.0)
        .sum();
    let service_row = grid.row(&[
        "Repair and servicing of the watch above, charged to its owner".into(),
        "—".into(),
        num(Amount(service)),
    ]);
    table::place(&mut form.flow, "Repair service (not goods)", &grid, &[service_row], &[]);

    let declaration = "I declare that the information on this invoice is true and correct, and that the goods are \
                       the owner's own watch returned after repair.";
    let rows = vec![
        sections::heading(fonts, "Declaration", x, w),
        block(fonts, declaration, NOTE, x, w, 1.0),
        sign_line(fonts, &["Exporter (name)", "Date", "Signature"], x, w),
    ];
    form.flow.place_whole(&rows);
    form.finish(TITLE)
}

/// "COMMERCIAL INVOICE" large at the left, a boxed "RETURNED GOODS" at the right.
fn banner(fonts: &Fonts, x: f32, w: f32) -> Row {
    let (pad_x, pad_y) = (4.0, 1.6);
    let mark = "RETURNED GOODS";
    let (box_w, box_h) = (width(fonts, mark, MARK) + 2.0 * pad_x, MARK.line_height() + 2.0 * pad_y);
    let height = BIG.line_height().max(box_h);
    let mut items =
        vec![text_item(fonts, "COMMERCIAL INVOICE", BIG, x, (height - BIG.line_height()) / 2.0 + BIG.baseline())];
    let (x1, y1) = (x + w - box_w, (height - box_h) / 2.0);
    let (x2, y2) = (x + w, y1 + box_h);
    items.push(text_item(fonts, mark, MARK, x1 + pad_x, y1 + pad_y + MARK.baseline()));
    items.extend(frame(x1, y1, x2, y2, 2.0, Colour::ACCENT));
    Row { height: height + 2.0, items }
}

/// "Mechanical watch: Seiko Presage SRPB41J1, serial 4R35-00A0 9N1234".
fn goods_description(p: &TicketPapers) -> String {
    let d = &p.ticket.details.device;
    let name = format!("{} {}", d.brand.trim(), d.model.trim());
    let serial = d.serial.trim();
    let serial = if serial.is_empty() { String::new() } else { format!(", serial {serial}") };
    format!("{}: {}{serial}", d.kind_label(), name.trim())
}
