//! A return label needs the shop's postal address: while it is missing, authorizing warns
//! and every form that tells the customer where to send the watch refuses, saying where to
//! set it; once it is set, they render.

use std::sync::Arc;

use caseback_desk::{Desk, PaperFor};
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::CustomerChoice;
use caseback_domain::papers::ReturnFormKind;
use caseback_domain::returns::{RefundMethod, RequestChannel, ReturnForm, ReturnId, ReturnReason};
use caseback_domain::staff::RosterEntry;
use caseback_domain::Code;
use caseback_store::fixture;
use jiff::civil::date;
use jiff::Timestamp;
use serde_json::Value;

#[test]
fn without_the_shops_address_authorizing_warns_and_the_parcel_forms_refuse() {
    let now: Timestamp = "2026-11-10T02:00:00Z".parse().unwrap();
    let (_dir, mut shop, by) = fixture::temp_shop(now);
    let mut settings = shop.settings().unwrap();
    let address = std::mem::take(&mut settings.shop.address);
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, now).unwrap();
    let mut desk = Desk::new(shop, Arc::new(move || now));

    let form = ReturnForm {
        customer: Some(CustomerChoice::New {
            details: CustomerDetails {
                name: "Wong Ka Ming".into(),
                phone: "+852 9123 4567".into(),
                ..Default::default()
            },
        }),
        order_number: "CW-41037".into(),
        product: "KOSPET Tank T3 Ultra".into(),
        model: String::new(),
        serial: String::new(),
        category: String::new(),
        currency: "HKD".into(),
        purchase_price: "1,000".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: Some(date(2026, 11, 2)),
        delivery_date: Some(date(2026, 11, 6)),
        reason: ReturnReason::ChangeOfMind,
        wants: Default::default(),
        details: String::new(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel: RequestChannel::Email,
        media: vec![],
    };
    let requested: Value = serde_json::to_value(desk.request_return(by, &form).unwrap()).unwrap();
    let warning = requested["address_warning"].as_str().expect("a warning while the address is empty");
    assert!(warning.contains("Settings"), "says where to set it: {warning}");
    let id = ReturnId(requested["id"].as_i64().unwrap());
    let authorized = desk.authorize_return(by, id, None).unwrap();
    assert!(
        serde_json::to_value(&authorized).unwrap()["address_warning"].is_string(),
        "still warns while the parcel is awaited"
    );

    for kind in [ReturnFormKind::ReturnLabel, ReturnFormKind::RmaInstructions, ReturnFormKind::ReturnAuthorization] {
        let refused = desk.paper(PaperFor::Return(id, kind)).err().unwrap_or_else(|| panic!("{kind:?} rendered"));
        assert_eq!(refused.code, Code::ShopAddressMissing, "{kind:?}");
        assert!(refused.message.contains("Settings"), "{}", refused.message);
    }

    // Set, the warning goes and the label renders.
    let mut settings = desk.shop().settings().unwrap();
    settings.shop.address = address;
    desk.shop_mut().save_settings(by, &settings, &roster, now).unwrap();
    assert!(serde_json::to_value(desk.return_case(id).unwrap()).unwrap()["address_warning"].is_null());
    let label = desk.paper(PaperFor::Return(id, ReturnFormKind::ReturnLabel)).unwrap();
    assert!(label.pdf.starts_with(b"%PDF"));
}
