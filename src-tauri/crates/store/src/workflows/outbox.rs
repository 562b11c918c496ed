//! The outbox: a form queued to be e-mailed (its PDF an attachment, in one transaction with
//! its event), sent by `send_outbox` whenever the server answers, each change of state in the
//! ticket's or the return's history.
//!
//! A message is claimed in a transaction before it is handed to the server and settled in
//! another after (the server is never talked to inside a transaction: other computers would
//! wait on it). Two computers, or two ticks of one app's timer, never both claim a message;
//! a claim left by an app that stopped mid-send runs out after `outbox::CLAIM_EXPIRES` and
//! the message is sent again, with the same Message-ID (see `caseback_domain::outbox`).
//!
//! What the history gets: the queuing, the sending, a refusal for good, and the first time
//! the server could not be reached (later tries while it stays down change nothing the shop
//! needs to read, and would fill the history every minute of an outage). A claim is not
//! logged: it lasts the seconds of a send.

use caseback_domain::attachment::MediaType;
use caseback_domain::event::{Action, Subject};
use caseback_domain::outbox::account::MailAccount;
use caseback_domain::outbox::{self, Attempt, MailedForm, OutboxState, Record, Standing};
use caseback_domain::staff::StaffId;
use caseback_domain::DomainError;
use jiff::Timestamp;
use serde_json::json;

use crate::error::Result;
use crate::sql::Db;
use crate::tables::outbox::{self as table, NewMessage, OutboxMessage};
use crate::tables::{customers, return_cases, tickets};
use crate::{attachment_folder, log, mail_account, smtp, Shop};

/// How many messages one `send_outbox` hands to the server at most: a timer tick stays short,
/// and the next tick sends the rest.
const PER_ROUND: usize = 50;

/// What one `send_outbox` did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SendRound {
    pub sent: usize,
    /// The server could not be reached for these: they wait.
    pub waiting: usize,
    pub refused: usize,
    /// No mail account is set up on this computer: nothing was tried.
    pub no_account: bool,
}

impl SendRound {
    /// Counts one try; true when the round should stop (the server cannot be reached).
    pub fn count(&mut self, attempt: &Attempt) -> bool {
        match attempt {
            Attempt::Delivered => self.sent += 1,
            Attempt::Refused(_) => self.refused += 1,
            Attempt::Unreachable(_) => {
                self.waiting += 1;
                return true;
            }
        }
        false
    }
}

/// What `claim_message` found.
pub enum Claim {
    /// No mail account on this computer: nothing is sent from here.
    NoAccount,
    /// Nothing is due.
    Nothing,
    Message(Box<Claimed>),
}

/// A message claimed for this computer, with everything its send needs.
pub struct Claimed {
    account: MailAccount,
    password: Option<String>,
    message: OutboxMessage,
    /// The attached form, or why it could not be read (the try then counts as unreachable).
    pdf: std::result::Result<Vec<u8>, String>,
}

impl Claimed {
    /// Hands the message to the server: no table is touched, so no lock need be held.
    pub fn hand_over(&self, now: Timestamp) -> Attempt {
        let m = &self.message;
        let pdf = match &self.pdf {
            Ok(pdf) => pdf.clone(),
            Err(why) => return Attempt::Unreachable(why.clone()),
        };
        let outgoing = smtp::Outgoing {
            to: &m.recipient,
            subject: &m.subject,
            body: &m.body,
            message_id: outbox::message_id(m.id, m.queued_at, &self.account.from_address),
            attachment: Some((&m.file_name, pdf)),
            at: now,
        };
        smtp::send(&self.account, self.password.as_deref(), &outgoing)
    }
}

/// A form and the message it goes with, for `queue_message`.
pub struct Mailing<'a> {
    pub record: Record,
    pub form: MailedForm,
    pub subject: &'a str,
    pub body: &'a str,
    pub file_name: &'a str,
    pub pdf: &'a [u8],
}

