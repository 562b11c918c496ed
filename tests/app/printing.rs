//! Settings → Printing in the window, and Print through the tests' real CUPS scheduler: the
//! bag tag goes to the label printer on the stock chosen, with its copies; a paused printer is
//! a sentence that says where the PDF is; today's tags go out in one job.

use anyhow::{Context, Result};

use crate::rig::{bounded, test_cups, Rig};

/// The newest job on `printer`: its media, its copies, and its file's text.
fn newest_job(printer: &str) -> Result<(String, String, String)> {
    let (server, dir) = test_cups()?;
    let run = |program: &str, args: &[&str]| -> Result<String> {
        let out = std::process::Command::new(program)
            .args(args)
            .env("CUPS_SERVER", &server)
            .env("LC_ALL", "C")
            .output()
            .with_context(|| format!("{program}: run scripts/install-deps"))?;
        Ok(String::from_utf8_lossy(&out.stdout).to_string())
    };
    let listed = run("lpstat", &["-W", "all", "-o", printer])?;
    let job: u32 = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next()?.rsplit_once('-')?.1.parse().ok())
        .max()
        .with_context(|| format!("no job on {printer}: {listed}"))?;
    let test = dir.join(format!("get-job-{job}.test"));
    std::fs::write(
        &test,
        "{\n OPERATION Get-Job-Attributes\n GROUP operation-attributes-tag\n ATTR charset attributes-charset utf-8\n \
         ATTR naturalLanguage attributes-natural-language en\n ATTR uri printer-uri $uri\n ATTR integer job-id $job_id\n \
         ATTR name requesting-user-name caseback\n ATTR keyword requested-attributes all\n STATUS successful-ok\n}\n",
    )?;
    let said = run(
        "ipptool",
        &["-tv", "-d", &format!("job_id={job}"), &format!("ipp://{server}/printers/{printer}"), test.to_str().unwrap()],
    )?;
    let value = |name: &str| {
        said.lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{name} (")).and_then(|r| r.split_once("= ")))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let pdf = dir.join("spool").join(format!("d{job:05}-001"));
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"])?;
    Ok((value("media"), value("copies"), text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_bag_tag_goes_to_the_label_printer_on_the_stock_chosen_in_settings() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-10T01:00:00Z")?;
        let form = caseback_store::fixture::presage("Çağrı Öztürk", "0532 123 45 67", "Stops at night");
        shop.book_intake(by, &form, &[], "2026-11-10T01:30:00Z".parse()?)?;
    }
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-printing").await?;
        let printers = app.wait_text("printing-printers", |t| t.contains("Office")).await?;
        assert_eq!(printers, "Printers on this computer: Jammed (paused), Labels, Office (default), Parcels.");

        // The tag on the label printer, on DYMO 30252, twice; the quotation asked 50 times.
        app.choose("printing-ticket-tag-printer", "Labels").await?;
        app.choose("printing-ticket-tag-media", "DYMO 30252").await?;
        app.type_into("printing-ticket-tag-copies", "2").await?;
        app.type_into("printing-ticket-quotation-copies", "50").await?;
        // Every document on US Letter in one go, line by line.
        app.choose("printing-all-media", "US Letter").await?;
        for line in ["ticket-receipt", "ticket-quotation", "return-decline-letter"] {
            assert_eq!(app.value(&format!("printing-{line}-media")).await?, "letter", "{line}");
        }
        app.click("printing-save").await?;
        app.wait_text("error-printing-ticket-quotation", |t| t == "Print between 1 and 20 copies.").await?;
        assert_eq!(app.text("error-printing-ticket-tag").await?, "", "only the line at fault is marked");
        app.screenshot("a1-printing-refused").await?;
        app.type_into("printing-ticket-quotation-copies", "1").await?;
        app.click("printing-save").await?;
        app.wait_text("toast", |t| t == "Printing saved for this computer.").await?;
        assert_eq!(app.value("printing-ticket-tag-media").await?, "dymo-30252", "saved and shown again");
        app.screenshot("a2-printing-saved").await?;

        // A stock the tag is not laid out for is not even offered for the parcel labels.
        let offered = app
            .client
            .execute(
                "return [...document.querySelector('[data-testid=\"printing-ticket-shipping-label-media\"]').options].map((o) => o.value)",
                vec![],
            )
            .await?;
        assert_eq!(offered, serde_json::json!(["4x6in", "100x150mm"]));

        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.click("form-tag-print").await?;
        app.wait_text("toast", |t| {
            t == "Bag tag sent to \u{201c}Labels\u{201d} on DYMO 30252 (28 × 89 mm), 2 copies."
        })
        .await?;
        let (media, copies, text) = newest_job("Labels")?;
        assert_eq!((media.as_str(), copies.as_str()), ("om_dymo-30252_28x89mm", "2"));
        assert!(text.contains("R-2026-00001") && text.contains("Çağrı"), "{text}");

        // The receipt to the paused printer: a sentence, and where the PDF is.
        app.click("nav-settings").await?;
        app.click("settings-nav-printing").await?;
        app.choose("printing-ticket-receipt-printer", "Jammed").await?;
        app.click("printing-save").await?;
        app.wait_text("toast", |t| t == "Printing saved for this computer.").await?;
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.click("form-receipt-print").await?;
        let refused = app.wait_text("toast", |t| t.contains("paused")).await?;
        assert!(refused.starts_with("The printer \u{201c}Jammed\u{201d} is paused: resume it"), "{refused}");
        assert!(refused.contains("The PDF is kept at ") && refused.ends_with("R-2026-00001-receipt.pdf."), "{refused}");

        // Today: the day's tags in one job.
        app.click("nav-today").await?;
        app.click("print-todays-tags").await?;
        app.wait_text("toast", |t| t == "1 bag tag sent to \u{201c}Labels\u{201d} on DYMO 30252 (28 × 89 mm), 2 copies.")
            .await?;
        let (media, _, text) = newest_job("Labels")?;
        assert_eq!(media, "om_dymo-30252_28x89mm");
        assert!(text.contains("R-2026-00001"), "{text}");

        // A narrow window: the lines fold, nothing runs off the side.
        app.resize(800, 700).await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-printing").await?;
        app.wait_text("printing-printers", |t| t.contains("Office")).await?;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        app.fits_sideways("settings").await?;
        app.screenshot("a3-printing-narrow").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
