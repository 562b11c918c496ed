//! The warranty check at intake: in warranty, expired, or inside the dead-on-arrival window,
//! with the dates it was computed from; staff findings that void it, with the reason kept.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::DateStyle;
use crate::device::PurchaseRecord;
use crate::policy::{Policy, WarrantyStart};
use crate::text;
use crate::DomainError;

/// What staff found that voids a warranty (KOSPET's list, lx-watch's misuse).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoidingFinding {
    OpenedBody,
    FlashedFirmware,
    SwappedParts,
    LiquidDamage,
    Misuse,
    ContinuedUseAfterFault,
}

impl VoidingFinding {
    pub const ALL: [VoidingFinding; 6] = [
        VoidingFinding::OpenedBody,
        VoidingFinding::FlashedFirmware,
        VoidingFinding::SwappedParts,
        VoidingFinding::LiquidDamage,
        VoidingFinding::Misuse,
        VoidingFinding::ContinuedUseAfterFault,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VoidingFinding::OpenedBody => "Body opened",
            VoidingFinding::FlashedFirmware => "Firmware flashed or rooted",
            VoidingFinding::SwappedParts => "Parts modified or swapped",
            VoidingFinding::LiquidDamage => "Liquid damage",
            VoidingFinding::Misuse => "Misuse or impact",
            VoidingFinding::ContinuedUseAfterFault => "Used on after the fault",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Voiding {
    pub findings: Vec<VoidingFinding>,
    /// Staff's words on what they saw; required when there are findings.
    pub reason: String,
}

impl Voiding {
    pub fn validated(&self) -> Result<Voiding, DomainError> {
        let reason = text::multi_line("warranty.reason", &self.reason, 500)?;
        if !self.findings.is_empty() && reason.is_empty() {
            return Err(DomainError::invalid(
                "warranty.reason",
                "Say what you found that voids the warranty: it is kept as evidence.",
            ));
        }
        let mut findings = self.findings.clone();
        findings.dedup();
        Ok(Voiding { findings, reason })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum WarrantyStatus {
    /// No purchase or delivery date to count from.
    Unknown,
    /// Arrived broken and still inside the dead-on-arrival window (and so in warranty too).
    DeadOnArrival {
        doa_until: Date,
        until: Date,
    },
    InWarranty {
        until: Date,
    },
    Expired {
        ended: Date,
    },
    /// Staff findings void it, whatever the dates say.
    Voided {
        findings: Vec<VoidingFinding>,
        reason: String,
    },
}

/// The check and everything it was computed from, kept with the ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarrantyCheck {
    pub status: WarrantyStatus,
    /// Which date the warranty was counted from, and that date.
    pub counted_from: Option<(WarrantyStart, Date)>,
    /// The policy's length, e.g. "12 months", as it was on the day.
    pub length: String,
    pub checked_on: Date,
}

/// Checks the warranty on `today` under `policy`.
pub fn check(policy: &Policy, purchase: &PurchaseRecord, today: Date, voiding: &Voiding) -> WarrantyCheck {
    let counted_from = match policy.warranty_starts {
        WarrantyStart::Purchase => purchase.purchase_date.map(|d| (WarrantyStart::Purchase, d)),
        WarrantyStart::Delivery => purchase.delivery_date.map(|d| (WarrantyStart::Delivery, d)),
    }
    .or_else(|| purchase.purchase_date.map(|d| (WarrantyStart::Purchase, d)))
    .or_else(|| purchase.delivery_date.map(|d| (WarrantyStart::Delivery, d)));
    let calendar = &policy.calendar;
    let status = if !voiding.findings.is_empty() {
        WarrantyStatus::Voided { findings: voiding.findings.clone(), reason: voiding.reason.clone() }
    } else {
        match counted_from {
            None => WarrantyStatus::Unknown,
            Some((_, start)) => {
                let until = policy.warranty.last_day(start, calendar);
                // Dead on arrival counts from receipt: the delivery date, else the purchase date.
                let received = purchase.delivery_date.unwrap_or(start);
                let doa = policy.dead_on_arrival;
                if !doa.is_none() && doa.contains(received, calendar, today) {
                    WarrantyStatus::DeadOnArrival { doa_until: doa.last_day(received, calendar), until }
                } else if today <= until {
                    WarrantyStatus::InWarranty { until }
                } else {
                    WarrantyStatus::Expired { ended: until }
                }
            }
        }
    };
    WarrantyCheck { status, counted_from, length: policy.warranty.to_string(), checked_on: today }
}

impl WarrantyCheck {
    pub fn is_covered(&self) -> bool {
        matches!(self.status, WarrantyStatus::InWarranty { .. } | WarrantyStatus::DeadOnArrival { .. })
    }

    /// One line for staff and for the receipt, with the dates it rests on (as the log
    /// keeps them: `YYYY-MM-DD`).
    pub fn describe(&self) -> String {
        self.describe_in(DateStyle::Iso)
    }

    /// The line with its dates written the shop's way.
    pub fn describe_in(&self, style: DateStyle) -> String {
        let day = |d: Date| style.format(d);
        let basis = match self.counted_from {
            Some((WarrantyStart::Purchase, d)) => format!("{} from purchase on {}", self.length, day(d)),
            Some((WarrantyStart::Delivery, d)) => format!("{} from delivery on {}", self.length, day(d)),
            None => String::new(),
        };
        match &self.status {
            WarrantyStatus::Unknown => "Warranty unknown: no purchase or delivery date given".into(),
            WarrantyStatus::DeadOnArrival { doa_until, until } => format!(
                "Dead on arrival: inside the window until {}; in warranty until {} ({basis})",
                day(*doa_until),
                day(*until)
            ),
            WarrantyStatus::InWarranty { until } => format!("In warranty until {} ({basis})", day(*until)),
            WarrantyStatus::Expired { ended } => format!("Warranty expired on {} ({basis})", day(*ended)),
            WarrantyStatus::Voided { findings, reason } => {
                let what: Vec<_> = findings.iter().map(|f| f.label().to_lowercase()).collect();
                match reason.trim() {
                    "" => format!("Warranty void: {}", what.join(", ")),
                    reason => format!("Warranty void: {} ({reason})", what.join(", ")),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PresetId;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn bought(p: Option<Date>, d: Option<Date>) -> PurchaseRecord {
        PurchaseRecord { purchase_date: p, delivery_date: d, ..PurchaseRecord::default() }
    }

    fn status(policy: &Policy, rec: &PurchaseRecord, today: Date) -> WarrantyStatus {
        check(policy, rec, today, &Voiding::default()).status
    }

    #[test]
    fn twelve_months_end_on_the_same_date_clamped_to_month_end() {
        let lx = Policy::default(); // 12 months from purchase
        let rec = bought(Some(date(2024, 2, 29)), Some(date(2024, 3, 4)));
        assert_eq!(status(&lx, &rec, date(2025, 2, 28)), WarrantyStatus::InWarranty { until: date(2025, 2, 28) });
        assert_eq!(status(&lx, &rec, date(2025, 3, 1)), WarrantyStatus::Expired { ended: date(2025, 2, 28) });
        let rec = bought(Some(date(2025, 8, 31)), None);
        assert_eq!(status(&lx, &rec, date(2026, 8, 31)), WarrantyStatus::InWarranty { until: date(2026, 8, 31) });
        assert_eq!(status(&lx, &rec, date(2026, 9, 1)), WarrantyStatus::Expired { ended: date(2026, 8, 31) });
    }

    #[test]
    fn kospet_counts_from_delivery_and_knows_dead_on_arrival() {
        let kospet = PresetId::Kospet.policy();
        let rec = bought(Some(date(2026, 12, 20)), Some(date(2026, 12, 28)));
        // delivered 28 Dec: DOA through 4 Jan (28 + 7), across the year end
        let doa = status(&kospet, &rec, date(2027, 1, 4));
        assert_eq!(doa, WarrantyStatus::DeadOnArrival { doa_until: date(2027, 1, 4), until: date(2027, 12, 28) });
        assert_eq!(status(&kospet, &rec, date(2027, 1, 5)), WarrantyStatus::InWarranty { until: date(2027, 12, 28) });
        let c = check(&kospet, &rec, date(2027, 1, 5), &Voiding::default());
        assert_eq!(c.counted_from, Some((WarrantyStart::Delivery, date(2026, 12, 28))));
        assert!(c.describe().contains("12 months from delivery on 2026-12-28"), "{}", c.describe());
        let dots = c.describe_in(DateStyle::DayDots);
        assert!(dots.contains("12 months from delivery on 28.12.2026") && !dots.contains("2026-"), "{dots}");
    }

    #[test]
    fn turkish_two_years_and_missing_dates() {
        let tr = PresetId::TurkishStore.policy();
        let rec = bought(Some(date(2024, 11, 30)), None);
        assert!(check(&tr, &rec, date(2026, 11, 22), &Voiding::default()).is_covered());
        assert_eq!(status(&tr, &bought(None, None), date(2026, 11, 22)), WarrantyStatus::Unknown);
        // delivery-based policy with only a purchase date falls back to the purchase date
        let kospet = PresetId::Kospet.policy();
        let c = check(&kospet, &bought(Some(date(2026, 1, 10)), None), date(2026, 11, 22), &Voiding::default());
        assert_eq!(c.counted_from, Some((WarrantyStart::Purchase, date(2026, 1, 10))));
    }

    #[test]
    fn findings_void_it_and_need_a_reason() {
        let lx = Policy::default();
        let rec = bought(Some(date(2026, 10, 1)), None);
        let v = Voiding { findings: vec![VoidingFinding::OpenedBody], reason: "Case back tool marks".into() };
        let c = check(&lx, &rec, date(2026, 11, 22), &v.validated().unwrap());
        assert!(!c.is_covered());
        assert!(c.describe().contains("body opened"), "{}", c.describe());
        let no_reason = Voiding { findings: vec![VoidingFinding::LiquidDamage], reason: " ".into() };
        assert_eq!(no_reason.validated().unwrap_err().fields()[0].field, "warranty.reason");
    }

    proptest! {
        #[test]
        fn covered_exactly_through_the_last_day(y in 2000i16..2090, m in 1i8..=12, d in 1i8..=28, months in 1u32..48, offset in -400i64..400) {
            let p = Policy { warranty: crate::Period::months(months), dead_on_arrival: crate::Period::days(0), ..Policy::default() };
            let start = date(y, m, d);
            let end = p.warranty.last_day(start, &p.calendar);
            let today = end.checked_add(jiff::Span::new().days(offset)).unwrap();
            prop_assume!(today >= start);
            let covered = check(&p, &bought(Some(start), None), today, &Voiding::default()).is_covered();
            prop_assert_eq!(covered, offset <= 0);
        }
    }
}
