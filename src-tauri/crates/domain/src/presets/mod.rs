//! The five seed shops' policies (shared/seeds), as presets a shop picks and then edits.
//!
//! Each preset sets the values its seed text states and keeps the lx-watch default
//! (`Policy::default()`) for everything else. `wording` gives, for every policy field (and
//! the tax rate), the seed's own words behind the value: quoted verbatim, cut only with "…".
//! Text in square brackets after a quote is Caseback's note, not the shop's words; a field
//! the seed says nothing about gets a "Not stated …" note instead of a quote.

#[cfg(test)]
mod faithful;
mod holidays;
mod region;
mod wording;

use serde::{Deserialize, Serialize};

pub use holidays::{Country, HolidayOffer};
pub use region::{Examples, Region};

use crate::calendar::{Period, PeriodRange};
use crate::money::Percent;
use crate::policy::{
    ConditionRule, EvidenceRule, Policy, RefundDueFrom, ReturnPostage, ReturnWindowStart, WarrantyStart,
};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetId {
    /// 000: SOFTERSPOT, GLORY PRO smart watch web shop in Shenzhen.
    Softerspot,
    /// 001: KOSPET, smartwatch maker.
    Kospet,
    /// 002: lx-watch / cleanvswatch.com, watch repair and sales in Hong Kong. The default.
    #[default]
    LxWatch,
    /// 003: a Turkish smart watch store.
    TurkishStore,
    /// 004: a generic electronics web shop with an RMA procedure.
    RmaWebShop,
}

impl PresetId {
    pub const ALL: [PresetId; 5] =
        [PresetId::LxWatch, PresetId::Kospet, PresetId::Softerspot, PresetId::TurkishStore, PresetId::RmaWebShop];

