//! Each form on each paper or label stock it is laid out for, read back: the page is the
//! stock's size, the text and the codes are all there, nothing runs off the label; and the
//! stock a form is not laid out for is refused. With `CASEBACK_LABEL_SHOTS` set, every
//! label drawn is also kept as PDF and PNG in `target/label-shots/` for a person to look at.

use std::path::{Path, PathBuf};

use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::TicketPapers;
use caseback_domain::printing::{FormShape, Media};
use caseback_domain::settings::PaperSize;
use caseback_domain::Code;
use caseback_forms::{
    render_return_case_on, render_ticket, render_ticket_on, ticket_tags, FormError, FormKind, ReturnFormKind,
};

use crate::common::after_sale::{Case, TRACKING};
use crate::common::returns::{ayse, Return, ORDER};
use crate::common::*;

const LONG_NAME: &str = "Maximilian Alexander Konstantinopoulos-Vanderbilt de la Cruz";

/// Keeps `pdf` as `name`.pdf and its pages as PNG at 150 dpi in target/label-shots, when
/// `CASEBACK_LABEL_SHOTS` is set.
fn keep_a_shot(pdf: &Path, name: &str) {
    if std::env::var_os("CASEBACK_LABEL_SHOTS").is_none() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/label-shots");
    std::fs::create_dir_all(&dir).unwrap();
    let kept = dir.join(format!("{name}.pdf"));
    std::fs::copy(pdf, &kept).unwrap();
    let stem = dir.join(name);
    let mut args = vec!["-png", "-r", "150"];
    if page_count(pdf) == 1 {
        args.push("-singlefile");
    }
    args.extend([kept.to_str().unwrap(), stem.to_str().unwrap()]);
    run("pdftoppm", &args);
}

/// The page's size from pdfinfo, in mm.
fn page_size_mm(pdf: &Path) -> (f32, f32) {
    let info = info_of(pdf);
    let line = info.lines().find(|l| l.starts_with("Page size:")).expect("pdfinfo prints the page size");
    let pts: Vec<f32> = line["Page size:".len()..].split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (pts[0] * 25.4 / 72.0, pts[1] * 25.4 / 72.0)
}

fn assert_page_is(pdf: &Path, media: Media) {
    let (w, h) = page_size_mm(pdf);
    let (mw, mh) = media.size_mm();
    assert!((w - mw).abs() < 0.05 && (h - mh).abs() < 0.05, "{w} x {h} mm is not {}", media.title());
}

/// Every word at least `margin_mm` inside all four edges of its page.
fn assert_inside(pdf: &Path, margin_mm: f32) {
    let ((w, h), words) = word_boxes(pdf);
    assert!(!words.is_empty(), "no text in {}", pdf.display());
    let m = margin_mm * 72.0 / 25.4;
    for word in &words {
        let inside = word.x_min >= m && word.y_min >= m && word.x_max <= w - m && word.y_max <= h - m;
        assert!(inside, "{word:?} is within {margin_mm} mm of an edge of the {w} x {h} pt page");
    }
}

fn assert_has(text: &str, expected: &[&str]) {
    let text = squeezed(text);
    for e in expected {
        assert!(text.contains(e), "{e:?} missing from {text:?}");
    }
}

fn tag_stock() -> &'static [Media] {
    FormShape::Tag.media()
}

fn parcel_stock() -> &'static [Media] {
    FormShape::ParcelLabel.media()
}

fn tag_on(p: &TicketPapers, media: Media, dir: &Path, name: &str) -> PathBuf {
    let bytes = render_ticket_on(fonts(), FormKind::TicketTag, p, media).unwrap_or_else(|e| panic!("{e}"));
    let pdf = write_pdf(dir, &format!("{name}.pdf"), &bytes);
    keep_a_shot(&pdf, name);
    pdf
}

