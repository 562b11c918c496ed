//! Parts and stock on both engines: the catalogue, a quotation's catalogue line held at its
//! acceptance and taken off stock at completion, let go when the repair is cancelled, the
//! back-order a repair waits on (and the delivery that reaches it), counts, write-offs, and
//! an import that is taken whole or not at all. Every movement is in the part's history.

use caseback_domain::after_sale::{Completion, OldPart, ReplacedPart};
use caseback_domain::assessment::{Assessment, NotCoveredReason, WarrantyDecision};
use caseback_domain::event::{Action, Subject};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::staff::StaffId;
use caseback_domain::stock::import::Columns;
use caseback_domain::stock::{Part, PartDraft, PartKind};
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::{Amount, Code, Currency};
use caseback_store::{fixture, Shop, StoreError};
use jiff::Timestamp;

fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

fn crystal() -> PartDraft {
    PartDraft {
        number: "sc-301".into(),
        description: "Sapphire crystal 30.0 mm".into(),
        kind: PartKind::Crystal,
        fits: "Seiko 5, SKX007".into(),
        cost: Amount(8_000),
        price: Amount(28_000),
        supplier: "Cousins UK".into(),
        location: "Drawer 3".into(),
        low_at: 1,
    }
}

fn part_line(part: &Part, pieces: u32) -> QuoteLine {
    QuoteLine {
        kind: LineKind::Part,
        section: Section::Repair,
        description: part.name(),
        quantity: Quantity(pieces * 100),
        unit_price: part.draft.price,
        taxable: true,
        part: Some(part.id),
    }
}

fn labour() -> QuoteLine {
    QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Fit the crystal, test water resistance".into(),
        quantity: Quantity::ONE,
        unit_price: Amount(30_000),
        taxable: true,
        part: None,
    }
}

/// A watch booked and its quotation with `pieces` of `part` accepted: Approved.
fn approved_with(shop: &mut Shop, by: StaffId, i: usize, part: &Part, pieces: u32) -> TicketId {
    let id = shop.book_intake(by, &fixture::numbered_intake(i), &[], nov(2)).unwrap().id;
    let lines = vec![labour(), part_line(part, pieces)];
    fixture::quote_and_accept(shop, by, id, lines, ConfirmationChannel::SignedInStore, nov(3), nov(4));
    id
}

fn completion(shop: &mut Shop, by: StaffId) -> Completion {
    let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\nrepaired", nov(6)).unwrap();
    Completion {
        work_performed: "New crystal, water tested to 10 bar".into(),
        parts: vec![ReplacedPart { description: "Crystal".into(), old_part: OldPart::RetainedByShop }],
        photos: vec![photo.sha256],
        work_kind: None,
    }
}

/// The fields a refusal names, with their messages.
fn fields(e: StoreError) -> Vec<(String, String)> {
    match e {
        StoreError::Domain(d) => d.fields().iter().map(|f| (f.field.clone(), f.message.clone())).collect(),
        other => panic!("not a refusal at a field: {other}"),
    }
}

fn moves(shop: &Shop, part: &Part) -> Vec<Action> {
    shop.history(Subject::Part, &part.id.to_string()).unwrap().into_iter().map(|e| e.action).collect()
}

