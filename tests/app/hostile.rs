//! Hostile text in every field a customer or a form can fill: saved, shown on every screen
//! and printed on every form as plain text, and never run. A payload that ran would set
//! `window.__pwned`; the test checks it stays unset on every screen.

use anyhow::{Context, Result};
use caseback_domain::customer::CustomerDetails;
use caseback_domain::device::{Device, DeviceKind};
use caseback_domain::intake::{CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::presets::PresetId;
use caseback_domain::returns::{RefundMethod, RequestChannel, ReturnForm, ReturnReason};
use caseback_domain::{Currency, Settings};
use caseback_store::{DataFolder, Shop};

use crate::rig::{bounded, App, Rig};

const SCRIPT: &str = "<script>window.__pwned=1</script>";
const HANDLER: &str = "<img src=x onerror=\"window.__pwned=1\">";
const LINK: &str = "javascript:window.__pwned=1";
const SVG: &str = "<svg onload=window.__pwned=1>";

fn long() -> String {
    format!("{HANDLER} {}", "Überlänge 王 ".repeat(150))
}

fn set_up(rig: &Rig) -> Result<()> {
    let mut shop = Shop::open(DataFolder::lock(&rig.shop_dir())?)?;
    let mut settings = Settings::new(SVG, Currency::from_code("HKD")?, PresetId::LxWatch, "Asia/Hong_Kong");
    settings.shop.address = format!("{SCRIPT}\n{LINK}");
    shop.set_up(&settings, &[format!("Mei {HANDLER}")], "2026-11-01T02:00:00Z".parse()?)?;
    let by = shop.staff()?[0].id;
    let customer = CustomerDetails {
        name: format!("{HANDLER} Ayşe"),
        phone: "+90 542 341 51 94".into(),
        email: "ayse@example.com".into(),
        address: format!("{SCRIPT}\n{LINK}"),
    };
    let form = IntakeForm {
        customer: CustomerChoice::New { details: customer.clone() },
        details: IntakeDetails {
            device: Device {
                kind: Some(DeviceKind::Smartwatch),
                brand: SCRIPT.into(),
                model: SVG.into(),
                serial: "<b>SER-1</b>".into(),
                ..Device::default()
            },
            fault: long(),
            tried: LINK.into(),
            condition_notes: HANDLER.into(),
            ..IntakeDetails::default()
        },
    };
    let ticket = shop.book_intake(by, &form, &[], "2026-11-02T02:00:00Z".parse()?)?;
    let request = ReturnForm {
        customer: Some(CustomerChoice::Existing { id: ticket.customer }),
        order_number: format!("{SVG}-1"),
        product: HANDLER.into(),
        model: SCRIPT.into(),
        serial: SCRIPT.into(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "100".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: Some("2026-11-01".parse()?),
        delivery_date: Some("2026-11-02".parse()?),
        reason: ReturnReason::ChangeOfMind,
        wants: Default::default(),
        details: long(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel: RequestChannel::Email,
        media: vec![],
    };
    let case = shop.request_return(by, &request, "2026-11-03T02:00:00Z".parse()?)?;
    shop.authorize_return(by, case.id, None, "2026-11-03T02:00:00Z".parse()?)?;
    Ok(())
}

async fn untouched(app: &App, screen: &str) -> Result<()> {
    let pwned = app.client.execute("return window.__pwned === undefined", vec![]).await?;
    assert_eq!(pwned, serde_json::json!(true), "a payload ran on {screen}");
    Ok(())
}

/// The page's visible text, to check the payloads are shown literally.
async fn page_text(app: &App) -> Result<String> {
    Ok(app.client.execute("return document.body.innerText", vec![]).await?.as_str().unwrap_or_default().to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_text_is_shown_and_printed_as_text_and_never_runs() -> Result<()> {
    let rig = Rig::start("2026-11-04T02:00:00Z")?;
    set_up(&rig)?;
    bounded(async {
        let app = rig.open_app().await?;
        untouched(&app, "Today").await?;
        assert!(page_text(&app).await?.contains(SVG), "the shop's name shows as text");

        app.click("nav-tickets").await?;
        app.wait_for("[data-testid=ticket-table]").await?;
        untouched(&app, "Tickets").await?;
        assert!(page_text(&app).await?.contains(HANDLER));

        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        untouched(&app, "the ticket").await?;
        let text = page_text(&app).await?;
        for literal in [SCRIPT, HANDLER, LINK, SVG, "<b>SER-1</b>", "Überlänge 王 Überlänge"] {
            assert!(text.contains(literal), "{literal} is not shown as text on the ticket");
        }
        assert_eq!(
            app.client
                .execute(
                    "return document.querySelectorAll('main img[src=x], main svg[onload], main script').length",
                    vec![]
                )
                .await?,
            serde_json::json!(0)
        );

        // Every form of the ticket prints the text as text.
        for kind in ["receipt", "tag"] {
            let path = app.save_pdf(kind, &rig.chosen_dir()?).await?;
            let out =
                std::process::Command::new("pdftotext").args([path.as_str(), "-"]).output().context("pdftotext")?;
            let printed = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
            assert!(printed.contains("<script>") || printed.contains("<img"), "{kind}: {printed}");
        }

        app.click("ticket-customer").await?;
        app.wait_for("[data-testid=customer-tickets]").await.ok();
        untouched(&app, "the customer").await?;
        assert!(page_text(&app).await?.contains(HANDLER));
        app.click("nav-customers").await?;
        app.wait_for("[data-testid=customer-table]").await?;
        untouched(&app, "Customers").await?;

        app.click("nav-returns").await?;
        app.wait_for("[data-testid=returns-list]").await?;
        untouched(&app, "Returns").await?;
        assert!(page_text(&app).await?.contains(HANDLER));
        app.client.execute("document.querySelector('[data-testid^=return-row-]').click()", vec![]).await?;
        app.wait_for("[data-testid=rma-code]").await?;
        untouched(&app, "the return").await?;
        let text = page_text(&app).await?;
        assert!(text.contains(SCRIPT) && text.contains(SVG), "the return shows its text literally");
        let path = app.save_pdf("return-form", &rig.chosen_dir()?).await?;
        let out = std::process::Command::new("pdftotext").args([path.as_str(), "-"]).output().context("pdftotext")?;
        assert!(String::from_utf8_lossy(&out.stdout).contains("<img"), "the return form prints the product as text");

        app.click("nav-settings").await?;
        app.wait_for("[data-testid=section-data]").await?;
        untouched(&app, "Settings").await?;

        // Typed in at the counter: a new intake with a payload as the customer's name.
        app.click("nav-today").await?;
        app.click("new-intake").await?;
        app.type_into("input-customer.name", &format!("{SVG} Typed")).await?;
        app.type_into("input-customer.phone", "+852 6123 4567").await?;
        app.set_value("input-device.kind", "quartz").await?;
        app.type_into("input-device.brand", LINK).await?;
        app.type_into("input-device.model", HANDLER).await?;
        app.type_into("input-fault", SCRIPT).await?;
        app.click("intake-save").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00002").await?;
        untouched(&app, "the typed ticket").await?;
        let text = page_text(&app).await?;
        assert!(text.contains(&format!("{SVG} Typed")) && text.contains(SCRIPT), "typed text is shown literally");
        app.screenshot("50-hostile-text").await?;
        untouched(&app, "the end").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
