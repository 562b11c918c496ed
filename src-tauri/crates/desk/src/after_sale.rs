//! After the repair: completion, the Collection Notice, payments, shipping and release.

use caseback_domain::after_sale::account::repair_charges;
use caseback_domain::after_sale::message::{collection_message, shipping_message};
use caseback_domain::after_sale::payment::{check_accepted, check_voidable};
use caseback_domain::after_sale::shipping::check_can_choose;
use caseback_domain::after_sale::{
    AfterSale, ChargeKind, Collection, Completion, Courier, Dispatch, EntryKind, InstalmentPlan, OldPart, PaymentForm,
    PaymentMethod, Release, Shipping, ShippingCosts, ShippingForm, VoidForm,
};
use caseback_domain::calendar::DateStyle;
use caseback_domain::quotation::message::Message;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::{Amount, Currency};
use caseback_store::Shop;
use jiff::civil::Date;
use jiff::Timestamp;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::error::{Error, Result};
use crate::Desk;

#[derive(Serialize)]
pub struct ChargeView {
    kind: ChargeKind,
    label: String,
    amount: String,
}

#[derive(Serialize)]
pub struct AccountView {
    charges: Vec<ChargeView>,
    total: String,
    paid: String,
    refunded: String,
    /// Owed (above zero) or credit (below), as a number; `balance_text` says which.
    balance: String,
    /// "HKD 730.00 due", "Settled" or "Credit HKD 50.00 to refund".
    balance_text: String,
    /// `due`, `settled` or `credit`: how the balance is coloured.
    balance_tone: &'static str,
    /// The storage fee so far, while one accrues.
    storage_fee: Option<String>,
    storage_days: i64,
    settled: bool,
    /// Why the watch cannot leave yet, if it cannot.
    release_block: Option<Error>,
}

#[derive(Serialize)]
pub struct PaymentView {
    id: i64,
    kind: EntryKind,
    is_refund: bool,
    amount: String,
    method: PaymentMethod,
    method_label: &'static str,
    /// "Instalments, 12 × via Garanti BBVA"; the label for any other method.
    method_text: String,
    plan: Option<InstalmentPlan>,
    /// "12 × via Garanti BBVA", under the method.
    plan_text: Option<String>,
    reference: String,
    paid_on: Date,
    staff_name: String,
    /// "Voided: Mistyped, 11,905.00 for 1,190.50": struck through, counted nowhere.
    voided: Option<String>,
    voided_on: Option<Date>,
    voided_by: Option<String>,
    /// It may be voided now (not voided yet, and the watch has not left).
    can_void: bool,
}

/// A way the shop takes money, as the payment form offers it.
#[derive(Serialize)]
pub struct MethodChoice {
    key: PaymentMethod,
    label: &'static str,
    /// The number of instalments and the bank are asked.
    asks_plan: bool,
    /// A slip, transaction or transfer id is asked.
    asks_reference: bool,
}

#[derive(Serialize)]
pub struct NoticeView {
    issued_on: Date,
    last_free_day: Date,
    fees_from: Date,
    fee_per_day: String,
    charges_storage: bool,
    media_request_by: Option<Date>,
    message: Option<Message>,
}

#[derive(Serialize)]
pub struct ShippingView {
    #[serde(flatten)]
    choice: Shipping,
    courier_label: String,
    declared_value_text: String,
    fee_text: String,
    costs: CostsView,
}

#[derive(Serialize)]
pub struct CostsView {
    fee_charged: String,
    shop_pays: bool,
    insurance: String,
    order_total: String,
    signature_required: bool,
}

#[derive(Serialize)]
pub struct CourierChoice {
    key: Courier,
    label: &'static str,
    min_days: u32,
    max_days: u32,
}

/// How the watch left, in words for its card.
#[derive(Serialize)]
pub struct ReleaseView {
    /// "Collected" or "Shipped".
    title: &'static str,
    /// "Collected by Wong Ka Ming on 2026-11-30 (payment confirmation shown)".
    summary: String,
    /// Shipped: "2–5 business days from dispatch."
    window: Option<String>,
    released_on: Date,
}

/// What the payment form may record, with the amount it starts at.
#[derive(Serialize)]
pub struct PaymentKindView {
    key: EntryKind,
    label: &'static str,
    refund: bool,
    /// The amount that settles the account this way (the balance due, the credit), or empty.
    suggested: String,
    /// The form starts on this kind.
    preferred: bool,
    /// The shop's methods this kind may be recorded by (a refund is not paid in instalments).
    methods: Vec<MethodChoice>,
}

