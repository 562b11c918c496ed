//! The shop's own backups: one a day in `backups/` (kept by the rotation in the domain),
//! a full copy with the attachments to any folder (a USB stick), and restoring one.
//! It writes no SQL of its own: copies go page by page (`backup`), and a restore runs the
//! migrations after and logs itself in the restored log.

use std::path::{Path, PathBuf};

use caseback_domain::retention;
use jiff::civil::Date;
use jiff::Timestamp;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::backup::{self, BackupSummary};
use crate::error::{Result, StoreError};
use crate::{db, private, Shop};
use caseback_domain::event::Action;

const DAILY_PREFIX: &str = "caseback-";
const DAILY_SUFFIX: &str = ".sqlite";

fn daily_name(day: Date) -> String {
    format!("{DAILY_PREFIX}{day}{DAILY_SUFFIX}")
}

fn daily_day(name: &str) -> Option<Date> {
    name.strip_prefix(DAILY_PREFIX)?.strip_suffix(DAILY_SUFFIX)?.parse().ok()
}

/// The files in `dir` whose names `parse` reads (a missing folder holds none), sorted.
fn backup_files<K: Ord>(dir: &Path, parse: impl Fn(&str) -> Option<K>) -> Result<Vec<(K, PathBuf)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(format!("Could not read {}", dir.display()), e)),
    };
    let mut out: Vec<_> =
        entries.flatten().filter_map(|e| e.file_name().to_str().and_then(&parse).map(|k| (k, e.path()))).collect();
    out.sort();
    Ok(out)
}

/// The automatic backups in `dir`, oldest first.
pub fn list_daily(dir: &Path) -> Result<Vec<(Date, PathBuf)>> {
    backup_files(dir, daily_day)
}

const BEFORE_RESTORE_PREFIX: &str = "before-restore-";
const BEFORE_RESTORE_STAMP: &str = "%Y%m%dT%H%M%SZ";

/// The copies of the data each restore replaced, newest first: a restore can itself be undone.
pub fn list_before_restore(dir: &Path) -> Result<Vec<(Timestamp, PathBuf)>> {
    let mut out = backup_files(dir, |name| {
        let stamp = name.strip_prefix(BEFORE_RESTORE_PREFIX)?.strip_suffix(DAILY_SUFFIX)?;
        // The stamp is UTC, named by its trailing Z.
        let at = jiff::civil::DateTime::strptime(BEFORE_RESTORE_STAMP, stamp).ok()?;
        Some(at.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp())
    })?;
    out.reverse();
    Ok(out)
}

/// Copies every attachment `to` lacks (they are named by their content, so never change),
/// private to the user's account like the originals.
fn mirror_attachments(from: &Path, to: &Path) -> Result<usize> {
    private::create_dir(to).map_err(|e| StoreError::io(format!("Could not create {}", to.display()), e))?;
    let mut copied = 0;
    let Ok(shards) = std::fs::read_dir(from) else { return Ok(0) };
    for shard in shards.flatten().filter(|e| e.path().is_dir()) {
        for file in std::fs::read_dir(shard.path()).into_iter().flatten().flatten() {
            let target = to.join(shard.file_name()).join(file.file_name());
            if target.exists() {
                continue;
            }
            let io = |e| StoreError::io(format!("Could not copy the attachments to {}", to.display()), e);
            private::create_dir(target.parent().unwrap_or(to)).map_err(io)?;
            let part = target.with_extension("part");
            private::copy_file(&file.path(), &part).map_err(io)?;
            std::fs::rename(&part, &target).map_err(io)?;
            copied += 1;
        }
    }
    Ok(copied)
}

impl Shop {
    /// Today's automatic backup, if there is none yet: a checked copy of the database, the
    /// attachments mirrored beside it, then older days pruned by the rotation.
    pub fn daily_backup(&self, now: Timestamp) -> Result<Option<BackupSummary>> {
        let today =
            self.settings().map(|s| s.today(now)).unwrap_or_else(|_| now.to_zoned(jiff::tz::TimeZone::UTC).date());
        let dir = self.folder().backups();
        let dest = dir.join(daily_name(today));
        if dest.exists() {
            return Ok(None);
        }
        private::create_dir(&dir).map_err(|e| StoreError::io(format!("Could not create {}", dir.display()), e))?;
        let summary = self.copy_as_sqlite(&dest, &dir.join("attachments"))?;
        let days: Vec<(Date, PathBuf)> = list_daily(&dir)?;
        let pruned = retention::prune(&days.iter().map(|(d, _)| *d).collect::<Vec<_>>());
        for (day, path) in days.iter().filter(|(d, _)| pruned.contains(d)) {
            std::fs::remove_file(path)
                .map_err(|e| StoreError::io(format!("Could not remove the backup of {day}"), e))?;
        }
        Ok(Some(summary))
    }

