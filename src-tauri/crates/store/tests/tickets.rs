//! Intake, numbering, search and ticket states, each on both engines.

use caseback_domain::customer::CustomerDetails;
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::{Arrival, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::ticket::TicketState;
use caseback_domain::warranty::{Voiding, WarrantyStatus};
use caseback_domain::Code;
use caseback_store::sql::{Db, Engine};
use caseback_store::{db, fixture, vals, Shop};
use jiff::civil::date;
use jiff::Timestamp;

fn at(ts: &str) -> Timestamp {
    ts.parse().unwrap()
}

fn form(name: &str, phone: &str, serial: &str) -> IntakeForm {
    IntakeForm {
        customer: CustomerChoice::New {
            details: CustomerDetails { name: name.into(), phone: phone.into(), ..CustomerDetails::default() },
        },
        details: IntakeDetails {
            device: Device {
                kind: Some(DeviceKind::Mechanical),
                brand: "Seiko".into(),
                model: "Presage SRPB41".into(),
                serial: serial.into(),
                item_code: String::new(),
                colour: String::new(),
            },
            purchase: PurchaseRecord {
                order_number: "LX-88121".into(),
                purchase_date: Some(date(2026, 3, 2)),
                ..PurchaseRecord::default()
            },
            fault: "Loses 30 seconds a day".into(),
            tried: String::new(),
            accessories: vec![],
            accessories_other: String::new(),
            condition: vec![],
            condition_notes: String::new(),
            arrival: Arrival::WalkIn,
            voiding: Voiding::default(),
        },
    }
}

fn counts(shop: &Shop) -> (i64, i64, i64, i64) {
    let n = |sql: &str| shop.db().value::<i64>(sql, vals![]).unwrap();
    (
        n("SELECT count(*) FROM customers"),
        n("SELECT count(*) FROM tickets"),
        n("SELECT count(*) FROM events"),
        // PostgreSQL's SUM of a BIGINT is NUMERIC.
        n("SELECT CAST(coalesce(sum(last_seq), 0) AS BIGINT) FROM ticket_numbers"),
    )
}

#[test]
fn booking_in_numbers_the_ticket_and_sets_its_deadline() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        // Friday 20 Nov 2026, 10:00 in Hong Kong
        let t = shop
            .book_intake(by, &form("Ayşe Yılmaz", "+90 542 341 51 94", "SRPB-0042"), &[], at("2026-11-20T02:00:00Z"))
            .unwrap();
        assert_eq!(t.number.to_string(), "R-2026-00001");
        assert_eq!(t.state, TicketState::Received);
        assert_eq!(t.received_on, date(2026, 11, 20));
        assert_eq!(t.assessment_due, date(2026, 11, 24), "2 business days: Mon 23, Tue 24");
        assert!(matches!(t.warranty.status, WarrantyStatus::InWarranty { .. }));
        let second =
            shop.book_intake(by, &form("王小明", "+852 5555 0101", ""), &[], at("2026-11-20T03:00:00Z")).unwrap();
        assert_eq!(second.number.to_string(), "R-2026-00002");
        // late on 31 Dec UTC is already 1 Jan in Hong Kong: a new year's numbers
        let third =
            shop.book_intake(by, &form("Sam Wong", "+852 5555 0102", ""), &[], at("2026-12-31T17:00:00Z")).unwrap();
        assert_eq!(third.number.to_string(), "R-2027-00001");
        let history = shop.history(Subject::Ticket, "R-2026-00001").unwrap();
        assert_eq!(history[0].action, Action::TicketReceived);
        assert_eq!(history[0].staff, Some(by));
        assert_eq!(shop.ticket_by_number("r-2026-1").unwrap().id, t.id);
    });
}

