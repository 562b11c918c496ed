//! Table `ticket_photos`: which stored photos a ticket shows at each stage, in order. Rows
//! are only inserted (a photo named twice at one stage is kept once).

use crate::sql::Db;
use crate::vals;
use caseback_domain::ticket::TicketId;

use crate::error::Result;

/// When a photo was taken: at intake, by the technician assessing, or of the repaired watch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Intake,
    Assessment,
    AfterRepair,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Intake, Stage::Assessment, Stage::AfterRepair];

    fn key(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Assessment => "assessment",
            Stage::AfterRepair => "after_repair",
        }
    }
}

/// Adds the photos, in order, to the ticket's `stage`.
pub(crate) fn insert(conn: &Db, id: TicketId, stage: Stage, shas: &[String]) -> Result<()> {
    for (position, sha256) in shas.iter().enumerate() {
        conn.exec(
            "INSERT INTO ticket_photos (ticket_id, sha256, stage, position) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            vals![id.0, sha256, stage.key(), position as i64],
        )?;
    }
    Ok(())
}

pub(crate) fn for_ticket(conn: &Db, id: TicketId, stage: Stage) -> Result<Vec<String>> {
    conn.rows(
        "SELECT sha256 FROM ticket_photos WHERE ticket_id = ?1 AND stage = ?2 ORDER BY position",
        vals![id.0, stage.key()],
        |r| r.get(0),
    )
}
