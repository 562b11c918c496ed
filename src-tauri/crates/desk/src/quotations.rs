//! Assessment, quotations and the customer's written answer.

use caseback_domain::assessment::{Assessment, AssessmentForm, WarrantyDecision, WrittenAnswer};
use caseback_domain::quotation::form::DraftForm;
use caseback_domain::quotation::message::{quotation_message, return_notice_message, Message};
use caseback_domain::quotation::{totals, ConfirmationChannel, LineKind, Section, Standing, Totals};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::{Amount, Currency};
use caseback_store::Shop;
use jiff::Timestamp;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::dates::Dates;
use crate::error::Result;
use crate::tickets::{ticket_view, TicketView};
use crate::Desk;

#[derive(Serialize)]
pub struct TotalsText {
    subtotal: String,
    tax: String,
    total: String,
}

fn totals_text(c: Currency, t: Totals) -> TotalsText {
    TotalsText { subtotal: c.format_number(t.subtotal), tax: c.format_number(t.tax), total: c.format_number(t.total) }
}

/// The editor's live totals, computed by the domain from what was typed.
#[derive(Serialize)]
pub struct Preview {
    line_amounts: Vec<String>,
    repair: TotalsText,
    cosmetic: Option<TotalsText>,
    tax_label: String,
    currency: &'static str,
}

/// One issued line with its amounts as text.
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
    /// The catalogue's part the line sells, if it came from there.
    part: Option<caseback_domain::stock::PartId>,
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
    /// Where it stands, in a line ("Awaiting answer: 3 days left", "Accepted by email
    /// reply: …"), and its tone: `urgent`, `accepted`, `declined`, `muted` or empty.
    standing_text: String,
    standing_tone: &'static str,
    /// The latest revision with no answer yet: the one the answer panel is for.
    awaiting_answer: bool,
    message: Message,
}

#[derive(Serialize)]
pub struct AssessmentView {
    #[serde(flatten)]
    assessment: Assessment,
    decision_label: String,
    covered: bool,
}

/// A way a written answer may arrive, as the answer panel offers it.
#[derive(Serialize)]
pub struct ChannelView {
    key: ConfirmationChannel,
    label: &'static str,
    /// What its reference looks like, dated the shop's way: "e.g. Re: Quotation Q-2026-00042-1,
    /// 01.12.2026 14:02" for an email, "e.g. Signed at the counter, 01.12.2026" in store.
    placeholder: String,
}

fn channel_views(number: Option<&str>, dates: &Dates, now: Timestamp, today: jiff::civil::Date) -> Vec<ChannelView> {
    let quotation = number.map_or("Quotation".to_string(), |n| format!("Quotation {n}"));
    let (at, day) = (dates.instant(now), dates.day(today));
    ConfirmationChannel::ALL
        .iter()
        .map(|&key| ChannelView {
            key,
            label: key.label(),
            placeholder: match key {
                ConfirmationChannel::EmailReply => format!("e.g. Re: {quotation}, {at}"),
                ConfirmationChannel::SignedCopyWhatsApp => format!("e.g. Photo of the signed copy, {at}"),
                ConfirmationChannel::SignedInStore => format!("e.g. Signed at the counter, {day}"),
            },
        })
        .collect()
}

#[derive(Serialize)]
pub struct QuotationsView {
    assessment: Option<AssessmentView>,
    /// The assessment can be recorded or revised now.
    assessment_editable: bool,
    /// A quotation (or a new revision) can be written now.
    can_quote: bool,
    /// The warranty decisions, covered ones first. None is preselected: the window starts on
    /// "Choose…", and an unchosen one is refused; except for a watch back within the shop's
    /// warranty, whose assessment starts as that redo (`service_warranty`).
    decisions: Vec<Choice>,
    /// A watch back within the shop's own warranty on an earlier ticket: the sentence with its
    /// dates, and the decision the assessment starts on (a redo at no charge).
    service_warranty: Option<ServiceRedoView>,
    /// How a written answer may arrive, each with the example its reference field shows.
    channels: Vec<ChannelView>,
    /// The return-unrepaired notice for the customer, once the return is due.
    return_notice: Option<Message>,
    /// Newest revision first.
    quotations: Vec<QuotationItem>,
    currency: &'static str,
}

fn standing(
    item: &caseback_store::StoredQuotation,
    latest: u32,
    s: Option<Standing>,
    dates: &Dates,
) -> (String, &'static str) {
    let q = &item.quotation;
    if let Some((accepted, ans)) = &item.answer {
        let cosmetic = match (accepted, q.draft.lines.iter().any(|l| l.section == Section::Cosmetic)) {
            (true, true) if ans.cosmetic_accepted => " (cosmetic work accepted too)",
            (true, true) => " (repair only)",
            _ => "",
        };
        let what = if *accepted { "Accepted" } else { "Declined" };
        return (
            format!("{what} by {}: {}{cosmetic}", ans.channel.words(), ans.reference),
            if *accepted { "accepted" } else { "declined" },
        );
    }
    if q.number.revision < latest {
        return ("Superseded by a later revision".into(), "muted");
    }
    match s {
        Some(Standing::Valid { days_left }) => (
            format!("Awaiting answer: {days_left} {} left", if days_left == 1 { "day" } else { "days" }),
            if days_left <= 2 { "urgent" } else { "" },
        ),
        Some(Standing::OnHold { hold_until }) => {
            (format!("Expired: watch held until {}", dates.day(hold_until)), "urgent")
        }
        Some(Standing::ReturnDue { since }) => (format!("Return notice due since {}", dates.day(since)), "urgent"),
        None => (String::new(), ""),
    }
}

