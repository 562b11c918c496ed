//! Correcting a recorded return request until it is decided: the corrected request is
//! parsed as a new one would be (in the shop's number style), its evidence kept, and each
//! change logged with its old and new value.

use caseback_domain::after_sale::InstalmentFields;
use caseback_domain::customer::CustomerId;
use caseback_domain::event::Action;
use caseback_domain::intake::CustomerChoice;
use caseback_domain::returns::{ReturnCase, ReturnForm, ReturnId};
use caseback_domain::staff::StaffId;
use jiff::Timestamp;
use serde_json::json;

use super::returning::save;
use crate::error::Result;
use crate::Shop;

impl Shop {
    /// Corrects the case's request with `form` (its customer stays the case's; their details
    /// are corrected on the customer's page). An unchanged form writes nothing.
    pub fn correct_return(
        &mut self,
        by: StaffId,
        id: ReturnId,
        form: &ReturnForm,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        let kept = self
            .return_case(id)?
            .instalments
            .map(|p| InstalmentFields { instalment_count: p.count.to_string(), instalment_bank: p.bank });
        self.correct_return_with(by, id, form, &kept.unwrap_or_default(), now)
    }

    /// `correct_return`, with the number of instalments and the bank of an order paid so.
    pub fn correct_return_with(
        &mut self,
        by: StaffId,
        id: ReturnId,
        form: &ReturnForm,
        instalments: &InstalmentFields,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let mut case = self.return_case(id)?;
        // The customer is not part of the correction: a stand-in passes the form's check.
        let form = ReturnForm { customer: Some(CustomerChoice::Existing { id: CustomerId(0) }), ..form.clone() };
        let (_, request) = form.parse(settings.today(now), settings.number_style)?;
        let plan = request.instalments_from(instalments)?;
        let mut changes = case.correct_request(request)?;
        changes.extend(case.correct_instalments(plan));
        if changes.is_empty() {
            return Ok(case);
        }
        save(&tx, &case, by, now, Action::ReturnCorrected, json!({ "changes": changes }))?;
        tx.commit()?;
        Ok(case)
    }
}
