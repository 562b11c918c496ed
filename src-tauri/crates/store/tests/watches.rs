//! The watch as a record: one per brand and serial across its tickets and owners, near
//! matches offered, the bench's readings kept per ticket, and the shop's service warranty
//! granted at completion and found at the next intake (a redo keeps its dates). Both
//! engines; and a shop from before watch records gets them when first opened.

use caseback_domain::after_sale::{Completion, OldPart, ReplacedPart};
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::IntakeForm;
use caseback_domain::readings::{ByPosition, MechanicalForm, ReadingStage, ReadingsForm};
use caseback_domain::returns::ReturnForm;
use caseback_domain::service_warranty::{ServiceWarrantyCheck, WorkKind};
use caseback_domain::staff::{RosterEntry, StaffId};
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::watch::NearMatch;
use caseback_domain::Code;
use caseback_store::{db, fixture, vals, DataFolder, Shop};
use jiff::civil::date;
use jiff::Timestamp;

fn at(day: &str) -> Timestamp {
    format!("{day}T02:00:00Z").parse().unwrap()
}

/// The Presage (serial 4R35-01T0) brought in by `name`, its serial typed as `serial`.
fn presage_of(name: &str, serial: &str) -> IntakeForm {
    let mut form = fixture::presage(name, "+852 6123 0000", "Stops overnight");
    form.details.device.serial = serial.into();
    form
}

fn completed(shop: &mut Shop, by: StaffId, id: TicketId, kind: Option<WorkKind>, on: &str) {
    fixture::quoted_and_accepted(shop, by, id, 100_000, at(on), at(on));
    shop.move_ticket(by, id, TicketState::InRepair, at(on)).unwrap();
    let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\nrepaired", at(on)).unwrap();
    let c = Completion {
        work_performed: "Full service, regulated".into(),
        parts: vec![ReplacedPart { description: "Mainspring".into(), old_part: OldPart::RetainedByShop }],
        photos: vec![photo.sha256],
        work_kind: kind,
    };
    shop.complete_repair(by, id, &c, at(on)).unwrap();
}

fn with_service_warranty(shop: &mut Shop, by: StaffId) {
    let mut settings = shop.settings().unwrap();
    settings.set_field("service_warranty.full_service", "12 months").unwrap();
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, at("2026-01-01")).unwrap();
}

#[test]
fn a_watch_booked_twice_is_one_record_with_both_tickets_and_both_owners() {
    fixture::on_each_engine(at("2025-03-01"), |shop, by, _| {
        let first = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2025-03-02")).unwrap();
        // Sold on: the next owner brings it in, the serial typed without its dash.
        let second = shop.book_intake(by, &presage_of("Chan Tai Man", "4r3501t0"), &[], at("2026-11-02")).unwrap();
        let watch = shop.ticket_watch(first.id).unwrap().expect("a watch record");
        assert_eq!(shop.ticket_watch(second.id).unwrap(), Some(watch), "the same watch");
        let record = shop.watch(watch).unwrap();
        assert_eq!(record.tickets.iter().map(|t| t.id).collect::<Vec<_>>(), [first.id, second.id]);
        assert_eq!(record.watch.details.brand, "Seiko");
        let owners: Vec<_> = record.owners.iter().map(|o| (o.customer, o.from, o.until)).collect();
        assert_eq!(
            owners,
            [(first.customer, date(2025, 3, 2), Some(date(2026, 11, 1))), (second.customer, date(2026, 11, 2), None)]
        );
        let recorded = shop.history(Subject::Watch, &watch.0.to_string()).unwrap();
        assert_eq!(recorded.iter().filter(|e| e.action == Action::WatchRecorded).count(), 1);
        // A watch without a serial is a record of its own each time: nothing tells it again.
        let a = shop.book_intake(by, &fixture::walk_in("No serial", "Stopped"), &[], at("2026-11-02")).unwrap();
        let b = shop.book_intake(by, &fixture::walk_in("No serial", "Stopped"), &[], at("2026-11-03")).unwrap();
        assert_ne!(shop.ticket_watch(a.id).unwrap(), shop.ticket_watch(b.id).unwrap());
    });
}

