//! Inspection of a returned item and the decision: approve with a refund, deny (send it
//! back, or a partial refund in the policy's range), or exchange.
//!
//! Refund arithmetic (each line rounded half away from zero, in the order's currency):
//! purchase price
//!   + original shipping and its insurance, only when the policy refunds them (they were
//!     paid on top of the price, so "excluding" them leaves the price whole)
//!   - customs on the return, when the policy deducts it
//!   + return postage reimbursed, when the shop pays the postage (a receipt was shown)
//!   - the PayPal handling fee on what is left, when refunded through PayPal
//!
//! and never below zero. A partial refund is the chosen percentage of the purchase price,
//! less the PayPal fee when refunded through PayPal.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::request::{RefundMethod, ReturnRequest};
use crate::calendar::PeriodRange;
use crate::error::Problems;
use crate::Code;
use crate::{text, Amount, DomainError, Percent, Policy};

/// What the inspector ticks off (lx-watch 6 and 8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub rma_matches: bool,
    pub films_intact: bool,
    pub no_signs_of_use: bool,
    pub packaging_complete: bool,
    pub accessories_complete: bool,
    pub functional_test_passed: bool,
}

impl Checklist {
    pub const ITEMS: [(&'static str, &'static str); 6] = [
        ("rma_matches", "RMA code matches our records"),
        ("films_intact", "Protective films intact"),
        ("no_signs_of_use", "No signs of use"),
        ("packaging_complete", "Original packaging complete"),
        ("accessories_complete", "Accessories complete"),
        ("functional_test_passed", "Functional test passed"),
    ];

    pub fn values(&self) -> [bool; 6] {
        [
            self.rma_matches,
            self.films_intact,
            self.no_signs_of_use,
            self.packaging_complete,
            self.accessories_complete,
            self.functional_test_passed,
        ]
    }

    pub fn all_passed(&self) -> bool {
        self.values().iter().all(|v| *v)
    }

    /// The check that the parcel's code is the return's: asked only of a parcel.
    pub const RMA_MATCHES: &'static str = "rma_matches";

    /// The check a paired smartwatch fails (the Turkish store: "Electronic products that are
    /// used/data transferred/matched are not suitable for resale").
    pub const NOT_PAIRED: (&'static str, &'static str) = ("not_paired", "Not paired, no data transferred");

    /// What the inspector ticks off under this policy: the six checks, and "not paired" where
    /// the policy excludes paired smartwatches.
    pub fn items(policy: &Policy) -> Vec<(&'static str, &'static str)> {
        Self::items_for(policy, false)
    }

    /// The same for one return: a watch handed over at the counter (`at_counter`) came in no
    /// parcel, so there is no RMA code to match.
    pub fn items_for(policy: &Policy, at_counter: bool) -> Vec<(&'static str, &'static str)> {
        let mut items: Vec<_> =
            Self::ITEMS.iter().copied().filter(|(k, _)| !at_counter || *k != Self::RMA_MATCHES).collect();
        if policy.paired_devices_excluded {
            items.push(Self::NOT_PAIRED);
        }
        items
    }
}

/// An inspection as the form sends it: each check of `Checklist::items` ticked or not by
/// its key (a check not sent is not ticked), the wear, notes and photos.
#[derive(Clone, Debug, Deserialize)]
pub struct InspectionForm {
    #[serde(default)]
    pub checklist: std::collections::BTreeMap<String, bool>,
    pub wear: WearGrade,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub photos: Vec<String>,
}

