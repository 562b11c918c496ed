//! The watch record as the window shows it: its page (details, owners, every ticket and
//! return, its photos, the readings over time, the service warranties), what a serial finds at intake, and the
//! bench's readings on a ticket.

use caseback_domain::readings::{
    self, Outcome, Position, ReadingRow, ReadingStage, ReadingWarning, Readings, ReadingsForm, SmartCheck,
    WaterTestKind,
};
use caseback_domain::service_warranty::{ServiceWarrantyTerms, WorkKind};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::watch::{MovementKind, WatchDetails, WatchId};
use caseback_domain::Settings;
use caseback_store::{PhotoStage, Watch};
use jiff::civil::Date;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::returns::{return_rows, ReturnRowView};
use crate::tickets::{ListDay, RowView};
use crate::{Desk, Result};

#[derive(Serialize)]
pub struct WatchView {
    pub watch: Watch,
    /// "Seiko Presage SRPB41".
    pub title: String,
    pub movement_label: &'static str,
    pub owners: Vec<OwnerView>,
    /// Oldest first.
    pub tickets: Vec<RowView>,
    /// Oldest first.
    pub returns: Vec<ReturnRowView>,
    /// Its tickets' photos, oldest first: "R-2026-00012 · At intake" and the photos' hashes.
    pub photos: Vec<PhotoGroup>,
    /// Every set of readings, oldest ticket first, before then after.
    pub readings: Vec<ReadingsView>,
    /// The same readings side by side, one column a set: how the watch ran over the years.
    pub trend: ReadingsTrend,
    /// "R-2026-00012: Full service, until 10 January 2027".
    pub warranties: Vec<String>,
    pub movements: Vec<Choice>,
    /// The shop's today, where a new owner's first day starts.
    pub today: Date,
}

/// Readings over time: a column per set of readings (oldest first), a row per figure any set
/// has, each cell marked when it was outside the shop's tolerances.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReadingsTrend {
    /// "R-2026-00012 · Before · 3 Nov 2026" as its parts.
    pub columns: Vec<TrendColumn>,
    pub rows: Vec<TrendRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TrendColumn {
    pub ticket_number: String,
    pub stage_label: &'static str,
    pub taken_on: Date,
}

