use super::*;
use crate::after_sale::{Collection, Release};
use crate::ticket::TicketNumber;

fn answer(channel: ConfirmationChannel) -> WrittenAnswer {
    WrittenAnswer { channel, reference: "at the counter".into(), scan: None, cosmetic_accepted: false }
}

fn number() -> QuotationNumber {
    QuotationNumber { ticket: TicketNumber { year: 2026, seq: 12, branch: None }, revision: 2 }
}

fn facts<'a>(
    state: TicketState,
    answered: Option<(QuotationNumber, bool, &'a WrittenAnswer)>,
    release: Option<&'a Release>,
) -> SigningFacts<'a> {
    SigningFacts { state, answered, release }
}

#[test]
fn the_intake_receipt_is_signed_while_the_ticket_is_open() {
    let ok = check(SignedDocument::IntakeReceipt, " Chan Tai Man ", facts(TicketState::Received, None, None)).unwrap();
    assert_eq!(ok, (String::new(), "Chan Tai Man".to_string()));
    let err = check(SignedDocument::IntakeReceipt, "Chan", facts(TicketState::Collected, None, None)).unwrap_err();
    assert!(err.to_string().contains("closed"), "{err}");
    let err = check(SignedDocument::IntakeReceipt, "  ", facts(TicketState::Received, None, None)).unwrap_err();
    assert_eq!(err.fields()[0].field, "signer");
}

#[test]
fn a_quotation_acceptance_is_signed_only_when_accepted_in_the_shop_and_is_bound_to_its_revision() {
    let in_store = answer(ConfirmationChannel::SignedInStore);
    let by_email = answer(ConfirmationChannel::EmailReply);
    let (reference, _) = check(
        SignedDocument::QuotationAcceptance,
        "Chan",
        facts(TicketState::Approved, Some((number(), true, &in_store)), None),
    )
    .unwrap();
    assert_eq!(reference, "Q-2026-00012-2", "bound to that revision");
    for answered in [None, Some((number(), false, &in_store)), Some((number(), true, &by_email))] {
        let err = check(SignedDocument::QuotationAcceptance, "Chan", facts(TicketState::Approved, answered, None));
        assert_eq!(err.unwrap_err().code(), Code::FormNotApplicable);
    }
}

#[test]
fn the_collection_receipt_is_signed_once_the_watch_was_collected() {
    let collected = Release::Collected(Collection { collected_by: "Chan".into(), confirmation_shown: true });
    assert!(
        check(SignedDocument::CollectionReceipt, "Chan", facts(TicketState::Collected, None, Some(&collected))).is_ok()
    );
    let err = check(SignedDocument::CollectionReceipt, "Chan", facts(TicketState::ReadyForCollection, None, None))
        .unwrap_err();
    assert!(err.to_string().contains("Record the collection first"), "{err}");
}

#[test]
fn only_a_png_of_modest_size_is_taken() {
    let png = |bytes: Vec<u8>| Image { media_type: "image/png".into(), bytes };
    let mut ok = b"\x89PNG\r\n\x1a\n".to_vec();
    ok.extend([0; 100]);
    assert!(check_image(&png(ok.clone())).is_ok());
    assert!(check_image(&png(b"GIF89a".to_vec())).is_err());
    assert!(check_image(&Image { media_type: "image/jpeg".into(), bytes: ok.clone() }).is_err());
    ok.resize(MAX_IMAGE_BYTES + 1, 0);
    assert!(check_image(&png(ok)).is_err());
}

#[test]
fn a_second_signature_is_refused_with_who_signed_and_when() {
    let existing = Signature {
        document: SignedDocument::CollectionReceipt,
        reference: String::new(),
        signer: "Chan Tai Man".into(),
        signed_at: "2026-12-31T15:00:00Z".parse().unwrap(),
        computer: "Counter".into(),
        staff: "Mei".into(),
        image: "ab".into(),
    };
    let err = refuse_second(&existing, |_| "31 Dec 2026".into());
    assert_eq!(err.code(), Code::AlreadySigned);
    assert_eq!(
        err.to_string(),
        "The collection receipt was signed by Chan Tai Man on 31 Dec 2026: a signature stays with its document and is not given again."
    );
}

#[test]
fn each_document_prints_on_its_form() {
    assert_eq!(SignedDocument::IntakeReceipt.form(), FormKind::IntakeReceipt);
    assert_eq!(SignedDocument::QuotationAcceptance.form(), FormKind::Quotation);
    assert_eq!(SignedDocument::CollectionReceipt.form(), FormKind::PaymentReceipt);
}
