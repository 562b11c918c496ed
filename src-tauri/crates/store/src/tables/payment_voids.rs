//! Table `payment_voids`: the void of an entry recorded by mistake, one per entry, never
//! edited or deleted. The entry itself stays in `payments` as it was taken.

use std::collections::HashMap;

use caseback_domain::after_sale::PaymentVoid;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;
use rusqlite::{params, Connection};

use super::columns::date;
use crate::error::Result;

pub(crate) fn insert(conn: &Connection, payment: i64, void: &PaymentVoid, now: Timestamp) -> Result<()> {
    conn.execute(
        "INSERT INTO payment_voids (payment_id, reason, voided_on, voided_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![payment, void.reason, void.voided_on.to_string(), now.to_string(), void.staff.0],
    )?;
    Ok(())
}

/// The voids of a ticket's entries, by the entry's id.
pub(crate) fn for_ticket(conn: &Connection, ticket: TicketId) -> Result<HashMap<i64, PaymentVoid>> {
    let mut stmt = conn.prepare_cached(
        "SELECT payment_id, reason, voided_on, staff_id FROM payment_voids
         WHERE payment_id IN (SELECT id FROM payments WHERE ticket_id = ?1)",
    )?;
    let rows = stmt.query_map([ticket.0], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (payment, reason, voided_on, staff) = row?;
        out.insert(payment, PaymentVoid { reason, voided_on: date("void date", &voided_on)?, staff: StaffId(staff) });
    }
    Ok(out)
}
