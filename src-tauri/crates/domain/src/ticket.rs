//! Repair tickets: the ticket as kept, its human number and the state machine every later
//! step moves along.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::branch::BranchCode;
use crate::customer::CustomerId;
use crate::intake::IntakeDetails;
use crate::warranty::WarrantyCheck;
use crate::Code;
use crate::DomainError;

/// `R-2026-00042`: the year it was opened and its place in that year; in a chain the branch
/// comes first (`R-KLN-2026-00042`), as each branch numbers its own. Unique, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TicketNumber {
    pub branch: Option<BranchCode>,
    pub year: i16,
    pub seq: u32,
}

impl fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.branch {
            Some(branch) => write!(f, "R-{branch}-{}-{:05}", self.year, self.seq),
            None => write!(f, "R-{}-{:05}", self.year, self.seq),
        }
    }
}

impl FromStr for TicketNumber {
    type Err = DomainError;

    /// Accepts what staff type or a scanner sends: `R-2026-00042`, `r-2026-42`, ` R 2026 42 `,
    /// `R-KLN-2026-42`.
    fn from_str(text: &str) -> Result<Self, DomainError> {
        let bad = || {
            DomainError::invalid("ticket", format!("\"{}\" is not a ticket number (e.g. R-2026-00042).", text.trim()))
        };
        let cleaned = text.trim().to_ascii_uppercase();
        let rest = cleaned.strip_prefix('R').ok_or_else(bad)?;
        let mut parts = rest.split(['-', ' ']).filter(|p| !p.is_empty()).peekable();
        let branch = match parts.peek() {
            Some(first) if BranchCode::looks_like(first) => Some(parts.next().ok_or_else(bad)?.parse()?),
            _ => None,
        };
        let (year, seq) = (parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?);
        if parts.next().is_some() || year.len() != 4 || seq.is_empty() || seq.len() > 7 {
            return Err(bad());
        }
        let year: i16 = year.parse().map_err(|_| bad())?;
        let seq: u32 = seq.parse().map_err(|_| bad())?;
        if seq == 0 {
            return Err(bad());
        }
        Ok(TicketNumber { branch, year, seq })
    }
}

impl TryFrom<String> for TicketNumber {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, DomainError> {
        s.parse()
    }
}

impl From<TicketNumber> for String {
    fn from(n: TicketNumber) -> String {
        n.to_string()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TicketId(pub i64);

/// A repair ticket as stored: the intake, what the policy said about it, and its state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: TicketId,
    pub number: TicketNumber,
    pub state: TicketState,
    pub customer: CustomerId,
    pub details: IntakeDetails,
    pub warranty: WarrantyCheck,
    pub received_at: Timestamp,
    pub received_on: Date,
    pub assessment_due: Date,
    /// Content hashes of the intake photos.
    pub photos: Vec<String>,
}

impl Ticket {
    /// Waiting for its assessment and past the day it was due.
    pub fn assessment_overdue(&self, today: Date) -> bool {
        self.awaiting_assessment() && today > self.assessment_due
    }

    /// The next date something is due on this ticket, for sorting lists by deadline.
    /// Later workflows (quotation expiry, storage fees) add their dates here.
    pub fn next_deadline(&self) -> Option<Date> {
        self.awaiting_assessment().then_some(self.assessment_due)
    }

    pub fn awaiting_assessment(&self) -> bool {
        matches!(self.state, TicketState::Received | TicketState::Assessing)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    Received,
    Assessing,
    Quoted,
    Approved,
    InRepair,
    ReadyForCollection,
    Collected,
    Shipped,
    QuoteExpired,
    ReturnDue,
    ReturnedUnrepaired,
    Cancelled,
}

use TicketState::*;

impl TicketState {
    pub const ALL: [TicketState; 12] = [
        Received,
        Assessing,
        Quoted,
        Approved,
        InRepair,
        ReadyForCollection,
        Collected,
        Shipped,
        QuoteExpired,
        ReturnDue,
        ReturnedUnrepaired,
        Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Received => "Received",
            Assessing => "Assessing",
            Quoted => "Quoted",
            Approved => "Approved",
            InRepair => "In repair",
            ReadyForCollection => "Ready for collection",
            Collected => "Collected",
            Shipped => "Shipped",
            QuoteExpired => "Quote expired",
            ReturnDue => "Return due",
            ReturnedUnrepaired => "Returned unrepaired",
            Cancelled => "Cancelled",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Received => "received",
            Assessing => "assessing",
            Quoted => "quoted",
            Approved => "approved",
            InRepair => "in_repair",
            ReadyForCollection => "ready_for_collection",
            Collected => "collected",
            Shipped => "shipped",
            QuoteExpired => "quote_expired",
            ReturnDue => "return_due",
            ReturnedUnrepaired => "returned_unrepaired",
            Cancelled => "cancelled",
        }
    }

