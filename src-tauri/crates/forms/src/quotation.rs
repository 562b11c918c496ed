//! The repair quotation: the priced lines and totals the customer accepts in writing, with
//! the terms that apply while they decide.

use caseback_domain::money::Amount;
use caseback_domain::papers::TicketPapers;
use caseback_domain::quotation::message::{after_expiry, confirmation_ways};
use caseback_domain::quotation::{Quotation, QuoteLine, Section, Totals};
use caseback_domain::signature::SignedDocument;
use caseback_domain::Settings;

use crate::dates::long_date;
use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::flow::Flow;
use crate::fonts::{Fonts, Weight};
use crate::layout::{fit_size, text_block, text_item, width, Row, Style};
use crate::receipt::header;
use crate::receipt::sections::{self, Column, SECTION_GAP, VALUE};
use crate::receipt::{BOTTOM, COLUMN_GAP, SIDE, TOP};
use crate::signature::Ink;

const TITLE_TEXT: &str = "Repair quotation";
pub(crate) const NO_QUOTATION: &str = "This ticket has no quotation yet.";
/// Marks a line the tax is not charged on.
const NO_TAX: &str = "No tax";
const COSMETIC_TITLE: &str = "Optional cosmetic work (confirmed separately)";

const LABEL: Style = Style::new(Weight::Regular, 7.5, Colour::MUTED);
const NUMBER: Style = Style::new(Weight::Bold, 22.0, Colour::INK);
const DATE: Style = Style::new(Weight::Bold, 9.5, Colour::INK);
pub(crate) const TABLE_HEAD: Style = Style::new(Weight::Bold, 8.0, Colour::ACCENT);
pub(crate) const CELL: Style = Style::new(Weight::Regular, 8.5, Colour::INK);
const MARK: Style = Style::new(Weight::Regular, 7.5, Colour::MUTED);
pub(crate) const TOTAL: Style = Style::new(Weight::Bold, 10.0, Colour::INK);
const TERMS: Style = Style { leading: 1.25, ..Style::new(Weight::Regular, 8.0, Colour::INK) };
const SIGN_LABEL: Style = Style::new(Weight::Bold, 8.5, Colour::INK);

/// Padding above and below a table row's text, and inside its cells, mm.
pub(crate) const CELL_PAD_Y: f32 = 1.0;
pub(crate) const CELL_PAD_X: f32 = 1.8;
/// The quantity column's width, mm.
const QTY_W: f32 = 12.0;
/// Where descriptions start, from the table's left edge, mm.
const DESC_X: f32 = 31.0;

/// The ticket's latest quotation as PDF bytes, on the shop's paper (A4 or US Letter); its
/// policy sets the terms. Every amount is the domain's: line amounts from
/// [`QuoteLine::amount`], totals from the issued quotation.
pub fn quotation(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let q = p.quotation.as_ref().ok_or(FormError::NotApplicable(NO_QUOTATION))?;
    let settings = &p.settings;
    let (page_w, page_h) = settings.paper.size_mm();
    let number = q.number.to_string();
    let (x, w) = (SIDE, page_w - 2.0 * SIDE);
    let mut canvas = Canvas::new(fonts, &format!("{TITLE_TEXT} {number}"), page_w, page_h);
    let top = header::letterhead(&mut canvas, TITLE_TEXT, &settings.shop, p.logo.as_ref(), x, w, TOP)?;
    let continued = header::continued(fonts, &number, TITLE_TEXT, x, w);
    let mut flow = Flow::new(canvas, TOP, page_h - BOTTOM, continued);
    flow.y = top;

    flow.place(&band(fonts, p, q, x, w));
    flow.place(&Row::gap(SECTION_GAP));
    parties(&mut flow, p, x, w);
    let table = Table::new(fonts, settings.currency.code(), x, w);
    section(&mut flow, settings, q, &table, Section::Repair, "Repair", q.repair);
    if q.draft.lines.iter().any(|l| l.section == Section::Cosmetic) {
        section(&mut flow, settings, q, &table, Section::Cosmetic, COSMETIC_TITLE, q.cosmetic);
    }
    after_the_table(&mut flow, p, q, x, w);

    let footer_left = format!("{}  ·  {TITLE_TEXT} {number}", settings.shop.name.trim());
    let mut canvas = flow.canvas;
    header::footers(&mut canvas, &footer_left, x, w, page_h - BOTTOM + 5.0);
    canvas.finish()
}