    /// A full copy for another place: `<folder>/Caseback backup <date> <time>/` holding the
    /// checked database and every attachment, private to the user's account as the data
    /// folder is. The folder must already exist.
    pub fn backup_to_folder(&self, folder: &Path, now: Timestamp) -> Result<BackupSummary> {
        let dir = self.new_folder_in(folder, "Caseback backup", now)?;
        self.copy_as_sqlite(&dir.join("caseback.sqlite"), &dir.join("attachments"))
    }

    /// A checked Caseback SQLite file of the shop at `file`, its attachments mirrored into
    /// `attachments`: on either engine the same format, which restores into either. A shop
    /// on a shared database is copied whole into a new file first, under the shop's write
    /// lock (see `copy_into`), so a backup never holds half of a change.
    fn copy_as_sqlite(&self, file: &Path, attachments: &Path) -> Result<BackupSummary> {
        if self.db().engine() == crate::sql::Engine::Sqlite {
            let summary = backup::to_file(self.sqlite()?, file)?;
            mirror_attachments(&self.folder().attachments(), attachments)?;
            return Ok(summary);
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let scratch = file.with_file_name(format!(".{name}.copying"));
        let io = |e| StoreError::io(format!("Could not write the backup beside {}", file.display()), e);
        if scratch.exists() {
            // Left by a copy that was cut short.
            std::fs::remove_dir_all(&scratch).map_err(io)?;
        }
        private::create_dir(&scratch).map_err(io)?;
        let copied = (|| {
            let mut copy = Shop::open(crate::DataFolder::lock(&scratch)?)?;
            self.copy_into(&mut copy)?;
            let summary = backup::to_file(copy.sqlite()?, file)?;
            mirror_attachments(&copy.folder().attachments(), attachments)?;
            Ok(summary)
        })();
        let _ = std::fs::remove_dir_all(&scratch);
        copied
    }

    /// Replaces the shop's data with the backup at `path`, after backing up the current
    /// data to `backups/before-restore-….sqlite`. Attachments in an `attachments/` folder
    /// beside the backup are copied in. `by` says who restored (a staff member's name, or
    /// the command line): the staff list is the backup's now, so it is kept as text.
    /// Returns what was restored.
    pub fn restore_from(&mut self, path: &Path, by: &str, now: Timestamp) -> Result<BackupSummary> {
        let incoming = backup::summarize(path)?;
        let dir = self.folder().backups();
        let before = dir.join(format!("{BEFORE_RESTORE_PREFIX}{}{DAILY_SUFFIX}", now.strftime(BEFORE_RESTORE_STAMP)));
        private::create_dir(&dir).map_err(|e| StoreError::io(format!("Could not create {}", dir.display()), e))?;
        backup::to_file(self.sqlite()?, &before)?;
        let source =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        // All pages in one step: the shop's data is replaced in one transaction, or not at all.
        let step = Backup::new(&source, self.sqlite_mut()?)?.step(-1)?;
        if step != StepResult::Done {
            return Err(StoreError::Corrupt(format!("the restore stopped part way ({step:?}); nothing was replaced")));
        }
        db::upgrade(self.sqlite_mut()?)?;
        backup::check_integrity(self.sqlite()?)?;
        if let Some(beside) = path.parent().map(|p| p.join("attachments")) {
            mirror_attachments(&beside, &self.folder().attachments())?;
        }
        // The restored log records the restore itself, and where the replaced data went.
        let tx = self.db.transaction()?;
        let detail = serde_json::json!({
            "from": path.display().to_string(),
            "replaced_data_saved_to": before.display().to_string(),
            "by": by,
        });
        // Filed with the settings, so Settings' change history shows it.
        crate::log_settings(&tx, now, None, Action::BackupRestored, detail)?;
        tx.commit()?;
        Ok(incoming)
    }
}

impl Shop {
    /// `<folder>/<what> <local date> <time>`: the only place Caseback writes in a folder
    /// staff named, which must exist.
    pub(crate) fn new_folder_in(&self, folder: &Path, what: &str, now: Timestamp) -> Result<PathBuf> {
        let folder = existing_folder(folder)?;
        let zone = self.settings().map(|s| s.time_zone()).unwrap_or(jiff::tz::TimeZone::UTC);
        Ok(folder.join(format!("{what} {}", now.to_zoned(zone).strftime("%Y-%m-%d %H-%M-%S"))))
    }
}

/// A folder staff named: it must exist and be a folder (nothing is created outside it).
pub fn existing_folder(path: &Path) -> Result<PathBuf> {
    let bad = |why: &str| {
        StoreError::Domain(caseback_domain::DomainError::invalid("folder", format!("{}: {why}", path.display())))
    };
    if !path.is_absolute() {
        return Err(bad("give the full path of the folder (e.g. /media/usb)"));
    }
    let real = path.canonicalize().map_err(|_| bad("there is no such folder"))?;
    if !real.is_dir() {
        return Err(bad("this is a file, not a folder"));
    }
    Ok(real)
}
