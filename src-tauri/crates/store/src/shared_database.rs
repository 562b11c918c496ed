//! This computer's way to the shop's shared PostgreSQL database: where the server is, which
//! database and user, and what this computer is called (the counter, the bench). It is kept
//! in the data folder as `shared-database.json`, readable only by the user's account; when
//! it is there, the shop opens on that database instead of the folder's SQLite file.
//!
//! The password is never kept here, nor in the database, backups or logs: it is read from
//! the pgpass file every PostgreSQL client reads (`PGPASSFILE`, or `~/.pgpass`, 0600), where
//! `save_password` writes it.

use std::path::{Path, PathBuf};

use caseback_domain::branch::BranchCode;
use caseback_domain::DomainError;
use postgres_secrets::pgpass::CredentialPattern;
use postgres_secrets::PgPass;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::sql::pg::{Pg, TlsMode};
use crate::sql::Engine;
use crate::{private, DataFolder, Fingerprint, Shop};

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
    /// How the connection is protected (not at all on a Unix socket, whatever it says).
    #[serde(default)]
    pub tls: TlsMode,
    /// The branch of a chain this computer is at, if the shop is a chain: what it books is
    /// that branch's, numbered as that branch's.
    #[serde(default)]
    pub branch: Option<BranchCode>,
}

impl SharedDatabase {
    /// The connection a connection string names (`postgresql://user@server/shop`, or
    /// `host=… dbname=…`), for `computer`; its password, if it has one, is not kept here.
    pub fn from_config(config: &postgres::Config, computer: &str) -> SharedDatabase {
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        };
        let user = config.get_user().map(str::to_string).or_else(|| std::env::var("USER").ok()).unwrap_or_default();
        SharedDatabase {
            host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            database: config.get_dbname().map_or_else(|| user.clone(), str::to_string),
            user,
            computer: computer.trim().to_string(),
            tls: TlsMode::of(config),
            branch: None,
        }
    }

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
        self.config_with(None)
    }

    /// The connection with `password` when one is typed, else the pgpass file's.
    pub fn config_with(&self, password: Option<&str>) -> postgres::Config {
        let mut config = postgres::Config::new();
        config.host(&self.host).port(self.port).dbname(&self.database).user(&self.user);
        if let Some(password) = password.filter(|p| !p.is_empty()).map(str::to_string).or_else(|| self.password()) {
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
        Pg::connect_with(self.config(), self.tls)
    }
}

/// `config` with the password the pgpass file holds for it, when it names none itself (a
/// connection string given on the command line).
pub fn with_pgpass_password(mut config: postgres::Config) -> postgres::Config {
    if config.get_password().is_some() {
        return config;
    }
    let shared = SharedDatabase::from_config(&config, "");
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
                shop.set_branch(shared.branch);
                Ok(shop)
            }
        }
    }
}

/// What a shared database holds, as checked before moving a shop there or joining it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Probe {
    /// The server's version, e.g. "16.4".
    pub server_version: String,
    /// The name of the shop already there, if one is.
    pub shop: Option<String>,
}

/// The oldest PostgreSQL the shared database may run on.
const OLDEST_SERVER: i64 = 130_000;

impl SharedDatabase {
    /// Connects, checks the server's version (13 or newer) and its schema (brought to this
    /// build's; a newer one is refused untouched), and says whether a shop is there already.
    pub fn probe(&self) -> Result<Probe> {
        self.probe_with(None)
    }

    /// `probe`, connecting with `password` when one is typed.
    pub fn probe_with(&self, password: Option<&str>) -> Result<Probe> {
        self.check()?;
        let db = crate::sql::Db::postgres(Pg::connect_with(self.config_with(password), self.tls)?);
        let number: String = db.value("SELECT current_setting('server_version_num')", &[])?;
        let version: String = db.value("SELECT current_setting('server_version')", &[])?;
        if number.parse::<i64>().unwrap_or(0) < OLDEST_SERVER {
            return Err(DomainError::invalid(
                "host",
                format!("The server runs PostgreSQL {version}; Caseback needs PostgreSQL 13 or newer."),
            )
            .into());
        }
        let Some(pg) = db.into_postgres() else { unreachable!("a PostgreSQL connection") };
        let db = crate::db_postgres::open(pg)?;
        let shop = crate::tables::settings::get(&db)?.map(|s| s.shop.name);
        Ok(Probe { server_version: version, shop })
    }
}

