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
