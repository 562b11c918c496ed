//! Signatures given on the screen, printed where the customer signs each form: the intake
//! receipt, the quotation's written acceptance (only the revision it accepted) and the
//! receipt's collection. Checked as the customer would see it: the picture is on the page
//! (pdfimages), and the words under it say who signed, when, and that it was on the screen.

use caseback_domain::after_sale::{Collection, Release};
use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_domain::signature::{Signature, SignedDocument};
use caseback_forms::{intake_receipt, payment_receipt, quotation};
use jiff::civil::date;

use crate::common::after_sale::Case;
use crate::common::{
    fonts, hong_kong_shop, papers, quotation as quote, quote_lines, seiko_details, stored_image, ticket, wang,
};
use crate::common::{run, scratch, squeezed, text_of, write_pdf};

/// A pen stroke on white, as the pad sends it.
fn ink() -> Vec<u8> {
    let img = image::RgbImage::from_fn(480, 150, |x, y| {
        let curve = 75.0 + 40.0 * ((x as f32) / 30.0).sin();
        if (y as f32 - curve).abs() < 2.5 {
            image::Rgb([27, 42, 74])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    let mut bytes = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    bytes
}

fn signed(document: SignedDocument, reference: &str) -> (Signature, caseback_domain::papers::Image) {
    let signature = Signature {
        document,
        reference: reference.into(),
        signer: "Wang Xiaoming".into(),
        signed_at: "2026-12-10T07:30:00Z".parse().unwrap(),
        computer: "Counter".into(),
        staff: "Mei Chan".into(),
        image: "ab".repeat(32),
    };
    (signature, stored_image("image/png", &ink()))
}

/// The images on each page, from `pdfimages -list`: (page, width, height).
fn images(pdf: &std::path::Path) -> Vec<(usize, u32, u32)> {
    run("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            Some((cols.first()?.parse().ok()?, cols.get(3)?.parse().ok()?, cols.get(4)?.parse().ok()?))
        })
        .collect()
}

const WORDS: &str = "Signed on the screen by Wang Xiaoming on 10 December 2026";

#[test]
fn the_intake_receipt_carries_the_signature_given_at_the_counter() {
    let shop = hong_kong_shop(PaperSize::A4);
    let t = ticket(&shop, 7, seiko_details());
    let dir = scratch();
    let plain = write_pdf(dir.path(), "plain.pdf", &intake_receipt(fonts(), &papers(&shop, &t, &wang())).unwrap());
    assert!(images(&plain).is_empty(), "no signature, no picture: the line is left to sign by hand");
    let doc =
        TicketPapers { signatures: vec![signed(SignedDocument::IntakeReceipt, "")], ..papers(&shop, &t, &wang()) };
    let pdf = write_pdf(dir.path(), "signed.pdf", &intake_receipt(fonts(), &doc).unwrap());
    assert_eq!(images(&pdf), [(1, 480, 150)]);
    assert!(squeezed(&text_of(&pdf)).contains(WORDS), "{}", text_of(&pdf));
    // A signature for another document is not printed here.
    let other =
        TicketPapers { signatures: vec![signed(SignedDocument::CollectionReceipt, "")], ..papers(&shop, &t, &wang()) };
    let pdf = write_pdf(dir.path(), "other.pdf", &intake_receipt(fonts(), &other).unwrap());
    assert!(images(&pdf).is_empty());
}

#[test]
fn the_quotation_carries_the_acceptance_signed_on_it_and_no_other_revision_s() {
    let shop = hong_kong_shop(PaperSize::A4);
    let t = ticket(&shop, 7, seiko_details());
    let q = quote(&shop, &t, quote_lines(false));
    let dir = scratch();
    let mine = signed(SignedDocument::QuotationAcceptance, &q.number.to_string());
    let doc = TicketPapers { quotation: Some(q.clone()), signatures: vec![mine], ..papers(&shop, &t, &wang()) };
    let pdf = write_pdf(dir.path(), "q.pdf", &quotation(fonts(), &doc).unwrap());
    assert_eq!(images(&pdf).len(), 1);
    let text = squeezed(&text_of(&pdf));
    assert!(text.contains(WORDS) && text.contains("Wang Xiaoming"), "{text}");
    let earlier = signed(SignedDocument::QuotationAcceptance, "Q-2026-00007-9");
    let doc = TicketPapers { quotation: Some(q), signatures: vec![earlier], ..papers(&shop, &t, &wang()) };
    let pdf = write_pdf(dir.path(), "q2.pdf", &quotation(fonts(), &doc).unwrap());
    assert!(images(&pdf).is_empty(), "another revision's signature stays with it");
}

#[test]
fn the_receipt_of_a_collected_watch_carries_the_signature_for_it() {
    let mut case = Case::ready(PaperSize::A4, date(2026, 12, 10));
    case.pay_the_balance(date(2026, 12, 10));
    case.release =
        Some(Release::Collected(Collection { collected_by: "Wang Xiaoming".into(), confirmation_shown: true }));
    let dir = scratch();
    let unsigned = write_pdf(dir.path(), "r0.pdf", &payment_receipt(fonts(), &case.papers()).unwrap());
    let text = squeezed(&text_of(&unsigned));
    assert!(text.contains("Collected by (name)") && !text.contains("Signed on the screen"), "{text}");
    assert!(images(&unsigned).is_empty(), "a line to sign by hand");
    let doc = TicketPapers { signatures: vec![signed(SignedDocument::CollectionReceipt, "")], ..case.papers() };
    let pdf = write_pdf(dir.path(), "r.pdf", &payment_receipt(fonts(), &doc).unwrap());
    assert_eq!(images(&pdf).iter().map(|i| (i.1, i.2)).collect::<Vec<_>>(), [(480, 150)]);
    assert!(squeezed(&text_of(&pdf)).contains(WORDS));
    assert!(run("qpdf", &["--check", pdf.to_str().unwrap()]).contains("No syntax or stream encoding errors"));
}