impl InspectionForm {
    /// The inspection, and the "not paired" check where `policy` asks it.
    pub fn parse(&self, policy: &Policy) -> (Inspection, Option<bool>) {
        let ticked = |key: &str| self.checklist.get(key).copied().unwrap_or(false);
        let checklist = Checklist {
            rma_matches: ticked("rma_matches"),
            films_intact: ticked("films_intact"),
            no_signs_of_use: ticked("no_signs_of_use"),
            packaging_complete: ticked("packaging_complete"),
            accessories_complete: ticked("accessories_complete"),
            functional_test_passed: ticked("functional_test_passed"),
        };
        let inspection =
            Inspection { checklist, wear: self.wear, notes: self.notes.clone(), photos: self.photos.clone() };
        (inspection, policy.paired_devices_excluded.then(|| ticked(Checklist::NOT_PAIRED.0)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WearGrade {
    AsNew,
    Light,
    Moderate,
    Heavy,
}

impl WearGrade {
    pub const ALL: [WearGrade; 4] = [WearGrade::AsNew, WearGrade::Light, WearGrade::Moderate, WearGrade::Heavy];

    pub fn label(self) -> &'static str {
        match self {
            WearGrade::AsNew => "As new",
            WearGrade::Light => "Light wear",
            WearGrade::Moderate => "Moderate wear",
            WearGrade::Heavy => "Heavy wear",
        }
    }

    /// The partial refund this wear suggests within the policy's range: the top for light
    /// wear, the middle for moderate, the bottom for heavy.
    pub fn suggested_partial(self, policy: &Policy) -> Percent {
        let (lo, hi) = (policy.partial_refund_min.0, policy.partial_refund_max.0);
        Percent(match self {
            WearGrade::AsNew | WearGrade::Light => hi,
            WearGrade::Moderate => lo + (hi - lo) / 2,
            WearGrade::Heavy => lo,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub checklist: Checklist,
    pub wear: WearGrade,
    pub notes: String,
    #[serde(default)]
    pub photos: Vec<String>,
}

impl Inspection {
    pub fn validated(&self) -> Result<Inspection, DomainError> {
        let notes = text::multi_line("notes", &self.notes, 2000)?;
        crate::attachment::check_count("photos", self.photos.len())?;
        Ok(Inspection { notes, ..self.clone() })
    }
}

/// What the shop decides after inspecting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum Decision {
    /// A refund by the policy's arithmetic.
    Approve { method: RefundMethod, return_customs: Amount, postage_reimbursed: Amount },
    /// Denied: the item goes back at the customer's cost.
    ShipBack,
    /// Denied, but part of the price is refunded, by wear.
    PartialRefund { percent: Percent, method: RefundMethod },
    /// A replacement instead of a refund, for the policy's exchange fee.
    Exchange,
}

/// The four decisions, as the inspection offers them: each with what happens to the watch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approve,
    PartialRefund,
    ShipBack,
    Exchange,
}

impl DecisionKind {
    /// The decision form's `decision`: `approve`, `partial_refund`, `ship_back`, `exchange`.
    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::Approve => "approve",
            DecisionKind::PartialRefund => "partial_refund",
            DecisionKind::ShipBack => "ship_back",
            DecisionKind::Exchange => "exchange",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Approve => "Approve refund",
            DecisionKind::PartialRefund => "Partial refund",
            DecisionKind::ShipBack => "Send it back",
            DecisionKind::Exchange => "Exchange",
        }
    }

    /// What happens to the watch, plainly: a refund (whole or partial) or an exchange takes
    /// it back (lx-watch: a denied return is either sent back or partly refunded, "return the
    /// item to you (your cost) or process a partial refund"); a denial sends it back, or,
    /// for a watch handed over at the counter (`at_counter`), hands it back there.
    pub fn watch(self, at_counter: bool) -> &'static str {
        match self {
            DecisionKind::Approve | DecisionKind::PartialRefund => "The shop keeps the watch.",
            DecisionKind::ShipBack if at_counter => "The watch is handed back to the customer at the counter.",
            DecisionKind::ShipBack => "The watch is sent back to the customer, at their cost.",
            DecisionKind::Exchange if at_counter => {
                "The shop keeps the watch; the customer collects a replacement at the counter."
            }
            DecisionKind::Exchange => "The shop keeps the watch; a replacement goes to the customer.",
        }
    }

    /// The decisions this shop's policy allows: a partial refund where it gives a range,
    /// an exchange where it offers exchanges or replacements.
    pub fn offered(policy: &Policy) -> Vec<DecisionKind> {
        let exchanges = !policy.exchange_window.is_none() || !policy.replacement_due.is_none();
        Self::with_exchange(policy, exchanges)
    }

    /// The decisions a return for `reason` may end in: an exchange only where the reason is
    /// one the policy replaces or exchanges for (`ReturnReason::exchange_offered`): the
    /// Turkish store replaces a defective watch but refunds a change of mind.
    pub fn offered_for(policy: &Policy, reason: super::ReturnReason) -> Vec<DecisionKind> {
        Self::with_exchange(policy, reason.exchange_offered(policy))
    }

    fn with_exchange(policy: &Policy, exchanges: bool) -> Vec<DecisionKind> {
        [
            Some(DecisionKind::Approve),
            (policy.partial_refund_max.0 > 0).then_some(DecisionKind::PartialRefund),
            Some(DecisionKind::ShipBack),
            exchanges.then_some(DecisionKind::Exchange),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub label: String,
    /// Positive adds to the refund (or the fee), negative deducts.
    pub amount: Amount,
}

/// A decision worked out: the lines and the sum to refund (or, for an exchange, to charge).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub lines: Vec<Line>,
    /// The refund to the customer; for an exchange, the fee the customer pays.
    pub total: Amount,
    pub method: Option<RefundMethod>,
    /// What the customer paid that is not refunded, in a sentence each ("Original shipping
    /// of USD 50.00 is not refunded."), so the figures explain themselves.
    #[serde(default)]
    pub notes: Vec<String>,
}

fn paypal_fee(policy: &Policy, method: RefundMethod, lines: &mut Vec<Line>) {
    let base: i64 = lines.iter().map(|l| l.amount.0).sum();
    if method == RefundMethod::PayPal && policy.paypal_refund_fee.0 > 0 && base > 0 {
        let fee = policy.paypal_refund_fee.of(Amount(base));
        lines.push(Line {
            label: format!("PayPal handling fee ({})", policy.paypal_refund_fee),
            amount: Amount(-fee.0),
        });
    }
}

impl Decision {
    pub fn kind(&self) -> DecisionKind {
        match self {
            Decision::Approve { .. } => DecisionKind::Approve,
            Decision::PartialRefund { .. } => DecisionKind::PartialRefund,
            Decision::ShipBack => DecisionKind::ShipBack,
            Decision::Exchange => DecisionKind::Exchange,
        }
    }

    /// What happens to the watch: "The shop keeps the watch."
    pub fn watch(&self, at_counter: bool) -> &'static str {
        self.kind().watch(at_counter)
    }

    /// What a settlement with no lines says: nothing is refunded, and how the watch goes
    /// back (at the counter: no postage to speak of).
    pub fn nothing_refunded(at_counter: bool) -> &'static str {
        if at_counter {
            "Nothing is refunded; the watch is handed back at the counter."
        } else {
            "Nothing is refunded; the watch goes back to the customer, who pays the postage."
        }
    }

