//! The watch as a record of its own: what it is (brand, reference, serial, calibre, case),
//! the notes that follow it into every intake, and who owned it when. A watch is known by
//! its brand and serial together; a watch that nearly matches one already known (the same
//! serial under another brand, a serial one character off) is offered to staff, never merged
//! on its own.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::customer::CustomerId;
use crate::device::{serial_key, Device, DeviceKind};
use crate::error::Problems;
use crate::search::fold;
use crate::text;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WatchId(pub i64);

/// What drives the watch. Tickets from before watch records say only "mechanical", so the
/// winding may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    /// Mechanical, its winding not recorded.
    Mechanical,
    ManualWind,
    Automatic,
    Quartz,
    Smartwatch,
}

impl MovementKind {
    pub const ALL: [MovementKind; 5] = [
        MovementKind::ManualWind,
        MovementKind::Automatic,
        MovementKind::Mechanical,
        MovementKind::Quartz,
        MovementKind::Smartwatch,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MovementKind::Mechanical => "Mechanical (winding not recorded)",
            MovementKind::ManualWind => "Mechanical, manual wind",
            MovementKind::Automatic => "Mechanical, automatic",
            MovementKind::Quartz => "Quartz",
            MovementKind::Smartwatch => "Smartwatch",
        }
    }

    /// The movement a ticket's device kind tells of.
    pub fn of_device(kind: DeviceKind) -> MovementKind {
        match kind {
            DeviceKind::Mechanical => MovementKind::Mechanical,
            DeviceKind::Quartz => MovementKind::Quartz,
            DeviceKind::Smartwatch => MovementKind::Smartwatch,
        }
    }

    pub fn is_mechanical(self) -> bool {
        matches!(self, MovementKind::Mechanical | MovementKind::ManualWind | MovementKind::Automatic)
    }
}

/// A watch as the shop records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchDetails {
    pub brand: String,
    pub model: String,
    /// The maker's reference (e.g. 79030N); not unique to one watch.
    #[serde(default)]
    pub reference: String,
    /// The serial number, or a smartwatch's IMEI: with the brand, the watch's identity.
    pub serial: String,
    pub movement: MovementKind,
    #[serde(default)]
    pub calibre: String,
    #[serde(default)]
    pub case_material: String,
    /// The case's diameter in tenths of a millimetre (39.0 mm is 390); none when not measured.
    #[serde(default)]
    pub case_diameter: Option<u16>,
    #[serde(default)]
    pub bracelet: String,
    #[serde(default)]
    pub dial: String,
    /// What follows the watch into its next intake ("crown tube is fragile").
    #[serde(default)]
    pub notes: String,
}

/// The smallest and largest case a wrist watch has, in tenths of a millimetre.
const CASE_DIAMETERS: std::ops::RangeInclusive<u16> = 150..=700;

impl WatchDetails {
    /// The watch a ticket's device describes, as its first record: what the intake asked for,
    /// the rest for the watchmaker to complete (a device of no kind yet is a mechanical one,
    /// its winding not recorded).
    pub fn of_device(device: &Device) -> WatchDetails {
        WatchDetails {
            brand: device.brand.clone(),
            model: device.model.clone(),
            reference: device.item_code.clone(),
            serial: device.serial.clone(),
            movement: device.kind.map_or(MovementKind::Mechanical, MovementKind::of_device),
            calibre: String::new(),
            case_material: String::new(),
            case_diameter: None,
            bracelet: String::new(),
            dial: device.colour.clone(),
            notes: String::new(),
        }
    }

    /// The details tidied, or every problem at its field at once.
    pub fn validated(&self) -> Result<WatchDetails, DomainError> {
        let mut problems = Problems::default();
        let mut line = |key: &str, value: &str, max: usize| match text::single_line(&format!("watch.{key}"), value, max)
        {
            Ok(v) => v,
            Err(e) => {
                problems.merge(e);
                String::new()
            }
        };
        let mut out = WatchDetails {
            brand: line("brand", &self.brand, 80),
            model: line("model", &self.model, 120),
            reference: line("reference", &self.reference, 60),
            serial: line("serial", &self.serial, 60),
            movement: self.movement,
            calibre: line("calibre", &self.calibre, 60),
            case_material: line("case_material", &self.case_material, 60),
            case_diameter: self.case_diameter,
            bracelet: line("bracelet", &self.bracelet, 120),
            dial: line("dial", &self.dial, 120),
            notes: String::new(),
        };
        match text::multi_line("watch.notes", &self.notes, 2000) {
            Ok(v) => out.notes = v,
            Err(e) => problems.merge(e),
        }
        if out.brand.is_empty() {
            problems.add("watch.brand", "Enter the watch's brand, as on its dial.");
        }
        if let Some(d) = out.case_diameter {
            if !CASE_DIAMETERS.contains(&d) {
                problems.add(
                    "watch.case_diameter",
                    format!(
                        "A case is between {} and {} mm across ({} mm is not a wrist watch's).",
                        CASE_DIAMETERS.start() / 10,
                        CASE_DIAMETERS.end() / 10,
                        format_tenths(d)
                    ),
                );
            }
        }
        problems.into_result()?;
        Ok(out)
    }

