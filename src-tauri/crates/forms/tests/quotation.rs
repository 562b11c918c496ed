//! The quotation read back as a customer would: pdftotext and pdfinfo.

use caseback_domain::papers::TicketPapers;
use caseback_domain::quotation::Section;
use caseback_domain::settings::PaperSize;
use caseback_forms::quotation;

use crate::common::{self, *};

fn render(doc: &TicketPapers) -> Vec<u8> {
    quotation(fonts(), doc).unwrap_or_else(|e| panic!("{} ({})", e, e.code()))
}

#[test]
fn turkish_quotation_on_a4_prints_number_dates_lines_totals_and_terms() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, seiko_details());
    let customer = cagri();
    let q = common::quotation(&shop, &ticket, quote_lines(true));
    let doc = TicketPapers { quotation: Some(q.clone()), ..papers(&shop, &ticket, &customer) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "quotation.pdf", &render(&doc));

    let info = squeezed(&info_of(&pdf));
    assert!(info.contains("Page size: 595.276 x 841.89 pts (A4)"), "{info}");
    assert_eq!(page_count(&pdf), 1);

    let text = squeezed(&text_of(&pdf));
    let money = |a| shop.currency.format_number(a);
    let valid = q.valid_through;
    assert_eq!(valid, jiff::civil::date(2026, 12, 7));
    for expected in [
        "Saat Servisi Kadıköy".to_string(),
        "Repair quotation".into(),
        "Q-2026-00042-1".into(),
        "R-2026-00042".into(),
        "Monday 23 November 2026".into(),
        "Valid through".into(),
        "Monday 7 December 2026".into(),
        "Çağrı Öztürk".into(),
        "Presage SRPB41J1 Cocktail Time".into(),
        "Unit price (TRY)".into(),
        "Amount (TRY)".into(),
        "No tax".into(),
        "KDV 20% on".into(),
        format!("Total (TRY) {}", money(q.repair.total)),
        "Optional cosmetic work (confirmed separately)".into(),
        format!("Cosmetic total (TRY) {}", money(q.cosmetic.total)),
        "About 7 working days".into(),
        "IBAN TR12 0006 2000 1234 0006 2987 65".into(),
        "Written confirmation is required before any work starts".into(),
        "signed copy of this page by WhatsApp".into(),
        format!("we hold your watch for {}", shop.policy.quotation_hold),
        "we return it to you unrepaired, at your cost".into(),
        format!("{} a day", shop.currency.format(shop.policy.storage_fee_per_day)),
        "Collection Notice".into(),
        "retained by the shop unless agreed otherwise in writing".into(),
        "I also accept the optional cosmetic work".into(),
        "Name".into(),
        "Date".into(),
        "Signature".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
    }
    for line in &q.draft.lines {
        assert!(text.contains(&line.description), "{:?} missing from:\n{text}", line.description);
        assert!(text.contains(&money(line.amount())), "{:?} amount missing", line.description);
    }
    for totals in [q.repair, q.cosmetic] {
        for amount in [totals.subtotal, totals.taxable, totals.tax, totals.total] {
            assert!(text.contains(&money(amount)), "{} missing from:\n{text}", money(amount));
        }
    }
    // The shown totals are the domain's: 250 + 480.50 + 1.5 × 600 + 75 + 120 = 1,825.50, KDV on 1,705.50.
    assert_eq!(money(q.repair.subtotal), "1,825.50");
    assert_eq!(money(q.repair.tax), "341.10");
    assert!(text.contains("Subtotal 1,825.50 KDV 20% on 1,705.50 341.10 Total (TRY) 2,166.60"), "{text}");
    assert_inside_the_page(&pdf);
}

