//! axe-core on every screen of the real window: first start, the shop's own screens with a
//! ticket and a return in them, and the demo shop with its banner. Any serious or critical
//! violation (colour contrast, a control without a name), any content outside a landmark,
//! or a page without a `main` or an `h1`, fails the test with what to fix and where. The
//! window is as small as a counter screen gets (1024 x 700), and no screen may scroll
//! sideways in it: not a list, not a ticket with a quotation being written.

use anyhow::{bail, Context, Result};
use caseback_domain::returns::{ReturnForm, ReturnState};
use caseback_domain::ticket::TicketState;
use caseback_store::{fixture, Shop};

use crate::rig::{bounded, App, Rig, Violations};

/// The shop's own data: a watch booked in on the 2nd and a return whose package came in
/// on the 10th, waiting for its inspection.
fn shop_with_a_ticket_and_a_return(rig: &Rig) -> Result<()> {
    let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
    let form = fixture::presage("王小明", "+852 6123 4567", "Loses 40 seconds a day since a fall.");
    let ticket = shop.book_intake(by, &form, &[], "2026-11-02T02:00:00Z".parse()?)?;
    // As the window's request form sends it; the fields left out take their defaults.
    let request: ReturnForm = serde_json::from_value(serde_json::json!({
        "customer": { "kind": "existing", "id": ticket.customer },
        "order_number": "CW-41037",
        "product": "KOSPET Tank T3 Ultra",
        "model": "T3U",
        "currency": "HKD",
        "purchase_price": "1,000",
        "original_shipping": "50",
        "paid_with": "original_card",
        "purchase_date": "2026-11-02",
        "delivery_date": "2026-11-06",
        "reason": "change_of_mind",
        "details": "Changed my mind",
        "requested_on": null,
        "channel": "email",
    }))?;
    fixture::received_return(&mut shop, by, &request, "2026-11-08T02:00:00Z".parse()?, "2026-11-10T02:00:00Z".parse()?);
    Ok(())
}

/// Waits for the closed window's process to let go of the data folder, as a second start
/// would have to.
async fn folder_released(rig: &Rig) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        match caseback_store::DataFolder::lock(&rig.shop_dir()) {
            Ok(_) => return Ok(()),
            Err(e) if std::time::Instant::now() > deadline => {
                return Err(e).context("the closed window still holds the data folder")
            }
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
}

/// Waits for each of `drawn` (a screen's own content, there once its data is in), then
/// audits the screen, keeping what axe found so one run lists the problems of every screen
/// (axe missing or failing to run stops the test at once).
async fn audit_at(app: &App, drawn: &[&str], screen: &str, found: &mut Vec<String>) -> Result<()> {
    for css in drawn {
        app.wait_for(css).await.with_context(|| format!("{screen} did not open"))?;
    }
    if let Err(e) = app.audit(screen).await {
        found.push(e.downcast::<Violations>()?.0);
    }
    if let Err(e) = app.fits_sideways(screen).await {
        found.push(e.to_string());
    }
    Ok(())
}

