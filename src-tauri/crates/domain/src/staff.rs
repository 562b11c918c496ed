//! Staff members: every action in Caseback records which one did it.

use serde::{Deserialize, Serialize};

use crate::text;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StaffId(pub i64);

/// What a staff member does in the shop: serves at the counter, works at the bench, or runs
/// the shop (and may do both of the others).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Counter,
    Watchmaker,
    Manager,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Counter, Role::Watchmaker, Role::Manager];

    pub fn label(self) -> &'static str {
        match self {
            Role::Counter => "Counter",
            Role::Watchmaker => "Watchmaker",
            Role::Manager => "Manager",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Counter => "counter",
            Role::Watchmaker => "watchmaker",
            Role::Manager => "manager",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether watches may be given to them to work on: a watchmaker, or a manager (in a
    /// small shop the owner is often the watchmaker too).
    pub fn takes_bench_work(self) -> bool {
        matches!(self, Role::Watchmaker | Role::Manager)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: StaffId,
    pub name: String,
    /// Former staff stay in the list (the history names them) but cannot act.
    pub active: bool,
    #[serde(default)]
    pub role: Role,
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

    /// Whether watches may be given to them now: they still work here, at the bench.
    pub fn takes_bench_work(&self) -> bool {
        self.active && self.role.takes_bench_work()
    }

    /// Whether a watch may be given to them: refused, in a sentence, for someone who has
    /// left or who does not work at the bench.
    pub fn ensure_takes_bench_work(&self) -> Result<(), DomainError> {
        if !self.active {
            return Err(DomainError::invalid(
                "assignee",
                format!("{} no longer works here: give the watch to someone who does.", self.name),
            ));
        }
        if !self.role.takes_bench_work() {
            return Err(DomainError::invalid(
                "assignee",
                format!(
                    "{} works at the counter: watches go to a watchmaker or a manager (roles are set in Settings → Staff).",
                    self.name
                ),
            ));
        }
        Ok(())
    }
}

/// One line of the staff list as the Settings screen edits it: new members have no id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub id: Option<StaffId>,
    pub name: String,
    pub active: bool,
    #[serde(default)]
    pub role: Role,
}

impl From<StaffMember> for RosterEntry {
    /// The member as the staff list keeps them, to be saved again unchanged.
    fn from(m: StaffMember) -> RosterEntry {
        RosterEntry { id: Some(m.id), name: m.name, active: m.active, role: m.role }
    }
}

/// The staff named when a shop (or a chain's branch) is set up: the first, who sets it up,
/// runs it; the others serve at the counter until Settings gives them their roles.
pub fn roster_at_set_up(names: &[String]) -> Vec<RosterEntry> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| RosterEntry {
            id: None,
            name: n.clone(),
            active: true,
            role: if i == 0 { Role::Manager } else { Role::Counter },
        })
        .collect()
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
    fn watches_go_to_the_bench_s_staff_who_still_work_here() {
        let member = |role, active| StaffMember { id: StaffId(1), name: "Mei Chan".into(), active, role };
        assert!(member(Role::Watchmaker, true).ensure_takes_bench_work().is_ok());
        assert!(member(Role::Manager, true).ensure_takes_bench_work().is_ok(), "the owner at the bench");
        let counter = member(Role::Counter, true).ensure_takes_bench_work().unwrap_err();
        assert_eq!(counter.fields()[0].field, "assignee");
        assert!(counter.to_string().contains("works at the counter"), "{counter}");
        let left = member(Role::Watchmaker, false).ensure_takes_bench_work().unwrap_err();
        assert!(left.to_string().contains("no longer works here"), "{left}");
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::default(), Role::Counter, "staff from before roles serve at the counter");
    }

    #[test]
    fn roster_needs_one_active_and_unique_names() {
        assert!(check_roster(&[("Mei".into(), true)]).is_ok());
        assert!(check_roster(&[("Mei".into(), false)]).is_err());
        assert!(check_roster(&[("Mei".into(), true), ("mei".into(), false)]).is_err());
    }
}
