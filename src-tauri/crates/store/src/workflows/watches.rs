//! The watch as a record: found again by its brand and serial at each intake (or made from
//! the intake), its owners over time, its tickets, the bench's readings and the service
//! warranties its work carries.

use caseback_domain::customer::CustomerId;
use caseback_domain::event::{Action, Subject};
use caseback_domain::readings::{Readings, ReadingsForm};
use caseback_domain::service_warranty::{ServiceWarranty, ServiceWarrantyCheck};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{Ticket, TicketId, TicketNumber};
use caseback_domain::watch::{self, NearMatch, Ownership, WatchDetails, WatchId};
use caseback_domain::DomainError;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::json;

use crate::error::Result;
use crate::sql::Db;
use crate::tables::return_cases::ReturnRow;
use crate::tables::ticket_photos::{self, Stage as PhotoStage};
use crate::tables::tickets::{self, TicketRow};
use crate::tables::watches::{self, Watch};
use crate::tables::{readings, return_cases, service_warranties, watch_owners};
use crate::{log, log_ticket, Shop};

/// A watch's page: the watch, who owned it, every ticket of it, and what the bench read.
#[derive(Clone, Debug, Serialize)]
pub struct WatchRecord {
    pub watch: Watch,
    pub owners: Vec<Ownership>,
    /// Oldest first.
    pub tickets: Vec<TicketRow>,
    /// The photos of its tickets, oldest ticket first, each ticket's by stage.
    pub photos: Vec<(TicketId, PhotoStage, Vec<String>)>,
    /// Its returns, oldest first.
    pub returns: Vec<ReturnRow>,
    /// Each ticket's readings (before, then after), with when they were taken.
    pub readings: Vec<(TicketId, Readings, Timestamp)>,
    /// The service warranties its work carries, by ticket.
    pub warranties: Vec<(TicketNumber, ServiceWarranty)>,
}

/// What typing or scanning a serial at intake finds: the watch itself, or watches that
/// nearly match it, offered for staff to choose and never taken on their own.
#[derive(Clone, Debug, Default, Serialize)]
pub struct WatchLookup {
    pub found: Option<Watch>,
    pub near: Vec<(Watch, NearMatch)>,
}

/// How many tickets one transaction links to their watches when a shop from before watch
/// records is first opened.
const LINK_BATCH: usize = 500;

impl Shop {
    /// Gives every ticket booked before watch records its watch: one record per brand and
    /// serial (a watch without a serial gets one of its own), owned in turn by the customers
    /// who brought it in. Runs when the shop is opened; does nothing once every ticket has one.
    pub fn link_tickets_to_watches(&mut self, now: Timestamp) -> Result<usize> {
        self.link_tickets_in_batches(now, LINK_BATCH)
    }

    /// `link_tickets_to_watches`, `batch` tickets a transaction (tests cross the batches'
    /// edges with small ones).
    pub fn link_tickets_in_batches(&mut self, now: Timestamp, batch: usize) -> Result<usize> {
        // Read first, outside a transaction: a shop already linked (every opening after the
        // first) takes no write lock for it.
        if tickets::without_watch(&self.db, 1)?.is_empty() {
            return Ok(0);
        }
        let mut linked = 0;
        loop {
            let tx = self.db.transaction()?;
            let tickets = tickets::without_watch(&tx, batch)?;
            if tickets.is_empty() {
                return Ok(linked);
            }
            link_batch(&tx, &tickets, now)?;
            tx.commit()?;
            linked += tickets.len();
        }
    }

    /// The watch of this brand and serial, and those that nearly match them.
    pub fn find_watch(&self, brand: &str, serial: &str) -> Result<WatchLookup> {
        let identity = watch::WatchIdentity::of(brand, serial);
        let found = watches::by_identity(&self.db, &identity)?;
        let near = watches::near(&self.db, &identity)?
            .into_iter()
            .filter_map(|(theirs, w)| identity.near(&theirs).map(|n| (w, n)))
            .collect();
        Ok(WatchLookup { found, near })
    }

    /// The one watch a scanned or typed serial names, whatever its brand; none when no watch
    /// or several (of different brands) have it.
    pub fn watch_by_serial(&self, serial: &str) -> Result<Option<WatchId>> {
        the_watch_of_serial(&self.db, &caseback_domain::device::serial_key(serial))
    }

