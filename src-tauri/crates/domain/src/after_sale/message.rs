//! The Collection Notice and the Shipping Notice as messages for email or WhatsApp.

use super::{Account, CollectionNotice, Completion, Dispatch, OldPart, Shipping};
use crate::customer::CustomerDetails;
use crate::quotation::message::{long_date, Message};
use crate::ticket::Ticket;
use crate::Settings;

fn device(ticket: &Ticket) -> String {
    format!("{} {}", ticket.details.device.brand, ticket.details.device.model)
}

fn signature(settings: &Settings) -> String {
    let shop = &settings.shop;
    let contact: Vec<&str> =
        [shop.phone.as_str(), shop.email.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
    format!("\nKind regards,\n{}\n{}\n", shop.name, contact.join(" · "))
}

/// Where the customer pays from afar (a bank transfer, PayPal, FPS, PayMe, as the shop
/// takes them): bring the confirmation. Nothing to say where the shop takes money only at
/// its counter.
pub fn confirmation_note(settings: &Settings) -> Option<String> {
    let remote: Vec<&str> = settings
        .payment_methods
        .iter()
        .filter(|m| !m.taken_at_counter())
        .map(|m| m.by().trim_start_matches("by "))
        .collect();
    let (last, rest) = remote.split_last()?;
    let ways = if rest.is_empty() { last.to_string() } else { format!("{} or {last}", rest.join(", ")) };
    Some(format!("If you pay by {ways}, bring the payment confirmation, printed or on your phone."))
}

/// How the repaired watch gets back to the customer, a sentence each, as the message and the
/// printed notice say it: a watch brought in is collected at the shop (shipped only when
/// shipping was arranged for it); one sent in goes back by courier, or is collected. The
/// policy's insurance and signature rules are named only where it has them.
pub fn ways_back(settings: &Settings, ticket: &Ticket, shipping: Option<&Shipping>) -> Vec<String> {
    let policy = &settings.policy;
    let address = settings.shop.address.trim();
    let at = if address.is_empty() { String::new() } else { format!(" ({})", address.replace('\n', ", ")) };
    let mut collect = format!("Collect it at the shop{at}, quoting ticket {}.", ticket.number);
    if let Some(note) = confirmation_note(settings) {
        collect.push(' ');
        collect.push_str(&note);
    }
    let ship = match shipping {
        Some(s) => {
            let service = if s.service.trim().is_empty() { String::new() } else { format!(" {}", s.service.trim()) };
            Some(format!("We send it with {}{service}, as arranged, once the balance is settled.", s.courier_label()))
        }
        None if !ticket.details.arrival.is_walk_in() => {
            let mut text =
                "We send it back by courier once the balance is settled (the shipping fee on request).".to_string();
            if policy.shipping_insurance_rate.0 > 0 {
                text.push_str(&format!(
                    " Insurance is optional: {} of the order total (repair charges plus shipping), non-refundable.",
                    policy.shipping_insurance_rate
                ));
            }
            if policy.signature_threshold.0 > 0 {
                text.push_str(&format!(
                    " Parcels worth more than {} travel with signature on delivery.",
                    settings.currency.format(policy.signature_threshold)
                ));
            }
            Some(text)
        }
        None => None,
    };
    match ship {
        Some(ship) => vec![ship, format!("Or c{}", &collect[1..])],
        None => vec![collect],
    }
}

/// The Collection Notice: the repair is ready, the balance with its breakdown, how to get
/// the watch back, the storage-fee rule with its start date and the deadline for more photos.
/// Nothing is attached to it (a `mailto:` link cannot attach files): the photos are on the
/// printed Collection Notice, and the message says so only when there are some.
pub fn collection_message(
    settings: &Settings,
    ticket: &Ticket,
    customer: &CustomerDetails,
    completion: &Completion,
    notice: &CollectionNotice,
    account: &Account,
    shipping: Option<&Shipping>,
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
    body.push('\n');
    if !completion.photos.is_empty() {
        body.push_str("Photos of the repaired watch are on the printed Collection Notice. ");
    }
    if let Some(by) = notice.media_request_by {
        body.push_str(&format!(
            "If you would like more photos or a short video of a particular part, ask by {}.\n",
            long_date(settings, by)
        ));
    }
    body.push('\n');
    body.push_str("What you owe:\n");
    for c in &account.charges {
        body.push_str(&format!("- {}: {}\n", settings.date_style.restyle(&c.label), money(c.amount)));
    }
    // As on the Collection Notice and the receipt: what was paid is an amount received,
    // a refund a negative one.
    if account.paid.0 > 0 {
        body.push_str(&format!("- Paid so far: {}\n", money(account.paid)));
    }
    if account.refunded.0 > 0 {
        body.push_str(&format!("- Refunded: {}\n", money(crate::Amount(-account.refunded.0))));
    }
    body.push_str(&match account.balance.0 {
        0 => "Balance: nothing to pay.\n\n".to_string(),
        b if b > 0 => format!("Balance due: {}\n\n", money(account.balance)),
        _ => format!("You paid {} too much; we will refund it.\n\n", money(crate::Amount(-account.balance.0))),
    });
    body.push_str("How to get it back:\n");
    for way in ways_back(settings, ticket, shipping) {
        body.push_str(&format!("- {way}\n"));
    }
    body.push_str("Full payment is needed before the watch is released.\n\n");
    if notice.charges_storage() {
        body.push_str(&format!(
            "Storage is free through {}. From {}, storage costs {} per day until the watch is collected or shipped.\n",
            long_date(settings, notice.last_free_day),
            long_date(settings, notice.fees_from),
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
    Message::to(settings, customer, subject, body)
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
        long_date(settings, dispatch.dispatched_on)
    );
    let service = if shipping.service.is_empty() { String::new() } else { format!(", {}", shipping.service) };
    body.push_str(&format!("Courier: {}{service}\n", shipping.courier_label()));
    body.push_str(&format!("Tracking number: {}\n", dispatch.tracking));
    body.push_str(&format!(
        "Expected delivery: between {} and {} ({} to {} business days). Tracking may take 1 to 2 business days to appear on the courier's website.\n",
        long_date(settings, first),
        long_date(settings, last),
        dispatch.window.min_days,
        dispatch.window.max_days
    ));
    body.push_str(&format!("Shipped to:\n{}\n\n", shipping.address));
    if shipping.signature {
        body.push_str("The courier will ask for a signature on delivery.\n");
    }
    if shipping.insured {
        body.push_str("The parcel is insured: if it is lost, seized by customs or damaged, send us the courier's report or the customs notice and we will resend it.\n");
    } else if settings.policy.shipping_insurance_rate.0 > 0 {
        body.push_str("The parcel is not insured: the delivery risk is yours once it is dispatched.\n");
    }
    body.push_str("Keep your phone reachable: couriers may call before delivering.\n");
    body.push_str(&signature(settings));
    Message::to(settings, customer, subject, body)
}

/// The receipt sent by e-mail: a cover note; what was charged, paid and refunded is on the
/// attached receipt itself.
pub fn receipt_message(settings: &Settings, ticket: &Ticket, customer: &CustomerDetails, account: &Account) -> Message {
    let money = |a| settings.currency.format(a);
    let device = device(ticket);
    let subject = format!("Your receipt for the repair of your {device} ({})", ticket.number);
    let mut body = format!(
        "Dear {},\n\nAttached is the receipt for the repair of your {device} (ticket {}).\n\n",
        customer.name, ticket.number
    );
    body.push_str(&format!("Paid: {}\n", money(account.paid)));
    if account.refunded.0 > 0 {
        body.push_str(&format!("Refunded: {}\n", money(account.refunded)));
    }
    body.push_str(&match account.balance.0 {
        0 => "Nothing more is owed.\n".to_string(),
        b if b > 0 => format!("Still to pay: {}\n", money(account.balance)),
        _ => format!("We owe you {}, which we will refund.\n", money(crate::Amount(-account.balance.0))),
    });
    body.push_str("\nThank you for trusting us with your watch.\n");
    body.push_str(&signature(settings));
    Message::to(settings, customer, subject, body)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::after_sale::account::AccountFacts;
    use crate::after_sale::{EntryKind, Payment, PaymentEntry, PaymentMethod, ReplacedPart};
    use crate::customer::CustomerId;
    use crate::intake::IntakeDetails;
    use crate::presets::PresetId;
    use crate::staff::StaffId;
    use crate::ticket::{TicketId, TicketNumber, TicketState};
    use crate::{warranty, Amount, Currency};

    fn shop() -> Settings {
        Settings::new("Harbour Watch Repair", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong")
    }

    fn ticket(settings: &Settings) -> Ticket {
        let details = IntakeDetails::default();
        Ticket {
            id: TicketId(1),
            number: TicketNumber { branch: None, year: 2026, seq: 14 },
            state: TicketState::ReadyForCollection,
            customer: CustomerId(1),
            warranty: warranty::check(&settings.policy, &details.purchase, date(2026, 11, 2), &details.voiding),
            details,
            received_at: "2026-11-02T02:00:00Z".parse().unwrap(),
            received_on: date(2026, 11, 2),
            assessment_due: date(2026, 11, 4),
            photos: vec![],
        }
    }

    fn completion(photos: usize) -> Completion {
        Completion {
            work_performed: "Serviced the movement.".into(),
            parts: vec![ReplacedPart { description: "Crown".into(), old_part: OldPart::RetainedByShop }],
            photos: (0..photos).map(|i| format!("{i:064}")).collect(),
            work_kind: None,
        }
    }

    fn entry(id: i64, kind: EntryKind, cents: i64) -> Payment {
        Payment {
            id,
            entry: PaymentEntry { kind, amount: Amount(cents), method: PaymentMethod::Cash, reference: String::new() },
            paid_on: date(2026, 11, 20),
            staff: StaffId(1),
        }
    }

    /// The Collection Notice message of a watch ready on 30 November 2026, with `photos` on
    /// file, a payment of 500.00 and a refund of 100.00.
    fn message(settings: &Settings, photos: usize) -> Message {
        let notice = CollectionNotice::issue(&settings.policy, date(2026, 11, 30));
        let payments = [entry(1, EntryKind::Payment, 50_000), entry(2, EntryKind::Refund, 10_000)];
        let facts = AccountFacts {
            accepted: None,
            covered: false,
            notice: Some(&notice),
            shipping: None,
            payments: &payments,
            as_of: date(2026, 11, 30),
        };
        let account = Account::of(&settings.policy, &facts);
        let customer =
            CustomerDetails { name: "Chan Tai Man".into(), email: "tm@example.hk".into(), ..Default::default() };
        collection_message(settings, &ticket(settings), &customer, &completion(photos), &notice, &account, None)
    }

    #[test]
    fn the_collection_message_never_says_photos_are_attached() {
        let settings = shop();
        let with = message(&settings, 2);
        // The mailto link cannot attach a file: the photos are on the printed notice.
        assert!(!with.body.contains("attached"), "{}", with.body);
        assert!(
            with.body.contains("Photos of the repaired watch are on the printed Collection Notice."),
            "{}",
            with.body
        );
        let without = message(&settings, 0);
        assert!(!without.body.contains("Photos of the repaired watch"), "{}", without.body);
        assert!(without.body.contains("If you would like more photos or a short video"), "{}", without.body);
    }

    #[test]
    fn the_collection_message_signs_payments_as_the_forms_do_and_writes_dates_the_shops_way() {
        let settings = shop().apply([("forms.date_style", "day_slashes")]).unwrap();
        let m = message(&settings, 1);
        for needle in [
            "- Paid so far: HKD 500.00\n",
            "- Refunded: HKD -100.00\n",
            "Storage is free through Monday 07/12/2026. From Tuesday 08/12/2026, storage costs HKD 10.00 per day",
            "ask by Tuesday 01/12/2026.",
        ] {
            assert!(m.body.contains(needle), "{needle:?} missing:\n{}", m.body);
        }
        assert!(!m.body.contains("2026-12"), "an ISO date in:\n{}", m.body);
    }
}
