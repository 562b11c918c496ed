//! Where each seed shop is, and what follows from it for a new shop that starts from its
//! preset: the currency, the tax (none in Hong Kong unless the shop sets one; KDV 20% in
//! Turkey), the time zone, and how numbers and dates are written there. Set-up fills these
//! in when a preset is chosen; the shop can change each.

use serde::Serialize;

use super::PresetId;
use crate::after_sale::{Courier, PaymentMethod};
use crate::calendar::DateStyle;
use crate::money::{NumberStyle, Percent};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Region {
    pub currency: &'static str,
    pub tax_name: &'static str,
    pub tax_rate: Percent,
    /// None where the seed names no place (the generic web shop): the computer's own zone.
    pub time_zone: Option<&'static str>,
    pub number_style: NumberStyle,
    pub date_style: DateStyle,
    /// How shops there take money, in the order the payment form offers them.
    pub payment_methods: &'static [PaymentMethod],
    /// The couriers a repaired watch goes back with, in the order the shipping form offers
    /// them ("Other courier" last).
    pub couriers: &'static [Courier],
    /// What the forms' placeholders suggest there.
    pub examples: Examples,
}

/// A form's "e.g." where the shop is: its customers' watches, carriers and banks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Examples {
    /// A watch a customer returns: "e.g. Huawei Watch GT 5".
    pub product: &'static str,
    /// Watch brands at the intake: "e.g. Huawei, Casio".
    pub brand: &'static str,
    /// The carrier a watch arrives with: "e.g. Yurtiçi Kargo".
    pub carrier: &'static str,
    /// A bank that spreads a card payment: "e.g. Garanti BBVA".
    pub bank: &'static str,
}

const TURKEY_EXAMPLES: Examples = Examples {
    product: "e.g. Huawei Watch GT 5",
    brand: "e.g. Huawei, Casio",
    carrier: "e.g. Yurtiçi Kargo",
    bank: "e.g. Garanti BBVA",
};
const HONG_KONG_EXAMPLES: Examples = Examples {
    product: "e.g. Seiko Presage SRPD37",
    brand: "e.g. Seiko, Tudor",
    carrier: "e.g. SF Express",
    bank: "e.g. HSBC",
};
const CHINA_EXAMPLES: Examples = Examples {
    product: "e.g. KOSPET Tank T3 Ultra",
    brand: "e.g. KOSPET, Amazfit",
    carrier: "e.g. SF Express",
    bank: "e.g. China Merchants Bank",
};
const ANYWHERE_EXAMPLES: Examples =
    Examples { product: "e.g. Garmin Venu 3", brand: "e.g. Garmin, Casio", carrier: "e.g. UPS", bank: "e.g. Chase" };

impl PresetId {
    pub fn region(self) -> Region {
        match self {
            // cleanvswatch.com, Hong Kong: prices in HKD; Hong Kong levies no GST.
            PresetId::LxWatch => Region {
                currency: "HKD",
                tax_name: "",
                tax_rate: Percent(0),
                time_zone: Some("Asia/Hong_Kong"),
                number_style: NumberStyle::PointDecimals,
                date_style: DateStyle::DaySlashes,
                // Cash and the city's own ways (FPS, Octopus, PayMe) at the counter, and the
                // card, PayPal and bank transfer lx-watch names (2.3).
                payment_methods: &[
                    PaymentMethod::Cash,
                    PaymentMethod::Card,
                    PaymentMethod::Fps,
                    PaymentMethod::Octopus,
                    PaymentMethod::PayMe,
                    PaymentMethod::PayPal,
                    PaymentMethod::BankTransfer,
                ],
                // Within the city and abroad (lx-watch 12.6: express 3-7 days, China Post).
                couriers: &[
                    Courier::SfExpress,
                    Courier::HongkongPost,
                    Courier::Dhl,
                    Courier::Ups,
                    Courier::Fedex,
                    Courier::ChinaPost,
                    Courier::Other,
                ],
                examples: HONG_KONG_EXAMPLES,
            },
            // Web shops in Shenzhen selling abroad in US dollars.
            PresetId::Softerspot | PresetId::Kospet => Region {
                currency: "USD",
                tax_name: "",
                tax_rate: Percent(0),
                time_zone: Some("Asia/Shanghai"),
                number_style: NumberStyle::PointDecimals,
                date_style: DateStyle::Iso,
                // Sold online: card and PayPal at checkout (SOFTERSPOT's "Payment Methods").
                payment_methods: &[PaymentMethod::Card, PaymentMethod::PayPal, PaymentMethod::BankTransfer],
                couriers: &[
                    Courier::SfExpress,
                    Courier::ChinaPost,
                    Courier::Dhl,
                    Courier::Ups,
                    Courier::Fedex,
                    Courier::Other,
                ],
                examples: CHINA_EXAMPLES,
            },
            // The Turkish store: lira, KDV 20%, Istanbul.
            PresetId::TurkishStore => Region {
                currency: "TRY",
                tax_name: "KDV",
                tax_rate: Percent::from_whole(20),
                time_zone: Some("Europe/Istanbul"),
                number_style: NumberStyle::CommaDecimals,
                date_style: DateStyle::DayDots,
                // "12 Months Installment Option": a card in instalments, besides cash, card
                // and the bank transfers (EFT, havale) Turkish shops take.
                payment_methods: &[
                    PaymentMethod::Cash,
                    PaymentMethod::Card,
                    PaymentMethod::BankTransfer,
                    PaymentMethod::Instalments,
                ],
                // "the cargo companies we have an agreement with": Türkiye's own.
                couriers: &[
                    Courier::YurticiKargo,
                    Courier::ArasKargo,
                    Courier::MngKargo,
                    Courier::PttKargo,
                    Courier::SuratKargo,
                    Courier::Other,
                ],
                examples: TURKEY_EXAMPLES,
            },
            PresetId::RmaWebShop => Region {
                currency: "USD",
                tax_name: "",
                tax_rate: Percent(0),
                time_zone: None,
                number_style: NumberStyle::PointDecimals,
                date_style: DateStyle::Words,
                payment_methods: &[PaymentMethod::Card, PaymentMethod::PayPal, PaymentMethod::BankTransfer],
                couriers: &[Courier::Ups, Courier::Fedex, Courier::Dhl, Courier::LocalPost, Courier::Other],
                examples: ANYWHERE_EXAMPLES,
            },
        }
    }