#[test]
fn a_refused_intake_writes_nothing_and_uses_no_number() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        let before = counts(shop);
        let mut bad = form("", "", "X");
        bad.details.purchase.purchase_date = Some(date(2026, 12, 1));
        let err = shop.book_intake(by, &bad, &[], at("2026-11-20T02:00:00Z")).unwrap_err();
        assert_eq!(err.code(), Code::InvalidInput);
        assert!(shop.store_photo(by, "x.gif", b"GIF89a", at("2026-11-20T02:00:00Z")).is_err());
        let unknown_photo = "0".repeat(64);
        assert!(shop.book_intake(by, &form("A", "1234567", ""), &[unknown_photo], at("2026-11-20T02:00:00Z")).is_err());
        let unknown = IntakeForm {
            customer: CustomerChoice::Existing { id: caseback_domain::customer::CustomerId(99) },
            ..form("A", "1", "")
        };
        assert_eq!(shop.book_intake(by, &unknown, &[], at("2026-11-20T02:00:00Z")).unwrap_err().code(), Code::NotFound);
        assert_eq!(counts(shop), before);
        let t = shop.book_intake(by, &form("A", "1234567", ""), &[], at("2026-11-20T02:00:00Z")).unwrap();
        assert_eq!(t.number.seq, 1, "refusals used no number");
    });
}

#[test]
fn photos_are_copied_in_with_the_ticket() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        let png = b"\x89PNG\r\n\x1a\nphoto bytes".to_vec();
        let photo = shop.store_photo(by, "front.png", &png, at("2026-11-20T02:00:00Z")).unwrap();
        let t = shop.book_intake(by, &form("A", "1234567", ""), &[photo.sha256], at("2026-11-20T02:00:00Z")).unwrap();
        assert_eq!(shop.ticket(t.id).unwrap().photos, t.photos);
        assert_eq!(t.photos.len(), 1);
    });
}

#[test]
fn search_ignores_accents_case_and_phone_formats_and_finds_partial_numbers() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        for i in 0..45 {
            shop.book_intake(
                by,
                &form(&format!("Customer {i}"), &format!("+852 5555 {:04}", 1000 + i), ""),
                &[],
                at("2026-11-20T02:00:00Z"),
            )
            .unwrap();
        }
        shop.book_intake(
            by,
            &form("Ayşe Yılmaz", "+90 542 341 51 94", "KP-2291-0042"),
            &[],
            at("2026-11-20T02:00:00Z"),
        )
        .unwrap();
        shop.book_intake(by, &form("王小明", "+852 6123 4567", ""), &[], at("2026-11-20T02:00:00Z")).unwrap();
        let names = |q: &str| {
            shop.search_tickets(q, None, 50).unwrap().into_iter().map(|r| r.customer_name).collect::<Vec<_>>()
        };
        assert_eq!(names("ayse"), ["Ayşe Yılmaz"]);
        assert_eq!(names("AYŞE yilmaz"), ["Ayşe Yılmaz"]);
        assert_eq!(names("0542 341 51 94"), ["Ayşe Yılmaz"]);
        assert_eq!(names("+90 (542) 341-5194"), ["Ayşe Yılmaz"]);
        assert_eq!(names("kp22910042"), ["Ayşe Yılmaz"], "serial without dashes");
        assert_eq!(names("kp-2291"), ["Ayşe Yılmaz"]);
        assert_eq!(names("小明"), ["王小明"], "two CJK characters");
        assert_eq!(names("R-2026-00046"), ["Ayşe Yılmaz"]);
        assert_eq!(names("2026-46"), ["Ayşe Yılmaz"], "partial number without zeros");
        assert_eq!(names("00046"), ["Ayşe Yılmaz"]);
        assert_eq!(names("0004").len(), 9, "R-2026-00004 and R-2026-00040 .. 00047");
        assert!(names("zzz").is_empty());
        assert_eq!(shop.search_tickets("", None, 500).unwrap().len(), 47);
        assert_eq!(shop.search_tickets("", Some(TicketState::Assessing), 500).unwrap().len(), 0);
        assert_eq!(shop.find_customers("YILMAZ", 10).unwrap()[0].details.name, "Ayşe Yılmaz");
    });
}

