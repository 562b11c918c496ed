//! Sending a return: who pays the postage (the policy's rule, applied to one request), and
//! what the customer is told about carriers, postage and customs. The RMA instructions
//! say it the same way on paper and in the message.
//!
//! Conventions:
//! - Under `ShopPaysForFaults` (lx-watch, SOFTERSPOT, KOSPET) the customer pays for a return
//!   by choice, and the shop pays when it, the maker or the carrier is at fault, within
//!   `shop_pays_shipping_within` of delivery when that is set; the customer keeps the receipt
//!   and is reimbursed once the fault is confirmed.
//! - Under `ShopPaysFirstShipment` (the Turkish store: "The return shipping cost … belongs
//!   to the seller in the first place … the customer must pay the shipping costs for the
//!   second or more arbitrary shipments") the shop pays the first shipment of any return,
//!   through the cargo company it has an agreement with, and the customer pays only for an
//!   item sent again by choice after the shop found no fault (`ReturnReason::SentAgain`).
//!   The time limit does not apply.
//! - Under `CustomerPays` (the RMA web shop: "The original shipping and return postage will
//!   not be refunded") the customer pays for every return.
//! - Customs, duties, borders and commercial invoices are spoken of only when the shop takes
//!   returns from abroad (`Policy::returns_from_abroad`); a domestic customer hears of none.

use serde::{Deserialize, Serialize};

use super::eligibility::{Eligibility, Payer};
use super::request::{ReturnReason, ReturnRequest};
use crate::Policy;

/// Who pays a return's postage, as the shop's policy has it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnPostage {
    /// The customer for a return by choice; the shop for a fault.
    #[default]
    ShopPaysForFaults,
    /// The shop for the first shipment of any return; the customer for an item sent again
    /// by choice after no fault was found.
    ShopPaysFirstShipment,
    /// The customer, always.
    CustomerPays,
}

impl ReturnPostage {
    pub const ALL: [ReturnPostage; 3] =
        [ReturnPostage::ShopPaysForFaults, ReturnPostage::ShopPaysFirstShipment, ReturnPostage::CustomerPays];

    pub fn key(self) -> &'static str {
        match self {
            ReturnPostage::ShopPaysForFaults => "shop_pays_for_faults",
            ReturnPostage::ShopPaysFirstShipment => "shop_pays_first_shipment",
            ReturnPostage::CustomerPays => "customer_pays",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReturnPostage::ShopPaysForFaults => "The shop for a fault, the customer for a return by choice",
            ReturnPostage::ShopPaysFirstShipment => {
                "The shop for the first shipment; the customer for an item sent again by choice"
            }
            ReturnPostage::CustomerPays => "The customer, always",
        }
    }

    pub fn from_key(key: &str) -> Option<ReturnPostage> {
        ReturnPostage::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Who pays the postage of this return, and why, in a sentence for staff.
pub(super) fn postage(policy: &Policy, r: &ReturnRequest) -> (Payer, String) {
    let reason = r.reason.label().to_lowercase();
    match policy.return_postage {
        ReturnPostage::CustomerPays => {
            (Payer::Customer, "The customer pays the return postage: the shop's policy refunds none.".into())
        }
        ReturnPostage::ShopPaysFirstShipment if r.reason == ReturnReason::SentAgain => (
            Payer::Customer,
            "The customer pays the return postage: the item is sent again by choice after we found no fault.".into(),
        ),
        ReturnPostage::ShopPaysFirstShipment => {
            (Payer::Shop, format!("The shop pays the return postage of this first shipment ({reason})."))
        }
        ReturnPostage::ShopPaysForFaults if !r.reason.is_shop_fault() => {
            (Payer::Customer, "The customer pays the return postage (a return by choice).".into())
        }
        ReturnPostage::ShopPaysForFaults if policy.shop_pays_shipping_within.is_none() => {
            (Payer::Shop, format!("The shop pays the return postage ({reason})."))
        }
        ReturnPostage::ShopPaysForFaults => {
            let limit = policy.shop_pays_shipping_within;
            let last = limit.last_day(r.delivery_date.unwrap_or(r.purchase_date), &policy.calendar);
            if r.requested_on <= last {
                (Payer::Shop, format!("The shop pays the return postage: reported within {limit} of delivery."))
            } else {
                (
                    Payer::Customer,
                    format!("The customer pays the return postage: reported after {limit} from delivery ({last})."),
                )
            }
        }
    }
}

/// What the customer is told about sending the parcel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sending {
    /// Which carrier, with tracking and a signature on delivery.
    pub carrier: String,
    /// Who pays the postage, and what to do about it.
    pub postage: String,
    /// Customs on the return: only for a shop that takes returns from abroad.
    pub customs: Option<String>,
}