/// Whether `q` charges a tax at all: a shop whose rate is 0% (Hong Kong has none) prints no
/// tax line and marks no line as untaxed.
pub(crate) fn charges_tax(q: &Quotation) -> bool {
    q.tax_rate.basis_points() > 0
}

/// The quotation number large at the left; at the right the issue and validity dates in
/// the shop's style with their weekdays, and the ticket number.
fn band(fonts: &Fonts, p: &TicketPapers, q: &Quotation, x: f32, w: f32) -> Row {
    let number = q.number.to_string();
    let mut items = vec![text_item(fonts, "Quotation number", LABEL, x, LABEL.baseline())];
    let number_top = LABEL.line_height();
    items.push(text_item(fonts, &number, NUMBER, x, number_top + NUMBER.baseline()));
    let number_h = number_top + NUMBER.line_height();

    let style = p.settings.date_style;
    let rows = [
        ("Issued", long_date(style, q.issued_on), DATE),
        ("Valid through", long_date(style, q.valid_through), Style { colour: Colour::ACCENT, ..DATE }),
        ("Ticket", p.ticket.number.to_string(), DATE),
    ];
    let label_w = rows.iter().map(|(l, _, _)| width(fonts, l, LABEL)).fold(0.0, f32::max);
    let room = w - width(fonts, &number, NUMBER) - 8.0 - label_w - 3.0;
    let value_w = rows.iter().map(|(_, v, s)| width(fonts, v, *s)).fold(0.0, f32::max);
    // Shrunk only when the longest date would reach the number.
    let size = (DATE.size * room / value_w.max(room)).max(6.5);
    let value_x = x + w - value_w.min(room);
    let lh = DATE.line_height();
    let top = (number_h - rows.len() as f32 * lh).max(0.0) / 2.0 + 0.6;
    for (i, (label, value, style)) in rows.iter().enumerate() {
        let b = top + i as f32 * lh + DATE.baseline();
        items.push(text_item(fonts, label, LABEL, value_x - 3.0 - width(fonts, label, LABEL), b));
        items.push(text_item(fonts, value, Style { size: size.min(style.size), ..*style }, value_x, b));
    }
    Row { height: number_h.max(top + rows.len() as f32 * lh), items }
}

/// Customer on the left, the watch on the right.
fn parties(flow: &mut Flow, p: &TicketPapers, x: f32, w: f32) {
    let fonts = flow.canvas.fonts;
    let c = &p.customer;
    let customer = [("Name", c.name.clone()), ("Phone", c.phone.clone()), ("Email", c.email.clone())];
    let d = &p.ticket.details.device;
    let device = [
        ("Type", d.kind_label().to_string()),
        ("Brand / model", format!("{} {}", d.brand.trim(), d.model.trim()).trim().to_string()),
        (d.serial_label(), d.serial.clone()),
    ];
    let col_w = (w - COLUMN_GAP) / 2.0;
    let labels = customer.iter().chain(&device).map(|(l, _)| *l);
    let label_w = sections::label_width(fonts, labels, col_w);
    let left = Column { x, w: col_w, label_w };
    let right = Column { x: x + col_w + COLUMN_GAP, w: col_w, label_w };
    let columns =
        [sections::fields(fonts, "Customer", &customer, left), sections::fields(fonts, "Watch", &device, right)];
    flow.place_columns(&columns, SECTION_GAP);
}

/// Where the table's columns sit: text from the left edges, numbers to the right edges.
pub(crate) struct Table<'f> {
    fonts: &'f Fonts,
    currency: &'static str,
    x: f32,
    w: f32,
    kind_x: f32,
    desc_x: f32,
    qty_right: f32,
    unit_right: f32,
    amount_right: f32,
}