#[derive(Clone, Debug, Serialize)]
pub struct TrendRow {
    pub field: String,
    pub label: String,
    pub cells: Vec<TrendCell>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct TrendCell {
    /// Empty when this set did not measure it.
    pub value: String,
    /// Why it was outside the tolerances, if it was.
    pub warning: Option<String>,
}

impl ReadingsTrend {
    fn of(sets: &[ReadingsView]) -> ReadingsTrend {
        let mut rows: Vec<TrendRow> = Vec::new();
        for (i, set) in sets.iter().enumerate() {
            for r in set.rows.iter().filter(|r| !r.value.is_empty() && r.value != readings::NOT_MEASURED) {
                let at = match rows.iter().position(|row| row.field == r.field) {
                    Some(at) => at,
                    None => {
                        let cells = vec![TrendCell::default(); sets.len()];
                        rows.push(TrendRow { field: r.field.clone(), label: r.label.clone(), cells });
                        rows.len() - 1
                    }
                };
                let warning = set.warnings.iter().find(|w| w.field == r.field).map(|w| w.message.clone());
                rows[at].cells[i] = TrendCell { value: r.value.clone(), warning };
            }
        }
        let columns = sets
            .iter()
            .map(|s| TrendColumn {
                ticket_number: s.ticket_number.clone(),
                stage_label: s.stage_label,
                taken_on: s.taken_on,
            })
            .collect();
        ReadingsTrend { columns, rows }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct PhotoGroup {
    pub ticket_id: TicketId,
    pub title: String,
    pub photos: Vec<String>,
}

fn stage_label(stage: PhotoStage) -> &'static str {
    match stage {
        PhotoStage::Intake => "At intake",
        PhotoStage::Assessment => "At assessment",
        PhotoStage::AfterRepair => "After the repair",
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct OwnerView {
    pub customer_id: i64,
    pub name: String,
    pub from: Date,
    pub until: Option<Date>,
}

/// One set of readings as a screen shows it, with what is outside the shop's tolerances.
#[derive(Clone, Debug, Serialize)]
pub struct ReadingsView {
    pub ticket_id: TicketId,
    pub ticket_number: String,
    pub stage: ReadingStage,
    pub stage_label: &'static str,
    pub taken_on: Date,
    pub rows: Vec<ReadingRow>,
    pub warnings: Vec<ReadingWarning>,
    pub note: String,
}

/// What a brand and serial typed at intake find.
#[derive(Clone, Debug, Serialize)]
pub struct WatchLookupView {
    pub found: Option<KnownWatch>,
    /// Watches that nearly match, each with the sentence saying how: offered, never taken.
    pub near: Vec<KnownWatch>,
}

#[derive(Clone, Debug, Serialize)]
pub struct KnownWatch {
    pub id: WatchId,
    pub title: String,
    pub brand: String,
    pub model: String,
    pub serial: String,
    pub tickets: usize,
    /// How it nearly matches (for a near match), or what the service warranty check says.
    pub text: String,
    /// The notes that follow the watch into its next intake.
    pub notes: String,
}

/// The readings panel of a ticket: what was taken, and the form's choices.
#[derive(Clone, Debug, Serialize)]
pub struct TicketReadingsView {
    pub taken: Vec<ReadingsView>,
    pub movement: MovementKind,
    pub stages: Vec<Choice>,
    /// The shop's tolerances in a sentence, shown beside the form.
    pub tolerances: String,
    pub positions: Vec<Choice>,
    pub water_kinds: Vec<Choice>,
    pub outcomes: Vec<Choice>,
    /// What a smartwatch is checked for, in the bench's order.
    pub smart_checks: Vec<Choice>,
}

fn title(details: &WatchDetails) -> String {
    format!("{} {}", details.brand, details.model).trim().to_string()
}

fn readings_view(
    settings: &Settings,
    ticket_id: TicketId,
    ticket_number: &str,
    r: Readings,
    at: jiff::Timestamp,
) -> ReadingsView {
    ReadingsView {
        ticket_id,
        ticket_number: ticket_number.to_string(),
        stage: r.stage,
        stage_label: r.stage.label(),
        taken_on: settings.today(at),
        rows: r.table(),
        warnings: r.warnings(&settings.tolerances),
        note: r.note.clone(),
    }
}

impl Desk {
    pub fn watch(&mut self, id: WatchId) -> Result<WatchView> {
        let (shop, now) = self.at()?;
        let record = shop.watch(id)?;
        let settings = shop.settings()?;
        let mut owners = Vec::new();
        for o in &record.owners {
            owners.push(OwnerView {
                customer_id: o.customer.0,
                name: shop.customer(o.customer)?.details.name,
                from: o.from,
                until: o.until,
            });
        }
        let numbers: Vec<(TicketId, String)> = record.tickets.iter().map(|t| (t.id, t.number.clone())).collect();
        let number_of =
            |id: TicketId| numbers.iter().find(|(t, _)| *t == id).map(|(_, n)| n.clone()).unwrap_or_default();
        let photos = record
            .photos
            .into_iter()
            .map(|(ticket_id, stage, photos)| PhotoGroup {
                ticket_id,
                title: format!("{} · {}", number_of(ticket_id), stage_label(stage)),
                photos,
            })
            .collect();
        let mut readings_taken = Vec::new();
        for (ticket, r, at) in record.readings {
            readings_taken.push(readings_view(&settings, ticket, &number_of(ticket), r, at));
        }
        Ok(WatchView {
            title: title(&record.watch.details),
            movement_label: record.watch.details.movement.label(),
            watch: record.watch,
            owners,
            tickets: ListDay::of(shop, now)?.rows(record.tickets),
            returns: return_rows(record.returns, settings.today(now)),
            photos,
            trend: ReadingsTrend::of(&readings_taken),
            readings: readings_taken,
            warranties: record
                .warranties
                .iter()
                .map(|(n, w)| format!("{n}: {}", w.describe(settings.date_style)))
                .collect(),
            movements: choices(&MovementKind::ALL, MovementKind::label),
            today: settings.today(now),
        })
    }

    pub fn edit_watch(&mut self, by: StaffId, id: WatchId, details: &WatchDetails) -> Result<WatchView> {
        let (shop, now) = self.at()?;
        shop.edit_watch(by, id, details, now)?;
        self.watch(id)
    }

    /// The one watch a scanned or typed serial names (the find-or-scan box), if one does.
    pub fn watch_by_serial(&mut self, serial: &str) -> Result<Option<WatchId>> {
        let (shop, _) = self.at()?;
        Ok(shop.watch_by_serial(serial)?)
    }

    /// The watch passed to `customer` from `on` (sold on, inherited).
    pub fn pass_watch_to(
        &mut self,
        by: StaffId,
        id: WatchId,
        customer: caseback_domain::customer::CustomerId,
        on: Date,
    ) -> Result<WatchView> {
        let (shop, now) = self.at()?;
        shop.pass_watch_to(by, id, customer, on, now)?;
        self.watch(id)
    }

    /// What typing or scanning `serial` (of `brand`) at intake finds, on `today`'s intake.
    pub fn find_watch(&mut self, brand: &str, serial: &str) -> Result<WatchLookupView> {
        let (shop, now) = self.at()?;
        let settings = shop.settings()?;
        let today = settings.today(now);
        let lookup = shop.find_watch(brand, serial)?;
        let known = |w: &Watch, text: String| -> Result<KnownWatch> {
            Ok(KnownWatch {
                id: w.id,
                title: title(&w.details),
                brand: w.details.brand.clone(),
                model: w.details.model.clone(),
                serial: w.details.serial.clone(),
                tickets: shop.watch_ticket_count(w.id)?,
                text,
                notes: w.details.notes.clone(),
            })
        };
        let found = match &lookup.found {
            Some(w) => Some(known(w, shop.service_warranty_check(w.id, today)?.describe(settings.date_style))?),
            None => None,
        };
        let near = lookup.near.iter().map(|(w, how)| known(w, how.sentence().to_string())).collect::<Result<_>>()?;
        Ok(WatchLookupView { found, near })
    }

    /// The ticket's readings panel.
    pub fn ticket_readings(&mut self, ticket: TicketId) -> Result<TicketReadingsView> {
        let (shop, _) = self.at()?;
        let t = shop.ticket(ticket)?;
        let number = t.number.to_string();
        let settings = shop.settings()?;
        let taken = shop
            .readings(ticket)?
            .into_iter()
            .map(|(r, at)| readings_view(&settings, ticket, &number, r, at))
            .collect();
        let movement = match shop.ticket_watch(ticket)? {
            Some(w) => shop.watch_details(w)?.details.movement,
            None => WatchDetails::of_device(&t.details.device).movement,
        };
        Ok(TicketReadingsView {
            taken,
            movement,
            stages: choices(&ReadingStage::ALL, ReadingStage::label),
            tolerances: describe_tolerances(&settings.tolerances),
            positions: choices(&Position::ALL, Position::label),
            water_kinds: choices(&WaterTestKind::ALL, WaterTestKind::label),
            outcomes: choices(&Outcome::ALL, Outcome::label),
            smart_checks: choices(&SmartCheck::ALL, SmartCheck::label),
        })
    }

    pub fn record_readings(
        &mut self,
        by: StaffId,
        ticket: TicketId,
        form: &ReadingsForm,
    ) -> Result<TicketReadingsView> {
        let (shop, now) = self.at()?;
        shop.record_readings(by, ticket, form, now)?;
        self.ticket_readings(ticket)
    }
}

/// The kinds of work a completion may name, each with the shop's warranty on it.
pub(crate) fn work_kind_choices(terms: &ServiceWarrantyTerms) -> Vec<Choice> {
    WorkKind::ALL
        .iter()
        .map(|k| Choice {
            key: serde_json::Value::String(k.key().into()),
            label: match terms.period(*k) {
                Some(p) => format!("{} · {} warranty", k.label(), p),
                None => format!("{} · no warranty stated", k.label()),
            },
        })
        .collect()
}

/// The shop's tolerances in a sentence.
fn describe_tolerances(t: &readings::Tolerances) -> String {
    format!(
        "Rate {} to {}, amplitude at least {} dial up, beat error under {}.",
        readings::format_rate(t.rate_min),
        readings::format_rate(t.rate_max),
        readings::format_amplitude(t.amplitude_min_dial_up),
        readings::format_beat_error(t.beat_error_under)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use caseback_domain::readings::ReadingWarning;

    fn set(number: &str, stage: ReadingStage, rows: &[(&str, &str)], warned: &[&str]) -> ReadingsView {
        ReadingsView {
            ticket_id: TicketId(1),
            ticket_number: number.into(),
            stage,
            stage_label: stage.label(),
            taken_on: jiff::civil::date(2026, 2, 28),
            rows: rows
                .iter()
                .map(|(field, value)| ReadingRow {
                    field: (*field).into(),
                    label: field.to_uppercase(),
                    value: (*value).into(),
                })
                .collect(),
            warnings: warned
                .iter()
                .map(|f| ReadingWarning { field: (*f).into(), message: "too slow".into() })
                .collect(),
            note: String::new(),
        }
    }

    #[test]
    fn readings_over_time_line_each_figure_up_across_the_sets_that_took_it() {
        let sets = [
            set("R-2025-00004", ReadingStage::Before, &[("rate", "-12.0 s/d"), ("amplitude", "—")], &["rate"]),
            set("R-2025-00004", ReadingStage::After, &[("rate", "+2.0 s/d"), ("amplitude", "280°")], &[]),
            set("R-2026-00031", ReadingStage::Before, &[("voltage", "1.55 V")], &[]),
        ];
        let trend = ReadingsTrend::of(&sets);
        assert_eq!(trend.columns.len(), 3);
        let fields: Vec<_> = trend.rows.iter().map(|r| r.field.as_str()).collect();
        assert_eq!(
            fields,
            ["rate", "amplitude", "voltage"],
            "in the order first taken; a figure not measured is no row"
        );
        let rate: Vec<_> = trend.rows[0].cells.iter().map(|c| (c.value.as_str(), c.warning.is_some())).collect();
        assert_eq!(rate, [("-12.0 s/d", true), ("+2.0 s/d", false), ("", false)]);
        assert_eq!(trend.rows[1].cells[0].value, "", "not measured before");
        assert!(ReadingsTrend::of(&[]).rows.is_empty());
    }
}
