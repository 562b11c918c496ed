//! What a ticket's or a return's printed forms are drawn from, gathered by the store and
//! read by the forms crate as they are; and which forms each record has. One `applies`
//! rule per form kind decides both what the Forms panel offers and whether a render is
//! refused.

use serde::{Deserialize, Serialize};

use crate::after_sale::{AfterSale, Release};
use crate::assessment::Assessment;
use crate::customer::CustomerDetails;
use crate::quotation::Quotation;
use crate::readings::Readings;
use crate::returns::ReturnCase;
use crate::service_warranty::ServiceWarranty;
use crate::ticket::{Ticket, TicketState};
use crate::Settings;

/// An image as stored: its media type (`image/png` or `image/jpeg`) and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// Everything a ticket's forms are drawn from.
#[derive(Clone, Debug)]
pub struct TicketPapers {
    pub settings: Settings,
    pub ticket: Ticket,
    pub customer: CustomerDetails,
    /// The staff member who booked the watch in.
    pub received_by: String,
    pub logo: Option<Image>,
    /// The latest revision of the ticket's quotation, if any.
    pub quotation: Option<Quotation>,
    /// The customer refused that quotation in writing.
    pub refused: bool,
    pub assessment: Option<Assessment>,
    /// Completion, notice, payments, shipping and release, with the account as of then.
    pub after_sale: AfterSale,
    /// Photos of the repaired watch, in order; read only for the Collection Notice, the one
    /// form that shows them (a photo whose file went missing is left out).
    pub after_photos: Vec<Image>,
    /// The bench's readings of the watch: before the work (if taken), after it (if taken).
    pub readings_before: Option<Readings>,
    pub readings_after: Option<Readings>,
    /// The shop's own warranty the completed work carries, if the shop gives one.
    pub service_warranty: Option<ServiceWarranty>,
    /// The signatures given on the screen, with their pictures; each prints on its form
    /// (a picture whose file went missing is left out).
    pub signatures: Vec<(crate::signature::Signature, Image)>,
}

impl TicketPapers {
    /// The signature given on `document` (for an acceptance, on this quotation), if any.
    pub fn signature(
        &self,
        document: crate::signature::SignedDocument,
    ) -> Option<&(crate::signature::Signature, Image)> {
        let reference = match document {
            crate::signature::SignedDocument::QuotationAcceptance => {
                self.quotation.as_ref().map(|q| q.number.to_string()).unwrap_or_default()
            }
            _ => String::new(),
        };
        self.signatures.iter().find(|(s, _)| s.document == document && s.reference == reference)
    }
}

/// Everything a return case's forms are drawn from.
#[derive(Clone, Debug)]
pub struct ReturnPapers {
    pub settings: Settings,
    pub case: ReturnCase,
    /// The customer, when known (a package may arrive from nobody we know).
    pub customer: Option<CustomerDetails>,
    pub logo: Option<Image>,
    /// Photos taken at inspection, in order (unreadable ones left out).
    pub inspection_photos: Vec<Image>,
    /// The staff member who recorded the inspection and its decision (the latest, when it
    /// was revised); empty until it is decided, or when the log does not say.
    pub inspected_by: String,
}

/// The facts a ticket's forms turn on, without the images: enough to say which apply.
#[derive(Clone, Copy, Debug)]
pub struct TicketFacts<'a> {
    pub ticket: &'a Ticket,
    pub quotation: Option<&'a Quotation>,
    pub assessment: Option<&'a Assessment>,
    pub after_sale: &'a AfterSale,
}

impl TicketPapers {
    pub fn facts(&self) -> TicketFacts<'_> {
        TicketFacts {
            ticket: &self.ticket,
            quotation: self.quotation.as_ref(),
            assessment: self.assessment.as_ref(),
            after_sale: &self.after_sale,
        }
    }
}

