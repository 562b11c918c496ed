//! Table `return_cases`: each case as JSON, with the columns lists and search need (its
//! haystack is the case's search text). Updated as the case moves.

use crate::sql::{Db, Row, Value};
use crate::vals;
use caseback_domain::branch::BranchFilter;
use caseback_domain::customer::CustomerId;
use caseback_domain::returns::{ReturnCase, ReturnId, ReturnState, RmaCode};
use caseback_domain::staff::StaffId;
use caseback_domain::watch::WatchId;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;

use super::columns::{contains_pattern, date, from_json, like, to_json};
use crate::error::{Result, StoreError};

/// Inserts a new case and returns its id (the case's own id is ignored).
pub(crate) fn insert(conn: &Db, case: &ReturnCase, haystack: &str, by: StaffId, now: Timestamp) -> Result<ReturnId> {
    let id = ReturnId(conn.insert(
        "INSERT INTO return_cases (state, case_json, haystack, created_at, staff_id, branch)
         VALUES (?1, '{}', '', ?2, ?3, ?4)",
        vals![case.state.key(), now.to_string(), by.0, caseback_domain::branch::stored(conn.branch())],
    )?);
    update(conn, &ReturnCase { id, ..case.clone() }, haystack)?;
    Ok(id)
}

/// Writes the case's current record and the columns derived from it.
pub(crate) fn update(conn: &Db, case: &ReturnCase, haystack: &str) -> Result<()> {
    conn.exec(
        "UPDATE return_cases SET customer_id = ?2, state = ?3, order_number = ?4, rma_code = ?5, case_json = ?6,
             next_deadline = ?7, haystack = ?8, item = ?9 WHERE id = ?1",
        vals![
            case.id.0,
            case.customer.map(|c| c.0),
            case.state.key(),
            case.request.as_ref().map(|r| r.order_number.clone()).unwrap_or_default(),
            case.rma.as_ref().map(|r| r.code.to_string()),
            to_json(case)?,
            case.next_deadline().map(|d| d.to_string()),
            haystack,
            case.item()
        ],
    )?;
    Ok(())
}

/// The serial the case is filed under (folded) and the watch record it is of.
pub(crate) fn watch_link(conn: &Db, id: ReturnId) -> Result<(String, Option<WatchId>)> {
    let link = conn.row("SELECT serial_key, watch_id FROM return_cases WHERE id = ?1", vals![id.0], |r| {
        Ok((r.get(0)?, r.get::<Option<i64>>(1)?.map(WatchId)))
    })?;
    Ok(link.unwrap_or_default())
}

pub(crate) fn set_watch_link(conn: &Db, id: ReturnId, serial_key: &str, watch: Option<WatchId>) -> Result<()> {
    conn.exec(
        "UPDATE return_cases SET serial_key = ?2, watch_id = ?3 WHERE id = ?1",
        vals![id.0, serial_key, watch.map(|w| w.0)],
    )?;
    Ok(())
}

/// Files the returns of this serial still waiting for a watch record under `watch`.
pub(crate) fn give_watch(conn: &Db, serial_key: &str, watch: WatchId) -> Result<usize> {
    conn.exec(
        "UPDATE return_cases SET watch_id = ?2 WHERE serial_key = ?1 AND serial_key <> '' AND watch_id IS NULL",
        vals![serial_key, watch.0],
    )
    .map(|n| n as usize)
}

/// The returns of a watch, oldest first.
pub(crate) fn for_watch(conn: &Db, watch: WatchId) -> Result<Vec<ReturnRow>> {
    conn.rows(&format!("{ROW_SQL} WHERE r.watch_id = ?1 ORDER BY r.id"), vals![watch.0], row)
}

pub(crate) fn get(conn: &Db, id: ReturnId) -> Result<Option<ReturnCase>> {
    let json: Option<String> =
        conn.row("SELECT case_json FROM return_cases WHERE id = ?1", vals![id.0], |r| r.get(0))?;
    json.map(|j| from_json("return case", &j)).transpose()
}

pub(crate) fn by_code(conn: &Db, code: RmaCode) -> Result<Option<ReturnCase>> {
    let json: Option<String> =
        conn.row("SELECT case_json FROM return_cases WHERE rma_code = ?1", vals![code.to_string()], |r| r.get(0))?;
    json.map(|j| from_json("return case", &j)).transpose()
}