    /// The decision in a sentence for the staff's history, with what it comes to and where
    /// the watch goes.
    pub fn describe(&self, currency: crate::Currency, total: Amount) -> String {
        match self {
            Decision::Approve { method, .. } => {
                format!(
                    "refund approved, {} to {}; the shop keeps the watch",
                    currency.format(total),
                    method.staff_destination()
                )
            }
            Decision::PartialRefund { percent, method } => {
                format!(
                    "partial refund of {percent} for wear, {} to {}; the shop keeps the watch",
                    currency.format(total),
                    method.staff_destination()
                )
            }
            Decision::ShipBack => "denied; the watch goes back to the customer".into(),
            Decision::Exchange => {
                format!(
                    "exchange, for a fee of {}; the shop keeps the watch and sends a replacement",
                    currency.format(total)
                )
            }
        }
    }

    /// The decision as its card heads it: "Refund approved".
    pub fn title(&self) -> &'static str {
        match self {
            Decision::Approve { .. } => "Refund approved",
            Decision::PartialRefund { .. } => "Partial refund for wear",
            Decision::ShipBack => "Return denied",
            Decision::Exchange => "Exchange for a replacement",
        }
    }

    /// What the settlement's total is: a fee the customer pays, or a refund.
    pub fn total_label(&self) -> &'static str {
        match self {
            Decision::Exchange => "Exchange fee to pay",
            _ => "Refund to the customer",
        }
    }

    /// What its due date is for: paying the refund, or sending the replacement.
    pub fn due_label(&self) -> &'static str {
        match self {
            Decision::Exchange => "Send the replacement by",
            _ => "Pay the refund by",
        }
    }

    /// Where the case goes once this is decided.
    pub fn next_state(&self) -> super::ReturnState {
        match self {
            Decision::Approve { .. } | Decision::PartialRefund { .. } => super::ReturnState::RefundDue,
            Decision::Exchange => super::ReturnState::ExchangeDue,
            Decision::ShipBack => super::ReturnState::ShipBack,
        }
    }

    /// The last day to pay the refund or send the replacement, decided on `today` for a
    /// package that arrived on `received_on`: a refund counts from either, as the policy says.
    pub fn due(&self, policy: &Policy, received_on: Option<Date>, today: Date) -> Option<Date> {
        match self.next_state() {
            super::ReturnState::RefundDue => Some(super::refund_deadline(policy, received_on, today)),
            super::ReturnState::ExchangeDue if !policy.replacement_due.is_none() => {
                Some(policy.replacement_due.last_day(today, &policy.calendar))
            }
            _ => None,
        }
    }

    /// Works out the decision for `request`, refusing what the policy does not allow.
    pub fn settle(
        &self,
        policy: &Policy,
        r: &ReturnRequest,
        shop_pays_postage: bool,
    ) -> Result<Settlement, DomainError> {
        let mut lines = vec![Line { label: "Purchase price".into(), amount: r.purchase_price }];
        let mut notes = Vec::new();
        let deduct = |label: &str, amount: Amount, lines: &mut Vec<Line>| {
            if amount.0 > 0 {
                lines.push(Line { label: label.into(), amount: Amount(-amount.0) });
            }
        };
        let (method, total) = match self {
            Decision::Approve { method, return_customs, postage_reimbursed } => {
                let mut problems = Problems::default();
                for (key, v) in [("return_customs", return_customs), ("postage_reimbursed", postage_reimbursed)] {
                    if v.0 < 0 || v.0 > 1_000_000_000 {
                        problems.add(key, "Enter an amount between 0 and 10,000,000.");
                    }
                }
                if postage_reimbursed.0 > 0 && !shop_pays_postage {
                    problems.add("postage_reimbursed", "The customer pays the return postage under this reason.");
                }
                if return_customs.0 > 0 && !policy.deduct_return_customs {
                    problems.add("return_customs", "This shop's policy does not deduct customs from refunds.");
                }
                problems.into_result()?;
                // The price is refunded; shipping and insurance were paid on top of it and
                // come back only where the policy refunds them (lx-watch: "a full refund
                // (excluding original shipping fees and insurance costs)").
                let mut on_top = |refunded: bool, what: &str, amount: Amount, lines: &mut Vec<Line>| {
                    if amount.0 <= 0 {
                        return;
                    }
                    if refunded {
                        lines.push(Line { label: format!("{what} refunded"), amount });
                    } else {
                        notes.push(format!("{what} of {} is not refunded.", r.currency.format(amount)));
                    }
                };
                on_top(policy.original_shipping_refunded, "Original shipping", r.original_shipping, &mut lines);
                on_top(policy.insurance_refunded, "Shipping insurance", r.insurance_paid, &mut lines);
                deduct("Customs on the return", *return_customs, &mut lines);
                if postage_reimbursed.0 > 0 {
                    lines.push(Line { label: "Return postage reimbursed".into(), amount: *postage_reimbursed });
                }
                paypal_fee(policy, *method, &mut lines);
                (Some(*method), lines.iter().map(|l| l.amount.0).sum::<i64>().max(0))
            }
            Decision::PartialRefund { percent, method } => {
                let (lo, hi) = (policy.partial_refund_min, policy.partial_refund_max);
                if hi.0 == 0 {
                    return Err(DomainError::refused(
                        Code::PartialRefundNotOffered,
                        "This shop's policy offers no partial refunds.",
                    ));
                }
                if *percent < lo || *percent > hi {
                    return Err(DomainError::refused(
                        Code::PartialRefundOutOfRange,
                        format!("A partial refund is between {lo} and {hi} of the price; {percent} is outside it."),
                    ));
                }
                lines = vec![Line {
                    label: format!("{percent} of the purchase price {}", r.currency.format(r.purchase_price)),
                    amount: percent.of(r.purchase_price),
                }];
                paypal_fee(policy, *method, &mut lines);
                (Some(*method), lines.iter().map(|l| l.amount.0).sum::<i64>().max(0))
            }
            Decision::ShipBack => {
                lines.clear();
                (None, 0)
            }
            // A replacement for the shop's fault (dead on arrival, defective, wrong item,
            // damaged in transit) costs the customer nothing (SOFTERSPOT: "we will be
            // responsible for an item exchange and any shipping fees"). An exchange by choice
            // is within the exchange window and pays the exchange fee.
            Decision::Exchange if r.reason.is_shop_fault() => {
                if policy.exchange_window.is_none() && policy.replacement_due.is_none() {
                    return Err(DomainError::refused(
                        Code::ExchangeNotOffered,
                        "This shop's policy offers no exchanges or replacements.",
                    ));
                }
                lines = vec![Line {
                    label: format!("Replacement for a fault ({}): no exchange fee", r.reason.label().to_lowercase()),
                    amount: Amount::ZERO,
                }];
                (None, 0)
            }
            Decision::Exchange => {
                if policy.exchange_window.is_none() {
                    return Err(DomainError::refused(
                        Code::ExchangeNotOffered,
                        if policy.replacement_due.is_none() {
                            "This shop's policy offers no exchanges."
                        } else {
                            "This shop replaces a damaged or defective item; a return by choice is refunded."
                        },
                    ));
                }
                let start = r.delivery_date.unwrap_or(r.purchase_date);
                let last = policy.exchange_window.last_day(start, &policy.calendar);
                if r.requested_on > last {
                    return Err(DomainError::refused(
                        Code::ExchangeWindowPassed,
                        format!("Exchanges are within {} of delivery, through {last}.", policy.exchange_window),
                    ));
                }
                let fee = policy.exchange_fee.of(r.purchase_price);
                lines = vec![Line {
                    label: format!(
                        "Exchange fee: {} of the price (return postage and tariffs are the customer's)",
                        policy.exchange_fee
                    ),
                    amount: fee,
                }];
                (None, fee.0)
            }
        };
        // Cash goes back at the counter; an instalment purchase by the bank's rule, as the shop
        // records it; another way than the customer paid is said to be an exception.
        notes.extend(method.and_then(|m| m.how_refunded(policy, None)));
        notes.extend(method.and_then(|m| m.differs_from(r.paid_with)));
        Ok(Settlement { lines, total: Amount(total), method, notes })
    }
}

