//! Parts and stock: the catalogue, deliveries, counts and write-offs, and the holds an
//! accepted quotation puts on its parts (taken off stock when the repair is done, let go
//! when it is refused or cancelled). Every movement is one event under its part.

use caseback_domain::event::{Action, Subject};
use caseback_domain::quotation::QuoteLine;
use caseback_domain::staff::StaffId;
use caseback_domain::stock::import::{ImportPlan, ImportedPart};
use caseback_domain::stock::{self, HoldChange, Part, PartDraft, PartId, Stock};
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::DomainError;
use jiff::Timestamp;
use serde_json::json;

use crate::error::{Result, StoreError};
use crate::sql::Db;
use crate::tables::{part_holds, parts, tickets};
use crate::{log, Shop};

/// One ticket's hold on one part, with the part as it is now.
#[derive(Clone, Debug, serde::Serialize)]
pub struct TicketPart {
    pub part: Part,
    pub reserved: u32,
    pub back_ordered: u32,
}

fn not_found() -> StoreError {
    DomainError::NotFound { what: "That part".into() }.into()
}

fn get(tx: &Db, id: PartId) -> Result<Part> {
    parts::get(tx, id)?.ok_or_else(not_found)
}

fn number_taken(number: &str) -> StoreError {
    DomainError::invalid("number", format!("Part {number} is already in the catalogue.")).into()
}

fn log_part(
    tx: &Db,
    now: Timestamp,
    by: Option<StaffId>,
    part: PartId,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    log(tx, now, by, Subject::Part, &part.to_string(), action, detail)
}

fn ticket_number(tx: &Db, id: TicketId) -> Result<String> {
    Ok(tickets::get(tx, id)?.map(|t| t.number.to_string()).unwrap_or_default())
}

/// Writes a part's stock after a movement, and logs what it did to the other repairs' holds
/// (a delivery or a count reaching the repairs that wait).
fn put_stock(
    tx: &Db,
    part: PartId,
    stock: &Stock,
    changes: &[HoldChange],
    by: Option<StaffId>,
    now: Timestamp,
) -> Result<()> {
    parts::set_on_hand(tx, part, stock.on_hand)?;
    part_holds::put(tx, part, stock)?;
    for change in changes {
        let hold = stock.hold(change.ticket).map(|h| h.back_ordered).unwrap_or(0);
        let detail = json!({
            "ticket": ticket_number(tx, change.ticket)?,
            "pieces": change.reserved,
            "back_ordered": hold,
            "on_hand": stock.on_hand,
        });
        log_part(tx, now, by, part, Action::StockReserved, detail)?;
    }
    Ok(())
}

impl Shop {
    /// Adds a part to the catalogue, with what is in the drawer now (a delivery, logged).
    pub fn add_part(&mut self, by: StaffId, draft: &PartDraft, on_hand: u32, now: Timestamp) -> Result<Part> {
        self.actor(by)?;
        let draft = draft.validated()?;
        let tx = self.db.transaction()?;
        if parts::by_number(&tx, &draft.number)?.is_some() {
            return Err(number_taken(&draft.number));
        }
        let id = parts::insert(&tx, &draft, 0, now)?;
        log_part(
            &tx,
            now,
            Some(by),
            id,
            Action::PartRecorded,
            json!({ "number": draft.number, "description": draft.description }),
        )?;
        if on_hand > 0 {
            receive(&tx, id, on_hand, "opening stock", by, now)?;
        }
        let part = get(&tx, id)?;
        tx.commit()?;
        Ok(part)
    }

    /// Corrects a part's entry (its stock moves only by deliveries, counts and repairs).
    pub fn edit_part(&mut self, by: StaffId, id: PartId, draft: &PartDraft, now: Timestamp) -> Result<Part> {
        self.actor(by)?;
        let draft = draft.validated()?;
        let tx = self.db.transaction()?;
        let before = get(&tx, id)?;
        if parts::by_number(&tx, &draft.number)?.is_some_and(|p| p.id != id) {
            return Err(number_taken(&draft.number));
        }
        if before.draft == draft {
            return Ok(before);
        }
        parts::update(&tx, id, &draft)?;
        log_part(&tx, now, Some(by), id, Action::PartEdited, json!({ "number": draft.number }))?;
        let part = get(&tx, id)?;
        tx.commit()?;
        Ok(part)
    }

    pub fn part(&self, id: PartId) -> Result<Part> {
        get(&self.db, id)
    }

    /// Parts whose number, description, kind, fit, supplier or drawer hold every term.
    pub fn find_parts(&self, query: &str, limit: usize) -> Result<Vec<Part>> {
        parts::find(&self.db, query, limit)
    }

    /// What is on hand of a part and who holds it, oldest hold first.
    pub fn part_stock(&self, id: PartId) -> Result<Stock> {
        let part = get(&self.db, id)?;
        part_holds::stock(&self.db, id, part.on_hand)
    }

