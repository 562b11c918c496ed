//! Whether a return may be authorized, worked out from the policy with the dates it used,
//! so staff see why before they decide. Staff may override a failed check with a recorded
//! reason, except the missing evidence for a defect claim: that comes first.
//!
//! Conventions:
//! - The return window counts from the purchase, the delivery (the purchase when no delivery
//!   date is known) or the request, as the policy says. lx-watch counts 10 days from the
//!   request, which must come after delivery.
//! - A dead-on-arrival claim is judged by the dead-on-arrival window from delivery instead.
//! - An exchange asked for by choice is judged by the exchange window from delivery (the
//!   purchase when no delivery date is known), not the return window: SOFTERSPOT refunds
//!   within 15 days of purchase but exchanges within 45 days of receiving the order.
//! - The item's state (`condition`), non-returnable categories and colour claims concern returns by choice
//!   (change of mind, other); a defective or wrong item goes back whatever it is.
//! - A photo or video of the defect (dead on arrival, defective, damaged in transit) comes
//!   before authorizing only where the policy requires it; where the shop "may request" one
//!   the check notes whether it is attached and passes. A request made in store needs none:
//!   the customer shows the defect at the counter.
//! - Return postage: by the policy's rule (`sending::ReturnPostage`): who pays, and why.

use serde::{Deserialize, Serialize};

use super::request::{Remedy, RequestChannel, ReturnReason, ReturnRequest};
use crate::Code;
use crate::{DomainError, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    ReturnWindow,
    ExchangeWindow,
    DeadOnArrival,
    UnopenedOnly,
    NonReturnable,
    ColourClaim,
    Evidence,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub rule: Rule,
    pub passed: bool,
    /// The rule as applied, with its dates: "Requested 2026-11-20, within 10 days of delivery on 2026-11-12".
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Shop,
    Customer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub checks: Vec<Check>,
    /// Who pays the postage of the return, and why.
    pub postage_paid_by: Payer,
    pub postage_text: String,
}

impl Eligibility {
    pub fn eligible(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }

    pub fn evidence_missing(&self) -> bool {
        self.checks.iter().any(|c| c.rule == Rule::Evidence && !c.passed)
    }

    /// Checks that the return may be authorized: eligible, or overridden with a reason.
    pub fn check_authorizable(&self, override_reason: Option<&str>) -> Result<(), DomainError> {
        if self.evidence_missing() {
            return Err(DomainError::refused(
                Code::EvidenceRequired,
                "Attach the customer's photo or video of the defect before authorizing this return.",
            ));
        }
        if self.eligible() {
            return Ok(());
        }
        match override_reason.map(str::trim) {
            Some(r) if r.chars().count() >= 10 => Ok(()),
            Some(_) => Err(DomainError::invalid("override_reason", "Give the reason for the exception in a sentence.")),
            None => {
                let failed: Vec<&str> = self.checks.iter().filter(|c| !c.passed).map(|c| c.text.as_str()).collect();
                Err(DomainError::refused(
                    Code::NotEligible,
                    format!(
                        "This return does not meet the policy: {}. Authorize it only as an exception, with a reason.",
                        failed.join("; ")
                    ),
                ))
            }
        }
    }
}

