//! Table `tickets`: one row per watch booked in, with the columns lists and the calendar
//! need (its state and next deadline change as it moves). Its photos are kept in
//! `ticket_photos`, its search text in `ticket_search`, its numbers in `ticket_numbers`.

use crate::sql::{Db, Row, Value};
use crate::vals;
use caseback_domain::after_sale::CollectionNotice;
use caseback_domain::customer::CustomerId;
use caseback_domain::device::PurchaseRecord;
use caseback_domain::intake::IntakeDetails;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::ticket::{TicketNumber, TicketState};
use caseback_domain::warranty::WarrantyCheck;
use caseback_domain::watch::WatchId;
use jiff::civil::Date;
use serde::Serialize;

use super::columns::{bad, date_in_row as date, json_in_row as parse, to_json};
use super::ticket_photos::{self, Stage};
use crate::error::Result;

/// The columns `insert` writes, in the order of `values`.
const INSERT_COLUMNS: &str = "number, year, seq, state, customer_id, serial_key, device_label, details_json, \
                              warranty_json, received_at, received_on, assessment_due, next_deadline, branch";

/// Inserts the ticket's row (its search text and photos are the caller's to add).
pub(crate) fn insert(conn: &Db, t: &Ticket) -> Result<TicketId> {
    let sql = format!("INSERT INTO tickets ({INSERT_COLUMNS}) VALUES {}", value_rows(1, 14));
    Ok(TicketId(conn.insert(&sql, &values(t)?)?))
}

/// The values of `INSERT_COLUMNS` for `t`.
fn values(t: &Ticket) -> Result<Vec<Value>> {
    Ok(vals![
        t.number.to_string(),
        t.number.year,
        t.number.seq,
        t.state.key(),
        t.customer.0,
        t.details.device.serial_key(),
        format!("{} {}", t.details.device.brand, t.details.device.model),
        to_json(&t.details)?,
        to_json(&t.warranty)?,
        t.received_at.to_string(),
        t.received_on.to_string(),
        t.assessment_due.to_string(),
        t.next_deadline().map(|d| d.to_string()),
        caseback_domain::branch::stored(t.number.branch),
    ]
    .to_vec())
}

/// Inserts many tickets in one statement, each with the id it carries (tickets loaded in
/// bulk): the same values `insert` writes, without a round trip per row.
#[cfg(feature = "fixture")]
pub(crate) fn insert_many(conn: &Db, tickets: &[Ticket]) -> Result<()> {
    let mut args = Vec::with_capacity(tickets.len() * 15);
    for t in tickets {
        args.push(Value::Int(t.id.0));
        args.extend(values(t)?);
    }
    conn.exec(&format!("INSERT INTO tickets (id, {INSERT_COLUMNS}) VALUES {}", value_rows(tickets.len(), 15)), &args)?;
    Ok(())
}

