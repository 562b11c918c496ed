//! The shop's tolerances, and the warnings readings outside them raise. A warning does not
//! refuse the readings (a watch in for repair reads badly before the work); it tells the
//! watchmaker, and the Collection Notice marks the figure.

use serde::{Deserialize, Serialize};

use super::figures::{
    self, format_amplitude, format_battery_health, format_beat_error, format_delta, format_pressure, format_rate,
    format_voltage, rate_figure,
};
use super::{Outcome, Readings};
use crate::error::Problems;
use crate::DomainError;

/// What the shop accepts after its work, in the units of the readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tolerances {
    /// Slowest rate in any position, tenths of a second a day: -4.0 s/d.
    pub rate_min: i32,
    /// Fastest rate in any position: +6.0 s/d (with `rate_min`, the chronometer's -4/+6).
    pub rate_max: i32,
    /// Largest delta between positions, tenths of a second a day: 10.0 s/d. With the default
    /// rates it cannot be passed; it matters when a shop widens the rate window.
    pub delta_max: u16,
    /// Least amplitude dial up, whole degrees: 250°.
    pub amplitude_min_dial_up: u16,
    /// Beat error must be under this, hundredths of a millisecond: under 0.6 ms.
    pub beat_error_under: u16,
    /// A quartz rate's furthest from zero either way, tenths of a second a day: ±0.5 s/d
    /// (±15 s a month, a common quartz movement's figure).
    pub quartz_rate_max: u16,
    /// Least battery voltage, millivolts: 1.50 V, where a 1.55 V silver-oxide cell is spent. A
    /// 3 V lithium cell reads above it even when weak.
    pub battery_voltage_min: u32,
    /// Least smartwatch battery health, percent: 80%, where makers replace a battery.
    pub battery_health_min: u8,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            rate_min: -40,
            rate_max: 60,
            delta_max: 100,
            amplitude_min_dial_up: 250,
            beat_error_under: 60,
            quartz_rate_max: 5,
            battery_voltage_min: 1_500,
            battery_health_min: 80,
        }
    }
}

impl Tolerances {
    /// Refuses tolerances no reading could be measured against, each at `tolerances.{name}`.
    pub fn validated(&self) -> Result<Tolerances, DomainError> {
        let mut problems = Problems::default();
        let rates = -figures::RATE_LIMIT..=figures::RATE_LIMIT;
        for (name, rate) in [("rate_min", self.rate_min), ("rate_max", self.rate_max)] {
            if !rates.contains(&rate) {
                problems.add(format!("tolerances.{name}"), "A rate tolerance is between -999.9 and +999.9 s/d.");
            }
        }
        if self.rate_min > self.rate_max {
            problems.add(
                "tolerances.rate_min",
                format!(
                    "The slowest rate allowed ({}) is faster than the fastest ({}).",
                    format_rate(self.rate_min),
                    format_rate(self.rate_max)
                ),
            );
        }
        if i32::from(self.delta_max) > figures::RATE_LIMIT {
            problems.add("tolerances.delta_max", "The largest delta is between 0 and 999.9 s/d.");
        }
        if !(figures::AMPLITUDE_LOWEST..=figures::AMPLITUDE_HIGHEST).contains(&self.amplitude_min_dial_up) {
            problems
                .add("tolerances.amplitude_min_dial_up", "The least amplitude dial up is between 100 and 360 degrees.");
        }
        if !(1..=figures::BEAT_ERROR_HIGHEST).contains(&self.beat_error_under) {
            problems.add(
                "tolerances.beat_error_under",
                "The beat error limit is more than 0 and at most 9.9 ms (at 0 every watch would be out).",
            );
        }
        if i32::from(self.quartz_rate_max) > figures::RATE_LIMIT {
            problems.add("tolerances.quartz_rate_max", "The quartz rate tolerance is between 0 and 999.9 s/d.");
        }
        if self.battery_voltage_min > figures::VOLTAGE_HIGHEST {
            problems.add("tolerances.battery_voltage_min", "The least battery voltage is between 0 and 5 V.");
        }
        if self.battery_health_min > figures::BATTERY_HEALTH_HIGHEST {
            problems.add("tolerances.battery_health_min", "The least battery health is between 0 and 100%.");
        }
        problems.into_result()?;
        Ok(*self)
    }