/// Generates a form-kind enum with its one name (CLI argument, file name, test id), title
/// and a line on what it is for.
macro_rules! form_kinds {
    ($(#[$meta:meta])* pub enum $name:ident {
        $($(#[doc = $doc:literal])* $variant:ident => ($slug:literal, $title:literal, $about:literal),)*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[doc = $doc])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// Its one name: the CLI's `render` argument, the end of the file name and the
            /// Forms panel's test id (`receipt`, `return-label-a4`).
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $slug,)* }
            }

            pub fn title(self) -> &'static str {
                match self { $($name::$variant => $title,)* }
            }

            /// What the form is for, in a line.
            pub fn about(self) -> &'static str {
                match self { $($name::$variant => $about,)* }
            }

            /// The kind a name names (as `name` gives it).
            pub fn from_name(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|k| k.name() == text)
            }
        }
    };
}

form_kinds! {
    /// A repair ticket's forms.
    pub enum FormKind {
        IntakeReceipt => ("receipt", "Intake receipt",
            "For the customer: the watch, what came with it, its condition and the terms."),
        TicketTag => ("tag", "Bag tag", "Stays with the watch: the ticket number as a code to scan."),
        /// The ticket's latest quotation.
        Quotation => ("quotation", "Quotation",
            "For the customer: the latest quotation, its lines, totals and validity."),
        /// The return-unrepaired notice, from the latest quotation.
        ReturnNotice => ("return-notice", "Return unrepaired notice",
            "For the customer: the quotation lapsed or was refused; arrange the return at their cost."),
        /// The zero-cost work order of a repair covered by warranty.
        WorkSummary => ("work-summary", "Warranty work order", "Covered by warranty: the findings and a cost of zero."),
        CollectionNotice => ("collection-notice", "Collection Notice",
            "For the customer: the work done, photos, the balance and how to get the watch back."),
        /// The receipt / tax invoice of what was charged and paid.
        PaymentReceipt => ("payment-receipt", "Receipt", "For the customer: what was charged, paid and refunded."),
        ShippingNotice => ("shipping-notice", "Shipping Notice",
            "For the customer: courier, tracking number and when to expect the parcel."),
        /// The customs paper of a returned repaired watch.
        CommercialInvoice => ("commercial-invoice", "Commercial invoice",
            "Goes with the parcel: the watch declared as returned goods, for customs."),
        ShippingLabel => ("shipping-label", "Shipping label",
            "Stuck on the parcel: the address, ticket number and tracking."),
    }
}

form_kinds! {
    /// A return case's forms.
    pub enum ReturnFormKind {
        /// The form the customer fills in, signs and encloses in the parcel.
        ReturnAuthorization => ("return-form", "Return authorization form",
            "For the customer: the RMA code, what to send back and how."),
        RmaInstructions => ("rma-instructions", "RMA instructions",
            "For the customer: how to pack and label the parcel, and by when."),
        ReturnLabel => ("return-label", "Return label",
            "Stuck on the parcel: the shop’s address and the RMA code to scan."),
        ReturnLabelA4 => ("return-label-a4", "Return label, A4 half page", "The same label for an ordinary printer."),
        InspectionReport => ("inspection-report", "Inspection report",
            "The checklist, wear, photos and the decision with its figures."),
        /// The letter a declined request gets (`returns::message::decline_letter`).
        DeclineLetter => ("decline-letter", "Decline letter",
            "For the customer: why the return request was declined, and what to do now."),
    }
}

impl FormKind {
    /// Whether the ticket has what this form is about; if not, why not.
    pub fn applies(self, f: &TicketFacts) -> Result<(), &'static str> {
        let sale = f.after_sale;
        let dispatched = matches!(sale.release, Some((Release::Dispatched(_), _)));
        let check = |ok: bool, why: &'static str| if ok { Ok(()) } else { Err(why) };
        match self {
            FormKind::IntakeReceipt | FormKind::TicketTag => Ok(()),
            FormKind::Quotation => check(f.quotation.is_some(), "This ticket has no quotation yet."),
            FormKind::ReturnNotice => check(
                f.quotation.is_some()
                    && matches!(f.ticket.state, TicketState::ReturnDue | TicketState::ReturnedUnrepaired),
                "The watch is not due to go back unrepaired: its quotation has not lapsed or been refused.",
            ),
            FormKind::WorkSummary => check(
                f.assessment.is_some_and(|a| a.decision.is_covered()),
                "This repair has no covered warranty assessment.",
            ),
            FormKind::CollectionNotice => check(sale.notice.is_some(), "No Collection Notice has been issued yet."),
            // `payments` are the entries that count: a voided one is not on any paper.
            // A watch handed over with nothing owed (a warranty repair) still gets its receipt.
            FormKind::PaymentReceipt => check(
                !sale.payments.is_empty() || sale.account.total_charges.0 > 0 || sale.release.is_some(),
                "Nothing has been charged or paid on this ticket yet.",
            ),
            FormKind::ShippingNotice | FormKind::ShippingLabel => {
                check(dispatched, "The watch has not been dispatched yet.")
            }
            FormKind::CommercialInvoice => check(
                sale.shipping.as_ref().is_some_and(|s| s.commercial_invoice),
                "No commercial invoice was asked for with the shipping.",
            ),
        }
    }
}

