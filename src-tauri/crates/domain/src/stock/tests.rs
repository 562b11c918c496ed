use proptest::prelude::*;

use super::import::{Columns, ImportPlan};
use super::*;
use crate::money::Currency;
use crate::quotation::{LineKind, Quantity};

const A: TicketId = TicketId(1);
const B: TicketId = TicketId(2);
const C: TicketId = TicketId(3);

fn draft() -> PartDraft {
    PartDraft {
        number: " sc-301 ".into(),
        description: "Sapphire crystal 30.0 mm".into(),
        kind: PartKind::Crystal,
        fits: "Seiko 5, SKX007".into(),
        cost: Amount(8_000),
        price: Amount(28_000),
        supplier: "Cousins UK".into(),
        location: "Drawer 3".into(),
        low_at: 2,
    }
}

#[test]
fn a_part_s_number_is_compared_without_case_or_stray_spaces() {
    let d = draft().validated().unwrap();
    assert_eq!(d.number, "SC-301");
    assert_eq!(number_key("  seiko   315B01AN "), "SEIKO 315B01AN");
    let bad = PartDraft { number: " ".into(), description: "".into(), price: Amount(-1), ..draft() };
    let err = bad.validated().unwrap_err();
    let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["number", "description", "price"]);
}

#[test]
fn what_is_free_is_reserved_and_the_rest_waits_as_a_back_order() {
    let mut s = Stock { on_hand: 3, holds: vec![] };
    assert_eq!(s.reserve(A, 2).0, Hold { ticket: A, reserved: 2, back_ordered: 0 });
    assert_eq!(s.reserve(B, 2).0, Hold { ticket: B, reserved: 1, back_ordered: 1 });
    assert_eq!((s.on_hand, s.reserved(), s.free(), s.back_ordered()), (3, 3, 0, 1));
    // A revision asks again for its new total, not on top of the old.
    let (a, changes) = s.reserve(A, 1);
    assert_eq!(a, Hold { ticket: A, reserved: 1, back_ordered: 0 });
    assert_eq!(changes, vec![HoldChange { ticket: B, reserved: 1 }], "the piece A gave up goes to B");
    assert_eq!((s.free(), s.back_ordered()), (0, 0));
}

#[test]
fn a_cancelled_repair_lets_go_of_its_hold_and_stock_is_as_before() {
    let mut s = Stock { on_hand: 1, holds: vec![] };
    s.reserve(A, 1);
    assert_eq!(s.free(), 0);
    assert_eq!(s.release(A).0.map(|h| h.reserved), Some(1));
    assert_eq!((s.on_hand, s.free()), (1, 1));
    assert_eq!(s.release(A), (None, vec![]), "letting go twice does nothing");
}

#[test]
fn what_a_cancelled_repair_held_goes_to_the_repair_waiting_for_it() {
    let mut s = Stock { on_hand: 1, holds: vec![] };
    s.reserve(A, 1);
    s.reserve(B, 1);
    assert_eq!(s.release(A).1, vec![HoldChange { ticket: B, reserved: 1 }]);
    assert_eq!(s.hold(B), Some(Hold { ticket: B, reserved: 1, back_ordered: 0 }));
}

#[test]
fn a_part_not_in_stock_cannot_be_used_it_waits_for_a_delivery() {
    let mut s = Stock { on_hand: 0, holds: vec![] };
    s.reserve(A, 1);
    let err = s.use_hold(A, "SC-301 Sapphire crystal").unwrap_err();
    assert_eq!(err.code(), Code::OutOfStock);
    assert!(err.to_string().contains("waits for 1 piece of SC-301 Sapphire crystal"), "{err}");
    assert_eq!(s.on_hand, 0, "never below zero");
    // The delivery goes to the repair that waits.
    assert_eq!(s.receive(2), vec![HoldChange { ticket: A, reserved: 1 }]);
    assert_eq!(s.use_hold(A, "x").unwrap(), 1);
    assert_eq!((s.on_hand, s.reserved(), s.holds.len()), (1, 0, 0));
    assert_eq!(s.use_hold(B, "x").unwrap(), 0, "a repair without a hold uses nothing");
}

#[test]
fn a_delivery_goes_to_the_oldest_waiting_repair_first() {
    let mut s = Stock { on_hand: 0, holds: vec![] };
    s.reserve(A, 2);
    s.reserve(B, 1);
    assert_eq!(s.receive(2), vec![HoldChange { ticket: A, reserved: 2 }]);
    assert_eq!(s.receive(5), vec![HoldChange { ticket: B, reserved: 1 }]);
    assert_eq!((s.on_hand, s.reserved(), s.back_ordered(), s.free()), (7, 3, 0, 4));
}