    /// The set-up form's values for this preset's region, by settings key.
    pub fn region_values(self) -> Vec<(&'static str, String)> {
        let r = self.region();
        let mut values = vec![
            ("money.currency", r.currency.to_string()),
            ("money.tax_name", r.tax_name.to_string()),
            ("money.tax_rate", r.tax_rate.figure()),
            ("money.number_style", r.number_style.key().to_string()),
            ("forms.date_style", r.date_style.key().to_string()),
            ("money.payment_methods", r.payment_methods.iter().map(|m| m.key()).collect::<Vec<_>>().join(",")),
        ];
        if let Some(zone) = r.time_zone {
            values.push(("shop.time_zone", zone.to_string()));
        }
        values
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Settings;

    #[test]
    fn each_preset_region_is_a_valid_start() {
        for preset in PresetId::ALL {
            let values = preset.region_values();
            let mut all: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            all.extend([("shop.name", "Shop"), ("shop.address", "1 Main St"), ("shop.phone", "+1 555 0100")]);
            let s = Settings::from_setup(preset, all).unwrap_or_else(|e| panic!("{preset:?}: {e}"));
            assert_eq!(s.currency.code(), preset.region().currency);
        }
        let hk = PresetId::LxWatch.region();
        assert_eq!((hk.currency, hk.tax_rate), ("HKD", Percent(0)), "no GST in Hong Kong");
        let tr = PresetId::TurkishStore.region();
        assert_eq!((tr.tax_name, tr.tax_rate, tr.number_style), ("KDV", Percent(2000), NumberStyle::CommaDecimals));
        // As the set-up form's field holds it: the figure beside the field's own "%".
        assert!(PresetId::TurkishStore.region_values().contains(&("money.tax_rate", "20".to_string())));
    }

    #[test]
    fn each_place_ships_with_its_own_couriers_and_suggests_its_own_examples() {
        let labels = |p: PresetId| p.region().couriers.iter().map(|c| c.label()).collect::<Vec<_>>();
        assert_eq!(
            labels(PresetId::TurkishStore),
            ["Yurtiçi Kargo", "Aras Kargo", "MNG Kargo", "PTT Kargo", "Sürat Kargo", "Other courier"]
        );
        assert_eq!(labels(PresetId::LxWatch)[..5], ["SF Express", "Hongkong Post", "DHL", "UPS", "FedEx"]);
        for p in PresetId::ALL {
            assert_eq!(p.region().couriers.last(), Some(&Courier::Other), "{p:?}: any other courier, by name");
        }
        let tr = PresetId::TurkishStore.region().examples;
        assert_eq!((tr.carrier, tr.product), ("e.g. Yurtiçi Kargo", "e.g. Huawei Watch GT 5"));
        assert_eq!(PresetId::LxWatch.region().examples.carrier, "e.g. SF Express");
    }
}
