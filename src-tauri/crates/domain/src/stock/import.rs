//! A catalogue brought in from a spreadsheet (CSV): which column is which, each row checked
//! on its own, and the plan shown before anything is written. A row is refused with its
//! reason; the rows taken are imported together or not at all.
//!
//! A part number already in the catalogue updates that part: its description and price as
//! the file has them, and its quantity as a stock count (the difference is logged).

use serde::{Deserialize, Serialize};

use super::{number_key, Part, PartDraft, PartId, PartKind, MAX_PIECES};
use crate::money::{Amount, Currency};
use crate::DomainError;

/// The columns a file must have, and those it may have, by the names a sheet gives them.
const NAMES: [(&str, &[&str]); 10] = [
    ("number", &["part number", "part no", "part no.", "part", "number", "ref", "reference", "sku"]),
    ("description", &["description", "name", "part name"]),
    ("price", &["price", "sale price", "unit price", "retail"]),
    ("quantity", &["quantity", "qty", "stock", "in stock", "on hand"]),
    ("kind", &["kind", "type", "category"]),
    ("cost", &["cost", "cost price", "buy price"]),
    ("low_at", &["low", "low stock", "low-stock level", "reorder at", "minimum"]),
    ("location", &["location", "drawer", "box", "bin"]),
    ("supplier", &["supplier", "vendor"]),
    ("fits", &["fits", "calibre", "caliber", "calibres", "models"]),
];

/// Where each known column is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns(Vec<(&'static str, usize)>);

impl Columns {
    /// Reads the header row; refused, with the missing names, when a required one is absent.
    pub fn from_header(header: &[String]) -> Result<Columns, DomainError> {
        let mut found = Vec::new();
        for (key, names) in NAMES {
            if let Some(i) = header.iter().position(|h| names.contains(&h.trim().to_lowercase().as_str())) {
                found.push((key, i));
            }
        }
        let missing: Vec<&str> = ["part number", "description", "price", "quantity"]
            .into_iter()
            .zip(["number", "description", "price", "quantity"])
            .filter(|(_, key)| !found.iter().any(|(k, _)| k == key))
            .map(|(name, _)| name)
            .collect();
        if !missing.is_empty() {
            return Err(DomainError::invalid(
                "file",
                format!("The first row must name the columns; this file has no {} column.", missing.join(", no ")),
            ));
        }
        Ok(Columns(found))
    }

    fn get<'a>(&self, key: &str, row: &'a [String]) -> &'a str {
        self.0.iter().find(|(k, _)| *k == key).and_then(|(_, i)| row.get(*i)).map(String::as_str).unwrap_or("")
    }

    /// One data row, as a part and its quantity, or the reason it is refused.
    pub fn row(&self, row: &[String], currency: Currency) -> Result<ImportedPart, String> {
        let money = |key: &str, name: &str| -> Result<Amount, String> {
            let typed = self.get(key, row);
            if typed.trim().is_empty() {
                return Ok(Amount(0));
            }
            currency.parse(typed).map_err(|m| format!("{name}: {m}"))
        };
        let price = money("price", "Price")?;
        let cost = money("cost", "Cost")?;
        let quantity = match self.get("quantity", row).trim() {
            "" => None,
            q => Some(
                q.parse::<u32>()
                    .ok()
                    .filter(|n| *n <= MAX_PIECES)
                    .ok_or_else(|| format!("Quantity: \"{q}\" is not a whole number of pieces."))?,
            ),
        };
        let low_at = match self.get("low_at", row).trim() {
            "" => 0,
            q => q.parse::<u32>().map_err(|_| format!("Low-stock level: \"{q}\" is not a whole number."))?,
        };
        let draft = PartDraft {
            number: self.get("number", row).into(),
            description: self.get("description", row).into(),
            kind: PartKind::read(self.get("kind", row)),
            fits: self.get("fits", row).into(),
            cost,
            price,
            supplier: self.get("supplier", row).into(),
            location: self.get("location", row).into(),
            low_at,
        }
        .validated()
        .map_err(|e| e.fields().iter().map(|f| f.message.clone()).collect::<Vec<_>>().join(" "))?;
        Ok(ImportedPart { draft, quantity })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedPart {
    pub draft: PartDraft,
    /// The pieces in the drawer, if the row says: a blank leaves a known part's stock alone.
    pub quantity: Option<u32>,
}

impl ImportedPart {
    /// A part already in the catalogue as the file updates it: its description and price;
    /// what the file does not say (kind, drawer, supplier) stays as the shop set it.
    pub fn onto(&self, existing: &PartDraft) -> PartDraft {
        PartDraft { description: self.draft.description.clone(), price: self.draft.price, ..existing.clone() }
    }
}

/// A row refused, by its line in the file (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedRow {
    pub line: usize,
    pub reason: String,
}

/// What an import will do: the parts it adds, those it updates (with the stock they had),
/// and the rows it refuses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPlan {
    pub added: Vec<ImportedPart>,
    pub updated: Vec<(PartId, u32, ImportedPart)>,
    pub refused: Vec<RefusedRow>,
}

impl ImportPlan {
    /// Plans the rows (each with its line in the file) against the catalogue as it is. A
    /// part number twice in the file is taken once, at its first row.
    pub fn new(rows: Vec<(usize, Result<ImportedPart, String>)>, catalogue: &[Part]) -> ImportPlan {
        let mut plan = ImportPlan::default();
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (line, row) in rows {
            let part = match row {
                Ok(p) => p,
                Err(reason) => {
                    plan.refused.push(RefusedRow { line, reason });
                    continue;
                }
            };
            let key = number_key(&part.draft.number);
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let reason = format!("Part {} is already on line {first} of this file.", part.draft.number);
                plan.refused.push(RefusedRow { line, reason });
                continue;
            }
            seen.push((key.clone(), line));
            match catalogue.iter().find(|p| number_key(&p.draft.number) == key) {
                Some(existing) => plan.updated.push((existing.id, existing.on_hand, part)),
                None => plan.added.push(part),
            }
        }
        plan
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
    }
}
