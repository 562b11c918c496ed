//! A customer list from the shop's old system, imported in the window: each column's field
//! guessed from the header (and changeable), the customers it adds and the rows it leaves
//! out with the reason, then the import, after which they are found like anyone booked in.

use anyhow::{Context, Result};

use crate::rig::{bounded, Rig};

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_list_is_shown_column_by_column_then_imported_whole() -> Result<()> {
    let rig = Rig::start("2026-11-10T02:00:00Z")?;
    {
        let (mut shop, by) = rig.test_shop("2026-11-01T02:00:00Z")?;
        let form = caseback_store::fixture::presage("Ayşe Yılmaz", "+90 542 341 51 94", "Loses time");
        shop.book_intake(by, &form, &[], "2026-11-02T02:00:00Z".parse()?)?;
    }
    let dir = tempfile::tempdir()?;
    let csv = dir.path().join("old-shop.csv");
    std::fs::write(
        &csv,
        "Customer name,Mobile,E-mail,Brand,Serial no.,Notes\n\
         Ayşe Y.,0542 341 51 94,,,,regular\n\
         Wong Ka Ming,+852 9123 4567,km@example.hk,Tudor,M79030N-0042,\n\
         No Way To Reach,,,,,\n",
    )?;
    bounded(async {
        let app = rig.open_app().await?;
        app.click("nav-customers").await?;
        app.click("customers-import").await?;
        app.el("customer-import-file").await?.send_keys(csv.to_str().context("a UTF-8 path")?).await?;
        let summary = app.wait_text("customer-import-summary", |t| !t.is_empty()).await?;
        assert_eq!(summary, "What the file does: 1 customer added (1 with a watch), 2 rows left out");
        assert_eq!(app.value("customer-import-field-1").await?, "phone", "Mobile is a phone");
        assert_eq!(app.value("customer-import-field-5").await?, "ignore", "Notes are not imported");
        assert!(app.text("customer-import-left-out-2").await?.contains("Already a customer: Ayşe Yılmaz"));
        assert!(app.text("customer-import-left-out-4").await?.contains("phone number or an email"));
        assert!(app.text("customer-import-row-3").await?.contains("Tudor M79030N-0042"));
        // Two columns as the name: refused beside the columns, nothing to import.
        app.set_value("customer-import-field-5", "name").await?;
        let refused = app.wait_text("customer-import-mapping-error", |t| !t.is_empty()).await?;
        assert!(refused.contains("Two columns are chosen as \"Name\""), "{refused}");
        assert!(!app.el("customer-import-go").await?.is_enabled().await?);
        app.set_value("customer-import-field-5", "ignore").await?;
        app.wait_text("customer-import-go", |t| t == "Import 1 customer").await?;
        app.screenshot("9c-a-customer-list-before-it-is-imported").await?;
        app.click("customer-import-go").await?;
        app.wait_text("toast", |t| t.contains("1 customer added")).await?;
        app.type_into("customer-search", "wong").await?;
        // (A person cell's text does not read back through WebDriver: the row is known by its e-mail.)
        app.wait_text("customer-table", |t| t.contains("km@example.hk")).await?;
        app.close().await?;
        Ok(())
    })
    .await
}
