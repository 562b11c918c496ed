//! Table `signatures`: each signature given on the screen, bound to its ticket, document and
//! (for an acceptance) quotation. Inserted once; a trigger refuses any update.

use caseback_domain::signature::{Signature, SignedDocument};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;

use super::columns::{from_key, instant, to_key};
use crate::error::Result;
use crate::sql::{Db, Row};
use crate::vals;

const SELECT: &str = "SELECT g.document, g.reference, g.signer, g.signed_at, g.computer, COALESCE(s.name, ''), g.image
    FROM signatures g LEFT JOIN staff s ON s.id = g.staff_id";

fn from_row(r: &Row) -> Result<Signature> {
    Ok(Signature {
        document: from_key("signed document", &r.get::<String>(0)?)?,
        reference: r.get(1)?,
        signer: r.get(2)?,
        signed_at: instant("signed at", &r.get::<String>(3)?)?,
        computer: r.get(4)?,
        staff: r.get(5)?,
        image: r.get(6)?,
    })
}

pub(crate) fn insert(conn: &Db, ticket: TicketId, s: &Signature, by: StaffId) -> Result<()> {
    conn.exec(
        "INSERT INTO signatures (ticket_id, document, reference, signer, image, signed_at, computer, staff_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        vals![
            ticket.0,
            to_key(&s.document)?,
            s.reference,
            s.signer,
            s.image,
            s.signed_at.to_string(),
            s.computer,
            by.0
        ],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, ticket: TicketId, document: SignedDocument, reference: &str) -> Result<Option<Signature>> {
    conn.row(
        &format!("{SELECT} WHERE g.ticket_id = ?1 AND g.document = ?2 AND g.reference = ?3"),
        vals![ticket.0, to_key(&document)?, reference],
        from_row,
    )
}

/// A ticket's signatures, in the order they were given.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<Vec<Signature>> {
    conn.rows(&format!("{SELECT} WHERE g.ticket_id = ?1 ORDER BY g.id"), vals![ticket.0], from_row)
}
