//! The Settings screen (every field with its value and the preset's wording, the staff,
//! the logo) and the first-start set-up form.

use std::collections::BTreeMap;

use caseback_domain::event::Subject;
use caseback_domain::presets::{HolidayOffer, PresetId};
use caseback_domain::settings::{field_infos, FieldInfo};
use caseback_domain::staff::{RosterEntry, StaffId, StaffMember};
use caseback_domain::Settings;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::history::{self, HistoryRow};
use crate::Desk;

#[derive(Serialize)]
pub struct FieldView {
    #[serde(flatten)]
    info: FieldInfo,
    value: String,
    /// The preset seed's own words on this field, or a note that it says nothing of it.
    wording: Option<&'static str>,
    wording_is_quote: bool,
    /// A rule the shop does not have (a fee of 0, no such window): the screen shows it as
    /// off, and no form or message mentions it. False for a field that has no off.
    off: bool,
}

impl FieldView {
    pub fn of(settings: &Settings, info: FieldInfo) -> FieldView {
        let wording = settings.preset.wording(info.key);
        FieldView {
            value: settings.field_value(info.key).unwrap_or_default(),
            wording_is_quote: wording.is_some_and(PresetId::is_quote),
            wording,
            off: settings.policy.is_off(info.key).unwrap_or(false),
            info,
        }
    }
}

#[derive(Serialize)]
pub struct SettingsView {
    preset: PresetId,
    preset_name: &'static str,
    fields: Vec<FieldView>,
    staff: Vec<StaffMember>,
    /// What each staff member may be: counter, watchmaker, manager.
    roles: Vec<crate::choice::Choice>,
    /// The managers who have set a PIN: once one has, refunds, restores, settings and voided
    /// payments ask for a manager's PIN.
    with_pin: Vec<StaffId>,
    has_logo: bool,
    /// The public holidays of the preset's country, a year at a time, that the shop's list
    /// lacks: each a button that adds them to the Holidays field (saved with the rest).
    holiday_offers: Vec<HolidayOffer>,
}

fn view(settings: &Settings, staff: Vec<StaffMember>, with_pin: Vec<StaffId>, today: Date) -> SettingsView {
    let fields = field_infos().into_iter().map(|info| FieldView::of(settings, info)).collect();
    SettingsView {
        preset: settings.preset,
        preset_name: settings.preset.name(),
        fields,
        staff,
        with_pin,
        roles: crate::choice::choices(&caseback_domain::staff::Role::ALL, caseback_domain::staff::Role::label),
        has_logo: settings.shop.logo.is_some(),
        holiday_offers: settings.holiday_offers(today),
    }
}

#[derive(Serialize)]
pub struct PresetInfo {
    id: PresetId,
    name: &'static str,
    summary: &'static str,
    /// The currency, tax, time zone and number and date styles of the seed shop's place.
    region: RegionValues,
    /// The country's public holidays set-up offers to fill in, if Caseback has them.
    holidays: Option<SetupHolidays>,
}

/// "Fill in Türkiye's public holidays for 2026 and 2027 (27 days)": ticked, set-up adds
/// them to the shop's holidays (`SetupForm::public_holidays`).
#[derive(Serialize)]
pub struct SetupHolidays {
    label: String,
    count: usize,
}

impl SetupHolidays {
    fn of(preset: PresetId, today: Date) -> Option<SetupHolidays> {
        let offers = preset.holiday_offers(&Default::default(), today);
        let country = offers.first()?.country.name();
        let years: Vec<String> = offers.iter().map(|o| o.year.to_string()).collect();
        let count = offers.iter().map(|o| o.holidays.len()).sum();
        let years = match years.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        Some(SetupHolidays { label: format!("Fill in {country}'s public holidays for {years} ({count} days)"), count })
    }
}

#[derive(Serialize)]
pub struct SetupFormView {
    presets: Vec<PresetInfo>,
    fields: Vec<FieldView>,
}

/// A preset's region values, filled into set-up when it is chosen.
#[derive(Serialize)]
pub struct RegionValues(std::collections::BTreeMap<&'static str, String>);

impl SetupFormView {
    /// What the first-start form asks, with sensible first values (`time_zone` from the
    /// system), and each preset's public holidays from the year of `now` there.
    pub fn new(time_zone: &str, now: Timestamp) -> SetupFormView {
        let start = Settings::setup_defaults(time_zone);
        let today = start.today(now);
        let fields = field_infos()
            .into_iter()
            .filter(|f| Settings::SETUP_KEYS.contains(&f.key))
            .map(|info| FieldView::of(&start, info))
            .collect();
        let presets = PresetId::ALL
            .into_iter()
            .map(|id| PresetInfo {
                id,
                name: id.name(),
                summary: id.summary(),
                region: RegionValues(id.region_values().into_iter().collect()),
                holidays: SetupHolidays::of(id, today),
            })
            .collect();
        SetupFormView { presets, fields }
    }
}

#[derive(Deserialize)]
pub struct SetupForm {
    pub preset: PresetId,
    /// Settings fields by key: `shop.name`, `money.currency`, `money.tax_name`, ...
    pub values: BTreeMap<String, String>,
    pub staff: Vec<String>,
    /// Fill in the preset country's public holidays from this year on.
    #[serde(default)]
    pub public_holidays: bool,
}

impl Desk {
    pub fn settings(&mut self) -> Result<SettingsView> {
        let (shop, now) = self.at()?;
        let settings = shop.settings()?;
        let today = settings.today(now);
        Ok(view(&settings, shop.staff()?, shop.managers_with_pin()?, today))
    }

    /// The form refilled from another preset, for the shop to review before saving.
    pub fn settings_with_preset(&mut self, preset: PresetId) -> Result<SettingsView> {
        let (shop, now) = self.at()?;
        let settings = shop.settings()?.with_preset(preset);
        let today = settings.today(now);
        Ok(view(&settings, shop.staff()?, shop.managers_with_pin()?, today))
    }

    pub fn save_settings(
        &mut self,
        by: StaffId,
        preset: PresetId,
        values: &BTreeMap<String, String>,
        roster: &[RosterEntry],
    ) -> Result<SettingsView> {
        let (shop, now) = self.at()?;
        let next = shop.settings()?.edited(preset, values.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        shop.save_settings(by, &next, roster, now)?;
        let saved = shop.settings()?;
        let today = saved.today(now);
        Ok(view(&saved, shop.staff()?, shop.managers_with_pin()?, today))
    }

    pub fn settings_history(&mut self) -> Result<Vec<HistoryRow>> {
        let (shop, _) = self.at()?;
        history::rows(shop, Subject::Settings, "shop")
    }

    /// The first start: the settings and the first staff members.
    pub fn set_up(&mut self, form: &SetupForm) -> Result<()> {
        let settings = Settings::from_setup(form.preset, form.values.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        let now = self.now();
        let settings = if form.public_holidays { settings.with_public_holidays(settings.today(now)) } else { settings };
        self.shop.set_up(&settings, &form.staff, now)?;
        Ok(())
    }

    /// The logo's bytes, or none when the shop has none.
    pub fn logo(&self) -> Result<Vec<u8>> {
        Ok(self.shop.logo()?.map(|l| l.bytes).unwrap_or_default())
    }

    pub fn set_logo(&mut self, by: StaffId, name: &str, bytes: &[u8]) -> Result<()> {
        let (shop, now) = self.at()?;
        Ok(shop.set_logo(by, bytes, name, now)?)
    }

    pub fn clear_logo(&mut self, by: StaffId) -> Result<()> {
        let (shop, now) = self.at()?;
        Ok(shop.clear_logo(by, now)?)
    }
}
