//! The Collection Notice and the Shipping Notice as messages for email or WhatsApp.

use super::{Account, CollectionNotice, Completion, Dispatch, OldPart, Shipping};
use crate::customer::CustomerDetails;
use crate::quotation::message::{mailto, Message};
use crate::ticket::Ticket;
use crate::Settings;

fn device(ticket: &Ticket) -> String {
    format!("{} {}", ticket.details.device.brand, ticket.details.device.model)
}

fn long_date(d: jiff::civil::Date) -> String {
    d.strftime("%A %-d %B %Y").to_string()
}

fn signature(settings: &Settings) -> String {
    let shop = &settings.shop;
    let contact: Vec<&str> =
        [shop.phone.as_str(), shop.email.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
    format!("\nKind regards,\n{}\n{}\n", shop.name, contact.join(" · "))
}

/// The Collection Notice: the repair is ready, the balance with its breakdown, how to get
/// the watch back, the storage-fee rule with its start date and the deadline for more photos.
pub fn collection_message(
    settings: &Settings,
    ticket: &Ticket,
    customer: &CustomerDetails,
    completion: &Completion,
    notice: &CollectionNotice,
    account: &Account,
) -> Message {
    let money = |a| settings.currency.format(a);
    let device = device(ticket);
    let subject = format!("Your {device} is repaired and ready ({})", ticket.number);
    let mut body =
        format!("Dear {},\n\nThe repair of your {device} (ticket {}) is done.\n\n", customer.name, ticket.number);
    body.push_str(&format!("Work done: {}\n", completion.work_performed));
    for part in &completion.parts {
        body.push_str(&format!("- Replaced: {} ({})\n", part.description, part.old_part.label().to_lowercase()));
    }
    body.push_str(&format!(
        "\nPhotos of the repaired watch are attached ({}). If you would like more photos or a short video of a particular part, ask by {} ({}).\n\n",
        completion.photos.len(),
        notice.media_request_by,
        long_date(notice.media_request_by)
    ));
    body.push_str("What you owe:\n");
    for c in &account.charges {
        body.push_str(&format!("- {}: {}\n", c.label, money(c.amount)));
    }
    if account.paid.0 > 0 {
        body.push_str(&format!("- Paid so far: -{}\n", money(account.paid)));
    }
    if account.refunded.0 > 0 {
        body.push_str(&format!("- Refunded: {}\n", money(account.refunded)));
    }
    body.push_str(&match account.balance.0 {
        0 => "Balance: nothing to pay.\n\n".to_string(),
        b if b > 0 => format!("Balance due: {}\n\n", money(account.balance)),
        _ => format!("You paid {} too much; we will refund it.\n\n", money(crate::Amount(-account.balance.0))),
    });
    body.push_str("You can collect the watch at the shop, or ask us to ship it (courier, insurance and shipping fee quoted on request). Full payment is needed before the watch is released; please bring the payment confirmation (printed or on your phone) when you collect.\n\n");
    if notice.charges_storage() {
        body.push_str(&format!(
            "Storage is free through {}. From {} ({}), storage costs {} per day until the watch is collected or shipped.\n",
            notice.last_free_day,
            notice.fees_from,
            long_date(notice.fees_from),
            money(notice.fee_per_day)
        ));
    }
    if completion.parts.iter().any(|p| p.old_part == OldPart::RetainedByShop) {
        body.push_str("Replaced parts are kept by the shop for quality control and warranty checks.\n");
    }
    if !settings.shop.payment_details.trim().is_empty() {
        body.push_str(&format!("\nHow to pay:\n{}\n", settings.shop.payment_details.trim()));
    }
    body.push_str(&signature(settings));
    let mailto = if customer.email.is_empty() { String::new() } else { mailto(&customer.email, &subject, &body) };
    Message { subject, body, mailto }
}

/// The Shipping Notice: courier, tracking number, the expected delivery window, insurance.
pub fn shipping_message(
    settings: &Settings,
    ticket: &Ticket,
    customer: &CustomerDetails,
    shipping: &Shipping,
    dispatch: &Dispatch,
) -> Message {
    let device = device(ticket);
    let (first, last) = dispatch.window.dates(dispatch.dispatched_on, &settings.policy.calendar);
    let subject = format!("Your {device} is on its way: {} {}", shipping.courier_label(), dispatch.tracking);
    let mut body = format!(
        "Dear {},\n\nWe sent your repaired {device} (ticket {}) on {}.\n\n",
        customer.name,
        ticket.number,
        long_date(dispatch.dispatched_on)
    );
    let service = if shipping.service.is_empty() { String::new() } else { format!(", {}", shipping.service) };
    body.push_str(&format!("Courier: {}{service}\n", shipping.courier_label()));
    body.push_str(&format!("Tracking number: {}\n", dispatch.tracking));
    body.push_str(&format!(
        "Expected delivery: between {} and {} ({} to {} business days). Tracking may take 1 to 2 business days to appear on the courier's website.\n",
        first, last, dispatch.window.min_days, dispatch.window.max_days
    ));
    body.push_str(&format!("Shipped to:\n{}\n\n", shipping.address));
    if shipping.signature {
        body.push_str("The courier will ask for a signature on delivery.\n");
    }
    if shipping.insured {
        body.push_str("The parcel is insured: if it is lost, seized by customs or damaged, send us the courier's report or the customs notice and we will resend it.\n");
    } else {
        body.push_str("The parcel is not insured: the delivery risk is yours once it is dispatched.\n");
    }
    body.push_str("Keep your phone reachable: couriers may call before delivering.\n");
    body.push_str(&signature(settings));
    let mailto = if customer.email.is_empty() { String::new() } else { mailto(&customer.email, &subject, &body) };
    Message { subject, body, mailto }
}
