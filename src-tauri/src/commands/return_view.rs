//! A return case as the return page shows it: the record, its amounts as text in the
//! order's currency, its eligibility, messages, deadline and history.

use caseback_domain::customer::Customer;
use caseback_domain::quotation::message::Message;
use caseback_domain::returns::decision::posting_window;
use caseback_domain::returns::message::{decision_message, rma_instructions};
use caseback_domain::returns::{Eligibility, RefundMethod, ReturnCase, ReturnState, Settlement, WearGrade};
use caseback_domain::{Currency, Due};
use caseback_store::Shop;
use jiff::civil::Date;
use serde::Serialize;

use crate::commands::history::{self, HistoryRow};
use crate::error::IpcResult;
use crate::state::AppState;

/// The checks with their verdicts, as the UI shows them.
#[derive(Serialize)]
pub struct EligibilityView {
    #[serde(flatten)]
    eligibility: Eligibility,
    eligible: bool,
    evidence_missing: bool,
}

impl From<Eligibility> for EligibilityView {
    fn from(e: Eligibility) -> Self {
        EligibilityView { eligible: e.eligible(), evidence_missing: e.evidence_missing(), eligibility: e }
    }
}

#[derive(Serialize)]
pub struct LineView {
    label: String,
    amount: String,
}

#[derive(Serialize)]
pub struct SettlementView {
    lines: Vec<LineView>,
    total: String,
    method: Option<RefundMethod>,
}

pub fn settlement_view(c: Currency, s: &Settlement) -> SettlementView {
    SettlementView {
        lines: s.lines.iter().map(|l| LineView { label: l.label.clone(), amount: c.format(l.amount) }).collect(),
        total: c.format(s.total),
        method: s.method,
    }
}

#[derive(Serialize)]
pub struct RefundView {
    method: RefundMethod,
    method_label: &'static str,
    amount: String,
    refunded_on: Date,
    reference: String,
    posting_from: Date,
    posting_to: Date,
    posting_words: String,
}

/// The exchange fee as paid.
#[derive(Serialize)]
pub struct FeeView {
    amount: String,
    method_label: &'static str,
    paid_on: Date,
    reference: String,
}

#[derive(Serialize)]
pub struct ReturnView {
    #[serde(flatten)]
    case: ReturnCase,
    title: String,
    state_label: &'static str,
    customer_info: Option<Customer>,
    /// The request's amounts as text, in the order's currency.
    amounts: Option<RequestAmounts>,
    eligibility: Option<EligibilityView>,
    rma_valid_today: Option<bool>,
    settlement: Option<SettlementView>,
    refund_view: Option<RefundView>,
    /// An exchange by choice: the fee still to take before the replacement goes out.
    fee_owed: Option<String>,
    fee_view: Option<FeeView>,
    instructions: Option<Message>,
    decision_message: Option<Message>,
    due: Option<Due>,
    due_text: Option<String>,
    history: Vec<HistoryRow>,
    /// The request's photos and videos: hash, media type, size.
    evidence: Vec<caseback_store::attachments::Attachment>,
    /// Suggested partial refund per wear grade, e.g. ("light", "40%").
    suggested_partial: Vec<(WearGrade, String)>,
}

#[derive(Serialize)]
pub struct RequestAmounts {
    purchase_price: String,
    original_shipping: String,
    insurance_paid: String,
    reason_label: &'static str,
    channel_label: &'static str,
    paid_with_label: &'static str,
}

pub fn view(shop: &Shop, state: &AppState, case: ReturnCase) -> IpcResult<ReturnView> {
    let s = shop.settings()?;
    let today = s.today(state.clock.now());
    let customer = case.customer.map(|id| shop.customer(id)).transpose()?;
    let details = customer.as_ref().map(|c| c.details.clone()).unwrap_or_default();
    let eligibility = shop.return_eligibility(&case)?;
    let currency = case.currency(s.currency);
    let amounts = case.request.as_ref().map(|r| RequestAmounts {
        purchase_price: currency.format(r.purchase_price),
        original_shipping: currency.format(r.original_shipping),
        insurance_paid: currency.format(r.insurance_paid),
        reason_label: r.reason.label(),
        channel_label: r.channel.label(),
        paid_with_label: r.paid_with.label(),
    });
    let instructions = match (&case.request, &case.rma, &eligibility) {
        (Some(r), Some(rma), Some(e)) if case.state == ReturnState::Authorized => {
            Some(rma_instructions(&s, &details, r, rma.code, rma.validity, e))
        }
        _ => None,
    };
    let decision_msg = match (&case.request, &case.decision) {
        (Some(r), Some(d)) => Some(decision_message(
            &s,
            &details,
            r,
            case.rma.as_ref().map(|x| x.code),
            &d.decision,
            &d.settlement,
            case.inspection.as_ref().map(|i| i.notes.as_str()).unwrap_or_default(),
        )),
        _ => None,
    };
    let refund_view = case.refund.as_ref().map(|r| {
        let (from, to, words) = posting_window(r.method, r.refunded_on, &s.policy);
        RefundView {
            method: r.method,
            method_label: r.method.label(),
            amount: currency.format(r.amount),
            refunded_on: r.refunded_on,
            reference: r.reference.clone(),
            posting_from: from,
            posting_to: to,
            posting_words: words,
        }
    });
    let due = case.next_deadline().map(|d| Due::of(d, today));
    Ok(ReturnView {
        title: case.title(),
        state_label: case.state.label(),
        amounts,
        rma_valid_today: case.rma.as_ref().map(|r| r.validity.is_valid_on(today)),
        settlement: case.decision.as_ref().map(|d| settlement_view(currency, &d.settlement)),
        refund_view,
        fee_owed: case.fee_owed().map(|a| currency.format(a)),
        fee_view: case.fee_paid.as_ref().map(|f| FeeView {
            amount: currency.format(f.amount),
            method_label: f.method.label(),
            paid_on: f.paid_on,
            reference: f.reference.clone(),
        }),
        instructions,
        decision_message: decision_msg,
        due_text: due.map(Due::describe),
        due,
        history: history::rows(shop, "return", &case.id.0.to_string())?,
        evidence: shop.return_evidence(&case)?,
        suggested_partial: WearGrade::ALL.iter().map(|w| (*w, w.suggested_partial(&s.policy).to_string())).collect(),
        eligibility: eligibility.map(EligibilityView::from),
        customer_info: customer,
        case,
    })
}
