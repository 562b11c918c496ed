//! The outbox: a form e-mailed to the customer through the shop's own mail server (SMTP),
//! kept until the server has taken it. Queuing never needs the server; sending does, and is
//! tried again while the server cannot be reached, until it takes the message or refuses it
//! for good (a 5xx reply: an address that does not exist, a message it will not carry).
//!
//! Nothing is sent twice: a computer claims a message (`Sending`) in a transaction before it
//! talks to the server, and no other computer or timer tick sends a message claimed less than
//! `CLAIM_EXPIRES` ago. The trade-off: an app that crashes between the server taking the
//! message and recording it leaves a claim that runs out and is sent again; the message
//! keeps its `message_id`, so the customer's mail program (and the server) can tell the copy.
//! Losing a message is worse for a shop than an occasional recognisable copy.

pub mod account;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::papers::{FormKind, ReturnFormKind};
use crate::returns::ReturnId;
use crate::ticket::TicketId;
use crate::{Code, DomainError};

/// The forms a customer is sent by e-mail, each with the message the app writes for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailedForm {
    Quotation,
    ReturnNotice,
    CollectionNotice,
    ShippingNotice,
    Receipt,
    RmaInstructions,
    DeclineLetter,
}

impl MailedForm {
    pub const ALL: [MailedForm; 7] = [
        MailedForm::Quotation,
        MailedForm::ReturnNotice,
        MailedForm::CollectionNotice,
        MailedForm::ShippingNotice,
        MailedForm::Receipt,
        MailedForm::RmaInstructions,
        MailedForm::DeclineLetter,
    ];

    /// The ticket's form sent as this, if it is one a customer is e-mailed.
    pub fn of_ticket(kind: FormKind) -> Option<MailedForm> {
        Some(match kind {
            FormKind::Quotation => MailedForm::Quotation,
            FormKind::ReturnNotice => MailedForm::ReturnNotice,
            FormKind::CollectionNotice => MailedForm::CollectionNotice,
            FormKind::ShippingNotice => MailedForm::ShippingNotice,
            FormKind::PaymentReceipt => MailedForm::Receipt,
            _ => return None,
        })
    }

    /// The return's form sent as this, if it is one a customer is e-mailed.
    pub fn of_return(kind: ReturnFormKind) -> Option<MailedForm> {
        Some(match kind {
            ReturnFormKind::RmaInstructions => MailedForm::RmaInstructions,
            ReturnFormKind::DeclineLetter => MailedForm::DeclineLetter,
            _ => return None,
        })
    }

    /// The printed form attached: a ticket's, or (`Err`) a return's.
    pub fn paper(self) -> Result<FormKind, ReturnFormKind> {
        match self {
            MailedForm::Quotation => Ok(FormKind::Quotation),
            MailedForm::ReturnNotice => Ok(FormKind::ReturnNotice),
            MailedForm::CollectionNotice => Ok(FormKind::CollectionNotice),
            MailedForm::ShippingNotice => Ok(FormKind::ShippingNotice),
            MailedForm::Receipt => Ok(FormKind::PaymentReceipt),
            MailedForm::RmaInstructions => Err(ReturnFormKind::RmaInstructions),
            MailedForm::DeclineLetter => Err(ReturnFormKind::DeclineLetter),
        }
    }

    /// "Quotation", "Collection Notice": the form's title, as on the paper.
    pub fn title(self) -> &'static str {
        match self.paper() {
            Ok(k) => k.title(),
            Err(k) => k.title(),
        }
    }

    /// "the quotation", "the Collection Notice": the form within a sentence.
    pub fn in_sentence(self) -> &'static str {
        match self {
            MailedForm::Quotation => "the quotation",
            MailedForm::ReturnNotice => "the return unrepaired notice",
            MailedForm::CollectionNotice => "the Collection Notice",
            MailedForm::ShippingNotice => "the Shipping Notice",
            MailedForm::Receipt => "the receipt",
            MailedForm::RmaInstructions => "the RMA instructions",
            MailedForm::DeclineLetter => "the decline letter",
        }
    }
}

/// The record a message is of: a form is a ticket's or a return's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    Ticket(TicketId),
    Return(ReturnId),
}

/// Where a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting for the server (never tried, or it could not be reached).
    Queued,
    /// Claimed by a computer that is handing it to the server now.
    Sending,
    /// The server took it.
    Sent,
    /// The server refused it for good; it waits for staff to correct and retry it.
    Failed,
}

