//! The watchmaker's bench readings, taken before and after the work: a mechanical movement on
//! the timegrapher, a water-resistance test, a quartz movement's battery and consumption, a
//! smartwatch's battery health and functional checks. A watch may have several (a mechanical
//! diver has timegrapher readings and a water test).
//!
//! Every figure is an integer in a fixed unit, never a float, so a reading is stored, compared
//! and printed exactly:
//!
//! | figure | unit | accepted |
//! |---|---|---|
//! | rate, mechanical and quartz | tenths of a second a day: +6.0 s/d is 60 | -999.9 to +999.9 s/d |
//! | amplitude | whole degrees | 100 to 360 |
//! | beat error | hundredths of a millisecond: 0.6 ms is 60 | 0 to 9.9 ms |
//! | beat rate | beats an hour | a step of 1800 from 7200 to 72000 |
//! | lift angle | whole degrees | 30 to 70 |
//! | test pressure | hundredths of a bar | above 0; at most 30 (dry air), 1 (vacuum), 200 (wet) |
//! | leak rate | hundredths of its unit (µg/min or mbar/min) | 0 to 10000 |
//! | battery voltage | millivolts | 0 to 5 V |
//! | current consumption | nanoamperes | 0 to 1000 µA |
//! | battery health | percent | 0 to 100 |
//!
//! A quartz rate is in seconds a day like a mechanical one, so one rule reads, checks and
//! prints both; a month is 30 days (±0.5 s/d is ±15 s a month).
//!
//! Staff's text is read by [`ReadingsForm::validated`] with the `parse_*` functions of
//! [`figures`] (rounded to the unit, halves away from zero); the shop's [`Tolerances`] turn
//! readings into [`ReadingWarning`]s; [`Readings::table`] and [`comparison`] are the rows a
//! screen or the Collection Notice prints, with the `format_*` functions.

pub mod figures;
mod form;
mod table;
mod tolerance;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use figures::{
    format_amplitude, format_amplitude_drop, format_battery_health, format_beat_error, format_beat_rate,
    format_current, format_delta, format_leak_rate, format_lift_angle, format_pressure, format_rate, format_voltage,
    is_beat_rate, parse_amplitude, parse_battery_health, parse_beat_error, parse_beat_rate, parse_current,
    parse_leak_rate, parse_lift_angle, parse_pressure, parse_rate, parse_voltage, rate_figure,
};
pub use form::{MechanicalForm, QuartzForm, ReadingsForm, SmartwatchForm, WaterForm};
pub use table::{comparison, ComparisonRow, ReadingRow, NOT_MEASURED};
pub use tolerance::{ReadingWarning, Tolerances};

/// Whether the readings were taken when the watch came in or when the work was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingStage {
    Before,
    After,
}

impl ReadingStage {
    pub const ALL: [ReadingStage; 2] = [ReadingStage::Before, ReadingStage::After];

    pub fn label(self) -> &'static str {
        match self {
            ReadingStage::Before => "Before the work",
            ReadingStage::After => "After the work",
        }
    }
}

/// The positions a watch is timed in. Dial up and dial down are horizontal; the four crown
/// positions are vertical, where the balance pivots rub on their sides and amplitude drops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    DialUp,
    DialDown,
    CrownUp,
    CrownDown,
    CrownLeft,
    CrownRight,
}

impl Position {
    pub const ALL: [Position; 6] = [
        Position::DialUp,
        Position::DialDown,
        Position::CrownUp,
        Position::CrownDown,
        Position::CrownLeft,
        Position::CrownRight,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Position::DialUp => "Dial up",
            Position::DialDown => "Dial down",
            Position::CrownUp => "Crown up",
            Position::CrownDown => "Crown down",
            Position::CrownLeft => "Crown left",
            Position::CrownRight => "Crown right",
        }
    }

    /// The bench's shorthand, for narrow tables: DU, DD, CU, CD, CL, CR.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Position::DialUp => "DU",
            Position::DialDown => "DD",
            Position::CrownUp => "CU",
            Position::CrownDown => "CD",
            Position::CrownLeft => "CL",
            Position::CrownRight => "CR",
        }
    }

    /// The last part of a field's key, as serde spells the position: `readings.rate.dial_up`.
    pub fn key(self) -> &'static str {
        match self {
            Position::DialUp => "dial_up",
            Position::DialDown => "dial_down",
            Position::CrownUp => "crown_up",
            Position::CrownDown => "crown_down",
            Position::CrownLeft => "crown_left",
            Position::CrownRight => "crown_right",
        }
    }

    pub fn is_vertical(self) -> bool {
        !matches!(self, Position::DialUp | Position::DialDown)
    }
}

