//! One entry point for every form of a ticket: which form, and the ticket's papers.

use caseback_domain::assessment::Assessment;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::Ticket;
use caseback_domain::quotation::Quotation;
use caseback_domain::release::{Account, CollectionNotice, Completion, Payment, Release, Shipping};
use caseback_domain::Settings;
use jiff::civil::Date;
use serde::Deserialize;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    IntakeReceipt,
    TicketTag,
    /// The ticket's latest quotation.
    Quotation,
    /// The return-unrepaired notice, from the latest quotation.
    ReturnNotice,
    /// The zero-cost work order of a repair covered by warranty.
    WorkSummary,
    /// The repair is done: the work, photos, the balance and how to get the watch back.
    CollectionNotice,
    /// The receipt / tax invoice of what was charged and paid.
    PaymentReceipt,
    /// The parcel is on its way: courier, tracking and the delivery window.
    ShippingNotice,
    /// The customs paper of a returned repaired watch.
    CommercialInvoice,
    /// The 4 x 6 in label stuck on the parcel.
    ShippingLabel,
}

impl FormKind {
    /// The end of the file name: `R-2026-00042-intake-receipt.pdf`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            FormKind::IntakeReceipt => "intake-receipt",
            FormKind::TicketTag => "bag-tag",
            FormKind::Quotation => "quotation",
            FormKind::ReturnNotice => "return-notice",
            FormKind::WorkSummary => "warranty-work-order",
            FormKind::CollectionNotice => "collection-notice",
            FormKind::PaymentReceipt => "receipt",
            FormKind::ShippingNotice => "shipping-notice",
            FormKind::CommercialInvoice => "commercial-invoice",
            FormKind::ShippingLabel => "shipping-label",
        }
    }
}

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

/// Renders `kind`; a form whose facts the ticket lacks (no quotation, no covered
/// assessment, not dispatched...) is refused with `FormError::NotApplicable`.
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
