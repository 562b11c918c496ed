//! Forms e-mailed to customers through the shop's own mail server: this computer's mail
//! account (its password kept apart, see `caseback_store::mail_account`), a test message,
//! a form queued with its message and PDF, the outbox of a ticket, a return or the whole
//! shop, a refused message sent again, and the round that sends what waits (which the app
//! runs on a timer and after queuing).

mod messages;

use caseback_domain::outbox::account::{MailAccount, Security};
use caseback_domain::outbox::{Attempt, MailedForm, OutboxState, Record};
use caseback_domain::returns::ReturnId;
use caseback_domain::staff::StaffId;
use caseback_domain::ticket::TicketId;
use caseback_domain::{Code, DomainError};
use caseback_store::{mail_account, smtp, Claim, Claimed, Mailing, OutboxMessage, SendRound, Shop};
use serde::{Deserialize, Serialize};

use crate::choice::{choices, Choice};
use crate::dates::Dates;
use crate::error::Result;
use crate::papers::PaperFor;
use crate::Desk;

/// How many messages the shop's outbox list shows, newest first.
pub const OUTBOX_LIMIT: usize = 200;

/// The mail account as typed in Settings.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct MailAccountForm {
    pub host: String,
    /// As typed; refused at its field when it is not a port number.
    pub port: String,
    pub security: Security,
    #[serde(default)]
    pub user: String,
    pub from_address: String,
    #[serde(default)]
    pub from_name: String,
    /// A new password; absent keeps the one kept, empty forgets it.
    #[serde(default)]
    pub password: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MailAccountView {
    /// Whether this computer sends e-mail (an account is saved).
    pub set_up: bool,
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
    pub from_address: String,
    pub from_name: String,
    /// Whether a password is kept (never the password itself).
    pub password_kept: bool,
    pub securities: Vec<Choice>,
}

#[derive(Debug, Serialize)]
pub struct MailTestView {
    pub delivered: bool,
    /// "The server took the test message for mei@example.com." or what it said.
    pub text: String,
}

/// A test message, read from the shop and sent without it.
pub struct TestMessage {
    account: MailAccount,
    password: Option<String>,
    to: String,
    shop_name: String,
    at: jiff::Timestamp,
}

impl TestMessage {
    /// Hands it to the server and says what the server answered.
    pub fn send(&self) -> MailTestView {
        let body = format!(
            "This is a test message from Caseback at {}.\n\nForms e-mailed to customers will come from this address.\n",
            self.shop_name
        );
        let domain = self.account.from_address.rsplit('@').next().unwrap_or("");
        let outgoing = smtp::Outgoing {
            to: &self.to,
            subject: "Caseback test message",
            body: &body,
            message_id: format!("<test-{}@{domain}>", self.at.as_millisecond()),
            attachment: None,
            at: self.at,
        };
        match smtp::send(&self.account, self.password.as_deref(), &outgoing) {
            Attempt::Delivered => {
                MailTestView { delivered: true, text: format!("The server took the test message for {}.", self.to) }
            }
            Attempt::Unreachable(r) | Attempt::Refused(r) => {
                MailTestView { delivered: false, text: format!("The test message was not sent: {r}.") }
            }
        }
    }
}

/// A message in the outbox, as the lists show it.
#[derive(Debug, Serialize)]
pub struct OutboxRowView {
    pub id: i64,
    pub ticket_id: Option<TicketId>,
    pub return_id: Option<ReturnId>,
    /// "R-2026-00042", "RMA-K7QD-4WX": the record the form is of.
    pub record: String,
    pub form: MailedForm,
    pub form_title: &'static str,
    pub recipient: String,
    pub subject: String,
    pub state: OutboxState,
    pub state_label: &'static str,
    /// "Queued 24/11/2026 10:00 on Counter by Mei Chan · sent 24/11/2026 10:01".
    pub when_text: String,
    /// The server's words when it did not take the message ('' otherwise).
    pub reason: String,
    pub attempts: u32,
    pub can_retry: bool,
}

#[derive(Debug, Serialize)]
pub struct OutboxView {
    pub messages: Vec<OutboxRowView>,
    /// How many wait to be sent (queued or being sent) among them.
    pub waiting: usize,
    pub failed: usize,
}

#[derive(Debug, Serialize)]
pub struct SendRoundView {
    pub sent: usize,
    pub waiting: usize,
    pub refused: usize,
    /// No mail account on this computer: nothing was tried.
    pub no_account: bool,
    /// "2 sent · 1 waits for the server", for a toast; '' when nothing happened.
    pub text: String,
}

