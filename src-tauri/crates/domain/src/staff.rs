//! Staff members: every action in Caseback records which one did it.

use serde::{Deserialize, Serialize};

use crate::text;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StaffId(pub i64);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: StaffId,
    pub name: String,
    /// Former staff stay in the list (the history names them) but cannot act.
    pub active: bool,
}

pub const MAX_NAME: usize = 60;

impl StaffMember {
    /// Only current staff may act; former staff stay in the history only.
    pub fn ensure_can_act(&self) -> Result<(), DomainError> {
        if self.active {
            Ok(())
        } else {
            Err(DomainError::invalid(
                "staff",
                format!("{} is no longer active; choose who is at the counter.", self.name),
            ))
        }
    }
}

/// One line of the staff list as the Settings screen edits it: new members have no id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub id: Option<StaffId>,
    pub name: String,
    pub active: bool,
}

/// Checks an edited staff list and returns it with names trimmed.
pub fn check_roster_entries(entries: &[RosterEntry]) -> Result<Vec<RosterEntry>, DomainError> {
    let mut clean = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        clean.push(RosterEntry { name: staff_name(&format!("staff.{i}"), &e.name)?, ..e.clone() });
    }
    let pairs: Vec<(String, bool)> = clean.iter().map(|e| (e.name.clone(), e.active)).collect();
    check_roster(&pairs)?;
    Ok(clean)
}

/// A staff member's name, trimmed; refused when empty, too long or holding control characters.
pub fn staff_name(field: &str, name: &str) -> Result<String, DomainError> {
    let name = text::single_line(field, name, MAX_NAME)?;
    if name.is_empty() {
        return Err(DomainError::invalid(field, "Enter the staff member's name."));
    }
    Ok(name)
}

/// Checks a whole staff list: at least one active member, no two with the same name.
pub fn check_roster(names: &[(String, bool)]) -> Result<(), DomainError> {
    if !names.iter().any(|(_, active)| *active) {
        return Err(DomainError::invalid(
            "staff",
            "Keep at least one active staff member: every action records who did it.",
        ));
    }
    for (i, (name, _)) in names.iter().enumerate() {
        if names[..i].iter().any(|(other, _)| other.to_lowercase() == name.to_lowercase()) {
            return Err(DomainError::invalid("staff", format!("\"{name}\" is listed twice.")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(staff_name("staff", "  Ayşe Yılmaz ").unwrap(), "Ayşe Yılmaz");
        assert!(staff_name("staff", "   ").is_err());
        assert!(staff_name("staff", "bad\u{7}name").is_err());
        assert!(staff_name("staff", &"x".repeat(61)).is_err());
    }

    #[test]
    fn roster_needs_one_active_and_unique_names() {
        assert!(check_roster(&[("Mei".into(), true)]).is_ok());
        assert!(check_roster(&[("Mei".into(), false)]).is_err());
        assert!(check_roster(&[("Mei".into(), true), ("mei".into(), false)]).is_err());
    }
}
