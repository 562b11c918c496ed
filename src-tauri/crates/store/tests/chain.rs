//! A chain: each branch numbers its own tickets and keeps its records as its own, on one
//! shared database (both engines: a computer may also be told its branch on a file), and,
//! with a server per branch, head office sees every branch's records through PostgreSQL's
//! logical replication: two branch servers on the test cluster (`wal_level = logical`),
//! head office on a cluster of its own.

use std::time::{Duration, Instant};

use caseback_domain::branch::{BranchCode, BranchFilter};
use caseback_domain::event::Subject;
use caseback_domain::Code;
use caseback_store::chain::{self, ID_BLOCK, RMA_BLOCK};
use caseback_store::sql::pg::{self, Pg, TlsMode};
use caseback_store::{fixture, vals, DataFolder, Shop};
use jiff::Timestamp;

use crate::cluster::Cluster;

fn now() -> Timestamp {
    "2026-11-09T02:00:00Z".parse().unwrap()
}

fn code(text: &str) -> BranchCode {
    text.parse().unwrap()
}

fn numbers(rows: &[caseback_store::TicketRow]) -> Vec<String> {
    let mut n: Vec<String> = rows.iter().map(|r| r.number.clone()).collect();
    n.sort();
    n
}

#[test]
fn each_branch_numbers_its_own_tickets_and_a_list_shows_one_branch_or_all() {
    fixture::on_each_engine(now(), |shop, by, _| {
        let book =
            |shop: &mut Shop, name: &str| shop.book_intake(by, &fixture::walk_in(name, "Stopped"), &[], now()).unwrap();
        let before = book(shop, "Before the chain");
        shop.set_branch(Some(code("KLN")));
        let kowloon = [book(shop, "Wong Ka Ming"), book(shop, "Chan Tai Man")];
        shop.set_branch(Some(code("MK")));
        let mong_kok = book(shop, "Lee Siu Fung");
        let ret = shop.request_return(by, &fixture::change_of_mind_request(1), now()).unwrap();

        assert_eq!(before.number.to_string(), "R-2026-00001");
        assert_eq!(kowloon.each_ref().map(|t| t.number.to_string()), ["R-KLN-2026-00001", "R-KLN-2026-00002"]);
        assert_eq!(mong_kok.number.to_string(), "R-MK-2026-00001", "each branch counts from 1");
        // A number typed or scanned finds its branch's ticket.
        assert_eq!(shop.ticket_by_number("r kln 2026 2").unwrap().id, kowloon[1].id);
        assert_eq!(shop.ticket_by_number("R-2026-1").unwrap().id, before.id);

        let list = |shop: &Shop, branch: BranchFilter| numbers(&shop.search_tickets_in(branch, "", None, 50).unwrap());
        assert_eq!(list(shop, BranchFilter::Only(code("KLN"))), ["R-KLN-2026-00001", "R-KLN-2026-00002"]);
        assert_eq!(list(shop, BranchFilter::Only(code("MK"))), ["R-MK-2026-00001"]);
        assert_eq!(list(shop, BranchFilter::Unbranched), ["R-2026-00001"]);
        assert_eq!(list(shop, BranchFilter::All).len(), 4);
        // Searching within a branch keeps to it.
        let found = shop.search_tickets_in(BranchFilter::Only(code("KLN")), "lee", None, 50).unwrap();
        assert!(found.is_empty(), "Lee was booked at Mong Kok");
        assert_eq!(shop.branches().unwrap(), ["", "KLN", "MK"]);

        // The return and the customers carry the branch they were booked at.
        let returns = |b: BranchFilter| shop.search_returns_in(b, "", None, 50).unwrap().len();
        assert_eq!((returns(BranchFilter::Only(code("MK"))), returns(BranchFilter::Only(code("KLN")))), (1, 0));
        assert_eq!(returns(BranchFilter::All), 1);
        let branch_of = |table: &str, id: i64| -> String {
            shop.db().value(&format!("SELECT branch FROM {table} WHERE id = ?1"), vals![id]).unwrap()
        };
        assert_eq!(branch_of("return_cases", ret.id.0), "MK");
        assert_eq!(branch_of("customers", kowloon[0].customer.0), "KLN");
        assert_eq!(branch_of("customers", before.customer.0), "");
    });
}

#[test]
fn a_shop_of_one_counter_is_offered_no_branches() {
    fixture::on_each_engine(now(), |shop, by, _| {
        shop.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stopped"), &[], now()).unwrap();
        assert_eq!(shop.branches().unwrap(), [""]);
        assert_eq!(shop.branch(), None);
    });
}

