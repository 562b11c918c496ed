//! The forms after the repair: the Collection Notice, the receipt, the shipping notice, the
//! commercial invoice and the 4 x 6 in shipping label. Each one reads the ticket's papers
//! (their `after_sale` above all) and refuses with `FormError::NotApplicable` when the facts
//! it is about are missing.

pub(crate) mod collection_notice;
mod commercial_invoice;
mod payment_receipt;
pub(crate) mod shipping_label;
mod shipping_notice;
pub(crate) mod table;

pub use collection_notice::collection_notice;
pub use commercial_invoice::commercial_invoice;
pub use payment_receipt::payment_receipt;
pub use shipping_label::shipping_label;
pub use shipping_notice::shipping_notice;

use caseback_domain::after_sale::{Account, AfterSale, Dispatch, Release};
use caseback_domain::money::Amount;
use caseback_domain::Currency;
use jiff::civil::Date;

use crate::draw::{Colour, Item, MM_PER_PT};
use crate::flow::Flow;
use crate::quotation::{CELL, TOTAL};
use table::Grid;

/// How the watch was sent, once it was.
fn dispatch(a: &AfterSale) -> Option<&Dispatch> {
    match &a.release {
        Some((Release::Dispatched(d), _)) => Some(d),
        _ => None,
    }
}

/// "Mon 2026-11-30": short enough for the ticket band's cells.
pub(crate) fn short_date(date: Date) -> String {
    date.strftime("%a %Y-%m-%d").to_string()
}

/// "Monday 30 November 2026".
pub(crate) fn long_date(date: Date) -> String {
    date.strftime("%A %-d %B %Y").to_string()
}

/// What the balance means, and its amount as a positive figure.
fn balance_label(account: &Account) -> (&'static str, Amount) {
    match account.balance.0 {
        b if b > 0 => ("Balance due", account.balance),
        0 => ("Nothing to pay", Amount::ZERO),
        b => ("Credit to refund", Amount(-b)),
    }
}

/// Every charge on the account, then what was paid and refunded, and the balance in bold.
fn account_table(flow: &mut Flow, title: &str, account: &Account, currency: Currency, x: f32, w: f32) {
    let fonts = flow.canvas.fonts;
    let num = |a: Amount| currency.format_number(a);
    let code = currency.code();
    let grid = Grid::new(fonts, x, w, &[("Item", 0.0, false), (&format!("Amount ({code})"), 34.0, true)]);
    let mut rows: Vec<_> = account.charges.iter().map(|c| grid.row(&[c.label.clone(), num(c.amount)])).collect();
    if rows.is_empty() {
        rows.push(grid.row(&["Nothing charged".into(), num(Amount::ZERO)]));
    }
    let mut tail = vec![grid.total(&format!("Total charges ({code})"), &num(account.total_charges), CELL, true)];
    tail.push(grid.total("Paid", &num(Amount(-account.paid.0)), CELL, false));
    if account.refunded.0 != 0 {
        tail.push(grid.total("Refunded", &num(account.refunded), CELL, false));
    }
    let (label, amount) = balance_label(account);
    tail.push(grid.total(&format!("{label} ({code})"), &num(amount), TOTAL, true));
    table::place(flow, title, &grid, &rows, &tail);
}

/// The four sides of a box as filled bars (square corners), for marks that must stand out.
pub(crate) fn frame(x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32, colour: Colour) -> [Item; 4] {
    let t = width_pt * MM_PER_PT;
    let (left, top, w, h) = (x1 - t / 2.0, y1 - t / 2.0, x2 - x1 + t, y2 - y1 + t);
    [(left, top, w, t), (left, top + h - t, w, t), (left, top, t, h), (left + w - t, top, t, h)]
        .map(|(x, y, w, h)| Item::Fill { x, y, w, h, colour })
}
