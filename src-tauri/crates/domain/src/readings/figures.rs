//! Bench figures as staff type them, read into fixed units, and shown back one way on every
//! screen and form.
//!
//! A typed figure may have a sign (`+`, `-` or `−`), a decimal point or a decimal comma
//! ("4,5" is 4.5: a timegrapher's figure never has a thousands separator), and the field's
//! unit after it ("285°", "+4.5 s/d"), so whatever a `format_*` function printed reads back
//! unchanged. More decimals than the unit holds are rounded half away from zero on the typed
//! digits: "-0.05" s/d is -0.1 s/d, "0.04" is 0.0.
//!
//! Each `parse_*` function returns the sentence to show next to the field when the text is
//! not a figure or not a possible reading; the form names the field.

use super::{LeakUnit, WaterTestKind};

/// ±999.9 s/d, in tenths: no timegrapher reads further off.
pub const RATE_LIMIT: i32 = 9_999;
/// Below 100° a balance barely swings and timegraphers stop reading; above 360° it would knock.
pub const AMPLITUDE_LOWEST: u16 = 100;
pub const AMPLITUDE_HIGHEST: u16 = 360;
/// 9.9 ms, in hundredths of a millisecond.
pub const BEAT_ERROR_HIGHEST: u16 = 990;
/// Beat rates are accepted in steps of 1800 bph (a quarter of a hertz), which holds every
/// beat a watch runs at (14400, 16200, 18000, 19800, 21600, 25200, 28800, 36000, 43200…)
/// and refuses a slip of the finger such as 28000.
pub const BEAT_RATE_LOWEST: u32 = 7_200;
pub const BEAT_RATE_HIGHEST: u32 = 72_000;
pub const BEAT_RATE_STEP: u32 = 1_800;
pub const LIFT_ANGLE_LOWEST: u16 = 30;
pub const LIFT_ANGLE_HIGHEST: u16 = 70;
/// 5 V in millivolts: above any watch cell (a smartwatch's lithium cell is 4.2 V full).
pub const VOLTAGE_HIGHEST: u32 = 5_000;
/// 1000 µA in nanoamperes: a quartz movement draws about 1 µA, so a figure near this is a
/// short circuit worth recording, and above it a mistyped unit.
pub const CURRENT_HIGHEST: u32 = 1_000_000;
/// 10,000 of the leak unit, in hundredths: ISO 22810 fails a case at 50 µg/min.
pub const LEAK_RATE_HIGHEST: u32 = 1_000_000;
pub const BATTERY_HEALTH_HIGHEST: u8 = 100;

const DEGREES: &[&str] = &["degrees", "deg", "°"];
const RATE_UNITS: &[&str] = &["s/day", "s/d", "s"];

/// Reads `text` as a count of 10^-`decimals` units, rounded half away from zero; `units` are
/// the suffixes the field's unit may be typed as. `None` when it is not a number. A number
/// too large for any reading comes back as `i64::MAX` (or `MIN`), out of every range.
fn read(text: &str, decimals: u32, units: &[&str]) -> Option<i64> {
    let text = strip_unit(text.trim(), units).trim_end();
    let (negative, body) = if let Some(rest) = text.strip_prefix('+') {
        (false, rest)
    } else if let Some(rest) = text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        (true, rest)
    } else {
        (false, text)
    };
    let body = body.trim_start();
    let (whole, fraction) = body.split_once(['.', ',']).unwrap_or((body, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 15 {
        return Some(if negative { i64::MIN } else { i64::MAX });
    }
    let mut count: i64 = whole.parse().unwrap_or(0);
    let fraction = fraction.as_bytes();
    for i in 0..decimals as usize {
        count = count * 10 + fraction.get(i).map_or(0, |d| i64::from(d - b'0'));
    }
    if fraction.get(decimals as usize).is_some_and(|d| *d >= b'5') {
        count += 1;
    }
    Some(if negative { -count } else { count })
}

fn strip_unit<'a>(text: &'a str, units: &[&str]) -> &'a str {
    for unit in units {
        let Some(start) = text.len().checked_sub(unit.len()) else { continue };
        if text.is_char_boundary(start) && text[start..].eq_ignore_ascii_case(unit) {
            return &text[..start];
        }
    }
    text
}

