//! Caseback's integration tests: one test binary (as ripgrep has), driving the real app
//! window through tauri-driver and WebKitWebDriver under Xvfb.

mod data;
mod first_start;
mod fuzz;
mod hostile;
mod intake;
mod quotation;
mod release;
mod returns;
mod rig;
