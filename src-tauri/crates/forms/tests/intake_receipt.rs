//! The intake receipt read back as a person and a scanner would: pdftotext, pdfinfo, zbarimg.

use caseback_domain::intake::Arrival;
use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_domain::Code;
use caseback_forms::{intake_receipt, FormError};

use crate::common::*;

fn render(doc: &TicketPapers) -> Vec<u8> {
    intake_receipt(fonts(), doc).unwrap_or_else(|e| panic!("{} ({})", e, e.code()))
}

#[test]
fn turkish_receipt_on_a4_prints_every_part_and_its_qr_code() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let customer = cagri();
    let doc = TicketPapers { received_by: "Ayşe Yılmaz".into(), ..papers(&shop, &ticket, &customer) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "receipt.pdf", &render(&doc));

    let info = squeezed(&info_of(&pdf));
    assert!(info.contains("Page size: 595.276 x 841.89 pts (A4)"), "{info}");
    assert_eq!(page_count(&pdf), 1);

    let text = squeezed(&text_of(&pdf));
    for expected in [
        "Saat Servisi Kadıköy",
        "Caferağa Mah. Moda Cad. No: 12/3, 34710 Kadıköy / İstanbul",
        "Tax ID Kadıköy VD 1234567890",
        "Repair intake receipt",
        "R-2026-00042",
        "Çağrı Öztürk",
        "cagri.ozturk@example.com.tr",
        "KOSPET",
        "Tank T3 Ultra",
        "KP-2291-0042",
        "T3U-BLK-47",
        "TY-88213407",
        "Şarj olmuyor, ekran ışığı titriyor.",
        "Spare silicone strap",
        "Strap, Charger, Box",
        "Scratches",
        "Walk-in",
        "Customer signature",
        "Staff signature",
        "Ayşe Yılmaz",
        "Assessment due by",
        "Proof of purchase Seen",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(text.contains(&shop.date_style.format(ticket.assessment_due)), "due date missing:\n{text}");
    // The warranty's dates in the shop's style, like every other date on the form.
    let warranty = "In warranty until 2 March 2028 (24 months from purchase on 2 March 2026)";
    assert!(text.contains(warranty), "{warranty:?} missing:\n{text}");
    assert!(ticket.warranty.describe().starts_with("In warranty until"));
    assert_eq!(qr_codes(&pdf, 1), ["R-2026-00042"]);
    assert_inside_the_page(&pdf);
}

#[test]
fn chinese_customer_on_letter_paper_with_a_mail_in_and_no_purchase_dates() {
    let shop = hong_kong_shop(PaperSize::Letter);
    let ticket = ticket(&shop, 1307, seiko_details());
    let customer = wang();
    let doc = TicketPapers { received_by: "Mei Chan".into(), ..papers(&shop, &ticket, &customer) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "receipt.pdf", &render(&doc));

    let info = squeezed(&info_of(&pdf));
    assert!(info.contains("Page size: 612 x 792 pts (letter)"), "{info}");
    let text = squeezed(&text_of(&pdf));
    for expected in [
        "王小明",
        "九龍旺角彌敦道",
        "R-2026-01307",
        "Presage SRPB41J1 Cocktail Time",
        "Mail-in",
        "SF Express",
        "SF1402938475631",
        "Warranty unknown: no purchase or delivery date given",
        "Nothing reported.",
        "Customer signature",
        "Staff signature",
        "Mei Chan",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(matches!(ticket.details.arrival, Arrival::MailIn { .. }));
    assert_eq!(qr_codes(&pdf, 1), ["R-2026-01307"]);
    assert_inside_the_page(&pdf);
}

#[test]
fn a_very_long_fault_wraps_keeps_every_word_and_flows_onto_a_second_page() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let shop = turkish_shop(paper);
        let mut details = kospet_details();
        // As long as the intake form allows (2000 characters each), numbered to find every word;
        // the fault opens with a "word" longer than a line, which must break inside.
        let unbroken = "https://support.example.com/watch-log/".to_string() + &"0123456789abcdef".repeat(12);
        details.fault = format!("{unbroken} {}", numbered_words("Ekran", 2000 - unbroken.len() - 1));
        details.tried = numbered_words("tried", 2000);
        let ticket = ticket(&shop, 9, details.clone());
        let customer = cagri();
        let doc = TicketPapers { received_by: "Ayşe".into(), ..papers(&shop, &ticket, &customer) };
        let dir = scratch();
        let pdf = write_pdf(dir.path(), "long.pdf", &render(&doc));

        assert_eq!(page_count(&pdf), 2, "{paper:?}");
        let text = text_of(&pdf);
        assert!(text.contains("Page 2 of 2"), "{text}");
        assert!(text.contains("R-2026-00009 · Repair intake receipt (continued)"), "{text}");
        let words: Vec<&str> = text.split_whitespace().collect();
        for field in [&details.fault[unbroken.len()..], &details.tried] {
            let mut at = 0;
            for word in field.split_whitespace() {
                let found = words[at..].iter().position(|w| *w == word);
                let Some(found) = found else { panic!("{word:?} missing or out of order ({paper:?}):\n{text}") };
                at += found + 1;
            }
        }
        let squeezed_text: String = text.split_whitespace().collect();
        assert!(squeezed_text.contains(&unbroken), "the overlong word lost characters:\n{text}");
        assert!(squeezed(&text).contains("Customer signature"));
        assert_eq!(qr_codes(&pdf, 1), ["R-2026-00009"]);
        assert_inside_the_page(&pdf);
    }
}

