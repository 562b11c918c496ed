//! The intake receipt: what the customer takes home when a watch is booked in.

pub(crate) mod header;
pub(crate) mod sections;

use caseback_domain::intake::{Arrival, IntakeDetails};
use caseback_domain::papers::TicketPapers;
use caseback_domain::signature::SignedDocument;
use caseback_domain::DateStyle;
use jiff::civil::Date;

use crate::dates::{day, short_date};
use crate::draw::{Canvas, Colour};
use crate::error::FormError;
use crate::flow::Flow;
use crate::fonts::{Fonts, Weight};
use crate::layout::{Row, Style};
use sections::{Column, SECTION_GAP, VALUE};

const TERMS: Style = Style::new(Weight::Regular, 7.5, Colour::MUTED);

/// Page margins, mm.
pub(crate) const SIDE: f32 = 16.0;
pub(crate) const TOP: f32 = 12.0;
pub(crate) const BOTTOM: f32 = 16.0;
pub(crate) const COLUMN_GAP: f32 = 10.0;

/// The intake receipt as PDF bytes, on the shop's paper (A4 or US Letter): the shop's
/// profile heads it, then the customer, the watch as handed in, and both signatures.
pub fn intake_receipt(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let (page_w, page_h) = p.settings.paper.size_mm();
    let number = p.ticket.number.to_string();
    let (x, w) = (SIDE, page_w - 2.0 * SIDE);
    let mut canvas = Canvas::new(fonts, &format!("{} {number}", header::TITLE_TEXT), page_w, page_h);
    let top = header::letterhead(&mut canvas, header::TITLE_TEXT, &p.settings.shop, p.logo.as_ref(), x, w, TOP)?;
    let continued = header::continued(fonts, &number, header::TITLE_TEXT, x, w);
    let mut flow = Flow::new(canvas, TOP, page_h - BOTTOM, continued);
    flow.y = top;

    let style = p.settings.date_style;
    let cells = [
        ("Received", short_date(style, p.ticket.received_on)),
        ("Assessment due by", short_date(style, p.ticket.assessment_due)),
        ("Received by", p.received_by.trim().to_string()),
    ];
    flow.place(&header::ticket_band(fonts, &number, &cells, x, w)?);
    flow.place(&Row::gap(SECTION_GAP));
    body(&mut flow, p, x, w);

    let footer_left = format!("{}  ·  {} {number}", p.settings.shop.name.trim(), header::TITLE_TEXT);
    let mut canvas = flow.canvas;
    header::footers(&mut canvas, &footer_left, x, w, page_h - BOTTOM + 5.0);
    canvas.finish()
}

