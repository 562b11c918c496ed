//! The forms crate's one integration-test binary (as ripgrep has one): each module reads
//! one family of forms back as a person, a scanner or customs would, with poppler and zbar;
//! `common` holds the shops, tickets, papers and tools they share. One binary links the
//! crate and its fixtures once instead of once per file.

mod common;

mod after_sale;
mod bench_readings;
mod fonts;
mod intake_receipt;
mod label_stock;
mod notices;
mod quotation;
mod returns;
mod service_warranty;
mod signatures;
mod ticket_tag;
