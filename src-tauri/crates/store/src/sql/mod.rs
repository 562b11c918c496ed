//! The one way to the database, on either engine: SQLite (a file in the data folder, the
//! default) or PostgreSQL (a server several computers share). The tables write their SQL
//! once where the dialects agree, with `?1` placeholders and parameters from `vals![]`,
//! and ask `engine()` where they differ (full-text search, triggers).
//!
//! A change is one transaction (`transaction()`): SQLite's `BEGIN IMMEDIATE` takes the
//! file's write lock; on PostgreSQL every writing transaction takes the shop's advisory lock
//! first, so writers go one at a time there too (numbers and balances are read and written
//! in one go) while readers never wait.

pub mod pg;
mod row;
mod tls;
mod value;

use std::cell::Cell;
use std::ops::Deref;

pub use row::{Column, Row};
pub use value::{ToValue, Value};

use crate::error::{Result, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The shop's advisory lock on PostgreSQL (any fixed number: the database is the shop's).
const WRITE_LOCK: i64 = 0x4361_7365_6261_636b; // "Caseback"

pub struct Db {
    inner: Inner,
    in_transaction: Cell<bool>,
    /// The name of the computer this connection is on (the counter, the bench), written
    /// beside each event it logs.
    computer: String,
    /// This connection's own mark on the changes it announces, so the app that made a change
    /// does not take it for another computer's.
    origin: String,
    /// The branch of a chain this computer is at: the tickets, returns and customers booked
    /// through this connection are that branch's, and its tickets take its numbers.
    branch: Option<caseback_domain::branch::BranchCode>,
}

/// A mark no other connection has: this process and the instant it made it.
fn new_origin() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("{}-{nanos}", std::process::id())
}

enum Inner {
    Sqlite(rusqlite::Connection),
    Postgres(Box<pg::Pg>),
}

impl Db {
    pub fn sqlite(conn: rusqlite::Connection) -> Db {
        Db {
            inner: Inner::Sqlite(conn),
            in_transaction: Cell::new(false),
            computer: String::new(),
            origin: new_origin(),
            branch: None,
        }
    }

    pub fn postgres(pg: pg::Pg) -> Db {
        Db {
            inner: Inner::Postgres(Box::new(pg)),
            in_transaction: Cell::new(false),
            computer: String::new(),
            origin: new_origin(),
            branch: None,
        }
    }

    /// Names the computer the changes through this connection are made on.
    pub fn set_computer(&mut self, name: &str) {
        self.computer = name.trim().to_string();
    }

    pub fn computer(&self) -> &str {
        &self.computer
    }

    /// Puts what is booked through this connection in `branch` (or in none).
    pub fn set_branch(&mut self, branch: Option<caseback_domain::branch::BranchCode>) {
        self.branch = branch;
    }

    pub fn branch(&self) -> Option<caseback_domain::branch::BranchCode> {
        self.branch
    }

