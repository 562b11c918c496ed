//! Notices that close a ticket without a paid repair: the return-unrepaired notice, sent
//! once the customer declined the quotation in writing, or once an unanswered quotation has
//! expired and its hold is over (lx-watch 2.2); and the warranty work order for a repair the
//! warranty covers.

use caseback_domain::money::Amount;
use caseback_domain::papers::{Image, TicketPapers};
use caseback_domain::quotation::message::unrepaired_ways;
use caseback_domain::quotation::{LineKind, Quotation, Section};
use caseback_domain::Settings;

use crate::after_sale::readings::bench_readings;
use crate::dates::{long_date, short_date};
use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::flow::Flow;
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_block, text_item, Row, Style};
use crate::quotation::NO_QUOTATION;
use crate::receipt::header;
use crate::receipt::sections::{self, Column, SECTION_GAP, VALUE};
use crate::receipt::{BOTTOM, COLUMN_GAP, SIDE, TOP};

const RETURN_TITLE: &str = "Return unrepaired notice";
const WARRANTY_TITLE: &str = "Warranty work order";
const NOT_COVERED: &str = "This repair has no covered warranty assessment.";

pub(crate) const BODY: Style = Style { leading: 1.3, ..Style::new(Weight::Regular, 9.0, Colour::INK) };
pub(crate) const STRONG: Style = Style::new(Weight::Bold, 10.5, Colour::INK);
const SIGN_LABEL: Style = Style::new(Weight::Bold, 8.5, Colour::INK);
/// What is already known, written on a signature line.
pub(crate) const SIGN_VALUE: Style = Style::new(Weight::Regular, 9.0, Colour::INK);
pub(crate) const NOTE: Style = Style::new(Weight::Regular, 7.5, Colour::MUTED);

/// The inspection fee a quotation charges: its repair lines of kind
/// [`LineKind::InspectionFee`], each at [`QuoteLine::amount`](caseback_domain::quotation::QuoteLine::amount).
pub fn inspection_fee(quotation: &Quotation) -> Amount {
    let total = quotation
        .draft
        .lines
        .iter()
        .filter(|l| l.section == Section::Repair && l.kind == LineKind::InspectionFee)
        .map(|l| l.amount().0)
        .sum();
    Amount(total)
}

