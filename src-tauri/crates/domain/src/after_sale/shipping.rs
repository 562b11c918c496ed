//! Sending the repaired watch back: courier, service, declared value, the fee, optional
//! insurance at the policy's rate, and the signature rule for valuable parcels.
//!
//! Conventions (lx-watch 4.2 and 12): a warranty repair travels at the shop's cost, so the
//! customer's shipping fee is zero. Insurance is the policy's rate of the order total (the
//! repair charges plus the shipping fee the customer pays), rounded half away from zero,
//! and never refunded. A signature is required when the declared value or the order total
//! exceeds the policy's threshold (strictly above; a threshold of zero means no rule).

use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::ticket::TicketState;
use crate::Code;
use crate::{text, Amount, Currency, DomainError, Policy};

/// The couriers a shop sends a watch back with. Which ones a shop is offered depends on
/// where it is (`presets::Region::couriers`): Turkish cargo companies in Türkiye, SF Express
/// and Hongkong Post in Hong Kong, the express carriers for a shop that ships abroad.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Courier {
    Ups,
    Fedex,
    Dhl,
    ChinaPost,
    LocalPost,
    SfExpress,
    HongkongPost,
    YurticiKargo,
    ArasKargo,
    MngKargo,
    PttKargo,
    SuratKargo,
    Other,
}

impl Courier {
    pub const ALL: [Courier; 13] = [
        Courier::Ups,
        Courier::Fedex,
        Courier::Dhl,
        Courier::ChinaPost,
        Courier::LocalPost,
        Courier::SfExpress,
        Courier::HongkongPost,
        Courier::YurticiKargo,
        Courier::ArasKargo,
        Courier::MngKargo,
        Courier::PttKargo,
        Courier::SuratKargo,
        Courier::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Courier::Ups => "UPS",
            Courier::Fedex => "FedEx",
            Courier::Dhl => "DHL",
            Courier::ChinaPost => "China Post",
            Courier::LocalPost => "Local post",
            Courier::SfExpress => "SF Express",
            Courier::HongkongPost => "Hongkong Post",
            Courier::YurticiKargo => "Yurtiçi Kargo",
            Courier::ArasKargo => "Aras Kargo",
            Courier::MngKargo => "MNG Kargo",
            Courier::PttKargo => "PTT Kargo",
            Courier::SuratKargo => "Sürat Kargo",
            Courier::Other => "Other courier",
        }
    }

    /// The usual delivery time in business days (lx-watch 12.6: express 3-7, China Post
    /// special air 7-15; within Türkiye or Hong Kong a day or a few); staff may change it
    /// per parcel.
    pub fn usual_window(self) -> (u32, u32) {
        match self {
            Courier::Ups | Courier::Fedex | Courier::Dhl => (3, 7),
            Courier::ChinaPost => (7, 15),
            Courier::LocalPost | Courier::HongkongPost => (1, 3),
            Courier::SfExpress => (1, 2),
            Courier::YurticiKargo | Courier::ArasKargo | Courier::MngKargo | Courier::SuratKargo => (1, 3),
            Courier::PttKargo => (2, 4),
            Courier::Other => (3, 10),
        }
    }
}

/// Which of the shipping form's fields apply to this shop: customs only for a shop that
/// ships abroad (`Policy::returns_from_abroad`), insurance and the signature only where the
/// policy has those rules. A field that does not apply is not shown, and not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ShippingFields {
    /// The declared value, for customs.
    pub declared_value: bool,
    /// A commercial invoice marked "returned goods", for customs.
    pub commercial_invoice: bool,
    pub insurance: bool,
    pub signature: bool,
}

impl ShippingFields {
    pub fn of(policy: &Policy) -> ShippingFields {
        ShippingFields {
            declared_value: policy.returns_from_abroad,
            commercial_invoice: policy.returns_from_abroad,
            insurance: policy.shipping_insurance_rate.0 > 0,
            signature: policy.signature_threshold.0 > 0,
        }
    }
}

/// How the watch goes back, as chosen before dispatch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipping {
    pub courier: Courier,
    /// The courier's name when `courier` is Other.
    #[serde(default)]
    pub courier_name: String,
    pub service: String,
    pub declared_value: Amount,
    /// The shipping fee quoted for this parcel (what the courier charges the shop).
    pub fee: Amount,
    pub insured: bool,
    pub signature: bool,
    /// Where it goes: the customer's address unless they gave another.
    pub address: String,
    /// A commercial invoice marked "returned goods" goes with the parcel for customs.
    pub commercial_invoice: bool,
}

/// What the shipping form sends, amounts as typed.
#[derive(Clone, Debug, Deserialize)]
pub struct ShippingForm {
    pub courier: Courier,
    #[serde(default)]
    pub courier_name: String,
    #[serde(default)]
    pub service: String,
    pub declared_value: String,
    pub fee: String,
    pub insured: bool,
    pub signature: bool,
    pub address: String,
    #[serde(default)]
    pub commercial_invoice: bool,
}

