//! The shared database's server going away under the writers: stopped with
//! `pg_ctl stop -m immediate` (for the server, a crash) at random points while three
//! computers write, 30 rounds, each time started again. This runs on a PostgreSQL cluster of
//! its own (`scripts/test-postgres` on a free port), since other tests use the shared test
//! server meanwhile; it is stopped at the end, failed or not.
//!
//! After every round: each write a writer was told was saved is there, nothing is
//! half-written (a record without its event, an event without its record), every failure
//! was `ServerUnavailable` said in a sentence, within the connect timeout (never a panic or a
//! hang), and every writer carried on by itself once the server was back. A write that
//! failed may still be there (the server committed it as it died, its answer lost), but only
//! whole; nothing is there that no writer tried.
//!
//! Beside it: a transaction whose connection is lost halfway is never finished on a new
//! one, and a server that is not there is said within the connect timeout.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use caseback_domain::after_sale::{EntryKind, PaymentEntry, PaymentMethod};
use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::returns::ReturnForm;
use caseback_domain::{Amount, Code};
use caseback_store::sql::pg::{Pg, CONNECT_TIMEOUT};
use caseback_store::sql::Db;
use caseback_store::{fixture, vals, DataFolder, Shop, StoreError};
use jiff::Timestamp;

use crate::cluster::{free_port, Cluster};

const ROUNDS: usize = 30;
const WRITERS: usize = 3;

fn now() -> Timestamp {
    "2026-11-08T02:00:00Z".parse().unwrap()
}

fn return_form(i: usize) -> ReturnForm {
    fixture::change_of_mind_request(i)
}

/// One step a writer took: what it was, when, how long it took and what it was told.
struct Step {
    writer: usize,
    what: &'static str,
    /// The payment's amount (unique to the step), so a payment row names the step that made it.
    amount: Option<i64>,
    at: Instant,
    took: Duration,
    /// What was saved (`ticket R-2026-00001`, `payment R-2026-00001 30000001`, …), or the error.
    outcome: Result<String, StoreError>,
}

/// The writers' controls: stop for good, or pause (and say so) while a round is checked.
#[derive(Default)]
struct Controls {
    stop: AtomicBool,
    pause: AtomicBool,
    paused: AtomicUsize,
}

/// Stops the writers when dropped, a failed round too, before the cluster goes.
struct StopOnDrop(Arc<Controls>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop.store(true, Ordering::SeqCst);
        self.0.pause.store(false, Ordering::SeqCst);
    }
}