impl OutboxState {
    pub fn label(self) -> &'static str {
        match self {
            OutboxState::Queued => "Waiting to be sent",
            OutboxState::Sending => "Sending",
            OutboxState::Sent => "Sent",
            OutboxState::Failed => "Not delivered",
        }
    }

    /// The state after one try to hand the message to the server. Only a claimed message is
    /// tried.
    pub fn after(self, attempt: &Attempt) -> Result<OutboxState, DomainError> {
        if self != OutboxState::Sending {
            return Err(DomainError::refused(
                Code::IllegalTransition,
                format!("A message {} is not being sent.", self.label().to_lowercase()),
            ));
        }
        Ok(match attempt {
            Attempt::Delivered => OutboxState::Sent,
            Attempt::Unreachable(_) => OutboxState::Queued,
            Attempt::Refused(_) => OutboxState::Failed,
        })
    }

    /// Staff send a refused message again (after correcting the address, say): it queues.
    pub fn retry(self) -> Result<OutboxState, DomainError> {
        match self {
            OutboxState::Failed => Ok(OutboxState::Queued),
            OutboxState::Sent => Err(DomainError::refused(
                Code::IllegalTransition,
                "This message was sent already: queue the form again to send another copy.",
            )),
            OutboxState::Queued | OutboxState::Sending => Err(DomainError::refused(
                Code::IllegalTransition,
                "This message is still in the outbox: it is sent when the mail server answers.",
            )),
        }
    }
}

/// What one try to hand a message to the server came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attempt {
    Delivered,
    /// The server could not be reached, or asked to try later (4xx): the reason, as said.
    Unreachable(String),
    /// The server refused it for good (5xx): its words.
    Refused(String),
}

impl Attempt {
    /// The server's (or the network's) reason, if it did not take the message.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Attempt::Delivered => None,
            Attempt::Unreachable(r) | Attempt::Refused(r) => Some(r),
        }
    }
}

/// How long a claim holds. Longer than a send can take (the transport's timeout is a minute),
/// so a live computer's claim never runs out under it; short enough that a crashed app's
/// message goes out the same morning.
pub const CLAIM_EXPIRES: SignedDuration = SignedDuration::from_mins(10);

/// A message's place in the outbox, as `claimable` reads it.
#[derive(Clone, Copy, Debug)]
pub struct Standing {
    pub state: OutboxState,
    /// When the last claim was made (`None` if never tried).
    pub claimed_at: Option<Timestamp>,
    /// The earliest a message waiting again is tried (`None`: now).
    pub not_before: Option<Timestamp>,
}

/// Whether a computer may claim the message now: one waiting whose time has come, or one
/// whose claim ran out (its app stopped mid-send).
pub fn claimable(s: Standing, now: Timestamp) -> bool {
    match s.state {
        OutboxState::Queued => s.not_before.is_none_or(|t| t <= now),
        OutboxState::Sending => s.claimed_at.is_none_or(|t| t + CLAIM_EXPIRES <= now),
        OutboxState::Sent | OutboxState::Failed => false,
    }
}

/// When a message the server could not be reached for is tried again, after `attempts`
/// tries: a minute after the first, doubling, at most an hour apart, so a server down all
/// day is not asked every tick and a short outage costs a minute.
pub fn next_try(attempts: u32, now: Timestamp) -> Timestamp {
    let minutes = 1i64 << attempts.saturating_sub(1).min(6);
    now + SignedDuration::from_mins(minutes.min(60))
}

/// The message's Message-ID, the same however often it is sent: from the outbox row and
/// when it was queued (two shops' first messages differ), at the sender's domain.
pub fn message_id(id: i64, queued_at: Timestamp, from_address: &str) -> String {
    let domain = from_address.rsplit_once('@').map_or("caseback.invalid", |(_, d)| d);
    format!("<outbox-{id}.{}@{domain}>", queued_at.as_second())
}

/// Whether a server's permanent refusal is the mail account's fault rather than the
/// message's: signing in refused, relaying denied, or the sender not the account's own. Then
/// every message would be refused alike, so each waits (and the round stops) until the
/// account is put right, rather than each being marked not delivered.
pub fn account_at_fault(code: &str, said: &str) -> bool {
    let said = said.to_lowercase();
    matches!(code, "530" | "534" | "535" | "538")
        || ["relay", "sender", "authenticat", "send as", "sendas", "not owned", "from address"]
            .iter()
            .any(|w| said.contains(w))
}

/// The customer's address a form goes to, refused at the field when there is none.
pub fn recipient(email: &str) -> Result<String, DomainError> {
    let email = email.trim();
    if email.is_empty() {
        return Err(DomainError::invalid(
            "email",
            "The customer has no e-mail address: add one on their page, or hand or send the form another way.",
        ));
    }
    crate::settings::values::parse_email(email).map_err(|m| DomainError::invalid("email", m))
}

#[cfg(test)]
mod tests;
