//! The quotation as a message for email and WhatsApp, with the same facts as the PDF, and a
//! `mailto:` link that opens it in the shop's mail client.

use jiff::civil::Date;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use super::{Quotation, Section};
use crate::customer::CustomerDetails;
use crate::ticket::Ticket;
use crate::Settings;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    pub subject: String,
    pub body: String,
    /// Opens the message in the mail client, addressed to the customer (empty if no email).
    pub mailto: String,
    /// Opens a WhatsApp chat with the customer, the message written in (empty if their number
    /// cannot be told). WhatsApp cannot be handed a file: the PDF is attached there by hand.
    pub whatsapp: String,
}

impl Message {
    /// The message addressed to `customer`: by e-mail if they have an address, by WhatsApp if
    /// their phone's full number can be told.
    pub fn to(settings: &Settings, customer: &CustomerDetails, subject: String, body: String) -> Message {
        let mailto =
            if customer.email.trim().is_empty() { String::new() } else { mailto(&customer.email, &subject, &body) };
        let whatsapp = whatsapp_number(&customer.phone, &settings.shop.phone)
            .map(|n| format!("https://wa.me/{n}?text={}", utf8_percent_encode(&body, FIELD)))
            .unwrap_or_default();
        Message { subject, body, mailto, whatsapp }
    }
}

/// A phone as wa.me takes it: the country code and number, digits only. One written with
/// its country code ("+852 9123 4567", "0090 532 600 11 22") is taken as written; a national
/// one ("0532 600 11 22", "9123 4567") gets the shop's country code, the first group of the
/// shop's own phone ("+90 212 …"), its trunk zero dropped. `None` when that cannot be told.
pub fn whatsapp_number(phone: &str, shop_phone: &str) -> Option<String> {
    let p = phone.trim();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let full = if let Some(rest) = p.strip_prefix('+') {
        digits(rest)
    } else if let Some(rest) = p.strip_prefix("00") {
        digits(rest)
    } else {
        let code = shop_phone.trim().strip_prefix('+')?.split(|c: char| !c.is_ascii_digit()).next()?.to_string();
        let national = digits(p);
        let national = national.strip_prefix('0').unwrap_or(&national);
        if code.is_empty() || national.is_empty() {
            return None;
        }
        format!("{code}{national}")
    };
    (8..=15).contains(&full.len()).then_some(full)
}

/// Everything except unreserved characters is escaped, as RFC 6068 asks of mailto fields.
const FIELD: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let enc = |s: &str| utf8_percent_encode(s, FIELD).to_string();
    format!("mailto:{}?subject={}&body={}", enc(to), enc(subject), enc(&body.replace('\n', "\r\n")))
}

/// "Monday 16 March 2026", or "Monday 16.03.2026": a date in a message, with its weekday, in
/// the shop's style (as on its forms and screens).
pub(crate) fn long_date(settings: &Settings, day: Date) -> String {
    settings.date_style.with_weekday(day)
}

/// How the customer gives the written confirmation, by the ways they and the shop can be
/// reached: a reply to the email (the message, to a customer with an email address) or an
/// email to the shop (the printed quotation), a signed copy by WhatsApp where the shop has a
/// WhatsApp number, and a signature at the counter for a watch brought in; by post when
/// there is no other way.
pub fn confirmation_ways(settings: &Settings, ticket: &Ticket, customer: &CustomerDetails, printed: bool) -> String {
    let shop = &settings.shop;
    let copy = if printed { "a signed copy of this page" } else { "a signed copy" };
    let mut ways = Vec::new();
    match (printed, customer.email.trim().is_empty(), shop.email.trim()) {
        (false, false, _) => ways.push("reply to this email with your approval".to_string()),
        (true, _, email) if !email.is_empty() => ways.push(format!("email your approval to {email}")),
        _ => {}
    }
    if !shop.whatsapp.trim().is_empty() {
        ways.push(format!("send us {copy} by WhatsApp to {}", shop.whatsapp.trim()));
    }
    if ticket.details.arrival.is_walk_in() {
        ways.push("sign it at the shop".to_string());
    }
    if ways.is_empty() {
        ways.push(format!("post {copy} to us"));
    }
    let last = ways.pop().unwrap_or_default();
    if ways.is_empty() {
        last
    } else {
        format!("{}, or {last}", ways.join(", "))
    }
}