#[test]
fn twenty_five_lines_flow_onto_a_second_page_with_the_table_header_repeated() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let shop = turkish_shop(paper);
        let ticket = ticket(&shop, 42, kospet_details());
        let customer = cagri();
        let q = common::quotation(&shop, &ticket, many_lines(25));
        let doc = TicketPapers { quotation: Some(q.clone()), ..papers(&shop, &ticket, &customer) };
        let dir = scratch();
        let pdf = write_pdf(dir.path(), "long.pdf", &render(&doc));

        assert_eq!(page_count(&pdf), 2, "{paper:?}");
        let text = text_of(&pdf);
        let pages: Vec<String> = text.split('\u{c}').map(squeezed).filter(|p| !p.is_empty()).collect();
        assert_eq!(pages.len(), 2, "{text}");
        for page in &pages {
            assert!(page.contains("Kind Description Qty Unit price (TRY) Amount (TRY)"), "no table header:\n{page}");
        }
        assert!(pages[1].contains("Q-2026-00042-1 · Repair quotation (continued)"), "{}", pages[1]);
        assert!(pages[1].contains("Page 2 of 2"));
        let all = squeezed(&text);
        // Read in drawing order, every description is whole (wrapped ones too) and in order.
        let raw: String = run("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]).split_whitespace().collect();
        let mut at = 0;
        for line in &q.draft.lines {
            let description: String = line.description.split_whitespace().collect();
            let found = raw[at..].find(&description);
            let Some(found) = found else { panic!("{description:?} missing or out of order ({paper:?}):\n{raw}") };
            at += found + description.len();
        }
        let money = |a| shop.currency.format_number(a);
        assert!(all.contains(&format!("Total (TRY) {}", money(q.repair.total))), "{all}");
        assert!(pages[1].contains("Signature"));
        // The table runs on: the last line goes over with the totals.
        assert!(pages[1].contains(&q.draft.lines[24].description), "{}", pages[1]);
        assert!(!all.contains("Optional cosmetic work"));
        assert!(!all.contains("I also accept"));
        assert_inside_the_page(&pdf);
    }
}

#[test]
fn chinese_customer_on_letter_paper_with_returned_parts() {
    let shop = hong_kong_shop(PaperSize::Letter);
    let ticket = ticket(&shop, 1307, seiko_details());
    let mut customer = wang();
    customer.name = "王小明 (Wong Siu-ming, for his father 王大文 of Mong Kok Watch Collectors Club)".into();
    let mut lines = quote_lines(false);
    lines[1].description = "更换主发条 4R35 mainspring".into();
    let mut q = common::quotation(&shop, &ticket, lines);
    q.draft.parts_returned = true;
    let doc = TicketPapers { quotation: Some(q.clone()), ..papers(&shop, &ticket, &customer) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "zh.pdf", &render(&doc));

    let info = squeezed(&info_of(&pdf));
    assert!(info.contains("Page size: 612 x 792 pts (letter)"), "{info}");
    // In reading order the wrapped name is whole again.
    let raw: String = run("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]).split_whitespace().collect();
    let name: String = customer.name.split_whitespace().collect();
    assert!(raw.contains(&name), "{name} missing from:\n{raw}");
    let text = squeezed(&text_of(&pdf));
    for expected in [
        "王小明",
        "Wong Siu-ming",
        "更换主发条 4R35 mainspring",
        "Q-2026-01307-1",
        "Unit price (HKD)",
        "GST 10% on",
        "Replaced parts will be returned to you with the watch.",
        "FPS 1234567",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(q.draft.lines.iter().all(|l| l.section == Section::Repair));
    assert!(!text.contains("Optional cosmetic work"));
    assert!(text.contains(&format!("Total (HKD) {}", shop.currency.format_number(q.repair.total))), "{text}");
    assert_inside_the_page(&pdf);
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
fn a_turkish_style_quotation_writes_12_499_00_and_01_12_2026() {
    let shop = in_turkish_style(turkish_shop(PaperSize::A4));
    let ticket = ticket(&shop, 42, kospet_details());
    let mut lines = quote_lines(false);
    lines[2].quantity = caseback_domain::quotation::Quantity(100);
    lines[2].unit_price = caseback_domain::Amount(1_249_900);
    let day = jiff::civil::date(2026, 12, 1);
    let q = caseback_domain::quotation::QuotationDraft { lines, timeline_working_days: 7, parts_returned: false }
        .issue(ticket.number, 1, &shop.policy, shop.tax.rate, day)
        .expect("a valid draft");
    let doc = TicketPapers { quotation: Some(q.clone()), ..papers(&shop, &ticket, &cagri()) };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "quotation.pdf", &render(&doc));
    let text = squeezed(&text_of(&pdf));
    let money = |a| shop.currency.format_number(a);
    for expected in [
        "12.499,00".to_string(),
        "Issued Tuesday 01.12.2026".into(),
        format!("by {}:", long(&shop, q.valid_through)),
        format!("(until {})", long(&shop, q.hold_until(&shop.policy))),
        format!("KDV 20% on {}", money(q.repair.taxable)),
        format!("Total (TRY) {}", money(q.repair.total)),
        format!("{} a day", shop.currency.format(shop.policy.storage_fee_per_day)),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
    }
    assert_eq!(money(q.repair.total).matches(',').count(), 1, "a decimal comma: {}", money(q.repair.total));
    assert!(!text.contains("2026-1") && !text.contains("December"), "a date not in the shop's style:\n{text}");
    assert_inside_the_page(&pdf);
}
