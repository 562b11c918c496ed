//! Returns coming in: the request and its evidence, authorizing (the RMA code), closing or
//! extending it, and the package arriving, linked or accepted late. Each change is one
//! transaction with its event-log entry; what is decided once the item is inspected is in
//! `return_outcomes`.

use crate::sql::Db;
use caseback_domain::after_sale::InstalmentFields;
use caseback_domain::branch::BranchFilter;
use caseback_domain::customer::{Customer, CustomerDetails};
use caseback_domain::device::serial_key;
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::CustomerChoice;
use caseback_domain::returns::case::reason;
use caseback_domain::returns::{
    eligibility, hold_until, inspection_due, Arrival, Eligibility, Package, PackageReceipt, ReturnCase, ReturnForm,
    ReturnId, ReturnState, RmaCode, RmaIssue, RmaValidity,
};
use caseback_domain::search::return_haystack;
use caseback_domain::staff::StaffId;
use caseback_domain::{Code, DomainError};
use jiff::Timestamp;
use serde_json::{json, Value};

use super::clock;
use super::watches::the_watch_of_serial;
use crate::attachment_folder;
use crate::error::{Result, StoreError};
use crate::tables::attachments::{self, Attachment};
use crate::tables::return_cases::{self, ReturnRow};
use crate::tables::{customers, rma_codes, shop_secrets};
use crate::{log, Shop};

pub(super) fn not_found() -> DomainError {
    DomainError::NotFound { what: "That return".into() }
}

fn subject(case: &ReturnCase) -> String {
    case.id.0.to_string()
}

/// Saves `case` and logs `action` with `detail` in `conn`'s transaction, as done by staff.
pub(super) fn save(
    conn: &Db,
    case: &ReturnCase,
    by: StaffId,
    now: Timestamp,
    action: Action,
    detail: Value,
) -> Result<()> {
    save_logged(conn, case, Some(by), now, action, detail)
}

/// Saves `case` and logs `action`, by staff or (`None`) by the clock.
pub(super) fn save_logged(
    conn: &Db,
    case: &ReturnCase,
    by: Option<StaffId>,
    now: Timestamp,
    action: Action,
    detail: Value,
) -> Result<()> {
    let customer = case.customer.map(|id| customers::get(conn, id)).transpose()?.flatten();
    return_cases::update(conn, case, &return_haystack(case, customer.as_ref().map(|c| &c.details)))?;
    file_under_watch(conn, case)?;
    let mut detail = detail;
    if let Value::Object(map) = &mut detail {
        map.insert("state".into(), json!(case.state));
        map.insert("title".into(), json!(case.title()));
    }
    log(conn, now, by, Subject::Return, &subject(case), action, detail)
}

/// A return is of the one watch record its request's serial names: none while no watch has
/// it (the watch's first intake files it) or several of different brands do. Looked up
/// again only when the serial changes.
fn file_under_watch(conn: &Db, case: &ReturnCase) -> Result<()> {
    let serial = case.request.as_ref().map(|r| serial_key(&r.serial)).unwrap_or_default();
    let (filed_under, _) = return_cases::watch_link(conn, case.id)?;
    if filed_under == serial {
        return Ok(());
    }
    return_cases::set_watch_link(conn, case.id, &serial, the_watch_of_serial(conn, &serial)?)
}

impl Shop {
    pub fn return_case(&self, id: ReturnId) -> Result<ReturnCase> {
        Ok(return_cases::get(&self.db, id)?.ok_or_else(not_found)?)
    }

    /// The case an RMA code names: a mistyped code is refused, not matched to another.
    pub fn return_by_code(&self, typed: &str) -> Result<ReturnCase> {
        let code: RmaCode = typed.parse()?;
        Ok(return_cases::by_code(&self.db, code)?
            .ok_or_else(|| DomainError::NotFound { what: format!("RMA code {code}") })?)
    }

    /// The eligibility of a case's request under today's policy.
    pub fn return_eligibility(&self, case: &ReturnCase) -> Result<Option<Eligibility>> {
        let settings = self.settings()?;
        Ok(case.request.as_ref().map(|r| eligibility(&settings.policy, r)))
    }

