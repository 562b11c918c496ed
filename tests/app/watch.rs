//! The watch as a record in the window: a watch brought in a second time by its next owner
//! opens its record from the ticket (both tickets, both owners, the notes that follow it),
//! the watchmaker records the readings on the ticket (a figure outside the shop's
//! tolerances marked, a mistyped figure refused at its field), and the record shows them.

use anyhow::Result;
use caseback_domain::intake::IntakeForm;

use crate::rig::{bounded, Rig};

fn presage(name: &str) -> IntakeForm {
    caseback_store::fixture::presage(name, "+852 6123 0000", "Stops overnight")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_watch_back_with_its_next_owner_shows_its_record_and_takes_readings() -> Result<()> {
    let rig = Rig::start("2026-11-20T02:00:00Z")?;
    let (second, third, smart) = {
        let (mut shop, by) = rig.test_shop("2025-03-01T02:00:00Z")?;
        let mut settings = shop.settings()?;
        settings.set_field("service_warranty.full_service", "12 months").map_err(|e| anyhow::anyhow!(e.message))?;
        let roster = [caseback_domain::staff::RosterEntry {
            id: Some(by),
            name: caseback_store::fixture::STAFF.into(),
            active: true,
            role: Default::default(),
        }];
        shop.save_settings(by, &settings, &roster, "2025-03-01T02:00:00Z".parse()?)?;
        shop.book_intake(by, &presage("Wong Ka Ming"), &[], "2025-03-02T02:00:00Z".parse()?)?;
        let second = shop.book_intake(by, &presage("Chan Tai Man"), &[], "2026-11-18T02:00:00Z".parse()?)?;
        // Another watch of the shop's, quoted, accepted and on the bench.
        let mut tudor = presage("Lee Siu Fung");
        tudor.details.device.brand = "Tudor".into();
        tudor.details.device.model = "Black Bay 58".into();
        tudor.details.device.serial = "M79030N-0001".into();
        let third = shop.book_intake(by, &tudor, &[], "2026-11-18T02:00:00Z".parse()?)?;
        let on = "2026-11-19T02:00:00Z".parse()?;
        caseback_store::fixture::quoted_and_accepted(&mut shop, by, third.id, 100_000, on, on);
        shop.move_ticket(by, third.id, caseback_domain::ticket::TicketState::InRepair, on)?;
        // And a smartwatch, just booked in.
        let mut smart = caseback_store::fixture::walk_in("Zhang Wei", "Touch screen dead in the lower half");
        smart.details.device.kind = Some(caseback_domain::device::DeviceKind::Smartwatch);
        smart.details.device.brand = "KOSPET".into();
        smart.details.device.model = "Tank M2".into();
        smart.details.device.serial = "KPM2-8812-0301".into();
        let smart = shop.book_intake(by, &smart, &[], on)?;
        (second, third, smart)
    };
    bounded(async {
        let app = rig.open_app().await?;
        let open = |number: String| {
            let app = &app;
            async move {
                app.el("find-input").await?.send_keys(&format!("{number}\u{E007}")).await?;
                app.wait_text("ticket-number", |t| t == number).await?;
                anyhow::Ok(())
            }
        };
        open(second.number.to_string()).await?;
        app.click("ticket-watch").await?;
        assert_eq!(app.wait_text("watch-title", |t| !t.is_empty()).await?, "Seiko Presage SRPB41");
        let owners = app.text("watch-owners").await?;
        assert!(owners.contains("Wong Ka Ming") && owners.contains("Chan Tai Man"), "{owners}");
        app.wait_for("[data-testid=watch-tickets] [data-testid=ticket-row-R-2025-00001]").await?;

        // The notes that follow the watch, written once.
        app.click("watch-edit").await?;
        app.type_into("watch-edit-calibre", "4R35").await?;
        app.type_into("watch-edit-notes", "Crown tube is fragile.").await?;
        app.click("watch-edit-save").await?;
        assert_eq!(app.wait_text("watch-notes", |t| !t.is_empty()).await?, "Crown tube is fragile.");

        // On the ticket: readings before the work, one mistyped, one outside tolerance.
        open(second.number.to_string()).await?;
        app.click("readings-open").await?;
        app.type_into("readings-rate.dial_up", "fast").await?;
        app.type_into("readings-amplitude.dial_up", "230").await?;
        app.click("readings-save").await?;
        let refused = app.wait_text("error-readings.rate.dial_up", |t| !t.is_empty()).await?;
        assert!(refused.contains("seconds a day"), "{refused}");
        app.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })",
                vec!["[data-testid=readings-card]".into()],
            )
            .await?;
        app.screenshot("79-readings-form-refused").await?;
        app.el("readings-rate.dial_up").await?.clear().await?;
        app.type_into("readings-rate.dial_up", "-12").await?;
        app.type_into("readings-rate.crown_down", "+3").await?;
        app.click("readings-save").await?;
        app.wait_for("[data-testid=readings-before]").await?;
        let marked = app.text("readings-table-before-readings.rate.dial_up").await?;
        assert!(marked.contains("-12.0 s/d") && marked.contains("outside tolerance"), "{marked}");
        let amplitude = app.text("readings-table-before-readings.amplitude.dial_up").await?;
        assert!(amplitude.contains("230°") && amplitude.contains("outside tolerance"), "{amplitude}");
        let show = "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })";
        app.client.execute(show, vec!["[data-testid=readings-card]".into()]).await?;
        app.screenshot("80-readings-on-the-ticket").await?;

        // And the watch's record shows them.
        app.click("ticket-watch").await?;
        app.wait_for("[data-testid=watch-readings] table").await?;
        let over_time = app.text("watch-trend-readings.rate.dial_up-0").await?;
        assert!(over_time.contains("-12.0 s/d") && over_time.contains("outside tolerance"), "{over_time}");
        app.client.execute(show, vec!["[data-testid=watch-readings]".into()]).await?;
        app.screenshot("81-the-watch-s-record").await?;
        // Passed on again: found by name, from a day refused before the present owner's.
        app.click("watch-pass-open").await?;
        app.type_into("watch-pass-customer", "Wong").await?;
        app.click("watch-pass-pick-0").await?;
        app.el("input-watch.owner_from").await?.clear().await?;
        app.type_into("input-watch.owner_from", "01/01/2026").await?;
        app.click("watch-pass-save").await?;
        let refused = app.wait_text("error-watch.owner_from", |t| !t.is_empty()).await?;
        assert!(refused.contains("later day"), "{refused}");
        app.el("input-watch.owner_from").await?.clear().await?;
        app.type_into("input-watch.owner_from", "20/11/2026").await?;
        app.click("watch-pass-save").await?;
        app.wait_text("toast", |t| t.contains("new owner")).await?;
        let owners = app.wait_text("watch-owners", |t| t.matches("Wong Ka Ming").count() == 2).await?;
        assert!(owners.contains("since 20 November 2026"), "{owners}");
        // Its second owner's page lists it as a watch they owned before.
        app.click("watch-owner-1").await?;
        let watches = app.wait_text("customer-watches", |t| t.contains("Presage")).await?;
        assert!(watches.contains("owned before"), "{watches}");

        // At the next intake the serial, typed as it comes, finds the watch and its notes;
        // a slip of one character is offered, not taken.
        app.click("nav-tickets").await?;
        app.click("new-intake").await?;
        app.type_into("input-device.brand", "Seiko").await?;
        app.type_into("input-device.serial", "4r35 01t0").await?;
        let known = app.wait_text("intake-watch-known", |t| t.contains("Known watch")).await?;
        assert!(known.contains("Seiko Presage SRPB41") && known.contains("2 earlier tickets"), "{known}");
        assert_eq!(app.text("intake-watch-notes").await?, "Crown tube is fragile.");
        assert_eq!(app.value("input-device.model").await?, "Presage SRPB41", "the known watch fills the form");
        app.el("input-device.serial").await?.clear().await?;
        app.type_into("input-device.serial", "4R35-01TO").await?;
        let near = app.wait_text("intake-watch-near", |t| t.contains("Did you mean")).await?;
        assert!(near.contains("4R35-01T0"), "{near}");
        app.screenshot("82-intake-offers-a-near-match").await?;
        app.click("intake-watch-near-0").await?;
        assert_eq!(app.value("input-device.serial").await?, "4R35-01T0");
        app.wait_text("intake-watch-known", |t| t.contains("Known watch")).await?;
        app.click("intake-discard").await?;

        // On the bench: readings after the work, the repair done as a full service, and the
        // Collection Notice printing them with the shop's warranty.
        open(third.number.to_string()).await?;
        app.click("readings-open").await?;
        app.set_value("readings-stage", "after").await?;
        app.type_into("readings-rate.dial_up", "+3").await?;
        app.type_into("readings-rate.crown_down", "+1").await?;
        app.type_into("readings-amplitude.dial_up", "288").await?;
        app.click("readings-save").await?;
        app.wait_for("[data-testid=readings-after]").await?;
        app.type_into("completion-work", "Full service; regulated.").await?;
        app.set_value("completion-work-kind", "full_service").await?;
        let photo = concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png");
        app.el("intake-photos").await?.send_keys(photo).await?;
        app.wait_for("[data-testid=photo-1]:not(.pending)").await?;
        app.click("completion-save").await?;
        app.el("completion-summary").await?;
        app.click("notice-issue").await?;
        app.wait_text("notice-fees-from", |t| !t.is_empty()).await?;
        let path = app.save_pdf("collection-notice", &rig.chosen_dir()?).await?;
        let out = std::process::Command::new("pdftotext").args([path.as_str(), "-"]).output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        for needle in ["Bench readings", "+3.0 s/d", "288°", "Service warranty"] {
            assert!(text.contains(needle), "{needle} missing from the Collection Notice:\n{text}");
        }
        // A smartwatch's bench: its battery, firmware and each function tested.
        open(smart.number.to_string()).await?;
        app.click("readings-open").await?;
        app.type_into("readings-smart.battery_health", "84").await?;
        app.type_into("readings-smart.firmware", "2.1.7").await?;
        app.set_value("readings-check-display", "passed").await?;
        app.set_value("readings-check-touch", "failed").await?;
        app.click("readings-save").await?;
        app.wait_for("[data-testid=readings-before]").await?;
        let checked = app.text("readings-before").await?;
        assert!(checked.contains("84%") && checked.contains("2.1.7") && checked.contains("Touch"), "{checked}");
        assert!(checked.contains("Failed needs attention"), "{checked}");
        app.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })",
                vec!["[data-testid=readings-card]".into()],
            )
            .await?;
        app.screenshot("84-a-smartwatch-s-checks").await?;

        // A serial typed or scanned in the find box opens the watch's record.
        app.el("find-input").await?.send_keys("4r35 01t0\u{E007}").await?;
        assert_eq!(app.wait_text("watch-title", |t| !t.is_empty()).await?, "Seiko Presage SRPB41");
        app.close().await?;
        Ok(())
    })
    .await
}

