//! This computer's way to the shop's shared PostgreSQL database: where the server is, which
//! database and user, and what this computer is called (the counter, the bench). It is kept
//! in the data folder as `shared-database.json`, readable only by the user's account; when
//! it is there, the shop opens on that database instead of the folder's SQLite file.
//!
//! The password is never kept here, nor in the database, backups or logs: it is read from
//! the pgpass file every PostgreSQL client reads (`PGPASSFILE`, or `~/.pgpass`, 0600), where
//! `save_password` writes it.

use std::path::{Path, PathBuf};

use caseback_domain::DomainError;
use postgres_secrets::pgpass::CredentialPattern;
use postgres_secrets::PgPass;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::sql::pg::Pg;
use crate::{private, DataFolder, Shop};

const FILE: &str = "shared-database.json";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedDatabase {
    /// A host name or address, or the folder of the server's Unix socket.
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    /// What the event log calls this computer.
    pub computer: String,
}

impl SharedDatabase {
    /// The connection saved in `folder`, if this computer uses a shared database.
    pub fn load(folder: &Path) -> Result<Option<SharedDatabase>> {
        let path = folder.join(FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(format!("Could not read {}", path.display()), e)),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| StoreError::Corrupt(format!("{} cannot be read: {e}", path.display())))
    }

    /// Saves the connection in `folder`: the shop opens on it from now on.
    pub fn save(&self, folder: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).expect("the connection serializes");
        private::create_dir(folder).map_err(|e| StoreError::io(format!("Could not create {}", folder.display()), e))?;
        private::write_file(&folder.join(FILE), &json)
            .map_err(|e| StoreError::io("Could not save the shared database's settings", e))
    }

    /// Forgets the connection: the shop opens on the folder's own file again.
    pub fn remove(folder: &Path) -> Result<()> {
        match std::fs::remove_file(folder.join(FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::io("Could not remove the shared database's settings", e))
            }
            _ => Ok(()),
        }
    }

    /// Every problem of the connection as typed, at its field.
    pub fn check(&self) -> Result<()> {
        let mut problems = caseback_domain::error::Problems::default();
        if self.host.trim().is_empty() {
            problems.add("host", "Enter the server's name or address.");
        }
        if self.port == 0 {
            problems.add("port", "Enter the server's port (PostgreSQL's usual one is 5432).");
        }
        if self.database.trim().is_empty() {
            problems.add("database", "Enter the name of the shop's database on the server.");
        }
        if self.user.trim().is_empty() {
            problems.add("user", "Enter the user Caseback signs in as.");
        }
        if self.computer.trim().is_empty() {
            problems.add(
                "computer",
                "Name this computer (for example Counter or Bench): the history says where each change was made.",
            );
        }
        Ok(problems.into_result()?)
    }

    /// The connection with the password the pgpass file holds for it (none: the server may
    /// trust this computer, or sign it in by its account).
    pub fn config(&self) -> postgres::Config {
        let mut config = postgres::Config::new();
        config.host(&self.host).port(self.port).dbname(&self.database).user(&self.user);
        if let Some(password) = self.password() {
            config.password(password);
        }
        config
    }

    fn password(&self) -> Option<String> {
        let pgpass = PgPass::load().ok()?;
        let query = pgpass
            .query()
            .hostname(&self.host)
            .ok()?
            .port(self.port)
            .ok()?
            .database(&self.database)
            .ok()?
            .username(&self.user)
            .ok()?;
        query.find().ok().flatten().map(|c| c.password)
    }

    /// Keeps `password` for this connection in the pgpass file (created readable only by the
    /// user), replacing the one kept for the same server, database and user.
    pub fn save_password(&self, password: &str) -> Result<PathBuf> {
        let path = pgpass_path()?;
        let old = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(StoreError::io(format!("Could not read {}", path.display()), e)),
        };
        let line = |password: &str| -> Result<String> {
            let refused = |e: &dyn std::fmt::Display| DomainError::invalid("password", e.to_string());
            let entry = CredentialPattern::default()
                .hostname(&self.host)
                .and_then(|p| p.port(self.port))
                .and_then(|p| p.database(&self.database))
                .and_then(|p| p.username(&self.user))
                .map_err(|e| refused(&e))?
                .password(password)
                .map_err(|e| refused(&e))?;
            Ok(entry.encode().trim_end_matches(['\r', '\n']).to_string())
        };
        let new = line(password)?;
        // This connection's earlier line, if any, goes: the same four fields, then the password.
        let same = line("x")?;
        let same = &same[..same.len() - 1];
        // The first matching line wins in every client: the new one goes first.
        let mut text = format!("{new}\n");
        for kept in old.lines().filter(|l| !l.starts_with(same)) {
            text.push_str(kept);
            text.push('\n');
        }
        private::write_file(&path, text.as_bytes())
            .map_err(|e| StoreError::io("Could not write the password file", e))?;
        Ok(path)
    }

    /// Connects (within `pg::CONNECT_TIMEOUT`), so a wrong address or a stopped server is said now.
    pub fn connect(&self) -> Result<Pg> {
        Pg::connect(self.config())
    }
}

/// `config` with the password the pgpass file holds for it, when it names none itself (a
/// connection string given on the command line).
pub fn with_pgpass_password(mut config: postgres::Config) -> postgres::Config {
    if config.get_password().is_some() {
        return config;
    }
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let shared = SharedDatabase {
        host,
        port: config.get_ports().first().copied().unwrap_or(5432),
        database: config.get_dbname().unwrap_or_default().to_string(),
        user: config.get_user().unwrap_or_default().to_string(),
        computer: String::new(),
    };
    if let Some(password) = shared.password() {
        config.password(password);
    }
    config
}

/// Where the password file is: `PGPASSFILE`, or `~/.pgpass`.
fn pgpass_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("PGPASSFILE") {
        return Ok(PathBuf::from(path));
    }
    std::env::var_os("HOME")
        .map(|home| PathBuf::from(home).join(".pgpass"))
        .ok_or_else(|| StoreError::Corrupt("no home folder to keep the password file in".into()))
}

impl Shop {
    /// Opens the shop in `folder`: on the shared database this computer was set up with, or
    /// on the folder's own SQLite file.
    pub fn open_configured(folder: DataFolder) -> Result<Shop> {
        match SharedDatabase::load(folder.root())? {
            None => Shop::open(folder),
            Some(shared) => {
                let mut shop = Shop::open_shared(folder, shared.connect()?)?;
                shop.set_computer(&shared.computer);
                Ok(shop)
            }
        }
    }
}
