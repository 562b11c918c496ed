use proptest::prelude::*;

use super::*;
use crate::DomainError;

fn mechanical(rates: &[(Position, &str)]) -> ReadingsForm {
    let mut form = MechanicalForm::default();
    for (p, typed) in rates {
        let slot = match p {
            Position::DialUp => &mut form.rate.dial_up,
            Position::DialDown => &mut form.rate.dial_down,
            Position::CrownUp => &mut form.rate.crown_up,
            Position::CrownDown => &mut form.rate.crown_down,
            Position::CrownLeft => &mut form.rate.crown_left,
            Position::CrownRight => &mut form.rate.crown_right,
        };
        *slot = typed.to_string();
    }
    ReadingsForm {
        stage: ReadingStage::After,
        mechanical: Some(form),
        water: None,
        quartz: None,
        smart: None,
        note: "".into(),
    }
}

fn after(mechanical: MechanicalReadings) -> Readings {
    Readings {
        stage: ReadingStage::After,
        mechanical: Some(mechanical),
        water: None,
        quartz: None,
        smart: None,
        note: "".into(),
    }
}

fn with_rates(rates: &[(Position, i32)]) -> MechanicalReadings {
    MechanicalReadings {
        rate: ByPosition::from_fn(|p| rates.iter().find(|(q, _)| *q == p).map(|(_, r)| *r)),
        ..MechanicalReadings::default()
    }
}

fn fields(warnings: &[ReadingWarning]) -> Vec<&str> {
    warnings.iter().map(|w| w.field.as_str()).collect()
}

fn error_fields(e: &DomainError) -> Vec<&str> {
    e.fields().iter().map(|f| f.field.as_str()).collect()
}

fn message_at<'a>(e: &'a DomainError, field: &str) -> &'a str {
    &e.fields().iter().find(|f| f.field == field).unwrap_or_else(|| panic!("no error at {field}: {e:?}")).message
}

#[test]
fn rates_are_read_in_tenths_with_a_point_or_a_comma_and_rounded_half_away_from_zero() {
    assert_eq!(parse_rate("+4.5"), Ok(45));
    assert_eq!(parse_rate("4,5"), Ok(45));
    assert_eq!(parse_rate("-3"), Ok(-30));
    assert_eq!(parse_rate(" −2.5 s/d "), Ok(-25));
    assert_eq!(parse_rate("+6.0 s/d"), Ok(60));
    assert_eq!(parse_rate(".5"), Ok(5));
    assert_eq!(parse_rate("-0.05"), Ok(-1));
    assert_eq!(parse_rate("0.05"), Ok(1));
    assert_eq!(parse_rate("-0.04"), Ok(0));
    assert_eq!(parse_rate("4.449"), Ok(44));
    assert_eq!(parse_rate("4.45"), Ok(45));
    assert_eq!(parse_rate("999.9"), Ok(9_999));
    assert_eq!(parse_rate("-999.94"), Ok(-9_999));
    assert_eq!(parse_rate("-999.95").unwrap_err(), "Rate is between -999.9 and +999.9 s/d (-999.95 is not a reading).");
    assert!(parse_rate("99999999999999999999999").is_err());
    for not_a_number in ["abc", "4.5.1", "4,5,1", "+", "", "4 5", "1e3", "+-4", "4s/d/d"] {
        assert_eq!(
            parse_rate(not_a_number).unwrap_err(),
            "Enter the rate as a number of seconds a day, such as +4 or -2.5.",
            "{not_a_number:?}"
        );
    }
}

#[test]
fn figures_print_one_way() {
    assert_eq!(format_rate(45), "+4.5 s/d");
    assert_eq!(format_rate(-30), "-3.0 s/d");
    assert_eq!(format_rate(0), "0.0 s/d");
    assert_eq!(format_delta(100), "10.0 s/d");
    assert_eq!(format_amplitude(285), "285°");
    assert_eq!(format_beat_error(40), "0.4 ms");
    assert_eq!(format_beat_error(45), "0.45 ms");
    assert_eq!(format_beat_error(0), "0.0 ms");
    assert_eq!(format_beat_rate(28_800), "28800 bph");
    assert_eq!(format_lift_angle(52), "52°");
    assert_eq!(format_pressure(300), "3.0 bar");
    assert_eq!(format_pressure(70), "0.7 bar");
    assert_eq!(format_pressure(225), "2.25 bar");
    assert_eq!(format_leak_rate(1_200, LeakUnit::MicrogramsPerMinute), "12 µg/min");
    assert_eq!(format_leak_rate(50, LeakUnit::MillibarPerMinute), "0.5 mbar/min");
    assert_eq!(format_voltage(1_550), "1.55 V");
    assert_eq!(format_voltage(3_000), "3.00 V");
    assert_eq!(format_voltage(1_553), "1.553 V");
    assert_eq!(format_current(450), "0.45 µA");
    assert_eq!(format_current(125), "0.125 µA");
    assert_eq!(format_battery_health(85), "85%");
}

