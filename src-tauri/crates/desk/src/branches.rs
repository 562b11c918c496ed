//! The branches of a chain as the lists offer them: show one branch's tickets and returns,
//! or every branch's. A shop of one counter has no choice to make and is offered none.

use caseback_domain::branch::BranchFilter;
use serde::Serialize;

use crate::{Choice, Desk, Result};

#[derive(Clone, Debug, Serialize)]
pub struct BranchesView {
    /// The branch this computer books in, if the shop is a chain.
    pub own: Option<String>,
    /// What a list may be narrowed to; empty when there is nothing to choose between.
    pub choices: Vec<Choice>,
    /// The choice a list starts on: this computer's branch, or every branch at a computer
    /// that has none (head office).
    pub start: String,
}

impl Desk {
    pub fn branches(&mut self) -> Result<BranchesView> {
        let (shop, _) = self.at()?;
        let known = shop.branches()?;
        let own = shop.branch().map(|b| b.to_string());
        let branches: Vec<&String> = known.iter().filter(|b| !b.is_empty()).collect();
        if branches.is_empty() {
            return Ok(BranchesView { own, choices: Vec::new(), start: String::new() });
        }
        let mut choices = vec![choice(BranchFilter::All, "All branches".into())];
        for code in branches {
            if let Ok(filter) = BranchFilter::try_from(code.clone()) {
                choices.push(choice(filter, format!("Branch {code}")));
            }
        }
        if known.iter().any(String::is_empty) {
            choices.push(choice(BranchFilter::Unbranched, "Booked without a branch".into()));
        }
        let start = own.clone().unwrap_or_default();
        Ok(BranchesView { own, choices, start })
    }
}

fn choice(filter: BranchFilter, label: String) -> Choice {
    Choice { key: serde_json::Value::String(filter.key()), label }
}
