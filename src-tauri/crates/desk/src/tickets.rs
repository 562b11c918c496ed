//! Intake, ticket lists, the ticket page and customers.

use caseback_domain::attachment::MAX_PHOTOS;
use caseback_domain::branch::BranchFilter;
use caseback_domain::customer::{Customer, CustomerDetails, CustomerId};
use caseback_domain::device::DeviceKind;
use caseback_domain::event::{Action, Subject};
use caseback_domain::intake::{Accessory, ConditionFlag, IntakeDetails, IntakeForm};
use caseback_domain::papers::{FormKind, TicketFacts};
use caseback_domain::quotation::Quotation;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{Ticket, TicketId, TicketState};
use caseback_domain::warranty::{VoidingFinding, WarrantyCheck, WarrantyStatus};
use caseback_domain::{Currency, Due};
use caseback_store::{Shop, TicketRow};
use jiff::civil::Date;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::error::Result;
use crate::history::{self, HistoryRow};
use crate::papers::FormView;
use crate::returns::{return_rows, ReturnRowView};
use crate::Desk;

/// How many rows a list shows before it asks for a narrower search.
pub const LIST_LIMIT: usize = 200;

#[derive(Serialize)]
pub struct IntakeOptions {
    device_kinds: Vec<Choice>,
    /// What each kind asks: its serial's label and the voiding findings that apply to it.
    kind_fields: Vec<KindFields>,
    accessories: Vec<Choice>,
    conditions: Vec<Choice>,
    voiding_findings: Vec<Choice>,
    states: Vec<Choice>,
    today: Date,
    max_photos: usize,
}

#[derive(Serialize)]
pub struct KindFields {
    kind: DeviceKind,
    serial_label: &'static str,
    voiding_findings: Vec<VoidingFinding>,
}

#[derive(Serialize)]
pub struct IntakePreview {
    warranty: WarrantyCheck,
    warranty_text: String,
    covered: bool,
    assessment_due: Date,
}

/// One line of a ticket list, with its deadline in words.
#[derive(Clone, Serialize)]
pub struct RowView {
    #[serde(flatten)]
    pub row: TicketRow,
    pub state_label: &'static str,
    pub due: Option<Due>,
    pub due_text: Option<String>,
    /// The storage fee accrued so far, while a notified watch waits for collection.
    pub storage_fee: Option<String>,
    /// "Waits for SC-301 Sapphire crystal", where a list says what a repair waits for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waits_for: Option<String>,
}

/// The day lists are drawn for, and the money they show.
pub(crate) struct ListDay {
    pub today: Date,
    pub currency: Currency,
}

impl ListDay {
    pub fn of(shop: &Shop, now: jiff::Timestamp) -> Result<ListDay> {
        let s = shop.settings()?;
        Ok(ListDay { today: s.today(now), currency: s.currency })
    }

    pub fn rows(&self, rows: Vec<TicketRow>) -> Vec<RowView> {
        rows.into_iter()
            .map(|row| {
                let due = row.next_deadline.map(|d| Due::of(d, self.today));
                let storage_fee = row
                    .notice
                    .filter(|_| row.state == TicketState::ReadyForCollection)
                    .map(|n| n.storage_fee(self.today))
                    .filter(|fee| fee.0 > 0)
                    .map(|fee| self.currency.format(fee));
                RowView {
                    state_label: row.state.label(),
                    due_text: due.map(Due::describe),
                    due,
                    storage_fee,
                    waits_for: None,
                    row,
                }
            })
            .collect()
    }
}

/// A plain move staff may make from the ticket's header.
#[derive(Serialize)]
pub struct MoveView {
    to: TicketState,
    /// The button's words: "Mark as assessing", "Cancel ticket".
    label: String,
    /// It closes the ticket for good: the button asks for a second click.
    closes: bool,
}

#[derive(Serialize)]
pub struct DeadlineView {
    /// What falls due: "Assessment due", "Answer due by".
    what: &'static str,
    date: Date,
    due: Due,
    text: String,
    /// The repair's promised day (the accepted quotation's working days), not a deadline of
    /// the shop's policy: the header reads "Repair promised by <date>".
    promise: bool,
}

