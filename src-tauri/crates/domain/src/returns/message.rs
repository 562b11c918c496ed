//! The RMA instructions and the inspection decision as messages for email or WhatsApp, and
//! the letter a declined request gets.

use super::decision::{Decision, Settlement};
use super::eligibility::Eligibility;
use super::request::ReturnRequest;
use super::{eligibility, ReturnCase, ReturnState, RmaCode, RmaValidity};
use crate::customer::CustomerDetails;
use crate::quotation::message::{long_date, Message};
use crate::Settings;

fn sign_off(settings: &Settings) -> String {
    let shop = &settings.shop;
    let contact: Vec<&str> =
        [shop.phone.as_str(), shop.email.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
    format!("\nKind regards,\n{}\n{}\n", shop.name, contact.join(" · "))
}

fn finish(settings: &Settings, customer: &CustomerDetails, subject: String, body: String) -> Message {
    Message::to(settings, customer, subject, body)
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
        "Please send it so that we receive it by {}; after that the code expires. Ask us if you need more time.\n\n",
        long_date(settings, validity.valid_through)
    ));
    body.push_str(&format!("Send it to:\n{}\n{}\n\n", settings.shop.name, settings.shop.address.trim()));
    // The sentences of the printed RMA instructions, one for each rule the policy has.
    let words = super::RmaInstructions::of(settings, r, code, eligibility);
    for (title, lines) in [
        ("How to pack it", &words.pack),
        ("How to mark it", &words.mark),
        ("How to send it", &words.ship),
        ("When it arrives", &words.arrives),
    ] {
        body.push_str(&format!("{title}:\n"));
        for line in lines {
            body.push_str(&format!("- {line}\n"));
        }
        body.push('\n');
    }
    body.pop();
    body.push_str(&sign_off(settings));
    finish(settings, customer, subject, body)
}

/// The outcome of the inspection: what was found and what happens now; `at_counter` when
/// the watch was handed over at the counter (it is collected there, not posted back).
#[allow(clippy::too_many_arguments)]
pub fn decision_message(
    settings: &Settings,
    customer: &CustomerDetails,
    r: &ReturnRequest,
    code: Option<RmaCode>,
    decision: &Decision,
    settlement: &Settlement,
    findings: &str,
    at_counter: bool,
) -> Message {
    // The order's currency, written the shop's way.
    let currency = r.currency.with_style(settings.number_style);
    let money = |a| currency.format(a);
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
            body.push_str("Your return is approved: we keep the watch and refund you.\n");
            lines(&mut body);
            body.push_str(&format!("Refund: {} to {}.\n", money(settlement.total), method.destination()));
        }
        Decision::PartialRefund { method, .. } => {
            body.push_str(
                "The item shows signs of use, so a full refund is not possible. We keep the watch and refund part \
                 of the price, by wear:\n",
            );
            lines(&mut body);
            body.push_str(&format!("Refund: {} to {}.\n", money(settlement.total), method.destination()));
        }
        Decision::ShipBack if at_counter => {
            body.push_str("The item does not meet the return conditions, so it cannot be refunded. Please collect the watch at the shop.\n");
        }
        Decision::ShipBack => {
            body.push_str("The item does not meet the return conditions, so it cannot be refunded. The watch is sent back to you at your cost; please confirm the address.\n");
        }
        Decision::Exchange if at_counter => {
            body.push_str("We keep the watch you returned; your replacement is ready to collect at the shop.\n");
            lines(&mut body);
            if settlement.total.0 > 0 {
                body.push_str(&format!("To pay when you collect it: {}.\n", money(settlement.total)));
            }
        }
        Decision::Exchange => {
            body.push_str("We keep the watch you returned and send you a replacement.\n");
            lines(&mut body);
            if settlement.total.0 > 0 {
                body.push_str(&format!("To pay before we send it: {}.\n", money(settlement.total)));
            }
        }
    }
    body.push_str(&sign_off(settings));
    finish(settings, customer, subject, body)
}

