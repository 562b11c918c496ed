//! A select's options as the UI shows them: the value to send back and its label. Every
//! select in the window is filled from these, never from a list of its own.

use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Choice {
    /// The value as the app reads it back (a string, or an object such as a warranty decision).
    pub key: serde_json::Value,
    pub label: String,
}

pub fn choices<T: Serialize + Copy, L: Into<String>>(all: &[T], label: fn(T) -> L) -> Vec<Choice> {
    all.iter().map(|v| Choice { key: serde_json::to_value(v).unwrap_or_default(), label: label(*v).into() }).collect()
}
