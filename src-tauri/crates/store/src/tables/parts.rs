//! Table `parts`: the catalogue, each part with what is on hand. What accepted repairs hold
//! of it is in `part_holds`, summed here so a part is always read with its holds.

use caseback_domain::search;
use caseback_domain::stock::{Part, PartDraft, PartId};
use caseback_domain::Amount;
use jiff::Timestamp;

use super::columns::{contains_pattern, from_key, like, to_key};
use crate::error::Result;
use crate::sql::{Db, Row, Value};
use crate::vals;

const SELECT: &str = "SELECT p.id, p.number, p.description, p.kind, p.fits, p.cost, p.price, p.supplier, p.location,
        p.low_at, p.on_hand,
        CAST(COALESCE((SELECT SUM(h.reserved) FROM part_holds h WHERE h.part_id = p.id), 0) AS BIGINT),
        CAST(COALESCE((SELECT SUM(h.back_ordered) FROM part_holds h WHERE h.part_id = p.id), 0) AS BIGINT)
    FROM parts p";

fn from_row(r: &Row) -> Result<Part> {
    let count = |i| -> Result<u32> { Ok(r.get::<i64>(i)?.max(0) as u32) };
    Ok(Part {
        id: PartId(r.get(0)?),
        draft: PartDraft {
            number: r.get(1)?,
            description: r.get(2)?,
            kind: from_key("part kind", &r.get::<String>(3)?)?,
            fits: r.get(4)?,
            cost: Amount(r.get(5)?),
            price: Amount(r.get(6)?),
            supplier: r.get(7)?,
            location: r.get(8)?,
            low_at: count(9)?,
        },
        on_hand: count(10)?,
        reserved: count(11)?,
        back_ordered: count(12)?,
    })
}

pub(crate) fn insert(conn: &Db, d: &PartDraft, on_hand: u32, now: Timestamp) -> Result<PartId> {
    conn.insert(
        "INSERT INTO parts (number, description, kind, fits, cost, price, supplier, location, low_at, on_hand, search_text, added_at, branch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        vals![
            d.number,
            d.description,
            to_key(&d.kind)?,
            d.fits,
            d.cost.0,
            d.price.0,
            d.supplier,
            d.location,
            d.low_at,
            on_hand,
            search::part_haystack(d),
            now.to_string(),
            own_branch(conn)
        ],
    )
    .map(PartId)
}

pub(crate) fn update(conn: &Db, id: PartId, d: &PartDraft) -> Result<()> {
    conn.exec(
        "UPDATE parts SET number = ?2, description = ?3, kind = ?4, fits = ?5, cost = ?6, price = ?7, supplier = ?8,
            location = ?9, low_at = ?10, search_text = ?11 WHERE id = ?1",
        vals![
            id.0,
            d.number,
            d.description,
            to_key(&d.kind)?,
            d.fits,
            d.cost.0,
            d.price.0,
            d.supplier,
            d.location,
            d.low_at,
            search::part_haystack(d)
        ],
    )?;
    Ok(())
}

pub(crate) fn set_on_hand(conn: &Db, id: PartId, on_hand: u32) -> Result<()> {
    conn.exec("UPDATE parts SET on_hand = ?2 WHERE id = ?1", vals![id.0, on_hand])?;
    Ok(())
}

pub(crate) fn get(conn: &Db, id: PartId) -> Result<Option<Part>> {
    conn.row(&format!("{SELECT} WHERE p.id = ?1"), vals![id.0], from_row)
}

/// The branch whose drawers this computer works from ('' outside a chain).
fn own_branch(conn: &Db) -> String {
    caseback_domain::branch::stored(conn.branch())
}

/// The part of this number in this computer's branch.
pub(crate) fn by_number(conn: &Db, number_key: &str) -> Result<Option<Part>> {
    conn.row(&format!("{SELECT} WHERE p.branch = ?1 AND p.number = ?2"), vals![own_branch(conn), number_key], from_row)
}

/// This branch's parts whose search text holds every term, by part number.
pub(crate) fn find(conn: &Db, query: &str, limit: usize) -> Result<Vec<Part>> {
    let patterns: Vec<String> = search::query_terms(query).iter().map(|t| contains_pattern(t)).collect();
    let mut sql = format!("{SELECT} WHERE p.branch = ?1");
    for i in 0..patterns.len() {
        sql.push_str(&format!(" AND {}", like("p.search_text", i + 2)));
    }
    sql.push_str(&format!(" ORDER BY p.number LIMIT {limit}"));
    let mut args = vec![Value::Text(own_branch(conn))];
    args.extend(patterns.into_iter().map(Value::Text));
    conn.rows(&sql, &args, from_row)
}

/// This branch's parts, by number (a shop's drawers: hundreds, not millions).
pub(crate) fn all(conn: &Db) -> Result<Vec<Part>> {
    conn.rows(&format!("{SELECT} WHERE p.branch = ?1 ORDER BY p.number"), vals![own_branch(conn)], from_row)
}
