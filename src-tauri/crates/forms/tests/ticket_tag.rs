//! The 62 x 29 mm bag tag read back: its size, text and QR code.

use caseback_domain::customer::CustomerDetails;
use caseback_domain::settings::PaperSize;
use caseback_forms::ticket_tag;

use crate::common::*;

#[test]
fn turkish_tag_has_number_name_model_and_a_readable_qr_code() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let customer = cagri();
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "tag.pdf", &ticket_tag(fonts(), &papers(&shop, &ticket, &customer)).unwrap());

    let info = squeezed(&info_of(&pdf));
    assert!(info.contains("Page size: 175.748 x 82.2047 pts"), "not 62 x 29 mm:\n{info}");
    assert_eq!(page_count(&pdf), 1);
    let text = squeezed(&text_of(&pdf));
    for expected in ["R-2026-00042", "Çağrı Öztürk", "KOSPET Tank T3 Ultra"] {
        assert!(text.contains(expected), "{expected:?} missing from {text:?}");
    }
    assert_eq!(qr_codes(&pdf, 1), ["R-2026-00042"]);
    assert_inside_the_label(&pdf);
}

/// The tag of ticket 1307 at the Hong Kong shop for `name`: its text, and what its QR
/// code reads.
fn tag_of(name: &str) -> (String, Vec<String>) {
    let shop = hong_kong_shop(PaperSize::A4);
    let ticket = ticket(&shop, 1307, seiko_details());
    let customer = CustomerDetails { name: name.into(), ..wang() };
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "tag.pdf", &ticket_tag(fonts(), &papers(&shop, &ticket, &customer)).unwrap());
    assert_eq!(page_count(&pdf), 1);
    assert_inside_the_label(&pdf);
    (squeezed(&text_of(&pdf)), qr_codes(&pdf, 1))
}

#[test]
fn the_whole_name_goes_on_the_tag_and_a_long_one_is_cut_with_an_ellipsis() {
    // A Cantonese name puts the family name first: no rule picks it out, so all of it prints.
    let (text, codes) = tag_of("Wong Ka Ming");
    assert!(text.contains("Wong Ka Ming"), "{text:?}");
    assert!(!text.contains('…'), "{text:?}");
    assert!(text.contains("R-2026-01307"), "{text:?}");
    assert_eq!(codes, ["R-2026-01307"]);

    let long = "Maximilian Alexander Konstantinopoulos-Vanderbilt de la Cruz";
    assert_eq!(long.chars().count(), 60);
    let (text, codes) = tag_of(long);
    let start = text.find("Maximilian").unwrap_or_else(|| panic!("the name is missing: {text:?}"));
    let shown = text[start..].split('…').next().unwrap();
    assert!(text[start..].contains('…'), "the long name is not shortened: {text:?}");
    assert!(long.starts_with(shown.trim_end()) && shown.len() > 12, "{shown:?} is not the name's start");
    assert!(text.contains("R-2026-01307") && text.contains("Seiko Presage"), "{text:?}");
    assert_eq!(codes, ["R-2026-01307"]);
}

#[test]
fn chinese_name_and_a_long_model_still_fit_the_label() {
    let shop = hong_kong_shop(PaperSize::Letter);
    let mut details = seiko_details();
    details.device.model = "Prospex Marinemaster Professional 1000m Diver's Automatic SBDX011 Limited".into();
    let ticket = ticket(&shop, 123_456, details);
    let customer = wang();
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "tag.pdf", &ticket_tag(fonts(), &papers(&shop, &ticket, &customer)).unwrap());

    let text = squeezed(&text_of(&pdf));
    for expected in ["R-2026-123456", "王小明", "Seiko Prospex"] {
        assert!(text.contains(expected), "{expected:?} missing from {text:?}");
    }
    assert_eq!(qr_codes(&pdf, 1), ["R-2026-123456"]);
    assert_inside_the_label(&pdf);
}

/// Every word stays at least 1.5 mm inside the label's edges.
fn assert_inside_the_label(pdf: &std::path::Path) {
    let ((w, h), words) = word_boxes(pdf);
    let margin = 1.5 * 72.0 / 25.4;
    for word in &words {
        assert!(word.x_max <= w - margin && word.y_max <= h - margin, "{word:?} runs off the {w} x {h} label");
    }
}

#[test]
fn the_longest_branch_number_fits_the_label_and_reads_back_from_its_qr_code() {
    let shop = hong_kong_shop(PaperSize::A4);
    let mut ticket = ticket(&shop, 1_234_567, seiko_details());
    ticket.number.branch = Some("ISTA".parse().unwrap());
    let customer = wang();
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "tag.pdf", &ticket_tag(fonts(), &papers(&shop, &ticket, &customer)).unwrap());

    let text = squeezed(&text_of(&pdf));
    assert!(text.contains("R-ISTA-2026-1234567"), "{text:?}");
    assert_eq!(qr_codes(&pdf, 1), ["R-ISTA-2026-1234567"]);
    assert_inside_the_label(&pdf);
}
