//! The demo's drawers and signatures: a small parts catalogue (some parts low, one not in
//! stock), two repairs quoted from it and accepted at the counter (one holding its parts,
//! one waiting for a delivery), and signatures given on the screen: at those intakes, on
//! those acceptances and at each collection.

use caseback_domain::after_sale::Release;
use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::customer::CustomerDetails;
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::{Accessory, Arrival, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::signature::SignedDocument;
use caseback_domain::staff::{Role, StaffId};
use caseback_domain::stock::{Part, PartDraft, PartKind};
use caseback_domain::ticket::TicketState;
use caseback_domain::warranty::Voiding;
use caseback_domain::Amount;
use jiff::{SignedDuration, Timestamp};

use crate::error::Result;
use crate::Shop;

/// Part number, description, kind, fits, cost and price (HKD), drawer, on hand, low-stock level.
type Row = (&'static str, &'static str, PartKind, &'static str, i64, i64, &'static str, u32, u32);

const CATALOGUE: [Row; 10] = [
    (
        "SC-301",
        "Sapphire crystal 30.0 mm, flat",
        PartKind::Crystal,
        "Seiko SKX007, SRPD",
        8_000,
        28_000,
        "Drawer 1, box A",
        2,
        1,
    ),
    ("GS-28", "Case back gasket 28.0 mm", PartKind::Gasket, "Seiko 7S26 cases", 400, 2_500, "Drawer 1, box C", 40, 10),
    ("CR-7S26", "Crown and stem, steel", PartKind::Crown, "Seiko 7S26", 6_000, 18_000, "Drawer 2, box A", 3, 2),
    (
        "MS-2824",
        "Mainspring, genuine",
        PartKind::Mainspring,
        "ETA 2824-2, Sellita SW200",
        11_000,
        32_000,
        "Drawer 2, box D",
        1,
        2,
    ),
    ("R371", "Battery Renata 371 (SR920SW)", PartKind::Battery, "Quartz, 9.5 mm", 800, 4_000, "Battery tray", 24, 10),
    ("CR2025", "Battery CR2025 lithium", PartKind::Battery, "Casio, Citizen digital", 600, 3_500, "Battery tray", 3, 5),
    ("ST-20-BLK", "Leather strap 20 mm, black", PartKind::Strap, "20 mm lugs", 9_000, 26_000, "Strap rail", 6, 2),
    ("NH35A", "Movement Seiko NH35A", PartKind::Movement, "NH35, 4R35 cases", 42_000, 95_000, "Safe", 1, 1),
    (
        "AW6-BAT-44",
        "Battery, Apple Watch Series 6 44 mm",
        PartKind::Module,
        "Apple Watch Series 6, SE 44 mm",
        18_000,
        52_000,
        "Drawer 4",
        0,
        1,
    ),
    ("HD-7S26", "Hands set, silver", PartKind::Hand, "Seiko 7S26", 5_000, 15_000, "Drawer 2, box B", 2, 0),
];

pub(super) fn add_parts(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let ago = |hours: i64| now.checked_sub(SignedDuration::from_hours(hours)).unwrap_or(now);
    let staff = shop.staff()?;
    let manager = staff.iter().find(|m| m.role == Role::Manager).map_or(staff[0].id, |m| m.id);
    let mut parts = Vec::new();
    for (number, description, kind, fits, cost, price, location, on_hand, low_at) in CATALOGUE {
        let draft = PartDraft {
            number: number.into(),
            description: description.into(),
            kind,
            fits: fits.into(),
            cost: Amount(cost),
            price: Amount(price),
            supplier: if kind == PartKind::Battery { "Renata HK".into() } else { "Cousins UK".into() },
            location: location.into(),
            low_at,
        };
        parts.push(shop.add_part(manager, &draft, on_hand, ago(24 * 40))?);
    }
    let find = |n: &str| parts.iter().find(|p| p.draft.number == n).expect("a demo part").clone();

    // A diver's cracked crystal: the crystal and gasket held, the repair under way.
    let skx = intake(
        ("Chen Wei", "+86 138 0013 8000", "chen.wei@example.cn"),
        (DeviceKind::Mechanical, "Seiko", "SKX007", "7S26-0020"),
        "Crystal cracked after a knock; fogs inside.",
    );
    let lines = vec![
        labour("Replace the crystal and gasket, pressure test to 20 bar", 45_000),
        from(&find("SC-301"), 1),
        from(&find("GS-28"), 1),
    ];
    let skx = repair_from_catalogue(shop, manager, &skx, lines, 72, true, &ago)?;

    // A smartwatch battery not in stock: accepted, waiting for the delivery.
    let watch = intake(
        ("Elif Demir", "+90 533 712 44 10", "elif.demir@example.com.tr"),
        (DeviceKind::Smartwatch, "Apple", "Watch Series 6 44 mm", "GY6DK2LQ0W"),
        "Battery lasts under four hours; swollen back.",
    );
    let lines = vec![labour("Replace the battery, reseal the back", 38_000), from(&find("AW6-BAT-44"), 1)];
    let watch = repair_from_catalogue(shop, manager, &watch, lines, 30, false, &ago)?;
    // Each with a watchmaker, so their benches show what the repairs wait for.
    let bench: Vec<StaffId> = shop.staff()?.into_iter().filter(|m| m.role == Role::Watchmaker).map(|m| m.id).collect();
    for (ticket, who) in [(skx, bench.last()), (watch, bench.first())] {
        if let Some(who) = who {
            shop.assign_ticket(manager, ticket, Some(*who), ago(20))?;
        }
    }

    sign_collections(shop, manager)
}

fn intake(who: (&str, &str, &str), watch: (DeviceKind, &str, &str, &str), fault: &str) -> IntakeForm {
    IntakeForm {
        customer: CustomerChoice::New {
            details: CustomerDetails {
                name: who.0.into(),
                phone: who.1.into(),
                email: who.2.into(),
                address: String::new(),
            },
        },
        details: IntakeDetails {
            device: Device {
                kind: Some(watch.0),
                brand: watch.1.into(),
                model: watch.2.into(),
                serial: watch.3.into(),
                item_code: String::new(),
                colour: String::new(),
            },
            purchase: PurchaseRecord::default(),
            fault: fault.into(),
            tried: String::new(),
            accessories: vec![Accessory::Strap],
            accessories_other: String::new(),
            condition: vec![],
            condition_notes: String::new(),
            arrival: Arrival::WalkIn,
            voiding: Voiding::default(),
        },
    }
}

fn labour(description: &str, cents: i64) -> QuoteLine {
    QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: description.into(),
        quantity: Quantity::ONE,
        unit_price: Amount(cents),
        taxable: true,
        part: None,
    }
}

