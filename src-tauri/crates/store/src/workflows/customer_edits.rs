//! Correcting a customer's details: a mistyped phone number or e-mail is fixed, each change
//! logged with who, when, the old and the new value. Forms printed afterwards use the new
//! details; records kept before (issued quotations, attachments) are never rewritten.

use caseback_domain::customer::{Customer, CustomerDetails, CustomerId};
use caseback_domain::event::{Action, Subject};
use caseback_domain::search::{return_haystack, ticket_haystack};
use caseback_domain::staff::StaffId;
use caseback_domain::DomainError;
use jiff::Timestamp;
use serde_json::json;

use crate::error::Result;
use crate::tables::{customers, return_cases, ticket_search, tickets};
use crate::{log, Shop};

impl Shop {
    /// Saves corrected details; the search text of the customer's tickets and returns
    /// follows them. An unchanged form writes nothing.
    pub fn edit_customer(
        &mut self,
        by: StaffId,
        id: CustomerId,
        details: &CustomerDetails,
        now: Timestamp,
    ) -> Result<Customer> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let next = details.validated("")?;
        let current = customers::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That customer".into() })?;
        let corrections = current.details.corrections_to(&next);
        if corrections.is_empty() {
            return Ok(current);
        }
        customers::update(&tx, id, &next)?;
        for ticket_id in tickets::ids_for_customer(&tx, id)? {
            if let Some(t) = tickets::get(&tx, ticket_id)? {
                let haystack = ticket_haystack(t.number, &next, &t.details.device, &t.details.purchase);
                ticket_search::update(&tx, ticket_id, &haystack)?;
            }
        }
        for case in return_cases::for_customer(&tx, id)? {
            return_cases::update(&tx, &case, &return_haystack(&case, Some(&next)))?;
        }
        log(
            &tx,
            now,
            Some(by),
            Subject::Customer,
            &id.0.to_string(),
            Action::CustomerEdited,
            json!({ "changes": corrections }),
        )?;
        tx.commit()?;
        Ok(Customer { id, details: next })
    }
}
