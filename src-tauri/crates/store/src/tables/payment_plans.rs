//! Table `payment_plans`: how a payment in instalments was spread (their number and the
//! bank), one per payment, never edited or deleted.

use std::collections::HashMap;

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::InstalmentPlan;
use caseback_domain::ticket::TicketId;

use crate::error::{Result, StoreError};

pub(crate) fn insert(conn: &Db, payment: i64, plan: &InstalmentPlan) -> Result<()> {
    conn.exec(
        "INSERT INTO payment_plans (payment_id, instalments, bank) VALUES (?1, ?2, ?3)",
        vals![payment, plan.count, plan.bank],
    )?;
    Ok(())
}

/// The plans of a ticket's payments, by the payment's id.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<HashMap<i64, InstalmentPlan>> {
    let rows = conn.rows(
        "SELECT payment_id, instalments, bank FROM payment_plans
         WHERE payment_id IN (SELECT id FROM payments WHERE ticket_id = ?1)",
        vals![ticket.0],
        |r| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?, r.get::<String>(2)?)),
    )?;
    let mut out = HashMap::new();
    for row in rows {
        let (payment, count, bank) = row;
        let count =
            u8::try_from(count).map_err(|_| StoreError::Corrupt(format!("payment {payment}: {count} instalments")))?;
        out.insert(payment, InstalmentPlan { count, bank });
    }
    Ok(out)
}
