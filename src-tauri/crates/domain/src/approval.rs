//! A manager's approval: once a manager has set a PIN, refunds, restores, settings and voided
//! payments need one (the "at the counter" choice is a list anyone can pick from, so the PIN
//! is what tells a manager). The PIN itself is checked, against its hash, by the store.

use serde::Deserialize;

use crate::staff::{Role, StaffId, StaffMember};
use crate::{Code, DomainError};

/// What a manager's PIN guards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guarded {
    Refund,
    Restore,
    Settings,
    VoidPayment,
    /// Cancelling a repair whose quotation the customer accepted (before the work starts).
    CancelAccepted,
}

impl Guarded {
    /// The action as a sentence begins: "A refund needs…".
    pub fn what(self) -> &'static str {
        match self {
            Guarded::Refund => "A refund",
            Guarded::Restore => "Restoring a backup",
            Guarded::Settings => "Changing the settings",
            Guarded::VoidPayment => "Voiding a payment",
            Guarded::CancelAccepted => "Cancelling a repair the customer accepted",
        }
    }
}

/// Whether moving a ticket from `from` to `to` is guarded: cancelling once the customer
/// accepted the quotation (its parts are let go, its charge dropped) needs a manager.
pub fn guards_move(from: crate::ticket::TicketState, to: crate::ticket::TicketState) -> Option<Guarded> {
    use crate::ticket::TicketState::{Approved, Cancelled};
    (from == Approved && to == Cancelled).then_some(Guarded::CancelAccepted)
}

/// A manager's approval as the window sends it.
#[derive(Clone, Debug, Deserialize)]
pub struct Approval {
    pub manager: StaffId,
    pub pin: String,
}

/// A PIN as typed: 4 to 8 digits.
pub fn parse_pin(typed: &str) -> Result<String, DomainError> {
    let pin = typed.trim();
    if !(4..=8).contains(&pin.chars().count()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(DomainError::invalid("pin", "A PIN is 4 to 8 digits."));
    }
    Ok(pin.to_string())
}

/// Whose PIN must be checked for `guarded`: nobody's while no manager has a PIN; else the
/// approving manager's, refused (naming who may approve) without one or with someone who
/// is not a manager with a PIN. `managers` are the active managers who have set a PIN.
pub fn approver(
    guarded: Guarded,
    managers: &[StaffMember],
    approval: Option<&Approval>,
) -> Result<Option<StaffId>, DomainError> {
    let managers: Vec<&StaffMember> = managers.iter().filter(|m| m.active && m.role == Role::Manager).collect();
    if managers.is_empty() {
        return Ok(None);
    }
    let names = managers.iter().map(|m| m.name.as_str()).collect::<Vec<_>>();
    let who = match names.as_slice() {
        [one] => format!("{one} may approve it"),
        [rest @ .., last] => format!("{} or {last} may approve it", rest.join(", ")),
        [] => unreachable!("not empty"),
    };
    let Some(approval) = approval else {
        return Err(DomainError::refused(
            Code::ApprovalNeeded,
            format!("{} needs a manager's PIN: {who}.", guarded.what()),
        ));
    };
    match managers.iter().find(|m| m.id == approval.manager) {
        Some(m) => Ok(Some(m.id)),
        None => Err(DomainError::refused(Code::ApprovalRefused, format!("Only a manager's PIN approves this: {who}."))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: i64, name: &str, role: Role, active: bool) -> StaffMember {
        StaffMember { id: StaffId(id), name: name.into(), active, role }
    }

    #[test]
    fn a_pin_is_four_to_eight_digits() {
        assert_eq!(parse_pin(" 0427 ").unwrap(), "0427");
        assert_eq!(parse_pin("12345678").unwrap(), "12345678");
        for bad in ["", "123", "123456789", "12a4", "١٢٣٤", "12 34"] {
            assert_eq!(parse_pin(bad).unwrap_err().fields()[0].field, "pin", "{bad:?}");
        }
    }

    #[test]
    fn once_a_manager_has_a_pin_the_guarded_actions_need_one_and_say_who_may_approve() {
        let mei = member(1, "Mei Chan", Role::Manager, true);
        let ayse = member(2, "Ayşe Yılmaz", Role::Manager, true);
        let sam = member(3, "Sam Wong", Role::Watchmaker, true);
        assert_eq!(approver(Guarded::Refund, &[], None).unwrap(), None, "no PIN set: nothing asked");
        let asked = approver(Guarded::Refund, std::slice::from_ref(&mei), None).unwrap_err();
        assert_eq!(asked.code(), Code::ApprovalNeeded);
        assert_eq!(asked.to_string(), "A refund needs a manager's PIN: Mei Chan may approve it.");
        let two = approver(Guarded::Restore, &[mei.clone(), ayse.clone()], None).unwrap_err();
        assert_eq!(
            two.to_string(),
            "Restoring a backup needs a manager's PIN: Mei Chan or Ayşe Yılmaz may approve it."
        );
        let by = |id| Approval { manager: StaffId(id), pin: "0427".into() };
        assert_eq!(approver(Guarded::Settings, std::slice::from_ref(&mei), Some(&by(1))).unwrap(), Some(StaffId(1)));
        let not_a_manager = approver(Guarded::VoidPayment, &[mei.clone(), sam], Some(&by(3))).unwrap_err();
        assert_eq!(not_a_manager.code(), Code::ApprovalRefused);
        // A manager who has left approves nothing, and counts for nothing.
        let left = member(4, "Former Boss", Role::Manager, false);
        assert_eq!(approver(Guarded::Refund, &[left], None).unwrap(), None);
        use crate::ticket::TicketState::*;
        assert_eq!(guards_move(Approved, Cancelled), Some(Guarded::CancelAccepted));
        assert_eq!(guards_move(Received, Cancelled), None, "nothing was accepted yet");
        assert_eq!(guards_move(Approved, InRepair), None);
    }
}
