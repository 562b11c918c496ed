//! Table `outbox`: each form e-mailed to a customer, from queued to sent or refused. A row
//! changes only by its state: claimed, then sent, waiting again or failed, or put back.

use caseback_domain::outbox::{MailedForm, OutboxState, Record};
use caseback_domain::returns::ReturnId;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::{from_key, instant, to_key};
use crate::error::Result;
use crate::sql::{Db, Row, Value};
use crate::vals;

/// A message as kept in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: i64,
    pub record: Record,
    pub form: MailedForm,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// The attached PDF's content hash (an attachment) and the name it is sent under.
    pub attachment: String,
    pub file_name: String,
    pub state: OutboxState,
    /// The server's (or the network's) words, when it did not take the message.
    pub reason: String,
    pub attempts: u32,
    pub not_before: Option<Timestamp>,
    /// The computer sending it, or the last one that tried.
    pub claimed_by: String,
    pub claimed_at: Option<Timestamp>,
    pub queued_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    /// Who queued it, and on which computer.
    pub staff: String,
    pub computer: String,
}

/// What a new message is, for `insert`.
pub(crate) struct NewMessage<'a> {
    pub record: Record,
    pub form: MailedForm,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachment: &'a str,
    pub file_name: &'a str,
    pub queued_at: Timestamp,
    pub staff: StaffId,
    pub computer: &'a str,
}

const SELECT: &str = "SELECT o.id, o.ticket_id, o.return_id, o.form, o.recipient, o.subject, o.body, o.attachment,
    o.file_name, o.state, o.reason, o.attempts, o.not_before, o.claimed_by, o.claimed_at, o.queued_at, o.sent_at,
    COALESCE(s.name, ''), o.computer
    FROM outbox o LEFT JOIN staff s ON s.id = o.staff_id";

fn optional_instant(what: &str, text: String) -> Result<Option<Timestamp>> {
    if text.is_empty() {
        Ok(None)
    } else {
        instant(what, &text).map(Some)
    }
}

fn text_of(at: Option<Timestamp>) -> String {
    at.map(|t| t.to_string()).unwrap_or_default()
}

fn from_row(r: &Row) -> Result<OutboxMessage> {
    let record = match (r.get::<Option<i64>>(1)?, r.get::<Option<i64>>(2)?) {
        (Some(t), _) => Record::Ticket(TicketId(t)),
        (None, Some(c)) => Record::Return(ReturnId(c)),
        (None, None) => return Err(super::columns::bad("an outbox message of no ticket or return".into())),
    };
    Ok(OutboxMessage {
        id: r.get(0)?,
        record,
        form: from_key("mailed form", &r.get::<String>(3)?)?,
        recipient: r.get(4)?,
        subject: r.get(5)?,
        body: r.get(6)?,
        attachment: r.get(7)?,
        file_name: r.get(8)?,
        state: from_key("outbox state", &r.get::<String>(9)?)?,
        reason: r.get(10)?,
        attempts: u32::try_from(r.get::<i64>(11)?).unwrap_or(u32::MAX),
        not_before: optional_instant("not before", r.get(12)?)?,
        claimed_by: r.get(13)?,
        claimed_at: optional_instant("claimed at", r.get(14)?)?,
        queued_at: instant("queued at", &r.get::<String>(15)?)?,
        sent_at: optional_instant("sent at", r.get(16)?)?,
        staff: r.get(17)?,
        computer: r.get(18)?,
    })
}

fn record_ids(record: Record) -> (Value, Value) {
    match record {
        Record::Ticket(t) => (Value::Int(t.0), Value::Null),
        Record::Return(c) => (Value::Null, Value::Int(c.0)),
    }
}

