//! A return case as kept: the request, the RMA, the package, the inspection, the decision,
//! the refund and what was sent back, each filled in as the case moves on.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::decision::{Decision, Inspection, RefundRecord, Settlement};
use super::exchange::ExchangeFee;
use super::request::ReturnRequest;
use super::{Arrival, ReturnState, RmaCode, RmaValidity};
use crate::customer::CustomerId;
use crate::error::Problems;
use crate::Code;
use crate::{text, DomainError};

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

/// The item (or its replacement) sent to the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbound {
    pub tracking: String,
    pub sent_on: Date,
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
    pub fn currency(&self, shop: crate::Currency) -> crate::Currency {
        self.request.as_ref().map_or(shop, |r| r.currency)
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

/// A short reason staff give for an exception, a decline or a cancellation.
pub fn reason(field: &str, typed: &str) -> Result<String, DomainError> {
    let r = text::single_line(field, typed, 300)?;
    if r.chars().count() < 5 {
        return Err(DomainError::invalid(field, "Give the reason in a few words."));
    }
    Ok(r)
}
