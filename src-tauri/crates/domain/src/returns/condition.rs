//! The state a returned item is in, and when that state refuses a return by choice.
//!
//! The request records two facts apart: the item was opened (unpacked), and it was used
//! (worn, paired, data transferred). Each seed refuses on its own combination:
//! - KOSPET: "Items MUST be returned in their original packaging, unused and unopened":
//!   refused when opened (or used).
//! - SOFTERSPOT: "unworn or unused … in its original packaging": refused when used; opening
//!   it to look is allowed.
//! - The Turkish store: "excluded from the right of withdrawal when unpacked and used", and
//!   "If the technical service confirms that the devices are not used, your products will be
//!   taken back": refused only when both; unpacked but unused goes to the inspection.
//!
//! A defective or wrong item goes back whatever its state (see `eligibility`).

use serde::{Deserialize, Serialize};

/// When a return by choice is refused for the item's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionRule {
    /// Whatever its state (lx-watch judges wear at the inspection instead).
    #[default]
    NotRestricted,
    /// Refused when opened or used: only unopened, unused items.
    Opened,
    /// Refused when used; opened but unused is taken back.
    Used,
    /// Refused only when both unpacked and used.
    OpenedAndUsed,
}

/// A condition check's verdict and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionCheck {
    pub passed: bool,
    pub text: &'static str,
}

impl ConditionRule {
    pub const ALL: [ConditionRule; 4] =
        [ConditionRule::NotRestricted, ConditionRule::Opened, ConditionRule::Used, ConditionRule::OpenedAndUsed];

    pub fn key(self) -> &'static str {
        match self {
            ConditionRule::NotRestricted => "not_restricted",
            ConditionRule::Opened => "opened",
            ConditionRule::Used => "used",
            ConditionRule::OpenedAndUsed => "opened_and_used",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConditionRule::NotRestricted => "Never: the inspection judges the wear",
            ConditionRule::Opened => "When opened or used (only unopened, unused items)",
            ConditionRule::Used => "When used (opened but unused is taken back)",
            ConditionRule::OpenedAndUsed => "Only when both unpacked and used",
        }
    }

    pub fn from_key(key: &str) -> Option<ConditionRule> {
        ConditionRule::ALL.into_iter().find(|r| r.key() == key.trim())
    }

    /// The check of an item `opened` and `used`, or None where the rule asks nothing.
    pub fn check(self, opened: bool, used: bool) -> Option<ConditionCheck> {
        let (passed, text) = match self {
            ConditionRule::NotRestricted => return None,
            ConditionRule::Opened => match (opened, used) {
                (false, false) => (true, "Unopened and unused"),
                (true, false) => (false, "Opened: only unopened, unused items are taken back"),
                (_, true) => (false, "Used: only unopened, unused items are taken back"),
            },
            ConditionRule::Used => match (opened, used) {
                (false, false) => (true, "Unopened and unused"),
                (true, false) => (true, "Opened but not used: taken back once the inspection confirms it"),
                (_, true) => (false, "Used: only unused items are taken back"),
            },
            ConditionRule::OpenedAndUsed => match (opened, used) {
                (false, false) => (true, "Unopened and unused"),
                (true, false) => (true, "Unpacked but not used: taken back once the inspection confirms it"),
                (false, true) => (true, "Used but still in its unopened packaging"),
                (true, true) => (false, "Unpacked and used: excluded from a return by choice"),
            },
        };
        Some(ConditionCheck { passed, text })
    }
}

impl<'de> Deserialize<'de> for ConditionRule {
    /// Its key, or the yes/no `returns_unopened_only` it was stored as: yes is "opened".
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Before(bool),
            Key(String),
        }
        match Stored::deserialize(d)? {
            Stored::Before(true) => Ok(ConditionRule::Opened),
            Stored::Before(false) => Ok(ConditionRule::NotRestricted),
            Stored::Key(k) => ConditionRule::from_key(&k)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown condition rule {k:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Policy;

    #[test]
    fn each_rule_refuses_its_own_combination() {
        let refused = |rule: ConditionRule| -> Vec<(bool, bool)> {
            [(false, false), (true, false), (false, true), (true, true)]
                .into_iter()
                .filter(|&(o, u)| rule.check(o, u).is_some_and(|c| !c.passed))
                .collect()
        };
        assert_eq!(refused(ConditionRule::NotRestricted), []);
        assert_eq!(refused(ConditionRule::Opened), [(true, false), (false, true), (true, true)]);
        assert_eq!(refused(ConditionRule::Used), [(false, true), (true, true)]);
        assert_eq!(refused(ConditionRule::OpenedAndUsed), [(true, true)], "the Turkish store: unpacked AND used");
        assert!(ConditionRule::NotRestricted.check(true, true).is_none(), "nothing asked, nothing said");
        let unpacked = ConditionRule::OpenedAndUsed.check(true, false).unwrap();
        assert!(unpacked.text.contains("once the inspection confirms"), "{}", unpacked.text);
    }

    #[test]
    fn a_policy_stored_with_the_yes_no_unopened_setting_loads_as_opened_or_not_restricted() {
        for (stored, rule) in [(true, ConditionRule::Opened), (false, ConditionRule::NotRestricted)] {
            let mut json = serde_json::to_value(Policy::default()).unwrap();
            let fields = json.as_object_mut().unwrap();
            fields.remove("returns_condition");
            fields.insert("returns_unopened_only".into(), serde_json::json!(stored));
            let loaded: Policy = serde_json::from_value(json).unwrap();
            assert_eq!(loaded.returns_condition, rule);
        }
        let json =
            serde_json::to_value(Policy { returns_condition: ConditionRule::OpenedAndUsed, ..Policy::default() });
        assert_eq!(json.unwrap()["returns_condition"], "opened_and_used");
        for rule in ConditionRule::ALL {
            assert_eq!(ConditionRule::from_key(rule.key()), Some(rule));
        }
    }
}
