//! The outbox on both engines, against a real SMTP server (aiosmtpd, started by each test on
//! a loopback port of its own): a queued form arrives once with its PDF; with the server
//! down it waits and goes when the server is back; a refusal for good is kept in the
//! server's words; two rounds, or two computers at once, never send a message twice; the
//! server's password stays in its own file.

use std::path::Path;

use caseback_domain::event::{Action, Subject};
use caseback_domain::outbox::{self, MailedForm, OutboxState, Record};
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use caseback_store::fixture::smtp::{self, SmtpServer};
use caseback_store::sql::Engine;
use caseback_store::{fixture, mail_account, DataFolder, Mailing, OutboxMessage, Shop};
use jiff::{SignedDuration, Timestamp};
use mail_parser::{MessageParser, MimeHeaders};

fn nov(day: u8) -> Timestamp {
    format!("2026-11-{day:02}T02:00:00Z").parse().unwrap()
}

/// A PDF as the desk attaches one (the forms crate's are read back in the desk's tests).
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// This computer's account to the test server on `port`, with its password.
fn set_up_mail(folder: &Path, port: u16) {
    mail_account::save(folder, &smtp::account(port)).unwrap();
    mail_account::save_password(folder, smtp::PASSWORD).unwrap();
}

fn ticket(shop: &mut Shop, by: StaffId, i: usize) -> TicketId {
    shop.book_intake(by, &fixture::numbered_intake(i), &[], nov(2)).unwrap().id
}

fn queue(shop: &mut Shop, by: StaffId, id: TicketId, now: Timestamp) -> OutboxMessage {
    let mailing = Mailing {
        record: Record::Ticket(id),
        form: MailedForm::Quotation,
        subject: "Your quotation for the Apple Watch (R-2026-00001)",
        body: "Dear customer,\n\nThe quotation is attached.\n",
        file_name: "R-2026-00001-quotation.pdf",
        pdf: PDF,
    };
    shop.queue_message(by, &mailing, now).unwrap()
}

fn sentences(shop: &Shop, id: TicketId, action: Action) -> Vec<String> {
    let number = shop.ticket(id).unwrap().number.to_string();
    let currency = shop.settings().unwrap().currency;
    let history = shop.history(Subject::Ticket, &number).unwrap();
    history.iter().filter(|e| e.action == action).map(|e| e.sentence(currency, Default::default())).collect()
}

#[test]
fn a_queued_form_arrives_once_with_its_recipient_subject_text_and_pdf() {
    fixture::on_each_engine(nov(1), |shop, by, dir| {
        shop.set_computer("Counter");
        let server = SmtpServer::start(smtp::free_port(), &[]);
        set_up_mail(dir, server.port);
        let id = ticket(shop, by, 1);
        let queued = queue(shop, by, id, nov(3));
        assert_eq!((queued.state, queued.recipient.as_str()), (OutboxState::Queued, "customer1@example.com"));
        assert_eq!((queued.staff.as_str(), queued.computer.as_str()), (fixture::STAFF, "Counter"));
        assert_eq!(
            sentences(shop, id, Action::MessageQueued),
            ["Quotation queued to be e-mailed to customer1@example.com"]
        );

        let round = shop.send_outbox(nov(3)).unwrap();
        assert_eq!((round.sent, round.waiting, round.refused), (1, 0, 0));
        let received = server.received();
        assert_eq!(received.len(), 1);
        assert_eq!(received[0].recipients, ["customer1@example.com"]);
        let mail = MessageParser::default().parse(&received[0].raw).unwrap();
        assert_eq!(mail.subject(), Some("Your quotation for the Apple Watch (R-2026-00001)"));
        assert!(mail.body_text(0).unwrap().contains("The quotation is attached."));
        let from = mail.from().unwrap().first().unwrap();
        assert_eq!((from.name(), from.address()), (Some("Kowloon Time Care"), Some("desk@kowloontime.hk")));
        let expected_id = outbox::message_id(queued.id, queued.queued_at, "desk@kowloontime.hk");
        assert_eq!(mail.message_id(), Some(expected_id.trim_matches(['<', '>'])));
        let pdf = mail.attachments().next().expect("the form attached");
        assert_eq!(pdf.attachment_name(), Some("R-2026-00001-quotation.pdf"));
        assert_eq!(pdf.content_type().map(|c| (c.ctype(), c.subtype())), Some(("application", Some("pdf"))));
        assert_eq!(pdf.contents(), PDF);

        let sent = shop.outbox_message(queued.id).unwrap();
        assert_eq!((sent.state, sent.sent_at, sent.attempts), (OutboxState::Sent, Some(nov(3)), 1));
        assert_eq!(sentences(shop, id, Action::MessageSent), ["Quotation e-mailed to customer1@example.com"]);
        assert_eq!(shop.outbox_of(Record::Ticket(id)).unwrap(), std::slice::from_ref(&sent));
        assert_eq!(shop.outbox(10).unwrap(), [sent]);

        // Sent is sent: another round hands nothing to the server.
        assert_eq!(shop.send_outbox(nov(4)).unwrap().sent, 0);
        assert_eq!(server.received().len(), 1);
        let refused = shop.retry_message(by, queued.id, nov(4)).unwrap_err();
        assert_eq!(refused.code(), Code::IllegalTransition);
    });
}