/// `(?1, ?2), (?3, ?4)`: the placeholders of `rows` rows of `width` values each, for an
/// INSERT of many rows (which both engines take).
pub(crate) fn value_rows(rows: usize, width: usize) -> String {
    let row =
        |r: usize| format!("({})", (1..=width).map(|c| format!("?{}", r * width + c)).collect::<Vec<_>>().join(", "));
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

/// The ids of a customer's tickets.
pub(crate) fn ids_for_customer(conn: &Db, customer: CustomerId) -> Result<Vec<TicketId>> {
    let ids = conn.rows("SELECT id FROM tickets WHERE customer_id = ?1 ORDER BY id", vals![customer.0], |r| {
        Ok(TicketId(r.get(0)?))
    })?;
    Ok(ids)
}

/// Writes the ticket's state and the deadline that state sets.
pub(crate) fn update_state(conn: &Db, t: &Ticket) -> Result<()> {
    conn.exec(
        "UPDATE tickets SET state = ?2, next_deadline = ?3 WHERE id = ?1",
        vals![t.id.0, t.state.key(), t.next_deadline().map(|d| d.to_string())],
    )?;
    Ok(())
}

/// Sets the ticket's next deadline when something other than the ticket itself decides it
/// (its quotation's validity or hold).
pub(crate) fn update_deadline(conn: &Db, id: TicketId, deadline: Option<Date>) -> Result<()> {
    conn.exec("UPDATE tickets SET next_deadline = ?2 WHERE id = ?1", vals![id.0, deadline.map(|d| d.to_string())])?;
    Ok(())
}

/// The ticket's next deadline as kept (the assessment, or its quotation's validity or hold).
pub(crate) fn deadline(conn: &Db, id: TicketId) -> Result<Option<Date>> {
    let text: Option<Option<String>> =
        conn.row("SELECT next_deadline FROM tickets WHERE id = ?1", vals![id.0], |r| r.get(0))?;
    text.flatten().map(date).transpose()
}

/// Tickets in one of `states` whose deadline (last day to accept, end of the hold) is
/// before `today`: the only ones the clock can move. Indexed, and usually empty, so looking
/// at lists as often as staff type stays cheap.
pub(crate) fn past_their_deadline(conn: &Db, states: &[TicketState], today: Date) -> Result<Vec<TicketId>> {
    let marks = (2..states.len() + 2).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    // The clock's states are open ones: said so, the query reads them in the index of open
    // tickets. Without it SQLite reads every ticket in id order rather than sort a few.
    let open = if states.iter().all(|s| !s.is_closed()) { format!(" AND {OPEN}") } else { String::new() };
    let sql = format!("SELECT id FROM tickets WHERE next_deadline < ?1 AND state IN ({marks}){open} ORDER BY id");
    let args: Vec<Value> =
        std::iter::once(today.to_string()).chain(states.iter().map(|s| s.key().to_string())).map(Value::Text).collect();
    conn.rows(&sql, &args, |r| Ok(TicketId(r.get(0)?)))
}

const COLUMNS: &str = "t.id, t.number, t.state, t.customer_id, t.details_json, t.warranty_json, t.received_at, t.received_on, t.assessment_due";

fn from_row(row: &Row) -> Result<Ticket> {
    let number: String = row.get(1)?;
    let state: String = row.get(2)?;
    let received_at: String = row.get(6)?;
    Ok(Ticket {
        id: TicketId(row.get(0)?),
        number: number.parse().map_err(|e: caseback_domain::DomainError| bad(e.to_string()))?,
        state: TicketState::from_key(&state).ok_or_else(|| bad(format!("unknown state {state}")))?,
        customer: CustomerId(row.get(3)?),
        details: parse::<IntakeDetails>("details", &row.get::<String>(4)?)?,
        warranty: parse::<WarrantyCheck>("warranty", &row.get::<String>(5)?)?,
        received_at: received_at.parse().map_err(|e: jiff::Error| bad(e.to_string()))?,
        received_on: date(row.get(7)?)?,
        assessment_due: date(row.get(8)?)?,
        photos: Vec::new(),
    })
}

/// The ticket, with its intake photos.
pub(crate) fn get(conn: &Db, id: TicketId) -> Result<Option<Ticket>> {
    let ticket = conn.row(&format!("SELECT {COLUMNS} FROM tickets t WHERE t.id = ?1"), vals![id.0], from_row)?;
    ticket.map(|t| with_photos(conn, t)).transpose()
}

pub(crate) fn by_number(conn: &Db, number: TicketNumber) -> Result<Option<Ticket>> {
    let ticket =
        conn.row(&format!("SELECT {COLUMNS} FROM tickets t WHERE t.number = ?1"), vals![number.to_string()], from_row)?;
    ticket.map(|t| with_photos(conn, t)).transpose()
}

fn with_photos(conn: &Db, mut t: Ticket) -> Result<Ticket> {
    t.photos = ticket_photos::for_ticket(conn, t.id, Stage::Intake)?;
    Ok(t)
}

/// The purchase record of the earliest ticket of a serial that had dates: warranty follows
/// the watch, so a later intake without a receipt still knows when it was bought.
pub(crate) fn earliest_purchase_for_serial(conn: &Db, serial_key: &str) -> Result<Option<PurchaseRecord>> {
    if serial_key.is_empty() {
        return Ok(None);
    }
    // `serial_key <> ''` (always true here) is the condition of the partial index
    // `tickets_by_serial`: SQLite uses a partial index only for a query that says its
    // condition, and without it this reads every ticket.
    let all: Vec<String> = conn.rows(
        "SELECT details_json FROM tickets WHERE serial_key = ?1 AND serial_key <> '' ORDER BY id",
        vals![serial_key],
        |r| r.get(0),
    )?;
    for json in all {
        let details: IntakeDetails = parse("details", &json)?;
        if details.purchase.purchase_date.is_some() || details.purchase.delivery_date.is_some() {
            return Ok(Some(details.purchase));
        }
    }
    Ok(None)
}

/// One line of a ticket list.
#[derive(Clone, Debug, Serialize)]
pub struct TicketRow {
    pub id: TicketId,
    pub number: String,
    pub state: TicketState,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub customer_phone: String,
    pub device: String,
    pub received_on: Date,
    pub next_deadline: Option<Date>,
    /// The Collection Notice while the watch waits for collection (the storage fee a list
    /// shows); read only for those rows.
    #[serde(skip)]
    pub notice: Option<CollectionNotice>,
}

/// A list's rows; `?1` is the state whose Collection Notice the rows carry (`notice_state`), so
/// every query built on it numbers its own parameters from `?2`.
pub(super) const ROW_SQL: &str =
    "SELECT t.id, t.number, t.state, c.id, c.name, c.phone, t.device_label, t.received_on, t.next_deadline,
                              n.notice_json
                       FROM tickets t JOIN customers c ON c.id = t.customer_id
                       LEFT JOIN collection_notices n ON n.ticket_id = t.id AND t.state = ?1";
/// Soonest deadline first (earlier bookings first on the same day).
pub(super) const DEADLINE_ORDER: &str = "ORDER BY t.next_deadline, t.id";

/// `ROW_SQL`'s first parameter: the notice is shown while the watch waits for collection.
pub(super) fn notice_state() -> &'static str {
    TicketState::ReadyForCollection.key()
}