    pub fn from_key(key: &str) -> Option<TicketState> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The states the calendar moves by itself (`assessment::clock_moves`): a quotation
    /// left unanswered expires, and its hold ends.
    pub const CLOCK_DRIVEN: [TicketState; 2] = [Quoted, QuoteExpired];

    /// An assessment can be recorded (or revised) while the watch is received or assessed.
    pub fn can_be_assessed(self) -> bool {
        matches!(self, Received | Assessing)
    }

    /// A quotation can be written: the assessment is done and no answer has approved work.
    pub fn can_be_quoted(self) -> bool {
        matches!(self, Assessing | Quoted | QuoteExpired | ReturnDue)
    }

    /// The repair is under way or done: the ticket page leads with the after-repair steps.
    pub fn is_after_repair(self) -> bool {
        matches!(self, InRepair | ReadyForCollection | Collected | Shipped)
    }

    /// What a ticket with no plain move waits for, in a sentence for its header.
    pub fn waiting_for(self) -> &'static str {
        match self {
            Received => "Next step: start the assessment.",
            Assessing => "Next step: record the assessment and write the quotation, below.",
            Approved => "Next step: start the repair.",
            ReturnDue => "Next step: send the return notice, below.",
            Quoted => "Waiting for the customer’s answer to the quotation.",
            QuoteExpired => "Held: a new quotation or the return notice comes next.",
            InRepair => "Next step: record the finished repair below.",
            ReadyForCollection => "Next step: hand the watch over or ship it, below.",
            s if s.is_closed() => "This ticket is closed.",
            _ => "The next step is below.",
        }
    }