fn ends_with_unit(text: &str, unit: &str) -> bool {
    strip_unit(text.trim(), &[unit]).len() != text.trim().len()
}

/// `value` in 10^-`decimals` units, with at least `shown` decimals: (1550, 3, 2) is "1.55".
fn decimal(value: u64, decimals: u32, shown: usize) -> String {
    let scale = 10u64.pow(decimals);
    let mut digits = format!("{:0width$}", value % scale, width = decimals as usize);
    while digits.len() > shown && digits.ends_with('0') {
        digits.pop();
    }
    match digits.is_empty() {
        true => (value / scale).to_string(),
        false => format!("{}.{digits}", value / scale),
    }
}

fn in_range<T: TryFrom<i64> + Into<i64> + Copy>(count: i64, lowest: T, highest: T) -> Option<T> {
    match (lowest.into()..=highest.into()).contains(&count) {
        true => T::try_from(count).ok(),
        false => None,
    }
}

/// A rate in tenths of a second a day with its sign, without the unit: "+4.5", "-3.0", "0.0".
pub fn rate_figure(tenths: i32) -> String {
    let sign = match tenths {
        t if t > 0 => "+",
        t if t < 0 => "-",
        _ => "",
    };
    format!("{sign}{}", decimal(u64::from(tenths.unsigned_abs()), 1, 1))
}

/// "+4.5 s/d", "-3.0 s/d", "0.0 s/d".
pub fn format_rate(tenths: i32) -> String {
    format!("{} s/d", rate_figure(tenths))
}

/// A spread between rates, which has no sign: "10.0 s/d".
pub fn format_delta(tenths: i32) -> String {
    format!("{} s/d", decimal(u64::from(tenths.unsigned_abs()), 1, 1))
}

/// "+4.5", "-2,5", "4.5 s/d" → tenths of a second a day (45, -25, 45).
pub fn parse_rate(text: &str) -> Result<i32, String> {
    let tenths = read(text, 1, RATE_UNITS).ok_or("Enter the rate as a number of seconds a day, such as +4 or -2.5.")?;
    in_range(tenths, -RATE_LIMIT, RATE_LIMIT)
        .ok_or_else(|| format!("Rate is between -999.9 and +999.9 s/d ({} is not a reading).", text.trim()))
}

/// "285°".
pub fn format_amplitude(degrees: u16) -> String {
    format!("{degrees}°")
}

/// "280", "280°" → whole degrees, 100 to 360.
pub fn parse_amplitude(text: &str) -> Result<u16, String> {
    let degrees = read(text, 0, DEGREES).ok_or("Enter the amplitude in whole degrees, such as 280.")?;
    in_range(degrees, AMPLITUDE_LOWEST, AMPLITUDE_HIGHEST)
        .ok_or_else(|| format!("Amplitude is between 100 and 360 degrees ({} is not a reading).", text.trim()))
}

/// The difference between two amplitudes, which may be negative: "35°", "-5°".
pub fn format_amplitude_drop(degrees: i32) -> String {
    format!("{degrees}°")
}

/// Hundredths of a millisecond as a timegrapher shows them: "0.4 ms", "0.45 ms".
pub fn format_beat_error(hundredths: u16) -> String {
    format!("{} ms", decimal(u64::from(hundredths), 2, 1))
}

/// "0.4", "0,45 ms" → hundredths of a millisecond, 0 to 9.9 ms.
pub fn parse_beat_error(text: &str) -> Result<u16, String> {
    let hundredths = read(text, 2, &["ms"]).ok_or("Enter the beat error in milliseconds, such as 0.4.")?;
    in_range(hundredths, 0, BEAT_ERROR_HIGHEST)
        .ok_or_else(|| format!("Beat error is between 0.0 and 9.9 ms ({} is not a reading).", text.trim()))
}

