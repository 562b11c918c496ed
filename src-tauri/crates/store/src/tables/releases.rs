//! Table `releases`: the watch left the shop, collected or dispatched. Never edited.

use crate::sql::Db;
use crate::vals;
use caseback_domain::after_sale::Release;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::civil::Date;
use jiff::Timestamp;

use super::columns::{date, from_json, to_json};
use crate::error::Result;

pub(crate) fn insert(conn: &Db, ticket: TicketId, r: &Release, on: Date, by: StaffId, now: Timestamp) -> Result<()> {
    let kind = match r {
        Release::Collected(_) => "collected",
        Release::Dispatched(_) => "dispatched",
    };
    conn.exec(
        "INSERT INTO releases (ticket_id, kind, release_json, released_on, released_at, staff_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vals![ticket.0, kind, to_json(r)?, on.to_string(), now.to_string(), by.0],
    )?;
    Ok(())
}

/// The release and the day the watch left.
pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<(Release, Date)>> {
    let row: Option<(String, String)> =
        conn.row("SELECT release_json, released_on FROM releases WHERE ticket_id = ?1", vals![ticket.0], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    row.map(|(r, on)| Ok((from_json("release", &r)?, date("release date", &on)?))).transpose()
}
