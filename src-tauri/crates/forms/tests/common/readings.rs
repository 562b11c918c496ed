//! The Seiko's bench readings before and after its full service, as staff type them on the
//! readings form, and the shop's warranty on the service.

use caseback_domain::assessment::{Assessment, CoveredReason, WarrantyDecision};
use caseback_domain::papers::TicketPapers;
use caseback_domain::readings::{ByPosition, MechanicalForm, ReadingStage, Readings, ReadingsForm};
use caseback_domain::service_warranty::{ServiceWarranty, WorkKind};
use caseback_domain::ticket::TicketNumber;
use jiff::civil::{date, Date};

/// Dial up gains 9 seconds a day after the work: outside the default -4/+6 s/d.
pub const FAST_DIAL_UP: &str = "+9.0 s/d";
/// The six rates after the work average to this.
pub const MEAN_AFTER: &str = "+4.0 s/d";
pub const RUNS_FAST: &str = "Dial up runs a little fast; on the wrist the watch keeps about +4 s/d.";

fn by_position(figures: [&str; 6]) -> ByPosition<String> {
    let [dial_up, dial_down, crown_up, crown_down, crown_left, crown_right] = figures.map(str::to_string);
    ByPosition { dial_up, dial_down, crown_up, crown_down, crown_left, crown_right }
}

fn amplitudes(dial_up: &str, crown_down: &str) -> ByPosition<String> {
    ByPosition { dial_up: dial_up.into(), crown_down: crown_down.into(), ..ByPosition::default() }
}

/// As it came in: losing about 40 seconds a day, low amplitude, a worn mainspring.
pub fn before_the_work() -> Readings {
    ReadingsForm {
        stage: ReadingStage::Before,
        mechanical: Some(MechanicalForm {
            rate: by_position(["-38.0", "-35.5", "-52", "-41", "-47.5", "-44"]),
            amplitude: amplitudes("198", "165"),
            beat_error: "1.2".into(),
            beat_rate: "21600".into(),
            lift_angle: "53".into(),
            timegrapher: String::new(),
        }),
        water: None,
        quartz: None,
        smart: None,
        note: String::new(),
    }
    .validated()
    .expect("valid readings")
}

/// After the service: every rate within tolerance but dial up, at [`FAST_DIAL_UP`].
pub fn after_the_work() -> Readings {
    ReadingsForm {
        stage: ReadingStage::After,
        mechanical: Some(MechanicalForm {
            rate: by_position(["+9.0", "+5", "+2", "+3", "+1", "+4"]),
            amplitude: amplitudes("285", "255"),
            beat_error: "0.3".into(),
            beat_rate: "21600".into(),
            lift_angle: "53".into(),
            timegrapher: "Witschi Chronoscope S1".into(),
        }),
        water: None,
        quartz: None,
        smart: None,
        note: RUNS_FAST.into(),
    }
    .validated()
    .expect("valid readings")
}

pub const SERVICED_ON: Date = date(2026, 11, 29);

/// A year's warranty on the full service completed on [`SERVICED_ON`].
pub fn full_service_warranty() -> ServiceWarranty {
    ServiceWarranty { kind: WorkKind::FullService, starts_on: SERVICED_ON, ends_on: date(2027, 11, 29), redo_of: None }
}

/// The service redone under the warranty of R-2026-00012, whose dates it keeps.
pub fn redone_service_warranty() -> ServiceWarranty {
    ServiceWarranty {
        kind: WorkKind::FullService,
        starts_on: date(2026, 1, 10),
        ends_on: date(2027, 1, 10),
        redo_of: Some(TicketNumber { branch: None, year: 2026, seq: 12 }),
    }
}

/// `papers` with both readings and the warranty, as the store gathers them after the service.
pub fn after_the_service(papers: TicketPapers) -> TicketPapers {
    TicketPapers {
        readings_before: Some(before_the_work()),
        readings_after: Some(after_the_work()),
        service_warranty: Some(full_service_warranty()),
        ..papers
    }
}

/// `papers` of a repair the manufacturer's warranty covers, so that it has a work order.
pub fn covered(papers: TicketPapers) -> TicketPapers {
    let decision = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
    let findings = "Mainspring broken at the barrel hook; replaced it and serviced the movement.";
    TicketPapers { assessment: Some(Assessment { findings: findings.into(), decision, photos: vec![] }), ..papers }
}
