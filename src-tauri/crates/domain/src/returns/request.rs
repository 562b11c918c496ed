//! A return request as staff record it: who, which order and product, what was paid, why,
//! when, how the customer asked, and the photos or video of the defect.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::after_sale::{InstalmentFields, InstalmentPlan, PaymentMethod};
use crate::error::Problems;
use crate::intake::CustomerChoice;
use crate::{text, Amount, Currency, DomainError, NumberStyle, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    ChangeOfMind,
    DeadOnArrival,
    Defective,
    WrongItemSent,
    DamagedInTransit,
    /// Sent to the shop again by choice after it found no fault the first time (the Turkish
    /// store: the customer pays "for the second or more arbitrary shipments").
    SentAgain,
    Other,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 7] = [
        ReturnReason::ChangeOfMind,
        ReturnReason::DeadOnArrival,
        ReturnReason::Defective,
        ReturnReason::WrongItemSent,
        ReturnReason::DamagedInTransit,
        ReturnReason::SentAgain,
        ReturnReason::Other,
    ];

    /// The reasons a request may give under `policy`: "sent again" only where it changes
    /// who pays the postage, and "dead on arrival" only where the policy has that guarantee
    /// (a shop without one takes an item that arrived broken as damaged in transit or
    /// defective: the Turkish store replaces it under its replacement rule).
    pub fn offered(policy: &crate::Policy) -> Vec<ReturnReason> {
        let again = policy.return_postage == super::sending::ReturnPostage::ShopPaysFirstShipment;
        let doa = !policy.dead_on_arrival.is_none();
        ReturnReason::ALL
            .into_iter()
            .filter(|r| match r {
                ReturnReason::SentAgain => again,
                ReturnReason::DeadOnArrival => doa,
                _ => true,
            })
            .collect()
    }

    pub fn label(self) -> &'static str {
        match self {
            ReturnReason::ChangeOfMind => "Change of mind",
            ReturnReason::DeadOnArrival => "Dead on arrival",
            ReturnReason::Defective => "Defective",
            ReturnReason::WrongItemSent => "Wrong item sent",
            ReturnReason::DamagedInTransit => "Damaged in transit (arrived damaged)",
            ReturnReason::SentAgain => "Sent again after we found no fault",
            ReturnReason::Other => "Other",
        }
    }

    /// A return for this reason may end in another item: any reason within an exchange
    /// window; a fault where the policy replaces damaged or defective units one to one.
    pub fn exchange_offered(self, policy: &crate::Policy) -> bool {
        !policy.exchange_window.is_none() || (!policy.replacement_due.is_none() && self.is_shop_fault())
    }

    /// The shop, the maker or the carrier is at fault, not the customer's choice.
    pub fn is_shop_fault(self) -> bool {
        matches!(
            self,
            ReturnReason::DeadOnArrival
                | ReturnReason::Defective
                | ReturnReason::WrongItemSent
                | ReturnReason::DamagedInTransit
        )
    }

    /// A claim about the item itself, which the customer shows with a photo or video.
    pub fn needs_evidence(self) -> bool {
        matches!(self, ReturnReason::DeadOnArrival | ReturnReason::Defective | ReturnReason::DamagedInTransit)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestChannel {
    Email,
    #[serde(rename = "whatsapp")]
    WhatsApp,
    Phone,
    InStore,
}

impl RequestChannel {
    pub const ALL: [RequestChannel; 4] =
        [RequestChannel::Email, RequestChannel::WhatsApp, RequestChannel::Phone, RequestChannel::InStore];

    pub fn label(self) -> &'static str {
        match self {
            RequestChannel::Email => "Email",
            RequestChannel::WhatsApp => "WhatsApp",
            RequestChannel::Phone => "Phone",
            RequestChannel::InStore => "In store",
        }
    }

    /// How the customer asked, for a sentence: "by email", "in store".
    pub fn how(self) -> &'static str {
        match self {
            RequestChannel::Email => "by email",
            RequestChannel::WhatsApp => "by WhatsApp",
            RequestChannel::Phone => "by phone",
            RequestChannel::InStore => "in store",
        }
    }
}

/// What the customer asks for: the money back, or another item (SOFTERSPOT: "clearly state
/// if you wish to Return OR Exchange your item").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    #[default]
    Refund,
    Exchange,
}

