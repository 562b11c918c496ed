//! Every table as a CSV file (but the shop's secret RMA key), and the attachments as plain
//! files, so a shop always owns its data in an open format. Values are written as SQLite
//! holds them; BLOBs as hex.
//!
//! Its SQL lists and dumps every table whatever it is, so it stays here rather than in the
//! table modules; the attachments it copies come from `tables::attachments`.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use serde::Serialize;

use crate::attachment_folder;
use crate::error::{Result, StoreError};
use crate::sql::Value;
use crate::tables::{attachments, every_table};
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
        // On either engine the same tables, read the same way (`every_table`).
        let mut names: Vec<&str> =
            every_table::TABLES.iter().copied().filter(|t| !matches!(*t, "shop_secrets" | "ticket_search")).collect();
        names.sort_unstable();
        let mut tables = Vec::new();
        for name in names {
            let path = dir.join(format!("{name}.csv"));
            let mut out = csv::Writer::from_writer(private::create_file(&path).map_err(io(&path))?);
            let columns = every_table::columns(&self.db, name)?;
            out.write_record(&columns).map_err(|e| csv_error(&path, e))?;
            let rows = every_table::rows(&self.db, name, &columns)?;
            for row in &rows {
                let record: Vec<String> = row
                    .iter()
                    .map(|v| match v {
                        Value::Null => String::new(),
                        Value::Int(n) => n.to_string(),
                        Value::Text(t) => t.clone(),
                        Value::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
                    })
                    .collect();
                out.write_record(&record).map_err(|e| csv_error(&path, e))?;
            }
            out.flush().map_err(io(&path))?;
            tables.push((name.to_string(), rows.len()));
        }
        let files = dir.join("attachments");
        private::create_dir(&files).map_err(io(&files))?;
        let all = attachments::list(&self.db)?;
        for (sha, media) in &all {
            let ext = media.rsplit('/').next().unwrap_or("bin").replace("jpeg", "jpg");
            let target = files.join(format!("{sha}.{ext}"));
            // From the folder or the shared database, checked against its hash.
            let bytes = attachment_folder::read(&self.db, &self.folder().attachments(), sha)?;
            private::write_file(&target, &bytes).map_err(io(&target))?;
        }
        Ok(ExportSummary { folder: dir, tables, attachments: all.len() })
    }
}
