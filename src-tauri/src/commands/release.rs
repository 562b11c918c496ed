//! After the repair: completion, the Collection Notice, payments, shipping and release.

use caseback_domain::intake::TicketId;
use caseback_domain::quotation::message::Message;
use caseback_domain::release::account::repair_charges;
use caseback_domain::release::message::{collection_message, shipping_message};
use caseback_domain::release::{
    ChargeKind, Collection, Completion, Courier, Dispatch, EntryKind, OldPart, PaymentForm, PaymentMethod, Release,
    ShippingForm,
};
use caseback_domain::staff::StaffId;
use caseback_domain::{Amount, Currency};
use caseback_store::{AfterSale, Shop};
use jiff::civil::Date;
use serde::Serialize;
use tauri::State;

use crate::arg::Arg;
use crate::commands::tickets::{choices, Choice};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

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
    /// Owed (above zero) or credit (below), as text; `balance_minor` for branching.
    balance: String,
    balance_minor: i64,
    storage_days: i64,
    settled: bool,
    /// Why the watch cannot leave yet, if it cannot.
    release_block: Option<IpcError>,
}

#[derive(Serialize)]
pub struct PaymentView {
    id: i64,
    kind: EntryKind,
    amount: String,
    method: PaymentMethod,
    method_label: &'static str,
    reference: String,
    paid_on: Date,
    staff_name: String,
}

#[derive(Serialize)]
pub struct NoticeView {
    issued_on: Date,
    last_free_day: Date,
    fees_from: Date,
    fee_per_day: String,
    charges_storage: bool,
    media_request_by: Date,
    message: Option<Message>,
}

