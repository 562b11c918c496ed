//! The technician's assessment and the customer's written answer to a quotation, and the
//! moves the clock makes on a quoted ticket (expiry, then the end of the hold).

use serde::{Deserialize, Serialize};

use crate::quotation::{ConfirmationChannel, Standing};
use crate::text;
use crate::ticket::TicketState;
use crate::DomainError;

/// Why a repair is covered by the warranty (lx-watch 1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoveredReason {
    ManufacturingDefect,
    NormalUseFailure,
    /// Back within the shop's own warranty on its earlier work: that work is redone at no
    /// charge (`service_warranty`).
    ServiceWarrantyRedo,
}

/// Why it is not (lx-watch 1.2, KOSPET's voiding list, or simply out of warranty).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCoveredReason {
    Misuse,
    Impact,
    ImproperMaintenance,
    Wear,
    VoidingFinding,
    OutOfWarranty,
    NoProofOfPurchase,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision", content = "reason")]
pub enum WarrantyDecision {
    Covered(CoveredReason),
    NotCovered(NotCoveredReason),
}

impl WarrantyDecision {
    pub const ALL: [WarrantyDecision; 10] = [
        WarrantyDecision::Covered(CoveredReason::ManufacturingDefect),
        WarrantyDecision::Covered(CoveredReason::NormalUseFailure),
        WarrantyDecision::Covered(CoveredReason::ServiceWarrantyRedo),
        WarrantyDecision::NotCovered(NotCoveredReason::Misuse),
        WarrantyDecision::NotCovered(NotCoveredReason::Impact),
        WarrantyDecision::NotCovered(NotCoveredReason::ImproperMaintenance),
        WarrantyDecision::NotCovered(NotCoveredReason::Wear),
        WarrantyDecision::NotCovered(NotCoveredReason::VoidingFinding),
        WarrantyDecision::NotCovered(NotCoveredReason::OutOfWarranty),
        WarrantyDecision::NotCovered(NotCoveredReason::NoProofOfPurchase),
    ];

    /// The decision a technician starts from: most repairs are wear.
    pub const USUAL: WarrantyDecision = WarrantyDecision::NotCovered(NotCoveredReason::Wear);

    /// "Covered: manufacturing defect", as the decision list shows it.
    pub fn label(self) -> String {
        match self {
            WarrantyDecision::Covered(_) => format!("Covered: {}", self.reason_label()),
            WarrantyDecision::NotCovered(_) => format!("Not covered: {}", self.reason_label()),
        }
    }

    /// "manufacturing defect", "impact": the reason in words, for forms and history.
    pub fn reason_label(self) -> &'static str {
        match self {
            WarrantyDecision::Covered(CoveredReason::ManufacturingDefect) => "manufacturing defect",
            WarrantyDecision::Covered(CoveredReason::NormalUseFailure) => "failure from normal use",
            WarrantyDecision::Covered(CoveredReason::ServiceWarrantyRedo) => "redone under the shop's service warranty",
            WarrantyDecision::NotCovered(NotCoveredReason::Misuse) => "misuse",
            WarrantyDecision::NotCovered(NotCoveredReason::Impact) => "impact",
            WarrantyDecision::NotCovered(NotCoveredReason::ImproperMaintenance) => "improper maintenance",
            WarrantyDecision::NotCovered(NotCoveredReason::Wear) => "wear",
            WarrantyDecision::NotCovered(NotCoveredReason::VoidingFinding) => "a finding that voids the warranty",
            WarrantyDecision::NotCovered(NotCoveredReason::OutOfWarranty) => "out of warranty",
            WarrantyDecision::NotCovered(NotCoveredReason::NoProofOfPurchase) => "no proof of purchase",
        }
    }

    pub fn is_covered(self) -> bool {
        matches!(self, WarrantyDecision::Covered(_))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// What the technician found, in their words.
    pub findings: String,
    pub decision: WarrantyDecision,
    /// Content hashes of the technician's photos.
    #[serde(default)]
    pub photos: Vec<String>,
}

impl Assessment {
    pub fn validated(&self) -> Result<Assessment, DomainError> {
        let findings = text::multi_line("findings", &self.findings, 4000)?;
        crate::attachment::check_count("photos", self.photos.len())?;
        if findings.is_empty() {
            return Err(DomainError::invalid(
                "findings",
                "Write down what you found: it is the basis of the quotation.",
            ));
        }
        Ok(Assessment { findings, ..self.clone() })
    }

