//! The return case's forms read back as the customer, the courier and the warehouse would:
//! pdftotext, pdfinfo, pdfimages and zbarimg.

use std::path::{Path, PathBuf};

use caseback_domain::calendar::Period;
use caseback_domain::papers::ReturnPapers;
use caseback_domain::presets::PresetId;
use caseback_domain::returns::decision::posting_window;
use caseback_domain::returns::{Decision, RefundMethod};
use caseback_domain::settings::PaperSize;
use caseback_domain::Amount;
use caseback_domain::Code;
use caseback_forms::{
    inspection_report, render_return_case, return_authorization, return_label, return_label_a4, rma_instructions,
    Fonts, FormError, ReturnFormKind,
};
use jiff::civil::Date;

use crate::common::returns::*;
use crate::common::*;

fn long(date: Date) -> String {
    date.strftime("%A %-d %B %Y").to_string()
}

/// `kind` of `r` written to a scratch folder, rendered as the app renders it.
fn pdf_of(r: &Return, kind: ReturnFormKind, dir: &Path) -> PathBuf {
    let bytes = render_return_case(fonts(), kind, &r.papers()).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    write_pdf(dir, &format!("{}.pdf", kind.name()), &bytes)
}

/// The form's own function, without the domain's rule in front: it says which of its facts
/// is missing, and draws a label for a package with no request on file.
fn drawing(kind: ReturnFormKind) -> fn(&Fonts, &ReturnPapers) -> Result<Vec<u8>, FormError> {
    match kind {
        ReturnFormKind::ReturnAuthorization => return_authorization,
        ReturnFormKind::RmaInstructions => rma_instructions,
        ReturnFormKind::ReturnLabel => return_label,
        ReturnFormKind::ReturnLabelA4 => return_label_a4,
        ReturnFormKind::InspectionReport => inspection_report,
        ReturnFormKind::DeclineLetter => caseback_forms::decline_letter,
    }
}

fn assert_has(text: &str, expected: &[String]) {
    let text = squeezed(text);
    for e in expected {
        assert!(text.contains(&squeezed(e)), "{e:?} missing from:\n{text}");
    }
}

fn image_count(pdf: &Path) -> usize {
    run("pdfimages", &["-list", pdf.to_str().unwrap()]).lines().skip(2).filter(|l| !l.trim().is_empty()).count()
}

/// Every word at least `margin_mm` inside the page's edges.
fn assert_inside(pdf: &Path, margin_mm: f32) {
    let ((w, h), words) = word_boxes(pdf);
    let margin = margin_mm * 72.0 / 25.4;
    for word in &words {
        assert!(word.x_max <= w - margin && word.y_max <= h - margin, "{word:?} runs off the {w} x {h} page");
    }
}

#[test]
fn authorization_form_is_pre_filled_from_the_order_and_has_the_fields_to_complete_and_sign() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let r = Return::authorized(turkish_shop(paper), Some(ayse()));
        let dir = scratch();
        let pdf = pdf_of(&r, ReturnFormKind::ReturnAuthorization, dir.path());
        let code = r.code();
        assert_has(
            &text_of(&pdf),
            &[
                "Return Authorization Form".into(),
                "Saat Servisi Kadıköy".into(),
                code.clone(),
                format!("Valid through {}", long(r.valid_through())),
                "Ayşe Yılmaz".into(),
                "+90 532 418 27 90".into(),
                "ayse.yilmaz@example.com.tr".into(),
                "Atatürk Bulvarı No: 45 D: 7,".into(),
                "06690 Ankara".into(),
                format!("Order / invoice no. {ORDER}"),
                format!("Purchase date {}", long(date(2026, 11, 2))),
                format!("Delivery date {}", long(date(2026, 11, 5))),
                "Paid with Original card".into(),
                "KOSPET Tank T3 Ultra T3U-BLK-47 1 100.00 100.00".into(),
                // The order's currency, not the shop's lira.
                "Total (USD) 100.00".into(),
                "bought for USD 100.00".into(),
                "Reason Change of mind".into(),
                DETAILS.into(),
                format!("Invoice number {ORDER} If different:"),
                "Invoice date 2 November 2026 If different:".into(),
                "Bank and IBAN (for a refund by bank transfer)".into(),
                "Account holder".into(),
                "I wish to: Return for refund".into(),
                "I confirm the item is returned with its original box, accessories and documents.".into(),
                "Printed name".into(),
                "Date".into(),
                "Signature".into(),
                "Enclose this signed form in the parcel. Write the RMA code on the outside of the parcel.".into(),
            ],
        );
        let text = squeezed(&text_of(&pdf));
        assert!(!text.contains("TRY"), "amounts are in the order's currency: {text}");
        assert!(!text.contains("Exchange"), "the Turkish store offers no exchanges: {text}");
        assert_eq!(page_count(&pdf), 1, "{paper:?}");
        assert!(qr_codes(&pdf, 1).contains(&code), "the band's QR code is the RMA code");
    }
}

