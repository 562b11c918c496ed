//! The forms after the repair: the Collection Notice, the receipt, the shipping notice, the
//! commercial invoice and the shipping label (4 x 6 in or 100 x 150 mm). Each one reads the
//! ticket's papers (their `after_sale` above all) and refuses with `FormError::NotApplicable`
//! when the facts it is about are missing. The bench readings and the service warranty are
//! printed where the papers carry them, and left out where they do not.

pub(crate) mod collection_notice;
mod commercial_invoice;
mod payment_receipt;
pub(crate) mod readings;
mod service_warranty;
pub(crate) mod shipping_label;
mod shipping_notice;
pub(crate) mod table;

pub use collection_notice::collection_notice;
pub use commercial_invoice::commercial_invoice;
pub use payment_receipt::payment_receipt;
pub use shipping_label::shipping_label;
pub(crate) use shipping_label::shipping_label_on;
pub use shipping_notice::shipping_notice;

use caseback_domain::after_sale::{Account, AfterSale, Charge, Dispatch, Release};
use caseback_domain::money::Amount;
use caseback_domain::papers::TicketPapers;
use caseback_domain::{Currency, DateStyle};

use crate::draw::{Colour, Item, MM_PER_PT};
use crate::fonts::Fonts;
use crate::layout::Row;
use crate::quotation::{CELL, TOTAL};
use crate::receipt::sections;
use table::Grid;

/// How the watch was sent, once it was.
fn dispatch(a: &AfterSale) -> Option<&Dispatch> {
    match &a.release {
        Some((Release::Dispatched(d), _)) => Some(d),
        _ => None,
    }
}

/// A charge's label, with the date the domain wrote into it (the storage fee's first day)
/// in the shop's style.
pub(crate) fn charge_label(charge: &Charge, style: DateStyle) -> String {
    style.restyle(&charge.label)
}

/// What the balance means, and its amount as a positive figure.
fn balance_label(account: &Account) -> (&'static str, Amount) {
    match account.balance.0 {
        b if b > 0 => ("Balance due", account.balance),
        0 => ("Nothing to pay", Amount::ZERO),
        b => ("Credit to refund", Amount(-b)),
    }
}

/// Every charge on the account under `title`, then what was paid (a positive amount
/// received) and refunded (a negative one, as on the receipt), and the balance in bold: the
/// rows of a short table, `w` mm wide, to place whole.
fn account_rows(fonts: &Fonts, title: &str, p: &TicketPapers, x: f32, w: f32) -> Vec<Row> {
    let (a, currency) = (&p.after_sale, p.settings.currency);
    let account = &a.account;
    let num = |a: Amount| currency.format_number(a);
    let code = currency.code();
    let grid = Grid::new(fonts, x, w, &[("Item", 0.0, false), (&format!("Amount ({code})"), 30.0, true)]);
    let label = |c: &Charge| charge_label(c, p.settings.date_style);
    let mut rows = vec![sections::heading(fonts, title, x, w), grid.header()];
    rows.extend(account.charges.iter().map(|c| grid.row(&[label(c), num(c.amount)])));
    if account.charges.is_empty() {
        rows.push(grid.row(&["Nothing charged".into(), num(Amount::ZERO)]));
    }
    rows.push(grid.total(&format!("Total charges ({code})"), &num(account.total_charges), CELL, true));
    rows.extend(received(&grid, account, currency));
    let (label, amount) = balance_label(account);
    rows.push(grid.total(&format!("{label} ({code})"), &num(amount), TOTAL, true));
    rows
}

/// "Paid" as the amount received, and "Refunded" (when anything was) as a negative amount:
/// the balance is the charges less these. The Collection Notice and the receipt show both
/// the same way.
fn received(grid: &Grid, account: &Account, currency: Currency) -> Vec<Row> {
    let num = |a: Amount| currency.format_number(a);
    let mut rows = vec![grid.total("Paid", &num(account.paid), CELL, false)];
    if account.refunded.0 != 0 {
        rows.push(grid.total("Refunded", &num(Amount(-account.refunded.0)), CELL, false));
    }
    rows
}

/// The four sides of a box as filled bars (square corners), for marks that must stand out.
pub(crate) fn frame(x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32, colour: Colour) -> [Item; 4] {
    let t = width_pt * MM_PER_PT;
    let (left, top, w, h) = (x1 - t / 2.0, y1 - t / 2.0, x2 - x1 + t, y2 - y1 + t);
    [(left, top, w, t), (left, top + h - t, w, t), (left, top, t, h), (left + w - t, top, t, h)]
        .map(|(x, y, w, h)| Item::Fill { x, y, w, h, colour })
}
