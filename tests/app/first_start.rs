//! First start in the real window: a refused setup, a good one, a settings change that is
//! refused and one that is kept across a restart.

use anyhow::Result;

use crate::rig::{bounded, testid, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn first_start_setup_then_a_setting_survives_a_restart() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;

        // A new shop lands on the setup form. Choosing a preset fills in its place's
        // currency, time zone and date style (KOSPET: a Shenzhen web shop, US dollars).
        app.el("setup").await?;
        app.click("preset-kospet").await?;
        assert_eq!(app.value("input-money.currency").await?, "USD");
        assert_eq!(app.value("input-shop.time_zone").await?, "Asia/Shanghai");
        app.type_into("input-money.currency", "HKD").await?;
        app.type_into("input-shop.time_zone", "Asia/Hong_Kong").await?;
        // Two names, a line each: the Enter key between them (WebKitWebDriver drops a typed "\n").
        app.type_into("setup-staff", "Mei Chan\u{E007}Çağrı Öztürk").await?;
        // Leaving the name and the return address empty is refused next to each field:
        // a return label needs the address and the phone.
        app.click("setup-submit").await?;
        let error = app.wait_text("error-shop.name", |t| !t.is_empty()).await?;
        assert!(error.contains("shop's name"), "{error}");
        let address = app.wait_text("error-shop.address", |t| !t.is_empty()).await?;
        assert!(address.contains("address"), "{address}");
        assert!(app.client.find(fantoccini::Locator::Css(&testid("nav-today"))).await.is_err(), "not set up yet");

        app.type_into("input-shop.name", "Kowloon Time Care").await?;
        app.type_into("input-shop.address", "Shop 12, 88 Nathan Road\nTsim Sha Tsui, Kowloon").await?;
        app.type_into("input-shop.phone", "+852 2345 6789").await?;
        app.screenshot("01-setup-filled").await?;
        app.click("setup-submit").await?;

        // The shop opens on Today, with its name and the shop's local date from the test
        // clock, written as the preset's place writes dates.
        app.el("today-empty").await?;
        assert_eq!(app.text("shop-name").await?, "Kowloon Time Care");
        assert_eq!(app.text("today-label").await?, "Friday 2026-11-20");
        app.screenshot("02-today").await?;
        let staff = app
            .client
            .execute(
                "return [...document.querySelectorAll('[data-testid=actor] option')].map((o) => o.textContent)",
                vec![],
            )
            .await?;
        assert_eq!(staff, serde_json::json!(["Mei Chan", "Çağrı Öztürk"]), "one person a line");

        // Settings show the chosen preset's values and its own wording.
        app.click("nav-settings").await?;
        assert_eq!(app.value("input-policy.dead_on_arrival").await?, "7");
        let wording = app.text("wording-policy.dead_on_arrival").await?;
        assert!(wording.contains("7 days"), "KOSPET's own words: {wording}");

        // A negative fee is refused next to its field, and nothing is saved.
        app.type_into("input-policy.storage_fee_per_day", "-3").await?;
        app.click("settings-save").await?;
        let error = app.wait_text("error-policy.storage_fee_per_day", |t| !t.is_empty()).await?;
        assert!(error.contains("negative"), "{error}");
        app.screenshot("03-settings-refused").await?;

        app.type_into("input-policy.storage_fee_per_day", "12.50").await?;
        // The shop's own warranty on a full service (the preset states none), and a rate
        // window upside down refused at its field.
        assert_eq!(app.value("input-service_warranty.full_service").await?, "0");
        app.type_into("input-service_warranty.full_service", "12").await?;
        app.set_value("unit-service_warranty.full_service", "months").await?;
        app.type_into("input-tolerances.rate_min", "+9").await?;
        app.click("settings-save").await?;
        let error = app.wait_text("error-tolerances.rate_min", |t| !t.is_empty()).await?;
        assert!(error.contains("faster than the fastest"), "{error}");
        app.click("settings-nav-bench").await?;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await; // the smooth scroll
        app.screenshot("03b-settings-bench-refused").await?;
        app.type_into("input-tolerances.rate_min", "-4").await?;
        app.click("settings-save").await?;
        app.wait_text("save-status", |t| t == "All changes saved").await?;
        app.wait_text("toast", |t| t.contains("Settings saved")).await?;

        // The logo is copied in as soon as it is chosen, and shown.
        let logo = concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png");
        app.el("logo-file").await?.send_keys(logo).await?;
        app.el("logo-image").await?;

        // Keyboard: Ctrl+2 opens Tickets; Ctrl+K then a scanned code and Enter searches for it.
        app.el("find-input").await?.send_keys("\u{E009}2").await?;
        app.el("tickets-empty").await?;
        // (each send_keys call releases Ctrl at its end; WebKit ignores the NULL key inside one)
        app.el("nav-today").await?.send_keys("\u{E009}k").await?;
        app.el("find-input").await?.send_keys("R-2026-00042\u{E007}").await?;
        let none = app.text("tickets-none").await?;
        assert!(none.contains("R-2026-00042"), "{none}");
        app.screenshot("04-find-or-scan").await?;
        app.close().await?;

        // Restart: the same data folder, the setting kept, the history naming who changed it.
        let app = rig.open_app().await?;
        app.click("nav-settings").await?;
        assert_eq!(app.value("input-policy.storage_fee_per_day").await?, "12.50");
        assert_eq!(app.value("input-service_warranty.full_service").await?, "12");
        assert_eq!(app.value("unit-service_warranty.full_service").await?, "months");
        let history = app.wait_text("settings-history", |t| t.contains("Storage fee per day")).await?;
        assert!(history.contains("Mei Chan"), "{history}");
        assert!(history.contains("Changed the logo"), "{history}");
        app.el("logo-image").await?;
        app.screenshot("05-settings-after-restart").await?;

        // After set-up the demo is still a click away in Settings, and leaving it comes back.
        app.click("settings-open-demo").await?;
        app.el("demo-banner").await?;
        assert_eq!(app.wait_text("shop-name", |t| t.contains("demo")).await?, "Harbour Watch Repair (demo)");
        app.click("leave-demo").await?;
        // The frame is drawn again on leaving: wait for the shop's own name, not the blank between.
        app.wait_text("shop-name", |t| t == "Kowloon Time Care").await?;
        app.close().await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_copy_on_the_same_folder_is_refused() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    bounded(async {
        // This test process holds the folder, as a first copy of the app would.
        let held = caseback_store::DataFolder::lock(&rig.shop_dir())?;
        let app = rig.open_app().await?;
        let message = app.text("blocked-message").await?;
        assert!(message.contains("already open on this data folder"), "{message}");
        assert!(message.contains(&format!("process {}", std::process::id())), "names the holder: {message}");
        app.close().await?;
        drop(held);
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_shop_opens_in_its_own_folder_and_can_be_left() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("open-demo").await?;
        app.el("demo-banner").await?;
        assert_eq!(app.text("shop-name").await?, "Harbour Watch Repair (demo)");
        app.click("nav-settings").await?;
        assert_eq!(app.value("input-shop.time_zone").await?, "Asia/Hong_Kong");
        app.screenshot("06-demo-settings").await?;
        app.click("leave-demo").await?;
        app.el("setup").await?;
        assert!(rig.shop_dir().join("demo").join("caseback.sqlite").exists(), "the demo has its own folder");
        let real = caseback_store::Shop::open_read_only(&rig.shop_dir())?;
        assert!(!real.is_set_up()?, "the shop's own data is untouched");
        app.close().await?;
        Ok(())
    })
    .await
}
