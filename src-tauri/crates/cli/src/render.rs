//! `render FORM TARGET`: a ticket's forms by ticket number, a return's by RMA code.

use anyhow::Result;
use caseback_forms::{AfterSale, Fonts, FormKind, Image, Papers, ReturnFormKind, ReturnPapers};
use caseback_store::Shop;
use jiff::Timestamp;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Form {
    /// The intake receipt (A4 or Letter, from settings).
    Receipt,
    /// The 62 x 29 mm bag tag.
    Tag,
    /// The ticket's latest quotation.
    Quotation,
    /// The return-unrepaired notice (after an expired or refused quotation).
    ReturnNotice,
    /// The zero-cost work order of a repair covered by warranty.
    WorkSummary,
    /// The Collection Notice: repair done, photos, balance, storage fee from its date.
    CollectionNotice,
    /// The receipt / invoice of what was paid ("paid in full" when settled).
    PaymentReceipt,
    /// The Shipping Notice: courier, tracking number, delivery window.
    ShippingNotice,
    /// The commercial invoice marked "returned goods", for customs.
    CommercialInvoice,
    /// The 4 x 6 inch address label with the tracking number's barcode.
    ShippingLabel,
    /// A return's authorization form, for the customer to fill in and sign (by RMA code).
    ReturnAuthorization,
    /// A return's instructions: where and how to send it (by RMA code).
    RmaInstructions,
    /// A return's 4 x 6 inch label with the RMA code as barcodes (by RMA code).
    ReturnLabel,
    /// The same label on half an A4 page (by RMA code).
    ReturnLabelA4,
    /// A return's inspection report and decision (by RMA code).
    InspectionReport,
}

enum Kind {
    Ticket(FormKind),
    Return(ReturnFormKind),
}

impl Form {
    fn kind(self) -> Kind {
        use Kind::*;
        match self {
            Form::Receipt => Ticket(FormKind::IntakeReceipt),
            Form::Tag => Ticket(FormKind::TicketTag),
            Form::Quotation => Ticket(FormKind::Quotation),
            Form::ReturnNotice => Ticket(FormKind::ReturnNotice),
            Form::WorkSummary => Ticket(FormKind::WorkSummary),
            Form::CollectionNotice => Ticket(FormKind::CollectionNotice),
            Form::PaymentReceipt => Ticket(FormKind::PaymentReceipt),
            Form::ShippingNotice => Ticket(FormKind::ShippingNotice),
            Form::CommercialInvoice => Ticket(FormKind::CommercialInvoice),
            Form::ShippingLabel => Ticket(FormKind::ShippingLabel),
            Form::ReturnAuthorization => Return(ReturnFormKind::ReturnAuthorization),
            Form::RmaInstructions => Return(ReturnFormKind::RmaInstructions),
            Form::ReturnLabel => Return(ReturnFormKind::ReturnLabel),
            Form::ReturnLabelA4 => Return(ReturnFormKind::ReturnLabelA4),
            Form::InspectionReport => Return(ReturnFormKind::InspectionReport),
        }
    }
}

/// The PDF and the name of what it was drawn for (a ticket number or an RMA code).
pub fn render(shop: &Shop, form: Form, target: &str, now: Timestamp) -> Result<(Vec<u8>, String)> {
    let fonts = Fonts::load()?;
    match form.kind() {
        Kind::Ticket(kind) => {
            let id = shop.ticket_by_number(target)?.id;
            let papers = shop.ticket_papers(id, now, kind == FormKind::CollectionNotice)?;
            let sale = &papers.after_sale;
            let after_sale = AfterSale {
                completion: sale.completion.as_ref().map(|(c, _)| c),
                photos: papers.after_photos.iter().map(|(media_type, bytes)| Image { media_type, bytes }).collect(),
                notice: sale.notice.as_ref(),
                account: &sale.account,
                as_of: sale.as_of,
                payments: &sale.payments,
                accepted: sale.accepted.as_ref().map(|(q, cosmetic)| (q, *cosmetic)),
                shipping: sale.shipping.as_ref(),
                release: sale.release.as_ref().map(|(r, _)| r),
            };
            let forms = Papers {
                settings: &papers.settings,
                ticket: &papers.ticket,
                customer: &papers.customer.details,
                received_by: &papers.received_by,
                logo: papers.logo.as_ref().map(|(media_type, bytes)| Image { media_type, bytes }),
                quotation: papers.quotation.as_ref(),
                refused: papers.refused,
                assessment: papers.assessment.as_ref(),
                after_sale: Some(&after_sale),
            };
            Ok((caseback_forms::render(&fonts, kind, &forms)?, papers.ticket.number.to_string()))
        }
        Kind::Return(kind) => {
            let f = shop.return_papers(shop.return_by_code(target)?)?;
            let papers = ReturnPapers {
                settings: &f.settings,
                case: &f.case,
                customer: f.customer.as_ref(),
                logo: f.logo.as_ref().map(|(media_type, bytes)| Image { media_type, bytes }),
                inspection_photos: f
                    .inspection_photos
                    .iter()
                    .map(|(media_type, bytes)| Image { media_type, bytes })
                    .collect(),
            };
            Ok((caseback_forms::render_return(&fonts, kind, &papers)?, f.case.title()))
        }
    }
}