impl<'f> Table<'f> {
    pub(crate) fn new(fonts: &'f Fonts, currency: &'static str, x: f32, w: f32) -> Table<'f> {
        let amount_w = 30.0;
        let unit_w = 28.0;
        let amount_right = x + w - CELL_PAD_X;
        let unit_right = amount_right - amount_w;
        let qty_right = unit_right - unit_w;
        debug_assert!(qty_right - QTY_W > x + DESC_X + 40.0);
        Table { fonts, currency, x, w, kind_x: x + CELL_PAD_X, desc_x: x + DESC_X, qty_right, unit_right, amount_right }
    }

    fn desc_w(&self) -> f32 {
        self.qty_right - QTY_W - self.desc_x
    }

    /// `text` ending at `right`, shrunk if it would cross `room` mm.
    fn right(&self, text: &str, style: Style, right: f32, room: f32, baseline: f32) -> Item {
        let size = fit_size(self.fonts, text, style, room, 6.0);
        let style = Style { size, ..style };
        text_item(self.fonts, text, style, right - width(self.fonts, text, style), baseline)
    }

    /// The column titles on a tinted band.
    fn header(&self) -> Row {
        let h = TABLE_HEAD.line_height() + 2.0 * CELL_PAD_Y;
        let b = CELL_PAD_Y + TABLE_HEAD.baseline();
        let unit = format!("Unit price ({})", self.currency);
        let amount = format!("Amount ({})", self.currency);
        let items = vec![
            Item::Fill { x: self.x, y: 0.0, w: self.w, h, colour: Colour::TINT },
            text_item(self.fonts, "Kind", TABLE_HEAD, self.kind_x, b),
            text_item(self.fonts, "Description", TABLE_HEAD, self.desc_x, b),
            self.right("Qty", TABLE_HEAD, self.qty_right, 12.0, b),
            self.right(&unit, TABLE_HEAD, self.unit_right, 26.0, b),
            self.right(&amount, TABLE_HEAD, self.amount_right, 28.0, b),
        ];
        Row { height: h, items }
    }

    /// One priced line; `mark_untaxed` marks a line the tax is not charged on.
    fn line(&self, line: &QuoteLine, money: impl Fn(Amount) -> String, mark_untaxed: bool) -> Row {
        let fonts = self.fonts;
        let (mut items, kind_h) =
            text_block(fonts, line.kind.label(), CELL, self.kind_x, CELL_PAD_Y, self.desc_x - self.kind_x - 3.0);
        let (desc, mut desc_h) = text_block(fonts, &line.description, CELL, self.desc_x, CELL_PAD_Y, self.desc_w());
        let last = desc.last().cloned();
        let qty = line.quantity.to_string();
        items.extend(desc);
        if mark_untaxed && !line.taxable {
            // After the description's last line when it fits short of the quantity, else on a
            // line of its own.
            let marker_w = width(fonts, NO_TAX, MARK);
            let after = match &last {
                Some(Item::Text { text, face, size, y, .. }) => {
                    let end = self.desc_x + fonts.width(*face, *size, text) + 2.5;
                    (end + marker_w <= self.qty_right - width(fonts, &qty, CELL) - 5.0).then_some((end, *y))
                }
                _ => None,
            };
            let (mx, my) = after.unwrap_or_else(|| {
                let at = (self.desc_x, CELL_PAD_Y + desc_h + MARK.baseline());
                desc_h += MARK.line_height();
                at
            });
            items.push(text_item(fonts, NO_TAX, MARK, mx, my));
        }
        let b = CELL_PAD_Y + CELL.baseline();
        items.push(self.right(&qty, CELL, self.qty_right, 12.0, b));
        items.push(self.right(&money(line.unit_price), CELL, self.unit_right, 26.0, b));
        items.push(self.right(&money(line.amount()), CELL, self.amount_right, 28.0, b));
        let height = kind_h.max(desc_h) + 2.0 * CELL_PAD_Y;
        let (x1, x2) = (self.x, self.x + self.w);
        items.push(Item::Rule { x1, y1: height, x2, y2: height, width_pt: 0.4, colour: Colour::RULE });
        Row { height, items }
    }

    /// Label and amount, the label ending where the unit prices do.
    fn total(&self, label: &str, amount: &str, style: Style, rule_above: bool) -> Row {
        let top = if rule_above { 1.2 } else { 0.5 };
        let b = top + style.baseline();
        let mut items = vec![
            self.right(label, style, self.unit_right, self.unit_right - self.desc_x, b),
            self.right(amount, style, self.amount_right, 28.0, b),
        ];
        if rule_above {
            let x1 = self.unit_right - width(self.fonts, label, style).min(self.unit_right - self.desc_x);
            let x2 = self.x + self.w;
            items.push(Item::Rule { x1, y1: 0.4, x2, y2: 0.4, width_pt: 0.9, colour: Colour::INK });
        }
        Row { height: top + style.line_height(), items }
    }
}

