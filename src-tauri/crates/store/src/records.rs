//! Records kept as JSON columns: written with serde, read back or reported as corrupt.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Result, StoreError};

pub fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub fn from_json<T: DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what} record: {e}")))
}

/// A unit enum's serde name (`bank_transfer`), for a plain TEXT column.
pub fn to_key<T: Serialize>(value: &T) -> Result<String> {
    Ok(to_json(value)?.trim_matches('"').to_string())
}

pub fn from_key<T: DeserializeOwned>(what: &str, key: &str) -> Result<T> {
    from_json(what, &serde_json::Value::String(key.to_string()).to_string())
}

pub fn date(what: &str, text: &str) -> Result<jiff::civil::Date> {
    text.parse().map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub fn instant(what: &str, text: &str) -> Result<jiff::Timestamp> {
    text.parse().map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}
