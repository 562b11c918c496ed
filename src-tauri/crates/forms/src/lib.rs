//! Caseback's printable forms, drawn with printpdf from domain values: the intake receipt,
//! the repair quotation, the return-unrepaired notice and the warranty work order, and after
//! the repair the Collection Notice, the receipt, the shipping notice and the commercial
//! invoice (A4 or US Letter); the 62 x 29 mm bag tag and the 4 x 6 in shipping label.
//! A return case has its own forms, through [`render_return`]: the Return Authorization Form,
//! the RMA instructions, the return label (4 x 6 in, or on half an A4 sheet) and the
//! inspection report.
//!
//! Text is set in Noto Sans, and in Noto Sans CJK for Chinese, Japanese and Korean; the
//! fonts come from the system's `fonts-noto-core` and `fonts-noto-cjk` packages. Load them
//! once with [`Fonts::load`] and reuse them for every form.

mod after_sale;
mod barcode;
mod draw;
mod error;
mod flow;
mod fonts;
mod layout;
mod logo;
mod notices;
mod papers;
mod photo;
mod qr;
mod quotation;
mod receipt;
mod returns;
mod ticket_tag;

pub use caseback_domain::papers::{FormKind, ReturnFormKind};
pub use error::FormError;
pub use fonts::Fonts;
pub use notices::{inspection_fee, return_notice, work_summary, ReturnNoticeDoc, WorkSummaryDoc};
pub use papers::{render, render_ticket, AfterSale, Image, Logo, Papers};
pub use quotation::{quotation, QuotationDoc};
pub use receipt::{intake_receipt, IntakeReceipt};
pub use returns::{render_return, render_return_case, ReturnPapers};
pub use ticket_tag::{ticket_tag, TicketTag};