/// A writer at its own computer: books a watch in, takes a payment on it, on every third
/// quotes it and records the acceptance, on every fourth requests and authorizes a return.
/// A job stops at its first failure (the next starts with a new ticket); after a failure
/// it waits 20 ms, as a person would before trying again.
fn writer(w: usize, url: String, controls: Arc<Controls>, steps: mpsc::Sender<Step>) {
    let dir = tempfile::tempdir().unwrap();
    let mut shop = Shop::open_shared(DataFolder::lock(dir.path()).unwrap(), fixture::connect_postgres(&url)).unwrap();
    shop.set_computer(&format!("Counter {w}"));
    let by = shop.staff().unwrap()[0].id;
    let now = now();
    let mut paused = false;
    for job in 0usize.. {
        while controls.pause.load(Ordering::SeqCst) && !controls.stop.load(Ordering::SeqCst) {
            if !paused {
                paused = true;
                controls.paused.fetch_add(1, Ordering::SeqCst);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        if paused {
            paused = false;
            controls.paused.fetch_sub(1, Ordering::SeqCst);
        }
        if controls.stop.load(Ordering::SeqCst) {
            return;
        }
        let mut step = |what: &'static str,
                        amount: Option<i64>,
                        run: &mut dyn FnMut(&mut Shop) -> caseback_store::Result<String>| {
            let at = Instant::now();
            let outcome = run(&mut shop);
            let failed = outcome.is_err();
            steps.send(Step { writer: w, what, amount, at, took: at.elapsed(), outcome }).unwrap();
            if failed {
                std::thread::sleep(Duration::from_millis(20));
            }
            !failed
        };
        let form = fixture::numbered_intake(100_000 * (w + 1) + job);
        let mut ticket = None;
        if !step("book", None, &mut |shop| {
            let t = shop.book_intake(by, &form, &[], now)?;
            ticket = Some((t.id, t.number.to_string()));
            Ok(format!("ticket {}", t.number))
        }) {
            continue;
        }
        let (id, number) = ticket.unwrap();
        let amount = 10_000_000 * (w as i64 + 1) + job as i64;
        let entry = PaymentEntry {
            kind: EntryKind::Payment,
            amount: Amount(amount),
            method: PaymentMethod::Cash,
            reference: String::new(),
        };
        if !step("pay", Some(amount), &mut |shop| {
            shop.record_payment(by, id, &entry.clone().into(), now)?;
            Ok(format!("payment {number} {amount}"))
        }) {
            continue;
        }
        if job % 3 == 0 {
            let assessment = Assessment {
                findings: "Worn".into(),
                decision: WarrantyDecision::NotCovered(NotCoveredReason::Wear),
                photos: vec![],
            };
            let line = QuoteLine {
                kind: LineKind::Labour,
                section: Section::Repair,
                description: "Service".into(),
                quantity: Quantity::ONE,
                unit_price: Amount(50_000),
                taxable: false,
                part: None,
            };
            let draft = QuotationDraft { lines: vec![line], timeline_working_days: 3, parts_returned: false };
            let answer = WrittenAnswer {
                channel: ConfirmationChannel::EmailReply,
                reference: "Re: quote".into(),
                scan: None,
                cosmetic_accepted: false,
            };
            let done = step("assess", None, &mut |shop| {
                shop.record_assessment(by, id, &assessment, now)?;
                Ok(format!("assessed {number}"))
            }) && step("quote", None, &mut |shop| {
                Ok(format!("quotation {}", shop.issue_quotation(by, id, &draft, now)?.number))
            }) && step("accept", None, &mut |shop| {
                shop.answer_quotation(by, id, 1, true, &answer, now)?;
                Ok(format!("accepted {number}"))
            });
            if !done {
                continue;
            }
        }
        if job % 4 == 0 {
            let mut case = None;
            let _ = step("request", None, &mut |shop| {
                let c = shop.request_return(by, &return_form(100_000 * (w + 1) + job), now)?;
                case = Some(c.id);
                Ok(format!("return {}", c.id.0))
            }) && step("authorize", None, &mut |shop| {
                let c = shop.authorize_return(by, case.unwrap(), None, now)?;
                Ok(format!("code {} {}", c.id.0, c.rma.unwrap().code))
            });
        }
    }
}

/// Rows a query counts.
fn count(db: &Db, sql: &str) -> i64 {
    db.value(sql, vals![]).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Records that must come with their event (both written, or neither), as queries counting
/// those that do not.
const HALF_WRITTEN: &[(&str, &str)] = &[
    (
        "a ticket without its booking event",
        "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM events e
         WHERE e.subject = 'ticket' AND e.subject_id = t.number AND e.action = 'ticket.received')",
    ),
    (
        "a booking event without its ticket",
        "SELECT COUNT(*) FROM events e WHERE e.action = 'ticket.received'
         AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.number = e.subject_id)",
    ),
    (
        "a ticket without its search text",
        "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_search s WHERE s.rowid = t.id)",
    ),
    (
        "a ticket whose payments and payment events differ",
        "SELECT COUNT(*) FROM tickets t WHERE
         (SELECT COUNT(*) FROM payments p WHERE p.ticket_id = t.id AND p.kind = 'payment') <>
         (SELECT COUNT(*) FROM events e WHERE e.subject = 'ticket' AND e.subject_id = t.number AND e.action = 'payment.recorded')",
    ),
    (
        "a ticket whose assessment and its event differ",
        "SELECT COUNT(*) FROM tickets t WHERE
         (SELECT COUNT(*) FROM assessments a WHERE a.ticket_id = t.id) <>
         (SELECT COUNT(*) FROM events e WHERE e.subject = 'ticket' AND e.subject_id = t.number AND e.action = 'ticket.assessed')",
    ),
    (
        "a ticket whose quotations and quotation events differ",
        "SELECT COUNT(*) FROM tickets t WHERE
         (SELECT COUNT(*) FROM quotations q WHERE q.ticket_id = t.id) <>
         (SELECT COUNT(*) FROM events e WHERE e.subject = 'ticket' AND e.subject_id = t.number AND e.action = 'quotation.issued')",
    ),
    (
        "a ticket whose acceptances and their events differ, or not approved when accepted",
        "SELECT COUNT(*) FROM tickets t WHERE
         (SELECT COUNT(*) FROM quotation_answers a JOIN quotations q ON q.id = a.quotation_id WHERE q.ticket_id = t.id) <>
         (SELECT COUNT(*) FROM events e WHERE e.subject = 'ticket' AND e.subject_id = t.number AND e.action = 'quotation.accepted')
         OR (t.state = 'approved') <> EXISTS (SELECT 1 FROM quotation_answers a JOIN quotations q ON q.id = a.quotation_id WHERE q.ticket_id = t.id)",
    ),
    (
        "a return without its request event",
        "SELECT COUNT(*) FROM return_cases r WHERE (SELECT COUNT(*) FROM events e
         WHERE e.subject = 'return' AND e.subject_id = r.id::TEXT AND e.action = 'return.requested') <> 1",
    ),
    (
        "a return whose codes, its code and its authorization events differ",
        "SELECT COUNT(*) FROM return_cases r WHERE
         (SELECT COUNT(*) FROM rma_codes c WHERE c.return_id = r.id) <>
         (SELECT COUNT(*) FROM events e WHERE e.subject = 'return' AND e.subject_id = r.id::TEXT AND e.action = 'return.authorized')
         OR r.rma_code IS DISTINCT FROM (SELECT c.code FROM rma_codes c WHERE c.return_id = r.id)",
    ),
];

