//! This computer's mail account: the SMTP server the shop's forms are e-mailed through, kept
//! in the data folder as `mail-account.json` (readable only by the user's account), as the
//! shared database's connection is (`shared_database`). Each computer keeps its own: a
//! counter and a bench may sign in to the server as different users.
//!
//! The password is kept apart, in `smtp-password` beside it, 0600, and nowhere else: not in
//! the database (which every computer of a shared shop reads, and backups and data moves
//! copy), not in the event log, not in logs. The shared database's password goes in the
//! pgpass file every PostgreSQL client reads; mail programs have no such common file, and
//! the data folder is already the account's private place, so the password stays in it.

use std::path::Path;

use caseback_domain::outbox::account::MailAccount;

use crate::error::{Result, StoreError};
use crate::private;

const FILE: &str = "mail-account.json";
const PASSWORD_FILE: &str = "smtp-password";

/// The account saved in `folder`, if this computer sends e-mail.
pub fn load(folder: &Path) -> Result<Option<MailAccount>> {
    let path = folder.join(FILE);
    let Some(text) = read(&path)? else { return Ok(None) };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| StoreError::Corrupt(format!("{} cannot be read: {e}", path.display())))
}

/// Saves `account` (checked first, refused at its fields) in `folder`.
pub fn save(folder: &Path, account: &MailAccount) -> Result<MailAccount> {
    let account = account.checked()?;
    let json = serde_json::to_vec_pretty(&account).expect("the account serializes");
    private::create_dir(folder).map_err(|e| StoreError::io(format!("Could not create {}", folder.display()), e))?;
    private::write_file(&folder.join(FILE), &json).map_err(|e| StoreError::io("Could not save the mail account", e))?;
    Ok(account)
}

/// The server's password, if one is kept (a server that takes mail without signing in has
/// none).
pub fn password(folder: &Path) -> Result<Option<String>> {
    Ok(read(&folder.join(PASSWORD_FILE))?.filter(|p| !p.is_empty()))
}

/// Keeps `password` (replacing the one kept), readable only by the user; an empty one is
/// forgotten.
pub fn save_password(folder: &Path, password: &str) -> Result<()> {
    let path = folder.join(PASSWORD_FILE);
    if password.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::io("Could not forget the mail server's password", e))
            }
            _ => Ok(()),
        };
    }
    private::create_dir(folder).map_err(|e| StoreError::io(format!("Could not create {}", folder.display()), e))?;
    private::write_file(&path, password.as_bytes())
        .map_err(|e| StoreError::io("Could not keep the mail server's password", e))
}

fn read(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(format!("Could not read {}", path.display()), e)),
    }
}
