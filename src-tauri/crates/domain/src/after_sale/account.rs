//! A ticket's account: what the customer owes and what they paid.
//!
//! Balance = accepted quotation (repair section, plus the cosmetic section when that was
//! confirmed too; inspection-fee lines are part of it) + storage fee so far + shipping fee
//! and insurance when shipping was chosen - payments + refunds. Positive is owed by the
//! customer; negative is a credit (an overpayment or a deposit ahead of the quotation).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{CollectionNotice, Payment, Shipping, ShippingCosts};
use crate::quotation::Quotation;
use crate::Code;
use crate::{Amount, Currency, DomainError, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChargeKind {
    Repair,
    Cosmetic,
    Storage,
    Shipping,
    Insurance,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charge {
    pub kind: ChargeKind,
    pub label: String,
    pub amount: Amount,
}

/// What the account is computed from.
pub struct AccountFacts<'a> {
    /// The accepted quotation and whether its cosmetic section was confirmed too.
    pub accepted: Option<(&'a Quotation, bool)>,
    /// The repair was done under warranty: the shop carries standard shipping.
    pub covered: bool,
    pub notice: Option<&'a CollectionNotice>,
    pub shipping: Option<&'a Shipping>,
    pub payments: &'a [Payment],
    /// The day the storage fee is counted to: today, or the day the watch left.
    pub as_of: Date,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub charges: Vec<Charge>,
    pub total_charges: Amount,
    pub paid: Amount,
    pub refunded: Amount,
    /// Owed by the customer when above zero; a credit to refund when below.
    pub balance: Amount,
    pub storage_days: i64,
    pub shipping: Option<ShippingCosts>,
}

/// What the accepted quotation charges: its repair section, plus the cosmetic section when
/// the customer confirmed that too. The base of the shipping insurance.
pub fn repair_charges(accepted: Option<(&Quotation, bool)>) -> Amount {
    accepted.map_or(Amount::ZERO, |(q, cosmetic)| {
        Amount(q.repair.total.0.saturating_add(if cosmetic { q.cosmetic.total.0 } else { 0 }))
    })
}

impl Account {
    pub fn of(policy: &Policy, facts: &AccountFacts) -> Account {
        let mut charges = Vec::new();
        let mut charge = |kind, label: String, amount: Amount| charges.push(Charge { kind, label, amount });
        let repair_charges = repair_charges(facts.accepted);
        if let Some((q, cosmetic_accepted)) = facts.accepted {
            charge(ChargeKind::Repair, format!("Repair, quotation {}", q.number), q.repair.total);
            if cosmetic_accepted && q.cosmetic.total.0 > 0 {
                charge(ChargeKind::Cosmetic, format!("Cosmetic work, quotation {}", q.number), q.cosmetic.total);
            }
        }
        let storage_days = facts.notice.map_or(0, |n| n.storage_days(facts.as_of));
        if let Some(n) = facts.notice.filter(|n| n.charges_storage() && storage_days > 0) {
            let days = if storage_days == 1 { "1 day".to_string() } else { format!("{storage_days} days") };
            charge(ChargeKind::Storage, format!("Storage from {}, {days}", n.fees_from), n.storage_fee(facts.as_of));
        }
        let shipping = facts.shipping.map(|s| {
            let costs = s.costs(policy, repair_charges, facts.covered);
            let who = if costs.shop_pays { " (warranty repair: paid by the shop)" } else { "" };
            charge(ChargeKind::Shipping, format!("Shipping, {}{who}", s.courier_label()), costs.fee_charged);
            if s.insured {
                let label = if costs.shop_pays { "Shipping insurance" } else { "Shipping insurance (non-refundable)" };
                charge(ChargeKind::Insurance, format!("{label}{who}"), costs.insurance);
            }
            costs
        });
        let sum = |kind| -> Amount {
            Amount(facts.payments.iter().filter(|p| p.entry.kind == kind).map(|p| p.entry.amount.0).sum())
        };
        let (paid, refunded) = (sum(super::EntryKind::Payment), sum(super::EntryKind::Refund));
        let total_charges = Amount(charges.iter().map(|c| c.amount.0).sum());
        let balance = Amount(total_charges.0 - paid.0 + refunded.0);
        Account { charges, total_charges, paid, refunded, balance, storage_days, shipping }
    }

    /// Nothing owed and nothing to give back.
    pub fn is_settled(&self) -> bool {
        self.balance.0 == 0
    }

    /// The watch leaves only with a zero balance: owed money is taken first, an overpayment
    /// refunded first.
    pub fn check_release(&self, currency: Currency) -> Result<(), DomainError> {
        match self.balance.0 {
            0 => Ok(()),
            b if b > 0 => Err(DomainError::refused(
                Code::BalanceDue,
                format!("{} is still owed. Take the payment before the watch leaves.", currency.format(self.balance)),
            )),
            _ => Err(DomainError::refused(
                Code::CreditToRefund,
                format!(
                    "The customer paid {} more than owed. Refund it before the watch leaves.",
                    currency.format(Amount(-self.balance.0))
                ),
            )),
        }
    }
}
