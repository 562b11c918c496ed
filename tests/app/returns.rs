//! A return in the real window: request, authorize, print the label, receive the parcel by
//! typing its code, inspect, and refund part of the price by wear.

use anyhow::{Context, Result};
use caseback_store::Shop;

use crate::rig::{bounded, Rig};

fn run(program: &str, args: &[&str]) -> Result<String> {
    let out = std::process::Command::new(program).args(args).output().with_context(|| format!("{program} runs"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn request_authorize_label_receive_inspect_partial_refund() -> Result<()> {
    // Tuesday 10 November 2026, 10:00 in Hong Kong.
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    rig.test_shop("2026-11-01T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        // The request: delivered on the 6th, asked on the 10th; lx-watch counts 10 days from the request.
        app.new_return_request(("Ayşe Yılmaz", "+90 542 341 51 94"), "CW-41037", "KOSPET Tank T3 Ultra").await?;
        app.type_into("return-price", "1000").await?;
        app.type_into("return-shipping", "50").await?;
        app.type_into("return-insurance", "20").await?;
        app.set_value("return-channel", "whatsapp").await?;
        let window = app.wait_text("eligibility-return_window", |t| t.contains("20 November 2026")).await?;
        assert!(window.contains("after delivery on 6 November 2026"), "{window}");
        app.screenshot("40-return-request").await?;
        app.click("return-save").await?;
        app.wait_text("return-state", |t| t.contains("Requested")).await?;

        // Authorizing issues the code, valid for 5 days: the 5th is a Sunday, so the customer
        // is given the Monday, a day the shop is open.
        app.click("return-authorize").await?;
        let code = app.wait_text("rma-code", |t| t.starts_with("RMA-")).await?;
        let through = app.text("rma-valid-through").await?;
        assert!(through.contains("16 November 2026"), "{through}");
        let instructions = app.value("rma-instructions").await?;
        assert!(
            instructions.contains(&code) && instructions.contains("on the outside of the parcel"),
            "{instructions}"
        );

        // The 4x6 label scans back to the code, as a barcode and as a QR code.
        let path = app.save_pdf("return-label", &rig.chosen_dir()?).await?;
        assert!(path.ends_with(&format!("{code} Return label.pdf")), "{path}");
        let png = rig.shop_dir().join("label");
        run("pdftoppm", &["-png", "-r", "200", "-singlefile", &path, png.to_str().context("path")?])?;
        let decoded = run("zbarimg", &["--quiet", "--raw", png.with_extension("png").to_str().context("path")?])?;
        assert_eq!(decoded.lines().filter(|l| *l == code).count(), 2, "Code 128 and QR: {decoded}");
        app.screenshot("41-return-authorized").await?;

        // Two days later the parcel arrives; staff type the code from its label.
        rig.set_clock("2026-11-12T02:00:00Z")?;
        app.click("nav-returns").await?;
        app.click("returns-receive").await?;
        app.type_into("receive-code", &code.to_lowercase()).await?;
        app.type_into("receive-tracking", "1Z999AA10123456784").await?;
        app.click("receive-save").await?;
        app.wait_text("return-state", |t| t.contains("Received")).await?;
        assert!(app.text("return-due").await?.contains("16 November 2026"), "2 business days from Thursday");

        // Inspection: worn but working. A partial refund by wear, within 20-40%.
        for item in ["rma_matches", "packaging_complete", "accessories_complete", "functional_test_passed"] {
            app.click(&format!("inspect-{item}")).await?;
        }
        app.set_value("inspect-wear", "moderate").await?;
        app.type_into("inspect-notes", "Bezel scratched; strap adjusted.").await?;
        app.click("decide-partial").await?;
        app.el("decide-percent").await?.clear().await?;
        app.type_into("decide-percent", "45").await?;
        let refused = app.wait_text("decide-settlement", |t| t.contains("outside")).await?;
        assert!(refused.contains("20%") && refused.contains("40%"), "{refused}");
        app.el("decide-percent").await?.clear().await?;
        app.type_into("decide-percent", "30").await?;
        app.wait_text("decide-total", |t| t.contains("HKD 300.00")).await?;
        app.screenshot("42-return-inspection").await?;
        app.click("decide-save").await?;
        app.wait_text("return-state", |t| t.contains("Refund due")).await?;

        // The refund goes back to the card: it shows when it should reach the customer.
        app.type_into("refund-reference", "ARN 7410 2233").await?;
        app.click("refund-save").await?;
        app.wait_text("return-state", |t| t.contains("Refunded")).await?;
        let summary = app.text("refund-summary").await?;
        assert!(
            summary.contains("23 November 2026") && summary.contains("2 December 2026"),
            "7 to 14 business days: {summary}"
        );

        let path = app.save_pdf("inspection-report", &rig.chosen_dir()?).await?;
        let report = run("pdftotext", &["-layout", &path, "-"])?;
        for needle in [code.as_str(), "Ayşe Yılmaz", "300.00", "Moderate"] {
            assert!(report.contains(needle), "{needle} missing from the report:\n{report}");
        }
        let history = app.text("return-history").await?;
        assert!(history.contains("Mei Chan"), "{history}");
        app.screenshot("43-return-refunded").await?;
        app.close().await?;
        Ok(())
    })
    .await
}

/// The demo's exchange by choice: the replacement waits for the fee, which must be whole.
#[tokio::test(flavor = "multi_thread")]
async fn an_exchange_waits_for_its_fee_then_the_replacement_goes_out() -> Result<()> {
    let rig = Rig::start("2026-11-22T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("open-demo").await?;
        app.click("nav-returns").await?;
        app.type_into("returns-search", "Daniel Lee").await?;
        app.wait_text("returns-count", |t| t.starts_with("1 ")).await?;
        // WebKitWebDriver cannot click a table row; the row's own click handler opens it.
        app.wait_for("[data-testid^=return-row-]").await?;
        app.client.execute("document.querySelector('[data-testid^=return-row-]').click()", vec![]).await?;
        let next = app.wait_text("return-due", |t| t.contains("exchange fee")).await?;
        assert!(next.contains("HKD 1,040.00"), "{next}");
        assert!(app.client.find_all(fantoccini::Locator::Css("[data-testid=return-ship-out]")).await?.is_empty());

        // Part of the fee is refused next to the amount; the whole fee lets the replacement go.
        app.type_into("exchange-fee-amount", "1000").await?;
        app.type_into("exchange-fee-reference", "VISA 4417").await?;
        app.click("exchange-fee-save").await?;
        let refused = app.wait_text("error-amount", |t| !t.is_empty()).await?;
        assert!(refused.contains("HKD 1,040.00"), "{refused}");
        app.type_into("exchange-fee-amount", "1,040").await?;
        app.set_value("exchange-fee-method", "card").await?;
        app.click("exchange-fee-save").await?;
        let paid = app.wait_text("exchange-fee-paid", |t| t.contains("paid by Card")).await?;
        assert!(paid.contains("HKD 1,040.00") && paid.contains("VISA 4417"), "{paid}");
        app.screenshot("45-exchange-fee-paid").await?;
        app.type_into("return-ship-out-tracking", "1Z999AA10123456784").await?;
        app.click("return-ship-out").await?;
        app.wait_text("return-state", |t| t.contains("Exchanged")).await?;
        let history = app.wait_text("return-history", |t| t.contains("Replacement sent")).await?;
        assert!(history.contains("Exchange fee of HKD 1,040.00 paid by Card, VISA 4417"), "{history}");
        app.close().await?;
        Ok(())
    })
    .await
}

/// The demo's parcel with no code on the box: the customer gives the code on the phone, and
/// the package moves to that return, ready to inspect.
#[tokio::test(flavor = "multi_thread")]
async fn a_parcel_without_its_code_is_linked_to_its_return() -> Result<()> {
    let rig = Rig::start("2026-11-22T02:00:00Z")?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("open-demo").await?;
        let demo = Shop::open_read_only(&rig.shop_dir().join("demo"))?;
        let awaiting = demo.returns_in_state(caseback_domain::returns::ReturnState::Authorized, 5)?;
        let code = awaiting[0].rma_code.clone().context("an authorized demo return has a code")?;
        drop(demo);

        app.click("nav-returns").await?;
        app.type_into("returns-search", "Demir").await?;
        app.wait_text("returns-count", |t| t.starts_with("1 ")).await?;
        app.wait_for("[data-testid^=return-row-]").await?;
        app.client.execute("document.querySelector('[data-testid^=return-row-]').click()", vec![]).await?;
        app.wait_text("package-held", |t| t.contains("link it")).await?;

        // A mistyped code is refused next to the field; the right one moves the package.
        let mut typo = code.clone();
        let last = typo.pop().context("code")?;
        typo.push(if last == '2' { '3' } else { '2' });
        app.type_into("return-link-code", &typo).await?;
        app.click("return-link").await?;
        app.wait_text("error-rma", |t| !t.is_empty()).await?;
        app.type_into("return-link-code", &code.to_lowercase()).await?;
        app.click("return-link").await?;
        app.wait_text("return-title", |t| t == code).await?;
        app.wait_text("return-state", |t| t.contains("Received")).await?;
        let from = app.text("package-linked-from").await?;
        assert!(from.contains("held without its code"), "{from}");
        assert_eq!(app.text("package-sender").await?, "M. Demir");
        app.screenshot("46-parcel-linked").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
