//! The entry points: a form of a ticket or of a return case, drawn from the papers the
//! store gathers, on its usual media or on the paper or label stock the printing settings
//! chose. The domain's `applies` rule for the kind is asked first, so a form is refused for
//! the same reason the Forms panel does not offer it; then media the form is not laid out
//! for is refused.

use caseback_domain::papers::{FormKind, ReturnFormKind, ReturnPapers, TicketPapers};
use caseback_domain::printing::{Media, PrintedForm};

use crate::after_sale::{collection_notice, commercial_invoice, payment_receipt, shipping_label_on, shipping_notice};
use crate::media::{laid_out_for, on_sheet};
use crate::returns::{inspection_report, return_authorization, return_label_a4, return_label_on, rma_instructions};
use crate::ticket_tag::ticket_tag_on;
use crate::{decline_letter, intake_receipt, quotation, return_notice, work_summary, Fonts, FormError};

/// Renders `kind` of a ticket from its papers on its usual media: a document on the shop's
/// paper, the tag on 62 x 29 mm, the shipping label on 4 x 6 in.
pub fn render_ticket(fonts: &Fonts, kind: FormKind, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    render_ticket_on(fonts, kind, p, PrintedForm::Ticket(kind).default_media(p.settings.paper))
}

/// Renders `kind` of a ticket from its papers on `media`. A form the ticket has no facts for
/// (`FormKind::applies`) is refused with `FormError::NotApplicable` and the domain's reason,
/// media the form is not laid out for with `FormError::WrongMedia`. A document on A4 or
/// Letter is drawn on that sheet whatever the shop's paper.
pub fn render_ticket_on(fonts: &Fonts, kind: FormKind, p: &TicketPapers, media: Media) -> Result<Vec<u8>, FormError> {
    kind.applies(&p.facts()).map_err(FormError::NotApplicable)?;
    laid_out_for(PrintedForm::Ticket(kind), media)?;
    let p = &*on_sheet(p, p.settings.paper, media, |p| &mut p.settings);
    match kind {
        FormKind::IntakeReceipt => intake_receipt(fonts, p),
        FormKind::TicketTag => ticket_tag_on(fonts, p, media),
        FormKind::Quotation => quotation(fonts, p),
        FormKind::ReturnNotice => return_notice(fonts, p),
        FormKind::WorkSummary => work_summary(fonts, p),
        FormKind::CollectionNotice => collection_notice(fonts, p),
        FormKind::PaymentReceipt => payment_receipt(fonts, p),
        FormKind::ShippingNotice => shipping_notice(fonts, p),
        FormKind::CommercialInvoice => commercial_invoice(fonts, p),
        FormKind::ShippingLabel => shipping_label_on(fonts, p, media),
    }
}

/// Renders `kind` of a return case from its papers on its usual media: a document on the
/// shop's paper, the return label on 4 x 6 in.
pub fn render_return_case(fonts: &Fonts, kind: ReturnFormKind, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    render_return_case_on(fonts, kind, p, PrintedForm::Return(kind).default_media(p.settings.paper))
}

/// Renders `kind` of a return case from its papers on `media`. A form the case has no facts
/// for (`ReturnFormKind::applies`) is refused with `FormError::NotApplicable` and the
/// domain's reason, media the form is not laid out for with `FormError::WrongMedia`. A
/// document on A4 or Letter is drawn on that sheet whatever the shop's paper (the half-A4
/// return label is A4 whatever it is asked for: it is cut from an A4 sheet).
pub fn render_return_case_on(
    fonts: &Fonts,
    kind: ReturnFormKind,
    p: &ReturnPapers,
    media: Media,
) -> Result<Vec<u8>, FormError> {
    kind.applies(&p.case).map_err(FormError::NotApplicable)?;
    laid_out_for(PrintedForm::Return(kind), media)?;
    let p = &*on_sheet(p, p.settings.paper, media, |p| &mut p.settings);
    match kind {
        ReturnFormKind::ReturnAuthorization => return_authorization(fonts, p),
        ReturnFormKind::RmaInstructions => rma_instructions(fonts, p),
        ReturnFormKind::ReturnLabel => return_label_on(fonts, p, media),
        ReturnFormKind::ReturnLabelA4 => return_label_a4(fonts, p),
        ReturnFormKind::InspectionReport => inspection_report(fonts, p),
        ReturnFormKind::DeclineLetter => decline_letter(fonts, p),
    }
}
