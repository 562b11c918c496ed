//! The tables: one crate-private module per table, and the only place the crate writes SQL
//! (besides `db`'s migrations and pragmas, the whole-database copies and dumps of
//! `backup`, `backups` and `export`, and `chain`'s replication statements).
//!
//! Each module speaks for its table alone, with the same verbs where the table allows
//! them: `insert`, `get`, `for_ticket`/`list`/…, `update` only where rows may change (append-only
//! tables have none), and `put` for the one-row records that are replaced while they may
//! still change (an assessment, the shipping choice, the settings). The workflows compose
//! them inside their transactions.

pub(crate) mod assessments;
pub(crate) mod attachment_bytes;
pub(crate) mod attachments;
pub(crate) mod collection_notices;
mod columns;
pub(crate) mod completions;
pub(crate) mod customers;
pub(crate) mod events;
pub(crate) mod every_table;
pub(crate) mod id_block;
pub(crate) mod outbox;
pub(crate) mod part_holds;
pub(crate) mod parts;
pub(crate) mod payment_plans;
pub(crate) mod payment_voids;
pub(crate) mod payments;
pub(crate) mod quotation_answers;
pub(crate) mod quotations;
pub(crate) mod readings;
pub(crate) mod releases;
pub(crate) mod return_cases;
pub(crate) mod rma_codes;
pub(crate) mod service_warranties;
pub(crate) mod settings;
pub(crate) mod shipments;
pub(crate) mod shop_secrets;
pub(crate) mod signatures;
pub(crate) mod staff;
pub(crate) mod ticket_assignments;
pub(crate) mod ticket_numbers;
pub(crate) mod ticket_photos;
pub(crate) mod ticket_search;
pub(crate) mod tickets;
pub(crate) mod watch_owners;
pub(crate) mod watches;
pub(crate) mod work_times;
