//! The bench: a ticket given to a watchmaker (and given again, or taken back), each
//! watchmaker's watches, what nobody has yet, and the time spent on each ticket.

use caseback_domain::bench::{self, format_minutes};
use caseback_domain::event::Action;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::DomainError;
use jiff::Timestamp;
use serde_json::json;

use crate::error::Result;
use crate::tables::tickets::{self, TicketRow};
use crate::tables::work_times::{self, WorkTime};
use crate::tables::{staff, ticket_assignments};
use crate::{log_ticket, Shop};

/// Who has which watches waiting for the bench, and how many nobody has.
#[derive(Clone, Debug, Default)]
pub struct BenchCounts {
    pub waiting: usize,
    pub by_staff: Vec<(StaffId, usize)>,
}

impl BenchCounts {
    pub fn unassigned(&self) -> usize {
        self.waiting - self.by_staff.iter().map(|(_, n)| n).sum::<usize>().min(self.waiting)
    }
}

impl Shop {
    /// Gives the ticket to `to` (a watchmaker or a manager still working here), or to nobody;
    /// the change is in the ticket's history. Giving it to whoever has it writes nothing.
    pub fn assign_ticket(&mut self, by: StaffId, id: TicketId, to: Option<StaffId>, now: Timestamp) -> Result<()> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let ticket = tickets::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That ticket".into() })?;
        let before = ticket_assignments::get(&tx, id)?;
        if before == to {
            return Ok(());
        }
        bench::check_assignable(ticket.state)?;
        let name = |who: Option<StaffId>| -> Result<String> {
            Ok(match who {
                Some(s) => staff::get(&tx, s)?.map(|m| m.name).unwrap_or_default(),
                None => String::new(),
            })
        };
        if let Some(to) = to {
            let member = staff::get(&tx, to)?
                .ok_or_else(|| DomainError::invalid("assignee", "That staff member is unknown: reload the page."))?;
            member.ensure_takes_bench_work()?;
        }
        ticket_assignments::put(&tx, id, to, now)?;
        let detail = json!({ "from": name(before)?, "to": name(to)? });
        log_ticket(&tx, now, Some(by), &ticket, Action::TicketAssigned, detail)?;
        tx.commit()?;
        Ok(())
    }

    /// Who the ticket is with.
    pub fn ticket_assignee(&self, id: TicketId) -> Result<Option<StaffId>> {
        ticket_assignments::get(&self.db, id)
    }

    /// The watches waiting for the bench that `staff` has, the most urgent first.
    pub fn bench_of(&self, staff: StaffId) -> Result<Vec<TicketRow>> {
        let mut rows = ticket_assignments::bench_of(&self.db, staff)?;
        rows.sort_by_key(|r| bench::urgency(r.next_deadline, r.received_on));
        Ok(rows)
    }

    /// The most urgent `limit` watches waiting for the bench that nobody has.
    pub fn unassigned_bench_work(&self, limit: usize) -> Result<Vec<TicketRow>> {
        let mut rows = ticket_assignments::unassigned(&self.db, limit)?;
        rows.sort_by_key(|r| bench::urgency(r.next_deadline, r.received_on));
        Ok(rows)
    }

    pub fn bench_counts(&self) -> Result<BenchCounts> {
        Ok(BenchCounts {
            waiting: ticket_assignments::bench_total(&self.db)?,
            by_staff: ticket_assignments::bench_counts(&self.db)?,
        })
    }

    /// Adds `typed` minutes (as the watchmaker writes them) of work on the ticket.
    pub fn log_work_time(
        &mut self,
        by: StaffId,
        id: TicketId,
        typed: &str,
        note: &str,
        now: Timestamp,
    ) -> Result<WorkTime> {
        self.actor(by)?;
        let minutes = bench::parse_minutes(typed).map_err(|m| DomainError::invalid("minutes", m))?;
        let note = caseback_domain::text::single_line("note", note, 200)?;
        let tx = self.db.transaction()?;
        let ticket = tickets::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That ticket".into() })?;
        let entry = work_times::insert(&tx, id, by, now, Some(minutes), &note)?;
        let detail = json!({ "minutes": minutes, "time": format_minutes(u64::from(minutes)), "note": note });
        log_ticket(&tx, now, Some(by), &ticket, Action::WorkTimeLogged, detail)?;
        tx.commit()?;
        Ok(self.work_times(id)?.into_iter().find(|w| w.id == entry).expect("just written"))
    }

    /// Starts `by`'s clock on the ticket; one already running is left as it is.
    pub fn start_work_clock(&mut self, by: StaffId, id: TicketId, now: Timestamp) -> Result<()> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        tickets::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That ticket".into() })?;
        if work_times::running(&tx, id, by)?.is_none() {
            work_times::insert(&tx, id, by, now, None, "")?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Stops `by`'s clock on the ticket: its minutes are logged like typed ones.
    pub fn stop_work_clock(&mut self, by: StaffId, id: TicketId, now: Timestamp) -> Result<u32> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let ticket = tickets::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That ticket".into() })?;
        let running = work_times::running(&tx, id, by)?
            .ok_or_else(|| DomainError::invalid("clock", "No clock of yours is running on this ticket."))?;
        let minutes = bench::clocked_minutes(running.started_at, now)?;
        work_times::stop(&tx, running.id, minutes)?;
        let detail = json!({ "minutes": minutes, "time": format_minutes(u64::from(minutes)), "note": "" });
        log_ticket(&tx, now, Some(by), &ticket, Action::WorkTimeLogged, detail)?;
        tx.commit()?;
        Ok(minutes)
    }

    /// The time spent on the ticket, entry by entry (a running clock has no minutes yet).
    pub fn work_times(&self, id: TicketId) -> Result<Vec<WorkTime>> {
        work_times::for_ticket(&self.db, id)
    }

    /// The minutes each staff member has logged, over every ticket.
    pub fn work_time_by_staff(&self) -> Result<Vec<(StaffId, u64)>> {
        work_times::totals_by_staff(&self.db)
    }
}
