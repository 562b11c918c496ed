//! Realistic shops, customers and tickets, and the papers the forms are drawn from; the
//! tools that read forms back are in `read_back`.
// The example and the benches include this module too, and each uses only some of it.
#![allow(dead_code)]

pub mod after_sale;
mod read_back;
pub mod readings;
pub mod returns;

// The benches read nothing back.
#[allow(unused_imports)]
pub use read_back::*;

use std::sync::OnceLock;

use caseback_domain::after_sale::AfterSale;
use caseback_domain::customer::{CustomerDetails, CustomerId};
use caseback_domain::device::{Device, DeviceKind, PurchaseRecord};
use caseback_domain::intake::{assess, Accessory, Arrival, ConditionFlag, IntakeDetails};
use caseback_domain::papers::{Image, TicketPapers};
use caseback_domain::presets::PresetId;
use caseback_domain::quotation::{LineKind, Quantity, Quotation, QuotationDraft, QuoteLine, Section};
use caseback_domain::settings::PaperSize;
use caseback_domain::settings::Tax;
use caseback_domain::ticket::{Ticket, TicketId};
use caseback_domain::ticket::{TicketNumber, TicketState};
use caseback_domain::warranty::Voiding;
use caseback_domain::{Amount, Currency, Percent, Settings};
use caseback_forms::Fonts;
use jiff::civil::{date, Date};

pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load().unwrap_or_else(|e| panic!("{e} (run scripts/install-deps)")))
}

pub const TERMS: &str = "We assess the watch within the stated days and send a written quotation; no work starts \
    without your written approval. Quotations are valid for 14 days. Watches not collected within 30 days of the \
    repair being ready are charged a daily storage fee. Water resistance cannot be guaranteed after the case has \
    been opened. Bring this receipt or quote the ticket number when collecting.";

/// A date as `settings` write it after a weekday, as the forms' sentences do: "Monday 7
/// December 2026", "Monday 07.12.2026".
pub fn long(settings: &Settings, d: Date) -> String {
    format!("{} {}", d.strftime("%A"), settings.date_style.format(d))
}

/// A date as the forms' cells write it: "Mon 07.12.2026".
pub fn short(settings: &Settings, d: Date) -> String {
    format!("{} {}", d.strftime("%a"), settings.date_style.format(d))
}

/// `settings` writing amounts and dates the Turkish way, 12.499,00 and 01.12.2026, set as the
/// Settings screen sets them.
pub fn in_turkish_style(settings: Settings) -> Settings {
    settings
        .apply([("money.number_style", "comma_decimals"), ("forms.date_style", "day_dots")])
        .expect("the Turkish styles are valid settings")
}

pub fn turkish_shop(paper: PaperSize) -> Settings {
    let try_ = Currency::from_code("TRY").unwrap();
    let mut s = Settings::new("Saat Servisi Kadıköy", try_, PresetId::TurkishStore, "Europe/Istanbul");
    s.shop.address = "Caferağa Mah. Moda Cad. No: 12/3, 34710 Kadıköy / İstanbul".into();
    s.shop.phone = "+90 216 555 01 42".into();
    s.shop.email = "servis@saatservisi.com.tr".into();
    s.shop.whatsapp = "+90 532 555 01 42".into();
    s.shop.tax_id = "Kadıköy VD 1234567890".into();
    s.shop.terms = TERMS.into();
    s.shop.payment_details = "Garanti BBVA, Saat Servisi Ltd. Şti.\nIBAN TR12 0006 2000 1234 0006 2987 65".into();
    s.tax = Tax { name: "KDV".into(), rate: Percent::from_whole(20) };
    s.paper = paper;
    // The store's seed states no storage fee and no partial refund, so its preset turns them
    // off; this shop charges storage and refunds by wear as Caseback's defaults do, so that
    // the forms that print them are read in Turkish too.
    let defaults = caseback_domain::Policy::default();
    s.policy.storage_fee_per_day = defaults.storage_fee_per_day;
    s.policy.partial_refund_min = defaults.partial_refund_min;
    s.policy.partial_refund_max = defaults.partial_refund_max;
    s
}

