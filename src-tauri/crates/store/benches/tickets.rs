//! The shared-database issue's budgets, the same bench bodies on both engines at 1,000,000
//! tickets: search as you type under 5 ms median on SQLite and under 10 ms on PostgreSQL for
//! each kind of query, an intake under 2 ms on SQLite, and Today with 10,000 tickets open;
//! and, timed once, how long a shop from before watch records takes to get them.
//!
//! `cargo bench -p caseback-store --bench tickets -- --verbose` (the median is printed with
//! `--verbose`). PostgreSQL is the server of `CASEBACK_TEST_POSTGRES` (`scripts/test-postgres`
//! starts a throwaway one over a local socket, with fsync off); without it that half says it
//! was not run. `CASEBACK_BENCH_TICKETS` loads another number of tickets (for a quick look,
//! 100,000 or more, as the queries are of tickets past the 42,000th; the budgets are at a
//! million).

use std::time::Instant;

use caseback_domain::branch::BranchFilter;
use caseback_domain::ticket::TicketState;
use caseback_store::fixture;
use caseback_store::sql::Engine;
use caseback_store::Shop;
use criterion::{criterion_group, criterion_main, Criterion};
use jiff::Timestamp;

/// How many tickets the shop has, and how many of them are open (the newest).
const TICKETS: usize = 1_000_000;
const OPEN: usize = 10_000;

fn now() -> Timestamp {
    "2026-11-20T02:00:00Z".parse().unwrap()
}

fn tickets() -> usize {
    std::env::var("CASEBACK_BENCH_TICKETS").ok().map_or(TICKETS, |n| n.replace('_', "").parse().expect("a number"))
}

/// What the search box is given for each kind of query: a name (with the number that tells
/// two of the same name apart), a phone number as typed, a ticket number, a serial, and part
/// of any of them; the first letters of a name, as typing starts (a twelfth of the tickets
/// hold them); and nothing typed yet (the list as it opens).
const QUERIES: [(&str, &str); 7] = [
    ("name", "ayse yilmaz 4242"),
    ("phone", "+852 5004 2424"),
    ("number", "R-2026-04242"),
    ("serial", "sn-0042424"),
    ("partial", "04242"),
    ("first letters", "ay"),
    ("no query", ""),
];

fn both_engines(c: &mut Criterion) {
    let n = tickets();
    for engine in fixture::ENGINES {
        let name = match engine {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        };
        if engine == Engine::Postgres && fixture::postgres_url().is_none() {
            eprintln!(
                "\nPostgreSQL: NOT RUN, no figures measured. CASEBACK_TEST_POSTGRES is not set; start a server with \
                 `eval \"$(scripts/test-postgres)\"` and run the bench again.\n"
            );
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let (mut shop, by) = fixture::new_shop_on(engine, dir.path(), now());
        let started = Instant::now();
        fixture::bulk_tickets_mostly_closed(&mut shop, n, OPEN.min(n));
        eprintln!("{name}: {n} tickets ({} open) loaded in {:.0?}", OPEN.min(n), started.elapsed());
        // What a shop from before watch records waits for once, at the first opening by the
        // version that has them: every ticket given its watch (timed once: it is done once).
        let started = Instant::now();
        let linked = shop.link_tickets_to_watches(now()).unwrap();
        eprintln!("{name}: {linked} tickets given their watch records in {:.1?}", started.elapsed());
        assert_eq!(linked, n);

        let mut group = c.benchmark_group(format!("{name}: search {n} tickets"));
        for (kind, query) in QUERIES {
            assert!(!shop.search_tickets(query, None, 200).unwrap().is_empty(), "{query:?} finds something");
            group.bench_function(kind, |b| b.iter(|| shop.search_tickets(query, None, 200).unwrap()));
        }
        // A chain's list of one branch: the same search, every row checked for its branch
        // (the loaded tickets are all of one, so it keeps them all: the most it can cost).
        let one = BranchFilter::Unbranched;
        for (kind, query) in [("name, one branch", QUERIES[0].1), ("first letters, one branch", QUERIES[5].1)] {
            assert!(!shop.search_tickets_in(one, query, None, 200).unwrap().is_empty(), "{query:?} in one branch");
            group.bench_function(kind, |b| b.iter(|| shop.search_tickets_in(one, query, None, 200).unwrap()));
        }
        group.finish();

        let mut group = c.benchmark_group(format!("{name}: {n} tickets"));
        let (due, open, _) = today(&mut shop);
        assert!(!due.is_empty() && open == OPEN.min(n), "{} rows due, {open} open", due.len());
        group.bench_function(format!("today ({} open)", OPEN.min(n)), |b| b.iter(|| today(&mut shop)));
        // Last: each intake adds an open ticket.
        let mut i = n;
        group.bench_function("save an intake", |b| {
            b.iter(|| {
                i += 1;
                shop.book_intake(by, &fixture::numbered_intake(i), &[], now()).unwrap()
            })
        });
        group.finish();
    }
}

/// What the desk's Today reads from the store: the calendar's moves first (as every view
/// does), the tickets due (or the next five when none is), how many are open, the quotation
/// sections, the watches ready for collection, and the bench (each watchmaker's count, and
/// the most urgent watches nobody has).
fn today(shop: &mut Shop) -> (Vec<caseback_store::TicketRow>, usize, caseback_store::BenchCounts) {
    shop.apply_clock(now()).unwrap();
    let today = shop.settings().unwrap().today(now());
    let mut rows = shop.tickets_due_by(today).unwrap();
    if rows.is_empty() {
        rows = shop.tickets_due_after(today, 5).unwrap();
    }
    let open = shop.open_ticket_count().unwrap();
    for (state, limit) in [
        (TicketState::Quoted, 100),
        (TicketState::QuoteExpired, 100),
        (TicketState::ReturnDue, 100),
        (TicketState::ReadyForCollection, 500),
    ] {
        rows.extend(shop.tickets_in_state(state, limit).unwrap());
    }
    rows.extend(shop.unassigned_bench_work(5).unwrap());
    (rows, open, shop.bench_counts().unwrap())
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = both_engines
}
criterion_main!(benches);
