//! Table `ticket_numbers`: the last sequence number taken in each year, by each branch.

use crate::sql::Db;
use crate::vals;
use caseback_domain::branch::{self, BranchCode};
use caseback_domain::ticket::TicketNumber;

use crate::error::Result;

/// Takes `branch`'s next number of `year`, inside the caller's (immediate) transaction so
/// two writers never share one.
pub(crate) fn next(conn: &Db, branch: Option<BranchCode>, year: i16) -> Result<TicketNumber> {
    let seq: i64 = conn.value(
        "INSERT INTO ticket_numbers (year, last_seq, branch) VALUES (?1, 1, ?2)
         ON CONFLICT (branch, year) DO UPDATE SET last_seq = ticket_numbers.last_seq + 1 RETURNING last_seq",
        vals![year, branch::stored(branch)],
    )?;
    Ok(TicketNumber { branch, year, seq: seq as u32 })
}

/// Records that `year`'s numbers (of no branch) are taken up to `last_seq` (tickets loaded
/// in bulk).
#[cfg(feature = "fixture")]
pub(crate) fn insert(conn: &Db, year: i16, last_seq: u32) -> Result<()> {
    conn.exec("INSERT INTO ticket_numbers (year, last_seq) VALUES (?1, ?2)", vals![year, last_seq])?;
    Ok(())
}

/// The branches that ever booked a ticket ('' among them for tickets booked without one),
/// read from the numbers taken (a row per branch and year) rather than from every ticket.
pub(crate) fn branches(conn: &Db) -> Result<Vec<String>> {
    conn.rows("SELECT DISTINCT branch FROM ticket_numbers ORDER BY branch", vals![], |r| r.get(0))
}