#[test]
fn a_watch_passed_on_at_the_counter_keeps_its_first_owner_s_days() {
    fixture::on_each_engine(at("2026-01-01"), |shop, by, _| {
        let t = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-01-02")).unwrap();
        let heir = shop.book_intake(by, &fixture::walk_in("Wong Siu Ling", "Stopped"), &[], at("2026-01-03")).unwrap();
        let watch = shop.ticket_watch(t.id).unwrap().unwrap();
        shop.pass_watch_to(by, watch, heir.customer, date(2026, 6, 1), at("2026-06-01")).unwrap();
        let owners = shop.watch(watch).unwrap().owners;
        assert_eq!(
            owners.iter().map(|o| (o.customer, o.until)).collect::<Vec<_>>(),
            [(t.customer, Some(date(2026, 5, 31))), (heir.customer, None)]
        );
        let refused = shop.pass_watch_to(by, watch, heir.customer, date(2026, 7, 1), at("2026-07-01")).unwrap_err();
        assert!(refused.to_string().contains("owns this watch already"), "{refused}");
        let said = shop.history(Subject::Watch, &watch.0.to_string()).unwrap();
        assert!(said.iter().any(|e| e.action == Action::WatchPassedOn && e.detail["owner"] == "Wong Siu Ling"));
    });
}

#[test]
fn a_near_match_is_offered_and_never_taken_for_the_watch() {
    fixture::on_each_engine(at("2026-11-01"), |shop, by, _| {
        let known = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-11-02")).unwrap();
        let watch = shop.ticket_watch(known.id).unwrap().unwrap();
        let found = shop.find_watch("SEIKO", "4r35 01t0").unwrap();
        assert_eq!(found.found.map(|w| w.id), Some(watch));
        assert!(found.near.is_empty());
        let slip = shop.find_watch("Seiko", "4R35-01TO").unwrap();
        assert_eq!((slip.found.is_none(), slip.near.len()), (true, 1));
        assert_eq!((slip.near[0].0.id, slip.near[0].1), (watch, NearMatch::SerialOneOff));
        let other_brand = shop.find_watch("Orient", "4R35-01T0").unwrap();
        assert_eq!(
            other_brand.near.iter().map(|(w, n)| (w.id, *n)).collect::<Vec<_>>(),
            [(watch, NearMatch::SameSerialOtherBrand)]
        );
        // Booked as typed, the slip is a watch of its own: nothing was merged.
        let booked = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01TO"), &[], at("2026-11-03")).unwrap();
        assert_ne!(shop.ticket_watch(booked.id).unwrap(), Some(watch));
        // Corrected to the known serial, it is refused: that watch exists.
        let slipped = shop.ticket_watch(booked.id).unwrap().unwrap();
        let mut details = shop.watch(slipped).unwrap().watch.details;
        details.serial = "4R35-01T0".into();
        let refused = shop.edit_watch(by, slipped, &details, at("2026-11-03")).unwrap_err();
        assert_eq!(refused.code(), Code::InvalidInput);
        assert!(refused.to_string().contains("Another watch has this brand and serial"), "{refused}");
        details.serial = "4R35-01T9".into();
        details.calibre = "4R35".into();
        details.notes = "Crown tube is fragile.".into();
        assert_eq!(shop.edit_watch(by, slipped, &details, at("2026-11-03")).unwrap().details.calibre, "4R35");
    });
}

