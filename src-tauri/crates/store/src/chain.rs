//! A chain with a server per branch, each replicating to head office through PostgreSQL's
//! own logical replication (docs/chain.md). Caseback adds nothing to the replication; it
//! makes sure what arrives at head office fits beside what is there:
//!
//! - each branch server hands out ids from a block of its own (`set_up_branch`), so two
//!   branches' tickets, customers, payments and events never share an id at head office;
//! - each branch server takes RMA sequence numbers from its own block, under the chain's
//!   one RMA key (copied from head office), so two branches never issue one code;
//! - each branch numbers its tickets under its branch code (`R-KLN-2026-00042`);
//! - the tables published are the shop's records, not a server's own settings or secrets.

use caseback_domain::event::Action;
use caseback_domain::staff::{check_roster_entries, StaffMember};
use caseback_domain::DomainError;
use jiff::Timestamp;
use serde_json::json;

use crate::error::Result;
use crate::sql::{Db, Engine, Value};
use crate::tables::every_table::TABLES;
use crate::tables::{attachments, id_block, settings, shop_secrets, staff};
use crate::{attachment_folder, log_settings, Shop};

/// How many ids each block holds: a branch server's ids start at its number times this.
/// Small enough that every id stays exact in the window's JavaScript numbers (below 2^53).
pub const ID_BLOCK: i64 = 1_000_000_000_000;
/// How many RMA sequence numbers each block holds (100 blocks fit in the codes there are).
pub const RMA_BLOCK: u64 = 5_000_000;
/// The highest block: head office is 0, its branch servers 1 to this.
pub const LAST_BLOCK: u8 = 99;

/// The publication each branch server offers and head office subscribes to.
pub const PUBLICATION: &str = "caseback_branch";

/// The first and last RMA sequence numbers of `block`.
pub(crate) fn rma_block(block: u8) -> (u64, u64) {
    let first = u64::from(block) * RMA_BLOCK + 1;
    (first, first + RMA_BLOCK - 1)
}

/// The tables a branch server publishes: every table of the shop's records, and the
/// attachments' contents, but not its settings, its secrets or its id block, which are the
/// server's own (head office keeps its own of each), nor its outbox: head office would send
/// the branch's queued messages a second time.
pub fn published_tables() -> Vec<&'static str> {
    let own = ["shop_settings", "shop_secrets", "outbox"];
    TABLES.iter().copied().filter(|t| !own.contains(t)).chain(["attachment_bytes"]).collect()
}

fn refused(field: &str, message: impl Into<String>) -> crate::StoreError {
    DomainError::invalid(field, message).into()
}

impl Shop {
    /// Sets up this (empty, shared) database as the server of a chain's branch numbered
    /// `block` (1 to 99, a different one for each branch): head office's settings and RMA
    /// key and logo, the branch's first staff, and ids from the branch's own block. Together
    /// or not at all.
    pub fn set_up_branch(
        &mut self,
        head_office: &Shop,
        block: u8,
        staff_names: &[String],
        now: Timestamp,
    ) -> Result<Vec<StaffMember>> {
        if self.db.engine() != Engine::Postgres {
            return Err(refused("database", "A branch's server is a PostgreSQL database, not a folder's file."));
        }
        if !(1..=LAST_BLOCK).contains(&block) {
            return Err(refused("block", format!("A branch's number is 1 to {LAST_BLOCK} (head office is 0).")));
        }
        if self.is_set_up()? {
            return Err(refused("database", "That database holds a shop already: a branch starts from an empty one."));
        }
        let settings = head_office.settings()?;
        let key = shop_secrets::rma_key(&head_office.db)?
            .ok_or_else(|| refused("head_office", "Head office's shop has no RMA key yet."))?;
        let logo = match &settings.shop.logo {
            Some(sha) => Some((attachments::get(&head_office.db, sha)?, head_office.attachment(sha)?.1)),
            None => None,
        };
        let roster = check_roster_entries(&caseback_domain::staff::roster_at_set_up(staff_names))?;

        let tx = self.db.transaction()?;
        id_block::insert(&tx, block)?;
        crate::db_postgres::start_identities_at(&tx, i64::from(block) * ID_BLOCK)?;
        settings::put(&tx, &settings, now)?;
        shop_secrets::insert(&tx, &key)?;
        if let Some((Some(record), bytes)) = logo {
            let media = caseback_domain::attachment::accept_image("shop.logo", &bytes)?;
            attachment_folder::keep(&tx, &self.folder.attachments(), &bytes, &record.original_name, media, now)?;
        }
        let mut first = None;
        for entry in &roster {
            first.get_or_insert(staff::insert(&tx, &entry.name, entry.role, now)?);
        }
        log_settings(
            &tx,
            now,
            first,
            Action::ShopSetUp,
            json!({ "shop": settings.shop.name, "branch_server": block }),
        )?;
        tx.commit()?;
        self.staff()
    }

