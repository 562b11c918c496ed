//! The desk's views: what each screen is told, on the demo shop and the test shop.

mod calendar;
mod demo;