#[test]
fn a_catalogue_part_is_held_at_acceptance_and_taken_off_stock_when_the_repair_is_done() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let part = shop.add_part(by, &crystal(), 2, nov(1)).unwrap();
        assert_eq!((part.draft.number.as_str(), part.on_hand, part.free()), ("SC-301", 2, 2));
        let again = shop.add_part(by, &PartDraft { number: "SC-301 ".into(), ..crystal() }, 0, nov(1)).unwrap_err();
        assert_eq!(again.to_string(), "Part SC-301 is already in the catalogue.");

        let id = approved_with(shop, by, 1, &part, 1);
        let held = shop.part(part.id).unwrap();
        assert_eq!((held.on_hand, held.reserved, held.free()), (2, 1, 1), "held, not yet used");
        assert!(held.is_low(), "one free is the low-stock level");
        assert_eq!(shop.low_parts().unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), [part.id]);
        let on_ticket = shop.ticket_parts(id).unwrap();
        assert_eq!((on_ticket[0].reserved, on_ticket[0].back_ordered), (1, 0));

        shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
        assert_eq!(shop.part(part.id).unwrap().reserved, 1, "still held while in repair");
        let c = completion(shop, by);
        shop.complete_repair(by, id, &c, nov(6)).unwrap();
        let used = shop.part(part.id).unwrap();
        assert_eq!((used.on_hand, used.reserved), (1, 0), "one came off stock");
        assert!(shop.ticket_parts(id).unwrap().is_empty());
        assert_eq!(
            moves(shop, &part),
            [Action::PartRecorded, Action::StockReceived, Action::StockReserved, Action::StockUsed]
        );
        let events = shop.history(Subject::Part, &part.id.to_string()).unwrap();
        let used_sentence = events.last().unwrap().sentence(shop.settings().unwrap().currency, Default::default());
        assert!(used_sentence.starts_with("Used 1 piece on R-"), "{used_sentence}");
    });
}

#[test]
fn a_cancelled_repair_lets_go_of_its_part_and_it_goes_to_the_repair_waiting() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let part = shop.add_part(by, &crystal(), 1, nov(1)).unwrap();
        let first = approved_with(shop, by, 1, &part, 1);
        let second = approved_with(shop, by, 2, &part, 1);
        let waiting = shop.ticket_parts(second).unwrap();
        assert_eq!((waiting[0].reserved, waiting[0].back_ordered), (0, 1), "none left: a back-order");
        assert_eq!(shop.tickets_waiting_for_parts().unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), [second]);

        // The second cannot be finished with a part that was never in the drawer.
        shop.move_ticket(by, second, TicketState::InRepair, nov(5)).unwrap();
        let c = completion(shop, by);
        let refused = shop.complete_repair(by, second, &c, nov(6)).unwrap_err();
        assert_eq!(refused.code(), Code::OutOfStock);
        assert!(refused.to_string().contains("not in stock: receive it into stock first"), "{refused}");
        assert_eq!(shop.ticket(second).unwrap().state, TicketState::InRepair, "nothing changed");
        assert_eq!(shop.part(part.id).unwrap().on_hand, 1);

        // The first is cancelled: its crystal goes to the second.
        shop.move_ticket(by, first, TicketState::Cancelled, nov(6)).unwrap();
        assert!(shop.ticket_parts(first).unwrap().is_empty());
        let withdrawn = shop.after_sale(first, nov(6)).unwrap().account;
        assert_eq!(withdrawn.total_charges, Amount(0), "a repair withdrawn before the work is not charged");
        let now_held = shop.ticket_parts(second).unwrap();
        assert_eq!((now_held[0].reserved, now_held[0].back_ordered), (1, 0));
        assert!(shop.tickets_waiting_for_parts().unwrap().is_empty());
        shop.complete_repair(by, second, &c, nov(7)).unwrap();
        let part_now = shop.part(part.id).unwrap();
        assert_eq!((part_now.on_hand, part_now.reserved, part_now.back_ordered), (0, 0, 0));
        assert!(moves(shop, &part).contains(&Action::StockReleased));
    });
}

