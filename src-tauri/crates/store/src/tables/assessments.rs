//! Table `assessments`: the technician's findings and warranty decision, one per ticket,
//! replaced when the assessment is revised (the event log keeps each one).

use crate::sql::Db;
use crate::vals;
use caseback_domain::assessment::Assessment;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use jiff::Timestamp;

use super::columns::{from_json, to_json};
use crate::error::Result;

/// Inserts the ticket's assessment, or replaces it.
pub(crate) fn put(conn: &Db, ticket: TicketId, a: &Assessment, by: StaffId, now: Timestamp) -> Result<()> {
    conn.exec(
        "INSERT INTO assessments (ticket_id, findings, decision_json, assessed_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (ticket_id) DO UPDATE SET findings = excluded.findings, decision_json = excluded.decision_json,
             assessed_at = excluded.assessed_at, staff_id = excluded.staff_id",
        vals![ticket.0, a.findings, to_json(&a.decision)?, now.to_string(), by.0],
    )?;
    Ok(())
}

/// The ticket's assessment without its photos: those are kept in `ticket_photos`, and
/// `workflows::quoting::assessment` adds them.
pub(crate) fn get(conn: &Db, ticket: TicketId) -> Result<Option<Assessment>> {
    let row: Option<(String, String)> =
        conn.row("SELECT findings, decision_json FROM assessments WHERE ticket_id = ?1", vals![ticket.0], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    row.map(|(findings, decision)| {
        Ok(Assessment { findings, decision: from_json("quotation", &decision)?, photos: Vec::new() })
    })
    .transpose()
}
