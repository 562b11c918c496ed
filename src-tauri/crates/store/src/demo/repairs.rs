//! The demo shop's repaired watches: completed with a photo, then notified, paid, shipped
//! or collected, as each demo ticket's story says.

use caseback_domain::after_sale::{
    Collection, Completion, Courier, DeliveryWindow, Dispatch, EntryKind, OldPart, PaymentEntry, PaymentMethod,
    Release, ReplacedPart, Shipping,
};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Amount;
use jiff::Timestamp;

use crate::error::Result;
use crate::Shop;

/// The after-repair story of a demo ticket: the notice (days ago), payment, shipping, release.
#[derive(Clone, Copy)]
pub(super) struct AfterRepair {
    pub notice: Option<i64>,
    pub pay: Pay,
    pub ship: bool,
    pub leave: Leave,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Pay {
    Nothing,
    Deposit,
    InFull,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Leave {
    Stays,
    Collected,
    Dispatched,
}

pub(super) fn customer_address(name: &str) -> &'static str {
    match name {
        "Priya Raman" => "Priya Raman\n21 Tanjong Pagar Road #04-02\nSingapore 088444",
        "Zhang Wei" => "张伟\n上海市浦东新区世纪大道 100 号\nShanghai 200120, China",
        _ => "",
    }
}

/// Completes the repair with a photo, then the notice, payment, shipping and release.
pub(super) fn finish_repair(
    shop: &mut Shop,
    by: StaffId,
    id: TicketId,
    address: &str,
    done: Timestamp,
    after: AfterRepair,
    ago: &dyn Fn(i64) -> Timestamp,
) -> Result<()> {
    let photo = shop.store_photo(by, "repaired.jpg", DEMO_PHOTO, done)?;
    let completion = Completion {
        work_performed: "Serviced the movement, replaced the worn parts, pressure-tested and regulated over 48 hours."
            .into(),
        parts: vec![ReplacedPart { description: "Crown and stem".into(), old_part: OldPart::RetainedByShop }],
        photos: vec![photo.sha256],
        work_kind: Some(caseback_domain::service_warranty::WorkKind::FullService),
    };
    shop.complete_repair(by, id, &completion, done)?;
    let Some(notice_days) = after.notice else { return Ok(()) };
    let noticed = ago(notice_days);
    shop.issue_collection_notice(by, id, noticed)?;
    let card = |cents| PaymentEntry {
        kind: EntryKind::Payment,
        amount: Amount(cents),
        method: PaymentMethod::Card,
        reference: "Visa ending 4242, slip 0117".into(),
    };
    if after.ship {
        let shipping = Shipping {
            courier: Courier::Ups,
            courier_name: String::new(),
            service: "Worldwide Express".into(),
            declared_value: Amount(380_000),
            fee: Amount(26_000),
            insured: true,
            signature: true,
            address: address.into(),
            commercial_invoice: true,
        };
        shop.choose_shipping(by, id, &shipping, noticed)?;
    }
    match after.pay {
        Pay::Nothing => {}
        Pay::Deposit => {
            shop.record_payment(by, id, &card(50_000).into(), noticed)?;
        }
        Pay::InFull => {
            let due = shop.after_sale(id, noticed)?.account.balance;
            if due.0 > 0 {
                shop.record_payment(by, id, &card(due.0).into(), noticed)?;
            }
        }
    }
    let release = match after.leave {
        Leave::Stays => return Ok(()),
        Leave::Collected => {
            Release::Collected(Collection { collected_by: "Sarah O'Neill".into(), confirmation_shown: true })
        }
        Leave::Dispatched => Release::Dispatched(Dispatch {
            tracking: "1Z4F82E70412345678".into(),
            dispatched_on: shop.settings()?.today(noticed),
            window: DeliveryWindow { min_days: 3, max_days: 7 },
        }),
    };
    shop.release(by, id, &release, noticed)?;
    Ok(())
}

/// A photo of a repaired watch, drawn for the demo (no real customer's watch).
pub(super) const DEMO_PHOTO: &[u8] = include_bytes!("../../assets/demo-repaired-watch.jpg");