    pub fn search_returns(&self, query: &str, state: Option<ReturnState>, limit: usize) -> Result<Vec<ReturnRow>> {
        self.search_returns_in(BranchFilter::All, query, state, limit)
    }

    /// The same, among one branch's returns (or every branch's).
    pub fn search_returns_in(
        &self,
        branch: BranchFilter,
        query: &str,
        state: Option<ReturnState>,
        limit: usize,
    ) -> Result<Vec<ReturnRow>> {
        return_cases::search(&self.db, &caseback_domain::search::query_terms(query), state, branch, limit)
    }

    pub fn returns_in_state(&self, state: ReturnState, limit: usize) -> Result<Vec<ReturnRow>> {
        return_cases::in_state(&self.db, state, limit)
    }

    /// Copies a return's evidence (a photo or a video) into the attachments.
    pub fn store_evidence(&mut self, by: StaffId, name: &str, bytes: &[u8], now: Timestamp) -> Result<Attachment> {
        self.actor(by)?;
        let media = caseback_domain::attachment::accept_evidence("media", bytes)?;
        attachment_folder::keep(&self.db, &self.folder.attachments(), bytes, name, media, now)
    }

    /// Records a return request (a new customer is created with it).
    pub fn request_return(&mut self, by: StaffId, form: &ReturnForm, now: Timestamp) -> Result<ReturnCase> {
        self.request_return_with(by, form, &InstalmentFields::default(), now)
    }

