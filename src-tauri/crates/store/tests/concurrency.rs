//! Four computers on one shared database at once: four child processes of this test binary,
//! each its own `Shop` on the same PostgreSQL database, 250 operations each. Most are on
//! their own tickets and returns; every fifth is a race on a shared one, where only one
//! computer may pass (the whole credit refunded, one quotation accepted, one return
//! authorized, one parcel received) or each passes without stepping on the others (a
//! quotation's revision each, one move to Assessing however many assess it). Each child
//! writes every operation that succeeded (and every refusal) to a file; the parent then
//! holds the database to what they report: no number given twice, every ticket's balance its
//! payments, every change with its event, nothing acknowledged lost.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use caseback_domain::after_sale::{
    Collection, Completion, EntryKind, NewPayment, PaymentEntry, PaymentMethod, Release,
};
use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::returns::{Package, ReturnForm, ReturnId, ReturnState};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::{Amount, Code};
use caseback_store::{fixture, vals, DataFolder, Shop};
use jiff::Timestamp;

const CHILDREN: usize = 4;
const OPERATIONS: usize = 250;
/// Every `RACE_EVERY`th operation of a child is a race on a shared record.
const RACE_EVERY: usize = 5;
const RACE_KINDS: usize = 8;
/// Shared records of each race kind: enough for every race slot of a child.
const RACES: usize = (OPERATIONS / RACE_EVERY).div_ceil(RACE_KINDS);

/// How many shared records of race kind `kind` (its place in the rotation) were raced on.
fn raced(kind: usize) -> usize {
    (OPERATIONS / RACE_EVERY - kind).div_ceil(RACE_KINDS)
}
/// What the parent pays on each refund-race ticket; each child tries to refund all of it.
const DEPOSIT: i64 = 10_000;
/// What the repair of each ticket ready for collection costs (paid in full before the race).
const REPAIR: i64 = 70_000;
/// Shared tickets every child pays on (and refunds a little on).
const SHARED_PAY: usize = 2;

/// 10:00 in Hong Kong on 8 November 2026: every operation is dated then (a return request
/// for a watch delivered on the 6th is still eligible, a quotation still valid).
fn now() -> Timestamp {
    "2026-11-08T02:00:00Z".parse().unwrap()
}

fn return_form(i: usize) -> ReturnForm {
    fixture::change_of_mind_request(i)
}

fn assessment() -> Assessment {
    Assessment {
        findings: "Worn crown".into(),
        decision: WarrantyDecision::NotCovered(NotCoveredReason::Wear),
        photos: vec![],
    }
}

fn draft(cents: i64) -> QuotationDraft {
    let line = QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Service".into(),
        quantity: Quantity::ONE,
        unit_price: Amount(cents),
        taxable: false,
        part: None,
    };
    QuotationDraft { lines: vec![line], timeline_working_days: 3, parts_returned: false }
}

fn answer() -> WrittenAnswer {
    WrittenAnswer {
        channel: ConfirmationChannel::EmailReply,
        reference: "Re: quotation".into(),
        scan: None,
        cosmetic_accepted: false,
    }
}

/// The repair done, with the photo of the repaired watch the Collection Notice shows.
fn completion(shop: &mut Shop, by: StaffId) -> Completion {
    let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\nrepaired", now()).unwrap();
    Completion { work_performed: "Serviced".into(), parts: vec![], photos: vec![photo.sha256], work_kind: None }
}

fn collected() -> Release {
    Release::Collected(Collection { collected_by: "The customer".into(), confirmation_shown: true })
}

/// A cash payment or refund, a payment taken even above the balance (staff confirmed it).
fn entry(kind: EntryKind, cents: i64) -> NewPayment {
    let entry = PaymentEntry { kind, amount: Amount(cents), method: PaymentMethod::Cash, reference: String::new() };
    NewPayment { entry, plan: None, confirm_over_balance: true }
}

fn open(url: &str, dir: &Path) -> (Shop, StaffId) {
    let shop = Shop::open_shared(DataFolder::lock(dir).unwrap(), fixture::connect_postgres(url)).unwrap();
    let by = shop.staff().unwrap()[0].id;
    (shop, by)
}