    pub fn identity(&self) -> WatchIdentity {
        WatchIdentity::of(&self.brand, &self.serial)
    }
}

/// Reads a diameter typed in millimetres ("39", "39.5", "39,5") into tenths.
pub fn parse_case_diameter(typed: &str) -> Result<Option<u16>, DomainError> {
    let t = typed.trim().trim_end_matches("mm").trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    let refuse =
        || DomainError::invalid("watch.case_diameter", "Enter the case's diameter in millimetres, such as 39 or 40.5.");
    let mm: f64 = t.parse().map_err(|_| refuse())?;
    if !mm.is_finite() || mm <= 0.0 || mm > 1000.0 {
        return Err(refuse());
    }
    Ok(Some((mm * 10.0).round() as u16))
}

fn format_tenths(v: u16) -> String {
    if v.is_multiple_of(10) {
        format!("{}", v / 10)
    } else {
        format!("{}.{}", v / 10, v % 10)
    }
}

/// A watch's identity: its brand and serial, folded as staff and scanners write them
/// ("Tudor" and "TUDOR", "79030-N" and "79030N" are one).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WatchIdentity {
    pub brand: String,
    pub serial: String,
}

/// How a watch already known nearly matches one being booked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NearMatch {
    /// The same serial under another brand (a brand mistyped, or a maker's sister brand).
    SameSerialOtherBrand,
    /// The same brand and a serial one character off (a typing slip, two characters swapped).
    SerialOneOff,
}

impl NearMatch {
    pub fn sentence(self) -> &'static str {
        match self {
            NearMatch::SameSerialOtherBrand => "A watch with this serial is known under another brand.",
            NearMatch::SerialOneOff => "A watch of this brand is known with a serial one character different.",
        }
    }
}

impl WatchIdentity {
    pub fn of(brand: &str, serial: &str) -> WatchIdentity {
        WatchIdentity {
            brand: fold(brand).split_whitespace().collect::<Vec<_>>().join(" "),
            serial: serial_key(serial),
        }
    }

    /// Whether this watch can be told from others at all: a serial is what tells it.
    pub fn is_known(&self) -> bool {
        !self.serial.is_empty()
    }

    /// How `other` nearly matches this one, if it does; `None` for the same watch (which is
    /// found, not offered) and for a watch that is plainly another.
    pub fn near(&self, other: &WatchIdentity) -> Option<NearMatch> {
        if !self.is_known() || !other.is_known() || self == other {
            return None;
        }
        if self.serial == other.serial {
            return Some(NearMatch::SameSerialOtherBrand);
        }
        // Short serials one off are too often different watches to offer.
        if self.brand == other.brand && self.serial.chars().count() >= 5 && one_off(&self.serial, &other.serial) {
            return Some(NearMatch::SerialOneOff);
        }
        None
    }
}

/// Whether `a` becomes `b` by one slip: a character changed, added, dropped, or two
/// neighbours swapped.
fn one_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    match a.len() as i64 - b.len() as i64 {
        0 => {
            let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match differ.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => dropped_one(&a, &b),
        -1 => dropped_one(&b, &a),
        _ => false,
    }
}

/// Whether `shorter` is `longer` with one character left out.
fn dropped_one(longer: &[char], shorter: &[char]) -> bool {
    let first = longer.iter().zip(shorter).take_while(|(x, y)| x == y).count();
    longer[first + 1..] == shorter[first..]
}

/// Who owned the watch from when: the owner now is the one without an end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ownership {
    pub customer: CustomerId,
    pub from: Date,
    pub until: Option<Date>,
}

