//! The decline letter: a declined return request answered in writing, on the shop's
//! letterhead, in the domain's words (`returns::message::decline_letter`): why it was
//! declined, what the policy says, what to do with the watch, and how to answer.

use caseback_domain::papers::ReturnPapers;
use caseback_domain::returns::message::decline_letter as letter_of;

use crate::dates::short_date;
use crate::error::FormError;
use crate::layout::Row;
use crate::notices::{block, Form, BODY, STRONG};
use crate::receipt::sections::{self, Column, SECTION_GAP};
use crate::Fonts;

const TITLE: &str = "Decline letter";
const NOT_DECLINED: &str = "Only a declined return request has a decline letter.";

/// The decline letter as PDF bytes, on the shop's paper, once the request was declined.
pub fn decline_letter(fonts: &Fonts, p: &ReturnPapers) -> Result<Vec<u8>, FormError> {
    let customer = p.customer.clone().unwrap_or_default();
    let letter = letter_of(&p.settings, &customer, &p.case).ok_or(FormError::NotApplicable(NOT_DECLINED))?;
    let r = p.case.request.as_ref().ok_or(FormError::NotApplicable(NOT_DECLINED))?;
    let style = p.settings.date_style;
    // Cases declined before the day was kept show none rather than a guess.
    let declined = p.case.closed_on.map_or_else(|| "—".to_string(), |d| short_date(style, d));
    let cells =
        [("Order", r.order_number.clone()), ("Requested", short_date(style, r.requested_on)), ("Declined", declined)];
    let label = if p.case.rma.is_some() { "RMA code" } else { "Return" };
    let mut form = Form::begin(fonts, &p.settings, (label, &p.case.title()), TITLE, p.logo.as_ref(), &cells)?;
    let (x, w) = (form.x, form.w);

    // Who it is for, as an envelope would have it.
    let to: Vec<(&str, String)> = [("Name", customer.name), ("Address", customer.address), ("Email", customer.email)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    if !to.is_empty() {
        let label_w = sections::label_width(fonts, to.iter().map(|(l, _)| *l), w);
        form.flow.place_kept(&sections::fields(fonts, "To", &to, Column { x, w: w * 0.6, label_w }), 2);
        form.flow.place(&Row::gap(SECTION_GAP));
    }

    form.flow.place(&block(fonts, &letter.subject, STRONG, x, w, SECTION_GAP - 1.0));
    form.flow.place(&block(fonts, &letter.greeting, BODY, x, w, 2.0));
    for paragraph in &letter.paragraphs {
        form.flow.place(&block(fonts, paragraph, BODY, x, w, 2.0));
    }
    // The closing kept with the name under it.
    let closing = [block(fonts, &letter.closing, BODY, x, w, 1.0), block(fonts, &letter.signature, STRONG, x, w, 0.0)];
    form.flow.place_whole(&closing);
    form.finish(TITLE)
}
