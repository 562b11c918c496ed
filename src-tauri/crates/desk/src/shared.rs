//! Settings → Shared database: where this computer's shop is, checking a server, moving the
//! shop there and back, and joining a shop another computer moved there. The password typed
//! is used to connect and kept in the pgpass file (0600) once the shop moves or joins; it is
//! never in the settings, the database, a backup or a message.

use caseback_domain::branch::BranchCode;
use caseback_store::shared_database::{Probe, SharedDatabase};
use caseback_store::sql::pg::TlsMode;
use caseback_store::sql::Engine;
use serde::{Deserialize, Serialize};

use crate::{Desk, Result};

/// The form as typed.
#[derive(Clone, Debug, Deserialize)]
pub struct SharedForm {
    pub host: String,
    /// As typed; refused at its field when it is not a port number.
    pub port: String,
    pub database: String,
    pub user: String,
    #[serde(default)]
    pub password: String,
    pub computer: String,
    /// `off`, `encrypted` or `verified` (see `TlsMode`).
    #[serde(default)]
    pub tls: String,
    /// The branch of a chain this computer is at (`KLN`), or empty for a shop of one.
    #[serde(default)]
    pub branch: String,
}

#[derive(Serialize)]
pub struct SharedView {
    /// "folder" or "shared".
    pub engine: &'static str,
    /// The saved connection (no password), on a shared database.
    pub connection: Option<SharedDatabase>,
    /// "Counter", the name this computer's changes are logged with.
    pub computer: String,
    /// What the page says where the shop is.
    pub where_text: String,
    /// The ways the connection may be protected, for the form's choice.
    pub tls_choices: Vec<crate::Choice>,
}

#[derive(Serialize)]
pub struct ProbeView {
    #[serde(flatten)]
    pub probe: Probe,
    /// What may be done with it: "move" (empty) or "join" (a shop is there).
    pub offer: &'static str,
    pub text: String,
}

#[derive(Serialize)]
pub struct MovedView {
    pub text: String,
}

impl SharedForm {
    fn connection(&self) -> Result<SharedDatabase> {
        let port = match self.port.trim() {
            "" => 5432,
            p => p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| {
                caseback_domain::DomainError::invalid("port", "Enter the port as a number, such as 5432.")
            })?,
        };
        let shared = SharedDatabase {
            host: self.host.trim().into(),
            port,
            database: self.database.trim().into(),
            user: self.user.trim().into(),
            computer: self.computer.trim().into(),
            tls: match self.tls.as_str() {
                "" => TlsMode::default(),
                key => TlsMode::from_key(key).ok_or_else(|| {
                    caseback_domain::DomainError::invalid("tls", "Choose how the connection is protected.")
                })?,
            },
            branch: branch(&self.branch)?,
        };
        shared.check()?;
        Ok(shared)
    }

    fn password(&self) -> Option<&str> {
        Some(self.password.as_str()).filter(|p| !p.is_empty())
    }
}

/// The branch as typed: none when empty.
fn branch(typed: &str) -> Result<Option<BranchCode>> {
    Ok(match typed.trim() {
        "" => None,
        code => Some(code.parse()?),
    })
}

impl Desk {
    pub fn shared_database(&self) -> Result<SharedView> {
        let root = self.shop().folder().root();
        let connection = SharedDatabase::load(root)?;
        let on_shared = self.shop().db().engine() == Engine::Postgres;
        let where_text = match (&connection, on_shared) {
            (Some(c), true) => format!(
                "This shop is on the shared database {} on {}:{}. This computer is \u{201c}{}\u{201d} in the history{}.",
                c.database,
                c.host,
                c.port,
                c.computer,
                c.branch.map(|b| format!(" and books as branch {b}")).unwrap_or_default()
            ),
            _ => format!("This shop is kept on this computer only, in {}.", root.display()),
        };
        Ok(SharedView {
            engine: if on_shared { "shared" } else { "folder" },
            computer: connection.as_ref().map(|c| c.computer.clone()).unwrap_or_default(),
            connection,
            where_text,
            tls_choices: crate::choice::choices(&TlsMode::ALL, TlsMode::label),
        })
    }

    /// Connects with the form's connection and says what the server holds.
    pub fn check_shared(&self, form: &SharedForm) -> Result<ProbeView> {
        let shared = form.connection()?;
        let probe = shared.probe_with(form.password())?;
        let (offer, text) = match &probe.shop {
            None => (
                "move",
                format!(
                    "Connected to PostgreSQL {}. The database is empty: this shop can move there.",
                    probe.server_version
                ),
            ),
            Some(name) => (
                "join",
                format!(
                    "Connected to PostgreSQL {}. The database holds \u{201c}{name}\u{201d}: this computer can join it.",
                    probe.server_version
                ),
            ),
        };
        Ok(ProbeView { probe, offer, text })
    }

    /// Moves this shop to the shared database and works there from now on.
    pub fn move_to_shared(&mut self, form: &SharedForm) -> Result<MovedView> {
        let shared = form.connection()?;
        if let Some(p) = form.password() {
            shared.save_password(p)?;
        }
        let moved = self.shop_mut().move_to_shared(&shared)?;
        let rows: i64 = moved.tables.iter().map(|t| t.rows).sum();
        Ok(MovedView {
            text: format!(
                "Moved to {} on {}: {} records and {} attachments, checked. Every computer that joins it works on this shop.",
                shared.database, shared.host, rows, moved.attachments
            ),
        })
    }

    /// Works on the shop another computer moved to the shared database.
    pub fn join_shared(&mut self, form: &SharedForm) -> Result<MovedView> {
        let shared = form.connection()?;
        if let Some(p) = form.password() {
            shared.save_password(p)?;
        }
        let name = self.shop_mut().join_shared(&shared)?;
        Ok(MovedView {
            text: format!("This computer now works on \u{201c}{name}\u{201d} as \u{201c}{}\u{201d}.", shared.computer),
        })
    }

    /// Names the branch of a chain this computer books in from now on (or none), for a
    /// computer that joined before its shop became a chain.
    pub fn set_shared_branch(&mut self, typed: &str) -> Result<MovedView> {
        let root = self.shop().folder().root().to_path_buf();
        let Some(mut shared) = SharedDatabase::load(&root)? else {
            return Err(caseback_domain::DomainError::invalid(
                "branch",
                "Only a computer on a shared database books as a branch of a chain.",
            )
            .into());
        };
        shared.branch = branch(typed)?;
        shared.save(&root)?;
        self.shop_mut().set_branch(shared.branch);
        Ok(MovedView {
            text: match shared.branch {
                Some(b) => {
                    format!("This computer books as branch {b} from now on: its next ticket is numbered R-{b}-…")
                }
                None => "This computer books without a branch from now on.".into(),
            },
        })
    }

    /// Moves the shop back into this computer's folder.
    pub fn move_back_to_folder(&mut self) -> Result<MovedView> {
        let moved = self.shop_mut().move_back_to_folder()?;
        let rows: i64 = moved.tables.iter().map(|t| t.rows).sum();
        Ok(MovedView {
            text: format!(
                "Moved back to this computer: {} records and {} attachments, checked. The shared database is left as it was; other computers no longer see changes made here.",
                rows, moved.attachments
            ),
        })
    }
}
