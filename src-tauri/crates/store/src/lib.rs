//! Caseback's store: the data folder, the SQLite database and one module per table.
//!
//! `Shop` is the open data folder. Each of its methods that changes records runs in one
//! transaction with the event-log entry that records it: both are written, or neither.

mod after_sale;
pub mod attachments;
pub mod backup;
pub mod backups;
mod clock;
pub mod collection_notices;
pub mod completions;
mod customer_edits;
pub mod customers;
pub mod db;
pub mod demo;
mod demo_repairs;
mod demo_returns;
mod error;
pub mod events;
pub mod export;
pub mod folder;
pub mod intake;
pub mod payments;
pub mod quotations;
mod quoting;
mod records;
pub mod releases;
mod returning;
pub mod returns;
pub mod settings;
pub mod shipments;
pub mod staff;
pub mod tickets;

use caseback_domain::attachment;
use caseback_domain::event::{Action, Event, Subject};
use caseback_domain::papers::Image;
use caseback_domain::staff::{check_roster_entries, RosterEntry, StaffId, StaffMember};
use caseback_domain::{DomainError, Settings};
use jiff::Timestamp;
use rusqlite::{Connection, Transaction};
use serde_json::json;

pub use attachments::Attachment;
pub use error::{Result, StoreError};
pub use folder::DataFolder;
pub use quotations::StoredQuotation;
pub use returns::ReturnRow;
pub use tickets::TicketRow;

/// An open shop: its locked data folder and its database.
pub struct Shop {
    folder: DataFolder,
    conn: Connection,
    /// Opened only to look (`open_read_only`): the app may hold the folder meanwhile.
    read_only: bool,
}

impl Shop {
    pub fn open(folder: DataFolder) -> Result<Shop> {
        let conn = db::open(&folder.database())?;
        Ok(Shop { folder, conn, read_only: false })
    }

    /// Opens a shop to read while another process may hold its folder: every write fails.
    pub fn open_read_only(root: &std::path::Path) -> Result<Shop> {
        let folder = DataFolder::unlocked(root);
        let conn = db::open_read_only(&folder.database())?;
        Ok(Shop { folder, conn, read_only: true })
    }

    pub fn folder(&self) -> &DataFolder {
        &self.folder
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn is_set_up(&self) -> Result<bool> {
        Ok(settings::load(&self.conn)?.is_some())
    }

    pub fn settings(&self) -> Result<Settings> {
        settings::load(&self.conn)?.ok_or(StoreError::NotSetUp)
    }

    pub fn staff(&self) -> Result<Vec<StaffMember>> {
        staff::list(&self.conn)
    }

    /// The staff member acting now; refused if unknown or no longer active.
    pub fn actor(&self, id: StaffId) -> Result<StaffMember> {
        let member = staff::get(&self.conn, id)?.ok_or_else(|| {
            DomainError::invalid("staff", "Choose who is at the counter: that staff member is unknown.")
        })?;
        member.ensure_can_act()?;
        Ok(member)
    }

    /// First start: the settings and the first staff members, together or not at all.
    pub fn set_up(&mut self, settings: &Settings, staff_names: &[String], now: Timestamp) -> Result<Vec<StaffMember>> {
        if self.is_set_up()? {
            return Err(DomainError::invalid("shop", "This shop is already set up; change it in Settings.").into());
        }
        settings.validate()?;
        let roster: Vec<RosterEntry> =
            staff_names.iter().map(|n| RosterEntry { id: None, name: n.clone(), active: true }).collect();
        let roster = check_roster_entries(&roster)?;
        let tx = self.conn.transaction()?;
        settings::save(&tx, settings, now)?;
        let mut first = None;
        for entry in &roster {
            let id = staff::insert(&tx, &entry.name, now)?;
            first.get_or_insert(id);
        }
        log(
            &tx,
            now,
            first,
            Subject::Settings,
            "shop",
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
        next.validate()?;
        let roster = check_roster_entries(roster)?;
        let current = self.settings()?;
        let known = self.staff()?;
        let tx = self.conn.transaction()?;
        let mut staff_changes = Vec::new();
        for entry in &roster {
            match entry.id {
                None => {
                    staff::insert(&tx, &entry.name, now)?;
                    staff_changes.push(format!("added {}", entry.name));
                }
                Some(id) => {
                    let old = known.iter().find(|m| m.id == id).ok_or_else(|| {
                        DomainError::invalid(
                            "staff",
                            format!("Staff member {} is unknown; reload Settings.", entry.name),
                        )
                    })?;
                    let member = StaffMember { id, name: entry.name.clone(), active: entry.active };
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
        settings::save(&tx, next, now)?;
        log(
            &tx,
            now,
            Some(by),
            Subject::Settings,
            "shop",
            Action::SettingsSaved,
            json!({ "fields": changed, "staff": staff_changes }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Stores an image as the shop's logo (copied into the data folder).
    pub fn set_logo(&mut self, by: StaffId, bytes: &[u8], original_name: &str, now: Timestamp) -> Result<()> {
        self.actor(by)?;
        let media = attachment::accept_image("shop.logo", bytes)?;
        let mut next = self.settings()?;
        let tx = self.conn.transaction()?;
        let stored = attachments::put(&tx, &self.folder.attachments(), bytes, original_name, media, now)?;
        next.shop.logo = Some(stored.sha256.clone());
        settings::save(&tx, &next, now)?;
        log(
            &tx,
            now,
            Some(by),
            Subject::Settings,
            "shop",
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
        let tx = self.conn.transaction()?;
        settings::save(&tx, &next, now)?;
        log(&tx, now, Some(by), Subject::Settings, "shop", Action::LogoCleared, json!({}))?;
        tx.commit()?;
        Ok(())
    }

    /// The shop's logo, if it has one.
    pub fn logo(&self) -> Result<Option<Image>> {
        let Some(sha) = self.settings()?.shop.logo else { return Ok(None) };
        let record =
            attachments::get(&self.conn, &sha)?.ok_or_else(|| StoreError::Corrupt("logo record missing".into()))?;
        Ok(Some(Image { media_type: record.media_type, bytes: attachments::read(&self.folder.attachments(), &sha)? }))
    }

    /// A stored image for a paper; `None` if its file went missing (the paper leaves it off
    /// rather than failing).
    pub(crate) fn image(&self, sha256: &str) -> Option<Image> {
        self.attachment(sha256).ok().map(|(media_type, bytes)| Image { media_type, bytes })
    }

    /// An attachment's media type and bytes, checked against its hash.
    pub fn attachment(&self, sha256: &str) -> Result<(String, Vec<u8>)> {
        let record =
            attachments::get(&self.conn, sha256)?.ok_or_else(|| DomainError::NotFound { what: "That photo".into() })?;
        Ok((record.media_type, attachments::read(&self.folder.attachments(), sha256)?))
    }

    pub fn history(&self, subject: Subject, subject_id: &str) -> Result<Vec<Event>> {
        events::for_subject(&self.conn, subject, subject_id)
    }
}

/// Appends to the event log inside the caller's transaction.
pub(crate) fn log(
    tx: &Transaction,
    at: Timestamp,
    staff: Option<StaffId>,
    subject: Subject,
    subject_id: &str,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    events::append(tx, &Event { at, staff, subject, subject_id: subject_id.into(), action, detail })?;
    Ok(())
}
