//! How a return was paid, on both engines: an order paid by card in instalments keeps
//! their number and the bank with the case, and a correction of them is logged.

use caseback_domain::after_sale::{InstalmentFields, InstalmentPlan};
use caseback_domain::customer::CustomerDetails;
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::CustomerChoice;
use caseback_domain::returns::{RefundMethod, RequestChannel, ReturnForm, ReturnReason};
use caseback_store::{fixture, StoreError};
use jiff::civil::date;
use jiff::Timestamp;

fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T07:00:00Z").parse().unwrap()
}

fn paid_in_instalments() -> ReturnForm {
    ReturnForm {
        customer: Some(CustomerChoice::New {
            details: CustomerDetails {
                name: "Ayşe Yılmaz".into(),
                phone: "+90 542 341 51 94".into(),
                ..Default::default()
            },
        }),
        order_number: "TR-2026-0412".into(),
        product: "Huawei Watch GT 5".into(),
        model: "46 mm".into(),
        serial: String::new(),
        category: String::new(),
        currency: "TRY".into(),
        purchase_price: "12499".into(),
        original_shipping: String::new(),
        insurance_paid: String::new(),
        paid_with: RefundMethod::Instalments,
        purchase_date: Some(date(2026, 11, 2)),
        delivery_date: Some(date(2026, 11, 4)),
        reason: ReturnReason::ChangeOfMind,
        wants: Default::default(),
        details: "Not for me".into(),
        colour_claim: false,
        opened: false,
        used: false,
        requested_on: None,
        channel: RequestChannel::InStore,
        media: vec![],
    }
}

fn fields(count: &str, bank: &str) -> InstalmentFields {
    InstalmentFields { instalment_count: count.into(), instalment_bank: bank.into() }
}

#[test]
fn a_return_paid_in_instalments_keeps_their_number_and_bank_and_a_correction_is_logged() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let form = paid_in_instalments();
        let refused = shop.request_return_with(by, &form, &fields("", "Garanti BBVA"), nov(8)).unwrap_err();
        let StoreError::Domain(e) = refused else { panic!("a refusal") };
        assert_eq!(e.fields()[0].field, "instalment_count");
        assert!(shop.search_returns("TR-2026-0412", None, 10).unwrap().is_empty(), "nothing recorded");

        let case = shop.request_return_with(by, &form, &fields("12", "Garanti BBVA"), nov(8)).unwrap();
        let twelve = InstalmentPlan { count: 12, bank: "Garanti BBVA".into() };
        assert_eq!(shop.return_case(case.id).unwrap().instalments, Some(twelve.clone()), "kept with the case");

        // A correction that leaves the plan alone keeps it; a new plan is logged in words.
        let corrected = ReturnForm { details: "Not for me, sorry".into(), ..form.clone() };
        assert_eq!(shop.correct_return(by, case.id, &corrected, nov(9)).unwrap().instalments, Some(twelve));
        let six = shop.correct_return_with(by, case.id, &form, &fields("6", "İş Bankası"), nov(9)).unwrap();
        assert_eq!(six.instalments, Some(InstalmentPlan { count: 6, bank: "İş Bankası".into() }));
        let history = shop.history(Subject::Return, &case.id.0.to_string()).unwrap();
        let last = history.iter().rev().find(|e| e.action == Action::ReturnCorrected).unwrap();
        let changes = last.detail["changes"].as_array().unwrap();
        let plan = changes.iter().find(|c| c["field"] == "instalments").expect("the plan's change is logged");
        assert_eq!(
            (plan["from"].as_str(), plan["to"].as_str()),
            (Some("12 × via Garanti BBVA"), Some("6 × via İş Bankası"))
        );

        // Paid in cash: no plan is kept, whatever the hidden fields hold.
        let cash = ReturnForm { paid_with: RefundMethod::Cash, order_number: "TR-2026-0413".into(), ..form };
        let case = shop.request_return_with(by, &cash, &fields("12", "Garanti BBVA"), nov(9)).unwrap();
        assert_eq!(case.instalments, None);
    });
}