/// One section of `q` (the receipt's is the accepted quotation): its heading, lines and
/// totals; the table header repeats on continued pages.
pub(crate) fn section(
    flow: &mut Flow,
    settings: &Settings,
    q: &Quotation,
    table: &Table,
    section: Section,
    title: &str,
    totals: Totals,
) {
    let fonts = flow.canvas.fonts;
    let currency = settings.currency;
    let money = |a: Amount| currency.format_number(a);
    let taxed = charges_tax(q);
    let lines: Vec<Row> =
        q.draft.lines.iter().filter(|l| l.section == section).map(|l| table.line(l, money, taxed)).collect();
    let head = table.header();
    let mut first = vec![sections::heading(fonts, title, table.x, table.w), head.clone()];
    first.extend(lines.first().cloned());
    flow.place_kept(&first, first.len());

    let page_header = flow.continued().to_vec();
    let mut with_table = page_header.clone();
    with_table.push(head);
    flow.set_continued(with_table);
    // The last line stays with the totals, so totals never stand alone under a header.
    let last = if lines.len() > 1 { lines.len() - 1 } else { lines.len() };
    for row in lines.iter().take(last).skip(1) {
        flow.place(row);
    }
    let t = totals;
    let total_label = match section {
        Section::Repair => format!("Total ({})", currency.code()),
        Section::Cosmetic => format!("Cosmetic total ({})", currency.code()),
    };
    let mut rows: Vec<Row> = lines[last..].to_vec();
    rows.push(Row::gap(0.8));
    if taxed {
        let tax_label = format!("{} {} on {}", settings.tax.name.trim(), q.tax_rate, money(t.taxable));
        rows.push(table.total("Subtotal", &money(t.subtotal), CELL, false));
        rows.push(table.total(&tax_label, &money(t.tax), CELL, false));
    }
    rows.push(table.total(&total_label, &money(t.total), TOTAL, true));
    flow.place_whole(&rows);
    flow.set_continued(page_header);
    flow.place(&Row::gap(SECTION_GAP + 1.0));
}

/// Timeline, payment details, terms and the acceptance block.
fn after_the_table(flow: &mut Flow, p: &TicketPapers, q: &Quotation, x: f32, w: f32) {
    let settings = &p.settings;
    let fonts = flow.canvas.fonts;
    let policy = &settings.policy;
    let days = q.draft.timeline_working_days;
    let timeline = format!("About {days} working day{} from your confirmation.", if days == 1 { "" } else { "s" });
    let payment = settings.shop.payment_details.trim();
    if payment.is_empty() {
        flow.place_kept(&sections::paragraph(fonts, "Estimated repair timeline", &timeline, VALUE, x, w), 2);
        flow.place(&Row::gap(SECTION_GAP));
    } else {
        let col_w = (w - COLUMN_GAP) / 2.0;
        let columns = [
            sections::paragraph(fonts, "Estimated repair timeline", &timeline, VALUE, x, col_w),
            sections::paragraph(fonts, "Payment details", payment, VALUE, x + col_w + COLUMN_GAP, col_w),
        ];
        flow.place_columns(&columns, SECTION_GAP);
    }

    let style = settings.date_style;
    let valid = long_date(style, q.valid_through);
    let storage = if policy.storage_fee_per_day.0 == 0 {
        "Storage: we keep the finished watch free of charge until you collect it.".to_string()
    } else {
        format!(
            "Storage: once we send the Collection Notice, the watch is kept free of charge for {}; after that a \
             storage fee of {} a day applies until it is collected.",
            policy.storage_grace,
            settings.currency.format(policy.storage_fee_per_day)
        )
    };
    let parts = if q.draft.parts_returned {
        "Replaced parts will be returned to you with the watch."
    } else {
        "Replaced parts are retained by the shop unless agreed otherwise in writing before the repair starts."
    };
    // As the message says them: the ways the customer can answer, and what happens to a
    // watch brought in, or sent in, when the quotation lapses.
    let terms = [
        format!(
            "Written confirmation is required before any work starts, by {valid}: {}.",
            confirmation_ways(settings, &p.ticket, &p.customer, true)
        ),
        after_expiry(settings, &p.ticket, q),
        storage,
        parts.to_string(),
    ];
    let mut rows = vec![sections::heading(fonts, "Terms", x, w)];
    for term in &terms {
        let (lines, h) = text_block(fonts, term, TERMS, x + 4.0, 0.0, w - 4.0);
        let mut items = vec![text_item(fonts, "•", TERMS, x + 0.8, TERMS.baseline())];
        items.extend(lines);
        rows.push(Row { height: h + 0.8, items });
    }
    flow.place_kept(&rows, 2);
    flow.place(&Row::gap(SECTION_GAP));
    let ink = crate::signature::ink(&mut flow.canvas, p, SignedDocument::QuotationAcceptance);
    flow.place_whole(&acceptance(fonts, settings, q, ink.as_ref(), x, w));
}

