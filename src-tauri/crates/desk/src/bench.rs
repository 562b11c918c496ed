//! The bench as the window shows it: a ticket's watchmaker and time spent, each watchmaker's
//! watches in the order their deadlines make urgent, and Today's count of what nobody has.

use caseback_domain::approval::{Approval, Guarded};
use caseback_domain::bench::format_minutes;
use caseback_domain::staff::{StaffId, StaffMember};
use caseback_domain::ticket::TicketId;
use caseback_store::Shop;
use jiff::civil::Date;
use serde::Serialize;

use crate::choice::Choice;
use crate::error::Result;
use crate::tickets::{ListDay, RowView};
use crate::Desk;

/// How many watches Today lists that nobody has.
const TODAY_UNASSIGNED: usize = 5;

/// A staff member who takes bench work, with how many waiting watches they have.
#[derive(Clone, Debug, Serialize)]
pub struct BenchPerson {
    pub id: StaffId,
    pub name: String,
    pub role_label: &'static str,
    pub count: usize,
    /// Every minute they have logged, in words.
    pub time_text: String,
}

#[derive(Serialize)]
pub struct TicketBenchView {
    pub assignee: Option<StaffId>,
    /// Who it may be given to: nobody, then the bench's staff.
    pub choices: Vec<Choice>,
    /// Why it can no longer be given to anyone (it has left the shop), if so.
    pub closed_text: Option<String>,
    pub work: Vec<WorkRow>,
    /// "2 h 15 min".
    pub total_text: String,
    /// Whose clocks are running on it.
    pub running: Vec<StaffId>,
    /// The catalogue's parts it holds or waits for.
    pub parts: Vec<crate::stock::TicketPartView>,
}

#[derive(Serialize)]
pub struct WorkRow {
    pub staff_name: String,
    pub on: Date,
    /// "45 min", or "Running" for a clock not yet stopped.
    pub time_text: String,
    pub note: String,
}

#[derive(Serialize)]
pub struct BenchView {
    pub people: Vec<BenchPerson>,
    /// Whose bench is shown: the one asked for, else the first.
    pub chosen: Option<StaffId>,
    pub rows: Vec<RowView>,
    /// Waiting for the bench with nobody, the most urgent first.
    pub unassigned: Vec<RowView>,
    pub unassigned_count: usize,
}

#[derive(Serialize)]
pub struct TodayBench {
    pub unassigned: Vec<RowView>,
    pub unassigned_count: usize,
    pub people: Vec<BenchPerson>,
}

/// The bench's staff (active, taking bench work), each with their count of waiting watches.
fn people(shop: &Shop) -> Result<(Vec<BenchPerson>, usize)> {
    let counts = shop.bench_counts()?;
    let minutes = shop.work_time_by_staff()?;
    let people = shop
        .staff()?
        .into_iter()
        .filter(StaffMember::takes_bench_work)
        .map(|m: StaffMember| BenchPerson {
            count: counts.by_staff.iter().find(|(s, _)| *s == m.id).map_or(0, |(_, n)| *n),
            time_text: format_minutes(minutes.iter().find(|(s, _)| *s == m.id).map_or(0, |(_, n)| *n)),
            role_label: m.role.label(),
            id: m.id,
            name: m.name,
        })
        .collect();
    Ok((people, counts.unassigned()))
}

fn ticket_bench(shop: &Shop, id: TicketId) -> Result<TicketBenchView> {
    let ticket = shop.ticket(id)?;
    let settings = shop.settings()?;
    let staff = shop.staff()?;
    let name = |s: StaffId| staff.iter().find(|m| m.id == s).map(|m| m.name.clone()).unwrap_or_default();
    let assignee = shop.ticket_assignee(id)?;
    let mut choices = vec![Choice { key: serde_json::Value::Null, label: "Nobody yet".into() }];
    for m in staff.iter().filter(|m| m.takes_bench_work() || Some(m.id) == assignee) {
        choices.push(Choice { key: serde_json::json!(m.id), label: format!("{} · {}", m.name, m.role.label()) });
    }
    let entries = shop.work_times(id)?;
    let total: u64 = entries.iter().filter_map(|w| w.minutes).map(u64::from).sum();
    Ok(TicketBenchView {
        assignee,
        choices,
        closed_text: caseback_domain::bench::check_assignable(ticket.state).err().map(|e| e.to_string()),
        running: entries.iter().filter(|w| w.minutes.is_none()).map(|w| w.staff_id).collect(),
        work: entries
            .iter()
            .map(|w| WorkRow {
                staff_name: name(w.staff_id),
                on: settings.today(w.started_at),
                time_text: w.minutes.map_or_else(|| "Running".into(), |m| format_minutes(u64::from(m))),
                note: w.note.clone(),
            })
            .collect(),
        total_text: format_minutes(total),
        parts: crate::stock::ticket_parts(shop, id)?,
    })
}