#[test]
fn each_figure_reads_what_staff_type_and_refuses_the_impossible_with_its_range() {
    assert_eq!(parse_amplitude("280"), Ok(280));
    assert_eq!(parse_amplitude("285°"), Ok(285));
    assert_eq!(parse_amplitude("279.5"), Ok(280));
    assert_eq!(parse_amplitude("100"), Ok(100));
    assert_eq!(parse_amplitude("360"), Ok(360));
    assert_eq!(parse_amplitude("900").unwrap_err(), "Amplitude is between 100 and 360 degrees (900 is not a reading).");
    assert!(parse_amplitude("99").is_err());
    assert_eq!(parse_amplitude("lots").unwrap_err(), "Enter the amplitude in whole degrees, such as 280.");

    assert_eq!(parse_beat_error("0.4"), Ok(40));
    assert_eq!(parse_beat_error("0,45 ms"), Ok(45));
    assert_eq!(parse_beat_error("0.005"), Ok(1));
    assert_eq!(parse_beat_error("9.9"), Ok(990));
    assert_eq!(parse_beat_error("10").unwrap_err(), "Beat error is between 0.0 and 9.9 ms (10 is not a reading).");
    assert!(parse_beat_error("-0.1").is_err());

    for (typed, bph) in [("28800", 28_800), ("28 800", 28_800), ("28,800", 28_800), ("21600 bph", 21_600)] {
        assert_eq!(parse_beat_rate(typed), Ok(bph), "{typed}");
    }
    assert_eq!(parse_beat_rate("4 Hz"), Ok(28_800));
    assert_eq!(parse_beat_rate("2.75hz"), Ok(19_800));
    for standard in [14_400, 16_200, 18_000, 19_800, 21_600, 25_200, 28_800, 36_000, 43_200, 72_000, 7_200] {
        assert!(is_beat_rate(standard), "{standard}");
    }
    assert!(parse_beat_rate("28000").unwrap_err().contains("(28000 is not a beat rate)"));
    assert!(parse_beat_rate("5400").is_err());
    assert!(parse_beat_rate("73800").is_err());
    assert!(parse_beat_rate("fast").unwrap_err().starts_with("Enter the beat rate in beats an hour"));

    assert_eq!(parse_lift_angle("52"), Ok(52));
    assert_eq!(parse_lift_angle("52.5°"), Ok(53));
    assert!(parse_lift_angle("29").is_err() && parse_lift_angle("71").is_err());

    assert_eq!(parse_pressure(WaterTestKind::DryAir, "3"), Ok(300));
    assert_eq!(parse_pressure(WaterTestKind::DryAir, "0,7 bar"), Ok(70));
    assert_eq!(parse_pressure(WaterTestKind::DryAir, "30"), Ok(3_000));
    assert_eq!(
        parse_pressure(WaterTestKind::DryAir, "31").unwrap_err(),
        "A dry air pressure test is more than 0 and at most 30 bar (31 is not a test pressure)."
    );
    assert!(parse_pressure(WaterTestKind::DryAir, "0").is_err());
    assert!(parse_pressure(WaterTestKind::DryAir, "-3").unwrap_err().contains("not negative"));
    assert!(parse_pressure(WaterTestKind::Vacuum, "-0.7").unwrap_err().contains("without a minus sign"));
    assert_eq!(parse_pressure(WaterTestKind::Vacuum, "0.7"), Ok(70));
    assert!(parse_pressure(WaterTestKind::Vacuum, "2").unwrap_err().contains("at most 1 bar"));
    assert_eq!(parse_pressure(WaterTestKind::Wet, "125"), Ok(12_500));

    assert_eq!(parse_leak_rate(LeakUnit::MicrogramsPerMinute, "12 µg/min"), Ok(1_200));
    assert_eq!(parse_leak_rate(LeakUnit::MillibarPerMinute, "0,5"), Ok(50));
    assert!(parse_leak_rate(LeakUnit::MicrogramsPerMinute, "-1").is_err());

    assert_eq!(parse_voltage("1.55"), Ok(1_550));
    assert_eq!(parse_voltage("1,55 V"), Ok(1_550));
    assert_eq!(parse_voltage("1550 mV"), Ok(1_550));
    assert!(parse_voltage("1550").unwrap_err().contains("enter volts, such as 1.55"));
    assert_eq!(parse_current("0.45"), Ok(450));
    assert_eq!(parse_current("0.45 uA"), Ok(450));
    assert_eq!(parse_current("450 nA"), Ok(450));
    assert!(parse_current("1000.001").is_err());
    assert_eq!(parse_battery_health("85 %"), Ok(85));
    assert_eq!(parse_battery_health("100"), Ok(100));
    assert_eq!(
        parse_battery_health("101").unwrap_err(),
        "Battery health is between 0 and 100% (101 is not a reading)."
    );
}

