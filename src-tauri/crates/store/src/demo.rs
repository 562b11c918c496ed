//! The demo shop: a realistic shop to explore, in its own folder, never mixed with real data.

use std::path::Path;

use caseback_domain::assessment::{Assessment, CoveredReason, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::customer::{CustomerDetails, CustomerId};
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::intake::{Accessory, Arrival, ConditionFlag, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::presets::PresetId;
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::ticket::TicketState;
use caseback_domain::warranty::Voiding;
use caseback_domain::Amount;
use caseback_domain::{Currency, Settings};
use jiff::Timestamp;

use caseback_domain::DomainError;

use crate::demo_repairs::{customer_address, finish_repair, AfterRepair, Leave, Pay};
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
        ("policy.exchange_fee", "20"),
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
        crate::demo_returns::add_returns(&mut shop, now)?;
        // Expiry and the end of holds, as the app would apply them today.
        shop.apply_clock(now)?;
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
    then: Then,
}

/// What happened to a demo ticket after intake, in days before now.
#[derive(Clone, Copy)]
enum Then {
    Nothing,
    Assessing,
    Covered {
        days_ago: i64,
    },
    Quoted {
        days_ago: i64,
    },
    Accepted {
        quoted: i64,
        answered: i64,
        in_repair: bool,
    },
    Declined {
        quoted: i64,
        answered: i64,
    },
    /// Repaired `repaired` days ago, then what followed.
    Repaired {
        covered: bool,
        repaired: i64,
        after: AfterRepair,
    },
}

const fn repaired(repaired: i64, notice: Option<i64>, pay: Pay, ship: bool, leave: Leave) -> Then {
    Then::Repaired { covered: false, repaired, after: AfterRepair { notice, pay, ship, leave } }
}

const INTAKES: [DemoIntake; 19] = [
    DemoIntake {
        days_ago: 24,
        name: "Kemal Aydın",
        phone: "+90 532 600 11 22",
        email: "kemal.aydin@example.com.tr",
        kind: DeviceKind::Mechanical,
        brand: "Orient",
        model: "Bambino V2",
        serial: "F6724-0C10",
        bought: Some((2021, 5, 10)),
        fault: "Hands stop at night; winding feels gritty.",
        mail_in: None,
        then: Then::Quoted { days_ago: 21 },
    },
    DemoIntake {
        days_ago: 19,
        name: "Lam Ka Yan",
        phone: "+852 9012 3344",
        email: "kayan.lam@example.hk",
        kind: DeviceKind::Quartz,
        brand: "Citizen",
        model: "Eco-Drive BM7100",
        serial: "E111-S112233",
        bought: Some((2020, 12, 1)),
        fault: "Does not hold a charge after a day in a drawer.",
        mail_in: None,
        then: Then::Quoted { days_ago: 15 },
    },
    DemoIntake {
        days_ago: 14,
        name: "Hannah Becker",
        phone: "+49 151 2345 6789",
        email: "hannah.becker@example.de",
        kind: DeviceKind::Mechanical,
        brand: "Tudor",
        model: "Black Bay 58",
        serial: "M79030N-0001",
        bought: Some((2019, 4, 3)),
        fault: "Bezel slips; crown hard to screw down.",
        mail_in: Some(("FedEx", "7712 3456 7890")),
        then: Then::Accepted { quoted: 12, answered: 10, in_repair: true },
    },
    DemoIntake {
        days_ago: 12,
        name: "Priya Natarajan",
        phone: "+91 98450 12345",
        email: "priya.n@example.in",
        kind: DeviceKind::Smartwatch,
        brand: "KOSPET",
        model: "Tank M2",
        serial: "KPM2-88120-447",
        bought: Some((2026, 6, 18)),
        fault: "Touch screen unresponsive along the left edge.",
        mail_in: None,
        then: Then::Covered { days_ago: 10 },
    },
    DemoIntake {
        days_ago: 11,
        name: "Zhang Wei 张伟",
        phone: "+86 139 1234 5678",
        email: "",
        kind: DeviceKind::Quartz,
        brand: "Seiko",
        model: "Lukia SSQV",
        serial: "SSQV-3321",
        bought: None,
        fault: "Crystal cracked; asks for a price.",
        mail_in: None,
        then: Then::Declined { quoted: 9, answered: 7 },
    },
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
        then: Then::Quoted { days_ago: 8 },
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
        then: Then::Nothing,
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
        then: Then::Assessing,
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
        then: Then::Nothing,
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
        then: Then::Nothing,
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
        then: Then::Nothing,
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
        then: Then::Nothing,
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
        then: Then::Nothing,
    },
    DemoIntake {
        days_ago: 30,
        name: "Chan Tai Man",
        phone: "+852 6123 4567",
        email: "taiman.chan@example.hk",
        kind: DeviceKind::Mechanical,
        brand: "Tudor",
        model: "Black Bay 58",
        serial: "M79030N-0482",
        bought: Some((2019, 8, 2)),
        fault: "Runs 40 s/day fast; bezel stiff.",
        mail_in: None,
        then: repaired(13, Some(12), Pay::Deposit, false, Leave::Stays),
    },
    DemoIntake {
        days_ago: 22,
        name: "Priya Raman",
        phone: "+65 8123 4567",
        email: "priya.raman@example.sg",
        kind: DeviceKind::Mechanical,
        brand: "Seiko",
        model: "Presage SRPB41",
        serial: "4R35-01X0",
        bought: Some((2020, 2, 14)),
        fault: "Date does not change at midnight.",
        mail_in: Some(("DHL", "JD014600006281234567")),
        then: repaired(6, Some(3), Pay::InFull, true, Leave::Stays),
    },
    DemoIntake {
        days_ago: 20,
        name: "Wong Siu Ling",
        phone: "+852 9876 1234",
        email: "",
        kind: DeviceKind::Quartz,
        brand: "Longines",
        model: "DolceVita",
        serial: "L5.255.4",
        bought: Some((2018, 3, 9)),
        fault: "Stops at random; crown loose.",
        mail_in: None,
        then: repaired(4, Some(2), Pay::Nothing, false, Leave::Stays),
    },
    DemoIntake {
        days_ago: 16,
        name: "Mehmet Demir",
        phone: "+90 533 777 88 99",
        email: "mehmet.demir@example.com.tr",
        kind: DeviceKind::Mechanical,
        brand: "Hamilton",
        model: "Khaki Field Mechanical",
        serial: "H694390-77",
        bought: Some((2022, 1, 5)),
        fault: "Crystal cracked; hand wind slips.",
        mail_in: None,
        then: repaired(1, None, Pay::Nothing, false, Leave::Stays),
    },
    DemoIntake {
        days_ago: 26,
        name: "Sarah O'Neill",
        phone: "+353 87 123 4567",
        email: "sarah.oneill@example.ie",
        kind: DeviceKind::Mechanical,
        brand: "Oris",
        model: "Aquis Date",
        serial: "01 733 7730",
        bought: Some((2021, 11, 30)),
        fault: "Water resistance test failed; needs new gaskets.",
        mail_in: None,
        then: repaired(9, Some(8), Pay::InFull, false, Leave::Collected),
    },
    DemoIntake {
        days_ago: 18,
        name: "Zhang Wei",
        phone: "+86 139 1234 5678",
        email: "zhang.wei@example.cn",
        kind: DeviceKind::Smartwatch,
        brand: "KOSPET",
        model: "Tank M2",
        serial: "KPM2-8812-0301",
        bought: Some((2026, 6, 1)),
        fault: "Touch screen unresponsive in the lower half.",
        mail_in: Some(("China Post", "EA123456785CN")),
        then: Then::Repaired {
            covered: true,
            repaired: 5,
            after: AfterRepair { notice: Some(5), pay: Pay::Nothing, ship: true, leave: Leave::Dispatched },
        },
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
                    address: customer_address(d.name).into(),
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
        let ago = |days: i64| now.checked_sub(jiff::SignedDuration::from_hours(24 * days)).unwrap_or(now);
        let assess = |covered: bool| Assessment {
            findings: if covered {
                "Display connector defect from the factory; no sign of impact or water."
            } else {
                "Worn and damaged parts; not a manufacturing defect."
            }
            .into(),
            decision: if covered {
                WarrantyDecision::Covered(CoveredReason::ManufacturingDefect)
            } else {
                WarrantyDecision::NotCovered(NotCoveredReason::Wear)
            },
            photos: vec![],
        };
        let answer = |reference: &str| WrittenAnswer {
            channel: ConfirmationChannel::EmailReply,
            reference: reference.into(),
            scan: None,
            cosmetic_accepted: false,
        };
        match d.then {
            Then::Nothing => {}
            Then::Assessing => {
                shop.move_ticket(by, ticket.id, TicketState::Assessing, at)?;
            }
            Then::Covered { days_ago } => {
                shop.record_assessment(by, ticket.id, &assess(true), ago(days_ago))?;
            }
            Then::Quoted { days_ago } => {
                shop.record_assessment(by, ticket.id, &assess(false), ago(days_ago))?;
                shop.issue_quotation(by, ticket.id, &demo_quote(), ago(days_ago))?;
            }
            Then::Accepted { quoted, answered, in_repair } => {
                shop.record_assessment(by, ticket.id, &assess(false), ago(quoted))?;
                let q = shop.issue_quotation(by, ticket.id, &demo_quote(), ago(quoted))?;
                shop.answer_quotation(by, ticket.id, 1, true, &answer(&format!("Re: {}", q.number)), ago(answered))?;
                if in_repair {
                    shop.move_ticket(by, ticket.id, TicketState::InRepair, ago(answered))?;
                }
            }
            Then::Declined { quoted, answered } => {
                shop.record_assessment(by, ticket.id, &assess(false), ago(quoted))?;
                let q = shop.issue_quotation(by, ticket.id, &demo_quote(), ago(quoted))?;
                shop.answer_quotation(
                    by,
                    ticket.id,
                    1,
                    false,
                    &answer(&format!("Re: {} (too expensive)", q.number)),
                    ago(answered),
                )?;
            }
            Then::Repaired { covered, repaired, after } => {
                let started = ago(repaired + 6);
                shop.record_assessment(by, ticket.id, &assess(covered), started)?;
                if !covered {
                    let q = shop.issue_quotation(by, ticket.id, &demo_quote(), started)?;
                    shop.answer_quotation(by, ticket.id, 1, true, &answer(&format!("Re: {}", q.number)), started)?;
                }
                shop.move_ticket(by, ticket.id, TicketState::InRepair, started)?;
                finish_repair(shop, by, ticket.id, customer_address(d.name), ago(repaired), after, &ago)?;
            }
        }
    }
    Ok(())
}

fn demo_quote() -> QuotationDraft {
    let line = |kind, description: &str, quantity, cents, taxable| QuoteLine {
        kind,
        section: Section::Repair,
        description: description.into(),
        quantity: Quantity(quantity),
        unit_price: Amount(cents),
        taxable,
    };
    QuotationDraft {
        lines: vec![
            line(LineKind::Labour, "Full service: strip, clean, lubricate, regulate", 100, 88_000, true),
            line(LineKind::Part, "Mainspring (genuine)", 100, 32_000, true),
            line(LineKind::PartSourcingFee, "Sourcing from the maker", 100, 8_000, false),
            QuoteLine {
                section: Section::Cosmetic,
                ..line(LineKind::Labour, "Case and bracelet polish", 100, 45_000, true)
            },
        ],
        timeline_working_days: 7,
        parts_returned: false,
    }
}
