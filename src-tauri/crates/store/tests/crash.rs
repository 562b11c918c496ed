//! Killing a writer with SIGKILL at random points: after every round the database opens,
//! passes `PRAGMA integrity_check`, holds every write the writer reported as committed, and
//! holds no half-written ticket, quotation or payment (each has the event logged with it).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use caseback_domain::after_sale::{EntryKind, PaymentEntry, PaymentMethod};
use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::presets::PresetId;
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::ticket::TicketState;
use caseback_domain::{Amount, Currency, Settings};
use caseback_store::{fixture, DataFolder, Shop};
use jiff::Timestamp;

const ROUNDS: u64 = 60;

fn count(shop: &Shop, sql: &str) -> i64 {
    shop.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The writer process: books watches in, quotes and accepts every second one and takes a
/// deposit on every third, printing each commit. It runs until it is killed.
#[test]
#[ignore = "the writer process of kill_nine_at_random_points_loses_nothing, not a test by itself"]
fn crash_writer() {
    let dir = std::env::var("CASEBACK_CRASH_DIR").expect("run by the kill -9 test");
    let mut shop = Shop::open(DataFolder::lock(std::path::Path::new(&dir)).unwrap()).unwrap();
    if !shop.is_set_up().unwrap() {
        let s = Settings::new("Crash Test", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong");
        shop.set_up(&s, &["Mei Chan".into()], Timestamp::now()).unwrap();
    }
    let by = shop.staff().unwrap()[0].id;
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let now = Timestamp::now();
        let form = fixture::walk_in(&format!("Crash {i}"), &format!("write {i}"));
        let ticket = shop.book_intake(by, &form, &[], now).unwrap();
        use std::io::Write;
        writeln!(out, "commit: ticket {}", ticket.number).unwrap();
        out.flush().unwrap();
        if i % 2 == 0 {
            let a = Assessment {
                findings: "Worn".into(),
                decision: WarrantyDecision::NotCovered(NotCoveredReason::Wear),
                photos: vec![],
            };
            shop.record_assessment(by, ticket.id, &a, now).unwrap();
            let line = QuoteLine {
                kind: LineKind::Labour,
                section: Section::Repair,
                description: "Service".into(),
                quantity: Quantity::ONE,
                unit_price: Amount(50_000),
                taxable: false,
                part: None,
            };
            let q = shop
                .issue_quotation(
                    by,
                    ticket.id,
                    &QuotationDraft { lines: vec![line], timeline_working_days: 3, parts_returned: false },
                    now,
                )
                .unwrap();
            writeln!(out, "commit: quotation {}", q.number).unwrap();
            out.flush().unwrap();
            let answer = WrittenAnswer {
                channel: ConfirmationChannel::EmailReply,
                reference: "Re: quote".into(),
                scan: None,
                cosmetic_accepted: false,
            };
            shop.answer_quotation(by, ticket.id, 1, true, &answer, now).unwrap();
            writeln!(out, "commit: accepted {}", ticket.number).unwrap();
            out.flush().unwrap();
        }
        if i % 3 == 0 {
            let entry = PaymentEntry {
                kind: EntryKind::Payment,
                amount: Amount(10_000 + i as i64),
                method: PaymentMethod::Cash,
                reference: String::new(),
            };
            let p = shop.record_payment(by, ticket.id, &entry.into(), now).unwrap();
            writeln!(out, "commit: payment {} {}", ticket.number, p.entry.amount.0).unwrap();
            out.flush().unwrap();
        }
    }
}

fn verify(shop: &Shop, lines: &[String], round: u64) {
    for line in lines {
        let mut words = line.split(' ');
        match (words.next(), words.next(), words.next()) {
            (Some("ticket"), Some(number), _) => {
                shop.ticket_by_number(number).unwrap_or_else(|e| panic!("round {round}: {number} lost: {e}"));
            }
            (Some("quotation"), Some(number), _) => {
                let n: i64 = shop
                    .connection()
                    .query_row("SELECT COUNT(*) FROM quotations WHERE number = ?1", [number], |r| r.get(0))
                    .unwrap();
                assert_eq!(n, 1, "round {round}: {number} lost");
            }
            (Some("accepted"), Some(number), _) => {
                assert_eq!(shop.ticket_by_number(number).unwrap().state, TicketState::Approved, "round {round}");
            }
            (Some("payment"), Some(number), Some(amount)) => {
                let id = shop.ticket_by_number(number).unwrap().id;
                let paid = shop.after_sale(id, Timestamp::now()).unwrap().account.paid;
                assert_eq!(paid.0.to_string(), amount, "round {round}: the payment on {number} lost");
            }
            _ => panic!("unexpected line {line:?}"),
        }
    }
}

#[test]
fn kill_nine_at_random_points_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let writer = crate::test_name(module_path!(), "crash_writer");
    let mut reported = Vec::new();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..ROUNDS {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let run_for = Duration::from_millis(20 + (seed >> 33) % 200);
        let mut child = Command::new(&exe)
            .args(["--ignored", "--exact", &writer, "--nocapture", "--test-threads=1"])
            .env("CASEBACK_CRASH_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("commit: ").map(str::to_string))
                .collect::<Vec<_>>()
        });
        let started = Instant::now();
        while started.elapsed() < run_for {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("round {round}: the writer stopped by itself ({status})");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let this_round = reader.join().unwrap();

        // After every kill: it opens, it is whole, and what this round reported is there
        // (earlier rounds' writes are checked again at the end).
        let shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
        caseback_store::backup::check_integrity(shop.connection()).unwrap();
        verify(&shop, &this_round, round);
        reported.extend(this_round);
        // Nothing half-written: each record and its event were committed together.
        assert_eq!(
            count(&shop, "SELECT COUNT(*) FROM tickets"),
            count(&shop, "SELECT COUNT(*) FROM events WHERE action = 'ticket.received'"),
            "round {round}"
        );
        assert_eq!(
            count(&shop, "SELECT COUNT(*) FROM quotations"),
            count(&shop, "SELECT COUNT(*) FROM events WHERE action = 'quotation.issued'"),
            "round {round}"
        );
        assert_eq!(
            count(&shop, "SELECT COUNT(*) FROM payments"),
            count(&shop, "SELECT COUNT(*) FROM events WHERE action = 'payment.recorded'"),
            "round {round}"
        );
        assert_eq!(
            count(
                &shop,
                "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_search s WHERE s.rowid = t.id)"
            ),
            0,
            "round {round}: every ticket is in the search index"
        );
    }
    let shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
    verify(&shop, &reported, ROUNDS);
    let tickets = count(&shop, "SELECT COUNT(*) FROM tickets");
    println!("{ROUNDS} rounds of kill -9 survived; {} commits reported, {tickets} tickets kept", reported.len());
    assert!(reported.len() as u64 > ROUNDS, "the writer got going in most rounds");
}
