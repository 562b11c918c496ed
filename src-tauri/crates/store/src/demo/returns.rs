//! The demo shop's returns: one in every state, with dates relative to today.

use caseback_domain::after_sale::PaymentMethod;
use caseback_domain::customer::CustomerDetails;
use caseback_domain::intake::CustomerChoice;
use caseback_domain::returns::{
    Checklist, Decision, ExchangeFee, Inspection, Package, RefundMethod, RefundRecord, Remedy, RequestChannel,
    ReturnForm, ReturnReason, WearGrade,
};
use caseback_domain::{Amount, Percent};
use jiff::{SignedDuration, Timestamp};

use crate::error::Result;
use crate::Shop;

/// How far a demo return has got.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Stage {
    Requested,
    Declined,
    Authorized,
    Cancelled,
    Received,
    Decided,
    Closed,
}

struct DemoReturn {
    name: &'static str,
    phone: &'static str,
    email: &'static str,
    product: &'static str,
    /// The one returned after an exchange is the watch a later demo intake books in again:
    /// its page shows both.
    serial: &'static str,
    price: &'static str,
    paid_with: RefundMethod,
    reason: ReturnReason,
    /// Days before today: delivered, requested (and everything after follows a day apart).
    delivered: i64,
    requested: i64,
    stage: Stage,
    decision: Option<Decision>,
}

const RETURNS: [DemoReturn; 11] = [
    DemoReturn {
        name: "Emily Carter",
        phone: "+44 7700 900456",
        email: "emily.carter@example.co.uk",
        product: "Seiko 5 Sports SRPD55",
        serial: "4R36-07G0-2291",
        price: "2,180",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 4,
        requested: 1,
        stage: Stage::Requested,
        decision: None,
    },
    DemoReturn {
        name: "Hasan Kaya",
        phone: "+90 532 111 22 33",
        email: "hasan.kaya@example.com.tr",
        product: "Casio G-Shock GA-2100",
        serial: "5611-GA2100-0917",
        price: "899",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 40,
        requested: 20,
        stage: Stage::Declined,
        decision: None,
    },
    DemoReturn {
        name: "Wong Ka Ho",
        phone: "+852 9333 2211",
        email: "kaho.wong@example.hk",
        product: "Orient Bambino V2",
        serial: "F6724-0B80",
        price: "1,450",
        paid_with: RefundMethod::PayPal,
        reason: ReturnReason::ChangeOfMind,
        delivered: 6,
        requested: 4,
        stage: Stage::Authorized,
        decision: None,
    },
    DemoReturn {
        // Authorized 8 days ago and nothing came: the 5-day code has expired.
        name: "Priya Sharma",
        phone: "+91 98200 12345",
        email: "priya.sharma@example.in",
        product: "Fossil Gen 6 smartwatch",
        serial: "DW13F1-22718",
        price: "1,999",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 10,
        requested: 8,
        stage: Stage::Authorized,
        decision: None,
    },
    DemoReturn {
        name: "Laura Fischer",
        phone: "+49 151 2345 6789",
        email: "laura.fischer@example.de",
        product: "Tissot PRX 40",
        serial: "T137410-2288",
        price: "3,100",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 15,
        requested: 12,
        stage: Stage::Cancelled,
        decision: None,
    },
    DemoReturn {
        name: "陈志强",
        phone: "+86 137 2222 8888",
        email: "zq.chen@example.cn",
        product: "KOSPET Tank T3 Ultra",
        serial: "KPT3U-2291-0317",
        price: "1,180",
        paid_with: RefundMethod::PayPal,
        reason: ReturnReason::DeadOnArrival,
        delivered: 6,
        requested: 5,
        stage: Stage::Received,
        decision: None,
    },
    DemoReturn {
        name: "Fatma Şahin",
        phone: "+90 505 444 55 66",
        email: "fatma.sahin@example.com.tr",
        product: "Citizen Eco-Drive BM7100",
        serial: "E111-S228190",
        price: "1,680",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 9,
        requested: 8,
        stage: Stage::Decided,
        decision: Some(Decision::PartialRefund { percent: Percent(3_000), method: RefundMethod::OriginalCard }),
    },
    DemoReturn {
        name: "Daniel Lee",
        phone: "+65 9123 4567",
        email: "daniel.lee@example.sg",
        product: "Hamilton Khaki Field Auto",
        serial: "H705550-1021",
        price: "5,200",
        paid_with: RefundMethod::BankTransfer,
        // Wants the black dial instead: an exchange by choice, its fee not paid yet.
        reason: ReturnReason::ChangeOfMind,
        delivered: 12,
        requested: 11,
        stage: Stage::Decided,
        decision: Some(Decision::Exchange),
    },
    DemoReturn {
        name: "Olga Petrova",
        phone: "+7 916 123 45 67",
        email: "olga.petrova@example.com",
        product: "Seiko Presage Cocktail Time",
        serial: "4R35-03B0",
        price: "3,450",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 14,
        requested: 13,
        stage: Stage::Decided,
        decision: Some(Decision::ShipBack),
    },
    DemoReturn {
        name: "Marco Rossi",
        phone: "+39 347 123 4567",
        email: "marco.rossi@example.it",
        product: "Longines HydroConquest",
        serial: "L3.781.4-5512",
        price: "12,800",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 20,
        requested: 18,
        stage: Stage::Closed,
        decision: Some(Decision::Approve {
            method: RefundMethod::OriginalCard,
            return_customs: Amount(0),
            postage_reimbursed: Amount(0),
        }),
    },
    DemoReturn {
        name: "Nguyễn Thị Mai",
        phone: "+84 912 345 678",
        email: "mai.nguyen@example.vn",
        product: "Casio Sheen SHE-4540",
        serial: "SHE4540-118",
        price: "1,290",
        paid_with: RefundMethod::OriginalCard,
        reason: ReturnReason::ChangeOfMind,
        delivered: 16,
        requested: 14,
        stage: Stage::Closed,
        decision: Some(Decision::Exchange),
    },
];

