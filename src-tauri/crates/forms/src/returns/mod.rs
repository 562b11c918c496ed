//! The forms of a return case (not a repair ticket): the Return Authorization Form the
//! customer fills in, signs and encloses; the RMA instructions; the return label, on a
//! 4 x 6 in label or on the top half of an A4 sheet; and the inspection report. Each
//! refuses with `FormError::NotApplicable` when the case lacks the facts it is about.

mod authorization;
mod inspection;
mod instructions;
mod label;

use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::ReturnFormKind;
use caseback_domain::returns::{ReturnCase, ReturnRequest, RmaIssue};
use caseback_domain::{Currency, Settings};

use crate::draw::{Colour, Item};
use crate::error::FormError;
use crate::fonts::Fonts;
use crate::notices::Form;
use crate::Image;

/// Everything a return case's forms are drawn from.
pub struct ReturnPapers<'a> {
    pub settings: &'a Settings,
    pub case: &'a ReturnCase,
    /// The customer, when known (a package may arrive from nobody we know).
    pub customer: Option<&'a CustomerDetails>,
    pub logo: Option<Image<'a>>,
    /// Photos taken at inspection, in order (unreadable ones left out by the caller).
    pub inspection_photos: Vec<Image<'a>>,
}

/// Renders `kind` of a return case from its papers as the store gathers them; a form the
/// case has no facts for (`ReturnFormKind::applies`) is refused with `FormError::NotApplicable`.
pub fn render_return_case(
    fonts: &Fonts,
    kind: ReturnFormKind,
    p: &caseback_domain::papers::ReturnPapers,
) -> Result<Vec<u8>, FormError> {
    kind.applies(&p.case).map_err(FormError::NotApplicable)?;
    let papers = ReturnPapers {
        settings: &p.settings,
        case: &p.case,
        customer: p.customer.as_ref(),
        logo: p.logo.as_ref().map(crate::papers::image),
        inspection_photos: p.inspection_photos.iter().map(crate::papers::image).collect(),
    };
    render_return(fonts, kind, &papers)
}

/// Renders `kind` from papers the caller put together (the forms' own tests and samples);
/// a form whose facts the case lacks is refused with `FormError::NotApplicable`.
pub fn render_return(fonts: &Fonts, kind: ReturnFormKind, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    match kind {
        ReturnFormKind::ReturnAuthorization => authorization::authorization(fonts, p),
        ReturnFormKind::RmaInstructions => instructions::instructions(fonts, p),
        ReturnFormKind::ReturnLabel => label::label_4x6(fonts, p),
        ReturnFormKind::ReturnLabelA4 => label::label_a4(fonts, p),
        ReturnFormKind::InspectionReport => inspection::inspection_report(fonts, p),
    }
}

const NO_REQUEST: &str = "This package has no return request on file.";
const NO_RMA: &str = "No RMA code has been issued for this return.";

fn request<'a>(p: &'a ReturnPapers) -> Result<&'a ReturnRequest, FormError> {
    p.case.request.as_ref().ok_or(FormError::NotApplicable(NO_REQUEST))
}

fn rma<'a>(p: &'a ReturnPapers) -> Result<&'a RmaIssue, FormError> {
    p.case.rma.as_ref().ok_or(FormError::NotApplicable(NO_RMA))
}

/// The currency amounts are shown in: the order's, else the shop's.
fn currency(p: &ReturnPapers) -> Currency {
    p.case.request.as_ref().map_or(p.settings.currency, |r| r.currency)
}

/// The customer's details, or blanks when nobody is known.
fn customer(p: &ReturnPapers) -> CustomerDetails {
    p.customer.cloned().unwrap_or_default()
}

/// The shop's letterhead, then the case's RMA code (or "Return 12") large with its QR code
/// and `cells` under it.
fn start<'f>(fonts: &'f Fonts, p: &ReturnPapers, title: &str, cells: &[(&str, String)]) -> Result<Form<'f>, FormError> {
    let label = if p.case.rma.is_some() { "RMA code" } else { "Return" };
    Form::begin(fonts, p.settings, (label, &p.case.title()), title, p.logo.as_ref(), cells)
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