/// The customer's instructions for sending this return.
pub fn sending(policy: &Policy, eligibility: &Eligibility) -> Sending {
    let arranged = policy.return_postage == ReturnPostage::ShopPaysFirstShipment;
    let carrier = match (arranged, policy.returns_from_abroad) {
        (true, _) => "Ask us to book the pickup with the cargo company we have an agreement with: it tracks the \
                      parcel and gets a signature on delivery."
            .to_string(),
        (false, true) => {
            "Send it with a courier (DHL, UPS or registered mail) that tracks the parcel and gets a signature on \
             delivery."
                .to_string()
        }
        (false, false) => {
            "Send it by registered post or a parcel service that tracks the parcel and gets a signature on delivery."
                .to_string()
        }
    };
    let text = &eligibility.postage_text;
    let postage = match (eligibility.postage_paid_by, arranged) {
        (Payer::Shop, true) => format!(
            "{text} Sent with the cargo company we book, it costs you nothing; sent with another carrier, that carrier \
             charges you."
        ),
        (Payer::Shop, false) => format!("{text} Keep the postage receipt: we reimburse it once we confirm the fault."),
        (Payer::Customer, _) => text.clone(),
    };
    let customs = policy.returns_from_abroad.then(|| {
        let deducted =
            if policy.deduct_return_customs { " (any we are charged are deducted from the refund)" } else { "" };
        format!(
            "Customs duties and fees on the return are yours{deducted}. If the parcel crosses a border, ask us for a \
             commercial invoice marked \"returned goods\": it helps reduce the duties."
        )
    });
    Sending { carrier, postage, customs }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::presets::PresetId;
    use crate::returns::eligibility::eligibility;
    use crate::returns::tests::request;

    fn all_text(s: &Sending) -> String {
        format!("{} {} {}", s.carrier, s.postage, s.customs.clone().unwrap_or_default())
    }

    #[test]
    fn the_turkish_store_pays_the_first_shipment_of_any_return() {
        let p = PresetId::TurkishStore.policy();
        // A change of mind on day 14 (delivered 20 December, asked 3 January): still the shop's.
        let choice =
            request(ReturnReason::ChangeOfMind, date(2026, 12, 15), Some(date(2026, 12, 20)), date(2027, 1, 3));
        let (payer, text) = postage(&p, &choice);
        assert_eq!(payer, Payer::Shop, "{text}");
        let defect = request(ReturnReason::Defective, date(2026, 1, 10), Some(date(2026, 1, 12)), date(2026, 6, 30));
        assert_eq!(postage(&p, &defect).0, Payer::Shop, "no time limit on the first shipment");
        let again = request(ReturnReason::SentAgain, date(2026, 12, 15), Some(date(2026, 12, 20)), date(2026, 12, 31));
        let (payer, text) = postage(&p, &again);
        assert_eq!(payer, Payer::Customer);
        assert!(text.contains("sent again by choice"), "{text}");
    }

    #[test]
    fn the_rma_web_shop_refunds_no_return_postage_and_the_others_pay_for_faults() {
        let broken = request(ReturnReason::Defective, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 5));
        assert_eq!(postage(&PresetId::RmaWebShop.policy(), &broken).0, Payer::Customer);
        assert_eq!(postage(&PresetId::Softerspot.policy(), &broken).0, Payer::Shop);
        assert_eq!(postage(&PresetId::LxWatch.policy(), &broken).0, Payer::Shop);
        // KOSPET pays only within 7 days of delivery: 3 November + 7 = 10 November.
        let late = ReturnRequest { requested_on: date(2026, 11, 11), ..broken.clone() };
        assert_eq!(postage(&PresetId::Kospet.policy(), &late).0, Payer::Customer);
        let choice = ReturnRequest { reason: ReturnReason::ChangeOfMind, ..broken };
        assert_eq!(postage(&PresetId::Softerspot.policy(), &choice).0, Payer::Customer);
    }

    #[test]
    fn a_domestic_customer_hears_of_no_customs_couriers_or_borders() {
        let p = PresetId::TurkishStore.policy();
        let r = request(ReturnReason::ChangeOfMind, date(2026, 12, 15), Some(date(2026, 12, 20)), date(2026, 12, 22));
        let s = sending(&p, &eligibility(&p, &r));
        let text = all_text(&s).to_lowercase();
        for word in ["customs", "courier", "border", "duties", "commercial invoice"] {
            assert!(!text.contains(word), "{word}: {text}");
        }
        assert!(s.customs.is_none());
        assert!(s.carrier.contains("cargo company we have an agreement with"), "{}", s.carrier);
        assert!(s.postage.contains("costs you nothing"), "{}", s.postage);
        // The RMA web shop names no country: domestic, by post.
        let web = PresetId::RmaWebShop.policy();
        let s = sending(&web, &eligibility(&web, &r));
        assert!(!all_text(&s).to_lowercase().contains("customs") && s.carrier.contains("registered post"));
    }

    #[test]
    fn the_turkish_stores_rma_message_is_domestic_and_says_the_shop_pays() {
        use crate::customer::CustomerDetails;
        use crate::returns::message::rma_instructions;
        use crate::returns::{RmaCode, RmaKey, RmaValidity};
        use crate::{Currency, Settings};
        let settings = Settings::new(
            "Saat Servisi",
            Currency::from_code("TRY").unwrap(),
            PresetId::TurkishStore,
            "Europe/Istanbul",
        );
        let p = &settings.policy;
        let r = request(ReturnReason::ChangeOfMind, date(2026, 12, 15), Some(date(2026, 12, 20)), date(2026, 12, 22));
        let code = RmaCode::from_sequence(1, &RmaKey::from_bytes([3; RmaKey::LEN])).unwrap();
        let customer = CustomerDetails { name: "Ayşe Yılmaz".into(), ..CustomerDetails::default() };
        let body = rma_instructions(
            &settings,
            &customer,
            &r,
            code,
            RmaValidity::issue(p, r.requested_on),
            &eligibility(p, &r),
        )
        .body;
        let lower = body.to_lowercase();
        for word in ["customs", "courier", "border", "duties", "the customer pays"] {
            assert!(!lower.contains(word), "{word}: {body}");
        }
        assert!(body.contains("The shop pays the return postage of this first shipment"), "{body}");
        // Issued Tuesday 22 December: 5 days is Sunday the 27th, so the parcel may reach the shop on Monday the 28th.
        assert!(body.contains("28"), "{body}");
    }

    #[test]
    fn a_shop_that_takes_returns_from_abroad_explains_customs() {
        let p = PresetId::Kospet.policy();
        let r = request(ReturnReason::DeadOnArrival, date(2026, 11, 1), Some(date(2026, 11, 3)), date(2026, 11, 4));
        let s = sending(&p, &eligibility(&p, &r));
        assert!(s.carrier.contains("courier"));
        let customs = s.customs.expect("KOSPET takes returns from abroad");
        assert!(customs.contains("deducted from the refund") && customs.contains("commercial invoice"), "{customs}");
        assert!(s.postage.contains("Keep the postage receipt"), "{}", s.postage);
        let lx = PresetId::LxWatch.policy();
        assert!(sending(&lx, &eligibility(&lx, &r)).customs.is_some());
    }
}
