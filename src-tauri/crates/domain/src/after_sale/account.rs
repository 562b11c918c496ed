//! A ticket's account: what the customer owes and what they paid.
//!
//! Balance = accepted quotation (repair section, plus the cosmetic section when that was
//! confirmed too; inspection-fee lines are part of it) + storage fee so far + shipping fee
//! and insurance when shipping was chosen - payments + refunds. Positive is owed by the
//! customer; negative is a credit (an overpayment or a deposit ahead of the quotation).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{CollectionNotice, Payment, Shipping, ShippingCosts};
use crate::assessment::WrittenAnswer;
use crate::quotation::Quotation;
use crate::ticket::TicketState;
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

/// The revision the account charges, given every revision oldest first with its written
/// answer (`Some((accepted, answer))`): the last one the customer accepted, and whether its
/// cosmetic section was confirmed too. A refused or unanswered revision charges nothing.
pub fn accepted_revision<'a>(
    revisions: impl IntoIterator<Item = (&'a Quotation, Option<(bool, &'a WrittenAnswer)>)>,
) -> Option<(&'a Quotation, bool)> {
    revisions
        .into_iter()
        .filter_map(|(q, answer)| match answer {
            Some((true, a)) => Some((q, a.cosmetic_accepted)),
            _ => None,
        })
        .last()
}

/// Whether a ticket in `state` is charged its accepted quotation: not once the customer
/// withdrew before the work started (the ticket cancelled), as nothing was done.
pub fn charges_repair(state: crate::ticket::TicketState) -> bool {
    state != crate::ticket::TicketState::Cancelled
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

    /// A plain move by staff from `from` that closes the ticket (the watch going back
    /// unrepaired, the ticket cancelled) leaves no deposit or debt behind: refused unless
    /// this account (as the move leaves it) is settled. One credit is let through: a repair
    /// withdrawn after its acceptance charges nothing once cancelled, and while accepted its
    /// deposit could not be refunded, so it is refunded after the move (a closed ticket still
    /// takes that refund). Moves that keep the ticket open need nothing of it.
    pub fn check_plain_move(
        &self,
        from: TicketState,
        next: TicketState,
        currency: Currency,
    ) -> Result<(), DomainError> {
        match next {
            TicketState::Cancelled if from == TicketState::Approved && self.balance.0 < 0 => Ok(()),
            _ if next.is_closed() => self.check_release(currency),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::assessment::WrittenAnswer;
    use crate::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
    use crate::ticket::TicketNumber;
    use crate::{Percent, Policy};

    fn revision(n: u32) -> Quotation {
        let line = QuoteLine {
            kind: LineKind::Labour,
            section: Section::Repair,
            description: "Service".into(),
            quantity: Quantity(100),
            unit_price: Amount(10_000 * i64::from(n)),
            taxable: false,
            part: None,
        };
        QuotationDraft { lines: vec![line], timeline_working_days: 3, parts_returned: false }
            .issue(
                TicketNumber { branch: None, year: 2026, seq: 7 },
                n,
                &Policy::default(),
                Percent(0),
                date(2026, 11, 2),
            )
            .unwrap()
    }

    fn answer(cosmetic_accepted: bool) -> WrittenAnswer {
        WrittenAnswer {
            channel: ConfirmationChannel::EmailReply,
            reference: "Re: quotation".into(),
            scan: None,
            cosmetic_accepted,
        }
    }

    #[test]
    fn the_account_charges_the_last_accepted_revision_not_a_later_refused_one() {
        let (first, second, third) = (revision(1), revision(2), revision(3));
        let (yes, no) = (answer(true), answer(false));
        let revisions = [(&first, Some((true, &yes))), (&second, Some((true, &no))), (&third, Some((false, &no)))];
        let (charged, cosmetic) = accepted_revision(revisions).expect("an accepted revision");
        assert_eq!(charged.number.revision, 2, "the last accepted, though a later one was refused");
        assert!(!cosmetic, "its own answer says whether the cosmetic section counts");
        let unanswered = [(&first, Some((false, &yes))), (&second, None)];
        assert!(accepted_revision(unanswered).is_none(), "refused and unanswered revisions charge nothing");
    }

    #[test]
    fn a_plain_move_closes_a_ticket_only_with_the_account_settled() {
        let hkd = Currency::from_code("HKD").unwrap();
        let owing = |cents| Account { balance: Amount(cents), ..Account::default() };
        assert!(owing(0).check_plain_move(TicketState::Received, TicketState::Cancelled, hkd).is_ok());
        let err = owing(1).check_plain_move(TicketState::ReturnDue, TicketState::ReturnedUnrepaired, hkd).unwrap_err();
        assert_eq!(err.code(), Code::BalanceDue, "one cent owed is owed");
        let err = owing(-1).check_plain_move(TicketState::ReturnDue, TicketState::ReturnedUnrepaired, hkd).unwrap_err();
        assert_eq!(err.code(), Code::CreditToRefund, "one cent of deposit is refunded first");
        assert!(
            owing(-20_000).check_plain_move(TicketState::Approved, TicketState::Cancelled, hkd).is_ok(),
            "a withdrawn repair's deposit is refunded after"
        );
        assert_eq!(
            owing(1).check_plain_move(TicketState::Approved, TicketState::Cancelled, hkd).unwrap_err().code(),
            Code::BalanceDue
        );
        let before_acceptance = owing(-1).check_plain_move(TicketState::Received, TicketState::Cancelled, hkd);
        assert_eq!(before_acceptance.unwrap_err().code(), Code::CreditToRefund, "refunded first: nothing stops it");
        assert!(
            owing(5_000).check_plain_move(TicketState::Approved, TicketState::InRepair, hkd).is_ok(),
            "an open ticket may owe"
        );
    }
}
