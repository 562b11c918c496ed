//! Table `payments`: payments and refunds, never edited or deleted (a mistake is voided in
//! `payment_voids`; a payment's instalments are in `payment_plans`).

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::{EntryKind, Payment, PaymentEntry};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::{Amount, Currency};
use jiff::civil::Date;
use jiff::Timestamp;

use super::columns::{date, from_key, to_key};
use crate::error::Result;

pub(crate) fn insert(
    conn: &Db,
    ticket: TicketId,
    entry: &PaymentEntry,
    currency: Currency,
    paid_on: Date,
    by: StaffId,
    now: Timestamp,
) -> Result<i64> {
    conn.insert(
        "INSERT INTO payments (ticket_id, kind, amount, currency, method, reference, paid_on, recorded_at, staff_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        vals![
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
    )
}

/// The ticket's entries in the order they were recorded.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<Vec<Payment>> {
    let rows = conn.rows(
        "SELECT id, kind, amount, method, reference, paid_on, staff_id FROM payments WHERE ticket_id = ?1 ORDER BY id",
        vals![ticket.0],
        |r| {
            Ok((
                r.get::<i64>(0)?,
                r.get::<String>(1)?,
                r.get::<i64>(2)?,
                r.get::<String>(3)?,
                r.get::<String>(4)?,
                r.get::<String>(5)?,
                r.get::<i64>(6)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, amount, method, reference, paid_on, staff) = row;
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

/// The tickets with an entry that counts (not voided) paid from `from` through `to`.
pub(crate) fn tickets_paid_between(conn: &Db, from: Date, to: Date) -> Result<Vec<(TicketId, String)>> {
    conn.rows(
        "SELECT DISTINCT t.id, t.number FROM payments p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.paid_on >= ?1 AND p.paid_on <= ?2
           AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id)
         ORDER BY t.id",
        vals![from.to_string(), to.to_string()],
        |r| Ok((TicketId(r.get(0)?), r.get(1)?)),
    )
}
