//! E-mail from the window, through a real SMTP server the test starts (aiosmtpd): the mail
//! account set up in Settings (a port typed wrong is refused at its field), a test message,
//! a quotation e-mailed from the ticket's Forms, which waits while the server is down and goes
//! once it is up, exactly once, with its PDF; a recipient the server refuses shows the
//! server's words and can be sent again.

use anyhow::Result;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::CustomerChoice;
use caseback_store::fixture::smtp::{free_port, SmtpServer, PASSWORD, USER};

use crate::rig::{bounded, Rig};

fn quoted(shop: &mut caseback_store::Shop, by: caseback_domain::staff::StaffId, name: &str, email: &str) -> Result<()> {
    let mut form = caseback_store::fixture::presage(name, "9123 4567", "Stops at night");
    form.customer = CustomerChoice::New {
        details: CustomerDetails {
            name: name.into(),
            phone: "9123 4567".into(),
            email: email.into(),
            ..Default::default()
        },
    };
    let at = "2026-11-09T02:00:00Z".parse()?;
    let id = shop.book_intake(by, &form, &[], at)?.id;
    caseback_store::fixture::quote(shop, by, id, vec![caseback_store::fixture::labour_line(88_000)], at);
    Ok(())
}

async fn wait_for_mail(server: &SmtpServer, n: usize) -> Vec<caseback_store::fixture::smtp::Received> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while server.received().len() < n && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    server.received()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quotation_is_e_mailed_from_the_ticket_and_waits_while_the_server_is_down() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
        quoted(&mut shop, by, "Wong Ka Ming", "wong@example.com")?;
        quoted(&mut shop, by, "Chan Tai Man", "nobody@example.com")?;
    }
    let port = free_port();
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-settings").await?;
        app.click("settings-nav-mail").await?;
        app.type_into("mail-host", "127.0.0.1").await?;
        app.type_into("mail-port", "sixty").await?;
        app.set_value("mail-security", "none").await?;
        app.type_into("mail-user", USER).await?;
        app.type_into("mail-password", PASSWORD).await?;
        app.type_into("mail-from_address", "desk@kowloontime.hk").await?;
        app.click("mail-save").await?;
        let refused = app.wait_text("error-mail-port", |t| !t.is_empty()).await?;
        assert!(refused.contains("port"), "{refused}");
        app.type_into("mail-port", &port.to_string()).await?;
        app.click("mail-save").await?;
        app.wait_text("toast", |t| t == "The mail account is saved on this computer.").await?;
        let kept = app.el("mail-password").await?.attr("placeholder").await?.unwrap_or_default();
        assert!(kept.starts_with("kept"), "the password is kept, never shown: {kept:?}");
        assert_eq!(app.value("mail-password").await?, "");

        // The server is not up yet: the quotation waits in the outbox.
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.click("form-quotation-email").await?;
        app.wait_text("toast", |t| t.contains("to wong@example.com waits in the outbox")).await?;
        app.wait_text("ticket-forms-mails", |t| t.contains("Waiting to be sent") && t.contains("wong@example.com"))
            .await?;
        app.screenshot("a4-mail-waiting").await?;

        // The server comes up; Send what waits now sends it, once.
        let server = SmtpServer::start(port, &["nobody@example.com"]);
        app.click("nav-settings").await?;
        app.click("settings-nav-mail").await?;
        app.click("outbox-send").await?;
        let mail = wait_for_mail(&server, 1).await;
        assert_eq!(mail.len(), 1, "one message");
        assert_eq!(mail[0].recipients, ["wong@example.com"]);
        let raw = String::from_utf8_lossy(&mail[0].raw).to_string();
        assert!(raw.contains("R-2026-00001") && raw.contains("application/pdf"), "{raw}");
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.wait_text("ticket-forms-mails", |t| t.contains("Sent")).await?;

        // A recipient the server refuses: its words, and Send again.
        app.el("find-input").await?.send_keys("R-2026-00002\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00002").await?;
        app.click("form-quotation-email").await?;
        let said = app.wait_text("ticket-forms-mails", |t| t.contains("Not delivered")).await?;
        assert!(said.contains("550"), "the server's words: {said}");
        app.screenshot("a5-mail-refused").await?;
        let again = app.client.find(fantoccini::Locator::Css("[data-testid^=\"outbox-retry-\"]")).await?;
        again.click().await?;
        app.wait_text("toast", |t| t.contains("waits in the outbox again")).await?;

        // The test message.
        app.click("nav-settings").await?;
        app.click("settings-nav-mail").await?;
        app.type_into("mail-test-to", "mei@example.com").await?;
        app.click("mail-test").await?;
        app.wait_text("mail-test-result", |t| t.contains("mei@example.com") && !t.contains("Sending")).await?;
        app.screenshot("a6-mail-settings").await?;
        assert!(wait_for_mail(&server, 2).await.len() >= 2, "the test message arrived too");
        assert_eq!(
            server.received().iter().filter(|m| m.recipients == ["wong@example.com"]).count(),
            1,
            "the quotation went once"
        );
        app.close().await?;
        Ok(())
    })
    .await
}