    /// Records a return request with, for an order paid in instalments, their number and bank.
    pub fn request_return_with(
        &mut self,
        by: StaffId,
        form: &ReturnForm,
        instalments: &InstalmentFields,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let settings = self.settings()?;
        let (customer, request) = form.parse(settings.today(now), settings.number_style)?;
        let plan = request.instalments_from(instalments)?;
        attachment_folder::require_evidence(&self.db, &request.media)?;
        let tx = self.db.transaction()?;
        let customer: Customer = match customer {
            CustomerChoice::Existing { id } => {
                customers::get(&tx, id)?.ok_or_else(|| DomainError::NotFound { what: "That customer".into() })?
            }
            CustomerChoice::New { details } => Customer { id: customers::insert(&tx, &details, now)?, details },
        };
        let mut case = ReturnCase::new(Some(customer.id), ReturnState::Requested, Some(request));
        case.instalments = plan;
        case.id = return_cases::insert(&tx, &case, "", by, now)?;
        let r = case.request.as_ref().expect("set above");
        let detail = json!({ "order_number": r.order_number, "reason": r.reason, "channel": r.channel });
        save(&tx, &case, by, now, Action::ReturnRequested, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// Adds photos or videos of the defect to a request not yet decided.
    pub fn add_return_media(
        &mut self,
        by: StaffId,
        id: ReturnId,
        media: &[String],
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        attachment_folder::require_evidence(&self.db, media)?;
        let mut case = self.return_case(id)?;
        let Some(request) = case.request.as_mut() else { return Err(not_found().into()) };
        if !case.state.takes_evidence() {
            return Err(
                DomainError::refused(Code::IllegalTransition, "Evidence is added before the return arrives.").into()
            );
        }
        caseback_domain::attachment::check_count("media", request.media.len() + media.len())?;
        request.media.extend(media.iter().cloned());
        save(&tx, &case, by, now, Action::ReturnEvidenceAdded, json!({ "count": media.len() }))?;
        tx.commit()?;
        Ok(case)
    }

    /// Authorizes the return: checks eligibility (or records the exception), issues a new
    /// RMA code from the shop's sequence and starts its validity.
    pub fn authorize_return(
        &mut self,
        by: StaffId,
        id: ReturnId,
        override_reason: Option<&str>,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let settings = self.settings()?;
        // The case is read under the write lock: on a shared database two computers may
        // authorize it at once, and the second must find it authorized. Read before, both
        // issued a code and the second overwrote the first, whose code then found nothing
        // (found by the concurrency test).
        let tx = self.db.transaction()?;
        let mut case = self.return_case(id)?;
        let next = case.state.move_to(ReturnState::Authorized)?;
        let request = case.request.as_ref().ok_or_else(not_found)?;
        let e = eligibility(&settings.policy, request);
        let override_reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
        e.check_authorizable(override_reason)?;
        let exception = if e.eligible() { None } else { override_reason.map(str::to_string) };
        let key =
            shop_secrets::rma_key(&tx)?.ok_or_else(|| StoreError::Corrupt("the shop's RMA key is missing".into()))?;
        let code = rma_codes::insert(&tx, id, &key, now)?;
        let validity = RmaValidity::issue(&settings.policy, settings.today(now));
        case.rma = Some(RmaIssue { code, validity, override_reason: exception.clone() });
        case.state = next;
        let detail =
            json!({ "code": code.to_string(), "valid_through": validity.valid_through, "exception": exception });
        save(&tx, &case, by, now, Action::ReturnAuthorized, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// Takes in, at the counter, the watch of a request made in store: checks eligibility as
    /// authorizing does (or records the exception), issues the return's code from the
    /// shop's sequence as its reference, and receives it there and then: no parcel, no code
    /// validity to wait out; the inspection is due from today.
    pub fn take_in_return(
        &mut self,
        by: StaffId,
        id: ReturnId,
        override_reason: Option<&str>,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        // Under the write lock, as `authorize_return`: one code per case however many
        // computers take it in at once.
        let tx = self.db.transaction()?;
        let mut case = self.return_case(id)?;
        let request = case.request.as_ref().ok_or_else(not_found)?;
        case.check_take_in()?;
        let e = eligibility(&settings.policy, request);
        let override_reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
        e.check_authorizable(override_reason)?;
        let exception = if e.eligible() { None } else { override_reason.map(str::to_string) };
        let sender = self.return_customer(&case)?.map(|c| c.name).unwrap_or_default();
        let key =
            shop_secrets::rma_key(&tx)?.ok_or_else(|| StoreError::Corrupt("the shop's RMA key is missing".into()))?;
        let code = rma_codes::insert(&tx, id, &key, now)?;
        case.take_in_at_counter(code, exception.clone(), sender, &settings.policy, today)?;
        let inspection_due = case.receipt.as_ref().and_then(|r| r.inspection_due);
        let detail = json!({ "code": code.to_string(), "exception": exception, "inspection_due": inspection_due });
        save(&tx, &case, by, now, Action::ReturnTakenIn, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// Declines a request, or cancels an authorized return (its code stays spent).
    pub fn close_return(&mut self, by: StaffId, id: ReturnId, why: &str, now: Timestamp) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let why = reason("reason", why)?;
        let mut case = self.return_case(id)?;
        let next = case.state.closing();
        case.state = case.state.move_to(next)?;
        case.closing_reason = Some(why.clone());
        case.closed_on = Some(self.settings()?.today(now));
        let action = if next == ReturnState::Declined { Action::ReturnDeclined } else { Action::ReturnCancelled };
        save(&tx, &case, by, now, action, json!({ "reason": why }))?;
        tx.commit()?;
        Ok(case)
    }

    /// Extends an authorized RMA by the policy's validity, from today or its end if later.
    pub fn extend_rma(&mut self, by: StaffId, id: ReturnId, now: Timestamp) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let mut case = self.return_case(id)?;
        let before = case.extend_rma(&settings.policy, settings.today(now))?;
        let after = case.rma.as_ref().map(|r| r.validity.valid_through);
        let detail = json!({ "from": before, "to": after });
        save(&tx, &case, by, now, Action::ReturnExtended, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// A package comes in. A valid code sends it to inspection; an expired code, an unknown
    /// one or none holds it for the policy's period. A mistyped code is refused, so staff
    /// read it again rather than the package landing on another return.
    pub fn receive_package(
        &mut self,
        by: StaffId,
        typed_code: Option<&str>,
        package: &Package,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let package = package.validated()?;
        let code = typed_code.map(str::trim).filter(|t| !t.is_empty()).map(str::parse::<RmaCode>).transpose()?;
        // The case is looked up under the write lock: on a shared database the same parcel
        // may be scanned at two counters, and the second must find it received. Looked up
        // before, both received it, the second over the first, each logging its receipt
        // (found by the concurrency test).
        let tx = self.db.transaction()?;
        let found = code.map(|c| return_cases::by_code(&tx, c)).transpose()?.flatten();
        let (mut case, arrival) = match found {
            Some(case) => {
                let arrival = case.arrival(today)?;
                (case, arrival)
            }
            None => {
                let mut case = ReturnCase::new(None, ReturnState::Held, None);
                case.id = return_cases::insert(&tx, &case, "", by, now)?;
                (case, Arrival::NoValidRma)
            }
        };
        let state = arrival.state();
        if case.state != state {
            case.state = case.state.move_to(state)?;
        }
        case.receipt = Some(PackageReceipt {
            received_on: today,
            arrival,
            package,
            hold_until: (state == ReturnState::Held).then(|| hold_until(&settings.policy, today)).flatten(),
            inspection_due: (state == ReturnState::Received).then(|| inspection_due(&settings.policy, today)),
            accepted_late: None,
            linked_from: None,
        });
        let detail = json!({ "arrival": arrival, "typed": typed_code.unwrap_or_default() });
        save(&tx, &case, by, now, Action::PackageReceived, detail)?;
        // A shop that holds nothing sends an unannounced package back at once.
        clock::move_return(&tx, &mut case, today, now)?;
        tx.commit()?;
        Ok(case)
    }

    /// A package held without a return on file belongs to the return whose code staff type:
    /// the package moves there and the stray case closes, in one transaction.
    pub fn link_package(
        &mut self,
        by: StaffId,
        stray_id: ReturnId,
        typed_code: &str,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let code: RmaCode = typed_code.trim().parse()?;
        let mut target = return_cases::by_code(&self.db, code)?.ok_or_else(|| {
            DomainError::refused(
                Code::RmaUnknown,
                format!("No return has the code {code}. Check it with the customer."),
            )
        })?;
        let mut stray = self.return_case(stray_id)?;
        target.take_package(&mut stray, &settings.policy, settings.today(now))?;
        let arrival = target.receipt.as_ref().map(|r| r.arrival);
        save(&tx, &stray, by, now, Action::ReturnLinked, json!({ "to": target.title() }))?;
        save(&tx, &target, by, now, Action::PackageLinked, json!({ "from": stray.title(), "arrival": arrival }))?;
        tx.commit()?;
        Ok(target)
    }

    /// Accepts a held package for inspection anyway (its return is on file), with a reason.
    pub fn accept_held(&mut self, by: StaffId, id: ReturnId, why: &str, now: Timestamp) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let why = reason("reason", why)?;
        let mut case = self.return_case(id)?;
        if case.request.is_none() {
            return Err(DomainError::refused(
                Code::NoReturnOnFile,
                "Nobody asked to return this package: record the customer's request first, or send it back.",
            )
            .into());
        }
        case.state = case.state.move_to(ReturnState::Received)?;
        let receipt = case.receipt.as_mut().ok_or_else(not_found)?;
        receipt.accepted_late = Some(why.clone());
        receipt.inspection_due = Some(inspection_due(&settings.policy, settings.today(now)));
        save(&tx, &case, by, now, Action::ReturnAcceptedLate, json!({ "reason": why }))?;
        tx.commit()?;
        Ok(case)
    }

    /// The stored record (media type, size, name) of each of the request's photos and videos.
    pub fn return_evidence(&self, case: &ReturnCase) -> Result<Vec<Attachment>> {
        let shas = case.request.as_ref().map(|r| r.media.as_slice()).unwrap_or_default();
        let mut out = Vec::with_capacity(shas.len());
        for sha in shas {
            out.extend(attachments::get(&self.db, sha)?);
        }
        Ok(out)
    }

    /// The customer of a case, if it has one.
    pub fn return_customer(&self, case: &ReturnCase) -> Result<Option<CustomerDetails>> {
        Ok(case.customer.map(|id| self.customer(id)).transpose()?.map(|c| c.details))
    }
}
