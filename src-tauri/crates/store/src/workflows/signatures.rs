//! Signatures given on the screen: the picture kept as an attachment, the signature bound to
//! its ticket and document in the same transaction, and an event in the ticket's history.

use caseback_domain::attachment::MediaType;
use caseback_domain::event::Action;
use caseback_domain::papers::Image;
use caseback_domain::signature::{self, Signature, SignedDocument, SigningFacts};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;
use serde_json::json;

use crate::attachment_folder;
use crate::error::Result;
use crate::tables::signatures;
use crate::{log_ticket, Shop};

impl Shop {
    /// The customer's signature on `document`, drawn on the screen (a PNG). Refused when the
    /// document cannot be signed now, and when it was signed already: that one stays.
    pub fn sign(
        &mut self,
        by: StaffId,
        id: TicketId,
        document: SignedDocument,
        signer: &str,
        png: &[u8],
        now: Timestamp,
    ) -> Result<Signature> {
        let staff = self.actor(by)?;
        signature::check_image(&Image { media_type: "image/png".into(), bytes: png.to_vec() })?;
        // Kept for good, so read once first: a picture cut short in transit would leave the
        // document signed with nothing to print.
        if image::load_from_memory_with_format(png, image::ImageFormat::Png).is_err() {
            return Err(caseback_domain::DomainError::invalid(
                "image",
                "The signature did not arrive whole: sign again.",
            )
            .into());
        }
        let settings = self.settings()?;
        let tx = self.db.transaction()?;
        let ticket = self.ticket(id)?;
        let (reference, signer) =
            self.with_signing_facts(id, now, |facts| signature::check(document, signer, facts))?;
        if let Some(existing) = signatures::get(&tx, id, document, &reference)? {
            let dates = |at: Timestamp| settings.date_style.format(settings.today(at));
            return Err(signature::refuse_second(&existing, dates).into());
        }
        let name = format!("signature-{}-{:?}.png", ticket.number, document);
        let image = attachment_folder::keep(&tx, &self.folder.attachments(), png, &name, MediaType::Png, now)?;
        let signed = Signature {
            document,
            reference,
            signer,
            signed_at: now,
            computer: tx.computer().to_string(),
            staff: staff.name,
            image: image.sha256,
        };
        signatures::insert(&tx, id, &signed, by)?;
        let label = match signed.reference.as_str() {
            "" => document.label().to_string(),
            r => format!("{} {r}", document.label()),
        };
        log_ticket(
            &tx,
            now,
            Some(by),
            &ticket,
            Action::DocumentSigned,
            json!({ "document": label, "signer": signed.signer }),
        )?;
        tx.commit()?;
        Ok(signed)
    }

    /// The documents of the ticket the customer can sign now (not signed already).
    pub fn signable(&self, id: TicketId, now: Timestamp) -> Result<Vec<SignedDocument>> {
        let signed = signatures::for_ticket(&self.db, id)?;
        // The ticket's facts are read once (its account among them) for all three documents.
        self.with_signing_facts(id, now, |facts| {
            Ok(SignedDocument::ALL
                .into_iter()
                .filter(|d| {
                    signature::reference(*d, facts)
                        .is_ok_and(|r| !signed.iter().any(|s| s.document == *d && s.reference == r))
                })
                .collect())
        })
    }

    /// Runs `rule` on what the ticket is at: its state, its latest quotation's answer, its
    /// release.
    fn with_signing_facts<T>(
        &self,
        id: TicketId,
        now: Timestamp,
        rule: impl FnOnce(SigningFacts) -> std::result::Result<T, caseback_domain::DomainError>,
    ) -> Result<T> {
        let ticket = self.ticket(id)?;
        let latest = crate::tables::quotations::for_ticket(&self.db, id)?.pop();
        let after_sale = self.after_sale(id, now)?;
        let answered =
            latest.as_ref().and_then(|q| q.answer.as_ref().map(|(accepted, a)| (q.quotation.number, *accepted, a)));
        let facts =
            SigningFacts { state: ticket.state, answered, release: after_sale.release.as_ref().map(|(r, _)| r) };
        Ok(rule(facts)?)
    }

    /// A ticket's signatures, in the order they were given.
    pub fn signatures(&self, id: TicketId) -> Result<Vec<Signature>> {
        signatures::for_ticket(&self.db, id)
    }
}
