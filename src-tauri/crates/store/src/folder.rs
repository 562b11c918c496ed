//! The data folder: one SQLite file, the attachments and the backups, held by one app at a time.

use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Result, StoreError};

/// Same name as the Tauri app's identifier, so the CLI and the app find the same folder.
pub const APP_IDENTIFIER: &str = "app.caseback.desktop";
pub const DATABASE_FILE: &str = "caseback.sqlite";
const LOCK_FILE: &str = "caseback.lock";

/// The shop's data folder, held exclusively while this value lives.
///
/// The lock is an OS file lock (flock): the OS drops it when the process ends, even on a
/// crash or kill -9, so a stale lock can never keep a shop out of its own data.
#[derive(Debug)]
pub struct DataFolder {
    root: PathBuf,
    /// `None` for a folder only looked at (`Shop::open_read_only`).
    _lock: Option<File>,
}

impl DataFolder {
    /// `CASEBACK_DATA_DIR` if set, else the OS app-data folder (`~/.local/share/app.caseback.desktop`).
    pub fn default_root() -> PathBuf {
        if let Some(dir) = std::env::var_os("CASEBACK_DATA_DIR").filter(|d| !d.is_empty()) {
            return PathBuf::from(dir);
        }
        dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER)
    }

    /// The demo shop lives beside the real one, never mixed into it.
    pub fn demo_root(root: &Path) -> PathBuf {
        root.join("demo")
    }

    /// Creates the folder if needed and takes its lock; refused while another process holds it.
    pub fn lock(root: &Path) -> Result<DataFolder> {
        fs::create_dir_all(root)
            .map_err(|e| StoreError::io(format!("Could not create the data folder {}", root.display()), e))?;
        let path = root.join(LOCK_FILE);
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| StoreError::io(format!("Could not open {}", path.display()), e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = match holder.trim() {
                    "" => "another process".to_string(),
                    h => h.to_string(),
                };
                return Err(StoreError::FolderInUse { folder: root.to_path_buf(), holder });
            }
            Err(TryLockError::Error(e)) => return Err(StoreError::io(format!("Could not lock {}", path.display()), e)),
        }
        // Say who holds it, for the message another copy shows.
        let _ = file.set_len(0).and_then(|_| file.rewind()).and_then(|_| {
            write!(
                file,
                "process {} since {}",
                std::process::id(),
                jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC")
            )
        });
        Ok(DataFolder { root: root.to_path_buf(), _lock: Some(file) })
    }

    /// The folder without its lock, for reading only (the app may hold it meanwhile).
    pub fn unlocked(root: &Path) -> DataFolder {
        DataFolder { root: root.to_path_buf(), _lock: None }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn database(&self) -> PathBuf {
        self.root.join(DATABASE_FILE)
    }

    pub fn attachments(&self) -> PathBuf {
        self.root.join("attachments")
    }

    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use caseback_domain::Code;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataFolder::lock(dir.path()).unwrap();
        let err = DataFolder::lock(dir.path()).unwrap_err();
        assert_eq!(err.code(), Code::DataFolderInUse);
        assert!(err.to_string().contains(&format!("process {}", std::process::id())), "{err}");
        drop(first);
        DataFolder::lock(dir.path()).expect("free again once the first copy closes");
    }
}