fn from(part: &Part, pieces: u32) -> QuoteLine {
    QuoteLine {
        kind: LineKind::Part,
        section: Section::Repair,
        description: part.name(),
        quantity: Quantity(pieces * 100),
        unit_price: part.draft.price,
        taxable: true,
        part: Some(part.id),
    }
}

/// Booked in `hours_ago` with the intake receipt signed on the screen, quoted from the
/// catalogue and accepted at the counter an hour later (the acceptance signed too).
fn repair_from_catalogue(
    shop: &mut Shop,
    by: StaffId,
    form: &IntakeForm,
    lines: Vec<QuoteLine>,
    hours_ago: i64,
    start: bool,
    ago: &dyn Fn(i64) -> Timestamp,
) -> Result<caseback_domain::ticket::TicketId> {
    let name = match &form.customer {
        CustomerChoice::New { details } => details.name.clone(),
        CustomerChoice::Existing { .. } => String::new(),
    };
    let ticket = shop.book_intake(by, form, &[], ago(hours_ago))?;
    shop.sign(by, ticket.id, SignedDocument::IntakeReceipt, &name, &ink(&name), ago(hours_ago))?;
    let assessment = Assessment {
        findings: "Parts worn or damaged; not a manufacturing defect.".into(),
        decision: WarrantyDecision::NotCovered(NotCoveredReason::Impact),
        photos: vec![],
    };
    shop.record_assessment(by, ticket.id, &assessment, ago(hours_ago - 1))?;
    let draft = QuotationDraft { lines, timeline_working_days: 3, parts_returned: false };
    let q = shop.issue_quotation(by, ticket.id, &draft, ago(hours_ago - 1))?;
    let answer = WrittenAnswer {
        channel: ConfirmationChannel::SignedInStore,
        reference: "Signed at the counter".into(),
        scan: None,
        cosmetic_accepted: false,
    };
    shop.answer_quotation(by, ticket.id, q.number.revision, true, &answer, ago(hours_ago - 2))?;
    shop.sign(by, ticket.id, SignedDocument::QuotationAcceptance, &name, &ink(&name), ago(hours_ago - 2))?;
    if start {
        shop.move_ticket(by, ticket.id, TicketState::InRepair, ago(hours_ago - 20))?;
    }
    Ok(ticket.id)
}

/// Each watch collected at the counter, signed for on the screen when it was handed over.
fn sign_collections(shop: &mut Shop, by: StaffId) -> Result<()> {
    for row in shop.tickets_in_state(TicketState::Collected, 100)? {
        let Some((Release::Collected(c), _)) = shop.after_sale(row.id, Timestamp::now())?.release else { continue };
        let handed_over = shop
            .history(Subject::Ticket, &row.number.to_string())?
            .into_iter()
            .find(|e| e.action == Action::TicketCollected)
            .map(|e| e.at);
        if let Some(at) = handed_over {
            shop.sign(by, row.id, SignedDocument::CollectionReceipt, &c.collected_by, &ink(&c.collected_by), at)?;
        }
    }
    Ok(())
}

/// A signature-like stroke, different for each name: loops along a line, as a pen draws
/// them, in dark blue ink on white (the PNG a signature pad gives).
fn ink(name: &str) -> Vec<u8> {
    let (w, h) = (480u32, 150u32);
    let mut img = image::RgbImage::from_pixel(w, h, image::Rgb([255, 255, 255]));
    let seed: u32 = name.chars().map(u32::from).fold(7, |a, c| a.wrapping_mul(31).wrapping_add(c));
    let loops = 5.0 + f32::from((seed % 4) as u8);
    let tall = 28.0 + (seed % 17) as f32;
    let mut dot = |x: f32, y: f32| {
        for dx in -1i32..=1 {
            for dy in -1i32..=1 {
                let (px, py) = (x as i32 + dx, y as i32 + dy);
                if px >= 0 && py >= 0 && (px as u32) < w && (py as u32) < h {
                    img.put_pixel(px as u32, py as u32, image::Rgb([27, 42, 74]));
                }
            }
        }
    };
    let steps = 2400;
    for i in 0..steps {
        let t = i as f32 / steps as f32;
        let phase = t * loops * std::f32::consts::TAU;
        let x = 30.0 + t * 400.0 + 14.0 * phase.cos();
        let y = 80.0 - tall * phase.sin() * (1.0 - 0.5 * t) + 10.0 * t;
        dot(x, y);
    }
    // The underline a hand adds at the end.
    for i in 0..300 {
        let t = i as f32 / 300.0;
        dot(60.0 + t * 360.0, 120.0 - 6.0 * (t * 3.0).sin());
    }
    let mut bytes = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).expect("a PNG in memory");
    bytes
}