impl ShippingForm {
    pub fn parse(&self, currency: Currency) -> Result<Shipping, DomainError> {
        let mut problems = Problems::default();
        let mut amount = |key: &str, typed: &str| match currency.parse(typed) {
            Ok(a) => a,
            Err(m) => {
                problems.add(key, m);
                Amount::ZERO
            }
        };
        // Not asked of a shop that ships within its own country: empty is none.
        let declared_value = if self.declared_value.trim().is_empty() {
            Amount::ZERO
        } else {
            amount("declared_value", &self.declared_value)
        };
        let fee = amount("fee", &self.fee);
        problems.into_result()?;
        Ok(Shipping {
            courier: self.courier,
            courier_name: self.courier_name.clone(),
            service: self.service.clone(),
            declared_value,
            fee,
            insured: self.insured,
            signature: self.signature,
            address: self.address.clone(),
            commercial_invoice: self.commercial_invoice,
        })
    }
}

/// What shipping costs the customer, by the policy's rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingCosts {
    /// The fee the customer pays: zero for a warranty repair.
    pub fee_charged: Amount,
    /// The shop carries the fee (warranty repair).
    pub shop_pays: bool,
    /// Insurance premium, when insured; non-refundable.
    pub insurance: Amount,
    /// The order total the insurance rate and the signature rule look at.
    pub order_total: Amount,
    pub signature_required: bool,
}

const MAX_VALUE: Amount = Amount(1_000_000_000);

impl Shipping {
    /// The costs for a repair whose charges come to `repair_charges`; `covered` when the
    /// repair was done under warranty.
    pub fn costs(&self, policy: &Policy, repair_charges: Amount, covered: bool) -> ShippingCosts {
        let fee_charged = if covered { Amount::ZERO } else { self.fee };
        let order_total = Amount(repair_charges.0.saturating_add(fee_charged.0));
        let insurance = if self.insured { policy.shipping_insurance_rate.of(order_total) } else { Amount::ZERO };
        let threshold = policy.signature_threshold;
        let signature_required = threshold.0 > 0 && (self.declared_value > threshold || order_total > threshold);
        ShippingCosts { fee_charged, shop_pays: covered, insurance, order_total, signature_required }
    }

    pub fn courier_label(&self) -> &str {
        match self.courier {
            Courier::Other if !self.courier_name.is_empty() => &self.courier_name,
            c => c.label(),
        }
    }

    /// Checks the choice; a required signature cannot be waived.
    pub fn validated(
        &self,
        policy: &Policy,
        repair_charges: Amount,
        covered: bool,
        currency: Currency,
    ) -> Result<Shipping, DomainError> {
        let mut problems = Problems::default();
        let mut line = |key: &str, value: &str, max: usize| match text::single_line(key, value, max) {
            Ok(v) => v,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        let courier_name = line("courier_name", &self.courier_name, 60);
        let service = line("service", &self.service, 80);
        if self.courier == Courier::Other && courier_name.is_empty() {
            problems.add("courier_name", "Name the courier.");
        }
        let address = match text::multi_line("address", &self.address, 500) {
            Ok(a) if a.is_empty() => {
                problems.add("address", "Enter the address to ship to.");
                a
            }
            Ok(a) => a,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        for (key, value) in [("declared_value", self.declared_value), ("fee", self.fee)] {
            if value.0 < 0 || value > MAX_VALUE {
                problems.add(key, "Enter an amount between 0 and 10,000,000.");
            }
        }
        let fields = ShippingFields::of(policy);
        if fields.declared_value && self.declared_value.0 == 0 {
            problems.add("declared_value", "Declare the watch's value: customs and the courier need it.");
        }
        problems.into_result()?;
        // What does not apply to the shop is not kept: no customs papers within the country,
        // no insurance or signature a policy does not have (a required signature stays).
        let checked = Shipping {
            courier_name,
            service,
            address,
            declared_value: if fields.declared_value { self.declared_value } else { Amount::ZERO },
            commercial_invoice: self.commercial_invoice && fields.commercial_invoice,
            insured: self.insured && fields.insurance,
            signature: self.signature && fields.signature,
            ..self.clone()
        };
        let costs = checked.costs(policy, repair_charges, covered);
        if costs.signature_required && !checked.signature {
            return Err(DomainError::refused(
                Code::SignatureRequired,
                format!(
                    "Parcels worth more than {} travel with signature on delivery; this cannot be waived.",
                    currency.format(policy.signature_threshold)
                ),
            ));
        }
        Ok(checked)
    }
}

/// Shipping can be arranged once the repair is approved and until the watch leaves.
pub fn check_can_choose(state: TicketState) -> Result<(), DomainError> {
    use TicketState::*;
    if matches!(state, Approved | InRepair | ReadyForCollection) {
        return Ok(());
    }
    Err(DomainError::refused(
        Code::IllegalTransition,
        format!(
            "Shipping is arranged for approved repairs until the watch leaves; this ticket is {}.",
            state.label().to_lowercase()
        ),
    ))
}
