//! How values are kept in columns: records as JSON, unit enums by their serde name, dates
//! and instants as text. Read back, or reported as damaged data.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Result, StoreError};

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(crate) fn from_json<T: DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what} record: {e}")))
}

/// A unit enum's serde name (`bank_transfer`), for a plain TEXT column.
pub(crate) fn to_key<T: Serialize>(value: &T) -> Result<String> {
    Ok(to_json(value)?.trim_matches('"').to_string())
}

pub(crate) fn from_key<T: DeserializeOwned>(what: &str, key: &str) -> Result<T> {
    from_json(what, &serde_json::Value::String(key.to_string()).to_string())
}

pub(crate) fn date(what: &str, text: &str) -> Result<jiff::civil::Date> {
    text.parse().map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub(crate) fn instant(what: &str, text: &str) -> Result<jiff::Timestamp> {
    text.parse().map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

/// `column LIKE ?param`, matching text that contains the parameter's term as typed
/// (`contains_pattern`). The escape character is named because the engines differ without
/// it: SQLite's LIKE has none, PostgreSQL's has `\`, so there a typed backslash would escape
/// the character after it instead of finding itself.
pub(crate) fn like(column: &str, param: usize) -> String {
    format!("{column} LIKE ?{param} ESCAPE '\\'")
}

/// The pattern `like` matches `term` with: `%term%`, the term's own `%`, `_` and `\`
/// escaped, so each finds itself rather than any text (or nothing).
pub(crate) fn contains_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Damaged data found while a row is read.
pub(crate) fn bad(message: String) -> StoreError {
    StoreError::Corrupt(message)
}

/// A JSON record read inside a row mapper.
pub(crate) fn json_in_row<T: DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    from_json(what, text)
}

/// A date read inside a row mapper.
pub(crate) fn date_in_row(text: String) -> Result<jiff::civil::Date> {
    date("date", &text)
}
