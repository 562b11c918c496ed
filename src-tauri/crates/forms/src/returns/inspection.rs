//! The inspection report: what came back and when, the inspector's checklist with a clear
//! Yes or No for each item, the wear grade, notes and photos, the decision in words and its
//! settlement in the order's currency, and for a refund how it is paid and when it shows.

use caseback_domain::money::Amount;
use caseback_domain::papers::ReturnPapers;
use caseback_domain::returns::decision::posting_window;
use caseback_domain::returns::{Decision, DecisionRecord, Inspection, WearGrade};

use super::{checkbox, crossed_box, currency, customer, start, BOX_LIFT};
use crate::after_sale::collection_notice::{photo_grid, PhotoGrid};
use crate::after_sale::table::{self, Grid};
use crate::dates::{long_date, short_date};
use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_item, width, Row, Style};
use crate::notices::{block, sign_line_filled, Form, BODY, NOTE};
use crate::quotation::{CELL, CELL_PAD_X, CELL_PAD_Y, TOTAL};
use crate::receipt::sections::{self, Column, SECTION_GAP, VALUE};
use crate::receipt::COLUMN_GAP;

const TITLE: &str = "Inspection report";
const NOT_INSPECTED: &str = "This return has not been inspected yet.";
const NOT_DECIDED: &str = "No decision has been recorded for this return.";
const RESULT_W: f32 = 26.0;
const MARK_SIZE: f32 = 3.4;
const RESULT: Style = Style::new(Weight::Bold, 8.5, Colour::INK);
const SCALE: Style = Style::new(Weight::Regular, 9.5, Colour::INK);
const CHOSEN: Style = Style::new(Weight::Bold, 9.5, Colour::INK);
const VERDICT: Style = Style::new(Weight::Bold, 13.0, Colour::INK);
/// The decision's title beside its verdict, as the section headings are set.
const DECISION: Style = Style::new(Weight::Bold, 9.5, Colour::ACCENT);
/// Inspection photos in rows of four, up to two rows.
const INSPECTION_PHOTOS: PhotoGrid = PhotoGrid { columns: 4, max: 8 };

/// The inspection report as PDF bytes, on the shop's paper, once the return was inspected and decided.
pub fn inspection_report(fonts: &Fonts, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    let case = &p.case;
    let inspection = case.inspection.as_ref().ok_or(FormError::NotApplicable(NOT_INSPECTED))?;
    let decided = case.decision.as_ref().ok_or(FormError::NotApplicable(NOT_DECIDED))?;
    let received = case.receipt.as_ref();
    let style = p.settings.date_style;
    let long_date = |d| long_date(style, d);
    let cells = [
        ("Received", received.map_or_else(|| "—".to_string(), |r| short_date(style, r.received_on))),
        ("Decided", short_date(style, decided.decided_on)),
        ("Decision", short_verdict(&decided.decision).to_string()),
    ];
    let mut form = start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);

    let c = customer(p);
    let who = [("Name", c.name), ("Phone", c.phone), ("Email", c.email)];
    let mut item = Vec::new();
    if let Some(r) = &case.request {
        let product = format!("{} {}", r.product.trim(), r.model.trim()).trim().to_string();
        item.push(("Order", r.order_number.clone()));
        item.push(("Product", product));
        item.push(("Reason", r.reason.label().to_string()));
    }
    if let Some(r) = received {
        item.push(("Received on", long_date(r.received_on)));
        let arrival = case.arrival_words(style).unwrap_or_default();
        let arrival = match &r.accepted_late {
            Some(why) => format!("{arrival}; accepted: {why}"),
            None => arrival,
        };
        item.push(("Arrived", arrival));
    }
    item.push(("Decided on", long_date(decided.decided_on)));
    let col_w = (w - COLUMN_GAP) / 2.0;
    let label_w = sections::label_width(fonts, who.iter().chain(&item).map(|(l, _)| *l), col_w);
    let left = Column { x, w: col_w, label_w };
    let right = Column { x: x + col_w + COLUMN_GAP, w: col_w, label_w };
    let columns = [sections::fields(fonts, "Customer", &who, left), sections::fields(fonts, "Return", &item, right)];
    form.flow.place_columns(&columns, SECTION_GAP);

    checklist(&mut form, &case.inspection_checks());
    wear(&mut form, inspection);
    let notes = inspection.notes.trim();
    let notes = if notes.is_empty() { "None recorded." } else { notes };
    form.flow.place_kept(&sections::paragraph(fonts, "Inspector's notes", notes, VALUE, x, w), 3);
    form.flow.place(&Row::gap(SECTION_GAP));
    let photos = &p.inspection_photos;
    photo_grid(&mut form, "Photos taken at inspection", photos, inspection.photos.len(), INSPECTION_PHOTOS, None);

    close(&mut form, p, decided);
    form.finish(TITLE)
}

