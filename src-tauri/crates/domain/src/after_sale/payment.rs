//! Payments taken and refunds of overpayments. Entries are never edited or deleted: one
//! recorded by mistake is voided (with a reason, logged), and stays in the record, counted
//! nowhere as money received or paid back. A payment above what is owed is taken only once
//! staff confirm it is meant.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Account;
use crate::error::{FieldError, Problems};
use crate::staff::StaffId;
use crate::ticket::TicketState;
use crate::Code;
use crate::{text, Amount, Currency, DomainError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Card,
    #[serde(rename = "paypal")]
    PayPal,
    BankTransfer,
    Cash,
    /// By card, spread by the bank over a number of monthly instalments (the Turkish store:
    /// "12 Months Installment Option"): the number and the bank are recorded with it.
    Instalments,
    /// Hong Kong's Faster Payment System.
    Fps,
    /// Hong Kong's stored-value card, at the counter's reader.
    Octopus,
    #[serde(rename = "payme")]
    PayMe,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 8] = [
        PaymentMethod::Cash,
        PaymentMethod::Card,
        PaymentMethod::Instalments,
        PaymentMethod::BankTransfer,
        PaymentMethod::PayPal,
        PaymentMethod::Fps,
        PaymentMethod::Octopus,
        PaymentMethod::PayMe,
    ];

    /// What a shop set up before the methods were a setting offers: those there were then.
    pub const BEFORE_SETTING: [PaymentMethod; 5] = [
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
            PaymentMethod::Fps => "FPS",
            PaymentMethod::Octopus => "Octopus",
            PaymentMethod::PayMe => "PayMe",
        }
    }

    /// Its name in settings and on the wire: `card`, `paypal`, `fps`.
    pub fn key(self) -> &'static str {
        match self {
            PaymentMethod::Card => "card",
            PaymentMethod::PayPal => "paypal",
            PaymentMethod::BankTransfer => "bank_transfer",
            PaymentMethod::Cash => "cash",
            PaymentMethod::Instalments => "instalments",
            PaymentMethod::Fps => "fps",
            PaymentMethod::Octopus => "octopus",
            PaymentMethod::PayMe => "payme",
        }
    }

    pub fn from_key(key: &str) -> Option<PaymentMethod> {
        PaymentMethod::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Cash needs no reference; every other method leaves a slip, transaction or transfer id.
    pub fn needs_reference(self) -> bool {
        self != PaymentMethod::Cash
    }

    /// Paid in instalments: the number of them and the bank are asked.
    pub fn needs_plan(self) -> bool {
        self == PaymentMethod::Instalments
    }

    /// Taken at the shop's own counter: cash, a card (in instalments too) or an Octopus
    /// card at the reader. The others (a bank transfer, PayPal, FPS, PayMe) the customer pays
    /// from afar, and shows the confirmation of.
    pub fn taken_at_counter(self) -> bool {
        matches!(self, PaymentMethod::Cash | PaymentMethod::Card | PaymentMethod::Instalments | PaymentMethod::Octopus)
    }

    /// The method after "by", in a sentence: "by card in instalments", "by bank transfer".
    pub fn by(self) -> &'static str {
        match self {
            PaymentMethod::Card => "by card",
            PaymentMethod::PayPal => "by PayPal",
            PaymentMethod::BankTransfer => "by bank transfer",
            PaymentMethod::Cash => "in cash",
            PaymentMethod::Instalments => "by card in instalments",
            PaymentMethod::Fps => "by FPS",
            PaymentMethod::Octopus => "by Octopus",
            PaymentMethod::PayMe => "by PayMe",
        }
    }

    /// Money given back goes one way at once: not in instalments (to a card paid so, it
    /// goes back to the card).
    pub fn refunds(self) -> bool {
        self != PaymentMethod::Instalments
    }
}

/// How a card payment was spread: the number of monthly instalments and the bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentPlan {
    pub count: u8,
    pub bank: String,
}

impl InstalmentPlan {
    /// Banks spread a card payment over 2 to 36 months.
    pub const FEWEST: u8 = 2;
    pub const MOST: u8 = 36;

    /// "12 × via Garanti BBVA".
    pub fn describe(&self) -> String {
        format!("{} × via {}", self.count, self.bank)
    }
}

/// The instalment fields of the payment and return forms, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct InstalmentFields {
    #[serde(default)]
    pub instalment_count: String,
    #[serde(default)]
    pub instalment_bank: String,
}

impl InstalmentFields {
    /// The plan when the money was paid in instalments (`asked`), every problem at its field;
    /// nothing otherwise, whatever the fields hold. Any number banks allow (2 to 36).
    pub fn parse(&self, asked: bool) -> Result<Option<InstalmentPlan>, DomainError> {
        self.parse_within(asked, InstalmentPlan::MOST)
    }

