//! The after-sale forms read back as a customer, a courier and customs would: pdftotext,
//! pdfinfo, pdfimages and zbarimg.

use std::path::{Path, PathBuf};

use caseback_domain::after_sale::{EntryKind, PaymentMethod};
use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_domain::{Amount, Code, Percent};
use caseback_forms::{
    collection_notice, commercial_invoice, payment_receipt, render_ticket, shipping_label, shipping_notice, Fonts,
    FormError, FormKind,
};
use jiff::civil::Date;

use crate::common::after_sale::*;
use crate::common::*;

fn long(date: Date) -> String {
    date.strftime("%A %-d %B %Y").to_string()
}

/// `kind` of `case` written to a scratch folder, rendered as the app renders it.
fn pdf_of(case: &Case, kind: FormKind, dir: &Path) -> PathBuf {
    let bytes = render_ticket(fonts(), kind, &case.papers()).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    write_pdf(dir, &format!("{}.pdf", kind.name()), &bytes)
}

/// The after-sale form's own function, which says which of its facts is missing.
fn drawing(kind: FormKind) -> fn(&Fonts, &TicketPapers) -> Result<Vec<u8>, FormError> {
    match kind {
        FormKind::CollectionNotice => collection_notice,
        FormKind::PaymentReceipt => payment_receipt,
        FormKind::ShippingNotice => shipping_notice,
        FormKind::CommercialInvoice => commercial_invoice,
        FormKind::ShippingLabel => shipping_label,
        other => panic!("{other:?} is not an after-sale form"),
    }
}

fn assert_has(text: &str, expected: &[String]) {
    let text = squeezed(text);
    for e in expected {
        assert!(text.contains(&squeezed(e)), "{e:?} missing from:\n{text}");
    }
}

/// Images drawn in the PDF, from `pdfimages -list` (two header lines, one line an image).
fn image_count(pdf: &Path) -> usize {
    run("pdfimages", &["-list", pdf.to_str().unwrap()]).lines().skip(2).filter(|l| !l.trim().is_empty()).count()
}

#[test]
fn collection_notice_prints_the_work_photos_balance_storage_and_deadlines() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let case = Case::ready(paper, NOTICE_ON);
        let notice = case.notice.unwrap();
        let dir = scratch();
        let pdf = pdf_of(&case, FormKind::CollectionNotice, dir.path());
        let money = |a| case.settings.currency.format(a);
        let num = |a| case.settings.currency.format_number(a);
        assert!(case.account.balance.0 > 0);
        assert_has(
            &text_of(&pdf),
            &[
                "Collection Notice".into(),
                "R-2026-01307".into(),
                "王小明".into(),
                "Presage SRPB41J1".into(),
                WORK.into(),
                "Mainspring 4R35 (genuine Seiko)".into(),
                "Retained by the shop".into(),
                "Returned to the customer".into(),
                format!("Balance due (HKD) {}", num(case.account.balance)),
                format!("Paid {}", num(case.account.paid)),
                format!("Storage is free through {}.", long(notice.last_free_day)),
                format!("From {} storage costs {} per day", long(notice.fees_from), money(notice.fee_per_day)),
                "From Tuesday 8 December 2026 storage costs HKD 10.00 per day".into(),
                format!("Ask us by {}", long(notice.media_request_by.expect("the sample offers extra media"))),
                "payment confirmation, printed or on your phone".into(),
                "8% of the order total".into(),
                "non-refundable".into(),
                "more than HKD 500.00 travel with signature on delivery".into(),
                "FPS 1234567".into(),
            ],
        );
        assert_eq!(image_count(&pdf), 2, "{paper:?}: both photos embedded");
        assert!(qr_codes(&pdf, 1).contains(&"R-2026-01307".to_string()));
        if paper == PaperSize::A4 {
            assert_eq!(page_count(&pdf), 1, "the notice with its photos fits one A4 page");
        }
    }
}

#[test]
fn collection_notice_shows_four_photos_and_counts_the_rest_as_on_file() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    let dir = scratch();
    let two = std::fs::metadata(pdf_of(&case, FormKind::CollectionNotice, dir.path())).unwrap().len();
    for i in 0..6 {
        case.photos.push(("image/jpeg", photo_jpeg(480 + 40 * i, 360)));
    }
    let pdf = pdf_of(&case, FormKind::CollectionNotice, dir.path());
    assert_eq!(image_count(&pdf), 4);
    // Nothing sends the other photos with the notice: they are on file.
    let text = squeezed(&text_of(&pdf));
    assert!(text.contains("+4 more photos on file"), "{text}");
    assert!(!text.contains("sent with this notice"), "{text}");
    assert_eq!(page_count(&pdf), 1, "a row of four photos keeps the notice to one page");
    assert!(std::fs::metadata(&pdf).unwrap().len() > two, "more photos, a larger file");
    case.photos.clear();
    let pdf = pdf_of(&case, FormKind::CollectionNotice, dir.path());
    assert_eq!(image_count(&pdf), 0);
    assert!(std::fs::metadata(&pdf).unwrap().len() < two, "the photos are in the file");
}