impl FormKind {
    /// The form prints the shop's postal address for the post to use (the sender of the
    /// shipping label): refused while the shop has none.
    pub fn needs_shop_address(self) -> bool {
        self == FormKind::ShippingLabel
    }
}

impl ReturnFormKind {
    /// The form tells the customer where to send the return (or is stuck on the parcel):
    /// refused while the shop has no postal address.
    pub fn needs_shop_address(self) -> bool {
        !matches!(self, ReturnFormKind::InspectionReport | ReturnFormKind::DeclineLetter)
    }

    /// Whether the case has what this form is about; if not, why not.
    pub fn applies(self, case: &ReturnCase) -> Result<(), &'static str> {
        match self {
            ReturnFormKind::InspectionReport => match (&case.inspection, &case.decision) {
                (Some(_), Some(_)) => Ok(()),
                _ => Err("The return has not been inspected and decided yet."),
            },
            ReturnFormKind::DeclineLetter => match (&case.request, case.state) {
                (Some(_), crate::returns::ReturnState::Declined) => Ok(()),
                _ => Err("Only a declined return request has a decline letter."),
            },
            _ if case.request.is_none() => Err("This package has no return request on file."),
            _ if case.rma.is_none() => Err("No RMA code has been issued for this return."),
            // The form to enclose, the instructions and the labels are for a parcel.
            _ if case.taken_in_at_counter => {
                Err("The watch was handed over at the counter: there is no parcel to send.")
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_one_name_that_reads_back() {
        for k in FormKind::ALL {
            assert_eq!(FormKind::from_name(k.name()), Some(*k));
        }
        for k in ReturnFormKind::ALL {
            assert_eq!(ReturnFormKind::from_name(k.name()), Some(*k));
        }
        let names: std::collections::HashSet<_> =
            FormKind::ALL.iter().map(|k| k.name()).chain(ReturnFormKind::ALL.iter().map(|k| k.name())).collect();
        assert_eq!(names.len(), FormKind::ALL.len() + ReturnFormKind::ALL.len(), "no two forms share a name");
    }

    use jiff::civil::date;

    use crate::after_sale::AfterSale;
    use crate::assessment::{Assessment, CoveredReason, WarrantyDecision};
    use crate::customer::CustomerId;
    use crate::intake::IntakeDetails;
    use crate::quotation::{LineKind, Quantity, QuotationDraft, QuoteLine, Section};
    use crate::ticket::{TicketId, TicketNumber};
    use crate::{warranty, Amount, Policy};

    fn ticket(state: TicketState) -> Ticket {
        let details = IntakeDetails::default();
        let policy = Policy::default();
        Ticket {
            id: TicketId(1),
            number: TicketNumber { branch: None, year: 2026, seq: 42 },
            state,
            customer: CustomerId(1),
            warranty: warranty::check(&policy, &details.purchase, date(2026, 11, 30), &details.voiding),
            details,
            received_at: "2026-11-30T02:00:00Z".parse().unwrap(),
            received_on: date(2026, 11, 30),
            assessment_due: date(2026, 12, 2),
            photos: vec![],
        }
    }

    fn quotation() -> Quotation {
        let line = QuoteLine {
            kind: LineKind::Labour,
            section: Section::Repair,
            description: "Full service".into(),
            quantity: Quantity(100),
            unit_price: Amount(88_000),
            taxable: true,
            part: None,
        };
        let draft = QuotationDraft { lines: vec![line], timeline_working_days: 7, parts_returned: false };
        draft
            .issue(
                TicketNumber { branch: None, year: 2026, seq: 42 },
                1,
                &Policy::default(),
                crate::Percent(0),
                date(2026, 12, 1),
            )
            .unwrap()
    }

    fn sale(accepted: Option<Quotation>) -> AfterSale {
        let accepted = accepted.map(|q| (q, false));
        AfterSale::of(&Policy::default(), None, None, vec![], None, None, accepted, false, date(2026, 12, 1))
    }

    fn applying(t: &Ticket, q: Option<&Quotation>, a: Option<&Assessment>, s: &AfterSale) -> Vec<&'static str> {
        let facts = TicketFacts { ticket: t, quotation: q, assessment: a, after_sale: s };
        FormKind::ALL.iter().filter(|k| k.applies(&facts).is_ok()).map(|k| k.name()).collect()
    }

    #[test]
    fn a_ticket_has_the_forms_its_facts_allow_and_no_others() {
        let nothing = sale(None);
        assert_eq!(applying(&ticket(TicketState::Received), None, None, &nothing), ["receipt", "tag"]);
        let q = quotation();
        assert_eq!(applying(&ticket(TicketState::Quoted), Some(&q), None, &nothing), ["receipt", "tag", "quotation"]);
        let due = applying(&ticket(TicketState::ReturnDue), Some(&q), None, &nothing);
        assert_eq!(due, ["receipt", "tag", "quotation", "return-notice"], "lapsed or refused: the return notice");
        let covered = Assessment {
            findings: "Crown tube corroded".into(),
            decision: WarrantyDecision::Covered(CoveredReason::ManufacturingDefect),
            photos: vec![],
        };
        assert!(applying(&ticket(TicketState::Approved), None, Some(&covered), &nothing).contains(&"work-summary"));
        // Accepted, the repair is charged: the receipt applies before anything is paid.
        let charged = sale(Some(q.clone()));
        assert!(applying(&ticket(TicketState::Approved), Some(&q), None, &charged).contains(&"payment-receipt"));
        let refused = FormKind::ShippingLabel.applies(&TicketFacts {
            ticket: &ticket(TicketState::ReadyForCollection),
            quotation: None,
            assessment: None,
            after_sale: &nothing,
        });
        assert_eq!(refused, Err("The watch has not been dispatched yet."));
    }

    #[test]
    fn a_declined_request_has_its_letter_and_no_other_form() {
        use crate::returns::{ReturnRequest, ReturnState};
        let request: ReturnRequest = serde_json::from_value(serde_json::json!({
            "order_number": "TR-2031", "product": "Huawei Watch GT 5", "model": "", "currency": "TRY",
            "purchase_price": 899000, "original_shipping": 0, "insurance_paid": 0, "paid_with": "original_card",
            "purchase_date": "2026-10-28", "delivery_date": null, "reason": "change_of_mind", "details": "",
            "colour_claim": false, "opened": true, "requested_on": "2026-11-20", "channel": "in_store"
        }))
        .unwrap();
        let mut case = ReturnCase::new(None, ReturnState::Requested, Some(request));
        assert!(ReturnFormKind::DeclineLetter.applies(&case).is_err(), "not declined yet");
        case.state = ReturnState::Declined;
        let applying: Vec<_> = ReturnFormKind::ALL.iter().filter(|k| k.applies(&case).is_ok()).collect();
        assert_eq!(applying, [&ReturnFormKind::DeclineLetter]);
        assert!(!ReturnFormKind::DeclineLetter.needs_shop_address());
        let stray = ReturnCase::new(None, ReturnState::Declined, None);
        assert!(ReturnFormKind::DeclineLetter.applies(&stray).is_err());
    }

    #[test]
    fn a_return_without_a_code_has_no_forms_until_one_is_issued() {
        let case = ReturnCase::new(None, crate::returns::ReturnState::Held, None);
        for k in ReturnFormKind::ALL {
            assert!(k.applies(&case).is_err(), "{k:?}");
        }
    }
}