/// The shared records the children race on, as the parent set them up.
#[derive(Default)]
struct Plan {
    refund: Vec<(String, TicketId)>,
    quote: Vec<(String, TicketId)>,
    requote: Vec<(String, TicketId)>,
    reassess: Vec<(String, TicketId)>,
    /// Repaired and paid in full: ready for their Collection Notice, or to be collected.
    notice: Vec<(String, TicketId)>,
    release: Vec<(String, TicketId)>,
    authorize: Vec<ReturnId>,
    parcel: Vec<(ReturnId, String)>,
    pay: Vec<(String, TicketId)>,
}

impl Plan {
    fn write(&self, path: &Path) {
        let mut text = String::new();
        for (kind, list) in [
            ("refund", &self.refund),
            ("quote", &self.quote),
            ("requote", &self.requote),
            ("reassess", &self.reassess),
            ("notice", &self.notice),
            ("release", &self.release),
            ("pay", &self.pay),
        ] {
            for (number, id) in list {
                text.push_str(&format!("{kind} {number} {}\n", id.0));
            }
        }
        for id in &self.authorize {
            text.push_str(&format!("authorize {}\n", id.0));
        }
        for (id, code) in &self.parcel {
            text.push_str(&format!("parcel {} {code}\n", id.0));
        }
        std::fs::write(path, text).unwrap();
    }

    fn read(path: &Path) -> Plan {
        let mut plan = Plan::default();
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let w: Vec<&str> = line.split(' ').collect();
            let ticket = || (w[1].to_string(), TicketId(w[2].parse().unwrap()));
            match w[0] {
                "refund" => plan.refund.push(ticket()),
                "quote" => plan.quote.push(ticket()),
                "requote" => plan.requote.push(ticket()),
                "reassess" => plan.reassess.push(ticket()),
                "notice" => plan.notice.push(ticket()),
                "release" => plan.release.push(ticket()),
                "pay" => plan.pay.push(ticket()),
                "authorize" => plan.authorize.push(ReturnId(w[1].parse().unwrap())),
                "parcel" => plan.parcel.push((ReturnId(w[1].parse().unwrap()), w[2].to_string())),
                other => panic!("plan line {other}"),
            }
        }
        plan
    }
}

/// A small generator of its own, so each child's mix is the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % sides
    }
}

/// One of a child's own tickets as it knows it.
struct Own {
    number: String,
    id: TicketId,
    state: TicketState,
}

/// What a child did, one line per operation, flushed as it goes.
struct Report(std::fs::File);

impl Report {
    fn line(&mut self, text: String) {
        writeln!(self.0, "{text}").unwrap();
        self.0.flush().unwrap();
    }

    /// A success as `ok`, a refusal with its code as `refused`, anything else as `error`.
    fn outcome<T>(&mut self, op: &str, target: &str, r: caseback_store::Result<T>, ok: impl FnOnce(T) -> String) {
        let text = match r {
            Ok(v) => ok(v),
            Err(e) if matches!(e, caseback_store::StoreError::Domain(_)) => {
                format!("refused {op} {target} {}", e.code())
            }
            Err(e) => format!("error {op} {target} {:?}: {e}", e.code()),
        };
        self.line(text);
    }
}