/// The letter a declined request gets, printed (the Decline letter) or sent as a message:
/// why, what the policy says, what to do with the watch and how to answer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DeclineLetter {
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    /// "Kind regards," and the shop's name.
    pub closing: String,
    pub signature: String,
}

impl DeclineLetter {
    /// The letter as a message's body.
    pub fn body(&self) -> String {
        let mut body = format!("{}\n\n", self.greeting);
        for p in &self.paragraphs {
            body.push_str(p);
            body.push_str("\n\n");
        }
        format!("{}{}\n{}\n", body, self.closing, self.signature)
    }
}

/// The decline letter of `case`, or None unless it is a declined request.
pub fn decline_letter(settings: &Settings, customer: &CustomerDetails, case: &ReturnCase) -> Option<DeclineLetter> {
    let r = case.request.as_ref()?;
    if case.state != ReturnState::Declined {
        return None;
    }
    let day = |d| settings.date_style.format(d);
    let policy = &settings.policy;
    let item = if r.model.trim().is_empty() { r.product.clone() } else { format!("{} ({})", r.product, r.model) };
    let mut paragraphs = vec![format!(
        "Thank you for your request, made {}, to return the {item} from order {} (bought on {}).",
        r.how_requested(settings.date_style),
        r.order_number,
        day(r.purchase_date)
    )];
    let reason = case.closing_reason.as_deref().unwrap_or_default().trim().trim_end_matches('.');
    paragraphs.push(match case.closed_on {
        Some(on) => format!("We are sorry: on {} we declined it. The reason: {reason}.", day(on)),
        None => format!("We are sorry: we cannot accept this return. The reason: {reason}."),
    });
    let failed: Vec<String> = eligibility(policy, r)
        .checks
        .into_iter()
        .filter(|c| !c.passed)
        .map(|c| settings.date_style.restyle(&c.text))
        .collect();
    if !failed.is_empty() {
        paragraphs.push(format!("Under our return policy: {}.", failed.join("; ")));
    }
    // What happens to a parcel sent anyway, where the policy says (it requires the code).
    paragraphs.push(match (policy.rma_required, policy.no_rma_hold.is_none()) {
        (false, _) => "Please do not send the watch to us.".to_string(),
        (true, true) => {
            "Please do not send the watch to us: returns without an authorized RMA code are declined.".to_string()
        }
        (true, false) => format!(
            "Please do not send the watch to us: a parcel without an authorized RMA code is held for {} and then \
             sent back at your cost.",
            policy.no_rma_hold
        ),
    });
    if !policy.warranty.is_none() {
        paragraphs.push(format!(
            "This does not change your warranty of {}: a fault it covers is repaired under it. Contact us to book \
             the repair.",
            policy.warranty
        ));
    }
    let call = if settings.shop.phone.trim().is_empty() {
        String::new()
    } else {
        format!(" or call us on {}", settings.shop.phone.trim())
    };
    paragraphs.push(format!(
        "If you think we have misunderstood your request, reply to this letter{call}, quoting order {}.",
        r.order_number
    ));
    let name = if customer.name.trim().is_empty() { "customer" } else { customer.name.trim() };
    Some(DeclineLetter {
        subject: format!("Your return request for order {}", r.order_number),
        greeting: format!("Dear {name},"),
        paragraphs,
        closing: "Kind regards,".into(),
        signature: settings.shop.name.clone(),
    })
}

/// The decline letter as a message for email or WhatsApp.
pub fn decline_message(settings: &Settings, customer: &CustomerDetails, case: &ReturnCase) -> Option<Message> {
    let letter = decline_letter(settings, customer, case)?;
    let mut body = format!("{}\n\n", letter.greeting);
    for p in &letter.paragraphs {
        body.push_str(p);
        body.push_str("\n\n");
    }
    body.push_str(sign_off(settings).trim_start());
    Some(finish(settings, customer, letter.subject, body))
}