#[test]
fn a_count_below_what_is_held_moves_the_newest_holds_back_to_waiting() {
    let mut s = Stock { on_hand: 4, holds: vec![] };
    s.reserve(A, 2);
    s.reserve(B, 1);
    s.reserve(C, 1);
    let (difference, changes) = s.count(2);
    assert_eq!(difference, -2);
    assert_eq!(changes, vec![HoldChange { ticket: C, reserved: -1 }, HoldChange { ticket: B, reserved: -1 }]);
    assert_eq!((s.reserved(), s.back_ordered()), (2, 2));
    // Found more later: it goes to the waiting, oldest first.
    let (difference, changes) = s.count(3);
    assert_eq!(difference, 1);
    assert_eq!(changes, vec![HoldChange { ticket: B, reserved: 1 }]);
}

#[test]
fn only_free_pieces_can_be_written_off() {
    let mut s = Stock { on_hand: 3, holds: vec![] };
    s.reserve(A, 2);
    let err = s.write_off(2).unwrap_err();
    assert_eq!(err.fields()[0].message, "Only 1 are free: 2 are held for accepted repairs.");
    s.write_off(1).unwrap();
    assert_eq!(s.on_hand, 2);
    let mut empty = Stock::default();
    assert_eq!(empty.write_off(1).unwrap_err().fields()[0].message, "None are in stock to write off.");
}

#[test]
fn pieces_are_whole_numbers_within_reason() {
    assert_eq!(parse_pieces("pieces", " 12 ").unwrap(), 12);
    for bad in ["", "0", "1.5", "-1", "ten", "100001"] {
        assert!(parse_pieces("pieces", bad).is_err(), "{bad:?}");
    }
    assert_eq!(parse_count("0").unwrap(), 0);
    assert!(parse_count("-2").is_err());
}

fn part(low_at: u32, on_hand: u32, reserved: u32, back_ordered: u32) -> Part {
    Part { id: PartId(1), draft: PartDraft { low_at, ..draft() }, on_hand, reserved, back_ordered }
}

#[test]
fn a_part_is_low_at_its_level_or_when_repairs_wait_for_it() {
    assert!(part(2, 2, 0, 0).is_low(), "at the level");
    assert!(!part(2, 3, 0, 0).is_low());
    assert!(part(2, 3, 1, 0).is_low(), "what is held is not free");
    assert!(!part(0, 0, 0, 0).is_low(), "level 0: never warned");
    assert!(part(0, 0, 0, 1).is_low(), "a repair waits for it");
}

fn line(part: Option<i64>, section: Section, qty: u32) -> QuoteLine {
    QuoteLine {
        kind: LineKind::Part,
        section,
        description: "x".into(),
        quantity: Quantity(qty),
        unit_price: Amount(100),
        taxable: true,
        part: part.map(PartId),
    }
}

#[test]
fn an_accepted_quotation_wants_its_catalogue_parts_in_whole_pieces() {
    let lines = [
        line(Some(7), Section::Repair, 100),
        line(None, Section::Repair, 100),
        line(Some(7), Section::Repair, 200),
        line(Some(9), Section::Cosmetic, 100),
    ];
    assert_eq!(parts_wanted(&lines, false), vec![(PartId(7), 3)]);
    assert_eq!(parts_wanted(&lines, true), vec![(PartId(7), 3), (PartId(9), 1)]);
}

#[test]
fn a_catalogue_line_in_part_pieces_is_refused_at_its_quantity() {
    let draft = crate::quotation::QuotationDraft {
        lines: vec![line(Some(7), Section::Repair, 150)],
        timeline_working_days: 5,
        parts_returned: false,
    };
    let err = draft.validated().unwrap_err();
    assert_eq!(err.fields()[0].field, "lines.0.quantity");
    assert!(err.fields()[0].message.contains("whole pieces"));
    let labour = crate::quotation::QuotationDraft {
        lines: vec![QuoteLine { kind: LineKind::Labour, ..line(Some(7), Section::Repair, 100) }],
        ..draft
    };
    assert_eq!(labour.validated().unwrap_err().fields()[0].field, "lines.0.kind", "a catalogue line is a part");
}

