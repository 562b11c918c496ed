//! A computer set up for a shared database: the connection kept in the data folder without
//! its password, the password in the pgpass file PostgreSQL clients read, and the shop opened
//! on the server with this computer's name in the event log.

use std::os::unix::fs::PermissionsExt;

use caseback_domain::event::Subject;
use caseback_store::shared_database::SharedDatabase;
use caseback_store::sql::Engine;
use caseback_store::{fixture, DataFolder, Shop};
use jiff::Timestamp;

fn now() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The test server's database `url` as the settings form would hold it.
fn connection_to(url: &str, computer: &str) -> SharedDatabase {
    SharedDatabase::from_config(&url.parse().unwrap(), computer)
}

#[test]
fn a_computer_set_up_for_a_shared_database_opens_the_shop_there_and_signs_its_changes() {
    let (url, _) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
    let dir = tempfile::tempdir().unwrap();
    let shared = connection_to(&url, "Bench");
    shared.check().unwrap();
    shared.save(dir.path()).unwrap();
    let saved = dir.path().join("shared-database.json");
    assert_eq!(mode(&saved), 0o600, "readable only by the user");
    assert!(!std::fs::read_to_string(&saved).unwrap().contains("password"), "no password in the folder");
    assert_eq!(SharedDatabase::load(dir.path()).unwrap(), Some(shared.clone()));

    let mut shop = Shop::open_configured(DataFolder::lock(dir.path()).unwrap()).unwrap();
    assert_eq!(shop.db().engine(), Engine::Postgres);
    let settings = fixture::test_settings();
    shop.set_up(&settings, &["Mei Chan".into()], now()).unwrap();
    let by = shop.staff().unwrap()[0].id;
    let ticket = shop.book_intake(by, &fixture::numbered_intake(1), &[], now()).unwrap();
    let history = shop.history_by_computer(Subject::Ticket, &ticket.number.to_string()).unwrap();
    assert!(!history.is_empty() && history.iter().all(|(_, computer)| computer == "Bench"), "{history:?}");
    drop(shop);

    // Forgotten, the folder's own file is the shop again: a new, empty one.
    SharedDatabase::remove(dir.path()).unwrap();
    let file = Shop::open_configured(DataFolder::lock(dir.path()).unwrap()).unwrap();
    assert_eq!(file.db().engine(), Engine::Sqlite);
    assert!(!file.is_set_up().unwrap());
}

#[test]
fn a_connection_left_half_filled_in_is_refused_at_each_field() {
    let empty = SharedDatabase {
        host: " ".into(),
        port: 0,
        database: String::new(),
        user: String::new(),
        computer: String::new(),
        tls: Default::default(),
        branch: None,
    };
    let refused = empty.check().unwrap_err();
    let fields: Vec<String> = match refused {
        caseback_store::StoreError::Domain(caseback_domain::DomainError::Invalid(problems)) => {
            problems.iter().map(|p| p.field.to_string()).collect()
        }
        other => panic!("{other}"),
    };
    assert_eq!(fields, ["host", "port", "database", "user", "computer"]);
}

#[test]
fn the_password_goes_to_a_private_pgpass_file_replacing_the_old_one_and_is_used_to_connect() {
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(&pgpass, "other:5432:*:someone:keep-me\n").unwrap();
    // Only this test reads or writes a pgpass file, so setting its variable is safe here.
    std::env::set_var("PGPASSFILE", &pgpass);
    let shared = SharedDatabase {
        host: "db.shop.lan".into(),
        port: 5432,
        database: "caseback".into(),
        user: "counter".into(),
        computer: "Counter".into(),
        tls: Default::default(),
        branch: None,
    };
    shared.save_password("first").unwrap();
    shared.save_password("se:cret").unwrap();
    let text = std::fs::read_to_string(&pgpass).unwrap();
    assert_eq!(text, "db.shop.lan:5432:caseback:counter:se\\:cret\nother:5432:*:someone:keep-me\n");
    assert_eq!(mode(&pgpass), 0o600);
    assert_eq!(shared.config().get_password(), Some(&b"se:cret"[..]));
    let elsewhere = SharedDatabase { user: "nobody".into(), ..shared };
    assert_eq!(elsewhere.config().get_password(), None, "no password for another user");
    std::env::remove_var("PGPASSFILE");
}

