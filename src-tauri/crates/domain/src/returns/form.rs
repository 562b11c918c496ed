//! What staff type into the return page's forms, parsed into domain values: amounts are
//! typed in the order's currency (which may differ from the shop's), an empty date is today.

use jiff::civil::Date;
use serde::Deserialize;

use super::{BankAccounts, Decision, ExchangeFee, RefundMethod, RefundRecord};
use crate::after_sale::PaymentMethod;
use crate::error::Problems;
use crate::{Amount, Currency, DomainError, Percent};

fn amount(currency: Currency, field: &str, typed: &str) -> Result<Amount, DomainError> {
    currency.parse(typed).map_err(|m| DomainError::invalid(field, m))
}

/// A decision as the inspection form sends it. Empty optional amounts are zero.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum DecisionForm {
    Approve {
        method: RefundMethod,
        #[serde(default)]
        return_customs: String,
        #[serde(default)]
        postage_reimbursed: String,
    },
    ShipBack,
    PartialRefund {
        percent: String,
        method: RefundMethod,
    },
    Exchange,
}

impl DecisionForm {
    pub fn parse(&self, currency: Currency) -> Result<Decision, DomainError> {
        let optional = |field: &str, typed: &str| {
            if typed.trim().is_empty() {
                Ok(Amount::ZERO)
            } else {
                amount(currency, field, typed)
            }
        };
        Ok(match self {
            DecisionForm::Approve { method, return_customs, postage_reimbursed } => Decision::Approve {
                method: *method,
                return_customs: optional("return_customs", return_customs)?,
                postage_reimbursed: optional("postage_reimbursed", postage_reimbursed)?,
            },
            DecisionForm::ShipBack => Decision::ShipBack,
            DecisionForm::PartialRefund { percent, method } => Decision::PartialRefund {
                percent: Percent::parse(percent).map_err(|m| DomainError::invalid("percent", m))?,
                method: *method,
            },
            DecisionForm::Exchange => Decision::Exchange,
        })
    }
}

/// What the refund form sends: the amount as typed in the order's currency, the date
/// (today when left empty).
#[derive(Clone, Debug, Deserialize)]
pub struct RefundForm {
    pub method: RefundMethod,
    pub amount: String,
    pub refunded_on: Option<Date>,
    #[serde(default)]
    pub reference: String,
    /// For a refund by bank transfer: the customer's IBAN, or bank and account number.
    #[serde(default)]
    pub account: String,
}

impl RefundForm {
    /// The refund as recorded; one by bank transfer needs the account it went to, written
    /// the way the shop's customers give one (`accounts`).
    pub fn parse(&self, currency: Currency, today: Date, accounts: BankAccounts) -> Result<RefundRecord, DomainError> {
        let mut problems = Problems::default();
        let amount = amount(currency, "amount", &self.amount).unwrap_or_else(|e| {
            problems.merge(e);
            Amount::ZERO
        });
        let account = if self.method.needs_account() {
            accounts.parse_account("account", &self.account).unwrap_or_else(|e| {
                problems.merge(e);
                String::new()
            })
        } else {
            String::new()
        };
        problems.into_result()?;
        Ok(RefundRecord {
            method: self.method,
            amount,
            refunded_on: self.refunded_on.unwrap_or(today),
            reference: self.reference.clone(),
            account,
        })
    }
}

/// What the fee form sends: the amount as typed in the order's currency, the date (today
/// when left empty).
#[derive(Clone, Debug, Deserialize)]
pub struct ExchangeFeeForm {
    pub method: PaymentMethod,
    pub amount: String,
    pub paid_on: Option<Date>,
    #[serde(default)]
    pub reference: String,
}

