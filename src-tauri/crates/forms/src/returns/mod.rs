//! The forms of a return case (not a repair ticket): the Return Authorization Form the
//! customer fills in, signs and encloses; the RMA instructions; the return label, on a
//! 4 x 6 in or 100 x 150 mm label or on the top half of an A4 sheet; and the inspection report. Each reads
//! the case's papers and refuses with `FormError::NotApplicable` when the case lacks the
//! facts it is about.

mod authorization;
mod inspection;
mod instructions;
mod label;

pub use authorization::return_authorization;
pub use inspection::inspection_report;
pub use instructions::rma_instructions;
pub(crate) use label::return_label_on;
pub use label::{return_label, return_label_a4};

use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::ReturnPapers;
use caseback_domain::returns::{ReturnRequest, RmaIssue};
use caseback_domain::Currency;

use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::Fonts;
use crate::notices::Form;

const NO_REQUEST: &str = "This package has no return request on file.";
const NO_RMA: &str = "No RMA code has been issued for this return.";

fn request(p: &ReturnPapers) -> Result<&ReturnRequest, FormError> {
    p.case.request.as_ref().ok_or(FormError::NotApplicable(NO_REQUEST))
}

fn rma(p: &ReturnPapers) -> Result<&RmaIssue, FormError> {
    p.case.rma.as_ref().ok_or(FormError::NotApplicable(NO_RMA))
}

/// The currency amounts are shown in: the order's, else the shop's; written the shop's way
/// (a record's currency does not carry the shop's number style).
fn currency(p: &ReturnPapers) -> Currency {
    p.case.request.as_ref().map_or(p.settings.currency, |r| r.currency).with_style(p.settings.number_style)
}

/// The customer's details, or blanks when nobody is known.
fn customer(p: &ReturnPapers) -> CustomerDetails {
    p.customer.clone().unwrap_or_default()
}

/// The shop's letterhead, then the case's RMA code (or "Return 12") large with its QR code
/// and `cells` under it.
fn start<'f>(fonts: &'f Fonts, p: &ReturnPapers, title: &str, cells: &[(&str, String)]) -> Result<Form<'f>, FormError> {
    let label = if p.case.rma.is_some() { "RMA code" } else { "Return" };
    Form::begin(fonts, &p.settings, (label, &p.case.title()), title, p.logo.as_ref(), cells)
}

/// How far a box beside a line of text sits above the line box's middle, mm: the middle
/// of lower-case letters is above it.
const BOX_LIFT: f32 = 0.35;

/// An empty square `size` mm wide with its top-left corner at (`x`, `y`), ticked when
/// `ticked` (a check mark drawn in strokes: no font needed, and not colour alone).
fn checkbox(x: f32, y: f32, size: f32, ticked: bool) -> Vec<Item> {
    let mut items = crate::after_sale::frame(x, y, x + size, y + size, 0.9, Colour::INK).to_vec();
    if ticked {
        let tick = [(0.2, 0.52), (0.42, 0.76), (0.82, 0.22)];
        for pair in tick.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            items.push(Item::Rule {
                x1: x + a.0 * size,
                y1: y + a.1 * size,
                x2: x + b.0 * size,
                y2: y + b.1 * size,
                width_pt: 1.8,
                colour: Colour::INK,
            });
        }
    }
    items
}

/// A square `size` mm wide with a cross in it: a check that failed.
fn crossed_box(x: f32, y: f32, size: f32) -> Vec<Item> {
    let mut items = crate::after_sale::frame(x, y, x + size, y + size, 0.9, Colour::INK).to_vec();
    let (a, b) = (0.22 * size, 0.78 * size);
    for (x1, y1, x2, y2) in [(a, a, b, b), (a, b, b, a)] {
        items.push(Item::Rule { x1: x + x1, y1: y + y1, x2: x + x2, y2: y + y2, width_pt: 1.8, colour: Colour::INK });
    }
    items
}
