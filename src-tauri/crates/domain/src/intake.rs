//! Repair intake: what the counter records when a watch is booked in, checked as a whole.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::customer::{CustomerDetails, CustomerId};
use crate::device::{Device, PurchaseRecord};
use crate::error::Problems;
use crate::policy::Policy;
use crate::text;
use crate::warranty::{self, Voiding, WarrantyCheck};
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accessory {
    Strap,
    Charger,
    Box,
    Papers,
    ExtraLinks,
}

impl Accessory {
    pub const ALL: [Accessory; 5] =
        [Accessory::Strap, Accessory::Charger, Accessory::Box, Accessory::Papers, Accessory::ExtraLinks];

    pub fn label(self) -> &'static str {
        match self {
            Accessory::Strap => "Strap",
            Accessory::Charger => "Charger",
            Accessory::Box => "Box",
            Accessory::Papers => "Papers",
            Accessory::ExtraLinks => "Extra links",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionFlag {
    Scratches,
    Dents,
    CrackedGlass,
    WaterMarks,
    OpenedBefore,
}

impl ConditionFlag {
    pub const ALL: [ConditionFlag; 5] = [
        ConditionFlag::Scratches,
        ConditionFlag::Dents,
        ConditionFlag::CrackedGlass,
        ConditionFlag::WaterMarks,
        ConditionFlag::OpenedBefore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConditionFlag::Scratches => "Scratches",
            ConditionFlag::Dents => "Dents",
            ConditionFlag::CrackedGlass => "Cracked glass",
            ConditionFlag::WaterMarks => "Water marks",
            ConditionFlag::OpenedBefore => "Opened before",
        }
    }
}

/// How the watch reached the shop.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Arrival {
    #[default]
    WalkIn,
    MailIn {
        carrier: String,
        tracking: String,
    },
}

impl Arrival {
    /// Brought to the counter: the customer comes back for it, and is spoken to as one
    /// who does (no postage, no shipping back unless asked).
    pub fn is_walk_in(&self) -> bool {
        matches!(self, Arrival::WalkIn)
    }
}

/// Everything about the watch as handed in (the customer is chosen separately). The default
/// is an empty form (tests fill in what they need).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeDetails {
    pub device: Device,
    #[serde(default)]
    pub purchase: PurchaseRecord,
    pub fault: String,
    #[serde(default)]
    pub tried: String,
    #[serde(default)]
    pub accessories: Vec<Accessory>,
    #[serde(default)]
    pub accessories_other: String,
    #[serde(default)]
    pub condition: Vec<ConditionFlag>,
    #[serde(default)]
    pub condition_notes: String,
    pub arrival: Arrival,
    #[serde(default)]
    pub voiding: Voiding,
}

/// The customer of a new ticket: one already on file, or a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CustomerChoice {
    Existing { id: CustomerId },
    New { details: CustomerDetails },
}

