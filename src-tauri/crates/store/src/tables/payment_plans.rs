//! Table `payment_plans`: how a payment in instalments was spread (their number and the
//! bank), one per payment, never edited or deleted.

use std::collections::HashMap;

use caseback_domain::after_sale::InstalmentPlan;
use caseback_domain::ticket::TicketId;
use rusqlite::{params, Connection};

use crate::error::{Result, StoreError};

pub(crate) fn insert(conn: &Connection, payment: i64, plan: &InstalmentPlan) -> Result<()> {
    conn.execute(
        "INSERT INTO payment_plans (payment_id, instalments, bank) VALUES (?1, ?2, ?3)",
        params![payment, plan.count, plan.bank],
    )?;
    Ok(())
}

/// The plans of a ticket's payments, by the payment's id.
pub(crate) fn for_ticket(conn: &Connection, ticket: TicketId) -> Result<HashMap<i64, InstalmentPlan>> {
    let mut stmt = conn.prepare_cached(
        "SELECT payment_id, instalments, bank FROM payment_plans
         WHERE payment_id IN (SELECT id FROM payments WHERE ticket_id = ?1)",
    )?;
    let rows =
        stmt.query_map([ticket.0], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?;
    let mut out = HashMap::new();
    for row in rows {
        let (payment, count, bank) = row?;
        let count =
            u8::try_from(count).map_err(|_| StoreError::Corrupt(format!("payment {payment}: {count} instalments")))?;
        out.insert(payment, InstalmentPlan { count, bank });
    }
    Ok(out)
}
