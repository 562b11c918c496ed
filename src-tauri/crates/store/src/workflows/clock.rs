//! The calendar's own moves, applied in one place: a quotation left unanswered expires and
//! its hold ends (the return-unrepaired notice is then due), an RMA code past its last day
//! expires, and a package held without a valid code is to send back once its hold ends. The
//! domain decides each move; this finds the records due one and writes it, logged as the
//! clock's (no staff member). Each record moves in its own transaction and is read again
//! inside it, so two computers catching up at once never move one twice.

use crate::sql::Db;
use caseback_domain::assessment::clock_moves;
use caseback_domain::event::Action;
use caseback_domain::returns::{ReturnCase, ReturnState};
use caseback_domain::ticket::TicketState;
use caseback_domain::Settings;
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::json;

use super::{returning, walk};
use crate::error::Result;
use crate::tables::{quotations, return_cases, tickets};
use crate::{db, Shop};

impl Shop {
    /// Applies every move the calendar has made by `now`; returns how many there were. A
    /// shop opened only to look writes them through a connection of its own for the
    /// moment (they are the calendar's, whoever looks), which fails on a read-only disk.
    pub fn apply_clock(&mut self, now: Timestamp) -> Result<usize> {
        let settings = self.settings()?;
        if self.read_only {
            let conn = Db::sqlite(db::open_existing(&self.folder.database())?);
            return apply(&conn, &settings, now);
        }
        apply(&self.db, &settings, now)
    }
}

fn apply(conn: &Db, settings: &Settings, now: Timestamp) -> Result<usize> {
    let today = settings.today(now);
    let mut moved = 0;
    for id in tickets::past_their_deadline(conn, &TicketState::CLOCK_DRIVEN, today)? {
        let tx = conn.transaction()?;
        let Some(mut ticket) = tickets::get(&tx, id)? else { continue };
        let Some(latest) = quotations::for_ticket(&tx, id)?.pop() else { continue };
        if latest.answer.is_some() || !TicketState::CLOCK_DRIVEN.contains(&ticket.state) {
            continue;
        }
        let moves = clock_moves(ticket.state, latest.quotation.standing(&settings.policy, today));
        if moves.is_empty() {
            continue;
        }
        walk(&tx, &mut ticket, &moves, None, now)?;
        tickets::update_deadline(&tx, id, latest.quotation.deadline(ticket.state, &settings.policy))?;
        tx.commit()?;
        moved += moves.len();
    }
    for id in return_cases::past_their_deadline(conn, &ReturnState::CLOCK_DRIVEN, today)? {
        let tx = conn.transaction()?;
        let Some(mut case) = return_cases::get(&tx, id)? else { continue };
        moved += move_return(&tx, &mut case, today, now)?;
        tx.commit()?;
    }
    Ok(moved)
}

/// Makes the calendar's moves on one return inside `tx`, logging each; returns how many.
pub(super) fn move_return(tx: &Db, case: &mut ReturnCase, today: Date, now: Timestamp) -> Result<usize> {
    let moves = case.clock_moves(today);
    for next in &moves {
        let from = case.state;
        case.state = from.move_to(*next)?;
        let detail = json!({ "from": from, "to": next, "by": "clock" });
        returning::save_logged(tx, case, None, now, Action::ReturnState, detail)?;
    }
    Ok(moves.len())
}