impl CustomerChoice {
    /// A new customer's details are checked (fields under `customer.`); an existing one is
    /// looked up by the store.
    pub fn validated(&self) -> Result<CustomerChoice, DomainError> {
        match self {
            CustomerChoice::Existing { id } => Ok(CustomerChoice::Existing { id: *id }),
            CustomerChoice::New { details } => {
                details.validated("customer.").map(|details| CustomerChoice::New { details })
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeForm {
    pub customer: CustomerChoice,
    #[serde(flatten)]
    pub details: IntakeDetails,
}

impl IntakeForm {
    /// Checks every field on the shop's `today`; every problem is reported at once.
    pub fn validated(&self, today: Date) -> Result<IntakeForm, DomainError> {
        let mut problems = Problems::default();
        let customer = self.customer.validated();
        let d = &self.details;
        let mut take = |r: Result<String, DomainError>| {
            r.unwrap_or_else(|e| {
                problems.merge(e);
                String::new()
            })
        };
        let fault = take(text::multi_line("fault", &d.fault, 2000));
        let tried = take(text::multi_line("tried", &d.tried, 2000));
        let accessories_other = take(text::single_line("accessories_other", &d.accessories_other, 200));
        let condition_notes = take(text::multi_line("condition_notes", &d.condition_notes, 1000));
        let arrival = match &d.arrival {
            Arrival::WalkIn => Arrival::WalkIn,
            Arrival::MailIn { carrier, tracking } => {
                let carrier = take(text::single_line("arrival.carrier", carrier, 40));
                let tracking = take(text::single_line("arrival.tracking", tracking, 60));
                Arrival::MailIn { carrier, tracking }
            }
        };
        if fault.is_empty() {
            problems.add("fault", "Describe the fault the customer reports.");
        }
        if let Arrival::MailIn { carrier, tracking } = &arrival {
            if carrier.is_empty() {
                problems.add("arrival.carrier", "Enter the carrier the parcel came with.");
            }
            if tracking.is_empty() {
                problems.add("arrival.tracking", "Enter the parcel's tracking number.");
            }
        }
        let customer = customer.map_err(|e| problems.merge(e)).ok();
        let device = d.device.validated().map_err(|e| problems.merge(e)).ok();
        let purchase = d.purchase.validated(today).map_err(|e| problems.merge(e)).ok();
        let voiding = d.voiding.validated().map_err(|e| problems.merge(e)).ok();
        if let Some(kind) = d.device.kind {
            if let Some(f) = d.voiding.findings.iter().find(|f| !kind.voiding_findings().contains(f)) {
                problems.add(
                    "warranty.findings",
                    format!("\"{}\" does not apply to a {}.", f.label(), kind.label().to_lowercase()),
                );
            }
        }
        problems.into_result()?;
        let (Some(customer), Some(device), Some(purchase), Some(voiding)) = (customer, device, purchase, voiding)
        else {
            unreachable!("every part is Some when there are no problems")
        };
        let mut accessories = d.accessories.clone();
        accessories.dedup();
        let mut condition = d.condition.clone();
        condition.dedup();
        Ok(IntakeForm {
            customer,
            details: IntakeDetails {
                device,
                purchase,
                fault,
                tried,
                accessories,
                accessories_other,
                condition,
                condition_notes,
                arrival,
                voiding,
            },
        })
    }
}

/// The intake form's live preview: the purchase dates are checked as booking in checks them
/// (a date in the future is refused at its field), then `assess`ed.
pub fn preview(
    policy: &Policy,
    details: &IntakeDetails,
    today: Date,
    earlier: Option<&PurchaseRecord>,
) -> Result<(WarrantyCheck, Date), DomainError> {
    details.purchase.validated(today)?;
    Ok(assess(policy, details, today, earlier))
}

/// What the policy says about a watch booked in today: its warranty and when the assessment
/// is due. `earlier` is the purchase record from an earlier ticket of the same serial, used
/// when this intake has no dates: the warranty follows the watch, not the ticket.
pub fn assess(
    policy: &Policy,
    details: &IntakeDetails,
    today: Date,
    earlier: Option<&PurchaseRecord>,
) -> (WarrantyCheck, Date) {
    let has_dates = |p: &PurchaseRecord| p.purchase_date.is_some() || p.delivery_date.is_some();
    let purchase = match earlier {
        Some(e) if !has_dates(&details.purchase) && has_dates(e) => e,
        _ => &details.purchase,
    };
    let check = warranty::check(policy, purchase, today, &details.voiding);
    (check, policy.assessment_due.last_day(today, &policy.calendar))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::DeviceKind;
    use crate::warranty::VoidingFinding;
    use jiff::civil::date;

    pub fn form() -> IntakeForm {
        IntakeForm {
            customer: CustomerChoice::New {
                details: CustomerDetails {
                    name: "Ayşe Yılmaz".into(),
                    phone: "+90 542 341 5194".into(),
                    ..CustomerDetails::default()
                },
            },
            details: IntakeDetails {
                device: Device {
                    kind: Some(DeviceKind::Smartwatch),
                    brand: "KOSPET".into(),
                    model: "Tank T3 Ultra".into(),
                    serial: "KP-2291-0042".into(),
                    item_code: String::new(),
                    colour: "Black".into(),
                },
                purchase: PurchaseRecord { purchase_date: Some(date(2026, 3, 2)), ..PurchaseRecord::default() },
                fault: "Does not charge".into(),
                tried: String::new(),
                accessories: vec![Accessory::Charger, Accessory::Charger],
                accessories_other: String::new(),
                condition: vec![ConditionFlag::Scratches],
                condition_notes: String::new(),
                arrival: Arrival::WalkIn,
                voiding: Voiding::default(),
            },
        }
    }

    #[test]
    fn a_complete_form_is_accepted_and_tidied() {
        let ok = form().validated(date(2026, 11, 22)).unwrap();
        assert_eq!(ok.details.accessories, vec![Accessory::Charger]);
    }

    #[test]
    fn every_problem_is_reported_next_to_its_field() {
        let mut f = form();
        f.customer = CustomerChoice::New { details: CustomerDetails::default() };
        f.details.fault = " ".into();
        f.details.device.model = String::new();
        f.details.purchase.purchase_date = Some(date(2026, 12, 1));
        f.details.arrival = Arrival::MailIn { carrier: "DHL".into(), tracking: String::new() };
        f.details.tried = "x".repeat(2001);
        let err = f.validated(date(2026, 11, 22)).unwrap_err();
        let mut fields: Vec<_> = err.fields().iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "arrival.tracking",
                "customer.name",
                "customer.phone",
                "device.model",
                "fault",
                "purchase.purchase_date",
                "tried"
            ]
        );
    }

    #[test]
    fn the_kind_is_asked_for_and_decides_the_findings_that_apply() {
        let mut f = form();
        f.details.device.kind = None;
        let err = f.validated(date(2026, 11, 22)).unwrap_err();
        assert_eq!(err.fields()[0].field, "device.kind");
        // No firmware in a mechanical watch: a flashed-firmware finding is refused at the findings.
        f.details.device.kind = Some(DeviceKind::Mechanical);
        f.details.voiding = Voiding { findings: vec![VoidingFinding::FlashedFirmware], reason: "Rooted".into() };
        let err = f.validated(date(2026, 11, 22)).unwrap_err();
        assert_eq!(err.fields()[0].field, "warranty.findings");
        assert!(err.fields()[0].message.contains("mechanical watch"), "{}", err.fields()[0].message);
        f.details.device.kind = Some(DeviceKind::Smartwatch);
        assert!(f.validated(date(2026, 11, 22)).is_ok());
        assert_eq!(DeviceKind::Mechanical.serial_label(), "Serial");
        assert_eq!(DeviceKind::Smartwatch.serial_label(), "Serial or IMEI");
        assert_eq!(DeviceKind::Quartz.voiding_findings().len(), VoidingFinding::ALL.len() - 1);
    }

    #[test]
    fn the_preview_refuses_a_future_purchase_date_as_booking_in_does() {
        let mut details = form().details;
        details.purchase.purchase_date = Some(date(2026, 11, 23));
        let err = preview(&Policy::default(), &details, date(2026, 11, 22), None).unwrap_err();
        assert_eq!(err.fields()[0].field, "purchase.purchase_date");
        details.purchase.purchase_date = Some(date(2026, 11, 22));
        assert!(preview(&Policy::default(), &details, date(2026, 11, 22), None).is_ok(), "today is not the future");
    }

    #[test]
    fn assessment_due_in_two_business_days_and_warranty_follows_the_serial() {
        let policy = Policy::default();
        let mut details = form().details;
        // booked in on Friday 2026-11-20: due Tuesday the 24th
        let (check, due) = assess(&policy, &details, date(2026, 11, 20), None);
        assert_eq!(due, date(2026, 11, 24));
        assert!(check.is_covered());
        // no dates this time, but an earlier ticket of this serial had them
        details.purchase = PurchaseRecord::default();
        let earlier = PurchaseRecord { purchase_date: Some(date(2026, 3, 2)), ..PurchaseRecord::default() };
        let (check, _) = assess(&policy, &details, date(2026, 11, 20), Some(&earlier));
        assert!(check.is_covered(), "{}", check.describe());
        let (check, _) = assess(&policy, &details, date(2026, 11, 20), None);
        assert!(!check.is_covered());
    }
}