/// One return in every state, and a package that arrived without a code.
pub(super) fn add_returns(shop: &mut Shop, now: Timestamp) -> Result<()> {
    let staff = shop.staff()?;
    let settings = shop.settings()?;
    let ago = |days: i64| now.checked_sub(SignedDuration::from_hours(24 * days)).unwrap_or(now);
    let day = |days: i64| settings.today(ago(days));
    let photo = shop.store_evidence(staff[0].id, "defect.jpg", super::repairs::DEMO_PHOTO, ago(6))?.sha256;
    for (i, d) in RETURNS.iter().enumerate() {
        let by = staff[i % staff.len()].id;
        let form = ReturnForm {
            customer: Some(CustomerChoice::New {
                details: CustomerDetails {
                    name: d.name.into(),
                    phone: d.phone.into(),
                    email: d.email.into(),
                    address: String::new(),
                },
            }),
            order_number: format!("CW-{}", 52_100 + i * 13),
            product: d.product.into(),
            model: String::new(),
            serial: d.serial.into(),
            category: String::new(),
            currency: settings.currency.code().into(),
            purchase_price: d.price.into(),
            original_shipping: "60".into(),
            insurance_paid: "25".into(),
            paid_with: d.paid_with,
            purchase_date: Some(day(d.delivered + 3)),
            delivery_date: Some(day(d.delivered)),
            reason: d.reason,
            wants: if matches!(d.decision, Some(Decision::Exchange)) { Remedy::Exchange } else { Remedy::Refund },
            details: "Asked by message; photos attached where the watch is faulty.".into(),
            colour_claim: false,
            opened: d.reason != ReturnReason::ChangeOfMind,
            used: d.reason != ReturnReason::ChangeOfMind,
            requested_on: Some(day(d.requested)),
            channel: if i % 2 == 0 { RequestChannel::Email } else { RequestChannel::WhatsApp },
            media: if d.reason.needs_evidence() { vec![photo.clone()] } else { vec![] },
        };
        let case = shop.request_return(by, &form, ago(d.requested))?;
        if d.stage == Stage::Declined {
            shop.close_return(by, case.id, "Outside the return window and the watch was worn", ago(d.requested - 1))?;
            continue;
        }
        if d.stage == Stage::Requested {
            continue;
        }
        let case = shop.authorize_return(by, case.id, None, ago(d.requested))?;
        if d.stage == Stage::Cancelled {
            shop.close_return(by, case.id, "The customer decided to keep the watch", ago(d.requested - 2))?;
            continue;
        }
        if d.stage == Stage::Authorized {
            continue;
        }
        let code = case.rma.as_ref().map(|r| r.code.to_string());
        let parcel =
            Package { sender: d.name.into(), tracking: format!("JD0146{:06}", 4_200 + i), notes: String::new() };
        let received = (d.requested - 3).max(0);
        shop.receive_package(by, code.as_deref(), &parcel, ago(received))?;
        let Some(decision) = &d.decision else { continue };
        let wear =
            if matches!(decision, Decision::PartialRefund { .. }) { WearGrade::Moderate } else { WearGrade::AsNew };
        let inspection = Inspection {
            checklist: Checklist {
                rma_matches: true,
                films_intact: wear == WearGrade::AsNew,
                no_signs_of_use: wear == WearGrade::AsNew,
                packaging_complete: true,
                accessories_complete: true,
                functional_test_passed: true,
            },
            wear,
            notes: if wear == WearGrade::AsNew { "As new, films on." } else { "Clasp scratched; strap adjusted." }
                .into(),
            photos: vec![],
        };
        let decided_at = ago((received - 1).max(0));
        let case = shop.decide_return(by, case.id, &inspection, None, decision, decided_at)?;
        if d.stage == Stage::Closed && matches!(decision, Decision::Exchange) {
            if let Some(owed) = case.fee_owed() {
                let fee = ExchangeFee {
                    method: PaymentMethod::Card,
                    amount: owed,
                    paid_on: settings.today(decided_at),
                    reference: "VISA 4417".into(),
                };
                shop.record_exchange_fee(by, case.id, &fee, decided_at)?;
            }
            shop.ship_return_out(by, case.id, "1Z4F82E70498765432", decided_at)?;
        } else if d.stage == Stage::Closed {
            let s = case.decision.as_ref().map(|x| x.settlement.clone()).expect("decided");
            let refund = RefundRecord {
                method: s.method.unwrap_or(RefundMethod::OriginalCard),
                amount: s.total,
                refunded_on: settings.today(decided_at),
                reference: "ARN 74102233 0191".into(),
                account: String::new(),
            };
            shop.record_return_refund(by, case.id, &refund, decided_at)?;
        }
    }
    // A parcel with no code on it, held; one whose hold has ended, to send back; and one sent
    // back after its hold.
    let stray = Package {
        sender: "M. Demir".into(),
        tracking: "EA123456785CN".into(),
        notes: "No RMA code on the box.".into(),
    };
    shop.receive_package(staff[1].id, None, &stray, ago(1))?;
    let old = Package { sender: "Unknown sender".into(), tracking: "RR998877665HK".into(), notes: String::new() };
    let held = shop.receive_package(staff[1].id, None, &old, ago(9))?;
    shop.apply_clock(ago(5))?;
    shop.ship_return_out(staff[1].id, held.id, "RR998877666HK", ago(5))?;
    let unclaimed = Package { sender: "K. Yilmaz".into(), tracking: "CP044512298TR".into(), notes: String::new() };
    shop.receive_package(staff[0].id, None, &unclaimed, ago(6))?;
    Ok(())
}
