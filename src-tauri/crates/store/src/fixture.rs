//! The test shop the store's tests, the desk's and the app's tests and the store's bench
//! all build on, so each starts from the same shop: compiled only with the `fixture`
//! feature, never into the app. Fixtures panic on failure, as the tests they serve would.

use std::path::Path;

pub mod smtp;

use crate::sql::Db;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::intake::{Arrival, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::presets::PresetId;
use caseback_domain::returns::{Package, ReturnCase, ReturnForm};
use caseback_domain::staff::{RosterEntry, StaffId};
use caseback_domain::ticket::{Ticket, TicketId, TicketNumber, TicketState};
use caseback_domain::warranty::{self, Voiding};
use caseback_domain::{search, Currency, Settings};
use jiff::civil::date;
use jiff::Timestamp;

use crate::error::Result;
use crate::sql::Engine;
use crate::tables::{customers, events, ticket_numbers, ticket_search, tickets};
use crate::{DataFolder, Shop};

/// The one staff member of the test shop.
pub const STAFF: &str = "Mei Chan";

/// An HKD shop in Hong Kong (its address and phone given) on the lx-watch policy with one
/// staff member (Mei Chan), set up at `now` in `dir`.
pub fn new_shop(dir: &Path, now: Timestamp) -> (Shop, StaffId) {
    let mut shop = Shop::open(DataFolder::lock(dir).expect("the test folder locks")).expect("the test shop opens");
    set_up_test_shop(&mut shop, now);
    let by = shop.staff().expect("staff")[0].id;
    (shop, by)
}

fn set_up_test_shop(shop: &mut Shop, now: Timestamp) {
    shop.set_up(&test_settings(), &[STAFF.into()], now).expect("the test shop sets up");
}

/// The test shop's settings: Kowloon Time Care, HKD, lx-watch, its address and phone.
pub fn test_settings() -> Settings {
    let mut s = Settings::new(
        "Kowloon Time Care",
        Currency::from_code("HKD").expect("HKD"),
        PresetId::LxWatch,
        "Asia/Hong_Kong",
    );
    // Set-up asks for both: a return label and the RMA instructions print them.
    s.shop.address = "Shop 12, 88 Nathan Road\nTsim Sha Tsui, Kowloon".into();
    s.shop.phone = "+852 2345 6789".into();
    s
}

/// `new_shop` on `engine`: in `dir`'s SQLite file, or on a new database of the test server
/// (`CASEBACK_TEST_POSTGRES`; without it the test fails, saying how to start one).
pub fn new_shop_on(engine: Engine, dir: &Path, now: Timestamp) -> (Shop, StaffId) {
    if engine == Engine::Sqlite {
        return new_shop(dir, now);
    }
    let folder = DataFolder::lock(dir).expect("the test folder locks");
    let (_, pg) = empty_postgres_database().expect(NO_POSTGRES);
    let mut shop = Shop::open_shared(folder, pg).expect("the shared test shop opens");
    set_up_test_shop(&mut shop, now);
    let by = shop.staff().expect("staff")[0].id;
    (shop, by)
}

/// Both engines, SQLite first: a store test's body runs on each (`for engine in ENGINES`).
pub const ENGINES: [Engine; 2] = [Engine::Sqlite, Engine::Postgres];

/// Runs `body` once on each engine with a new test shop (`new_shop_on`) in its own
/// temporary folder, saying which engine a failure happened on.
pub fn on_each_engine(now: Timestamp, body: impl Fn(&mut Shop, StaffId, &Path)) {
    for engine in ENGINES {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (mut shop, by) = new_shop_on(engine, dir.path(), now);
        let run = std::panic::AssertUnwindSafe(|| body(&mut shop, by, dir.path()));
        if let Err(panic) = std::panic::catch_unwind(run) {
            eprintln!("(the failure above was on {engine:?})");
            std::panic::resume_unwind(panic);
        }
    }
}

/// `new_shop` in a new temporary folder, removed when the returned guard drops.
pub fn temp_shop(now: Timestamp) -> (tempfile::TempDir, Shop, StaffId) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (shop, by) = new_shop(dir.path(), now);
    (dir, shop, by)
}