    pub fn watch(&self, id: WatchId) -> Result<WatchRecord> {
        let watch = self.watch_details(id)?;
        let tickets = tickets::for_watch(&self.db, id)?;
        let mut readings_taken = Vec::new();
        let mut photos = Vec::new();
        for t in &tickets {
            for (r, at) in readings::for_ticket(&self.db, t.id)? {
                readings_taken.push((t.id, r, at));
            }
            for stage in PhotoStage::ALL {
                let taken = ticket_photos::for_ticket(&self.db, t.id, stage)?;
                if !taken.is_empty() {
                    photos.push((t.id, stage, taken));
                }
            }
        }
        Ok(WatchRecord {
            owners: watch_owners::for_watch(&self.db, id)?,
            warranties: warranties_of(&self.db, id, None)?,
            returns: return_cases::for_watch(&self.db, id)?,
            watch,
            tickets,
            readings: readings_taken,
            photos,
        })
    }

    /// The watch itself, without its tickets, owners or readings.
    pub fn watch_details(&self, id: WatchId) -> Result<Watch> {
        Ok(watches::get(&self.db, id)?.ok_or_else(|| DomainError::NotFound { what: "That watch".into() })?)
    }

    /// How many tickets the watch has had.
    pub fn watch_ticket_count(&self, id: WatchId) -> Result<usize> {
        tickets::count_for_watch(&self.db, id)
    }

    /// The watches `customer` owns (true) or owned before someone else.
    pub fn customer_watches(&self, customer: CustomerId) -> Result<Vec<(Watch, bool)>> {
        watches::of_customer(&self.db, customer)
    }

    /// The watch record a return is of.
    pub fn return_watch(&self, id: caseback_domain::returns::ReturnId) -> Result<Option<WatchId>> {
        Ok(return_cases::watch_link(&self.db, id)?.1)
    }

    /// The watch record a ticket is of.
    pub fn ticket_watch(&self, ticket: TicketId) -> Result<Option<WatchId>> {
        tickets::watch_of(&self.db, ticket)
    }

    /// Corrects the watch's details (its calibre, its case, the notes that follow it). Its
    /// identity may change only to one no other watch has.
    pub fn edit_watch(&mut self, by: StaffId, id: WatchId, details: &WatchDetails, now: Timestamp) -> Result<Watch> {
        self.actor(by)?;
        let details = details.validated()?;
        let tx = self.db.transaction()?;
        let before = self.watch_details(id)?;
        if let Some(other) = watches::by_identity(&tx, &details.identity())?.filter(|w| w.id != id) {
            return Err(DomainError::invalid(
                "watch.serial",
                format!(
                    "Another watch has this brand and serial ({} {}): open that one instead.",
                    other.details.brand, other.details.model
                ),
            )
            .into());
        }
        watches::update(&tx, id, &details)?;
        log_watch(&tx, now, Some(by), id, Action::WatchEdited, json!({ "before": before.details, "after": details }))?;
        tx.commit()?;
        Ok(Watch { id, details })
    }