/// Gaps between the closing blocks when the report is tightened to end on one page.
const TIGHT_GAP: f32 = 2.0;

/// The decision, its payment and the inspector's signature end the report together, on one
/// page: where the decision starts, when they fit there; tightened when that is what fits
/// (the decision on its heading's line, a signature without a heading, closer lines); else
/// together at the top of the next page. The signature never stands on a page of its own.
fn close(form: &mut Form, p: &ReturnPapers, d: &DecisionRecord) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let style = p.settings.date_style;
    let signed = [p.inspected_by.as_str(), &style.format(d.decided_on), ""];
    let ending = |tight: bool| {
        let gap = if tight { TIGHT_GAP } else { SECTION_GAP };
        let mut rows = Vec::new();
        for block in decision(fonts, p, d, x, w, tight).into_iter().chain([signature(fonts, &signed, x, w, tight)]) {
            if !rows.is_empty() {
                rows.push(Row::gap(gap));
            }
            rows.extend(block);
        }
        rows
    };
    let height = |rows: &[Row]| rows.iter().map(|r| r.height).sum::<f32>();
    let room = form.bottom() - form.flow.y;
    let (full, tight) = (ending(false), ending(true));
    let rows = if height(&full) > room && height(&tight) <= room { tight } else { full };
    form.flow.place_whole(&rows);
}

/// What the inspector signs, with the name of the staff member who recorded the decision
/// and its day written in (`signed`): under a heading, or (`tight`) after "Inspector:" with
/// less room above the lines.
fn signature(fonts: &Fonts, signed: &[&str; 3], x: f32, w: f32, tight: bool) -> Vec<Row> {
    let labels = ["Inspector (name)", "Date", "Signature"];
    let said = "I inspected the item described above and recorded what I found.";
    if tight {
        let said = format!("Inspector: {said}");
        return vec![block(fonts, &said, NOTE, x, w, 0.0), sign_line_filled(fonts, &labels, signed, x, w, 7.5)];
    }
    vec![
        sections::heading(fonts, "Inspector", x, w),
        block(fonts, said, NOTE, x, w, 1.0),
        sign_line_filled(fonts, &labels, signed, x, w, 10.0),
    ]
}

/// The decision's heading with the verdict under it, or (`tight`) beside it on one line
/// over the heading's rule.
fn verdict_rows(fonts: &Fonts, verdict: &str, x: f32, w: f32, tight: bool) -> Vec<Row> {
    if !tight {
        return vec![
            sections::heading(fonts, "Decision", x, w),
            Row {
                height: VERDICT.line_height() + 1.5,
                items: vec![text_item(fonts, verdict, VERDICT, x, VERDICT.baseline())],
            },
        ];
    }
    let title = "Decision";
    let b = VERDICT.baseline();
    let rule_y = VERDICT.line_height() + 0.4;
    let verdict_x = x + width(fonts, title, DECISION) + 5.0;
    vec![Row {
        height: rule_y + 1.8,
        items: vec![
            text_item(fonts, title, DECISION, x, b),
            text_item(fonts, verdict, VERDICT, verdict_x, b),
            Item::Rule { x1: x, y1: rule_y, x2: x + w, y2: rule_y, width_pt: 0.6, colour: Colour::RULE },
        ],
    }]
}

/// A word or two for the band's cell.
fn short_verdict(decision: &Decision) -> &'static str {
    match decision {
        Decision::Approve { .. } => "Approved",
        Decision::PartialRefund { .. } => "Partial refund",
        Decision::ShipBack => "Denied",
        Decision::Exchange => "Exchange",
    }
}

/// The decision in words; a watch handed over at the counter is handed back there.
fn verdict(decision: &Decision, at_counter: bool) -> String {
    match decision {
        Decision::Approve { .. } => "Approved: refund".to_string(),
        Decision::PartialRefund { percent, .. } => format!("Partial refund by wear: {percent} of the price"),
        Decision::ShipBack if at_counter => "Denied, handed back at the counter".to_string(),
        Decision::ShipBack => "Denied, sent back at the customer's cost".to_string(),
        Decision::Exchange => "Exchange".to_string(),
    }
}

