//! The quotation editor's text, parsed with the shop's currency: the UI never does money
//! arithmetic, it sends what was typed and shows what the domain computed.

use serde::{Deserialize, Serialize};

use super::{LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use crate::error::Problems;
use crate::money::Currency;
use crate::DomainError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineForm {
    pub kind: LineKind,
    pub section: Section,
    pub description: String,
    pub quantity: String,
    pub unit_price: String,
    pub taxable: bool,
    /// The catalogue's part, when the line was picked from there.
    #[serde(default)]
    pub part: Option<crate::stock::PartId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftForm {
    pub lines: Vec<LineForm>,
    pub timeline_working_days: String,
    pub parts_returned: bool,
}

impl DraftForm {
    /// Parses and checks the whole draft; field keys are `lines.{i}.quantity` and so on.
    pub fn parse(&self, currency: Currency) -> Result<QuotationDraft, DomainError> {
        let mut problems = Problems::default();
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, l) in self.lines.iter().enumerate() {
            let quantity =
                Quantity::parse(&l.quantity).map_err(|m| problems.add(format!("lines.{i}.quantity"), m)).ok();
            let unit_price =
                currency.parse(&l.unit_price).map_err(|m| problems.add(format!("lines.{i}.unit_price"), m)).ok();
            if let (Some(quantity), Some(unit_price)) = (quantity, unit_price) {
                lines.push(QuoteLine {
                    kind: l.kind,
                    section: l.section,
                    description: l.description.clone(),
                    quantity,
                    unit_price,
                    taxable: l.taxable,
                    part: l.part,
                });
            }
        }
        let timeline = self.timeline_working_days.trim().parse::<u32>().map_err(|_| {
            problems.add("timeline_working_days", "Estimate the repair time in working days (e.g. 5).");
        });
        problems.into_result()?;
        QuotationDraft { lines, timeline_working_days: timeline.unwrap_or(0), parts_returned: self.parts_returned }
            .validated()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(qty: &str, price: &str) -> LineForm {
        LineForm {
            kind: LineKind::Labour,
            section: Section::Repair,
            description: "Service".into(),
            quantity: qty.into(),
            unit_price: price.into(),
            taxable: true,
            part: None,
        }
    }

    #[test]
    fn typed_amounts_become_minor_units_or_field_errors() {
        let hkd = Currency::from_code("HKD").unwrap();
        let ok = DraftForm {
            lines: vec![line("1.5", "400"), line("2", "12.50")],
            timeline_working_days: " 5 ".into(),
            parts_returned: false,
        };
        let d = ok.parse(hkd).unwrap();
        assert_eq!(d.lines[0].amount(), crate::Amount(60_000));
        assert_eq!(d.lines[1].amount(), crate::Amount(2_500));
        let bad = DraftForm {
            lines: vec![line("0", "x"), line("1", "-5")],
            timeline_working_days: "soon".into(),
            parts_returned: false,
        };
        let err = bad.parse(hkd).unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["lines.0.quantity", "lines.0.unit_price", "timeline_working_days"]);
        let negative =
            DraftForm { lines: vec![line("1", "-5")], timeline_working_days: "5".into(), parts_returned: false };
        assert_eq!(negative.parse(hkd).unwrap_err().fields()[0].field, "lines.0.unit_price");
    }
}
