//! A return case as kept: the request, the RMA, the package, the inspection, the decision,
//! the refund and what was sent back, each filled in as the case moves on.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::decision::{Checklist, Decision, Inspection, RefundRecord, Settlement};
use super::exchange::ExchangeFee;
use super::request::ReturnRequest;
use super::{Arrival, ReturnState, RmaCode, RmaValidity};
use crate::after_sale::InstalmentPlan;
use crate::customer::CustomerId;
use crate::error::Problems;
use crate::Code;
use crate::{text, DomainError, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReturnId(pub i64);

/// The RMA as issued: its code, how long it is valid, and the reason for an exception.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RmaIssue {
    pub code: RmaCode,
    pub validity: RmaValidity,
    pub override_reason: Option<String>,
}

/// What staff note about a package as it comes in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Package {
    /// Who sent it, as written on the parcel.
    pub sender: String,
    pub tracking: String,
    pub notes: String,
}

impl Package {
    pub fn validated(&self) -> Result<Package, DomainError> {
        let mut problems = Problems::default();
        let mut take = |r: Result<String, DomainError>| {
            r.unwrap_or_else(|e| {
                problems.merge(e);
                String::new()
            })
        };
        let sender = take(text::single_line("sender", &self.sender, 120));
        let tracking = take(text::single_line("tracking", &self.tracking, 60));
        let notes = take(text::multi_line("notes", &self.notes, 1000));
        problems.into_result()?;
        Ok(Package { sender, tracking, notes })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageReceipt {
    pub received_on: Date,
    pub arrival: Arrival,
    pub package: Package,
    /// Held packages: the last day before it goes back at the customer's cost.
    pub hold_until: Option<Date>,
    /// Received returns: the last day to inspect.
    pub inspection_due: Option<Date>,
    /// A held package accepted for inspection anyway, and why.
    pub accepted_late: Option<String>,
    /// The package came without its code and was linked here from this stray case.
    #[serde(default)]
    pub linked_from: Option<ReturnId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    pub decision: Decision,
    pub settlement: Settlement,
    pub decided_on: Date,
    /// The last day to pay the refund (refunds) or send the replacement (exchanges).
    pub due: Option<Date>,
}

/// The item (or its replacement) sent to the customer, or handed over at the counter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbound {
    /// Empty when handed over at the counter.
    pub tracking: String,
    pub sent_on: Date,
    /// Handed to the customer in the shop: no parcel, no tracking number.
    #[serde(default)]
    pub at_counter: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnCase {
    pub id: ReturnId,
    /// Unknown for a package that arrived without a code nobody recognises.
    pub customer: Option<CustomerId>,
    pub state: ReturnState,
    pub request: Option<ReturnRequest>,
    pub rma: Option<RmaIssue>,
    pub receipt: Option<PackageReceipt>,
    pub inspection: Option<Inspection>,
    pub decision: Option<DecisionRecord>,
    pub refund: Option<RefundRecord>,
    /// An exchange by choice: the fee the customer paid.
    #[serde(default)]
    pub fee_paid: Option<ExchangeFee>,
    pub outbound: Option<Outbound>,
    /// Why it was declined or cancelled.
    pub closing_reason: Option<String>,
    /// The day it was declined or cancelled (unknown for cases closed before it was kept).
    #[serde(default)]
    pub closed_on: Option<Date>,
    /// The inspection's "not paired, no data transferred" check, asked where the policy
    /// excludes paired smartwatches; None where it is not asked. Kept beside the inspection's
    /// six checks.
    #[serde(default)]
    pub not_paired: Option<bool>,
    /// The customer handed the item over at the counter as they asked: no parcel, no code
    /// to wait out, inspected from that day.
    #[serde(default)]
    pub taken_in_at_counter: bool,
    /// Paid by card in instalments (`request.paid_with`): their number and the bank.
    #[serde(default)]
    pub instalments: Option<InstalmentPlan>,
}

impl ReturnCase {
    /// A new case: a customer's request, or a package nobody announced (no customer, no request).
    pub fn new(customer: Option<CustomerId>, state: ReturnState, request: Option<ReturnRequest>) -> ReturnCase {
        ReturnCase {
            id: ReturnId(0),
            customer,
            state,
            request,
            rma: None,
            receipt: None,
            inspection: None,
            decision: None,
            refund: None,
            fee_paid: None,
            outbound: None,
            closing_reason: None,
            closed_on: None,
            not_paired: None,
            instalments: None,
            taken_in_at_counter: false,
        }
    }

    /// "RMA-K7QD-4WX", or "Return 12" before a code is issued.
    pub fn title(&self) -> String {
        match &self.rma {
            Some(r) => r.code.to_string(),
            None => format!("Return {}", self.id.0),
        }
    }

    /// The currency of the order's amounts: the request's, or the shop's when there is none.
    /// Written and read in the shop's number style.
    pub fn currency(&self, shop: crate::Currency) -> crate::Currency {
        self.request.as_ref().map_or(shop, |r| r.currency.with_style(shop.style()))
    }

    /// The product, or "Package from <sender>" for a package nobody asked to return.
    pub fn item(&self) -> String {
        match (&self.request, &self.receipt) {
            (Some(r), _) => r.product.clone(),
            (None, Some(p)) if !p.package.sender.is_empty() => format!("Package from {}", p.package.sender),
            _ => "Unidentified package".into(),
        }
    }

    /// How a package naming this case arrives on `today`: refused unless the case is waiting
    /// for one; valid or expired by its RMA's validity.
    pub fn arrival(&self, today: Date) -> Result<Arrival, DomainError> {
        let validity = match (&self.rma, self.state) {
            (Some(rma), state) if state.awaits_package() => rma.validity,
            _ => {
                return Err(DomainError::refused(
                    Code::RmaNotAwaited,
                    format!(
                        "{} is {}: it is not waiting for a package.",
                        self.title(),
                        self.state.label().to_lowercase()
                    ),
                ))
            }
        };
        Ok(if validity.is_valid_on(today) {
            Arrival::ValidRma
        } else {
            Arrival::ExpiredRma { valid_through: validity.valid_through }
        })
    }

    /// Extends the RMA of a case still waiting for its package; returns the old end.
    pub fn extend_rma(&mut self, policy: &crate::Policy, today: Date) -> Result<Date, DomainError> {
        match (&mut self.rma, self.state) {
            (Some(rma), state) if state.awaits_package() => {
                let before = rma.validity.valid_through;
                rma.validity = rma.validity.extended(policy, today);
                self.state = ReturnState::Authorized;
                Ok(before)
            }
            _ => Err(DomainError::refused(
                Code::IllegalTransition,
                "Only a code still awaiting its package can be extended.",
            )),
        }
    }

    /// What the case waits for next, by date: the code's expiry, the end of a hold, the
    /// inspection, the refund or the replacement.
    pub fn next_deadline(&self) -> Option<Date> {
        match self.state {
            ReturnState::Authorized | ReturnState::Expired => self.rma.as_ref().map(|r| r.validity.valid_through),
            ReturnState::Held => self.receipt.as_ref().and_then(|r| r.hold_until),
            ReturnState::Received => self.receipt.as_ref().and_then(|r| r.inspection_due),
            ReturnState::RefundDue | ReturnState::ExchangeDue => self.decision.as_ref().and_then(|d| d.due),
            _ => None,
        }
    }
}

/// The inspection and the decision: recording them, and revising the decision until money
/// or the watch has moved on it.
impl ReturnCase {
    /// Records the inspection and the decision worked out for it (`settlement`), on `today`.
    pub fn decide(
        &mut self,
        inspection: Inspection,
        not_paired: Option<bool>,
        decision: Decision,
        settlement: Settlement,
        policy: &Policy,
        today: Date,
    ) -> Result<(), DomainError> {
        self.state = self.state.move_to(decision.next_state())?;
        let due = decision.due(policy, self.receipt.as_ref().map(|r| r.received_on), today);
        self.inspection = Some(inspection);
        self.not_paired = policy.paired_devices_excluded.then(|| not_paired.unwrap_or(false));
        self.decision = Some(DecisionRecord { decision, settlement, decided_on: today, due });
        Ok(())
    }

    /// The decision standing, while it may still be revised: nothing refunded, no exchange
    /// fee taken, nothing sent or handed over on it.
    pub fn check_revisable(&self) -> Result<&DecisionRecord, DomainError> {
        let final_because = if self.refund.is_some() {
            Some("the refund is recorded")
        } else if self.fee_paid.is_some() {
            Some("the exchange fee is recorded as paid")
        } else if self.outbound.is_some() {
            Some(if self.state == ReturnState::Exchanged {
                "the replacement went to the customer"
            } else {
                "the watch went back to the customer"
            })
        } else {
            None
        };
        if let Some(why) = final_because {
            return Err(DomainError::refused(
                Code::DecisionFinal,
                format!("The decision can no longer be revised: {why}."),
            ));
        }
        match &self.decision {
            Some(record)
                if matches!(self.state, ReturnState::RefundDue | ReturnState::ExchangeDue | ReturnState::ShipBack) =>
            {
                Ok(record)
            }
            _ => Err(DomainError::refused(
                Code::IllegalTransition,
                format!("{} is {}: there is no decision to revise.", self.title(), self.state.label().to_lowercase()),
            )),
        }
    }

    /// Replaces the decision, and what the inspection found, with the ones staff make now.
    /// Returns the decision it replaced, or None when nothing changed (nothing to write). A
    /// refund (or replacement) already due keeps its last day; one that becomes due by the
    /// revision counts from `today`, as a new decision would.
    pub fn revise_decision(
        &mut self,
        inspection: Inspection,
        not_paired: Option<bool>,
        decision: Decision,
        settlement: Settlement,
        policy: &Policy,
        today: Date,
    ) -> Result<Option<DecisionRecord>, DomainError> {
        let old = self.check_revisable()?.clone();
        let not_paired = policy.paired_devices_excluded.then(|| not_paired.unwrap_or(false));
        let unchanged = old.decision == decision
            && old.settlement == settlement
            && self.inspection.as_ref() == Some(&inspection)
            && self.not_paired == not_paired;
        if unchanged {
            return Ok(None);
        }
        let next = decision.next_state();
        let due = if next == old.decision.next_state() {
            old.due
        } else {
            decision.due(policy, self.receipt.as_ref().map(|r| r.received_on), today)
        };
        // Not a move of the state machine: the case is where the decision it now has puts it.
        self.state = next;
        self.inspection = Some(inspection);
        self.not_paired = not_paired;
        self.decision = Some(DecisionRecord { decision, settlement, decided_on: today, due });
        Ok(Some(old))
    }

    /// The inspection's checks as its summary lists them: (key, label, passed), the "not
    /// paired" check last where it was asked; no RMA check for a watch handed over at the
    /// counter (there was no parcel to match).
    pub fn inspection_checks(&self) -> Vec<(&'static str, &'static str, bool)> {
        let Some(inspection) = &self.inspection else { return Vec::new() };
        let mut checks: Vec<_> = Checklist::ITEMS
            .iter()
            .zip(inspection.checklist.values())
            .filter(|((key, _), _)| !(self.taken_in_at_counter && *key == Checklist::RMA_MATCHES))
            .map(|((key, label), passed)| (*key, *label, passed))
            .collect();
        if let Some(passed) = self.not_paired {
            checks.push((Checklist::NOT_PAIRED.0, Checklist::NOT_PAIRED.1, passed));
        }
        checks
    }
}

/// Taking a return in over the counter: the customer asked in store and hands the watch over
/// there and then (the Turkish store: a request "in writing or verbally"), so there is no
/// parcel to pack and label and no code validity to wait out.
impl ReturnCase {
    /// The request was made in store and is not yet decided on: the watch may be taken in now.
    pub fn can_take_in(&self) -> bool {
        self.check_take_in().is_ok()
    }

    /// Why the watch cannot be taken in at the counter, if it cannot.
    pub fn check_take_in(&self) -> Result<(), DomainError> {
        let in_store = self.request.as_ref().is_some_and(|r| r.channel == super::RequestChannel::InStore);
        match self.state {
            ReturnState::Requested if in_store => Ok(()),
            ReturnState::Requested => Err(DomainError::refused(
                Code::NotInStore,
                "Only a request made in store is taken in at the counter: authorize it and send the customer the \
                 RMA code.",
            )),
            state => Err(DomainError::refused(
                Code::NotInStore,
                format!("{} is {}: it is not waiting to be taken in.", self.title(), state.label().to_lowercase()),
            )),
        }
    }

    /// Authorizes and receives the return at once: `code` is issued as the return's reference
    /// (valid the one day it is used), `override_reason` the exception staff recorded for a
    /// request outside the policy, `sender` who handed the watch over. The inspection is due
    /// from today.
    pub fn take_in_at_counter(
        &mut self,
        code: RmaCode,
        override_reason: Option<String>,
        sender: String,
        policy: &Policy,
        today: Date,
    ) -> Result<(), DomainError> {
        self.check_take_in()?;
        self.state = self.state.move_to(ReturnState::Authorized)?.move_to(ReturnState::Received)?;
        self.rma =
            Some(RmaIssue { code, validity: RmaValidity { issued_on: today, valid_through: today }, override_reason });
        self.receipt = Some(PackageReceipt {
            received_on: today,
            arrival: Arrival::ValidRma,
            package: Package { sender, tracking: String::new(), notes: String::new() },
            hold_until: None,
            inspection_due: Some(super::inspection_due(policy, today)),
            accepted_late: None,
            linked_from: None,
        });
        self.taken_in_at_counter = true;
        Ok(())
    }

    /// How the watch came in, for its card: "Handed over at the counter", or how the
    /// package's code read.
    pub fn arrival_words(&self, style: crate::calendar::DateStyle) -> Option<String> {
        let receipt = self.receipt.as_ref()?;
        Some(if self.taken_in_at_counter {
            "Handed over at the counter with the request".to_string()
        } else {
            receipt.arrival.describe(style)
        })
    }
}

/// A short reason staff give for an exception, a decline or a cancellation.
pub fn reason(field: &str, typed: &str) -> Result<String, DomainError> {
    let r = text::single_line(field, typed, 300)?;
    if r.chars().count() < 5 {
        return Err(DomainError::invalid(field, "Give the reason in a few words."));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::presets::PresetId;
    use crate::returns::{DecisionKind, InspectionForm, RefundMethod, Remedy, RequestChannel, ReturnReason, WearGrade};
    use crate::{Amount, Currency, Percent};

    fn request(channel: RequestChannel, reason: ReturnReason) -> ReturnRequest {
        ReturnRequest {
            order_number: "TR-2031".into(),
            product: "Huawei Watch GT 5".into(),
            model: "46 mm".into(),
            serial: String::new(),
            category: String::new(),
            currency: Currency::from_code("TRY").unwrap(),
            purchase_price: Amount(899_000),
            original_shipping: Amount::ZERO,
            insurance_paid: Amount::ZERO,
            paid_with: RefundMethod::OriginalCard,
            purchase_date: date(2026, 10, 28),
            delivery_date: Some(date(2026, 10, 30)),
            reason,
            wants: Remedy::Refund,
            details: String::new(),
            colour_claim: false,
            opened: false,
            used: Some(false),
            requested_on: date(2026, 11, 3),
            channel,
            media: vec![],
        }
    }

    fn inspection(wear: WearGrade) -> Inspection {
        Inspection { checklist: Checklist::default(), wear, notes: "Strap worn".into(), photos: vec![] }
    }

    /// A return received on Tuesday 3 November 2026 and decided `decision` on the 4th.
    fn decided(policy: &Policy, decision: Decision) -> ReturnCase {
        let r = request(RequestChannel::Email, ReturnReason::ChangeOfMind);
        let mut case = ReturnCase::new(Some(crate::customer::CustomerId(1)), ReturnState::Received, Some(r.clone()));
        let settlement = decision.settle(policy, &r, false).unwrap();
        case.decide(inspection(WearGrade::Moderate), None, decision, settlement, policy, date(2026, 11, 4)).unwrap();
        case
    }

    fn partial(bp: u32) -> Decision {
        Decision::PartialRefund { percent: Percent(bp), method: RefundMethod::OriginalCard }
    }

    #[test]
    fn a_partial_refund_is_revised_to_a_ship_back_and_back_until_the_refund_is_recorded() {
        let p = Policy::default();
        let mut case = decided(&p, partial(3_000));
        assert_eq!(case.state, ReturnState::RefundDue);
        let due = case.decision.as_ref().unwrap().due;
        assert_eq!(due, Some(date(2026, 11, 11)), "5 business days from Wednesday the 4th");
        assert!(case.actions().revise_decision && !case.actions().hand_over);

        // Another percentage: still a refund, so its last day stays.
        let r = case.request.clone().unwrap();
        let forty = partial(4_000).settle(&p, &r, false).unwrap();
        let old = case
            .revise_decision(inspection(WearGrade::Light), None, partial(4_000), forty.clone(), &p, date(2026, 11, 9))
            .unwrap()
            .expect("it changed");
        assert_eq!(old.decision, partial(3_000));
        let now = case.decision.clone().unwrap();
        assert_eq!((now.settlement.total, now.due, now.decided_on), (Amount(359_600), due, date(2026, 11, 9)));
        assert_eq!(case.inspection.as_ref().unwrap().wear, WearGrade::Light);

        // The same again writes nothing.
        let same =
            case.revise_decision(inspection(WearGrade::Light), None, partial(4_000), forty, &p, date(2026, 11, 9));
        assert_eq!(same.unwrap(), None);

        // Sent back instead: no refund is due, the case waits to send the watch back.
        let back = Decision::ShipBack.settle(&p, &r, false).unwrap();
        case.revise_decision(inspection(WearGrade::Heavy), None, Decision::ShipBack, back, &p, date(2026, 11, 9))
            .unwrap();
        assert_eq!((case.state, case.next_deadline()), (ReturnState::ShipBack, None));
        assert!(case.actions().hand_over && case.actions().revise_decision);

        // A refund again counts its days from the revision: Monday the 9th + 5 business days.
        let full = Decision::Approve {
            method: RefundMethod::OriginalCard,
            return_customs: Amount::ZERO,
            postage_reimbursed: Amount::ZERO,
        };
        let settled = full.settle(&p, &r, false).unwrap();
        case.revise_decision(inspection(WearGrade::AsNew), None, full, settled, &p, date(2026, 11, 9)).unwrap();
        assert_eq!((case.state, case.next_deadline()), (ReturnState::RefundDue, Some(date(2026, 11, 16))));

        // Once the refund is recorded the decision stands.
        case.refund = Some(RefundRecord {
            method: RefundMethod::OriginalCard,
            amount: Amount(899_000),
            refunded_on: date(2026, 11, 10),
            reference: "ARN 1".into(),
            account: String::new(),
        });
        case.state = ReturnState::Refunded;
        let err = case.check_revisable().unwrap_err();
        assert_eq!(err.code(), Code::DecisionFinal);
        assert!(err.to_string().contains("refund is recorded"), "{err}");
        assert!(!case.actions().revise_decision);
    }

    #[test]
    fn nothing_decided_or_the_watch_gone_out_cannot_be_revised() {
        let p = Policy::default();
        let received =
            ReturnCase::new(None, ReturnState::Received, Some(request(RequestChannel::Email, ReturnReason::Other)));
        assert_eq!(received.check_revisable().unwrap_err().code(), Code::IllegalTransition);
        let mut back = decided(&p, Decision::ShipBack);
        back.hand_over(Currency::from_code("TRY").unwrap(), date(2026, 11, 6)).unwrap();
        assert_eq!(back.state, ReturnState::SentBack);
        assert!(back.check_revisable().unwrap_err().to_string().contains("went back to the customer"));
        // A held package sent back by the calendar had no decision to revise.
        let held = ReturnCase::new(None, ReturnState::ShipBack, None);
        assert!(!held.actions().revise_decision && !held.actions().hand_over, "no customer to hand it to");
    }

    #[test]
    fn the_decision_says_what_happens_to_the_watch() {
        assert_eq!(partial(3_000).watch(false), "The shop keeps the watch.");
        assert_eq!(Decision::ShipBack.watch(false), "The watch is sent back to the customer, at their cost.");
        assert_eq!(Decision::ShipBack.watch(true), "The watch is handed back to the customer at the counter.");
        assert!(Decision::Exchange.watch(false).starts_with("The shop keeps the watch"));
        let try_ = Currency::from_code("TRY").unwrap();
        assert!(partial(3_000).describe(try_, Amount(269_700)).ends_with("the shop keeps the watch"));
        assert!(Decision::ShipBack.describe(try_, Amount::ZERO).contains("the watch goes back to the customer"));
        // The Turkish store replaces faulty watches (no exchange window): an exchange is offered.
        // It names no partial refund, so the preset has none.
        let turkish: Vec<_> = DecisionKind::offered(&PresetId::TurkishStore.policy()).iter().map(|k| k.key()).collect();
        assert_eq!(turkish, ["approve", "ship_back", "exchange"]);
        let lx: Vec<_> = DecisionKind::offered(&Policy::default()).iter().map(|k| k.key()).collect();
        assert_eq!(lx, ["approve", "partial_refund", "ship_back"]);
    }

    #[test]
    fn an_in_store_request_is_taken_in_at_the_counter_with_no_parcel_and_no_code_to_wait_out() {
        let p = PresetId::TurkishStore.policy();
        let key = crate::returns::RmaKey::from_bytes([3; crate::returns::RmaKey::LEN]);
        let code = RmaCode::from_sequence(1, &key).unwrap();
        let r = request(RequestChannel::InStore, ReturnReason::Defective);
        let mut case = ReturnCase::new(Some(crate::customer::CustomerId(1)), ReturnState::Requested, Some(r));
        assert!(case.actions().take_in && case.actions().authorize);
        // Tuesday 3 November 2026: inspected within 2 business days, by Thursday.
        case.take_in_at_counter(code, None, "Elif Kaya".into(), &p, date(2026, 11, 3)).unwrap();
        assert_eq!(case.state, ReturnState::Received);
        assert!(case.taken_in_at_counter && !case.state.awaits_package());
        let rma = case.rma.as_ref().unwrap();
        assert_eq!((rma.validity.issued_on, rma.validity.valid_through), (date(2026, 11, 3), date(2026, 11, 3)));
        assert_eq!(case.next_deadline(), Some(date(2026, 11, 5)));
        assert_eq!(case.arrival_words(crate::DateStyle::Iso).unwrap(), "Handed over at the counter with the request");
        assert_eq!(case.receipt.as_ref().unwrap().package.sender, "Elif Kaya");
        assert_eq!(case.state.step(), crate::returns::Step::Inspect, "the page goes to the inspection");
        for kind in crate::papers::ReturnFormKind::ALL {
            assert!(kind.applies(&case).is_err(), "{kind:?}: no parcel forms, and nothing is decided yet");
        }
        // Taken in once; a request by email is not taken in at all.
        assert_eq!(
            case.take_in_at_counter(code, None, String::new(), &p, date(2026, 11, 3)).unwrap_err().code(),
            Code::NotInStore
        );
        let mut by_email = ReturnCase::new(
            None,
            ReturnState::Requested,
            Some(request(RequestChannel::Email, ReturnReason::Defective)),
        );
        assert!(!by_email.actions().take_in);
        let err = by_email.take_in_at_counter(code, None, String::new(), &p, date(2026, 11, 3)).unwrap_err();
        assert_eq!(err.code(), Code::NotInStore);
        assert_eq!(by_email.state, ReturnState::Requested, "a refusal changes nothing");
    }

    #[test]
    fn a_replacement_is_handed_over_at_the_counter_without_a_tracking_number() {
        let p = PresetId::TurkishStore.policy();
        let r = request(RequestChannel::InStore, ReturnReason::Defective);
        let mut case = ReturnCase::new(Some(crate::customer::CustomerId(1)), ReturnState::Received, Some(r.clone()));
        let free = Decision::Exchange.settle(&p, &r, false).unwrap();
        assert_eq!(free.total, Amount::ZERO, "a replacement for a fault costs nothing");
        case.decide(inspection(WearGrade::AsNew), Some(true), Decision::Exchange, free, &p, date(2026, 11, 4)).unwrap();
        assert_eq!(case.next_deadline(), Some(date(2026, 11, 24)), "14 business days from Wednesday the 4th");
        assert!(case.actions().hand_over);
        let next = case.hand_over(Currency::from_code("TRY").unwrap(), date(2026, 11, 6)).unwrap();
        assert_eq!(next, ReturnState::Exchanged);
        let out = case.outbound.as_ref().unwrap();
        assert!(out.at_counter && out.tracking.is_empty());
        assert_eq!(
            case.outbound_words(crate::DateStyle::Words).unwrap(),
            "Replacement handed over at the counter on 6 November 2026."
        );
    }

    #[test]
    fn the_pairing_check_is_asked_only_where_the_policy_excludes_paired_watches() {
        let turkish = PresetId::TurkishStore.policy();
        let keys = |p: &Policy| Checklist::items(p).iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&turkish).last(), Some(&"not_paired"));
        assert!(!keys(&Policy::default()).contains(&"not_paired"));
        let form: InspectionForm = serde_json::from_value(serde_json::json!({
            "checklist": { "rma_matches": true, "not_paired": false, "made_up": true },
            "wear": "light",
        }))
        .unwrap();
        let (inspection, not_paired) = form.parse(&turkish);
        assert!(inspection.checklist.rma_matches && !inspection.checklist.films_intact);
        assert_eq!(not_paired, Some(false));
        assert_eq!(form.parse(&Policy::default()).1, None, "not asked, not kept");

        let r = request(RequestChannel::InStore, ReturnReason::ChangeOfMind);
        let mut case = ReturnCase::new(None, ReturnState::Received, Some(r.clone()));
        let back = Decision::ShipBack.settle(&turkish, &r, false).unwrap();
        case.decide(inspection, not_paired, Decision::ShipBack, back, &turkish, date(2026, 11, 4)).unwrap();
        let checks = case.inspection_checks();
        assert_eq!(checks.len(), 7);
        assert_eq!(checks[6], ("not_paired", "Not paired, no data transferred", false));
    }
}
