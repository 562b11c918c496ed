//! The desk's views: what each screen is told, on the demo shop and the test shop.

mod address;
mod branches;
mod calendar;
mod demo;
mod mail;
mod papers;
mod payments;
mod presets;
mod printing;
mod reports;
mod returns;
mod tickets;
mod today;
mod watches;
