//! The demo shop: a realistic shop to explore, in its own folder, never mixed with real data.
//! Its tickets (the stories in `intakes`, booked by `tickets`, finished by `repairs`) and its
//! returns (`returns`) go through the shop's own workflows, dated relative to today.

mod bench;
mod intakes;
mod parts;
mod repairs;
mod returns;
mod tickets;
mod watches;

use std::path::Path;

use caseback_domain::presets::PresetId;
use caseback_domain::DomainError;
use caseback_domain::{Currency, Settings};
use jiff::Timestamp;

use crate::error::{Result, StoreError};
use crate::{DataFolder, Shop};

pub const DEMO_STAFF: [&str; 3] = ["Mei Chan", "Ahmet Yılmaz", "Sam Wong"];

pub fn demo_settings() -> Settings {
    let base = Settings::new(
        "Harbour Watch Repair (demo)",
        Currency::from_code("HKD").expect("HKD is a currency"),
        PresetId::LxWatch,
        "Asia/Hong_Kong",
    );
    base.apply([
        ("shop.address", "Shop 12, 88 Queen's Road Central\nCentral, Hong Kong"),
        ("shop.phone", "+852 2555 0188"),
        ("shop.email", "service@harbourwatch.example"),
        ("shop.whatsapp", "+852 5555 0188"),
        ("shop.tax_id", "BR 7788 1234"),
        ("shop.payment_details", "Visa / Mastercard at the counter\nPayPal: paypal.me/harbourwatch\nBank transfer: HSBC 123-456789-001, Harbour Watch Repair Ltd"),
        ("shop.terms", "Quotations are valid for 14 days and need your written confirmation before any work starts. Items held more than 7 days after our Collection Notice are charged a storage fee of HKD 10 per day. Replaced parts are kept by the shop unless agreed in writing."),
        ("policy.holidays", "2026-10-01 National Day\n2026-12-25 Christmas Day\n2027-01-01 New Year's Day"),
        // The demo shop also swaps watches within 30 days, so every return outcome can be seen.
        ("policy.exchange_window", "30 days"),
        // and takes back a watch dead on arrival within 7 days (lx-watch names no such
        // guarantee, so its preset has none).
        ("policy.dead_on_arrival", "7 days"),
        ("policy.exchange_fee", "20"),
        // The shop's own warranty on its work (the seed policies state none).
        ("service_warranty.full_service", "12 months"),
        ("service_warranty.repair", "6 months"),
        ("service_warranty.battery", "6 months"),
    ])
    .expect("demo settings are valid")
}

/// Marks a folder as holding the demo shop, so a real shop is never taken for one.
const MARKER: &str = "DEMO-SHOP";

/// Opens the demo shop in `root`, creating it on first use. A folder that holds a real shop
/// is refused.
pub fn open_or_create(root: &Path, now: Timestamp) -> Result<Shop> {
    let mut shop = Shop::open(DataFolder::lock(root)?)?;
    let marker = root.join(MARKER);
    if shop.is_set_up()? && !marker.exists() {
        return Err(DomainError::invalid(
            "data_dir",
            format!("{} holds a real shop, not the demo; choose another folder.", root.display()),
        )
        .into());
    }
    if !shop.is_set_up()? {
        crate::private::write_file(&marker, b"This folder holds Caseback's demo shop. Nothing in it is real.\n")
            .map_err(|e| StoreError::io("Could not mark the demo folder", e))?;
        fill(&mut shop, now)?;
    }
    Ok(shop)
}

/// Sets up the demo shop in `shop`, a shop not set up yet (a new folder, or a new shared
/// database to try several computers on), with its tickets and returns as of `now`.
pub fn fill(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let names: Vec<String> = DEMO_STAFF.iter().map(|s| s.to_string()).collect();
    shop.set_up(&demo_settings(), &names, now)?;
    tickets::add_tickets(shop, now)?;
    watches::add_readings(shop, now)?;
    bench::add_bench(shop, now)?;
    parts::add_parts(shop, now)?;
    returns::add_returns(shop, now)?;
    // Expiry and the end of holds, as the app would apply them today.
    shop.apply_clock(now)?;
    Ok(())
}
