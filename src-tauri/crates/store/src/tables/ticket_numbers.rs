//! Table `ticket_numbers`: the last sequence number taken in each year.

use caseback_domain::ticket::TicketNumber;
use rusqlite::Connection;

use crate::error::Result;

/// Takes the next number of `year`, inside the caller's (immediate) transaction so two
/// writers never share one.
pub(crate) fn next(conn: &Connection, year: i16) -> Result<TicketNumber> {
    let seq: i64 = conn.query_row(
        "INSERT INTO ticket_numbers (year, last_seq) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
        [year],
        |r| r.get(0),
    )?;
    Ok(TicketNumber { year, seq: seq as u32 })
}

/// Records that `year`'s numbers are taken up to `last_seq` (tickets loaded in bulk).
#[cfg(feature = "fixture")]
pub(crate) fn insert(conn: &Connection, year: i16, last_seq: u32) -> Result<()> {
    conn.execute("INSERT INTO ticket_numbers (year, last_seq) VALUES (?1, ?2)", rusqlite::params![year, last_seq])?;
    Ok(())
}