/// What the writers were told, and what they tried: the database is held to both.
#[derive(Default)]
struct Told {
    saved: Vec<String>,
    failed: usize,
    /// Steps that failed, by kind, and the amounts of the payments among them.
    failed_by_kind: HashMap<&'static str, usize>,
    failed_amounts: HashSet<i64>,
}

fn check_round(url: &str, told: &Told, round: usize) -> usize {
    // A connection of its own each round: the checker is not one of the writers.
    let db = caseback_store::db_postgres::open(fixture::connect_postgres(url)).unwrap();
    for (what, sql) in HALF_WRITTEN {
        assert_eq!(count(&db, sql), 0, "round {round}: {what}");
    }
    let strings = |sql: &str| -> HashSet<String> { db.rows(sql, vals![], |r| r.get(0)).unwrap().into_iter().collect() };
    let tickets = strings("SELECT number FROM tickets");
    let payments =
        strings("SELECT t.number || ' ' || p.amount::TEXT FROM payments p JOIN tickets t ON t.id = p.ticket_id");
    let assessed = strings("SELECT t.number FROM assessments a JOIN tickets t ON t.id = a.ticket_id");
    let quotations = strings("SELECT number FROM quotations");
    let approved = strings("SELECT number FROM tickets WHERE state = 'approved'");
    let returns = strings("SELECT id::TEXT FROM return_cases");
    let codes = strings("SELECT return_id::TEXT || ' ' || code FROM rma_codes");
    for saved in &told.saved {
        let (kind, rest) = saved.split_once(' ').unwrap();
        let there = match kind {
            "ticket" => tickets.contains(rest),
            "payment" => payments.contains(rest),
            "assessed" => assessed.contains(rest),
            "quotation" => quotations.contains(rest),
            "accepted" => approved.contains(rest),
            "return" => returns.contains(rest),
            "code" => codes.contains(rest),
            other => panic!("{other}"),
        };
        assert!(there, "round {round}: the writer was told {saved:?} was saved, and it is not there");
    }
    // Nothing from nowhere: beyond what was acknowledged, only what failed may be there (a
    // commit the server made as it died, its answer lost), and only whole.
    let saved_of = |kind: &str| told.saved.iter().filter(|s| s.starts_with(&format!("{kind} "))).count() as i64;
    let failed_of = |kind: &str| told.failed_by_kind.get(kind).copied().unwrap_or(0) as i64;
    let mut in_doubt = 0;
    for (kind, step, table) in [
        ("ticket", "book", "tickets"),
        ("payment", "pay", "payments"),
        ("quotation", "quote", "quotations"),
        ("return", "request", "return_cases"),
        ("code", "authorize", "rma_codes"),
    ] {
        let rows = count(&db, &format!("SELECT COUNT(*) FROM {table}"));
        let extra = rows - saved_of(kind);
        assert!(
            (0..=failed_of(step)).contains(&extra),
            "round {round}: {rows} {table} for {} acknowledged and {} failed",
            saved_of(kind),
            failed_of(step)
        );
        in_doubt += extra as usize;
    }
    let acknowledged: HashSet<&str> =
        told.saved.iter().filter_map(|s| s.strip_prefix("payment ")?.rsplit(' ').next()).collect();
    let unacknowledged: Vec<i64> = db
        .rows("SELECT amount FROM payments", vals![], |r| r.get(0))
        .unwrap()
        .into_iter()
        .filter(|a: &i64| !acknowledged.contains(a.to_string().as_str()))
        .collect();
    for amount in unacknowledged {
        assert!(told.failed_amounts.contains(&amount), "round {round}: a payment of {amount} no writer tried");
    }
    in_doubt
}