/// What the customer signs: acceptance of the repair, a tick box for the cosmetic work,
/// then name, date and signature lines.
fn acceptance(fonts: &Fonts, settings: &Settings, q: &Quotation, ink: Option<&Ink>, x: f32, w: f32) -> Vec<Row> {
    let money = |a: Amount| settings.currency.format(a);
    let mut rows = vec![sections::heading(fonts, "Written acceptance", x, w)];
    let text = format!(
        "I accept quotation {} for the repair described above, total {}, and ask the shop to carry it out on \
         these terms.",
        q.number,
        money(q.repair.total)
    );
    let (items, h) = text_block(fonts, &text, TERMS, x, 0.0, w);
    rows.push(Row { height: h + 1.0, items });
    if q.draft.lines.iter().any(|l| l.section == Section::Cosmetic) {
        let side = 3.2;
        let top = 0.4;
        let text = format!("I also accept the optional cosmetic work, total {}.", money(q.cosmetic.total));
        let (mut items, h) = text_block(fonts, &text, TERMS, x + side + 2.5, 0.0, w - side - 2.5);
        let (x1, y1, x2, y2) = (x, top, x + side, top + side);
        for (ax, ay, bx, by) in [(x1, y1, x2, y1), (x2, y1, x2, y2), (x2, y2, x1, y2), (x1, y2, x1, y1)] {
            items.push(Item::Rule { x1: ax, y1: ay, x2: bx, y2: by, width_pt: 0.7, colour: Colour::INK });
        }
        rows.push(Row { height: h.max(side + top) + 1.0, items });
    }
    let gap = 8.0;
    let widths = [w * 0.36, w * 0.2, w * 0.44 - 2.0 * gap];
    let space = if ink.is_some() { crate::signature::INKED_SPACE } else { 8.5 };
    let mut items = Vec::new();
    let mut lx = x;
    let values = ink.map_or([String::new(), String::new()], |i| [i.signer.clone(), i.day.clone()]);
    for (i, (label, line_w)) in ["Name", "Date", "Signature"].into_iter().zip(widths).enumerate() {
        items.push(Item::Rule { x1: lx, y1: space, x2: lx + line_w, y2: space, width_pt: 0.7, colour: Colour::INK });
        items.push(text_item(fonts, label, SIGN_LABEL, lx, space + 1.2 + SIGN_LABEL.baseline()));
        match (values.get(i), ink) {
            (Some(value), _) if !value.is_empty() => {
                let value = crate::layout::ellipsize(fonts, value, crate::notices::SIGN_VALUE, line_w);
                items.push(text_item(fonts, &value, crate::notices::SIGN_VALUE, lx + 0.5, space - 1.2));
            }
            (None, Some(ink)) => items.push(ink.over_line(lx, line_w, space)),
            _ => {}
        }
        lx += line_w + gap;
    }
    rows.push(Row { height: space + 1.2 + SIGN_LABEL.line_height(), items });
    if let Some(ink) = ink {
        let (items, h) = text_block(fonts, &format!("{}.", ink.words()), TERMS, x, 0.5, w);
        rows.push(Row { height: h + 0.5, items });
    }
    rows
}