/// Which after-repair steps the ticket page offers now.
#[derive(Serialize)]
pub struct Steps {
    /// The repair can be recorded as done.
    complete: bool,
    /// The Collection Notice card shows (issued, or ready to issue).
    notice: bool,
    /// It can be issued now.
    issue_notice: bool,
    /// The account card shows: something is or will be charged, or was paid.
    account: bool,
    /// Return shipping can be arranged ahead (approved or in repair, for a mail-in watch).
    arrange_shipping: bool,
    /// The watch can be handed over or shipped.
    release: bool,
}

#[derive(Serialize)]
pub struct AfterSaleView {
    currency: &'static str,
    today: Date,
    covered: bool,
    steps: Steps,
    completion: Option<Completion>,
    notice: Option<NoticeView>,
    account: AccountView,
    payments: Vec<PaymentView>,
    /// What the payment form may record: a payment on an open ticket, a refund of a credit.
    payment_kinds: Vec<PaymentKindView>,
    /// The hand-over asks to see the customer's payment confirmation (not for cash just
    /// taken at the counter, nor with nothing charged).
    confirmation_asked: bool,
    shipping: Option<ShippingView>,
    release: Option<ReleaseView>,
    shipping_message: Option<Message>,
    /// For the forms: the customer's address, the old part's default, the choices.
    customer_address: String,
    default_old_part: OldPart,
    old_parts: Vec<Choice>,
    /// The kinds of work the completion may name, each with the shop's warranty on it.
    work_kinds: Vec<Choice>,
    couriers: Vec<CourierChoice>,
    signature_threshold: String,
    insurance_rate: String,
}

fn costs_view(c: Currency, costs: ShippingCosts) -> CostsView {
    CostsView {
        fee_charged: c.format_number(costs.fee_charged),
        shop_pays: costs.shop_pays,
        insurance: c.format_number(costs.insurance),
        order_total: c.format_number(costs.order_total),
        signature_required: costs.signature_required,
    }
}

fn account_view(c: Currency, dates: DateStyle, sale: &AfterSale) -> AccountView {
    let a = &sale.account;
    let money = |x: Amount| c.format_number(x);
    let (balance_text, balance_tone) = match a.balance.0 {
        b if b > 0 => (format!("{} due", c.format(a.balance)), "due"),
        b if b < 0 => (format!("Credit {} to refund", c.format(Amount(-b))), "credit"),
        _ => ("Settled".to_string(), "settled"),
    };
    let storage = a.charges.iter().find(|ch| ch.kind == ChargeKind::Storage).map(|ch| c.format(ch.amount));
    AccountView {
        charges: a
            .charges
            .iter()
            .map(|ch| ChargeView { kind: ch.kind, label: dates.restyle(&ch.label), amount: money(ch.amount) })
            .collect(),
        total: money(a.total_charges),
        paid: money(a.paid),
        refunded: money(a.refunded),
        balance: money(a.balance),
        balance_text,
        balance_tone,
        storage_fee: storage,
        storage_days: a.storage_days,
        settled: a.is_settled(),
        release_block: a.check_release(c).err().map(Error::from),
    }
}

