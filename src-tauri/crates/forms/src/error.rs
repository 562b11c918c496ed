//! The one error type of this crate, with a stable code for the app's messages.

use std::path::PathBuf;

use caseback_domain::Code;

#[derive(thiserror::Error, Debug)]
pub enum FormError {
    /// A font file is not installed; the shop's machine needs the named Debian package.
    #[error("The font file {path} is missing: install the {package} package (scripts/install-deps does it).")]
    FontMissing { path: PathBuf, package: &'static str },
    /// The font file is there but is not a font this crate can embed.
    #[error("The font file {path} could not be read as a font: {reason}")]
    FontUnreadable { path: PathBuf, reason: String },
    /// The shop's logo is not a PNG or JPEG image that can be decoded.
    #[error("The shop logo could not be printed: {0}")]
    LogoUnreadable(String),
    /// The ticket lacks what this form is about (no quotation, no covered assessment), or
    /// a batch has nothing in it to print.
    #[error("{0}")]
    NotApplicable(&'static str),
    /// The form is not laid out for the paper or label stock asked for (a bag tag on A4).
    #[error("{0}")]
    WrongMedia(String),
    /// Drawing or writing the PDF failed.
    #[error("The form could not be drawn: {0}")]
    RenderFailed(String),
}

impl FormError {
    pub fn code(&self) -> Code {
        match self {
            FormError::FontMissing { .. } => Code::FontsMissing,
            FormError::FontUnreadable { .. } => Code::FontUnreadable,
            FormError::LogoUnreadable(_) => Code::LogoUnreadable,
            FormError::RenderFailed(_) => Code::RenderFailed,
            // Not `InvalidInput`: screens place that one beside a field and show nothing else,
            // and this refusal has no field of theirs to go beside.
            FormError::NotApplicable(_) | FormError::WrongMedia(_) => Code::FormNotApplicable,
        }
    }
}
