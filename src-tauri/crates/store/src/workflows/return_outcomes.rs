//! Returns once the item is in: the inspection and decision, the refund, the exchange fee
//! and sending the item (or its replacement) out. Each change is one transaction with its
//! event-log entry.

use caseback_domain::event::Action;
use caseback_domain::returns::{
    eligibility, Decision, DecisionRecord, ExchangeFee, Inspection, Payer, RefundRecord, ReturnCase, ReturnId,
    ReturnState, Settlement,
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
    /// Records the inspection and the decision, worked out by the policy.
    pub fn decide_return(
        &mut self,
        by: StaffId,
        id: ReturnId,
        inspection: &Inspection,
        decision: &Decision,
        now: Timestamp,
    ) -> Result<ReturnCase> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let inspection = inspection.validated()?;
        attachment_folder::require_photos(&self.conn, &inspection.photos)?;
        let mut case = self.return_case(id)?;
        let settlement = self.settle_return(&settings, &case, decision)?;
        case.state = case.state.move_to(decision.next_state())?;
        let due = decision.due(&settings.policy, today);
        case.inspection = Some(inspection);
        case.decision =
            Some(DecisionRecord { decision: decision.clone(), settlement: settlement.clone(), decided_on: today, due });
        let detail = json!({ "decision": decision, "total": settlement.total, "currency": case.request.as_ref().map(|r| r.currency) });
        let tx = self.conn.transaction()?;
        save(&tx, &case, by, now, Action::ReturnDecided, detail)?;
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
        let today = self.settings()?.today(now);
        let mut case = self.return_case(id)?;
        case.state = case.state.move_to(ReturnState::Refunded)?;
        let decided = &case.decision.as_ref().ok_or_else(not_found)?.settlement;
        let refund = refund.validated(decided, today)?;
        case.refund = Some(refund.clone());
        let currency = case.request.as_ref().map(|r| r.currency);
        let detail = json!({ "amount": refund.amount, "currency": currency, "method": refund.method, "reference": refund.reference });
        let tx = self.conn.transaction()?;
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
        let settings = self.settings()?;
        let mut case = self.return_case(id)?;
        let currency = case.currency(settings.currency);
        case.record_fee(fee, currency, settings.today(now))?;
        let paid = case.fee_paid.as_ref().ok_or_else(not_found)?;
        let detail =
            json!({ "amount": paid.amount, "currency": currency, "method": paid.method, "reference": paid.reference });
        let tx = self.conn.transaction()?;
        save(&tx, &case, by, now, Action::ExchangeFeePaid, detail)?;
        tx.commit()?;
        Ok(case)
    }

    /// The item goes back to the customer (held or denied), or the replacement goes out
    /// once its fee is paid.
    pub fn ship_return_out(&mut self, by: StaffId, id: ReturnId, tracking: &str, now: Timestamp) -> Result<ReturnCase> {
        self.actor(by)?;
        let settings = self.settings()?;
        let today = settings.today(now);
        let tracking = caseback_domain::after_sale::handover::tracking_number(tracking)?;
        let mut case = self.return_case(id)?;
        let next = case.ship_out(tracking.clone(), case.currency(settings.currency), today)?;
        let action = if next == ReturnState::Exchanged { Action::ExchangeSent } else { Action::ReturnSentBack };
        let tx = self.conn.transaction()?;
        save(&tx, &case, by, now, action, json!({ "tracking": tracking }))?;
        tx.commit()?;
        Ok(case)
    }
}
