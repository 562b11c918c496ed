//! Tables `assessments`, `quotations` (rows never updated) and `quotation_answers`.

use caseback_domain::assessment::{Assessment, WrittenAnswer};
use caseback_domain::quotation::Quotation;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::error::Result;
use crate::records::{from_json, to_json};

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    from_json("quotation", text)
}

pub fn save_assessment(conn: &Connection, ticket: TicketId, a: &Assessment, by: StaffId, now: Timestamp) -> Result<()> {
    conn.execute(
        "INSERT INTO assessments (ticket_id, findings, decision_json, assessed_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (ticket_id) DO UPDATE SET findings = excluded.findings, decision_json = excluded.decision_json,
             assessed_at = excluded.assessed_at, staff_id = excluded.staff_id",
        params![ticket.0, a.findings, to_json(&a.decision)?, now.to_string(), by.0],
    )?;
    Ok(())
}

pub fn assessment(conn: &Connection, ticket: TicketId) -> Result<Option<Assessment>> {
    let row: Option<(String, String)> = conn
        .query_row("SELECT findings, decision_json FROM assessments WHERE ticket_id = ?1", [ticket.0], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let photos = crate::tickets::photos(conn, ticket, "assessment")?;
    row.map(|(findings, decision)| Ok(Assessment { findings, decision: parse(&decision)?, photos })).transpose()
}

pub fn insert(conn: &Connection, ticket: TicketId, q: &Quotation) -> Result<i64> {
    conn.execute(
        "INSERT INTO quotations (ticket_id, revision, number, quotation_json, repair_total, cosmetic_total, issued_on, valid_through)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ticket.0,
            q.number.revision,
            q.number.to_string(),
            to_json(q)?,
            q.repair.total.0,
            q.cosmetic.total.0,
            q.issued_on.to_string(),
            q.valid_through.to_string()
        ],
    )?;
    Ok(conn.last_insert_rowid())
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
pub fn for_ticket(conn: &Connection, ticket: TicketId) -> Result<Vec<StoredQuotation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.quotation_json, a.accepted, a.answer_json FROM quotations q
         LEFT JOIN quotation_answers a ON a.quotation_id = q.id WHERE q.ticket_id = ?1 ORDER BY q.revision",
    )?;
    let rows = stmt
        .query_map([ticket.0], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<bool>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
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

pub fn save_answer(
    conn: &Connection,
    quotation_id: i64,
    accepted: bool,
    answer: &WrittenAnswer,
    by: StaffId,
    now: Timestamp,
) -> Result<()> {
    conn.execute(
        "INSERT INTO quotation_answers (quotation_id, accepted, answer_json, answered_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![quotation_id, accepted, to_json(answer)?, now.to_string(), by.0],
    )?;
    Ok(())
}

/// Quoted or held tickets whose deadline (last day to accept, end of the hold) is before
/// `today`: the only ones the clock can move. Indexed, and usually empty, so looking at lists
/// as often as staff type stays cheap.
pub fn past_their_deadline(conn: &Connection, today: jiff::civil::Date) -> Result<Vec<TicketId>> {
    let states = caseback_domain::ticket::TicketState::CLOCK_DRIVEN;
    let mut stmt =
        conn.prepare_cached("SELECT id FROM tickets WHERE next_deadline < ?1 AND state IN (?2, ?3) ORDER BY id")?;
    let rows = stmt
        .query_map([today.to_string(), states[0].key().into(), states[1].key().into()], |r| Ok(TicketId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