    pub(super) fn rate_out(&self, rate: i32) -> bool {
        !(self.rate_min..=self.rate_max).contains(&rate)
    }
}

/// A reading outside the shop's tolerances: the field it is shown next to, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingWarning {
    pub field: String,
    pub message: String,
}

impl ReadingWarning {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        ReadingWarning { field: field.into(), message: message.into() }
    }
}

impl Readings {
    /// Every reading outside `t`, in the order of the form. A failed water test or smartwatch
    /// check is always one.
    pub fn warnings(&self, t: &Tolerances) -> Vec<ReadingWarning> {
        let mut warnings = Vec::new();
        if let Some(m) = &self.mechanical {
            let window = format!("{} to {} s/d", rate_figure(t.rate_min), rate_figure(t.rate_max));
            for (position, rate) in m.rate.measured().filter(|(_, r)| t.rate_out(*r)) {
                warnings.push(ReadingWarning::new(
                    format!("readings.rate.{}", position.key()),
                    format!(
                        "Rate {} {} is outside the shop's {window}.",
                        position.label().to_lowercase(),
                        format_rate(rate)
                    ),
                ));
            }
            if let Some(delta) = m.delta().filter(|d| *d > i32::from(t.delta_max)) {
                warnings.push(ReadingWarning::new(
                    "readings.rate.delta",
                    format!(
                        "The delta between positions, {}, is more than the shop's {}.",
                        format_delta(delta),
                        format_delta(i32::from(t.delta_max))
                    ),
                ));
            }
            if let Some(amplitude) = m.amplitude.dial_up.filter(|a| *a < t.amplitude_min_dial_up) {
                warnings.push(ReadingWarning::new(
                    "readings.amplitude.dial_up",
                    format!(
                        "Amplitude dial up {} is below the shop's least of {}.",
                        format_amplitude(amplitude),
                        format_amplitude(t.amplitude_min_dial_up)
                    ),
                ));
            }
            if let Some(beat_error) = m.beat_error.filter(|b| *b >= t.beat_error_under) {
                warnings.push(ReadingWarning::new(
                    "readings.beat_error",
                    format!(
                        "Beat error {} is not under the shop's {}.",
                        format_beat_error(beat_error),
                        format_beat_error(t.beat_error_under)
                    ),
                ));
            }
        }
        if let Some(w) = self.water.filter(|w| w.outcome == Outcome::Failed) {
            warnings.push(ReadingWarning::new(
                "readings.water.outcome",
                format!("The watch failed the {} at {}.", w.kind.noun(), format_pressure(w.pressure)),
            ));
        }
        if let Some(q) = &self.quartz {
            if let Some(voltage) = q.battery_voltage.filter(|v| *v < t.battery_voltage_min) {
                warnings.push(ReadingWarning::new(
                    "readings.quartz.battery_voltage",
                    format!(
                        "Battery voltage {} is below the shop's least of {}.",
                        format_voltage(voltage),
                        format_voltage(t.battery_voltage_min)
                    ),
                ));
            }
            if let Some(rate) = q.rate.filter(|r| r.unsigned_abs() > u32::from(t.quartz_rate_max)) {
                warnings.push(ReadingWarning::new(
                    "readings.quartz.rate",
                    format!(
                        "Rate {} is outside the shop's ±{} for a quartz movement.",
                        format_rate(rate),
                        format_delta(i32::from(t.quartz_rate_max))
                    ),
                ));
            }
        }
        if let Some(s) = &self.smart {
            if let Some(health) = s.battery_health.filter(|h| *h < t.battery_health_min) {
                warnings.push(ReadingWarning::new(
                    "readings.smart.battery_health",
                    format!(
                        "Battery health {} is below the shop's least of {}.",
                        format_battery_health(health),
                        format_battery_health(t.battery_health_min)
                    ),
                ));
            }
            for c in s.checks.iter().filter(|c| c.outcome == Outcome::Failed) {
                warnings.push(ReadingWarning::new(
                    format!("readings.smart.checks.{}", c.check.key()),
                    format!("{} failed its check.", c.check.label()),
                ));
            }
        }
        warnings
    }
}
