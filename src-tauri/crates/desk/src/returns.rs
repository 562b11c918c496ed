//! Returns: the request form's choices, the return page with what the case waits for and
//! what may be done, the returns list, and every change, each answered with the page.

use caseback_domain::after_sale::PaymentMethod;
use caseback_domain::branch::BranchFilter;
use caseback_domain::calendar::DateStyle;
use caseback_domain::customer::Customer;
use caseback_domain::event::Subject;
use caseback_domain::papers::ReturnFormKind;
use caseback_domain::quotation::message::Message;
use caseback_domain::returns::decision::{posting_window, Checklist};
use caseback_domain::returns::message::{decision_message, decline_message, rma_instructions};
use caseback_domain::returns::{
    eligibility, expires_soon, Actions, Decision, DecisionForm, DecisionKind, Eligibility, ExchangeFeeForm,
    InspectionForm, Package, RefundForm, RefundMethod, Remedy, RequestChannel, RequestForm, ReturnCase, ReturnForm,
    ReturnId, ReturnReason, ReturnState, Settlement, Step, WearGrade,
};
use caseback_domain::staff::StaffId;
use caseback_domain::watch::WatchId;
use caseback_domain::{Currency, Due};
use caseback_store::{Attachment, ReturnRow, Shop};
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::error::Result;
use crate::history::{self, HistoryRow};
use crate::papers::FormView;
use crate::tickets::{ListDay, LIST_LIMIT};
use crate::Desk;

#[derive(Serialize)]
pub struct ReturnOptions {
    reasons: Vec<Choice>,
    channels: Vec<Choice>,
    refund_methods: Vec<Choice>,
    /// The "paid with" values that ask for the number of instalments and the bank.
    plan_methods: Vec<RefundMethod>,
    /// What the customer may ask for: a refund, or (where the shop offers them) an exchange.
    remedies: Vec<Choice>,
    /// How an exchange fee may be paid.
    payment_methods: Vec<Choice>,
    wear_grades: Vec<Choice>,
    checklist: Vec<(&'static str, &'static str)>,
    states: Vec<Choice>,
    non_returnable: Vec<String>,
    currency: &'static str,
    today: Date,
    partial_range: (String, String),
    exchange_offered: bool,
    /// The decisions this shop's policy allows, as the inspection offers them: the key is
    /// the decision form's `decision` (`approve`, `partial_refund`, `ship_back`, `exchange`),
    /// with what happens to the watch.
    decision_kinds: Vec<DecisionKindView>,
    max_media: usize,
    /// The decline reason's example, in the shop's own return window.
    decline_placeholder: String,
}

#[derive(Serialize)]
pub struct DecisionKindView {
    key: &'static str,
    label: &'static str,
    /// "The shop keeps the watch.", for a watch that came by post
    watch: &'static str,
    /// and for one handed over at the counter.
    watch_at_counter: &'static str,
}

/// A decision as its form is filled in again to revise it: what was decided and found, with
/// amounts and the percentage as staff would type them.
#[derive(Serialize)]
pub struct RevisionForm {
    decision: &'static str,
    method: Option<RefundMethod>,
    percent: Option<String>,
    return_customs: Option<String>,
    postage_reimbursed: Option<String>,
    /// Each check of the inspection by its key, ticked or not ("not paired" where asked).
    checklist: std::collections::BTreeMap<&'static str, bool>,
    wear: WearGrade,
    notes: String,
    photos: Vec<String>,
}

/// One check of the inspection as its summary lists it.
#[derive(Serialize)]
pub struct CheckView {
    key: &'static str,
    label: &'static str,
    passed: bool,
}

/// The checks with their verdicts, as the UI shows them.
#[derive(Serialize)]
pub struct EligibilityView {
    #[serde(flatten)]
    eligibility: Eligibility,
    eligible: bool,
    evidence_missing: bool,
}

