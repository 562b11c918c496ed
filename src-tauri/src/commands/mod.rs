//! IPC commands: each parses its input, calls one domain or store function, maps the error.

pub mod app;
pub mod data;
pub mod forms;
pub mod history;
pub mod quotations;
pub mod release;
pub mod return_view;
pub mod returns;
pub mod settings;
pub mod tickets;
pub mod today;
pub mod upload;
