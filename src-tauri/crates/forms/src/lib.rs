//! Caseback's printable forms, drawn with printpdf from the domain's papers: the intake
//! receipt, the repair quotation, the return-unrepaired notice and the warranty work order,
//! and after the repair the Collection Notice, the receipt, the shipping notice and the
//! commercial invoice (A4 or US Letter); the bag tag and the shipping label. A return case
//! has its own forms, through [`render_return_case`]: the Return Authorization Form, the RMA
//! instructions, the return label (on a parcel label, or on half an A4 sheet) and the
//! inspection report.
//!
//! [`render_ticket`] and [`render_return_case`] are what the app calls: they refuse a form
//! the domain's `applies` rule says the record does not have, and draw it on its usual
//! media (`PrintedForm::default_media`). [`render_ticket_on`] and [`render_return_case_on`]
//! draw it on the media the printing settings chose, and refuse media its shape is not laid
//! out for (`FormShape::fits`): a document on A4 or Letter, the bag tag on any tag stock
//! (62 x 29, 89 x 36 and 28 x 89 mm labels, 4 x 6 in and 100 x 150 mm), the shipping and
//! return labels on 4 x 6 in or 100 x 150 mm. [`ticket_tags`] puts many tickets' bag tags
//! in one PDF, a page each, for one print job. Each form also has its own function, which
//! refuses with its own reason when a fact it prints is missing.
//!
//! Text is set in Noto Sans, and in Noto Sans CJK for Chinese, Japanese and Korean; the
//! fonts come from the system's `fonts-noto-core` and `fonts-noto-cjk` packages. Load them
//! once with [`Fonts::load`] and reuse them for every form.

mod after_sale;
mod barcode;
mod dates;
mod decline_letter;
mod draw;
mod error;
mod flow;
mod fonts;
mod layout;
mod logo;
mod media;
mod notices;
mod papers;
mod photo;
mod qr;
mod quotation;
mod receipt;
mod report;
mod returns;
mod signature;
mod ticket_tag;

pub use after_sale::{collection_notice, commercial_invoice, payment_receipt, shipping_label, shipping_notice};
pub use caseback_domain::papers::{FormKind, ReturnFormKind};
pub use caseback_domain::printing::Media;
pub use decline_letter::decline_letter;
pub use error::FormError;
pub use fonts::Fonts;
pub use notices::{inspection_fee, return_notice, work_summary};
pub use papers::{render_return_case, render_return_case_on, render_ticket, render_ticket_on};
pub use quotation::quotation;
pub use receipt::intake_receipt;
pub use report::{report, ReportPaper, ReportTable};
pub use returns::{inspection_report, return_authorization, return_label, return_label_a4, rma_instructions};
pub use ticket_tag::{ticket_tag, ticket_tags};
