//! A customer list imported on both engines: the people already known (by phone or e-mail)
//! left out, a watch on a row recorded as the customer's, the whole import one event, and a
//! file that adds nobody writing nothing.

use caseback_domain::customer_import::{Field, Mapping};
use caseback_domain::event::{Action, Subject};
use caseback_store::fixture;
use jiff::Timestamp;

fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

fn rows(
    mapping: &Mapping,
    cells: &[&[&str]],
) -> Vec<(usize, Result<caseback_domain::customer_import::ImportedCustomer, String>)> {
    cells
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 2, mapping.row(&r.iter().map(|s| s.to_string()).collect::<Vec<_>>())))
        .collect()
}

#[test]
fn customers_are_imported_together_the_known_left_out_and_their_watches_recorded() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        // Booked in already: Ayşe, by her phone.
        shop.book_intake(by, &fixture::presage("Ayşe Yılmaz", "+90 542 341 51 94", "Loses time"), &[], nov(2)).unwrap();
        let mapping = Mapping(vec![Field::Name, Field::Phone, Field::Email, Field::WatchBrand, Field::WatchSerial]);
        let file = rows(
            &mapping,
            &[
                &["Ayşe Y.", "0542 341 51 94", "", "", ""],
                &["Wong Ka Ming", "+852 9123 4567", "km@example.hk", "Tudor", "M79030N-0042"],
                &["No Way To Reach", "", "", "", ""],
                &["Lam Ka Yan", "", "kayan@example.hk", "", ""],
            ],
        );
        let plan = shop.plan_customer_import(file.clone()).unwrap();
        assert_eq!((plan.added.len(), plan.left_out.len()), (2, 2));
        let before = shop.find_customers("", 100).unwrap().len();
        assert_eq!(before, 1, "a plan writes nothing");

        let done = shop.import_customers(by, "old-shop.csv", file, nov(3)).unwrap();
        assert_eq!(done.left_out.iter().map(|l| l.line).collect::<Vec<_>>(), [2, 4]);
        assert!(done.left_out[0].reason.starts_with("Already a customer: Ayşe Yılmaz"), "{}", done.left_out[0].reason);
        let wong = shop.find_customers("wong ka ming", 10).unwrap();
        assert_eq!(wong.len(), 1);
        let watches = shop.customer_watches(wong[0].id).unwrap();
        assert_eq!(watches.iter().map(|(w, _)| w.details.serial.as_str()).collect::<Vec<_>>(), ["M79030N-0042"]);
        let events: Vec<_> = shop
            .history(Subject::Settings, "shop")
            .unwrap()
            .into_iter()
            .filter(|e| e.action == Action::CustomersImported)
            .collect();
        assert_eq!(events.len(), 1, "one event for the import");
        assert_eq!(events[0].detail["added"], 2);

        // Again: everyone is known now, so nothing is written.
        let again = rows(&mapping, &[&["Wong K. M.", "9123 4567", "", "", ""]]);
        let count = fixture::event_count(shop.db()).unwrap();
        assert!(shop.import_customers(by, "old-shop.csv", again, nov(4)).is_err());
        assert_eq!(fixture::event_count(shop.db()).unwrap(), count);
        assert_eq!(shop.find_customers("", 100).unwrap().len(), 3);
    });
}
