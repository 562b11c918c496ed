//! The store on both engines: round trips, refusals that write nothing, the event log (the
//! SQLite file's own backup and the demo, always a file, on SQLite only).

use caseback_domain::event::{Action, Subject};
use caseback_domain::presets::PresetId;
use caseback_domain::staff::RosterEntry;
use caseback_domain::Code;
use caseback_domain::{Amount, Currency, Settings};
use caseback_store::sql::Engine;
use caseback_store::{backup, demo, fixture, vals, DataFolder, Shop};
use jiff::Timestamp;

fn now() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn new_shop(dir: &std::path::Path) -> Shop {
    set_up(Shop::open(DataFolder::lock(dir).unwrap()).unwrap())
}

/// Sets up `shop` as this file's test shop: Kowloon Time Care with two staff members.
fn set_up(mut shop: Shop) -> Shop {
    let settings =
        Settings::new("Kowloon Time Care", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong");
    shop.set_up(&settings, &["Mei Chan".into(), "Çağrı Öztürk".into()], now()).unwrap();
    shop
}

fn snapshot(shop: &Shop) -> (String, Vec<String>, i64) {
    let settings = serde_json::to_string(&shop.settings().unwrap()).unwrap();
    let staff = shop.staff().unwrap().into_iter().map(|m| format!("{}:{}:{}", m.id.0, m.name, m.active)).collect();
    (settings, staff, fixture::event_count(shop.db()).unwrap())
}

#[test]
fn settings_and_staff_survive_reopening_the_shop() {
    on_each_engine(|mut shop, place| {
        let by = shop.staff().unwrap()[0].id;
        let next = shop
            .settings()
            .unwrap()
            .apply([("policy.storage_fee_per_day", "12.50"), ("forms.paper_size", "letter")])
            .unwrap();
        let mut roster: Vec<RosterEntry> = shop.staff().unwrap().into_iter().map(RosterEntry::from).collect();
        roster.push(RosterEntry { id: None, name: "王小明".into(), active: true, role: Default::default() });
        shop.save_settings(by, &next, &roster, now()).unwrap();
        drop(shop);

        let shop = place.open();
        let s = shop.settings().unwrap();
        assert_eq!(s.policy.storage_fee_per_day, Amount(1250));
        assert_eq!(s.paper, caseback_domain::settings::PaperSize::Letter);
        let names: Vec<_> = shop.staff().unwrap().into_iter().map(|m| m.name).collect();
        assert!(names.contains(&"王小明".to_string()) && names.contains(&"Çağrı Öztürk".to_string()));
        let history = shop.history(Subject::Settings, "shop").unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1].action, Action::SettingsSaved);
        assert_eq!(history[1].staff, Some(by));
        let fields = history[1].detail["fields"].as_array().unwrap();
        assert!(fields.iter().any(|f| f == "policy.storage_fee_per_day"));
    });
}

#[test]
fn refused_settings_write_nothing() {
    on_each_engine(|mut shop, _| {
        let by = shop.staff().unwrap()[0].id;
        let before = snapshot(&shop);
        let roster: Vec<RosterEntry> = shop.staff().unwrap().into_iter().map(RosterEntry::from).collect();

        let mut bad = shop.settings().unwrap();
        bad.policy.storage_fee_per_day = Amount(-100);
        let err = shop.save_settings(by, &bad, &roster, now()).unwrap_err();
        assert_eq!(err.code(), Code::InvalidInput);

        let mut bad = shop.settings().unwrap();
        bad.shop.name = "   ".into();
        assert_eq!(shop.save_settings(by, &bad, &roster, now()).unwrap_err().code(), Code::InvalidInput);

        // a valid change with an invalid staff list is refused whole
        let good = shop.settings().unwrap().apply([("shop.phone", "+852 1234 5678")]).unwrap();
        let mut no_one = roster.clone();
        no_one.iter_mut().for_each(|e| e.active = false);
        assert_eq!(shop.save_settings(by, &good, &no_one, now()).unwrap_err().code(), Code::InvalidInput);

        // unknown actor
        let unknown = caseback_domain::staff::StaffId(999);
        assert_eq!(shop.save_settings(unknown, &good, &roster, now()).unwrap_err().code(), Code::InvalidInput);

        assert_eq!(snapshot(&shop), before);
    });
}

