//! IPC commands: each parses its input, calls one domain or store function, maps the error.

pub mod app;
pub mod settings;
