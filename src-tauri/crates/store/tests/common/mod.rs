//! Fixtures shared by the store's test files: a set-up shop and a walk-in intake.

#![allow(dead_code)] // each test binary uses its own share of these

use std::path::Path;

use caseback_domain::customer::CustomerDetails;
use caseback_domain::device::{Device, DeviceKind};
use caseback_domain::intake::{CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::presets::PresetId;
use caseback_domain::staff::StaffId;
use caseback_domain::{Currency, Settings};
use caseback_store::{DataFolder, Shop};
use jiff::Timestamp;

/// An HKD shop on the lx-watch policy with one staff member, set up at `now`.
pub fn new_shop(dir: &Path, now: Timestamp) -> (Shop, StaffId) {
    let mut shop = Shop::open(DataFolder::lock(dir).unwrap()).unwrap();
    let s =
        Settings::new("Kowloon Time Care", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong");
    shop.set_up(&s, &["Mei Chan".into()], now).unwrap();
    let by = shop.staff().unwrap()[0].id;
    (shop, by)
}

/// A new customer walking in with a quartz watch and `fault`.
pub fn walk_in(name: &str, fault: &str) -> IntakeForm {
    IntakeForm {
        customer: CustomerChoice::New {
            details: CustomerDetails { name: name.into(), phone: "+852 6123 4567".into(), ..Default::default() },
        },
        details: IntakeDetails {
            device: Device {
                kind: DeviceKind::Quartz,
                brand: "Seiko".into(),
                model: "SNE".into(),
                ..Device::default()
            },
            fault: fault.into(),
            ..IntakeDetails::default()
        },
    }
}