pub(super) fn row(r: &Row) -> Result<TicketRow> {
    let state: String = r.get(2)?;
    Ok(TicketRow {
        id: TicketId(r.get(0)?),
        number: r.get(1)?,
        state: TicketState::from_key(&state).ok_or_else(|| bad(format!("unknown state {state}")))?,
        customer_id: CustomerId(r.get(3)?),
        customer_name: r.get(4)?,
        customer_phone: r.get(5)?,
        device: r.get(6)?,
        received_on: date(r.get(7)?)?,
        next_deadline: r.get::<Option<String>>(8)?.map(date).transpose()?,
        notice: r.get::<Option<String>>(9)?.map(|j| parse("collection notice", &j)).transpose()?,
    })
}

/// The rows of these tickets, in the order of their ids.
pub(crate) fn rows_of(conn: &Db, ids: &[TicketId]) -> Result<Vec<TicketRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = (2..ids.len() + 2).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let mut args = vec![Value::Text(notice_state().into())];
    args.extend(ids.iter().map(|id| Value::Int(id.0)));
    conn.rows(&format!("{ROW_SQL} WHERE t.id IN ({marks}) ORDER BY t.id"), &args, row)
}

pub(crate) fn for_customer(conn: &Db, customer: CustomerId) -> Result<Vec<TicketRow>> {
    let rows = conn.rows(
        &format!("{ROW_SQL} WHERE t.customer_id = ?2 ORDER BY t.id DESC"),
        vals![notice_state(), customer.0],
        row,
    )?;
    Ok(rows)
}

pub(crate) fn for_serial(conn: &Db, serial_key: &str) -> Result<Vec<TicketRow>> {
    if serial_key.is_empty() {
        return Ok(Vec::new());
    }
    let rows = conn.rows(
        // `tickets_by_serial`'s condition, as in `earliest_purchase_for_serial`.
        &format!("{ROW_SQL} WHERE t.serial_key = ?2 AND t.serial_key <> '' ORDER BY t.id DESC"),
        vals![notice_state(), serial_key],
        row,
    )?;
    Ok(rows)
}