/// A new customer walking in with a quartz watch and `fault`.
pub fn walk_in(name: &str, fault: &str) -> IntakeForm {
    IntakeForm {
        customer: CustomerChoice::New {
            details: CustomerDetails { name: name.into(), phone: "+852 6123 4567".into(), ..Default::default() },
        },
        details: IntakeDetails {
            device: Device {
                kind: Some(DeviceKind::Quartz),
                brand: "Seiko".into(),
                model: "SNE".into(),
                ..Device::default()
            },
            fault: fault.into(),
            ..IntakeDetails::default()
        },
    }
}

/// Switches the shop to SOFTERSPOT's policy (exchanges within 45 days, for 50% of the
/// price), saved by Mei Chan at `now`.
pub fn on_softerspot_policy(shop: &mut Shop, by: StaffId, now: Timestamp) {
    let mut settings = shop.settings().expect("settings");
    settings.policy = PresetId::Softerspot.policy();
    let roster = [RosterEntry { id: Some(by), name: STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, now).expect("the policy saves");
}

/// A return requested and authorized at `requested`, its package in with its code at
/// `arrived`.
pub fn received_return(
    shop: &mut Shop,
    by: StaffId,
    form: &ReturnForm,
    requested: Timestamp,
    arrived: Timestamp,
) -> ReturnCase {
    let case = shop.request_return(by, form, requested).expect("the request is recorded");
    let case = shop.authorize_return(by, case.id, None, requested).expect("the return is authorized");
    let code = case.rma.expect("an RMA code").code.to_string();
    shop.receive_package(by, Some(&code), &Package::default(), arrived).expect("the package is received")
}

/// Rows in the event log.
pub fn event_count(conn: &Db) -> Result<i64> {
    events::count(conn)
}

/// Takes `year`'s next ticket number on `conn` (inside the caller's transaction), as a
/// booking does: for tests of two writers at once.
pub fn next_ticket_number(conn: &Db, year: i16) -> Result<TicketNumber> {
    ticket_numbers::next(conn, conn.branch(), year)
}

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

fn numbered(i: usize) -> (CustomerDetails, IntakeDetails) {
    let customer = CustomerDetails {
        name: format!("{} {} {i}", NAMES[i % NAMES.len()], SURNAMES[(i / 12) % SURNAMES.len()]),
        phone: format!("+852 {:04} {:04}", 5000 + i / 10_000, i % 10_000),
        email: format!("customer{i}@example.com"),
        address: String::new(),
    };
    let (brand, model) = MODELS[i % MODELS.len()];
    let details = IntakeDetails {
        device: Device {
            kind: Some(DeviceKind::Smartwatch),
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

/// The `i`th of many different walk-ins (a new customer with a smartwatch), as
/// `bulk_tickets` books them.
pub fn numbered_intake(i: usize) -> IntakeForm {
    let (customer, details) = numbered(i);
    IntakeForm { customer: CustomerChoice::New { details: customer }, details }
}

/// Books `n` tickets (`numbered_intake(0..n)`, numbered R-2026-00001 on) into a new shop on
/// 20 November 2026, in one transaction: the rows a booking writes, without its checks and
/// event-log entries, many rows to a statement, so a million load in minutes on either
/// engine. For the bench and list tests only.
pub fn bulk_tickets(shop: &mut Shop, n: usize) {
    bulk_load(shop, n, |_| (TicketState::Received, 0));
}

/// `bulk_tickets` as a shop open for years looks: only the newest `open` tickets are open,
/// booked over the last 60 days (those of the last five days are waiting for their
/// assessment, those of the two days before overdue for it, the rest in repair); the others
/// were collected. For the bench's Today.
pub fn bulk_tickets_mostly_closed(shop: &mut Shop, n: usize, open: usize) {
    let first_open = n.saturating_sub(open);
    bulk_load(shop, n, |i| {
        let Some(k) = i.checked_sub(first_open) else { return (TicketState::Collected, 61) };
        let days_ago = ((open - 1 - k) * 60 / open) as i64;
        let state = match days_ago {
            0..=4 => TicketState::Received,
            5..=6 => TicketState::Assessing,
            _ => TicketState::InRepair,
        };
        (state, days_ago)
    });
}

/// Loads `n` numbered tickets, the `i`th in the state `plan(i)` says, booked that many days
/// before 20 November 2026 (its assessment due four days after).
fn bulk_load(shop: &mut Shop, n: usize, plan: impl Fn(usize) -> (TicketState, i64)) {
    /// Rows to a statement: within both engines' limits on parameters (tickets have 14).
    const CHUNK: usize = 500;
    let settings = shop.settings().expect("settings");
    let now: Timestamp = "2026-11-20T02:00:00Z".parse().expect("an instant");
    let today = date(2026, 11, 20);
    let tx = shop.db.transaction().expect("a transaction");
    let next_id = |table: &str| -> i64 {
        tx.value::<i64>(&format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"), &[]).expect("the next id")
    };
    let (first_customer, first_ticket) = (next_id("customers"), next_id("tickets"));
    for start in (0..n).step_by(CHUNK) {
        let (mut people, mut booked, mut texts) = (Vec::new(), Vec::new(), Vec::new());
        for i in start..n.min(start + CHUNK) {
            let (customer, details) = numbered(i);
            let (state, days_ago) = plan(i);
            let received_on = today.checked_sub(jiff::Span::new().days(days_ago)).expect("a date");
            let number = TicketNumber { branch: None, year: 2026, seq: i as u32 + 1 };
            let ticket = Ticket {
                id: TicketId(first_ticket + i as i64),
                number,
                state,
                customer: caseback_domain::customer::CustomerId(first_customer + i as i64),
                warranty: warranty::check(&settings.policy, &details.purchase, received_on, &details.voiding),
                received_at: now.checked_sub(jiff::SignedDuration::from_hours(24 * days_ago)).expect("an instant"),
                received_on,
                assessment_due: received_on.checked_add(jiff::Span::new().days(4)).expect("a date"),
                photos: vec![],
                details,
            };
            texts.push((
                ticket.id,
                search::ticket_haystack(number, &customer, &ticket.details.device, &ticket.details.purchase),
            ));
            people.push((ticket.customer, customer));
            booked.push(ticket);
        }
        customers::insert_many(&tx, &people, now).expect("the customers");
        tickets::insert_many(&tx, &booked).expect("the tickets");
        ticket_search::insert_many(&tx, &texts).expect("their search text");
    }
    ticket_numbers::insert(&tx, 2026, n as u32).expect("the numbers taken");
    if tx.engine() == Engine::Postgres {
        // The ids were given, so the identity columns are told where their next one starts.
        for table in ["customers", "tickets"] {
            let sql = format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))");
            tx.exec(&sql, &[]).expect("the identity moved on");
        }
    }
    tx.commit().expect("the tickets commit");
    if shop.db.engine() == Engine::Postgres {
        // What autovacuum would have done by the time a shop has this many tickets: the
        // planner's statistics, the visibility map, the trigram indexes' pending entries merged.
        shop.db.batch("VACUUM ANALYZE customers, tickets, ticket_search").expect("vacuumed");
    }
}

/// A customer handing in a Seiko Presage SRPB41 (mechanical, serial 4R35-01T0) with `fault`.
pub fn presage(name: &str, phone: &str, fault: &str) -> IntakeForm {
    IntakeForm {
        customer: CustomerChoice::New {
            details: CustomerDetails { name: name.into(), phone: phone.into(), ..CustomerDetails::default() },
        },
        details: IntakeDetails {
            device: Device {
                kind: Some(DeviceKind::Mechanical),
                brand: "Seiko".into(),
                model: "Presage SRPB41".into(),
                serial: "4R35-01T0".into(),
                ..Device::default()
            },
            fault: fault.into(),
            ..IntakeDetails::default()
        },
    }
}

/// Assesses ticket `id` (not covered: impact) and quotes it one untaxed labour line of
/// `cents` on `quoted`, then records the customer's written acceptance on `accepted`: the
/// ticket is Approved.
pub fn quoted_and_accepted(
    shop: &mut Shop,
    by: StaffId,
    id: TicketId,
    cents: i64,
    quoted: Timestamp,
    accepted: Timestamp,
) {
    use caseback_domain::quotation::ConfirmationChannel;
    quote_and_accept(shop, by, id, vec![labour_line(cents)], ConfirmationChannel::EmailReply, quoted, accepted);
}

/// One untaxed labour line of `cents` in the repair section.
pub fn labour_line(cents: i64) -> caseback_domain::quotation::QuoteLine {
    use caseback_domain::quotation::{LineKind, Quantity, QuoteLine, Section};
    QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Balance staff and service".into(),
        quantity: Quantity::ONE,
        unit_price: caseback_domain::Amount(cents),
        taxable: false,
        part: None,
    }
}

/// Assesses ticket `id` (not covered: impact) and quotes it `lines` on `at`: the ticket
/// waits for the customer's answer.
pub fn quote(
    shop: &mut Shop,
    by: StaffId,
    id: TicketId,
    lines: Vec<caseback_domain::quotation::QuoteLine>,
    at: Timestamp,
) -> caseback_domain::quotation::Quotation {
    use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision};
    use caseback_domain::quotation::QuotationDraft;
    let decision = WarrantyDecision::NotCovered(NotCoveredReason::Impact);
    let assessment = Assessment { findings: "Broken balance staff".into(), decision, photos: vec![] };
    shop.record_assessment(by, id, &assessment, at).expect("assessed");
    let draft = QuotationDraft { lines, timeline_working_days: 3, parts_returned: false };
    shop.issue_quotation(by, id, &draft, at).expect("quoted")
}

/// Assesses ticket `id` (not covered: impact), quotes it `lines` on `quoted` and records
/// the customer's written acceptance by `channel` on `accepted`: the ticket is Approved.
pub fn quote_and_accept(
    shop: &mut Shop,
    by: StaffId,
    id: TicketId,
    lines: Vec<caseback_domain::quotation::QuoteLine>,
    channel: caseback_domain::quotation::ConfirmationChannel,
    quoted: Timestamp,
    accepted: Timestamp,
) -> caseback_domain::quotation::QuotationNumber {
    use caseback_domain::assessment::WrittenAnswer;
    let q = quote(shop, by, id, lines, quoted);
    let answer =
        WrittenAnswer { channel, reference: format!("Re: {}", q.number), scan: None, cosmetic_accepted: false };
    shop.answer_quotation(by, id, q.number.revision, true, &answer, accepted).expect("accepted");
    q.number
}

/// What a test on PostgreSQL says when there is no server to run it on.
pub const NO_POSTGRES: &str = "CASEBACK_TEST_POSTGRES is not set, so the PostgreSQL tests have no server. Start a \
     throwaway one with `eval \"$(scripts/test-postgres)\"` (it prints the variable and how to stop the server; \
     scripts/test does this itself), then run the tests again.";

/// The test server's connection string (`host=/tmp/x port=55432 user=caseback dbname=postgres`),
/// from `CASEBACK_TEST_POSTGRES`; `None` when it is not set.
pub fn postgres_url() -> Option<String> {
    std::env::var("CASEBACK_TEST_POSTGRES").ok().filter(|url| !url.trim().is_empty())
}

/// A connection to the database at `url`.
pub fn connect_postgres(url: &str) -> crate::sql::pg::Pg {
    let config: postgres::Config = url.parse().unwrap_or_else(|e| panic!("the connection string {url:?}: {e}"));
    crate::sql::pg::Pg::connect(config).unwrap_or_else(|e| panic!("connecting to {url:?}: {e}"))
}

/// A new, empty database on the test server (`t_<pid>_<n>`), and its connection string;
/// `None` when `CASEBACK_TEST_POSTGRES` is not set. Databases are left on the server, which
/// is thrown away after the run.
pub fn empty_postgres_database() -> Option<(String, crate::sql::pg::Pg)> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let server = postgres_url()?;
    let name = format!("t_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let config: postgres::Config = server.parse().unwrap_or_else(|e| panic!("CASEBACK_TEST_POSTGRES {server:?}: {e}"));
    let mut admin = config
        .connect(postgres::NoTls)
        .unwrap_or_else(|e| panic!("connecting to CASEBACK_TEST_POSTGRES {server:?}: {e}"));
    // One left by an earlier run whose process had this id (that process is gone).
    // Two statements: neither may run inside a transaction block.
    for sql in [format!("DROP DATABASE IF EXISTS {name}"), format!("CREATE DATABASE {name}")] {
        admin
            .batch_execute(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {}", e.as_db_error().map_or(e.to_string(), |d| d.to_string())));
    }
    let url = with_database(&server, &name);
    let pg = connect_postgres(&url);
    Some((url, pg))
}

/// `empty_postgres_database`, migrated to the latest schema: a new shared database as a
/// shop's set-up or a data move starts from.
pub fn fresh_postgres_database() -> Option<(String, Db)> {
    let (url, pg) = empty_postgres_database()?;
    let db = crate::db_postgres::open(pg).unwrap_or_else(|e| panic!("migrating {url:?}: {e}"));
    Some((url, db))
}

/// The connection string `server` with its database replaced by `name`, in either form
/// (`key=value …` or `postgresql://…/db?…`).
fn with_database(server: &str, name: &str) -> String {
    let Some(scheme_end) = server.find("://") else {
        // A later key wins over an earlier one.
        return format!("{server} dbname={name}");
    };
    let (base, query) = server.split_once('?').map_or((server, None), |(b, q)| (b, Some(q)));
    let base = match base[scheme_end + 3..].find('/') {
        Some(slash) => &base[..scheme_end + 3 + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// A change-of-mind return request by e-mail, its own customer and order (`TR-<i>`): the
/// many-requests tests make one per operation.
pub fn change_of_mind_request(i: usize) -> ReturnForm {
    use caseback_domain::returns::{RefundMethod, RequestChannel, ReturnReason};
    ReturnForm {
        customer: Some(CustomerChoice::New {
            details: CustomerDetails {
                name: format!("Elif Kaya {i}"),
                phone: "+90 532 418 27 90".into(),
                ..Default::default()
            },
        }),
        order_number: format!("TR-{i}"),
        product: "Huawei Watch GT 5".into(),
        model: "46 mm".into(),
        serial: String::new(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "1,000".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: Some(date(2026, 11, 2)),
        delivery_date: Some(date(2026, 11, 6)),
        reason: ReturnReason::ChangeOfMind,
        wants: Default::default(),
        details: "Changed my mind".into(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel: RequestChannel::Email,
        media: vec![],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_test_database_is_named_in_either_form_of_connection_string() {
        use super::with_database;
        assert_eq!(
            with_database("host=/tmp/x port=55432 user=caseback dbname=postgres", "t_1_0"),
            "host=/tmp/x port=55432 user=caseback dbname=postgres dbname=t_1_0"
        );
        assert_eq!(
            with_database("postgresql://caseback@localhost:5432/postgres", "t_1_0"),
            "postgresql://caseback@localhost:5432/t_1_0"
        );
        assert_eq!(with_database("postgresql://localhost", "t"), "postgresql://localhost/t");
        assert_eq!(with_database("postgres://u@h/db?sslmode=disable", "t"), "postgres://u@h/t?sslmode=disable");
    }
}