/// A failure as the writers must see it: the server away, in a sentence, and soon.
fn assert_clear(step: &Step, round: usize) {
    let Err(e) = &step.outcome else { return };
    assert!(
        matches!(e, StoreError::ServerUnavailable { .. }) && e.code() == Code::ServerUnavailable,
        "round {round}: writer {} {} failed with {e:?}, not as the server away",
        step.writer,
        step.what
    );
    let said = e.to_string();
    assert!(said.starts_with("The shared database at ") && said.contains(" is not answering ("), "{said}");
    assert!(said.ends_with('.'), "a sentence: {said}");
    let StoreError::ServerUnavailable { reason, .. } = e else { unreachable!() };
    assert!(
        !reason.trim().is_empty() && !reason.contains("db error") && !reason.contains("Error {"),
        "round {round}: a reason in words, not the driver's: {said}"
    );
    assert!(step.took < CONNECT_TIMEOUT, "round {round}: writer {} waited {:?} to be told", step.writer, step.took);
}

#[test]
fn the_server_dying_at_random_points_loses_no_acknowledged_write_and_the_writers_carry_on() {
    let cluster = Cluster::start();
    let url = cluster.database("faults");
    let dir = tempfile::tempdir().unwrap();
    {
        let mut shop =
            Shop::open_shared(DataFolder::lock(&dir.path().join("setup")).unwrap(), fixture::connect_postgres(&url))
                .unwrap();
        shop.set_up(&fixture::test_settings(), &[fixture::STAFF.into()], now()).unwrap();
    }
    // A computer left idle through each outage: its first use after finds out.
    let idle_dir = dir.path().join("idle");
    std::fs::create_dir(&idle_dir).unwrap();
    let idle = Shop::open_shared(DataFolder::lock(&idle_dir).unwrap(), fixture::connect_postgres(&url)).unwrap();

    let controls = Arc::new(Controls::default());
    let _stop = StopOnDrop(Arc::clone(&controls));
    let (sender, steps) = mpsc::channel();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (url, controls, sender) = (url.clone(), Arc::clone(&controls), sender.clone());
            std::thread::spawn(move || writer(w, url, controls, sender))
        })
        .collect();
    drop(sender);

    let mut told = Told::default();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut roll = |below: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % below
    };
    let record = |told: &mut Told, step: Step, round: usize| {
        assert_clear(&step, round);
        match step.outcome {
            Ok(saved) => told.saved.push(saved),
            Err(_) => {
                told.failed += 1;
                *told.failed_by_kind.entry(step.what).or_default() += 1;
                told.failed_amounts.extend(step.amount);
            }
        }
    };
    let started = Instant::now();
    let (mut in_doubt, mut idle_failures) = (0, 0);
    for round in 0..ROUNDS {
        // Writing for a while, then the server dies under them.
        std::thread::sleep(Duration::from_millis(20 + roll(250)));
        cluster.crash();
        let crashed = Instant::now();
        std::thread::sleep(Duration::from_millis(roll(300)));
        cluster.start_again();
        let back = Instant::now();

        // Each writer was told (the server away) and carries on by itself once it is back.
        let mut failed_meanwhile = [false; WRITERS];
        let mut carried_on = [false; WRITERS];
        while carried_on.iter().any(|c| !c) {
            let left = Duration::from_secs(10).saturating_sub(back.elapsed());
            let step = steps.recv_timeout(left).unwrap_or_else(|_| {
                panic!("round {round}: writers {carried_on:?} did not carry on within 10 s of the server's return")
            });
            let w = step.writer;
            if step.outcome.is_err() && step.at + step.took > crashed {
                failed_meanwhile[w] = true;
            }
            if step.outcome.is_ok() && step.at > back {
                carried_on[w] = true;
            }
            record(&mut told, step, round);
        }
        assert!(failed_meanwhile.iter().all(|f| *f), "round {round}: every writer was told the server was away");

        // The idle computer: at most its first use fails, said as the server away, and the
        // one after goes through.
        match idle.settings() {
            Ok(_) => {}
            Err(e) => {
                idle_failures += 1;
                assert_clear(
                    &Step {
                        writer: WRITERS,
                        what: "idle",
                        amount: None,
                        at: back,
                        took: Duration::ZERO,
                        outcome: Err(e),
                    },
                    round,
                );
                idle.settings().unwrap_or_else(|e| panic!("round {round}: the idle computer's second try: {e}"));
            }
        }

        // Paused, the round is checked against everything the writers were told so far.
        controls.pause.store(true, Ordering::SeqCst);
        let pausing = Instant::now();
        while controls.paused.load(Ordering::SeqCst) < WRITERS {
            while let Ok(step) = steps.try_recv() {
                record(&mut told, step, round);
            }
            assert!(pausing.elapsed() < Duration::from_secs(10), "round {round}: a writer hangs");
            std::thread::sleep(Duration::from_millis(2));
        }
        while let Ok(step) = steps.try_recv() {
            record(&mut told, step, round);
        }
        in_doubt = check_round(&url, &told, round);
        controls.pause.store(false, Ordering::SeqCst);
    }
    controls.stop.store(true, Ordering::SeqCst);
    for (w, writer) in writers.into_iter().enumerate() {
        assert!(writer.join().is_ok(), "writer {w} panicked");
    }
    for step in steps.try_iter() {
        record(&mut told, step, ROUNDS);
    }
    let in_doubt_at_end = check_round(&url, &told, ROUNDS);
    println!(
        "{ROUNDS} server crashes in {:.1?}: {} writes acknowledged and kept, {} failed as the server away \
         ({in_doubt_at_end} of those saved all the same, {in_doubt} by the last round), the idle computer's first use failed {idle_failures} times",
        started.elapsed(),
        told.saved.len(),
        told.failed,
    );
    assert!(told.saved.len() > ROUNDS * WRITERS, "the writers got going in every round");
}