#[test]
fn authorization_form_offers_an_exchange_only_where_the_shop_does() {
    let mut settings = turkish_shop(PaperSize::A4);
    settings.policy.exchange_window = Period::days(45);
    let r = Return::authorized(settings, Some(ayse()));
    let dir = scratch();
    let text = text_of(&pdf_of(&r, ReturnFormKind::ReturnAuthorization, dir.path()));
    assert_has(&text, &["I wish to: Return for refund Exchange".into()]);
}

#[test]
fn authorization_form_of_a_chinese_customer_prints_the_name() {
    let r = Return::authorized(hong_kong_shop(PaperSize::Letter), Some(wang()));
    let dir = scratch();
    let pdf = pdf_of(&r, ReturnFormKind::ReturnAuthorization, dir.path());
    assert_has(&text_of(&pdf), &["王小明".into(), "九龍旺角彌敦道 580 號 12 樓".into(), "Total (USD) 100.00".into()]);
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn rma_instructions_say_where_how_and_by_when_on_one_page() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let r = Return::authorized(turkish_shop(paper), Some(ayse()));
        let dir = scratch();
        let pdf = pdf_of(&r, ReturnFormKind::RmaInstructions, dir.path());
        let code = r.code();
        let postage = caseback_domain::returns::eligibility(&r.settings.policy, r.case.request.as_ref().unwrap());
        assert_has(
            &text_of(&pdf),
            &[
                "RMA instructions".into(),
                "Send your return to".into(),
                "Saat Servisi Kadıköy".into(),
                "Caferağa Mah. Moda Cad. No: 12/3, 34710 Kadıköy / İstanbul".into(),
                format!("Mark the parcel: {code}"),
                format!("valid through {}", long(r.valid_through())),
                "original box".into(),
                "accessories, manuals, tags, cards and protective films".into(),
                "sturdy outer shipping box".into(),
                // The Turkish store asks for the code but refuses no parcel without it.
                "so that we know at once it is your return".into(),
                "signature on delivery".into(),
                format!("Send us the tracking number by email to servis@saatservisi.com.tr or WhatsApp +90 532 555 01 42, quoting {code}"),
                postage.postage_text.clone(),
                // A shop in Türkiye: the cargo company it books, and no customs or borders.
                "Ask us to book the pickup with the cargo company we have an agreement with".into(),
                "Once it arrives we inspect it within 2 business days".into(),
            ],
        );
        let text = text_of(&pdf).to_lowercase();
        for word in ["customs", "courier", "border", "commercial invoice"] {
            assert!(!text.contains(word), "{word}: a domestic customer is told of none");
        }
        assert_eq!(page_count(&pdf), 1, "{paper:?}");
        assert!(qr_codes(&pdf, 1).contains(&code));
    }
}

#[test]
fn rma_instructions_of_a_shop_that_holds_nothing_say_such_parcels_are_declined() {
    let mut r = Return::authorized(hong_kong_shop(PaperSize::A4), Some(wang()));
    r.settings.policy = PresetId::Softerspot.policy();
    let dir = scratch();
    let text = squeezed(&text_of(&pdf_of(&r, ReturnFormKind::RmaInstructions, dir.path())));
    assert!(text.contains("Parcels without a visible, valid RMA code are declined."), "{text}");
    assert!(!text.contains("are held for"), "{text}");
}

