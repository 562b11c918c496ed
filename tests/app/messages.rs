//! A quotation sent by WhatsApp from the window: the chat opens (through the desktop's link
//! handler) to the customer's full number with the message written in, and staff are told
//! to attach the PDF there.

use anyhow::Result;

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn a_quotation_goes_to_the_customer_s_whatsapp_with_its_message() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
        // A national number: the shop's country code (+852) is put before it.
        let form = caseback_store::fixture::presage("Wong Ka Ming", "9123 4567", "Stops at night");
        let at = "2026-11-09T02:00:00Z".parse()?;
        let id = shop.book_intake(by, &form, &[], at)?.id;
        caseback_store::fixture::quote(&mut shop, by, id, vec![caseback_store::fixture::labour_line(88_000)], at);
    }
    bounded(async {
        let app = rig.open_app().await?;
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.click("quotation-whatsapp-1").await?;
        app.wait_text("toast", |t| t.contains("attach the PDF there")).await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !rig.handed_out().contains("wa.me") && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let handed = rig.handed_out();
        assert!(handed.contains("xdg-open https://wa.me/85291234567?text=Dear%20Wong%20Ka%20Ming"), "{handed}");
        app.close().await?;
        Ok(())
    })
    .await
}
