//! Every table as a CSV file (but the shop's secret RMA key), and the attachments as plain
//! files, so a shop always owns its data in an open format. Values are written as SQLite
//! holds them; BLOBs as hex.
//!
//! Its SQL lists and dumps every table whatever it is, so it stays here rather than in the
//! table modules; the attachments it copies come from `tables::attachments`.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::types::ValueRef;
use serde::Serialize;

use crate::attachment_folder;
use crate::error::{Result, StoreError};
use crate::tables::attachments;
use crate::{private, Shop};

#[derive(Clone, Debug, Serialize)]
pub struct ExportSummary {
    pub folder: PathBuf,
    /// Each table and its rows.
    pub tables: Vec<(String, usize)>,
    pub attachments: usize,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::io(format!("Could not write {}", path.display()), e)
}

fn csv_error(path: &Path, e: csv::Error) -> StoreError {
    StoreError::io(format!("Could not write {}", path.display()), std::io::Error::other(e.to_string()))
}

impl Shop {
    /// Writes `<folder>/Caseback export <date> <time>/`: `<table>.csv` for every table (but
    /// `shop_secrets`) and `attachments/<hash>.<ext>` for every attached file, private to the
    /// user's account as the data folder is. The folder must exist.
    pub fn export_csv(&self, folder: &Path, now: Timestamp) -> Result<ExportSummary> {
        let dir = self.new_folder_in(folder, "Caseback export", now)?;
        private::create_dir(&dir).map_err(io(&dir))?;
        // Shadow tables of the search index hold nothing a shop needs. `shop_secrets` holds
        // the key of the shop's RMA codes: an export is handed around and opened anywhere,
        // and with the key anyone could work out the shop's next codes. The shop's data loses
        // nothing by it (every code issued is in `rma_codes`); backups keep the key.
        let conn = self.sqlite()?;
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name NOT LIKE 'ticket_search%' AND name <> 'shop_secrets' ORDER BY name",
        )?;
        let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let mut tables = Vec::new();
        for name in names {
            let path = dir.join(format!("{name}.csv"));
            let mut out = csv::Writer::from_writer(private::create_file(&path).map_err(io(&path))?);
            let mut q = conn.prepare(&format!("SELECT * FROM \"{name}\""))?;
            let columns: Vec<String> = q.column_names().iter().map(|c| c.to_string()).collect();
            out.write_record(&columns).map_err(|e| csv_error(&path, e))?;
            let mut rows = q.query([])?;
            let mut count = 0;
            while let Some(row) = rows.next()? {
                let record: Vec<String> = (0..columns.len())
                    .map(|i| match row.get_ref(i) {
                        Ok(ValueRef::Null) | Err(_) => String::new(),
                        Ok(ValueRef::Integer(n)) => n.to_string(),
                        Ok(ValueRef::Real(f)) => f.to_string(),
                        Ok(ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
                        Ok(ValueRef::Blob(b)) => b.iter().map(|x| format!("{x:02x}")).collect(),
                    })
                    .collect();
                out.write_record(&record).map_err(|e| csv_error(&path, e))?;
                count += 1;
            }
            out.flush().map_err(io(&path))?;
            tables.push((name, count));
        }
        let files = dir.join("attachments");
        private::create_dir(&files).map_err(io(&files))?;
        let all = attachments::list(&self.db)?;
        for (sha, media) in &all {
            let ext = media.rsplit('/').next().unwrap_or("bin").replace("jpeg", "jpg");
            let target = files.join(format!("{sha}.{ext}"));
            let source = attachment_folder::path_of(&self.folder().attachments(), sha)?;
            private::copy_file(&source, &target).map_err(io(&target))?;
        }
        Ok(ExportSummary { folder: dir, tables, attachments: all.len() })
    }
}
