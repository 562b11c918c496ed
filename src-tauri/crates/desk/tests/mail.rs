//! Forms e-mailed through the shop's mail server, as the window will ask for them, against a
//! real SMTP server the test starts (aiosmtpd on a loopback port): the quotation goes with
//! the message the Quotations card shows and its PDF, which opens; RMA instructions go from
//! a return; the account is refused at its fields and its password never shown.

use std::process::Command;
use std::sync::Arc;

use caseback_desk::{Desk, MailAccountForm, PaperFor};
use caseback_domain::outbox::account::Security;
use caseback_domain::outbox::OutboxState;
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::quotation::{ConfirmationChannel, LineKind, Quantity, QuoteLine, Section};
use caseback_domain::{Amount, Code};
use caseback_store::fixture;
use caseback_store::fixture::smtp::{self, SmtpServer};
use jiff::Timestamp;
use mail_parser::{MessageParser, MimeHeaders};

fn now() -> Timestamp {
    "2026-11-04T02:00:00Z".parse().unwrap()
}

/// A return requested on the 8th is of a watch delivered on the 6th (the fixture's request).
fn nov_8() -> Timestamp {
    "2026-11-08T02:00:00Z".parse().unwrap()
}

fn account_form(port: u16) -> MailAccountForm {
    MailAccountForm {
        host: "127.0.0.1".into(),
        port: port.to_string(),
        security: Security::None,
        user: smtp::USER.into(),
        from_address: "desk@kowloontime.hk".into(),
        from_name: "Kowloon Time Care".into(),
        password: Some(smtp::PASSWORD.into()),
    }
}

fn line() -> QuoteLine {
    QuoteLine {
        kind: LineKind::Labour,
        section: Section::Repair,
        description: "Full service".into(),
        quantity: Quantity::ONE,
        unit_price: Amount(80_000),
        taxable: false,
        part: None,
    }
}

/// The attachment written out, checked whole by qpdf and read by pdftotext.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attached.pdf");
    std::fs::write(&path, pdf).unwrap();
    let check = Command::new("qpdf").arg("--check").arg(&path).output().expect("qpdf: run scripts/install-deps");
    assert!(check.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&check.stdout));
    let text = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&text.stdout).into_owned()
}

#[test]
fn a_quotation_is_emailed_with_its_message_and_a_pdf_that_opens() {
    let (_dir, shop, by) = fixture::temp_shop(now());
    let mut desk = Desk::new(shop, Arc::new(now));
    let server = SmtpServer::start(smtp::free_port(), &[]);
    desk.save_mail_account(&account_form(server.port)).unwrap();
    let ticket = desk.book_intake(by, &fixture::numbered_intake(1), &[]).unwrap();
    fixture::quote_and_accept(
        desk.shop_mut(),
        by,
        ticket.id,
        vec![line()],
        ConfirmationChannel::EmailReply,
        now(),
        now(),
    );

    let queued = desk.email_form(by, PaperFor::Ticket(ticket.id, FormKind::Quotation)).unwrap();
    assert_eq!((queued.waiting, queued.messages.len()), (1, 1));
    assert_eq!(queued.messages[0].state, OutboxState::Queued);
    assert_eq!(queued.messages[0].recipient, "customer1@example.com");
    let round = desk.send_outbox().unwrap();
    assert_eq!((round.sent, round.text.as_str()), (1, "1 sent"));

    let shown = serde_json::to_value(desk.quotations(ticket.id).unwrap()).unwrap();
    let message = &shown["quotations"][0]["message"];
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].recipients, ["customer1@example.com"]);
    let mail = MessageParser::default().parse(&received[0].raw).unwrap();
    assert_eq!(mail.subject(), message["subject"].as_str(), "the message the Quotations card shows");
    let text = mail.body_text(0).unwrap();
    assert_eq!(text.replace("\r\n", "\n").trim_end(), message["body"].as_str().unwrap().trim_end());
    let pdf = mail.attachments().next().expect("the quotation attached");
    assert_eq!(pdf.attachment_name(), Some(format!("{}-quotation.pdf", ticket.number).as_str()));
    let words = pdf_text(pdf.contents());
    assert!(words.contains(&ticket.number.to_string()) && words.contains("Full service"), "{words}");

    let outbox = desk.ticket_outbox(ticket.id).unwrap();
    assert_eq!((outbox.messages[0].state_label, outbox.waiting), ("Sent", 0));
    assert!(outbox.messages[0].when_text.contains("by Mei Chan · sent"), "{}", outbox.messages[0].when_text);
    assert_eq!(desk.outbox().unwrap().messages.len(), 1);
    let history = serde_json::to_value(desk.ticket(ticket.id).unwrap()).unwrap()["history"].to_string();
    assert!(history.contains("Quotation e-mailed to customer1@example.com"), "{history}");
    assert_eq!(desk.send_outbox().unwrap().text, "", "nothing is sent twice");
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_form_not_mailed_or_a_customer_without_email_is_refused() {
    let (_dir, shop, by) = fixture::temp_shop(now());
    let mut desk = Desk::new(shop, Arc::new(now));
    let ticket = desk.book_intake(by, &fixture::walk_in("Chan Tai Man", "Stops at night"), &[]).unwrap();
    let tag = desk.email_form(by, PaperFor::Ticket(ticket.id, FormKind::TicketTag)).unwrap_err();
    assert_eq!(tag.code, Code::FormNotApplicable);
    fixture::quote_and_accept(
        desk.shop_mut(),
        by,
        ticket.id,
        vec![line()],
        ConfirmationChannel::EmailReply,
        now(),
        now(),
    );
    let refused = desk.email_form(by, PaperFor::Ticket(ticket.id, FormKind::Quotation)).unwrap_err();
    assert_eq!((refused.code, refused.fields[0].field.as_str()), (Code::InvalidInput, "email"), "{refused:?}");
    assert!(desk.ticket_outbox(ticket.id).unwrap().messages.is_empty());
    let round = desk.send_outbox().unwrap();
    assert!(round.no_account && round.sent == 0);
}

