//! A return's decision revised in the real window before the refund, and a smartwatch
//! brought back to the counter of the Turkish store: taken in there and then, inspected and
//! its replacement handed over without a tracking number.

use anyhow::Result;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::CustomerChoice;
use caseback_domain::presets::PresetId;
use caseback_domain::returns::{RefundMethod, RequestChannel, ReturnForm, ReturnReason};
use caseback_domain::staff::RosterEntry;
use caseback_store::fixture;
use fantoccini::Locator;

use crate::rig::{bounded, testid, App, Rig};

fn request(name: &str, reason: ReturnReason, channel: RequestChannel) -> ReturnForm {
    ReturnForm {
        customer: Some(CustomerChoice::New {
            details: CustomerDetails { name: name.into(), phone: "+90 532 418 27 90".into(), ..Default::default() },
        }),
        order_number: "TR-2031".into(),
        product: "Huawei Watch GT 5".into(),
        model: "46 mm".into(),
        serial: String::new(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "1,000".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: Some("2026-11-02".parse().expect("a date")),
        delivery_date: Some("2026-11-03".parse().expect("a date")),
        reason,
        wants: Default::default(),
        details: String::new(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel,
        media: vec![],
    }
}

/// Opens the one return of `name` from the returns list.
async fn open_return(app: &App, name: &str) -> Result<()> {
    app.click("nav-returns").await?;
    app.type_into("returns-search", name).await?;
    app.wait_text("returns-count", |t| t.starts_with("1 ")).await?;
    app.wait_for("[data-testid^=return-row-]").await?;
    // WebKitWebDriver cannot click a table row; the row's own click handler opens it.
    app.client.execute("document.querySelector('[data-testid^=return-row-]').click()", vec![]).await?;
    app.el("return-title").await?;
    Ok(())
}

/// Scrolls `id` to the top of the window, as a person would to read it, for a screenshot.
async fn scroll_to(app: &App, id: &str) -> Result<()> {
    let el = app.el(id).await?;
    app.client.execute("arguments[0].scrollIntoView({block: 'start'});", vec![serde_json::to_value(&el)?]).await?;
    Ok(())
}

async fn absent(app: &App, id: &str) -> Result<bool> {
    Ok(app.client.find_all(Locator::Css(&testid(id))).await?.is_empty())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partial_refund_is_revised_from_the_page_then_refunded() -> Result<()> {
    // Thursday 12 November 2026, 10:00 in Hong Kong; the parcel came in on the 10th.
    let rig = Rig::start("2026-11-12T02:00:00Z")?;
    let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
    let form = request("Ayşe Yılmaz", ReturnReason::ChangeOfMind, RequestChannel::Email);
    fixture::received_return(&mut shop, by, &form, "2026-11-08T02:00:00Z".parse()?, "2026-11-10T02:00:00Z".parse()?);
    drop(shop);
    bounded(async {
        let app = rig.open_app().await?;
        app.client.set_window_size(1024, 700).await?;
        open_return(&app, "Ayşe").await?;
        assert!(app.text("request-requested").await?.starts_with("by email on"));

        // Worn: a partial refund of 30%, and the page says the shop keeps the watch.
        for item in ["rma_matches", "packaging_complete", "functional_test_passed"] {
            app.click(&format!("inspect-{item}")).await?;
        }
        app.set_value("inspect-wear", "moderate").await?;
        app.type_into("inspect-notes", "Bezel scratched; strap adjusted.").await?;
        app.click("decide-partial").await?;
        app.type_into("decide-percent", "30").await?;
        app.wait_text("decide-total", |t| t.contains("HKD 300.00")).await?;
        assert_eq!(app.text("decide-watch").await?, "The shop keeps the watch.");
        app.click("decide-save").await?;
        app.wait_text("return-state", |t| t.contains("Refund due")).await?;
        assert_eq!(app.text("decision-watch").await?, "The shop keeps the watch.");

        // The customer shows the wear is light: refunding 400 is refused next to the amount,
        // pointing at the way to decide again, which is right beside it.
        app.type_into("refund-amount", "400").await?;
        app.type_into("refund-reference", "ARN 7410 2233").await?;
        app.click("refund-save").await?;
        let refused = app.wait_text("error-amount", |t| !t.is_empty()).await?;
        assert!(refused.contains("revise the decision"), "{refused}");
        scroll_to(&app, "return-refund").await?;
        app.screenshot("47a-refund-refused-revise-1024").await?;
        app.click("refund-revise").await?;

        // The decision form opens again, filled in as decided.
        app.el("revise-help").await?;
        assert_eq!(app.value("decide-percent").await?, "30");
        assert_eq!(app.value("inspect-wear").await?, "moderate");
        assert_eq!(app.el("inspect-rma_matches").await?.prop("checked").await?.as_deref(), Some("true"));
        assert_eq!(app.el("decide-partial").await?.prop("checked").await?.as_deref(), Some("true"));
        app.wait_text("decide-total", |t| t.contains("HKD 300.00")).await?;
        app.screenshot("47-return-revise-1024").await?;
        app.audit("the decision being revised").await?;
        // Keeping it as it is changes nothing; opened again from the decision card, it is revised.
        app.click("revise-cancel").await?;
        app.el("return-refund").await?;
        app.click("decision-revise").await?;
        app.set_value("inspect-wear", "light").await?;
        app.type_into("decide-percent", "40").await?;
        app.wait_text("decide-total", |t| t.contains("HKD 400.00")).await?;
        scroll_to(&app, "decide-partial").await?;
        app.screenshot("47b-revise-decision-1024").await?;
        app.click("revise-save").await?;
        app.wait_text("decision-total", |t| t.contains("HKD 400.00")).await?;
        assert!(app.text("return-state").await?.contains("Refund due"));
        let history = app.wait_text("return-history", |t| t.contains("Decision revised from")).await?;
        assert!(history.contains("30%") && history.contains("40%") && history.contains("Mei Chan"), "{history}");

        // The refund of the revised amount is taken; then the decision stands.
        assert_eq!(app.value("refund-amount").await?, "400.00");
        app.type_into("refund-reference", "ARN 7410 2233").await?;
        app.click("refund-save").await?;
        app.wait_text("return-state", |t| t.contains("Refunded")).await?;
        assert!(absent(&app, "decision-revise").await? && absent(&app, "refund-revise").await?);
        app.screenshot("48-return-revised-refunded-1024").await?;
        app.close().await
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_watch_brought_to_the_counter_is_taken_in_and_its_replacement_handed_over() -> Result<()> {
    // Tuesday 3 November 2026 on the Turkish store's policy.
    let rig = Rig::start("2026-11-03T07:00:00Z")?;
    let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
    let mut settings = shop.settings()?;
    settings.policy = PresetId::TurkishStore.policy();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, "2026-11-01T03:00:00Z".parse()?)?;
    let form = request("Elif Kaya", ReturnReason::Defective, RequestChannel::InStore);
    shop.request_return(by, &form, "2026-11-03T07:00:00Z".parse()?)?;
    drop(shop);
    bounded(async {
        let app = rig.open_app().await?;
        app.client.set_window_size(1024, 700).await?;
        open_return(&app, "Elif").await?;
        assert!(app.text("request-requested").await?.starts_with("in store on"));
        // No photo asked for first: the store "may request" one, and the defect is at the counter.
        let verdict = app.text("eligibility-verdict").await?;
        assert!(verdict.contains("Meets"), "{verdict}");
        scroll_to(&app, "return-take-in-help").await?;
        app.screenshot("49-counter-request-1024").await?;
        app.audit("an in-store request").await?;
        app.click("return-take-in").await?;

        // Straight to the inspection: no parcel instructions, no labels.
        app.wait_text("return-state", |t| t.contains("Received")).await?;
        app.el("return-inspect").await?;
        assert!(absent(&app, "rma-instructions").await?);
        assert!(app.text("package-arrival").await?.contains("Handed over at the counter"));
        assert!(absent(&app, "package-tracking").await?);
        assert!(absent(&app, "form-return-label").await? && absent(&app, "form-return-form").await?);

        // The policy's test of a used smartwatch is on the checklist.
        app.click("inspect-rma_matches").await?;
        app.click("inspect-not_paired").await?;
        app.click("decide-exchange").await?;
        let watch = app.wait_text("decide-watch", |t| !t.is_empty()).await?;
        assert!(watch.contains("replacement"), "{watch}");
        app.wait_text("decide-settlement", |t| t.contains("no exchange fee")).await?;
        scroll_to(&app, "inspect-not_paired").await?;
        app.screenshot("49a-counter-inspect-1024").await?;
        app.click("decide-save").await?;
        app.wait_text("return-state", |t| t.contains("Exchange due")).await?;
        let checks = app.text("decision-inspection").await?;
        assert!(checks.contains("Not paired, no data transferred"), "{checks}");

        // The replacement is handed over in the shop: no tracking number.
        scroll_to(&app, "return-exchange").await?;
        app.screenshot("49b-counter-hand-over-1024").await?;
        app.click("return-hand-over").await?;
        app.wait_text("return-state", |t| t.contains("Exchanged")).await?;
        let summary = app.text("outbound-summary").await?;
        assert!(summary.starts_with("Replacement handed over at the counter on"), "{summary}");
        let history = app.text("return-history").await?;
        assert!(
            history.contains("Handed over at the counter and taken in") && history.contains("Replacement handed over")
        );
        app.screenshot("49c-counter-exchanged-1024").await?;
        app.close().await
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declined_request_gets_its_letter() -> Result<()> {
    // Friday 20 November 2026: the Turkish store counts 14 days from the delivery on the 3rd.
    let rig = Rig::start("2026-11-20T07:00:00Z")?;
    let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
    let mut settings = shop.settings()?;
    settings.policy = PresetId::TurkishStore.policy();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, "2026-11-01T03:00:00Z".parse()?)?;
    let form = request("Deniz Aydın", ReturnReason::ChangeOfMind, RequestChannel::Phone);
    shop.request_return(by, &form, "2026-11-20T07:00:00Z".parse()?)?;
    drop(shop);
    bounded(async {
        let app = rig.open_app().await?;
        app.client.set_window_size(1024, 700).await?;
        open_return(&app, "Deniz").await?;
        assert!(app.text("request-requested").await?.starts_with("by phone on"));
        assert!(absent(&app, "return-take-in").await?, "asked by phone: nothing to take in at the counter");
        app.click("return-decline").await?;
        let example = app.el("return-decline-reason").await?.attr("placeholder").await?.unwrap_or_default();
        assert_eq!(example, "e.g. Requested after the return window of 14 days", "the shop's own window");
        app.type_into("return-decline-reason", "Requested after the return window of 14 days").await?;
        app.click("return-decline-save").await?;
        app.wait_text("return-state", |t| t.contains("Declined")).await?;
        let letter = app.value("decline-message").await?;
        assert!(letter.starts_with("Dear Deniz Aydın,") && letter.contains("made by phone on"), "{letter}");
        scroll_to(&app, "return-closed").await?;
        app.screenshot("49d-declined-letter-1024").await?;
        app.audit("a declined request with its letter").await?;

        // The printable letter is offered beside it (the desk's tests read it back).
        let row = app.text("form-decline-letter").await?;
        assert!(row.contains("Decline letter"), "{row}");
        assert!(absent(&app, "form-return-form").await?, "no parcel forms for a declined request");
        app.close().await
    })
    .await
}