    /// The watch passed to `customer` on `on` (sold on, inherited): the owner until then
    /// keeps the watch's past.
    pub fn pass_watch_to(
        &mut self,
        by: StaffId,
        id: WatchId,
        customer: CustomerId,
        on: Date,
        now: Timestamp,
    ) -> Result<()> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let owner = crate::tables::customers::get(&tx, customer)?
            .ok_or_else(|| DomainError::NotFound { what: "That customer".into() })?;
        let history = watch::pass_to(&watch_owners::for_watch(&tx, id)?, customer, on)?;
        watch_owners::put(&tx, id, &history)?;
        log_watch(&tx, now, Some(by), id, Action::WatchPassedOn, json!({ "owner": owner.details.name, "from": on }))?;
        tx.commit()?;
        Ok(())
    }

    /// Records the bench's readings of the ticket's watch, before or after the work (taken
    /// again, they replace that stage's). Returns them with the shop's tolerances' warnings
    /// counted in the history.
    pub fn record_readings(
        &mut self,
        by: StaffId,
        ticket: TicketId,
        form: &ReadingsForm,
        now: Timestamp,
    ) -> Result<Readings> {
        self.actor(by)?;
        let taken = form.validated()?;
        let settings = self.settings()?;
        let tx = self.db.transaction()?;
        let t = tickets::get(&tx, ticket)?.ok_or_else(|| DomainError::NotFound { what: "That ticket".into() })?;
        readings::put(&tx, ticket, &taken, by, now)?;
        let warnings = taken.warnings(&settings.tolerances).len();
        log_ticket(
            &tx,
            now,
            Some(by),
            &t,
            Action::ReadingsTaken,
            json!({ "stage": taken.stage.label().to_lowercase(), "warnings": warnings }),
        )?;
        tx.commit()?;
        Ok(taken)
    }

    /// The shop's warranty the ticket's completed work carries, if any.
    pub fn service_warranty(&self, ticket: TicketId) -> Result<Option<ServiceWarranty>> {
        service_warranties::get(&self.db, ticket)
    }

    pub fn readings(&self, ticket: TicketId) -> Result<Vec<(Readings, Timestamp)>> {
        readings::for_ticket(&self.db, ticket)
    }

    /// What the ticket's intake found among the watch's other tickets' service warranties.
    pub fn service_warranty_check_for(&self, watch: WatchId, ticket: &Ticket) -> Result<ServiceWarrantyCheck> {
        Ok(ServiceWarrantyCheck::on(ticket.received_on, &warranties_of(&self.db, watch, Some(ticket.id))?))
    }

    /// What an intake of the watch on `on` finds among its earlier work's service warranties.
    pub fn service_warranty_check(&self, watch: WatchId, on: Date) -> Result<ServiceWarrantyCheck> {
        Ok(ServiceWarrantyCheck::on(on, &warranties_of(&self.db, watch, None)?))
    }
}

/// Appends a watch's event (its subject id is the watch's id).
fn log_watch(
    tx: &Db,
    now: Timestamp,
    by: Option<StaffId>,
    id: WatchId,
    action: Action,
    detail: serde_json::Value,
) -> Result<()> {
    log(tx, now, by, Subject::Watch, &id.0.to_string(), action, detail)
}

/// The service warranties the watch's tickets carry, but `except`'s.
fn warranties_of(conn: &Db, watch: WatchId, except: Option<TicketId>) -> Result<Vec<(TicketNumber, ServiceWarranty)>> {
    let mut found = Vec::new();
    for t in tickets::for_watch(conn, watch)?.into_iter().filter(|t| Some(t.id) != except) {
        if let Some(w) = service_warranties::get(conn, t.id)? {
            found.push((t.number.parse()?, w));
        }
    }
    Ok(found)
}

/// The service warranty the ticket's work of `kind`, completed on `completed_on`, carries
/// (recorded inside the caller's transaction): the shop's period for that work, or, for a
/// watch back within an earlier ticket's warranty, that warranty's dates (a redo does not
/// start the clock again). None where the shop states no period.
pub(crate) fn grant_service_warranty(
    tx: &Db,
    ticket: &Ticket,
    kind: caseback_domain::service_warranty::WorkKind,
    settings: &caseback_domain::Settings,
    completed_on: Date,
) -> Result<Option<ServiceWarranty>> {
    let earlier = match tickets::watch_of(tx, ticket.id)? {
        Some(watch) => warranties_of(tx, watch, Some(ticket.id))?,
        None => Vec::new(),
    };
    let check = ServiceWarrantyCheck::on(ticket.received_on, &earlier);
    let granted = ServiceWarranty::granted(
        &settings.service_warranty,
        kind,
        completed_on,
        &settings.policy.calendar,
        check.redo_under(),
    );
    if let Some(w) = &granted {
        service_warranties::insert(tx, ticket.id, w)?;
    }
    Ok(granted)
}