impl Remedy {
    pub const ALL: [Remedy; 2] = [Remedy::Refund, Remedy::Exchange];

    pub fn label(self) -> &'static str {
        match self {
            Remedy::Refund => "A refund",
            Remedy::Exchange => "An exchange for another item",
        }
    }

    /// The remedy as the request form offers it under `policy`: where the shop exchanges
    /// nothing by choice but replaces a damaged or defective item (the Turkish store), the
    /// other item is a replacement, and said to be one.
    pub fn offered_label(self, policy: &Policy) -> &'static str {
        match self {
            Remedy::Exchange if policy.exchange_window.is_none() => "A replacement (damaged or defective items)",
            other => other.label(),
        }
    }
}

/// How the customer paid for the order, which is how the refund goes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundMethod {
    OriginalCard,
    #[serde(rename = "paypal")]
    PayPal,
    BankTransfer,
    /// Paid in cash at the counter: refunded in cash at the counter.
    Cash,
    /// Paid by card in instalments: the bank refunds by its instalment rules, which the
    /// shop records (`Policy::instalment_refund_rule`).
    Instalments,
}

impl RefundMethod {
    pub const ALL: [RefundMethod; 5] = [
        RefundMethod::OriginalCard,
        RefundMethod::Instalments,
        RefundMethod::PayPal,
        RefundMethod::BankTransfer,
        RefundMethod::Cash,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "Original card",
            RefundMethod::PayPal => "PayPal",
            RefundMethod::BankTransfer => "Bank transfer",
            RefundMethod::Cash => "Cash",
            RefundMethod::Instalments => "Card, in instalments",
        }
    }

    /// How the refund goes back, for staff's sentences: "to the original card", "by PayPal".
    pub fn by(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "to the original card",
            RefundMethod::PayPal => "by PayPal",
            RefundMethod::BankTransfer => "by bank transfer",
            RefundMethod::Cash => "by cash at the counter",
            RefundMethod::Instalments => "to the card paid in instalments, by the bank's instalment rules",
        }
    }

    /// Where the money lands, for sentences: "to your PayPal account".
    pub fn destination(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "the card you paid with",
            RefundMethod::PayPal => "your PayPal account",
            RefundMethod::BankTransfer => "your bank account",
            RefundMethod::Cash => "you in cash at the counter",
            RefundMethod::Instalments => "the card you paid with in instalments",
        }
    }

    /// The refund goes to an account the customer names: an IBAN, or a bank and account
    /// number (`BankAccounts`).
    pub fn needs_account(self) -> bool {
        self == RefundMethod::BankTransfer
    }

    /// The same, in a sentence for staff: "the customer's card".
    pub fn staff_destination(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "the customer's card",
            RefundMethod::PayPal => "the customer's PayPal account",
            RefundMethod::BankTransfer => "the customer's bank account",
            RefundMethod::Cash => "the customer in cash at the counter",
            RefundMethod::Instalments => "the customer's card paid in instalments",
        }
    }

    /// Refunding this way an order `paid_with` another: the policies refund by the way the
    /// customer paid (the Turkish store: "using the same method you used to make the
    /// payment"), so the settlement says it is an exception the customer agreed to. None
    /// when it is the same way (a card paid in instalments goes back to that card).
    pub fn differs_from(self, paid_with: RefundMethod) -> Option<String> {
        let same = self == paid_with
            || (self == RefundMethod::OriginalCard && paid_with == RefundMethod::Instalments)
            || (self == RefundMethod::Instalments && paid_with == RefundMethod::OriginalCard);
        if same {
            return None;
        }
        let paid = match paid_with {
            RefundMethod::Instalments => "by card in instalments".to_string(),
            RefundMethod::OriginalCard => "by card".to_string(),
            other => other.by().to_string(),
        };
        Some(format!(
            "The customer paid {paid}: the policy refunds by the same method. Refund {} only if the customer \
             asked for it.",
            self.by()
        ))
    }

    /// Where the customer paid the way the shop takes money (`offered`): the refund methods
    /// the request form offers. A card paid in instalments is a card too.
    pub fn offered(methods: &[PaymentMethod]) -> Vec<RefundMethod> {
        let takes = |m: PaymentMethod| methods.contains(&m);
        RefundMethod::ALL
            .into_iter()
            .filter(|r| match r {
                RefundMethod::OriginalCard => takes(PaymentMethod::Card) || takes(PaymentMethod::Instalments),
                RefundMethod::Instalments => takes(PaymentMethod::Instalments),
                RefundMethod::PayPal => takes(PaymentMethod::PayPal),
                RefundMethod::BankTransfer => takes(PaymentMethod::BankTransfer) || takes(PaymentMethod::Fps),
                RefundMethod::Cash => takes(PaymentMethod::Cash),
            })
            .collect()
    }

    /// How a refund by this method goes back, in a sentence for the settlement, where the
    /// method has a rule of its own: cash at the counter, and an instalment purchase by the
    /// bank's rules as the shop records them (`plan` when the request recorded it).
    pub fn how_refunded(self, policy: &Policy, plan: Option<&InstalmentPlan>) -> Option<String> {
        match self {
            RefundMethod::Cash => Some("The refund is paid in cash at the counter.".into()),
            RefundMethod::Instalments => {
                let paid = plan.map_or("Paid in instalments".to_string(), |p| format!("Paid in {}", p.describe()));
                let rule = policy.instalment_refund_rule.trim();
                Some(if rule.is_empty() {
                    format!("{paid}: the refund goes back to the card by the bank's instalment rules.")
                } else {
                    format!("{paid}: {rule}")
                })
            }
            _ => None,
        }
    }
}