    /// What falls due on the ticket's next deadline, for its header ("Assessment due in
    /// 2 days"): the assessment, the customer's answer, the end of the hold.
    pub fn deadline_words(self) -> &'static str {
        match self {
            Received | Assessing => "Assessment",
            Quoted => "The customer’s answer",
            QuoteExpired => "The end of the hold",
            _ => "The next step",
        }
    }

    /// The watch waits for the bench (to be assessed, or repaired once approved) rather
    /// than for the customer or for collection.
    pub fn needs_the_bench(self) -> bool {
        matches!(self, Received | Assessing | Approved | InRepair)
    }

    pub const BENCH: [TicketState; 4] = [Received, Assessing, Approved, InRepair];

    /// The watch has left the shop, or the ticket was opened in error.
    pub fn is_closed(self) -> bool {
        matches!(self, Collected | Shipped | ReturnedUnrepaired | Cancelled)
    }

    /// The states this one may move to. Work starts only from Approved, which only a written
    /// confirmation (or a warranty decision) reaches; closed tickets never move again.
    pub fn next_states(self) -> &'static [TicketState] {
        match self {
            Received => &[Assessing, Cancelled],
            Assessing => &[Quoted, Approved, ReturnDue, Cancelled],
            Quoted => &[Quoted, Approved, QuoteExpired, ReturnDue],
            QuoteExpired => &[Quoted, ReturnDue],
            // Before the work starts, the customer may still withdraw: the watch goes back as it came.
            Approved => &[InRepair, Cancelled],
            InRepair => &[ReadyForCollection],
            ReadyForCollection => &[Collected, Shipped],
            ReturnDue => &[Quoted, ReturnedUnrepaired],
            Collected | Shipped | ReturnedUnrepaired | Cancelled => &[],
        }
    }

    /// The moves staff may make with a plain button. The others need their evidence and go
    /// through their own step: issuing a quotation (to Quoted), a written acceptance or a
    /// covered assessment (to Approved), a written refusal or the clock (to ReturnDue,
    /// QuoteExpired), completion and dispatch (later workflows).
    pub fn plain_next_states(self) -> Vec<TicketState> {
        self.next_states()
            .iter()
            .copied()
            .filter(|next| {
                matches!(
                    (self, next),
                    (Received, Assessing) | (Approved, InRepair) | (_, Cancelled) | (ReturnDue, ReturnedUnrepaired)
                )
            })
            .collect()
    }

    /// A plain move (see `plain_next_states`), or why it needs its own step.
    pub fn plain_move_to(self, next: TicketState) -> Result<TicketState, DomainError> {
        let moved = self.move_to(next)?;
        if !self.plain_next_states().contains(&next) {
            let step = match next {
                Quoted => "issue a quotation",
                Approved => "record the customer's written acceptance, or a covered warranty assessment",
                QuoteExpired | ReturnDue => "record the customer's written refusal (expiry follows the clock)",
                _ => "complete that step on the ticket",
            };
            return Err(DomainError::refused(
                Code::NeedsEvidence,
                format!("To make this ticket {}, {step}.", next.label().to_lowercase()),
            ));
        }
        Ok(moved)
    }

    /// Moves to `next`, or says why not.
    pub fn move_to(self, next: TicketState) -> Result<TicketState, DomainError> {
        if self.next_states().contains(&next) {
            return Ok(next);
        }
        let message = if self.is_closed() {
            format!("This ticket is {}: it cannot change any more.", self.label().to_lowercase())
        } else if next == InRepair {
            "Repair work cannot start before the customer's written confirmation is recorded (the ticket must be Approved).".to_string()
        } else {
            let allowed: Vec<_> = self.next_states().iter().map(|s| s.label()).collect();
            format!(
                "A ticket that is {} cannot become {}; it can become: {}.",
                self.label().to_lowercase(),
                next.label().to_lowercase(),
                allowed.join(", ")
            )
        };
        Err(DomainError::refused(Code::IllegalTransition, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_and_parse() {
        let n = TicketNumber { branch: None, year: 2026, seq: 42 };
        assert_eq!(n.to_string(), "R-2026-00042");
        for typed in ["R-2026-00042", "r-2026-42", " R 2026 00042 ", "R-2026-042"] {
            assert_eq!(typed.parse::<TicketNumber>().unwrap(), n, "{typed}");
        }
        for bad in ["", "R-2026", "Q-2026-00042", "R-26-42", "R-2026-0", "R-2026-x1", "R-2026-1-2", "R-2026-12345678"] {
            assert!(bad.parse::<TicketNumber>().is_err(), "{bad}");
        }
        assert_eq!(TicketNumber { branch: None, year: 2026, seq: 123_456 }.to_string(), "R-2026-123456");
    }

    #[test]
    fn a_branch_number_carries_its_branch() {
        let n = TicketNumber { branch: Some("KLN".parse().unwrap()), year: 2026, seq: 42 };
        assert_eq!(n.to_string(), "R-KLN-2026-00042");
        for typed in ["R-KLN-2026-00042", "r-kln-2026-42", " R KLN 2026 42 "] {
            assert_eq!(typed.parse::<TicketNumber>().unwrap(), n, "{typed}");
        }
        // Two branches' 42nd tickets of a year are two numbers.
        let other = TicketNumber { branch: Some("MK".parse().unwrap()), ..n };
        assert_ne!(n, other);
        assert_ne!(n, TicketNumber { branch: None, ..n });
        for bad in ["R-KLN-2026", "R-K-2026-42", "R-KOWLO-2026-42", "R-KLN-MK-2026-42", "R-2026-KLN-42"] {
            assert!(bad.parse::<TicketNumber>().is_err(), "{bad}");
        }
    }

    #[test]
    fn work_only_starts_after_approval() {
        assert!(Received.move_to(Assessing).is_ok());
        let err = Quoted.move_to(InRepair).unwrap_err();
        assert_eq!(err.code(), Code::IllegalTransition);
        assert!(err.to_string().contains("written confirmation"));
        assert!(Approved.move_to(InRepair).is_ok());
        assert!(Received.move_to(InRepair).is_err());
    }

    #[test]
    fn moves_that_need_evidence_are_not_plain() {
        assert_eq!(Received.plain_next_states(), vec![Assessing, Cancelled]);
        assert_eq!(Assessing.plain_next_states(), vec![Cancelled]);
        assert_eq!(Quoted.plain_next_states(), Vec::<TicketState>::new());
        assert_eq!(Approved.plain_next_states(), vec![InRepair, Cancelled], "withdrawn before the work starts");
        assert!(InRepair.move_to(Cancelled).is_err(), "not once the work is under way");
        let err = Assessing.plain_move_to(Approved).unwrap_err();
        assert_eq!(err.code(), Code::NeedsEvidence);
        assert!(err.to_string().contains("written acceptance"));
        assert_eq!(Quoted.plain_move_to(InRepair).unwrap_err().code(), Code::IllegalTransition);
        for s in TicketState::ALL {
            for n in s.plain_next_states() {
                assert!(s.next_states().contains(&n), "{s:?} -> {n:?} is a legal move");
            }
        }
    }

    #[test]
    fn closed_tickets_never_move() {
        for closed in [Collected, Shipped, ReturnedUnrepaired, Cancelled] {
            for next in TicketState::ALL {
                let err = closed.move_to(next).unwrap_err();
                assert!(err.to_string().contains("cannot change"), "{closed:?} -> {next:?}");
            }
        }
    }

    #[test]
    fn every_state_is_reachable_from_received_and_every_open_state_can_close() {
        let mut seen = vec![Received];
        let mut i = 0;
        while i < seen.len() {
            for n in seen[i].next_states() {
                if !seen.contains(n) {
                    seen.push(*n);
                }
            }
            i += 1;
        }
        assert_eq!(seen.len(), TicketState::ALL.len());
        for s in TicketState::ALL.into_iter().filter(|s| !s.is_closed()) {
            // from every open state some path reaches a closed one
            let mut frontier = vec![s];
            let mut reached = false;
            for _ in 0..12 {
                frontier = frontier.iter().flat_map(|f| f.next_states().iter().copied()).collect();
                if frontier.iter().any(|f| f.is_closed()) {
                    reached = true;
                    break;
                }
            }
            assert!(reached, "{s:?} can never close");
        }
        for s in TicketState::ALL {
            assert_eq!(TicketState::from_key(s.key()), Some(s));
        }
    }
}
