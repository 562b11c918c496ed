//! Table `shipments`: how the watch will travel, replaceable until it is dispatched.

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::Shipping;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::{from_json, to_json};
use crate::error::Result;

pub(crate) fn put(conn: &Db, ticket: TicketId, s: &Shipping, by: StaffId, now: Timestamp) -> Result<()> {
    conn.exec(
        "INSERT INTO shipments (ticket_id, shipping_json, chosen_at, staff_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (ticket_id) DO UPDATE SET shipping_json = excluded.shipping_json,
             chosen_at = excluded.chosen_at, staff_id = excluded.staff_id",
        vals![ticket.0, to_json(s)?, now.to_string(), by.0],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<Shipping>> {
    let json: Option<String> =
        conn.row("SELECT shipping_json FROM shipments WHERE ticket_id = ?1", vals![ticket.0], |r| r.get(0))?;
    json.map(|j| from_json("shipping", &j)).transpose()
}