#[test]
fn the_bag_tag_on_every_tag_stock_has_its_number_name_model_and_code_inside_the_label() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let dir = scratch();
    for &media in tag_stock() {
        let pdf = tag_on(&papers(&shop, &ticket, &cagri()), media, dir.path(), &format!("tag-{}", media.key()));
        assert_page_is(&pdf, media);
        assert_eq!(page_count(&pdf), 1);
        assert_has(&text_of(&pdf), &["R-2026-00042", "Çağrı Öztürk", "KOSPET Tank T3 Ultra", "Booked in"]);
        assert_eq!(qr_codes(&pdf, 1), ["R-2026-00042"], "{media:?}");
        assert_inside(&pdf, 1.5);
    }
}

#[test]
fn a_long_name_is_cut_after_its_start_and_a_chinese_name_prints_whole_on_every_tag_stock() {
    let shop = hong_kong_shop(PaperSize::Letter);
    let ticket = ticket(&shop, 1307, seiko_details());
    let long = CustomerDetails { name: LONG_NAME.into(), ..cagri() };
    let dir = scratch();
    for &media in tag_stock() {
        let pdf = tag_on(&papers(&shop, &ticket, &long), media, dir.path(), &format!("tag-{}-long-name", media.key()));
        assert_page_is(&pdf, media);
        let text = squeezed(&text_of(&pdf));
        assert_has(&text, &["R-2026-01307", "Seiko Presage"]);
        // What shows of the name is its start (the line break where a space was), then "…".
        let start = text.find("Maximilian").unwrap_or_else(|| panic!("{media:?}: the name is missing: {text:?}"));
        let shown = text[start..].split('…').next().unwrap().replace(' ', "");
        assert!(text[start..].contains('…'), "{media:?}: the long name is not shortened: {text:?}");
        assert!(LONG_NAME.replace(' ', "").starts_with(&shown) && shown.len() > 12, "{media:?}: {shown:?}");
        assert_eq!(qr_codes(&pdf, 1), ["R-2026-01307"], "{media:?}");
        assert_inside(&pdf, 1.5);

        let pdf = tag_on(&papers(&shop, &ticket, &wang()), media, dir.path(), &format!("tag-{}-zh", media.key()));
        assert_page_is(&pdf, media);
        assert_has(&text_of(&pdf), &["R-2026-01307", "王小明", "Seiko Presage"]);
        assert_eq!(qr_codes(&pdf, 1), ["R-2026-01307"], "{media:?}");
        assert_inside(&pdf, 1.5);
    }
}

#[test]
fn the_longest_branch_number_fits_every_tag_stock_and_reads_back() {
    let shop = hong_kong_shop(PaperSize::A4);
    let mut ticket = ticket(&shop, 1_234_567, seiko_details());
    ticket.number.branch = Some("ISTA".parse().unwrap());
    let dir = scratch();
    for &media in tag_stock() {
        let name = format!("tag-{}-branch", media.key());
        let pdf = tag_on(&papers(&shop, &ticket, &wang()), media, dir.path(), &name);
        assert_has(&text_of(&pdf), &["R-ISTA-2026-1234567"]);
        assert_eq!(qr_codes(&pdf, 1), ["R-ISTA-2026-1234567"], "{media:?}");
        assert_inside(&pdf, 1.5);
    }
}

#[test]
fn the_shipping_label_on_both_parcel_labels_has_both_codes_and_the_address_inside_the_label() {
    let case = Case::shipped(PaperSize::A4);
    let mut long = Case::shipped(PaperSize::A4);
    long.customer.name = "Alexandrina Konstantinopoulou-Vanderbilt-Montgomery".into();
    let address = (1..=9).map(|i| format!("Line {i} of a very long delivery address, Unit {i}")).collect::<Vec<_>>();
    long.shipping.as_mut().unwrap().address = address.join("\n");
    let dir = scratch();
    for &media in parcel_stock() {
        for (case, name, expected) in [
            (&case, "shipping-label", ["王小明", "8 Cha Kwo Ling Road"]),
            (&long, "shipping-label-long", ["Alexandrina", "Line 1 of a very long"]),
        ] {
            let bytes = render_ticket_on(fonts(), FormKind::ShippingLabel, &case.papers(), media).unwrap();
            let name = format!("{name}-{}", media.key());
            let pdf = write_pdf(dir.path(), &format!("{name}.pdf"), &bytes);
            keep_a_shot(&pdf, &name);
            assert_page_is(&pdf, media);
            assert_eq!(page_count(&pdf), 1);
            assert_has(&text_of(&pdf), &["FROM", "Lx Watch Repair", "SIGNATURE REQUIRED", "R-2026-01307", TRACKING]);
            assert_has(&text_of(&pdf), &expected);
            let mut codes = qr_codes(&pdf, 1);
            codes.sort();
            assert_eq!(codes, [TRACKING, "R-2026-01307"], "{name}");
            assert_inside(&pdf, 2.0);
        }
    }
}

