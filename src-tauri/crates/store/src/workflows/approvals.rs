//! Managers' PINs: set (or cleared) per manager, kept only as Argon2 hashes, and checked
//! when a guarded action (`approval::Guarded`) asks for a manager's approval.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use caseback_domain::approval::{self, Approval, Guarded};
use caseback_domain::event::Action;
use caseback_domain::staff::{Role, StaffId};
use caseback_domain::{Code, DomainError};
use jiff::Timestamp;
use serde_json::json;

use crate::error::{Result, StoreError};
use crate::sql::Db;
use crate::tables::staff;
use crate::{log_settings, Shop};

fn hash(pin: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|e| StoreError::Corrupt(format!("no secure random numbers for a PIN's salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Corrupt(format!("a PIN's salt: {e}")))?;
    Ok(Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map_err(|e| StoreError::Corrupt(format!("hashing a PIN: {e}")))?
        .to_string())
}

fn matches(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(pin.as_bytes(), &h).is_ok())
}

/// Checks `approval` for `guarded` on `conn` (inside the action's transaction or before it).
pub(crate) fn check(conn: &Db, guarded: Guarded, approval: Option<&Approval>) -> Result<()> {
    let managers = staff::managers_with_pin(conn)?;
    let Some(manager) = approval::approver(guarded, &managers, approval)? else { return Ok(()) };
    let stored = staff::pin_hash(conn, manager)?.unwrap_or_default();
    let name = managers.iter().find(|m| m.id == manager).map(|m| m.name.clone()).unwrap_or_default();
    if !matches(approval.map(|a| a.pin.trim()).unwrap_or_default(), &stored) {
        return Err(DomainError::refused(Code::ApprovalRefused, format!("That is not {name}'s PIN: try again.")).into());
    }
    Ok(())
}

impl Shop {
    /// Refused unless `approval` is a manager's, when a manager has set a PIN.
    pub fn check_approval(&self, guarded: Guarded, approval: Option<&Approval>) -> Result<()> {
        check(&self.db, guarded, approval)
    }

    /// Sets (or, with `None`, clears) a manager's PIN. Once any manager has one, this is a
    /// change of settings like any other: it needs a manager's approval.
    pub fn set_pin(
        &mut self,
        by: StaffId,
        manager: StaffId,
        pin: Option<&str>,
        approval: Option<&Approval>,
        now: Timestamp,
    ) -> Result<()> {
        self.actor(by)?;
        let pin = pin.map(approval::parse_pin).transpose()?;
        let tx = self.db.transaction()?;
        check(&tx, Guarded::Settings, approval)?;
        let member = staff::get(&tx, manager)?
            .ok_or_else(|| DomainError::invalid("pin", "That staff member is unknown: reload Settings."))?;
        if member.role != Role::Manager {
            return Err(DomainError::invalid(
                "pin",
                format!(
                    "{} is not a manager: only a manager's PIN approves refunds, restores and settings.",
                    member.name
                ),
            )
            .into());
        }
        let hashed = pin.as_deref().map(hash).transpose()?;
        staff::set_pin_hash(&tx, manager, hashed.as_deref())?;
        let detail = json!({ "staff": member.name, "set": hashed.is_some() });
        log_settings(&tx, now, Some(by), Action::PinSet, detail)?;
        tx.commit()?;
        Ok(())
    }

    /// The active managers who have set a PIN.
    pub fn managers_with_pin(&self) -> Result<Vec<StaffId>> {
        Ok(staff::managers_with_pin(&self.db)?.into_iter().map(|m| m.id).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_kept_as_a_salted_hash_that_only_it_matches() {
        let one = hash("0427").unwrap();
        let two = hash("0427").unwrap();
        assert!(one.starts_with("$argon2id$") && !one.contains("0427"), "{one}");
        assert_ne!(one, two, "each hash has its own salt");
        assert!(matches("0427", &one) && matches("0427", &two));
        assert!(!matches("0428", &one) && !matches("", &one) && !matches("0427", "not a hash"));
    }
}