    /// The parts to order: at their low-stock level or under it, or waited for.
    pub fn low_parts(&self) -> Result<Vec<Part>> {
        Ok(parts::all(&self.db)?.into_iter().filter(Part::is_low).collect())
    }

    /// A delivery: the pieces go into stock, then to the repairs waiting, oldest first.
    pub fn receive_stock(&mut self, by: StaffId, id: PartId, pieces: u32, note: &str, now: Timestamp) -> Result<Part> {
        self.actor(by)?;
        let note = caseback_domain::text::single_line("note", note, 200)?;
        let tx = self.db.transaction()?;
        receive(&tx, id, pieces, &note, by, now)?;
        let part = get(&tx, id)?;
        tx.commit()?;
        Ok(part)
    }

    /// A count of the drawer: what is on record becomes what was found, the difference logged.
    pub fn count_stock(&mut self, by: StaffId, id: PartId, counted: u32, now: Timestamp) -> Result<Part> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let part = get(&tx, id)?;
        let mut stock = part_holds::stock(&tx, id, part.on_hand)?;
        let (difference, changes) = stock.count(counted);
        log_part(
            &tx,
            now,
            Some(by),
            id,
            Action::StockCounted,
            json!({ "counted": counted, "difference": difference }),
        )?;
        put_stock(&tx, id, &stock, &changes, Some(by), now)?;
        let part = get(&tx, id)?;
        tx.commit()?;
        Ok(part)
    }

    /// Broken or lost pieces taken off stock, with the reason; never what a repair holds.
    pub fn write_off_stock(
        &mut self,
        by: StaffId,
        id: PartId,
        pieces: u32,
        reason: &str,
        now: Timestamp,
    ) -> Result<Part> {
        self.actor(by)?;
        let reason = caseback_domain::text::single_line("reason", reason, 200)?;
        if reason.is_empty() {
            return Err(
                DomainError::invalid("reason", "Say why (broken at fitting, lost, damaged in delivery).").into()
            );
        }
        let tx = self.db.transaction()?;
        let part = get(&tx, id)?;
        let mut stock = part_holds::stock(&tx, id, part.on_hand)?;
        stock.write_off(pieces)?;
        put_stock(&tx, id, &stock, &[], Some(by), now)?;
        let detail = json!({ "pieces": pieces, "reason": reason, "on_hand": stock.on_hand });
        log_part(&tx, now, Some(by), id, Action::StockWrittenOff, detail)?;
        let part = get(&tx, id)?;
        tx.commit()?;
        Ok(part)
    }

    /// The parts a ticket holds or waits for.
    pub fn ticket_parts(&self, id: TicketId) -> Result<Vec<TicketPart>> {
        part_holds::for_ticket(&self.db, id)?
            .into_iter()
            .map(|(part, hold)| {
                Ok(TicketPart { part: get(&self.db, part)?, reserved: hold.reserved, back_ordered: hold.back_ordered })
            })
            .collect()
    }

    /// The open repairs waiting for a part that is not in stock, oldest booking first.
    pub fn tickets_waiting_for_parts(&self) -> Result<Vec<tickets::TicketRow>> {
        tickets::rows_of(&self.db, &part_holds::waiting_tickets(&self.db)?)
    }

    /// What an import of these rows would do to the catalogue as it is now.
    pub fn plan_part_import(
        &self,
        rows: Vec<(usize, std::result::Result<ImportedPart, String>)>,
    ) -> Result<ImportPlan> {
        Ok(ImportPlan::new(rows, &parts::all(&self.db)?))
    }

    /// Imports the rows taken, all in one transaction (planned again under the write lock,
    /// so what another computer added meanwhile is updated, not doubled); one event for the
    /// import, and one for each part's stock it moved.
    pub fn import_parts(
        &mut self,
        by: StaffId,
        file: &str,
        rows: Vec<(usize, std::result::Result<ImportedPart, String>)>,
        now: Timestamp,
    ) -> Result<ImportPlan> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let plan = ImportPlan::new(rows, &parts::all(&tx)?);
        if plan.is_empty() {
            return Err(DomainError::invalid(
                "file",
                "No row of this file can be imported: see the reasons beside each.",
            )
            .into());
        }
        log(
            &tx,
            now,
            Some(by),
            Subject::Settings,
            "shop",
            Action::PartsImported,
            json!({
                "file": file, "added": plan.added.len(), "updated": plan.updated.len(), "refused": plan.refused.len(),
            }),
        )?;
        for new in &plan.added {
            let id = parts::insert(&tx, &new.draft, 0, now)?;
            log_part(
                &tx,
                now,
                Some(by),
                id,
                Action::PartRecorded,
                json!({ "number": new.draft.number, "description": new.draft.description }),
            )?;
            if let Some(pieces) = new.quantity.filter(|n| *n > 0) {
                receive(&tx, id, pieces, &format!("imported from {file}"), by, now)?;
            }
        }
        for (id, _, row) in &plan.updated {
            let part = get(&tx, *id)?;
            let draft = row.onto(&part.draft);
            if draft != part.draft {
                parts::update(&tx, *id, &draft)?;
                log_part(&tx, now, Some(by), *id, Action::PartEdited, json!({ "number": draft.number, "file": file }))?;
            }
            if let Some(counted) = row.quantity.filter(|n| *n != part.on_hand) {
                let mut stock = part_holds::stock(&tx, *id, part.on_hand)?;
                let (difference, changes) = stock.count(counted);
                log_part(
                    &tx,
                    now,
                    Some(by),
                    *id,
                    Action::StockCounted,
                    json!({ "counted": counted, "difference": difference, "file": file }),
                )?;
                put_stock(&tx, *id, &stock, &changes, Some(by), now)?;
            }
        }
        tx.commit()?;
        Ok(plan)
    }
}

