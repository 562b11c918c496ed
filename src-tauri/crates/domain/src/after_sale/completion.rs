//! The technician's record that the repair is done: the work, the parts replaced and what
//! happened to each old part, and photos of the repaired watch.

use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::quotation::Quotation;
use crate::{text, DomainError, Policy};

/// What happens to a replaced part. lx-watch keeps them for quality control unless the
/// customer asked in writing, before the repair, to have them back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OldPart {
    RetainedByShop,
    ReturnedToCustomer,
    Disposed,
}

impl OldPart {
    pub const ALL: [OldPart; 3] = [OldPart::RetainedByShop, OldPart::ReturnedToCustomer, OldPart::Disposed];

    pub fn label(self) -> &'static str {
        match self {
            OldPart::RetainedByShop => "Retained by the shop",
            OldPart::ReturnedToCustomer => "Returned to the customer",
            OldPart::Disposed => "Disposed of",
        }
    }

    /// Old parts go back when the quotation agreed so in writing, or the shop's policy
    /// returns them; otherwise the shop keeps them.
    pub fn default_for(policy: &Policy, quotation: Option<&Quotation>) -> OldPart {
        if policy.parts_returned || quotation.is_some_and(|q| q.draft.parts_returned) {
            OldPart::ReturnedToCustomer
        } else {
            OldPart::RetainedByShop
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplacedPart {
    pub description: String,
    pub old_part: OldPart,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub work_performed: String,
    pub parts: Vec<ReplacedPart>,
    /// Attachments (SHA-256) of the repaired watch; the Collection Notice shows them.
    pub photos: Vec<String>,
    /// The kind of work done, for the shop's service warranty on it (none: no warranty).
    #[serde(default)]
    pub work_kind: Option<crate::service_warranty::WorkKind>,
}

pub const MAX_PARTS: usize = 30;

impl Completion {
    pub fn validated(&self) -> Result<Completion, DomainError> {
        let mut problems = Problems::default();
        let work = text::multi_line("work_performed", &self.work_performed, 4000);
        match &work {
            Ok(w) if w.is_empty() => problems.add("work_performed", "Describe the work done."),
            Err(e) => problems.merge(e.clone()),
            Ok(_) => {}
        }
        if self.parts.len() > MAX_PARTS {
            problems.add("parts", format!("At most {MAX_PARTS} parts."));
        }
        let mut parts = Vec::new();
        for (i, part) in self.parts.iter().enumerate() {
            match text::single_line(&format!("parts.{i}.description"), &part.description, 200) {
                Ok(d) if d.is_empty() => problems.add(format!("parts.{i}.description"), "Name the part."),
                Ok(d) => parts.push(ReplacedPart { description: d, old_part: part.old_part }),
                Err(e) => problems.merge(e),
            }
        }
        if self.photos.is_empty() {
            problems.add("photos", "Add at least one photo of the repaired watch: the Collection Notice shows it.");
        }
        if let Err(e) = crate::attachment::check_count("photos", self.photos.len()) {
            problems.merge(e);
        }
        problems.into_result()?;
        Ok(Completion {
            work_performed: work.unwrap_or_default(),
            parts,
            photos: self.photos.clone(),
            work_kind: self.work_kind,
        })
    }
}
