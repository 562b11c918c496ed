//! The receipt (a tax invoice when the shop has a tax id): the shop's warranty on the work
//! (where it gives one), the accepted quotation's lines, the other charges, the payments and
//! refunds, the balance, and "PAID IN FULL" once settled.

use caseback_domain::after_sale::{AfterSale, EntryKind, Payment, Release};
use caseback_domain::money::Amount;
use caseback_domain::papers::TicketPapers;
use caseback_domain::quotation::Section;
use caseback_domain::signature::SignedDocument;
use caseback_domain::{Currency, DateStyle};

use super::service_warranty::service_warranty;
use super::table::{self, Grid};
use super::{balance_label, charge_label, frame, received};
use crate::dates::{day, long_date, short_date};
use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_block, text_item, width, Row, Style};
use crate::notices::{sign_line_filled, sign_line_inked, Form, STRONG};
use crate::quotation::{section, Table, CELL, CELL_PAD_X, TOTAL};
use crate::receipt::sections::SECTION_GAP;

const TITLE: &str = "Receipt";
const STAMP: Style = Style::new(Weight::Bold, 22.0, Colour::ACCENT);
const THANKS: Style = Style::new(Weight::Regular, 10.0, Colour::INK);

/// The receipt as PDF bytes, on the shop's paper: the account as of its day.
pub fn payment_receipt(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let a = &p.after_sale;
    let account = &a.account;
    let settings = &p.settings;
    let currency = settings.currency;
    let style = settings.date_style;
    let last_paid = a.payments.iter().filter(|e| e.entry.kind == EntryKind::Payment).map(|e| e.paid_on).max();
    let (balance, amount) = balance_label(account);
    let cells = [
        ("Date", short_date(style, a.as_of)),
        ("Last payment", last_paid.map_or_else(|| "None yet".to_string(), |d| short_date(style, d))),
        (balance, currency.format(amount)),
    ];
    let mut form = Form::start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    let tax_id = settings.shop.tax_id.trim();
    if !tax_id.is_empty() {
        let line = format!("Tax invoice  ·  Tax ID {tax_id}");
        let row = Row {
            height: STRONG.line_height() + 3.0,
            items: vec![text_item(fonts, &line, STRONG, x, STRONG.baseline())],
        };
        form.flow.place(&row);
    }
    // The payment confirmation first: it is what the customer shows to collect the watch.
    if let Some(paid_on) = last_paid {
        let settled = account.is_settled() && account.total_charges.0 > 0;
        form.flow.place(&thanks(fonts, &long_date(style, paid_on), settled, x, w));
    }
    form.parties(p);
    if let Some(band) = service_warranty(fonts, p, x, w) {
        form.flow.place(&band);
        form.flow.place(&Row::gap(SECTION_GAP));
    }

    if let Some((q, cosmetic)) = &a.accepted {
        let lines = Table::new(fonts, currency.code(), x, w);
        let title = format!("Repair, quotation {}", q.number);
        section(&mut form.flow, settings, q, &lines, Section::Repair, &title, q.repair);
        if *cosmetic && q.draft.lines.iter().any(|l| l.section == Section::Cosmetic) {
            let title = format!("Cosmetic work, quotation {}", q.number);
            section(&mut form.flow, settings, q, &lines, Section::Cosmetic, &title, q.cosmetic);
        }
    }

    let num = |v: Amount| currency.format_number(v);
    let code = currency.code();
    let grid = Grid::new(fonts, x, w, &[("Charge", 0.0, false), (&format!("Amount ({code})"), 34.0, true)]);
    let rows: Vec<Row> = account.charges.iter().map(|c| grid.row(&[charge_label(c, style), num(c.amount)])).collect();
    let total = [grid.total(&format!("Total charges ({code})"), &num(account.total_charges), TOTAL, true)];
    table::place(&mut form.flow, "Charges", &grid, &rows, &total);

    payments(&mut form, a, currency, style);
    collection(&mut form, p);
    form.finish(TITLE)
}

