//! A return request as staff record it: who, which order and product, what was paid, why,
//! when, how the customer asked, and the photos or video of the defect.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::intake::CustomerChoice;
use crate::{text, Amount, Currency, DomainError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    ChangeOfMind,
    DeadOnArrival,
    Defective,
    WrongItemSent,
    DamagedInTransit,
    Other,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 6] = [
        ReturnReason::ChangeOfMind,
        ReturnReason::DeadOnArrival,
        ReturnReason::Defective,
        ReturnReason::WrongItemSent,
        ReturnReason::DamagedInTransit,
        ReturnReason::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReturnReason::ChangeOfMind => "Change of mind",
            ReturnReason::DeadOnArrival => "Dead on arrival",
            ReturnReason::Defective => "Defective",
            ReturnReason::WrongItemSent => "Wrong item sent",
            ReturnReason::DamagedInTransit => "Damaged in transit",
            ReturnReason::Other => "Other",
        }
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
}

/// How the customer paid for the order, which is how the refund goes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundMethod {
    OriginalCard,
    #[serde(rename = "paypal")]
    PayPal,
    BankTransfer,
}

impl RefundMethod {
    pub const ALL: [RefundMethod; 3] = [RefundMethod::OriginalCard, RefundMethod::PayPal, RefundMethod::BankTransfer];

    pub fn label(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "Original card",
            RefundMethod::PayPal => "PayPal",
            RefundMethod::BankTransfer => "Bank transfer",
        }
    }

    /// How the refund goes back, for staff's sentences: "to the original card", "by PayPal".
    pub fn by(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "to the original card",
            RefundMethod::PayPal => "by PayPal",
            RefundMethod::BankTransfer => "by bank transfer",
        }
    }

    /// Where the money lands, for sentences: "to your PayPal account".
    pub fn destination(self) -> &'static str {
        match self {
            RefundMethod::OriginalCard => "the card you paid with",
            RefundMethod::PayPal => "your PayPal account",
            RefundMethod::BankTransfer => "your bank account",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequest {
    pub order_number: String,
    pub product: String,
    pub model: String,
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
    /// The item was opened or used.
    pub opened: bool,
    pub requested_on: Date,
    pub channel: RequestChannel,
    /// Photos or videos of the defect (attachment hashes).
    #[serde(default)]
    pub media: Vec<String>,
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
    #[serde(default)]
    pub opened: bool,
    pub requested_on: Option<Date>,
    pub channel: RequestChannel,
    #[serde(default)]
    pub media: Vec<String>,
}

const MAX_PRICE: Amount = Amount(1_000_000_000);

impl ReturnForm {
    /// Parses what eligibility turns on (dates, reason, item, evidence) while the rest of the
    /// form may still be empty: the customer, order number, product and price get stand-ins.
    pub fn preview(&self, today: Date) -> Result<ReturnRequest, DomainError> {
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
        Ok(form.parse(today)?.1)
    }
}

impl ReturnForm {
    /// Parses and checks the form on `today`: every problem at once, next to its field.
    pub fn parse(&self, today: Date) -> Result<(CustomerChoice, ReturnRequest), DomainError> {
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
        let category = line("category", &self.category, 80, None);
        let details = match text::multi_line("details", &self.details, 2000) {
            Ok(d) => d,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        let currency = match Currency::from_code(&self.currency) {
            Ok(c) => Some(c),
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
            requested_on,
            channel: self.channel,
            media: self.media.clone(),
        };
        Ok((customer.expect("checked above"), request))
    }
}
