//! Assessment, quotations, written answers and the clock, on both engines.

use caseback_domain::assessment::{Assessment, CoveredReason, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::event::{Action, Subject};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::ticket::TicketState;
use caseback_domain::Amount;
use caseback_domain::Code;
use caseback_store::{fixture, vals, Shop};
use jiff::Timestamp;

/// 10:00 in Hong Kong on the given day of March 2026.
fn march(day: u8) -> Timestamp {
    format!("2026-03-{day:02}T02:00:00Z").parse().unwrap()
}

fn book(shop: &mut Shop, by: StaffId) -> TicketId {
    let form = fixture::presage("Ayşe Yılmaz", "+90 542 341 51 94", "Loses time");
    shop.book_intake(by, &form, &[], march(2)).unwrap().id
}

fn not_covered() -> Assessment {
    Assessment {
        findings: "Mainspring broken after a fall".into(),
        decision: WarrantyDecision::NotCovered(NotCoveredReason::Impact),
        photos: vec![],
    }
}

fn draft() -> QuotationDraft {
    let line = |kind, cents| QuoteLine {
        kind,
        section: Section::Repair,
        description: "Mainspring".into(),
        quantity: Quantity::ONE,
        unit_price: Amount(cents),
        taxable: true,
        part: None,
    };
    QuotationDraft {
        lines: vec![line(LineKind::Labour, 45_000), line(LineKind::Part, 12_000)],
        timeline_working_days: 5,
        parts_returned: false,
    }
}

fn email(reference: &str) -> WrittenAnswer {
    WrittenAnswer {
        channel: ConfirmationChannel::EmailReply,
        reference: reference.into(),
        scan: None,
        cosmetic_accepted: false,
    }
}

fn event_count(shop: &Shop) -> i64 {
    fixture::event_count(shop.db()).unwrap()
}

#[test]
fn quote_expired_acceptance_refused_new_revision_accepted_then_work_starts() {
    fixture::on_each_engine(march(1), |shop, by, _| {
        let id = book(shop, by);
        assert_eq!(shop.record_assessment(by, id, &not_covered(), march(3)).unwrap().state, TicketState::Assessing);
        // Work cannot start before a written confirmation.
        assert_eq!(
            shop.move_ticket(by, id, TicketState::InRepair, march(3)).unwrap_err().code(),
            Code::IllegalTransition
        );

        let q1 = shop.issue_quotation(by, id, &draft(), march(3)).unwrap();
        assert_eq!(q1.number.to_string(), "Q-2026-00001-1");
        assert_eq!(q1.valid_through, jiff::civil::date(2026, 3, 17));
        assert_eq!(q1.repair.total, Amount(62_700), "570.00 + 10% GST");
        assert_eq!(shop.ticket(id).unwrap().state, TicketState::Quoted);
        // An issued quotation is never edited, even from outside the app's code.
        let edit = shop.db().exec("UPDATE quotations SET repair_total = 1", vals![]).unwrap_err();
        assert!(edit.to_string().contains("never edited"), "{edit}");

        // Accepting after the validity date is refused and writes nothing.
        let before = event_count(shop);
        let late = shop.answer_quotation(by, id, 1, true, &email("Re: quotation, 18 Mar"), march(18)).unwrap_err();
        assert_eq!(late.code(), Code::QuotationExpired);
        assert_eq!(event_count(shop), before);

        let q2 = shop.issue_quotation(by, id, &draft(), march(18)).unwrap();
        assert_eq!(q2.number.revision, 2);
        let superseded = shop.answer_quotation(by, id, 1, true, &email("Re: quotation"), march(18)).unwrap_err();
        assert_eq!(superseded.code(), Code::QuotationSuperseded);
        let no_reference = shop.answer_quotation(by, id, 2, true, &email(" "), march(18)).unwrap_err();
        assert!(no_reference.to_string().contains("written answer"), "{no_reference}");
        assert_eq!(no_reference.code(), Code::InvalidInput);

        let missing_scan = WrittenAnswer { scan: Some("0".repeat(64)), ..email("Re: Q-2026-00001-2") };
        assert_eq!(
            shop.answer_quotation(by, id, 2, true, &missing_scan, march(18)).unwrap_err().code(),
            Code::InvalidInput
        );
        let scan = shop.store_scan(by, "signed.pdf", b"%PDF-1.4 signed page", march(18)).unwrap();
        let signed =
            WrittenAnswer { scan: Some(scan.sha256.clone()), ..email("Re: Q-2026-00001-2, 18 Mar 2026 14:02") };
        let t = shop.answer_quotation(by, id, 2, true, &signed, march(18)).unwrap();
        assert_eq!(shop.quotations(id).unwrap()[1].answer.as_ref().unwrap().1.scan, Some(scan.sha256));
        assert_eq!(t.state, TicketState::Approved);
        assert_eq!(
            shop.answer_quotation(by, id, 2, true, &email("again"), march(18)).unwrap_err().code(),
            Code::QuotationAnswered
        );
        assert_eq!(shop.move_ticket(by, id, TicketState::InRepair, march(19)).unwrap().state, TicketState::InRepair);
        let actions: Vec<_> =
            shop.history(Subject::Ticket, "R-2026-00001").unwrap().into_iter().map(|e| e.action).collect();
        assert!(
            actions.contains(&Action::QuotationAccepted) && actions.contains(&Action::TicketAssessed),
            "{actions:?}"
        );
    });
}

#[test]
fn the_clock_expires_unanswered_quotations_then_ends_the_hold_logging_each_move_once() {
    fixture::on_each_engine(march(1), |shop, by, _| {
        let id = book(shop, by);
        shop.record_assessment(by, id, &not_covered(), march(2)).unwrap();
        shop.issue_quotation(by, id, &draft(), march(2)).unwrap(); // valid through 16 March
        let deadline = |shop: &Shop| shop.search_tickets("R-2026-00001", None, 1).unwrap()[0].next_deadline;
        assert_eq!(deadline(shop), Some(jiff::civil::date(2026, 3, 16)), "waits for the answer");
        assert_eq!(shop.apply_clock(march(16)).unwrap(), 0);
        assert_eq!(shop.apply_clock(march(17)).unwrap(), 1);
        assert_eq!(shop.ticket(id).unwrap().state, TicketState::QuoteExpired);
        assert_eq!(shop.apply_clock(march(17)).unwrap(), 0, "logged once");
        assert_eq!(deadline(shop), Some(jiff::civil::date(2026, 3, 19)), "then for the end of the hold");
        assert_eq!(shop.apply_clock(march(19)).unwrap(), 0, "held through the 19th");
        assert_eq!(shop.apply_clock(march(20)).unwrap(), 1);
        assert_eq!(shop.ticket(id).unwrap().state, TicketState::ReturnDue);
        let clock_moves: Vec<_> =
            shop.history(Subject::Ticket, "R-2026-00001").unwrap().into_iter().filter(|e| e.staff.is_none()).collect();
        assert_eq!(clock_moves.len(), 2);
        assert_eq!(clock_moves[0].detail["by"], "clock");
    });
}

#[test]
fn covered_repairs_skip_pricing_and_declines_make_the_return_due() {
    fixture::on_each_engine(march(1), |shop, by, _| {
        let covered = book(shop, by);
        let a = Assessment {
            findings: "Rotor axle defect".into(),
            decision: WarrantyDecision::Covered(CoveredReason::ManufacturingDefect),
            photos: vec![],
        };
        let photo = shop.store_photo(by, "rotor.png", b"\x89PNG\r\n\x1a\nrotor", march(3)).unwrap();
        let a = Assessment { photos: vec![photo.sha256.clone()], ..a };
        assert_eq!(shop.record_assessment(by, covered, &a, march(3)).unwrap().state, TicketState::Approved);
        assert_eq!(
            shop.assessment(covered).unwrap().unwrap().photos,
            vec![photo.sha256],
            "the technician's photos are kept"
        );
        let declined = book(shop, by);
        shop.record_assessment(by, declined, &not_covered(), march(3)).unwrap();
        shop.issue_quotation(by, declined, &draft(), march(3)).unwrap();
        let answer = WrittenAnswer {
            channel: ConfirmationChannel::SignedCopyWhatsApp,
            reference: "WhatsApp 4 Mar 11:20".into(),
            scan: None,
            cosmetic_accepted: false,
        };
        assert_eq!(
            shop.answer_quotation(by, declined, 1, false, &answer, march(4)).unwrap().state,
            TicketState::ReturnDue
        );
        let stored = shop.quotations(declined).unwrap();
        assert_eq!(stored[0].answer.as_ref().map(|(accepted, _)| *accepted), Some(false));
    });
}
