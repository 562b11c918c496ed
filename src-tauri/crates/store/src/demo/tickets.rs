//! The demo shop's tickets: the stories in `intakes` booked in through the shop's own
//! workflows, each taken as far as it says (assessed, quoted, answered, repaired and after).

use caseback_domain::assessment::{Assessment, CoveredReason, NotCoveredReason, WarrantyDecision, WrittenAnswer};
use caseback_domain::customer::{CustomerDetails, CustomerId};
use caseback_domain::device::{Device, PurchaseRecord};
use caseback_domain::intake::{Accessory, Arrival, ConditionFlag, CustomerChoice, IntakeDetails, IntakeForm};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuotationDraft, QuoteLine, Section};
use caseback_domain::ticket::TicketState;
use caseback_domain::warranty::Voiding;
use caseback_domain::Amount;
use jiff::Timestamp;

use super::intakes::{Then, INTAKES};
use super::repairs::{customer_address, finish_repair};
use crate::error::Result;
use crate::Shop;

/// Realistic tickets booked in over the last days: some overdue for assessment, some mailed
/// in, one watch seen twice (its warranty follows the serial), names in Turkish and Chinese.
pub(super) fn add_tickets(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let staff = shop.staff()?;
    let mut known: Vec<(&str, CustomerId)> = Vec::new();
    for (i, d) in INTAKES.iter().enumerate() {
        let by = staff[i % staff.len()].id;
        let at = now.checked_sub(jiff::SignedDuration::from_hours(24 * d.days_ago + 2)).unwrap_or(now);
        let customer = match known.iter().find(|(n, _)| *n == d.name) {
            Some((_, id)) => CustomerChoice::Existing { id: *id },
            None => CustomerChoice::New {
                details: CustomerDetails {
                    name: d.name.into(),
                    phone: d.phone.into(),
                    email: d.email.into(),
                    address: customer_address(d.name).into(),
                },
            },
        };
        let form = IntakeForm {
            customer,
            details: IntakeDetails {
                device: Device {
                    kind: Some(d.kind),
                    brand: d.brand.into(),
                    model: d.model.into(),
                    serial: d.serial.into(),
                    item_code: String::new(),
                    colour: String::new(),
                },
                purchase: PurchaseRecord {
                    order_number: if d.bought.is_some() { format!("CW-{}", 41_000 + i * 37) } else { String::new() },
                    purchase_date: d.bought.map(|(y, m, day)| jiff::civil::date(y, m, day)),
                    delivery_date: d
                        .bought
                        .map(|(y, m, day)| jiff::civil::date(y, m, day).saturating_add(jiff::Span::new().days(3))),
                    proof_seen: d.bought.is_some(),
                },
                fault: d.fault.into(),
                tried: String::new(),
                accessories: vec![Accessory::Strap],
                accessories_other: String::new(),
                condition: vec![ConditionFlag::Scratches],
                condition_notes: String::new(),
                arrival: match d.mail_in {
                    Some((carrier, tracking)) => Arrival::MailIn { carrier: carrier.into(), tracking: tracking.into() },
                    None => Arrival::WalkIn,
                },
                voiding: Voiding::default(),
            },
        };
        let ticket = shop.book_intake(by, &form, &[], at)?;
        known.push((d.name, ticket.customer));
        let ago = |days: i64| now.checked_sub(jiff::SignedDuration::from_hours(24 * days)).unwrap_or(now);
        let assess = |covered: bool| Assessment {
            findings: if covered {
                "Display connector defect from the factory; no sign of impact or water."
            } else {
                "Worn and damaged parts; not a manufacturing defect."
            }
            .into(),
            decision: if covered {
                WarrantyDecision::Covered(CoveredReason::ManufacturingDefect)
            } else {
                WarrantyDecision::NotCovered(NotCoveredReason::Wear)
            },
            photos: vec![],
        };
        let answer = |reference: &str| WrittenAnswer {
            channel: ConfirmationChannel::EmailReply,
            reference: reference.into(),
            scan: None,
            cosmetic_accepted: false,
        };
        match d.then {
            Then::Nothing => {}
            Then::Assessing => {
                shop.move_ticket(by, ticket.id, TicketState::Assessing, at)?;
            }
            Then::Covered { days_ago } => {
                shop.record_assessment(by, ticket.id, &assess(true), ago(days_ago))?;
            }
            Then::Quoted { days_ago } => {
                shop.record_assessment(by, ticket.id, &assess(false), ago(days_ago))?;
                shop.issue_quotation(by, ticket.id, &demo_quote(), ago(days_ago))?;
            }
            Then::Accepted { quoted, answered, in_repair } => {
                shop.record_assessment(by, ticket.id, &assess(false), ago(quoted))?;
                let q = shop.issue_quotation(by, ticket.id, &demo_quote(), ago(quoted))?;
                shop.answer_quotation(by, ticket.id, 1, true, &answer(&format!("Re: {}", q.number)), ago(answered))?;
                if in_repair {
                    shop.move_ticket(by, ticket.id, TicketState::InRepair, ago(answered))?;
                }
            }
            Then::Declined { quoted, answered } => {
                shop.record_assessment(by, ticket.id, &assess(false), ago(quoted))?;
                let q = shop.issue_quotation(by, ticket.id, &demo_quote(), ago(quoted))?;
                shop.answer_quotation(
                    by,
                    ticket.id,
                    1,
                    false,
                    &answer(&format!("Re: {} (too expensive)", q.number)),
                    ago(answered),
                )?;
            }
            Then::Repaired { covered, repaired, after } => {
                let started = ago(repaired + 6);
                shop.record_assessment(by, ticket.id, &assess(covered), started)?;
                if !covered {
                    let q = shop.issue_quotation(by, ticket.id, &demo_quote(), started)?;
                    shop.answer_quotation(by, ticket.id, 1, true, &answer(&format!("Re: {}", q.number)), started)?;
                }
                shop.move_ticket(by, ticket.id, TicketState::InRepair, started)?;
                finish_repair(shop, by, ticket.id, customer_address(d.name), ago(repaired), after, &ago)?;
            }
        }
    }
    Ok(())
}

fn demo_quote() -> QuotationDraft {
    let line = |kind, description: &str, quantity, cents, taxable| QuoteLine {
        kind,
        section: Section::Repair,
        description: description.into(),
        quantity: Quantity(quantity),
        unit_price: Amount(cents),
        taxable,
        part: None,
    };
    QuotationDraft {
        lines: vec![
            line(LineKind::Labour, "Full service: strip, clean, lubricate, regulate", 100, 88_000, true),
            line(LineKind::Part, "Mainspring (genuine)", 100, 32_000, true),
            line(LineKind::PartSourcingFee, "Sourcing from the maker", 100, 8_000, false),
            QuoteLine {
                section: Section::Cosmetic,
                ..line(LineKind::Labour, "Case and bracelet polish", 100, 45_000, true)
            },
        ],
        timeline_working_days: 7,
        parts_returned: false,
    }
}