/// How the shop's country writes a bank account for a refund by bank transfer: an IBAN
/// (Turkey, the EU and the UK), or the bank and its account number (Hong Kong, where an
/// account is the bank's code, the branch and the number; the US, China).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BankAccounts {
    Iban,
    #[default]
    AccountNumber,
}

impl BankAccounts {
    pub const ALL: [BankAccounts; 2] = [BankAccounts::Iban, BankAccounts::AccountNumber];

    pub fn key(self) -> &'static str {
        match self {
            BankAccounts::Iban => "iban",
            BankAccounts::AccountNumber => "account_number",
        }
    }

    pub fn from_key(key: &str) -> Option<BankAccounts> {
        BankAccounts::ALL.into_iter().find(|b| b.key() == key.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            BankAccounts::Iban => "IBAN",
            BankAccounts::AccountNumber => "Bank and account number",
        }
    }

    /// What the return form asks the customer to write for a refund by bank transfer.
    pub fn asked(self) -> &'static str {
        match self {
            BankAccounts::Iban => "Bank and IBAN (for a refund by bank transfer)",
            BankAccounts::AccountNumber => {
                "Bank and account number, with the bank code (for a refund by bank transfer)"
            }
        }
    }

    /// The refund form's field for the account a refund by bank transfer goes to.
    pub fn field_label(self) -> &'static str {
        match self {
            BankAccounts::Iban => "Customer's IBAN",
            BankAccounts::AccountNumber => "Customer's bank and account number",
        }
    }

    /// An example of the account, as the field's placeholder.
    pub fn example(self) -> &'static str {
        match self {
            BankAccounts::Iban => "e.g. TR33 0006 1005 1978 6457 8413 26",
            BankAccounts::AccountNumber => "e.g. HSBC 004-123-456789-001",
        }
    }

    /// The account a refund by bank transfer goes to, as typed (`field` names it in a
    /// refusal): an IBAN is checked (country, length, its two check digits) and written in
    /// groups of four; a bank and account number needs the bank's name and the digits.
    pub fn parse_account(self, field: &str, typed: &str) -> Result<String, DomainError> {
        let line = text::single_line(field, typed, 80)?;
        if line.is_empty() {
            return Err(DomainError::invalid(
                field,
                match self {
                    BankAccounts::Iban => "Enter the customer's IBAN: the refund is transferred to it.",
                    BankAccounts::AccountNumber => {
                        "Enter the customer's bank and account number: the refund is transferred to it."
                    }
                },
            ));
        }
        match self {
            BankAccounts::Iban => iban(&line).ok_or_else(|| {
                DomainError::invalid(
                    field,
                    format!(
                        "\"{line}\" is not an IBAN: it starts with the country (TR) and two check digits, and the \
                         check digits must match the rest."
                    ),
                )
            }),
            BankAccounts::AccountNumber => {
                let digits = line.chars().filter(char::is_ascii_digit).count();
                if digits < 6 || !line.chars().any(char::is_alphabetic) {
                    return Err(DomainError::invalid(
                        field,
                        "Write the bank's name and the account number with its bank code (e.g. HSBC \
                         004-123-456789-001).",
                    ));
                }
                Ok(line)
            }
        }
    }

    /// The usual way where `currency` is the money: IBANs in the euro, pound, lira, franc
    /// and the other currencies of countries that use them; account numbers elsewhere.
    pub fn usual_for(currency: &str) -> BankAccounts {
        const IBAN: [&str; 20] = [
            "EUR", "GBP", "TRY", "CHF", "PLN", "CZK", "HUF", "RON", "BGN", "SEK", "NOK", "DKK", "ISK", "AED", "SAR",
            "QAR", "ILS", "JOD", "KWD", "BHD",
        ];
        if IBAN.contains(&currency) {
            BankAccounts::Iban
        } else {
            BankAccounts::AccountNumber
        }
    }
}