#[derive(Serialize)]
pub struct ServiceRedoView {
    text: String,
    decision: WarrantyDecision,
}

/// Whether the ticket's watch came in within the shop's warranty on another ticket's work.
fn service_warranty_redo(
    shop: &Shop,
    ticket: &caseback_domain::ticket::Ticket,
    style: caseback_domain::DateStyle,
) -> Result<Option<ServiceRedoView>> {
    let Some(watch) = shop.ticket_watch(ticket.id)? else { return Ok(None) };
    let check = shop.service_warranty_check_for(watch, ticket)?;
    Ok(check.redo_under().is_some().then(|| ServiceRedoView {
        text: check.describe(style),
        decision: WarrantyDecision::Covered(caseback_domain::assessment::CoveredReason::ServiceWarrantyRedo),
    }))
}

fn quotations_view(shop: &Shop, now: Timestamp, id: TicketId) -> Result<QuotationsView> {
    let s = shop.settings()?;
    let today = s.today(now);
    let ticket = shop.ticket(id)?;
    let customer = shop.customer(ticket.customer)?;
    let stored = shop.quotations(id)?;
    let latest = stored.len() as u32;
    let return_notice = match (ticket.state, stored.last()) {
        (TicketState::ReturnDue, Some(last)) => {
            Some(return_notice_message(&s, &ticket, &customer.details, &last.quotation, last.refused()))
        }
        _ => None,
    };
    let money = |a: Amount| s.currency.format_number(a);
    let assessment = shop.assessment(id)?;
    let covered = assessment.as_ref().is_some_and(|a| a.decision.is_covered());
    let quotations = stored
        .iter()
        .rev()
        .map(|sq| {
            let q = &sq.quotation;
            let open = q.number.revision == latest && sq.answer.is_none();
            let (standing_text, standing_tone) =
                standing(sq, latest, open.then(|| q.standing(&s.policy, today)), &Dates::of(&s));
            QuotationItem {
                number: q.number.to_string(),
                revision: q.number.revision,
                issued_on: q.issued_on.to_string(),
                valid_through: q.valid_through.to_string(),
                valid_through_words: Dates::of(&s).with_weekday(q.valid_through),
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
                        part: l.part,
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
                standing_text,
                standing_tone,
                awaiting_answer: open,
                message: quotation_message(&s, &ticket, &customer.details, q),
            }
        })
        .collect();
    Ok(QuotationsView {
        assessment_editable: ticket.state.can_be_assessed(),
        can_quote: ticket.state.can_be_quoted() && assessment.is_some() && !covered,
        assessment: assessment.map(|a| AssessmentView { decision_label: a.decision.label(), covered, assessment: a }),
        decisions: choices(&WarrantyDecision::ALL, WarrantyDecision::label),
        service_warranty: service_warranty_redo(shop, &ticket, s.date_style)?,
        channels: channel_views(
            stored.last().map(|q| q.quotation.number.to_string()).as_deref(),
            &Dates::of(&s),
            now,
            today,
        ),
        return_notice,
        quotations,
        currency: s.currency.code(),
    })
}

impl Desk {
    /// The editor's live totals for what was typed (nothing is saved).
    pub fn quotation_preview(&mut self, form: &DraftForm) -> Result<Preview> {
        let (shop, _) = self.at()?;
        let s = shop.settings()?;
        let draft = form.parse(s.currency)?;
        let rate = s.tax.rate;
        let has_cosmetic = draft.lines.iter().any(|l| l.section == Section::Cosmetic);
        Ok(Preview {
            line_amounts: draft.lines.iter().map(|l| s.currency.format_number(l.amount())).collect(),
            repair: totals_text(s.currency, totals(&draft.lines, Section::Repair, rate)),
            cosmetic: has_cosmetic.then(|| totals_text(s.currency, totals(&draft.lines, Section::Cosmetic, rate))),
            tax_label: format!("{} {}", s.tax.name, rate),
            currency: s.currency.code(),
        })
    }

    pub fn quotations(&mut self, id: TicketId) -> Result<QuotationsView> {
        let (shop, now) = self.at()?;
        quotations_view(shop, now, id)
    }

    /// Records the assessment as its form was filled in; a decision left unchosen is refused
    /// at its field, with the findings' problems in the same round.
    pub fn record_assessment(&mut self, by: StaffId, id: TicketId, form: &AssessmentForm) -> Result<TicketView> {
        let assessment = form.parse()?;
        let (shop, now) = self.at()?;
        shop.record_assessment(by, id, &assessment, now)?;
        ticket_view(shop, now, id)
    }

    pub fn issue_quotation(&mut self, by: StaffId, id: TicketId, form: &DraftForm) -> Result<QuotationsView> {
        let (shop, now) = self.at()?;
        let draft = form.parse(shop.settings()?.currency)?;
        shop.issue_quotation(by, id, &draft, now)?;
        quotations_view(shop, now, id)
    }

    pub fn answer_quotation(
        &mut self,
        by: StaffId,
        id: TicketId,
        revision: u32,
        accepted: bool,
        answer: &WrittenAnswer,
    ) -> Result<QuotationsView> {
        let (shop, now) = self.at()?;
        shop.answer_quotation(by, id, revision, accepted, answer, now)?;
        quotations_view(shop, now, id)
    }
}
