//! Amounts in a shop that writes decimal commas (the Turkish way), and a return request
//! recorded with a wrong price corrected before it is decided, the change in its history.

use anyhow::Result;
use caseback_domain::money::NumberStyle;
use caseback_domain::staff::RosterEntry;

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn a_decimal_comma_is_read_the_shops_way_and_a_wrong_price_is_corrected() -> Result<()> {
    // Tuesday 10 November 2026, 10:00 in Hong Kong.
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
        let mut settings = shop.settings()?;
        settings.number_style = NumberStyle::CommaDecimals;
        let roster = [RosterEntry {
            id: Some(by),
            name: caseback_store::fixture::STAFF.into(),
            active: true,
            role: Default::default(),
        }];
        shop.save_settings(by, &settings, &roster, "2026-11-01T03:00:00Z".parse()?)?;
    }
    bounded(async {
        let app = rig.open_app().await?;
        app.new_return_request(("Elif Kaya", "+90 532 418 27 90"), "TR-2031", "Huawei Watch GT 5").await?;

        // "12,499" could be twelve thousand the other way: refused at the price, the reading spelled out.
        app.type_into("return-price", "12,499").await?;
        let two_ways = app.wait_text("error-purchase_price", |t| !t.is_empty()).await?;
        assert!(two_ways.contains("could be read two ways") && two_ways.contains("12.499"), "{two_ways}");
        // Written the other way entirely, it is refused too: never silently a hundred times larger.
        app.type_into("return-price", "12,499.00").await?;
        let other = app.wait_text("error-purchase_price", |t| t.contains("other way")).await?;
        assert!(other.contains("1.234,56"), "{other}");

        // Recorded with a slip of the finger: ten times the price.
        app.type_into("return-price", "124.990,00").await?;
        app.click("return-save").await?;
        app.wait_text("return-state", |t| t.contains("Requested")).await?;
        assert_eq!(app.text("request-price").await?, "HKD 124.990,00");

        // Corrected before anything is decided on it: the form comes back as recorded.
        app.click("return-correct").await?;
        assert_eq!(app.wait_text("return-correct-customer", |t| !t.is_empty()).await?, "Elif Kaya");
        assert_eq!(app.value("return-price").await?, "124.990,00");
        app.type_into("return-price", "12.499,00").await?;
        app.click("return-save").await?;
        app.wait_text("request-price", |t| t == "HKD 12.499,00").await?;
        let history = app.text("return-history").await?;
        assert!(
            history.contains("Corrected the request: the price from \"HKD 124.990,00\" to \"HKD 12.499,00\""),
            "{history}"
        );
        app.screenshot("45-return-corrected").await?;
        app.close().await?;
        Ok(())
    })
    .await
}