pub(crate) fn after_sale_view(shop: &Shop, now: Timestamp, id: TicketId) -> Result<AfterSaleView> {
    let s = shop.settings()?;
    let today = s.today(now);
    let ticket = shop.ticket(id)?;
    let customer = shop.customer(ticket.customer)?;
    let sale = shop.after_sale(id, now)?;
    let staff = shop.staff()?;
    let c = s.currency;
    let money = |a: Amount| c.format_number(a);
    let a = &sale.account;
    let notice = sale.notice.as_ref().map(|n| NoticeView {
        issued_on: n.issued_on,
        last_free_day: n.last_free_day,
        fees_from: n.fees_from,
        fee_per_day: c.format(n.fee_per_day),
        charges_storage: n.charges_storage(),
        media_request_by: n.media_request_by,
        message: sale
            .completion
            .as_ref()
            .map(|(done, _)| collection_message(&s, &ticket, &customer.details, done, n, a, sale.shipping.as_ref())),
    });
    let name = |id| staff.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_default();
    let ledger = shop.ledger(id)?;
    let payments = ledger
        .iter()
        .map(|e| {
            let p = &e.payment;
            PaymentView {
                id: p.id,
                kind: p.entry.kind,
                is_refund: p.entry.kind == EntryKind::Refund,
                amount: money(p.entry.amount),
                method: p.entry.method,
                method_label: p.entry.method.label(),
                method_text: e.method_text(),
                plan: e.plan.clone(),
                plan_text: e.plan.as_ref().map(InstalmentPlan::describe),
                reference: p.entry.reference.clone(),
                paid_on: p.paid_on,
                staff_name: name(p.staff),
                voided: e.void_text(),
                voided_on: e.void.as_ref().map(|v| v.voided_on),
                voided_by: e.void.as_ref().map(|v| name(v.staff)),
                can_void: check_voidable(ticket.state, e).is_ok(),
            }
        })
        .collect();
    let shipping = sale.shipping.as_ref().map(|sh| ShippingView {
        courier_label: sh.courier_label().to_string(),
        declared_value_text: money(sh.declared_value),
        fee_text: money(sh.fee),
        costs: costs_view(c, sh.costs(&s.policy, repair_charges(sale.facts().accepted), sale.covered)),
        choice: sh.clone(),
    });
    let (release, shipping_message) = match (&sale.release, &sale.shipping) {
        (Some((Release::Collected(col), on)), _) => {
            let shown = if col.confirmation_shown { " (payment confirmation shown)" } else { "" };
            let summary = format!("Collected by {} on {}{shown}", col.collected_by, s.date_style.format(*on));
            (Some(ReleaseView { title: "Collected", summary, window: None, released_on: *on }), None)
        }
        (Some((Release::Dispatched(d), on)), ship) => {
            let (from, to) = d.window.dates(d.dispatched_on, &s.policy.calendar);
            let courier = ship.as_ref().map_or("the courier".to_string(), |sh| sh.courier_label().to_string());
            let summary = format!(
                "Dispatched {} with {courier}, tracking {}; expected between {} and {}",
                s.date_style.format(d.dispatched_on),
                d.tracking,
                s.date_style.format(from),
                s.date_style.format(to)
            );
            let window = Some(format!("{}–{} business days from dispatch.", d.window.min_days, d.window.max_days));
            (
                Some(ReleaseView { title: "Shipped", summary, window, released_on: *on }),
                ship.as_ref().map(|sh| shipping_message(&s, &ticket, &customer.details, sh, d)),
            )
        }
        (None, _) => (None, None),
    };
    let accepted = sale.accepted.as_ref().map(|(q, _)| q);
    let methods = |kind: EntryKind| -> Vec<MethodChoice> {
        s.payment_methods
            .iter()
            .filter(|m| kind == EntryKind::Payment || m.refunds())
            .map(|&m| MethodChoice {
                key: m,
                label: m.label(),
                asks_plan: kind == EntryKind::Payment && m.needs_plan(),
                asks_reference: m.needs_reference(),
            })
            .collect()
    };
    // A closed ticket takes no more payments, but a credit on it can still be refunded.
    let credit = a.balance.0 < 0;
    let mut kinds = Vec::new();
    if check_accepted(ticket.state, EntryKind::Payment).is_ok() {
        let suggested = if a.balance.0 > 0 { money(a.balance) } else { String::new() };
        kinds.push(PaymentKindView {
            key: EntryKind::Payment,
            label: EntryKind::Payment.label(),
            refund: false,
            suggested,
            preferred: !credit,
            methods: methods(EntryKind::Payment),
        });
    }
    if credit {
        let suggested = money(Amount(-a.balance.0));
        kinds.push(PaymentKindView {
            key: EntryKind::Refund,
            label: EntryKind::Refund.label(),
            refund: true,
            suggested,
            preferred: true,
            methods: methods(EntryKind::Refund),
        });
    }
    let ready = ticket.state == TicketState::ReadyForCollection;
    let steps = Steps {
        complete: ticket.state == TicketState::InRepair,
        notice: sale.notice.is_some() || ready,
        issue_notice: sale.notice.is_none() && ready,
        account: accepted.is_some() || sale.covered || !ledger.is_empty(),
        arrange_shipping: check_can_choose(ticket.state).is_ok() && !ready,
        release: ready,
    };
    Ok(AfterSaleView {
        currency: c.code(),
        today,
        covered: sale.covered,
        steps,
        default_old_part: OldPart::default_for(&s.policy, accepted),
        account: account_view(c, s.date_style, &sale),
        completion: sale.completion.map(|(done, _)| done),
        notice,
        payments,
        payment_kinds: kinds,
        confirmation_asked: Collection::asks_confirmation(a, &sale.payments),
        shipping,
        release,
        shipping_message,
        customer_address: customer.details.address.clone(),
        old_parts: choices(&OldPart::ALL, OldPart::label),
        work_kinds: crate::watches::work_kind_choices(&s.service_warranty),
        couriers: Courier::ALL
            .iter()
            .map(|&k| {
                let (min_days, max_days) = k.usual_window();
                CourierChoice { key: k, label: k.label(), min_days, max_days }
            })
            .collect(),
        signature_threshold: c.format(s.policy.signature_threshold),
        insurance_rate: s.policy.shipping_insurance_rate.to_string(),
    })
}