#[test]
fn search_takes_underscores_percent_signs_and_backslashes_as_typed() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        let booked = |shop: &mut Shop, name: &str, email: &str, serial: &str| {
            let mut f = form(name, "+852 5555 0101", serial);
            if let CustomerChoice::New { details } = &mut f.customer {
                details.email = email.into();
            }
            shop.book_intake(by, &f, &[], at("2026-11-20T02:00:00Z")).unwrap();
        };
        booked(shop, "Mei Chan", "mei_chan@example.hk", "SN\\42");
        booked(shop, "Tom Lee", "meixchan@example.hk", "SN42");
        booked(shop, "Sam Wong", "sam@example.hk", "100%-A");
        let names = |q: &str| {
            shop.search_tickets(q, None, 50).unwrap().into_iter().map(|r| r.customer_name).collect::<Vec<_>>()
        };
        // Neither a wildcard nor dropped: `_` and `%` are the characters themselves.
        assert_eq!(names("mei_chan"), ["Mei Chan"]);
        assert_eq!(names("i_"), ["Mei Chan"], "a short term too");
        assert_eq!(names("100%"), ["Sam Wong"]);
        assert_eq!(names("0%"), ["Sam Wong"]);
        // A backslash is a character too, even last.
        assert_eq!(names("sn\\42"), ["Mei Chan"]);
        assert_eq!(names("n\\"), ["Mei Chan"]);
        assert_eq!(names("\\"), ["Mei Chan"]);
        let customers =
            |q: &str| shop.find_customers(q, 10).unwrap().into_iter().map(|c| c.details.name).collect::<Vec<_>>();
        assert_eq!(customers("mei_chan"), ["Mei Chan"]);
        assert_eq!(customers("100"), Vec::<String>::new());
        assert_eq!(customers("i_c"), ["Mei Chan"]);
        assert_eq!(customers("m\\"), Vec::<String>::new(), "no customer has a backslash");
    });
}

#[test]
fn warranty_follows_the_serial_not_the_ticket() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        let first = shop.book_intake(by, &form("Ayşe", "1234567", "SN-1"), &[], at("2026-11-20T02:00:00Z")).unwrap();
        let mut again = form("Ayşe", "1234567", "sn 1");
        again.details.purchase = PurchaseRecord::default();
        let second = shop.book_intake(by, &again, &[], at("2026-11-21T02:00:00Z")).unwrap();
        assert!(second.warranty.is_covered(), "{}", second.warranty.describe());
        let same = shop.serial_tickets("SN1").unwrap();
        assert_eq!(same.iter().map(|r| r.id).collect::<Vec<_>>(), [second.id, first.id]);
    });
}

#[test]
fn tickets_move_only_along_the_state_machine_and_each_move_is_logged() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        let t = shop.book_intake(by, &form("A", "1234567", ""), &[], at("2026-11-20T02:00:00Z")).unwrap();
        let err = shop.move_ticket(by, t.id, TicketState::InRepair, at("2026-11-20T03:00:00Z")).unwrap_err();
        assert_eq!(err.code(), Code::IllegalTransition);
        let t = shop.move_ticket(by, t.id, TicketState::Assessing, at("2026-11-20T03:00:00Z")).unwrap();
        assert_eq!(shop.ticket(t.id).unwrap().state, TicketState::Assessing);
        let log = shop.history(Subject::Ticket, &t.number.to_string()).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[1].detail["to"], "assessing");
    });
}

#[test]
fn two_writers_never_share_a_number() {
    for engine in fixture::ENGINES {
        two_writers_take_numbers(engine);
    }
}

