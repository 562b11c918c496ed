//! The shop's own warranty on work it did: a period per kind of work (set by the shop; the
//! seed policies state none), granted when a repair is completed, and checked when the same
//! watch comes back. A watch back within it has the covered work redone at no charge, and
//! the redo does not start the period again: it keeps the dates of the work it puts right.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{DateStyle, Period, WorkCalendar};
use crate::ticket::TicketNumber;
use crate::DomainError;

/// The kinds of work a shop warrants for different lengths of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// The movement taken apart, cleaned, oiled and regulated.
    FullService,
    /// A repair of one fault (a part replaced, a fault put right).
    Repair,
    Battery,
    StrapOrBracelet,
    Crystal,
    /// Gaskets replaced and the case tested for water resistance.
    WaterResistance,
}

impl WorkKind {
    pub const ALL: [WorkKind; 6] = [
        WorkKind::FullService,
        WorkKind::Repair,
        WorkKind::Battery,
        WorkKind::StrapOrBracelet,
        WorkKind::Crystal,
        WorkKind::WaterResistance,
    ];

    pub fn label(self) -> &'static str {
        match self {
            WorkKind::FullService => "Full service",
            WorkKind::Repair => "Repair",
            WorkKind::Battery => "Battery",
            WorkKind::StrapOrBracelet => "Strap or bracelet",
            WorkKind::Crystal => "Crystal",
            WorkKind::WaterResistance => "Water resistance",
        }
    }

    /// What the warranty of this kind of work covers, as the forms print it.
    pub fn covers(self) -> &'static str {
        match self {
            WorkKind::FullService => "the movement's service: its running and the parts replaced",
            WorkKind::Repair => "the fault repaired and the parts replaced",
            WorkKind::Battery => "the battery fitted",
            WorkKind::StrapOrBracelet => "the strap or bracelet fitted",
            WorkKind::Crystal => "the crystal fitted and its seal",
            WorkKind::WaterResistance => "the seals replaced and the water resistance tested",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            WorkKind::FullService => "full_service",
            WorkKind::Repair => "repair",
            WorkKind::Battery => "battery",
            WorkKind::StrapOrBracelet => "strap_or_bracelet",
            WorkKind::Crystal => "crystal",
            WorkKind::WaterResistance => "water_resistance",
        }
    }

    pub fn from_key(key: &str) -> Option<WorkKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The shop's warranty period for each kind of work; none where the shop states none (as
/// the seed policies do not), which grants no service warranty for that work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceWarrantyTerms {
    #[serde(default)]
    periods: Vec<(WorkKind, Period)>,
}

impl ServiceWarrantyTerms {
    /// The period of `kind`, if the shop states one.
    pub fn period(&self, kind: WorkKind) -> Option<Period> {
        self.periods.iter().find(|(k, p)| *k == kind && !p.is_none()).map(|(_, p)| *p)
    }

    /// States (or, with `None` or a zero period, withdraws) the period of `kind`.
    pub fn set(&mut self, kind: WorkKind, period: Option<Period>) -> Result<(), DomainError> {
        self.periods.retain(|(k, _)| *k != kind);
        if let Some(p) = period.filter(|p| !p.is_none()) {
            let p = p.checked().map_err(|m| DomainError::invalid(format!("service_warranty.{}", kind.key()), m))?;
            self.periods.push((kind, p));
            self.periods.sort_by_key(|(k, _)| *k);
        }
        Ok(())
    }

    /// What the settings page says of `kind`: its period, or that the shop states none.
    pub fn describe(&self, kind: WorkKind) -> String {
        match self.period(kind) {
            Some(p) => p.to_string(),
            None => "not stated".into(),
        }
    }
}

/// The warranty a completed repair carries: what it covers and its first and last days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceWarranty {
    pub kind: WorkKind,
    pub starts_on: Date,
    /// The last day it covers (included).
    pub ends_on: Date,
    /// The earlier ticket whose work this one redid under its warranty: the dates are that
    /// ticket's, not restarted.
    pub redo_of: Option<TicketNumber>,
}