/// The history after the watch passes to `customer` on `on` (sold on, inherited): the owner
/// until then keeps the watch's past, up to the day before. Refused for the owner it has, or
/// a day before the present owner's.
pub fn pass_to(history: &[Ownership], customer: CustomerId, on: Date) -> Result<Vec<Ownership>, DomainError> {
    let mut next = history.to_vec();
    if let Some(current) = next.iter_mut().find(|o| o.until.is_none()) {
        if current.customer == customer {
            return Err(DomainError::invalid("watch.owner", "That customer owns this watch already."));
        }
        if on <= current.from {
            return Err(DomainError::invalid(
                "watch.owner_from",
                "The new owner's date comes after the present owner's: choose a later day.",
            ));
        }
        current.until = Some(on.yesterday().unwrap_or(on));
    }
    next.push(Ownership { customer, from: on, until: None });
    Ok(next)
}

/// The history with `customer` as an owner before the first one known, from `on` to the day
/// before the first owner's (an older ticket of the watch found after a later one); `None`
/// when `on` is not before the first owner's day or the first owner is that customer.
pub fn with_earlier_owner(history: &[Ownership], customer: CustomerId, on: Date) -> Option<Vec<Ownership>> {
    let first = history.iter().min_by_key(|o| o.from)?;
    if on >= first.from || first.customer == customer {
        return None;
    }
    let mut next = vec![Ownership { customer, from: on, until: Some(first.from.yesterday().unwrap_or(first.from)) }];
    next.extend(history.iter().cloned());
    Some(next)
}