#[test]
fn a_png_logo_prints_and_a_wrong_one_is_refused() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let customer = cagri();
    let png = logo_png();
    let logo = Some(stored_image("image/png", &png));
    let doc = TicketPapers { received_by: "Ayşe".into(), logo, ..papers(&shop, &ticket, &customer) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "logo.pdf", &render(&doc));
    let images = run("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert!(images.lines().any(|l| l.contains(" 240    96 ")), "the logo is not in the PDF:\n{images}");
    assert_eq!(qr_codes(&pdf, 1), ["R-2026-00042"]);

    let gif = Some(stored_image("image/gif", b"GIF89a"));
    let err = intake_receipt(fonts(), &TicketPapers { logo: gif, ..doc.clone() }).unwrap_err();
    assert!(matches!(err, FormError::LogoUnreadable(_)));
    assert_eq!(err.code(), Code::LogoUnreadable);
    let lying = Some(stored_image("image/jpeg", &png));
    let err = intake_receipt(fonts(), &TicketPapers { logo: lying, ..doc }).unwrap_err();
    assert_eq!(err.code(), Code::LogoUnreadable);
}

/// "Ekran-001 kararıyor, ..." words numbered so that each is unique, `len` characters long.
fn numbered_words(stem: &str, len: usize) -> String {
    let fillers = ["kararıyor", "şarj", "göstergesi", "İstanbul'da", "düştü", "crown", "slips", "sometimes"];
    let mut out = String::new();
    for i in 1.. {
        let word = format!("{stem}-{i:03} {}", fillers[i % fillers.len()]);
        if out.len() + word.len() + 1 > len {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// No word runs past the page's edges (less a 5 mm printer margin).
fn assert_inside_the_page(pdf: &std::path::Path) {
    let ((w, h), words) = word_boxes(pdf);
    let margin = 5.0 * 72.0 / 25.4;
    for word in &words {
        assert!(word.x_max <= w - margin && word.y_max <= h - margin, "{word:?} runs off the {w} x {h} page");
    }
}

#[test]
fn the_customer_accepts_the_terms_only_when_they_are_printed() {
    let mut shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let customer = cagri();
    let dir = scratch();
    let text = |shop: &caseback_domain::Settings, name: &str| {
        let doc = TicketPapers { received_by: "Ayşe Yılmaz".into(), ..papers(shop, &ticket, &customer) };
        squeezed(&text_of(&write_pdf(dir.path(), name, &render(&doc))))
    };
    let with = text(&shop, "with.pdf");
    assert!(with.contains(&squeezed(TERMS)), "the terms are printed:\n{with}");
    assert!(with.contains("and accepts the shop's terms above."), "{with}");

    shop.shop.terms = "  ".into();
    let without = text(&shop, "without.pdf");
    assert!(!without.to_lowercase().contains("terms"), "no terms, nothing said of them:\n{without}");
    assert!(without.contains("handed in in the condition described."), "{without}");
    assert!(without.contains("Customer signature"), "{without}");
}

#[test]
fn a_turkish_style_receipt_writes_its_dates_01_12_2026() {
    let shop = in_turkish_style(turkish_shop(PaperSize::A4));
    let mut ticket = ticket(&shop, 42, kospet_details());
    ticket.received_on = jiff::civil::date(2026, 12, 1);
    let doc = TicketPapers { received_by: "Ayşe Yılmaz".into(), ..papers(&shop, &ticket, &cagri()) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "receipt.pdf", &render(&doc));
    let text = squeezed(&text_of(&pdf));
    for expected in [
        "Tue 01.12.2026".to_string(),
        short(&shop, ticket.assessment_due),
        "Purchase date 02.03.2026".into(),
        "Delivery date 05.03.2026".into(),
        "In warranty until 02.03.2028 (24 months from purchase on 02.03.2026)".into(),
        "Received on 01.12.2026".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
    }
    for iso in ["2026-12-01", "2026-03-02", "2026-03-05", "2028-03-02"] {
        assert!(!text.contains(iso), "{iso} on the receipt of a shop writing 01.12.2026:\n{text}");
    }
    assert_eq!(page_count(&pdf), 1);
}
