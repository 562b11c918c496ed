//! The PostgreSQL side: one client per process, connected when first needed and again after
//! the server went away (the `postgres` crate's own client; a desk runs one request at a
//! time, so a pool would hold one connection anyway). Statements are prepared once per
//! connection. SQL is written with SQLite's `?1` placeholders; PostgreSQL's `$1` are put in.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Statement};

pub use super::tls::TlsMode;

use super::value::Value;
use crate::error::{Result, StoreError};

/// How long a computer waits for the server before saying it is not answering.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Pg {
    pub(super) config: postgres::Config,
    pub(super) tls: TlsMode,
    /// What the window and messages call the server: `host:port/database`, never the password.
    pub(crate) label: String,
    client: RefCell<Option<Client>>,
    statements: RefCell<HashMap<String, Statement>>,
    /// Why the server was last found away, while a thread of its own tries it again (every
    /// `RETRY`): until it answers, each use is refused at once instead of waiting up to
    /// `CONNECT_TIMEOUT` again, so a window never hangs on a server that is gone.
    away: Arc<Mutex<Option<String>>>,
    /// A transaction is open on the connection (from its BEGIN to its COMMIT or ROLLBACK:
    /// `Db::transaction`). A connection lost meanwhile is not replaced until it ends, since
    /// the transaction went with it: the rest of it on a new connection would be saved
    /// statement by statement, and its COMMIT, answered "there is no transaction in
    /// progress", taken for success (found by `server_faults`).
    in_transaction: Cell<bool>,
}

/// How often a server found away is tried again in the background.
const RETRY: Duration = Duration::from_secs(2);

impl Pg {
    /// Connects now, so a wrong address or a server that is down is said at once; TLS as the
    /// connection string's `sslmode` says.
    pub fn connect(config: postgres::Config) -> Result<Pg> {
        let tls = TlsMode::of(&config);
        Pg::connect_with(config, tls)
    }

    /// `connect`, protected as `tls` says.
    pub fn connect_with(mut config: postgres::Config, tls: TlsMode) -> Result<Pg> {
        // A query whose packets are not acknowledged (a cut network) fails after the timeout
        // too, instead of waiting for the system's minutes-long retransmissions.
        config
            .connect_timeout(CONNECT_TIMEOUT)
            .tcp_user_timeout(CONNECT_TIMEOUT)
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30));
        let label = label(&config);
        let pg = Pg {
            config,
            tls,
            label,
            client: RefCell::new(None),
            statements: RefCell::new(HashMap::new()),
            away: Arc::new(Mutex::new(None)),
            in_transaction: Cell::new(false),
        };
        pg.with(|_| Ok(()))?;
        Ok(pg)
    }

    /// Runs `f` on the connection, opening it first if there is none (or it was lost).
    pub(crate) fn with<T>(
        &self,
        mut f: impl FnMut(&mut Client) -> std::result::Result<T, postgres::Error>,
    ) -> Result<T> {
        let reused = self.client.borrow().as_ref().is_some_and(|c| !c.is_closed());
        match self.with_once(&mut f) {
            // An idle connection the server dropped meanwhile (it restarted): outside a
            // transaction nothing was done on it, so the step is tried once on a new one.
            Err(StoreError::ServerUnavailable { .. }) if reused && !self.in_transaction.get() => self.with_once(&mut f),
            outcome => outcome,
        }
    }

    fn with_once<T>(&self, f: &mut impl FnMut(&mut Client) -> std::result::Result<T, postgres::Error>) -> Result<T> {
        let mut slot = self.client.borrow_mut();
        if slot.as_ref().is_none_or(Client::is_closed) {
            if self.in_transaction.get() {
                *slot = None;
                return Err(StoreError::ServerUnavailable {
                    label: self.label.clone(),
                    reason: "the connection was lost in the middle of this step".into(),
                });
            }
            if let Some(reason) = self.away.lock().unwrap_or_else(|p| p.into_inner()).clone() {
                return Err(StoreError::ServerUnavailable { label: self.label.clone(), reason });
            }
            self.statements.borrow_mut().clear();
            match connect_within(&self.config, self.tls, &self.label) {
                Ok(client) => *slot = Some(client),
                Err(refused) => {
                    // A wrong name or password is not the server being away.
                    if matches!(refused, StoreError::ServerUnavailable { .. }) {
                        self.found_away(&refused);
                    }
                    return Err(refused);
                }
            }
        }
        let client = slot.as_mut().expect("connected above");
        let result = f(client);
        let result = result.map_err(|e| StoreError::from_postgres(&self.label, e));
        if client.is_closed() || matches!(result, Err(StoreError::ServerUnavailable { .. })) {
            // Lost while running (the server restarted or ended the session, the network
            // dropped; the client may not know yet): the next use connects again, and only
            // if that fails is the server taken for away.
            *slot = None;
        }
        result
    }

    /// Says whether a transaction is open on the connection (see `in_transaction`).
    pub(crate) fn set_in_transaction(&self, open: bool) {
        self.in_transaction.set(open);
    }

    /// Marks the server away and tries it again in the background until it answers.
    fn found_away(&self, e: &StoreError) {
        let reason = match e {
            StoreError::ServerUnavailable { reason, .. } => reason.clone(),
            other => other.to_string(),
        };
        let mut away = self.away.lock().unwrap_or_else(|p| p.into_inner());
        if away.replace(reason).is_some() {
            return; // already being tried
        }
        let (config, tls, away) = (self.config.clone(), self.tls, Arc::clone(&self.away));
        std::thread::spawn(move || loop {
            std::thread::sleep(RETRY);
            if connect_within(&config, tls, "").is_ok() {
                *away.lock().unwrap_or_else(|p| p.into_inner()) = None;
                return;
            }
        });
    }

    /// The prepared statement for `sql` (written with `?N`), prepared once per connection.
    pub(crate) fn statement(&self, client: &mut Client, sql: &str) -> std::result::Result<Statement, postgres::Error> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared = client.prepare(&dollar_placeholders(sql))?;
        self.statements.borrow_mut().insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }

    pub(crate) fn params(values: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
        values.iter().map(|v| v as &(dyn postgres::types::ToSql + Sync)).collect()
    }
}

