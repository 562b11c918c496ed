//! Parts and stock: the catalogue the bench draws from, what is in the drawer, what is held
//! for accepted repairs, and what a repair still waits for.
//!
//! A part's stock is what is on hand and the holds on it, one per ticket, oldest first. A
//! hold has pieces reserved (in the drawer, kept for that repair) and pieces back-ordered
//! (wanted, not in stock). The rules keep two things true after every movement: nothing is
//! ever below zero, and no more is reserved than is on hand. What cannot be reserved is a
//! recorded back-order, never a silent negative.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::money::Amount;
use crate::quotation::{QuoteLine, Section, MAX_UNIT_PRICE};
use crate::text;
use crate::ticket::TicketId;
use crate::{Code, DomainError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartId(pub i64);

impl fmt::Display for PartId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Most pieces one movement may take: a slip of the keyboard beyond this is refused.
pub const MAX_PIECES: u32 = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    Crystal,
    Gasket,
    Crown,
    Stem,
    Mainspring,
    Battery,
    Strap,
    Movement,
    Module,
    Hand,
    Dial,
    Other,
}

impl PartKind {
    pub const ALL: [PartKind; 12] = [
        PartKind::Crystal,
        PartKind::Gasket,
        PartKind::Crown,
        PartKind::Stem,
        PartKind::Mainspring,
        PartKind::Battery,
        PartKind::Strap,
        PartKind::Movement,
        PartKind::Module,
        PartKind::Hand,
        PartKind::Dial,
        PartKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PartKind::Crystal => "Crystal",
            PartKind::Gasket => "Gasket",
            PartKind::Crown => "Crown",
            PartKind::Stem => "Stem",
            PartKind::Mainspring => "Mainspring",
            PartKind::Battery => "Battery",
            PartKind::Strap => "Strap",
            PartKind::Movement => "Movement",
            PartKind::Module => "Module",
            PartKind::Hand => "Hand",
            PartKind::Dial => "Dial",
            PartKind::Other => "Other",
        }
    }

    /// The kind as a CSV or a person writes it ("crystal", "Crystal"); anything else is Other.
    pub fn read(text: &str) -> PartKind {
        let t = text.trim().to_lowercase();
        PartKind::ALL.into_iter().find(|k| k.label().to_lowercase() == t).unwrap_or(PartKind::Other)
    }
}

/// A catalogue entry as typed: everything but its stock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartDraft {
    /// The maker's or the supplier's reference ("SC-301", "Seiko 315B01AN").
    pub number: String,
    pub description: String,
    pub kind: PartKind,
    /// The calibres or models it fits ("7S26, 4R35"); free text, searched.
    #[serde(default)]
    pub fits: String,
    pub cost: Amount,
    pub price: Amount,
    #[serde(default)]
    pub supplier: String,
    /// Where it is kept ("Drawer 3, box B").
    #[serde(default)]
    pub location: String,
    /// Warn when what is free falls to this many (0: never).
    pub low_at: u32,
}

/// A part number as the catalogue compares it: "sc 301" and "SC-301" are not the same
/// part, but "sc-301 " and "SC-301" are.
pub fn number_key(number: &str) -> String {
    number.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
}

impl PartDraft {
    pub fn validated(&self) -> Result<PartDraft, DomainError> {
        let mut problems = Problems::default();
        let mut line = |field: &str, value: &str, max: usize, required: Option<&str>| {
            match text::single_line(field, value, max) {
                Ok(v) if v.is_empty() && required.is_some() => problems.add(field, required.unwrap_or_default()),
                Ok(v) => return v,
                Err(e) => problems.merge(e),
            }
            String::new()
        };
        let number = number_key(&line("number", &self.number, 40, Some("Enter the part number.")));
        let description = line("description", &self.description, 200, Some("Describe the part."));
        let fits = line("fits", &self.fits, 200, None);
        let supplier = line("supplier", &self.supplier, 100, None);
        let location = line("location", &self.location, 60, None);
        for (field, amount) in [("cost", self.cost), ("price", self.price)] {
            if amount.0 < 0 || amount > MAX_UNIT_PRICE {
                problems.add(field, "An amount must be between 0 and 10,000,000.");
            }
        }
        if self.low_at > MAX_PIECES {
            problems.add("low_at", format!("A low-stock level is at most {MAX_PIECES}."));
        }
        problems.into_result()?;
        Ok(PartDraft { number, description, fits, supplier, location, ..self.clone() })
    }
}