#[test]
fn photos_go_in_as_jpeg_upright_and_at_most_1600_pixels() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    case.photos = vec![
        ("image/jpeg", photo_jpeg(640, 480)),
        ("image/jpeg", photo_jpeg(2000, 1000)),
        ("image/jpeg", with_orientation(&photo_jpeg(640, 480), 6)),
        ("image/png", photo_png(300, 400)),
        ("image/png", b"not an image".to_vec()),
    ];
    let dir = scratch();
    let pdf = pdf_of(&case, FormKind::CollectionNotice, dir.path());
    let list = run("pdfimages", &["-list", pdf.to_str().unwrap()]);
    // width, height and encoding of each image, in the order drawn.
    let images: Vec<(String, String, String)> = list
        .lines()
        .skip(2)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[3].to_string(), f[4].to_string(), f[8].to_string())
        })
        .collect();
    let expected = [("640", "480"), ("1600", "800"), ("480", "640"), ("300", "400")];
    assert_eq!(images.len(), expected.len(), "the unreadable one is left out:\n{list}");
    for ((w, h, enc), (ew, eh)) in images.iter().zip(expected) {
        assert_eq!((w.as_str(), h.as_str(), enc.as_str()), (ew, eh, "jpeg"), "{list}");
    }
    assert_has(&text_of(&pdf), &["+1 more photo on file".into()]);
}

/// `jpeg` with an EXIF block saying how the camera was held (6: turn a quarter clockwise).
fn with_orientation(jpeg: &[u8], orientation: u8) -> Vec<u8> {
    let mut tiff = b"Exif\0\0II\x2a\x00\x08\x00\x00\x00\x01\x00".to_vec();
    tiff.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]);
    let len = (tiff.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(len.to_be_bytes());
    out.extend(tiff);
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn collection_notice_of_a_shop_without_storage_fee_says_nothing_of_storage() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    case.settings.policy.storage_fee_per_day = Amount::ZERO;
    case.notice = Some(caseback_domain::after_sale::CollectionNotice::issue(&case.settings.policy, NOTICE_ON));
    case.recompute();
    let dir = scratch();
    let text = squeezed(&text_of(&pdf_of(&case, FormKind::CollectionNotice, dir.path())));
    assert!(!text.contains("storage costs"), "{text}");
    assert!(text.contains("Free of charge"), "{text}");
}

#[test]
fn receipt_is_paid_in_full_only_when_settled() {
    let dir = scratch();
    let shipped = Case::shipped(PaperSize::A4);
    assert!(shipped.account.is_settled());
    let pdf = pdf_of(&shipped, FormKind::PaymentReceipt, dir.path());
    let num = |a| shipped.settings.currency.format_number(a);
    let q = &shipped.quotation;
    assert_has(
        &text_of(&pdf),
        &[
            "Receipt".into(),
            "Tax invoice · Tax ID BR 61234567".into(),
            format!("Repair, quotation {}", q.number),
            "Mainspring 4R35 (genuine Seiko part, ordered)".into(),
            "No tax".into(),
            format!("GST 10% on {}", num(q.repair.taxable)),
            format!("Total (HKD) {}", num(q.repair.total)),
            format!("Cosmetic total (HKD) {}", num(q.cosmetic.total)),
            "Storage from 8 December 2026, 3 days".into(),
            "Shipping insurance (non-refundable)".into(),
            format!("Total charges (HKD) {}", num(shipped.account.total_charges)),
            "VISA 4242 auth 081532".into(),
            "FPS 7781234".into(),
            "Bank transfer".into(),
            "Nothing to pay (HKD) 0.00".into(),
            "PAID IN FULL".into(),
            format!("Payment received with thanks. Last payment: {}", long(DISPATCHED_ON)),
        ],
    );

    let owing = Case::ready(PaperSize::Letter, NOTICE_ON);
    let text = squeezed(&text_of(&pdf_of(&owing, FormKind::PaymentReceipt, dir.path())));
    assert!(!text.contains("PAID IN FULL"), "{text}");
    let num = |a| owing.settings.currency.format_number(a);
    assert!(text.contains(&format!("Balance due (HKD) {}", num(owing.account.balance))), "{text}");
    assert!(text.contains("Payment received with thanks"), "{text}");
}