#[test]
fn a_customer_without_an_email_is_refused_at_the_field_and_nothing_is_queued() {
    fixture::on_each_engine(nov(1), |shop, by, _| {
        let id = shop.book_intake(by, &fixture::walk_in("Chan Tai Man", "Stops"), &[], nov(2)).unwrap().id;
        let mailing = Mailing {
            record: Record::Ticket(id),
            form: MailedForm::Quotation,
            subject: "s",
            body: "b",
            file_name: "q.pdf",
            pdf: PDF,
        };
        let err = shop.queue_message(by, &mailing, nov(3)).unwrap_err();
        let caseback_store::StoreError::Domain(refusal) = &err else { panic!("{err}") };
        assert_eq!((err.code(), refusal.fields()[0].field.as_str()), (Code::InvalidInput, "email"), "{err}");
        assert!(shop.outbox(10).unwrap().is_empty());
        // And a computer with no account tries nothing.
        assert!(shop.send_outbox(nov(3)).unwrap().no_account);
    });
}

#[test]
fn with_the_server_down_a_message_waits_and_goes_when_the_server_is_back() {
    fixture::on_each_engine(nov(1), |shop, by, dir| {
        let port = smtp::free_port();
        set_up_mail(dir, port);
        let id = ticket(shop, by, 1);
        let queued = queue(shop, by, id, nov(3));

        let round = shop.send_outbox(nov(3)).unwrap();
        assert_eq!((round.sent, round.waiting), (0, 1));
        let waiting = shop.outbox_message(queued.id).unwrap();
        assert_eq!((waiting.state, waiting.attempts), (OutboxState::Queued, 1));
        assert!(waiting.reason.contains("could not be reached"), "{}", waiting.reason);
        assert_eq!(waiting.not_before, Some(nov(3) + SignedDuration::from_mins(1)));
        let failed = sentences(shop, id, Action::MessageFailed);
        assert_eq!(failed.len(), 1);
        assert!(failed[0].starts_with("Could not reach the mail server to send the quotation"), "{failed:?}");

        // Not asked again before its time; then asked, still down: the history says it once.
        assert_eq!(shop.send_outbox(nov(3) + SignedDuration::from_secs(20)).unwrap().waiting, 0);
        assert_eq!(shop.outbox_message(queued.id).unwrap().attempts, 1);
        assert_eq!(shop.send_outbox(nov(3) + SignedDuration::from_mins(1)).unwrap().waiting, 1);
        assert_eq!(shop.outbox_message(queued.id).unwrap().attempts, 2);
        assert_eq!(sentences(shop, id, Action::MessageFailed).len(), 1);

        // The server is back; staff ask to send what waits now, before its wait between tries
        // ends: it goes at once.
        let server = SmtpServer::start(port, &[]);
        let later = nov(3) + SignedDuration::from_mins(1) + SignedDuration::from_secs(10);
        assert_eq!(shop.send_outbox(later).unwrap().sent, 0, "still waiting its two minutes");
        assert_eq!(shop.send_outbox_now().unwrap(), 1);
        assert_eq!(shop.send_outbox(later).unwrap().sent, 1);
        assert_eq!(server.received().len(), 1);
        let sent = shop.outbox_message(queued.id).unwrap();
        assert_eq!((sent.state, sent.attempts, sent.sent_at), (OutboxState::Sent, 3, Some(later)));
        assert_eq!(shop.send_outbox_now().unwrap(), 0, "a sent message is not hurried");
    });
}

