//! The public holidays of each seed shop's country, for set-up to fill in and Settings to
//! add a year at a time. Business-day deadlines (an assessment, an inspection, a refund)
//! skip them once they are in the shop's holiday list; nothing here is applied by itself.
//!
//! Sources, and what each list leaves out:
//! - Hong Kong (lx-watch): the general holidays as gazetted by the HKSAR Government
//!   (General Holidays Ordinance, Cap. 149; the list for each year on GovHK, "General
//!   holidays for 2026" and "for 2027"). Seventeen days a year.
//! - Türkiye (the Turkish store): the official holidays of Law No. 2429 on national and
//!   general holidays, with the Ramazan and Kurban Bayramı dates as published by the
//!   Presidency of Religious Affairs (Diyanet İşleri Başkanlığı, "Dini Günler"). The eves
//!   (arife) are half days from 13:00 and are not listed: the shop is open that morning.
//! - Mainland China (SOFTERSPOT and KOSPET, Shenzhen): for 2026, the State Council General
//!   Office's notice on the 2026 holiday arrangements (国务院办公厅关于2026年部分节假日安排
//!   的通知, 4 November 2025, as Xinhua published it); the weekend days worked in exchange (1月4日, 2月14日, 2月28日, 5月9日, 9月20日,
//!   10月10日) cannot be entered as working days and are not listed. For 2027, only the
//!   statutory holidays (全国年节及纪念日放假办法, as revised in 2024): the State Council
//!   publishes the year's arrangement in the November before; add its bridging days then.
//! - The RMA web shop (004) names no country: it gets none.
//!
//! Cross-checked against the date-holidays npm package (3.37.0): its Hong Kong and Turkish
//! data give the same dates for 2026 and 2027 (it lists only the first day of each
//! Bayram); for China it has the statutory days only, which agree with the lists here.

use jiff::civil::{date, Date};
use serde::Serialize;

use super::PresetId;
use crate::calendar::{Holiday, WorkCalendar};

/// A country whose public holidays Caseback knows, for the years in its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Country {
    HongKong,
    Turkey,
    China,
}