/// The notice that the watch goes back unrepaired: as PDF bytes, on the shop's paper (A4 or
/// US Letter), from the ticket's latest quotation. Each of its two cases has its own header
/// and dates: the customer declined the quotation in writing (its date and number; no hold),
/// or it expired unanswered (valid through, held through).
pub fn return_notice(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let q = p.quotation.as_ref().ok_or(FormError::NotApplicable(NO_QUOTATION))?;
    let settings = &p.settings;
    let policy = &settings.policy;
    let style = settings.date_style;
    let money = |a: Amount| settings.currency.format(a);
    let hold_until = q.hold_until(policy);
    let number = q.number.to_string();
    // The day of the refusal is in the ticket's history, not in its papers: the notice says
    // how it was declined, and which quotation of which date.
    let (cells, heading, fields, what) = if p.refused {
        let cells = [
            ("Quotation", number.clone()),
            ("Quotation date", short_date(style, q.issued_on)),
            ("Answer", "Declined in writing".to_string()),
        ];
        let fields = vec![
            ("Quotation", number.clone()),
            ("Dated", long_date(style, q.issued_on)),
            ("Answer", "Declined in writing".to_string()),
        ];
        let what = format!(
            "You declined quotation {number} of {} in writing. Your watch has not been repaired and will be \
             returned to you in the condition in which it was received.",
            long_date(style, q.issued_on)
        );
        (cells, "Quotation declined", fields, what)
    } else {
        let cells = [
            ("Quotation", number.clone()),
            ("Valid through", short_date(style, q.valid_through)),
            ("Held until", short_date(style, hold_until)),
        ];
        let fields = vec![
            ("Quotation", number.clone()),
            ("Issued", long_date(style, q.issued_on)),
            ("Valid through", long_date(style, q.valid_through)),
            ("Held until", long_date(style, hold_until)),
        ];
        let what = format!(
            "We did not receive your answer to quotation {number} within its validity of {}. The quotation has \
             expired unanswered and we held your watch for a further {}, until {}. Your watch has not been \
             repaired and will be returned to you in the condition in which it was received.",
            policy.quotation_validity,
            policy.quotation_hold,
            long_date(style, hold_until)
        );
        (cells, "Quotation expired unanswered", fields, what)
    };
    let mut form = Form::start(fonts, p, RETURN_TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    form.parties(p);

    let label_w = sections::label_width(fonts, fields.iter().map(|(l, _)| *l), w);
    form.flow.place_kept(&sections::fields(fonts, heading, &fields, Column { x, w, label_w }), 3);
    form.flow.place(&Row::gap(1.5));
    form.flow.place(&block(fonts, &what, BODY, x, w, 0.0));
    form.flow.place(&Row::gap(2.0));
    let status = Row {
        height: STRONG.line_height() + 1.0,
        items: vec![text_item(fonts, "Status: not repaired, to be returned", STRONG, x, STRONG.baseline())],
    };
    form.flow.place(&status);
    form.flow.place(&Row::gap(SECTION_GAP));

    let fee = inspection_fee(q);
    let fee_line = if fee == Amount::ZERO {
        "No inspection fee is due.".to_string()
    } else {
        format!("Inspection fee due: {}", money(fee))
    };
    let storage = if policy.storage_fee_per_day == Amount::ZERO {
        "Storage is free of charge until the watch is collected or sent.".to_string()
    } else {
        format!(
            "Storage fees apply under the shop's policy: the watch is kept free of charge for {} from this notice; \
             after that a storage fee of {} a day is charged until it is collected or sent.",
            policy.storage_grace,
            money(policy.storage_fee_per_day)
        )
    };
    let mut rows = vec![sections::heading(fonts, "What you need to do now", x, w)];
    // A watch brought in is collected; one sent in may also go back at the customer's cost.
    for item in unrepaired_ways(&p.ticket).into_iter().chain([
        if fee == Amount::ZERO {
            fee_line.clone()
        } else {
            format!("{fee_line}, payable before the watch is released.")
        },
        storage,
    ]) {
        rows.push(bullet(fonts, &item, x, w));
    }
    form.flow.place_kept(&rows, 2);
    form.flow.place(&Row::gap(SECTION_GAP));

    let payment = settings.shop.payment_details.trim();
    if !payment.is_empty() || fee != Amount::ZERO {
        let fees = Row {
            height: STRONG.line_height() + 1.5,
            items: vec![text_item(fonts, &fee_line, STRONG, x, STRONG.baseline())],
        };
        let mut rows = vec![sections::heading(fonts, "Fees and payment", x, w), fees];
        if !payment.is_empty() {
            rows.push(block(fonts, &format!("Payment details:\n{payment}"), VALUE, x, w, 0.0));
        }
        form.flow.place_whole(&rows);
        form.flow.place(&Row::gap(SECTION_GAP));
    }

    let confirm = "Collected by / released to: by signing, the person collecting confirms that the watch and the \
                   accessories listed on the intake receipt were handed back, unrepaired.";
    let mut rows = vec![sections::heading(fonts, "Collection", x, w), block(fonts, confirm, NOTE, x, w, 1.0)];
    rows.push(sign_line(fonts, &["Collected by (name)", "Date", "Signature"], x, w));
    rows.push(Row::gap(2.0));
    rows.push(sign_line(fonts, &["Released by (staff)", "Date", "Signature"], x, w));
    form.flow.place_whole(&rows);
    form.finish(RETURN_TITLE)
}

/// The work order for a repair the warranty covers, at no cost to the customer: as PDF
/// bytes, on the shop's paper (A4 or US Letter), from the technician's covered assessment,
/// with the bench readings after the work where they were taken.
pub fn work_summary(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let assessment =
        p.assessment.as_ref().filter(|a| a.decision.is_covered()).ok_or(FormError::NotApplicable(NOT_COVERED))?;
    let settings = &p.settings;
    let policy = &settings.policy;
    let cost = settings.currency.format(Amount::ZERO);
    let style = settings.date_style;
    let cells = [("Received", short_date(style, p.ticket.received_on)), ("Cost to you", cost.clone())];
    let mut form = Form::start(fonts, p, WARRANTY_TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    form.parties(p);
    form.flow.place(&sections::warranty(fonts, &p.ticket.warranty.describe_in(style), x, w));
    form.flow.place(&Row::gap(SECTION_GAP));

    let findings = assessment.findings.trim();
    let findings = if findings.is_empty() { "None recorded." } else { findings };
    form.flow.place_kept(&sections::paragraph(fonts, "Technician's findings", findings, VALUE, x, w), 3);
    form.flow.place(&Row::gap(SECTION_GAP));
    if let Some(rows) = bench_readings(fonts, p, x, w) {
        form.flow.place_whole(&rows);
        form.flow.place(&Row::gap(SECTION_GAP));
    }

    let reason = assessment.decision.reason_label().trim();
    let decision = format!("Covered by warranty: {}", if reason.is_empty() { "yes" } else { reason });
    let shipping = if policy.shop_pays_shipping_within.is_none() {
        "Return shipping is at your cost under the shop's policy; you may also collect the watch in person free \
         of charge."
            .to_string()
    } else {
        format!(
            "Return shipping is at the shop's cost for problems reported within {} of receipt, as the shop's \
             policy provides; otherwise it is at your cost, or you may collect the watch in person.",
            policy.shop_pays_shipping_within
        )
    };
    let rows = vec![
        sections::heading(fonts, "Decision", x, w),
        Row {
            height: STRONG.line_height() + 0.8,
            items: vec![text_item(fonts, &decision, STRONG, x, STRONG.baseline())],
        },
        Row {
            height: STRONG.line_height() + 1.5,
            items: vec![text_item(fonts, &format!("Cost to you: {cost}"), STRONG, x, STRONG.baseline())],
        },
        bullet(fonts, "Parts and labour for this repair are covered in full; nothing is charged to you.", x, w),
        bullet(fonts, &shipping, x, w),
    ];
    form.flow.place_whole(&rows);
    form.flow.place(&Row::gap(SECTION_GAP));

    let rows = vec![
        sections::heading(fonts, "Technician", x, w),
        block(fonts, "I carried out the work described above under the warranty.", NOTE, x, w, 1.0),
        sign_line(fonts, &["Technician (name)", "Date", "Signature"], x, w),
    ];
    form.flow.place_whole(&rows);
    form.finish(WARRANTY_TITLE)
}

/// A page flow under the letterhead and the ticket band, with its footers still to draw.
pub(crate) struct Form<'f> {
    pub(crate) flow: Flow<'f>,
    shop: String,
    number: String,
    pub(crate) x: f32,
    pub(crate) w: f32,
    page_h: f32,
}

impl<'f> Form<'f> {
    /// A ticket's form: its number in the band, on the shop's letterhead and paper.
    pub(crate) fn start(
        fonts: &'f Fonts,
        p: &TicketPapers,
        title: &str,
        cells: &[(&str, String)],
    ) -> Result<Form<'f>, FormError> {
        let number = p.ticket.number.to_string();
        Form::begin(fonts, &p.settings, ("Ticket number", &number), title, p.logo.as_ref(), cells)
    }

    /// Under the letterhead, a band with `number` large under its label, its QR code and
    /// `cells` (with no cells, no code either: `number` names no record); the number also
    /// heads continued pages and ends the footer.
    pub(crate) fn begin(
        fonts: &'f Fonts,
        settings: &Settings,
        (label, number): (&str, &str),
        title: &str,
        logo: Option<&Image>,
        cells: &[(&str, String)],
    ) -> Result<Form<'f>, FormError> {
        let (page_w, page_h) = settings.paper.size_mm();
        let number = number.to_string();
        let (x, w) = (SIDE, page_w - 2.0 * SIDE);
        let mut canvas = Canvas::new(fonts, &format!("{title} {number}"), page_w, page_h);
        let top = header::letterhead(&mut canvas, title, &settings.shop, logo, x, w, TOP)?;
        let continued = header::continued(fonts, &number, title, x, w);
        let mut flow = Flow::new(canvas, TOP, page_h - BOTTOM, continued);
        flow.y = top;
        let band = match cells {
            // No record to scan (a report's period): the title, large, without a code.
            [] => header::title_band(fonts, label, &number, x, w),
            _ => header::band(fonts, label, &number, cells, x, w)?,
        };
        flow.place(&band);
        flow.place(&Row::gap(SECTION_GAP));
        Ok(Form { flow, shop: settings.shop.name.trim().to_string(), number, x, w, page_h })
    }

    /// Where the page's content must end, mm from the top.
    pub(crate) fn bottom(&self) -> f32 {
        self.page_h - BOTTOM
    }

    /// Customer on the left, the watch on the right.
    pub(crate) fn parties(&mut self, p: &TicketPapers) {
        let fonts = self.flow.canvas.fonts;
        let c = &p.customer;
        let customer = [("Name", c.name.clone()), ("Phone", c.phone.clone()), ("Email", c.email.clone())];
        let d = &p.ticket.details.device;
        let device = [
            ("Type", d.kind_label().to_string()),
            ("Brand / model", format!("{} {}", d.brand.trim(), d.model.trim()).trim().to_string()),
            (d.serial_label(), d.serial.clone()),
        ];
        let col_w = (self.w - COLUMN_GAP) / 2.0;
        let label_w = sections::label_width(fonts, customer.iter().chain(&device).map(|(l, _)| *l), col_w);
        let left = Column { x: self.x, w: col_w, label_w };
        let right = Column { x: self.x + col_w + COLUMN_GAP, w: col_w, label_w };
        let columns =
            [sections::fields(fonts, "Customer", &customer, left), sections::fields(fonts, "Watch", &device, right)];
        self.flow.place_columns(&columns, SECTION_GAP);
    }

    pub(crate) fn finish(self, title: &str) -> Result<Vec<u8>, FormError> {
        let footer_left = format!("{}  ·  {title} {}", self.shop, self.number);
        let mut canvas = self.flow.canvas;
        header::footers(&mut canvas, &footer_left, self.x, self.w, self.page_h - BOTTOM + 5.0);
        canvas.finish()
    }
}