#[test]
fn a_shared_shops_backup_is_a_checked_sqlite_file_with_its_attachments_that_restores_as_the_same_shop() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = caseback_store::demo::open_or_create(a.path(), now()).unwrap();
    let (_, pg) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    let mut shared = Shop::open_shared(DataFolder::lock(b.path()).unwrap(), pg).unwrap();
    file.copy_into(&mut shared).unwrap();

    let summary = shared.daily_backup(now()).unwrap().expect("today's backup");
    assert!(summary.path.starts_with(b.path().join("backups")), "{}", summary.path.display());
    assert_eq!(summary.tickets as usize, file.search_tickets("", None, 1000).unwrap().len());
    assert!(shared.daily_backup(now()).unwrap().is_none(), "one a day");
    let attachments = b.path().join("backups").join("attachments");
    assert!(std::fs::read_dir(&attachments).unwrap().count() > 0, "the attachments beside it");
    assert!(!std::fs::read_dir(b.path().join("backups"))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains("copying")));

    // Restored into a shop in a folder, it is the shop that was shared.
    let (mut restored, _) = fixture::new_shop(c.path(), now());
    restored.restore_from(&summary.path, "the test", now()).unwrap();
    let tables = |s: &Shop| -> Vec<(String, i64)> {
        s.fingerprint().unwrap().tables.into_iter().filter(|t| t.table != "events").map(|t| (t.table, t.rows)).collect()
    };
    assert_eq!(tables(&restored), tables(&file));
}

#[test]
fn a_change_on_one_computer_is_announced_to_the_others_within_a_second_marked_with_its_maker() {
    use caseback_store::sql::pg::{listen, Change};
    use std::sync::mpsc;
    let (url, _) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
    let (counter_dir, bench_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let open = |dir: &std::path::Path| {
        Shop::open_shared(DataFolder::lock(dir).unwrap(), fixture::connect_postgres(&url)).unwrap()
    };
    let mut counter = open(counter_dir.path());
    counter.set_up(&fixture::test_settings(), &["Mei Chan".into()], now()).unwrap();
    let bench = open(bench_dir.path());
    assert_ne!(counter.db().origin(), bench.db().origin());

    let (tx, rx) = mpsc::channel();
    let (config, tls) = bench.db().postgres_config().unwrap();
    listen(config, tls, move |payload| tx.send(payload.to_string()).is_ok());
    // The listener connects in the background: wait until a first announcement gets through.
    let by = counter.staff().unwrap()[0].id;
    let mut heard = None;
    for i in 0..50 {
        let ticket = counter.book_intake(by, &fixture::numbered_intake(i), &[], now()).unwrap();
        if let Ok(payload) = rx.recv_timeout(std::time::Duration::from_millis(200)) {
            heard = Some((ticket, payload));
            break;
        }
    }
    let (_, first) = heard.expect("the bench hears the counter's changes");
    let first = Change::parse(&first).unwrap();
    assert_eq!(first.origin, counter.db().origin(), "marked as the counter's");
    while rx.try_recv().is_ok() {}

    let started = std::time::Instant::now();
    let ticket = counter.book_intake(by, &fixture::numbered_intake(99), &[], now()).unwrap();
    // An intake announces the ticket and its watch, in whichever order they are heard; an
    // announcement of the earlier intakes may still be on its way too.
    let wanted = format!("ticket:{}", ticket.number);
    let deadline = started + std::time::Duration::from_secs(1);
    let mut heard = Vec::new();
    while !heard.contains(&wanted) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let payload = rx.recv_timeout(left).unwrap_or_else(|_| panic!("{wanted} within a second; heard {heard:?}"));
        let change = Change::parse(&payload).unwrap();
        assert_eq!(change.origin, counter.db().origin(), "marked as the counter's");
        heard.push(change.record);
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}

#[test]
fn a_server_that_does_not_answer_is_said_within_five_seconds() {
    use caseback_store::sql::pg::Pg;
    use std::time::{Duration, Instant};
    // A "server" that takes the connection and never says a word: a cut network looks so.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = std::thread::spawn(move || {
        let kept: Vec<_> = silent.incoming().take(1).flatten().collect();
        std::thread::sleep(Duration::from_secs(7));
        drop(kept);
    });
    let mut config = postgres::Config::new();
    config.host("127.0.0.1").port(port).dbname("shop").user("counter");
    let started = Instant::now();
    let refused = match Pg::connect(config) {
        Err(e) => e,
        Ok(_) => panic!("a silent server connected"),
    };
    let waited = started.elapsed();
    assert!(waited < Duration::from_millis(5_900), "{waited:?}");
    assert_eq!(refused.code(), caseback_domain::Code::ServerUnavailable);
    let said = refused.to_string();
    assert!(said.contains("127.0.0.1:") && said.contains("no answer within 5 seconds"), "{said}");
    held.join().unwrap();
}