    /// The moves recording this assessment makes from `state`: a received watch starts being
    /// assessed, and a covered one goes on to Approved. Refused once assessing is over.
    pub fn moves_from(&self, state: TicketState) -> Result<Vec<TicketState>, DomainError> {
        if !state.can_be_assessed() {
            return Err(DomainError::refused(
                crate::Code::IllegalTransition,
                format!("A ticket that is {} is not being assessed.", state.label().to_lowercase()),
            ));
        }
        let mut moves = Vec::new();
        if state == TicketState::Received {
            moves.push(TicketState::Assessing);
        }
        if self.next_state() != TicketState::Assessing {
            moves.push(self.next_state());
        }
        Ok(moves)
    }

    /// Covered repairs skip pricing and go straight to an approved, zero-cost work order;
    /// others wait for a quotation (the ticket stays Assessing until one is issued).
    pub fn next_state(&self) -> TicketState {
        match self.decision {
            WarrantyDecision::Covered(_) => TicketState::Approved,
            WarrantyDecision::NotCovered(_) => TicketState::Assessing,
        }
    }
}

/// What the assessment form sends. No decision is assumed: a watch saved without one would
/// otherwise be recorded as not covered, and its customer quoted for a warranty repair.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentForm {
    #[serde(default)]
    pub findings: String,
    #[serde(default)]
    pub decision: Option<WarrantyDecision>,
    #[serde(default)]
    pub photos: Vec<String>,
}

impl AssessmentForm {
    /// The assessment, or every problem at once, each at its field: the findings, then the
    /// decision.
    pub fn parse(&self) -> Result<Assessment, DomainError> {
        let mut problems = crate::error::Problems::default();
        let with = |decision| Assessment { findings: self.findings.clone(), decision, photos: self.photos.clone() };
        // The findings are checked whatever the decision, so both are said in one round.
        if let Err(e) = with(WarrantyDecision::USUAL).validated() {
            problems.merge(e);
        }
        if self.decision.is_none() {
            problems.add("decision", "Choose the warranty decision: covered, or not covered and why.");
        }
        problems.into_result()?;
        with(self.decision.expect("a decision, checked above")).validated()
    }
}

/// The customer's written answer, with the evidence of how it arrived.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenAnswer {
    pub channel: ConfirmationChannel,
    /// E.g. the email's subject and date, or "signed at the counter".
    pub reference: String,
    /// Content hash of the signed scan, if there is one.
    #[serde(default)]
    pub scan: Option<String>,
    /// Whether the optional cosmetic section was confirmed too (acceptances only).
    #[serde(default)]
    pub cosmetic_accepted: bool,
}

impl WrittenAnswer {
    pub fn validated(&self) -> Result<WrittenAnswer, DomainError> {
        let reference = text::single_line("reference", &self.reference, 200)?;
        if reference.is_empty() {
            return Err(DomainError::invalid(
                "reference",
                "Say where the written answer is: the email's subject and date, or the signed copy.",
            ));
        }
        Ok(WrittenAnswer { reference, ..self.clone() })
    }
}

