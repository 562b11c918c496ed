//! The watch handed in, and the purchase record that says when its warranty started.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::text;
use crate::warranty::VoidingFinding;
use crate::DomainError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    #[default]
    Smartwatch,
    Quartz,
    Mechanical,
}

impl DeviceKind {
    pub const ALL: [DeviceKind; 3] = [DeviceKind::Smartwatch, DeviceKind::Quartz, DeviceKind::Mechanical];

    /// What the watch's identity is called: a smartwatch has an IMEI, a watch a serial.
    pub fn serial_label(self) -> &'static str {
        match self {
            DeviceKind::Smartwatch => "Serial or IMEI",
            DeviceKind::Quartz | DeviceKind::Mechanical => "Serial",
        }
    }

    /// The findings that can void this kind's warranty: no firmware in a watch.
    pub fn voiding_findings(self) -> Vec<VoidingFinding> {
        VoidingFinding::ALL
            .into_iter()
            .filter(|f| *f != VoidingFinding::FlashedFirmware || self == DeviceKind::Smartwatch)
            .collect()
    }

    pub fn label(self) -> &'static str {
        match self {
            DeviceKind::Smartwatch => "Smartwatch",
            DeviceKind::Quartz => "Quartz watch",
            DeviceKind::Mechanical => "Mechanical watch",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// None until staff choose it: no kind is assumed (a repair shop's watch is as likely
    /// mechanical as a smartwatch), and booking in asks for it.
    #[serde(default)]
    pub kind: Option<DeviceKind>,
    pub brand: String,
    pub model: String,
    /// Serial number or IMEI: the watch's identity. Warranty follows it across tickets.
    pub serial: String,
    /// The item code printed on the box (KOSPET asks for it).
    #[serde(default)]
    pub item_code: String,
    #[serde(default)]
    pub colour: String,
}

impl Device {
    pub fn validated(&self) -> Result<Device, DomainError> {
        let mut problems = Problems::default();
        let mut field = |key: &str, value: &str, max: usize, required: Option<&str>| -> String {
            match text::single_line(key, value, max) {
                Ok(v) if v.is_empty() && required.is_some() => {
                    problems.add(key, required.unwrap_or_default());
                    v
                }
                Ok(v) => v,
                Err(e) => {
                    problems.merge(e);
                    String::new()
                }
            }
        };
        let device = Device {
            kind: self.kind,
            brand: field("device.brand", &self.brand, 60, Some("Enter the brand (e.g. KOSPET, Seiko).")),
            model: field("device.model", &self.model, 80, Some("Enter the model.")),
            serial: field("device.serial", &self.serial, 60, None),
            item_code: field("device.item_code", &self.item_code, 60, None),
            colour: field("device.colour", &self.colour, 40, None),
        };
        if self.kind.is_none() {
            problems.add("device.kind", "Choose the kind of watch: smartwatch, quartz or mechanical.");
        }
        problems.into_result()?;
        Ok(device)
    }

    /// "Mechanical watch"; "Watch" for a ticket whose kind was never chosen (none is booked
    /// in so, but a form drawn from a test's bare ticket may meet one).
    pub fn kind_label(&self) -> &'static str {
        self.kind.map_or("Watch", DeviceKind::label)
    }

    /// What this watch's serial is called ("Serial", "Serial or IMEI" for a smartwatch).
    pub fn serial_label(&self) -> &'static str {
        self.kind.map_or("Serial or IMEI", DeviceKind::serial_label)
    }

    /// The serial as compared across tickets: case, spaces and dashes do not matter.
    pub fn serial_key(&self) -> String {
        serial_key(&self.serial)
    }
}

pub fn serial_key(serial: &str) -> String {
    serial.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// What the customer shows of the purchase.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurchaseRecord {
    pub order_number: String,
    pub purchase_date: Option<Date>,
    pub delivery_date: Option<Date>,
    /// Whether staff saw an invoice or order confirmation (lx-watch requires one for warranty).
    pub proof_seen: bool,
}

impl PurchaseRecord {
    /// Dates cannot be after `today`, and delivery cannot come before purchase.
    pub fn validated(&self, today: Date) -> Result<PurchaseRecord, DomainError> {
        let mut problems = Problems::default();
        let order_number = match text::single_line("purchase.order_number", &self.order_number, 60) {
            Ok(o) => o,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        for (key, date, what) in [
            ("purchase.purchase_date", self.purchase_date, "purchase"),
            ("purchase.delivery_date", self.delivery_date, "delivery"),
        ] {
            if let Some(d) = date {
                if d > today {
                    problems.add(key, format!("The {what} date is after today: it cannot be in the future."));
                } else if d.year() < 1950 {
                    problems.add(key, format!("The {what} date is before 1950: check the year."));
                }
            }
        }
        if let (Some(p), Some(d)) = (self.purchase_date, self.delivery_date) {
            if d < p {
                problems.add("purchase.delivery_date", "The delivery date is before the purchase date.");
            }
        }
        problems.into_result()?;
        Ok(PurchaseRecord { order_number, ..self.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn device(brand: &str, model: &str) -> Device {
        Device {
            kind: Some(DeviceKind::Smartwatch),
            brand: brand.into(),
            model: model.into(),
            serial: " kp-0042 a".into(),
            item_code: String::new(),
            colour: String::new(),
        }
    }

    #[test]
    fn device_needs_brand_and_model() {
        let ok = device(" KOSPET ", "Tank T3").validated().unwrap();
        assert_eq!(ok.brand, "KOSPET");
        assert_eq!(ok.serial_key(), "KP0042A");
        let err = device("", "").validated().unwrap_err();
        assert_eq!(err.fields().len(), 2);
    }

    #[test]
    fn purchase_dates_are_checked_against_today_and_each_other() {
        let today = date(2026, 11, 22);
        let rec = |p, d| PurchaseRecord { purchase_date: p, delivery_date: d, ..PurchaseRecord::default() };
        assert!(rec(Some(date(2026, 11, 1)), Some(date(2026, 11, 5))).validated(today).is_ok());
        assert!(rec(Some(today), Some(today)).validated(today).is_ok(), "bought and delivered today");
        let future = rec(Some(date(2026, 11, 23)), None).validated(today).unwrap_err();
        assert!(future.to_string().contains("after today"));
        let backwards = rec(Some(date(2026, 11, 5)), Some(date(2026, 11, 1))).validated(today).unwrap_err();
        assert_eq!(backwards.fields()[0].field, "purchase.delivery_date");
        assert!(rec(None, None).validated(today).is_ok(), "a gift with no receipt");
    }
}
