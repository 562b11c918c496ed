//! An exchange by choice costs the customer the policy's exchange fee (SOFTERSPOT: 50% of
//! the price). The fee is recorded as paid, like a repair payment, and the replacement goes
//! out only once it is.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ReturnCase, ReturnState};
use crate::after_sale::PaymentMethod;
use crate::error::Problems;
use crate::Code;
use crate::{text, Amount, Currency, DomainError};

/// The exchange fee as the customer paid it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeFee {
    pub method: PaymentMethod,
    pub amount: Amount,
    pub paid_on: Date,
    pub reference: String,
}

impl ReturnCase {
    /// The exchange fee still to take before the replacement goes out, if any.
    pub fn fee_owed(&self) -> Option<Amount> {
        let decided = self.decision.as_ref()?;
        let owed = self.state == ReturnState::ExchangeDue && self.fee_paid.is_none() && decided.settlement.total.0 > 0;
        owed.then_some(decided.settlement.total)
    }

    /// Records the fee: it must be owed, and paid in full on or before `today`.
    pub fn record_fee(&mut self, fee: &ExchangeFee, currency: Currency, today: Date) -> Result<(), DomainError> {
        let Some(owed) = self.fee_owed() else {
            return Err(DomainError::refused(
                Code::NoFeeOwed,
                match (&self.fee_paid, self.state) {
                    (Some(_), _) => "The exchange fee is already recorded as paid.",
                    (None, ReturnState::ExchangeDue) => "This replacement is for a fault: there is no fee to pay.",
                    _ => "Only a decided exchange has a fee to pay.",
                },
            ));
        };
        let mut problems = Problems::default();
        let reference = text::single_line("reference", &fee.reference, 100).unwrap_or_else(|e| {
            problems.merge(e);
            String::new()
        });
        if reference.is_empty() && fee.method != PaymentMethod::Cash && problems.is_empty() {
            problems.add("reference", format!("Record the {} reference.", fee.method.label()));
        }
        if fee.paid_on > today {
            problems.add("paid_on", "The payment date cannot be in the future.");
        }
        problems.into_result()?;
        if fee.amount != owed {
            return Err(DomainError::refused(
                Code::FeeDiffers,
                format!(
                    "The exchange fee is {}; {} was entered. Take the whole fee.",
                    currency.format(owed),
                    currency.format(fee.amount)
                ),
            ));
        }
        self.fee_paid = Some(ExchangeFee { reference, ..fee.clone() });
        Ok(())
    }

    /// The item goes back to the customer (held once the hold is over, or denied), or the
    /// replacement goes out once its fee is paid; returns the action it was.
    pub fn ship_out(&mut self, tracking: String, currency: Currency, today: Date) -> Result<ReturnState, DomainError> {
        self.go_out(super::Outbound { tracking, sent_on: today, at_counter: false }, currency, today)
    }

    /// The customer takes the watch back, or its replacement, at the counter: no parcel and
    /// no tracking number. Only for a customer on file; returns the action it was.
    pub fn hand_over(&mut self, currency: Currency, today: Date) -> Result<ReturnState, DomainError> {
        if self.request.is_none() {
            return Err(DomainError::refused(
                Code::NoReturnOnFile,
                "Nobody on file asked to return this package: it goes back by post to its sender.",
            ));
        }
        self.go_out(super::Outbound { tracking: String::new(), sent_on: today, at_counter: true }, currency, today)
    }

    fn go_out(
        &mut self,
        outbound: super::Outbound,
        currency: Currency,
        today: Date,
    ) -> Result<ReturnState, DomainError> {
        self.check_hold_over(today)?;
        self.check_can_ship_out(currency)?;
        let next = if self.state == ReturnState::ExchangeDue { ReturnState::Exchanged } else { ReturnState::SentBack };
        self.state = self.state.move_to(next)?;
        self.outbound = Some(outbound);
        Ok(next)
    }

    /// What went out, in a sentence: "Replacement sent on 2026-11-20, tracking 1Z99…" or
    /// "Handed back to the customer at the counter on 2026-11-20".
    pub fn outbound_words(&self, style: crate::calendar::DateStyle) -> Option<String> {
        let o = self.outbound.as_ref()?;
        let replacement = self.state == ReturnState::Exchanged;
        let on = style.format(o.sent_on);
        Some(match (replacement, o.at_counter) {
            (true, true) => format!("Replacement handed over at the counter on {on}."),
            (false, true) => format!("Handed back to the customer at the counter on {on}."),
            (true, false) => format!("Replacement sent on {on}, tracking {}.", o.tracking),
            (false, false) => format!("Sent back to the customer on {on}, tracking {}.", o.tracking),
        })
    }

