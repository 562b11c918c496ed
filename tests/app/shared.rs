//! Two computers, one shop: two app windows on one shared PostgreSQL database. A ticket
//! booked at the counter appears in the bench's Tickets list without anyone reloading it,
//! and the event log names the computer it was booked on.

use anyhow::Result;
use caseback_store::shared_database::SharedDatabase;
use caseback_store::{fixture, DataFolder, Shop};

use crate::rig::{bounded, Rig};

/// This computer's connection to the test server's database `url`, saved in `dir`.
fn join(dir: &std::path::Path, url: &str, computer: &str) -> Result<()> {
    SharedDatabase::from_config(&url.parse()?, computer).save(dir)?;
    Ok(())
}

/// Runs `f` off the test's async runtime: the PostgreSQL client blocks, with a runtime of its own.
fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(f).join().expect("the blocking part ran")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_booked_at_the_counter_appears_on_the_bench_without_a_reload() -> Result<()> {
    let counter = Rig::start("2026-11-20T02:00:00Z")?;
    let bench = counter.second("2026-11-20T02:00:00Z")?;
    // The shop, set up once on the server; both computers join it.
    let dir = counter.shop_dir();
    let url = blocking(move || -> Result<String> {
        let (url, _) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
        let mut shop = Shop::open_shared(DataFolder::lock(&dir)?, fixture::connect_postgres(&url))?;
        shop.set_up(&fixture::test_settings(), &[fixture::STAFF.into()], "2026-11-01T02:00:00Z".parse()?)?;
        Ok(url)
    })?;
    join(&counter.shop_dir(), &url, "Counter")?;
    join(&bench.shop_dir(), &url, "Bench")?;
    bounded(async {
        let at_counter = counter.open_app().await?;
        let at_bench = bench.open_app().await?;
        at_bench.click("nav-tickets").await?;
        at_bench.el("tickets-empty").await?;

        at_counter.click("new-intake").await?;
        at_counter.type_into("input-customer.name", "Wong Ka Ming").await?;
        at_counter.type_into("input-customer.phone", "+852 9123 4567").await?;
        at_counter.set_value("input-device.kind", "mechanical").await?;
        at_counter.type_into("input-device.brand", "Tudor").await?;
        at_counter.type_into("input-device.model", "Black Bay 58").await?;
        at_counter.type_into("input-fault", "Stops overnight.").await?;
        at_counter.click("intake-save").await?;
        let number = at_counter.wait_text("ticket-number", |t| t.starts_with("R-2026-")).await?;

        // On the bench, nobody touches anything: the list reads again by itself.
        at_bench.wait_for(&format!("[data-testid=ticket-row-{number}]")).await?;
        let row = at_bench
            .client
            .execute(&format!("return document.querySelector('[data-testid=ticket-row-{number}]').textContent"), vec![])
            .await?;
        let row = row.as_str().unwrap_or_default().to_string();
        assert!(row.contains("Wong Ka Ming") && row.contains("Tudor Black Bay 58"), "{row}");
        at_bench.screenshot("70-bench-sees-the-counters-ticket").await?;
        at_counter.close().await?;
        at_bench.close().await?;
        Ok(())
    })
    .await?;

    let dir = counter.shop_dir();
    let history = blocking(move || -> Result<Vec<(caseback_domain::event::Event, String)>> {
        let shop = Shop::open_shared(DataFolder::unlocked(&dir), fixture::connect_postgres(&url))?;
        Ok(shop.history_by_computer(caseback_domain::event::Subject::Ticket, "R-2026-00001")?)
    })?;
    assert!(!history.is_empty() && history.iter().all(|(_, computer)| computer == "Counter"), "{history:?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_branch_counter_numbers_its_own_tickets_and_its_list_shows_its_branch_or_all() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    // A chain on one server: a ticket from before the chain and one of Mong Kok's are there.
    let dir = rig.shop_dir();
    let url = blocking(move || -> Result<String> {
        let (url, _) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
        let mut shop = Shop::open_shared(DataFolder::lock(&dir)?, fixture::connect_postgres(&url))?;
        let at = "2026-11-01T02:00:00Z".parse()?;
        let by = shop.set_up(&fixture::test_settings(), &[fixture::STAFF.into()], at)?[0].id;
        shop.book_intake(by, &fixture::walk_in("Before the chain", "Stopped"), &[], at)?;
        shop.set_branch(Some("MK".parse()?));
        shop.book_intake(by, &fixture::walk_in("Lee Siu Fung", "Runs fast"), &[], at)?;
        Ok(url)
    })?;
    let mut kowloon = SharedDatabase::from_config(&url.parse()?, "KLN counter");
    kowloon.branch = Some("KLN".parse()?);
    kowloon.save(&rig.shop_dir())?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-tickets").await?;
        // The list starts on this counter's branch, which has booked nothing yet.
        assert_eq!(app.value("ticket-branch").await?, "KLN");
        assert!(app.text("tickets-none").await?.contains("Branch KLN"));
        app.set_value("ticket-branch", "").await?;
        app.wait_for("[data-testid=ticket-row-R-MK-2026-00001]").await?;
        app.wait_for("[data-testid=ticket-row-R-2026-00001]").await?;

        app.click("new-intake").await?;
        app.type_into("input-customer.name", "Wong Ka Ming").await?;
        app.type_into("input-customer.phone", "+852 9123 4567").await?;
        app.set_value("input-device.kind", "mechanical").await?;
        app.type_into("input-device.brand", "Tudor").await?;
        app.type_into("input-device.model", "Black Bay 58").await?;
        app.type_into("input-fault", "Stops overnight.").await?;
        app.click("intake-save").await?;
        let number = app.wait_text("ticket-number", |t| t.starts_with("R-")).await?;
        assert_eq!(number, "R-KLN-2026-00001", "Kowloon counts its own tickets from 1");

        app.click("nav-tickets").await?;
        app.wait_for("[data-testid=ticket-row-R-KLN-2026-00001]").await?;
        let rows = |app: &crate::rig::App| {
            let client = app.client.clone();
            async move {
                let n = client
                    .execute("return document.querySelectorAll('[data-testid^=ticket-row-]').length", vec![])
                    .await?;
                Ok::<u64, anyhow::Error>(n.as_u64().unwrap_or(0))
            }
        };
        assert_eq!(rows(&app).await?, 1, "only Kowloon's");
        app.screenshot("73-a-branch-counter-s-tickets").await?;
        app.set_value("ticket-branch", "-").await?;
        app.wait_for("[data-testid=ticket-row-R-2026-00001]").await?;
        assert_eq!(rows(&app).await?, 1, "only the one booked before the chain");
        app.set_value("ticket-branch", "").await?;
        app.wait_for("[data-testid=ticket-row-R-KLN-2026-00001]").await?;
        assert_eq!(rows(&app).await?, 3);
        app.close().await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_check_a_server_move_the_shop_there_and_back() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    let url = blocking(|| fixture::empty_postgres_database().expect(fixture::NO_POSTGRES).0);
    let config: postgres::Config = url.parse()?;
    let host = match &config.get_hosts()[0] {
        postgres::config::Host::Unix(p) => p.display().to_string(),
        postgres::config::Host::Tcp(h) => h.clone(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-shared").await?;
        assert!(app.text("shared-where").await?.contains("on this computer only"));

        // Left empty, each field says what it needs, next to it.
        app.el("shared-port").await?.clear().await?;
        app.type_into("shared-port", "54x").await?;
        app.click("shared-check").await?;
        assert!(app.wait_text("error-shared-port", |t| !t.is_empty()).await?.contains("number"));
        app.type_into("shared-port", &port).await?;
        app.click("shared-check").await?;
        for field in ["host", "database", "user", "computer"] {
            let said = app.wait_text(&format!("error-shared-{field}"), |t| !t.is_empty()).await?;
            assert!(said.ends_with('.'), "{field}: {said}");
        }
        app.type_into("shared-host", &host).await?;
        app.type_into("shared-database", config.get_dbname().unwrap_or_default()).await?;
        app.type_into("shared-user", config.get_user().unwrap_or_default()).await?;
        app.type_into("shared-computer", "Counter").await?;
        app.click("shared-check").await?;
        let probe = app.wait_text("shared-probe", |t| !t.is_empty()).await?;
        assert!(probe.contains("The database is empty"), "{probe}");
        app.screenshot("71-shared-database-checked").await?;
        assert_eq!(app.text("shared-act").await?, "Move this shop there");
        app.click("shared-act").await?;

        // The window starts again on the server's copy of the shop.
        app.wait_text("toast", |t| t.contains("checked")).await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-shared").await?;
        let on = app.wait_text("shared-where", |t| t.contains("shared database")).await?;
        assert!(on.contains("\u{201c}Counter\u{201d}"), "{on}");

        // The shop becomes a chain: this computer is told its branch in place, refused
        // first at the field for a code that is not one.
        app.type_into("shared-branch", "k1").await?;
        app.click("shared-branch-save").await?;
        assert!(app.wait_text("error-shared-branch", |t| !t.is_empty()).await?.contains("2 to 4 letters"));
        app.el("shared-branch").await?.clear().await?;
        app.type_into("shared-branch", "kln").await?;
        app.click("shared-branch-save").await?;
        app.wait_text("toast", |t| t.contains("branch KLN")).await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-shared").await?;
        app.wait_text("shared-where", |t| t.contains("books as branch KLN")).await?;
        assert_eq!(app.value("shared-branch").await?, "KLN");
        tokio::time::sleep(std::time::Duration::from_millis(600)).await; // the smooth scroll
        app.screenshot("72-shared-database-on").await?;

        app.click("shared-leave").await?;
        app.wait_text("toast", |t| t.contains("Moved back")).await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-shared").await?;
        app.wait_text("shared-where", |t| t.contains("on this computer only")).await?;
        app.close().await?;
        Ok(())
    })
    .await?;
    // The shop went there and came back: the server holds its copy, and the folder its own.
    let folder = rig.shop_dir();
    blocking(move || -> Result<()> {
        let there = Shop::open_shared(DataFolder::unlocked(&folder), fixture::connect_postgres(&url))?;
        assert_eq!(there.settings()?.shop.name, "Kowloon Time Care");
        assert!(SharedDatabase::load(&folder)?.is_none(), "this computer no longer uses it");
        Ok(())
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_at_once_while_the_server_is_away_and_opens_the_shop_when_it_answers() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    let dir = rig.shop_dir();
    let url = blocking(move || -> Result<String> {
        let (url, _) = fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES);
        let mut shop = Shop::open_shared(DataFolder::lock(&dir)?, fixture::connect_postgres(&url))?;
        shop.set_up(&fixture::test_settings(), &[fixture::STAFF.into()], "2026-11-01T02:00:00Z".parse()?)?;
        Ok(url)
    })?;
    // Saved with a port nothing listens on: the server is away.
    join(&rig.shop_dir(), &url, "Counter")?;
    let mut away = SharedDatabase::load(&rig.shop_dir())?.expect("saved");
    let right_port = away.port;
    away.port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    away.host = "127.0.0.1".into();
    away.save(&rig.shop_dir())?;
    bounded(async {
        let started = std::time::Instant::now();
        let app = rig.open_app().await?;
        let said = app.wait_text("blocked", |t| t.contains("Waiting for the shop’s database")).await?;
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "the window did not wait for the server");
        assert!(said.contains("not answering") || said.contains("Connecting"), "{said}");
        app.screenshot("73-waiting-for-the-server").await?;

        // The server is back (here: the right address again): the shop opens by itself.
        join(&rig.shop_dir(), &url, "Counter")?;
        assert_eq!(SharedDatabase::load(&rig.shop_dir())?.map(|s| s.port), Some(right_port));
        app.wait_text("shop-name", |t| t == "Kowloon Time Care").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
