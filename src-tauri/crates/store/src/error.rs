use std::path::PathBuf;

use caseback_domain::DomainError;

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
    #[error("The database could not be read or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("The database could not be upgraded: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("Stored data is damaged: {0}")]
    Corrupt(String),
}

impl StoreError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io { context: context.into(), source }
    }

    /// Stable machine code; the UI branches on it.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Domain(e) => e.code(),
            StoreError::FolderInUse { .. } => "data_folder_in_use",
            StoreError::TooNew { .. } => "database_too_new",
            StoreError::NotSetUp => "not_set_up",
            StoreError::NeedsUpgrade { .. } => "database_needs_upgrade",
            StoreError::Io { source, .. } if is_disk_full(source) => "disk_full",
            StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => "read_only",
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => match e.code {
                rusqlite::ErrorCode::DiskFull => "disk_full",
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::PermissionDenied => "read_only",
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => "busy",
                _ => "storage_failure",
            },
            _ => "storage_failure",
        }
    }
}

fn is_disk_full(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(28)
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
