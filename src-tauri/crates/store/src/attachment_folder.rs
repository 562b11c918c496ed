//! The attachments folder beside the `attachments` table: files stored once, named by
//! their SHA-256, and the checks that a record names stored files before it refers to them.
//!
//! Files are always copied in, never referenced where they were: the data folder alone holds
//! the shop's evidence, and a backup of it is complete.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::sql::{Db, Engine};
use caseback_domain::attachment::MediaType;
use caseback_domain::DomainError;
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};
use crate::private;
use crate::tables::attachment_bytes;
use crate::tables::attachments::{self, Attachment};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where a file with this hash lives: `attachments/ab/abcdef…`. The hash is checked to be
/// 64 hex digits first, so no stored or supplied value can point outside the folder.
pub(crate) fn path_of(dir: &Path, sha256: &str) -> Result<PathBuf> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        return Err(StoreError::Corrupt(format!("\"{sha256}\" is not an attachment id")));
    }
    Ok(dir.join(&sha256[..2]).join(sha256))
}

/// Stores `bytes` (once, whatever the name) and returns its record.
pub(crate) fn keep(
    conn: &Db,
    dir: &Path,
    bytes: &[u8],
    original_name: &str,
    media: MediaType,
    now: Timestamp,
) -> Result<Attachment> {
    let sha256 = hex(&Sha256::digest(bytes));
    let name: String = original_name.chars().filter(|c| !c.is_control()).take(200).collect();
    if conn.engine() == Engine::Postgres {
        // Shared: the content goes in the database with its record, for every computer, both
        // in one transaction (the caller's, if it is in one).
        let tx = if conn.in_transaction() { None } else { Some(conn.transaction()?) };
        attachments::insert(conn, &sha256, media, bytes.len(), &name, now)?;
        attachment_bytes::insert(conn, &sha256, bytes)?;
        let kept =
            attachments::get(conn, &sha256)?.ok_or_else(|| StoreError::Corrupt("attachment row vanished".into()));
        if let Some(tx) = tx {
            tx.commit()?;
        }
        return kept;
    }
    write_file(dir, &sha256, bytes)?;
    attachments::insert(conn, &sha256, media, bytes.len(), &name, now)?;
    attachments::get(conn, &sha256)?.ok_or_else(|| StoreError::Corrupt("attachment row vanished".into()))
}

/// Writes `bytes` as the file named by their hash, unless it is there already.
pub(crate) fn write_file(dir: &Path, sha256: &str, bytes: &[u8]) -> Result<()> {
    let path = path_of(dir, sha256)?;
    if path.exists() {
        return Ok(());
    }
    let parent = path.parent().expect("hashed path has a parent");
    private::create_dir(parent).map_err(|e| StoreError::io("Could not create the attachments folder", e))?;
    // Write beside, flush, then rename: a crash leaves either no file or the whole file.
    let tmp = parent.join(format!(".{sha256}.part"));
    let write = || -> std::io::Result<()> {
        let mut f = private::create_file(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, &path)
    };
    if let Err(e) = write() {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::io("Could not save the attachment", e));
    }
    Ok(())
}

/// The attachment's bytes (from the folder, or the shared database), checked against its
/// hash so damage is reported, not shown.
pub(crate) fn read(conn: &Db, dir: &Path, sha256: &str) -> Result<Vec<u8>> {
    let bytes = match conn.engine() {
        Engine::Postgres => attachment_bytes::get(conn, sha256)?
            .ok_or_else(|| StoreError::Corrupt(format!("attachment {sha256} is not in the database")))?,
        Engine::Sqlite => {
            fs::read(path_of(dir, sha256)?).map_err(|e| StoreError::io("Could not read the attachment", e))?
        }
    };
    if hex(&Sha256::digest(&bytes)) != sha256 {
        return Err(StoreError::Corrupt(format!("attachment {sha256} does not match its hash")));
    }
    Ok(bytes)
}

/// Checks that every hash names a stored photo (an image, not a scan), before a record
/// refers to it.
pub(crate) fn require_photos(conn: &Db, shas: &[String]) -> Result<()> {
    for sha in shas {
        let known = attachments::get(conn, sha)?;
        if !known.is_some_and(|a| MediaType::from_name(&a.media_type).is_some_and(MediaType::is_image)) {
            return Err(DomainError::invalid("photos", "A photo was not found; add it again.").into());
        }
    }
    Ok(())
}

/// Checks that every hash names stored evidence: a photo or a video.
pub(crate) fn require_evidence(conn: &Db, shas: &[String]) -> Result<()> {
    for sha in shas {
        let known = attachments::get(conn, sha)?;
        if !known.is_some_and(|a| MediaType::from_name(&a.media_type).is_some_and(|m| m.is_image() || m.is_video())) {
            return Err(DomainError::invalid("media", "A photo or video was not found; add it again.").into());
        }
    }
    Ok(())
}