#[test]
fn a_delivery_reaches_the_repair_waiting_and_counts_and_write_offs_are_logged() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let part = shop.add_part(by, &crystal(), 0, nov(1)).unwrap();
        let id = approved_with(shop, by, 1, &part, 2);
        assert_eq!(shop.part(part.id).unwrap().back_ordered, 2);
        let delivered = shop.receive_stock(by, part.id, 3, "Cousins order 5512", nov(5)).unwrap();
        assert_eq!((delivered.on_hand, delivered.reserved, delivered.back_ordered), (3, 2, 0));
        assert_eq!(shop.ticket_parts(id).unwrap()[0].reserved, 2);

        // Only what no repair holds can be written off.
        let refused = shop.write_off_stock(by, part.id, 2, "cracked at fitting", nov(5)).unwrap_err();
        assert_eq!(fields(refused)[0].1, "Only 1 are free: 2 are held for accepted repairs.");
        assert_eq!(fields(shop.write_off_stock(by, part.id, 1, "", nov(5)).unwrap_err())[0].0, "reason");
        assert_eq!(shop.write_off_stock(by, part.id, 1, "cracked at fitting", nov(5)).unwrap().on_hand, 2);

        // The drawer has one fewer than on record: the repair waits for one again.
        let counted = shop.count_stock(by, part.id, 1, nov(6)).unwrap();
        assert_eq!((counted.on_hand, counted.reserved, counted.back_ordered), (1, 1, 1));
        let history = shop.history(Subject::Part, &part.id.to_string()).unwrap();
        let count = history.iter().find(|e| e.action == Action::StockCounted).unwrap();
        assert_eq!(count.detail["difference"], -1);
        let currency = shop.settings().unwrap().currency;
        assert_eq!(count.sentence(currency, Default::default()), "Counted 1 in the drawer: 1 fewer than on record");
        assert!(history.iter().any(|e| e.action == Action::StockWrittenOff));
        // Its database row never goes below zero, whatever is written.
        let negative = shop.db().exec("UPDATE parts SET on_hand = -1", &[]);
        assert!(negative.is_err(), "the table refuses a negative stock");
    });
}

#[test]
fn a_quotation_line_naming_a_part_not_in_the_catalogue_is_refused() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let part = shop.add_part(by, &crystal(), 1, nov(1)).unwrap();
        let id = shop.book_intake(by, &fixture::numbered_intake(1), &[], nov(2)).unwrap().id;
        let mut stray = part_line(&part, 1);
        stray.part = Some(caseback_domain::stock::PartId(part.id.0 + 100));
        let decision = WarrantyDecision::NotCovered(NotCoveredReason::Impact);
        let assessment = Assessment { findings: "Cracked crystal".into(), decision, photos: vec![] };
        shop.record_assessment(by, id, &assessment, nov(3)).unwrap();
        let draft = QuotationDraft { lines: vec![labour(), stray], timeline_working_days: 3, parts_returned: false };
        let err = shop.issue_quotation(by, id, &draft, nov(3)).unwrap_err();
        assert_eq!(fields(err)[0].0, "lines.1.description");
        assert!(shop.quotations(id).unwrap().is_empty());
    });
}

fn rows(csv: &[&[&str]]) -> Vec<(usize, Result<caseback_domain::stock::import::ImportedPart, String>)> {
    let hkd = Currency::from_code("HKD").unwrap();
    let header: Vec<String> = csv[0].iter().map(|s| s.to_string()).collect();
    let columns = Columns::from_header(&header).unwrap();
    csv[1..]
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 2, columns.row(&r.iter().map(|s| s.to_string()).collect::<Vec<_>>(), hkd)))
        .collect()
}