/// The owners after `customer` brings the watch in on `on`, if that changes them: passed to
/// them when someone else owned it before (they own it from this intake on), or with them
/// before the first owner known (an older ticket of the watch, linked late). `None` when they
/// owned it on that day already, or the day fits neither.
pub fn brought_in_by(history: &[Ownership], customer: CustomerId, on: Date) -> Option<Vec<Ownership>> {
    let owned_then = history.iter().any(|o| o.customer == customer && o.from <= on && o.until.is_none_or(|u| on <= u));
    if owned_then {
        return None;
    }
    pass_to(history, customer, on).ok().or_else(|| with_earlier_owner(history, customer, on))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn tudor() -> WatchDetails {
        WatchDetails {
            brand: "Tudor".into(),
            model: "Black Bay 58".into(),
            reference: "79030N".into(),
            serial: "J8K2 4471".into(),
            movement: MovementKind::Automatic,
            calibre: "MT5402".into(),
            case_material: "Steel".into(),
            case_diameter: Some(390),
            bracelet: "Riveted steel".into(),
            dial: "Black".into(),
            notes: "Crown tube is fragile.".into(),
        }
    }

    #[test]
    fn a_watch_is_known_by_its_brand_and_serial_as_staff_type_them() {
        let a = WatchIdentity::of("Tudor", "J8K2 4471");
        assert_eq!(a, WatchIdentity::of("  TUDOR ", "j8k2-4471"));
        assert_ne!(a, WatchIdentity::of("Rolex", "J8K2 4471"));
        assert!(!WatchIdentity::of("Tudor", " - ").is_known());
    }

    #[test]
    fn near_matches_are_offered_and_the_same_watch_is_not() {
        let known = WatchIdentity::of("Tudor", "J8K24471");
        assert_eq!(known.near(&WatchIdentity::of("Tudor", "J8K24471")), None, "the same watch is found, not offered");
        assert_eq!(known.near(&WatchIdentity::of("Rolex", "J8K24471")), Some(NearMatch::SameSerialOtherBrand));
        for slip in ["J8K24472", "J8K2471", "J8K244711", "J8K42471", "8JK24471"] {
            assert_eq!(known.near(&WatchIdentity::of("Tudor", slip)), Some(NearMatch::SerialOneOff), "{slip}");
        }
        for other in ["J8K24400", "X9Z11111", "J8K2447111"] {
            assert_eq!(known.near(&WatchIdentity::of("Tudor", other)), None, "{other}");
        }
        // Another brand and a serial one off is another watch; short serials are not offered.
        assert_eq!(known.near(&WatchIdentity::of("Rolex", "J8K24472")), None);
        assert_eq!(WatchIdentity::of("Seiko", "1234").near(&WatchIdentity::of("Seiko", "1235")), None);
        assert_eq!(WatchIdentity::of("Seiko", "").near(&WatchIdentity::of("Seiko", "")), None);
    }

    #[test]
    fn details_are_refused_at_each_field_at_once() {
        assert_eq!(tudor().validated().unwrap(), tudor());
        let bad = WatchDetails { brand: " ".into(), case_diameter: Some(900), ..tudor() };
        let err = bad.validated().unwrap_err();
        let fields: Vec<(String, String)> = match &err {
            DomainError::Invalid(p) => p.iter().map(|f| (f.field.to_string(), f.message.to_string())).collect(),
            other => panic!("{other}"),
        };
        assert_eq!(fields.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["watch.brand", "watch.case_diameter"]);
        assert!(fields[1].1.contains("90 mm is not"), "{fields:?}");
    }

    #[test]
    fn a_diameter_is_read_in_millimetres_with_a_point_or_a_comma() {
        assert_eq!(parse_case_diameter("39").unwrap(), Some(390));
        assert_eq!(parse_case_diameter("40,5 mm").unwrap(), Some(405));
        assert_eq!(parse_case_diameter(" ").unwrap(), None);
        assert!(parse_case_diameter("forty").unwrap_err().to_string().contains("millimetres"));
        assert!(parse_case_diameter("-3").is_err());
    }

    #[test]
    fn a_watch_passed_on_keeps_both_owners_and_their_days() {
        let first = [Ownership { customer: CustomerId(1), from: date(2024, 2, 29), until: None }];
        let next = pass_to(&first, CustomerId(2), date(2026, 1, 1)).unwrap();
        assert_eq!(next[0].until, Some(date(2025, 12, 31)), "the first owner's days end the day before");
        assert_eq!((next[1].customer, next[1].until), (CustomerId(2), None));
        assert!(pass_to(&next, CustomerId(2), date(2026, 6, 1)).is_err(), "the owner it has");
        assert!(pass_to(&next, CustomerId(3), date(2026, 1, 1)).is_err(), "not before the present owner's day");
        assert_eq!(pass_to(&[], CustomerId(5), date(2026, 1, 1)).unwrap().len(), 1);
    }

    #[test]
    fn an_older_owner_found_later_goes_before_the_first_one() {
        let now = [Ownership { customer: CustomerId(2), from: date(2026, 11, 1), until: None }];
        let next = with_earlier_owner(&now, CustomerId(1), date(2025, 3, 2)).unwrap();
        assert_eq!((next[0].customer, next[0].until), (CustomerId(1), Some(date(2026, 10, 31))));
        assert_eq!(next[1], now[0]);
        assert_eq!(with_earlier_owner(&now, CustomerId(2), date(2025, 3, 2)), None, "the same owner");
        assert_eq!(with_earlier_owner(&now, CustomerId(1), date(2026, 12, 1)), None, "not before");
        assert_eq!(with_earlier_owner(&[], CustomerId(1), date(2026, 12, 1)), None);
    }

    #[test]
    fn a_watch_brought_in_changes_its_owners_only_when_someone_else_owned_it() {
        let first = [Ownership { customer: CustomerId(1), from: date(2025, 3, 2), until: None }];
        assert_eq!(brought_in_by(&first, CustomerId(1), date(2026, 1, 1)), None, "its owner again");
        let sold = brought_in_by(&first, CustomerId(2), date(2026, 1, 1)).unwrap();
        assert_eq!((sold[0].until, sold[1].customer), (Some(date(2025, 12, 31)), CustomerId(2)));
        // The first owner's older ticket, during their days: nothing changes.
        assert_eq!(brought_in_by(&sold, CustomerId(1), date(2025, 6, 1)), None);
        // Someone's ticket from before the first owner: they owned it before.
        let earlier = brought_in_by(&sold, CustomerId(3), date(2024, 1, 1)).unwrap();
        assert_eq!((earlier[0].customer, earlier[0].until), (CustomerId(3), Some(date(2025, 3, 1))));
        // A ticket of someone else during the first owner's days fits neither.
        assert_eq!(brought_in_by(&sold, CustomerId(4), date(2025, 6, 1)), None);
    }

    #[test]
    fn a_ticket_s_device_kind_tells_the_movement() {
        assert_eq!(MovementKind::of_device(DeviceKind::Mechanical), MovementKind::Mechanical);
        assert!(MovementKind::of_device(DeviceKind::Mechanical).is_mechanical());
        assert!(!MovementKind::of_device(DeviceKind::Smartwatch).is_mechanical());
    }

    proptest! {
        #[test]
        fn a_serial_with_one_character_changed_is_always_offered(serial in "[A-Z0-9]{5,12}", at in 0usize..12, to in "[A-Z0-9]") {
            let at = at % serial.len();
            let mut changed: Vec<char> = serial.chars().collect();
            let to = to.chars().next().unwrap();
            prop_assume!(changed[at] != to);
            changed[at] = to;
            let changed: String = changed.into_iter().collect();
            let known = WatchIdentity::of("Omega", &serial);
            prop_assert_eq!(known.near(&WatchIdentity::of("Omega", &changed)), Some(NearMatch::SerialOneOff));
            prop_assert_eq!(WatchIdentity::of("Omega", &changed).near(&known), Some(NearMatch::SerialOneOff));
        }
    }
}
