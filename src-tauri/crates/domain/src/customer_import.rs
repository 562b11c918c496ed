//! A customer list brought in from a spreadsheet (CSV): which column holds what (guessed from
//! the header, chosen by staff), each row checked as an intake would check the customer, the
//! people already known found by their phone or e-mail, and the plan shown before anything is
//! written. A watch on the row (brand and serial) is recorded as theirs.

use serde::{Deserialize, Serialize};

use crate::customer::{Customer, CustomerDetails, CustomerId};
use crate::search::digits;
use crate::watch::{MovementKind, WatchDetails};
use crate::DomainError;

/// What a file's column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Ignore,
    Name,
    Phone,
    Email,
    Address,
    WatchBrand,
    WatchModel,
    WatchSerial,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Ignore,
        Field::Name,
        Field::Phone,
        Field::Email,
        Field::Address,
        Field::WatchBrand,
        Field::WatchModel,
        Field::WatchSerial,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Ignore => "Not imported",
            Field::Name => "Name",
            Field::Phone => "Phone",
            Field::Email => "E-mail",
            Field::Address => "Address",
            Field::WatchBrand => "Watch: brand",
            Field::WatchModel => "Watch: model",
            Field::WatchSerial => "Watch: serial or IMEI",
        }
    }

    /// What a header most likely names ("Mobile" is a phone, "Serial no." a serial).
    pub fn guess(header: &str) -> Field {
        let h = header.trim().to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
        if has(&["serial", "imei"]) {
            Field::WatchSerial
        } else if has(&["brand", "make"]) {
            Field::WatchBrand
        } else if has(&["model", "watch"]) {
            Field::WatchModel
        } else if has(&["mail"]) {
            Field::Email
        } else if has(&["phone", "mobile", "tel", "whatsapp", "cell"]) {
            Field::Phone
        } else if has(&["address", "street", "city"]) {
            Field::Address
        } else if has(&["name", "customer", "client"]) {
            Field::Name
        } else {
            Field::Ignore
        }
    }
}

/// Which field each column of the file holds, in the file's column order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mapping(pub Vec<Field>);

impl Mapping {
    /// The mapping a header suggests; a field claimed twice keeps its first column.
    pub fn guess(header: &[String]) -> Mapping {
        let mut taken = Vec::new();
        Mapping(
            header
                .iter()
                .map(|h| match Field::guess(h) {
                    f if f != Field::Ignore && taken.contains(&f) => Field::Ignore,
                    f => {
                        taken.push(f);
                        f
                    }
                })
                .collect(),
        )
    }

    /// Refused when no column holds the name, or a field is chosen for two columns.
    pub fn checked(&self) -> Result<&Mapping, DomainError> {
        if !self.0.contains(&Field::Name) {
            return Err(DomainError::invalid("mapping", "Choose the column that holds the customer's name."));
        }
        for f in Field::ALL.into_iter().filter(|f| *f != Field::Ignore) {
            if self.0.iter().filter(|g| **g == f).count() > 1 {
                return Err(DomainError::invalid(
                    "mapping",
                    format!("Two columns are chosen as \"{}\": choose it for one only.", f.label()),
                ));
            }
        }
        if self.0.contains(&Field::WatchSerial) && !self.0.contains(&Field::WatchBrand) {
            return Err(DomainError::invalid(
                "mapping",
                "A watch is known by its brand and serial: choose the brand's column too, or leave the serial out.",
            ));
        }
        Ok(self)
    }

    fn get<'a>(&self, field: Field, row: &'a [String]) -> &'a str {
        self.0.iter().position(|f| *f == field).and_then(|i| row.get(i)).map_or("", |s| s.trim())
    }

    /// One row as a customer (and their watch), or the reason it is refused.
    pub fn row(&self, row: &[String]) -> Result<ImportedCustomer, String> {
        let details = CustomerDetails {
            name: self.get(Field::Name, row).into(),
            phone: self.get(Field::Phone, row).into(),
            email: self.get(Field::Email, row).into(),
            address: self.get(Field::Address, row).into(),
        }
        .validated("")
        .map_err(|e| e.fields().iter().map(|f| f.message.clone()).collect::<Vec<_>>().join(" "))?;
        let (brand, serial) = (self.get(Field::WatchBrand, row), self.get(Field::WatchSerial, row));
        let watch = if brand.is_empty() || serial.is_empty() {
            None
        } else {
            let w = WatchDetails {
                brand: brand.into(),
                model: self.get(Field::WatchModel, row).into(),
                reference: String::new(),
                serial: serial.into(),
                movement: MovementKind::Mechanical,
                calibre: String::new(),
                case_material: String::new(),
                case_diameter: None,
                bracelet: String::new(),
                dial: String::new(),
                notes: String::new(),
            };
            Some(
                w.validated()
                    .map_err(|e| e.fields().iter().map(|f| f.message.clone()).collect::<Vec<_>>().join(" "))?,
            )
        };
        Ok(ImportedCustomer { details, watch })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedCustomer {
    pub details: CustomerDetails,
    pub watch: Option<WatchDetails>,
}

/// A row left out, by its line in the file (the header is line 1), and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    pub line: usize,
    pub reason: String,
    /// The customer already known who the row is, if that is why.
    pub known: Option<CustomerId>,
}

/// What an import does: the customers it adds (each with its line), and the rows it leaves
/// out, refused or already known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerImportPlan {
    pub added: Vec<(usize, ImportedCustomer)>,
    pub left_out: Vec<LeftOut>,
}

