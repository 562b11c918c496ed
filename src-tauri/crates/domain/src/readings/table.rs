//! Readings as rows of label and value, for a screen and for the Collection Notice, which
//! prints the after-readings beside the before-readings where they were taken. Notes are not
//! rows: a paragraph does not fit a table cell, and the caller prints them below it.

use serde::Serialize;

use super::figures::{
    format_amplitude, format_amplitude_drop, format_battery_health, format_beat_error, format_beat_rate,
    format_current, format_delta, format_leak_rate, format_lift_angle, format_pressure, format_rate, format_voltage,
};
use super::{Position, Readings, SmartCheck, Tolerances};

/// What a comparison shows for a figure measured on one side only.
pub const NOT_MEASURED: &str = "—";

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadingRow {
    /// The field's key, as warnings and form errors name it.
    pub field: String,
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonRow {
    pub field: String,
    pub label: String,
    /// [`NOT_MEASURED`] when there are no before-readings or this figure was not taken.
    pub before: String,
    pub after: String,
    /// Whether the after-reading raises a warning with the shop's tolerances (before the
    /// work a watch is expected to read badly, so the before column is never marked).
    pub out_of_tolerance: bool,
}

/// Every row readings can have, in the order printed, each with its value when measured:
/// the same sequence for any readings, so before and after line up.
fn rows(r: &Readings) -> Vec<(String, String, Option<String>)> {
    let mut rows = Vec::new();
    let mut row = |field: String, label: String, value: Option<String>| rows.push((field, label, value));
    let m = r.mechanical.as_ref();
    for p in Position::ALL {
        let rate = m.and_then(|m| *m.rate.get(p));
        row(format!("readings.rate.{}", p.key()), format!("Rate {}", p.label().to_lowercase()), rate.map(format_rate));
    }
    row("readings.rate.mean".into(), "Mean rate".into(), m.and_then(|m| m.mean_rate()).map(format_rate));
    row("readings.rate.delta".into(), "Delta between positions".into(), m.and_then(|m| m.delta()).map(format_delta));
    for p in Position::ALL {
        let amplitude = m.and_then(|m| *m.amplitude.get(p));
        row(
            format!("readings.amplitude.{}", p.key()),
            format!("Amplitude {}", p.label().to_lowercase()),
            amplitude.map(format_amplitude),
        );
    }
    row(
        "readings.amplitude.drop".into(),
        "Amplitude drop, dial up to vertical".into(),
        m.and_then(|m| m.amplitude_drop()).map(format_amplitude_drop),
    );
    row("readings.beat_error".into(), "Beat error".into(), m.and_then(|m| m.beat_error).map(format_beat_error));
    row("readings.beat_rate".into(), "Beat rate".into(), m.and_then(|m| m.beat_rate).map(format_beat_rate));
    row("readings.lift_angle".into(), "Lift angle".into(), m.and_then(|m| m.lift_angle).map(format_lift_angle));
    let timegrapher = m.map(|m| m.timegrapher.clone()).filter(|t| !t.is_empty());
    row("readings.timegrapher".into(), "Timegrapher".into(), timegrapher);

    let w = r.water;
    let test = w.map(|w| format!("{}, {}", w.kind.label(), format_pressure(w.pressure)));
    row("readings.water.pressure".into(), "Water-resistance test".into(), test);
    row("readings.water.outcome".into(), "Water-resistance result".into(), w.map(|w| w.outcome.label().into()));
    let leak = w.and_then(|w| w.leak_rate).map(|l| format_leak_rate(l.hundredths, l.unit));
    row("readings.water.leak_rate".into(), "Leak rate".into(), leak);

    let q = r.quartz;
    row(
        "readings.quartz.battery_voltage".into(),
        "Battery voltage".into(),
        q.and_then(|q| q.battery_voltage).map(format_voltage),
    );
    row("readings.quartz.current".into(), "Current consumption".into(), q.and_then(|q| q.current).map(format_current));
    row("readings.quartz.rate".into(), "Rate".into(), q.and_then(|q| q.rate).map(format_rate));

    let s = r.smart.as_ref();
    row(
        "readings.smart.battery_health".into(),
        "Battery health".into(),
        s.and_then(|s| s.battery_health).map(format_battery_health),
    );
    let firmware = s.map(|s| s.firmware.clone()).filter(|f| !f.is_empty());
    row("readings.smart.firmware".into(), "Firmware".into(), firmware);
    for check in SmartCheck::ALL {
        let outcome = s.and_then(|s| s.checks.iter().find(|c| c.check == check)).map(|c| c.outcome.label().into());
        row(format!("readings.smart.checks.{}", check.key()), check.label().into(), outcome);
    }
    rows
}

impl Readings {
    /// The figures measured, as label and value.
    pub fn table(&self) -> Vec<ReadingRow> {
        rows(self)
            .into_iter()
            .filter_map(|(field, label, value)| value.map(|value| ReadingRow { field, label, value }))
            .collect()
    }
}

/// Before and after side by side: a row for each figure measured on either side.
pub fn comparison(before: Option<&Readings>, after: &Readings, tolerances: &Tolerances) -> Vec<ComparisonRow> {
    let warnings = after.warnings(tolerances);
    let before_rows = before.map(rows);
    rows(after)
        .into_iter()
        .enumerate()
        .filter_map(|(i, (field, label, after))| {
            let before = before_rows.as_ref().and_then(|b| b[i].2.clone());
            if before.is_none() && after.is_none() {
                return None;
            }
            let out_of_tolerance = after.is_some() && warnings.iter().any(|w| w.field == field);
            let shown = |value: Option<String>| value.unwrap_or_else(|| NOT_MEASURED.to_string());
            Some(ComparisonRow { field, label, before: shown(before), after: shown(after), out_of_tolerance })
        })
        .collect()
}
