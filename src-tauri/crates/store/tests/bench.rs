//! The bench on both engines: watches given to watchmakers (never to the counter, never once
//! they have left), each change in the ticket's history; each watchmaker's queue in the order
//! of its deadlines; what nobody has; and the time spent, typed and clocked.

use caseback_domain::event::{Action, Subject};
use caseback_domain::staff::{Role, RosterEntry, StaffId};
use caseback_domain::ticket::TicketState;
use caseback_domain::Code;
use caseback_store::{fixture, Shop};
use jiff::Timestamp;

fn at(instant: &str) -> Timestamp {
    instant.parse().unwrap()
}

/// Adds a watchmaker and a counter assistant beside the fixture's staff member.
fn with_staff(shop: &mut Shop, by: StaffId) -> (StaffId, StaffId) {
    let mut roster: Vec<RosterEntry> = shop.staff().unwrap().into_iter().map(RosterEntry::from).collect();
    roster.push(RosterEntry { id: None, name: "Sam Wong".into(), active: true, role: Role::Watchmaker });
    roster.push(RosterEntry { id: None, name: "Lee Counter".into(), active: true, role: Role::Counter });
    let settings = shop.settings().unwrap();
    shop.save_settings(by, &settings, &roster, at("2026-11-01T02:00:00Z")).unwrap();
    let id = |name: &str| shop.staff().unwrap().into_iter().find(|m| m.name == name).unwrap().id;
    (id("Sam Wong"), id("Lee Counter"))
}

#[test]
fn a_watch_goes_to_a_watchmaker_each_change_logged_and_never_to_the_counter() {
    fixture::on_each_engine(at("2026-11-01T02:00:00Z"), |shop, by, _| {
        let (sam, lee) = with_staff(shop, by);
        assert_eq!(shop.actor(by).unwrap().role, Role::Manager, "who set the shop up runs it");
        let day = |d: u32| at(&format!("2026-11-{d:02}T02:00:00Z"));
        let early = shop.book_intake(by, &fixture::numbered_intake(1), &[], day(2)).unwrap();
        let later = shop.book_intake(by, &fixture::numbered_intake(2), &[], day(3)).unwrap();
        let third = shop.book_intake(by, &fixture::numbered_intake(3), &[], day(3)).unwrap();
        assert_eq!(shop.bench_counts().unwrap().unassigned(), 3);

        // Given to Sam, then to the manager, then back to Sam: each change in the history.
        shop.assign_ticket(by, later.id, Some(sam), day(3)).unwrap();
        shop.assign_ticket(by, early.id, Some(sam), day(3)).unwrap();
        shop.assign_ticket(by, third.id, Some(by), day(3)).unwrap();
        shop.assign_ticket(by, third.id, Some(sam), day(4)).unwrap();
        shop.assign_ticket(by, third.id, Some(sam), day(4)).unwrap();
        let assigned: Vec<_> = shop
            .history(Subject::Ticket, &third.number.to_string())
            .unwrap()
            .into_iter()
            .filter(|e| e.action == Action::TicketAssigned)
            .map(|e| (e.detail["from"].as_str().unwrap().to_string(), e.detail["to"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(
            assigned,
            [("".into(), fixture::STAFF.into()), (fixture::STAFF.into(), "Sam Wong".into())],
            "the same again writes nothing"
        );

        // Sam's queue: the soonest assessment first.
        let queue: Vec<_> = shop.bench_of(sam).unwrap().into_iter().map(|r| r.id).collect();
        assert_eq!(queue, [early.id, later.id, third.id]);
        let counts = shop.bench_counts().unwrap();
        assert_eq!((counts.waiting, counts.unassigned(), counts.by_staff.clone()), (3, 0, vec![(sam, 3)]));

        // The counter does not work at the bench; a watch that has left is given to nobody.
        let refused = shop.assign_ticket(by, early.id, Some(lee), day(4)).unwrap_err();
        assert_eq!(refused.code(), Code::InvalidInput);
        assert!(refused.to_string().contains("works at the counter"), "{refused}");
        shop.move_ticket(by, later.id, TicketState::Cancelled, day(4)).unwrap();
        assert!(shop
            .assign_ticket(by, later.id, None, day(4))
            .unwrap_err()
            .to_string()
            .contains("no longer worked on"));
        assert_eq!(shop.bench_of(sam).unwrap().len(), 2, "a cancelled ticket leaves the bench");
        // Taken back: nobody has it, and it waits for someone again.
        shop.assign_ticket(by, third.id, None, day(4)).unwrap();
        assert_eq!(shop.unassigned_bench_work(10).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), [third.id]);
    });
}

#[test]
fn time_spent_is_typed_or_clocked_summed_per_ticket_and_per_watchmaker() {
    fixture::on_each_engine(at("2026-11-01T02:00:00Z"), |shop, by, _| {
        let (sam, _) = with_staff(shop, by);
        let ticket = shop.book_intake(by, &fixture::numbered_intake(1), &[], at("2026-11-02T02:00:00Z")).unwrap();
        shop.log_work_time(sam, ticket.id, "1:30", "Cleaned and oiled", at("2026-11-02T09:00:00Z")).unwrap();
        let refused = shop.log_work_time(sam, ticket.id, "ninety", "", at("2026-11-02T09:00:00Z")).unwrap_err();
        let caseback_store::StoreError::Domain(refused) = refused else { panic!("refused as input: {refused}") };
        assert_eq!(refused.fields()[0].field, "minutes");
        // A clock started on the last evening of the year and stopped after midnight.
        shop.start_work_clock(by, ticket.id, at("2026-12-31T15:40:00Z")).unwrap();
        shop.start_work_clock(by, ticket.id, at("2026-12-31T15:50:00Z")).unwrap();
        assert_eq!(
            shop.work_times(ticket.id).unwrap().iter().filter(|w| w.minutes.is_none()).count(),
            1,
            "one clock each"
        );
        assert_eq!(shop.stop_work_clock(by, ticket.id, at("2026-12-31T16:25:10Z")).unwrap(), 45);
        assert!(shop.stop_work_clock(by, ticket.id, at("2026-12-31T16:30:00Z")).is_err(), "no clock left running");
        let total: u32 = shop.work_times(ticket.id).unwrap().iter().filter_map(|w| w.minutes).sum();
        assert_eq!(total, 135);
        let mut by_staff = shop.work_time_by_staff().unwrap();
        by_staff.sort();
        let mut expected = vec![(by, 45), (sam, 90)];
        expected.sort();
        assert_eq!(by_staff, expected);
        let logged = shop
            .history(Subject::Ticket, &ticket.number.to_string())
            .unwrap()
            .into_iter()
            .filter(|e| e.action == Action::WorkTimeLogged)
            .count();
        assert_eq!(logged, 2);
    });
}