/// A transaction whose connection was lost halfway is over: what follows in it fails, its
/// commit fails, and none of it is saved, whether or not the server is back meanwhile.
#[test]
fn a_transaction_cut_off_halfway_is_never_finished_on_a_new_connection() {
    let (url, db) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
    db.batch("CREATE TABLE halves (half TEXT NOT NULL)").unwrap();
    let admin = Db::postgres(fixture::connect_postgres(&url));
    let tx = db.transaction().unwrap();
    tx.exec("INSERT INTO halves VALUES ('first')", vals![]).unwrap();
    let mine: i64 = tx.value("SELECT pg_backend_pid()::BIGINT", vals![]).unwrap();
    // The server ends this session (a restart, a network cut, an administrator): it is back
    // for everyone else at once.
    admin.exec("SELECT pg_terminate_backend(?1::INTEGER)", vals![mine]).unwrap();
    let lost = tx.exec("INSERT INTO halves VALUES ('second')", vals![]).unwrap_err();
    assert_eq!(lost.code(), Code::ServerUnavailable, "{lost}");
    // A caller that goes on regardless gets no further: not a row, not a commit.
    let again = tx.exec("INSERT INTO halves VALUES ('third')", vals![]);
    assert!(again.is_err(), "a statement of the lost transaction ran on a new connection, outside any transaction");
    let committed = tx.commit();
    assert!(committed.is_err(), "a lost transaction was reported committed");
    let kept: i64 = admin.value("SELECT COUNT(*) FROM halves", vals![]).unwrap();
    assert_eq!(kept, 0, "nothing of it is saved");
    // The connection's next use, a new step, connects again by itself.
    assert_eq!(db.value::<i64>("SELECT COUNT(*) FROM halves", vals![]).unwrap(), 0);
}