type Day = (i16, i8, i8, &'static str);

const HONG_KONG: &[Day] = &[
    (2026, 1, 1, "The first day of January"),
    (2026, 2, 17, "Lunar New Year's Day"),
    (2026, 2, 18, "The second day of Lunar New Year"),
    (2026, 2, 19, "The third day of Lunar New Year"),
    (2026, 4, 3, "Good Friday"),
    (2026, 4, 4, "The day following Good Friday"),
    (2026, 4, 6, "The day following Ching Ming Festival"),
    (2026, 4, 7, "The day following Easter Monday"),
    (2026, 5, 1, "Labour Day"),
    (2026, 5, 25, "The day following the Birthday of the Buddha"),
    (2026, 6, 19, "Tuen Ng Festival"),
    (2026, 7, 1, "Hong Kong Special Administrative Region Establishment Day"),
    (2026, 9, 26, "The day following the Chinese Mid-Autumn Festival"),
    (2026, 10, 1, "National Day"),
    (2026, 10, 19, "The day following Chung Yeung Festival"),
    (2026, 12, 25, "Christmas Day"),
    (2026, 12, 26, "The first weekday after Christmas Day"),
    (2027, 1, 1, "The first day of January"),
    (2027, 2, 6, "Lunar New Year's Day"),
    (2027, 2, 8, "The third day of Lunar New Year"),
    (2027, 2, 9, "The fourth day of Lunar New Year"),
    (2027, 3, 26, "Good Friday"),
    (2027, 3, 27, "The day following Good Friday"),
    (2027, 3, 29, "Easter Monday"),
    (2027, 4, 5, "Ching Ming Festival"),
    (2027, 5, 1, "Labour Day"),
    (2027, 5, 13, "The Birthday of the Buddha"),
    (2027, 6, 9, "Tuen Ng Festival"),
    (2027, 7, 1, "Hong Kong Special Administrative Region Establishment Day"),
    (2027, 9, 16, "The day following the Chinese Mid-Autumn Festival"),
    (2027, 10, 1, "National Day"),
    (2027, 10, 8, "Chung Yeung Festival"),
    (2027, 12, 25, "Christmas Day"),
    (2027, 12, 27, "The first weekday after Christmas Day"),
];

const TURKEY: &[Day] = &[
    (2026, 1, 1, "Yılbaşı (New Year's Day)"),
    (2026, 3, 20, "Ramazan Bayramı, day 1"),
    (2026, 3, 21, "Ramazan Bayramı, day 2"),
    (2026, 3, 22, "Ramazan Bayramı, day 3"),
    (2026, 4, 23, "Ulusal Egemenlik ve Çocuk Bayramı"),
    (2026, 5, 1, "Emek ve Dayanışma Günü (Labour Day)"),
    (2026, 5, 19, "Atatürk'ü Anma, Gençlik ve Spor Bayramı"),
    (2026, 5, 27, "Kurban Bayramı, day 1"),
    (2026, 5, 28, "Kurban Bayramı, day 2"),
    (2026, 5, 29, "Kurban Bayramı, day 3"),
    (2026, 5, 30, "Kurban Bayramı, day 4"),
    (2026, 7, 15, "Demokrasi ve Millî Birlik Günü"),
    (2026, 8, 30, "Zafer Bayramı (Victory Day)"),
    (2026, 10, 29, "Cumhuriyet Bayramı (Republic Day)"),
    (2027, 1, 1, "Yılbaşı (New Year's Day)"),
    (2027, 3, 9, "Ramazan Bayramı, day 1"),
    (2027, 3, 10, "Ramazan Bayramı, day 2"),
    (2027, 3, 11, "Ramazan Bayramı, day 3"),
    (2027, 4, 23, "Ulusal Egemenlik ve Çocuk Bayramı"),
    (2027, 5, 1, "Emek ve Dayanışma Günü (Labour Day)"),
    (2027, 5, 16, "Kurban Bayramı, day 1"),
    (2027, 5, 17, "Kurban Bayramı, day 2"),
    (2027, 5, 18, "Kurban Bayramı, day 3"),
    // Both fall on 19 May 2027: one closed day.
    (2027, 5, 19, "Kurban Bayramı, day 4; Atatürk'ü Anma, Gençlik ve Spor Bayramı"),
    (2027, 7, 15, "Demokrasi ve Millî Birlik Günü"),
    (2027, 8, 30, "Zafer Bayramı (Victory Day)"),
    (2027, 10, 29, "Cumhuriyet Bayramı (Republic Day)"),
];

const CHINA: &[Day] = &[
    (2026, 1, 1, "New Year's Day"),
    (2026, 1, 2, "New Year holiday"),
    (2026, 1, 3, "New Year holiday"),
    (2026, 2, 15, "Spring Festival holiday"),
    (2026, 2, 16, "Spring Festival Eve"),
    (2026, 2, 17, "Spring Festival"),
    (2026, 2, 18, "Spring Festival, day 2"),
    (2026, 2, 19, "Spring Festival, day 3"),
    (2026, 2, 20, "Spring Festival holiday"),
    (2026, 2, 21, "Spring Festival holiday"),
    (2026, 2, 22, "Spring Festival holiday"),
    (2026, 2, 23, "Spring Festival holiday"),
    (2026, 4, 4, "Qingming Festival holiday"),
    (2026, 4, 5, "Qingming Festival"),
    (2026, 4, 6, "Qingming Festival holiday"),
    (2026, 5, 1, "Labour Day"),
    (2026, 5, 2, "Labour Day holiday"),
    (2026, 5, 3, "Labour Day holiday"),
    (2026, 5, 4, "Labour Day holiday"),
    (2026, 5, 5, "Labour Day holiday"),
    (2026, 6, 19, "Dragon Boat Festival"),
    (2026, 6, 20, "Dragon Boat Festival holiday"),
    (2026, 6, 21, "Dragon Boat Festival holiday"),
    (2026, 9, 25, "Mid-Autumn Festival"),
    (2026, 9, 26, "Mid-Autumn Festival holiday"),
    (2026, 9, 27, "Mid-Autumn Festival holiday"),
    (2026, 10, 1, "National Day"),
    (2026, 10, 2, "National Day holiday"),
    (2026, 10, 3, "National Day holiday"),
    (2026, 10, 4, "National Day holiday"),
    (2026, 10, 5, "National Day holiday"),
    (2026, 10, 6, "National Day holiday"),
    (2026, 10, 7, "National Day holiday"),
    (2027, 1, 1, "New Year's Day"),
    (2027, 2, 5, "Spring Festival Eve"),
    (2027, 2, 6, "Spring Festival"),
    (2027, 2, 7, "Spring Festival, day 2"),
    (2027, 2, 8, "Spring Festival, day 3"),
    (2027, 4, 5, "Qingming Festival"),
    (2027, 5, 1, "Labour Day"),
    (2027, 5, 2, "Labour Day, day 2"),
    (2027, 6, 9, "Dragon Boat Festival"),
    (2027, 9, 15, "Mid-Autumn Festival"),
    (2027, 10, 1, "National Day"),
    (2027, 10, 2, "National Day, day 2"),
    (2027, 10, 3, "National Day, day 3"),
];

impl Country {
    /// The country's name as the offers say it: "Add Türkiye's public holidays for 2027".
    pub fn name(self) -> &'static str {
        match self {
            Country::HongKong => "Hong Kong",
            Country::Turkey => "Türkiye",
            Country::China => "mainland China",
        }
    }

    fn table(self) -> &'static [Day] {
        match self {
            Country::HongKong => HONG_KONG,
            Country::Turkey => TURKEY,
            Country::China => CHINA,
        }
    }

    /// The years the table holds, earliest first.
    pub fn years(self) -> Vec<i16> {
        let mut years: Vec<i16> = self.table().iter().map(|d| d.0).collect();
        years.dedup();
        years
    }

    /// The public holidays of `year`, in date order; none for a year the table lacks.
    pub fn public_holidays(self, year: i16) -> Vec<Holiday> {
        self.table()
            .iter()
            .filter(|d| d.0 == year)
            .map(|&(y, m, d, name)| Holiday { date: date(y, m, d), name: name.to_string() })
            .collect()
    }
}