fn account_view(folder: &std::path::Path, shop: &Shop) -> Result<MailAccountView> {
    let saved = mail_account::load(folder)?;
    let set_up = saved.is_some();
    let account = match saved {
        Some(a) => a,
        None => {
            // What a first account most likely is: the shop's own address and name.
            let s = shop.settings()?;
            MailAccount {
                port: Security::default().usual_port(),
                from_address: s.shop.email.clone(),
                from_name: s.shop.name.clone(),
                ..MailAccount::default()
            }
        }
    };
    Ok(MailAccountView {
        set_up,
        host: account.host,
        port: account.port,
        security: account.security,
        user: account.user,
        from_address: account.from_address,
        from_name: account.from_name,
        password_kept: mail_account::password(folder)?.is_some(),
        securities: choices(&Security::ALL, Security::label),
    })
}

fn row_view(shop: &Shop, dates: &Dates, m: OutboxMessage) -> Result<OutboxRowView> {
    let (ticket_id, return_id, record) = match m.record {
        Record::Ticket(id) => (Some(id), None, shop.ticket(id)?.number.to_string()),
        Record::Return(id) => (None, Some(id), shop.return_case(id)?.title()),
    };
    let mut when = vec![format!("Queued {}", dates.instant(m.queued_at))];
    if !m.computer.is_empty() {
        when.push(format!("on {}", m.computer));
    }
    if !m.staff.is_empty() {
        when.push(format!("by {}", m.staff));
    }
    let mut when = when.join(" ");
    match (m.state, m.sent_at, m.not_before) {
        (OutboxState::Sent, Some(at), _) => when.push_str(&format!(" · sent {}", dates.instant(at))),
        (OutboxState::Queued, _, Some(at)) => when.push_str(&format!(" · tried again from {}", dates.instant(at))),
        _ => {}
    }
    Ok(OutboxRowView {
        id: m.id,
        ticket_id,
        return_id,
        record,
        form: m.form,
        form_title: m.form.title(),
        recipient: m.recipient,
        subject: m.subject,
        state: m.state,
        state_label: m.state.label(),
        when_text: when,
        reason: m.reason,
        attempts: m.attempts,
        can_retry: m.state.retry().is_ok(),
    })
}

fn outbox_view(shop: &Shop, messages: Vec<OutboxMessage>) -> Result<OutboxView> {
    let dates = Dates::of(&shop.settings()?);
    let messages = messages.into_iter().map(|m| row_view(shop, &dates, m)).collect::<Result<Vec<_>>>()?;
    let waiting = messages.iter().filter(|m| matches!(m.state, OutboxState::Queued | OutboxState::Sending)).count();
    let failed = messages.iter().filter(|m| m.state == OutboxState::Failed).count();
    Ok(OutboxView { messages, waiting, failed })
}

fn round_text(r: &SendRound) -> String {
    let mut parts = Vec::new();
    if r.sent > 0 {
        parts.push(format!("{} sent", r.sent));
    }
    if r.waiting > 0 {
        parts.push("the mail server could not be reached: the outbox waits for it".to_string());
    }
    if r.refused > 0 {
        parts.push(format!("{} refused by the server", r.refused));
    }
    parts.join(" · ")
}

impl Desk {
    /// This computer's mail account (the shop's address and name offered while none is saved).
    pub fn mail_account(&mut self) -> Result<MailAccountView> {
        account_view(self.shop.folder().root(), &self.shop)
    }

    /// Saves this computer's mail account, refused at its fields; the password only when one
    /// is given.
    pub fn save_mail_account(&mut self, form: &MailAccountForm) -> Result<MailAccountView> {
        let port = match form.port.trim() {
            "" => 0,
            typed => typed.parse::<u16>().map_err(|_| {
                DomainError::invalid(
                    "port",
                    format!("Enter the port as a number, such as {}.", form.security.usual_port()),
                )
            })?,
        };
        let account = MailAccount {
            host: form.host.clone(),
            port,
            security: form.security,
            user: form.user.clone(),
            from_address: form.from_address.clone(),
            from_name: form.from_name.clone(),
        };
        let folder = self.shop.folder().root().to_path_buf();
        mail_account::save(&folder, &account)?;
        if let Some(password) = &form.password {
            mail_account::save_password(&folder, password)?;
        }
        account_view(&folder, &self.shop)
    }

    /// Sends a short message to `to` through the saved account, now: whether the server took it.
    pub fn send_test_message(&mut self, to: &str) -> Result<MailTestView> {
        Ok(self.test_message(to)?.send())
    }

