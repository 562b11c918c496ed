//! Customers: who brought or sent the watch, and how to reach them.

use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::settings::values::{parse_email, parse_phone};
use crate::text;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerId(pub i64);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerDetails {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    #[serde(flatten)]
    pub details: CustomerDetails,
}

pub const MAX_NAME: usize = 120;

/// One corrected detail, as the customer's history records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// "name", "phone", "e-mail" or "address", as the sentence reads it.
    pub field: String,
    pub from: String,
    pub to: String,
}

impl CustomerDetails {
    /// What changes from `self` to `next`, detail by detail (nothing for an unchanged one).
    pub fn corrections_to(&self, next: &CustomerDetails) -> Vec<Correction> {
        [
            ("name", &self.name, &next.name),
            ("phone", &self.phone, &next.phone),
            ("e-mail", &self.email, &next.email),
            ("address", &self.address, &next.address),
        ]
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| Correction { field: field.into(), from: from.clone(), to: to.clone() })
        .collect()
    }
}

impl CustomerDetails {
    /// Trims and checks; a customer needs a name and a way to reach them (phone or email).
    pub fn validated(&self, prefix: &str) -> Result<CustomerDetails, DomainError> {
        let mut problems = Problems::default();
        let key = |f: &str| format!("{prefix}{f}");
        let mut out = CustomerDetails::default();
        match text::single_line(&key("name"), &self.name, MAX_NAME) {
            Ok(n) if n.is_empty() => problems.add(key("name"), "Enter the customer's name."),
            Ok(n) => out.name = n,
            Err(e) => problems.merge(e),
        }
        match parse_phone(&self.phone) {
            Ok(p) => out.phone = p,
            Err(m) => problems.add(key("phone"), m),
        }
        match parse_email(&self.email) {
            Ok(e) => out.email = e,
            Err(m) => problems.add(key("email"), m),
        }
        match text::multi_line(&key("address"), &self.address, 300) {
            Ok(a) => out.address = a,
            Err(e) => problems.merge(e),
        }
        if self.phone.trim().is_empty() && self.email.trim().is_empty() {
            problems.add(key("phone"), "Enter a phone number or an email, so the shop can reach the customer.");
        }
        problems.into_result()?;
        Ok(out)
    }
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details(name: &str, phone: &str, email: &str) -> CustomerDetails {
        CustomerDetails { name: name.into(), phone: phone.into(), email: email.into(), address: String::new() }
    }

    #[test]
    fn a_correction_lists_only_what_changed_with_old_and_new() {
        let before = CustomerDetails {
            name: "Wong Ka Ming".into(),
            phone: "+852 9000 0000".into(),
            email: "kaming@example.hk".into(),
            address: String::new(),
        };
        let after = CustomerDetails {
            phone: "+852 9123 4567".into(),
            address: "Flat 3, 12 Shantung St".into(),
            ..before.clone()
        };
        let c = before.corrections_to(&after);
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].field.as_str(), c[0].from.as_str(), c[0].to.as_str()),
            ("phone", "+852 9000 0000", "+852 9123 4567")
        );
        assert_eq!((c[1].field.as_str(), c[1].from.as_str()), ("address", ""));
        assert!(before.corrections_to(&before).is_empty());
    }

    #[test]
    fn needs_a_name_and_a_way_to_reach_them() {
        assert!(details(" Ayşe Yılmaz ", "+90 542 341 5194", "").validated("customer.").is_ok());
        assert!(details("王小明", "", "xm@example.cn").validated("customer.").is_ok());
        let err = details("", "", "").validated("customer.").unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["customer.name", "customer.phone"]);
        assert!(details("A", "call me", "").validated("customer.").is_err());
        assert!(details("A", "", "a@b").validated("customer.").is_err());
    }
}