#[test]
fn shipping_notice_has_tracking_as_text_and_barcode_and_the_delivery_dates() {
    let case = Case::shipped(PaperSize::Letter);
    let dir = scratch();
    let pdf = pdf_of(&case, FormKind::ShippingNotice, dir.path());
    let costs = case.account.shipping.unwrap();
    let money = |a| case.settings.currency.format(a);
    assert_has(
        &text_of(&pdf),
        &[
            "Shipping Notice".into(),
            TRACKING.into(),
            "UPS".into(),
            "Worldwide Express Saver".into(),
            // Thursday 10 December + 3 and + 7 business days.
            // The band's cell, wrapped: "Tue 15 December 2026 to / Mon 21 December 2026".
            "Tue 15 December 2026 to".into(),
            "Mon 21 December 2026".into(),
            "Tuesday 15 December 2026 to".into(),
            "Monday 21 December 2026 (3 to 7".into(),
            "business days)".into(),
            "Laguna City".into(),
            "Signature on delivery Yes".into(),
            format!("premium {}", money(costs.insurance)),
            format!("Declared value {}", money(Amount(380_000))),
        ],
    );
    let codes = qr_codes(&pdf, 1);
    assert!(codes.contains(&TRACKING.to_string()), "the barcode reads back: {codes:?}");
    assert!(codes.contains(&"R-2026-01307".to_string()), "{codes:?}");
}

#[test]
fn a_shop_without_shipping_insurance_never_mentions_it() {
    let mut case = Case::shipped(PaperSize::A4);
    case.settings.policy.shipping_insurance_rate = caseback_domain::Percent(0);
    case.shipping.as_mut().unwrap().insured = false;
    case.recompute();
    let dir = scratch();
    let text = text_of(&pdf_of(&case, FormKind::ShippingNotice, dir.path()));
    assert!(text.contains("Declared value") && !text.to_lowercase().contains("insur"), "{text}");
}

#[test]
fn shipping_label_is_4_by_6_inches_and_both_codes_scan() {
    let case = Case::shipped(PaperSize::A4);
    let dir = scratch();
    let pdf = pdf_of(&case, FormKind::ShippingLabel, dir.path());
    assert!(squeezed(&info_of(&pdf)).contains("Page size: 288 x 432 pts"), "{}", info_of(&pdf));
    assert_eq!(page_count(&pdf), 1);
    let mut codes = qr_codes(&pdf, 1);
    codes.sort();
    assert_eq!(codes, [TRACKING, "R-2026-01307"]);
    assert_has(
        &text_of(&pdf),
        &[
            "FROM".into(),
            "Lx Watch Repair".into(),
            "王小明".into(),
            "8 Cha Kwo Ling Road".into(),
            "Hong Kong".into(),
            "SIGNATURE REQUIRED".into(),
            "UPS Worldwide Express Saver".into(),
        ],
    );
    assert_inside(&pdf, 2.0);
}

#[test]
fn a_long_name_and_address_shrink_to_fit_the_label() {
    let mut case = Case::shipped(PaperSize::A4);
    case.customer.name = "Alexandrina Konstantinopoulou-Vanderbilt-Montgomery".into();
    let long_address =
        (1..=9).map(|i| format!("Line {i} of a very long delivery address, Unit {i}")).collect::<Vec<_>>();
    case.shipping.as_mut().unwrap().address = long_address.join("\n");
    case.shipping.as_mut().unwrap().signature = false;
    let dir = scratch();
    let pdf = pdf_of(&case, FormKind::ShippingLabel, dir.path());
    assert_eq!(page_count(&pdf), 1);
    assert_inside(&pdf, 2.0);
    let text = squeezed(&text_of(&pdf));
    assert!(!text.contains("SIGNATURE REQUIRED"), "{text}");
    assert!(text.contains("Line 1 of a very long"), "{text}");
    let mut codes = qr_codes(&pdf, 1);
    codes.sort();
    assert_eq!(codes, [TRACKING, "R-2026-01307"]);
}