#[test]
fn the_return_label_on_both_parcel_labels_has_both_codes_and_the_addresses_inside_the_label() {
    let dir = scratch();
    for &media in parcel_stock() {
        for (r, name, customer) in [
            (Return::authorized(turkish_shop(PaperSize::A4), Some(ayse())), "return-label", "Ayşe Yılmaz"),
            (Return::authorized(hong_kong_shop(PaperSize::Letter), Some(wang())), "return-label-zh", "王小明"),
        ] {
            let bytes = render_return_case_on(fonts(), ReturnFormKind::ReturnLabel, &r.papers(), media).unwrap();
            let name = format!("{name}-{}", media.key());
            let pdf = write_pdf(dir.path(), &format!("{name}.pdf"), &bytes);
            keep_a_shot(&pdf, &name);
            assert_page_is(&pdf, media);
            assert_eq!(page_count(&pdf), 1);
            let code = r.code();
            assert_has(&text_of(&pdf), &["RETURNED GOODS", &code, "FROM", customer, "TO", ORDER]);
            let both = vec![("CODE-128".to_string(), code.clone()), ("QR-Code".to_string(), code.clone())];
            assert_eq!(symbols(&pdf, 1), both, "{name}");
            assert_inside(&pdf, 2.0);
        }
    }
}

#[test]
fn a_document_is_drawn_on_the_sheet_asked_for_whatever_the_shop_s_paper() {
    let dir = scratch();
    let a4_shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&a4_shop, 42, kospet_details());
    let p = papers(&a4_shop, &ticket, &cagri());
    for (media, pts) in [(Media::Letter, "612 x 792 pts"), (Media::A4, "595.276 x 841.89 pts")] {
        let pdf = write_pdf(
            dir.path(),
            "receipt.pdf",
            &render_ticket_on(fonts(), FormKind::IntakeReceipt, &p, media).unwrap(),
        );
        assert!(squeezed(&info_of(&pdf)).contains(pts), "{media:?}: {}", info_of(&pdf));
        assert_has(&text_of(&pdf), &["R-2026-00042", "Çağrı Öztürk"]);
    }
    // The usual media is still the shop's paper, and the papers asked with are left as they were.
    let usual = write_pdf(dir.path(), "usual.pdf", &render_ticket(fonts(), FormKind::IntakeReceipt, &p).unwrap());
    assert!(squeezed(&info_of(&usual)).contains("(A4)"), "{}", info_of(&usual));
    assert_eq!(p.settings.paper, PaperSize::A4);

    let r = Return::authorized(turkish_shop(PaperSize::A4), Some(ayse()));
    let bytes = render_return_case_on(fonts(), ReturnFormKind::RmaInstructions, &r.papers(), Media::Letter).unwrap();
    let pdf = write_pdf(dir.path(), "instructions.pdf", &bytes);
    assert!(squeezed(&info_of(&pdf)).contains("612 x 792 pts"), "{}", info_of(&pdf));
}

fn refusal(result: Result<Vec<u8>, FormError>) -> String {
    let e = result.expect_err("refused");
    assert!(matches!(e, FormError::WrongMedia(_)), "{e:?}");
    assert_eq!(e.code(), Code::FormNotApplicable);
    e.to_string()
}