fn receive(tx: &Db, id: PartId, pieces: u32, note: &str, by: StaffId, now: Timestamp) -> Result<()> {
    let part = get(tx, id)?;
    let mut stock = part_holds::stock(tx, id, part.on_hand)?;
    let changes = stock.receive(pieces);
    log_part(
        tx,
        now,
        Some(by),
        id,
        Action::StockReceived,
        json!({ "pieces": pieces, "note": note, "on_hand": stock.on_hand }),
    )?;
    put_stock(tx, id, &stock, &changes, Some(by), now)
}

/// Each catalogue line names a part still in the catalogue.
pub(crate) fn check_lines(tx: &Db, lines: &[QuoteLine]) -> Result<()> {
    for (i, line) in lines.iter().enumerate() {
        if let Some(id) = line.part {
            if parts::get(tx, id)?.is_none() {
                let message = "That part is no longer in the catalogue: pick it again or type the line.";
                return Err(DomainError::invalid(format!("lines.{i}.description"), message).into());
            }
        }
    }
    Ok(())
}

/// An accepted quotation holds its catalogue parts (what is free is reserved, the rest
/// waits for a delivery), inside the acceptance's transaction.
pub(crate) fn hold_parts(
    tx: &Db,
    ticket: &Ticket,
    lines: &[QuoteLine],
    cosmetic_accepted: bool,
    by: StaffId,
    now: Timestamp,
) -> Result<()> {
    for (id, pieces) in stock::parts_wanted(lines, cosmetic_accepted) {
        let part = get(tx, id)?;
        let mut stock = part_holds::stock(tx, id, part.on_hand)?;
        let (hold, changes) = stock.reserve(ticket.id, pieces);
        let detail = json!({
            "ticket": ticket.number.to_string(),
            "pieces": hold.reserved,
            "back_ordered": hold.back_ordered,
            "on_hand": stock.on_hand,
        });
        log_part(tx, now, Some(by), id, Action::StockReserved, detail)?;
        put_stock(tx, id, &stock, &changes, Some(by), now)?;
    }
    Ok(())
}

/// The repair is done: its held parts come off stock. Refused (and the completion with it)
/// while a part it needs is still waiting for a delivery.
pub(crate) fn use_parts(tx: &Db, ticket: &Ticket, by: StaffId, now: Timestamp) -> Result<()> {
    for (id, _) in part_holds::for_ticket(tx, ticket.id)? {
        let part = get(tx, id)?;
        let mut stock = part_holds::stock(tx, id, part.on_hand)?;
        let used = stock.use_hold(ticket.id, &part.name())?;
        put_stock(tx, id, &stock, &[], Some(by), now)?;
        let detail = json!({ "ticket": ticket.number.to_string(), "pieces": used, "on_hand": stock.on_hand });
        log_part(tx, now, Some(by), id, Action::StockUsed, detail)?;
    }
    Ok(())
}

/// The ticket no longer keeps parts (refused, expired, cancelled, sent back): its holds go,
/// and what it had reserved goes to the repairs waiting for it.
pub(crate) fn release_parts(tx: &Db, ticket: &Ticket, by: Option<StaffId>, now: Timestamp) -> Result<()> {
    if stock::keeps_parts(ticket.state) {
        return Ok(());
    }
    for (id, _) in part_holds::for_ticket(tx, ticket.id)? {
        let part = get(tx, id)?;
        let mut stock = part_holds::stock(tx, id, part.on_hand)?;
        let (hold, changes) = stock.release(ticket.id);
        let detail = json!({
            "ticket": ticket.number.to_string(),
            "pieces": hold.map_or(0, |h| h.reserved),
            "back_ordered": hold.map_or(0, |h| h.back_ordered),
        });
        log_part(tx, now, by, id, Action::StockReleased, detail)?;
        put_stock(tx, id, &stock, &changes, by, now)?;
    }
    Ok(())
}
