//! The store's integration tests, on real SQLite files: one test binary (as ripgrep does),
//! one module per area. `autotests = false` in Cargo.toml keeps the files beside this one
//! from becoming binaries of their own; `crash` and `faults` re-run this binary as a child
//! process, naming their child tests with their module path.

mod after_sale;
mod approvals;
mod backups;
mod bench;
mod chain;
mod cluster;
mod concurrency;
mod crash;
mod customer_imports;
mod faults;
mod moving;
mod outbox;
mod paid_with;
mod privacy;
mod quotations;
mod reports;
mod return_flow;
mod returns;
mod schema;
mod server_faults;
mod shared;
mod shop;
mod signatures;
mod stock;
mod tickets;
mod watches;

/// The full name the harness gives the test `name` in the calling module (`crash::crash_writer`),
/// for a child process that runs only it.
pub fn test_name(module: &str, name: &str) -> String {
    let path = module.split_once("::").map_or("", |(_, path)| path);
    format!("{path}::{name}")
}