/// Whether a watch can beat at `bph`: a step of 1800 from 7200 to 72000.
pub fn is_beat_rate(bph: u32) -> bool {
    (BEAT_RATE_LOWEST..=BEAT_RATE_HIGHEST).contains(&bph) && bph.is_multiple_of(BEAT_RATE_STEP)
}

/// "28800 bph" (no thousands separator: the figure reads the same in every shop's style).
pub fn format_beat_rate(bph: u32) -> String {
    format!("{bph} bph")
}

/// "28800", "28 800", "28,800", "28800 bph" or "4 Hz" → beats an hour. A beat rate is a whole
/// number, so separators between its digits are dropped rather than read as decimals.
pub fn parse_beat_rate(text: &str) -> Result<u32, String> {
    let not_a_number = "Enter the beat rate in beats an hour, such as 28800 (or in hertz, such as 4 Hz).";
    let bph = if ends_with_unit(text, "hz") {
        read(text, 2, &["hz"]).ok_or(not_a_number)?.saturating_mul(72)
    } else {
        let digits: String = strip_unit(text.trim(), &["bph"])
            .chars()
            .filter(|c| !matches!(c, ' ' | ',' | '.' | '\'' | '’' | '\u{a0}' | '\u{202f}'))
            .collect();
        read(&digits, 0, &[]).ok_or(not_a_number)?
    };
    u32::try_from(bph).ok().filter(|b| is_beat_rate(*b)).ok_or_else(|| {
        format!(
            "Beat rate is a step of 1800 between 7200 and 72000 beats an hour, such as 21600 or 28800 \
             ({} is not a beat rate).",
            text.trim()
        )
    })
}

/// "52°".
pub fn format_lift_angle(degrees: u16) -> String {
    format!("{degrees}°")
}

/// "52", "52°" → whole degrees, 30 to 70 ("52.5" rounds to 53).
pub fn parse_lift_angle(text: &str) -> Result<u16, String> {
    let degrees = read(text, 0, DEGREES).ok_or("Enter the lift angle in degrees, such as 52.")?;
    in_range(degrees, LIFT_ANGLE_LOWEST, LIFT_ANGLE_HIGHEST)
        .ok_or_else(|| format!("Lift angle is between 30 and 70 degrees ({} is not a lift angle).", text.trim()))
}

/// Hundredths of a bar: "3.0 bar", "0.7 bar", "2.25 bar".
pub fn format_pressure(hundredths: u32) -> String {
    format!("{} bar", decimal(u64::from(hundredths), 2, 1))
}

/// "3", "0,7", "10 bar" → hundredths of a bar, above 0 and at most the test's highest. A
/// vacuum is entered as how far below the air around the watch it pulls, so never negative.
pub fn parse_pressure(kind: WaterTestKind, text: &str) -> Result<u32, String> {
    let hundredths = read(text, 2, &["bar"]).ok_or("Enter the test pressure in bar, such as 3 or 10.")?;
    if hundredths < 0 {
        return Err(match kind {
            WaterTestKind::Vacuum => "Enter the vacuum without a minus sign: how far below the air around the \
                                      watch the tester pulls, such as 0.7."
                .into(),
            _ => "A test pressure is not negative: enter it in bar, such as 3 or 10.".into(),
        });
    }
    let highest = kind.highest_pressure();
    in_range(hundredths, 1, highest).ok_or_else(|| {
        let typed = text.trim();
        let most = decimal(u64::from(highest), 2, 0);
        match kind {
            WaterTestKind::Vacuum => format!(
                "A vacuum test pulls more than 0 and at most {most} bar below the air around the watch ({typed} \
                 is not a vacuum)."
            ),
            _ => format!("A {} is more than 0 and at most {most} bar ({typed} is not a test pressure).", kind.noun()),
        }
    })
}