/// The folder's SQLite file a shop left when it moved to a shared database, kept as it was.
pub const LEFT_BEHIND: &str = "caseback-before-sharing.sqlite";

impl Shop {
    /// Moves this shop from its folder's file to `shared` (an empty database), checked table
    /// by table and attachment by attachment; from then on this computer uses it, and the
    /// folder's file is kept as `LEFT_BEHIND`. Nothing changes here when it fails.
    pub fn move_to_shared(&mut self, shared: &SharedDatabase) -> Result<Fingerprint> {
        if self.db.engine() != Engine::Sqlite {
            return Err(DomainError::invalid("host", "This shop is on a shared database already.").into());
        }
        shared.check()?;
        let mut there = Shop::open_shared(DataFolder::unlocked(self.folder.root()), shared.connect()?)?;
        let moved = self.copy_into(&mut there)?;
        shared.save(self.folder.root())?;
        self.switch_to(there, Some(shared));
        let file = self.folder.database();
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", file.display()));
            let to = self.folder.root().join(format!("{LEFT_BEHIND}{suffix}"));
            if from.exists() {
                // The shop is on the server now, checked; an old file left in place is harmless.
                if let Err(e) = std::fs::rename(&from, &to) {
                    tracing::warn!("could not rename {}: {e}", from.display());
                }
            }
        }
        Ok(moved)
    }

    /// Moves the shop from the shared database back into its folder's own file, checked;
    /// this computer stops using the shared database (which is left as it is).
    pub fn move_back_to_folder(&mut self) -> Result<Fingerprint> {
        if self.db.engine() != Engine::Postgres {
            return Err(DomainError::invalid("host", "This shop is in this computer's folder already.").into());
        }
        // The folder's file may be there, empty (a computer that joined): `copy_into` refuses
        // one that holds a shop.
        let mut here = Shop::open(DataFolder::unlocked(self.folder.root()))?;
        let moved = self.copy_into(&mut here)?;
        SharedDatabase::remove(self.folder.root())?;
        self.switch_to(here, None);
        Ok(moved)
    }

    /// Starts using `shared`, where another computer moved the shop; a computer whose folder
    /// holds a shop of its own is refused, so its data is never hidden.
    pub fn join_shared(&mut self, shared: &SharedDatabase) -> Result<String> {
        if self.db.engine() == Engine::Sqlite && self.is_set_up()? {
            return Err(DomainError::invalid(
                "host",
                "This computer keeps a shop of its own: move it to the shared database instead, or back it up and start from an empty folder.",
            )
            .into());
        }
        let there = Shop::open_shared(DataFolder::unlocked(self.folder.root()), shared.connect()?)?;
        let Some(name) = crate::tables::settings::get(&there.db)?.map(|s| s.shop.name) else {
            return Err(DomainError::invalid(
                "database",
                "That database holds no shop yet: move this computer's shop there instead.",
            )
            .into());
        };
        shared.save(self.folder.root())?;
        self.switch_to(there, Some(shared));
        Ok(name)
    }

    /// Works on `other`'s database from now on, keeping this shop's folder (and its lock),
    /// as the computer (and at the branch) `shared` names; the folder's file has neither.
    fn switch_to(&mut self, other: Shop, shared: Option<&SharedDatabase>) {
        let Shop { db, .. } = other;
        self.db = db;
        self.db.set_computer(shared.map_or("", |s| s.computer.as_str()));
        self.db.set_branch(shared.and_then(|s| s.branch));
    }
}
