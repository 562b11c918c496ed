//! The Collection Notice: the repair is done. The work, the parts replaced, photos of the
//! watch, the balance, how to get the watch back, and from when storage is charged; then,
//! where the papers carry them, the shop's warranty on the work and the bench readings.

use caseback_domain::after_sale::message::ways_back;
use caseback_domain::after_sale::{CollectionNotice, Completion};
use caseback_domain::money::Amount;
use caseback_domain::papers::{Image, TicketPapers};
use caseback_domain::DateStyle;

use super::readings::bench_readings;
use super::service_warranty::service_warranty;
use super::table::{self, Grid};
use super::{account_rows, balance_label};
use crate::dates::{long_date, short_date};
use crate::draw::{Colour, Item, Placed};
use crate::error::FormError;
use crate::fonts::Fonts;
use crate::layout::Row;
use crate::notices::{block, bullet, Form, BODY};
use crate::photo;
use crate::receipt::sections::{self, SECTION_GAP, VALUE};
use crate::receipt::COLUMN_GAP;

const TITLE: &str = "Collection Notice";
const MISSING: &str = "No Collection Notice has been issued for this ticket.";
/// The notice's photos: a row of four, so that the notice keeps to one page; the rest are
/// counted and kept on file.
const NOTICE_PHOTOS: PhotoGrid = PhotoGrid { columns: 4, max: 4 };
/// What the balance table takes of the width when the payment details stand beside it.
const BALANCE_SHARE: f32 = 0.58;

/// The Collection Notice as PDF bytes, on the shop's paper, with the repaired watch's photos.
pub fn collection_notice(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let a = &p.after_sale;
    let (Some((completion, _)), Some(notice)) = (&a.completion, &a.notice) else {
        return Err(FormError::NotApplicable(MISSING));
    };
    let settings = &p.settings;
    let style = settings.date_style;
    let money = |v: Amount| settings.currency.format(v);
    let (balance, amount) = balance_label(&a.account);
    let storage = if notice.charges_storage() {
        ("Free storage through", short_date(style, notice.last_free_day))
    } else {
        ("Storage", "Free of charge".to_string())
    };
    let cells = [("Issued", short_date(style, notice.issued_on)), storage, (balance, money(amount))];
    let mut form = Form::start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    form.parties(p);

    work_done(&mut form, completion);
    // Under the photos, how to ask for more (where the shop offers it); where there are none,
    // with the other notes.
    let media = notice.media_request_by.map(|by| {
        format!("Would you like more photos or a video of the repaired watch? Ask us by {}.", long_date(style, by))
    });
    let title = "Photos of your repaired watch";
    let photos = &p.after_photos;
    let shown = photo_grid(&mut form, title, photos, photos.len(), NOTICE_PHOTOS, media.as_deref());
    balance_and_payment(&mut form, p);

    // In the message's words: collected, or sent back where it came by post or shipping was
    // arranged; the policy's insurance and signature rules only where it has them.
    let mut rows = vec![sections::heading(fonts, "How to get your watch back", x, w)];
    for way in ways_back(settings, &p.ticket, a.shipping.as_ref()) {
        rows.push(bullet(fonts, &way, x, w));
    }
    if notice.charges_storage() {
        rows.push(bullet(fonts, &storage_rule(notice, &money(notice.fee_per_day), style), x, w));
    }
    if let (false, Some(media)) = (shown, &media) {
        rows.push(bullet(fonts, media, x, w));
    }
    form.flow.place_kept(&rows, 2);
    // Last, so that the notice keeps to its page: the photos fill an A4 page's first, and the
    // readings of a mechanical watch would move the balance and the way back onto a second.
    if let Some(band) = service_warranty(fonts, p, x, w) {
        form.flow.place(&Row::gap(SECTION_GAP));
        form.flow.place(&band);
    }
    if let Some(rows) = bench_readings(fonts, p, x, w) {
        form.flow.place(&Row::gap(SECTION_GAP));
        form.flow.place_whole(&rows);
    }
    form.finish(TITLE)
}