    pub fn name(self) -> &'static str {
        match self {
            PresetId::Softerspot => "SOFTERSPOT (smart watch web shop, Shenzhen)",
            PresetId::Kospet => "KOSPET (smartwatch maker)",
            PresetId::LxWatch => "lx-watch / cleanvswatch.com (repair desk, Hong Kong)",
            PresetId::TurkishStore => "Turkish smart watch store",
            PresetId::RmaWebShop => "Electronics web shop with RMA numbers",
        }
    }

    /// One line on who the shop is and what its policy is known for.
    pub fn summary(self) -> &'static str {
        match self {
            PresetId::Softerspot => {
                "Smart watch web shop in Shenzhen: 15-day money-back returns, 1-year warranty, \
                 paid exchanges within 45 days, 10% fee on PayPal refunds."
            }
            PresetId::Kospet => {
                "Smartwatch maker: 1-year repair warranty from delivery, 7-day dead-on-arrival guarantee, \
                 15-day refund for unopened, unused items."
            }
            PresetId::LxWatch => {
                "Watch repair and sales desk in Hong Kong: assessed quotations, collection notices, \
                 storage fees, 10-day returns with RMA codes."
            }
            PresetId::TurkishStore => {
                "Smart watch store in Turkey: 2-year warranty, 14-day returns from receipt, \
                 replacements within 14 business days."
            }
            PresetId::RmaWebShop => {
                "Electronics web shop: an RMA number before any return, defective goods back within 30 days \
                 of the RMA, postage not refunded."
            }
        }
    }

    /// The number of the seed text in shared/seeds the preset is built from, e.g. "002".
    pub fn seed_file(self) -> &'static str {
        match self {
            PresetId::Softerspot => "000",
            PresetId::Kospet => "001",
            PresetId::LxWatch => "002",
            PresetId::TurkishStore => "003",
            PresetId::RmaWebShop => "004",
        }
    }

    /// The preset's policy: the values its seed states, every rule it does not state off
    /// (`Policy::turn_off`), and Caseback's default for the fields every shop needs.
    pub fn policy(self) -> Policy {
        let mut policy = self.stated();
        for info in crate::settings::field_infos() {
            let stated = self.wording(info.key).is_some_and(PresetId::is_quote);
            if info.key.starts_with("policy.") && !stated {
                policy.turn_off(info.key);
            }
        }
        policy
    }

    /// What the seed states, over Caseback's defaults.
    fn stated(self) -> Policy {
        match self {
            PresetId::LxWatch => Policy::default(),
            PresetId::Softerspot => Policy {
                warranty: Period::months(12),
                dead_on_arrival: Period::days(15),
                shop_pays_shipping_within: Period::days(30),
                return_window: Period::days(15),
                return_window_starts: ReturnWindowStart::Purchase,
                non_returnable: vec!["Custom and personalized orders".into(), "Partial pairs and bundles".into()],
                no_rma_hold: Period::days(0),
                refund_due: Period::business_days(2),
                // "Once we receive the return device to our warehouse, it will take
                // approximately 2 business days to process a refund."
                refund_due_from: RefundDueFrom::Receipt,
                card_refund_posting: PeriodRange::business_days(5, 7),
                paypal_refund_posting: PeriodRange::business_days(5, 7),
                bank_refund_posting: PeriodRange::business_days(5, 7),
                deduct_return_customs: true,
                paypal_refund_fee: Percent::from_whole(10),
                exchange_window: Period::days(45),
                exchange_fee: Percent::from_whole(50),
                // "In some cases, you may be required to include a video or photo".
                return_evidence: EvidenceRule::MayBeRequested,
                // "unworn or unused … in its original packaging": opened to look is fine.
                returns_condition: ConditionRule::Used,
                ..Policy::default()
            },
            PresetId::Kospet => Policy {
                warranty: Period::months(12),
                warranty_starts: WarrantyStart::Delivery,
                dead_on_arrival: Period::days(7),
                shop_pays_shipping_within: Period::days(7),
                return_window: Period::days(15),
                return_window_starts: ReturnWindowStart::Delivery,
                // "unused and unopened to qualify for a product refund"
                returns_condition: ConditionRule::Opened,
                deduct_return_customs: true,
                ..Policy::default()
            },
            PresetId::TurkishStore => Policy {
                warranty: Period::months(24),
                shop_pays_shipping_within: Period::days(14),
                return_window: Period::days(14),
                return_window_starts: ReturnWindowStart::Delivery,
                // "excluded from the right of withdrawal when unpacked and used"; "If the
                // technical service confirms that the devices are not used, your products will
                // be taken back".
                returns_condition: ConditionRule::OpenedAndUsed,
                // "Headphones may be excluded … due to hygiene rules. Chargers are excluded".
                non_returnable: vec!["Chargers".into(), "Headphones".into()],
                // "12 Months Installment Option"
                max_instalments: 12,
                // "within 14 days of your products reaching us"
                refund_due: Period::days(14),
                refund_due_from: RefundDueFrom::Receipt,
                card_refund_posting: PeriodRange::business_days(2, 10),
                // Damaged or defective: "a one-to-one replacement will be made", "within 14
                // business days" (an exchange by choice is not offered).
                replacement_due: Period::business_days(14),
                // "belongs to the seller in the first place … the customer must pay the
                // shipping costs for the second or more arbitrary shipments"
                return_postage: ReturnPostage::ShopPaysFirstShipment,
                // Contracted Turkish cargo companies, a Turkish phone line: no customs.
                returns_from_abroad: false,
                // "our Customer Services department may request that you send a photo".
                return_evidence: EvidenceRule::MayBeRequested,
                paired_devices_excluded: true,
                // "12 Months Installment Option": refunds go back the way banks do with instalments.
                instalment_refund_rule: "The bank refunds the instalments already charged to the card and cancels \
                                         the rest."
                    .into(),
                ..Policy::default()
            },
            PresetId::RmaWebShop => Policy {
                shop_pays_shipping_within: Period::days(0),
                // "The original shipping and return postage will not be refunded."
                return_postage: ReturnPostage::CustomerPays,
                rma_validity: Period::days(30),
                ..Policy::default()
            },
        }
    }

    /// Whether `wording` is the seed's own words (a quote) rather than a "Not stated" note.
    pub fn is_quote(wording: &str) -> bool {
        !wording.starts_with("Not stated")
    }

    /// The seed's own words for a settings field, shown as its help text. Some for every
    /// `policy.*` field and `money.tax_rate`; None for any other key. A rule the seed does
    /// not state, which the preset therefore leaves off, gets a note that says so.
    pub fn wording(self, key: &str) -> Option<&'static str> {
        let words = match self {
            PresetId::Softerspot => wording::softerspot(key),
            PresetId::Kospet => wording::kospet(key),
            PresetId::LxWatch => wording::lx_watch(key),
            PresetId::TurkishStore => wording::turkish_store(key),
            PresetId::RmaWebShop => wording::rma_web_shop(key),
        }?;
        if !PresetId::is_quote(words) && Policy::default().is_off(key).is_some() {
            return Some(self.off_note());
        }
        Some(words)
    }

    /// The note on a rule the seed does not state: it is off.
    fn off_note(self) -> &'static str {
        match self {
            PresetId::Softerspot => "Not stated in SOFTERSPOT's policy, so off until you turn it on.",
            PresetId::Kospet => "Not stated in KOSPET's policy, so off until you turn it on.",
            PresetId::LxWatch => "Not stated in lx-watch's policy, so off until you turn it on.",
            PresetId::TurkishStore => "Not stated in the Turkish store's policy, so off until you turn it on.",
            PresetId::RmaWebShop => "Not stated in the RMA web shop's policy, so off until you turn it on.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Amount;
    use crate::settings::{field_infos, Settings};
    use crate::Currency;

    fn wording_keys() -> Vec<&'static str> {
        field_infos()
            .into_iter()
            .map(|f| f.key)
            .filter(|k| k.starts_with("policy.") || *k == "money.tax_rate")
            .collect()
    }

    #[test]
    fn lx_watch_is_the_default_policy_and_the_default_preset() {
        assert_eq!(PresetId::LxWatch.policy(), Policy::default());
        assert_eq!(PresetId::default(), PresetId::LxWatch);
    }

    #[test]
    fn softerspot() {
        let p = PresetId::Softerspot.policy();
        assert_eq!(p.return_window, Period::days(15));
        assert_eq!(p.return_window_starts, ReturnWindowStart::Purchase);
        assert_eq!(p.warranty, Period::months(12));
        assert_eq!(p.shop_pays_shipping_within, Period::days(30));
        assert_eq!(p.exchange_window, Period::days(45));
        assert_eq!(p.exchange_fee, Percent(5000));
        assert_eq!(p.paypal_refund_fee, Percent(1000));
        assert_eq!(p.refund_due, Period::business_days(2));
        assert_eq!(p.non_returnable, ["Custom and personalized orders", "Partial pairs and bundles"]);
        assert!(!p.original_shipping_refunded);
        assert_eq!(p.returns_condition, ConditionRule::Used, "unused, but it may be opened");
        assert!(p.no_rma_hold.is_none(), "unauthorized returns are declined, not held");
        // "Once we issue a refund, it can take 5-7 business days for it to reflect in your
        // original method of payment."
        assert_eq!(p.card_refund_posting, PeriodRange::business_days(5, 7));
        assert_eq!(p.paypal_refund_posting, PeriodRange::business_days(5, 7));
        assert_eq!(p.bank_refund_posting, PeriodRange::business_days(5, 7));
    }

    #[test]
    fn kospet() {
        let p = PresetId::Kospet.policy();
        assert_eq!(p.warranty, Period::months(12));
        assert_eq!(p.warranty_starts, WarrantyStart::Delivery);
        assert_eq!(p.dead_on_arrival, Period::days(7));
        assert_eq!(p.shop_pays_shipping_within, Period::days(7));
        assert_eq!(p.return_window, Period::days(15));
        assert_eq!(p.return_window_starts, ReturnWindowStart::Delivery);
        assert_eq!(p.returns_condition, ConditionRule::Opened);
        assert!(p.deduct_return_customs);
        assert!(!p.original_shipping_refunded);
        assert!(p.exchange_window.is_none());
        assert_eq!(p.paypal_refund_fee, Percent(0));
        assert_lx_watch_postings(&p, "KOSPET states no posting times");
    }

    #[test]
    fn turkish_store() {
        let p = PresetId::TurkishStore.policy();
        assert_eq!(p.warranty, Period::months(24));
        assert_eq!(p.return_window, Period::days(14));
        assert_eq!(p.return_window_starts, ReturnWindowStart::Delivery);
        assert_eq!(p.returns_condition, ConditionRule::OpenedAndUsed, "unpacked AND used");
        assert_eq!(p.non_returnable, ["Chargers", "Headphones"]);
        assert_eq!(p.max_instalments, 12);
        assert!(!p.rma_required, "a signed return form, no RMA code on the parcel");
        assert!(p.extra_media_request.is_none(), "no offer of more photos is stated");
        assert_eq!(p.replacement_due, Period::business_days(14));
        assert_eq!(p.refund_due, Period::days(14));
        assert_eq!(p.shop_pays_shipping_within, Period::days(14));
        // "belongs to the seller in the first place"; "within 14 days of your products reaching us";
        // a shop in Türkiye with contracted cargo companies.
        assert_eq!(p.return_postage, ReturnPostage::ShopPaysFirstShipment);
        assert_eq!(p.refund_due_from, RefundDueFrom::Receipt);
        assert!(!p.returns_from_abroad);
        assert!(p.offers_exchange() && p.exchange_window.is_none(), "replacements, no exchange by choice");
        // "The refund will be reflected on your credit card within 2-10 business days"
        assert_eq!(p.card_refund_posting, PeriodRange::business_days(2, 10));
        assert_eq!(p.paypal_refund_posting, Policy::default().paypal_refund_posting, "not stated");
        assert_eq!(p.bank_refund_posting, Policy::default().bank_refund_posting, "not stated");
    }

    #[test]
    fn rma_web_shop() {
        let p = PresetId::RmaWebShop.policy();
        assert_eq!(p.rma_validity, Period::days(30));
        assert!(!p.original_shipping_refunded);
        assert_eq!(p.return_postage, ReturnPostage::CustomerPays, "return postage is not refunded");
        // The fields every shop needs are lx-watch's; the rules it does not state are off.
        assert_eq!(p.no_rma_hold, Period::days(3));
        assert_eq!(p.inspection_due, Period::business_days(2));
        assert_eq!(p.storage_fee_per_day, Amount(0));
        assert!(!p.returns_from_abroad && !p.deduct_return_customs, "no country named, no customs");
        assert_lx_watch_postings(&p, "the RMA web shop states no posting times");
    }

    fn assert_lx_watch_postings(p: &Policy, why: &str) {
        assert_eq!(p.card_refund_posting, PeriodRange::business_days(7, 14), "{why}");
        assert_eq!(p.paypal_refund_posting, PeriodRange::days(0, 1), "{why}");
        assert_eq!(p.bank_refund_posting, PeriodRange::business_days(1, 3), "{why}");
    }

    #[test]
    fn lx_watch_postings() {
        // "They typically take 7–14 business days to reflect in your account" and PayPal
        // refunds "reflect in your account within 24 hours"; bank transfers are not stated.
        let p = PresetId::LxWatch.policy();
        assert_lx_watch_postings(&p, "lx-watch 10.1 and 10.2");
        assert_eq!(p.card_refund_posting.to_string(), "7 to 14 business days");
        assert_eq!(p.paypal_refund_posting.to_string(), "within 1 day");
        for (key, quote) in
            [("policy.card_refund_posting", "7–14 business days"), ("policy.paypal_refund_posting", "within 24 hours")]
        {
            let wording = PresetId::LxWatch.wording(key).unwrap();
            assert!(PresetId::is_quote(wording) && wording.contains(quote), "{key}: {wording}");
        }
        assert!(!PresetId::is_quote(PresetId::LxWatch.wording("policy.bank_refund_posting").unwrap()));
    }

    #[test]
    fn posting_wording_quotes_the_seed_where_it_states_a_time() {
        let quoted = |preset: PresetId, key| PresetId::is_quote(preset.wording(key).unwrap());
        for key in ["policy.card_refund_posting", "policy.paypal_refund_posting", "policy.bank_refund_posting"] {
            assert!(quoted(PresetId::Softerspot, key), "{key}");
            assert!(!quoted(PresetId::Kospet, key), "{key}");
            assert!(!quoted(PresetId::RmaWebShop, key), "{key}");
        }
        assert!(quoted(PresetId::TurkishStore, "policy.card_refund_posting"));
        assert!(!quoted(PresetId::TurkishStore, "policy.paypal_refund_posting"));
        assert!(!quoted(PresetId::TurkishStore, "policy.bank_refund_posting"));
        assert!(PresetId::Softerspot.wording("policy.card_refund_posting").unwrap().contains("5-7 business days"));
        assert!(PresetId::TurkishStore.wording("policy.card_refund_posting").unwrap().contains("2-10 business days"));
    }

    #[test]
    fn every_preset_is_valid_and_round_trips_through_settings() {
        for preset in PresetId::ALL {
            assert!(preset.policy().validate().is_ok(), "{preset:?}");
            let s = Settings::new("Shop", Currency::from_code("USD").unwrap(), preset, "UTC");
            assert!(s.validate().is_ok(), "{preset:?}");
            for info in field_infos() {
                let value = s.field_value(info.key).unwrap();
                let again =
                    s.apply([(info.key, value.as_str())]).unwrap_or_else(|e| panic!("{preset:?} {}: {e}", info.key));
                assert_eq!(again, s, "{preset:?}: {} changed when set to its own text {value:?}", info.key);
            }
        }
    }

    #[test]
    fn every_policy_field_has_wording_in_every_preset() {
        for preset in PresetId::ALL {
            for key in wording_keys() {
                let text = preset.wording(key).unwrap_or_else(|| panic!("{preset:?} has no wording for {key}"));
                assert!(!text.trim().is_empty(), "{preset:?} {key}");
                assert!(text.chars().count() <= 400, "{preset:?} {key} is too long for help text");
            }
            assert_eq!(preset.wording("shop.name"), None);
            assert_eq!(preset.wording("policy.nonsense"), None);
        }
    }

    #[test]
    fn names_and_seed_files_are_distinct() {
        for (i, a) in PresetId::ALL.iter().enumerate() {
            assert!(!a.summary().is_empty());
            for b in &PresetId::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
                assert_ne!(a.seed_file(), b.seed_file());
            }
        }
        assert_eq!(PresetId::LxWatch.seed_file(), "002");
    }

    #[test]
    fn defect_evidence_is_asked_as_each_seed_says() {
        use crate::policy::EvidenceRule::*;
        // KOSPET "must first send a clear photo or video"; the RMA web shop "we'll need you to
        // provide some pictures"; SOFTERSPOT "in some cases, you may be required"; the Turkish
        // store "may request that you send a photo"; lx-watch states nothing (the default).
        let asked: Vec<_> = PresetId::ALL.iter().map(|p| (*p, p.policy().return_evidence)).collect();
        assert_eq!(
            asked,
            [
                (PresetId::LxWatch, Required),
                (PresetId::Kospet, Required),
                (PresetId::Softerspot, MayBeRequested),
                (PresetId::TurkishStore, MayBeRequested),
                (PresetId::RmaWebShop, Required),
            ]
        );
        // Only the Turkish store says a paired ("matched") smartwatch is second-hand.
        for p in PresetId::ALL {
            assert_eq!(p.policy().paired_devices_excluded, p == PresetId::TurkishStore, "{p:?}");
        }
        assert!(PresetId::is_quote(PresetId::TurkishStore.wording("policy.paired_devices_excluded").unwrap()));
    }

    #[test]
    fn serde_names_are_snake_case() {
        let names: Vec<_> = PresetId::ALL.iter().map(|p| serde_json::to_string(p).unwrap()).collect();
        assert_eq!(names, ["\"lx_watch\"", "\"kospet\"", "\"softerspot\"", "\"turkish_store\"", "\"rma_web_shop\""]);
        assert_eq!(serde_json::from_str::<PresetId>("\"rma_web_shop\"").unwrap(), PresetId::RmaWebShop);
    }
}
