//! The RMA instructions and the inspection decision as messages for email or WhatsApp.

use super::decision::{Decision, Settlement};
use super::eligibility::{Eligibility, Payer};
use super::request::ReturnRequest;
use super::{RmaCode, RmaValidity};
use crate::customer::CustomerDetails;
use crate::quotation::message::{mailto, Message};
use crate::Settings;

fn long_date(d: jiff::civil::Date) -> String {
    d.strftime("%A %-d %B %Y").to_string()
}

fn sign_off(settings: &Settings) -> String {
    let shop = &settings.shop;
    let contact: Vec<&str> =
        [shop.phone.as_str(), shop.email.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
    format!("\nKind regards,\n{}\n{}\n", shop.name, contact.join(" · "))
}

fn finish(customer: &CustomerDetails, subject: String, body: String) -> Message {
    let mailto = if customer.email.is_empty() { String::new() } else { mailto(&customer.email, &subject, &body) };
    Message { subject, body, mailto }
}

/// Where and how to send the return, with the code that must be on the outer label.
pub fn rma_instructions(
    settings: &Settings,
    customer: &CustomerDetails,
    r: &ReturnRequest,
    code: RmaCode,
    validity: RmaValidity,
    eligibility: &Eligibility,
) -> Message {
    let subject = format!("Return authorized: {code} for order {}", r.order_number);
    let mut body = format!(
        "Dear {},\n\nYour return of {} (order {}) is authorized. Your RMA code is:\n\n    {code}\n\n",
        customer.name, r.product, r.order_number
    );
    body.push_str(&format!(
        "Please send it so that we receive it by {} ({}); after that the code expires. Ask us if you need more time.\n\n",
        validity.valid_through,
        long_date(validity.valid_through)
    ));
    body.push_str(&format!("Send it to:\n{}\n{}\n\n", settings.shop.name, settings.shop.address.trim()));
    body.push_str("How to pack and send it:\n");
    body.push_str(&format!(
        "- Write or print the RMA code {code} clearly on the OUTSIDE of the parcel. Packages without a visible code are not accepted.\n"
    ));
    body.push_str("- Pack the item in its original box with all accessories, manuals, tags and protective films, inside a sturdy shipping box.\n");
    body.push_str("- Include the signed return form.\n");
    body.push_str(
        "- Use a courier with signature on delivery and a tracking number, and send us the tracking number.\n",
    );
    body.push_str("- Customs duties on the return are yours; ask us for a commercial invoice marked \"returned goods\" if your country charges them.\n\n");
    body.push_str(&match eligibility.postage_paid_by {
        Payer::Shop => format!(
            "{} Keep the postage receipt: we reimburse it once we confirm the fault.\n",
            eligibility.postage_text
        ),
        Payer::Customer => format!("{}\n", eligibility.postage_text),
    });
    if settings.policy.no_rma_hold.is_none() {
        body.push_str("Returns that arrive without an authorized RMA code are declined.\n");
    } else {
        body.push_str(&format!(
            "Packages without a visible, valid RMA code are held for {} and then sent back at your cost.\n",
            settings.policy.no_rma_hold
        ));
    }
    body.push_str(&sign_off(settings));
    finish(customer, subject, body)
}

/// The outcome of the inspection: what was found and what happens now.
pub fn decision_message(
    settings: &Settings,
    customer: &CustomerDetails,
    r: &ReturnRequest,
    code: Option<RmaCode>,
    decision: &Decision,
    settlement: &Settlement,
    findings: &str,
) -> Message {
    let money = |a| r.currency.format(a);
    let reference = code.map(|c| c.to_string()).unwrap_or_else(|| format!("order {}", r.order_number));
    let subject = format!("Your return {reference}: inspection result");
    let mut body =
        format!("Dear {},\n\nWe have inspected your return of {} ({reference}).\n\n", customer.name, r.product);
    if !findings.trim().is_empty() {
        body.push_str(&format!("What we found: {}\n\n", findings.trim()));
    }
    let lines = |body: &mut String| {
        for l in &settlement.lines {
            body.push_str(&format!("- {}: {}\n", l.label, money(l.amount)));
        }
        for note in &settlement.notes {
            body.push_str(&format!("  {note}\n"));
        }
    };
    match decision {
        Decision::Approve { method, .. } => {
            body.push_str("Your return is approved. The refund:\n");
            lines(&mut body);
            body.push_str(&format!("Refund: {} to {}.\n", money(settlement.total), method.destination()));
        }
        Decision::PartialRefund { method, .. } => {
            body.push_str(
                "The item shows signs of use, so a full refund is not possible. We offer a partial refund by wear:\n",
            );
            lines(&mut body);
            body.push_str(&format!("Refund: {} to {}.\n", money(settlement.total), method.destination()));
        }
        Decision::ShipBack => {
            body.push_str("The item does not meet the return conditions, so it cannot be refunded. We will send it back to you at your cost; please confirm the address.\n");
        }
        Decision::Exchange => {
            body.push_str("We will send you a replacement.\n");
            lines(&mut body);
            body.push_str(&format!("To pay before we send it: {}.\n", money(settlement.total)));
        }
    }
    body.push_str(&sign_off(settings));
    finish(customer, subject, body)
}
