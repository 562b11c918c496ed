//! The shop's policy: every period, fee and rule the seed policies name, as one value.
//!
//! `Policy::default()` is the lx-watch policy (seed 002); `presets` has all five seed shops.
//! A period of 0 means the shop does not offer that thing (e.g. no exchanges).

use serde::{Deserialize, Serialize};

use crate::calendar::{Holiday, Period, PeriodRange, WorkCalendar};
use crate::error::Problems;
use crate::money::{Amount, Percent};
pub use crate::returns::condition::ConditionRule;
pub use crate::returns::ReturnPostage;
use crate::DomainError;

/// Where a warranty's months are counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarrantyStart {
    Purchase,
    Delivery,
}

/// Whether a photo or video of the defect comes before a dead-on-arrival, defect or
/// transit-damage return is authorized. Stored before it had three answers as a yes/no
/// (`return_evidence_required`), which reads as required or not asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRule {
    /// KOSPET: "Customers must first send a clear photo or video … before we can consider
    /// issuing RMA authorization." The return is not authorized without it.
    #[default]
    Required,
    /// The Turkish store: "our Customer Services department may request that you send a
    /// photo". Staff may ask; the return does not wait for it.
    MayBeRequested,
    /// No photo or video is asked for.
    NotAsked,
}

impl EvidenceRule {
    pub const ALL: [EvidenceRule; 3] = [EvidenceRule::Required, EvidenceRule::MayBeRequested, EvidenceRule::NotAsked];

    pub fn key(self) -> &'static str {
        match self {
            EvidenceRule::Required => "required",
            EvidenceRule::MayBeRequested => "may_be_requested",
            EvidenceRule::NotAsked => "not_asked",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EvidenceRule::Required => "Required before the return is authorized",
            EvidenceRule::MayBeRequested => "May be requested; the return does not wait for it",
            EvidenceRule::NotAsked => "Not asked",
        }
    }

    pub fn from_key(key: &str) -> Option<EvidenceRule> {
        EvidenceRule::ALL.into_iter().find(|r| r.key() == key)
    }
}

impl<'de> Deserialize<'de> for EvidenceRule {
    /// Its key, or the yes/no it was stored as before: yes is required, no is not asked.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Before(bool),
            Key(String),
        }
        match Stored::deserialize(d)? {
            Stored::Before(true) => Ok(EvidenceRule::Required),
            Stored::Before(false) => Ok(EvidenceRule::NotAsked),
            Stored::Key(k) => EvidenceRule::from_key(&k)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown evidence rule {k:?}"))),
        }
    }
}

/// Where the return window is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnWindowStart {
    Purchase,
    Delivery,
    /// lx-watch counts from the customer's return request, made after delivery.
    Request,
}

/// Where the refund deadline is counted from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundDueFrom {
    /// The day the package arrived (the Turkish store: "within 14 days of your products
    /// reaching us"; SOFTERSPOT: "Once we receive the return device … approximately 2
    /// business days to process a refund").
    Receipt,
    /// The day the inspection decided the refund (lx-watch: "If the product meets return
    /// standards, a full refund … will be processed within 2–5 business days").
    #[default]
    Inspection,
}

impl RefundDueFrom {
    pub const ALL: [RefundDueFrom; 2] = [RefundDueFrom::Receipt, RefundDueFrom::Inspection];

