//! The Settings screen (every field with its value and the preset's wording, the staff,
//! the logo) and the first-start set-up form.

use std::collections::BTreeMap;

use caseback_domain::event::Subject;
use caseback_domain::presets::PresetId;
use caseback_domain::settings::{field_infos, FieldInfo};
use caseback_domain::staff::{RosterEntry, StaffId, StaffMember};
use caseback_domain::Settings;
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
}

impl FieldView {
    pub fn of(settings: &Settings, info: FieldInfo) -> FieldView {
        let wording = settings.preset.wording(info.key);
        FieldView {
            value: settings.field_value(info.key).unwrap_or_default(),
            wording_is_quote: wording.is_some_and(PresetId::is_quote),
            wording,
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
    has_logo: bool,
}

fn view(settings: &Settings, staff: Vec<StaffMember>) -> SettingsView {
    let fields = field_infos().into_iter().map(|info| FieldView::of(settings, info)).collect();
    SettingsView {
        preset: settings.preset,
        preset_name: settings.preset.name(),
        fields,
        staff,
        has_logo: settings.shop.logo.is_some(),
    }
}

#[derive(Serialize)]
pub struct PresetInfo {
    id: PresetId,
    name: &'static str,
    summary: &'static str,
}

#[derive(Serialize)]
pub struct SetupFormView {
    presets: Vec<PresetInfo>,
    fields: Vec<FieldView>,
}

impl SetupFormView {
    /// What the first-start form asks, with sensible first values (`time_zone` from the system).
    pub fn new(time_zone: &str) -> SetupFormView {
        let start = Settings::setup_defaults(time_zone);
        let fields = field_infos()
            .into_iter()
            .filter(|f| Settings::SETUP_KEYS.contains(&f.key))
            .map(|info| FieldView::of(&start, info))
            .collect();
        let presets =
            PresetId::ALL.into_iter().map(|id| PresetInfo { id, name: id.name(), summary: id.summary() }).collect();
        SetupFormView { presets, fields }
    }
}

#[derive(Deserialize)]
pub struct SetupForm {
    pub preset: PresetId,
    /// Settings fields by key: `shop.name`, `money.currency`, `money.tax_name`, ...
    pub values: BTreeMap<String, String>,
    pub staff: Vec<String>,
}

impl Desk {
    pub fn settings(&mut self) -> Result<SettingsView> {
        let (shop, _) = self.at()?;
        Ok(view(&shop.settings()?, shop.staff()?))
    }

    /// The form refilled from another preset, for the shop to review before saving.
    pub fn settings_with_preset(&mut self, preset: PresetId) -> Result<SettingsView> {
        let (shop, _) = self.at()?;
        Ok(view(&shop.settings()?.with_preset(preset), shop.staff()?))
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
        Ok(view(&shop.settings()?, shop.staff()?))
    }

    pub fn settings_history(&mut self) -> Result<Vec<HistoryRow>> {
        let (shop, _) = self.at()?;
        history::rows(shop, Subject::Settings, "shop")
    }

    /// The first start: the settings and the first staff members.
    pub fn set_up(&mut self, form: &SetupForm) -> Result<()> {
        let settings = Settings::from_setup(form.preset, form.values.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        let now = self.now();
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
