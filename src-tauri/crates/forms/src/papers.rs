//! The two entry points: a form of a ticket or of a return case, drawn from the papers the
//! store gathers. The domain's `applies` rule for the kind is asked first, so a form is
//! refused for the same reason the Forms panel does not offer it.

use caseback_domain::papers::{FormKind, ReturnFormKind, ReturnPapers, TicketPapers};

use crate::after_sale::{collection_notice, commercial_invoice, payment_receipt, shipping_label, shipping_notice};
use crate::returns::{inspection_report, return_authorization, return_label, return_label_a4, rma_instructions};
use crate::{decline_letter, intake_receipt, quotation, return_notice, ticket_tag, work_summary, Fonts, FormError};

/// Renders `kind` of a ticket from its papers; a form the ticket has no facts for
/// (`FormKind::applies`) is refused with `FormError::NotApplicable` and the domain's reason.
pub fn render_ticket(fonts: &Fonts, kind: FormKind, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    kind.applies(&p.facts()).map_err(FormError::NotApplicable)?;
    match kind {
        FormKind::IntakeReceipt => intake_receipt(fonts, p),
        FormKind::TicketTag => ticket_tag(fonts, p),
        FormKind::Quotation => quotation(fonts, p),
        FormKind::ReturnNotice => return_notice(fonts, p),
        FormKind::WorkSummary => work_summary(fonts, p),
        FormKind::CollectionNotice => collection_notice(fonts, p),
        FormKind::PaymentReceipt => payment_receipt(fonts, p),
        FormKind::ShippingNotice => shipping_notice(fonts, p),
        FormKind::CommercialInvoice => commercial_invoice(fonts, p),
        FormKind::ShippingLabel => shipping_label(fonts, p),
    }
}

/// Renders `kind` of a return case from its papers; a form the case has no facts for
/// (`ReturnFormKind::applies`) is refused with `FormError::NotApplicable` and the domain's reason.
pub fn render_return_case(fonts: &Fonts, kind: ReturnFormKind, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    kind.applies(&p.case).map_err(FormError::NotApplicable)?;
    match kind {
        ReturnFormKind::ReturnAuthorization => return_authorization(fonts, p),
        ReturnFormKind::RmaInstructions => rma_instructions(fonts, p),
        ReturnFormKind::ReturnLabel => return_label(fonts, p),
        ReturnFormKind::ReturnLabelA4 => return_label_a4(fonts, p),
        ReturnFormKind::InspectionReport => inspection_report(fonts, p),
        ReturnFormKind::DeclineLetter => decline_letter(fonts, p),
    }
}