/// The six checks with a ticked box and "Yes", or a crossed box and "No" on a tinted row.
/// The inspector's checks as the case records them (with the pairing check where the
/// policy excludes paired watches).
fn checklist(form: &mut Form, checks: &[(&str, &str, bool)]) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let grid = Grid::new(fonts, x, w, &[("Check", 0.0, false), ("Result", RESULT_W, false)]);
    let result_x = x + w - RESULT_W + CELL_PAD_X;
    let rows: Vec<Row> = checks
        .iter()
        .map(|&(_, label, passed)| {
            let mut row = grid.row(&[label.to_string(), String::new()]);
            let line_h = row.height - 2.0 * CELL_PAD_Y;
            let mark_y = CELL_PAD_Y + (line_h - MARK_SIZE) / 2.0 - BOX_LIFT;
            let mark = if passed {
                checkbox(result_x, mark_y, MARK_SIZE, true)
            } else {
                crossed_box(result_x, mark_y, MARK_SIZE)
            };
            if !passed {
                row.items.insert(0, Item::Fill { x, y: 0.3, w, h: row.height - 0.3, colour: Colour::TINT });
            }
            row.items.extend(mark);
            let word = if passed { "Yes" } else { "No" };
            let baseline = CELL_PAD_Y + (line_h - CELL.line_height()) / 2.0 + CELL.baseline();
            row.items.push(text_item(fonts, word, RESULT, result_x + MARK_SIZE + 2.0, baseline));
            row
        })
        .collect();
    let passed = checks.iter().filter(|c| c.2).count();
    let summary = format!("{passed} of {} checks passed", checks.len());
    let tail = [Row {
        height: BODY.line_height() + 1.5,
        items: vec![text_item(fonts, &summary, RESULT, x + CELL_PAD_X, 1.2 + BODY.baseline())],
    }];
    table::place(&mut form.flow, "Checklist", &grid, &rows, &tail);
}

/// The four wear grades, the one found ticked and in bold.
fn wear(form: &mut Form, inspection: &Inspection) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let h = SCALE.line_height();
    let box_y = (h - MARK_SIZE) / 2.0 - BOX_LIFT;
    let mut items = Vec::new();
    let mut cx = x;
    for grade in WearGrade::ALL {
        let chosen = grade == inspection.wear;
        items.extend(checkbox(cx, box_y, MARK_SIZE, chosen));
        let style = if chosen { CHOSEN } else { SCALE };
        let tx = cx + MARK_SIZE + 2.0;
        items.push(text_item(fonts, grade.label(), style, tx, SCALE.baseline()));
        cx = tx + width(fonts, grade.label(), style) + 10.0;
    }
    let rows = [sections::heading(fonts, "Wear grade", x, w), Row { height: h + 1.0, items }];
    form.flow.place_whole(&rows);
    form.flow.place(&Row::gap(SECTION_GAP));
}

/// The decision with its settlement, and for a refund how and when it is paid: blocks of
/// rows, each kept whole.
fn decision(fonts: &Fonts, p: &ReturnPapers, d: &DecisionRecord, x: f32, w: f32, tight: bool) -> Vec<Vec<Row>> {
    let style = p.settings.date_style;
    let long_date = |d| long_date(style, d);
    let currency = currency(p);
    let money = |a: Amount| currency.format(a);
    let num = |a: Amount| currency.format_number(a);
    let code = currency.code();
    let at_counter = p.case.taken_in_at_counter;
    let mut rows = verdict_rows(fonts, &verdict(&d.decision, at_counter), x, w, tight);
    let s = &d.settlement;
    if s.lines.is_empty() {
        rows.push(block(fonts, Decision::nothing_refunded(at_counter), BODY, x, w, 0.0));
    } else {
        // The verdict stays with its settlement: a few lines, kept on one page.
        let grid = Grid::new(fonts, x, w, &[("Settlement", 0.0, false), (&format!("Amount ({code})"), 34.0, true)]);
        rows.push(grid.header());
        rows.extend(s.lines.iter().map(|l| grid.row(&[l.label.clone(), num(l.amount)])));
        let total_label = match d.decision {
            Decision::Exchange => format!("Exchange fee to pay ({code})"),
            _ => format!("Refund to the customer ({code})"),
        };
        rows.push(grid.total(&total_label, &num(s.total), TOTAL, true));
        for note in &s.notes {
            rows.push(block(fonts, note, BODY, x, w, 0.0));
        }
    }
    let mut blocks = vec![rows];

    let mut facts = Vec::new();
    if let Some(method) = s.method {
        // Posting counts from the refund when it is paid, else from the decision.
        let from = p.case.refund.as_ref().map_or(d.decided_on, |r| r.refunded_on);
        let (first, last, how_long) = posting_window(method, from, &p.settings.policy);
        facts.push(("Refund", money(s.total)));
        facts.push(("Refunded by", method.label().to_string()));
        if let Some(due) = d.due {
            facts.push(("To be paid by", long_date(due)));
        }
        let days =
            if first == last { long_date(first) } else { format!("{} to {}", long_date(first), long_date(last)) };
        let window = format!("{days}, when refunded on {} ({how_long})", long_date(from));
        facts.push(("Expected in the account", window));
    } else if let (Decision::Exchange, Some(due)) = (&d.decision, d.due) {
        facts.push(("Replacement sent by", long_date(due)));
    }
    if !facts.is_empty() {
        let label_w = sections::label_width(fonts, facts.iter().map(|(l, _)| *l), w);
        blocks.push(sections::fields(fonts, "Payment", &facts, Column { x, w, label_w }));
    }
    blocks
}
