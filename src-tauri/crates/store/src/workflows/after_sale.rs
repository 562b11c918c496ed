//! After the repair: completion, the Collection Notice, payments, shipping and release.
//! Each change runs in one transaction with its event-log entry.

use crate::sql::Db;
use caseback_domain::after_sale::account::{self, accepted_revision};
use caseback_domain::after_sale::{payment, shipping};
use caseback_domain::after_sale::{
    AfterSale, CollectionNotice, Completion, EntryKind, LedgerEntry, NewPayment, Payment, PaymentVoid, Release,
    Shipping, VoidForm,
};
use caseback_domain::event::Action;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketState;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::{DomainError, Policy};
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::json;

use super::walk;
use crate::attachment_folder;
use crate::error::Result;
use crate::tables::ticket_photos::{self, Stage};
use crate::tables::{
    assessments, collection_notices, completions, payment_plans, payment_voids, payments, quotations, releases,
    shipments, tickets,
};
use crate::{log_ticket, Shop};

/// Every entry of the ticket as recorded, oldest first, with its plan and its void.
fn ledger(conn: &Db, id: TicketId) -> Result<Vec<LedgerEntry>> {
    let mut voids = payment_voids::for_ticket(conn, id)?;
    let mut plans = payment_plans::for_ticket(conn, id)?;
    Ok(payments::for_ticket(conn, id)?
        .into_iter()
        .map(|payment| LedgerEntry { void: voids.remove(&payment.id), plan: plans.remove(&payment.id), payment })
        .collect())
}

/// The ticket's after-sale records and its account as of `today` (or its release day): the
/// entries that count (voided ones left out, as the domain says).
pub(super) fn after_sale(conn: &Db, policy: &Policy, id: TicketId, today: Date) -> Result<AfterSale> {
    sale_with(conn, policy, id, today, payment::counted(&ledger(conn, id)?))
}

