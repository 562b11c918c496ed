//! Assessing, quoting and the customer's written answer.

use crate::sql::Db;
use caseback_domain::assessment::{Assessment, WrittenAnswer};
use caseback_domain::event::Action;
use caseback_domain::quotation::{Quotation, QuotationDraft};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketState;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::{Code, DomainError};
use jiff::Timestamp;
use serde_json::json;

use super::walk;
use crate::attachment_folder;
use crate::error::Result;
use crate::tables::attachments::{self, Attachment};
use crate::tables::quotations::{self, StoredQuotation};
use crate::tables::ticket_photos::{self, Stage};
use crate::tables::{assessments, quotation_answers, tickets};
use crate::{log_ticket, Shop};

/// The ticket's assessment with the technician's photos.
pub(super) fn assessment(conn: &Db, id: TicketId) -> Result<Option<Assessment>> {
    let Some(assessment) = assessments::get(conn, id)? else { return Ok(None) };
    Ok(Some(Assessment { photos: ticket_photos::for_ticket(conn, id, Stage::Assessment)?, ..assessment }))
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
        attachment_folder::require_photos(&self.db, &assessment.photos)?;
        // The ticket is read under the write lock: on a shared database another computer may
        // have moved it since, and its moves are decided from the state it is in now.
        let tx = self.db.transaction()?;
        let mut ticket = self.ticket(id)?;
        let moves = assessment.moves_from(ticket.state)?;
        assessments::put(&tx, id, &assessment, by, now)?;
        ticket_photos::insert(&tx, id, Stage::Assessment, &assessment.photos)?;
        walk(&tx, &mut ticket, &moves, Some(by), now)?;
        log_ticket(
            &tx,
            now,
            Some(by),
            &ticket,
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
        // The revision is counted under the write lock, so two computers quoting one ticket
        // at once issue revisions 1 and 2, not two revisions 1 (the second was refused by the
        // table's key, "duplicate key value", found by the concurrency test).
        let tx = self.db.transaction()?;
        let mut ticket = self.ticket(id)?;
        let revision = quotations::for_ticket(&tx, id)?.len() as u32 + 1;
        let quotation =
            draft.issue(ticket.number, revision, &settings.policy, settings.tax.rate, settings.today(now))?;
        ticket.state.move_to(TicketState::Quoted)?;
        super::stock::check_lines(&tx, &quotation.draft.lines)?;
        quotations::insert(&tx, id, &quotation)?;
        if ticket.state != TicketState::Quoted {
            walk(&tx, &mut ticket, &[TicketState::Quoted], Some(by), now)?;
        }
        tickets::update_deadline(&tx, id, quotation.deadline(ticket.state, &settings.policy))?;
        let detail = json!({ "number": quotation.number.to_string(), "total": quotation.repair.total, "valid_through": quotation.valid_through });
        log_ticket(&tx, now, Some(by), &ticket, Action::QuotationIssued, detail)?;
        tx.commit()?;
        Ok(quotation)
    }

    /// Copies a signed scan (PDF or image) into the attachments, ahead of the answer naming it.
    pub fn store_scan(&mut self, by: StaffId, name: &str, bytes: &[u8], now: Timestamp) -> Result<Attachment> {
        self.actor(by)?;
        let media = caseback_domain::attachment::accept_scan("scan", bytes)?;
        attachment_folder::keep(&self.db, &self.folder.attachments(), bytes, name, media, now)
    }

    pub fn assessment(&self, id: TicketId) -> Result<Option<Assessment>> {
        assessment(&self.db, id)
    }

    pub fn quotations(&self, id: TicketId) -> Result<Vec<StoredQuotation>> {
        quotations::for_ticket(&self.db, id)
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
            if attachments::get(&self.db, scan)?.is_none() {
                return Err(DomainError::invalid("scan", "The signed scan was not found; attach it again.").into());
            }
        }
        let today = self.settings()?.today(now);
        // The revisions and their answers are read under the write lock: on a shared database
        // another computer may be recording the same answer at this moment, and the second
        // is then refused as answered (found by the concurrency test: it failed on the
        // table's key instead, "duplicate key value violates unique constraint").
        let tx = self.db.transaction()?;
        let mut ticket = self.ticket(id)?;
        let all = quotations::for_ticket(&tx, id)?;
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
        quotation_answers::insert(&tx, stored.id, accepted, &answer, by, now)?;
        walk(&tx, &mut ticket, &[next], Some(by), now)?;
        if accepted {
            super::stock::hold_parts(&tx, &ticket, &stored.quotation.draft.lines, answer.cosmetic_accepted, by, now)?;
        }
        let action = if accepted { Action::QuotationAccepted } else { Action::QuotationDeclined };
        let detail = json!({ "number": stored.quotation.number.to_string(), "channel": answer.channel, "reference": answer.reference, "scan": answer.scan });
        log_ticket(&tx, now, Some(by), &ticket, action, detail)?;
        tx.commit()?;
        Ok(ticket)
    }
}