#[test]
fn the_rate_window_holds_its_edges() {
    let t = Tolerances::default();
    let reading = |rate| after(with_rates(&[(Position::DialUp, rate)]));
    assert!(reading(60).warnings(&t).is_empty(), "+6.0 is within -4/+6");
    assert!(reading(-40).warnings(&t).is_empty());
    let fast = reading(61).warnings(&t);
    assert_eq!(fields(&fast), ["readings.rate.dial_up"]);
    assert_eq!(fast[0].message, "Rate dial up +6.1 s/d is outside the shop's -4.0 to +6.0 s/d.");
    assert_eq!(fields(&reading(-41).warnings(&t)), ["readings.rate.dial_up"]);
    let eight = after(with_rates(&[(Position::CrownDown, 80)])).warnings(&t);
    assert_eq!(eight[0].message, "Rate crown down +8.0 s/d is outside the shop's -4.0 to +6.0 s/d.");
}

#[test]
fn amplitude_250_is_in_and_249_out_and_beat_error_must_be_under_the_limit() {
    let t = Tolerances::default();
    let with = |amplitude, beat_error| {
        let mut m = MechanicalReadings::default();
        m.amplitude.dial_up = Some(amplitude);
        m.beat_error = Some(beat_error);
        after(m).warnings(&t)
    };
    assert!(with(250, 50).is_empty());
    let low = with(249, 50);
    assert_eq!(fields(&low), ["readings.amplitude.dial_up"]);
    assert_eq!(low[0].message, "Amplitude dial up 249° is below the shop's least of 250°.");
    let beat = with(250, 60);
    assert_eq!(fields(&beat), ["readings.beat_error"]);
    assert_eq!(beat[0].message, "Beat error 0.6 ms is not under the shop's 0.6 ms.");
    assert!(with(250, 59).is_empty());
}

#[test]
fn mean_rate_and_delta_over_two_five_and_six_positions() {
    use Position::*;
    let two = with_rates(&[(DialUp, 20), (CrownDown, -10)]);
    assert_eq!(two.mean_rate(), Some(5));
    assert_eq!(two.delta(), Some(30));
    let five = with_rates(&[(DialUp, 30), (DialDown, 40), (CrownUp, -20), (CrownDown, 10), (CrownLeft, 0)]);
    assert_eq!(five.mean_rate(), Some(12)); // 60 / 5
    assert_eq!(five.delta(), Some(60));
    let six =
        with_rates(&[(DialUp, 30), (DialDown, 40), (CrownUp, -20), (CrownDown, 10), (CrownLeft, 0), (CrownRight, -5)]);
    assert_eq!(six.mean_rate(), Some(9)); // 55 / 6 = 9.17
    assert_eq!(six.delta(), Some(60));
    // Halves of a tenth round away from zero, on either side.
    assert_eq!(with_rates(&[(DialUp, 1), (DialDown, 2)]).mean_rate(), Some(2));
    assert_eq!(with_rates(&[(DialUp, -1), (DialDown, -2)]).mean_rate(), Some(-2));
}

#[test]
fn derived_figures_need_two_positions_or_a_vertical() {
    let one = with_rates(&[(Position::DialUp, 45)]);
    assert_eq!((one.mean_rate(), one.delta()), (None, None));
    assert_eq!(with_rates(&[]).mean_rate(), None);
    let mut m = MechanicalReadings::default();
    m.amplitude.dial_up = Some(290);
    assert_eq!(m.amplitude_drop(), None);
    m.amplitude.dial_down = Some(280);
    assert_eq!(m.amplitude_drop(), None, "dial down is horizontal too");
    m.amplitude.crown_down = Some(260);
    m.amplitude.crown_left = Some(250);
    assert_eq!(m.amplitude_drop(), Some(40), "the largest drop: to the lowest vertical");
    m.amplitude.dial_up = None;
    assert_eq!(m.amplitude_drop(), None);
}

#[test]
fn a_wide_delta_warns_when_the_shop_widens_the_rate_window() {
    let t = Tolerances { rate_min: -100, rate_max: 150, ..Tolerances::default() };
    let m = with_rates(&[(Position::DialUp, 120), (Position::CrownDown, -10)]);
    let warnings = after(m).warnings(&t);
    assert_eq!(fields(&warnings), ["readings.rate.delta"]);
    assert_eq!(warnings[0].message, "The delta between positions, 13.0 s/d, is more than the shop's 10.0 s/d.");
}