/// A phone as compared: its last 8 digits, so "+90 542 341 51 94" and "0542 341 51 94" are
/// one line (a Hong Kong number is 8 digits; a country code or trunk zero comes before them).
fn phone_key(phone: &str) -> Option<String> {
    let d = digits(phone);
    (d.len() >= 8).then(|| d[d.len() - 8..].to_string())
}

fn email_key(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    (!e.is_empty()).then_some(e)
}

impl CustomerImportPlan {
    /// Plans the rows against the customers known: one whose phone (its digits) or e-mail is
    /// already a customer's is left out as known, and so is one the file has twice.
    pub fn new(rows: Vec<(usize, Result<ImportedCustomer, String>)>, known: &[Customer]) -> CustomerImportPlan {
        use std::collections::HashMap;
        // Each known phone and e-mail once, to the customer it reaches (a whole shop's
        // customers against a whole file, under the write lock: no row meets every customer).
        let mut by_key: HashMap<String, &Customer> = HashMap::new();
        for k in known {
            for key in keys(&k.details) {
                by_key.entry(key).or_insert(k);
            }
        }
        let mut in_file: HashMap<String, usize> = HashMap::new();
        let mut plan = CustomerImportPlan::default();
        for (line, row) in rows {
            let c = match row {
                Ok(c) => c,
                Err(reason) => {
                    plan.left_out.push(LeftOut { line, reason, known: None });
                    continue;
                }
            };
            let keys = keys(&c.details);
            if let Some(k) = keys.iter().find_map(|key| by_key.get(key)) {
                let reason = format!("Already a customer: {} ({}).", k.details.name, reach(&k.details));
                plan.left_out.push(LeftOut { line, reason, known: Some(k.id) });
            } else if let Some(first) = keys.iter().find_map(|key| in_file.get(key)) {
                let reason = format!("The same customer as on line {first} of this file.");
                plan.left_out.push(LeftOut { line, reason, known: None });
            } else {
                for key in keys {
                    in_file.insert(key, line);
                }
                plan.added.push((line, c));
            }
        }
        plan
    }
}

/// The keys a customer is found by: their phone's ("p:") and their e-mail's ("e:").
fn keys(d: &CustomerDetails) -> Vec<String> {
    phone_key(&d.phone)
        .map(|p| format!("p:{p}"))
        .into_iter()
        .chain(email_key(&d.email).map(|e| format!("e:{e}")))
        .collect()
}

fn reach(d: &CustomerDetails) -> &str {
    if d.phone.is_empty() {
        &d.email
    } else {
        &d.phone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_header_suggests_each_column_s_field_and_a_name_is_needed() {
        let header = cells(&["Customer name", "Mobile", "E-mail address", "Notes", "Brand", "Serial no.", "Name 2"]);
        let m = Mapping::guess(&header);
        assert_eq!(
            m.0,
            [
                Field::Name,
                Field::Phone,
                Field::Email,
                Field::Ignore,
                Field::WatchBrand,
                Field::WatchSerial,
                Field::Ignore
            ]
        );
        assert!(m.checked().is_ok());
        assert!(Mapping(vec![Field::Phone]).checked().unwrap_err().to_string().contains("name"));
        assert!(Mapping(vec![Field::Name, Field::Phone, Field::Phone])
            .checked()
            .unwrap_err()
            .to_string()
            .contains("Phone"));
        assert!(Mapping(vec![Field::Name, Field::WatchSerial]).checked().unwrap_err().to_string().contains("brand"));
    }

    #[test]
    fn rows_are_checked_as_an_intake_checks_a_customer_and_the_known_are_left_out() {
        let m = Mapping(vec![Field::Name, Field::Phone, Field::Email, Field::WatchBrand, Field::WatchSerial]);
        let ok = m.row(&cells(&["Ayşe Yılmaz", "+90 542 341 51 94", "", "Seiko", "4R35-01T0"])).unwrap();
        assert_eq!(ok.watch.as_ref().map(|w| w.serial.as_str()), Some("4R35-01T0"));
        assert!(m.row(&cells(&["", "+852 9000 0000", "", "", ""])).unwrap_err().contains("name"));
        assert!(m.row(&cells(&["Lee", "", "", "", ""])).unwrap_err().contains("phone number or an email"));
        let no_watch = m.row(&cells(&["Wong", "", "wong@example.hk", "Seiko", ""])).unwrap();
        assert!(no_watch.watch.is_none(), "a brand without its serial is no watch to record");

        let known = Customer {
            id: CustomerId(9),
            details: CustomerDetails { name: "Ayşe Y.".into(), phone: "0542 341 51 94".into(), ..Default::default() },
        };
        let rows = vec![
            (2, Ok(ok.clone())),
            (3, m.row(&cells(&["Wong Ka Ming", "", "KM@example.hk", "", ""]))),
            (4, m.row(&cells(&["Wong K. M.", "", "km@example.hk", "", ""]))),
            (5, Err("Enter the customer's name.".to_string())),
        ];
        let plan = CustomerImportPlan::new(rows, &[known]);
        assert_eq!(plan.added.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [3]);
        let out: Vec<_> = plan.left_out.iter().map(|l| (l.line, l.known)).collect();
        assert_eq!(out, [(2, Some(CustomerId(9))), (4, None), (5, None)]);
        assert_eq!(plan.left_out[0].reason, "Already a customer: Ayşe Y. (0542 341 51 94).");
        assert_eq!(plan.left_out[1].reason, "The same customer as on line 3 of this file.");
    }
}