/// The holidays of one year of the shop's country it does not have yet, offered for one
/// click: "Add Türkiye's public holidays for 2027 (13 days)".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HolidayOffer {
    pub year: i16,
    pub country: Country,
    /// The holidays the shop's list lacks, in date order.
    pub holidays: Vec<Holiday>,
    pub label: String,
}

impl HolidayOffer {
    /// The shop's calendar with these holidays added (a date it already has keeps its name).
    pub fn add_to(&self, calendar: &WorkCalendar) -> WorkCalendar {
        let mut next = calendar.clone();
        for h in &self.holidays {
            if !next.holidays.iter().any(|have| have.date == h.date) {
                next.holidays.push(h.clone());
            }
        }
        next.holidays.sort_by_key(|h| h.date);
        next
    }
}

impl PresetId {
    /// The country whose public holidays the preset offers: its seed shop's.
    pub fn country(self) -> Option<Country> {
        match self {
            PresetId::LxWatch => Some(Country::HongKong),
            PresetId::Softerspot | PresetId::Kospet => Some(Country::China),
            PresetId::TurkishStore => Some(Country::Turkey),
            PresetId::RmaWebShop => None,
        }
    }

    /// For each year from `today`'s on that the table holds, the holidays `calendar` lacks;
    /// a year the shop already has in full is not offered again.
    pub fn holiday_offers(self, calendar: &WorkCalendar, today: Date) -> Vec<HolidayOffer> {
        let Some(country) = self.country() else { return Vec::new() };
        country
            .years()
            .into_iter()
            .filter(|year| *year >= today.year())
            .filter_map(|year| {
                let holidays: Vec<Holiday> = country
                    .public_holidays(year)
                    .into_iter()
                    .filter(|h| !calendar.holidays.iter().any(|have| have.date == h.date))
                    .collect();
                let n = holidays.len();
                let days = if n == 1 { "1 day".to_string() } else { format!("{n} days") };
                let label = format!("Add {}'s public holidays for {year} ({days})", country.name());
                (n > 0).then_some(HolidayOffer { year, country, holidays, label })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Weekday;

    use super::*;
    use crate::calendar::Period;
    use crate::policy::Policy;

    fn calendar_of(country: Country, year: i16) -> WorkCalendar {
        WorkCalendar { holidays: country.public_holidays(year), ..WorkCalendar::default() }
    }

    #[test]
    fn every_table_holds_2026_and_2027_in_order_without_a_date_twice() {
        for country in [Country::HongKong, Country::Turkey, Country::China] {
            assert_eq!(country.years(), [2026, 2027], "{country:?}");
            let all = country.table();
            for pair in all.windows(2) {
                assert!(date(pair[0].0, pair[0].1, pair[0].2) < date(pair[1].0, pair[1].1, pair[1].2), "{pair:?}");
            }
            for year in [2026, 2027] {
                let policy = Policy { calendar: calendar_of(country, year), ..Policy::default() };
                assert!(policy.validate().is_ok(), "{country:?} {year}: names fit, no date twice");
            }
        }
    }

    #[test]
    fn hong_kong_has_seventeen_general_holidays_a_year() {
        assert_eq!(Country::HongKong.public_holidays(2026).len(), 17);
        assert_eq!(Country::HongKong.public_holidays(2027).len(), 17);
        // Ching Ming and Easter Sunday are both 5 April 2026: the days after move on.
        let hk = calendar_of(Country::HongKong, 2026);
        for d in [date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 6), date(2026, 4, 7)] {
            assert!(!hk.is_business_day(d), "{d}");
        }
        // Lunar New Year 2027 starts on a Saturday: its second day is a Sunday, so the fourth is off.
        let hk27 = calendar_of(Country::HongKong, 2027);
        assert!(!hk27.is_business_day(date(2027, 2, 9)) && hk27.is_business_day(date(2027, 2, 10)));
        // The Christmas closure at the year end: Thursday 24 December 2026 + 2 business
        // days is Tuesday the 29th (25th Christmas, 26th-27th the weekend, 28th, 29th).
        assert_eq!(Period::business_days(2).last_day(date(2026, 12, 24), &hk), date(2026, 12, 29));
    }

    #[test]
    fn turkeys_bayrams_are_whole_days_and_the_eves_are_open() {
        let tr = calendar_of(Country::Turkey, 2026);
        assert_eq!(Country::Turkey.public_holidays(2026).len(), 14);
        assert_eq!(Country::Turkey.public_holidays(2027).len(), 13, "Kurban day 4 is also 19 May");
        // Ramazan Bayramı 2026: Friday 20 to Sunday 22 March; Thursday the 19th (arife) is open.
        assert!(tr.is_business_day(date(2026, 3, 19)));
        assert!(!tr.is_business_day(date(2026, 3, 20)));
        assert_eq!(tr.add_business_days(date(2026, 3, 19), 1), date(2026, 3, 23));
        // Kurban Bayramı 2026: Wednesday 27 to Saturday 30 May.
        assert_eq!(tr.add_business_days(date(2026, 5, 26), 1), date(2026, 6, 1));
        assert_eq!(date(2026, 5, 27).weekday(), Weekday::Wednesday);
    }

    #[test]
    fn offers_start_this_year_and_skip_what_the_shop_has() {
        let empty = WorkCalendar::default();
        let offers = PresetId::TurkishStore.holiday_offers(&empty, date(2026, 6, 1));
        let years: Vec<i16> = offers.iter().map(|o| o.year).collect();
        assert_eq!(years, [2026, 2027]);
        assert_eq!(offers[1].label, "Add Türkiye's public holidays for 2027 (13 days)");
        // With 2026 in, only 2027 is offered; in 2027, 2026 is past.
        let with_2026 = offers[0].add_to(&empty);
        let next = PresetId::TurkishStore.holiday_offers(&with_2026, date(2026, 6, 1));
        assert_eq!(next.iter().map(|o| o.year).collect::<Vec<_>>(), [2027]);
        assert_eq!(PresetId::TurkishStore.holiday_offers(&empty, date(2027, 1, 2)).len(), 1);
        assert!(PresetId::TurkishStore.holiday_offers(&empty, date(2028, 1, 1)).is_empty());
        assert!(PresetId::RmaWebShop.holiday_offers(&empty, date(2026, 6, 1)).is_empty(), "no country");
        // A date the shop has already keeps the shop's name, and is not offered again.
        let own = WorkCalendar {
            holidays: vec![Holiday { date: date(2027, 1, 1), name: "Closed".into() }],
            ..WorkCalendar::default()
        };
        let offer = &PresetId::TurkishStore.holiday_offers(&own, date(2026, 6, 1))[1];
        assert_eq!(offer.holidays.len(), 12);
        let merged = offer.add_to(&own);
        assert_eq!(merged.holidays.len(), 13);
        assert_eq!(merged.holidays[0].name, "Closed");
        assert!(merged.holidays.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn each_seed_shop_gets_its_own_countrys_holidays() {
        assert_eq!(PresetId::LxWatch.country(), Some(Country::HongKong));
        assert_eq!(PresetId::TurkishStore.country(), Some(Country::Turkey));
        assert_eq!(PresetId::Softerspot.country(), Some(Country::China));
        assert_eq!(PresetId::Kospet.country(), Some(Country::China));
        // The Spring Festival 2026 closure in Shenzhen: Sunday 15 to Monday 23 February.
        let cn = calendar_of(Country::China, 2026);
        assert_eq!(cn.add_business_days(date(2026, 2, 13), 1), date(2026, 2, 24));
    }
}