    /// The test message to `to`, ready to hand to the server (`TestMessage::send`) with the
    /// shop free: the window sends it without holding the shop while the server answers.
    pub fn test_message(&mut self, to: &str) -> Result<TestMessage> {
        let folder = self.shop.folder().root().to_path_buf();
        let Some(account) = mail_account::load(&folder)? else {
            return Err(DomainError::invalid("host", "Save the mail server's settings first.").into());
        };
        let to = caseback_domain::outbox::recipient(to).map_err(|_| {
            DomainError::invalid("to", "Enter the address to send the test message to, such as your own.")
        })?;
        let shop_name = self.shop.settings()?.shop.name;
        Ok(TestMessage { password: mail_account::password(&folder)?, account, to, shop_name, at: self.now() })
    }

    /// Puts a ticket's or a return's form in the outbox, with its message and PDF, to the
    /// customer's e-mail; the next `send_outbox` sends it. Answers the record's outbox.
    pub fn email_form(&mut self, by: StaffId, what: PaperFor) -> Result<OutboxView> {
        let (record, form) = match what {
            PaperFor::Ticket(id, kind) => {
                (Record::Ticket(id), MailedForm::of_ticket(kind).ok_or_else(|| not_mailed(kind.title()))?)
            }
            PaperFor::Return(id, kind) => {
                (Record::Return(id), MailedForm::of_return(kind).ok_or_else(|| not_mailed(kind.title()))?)
            }
        };
        // Rendered first: a form the record has no facts for is refused with its reason.
        let paper = self.paper(what)?;
        let (shop, now) = self.at()?;
        let message = match record {
            Record::Ticket(id) => messages::of_ticket(shop, now, id, form)?,
            Record::Return(id) => messages::of_return(shop, id, form)?,
        };
        let mailing = Mailing {
            record,
            form,
            subject: &message.subject,
            body: &message.body,
            file_name: &paper.file_name,
            pdf: &paper.pdf,
        };
        shop.queue_message(by, &mailing, now)?;
        outbox_view(shop, shop.outbox_of(record)?)
    }

    /// A ticket's e-mailed forms, newest first.
    pub fn ticket_outbox(&mut self, id: TicketId) -> Result<OutboxView> {
        let (shop, _) = self.at()?;
        outbox_view(shop, shop.outbox_of(Record::Ticket(id))?)
    }

    /// A return's e-mailed forms, newest first.
    pub fn return_outbox(&mut self, id: ReturnId) -> Result<OutboxView> {
        let (shop, _) = self.at()?;
        outbox_view(shop, shop.outbox_of(Record::Return(id))?)
    }

    /// The shop's latest e-mailed forms (`OUTBOX_LIMIT`), newest first.
    pub fn outbox(&mut self) -> Result<OutboxView> {
        let (shop, _) = self.at()?;
        outbox_view(shop, shop.outbox(OUTBOX_LIMIT)?)
    }

    /// Puts a message the server refused back in the outbox (after the customer's address was
    /// corrected, say); the next `send_outbox` sends it.
    pub fn retry_message(&mut self, by: StaffId, message: i64) -> Result<OutboxRowView> {
        let (shop, now) = self.at()?;
        let again = shop.retry_message(by, message, now)?;
        row_view(shop, &Dates::of(&shop.settings()?), again)
    }

    /// Claims the next message due for this computer (`Claimed::hand_over` sends it, with
    /// the shop free; `settle_mail` records how it went).
    pub fn claim_mail(&mut self) -> Result<Claim> {
        let now = self.now();
        Ok(self.shop.claim_message(now)?)
    }

    /// Makes what waits due now (the window then wakes its sender).
    pub fn hurry_mail(&mut self) -> Result<u64> {
        Ok(self.shop.send_outbox_now()?)
    }

    pub fn settle_mail(&mut self, claimed: &Claimed, attempt: &Attempt) -> Result<()> {
        let now = self.now();
        Ok(self.shop.settle_message(claimed, attempt, now)?)
    }

    /// Sends what waits in the outbox through this computer's mail account: what the app
    /// runs on a timer and after queuing. A computer without an account tries nothing.
    pub fn send_outbox(&mut self) -> Result<SendRoundView> {
        let now = self.now();
        let round = self.shop.send_outbox(now)?;
        Ok(SendRoundView {
            text: round_text(&round),
            sent: round.sent,
            waiting: round.waiting,
            refused: round.refused,
            no_account: round.no_account,
        })
    }
}

fn not_mailed(title: &str) -> crate::Error {
    DomainError::refused(Code::FormNotApplicable, format!("The {} is not sent by e-mail.", title.to_lowercase())).into()
}