/// A void refused for want of a reason, its example in the shop's number style and from the
/// entry itself: "Mistyped: 11.905,00 for 1.190,50" (the domain's own example is written the
/// Hong Kong way). Any other refusal is answered as it is.
fn void_refusal(shop: &Shop, id: TicketId, form: &VoidForm, e: Error) -> Result<Error> {
    if !form.reason.trim().is_empty() || !e.fields.iter().any(|f| f.field == "reason") {
        return Ok(e);
    }
    let Some(entry) = shop.ledger(id)?.into_iter().find(|l| l.payment.id == form.payment) else { return Ok(e) };
    let c = shop.settings()?.currency;
    let amount = entry.payment.entry.amount;
    let example =
        format!("Mistyped: {} for {}", c.format_number(Amount(amount.0.saturating_mul(10))), c.format_number(amount));
    let message = format!("Say why the entry is voided (e.g. \"{example}\").");
    Ok(Error { message: message.clone(), fields: vec![caseback_domain::FieldError::new("reason", message)], ..e })
}

impl Desk {
    /// The ticket's after-sale side: completion, notice, account, payments, shipping, release.
    pub fn after_sale(&mut self, id: TicketId) -> Result<AfterSaleView> {
        let (shop, now) = self.at()?;
        after_sale_view(shop, now, id)
    }

    /// Runs one change on the ticket and answers with its after-sale side.
    fn after_sale_change(
        &mut self,
        id: TicketId,
        f: impl FnOnce(&mut Shop, Timestamp) -> Result<()>,
    ) -> Result<AfterSaleView> {
        let (shop, now) = self.at()?;
        f(shop, now)?;
        after_sale_view(shop, now, id)
    }

    pub fn complete_repair(&mut self, by: StaffId, id: TicketId, c: &Completion) -> Result<AfterSaleView> {
        self.after_sale_change(id, |shop, now| Ok(shop.complete_repair(by, id, c, now).map(drop)?))
    }

    pub fn issue_collection_notice(&mut self, by: StaffId, id: TicketId) -> Result<AfterSaleView> {
        self.after_sale_change(id, |shop, now| Ok(shop.issue_collection_notice(by, id, now).map(drop)?))
    }

    pub fn record_payment(&mut self, by: StaffId, id: TicketId, form: &PaymentForm) -> Result<AfterSaleView> {
        self.after_sale_change(id, |shop, now| {
            let s = shop.settings()?;
            let entry = form.parse(s.currency, s.policy.max_instalments)?;
            Ok(shop.record_payment(by, id, &entry, now).map(drop)?)
        })
    }

    /// Voids an entry recorded by mistake, with its reason; it stays on the page, struck through.
    pub fn void_payment(&mut self, by: StaffId, id: TicketId, form: &VoidForm) -> Result<AfterSaleView> {
        self.after_sale_change(id, |shop, now| match shop.void_payment(by, id, form, now) {
            Ok(_) => Ok(()),
            Err(e) => Err(void_refusal(shop, id, form, e.into())?),
        })
    }

    /// The costs a shipping choice would have, as the form is filled in (nothing is saved).
    pub fn shipping_preview(&mut self, id: TicketId, form: &ShippingForm) -> Result<CostsView> {
        let (shop, now) = self.at()?;
        let s = shop.settings()?;
        let choice = form.parse(s.currency)?;
        let sale = shop.after_sale(id, now)?;
        Ok(costs_view(s.currency, choice.costs(&s.policy, repair_charges(sale.facts().accepted), sale.covered)))
    }

    pub fn choose_shipping(&mut self, by: StaffId, id: TicketId, form: &ShippingForm) -> Result<AfterSaleView> {
        self.after_sale_change(id, |shop, now| {
            let choice = form.parse(shop.settings()?.currency)?;
            Ok(shop.choose_shipping(by, id, &choice, now).map(drop)?)
        })
    }

    pub fn collect(&mut self, by: StaffId, id: TicketId, collection: &Collection) -> Result<AfterSaleView> {
        let release = Release::Collected(collection.clone());
        self.after_sale_change(id, |shop, now| Ok(shop.release(by, id, &release, now).map(drop)?))
    }

    pub fn dispatch(&mut self, by: StaffId, id: TicketId, dispatch: &Dispatch) -> Result<AfterSaleView> {
        let release = Release::Dispatched(dispatch.clone());
        self.after_sale_change(id, |shop, now| Ok(shop.release(by, id, &release, now).map(drop)?))
    }
}