/// Polls `check` until it holds, for at most 30 seconds (replication is asynchronous).
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !check() {
        assert!(Instant::now() < deadline, "head office never saw {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A branch server: an empty database on the test cluster, set up from head office as
/// branch `number`, publishing, its counter booking as `code`.
fn branch_server(head_office: &Shop, number: u8, code_text: &str, staff: &str) -> (String, Shop, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (url, pg) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    let mut shop = Shop::open_shared(DataFolder::lock(dir.path()).unwrap(), pg).unwrap();
    shop.set_up_branch(head_office, number, &[staff.to_string()], now()).unwrap();
    shop.publish_branch().unwrap();
    shop.set_branch(Some(code(code_text)));
    shop.set_computer(&format!("{code_text} counter"));
    (url, shop, dir)
}

#[test]
fn head_office_sees_every_branch_s_records_replicated_from_their_own_servers() {
    let office_cluster = Cluster::start();
    let office_dir = tempfile::tempdir().unwrap();
    let office_url = office_cluster.database("head_office");
    let pg = Pg::connect(office_url.parse().unwrap()).unwrap();
    let mut office = Shop::open_shared(DataFolder::lock(office_dir.path()).unwrap(), pg).unwrap();
    let office_staff = office.set_up(&fixture::test_settings(), &["Mei Chan".into()], now()).unwrap()[0].id;
    // The logo goes to both branches, which both send it back: one copy stays.
    office.set_logo(office_staff, b"\x89PNG\r\n\x1a\nthe chain's logo", "logo.png", now()).unwrap();
    office.set_branch(Some(code("HQ")));
    let own = office.book_intake(office_staff, &fixture::walk_in("At head office", "Stopped"), &[], now()).unwrap();

    let (kln_url, mut kln, _d1) = branch_server(&office, 1, "KLN", "Ayşe");
    let (mk_url, mut mk, _d2) = branch_server(&office, 2, "MK", "Wei");
    let kln_by = kln.staff().unwrap()[0].id;
    let mk_by = mk.staff().unwrap()[0].id;
    assert!(kln_by.0 > ID_BLOCK && mk_by.0 > 2 * ID_BLOCK, "each branch's ids come from its block");
    let kln_ticket = kln.book_intake(kln_by, &fixture::walk_in("Wong Ka Ming", "Stopped"), &[], now()).unwrap();
    let mk_ticket = mk.book_intake(mk_by, &fixture::walk_in("Lee Siu Fung", "Runs fast"), &[], now()).unwrap();
    let kln_return = fixture::received_return(&mut kln, kln_by, &fixture::change_of_mind_request(1), now(), now());
    let mk_return = fixture::received_return(&mut mk, mk_by, &fixture::change_of_mind_request(2), now(), now());
    let (kln_code, mk_code) = (kln_return.rma.unwrap().code, mk_return.rma.unwrap().code);
    assert_ne!(kln_code, mk_code, "one key, two blocks of sequence numbers: two codes");
    let seq_of = |shop: &Shop| -> i64 { shop.db().value("SELECT MAX(seq) FROM rma_codes", vals![]).unwrap() };
    assert_eq!((seq_of(&kln), seq_of(&mk)), (RMA_BLOCK as i64 + 1, 2 * RMA_BLOCK as i64 + 1));
    // Both branches are set up from head office: its shop, its key, its logo.
    assert_eq!(kln.settings().unwrap().shop.name, office.settings().unwrap().shop.name);
    assert_eq!(mk.logo().unwrap(), office.logo().unwrap());

    // Named apart from any other run's: a subscription's slot is kept on the branch's server.
    let names = [format!("kln_{}", std::process::id()), format!("mk_{}", std::process::id())];
    let _unsubscribe = Unsubscribe { url: office_url.clone(), names: names.clone() };
    for (name, url) in names.iter().zip([&kln_url, &mk_url]) {
        office.subscribe_to_branch(name, url).unwrap();
    }
    // Every published table's first copy finishes at head office, none stopped by a row
    // that is there already (the logo, which both branches have).
    let tables = 2 * chain::published_tables().len() as i64;
    eventually("every table's first copy", || {
        let ready: i64 =
            office.db().value("SELECT COUNT(*) FROM pg_subscription_rel WHERE srsubstate = 'r'", vals![]).unwrap();
        if ready != tables {
            let states: Vec<String> = office
                .db()
                .rows("SELECT srrelid::regclass::text || '=' || srsubstate::text FROM pg_subscription_rel WHERE srsubstate <> 'r'", vals![], |r| r.get(0))
                .unwrap();
            eprintln!("not ready: {states:?}");
        }
        ready == tables
    });
    let all = |office: &Shop| numbers(&office.search_tickets("", None, 50).unwrap());
    eventually("both branches' first tickets", || all(&office).len() == 3);
    assert_eq!(all(&office), ["R-HQ-2026-00001", "R-KLN-2026-00001", "R-MK-2026-00001"]);

    // What a branch books from now on streams in, and head office's open screens are told.
    let config = office_url.parse::<postgres::Config>().unwrap();
    let (told, heard) = std::sync::mpsc::channel::<String>();
    let listener = pg::listen(config, TlsMode::Off, move |payload| told.send(payload.to_string()).is_ok());
    std::thread::sleep(Duration::from_millis(500));
    let later = kln.book_intake(kln_by, &fixture::walk_in("Chan Tai Man", "Crown loose"), &[], now()).unwrap();
    assert_eq!(later.number.to_string(), "R-KLN-2026-00002");
    eventually("a ticket booked after subscribing", || all(&office).len() == 4);
    let announced = std::iter::from_fn(|| heard.recv_timeout(Duration::from_secs(10)).ok())
        .find(|p| p.starts_with("replication ticket:"));
    assert!(announced.is_some(), "head office's listeners hear of the replicated ticket");
    drop(heard);
    drop(listener);

    // Head office lists one branch or all, and opens a branch's ticket with its customer.
    let only = |b: &str| numbers(&office.search_tickets_in(BranchFilter::Only(code(b)), "", None, 50).unwrap());
    assert_eq!(only("KLN"), ["R-KLN-2026-00001", "R-KLN-2026-00002"]);
    assert_eq!(only("MK"), ["R-MK-2026-00001"]);
    let seen = office.ticket_by_number("R-MK-2026-00001").unwrap();
    assert_eq!((seen.id, office.customer(seen.customer).unwrap().details.name), (mk_ticket.id, "Lee Siu Fung".into()));
    assert_eq!(office.ticket(kln_ticket.id).unwrap().number, kln_ticket.number);
    assert_eq!(office.branches().unwrap(), ["HQ", "KLN", "MK"]);
    eventually("both returns", || office.search_returns("", None, 50).unwrap().len() == 2);
    assert_eq!(office.return_by_code(&mk_code.to_string()).unwrap().id, mk_return.id);
    // Who did it, and on which computer, as the branch logged it.
    let history = office.history_by_computer(Subject::Ticket, &later.number.to_string()).unwrap();
    assert!(history.iter().any(|(_, computer)| computer == "KLN counter"), "{history:?}");
    // The logo both branches sent back is one attachment.
    let logos: i64 = office.db().value("SELECT COUNT(*) FROM attachment_bytes", vals![]).unwrap();
    assert_eq!(logos, 1);
    // Head office's own records stay its own, and it books on.
    assert_eq!(office.ticket(own.id).unwrap().number.to_string(), "R-HQ-2026-00001");
    let next = office.book_intake(office_staff, &fixture::walk_in("Another", "Stopped"), &[], now()).unwrap();
    assert!(next.id.0 < ID_BLOCK, "head office's ids stay in block 0");

    // A branch server's settings and secrets stay its own, and a second set-up is refused.
    assert_eq!(kln.set_up_branch(&office, 3, &["X".into()], now()).unwrap_err().code(), Code::InvalidInput);
    assert_eq!(office.publish_branch().unwrap_err().code(), Code::InvalidInput, "head office publishes nothing");
}

/// Drops the test's subscriptions at head office, failed or not, which drops their slots on
/// the branch servers' cluster (the other tests' server), so no WAL is kept for them.
struct Unsubscribe {
    url: String,
    names: [String; 2],
}

impl Drop for Unsubscribe {
    fn drop(&mut self) {
        if let Ok(mut office) = self.url.parse::<postgres::Config>().unwrap().connect(postgres::NoTls) {
            for name in &self.names {
                let _ = office.batch_execute(&format!("DROP SUBSCRIPTION IF EXISTS caseback_{name}"));
            }
        }
    }
}

#[test]
fn a_branch_server_is_refused_where_replication_cannot_work() {
    let dir = tempfile::tempdir().unwrap();
    let (_, office, _) = fixture::temp_shop(now());
    let (_, pg) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    let mut branch = Shop::open_shared(DataFolder::lock(dir.path()).unwrap(), pg).unwrap();
    for number in [0, 100] {
        let refused = branch.set_up_branch(&office, number, &["Ayşe".into()], now()).unwrap_err();
        assert!(refused.to_string().contains("1 to 99"), "{refused}");
    }
    // Not yet a branch: nothing to publish.
    assert!(branch.publish_branch().unwrap_err().to_string().contains("set it up as a branch first"));
    // A folder's file is never a branch server.
    let file_dir = tempfile::tempdir().unwrap();
    let (mut file, _) = fixture::new_shop(file_dir.path(), now());
    assert!(file.set_up_branch(&office, 1, &["Ayşe".into()], now()).is_err());
    assert!(!chain::is_branch_server(branch.db()).unwrap());
}