    /// The same, refusing more than the `most` instalments the shop offers
    /// (`Policy::max_instalments`: the Turkish store's 12 months).
    pub fn parse_within(&self, asked: bool, most: u8) -> Result<Option<InstalmentPlan>, DomainError> {
        if !asked {
            return Ok(None);
        }
        let mut problems = Problems::default();
        let fewest = InstalmentPlan::FEWEST;
        let most = most.clamp(fewest, InstalmentPlan::MOST);
        let count = match self.instalment_count.trim().parse::<u8>() {
            Ok(n) if (fewest..=most).contains(&n) => n,
            Ok(n) if n > most && most < InstalmentPlan::MOST => {
                problems.add("instalment_count", format!("This shop offers at most {most} instalments; {n} is more."));
                0
            }
            _ if self.instalment_count.trim().is_empty() => {
                problems.add("instalment_count", format!("Enter the number of instalments ({fewest} to {most})."));
                0
            }
            _ => {
                problems.add(
                    "instalment_count",
                    format!(
                        "\"{}\" is not a number of instalments: banks spread a payment over {fewest} to {most}.",
                        self.instalment_count.trim()
                    ),
                );
                0
            }
        };
        let bank = match text::single_line("instalment_bank", &self.instalment_bank, 80) {
            Ok(b) if b.is_empty() => {
                problems.add("instalment_bank", "Name the bank that spreads the instalments (e.g. Garanti BBVA).");
                b
            }
            Ok(b) => b,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        problems.into_result()?;
        Ok(Some(InstalmentPlan { count, bank }))
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
    #[serde(flatten)]
    pub plan: InstalmentFields,
    /// Staff saw that the amount is above the balance and record it anyway.
    #[serde(default)]
    pub confirm_over_balance: bool,
}

/// A payment or refund to record: the entry, how it was spread when paid in instalments,
/// and whether staff confirmed an amount above what is owed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPayment {
    pub entry: PaymentEntry,
    pub plan: Option<InstalmentPlan>,
    pub confirm_over_balance: bool,
}

impl From<PaymentEntry> for NewPayment {
    /// An entry with no plan, not confirmed above the balance.
    fn from(entry: PaymentEntry) -> NewPayment {
        NewPayment { entry, plan: None, confirm_over_balance: false }
    }
}

/// The largest single entry: ten million in major units.
pub const MAX_ENTRY: Amount = Amount(1_000_000_000);

impl PaymentForm {
    /// The entry as typed: the amount in `currency`, and a plan of at most `most_instalments`
    /// (`Policy::max_instalments`).
    pub fn parse(&self, currency: Currency, most_instalments: u8) -> Result<NewPayment, DomainError> {
        let mut problems = Problems::default();
        let amount = currency.parse(&self.amount).unwrap_or_else(|m| {
            problems.add("amount", m);
            Amount::ZERO
        });
        let asked = self.kind == EntryKind::Payment && self.method.needs_plan();
        let plan = self.plan.parse_within(asked, most_instalments).unwrap_or_else(|e| {
            problems.merge(e);
            None
        });
        problems.into_result()?;
        Ok(NewPayment {
            entry: PaymentEntry { kind: self.kind, amount, method: self.method, reference: self.reference.clone() },
            plan,
            confirm_over_balance: self.confirm_over_balance,
        })
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

impl NewPayment {
    /// Checks the entry against the account before it. A payment above the balance due is
    /// most often a slip of the keyboard (11,905.00 typed for 1,190.50): it is refused at
    /// the amount until staff confirm it, with both amounts spelt out and the confirmation's
    /// words at `confirm_over_balance`. Before anything is charged a payment is a deposit,
    /// held as a credit, and needs no confirmation.
    pub fn validated(&self, account: &Account, currency: Currency) -> Result<NewPayment, DomainError> {
        if self.entry.kind == EntryKind::Refund && !self.entry.method.refunds() {
            return Err(DomainError::invalid(
                "method",
                "A refund is not paid in instalments: refund a card payment to the card (method Card).",
            ));
        }
        let entry = self.entry.validated(account.balance, currency)?;
        if entry.method.needs_plan() != self.plan.is_some() {
            return Err(DomainError::invalid(
                "instalment_count",
                if self.plan.is_some() {
                    "Only a payment in instalments has a number of instalments."
                } else {
                    "Enter the number of instalments (2 to 36)."
                },
            ));
        }
        let due = Amount(account.balance.0.max(0));
        let charged = account.total_charges.0 > 0;
        if entry.kind == EntryKind::Payment && charged && entry.amount > due && !self.confirm_over_balance {
            let (amount, owed) = (currency.format(entry.amount), currency.format(due));
            let message = if due.0 == 0 {
                format!(
                    "Nothing is owed on this ticket, so all of {amount} would be a credit to refund. \
                     Check the amount, or record it anyway."
                )
            } else {
                let over = currency.format(Amount(entry.amount.0 - due.0));
                format!(
                    "{amount} is more than the balance of {owed}: {over} would be a credit to refund. \
                     Check the amount, or record it anyway."
                )
            };
            let confirm = FieldError::new("confirm_over_balance", format!("Record {amount} anyway"));
            return Err(DomainError::refused_at(Code::PaymentAboveBalance, "amount", message, vec![confirm]));
        }
        Ok(NewPayment { entry, ..self.clone() })
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

/// Why an entry recorded by mistake was voided, when and by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentVoid {
    pub reason: String,
    pub voided_on: Date,
    pub staff: StaffId,
}

/// One entry as recorded: the payment or refund, its instalment plan, and its void if it
/// was voided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub payment: Payment,
    pub plan: Option<InstalmentPlan>,
    pub void: Option<PaymentVoid>,
}

impl LedgerEntry {
    /// Counted as money received or paid back: every entry but a voided one.
    pub fn counts(&self) -> bool {
        self.void.is_none()
    }

    /// How it was paid, in words: "Card", "Instalments, 12 × via Garanti BBVA".
    pub fn method_text(&self) -> String {
        let method = self.payment.entry.method.label();
        match &self.plan {
            Some(plan) => format!("{method}, {}", plan.describe()),
            None => method.to_string(),
        }
    }

    /// "Voided: Mistyped, 11,905.00 for 1,190.50".
    pub fn void_text(&self) -> Option<String> {
        self.void.as_ref().map(|v| format!("Voided: {}", v.reason))
    }
}

/// The entries that count as money received or paid back, for the account: voided ones
/// are left out.
pub fn counted(ledger: &[LedgerEntry]) -> Vec<Payment> {
    ledger.iter().filter(|e| e.counts()).map(|e| e.payment.clone()).collect()
}

/// The counted entries as the printed forms show them: the same entries and amounts, a
/// plan written before the reference ("12 × via Garanti BBVA · POS 4471"), so the receipt's
/// line says how the money was spread.
pub fn for_papers(ledger: &[LedgerEntry]) -> Vec<Payment> {
    ledger
        .iter()
        .filter(|e| e.counts())
        .map(|e| {
            let mut p = e.payment.clone();
            if let Some(plan) = &e.plan {
                let reference = p.entry.reference.trim();
                p.entry.reference =
                    if reference.is_empty() { plan.describe() } else { format!("{} · {reference}", plan.describe()) };
            }
            p
        })
        .collect()
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

/// Whether an entry can be voided on a ticket in `state`: not once voided, and not once the
/// watch has left or the ticket is closed, since its account was settled with the entry
/// counted (money paid back after that is a refund of an overpayment).
pub fn check_voidable(state: TicketState, entry: &LedgerEntry) -> Result<(), DomainError> {
    if let Some(v) = &entry.void {
        return Err(DomainError::refused(
            Code::PaymentAlreadyVoided,
            format!("This entry was already voided on {}: {}", v.voided_on, v.reason),
        ));
    }
    if state.is_closed() {
        let why = match state {
            TicketState::Collected | TicketState::Shipped => {
                "The watch has been handed over with this entry counted in its settled account, so it can no \
                 longer be voided. If money must go back to the customer, record a refund."
            }
            _ => {
                "This ticket is closed with this entry counted in its settled account, so it can no longer be \
                 voided. If money must go back to the customer, record a refund."
            }
        };
        return Err(DomainError::refused(Code::VoidAfterHandOver, why));
    }
    Ok(())
}

/// What the void form sends: which entry, and why.
#[derive(Clone, Debug, Deserialize)]
pub struct VoidForm {
    pub payment: i64,
    #[serde(default)]
    pub reason: String,
}

impl VoidForm {
    /// The void of `entry` on a ticket in `state`, dated `today` by `by`: a reason is
    /// required, for the record and the receipt's reader.
    pub fn validated(
        &self,
        state: TicketState,
        entry: &LedgerEntry,
        by: StaffId,
        today: Date,
    ) -> Result<PaymentVoid, DomainError> {
        check_voidable(state, entry)?;
        let reason = text::single_line("reason", &self.reason, 200)?;
        if reason.is_empty() {
            return Err(DomainError::invalid(
                "reason",
                "Say why the entry is voided (e.g. \"Mistyped: 11,905.00 for 1,190.50\").",
            ));
        }
        Ok(PaymentVoid { reason, voided_on: today, staff: by })
    }
}
