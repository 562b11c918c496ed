//! The Collection Notice: the repair is done. The work, the parts replaced, photos of the
//! watch, the balance, how to get the watch back, and from when storage is charged.

use caseback_domain::after_sale::{AfterSale, CollectionNotice, Completion};
use caseback_domain::money::Amount;
use caseback_domain::papers::{Image, TicketPapers};

use super::table::{self, Grid};
use super::{account_table, balance_label, long_date, short_date};
use crate::draw::{Colour, Item, Placed};
use crate::error::FormError;
use crate::fonts::Fonts;
use crate::layout::Row;
use crate::notices::{block, bullet, Form, BODY};
use crate::photo;
use crate::receipt::sections::{self, SECTION_GAP, VALUE};

const TITLE: &str = "Collection Notice";
const MISSING: &str = "No Collection Notice has been issued for this ticket.";
/// Photos printed; the rest go with the notice by email or message.
const MAX_PHOTOS: usize = 6;
const PHOTO_COLUMNS: usize = 3;
const PHOTO_GAP: f32 = 4.0;

/// The Collection Notice as PDF bytes, on the shop's paper, with the repaired watch's photos.
pub fn collection_notice(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    let a = &p.after_sale;
    let (Some((completion, _)), Some(notice)) = (&a.completion, &a.notice) else {
        return Err(FormError::NotApplicable(MISSING));
    };
    let settings = &p.settings;
    let money = |v: Amount| settings.currency.format(v);
    let (balance, amount) = balance_label(&a.account);
    let storage = if notice.charges_storage() {
        ("Free storage through", short_date(notice.last_free_day))
    } else {
        ("Storage", "Free of charge".to_string())
    };
    let cells = [("Issued", short_date(notice.issued_on)), storage, (balance, money(amount))];
    let mut form = Form::start(fonts, p, TITLE, &cells)?;
    let (x, w) = (form.x, form.w);
    form.parties(p);

    work_done(&mut form, completion);
    photos(&mut form, &p.after_photos);
    let as_of = format!("Balance as of {}", long_date(a.as_of));
    account_table(&mut form.flow, &as_of, &a.account, settings.currency, x, w);

    let mut rows = vec![sections::heading(fonts, "How to get your watch back", x, w)];
    let address = settings.shop.address.trim();
    let at = if address.is_empty() { String::new() } else { format!(" ({address})") };
    rows.push(bullet(
        fonts,
        &format!(
            "Collect it at the shop{at}. Bring your payment confirmation, printed or on your phone, and quote \
             ticket {}.",
            p.ticket.number
        ),
        x,
        w,
    ));
    rows.push(bullet(fonts, &shipping_offer(p, a), x, w));
    form.flow.place_kept(&rows, 2);
    form.flow.place(&Row::gap(SECTION_GAP));

    let mut rows = vec![sections::heading(fonts, "Please note", x, w)];
    if notice.charges_storage() {
        rows.push(bullet(fonts, &storage_rule(notice, &money(notice.fee_per_day)), x, w));
    }
    let media = format!(
        "Would you like more photos or a video of the repaired watch? Ask us by {}.",
        long_date(notice.media_request_by)
    );
    rows.push(bullet(fonts, &media, x, w));
    form.flow.place_kept(&rows, 2);
    form.flow.place(&Row::gap(SECTION_GAP));

    let payment = settings.shop.payment_details.trim();
    if !payment.is_empty() {
        form.flow.place_kept(&sections::paragraph(fonts, "Payment details", payment, VALUE, x, w), 2);
    }
    form.finish(TITLE)
}

/// "Storage is free through ... From <weekday date> storage costs <fee> per day ...".
fn storage_rule(notice: &CollectionNotice, fee: &str) -> String {
    format!(
        "Storage is free through {}. From {} storage costs {fee} per day until the watch is collected or shipped.",
        long_date(notice.last_free_day),
        long_date(notice.fees_from)
    )
}

/// The courier option with the policy's insurance and signature rules.
fn shipping_offer(p: &TicketPapers, a: &AfterSale) -> String {
    let policy = &p.settings.policy;
    let mut text = "Or ask us to ship it to you by courier, at your cost.".to_string();
    if policy.shipping_insurance_rate.0 > 0 {
        text.push_str(&format!(
            " Insurance is optional, at {} of the order total (the repair charges plus shipping), and is \
             non-refundable.",
            policy.shipping_insurance_rate
        ));
    }
    if policy.signature_threshold.0 > 0 {
        text.push_str(&format!(
            " Parcels worth more than {} travel with signature on delivery.",
            p.settings.currency.format(policy.signature_threshold)
        ));
    }
    if let Some(s) = &a.shipping {
        let service = if s.service.trim().is_empty() { String::new() } else { format!(" {}", s.service.trim()) };
        text.push_str(&format!(" You chose {}{service}: we send it once the balance is settled.", s.courier_label()));
    }
    text
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

/// The repaired watch's photos, up to six; the rest go with the notice.
fn photos(form: &mut Form, photos: &[Image]) {
    photo_grid(form, "Photos of your repaired watch", photos, photos.len(), "sent with this notice");
}

/// Up to six of `images` in a grid under `title`, each scaled to its cell without
/// distortion; of `total` photos, those not shown are counted: "+2 more photos <where>".
pub(crate) fn photo_grid(form: &mut Form, title: &str, images: &[Image], total: usize, elsewhere: &str) {
    let fonts = form.flow.canvas.fonts;
    let (x, w) = (form.x, form.w);
    let placed: Vec<Placed> =
        images.iter().filter_map(|image| photo::embed(&mut form.flow.canvas, image)).take(MAX_PHOTOS).collect();
    if placed.is_empty() {
        return;
    }
    let cell_w = (w - PHOTO_GAP * (PHOTO_COLUMNS - 1) as f32) / PHOTO_COLUMNS as f32;
    let cell_h = cell_w * 0.75;
    let mut rows = vec![sections::heading(fonts, title, x, w)];
    for chunk in placed.chunks(PHOTO_COLUMNS) {
        let mut items = Vec::new();
        for (i, image) in chunk.iter().enumerate() {
            let cx = x + i as f32 * (cell_w + PHOTO_GAP);
            items.push(Item::Fill { x: cx, y: 0.0, w: cell_w, h: cell_h, colour: Colour::TINT });
            items.push(fitted(image, cx, 0.0, cell_w, cell_h));
        }
        rows.push(Row { height: cell_h + PHOTO_GAP, items });
    }
    let more = total.max(images.len()).saturating_sub(placed.len());
    if more > 0 {
        let s = if more == 1 { "" } else { "s" };
        rows.push(block(fonts, &format!("+{more} more photo{s} {elsewhere}"), VALUE, x, w, 0.0));
    }
    form.flow.place_kept(&rows, 2);
    form.flow.place(&Row::gap(SECTION_GAP));
}

/// `image` as large as fits a `w` x `h` box, centred in it, its aspect kept.
fn fitted(image: &Placed, x: f32, y: f32, w: f32, h: f32) -> Item {
    let (px_w, px_h) = (image.1 as f32, image.2 as f32);
    let scale = (w / px_w).min(h / px_h);
    let (iw, ih) = (px_w * scale, px_h * scale);
    Item::Image { x: x + (w - iw) / 2.0, y: y + (h - ih) / 2.0, w: iw, image: image.clone() }
}