/// Open tickets with a deadline on or before `until`, soonest first (for Today).
pub(crate) fn due_by(conn: &Db, until: Date) -> Result<Vec<TicketRow>> {
    let rows = conn.rows(
        &format!("{ROW_SQL} WHERE t.next_deadline <= ?2 {DEADLINE_ORDER}"),
        vals![notice_state(), until.to_string()],
        row,
    )?;
    Ok(rows)
}

/// Open tickets whose next deadline comes after `after`, soonest first: what Today names
/// as coming when nothing is due yet.
pub(crate) fn due_after(conn: &Db, after: Date, limit: usize) -> Result<Vec<TicketRow>> {
    let sql = format!("{ROW_SQL} WHERE t.next_deadline > ?2 {DEADLINE_ORDER} LIMIT {limit}");
    let rows = conn.rows(&sql, vals![notice_state(), after.to_string()], row)?;
    Ok(rows)
}

/// This computer's branch's tickets booked in on `day`, in the order they were booked: the
/// day's bag tags, printed in one job (`tickets_by_received_on`).
pub(crate) fn received_on(conn: &Db, day: Date) -> Result<Vec<TicketRow>> {
    let branch = caseback_domain::branch::stored(conn.branch());
    let sql = format!("{ROW_SQL} WHERE t.received_on = ?2 AND t.branch = ?3 ORDER BY t.id");
    conn.rows(&sql, vals![notice_state(), day.to_string(), branch], row)
}

/// Names the watch record the ticket is of.
pub(crate) fn set_watch(conn: &Db, id: TicketId, watch: WatchId) -> Result<()> {
    conn.exec("UPDATE tickets SET watch_id = ?2 WHERE id = ?1", vals![id.0, watch.0])?;
    Ok(())
}

/// Gives many tickets their watches in one statement.
pub(crate) fn set_watches(conn: &Db, links: &[(TicketId, WatchId)]) -> Result<()> {
    if links.is_empty() {
        return Ok(());
    }
    let cases = (0..links.len())
        .map(|i| format!("WHEN ?{} THEN CAST(?{} AS BIGINT)", 2 * i + 1, 2 * i + 2))
        .collect::<Vec<_>>();
    let ids = (0..links.len()).map(|i| format!("?{}", 2 * i + 1)).collect::<Vec<_>>();
    let mut args = Vec::with_capacity(links.len() * 2);
    for (ticket, watch) in links {
        args.extend_from_slice(vals![ticket.0, watch.0]);
    }
    conn.exec(
        &format!("UPDATE tickets SET watch_id = CASE id {} END WHERE id IN ({})", cases.join(" "), ids.join(", ")),
        &args,
    )?;
    Ok(())
}

pub(crate) fn watch_of(conn: &Db, id: TicketId) -> Result<Option<WatchId>> {
    let w: Option<Option<i64>> = conn.row("SELECT watch_id FROM tickets WHERE id = ?1", vals![id.0], |r| r.get(0))?;
    Ok(w.flatten().map(WatchId))
}

/// Up to `limit` tickets without a watch record yet (booked before watch records), oldest
/// first; the condition is the partial index `tickets_without_watch`'s.
pub(crate) fn without_watch(conn: &Db, limit: usize) -> Result<Vec<Ticket>> {
    conn.rows(
        &format!("SELECT {COLUMNS} FROM tickets t WHERE t.watch_id IS NULL ORDER BY t.id LIMIT {limit}"),
        vals![],
        from_row,
    )
}

pub(crate) fn count_for_watch(conn: &Db, watch: WatchId) -> Result<usize> {
    let n: i64 = conn.value("SELECT COUNT(*) FROM tickets WHERE watch_id = ?1", vals![watch.0])?;
    Ok(n as usize)
}

/// Every ticket of the watch, oldest first.
pub(crate) fn for_watch(conn: &Db, watch: WatchId) -> Result<Vec<TicketRow>> {
    let rows = conn.rows(
        &format!("{ROW_SQL} WHERE t.watch_id = ?2 ORDER BY t.received_at, t.id"),
        vals![notice_state(), watch.0],
        row,
    )?;
    Ok(rows)
}

