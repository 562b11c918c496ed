//! Table `attachments` and the folder beside it: files stored once, named by their SHA-256.
//!
//! Files are always copied in, never referenced where they were: the data folder alone holds
//! the shop's evidence, and a backup of it is complete.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use caseback_domain::attachment::MediaType;
use caseback_domain::DomainError;
use jiff::Timestamp;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub sha256: String,
    pub media_type: String,
    pub byte_size: i64,
    pub original_name: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where a file with this hash lives: `attachments/ab/abcdef…`. The hash is checked to be
/// 64 hex digits first, so no stored or supplied value can point outside the folder.
pub fn path_of(dir: &Path, sha256: &str) -> Result<PathBuf> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        return Err(StoreError::Corrupt(format!("\"{sha256}\" is not an attachment id")));
    }
    Ok(dir.join(&sha256[..2]).join(sha256))
}

/// Stores `bytes` (once, whatever the name) and returns its record.
pub fn put(
    conn: &Connection,
    dir: &Path,
    bytes: &[u8],
    original_name: &str,
    media: MediaType,
    now: Timestamp,
) -> Result<Attachment> {
    let sha256 = hex(&Sha256::digest(bytes));
    let path = path_of(dir, &sha256)?;
    if !path.exists() {
        let parent = path.parent().expect("hashed path has a parent");
        fs::create_dir_all(parent).map_err(|e| StoreError::io("Could not create the attachments folder", e))?;
        // Write beside, flush, then rename: a crash leaves either no file or the whole file.
        let tmp = parent.join(format!(".{sha256}.part"));
        let write = || -> std::io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            fs::rename(&tmp, &path)
        };
        if let Err(e) = write() {
            let _ = fs::remove_file(&tmp);
            return Err(StoreError::io("Could not save the attachment", e));
        }
    }
    let name: String = original_name.chars().filter(|c| !c.is_control()).take(200).collect();
    conn.execute(
        "INSERT OR IGNORE INTO attachments (sha256, media_type, byte_size, original_name, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![sha256, media.as_str(), bytes.len() as i64, name, now.to_string()],
    )?;
    get(conn, &sha256)?.ok_or_else(|| StoreError::Corrupt("attachment row vanished".into()))
}

pub fn get(conn: &Connection, sha256: &str) -> Result<Option<Attachment>> {
    Ok(conn
        .query_row(
            "SELECT sha256, media_type, byte_size, original_name FROM attachments WHERE sha256 = ?1",
            [sha256],
            |r| {
                Ok(Attachment {
                    sha256: r.get(0)?,
                    media_type: r.get(1)?,
                    byte_size: r.get(2)?,
                    original_name: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The file's bytes, checked against its hash so damage is reported, not shown.
pub fn read(dir: &Path, sha256: &str) -> Result<Vec<u8>> {
    let bytes = fs::read(path_of(dir, sha256)?).map_err(|e| StoreError::io("Could not read the attachment", e))?;
    if hex(&Sha256::digest(&bytes)) != sha256 {
        return Err(StoreError::Corrupt(format!("attachment {sha256} does not match its hash")));
    }
    Ok(bytes)
}

/// Checks that every hash names a stored photo (an image, not a scan), before a record
/// refers to it.
pub fn require_photos(conn: &Connection, shas: &[String]) -> Result<()> {
    for sha in shas {
        let known = get(conn, sha)?;
        if !known.is_some_and(|a| MediaType::from_name(&a.media_type).is_some_and(MediaType::is_image)) {
            return Err(DomainError::invalid("photos", "A photo was not found; add it again.").into());
        }
    }
    Ok(())
}

/// Checks that every hash names stored evidence: a photo or a video.
pub fn require_evidence(conn: &Connection, shas: &[String]) -> Result<()> {
    for sha in shas {
        let known = get(conn, sha)?;
        if !known.is_some_and(|a| MediaType::from_name(&a.media_type).is_some_and(|m| m.is_image() || m.is_video())) {
            return Err(DomainError::invalid("media", "A photo or video was not found; add it again.").into());
        }
    }
    Ok(())
}