#[derive(Serialize)]
pub struct TicketView {
    ticket: Ticket,
    customer: Customer,
    state_label: &'static str,
    closed: bool,
    /// The repair is under way or done: the after-repair steps lead the page.
    after_repair: bool,
    moves: Vec<MoveView>,
    /// What the ticket waits for when there is no move to make here.
    waiting: &'static str,
    warranty_text: String,
    /// What the watch's serial is called: "Serial", or "Serial or IMEI" for a smartwatch.
    serial_label: &'static str,
    /// `covered`, `not_covered` or `unknown`: how the warranty line is coloured.
    warranty_tone: &'static str,
    deadline: Option<DeadlineView>,
    /// The forms this ticket has now, in the order the work produces them.
    forms: Vec<FormView>,
    history: Vec<HistoryRow>,
    same_watch: Vec<RowView>,
    /// The watch's own record, for the page's link to it.
    watch: Option<caseback_domain::watch::WatchId>,
    /// "Full service, until 10 January 2027": the shop's warranty the completed work carries.
    service_warranty: Option<String>,
}

#[derive(Serialize)]
pub struct CustomerView {
    customer: Customer,
    tickets: Vec<RowView>,
    /// Every return of theirs, refunded and closed ones too, soonest deadline first.
    returns: Vec<ReturnRowView>,
    history: Vec<HistoryRow>,
    /// Their watches (owned now, then owned before), each with its record to open.
    watches: Vec<CustomerWatch>,
}

#[derive(Serialize)]
pub struct CustomerWatch {
    id: caseback_domain::watch::WatchId,
    title: String,
    serial: String,
    owned_now: bool,
}

fn warranty_tone(w: &WarrantyCheck) -> &'static str {
    match (&w.status, w.is_covered()) {
        (_, true) => "covered",
        (WarrantyStatus::Unknown, _) => "unknown",
        _ => "not_covered",
    }
}

impl Desk {
    /// The intake form's choices, labelled in the shop's words.
    pub fn intake_options(&mut self) -> Result<IntakeOptions> {
        let (shop, now) = self.at()?;
        Ok(IntakeOptions {
            device_kinds: choices(&DeviceKind::ALL, DeviceKind::label),
            kind_fields: DeviceKind::ALL
                .into_iter()
                .map(|kind| KindFields {
                    kind,
                    serial_label: kind.serial_label(),
                    voiding_findings: kind.voiding_findings(),
                })
                .collect(),
            accessories: choices(&Accessory::ALL, Accessory::label),
            conditions: choices(&ConditionFlag::ALL, ConditionFlag::label),
            voiding_findings: choices(&VoidingFinding::ALL, VoidingFinding::label),
            states: choices(&TicketState::ALL, TicketState::label),
            today: shop.settings()?.today(now),
            max_photos: MAX_PHOTOS,
        })
    }

    /// The warranty check and assessment due date the form shows before saving.
    pub fn intake_preview(&mut self, details: &IntakeDetails) -> Result<IntakePreview> {
        let (shop, now) = self.at()?;
        let (warranty, assessment_due) = shop.preview_intake(details, now)?;
        Ok(IntakePreview {
            warranty_text: warranty.describe_in(shop.settings()?.date_style),
            covered: warranty.is_covered(),
            warranty,
            assessment_due,
        })
    }

    /// A photo for an intake (or an assessment, a completion, an inspection); returns its hash.
    pub fn add_photo(&mut self, by: StaffId, name: &str, bytes: &[u8]) -> Result<String> {
        let (shop, now) = self.at()?;
        Ok(shop.store_photo(by, name, bytes, now)?.sha256)
    }

    /// A signed scan (PDF or image) of a written answer; returns its hash.
    pub fn add_scan(&mut self, by: StaffId, name: &str, bytes: &[u8]) -> Result<String> {
        let (shop, now) = self.at()?;
        Ok(shop.store_scan(by, name, bytes, now)?.sha256)
    }