    /// The replacement goes out only once its fee is paid.
    pub fn check_can_ship_out(&self, currency: Currency) -> Result<(), DomainError> {
        match self.fee_owed() {
            Some(owed) => Err(DomainError::refused(
                Code::ExchangeFeeUnpaid,
                format!(
                    "The exchange fee of {} is not paid yet. Take it before the replacement goes out.",
                    currency.format(owed)
                ),
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::returns::{Decision, DecisionRecord, Settlement};

    const HKD: fn() -> Currency = || Currency::from_code("HKD").unwrap();

    fn exchange(total: i64) -> ReturnCase {
        let mut case = ReturnCase::new(None, ReturnState::ExchangeDue, None);
        case.decision = Some(DecisionRecord {
            decision: Decision::Exchange,
            settlement: Settlement { lines: vec![], total: Amount(total), method: None, notes: vec![] },
            decided_on: date(2026, 11, 20),
            due: None,
        });
        case
    }

    fn fee(amount: i64, method: PaymentMethod, reference: &str) -> ExchangeFee {
        ExchangeFee { method, amount: Amount(amount), paid_on: date(2026, 11, 21), reference: reference.into() }
    }

    #[test]
    fn the_replacement_waits_for_the_whole_fee() {
        let mut case = exchange(64_500);
        assert_eq!(case.fee_owed(), Some(Amount(64_500)));
        assert_eq!(case.check_can_ship_out(HKD()).unwrap_err().code(), Code::ExchangeFeeUnpaid);
        let short = case.record_fee(&fee(60_000, PaymentMethod::Card, "VISA 4242"), HKD(), date(2026, 11, 21));
        assert_eq!(short.unwrap_err().code(), Code::FeeDiffers);
        case.record_fee(&fee(64_500, PaymentMethod::Card, " VISA 4242 "), HKD(), date(2026, 11, 21)).unwrap();
        assert_eq!(case.fee_paid.as_ref().unwrap().reference, "VISA 4242");
        assert_eq!(case.fee_owed(), None);
        assert!(case.check_can_ship_out(HKD()).is_ok());
        let again = case.record_fee(&fee(64_500, PaymentMethod::Cash, ""), HKD(), date(2026, 11, 21));
        assert_eq!(again.unwrap_err().code(), Code::NoFeeOwed);
    }

    #[test]
    fn a_fee_needs_a_reference_unless_cash_and_cannot_be_paid_tomorrow() {
        let mut case = exchange(10_000);
        let err = case.record_fee(&fee(10_000, PaymentMethod::PayPal, ""), HKD(), date(2026, 11, 21)).unwrap_err();
        assert_eq!(err.fields()[0].field, "reference");
        let err = case.record_fee(&fee(10_000, PaymentMethod::Cash, ""), HKD(), date(2026, 11, 20)).unwrap_err();
        assert_eq!(err.fields()[0].field, "paid_on");
        assert!(case.fee_paid.is_none(), "a refused fee writes nothing");
        case.record_fee(&fee(10_000, PaymentMethod::Cash, ""), HKD(), date(2026, 11, 21)).unwrap();
    }

    #[test]
    fn a_replacement_for_a_fault_and_other_states_owe_nothing() {
        let mut free = exchange(0);
        assert_eq!(free.fee_owed(), None);
        assert!(free.check_can_ship_out(HKD()).is_ok());
        let err = free.record_fee(&fee(0, PaymentMethod::Cash, ""), HKD(), date(2026, 11, 21)).unwrap_err();
        assert!(err.to_string().contains("fault"), "{err}");
        let mut refund = exchange(10_000);
        refund.state = ReturnState::RefundDue;
        assert_eq!(refund.fee_owed(), None);
        assert_eq!(
            refund.record_fee(&fee(10_000, PaymentMethod::Cash, ""), HKD(), date(2026, 11, 21)).unwrap_err().code(),
            Code::NoFeeOwed
        );
    }
}