/// An IBAN in groups of four, if `typed` is one: two letters, two check digits and up to 30
/// letters or digits (26 characters in all for Türkiye), whose ISO 7064 MOD 97-10 check
/// comes to 1.
fn iban(typed: &str) -> Option<String> {
    let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    let b = compact.as_bytes();
    let shape = (15..=34).contains(&b.len())
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_alphanumeric);
    if !shape || (compact.starts_with("TR") && b.len() != 26) {
        return None;
    }
    let rotated = compact[4..].bytes().chain(compact[..4].bytes());
    let remainder = rotated.fold(0u32, |acc, c| {
        let value = if c.is_ascii_digit() { u32::from(c - b'0') } else { u32::from(c - b'A') + 10 };
        if value > 9 {
            (acc * 100 + value) % 97
        } else {
            (acc * 10 + value) % 97
        }
    });
    (remainder == 1).then(|| {
        compact.as_bytes().chunks(4).map(|g| String::from_utf8_lossy(g).into_owned()).collect::<Vec<_>>().join(" ")
    })
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequest {
    pub order_number: String,
    pub product: String,
    pub model: String,
    /// The watch's serial (or a smartwatch's IMEI) as on its box or case back: what finds
    /// the watch's record. Empty for requests recorded before it was asked.
    #[serde(default)]
    pub serial: String,
    /// The product's category when it is one the policy names as not returnable.
    #[serde(default)]
    pub category: String,
    pub currency: Currency,
    pub purchase_price: Amount,
    /// What the customer paid for the original delivery and its insurance.
    pub original_shipping: Amount,
    pub insurance_paid: Amount,
    pub paid_with: RefundMethod,
    pub purchase_date: Date,
    pub delivery_date: Option<Date>,
    pub reason: ReturnReason,
    /// A refund or an exchange; requests recorded before this was asked are refunds.
    #[serde(default)]
    pub wants: Remedy,
    /// The customer's own words.
    pub details: String,
    /// The complaint is that the colour differs from the pictures.
    pub colour_claim: bool,
    /// The item was opened (unpacked). Recorded before `used` was asked apart, it said
    /// "opened or used".
    pub opened: bool,
    /// The item was used (worn, paired, data transferred); None for a request recorded
    /// before this was asked, when `opened` stood for both (`was_used`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used: Option<bool>,
    pub requested_on: Date,
    pub channel: RequestChannel,
    /// Photos or videos of the defect (attachment hashes).
    #[serde(default)]
    pub media: Vec<String>,
}

impl ReturnRequest {
    /// The item was used: as recorded, or, for a request from before this was asked, when
    /// it was recorded as "opened or used".
    pub fn was_used(&self) -> bool {
        self.used.unwrap_or(self.opened)
    }

    /// The item's state in words, as the request's page shows it.
    pub fn condition_words(&self) -> &'static str {
        match (self.opened, self.was_used()) {
            (false, false) => "Unopened, unused",
            (true, false) => "Unpacked, not used",
            (false, true) => "Used, not unpacked",
            (true, true) if self.used.is_none() => "Opened or used",
            (true, true) => "Unpacked and used",
        }
    }

    /// Asked at the counter: the watch is handed over there, so no postage is spoken of
    /// until it is posted instead.
    pub fn in_store(&self) -> bool {
        self.channel == RequestChannel::InStore
    }

    /// How and when the customer asked: "in store on 3 November 2026", "by email on …".
    pub fn how_requested(&self, style: crate::calendar::DateStyle) -> String {
        format!("{} on {}", self.channel.how(), style.format(self.requested_on))
    }
}

