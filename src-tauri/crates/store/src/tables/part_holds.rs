//! Table `part_holds`: what each accepted repair holds of a part (reserved in the drawer,
//! or back-ordered), oldest first by `seq`. Written whole for one part after each movement.

use caseback_domain::stock::{Hold, PartId, Stock};
use caseback_domain::ticket::TicketId;

use crate::error::Result;
use crate::sql::Db;
use crate::vals;

/// A part's stock: on hand (as given) and its holds, oldest first.
pub(crate) fn stock(conn: &Db, part: PartId, on_hand: u32) -> Result<Stock> {
    let holds = conn.rows(
        "SELECT ticket_id, reserved, back_ordered FROM part_holds WHERE part_id = ?1 ORDER BY seq",
        vals![part.0],
        |r| {
            Ok(Hold {
                ticket: TicketId(r.get(0)?),
                reserved: r.get::<i64>(1)? as u32,
                back_ordered: r.get::<i64>(2)? as u32,
            })
        },
    )?;
    Ok(Stock { on_hand, holds })
}

/// Writes a part's holds as the stock now has them.
pub(crate) fn put(conn: &Db, part: PartId, stock: &Stock) -> Result<()> {
    conn.exec("DELETE FROM part_holds WHERE part_id = ?1", vals![part.0])?;
    for (seq, h) in stock.holds.iter().enumerate() {
        conn.exec(
            "INSERT INTO part_holds (part_id, ticket_id, seq, reserved, back_ordered) VALUES (?1, ?2, ?3, ?4, ?5)",
            vals![part.0, h.ticket.0, seq, h.reserved, h.back_ordered],
        )?;
    }
    Ok(())
}

/// The parts a ticket holds, with its hold on each.
pub(crate) fn for_ticket(conn: &Db, ticket: TicketId) -> Result<Vec<(PartId, Hold)>> {
    conn.rows(
        "SELECT part_id, reserved, back_ordered FROM part_holds WHERE ticket_id = ?1 ORDER BY part_id",
        vals![ticket.0],
        |r| {
            let hold = Hold { ticket, reserved: r.get::<i64>(1)? as u32, back_ordered: r.get::<i64>(2)? as u32 };
            Ok((PartId(r.get(0)?), hold))
        },
    )
}

/// The open tickets that wait for a part not in stock, oldest booking first.
pub(crate) fn waiting_tickets(conn: &Db) -> Result<Vec<TicketId>> {
    conn.rows("SELECT DISTINCT ticket_id FROM part_holds WHERE back_ordered > 0 ORDER BY ticket_id", &[], |r| {
        Ok(TicketId(r.get(0)?))
    })
}