#[test]
fn an_import_adds_and_updates_in_one_go_and_reports_the_rows_it_refused() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let part = shop.add_part(by, &crystal(), 4, nov(1)).unwrap();
        let file = rows(&[
            &["Part number", "Description", "Price", "Qty"],
            &["SC-301", "Sapphire crystal 30 mm (new supplier)", "300", "6"],
            &["GS-10", "Case back gasket 28 mm", "25", "40"],
            &["CR-7", "Crown 7 mm steel", "nine", "2"],
        ]);
        let plan = shop.plan_part_import(file.clone()).unwrap();
        assert_eq!((plan.added.len(), plan.updated.len(), plan.refused.len()), (1, 1, 1));
        assert_eq!(shop.find_parts("", 10).unwrap().len(), 1, "a plan writes nothing");

        let done = shop.import_parts(by, "parts.csv", file, nov(2)).unwrap();
        assert_eq!(done.refused[0].line, 4);
        let updated = shop.part(part.id).unwrap();
        assert_eq!((updated.draft.price, updated.on_hand), (Amount(30_000), 6), "price and count from the file");
        assert_eq!(updated.draft.location, "Drawer 3", "what the file does not say stays");
        let gasket = &shop.find_parts("gasket 28", 10).unwrap()[0];
        assert_eq!((gasket.draft.number.as_str(), gasket.on_hand), ("GS-10", 40));
        assert_eq!(shop.find_parts("sc301", 10).unwrap().len(), 1, "found without its dash");

        // A file with nothing to take writes nothing.
        let before = fixture::event_count(shop.db()).unwrap();
        let bad = rows(&[&["Part number", "Description", "Price", "Qty"], &["", "No number", "1", "1"]]);
        assert!(shop.import_parts(by, "bad.csv", bad, nov(3)).is_err());
        assert_eq!(fixture::event_count(shop.db()).unwrap(), before);
        let imported = shop
            .history(Subject::Settings, "shop")
            .unwrap()
            .into_iter()
            .filter(|e| e.action == Action::PartsImported)
            .count();
        assert_eq!(imported, 1, "one event for the import");
    });
}

#[test]
fn a_withdrawn_repair_with_a_deposit_is_cancelled_then_its_deposit_refunded() {
    use caseback_domain::after_sale::{EntryKind, PaymentEntry, PaymentMethod};
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let part = shop.add_part(by, &crystal(), 1, nov(1)).unwrap();
        let id = approved_with(shop, by, 1, &part, 1);
        let deposit = PaymentEntry {
            kind: EntryKind::Payment,
            amount: Amount(20_000),
            method: PaymentMethod::Cash,
            reference: String::new(),
        };
        shop.record_payment(by, id, &deposit.into(), nov(4)).unwrap();
        // Withdrawn before the work: cancelled, nothing charged, the deposit the customer's.
        shop.move_ticket(by, id, TicketState::Cancelled, nov(5)).unwrap();
        let account = shop.after_sale(id, nov(5)).unwrap().account;
        assert_eq!((account.total_charges, account.balance), (Amount(0), Amount(-20_000)));
        assert_eq!(shop.part(part.id).unwrap().free(), 1, "its crystal let go");
        let refund = PaymentEntry {
            kind: EntryKind::Refund,
            amount: Amount(20_000),
            method: PaymentMethod::Cash,
            reference: String::new(),
        };
        shop.record_payment(by, id, &refund.into(), nov(5)).unwrap();
        assert_eq!(shop.after_sale(id, nov(5)).unwrap().account.balance, Amount(0));
    });
}

#[test]
fn each_branch_of_a_chain_keeps_its_own_drawers_and_a_blank_quantity_leaves_stock_alone() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        shop.add_part(by, &crystal(), 3, nov(1)).unwrap();
        shop.set_branch(Some("KLN".parse().unwrap()));
        let kowloon = shop.add_part(by, &crystal(), 1, nov(1)).unwrap();
        assert_eq!(shop.find_parts("sc-301", 10).unwrap().iter().map(|p| p.on_hand).collect::<Vec<_>>(), [1]);
        // A price list without quantities changes the prices only.
        let file = rows(&[&["Part number", "Description", "Price", "Qty"], &["SC-301", "Sapphire crystal", "310", ""]]);
        shop.import_parts(by, "prices.csv", file, nov(2)).unwrap();
        let after = shop.part(kowloon.id).unwrap();
        assert_eq!((after.draft.price, after.on_hand), (Amount(31_000), 1));
        shop.set_branch(None);
        assert_eq!(shop.find_parts("sc-301", 10).unwrap()[0].on_hand, 3, "the other branch's drawer untouched");
    });
}
