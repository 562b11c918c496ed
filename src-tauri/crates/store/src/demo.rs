//! The demo shop: a realistic shop to explore, in its own folder, never mixed with real data.

use std::path::Path;

use caseback_domain::customer::{CustomerDetails, CustomerId};
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::intake::{Accessory, Arrival, ConditionFlag, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::presets::PresetId;
use caseback_domain::ticket::TicketState;
use caseback_domain::warranty::Voiding;
use caseback_domain::{Currency, Settings};
use jiff::Timestamp;

use caseback_domain::DomainError;

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
        std::fs::write(&marker, "This folder holds Caseback's demo shop. Nothing in it is real.\n")
            .map_err(|e| StoreError::io("Could not mark the demo folder", e))?;
        let names: Vec<String> = DEMO_STAFF.iter().map(|s| s.to_string()).collect();
        shop.set_up(&demo_settings(), &names, now)?;
        add_tickets(&mut shop, now)?;
    }
    Ok(shop)
}

struct DemoIntake {
    days_ago: i64,
    name: &'static str,
    phone: &'static str,
    email: &'static str,
    kind: DeviceKind,
    brand: &'static str,
    model: &'static str,
    serial: &'static str,
    bought: Option<(i16, i8, i8)>,
    fault: &'static str,
    mail_in: Option<(&'static str, &'static str)>,
    assessing: bool,
}

const INTAKES: [DemoIntake; 8] = [
    DemoIntake {
        days_ago: 9,
        name: "Ayşe Yılmaz",
        phone: "+90 542 341 51 94",
        email: "ayse.yilmaz@example.com.tr",
        kind: DeviceKind::Smartwatch,
        brand: "KOSPET",
        model: "Tank T3 Ultra",
        serial: "KPT3U-2291-0042",
        bought: Some((2026, 3, 2)),
        fault: "Does not charge on the magnetic cable; screen stays black.",
        mail_in: Some(("DHL", "JD014600006281234567")),
        assessing: true,
    },
    DemoIntake {
        days_ago: 6,
        name: "王小明",
        phone: "+852 6123 4567",
        email: "",
        kind: DeviceKind::Mechanical,
        brand: "Seiko",
        model: "Presage SRPB41",
        serial: "4R35-01T0",
        bought: Some((2024, 2, 29)),
        fault: "Loses about 40 seconds a day since a fall.",
        mail_in: None,
        assessing: false,
    },
    DemoIntake {
        days_ago: 5,
        name: "Çağrı Öztürk",
        phone: "+90 555 014 22 73",
        email: "cagri@example.com.tr",
        kind: DeviceKind::Smartwatch,
        brand: "GLORY",
        model: "PRO",
        serial: "GP-77120931",
        bought: Some((2025, 10, 20)),
        fault: "Heart-rate sensor reads zero; strap pin broken.",
        mail_in: None,
        assessing: true,
    },
    DemoIntake {
        days_ago: 3,
        name: "陳美玲",
        phone: "+852 9188 2200",
        email: "meiling.chan@example.hk",
        kind: DeviceKind::Quartz,
        brand: "Casio",
        model: "Sheen SHE-4540",
        serial: "SHE4540-118",
        bought: None,
        fault: "Stopped after a battery change elsewhere.",
        mail_in: None,
        assessing: false,
    },
    DemoIntake {
        days_ago: 2,
        name: "Tom Richards",
        phone: "+44 7700 900123",
        email: "tom.richards@example.co.uk",
        kind: DeviceKind::Mechanical,
        brand: "Omega",
        model: "Seamaster 300M",
        serial: "81234567",
        bought: Some((2023, 6, 14)),
        fault: "Fogging under the crystal after swimming.",
        mail_in: Some(("UPS", "1Z999AA10123456784")),
        assessing: false,
    },
    DemoIntake {
        days_ago: 1,
        name: "Ayşe Yılmaz",
        phone: "+90 542 341 51 94",
        email: "",
        kind: DeviceKind::Smartwatch,
        brand: "KOSPET",
        model: "Tank T3 Ultra",
        serial: "KPT3U-2291-0042",
        bought: None,
        fault: "Second visit: charges, but the step counter resets every hour.",
        mail_in: None,
        assessing: false,
    },
    DemoIntake {
        days_ago: 0,
        name: "李伟",
        phone: "+86 138 0013 8000",
        email: "li.wei@example.cn",
        kind: DeviceKind::Smartwatch,
        brand: "KOSPET",
        model: "Prime 2",
        serial: "KPP2-5520-1187",
        bought: Some((2026, 11, 14)),
        fault: "Arrived with a cracked screen (dead on arrival).",
        mail_in: None,
        assessing: false,
    },
    DemoIntake {
        days_ago: 0,
        name: "María José Núñez",
        phone: "+34 612 345 678",
        email: "mjnunez@example.es",
        kind: DeviceKind::Quartz,
        brand: "Tissot",
        model: "PRX 40",
        serial: "T137410A-0093",
        bought: Some((2022, 9, 1)),
        fault: "Crown pulls out; hands do not set.",
        mail_in: None,
        assessing: false,
    },
];

/// Realistic tickets booked in over the last days: some overdue for assessment, some mailed
/// in, one watch seen twice (its warranty follows the serial), names in Turkish and Chinese.
fn add_tickets(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let staff = shop.staff()?;
    let mut known: Vec<(&str, CustomerId)> = Vec::new();
    for (i, d) in INTAKES.iter().enumerate() {
        let by = staff[i % staff.len()].id;
        let at = now.checked_sub(jiff::SignedDuration::from_hours(24 * d.days_ago + 2)).unwrap_or(now);
        let customer = match known.iter().find(|(n, _)| *n == d.name) {
            Some((_, id)) => CustomerChoice::Existing { id: *id },
            None => CustomerChoice::New {
                details: CustomerDetails {
                    name: d.name.into(),
                    phone: d.phone.into(),
                    email: d.email.into(),
                    address: String::new(),
                },
            },
        };
        let form = IntakeForm {
            customer,
            details: IntakeDetails {
                device: Device {
                    kind: d.kind,
                    brand: d.brand.into(),
                    model: d.model.into(),
                    serial: d.serial.into(),
                    item_code: String::new(),
                    colour: String::new(),
                },
                purchase: PurchaseRecord {
                    order_number: if d.bought.is_some() { format!("CW-{}", 41_000 + i * 37) } else { String::new() },
                    purchase_date: d.bought.map(|(y, m, day)| jiff::civil::date(y, m, day)),
                    delivery_date: d
                        .bought
                        .map(|(y, m, day)| jiff::civil::date(y, m, day).saturating_add(jiff::Span::new().days(3))),
                    proof_seen: d.bought.is_some(),
                },
                fault: d.fault.into(),
                tried: String::new(),
                accessories: vec![Accessory::Strap],
                accessories_other: String::new(),
                condition: vec![ConditionFlag::Scratches],
                condition_notes: String::new(),
                arrival: match d.mail_in {
                    Some((carrier, tracking)) => Arrival::MailIn { carrier: carrier.into(), tracking: tracking.into() },
                    None => Arrival::WalkIn,
                },
                voiding: Voiding::default(),
            },
        };
        let ticket = shop.book_intake(by, &form, &[], at)?;
        known.push((d.name, ticket.customer));
        if d.assessing {
            shop.move_ticket(by, ticket.id, TicketState::Assessing, at)?;
        }
    }
    Ok(())
}