/// The watch handed back: who collected it, and their signature for it (as given on the
/// screen, or a line to sign by hand).
fn collection(form: &mut Form, p: &TicketPapers) {
    let Some((Release::Collected(c), on)) = &p.after_sale.release else { return };
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let on = day(p.settings.date_style, *on);
    let labels = ["Collected by (name)", "Date", "Signature"];
    let values = [c.collected_by.trim(), on.as_str(), ""];
    let confirm = "By signing, the person collecting confirms that the watch and its accessories were handed back.";
    let (items, h) = text_block(fonts, confirm, THANKS, x, 0.0, w);
    let mut rows = vec![crate::receipt::sections::heading(fonts, "Collection", x, w), Row { height: h + 1.0, items }];
    match crate::signature::ink(&mut form.flow.canvas, p, SignedDocument::CollectionReceipt) {
        Some(ink) => {
            rows.push(sign_line_inked(fonts, &labels, &values, &ink, x, w));
            let (items, h) = text_block(fonts, &format!("{}.", ink.words()), THANKS, x, 0.5, w);
            rows.push(Row { height: h + 0.5, items });
        }
        None => rows.push(sign_line_filled(fonts, &labels, &values, x, w, 10.0)),
    }
    form.flow.place(&Row::gap(SECTION_GAP - 1.0));
    form.flow.place_whole(&rows);
}

/// Each payment and refund, what they add up to, and the balance.
fn payments(form: &mut Form, a: &AfterSale, currency: Currency, style: DateStyle) {
    let fonts = form.flow.canvas.fonts;
    let num = |v: Amount| currency.format_number(v);
    let amount_title = format!("Amount ({})", currency.code());
    // The date column as wide as its longest date, so that "24 November 2026" stays on a line.
    let date_w = a.payments.iter().map(|e| width(fonts, &day(style, e.paid_on), CELL)).fold(0.0, f32::max);
    let spec = [
        ("Date", (date_w + 2.0 * CELL_PAD_X + 0.5).max(22.0), false),
        ("Entry", 22.0, false),
        ("Method", 30.0, false),
        ("Reference", 0.0, false),
        (amount_title.as_str(), 34.0, true),
    ];
    let grid = Grid::new(fonts, form.x, form.w, &spec);
    let mut entries: Vec<&Payment> = a.payments.iter().collect();
    entries.sort_by_key(|e| (e.paid_on, e.id));
    let mut rows: Vec<Row> = entries
        .iter()
        .map(|e| {
            // A refund gives money back: it counts against what was paid.
            let (kind, signed) = match e.entry.kind {
                EntryKind::Payment => ("Payment", e.entry.amount),
                EntryKind::Refund => ("Refund", Amount(-e.entry.amount.0)),
            };
            let reference = e.entry.reference.trim();
            let reference = if reference.is_empty() { "—" } else { reference };
            let method = e.entry.method.label();
            grid.row(&[day(style, e.paid_on), kind.into(), method.into(), reference.into(), num(signed)])
        })
        .collect();
    if rows.is_empty() {
        rows.push(grid.row(&["—".into(), "None yet".into(), String::new(), String::new(), num(Amount::ZERO)]));
    }
    let account = &a.account;
    // Payments received are positive and refunds negative, row by row and in the totals.
    let mut tail = received(&grid, account, currency);
    let (label, amount) = balance_label(account);
    tail.push(grid.total(&format!("{label} ({})", currency.code()), &num(amount), TOTAL, true));
    table::place(&mut form.flow, "Payments and refunds", &grid, &rows, &tail);
}

/// The thanks for the payment, beside a boxed "PAID IN FULL" once nothing is owed.
fn thanks(fonts: &Fonts, day: &str, paid_in_full: bool, x: f32, w: f32) -> Row {
    let text = format!("Payment received with thanks.\nLast payment: {day}.");
    if !paid_in_full {
        let (items, h) = text_block(fonts, &text, THANKS, x, 0.0, w);
        return Row { height: h + SECTION_GAP, items };
    }
    let mark = "PAID IN FULL";
    let (pad_x, pad_y) = (5.0, 2.5);
    let (box_w, box_h) = (width(fonts, mark, STAMP) + 2.0 * pad_x, STAMP.line_height() + 2.0 * pad_y);
    let mut items = vec![text_item(fonts, mark, STAMP, x + pad_x, pad_y + STAMP.baseline())];
    let (x1, y1, x2, y2) = (x, 0.0, x + box_w, box_h);
    items.extend(frame(x1, y1, x2, y2, 2.2, Colour::ACCENT));
    let text_x = x2 + 8.0;
    let (lines, h) = text_block(fonts, &text, THANKS, text_x, 0.0, x + w - text_x);
    let shift = (box_h - h).max(0.0) / 2.0;
    items.extend(lines.into_iter().map(|item| match item {
        Item::Text { x, y, text, face, size, colour } => Item::Text { x, y: y + shift, text, face, size, colour },
        other => other,
    }));
    Row { height: box_h.max(h) + SECTION_GAP, items }
}
