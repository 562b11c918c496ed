//! A package held because nobody could tell whose it was (no code on the box) turns out to
//! be an authorized return's: the customer calls, or the request is recorded and authorized
//! afterwards. The package moves to that return, judged by its code's validity on the day
//! the package arrived; the stray case closes, pointing there.

use jiff::civil::Date;

use super::{inspection_due, PackageReceipt, ReturnCase, ReturnState};
use crate::Code;
use crate::{DomainError, Policy};

impl ReturnCase {
    /// Takes over `stray`'s package. `self` must be waiting for its package; `stray` must be
    /// a package held with no return on file.
    pub fn take_package(&mut self, stray: &mut ReturnCase, policy: &Policy, today: Date) -> Result<(), DomainError> {
        let receipt = match (&stray.receipt, stray.state, &stray.request) {
            (Some(r), ReturnState::Held, None) => r.clone(),
            _ => {
                return Err(DomainError::refused(
                    Code::NotAStrayPackage,
                    format!("{} is not a package held without a return on file: it cannot be linked.", stray.title()),
                ))
            }
        };
        // A code issued after the package came (the request recorded afterwards) is valid for it.
        let arrival = self.arrival(receipt.received_on)?;
        let state = arrival.state();
        self.state = self.state.move_to(state)?;
        self.receipt = Some(PackageReceipt {
            arrival,
            hold_until: (state == ReturnState::Held).then_some(receipt.hold_until).flatten(),
            // Inspection could not start before anyone knew whose package it was.
            inspection_due: (state == ReturnState::Received).then(|| inspection_due(policy, today)),
            accepted_late: None,
            linked_from: Some(stray.id),
            ..receipt
        });
        stray.state = stray.state.move_to(ReturnState::Cancelled)?;
        stray.closing_reason = Some(format!("The package belongs to {}: linked to it on {today}.", self.title()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::presets::PresetId;
    use crate::returns::{hold_until, Arrival, Package, ReturnId, RmaCode, RmaIssue, RmaKey, RmaValidity};

    fn authorized(issued: Date, through: Date) -> ReturnCase {
        let mut case = ReturnCase::new(None, ReturnState::Authorized, None);
        case.id = ReturnId(4);
        case.rma = Some(RmaIssue {
            code: RmaCode::from_sequence(4, &RmaKey::from_bytes([4; RmaKey::LEN])).unwrap(),
            validity: RmaValidity { issued_on: issued, valid_through: through },
            override_reason: None,
        });
        case
    }

    fn stray(received: Date) -> ReturnCase {
        let policy = PresetId::LxWatch.policy();
        let mut case = ReturnCase::new(None, ReturnState::Held, None);
        case.id = ReturnId(11);
        case.receipt = Some(PackageReceipt {
            received_on: received,
            arrival: Arrival::NoValidRma,
            package: Package { sender: "M. Demir".into(), tracking: "EA123456785CN".into(), notes: String::new() },
            hold_until: hold_until(&policy, received),
            inspection_due: None,
            accepted_late: None,
            linked_from: None,
        });
        case
    }

    #[test]
    fn a_package_within_its_codes_validity_goes_to_inspection_from_the_day_it_is_linked() {
        let lx = PresetId::LxWatch.policy();
        let mut rma = authorized(date(2026, 11, 16), date(2026, 11, 21));
        let mut parcel = stray(date(2026, 11, 20));
        // Linked on Monday 23 November: inspection within 2 business days, by Wednesday.
        rma.take_package(&mut parcel, &lx, date(2026, 11, 23)).unwrap();
        assert_eq!(rma.state, ReturnState::Received);
        let receipt = rma.receipt.as_ref().unwrap();
        assert_eq!((receipt.received_on, receipt.arrival), (date(2026, 11, 20), Arrival::ValidRma));
        assert_eq!(receipt.inspection_due, Some(date(2026, 11, 25)));
        assert_eq!((receipt.linked_from, receipt.package.sender.as_str()), (Some(ReturnId(11)), "M. Demir"));
        assert_eq!(parcel.state, ReturnState::Cancelled);
        assert!(parcel.closing_reason.as_deref().unwrap().contains(&rma.title()));
    }

    #[test]
    fn a_code_issued_after_the_package_came_is_valid_for_it() {
        let lx = PresetId::LxWatch.policy();
        let mut rma = authorized(date(2026, 11, 23), date(2026, 11, 28));
        let mut parcel = stray(date(2026, 11, 20));
        rma.take_package(&mut parcel, &lx, date(2026, 11, 23)).unwrap();
        assert_eq!(rma.state, ReturnState::Received);
    }

    #[test]
    fn a_package_that_came_after_its_code_expired_stays_held_to_the_same_day() {
        let lx = PresetId::LxWatch.policy();
        let mut rma = authorized(date(2026, 11, 10), date(2026, 11, 15));
        let mut parcel = stray(date(2026, 11, 20));
        let hold = parcel.receipt.as_ref().unwrap().hold_until;
        rma.take_package(&mut parcel, &lx, date(2026, 11, 21)).unwrap();
        assert_eq!(rma.state, ReturnState::Held);
        let receipt = rma.receipt.as_ref().unwrap();
        assert_eq!(receipt.arrival, Arrival::ExpiredRma { valid_through: date(2026, 11, 15) });
        assert_eq!(receipt.hold_until, hold, "the hold still ends when it would have");
    }

    #[test]
    fn only_a_stray_package_links_and_only_to_a_return_awaiting_one() {
        let lx = PresetId::LxWatch.policy();
        let today = date(2026, 11, 21);
        let mut sent = stray(date(2026, 11, 20));
        sent.state = ReturnState::SentBack;
        let mut rma = authorized(date(2026, 11, 16), date(2026, 11, 21));
        assert_eq!(rma.take_package(&mut sent, &lx, today).unwrap_err().code(), Code::NotAStrayPackage);
        let mut received = authorized(date(2026, 11, 16), date(2026, 11, 21));
        received.state = ReturnState::Received;
        let mut parcel = stray(date(2026, 11, 20));
        assert_eq!(received.take_package(&mut parcel, &lx, today).unwrap_err().code(), Code::RmaNotAwaited);
        assert_eq!(parcel.state, ReturnState::Held, "a refused link changes neither case");
    }
}