/// The moves the clock makes on a ticket whose latest quotation stands as `standing`, in
/// order: an unanswered quotation past its date expires; once the hold is over, the return
/// notice is due. Applied whenever the app looks at the ticket, each move logged once.
pub fn clock_moves(state: TicketState, standing: Standing) -> Vec<TicketState> {
    match (state, standing) {
        (TicketState::Quoted, Standing::OnHold { .. }) => vec![TicketState::QuoteExpired],
        (TicketState::Quoted, Standing::ReturnDue { .. }) => vec![TicketState::QuoteExpired, TicketState::ReturnDue],
        (TicketState::QuoteExpired, Standing::ReturnDue { .. }) => vec![TicketState::ReturnDue],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn covered_repairs_skip_pricing() {
        let a = Assessment {
            findings: "Crown tube corroded from factory seal".into(),
            decision: WarrantyDecision::Covered(CoveredReason::ManufacturingDefect),
            photos: vec![],
        };
        assert_eq!(a.validated().unwrap().next_state(), TicketState::Approved);
        let b = Assessment {
            findings: "Dial cracked by a fall".into(),
            decision: WarrantyDecision::NotCovered(NotCoveredReason::Impact),
            photos: vec![],
        };
        assert_eq!(b.next_state(), TicketState::Assessing);
        let empty = Assessment { findings: " ".into(), ..b };
        assert_eq!(empty.validated().unwrap_err().fields()[0].field, "findings");
        // every move these imply is legal from where they start
        assert!(TicketState::Assessing.move_to(TicketState::Approved).is_ok());
    }

    #[test]
    fn an_unchosen_decision_is_refused_at_its_field_with_the_findings_in_one_round() {
        let neither = AssessmentForm::default().parse().unwrap_err();
        let fields: Vec<&str> = neither.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["findings", "decision"]);
        let no_decision = AssessmentForm { findings: "Crown tube corroded".into(), ..Default::default() };
        let refused = no_decision.parse().unwrap_err();
        assert_eq!(refused.fields().len(), 1);
        assert_eq!(refused.fields()[0].field, "decision");
        let chosen = AssessmentForm {
            decision: Some(WarrantyDecision::Covered(CoveredReason::ManufacturingDefect)),
            ..no_decision
        };
        assert_eq!(chosen.parse().unwrap().next_state(), TicketState::Approved);
        // The window sends `null` for "Choose…".
        let wire: AssessmentForm =
            serde_json::from_str(r#"{"findings": "x", "decision": null, "photos": []}"#).unwrap();
        assert_eq!(wire.decision, None);
    }

    #[test]
    fn recording_an_assessment_walks_from_received_and_is_refused_once_quoted() {
        let covered = Assessment {
            findings: "Display connector defect".into(),
            decision: WarrantyDecision::Covered(CoveredReason::ManufacturingDefect),
            photos: vec![],
        };
        let worn = Assessment { decision: WarrantyDecision::NotCovered(NotCoveredReason::Wear), ..covered.clone() };
        assert_eq!(covered.moves_from(TicketState::Received).unwrap(), [TicketState::Assessing, TicketState::Approved]);
        assert_eq!(worn.moves_from(TicketState::Received).unwrap(), [TicketState::Assessing]);
        assert_eq!(worn.moves_from(TicketState::Assessing).unwrap(), [], "a revised assessment stays put");
        let err = covered.moves_from(TicketState::Quoted).unwrap_err();
        assert_eq!(err.code(), crate::Code::IllegalTransition, "assessing is over once quoted");
    }

    #[test]
    fn a_written_answer_needs_its_reference() {
        let a = WrittenAnswer {
            channel: ConfirmationChannel::EmailReply,
            reference: "  ".into(),
            scan: None,
            cosmetic_accepted: false,
        };
        assert_eq!(a.validated().unwrap_err().fields()[0].field, "reference");
        let ok = WrittenAnswer { reference: " Re: Quotation Q-2026-00042-1, 5 Mar 2026 ".into(), ..a };
        assert_eq!(ok.validated().unwrap().reference, "Re: Quotation Q-2026-00042-1, 5 Mar 2026");
    }

    #[test]
    fn the_clock_expires_then_ends_the_hold_and_each_move_is_legal() {
        let on_hold = Standing::OnHold { hold_until: date(2026, 3, 19) };
        let due = Standing::ReturnDue { since: date(2026, 3, 20) };
        assert_eq!(clock_moves(TicketState::Quoted, Standing::Valid { days_left: 0 }), vec![]);
        assert_eq!(clock_moves(TicketState::Quoted, on_hold), vec![TicketState::QuoteExpired]);
        assert_eq!(clock_moves(TicketState::Quoted, due), vec![TicketState::QuoteExpired, TicketState::ReturnDue]);
        assert_eq!(clock_moves(TicketState::QuoteExpired, on_hold), vec![]);
        assert_eq!(clock_moves(TicketState::Approved, due), vec![], "an accepted quotation never expires");
        for (start, standing) in
            [(TicketState::Quoted, due), (TicketState::QuoteExpired, due), (TicketState::Quoted, on_hold)]
        {
            let mut s = start;
            for next in clock_moves(start, standing) {
                s = s.move_to(next).unwrap();
            }
        }
    }
}
