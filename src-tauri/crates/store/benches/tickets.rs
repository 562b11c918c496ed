//! Budgets from the intake issue: search over 100,000 tickets under 10 ms median; saving an
//! intake under 5 ms. Run with `cargo bench -p caseback-store`.

use caseback_domain::customer::CustomerDetails;
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::intake::{Arrival, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::presets::PresetId;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::ticket::{TicketNumber, TicketState};
use caseback_domain::warranty::{self, Voiding};
use caseback_domain::{search, Currency, Settings};
use caseback_store::{customers, tickets, DataFolder, Shop};
use criterion::{criterion_group, criterion_main, Criterion};
use jiff::civil::date;
use jiff::Timestamp;

const NAMES: [&str; 12] = ["Ayşe", "Çağrı", "Mei", "Tom", "María", "Li", "Sam", "Öykü", "Wei", "José", "Emma", "Hiro"];
const SURNAMES: [&str; 10] = ["Yılmaz", "Öztürk", "Chan", "Richards", "Núñez", "Wong", "王", "陳", "Smith", "Tanaka"];
const MODELS: [(&str, &str); 6] = [
    ("KOSPET", "Tank T3"),
    ("Seiko", "Presage"),
    ("Casio", "Sheen"),
    ("Omega", "Seamaster"),
    ("GLORY", "PRO"),
    ("Tissot", "PRX"),
];

fn details(i: usize) -> (CustomerDetails, IntakeDetails) {
    let customer = CustomerDetails {
        name: format!("{} {} {i}", NAMES[i % NAMES.len()], SURNAMES[(i / 12) % SURNAMES.len()]),
        phone: format!("+852 {:04} {:04}", 5000 + i / 10_000, i % 10_000),
        email: format!("customer{i}@example.com"),
        address: String::new(),
    };
    let (brand, model) = MODELS[i % MODELS.len()];
    let details = IntakeDetails {
        device: Device {
            kind: DeviceKind::Smartwatch,
            brand: brand.into(),
            model: model.into(),
            serial: format!("SN-{i:07}"),
            item_code: String::new(),
            colour: String::new(),
        },
        purchase: PurchaseRecord {
            order_number: format!("ORD-{:06}", i * 7),
            purchase_date: Some(date(2026, 1, 1)),
            ..PurchaseRecord::default()
        },
        fault: "Does not charge".into(),
        tried: String::new(),
        accessories: vec![],
        accessories_other: String::new(),
        condition: vec![],
        condition_notes: String::new(),
        arrival: Arrival::WalkIn,
        voiding: Voiding::default(),
    };
    (customer, details)
}

fn shop_with(n: usize) -> (tempfile::TempDir, Shop) {
    let dir = tempfile::tempdir().unwrap();
    let mut shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
    let settings = Settings::new("Bench", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong");
    let now: Timestamp = "2026-11-20T02:00:00Z".parse().unwrap();
    shop.set_up(&settings, &["Mei Chan".into()], now).unwrap();
    // Bulk load through the table modules in one transaction: the same rows intake writes.
    let conn = shop.connection();
    conn.execute_batch("BEGIN").unwrap();
    for i in 0..n {
        let (customer, details) = details(i);
        let customer_id = customers::insert(conn, &customer, now).unwrap();
        let number = TicketNumber { year: 2026, seq: i as u32 + 1 };
        let check = warranty::check(&settings.policy, &details.purchase, date(2026, 11, 20), &details.voiding);
        let ticket = Ticket {
            id: TicketId(0),
            number,
            state: TicketState::Received,
            customer: customer_id,
            warranty: check,
            received_at: now,
            received_on: date(2026, 11, 20),
            assessment_due: date(2026, 11, 24),
            photos: vec![],
            details,
        };
        let haystack = search::ticket_haystack(number, &customer, &ticket.details.device, &ticket.details.purchase);
        tickets::insert(conn, &ticket, &haystack).unwrap();
    }
    conn.execute("INSERT INTO ticket_numbers (year, last_seq) VALUES (2026, ?1)", [n as i64]).unwrap();
    conn.execute_batch("COMMIT").unwrap();
    (dir, shop)
}

fn search_100k(c: &mut Criterion) {
    let (_dir, shop) = shop_with(100_000);
    let mut group = c.benchmark_group("search 100k tickets");
    for (name, query) in [
        ("name", "ayse yilmaz 4242"),
        ("phone", "+852 5004 2424"),
        ("number", "R-2026-04242"),
        ("serial", "sn-0042424"),
        ("partial", "04242"),
        ("no query", ""),
    ] {
        assert!(!shop.search_tickets(query, None, 200).unwrap().is_empty(), "{query} finds something");
        group.bench_function(name, |b| b.iter(|| shop.search_tickets(query, None, 200).unwrap()));
    }
    group.finish();
}

fn save_intake(c: &mut Criterion) {
    let (_dir, mut shop) = shop_with(1_000);
    let by = shop.staff().unwrap()[0].id;
    let now: Timestamp = "2026-11-20T02:00:00Z".parse().unwrap();
    let mut i = 1_000_000;
    c.bench_function("save an intake", |b| {
        b.iter(|| {
            i += 1;
            let (customer, details) = details(i);
            let form = IntakeForm { customer: CustomerChoice::New { details: customer }, details };
            shop.book_intake(by, &form, &[], now).unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = search_100k, save_intake
}
criterion_main!(benches);
