//! Booking watches in, finding tickets and customers, and moving tickets along.

use caseback_domain::attachment;
use caseback_domain::branch::BranchFilter;
use caseback_domain::customer::{Customer, CustomerId};
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::{self, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::search;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::ticket::{TicketNumber, TicketState};
use caseback_domain::warranty::WarrantyCheck;
use caseback_domain::DomainError;
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::json;

use crate::attachment_folder;
use crate::error::Result;
use crate::tables::attachments::Attachment;
use crate::tables::ticket_photos::{self, Stage};
use crate::tables::tickets::{self, TicketRow};
use crate::tables::{customers, ticket_numbers, ticket_search};
use crate::{log, log_ticket, Shop};

fn not_found(what: impl Into<String>) -> DomainError {
    DomainError::NotFound { what: what.into() }
}

impl Shop {
    /// Copies a photo into the attachments folder ahead of the intake that will use it.
    pub fn store_photo(&mut self, by: StaffId, name: &str, bytes: &[u8], now: Timestamp) -> Result<Attachment> {
        self.actor(by)?;
        let media = attachment::accept_image("photos", bytes)?;
        attachment_folder::keep(&self.db, &self.folder.attachments(), bytes, name, media, now)
    }

    /// Books a watch in: checks the form, creates the customer if new, numbers the ticket,
    /// checks the warranty and sets the assessment due date, all in one transaction.
    /// `photos` are hashes from `store_photo`.
    pub fn book_intake(&mut self, by: StaffId, form: &IntakeForm, photos: &[String], now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let form = form.validated(today)?;
        attachment::check_count("photos", photos.len())?;
        attachment_folder::require_photos(&self.db, photos)?;

        // Immediate: the number is taken under the write lock, so two writers never share one.
        let tx = self.db.transaction()?;
        let customer = match &form.customer {
            CustomerChoice::Existing { id } => customers::get(&tx, *id)?.ok_or_else(|| not_found("That customer"))?,
            CustomerChoice::New { details } => {
                Customer { id: customers::insert(&tx, details, now)?, details: details.clone() }
            }
        };
        let earlier = tickets::earliest_purchase_for_serial(&tx, &form.details.device.serial_key())?;
        let (warranty, assessment_due) = intake::assess(&settings.policy, &form.details, today, earlier.as_ref());
        let number = ticket_numbers::next(&tx, tx.branch(), today.year())?;
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
        ticket.id = tickets::insert(&tx, &ticket)?;
        ticket_search::insert(&tx, ticket.id, &haystack)?;
        ticket_photos::insert(&tx, ticket.id, Stage::Intake, photos)?;
        ticket.photos = photos.to_vec();
        let detail = json!({
            "customer": customer.details.name,
            "warranty": ticket.warranty.describe(),
            "assessment_due": ticket.assessment_due,
            "photos": ticket.photos.len(),
        });
        log(&tx, now, Some(by), Subject::Ticket, &number.to_string(), Action::TicketReceived, detail)?;
        super::watches::link_watch(&tx, &ticket, Some(by), now)?;
        tx.commit()?;
        Ok(ticket)
    }

    /// What booking these details in now would say: the warranty check and the assessment
    /// due date, for the intake form to show before saving.
    pub fn preview_intake(&self, details: &IntakeDetails, now: Timestamp) -> Result<(WarrantyCheck, Date)> {
        let settings = self.settings()?;
        let earlier = tickets::earliest_purchase_for_serial(&self.db, &details.device.serial_key())?;
        Ok(intake::preview(&settings.policy, details, settings.today(now), earlier.as_ref())?)
    }

    pub fn ticket(&self, id: TicketId) -> Result<Ticket> {
        Ok(tickets::get(&self.db, id)?.ok_or_else(|| not_found("That ticket"))?)
    }

    /// What the ticket waits for next, by date (its assessment, or its quotation's validity
    /// or hold); `None` when nothing is due.
    pub fn ticket_deadline(&self, id: TicketId) -> Result<Option<Date>> {
        tickets::deadline(&self.db, id)
    }

    /// A ticket by the number staff typed or a scanner sent.
    pub fn ticket_by_number(&self, typed: &str) -> Result<Ticket> {
        let number: TicketNumber = typed.parse()?;
        Ok(tickets::by_number(&self.db, number)?.ok_or_else(|| not_found(format!("Ticket {number}")))?)
    }

    /// A plain move by staff (one that needs no evidence), logged. One that closes the
    /// ticket needs its account settled first (the domain's `Account::check_plain_move`).
    pub fn move_ticket(&mut self, by: StaffId, id: TicketId, next: TicketState, now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let mut ticket = self.ticket(id)?;
        let from = ticket.state;
        ticket.state = from.plain_move_to(next)?;
        let settings = self.settings()?;
        // The account is judged as the move leaves it (a repair withdrawn is not charged);
        // a refusal rolls the move back with the transaction.
        tickets::update_state(&tx, &ticket)?;
        self.after_sale(id, now)?.account.check_plain_move(from, next, settings.currency)?;
        log_ticket(&tx, now, Some(by), &ticket, Action::TicketState, json!({ "from": from, "to": next }))?;
        super::stock::release_parts(&tx, &ticket, Some(by), now)?;
        tx.commit()?;
        Ok(ticket)
    }

    pub fn search_tickets(&self, query: &str, state: Option<TicketState>, limit: usize) -> Result<Vec<TicketRow>> {
        self.search_tickets_in(BranchFilter::All, query, state, limit)
    }

    /// The branches of the chain that booked tickets here, by code ('' for tickets booked
    /// without a branch), with this computer's own: what a list may be narrowed to.
    pub fn branches(&self) -> Result<Vec<String>> {
        let mut known = ticket_numbers::branches(&self.db)?;
        if let Some(own) = self.db.branch().map(|b| b.to_string()) {
            if !known.contains(&own) {
                known.push(own);
                known.sort();
            }
        }
        Ok(known)
    }

    /// The same, among one branch's tickets (or every branch's).
    pub fn search_tickets_in(
        &self,
        branch: BranchFilter,
        query: &str,
        state: Option<TicketState>,
        limit: usize,
    ) -> Result<Vec<TicketRow>> {
        ticket_search::search(&self.db, &search::query_terms(query), state, branch, limit)
    }

    pub fn customer(&self, id: CustomerId) -> Result<Customer> {
        Ok(customers::get(&self.db, id)?.ok_or_else(|| not_found("That customer"))?)
    }

    pub fn find_customers(&self, query: &str, limit: usize) -> Result<Vec<Customer>> {
        customers::find(&self.db, query, limit)
    }

    pub fn customer_tickets(&self, id: CustomerId) -> Result<Vec<TicketRow>> {
        tickets::for_customer(&self.db, id)
    }

    /// Every ticket of the same watch, newest first.
    pub fn serial_tickets(&self, serial: &str) -> Result<Vec<TicketRow>> {
        tickets::for_serial(&self.db, &caseback_domain::device::serial_key(serial))
    }

    pub fn tickets_in_state(&self, state: TicketState, limit: usize) -> Result<Vec<TicketRow>> {
        tickets::in_state(&self.db, state, limit)
    }

    /// Open tickets whose next deadline is on or before `until` (overdue included).
    pub fn tickets_due_by(&self, until: Date) -> Result<Vec<TicketRow>> {
        tickets::due_by(&self.db, until)
    }

    /// The next `limit` open tickets due after `after`, soonest first.
    pub fn tickets_due_after(&self, after: Date, limit: usize) -> Result<Vec<TicketRow>> {
        tickets::due_after(&self.db, after, limit)
    }

    /// Every ticket booked in on `day`, first booked first.
    pub fn tickets_received_on(&self, day: Date) -> Result<Vec<TicketRow>> {
        tickets::received_on(&self.db, day)
    }

    pub fn open_ticket_count(&self) -> Result<usize> {
        tickets::open_count(&self.db)
    }
}