/// A part of the catalogue with its stock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub id: PartId,
    #[serde(flatten)]
    pub draft: PartDraft,
    pub on_hand: u32,
    /// Pieces held for accepted repairs (part of `on_hand`).
    pub reserved: u32,
    /// Pieces accepted repairs wait for, not in stock.
    pub back_ordered: u32,
}

impl Part {
    /// What can be promised to a new repair: on hand and not held.
    pub fn free(&self) -> u32 {
        self.on_hand.saturating_sub(self.reserved)
    }

    /// Time to order: what is free is at the low-stock level or under it, or repairs wait.
    pub fn is_low(&self) -> bool {
        self.back_ordered > 0 || (self.draft.low_at > 0 && self.free() <= self.draft.low_at)
    }

    /// "SC-301 Sapphire crystal": how a line or a list names it.
    pub fn name(&self) -> String {
        format!("{} {}", self.draft.number, self.draft.description)
    }
}

/// One ticket's hold on one part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub ticket: TicketId,
    pub reserved: u32,
    pub back_ordered: u32,
}

/// A part's pieces on hand and its holds, oldest first: what the movements work on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stock {
    pub on_hand: u32,
    pub holds: Vec<Hold>,
}

/// What a movement did to one ticket's hold, for the log and the ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldChange {
    pub ticket: TicketId,
    /// Pieces newly reserved for it (positive) or moved back to waiting (negative).
    pub reserved: i64,
}

/// The pieces typed for a movement: a whole number from 1 to `MAX_PIECES`.
pub fn parse_pieces(field: &str, typed: &str) -> Result<u32, DomainError> {
    let t = typed.trim();
    match t.parse::<u32>() {
        Ok(n) if (1..=MAX_PIECES).contains(&n) => Ok(n),
        Ok(_) => Err(DomainError::invalid(field, format!("Enter 1 to {MAX_PIECES} pieces."))),
        Err(_) if t.is_empty() => Err(DomainError::invalid(field, "Enter how many pieces.")),
        Err(_) => Err(DomainError::invalid(field, format!("\"{t}\" is not a number of pieces: enter a whole number."))),
    }
}

/// A count as typed: a whole number, 0 included.
pub fn parse_count(typed: &str) -> Result<u32, DomainError> {
    match typed.trim().parse::<u32>() {
        Ok(n) if n <= MAX_PIECES => Ok(n),
        _ => Err(DomainError::invalid("counted", "Enter the pieces counted in the drawer: a whole number, 0 or more.")),
    }
}

impl Stock {
    pub fn reserved(&self) -> u32 {
        self.holds.iter().map(|h| h.reserved).sum()
    }

    pub fn back_ordered(&self) -> u32 {
        self.holds.iter().map(|h| h.back_ordered).sum()
    }

    pub fn free(&self) -> u32 {
        self.on_hand.saturating_sub(self.reserved())
    }

    pub fn hold(&self, ticket: TicketId) -> Option<Hold> {
        self.holds.iter().copied().find(|h| h.ticket == ticket)
    }

    /// Holds `wanted` pieces for `ticket`: what is free is reserved, the rest back-ordered.
    /// A ticket that already holds this part asks again for the new total (a revision),
    /// keeping its place; what it no longer needs goes to the repairs waiting.
    pub fn reserve(&mut self, ticket: TicketId, wanted: u32) -> (Hold, Vec<HoldChange>) {
        let at = self.holds.iter().position(|h| h.ticket == ticket);
        if let Some(at) = at {
            self.holds.remove(at);
        }
        let reserved = wanted.min(self.free());
        let hold = Hold { ticket, reserved, back_ordered: wanted - reserved };
        self.holds.insert(at.unwrap_or(self.holds.len()), hold);
        let changes = self.receive(0);
        (hold, changes)
    }

    /// Lets go of a ticket's hold (the repair was refused or cancelled); its pieces go to
    /// the repairs waiting for them, oldest first.
    pub fn release(&mut self, ticket: TicketId) -> (Option<Hold>, Vec<HoldChange>) {
        let hold = self.remove(ticket);
        let changes = if hold.is_some_and(|h| h.reserved > 0) { self.receive(0) } else { Vec::new() };
        (hold, changes)
    }

