//! Errors as they cross IPC: `{code, message, fields}`. The UI branches on `code` and shows
//! `message`; `fields` places messages next to the inputs they are about.

use caseback_domain::{DomainError, FieldError};
use caseback_store::StoreError;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

impl IpcError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        IpcError { code, message: message.into(), fields: Vec::new() }
    }

    /// An argument of the wrong shape (a bug in the UI, or a forged call).
    pub fn invalid_argument(key: &str, why: &str) -> Self {
        let message = format!("The app sent `{key}` in a form Caseback cannot read: {why}.");
        IpcError { code: "invalid_input", fields: vec![FieldError::new(key, message.clone())], message }
    }
}

impl From<DomainError> for IpcError {
    fn from(e: DomainError) -> Self {
        IpcError { code: e.code(), message: e.to_string(), fields: e.fields().to_vec() }
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            other => {
                tracing::error!("{other}");
                IpcError::new(other.code(), other.to_string())
            }
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
