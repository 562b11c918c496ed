//! Assessment, quotations and the customer's written answer.

use caseback_domain::assessment::{Assessment, WrittenAnswer};
use caseback_domain::intake::TicketId;
use caseback_domain::quotation::form::DraftForm;
use caseback_domain::quotation::message::{quotation_message, return_notice_message, Message};
use caseback_domain::quotation::{LineKind, Section, Standing, Totals};
use caseback_domain::staff::StaffId;
use caseback_domain::{Amount, Currency};
use caseback_store::Shop;
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::commands::tickets::{ticket_view, TicketView};
use crate::error::IpcResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct TotalsText {
    subtotal: String,
    tax: String,
    total: String,
}

fn totals_text(c: Currency, t: Totals) -> TotalsText {
    TotalsText { subtotal: c.format_number(t.subtotal), tax: c.format_number(t.tax), total: c.format_number(t.total) }
}

#[derive(Serialize)]
pub struct Preview {
    line_amounts: Vec<String>,
    repair: TotalsText,
    cosmetic: Option<TotalsText>,
    tax_label: String,
    currency: &'static str,
}

/// The editor's live totals, computed by the domain from what was typed.
#[tauri::command]
pub fn quotation_preview(state: State<AppState>, form: Arg<DraftForm>) -> IpcResult<Preview> {
    let form = form.0;
    state.with_shop(|shop| {
        let s = shop.settings()?;
        let draft = form.parse(s.currency)?;
        let rate = s.tax.rate;
        let has_cosmetic = draft.lines.iter().any(|l| l.section == Section::Cosmetic);
        Ok(Preview {
            line_amounts: draft.lines.iter().map(|l| s.currency.format_number(l.amount())).collect(),
            repair: totals_text(s.currency, caseback_domain::quotation::totals(&draft.lines, Section::Repair, rate)),
            cosmetic: has_cosmetic.then(|| {
                totals_text(s.currency, caseback_domain::quotation::totals(&draft.lines, Section::Cosmetic, rate))
            }),
            tax_label: format!("{} {}", s.tax.name, rate),
            currency: s.currency.code(),
        })
    })
}

/// One issued line with its amounts as text, and what an editor needs to revise it.
#[derive(Serialize)]
pub struct LineView {
    kind: LineKind,
    kind_label: &'static str,
    section: Section,
    description: String,
    quantity: String,
    unit_price: String,
    amount: String,
    taxable: bool,
}

#[derive(Serialize)]
pub struct QuotationItem {
    number: String,
    revision: u32,
    issued_on: String,
    valid_through: String,
    valid_through_words: String,
    lines: Vec<LineView>,
    repair: TotalsText,
    cosmetic: Option<TotalsText>,
    /// Only for the latest, unanswered revision.
    standing: Option<Standing>,
    superseded: bool,
    answer: Option<(bool, WrittenAnswer)>,
    message: Message,
}

#[derive(Serialize)]
pub struct QuotationsView {
    assessment: Option<Assessment>,
    /// The return-unrepaired notice for the customer, once the return is due.
    return_notice: Option<Message>,
    quotations: Vec<QuotationItem>,
    currency: &'static str,
}

fn quotations_view(shop: &Shop, state: &AppState, id: TicketId) -> IpcResult<QuotationsView> {
    let s = shop.settings()?;
    let today = s.today(state.clock.now());
    let ticket = shop.ticket(id)?;
    let customer = shop.customer(ticket.customer)?;
    let stored = shop.quotations(id)?;
    let latest = stored.len() as u32;
    let return_notice = match (ticket.state, stored.last()) {
        (caseback_domain::ticket::TicketState::ReturnDue, Some(last)) => {
            Some(return_notice_message(&s, &ticket, &customer.details, &last.quotation, last.refused()))
        }
        _ => None,
    };
    let money = |a: Amount| s.currency.format_number(a);
    let quotations = stored
        .into_iter()
        .map(|sq| {
            let q = &sq.quotation;
            let is_latest = q.number.revision == latest;
            QuotationItem {
                number: q.number.to_string(),
                revision: q.number.revision,
                issued_on: q.issued_on.to_string(),
                valid_through: q.valid_through.to_string(),
                valid_through_words: q.valid_through.strftime("%A %-d %B %Y").to_string(),
                lines: q
                    .draft
                    .lines
                    .iter()
                    .map(|l| LineView {
                        kind: l.kind,
                        kind_label: l.kind.label(),
                        section: l.section,
                        description: l.description.clone(),
                        quantity: l.quantity.to_string(),
                        unit_price: money(l.unit_price),
                        amount: money(l.amount()),
                        taxable: l.taxable,
                    })
                    .collect(),
                repair: totals_text(s.currency, q.repair),
                cosmetic: q
                    .draft
                    .lines
                    .iter()
                    .any(|l| l.section == Section::Cosmetic)
                    .then(|| totals_text(s.currency, q.cosmetic)),
                standing: (is_latest && sq.answer.is_none()).then(|| q.standing(&s.policy, today)),
                superseded: !is_latest,
                message: quotation_message(&s, &ticket, &customer.details, q),
                answer: sq.answer.clone(),
            }
        })
        .collect();
    Ok(QuotationsView { assessment: shop.assessment(id)?, return_notice, quotations, currency: s.currency.code() })
}

#[tauri::command]
pub fn quotations_get(state: State<AppState>, id: Arg<TicketId>) -> IpcResult<QuotationsView> {
    let id = id.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.apply_clock(now)?;
        quotations_view(shop, &state, id)
    })
}

#[tauri::command]
pub fn assessment_record(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    assessment: Arg<Assessment>,
) -> IpcResult<TicketView> {
    let by = by.0;
    let id = id.0;
    let assessment = assessment.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.record_assessment(by, id, &assessment, now)?;
        ticket_view(shop, &state, id)
    })
}

#[tauri::command]
pub fn quotation_issue(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<DraftForm>,
) -> IpcResult<QuotationsView> {
    let by = by.0;
    let id = id.0;
    let form = form.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        let draft = form.parse(shop.settings()?.currency)?;
        shop.issue_quotation(by, id, &draft, now)?;
        quotations_view(shop, &state, id)
    })
}

#[tauri::command]
pub fn quotation_answer(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    revision: Arg<u32>,
    accepted: Arg<bool>,
    answer: Arg<WrittenAnswer>,
) -> IpcResult<QuotationsView> {
    let by = by.0;
    let id = id.0;
    let revision = revision.0;
    let accepted = accepted.0;
    let answer = answer.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        shop.answer_quotation(by, id, revision, accepted, &answer, now)?;
        quotations_view(shop, &state, id)
    })
}

/// Opens a `mailto:` link in the shop's mail client (the web view itself never navigates).
#[tauri::command]
pub fn mail_open(link: Arg<String>) -> IpcResult<()> {
    let link = link.0;
    if !link.starts_with("mailto:") || link.chars().any(char::is_control) {
        return Err(crate::error::IpcError::new("invalid_input", "Only an email link can be opened."));
    }
    open::that_detached(&link).map_err(|e| {
        crate::error::IpcError::new("mail_client_unavailable", format!("No mail client could open the message: {e}"))
    })
}