#[test]
#[ignore = "a computer of four_computers_at_once_lose_nothing_and_never_share_a_number, not a test by itself"]
fn concurrency_child() {
    let env = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name}: run by the concurrency test"));
    let url = env("CASEBACK_CONCURRENCY_URL");
    let child: usize = env("CASEBACK_CONCURRENCY_CHILD").parse().unwrap();
    let plan = Plan::read(Path::new(&env("CASEBACK_CONCURRENCY_PLAN")));
    let mut report = Report(std::fs::File::create(env("CASEBACK_CONCURRENCY_OUT")).unwrap());
    let folder = tempfile::tempdir().unwrap();
    let (mut shop, by) = open(&url, folder.path());
    shop.set_computer(&format!("Counter {child}"));
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15 ^ (child as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9));
    let mut own: Vec<Own> = Vec::new();
    let mut requested: Vec<ReturnId> = Vec::new();
    let mut authorized: Vec<(ReturnId, String)> = Vec::new();
    let now = now();

    for i in 0..OPERATIONS {
        if i % RACE_EVERY == RACE_EVERY - 1 {
            let slot = i / RACE_EVERY;
            let item = slot / RACE_KINDS;
            match slot % RACE_KINDS {
                0 => {
                    let (number, id) = &plan.refund[item];
                    let r = shop.record_payment(by, *id, &entry(EntryKind::Refund, DEPOSIT), now);
                    report.outcome("race-refund", number, r, |p| format!("refund {number} {}", p.entry.amount.0));
                }
                1 => {
                    let (number, id) = &plan.quote[item];
                    let r = shop.answer_quotation(by, *id, 1, true, &answer(), now);
                    report.outcome("race-accept", number, r, |_| format!("accepted {number} 1"));
                }
                2 => {
                    let id = plan.authorize[item];
                    let r = shop.authorize_return(by, id, None, now);
                    report.outcome("race-authorize", &id.0.to_string(), r, |case| {
                        format!("authorized {} {}", id.0, case.rma.expect("a code").code)
                    });
                }
                3 => {
                    let (_, code) = &plan.parcel[item];
                    let r = shop.receive_package(by, Some(code), &Package::default(), now);
                    report.outcome("race-receive", code, r, |case| format!("received {} {code}", case.id.0));
                }
                4 => {
                    let (number, id) = &plan.requote[item];
                    let r = shop.issue_quotation(by, *id, &draft(60_000), now);
                    report.outcome("race-quote", number, r, |q| format!("quoted {number} {}", q.number.revision));
                }
                6 => {
                    let (number, id) = &plan.notice[item];
                    let r = shop.issue_collection_notice(by, *id, now);
                    report.outcome("race-notice", number, r, |_| format!("notice {number}"));
                }
                7 => {
                    let (number, id) = &plan.release[item];
                    let r = shop.release(by, *id, &collected(), now);
                    report.outcome("race-release", number, r, |_| format!("collected {number}"));
                }
                _ => {
                    let (number, id) = &plan.reassess[item];
                    let r = shop.record_assessment(by, *id, &assessment(), now);
                    report.outcome("race-assess", number, r, |_| format!("assessed {number}"));
                }
            }
            continue;
        }
        let roll = dice.roll(100);
        let first_in = |own: &[Own], state: TicketState| own.iter().position(|t| t.state == state);
        let op = match roll {
            20..30 if first_in(&own, TicketState::Received).is_some() => "assess",
            30..38 if first_in(&own, TicketState::Assessing).is_some() => "quote",
            38..44 if first_in(&own, TicketState::Quoted).is_some() => "accept",
            44..56 if !own.is_empty() => "pay",
            56..62 if !own.is_empty() => "refund",
            62..65 if !own.is_empty() => "over-refund",
            65..72 => "request",
            72..78 if !requested.is_empty() => "authorize",
            78..84 if !authorized.is_empty() => "receive",
            84..94 => "shared-pay",
            94..100 => "shared-refund",
            _ => "book",
        };
        // Unique amounts tie each payment row to the operation that made it.
        let cents = 1_000_000 * (child as i64 + 1) + i as i64;
        match op {
            "book" => {
                let r = shop.book_intake(by, &fixture::numbered_intake(10_000 * (child + 1) + i), &[], now);
                if let Ok(t) = &r {
                    own.push(Own { number: t.number.to_string(), id: t.id, state: t.state });
                }
                report.outcome(op, "-", r, |t| format!("ticket {}", t.number));
            }
            "assess" | "quote" | "accept" => {
                let (from, to) = match op {
                    "assess" => (TicketState::Received, TicketState::Assessing),
                    "quote" => (TicketState::Assessing, TicketState::Quoted),
                    _ => (TicketState::Quoted, TicketState::Approved),
                };
                let at = first_in(&own, from).unwrap();
                let t = &mut own[at];
                let number = t.number.clone();
                let r = match op {
                    "assess" => {
                        shop.record_assessment(by, t.id, &assessment(), now).map(|_| format!("assessed {number}"))
                    }
                    "quote" => shop
                        .issue_quotation(by, t.id, &draft(50_000), now)
                        .map(|q| format!("quoted {number} {}", q.number.revision)),
                    _ => {
                        shop.answer_quotation(by, t.id, 1, true, &answer(), now).map(|_| format!("accepted {number} 1"))
                    }
                };
                if r.is_ok() {
                    t.state = to;
                }
                report.outcome(op, &number, r, |line| line);
            }
            "pay" => {
                let t = &own[dice.roll(own.len() as u64) as usize];
                let r = shop.record_payment(by, t.id, &entry(EntryKind::Payment, cents), now);
                report.outcome(op, &t.number, r, |p| format!("payment {} {}", t.number, p.entry.amount.0));
            }
            "refund" | "over-refund" => {
                let t = &own[dice.roll(own.len() as u64) as usize];
                let credit = -shop.after_sale(t.id, now).unwrap().account.balance.0;
                // Within the credit it passes; one cent above it is refused (so is any refund
                // where nothing was paid beyond what is owed).
                let op = if credit > 0 { op } else { "over-refund" };
                let cents = if op == "refund" { (credit / 2).max(1) } else { credit.max(0) + 1 };
                let r = shop.record_payment(by, t.id, &entry(EntryKind::Refund, cents), now);
                report.outcome(op, &t.number, r, |p| match op {
                    "refund" => format!("refund {} {}", t.number, p.entry.amount.0),
                    _ => format!(
                        "error over-refund {} passed: {} above a credit of {credit}",
                        t.number, p.entry.amount.0
                    ),
                });
            }
            "request" => {
                let r = shop.request_return(by, &return_form(10_000 * (child + 1) + i), now);
                if let Ok(case) = &r {
                    requested.push(case.id);
                }
                report.outcome(op, "-", r, |case| format!("requested {}", case.id.0));
            }
            "authorize" => {
                let id = requested.remove(0);
                let r = shop.authorize_return(by, id, None, now);
                if let Ok(case) = &r {
                    authorized.push((id, case.rma.as_ref().unwrap().code.to_string()));
                }
                report.outcome(op, &id.0.to_string(), r, |case| {
                    format!("authorized {} {}", id.0, case.rma.expect("a code").code)
                });
            }
            "receive" => {
                let (id, code) = authorized.remove(0);
                let r = shop.receive_package(by, Some(&code), &Package::default(), now);
                report.outcome(op, &code, r, |case| {
                    assert_eq!(case.id, id, "the parcel lands on the return its code names");
                    format!("received {} {code}", case.id.0)
                });
            }
            "shared-pay" => {
                let (number, id) = &plan.pay[dice.roll(SHARED_PAY as u64) as usize];
                let r = shop.record_payment(by, *id, &entry(EntryKind::Payment, cents), now);
                report.outcome(op, number, r, |p| format!("payment {number} {}", p.entry.amount.0));
            }
            "shared-refund" => {
                let (number, id) = &plan.pay[dice.roll(SHARED_PAY as u64) as usize];
                let r = shop.record_payment(by, *id, &entry(EntryKind::Refund, 100 + i as i64), now);
                report.outcome(op, number, r, |p| format!("refund {number} {}", p.entry.amount.0));
            }
            _ => unreachable!(),
        }
    }
    report.line("done".into());
}

