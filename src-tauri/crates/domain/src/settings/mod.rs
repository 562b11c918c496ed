//! The shop's settings: its profile, money and tax, paper, time zone and policy.

mod bench;
mod fields;
mod off;
pub(crate) mod values;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use fields::{field_infos, FieldInfo, FieldKind};

use crate::after_sale::PaymentMethod;
use crate::calendar::DateStyle;
use crate::error::Problems;
use crate::money::{Currency, NumberStyle, Percent};
use crate::policy::Policy;
use crate::presets::PresetId;
use crate::readings::Tolerances;
use crate::returns::BankAccounts;
use crate::service_warranty::ServiceWarrantyTerms;
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
#[serde(from = "Stored", into = "Stored")]
pub struct Settings {
    pub shop: ShopProfile,
    /// The shop's currency, written and read in `number_style`.
    pub currency: Currency,
    /// How amounts are written and read: 1,234.56 or 1.234,56.
    pub number_style: NumberStyle,
    /// How dates are written on screen and on the forms.
    pub date_style: DateStyle,
    pub tax: Tax,
    pub paper: PaperSize,
    /// IANA time zone of the shop; turns instants into the shop's calendar dates.
    pub time_zone: String,
    /// The seed preset the policy started from; its wording is the settings' help text.
    pub preset: PresetId,
    pub policy: Policy,
    /// The ways the shop takes money, in the order the payment form offers them.
    pub payment_methods: Vec<PaymentMethod>,
    /// How customers give a bank account for a refund by bank transfer: IBAN or not.
    pub bank_accounts: BankAccounts,
    /// The shop's own warranty on its work, by kind of work (none stated by the presets).
    pub service_warranty: ServiceWarrantyTerms,
    /// What the shop accepts of a watch's readings after its work.
    pub tolerances: Tolerances,
}

/// The settings as kept: the style is stored once, beside the currency it applies to.
#[derive(Clone, Serialize, Deserialize)]
struct Stored {
    shop: ShopProfile,
    currency: Currency,
    #[serde(default)]
    number_style: NumberStyle,
    #[serde(default)]
    date_style: DateStyle,
    tax: Tax,
    paper: PaperSize,
    time_zone: String,
    preset: PresetId,
    policy: Policy,
    /// Kept since version 8's payment methods; a shop from before offers the methods there
    /// were then, and asks for bank accounts the way its currency's country writes them.
    #[serde(default)]
    payment_methods: Option<Vec<PaymentMethod>>,
    #[serde(default)]
    bank_accounts: Option<BankAccounts>,
    /// Since the watch records: a shop from before states no service warranty and has the
    /// default tolerances until it sets them.
    #[serde(default)]
    service_warranty: ServiceWarrantyTerms,
    #[serde(default)]
    tolerances: Tolerances,
}

impl From<Stored> for Settings {
    fn from(s: Stored) -> Settings {
        Settings {
            shop: s.shop,
            currency: s.currency.with_style(s.number_style),
            number_style: s.number_style,
            date_style: s.date_style,
            tax: s.tax,
            paper: s.paper,
            time_zone: s.time_zone,
            preset: s.preset,
            policy: s.policy,
            payment_methods: s.payment_methods.unwrap_or_else(|| PaymentMethod::BEFORE_SETTING.to_vec()),
            bank_accounts: s.bank_accounts.unwrap_or_else(|| BankAccounts::usual_for(s.currency.code())),
            service_warranty: s.service_warranty,
            tolerances: s.tolerances,
        }
    }
}

impl From<Settings> for Stored {
    fn from(s: Settings) -> Stored {
        Stored {
            shop: s.shop,
            currency: s.currency,
            number_style: s.number_style,
            date_style: s.date_style,
            tax: s.tax,
            paper: s.paper,
            time_zone: s.time_zone,
            preset: s.preset,
            policy: s.policy,
            payment_methods: Some(s.payment_methods),
            bank_accounts: Some(s.bank_accounts),
            service_warranty: s.service_warranty,
            tolerances: s.tolerances,
        }
    }
}

impl Settings {
    /// A new shop's settings: the given preset, everything else ready to edit.
    pub fn new(name: &str, currency: Currency, preset: PresetId, time_zone: &str) -> Settings {
        Settings {
            shop: ShopProfile { name: name.to_string(), ..ShopProfile::default() },
            currency: currency.with_style(NumberStyle::default()),
            number_style: NumberStyle::default(),
            date_style: DateStyle::default(),
            tax: Tax { name: "GST".into(), rate: Percent::from_whole(10) },
            paper: PaperSize::A4,
            time_zone: time_zone.to_string(),
            preset,
            policy: preset.policy(),
            payment_methods: preset.region().payment_methods.to_vec(),
            bank_accounts: BankAccounts::usual_for(currency.code()),
            service_warranty: ServiceWarrantyTerms::default(),
            tolerances: Tolerances::default(),
        }
    }