/// Hundredths of the unit: "12 µg/min", "0.5 mbar/min".
pub fn format_leak_rate(hundredths: u32, unit: LeakUnit) -> String {
    format!("{} {}", decimal(u64::from(hundredths), 2, 0), unit.symbol())
}

/// "12", "0,5", "12 µg/min" → hundredths of `unit`, 0 to 10,000.
pub fn parse_leak_rate(unit: LeakUnit, text: &str) -> Result<u32, String> {
    let hundredths = read(text, 2, unit.spellings()).ok_or("Enter the leak rate as a number, such as 12 or 0.5.")?;
    in_range(hundredths, 0, LEAK_RATE_HIGHEST).ok_or_else(|| {
        format!("Leak rate is between 0 and 10000 {} ({} is not a reading).", unit.symbol(), text.trim())
    })
}

/// Millivolts as volts, as a multimeter shows them: "1.55 V", "3.00 V", "1.553 V".
pub fn format_voltage(millivolts: u32) -> String {
    format!("{} V", decimal(u64::from(millivolts), 3, 2))
}

/// "1.55", "1,55 V" or "1550 mV" → millivolts, 0 to 5 V.
pub fn parse_voltage(text: &str) -> Result<u32, String> {
    let not_a_number = "Enter the battery voltage in volts, such as 1.55.";
    let millivolts = match ends_with_unit(text, "mv") {
        true => read(text, 0, &["mv"]).ok_or(not_a_number)?,
        false => read(text, 3, &["v"]).ok_or(not_a_number)?,
    };
    in_range(millivolts, 0, VOLTAGE_HIGHEST).ok_or_else(|| {
        format!("Battery voltage is between 0 and 5 V ({} is not a reading: enter volts, such as 1.55).", text.trim())
    })
}

/// Nanoamperes as microamperes, as a movement tester shows them: "0.45 µA", "1.20 µA", "0.125 µA".
pub fn format_current(nanoamperes: u32) -> String {
    format!("{} µA", decimal(u64::from(nanoamperes), 3, 2))
}

/// "0.45", "0,45 µA", "0.45 uA" or "450 nA" → nanoamperes, 0 to 1000 µA.
pub fn parse_current(text: &str) -> Result<u32, String> {
    let not_a_number = "Enter the current consumption in microamperes, such as 0.45.";
    let nanoamperes = match ends_with_unit(text, "na") {
        true => read(text, 0, &["na"]).ok_or(not_a_number)?,
        false => read(text, 3, &["µa", "ua"]).ok_or(not_a_number)?,
    };
    in_range(nanoamperes, 0, CURRENT_HIGHEST)
        .ok_or_else(|| format!("Current consumption is between 0 and 1000 µA ({} is not a reading).", text.trim()))
}

/// "85%".
pub fn format_battery_health(percent: u8) -> String {
    format!("{percent}%")
}

/// "85", "85 %" → a whole percent, 0 to 100.
pub fn parse_battery_health(text: &str) -> Result<u8, String> {
    let percent = read(text, 0, &["%"]).ok_or("Enter the battery health as a percentage, such as 85.")?;
    in_range(percent, 0, BATTERY_HEALTH_HIGHEST)
        .ok_or_else(|| format!("Battery health is between 0 and 100% ({} is not a reading).", text.trim()))
}

/// The bare figures a form field is filled with when readings are edited again: the same
/// digits as the `format_*` functions, without the unit beside the field.
pub(super) mod bare {
    use super::decimal;

    pub fn beat_error(hundredths: u16) -> String {
        decimal(u64::from(hundredths), 2, 1)
    }
    pub fn pressure(hundredths: u32) -> String {
        decimal(u64::from(hundredths), 2, 1)
    }
    pub fn leak_rate(hundredths: u32) -> String {
        decimal(u64::from(hundredths), 2, 0)
    }
    pub fn voltage(millivolts: u32) -> String {
        decimal(u64::from(millivolts), 3, 2)
    }
    pub fn current(nanoamperes: u32) -> String {
        decimal(u64::from(nanoamperes), 3, 2)
    }
}