impl ServiceWarranty {
    /// The warranty of work of `kind` completed on `completed_on`: none if the shop states no
    /// period for it. Work of the same kind redone under `earlier` (the warranty the watch
    /// came back within) keeps that warranty's dates and says which ticket it redid; other
    /// work done meanwhile (a strap during a service's warranty) carries its own.
    pub fn granted(
        terms: &ServiceWarrantyTerms,
        kind: WorkKind,
        completed_on: Date,
        calendar: &WorkCalendar,
        earlier: Option<(TicketNumber, &ServiceWarranty)>,
    ) -> Option<ServiceWarranty> {
        if let Some((number, warranty)) = earlier.filter(|(_, w)| w.kind == kind) {
            return Some(ServiceWarranty { redo_of: Some(warranty.redo_of.unwrap_or(number)), ..warranty.clone() });
        }
        let period = terms.period(kind)?;
        Some(ServiceWarranty {
            kind,
            starts_on: completed_on,
            ends_on: period.last_day(completed_on, calendar),
            redo_of: None,
        })
    }

    pub fn covers_day(&self, day: Date) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }

    /// "Full service, until 14 March 2027", as the receipt and the Collection Notice print it.
    pub fn describe(&self, style: DateStyle) -> String {
        format!("{}, until {}", self.kind.label(), style.format(self.ends_on))
    }
}

/// What a new intake of a watch finds among its earlier tickets' service warranties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ServiceWarrantyCheck {
    /// Back within the warranty of `ticket`: its covered work is redone at no charge.
    /// `also` are other warranties still running (a battery fitted after a service).
    Within {
        ticket: TicketNumber,
        warranty: ServiceWarranty,
        #[serde(default)]
        also: Vec<(TicketNumber, ServiceWarranty)>,
    },
    /// The last warranty it had ended before this intake.
    Ended { ticket: TicketNumber, warranty: ServiceWarranty },
    /// No earlier work of the shop's carried a warranty.
    None,
}

impl ServiceWarrantyCheck {
    /// Checks `earlier` (each earlier ticket of the watch with its warranty) on the day of
    /// the new intake. Of the warranties still running, the one that runs longest is named
    /// first and the others beside it; otherwise the one that ended last is named.
    pub fn on(intake_on: Date, earlier: &[(TicketNumber, ServiceWarranty)]) -> ServiceWarrantyCheck {
        let mut running: Vec<(TicketNumber, ServiceWarranty)> =
            earlier.iter().filter(|(_, w)| w.covers_day(intake_on)).cloned().collect();
        running.sort_by_key(|(n, w)| std::cmp::Reverse((w.ends_on, *n)));
        if !running.is_empty() {
            let (ticket, warranty) = running.remove(0);
            return ServiceWarrantyCheck::Within { ticket, warranty, also: running };
        }
        let ended = earlier.iter().filter(|(_, w)| w.ends_on < intake_on).max_by_key(|(n, w)| (w.ends_on, *n));
        match ended {
            Some((ticket, warranty)) => ServiceWarrantyCheck::Ended { ticket: *ticket, warranty: warranty.clone() },
            None => ServiceWarrantyCheck::None,
        }
    }

    /// The warranty this intake is redone under, if it is back within one.
    pub fn redo_under(&self) -> Option<(TicketNumber, &ServiceWarranty)> {
        match self {
            ServiceWarrantyCheck::Within { ticket, warranty, .. } => Some((*ticket, warranty)),
            _ => None,
        }
    }