impl ExchangeFeeForm {
    pub fn parse(&self, currency: Currency, today: Date) -> Result<ExchangeFee, DomainError> {
        Ok(ExchangeFee {
            method: self.method,
            amount: amount(currency, "amount", &self.amount)?,
            paid_on: self.paid_on.unwrap_or(today),
            reference: self.reference.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hkd() -> Currency {
        Currency::from_code("HKD").unwrap()
    }

    #[test]
    fn an_approval_reads_empty_deductions_as_zero_and_names_a_bad_one() {
        let form = |customs: &str| DecisionForm::Approve {
            method: RefundMethod::PayPal,
            return_customs: customs.into(),
            postage_reimbursed: String::new(),
        };
        let Decision::Approve { return_customs, postage_reimbursed, .. } = form(" ").parse(hkd()).unwrap() else {
            panic!("an approval")
        };
        assert_eq!((return_customs, postage_reimbursed), (Amount::ZERO, Amount::ZERO));
        let Decision::Approve { return_customs, .. } = form("85.50").parse(hkd()).unwrap() else { panic!() };
        assert_eq!(return_customs, Amount(8_550));
        assert_eq!(form("lots").parse(hkd()).unwrap_err().fields()[0].field, "return_customs");
    }

    #[test]
    fn a_partial_refund_names_a_bad_percentage() {
        let form = |p: &str| DecisionForm::PartialRefund { percent: p.into(), method: RefundMethod::OriginalCard };
        assert_eq!(
            form("30%").parse(hkd()).unwrap(),
            Decision::PartialRefund { percent: Percent(3_000), method: RefundMethod::OriginalCard }
        );
        assert_eq!(form("thirty").parse(hkd()).unwrap_err().fields()[0].field, "percent");
    }

    #[test]
    fn a_refund_is_dated_today_unless_told_and_its_amount_is_in_the_orders_currency() {
        let form = |amount: &str, on| RefundForm {
            method: RefundMethod::BankTransfer,
            amount: amount.into(),
            refunded_on: on,
            reference: "TRX 19".into(),
            account: "HSBC 004-123-456789-001".into(),
        };
        let today = jiff::civil::date(2026, 11, 22);
        let hk = BankAccounts::AccountNumber;
        let r = form("300", None).parse(hkd(), today, hk).unwrap();
        assert_eq!((r.amount, r.refunded_on), (Amount(30_000), today));
        assert_eq!(r.account, "HSBC 004-123-456789-001");
        let r = form("300", Some(jiff::civil::date(2026, 11, 20))).parse(hkd(), today, hk).unwrap();
        assert_eq!(r.refunded_on, jiff::civil::date(2026, 11, 20));
        assert_eq!(form("-", None).parse(hkd(), today, hk).unwrap_err().fields()[0].field, "amount");
    }

    #[test]
    fn a_refund_by_bank_transfer_asks_for_the_customers_account_and_the_others_do_not() {
        let lira = Currency::from_code("TRY").unwrap().with_style(crate::NumberStyle::CommaDecimals);
        let today = jiff::civil::date(2026, 12, 22);
        let form = |method, account: &str| RefundForm {
            method,
            amount: "8.499,00".into(),
            refunded_on: None,
            reference: "EFT 2231".into(),
            account: account.into(),
        };
        let missing = form(RefundMethod::BankTransfer, "").parse(lira, today, BankAccounts::Iban).unwrap_err();
        assert_eq!(missing.fields()[0].field, "account");
        assert!(missing.fields()[0].message.contains("IBAN"), "{missing}");
        let sent = form(RefundMethod::BankTransfer, "TR330006100519786457841326");
        assert_eq!(sent.parse(lira, today, BankAccounts::Iban).unwrap().account, "TR33 0006 1005 1978 6457 8413 26");
        // Back to the card: no account asked, and none kept if one was typed.
        let card = form(RefundMethod::OriginalCard, "TR33").parse(lira, today, BankAccounts::Iban).unwrap();
        assert_eq!(card.account, "");
    }

    #[test]
    fn the_fee_form_reads_the_amount_in_the_orders_currency_and_defaults_to_today() {
        let form = |amount: &str, paid_on| ExchangeFeeForm {
            method: PaymentMethod::Card,
            amount: amount.into(),
            paid_on,
            reference: "VISA 4417".into(),
        };
        let fee = form("1,040", None).parse(hkd(), jiff::civil::date(2026, 11, 22)).unwrap();
        assert_eq!((fee.amount, fee.paid_on), (Amount(104_000), jiff::civil::date(2026, 11, 22)));
        let fee = form("1040.5", Some(jiff::civil::date(2026, 11, 20)))
            .parse(hkd(), jiff::civil::date(2026, 11, 22))
            .unwrap();
        assert_eq!((fee.amount, fee.paid_on), (Amount(104_050), jiff::civil::date(2026, 11, 20)));
        let err = form("ten", None).parse(hkd(), jiff::civil::date(2026, 11, 22)).unwrap_err();
        assert_eq!(err.fields()[0].field, "amount");
    }
}