impl EligibilityView {
    /// The checks as the shop reads them: their dates in its style.
    fn of(mut e: Eligibility, dates: DateStyle) -> EligibilityView {
        e.checks.iter_mut().for_each(|c| c.text = dates.restyle(&c.text));
        e.postage_text = dates.restyle(&e.postage_text);
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
    /// "Refund to the customer" or "Exchange fee to pay".
    total_label: &'static str,
    total: String,
    /// The total as typed back into the refund form (no currency code).
    total_number: String,
    method: Option<RefundMethod>,
    /// What the customer paid that is not refunded, in sentences.
    notes: Vec<String>,
}

fn settlement_view(c: Currency, s: &Settlement, decision: &Decision) -> SettlementView {
    SettlementView {
        total_label: decision.total_label(),
        lines: s.lines.iter().map(|l| LineView { label: l.label.clone(), amount: c.format(l.amount) }).collect(),
        total: c.format(s.total),
        total_number: c.format_number(s.total),
        method: s.method,
        notes: s.notes.clone(),
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

/// The RMA code's line: "Valid through 2026-11-13 · 3 days left", with the date kept whole.
#[derive(Serialize)]
pub struct RmaLine {
    before: &'static str,
    date: Date,
    after: String,
    /// Still accepted (valid and awaited).
    valid: bool,
    /// The return was cancelled: the code is spent.
    spent: bool,
}

#[derive(Serialize)]
pub struct ReturnView {
    #[serde(flatten)]
    case: ReturnCase,
    title: String,
    state_label: &'static str,
    closed: bool,
    /// The step the page leads with.
    step: Step,
    /// What staff may do now.
    actions: Actions,
    /// Waiting for the customer's package under its RMA code (valid or expired).
    awaits_package: bool,
    /// How and when the customer asked: "Requested in store on 3 November 2026".
    requested_text: Option<String>,
    /// The request may still be corrected (nothing is decided on it yet).
    request_correctable: bool,
    /// The request as its form is filled in again to correct it: amounts in the shop's style.
    request_form: Option<RequestFormValues>,
    /// While a request is authorized or its package awaited without the shop's postal
    /// address set: what to do about it.
    address_warning: Option<String>,
    /// "Package expected by 2026-11-13", or what the case waits for when no date is due.
    deadline_text: Option<String>,
    next_text: String,
    customer_info: Option<Customer>,
    /// The watch record the request's serial names.
    watch_id: Option<WatchId>,
    /// The request's amounts as text, in the order's currency.
    amounts: Option<RequestAmounts>,
    eligibility: Option<EligibilityView>,
    rma_line: Option<RmaLine>,
    /// The decision as its card heads it, what happens to the watch, and how the refund
    /// goes back.
    decision_text: Option<&'static str>,
    decision_watch: Option<&'static str>,
    /// The decision as its form is filled in again, while it may be revised.
    revision_form: Option<RevisionForm>,
    /// The inspection's checks, passed or not.
    inspection_checks: Vec<CheckView>,
    decision_due_label: Option<&'static str>,
    refund_by: Option<&'static str>,
    /// How the package came: "With a valid RMA code".
    arrival_text: Option<String>,
    /// What the last step was, for its card: "Replacement sent", "Request declined".
    outcome_title: &'static str,
    /// What went out, in a sentence: "Replacement handed over at the counter on …".
    outbound_text: Option<String>,
    settlement: Option<SettlementView>,
    refund_view: Option<RefundView>,
    /// An exchange by choice: the fee still to take before the replacement goes out.
    fee_owed: Option<String>,
    fee_owed_number: Option<String>,
    fee_view: Option<FeeView>,
    instructions: Option<Message>,
    decision_message: Option<Message>,
    /// A declined request: the letter for the customer, as a message.
    decline_message: Option<Message>,
    due: Option<Due>,
    due_text: Option<String>,
    forms: Vec<FormView>,
    history: Vec<HistoryRow>,
    /// The request's photos and videos: hash, media type, size.
    evidence: Vec<Attachment>,
    /// Suggested partial refund per wear grade, e.g. ("light", "40%").
    suggested_partial: Vec<(WearGrade, String)>,
}

/// The request's amounts as they are typed back into its form.
#[derive(Serialize)]
pub struct RequestFormValues {
    currency: &'static str,
    purchase_price: String,
    original_shipping: Option<String>,
    insurance_paid: Option<String>,
    instalment_count: Option<u8>,
    instalment_bank: Option<String>,
}

#[derive(Serialize)]
pub struct RequestAmounts {
    purchase_price: String,
    /// What was paid on top of the price; none when nothing was.
    original_shipping: Option<String>,
    insurance_paid: Option<String>,
    reason_label: &'static str,
    channel_label: &'static str,
    /// How and when the customer asked: "in store on 3 November 2026".
    requested_how: String,
    paid_with_label: &'static str,
    /// "Card, in instalments: 12 × via Garanti BBVA" for an order paid so; the label otherwise.
    paid_with_text: String,
    wants_label: &'static str,
}

#[derive(Serialize)]
pub struct ReturnRowView {
    #[serde(flatten)]
    pub row: ReturnRow,
    pub title: String,
    pub state_label: &'static str,
    pub due: Option<Due>,
    pub due_text: Option<String>,
}

pub(crate) fn return_rows(rows: Vec<ReturnRow>, today: Date) -> Vec<ReturnRowView> {
    rows.into_iter()
        .map(|row| {
            let due = row.next_deadline.map(|d| Due::of(d, today));
            ReturnRowView {
                title: row.rma_code.clone().unwrap_or_else(|| format!("Return {}", row.id.0)),
                state_label: row.state.label(),
                due_text: due.map(Due::describe),
                due,
                row,
            }
        })
        .collect()
}

fn rma_line(case: &ReturnCase, due: Option<Due>, today: Date) -> Option<RmaLine> {
    let rma = case.rma.as_ref()?;
    let date = rma.validity.valid_through;
    let arrived_late =
        case.receipt.as_ref().is_some_and(|r| !matches!(r.arrival, caseback_domain::returns::Arrival::ValidRma));
    let awaited = case.state.awaits_package();
    let spent = case.state == ReturnState::Cancelled;
    let line = |before, after: String, valid| Some(RmaLine { before, date, after, valid, spent });
    if case.taken_in_at_counter {
        // Used the day it was issued: there was no parcel to wait for.
        return line("The return's reference, issued when the watch was handed over on ", String::new(), true);
    }
    if case.state == ReturnState::Cancelled {
        return line("Cancelled: no longer accepted (it was valid through ", ")".into(), false);
    }
    if (awaited && !rma.validity.is_valid_on(today)) || arrived_late {
        return line("Expired: it was valid through ", String::new(), false);
    }
    let left = match due {
        Some(Due::Today) => " · last day".to_string(),
        Some(Due::Upcoming { days: 1 }) => " · 1 day left".to_string(),
        Some(Due::Upcoming { days }) => format!(" · {days} days left"),
        _ => String::new(),
    };
    line("Valid through ", if awaited { left } else { String::new() }, true)
}

fn outcome_title(case: &ReturnCase) -> &'static str {
    let at_counter = case.outbound.as_ref().is_some_and(|o| o.at_counter);
    match case.state {
        ReturnState::Exchanged if at_counter => "Replacement handed over",
        ReturnState::Exchanged => "Replacement sent",
        ReturnState::SentBack if at_counter => "Handed back to the customer",
        ReturnState::SentBack => "Sent back to the customer",
        ReturnState::Declined => "Request declined",
        ReturnState::Cancelled => "Return cancelled",
        ReturnState::Refunded => "Refunded",
        _ => "",
    }
}

fn next_text(case: &ReturnCase, fee_owed: Option<&str>) -> String {
    if let Some(fee) = fee_owed {
        return format!("Next: take the exchange fee of {fee}, then send the replacement");
    }
    match case.state {
        ReturnState::Requested if case.can_take_in() => "Next: take the watch in, authorize or decline".into(),
        ReturnState::Requested => "Next: authorize or decline the request".into(),
        ReturnState::ShipBack if case.actions().hand_over => {
            "Next: send it back to the customer, or hand it over at the counter".into()
        }
        ReturnState::ShipBack => "Next: send it back to the customer".into(),
        ReturnState::ExchangeDue if case.actions().hand_over => {
            "Next: send the replacement, or hand it over at the counter".into()
        }
        ReturnState::ExchangeDue => "Next: send the replacement".into(),
        s if s.is_closed() => "Closed".into(),
        _ => "Nothing due".into(),
    }
}

fn revision_form(case: &ReturnCase, decision: &Decision, currency: Currency) -> RevisionForm {
    let typed = |a: caseback_domain::Amount| (a.0 > 0).then(|| currency.format_number(a));
    let (method, percent, customs, postage) = match decision {
        Decision::Approve { method, return_customs, postage_reimbursed } => {
            (Some(*method), None, typed(*return_customs), typed(*postage_reimbursed))
        }
        Decision::PartialRefund { percent, method } => {
            (Some(*method), Some(percent.to_string().trim_end_matches('%').to_string()), None, None)
        }
        Decision::ShipBack | Decision::Exchange => (None, None, None, None),
    };
    let inspection = case.inspection.clone().unwrap_or_else(|| caseback_domain::returns::Inspection {
        checklist: Checklist::default(),
        wear: WearGrade::AsNew,
        notes: String::new(),
        photos: vec![],
    });
    RevisionForm {
        decision: decision.kind().key(),
        method,
        percent,
        return_customs: customs,
        postage_reimbursed: postage,
        checklist: case.inspection_checks().into_iter().map(|(key, _, passed)| (key, passed)).collect(),
        wear: inspection.wear,
        notes: inspection.notes,
        photos: inspection.photos,
    }
}

pub(crate) fn return_view(shop: &Shop, now: Timestamp, case: ReturnCase) -> Result<ReturnView> {
    let s = shop.settings()?;
    let today = s.today(now);
    let customer = case.customer.map(|id| shop.customer(id)).transpose()?;
    let details = customer.as_ref().map(|c| c.details.clone()).unwrap_or_default();
    let eligibility = shop.return_eligibility(&case)?;
    let currency = case.currency(s.currency);
    let amounts = case.request.as_ref().map(|r| RequestAmounts {
        purchase_price: currency.format(r.purchase_price),
        original_shipping: (r.original_shipping.0 > 0).then(|| currency.format(r.original_shipping)),
        insurance_paid: (r.insurance_paid.0 > 0).then(|| currency.format(r.insurance_paid)),
        reason_label: r.reason.label(),
        channel_label: r.channel.label(),
        requested_how: r.how_requested(s.date_style),
        paid_with_label: r.paid_with.label(),
        paid_with_text: match &case.instalments {
            Some(plan) => format!("{}: {}", r.paid_with.label(), plan.describe()),
            None => r.paid_with.label().to_string(),
        },
        wants_label: r.wants.label(),
    });
    let instructions = match (&case.request, &case.rma, &eligibility) {
        (Some(r), Some(rma), Some(e)) if case.state.awaits_package() => {
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
            case.taken_in_at_counter,
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
    let fee_owed = case.fee_owed().map(|a| currency.format(a));
    let title = case.title();
    let forms = ReturnFormKind::ALL
        .iter()
        .filter(|k| k.applies(&case).is_ok())
        .map(|k| FormView::of_return(*k, &title))
        .collect();
    Ok(ReturnView {
        title,
        state_label: case.state.label(),
        closed: case.state.is_closed(),
        step: case.state.step(),
        actions: case.actions(),
        awaits_package: case.state.awaits_package(),
        request_correctable: case.request.is_some() && case.state.request_correctable(),
        request_form: case.request.as_ref().map(|r| RequestFormValues {
            currency: r.currency.code(),
            purchase_price: currency.format_number(r.purchase_price),
            original_shipping: (r.original_shipping.0 > 0).then(|| currency.format_number(r.original_shipping)),
            insurance_paid: (r.insurance_paid.0 > 0).then(|| currency.format_number(r.insurance_paid)),
            instalment_count: case.instalments.as_ref().map(|p| p.count),
            instalment_bank: case.instalments.as_ref().map(|p| p.bank.clone()),
        }),
        address_warning: (case.state == ReturnState::Requested || case.state.awaits_package())
            .then(|| s.return_address().err().map(|e| e.to_string()))
            .flatten(),
        deadline_text: case.deadline_words().map(|(what, date)| format!("{what} {}", s.date_style.format(date))),
        next_text: next_text(&case, fee_owed.as_deref()),
        watch_id: shop.return_watch(case.id)?,
        amounts,
        rma_line: rma_line(&case, due, today),
        settlement: case.decision.as_ref().map(|d| settlement_view(currency, &d.settlement, &d.decision)),
        decision_text: case.decision.as_ref().map(|d| d.decision.title()),
        decision_due_label: case.decision.as_ref().map(|d| d.decision.due_label()),
        refund_by: case.decision.as_ref().and_then(|d| d.settlement.method).map(RefundMethod::by),
        arrival_text: case.arrival_words(s.date_style),
        outcome_title: outcome_title(&case),
        outbound_text: case.outbound_words(s.date_style),
        requested_text: case.request.as_ref().map(|r| format!("Requested {}", r.how_requested(s.date_style))),
        decision_watch: case.decision.as_ref().map(|d| d.decision.watch(case.taken_in_at_counter)),
        revision_form: case
            .decision
            .as_ref()
            .filter(|_| case.check_revisable().is_ok())
            .map(|d| revision_form(&case, &d.decision, currency)),
        inspection_checks: case
            .inspection_checks()
            .into_iter()
            .map(|(key, label, passed)| CheckView { key, label, passed })
            .collect(),
        decline_message: decline_message(&s, &details, &case),
        refund_view,
        fee_owed_number: case.fee_owed().map(|a| currency.format_number(a)),
        fee_owed,
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
        forms,
        history: history::rows(shop, Subject::Return, &case.id.0.to_string())?,
        evidence: shop.return_evidence(&case)?,
        suggested_partial: WearGrade::ALL.iter().map(|w| (*w, w.suggested_partial(&s.policy).to_string())).collect(),
        eligibility: eligibility.map(|mut e| {
            // Handed over at the counter: no parcel, so no postage to speak of.
            if case.taken_in_at_counter {
                e.postage_text.clear();
            }
            EligibilityView::of(e, s.date_style)
        }),
        customer_info: customer,
        // Its dates ("linked to it on 2026-11-20") the shop's way, like every other sentence.
        case: ReturnCase { closing_reason: case.closing_reason.as_deref().map(|r| s.date_style.restyle(r)), ..case },
    })
}

impl Desk {
    pub fn return_options(&mut self) -> Result<ReturnOptions> {
        let (shop, now) = self.at()?;
        let s = shop.settings()?;
        let exchange_offered = s.policy.offers_exchange();
        let remedies: &[Remedy] = if exchange_offered { &Remedy::ALL } else { &[Remedy::Refund] };
        Ok(ReturnOptions {
            reasons: choices(&ReturnReason::offered(&s.policy), ReturnReason::label),
            channels: choices(&RequestChannel::ALL, RequestChannel::label),
            // The ways the shop takes money say how its customers paid (and are refunded).
            refund_methods: choices(&RefundMethod::offered(&s.payment_methods), RefundMethod::label),
            plan_methods: vec![RefundMethod::Instalments],
            remedies: choices(remedies, Remedy::label),
            // An exchange fee is taken in one go: the shop's methods but instalments.
            payment_methods: choices(
                &s.payment_methods.iter().copied().filter(|m| !m.needs_plan()).collect::<Vec<_>>(),
                PaymentMethod::label,
            ),
            wear_grades: choices(&WearGrade::ALL, WearGrade::label),
            checklist: Checklist::items(&s.policy),
            states: choices(&ReturnState::ALL, ReturnState::label),
            non_returnable: s.policy.non_returnable.clone(),
            currency: s.currency.code(),
            today: s.today(now),
            partial_range: (s.policy.partial_refund_min.to_string(), s.policy.partial_refund_max.to_string()),
            exchange_offered,
            decision_kinds: DecisionKind::offered(&s.policy)
                .into_iter()
                .map(|k| DecisionKindView {
                    key: k.key(),
                    label: k.label(),
                    watch: k.watch(false),
                    watch_at_counter: k.watch(true),
                })
                .collect(),
            max_media: caseback_domain::attachment::MAX_PHOTOS,
            decline_placeholder: if s.policy.return_window.is_none() {
                "e.g. The shop takes no returns of this item".to_string()
            } else {
                format!("e.g. Requested after the return window of {}", s.policy.return_window)
            },
        })
    }

    /// The eligibility a request would have, checked as the form is filled in.
    pub fn return_preview(&mut self, form: &ReturnForm) -> Result<EligibilityView> {
        let (shop, now) = self.at()?;
        let s = shop.settings()?;
        let request = form.preview(s.today(now), s.number_style)?;
        Ok(EligibilityView::of(eligibility(&s.policy, &request), s.date_style))
    }

    pub fn return_case(&mut self, id: ReturnId) -> Result<ReturnView> {
        let (shop, now) = self.at()?;
        let case = shop.return_case(id)?;
        return_view(shop, now, case)
    }

    /// The return an RMA code names (typed or scanned).
    pub fn find_return(&mut self, code: &str) -> Result<ReturnId> {
        let (shop, _) = self.at()?;
        Ok(shop.return_by_code(code)?.id)
    }

    /// A photo or video of the defect; returns its hash.
    pub fn add_evidence(&mut self, by: StaffId, name: &str, bytes: &[u8]) -> Result<String> {
        let (shop, now) = self.at()?;
        Ok(shop.store_evidence(by, name, bytes, now)?.sha256)
    }

    /// Runs one change on a case and answers with the case as the page shows it.
    fn return_change(
        &mut self,
        f: impl FnOnce(&mut Shop, Timestamp) -> caseback_store::Result<ReturnCase>,
    ) -> Result<ReturnView> {
        let (shop, now) = self.at()?;
        let case = f(shop, now)?;
        return_view(shop, now, case)
    }

    pub fn request_return(&mut self, by: StaffId, form: &ReturnForm) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.request_return(by, form, now))
    }

    /// The request form as the window sends it: with the number of instalments and the bank
    /// of an order paid so.
    pub fn request_return_with(&mut self, by: StaffId, form: &RequestForm) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.request_return_with(by, &form.form, &form.instalments, now))
    }