#[test]
fn former_staff_cannot_act() {
    on_each_engine(|mut shop, _| {
        let staff = shop.staff().unwrap();
        let (mei, cagri) = (
            staff.iter().find(|m| m.name == "Mei Chan").unwrap().id,
            staff.iter().find(|m| m.name != "Mei Chan").unwrap().id,
        );
        let roster = vec![
            RosterEntry { id: Some(mei), name: "Mei Chan".into(), active: true, role: Default::default() },
            RosterEntry { id: Some(cagri), name: "Çağrı Öztürk".into(), active: false, role: Default::default() },
        ];
        shop.save_settings(mei, &shop.settings().unwrap(), &roster, now()).unwrap();
        let err = shop.set_logo(cagri, b"\x89PNG\r\n\x1a\n....", "logo.png", now()).unwrap_err();
        assert!(err.to_string().contains("no longer active"), "{err}");
    });
}

#[test]
fn staff_are_listed_in_the_same_order_on_a_database_that_sorts_text_by_language() {
    let names = ["Mei Chan", "Çağrı Öztürk", "Ayşe Yılmaz", "Zoë Lam"];
    let listed = |mut shop: Shop| {
        let settings =
            Settings::new("Kowloon Time Care", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "UTC");
        shop.set_up(&settings, &names.map(String::from), now()).unwrap();
        shop.staff().unwrap().into_iter().map(|m| m.name).collect::<Vec<_>>()
    };
    let file = tempfile::tempdir().unwrap();
    let on_sqlite = listed(Shop::open(DataFolder::lock(file.path()).unwrap()).unwrap());
    // By code point, as SQLite compares text: "Ç" (U+00C7) after every ASCII letter.
    assert_eq!(on_sqlite, ["Ayşe Yılmaz", "Mei Chan", "Zoë Lam", "Çağrı Öztürk"]);
    let folder = tempfile::tempdir().unwrap();
    let english = Shop::open_shared(DataFolder::lock(folder.path()).unwrap(), english_sorted_database()).unwrap();
    assert_eq!(listed(english), on_sqlite, "a server set up in English puts Ç with C");
}

#[test]
fn the_event_log_refuses_update_and_delete() {
    on_each_engine(|shop, _| {
        let update = shop.db().exec("UPDATE events SET action = 'forged'", vals![]).unwrap_err();
        assert!(update.to_string().contains("append-only"), "{update}");
        let delete = shop.db().exec("DELETE FROM events", vals![]).unwrap_err();
        assert!(delete.to_string().contains("append-only"), "{delete}");
        assert_eq!(fixture::event_count(shop.db()).unwrap(), 1);
    });
}

#[test]
fn setting_up_twice_is_refused() {
    on_each_engine(|mut shop, _| {
        let again = Settings::new("Other", Currency::from_code("USD").unwrap(), PresetId::Kospet, "UTC");
        assert_eq!(shop.set_up(&again, &["X".into()], now()).unwrap_err().code(), Code::InvalidInput);
        assert_eq!(shop.settings().unwrap().shop.name, "Kowloon Time Care");
    });
}

