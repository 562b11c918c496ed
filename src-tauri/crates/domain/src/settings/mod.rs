//! The shop's settings: its profile, money and tax, paper, time zone and policy.

mod fields;
pub(crate) mod values;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use fields::{field_infos, FieldInfo, FieldKind};

use crate::error::Problems;
use crate::money::{Currency, Percent};
use crate::policy::Policy;
use crate::presets::PresetId;
use crate::DomainError;

/// What prints at the top of every form and in every message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShopProfile {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub whatsapp: String,
    pub tax_id: String,
    /// Bank account, PayPal link and the like, printed on quotations and notices.
    pub payment_details: String,
    /// The shop's short terms, printed at the foot of the intake receipt.
    pub terms: String,
    /// Content hash of the logo image in the attachments folder.
    pub logo: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tax {
    /// What the shop calls it on its forms: GST, VAT, KDV.
    pub name: String,
    pub rate: Percent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    Letter,
}

impl PaperSize {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::Letter => (215.9, 279.4),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub shop: ShopProfile,
    pub currency: Currency,
    pub tax: Tax,
    pub paper: PaperSize,
    /// IANA time zone of the shop; turns instants into the shop's calendar dates.
    pub time_zone: String,
    /// The seed preset the policy started from; its wording is the settings' help text.
    pub preset: PresetId,
    pub policy: Policy,
}

impl Settings {
    /// A new shop's settings: the given preset, everything else ready to edit.
    pub fn new(name: &str, currency: Currency, preset: PresetId, time_zone: &str) -> Settings {
        Settings {
            shop: ShopProfile { name: name.to_string(), ..ShopProfile::default() },
            currency,
            tax: Tax { name: "GST".into(), rate: Percent::from_whole(10) },
            paper: PaperSize::A4,
            time_zone: time_zone.to_string(),
            preset,
            policy: preset.policy(),
        }
    }

    /// The fields the first-start form asks for; everything else waits for Settings.
    pub const SETUP_KEYS: [&'static str; 5] =
        ["shop.name", "money.currency", "money.tax_name", "money.tax_rate", "shop.time_zone"];

    /// The setup form's first values: the default preset, USD, GST 10%, the given time zone.
    pub fn setup_defaults(time_zone: &str) -> Settings {
        let usd = Currency::from_code("USD").expect("USD is a currency");
        let zone = if TimeZone::get(time_zone).is_ok() { time_zone } else { "UTC" };
        Settings::new("", usd, PresetId::default(), zone)
    }

    /// First start: the chosen preset plus the few fields the setup form asks for.
    pub fn from_setup<'a>(
        preset: PresetId,
        values: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Settings, DomainError> {
        Settings::setup_defaults("UTC").with_preset(preset).apply(values)
    }

    pub fn time_zone(&self) -> TimeZone {
        TimeZone::get(&self.time_zone).unwrap_or(TimeZone::UTC)
    }

    /// The shop's local calendar date at instant `now`.
    pub fn today(&self, now: Timestamp) -> Date {
        now.to_zoned(self.time_zone()).date()
    }

    /// Checks the whole value; every problem is reported at once, keyed by field.
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut problems = Problems::default();
        for info in field_infos() {
            if let Some(value) = self.field_value(info.key) {
                let mut probe = self.clone();
                if let Err(e) = probe.set_field(info.key, &value) {
                    problems.add(e.field, e.message);
                }
            }
        }
        if let Err(e) = self.policy.validate() {
            problems.merge(e);
        }
        problems.into_result()
    }