#[test]
fn commercial_invoice_marks_returned_goods_and_lists_the_repair_apart() {
    let case = Case::shipped(PaperSize::A4);
    let dir = scratch();
    let pdf = pdf_of(&case, FormKind::CommercialInvoice, dir.path());
    let num = |a| case.settings.currency.format_number(a);
    let service = case.quotation.repair.total.0 + case.quotation.cosmetic.total.0;
    assert_has(
        &text_of(&pdf),
        &[
            "COMMERCIAL INVOICE".into(),
            "RETURNED GOODS".into(),
            "Return of a repaired item to its owner; not a sale.".into(),
            "Exporter".into(),
            "BR 61234567".into(),
            "Consignee".into(),
            "Laguna City".into(),
            "Reason for export Returned goods after repair".into(),
            TRACKING.into(),
            "Mechanical watch: Seiko Presage SRPB41J1 Cocktail Time, serial 4R35-00A0 9N1234".into(),
            format!("Total declared value (HKD) {}", num(Amount(380_000))),
            "Repair service (not goods)".into(),
            num(Amount(service)),
            "Signature".into(),
        ],
    );
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn each_form_refuses_when_its_facts_are_missing() {
    let refused = |case: &Case, kind: FormKind, with_facts: bool| -> String {
        let mut papers = case.papers();
        if !with_facts {
            papers.after_sale = nothing_after_the_repair(&case.settings, case.as_of);
        }
        // The app's way in refuses by the domain's rule, before the form is drawn.
        let app = render_ticket(fonts(), kind, &papers);
        assert!(matches!(app, Err(FormError::NotApplicable(_))), "{kind:?} was not refused by the domain's rule");
        if kind == FormKind::PaymentReceipt {
            // Nothing in it would be missing (an empty account prints as such): the domain's
            // rule alone decides when there is a receipt to give.
            return app.err().map(|e| e.to_string()).unwrap_or_default();
        }
        match drawing(kind)(fonts(), &papers) {
            Err(e) => {
                assert_eq!(e.code(), Code::FormNotApplicable);
                e.to_string()
            }
            Ok(_) => panic!("{kind:?} rendered without its facts"),
        }
    };
    let kinds = [
        FormKind::CollectionNotice,
        FormKind::PaymentReceipt,
        FormKind::ShippingNotice,
        FormKind::CommercialInvoice,
        FormKind::ShippingLabel,
    ];
    let ready = Case::ready(PaperSize::A4, NOTICE_ON);
    for kind in kinds {
        refused(&ready, kind, false);
    }
    assert_eq!(refused(&ready, FormKind::ShippingNotice, true), "This ticket has not been dispatched yet.");
    assert_eq!(refused(&ready, FormKind::ShippingLabel, true), "This ticket has not been dispatched yet.");
    assert_eq!(refused(&ready, FormKind::CommercialInvoice, true), "No shipping has been arranged for this ticket.");

    let mut no_notice = Case::ready(PaperSize::A4, NOTICE_ON);
    no_notice.notice = None;
    assert_eq!(
        refused(&no_notice, FormKind::CollectionNotice, true),
        "No Collection Notice has been issued for this ticket."
    );

    let mut no_invoice = Case::shipped(PaperSize::A4);
    no_invoice.shipping.as_mut().unwrap().commercial_invoice = false;
    assert_eq!(
        refused(&no_invoice, FormKind::CommercialInvoice, true),
        "No commercial invoice was requested for this shipment."
    );

    let mut nothing = Case::ready(PaperSize::A4, NOTICE_ON);
    nothing.payments.clear();
    nothing.notice = None;
    nothing.accepted = false;
    nothing.recompute();
    assert_eq!(nothing.account.total_charges, Amount::ZERO);
    assert!(refused(&nothing, FormKind::PaymentReceipt, true).contains("Nothing has been charged or paid"));
}

/// Every word at least `margin_mm` inside the page's edges.
fn assert_inside(pdf: &Path, margin_mm: f32) {
    let ((w, h), words) = word_boxes(pdf);
    let margin = margin_mm * 72.0 / 25.4;
    for word in &words {
        assert!(word.x_max <= w - margin && word.y_max <= h - margin, "{word:?} runs off the {w} x {h} page");
    }
}

/// A notice of `case` and its receipt, as text.
fn notice_and_receipt(case: &Case, dir: &Path) -> (String, String) {
    let notice = squeezed(&text_of(&pdf_of(case, FormKind::CollectionNotice, dir)));
    let receipt = squeezed(&text_of(&pdf_of(case, FormKind::PaymentReceipt, dir)));
    (notice, receipt)
}

#[test]
fn payments_are_positive_and_refunds_negative_on_the_notice_and_the_receipt_alike() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    // The customer pays 3,000.00 more than the deposit, too much, and 100.00 goes back.
    let overpaid = payment(2, EntryKind::Payment, 300_000, PaymentMethod::Cash, "", NOTICE_ON);
    let refund = payment(3, EntryKind::Refund, 10_000, PaymentMethod::Cash, "change", NOTICE_ON);
    case.payments.extend([overpaid, refund]);
    case.recompute();
    let account = &case.account;
    assert!(account.balance.0 < 0, "a credit is left: {account:?}");
    let num = |a| case.settings.currency.format_number(a);
    let credit = num(Amount(-account.balance.0));
    let dir = scratch();
    let (notice, receipt) = notice_and_receipt(&case, dir.path());
    for text in [&notice, &receipt] {
        for expected in [
            format!("Paid {}", num(account.paid)),
            "Refunded -100.00".to_string(),
            format!("Credit to refund (HKD) {credit}"),
        ] {
            assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
        }
        assert!(!text.contains(&format!("-{}", num(account.paid))), "a payment shown negative:\n{text}");
    }
    // Row by row on the receipt: each payment as received, the refund taken off.
    assert!(receipt.contains("Payment Cash — 3,000.00"), "{receipt}");
    assert!(receipt.contains("Refund Cash change -100.00"), "{receipt}");
    // And the balance adds up: charges less what was paid, plus what went back.
    assert_eq!(account.total_charges.0 - account.paid.0 + account.refunded.0, account.balance.0);
}

