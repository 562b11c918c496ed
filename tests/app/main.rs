//! Caseback's integration tests: one test binary (as ripgrep has), driving the real app
//! window through tauri-driver and WebKitWebDriver under Xvfb.

mod after_sale;
mod approvals;
mod bench;
mod corrections;
mod dark;
mod data;
mod every_screen;
mod first_start;
mod fuzz;
mod hostile;
mod imports;
mod intake;
mod mail;
mod messages;
mod parts;
mod printing;
mod quotation;
mod reports;
mod return_correction;
mod returns;
mod returns_flow;
mod rig;
mod shared;
mod watch;