    /// The mark this connection puts on the changes it announces (see `pg::Change`).
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for what only SQLite has (its backup API, pragmas).
    pub fn sqlite_connection(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    pub fn sqlite_connection_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match &mut self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    /// The PostgreSQL client inside, to open it as a shop's database (`db_postgres::open`).
    pub(crate) fn into_postgres(self) -> Option<pg::Pg> {
        match self.inner {
            Inner::Postgres(p) => Some(*p),
            Inner::Sqlite(_) => None,
        }
    }

    /// The shared database's connection settings and TLS, for a listener of its own (`pg::listen`).
    pub fn postgres_config(&self) -> Option<(postgres::Config, pg::TlsMode)> {
        self.postgres_client().map(|p| (p.config.clone(), p.tls))
    }

    pub(crate) fn postgres_client(&self) -> Option<&pg::Pg> {
        match &self.inner {
            Inner::Postgres(p) => Some(p),
            Inner::Sqlite(_) => None,
        }
    }

    /// Runs one statement; how many rows it changed.
    pub fn exec(&self, sql: &str, params: &[Value]) -> Result<u64> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params.iter()))? as u64),
            Inner::Postgres(p) => p.with(|client| {
                let s = p.statement(client, sql)?;
                client.execute(&s, &pg::Pg::params(params))
            }),
        }
    }

    /// Runs several statements with no parameters (a migration, a `BEGIN`).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(p) => p.with(|client| client.batch_execute(sql)),
        }
    }

    /// Every row of a query, each read by `f`.
    pub fn rows<T>(&self, sql: &str, params: &[Value], mut f: impl FnMut(&Row) -> Result<T>) -> Result<Vec<T>> {
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r))?);
                }
                Ok(out)
            }
            Inner::Postgres(p) => {
                let rows = p.with(|client| {
                    let s = p.statement(client, sql)?;
                    client.query(&s, &pg::Pg::params(params))
                })?;
                rows.iter().map(|r| f(&Row::Postgres(r))).collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub fn row<T>(&self, sql: &str, params: &[Value], f: impl FnMut(&Row) -> Result<T>) -> Result<Option<T>> {
        Ok(self.rows(sql, params, f)?.into_iter().next())
    }

    /// The one value a query gives (a count, a sum cast to BIGINT).
    pub fn value<T: Column>(&self, sql: &str, params: &[Value]) -> Result<T> {
        self.row(sql, params, |r| r.get(0))?
            .ok_or_else(|| StoreError::Corrupt(format!("no row where one was expected: {sql}")))
    }

    /// Inserts one row and gives its new `id` (the statement is written without RETURNING).
    pub fn insert(&self, sql: &str, params: &[Value]) -> Result<i64> {
        self.value(&format!("{sql} RETURNING id"), params)
    }

    /// Whether a transaction is open on this connection.
    pub(crate) fn in_transaction(&self) -> bool {
        self.in_transaction.get()
    }

    /// Starts the transaction a change runs in; it is rolled back unless committed. A workflow
    /// starts it before it reads what it decides on, so another computer's change cannot come
    /// between the read and the write.
    pub fn transaction(&self) -> Result<Tx<'_>> {
        if self.in_transaction.replace(true) {
            return Err(StoreError::Corrupt("a transaction was started inside another".into()));
        }
        let begun = match self.engine() {
            Engine::Sqlite => self.batch("BEGIN IMMEDIATE"),
            Engine::Postgres => self.batch("BEGIN").and_then(|_| {
                // From here the connection is not replaced if lost (see `Pg::with`).
                self.mark_transaction(true);
                self.exec("SELECT pg_advisory_xact_lock(?1)", &[Value::Int(WRITE_LOCK)]).map(drop)
            }),
        };
        if let Err(e) = begun {
            self.in_transaction.set(false);
            // A BEGIN that went through before the lock failed is ended here.
            let _ = self.batch("ROLLBACK");
            self.mark_transaction(false);
            return Err(e);
        }
        Ok(Tx { db: self, open: Cell::new(true) })
    }

    /// Tells the PostgreSQL connection whether a transaction is open on it.
    fn mark_transaction(&self, open: bool) {
        if let Some(p) = self.postgres_client() {
            p.set_in_transaction(open);
        }
    }
}

/// A transaction on `Db`: reads and writes through it as through the `Db`; `commit` keeps
/// them, dropping it undoes them.
pub struct Tx<'a> {
    db: &'a Db,
    open: Cell<bool>,
}

impl Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Tx<'_> {
    pub fn commit(self) -> Result<()> {
        self.open.set(false);
        self.db.in_transaction.set(false);
        let committed = self.db.batch("COMMIT");
        if committed.is_err() {
            // Not kept: nothing of it stays half-done (a failed COMMIT may leave it open).
            let _ = self.db.batch("ROLLBACK");
        }
        self.db.mark_transaction(false);
        committed
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open.get() {
            self.db.in_transaction.set(false);
            if let Err(e) = self.db.batch("ROLLBACK") {
                tracing::warn!("rolling back: {e}");
            }
            self.db.mark_transaction(false);
        }
    }
}