/// The label's CODE-128 and QR code both read back as the RMA code, exactly as printed.
fn assert_scans(pdf: &Path, code: &str) {
    let found = symbols(pdf, 1);
    let expected = vec![("CODE-128".to_string(), code.to_string()), ("QR-Code".to_string(), code.to_string())];
    assert_eq!(found, expected, "{}", pdf.display());
}

#[test]
fn return_label_is_4_by_6_inches_and_both_codes_scan() {
    let r = Return::authorized(turkish_shop(PaperSize::A4), Some(ayse()));
    let dir = scratch();
    let pdf = pdf_of(&r, ReturnFormKind::ReturnLabel, dir.path());
    assert!(squeezed(&info_of(&pdf)).contains("Page size: 288 x 432 pts"), "{}", info_of(&pdf));
    assert_eq!(page_count(&pdf), 1);
    let code = r.code();
    assert!(code.starts_with("RMA-") && code.len() == 12, "{code}");
    assert_scans(&pdf, &code);
    assert_has(
        &text_of(&pdf),
        &[
            "RETURNED GOODS".into(),
            code.clone(),
            "FROM".into(),
            "Ayşe Yılmaz".into(),
            "+90 532 418 27 90".into(),
            "TO".into(),
            "Saat Servisi Kadıköy".into(),
            "Moda Cad.".into(),
            "Tel +90 216 555 01 42".into(),
            "ORDER".into(),
            ORDER.into(),
        ],
    );
    assert_inside(&pdf, 2.0);
}

#[test]
fn return_label_on_a4_is_the_top_half_of_an_a4_sheet_whatever_the_paper_and_both_codes_scan() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let r = Return::authorized(turkish_shop(paper), Some(ayse()));
        let dir = scratch();
        let pdf = pdf_of(&r, ReturnFormKind::ReturnLabelA4, dir.path());
        assert!(squeezed(&info_of(&pdf)).contains("(A4)"), "{}", info_of(&pdf));
        assert_eq!(page_count(&pdf), 1);
        let code = r.code();
        assert_scans(&pdf, &code);
        assert_has(
            &text_of(&pdf),
            &[
                "RETURNED GOODS".into(),
                code.clone(),
                "Ayşe Yılmaz".into(),
                "Saat Servisi Kadıköy".into(),
                ORDER.into(),
                "Cut along the line and tape the label to the outside of the parcel".into(),
            ],
        );
        // Everything of the label above the cut, the sheet's middle.
        let ((_, h), words) = word_boxes(&pdf);
        let label_words: Vec<_> = words.iter().filter(|w| w.text == "RETURNED" || w.text == ORDER).collect();
        assert!(!label_words.is_empty());
        assert!(label_words.iter().all(|w| w.y_max < h / 2.0), "{label_words:?}");
        assert_inside(&pdf, 5.0);
    }
}

#[test]
fn return_labels_of_a_chinese_customer_and_of_an_unknown_sender_print_and_scan() {
    let dir = scratch();
    let r = Return::authorized(hong_kong_shop(PaperSize::Letter), Some(wang()));
    for kind in [ReturnFormKind::ReturnLabel, ReturnFormKind::ReturnLabelA4] {
        let pdf = pdf_of(&r, kind, dir.path());
        assert_has(&text_of(&pdf), &["王小明".into(), "九龍旺角彌敦道".into(), "Lx Watch Repair".into()]);
        assert_scans(&pdf, &r.code());
        assert_inside(&pdf, 2.0);
    }
    let mut unknown = Return::authorized(hong_kong_shop(PaperSize::A4), None);
    unknown.case.request = None;
    // The domain offers no form for a package with no request on file; the labels still
    // print one from the RMA code and the shop.
    for kind in [ReturnFormKind::ReturnLabel, ReturnFormKind::ReturnLabelA4] {
        let bytes = drawing(kind)(fonts(), &unknown.papers()).unwrap();
        let pdf = write_pdf(dir.path(), &format!("{}.pdf", kind.name()), &bytes);
        let text = squeezed(&text_of(&pdf));
        assert!(text.contains("FROM") && !text.contains(ORDER), "{text}");
        assert_scans(&pdf, &unknown.code());
    }
}