/// One figure for each of the six positions: `Option` in readings (any subset may be
/// measured), the typed text in a form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "T: Deserialize<'de> + Default"))]
pub struct ByPosition<T> {
    pub dial_up: T,
    pub dial_down: T,
    pub crown_up: T,
    pub crown_down: T,
    pub crown_left: T,
    pub crown_right: T,
}

impl<T> ByPosition<T> {
    pub fn from_fn(mut figure: impl FnMut(Position) -> T) -> Self {
        ByPosition {
            dial_up: figure(Position::DialUp),
            dial_down: figure(Position::DialDown),
            crown_up: figure(Position::CrownUp),
            crown_down: figure(Position::CrownDown),
            crown_left: figure(Position::CrownLeft),
            crown_right: figure(Position::CrownRight),
        }
    }

    pub fn get(&self, position: Position) -> &T {
        match position {
            Position::DialUp => &self.dial_up,
            Position::DialDown => &self.dial_down,
            Position::CrownUp => &self.crown_up,
            Position::CrownDown => &self.crown_down,
            Position::CrownLeft => &self.crown_left,
            Position::CrownRight => &self.crown_right,
        }
    }
}

impl<T: Copy> ByPosition<Option<T>> {
    /// The positions measured and their figures, in the order of [`Position::ALL`].
    pub fn measured(&self) -> impl Iterator<Item = (Position, T)> + '_ {
        Position::ALL.into_iter().filter_map(|p| self.get(p).map(|figure| (p, figure)))
    }
}

/// A mechanical movement on the timegrapher.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MechanicalReadings {
    /// Tenths of a second a day, gaining positive, in each position measured.
    pub rate: ByPosition<Option<i32>>,
    /// Whole degrees; usually dial up and one vertical position.
    pub amplitude: ByPosition<Option<u16>>,
    /// Hundredths of a millisecond.
    pub beat_error: Option<u16>,
    /// Beats an hour.
    pub beat_rate: Option<u32>,
    /// Whole degrees, as set on the timegrapher: the amplitude it shows depends on it.
    pub lift_angle: Option<u16>,
    /// The instrument, e.g. "Witschi Chronoscope S1"; empty when not said.
    #[serde(default)]
    pub timegrapher: String,
}

impl MechanicalReadings {
    /// The mean of the rates measured, rounded to the tenth half away from zero; `None` with
    /// fewer than two positions (one rate is not a mean).
    pub fn mean_rate(&self) -> Option<i32> {
        let rates: Vec<i64> = self.rate.measured().map(|(_, r)| i64::from(r)).collect();
        if rates.len() < 2 {
            return None;
        }
        let (sum, count) = (rates.iter().sum::<i64>(), rates.len() as i64);
        let mean = (2 * sum.abs() + count) / (2 * count);
        i32::try_from(if sum < 0 { -mean } else { mean }).ok()
    }

    /// The delta: the fastest position's rate minus the slowest's; `None` with fewer than two.
    pub fn delta(&self) -> Option<i32> {
        let rates: Vec<i32> = self.rate.measured().map(|(_, r)| r).collect();
        match rates.len() {
            0 | 1 => None,
            _ => Some(rates.iter().max()? - rates.iter().min()?),
        }
    }

    /// How far the amplitude falls from dial up to the lowest vertical position measured (a
    /// worn pivot shows as a large drop); `None` unless dial up and a vertical were measured.
    pub fn amplitude_drop(&self) -> Option<i32> {
        let dial_up = self.amplitude.dial_up?;
        let lowest_vertical = self.amplitude.measured().filter(|(p, _)| p.is_vertical()).map(|(_, a)| a).min()?;
        Some(i32::from(dial_up) - i32::from(lowest_vertical))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaterTestKind {
    /// The case is pressed with air and a probe watches it deform: the movement stays in.
    #[default]
    DryAir,
    /// Air is drawn out around the case (entered as how far below the air around it).
    Vacuum,
    /// In a chamber of water, for divers and cases tested without their movement.
    Wet,
}

impl WaterTestKind {
    pub const ALL: [WaterTestKind; 3] = [WaterTestKind::DryAir, WaterTestKind::Vacuum, WaterTestKind::Wet];

    pub fn label(self) -> &'static str {
        match self {
            WaterTestKind::DryAir => "Dry air pressure",
            WaterTestKind::Vacuum => "Vacuum",
            WaterTestKind::Wet => "Wet",
        }
    }

    /// The test in a sentence: "the watch failed the dry air pressure test".
    pub fn noun(self) -> &'static str {
        match self {
            WaterTestKind::DryAir => "dry air pressure test",
            WaterTestKind::Vacuum => "vacuum test",
            WaterTestKind::Wet => "wet test",
        }
    }