/// A return recorded with the serial of a watch the shop has serviced is on that watch's page
/// beside its ticket and the ticket's photos, and leads back to the return.
#[tokio::test(flavor = "multi_thread")]
async fn a_return_with_a_known_serial_is_on_the_watch_s_page() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
        let on = "2026-11-02T02:00:00Z".parse()?;
        let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png"))?;
        let photo = shop.store_photo(by, "case-back.png", &png, on)?;
        shop.book_intake(by, &presage("Wong Ka Ming"), &[photo.sha256], on)?;
    }
    bounded(async {
        let app = rig.open_app().await?;
        app.new_return_request(("Elif Kaya", "+90 532 418 27 90"), "TR-2031", "Seiko Presage").await?;
        // Typed from the case back the way it reads, without its dash.
        app.type_into("return-serial", "4r35 01t0").await?;
        app.type_into("return-price", "3,200").await?;
        app.screenshot("47-return-with-serial").await?;
        app.click("return-save").await?;
        app.wait_text("return-state", |t| t.contains("Requested")).await?;
        assert_eq!(app.text("request-serial").await?, "4r35 01t0");
        app.click("return-watch").await?;
        assert_eq!(app.wait_text("watch-title", |t| !t.is_empty()).await?, "Seiko Presage SRPB41");
        let returns = app.wait_text("watch-returns", |t| !t.is_empty()).await?;
        assert!(returns.contains("TR-2031") && returns.contains("Seiko Presage"), "{returns}");
        let said = app.el("return-row-1").await?.attr("aria-label").await?.unwrap_or_default();
        assert!(said.contains("Elif Kaya") && said.contains("Requested"), "{said}");
        assert!(app.text("watch-tickets").await?.contains("R-2026-00001"));
        // The intake's photo, under its ticket.
        let photos = app.text("watch-photos").await?;
        assert!(photos.to_lowercase().contains("r-2026-00001 · at intake"), "{photos}");
        app.wait_for("[data-testid=watch-photos-0-0] img").await?;
        app.screenshot("48-watch-with-return").await?;
        // WebKitWebDriver does not click a table row itself (see corrections.rs): the page's own click.
        app.client.execute("document.querySelector('[data-testid=return-row-1]').click()", vec![]).await?;
        app.wait_text("request-order", |t| t == "TR-2031").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