/// Connects, giving up after `CONNECT_TIMEOUT` however the server behaves: the client's own
/// timeout covers reaching the server, not a server (or a cut network) that then says nothing.
fn connect_within(config: &postgres::Config, tls: TlsMode, label: &str) -> Result<Client> {
    let (tx, rx) = std::sync::mpsc::channel();
    let config = config.clone();
    std::thread::spawn(move || {
        let _ = tx.send(super::tls::connect(&config, tls));
    });
    match rx.recv_timeout(CONNECT_TIMEOUT) {
        Ok(connected) => connected.map_err(|e| StoreError::from_connect(label, e)),
        Err(_) => {
            Err(StoreError::ServerUnavailable { label: label.into(), reason: "no answer within 5 seconds".into() })
        }
    }
}

fn label(config: &postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_else(|| "localhost".into());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("{host}:{port}/{}", config.get_dbname().unwrap_or("postgres"))
}

/// `?1` as `$1`, outside quoted text and identifiers.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') if chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// The channel every change is announced on (see `Change`), when its transaction commits.
pub const CHANGES: &str = "caseback_changes";

/// One announced change: which connection made it (`Db::origin`) and the record it touched
/// (`ticket:R-2026-00042`, `return:7`, `settings:shop`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub origin: String,
    pub record: String,
}

impl Change {
    pub(crate) fn payload(origin: &str, subject: &str, subject_id: &str) -> String {
        format!("{origin} {subject}:{subject_id}")
    }

    /// An announcement as sent; `None` for one in another form.
    pub fn parse(payload: &str) -> Option<Change> {
        let (origin, record) = payload.split_once(' ')?;
        Some(Change { origin: origin.into(), record: record.into() })
    }
}

/// Listens for other computers' changes on a connection of its own, calling `changed` with
/// each announcement; after a lost connection it connects again (every 2 seconds) and says
/// so with `changed("reconnected")`, since changes may have been missed meanwhile. Runs
/// until `changed` returns false.
pub fn listen(
    config: postgres::Config,
    tls: TlsMode,
    changed: impl Fn(&str) -> bool + Send + 'static,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut config = config;
        config.connect_timeout(CONNECT_TIMEOUT).keepalives(true).keepalives_idle(Duration::from_secs(10));
        let mut first = true;
        loop {
            if let Ok(mut client) = super::tls::connect(&config, tls) {
                if client.batch_execute(&format!("LISTEN {CHANGES}")).is_ok() {
                    if !first && !changed("reconnected") {
                        return;
                    }
                    first = false;
                    loop {
                        let lost = {
                            let mut notices = client.notifications();
                            let mut waiting = notices.timeout_iter(Duration::from_secs(10));
                            loop {
                                match waiting.next() {
                                    Ok(Some(n)) if !changed(n.payload()) => return,
                                    Ok(Some(_)) => {}
                                    Ok(None) => break false,
                                    Err(_) => break true,
                                }
                            }
                        };
                        // A quiet spell: make sure the server is still there.
                        if lost || client.simple_query("SELECT 1").is_err() {
                            break;
                        }
                    }
                }
            }
            std::thread::sleep(Duration::from_secs(2));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_outside_quotes_only() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?10)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $10)"
        );
        assert_eq!(dollar_placeholders("SELECT '?1', \"x?2\" WHERE y = ?3"), "SELECT '?1', \"x?2\" WHERE y = $3");
        assert_eq!(dollar_placeholders("SELECT 'it''s ?1' WHERE z = ?2"), "SELECT 'it''s ?1' WHERE z = $2");
    }
}
