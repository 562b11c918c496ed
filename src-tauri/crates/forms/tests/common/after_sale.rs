//! A repaired Seiko at a Hong Kong shop, after the repair: its completion record, photos,
//! Collection Notice, payments, shipping and dispatch. Every amount comes from the domain.

use caseback_domain::after_sale::account::AccountFacts;
use caseback_domain::after_sale::{
    Account, AfterSale, CollectionNotice, Completion, Courier, DeliveryWindow, Dispatch, EntryKind, OldPart, Payment,
    PaymentEntry, PaymentMethod, Release, ReplacedPart, Shipping,
};
use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::TicketPapers;
use caseback_domain::quotation::Quotation;
use caseback_domain::settings::PaperSize;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::Ticket;
use caseback_domain::{Amount, Settings};
use jiff::civil::{date, Date};
use jiff::Timestamp;

use super::{hong_kong_shop, quotation, quote_lines, seiko_details, stored_image, ticket, wang};

pub const NOTICE_ON: Date = date(2026, 11, 30);
/// Three days into the storage fee (free through 7 December).
pub const DISPATCHED_ON: Date = date(2026, 12, 10);
pub const TRACKING: &str = "1Z999AA10123456784";

pub const WORK: &str = "Full service of the 4R35 movement: taken apart, cleaned, oiled and regulated; the broken \
    mainspring replaced. Case and bracelet polished, new sapphire crystal fitted, gaskets renewed and the case \
    pressure-tested to 10 bar. Rate after 48 hours on the timegrapher: +4 s/day.";

/// Everything the after-sale forms are drawn from, as a test changes it; `papers()` puts it
/// together as the store would.
pub struct Case {
    pub settings: Settings,
    pub ticket: Ticket,
    pub customer: CustomerDetails,
    pub quotation: Quotation,
    /// The customer accepted the quotation (both sections).
    pub accepted: bool,
    pub completion: Completion,
    pub photos: Vec<(&'static str, Vec<u8>)>,
    pub notice: Option<CollectionNotice>,
    pub payments: Vec<Payment>,
    pub shipping: Option<Shipping>,
    pub release: Option<Release>,
    pub as_of: Date,
    pub account: Account,
}

impl Case {
    /// The watch is ready: notice issued on [`NOTICE_ON`], a deposit paid, the cosmetic work
    /// accepted, two photos; looked at on `as_of`.
    pub fn ready(paper: PaperSize, as_of: Date) -> Case {
        let settings = hong_kong_shop(paper);
        let ticket = ticket(&settings, 1307, seiko_details());
        let quotation = quotation(&settings, &ticket, quote_lines(true));
        let completion = Completion {
            work_performed: WORK.into(),
            parts: vec![
                ReplacedPart {
                    description: "Mainspring 4R35 (genuine Seiko)".into(),
                    old_part: OldPart::RetainedByShop,
                },
                ReplacedPart {
                    description: "Sapphire crystal with AR coating".into(),
                    old_part: OldPart::ReturnedToCustomer,
                },
            ],
            photos: vec!["a1".repeat(32), "b2".repeat(32)],
            work_kind: None,
        }
        .validated()
        .expect("a valid completion");
        let notice = Some(CollectionNotice::issue(&settings.policy, NOTICE_ON));
        let deposit =
            payment(1, EntryKind::Payment, 50_000, PaymentMethod::Card, "VISA 4242 auth 081532", date(2026, 11, 24));
        let photos = vec![("image/jpeg", photo_jpeg(640, 480)), ("image/png", photo_png(300, 400))];
        let account = Account::of(&settings.policy, &no_facts(as_of));
        let mut case = Case {
            settings,
            ticket,
            customer: wang(),
            quotation,
            accepted: true,
            completion,
            photos,
            notice,
            payments: vec![deposit],
            shipping: None,
            release: None,
            as_of,
            account,
        };
        case.recompute();
        case
    }

