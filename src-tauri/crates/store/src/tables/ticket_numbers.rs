//! Table `ticket_numbers`: the last sequence number taken in each year.

use crate::sql::Db;
use crate::vals;
use caseback_domain::ticket::TicketNumber;

use crate::error::Result;

/// Takes the next number of `year`, inside the caller's (immediate) transaction so two
/// writers never share one.
pub(crate) fn next(conn: &Db, year: i16) -> Result<TicketNumber> {
    let seq: i64 = conn.value(
        "INSERT INTO ticket_numbers (year, last_seq) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last_seq = ticket_numbers.last_seq + 1 RETURNING last_seq",
        vals![year],
    )?;
    Ok(TicketNumber { year, seq: seq as u32 })
}

/// Records that `year`'s numbers are taken up to `last_seq` (tickets loaded in bulk).
#[cfg(feature = "fixture")]
pub(crate) fn insert(conn: &Db, year: i16, last_seq: u32) -> Result<()> {
    conn.exec("INSERT INTO ticket_numbers (year, last_seq) VALUES (?1, ?2)", vals![year, last_seq])?;
    Ok(())
}
