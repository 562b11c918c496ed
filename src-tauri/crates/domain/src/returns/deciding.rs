//! What the inspection and decision form asks of one return: the checks, the decisions its
//! reason may end in, and the amounts a refund may carry. The form shows only these, so a
//! shop never sees a field its policy would refuse:
//! - customs on the return only where the policy deducts them (a shop that ships within its
//!   own country, as the Turkish store does, never does);
//! - postage to reimburse only where the customer paid it and the shop pays it back against
//!   the receipt (`ReturnPostage::ShopPaysForFaults`); the Turkish store books the cargo
//!   itself, and a watch handed over at the counter had no postage;
//! - an exchange only for a reason the policy exchanges or replaces for;
//! - no RMA check for a watch handed over at the counter.

use serde::Serialize;

use super::decision::{Checklist, DecisionKind};
use super::eligibility::{Eligibility, Payer};
use super::{ReturnCase, ReturnPostage, ReturnState};
use crate::Policy;

/// The decision form's fields for one return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecideFields {
    /// The inspector's checks, by key and label.
    pub checklist: Vec<(&'static str, &'static str)>,
    /// The decisions offered, each with what happens to the watch.
    pub decisions: Vec<DecisionKind>,
    pub return_customs: bool,
    pub postage_reimbursed: bool,
}

impl ReturnCase {
    /// The watch is with the customer at the counter, or came from there: no parcel, no
    /// postage. Taken in over the counter, or an in-store request not yet authorized for
    /// posting (should the customer post it instead, the RMA instructions say who pays).
    pub fn at_counter(&self) -> bool {
        let in_store = self.request.as_ref().is_some_and(|r| r.channel == super::RequestChannel::InStore);
        self.taken_in_at_counter || (in_store && self.state == ReturnState::Requested)
    }

    /// What deciding this return asks, under `policy`, with its `eligibility`.
    pub fn decide_fields(&self, policy: &Policy, eligibility: Option<&Eligibility>) -> DecideFields {
        let counter = self.taken_in_at_counter;
        let decisions = match &self.request {
            Some(r) => DecisionKind::offered_for(policy, r.reason),
            None => DecisionKind::offered(policy),
        };
        let shop_pays = eligibility.is_some_and(|e| e.postage_paid_by == Payer::Shop);
        DecideFields {
            checklist: Checklist::items_for(policy, counter),
            decisions,
            return_customs: policy.deduct_return_customs && !counter,
            postage_reimbursed: shop_pays && policy.return_postage == ReturnPostage::ShopPaysForFaults && !counter,
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::presets::PresetId;
    use crate::returns::eligibility::eligibility;
    use crate::returns::tests::request;
    use crate::returns::{RequestChannel, ReturnReason};

    fn case(reason: ReturnReason, channel: RequestChannel) -> ReturnCase {
        let mut r = request(reason, date(2026, 12, 1), Some(date(2026, 12, 3)), date(2026, 12, 7));
        r.channel = channel;
        ReturnCase::new(None, ReturnState::Received, Some(r))
    }

    fn keys(f: &DecideFields) -> Vec<&'static str> {
        f.decisions.iter().map(|k| k.key()).collect()
    }

    #[test]
    fn a_domestic_shop_is_not_asked_for_customs_nor_for_postage_it_booked_itself() {
        let tr = PresetId::TurkishStore.policy();
        let c = case(ReturnReason::Defective, RequestChannel::Phone);
        let e = eligibility(&tr, c.request.as_ref().unwrap());
        assert_eq!(e.postage_paid_by, Payer::Shop);
        let f = c.decide_fields(&tr, Some(&e));
        assert!(!f.return_customs, "the Turkish store deducts no customs");
        assert!(!f.postage_reimbursed, "the shop booked the cargo: nothing to reimburse");
        // KOSPET deducts customs and reimburses a dead-on-arrival return's postage.
        let k = PresetId::Kospet.policy();
        let doa = case(ReturnReason::DeadOnArrival, RequestChannel::Email);
        let f = doa.decide_fields(&k, Some(&eligibility(&k, doa.request.as_ref().unwrap())));
        assert!(f.return_customs && f.postage_reimbursed);
    }

    #[test]
    fn a_change_of_mind_is_not_offered_an_exchange_where_only_faults_are_replaced() {
        let tr = PresetId::TurkishStore.policy();
        let choice = case(ReturnReason::ChangeOfMind, RequestChannel::Phone);
        assert_eq!(keys(&choice.decide_fields(&tr, None)), ["approve", "ship_back"]);
        let broken = case(ReturnReason::DamagedInTransit, RequestChannel::Phone);
        assert_eq!(keys(&broken.decide_fields(&tr, None)), ["approve", "ship_back", "exchange"]);
        // SOFTERSPOT exchanges by choice within its window.
        let s = PresetId::Softerspot.policy();
        assert!(keys(&choice.decide_fields(&s, None)).contains(&"exchange"));
    }

    #[test]
    fn a_watch_handed_over_at_the_counter_has_no_rma_check_and_no_postage() {
        let k = PresetId::Kospet.policy();
        let mut c = case(ReturnReason::DeadOnArrival, RequestChannel::InStore);
        let e = eligibility(&k, c.request.as_ref().unwrap());
        let posted = c.decide_fields(&k, Some(&e));
        assert_eq!(posted.checklist[0].0, "rma_matches");
        c.taken_in_at_counter = true;
        let f = c.decide_fields(&k, Some(&e));
        assert!(f.checklist.iter().all(|(key, _)| *key != "rma_matches"), "{:?}", f.checklist);
        assert!(!f.postage_reimbursed && !f.return_customs);
        assert!(c.at_counter());
        assert_eq!(
            DecisionKind::ShipBack.watch(c.at_counter()),
            "The watch is handed back to the customer at the counter."
        );
        // The inspection's summary leaves the check out too.
        c.inspection = Some(crate::returns::Inspection {
            checklist: Checklist { rma_matches: true, ..Checklist::default() },
            wear: crate::returns::WearGrade::AsNew,
            notes: String::new(),
            photos: vec![],
        });
        assert!(c.inspection_checks().iter().all(|(key, _, _)| *key != "rma_matches"));
        assert_eq!(c.inspection_checks().len(), 5);
    }
}