    /// The fields the first-start form asks for; everything else waits for Settings. The
    /// address and phone are asked at once: a customer posting a return needs them.
    pub const SETUP_KEYS: [&'static str; 11] = [
        "shop.name",
        "shop.address",
        "shop.phone",
        "shop.email",
        "shop.whatsapp",
        "money.currency",
        "money.number_style",
        "money.tax_name",
        "money.tax_rate",
        "shop.time_zone",
        "forms.date_style",
    ];

    /// The setup form's first values: the default preset, USD, GST 10%, the given time zone.
    pub fn setup_defaults(time_zone: &str) -> Settings {
        let usd = Currency::from_code("USD").expect("USD is a currency");
        let zone = if TimeZone::get(time_zone).is_ok() { time_zone } else { "UTC" };
        Settings::new("", usd, PresetId::default(), zone)
    }

    /// First start: the chosen preset plus the few fields the setup form asks for. The
    /// postal address and a phone number are required: the return label, the RMA
    /// instructions and the receipt print them.
    pub fn from_setup<'a>(
        preset: PresetId,
        values: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Settings, DomainError> {
        let values: Vec<(&str, &str)> = values.into_iter().collect();
        let mut problems = Problems::default();
        for (key, why) in [
            (
                "shop.address",
                "Enter the shop's postal address: customers post returns to it, and the return label prints it.",
            ),
            ("shop.phone", "Enter the shop's phone number: customers call it, and the return label prints it."),
        ] {
            if values.iter().all(|(k, v)| *k != key || v.trim().is_empty()) {
                problems.add(key, why);
            }
        }
        // The preset's place says how the shop takes money; the currency chosen says how its
        // customers write a bank account, unless the form says otherwise.
        let start = Settings {
            payment_methods: preset.region().payment_methods.to_vec(),
            ..Settings::setup_defaults("UTC").with_preset(preset)
        };
        let bank_accounts_given = values.iter().any(|(k, _)| *k == "money.bank_accounts");
        let settings = start.apply(values.iter().copied()).map(|s| {
            if bank_accounts_given {
                s
            } else {
                Settings { bank_accounts: BankAccounts::usual_for(s.currency.code()), ..s }
            }
        });
        match settings {
            Ok(s) if problems.is_empty() => Ok(s),
            Ok(_) => Err(problems.into_result().expect_err("problems")),
            Err(e) => {
                problems.merge(e);
                Err(problems.into_result().expect_err("problems"))
            }
        }
    }

    /// Where the customer sends a return, or why it cannot be said yet (and where to set it).
    pub fn return_address(&self) -> Result<&str, DomainError> {
        let address = self.shop.address.trim();
        if address.is_empty() {
            return Err(DomainError::refused(
                crate::Code::ShopAddressMissing,
                "The shop's postal address is not set, so the customer would not know where to send the \
                 watch. Add it in Settings, under Shop (Address).",
            ));
        }
        Ok(address)
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
        if self.payment_methods.is_empty() {
            problems.add("money.payment_methods", "Pick at least one way the shop takes money.");
        }
        if self.tax.rate.0 > 0 && self.tax.name.trim().is_empty() {
            problems.add("money.tax_name", "Name the tax your forms print (GST, VAT, KDV), or set its rate to 0.");
        }
        problems.into_result()
    }

    /// Applies several `key = text` values at once: all of them, or none when any is refused.
    pub fn apply<'a>(&self, values: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Settings, DomainError> {
        let mut next = self.clone();
        let mut problems = Problems::default();
        // Amounts on the form were written in the style the shop had: read them in it, and
        // change the style last.
        let mut values: Vec<(&str, &str)> = values.into_iter().collect();
        values.sort_by_key(|(key, _)| *key == "money.number_style");
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

    /// Replaces the policy with a preset's, keeping the profile, money and paper, and the
    /// shop's own working days and holidays (its calendar, not the seed shop's).
    pub fn with_preset(&self, preset: PresetId) -> Settings {
        let policy = Policy { calendar: self.policy.calendar.clone(), ..preset.policy() };
        Settings { preset, policy, ..self.clone() }
    }

    /// The public holidays of the preset's country not yet in the shop's list, a year at a
    /// time from `today`'s year on (set-up fills them in; Settings offers each year).
    pub fn holiday_offers(&self, today: Date) -> Vec<crate::presets::HolidayOffer> {
        self.preset.holiday_offers(&self.policy.calendar, today)
    }

