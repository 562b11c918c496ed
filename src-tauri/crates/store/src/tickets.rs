//! Tables `tickets`, `ticket_numbers`, `ticket_photos` and the `ticket_search` index.

use caseback_domain::after_sale::CollectionNotice;
use caseback_domain::customer::CustomerId;
use caseback_domain::device::PurchaseRecord;
use caseback_domain::intake::IntakeDetails;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::ticket::{TicketNumber, TicketState};
use caseback_domain::warranty::WarrantyCheck;
use jiff::civil::Date;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::error::{Result, StoreError};

/// The next number of `year`, taken inside the caller's (immediate) transaction.
pub fn next_number(conn: &Connection, year: i16) -> Result<TicketNumber> {
    let seq: i64 = conn.query_row(
        "INSERT INTO ticket_numbers (year, last_seq) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
        [year],
        |r| r.get(0),
    )?;
    Ok(TicketNumber { year, seq: seq as u32 })
}

fn json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, format!("{what}: {e}").into())
    })
}

fn date(text: String) -> rusqlite::Result<Date> {
    text.parse().map_err(|e: jiff::Error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.to_string().into())
    })
}

pub fn insert(conn: &Connection, t: &Ticket, haystack: &str) -> Result<TicketId> {
    conn.execute(
        "INSERT INTO tickets (number, year, seq, state, customer_id, serial_key, device_label, details_json, warranty_json,
                              received_at, received_on, assessment_due, next_deadline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            t.number.to_string(),
            t.number.year,
            t.number.seq,
            t.state.key(),
            t.customer.0,
            t.details.device.serial_key(),
            format!("{} {}", t.details.device.brand, t.details.device.model),
            json(&t.details)?,
            json(&t.warranty)?,
            t.received_at.to_string(),
            t.received_on.to_string(),
            t.assessment_due.to_string(),
            t.next_deadline().map(|d| d.to_string()),
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute("INSERT INTO ticket_search (rowid, haystack) VALUES (?1, ?2)", params![id, haystack])?;
    Ok(TicketId(id))
}

/// Writes the ticket's search text again (after its customer's details were corrected).
pub fn reindex(conn: &Connection, id: TicketId, haystack: &str) -> Result<()> {
    conn.execute("UPDATE ticket_search SET haystack = ?2 WHERE rowid = ?1", params![id.0, haystack])?;
    Ok(())
}

/// The ids of a customer's tickets.
pub fn ids_for_customer(conn: &Connection, customer: CustomerId) -> Result<Vec<TicketId>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM tickets WHERE customer_id = ?1 ORDER BY id")?;
    let ids = stmt.query_map([customer.0], |r| Ok(TicketId(r.get(0)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub fn set_state(conn: &Connection, t: &Ticket) -> Result<()> {
    conn.execute(
        "UPDATE tickets SET state = ?2, next_deadline = ?3 WHERE id = ?1",
        params![t.id.0, t.state.key(), t.next_deadline().map(|d| d.to_string())],
    )?;
    Ok(())
}

/// The ticket's next deadline as kept (the assessment, or its quotation's validity or hold).
pub fn deadline(conn: &Connection, id: TicketId) -> Result<Option<Date>> {
    let text: Option<Option<String>> =
        conn.query_row("SELECT next_deadline FROM tickets WHERE id = ?1", [id.0], |r| r.get(0)).optional()?;
    text.flatten().map(|t| date(t).map_err(StoreError::from)).transpose()
}

/// Sets the ticket's next deadline when something other than the ticket itself decides it
/// (its quotation's validity or hold).
pub fn set_deadline(conn: &Connection, id: TicketId, deadline: Option<Date>) -> Result<()> {
    conn.execute(
        "UPDATE tickets SET next_deadline = ?2 WHERE id = ?1",
        params![id.0, deadline.map(|d| d.to_string())],
    )?;
    Ok(())
}

const COLUMNS: &str = "t.id, t.number, t.state, t.customer_id, t.details_json, t.warranty_json, t.received_at, t.received_on, t.assessment_due";

fn from_row(row: &Row) -> rusqlite::Result<Ticket> {
    let number: String = row.get(1)?;
    let state: String = row.get(2)?;
    let received_at: String = row.get(6)?;
    Ok(Ticket {
        id: TicketId(row.get(0)?),
        number: number.parse().map_err(|e: caseback_domain::DomainError| bad(e.to_string()))?,
        state: TicketState::from_key(&state).ok_or_else(|| bad(format!("unknown state {state}")))?,
        customer: CustomerId(row.get(3)?),
        details: parse::<IntakeDetails>("details", &row.get::<_, String>(4)?)?,
        warranty: parse::<WarrantyCheck>("warranty", &row.get::<_, String>(5)?)?,
        received_at: received_at.parse().map_err(|e: jiff::Error| bad(e.to_string()))?,
        received_on: date(row.get(7)?)?,
        assessment_due: date(row.get(8)?)?,
        photos: Vec::new(),
    })
}

fn bad(message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, message.into())
}

pub fn get(conn: &Connection, id: TicketId) -> Result<Option<Ticket>> {
    let ticket =
        conn.query_row(&format!("SELECT {COLUMNS} FROM tickets t WHERE t.id = ?1"), [id.0], from_row).optional()?;
    ticket.map(|t| with_photos(conn, t)).transpose()
}

pub fn by_number(conn: &Connection, number: TicketNumber) -> Result<Option<Ticket>> {
    let ticket = conn
        .query_row(&format!("SELECT {COLUMNS} FROM tickets t WHERE t.number = ?1"), [number.to_string()], from_row)
        .optional()?;
    ticket.map(|t| with_photos(conn, t)).transpose()
}

fn with_photos(conn: &Connection, mut t: Ticket) -> Result<Ticket> {
    t.photos = photos(conn, t.id, "intake")?;
    Ok(t)
}

pub fn add_photo(conn: &Connection, id: TicketId, sha256: &str, stage: &str, position: usize) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO ticket_photos (ticket_id, sha256, stage, position) VALUES (?1, ?2, ?3, ?4)",
        params![id.0, sha256, stage, position as i64],
    )?;
    Ok(())
}

pub fn photos(conn: &Connection, id: TicketId, stage: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT sha256 FROM ticket_photos WHERE ticket_id = ?1 AND stage = ?2 ORDER BY position")?;
    let rows = stmt.query_map(params![id.0, stage], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The purchase record of the earliest ticket of a serial that had dates: warranty follows
/// the watch, so a later intake without a receipt still knows when it was bought.
pub fn earliest_purchase_for_serial(conn: &Connection, serial_key: &str) -> Result<Option<PurchaseRecord>> {
    if serial_key.is_empty() {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached("SELECT details_json FROM tickets WHERE serial_key = ?1 ORDER BY id")?;
    let mut rows = stmt.query([serial_key])?;
    while let Some(row) = rows.next()? {
        let details: IntakeDetails = parse("details", &row.get::<_, String>(0)?)?;
        if details.purchase.purchase_date.is_some() || details.purchase.delivery_date.is_some() {
            return Ok(Some(details.purchase));
        }
    }
    Ok(None)
}

/// One line of a ticket list.
#[derive(Clone, Debug, Serialize)]
pub struct TicketRow {
    pub id: TicketId,
    pub number: String,
    pub state: TicketState,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub customer_phone: String,
    pub device: String,
    pub received_on: Date,
    pub next_deadline: Option<Date>,
    /// The Collection Notice while the watch waits for collection (the storage fee a list
    /// shows); read only for those rows.
    #[serde(skip)]
    pub notice: Option<CollectionNotice>,
}

const ROW_SQL: &str =
    "SELECT t.id, t.number, t.state, c.id, c.name, c.phone, t.device_label, t.received_on, t.next_deadline,
                              n.notice_json
                       FROM tickets t JOIN customers c ON c.id = t.customer_id
                       LEFT JOIN collection_notices n ON n.ticket_id = t.id AND t.state = 'ready_for_collection'";
/// Soonest deadline first (earlier bookings first on the same day).
const DEADLINE_ORDER: &str = "ORDER BY t.next_deadline, t.id";

fn row(r: &Row) -> rusqlite::Result<TicketRow> {
    let state: String = r.get(2)?;
    Ok(TicketRow {
        id: TicketId(r.get(0)?),
        number: r.get(1)?,
        state: TicketState::from_key(&state).ok_or_else(|| bad(format!("unknown state {state}")))?,
        customer_id: CustomerId(r.get(3)?),
        customer_name: r.get(4)?,
        customer_phone: r.get(5)?,
        device: r.get(6)?,
        received_on: date(r.get(7)?)?,
        next_deadline: r.get::<_, Option<String>>(8)?.map(date).transpose()?,
        notice: r.get::<_, Option<String>>(9)?.map(|j| parse("collection notice", &j)).transpose()?,
    })
}

/// Tickets matching every term (substrings of the folded search text), optionally in one
/// state, soonest deadline first.
pub fn search(conn: &Connection, terms: &[String], state: Option<TicketState>, limit: usize) -> Result<Vec<TicketRow>> {
    let mut filters = Vec::new();
    let mut args: Vec<String> = Vec::new();
    let long: Vec<&String> = terms.iter().filter(|t| t.chars().count() >= 3).collect();
    if !long.is_empty() {
        let phrase = long.iter().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" AND ");
        args.push(phrase);
        filters.push(format!("t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?{})", args.len()));
    }
    for short in terms.iter().filter(|t| t.chars().count() < 3) {
        args.push(format!("%{}%", short.replace(['%', '_'], "")));
        filters.push(format!("t.id IN (SELECT rowid FROM ticket_search WHERE haystack LIKE ?{})", args.len()));
    }
    if let Some(s) = state {
        args.push(s.key().to_string());
        filters.push(format!("t.state = ?{}", args.len()));
    }
    let filter = filters.iter().map(|f| format!(" AND {f}")).collect::<String>();
    // Two halves, each served by an index: tickets with a deadline, soonest first; then
    // those with nothing due, newest first.
    let sql = format!(
        "SELECT * FROM ({ROW_SQL} WHERE t.next_deadline IS NOT NULL{filter} {DEADLINE_ORDER} LIMIT {limit})
         UNION ALL
         SELECT * FROM ({ROW_SQL} WHERE t.next_deadline IS NULL{filter} ORDER BY t.id DESC LIMIT {limit})
         LIMIT {limit}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn for_customer(conn: &Connection, customer: CustomerId) -> Result<Vec<TicketRow>> {
    let mut stmt = conn.prepare_cached(&format!("{ROW_SQL} WHERE t.customer_id = ?1 ORDER BY t.id DESC"))?;
    let rows = stmt.query_map([customer.0], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn for_serial(conn: &Connection, serial_key: &str) -> Result<Vec<TicketRow>> {
    if serial_key.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!("{ROW_SQL} WHERE t.serial_key = ?1 ORDER BY t.id DESC"))?;
    let rows = stmt.query_map([serial_key], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Open tickets with a deadline on or before `until`, soonest first (for Today).
pub fn due_by(conn: &Connection, until: Date) -> Result<Vec<TicketRow>> {
    let mut stmt = conn.prepare_cached(&format!("{ROW_SQL} WHERE t.next_deadline <= ?1 {DEADLINE_ORDER}"))?;
    let rows = stmt.query_map([until.to_string()], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Tickets in `state`, soonest deadline first (for Today's quotation sections).
pub fn in_state(conn: &Connection, state: TicketState, limit: usize) -> Result<Vec<TicketRow>> {
    let sql =
        format!("{ROW_SQL} WHERE t.state = ?1 ORDER BY t.next_deadline IS NULL, t.next_deadline, t.id LIMIT {limit}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([state.key()], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
