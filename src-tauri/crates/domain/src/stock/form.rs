//! A part's entry as typed in the window: amounts in the shop's currency and style, counts
//! as whole numbers. The window sends the text; this reads it, field by field.

use serde::{Deserialize, Serialize};

use super::{PartDraft, PartKind, MAX_PIECES};
use crate::error::Problems;
use crate::money::{Amount, Currency};
use crate::DomainError;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartForm {
    pub number: String,
    pub description: String,
    pub kind: Option<PartKind>,
    pub fits: String,
    pub cost: String,
    pub price: String,
    pub supplier: String,
    pub location: String,
    pub low_at: String,
    /// What is in the drawer when the part is added (ignored when it is edited).
    pub on_hand: String,
}

impl PartForm {
    /// The entry, and the pieces in the drawer to start with.
    pub fn parse(&self, currency: Currency) -> Result<(PartDraft, u32), DomainError> {
        let mut problems = Problems::default();
        let mut money = |field: &str, typed: &str| -> Amount {
            if typed.trim().is_empty() {
                return Amount(0);
            }
            currency.parse(typed).unwrap_or_else(|m| {
                problems.add(field, m);
                Amount(0)
            })
        };
        let (cost, price) = (money("cost", &self.cost), money("price", &self.price));
        let mut count = |field: &str, typed: &str, what: &str| -> u32 {
            match typed.trim() {
                "" => 0,
                t => t.parse::<u32>().ok().filter(|n| *n <= MAX_PIECES).unwrap_or_else(|| {
                    problems.add(field, format!("Enter {what} as a whole number, 0 or more."));
                    0
                }),
            }
        };
        let low_at = count("low_at", &self.low_at, "the low-stock level");
        let on_hand = count("on_hand", &self.on_hand, "the pieces in the drawer");
        if self.kind.is_none() {
            problems.add("kind", "Choose what kind of part it is.");
        }
        let draft = PartDraft {
            number: self.number.clone(),
            description: self.description.clone(),
            kind: self.kind.unwrap_or(PartKind::Other),
            fits: self.fits.clone(),
            cost,
            price,
            supplier: self.supplier.clone(),
            location: self.location.clone(),
            low_at,
        };
        match draft.validated() {
            Ok(d) => {
                problems.into_result()?;
                Ok((d, on_hand))
            }
            Err(e) => {
                problems.merge(e);
                Err(problems.into_result().expect_err("problems were added"))
            }
        }
    }

    /// The entry as the form shows it for editing.
    pub fn of(draft: &PartDraft, currency: Currency) -> PartForm {
        let money = |a: Amount| if a.0 == 0 { String::new() } else { currency.format_number(a) };
        PartForm {
            number: draft.number.clone(),
            description: draft.description.clone(),
            kind: Some(draft.kind),
            fits: draft.fits.clone(),
            cost: money(draft.cost),
            price: money(draft.price),
            supplier: draft.supplier.clone(),
            location: draft.location.clone(),
            low_at: draft.low_at.to_string(),
            on_hand: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_and_counts_become_the_entry_or_field_errors() {
        let hkd = Currency::from_code("HKD").unwrap();
        let form = PartForm {
            number: "sc-301".into(),
            description: "Sapphire crystal".into(),
            kind: Some(PartKind::Crystal),
            price: "1,280.50".into(),
            low_at: "2".into(),
            on_hand: " 5 ".into(),
            ..PartForm::default()
        };
        let (draft, on_hand) = form.parse(hkd).unwrap();
        assert_eq!(
            (draft.number.as_str(), draft.price, draft.cost, draft.low_at, on_hand),
            ("SC-301", Amount(128_050), Amount(0), 2, 5)
        );
        assert_eq!(PartForm::of(&draft, hkd).price, "1,280.50");
        let bad =
            PartForm { price: "abc".into(), on_hand: "-1".into(), kind: None, description: String::new(), ..form };
        let err = bad.parse(hkd).unwrap_err();
        let mut fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["description", "kind", "on_hand", "price"]);
    }
}
