//! What the papers print, gathered: a ticket's (intake receipt, quotation, Collection
//! Notice, release) and a return's, and the stored images they and the window show.

use caseback_domain::event::{Action, Subject};
use caseback_domain::papers::{Image, ReturnPapers, TicketPapers};
use caseback_domain::returns::ReturnCase;
use caseback_domain::ticket::TicketId;
use caseback_domain::DomainError;
use jiff::Timestamp;

use crate::attachment_folder;
use crate::error::Result;
use crate::tables::attachments;
use crate::Shop;

impl Shop {
    /// The ticket's papers as of `now` (the account's storage fee counts to today).
    pub fn ticket_papers(&self, id: TicketId, now: Timestamp, with_photos: bool) -> Result<TicketPapers> {
        let ticket = self.ticket(id)?;
        let booked = self
            .history(Subject::Ticket, &ticket.number.to_string())?
            .into_iter()
            .find(|e| e.action == Action::TicketReceived);
        let staff = self.staff()?;
        let received_by = booked
            .and_then(|e| e.staff)
            .and_then(|id| staff.iter().find(|m| m.id == id))
            .map(|m| m.name.clone())
            .unwrap_or_default();
        let latest = self.quotations(id)?.pop();
        let after_sale = self.after_sale_for_papers(id, now)?;
        // A photo whose file went missing is left off the paper rather than failing it.
        let after_photos = match &after_sale.completion {
            Some((c, _)) if with_photos => c.photos.iter().filter_map(|sha| self.image(sha)).collect(),
            _ => Vec::new(),
        };
        let (mut readings_before, mut readings_after) = (None, None);
        for (r, _) in crate::tables::readings::for_ticket(&self.db, id)? {
            match r.stage {
                caseback_domain::readings::ReadingStage::Before => readings_before = Some(r),
                caseback_domain::readings::ReadingStage::After => readings_after = Some(r),
            }
        }
        Ok(TicketPapers {
            after_sale,
            after_photos,
            readings_before,
            readings_after,
            service_warranty: crate::tables::service_warranties::get(&self.db, id)?,
            signatures: self
                .signatures(id)?
                .into_iter()
                .filter_map(|s| self.image(&s.image).map(|image| (s, image)))
                .collect(),
            settings: self.settings()?,
            customer: self.customer(ticket.customer)?.details,
            received_by,
            logo: self.logo()?,
            refused: latest.as_ref().is_some_and(|q| q.refused()),
            quotation: latest.map(|q| q.quotation),
            assessment: self.assessment(id)?,
            ticket,
        })
    }

    pub fn return_papers(&self, case: ReturnCase) -> Result<ReturnPapers> {
        // A photo whose file went missing is left off the paper rather than failing it.
        let inspection_photos = case
            .inspection
            .as_ref()
            .map(|i| i.photos.iter().filter_map(|sha| self.image(sha)).collect())
            .unwrap_or_default();
        Ok(ReturnPapers {
            settings: self.settings()?,
            customer: self.return_customer(&case)?,
            logo: self.logo()?,
            inspection_photos,
            inspected_by: String::new(),
            case,
        })
    }

    /// A stored image for a paper; `None` if its file went missing (the paper leaves it off
    /// rather than failing).
    fn image(&self, sha256: &str) -> Option<Image> {
        self.attachment(sha256).ok().map(|(media_type, bytes)| Image { media_type, bytes })
    }

    /// An attachment's media type and bytes, checked against its hash.
    pub fn attachment(&self, sha256: &str) -> Result<(String, Vec<u8>)> {
        let record =
            attachments::get(&self.db, sha256)?.ok_or_else(|| DomainError::NotFound { what: "That photo".into() })?;
        Ok((record.media_type, attachment_folder::read(&self.db, &self.folder.attachments(), sha256)?))
    }
}
