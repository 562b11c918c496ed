//! The Reports screen's figures for a period: the facts gathered from the tables, counted
//! by the domain (`Report::of`). Each query is bounded by the period's dates (or, for the
//! overdue work, by the open tickets' deadlines), never by the whole history.
//!
//! Instants (answers, completions, returns opened, moves in the log) are kept in UTC, while
//! the period is the shop's calendar: they are read with a day to spare on each side, which
//! covers every time zone, and each is then placed on the shop's own day.

use caseback_domain::after_sale::EntryKind;
use caseback_domain::report::figures::{self, charged_tax, tax_parts, WorkKind};
use caseback_domain::report::{
    CompletedJob, Handback, OpenDeadline, QuotationEnd, QuotationOutcome, Report, ReportFacts, ReportPeriod,
    ReturnOpened, ReturnRef, Taking, TicketRef,
};
use caseback_domain::ticket::TicketState;
use caseback_domain::{Amount, Settings};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

use crate::error::StoreError;

use crate::error::Result;
use crate::sql::Db;
use crate::tables::{completions, payments, quotations, releases, return_cases, ticket_assignments, tickets};
use crate::Shop;

impl Shop {
    /// The figures of `period`, as of `today` (the shop's date). Overdue work is today's,
    /// whatever the period: the tickets' deadlines are kept as they are now, not as they
    /// were on a past day, so a past day's overdue list cannot be told. Every branch's
    /// records count.
    pub fn report(&self, period: ReportPeriod, today: Date) -> Result<Report> {
        let settings = self.settings()?;
        let facts = gather(&self.db, &settings, period, period.as_of(today), today)?;
        Ok(Report::of(period, today, settings.currency, &facts))
    }
}

/// The instants that may fall on the period's days in some time zone, as text bounds
/// (`>= after`, `< before`): a day either side.
fn instant_bounds(period: ReportPeriod) -> (String, String) {
    let after = period.from.checked_sub(1.day()).unwrap_or(period.from);
    let before = period.to.checked_add(2.days()).unwrap_or(period.to);
    (after.to_string(), before.to_string())
}

fn gather(db: &Db, settings: &Settings, period: ReportPeriod, as_of: Date, today: Date) -> Result<ReportFacts> {
    let (after, before) = instant_bounds(period);
    let day = |at: &str| -> Result<Date> {
        let at: Timestamp = at.parse().map_err(|e| StoreError::Corrupt(format!("instant {at}: {e}")))?;
        Ok(settings.today(at))
    };
    let in_period = |at: &str| -> Result<Option<Date>> { Ok(Some(day(at)?).filter(|d| period.contains(*d))) };

    let mut handbacks: Vec<Handback> = releases::left_between(db, period.from, period.to)?
        .into_iter()
        .map(|left| Handback {
            kind: WorkKind::of(true, left.covered),
            storage_fee: left
                .notice
                .filter(|n| n.charges_storage())
                .map_or(Amount::ZERO, |n| n.storage_fee(left.left_on)),
            ticket: left.ticket,
            received_on: left.received_on,
            left_on: left.left_on,
        })
        .collect();
    let to_unrepaired = TicketState::ReturnedUnrepaired.key();
    for (id, number, received_on, at, detail) in tickets::returned_unrepaired_between(db, &after, &before)? {
        let detail: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
        if detail["to"].as_str() != Some(to_unrepaired) {
            continue;
        }
        if let Some(left_on) = in_period(&at)? {
            let ticket = TicketRef { id, number };
            handbacks.push(Handback {
                ticket,
                received_on,
                left_on,
                kind: WorkKind::Unrepaired,
                storage_fee: Amount::ZERO,
            });
        }
    }

    let mut quotations_ended = Vec::new();
    for (id, number, accepted, at, total) in quotations::answered_between(db, &after, &before)? {
        if let Some(on) = in_period(&at)? {
            let outcome = if accepted { QuotationOutcome::Accepted } else { QuotationOutcome::Declined };
            quotations_ended.push(QuotationEnd {
                ticket: TicketRef { id, number },
                on,
                outcome,
                amount: Amount(total),
            });
        }
    }
    // Expired the day after its last valid day, and only once that day has come.
    let last_valid = |d: Date| d.checked_sub(1.day()).unwrap_or(d);
    let day = |text: &str| text.parse::<Date>().map_err(|e| StoreError::Corrupt(format!("quotation day {text}: {e}")));
    for (id, number, valid_through, total, next_issued) in
        quotations::unanswered_through(db, last_valid(period.from), last_valid(as_of))?
    {
        let next_issued = next_issued.as_deref().map(day).transpose()?;
        let Some(on) = figures::expired_on(day(&valid_through)?, next_issued) else { continue };
        if on <= today {
            let ticket = TicketRef { id, number };
            quotations_ended.push(QuotationEnd {
                ticket,
                on,
                outcome: QuotationOutcome::Expired,
                amount: Amount(total),
            });
        }
    }

    let mut returns = Vec::new();
    for (at, case) in return_cases::opened_between(db, &after, &before)? {
        if in_period(&at)?.is_some() {
            returns.push(ReturnOpened {
                case: ReturnRef { id: case.id, title: case.title() },
                reason: case.request.as_ref().map(|r| r.reason),
                refunded: case.refund.as_ref().map(|r| r.amount),
                currency: case.currency(settings.currency),
            });
        }
    }

    let deadlines = tickets::overdue_on(db, today)?
        .into_iter()
        .map(|(id, number, deadline)| OpenDeadline { ticket: TicketRef { id, number }, deadline })
        .collect();

    let bench_in_use = ticket_assignments::any(db)?;
    let mut jobs = Vec::new();
    if bench_in_use {
        for (id, number, at, recorded, given) in completions::completed_between(db, &after, &before)? {
            if in_period(&at)?.is_some() {
                let (watchmaker, name) = figures::credited(given, recorded);
                jobs.push(CompletedJob { ticket: TicketRef { id, number }, watchmaker, name });
            }
        }
    }

    Ok(ReportFacts {
        handbacks,
        takings: takings(db, settings, period, today)?,
        quotations: quotations_ended,
        returns,
        deadlines,
        jobs,
        bench_in_use,
    })
}

/// The entries that count, paid in the period, each with its tax part. The part depends on
/// what the ticket's account charges and on every entry before it, so each ticket's
/// account is read whole, as it stood on the period's last day (or today, if earlier): a
/// closed month's tax does not move as storage goes on accruing after it.
fn takings(db: &Db, settings: &Settings, period: ReportPeriod, today: Date) -> Result<Vec<Taking>> {
    let mut out = Vec::new();
    let as_of = period.as_of(today);
    for (id, number) in payments::tickets_paid_between(db, period.from, period.to)? {
        let sale = super::after_sale::after_sale(db, &settings.policy, id, as_of)?;
        let tax = charged_tax(sale.accepted.as_ref().map(|(q, cosmetic)| (q, *cosmetic)));
        let signed: Vec<i64> = sale.payments.iter().map(|p| -p.signed()).collect();
        let parts = tax_parts(&signed, sale.account.total_charges, tax);
        for (p, part) in sale.payments.iter().zip(parts) {
            if !period.contains(p.paid_on) {
                continue;
            }
            let refund = p.entry.kind == EntryKind::Refund;
            out.push(Taking {
                ticket: TicketRef { id, number: number.clone() },
                paid_on: p.paid_on,
                kind: p.entry.kind,
                method: p.entry.method,
                amount: p.entry.amount,
                tax: Amount(if refund { -part.0 } else { part.0 }),
            });
        }
    }
    Ok(out)
}