/// What happens when the quotation is not answered: the hold, then the watch goes back
/// unrepaired, collected by a customer who brought it in, returned at their cost to one
/// who sent it.
pub fn after_expiry(settings: &Settings, ticket: &Ticket, q: &Quotation) -> String {
    let policy = &settings.policy;
    let then = if ticket.details.arrival.is_walk_in() {
        "after that please collect it, unrepaired, from the shop"
    } else {
        "after that we return it to you unrepaired, at your cost"
    };
    format!(
        "If we have no answer by then, the quotation expires and we hold your watch for {} (until {}); {then}.",
        policy.quotation_hold,
        long_date(settings, q.hold_until(policy))
    )
}

/// How a watch not repaired goes back: collected at the shop, or, for one sent in, shipped
/// at the customer's cost.
pub fn unrepaired_ways(ticket: &Ticket) -> Vec<String> {
    let collect = "Collect the watch in person from the shop, bringing this notice or the ticket number.".to_string();
    if ticket.details.arrival.is_walk_in() {
        return vec![collect];
    }
    vec![
        "Arrange return shipping at your own cost: tell us the address and the carrier, or send a prepaid label \
         quoting the ticket number; or"
            .to_string(),
        collect,
    ]
}

pub fn quotation_message(settings: &Settings, ticket: &Ticket, customer: &CustomerDetails, q: &Quotation) -> Message {
    let money = |a| settings.currency.format(a);
    let device = format!("{} {}", ticket.details.device.brand, ticket.details.device.model);
    let subject = format!("Repair quotation {} for your {device} ({})", q.number, ticket.number);
    let mut body = format!(
        "Dear {},\n\nHere is our quotation {} for the repair of your {device} (ticket {}).\n\n",
        customer.name, q.number, ticket.number
    );
    // A shop whose rate is 0% charges no tax: no tax line, and no line marked untaxed.
    let taxed = q.tax_rate.basis_points() > 0;
    for (section, totals, title) in [
        (Section::Repair, q.repair, "Repair"),
        (Section::Cosmetic, q.cosmetic, "Optional cosmetic work (confirm separately)"),
    ] {
        let lines: Vec<_> = q.draft.lines.iter().filter(|l| l.section == section).collect();
        if lines.is_empty() {
            continue;
        }
        body.push_str(&format!("{title}:\n"));
        for l in lines {
            let tax = if l.taxable || !taxed { "" } else { " (no tax)" };
            body.push_str(&format!(
                "- {}: {} × {} = {}{tax}\n",
                l.description,
                l.quantity,
                money(l.unit_price),
                money(l.amount())
            ));
        }
        if taxed {
            body.push_str(&format!(
                "Subtotal {}; {} {} {}; total {}\n\n",
                money(totals.subtotal),
                settings.tax.name,
                q.tax_rate,
                money(totals.tax),
                money(totals.total)
            ));
        } else {
            body.push_str(&format!("Total {}\n\n", money(totals.total)));
        }
    }
    body.push_str(&format!("Estimated repair time: {} working days.\n", q.draft.timeline_working_days));
    body.push_str(&format!("This quotation is valid through {}.\n\n", long_date(settings, q.valid_through)));
    body.push_str(&format!(
        "We start work only after your written confirmation: {}.\n",
        confirmation_ways(settings, ticket, customer, false)
    ));
    body.push_str(&format!("{}\n", after_expiry(settings, ticket, q)));
    if q.draft.parts_returned {
        body.push_str("Replaced parts will be returned to you with the watch.\n");
    } else {
        body.push_str(
            "Replaced parts are kept by the shop unless you ask for them in writing before the repair starts.\n",
        );
    }
    if !settings.shop.payment_details.trim().is_empty() {
        body.push_str(&format!("\nPayment details:\n{}\n", settings.shop.payment_details.trim()));
    }
    body.push_str(&format!("\nKind regards,\n{}", settings.shop.name));
    for contact in [&settings.shop.phone, &settings.shop.email].into_iter().filter(|c| !c.trim().is_empty()) {
        body.push_str(&format!("\n{contact}"));
    }
    Message::to(settings, customer, subject, body)
}