    fn remove(&mut self, ticket: TicketId) -> Option<Hold> {
        let at = self.holds.iter().position(|h| h.ticket == ticket)?;
        Some(self.holds.remove(at))
    }

    /// Takes the ticket's reserved pieces off stock: the repair is done. Refused while part
    /// of it is still waiting for stock: that piece was never in the drawer.
    pub fn use_hold(&mut self, ticket: TicketId, part_name: &str) -> Result<u32, DomainError> {
        let Some(hold) = self.hold(ticket) else { return Ok(0) };
        if hold.back_ordered > 0 {
            let pieces =
                if hold.back_ordered == 1 { "1 piece".to_string() } else { format!("{} pieces", hold.back_ordered) };
            return Err(DomainError::refused(
                Code::OutOfStock,
                format!("This repair waits for {pieces} of {part_name}, not in stock: receive it into stock first."),
            ));
        }
        self.remove(ticket);
        self.on_hand -= hold.reserved;
        Ok(hold.reserved)
    }

    /// Puts `pieces` into stock, then gives them to the repairs waiting, oldest first.
    pub fn receive(&mut self, pieces: u32) -> Vec<HoldChange> {
        self.on_hand = self.on_hand.saturating_add(pieces);
        let mut changes = Vec::new();
        let mut free = self.free();
        for hold in self.holds.iter_mut().filter(|h| h.back_ordered > 0) {
            let given = hold.back_ordered.min(free);
            if given == 0 {
                break;
            }
            hold.back_ordered -= given;
            hold.reserved += given;
            free -= given;
            changes.push(HoldChange { ticket: hold.ticket, reserved: i64::from(given) });
        }
        changes
    }

    /// Sets what the drawer holds. When fewer are found than are held, the newest holds
    /// give up pieces to waiting, so no more is reserved than exists. Returns the difference
    /// to what was on record and the holds that changed.
    pub fn count(&mut self, counted: u32) -> (i64, Vec<HoldChange>) {
        let difference = i64::from(counted) - i64::from(self.on_hand);
        self.on_hand = counted;
        let mut excess = self.reserved().saturating_sub(counted);
        let mut changes = Vec::new();
        for hold in self.holds.iter_mut().rev() {
            if excess == 0 {
                break;
            }
            let moved = hold.reserved.min(excess);
            if moved > 0 {
                hold.reserved -= moved;
                hold.back_ordered += moved;
                excess -= moved;
                changes.push(HoldChange { ticket: hold.ticket, reserved: -i64::from(moved) });
            }
        }
        if difference > 0 {
            // More found than on record: it goes to whoever waits, as a delivery would.
            changes.extend(self.receive(0));
        }
        (difference, changes)
    }

    /// Takes broken or lost pieces off stock; only what no repair holds.
    pub fn write_off(&mut self, pieces: u32) -> Result<(), DomainError> {
        let free = self.free();
        if pieces > free {
            let message = match (free, self.reserved()) {
                (0, 0) => "None are in stock to write off.".to_string(),
                (free, 0) => format!("Only {free} in stock: write off at most {free}."),
                (free, held) => format!("Only {free} are free: {held} are held for accepted repairs."),
            };
            return Err(DomainError::invalid("pieces", message));
        }
        self.on_hand -= pieces;
        Ok(())
    }
}

/// Whether a ticket in `state` keeps the parts held for it: while the repair is approved or
/// under way. Refused, expired, cancelled or sent back, it lets them go.
pub fn keeps_parts(state: crate::ticket::TicketState) -> bool {
    use crate::ticket::TicketState::*;
    matches!(state, Approved | InRepair)
}

/// The catalogue's parts a quotation asks for once accepted, in whole pieces, by part:
/// the repair's lines, and the cosmetic ones when that section was confirmed too.
pub fn parts_wanted(lines: &[QuoteLine], cosmetic_accepted: bool) -> Vec<(PartId, u32)> {
    let mut wanted: Vec<(PartId, u32)> = Vec::new();
    for line in lines.iter().filter(|l| l.section == Section::Repair || cosmetic_accepted) {
        let Some(part) = line.part else { continue };
        let pieces = line.quantity.0 / 100;
        match wanted.iter_mut().find(|(p, _)| *p == part) {
            Some((_, n)) => *n += pieces,
            None => wanted.push((part, pieces)),
        }
    }
    wanted
}

pub mod form;
pub mod import;
#[cfg(test)]
mod tests;
