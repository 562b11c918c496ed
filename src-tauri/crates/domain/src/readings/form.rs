//! The readings form as the window sends it: every figure as typed. The domain reads it, so
//! the window never parses a number, and refuses every bad field at once.
//!
//! An empty field is a figure not measured. A section left wholly empty (the window may send
//! the shop's timegrapher already filled in) is no section at all.

use serde::{Deserialize, Serialize};

use super::figures::{self, bare};
use super::{
    ByPosition, CheckResult, LeakRate, LeakUnit, MechanicalReadings, Outcome, Position, QuartzReadings, ReadingStage,
    Readings, SmartCheck, SmartwatchChecks, WaterTest, WaterTestKind,
};
use crate::error::Problems;
use crate::{text, DomainError};

const TIMEGRAPHER_LONGEST: usize = 60;
const FIRMWARE_LONGEST: usize = 40;
const NOTE_LONGEST: usize = 2_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingsForm {
    pub stage: ReadingStage,
    #[serde(default)]
    pub mechanical: Option<MechanicalForm>,
    #[serde(default)]
    pub water: Option<WaterForm>,
    #[serde(default)]
    pub quartz: Option<QuartzForm>,
    #[serde(default)]
    pub smart: Option<SmartwatchForm>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MechanicalForm {
    pub rate: ByPosition<String>,
    pub amplitude: ByPosition<String>,
    pub beat_error: String,
    pub beat_rate: String,
    pub lift_angle: String,
    pub timegrapher: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WaterForm {
    pub kind: WaterTestKind,
    pub pressure: String,
    /// `None` until staff choose passed or failed.
    pub outcome: Option<Outcome>,
    pub leak_rate: String,
    pub leak_unit: LeakUnit,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuartzForm {
    pub battery_voltage: String,
    pub current: String,
    pub rate: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmartwatchForm {
    pub battery_health: String,
    pub firmware: String,
    /// Only the checks done; each at most once.
    pub checks: Vec<CheckResult>,
    pub note: String,
}

/// Reads one optional figure: blank is not measured, a refusal is noted at `field`.
fn figure<T>(
    problems: &mut Problems,
    field: &str,
    typed: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Option<T> {
    if typed.trim().is_empty() {
        return None;
    }
    parse(typed).map_err(|message| problems.add(field, message)).ok()
}

fn words(problems: &mut Problems, checked: Result<String, DomainError>) -> String {
    checked.unwrap_or_else(|e| {
        problems.merge(e);
        String::new()
    })
}

fn blank(typed: &[&str]) -> bool {
    typed.iter().all(|t| t.trim().is_empty())
}

impl ReadingsForm {
    /// The readings, or every field that is not a possible reading, each with its sentence.
    pub fn validated(&self) -> Result<Readings, DomainError> {
        let mut problems = Problems::default();
        let mechanical = self.mechanical.as_ref().and_then(|m| m.read(&mut problems));
        let water = self.water.as_ref().and_then(|w| w.read(&mut problems));
        let quartz = self.quartz.as_ref().and_then(|q| q.read(&mut problems));
        let smart = self.smart.as_ref().and_then(|s| s.read(&mut problems));
        let note = words(&mut problems, text::multi_line("readings.note", &self.note, NOTE_LONGEST));
        let sections = [mechanical.is_some(), water.is_some(), quartz.is_some(), smart.is_some()];
        if problems.is_empty() && !sections.contains(&true) {
            problems.add(
                "readings",
                "Enter at least one reading: a rate, a water-resistance test, a battery voltage or a smartwatch check.",
            );
        }
        problems.into_result()?;
        Ok(Readings { stage: self.stage, mechanical, water, quartz, smart, note })
    }
}

impl MechanicalForm {
    fn read(&self, problems: &mut Problems) -> Option<MechanicalReadings> {
        let typed: Vec<&str> = Position::ALL
            .into_iter()
            .flat_map(|p| [self.rate.get(p).as_str(), self.amplitude.get(p).as_str()])
            .chain([self.beat_error.as_str(), self.beat_rate.as_str(), self.lift_angle.as_str()])
            .collect();
        if blank(&typed) {
            return None;
        }
        let rate = ByPosition::from_fn(|p| {
            figure(problems, &format!("readings.rate.{}", p.key()), self.rate.get(p), figures::parse_rate)
        });
        let amplitude = ByPosition::from_fn(|p| {
            figure(
                problems,
                &format!("readings.amplitude.{}", p.key()),
                self.amplitude.get(p),
                figures::parse_amplitude,
            )
        });
        let beat_error = figure(problems, "readings.beat_error", &self.beat_error, figures::parse_beat_error);
        let beat_rate = figure(problems, "readings.beat_rate", &self.beat_rate, figures::parse_beat_rate);
        let lift_angle = figure(problems, "readings.lift_angle", &self.lift_angle, figures::parse_lift_angle);
        let timegrapher =
            words(problems, text::single_line("readings.timegrapher", &self.timegrapher, TIMEGRAPHER_LONGEST));
        Some(MechanicalReadings { rate, amplitude, beat_error, beat_rate, lift_angle, timegrapher })
    }
}

impl WaterForm {
    fn read(&self, problems: &mut Problems) -> Option<WaterTest> {
        if blank(&[&self.pressure, &self.leak_rate]) && self.outcome.is_none() {
            return None;
        }
        let pressure = match self.pressure.trim().is_empty() {
            true => {
                problems.add("readings.water.pressure", "Enter the test pressure in bar, such as 3 or 10.");
                None
            }
            false => {
                figure(problems, "readings.water.pressure", &self.pressure, |t| figures::parse_pressure(self.kind, t))
            }
        };
        if self.outcome.is_none() {
            problems.add("readings.water.outcome", "Choose whether the watch passed or failed the test.");
        }
        let leak_rate = figure(problems, "readings.water.leak_rate", &self.leak_rate, |t| {
            figures::parse_leak_rate(self.leak_unit, t)
        })
        .map(|hundredths| LeakRate { hundredths, unit: self.leak_unit });
        Some(WaterTest {
            kind: self.kind,
            pressure: pressure.unwrap_or(0),
            outcome: self.outcome.unwrap_or(Outcome::Failed),
            leak_rate,
        })
    }
}

impl QuartzForm {
    fn read(&self, problems: &mut Problems) -> Option<QuartzReadings> {
        if blank(&[&self.battery_voltage, &self.current, &self.rate]) {
            return None;
        }
        Some(QuartzReadings {
            battery_voltage: figure(
                problems,
                "readings.quartz.battery_voltage",
                &self.battery_voltage,
                figures::parse_voltage,
            ),
            current: figure(problems, "readings.quartz.current", &self.current, figures::parse_current),
            rate: figure(problems, "readings.quartz.rate", &self.rate, figures::parse_rate),
        })
    }
}

impl SmartwatchForm {
    fn read(&self, problems: &mut Problems) -> Option<SmartwatchChecks> {
        if blank(&[&self.battery_health, &self.firmware, &self.note]) && self.checks.is_empty() {
            return None;
        }
        let battery_health =
            figure(problems, "readings.smart.battery_health", &self.battery_health, figures::parse_battery_health);
        let firmware = words(problems, text::single_line("readings.smart.firmware", &self.firmware, FIRMWARE_LONGEST));
        let note = words(problems, text::multi_line("readings.smart.note", &self.note, NOTE_LONGEST));
        let mut checks = Vec::new();
        for check in SmartCheck::ALL {
            let mut results = self.checks.iter().filter(|c| c.check == check);
            if let Some(first) = results.next() {
                checks.push(*first);
            }
            if results.next().is_some() {
                problems.add(
                    format!("readings.smart.checks.{}", check.key()),
                    format!("{} is checked more than once: keep one result.", check.label()),
                );
            }
        }
        Some(SmartwatchChecks { battery_health, firmware, checks, note })
    }
}

/// The form filled in with stored readings, to correct them: each figure as it would be typed.
impl From<&Readings> for ReadingsForm {
    fn from(r: &Readings) -> Self {
        let typed = |figure: Option<String>| figure.unwrap_or_default();
        ReadingsForm {
            stage: r.stage,
            mechanical: r.mechanical.as_ref().map(|m| MechanicalForm {
                rate: ByPosition::from_fn(|p| typed(m.rate.get(p).map(figures::rate_figure))),
                amplitude: ByPosition::from_fn(|p| typed(m.amplitude.get(p).map(|a| a.to_string()))),
                beat_error: typed(m.beat_error.map(bare::beat_error)),
                beat_rate: typed(m.beat_rate.map(|b| b.to_string())),
                lift_angle: typed(m.lift_angle.map(|l| l.to_string())),
                timegrapher: m.timegrapher.clone(),
            }),
            water: r.water.map(|w| WaterForm {
                kind: w.kind,
                pressure: bare::pressure(w.pressure),
                outcome: Some(w.outcome),
                leak_rate: typed(w.leak_rate.map(|l| bare::leak_rate(l.hundredths))),
                leak_unit: w.leak_rate.map_or_else(LeakUnit::default, |l| l.unit),
            }),
            quartz: r.quartz.map(|q| QuartzForm {
                battery_voltage: typed(q.battery_voltage.map(bare::voltage)),
                current: typed(q.current.map(bare::current)),
                rate: typed(q.rate.map(figures::rate_figure)),
            }),
            smart: r.smart.as_ref().map(|s| SmartwatchForm {
                battery_health: typed(s.battery_health.map(|h| h.to_string())),
                firmware: s.firmware.clone(),
                checks: s.checks.clone(),
                note: s.note.clone(),
            }),
            note: r.note.clone(),
        }
    }
}
