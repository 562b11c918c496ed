//! The window in the desktop's dark mode: it follows the system (GTK's dark theme here), and
//! every screen it shows still passes axe's contrast checks, on the dark palette.

use anyhow::Result;

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_follows_the_desktop_s_dark_mode_and_stays_legible() -> Result<()> {
    let rig = Rig::start_in_dark_mode("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
        let form = caseback_store::fixture::presage("Ayşe Yılmaz", "+90 542 341 51 94", "Loses time");
        shop.book_intake(by, &form, &[], "2026-11-02T02:00:00Z".parse()?)?;
    }
    bounded(async {
        let app = rig.open_app().await?;
        app.el("today-assessments").await?;
        let dark = app.client.execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![]).await?;
        assert_eq!(dark, serde_json::Value::Bool(true), "the desktop is dark, and the window knows it");
        let background = app.client.execute("return getComputedStyle(document.body).backgroundColor", vec![]).await?;
        assert_eq!(background.as_str(), Some("rgb(17, 26, 27)"), "the dark palette is in use");
        app.audit("Today, dark").await?;
        rig.screenshot_display("9d-today-in-dark-mode")?;
        app.el("find-input").await?.send_keys("R-2026-00001\u{E007}").await?;
        app.wait_text("ticket-number", |t| t == "R-2026-00001").await?;
        app.audit("a ticket, dark").await?;
        rig.screenshot_display("9e-a-ticket-in-dark-mode")?;
        for screen in ["tickets", "bench", "parts", "returns", "customers", "settings"] {
            app.click(&format!("nav-{screen}")).await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            app.audit(&format!("{screen}, dark")).await?;
        }
        rig.screenshot_display("9f-settings-in-dark-mode")?;
        app.close().await?;
        Ok(())
    })
    .await
}