#[test]
fn a_failed_water_test_is_always_a_warning() {
    let test = |outcome| Readings {
        stage: ReadingStage::After,
        mechanical: None,
        water: Some(WaterTest { kind: WaterTestKind::DryAir, pressure: 300, outcome, leak_rate: None }),
        quartz: None,
        smart: None,
        note: "".into(),
    };
    let loosest = Tolerances {
        rate_min: -9_999,
        rate_max: 9_999,
        delta_max: 9_999,
        amplitude_min_dial_up: 100,
        beat_error_under: 990,
        quartz_rate_max: 9_999,
        battery_voltage_min: 0,
        battery_health_min: 0,
    };
    let failed = test(Outcome::Failed).warnings(&loosest);
    assert_eq!(fields(&failed), ["readings.water.outcome"]);
    assert_eq!(failed[0].message, "The watch failed the dry air pressure test at 3.0 bar.");
    assert!(test(Outcome::Passed).warnings(&loosest).is_empty());
}

#[test]
fn quartz_and_smartwatch_readings_warn_below_the_shop_s_least() {
    let t = Tolerances::default();
    let r = Readings {
        stage: ReadingStage::After,
        mechanical: None,
        water: None,
        quartz: Some(QuartzReadings { battery_voltage: Some(1_450), current: Some(1_200), rate: Some(-6) }),
        smart: Some(SmartwatchChecks {
            battery_health: Some(79),
            firmware: "2.1.40".into(),
            checks: vec![
                CheckResult { check: SmartCheck::Display, outcome: Outcome::Passed },
                CheckResult { check: SmartCheck::HeartRateSensor, outcome: Outcome::Failed },
            ],
            note: "".into(),
        }),
        note: "".into(),
    };
    let warnings = r.warnings(&t);
    assert_eq!(
        fields(&warnings),
        [
            "readings.quartz.battery_voltage",
            "readings.quartz.rate",
            "readings.smart.battery_health",
            "readings.smart.checks.heart_rate_sensor"
        ]
    );
    assert_eq!(warnings[0].message, "Battery voltage 1.45 V is below the shop's least of 1.50 V.");
    assert_eq!(warnings[1].message, "Rate -0.6 s/d is outside the shop's ±0.5 s/d for a quartz movement.");
    assert_eq!(warnings[2].message, "Battery health 79% is below the shop's least of 80%.");
    assert_eq!(warnings[3].message, "Heart-rate sensor failed its check.");
}

#[test]
fn a_form_is_read_into_fixed_units() {
    let mut form = mechanical(&[(Position::DialUp, "+4,5"), (Position::CrownDown, "-2")]);
    let m = form.mechanical.as_mut().unwrap();
    m.amplitude.dial_up = "285".into();
    m.amplitude.crown_down = "260°".into();
    m.beat_error = "0.4".into();
    m.beat_rate = "28800".into();
    m.lift_angle = "52".into();
    m.timegrapher = "  Witschi Chronoscope S1 ".into();
    form.water = Some(WaterForm {
        kind: WaterTestKind::DryAir,
        pressure: "3".into(),
        outcome: Some(Outcome::Passed),
        leak_rate: "".into(),
        leak_unit: LeakUnit::MicrogramsPerMinute,
    });
    let r = form.validated().unwrap();
    let m = r.mechanical.as_ref().unwrap();
    assert_eq!(m.rate.measured().collect::<Vec<_>>(), [(Position::DialUp, 45), (Position::CrownDown, -20)]);
    assert_eq!((m.amplitude.dial_up, m.amplitude.crown_down), (Some(285), Some(260)));
    assert_eq!((m.beat_error, m.beat_rate, m.lift_angle), (Some(40), Some(28_800), Some(52)));
    assert_eq!(m.timegrapher, "Witschi Chronoscope S1");
    assert_eq!(
        r.water,
        Some(WaterTest { kind: WaterTestKind::DryAir, pressure: 300, outcome: Outcome::Passed, leak_rate: None })
    );
    assert_eq!((m.mean_rate(), m.delta(), m.amplitude_drop()), (Some(13), Some(65), Some(25)));
}

