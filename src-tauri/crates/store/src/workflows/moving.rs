//! Moving a shop from one engine to the other (its SQLite file to a shared PostgreSQL
//! database, or back), and copying it whole (a shared shop's backup is such a copy, into a
//! SQLite file). Every table is copied row by row as stored, the attachments with them (files
//! in the folder, or rows of `attachment_bytes` in the shared database), in one transaction
//! on the new side; then both sides are counted and hashed, table by table, and every
//! attachment's content is checked against its name. A copy that differs is reported, never
//! taken for a good one.
//!
//! The source is read inside a transaction of its own: on PostgreSQL that takes the shop's
//! write lock, so no other computer changes the shop halfway through the copy.

use sha2::{Digest, Sha256};

use crate::attachment_folder;
use crate::error::{Result, StoreError};
use crate::sql::{Db, Engine, Value};
use crate::tables::{attachment_bytes, attachments, every_table};
use crate::Shop;
use caseback_domain::DomainError;

/// One table as counted and hashed: the same on both sides after a good move.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TableCheck {
    pub table: String,
    pub rows: i64,
    /// SHA-256 over the table's rows, each written out the same way on both engines, in
    /// sorted order (so neither engine's row order nor its collation matters).
    pub sha256: String,
}

/// What a shop holds, as a move checks it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Fingerprint {
    pub tables: Vec<TableCheck>,
    /// Attachments whose content was read and matched its hash.
    pub attachments: usize,
}

impl Shop {
    /// Counts and hashes every table, and reads back every attachment against its hash.
    pub fn fingerprint(&self) -> Result<Fingerprint> {
        fingerprint(&self.db, &self.folder.attachments())
    }

    /// Copies every record and attachment of this shop into `to`, a shop on either engine
    /// that holds nothing yet (its schema at this build's version), then checks the copy.
    /// `to` is left as it was when anything fails; a copy that differs is an error.
    pub fn copy_into(&self, to: &mut Shop) -> Result<Fingerprint> {
        for table in every_table::TABLES {
            if every_table::count(&to.db, table)? > 0 {
                return Err(DomainError::invalid(
                    "database",
                    "That database already holds a shop's records: join it instead of moving this shop into it.",
                )
                .into());
            }
        }
        let held = self.db.transaction()?;
        let source = &*held;
        let to_dir = to.folder.attachments();
        let tx = to.db.transaction()?;
        for table in every_table::TABLES {
            let columns = every_table::columns(source, table)?;
            for row in every_table::rows(source, table, &columns)? {
                every_table::insert(&tx, table, &columns, &row)?;
            }
        }
        for (sha256, _) in attachments::list(source)? {
            let bytes = attachment_folder::read(source, &self.folder.attachments(), &sha256)?;
            match tx.engine() {
                Engine::Postgres => attachment_bytes::insert(&tx, &sha256, &bytes)?,
                // Content-addressed: a file left by a copy that then failed is harmless.
                Engine::Sqlite => attachment_folder::write_file(&to_dir, &sha256, &bytes)?,
            }
        }
        tx.commit()?;
        if to.db.engine() == Engine::Postgres {
            // The ids were copied as they were: new rows go on from the highest.
            crate::db_postgres::catch_up_identities(&to.db)?;
        }
        let here = fingerprint(source, &self.folder.attachments())?;
        drop(held);
        let there = to.fingerprint()?;
        if let Some(differs) = here.tables.iter().zip(&there.tables).find(|(a, b)| a != b) {
            return Err(StoreError::Corrupt(format!(
                "the copy differs from the shop in table {} ({} rows here, {} there)",
                differs.0.table, differs.0.rows, differs.1.rows
            )));
        }
        if here.attachments != there.attachments {
            return Err(StoreError::Corrupt(format!(
                "the copy has {} of the shop's {} attachments",
                there.attachments, here.attachments
            )));
        }
        Ok(there)
    }
}

fn fingerprint(db: &Db, dir: &std::path::Path) -> Result<Fingerprint> {
    let mut tables = Vec::new();
    for table in every_table::TABLES {
        let columns = every_table::columns(db, table)?;
        let mut rows: Vec<Vec<u8>> = every_table::rows(db, table, &columns)?.iter().map(|r| written(r)).collect();
        rows.sort_unstable();
        let mut hash = Sha256::new();
        for row in &rows {
            hash.update(row);
        }
        let sha256 = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        tables.push(TableCheck { table: table.to_string(), rows: rows.len() as i64, sha256 });
    }
    let mut checked = 0;
    for (sha256, _) in attachments::list(db)? {
        // `read` refuses content that does not match its hash.
        attachment_folder::read(db, dir, &sha256)?;
        checked += 1;
    }
    Ok(Fingerprint { tables, attachments: checked })
}

/// A row written out unambiguously: each value's kind, length and bytes.
fn written(row: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in row {
        let (kind, bytes): (u8, Vec<u8>) = match v {
            Value::Null => (0, Vec::new()),
            Value::Int(i) => (1, i.to_be_bytes().to_vec()),
            Value::Text(t) => (2, t.as_bytes().to_vec()),
            Value::Blob(b) => (3, b.clone()),
        };
        out.push(kind);
        out.extend((bytes.len() as u64).to_be_bytes());
        out.extend(bytes);
    }
    out
}
