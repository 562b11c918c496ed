//! One entry point for every form of a ticket: which form, and the ticket's papers.

use caseback_domain::assessment::Assessment;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::Ticket;
use caseback_domain::quotation::Quotation;
use caseback_domain::Settings;
use serde::Deserialize;

use crate::{
    intake_receipt, quotation, return_notice, ticket_tag, work_summary, Fonts, FormError, IntakeReceipt, Logo,
    QuotationDoc, ReturnNoticeDoc, TicketTag, WorkSummaryDoc,
};

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
}

/// Renders `kind`; a form whose facts the ticket lacks (no quotation, no covered
/// assessment) is refused with `FormError::NotApplicable`.
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
    }
}
