//! A smartwatch bought online and sent back: the request, the RMA, the package, the
//! inspection and a partial refund by wear, built with the domain's own rules.

use caseback_domain::customer::{CustomerDetails, CustomerId};
use caseback_domain::papers::ReturnPapers;
use caseback_domain::returns::{
    eligibility, inspection_due, refund_due, Arrival, Checklist, Decision, DecisionRecord, Inspection, Package,
    PackageReceipt, Payer, RefundMethod, RequestChannel, ReturnCase, ReturnId, ReturnReason, ReturnRequest,
    ReturnState, RmaCode, RmaIssue, RmaKey, RmaValidity, WearGrade,
};
use caseback_domain::{Amount, Currency, Percent, Settings};
use jiff::civil::{date, Date};

use super::after_sale::{photo_jpeg, photo_png};
use super::stored_image;

pub const ORDER: &str = "CW-41037";
/// The staff member who inspected the return.
pub const INSPECTOR: &str = "Mehmet Öztürk";
pub const REQUESTED_ON: Date = date(2026, 11, 10);
pub const ARRIVED_ON: Date = date(2026, 11, 13);
pub const DECIDED_ON: Date = date(2026, 11, 16);

pub const DETAILS: &str = "The strap clasp scratches my wrist and the watch is heavier than I expected. I tried it \
    on for an afternoon only; everything is back in the box with the films.";

pub const NOTES: &str = "Protective film on the screen peeled at one corner; faint marks on the clasp from \
    wearing. Powers on, pairs with a phone, heart-rate sensor and charging work.";

pub fn ayse() -> CustomerDetails {
    CustomerDetails {
        name: "Ayşe Yılmaz".into(),
        phone: "+90 532 418 27 90".into(),
        email: "ayse.yilmaz@example.com.tr".into(),
        address: "Atatürk Bulvarı No: 45 D: 7, Çankaya, 06690 Ankara".into(),
    }
}

/// The KOSPET Tank T3 Ultra, order CW-41037, USD 100.00 paid by card, returned by choice.
pub fn request() -> ReturnRequest {
    ReturnRequest {
        order_number: ORDER.into(),
        product: "KOSPET Tank T3 Ultra".into(),
        model: "T3U-BLK-47".into(),
        serial: String::new(),
        category: String::new(),
        currency: Currency::from_code("USD").unwrap(),
        purchase_price: Amount(10_000),
        original_shipping: Amount(1_200),
        insurance_paid: Amount(300),
        paid_with: RefundMethod::OriginalCard,
        purchase_date: date(2026, 11, 2),
        delivery_date: Some(date(2026, 11, 5)),
        reason: ReturnReason::ChangeOfMind,
        details: DETAILS.into(),
        colour_claim: false,
        opened: false,
        used: Some(false),
        requested_on: REQUESTED_ON,
        channel: RequestChannel::Email,
        wants: caseback_domain::returns::Remedy::Refund,
        media: vec![],
    }
}

/// Everything the return forms are drawn from, as a test changes it; `papers()` puts it
/// together as the store would.
pub struct Return {
    pub settings: Settings,
    pub case: ReturnCase,
    pub customer: Option<CustomerDetails>,
    pub photos: Vec<(&'static str, Vec<u8>)>,
    /// Who recorded the inspection, as the log says.
    pub inspected_by: String,
}

impl Return {
    /// The request only: no RMA yet.
    pub fn requested(settings: Settings, customer: Option<CustomerDetails>) -> Return {
        let case = ReturnCase {
            id: ReturnId(12),
            ..ReturnCase::new(customer.as_ref().map(|_| CustomerId(7)), ReturnState::Requested, Some(request()))
        };
        Return { settings, case, customer, photos: Vec::new(), inspected_by: INSPECTOR.into() }
    }

    /// Authorized on the request day with the shop's first RMA code (under a fixed test key).
    pub fn authorized(settings: Settings, customer: Option<CustomerDetails>) -> Return {
        let mut r = Return::requested(settings, customer);
        let validity = RmaValidity::issue(&r.settings.policy, REQUESTED_ON);
        let code = RmaCode::from_sequence(1, &RmaKey::from_bytes([7; RmaKey::LEN])).unwrap();
        r.case.rma = Some(RmaIssue { code, validity, override_reason: None });
        r.case.state = ReturnState::Authorized;
        r
    }

    /// Received with its code, inspected with two checks failed and light wear, and given
    /// the policy's suggested partial refund by card.
    pub fn decided(settings: Settings, customer: Option<CustomerDetails>) -> Return {
        let mut r = Return::authorized(settings, customer);
        let policy = &r.settings.policy;
        r.case.receipt = Some(PackageReceipt {
            received_on: ARRIVED_ON,
            arrival: Arrival::ValidRma,
            package: Package {
                sender: "Ayşe Yılmaz".into(), tracking: "7291 0456 8812".into(), notes: String::new()
            },
            hold_until: None,
            inspection_due: Some(inspection_due(policy, ARRIVED_ON)),
            accepted_late: None,
            linked_from: None,
        });
        let checklist = Checklist {
            rma_matches: true,
            films_intact: false,
            no_signs_of_use: false,
            packaging_complete: true,
            accessories_complete: true,
            functional_test_passed: true,
        };
        let wear = WearGrade::Light;
        r.case.inspection =
            Some(Inspection { checklist, wear, notes: NOTES.into(), photos: vec!["c3".repeat(32), "d4".repeat(32)] });
        r.photos = vec![("image/jpeg", photo_jpeg(640, 480)), ("image/png", photo_png(300, 400))];
        r.decide(Decision::PartialRefund {
            percent: wear.suggested_partial(policy),
            method: RefundMethod::OriginalCard,
        });
        r
    }

    /// Records `decision`, settled by the domain's arithmetic, on [`DECIDED_ON`].
    pub fn decide(&mut self, decision: Decision) {
        let policy = &self.settings.policy;
        let request = self.case.request.as_ref().unwrap();
        let shop_pays = eligibility(policy, request).postage_paid_by == Payer::Shop;
        let settlement = decision.settle(policy, request, shop_pays).expect("a decision the policy allows");
        let due = (settlement.method.is_some()).then(|| refund_due(policy, DECIDED_ON));
        self.case.decision = Some(DecisionRecord { decision, settlement, decided_on: DECIDED_ON, due });
        self.case.state = ReturnState::RefundDue;
    }

    pub fn code(&self) -> String {
        self.case.rma.as_ref().unwrap().code.to_string()
    }

    pub fn valid_through(&self) -> Date {
        self.case.rma.as_ref().unwrap().validity.valid_through
    }

    pub fn papers(&self) -> ReturnPapers {
        ReturnPapers {
            settings: self.settings.clone(),
            case: self.case.clone(),
            customer: self.customer.clone(),
            logo: None,
            inspection_photos: self.photos.iter().map(|(media_type, bytes)| stored_image(media_type, bytes)).collect(),
            inspected_by: self.inspected_by.clone(),
        }
    }
}

/// A refund percentage in the policy's range, for tests that pick their own.
pub fn percent(whole: u32) -> Percent {
    Percent::from_whole(whole)
}