/// Cases the calendar may move by itself on `today`: in one of `states` with a deadline
/// before today, or none (a package the policy does not hold).
pub(crate) fn past_their_deadline(conn: &Db, states: &[ReturnState], today: Date) -> Result<Vec<ReturnId>> {
    let keys: Vec<String> = states.iter().map(|s| s.key().to_string()).collect();
    let marks = (2..keys.len() + 2).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT id FROM return_cases WHERE state IN ({marks}) AND (next_deadline IS NULL OR next_deadline < ?1) ORDER BY id"
    );
    let args: Vec<Value> = std::iter::once(today.to_string()).chain(keys).map(Value::Text).collect();
    conn.rows(&sql, &args, |r| Ok(ReturnId(r.get(0)?)))
}

/// The cases of a customer.
pub(crate) fn for_customer(conn: &Db, customer: CustomerId) -> Result<Vec<ReturnCase>> {
    let cases: Vec<String> =
        conn.rows("SELECT case_json FROM return_cases WHERE customer_id = ?1 ORDER BY id", vals![customer.0], |r| {
            r.get(0)
        })?;
    cases.iter().map(|j| from_json("return case", j)).collect()
}

/// One line of the returns list.
#[derive(Clone, Debug, Serialize)]
pub struct ReturnRow {
    pub id: ReturnId,
    pub rma_code: Option<String>,
    pub order_number: String,
    pub state: ReturnState,
    pub customer_id: Option<CustomerId>,
    pub customer_name: String,
    pub item: String,
    pub next_deadline: Option<Date>,
}

const ROW_SQL: &str = "SELECT r.id, r.rma_code, r.order_number, r.state, r.customer_id, c.name, r.item, r.next_deadline
                       FROM return_cases r LEFT JOIN customers c ON c.id = r.customer_id";

fn row(r: &Row) -> Result<ReturnRow> {
    let state: String = r.get(3)?;
    let deadline: Option<String> = r.get(7)?;
    let bad = StoreError::Corrupt;
    Ok(ReturnRow {
        id: ReturnId(r.get(0)?),
        rma_code: r.get(1)?,
        order_number: r.get(2)?,
        state: ReturnState::from_key(&state).ok_or_else(|| bad(format!("unknown return state {state}")))?,
        customer_id: r.get::<Option<i64>>(4)?.map(CustomerId),
        customer_name: r.get::<Option<String>>(5)?.unwrap_or_default(),
        item: r.get(6)?,
        next_deadline: deadline.map(|d| date("return deadline", &d)).transpose()?,
    })
}

fn rows(conn: &Db, sql: &str, args: &[String]) -> Result<Vec<ReturnRow>> {
    let args: Vec<Value> = args.iter().map(|a| Value::Text(a.clone())).collect();
    conn.rows(sql, &args, row)
}

/// Returns matching every term, optionally in one state and of one branch: soonest deadline
/// first, then newest.
pub(crate) fn search(
    conn: &Db,
    terms: &[String],
    state: Option<ReturnState>,
    branch: BranchFilter,
    limit: usize,
) -> Result<Vec<ReturnRow>> {
    let mut filters = Vec::new();
    let mut args = Vec::new();
    for t in terms {
        args.push(contains_pattern(t));
        filters.push(like("r.haystack", args.len()));
    }
    if let Some(s) = state {
        args.push(s.key().to_string());
        filters.push(format!("r.state = ?{}", args.len()));
    }
    if let Some(b) = branch.stored() {
        args.push(b);
        filters.push(format!("r.branch = ?{}", args.len()));
    }
    let filter = if filters.is_empty() { String::new() } else { format!("WHERE {}", filters.join(" AND ")) };
    let sql = format!("{ROW_SQL} {filter} ORDER BY r.next_deadline IS NULL, r.next_deadline, r.id DESC LIMIT {limit}");
    rows(conn, &sql, &args)
}

pub(crate) fn in_state(conn: &Db, state: ReturnState, limit: usize) -> Result<Vec<ReturnRow>> {
    search(conn, &[], Some(state), BranchFilter::All, limit)
}

/// The cases opened from `after` up to `before` (instants as text; the caller narrows them
/// to the shop's days), each with the instant it was opened.
pub(crate) fn opened_between(conn: &Db, after: &str, before: &str) -> Result<Vec<(String, ReturnCase)>> {
    let rows: Vec<(String, String)> = conn.rows(
        "SELECT created_at, case_json FROM return_cases WHERE created_at >= ?1 AND created_at < ?2 ORDER BY id",
        vals![after, before],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    rows.into_iter().map(|(at, json)| Ok((at, from_json("return case", &json)?))).collect()
}