#[test]
fn inspection_report_shows_the_checklist_wear_photos_and_the_partial_refund_in_the_orders_currency() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let r = Return::decided(turkish_shop(paper), Some(ayse()));
        let dir = scratch();
        let pdf = pdf_of(&r, ReturnFormKind::InspectionReport, dir.path());
        let decided = r.case.decision.as_ref().unwrap();
        assert_eq!(decided.settlement.total, Amount(4_000), "40% of USD 100.00 for light wear");
        let (first, last, how_long) = posting_window(RefundMethod::OriginalCard, DECIDED_ON, &r.settings.policy);
        let text = text_of(&pdf);
        assert_has(
            &text,
            &[
                "Inspection report".into(),
                r.code(),
                "Ayşe Yılmaz".into(),
                format!("Order {ORDER}"),
                "KOSPET Tank T3 Ultra".into(),
                format!("Received on {}", long(ARRIVED_ON)),
                format!("Decided on {}", long(DECIDED_ON)),
                "RMA code matches our records Yes".into(),
                "Protective films intact No".into(),
                "No signs of use No".into(),
                "Original packaging complete Yes".into(),
                "Accessories complete Yes".into(),
                "Functional test passed Yes".into(),
                "4 of 6 checks passed".into(),
                "As new Light wear Moderate wear Heavy wear".into(),
                NOTES.into(),
                "Partial refund by wear: 40% of the price".into(),
                "40% of the purchase price USD 100.00 40.00".into(),
                "Refund to the customer (USD) 40.00".into(),
                "Refunded by Original card".into(),
                format!("{} to {}, when refunded on {} ({how_long})", long(first), long(last), long(DECIDED_ON)),
                format!("To be paid by {}", long(decided.due.unwrap())),
                "Inspector (name)".into(),
                "Signature".into(),
            ],
        );
        assert!(!squeezed(&text).contains("TRY"), "{text}");
        assert_eq!(image_count(&pdf), 2, "{paper:?}: both inspection photos");
    }
}

#[test]
fn inspection_report_puts_each_decision_in_words() {
    let dir = scratch();
    let mut r = Return::decided(hong_kong_shop(PaperSize::A4), Some(wang()));
    r.decide(Decision::Approve {
        method: RefundMethod::PayPal,
        return_customs: Amount(500),
        postage_reimbursed: Amount::ZERO,
    });
    let text = text_of(&pdf_of(&r, ReturnFormKind::InspectionReport, dir.path()));
    let total = r.case.decision.as_ref().unwrap().settlement.total;
    assert_has(
        &text,
        &[
            "王小明".into(),
            "Approved: refund".into(),
            "Purchase price 100.00".into(),
            "Customs on the return -5.00".into(),
            "Refund to the customer (USD) 95.00".into(),
            "Original shipping of USD 12.00 is not refunded.".into(),
            "Shipping insurance of USD 3.00 is not refunded.".into(),
            format!("Refund to the customer (USD) {}", r.settings.currency.format_number(total)),
            "Refunded by PayPal".into(),
            "(within 1 day)".into(),
        ],
    );

    r.decide(Decision::ShipBack);
    let text = squeezed(&text_of(&pdf_of(&r, ReturnFormKind::InspectionReport, dir.path())));
    assert!(text.contains("Denied, sent back at the customer's cost"), "{text}");
    assert!(!text.contains("Refund to the customer"), "{text}");

    r.settings.policy.exchange_window = Period::days(45);
    r.settings.policy.exchange_fee = percent(50);
    r.decide(Decision::Exchange);
    let text = squeezed(&text_of(&pdf_of(&r, ReturnFormKind::InspectionReport, dir.path())));
    assert!(text.contains("Exchange fee to pay (USD) 50.00"), "{text}");
}