#[test]
fn logo_is_copied_in_and_read_back_by_hash() {
    on_each_engine(|mut shop, place| {
        let by = shop.staff().unwrap()[0].id;
        let png = b"\x89PNG\r\n\x1a\nnot really a png but sniffed as one".to_vec();
        shop.set_logo(by, &png, "../../etc/logo.png", now()).unwrap();
        let logo = shop.logo().unwrap().unwrap();
        assert_eq!(logo.media_type, "image/png");
        assert_eq!(logo.bytes, png);
        let sha = shop.settings().unwrap().shop.logo.unwrap();
        match shop.db().engine() {
            Engine::Sqlite => assert!(place.dir.path().join("attachments").join(&sha[..2]).join(&sha).exists()),
            // A shared database keeps the content itself, for every computer.
            Engine::Postgres => {
                let kept: i64 =
                    shop.db().value("SELECT count(*) FROM attachment_bytes WHERE sha256 = ?1", vals![sha]).unwrap();
                assert_eq!(kept, 1);
            }
        }
        assert!(shop.set_logo(by, b"GIF89a", "x.gif", now()).is_err());
        shop.clear_logo(by, now()).unwrap();
        assert!(shop.logo().unwrap().is_none());
    });
}

// SQLite only: `backup::to_file` is SQLite's page-level backup of the file.
#[test]
fn backup_is_a_checked_copy_that_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let shop = new_shop(dir.path());
    let dest = dir.path().join("usb").join("caseback-backup.sqlite");
    let summary = backup::to_file(shop.connection(), &dest).unwrap();
    assert_eq!(summary.shop_name.as_deref(), Some("Kowloon Time Care"));
    assert_eq!(summary.staff, 2);
    assert_eq!(summary.events, 1);
    assert!(summary.bytes > 0);
    // the copy opens as a shop of its own
    let copy_dir = tempfile::tempdir().unwrap();
    std::fs::copy(&dest, copy_dir.path().join("caseback.sqlite")).unwrap();
    let copy = Shop::open(DataFolder::lock(copy_dir.path()).unwrap()).unwrap();
    assert_eq!(copy.settings().unwrap(), shop.settings().unwrap());
}

// SQLite only: the demo shop is always a data file of its own.
#[test]
fn demo_shop_is_created_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = DataFolder::demo_root(dir.path());
    let shop = demo::open_or_create(&root, now()).unwrap();
    assert!(shop.settings().unwrap().shop.name.contains("demo"));
    assert_eq!(shop.staff().unwrap().len(), 3);
    let tickets = shop.search_tickets("", None, 100).unwrap();
    assert_eq!(tickets.len(), 23);
    let names: Vec<_> = tickets.iter().map(|t| t.customer_name.as_str()).collect();
    assert!(names.contains(&"Çağrı Öztürk") && names.contains(&"王小明"), "{names:?}");
    let today = shop.settings().unwrap().today(now());
    let overdue = tickets.iter().filter(|t| t.next_deadline.is_some_and(|d| d < today)).count();
    assert!(overdue >= 2, "some assessments are overdue: {overdue}");
    assert_eq!(shop.serial_tickets("KPT3U-2291-0042").unwrap().len(), 2, "one watch seen twice");
    // Watches with their history: several services and an owner change, readings (some
    // outside the shop's tolerances), and a watch returned, sold again and booked in.
    let record = |serial: &str| shop.watch(shop.watch_by_serial(serial).unwrap().expect(serial)).unwrap();
    let tudor = record("M79030N-0001");
    assert!(tudor.tickets.len() >= 2 && tudor.owners.len() >= 2, "{:?}", tudor.owners);
    let settings = shop.settings().unwrap();
    let out_of_tolerance = tickets
        .iter()
        .flat_map(|t| shop.readings(t.id).unwrap())
        .filter(|(r, _)| !r.warnings(&settings.tolerances).is_empty())
        .count();
    assert!(out_of_tolerance >= 1, "some readings are outside the tolerances");
    let sheen = record("SHE4540-118");
    assert_eq!((sheen.tickets.len(), sheen.returns.len()), (1, 1));
    use caseback_domain::ticket::TicketState::*;
    for state in [
        Received,
        Assessing,
        Quoted,
        QuoteExpired,
        ReturnDue,
        Approved,
        InRepair,
        ReadyForCollection,
        Collected,
        Shipped,
    ] {
        assert!(tickets.iter().any(|t| t.state == state), "the demo has a ticket in {state:?}");
    }
    // Ready tickets in every after-repair situation Today lists.
    let ready: Vec<_> = tickets
        .iter()
        .filter(|t| t.state == ReadyForCollection)
        .map(|t| shop.after_sale(t.id, now()).unwrap())
        .collect();
    assert!(ready.iter().any(|s| s.notice.is_none()), "repaired, no notice yet");
    assert!(ready.iter().any(|s| s.account.storage_days > 0), "storage accruing");
    assert!(ready.iter().any(|s| s.account.balance.0 > 0 && !s.payments.is_empty()), "a deposit, balance due");
    assert!(ready.iter().any(|s| s.shipping.is_some() && s.account.is_settled()), "paid, waiting to dispatch");
    let returns = shop.search_returns("", None, 100).unwrap();
    for state in caseback_domain::returns::ReturnState::ALL {
        assert!(returns.iter().any(|r| r.state == state), "the demo has a return in {state:?}");
    }
    drop(shop);
    let shop = demo::open_or_create(&root, now()).unwrap();
    assert_eq!(shop.staff().unwrap().len(), 3, "opening again adds nothing");
    assert_eq!(shop.search_tickets("", None, 100).unwrap().len(), 23);
}

