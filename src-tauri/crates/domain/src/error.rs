//! Errors the domain reports. Each has a stable machine code that crosses IPC unchanged.

use serde::Serialize;

use crate::Code;

/// One field that failed validation, with a message a shop assistant can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Dotted key of the field, as the settings form and the CLI name it (`policy.rma_validity`).
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// Input that breaks a rule; nothing was changed.
    #[error("{}", summary(.0))]
    Invalid(Vec<FieldError>),
    #[error("{what} was not found")]
    NotFound { what: String },
    /// A rule says no (e.g. an illegal state change); `code` names the rule for the UI.
    #[error("{message}")]
    Refused { code: Code, message: String },
    /// A rule says no about the fields named, each with its sentence (the first is the
    /// message): shown next to them, with the rule's own code.
    #[error("{}", .fields.first().map_or("", |f| f.message.as_str()))]
    RefusedAt { code: Code, fields: Vec<FieldError> },
}

fn summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "The input is not valid.".into(),
        [one] => one.message.clone(),
        [first, rest @ ..] => format!("{} (and {} more problems)", first.message, rest.len()),
    }
}

impl DomainError {
    pub fn refused(code: Code, message: impl Into<String>) -> Self {
        Self::Refused { code, message: message.into() }
    }

    /// Refused at `field`, with `message` there; `more` are further fields and their words.
    pub fn refused_at(code: Code, field: &str, message: impl Into<String>, more: Vec<FieldError>) -> Self {
        let mut fields = vec![FieldError::new(field, message)];
        fields.extend(more);
        Self::RefusedAt { code, fields }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }

    /// Stable machine code; the UI branches on it.
    pub fn code(&self) -> Code {
        match self {
            Self::Invalid(_) => Code::InvalidInput,
            Self::NotFound { .. } => Code::NotFound,
            Self::Refused { code, .. } | Self::RefusedAt { code, .. } => *code,
        }
    }

    pub fn fields(&self) -> &[FieldError] {
        match self {
            Self::Invalid(fields) | Self::RefusedAt { fields, .. } => fields,
            Self::NotFound { .. } | Self::Refused { .. } => &[],
        }
    }
}

/// Collects field errors while checking a value, so the user sees every problem at once.
#[derive(Default, Debug)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    pub fn merge(&mut self, error: DomainError) {
        match error {
            DomainError::Invalid(fields) => self.0.extend(fields),
            other => self.add("", other.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), DomainError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }
}