    /// Shipping by UPS, insured, signature, with a commercial invoice; paid in full; dispatched.
    pub fn shipped(paper: PaperSize) -> Case {
        let mut case = Case::ready(paper, DISPATCHED_ON);
        let shipping = Shipping {
            courier: Courier::Ups,
            courier_name: String::new(),
            service: "Worldwide Express Saver".into(),
            declared_value: Amount(380_000),
            fee: Amount(18_000),
            insured: true,
            signature: true,
            address: "Flat 12B, Block 3, Laguna City\n8 Cha Kwo Ling Road\nKwun Tong, Kowloon\nHong Kong".into(),
            commercial_invoice: true,
        };
        let repair = Amount(case.quotation.repair.total.0 + case.quotation.cosmetic.total.0);
        let currency = case.settings.currency;
        case.shipping =
            Some(shipping.validated(&case.settings.policy, repair, false, currency).expect("valid shipping"));
        case.recompute();
        case.pay_the_balance(DISPATCHED_ON);
        let dispatch = Release::Dispatched(Dispatch {
            tracking: TRACKING.into(),
            dispatched_on: DISPATCHED_ON,
            window: DeliveryWindow { min_days: 3, max_days: 7 },
        });
        let state = caseback_domain::ticket::TicketState::ReadyForCollection;
        let checked = dispatch
            .validated(state, &case.account, &case.payments, true, currency, DISPATCHED_ON)
            .expect("a valid dispatch");
        case.release = Some(checked);
        case
    }

    /// Takes what is owed by FPS on `on`.
    pub fn pay_the_balance(&mut self, on: Date) {
        let owed = self.account.balance.0;
        let id = self.payments.len() as i64 + 1;
        self.payments.push(payment(id, EntryKind::Payment, owed, PaymentMethod::BankTransfer, "FPS 7781234", on));
        self.recompute();
    }

    pub fn recompute(&mut self) {
        let facts = AccountFacts {
            accepted: self.accepted.then_some((&self.quotation, true)),
            covered: false,
            notice: self.notice.as_ref(),
            shipping: self.shipping.as_ref(),
            payments: &self.payments,
            as_of: self.as_of,
        };
        self.account = Account::of(&self.settings.policy, &facts);
    }

    /// The ticket's papers, the account as [`Case::recompute`] left it.
    pub fn papers(&self) -> TicketPapers {
        let completed_at: Timestamp = "2026-11-29T16:00:00Z".parse().unwrap();
        let after_sale = AfterSale {
            completion: Some((self.completion.clone(), completed_at)),
            notice: self.notice,
            payments: self.payments.clone(),
            shipping: self.shipping.clone(),
            // The watch leaves on the day its account is counted to.
            release: self.release.clone().map(|r| (r, self.as_of)),
            accepted: self.accepted.then(|| (self.quotation.clone(), true)),
            covered: false,
            as_of: self.as_of,
            account: self.account.clone(),
        };
        TicketPapers {
            settings: self.settings.clone(),
            ticket: self.ticket.clone(),
            customer: self.customer.clone(),
            received_by: "Mei Chan".into(),
            logo: None,
            quotation: Some(self.quotation.clone()),
            refused: false,
            assessment: None,
            after_sale,
            after_photos: self.photos.iter().map(|(media_type, bytes)| stored_image(media_type, bytes)).collect(),
            readings_before: None,
            readings_after: None,
            service_warranty: None,
            signatures: Vec::new(),
        }
    }
}

fn no_facts(as_of: Date) -> AccountFacts<'static> {
    AccountFacts { accepted: None, covered: false, notice: None, shipping: None, payments: &[], as_of }
}

pub fn payment(id: i64, kind: EntryKind, cents: i64, method: PaymentMethod, reference: &str, on: Date) -> Payment {
    Payment {
        id,
        entry: PaymentEntry { kind, amount: Amount(cents), method, reference: reference.into() },
        paid_on: on,
        staff: StaffId(1),
    }
}

/// A watch-like picture: a dial on a coloured ground, so a photo is recognisable when viewed.
fn watch(w: u32, h: u32, ground: [u8; 3]) -> image::RgbImage {
    let (cx, cy, r) = (w as f32 / 2.0, h as f32 / 2.0, w.min(h) as f32 * 0.36);
    image::RgbImage::from_fn(w, h, |x, y| {
        let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
        let hand = (x as f32 - cx).abs() < 3.0 && (y as f32) < cy && d < r * 0.8;
        if d < r * 0.06 || hand {
            image::Rgb([20, 20, 24])
        } else if d < r {
            image::Rgb([235, 232, 220])
        } else if d < r * 1.12 {
            image::Rgb([160, 160, 168])
        } else {
            image::Rgb(ground)
        }
    })
}

pub fn photo_jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    watch(w, h, [31, 78, 95]).write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Jpeg).unwrap();
    bytes
}

pub fn photo_png(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    watch(w, h, [120, 70, 40]).write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    bytes
}
