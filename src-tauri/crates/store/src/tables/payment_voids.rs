//! Table `payment_voids`: the void of an entry recorded by mistake, one per entry, never
//! edited or deleted. The entry itself stays in `payments` as it was taken.

use std::collections::HashMap;

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::PaymentVoid;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::date;
use crate::error::Result;

pub(crate) fn insert(conn: &Db, payment: i64, void: &PaymentVoid, now: Timestamp) -> Result<()> {
    conn.exec(
        "INSERT INTO payment_voids (payment_id, reason, voided_on, voided_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        vals![payment, void.reason, void.voided_on.to_string(), now.to_string(), void.staff.0],
    )?;
    Ok(())
}

/// The voids of a ticket's entries, by the entry's id.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<HashMap<i64, PaymentVoid>> {
    let rows = conn.rows(
        "SELECT payment_id, reason, voided_on, staff_id FROM payment_voids
         WHERE payment_id IN (SELECT id FROM payments WHERE ticket_id = ?1)",
        vals![ticket.0],
        |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?, r.get::<String>(2)?, r.get::<i64>(3)?)),
    )?;
    let mut out = HashMap::new();
    for row in rows {
        let (payment, reason, voided_on, staff) = row;
        out.insert(payment, PaymentVoid { reason, voided_on: date("void date", &voided_on)?, staff: StaffId(staff) });
    }
    Ok(out)
}