#[test]
fn every_bad_field_is_refused_at_once_each_at_its_field() {
    let mut form = mechanical(&[(Position::DialUp, "abc"), (Position::DialDown, "+5")]);
    let m = form.mechanical.as_mut().unwrap();
    m.amplitude.dial_up = "900".into();
    m.beat_rate = "28000".into();
    form.water = Some(WaterForm { pressure: "-3".into(), outcome: None, ..WaterForm::default() });
    form.quartz = Some(QuartzForm { battery_voltage: "1550".into(), ..QuartzForm::default() });
    form.smart = Some(SmartwatchForm {
        battery_health: "120".into(),
        checks: vec![
            CheckResult { check: SmartCheck::Gps, outcome: Outcome::Passed },
            CheckResult { check: SmartCheck::Gps, outcome: Outcome::Failed },
        ],
        ..SmartwatchForm::default()
    });
    let e = form.validated().unwrap_err();
    assert_eq!(e.code(), crate::Code::InvalidInput);
    assert_eq!(
        error_fields(&e),
        [
            "readings.rate.dial_up",
            "readings.amplitude.dial_up",
            "readings.beat_rate",
            "readings.water.pressure",
            "readings.water.outcome",
            "readings.quartz.battery_voltage",
            "readings.smart.battery_health",
            "readings.smart.checks.gps",
        ]
    );
    assert_eq!(
        message_at(&e, "readings.rate.dial_up"),
        "Enter the rate as a number of seconds a day, such as +4 or -2.5."
    );
    assert_eq!(
        message_at(&e, "readings.amplitude.dial_up"),
        "Amplitude is between 100 and 360 degrees (900 is not a reading)."
    );
    assert_eq!(
        message_at(&e, "readings.water.pressure"),
        "A test pressure is not negative: enter it in bar, such as 3 or 10."
    );
    assert_eq!(message_at(&e, "readings.smart.checks.gps"), "GPS is checked more than once: keep one result.");
}

#[test]
fn blank_sections_are_not_measured_and_some_reading_is_needed() {
    let prefilled = MechanicalForm { timegrapher: "Witschi Chronoscope S1".into(), ..MechanicalForm::default() };
    let form = ReadingsForm {
        stage: ReadingStage::Before,
        mechanical: Some(prefilled),
        water: Some(WaterForm::default()),
        quartz: Some(QuartzForm::default()),
        smart: Some(SmartwatchForm::default()),
        note: "Came in stopped.".into(),
    };
    let e = form.validated().unwrap_err();
    assert_eq!(error_fields(&e), ["readings"]);
    let mut one = form.clone();
    one.water = Some(WaterForm { pressure: "5".into(), outcome: Some(Outcome::Failed), ..WaterForm::default() });
    let r = one.validated().unwrap();
    assert_eq!((r.mechanical.is_none(), r.quartz.is_none(), r.smart.is_none()), (true, true, true));
    assert_eq!(r.note, "Came in stopped.");
    let mut no_pressure = form;
    no_pressure.water = Some(WaterForm { outcome: Some(Outcome::Passed), ..WaterForm::default() });
    assert_eq!(error_fields(&no_pressure.validated().unwrap_err()), ["readings.water.pressure"]);
}

#[test]
fn smartwatch_checks_come_back_in_the_bench_s_order() {
    let form = ReadingsForm {
        stage: ReadingStage::After,
        mechanical: None,
        water: None,
        quartz: None,
        smart: Some(SmartwatchForm {
            battery_health: "91".into(),
            firmware: " 2.1.40 ".into(),
            checks: vec![
                CheckResult { check: SmartCheck::Charging, outcome: Outcome::Passed },
                CheckResult { check: SmartCheck::Display, outcome: Outcome::Passed },
            ],
            note: "".into(),
        }),
        note: "".into(),
    };
    let s = form.validated().unwrap().smart.unwrap();
    assert_eq!(s.checks.iter().map(|c| c.check).collect::<Vec<_>>(), [SmartCheck::Display, SmartCheck::Charging]);
    assert_eq!((s.battery_health, s.firmware.as_str()), (Some(91), "2.1.40"));
}

#[test]
fn tolerances_refuse_nonsense() {
    assert_eq!(Tolerances::default().validated(), Ok(Tolerances::default()));
    let upside_down = Tolerances { rate_min: 60, rate_max: -40, ..Tolerances::default() };
    let e = upside_down.validated().unwrap_err();
    assert_eq!(error_fields(&e), ["tolerances.rate_min"]);
    assert_eq!(e.fields()[0].message, "The slowest rate allowed (+6.0 s/d) is faster than the fastest (-4.0 s/d).");
    let silly = Tolerances {
        rate_min: -10_000,
        amplitude_min_dial_up: 900,
        beat_error_under: 0,
        battery_voltage_min: 9_000,
        battery_health_min: 101,
        ..Tolerances::default()
    };
    assert_eq!(
        error_fields(&silly.validated().unwrap_err()),
        [
            "tolerances.rate_min",
            "tolerances.amplitude_min_dial_up",
            "tolerances.beat_error_under",
            "tolerances.battery_voltage_min",
            "tolerances.battery_health_min"
        ]
    );
}