/// What the request form sends: the customer, and amounts as typed.
#[derive(Clone, Debug, Deserialize)]
pub struct ReturnForm {
    /// None until the customer is chosen or typed in.
    #[serde(default)]
    pub customer: Option<CustomerChoice>,
    pub order_number: String,
    pub product: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub serial: String,
    #[serde(default)]
    pub category: String,
    pub currency: String,
    pub purchase_price: String,
    #[serde(default)]
    pub original_shipping: String,
    #[serde(default)]
    pub insurance_paid: String,
    pub paid_with: RefundMethod,
    pub purchase_date: Option<Date>,
    pub delivery_date: Option<Date>,
    pub reason: ReturnReason,
    #[serde(default)]
    pub wants: Remedy,
    #[serde(default)]
    pub details: String,
    #[serde(default)]
    pub colour_claim: bool,
    /// Unpacked.
    #[serde(default)]
    pub opened: bool,
    /// Worn, paired or with data transferred.
    #[serde(default)]
    pub used: bool,
    pub requested_on: Option<Date>,
    pub channel: RequestChannel,
    #[serde(default)]
    pub media: Vec<String>,
}

/// The request form as the window sends it: the request and, for an order paid by card in
/// instalments, their number and the bank (kept on the case, beside the request).
#[derive(Clone, Debug, Deserialize)]
pub struct RequestForm {
    #[serde(flatten)]
    pub form: ReturnForm,
    #[serde(flatten)]
    pub instalments: InstalmentFields,
}

impl ReturnRequest {
    /// The instalment plan typed with this request: asked when it was paid in instalments,
    /// and nothing otherwise.
    pub fn instalments_from(&self, fields: &InstalmentFields) -> Result<Option<InstalmentPlan>, DomainError> {
        fields.parse(self.paid_with == RefundMethod::Instalments)
    }

    /// The same, refusing more instalments than the shop offers (`Policy::max_instalments`).
    pub fn instalments_under(
        &self,
        fields: &InstalmentFields,
        policy: &Policy,
    ) -> Result<Option<InstalmentPlan>, DomainError> {
        fields.parse_within(self.paid_with == RefundMethod::Instalments, policy.max_instalments)
    }
}

impl super::ReturnCase {
    /// Puts the plan corrected with the request in; the change in the shop's words, if any.
    pub fn correct_instalments(&mut self, plan: Option<InstalmentPlan>) -> Option<crate::customer::Correction> {
        if self.instalments == plan {
            return None;
        }
        let words = |p: &Option<InstalmentPlan>| p.as_ref().map(InstalmentPlan::describe).unwrap_or_default();
        let change = crate::customer::Correction {
            field: "instalments".into(),
            from: words(&self.instalments),
            to: words(&plan),
        };
        self.instalments = plan;
        Some(change)
    }
}

const MAX_PRICE: Amount = Amount(1_000_000_000);

impl ReturnForm {
    /// Parses what eligibility turns on (dates, reason, item, evidence) while the rest of the
    /// form may still be empty: the customer, order number, product and price get stand-ins.
    pub fn preview(&self, today: Date, style: NumberStyle) -> Result<ReturnRequest, DomainError> {
        let or = |typed: &str, stand_in: &str| {
            if typed.trim().is_empty() {
                stand_in.to_string()
            } else {
                typed.to_string()
            }
        };
        let form = ReturnForm {
            // Existing customers are looked up by the store, so this stand-in passes parsing.
            customer: Some(CustomerChoice::Existing { id: crate::customer::CustomerId(0) }),
            order_number: or(&self.order_number, "—"),
            product: or(&self.product, "—"),
            purchase_price: or(&self.purchase_price, "1"),
            ..self.clone()
        };
        Ok(form.parse(today, style)?.1)
    }
}

