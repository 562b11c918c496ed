//! What the calendar does to a return by itself, whichever screen is open: an RMA code whose
//! last day passed with no package expires, and a package held without a valid code is to
//! send back once its hold has ended (lx-watch: "held for 3 days, then returned at the
//! customer's cost"). Both are moves of the state machine, logged as the clock's.

use jiff::civil::Date;

use super::{ReturnCase, ReturnState};
use crate::Code;
use crate::DomainError;

impl ReturnCase {
    /// The moves the calendar makes on `today`, in order (none for most cases).
    pub fn clock_moves(&self, today: Date) -> Vec<ReturnState> {
        match (self.state, &self.rma, &self.receipt) {
            (ReturnState::Authorized, Some(rma), _) if !rma.validity.is_valid_on(today) => vec![ReturnState::Expired],
            (ReturnState::Held, _, Some(receipt)) if receipt.hold_until.is_none_or(|last| today > last) => {
                vec![ReturnState::ShipBack]
            }
            _ => Vec::new(),
        }
    }

    /// A held package goes back only once its hold is over; before that, the refusal says
    /// from which day.
    pub fn check_hold_over(&self, today: Date) -> Result<(), DomainError> {
        let last = self.receipt.as_ref().and_then(|r| r.hold_until);
        match (self.state, last) {
            (ReturnState::Held, Some(last)) if today <= last => Err(DomainError::refused(
                Code::PackageOnHold,
                format!(
                    "This package is held through {last} in case its return is confirmed; it can be sent back from {}.",
                    last.tomorrow().unwrap_or(last)
                ),
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::presets::PresetId;
    use crate::returns::{
        hold_until, Arrival, Package, PackageReceipt, ReturnId, RmaCode, RmaIssue, RmaKey, RmaValidity,
    };

    fn authorized(through: Date) -> ReturnCase {
        let mut case = ReturnCase::new(None, ReturnState::Authorized, None);
        case.id = ReturnId(3);
        case.rma = Some(RmaIssue {
            code: RmaCode::from_sequence(3, &RmaKey::from_bytes([3; RmaKey::LEN])).unwrap(),
            validity: RmaValidity { issued_on: date(2026, 2, 24), valid_through: through },
            override_reason: None,
        });
        case
    }

    fn held(received: Date, policy: PresetId) -> ReturnCase {
        let mut case = ReturnCase::new(None, ReturnState::Held, None);
        case.receipt = Some(PackageReceipt {
            received_on: received,
            arrival: Arrival::NoValidRma,
            package: Package::default(),
            hold_until: hold_until(&policy.policy(), received),
            inspection_due: None,
            accepted_late: None,
            linked_from: None,
        });
        case
    }

    #[test]
    fn an_rma_code_expires_the_day_after_its_last_day() {
        // lx-watch: 5 days from 24 February 2026 run through 28 February.
        let case = authorized(date(2026, 2, 28));
        assert!(case.clock_moves(date(2026, 2, 28)).is_empty(), "still valid on its last day");
        assert_eq!(case.clock_moves(date(2026, 3, 1)), [ReturnState::Expired]);
        let leap = authorized(date(2028, 2, 29));
        assert!(leap.clock_moves(date(2028, 2, 29)).is_empty());
        assert_eq!(leap.clock_moves(date(2028, 3, 1)), [ReturnState::Expired]);
        let year_end = authorized(date(2026, 12, 31));
        assert_eq!(year_end.clock_moves(date(2027, 1, 1)), [ReturnState::Expired]);
    }

    #[test]
    fn an_expired_code_can_be_extended_or_still_receive_its_package() {
        let lx = PresetId::LxWatch.policy();
        let mut case = authorized(date(2026, 2, 28));
        case.state = ReturnState::Expired;
        assert_eq!(case.arrival(date(2026, 3, 2)).unwrap(), Arrival::ExpiredRma { valid_through: date(2026, 2, 28) });
        case.extend_rma(&lx, date(2026, 3, 2)).unwrap();
        assert_eq!(case.state, ReturnState::Authorized);
        // 5 days from today is Saturday 7 March; the shop receives parcels again on Monday.
        assert_eq!(case.rma.as_ref().unwrap().validity.valid_through, date(2026, 3, 9), "5 days from today");
    }

    #[test]
    fn a_held_package_is_to_send_back_the_day_after_its_hold() {
        // lx-watch holds 3 days: a package of Friday 27 February 2026 is held through 2 March.
        let case = held(date(2026, 2, 27), PresetId::LxWatch);
        assert_eq!(case.receipt.as_ref().unwrap().hold_until, Some(date(2026, 3, 2)));
        for day in [date(2026, 2, 27), date(2026, 3, 1), date(2026, 3, 2)] {
            assert!(case.clock_moves(day).is_empty(), "{day}: still held");
            let refused = case.check_hold_over(day).unwrap_err();
            assert_eq!(refused.code(), Code::PackageOnHold);
            assert!(refused.to_string().contains("can be sent back from 2026-03-03"), "{refused}");
        }
        assert_eq!(case.clock_moves(date(2026, 3, 3)), [ReturnState::ShipBack]);
        assert!(case.check_hold_over(date(2026, 3, 3)).is_ok());
        // The move is one the state machine allows.
        assert_eq!(ReturnState::Held.move_to(ReturnState::ShipBack).unwrap(), ReturnState::ShipBack);
        assert!(ReturnState::Held.move_to(ReturnState::SentBack).is_err(), "held packages wait for the hold");
    }

    #[test]
    fn a_shop_that_holds_nothing_sends_an_unannounced_package_back_at_once() {
        let case = held(date(2026, 12, 31), PresetId::Softerspot);
        assert_eq!(case.receipt.as_ref().unwrap().hold_until, None);
        assert_eq!(case.clock_moves(date(2026, 12, 31)), [ReturnState::ShipBack]);
        assert!(case.check_hold_over(date(2026, 12, 31)).is_ok());
    }
}