fn body(flow: &mut Flow, p: &TicketPapers, x: f32, w: f32) {
    let fonts = flow.canvas.fonts;
    let d = &p.ticket.details;
    let style = p.settings.date_style;
    let col_w = (w - COLUMN_GAP) / 2.0;
    let c = &p.customer;
    let customer = [
        ("Name", c.name.clone()),
        ("Phone", c.phone.clone()),
        ("Email", c.email.clone()),
        ("Address", c.address.clone()),
    ];
    let arrival = arrival(&d.arrival);
    let (device, purchase, accessories, condition) = (device(d), purchase(d, style), accessories(d), condition(d));
    let all = [&customer[..], &arrival, &device, &purchase, &accessories, &condition];
    let label_w = sections::label_width(fonts, all.iter().flat_map(|pairs| pairs.iter().map(|(l, _)| *l)), col_w);
    let (left, right) = (Column { x, w: col_w, label_w }, Column { x: x + col_w + COLUMN_GAP, w: col_w, label_w });

    // One block of two columns: who and how on the left, what was handed in on the right.
    let mut left_rows = sections::fields(fonts, "Customer", &customer, left);
    let mut right_rows = sections::fields(fonts, "Watch", &device, right);
    for (title, pairs) in [("Arrival", &arrival), ("Purchase record", &purchase)] {
        left_rows.push(Row::gap(SECTION_GAP));
        left_rows.extend(sections::fields(fonts, title, pairs, left));
    }
    for (title, pairs) in [("Handed in with the watch", &accessories), ("Condition at intake", &condition)] {
        right_rows.push(Row::gap(SECTION_GAP));
        right_rows.extend(sections::fields(fonts, title, pairs, right));
    }
    flow.place_columns(&[left_rows, right_rows], SECTION_GAP);
    flow.place(&sections::warranty(fonts, &p.ticket.warranty.describe_in(style), x, w));
    flow.place(&Row::gap(SECTION_GAP));
    flow.place_kept(&sections::paragraph(fonts, "Reported fault", &d.fault, VALUE, x, w), 3);
    flow.place(&Row::gap(SECTION_GAP));
    let tried = if d.tried.trim().is_empty() { "Nothing reported." } else { d.tried.as_str() };
    flow.place_kept(&sections::paragraph(fonts, "Steps already tried", tried, VALUE, x, w), 3);
    flow.place(&Row::gap(SECTION_GAP));
    // The customer signs to accept the shop's terms only when they are printed here.
    let terms = p.settings.shop.terms.trim();
    if !terms.is_empty() {
        flow.place_kept(&sections::paragraph(fonts, "Terms", terms, TERMS, x, w), 3);
        flow.place(&Row::gap(SECTION_GAP));
    }
    let received = format!("Received on {}", day(style, p.ticket.received_on));
    let signers = (c.name.trim(), p.received_by.trim());
    let ink = crate::signature::ink(&mut flow.canvas, p, SignedDocument::IntakeReceipt);
    flow.place_whole(&sections::signatures(fonts, signers, &received, !terms.is_empty(), ink.as_ref(), x, w));
}

fn device(d: &IntakeDetails) -> Vec<(&'static str, String)> {
    let v = &d.device;
    vec![
        ("Type", v.kind_label().to_string()),
        ("Brand", v.brand.clone()),
        ("Model", v.model.clone()),
        (v.serial_label(), v.serial.clone()),
        ("Item code", v.item_code.clone()),
        ("Colour", v.colour.clone()),
    ]
}

fn purchase(d: &IntakeDetails, style: DateStyle) -> Vec<(&'static str, String)> {
    let p = &d.purchase;
    let date = |d: Option<Date>| d.map(|d| day(style, d)).unwrap_or_else(|| "Not given".into());
    vec![
        ("Order number", p.order_number.clone()),
        ("Purchase date", date(p.purchase_date)),
        ("Delivery date", date(p.delivery_date)),
        ("Proof of purchase", if p.proof_seen { "Seen" } else { "Not seen" }.to_string()),
    ]
}

fn arrival(a: &Arrival) -> Vec<(&'static str, String)> {
    match a {
        Arrival::WalkIn => vec![("Arrived", "Walk-in, handed in at the counter".to_string())],
        Arrival::MailIn { carrier, tracking } => {
            vec![
                ("Arrived", "Mail-in, by post".to_string()),
                ("Carrier", carrier.clone()),
                ("Tracking", tracking.clone()),
            ]
        }
    }
}

fn accessories(d: &IntakeDetails) -> Vec<(&'static str, String)> {
    let mut items: Vec<&str> = d.accessories.iter().map(|a| a.label()).collect();
    if items.is_empty() {
        items.push("Watch only");
    }
    let mut rows = vec![("Items", items.join(", "))];
    if !d.accessories_other.trim().is_empty() {
        rows.push(("Other", d.accessories_other.trim().to_string()));
    }
    rows
}

fn condition(d: &IntakeDetails) -> Vec<(&'static str, String)> {
    let flags: Vec<&str> = d.condition.iter().map(|f| f.label()).collect();
    let marks = if flags.is_empty() { "No marks noted".to_string() } else { flags.join(", ") };
    let mut rows = vec![("Marks", marks)];
    if !d.condition_notes.trim().is_empty() {
        rows.push(("Notes", d.condition_notes.trim().to_string()));
    }
    rows
}
