//! Rules a shop may not have at all, and what having none of them means: a fee of 0, a
//! window of 0 days, a restriction not applied. A preset turns off every such rule its
//! seed does not state (the Turkish store charges no storage fee, sells no shipping
//! insurance and asks for no signature above any amount: its policy names none), and the
//! forms and messages say nothing of a rule that is off. The Settings screen shows which
//! are off; the shop turns one on by giving it a value.
//!
//! Fields that every shop needs a value for (an assessment or inspection deadline, how long
//! a quotation is valid, the working days, the refund posting times) have no "off": a
//! preset that does not state them keeps Caseback's default and says so.
//! Two fields describe one rule and are off together: the storage fee with its grace, the
//! partial refund's two ends, the exchange window with its fee.

use crate::calendar::Period;
use crate::money::{Amount, Percent};
use crate::policy::ConditionRule;
use crate::Policy;

impl Policy {
    /// Whether the rule `key` is off: Some for a rule that can be, None for a field every
    /// shop needs.
    pub fn is_off(&self, key: &str) -> Option<bool> {
        Some(match key {
            "policy.storage_grace" | "policy.storage_fee_per_day" => self.storage_fee_per_day == Amount::ZERO,
            "policy.shipping_insurance_rate" => self.shipping_insurance_rate == Percent(0),
            "policy.signature_threshold" => self.signature_threshold == Amount::ZERO,
            "policy.dead_on_arrival" => self.dead_on_arrival.is_none(),
            "policy.extra_media_request" => self.extra_media_request.is_none(),
            "policy.returns_condition" => self.returns_condition == ConditionRule::NotRestricted,
            "policy.rma_required" => !self.rma_required,
            "policy.paired_devices_excluded" => !self.paired_devices_excluded,
            "policy.non_returnable" => self.non_returnable.is_empty(),
            "policy.partial_refund_min" | "policy.partial_refund_max" => self.partial_refund_max == Percent(0),
            "policy.replacement_due" => self.replacement_due.is_none(),
            "policy.deduct_return_customs" => !self.deduct_return_customs,
            "policy.returns_from_abroad" => !self.returns_from_abroad,
            "policy.paypal_refund_fee" => self.paypal_refund_fee == Percent(0),
            "policy.exchange_window" | "policy.exchange_fee" => self.exchange_window.is_none(),
            _ => return None,
        })
    }

    /// Turns the rule `key` off; false (and nothing changed) for a field that has no off.
    pub fn turn_off(&mut self, key: &str) -> bool {
        match key {
            "policy.storage_grace" | "policy.storage_fee_per_day" => self.storage_fee_per_day = Amount::ZERO,
            "policy.shipping_insurance_rate" => self.shipping_insurance_rate = Percent(0),
            "policy.signature_threshold" => self.signature_threshold = Amount::ZERO,
            "policy.dead_on_arrival" => self.dead_on_arrival = Period::days(0),
            "policy.extra_media_request" => self.extra_media_request = Period::days(0),
            "policy.returns_condition" => self.returns_condition = ConditionRule::NotRestricted,
            "policy.rma_required" => self.rma_required = false,
            "policy.paired_devices_excluded" => self.paired_devices_excluded = false,
            "policy.non_returnable" => self.non_returnable.clear(),
            "policy.partial_refund_min" | "policy.partial_refund_max" => {
                self.partial_refund_min = Percent(0);
                self.partial_refund_max = Percent(0);
            }
            "policy.replacement_due" => self.replacement_due = Period::days(0),
            "policy.deduct_return_customs" => self.deduct_return_customs = false,
            "policy.returns_from_abroad" => self.returns_from_abroad = false,
            "policy.paypal_refund_fee" => self.paypal_refund_fee = Percent(0),
            "policy.exchange_window" | "policy.exchange_fee" => {
                self.exchange_window = Period::days(0);
                self.exchange_fee = Percent(0);
            }
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::field_infos;

    #[test]
    fn a_rule_turned_off_reads_as_off_and_the_rest_have_no_off() {
        let keys: Vec<&str> = field_infos().into_iter().map(|f| f.key).collect();
        let mut switchable = 0;
        for key in &keys {
            let mut p = Policy::default();
            let can = p.is_off(key).is_some();
            assert_eq!(p.turn_off(key), can, "{key}: turn_off and is_off agree on which fields have an off");
            if can {
                switchable += 1;
                assert_eq!(p.is_off(key), Some(true), "{key}");
                assert!(p.validate().is_ok(), "{key}: off is a valid policy");
            } else {
                assert_eq!(p, Policy::default(), "{key}: nothing changed");
            }
        }
        assert!(switchable >= 15, "{switchable}");
        assert_eq!(Policy::default().is_off("policy.storage_fee_per_day"), Some(false), "lx-watch charges storage");
        assert_eq!(Policy::default().is_off("policy.quotation_validity"), None, "every shop needs one");
    }
}
