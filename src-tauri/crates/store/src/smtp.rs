//! Handing one message to the shop's SMTP server (lettre's blocking transport, rustls), and
//! telling what the server's answer means for the outbox: taken, try again later (it could
//! not be reached, or said 4xx), or refused for good (5xx, in its own words).

use std::time::Duration;

use caseback_domain::outbox::account::{MailAccount, Security};
use caseback_domain::outbox::Attempt;
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
        // An address the server would never take: trying again cannot help.
        Err(reason) => return Attempt::Refused(reason),
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

fn message(account: &MailAccount, m: &Outgoing) -> Result<lettre::Message, String> {
    let from_address =
        account.from_address.parse().map_err(|e| format!("the sender {} is refused: {e}", account.from_address))?;
    let name = Some(account.from_name.clone()).filter(|n| !n.is_empty());
    let to: Mailbox = m.to.parse().map_err(|e| format!("the address {} is refused: {e}", m.to))?;
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
    built.map_err(|e| format!("the message could not be written: {e}"))
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
    let signing_in = |code: &lettre::transport::smtp::response::Code| {
        matches!(code.to_string().as_str(), "530" | "534" | "535" | "538")
    };
    match e.status() {
        // The account's fault, not the message's: it waits until the account is put right.
        Some(code) if signing_in(&code) => Attempt::Unreachable(
            format!("{code} {said}: the server refused to sign in; check the mail account's user and password")
                .replace("  ", " "),
        ),
        Some(code) if e.is_permanent() => Attempt::Refused(format!("{code} {said}").trim().to_string()),
        Some(code) => Attempt::Unreachable(format!("{code} {said}").trim().to_string()),
        None if e.is_timeout() => Attempt::Unreachable("the mail server did not answer in time".into()),
        None => Attempt::Unreachable(format!("the mail server could not be reached: {e}")),
    }
}