/// Sets up the shop and the shared records the children race on.
fn set_up(url: &str, dir: &Path) -> Plan {
    let (mut shop, by) = {
        let mut shop = Shop::open_shared(DataFolder::lock(dir).unwrap(), fixture::connect_postgres(url)).unwrap();
        shop.set_up(&fixture::test_settings(), &[fixture::STAFF.into()], now()).unwrap();
        let by = shop.staff().unwrap()[0].id;
        (shop, by)
    };
    let now = now();
    let mut plan = Plan::default();
    let book = |shop: &mut Shop, i: usize| {
        let t = shop.book_intake(by, &fixture::numbered_intake(i), &[], now).unwrap();
        (t.number.to_string(), t.id)
    };
    for i in 0..RACES {
        let (number, id) = book(&mut shop, i);
        shop.record_payment(by, id, &entry(EntryKind::Payment, DEPOSIT), now).unwrap();
        plan.refund.push((number, id));
        let (number, id) = book(&mut shop, 100 + i);
        shop.record_assessment(by, id, &assessment(), now).unwrap();
        shop.issue_quotation(by, id, &draft(80_000), now).unwrap();
        plan.quote.push((number, id));
        let (number, id) = book(&mut shop, 300 + i);
        shop.record_assessment(by, id, &assessment(), now).unwrap();
        plan.requote.push((number, id));
        plan.reassess.push(book(&mut shop, 400 + i));
        for (list, at) in [(&mut plan.notice, 500), (&mut plan.release, 600)] {
            let (number, id) = book(&mut shop, at + i);
            fixture::quoted_and_accepted(&mut shop, by, id, REPAIR, now, now);
            shop.move_ticket(by, id, TicketState::InRepair, now).unwrap();
            let done = completion(&mut shop, by);
            shop.complete_repair(by, id, &done, now).unwrap();
            shop.record_payment(by, id, &entry(EntryKind::Payment, REPAIR), now).unwrap();
            list.push((number, id));
        }
        plan.authorize.push(shop.request_return(by, &return_form(i), now).unwrap().id);
        let case = shop.request_return(by, &return_form(100 + i), now).unwrap();
        let case = shop.authorize_return(by, case.id, None, now).unwrap();
        plan.parcel.push((case.id, case.rma.unwrap().code.to_string()));
    }
    for i in 0..SHARED_PAY {
        plan.pay.push(book(&mut shop, 200 + i));
    }
    plan
}