/// Links `ticket` to its watch inside the caller's transaction: the watch of its brand and
/// serial if the shop knows it (passed to the ticket's customer if another owned it), or a
/// new record made from the ticket's device. `by` is who booked it (none for a ticket linked
/// when a shop from before watch records is opened).
/// `link_watch` for many tickets at once (oldest first), in a few statements whatever their
/// number: what a shop of a million tickets waits for once. Nobody is announced to: no
/// other computer has a screen open on records that did not exist.
fn link_batch(tx: &Db, batch: &[Ticket], now: Timestamp) -> Result<()> {
    let details: Vec<WatchDetails> = batch.iter().map(|t| WatchDetails::of_device(&t.details.device)).collect();
    let mut serials: Vec<String> = details.iter().map(|d| d.identity().serial).filter(|s| !s.is_empty()).collect();
    serials.sort();
    serials.dedup();
    // The watches already recorded (by an earlier batch), the oldest of each identity.
    let mut known: std::collections::HashMap<watch::WatchIdentity, WatchId> = std::collections::HashMap::new();
    for w in watches::by_serials(tx, &serials)? {
        known.entry(w.details.identity()).or_insert(w.id);
    }
    let mut histories: std::collections::BTreeMap<WatchId, Vec<Ownership>> = std::collections::BTreeMap::new();
    let found: Vec<WatchId> = known.values().copied().collect();
    for (w, o) in watch_owners::for_watches(tx, &found)? {
        histories.entry(w).or_default().push(o);
    }
    let mut fresh = watches::reserve_ids(tx, batch.len())?.into_iter();
    let (mut new_watches, mut changed, mut links, mut events) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (ticket, details) in batch.iter().zip(details) {
        let identity = details.identity();
        let id = match known.get(&identity).filter(|_| identity.is_known()) {
            Some(&id) => {
                let history = histories.entry(id).or_default();
                if let Some(next) = watch::brought_in_by(history, ticket.customer, ticket.received_on) {
                    *history = next;
                    changed.push(id);
                }
                id
            }
            None => {
                let id = fresh.next().expect("an id reserved for each ticket");
                histories
                    .insert(id, vec![Ownership { customer: ticket.customer, from: ticket.received_on, until: None }]);
                changed.push(id);
                events.push(caseback_domain::event::Event {
                    at: now,
                    staff: None,
                    subject: Subject::Watch,
                    subject_id: id.0.to_string(),
                    action: Action::WatchRecorded,
                    detail: json!({ "ticket": ticket.number }),
                });
                if identity.is_known() {
                    known.insert(identity, id);
                }
                new_watches.push((id, details));
                id
            }
        };
        links.push((ticket.id, id));
    }
    changed.sort();
    changed.dedup();
    let owners: Vec<(WatchId, Vec<Ownership>)> =
        changed.into_iter().map(|w| (w, histories.remove(&w).unwrap_or_default())).collect();
    watches::insert_many(tx, &new_watches, now)?;
    watch_owners::put_many(tx, &owners)?;
    crate::tables::events::insert_many(tx, &events)?;
    tickets::set_watches(tx, &links)
}

/// The one watch a folded serial names, whatever its brand: none for no serial, no watch, or
/// several watches (of different brands) with it.
pub(crate) fn the_watch_of_serial(conn: &Db, serial_key: &str) -> Result<Option<WatchId>> {
    Ok(match watches::by_serial(conn, serial_key, 2)?.as_slice() {
        [one] => Some(one.id),
        _ => None,
    })
}

pub(crate) fn link_watch(tx: &Db, ticket: &Ticket, by: Option<StaffId>, now: Timestamp) -> Result<WatchId> {
    let details = WatchDetails::of_device(&ticket.details.device);
    let id = match watches::by_identity(tx, &details.identity())? {
        Some(known) => {
            let history = watch_owners::for_watch(tx, known.id)?;
            if let Some(next) = watch::brought_in_by(&history, ticket.customer, ticket.received_on) {
                watch_owners::put(tx, known.id, &next)?;
            }
            known.id
        }
        None => {
            let id = watches::insert(tx, &details, now)?;
            watch_owners::put(
                tx,
                id,
                &[Ownership { customer: ticket.customer, from: ticket.received_on, until: None }],
            )?;
            log_watch(tx, now, by, id, Action::WatchRecorded, json!({ "ticket": ticket.number }))?;
            // Returns of this serial recorded before the watch was first booked in are its own.
            if the_watch_of_serial(tx, &details.identity().serial)? == Some(id) {
                return_cases::give_watch(tx, &details.identity().serial, id)?;
            }
            id
        }
    };
    tickets::set_watch(tx, ticket.id, id)?;
    Ok(id)
}