/// Two connections to one shop on `engine`, each taking 150 numbers in its own transactions.
fn two_writers_take_numbers(engine: Engine) {
    let dir = tempfile::tempdir().unwrap();
    let url = match engine {
        Engine::Sqlite => {
            drop(fixture::new_shop(dir.path(), at("2026-01-02T01:00:00Z")));
            None
        }
        Engine::Postgres => Some(fixture::fresh_postgres_database().expect(fixture::NO_POSTGRES).0),
    };
    let path = dir.path().join("caseback.sqlite");
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let (path, url) = (path.clone(), url.clone());
            std::thread::spawn(move || {
                let db = match &url {
                    None => Db::sqlite(db::open(&path).unwrap()),
                    Some(url) => Db::postgres(fixture::connect_postgres(url)),
                };
                (0..150)
                    .map(|_| {
                        let tx = db.transaction().unwrap();
                        let n = fixture::next_ticket_number(&tx, 2026).unwrap();
                        tx.commit().unwrap();
                        n.seq
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<u32> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    all.sort();
    assert_eq!(all, (1..=300).collect::<Vec<_>>(), "{engine:?}: unique and without gaps");
}

#[test]
fn tickets_loaded_in_bulk_are_numbered_searchable_and_followed_by_the_next_booking() {
    fixture::on_each_engine(at("2026-11-20T02:00:00Z"), |shop, by, _| {
        fixture::bulk_tickets(shop, 30);
        assert_eq!(shop.search_tickets("", None, 100).unwrap().len(), 30);
        let twelfth = shop.ticket_by_number("R-2026-00012").unwrap();
        assert_eq!(twelfth.details.device.serial, "SN-0000011", "numbered from 1 in booking order");
        assert!(shop.search_tickets("sn-0000011", None, 100).unwrap().iter().any(|r| r.id == twelfth.id));
        let next = shop.book_intake(by, &fixture::numbered_intake(30), &[], at("2026-11-20T03:00:00Z")).unwrap();
        assert_eq!(next.number.to_string(), "R-2026-00031");
    });
}

#[test]
fn a_customer_is_corrected_each_change_logged_and_found_by_the_new_details() {
    fixture::on_each_engine(at("2026-01-02T01:00:00Z"), |shop, by, _| {
        let ticket = shop
            .book_intake(by, &form("Wong Ka Ming", "+852 9000 0000", "A1"), &[], at("2026-03-05T02:00:00Z"))
            .unwrap();
        let id = ticket.customer;
        let mut fixed = shop.customer(id).unwrap().details;
        fixed.phone = "+852 9123 4567".into();
        fixed.email = "kaming@example.hk".into();

        // A phone that is not one is refused next to its field, and nothing is written.
        let before = fixture::event_count(shop.db()).unwrap();
        let bad = CustomerDetails { phone: "call me".into(), ..fixed.clone() };
        let err = shop.edit_customer(by, id, &bad, at("2026-03-06T02:00:00Z")).unwrap_err();
        assert_eq!(err.code(), Code::InvalidInput);
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before);

        shop.edit_customer(by, id, &fixed, at("2026-03-06T02:00:00Z")).unwrap();
        assert_eq!(shop.customer(id).unwrap().details.phone, "+852 9123 4567");
        let history = shop.history(Subject::Customer, &id.0.to_string()).unwrap();
        assert_eq!(history.len(), 1);
        let e = &history[0];
        assert_eq!((e.action, e.staff), (Action::CustomerEdited, Some(by)));
        assert_eq!(e.detail["changes"][0]["from"], "+852 9000 0000");
        assert_eq!(e.detail["changes"][0]["to"], "+852 9123 4567");
        assert_eq!(e.detail["changes"][1]["field"], "e-mail");
        assert!(e
            .sentence(caseback_domain::Currency::from_code("HKD").unwrap(), Default::default())
            .starts_with("Corrected the phone"));

        // The ticket is found by the new number and no longer by the old; its papers print it.
        assert_eq!(shop.search_tickets("91234567", None, 10).unwrap().len(), 1);
        assert!(shop.search_tickets("90000000", None, 10).unwrap().is_empty());
        let papers = shop.ticket_papers(ticket.id, at("2026-03-06T02:00:00Z"), false).unwrap();
        assert_eq!(papers.customer.phone, "+852 9123 4567");
        // Saving the same details again writes nothing.
        shop.edit_customer(by, id, &fixed, at("2026-03-07T02:00:00Z")).unwrap();
        assert_eq!(shop.history(Subject::Customer, &id.0.to_string()).unwrap().len(), 1);
    });
}
