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
    #[error("{}", sqlite_words(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("The database could not be upgraded: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{context}: {}", io_words(.source))]
    Io { context: String, source: std::io::Error },
    #[error("Stored data is damaged: {0}")]
    Corrupt(String),
}

impl StoreError {
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