impl Shop {
    /// Puts `mailing` in the outbox, to the customer's e-mail address (refused at the field
    /// when they have none). The server is not needed: `send_outbox` sends it.
    pub fn queue_message(&mut self, by: StaffId, mailing: &Mailing, now: Timestamp) -> Result<OutboxMessage> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let to = self.recipient_of(&tx, mailing.record)?;
        let pdf = attachment_folder::keep(
            &tx,
            &self.folder.attachments(),
            mailing.pdf,
            mailing.file_name,
            MediaType::Pdf,
            now,
        )?;
        let id = table::insert(
            &tx,
            &NewMessage {
                record: mailing.record,
                form: mailing.form,
                recipient: &to,
                subject: mailing.subject,
                body: mailing.body,
                attachment: &pdf.sha256,
                file_name: mailing.file_name,
                queued_at: now,
                staff: by,
                computer: tx.computer(),
            },
        )?;
        let message = table::get(&tx, id)?.expect("the message just queued");
        log_message(&tx, &message, Some(by), now, Action::MessageQueued, json!({}))?;
        tx.commit()?;
        Ok(message)
    }

    /// Sends every message whose time has come through this computer's mail account, one at
    /// a time, until the server cannot be reached (the rest wait for the next round). The
    /// app's window does the same in steps (`claim_message`, `Claimed::hand_over`,
    /// `settle_message`), so the shop is not held while the server is talked to.
    pub fn send_outbox(&mut self, now: Timestamp) -> Result<SendRound> {
        let mut round = SendRound::default();
        for _ in 0..PER_ROUND {
            let claimed = match self.claim_message(now)? {
                Claim::NoAccount => return Ok(SendRound { no_account: true, ..round }),
                Claim::Nothing => break,
                Claim::Message(claimed) => claimed,
            };
            let attempt = claimed.hand_over(now);
            self.settle_message(&claimed, &attempt, now)?;
            if round.count(&attempt) {
                break;
            }
        }
        Ok(round)
    }

    /// Ends the wait between tries of every waiting message, so the next round tries them
    /// all: what "Send what waits now" asks. Nothing is logged: no message changed state.
    pub fn send_outbox_now(&self) -> Result<u64> {
        table::due_now(&self.db)
    }

    /// Claims the oldest message due for this computer, with what sending it needs (the
    /// account, its password, the PDF), read now so the send itself touches no table.
    pub fn claim_message(&self, now: Timestamp) -> Result<Claim> {
        let Some(account) = mail_account::load(self.folder.root())? else {
            return Ok(Claim::NoAccount);
        };
        let password = mail_account::password(self.folder.root())?;
        let Some(message) = self.claim_next(now)? else { return Ok(Claim::Nothing) };
        let pdf = attachment_folder::read(&self.db, &self.folder.attachments(), &message.attachment)
            .map_err(|e| format!("the attached form could not be read: {e}"));
        Ok(Claim::Message(Box::new(Claimed { account, password, message, pdf })))
    }

    /// Claims the oldest message due, if any, for this computer.
    fn claim_next(&self, now: Timestamp) -> Result<Option<OutboxMessage>> {
        let tx = self.db.transaction()?;
        let due = table::unsent(&tx)?.into_iter().find(|m| {
            outbox::claimable(Standing { state: m.state, claimed_at: m.claimed_at, not_before: m.not_before }, now)
        });
        let Some(message) = due else { return Ok(None) };
        if !table::claim(&tx, &message, tx.computer(), now)? {
            return Ok(None);
        }
        let claimed = table::get(&tx, message.id)?;
        tx.commit()?;
        Ok(claimed)
    }

    /// Records how the try of a claimed message went, with its event.
    pub fn settle_message(&self, claimed: &Claimed, attempt: &Attempt, now: Timestamp) -> Result<()> {
        self.settle(&claimed.message, attempt, now)
    }

    /// Records how the try of the claimed `m` went, with its event.
    fn settle(&self, m: &OutboxMessage, attempt: &Attempt, now: Timestamp) -> Result<()> {
        let Some(claimed_at) = m.claimed_at else { return Ok(()) };
        let state = m.state.after(attempt)?;
        let reason = attempt.reason().unwrap_or_default();
        let not_before = (state == OutboxState::Queued).then(|| outbox::next_try(m.attempts, now));
        let sent_at = (state == OutboxState::Sent).then_some(now);
        let tx = self.db.transaction()?;
        if !table::settle(&tx, m.id, claimed_at, state, reason, not_before, sent_at)? {
            // The claim ran out and another computer took the message over: its try counts.
            return Ok(());
        }
        let settled = table::get(&tx, m.id)?.expect("the message just settled");
        match attempt {
            Attempt::Delivered => log_message(&tx, &settled, None, now, Action::MessageSent, json!({}))?,
            Attempt::Refused(r) => {
                log_message(&tx, &settled, None, now, Action::MessageFailed, json!({ "reason": r }))?
            }
            Attempt::Unreachable(r) if m.attempts <= 1 => {
                log_message(&tx, &settled, None, now, Action::MessageFailed, json!({ "reason": r, "waits": true }))?
            }
            Attempt::Unreachable(_) => {}
        }
        tx.commit()
    }

    /// Puts a message the server refused back in the outbox, to be sent at the next round.
    /// It goes to the customer's address as it is now: a refusal is most often a mistyped
    /// address, corrected on the customer's page before Send again.
    pub fn retry_message(&mut self, by: StaffId, id: i64, now: Timestamp) -> Result<OutboxMessage> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let message = table::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That message".into() })?;
        message.state.retry()?;
        let to = self.recipient_of(&tx, message.record)?;
        table::requeue(&tx, id, &to)?;
        let again = table::get(&tx, id)?.expect("the message just put back");
        log_message(&tx, &again, Some(by), now, Action::MessageQueued, json!({ "again": true }))?;
        tx.commit()?;
        Ok(again)
    }

    /// The address a record's customer is e-mailed at, refused at the field when there is none.
    fn recipient_of(&self, tx: &Db, record: Record) -> Result<String> {
        let customer = match record {
            Record::Ticket(id) => Some(self.ticket(id)?.customer),
            Record::Return(id) => self.return_case(id)?.customer,
        };
        let Some(customer) = customer.map(|c| customers::get(tx, c)).transpose()?.flatten() else {
            return Err(DomainError::invalid("email", "This return has no customer on file to e-mail.").into());
        };
        Ok(outbox::recipient(&customer.details.email)?)
    }

    /// A ticket's or a return's messages, newest first.
    pub fn outbox_of(&self, record: Record) -> Result<Vec<OutboxMessage>> {
        table::for_record(&self.db, record)
    }

    /// The shop's latest `limit` messages, newest first.
    pub fn outbox(&self, limit: usize) -> Result<Vec<OutboxMessage>> {
        table::latest(&self.db, i64::try_from(limit).unwrap_or(i64::MAX))
    }

    /// One message of the outbox.
    pub fn outbox_message(&self, id: i64) -> Result<OutboxMessage> {
        Ok(table::get(&self.db, id)?.ok_or_else(|| DomainError::NotFound { what: "That message".into() })?)
    }
}

/// Appends the message's event to its ticket's or return's history: which form, to whom,
/// with `more` (the server's reason).
fn log_message(
    tx: &Db,
    m: &OutboxMessage,
    by: Option<StaffId>,
    now: Timestamp,
    action: Action,
    more: serde_json::Value,
) -> Result<()> {
    let mut detail = json!({
        "message": m.id,
        "form": m.form.in_sentence(),
        "title": m.form.title(),
        "to": m.recipient,
    });
    if let (Some(d), serde_json::Value::Object(more)) = (detail.as_object_mut(), more) {
        d.extend(more);
    }
    match m.record {
        Record::Ticket(id) => {
            let ticket =
                tickets::get(tx, id)?.ok_or_else(|| crate::StoreError::Corrupt("a message of no ticket".into()))?;
            log(tx, now, by, Subject::Ticket, &ticket.number.to_string(), action, detail)
        }
        Record::Return(id) => {
            return_cases::get(tx, id)?.ok_or_else(|| crate::StoreError::Corrupt("a message of no return".into()))?;
            log(tx, now, by, Subject::Return, &id.0.to_string(), action, detail)
        }
    }
}