    /// A stored photo's bytes, for thumbnails.
    pub fn photo(&self, sha256: &str) -> Result<Vec<u8>> {
        Ok(self.shop.attachment(sha256)?.1)
    }

    /// Checks an intake form as Book in would (every problem at once), saving nothing.
    pub fn check_intake(&mut self, form: &IntakeForm) -> Result<()> {
        let (shop, now) = self.at()?;
        form.validated(shop.settings()?.today(now))?;
        Ok(())
    }

    pub fn book_intake(&mut self, by: StaffId, form: &IntakeForm, photos: &[String]) -> Result<Ticket> {
        let (shop, now) = self.at()?;
        Ok(shop.book_intake(by, form, photos, now)?)
    }

    /// Tickets matching `query` (all when empty), optionally in one state and of one
    /// branch, soonest deadline first; at most `LIST_LIMIT` of them.
    pub fn search_tickets(
        &mut self,
        query: &str,
        state: Option<TicketState>,
        branch: BranchFilter,
    ) -> Result<Vec<RowView>> {
        self.ticket_list(query, state, branch, LIST_LIMIT)
    }

    /// The same, as many as match (the CLI's listing).
    pub fn ticket_list(
        &mut self,
        query: &str,
        state: Option<TicketState>,
        branch: BranchFilter,
        limit: usize,
    ) -> Result<Vec<RowView>> {
        let (shop, now) = self.at()?;
        Ok(ListDay::of(shop, now)?.rows(shop.search_tickets_in(branch, query, state, limit)?))
    }

    /// The ticket a typed or scanned number names.
    pub fn find_ticket(&mut self, number: &str) -> Result<TicketId> {
        let (shop, _) = self.at()?;
        Ok(shop.ticket_by_number(number)?.id)
    }

    pub fn ticket(&mut self, id: TicketId) -> Result<TicketView> {
        let (shop, now) = self.at()?;
        ticket_view(shop, now, id)
    }

    /// A plain move; cancelling an accepted repair needs a manager's `approval` once PINs exist.
    pub fn move_ticket(
        &mut self,
        by: StaffId,
        id: TicketId,
        to: TicketState,
        approval: Option<&caseback_domain::approval::Approval>,
    ) -> Result<TicketView> {
        let (shop, now) = self.at()?;
        if let Some(guarded) = caseback_domain::approval::guards_move(shop.ticket(id)?.state, to) {
            shop.check_approval(guarded, approval)?;
        }
        shop.move_ticket(by, id, to, now)?;
        ticket_view(shop, now, id)
    }

    pub fn find_customers(&mut self, query: &str) -> Result<Vec<Customer>> {
        let (shop, _) = self.at()?;
        Ok(shop.find_customers(query, LIST_LIMIT)?)
    }

    pub fn customer(&mut self, id: CustomerId) -> Result<CustomerView> {
        let (shop, now) = self.at()?;
        customer_view(shop, now, id)
    }

    /// Corrects a customer's name, phone, e-mail or address (each change logged).
    pub fn edit_customer(&mut self, by: StaffId, id: CustomerId, details: &CustomerDetails) -> Result<CustomerView> {
        let (shop, now) = self.at()?;
        shop.edit_customer(by, id, details, now)?;
        customer_view(shop, now, id)
    }
}

/// How many of the returns found by a customer's name are looked through for theirs.
const CUSTOMER_RETURNS_SCAN: usize = 2_000;

/// A customer's returns. The store has no query for them yet (its table module has
/// `return_cases::for_customer`, not exposed), so they are found by the customer's name,
/// which every return's search text holds, and kept only when they are this customer's.
fn customer_returns(shop: &Shop, customer: &Customer, today: Date) -> Result<Vec<ReturnRowView>> {
    let found = shop.search_returns(&customer.details.name, None, CUSTOMER_RETURNS_SCAN)?;
    Ok(return_rows(found.into_iter().filter(|r| r.customer_id == Some(customer.id)).collect(), today))
}