pub fn hong_kong_shop(paper: PaperSize) -> Settings {
    let hkd = Currency::from_code("HKD").unwrap();
    let mut s = Settings::new("Lx Watch Repair", hkd, PresetId::LxWatch, "Asia/Hong_Kong");
    s.shop.address = "Shop 14, 2/F, Sino Centre, 582-592 Nathan Road, Mong Kok, Kowloon".into();
    s.shop.phone = "+852 2388 0101".into();
    s.shop.email = "service@lx-watch.hk".into();
    s.shop.tax_id = "BR 61234567".into();
    s.shop.terms = TERMS.into();
    s.shop.payment_details = "FPS 1234567 (Lx Watch Repair) or HSBC 004-123-456789-001; PayPal pay@lx-watch.hk".into();
    s.paper = paper;
    s
}

pub fn cagri() -> CustomerDetails {
    CustomerDetails {
        name: "Çağrı Öztürk".into(),
        phone: "+90 542 341 5194".into(),
        email: "cagri.ozturk@example.com.tr".into(),
        address: "Bağdat Cad. No: 214 D: 9, Şaşkınbakkal, 34728 Kadıköy / İstanbul".into(),
    }
}

pub fn wang() -> CustomerDetails {
    CustomerDetails {
        name: "王小明".into(),
        phone: "+852 9123 4567".into(),
        email: "xm.wang@example.cn".into(),
        address: "九龍旺角彌敦道 580 號 12 樓".into(),
    }
}

pub const RECEIVED_ON: Date = date(2026, 11, 20);

pub fn kospet_details() -> IntakeDetails {
    IntakeDetails {
        device: Device {
            kind: Some(DeviceKind::Smartwatch),
            brand: "KOSPET".into(),
            model: "Tank T3 Ultra".into(),
            serial: "KP-2291-0042".into(),
            item_code: "T3U-BLK-47".into(),
            colour: "Black".into(),
        },
        purchase: PurchaseRecord {
            order_number: "TY-88213407".into(),
            purchase_date: Some(date(2026, 3, 2)),
            delivery_date: Some(date(2026, 3, 5)),
            proof_seen: true,
        },
        fault: "Does not charge on the magnetic cable; the battery drains from 100% to 0% in about six hours even \
                with the screen off. Şarj olmuyor, ekran ışığı titriyor."
            .into(),
        tried: "Cleaned the charging pins with alcohol, tried a second cable and a different USB adapter, factory \
                reset from the settings menu."
            .into(),
        accessories: vec![Accessory::Strap, Accessory::Charger, Accessory::Box],
        accessories_other: "Spare silicone strap".into(),
        condition: vec![ConditionFlag::Scratches],
        condition_notes: "Light scratches on the bezel at 2 o'clock; glass intact.".into(),
        arrival: Arrival::WalkIn,
        voiding: Voiding::default(),
    }
}

pub fn seiko_details() -> IntakeDetails {
    IntakeDetails {
        device: Device {
            kind: Some(DeviceKind::Mechanical),
            brand: "Seiko".into(),
            model: "Presage SRPB41J1 Cocktail Time".into(),
            serial: "4R35-00A0 9N1234".into(),
            item_code: String::new(),
            colour: "Blue dial, steel".into(),
        },
        purchase: PurchaseRecord::default(),
        fault: "Stops overnight; loses about 40 seconds a day when worn.".into(),
        tried: String::new(),
        accessories: vec![],
        accessories_other: String::new(),
        condition: vec![ConditionFlag::Scratches, ConditionFlag::OpenedBefore],
        condition_notes: String::new(),
        arrival: Arrival::MailIn { carrier: "SF Express".into(), tracking: "SF1402938475631".into() },
        voiding: Voiding::default(),
    }
}

pub fn ticket(settings: &Settings, seq: u32, details: IntakeDetails) -> Ticket {
    let (warranty, assessment_due) = assess(&settings.policy, &details, RECEIVED_ON, None);
    Ticket {
        id: TicketId(i64::from(seq)),
        number: TicketNumber { branch: None, year: 2026, seq },
        state: TicketState::Received,
        customer: CustomerId(7),
        details,
        warranty,
        received_at: "2026-11-20T08:15:00Z".parse().unwrap(),
        received_on: RECEIVED_ON,
        assessment_due,
        photos: vec![],
    }
}