/// The rows with what each waits for, where it waits for a part.
fn with_parts(shop: &Shop, mut rows: Vec<RowView>) -> Result<Vec<RowView>> {
    for row in &mut rows {
        row.waits_for = crate::stock::waits_for(shop, row.row.id)?;
    }
    Ok(rows)
}

impl Desk {
    /// Refused unless `approval` is a manager's, once a manager has set a PIN.
    pub fn approve(&mut self, guarded: Guarded, approval: Option<&Approval>) -> Result<()> {
        let (shop, _) = self.at()?;
        Ok(shop.check_approval(guarded, approval)?)
    }

    /// Sets or clears a manager's PIN (itself a change of settings).
    pub fn set_pin(
        &mut self,
        by: StaffId,
        manager: StaffId,
        pin: Option<&str>,
        approval: Option<&Approval>,
    ) -> Result<()> {
        let (shop, now) = self.at()?;
        Ok(shop.set_pin(by, manager, pin, approval, now)?)
    }

    pub fn ticket_bench(&mut self, id: TicketId) -> Result<TicketBenchView> {
        let (shop, _) = self.at()?;
        ticket_bench(shop, id)
    }

    pub fn assign_ticket(&mut self, by: StaffId, id: TicketId, to: Option<StaffId>) -> Result<TicketBenchView> {
        let (shop, now) = self.at()?;
        shop.assign_ticket(by, id, to, now)?;
        ticket_bench(shop, id)
    }

    pub fn log_work_time(&mut self, by: StaffId, id: TicketId, typed: &str, note: &str) -> Result<TicketBenchView> {
        let (shop, now) = self.at()?;
        shop.log_work_time(by, id, typed, note, now)?;
        ticket_bench(shop, id)
    }

    /// Starts (`true`) or stops `by`'s clock on the ticket.
    pub fn work_clock(&mut self, by: StaffId, id: TicketId, start: bool) -> Result<TicketBenchView> {
        let (shop, now) = self.at()?;
        if start {
            shop.start_work_clock(by, id, now)?;
        } else {
            shop.stop_work_clock(by, id, now)?;
        }
        ticket_bench(shop, id)
    }

    /// A watchmaker's bench (`staff`, else the first of the bench's staff).
    pub fn bench(&mut self, staff: Option<StaffId>) -> Result<BenchView> {
        let (shop, now) = self.at()?;
        let day = ListDay::of(shop, now)?;
        let (people, unassigned_count) = people(shop)?;
        let chosen = staff.filter(|s| people.iter().any(|p| p.id == *s)).or(people.first().map(|p| p.id));
        let rows = match chosen {
            Some(s) => with_parts(shop, day.rows(shop.bench_of(s)?))?,
            None => Vec::new(),
        };
        let unassigned = with_parts(shop, day.rows(shop.unassigned_bench_work(50)?))?;
        Ok(BenchView { people, chosen, rows, unassigned, unassigned_count })
    }

    /// Today's bench: what nobody has (the most urgent few) and each watchmaker's count.
    pub fn today_bench(&mut self) -> Result<TodayBench> {
        let (shop, now) = self.at()?;
        let day = ListDay::of(shop, now)?;
        let (people, unassigned_count) = people(shop)?;
        Ok(TodayBench { unassigned: day.rows(shop.unassigned_bench_work(TODAY_UNASSIGNED)?), unassigned_count, people })
    }
}
