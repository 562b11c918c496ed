//! Signatures given on the screen: the customer signs the intake receipt, a quotation
//! accepted in the shop, or the receipt for the watch at collection. A signature belongs to
//! one document for good: it is never edited, replaced or moved to another.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::after_sale::Release;
use crate::assessment::WrittenAnswer;
use crate::papers::{FormKind, Image};
use crate::quotation::{ConfirmationChannel, QuotationNumber};
use crate::text;
use crate::ticket::TicketState;
use crate::{Code, DomainError};

/// The documents a customer signs on the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedDocument {
    /// The terms and the watch as handed in.
    IntakeReceipt,
    /// The written confirmation of a quotation, given in the shop.
    QuotationAcceptance,
    /// The watch handed back: the receipt the customer signs for it.
    CollectionReceipt,
}

impl SignedDocument {
    pub const ALL: [SignedDocument; 3] =
        [SignedDocument::IntakeReceipt, SignedDocument::QuotationAcceptance, SignedDocument::CollectionReceipt];

    pub fn label(self) -> &'static str {
        match self {
            SignedDocument::IntakeReceipt => "The intake receipt",
            SignedDocument::QuotationAcceptance => "The quotation's acceptance",
            SignedDocument::CollectionReceipt => "The collection receipt",
        }
    }

    /// The printed form the signature appears on.
    pub fn form(self) -> FormKind {
        match self {
            SignedDocument::IntakeReceipt => FormKind::IntakeReceipt,
            SignedDocument::QuotationAcceptance => FormKind::Quotation,
            SignedDocument::CollectionReceipt => FormKind::PaymentReceipt,
        }
    }
}

/// A signature as kept: for which document (and which quotation), by whom, when, where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub document: SignedDocument,
    /// The quotation's number for an acceptance; empty otherwise.
    pub reference: String,
    pub signer: String,
    pub signed_at: Timestamp,
    /// The computer it was given on ('' for a shop that never named one).
    pub computer: String,
    /// The staff member who held out the screen.
    pub staff: String,
    /// The image's content hash (an attachment).
    pub image: String,
}

/// What a ticket is at when someone asks to sign, for `check`.
#[derive(Clone, Copy, Debug)]
pub struct SigningFacts<'a> {
    pub state: TicketState,
    /// The latest quotation and its answer, if answered.
    pub answered: Option<(QuotationNumber, bool, &'a WrittenAnswer)>,
    pub release: Option<&'a Release>,
}

/// The largest signature image taken: a canvas of a few hundred pixels is far smaller.
pub const MAX_IMAGE_BYTES: usize = 512 * 1024;

/// Checks that `document` can be signed now and returns its reference (the quotation's
/// number for an acceptance) and the signer's name as kept (the customer's, as they write it).
pub fn check(document: SignedDocument, signer: &str, facts: SigningFacts) -> Result<(String, String), DomainError> {
    let signer = text::single_line("signer", signer, 120)?;
    if signer.is_empty() {
        return Err(DomainError::invalid("signer", "Write the name of the person signing."));
    }
    Ok((reference(document, facts)?, signer))
}

/// Whether `document` can be signed now, and its reference if so.
pub fn reference(document: SignedDocument, facts: SigningFacts) -> Result<String, DomainError> {
    let refuse = |message: &str| Err(DomainError::refused(Code::FormNotApplicable, message));
    match document {
        SignedDocument::IntakeReceipt if facts.state.is_closed() => {
            refuse("This ticket is closed: the intake receipt can no longer be signed.")
        }
        SignedDocument::IntakeReceipt => Ok(String::new()),
        SignedDocument::QuotationAcceptance => match facts.answered {
            Some((number, true, answer)) if answer.channel == ConfirmationChannel::SignedInStore => {
                Ok(number.to_string())
            }
            Some((_, true, _)) => {
                refuse("This quotation was accepted in writing from outside the shop: that is its confirmation.")
            }
            _ => {
                refuse("Record the acceptance first, as \"Signed in store\": the customer then signs it on the screen.")
            }
        },
        SignedDocument::CollectionReceipt => match facts.release {
            Some(Release::Collected(_)) => Ok(String::new()),
            Some(_) => refuse("The watch was sent, not collected: the courier takes the signature."),
            None => refuse("Record the collection first: the customer then signs for the watch."),
        },
    }
}

/// The image drawn on the screen: a PNG, not empty, not oversized.
pub fn check_image(image: &Image) -> Result<(), DomainError> {
    let ok = image.media_type == "image/png" && image.bytes.starts_with(b"\x89PNG\r\n\x1a\n");
    if !ok {
        return Err(DomainError::invalid("image", "The signature did not arrive as a picture: sign again."));
    }
    if image.bytes.len() > MAX_IMAGE_BYTES {
        return Err(DomainError::invalid("image", "The signature is too large a picture: clear it and sign again."));
    }
    Ok(())
}

/// Refuses a second signature on a document already signed: it stays as it was given.
pub fn refuse_second(existing: &Signature, dates: impl Fn(Timestamp) -> String) -> DomainError {
    DomainError::refused(
        Code::AlreadySigned,
        format!(
            "{} was signed by {} on {}: a signature stays with its document and is not given again.",
            existing.document.label(),
            existing.signer,
            dates(existing.signed_at)
        ),
    )
}

#[cfg(test)]
mod tests;
