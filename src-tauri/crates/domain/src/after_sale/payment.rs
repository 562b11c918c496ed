//! Payments taken and refunds of overpayments. Entries are never edited: a mistake is put
//! right with a refund entry, so the record of what was taken stays whole.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::staff::StaffId;
use crate::ticket::TicketState;
use crate::Code;
use crate::{text, Amount, Currency, DomainError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Card,
    #[serde(rename = "paypal")]
    PayPal,
    BankTransfer,
    Cash,
    Instalments,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 5] = [
        PaymentMethod::Card,
        PaymentMethod::PayPal,
        PaymentMethod::BankTransfer,
        PaymentMethod::Cash,
        PaymentMethod::Instalments,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::Card => "Card",
            PaymentMethod::PayPal => "PayPal",
            PaymentMethod::BankTransfer => "Bank transfer",
            PaymentMethod::Cash => "Cash",
            PaymentMethod::Instalments => "Instalments",
        }
    }

    /// Cash needs no reference; every other method leaves a slip, transaction or transfer id.
    fn needs_reference(self) -> bool {
        self != PaymentMethod::Cash
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Payment,
    Refund,
}

impl EntryKind {
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Payment => "Payment",
            EntryKind::Refund => "Refund of overpayment",
        }
    }
}

/// A payment or refund as staff record it, before it is dated and stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentEntry {
    pub kind: EntryKind,
    pub amount: Amount,
    pub method: PaymentMethod,
    pub reference: String,
}

/// What the payment form sends: the amount as typed, parsed with the shop's currency.
#[derive(Clone, Debug, Deserialize)]
pub struct PaymentForm {
    pub kind: EntryKind,
    pub amount: String,
    pub method: PaymentMethod,
    #[serde(default)]
    pub reference: String,
}

/// The largest single entry: ten million in major units.
pub const MAX_ENTRY: Amount = Amount(1_000_000_000);

impl PaymentForm {
    pub fn parse(&self, currency: Currency) -> Result<PaymentEntry, DomainError> {
        let amount = currency.parse(&self.amount).map_err(|m| DomainError::invalid("amount", m))?;
        Ok(PaymentEntry { kind: self.kind, amount, method: self.method, reference: self.reference.clone() })
    }
}

impl PaymentEntry {
    /// Checks the entry against the balance before it: a refund returns only money paid
    /// beyond what is owed (`balance` below zero).
    pub fn validated(&self, balance: Amount, currency: Currency) -> Result<PaymentEntry, DomainError> {
        let mut problems = Problems::default();
        if self.amount.0 <= 0 {
            problems.add("amount", "Enter an amount above zero.");
        } else if self.amount > MAX_ENTRY {
            problems.add("amount", "An entry can be at most 10,000,000.");
        }
        let reference = text::single_line("reference", &self.reference, 100);
        match &reference {
            Ok(r) if r.is_empty() && self.method.needs_reference() => problems.add(
                "reference",
                format!("Record the {} reference (slip, transaction or transfer id).", self.method.label()),
            ),
            Err(e) => problems.merge(e.clone()),
            Ok(_) => {}
        }
        problems.into_result()?;
        if self.kind == EntryKind::Refund {
            let credit = Amount((-balance.0).max(0));
            if self.amount > credit {
                let message = if credit.0 == 0 {
                    "Nothing was paid beyond what is owed, so there is nothing to refund.".to_string()
                } else {
                    format!(
                        "Only the overpayment of {} can be refunded; {} is more.",
                        currency.format(credit),
                        currency.format(self.amount)
                    )
                };
                return Err(DomainError::refused(Code::RefundExceedsCredit, message));
            }
        }
        Ok(PaymentEntry { reference: reference.unwrap_or_default(), ..self.clone() })
    }
}

/// A recorded payment or refund.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: i64,
    pub entry: PaymentEntry,
    pub paid_on: Date,
    pub staff: StaffId,
}

impl Payment {
    /// The entry's effect on the balance: a payment lowers it, a refund raises it.
    pub fn signed(&self) -> i64 {
        match self.entry.kind {
            EntryKind::Payment => -self.entry.amount.0,
            EntryKind::Refund => self.entry.amount.0,
        }
    }
}

/// Payments (deposits included) are taken while the ticket is open; a refund of what was
/// paid beyond what is owed can be made at any time, e.g. a deposit on a cancelled ticket.
pub fn check_accepted(state: TicketState, kind: EntryKind) -> Result<(), DomainError> {
    if kind == EntryKind::Payment && state.is_closed() {
        return Err(DomainError::refused(
            Code::TicketClosed,
            format!("This ticket is {}: no more payments can be taken on it.", state.label().to_lowercase()),
        ));
    }
    Ok(())
}
