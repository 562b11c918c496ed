//! The shop's mail account: the SMTP server its forms are e-mailed through, and who they are
//! from. Its password is not part of it: the store keeps that apart, readable only by the
//! user's account.

use serde::{Deserialize, Serialize};

use crate::error::Problems;
use crate::settings::values::parse_email;
use crate::DomainError;

/// How the connection to the server is protected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// A plain connection turned encrypted (STARTTLS), usually port 587.
    #[default]
    StartTls,
    /// Encrypted from the start (implicit TLS), usually port 465.
    Tls,
    /// Not encrypted: only for a server on this computer, where nothing crosses a network.
    None,
}

impl Security {
    pub const ALL: [Security; 3] = [Security::StartTls, Security::Tls, Security::None];

    pub fn label(self) -> &'static str {
        match self {
            Security::StartTls => "STARTTLS (usually port 587)",
            Security::Tls => "TLS from the start (usually port 465)",
            Security::None => "None (a server on this computer only)",
        }
    }

    /// The port a server usually listens on for this.
    pub fn usual_port(self) -> u16 {
        match self {
            Security::StartTls => 587,
            Security::Tls => 465,
            Security::None => 25,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailAccount {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The name the server signs in; empty for a server that takes mail without signing in.
    #[serde(default)]
    pub user: String,
    /// The address the customer sees and replies to.
    pub from_address: String,
    /// The name beside it ("Kowloon Time Care").
    #[serde(default)]
    pub from_name: String,
}

impl MailAccount {
    /// The account trimmed, or every problem at its field.
    pub fn checked(&self) -> Result<MailAccount, DomainError> {
        let mut problems = Problems::default();
        let host = self.host.trim().to_string();
        if host.is_empty() {
            problems.add("host", "Enter the mail server's name, such as smtp.example.com.");
        } else if host.chars().any(|c| c.is_whitespace() || c.is_control() || c == '/') {
            problems.add("host", format!("\"{host}\" is not a server's name or address."));
        }
        if self.port == 0 {
            problems.add("port", format!("Enter the server's port, such as {}.", self.security.usual_port()));
        }
        if self.security == Security::None && !host.is_empty() && !on_this_computer(&host) {
            problems.add(
                "security",
                "Without encryption the password and the customers' forms would cross the network as they are: \
                 choose STARTTLS or TLS (\"None\" is for a server on this computer).",
            );
        }
        let from_address = match parse_email(&self.from_address) {
            Ok(a) if a.is_empty() => {
                problems.add("from_address", "Enter the address the customers see the e-mail from.");
                a
            }
            Ok(a) => a,
            Err(m) => {
                problems.add("from_address", m);
                String::new()
            }
        };
        let from_name = self.from_name.trim().to_string();
        if from_name.chars().any(char::is_control) || from_name.chars().count() > 120 {
            problems.add("from_name", "Write the name on one line, at most 120 characters.");
        }
        let user = self.user.trim().to_string();
        if user.chars().any(char::is_control) {
            problems.add("user", "The user name is on one line.");
        }
        problems.into_result()?;
        Ok(MailAccount { host, port: self.port, security: self.security, user, from_address, from_name })
    }
}

/// A server on this computer: the loopback name or addresses.
fn on_this_computer(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}