#[test]
fn the_table_and_the_comparison_line_up_before_and_after() {
    let t = Tolerances::default();
    let mut before = with_rates(&[(Position::DialUp, 250)]);
    before.amplitude.dial_up = Some(190);
    let before = Readings { stage: ReadingStage::Before, ..after(before) };
    let mut now = with_rates(&[(Position::DialUp, 40), (Position::CrownDown, 80)]);
    now.amplitude.dial_up = Some(285);
    now.timegrapher = "Witschi Chronoscope S1".into();
    let now = after(now);

    let table = now.table();
    let labels: Vec<(&str, &str)> = table.iter().map(|r| (r.label.as_str(), r.value.as_str())).collect();
    assert_eq!(
        labels,
        [
            ("Rate dial up", "+4.0 s/d"),
            ("Rate crown down", "+8.0 s/d"),
            ("Mean rate", "+6.0 s/d"),
            ("Delta between positions", "4.0 s/d"),
            ("Amplitude dial up", "285°"),
            ("Timegrapher", "Witschi Chronoscope S1"),
        ]
    );

    let rows = comparison(Some(&before), &now, &t);
    let shown: Vec<(&str, &str, &str, bool)> =
        rows.iter().map(|r| (r.label.as_str(), r.before.as_str(), r.after.as_str(), r.out_of_tolerance)).collect();
    assert_eq!(
        shown,
        [
            ("Rate dial up", "+25.0 s/d", "+4.0 s/d", false),
            ("Rate crown down", NOT_MEASURED, "+8.0 s/d", true),
            ("Mean rate", NOT_MEASURED, "+6.0 s/d", false),
            ("Delta between positions", NOT_MEASURED, "4.0 s/d", false),
            ("Amplitude dial up", "190°", "285°", false),
            ("Timegrapher", NOT_MEASURED, "Witschi Chronoscope S1", false),
        ]
    );
    let alone = comparison(None, &now, &t);
    assert_eq!(alone.len(), 6);
    assert!(alone.iter().all(|r| r.before == NOT_MEASURED));
}

#[test]
fn a_failed_water_test_is_marked_on_the_collection_notice() {
    let failed = Readings {
        stage: ReadingStage::After,
        mechanical: None,
        water: Some(WaterTest {
            kind: WaterTestKind::Vacuum,
            pressure: 70,
            outcome: Outcome::Failed,
            leak_rate: Some(LeakRate { hundredths: 8_000, unit: LeakUnit::MicrogramsPerMinute }),
        }),
        quartz: None,
        smart: None,
        note: "".into(),
    };
    let rows = comparison(None, &failed, &Tolerances::default());
    let shown: Vec<(&str, &str, bool)> =
        rows.iter().map(|r| (r.label.as_str(), r.after.as_str(), r.out_of_tolerance)).collect();
    assert_eq!(
        shown,
        [
            ("Water-resistance test", "Vacuum, 0.7 bar", false),
            ("Water-resistance result", "Failed", true),
            ("Leak rate", "80 µg/min", false)
        ]
    );
}

#[test]
fn readings_travel_as_snake_case_json() {
    let r = after(with_rates(&[(Position::CrownLeft, -15)]));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["stage"], "after");
    assert_eq!(json["mechanical"]["rate"]["crown_left"], -15);
    assert_eq!(serde_json::from_value::<Readings>(json).unwrap(), r);
    let typed: ReadingsForm =
        serde_json::from_str(r#"{"stage":"before","mechanical":{"rate":{"dial_up":"+3"}}}"#).unwrap();
    assert_eq!(typed.validated().unwrap().mechanical.unwrap().rate.dial_up, Some(30));
}

fn rates_within(t: Tolerances) -> impl Strategy<Value = ByPosition<Option<i32>>> {
    proptest::array::uniform6(proptest::option::of(t.rate_min..=t.rate_max)).prop_map(|rates| {
        let mut rates = rates.into_iter();
        ByPosition::from_fn(|_| rates.next().flatten())
    })
}

fn amplitudes() -> impl Strategy<Value = ByPosition<Option<u16>>> {
    proptest::array::uniform6(proptest::option::of(100u16..=360)).prop_map(|amplitudes| {
        let mut amplitudes = amplitudes.into_iter();
        ByPosition::from_fn(|_| amplitudes.next().flatten())
    })
}

fn beat_rates() -> impl Strategy<Value = u32> {
    (4u32..=40).prop_map(|steps| steps * 1_800)
}

fn smart_checks(all_passed: bool) -> impl Strategy<Value = Vec<CheckResult>> {
    proptest::sample::subsequence(SmartCheck::ALL.to_vec(), 0..=SmartCheck::ALL.len()).prop_flat_map(move |checks| {
        let outcome = match all_passed {
            true => Just(Outcome::Passed).boxed(),
            false => prop_oneof![Just(Outcome::Passed), Just(Outcome::Failed)].boxed(),
        };
        let n = checks.len();
        (Just(checks), proptest::collection::vec(outcome, n)).prop_map(|(checks, outcomes)| {
            checks.into_iter().zip(outcomes).map(|(check, outcome)| CheckResult { check, outcome }).collect()
        })
    })
}

