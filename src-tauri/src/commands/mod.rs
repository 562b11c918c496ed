//! IPC commands: each a few lines over the desk (`caseback_desk::Desk`), which does the
//! work for the window and the CLI alike.

pub mod after_sale;
pub mod app;
pub mod bench;
pub mod data;
pub mod forms;
pub mod mail;
pub mod quotations;
pub mod reports;
pub mod returns;
pub mod settings;
pub mod shared;
pub mod signatures;
pub mod stock;
pub mod tickets;
pub mod today;
mod upload;
pub mod watches;
