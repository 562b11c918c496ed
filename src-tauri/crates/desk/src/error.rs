//! The one error every caller of the desk gets, and the window receives as
//! `{code, message, fields}`: the UI branches on `code` and shows `message`; `fields` places
//! messages next to the inputs they are about.

use caseback_domain::{Code, DomainError, FieldError};
use caseback_forms::FormError;
use caseback_store::StoreError;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

impl Error {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Error { code, message: message.into(), fields: Vec::new() }
    }

    /// An argument of the wrong shape (a bug in the UI, or a forged call), named.
    pub fn invalid_argument(key: &str, why: &str) -> Self {
        let message = format!("The app sent `{key}` in a form Caseback cannot read: {why}.");
        Error { code: Code::InvalidInput, fields: vec![FieldError::new(key, message.clone())], message }
    }
}

impl From<DomainError> for Error {
    fn from(e: DomainError) -> Self {
        Error { code: e.code(), message: e.to_string(), fields: e.fields().to_vec() }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            other => {
                tracing::error!("{other}");
                Error::new(other.code(), other.to_string())
            }
        }
    }
}

impl From<FormError> for Error {
    fn from(e: FormError) -> Self {
        Error::new(e.code(), e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