    pub fn key(self) -> &'static str {
        match self {
            RefundDueFrom::Receipt => "receipt",
            RefundDueFrom::Inspection => "inspection",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RefundDueFrom::Receipt => "The day the package arrives",
            RefundDueFrom::Inspection => "The inspection's decision",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    // Repairs
    pub assessment_due: Period,
    pub quotation_validity: Period,
    pub quotation_hold: Period,
    pub extra_media_request: Period,
    pub storage_grace: Period,
    pub storage_fee_per_day: Amount,
    pub parts_returned: bool,
    // Shipping
    pub shipping_insurance_rate: Percent,
    pub signature_threshold: Amount,
    pub shop_pays_shipping_within: Period,
    /// Who pays a return's postage.
    pub return_postage: ReturnPostage,
    /// Customers send returns from abroad: the RMA instructions speak of customs and
    /// commercial invoices. Off for a shop that ships within its own country.
    pub returns_from_abroad: bool,
    // Warranty
    pub warranty: Period,
    pub warranty_starts: WarrantyStart,
    pub dead_on_arrival: Period,
    // Returns
    pub return_window: Period,
    pub return_window_starts: ReturnWindowStart,
    /// When a return by choice is refused for the state the item is in: opened, used, or
    /// both (stored before as the yes/no `returns_unopened_only`).
    #[serde(alias = "returns_unopened_only")]
    pub returns_condition: ConditionRule,
    /// Whether a photo or video of the defect comes before a defect return is authorized.
    #[serde(alias = "return_evidence_required")]
    pub return_evidence: EvidenceRule,
    /// Smartwatches once paired with a phone (data transferred) are used goods and not taken
    /// back by choice (the Turkish store): the inspection checks "not paired".
    pub paired_devices_excluded: bool,
    pub colour_claims_accepted: bool,
    pub non_returnable: Vec<String>,
    /// A parcel must bear its RMA code (lx-watch: "Packages without a visible RMA code … will
    /// be held"). Off where the policy has no codes (the Turkish store asks for a signed
    /// return form): the code is then only the return's reference, and the instructions say
    /// nothing of parcels without one.
    pub rma_required: bool,
    pub rma_validity: Period,
    pub no_rma_hold: Period,
    pub inspection_due: Period,
    pub partial_refund_min: Percent,
    pub partial_refund_max: Percent,
    pub refund_due: Period,
    pub refund_due_from: RefundDueFrom,
    /// How long a refund takes to show in the customer's account, from the day it is paid,
    /// by the way it is paid: to the original card, through PayPal, by bank transfer.
    pub card_refund_posting: PeriodRange,
    pub paypal_refund_posting: PeriodRange,
    pub bank_refund_posting: PeriodRange,
    pub replacement_due: Period,
    /// The refund is the price; what the customer paid on top for the original delivery
    /// and its insurance is refunded with it only where the policy says so (no seed does:
    /// lx-watch refunds "excluding original shipping fees and insurance costs").
    pub original_shipping_refunded: bool,
    pub insurance_refunded: bool,
    pub deduct_return_customs: bool,
    pub paypal_refund_fee: Percent,
    /// How the bank refunds a purchase paid by card in instalments, as the shop records it
    /// ("The bank refunds the instalments already charged to the card and cancels the
    /// rest."); empty where the shop has not said.
    pub instalment_refund_rule: String,
    /// The most monthly instalments the shop offers on a card (the Turkish store: "12 Months
    /// Installment Option"); banks spread a payment over 2 to 36.
    pub max_instalments: u8,
    pub exchange_window: Period,
    pub exchange_fee: Percent,
    // Calendar
    pub calendar: WorkCalendar,
}

impl Default for Policy {
    /// The lx-watch / cleanvswatch.com policy (seed 002).
    fn default() -> Self {
        Policy {
            assessment_due: Period::business_days(2),
            quotation_validity: Period::days(14),
            quotation_hold: Period::days(3),
            extra_media_request: Period::business_days(1),
            storage_grace: Period::days(7),
            storage_fee_per_day: Amount(1_000),
            parts_returned: false,
            shipping_insurance_rate: Percent::from_whole(8),
            signature_threshold: Amount(50_000),
            shop_pays_shipping_within: Period::days(0),
            return_postage: ReturnPostage::ShopPaysForFaults,
            returns_from_abroad: true,
            warranty: Period::months(12),
            warranty_starts: WarrantyStart::Purchase,
            // lx-watch names no dead-on-arrival guarantee: off.
            dead_on_arrival: Period::days(0),
            return_window: Period::days(10),
            return_window_starts: ReturnWindowStart::Request,
            returns_condition: ConditionRule::NotRestricted,
            return_evidence: EvidenceRule::Required,
            paired_devices_excluded: false,
            colour_claims_accepted: false,
            non_returnable: Vec::new(),
            rma_required: true,
            rma_validity: Period::days(5),
            no_rma_hold: Period::days(3),
            inspection_due: Period::business_days(2),
            partial_refund_min: Percent::from_whole(20),
            partial_refund_max: Percent::from_whole(40),
            refund_due: Period::business_days(5),
            refund_due_from: RefundDueFrom::Inspection,
            card_refund_posting: PeriodRange::business_days(7, 14),
            paypal_refund_posting: PeriodRange::days(0, 1),
            bank_refund_posting: PeriodRange::business_days(1, 3),
            replacement_due: Period::days(0),
            original_shipping_refunded: false,
            insurance_refunded: false,
            deduct_return_customs: true,
            paypal_refund_fee: Percent(0),
            instalment_refund_rule: String::new(),
            max_instalments: crate::after_sale::InstalmentPlan::MOST,
            exchange_window: Period::days(0),
            exchange_fee: Percent(0),
            calendar: WorkCalendar::default(),
        }
    }
}

/// Longest text of one non-returnable category or holiday name.
pub const MAX_LABEL: usize = 80;

impl Policy {
    /// Checks rules that span fields; single fields are already checked when parsed.
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut problems = Problems::default();
        for (key, amount) in [
            ("policy.storage_fee_per_day", self.storage_fee_per_day),
            ("policy.signature_threshold", self.signature_threshold),
        ] {
            if amount.0 < 0 {
                problems.add(key, "A fee or threshold cannot be negative.");
            }
        }
        for (key, p) in self.percentages() {
            if p > Percent::MAX {
                problems.add(key, "A percentage must be between 0 and 100.");
            }
        }
        let (fewest, most) = (crate::after_sale::InstalmentPlan::FEWEST, crate::after_sale::InstalmentPlan::MOST);
        if !(fewest..=most).contains(&self.max_instalments) {
            problems.add(
                "policy.max_instalments",
                format!("Banks spread a card payment over {fewest} to {most} instalments."),
            );
        }
        if self.partial_refund_min > self.partial_refund_max {
            problems.add(
                "policy.partial_refund_max",
                format!(
                    "The partial refund range is upside down: the highest ({}) is below the lowest ({}).",
                    self.partial_refund_max, self.partial_refund_min
                ),
            );
        }
        for (key, period) in self.periods() {
            if let Err(message) = period.checked() {
                problems.add(key, message);
            }
        }
        for (key, range) in self.refund_postings() {
            if let Err(message) = range.checked() {
                problems.add(key, message);
            }
        }
        if self.calendar.working_days.is_empty() {
            problems.add(
                "policy.working_days",
                "Pick at least one working day, or business-day deadlines cannot be counted.",
            );
        }
        let mut seen: Vec<jiff::civil::Date> = Vec::new();
        for Holiday { date, name } in &self.calendar.holidays {
            if seen.contains(date) {
                problems.add("policy.holidays", format!("{date} is listed twice."));
            }
            seen.push(*date);
            if name.chars().count() > MAX_LABEL {
                problems.add(
                    "policy.holidays",
                    format!("The holiday name for {date} is longer than {MAX_LABEL} characters."),
                );
            }
        }
        for category in &self.non_returnable {
            if category.trim().is_empty() || category.chars().count() > MAX_LABEL {
                problems.add("policy.non_returnable", format!("Each category needs 1 to {MAX_LABEL} characters."));
            }
        }
        problems.into_result()
    }

