//! Caseback's store: the data folder, the database (SQLite in the folder, or a shared
//! PostgreSQL: see `sql`), its tables and the shop's workflows over them.
//!
//! `Shop` is the open data folder. Each of its methods that changes records runs in one
//! transaction with the event-log entry that records it: both are written, or neither.
//! The methods live in `workflows/` (one `impl Shop` per workflow); the SQL lives in
//! `tables/` (one crate-private module per table), which no caller outside reaches.

mod attachment_folder;
pub mod backup;
pub mod backups;
pub mod chain;
pub mod db;
pub mod db_postgres;
pub mod demo;
mod error;
pub mod export;
#[cfg(feature = "fixture")]
pub mod fixture;
pub mod folder;
pub mod mail_account;
pub mod private;
pub mod shared_database;
pub mod smtp;
pub mod sql;
mod tables;
mod workflows;

use caseback_domain::event::{Action, Event, Subject};
use caseback_domain::staff::StaffId;
use jiff::Timestamp;
use sql::Db;

pub use error::{Result, StoreError};
pub use folder::DataFolder;
pub use tables::attachments::Attachment;
pub use tables::outbox::OutboxMessage;
pub use tables::quotations::StoredQuotation;
pub use tables::return_cases::ReturnRow;
pub use tables::ticket_photos::Stage as PhotoStage;
pub use tables::tickets::TicketRow;
pub use tables::watches::Watch;
pub use tables::work_times::WorkTime;
pub use workflows::bench::BenchCounts;
pub use workflows::moving::{Fingerprint, TableCheck};
pub use workflows::outbox::{Claim, Claimed, Mailing, SendRound};
pub use workflows::stock::TicketPart;
pub use workflows::watches::{WatchLookup, WatchRecord};

/// An open shop: its locked data folder and its database.
pub struct Shop {
    folder: DataFolder,
    db: Db,
    /// Opened only to look (`open_read_only`): the app may hold the folder meanwhile.
    read_only: bool,
}

impl Shop {
    pub fn open(folder: DataFolder) -> Result<Shop> {
        let db = Db::sqlite(db::open(&folder.database())?);
        Shop { folder, db, read_only: false }.linked()
    }

    /// Opens the shop on a shared PostgreSQL database (upgrading its schema, refusing a newer
    /// one untouched); `folder` is this computer's own folder (its lock, backups, settings).
    pub fn open_shared(folder: DataFolder, pg: sql::pg::Pg) -> Result<Shop> {
        let db = db_postgres::open(pg)?;
        Shop { folder, db, read_only: false }.linked()
    }

    /// The shop with every ticket linked to its watch record: a shop from before watch
    /// records (schema 12) gets them when this version first opens it.
    fn linked(mut self) -> Result<Shop> {
        self.link_tickets_to_watches(Timestamp::now())?;
        Ok(self)
    }

    /// Opens a shop to read while another process may hold its folder: every write fails.
    pub fn open_read_only(root: &std::path::Path) -> Result<Shop> {
        let folder = DataFolder::unlocked(root);
        let db = Db::sqlite(db::open_read_only(&folder.database())?);
        Ok(Shop { folder, db, read_only: true })
    }

    pub fn folder(&self) -> &DataFolder {
        &self.folder
    }

    /// The shop's database, on whichever engine it is.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The SQLite connection, for tests of the file itself; a shared database has none.
    pub fn connection(&self) -> &rusqlite::Connection {
        self.db.sqlite_connection().expect("a shop in a SQLite file")
    }

    /// The SQLite file's connection, for what only a file has (its page-level backup).
    pub(crate) fn sqlite(&self) -> Result<&rusqlite::Connection> {
        self.db.sqlite_connection().ok_or(StoreError::NotOnSharedDatabase)
    }

    pub(crate) fn sqlite_mut(&mut self) -> Result<&mut rusqlite::Connection> {
        self.db.sqlite_connection_mut().ok_or(StoreError::NotOnSharedDatabase)
    }

    /// A record's history, oldest first.
    pub fn history(&self, subject: Subject, subject_id: &str) -> Result<Vec<Event>> {
        Ok(self.history_by_computer(subject, subject_id)?.into_iter().map(|(e, _)| e).collect())
    }

    /// A record's history with the computer each event was made on ('' when the shop has
    /// only ever had one).
    pub fn history_by_computer(&self, subject: Subject, subject_id: &str) -> Result<Vec<(Event, String)>> {
        tables::events::for_subject(&self.db, subject, subject_id)
    }

    /// Names this computer (the counter, the bench): each change made here is logged with it.
    pub fn set_computer(&mut self, name: &str) {
        self.db.set_computer(name);
    }

    /// Puts what is booked from now on in `branch` of a chain (or in none).
    pub fn set_branch(&mut self, branch: Option<caseback_domain::branch::BranchCode>) {
        self.db.set_branch(branch);
    }

    /// The branch this computer books in, if the shop is a chain.
    pub fn branch(&self) -> Option<caseback_domain::branch::BranchCode> {
        self.db.branch()
    }
}

/// Appends to the event log inside the caller's transaction.
pub(crate) fn log(
    tx: &Db,
    at: Timestamp,
    staff: Option<StaffId>,
    subject: Subject,
    subject_id: &str,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    tables::events::insert(tx, &Event { at, staff, subject, subject_id: subject_id.into(), action, detail })?;
    tables::events::announce(tx, subject, subject_id)
}

/// Appends a ticket's event (its subject id is the ticket's number).
pub(crate) fn log_ticket(
    tx: &Db,
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
    tx: &Db,
    at: Timestamp,
    staff: Option<StaffId>,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    log(tx, at, staff, Subject::Settings, "shop", action, detail)
}
