//! Parts and signatures in the window, the whole way: a watch given to a watchmaker, a
//! crystal picked from the catalogue into its quotation, the acceptance signed on the screen
//! (the crystal then held), the repair done (the crystal off stock, the part low on Today and
//! in the catalogue), and the customer signing on the screen at collection, the signature
//! found on the printed receipt.

use anyhow::{Context, Result};
use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision};
use caseback_domain::staff::{Role, RosterEntry};
use caseback_domain::stock::{PartDraft, PartKind};
use caseback_domain::Amount;

use crate::rig::{bounded, App, Rig};

/// A shop with a watchmaker, two sapphire crystals in the drawer (low at one) and a watch
/// assessed and waiting for its quotation.
fn shop_with_a_crystal(rig: &Rig) -> Result<()> {
    let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
    let roster = [
        RosterEntry { id: Some(by), name: caseback_store::fixture::STAFF.into(), active: true, role: Role::Manager },
        RosterEntry { id: None, name: "Sam Wong".into(), active: true, role: Role::Watchmaker },
    ];
    let settings = shop.settings()?;
    shop.save_settings(by, &settings, &roster, "2026-11-01T03:00:00Z".parse()?)?;
    let crystal = PartDraft {
        number: "SC-301".into(),
        description: "Sapphire crystal 30.0 mm".into(),
        kind: PartKind::Crystal,
        fits: "Seiko SKX007".into(),
        cost: Amount(8_000),
        price: Amount(28_000),
        supplier: "Cousins UK".into(),
        location: "Drawer 1".into(),
        low_at: 1,
    };
    shop.add_part(by, &crystal, 2, "2026-11-01T04:00:00Z".parse()?)?;
    let on = "2026-11-09T02:00:00Z".parse()?;
    let ticket = shop.book_intake(by, &caseback_store::fixture::numbered_intake(1), &[], on)?;
    let decision = WarrantyDecision::NotCovered(NotCoveredReason::Impact);
    let assessment = Assessment { findings: "Crystal cracked by a knock.".into(), decision, photos: vec![] };
    shop.record_assessment(by, ticket.id, &assessment, on)?;
    Ok(())
}

