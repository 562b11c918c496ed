//! Signatures given on the screen, on both engines: each bound to its ticket and document
//! (an acceptance to its quotation's revision), given once, never edited, in the ticket's
//! history with who held the screen and on which computer, and on the ticket's papers.

use caseback_domain::after_sale::{
    Collection, Completion, EntryKind, OldPart, PaymentEntry, PaymentMethod, Release, ReplacedPart,
};
use caseback_domain::event::{Action, Subject};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuoteLine, Section};
use caseback_domain::signature::SignedDocument;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::{TicketId, TicketState};
use caseback_domain::{Amount, Code};
use caseback_store::{fixture, Shop};
use jiff::Timestamp;

fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

/// A small PNG whose pixels differ with `mark` (each a different picture).
fn ink(mark: &str) -> Vec<u8> {
    let shade = mark.bytes().fold(0u8, |a, b| a.wrapping_add(b));
    let img = image::RgbImage::from_fn(40, 12, |x, _| image::Rgb([shade, (x * 6) as u8, 80]));
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    png
}

fn approved(shop: &mut Shop, by: StaffId, channel: ConfirmationChannel) -> TicketId {
    let id = shop.book_intake(by, &fixture::numbered_intake(1), &[], nov(2)).unwrap().id;
    let line = QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Service".into(),
        quantity: Quantity::ONE,
        unit_price: Amount(50_000),
        taxable: false,
        part: None,
    };
    fixture::quote_and_accept(shop, by, id, vec![line], channel, nov(3), nov(4));
    id
}

#[test]
fn the_intake_receipt_is_signed_once_and_the_signature_stays_as_given() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        shop.set_computer("Counter");
        let id = shop.book_intake(by, &fixture::numbered_intake(1), &[], nov(2)).unwrap().id;
        let signed = shop.sign(by, id, SignedDocument::IntakeReceipt, " Chan Tai Man ", &ink("first"), nov(2)).unwrap();
        assert_eq!((signed.signer.as_str(), signed.computer.as_str()), ("Chan Tai Man", "Counter"));
        assert_eq!(signed.staff, fixture::STAFF);
        let (media, bytes) = shop.attachment(&signed.image).unwrap();
        assert_eq!((media.as_str(), bytes), ("image/png", ink("first")));

        let again =
            shop.sign(by, id, SignedDocument::IntakeReceipt, "Someone else", &ink("second"), nov(3)).unwrap_err();
        assert_eq!(again.code(), Code::AlreadySigned);
        assert!(again.to_string().starts_with("The intake receipt was signed by Chan Tai Man on"), "{again}");
        assert_eq!(shop.signatures(id).unwrap(), std::slice::from_ref(&signed), "the first stays");

        // Not even the database moves it to another document.
        let moved = shop.db().exec("UPDATE signatures SET document = 'collection_receipt'", &[]);
        assert!(moved.unwrap_err().to_string().contains("never edited or moved"));

        let history = shop.history_by_computer(Subject::Ticket, &shop.ticket(id).unwrap().number.to_string()).unwrap();
        let (event, computer) = history.iter().find(|(e, _)| e.action == Action::DocumentSigned).unwrap();
        assert_eq!(computer, "Counter");
        let currency = shop.settings().unwrap().currency;
        assert_eq!(
            event.sentence(currency, Default::default()),
            "The intake receipt signed on the screen by Chan Tai Man"
        );
        let papers = shop.ticket_papers(id, nov(3), false).unwrap();
        let (on_paper, image) = papers.signature(SignedDocument::IntakeReceipt).unwrap();
        assert_eq!((on_paper, &image.bytes), (&signed, &ink("first")));
        assert!(shop.sign(by, id, SignedDocument::IntakeReceipt, "X", b"GIF89a", nov(3)).is_err(), "a PNG only");
        let mut cut = ink("cut");
        cut.truncate(cut.len() / 2);
        let other = shop.book_intake(by, &fixture::numbered_intake(2), &[], nov(2)).unwrap().id;
        let refused = shop.sign(by, other, SignedDocument::IntakeReceipt, "Chan", &cut, nov(3)).unwrap_err();
        assert!(refused.to_string().contains("did not arrive whole"), "{refused}");
        assert!(shop.signatures(other).unwrap().is_empty(), "nothing kept of a picture cut short");
        let gone = shop.db().exec("DELETE FROM signatures", &[]);
        assert!(gone.unwrap_err().to_string().contains("never deleted"));
    });
}

#[test]
fn an_acceptance_is_signed_only_when_given_in_the_shop_and_is_bound_to_its_revision() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let by_email = approved(shop, by, ConfirmationChannel::EmailReply);
        let refused = shop.sign(by, by_email, SignedDocument::QuotationAcceptance, "Chan", &ink("a"), nov(4));
        assert!(refused.unwrap_err().to_string().contains("from outside the shop"));
        assert!(shop.signatures(by_email).unwrap().is_empty());
    });
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = approved(shop, by, ConfirmationChannel::SignedInStore);
        let signed = shop.sign(by, id, SignedDocument::QuotationAcceptance, "Chan", &ink("a"), nov(4)).unwrap();
        let number = shop.quotations(id).unwrap()[0].quotation.number.to_string();
        assert_eq!(signed.reference, number);
        let papers = shop.ticket_papers(id, nov(4), false).unwrap();
        assert!(papers.signature(SignedDocument::QuotationAcceptance).is_some(), "on the quotation it accepted");
    });
}

#[test]
fn the_collection_receipt_is_signed_after_the_watch_is_handed_over() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = approved(shop, by, ConfirmationChannel::EmailReply);
        shop.move_ticket(by, id, TicketState::InRepair, nov(5)).unwrap();
        let photo = shop.store_photo(by, "after.png", b"\x89PNG\r\n\x1a\nrepaired", nov(6)).unwrap();
        let completion = Completion {
            work_performed: "Serviced".into(),
            parts: vec![ReplacedPart { description: "Mainspring".into(), old_part: OldPart::RetainedByShop }],
            photos: vec![photo.sha256],
            work_kind: None,
        };
        shop.complete_repair(by, id, &completion, nov(6)).unwrap();
        let early = shop.sign(by, id, SignedDocument::CollectionReceipt, "Chan", &ink("c"), nov(6)).unwrap_err();
        assert!(early.to_string().contains("Record the collection first"), "{early}");
        let payment = PaymentEntry {
            kind: EntryKind::Payment,
            amount: Amount(50_000),
            method: PaymentMethod::Cash,
            reference: String::new(),
        };
        shop.record_payment(by, id, &payment.into(), nov(7)).unwrap();
        let release = Release::Collected(Collection { collected_by: "Chan Tai Man".into(), confirmation_shown: true });
        shop.release(by, id, &release, nov(7)).unwrap();
        let signed = shop.sign(by, id, SignedDocument::CollectionReceipt, "Chan Tai Man", &ink("c"), nov(7)).unwrap();
        assert_eq!(signed.document, SignedDocument::CollectionReceipt);
        // The ticket is closed: nothing else is signed on it now.
        let closed = shop.sign(by, id, SignedDocument::IntakeReceipt, "Chan", &ink("i"), nov(7)).unwrap_err();
        assert!(closed.to_string().contains("closed"));
    });
}
