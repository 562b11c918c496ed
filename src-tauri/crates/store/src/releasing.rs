//! After the repair: completion, the Collection Notice, payments, shipping and release.
//! Each change runs in one transaction with its event-log entry.

use caseback_domain::intake::{Ticket, TicketId};
use caseback_domain::quotation::Quotation;
use caseback_domain::release::account::{self, AccountFacts};
use caseback_domain::release::{payment, shipping};
use caseback_domain::release::{
    Account, CollectionNotice, Completion, EntryKind, Payment, PaymentEntry, Release, Shipping,
};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketState;
use caseback_domain::Policy;
use jiff::civil::Date;
use jiff::Timestamp;
use rusqlite::{Connection, TransactionBehavior};
use serde_json::json;

use crate::error::Result;
use crate::quoting::walk;
use crate::{collection_notices, completions, log, payments, quotations, releases, shipments, tickets, Shop};

/// Everything after the repair that a ticket has so far, with its account worked out.
#[derive(Clone, Debug)]
pub struct AfterSale {
    pub completion: Option<(Completion, Timestamp)>,
    pub notice: Option<CollectionNotice>,
    pub payments: Vec<Payment>,
    pub shipping: Option<Shipping>,
    pub release: Option<(Release, Date)>,
    /// The accepted quotation and whether its cosmetic section was accepted too.
    pub accepted: Option<(Quotation, bool)>,
    /// Repaired under warranty (a covered assessment).
    pub covered: bool,
    /// The day the account is counted to: today, or the day the watch left.
    pub as_of: Date,
    pub account: Account,
}

impl AfterSale {
    pub fn facts(&self) -> AccountFacts<'_> {
        AccountFacts {
            accepted: self.accepted.as_ref().map(|(q, c)| (q, *c)),
            covered: self.covered,
            notice: self.notice.as_ref(),
            shipping: self.shipping.as_ref(),
            payments: &self.payments,
            as_of: self.as_of,
        }
    }
}

/// The ticket's after-sale records and its account as of `today` (or its release day).
fn after_sale(conn: &Connection, policy: &Policy, id: TicketId, today: Date) -> Result<AfterSale> {
    let release = releases::get(conn, id)?;
    let as_of = release.as_ref().map_or(today, |(_, on)| *on);
    let accepted = quotations::for_ticket(conn, id)?.into_iter().rev().find_map(|q| match q.answer {
        Some((true, answer)) => Some((q.quotation, answer.cosmetic_accepted)),
        _ => None,
    });
    let covered = quotations::assessment(conn, id)?.is_some_and(|a| a.decision.is_covered());
    let mut sale = AfterSale {
        completion: completions::get(conn, id)?,
        notice: collection_notices::get(conn, id)?,
        payments: payments::for_ticket(conn, id)?,
        shipping: shipments::get(conn, id)?,
        release,
        accepted,
        covered,
        as_of,
        account: Account::default(),
    };
    sale.account = Account::of(policy, &sale.facts());
    Ok(sale)
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
        crate::attachments::require_photos(&self.conn, &completion.photos)?;
        let mut ticket = self.ticket(id)?;
        ticket.state.move_to(TicketState::ReadyForCollection)?;
        let tx = self.conn.transaction()?;
        completions::insert(&tx, id, &completion, by, now)?;
        for (i, sha) in completion.photos.iter().enumerate() {
            tickets::add_photo(&tx, id, sha, "after_repair", i)?;
        }
        walk(&tx, &mut ticket, &[TicketState::ReadyForCollection], Some(by), now)?;
        tickets::set_deadline(&tx, id, None)?;
        let detail = json!({ "work_performed": completion.work_performed, "parts": completion.parts, "photos": completion.photos.len() });
        log(&tx, now, Some(by), "ticket", &ticket.number.to_string(), "repair.completed", detail)?;
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
        log(&tx, now, Some(by), "ticket", &ticket.number.to_string(), "collection_notice.issued", detail)?;
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
        let action = if entry.kind == EntryKind::Payment { "payment.recorded" } else { "payment.refunded" };
        let detail = json!({ "amount": entry.amount, "currency": settings.currency, "method": entry.method, "reference": entry.reference });
        log(&tx, now, Some(by), "ticket", &ticket.number.to_string(), action, detail)?;
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
        log(&tx, now, Some(by), "ticket", &ticket.number.to_string(), "shipping.chosen", json!(checked))?;
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
        let mut sale = self.after_sale(id, now)?;
        sale.as_of = release.left_on(today);
        let account = Account::of(&settings.policy, &sale.facts());
        let checked = release.validated(ticket.state, &account, sale.shipping.is_some(), settings.currency, today)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        releases::insert(&tx, id, &checked, sale.as_of, by, now)?;
        walk(&tx, &mut ticket, &[checked.state()], Some(by), now)?;
        tickets::set_deadline(&tx, id, None)?;
        let action = if checked.state() == TicketState::Collected { "ticket.collected" } else { "ticket.dispatched" };
        log(&tx, now, Some(by), "ticket", &ticket.number.to_string(), action, json!(checked))?;
        tx.commit()?;
        Ok(ticket)
    }
}
