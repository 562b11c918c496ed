//! Table `customers`: rows change only when staff correct a customer's details (each change
//! logged with the old and new value).

use crate::sql::{Db, Row, Value};
use crate::vals;
use caseback_domain::customer::{Customer, CustomerDetails, CustomerId};
use caseback_domain::search;
use jiff::Timestamp;

use super::columns::{contains_pattern, like};
use crate::error::Result;

fn from_row(row: &Row) -> Result<Customer> {
    Ok(Customer {
        id: CustomerId(row.get(0)?),
        details: CustomerDetails { name: row.get(1)?, phone: row.get(2)?, email: row.get(3)?, address: row.get(4)? },
    })
}

const COLUMNS: &str = "id, name, phone, email, address";

pub(crate) fn insert(conn: &Db, details: &CustomerDetails, now: Timestamp) -> Result<CustomerId> {
    Ok(CustomerId(conn.insert(
        "INSERT INTO customers (name, phone, email, address, search_text, created_at, branch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        vals![
            details.name,
            details.phone,
            details.email,
            details.address,
            search::customer_haystack(details),
            now.to_string(),
            caseback_domain::branch::stored(conn.branch())
        ],
    )?))
}

/// Inserts many customers in one statement, each with the id it is given (tickets loaded in
/// bulk): the same values `insert` writes, without a round trip per row.
#[cfg(feature = "fixture")]
pub(crate) fn insert_many(conn: &Db, customers: &[(CustomerId, CustomerDetails)], now: Timestamp) -> Result<()> {
    let mut args = Vec::with_capacity(customers.len() * 7);
    for (id, d) in customers {
        args.extend_from_slice(vals![
            id.0,
            d.name,
            d.phone,
            d.email,
            d.address,
            search::customer_haystack(d),
            now.to_string()
        ]);
    }
    let rows = super::tickets::value_rows(customers.len(), 7);
    let sql = format!("INSERT INTO customers (id, name, phone, email, address, search_text, created_at) VALUES {rows}");
    conn.exec(&sql, &args)?;
    Ok(())
}

/// Writes corrected details (and the search text they make).
pub(crate) fn update(conn: &Db, id: CustomerId, details: &CustomerDetails) -> Result<()> {
    conn.exec(
        "UPDATE customers SET name = ?2, phone = ?3, email = ?4, address = ?5, search_text = ?6 WHERE id = ?1",
        vals![id.0, details.name, details.phone, details.email, details.address, search::customer_haystack(details)],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, id: CustomerId) -> Result<Option<Customer>> {
    conn.row(&format!("SELECT {COLUMNS} FROM customers WHERE id = ?1"), vals![id.0], from_row)
}

/// Every customer, oldest first (an import compares its rows with them all).
pub(crate) fn all(conn: &Db) -> Result<Vec<Customer>> {
    conn.rows(&format!("SELECT {COLUMNS} FROM customers ORDER BY id"), &[], from_row)
}

/// Customers whose name, phone or email contain every term, most recent first.
pub(crate) fn find(conn: &Db, query: &str, limit: usize) -> Result<Vec<Customer>> {
    let terms = search::query_terms(query);
    let mut sql = format!("SELECT {COLUMNS} FROM customers WHERE TRUE");
    let patterns: Vec<String> = terms.iter().map(|t| contains_pattern(t)).collect();
    for i in 0..patterns.len() {
        sql.push_str(&format!(" AND {}", like("search_text", i + 1)));
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {limit}"));
    let args: Vec<Value> = patterns.iter().map(|p| Value::Text(p.clone())).collect();
    conn.rows(&sql, &args, from_row)
}
