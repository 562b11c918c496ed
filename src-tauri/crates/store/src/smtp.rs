//! Handing one message to the shop's SMTP server (lettre's blocking transport, rustls), and
//! telling what the server's answer means for the outbox: taken, try again later (it could
//! not be reached, or said 4xx), or refused for good (5xx, in its own words).

use std::time::Duration;

use caseback_domain::outbox::account::{MailAccount, Security};
use caseback_domain::outbox::{self, Attempt};
use jiff::Timestamp;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{SmtpTransport, Transport};

/// How long the server may take to answer each step: a server that hangs is given up on, and
/// the message waits for the next try. Well under the outbox's claim (`CLAIM_EXPIRES`).
const TIMEOUT: Duration = Duration::from_secs(60);

/// A message as it goes out.
pub struct Outgoing<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// The same for every copy of this outbox message (`outbox::message_id`).
    pub message_id: String,
    /// The PDF and the name it is attached under.
    pub attachment: Option<(&'a str, Vec<u8>)>,
    pub at: Timestamp,
}

/// Sends `m` through `account`'s server, signing in with `password` when the account names a
/// user.
pub fn send(account: &MailAccount, password: Option<&str>, m: &Outgoing) -> Attempt {
    let message = match message(account, m) {
        Ok(message) => message,
        // The account's own address unusable: every message would be refused, so it waits.
        Err(Unwritten::Sender(reason)) => return Attempt::Unreachable(reason),
        // An address the server would never take: trying again cannot help.
        Err(Unwritten::Message(reason)) => return Attempt::Refused(reason),
    };
    let transport = match transport(account, password) {
        Ok(t) => t,
        Err(reason) => return Attempt::Unreachable(reason),
    };
    match transport.send(&message) {
        Ok(_) => Attempt::Delivered,
        Err(e) => attempt(&e),
    }
}

/// Why a message could not be written: the account's sender, or the message itself.
enum Unwritten {
    Sender(String),
    Message(String),
}

fn message(account: &MailAccount, m: &Outgoing) -> Result<lettre::Message, Unwritten> {
    let from_address = account.from_address.parse().map_err(|e| {
        Unwritten::Sender(format!(
            "the sender {} is refused: {e}; check it in Settings \u{2192} E-mail",
            account.from_address
        ))
    })?;
    let name = Some(account.from_name.clone()).filter(|n| !n.is_empty());
    let to: Mailbox = m.to.parse().map_err(|e| Unwritten::Message(format!("the address {} is refused: {e}", m.to)))?;
    let builder = lettre::Message::builder()
        .from(Mailbox::new(name, from_address))
        .to(to)
        .subject(m.subject)
        .message_id(Some(m.message_id.clone()))
        .date(m.at.into());
    let text = SinglePart::plain(m.body.to_string());
    let built = match &m.attachment {
        Some((file_name, pdf)) => {
            let pdf_type = ContentType::parse("application/pdf").expect("a valid content type");
            let part = Attachment::new(file_name.to_string()).body(pdf.clone(), pdf_type);
            builder.multipart(MultiPart::mixed().singlepart(text).singlepart(part))
        }
        None => builder.singlepart(text),
    };
    built.map_err(|e| Unwritten::Message(format!("the message could not be written: {e}")))
}

fn transport(account: &MailAccount, password: Option<&str>) -> Result<SmtpTransport, String> {
    let host = account.host.as_str();
    let unusable = |e: lettre::transport::smtp::Error| format!("the mail server {host} cannot be used: {e}");
    let builder = match account.security {
        Security::Tls => SmtpTransport::relay(host).map_err(unusable)?,
        Security::StartTls => SmtpTransport::starttls_relay(host).map_err(unusable)?,
        Security::None => SmtpTransport::builder_dangerous(host),
    };
    let mut builder = builder.port(account.port).timeout(Some(TIMEOUT));
    if !account.user.is_empty() {
        builder = builder.credentials(Credentials::new(account.user.clone(), password.unwrap_or_default().into()));
    }
    Ok(builder.build())
}

/// The server's answer as the outbox keeps it: "550 mailbox unavailable", or what kept the
/// message from reaching it.
fn attempt(e: &lettre::transport::smtp::Error) -> Attempt {
    let said = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default();
    match e.status() {
        // The account's fault, not the message's: it waits until the account is put right.
        Some(code) if e.is_permanent() && outbox::account_at_fault(&code.to_string(), &said) => {
            let why = if code.to_string().starts_with("53") {
                "the server refused to sign in; check the mail account's user and password"
            } else {
                "the server refused the mail account; check it in Settings \u{2192} E-mail"
            };
            Attempt::Unreachable(format!("{code} {said}: {why}").replace("  ", " "))
        }
        Some(code) if e.is_permanent() => Attempt::Refused(format!("{code} {said}").trim().to_string()),
        Some(code) => Attempt::Unreachable(format!("{code} {said}").trim().to_string()),
        None if e.is_timeout() => Attempt::Unreachable("the mail server did not answer in time".into()),
        None => Attempt::Unreachable(format!("the mail server could not be reached: {e}")),
    }
}