#[test]
fn a_refused_recipient_fails_in_the_servers_words_and_staff_send_it_again() {
    fixture::on_each_engine(nov(1), |shop, by, dir| {
        let port = smtp::free_port();
        set_up_mail(dir, port);
        let id = ticket(shop, by, 1);
        let other = ticket(shop, by, 2);
        let refused = queue(shop, by, id, nov(3));
        let fine = queue(shop, by, other, nov(3));
        {
            let server = SmtpServer::start(port, &["customer1@example.com"]);
            let round = shop.send_outbox(nov(3)).unwrap();
            assert_eq!((round.sent, round.refused), (1, 1), "a refusal does not hold up the next message");
            assert_eq!(server.received().len(), 1);
            assert_eq!(server.received()[0].recipients, ["customer2@example.com"]);
        }
        let failed = shop.outbox_message(refused.id).unwrap();
        assert_eq!((failed.state, failed.reason.as_str()), (OutboxState::Failed, "550 mailbox unavailable"));
        assert_eq!(
            sentences(shop, id, Action::MessageFailed),
            ["Could not send the quotation to customer1@example.com: 550 mailbox unavailable; not delivered: correct the address if it is wrong, then send it again"]
        );
        assert_eq!(shop.outbox_message(fine.id).unwrap().state, OutboxState::Sent);
        assert_eq!(shop.send_outbox(nov(4)).unwrap(), Default::default(), "a refused message waits for staff");

        // Staff correct the address on the customer's page, then send it again: it goes to
        // the address as it is now.
        let customer = shop.ticket(id).unwrap().customer;
        let mut details = shop.customer(customer).unwrap().details;
        details.email = "customer.one@example.com".into();
        shop.edit_customer(by, customer, &details, nov(4)).unwrap();
        let server = SmtpServer::start(port, &["customer1@example.com"]);
        let again = shop.retry_message(by, refused.id, nov(4)).unwrap();
        assert_eq!((again.state, again.recipient.as_str()), (OutboxState::Queued, "customer.one@example.com"));
        assert!(sentences(shop, id, Action::MessageQueued)[1].contains("put back in the outbox"));
        assert_eq!(shop.send_outbox(nov(4)).unwrap().sent, 1);
        assert_eq!(server.received()[0].recipients, ["customer.one@example.com"]);
    });
}

#[test]
fn a_claim_left_by_a_stopped_app_runs_out_and_the_message_goes_with_its_message_id() {
    fixture::on_each_engine(nov(1), |shop, by, dir| {
        let server = SmtpServer::start(smtp::free_port(), &[]);
        set_up_mail(dir, server.port);
        let id = ticket(shop, by, 1);
        let queued = queue(shop, by, id, nov(3));
        // Another computer claimed it and stopped before it said how the send went.
        let claim = |shop: &Shop, at: Timestamp| {
            let sql = "UPDATE outbox SET state = 'sending', claimed_by = 'Bench', claimed_at = ?1 WHERE id = ?2";
            shop.db().exec(sql, caseback_store::vals![at.to_string(), queued.id]).unwrap();
        };
        claim(shop, nov(3) - SignedDuration::from_mins(2));
        assert_eq!(shop.send_outbox(nov(3)).unwrap().sent, 0, "its claim still holds");
        claim(shop, nov(3) - outbox::CLAIM_EXPIRES);
        assert_eq!(shop.send_outbox(nov(3)).unwrap().sent, 1);
        let mail = MessageParser::default().parse(&server.received()[0].raw).unwrap().message_id().map(str::to_string);
        let expected = outbox::message_id(queued.id, queued.queued_at, "desk@kowloontime.hk");
        assert_eq!(mail.as_deref(), Some(expected.trim_matches(['<', '>'])));
    });
}

