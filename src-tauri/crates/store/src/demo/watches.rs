//! The demo's bench readings: the Tudor's at its first service (out of tolerance before, in
//! after) and as it came in again, and the Presage's at its service and after its fall, so the watch pages show
//! readings over time and figures outside the shop's tolerances.

use caseback_domain::readings::{ByPosition, MechanicalForm, ReadingStage, ReadingsForm};
use jiff::Timestamp;

use crate::error::Result;
use crate::Shop;

/// A timegrapher's readings: rates dial up and crown down (s/d), amplitude dial up (°), beat error (ms).
fn timegrapher(
    stage: ReadingStage,
    rates: (&str, &str),
    amplitude: &str,
    beat_error: &str,
    note: &str,
) -> ReadingsForm {
    ReadingsForm {
        stage,
        mechanical: Some(MechanicalForm {
            rate: ByPosition { dial_up: rates.0.into(), crown_down: rates.1.into(), ..ByPosition::default() },
            amplitude: ByPosition { dial_up: amplitude.into(), ..ByPosition::default() },
            beat_error: beat_error.into(),
            beat_rate: "28800".into(),
            lift_angle: "52".into(),
            timegrapher: "Witschi Chronoscope S1".into(),
        }),
        water: None,
        quartz: None,
        smart: None,
        note: note.into(),
    }
}

pub(super) fn add_readings(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let by = shop.staff()?[1].id; // the watchmaker
    let ago = |days: i64| now.checked_sub(jiff::SignedDuration::from_hours(24 * days)).unwrap_or(now);
    for (serial, readings) in [
        (
            "M79030N-0001",
            vec![
                (
                    490,
                    timegrapher(ReadingStage::Before, ("-14", "-22"), "215", "0.9", "Dry lubrication; amplitude low."),
                ),
                (471, timegrapher(ReadingStage::After, ("+3", "+1"), "290", "0.2", "")),
                (13, timegrapher(ReadingStage::Before, ("+8", "+5"), "240", "0.5", "Bezel spring worn.")),
            ],
        ),
        (
            "4R35-01T0",
            vec![
                (120, timegrapher(ReadingStage::Before, ("-9", "-16"), "245", "0.7", "Due for its service.")),
                (112, timegrapher(ReadingStage::After, ("+2", "+1"), "295", "0.2", "")),
                (6, timegrapher(ReadingStage::Before, ("-40", "-35"), "190", "1.2", "After a fall.")),
            ],
        ),
    ] {
        // The watch's tickets, oldest first; each set of readings goes to the one open then.
        let mut tickets = shop.serial_tickets(serial)?;
        tickets.sort_by_key(|t| t.received_on);
        for (days, form) in readings {
            let at = ago(days);
            let day = shop.settings()?.today(at);
            if let Some(t) = tickets.iter().rev().find(|t| t.received_on <= day) {
                shop.record_readings(by, t.id, &form, at)?;
            }
        }
    }
    Ok(())
}