/// A stroke across the signature pad, as a finger draws it.
async fn sign_on_the_pad(app: &App) -> Result<()> {
    app.wait_for("[data-testid=signature-canvas]").await?;
    assert!(!app.el("signature-keep").await?.is_enabled().await?, "nothing to keep before the customer signs");
    app.client
        .execute(
            "const c = document.querySelector('[data-testid=signature-canvas]');
             const r = c.getBoundingClientRect();
             const at = (type, x, y) => c.dispatchEvent(new PointerEvent(type,
               { clientX: r.left + x, clientY: r.top + y, pointerId: 7, bubbles: true, isPrimary: true }));
             at('pointerdown', 30, 110);
             for (let i = 1; i <= 60; i++) at('pointermove', 30 + i * 7, 110 - 45 * Math.sin(i / 4));
             at('pointerup', 450, 110);",
            vec![],
        )
        .await?;
    app.click("signature-keep").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_catalogue_part_is_held_used_and_the_collection_is_signed_on_the_screen() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    shop_with_a_crystal(&rig)?;
    bounded(async {
        let app = rig.open_app().await?;
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;

        // Given to Sam at the bench.
        app.choose("bench-assignee", "Sam").await?;
        app.wait_text("toast", |t| t.contains("Given to Sam Wong")).await?;

        // The crystal from the catalogue: its number, description and price on the line.
        app.click("line-from-catalogue").await?;
        app.type_into("catalogue-search", "skx007").await?;
        let offered = app.wait_text("catalogue-results", |t| t.contains("SC-301")).await?;
        assert!(offered.contains("2 in stock") && offered.contains("Drawer 1"), "{offered}");
        app.click("catalogue-pick-SC-301").await?;
        assert_eq!(app.value("line-description-0").await?, "SC-301 Sapphire crystal 30.0 mm");
        assert_eq!(app.value("line-price-0").await?, "280.00");
        app.el("line-from-catalogue-0").await?;
        // Half a crystal is refused at its field.
        app.el("line-quantity-0").await?.clear().await?;
        app.type_into("line-quantity-0", "1.5").await?;
        let half = app.wait_text("error-lines.0.quantity", |t| !t.is_empty()).await?;
        assert!(half.contains("whole pieces"), "{half}");
        app.el("line-quantity-0").await?.clear().await?;
        app.type_into("line-quantity-0", "1").await?;
        app.wait_text("quote-total", |t| t.contains("280.00") || t.contains("308.00")).await?;
        app.screenshot("93-a-part-from-the-catalogue").await?;
        app.click("quotation-issue").await?;
        app.el("quotation-Q-2026-00001-1").await?;

        // Accepted at the counter and signed on the screen: the crystal is held.
        app.set_value("answer-channel", "signed_in_store").await?;
        app.type_into("answer-reference", "Signed at the counter").await?;
        app.click("answer-accept").await?;
        app.wait_text("ticket-state", |t| t.contains("Approved")).await?;
        let parts = app.wait_text("bench-parts", |t| t.contains("SC-301")).await?;
        assert!(parts.contains("1 piece held, in Drawer 1"), "{parts}");
        app.click("sign-quotation_acceptance").await?;
        sign_on_the_pad(&app).await?;
        let signed = app.wait_text("signature-quotation_acceptance", |t| !t.is_empty()).await?;
        assert!(signed.contains("Q-2026-00001-1") && signed.contains("Mei Chan"), "{signed}");
        app.wait_text("ticket-history", |t| t.contains("signed on the screen")).await?;

        // The repair is done: the crystal comes off stock.
        app.click("move-in_repair").await?;
        app.wait_text("ticket-state", |t| t.contains("In repair")).await?;
        app.type_into("completion-work", "New sapphire crystal fitted; pressure tested to 10 bar.").await?;
        let photo = concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png");
        app.el("intake-photos").await?.send_keys(photo).await?;
        app.wait_for("[data-testid=photo-1]:not(.pending)").await?;
        app.click("completion-save").await?;
        app.wait_text("ticket-state", |t| t.contains("Ready for collection")).await?;

        // One left, the low-stock level: on Today, and marked in the catalogue.
        app.click("nav-today").await?;
        let low = app.wait_text("today-low-parts", |t| t.contains("SC-301")).await?;
        assert!(low.contains("1 in stock"), "{low}");
        assert_eq!(app.text("today-low-count").await?, "1 part to order");
        app.client
            .execute("document.querySelector('[data-testid=today-parts]').scrollIntoView({ block: 'start' })", vec![])
            .await?;
        rig.screenshot_display("9b-today-s-parts-to-order")?;
        app.click("nav-parts").await?;
        assert_eq!(app.wait_text("part-stock-SC-301", |t| !t.is_empty()).await?, "1 in stock");
        app.el("part-low-SC-301").await?;
        app.client.execute("document.querySelector('[data-testid=part-row-SC-301]').click()", vec![]).await?;
        let history = app.wait_text("part-history", |t| t.contains("Used 1 piece")).await?;
        assert!(history.contains("Held 1 piece for R-2026-00001"), "{history}");
        app.screenshot("94-the-crystal-s-history").await?;

        // Paid and collected; the customer signs for the watch on the screen.
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.click("release-mode-collect").await?;
        let owed = app.text("account-balance").await?;
        let amount = owed.split_whitespace().nth(1).context("the balance's amount")?.to_string();
        app.el("payment-amount").await?.clear().await?;
        app.type_into("payment-amount", &amount).await?;
        app.set_value("payment-method", "cash").await?;
        app.click("payment-save").await?;
        app.wait_text("account-balance", |t| t == "Settled").await?;
        app.click("collect-save").await?;
        app.wait_text("ticket-state", |t| t.contains("Collected")).await?;
        app.click("sign-collection_receipt").await?;
        sign_on_the_pad(&app).await?;
        app.wait_text("signature-collection_receipt", |t| t.contains("Signed by")).await?;
        app.screenshot("95-signed-for-at-collection").await?;

        // The receipt carries it: the picture on the page, the words under it.
        let path = app.save_pdf("payment-receipt", &rig.chosen_dir()?).await?;
        let images = std::process::Command::new("pdfimages").args(["-list", &path]).output().context("pdfimages")?;
        let images = String::from_utf8_lossy(&images.stdout).lines().skip(2).count();
        assert_eq!(images, 1, "the signature's picture is on the receipt");
        let text = std::process::Command::new("pdftotext").args([&path, "-"]).output().context("pdftotext")?;
        let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Signed on the screen by"), "{text}");
        app.close().await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_catalogue_file_is_shown_row_by_row_then_imported_whole() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    shop_with_a_crystal(&rig)?;
    let dir = tempfile::tempdir()?;
    let csv = dir.path().join("drawers.csv");
    std::fs::write(
        &csv,
        "\u{feff}Part number;Description;Price;Qty;Drawer\n\
         SC-301;Sapphire crystal 30.0 mm (new supplier);300;6;Drawer 1\n\
         GS-10;Case back gasket 28 mm;25;40;Drawer 2\n\
         CR-7;Crown 7 mm steel;nine;2;Drawer 2\n",
    )?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-parts").await?;
        app.click("parts-import").await?;
        app.el("import-file").await?.send_keys(csv.to_str().context("a UTF-8 path")?).await?;
        let rows = app.wait_text("import-rows", |t| t.contains("GS-10")).await?;
        assert!(rows.contains("Update: 2 → 6 in stock") && rows.contains("New"), "{rows}");
        let refused = app.text("import-refused-4").await?;
        assert!(refused.contains("Line 4") && refused.contains("Price"), "{refused}");
        assert_eq!(app.text("import-go").await?, "Import 2 rows");
        // (No screenshot here: WebKitWebDriver's screenshot of this page never returns; the
        // preview was looked at by hand.)
        app.click("import-go").await?;
        app.wait_text("toast", |t| t.contains("1 part added, 1 updated, 1 row refused")).await?;
        assert_eq!(app.wait_text("part-stock-GS-10", |t| !t.is_empty()).await?, "40 in stock");
        assert_eq!(app.text("part-stock-SC-301").await?, "6 in stock");
        app.close().await?;
        Ok(())
    })
    .await
}