/// The balance as of its day, with the shop's payment details beside it (how to pay it),
/// or across the page when the shop has none.
fn balance_and_payment(form: &mut Form, p: &TicketPapers) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let a = &p.after_sale;
    let title = format!("Balance as of {}", long_date(p.settings.date_style, a.as_of));
    let payment = p.settings.shop.payment_details.trim();
    if payment.is_empty() {
        form.flow.place_whole(&account_rows(fonts, &title, p, x, w));
        form.flow.place(&Row::gap(SECTION_GAP));
        return;
    }
    let left_w = (w - COLUMN_GAP) * BALANCE_SHARE;
    let (right_x, right_w) = (x + left_w + COLUMN_GAP, w - COLUMN_GAP - left_w);
    let columns = [
        account_rows(fonts, &title, p, x, left_w),
        sections::paragraph(fonts, "Payment details", payment, VALUE, right_x, right_w),
    ];
    form.flow.place_columns(&columns, SECTION_GAP);
}

/// "Storage is free through ... From <weekday date> storage costs <fee> per day ...".
fn storage_rule(notice: &CollectionNotice, fee: &str, style: DateStyle) -> String {
    format!(
        "Storage is free through {}. From {} storage costs {fee} per day until the watch is collected or shipped.",
        long_date(style, notice.last_free_day),
        long_date(style, notice.fees_from)
    )
}

/// The work performed (it may run onto the next page) and the parts replaced.
fn work_done(form: &mut Form, completion: &Completion) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let work = completion.work_performed.trim();
    let work = if work.is_empty() { "The repair is complete." } else { work };
    form.flow.place_kept(&sections::paragraph(fonts, "Your repair is done", work, BODY, x, w), 3);
    form.flow.place(&Row::gap(SECTION_GAP));
    if completion.parts.is_empty() {
        form.flow.place(&block(fonts, "No parts were replaced.", VALUE, x, w, SECTION_GAP));
        return;
    }
    let grid = Grid::new(fonts, x, w, &[("Part replaced", 0.0, false), ("The old part", 62.0, false)]);
    let rows: Vec<Row> = completion
        .parts
        .iter()
        .map(|part| grid.row(&[part.description.clone(), part.old_part.label().into()]))
        .collect();
    table::place(&mut form.flow, "Parts replaced", &grid, &rows, &[]);
}

/// How many photos a form shows, and in how many columns.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PhotoGrid {
    pub columns: usize,
    pub max: usize,
}

/// Up to `grid.max` of `images` in rows of `grid.columns` under `title`, each scaled to its
/// cell without distortion; of `total` photos on file, those not shown are counted ("+2
/// more photos on file": nothing else carries them to the customer), before `note`. Returns
/// whether any photo was shown (and so the note).
pub(crate) fn photo_grid(
    form: &mut Form,
    title: &str,
    images: &[Image],
    total: usize,
    grid: PhotoGrid,
    note: Option<&str>,
) -> bool {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let placed: Vec<Placed> =
        images.iter().filter_map(|image| photo::embed(&mut form.flow.canvas, image)).take(grid.max).collect();
    if placed.is_empty() {
        return false;
    }
    let gap = if grid.columns > 3 { 3.0 } else { 4.0 };
    let cell_w = (w - gap * (grid.columns - 1) as f32) / grid.columns as f32;
    // A row of four is kept low (the photos are fitted, not cropped) so the notice stays on one page.
    let cell_h = cell_w * if grid.columns > 3 { 0.6 } else { 0.75 };
    let mut rows = vec![sections::heading(fonts, title, x, w)];
    for chunk in placed.chunks(grid.columns) {
        let mut items = Vec::new();
        for (i, image) in chunk.iter().enumerate() {
            let cx = x + i as f32 * (cell_w + gap);
            items.push(Item::Fill { x: cx, y: 0.0, w: cell_w, h: cell_h, colour: Colour::TINT });
            items.push(photo::fitted(image, cx, 0.0, cell_w, cell_h));
        }
        rows.push(Row { height: cell_h + gap, items });
    }
    let more = total.max(images.len()).saturating_sub(placed.len());
    let more = match more {
        0 => None,
        1 => Some("+1 more photo on file.".to_string()),
        n => Some(format!("+{n} more photos on file.")),
    };
    let under: Vec<&str> = more.as_deref().into_iter().chain(note).collect();
    if !under.is_empty() {
        rows.push(block(fonts, &under.join(" "), VALUE, x, w, 0.0));
    }
    form.flow.place_kept(&rows, 2);
    form.flow.place(&Row::gap(SECTION_GAP));
    true
}