    /// The sentence the intake and the ticket show, with its dates.
    pub fn describe(&self, style: DateStyle) -> String {
        match self {
            ServiceWarrantyCheck::Within { ticket, warranty, also } => {
                let mut text = format!(
                    "Back within the service warranty of {ticket} ({}, {} to {}): the covered work is redone at no charge.",
                    warranty.kind.label().to_lowercase(),
                    style.format(warranty.starts_on),
                    style.format(warranty.ends_on)
                );
                for (number, w) in also {
                    text.push_str(&format!(" Also under warranty: {number} ({}).", w.describe(style).to_lowercase()));
                }
                text
            }
            ServiceWarrantyCheck::Ended { ticket, warranty } => format!(
                "The service warranty of {ticket} ({}) ended on {}.",
                warranty.kind.label().to_lowercase(),
                style.format(warranty.ends_on)
            ),
            ServiceWarrantyCheck::None => "No earlier work of the shop's is under warranty.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn number(seq: u32) -> TicketNumber {
        TicketNumber { branch: None, year: 2026, seq }
    }

    fn terms() -> ServiceWarrantyTerms {
        let mut t = ServiceWarrantyTerms::default();
        t.set(WorkKind::FullService, Some(Period::months(12))).unwrap();
        t.set(WorkKind::Battery, Some(Period::months(6))).unwrap();
        t.set(WorkKind::StrapOrBracelet, Some(Period::days(30))).unwrap();
        t
    }

    fn cal() -> WorkCalendar {
        WorkCalendar::default()
    }

    #[test]
    fn the_seed_policies_state_no_period_so_no_warranty_is_granted() {
        let none = ServiceWarrantyTerms::default();
        for kind in WorkKind::ALL {
            assert_eq!(none.describe(kind), "not stated");
            assert_eq!(ServiceWarranty::granted(&none, kind, date(2026, 11, 20), &cal(), None), None);
        }
    }

    #[test]
    fn a_period_set_to_zero_is_withdrawn_and_one_past_ten_years_refused() {
        let mut t = terms();
        t.set(WorkKind::Battery, Some(Period::months(0))).unwrap();
        assert_eq!(t.period(WorkKind::Battery), None);
        let err = t.set(WorkKind::Crystal, Some(Period::months(121))).unwrap_err();
        assert!(err.to_string().contains("ten years"), "{err}");
        assert_eq!(t.describe(WorkKind::FullService), Period::months(12).to_string());
    }

    #[test]
    fn twelve_months_from_a_month_end_and_a_leap_day_end_on_the_calendar_s_last_day() {
        let t = terms();
        let grant = |on| ServiceWarranty::granted(&t, WorkKind::FullService, on, &cal(), None).unwrap();
        assert_eq!(grant(date(2026, 3, 14)).ends_on, date(2027, 3, 14));
        // A leap day's year later has no 29 February: the warranty ends on the 28th.
        assert_eq!(grant(date(2028, 2, 29)).ends_on, date(2029, 2, 28));
        // Six months from 31 August: February has no 31st.
        let battery = ServiceWarranty::granted(&t, WorkKind::Battery, date(2026, 8, 31), &cal(), None).unwrap();
        assert_eq!(battery.ends_on, date(2027, 2, 28));
        // Across the year end.
        let strap = ServiceWarranty::granted(&t, WorkKind::StrapOrBracelet, date(2026, 12, 15), &cal(), None).unwrap();
        assert_eq!(strap.ends_on, date(2027, 1, 14));
    }

    #[test]
    fn back_on_the_last_day_is_within_and_the_next_day_is_not() {
        let w = ServiceWarranty::granted(&terms(), WorkKind::FullService, date(2026, 3, 14), &cal(), None).unwrap();
        let earlier = [(number(12), w.clone())];
        let on_last = ServiceWarrantyCheck::on(date(2027, 3, 14), &earlier);
        assert_eq!(on_last, ServiceWarrantyCheck::Within { ticket: number(12), warranty: w.clone(), also: vec![] });
        assert_eq!(
            on_last.describe(DateStyle::default()),
            format!(
                "Back within the service warranty of R-2026-00012 (full service, {} to {}): the covered work is redone at no charge.",
                DateStyle::default().format(date(2026, 3, 14)),
                DateStyle::default().format(date(2027, 3, 14))
            )
        );
        let a_day_late = ServiceWarrantyCheck::on(date(2027, 3, 15), &earlier);
        assert!(matches!(a_day_late, ServiceWarrantyCheck::Ended { .. }), "{a_day_late:?}");
        assert!(a_day_late.redo_under().is_none());
        assert_eq!(ServiceWarrantyCheck::on(date(2027, 3, 15), &[]), ServiceWarrantyCheck::None);
    }

    #[test]
    fn a_redo_keeps_the_dates_of_the_work_it_puts_right() {
        let t = terms();
        let first = ServiceWarranty::granted(&t, WorkKind::FullService, date(2026, 3, 14), &cal(), None).unwrap();
        let check = ServiceWarrantyCheck::on(date(2026, 11, 2), &[(number(12), first.clone())]);
        let redo = ServiceWarranty::granted(&t, WorkKind::FullService, date(2026, 11, 20), &cal(), check.redo_under())
            .unwrap();
        assert_eq!((redo.starts_on, redo.ends_on), (first.starts_on, first.ends_on), "the clock does not restart");
        assert_eq!(redo.redo_of, Some(number(12)));
        // A redo of the redo still names the first ticket and its dates.
        let again =
            ServiceWarranty::granted(&t, WorkKind::FullService, date(2027, 1, 5), &cal(), Some((number(40), &redo)))
                .unwrap();
        assert_eq!((again.redo_of, again.ends_on), (Some(number(12)), first.ends_on));
    }

    #[test]
    fn other_work_during_a_warranty_carries_its_own() {
        let t = terms();
        let service = ServiceWarranty::granted(&t, WorkKind::FullService, date(2026, 1, 10), &cal(), None).unwrap();
        let check = ServiceWarrantyCheck::on(date(2026, 6, 1), &[(number(3), service)]);
        let strap =
            ServiceWarranty::granted(&t, WorkKind::StrapOrBracelet, date(2026, 6, 2), &cal(), check.redo_under())
                .unwrap();
        assert_eq!((strap.starts_on, strap.ends_on, strap.redo_of), (date(2026, 6, 2), date(2026, 7, 2), None));
        assert_eq!(ServiceWarranty::granted(&t, WorkKind::Crystal, date(2026, 6, 2), &cal(), check.redo_under()), None);
    }

    #[test]
    fn of_two_running_warranties_the_one_running_longer_is_named_and_the_other_beside_it() {
        let t = terms();
        let service = ServiceWarranty::granted(&t, WorkKind::FullService, date(2026, 1, 10), &cal(), None).unwrap();
        let battery = ServiceWarranty::granted(&t, WorkKind::Battery, date(2026, 9, 1), &cal(), None).unwrap();
        let check = ServiceWarrantyCheck::on(date(2026, 11, 2), &[(number(3), service.clone()), (number(9), battery)]);
        // The battery's six months from September run past the service's year from January.
        assert_eq!(check.redo_under().map(|(n, _)| n), Some(number(9)));
        let said = check.describe(DateStyle::default());
        assert!(said.contains("Also under warranty: R-2026-00003 (full service, until"), "{said}");
        assert_eq!(
            service.describe(DateStyle::default()),
            format!("Full service, until {}", DateStyle::default().format(date(2027, 1, 10)))
        );
    }

    proptest! {
        #[test]
        fn a_warranty_covers_exactly_its_days(start in 0i64..3650, months in 1u32..=60, probe in -30i64..2000) {
            let starts = date(2024, 1, 1).saturating_add(jiff::Span::new().days(start));
            let mut t = ServiceWarrantyTerms::default();
            t.set(WorkKind::Repair, Some(Period::months(months))).unwrap();
            let w = ServiceWarranty::granted(&t, WorkKind::Repair, starts, &cal(), None).unwrap();
            let day = starts.saturating_add(jiff::Span::new().days(probe));
            let check = ServiceWarrantyCheck::on(day, &[(number(1), w.clone())]);
            prop_assert_eq!(check.redo_under().is_some(), starts <= day && day <= w.ends_on);
            prop_assert!(w.ends_on > starts);
        }
    }
}
