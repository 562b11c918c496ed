//! The 62 x 29 mm bag tag read back: its size, text and QR code.

use caseback_domain::settings::PaperSize;
use caseback_forms::ticket_tag;

use crate::common::*;

#[test]
fn turkish_tag_has_number_surname_model_and_a_readable_qr_code() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let customer = cagri();
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "tag.pdf", &ticket_tag(fonts(), &papers(&shop, &ticket, &customer)).unwrap());

    let info = squeezed(&info_of(&pdf));
    assert!(info.contains("Page size: 175.748 x 82.2047 pts"), "not 62 x 29 mm:\n{info}");
    assert_eq!(page_count(&pdf), 1);
    let text = squeezed(&text_of(&pdf));
    for expected in ["R-2026-00042", "Öztürk", "KOSPET Tank T3 Ultra"] {
        assert!(text.contains(expected), "{expected:?} missing from {text:?}");
    }
    assert!(!text.contains("Çağrı"), "only the surname goes on the tag: {text:?}");
    assert_eq!(qr_codes(&pdf, 1), ["R-2026-00042"]);
    assert_inside_the_label(&pdf);
}

#[test]
fn chinese_surname_and_a_long_model_still_fit_the_label() {
    let shop = hong_kong_shop(PaperSize::Letter);
    let mut details = seiko_details();
    details.device.model = "Prospex Marinemaster Professional 1000m Diver's Automatic SBDX011 Limited".into();
    let ticket = ticket(&shop, 123_456, details);
    let customer = wang();
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "tag.pdf", &ticket_tag(fonts(), &papers(&shop, &ticket, &customer)).unwrap());

    let text = squeezed(&text_of(&pdf));
    for expected in ["R-2026-123456", "王", "Seiko Prospex"] {
        assert!(text.contains(expected), "{expected:?} missing from {text:?}");
    }
    assert!(!text.contains("小明"), "only the surname goes on the tag: {text:?}");
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