#[test]
fn a_form_on_stock_it_is_not_laid_out_for_is_refused_with_the_stock_it_prints_on() {
    let shop = hong_kong_shop(PaperSize::A4);
    let ticket = ticket(&shop, 1307, seiko_details());
    let p = TicketPapers {
        quotation: Some(quotation(&shop, &ticket, quote_lines(false))),
        ..papers(&shop, &ticket, &wang())
    };
    let tags = "The bag tag is not laid out for A4 (210 × 297 mm): print it on Brother DK-11209 (62 × 29 mm), DYMO \
                99012 (89 × 36 mm), DYMO 30252 (28 × 89 mm), Shipping label 4 × 6 in or Shipping label 100 × 150 mm.";
    assert_eq!(refusal(render_ticket_on(fonts(), FormKind::TicketTag, &p, Media::A4)), tags);
    assert_eq!(refusal(ticket_tags(fonts(), std::slice::from_ref(&p), Media::A4)), tags);
    assert_eq!(
        refusal(render_ticket_on(fonts(), FormKind::Quotation, &p, Media::BrotherDk11209)),
        "The quotation is not laid out for Brother DK-11209 (62 × 29 mm): print it on A4 (210 × 297 mm) or US Letter \
         (8.5 × 11 in)."
    );
    assert_eq!(
        refusal(render_ticket_on(
            fonts(),
            FormKind::ShippingLabel,
            &Case::shipped(PaperSize::A4).papers(),
            Media::Dymo30252
        )),
        "The shipping label is not laid out for DYMO 30252 (28 × 89 mm): print it on Shipping label 4 × 6 \
         in or Shipping label 100 × 150 mm."
    );
    let r = Return::authorized(turkish_shop(PaperSize::A4), Some(ayse()));
    assert_eq!(
        refusal(render_return_case_on(fonts(), ReturnFormKind::ReturnLabel, &r.papers(), Media::Dymo99012)),
        "The return label is not laid out for DYMO 99012 (89 × 36 mm): print it on Shipping label 4 × 6 in \
         or Shipping label 100 × 150 mm."
    );
    // A form the record does not have is refused for that first, whatever the stock.
    let no_quotation = papers(&shop, &ticket, &wang());
    let e = render_ticket_on(fonts(), FormKind::Quotation, &no_quotation, Media::BrotherDk11209).unwrap_err();
    assert!(matches!(e, FormError::NotApplicable(_)), "{e:?}");
}

#[test]
fn today_s_bag_tags_print_as_one_job_a_page_a_ticket_in_the_order_given() {
    let tr = turkish_shop(PaperSize::A4);
    let hk = hong_kong_shop(PaperSize::A4);
    let batch = [
        papers(&tr, &ticket(&tr, 44, kospet_details()), &cagri()),
        papers(&hk, &ticket(&hk, 1307, seiko_details()), &wang()),
        papers(&tr, &ticket(&tr, 42, kospet_details()), &CustomerDetails { name: LONG_NAME.into(), ..cagri() }),
    ];
    let numbers = ["R-2026-00044", "R-2026-01307", "R-2026-00042"];
    let dir = scratch();
    for media in [Media::BrotherDk11209, Media::Dymo30252, Media::Label100x150mm] {
        let name = format!("tags-batch-{}", media.key());
        let pdf = write_pdf(dir.path(), &format!("{name}.pdf"), &ticket_tags(fonts(), &batch, media).unwrap());
        keep_a_shot(&pdf, &name);
        assert_eq!(page_count(&pdf), 3);
        assert_page_is(&pdf, media);
        for (page, number) in numbers.iter().enumerate() {
            assert_eq!(qr_codes(&pdf, page + 1), [*number], "{media:?} page {}", page + 1);
        }
        let ((_, _), words) = word_boxes(&pdf);
        for (page, number) in numbers.iter().enumerate() {
            assert!(words.iter().any(|w| w.page == page + 1 && w.text == *number), "{number} not on page {}", page + 1);
        }
        assert_inside(&pdf, 1.5);
        assert!(run("qpdf", &["--check", pdf.to_str().unwrap()]).contains("No syntax or stream encoding errors"));
    }
    let e = ticket_tags(fonts(), &[], Media::BrotherDk11209).unwrap_err();
    assert_eq!(e.to_string(), "No tickets were chosen, so there is no bag tag to print.");
}
