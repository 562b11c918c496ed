//! Booking watches in, finding tickets and customers, and moving tickets along.

use caseback_domain::attachment::{self, MediaType};
use caseback_domain::customer::{Customer, CustomerId};
use caseback_domain::intake::{self, CustomerChoice, IntakeForm, Ticket, TicketId};
use caseback_domain::search;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketNumber, TicketState};
use caseback_domain::DomainError;
use jiff::Timestamp;
use rusqlite::TransactionBehavior;
use serde_json::json;

use crate::error::Result;
use crate::tickets::TicketRow;
use crate::{attachments, customers, log, tickets, Shop};

/// A photo taken at intake, as read from disk.
pub struct Photo<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

pub const MAX_PHOTOS: usize = 12;

fn not_found(what: impl Into<String>) -> DomainError {
    DomainError::NotFound { what: what.into() }
}

impl Shop {
    /// Books a watch in: checks the form, creates the customer if new, numbers the ticket,
    /// checks the warranty and sets the assessment due date, all in one transaction.
    pub fn book_intake(&mut self, by: StaffId, form: &IntakeForm, photos: &[Photo], now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let form = form.validated(today)?;
        if photos.len() > MAX_PHOTOS {
            return Err(DomainError::invalid("photos", format!("At most {MAX_PHOTOS} photos per intake.")).into());
        }
        let media: Vec<MediaType> =
            photos.iter().map(|p| attachment::accept_image("photos", p.bytes)).collect::<Result<_, _>>()?;

        // Immediate: the number is taken under the write lock, so two writers never share one.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let customer = match &form.customer {
            CustomerChoice::Existing { id } => customers::get(&tx, *id)?.ok_or_else(|| not_found("That customer"))?,
            CustomerChoice::New { details } => {
                Customer { id: customers::insert(&tx, details, now)?, details: details.clone() }
            }
        };
        let earlier = tickets::earliest_purchase_for_serial(&tx, &form.details.device.serial_key())?;
        let (warranty, assessment_due) = intake::assess(&settings.policy, &form.details, today, earlier.as_ref());
        let number = tickets::next_number(&tx, today.year())?;
        let mut ticket = Ticket {
            id: TicketId(0),
            number,
            state: TicketState::Received,
            customer: customer.id,
            details: form.details,
            warranty,
            received_at: now,
            received_on: today,
            assessment_due,
            photos: Vec::new(),
        };
        let haystack =
            search::ticket_haystack(number, &customer.details, &ticket.details.device, &ticket.details.purchase);
        ticket.id = tickets::insert(&tx, &ticket, &haystack)?;
        for (i, (photo, media)) in photos.iter().zip(media).enumerate() {
            let stored = attachments::put(&tx, &self.folder.attachments(), photo.bytes, photo.name, media, now)?;
            tickets::add_photo(&tx, ticket.id, &stored.sha256, "intake", i)?;
            ticket.photos.push(stored.sha256);
        }
        let detail = json!({
            "customer": customer.details.name,
            "warranty": ticket.warranty.describe(),
            "assessment_due": ticket.assessment_due,
            "photos": ticket.photos.len(),
        });
        log(&tx, now, Some(by), "ticket", &number.to_string(), "ticket.received", detail)?;
        tx.commit()?;
        Ok(ticket)
    }

    pub fn ticket(&self, id: TicketId) -> Result<Ticket> {
        Ok(tickets::get(&self.conn, id)?.ok_or_else(|| not_found("That ticket"))?)
    }

    /// A ticket by the number staff typed or a scanner sent.
    pub fn ticket_by_number(&self, typed: &str) -> Result<Ticket> {
        let number: TicketNumber = typed.parse()?;
        Ok(tickets::by_number(&self.conn, number)?.ok_or_else(|| not_found(format!("Ticket {number}")))?)
    }

    /// Moves a ticket to `next` if its state machine allows it, and logs the change.
    pub fn move_ticket(&mut self, by: StaffId, id: TicketId, next: TicketState, now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let mut ticket = self.ticket(id)?;
        let from = ticket.state;
        ticket.state = from.move_to(next)?;
        let tx = self.conn.transaction()?;
        tickets::set_state(&tx, &ticket)?;
        log(
            &tx,
            now,
            Some(by),
            "ticket",
            &ticket.number.to_string(),
            "ticket.state",
            json!({ "from": from, "to": next }),
        )?;
        tx.commit()?;
        Ok(ticket)
    }

    pub fn search_tickets(&self, query: &str, state: Option<TicketState>, limit: usize) -> Result<Vec<TicketRow>> {
        tickets::search(&self.conn, &search::query_terms(query), state, limit)
    }

    pub fn customer(&self, id: CustomerId) -> Result<Customer> {
        Ok(customers::get(&self.conn, id)?.ok_or_else(|| not_found("That customer"))?)
    }

    pub fn find_customers(&self, query: &str, limit: usize) -> Result<Vec<Customer>> {
        customers::find(&self.conn, query, limit)
    }
}
