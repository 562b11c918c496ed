//! Table `collection_notices`: one per ticket, never edited (the storage fee counts from it).

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::CollectionNotice;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::{from_json, to_json};
use crate::error::Result;

pub(crate) fn insert(conn: &Db, ticket: TicketId, n: &CollectionNotice, by: StaffId, now: Timestamp) -> Result<()> {
    conn.exec(
        "INSERT INTO collection_notices (ticket_id, issued_on, fees_from, notice_json, issued_at, staff_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vals![ticket.0, n.issued_on.to_string(), n.fees_from.to_string(), to_json(n)?, now.to_string(), by.0],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<CollectionNotice>> {
    let json: Option<String> =
        conn.row("SELECT notice_json FROM collection_notices WHERE ticket_id = ?1", vals![ticket.0], |r| r.get(0))?;
    json.map(|j| from_json("collection notice", &j)).transpose()
}
