//! Signatures on the screen as the ticket page shows them: what the customer has signed
//! (with who held the screen, when and where), and what they can sign now.

use caseback_domain::after_sale::Release;
use caseback_domain::signature::{Signature, SignedDocument};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_store::Shop;
use jiff::Timestamp;
use serde::Serialize;

use crate::dates::Dates;
use crate::error::Result;
use crate::Desk;

#[derive(Serialize)]
pub struct SignatureView {
    pub document: SignedDocument,
    /// "The intake receipt", "The quotation's acceptance Q-2026-00012-2".
    pub label: String,
    pub signer: String,
    /// "1 Dec 2026, 14:05 · on Counter · with Mei Chan".
    pub when_text: String,
    /// The picture's hash, shown as photos are.
    pub image: String,
    /// The form it prints on (its name, as the Forms panel has it).
    pub form: &'static str,
}

#[derive(Serialize)]
pub struct SignOffer {
    pub document: SignedDocument,
    /// "Sign the intake receipt".
    pub label: String,
    /// Who signs, as the pad fills it in: the customer, or who collected the watch.
    pub signer: String,
}

#[derive(Serialize)]
pub struct SignaturesView {
    pub signed: Vec<SignatureView>,
    pub offers: Vec<SignOffer>,
}

fn view(s: Signature, dates: &Dates) -> SignatureView {
    let mut when = vec![dates.instant(s.signed_at)];
    if !s.computer.is_empty() {
        when.push(format!("on {}", s.computer));
    }
    if !s.staff.is_empty() {
        when.push(format!("with {}", s.staff));
    }
    let label = match s.reference.as_str() {
        "" => s.document.label().to_string(),
        r => format!("{} {r}", s.document.label()),
    };
    SignatureView {
        document: s.document,
        label,
        signer: s.signer,
        when_text: when.join(" · "),
        image: s.image,
        form: s.document.form().name(),
    }
}

fn signatures(shop: &Shop, id: TicketId, now: Timestamp) -> Result<SignaturesView> {
    let dates = Dates::of(&shop.settings()?);
    let ticket = shop.ticket(id)?;
    let customer = shop.customer(ticket.customer)?.details.name;
    let collected_by = match shop.after_sale(id, now)?.release {
        Some((Release::Collected(c), _)) => c.collected_by,
        _ => customer.clone(),
    };
    let offers = shop
        .signable(id, now)?
        .into_iter()
        .map(|document| SignOffer {
            document,
            label: format!("Sign {}", document.label().to_lowercase()),
            signer: if document == SignedDocument::CollectionReceipt { collected_by.clone() } else { customer.clone() },
        })
        .collect();
    Ok(SignaturesView { signed: shop.signatures(id)?.into_iter().map(|s| view(s, &dates)).collect(), offers })
}

impl Desk {
    pub fn signatures(&mut self, id: TicketId) -> Result<SignaturesView> {
        let (shop, now) = self.at()?;
        signatures(shop, id, now)
    }

    /// The customer's signature on `document`, drawn on the screen (PNG bytes).
    pub fn sign(
        &mut self,
        by: StaffId,
        id: TicketId,
        document: SignedDocument,
        signer: &str,
        png: &[u8],
    ) -> Result<SignaturesView> {
        let (shop, now) = self.at()?;
        shop.sign(by, id, document, signer, png, now)?;
        signatures(shop, id, now)
    }
}