/// A wrapped text as one row, with `after` mm below it.
pub(crate) fn block(fonts: &Fonts, text: &str, style: Style, x: f32, w: f32, after: f32) -> Row {
    let (items, h) = text_block(fonts, text, style, x, 0.0, w);
    Row { height: h + after, items }
}

/// A bulleted, wrapped item.
pub(crate) fn bullet(fonts: &Fonts, text: &str, x: f32, w: f32) -> Row {
    let (lines, h) = text_block(fonts, text, BODY, x + 4.0, 0.0, w - 4.0);
    let mut items = vec![text_item(fonts, "•", BODY, x + 0.8, BODY.baseline())];
    items.extend(lines);
    Row { height: h + 1.0, items }
}

/// Lines to write on, side by side (name, date, signature), each labelled underneath.
pub(crate) fn sign_line(fonts: &Fonts, labels: &[&str; 3], x: f32, w: f32) -> Row {
    sign_line_spaced(fonts, labels, x, w, 10.0)
}

/// The same lines with `space` mm above them to write in.
pub(crate) fn sign_line_spaced(fonts: &Fonts, labels: &[&str; 3], x: f32, w: f32, space: f32) -> Row {
    sign_line_filled(fonts, labels, &["", "", ""], x, w, space)
}

/// The same lines with what is already known written on them (the inspector's name, the
/// day), the rest left to write in by hand.
pub(crate) fn sign_line_filled(
    fonts: &Fonts,
    labels: &[&str; 3],
    values: &[&str; 3],
    x: f32,
    w: f32,
    space: f32,
) -> Row {
    let (gap, widths) = sign_widths(w);
    let mut items = Vec::new();
    let mut lx = x;
    for ((label, value), line_w) in labels.iter().zip(values).zip(widths) {
        items.push(Item::Rule { x1: lx, y1: space, x2: lx + line_w, y2: space, width_pt: 0.7, colour: Colour::INK });
        items.push(text_item(fonts, label, SIGN_LABEL, lx, space + 1.2 + SIGN_LABEL.baseline()));
        if !value.trim().is_empty() {
            let value = crate::layout::ellipsize(fonts, value.trim(), SIGN_VALUE, line_w);
            items.push(text_item(fonts, &value, SIGN_VALUE, lx + 0.5, space - 1.2));
        }
        lx += line_w + gap;
    }
    Row { height: space + 1.2 + SIGN_LABEL.line_height(), items }
}

/// The gap between the three lines and their widths (name, date, signature).
fn sign_widths(w: f32) -> (f32, [f32; 3]) {
    let gap = 8.0;
    (gap, [w * 0.36, w * 0.2, w * 0.44 - 2.0 * gap])
}

/// The same lines filled in, with a signature given on the screen above the third.
pub(crate) fn sign_line_inked(
    fonts: &Fonts,
    labels: &[&str; 3],
    values: &[&str; 3],
    ink: &crate::signature::Ink,
    x: f32,
    w: f32,
) -> Row {
    let space = crate::signature::INKED_SPACE;
    let mut row = sign_line_filled(fonts, labels, values, x, w, space);
    let (gap, [name_w, date_w, sign_w]) = sign_widths(w);
    row.items.push(ink.over_line(x + name_w + gap + date_w + gap, sign_w, space));
    row
}