/// A ticket's papers as at intake: nothing quoted, assessed or done after the repair yet,
/// no logo. A test adds what its form is about.
pub fn papers(settings: &Settings, ticket: &Ticket, customer: &CustomerDetails) -> TicketPapers {
    TicketPapers {
        settings: settings.clone(),
        ticket: ticket.clone(),
        customer: customer.clone(),
        received_by: String::new(),
        logo: None,
        quotation: None,
        refused: false,
        assessment: None,
        after_sale: nothing_after_the_repair(settings, ticket.received_on),
        after_photos: Vec::new(),
        readings_before: None,
        readings_after: None,
        service_warranty: None,
        signatures: Vec::new(),
    }
}

/// No completion, notice, payment, shipping or release, and so nothing on the account.
pub fn nothing_after_the_repair(settings: &Settings, on: Date) -> AfterSale {
    AfterSale::of(&settings.policy, None, None, Vec::new(), None, None, None, false, on)
}

/// An image as the store keeps it, e.g. `stored_image("image/png", &logo_png())`.
pub fn stored_image(media_type: &str, bytes: &[u8]) -> Image {
    Image { media_type: media_type.into(), bytes: bytes.to_vec() }
}

/// A 240 x 96 PNG with transparency: a ring and a bar, like a small shop's logo.
pub fn logo_png() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(240, 96, |x, y| {
        let ring = ((x as f32 - 48.0).powi(2) + (y as f32 - 48.0).powi(2)).sqrt();
        if (30.0..40.0).contains(&ring) || (x > 100 && (40..56).contains(&y)) {
            image::Rgba([31, 78, 95, 255])
        } else {
            image::Rgba([255, 255, 255, 0])
        }
    });
    let mut bytes = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    bytes
}

pub const ISSUED_ON: Date = date(2026, 11, 23);

/// A realistic repair: a new movement part, labour, a non-taxable shipping line, and
/// optional cosmetic work when `cosmetic`.
pub fn quote_lines(cosmetic: bool) -> Vec<QuoteLine> {
    let line = |kind, section, description: &str, quantity, unit_price, taxable| QuoteLine {
        kind,
        section,
        description: description.into(),
        quantity: Quantity(quantity),
        unit_price: Amount(unit_price),
        taxable,
        part: None,
    };
    let mut lines = vec![
        line(LineKind::InspectionFee, Section::Repair, "Movement inspection and diagnosis", 100, 25_000, true),
        line(LineKind::Part, Section::Repair, "Mainspring 4R35 (genuine Seiko part, ordered)", 100, 48_050, true),
        line(LineKind::Labour, Section::Repair, "Full service: clean, oil, regulate; şarj ve ayar", 150, 60_000, true),
        line(
            LineKind::PartSourcingFee,
            Section::Repair,
            "Sourcing the mainspring from the distributor",
            100,
            7_500,
            true,
        ),
        line(LineKind::Shipping, Section::Repair, "Insured return shipping", 100, 12_000, false),
    ];
    if cosmetic {
        lines.push(line(
            LineKind::Labour,
            Section::Cosmetic,
            "Polish case and bracelet, brushed finish",
            100,
            35_000,
            true,
        ));
        lines.push(line(LineKind::Part, Section::Cosmetic, "Sapphire crystal with AR coating", 100, 90_000, true));
    }
    lines
}

/// `lines` issued as revision 1 of the ticket's quotation on [`ISSUED_ON`].
pub fn quotation(settings: &Settings, ticket: &Ticket, lines: Vec<QuoteLine>) -> Quotation {
    QuotationDraft { lines, timeline_working_days: 7, parts_returned: false }
        .issue(ticket.number, 1, &settings.policy, settings.tax.rate, ISSUED_ON)
        .expect("a valid draft")
}

/// `n` numbered repair lines, "Line 01 ..." onwards, every third without tax, every fourth
/// long enough to wrap.
pub fn many_lines(n: usize) -> Vec<QuoteLine> {
    (1..=n)
        .map(|i| QuoteLine {
            kind: LineKind::ALL[i % LineKind::ALL.len()],
            section: Section::Repair,
            description: if i % 4 == 0 {
                format!("Line {i:02}: replace component number {i}, with removal, cleaning of its seat, fitting and a timing check")
            } else {
                format!("Line {i:02}: replace and adjust component number {i}")
            },
            quantity: Quantity(100 + 50 * (i as u32 % 3)),
            unit_price: Amount(1_000 * i as i64 + 99),
            taxable: i % 3 != 0,
            part: None,
        })
        .collect()
}