// SQLite only: the demo shop is always a data file of its own.
#[test]
fn a_real_shop_is_never_taken_for_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_shop(dir.path()));
    let err = demo::open_or_create(dir.path(), now()).err().expect("refused");
    assert!(err.to_string().contains("real shop"), "{err}");
}

/// Where a test shop's data is kept: its folder and, on PostgreSQL, its database.
struct Place {
    dir: tempfile::TempDir,
    postgres: Option<String>,
}

impl Place {
    /// Opens the shop there (again).
    fn open(&self) -> Shop {
        let folder = DataFolder::lock(self.dir.path()).unwrap();
        match &self.postgres {
            None => Shop::open(folder).unwrap(),
            Some(url) => Shop::open_shared(folder, fixture::connect_postgres(url)).unwrap(),
        }
    }
}

/// Runs `body` on this file's test shop (`set_up`) on each engine, saying which one failed.
fn on_each_engine(body: impl Fn(Shop, &Place)) {
    for engine in fixture::ENGINES {
        let postgres = match engine {
            Engine::Sqlite => None,
            Engine::Postgres => Some(fixture::empty_postgres_database().expect(fixture::NO_POSTGRES).0),
        };
        let place = Place { dir: tempfile::tempdir().unwrap(), postgres };
        let shop = set_up(place.open());
        let run = std::panic::AssertUnwindSafe(|| body(shop, &place));
        if let Err(panic) = std::panic::catch_unwind(run) {
            eprintln!("(the failure above was on {engine:?})");
            std::panic::resume_unwind(panic);
        }
    }
}

/// A new database on the test server that sorts text by English rules (ICU's), as a server
/// set up with an English locale does; the test server itself sorts by code point.
fn english_sorted_database() -> caseback_store::sql::pg::Pg {
    let (_, server) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    let db = caseback_store::sql::Db::postgres(server);
    let name: String = db.value("SELECT current_database()", vals![]).unwrap();
    let english = format!("{name}_en");
    // One left by an earlier run whose process had this id, as `empty_postgres_database` does.
    db.batch(&format!("DROP DATABASE IF EXISTS {english}")).unwrap();
    db.batch(&format!("CREATE DATABASE {english} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C'"))
        .unwrap();
    let mut config: postgres::Config = fixture::postgres_url().unwrap().parse().unwrap();
    config.dbname(&english);
    caseback_store::sql::pg::Pg::connect(config).unwrap()
}
