//! One entry point for every form of a ticket: which form, and the ticket's papers.

use caseback_domain::after_sale::{Account, CollectionNotice, Completion, Payment, Release, Shipping};
use caseback_domain::assessment::Assessment;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::{FormKind, TicketPapers};
use caseback_domain::quotation::Quotation;
use caseback_domain::ticket::Ticket;
use caseback_domain::Settings;
use jiff::civil::Date;

use crate::after_sale;
use crate::{
    intake_receipt, quotation, return_notice, ticket_tag, work_summary, Fonts, FormError, IntakeReceipt, QuotationDoc,
    ReturnNoticeDoc, TicketTag, WorkSummaryDoc,
};

/// An image as stored: its media type (`image/png` or `image/jpeg`) and bytes.
#[derive(Clone, Copy, Debug)]
pub struct Image<'a> {
    pub media_type: &'a str,
    pub bytes: &'a [u8],
}

/// The shop's logo as stored.
pub type Logo<'a> = Image<'a>;

/// Everything a ticket's forms are drawn from.
pub struct Papers<'a> {
    pub settings: &'a Settings,
    pub ticket: &'a Ticket,
    pub customer: &'a CustomerDetails,
    pub received_by: &'a str,
    pub logo: Option<Logo<'a>>,
    pub quotation: Option<&'a Quotation>,
    /// The customer refused the latest quotation in writing.
    pub refused: bool,
    pub assessment: Option<&'a Assessment>,
    pub after_sale: Option<&'a AfterSale<'a>>,
}

/// What happened after the repair, for the after-sale forms.
pub struct AfterSale<'a> {
    pub completion: Option<&'a Completion>,
    /// Photos of the repaired watch, in order (may be fewer than completion.photos if some were unreadable).
    pub photos: Vec<Image<'a>>,
    pub notice: Option<&'a CollectionNotice>,
    /// The account as of `as_of` (today, or the day the watch left).
    pub account: &'a Account,
    pub as_of: Date,
    pub payments: &'a [Payment],
    /// The accepted quotation and whether its cosmetic section was accepted too.
    pub accepted: Option<(&'a Quotation, bool)>,
    pub shipping: Option<&'a Shipping>,
    pub release: Option<&'a Release>,
}

/// An image of the store's, as the drawing code borrows it.
pub(crate) fn image(i: &caseback_domain::papers::Image) -> Image<'_> {
    Image { media_type: &i.media_type, bytes: &i.bytes }
}

/// Renders `kind` of a ticket from its papers as the store gathers them; a form the ticket
/// has no facts for (`FormKind::applies`) is refused with `FormError::NotApplicable`.
pub fn render_ticket(fonts: &Fonts, kind: FormKind, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    kind.applies(&p.facts()).map_err(FormError::NotApplicable)?;
    let sale = &p.after_sale;
    let after_sale = AfterSale {
        completion: sale.completion.as_ref().map(|(c, _)| c),
        photos: p.after_photos.iter().map(image).collect(),
        notice: sale.notice.as_ref(),
        account: &sale.account,
        as_of: sale.as_of,
        payments: &sale.payments,
        accepted: sale.accepted.as_ref().map(|(q, cosmetic)| (q, *cosmetic)),
        shipping: sale.shipping.as_ref(),
        release: sale.release.as_ref().map(|(r, _)| r),
    };
    let papers = Papers {
        settings: &p.settings,
        ticket: &p.ticket,
        customer: &p.customer,
        received_by: &p.received_by,
        logo: p.logo.as_ref().map(image),
        quotation: p.quotation.as_ref(),
        refused: p.refused,
        assessment: p.assessment.as_ref(),
        after_sale: Some(&after_sale),
    };
    render(fonts, kind, &papers)
}

/// Renders `kind` from papers the caller put together (the forms' own tests and samples);
/// a form whose facts the ticket lacks is refused with `FormError::NotApplicable`.
pub fn render(fonts: &Fonts, kind: FormKind, p: &Papers) -> Result<Vec<u8>, FormError> {
    let (settings, ticket, customer, logo) = (p.settings, p.ticket, p.customer, p.logo);
    let quotation_of = || p.quotation.ok_or(FormError::NotApplicable("This ticket has no quotation yet."));
    match kind {
        FormKind::IntakeReceipt => {
            intake_receipt(fonts, &IntakeReceipt { settings, ticket, customer, received_by: p.received_by, logo })
        }
        FormKind::TicketTag => ticket_tag(fonts, &TicketTag { ticket, customer }),
        FormKind::Quotation => {
            quotation(fonts, &QuotationDoc { settings, ticket, customer, quotation: quotation_of()?, logo })
        }
        FormKind::ReturnNotice => return_notice(
            fonts,
            &ReturnNoticeDoc { settings, ticket, customer, quotation: quotation_of()?, refused: p.refused, logo },
        ),
        FormKind::WorkSummary => {
            let a = p
                .assessment
                .filter(|a| a.decision.is_covered())
                .ok_or(FormError::NotApplicable("This repair has no covered warranty assessment."))?;
            work_summary(
                fonts,
                &WorkSummaryDoc {
                    settings,
                    ticket,
                    customer,
                    findings: &a.findings,
                    reason_label: a.decision.reason_label(),
                    logo,
                },
            )
        }
        FormKind::CollectionNotice => after_sale::collection_notice(fonts, p),
        FormKind::PaymentReceipt => after_sale::payment_receipt(fonts, p),
        FormKind::ShippingNotice => after_sale::shipping_notice(fonts, p),
        FormKind::CommercialInvoice => after_sale::commercial_invoice(fonts, p),
        FormKind::ShippingLabel => after_sale::shipping_label(fonts, p),
    }
}