/// Rows of the event log by action.
fn events_by_action(shop: &Shop) -> HashMap<String, i64> {
    shop.db()
        .rows("SELECT action, COUNT(*) FROM events GROUP BY action", vals![], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .into_iter()
        .collect()
}

fn count(shop: &Shop, sql: &str) -> i64 {
    shop.db().value(sql, vals![]).unwrap()
}

/// Runs the children, each until it is done (or the time is up, which fails the test).
fn run_children(url: &str, plan: &Path, out: &Path) -> Vec<Vec<String>> {
    let exe = std::env::current_exe().unwrap();
    let name = crate::test_name(module_path!(), "concurrency_child");
    let files: Vec<PathBuf> = (0..CHILDREN).map(|c| out.join(format!("child-{c}.txt"))).collect();
    let mut children: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(c, file)| {
            Command::new(&exe)
                .args(["--ignored", "--exact", &name, "--nocapture", "--test-threads=1"])
                .env("CASEBACK_CONCURRENCY_URL", url)
                .env("CASEBACK_CONCURRENCY_CHILD", c.to_string())
                .env("CASEBACK_CONCURRENCY_PLAN", plan)
                .env("CASEBACK_CONCURRENCY_OUT", file)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let started = Instant::now();
    let mut finished = [None; CHILDREN];
    while finished.iter().any(Option::is_none) {
        for (c, child) in children.iter_mut().enumerate() {
            if finished[c].is_none() {
                finished[c] = child.try_wait().unwrap();
            }
        }
        if started.elapsed() > Duration::from_secs(120) {
            for child in &mut children {
                let _ = child.kill();
            }
            panic!("the children did not finish within 2 minutes: a writer hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    for (c, mut child) in children.into_iter().enumerate() {
        let status = finished[c].unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert!(status.success(), "child {c} failed ({status}):\n{stderr}");
    }
    files.iter().map(|f| std::fs::read_to_string(f).unwrap().lines().map(str::to_string).collect()).collect()
}

#[test]
fn four_computers_at_once_lose_nothing_and_never_share_a_number() {
    let (url, _) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    let dir = tempfile::tempdir().unwrap();
    let parent = dir.path().join("parent");
    std::fs::create_dir(&parent).unwrap();
    let plan = set_up(&url, &parent);
    let plan_file = dir.path().join("plan.txt");
    plan.write(&plan_file);
    let (shop, _) = open(&url, &parent.join("again"));
    let before = events_by_action(&shop);
    let watches_before = count(&shop, "SELECT COUNT(*) FROM watches");
    let tickets_before = count(&shop, "SELECT COUNT(*) FROM tickets");
    let codes_before = count(&shop, "SELECT COUNT(*) FROM rma_codes");

    let started = Instant::now();
    let reports = run_children(&url, &plan_file, dir.path());
    let took = started.elapsed();

    // Every child got through, with nothing but the refusals its operation may meet.
    let lines: Vec<&String> = reports.iter().flatten().collect();
    for (c, report) in reports.iter().enumerate() {
        assert_eq!(report.last().map(String::as_str), Some("done"), "child {c} stopped early");
        assert_eq!(report.len(), OPERATIONS + 1, "child {c} reported every operation");
    }
    let errors: Vec<&&String> = lines.iter().filter(|l| l.starts_with("error ")).collect();
    assert!(errors.is_empty(), "{} operations failed with an error, not a refusal:\n{errors:#?}", errors.len());
    let allowed: &[(&str, Code)] = &[
        ("race-notice", Code::NoticeAlreadyIssued),
        ("race-release", Code::IllegalTransition),
        ("race-refund", Code::RefundExceedsCredit),
        ("race-accept", Code::QuotationAnswered),
        ("race-authorize", Code::IllegalTransition),
        ("race-receive", Code::RmaNotAwaited),
        ("over-refund", Code::RefundExceedsCredit),
        ("shared-refund", Code::RefundExceedsCredit),
    ];
    let mut refused: BTreeMap<&str, usize> = BTreeMap::new();
    for line in lines.iter().filter(|l| l.starts_with("refused ")) {
        let w: Vec<&str> = line.split(' ').collect();
        assert!(
            allowed.iter().any(|(op, code)| *op == w[1] && code.to_string() == w[3]),
            "an unexpected refusal: {line}"
        );
        *refused.entry(w[1]).or_default() += 1;
    }

    let ok = |kind: &str| -> Vec<Vec<&str>> {
        lines.iter().filter(|l| l.split(' ').next() == Some(kind)).map(|l| l.split(' ').skip(1).collect()).collect()
    };

    // No ticket number given twice, none skipped; every reported ticket is there.
    let numbers: Vec<&str> = ok("ticket").iter().map(|w| w[0]).collect();
    let distinct: HashSet<&str> = numbers.iter().copied().collect();
    assert_eq!(distinct.len(), numbers.len(), "a ticket number was given twice");
    let tickets = count(&shop, "SELECT COUNT(*) FROM tickets");
    assert_eq!(tickets, tickets_before + numbers.len() as i64, "every booking is there, and nothing else");
    let seqs: Vec<i64> = shop.db().rows("SELECT seq FROM tickets ORDER BY seq", vals![], |r| r.get(0)).unwrap();
    assert_eq!(seqs, (1..=tickets).collect::<Vec<_>>(), "numbers follow one another, none repeated or skipped");
    for number in &numbers {
        shop.ticket_by_number(number).unwrap_or_else(|e| panic!("{number} reported but lost: {e}"));
    }

    // No RMA code given twice; each names the return it was issued for.
    let issued = ok("authorized");
    let codes: HashSet<&str> = issued.iter().map(|w| w[1]).collect();
    assert_eq!(codes.len(), issued.len(), "an RMA code was given twice");
    assert_eq!(count(&shop, "SELECT COUNT(*) FROM rma_codes"), codes_before + issued.len() as i64);
    let code_seqs: Vec<i64> = shop.db().rows("SELECT seq FROM rma_codes ORDER BY seq", vals![], |r| r.get(0)).unwrap();
    assert_eq!(code_seqs, (1..=code_seqs.len() as i64).collect::<Vec<_>>());
    for w in &issued {
        let case = shop.return_by_code(w[1]).unwrap_or_else(|e| panic!("code {} reported but lost: {e}", w[1]));
        assert_eq!(case.id.0.to_string(), w[0], "code {} names its return", w[1]);
    }
    for w in ok("accepted") {
        assert_eq!(shop.ticket_by_number(w[0]).unwrap().state, TicketState::Approved, "{w:?}");
    }
    for w in ok("received") {
        let case = shop.return_by_code(w[1]).unwrap();
        assert_eq!(case.state, ReturnState::Received, "{w:?}");
    }

    // Each race had exactly one winner.
    let winners = |kind: &str, target: &dyn Fn(&[&str]) -> String, of: Vec<String>| {
        let race = ["refund", "accepted", "authorized", "received", "", "", "notice", "collected"]
            .iter()
            .position(|k| *k == kind)
            .unwrap();
        for t in of.into_iter().take(raced(race)) {
            let n = ok(kind).iter().filter(|w| target(w.as_slice()) == t).count();
            assert_eq!(n, 1, "{kind} {t}: {n} computers passed where only one may");
        }
    };
    winners("refund", &|w| w[0].to_string(), plan.refund.iter().map(|(n, _)| n.clone()).collect());
    winners("accepted", &|w| w[0].to_string(), plan.quote.iter().map(|(n, _)| n.clone()).collect());
    winners("authorized", &|w| w[0].to_string(), plan.authorize.iter().map(|id| id.0.to_string()).collect());
    winners("received", &|w| w[1].to_string(), plan.parcel.iter().map(|(_, c)| c.clone()).collect());
    winners("notice", &|w| w[0].to_string(), plan.notice.iter().map(|(n, _)| n.clone()).collect());
    winners("collected", &|w| w[0].to_string(), plan.release.iter().map(|(n, _)| n.clone()).collect());
    for (number, id) in plan.release.iter().take(raced(7)) {
        assert_eq!(shop.ticket(*id).unwrap().state, TicketState::Collected, "{number}");
    }

    // Quoting one ticket at once, every computer passes, each with a revision of its own.
    for (number, id) in plan.requote.iter().take(raced(4)) {
        let mut revisions: Vec<u32> =
            ok("quoted").iter().filter(|w| w[0] == number).map(|w| w[1].parse().unwrap()).collect();
        revisions.sort();
        assert_eq!(revisions, (1..=CHILDREN as u32).collect::<Vec<_>>(), "{number}: one revision each, none twice");
        assert_eq!(shop.quotations(*id).unwrap().len(), CHILDREN, "{number}: every revision reported is there");
    }

    // Assessing one ticket at once, every computer passes; it moves to Assessing once.
    for (number, id) in plan.reassess.iter().take(raced(5)) {
        let n = ok("assessed").iter().filter(|w| w[0] == number).count();
        assert_eq!(n, CHILDREN, "{number}: every assessment passes");
        let history = shop.history(caseback_domain::event::Subject::Ticket, number).unwrap();
        let moves: Vec<_> =
            history.iter().filter(|e| e.action == caseback_domain::event::Action::TicketState).collect();
        assert_eq!(moves.len(), 1, "{number}: moved to Assessing once, by whoever came first: {moves:?}");
        assert_eq!(shop.ticket(*id).unwrap().state, TicketState::Assessing);
    }

    // Every ticket's balance is its charges less what was paid and refunded, as reported.
    let mut paid: HashMap<&str, Vec<i64>> = HashMap::new();
    let mut refunds: HashMap<&str, i64> = HashMap::new();
    for w in ok("payment") {
        paid.entry(w[0]).or_default().push(w[1].parse().unwrap());
    }
    for w in ok("refund") {
        *refunds.entry(w[0]).or_default() += w[1].parse::<i64>().unwrap();
    }
    for (number, _) in &plan.refund {
        paid.entry(number.as_str()).or_default().push(DEPOSIT);
    }
    for (number, _) in plan.notice.iter().chain(&plan.release) {
        paid.entry(number.as_str()).or_default().push(REPAIR);
    }
    let all: Vec<(i64, String)> =
        shop.db().rows("SELECT id, number FROM tickets ORDER BY id", vals![], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    for (id, number) in &all {
        let account = shop.after_sale(TicketId(*id), now()).unwrap().account;
        let mut rows: Vec<i64> = shop
            .db()
            .rows("SELECT amount FROM payments WHERE ticket_id = ?1 AND kind = 'payment'", vals![*id], |r| r.get(0))
            .unwrap();
        rows.sort();
        let mut reported = paid.get(number.as_str()).cloned().unwrap_or_default();
        reported.sort();
        assert_eq!(rows, reported, "{number}: its payments are those reported, each once");
        let refunded = refunds.get(number.as_str()).copied().unwrap_or(0);
        assert_eq!(account.paid.0, reported.iter().sum::<i64>(), "{number}");
        assert_eq!(account.refunded.0, refunded, "{number}");
        assert_eq!(account.balance.0, account.total_charges.0 - account.paid.0 + account.refunded.0, "{number}");
        if account.total_charges.0 == 0 {
            assert!(account.refunded <= account.paid, "{number}: more refunded than was paid");
        }
    }

    // Every change has its event, and no event is there without its change.
    let after = events_by_action(&shop);
    let logged = |action: &str| after.get(action).unwrap_or(&0) - before.get(action).unwrap_or(&0);
    let done = |kind: &str| ok(kind).len() as i64;
    for (action, kind) in [
        ("ticket.received", "ticket"),
        ("ticket.assessed", "assessed"),
        ("quotation.issued", "quoted"),
        ("quotation.accepted", "accepted"),
        ("payment.recorded", "payment"),
        ("payment.refunded", "refund"),
        ("return.requested", "requested"),
        ("return.authorized", "authorized"),
        ("return.package_received", "received"),
        ("collection_notice.issued", "notice"),
        ("ticket.collected", "collected"),
    ] {
        assert_eq!(logged(action), done(kind), "{action} events against the {kind} operations reported");
    }
    // Assessing, quoting and accepting each move the ticket once; a ticket assessed or
    // quoted again stays where it is.
    let requoted: HashSet<&str> = plan.requote.iter().map(|(n, _)| n.as_str()).collect();
    let first_quotes = ok("quoted").iter().filter(|w| !requoted.contains(w[0]) || w[1] == "1").count() as i64;
    let reassessed: HashSet<&str> = plan.reassess.iter().map(|(n, _)| n.as_str()).collect();
    let own_assessed = ok("assessed").iter().filter(|w| !reassessed.contains(w[0])).count() as i64;
    let first_assessed =
        ok("assessed").iter().filter(|w| reassessed.contains(w[0])).map(|w| w[0]).collect::<HashSet<_>>();
    let moves = own_assessed + first_assessed.len() as i64 + first_quotes + done("accepted") + done("collected");
    assert_eq!(logged("ticket.state"), moves);
    // Each watch booked in for the first time got its record, and its record's event.
    let watches = count(&shop, "SELECT COUNT(*) FROM watches") - watches_before;
    assert_eq!(logged("watch.recorded"), watches);
    let total: i64 = after.values().sum::<i64>() - before.values().sum::<i64>() - watches;
    let changes: i64 = [
        "ticket",
        "assessed",
        "quoted",
        "accepted",
        "payment",
        "refund",
        "requested",
        "authorized",
        "received",
        "notice",
        "collected",
    ]
    .iter()
    .map(|k| done(k))
    .sum();
    assert_eq!(total, changes + moves, "no event without its change");
    // And in the tables: each record with its event.
    // The parent quoted a ticket to accept, one to collect and one to notify per race.
    assert_eq!(count(&shop, "SELECT COUNT(*) FROM quotations"), 3 * RACES as i64 + done("quoted"));
    assert_eq!(
        count(&shop, "SELECT COUNT(*) FROM quotation_answers"),
        after.get("quotation.accepted").copied().unwrap_or(0),
        "one answer per acceptance logged"
    );

    println!(
        "{CHILDREN} computers × {OPERATIONS} operations in {took:.1?}: {} tickets, {} codes, refusals {refused:?}",
        numbers.len(),
        issued.len()
    );
}
