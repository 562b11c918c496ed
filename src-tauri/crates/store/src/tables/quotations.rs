//! Table `quotations`: every revision as issued, never updated (a trigger refuses it).
//!
//! A revision is read together with its answer: `for_ticket` joins `quotation_answers`,
//! because a quotation and its written answer are one record to every reader, and one
//! query keeps the pair consistent. Answers are written by `quotation_answers`.

use crate::sql::Db;
use crate::vals;
use caseback_domain::assessment::WrittenAnswer;
use caseback_domain::quotation::Quotation;
use caseback_domain::ticket::TicketId;
use serde::Serialize;

use super::columns::{from_json, to_json};
use crate::error::Result;

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    from_json("quotation", text)
}

pub(crate) fn insert(conn: &Db, ticket: TicketId, q: &Quotation) -> Result<i64> {
    conn.insert(
        "INSERT INTO quotations (ticket_id, revision, number, quotation_json, repair_total, cosmetic_total, issued_on, valid_through)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        vals![
            ticket.0,
            q.number.revision,
            q.number.to_string(),
            to_json(q)?,
            q.repair.total.0,
            q.cosmetic.total.0,
            q.issued_on.to_string(),
            q.valid_through.to_string()
        ],
    )
}

/// A quotation as stored, with the customer's answer if there is one.
#[derive(Clone, Debug, Serialize)]
pub struct StoredQuotation {
    pub id: i64,
    pub quotation: Quotation,
    /// `Some((accepted, answer))` once the customer answered in writing.
    pub answer: Option<(bool, WrittenAnswer)>,
}

impl StoredQuotation {
    /// The customer refused it in writing.
    pub fn refused(&self) -> bool {
        matches!(self.answer, Some((false, _)))
    }
}

/// Every revision of a ticket's quotation, oldest first.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<Vec<StoredQuotation>> {
    let rows = conn.rows(
        "SELECT q.id, q.quotation_json, a.accepted, a.answer_json FROM quotations q
         LEFT JOIN quotation_answers a ON a.quotation_id = q.id WHERE q.ticket_id = ?1 ORDER BY q.revision",
        vals![ticket.0],
        |r| {
            Ok((
                r.get::<i64>(0)?,
                r.get::<String>(1)?,
                r.get::<Option<i64>>(2)?.map(|a| a != 0),
                r.get::<Option<String>>(3)?,
            ))
        },
    )?;
    rows.into_iter()
        .map(|(id, q, accepted, answer)| {
            let answer = match (accepted, answer) {
                (Some(accepted), Some(a)) => Some((accepted, parse(&a)?)),
                _ => None,
            };
            Ok(StoredQuotation { id, quotation: parse(&q)?, answer })
        })
        .collect()
}

/// An answer as the report reads it: the ticket's id and number, accepted or not, when, and
/// the repair's total.
pub(crate) type Answered = (TicketId, String, bool, String, i64);

/// An answer recorded from `after` up to `before` (instants as text; the caller narrows
/// them to the shop's days): the ticket, accepted or not, when, and the repair's total.
pub(crate) fn answered_between(conn: &Db, after: &str, before: &str) -> Result<Vec<Answered>> {
    conn.rows(
        "SELECT t.id, t.number, a.accepted, a.answered_at, q.repair_total
         FROM quotation_answers a JOIN quotations q ON q.id = a.quotation_id JOIN tickets t ON t.id = q.ticket_id
         WHERE a.answered_at >= ?1 AND a.answered_at < ?2 ORDER BY a.quotation_id",
        vals![after, before],
        |r| Ok((TicketId(r.get(0)?), r.get(1)?, r.get::<i64>(2)? != 0, r.get(3)?, r.get(4)?)),
    )
}

/// An unanswered revision as the report reads it: the ticket, its last valid day, the
/// repair's total, and the day the next revision was issued, if one was.
pub(crate) type Unanswered = (TicketId, String, String, i64, Option<String>);

/// Revisions valid through a day from `from` through `to` and never answered, with the day
/// the next revision was issued (`report::expired_on` says whether and when they expired).
pub(crate) fn unanswered_through(conn: &Db, from: jiff::civil::Date, to: jiff::civil::Date) -> Result<Vec<Unanswered>> {
    conn.rows(
        "SELECT t.id, t.number, q.valid_through, q.repair_total,
                (SELECT MIN(n.issued_on) FROM quotations n WHERE n.ticket_id = q.ticket_id AND n.revision > q.revision)
         FROM quotations q JOIN tickets t ON t.id = q.ticket_id
         WHERE q.valid_through >= ?1 AND q.valid_through <= ?2
           AND NOT EXISTS (SELECT 1 FROM quotation_answers a WHERE a.quotation_id = q.id)
         ORDER BY q.id",
        vals![from.to_string(), to.to_string()],
        |r| Ok((TicketId(r.get(0)?), r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )
}