    /// These settings with every holiday offered on `today` added to the shop's list.
    pub fn with_public_holidays(&self, today: Date) -> Settings {
        let mut next = self.clone();
        for offer in self.holiday_offers(today) {
            next.policy.calendar = offer.add_to(&next.policy.calendar);
        }
        next
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
    fn setup_needs_a_name_an_address_and_a_phone_and_takes_the_preset() {
        let err = Settings::from_setup(PresetId::Kospet, [("money.currency", "TRY")]).unwrap_err();
        let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert!(fields.contains(&"shop.name"), "{fields:?}");
        assert!(fields.contains(&"shop.address") && fields.contains(&"shop.phone"), "{fields:?}");
        let said = |key: &str| err.fields().iter().find(|f| f.field == key).map(|f| f.message.clone());
        assert_eq!(
            said("shop.phone").as_deref(),
            Some("Enter the shop's phone number: customers call it, and the return label prints it.")
        );
        assert!(said("shop.address").is_some_and(|m| m.contains("customers post returns to it")));
        let s = Settings::from_setup(
            PresetId::Kospet,
            [
                ("shop.name", "Saat Servisi"),
                ("shop.address", "Bağdat Cd. 12, Kadıköy, İstanbul"),
                ("shop.phone", "+90 216 555 01 01"),
                ("money.currency", "TRY"),
                ("money.tax_name", ""),
                ("money.tax_rate", "0"),
                ("shop.time_zone", "Europe/Istanbul"),
            ],
        )
        .unwrap();
        assert_eq!(s.tax.name, "", "no tax name is needed at 0%");
        assert!(s.return_address().is_ok());
        let untaxed_name = s.apply([("money.tax_rate", "20")]).unwrap_err();
        assert_eq!(untaxed_name.fields()[0].field, "money.tax_name");
        let no_address = Settings { shop: ShopProfile::default(), ..s.clone() };
        assert_eq!(no_address.return_address().unwrap_err().code(), Code::ShopAddressMissing);
        assert_eq!(s.policy, PresetId::Kospet.policy());
        assert_eq!(s.currency.code(), "TRY");
    }

    #[test]
    fn another_preset_keeps_the_shops_own_holidays_and_set_up_can_fill_them_in() {
        let start = Settings::new(
            "Saat Servisi",
            Currency::from_code("TRY").unwrap(),
            PresetId::TurkishStore,
            "Europe/Istanbul",
        );
        let today = jiff::civil::date(2026, 6, 1);
        let filled = start.with_public_holidays(today);
        assert_eq!(filled.policy.calendar.holidays.len(), 14 + 13, "2026 and 2027");
        assert!(filled.validate().is_ok());
        assert!(filled.holiday_offers(today).is_empty(), "nothing left to offer");
        // Switching the policy to another preset keeps the shop's calendar.
        let k = filled.with_preset(PresetId::Kospet);
        assert_eq!(k.policy.calendar, filled.policy.calendar);
        assert_eq!(Policy { calendar: Default::default(), ..k.policy }, PresetId::Kospet.policy());
        // In 2027 Settings offers only what is missing of 2027.
        let only_2026 = start.with_public_holidays(jiff::civil::date(2027, 12, 31));
        assert_eq!(only_2026.policy.calendar.holidays.len(), 13, "2026 is past: only 2027 is filled in");
    }

    #[test]
    fn presets_keep_the_profile() {
        let s = shop().apply([("shop.phone", "+852 5555 0101")]).unwrap();
        let k = s.with_preset(PresetId::Kospet);
        assert_eq!(k.shop.phone, "+852 5555 0101");
        assert_eq!(k.policy, PresetId::Kospet.policy());
    }

    #[test]
    fn the_preset_says_how_the_shop_takes_money_and_the_currency_how_accounts_are_written() {
        use crate::after_sale::PaymentMethod::*;
        use crate::returns::BankAccounts;
        let setup = |preset: PresetId, currency: &str| {
            let values = [("shop.name", "Shop"), ("shop.address", "1 Main St"), ("shop.phone", "+1 555 0100")];
            Settings::from_setup(preset, values.into_iter().chain([("money.currency", currency)])).unwrap()
        };
        let tr = setup(PresetId::TurkishStore, "TRY");
        assert_eq!(tr.payment_methods, [Cash, Card, BankTransfer, Instalments]);
        assert_eq!(tr.bank_accounts, BankAccounts::Iban);
        let hk = setup(PresetId::LxWatch, "HKD");
        assert_eq!(hk.payment_methods, [Cash, Card, Fps, Octopus, PayMe, PayPal, BankTransfer]);
        assert_eq!(hk.bank_accounts, BankAccounts::AccountNumber, "Hong Kong writes bank code and account number");

        // Edited as text, in the order picked; nothing, or a method nobody knows, is refused.
        let s = hk.apply([("money.payment_methods", "fps, cash,fps")]).unwrap();
        assert_eq!(s.payment_methods, [Fps, Cash]);
        assert_eq!(s.field_value("money.payment_methods").unwrap(), "fps,cash");
        assert_eq!(
            hk.apply([("money.payment_methods", "bitcoin")]).unwrap_err().fields()[0].field,
            "money.payment_methods"
        );
        assert_eq!(hk.apply([("money.payment_methods", "")]).unwrap_err().fields()[0].field, "money.payment_methods");
        assert_eq!(hk.apply([("money.bank_accounts", "iban")]).unwrap().bank_accounts, BankAccounts::Iban);

        // Settings kept before methods were a setting offer what there was then.
        let mut stored = serde_json::to_value(&tr).unwrap();
        stored.as_object_mut().unwrap().retain(|k, _| k != "payment_methods" && k != "bank_accounts");
        let old: Settings = serde_json::from_value(stored).unwrap();
        assert_eq!(old.payment_methods, crate::after_sale::PaymentMethod::BEFORE_SETTING);
        assert_eq!(old.bank_accounts, BankAccounts::Iban, "from its lira");
    }
}
