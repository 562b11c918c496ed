//! Caseback's store: the data folder, the SQLite database, its tables and the shop's
//! workflows over them.
//!
//! `Shop` is the open data folder. Each of its methods that changes records runs in one
//! transaction with the event-log entry that records it: both are written, or neither.
//! The methods live in `workflows/` (one `impl Shop` per workflow); the SQL lives in
//! `tables/` (one crate-private module per table), which no caller outside reaches.

mod attachment_folder;
pub mod backup;
pub mod backups;
pub mod db;
pub mod demo;
mod error;
pub mod export;
#[cfg(feature = "fixture")]
pub mod fixture;
pub mod folder;
pub mod private;
mod tables;
mod workflows;

use caseback_domain::event::{Action, Event, Subject};
use caseback_domain::staff::StaffId;
use jiff::Timestamp;
use rusqlite::{Connection, Transaction};

pub use error::{Result, StoreError};
pub use folder::DataFolder;
pub use tables::attachments::Attachment;
pub use tables::quotations::StoredQuotation;
pub use tables::return_cases::ReturnRow;
pub use tables::tickets::TicketRow;

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

    /// A record's history, oldest first.
    pub fn history(&self, subject: Subject, subject_id: &str) -> Result<Vec<Event>> {
        tables::events::for_subject(&self.conn, subject, subject_id)
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
    tables::events::insert(tx, &Event { at, staff, subject, subject_id: subject_id.into(), action, detail })?;
    Ok(())
}

/// Appends a ticket's event (its subject id is the ticket's number).
pub(crate) fn log_ticket(
    tx: &Transaction,
    at: Timestamp,
    staff: Option<StaffId>,
    ticket: &caseback_domain::ticket::Ticket,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    log(tx, at, staff, Subject::Ticket, &ticket.number.to_string(), action, detail)
}

/// Appends an event of the shop's settings and data (Settings' change history).
pub(crate) fn log_settings(
    tx: &Transaction,
    at: Timestamp,
    staff: Option<StaffId>,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    log(tx, at, staff, Subject::Settings, "shop", action, detail)
}
