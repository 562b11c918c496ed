//! Assessing, quoting and the customer's written answer; the clock's moves on quotations.

use caseback_domain::assessment::{Assessment, WrittenAnswer};
use caseback_domain::quotation::{Quotation, QuotationDraft};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketState;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::DomainError;
use jiff::Timestamp;
use rusqlite::{Transaction, TransactionBehavior};
use serde_json::json;

use crate::error::Result;
use crate::quotations::{self, StoredQuotation};
use crate::{log, tickets, Shop};
use caseback_domain::event::{Action, Subject};
use caseback_domain::Code;

/// Moves `ticket` through `states` in order (each checked by the state machine), logging each.
pub(crate) fn walk(
    tx: &Transaction,
    ticket: &mut Ticket,
    states: &[TicketState],
    by: Option<StaffId>,
    now: Timestamp,
) -> Result<()> {
    for next in states {
        let from = ticket.state;
        ticket.state = from.move_to(*next)?;
        tickets::set_state(tx, ticket)?;
        let who = if by.is_some() { "staff" } else { "clock" };
        log(
            tx,
            now,
            by,
            Subject::Ticket,
            &ticket.number.to_string(),
            Action::TicketState,
            json!({ "from": from, "to": next, "by": who }),
        )?;
    }
    Ok(())
}

impl Shop {
    /// Records the technician's findings and warranty decision. A covered repair goes
    /// straight to Approved (a zero-cost work order); others wait for a quotation.
    pub fn record_assessment(
        &mut self,
        by: StaffId,
        id: TicketId,
        assessment: &Assessment,
        now: Timestamp,
    ) -> Result<Ticket> {
        self.actor(by)?;
        let assessment = assessment.validated()?;
        crate::attachments::require_photos(&self.conn, &assessment.photos)?;
        let mut ticket = self.ticket(id)?;
        let mut moves = Vec::new();
        if ticket.state == TicketState::Received {
            moves.push(TicketState::Assessing);
        }
        if assessment.next_state() != TicketState::Assessing {
            moves.push(assessment.next_state());
        }
        if moves.is_empty() && ticket.state != TicketState::Assessing {
            return Err(DomainError::refused(
                Code::IllegalTransition,
                format!("A ticket that is {} is not being assessed.", ticket.state.label().to_lowercase()),
            )
            .into());
        }
        let tx = self.conn.transaction()?;
        quotations::save_assessment(&tx, id, &assessment, by, now)?;
        for (i, sha) in assessment.photos.iter().enumerate() {
            tickets::add_photo(&tx, id, sha, "assessment", i)?;
        }
        walk(&tx, &mut ticket, &moves, Some(by), now)?;
        log(
            &tx,
            now,
            Some(by),
            Subject::Ticket,
            &ticket.number.to_string(),
            Action::TicketAssessed,
            json!({ "decision": assessment.decision, "findings": assessment.findings }),
        )?;
        tx.commit()?;
        Ok(ticket)
    }

    /// Issues the draft as the ticket's next revision, valid from today for the policy's period.
    pub fn issue_quotation(
        &mut self,
        by: StaffId,
        id: TicketId,
        draft: &QuotationDraft,
        now: Timestamp,
    ) -> Result<Quotation> {
        self.actor(by)?;
        let settings = self.settings()?;
        let mut ticket = self.ticket(id)?;
        let revision = quotations::for_ticket(&self.conn, id)?.len() as u32 + 1;
        let quotation =
            draft.issue(ticket.number, revision, &settings.policy, settings.tax.rate, settings.today(now))?;
        ticket.state.move_to(TicketState::Quoted)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        quotations::insert(&tx, id, &quotation)?;
        if ticket.state != TicketState::Quoted {
            walk(&tx, &mut ticket, &[TicketState::Quoted], Some(by), now)?;
        }
        tickets::set_deadline(&tx, id, quotation.deadline(ticket.state, &settings.policy))?;
        let detail = json!({ "number": quotation.number.to_string(), "total": quotation.repair.total, "valid_through": quotation.valid_through });
        log(&tx, now, Some(by), Subject::Ticket, &ticket.number.to_string(), Action::QuotationIssued, detail)?;
        tx.commit()?;
        Ok(quotation)
    }

    /// Copies a signed scan (PDF or image) into the attachments, ahead of the answer naming it.
    pub fn store_scan(
        &mut self,
        by: StaffId,
        name: &str,
        bytes: &[u8],
        now: Timestamp,
    ) -> Result<crate::attachments::Attachment> {
        self.actor(by)?;
        let media = caseback_domain::attachment::accept_scan("scan", bytes)?;
        crate::attachments::put(&self.conn, &self.folder.attachments(), bytes, name, media, now)
    }

    pub fn assessment(&self, id: TicketId) -> Result<Option<Assessment>> {
        quotations::assessment(&self.conn, id)
    }

    pub fn quotations(&self, id: TicketId) -> Result<Vec<StoredQuotation>> {
        quotations::for_ticket(&self.conn, id)
    }

    /// Records the customer's written answer to `revision`. Acceptance is refused for a
    /// superseded revision or after the validity date; it approves the repair. A refusal
    /// makes the return due.
    pub fn answer_quotation(
        &mut self,
        by: StaffId,
        id: TicketId,
        revision: u32,
        accepted: bool,
        answer: &WrittenAnswer,
        now: Timestamp,
    ) -> Result<Ticket> {
        self.actor(by)?;
        let answer = answer.validated()?;
        if let Some(scan) = &answer.scan {
            if crate::attachments::get(&self.conn, scan)?.is_none() {
                return Err(DomainError::invalid("scan", "The signed scan was not found; attach it again.").into());
            }
        }
        let today = self.settings()?.today(now);
        let mut ticket = self.ticket(id)?;
        let all = quotations::for_ticket(&self.conn, id)?;
        let latest = all.len() as u32;
        let stored = all
            .iter()
            .find(|q| q.quotation.number.revision == revision)
            .ok_or_else(|| DomainError::NotFound { what: format!("Revision {revision} of this ticket's quotation") })?;
        if stored.answer.is_some() {
            return Err(DomainError::refused(
                Code::QuotationAnswered,
                format!("{} was already answered.", stored.quotation.number),
            )
            .into());
        }
        let next = if accepted {
            stored.quotation.check_acceptable(latest, today)?;
            TicketState::Approved
        } else {
            TicketState::ReturnDue
        };
        ticket.state.move_to(next)?;
        let tx = self.conn.transaction()?;
        quotations::save_answer(&tx, stored.id, accepted, &answer, by, now)?;
        walk(&tx, &mut ticket, &[next], Some(by), now)?;
        let action = if accepted { Action::QuotationAccepted } else { Action::QuotationDeclined };
        let detail = json!({ "number": stored.quotation.number.to_string(), "channel": answer.channel, "reference": answer.reference, "scan": answer.scan });
        log(&tx, now, Some(by), Subject::Ticket, &ticket.number.to_string(), action, detail)?;
        tx.commit()?;
        Ok(ticket)
    }
}