#[derive(Serialize)]
pub struct ShippingView {
    #[serde(flatten)]
    choice: caseback_domain::release::Shipping,
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

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReleaseView {
    Collected {
        collected_by: String,
        confirmation_shown: bool,
        released_on: Date,
    },
    Dispatched {
        tracking: String,
        dispatched_on: Date,
        min_days: u32,
        max_days: u32,
        delivery_from: Date,
        delivery_to: Date,
    },
}

#[derive(Serialize)]
pub struct AfterSaleView {
    currency: &'static str,
    today: Date,
    covered: bool,
    has_accepted_quotation: bool,
    completion: Option<Completion>,
    notice: Option<NoticeView>,
    account: AccountView,
    payments: Vec<PaymentView>,
    shipping: Option<ShippingView>,
    release: Option<ReleaseView>,
    shipping_message: Option<Message>,
    /// For the forms: the customer's address, the old part's default, the choices.
    customer_address: String,
    default_old_part: OldPart,
    old_parts: Vec<Choice>,
    methods: Vec<Choice>,
    couriers: Vec<CourierChoice>,
    signature_threshold: String,
    insurance_rate: String,
}

fn costs_view(c: Currency, costs: caseback_domain::release::ShippingCosts) -> CostsView {
    CostsView {
        fee_charged: c.format_number(costs.fee_charged),
        shop_pays: costs.shop_pays,
        insurance: c.format_number(costs.insurance),
        order_total: c.format_number(costs.order_total),
        signature_required: costs.signature_required,
    }
}

fn view(shop: &Shop, state: &AppState, id: TicketId) -> IpcResult<AfterSaleView> {
    let s = shop.settings()?;
    let now = state.clock.now();
    let today = s.today(now);
    let ticket = shop.ticket(id)?;
    let customer = shop.customer(ticket.customer)?;
    let sale: AfterSale = shop.after_sale(id, now)?;
    let staff = shop.staff()?;
    let c = s.currency;
    let money = |a: Amount| c.format_number(a);
    let a = &sale.account;
    let account = AccountView {
        charges: a
            .charges
            .iter()
            .map(|ch| ChargeView { kind: ch.kind, label: ch.label.clone(), amount: money(ch.amount) })
            .collect(),
        total: money(a.total_charges),
        paid: money(a.paid),
        refunded: money(a.refunded),
        balance: money(a.balance),
        balance_minor: a.balance.0,
        storage_days: a.storage_days,
        settled: a.is_settled(),
        release_block: a.check_release(c).err().map(IpcError::from),
    };
    let notice = sale.notice.map(|n| NoticeView {
        issued_on: n.issued_on,
        last_free_day: n.last_free_day,
        fees_from: n.fees_from,
        fee_per_day: c.format(n.fee_per_day),
        charges_storage: n.charges_storage(),
        media_request_by: n.media_request_by,
        message: sale
            .completion
            .as_ref()
            .map(|(done, _)| collection_message(&s, &ticket, &customer.details, done, &n, a)),
    });
    let payments = sale
        .payments
        .iter()
        .map(|p| PaymentView {
            id: p.id,
            kind: p.entry.kind,
            amount: money(p.entry.amount),
            method: p.entry.method,
            method_label: p.entry.method.label(),
            reference: p.entry.reference.clone(),
            paid_on: p.paid_on,
            staff_name: staff.iter().find(|m| m.id == p.staff).map(|m| m.name.clone()).unwrap_or_default(),
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
        (Some((Release::Collected(col), on)), _) => (
            Some(ReleaseView::Collected {
                collected_by: col.collected_by.clone(),
                confirmation_shown: col.confirmation_shown,
                released_on: *on,
            }),
            None,
        ),
        (Some((Release::Dispatched(d), _)), ship) => {
            let (from, to) = d.window.dates(d.dispatched_on, &s.policy.calendar);
            (
                Some(ReleaseView::Dispatched {
                    tracking: d.tracking.clone(),
                    dispatched_on: d.dispatched_on,
                    min_days: d.window.min_days,
                    max_days: d.window.max_days,
                    delivery_from: from,
                    delivery_to: to,
                }),
                ship.as_ref().map(|sh| shipping_message(&s, &ticket, &customer.details, sh, d)),
            )
        }
        (None, _) => (None, None),
    };
    let accepted = sale.accepted.as_ref().map(|(q, _)| q);
    Ok(AfterSaleView {
        currency: c.code(),
        today,
        covered: sale.covered,
        has_accepted_quotation: accepted.is_some(),
        default_old_part: OldPart::default_for(&s.policy, accepted),
        completion: sale.completion.map(|(done, _)| done),
        notice,
        account,
        payments,
        shipping,
        release,
        shipping_message,
        customer_address: customer.details.address.clone(),
        old_parts: choices(&OldPart::ALL, OldPart::label),
        methods: choices(&PaymentMethod::ALL, PaymentMethod::label),
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

/// Runs one change on the ticket and answers with its after-sale side as the page shows it.
fn change(
    state: &AppState,
    id: TicketId,
    f: impl FnOnce(&mut Shop, jiff::Timestamp) -> caseback_store::Result<()>,
) -> IpcResult<AfterSaleView> {
    let now = state.clock.now();
    state.with_shop(|shop| {
        f(shop, now)?;
        view(shop, state, id)
    })
}

/// The ticket's after-sale side: completion, notice, account, payments, shipping, release.
#[tauri::command]
pub fn aftersale_get(state: State<AppState>, id: Arg<TicketId>) -> IpcResult<AfterSaleView> {
    let id = id.0;
    state.with_shop(|shop| view(shop, &state, id))
}

#[tauri::command]
pub fn repair_complete(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    completion: Arg<Completion>,
) -> IpcResult<AfterSaleView> {
    let by = by.0;
    let id = id.0;
    let completion = completion.0;
    change(&state, id, |shop, now| {
        shop.complete_repair(by, id, &completion, now)?;
        Ok(())
    })
}

#[tauri::command]
pub fn collection_notice_issue(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
) -> IpcResult<AfterSaleView> {
    let by = by.0;
    let id = id.0;
    change(&state, id, |shop, now| {
        shop.issue_collection_notice(by, id, now)?;
        Ok(())
    })
}

#[tauri::command]
pub fn payment_record(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<PaymentForm>,
) -> IpcResult<AfterSaleView> {
    let by = by.0;
    let id = id.0;
    let form = form.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        let entry = form.parse(shop.settings()?.currency)?;
        shop.record_payment(by, id, &entry, now)?;
        view(shop, &state, id)
    })
}

/// The costs a shipping choice would have, as the form is filled in (nothing is saved).
#[tauri::command]
pub fn shipping_preview(state: State<AppState>, id: Arg<TicketId>, form: Arg<ShippingForm>) -> IpcResult<CostsView> {
    let id = id.0;
    let form = form.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        let s = shop.settings()?;
        let choice = form.parse(s.currency)?;
        let sale = shop.after_sale(id, now)?;
        Ok(costs_view(s.currency, choice.costs(&s.policy, repair_charges(sale.facts().accepted), sale.covered)))
    })
}

#[tauri::command]
pub fn shipping_choose(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    form: Arg<ShippingForm>,
) -> IpcResult<AfterSaleView> {
    let by = by.0;
    let id = id.0;
    let form = form.0;
    let now = state.clock.now();
    state.with_shop(|shop| {
        let choice = form.parse(shop.settings()?.currency)?;
        shop.choose_shipping(by, id, &choice, now)?;
        view(shop, &state, id)
    })
}

#[tauri::command]
pub fn ticket_collect(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    collection: Arg<Collection>,
) -> IpcResult<AfterSaleView> {
    let by = by.0;
    let id = id.0;
    let collection = collection.0;
    change(&state, id, |shop, now| {
        shop.release(by, id, &Release::Collected(collection), now)?;
        Ok(())
    })
}

#[tauri::command]
pub fn ticket_dispatch(
    state: State<AppState>,
    by: Arg<StaffId>,
    id: Arg<TicketId>,
    dispatch: Arg<Dispatch>,
) -> IpcResult<AfterSaleView> {
    let by = by.0;
    let id = id.0;
    let dispatch = dispatch.0;
    change(&state, id, |shop, now| {
        shop.release(by, id, &Release::Dispatched(dispatch), now)?;
        Ok(())
    })
}