    /// In hundredths of a bar. Dry testers reach 10 to 20 bar; a vacuum cannot pull more than
    /// the air's 1 bar; a wet chamber tests divers to 125% of their rating (a 1000 m diver
    /// at 125 bar).
    pub fn highest_pressure(self) -> u32 {
        match self {
            WaterTestKind::DryAir => 3_000,
            WaterTestKind::Vacuum => 100,
            WaterTestKind::Wet => 20_000,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
}

impl Outcome {
    pub const ALL: [Outcome; 2] = [Outcome::Passed, Outcome::Failed];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Passed => "Passed",
            Outcome::Failed => "Failed",
        }
    }
}

/// The unit a dry tester reports a leak in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakUnit {
    /// Micrograms of air a minute: ISO 22810's unit (a case fails at 50), as Witschi's
    /// ProofMaster reports it.
    #[default]
    MicrogramsPerMinute,
    /// The chamber's pressure drop, as simpler testers report it.
    MillibarPerMinute,
}

impl LeakUnit {
    pub const ALL: [LeakUnit; 2] = [LeakUnit::MicrogramsPerMinute, LeakUnit::MillibarPerMinute];

    pub fn symbol(self) -> &'static str {
        match self {
            LeakUnit::MicrogramsPerMinute => "µg/min",
            LeakUnit::MillibarPerMinute => "mbar/min",
        }
    }

    /// How staff may type the unit after the figure.
    fn spellings(self) -> &'static [&'static str] {
        match self {
            LeakUnit::MicrogramsPerMinute => &["µg/min", "ug/min"],
            LeakUnit::MillibarPerMinute => &["mbar/min"],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeakRate {
    /// Hundredths of `unit`.
    pub hundredths: u32,
    pub unit: LeakUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaterTest {
    pub kind: WaterTestKind,
    /// Hundredths of a bar, above 0: for a vacuum, how far below the air around the watch.
    pub pressure: u32,
    pub outcome: Outcome,
    pub leak_rate: Option<LeakRate>,
}

/// A quartz movement on the tester.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuartzReadings {
    /// Millivolts.
    pub battery_voltage: Option<u32>,
    /// Nanoamperes.
    pub current: Option<u32>,
    /// Tenths of a second a day, like a mechanical rate.
    pub rate: Option<i32>,
}

/// The functions a smartwatch is checked for, in the order the bench goes through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmartCheck {
    Display,
    Touch,
    Buttons,
    HeartRateSensor,
    Charging,
    BluetoothPairing,
    Vibration,
    Gps,
    Speaker,
    Microphone,
}

impl SmartCheck {
    pub const ALL: [SmartCheck; 10] = [
        SmartCheck::Display,
        SmartCheck::Touch,
        SmartCheck::Buttons,
        SmartCheck::HeartRateSensor,
        SmartCheck::Charging,
        SmartCheck::BluetoothPairing,
        SmartCheck::Vibration,
        SmartCheck::Gps,
        SmartCheck::Speaker,
        SmartCheck::Microphone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SmartCheck::Display => "Display",
            SmartCheck::Touch => "Touch screen",
            SmartCheck::Buttons => "Buttons",
            SmartCheck::HeartRateSensor => "Heart-rate sensor",
            SmartCheck::Charging => "Charging",
            SmartCheck::BluetoothPairing => "Bluetooth pairing",
            SmartCheck::Vibration => "Vibration",
            SmartCheck::Gps => "GPS",
            SmartCheck::Speaker => "Speaker",
            SmartCheck::Microphone => "Microphone",
        }
    }

    /// The last part of the field's key: `readings.smart.checks.heart_rate_sensor`.
    pub fn key(self) -> &'static str {
        match self {
            SmartCheck::Display => "display",
            SmartCheck::Touch => "touch",
            SmartCheck::Buttons => "buttons",
            SmartCheck::HeartRateSensor => "heart_rate_sensor",
            SmartCheck::Charging => "charging",
            SmartCheck::BluetoothPairing => "bluetooth_pairing",
            SmartCheck::Vibration => "vibration",
            SmartCheck::Gps => "gps",
            SmartCheck::Speaker => "speaker",
            SmartCheck::Microphone => "microphone",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub check: SmartCheck,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmartwatchChecks {
    /// Percent of the battery's design capacity, as the watch or its app reports it.
    pub battery_health: Option<u8>,
    /// As the watch shows it, e.g. "2.1.40"; empty when not read.
    #[serde(default)]
    pub firmware: String,
    /// The checks done, each once, in the order of [`SmartCheck::ALL`].
    #[serde(default)]
    pub checks: Vec<CheckResult>,
    #[serde(default)]
    pub note: String,
}

/// One set of bench readings. The store stamps when they were taken and by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readings {
    pub stage: ReadingStage,
    #[serde(default)]
    pub mechanical: Option<MechanicalReadings>,
    #[serde(default)]
    pub water: Option<WaterTest>,
    #[serde(default)]
    pub quartz: Option<QuartzReadings>,
    #[serde(default)]
    pub smart: Option<SmartwatchChecks>,
    #[serde(default)]
    pub note: String,
}
