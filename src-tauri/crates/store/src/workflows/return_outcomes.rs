//! Returns once the item is in: the inspection and decision, the refund, the exchange fee
//! and sending the item (or its replacement) out. Each change is one transaction with its
//! event-log entry.

use caseback_domain::event::Action;
use caseback_domain::returns::{
    eligibility, Decision, ExchangeFee, Inspection, Payer, RefundRecord, ReturnCase, ReturnId, ReturnState, Settlement,
};
use caseback_domain::staff::StaffId;
use caseback_domain::{Code, Currency, DomainError, Settings};
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::json;

use super::returning::{not_found, save};
use crate::attachment_folder;
use crate::error::Result;
use crate::Shop;

impl Shop {
    /// Records the inspection (with its "not paired" check where the policy asks it) and the
    /// decision, worked out by the policy.
    pub fn decide_return(
        &mut self,
        by: StaffId,
        id: ReturnId,
        inspection: &Inspection,
        not_paired: Option<bool>,
        decision: &Decision,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let inspection = inspection.validated()?;
        attachment_folder::require_photos(&self.db, &inspection.photos)?;
        let mut case = self.return_case(id)?;
        let settlement = self.settle_return(&settings, &case, decision)?;
        case.decide(inspection, not_paired, decision.clone(), settlement.clone(), &settings.policy, today)?;
        let detail = json!({ "decision": decision, "total": settlement.total, "currency": case.request.as_ref().map(|r| r.currency) });
        save(&tx, &case, by, now, Action::ReturnDecided, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// Replaces the decision (and what the inspection found) until the refund is recorded or
    /// the watch or its replacement goes out: logged with the decision before and after. An
    /// unchanged revision writes nothing.
    pub fn revise_return_decision(
        &mut self,
        by: StaffId,
        id: ReturnId,
        inspection: &Inspection,
        not_paired: Option<bool>,
        decision: &Decision,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let inspection = inspection.validated()?;
        attachment_folder::require_photos(&self.db, &inspection.photos)?;
        let mut case = self.return_case(id)?;
        case.check_revisable()?;
        let settlement = self.settle_return(&settings, &case, decision)?;
        let total = settlement.total;
        let Some(old) =
            case.revise_decision(inspection, not_paired, decision.clone(), settlement, &settings.policy, today)?
        else {
            return Ok(case);
        };
        let detail = json!({
            "from": { "decision": old.decision, "total": old.settlement.total },
            "to": { "decision": decision, "total": total },
            "currency": case.request.as_ref().map(|r| r.currency),
        });
        save(&tx, &case, by, now, Action::ReturnDecisionRevised, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// What a decision would come to for this case (the form's live figures).
    pub fn settle_return(&self, settings: &Settings, case: &ReturnCase, decision: &Decision) -> Result<Settlement> {
        let request = case.request.as_ref().ok_or_else(|| {
            DomainError::refused(Code::NoReturnOnFile, "Nobody asked to return this package: send it back.")
        })?;
        let shop_pays = eligibility(&settings.policy, request).postage_paid_by == Payer::Shop;
        Ok(decision.settle(&settings.policy, request, shop_pays)?)
    }

    /// Records the refund as paid out: it must match the decision.
    pub fn record_return_refund(
        &mut self,
        by: StaffId,
        id: ReturnId,
        refund: &RefundRecord,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let today = self.settings()?.today(now);
        let mut case = self.return_case(id)?;
        case.state = case.state.move_to(ReturnState::Refunded)?;
        let decided = &case.decision.as_ref().ok_or_else(not_found)?.settlement;
        let refund = refund.validated(decided, today)?;
        case.refund = Some(refund.clone());
        let currency = case.request.as_ref().map(|r| r.currency);
        let detail = json!({ "amount": refund.amount, "currency": currency, "method": refund.method, "reference": refund.reference });
        save(&tx, &case, by, now, Action::ReturnRefunded, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// The currency a return's amounts are typed in, and the shop's date at `now`.
    pub fn return_day(&self, id: ReturnId, now: Timestamp) -> Result<(Currency, Date)> {
        let settings = self.settings()?;
        Ok((self.return_case(id)?.currency(settings.currency), settings.today(now)))
    }

    /// The customer paid the exchange fee: the replacement may go out.
    pub fn record_exchange_fee(
        &mut self,
        by: StaffId,
        id: ReturnId,
        fee: &ExchangeFee,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let mut case = self.return_case(id)?;
        let currency = case.currency(settings.currency);
        case.record_fee(fee, currency, settings.today(now))?;
        let paid = case.fee_paid.as_ref().ok_or_else(not_found)?;
        let detail =
            json!({ "amount": paid.amount, "currency": currency, "method": paid.method, "reference": paid.reference });
        save(&tx, &case, by, now, Action::ExchangeFeePaid, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// The customer takes the watch back, or its replacement, at the counter: no tracking.
    pub fn hand_return_over(&mut self, by: StaffId, id: ReturnId, now: Timestamp) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let mut case = self.return_case(id)?;
        let next = case.hand_over(case.currency(settings.currency), settings.today(now))?;
        let action = if next == ReturnState::Exchanged { Action::ExchangeSent } else { Action::ReturnSentBack };
        save(&tx, &case, by, now, action, json!({ "at_counter": true }))?;
        tx.commit()?;
        Ok(case)
    }

    /// The item goes back to the customer (held or denied), or the replacement goes out
    /// once its fee is paid.
    pub fn ship_return_out(&mut self, by: StaffId, id: ReturnId, tracking: &str, now: Timestamp) -> Result<ReturnCase> {
        self.actor(by)?;
        let tx = self.db.transaction()?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let tracking = caseback_domain::after_sale::handover::tracking_number(tracking)?;
        let mut case = self.return_case(id)?;
        let next = case.ship_out(tracking.clone(), case.currency(settings.currency), today)?;
        let action = if next == ReturnState::Exchanged { Action::ExchangeSent } else { Action::ReturnSentBack };
        save(&tx, &case, by, now, action, json!({ "tracking": tracking }))?;
        tx.commit()?;
        Ok(case)
    }
}