/// How long a refund paid by `method` takes to show in the customer's account, by the
/// shop's policy (lx-watch 10: card 7 to 14 business days, PayPal within 24 hours).
pub fn posting_range(method: RefundMethod, policy: &Policy) -> PeriodRange {
    match method {
        RefundMethod::OriginalCard => policy.card_refund_posting,
        RefundMethod::PayPal => policy.paypal_refund_posting,
        RefundMethod::BankTransfer => policy.bank_refund_posting,
        // The bank refunds an instalment purchase to the card it was charged to.
        RefundMethod::Instalments => policy.card_refund_posting,
        // Counted out at the counter: the customer has it the same day.
        RefundMethod::Cash => PeriodRange::days(0, 0),
    }
}

/// When a refund paid on `refunded_on` shows in the customer's account: the first and last
/// dates on the shop's calendar, and the policy's words for it ("7 to 14 business days").
pub fn posting_window(method: RefundMethod, refunded_on: Date, policy: &Policy) -> (Date, Date, String) {
    let range = posting_range(method, policy);
    let (first, last) = range.dates(refunded_on, &policy.calendar);
    (first, last, range.to_string())
}

/// The refund as paid out: it must match what was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundRecord {
    pub method: RefundMethod,
    pub amount: Amount,
    pub refunded_on: Date,
    pub reference: String,
    /// A refund by bank transfer: the customer's IBAN (or bank and account number) it went
    /// to; empty for the other methods, and for refunds recorded before it was asked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub account: String,
}

impl RefundRecord {
    pub fn validated(&self, decided: &Settlement, today: Date) -> Result<RefundRecord, DomainError> {
        let mut problems = Problems::default();
        let reference = text::single_line("reference", &self.reference, 100).unwrap_or_else(|e| {
            problems.merge(e);
            String::new()
        });
        if reference.is_empty() && problems.is_empty() {
            problems.add("reference", "Record the refund's transaction or transfer reference.");
        }
        if self.refunded_on > today {
            problems.add("refunded_on", "The refund date cannot be in the future.");
        }
        problems.into_result()?;
        if self.amount != decided.total {
            return Err(DomainError::refused(
                Code::RefundDiffers,
                "The refund must be the amount decided at inspection. To refund another amount, revise the \
                 decision first.",
            ));
        }
        if decided.method.is_some_and(|m| m != self.method) {
            return Err(DomainError::refused(
                Code::RefundMethodDiffers,
                "Refund by the method decided at inspection (the customer's original payment method), or \
                 revise the decision first.",
            ));
        }
        Ok(RefundRecord { reference, ..self.clone() })
    }
}
