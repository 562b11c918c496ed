//! The fonts load once, and every error has a code the app can show a message for.

use caseback_domain::Code;
use caseback_forms::{Fonts, FormError};

#[test]
fn fonts_load_from_the_noto_packages() {
    let fonts = Fonts::load().expect("fonts-noto-core and fonts-noto-cjk are installed (scripts/install-deps)");
    assert!(format!("{fonts:?}").contains("Noto Sans CJK"));
}

#[test]
fn a_missing_font_names_the_file_and_the_package() {
    let err = FormError::FontMissing { path: "/usr/share/fonts/x.ttf".into(), package: "fonts-noto-core" };
    assert_eq!(err.code(), Code::FontsMissing);
    let message = err.to_string();
    assert!(message.contains("/usr/share/fonts/x.ttf") && message.contains("fonts-noto-core"), "{message}");
    assert_eq!(FormError::RenderFailed("x".into()).code(), Code::RenderFailed);
}