/// The day the accepted quotation promised the repair by, while it is still to be done:
/// counted from the day the customer's written acceptance was recorded (the day its event
/// was logged: the store keeps the answer's date, but does not hand it out yet).
fn repair_promise(shop: &Shop, ticket: &Ticket, accepted: Option<&Quotation>) -> Result<Option<Date>> {
    let Some(q) = accepted else { return Ok(None) };
    let s = shop.settings()?;
    let number = q.number.to_string();
    let confirmed = shop
        .history(Subject::Ticket, &ticket.number.to_string())?
        .into_iter()
        .rev()
        .find(|e| {
            e.action == Action::QuotationAccepted
                && e.detail.get("number").and_then(serde_json::Value::as_str) == Some(number.as_str())
        })
        .map(|e| s.today(e.at));
    Ok(confirmed.and_then(|on| q.repair_promised_by(ticket.state, on, &s.policy.calendar)))
}

fn customer_view(shop: &Shop, now: jiff::Timestamp, id: CustomerId) -> Result<CustomerView> {
    let day = ListDay::of(shop, now)?;
    let tickets = day.rows(shop.customer_tickets(id)?);
    let customer = shop.customer(id)?;
    Ok(CustomerView {
        returns: customer_returns(shop, &customer, day.today)?,
        customer,
        tickets,
        history: history::rows(shop, Subject::Customer, &id.0.to_string())?,
        watches: shop
            .customer_watches(id)?
            .into_iter()
            .map(|(w, owned_now)| CustomerWatch {
                id: w.id,
                title: format!("{} {}", w.details.brand, w.details.model).trim().to_string(),
                serial: w.details.serial,
                owned_now,
            })
            .collect(),
    })
}

pub(crate) fn ticket_view(shop: &Shop, now: jiff::Timestamp, id: TicketId) -> Result<TicketView> {
    let ticket = shop.ticket(id)?;
    let day = ListDay::of(shop, now)?;
    let after_sale = shop.after_sale(id, now)?;
    let deadline = match shop.ticket_deadline(id)? {
        Some(date) => {
            let due = Due::of(date, day.today);
            Some(DeadlineView { what: ticket.state.deadline_words(), date, due, text: due.describe(), promise: false })
        }
        None => repair_promise(shop, &ticket, after_sale.accepted.as_ref().map(|(q, _)| q))?.map(|date| {
            let due = Due::of(date, day.today);
            DeadlineView { what: "Repair promised by", date, due, text: due.describe(), promise: true }
        }),
    };
    let style = shop.settings()?.date_style;
    let same_watch = shop.serial_tickets(&ticket.details.device.serial)?.into_iter().filter(|r| r.id != id).collect();
    let quotation = shop.quotations(id)?.pop().map(|q| q.quotation);
    let assessment = shop.assessment(id)?;
    let facts = TicketFacts {
        ticket: &ticket,
        quotation: quotation.as_ref(),
        assessment: assessment.as_ref(),
        after_sale: &after_sale,
    };
    let number = ticket.number.to_string();
    let forms =
        FormKind::ALL.iter().filter(|k| k.applies(&facts).is_ok()).map(|k| FormView::ticket(*k, &number)).collect();
    let moves = ticket
        .state
        .plain_next_states()
        .into_iter()
        .map(|to| MoveView {
            to,
            label: if to == TicketState::Cancelled {
                "Cancel ticket".into()
            } else {
                format!("Mark as {}", to.label().to_lowercase())
            },
            closes: to.is_closed(),
        })
        .collect();
    Ok(TicketView {
        customer: shop.customer(ticket.customer)?,
        state_label: ticket.state.label(),
        closed: ticket.state.is_closed(),
        after_repair: ticket.state.is_after_repair(),
        moves,
        waiting: ticket.state.waiting_for(),
        warranty_text: ticket.warranty.describe_in(style),
        serial_label: ticket.details.device.serial_label(),
        warranty_tone: warranty_tone(&ticket.warranty),
        deadline,
        forms,
        history: history::rows(shop, Subject::Ticket, &ticket.number.to_string())?,
        same_watch: day.rows(same_watch),
        watch: shop.ticket_watch(id)?,
        service_warranty: shop.service_warranty(id)?.map(|w| w.describe(style)),
        ticket,
    })
}