pub(crate) fn insert(conn: &Db, m: &NewMessage) -> Result<i64> {
    let (ticket, case) = record_ids(m.record);
    conn.insert(
        "INSERT INTO outbox (ticket_id, return_id, form, recipient, subject, body, attachment, file_name, queued_at,
         staff_id, computer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        &[
            ticket,
            case,
            Value::Text(to_key(&m.form)?),
            Value::Text(m.recipient.into()),
            Value::Text(m.subject.into()),
            Value::Text(m.body.into()),
            Value::Text(m.attachment.into()),
            Value::Text(m.file_name.into()),
            Value::Text(m.queued_at.to_string()),
            Value::Int(m.staff.0),
            Value::Text(m.computer.into()),
        ],
    )
}

pub(crate) fn get(conn: &Db, id: i64) -> Result<Option<OutboxMessage>> {
    conn.row(&format!("{SELECT} WHERE o.id = ?1"), vals![id], from_row)
}

/// A ticket's or a return's messages, newest first.
pub(crate) fn for_record(conn: &Db, record: Record) -> Result<Vec<OutboxMessage>> {
    let (column, id) = match record {
        Record::Ticket(t) => ("ticket_id", t.0),
        Record::Return(c) => ("return_id", c.0),
    };
    conn.rows(&format!("{SELECT} WHERE o.{column} = ?1 ORDER BY o.id DESC"), vals![id], from_row)
}

/// The shop's latest `limit` messages, newest first.
pub(crate) fn latest(conn: &Db, limit: i64) -> Result<Vec<OutboxMessage>> {
    conn.rows(&format!("{SELECT} ORDER BY o.id DESC LIMIT ?1"), vals![limit], from_row)
}

/// The messages not yet sent or refused, oldest first: what a computer may claim.
pub(crate) fn unsent(conn: &Db) -> Result<Vec<OutboxMessage>> {
    conn.rows(&format!("{SELECT} WHERE o.state IN ('queued', 'sending') ORDER BY o.id"), vals![], from_row)
}

/// Claims `m` for this computer, as it was read (its state and claim unchanged since): false
/// when another got there first.
pub(crate) fn claim(conn: &Db, m: &OutboxMessage, computer: &str, at: Timestamp) -> Result<bool> {
    let changed = conn.exec(
        "UPDATE outbox SET state = 'sending', claimed_by = ?1, claimed_at = ?2, attempts = attempts + 1
         WHERE id = ?3 AND state = ?4 AND claimed_at = ?5",
        vals![computer, at.to_string(), m.id, to_key(&m.state)?, text_of(m.claimed_at)],
    )?;
    Ok(changed == 1)
}

/// Records how the claimed message's try went, if the claim made `claimed_at` still holds:
/// false when it ran out and another computer took the message over.
pub(crate) fn settle(
    conn: &Db,
    id: i64,
    claimed_at: Timestamp,
    state: OutboxState,
    reason: &str,
    not_before: Option<Timestamp>,
    sent_at: Option<Timestamp>,
) -> Result<bool> {
    let changed = conn.exec(
        "UPDATE outbox SET state = ?1, reason = ?2, not_before = ?3, sent_at = ?4
         WHERE id = ?5 AND state = 'sending' AND claimed_at = ?6",
        vals![to_key(&state)?, reason, text_of(not_before), text_of(sent_at), id, claimed_at.to_string()],
    )?;
    Ok(changed == 1)
}

/// Puts a refused message back in the queue, to be tried at once, to `recipient`.
pub(crate) fn requeue(conn: &Db, id: i64, recipient: &str) -> Result<()> {
    conn.exec(
        "UPDATE outbox SET state = 'queued', not_before = '', recipient = ?2 WHERE id = ?1 AND state = 'failed'",
        vals![id, recipient],
    )?;
    Ok(())
}

/// Makes every waiting message due at once (its wait between tries ended): staff asked to
/// send what waits now.
pub(crate) fn due_now(conn: &Db) -> Result<u64> {
    conn.exec("UPDATE outbox SET not_before = '' WHERE state = 'queued' AND not_before <> ''", vals![])
}