/// Readings of every kind, with each figure in its accepted range.
fn any_readings() -> impl Strategy<Value = Readings> {
    let box_of_everything =
        Tolerances { rate_min: -figures::RATE_LIMIT, rate_max: figures::RATE_LIMIT, ..Tolerances::default() };
    let mechanical = (
        rates_within(box_of_everything),
        amplitudes(),
        proptest::option::of(0u16..=990),
        proptest::option::of(beat_rates()),
        proptest::option::of(30u16..=70),
        prop_oneof![Just(String::new()), Just("Witschi Chronoscope S1".to_string())],
    )
        .prop_map(|(rate, amplitude, beat_error, beat_rate, lift_angle, timegrapher)| MechanicalReadings {
            rate,
            amplitude,
            beat_error,
            beat_rate,
            lift_angle,
            timegrapher,
        })
        .prop_filter("a section has a figure", |m| {
            *m != MechanicalReadings { timegrapher: m.timegrapher.clone(), ..MechanicalReadings::default() }
        });
    let water = (
        prop_oneof![Just(WaterTestKind::DryAir), Just(WaterTestKind::Vacuum), Just(WaterTestKind::Wet)]
            .prop_flat_map(|kind| (Just(kind), 1..=kind.highest_pressure())),
        prop_oneof![Just(Outcome::Passed), Just(Outcome::Failed)],
        proptest::option::of((
            0u32..=1_000_000,
            prop_oneof![Just(LeakUnit::MicrogramsPerMinute), Just(LeakUnit::MillibarPerMinute)],
        )),
    )
        .prop_map(|((kind, pressure), outcome, leak)| WaterTest {
            kind,
            pressure,
            outcome,
            leak_rate: leak.map(|(hundredths, unit)| LeakRate { hundredths, unit }),
        });
    let quartz = (
        proptest::option::of(0u32..=5_000),
        proptest::option::of(0u32..=1_000_000),
        proptest::option::of(-9_999i32..=9_999),
    )
        .prop_map(|(battery_voltage, current, rate)| QuartzReadings { battery_voltage, current, rate })
        .prop_filter("a section has a figure", |q| *q != QuartzReadings::default());
    let smart = (
        proptest::option::of(0u8..=100),
        prop_oneof![Just(String::new()), Just("2.1.40".to_string())],
        smart_checks(false),
    )
        .prop_map(|(battery_health, firmware, checks)| SmartwatchChecks {
            battery_health,
            firmware,
            checks,
            note: "Strap worn.".into(),
        });
    (
        prop_oneof![Just(ReadingStage::Before), Just(ReadingStage::After)],
        proptest::option::of(mechanical),
        proptest::option::of(water),
        proptest::option::of(quartz),
        proptest::option::of(smart),
    )
        .prop_map(|(stage, mechanical, water, quartz, smart)| Readings {
            stage,
            mechanical,
            water,
            quartz,
            smart,
            note: String::new(),
        })
        .prop_filter("some reading", |r| {
            r.mechanical.is_some() || r.water.is_some() || r.quartz.is_some() || r.smart.is_some()
        })
}

/// Tolerances, with the delta at least as wide as the rate window (or a reading inside the
/// window could still spread too far).
fn any_tolerances() -> impl Strategy<Value = Tolerances> {
    (-500i32..=0, 0i32..=500, 100u16..=360, 1u16..=990, 0u16..=100, 0u32..=5_000, 0u8..=100).prop_map(
        |(
            rate_min,
            rate_max,
            amplitude_min_dial_up,
            beat_error_under,
            quartz_rate_max,
            battery_voltage_min,
            battery_health_min,
        )| {
            Tolerances {
                rate_min,
                rate_max,
                delta_max: (rate_max - rate_min) as u16,
                amplitude_min_dial_up,
                beat_error_under,
                quartz_rate_max,
                battery_voltage_min,
                battery_health_min,
            }
        },
    )
}

