//! A customer list brought in from a file: planned against the customers known, then the
//! rows taken imported together (with their watches), or none. One event for the import.

use caseback_domain::customer_import::{CustomerImportPlan, ImportedCustomer};
use caseback_domain::event::{Action, Subject};
use caseback_domain::staff::StaffId;
use caseback_domain::watch::Ownership;
use caseback_domain::DomainError;
use jiff::Timestamp;
use serde_json::json;

use crate::error::Result;
use crate::tables::{customers, watch_owners, watches};
use crate::{log, Shop};

type Rows = Vec<(usize, std::result::Result<ImportedCustomer, String>)>;

impl Shop {
    /// What importing these rows would do, writing nothing.
    pub fn plan_customer_import(&self, rows: Rows) -> Result<CustomerImportPlan> {
        Ok(CustomerImportPlan::new(rows, &customers::all(&self.db)?))
    }

    /// Imports the customers the plan adds, in one transaction (planned again under the write
    /// lock, so a customer another computer added meanwhile is not doubled). A watch on a row
    /// is recorded as theirs from today, unless the shop already has that watch.
    pub fn import_customers(
        &mut self,
        by: StaffId,
        file: &str,
        rows: Rows,
        now: Timestamp,
    ) -> Result<CustomerImportPlan> {
        self.actor(by)?;
        let today = self.settings()?.today(now);
        let tx = self.db.transaction()?;
        let plan = CustomerImportPlan::new(rows, &customers::all(&tx)?);
        if plan.added.is_empty() {
            return Err(DomainError::invalid(
                "file",
                "No row of this file adds a customer: see the reason beside each.",
            )
            .into());
        }
        let mut recorded = 0;
        for (_, c) in &plan.added {
            let id = customers::insert(&tx, &c.details, now)?;
            if let Some(w) = &c.watch {
                if watches::by_identity(&tx, &w.identity())?.is_none() {
                    let watch = watches::insert(&tx, w, now)?;
                    watch_owners::put(&tx, watch, &[Ownership { customer: id, from: today, until: None }])?;
                    recorded += 1;
                }
            }
        }
        let detail =
            json!({ "file": file, "added": plan.added.len(), "watches": recorded, "left_out": plan.left_out.len() });
        log(&tx, now, Some(by), Subject::Settings, "shop", Action::CustomersImported, detail)?;
        tx.commit()?;
        Ok(plan)
    }
}