    /// Offers this branch server's records for head office to subscribe to. Refused, with
    /// what to change, on a server that does not keep what logical replication needs.
    pub fn publish_branch(&self) -> Result<()> {
        if id_block::get(&self.db)? == 0 {
            return Err(refused("database", "Only a branch's server publishes: set it up as a branch first."));
        }
        let level: String = self.db.value("SELECT current_setting('wal_level')", &[])?;
        if level != "logical" {
            return Err(refused(
                "database",
                format!("This server's wal_level is {level}: set wal_level = logical in its postgresql.conf and restart it."),
            ));
        }
        let there: bool = self.db.value(
            "SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = ?1)",
            &[Value::Text(PUBLICATION.into())],
        )?;
        if !there {
            self.db.batch(&format!("CREATE PUBLICATION {PUBLICATION} FOR TABLE {}", published_tables().join(", ")))?;
        }
        Ok(())
    }

    /// At head office: subscribes to the branch server `connection` names (a libpq
    /// connection string as head office's server reaches it), as subscription `name`. The
    /// branch's records already there are copied first, then every change as it is made.
    pub fn subscribe_to_branch(&self, name: &str, connection: &str) -> Result<()> {
        if self.db.engine() != Engine::Postgres {
            return Err(refused("database", "Head office subscribes on its PostgreSQL database."));
        }
        if id_block::get(&self.db)? != 0 {
            return Err(refused("database", "This is a branch's server: head office's database subscribes."));
        }
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(refused("name", "A subscription's name is letters, digits and _ (for example kln)."));
        }
        // CREATE SUBSCRIPTION takes no parameters: the connection string goes in as a quoted
        // literal, its quotes doubled.
        let literal = connection.replace('\'', "''");
        self.db.batch(&format!("CREATE SUBSCRIPTION caseback_{name} CONNECTION '{literal}' PUBLICATION {PUBLICATION}"))
    }
}

/// Whether `db` is a branch's server (its ids from a block of its own).
pub fn is_branch_server(db: &Db) -> Result<bool> {
    Ok(id_block::get(db)? != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_rma_numbers_never_overlap_and_fit_the_codes() {
        assert_eq!(rma_block(0), (1, RMA_BLOCK));
        assert_eq!(rma_block(1).0, rma_block(0).1 + 1);
        let (_, last) = rma_block(LAST_BLOCK);
        assert!(last <= caseback_domain::returns::rma::CAPACITY, "{last}");
    }

    #[test]
    fn ids_of_the_last_block_stay_exact_in_javascript() {
        assert!((i64::from(LAST_BLOCK) + 1) * ID_BLOCK < 1 << 53);
    }

    #[test]
    fn a_branch_publishes_its_records_but_not_its_settings_or_secrets() {
        let published = published_tables();
        for own in ["shop_settings", "shop_secrets", "id_block", "outbox"] {
            assert!(!published.contains(&own), "{own}");
        }
        for record in ["tickets", "customers", "return_cases", "rma_codes", "events", "attachments", "attachment_bytes"]
        {
            assert!(published.contains(&record), "{record}");
        }
    }
}