#[test]
fn rma_instructions_are_emailed_from_a_return() {
    let (_dir, shop, by) = fixture::temp_shop(nov_8());
    let mut desk = Desk::new(shop, Arc::new(nov_8));
    let server = SmtpServer::start(smtp::free_port(), &[]);
    desk.save_mail_account(&account_form(server.port)).unwrap();
    let mut form = fixture::change_of_mind_request(1);
    if let Some(caseback_domain::intake::CustomerChoice::New { details }) = &mut form.customer {
        details.email = "elif@example.com.tr".into();
    }
    let case = desk.shop_mut().request_return(by, &form, nov_8()).unwrap();
    let case = desk.shop_mut().authorize_return(by, case.id, None, nov_8()).unwrap();
    let code = case.rma.unwrap().code.to_string();

    let queued = desk.email_form(by, PaperFor::Return(case.id, ReturnFormKind::RmaInstructions)).unwrap();
    assert_eq!(queued.messages[0].record, code);
    assert_eq!(desk.send_outbox().unwrap().sent, 1);
    let received = server.received();
    let mail = MessageParser::default().parse(&received[0].raw).unwrap();
    assert_eq!(received[0].recipients, ["elif@example.com.tr"]);
    assert!(mail.subject().unwrap().starts_with(&format!("Return authorized: {code}")), "{:?}", mail.subject());
    let words = pdf_text(mail.attachments().next().expect("the instructions attached").contents());
    assert!(words.contains(&code), "{words}");
    assert_eq!(desk.return_outbox(case.id).unwrap().messages[0].state, OutboxState::Sent);
}

#[test]
fn the_mail_account_is_refused_at_its_fields_and_its_password_never_shown() {
    let (dir, shop, _) = fixture::temp_shop(now());
    let mut desk = Desk::new(shop, Arc::new(now));
    let offered = desk.mail_account().unwrap();
    assert!(!offered.set_up && !offered.password_kept);
    assert_eq!((offered.port, offered.from_name.as_str()), (587, "Kowloon Time Care"));

    let bad = MailAccountForm { host: " ".into(), port: "0".into(), from_address: "desk".into(), ..account_form(1) };
    let refused = desk.save_mail_account(&bad).unwrap_err();
    let fields: Vec<&str> = refused.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!((refused.code, fields), (Code::InvalidInput, vec!["host", "port", "from_address"]));
    let typo = MailAccountForm { port: "58x".into(), ..account_form(1) };
    assert_eq!(desk.save_mail_account(&typo).unwrap_err().fields[0].field, "port");
    assert!(!desk.mail_account().unwrap().set_up, "nothing saved");

    let server = SmtpServer::start(smtp::free_port(), &[]);
    let saved = desk.save_mail_account(&account_form(server.port)).unwrap();
    assert!(saved.set_up && saved.password_kept);
    assert!(!serde_json::to_string(&saved).unwrap().contains(smtp::PASSWORD));
    // Saved again without a password: the one kept stays.
    let kept = desk.save_mail_account(&MailAccountForm { password: None, ..account_form(server.port) }).unwrap();
    assert!(kept.password_kept);

    let test = desk.send_test_message("mei@example.com").unwrap();
    assert!(test.delivered, "{}", test.text);
    let received = server.received();
    let mail = MessageParser::default().parse(&received[0].raw).unwrap();
    assert_eq!(mail.subject(), Some("Caseback test message"));
    assert_eq!(desk.send_test_message("").unwrap_err().fields[0].field, "to");
    drop(server);
    let down = desk.send_test_message("mei@example.com").unwrap();
    assert!(!down.delivered && down.text.contains("could not be reached"), "{}", down.text);
    let files = std::fs::read_to_string(dir.path().join("mail-account.json")).unwrap();
    assert!(!files.contains(smtp::PASSWORD));
}