/// The condition of the partial index `tickets_open_by_state` (schema version 10), word for
/// word: the index holds the open tickets only (those not collected, shipped, returned
/// unrepaired or cancelled), and a query that says this condition can use it.
pub(super) const OPEN: &str = "state NOT IN ('cancelled', 'collected', 'returned_unrepaired', 'shipped')";

/// How many tickets are open (not collected, shipped, returned unrepaired or cancelled),
/// counted in the index of open tickets rather than among every ticket ever booked.
pub(crate) fn open_count(conn: &Db) -> Result<usize> {
    let n: i64 = conn.value(&format!("SELECT COUNT(*) FROM tickets WHERE {OPEN}"), &[])?;
    Ok(n as usize)
}

/// Tickets in `state`, soonest deadline first (for Today's quotation sections).
pub(crate) fn in_state(conn: &Db, state: TicketState, limit: usize) -> Result<Vec<TicketRow>> {
    // An open state's tickets are found in the index of open tickets, which this condition
    // (true of them) lets the query use; a closed state's are looked for among all.
    let open = if state.is_closed() { String::new() } else { format!(" AND t.{OPEN}") };
    let sql = format!(
        "{ROW_SQL} WHERE t.state = ?2{open} ORDER BY t.next_deadline IS NULL, t.next_deadline, t.id LIMIT {limit}"
    );
    let rows = conn.rows(&sql, vals![notice_state(), state.key()], row)?;
    Ok(rows)
}

/// Open tickets booked by `as_of` whose next deadline is before it: the overdue work of
/// the Reports screen, found in the deadlines' index.
pub(crate) fn overdue_on(conn: &Db, as_of: Date) -> Result<Vec<(TicketId, String, Date)>> {
    conn.rows(
        &format!(
            "SELECT id, number, next_deadline FROM tickets WHERE next_deadline < ?1 AND received_on <= ?1 AND {OPEN}
             ORDER BY next_deadline, id"
        ),
        vals![as_of.to_string()],
        |r| Ok((TicketId(r.get(0)?), r.get(1)?, date(r.get(2)?)?)),
    )
}

/// A move to "returned unrepaired" as the report reads it: the ticket's id and number, its
/// intake day, and the move's instant and detail.
pub(crate) type SentBack = (TicketId, String, Date, String, String);

/// Tickets returned unrepaired, with each move to that state logged from `after` up to
/// `before` (instants as text; the caller narrows them to the shop's days): the ticket,
/// its intake day, and the move's instant and detail. No release is recorded for these
/// watches; the move in the log is when they went back.
pub(crate) fn returned_unrepaired_between(conn: &Db, after: &str, before: &str) -> Result<Vec<SentBack>> {
    use caseback_domain::event::{Action, Subject};
    conn.rows(
        "SELECT t.id, t.number, t.received_on, e.at, e.detail_json FROM tickets t
         JOIN events e ON e.subject = ?1 AND e.subject_id = t.number AND e.action = ?2
         WHERE t.state = ?3 AND e.at >= ?4 AND e.at < ?5 ORDER BY t.id, e.id",
        vals![
            Subject::Ticket.as_str(),
            Action::TicketState.as_str(),
            TicketState::ReturnedUnrepaired.key(),
            after,
            before
        ],
        |r| Ok((TicketId(r.get(0)?), r.get(1)?, date(r.get(2)?)?, r.get(3)?, r.get(4)?)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_tickets_condition_leaves_out_exactly_the_closed_states() {
        let mut closed: Vec<String> =
            TicketState::ALL.iter().filter(|s| s.is_closed()).map(|s| format!("'{}'", s.key())).collect();
        closed.sort();
        assert_eq!(OPEN, format!("state NOT IN ({})", closed.join(", ")));
        for sql in [
            include_str!("../../migrations/0010_open_tickets.sql"),
            include_str!("../../migrations/postgres/0010_open_tickets.sql"),
        ] {
            assert!(sql.contains(&format!("WHERE {OPEN};")), "the index's condition is OPEN's: {sql}");
        }
    }
}
