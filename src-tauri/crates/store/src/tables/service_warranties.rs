//! Table `service_warranties`: the shop's own warranty each completed repair carries.

use caseback_domain::service_warranty::ServiceWarranty;
use caseback_domain::ticket::TicketId;

use super::columns::{from_json, to_json};
use crate::error::Result;
use crate::sql::Db;
use crate::vals;

pub(crate) fn insert(conn: &Db, ticket: TicketId, w: &ServiceWarranty) -> Result<()> {
    conn.exec(
        "INSERT INTO service_warranties (ticket_id, warranty_json, ends_on) VALUES (?1, ?2, ?3)",
        vals![ticket.0, to_json(w)?, w.ends_on.to_string()],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<ServiceWarranty>> {
    conn.row("SELECT warranty_json FROM service_warranties WHERE ticket_id = ?1", vals![ticket.0], |r| {
        from_json("service warranty", &r.get::<String>(0)?)
    })
}