#[test]
fn a_return_is_filed_under_the_watch_its_serial_names_even_one_booked_in_afterwards() {
    fixture::on_each_engine(at("2026-11-07"), |shop, by, _| {
        let returned = |shop: &mut Shop, i: usize, serial: &str| {
            let form = ReturnForm { serial: serial.into(), ..fixture::change_of_mind_request(i) };
            shop.request_return(by, &form, at("2026-11-08")).unwrap()
        };
        // Returned before the shop ever serviced it: no record yet, so filed under none...
        let early = returned(shop, 1, "4R35 01T0");
        assert_eq!(shop.return_watch(early.id).unwrap(), None);
        // ...until the watch is first booked in, when its record takes the return in.
        let ticket = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-11-09")).unwrap();
        let watch = shop.ticket_watch(ticket.id).unwrap().unwrap();
        assert_eq!(shop.return_watch(early.id).unwrap(), Some(watch));
        // Recorded once the record exists, a return of the serial (typed any way) is its own.
        let later = returned(shop, 2, "4r3501t0");
        assert_eq!(shop.return_watch(later.id).unwrap(), Some(watch));
        let record = shop.watch(watch).unwrap();
        assert_eq!(record.returns.iter().map(|r| r.id).collect::<Vec<_>>(), [early.id, later.id]);
        assert_eq!(record.tickets.len(), 1);
        // The search finds the return by its serial too.
        let found = shop.search_returns("4R3501T0", None, 50).unwrap();
        assert!(found.iter().any(|r| r.id == later.id), "{found:?}");

        // A serial corrected to another watch's moves the return; cleared, it is of none.
        let form = |serial: &str| ReturnForm { serial: serial.into(), ..fixture::change_of_mind_request(2) };
        shop.correct_return(by, later.id, &form("OTHER-1"), at("2026-11-09")).unwrap();
        assert_eq!(shop.return_watch(later.id).unwrap(), None);
        assert_eq!(shop.watch(watch).unwrap().returns.len(), 1);
        let corrected = shop.correct_return(by, later.id, &form(""), at("2026-11-09")).unwrap();
        assert_eq!(corrected.request.unwrap().serial, "");

        // A serial two watches share (under different brands) names neither: nothing is guessed.
        let mut orient = presage_of("Chan Tai Man", "4R35-01T0");
        orient.details.device.brand = "Orient".into();
        shop.book_intake(by, &orient, &[], at("2026-11-09")).unwrap();
        let shared = returned(shop, 3, "4R35-01T0");
        assert_eq!(shop.return_watch(shared.id).unwrap(), None);
    });
}

#[test]
fn tickets_from_before_watch_records_are_linked_in_batches_one_record_per_watch_its_owners_in_turn() {
    fixture::on_each_engine(at("2025-01-01"), |shop, by, _| {
        let book = |shop: &mut Shop, name: &str, serial: &str, day: &str| {
            shop.book_intake(by, &presage_of(name, serial), &[], at(day)).unwrap().id
        };
        let a = book(shop, "Wong Ka Ming", "4R35-01T0", "2025-02-01");
        let b = book(shop, "Chan Tai Man", "4r35 01t0", "2025-06-01");
        let loose = book(shop, "Lee Siu Fung", "", "2025-07-01");
        let c = book(shop, "Lee Siu Fung", "4R35-01T0", "2026-01-05");
        let d = book(shop, "Wong Ka Ming", "4R35-01T0", "2026-11-02");
        let recorded_before = events_of(shop, "watch.recorded");
        // As a version 11 shop left them: no watch records, no links.
        for sql in ["UPDATE tickets SET watch_id = NULL", "DELETE FROM watch_owners", "DELETE FROM watches"] {
            shop.db().exec(sql, vals![]).unwrap();
        }
        // Two tickets a transaction: the Presage's record, made in the first, is found in the next ones.
        assert_eq!(shop.link_tickets_in_batches(at("2026-11-20"), 2).unwrap(), 5);
        let watch = shop.ticket_watch(a).unwrap().expect("linked");
        for t in [b, c, d] {
            assert_eq!(shop.ticket_watch(t).unwrap(), Some(watch));
        }
        assert!(shop.ticket_watch(loose).unwrap().is_some_and(|w| w != watch), "a watch without a serial is its own");
        let record = shop.watch(watch).unwrap();
        assert_eq!(record.tickets.len(), 4);
        let owners: Vec<_> = record
            .owners
            .iter()
            .map(|o| {
                (shop.customer(o.customer).unwrap().details.name, o.from.to_string(), o.until.map(|d| d.to_string()))
            })
            .collect();
        let day = |d: &str| d.to_string();
        assert_eq!(
            owners,
            [
                ("Wong Ka Ming".into(), day("2025-02-01"), Some(day("2025-05-31"))),
                ("Chan Tai Man".into(), day("2025-06-01"), Some(day("2026-01-04"))),
                ("Lee Siu Fung".into(), day("2026-01-05"), Some(day("2026-11-01"))),
                ("Wong Ka Ming".into(), day("2026-11-02"), None),
            ]
        );
        // Each record made is in the log; a second run finds nothing left to link.
        assert_eq!(events_of(shop, "watch.recorded") - recorded_before, 2);
        assert_eq!(shop.link_tickets_in_batches(at("2026-11-20"), 2).unwrap(), 0);
        // The next watch booked in gets an id of its own after the ones the batches took.
        let next = book(shop, "Ho Ka Yan", "SRPD-9", "2026-11-20");
        let next = shop.ticket_watch(next).unwrap().unwrap();
        assert!(next != watch && Some(next) != shop.ticket_watch(loose).unwrap());
    });
}

