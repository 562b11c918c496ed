//! The settings of the bench: the shop's warranty on each kind of work (`service_warranty.*`)
//! and the tolerances readings are held to (`tolerances.*`), read and written as text like
//! every other field (`values.rs`), in the readings' own units and formats.

use super::Settings;
use crate::calendar::Period;
use crate::readings::figures::{
    parse_amplitude, parse_battery_health, parse_beat_error, parse_rate, parse_voltage, rate_figure,
};
use crate::service_warranty::WorkKind;

impl Settings {
    pub(crate) fn bench_value(&self, key: &str) -> Option<String> {
        if let Some(kind) = key.strip_prefix("service_warranty.").and_then(WorkKind::from_key) {
            return Some(self.service_warranty.period(kind).unwrap_or(Period::days(0)).to_string());
        }
        let t = &self.tolerances;
        Some(match key.strip_prefix("tolerances.")? {
            "rate_min" => rate_figure(t.rate_min),
            "rate_max" => rate_figure(t.rate_max),
            "delta_max" => tenths(i32::from(t.delta_max)),
            "amplitude_min_dial_up" => t.amplitude_min_dial_up.to_string(),
            "beat_error_under" => format!("{}.{:02}", t.beat_error_under / 100, t.beat_error_under % 100),
            "quartz_rate_max" => tenths(i32::from(t.quartz_rate_max)),
            "battery_voltage_min" => {
                format!("{}.{:02}", t.battery_voltage_min / 1000, t.battery_voltage_min % 1000 / 10)
            }
            "battery_health_min" => t.battery_health_min.to_string(),
            _ => return None,
        })
    }

    pub(crate) fn set_bench_field(&mut self, key: &str, value: &str) -> Result<(), String> {
        if let Some(kind) = key.strip_prefix("service_warranty.").and_then(WorkKind::from_key) {
            let period = Period::parse(value)?;
            return self.service_warranty.set(kind, Some(period)).map_err(|e| e.to_string());
        }
        let mut t = self.tolerances;
        let unsigned = |v: &str| -> Result<u16, String> {
            let tenths = parse_rate(v)?;
            u16::try_from(tenths).map_err(|_| "Enter a figure of 0 or more.".to_string())
        };
        match key.strip_prefix("tolerances.") {
            Some("rate_min") => t.rate_min = parse_rate(value)?,
            Some("rate_max") => t.rate_max = parse_rate(value)?,
            Some("delta_max") => t.delta_max = unsigned(value)?,
            Some("amplitude_min_dial_up") => t.amplitude_min_dial_up = parse_amplitude(value)?,
            Some("beat_error_under") => t.beat_error_under = parse_beat_error(value)?,
            Some("quartz_rate_max") => t.quartz_rate_max = unsigned(value)?,
            Some("battery_voltage_min") => t.battery_voltage_min = parse_voltage(value)?,
            Some("battery_health_min") => t.battery_health_min = parse_battery_health(value)?,
            _ => return Err(format!("There is no setting called \"{key}\".")),
        }
        // Each tolerance is checked against the others (the slowest rate not above the fastest).
        self.tolerances = t.validated().map_err(|e| match e {
            crate::DomainError::Invalid(fields) => fields.into_iter().map(|f| f.message).collect::<Vec<_>>().join(" "),
            other => other.to_string(),
        })?;
        Ok(())
    }
}

/// Tenths as a figure with one decimal: 100 is "10.0".
fn tenths(v: i32) -> String {
    format!("{}.{}", v / 10, (v % 10).abs())
}

#[cfg(test)]
mod tests {
    use crate::money::Currency;
    use crate::presets::PresetId;
    use crate::service_warranty::WorkKind;
    use crate::settings::Settings;

    fn settings() -> Settings {
        Settings::new("Shop", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong")
    }

    #[test]
    fn the_presets_state_no_service_warranty_and_the_shop_sets_its_own() {
        let mut s = settings();
        for kind in WorkKind::ALL {
            assert_eq!(s.field_value(&format!("service_warranty.{}", kind.key())).as_deref(), Some("0 days"));
        }
        s.set_field("service_warranty.full_service", "12 months").unwrap();
        assert_eq!(s.field_value("service_warranty.full_service").as_deref(), Some("12 months"));
        assert!(s.service_warranty.period(WorkKind::FullService).is_some());
        s.set_field("service_warranty.full_service", "0").unwrap();
        assert_eq!(s.service_warranty.period(WorkKind::FullService), None, "0 withdraws it");
        let refused = s.set_field("service_warranty.battery", "a while").unwrap_err();
        assert_eq!(refused.field, "service_warranty.battery");
    }

    #[test]
    fn tolerances_read_back_as_written_and_a_window_upside_down_is_refused() {
        let mut s = settings();
        for (key, shown) in [
            ("tolerances.rate_min", "-4.0"),
            ("tolerances.rate_max", "+6.0"),
            ("tolerances.delta_max", "10.0"),
            ("tolerances.amplitude_min_dial_up", "250"),
            ("tolerances.beat_error_under", "0.60"),
            ("tolerances.quartz_rate_max", "0.5"),
            ("tolerances.battery_voltage_min", "1.50"),
            ("tolerances.battery_health_min", "80"),
        ] {
            assert_eq!(s.field_value(key).as_deref(), Some(shown), "{key}");
            // What is shown is what the field reads.
            s.set_field(key, shown).unwrap_or_else(|e| panic!("{key}: {e:?}"));
            assert_eq!(s.field_value(key).as_deref(), Some(shown), "{key} again");
        }
        s.set_field("tolerances.rate_max", "+8,5").unwrap();
        assert_eq!(s.tolerances.rate_max, 85);
        let refused = s.set_field("tolerances.rate_min", "+9").unwrap_err();
        assert!(refused.message.contains("faster than the fastest"), "{refused:?}");
        assert_eq!(s.tolerances.rate_min, -40, "a refused tolerance leaves the one there");
        assert!(s.set_field("tolerances.amplitude_min_dial_up", "900").is_err());
        assert!(s.set_field("tolerances.delta_max", "-1").is_err());
    }
}