#[test]
fn no_tax_line_when_the_shops_rate_is_zero() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    case.settings.tax.rate = Percent(0);
    case.quotation = quotation(&case.settings, &case.ticket, quote_lines(true));
    case.recompute();
    let dir = scratch();
    let doc = TicketPapers { quotation: Some(case.quotation.clone()), ..case.papers() };
    let bytes = caseback_forms::quotation(fonts(), &doc).unwrap();
    let quotation_text = squeezed(&text_of(&write_pdf(dir.path(), "quotation.pdf", &bytes)));
    let receipt = squeezed(&text_of(&pdf_of(&case, FormKind::PaymentReceipt, dir.path())));
    let num = |a| case.settings.currency.format_number(a);
    for text in [&quotation_text, &receipt] {
        for absent in ["GST", "0%", "No tax", "Subtotal"] {
            assert!(!text.contains(absent), "{absent:?} at a 0% shop:\n{text}");
        }
        assert!(text.contains(&format!("Total (HKD) {}", num(case.quotation.repair.total))), "{text}");
    }
    // At 10% both still show it.
    let taxed = Case::ready(PaperSize::A4, NOTICE_ON);
    let receipt = squeezed(&text_of(&pdf_of(&taxed, FormKind::PaymentReceipt, dir.path())));
    assert!(receipt.contains("GST 10% on") && receipt.contains("Subtotal") && receipt.contains("No tax"), "{receipt}");
}

#[test]
fn a_turkish_style_receipt_writes_12_499_00_and_01_12_2026() {
    let day = jiff::civil::date(2026, 12, 1);
    let mut case = Case::ready(PaperSize::A4, day);
    case.settings = in_turkish_style(case.settings.clone());
    let paid = payment(2, EntryKind::Payment, 1_249_900, PaymentMethod::BankTransfer, "EFT 4471", day);
    case.payments.push(paid);
    case.recompute();
    let dir = scratch();
    let (notice, receipt) = notice_and_receipt(&case, dir.path());
    for expected in ["01.12.2026 Payment Bank transfer EFT 4471 12.499,00", "Tue 01.12.2026", "Tuesday 01.12.2026"] {
        assert!(receipt.contains(expected), "{expected:?} missing from:\n{receipt}");
    }
    assert!(receipt.contains(&format!("Paid {}", case.settings.currency.format_number(case.account.paid))));
    assert!(notice.contains("Balance as of Tuesday 01.12.2026"), "{notice}");
    let mut shipped = Case::shipped(PaperSize::A4);
    shipped.settings = in_turkish_style(shipped.settings.clone());
    let shipped = squeezed(&text_of(&pdf_of(&shipped, FormKind::PaymentReceipt, dir.path())));
    assert!(shipped.contains("Storage from 08.12.2026, 3 days"), "the storage charge's date too:\n{shipped}");
    for text in [&notice, &receipt, &shipped] {
        assert!(!text.contains("2026-1"), "an ISO date on a Turkish-style form:\n{text}");
        assert!(!text.contains("December"), "a date in words on a Turkish-style form:\n{text}");
    }
}