    /// Corrects the recorded request until the return is decided (each change logged).
    pub fn correct_return(&mut self, by: StaffId, id: ReturnId, form: &ReturnForm) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.correct_return(by, id, form, now))
    }

    /// `correct_return` as the window sends it, with the instalments of an order paid so.
    pub fn correct_return_with(&mut self, by: StaffId, id: ReturnId, form: &RequestForm) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.correct_return_with(by, id, &form.form, &form.instalments, now))
    }

    pub fn add_return_media(&mut self, by: StaffId, id: ReturnId, media: &[String]) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.add_return_media(by, id, media, now))
    }

    pub fn authorize_return(&mut self, by: StaffId, id: ReturnId, override_reason: Option<&str>) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.authorize_return(by, id, override_reason, now))
    }

    /// Declines a request, or cancels an authorized return.
    pub fn close_return(&mut self, by: StaffId, id: ReturnId, reason: &str) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.close_return(by, id, reason, now))
    }

    pub fn extend_rma(&mut self, by: StaffId, id: ReturnId) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.extend_rma(by, id, now))
    }

    pub fn receive_package(&mut self, by: StaffId, code: Option<&str>, package: &Package) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.receive_package(by, code, package, now))
    }

    pub fn accept_held(&mut self, by: StaffId, id: ReturnId, reason: &str) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.accept_held(by, id, reason, now))
    }

    /// What a decision would come to (the form's live figures); nothing is saved.
    pub fn settle_preview(&mut self, id: ReturnId, form: &DecisionForm) -> Result<SettlementView> {
        let (shop, _) = self.at()?;
        let (settings, case) = (shop.settings()?, shop.return_case(id)?);
        let currency = case.currency(settings.currency);
        let decision = form.parse(currency)?;
        let settlement = shop.settle_return(&settings, &case, &decision)?;
        Ok(settlement_view(currency, &settlement, &decision))
    }

    pub fn decide_return(
        &mut self,
        by: StaffId,
        id: ReturnId,
        inspection: &InspectionForm,
        form: &DecisionForm,
    ) -> Result<ReturnView> {
        self.return_change(|shop, now| {
            let (currency, _) = shop.return_day(id, now)?;
            let (inspection, not_paired) = inspection.parse(&shop.settings()?.policy);
            shop.decide_return(by, id, &inspection, not_paired, &form.parse(currency)?, now)
        })
    }

    /// Replaces the decision (and what the inspection found) until the refund is recorded or
    /// the watch goes out; logged with the old and the new.
    pub fn revise_return_decision(
        &mut self,
        by: StaffId,
        id: ReturnId,
        inspection: &InspectionForm,
        form: &DecisionForm,
    ) -> Result<ReturnView> {
        self.return_change(|shop, now| {
            let (currency, _) = shop.return_day(id, now)?;
            let (inspection, not_paired) = inspection.parse(&shop.settings()?.policy);
            shop.revise_return_decision(by, id, &inspection, not_paired, &form.parse(currency)?, now)
        })
    }

    /// An in-store request's watch handed over at the counter: authorized and received at
    /// once (or as an exception, with a reason).
    pub fn take_in_return(&mut self, by: StaffId, id: ReturnId, override_reason: Option<&str>) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.take_in_return(by, id, override_reason, now))
    }

    /// The watch, or its replacement, handed to the customer at the counter.
    pub fn hand_return_over(&mut self, by: StaffId, id: ReturnId) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.hand_return_over(by, id, now))
    }

    pub fn record_return_refund(&mut self, by: StaffId, id: ReturnId, form: &RefundForm) -> Result<ReturnView> {
        self.return_change(|shop, now| {
            let (currency, today) = shop.return_day(id, now)?;
            let accounts = shop.settings()?.bank_accounts;
            shop.record_return_refund(by, id, &form.parse(currency, today, accounts)?, now)
        })
    }

    /// The customer paid the exchange fee.
    pub fn record_exchange_fee(&mut self, by: StaffId, id: ReturnId, form: &ExchangeFeeForm) -> Result<ReturnView> {
        self.return_change(|shop, now| {
            let (currency, today) = shop.return_day(id, now)?;
            shop.record_exchange_fee(by, id, &form.parse(currency, today)?, now)
        })
    }

    /// A package held without a return on file belongs to the return with `code`: answers
    /// with that return, where the package now is.
    pub fn link_package(&mut self, by: StaffId, id: ReturnId, code: &str) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.link_package(by, id, code, now))
    }

    /// The item goes back to the customer, or the replacement goes out.
    pub fn ship_return_out(&mut self, by: StaffId, id: ReturnId, tracking: &str) -> Result<ReturnView> {
        self.return_change(|shop, now| shop.ship_return_out(by, id, tracking, now))
    }

    pub fn search_returns(
        &mut self,
        query: &str,
        state: Option<ReturnState>,
        branch: BranchFilter,
    ) -> Result<Vec<ReturnRowView>> {
        self.return_list(query, state, branch, LIST_LIMIT)
    }

    /// The same, as many as match (the CLI's listing).
    pub fn return_list(
        &mut self,
        query: &str,
        state: Option<ReturnState>,
        branch: BranchFilter,
        limit: usize,
    ) -> Result<Vec<ReturnRowView>> {
        let (shop, now) = self.at()?;
        let today = ListDay::of(shop, now)?.today;
        Ok(return_rows(shop.search_returns_in(branch, query, state, limit)?, today))
    }
}

/// Codes expired, and those ending within two days, soonest first.
pub(crate) fn expiring(shop: &Shop, today: Date) -> Result<Vec<ReturnRow>> {
    let mut rows = shop.returns_in_state(ReturnState::Expired, 500)?;
    rows.extend(
        shop.returns_in_state(ReturnState::Authorized, 500)?
            .into_iter()
            .filter(|r| r.next_deadline.is_some_and(|d| expires_soon(d, today))),
    );
    Ok(rows)
}
