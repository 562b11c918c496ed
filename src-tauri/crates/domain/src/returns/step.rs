//! What a return case waits for and what staff may do with it now: the return page leads
//! with the step, and offers exactly the actions the state machine and the case allow.

use jiff::civil::Date;
use serde::Serialize;

use super::{ReturnCase, ReturnState};

/// The step a case waits for, which the return page shows first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// A request to authorize or decline.
    Authorize,
    /// An RMA code out, waiting for the package (valid or expired).
    AwaitPackage,
    /// A package held, or to send back.
    Package,
    Inspect,
    Refund,
    Exchange,
    /// The item or its replacement has gone out.
    Outbound,
    Closed,
}

/// What staff may do with a case now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Actions {
    pub authorize: bool,
    pub decline: bool,
    pub add_evidence: bool,
    pub extend: bool,
    pub cancel: bool,
    /// A stray package (no return on file) may be linked to the return it belongs to.
    pub link_package: bool,
    /// A held package of a return on file may be accepted for inspection anyway.
    pub accept_late: bool,
    pub inspect: bool,
    /// A request made in store: the watch may be taken in at the counter now, with no parcel.
    pub take_in: bool,
    /// The decision may still be revised: nothing refunded, paid or sent out on it.
    pub revise_decision: bool,
    pub send_back: bool,
    /// The watch (or its replacement) may be handed to the customer at the counter, with no
    /// tracking number.
    pub hand_over: bool,
    /// A held package goes back only from this day (the day after its hold).
    pub send_back_from: Option<Date>,
}

impl ReturnState {
    pub fn step(self) -> Step {
        use ReturnState::*;
        match self {
            Requested => Step::Authorize,
            Authorized | Expired => Step::AwaitPackage,
            Held | ShipBack => Step::Package,
            Received => Step::Inspect,
            RefundDue | Refunded => Step::Refund,
            ExchangeDue => Step::Exchange,
            Exchanged | SentBack => Step::Outbound,
            Declined | Cancelled => Step::Closed,
        }
    }
}

impl ReturnCase {
    pub fn actions(&self) -> Actions {
        let s = self.state;
        let held = s == ReturnState::Held;
        let hold_end = self.receipt.as_ref().and_then(|r| r.hold_until);
        Actions {
            authorize: s == ReturnState::Requested,
            decline: s == ReturnState::Requested,
            add_evidence: s.takes_evidence() && self.request.is_some(),
            extend: s.awaits_package(),
            cancel: s.awaits_package(),
            link_package: held && self.request.is_none(),
            accept_late: held && self.request.is_some(),
            inspect: s == ReturnState::Received,
            take_in: self.can_take_in(),
            revise_decision: self.check_revisable().is_ok(),
            send_back: held || s == ReturnState::ShipBack,
            hand_over: self.request.is_some()
                && (s == ReturnState::ShipBack || (s == ReturnState::ExchangeDue && self.fee_owed().is_none())),
            send_back_from: hold_end.filter(|_| held).and_then(|last| last.tomorrow().ok()),
        }
    }

    /// The date the case waits for and what happens on it: ("Inspect by", 2026-11-24).
    pub fn deadline_words(&self) -> Option<(&'static str, Date)> {
        let what = match self.state {
            ReturnState::Authorized => "Package expected by",
            ReturnState::Expired => "The code expired after",
            ReturnState::Held => "Held until",
            ReturnState::Received => "Inspect by",
            ReturnState::RefundDue => "Refund by",
            ReturnState::ExchangeDue => "Send the replacement by",
            _ => return None,
        };
        Some((what, self.next_deadline()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_step_and_closed_ones_offer_nothing() {
        for s in ReturnState::ALL {
            let case = ReturnCase::new(None, s, None);
            if s.is_closed() {
                assert!(matches!(s.step(), Step::Closed | Step::Outbound | Step::Refund), "{s:?}");
                assert_eq!(case.actions(), Actions::default(), "{s:?}");
            }
        }
        let stray = ReturnCase::new(None, ReturnState::Held, None);
        assert!(stray.actions().link_package && !stray.actions().accept_late && stray.actions().send_back);
    }
}