#[test]
fn a_session_the_server_ends_while_idle_is_replaced_without_a_word() {
    use std::time::{Duration, Instant};
    let (url, _) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
    let dir = tempfile::tempdir().unwrap();
    let mut shop = Shop::open_shared(DataFolder::lock(dir.path()).unwrap(), fixture::connect_postgres(&url)).unwrap();
    shop.set_up(&fixture::test_settings(), &["Mei Chan".into()], now()).unwrap();
    // The server ends this computer's session, as a restart of the server would.
    let admin = fixture::connect_postgres(&url);
    let admin = caseback_store::db_postgres::open(admin).unwrap();
    let mine: i64 = shop.db().value("SELECT pg_backend_pid()::BIGINT", &[]).unwrap();
    admin.exec("SELECT pg_terminate_backend(?1::INTEGER)", caseback_store::vals![mine]).unwrap();
    // The next use finds the idle connection gone and, outside any change, simply connects
    // again: the person at the counter never sees the server's restart.
    let started = Instant::now();
    assert_eq!(shop.settings().unwrap().shop.name, "Kowloon Time Care", "back by itself");
    assert!(started.elapsed() < Duration::from_secs(3));
    let now_mine: i64 = shop.db().value("SELECT pg_backend_pid()::BIGINT", &[]).unwrap();
    assert_ne!(now_mine, mine, "on a new session");
}

/// The test server over TCP (`CASEBACK_TEST_POSTGRES_TCP`, where it speaks TLS), as a
/// computer's connection protected as `tls` says.
fn over_tcp(tls: caseback_store::sql::pg::TlsMode) -> SharedDatabase {
    let url = std::env::var("CASEBACK_TEST_POSTGRES_TCP").expect(fixture::NO_POSTGRES);
    SharedDatabase { tls, ..connection_to(&url, "Office") }
}

#[test]
fn an_encrypted_connection_is_encrypted_and_a_checked_one_refuses_a_certificate_nobody_vouches_for() {
    use caseback_store::sql::pg::TlsMode;
    let encrypted_here = |shared: &SharedDatabase| -> bool {
        let db = caseback_store::db_postgres::open(shared.connect().unwrap()).unwrap();
        db.value("SELECT ssl::INTEGER::BIGINT FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
            .map(|v: i64| v == 1)
            .unwrap()
    };
    assert!(encrypted_here(&over_tcp(TlsMode::Encrypted)), "encrypted");
    assert!(!encrypted_here(&over_tcp(TlsMode::Off)), "off");
    // The test server's certificate is self-signed: a checked connection refuses it, in words.
    let refused = match over_tcp(TlsMode::Verified).connect() {
        Err(e) => e,
        Ok(_) => panic!("a self-signed certificate was taken as checked"),
    };
    assert_eq!(refused.code(), caseback_domain::Code::ServerUnavailable);
    assert!(refused.to_string().to_lowercase().contains("certificate"), "{refused}");
}

#[test]
fn a_database_name_the_server_does_not_have_is_refused_at_its_field() {
    let url = fixture::postgres_url().expect(fixture::NO_POSTGRES);
    let shared = SharedDatabase { database: "no_such_shop".into(), ..connection_to(&url, "Counter") };
    match shared.probe().unwrap_err() {
        caseback_store::StoreError::Domain(caseback_domain::DomainError::Invalid(problems)) => {
            assert_eq!(problems[0].field.to_string(), "database");
            assert_eq!(problems[0].message, "The server has no database of this name.");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_shared_shops_export_is_the_same_spreadsheets_and_files_as_from_its_folder() {
    let (a, b, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = caseback_store::demo::open_or_create(a.path(), now()).unwrap();
    let (_, pg) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    let mut shared = Shop::open_shared(DataFolder::lock(b.path()).unwrap(), pg).unwrap();
    file.copy_into(&mut shared).unwrap();
    let here = file.export_csv(out.path(), now()).unwrap();
    let there = shared.export_csv(out.path(), "2026-11-22T09:31:00Z".parse().unwrap()).unwrap();
    assert_eq!(here.tables, there.tables);
    assert!(here.tables.iter().all(|(t, _)| t != "shop_secrets"), "the RMA key stays out");
    assert_eq!((here.attachments, there.attachments), (4, 4), "a photo and three signatures");
    for (table, _) in &here.tables {
        let read = |dir: &std::path::Path| std::fs::read(dir.join(format!("{table}.csv"))).unwrap();
        assert_eq!(read(&here.folder), read(&there.folder), "{table}.csv");
    }
    let files = |dir: &std::path::Path| -> Vec<Vec<u8>> {
        let mut all: Vec<_> = std::fs::read_dir(dir.join("attachments"))
            .unwrap()
            .flatten()
            .map(|e| std::fs::read(e.path()).unwrap())
            .collect();
        all.sort();
        all
    };
    assert_eq!(files(&here.folder), files(&there.folder));
}
