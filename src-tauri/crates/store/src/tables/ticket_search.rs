//! Table `ticket_search`: the full-text index of each ticket's search text (its number,
//! customer, watch and order), kept beside the ticket and rewritten when the customer's
//! details are corrected.

use crate::sql::{Db, Engine, Value};
use crate::vals;
use caseback_domain::ticket::{TicketId, TicketState};

use super::columns::{contains_pattern, like};
use super::tickets::{notice_state, row, TicketRow, DEADLINE_ORDER, ROW_SQL};
use crate::error::Result;

pub(crate) fn insert(conn: &Db, id: TicketId, haystack: &str) -> Result<()> {
    conn.exec("INSERT INTO ticket_search (rowid, haystack) VALUES (?1, ?2)", vals![id.0, haystack])?;
    Ok(())
}

/// Writes the ticket's search text again (after its customer's details were corrected).
pub(crate) fn update(conn: &Db, id: TicketId, haystack: &str) -> Result<()> {
    conn.exec("UPDATE ticket_search SET haystack = ?2 WHERE rowid = ?1", vals![id.0, haystack])?;
    Ok(())
}

/// Tickets matching every term (substrings of the folded search text), optionally in one
/// state, soonest deadline first.
pub(crate) fn search(conn: &Db, terms: &[String], state: Option<TicketState>, limit: usize) -> Result<Vec<TicketRow>> {
    let mut filters = Vec::new();
    let mut args: Vec<String> = vec![notice_state().to_string()];
    // SQLite: terms of three characters and more go to the FTS5 trigram index in one MATCH.
    // PostgreSQL: every term is a LIKE, which its pg_trgm index serves.
    let indexed = |t: &&String| conn.engine() == Engine::Sqlite && t.chars().count() >= 3;
    let long: Vec<&String> = terms.iter().filter(indexed).collect();
    if !long.is_empty() {
        let phrase = long.iter().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" AND ");
        args.push(phrase);
        filters.push(format!("t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?{})", args.len()));
    }
    for short in terms.iter().filter(|t| !indexed(t)) {
        args.push(contains_pattern(short));
        filters.push(format!("t.id IN (SELECT rowid FROM ticket_search WHERE {})", like("haystack", args.len())));
    }
    if let Some(s) = state {
        args.push(s.key().to_string());
        filters.push(format!("t.state = ?{}", args.len()));
    }
    let filter = filters.iter().map(|f| format!(" AND {f}")).collect::<String>();
    // Two halves, each served by an index: tickets with a deadline, soonest first; then
    // those with nothing due, newest first.
    let sql = format!(
        "SELECT * FROM ({ROW_SQL} WHERE t.next_deadline IS NOT NULL{filter} {DEADLINE_ORDER} LIMIT {limit}) AS due
         UNION ALL
         SELECT * FROM ({ROW_SQL} WHERE t.next_deadline IS NULL{filter} ORDER BY t.id DESC LIMIT {limit}) AS undated
         LIMIT {limit}"
    );
    let args: Vec<Value> = args.into_iter().map(Value::Text).collect();
    conn.rows(&sql, &args, row)
}