    /// Applies several `key = text` values at once: all of them, or none when any is refused.
    pub fn apply<'a>(&self, values: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Settings, DomainError> {
        let mut next = self.clone();
        let mut problems = Problems::default();
        for (key, value) in values {
            if let Err(e) = next.set_field(key, value) {
                problems.add(e.field, e.message);
            }
        }
        problems.into_result()?;
        next.validate()?;
        Ok(next)
    }

    /// The keys whose values differ between `self` and `other`, for the history.
    pub fn changed_fields(&self, other: &Settings) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> =
            field_infos().into_iter().map(|f| f.key).filter(|k| self.field_value(k) != other.field_value(k)).collect();
        if self.shop.logo != other.shop.logo {
            keys.push("shop.logo");
        }
        if self.preset != other.preset {
            keys.push("policy.preset");
        }
        keys
    }

    /// The Settings screen's save: switch to `preset` if another was picked, then the edits.
    pub fn edited<'a>(
        &self,
        preset: PresetId,
        values: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Settings, DomainError> {
        let base = if preset == self.preset { self.clone() } else { self.with_preset(preset) };
        base.apply(values)
    }

    /// Replaces the policy with a preset's, keeping the profile, money and paper.
    pub fn with_preset(&self, preset: PresetId) -> Settings {
        Settings { preset, policy: preset.policy(), ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    fn shop() -> Settings {
        Settings::new("Lx Watch Repair", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong")
    }

    #[test]
    fn today_is_the_shops_local_date() {
        let s = shop();
        // 2026-11-22 17:30 UTC is already the 23rd in Hong Kong (UTC+8)
        let now: Timestamp = "2026-11-22T17:30:00Z".parse().unwrap();
        assert_eq!(s.today(now), jiff::civil::date(2026, 11, 23));
        let ny = Settings { time_zone: "America/New_York".into(), ..shop() };
        assert_eq!(ny.today(now), jiff::civil::date(2026, 11, 22));
    }

    #[test]
    fn apply_is_all_or_nothing() {
        let s = shop();
        let err = s
            .apply([("shop.name", "New name"), ("policy.storage_fee_per_day", "-5"), ("money.tax_rate", "140")])
            .unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.clone()).collect();
        assert_eq!(fields, ["policy.storage_fee_per_day", "money.tax_rate"]);
        assert_eq!(s.shop.name, "Lx Watch Repair", "the original is untouched");

        let next = s.apply([("shop.name", "New name"), ("policy.storage_fee_per_day", "12.50")]).unwrap();
        assert_eq!(next.shop.name, "New name");
        assert_eq!(next.policy.storage_fee_per_day, crate::Amount(1250));
    }

    #[test]
    fn empty_shop_name_is_refused() {
        let err = shop().apply([("shop.name", "  ")]).unwrap_err();
        assert_eq!(err.fields()[0].field, "shop.name");
        assert_eq!(err.code(), Code::InvalidInput);
    }

    #[test]
    fn partial_refund_range_is_checked_across_fields() {
        let err = shop().apply([("policy.partial_refund_min", "50")]).unwrap_err();
        assert_eq!(err.fields()[0].field, "policy.partial_refund_max");
        assert!(shop().apply([("policy.partial_refund_min", "50"), ("policy.partial_refund_max", "60")]).is_ok());
    }

    #[test]
    fn every_field_round_trips_through_text() {
        let s = shop();
        for info in field_infos() {
            let value = s.field_value(info.key).unwrap_or_else(|| panic!("{} has no value", info.key));
            let again = s.apply([(info.key, value.as_str())]).unwrap_or_else(|e| panic!("{}: {e}", info.key));
            assert_eq!(again, s, "{} changed when set to its own text {value:?}", info.key);
        }
    }

    #[test]
    fn setup_needs_a_name_and_takes_the_preset() {
        let err = Settings::from_setup(PresetId::Kospet, [("money.currency", "TRY")]).unwrap_err();
        assert_eq!(err.fields()[0].field, "shop.name");
        let s = Settings::from_setup(
            PresetId::Kospet,
            [("shop.name", "Saat Servisi"), ("money.currency", "TRY"), ("shop.time_zone", "Europe/Istanbul")],
        )
        .unwrap();
        assert_eq!(s.policy, PresetId::Kospet.policy());
        assert_eq!(s.currency.code(), "TRY");
    }

    #[test]
    fn presets_keep_the_profile() {
        let s = shop().apply([("shop.phone", "+852 5555 0101")]).unwrap();
        let k = s.with_preset(PresetId::Kospet);
        assert_eq!(k.shop.phone, "+852 5555 0101");
        assert_eq!(k.policy, PresetId::Kospet.policy());
    }
}
