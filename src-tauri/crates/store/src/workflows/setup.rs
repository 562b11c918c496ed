//! Setting the shop up and keeping it so: the first start, the settings and staff list,
//! the logo, and who may act at the counter.

use caseback_domain::attachment;
use caseback_domain::event::Action;
use caseback_domain::papers::Image;
use caseback_domain::staff::{check_roster_entries, RosterEntry, StaffId, StaffMember};
use caseback_domain::{DomainError, Settings};
use jiff::Timestamp;
use serde_json::json;

use crate::attachment_folder;
use crate::error::{Result, StoreError};
use crate::tables::{attachments, settings, shop_secrets, staff};
use crate::{log_settings, Shop};

impl Shop {
    pub fn is_set_up(&self) -> Result<bool> {
        Ok(settings::get(&self.db)?.is_some())
    }

    pub fn settings(&self) -> Result<Settings> {
        settings::get(&self.db)?.ok_or(StoreError::NotSetUp)
    }

    pub fn staff(&self) -> Result<Vec<StaffMember>> {
        staff::list(&self.db)
    }

    /// The staff member acting now; refused if unknown or no longer active.
    pub fn actor(&self, id: StaffId) -> Result<StaffMember> {
        let member = staff::get(&self.db, id)?.ok_or_else(|| {
            DomainError::invalid("staff", "Choose who is at the counter: that staff member is unknown.")
        })?;
        member.ensure_can_act()?;
        Ok(member)
    }

    /// First start: the settings, the first staff members and the shop's secret RMA key
    /// (new, from the system's secure generator), together or not at all.
    pub fn set_up(&mut self, settings: &Settings, staff_names: &[String], now: Timestamp) -> Result<Vec<StaffMember>> {
        if self.is_set_up()? {
            return Err(DomainError::invalid("shop", "This shop is already set up; change it in Settings.").into());
        }
        settings.validate()?;
        let roster = check_roster_entries(&caseback_domain::staff::roster_at_set_up(staff_names))?;
        let tx = self.db.transaction()?;
        settings::put(&tx, settings, now)?;
        // A key already there stays: codes may have been issued under it (version 7's
        // migration keys a database that holds codes but no settings).
        if shop_secrets::rma_key(&tx)?.is_none() {
            shop_secrets::insert(&tx, &shop_secrets::new_rma_key()?)?;
        }
        let mut first = None;
        for entry in &roster {
            let id = staff::insert(&tx, &entry.name, entry.role, now)?;
            first.get_or_insert(id);
        }
        log_settings(
            &tx,
            now,
            first,
            Action::ShopSetUp,
            json!({ "shop": settings.shop.name, "preset": settings.preset }),
        )?;
        tx.commit()?;
        self.staff()
    }

    /// Saves edited settings and staff list, logging which fields changed.
    pub fn save_settings(
        &mut self,
        by: StaffId,
        next: &Settings,
        roster: &[RosterEntry],
        now: Timestamp,
    ) -> Result<()> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        next.validate()?;
        let roster = check_roster_entries(roster)?;
        let current = self.settings()?;
        let known = self.staff()?;
        let mut staff_changes = Vec::new();
        for entry in &roster {
            match entry.id {
                None => {
                    staff::insert(&tx, &entry.name, entry.role, now)?;
                    staff_changes.push(format!("added {}", entry.name));
                }
                Some(id) => {
                    let old = known.iter().find(|m| m.id == id).ok_or_else(|| {
                        DomainError::invalid(
                            "staff",
                            format!("Staff member {} is unknown; reload Settings.", entry.name),
                        )
                    })?;
                    let member = StaffMember { id, name: entry.name.clone(), active: entry.active, role: entry.role };
                    if &member != old {
                        staff::update(&tx, &member)?;
                        staff_changes.push(format!("updated {}", entry.name));
                    }
                }
            }
        }
        let changed = current.changed_fields(next);
        if changed.is_empty() && staff_changes.is_empty() {
            return Ok(());
        }
        settings::put(&tx, next, now)?;
        log_settings(&tx, now, Some(by), Action::SettingsSaved, json!({ "fields": changed, "staff": staff_changes }))?;
        tx.commit()?;
        Ok(())
    }

    /// Stores an image as the shop's logo (copied into the data folder).
    pub fn set_logo(&mut self, by: StaffId, bytes: &[u8], original_name: &str, now: Timestamp) -> Result<()> {
        self.actor(by)?;
        let media = attachment::accept_image("shop.logo", bytes)?;
        let mut next = self.settings()?;
        let tx = self.db.transaction()?;
        let stored = attachment_folder::keep(&tx, &self.folder.attachments(), bytes, original_name, media, now)?;
        next.shop.logo = Some(stored.sha256.clone());
        settings::put(&tx, &next, now)?;
        log_settings(
            &tx,
            now,
            Some(by),
            Action::LogoSet,
            json!({ "logo": stored.sha256, "name": stored.original_name }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn clear_logo(&mut self, by: StaffId, now: Timestamp) -> Result<()> {
        self.actor(by)?;
        let mut next = self.settings()?;
        if next.shop.logo.take().is_none() {
            return Ok(());
        }
        let tx = self.db.transaction()?;
        settings::put(&tx, &next, now)?;
        log_settings(&tx, now, Some(by), Action::LogoCleared, json!({}))?;
        tx.commit()?;
        Ok(())
    }

    /// The shop's logo, if it has one.
    pub fn logo(&self) -> Result<Option<Image>> {
        let Some(sha) = self.settings()?.shop.logo else { return Ok(None) };
        let record =
            attachments::get(&self.db, &sha)?.ok_or_else(|| StoreError::Corrupt("logo record missing".into()))?;
        Ok(Some(Image {
            media_type: record.media_type,
            bytes: attachment_folder::read(&self.db, &self.folder.attachments(), &sha)?,
        }))
    }
}