fn events_of(shop: &Shop, action: &str) -> i64 {
    shop.db().value("SELECT COUNT(*) FROM events WHERE action = ?1", vals![action]).unwrap()
}

#[test]
fn readings_are_kept_per_stage_replaced_when_taken_again_and_counted_against_tolerances() {
    fixture::on_each_engine(at("2026-11-01"), |shop, by, _| {
        let t = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-11-02")).unwrap();
        let form = |stage, dial_up: &str| ReadingsForm {
            stage,
            mechanical: Some(MechanicalForm {
                rate: ByPosition { dial_up: dial_up.into(), crown_down: "+2".into(), ..ByPosition::default() },
                amplitude: ByPosition { dial_up: "280".into(), ..ByPosition::default() },
                beat_error: "0.4".into(),
                ..MechanicalForm::default()
            }),
            water: None,
            quartz: None,
            smart: None,
            note: String::new(),
        };
        shop.record_readings(by, t.id, &form(ReadingStage::Before, "-25"), at("2026-11-02")).unwrap();
        shop.record_readings(by, t.id, &form(ReadingStage::After, "+9"), at("2026-11-05")).unwrap();
        shop.record_readings(by, t.id, &form(ReadingStage::After, "+3"), at("2026-11-06")).unwrap();
        let kept = shop.readings(t.id).unwrap();
        assert_eq!(kept.iter().map(|(r, _)| r.stage).collect::<Vec<_>>(), [ReadingStage::Before, ReadingStage::After]);
        let after = &kept[1].0;
        assert_eq!(after.mechanical.as_ref().unwrap().mean_rate(), Some(25), "+3 and +2: +2.5 s/d");
        let history = shop.history(Subject::Ticket, &t.number.to_string()).unwrap();
        let taken: Vec<String> = history
            .iter()
            .filter(|e| e.action == Action::ReadingsTaken)
            .map(|e| e.detail["warnings"].to_string())
            .collect();
        // Before: -25 s/d is out, and so is its 27 s/d delta to +2; after, +9 is out, then +3 within.
        assert_eq!(taken, ["2", "1", "0"]);
        let bad = shop.record_readings(by, t.id, &form(ReadingStage::After, "fast"), at("2026-11-06")).unwrap_err();
        assert_eq!(bad.code(), Code::InvalidInput);
        assert_eq!(shop.readings(t.id).unwrap().len(), 2, "nothing kept of the refused readings");
        let page = shop.watch(shop.ticket_watch(t.id).unwrap().unwrap()).unwrap();
        assert_eq!(page.readings.len(), 2);
    });
}

