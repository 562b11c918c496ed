//! The data folder: one SQLite file, the attachments and the backups, held by one app at a time.
//! It and everything in it are private to the user's account (`private`: 0700 and 0600).

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Result, StoreError};
use crate::private;

/// Same name as the Tauri app's identifier, so the CLI and the app find the same folder.
pub const APP_IDENTIFIER: &str = "app.caseback.desktop";
pub const DATABASE_FILE: &str = "caseback.sqlite";
const LOCK_FILE: &str = "caseback.lock";
/// What Caseback keeps in the folder besides the database: `demo/` is the demo shop's own
/// data folder, `DEMO-SHOP` its marker (written by `demo`).
const SUBFOLDERS: [&str; 4] = ["attachments", "backups", "exports", "demo"];
const FILES: [&str; 6] =
    [DATABASE_FILE, "caseback.sqlite-wal", "caseback.sqlite-shm", "caseback.sqlite-journal", LOCK_FILE, "DEMO-SHOP"];

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

    /// Creates the folder if needed (private to the user's account) and takes its lock;
    /// refused while another process holds it. A folder open to other accounts (an earlier
    /// version's) is tightened first, with everything Caseback keeps in it.
    pub fn lock(root: &Path) -> Result<DataFolder> {
        tighten(root).map_err(|e| StoreError::io(format!("Could not create the data folder {}", root.display()), e))?;
        let path = root.join(LOCK_FILE);
        let mut file = private::open_file(&path, File::options().read(true).write(true).create(true).truncate(false))
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

    /// Where papers are saved (`Desk::save_paper`).
    pub fn exports(&self) -> PathBuf {
        self.root.join("exports")
    }
}

/// Creates `root` privately, or makes an existing one private. Caseback's own files and
/// subfolders at the top are checked on every open (a handful); the files under the
/// subfolders only while `root` is still open to others, which only an earlier version (or a
/// pass cut short: `root` is tightened last) leaves it. Nothing else in `root` is touched.
fn tighten(root: &Path) -> std::io::Result<()> {
    if !root.exists() {
        return private::create_dir(root);
    }
    let earlier = private::is_open_to_others(root)?;
    for name in SUBFOLDERS {
        let dir = root.join(name);
        if !dir.is_dir() {
            continue;
        }
        if earlier {
            private::make_tree_private(&dir)?;
        } else {
            private::make_private(&dir)?;
        }
    }
    for name in FILES {
        private::make_private_if_there(&root.join(name))?;
    }
    private::create_dir(root)
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