impl ReturnForm {
    /// Parses and checks the form on `today`, amounts read in the shop's number `style`:
    /// every problem at once, next to its field.
    pub fn parse(&self, today: Date, style: NumberStyle) -> Result<(CustomerChoice, ReturnRequest), DomainError> {
        let mut problems = Problems::default();
        let mut line =
            |key: &str, value: &str, max: usize, required: Option<&str>| match text::single_line(key, value, max) {
                Ok(v) if v.is_empty() && required.is_some() => {
                    problems.add(key, required.unwrap_or_default());
                    v
                }
                Ok(v) => v,
                Err(e) => {
                    problems.merge(e);
                    String::new()
                }
            };
        let order_number = line("order_number", &self.order_number, 60, Some("Enter the order or invoice number."));
        let product = line("product", &self.product, 120, Some("Name the product."));
        let model = line("model", &self.model, 120, None);
        let serial = line("serial", &self.serial, 60, None);
        let category = line("category", &self.category, 80, None);
        let details = match text::multi_line("details", &self.details, 2000) {
            Ok(d) => d,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        let currency = match Currency::from_code(&self.currency) {
            Ok(c) => Some(c.with_style(style)),
            Err(_) => {
                problems.add("currency", "Enter the ISO code of the currency paid in (e.g. HKD, USD, TRY).");
                None
            }
        };
        let mut money = |key: &str, typed: &str, required: bool| -> Amount {
            let Some(c) = currency else { return Amount::ZERO };
            if typed.trim().is_empty() && !required {
                return Amount::ZERO;
            }
            match c.parse(typed) {
                Ok(a) if a.0 < 0 || a > MAX_PRICE => {
                    problems.add(key, "Enter an amount between 0 and 10,000,000.");
                    a
                }
                Ok(a) => a,
                Err(m) => {
                    problems.add(key, m);
                    Amount::ZERO
                }
            }
        };
        let purchase_price = money("purchase_price", &self.purchase_price, true);
        let original_shipping = money("original_shipping", &self.original_shipping, false);
        let insurance_paid = money("insurance_paid", &self.insurance_paid, false);
        if purchase_price.0 == 0 && problems.is_empty() {
            problems.add("purchase_price", "Enter what the customer paid for the product.");
        }
        let requested_on = self.requested_on.unwrap_or(today);
        if requested_on > today {
            problems.add("requested_on", "The request date cannot be in the future.");
        }
        let purchase_date = match self.purchase_date {
            Some(d) if d > today => {
                problems.add("purchase_date", "The purchase date cannot be in the future.");
                d
            }
            Some(d) => d,
            None => {
                problems.add("purchase_date", "Enter the purchase date from the order or invoice.");
                today
            }
        };
        if let Some(delivered) = self.delivery_date {
            if delivered < purchase_date {
                problems.add("delivery_date", "Delivery cannot be before the purchase.");
            } else if delivered > today {
                problems.add("delivery_date", "The delivery date cannot be in the future.");
            }
        }
        if requested_on < purchase_date {
            problems.add("requested_on", "The request cannot be before the purchase.");
        }
        if let Err(e) = crate::attachment::check_count("media", self.media.len()) {
            problems.merge(e);
        }
        let customer = match self.customer.as_ref().map(CustomerChoice::validated) {
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                problems.merge(e);
                None
            }
            None => {
                problems.add("customer.name", "Choose the customer, or enter a new one.");
                None
            }
        };
        problems.into_result()?;
        let request = ReturnRequest {
            order_number,
            product,
            model,
            serial,
            category,
            currency: currency.expect("checked above"),
            purchase_price,
            original_shipping,
            insurance_paid,
            paid_with: self.paid_with,
            purchase_date,
            delivery_date: self.delivery_date,
            reason: self.reason,
            wants: self.wants,
            details,
            colour_claim: self.colour_claim,
            opened: self.opened,
            used: Some(self.used),
            requested_on,
            channel: self.channel,
            media: self.media.clone(),
        };
        Ok((customer.expect("checked above"), request))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::calendar::PeriodRange;
    use crate::presets::PresetId;
    use crate::returns::decision::{posting_range, Decision};

    fn request(paid_with: RefundMethod) -> ReturnRequest {
        ReturnRequest {
            order_number: "TR-2026-0412".into(),
            product: "Huawei Watch GT 5".into(),
            model: "46 mm".into(),
            serial: String::new(),
            category: String::new(),
            currency: Currency::from_code("TRY").unwrap().with_style(NumberStyle::CommaDecimals),
            purchase_price: Amount(1_249_900),
            original_shipping: Amount(0),
            insurance_paid: Amount(0),
            paid_with,
            purchase_date: date(2026, 11, 2),
            delivery_date: Some(date(2026, 11, 4)),
            reason: ReturnReason::ChangeOfMind,
            wants: Remedy::Refund,
            details: String::new(),
            colour_claim: false,
            opened: false,
            used: Some(false),
            requested_on: date(2026, 11, 10),
            channel: RequestChannel::InStore,
            media: vec![],
        }
    }

    #[test]
    fn a_return_paid_in_instalments_asks_their_number_and_bank() {
        let fields =
            |count: &str, bank: &str| InstalmentFields { instalment_count: count.into(), instalment_bank: bank.into() };
        let spread = request(RefundMethod::Instalments);
        let plan = spread.instalments_from(&fields("12", "Garanti BBVA")).unwrap().unwrap();
        assert_eq!(plan.describe(), "12 × via Garanti BBVA");
        let turkish = PresetId::TurkishStore.policy();
        let offered = spread.instalments_under(&fields("24", "Garanti BBVA"), &turkish).unwrap_err();
        assert_eq!(offered.fields()[0].message, "This shop offers at most 12 instalments; 24 is more.");
        assert!(spread.instalments_under(&fields("12", "Garanti BBVA"), &turkish).unwrap().is_some());
        let err = spread.instalments_from(&fields("", "")).unwrap_err();
        let keys: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(keys, ["instalment_count", "instalment_bank"], "both asked at once");
        assert_eq!(request(RefundMethod::Cash).instalments_from(&fields("12", "x")).unwrap(), None);
        // Corrected, the plan's change is said in words.
        let mut case = super::super::ReturnCase::new(None, super::super::ReturnState::Requested, Some(spread));
        let change = case.correct_instalments(Some(plan.clone())).unwrap();
        assert_eq!((change.from.as_str(), change.to.as_str()), ("", "12 × via Garanti BBVA"));
        assert_eq!(case.correct_instalments(Some(plan)), None, "unchanged");
    }

    #[test]
    fn an_instalment_refund_follows_the_rule_the_shop_records_and_cash_goes_back_at_the_counter() {
        let turkish = PresetId::TurkishStore.policy();
        let approve = |method| Decision::Approve { method, return_customs: Amount(0), postage_reimbursed: Amount(0) };
        let s =
            approve(RefundMethod::Instalments).settle(&turkish, &request(RefundMethod::Instalments), false).unwrap();
        assert_eq!(s.total, Amount(1_249_900));
        assert!(
            s.notes.contains(
                &"Paid in instalments: The bank refunds the instalments already charged to the card and cancels the rest."
                    .to_string()
            ),
            "{:?}",
            s.notes
        );
        let plan = InstalmentPlan { count: 12, bank: "Garanti BBVA".into() };
        assert_eq!(
            RefundMethod::Instalments.how_refunded(&turkish, Some(&plan)).unwrap(),
            "Paid in 12 × via Garanti BBVA: The bank refunds the instalments already charged to the card and cancels \
             the rest."
        );
        // A shop that has not recorded a rule still says where the money goes.
        let unsaid = RefundMethod::Instalments.how_refunded(&Policy::default(), None).unwrap();
        assert_eq!(unsaid, "Paid in instalments: the refund goes back to the card by the bank's instalment rules.");
        assert_eq!(posting_range(RefundMethod::Instalments, &turkish), turkish.card_refund_posting);

        let cash = approve(RefundMethod::Cash).settle(&turkish, &request(RefundMethod::Cash), false).unwrap();
        assert!(cash.notes.contains(&"The refund is paid in cash at the counter.".to_string()));
        assert_eq!(posting_range(RefundMethod::Cash, &turkish), PeriodRange::days(0, 0), "the same day");
        assert_eq!(RefundMethod::Cash.by(), "by cash at the counter");
        assert!(approve(RefundMethod::OriginalCard)
            .settle(&turkish, &request(RefundMethod::OriginalCard), false)
            .unwrap()
            .notes
            .iter()
            .all(|n| !n.contains("instalments")));
    }

    #[test]
    fn paid_with_offers_the_ways_the_shop_takes_money() {
        let offered = |p: PresetId| RefundMethod::offered(p.region().payment_methods);
        assert_eq!(
            offered(PresetId::TurkishStore),
            [RefundMethod::OriginalCard, RefundMethod::Instalments, RefundMethod::BankTransfer, RefundMethod::Cash]
        );
        // Hong Kong: cash for returns, and card, PayPal and bank transfer (FPS goes back by transfer).
        assert_eq!(
            offered(PresetId::LxWatch),
            [RefundMethod::OriginalCard, RefundMethod::PayPal, RefundMethod::BankTransfer, RefundMethod::Cash]
        );
        assert!(!offered(PresetId::Softerspot).contains(&RefundMethod::Cash), "a web shop takes no cash");
    }

    #[test]
    fn the_return_form_asks_for_an_iban_only_where_banks_use_one() {
        assert_eq!(BankAccounts::usual_for("TRY"), BankAccounts::Iban);
        assert_eq!(BankAccounts::usual_for("EUR"), BankAccounts::Iban);
        assert_eq!(BankAccounts::usual_for("GBP"), BankAccounts::Iban);
        assert_eq!(BankAccounts::usual_for("HKD"), BankAccounts::AccountNumber);
        assert_eq!(BankAccounts::usual_for("USD"), BankAccounts::AccountNumber);
        assert!(BankAccounts::Iban.asked().contains("IBAN"));
        assert!(!BankAccounts::AccountNumber.asked().contains("IBAN"));
        assert!(BankAccounts::AccountNumber.asked().starts_with("Bank and account number"));
        for b in BankAccounts::ALL {
            assert_eq!(BankAccounts::from_key(b.key()), Some(b));
        }
    }

    #[test]
    fn a_refund_by_bank_transfer_takes_a_checked_iban_or_a_bank_and_account_number() {
        let iban = BankAccounts::Iban;
        assert_eq!(
            iban.parse_account("account", "tr330006100519786457841326").unwrap(),
            "TR33 0006 1005 1978 6457 8413 26"
        );
        assert_eq!(
            iban.parse_account("account", " GB82 WEST 1234 5698 7654 32 ").unwrap(),
            "GB82 WEST 1234 5698 7654 32"
        );
        // One digit mistyped, a Turkish IBAN one digit short, a bank name: refused at the field.
        for wrong in ["TR33 0006 1005 1978 6457 8413 27", "TR33 0006 1005 1978 6457 8413 2", "Garanti BBVA"] {
            let e = iban.parse_account("account", wrong).unwrap_err();
            assert_eq!(e.fields()[0].field, "account", "{wrong}");
            assert!(e.fields()[0].message.contains("is not an IBAN"), "{wrong}: {e}");
        }
        let empty = iban.parse_account("account", "  ").unwrap_err();
        assert!(empty.fields()[0].message.contains("Enter the customer's IBAN"));
        let hk = BankAccounts::AccountNumber;
        assert_eq!(hk.parse_account("account", "HSBC 004-123-456789-001").unwrap(), "HSBC 004-123-456789-001");
        assert!(hk.parse_account("account", "123456789").is_err(), "the bank is named");
        assert!(hk.field_label().contains("account number") && iban.field_label().contains("IBAN"));
    }

    #[test]
    fn refunding_another_way_than_the_customer_paid_is_said_to_be_an_exception() {
        use RefundMethod::*;
        let said = BankTransfer.differs_from(Instalments).unwrap();
        assert_eq!(
            said,
            "The customer paid by card in instalments: the policy refunds by the same method. Refund by bank \
             transfer only if the customer asked for it."
        );
        assert_eq!(OriginalCard.differs_from(Instalments), None, "the card paid in instalments is that card");
        assert_eq!(Cash.differs_from(Cash), None);
        assert!(Cash.differs_from(PayPal).unwrap().starts_with("The customer paid by PayPal"));
        // In the settlement, beside the figures.
        let turkish = PresetId::TurkishStore.policy();
        let switched =
            Decision::Approve { method: BankTransfer, return_customs: Amount(0), postage_reimbursed: Amount(0) };
        let s = switched.settle(&turkish, &request(Instalments), false).unwrap();
        assert!(s.notes.contains(&said), "{:?}", s.notes);
        assert_eq!(BankTransfer.staff_destination(), "the customer's bank account");
    }
}
