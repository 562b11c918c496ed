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
        "INSERT INTO customers (name, phone, email, address, search_text, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vals![
            details.name,
            details.phone,
            details.email,
            details.address,
            search::customer_haystack(details),
            now.to_string()
        ],
    )?))
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