/// A server that is not there (stopped, or the wrong port) is said within the connect
/// timeout, in a sentence naming the server, never a hang.
#[test]
fn a_stopped_server_or_a_wrong_port_is_said_clearly_within_five_seconds() {
    let server = fixture::postgres_url().expect(fixture::NO_POSTGRES);
    let running: postgres::Config = server.parse().unwrap();
    let socket_dir = match &running.get_hosts()[0] {
        postgres::config::Host::Unix(p) => p.display().to_string(),
        postgres::config::Host::Tcp(h) => h.clone(),
    };
    let port = running.get_ports().first().copied().unwrap_or(5432);
    let stopped = tempfile::tempdir().unwrap();
    let cases = [
        (
            "a stopped server (its socket gone)",
            format!("host={} port=5432 user=caseback dbname=shop", stopped.path().display()),
            "no server at that address",
        ),
        (
            "the wrong port of a running server",
            format!("host={socket_dir} port={} user=caseback dbname=shop", port.wrapping_add(1)),
            "no server at that address",
        ),
        (
            "a stopped server over TCP",
            format!("host=127.0.0.1 port={} user=caseback dbname=shop", free_port()),
            "refused the connection",
        ),
    ];
    for (what, url, reason) in cases {
        let started = Instant::now();
        let err = match Pg::connect(url.parse().unwrap()) {
            Ok(_) => panic!("{what}: connected"),
            Err(e) => e,
        };
        let waited = started.elapsed();
        assert!(waited < CONNECT_TIMEOUT, "{what}: told after {waited:?}");
        assert_eq!(err.code(), Code::ServerUnavailable, "{what}: {err}");
        let said = err.to_string();
        assert!(
            said.starts_with("The shared database at ") && said.contains(reason) && said.ends_with('.'),
            "{what}: {said}"
        );
    }
}
