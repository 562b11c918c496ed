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

/// A watch that left the shop repaired, as the Reports screen counts it.
pub(crate) struct Left {
    pub ticket: caseback_domain::report::TicketRef,
    pub received_on: Date,
    pub left_on: Date,
    /// The assessment said covered.
    pub covered: bool,
    pub notice: Option<caseback_domain::after_sale::CollectionNotice>,
}

/// The watches that left from `from` through `to`, with the intake day, the warranty
/// decision and the Collection Notice their figures need.
pub(crate) fn left_between(conn: &Db, from: Date, to: Date) -> Result<Vec<Left>> {
    let rows = conn.rows(
        "SELECT t.id, t.number, t.received_on, r.released_on, a.decision_json, n.notice_json
         FROM releases r JOIN tickets t ON t.id = r.ticket_id
         LEFT JOIN assessments a ON a.ticket_id = r.ticket_id
         LEFT JOIN collection_notices n ON n.ticket_id = r.ticket_id
         WHERE r.released_on >= ?1 AND r.released_on <= ?2 ORDER BY r.ticket_id",
        vals![from.to_string(), to.to_string()],
        |r| {
            let decision: Option<String> = r.get(4)?;
            let decision: Option<caseback_domain::assessment::WarrantyDecision> =
                decision.map(|d| from_json("assessment", &d)).transpose()?;
            Ok(Left {
                ticket: caseback_domain::report::TicketRef { id: TicketId(r.get(0)?), number: r.get(1)? },
                received_on: date("intake date", &r.get::<String>(2)?)?,
                left_on: date("release date", &r.get::<String>(3)?)?,
                covered: decision.is_some_and(|d| d.is_covered()),
                notice: r.get::<Option<String>>(5)?.map(|n| from_json("collection notice", &n)).transpose()?,
            })
        },
    )?;
    Ok(rows)
}
