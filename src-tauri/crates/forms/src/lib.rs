//! Caseback's printable forms, drawn with printpdf from domain values: the intake receipt,
//! the repair quotation, the return-unrepaired notice and the warranty work order (A4 or US
//! Letter), and the 62 x 29 mm bag tag.
//!
//! Text is set in Noto Sans, and in Noto Sans CJK for Chinese, Japanese and Korean; the
//! fonts come from the system's `fonts-noto-core` and `fonts-noto-cjk` packages. Load them
//! once with [`Fonts::load`] and reuse them for every form.

mod draw;
mod error;
mod flow;
mod fonts;
mod layout;
mod logo;
mod notices;
mod papers;
mod qr;
mod quotation;
mod receipt;
mod ticket_tag;

pub use error::FormError;
pub use fonts::Fonts;
pub use notices::{inspection_fee, return_notice, work_summary, ReturnNoticeDoc, WorkSummaryDoc};
pub use papers::{render, FormKind, Papers};
pub use quotation::{quotation, QuotationDoc};
pub use receipt::{intake_receipt, IntakeReceipt};
pub use ticket_tag::{ticket_tag, TicketTag};

/// The shop's logo as stored: its media type (`image/png` or `image/jpeg`) and bytes.
#[derive(Clone, Copy, Debug)]
pub struct Logo<'a> {
    pub media_type: &'a str,
    pub bytes: &'a [u8],
}
