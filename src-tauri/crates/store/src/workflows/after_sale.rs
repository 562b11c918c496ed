//! After the repair: completion, the Collection Notice, payments, shipping and release.
//! Each change runs in one transaction with its event-log entry.

use caseback_domain::after_sale::account::{self, accepted_revision};
use caseback_domain::after_sale::{payment, shipping};
use caseback_domain::after_sale::{
    AfterSale, CollectionNotice, Completion, EntryKind, Payment, PaymentEntry, Release, Shipping,
};
use caseback_domain::event::Action;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketState;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::Policy;
use jiff::civil::Date;
use jiff::Timestamp;
use rusqlite::{Connection, TransactionBehavior};
use serde_json::json;

use super::walk;
use crate::attachment_folder;
use crate::error::Result;
use crate::tables::ticket_photos::{self, Stage};
use crate::tables::{assessments, collection_notices, completions, payments, quotations, releases, shipments, tickets};
use crate::{log_ticket, Shop};

/// The ticket's after-sale records and its account as of `today` (or its release day).
fn after_sale(conn: &Connection, policy: &Policy, id: TicketId, today: Date) -> Result<AfterSale> {
    let revisions = quotations::for_ticket(conn, id)?;
    let answered = revisions.iter().map(|r| (&r.quotation, r.answer.as_ref().map(|(accepted, a)| (*accepted, a))));
    let accepted = accepted_revision(answered).map(|(q, cosmetic)| (q.clone(), cosmetic));
    let covered = assessments::get(conn, id)?.is_some_and(|a| a.decision.is_covered());
    Ok(AfterSale::of(
        policy,
        completions::get(conn, id)?,
        collection_notices::get(conn, id)?,
        payments::for_ticket(conn, id)?,
        shipments::get(conn, id)?,
        releases::get(conn, id)?,
        accepted,
        covered,
        today,
    ))
}

impl Shop {
    /// The ticket's after-sale records and its account as of `now` (or its release day).
    pub fn after_sale(&self, id: TicketId, now: Timestamp) -> Result<AfterSale> {
        let settings = self.settings()?;
        self.ticket(id)?;
        after_sale(&self.conn, &settings.policy, id, settings.today(now))
    }

    /// The technician marks the repair done: the ticket is ready for collection.
    pub fn complete_repair(&mut self, by: StaffId, id: TicketId, c: &Completion, now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let completion = c.validated()?;
        attachment_folder::require_photos(&self.conn, &completion.photos)?;
        let mut ticket = self.ticket(id)?;
        ticket.state.move_to(TicketState::ReadyForCollection)?;
        let tx = self.conn.transaction()?;
        completions::insert(&tx, id, &completion, by, now)?;
        ticket_photos::insert(&tx, id, Stage::AfterRepair, &completion.photos)?;
        walk(&tx, &mut ticket, &[TicketState::ReadyForCollection], Some(by), now)?;
        tickets::update_deadline(&tx, id, None)?;
        let detail = json!({ "work_performed": completion.work_performed, "parts": completion.parts, "photos": completion.photos.len() });
        log_ticket(&tx, now, Some(by), &ticket, Action::RepairCompleted, detail)?;
        tx.commit()?;
        Ok(ticket)
    }

    /// Issues the Collection Notice: from today the storage grace runs. Issued once.
    pub fn issue_collection_notice(&mut self, by: StaffId, id: TicketId, now: Timestamp) -> Result<CollectionNotice> {
        self.actor(by)?;
        let settings = self.settings()?;
        let ticket = self.ticket(id)?;
        let earlier = collection_notices::get(&self.conn, id)?;
        let notice =
            CollectionNotice::issue_for(ticket.state, earlier.as_ref(), &settings.policy, settings.today(now))?;
        let tx = self.conn.transaction()?;
        collection_notices::insert(&tx, id, &notice, by, now)?;
        let detail =
            json!({ "issued_on": notice.issued_on, "fees_from": notice.fees_from, "fee_per_day": notice.fee_per_day });
        log_ticket(&tx, now, Some(by), &ticket, Action::CollectionNoticeIssued, detail)?;
        tx.commit()?;
        Ok(notice)
    }

    /// Records a payment (a deposit, too) or the refund of an overpayment, dated today.
    pub fn record_payment(
        &mut self,
        by: StaffId,
        id: TicketId,
        entry: &PaymentEntry,
        now: Timestamp,
    ) -> Result<Payment> {
        self.actor(by)?;
        let settings = self.settings()?;
        let ticket = self.ticket(id)?;
        payment::check_accepted(ticket.state, entry.kind)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The balance is read inside the write transaction, so two refunds cannot both pass.
        let balance = after_sale(&tx, &settings.policy, id, settings.today(now))?.account.balance;
        let entry = entry.validated(balance, settings.currency)?;
        let today = settings.today(now);
        let pid = payments::insert(&tx, id, &entry, settings.currency, today, by, now)?;
        let action = if entry.kind == EntryKind::Payment { Action::PaymentRecorded } else { Action::PaymentRefunded };
        let detail = json!({ "amount": entry.amount, "currency": settings.currency, "method": entry.method, "reference": entry.reference });
        log_ticket(&tx, now, Some(by), &ticket, action, detail)?;
        tx.commit()?;
        Ok(Payment { id: pid, entry, paid_on: today, staff: by })
    }

    /// Chooses (or changes, until dispatch) how the watch travels back.
    pub fn choose_shipping(&mut self, by: StaffId, id: TicketId, s: &Shipping, now: Timestamp) -> Result<Shipping> {
        self.actor(by)?;
        let settings = self.settings()?;
        let ticket = self.ticket(id)?;
        shipping::check_can_choose(ticket.state)?;
        let sale = self.after_sale(id, now)?;
        let repair_charges = account::repair_charges(sale.facts().accepted);
        let checked = s.validated(&settings.policy, repair_charges, sale.covered, settings.currency)?;
        let tx = self.conn.transaction()?;
        shipments::put(&tx, id, &checked, by, now)?;
        log_ticket(&tx, now, Some(by), &ticket, Action::ShippingChosen, json!(checked))?;
        tx.commit()?;
        Ok(checked)
    }

    /// The watch leaves: collected in person or dispatched. Refused unless the account is
    /// settled as of the day it leaves.
    pub fn release(&mut self, by: StaffId, id: TicketId, release: &Release, now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let mut ticket = self.ticket(id)?;
        let sale = self.after_sale(id, now)?;
        let left_on = release.left_on(today);
        let account = sale.account_on(&settings.policy, left_on);
        let checked = release.validated(ticket.state, &account, sale.shipping.is_some(), settings.currency, today)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        releases::insert(&tx, id, &checked, left_on, by, now)?;
        walk(&tx, &mut ticket, &[checked.state()], Some(by), now)?;
        tickets::update_deadline(&tx, id, None)?;
        let action =
            if checked.state() == TicketState::Collected { Action::TicketCollected } else { Action::TicketDispatched };
        log_ticket(&tx, now, Some(by), &ticket, action, json!(checked))?;
        tx.commit()?;
        Ok(ticket)
    }
}