#[test]
fn each_return_form_refuses_when_its_facts_are_missing() {
    let refused = |r: &Return, kind: ReturnFormKind| -> String {
        let papers = r.papers();
        // The app's way in refuses by the domain's rule, before the form is drawn.
        let app = render_return_case(fonts(), kind, &papers);
        assert!(matches!(app, Err(FormError::NotApplicable(_))), "{kind:?} was not refused by the domain's rule");
        match drawing(kind)(fonts(), &papers) {
            Err(e) => {
                assert_eq!(e.code(), Code::FormNotApplicable, "{kind:?}");
                e.to_string()
            }
            Ok(_) => panic!("{kind:?} rendered without its facts"),
        }
    };
    let no_rma = "No RMA code has been issued for this return.";
    let requested = Return::requested(turkish_shop(PaperSize::A4), Some(ayse()));
    for kind in [
        ReturnFormKind::ReturnAuthorization,
        ReturnFormKind::RmaInstructions,
        ReturnFormKind::ReturnLabel,
        ReturnFormKind::ReturnLabelA4,
    ] {
        assert_eq!(refused(&requested, kind), no_rma, "{kind:?}");
    }
    assert_eq!(refused(&requested, ReturnFormKind::InspectionReport), "This return has not been inspected yet.");

    let mut no_request = Return::authorized(turkish_shop(PaperSize::A4), None);
    no_request.case.request = None;
    for kind in [ReturnFormKind::ReturnAuthorization, ReturnFormKind::RmaInstructions] {
        assert_eq!(refused(&no_request, kind), "This package has no return request on file.", "{kind:?}");
    }

    let mut undecided = Return::decided(turkish_shop(PaperSize::A4), Some(ayse()));
    undecided.case.decision = None;
    assert_eq!(refused(&undecided, ReturnFormKind::InspectionReport), "No decision has been recorded for this return.");
}

fn date(y: i16, m: i8, d: i8) -> Date {
    jiff::civil::date(y, m, d)
}

/// The pages of `pdf`, each squeezed.
fn pages_of(pdf: &Path) -> Vec<String> {
    text_of(pdf).split('\u{c}').map(squeezed).filter(|p| !p.is_empty()).collect()
}

/// The inspector signs on the page that has the decision and its refund, never alone.
fn assert_signed_with_the_decision(pdf: &Path) {
    let pages = pages_of(pdf);
    let signed = pages.iter().find(|p| p.contains("Inspector (name)")).expect("the signature lines");
    for with in ["Partial refund by wear: 40% of the price", "Refund to the customer (USD) 40.00", "Refunded by"] {
        assert!(signed.contains(with), "{with:?} is not on the page the inspector signs:\n{signed}");
    }
}

#[test]
fn the_inspectors_signature_stays_with_the_decision() {
    let dir = scratch();
    // Two inspection photos: the inspection fills the first page, and the decision, its
    // payment and the signature go over together.
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let r = Return::decided(hong_kong_shop(paper), Some(ayse()));
        assert_eq!(r.photos.len(), 2);
        let pdf = pdf_of(&r, ReturnFormKind::InspectionReport, dir.path());
        assert_eq!(page_count(&pdf), 2, "{paper:?}");
        assert_signed_with_the_decision(&pdf);
        assert!(pages_of(&pdf)[0].contains("Photos taken at inspection"), "{paper:?}");
    }
    // As the demo shop's report: no photos, a short note, an address of two lines. It all
    // fits one A4 page once the closing is tightened: the signature does not go over alone.
    let mut shop = hong_kong_shop(PaperSize::A4);
    shop.shop.address = "Shop 12, 88 Queen's Road Central\nCentral, Hong Kong".into();
    shop.shop.whatsapp = "+852 5555 0188".into();
    let mut r = Return::decided(shop, Some(ayse()));
    r.photos.clear();
    let inspection = r.case.inspection.as_mut().unwrap();
    inspection.photos.clear();
    inspection.notes = "Clasp scratched; strap adjusted.".into();
    let pdf = pdf_of(&r, ReturnFormKind::InspectionReport, dir.path());
    assert_eq!(page_count(&pdf), 1);
    assert_signed_with_the_decision(&pdf);
    assert_has(
        &text_of(&pdf),
        &["Inspector: I inspected the item described above".into(), "Decision Partial refund".into()],
    );
    assert_inside(&pdf, 5.0);
}