/// The return-unrepaired notice as a message, saying what the printed notice says: the
/// customer declined the quotation in writing (its number and date; no hold), or it expired
/// unanswered (valid through, held until) and the hold is over; so the customer arranges the
/// return at their cost.
pub fn return_notice_message(
    settings: &Settings,
    ticket: &Ticket,
    customer: &CustomerDetails,
    q: &Quotation,
    refused: bool,
) -> Message {
    let device = format!("{} {}", ticket.details.device.brand, ticket.details.device.model);
    let subject = format!("Your {device} is ready to be returned unrepaired ({})", ticket.number);
    let fee: i64 = q
        .draft
        .lines
        .iter()
        .filter(|l| l.section == Section::Repair && l.kind == super::LineKind::InspectionFee)
        .map(|l| l.amount().0)
        .sum();
    let policy = &settings.policy;
    let mut body = if refused {
        format!(
            "Dear {},\n\nYou declined our quotation {} of {} in writing, so your {device} (ticket {}) has not been repaired.\n\n",
            customer.name,
            q.number,
            long_date(settings, q.issued_on),
            ticket.number
        )
    } else {
        format!(
            "Dear {},\n\nWe did not receive your answer to quotation {}, valid through {}. It has expired unanswered and we held your {device} (ticket {}) for a further {}, until {}. It has not been repaired.\n\n",
            customer.name,
            q.number,
            long_date(settings, q.valid_through),
            ticket.number,
            policy.quotation_hold,
            long_date(settings, q.hold_until(policy))
        )
    };
    body.push_str(if ticket.details.arrival.is_walk_in() {
        "Please collect it from the shop.\n"
    } else {
        "Please arrange its return shipping at your cost, or collect it from the shop.\n"
    });
    if fee > 0 {
        body.push_str(&format!(
            "The inspection fee of {} is due before the watch is released.\n",
            settings.currency.format(crate::Amount(fee))
        ));
    }
    if policy.storage_fee_per_day.0 == 0 {
        body.push_str("Storage is free of charge until the watch is collected or sent.\n");
    } else {
        body.push_str(&format!(
            "The watch is kept free of charge for {} from this notice; after that a storage fee of {} a day is charged until it is collected or sent.\n",
            policy.storage_grace,
            settings.currency.format(policy.storage_fee_per_day)
        ));
    }
    if !settings.shop.payment_details.trim().is_empty() {
        body.push_str(&format!("\nPayment details:\n{}\n", settings.shop.payment_details.trim()));
    }
    body.push_str(&format!("\nKind regards,\n{}", settings.shop.name));
    Message::to(settings, customer, subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_escapes_everything_a_mail_client_could_misread() {
        let link = mailto("ayse@example.com", "Q-2026-00042-1 & more", "Line one\nİkinci satır: 100%");
        assert!(link.starts_with("mailto:ayse%40example.com?subject=Q-2026-00042-1%20%26%20more&body="), "{link}");
        assert!(link.contains("Line%20one%0D%0A%C4%B0kinci"), "{link}");
        assert!(link.ends_with("100%25"), "{link}");
        assert!(!link.contains(' ') && !link.contains('\n'));
    }
}