pub fn eligibility(policy: &Policy, r: &ReturnRequest) -> Eligibility {
    let cal = &policy.calendar;
    let delivered_or_bought = r.delivery_date.unwrap_or(r.purchase_date);
    let mut checks = Vec::new();
    let mut check = |rule, passed, text: String| checks.push(Check { rule, passed, text });
    if r.reason == ReturnReason::DeadOnArrival {
        let doa = policy.dead_on_arrival;
        if doa.is_none() {
            check(
                Rule::DeadOnArrival,
                false,
                "The shop offers no dead-on-arrival guarantee: record it as defective or damaged in transit".into(),
            );
        } else {
            let last = doa.last_day(delivered_or_bought, cal);
            let passed = r.requested_on <= last;
            check(
                Rule::DeadOnArrival,
                passed,
                format!(
                    "Reported {} {} the dead-on-arrival window of {} from {} (through {last})",
                    r.requested_on,
                    if passed { "within" } else { "after" },
                    doa,
                    delivered_or_bought
                ),
            );
        }
    } else if r.wants == Remedy::Exchange && !r.reason.is_shop_fault() {
        let window = policy.exchange_window;
        if window.is_none() && !policy.replacement_due.is_none() {
            // The Turkish store replaces a damaged or defective item one to one; a return by
            // choice is refunded (`ReturnReason::exchange_offered`).
            check(
                Rule::ExchangeWindow,
                false,
                "A replacement is for a damaged or defective item: a return by choice is refunded".into(),
            );
        } else if window.is_none() {
            check(Rule::ExchangeWindow, false, "The shop offers no exchanges".into());
        } else {
            let what = if r.delivery_date.is_some() { "delivery" } else { "purchase (no delivery date recorded)" };
            let last = window.last_day(delivered_or_bought, cal);
            let passed = r.requested_on <= last;
            check(
                Rule::ExchangeWindow,
                passed,
                format!(
                    "Exchange requested {} {} the exchange window of {} from {what} on {delivered_or_bought} (through {last})",
                    r.requested_on,
                    if passed { "within" } else { "after" },
                    window
                ),
            );
        }
    } else {
        use crate::policy::ReturnWindowStart::*;
        let window = policy.return_window;
        if window.is_none() {
            check(Rule::ReturnWindow, false, "The shop accepts no returns".into());
        } else {
            match policy.return_window_starts {
                Request => match r.delivery_date {
                    Some(d) if r.requested_on >= d => check(
                        Rule::ReturnWindow,
                        true,
                        format!(
                            "Requested {} after delivery on {d}; the return window of {} runs through {}",
                            r.requested_on,
                            window,
                            window.last_day(r.requested_on, cal)
                        ),
                    ),
                    Some(d) => check(
                        Rule::ReturnWindow,
                        false,
                        format!(
                            "Requested {} before the delivery on {d}: a return is requested after delivery",
                            r.requested_on
                        ),
                    ),
                    None => check(
                        Rule::ReturnWindow,
                        false,
                        "The delivery date is needed: the window counts from a request made after delivery".into(),
                    ),
                },
                start_kind => {
                    let (start, what) = match start_kind {
                        Purchase => (r.purchase_date, "purchase"),
                        _ if r.delivery_date.is_some() => (delivered_or_bought, "delivery"),
                        _ => (r.purchase_date, "purchase (no delivery date recorded)"),
                    };
                    let last = window.last_day(start, cal);
                    let passed = r.requested_on <= last;
                    check(
                        Rule::ReturnWindow,
                        passed,
                        format!(
                            "Requested {} {} the {} window from {what} on {start} (through {last})",
                            r.requested_on,
                            if passed { "within" } else { "after" },
                            window.adjective()
                        ),
                    );
                }
            }
        }
    }
    let by_choice = !r.reason.is_shop_fault();
    if let Some(c) = policy.returns_condition.check(r.opened, r.was_used()).filter(|_| by_choice) {
        check(Rule::UnopenedOnly, c.passed, c.text.into());
    }
    let category = r.category.trim();
    if by_choice && !category.is_empty() {
        let excluded = policy.non_returnable.iter().any(|c| c.eq_ignore_ascii_case(category));
        let text =
            if excluded { format!("{category} cannot be returned") } else { format!("{category} is returnable") };
        check(Rule::NonReturnable, !excluded, text);
    }
    if r.colour_claim && !policy.colour_claims_accepted {
        check(Rule::ColourClaim, false, "Returns for colour as seen on a screen are not accepted".into());
    }
    if r.reason.needs_evidence() {
        use crate::policy::EvidenceRule;
        let n = r.media.len();
        let attached = match n {
            1 => Some("1 photo or video of the defect attached".to_string()),
            n if n > 1 => Some(format!("{n} photos or videos of the defect attached")),
            _ => None,
        };
        match (policy.return_evidence, attached) {
            (EvidenceRule::NotAsked, _) => {}
            (_, Some(text)) => check(Rule::Evidence, true, text),
            // Brought to the counter, the defect is shown to staff themselves.
            (_, None) if r.channel == RequestChannel::InStore => {
                check(Rule::Evidence, true, "No photo or video: the customer shows the defect at the counter".into())
            }
            (EvidenceRule::Required, None) => check(
                Rule::Evidence,
                false,
                "No photo or video of the defect yet: the policy asks for one first".into(),
            ),
            (EvidenceRule::MayBeRequested, None) => check(
                Rule::Evidence,
                true,
                "No photo or video of the defect yet; the shop may ask for one, the return does not wait for it".into(),
            ),
        }
    }
    let (postage_paid_by, postage_text) = super::sending::postage(policy, r);
    Eligibility { checks, postage_paid_by, postage_text }
}
