use std::path::PathBuf;

use caseback_domain::{Code, DomainError};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("Caseback is already open on this data folder ({holder}). Close that window first; two copies writing to one folder could lose records.")]
    FolderInUse { folder: PathBuf, holder: String },
    #[error("This data was written by a newer version of Caseback (schema {found}; this version knows up to {supported}). Install the newer version; the data has not been changed.")]
    TooNew { found: i64, supported: i64 },
    #[error("This data is at schema {found} and needs upgrading to {latest}: open it once with the app (or a command that changes it), then try again.")]
    NeedsUpgrade { found: i64, latest: i64 },
    #[error("The shop has not been set up yet.")]
    NotSetUp,
    #[error("This is done on the shop's own data file, not on a shared database.")]
    NotOnSharedDatabase,
    #[error("{}", sqlite_words(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("The database could not be upgraded: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The shared database cannot be reached (down, unreachable, or the connection lost).
    // A step cut off by the server going away was either saved whole or not at all; which,
    // this computer cannot know when the answer to its commit was lost, so it says so.
    #[error("The shared database at {label} is not answering ({reason}). This step was not confirmed: once the server is back (Caseback connects again by itself), check whether it was saved.")]
    ServerUnavailable { label: String, reason: String },
    #[error("The shared database at {label} refused this: {reason}")]
    Postgres { label: String, reason: String, code: Option<String> },
    #[error("{context}: {}", io_words(.source))]
    Io { context: String, source: std::io::Error },
    #[error("Stored data is damaged: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// The server could not be reached at all (refused, timed out, no such host).
    /// A connection that failed: a refusal of what was typed (the user, the password, the
    /// database's name) at its field, or else the server being away.
    pub(crate) fn from_connect(label: &str, e: postgres::Error) -> StoreError {
        let field = |field: &str, message: String| StoreError::Domain(DomainError::invalid(field, message));
        match e.code().map(|c| c.code()) {
            Some("28P01") => field("password", "The server refused this password for this user.".into()),
            Some("28000") => field(
                "user",
                "The server does not let this user in from this computer: check the user, or the server's pg_hba.conf."
                    .into(),
            ),
            Some("3D000") => field("database", "The server has no database of this name.".into()),
            // The server answered but would not take the connection (starting up after a
            // crash, shutting down): its own words are the reason, where the driver's are
            // only "db error" (found by `server_faults`).
            Some(_) => StoreError::ServerUnavailable {
                label: label.into(),
                reason: e.as_db_error().map_or_else(|| e.to_string(), |db| db.message().to_string()),
            },
            None => StoreError::server(label, e),
        }
    }

    pub(crate) fn server(label: &str, e: postgres::Error) -> StoreError {
        StoreError::ServerUnavailable { label: label.into(), reason: server_reason(&e) }
    }

    /// A PostgreSQL error, as the user is told it: a lost connection is the server being
    /// away; anything else is what the server said (a trigger's refusal, a constraint).
    pub(crate) fn from_postgres(label: &str, e: postgres::Error) -> StoreError {
        match e.as_db_error() {
            // The server shutting down or restarting (57P01-57P03), or the connection failing
            // (class 08): the server is away, not refusing this change.
            Some(db) if db.code().code().starts_with("57P") || db.code().code().starts_with("08") => {
                StoreError::ServerUnavailable { label: label.into(), reason: db.message().to_string() }
            }
            Some(db) => StoreError::Postgres {
                label: label.into(),
                reason: db.message().to_string(),
                code: Some(db.code().code().to_string()),
            },
            None if e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) => {
                StoreError::server(label, e)
            }
            None => StoreError::Postgres { label: label.into(), reason: e.to_string(), code: None },
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io { context: context.into(), source }
    }

    /// Stable machine code; the UI branches on it.
    pub fn code(&self) -> Code {
        match self {
            StoreError::Domain(e) => e.code(),
            StoreError::FolderInUse { .. } => Code::DataFolderInUse,
            StoreError::TooNew { .. } => Code::DatabaseTooNew,
            StoreError::NotSetUp => Code::NotSetUp,
            StoreError::NeedsUpgrade { .. } => Code::DatabaseNeedsUpgrade,
            StoreError::Io { source, .. } if is_disk_full(source) => Code::DiskFull,
            StoreError::Io { source, .. } if is_read_only(source) => Code::ReadOnly,
            StoreError::ServerUnavailable { .. } => Code::ServerUnavailable,
            // Serialization failures and deadlocks: another computer's change came first.
            StoreError::Postgres { code: Some(c), .. } if c == "40001" || c == "40P01" => Code::Busy,
            StoreError::Postgres { code: Some(c), .. } if c == "53100" => Code::DiskFull,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => match e.code {
                rusqlite::ErrorCode::DiskFull => Code::DiskFull,
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::PermissionDenied => Code::ReadOnly,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => Code::Busy,
                _ => Code::StorageFailure,
            },
            _ => Code::StorageFailure,
        }
    }
}

/// Why the server did not answer, in a few words (never the connection's password).
fn server_reason(e: &postgres::Error) -> String {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "the server refused the connection: is it running?".into(),
                std::io::ErrorKind::TimedOut => "no answer within 5 seconds".into(),
                std::io::ErrorKind::NotFound => "no server at that address".into(),
                _ => io.to_string(),
            };
        }
        source = s.source();
    }
    if e.is_closed() {
        "the connection was lost".into()
    } else {
        e.to_string()
    }
}

fn is_disk_full(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(28)
}

fn is_read_only(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied
        || e.kind() == std::io::ErrorKind::ReadOnlyFilesystem
        || e.raw_os_error() == Some(30)
}

const DISK_FULL: &str =
    "the disk holding the shop's data is full. Nothing from this step was saved and earlier records are safe; free some space, then try again.";
const READ_ONLY: &str = "the shop's data folder is read-only, so nothing can be saved. Nothing was changed; make the folder writable (or move the data to a writable disk), then start again.";

fn io_words(e: &std::io::Error) -> String {
    if is_disk_full(e) {
        DISK_FULL.into()
    } else if is_read_only(e) {
        READ_ONLY.into()
    } else {
        e.to_string()
    }
}

fn sqlite_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == DiskFull => format!("Could not save: {DISK_FULL}"),
        rusqlite::Error::SqliteFailure(f, _) if matches!(f.code, ReadOnly | PermissionDenied) => {
            format!("Could not save: {READ_ONLY}")
        }
        other => format!("The database could not be read or written: {other}"),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