/// Readings inside the box `t` draws.
fn readings_within(t: Tolerances) -> impl Strategy<Value = Readings> {
    let mechanical = (
        rates_within(t),
        proptest::option::of(t.amplitude_min_dial_up..=360),
        proptest::option::of(100u16..=360),
        proptest::option::of(0..t.beat_error_under),
    )
        .prop_map(|(rate, dial_up, crown_down, beat_error)| MechanicalReadings {
            rate,
            amplitude: ByPosition { dial_up, crown_down, ..ByPosition::default() },
            beat_error,
            beat_rate: Some(28_800),
            lift_angle: Some(52),
            timegrapher: String::new(),
        });
    let quartz = (
        proptest::option::of(t.battery_voltage_min..=5_000),
        proptest::option::of(0u32..=1_000_000),
        proptest::option::of(-i32::from(t.quartz_rate_max)..=i32::from(t.quartz_rate_max)),
    )
        .prop_map(|(battery_voltage, current, rate)| QuartzReadings { battery_voltage, current, rate });
    let smart =
        (proptest::option::of(t.battery_health_min..=100), smart_checks(true)).prop_map(|(battery_health, checks)| {
            SmartwatchChecks { battery_health, checks, ..SmartwatchChecks::default() }
        });
    let water = (1u32..=3_000).prop_map(|pressure| WaterTest {
        kind: WaterTestKind::DryAir,
        pressure,
        outcome: Outcome::Passed,
        leak_rate: None,
    });
    (
        proptest::option::of(mechanical),
        proptest::option::of(water),
        proptest::option::of(quartz),
        proptest::option::of(smart),
    )
        .prop_map(|(mechanical, water, quartz, smart)| Readings {
            stage: ReadingStage::After,
            mechanical,
            water,
            quartz,
            smart,
            note: String::new(),
        })
}

fn tolerances_and_readings_within() -> impl Strategy<Value = (Tolerances, Readings)> {
    any_tolerances().prop_flat_map(|t| (Just(t), readings_within(t)))
}

proptest! {
    #[test]
    fn a_printed_rate_reads_back_to_itself(tenths in -figures::RATE_LIMIT..=figures::RATE_LIMIT) {
        prop_assert_eq!(parse_rate(&format_rate(tenths)), Ok(tenths));
        prop_assert_eq!(parse_rate(&rate_figure(tenths)), Ok(tenths));
        prop_assert_eq!(parse_rate(&rate_figure(tenths).replace('.', ",")), Ok(tenths));
    }

    #[test]
    fn a_rate_with_hundredths_rounds_half_away_from_zero(hundredths in -99_994i64..=99_994) {
        let sign = if hundredths < 0 { "-" } else { "" };
        let typed = format!("{sign}{}.{:02}", hundredths.abs() / 100, hundredths.abs() % 100);
        let expected = (hundredths.abs() + 5) / 10 * hundredths.signum();
        prop_assert_eq!(parse_rate(&typed), Ok(expected as i32));
    }

    #[test]
    fn every_printed_figure_reads_back_to_itself(
        amplitude in 100u16..=360,
        beat_error in 0u16..=990,
        bph in beat_rates(),
        lift in 30u16..=70,
        pressure in 1u32..=3_000,
        leak in 0u32..=1_000_000,
        millivolts in 0u32..=5_000,
        nanoamperes in 0u32..=1_000_000,
        health in 0u8..=100,
    ) {
        prop_assert_eq!(parse_amplitude(&format_amplitude(amplitude)), Ok(amplitude));
        prop_assert_eq!(parse_beat_error(&format_beat_error(beat_error)), Ok(beat_error));
        prop_assert_eq!(parse_beat_rate(&format_beat_rate(bph)), Ok(bph));
        prop_assert_eq!(parse_lift_angle(&format_lift_angle(lift)), Ok(lift));
        prop_assert_eq!(parse_pressure(WaterTestKind::DryAir, &format_pressure(pressure)), Ok(pressure));
        for unit in LeakUnit::ALL {
            prop_assert_eq!(parse_leak_rate(unit, &format_leak_rate(leak, unit)), Ok(leak));
        }
        prop_assert_eq!(parse_voltage(&format_voltage(millivolts)), Ok(millivolts));
        prop_assert_eq!(parse_current(&format_current(nanoamperes)), Ok(nanoamperes));
        prop_assert_eq!(parse_battery_health(&format_battery_health(health)), Ok(health));
    }

    #[test]
    fn readings_inside_the_tolerances_raise_no_warning((t, r) in tolerances_and_readings_within()) {
        prop_assert_eq!(t.validated(), Ok(t));
        prop_assert_eq!(r.warnings(&t), vec![]);
        prop_assert!(comparison(None, &r, &t).iter().all(|row| !row.out_of_tolerance));
    }

    #[test]
    fn stored_readings_fill_a_form_that_reads_back_the_same(r in any_readings()) {
        let form = ReadingsForm::from(&r);
        prop_assert_eq!(form.validated(), Ok(r.clone()));
        let table = r.table();
        let rows = comparison(Some(&r), &r, &Tolerances::default());
        prop_assert_eq!(rows.len(), table.len());
        prop_assert!(rows.iter().zip(&table).all(|(row, t)| row.before == t.value && row.after == t.value));
    }
}