fn sale_with(conn: &Db, policy: &Policy, id: TicketId, today: Date, payments: Vec<Payment>) -> Result<AfterSale> {
    let revisions = quotations::for_ticket(conn, id)?;
    let answered = revisions.iter().map(|r| (&r.quotation, r.answer.as_ref().map(|(accepted, a)| (*accepted, a))));
    let withdrawn = tickets::get(conn, id)?.is_some_and(|t| !account::charges_repair(t.state));
    let accepted = accepted_revision(answered).filter(|_| !withdrawn).map(|(q, cosmetic)| (q.clone(), cosmetic));
    let covered = assessments::get(conn, id)?.is_some_and(|a| a.decision.is_covered());
    Ok(AfterSale::of(
        policy,
        completions::get(conn, id)?,
        collection_notices::get(conn, id)?,
        payments,
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
        after_sale(&self.db, &settings.policy, id, settings.today(now))
    }

    /// The ticket's after-sale records as its printed forms show them: the entries that
    /// count, an instalment plan written into its line (see `payment::for_papers`).
    pub fn after_sale_for_papers(&self, id: TicketId, now: Timestamp) -> Result<AfterSale> {
        let settings = self.settings()?;
        self.ticket(id)?;
        let entries = payment::for_papers(&ledger(&self.db, id)?);
        sale_with(&self.db, &settings.policy, id, settings.today(now), entries)
    }

    /// Every payment and refund of the ticket as recorded, voided ones too.
    pub fn ledger(&self, id: TicketId) -> Result<Vec<LedgerEntry>> {
        self.ticket(id)?;
        ledger(&self.db, id)
    }

    /// The technician marks the repair done: the ticket is ready for collection.
    pub fn complete_repair(&mut self, by: StaffId, id: TicketId, c: &Completion, now: Timestamp) -> Result<Ticket> {
        self.actor(by)?;
        let completion = c.validated()?;
        let settings = self.settings()?;
        attachment_folder::require_photos(&self.db, &completion.photos)?;
        // The ticket is read under the write lock: on a shared database another computer
        // may have moved it since (as in each change below).
        let tx = self.db.transaction()?;
        let mut ticket = self.ticket(id)?;
        ticket.state.move_to(TicketState::ReadyForCollection)?;
        completions::insert(&tx, id, &completion, by, now)?;
        ticket_photos::insert(&tx, id, Stage::AfterRepair, &completion.photos)?;
        // The parts come off stock before the move, which would otherwise let them go.
        super::stock::use_parts(&tx, &ticket, by, now)?;
        walk(&tx, &mut ticket, &[TicketState::ReadyForCollection], Some(by), now)?;
        tickets::update_deadline(&tx, id, None)?;
        let warranty = match completion.work_kind {
            Some(kind) => super::watches::grant_service_warranty(&tx, &ticket, kind, &settings, settings.today(now))?,
            None => None,
        };
        let detail = json!({
            "work_performed": completion.work_performed,
            "parts": completion.parts,
            "photos": completion.photos.len(),
            "service_warranty": warranty,
        });
        log_ticket(&tx, now, Some(by), &ticket, Action::RepairCompleted, detail)?;
        tx.commit()?;
        Ok(ticket)
    }

    /// Issues the Collection Notice: from today the storage grace runs. Issued once.
    pub fn issue_collection_notice(&mut self, by: StaffId, id: TicketId, now: Timestamp) -> Result<CollectionNotice> {
        self.actor(by)?;
        let settings = self.settings()?;
        // The earlier notice is looked for under the write lock: on a shared database two
        // computers may issue it at once, and the second must be told it was issued (looked
        // for before, it failed on the table's key, "duplicate key value", found by the
        // concurrency test).
        let tx = self.db.transaction()?;
        let ticket = self.ticket(id)?;
        let earlier = collection_notices::get(&tx, id)?;
        let notice =
            CollectionNotice::issue_for(ticket.state, earlier.as_ref(), &settings.policy, settings.today(now))?;
        collection_notices::insert(&tx, id, &notice, by, now)?;
        let detail =
            json!({ "issued_on": notice.issued_on, "fees_from": notice.fees_from, "fee_per_day": notice.fee_per_day });
        log_ticket(&tx, now, Some(by), &ticket, Action::CollectionNoticeIssued, detail)?;
        tx.commit()?;
        Ok(notice)
    }

    /// Records a payment (a deposit, too) or the refund of an overpayment, dated today. A
    /// payment above the balance is refused unless staff confirmed it.
    pub fn record_payment(&mut self, by: StaffId, id: TicketId, new: &NewPayment, now: Timestamp) -> Result<Payment> {
        self.actor(by)?;
        let settings = self.settings()?;
        let tx = self.db.transaction()?;
        // The ticket and its account are read inside the write transaction, so two refunds
        // cannot both pass, nor a payment on a ticket another computer just closed.
        let ticket = self.ticket(id)?;
        payment::check_accepted(ticket.state, new.entry.kind)?;
        let account = after_sale(&tx, &settings.policy, id, settings.today(now))?.account;
        let checked = new.validated(&account, settings.currency)?;
        let today = settings.today(now);
        let pid = payments::insert(&tx, id, &checked.entry, settings.currency, today, by, now)?;
        if let Some(plan) = &checked.plan {
            payment_plans::insert(&tx, pid, plan)?;
        }
        let entry = checked.entry;
        let action = if entry.kind == EntryKind::Payment { Action::PaymentRecorded } else { Action::PaymentRefunded };
        let mut detail = json!({ "amount": entry.amount, "currency": settings.currency, "method": entry.method, "reference": entry.reference });
        if let Some(plan) = &checked.plan {
            detail["instalments"] = json!(plan);
        }
        if checked.confirm_over_balance && entry.amount > account.balance {
            detail["over_balance"] = json!(account.balance);
        }
        log_ticket(&tx, now, Some(by), &ticket, action, detail)?;
        tx.commit()?;
        Ok(Payment { id: pid, entry, paid_on: today, staff: by })
    }

    /// Voids an entry recorded by mistake, with its reason: it stays in the payments and the
    /// log, and counts nowhere as money received or paid back. Refused once the watch left.
    pub fn void_payment(&mut self, by: StaffId, id: TicketId, form: &VoidForm, now: Timestamp) -> Result<PaymentVoid> {
        self.actor(by)?;
        let settings = self.settings()?;
        // Under the write lock: another computer may void the same entry at this moment.
        let tx = self.db.transaction()?;
        let ticket = self.ticket(id)?;
        let entries = ledger(&tx, id)?;
        let entry = entries
            .iter()
            .find(|e| e.payment.id == form.payment)
            .ok_or_else(|| DomainError::NotFound { what: "That payment".into() })?;
        let void = form.validated(ticket.state, entry, by, settings.today(now))?;
        payment_voids::insert(&tx, entry.payment.id, &void, now)?;
        let p = &entry.payment;
        let mut detail = json!({
            "payment": p.id, "kind": p.entry.kind, "amount": p.entry.amount, "currency": settings.currency,
            "method": p.entry.method, "paid_on": p.paid_on, "reason": void.reason,
        });
        if let Some(plan) = &entry.plan {
            detail["instalments"] = json!(plan);
        }
        log_ticket(&tx, now, Some(by), &ticket, Action::PaymentVoided, detail)?;
        tx.commit()?;
        Ok(void)
    }

    /// Chooses (or changes, until dispatch) how the watch travels back.
    pub fn choose_shipping(&mut self, by: StaffId, id: TicketId, s: &Shipping, now: Timestamp) -> Result<Shipping> {
        self.actor(by)?;
        let settings = self.settings()?;
        // Under the write lock: the watch may have been dispatched from another computer.
        let tx = self.db.transaction()?;
        let ticket = self.ticket(id)?;
        shipping::check_can_choose(ticket.state)?;
        let sale = self.after_sale(id, now)?;
        let repair_charges = account::repair_charges(sale.facts().accepted);
        let checked = s.validated(&settings.policy, repair_charges, sale.covered, settings.currency)?;
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
        // The ticket and its account are read under the write lock: on a shared database
        // another computer may release the watch, or take or refund money on it, meanwhile.
        // Read before, a second release failed on the table's key ("duplicate key value",
        // found by the concurrency test), and a watch could leave on an account that no
        // longer settled.
        let tx = self.db.transaction()?;
        let mut ticket = self.ticket(id)?;
        let sale = self.after_sale(id, now)?;
        let left_on = release.left_on(today);
        let account = sale.account_on(&settings.policy, left_on);
        let checked = release.validated(
            ticket.state,
            &account,
            &sale.payments,
            sale.shipping.is_some(),
            settings.currency,
            today,
        )?;
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