fn cells(row: &[&str]) -> Vec<String> {
    row.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_import_reads_the_columns_by_their_names_and_refuses_rows_with_reasons() {
    let hkd = Currency::from_code("HKD").unwrap();
    assert!(Columns::from_header(&cells(&["Part", "Name"]))
        .unwrap_err()
        .to_string()
        .contains("no price, no quantity column"));
    let cols = Columns::from_header(&cells(&["Qty", "Part number", "Description", "Price", "Drawer"])).unwrap();
    let ok = cols.row(&cells(&["4", "sc-301", "Sapphire crystal", "280", "D3"]), hkd).unwrap();
    assert_eq!((ok.draft.number.as_str(), ok.draft.price, ok.quantity), ("SC-301", Amount(28_000), Some(4)));
    assert_eq!(
        cols.row(&cells(&["", "X1", "Y", "1"]), hkd).unwrap().quantity,
        None,
        "a blank says nothing of the stock"
    );
    assert_eq!(ok.draft.location, "D3");
    assert_eq!(
        cols.row(&cells(&["two", "X1", "Y", "1"]), hkd).unwrap_err(),
        "Quantity: \"two\" is not a whole number of pieces."
    );
    assert!(cols.row(&cells(&["1", "X1", "", "1"]), hkd).unwrap_err().contains("Describe the part."));
    assert!(cols.row(&cells(&["1", "X1", "Y", "1.234"]), hkd).unwrap_err().starts_with("Price:"));

    let existing = Part { id: PartId(5), on_hand: 1, ..part(2, 1, 0, 0) };
    let rows = vec![
        (2, Ok(ok.clone())),
        (3, cols.row(&cells(&["1", "GS-10", "Gasket", "15"]), hkd)),
        (4, cols.row(&cells(&["1", "Sc-301", "Again", "15"]), hkd)),
        (5, Err("Quantity: bad".to_string())),
    ];
    let plan = ImportPlan::new(rows, std::slice::from_ref(&existing));
    assert_eq!(plan.updated.len(), 1, "SC-301 is in the catalogue");
    assert_eq!((plan.updated[0].0, plan.updated[0].1), (PartId(5), 1));
    assert_eq!(plan.added.iter().map(|p| p.draft.number.as_str()).collect::<Vec<_>>(), ["GS-10"]);
    assert_eq!(plan.refused.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 5]);
    assert_eq!(plan.refused[0].reason, "Part SC-301 is already on line 2 of this file.");
    // An update keeps what the file does not say.
    let merged = plan.updated[0].2.onto(&existing.draft);
    assert_eq!((merged.description.as_str(), merged.location.as_str()), ("Sapphire crystal", "Drawer 3"));
}

#[derive(Clone, Debug)]
enum Move {
    Receive(u32),
    Reserve(u8, u32),
    Release(u8),
    Use(u8),
    Count(u32),
    WriteOff(u32),
}

fn moves() -> impl Strategy<Value = Vec<Move>> {
    let one = prop_oneof![
        (1u32..20).prop_map(Move::Receive),
        (0u8..4, 1u32..6).prop_map(|(t, n)| Move::Reserve(t, n)),
        (0u8..4).prop_map(Move::Release),
        (0u8..4).prop_map(Move::Use),
        (0u32..20).prop_map(Move::Count),
        (1u32..6).prop_map(Move::WriteOff),
    ];
    proptest::collection::vec(one, 0..40)
}

proptest! {
    /// Whatever happens to a part, nothing is below zero, no more is held than is on hand,
    /// and each hold keeps what its repair asked for (reserved + waiting).
    #[test]
    fn stock_is_never_negative_and_never_over_held(moves in moves()) {
        let mut s = Stock::default();
        let mut asked = std::collections::HashMap::new();
        for m in moves {
            let on_hand_before = s.on_hand;
            match m.clone() {
                Move::Receive(n) => { s.receive(n); }
                Move::Reserve(t, n) => { s.reserve(TicketId(t.into()), n); asked.insert(t, n); }
                Move::Release(t) => { s.release(TicketId(t.into())); asked.remove(&t); }
                Move::Use(t) => {
                    if s.use_hold(TicketId(t.into()), "x").is_ok() { asked.remove(&t); }
                    else { prop_assert_eq!(s.on_hand, on_hand_before, "a refused use changes nothing"); }
                }
                Move::Count(n) => { s.count(n); prop_assert_eq!(s.on_hand, n); }
                Move::WriteOff(n) => { let _ = s.write_off(n); }
            }
            prop_assert!(s.reserved() <= s.on_hand, "{:?}", s);
            for h in &s.holds {
                prop_assert_eq!(h.reserved + h.back_ordered, asked[&(h.ticket.0 as u8)]);
            }
            prop_assert_eq!(s.holds.len(), asked.len());
            // Nobody waits while pieces sit free.
            prop_assert!(s.back_ordered() == 0 || s.free() == 0, "{:?}", s);
        }
    }
}