/// A second computer's shop on the same database as the first (on SQLite, a second
/// connection to the same file), each with its own folder and mail account.
fn two_computers(engine: Engine, port: u16) -> (Vec<tempfile::TempDir>, Shop, Shop, StaffId) {
    let dirs = vec![tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let (first, second, by) = if engine == Engine::Sqlite {
        let (first, by) = fixture::new_shop(dirs[0].path(), nov(1));
        let second = Shop::open(DataFolder::unlocked(dirs[0].path())).unwrap();
        (first, second, by)
    } else {
        let (url, pg) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
        let mut first = Shop::open_shared(DataFolder::lock(dirs[0].path()).unwrap(), pg).unwrap();
        first.set_up(&fixture::test_settings(), &[fixture::STAFF.into()], nov(1)).unwrap();
        let second =
            Shop::open_shared(DataFolder::lock(dirs[1].path()).unwrap(), fixture::connect_postgres(&url)).unwrap();
        let by = first.staff().unwrap()[0].id;
        (first, second, by)
    };
    for dir in &dirs {
        set_up_mail(dir.path(), port);
    }
    (dirs, first, second, by)
}

#[test]
fn two_computers_sending_at_once_deliver_each_message_exactly_once() {
    for engine in fixture::ENGINES {
        let server = SmtpServer::start(smtp::free_port(), &[]);
        let (_dirs, mut counter, mut bench, by) = two_computers(engine, server.port);
        counter.set_computer("Counter");
        bench.set_computer("Bench");
        let ids: Vec<i64> = (1..=6)
            .map(|i| {
                let t = ticket(&mut counter, by, i);
                queue(&mut counter, by, t, nov(3)).id
            })
            .collect();
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| counter.send_outbox(nov(3)).unwrap());
            let b = s.spawn(|| bench.send_outbox(nov(3)).unwrap());
            (a.join().unwrap(), b.join().unwrap())
        });
        assert_eq!(a.sent + b.sent, ids.len(), "{engine:?}: {a:?} {b:?}");
        let mut to: Vec<String> = server.received().into_iter().flat_map(|r| r.recipients).collect();
        to.sort();
        let mut expected: Vec<String> = (1..=6).map(|i| format!("customer{i}@example.com")).collect();
        expected.sort();
        assert_eq!(to, expected, "{engine:?}: each once");
        for id in ids {
            let m = counter.outbox_message(id).unwrap();
            assert_eq!((m.state, m.attempts), (OutboxState::Sent, 1), "{engine:?}");
        }
        assert_eq!(counter.send_outbox(nov(4)).unwrap().sent + bench.send_outbox(nov(4)).unwrap().sent, 0);
        assert_eq!(server.received().len(), 6, "{engine:?}: a later round sends nothing again");
    }
}

#[test]
fn the_servers_password_is_kept_in_its_own_private_file_only() {
    use std::os::unix::fs::PermissionsExt;
    fixture::on_each_engine(nov(1), |shop, by, dir| {
        let server = SmtpServer::start(smtp::free_port(), &[]);
        // A wrong password first: the account's fault, so the message waits.
        mail_account::save(dir, &smtp::account(server.port)).unwrap();
        mail_account::save_password(dir, "not-the-password").unwrap();
        let id = ticket(shop, by, 1);
        let queued = queue(shop, by, id, nov(3));
        assert_eq!(shop.send_outbox(nov(3)).unwrap().waiting, 1);
        let waiting = shop.outbox_message(queued.id).unwrap();
        assert_eq!(waiting.state, OutboxState::Queued);
        assert!(waiting.reason.starts_with("535") && waiting.reason.contains("sign in"), "{}", waiting.reason);
        assert!(server.received().is_empty());

        mail_account::save_password(dir, smtp::PASSWORD).unwrap();
        assert_eq!(shop.send_outbox(nov(3) + SignedDuration::from_mins(1)).unwrap().sent, 1);
        assert_eq!(mail_account::password(dir).unwrap().as_deref(), Some(smtp::PASSWORD));
        let file = dir.join("smtp-password");
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o7777, 0o600);
        let account = std::fs::read_to_string(dir.join("mail-account.json")).unwrap();
        assert!(!account.contains(smtp::PASSWORD) && account.contains("127.0.0.1"), "{account}");

        let log: Vec<String> = shop.db().rows("SELECT detail_json FROM events", &[], |r| r.get(0)).unwrap();
        assert!(log.iter().any(|d| d.contains("customer1@example.com")));
        assert!(log.iter().all(|d| !d.contains(smtp::PASSWORD)), "{log:?}");
        let rows: Vec<String> =
            shop.db().rows("SELECT subject || body || reason FROM outbox", &[], |r| r.get(0)).unwrap();
        assert!(rows.iter().all(|r| !r.contains(smtp::PASSWORD)));
        if shop.db().engine() == Engine::Sqlite {
            let needle = smtp::PASSWORD.as_bytes();
            for name in ["caseback.sqlite", "caseback.sqlite-wal"] {
                let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
                assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{name} holds the password");
            }
        }
        assert!(!String::from_utf8_lossy(&server.received()[0].raw).contains(smtp::PASSWORD));
    });
}
