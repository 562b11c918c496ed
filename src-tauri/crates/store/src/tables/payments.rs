//! Table `payments`: payments and refunds, never edited or deleted (a mistake is voided in
//! `payment_voids`; a payment's instalments are in `payment_plans`).

use caseback_domain::after_sale::{EntryKind, Payment, PaymentEntry};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::{Amount, Currency};
use jiff::civil::Date;
use jiff::Timestamp;
use rusqlite::{params, Connection};

use super::columns::{date, from_key, to_key};
use crate::error::Result;

pub(crate) fn insert(
    conn: &Connection,
    ticket: TicketId,
    entry: &PaymentEntry,
    currency: Currency,
    paid_on: Date,
    by: StaffId,
    now: Timestamp,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO payments (ticket_id, kind, amount, currency, method, reference, paid_on, recorded_at, staff_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            ticket.0,
            to_key(&entry.kind)?,
            entry.amount.0,
            currency.code(),
            to_key(&entry.method)?,
            entry.reference,
            paid_on.to_string(),
            now.to_string(),
            by.0
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The ticket's entries in the order they were recorded.
pub(crate) fn for_ticket(conn: &Connection, ticket: TicketId) -> Result<Vec<Payment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, amount, method, reference, paid_on, staff_id FROM payments WHERE ticket_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([ticket.0], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, amount, method, reference, paid_on, staff) = row?;
        let kind: EntryKind = from_key("payment kind", &kind)?;
        out.push(Payment {
            id,
            entry: PaymentEntry {
                kind,
                amount: Amount(amount),
                method: from_key("payment method", &method)?,
                reference,
            },
            paid_on: date("payment date", &paid_on)?,
            staff: StaffId(staff),
        });
    }
    Ok(out)
}
