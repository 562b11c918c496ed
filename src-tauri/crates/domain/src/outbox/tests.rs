use super::account::{MailAccount, Security};
use super::*;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn standing(state: OutboxState, claimed_at: Option<&str>, not_before: Option<&str>) -> Standing {
    Standing { state, claimed_at: claimed_at.map(at), not_before: not_before.map(at) }
}

#[test]
fn a_claimed_message_is_sent_waits_again_or_fails_by_what_the_server_said() {
    let sending = OutboxState::Sending;
    assert_eq!(sending.after(&Attempt::Delivered).unwrap(), OutboxState::Sent);
    assert_eq!(sending.after(&Attempt::Unreachable("connection refused".into())).unwrap(), OutboxState::Queued);
    assert_eq!(sending.after(&Attempt::Refused("550 mailbox unavailable".into())).unwrap(), OutboxState::Failed);
    for state in [OutboxState::Queued, OutboxState::Sent, OutboxState::Failed] {
        let err = state.after(&Attempt::Delivered).unwrap_err();
        assert_eq!(err.code(), Code::IllegalTransition, "{state:?}: only a claimed message is tried");
    }
    assert_eq!(Attempt::Refused("550 no".into()).reason(), Some("550 no"));
    assert_eq!(Attempt::Delivered.reason(), None);
}

#[test]
fn only_a_refused_message_is_retried_by_staff() {
    assert_eq!(OutboxState::Failed.retry().unwrap(), OutboxState::Queued);
    let sent = OutboxState::Sent.retry().unwrap_err();
    assert!(sent.to_string().contains("sent already"), "{sent}");
    assert!(OutboxState::Queued.retry().is_err() && OutboxState::Sending.retry().is_err());
}

#[test]
fn a_message_is_claimed_when_its_time_has_come_or_its_claim_ran_out() {
    let now = at("2026-11-30T23:55:00Z");
    assert!(claimable(standing(OutboxState::Queued, None, None), now), "never tried: now");
    assert!(claimable(standing(OutboxState::Queued, None, Some("2026-11-30T23:55:00Z")), now));
    assert!(!claimable(standing(OutboxState::Queued, None, Some("2026-11-30T23:56:00Z")), now), "not yet");
    // Another computer (or the last tick) is sending it: left alone until its claim runs out.
    assert!(!claimable(standing(OutboxState::Sending, Some("2026-11-30T23:50:00Z"), None), now));
    assert!(claimable(standing(OutboxState::Sending, Some("2026-11-30T23:45:00Z"), None), now), "a crashed app's");
    assert!(!claimable(standing(OutboxState::Sent, None, None), now));
    assert!(!claimable(standing(OutboxState::Failed, None, None), now), "staff retry a refused one");
}

#[test]
fn an_unreachable_server_is_asked_again_sooner_first_and_at_most_hourly() {
    let now = at("2028-02-29T23:59:30Z");
    let wait = |attempts| next_try(attempts, now).duration_since(now).as_mins();
    assert_eq!([wait(1), wait(2), wait(3), wait(4), wait(6), wait(7)], [1, 2, 4, 8, 32, 60]);
    assert_eq!(wait(40), 60, "a server down for days is asked hourly");
    assert_eq!(next_try(1, now), at("2028-03-01T00:00:30Z"), "across the leap day and month end");
}

#[test]
fn a_message_keeps_one_message_id_at_the_senders_domain() {
    let queued = at("2026-11-24T02:00:00Z");
    let id = message_id(7, queued, "desk@kowloontime.hk");
    assert_eq!(id, "<outbox-7.1795485600@kowloontime.hk>");
    assert_eq!(id, message_id(7, queued, "desk@kowloontime.hk"), "the same each time it is sent");
    assert_ne!(id, message_id(8, queued, "desk@kowloontime.hk"));
}

#[test]
fn a_customer_without_an_email_is_refused_at_the_field() {
    let err = recipient("  ").unwrap_err();
    assert_eq!(err.fields()[0].field, "email");
    assert!(err.to_string().contains("no e-mail address"), "{err}");
    assert_eq!(recipient(" ayse@example.com ").unwrap(), "ayse@example.com");
    assert!(recipient("ayse at example").is_err());
}

#[test]
fn each_ticket_and_return_form_mailed_names_its_paper() {
    for form in MailedForm::ALL {
        match form.paper() {
            Ok(kind) => assert_eq!(MailedForm::of_ticket(kind), Some(form)),
            Err(kind) => assert_eq!(MailedForm::of_return(kind), Some(form)),
        }
        assert!(form.in_sentence().starts_with("the "));
    }
    assert_eq!(MailedForm::of_ticket(FormKind::TicketTag), None, "a bag tag stays with the watch");
    assert_eq!(MailedForm::Receipt.title(), "Receipt");
}

fn account() -> MailAccount {
    MailAccount {
        host: " smtp.example.com ".into(),
        port: 587,
        security: Security::StartTls,
        user: "desk".into(),
        from_address: "desk@kowloontime.hk".into(),
        from_name: "Kowloon Time Care".into(),
    }
}

#[test]
fn a_mail_account_is_checked_at_its_fields() {
    assert_eq!(account().checked().unwrap().host, "smtp.example.com");
    let bad = MailAccount { host: " ".into(), port: 0, from_address: "desk".into(), ..account() };
    let err = bad.checked().unwrap_err();
    let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["host", "port", "from_address"]);
    let empty = MailAccount { from_address: String::new(), ..account() };
    assert_eq!(empty.checked().unwrap_err().fields()[0].field, "from_address");
}

#[test]
fn no_encryption_is_for_a_server_on_this_computer_only() {
    let plain = |host: &str| MailAccount { host: host.into(), security: Security::None, ..account() }.checked();
    for local in ["localhost", "127.0.0.1", "::1", "[::1]"] {
        assert!(plain(local).is_ok(), "{local}");
    }
    let err = plain("smtp.example.com").unwrap_err();
    assert_eq!(err.fields()[0].field, "security");
    assert_eq!(Security::Tls.usual_port(), 465);
}

#[test]
fn refusals_of_the_account_are_told_from_refusals_of_the_address() {
    use crate::outbox::account_at_fault;
    for (code, said) in [
        ("535", "5.7.8 Username and Password not accepted"),
        ("554", "5.7.1 <ayse@example.com>: Relay access denied"),
        ("553", "5.7.1 Sender address rejected: not owned by user desk@kowloontime.hk"),
        ("550", "5.7.60 SMTP; Client does not have permissions to send as this sender"),
    ] {
        assert!(account_at_fault(code, said), "{code} {said}");
    }
    for (code, said) in
        [("550", "5.1.1 mailbox unavailable"), ("550", "mailbox unavailable"), ("552", "5.2.2 Mailbox full")]
    {
        assert!(!account_at_fault(code, said), "{code} {said}");
    }
}