/// Opens a ticket or a return the way a scanner would: its number or code in find-or-scan.
async fn find(app: &App, code: &str) -> Result<()> {
    let input = app.el("find-input").await?;
    input.clear().await?;
    input.send_keys(&format!("{code}\u{E007}")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_and_fits_1024_by_700() -> Result<()> {
    // Sunday 22 November 2026, 10:00 in Hong Kong (the demo shop is built up to this week).
    let rig = Rig::start("2026-11-22T02:00:00Z")?;
    bounded(async {
        let mut found = Vec::new();
        // A data folder another copy of the app holds: the window says so, and only that.
        let held = caseback_store::DataFolder::lock(&rig.shop_dir())?;
        let app = rig.open_app().await?;
        app.resize(1024, 700).await?;
        audit_at(&app, &["[data-testid=blocked]"], "the page of a data folder in use", &mut found).await?;
        app.close().await?;
        drop(held);

        // First start, then the demo shop from there: one window.
        let app = rig.open_app().await?;
        app.resize(1024, 700).await?;
        audit_at(&app, &["[data-testid=setup]"], "the set-up page", &mut found).await?;

        app.click("open-demo").await?;
        audit_at(
            &app,
            &["[data-testid=demo-banner]", "[data-testid=today-assessments]"],
            "the demo's Today",
            &mut found,
        )
        .await?;
        let demo = Shop::open_read_only(&rig.shop_dir().join("demo"))?;
        let ready = demo.tickets_in_state(TicketState::ReadyForCollection, 1)?;
        let ready = ready.first().context("the demo has a watch ready for collection")?.number.clone();
        let received = demo.returns_in_state(ReturnState::Received, 1)?;
        let received = received.first().and_then(|r| r.rma_code.clone()).context("the demo has a return to inspect")?;
        // The Presage back within the shop's warranty on its service in the summer.
        let back = demo.search_tickets("4R35-01T0", Some(TicketState::Received), 1)?;
        let back = back.first().context("the demo's Presage is back")?.number.clone();
        drop(demo);
        app.click("nav-tickets").await?;
        audit_at(&app, &["[data-testid=ticket-table]"], "the demo's Tickets", &mut found).await?;
        find(&app, &ready).await?;
        app.wait_text("ticket-number", |t| t == ready).await?;
        audit_at(&app, &["[data-testid=ticket-moves]"], "a demo ticket ready for collection", &mut found).await?;
        find(&app, &back).await?;
        app.wait_text("ticket-number", |t| t == back).await?;
        audit_at(
            &app,
            &["[data-testid=assessment-service-warranty]", "[data-testid=readings-before]"],
            "a demo watch back within the shop's warranty, with its readings",
            &mut found,
        )
        .await?;
        app.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
                vec!["[data-testid=assessment-service-warranty]".into()],
            )
            .await?;
        app.screenshot("83-a-watch-back-within-its-warranty").await?;
        app.click("ticket-watch").await?;
        audit_at(
            &app,
            &["[data-testid=watch-readings] table", "[data-testid=watch-warranties]"],
            "a demo watch's record",
            &mut found,
        )
        .await?;
        app.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })",
                vec!["[data-testid=watch-readings]".into()],
            )
            .await?;
        app.screenshot("85-a-demo-watch-s-readings-over-time").await?;
        // A watch the shop took back in an exchange, sold again and now has on the bench: its
        // serial scanned into the find box opens its record.
        app.el("find-input").await?.send_keys("SHE4540-118\u{E007}").await?;
        audit_at(
            &app,
            &["[data-testid=watch-returns]", "[data-testid=watch-tickets]"],
            "a demo watch returned and booked in again",
            &mut found,
        )
        .await?;
        app.screenshot("86-a-demo-watch-returned-and-booked-in").await?;
        app.click("nav-bench").await?;
        audit_at(&app, &["[data-testid=bench-rows]", "[data-testid=bench-unassigned]"], "the demo's bench", &mut found)
            .await?;
        app.screenshot("87-the-demo-s-bench").await?;
        // The demo's drawers: some parts low, one waited for by a repair; a part's page; a
        // repair whose acceptance was signed on the screen.
        app.click("nav-parts").await?;
        audit_at(&app, &["[data-testid=part-row-AW6-BAT-44]"], "the demo's Parts", &mut found).await?;
        app.screenshot("96-the-demo-s-parts").await?;
        app.client.execute("document.querySelector('[data-testid=part-row-SC-301]').click()", vec![]).await?;
        audit_at(&app, &["[data-testid=part-holds] li", "[data-testid=part-history] li"], "a demo part", &mut found)
            .await?;
        app.screenshot("97-a-demo-part").await?;
        find(&app, "R-2026-00021").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00021").await?;
        audit_at(
            &app,
            &["[data-testid=signature-quotation_acceptance]", "[data-testid=bench-parts]"],
            "a demo repair signed on the screen",
            &mut found,
        )
        .await?;
        app.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })",
                vec!["[data-testid=signatures-card]".into()],
            )
            .await?;
        app.screenshot("98-a-demo-repair-signed-on-the-screen").await?;
        app.click("nav-returns").await?;
        audit_at(&app, &["[data-testid^=return-row-]"], "the demo's Returns", &mut found).await?;
        find(&app, &received).await?;
        app.wait_text("return-title", |t| t == received).await?;
        audit_at(&app, &["[data-testid=return-state]"], "a demo return awaiting inspection", &mut found).await?;
        app.click("nav-reports").await?;
        audit_at(
            &app,
            &["[data-testid=report-bench] tbody tr", "[data-testid=report-chart-payments]"],
            "the demo's Reports",
            &mut found,
        )
        .await?;
        app.click("nav-settings").await?;
        audit_at(
            &app,
            &[
                "[data-testid=settings-history] li",
                "[data-testid=backups-folder], [data-testid=backup-problem]",
                "[data-testid=printing-ticket-tag]",
                "[data-testid=mail-demo]",
            ],
            "the demo's Settings",
            &mut found,
        )
        .await?;
        app.click("leave-demo").await?;
        app.el("setup").await?;
        app.close().await?;

        // The shop's own screens, with a ticket and a return booked before the window opens.
        folder_released(&rig).await?;
        shop_with_a_ticket_and_a_return(&rig)?;
        let app = rig.open_app().await?;
        app.resize(1024, 700).await?;
        audit_at(&app, &["[data-testid=today-assessments]"], "Today", &mut found).await?;
        app.click("nav-tickets").await?;
        audit_at(&app, &["[data-testid=ticket-table]"], "Tickets", &mut found).await?;
        app.click("new-intake").await?;
        audit_at(&app, &["[data-testid=intake-save]"], "a new intake", &mut found).await?;
        find(&app, "R-2026-00001").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        audit_at(&app, &["[data-testid=ticket-moves]"], "a ticket waiting for its assessment", &mut found).await?;
        // Assessed as not covered: the quotation editor opens, with two lines being written.
        app.type_into("assessment-findings", "Mainspring broken; impact marks on the case.").await?;
        app.set_value("assessment-decision", "not_covered:impact").await?;
        app.click("assessment-save").await?;
        app.wait_for("[data-testid=assessment-summary]").await?;
        app.type_into("line-description-0", "Full service, movement cleaned and regulated").await?;
        app.type_into("line-price-0", "1880").await?;
        app.click("line-add").await?;
        app.type_into("line-description-1", "Mainspring (genuine)").await?;
        audit_at(
            &app,
            &["[data-testid=quote-editor]", "[data-testid=quotation-issue]"],
            "a quotation being written",
            &mut found,
        )
        .await?;
        app.click("ticket-customer").await?;
        audit_at(&app, &["[data-testid=customer-tickets]"], "a customer", &mut found).await?;
        app.click("nav-customers").await?;
        audit_at(&app, &["[data-testid=customer-table]"], "Customers", &mut found).await?;
        app.click("customers-import").await?;
        audit_at(&app, &["[data-testid=customer-import-file]"], "a customer import", &mut found).await?;
        app.click("nav-customers").await?;
        app.click("nav-bench").await?;
        audit_at(&app, &["[data-testid=bench-unassigned]"], "the Bench", &mut found).await?;
        app.click("nav-parts").await?;
        audit_at(&app, &["[data-testid=parts-empty]"], "Parts, none yet", &mut found).await?;
        app.click("part-new").await?;
        audit_at(&app, &["[data-testid=part-form]"], "a new part", &mut found).await?;
        app.click("part-save").await?;
        app.wait_text("error-number", |t| !t.is_empty()).await?;
        audit_at(&app, &["[data-testid=error-kind]"], "a new part refused at its fields", &mut found).await?;
        app.screenshot("99-a-new-part-refused").await?;
        app.click("nav-parts").await?;
        app.click("parts-import").await?;
        audit_at(&app, &["[data-testid=import-file]"], "a catalogue import", &mut found).await?;
        app.click("nav-returns").await?;
        audit_at(&app, &["[data-testid^=return-row-]"], "Returns", &mut found).await?;
        app.click("returns-new").await?;
        audit_at(&app, &["[data-testid=return-save]"], "a new return request", &mut found).await?;
        app.click("nav-returns").await?;
        app.click("returns-receive").await?;
        audit_at(&app, &["[data-testid=receive-save]"], "Receive a package", &mut found).await?;
        app.click("nav-returns").await?;
        app.wait_for("[data-testid^=return-row-]").await?;
        app.client.execute("document.querySelector('[data-testid^=return-row-]').click()", vec![]).await?;
        audit_at(&app, &["[data-testid=return-state]"], "a return awaiting inspection", &mut found).await?;
        app.click("nav-settings").await?;
        audit_at(
            &app,
            &["[data-testid=settings-history] li", "[data-testid=backups-folder], [data-testid=backup-problem]"],
            "Settings",
            &mut found,
        )
        .await?;
        app.close().await?;
        if !found.is_empty() {
            bail!(
                "axe-core or the 1024 x 700 window found problems on {} screen(s):\n\n{}",
                found.len(),
                found.join("\n\n")
            );
        }
        Ok(())
    })
    .await
}