#[test]
fn back_within_the_service_warranty_is_found_and_the_redo_keeps_its_dates() {
    fixture::on_each_engine(at("2026-01-01"), |shop, by, _| {
        with_service_warranty(shop, by);
        let first = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-01-05")).unwrap();
        completed(shop, by, first.id, Some(WorkKind::FullService), "2026-01-10");
        let watch = shop.ticket_watch(first.id).unwrap().unwrap();
        let page = shop.watch(watch).unwrap();
        assert_eq!(page.warranties.len(), 1);
        assert_eq!(
            (page.warranties[0].1.starts_on, page.warranties[0].1.ends_on),
            (date(2026, 1, 10), date(2027, 1, 10))
        );

        // On its last day it is within; the redo then keeps the first ticket's dates.
        let check = shop.service_warranty_check(watch, date(2027, 1, 10)).unwrap();
        assert!(matches!(check, ServiceWarrantyCheck::Within { ticket, .. } if ticket == first.number), "{check:?}");
        assert!(matches!(
            shop.service_warranty_check(watch, date(2027, 1, 11)).unwrap(),
            ServiceWarrantyCheck::Ended { .. }
        ));
        let again = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-11-02")).unwrap();
        completed(shop, by, again.id, Some(WorkKind::FullService), "2026-11-20");
        let page = shop.watch(watch).unwrap();
        let redo = &page.warranties[1].1;
        assert_eq!(
            (redo.starts_on, redo.ends_on, redo.redo_of),
            (date(2026, 1, 10), date(2027, 1, 10), Some(first.number))
        );
        // Work of a kind the shop gives no warranty on carries none.
        let strap = shop.book_intake(by, &presage_of("Wong Ka Ming", "4R35-01T0"), &[], at("2026-12-01")).unwrap();
        completed(shop, by, strap.id, Some(WorkKind::StrapOrBracelet), "2026-12-02");
        assert_eq!(shop.watch(watch).unwrap().warranties.len(), 2);
    });
}

#[test]
fn a_shop_from_before_watch_records_gets_them_when_first_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = fixture::new_shop(dir.path(), at("2026-11-01"));
    let tickets: Vec<TicketId> = ["Wong Ka Ming", "Chan Tai Man"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            shop.book_intake(by, &presage_of(name, "4R35-01T0"), &[], at(&format!("2026-11-0{}", i + 2))).unwrap().id
        })
        .collect();
    let loose = shop.book_intake(by, &fixture::walk_in("No serial", "Stopped"), &[], at("2026-11-04")).unwrap().id;
    // As a version 11 shop left them: no watch records, no links.
    shop.connection()
        .execute_batch(
            "PRAGMA foreign_keys = OFF; UPDATE tickets SET watch_id = NULL; DELETE FROM watch_owners; DELETE FROM watches;
             PRAGMA foreign_keys = ON;",
        )
        .unwrap();
    drop(shop);
    let shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
    assert_eq!(db::schema_version(shop.connection()).unwrap(), db::latest_version());
    let watch = shop.ticket_watch(tickets[0]).unwrap().expect("linked when opened");
    assert_eq!(shop.ticket_watch(tickets[1]).unwrap(), Some(watch));
    assert!(shop.ticket_watch(loose).unwrap().is_some_and(|w| w != watch));
    let owners = shop.watch(watch).unwrap().owners;
    assert_eq!(owners.len(), 2, "both customers, in turn");
    let watches: i64 = shop.db().value("SELECT COUNT(*) FROM watches", vals![]).unwrap();
    assert_eq!(watches, 2);
    drop(shop);
    // Opened again, nothing more is made.
    let shop = Shop::open(DataFolder::lock(dir.path()).unwrap()).unwrap();
    let again: i64 = shop.db().value("SELECT COUNT(*) FROM watches", vals![]).unwrap();
    assert_eq!(again, 2);
}