    pub fn periods(&self) -> [(&'static str, Period); 15] {
        [
            ("policy.assessment_due", self.assessment_due),
            ("policy.quotation_validity", self.quotation_validity),
            ("policy.quotation_hold", self.quotation_hold),
            ("policy.extra_media_request", self.extra_media_request),
            ("policy.storage_grace", self.storage_grace),
            ("policy.shop_pays_shipping_within", self.shop_pays_shipping_within),
            ("policy.warranty", self.warranty),
            ("policy.dead_on_arrival", self.dead_on_arrival),
            ("policy.return_window", self.return_window),
            ("policy.rma_validity", self.rma_validity),
            ("policy.no_rma_hold", self.no_rma_hold),
            ("policy.inspection_due", self.inspection_due),
            ("policy.refund_due", self.refund_due),
            ("policy.replacement_due", self.replacement_due),
            ("policy.exchange_window", self.exchange_window),
        ]
    }

    /// Whether a return may end in another item: an exchange by choice within the exchange
    /// window, or a replacement for a damaged or defective one (the Turkish store's "one-to-one
    /// replacement … within 14 business days", with no exchange by choice).
    pub fn offers_exchange(&self) -> bool {
        !self.exchange_window.is_none() || !self.replacement_due.is_none()
    }

    pub fn refund_postings(&self) -> [(&'static str, PeriodRange); 3] {
        [
            ("policy.card_refund_posting", self.card_refund_posting),
            ("policy.paypal_refund_posting", self.paypal_refund_posting),
            ("policy.bank_refund_posting", self.bank_refund_posting),
        ]
    }

    fn percentages(&self) -> [(&'static str, Percent); 5] {
        [
            ("policy.shipping_insurance_rate", self.shipping_insurance_rate),
            ("policy.partial_refund_min", self.partial_refund_min),
            ("policy.partial_refund_max", self.partial_refund_max),
            ("policy.paypal_refund_fee", self.paypal_refund_fee),
            ("policy.exchange_fee", self.exchange_fee),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn default_is_the_lx_watch_policy() {
        let p = Policy::default();
        assert_eq!(p.quotation_validity, Period::days(14));
        assert_eq!(p.quotation_hold, Period::days(3));
        assert_eq!(p.assessment_due, Period::business_days(2));
        assert_eq!(p.storage_grace, Period::days(7));
        assert_eq!(p.storage_fee_per_day, Amount(1000));
        assert_eq!(p.rma_validity, Period::days(5));
        assert_eq!(p.no_rma_hold, Period::days(3));
        assert_eq!(p.return_window, Period::days(10));
        assert_eq!(p.inspection_due, Period::business_days(2));
        assert_eq!((p.partial_refund_min, p.partial_refund_max), (Percent(2000), Percent(4000)));
        assert_eq!(p.shipping_insurance_rate, Percent(800));
        assert_eq!(p.signature_threshold, Amount(50_000));
        assert_eq!(p.warranty, Period::months(12));
        assert_eq!(p.dead_on_arrival, Period::days(0), "lx-watch names no dead-on-arrival guarantee");
        assert_eq!(p.return_postage, ReturnPostage::ShopPaysForFaults);
        assert_eq!(p.refund_due_from, RefundDueFrom::Inspection);
        assert!(p.returns_from_abroad);
        assert_eq!(p.card_refund_posting, PeriodRange::business_days(7, 14));
        assert_eq!(p.paypal_refund_posting, PeriodRange::days(0, 1));
        assert_eq!(p.bank_refund_posting, PeriodRange::business_days(1, 3));
        assert!(p.validate().is_ok());
    }

    #[test]
    fn a_policy_stored_before_the_refund_postings_loads_with_the_defaults() {
        // What the settings table held before the posting windows were settings.
        let mut stored = serde_json::to_value(Policy {
            refund_due: Period::days(14),
            calendar: WorkCalendar {
                holidays: vec![Holiday { date: jiff::civil::date(2026, 12, 25), name: "Christmas".into() }],
                ..WorkCalendar::default()
            },
            ..Policy::default()
        })
        .unwrap();
        let fields = stored.as_object_mut().unwrap();
        for key in ["card_refund_posting", "paypal_refund_posting", "bank_refund_posting"] {
            assert!(fields.remove(key).is_some(), "{key}");
        }
        let loaded: Policy = serde_json::from_value(stored).unwrap();
        assert_eq!(loaded.refund_due, Period::days(14), "the stored values are kept");
        assert_eq!(loaded.calendar.holidays.len(), 1);
        assert_eq!(loaded.card_refund_posting, PeriodRange::business_days(7, 14));
        assert_eq!(loaded.paypal_refund_posting, PeriodRange::days(0, 1));
        assert_eq!(loaded.bank_refund_posting, PeriodRange::business_days(1, 3));
        assert!(loaded.validate().is_ok());
    }

    #[test]
    fn a_policy_stored_with_the_yes_no_evidence_setting_loads_as_required_or_not_asked() {
        for (stored, rule) in [(true, EvidenceRule::Required), (false, EvidenceRule::NotAsked)] {
            let mut json = serde_json::to_value(Policy::default()).unwrap();
            let fields = json.as_object_mut().unwrap();
            fields.remove("return_evidence");
            fields.remove("paired_devices_excluded");
            fields.insert("return_evidence_required".into(), serde_json::json!(stored));
            let loaded: Policy = serde_json::from_value(json).unwrap();
            assert_eq!(loaded.return_evidence, rule);
            assert!(!loaded.paired_devices_excluded);
        }
        let json = serde_json::to_value(Policy { return_evidence: EvidenceRule::MayBeRequested, ..Policy::default() });
        assert_eq!(json.unwrap()["return_evidence"], "may_be_requested");
        let again: Policy =
            serde_json::from_value(serde_json::json!({ "return_evidence": "may_be_requested" })).unwrap();
        assert_eq!(again.return_evidence, EvidenceRule::MayBeRequested);
        assert!(serde_json::from_value::<Policy>(serde_json::json!({ "return_evidence": "sometimes" })).is_err());
    }

    #[test]
    fn refuses_refund_postings_in_months_upside_down_or_too_long() {
        let p = Policy {
            card_refund_posting: PeriodRange { from: 1, to: 2, unit: crate::PeriodUnit::Months },
            paypal_refund_posting: PeriodRange::days(3, 1),
            bank_refund_posting: PeriodRange::business_days(1, 5_000),
            ..Policy::default()
        };
        let err = p.validate().unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            ["policy.card_refund_posting", "policy.paypal_refund_posting", "policy.bank_refund_posting"]
        );
        assert!(err.fields()[1].message.contains("upside down"));
    }

    #[test]
    fn refuses_negative_fees_and_upside_down_ranges() {
        let p = Policy {
            storage_fee_per_day: Amount(-1),
            partial_refund_min: Percent(5000),
            partial_refund_max: Percent(4000),
            calendar: WorkCalendar { working_days: vec![], holidays: vec![] },
            ..Policy::default()
        };
        let err = p.validate().unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["policy.storage_fee_per_day", "policy.partial_refund_max", "policy.working_days"]);
        assert_eq!(err.code(), Code::InvalidInput);
    }

    #[test]
    fn refuses_over_long_periods_and_duplicate_holidays() {
        let day = jiff::civil::date(2026, 12, 25);
        let p = Policy {
            warranty: Period::months(500),
            calendar: WorkCalendar {
                holidays: vec![
                    Holiday { date: day, name: "Christmas".into() },
                    Holiday { date: day, name: "Again".into() },
                ],
                ..WorkCalendar::default()
            },
            ..Policy::default()
        };
        let err = p.validate().unwrap_err();
        assert!(err.fields().iter().any(|f| f.field == "policy.warranty"));
        assert!(err.fields().iter().any(|f| f.field == "policy.holidays" && f.message.contains("twice")));
    }
}
