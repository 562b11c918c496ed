//! Table `customers`: rows change only when staff correct a customer's details (each change
//! logged with the old and new value).

use caseback_domain::customer::{Customer, CustomerDetails, CustomerId};
use caseback_domain::search;
use jiff::Timestamp;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;

fn from_row(row: &Row) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: CustomerId(row.get(0)?),
        details: CustomerDetails { name: row.get(1)?, phone: row.get(2)?, email: row.get(3)?, address: row.get(4)? },
    })
}

const COLUMNS: &str = "id, name, phone, email, address";

pub(crate) fn insert(conn: &Connection, details: &CustomerDetails, now: Timestamp) -> Result<CustomerId> {
    conn.execute(
        "INSERT INTO customers (name, phone, email, address, search_text, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            details.name,
            details.phone,
            details.email,
            details.address,
            search::customer_haystack(details),
            now.to_string()
        ],
    )?;
    Ok(CustomerId(conn.last_insert_rowid()))
}

/// Writes corrected details (and the search text they make).
pub(crate) fn update(conn: &Connection, id: CustomerId, details: &CustomerDetails) -> Result<()> {
    conn.execute(
        "UPDATE customers SET name = ?2, phone = ?3, email = ?4, address = ?5, search_text = ?6 WHERE id = ?1",
        params![id.0, details.name, details.phone, details.email, details.address, search::customer_haystack(details)],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: CustomerId) -> Result<Option<Customer>> {
    Ok(conn.query_row(&format!("SELECT {COLUMNS} FROM customers WHERE id = ?1"), [id.0], from_row).optional()?)
}

/// Customers whose name, phone or email contain every term, most recent first.
pub(crate) fn find(conn: &Connection, query: &str, limit: usize) -> Result<Vec<Customer>> {
    let terms = search::query_terms(query);
    let mut sql = format!("SELECT {COLUMNS} FROM customers WHERE 1");
    let patterns: Vec<String> = terms.iter().map(|t| format!("%{}%", t.replace(['%', '_', '\\'], ""))).collect();
    for i in 0..patterns.len() {
        sql.push_str(&format!(" AND search_text LIKE ?{}", i + 1));
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {limit}"));
    let mut stmt = conn.prepare(&sql)?;
    let rows =
        stmt.query_map(rusqlite::params_from_iter(patterns.iter()), from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
