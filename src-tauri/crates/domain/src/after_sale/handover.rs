//! Handing the watch over: collected at the counter, or dispatched by courier. Either is
//! refused while the account is not settled (see `Account::check_release`).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Account, EntryKind, Payment};
use crate::error::Problems;
use crate::ticket::TicketState;
use crate::Code;
use crate::{text, Currency, DomainError, WorkCalendar};

/// In-person collection: who took the watch, and that they showed the payment confirmation
/// (lx-watch 3.1: "a digital or printed payment confirmation is required for pickup").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    pub collected_by: String,
    pub confirmation_shown: bool,
}

impl Collection {
    /// Whether handing over asks to see the customer's payment confirmation: only when
    /// something was charged and some of it was paid from afar (a bank transfer, PayPal,
    /// FPS, PayMe). What the shop took at its own counter (cash, a card, a card in
    /// instalments, Octopus) it has seen itself; with nothing charged (a warranty repair)
    /// there is nothing to show. `payments` are the entries that count.
    pub fn asks_confirmation(account: &Account, payments: &[Payment]) -> bool {
        account.total_charges.0 > 0
            && payments.iter().any(|p| p.entry.kind == EntryKind::Payment && !p.entry.method.taken_at_counter())
    }
}

/// The estimated delivery time, in business days after dispatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryWindow {
    pub min_days: u32,
    pub max_days: u32,
}

impl DeliveryWindow {
    /// The first and last expected delivery days.
    pub fn dates(self, dispatched_on: Date, calendar: &WorkCalendar) -> (Date, Date) {
        (
            calendar.add_business_days(dispatched_on, self.min_days),
            calendar.add_business_days(dispatched_on, self.max_days),
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispatch {
    pub tracking: String,
    pub dispatched_on: Date,
    pub window: DeliveryWindow,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "release")]
pub enum Release {
    Collected(Collection),
    Dispatched(Dispatch),
}

impl Release {
    pub fn state(&self) -> TicketState {
        match self {
            Release::Collected(_) => TicketState::Collected,
            Release::Dispatched(_) => TicketState::Shipped,
        }
    }

    /// The day the watch left, for the storage fee: `today` for a collection.
    pub fn left_on(&self, today: Date) -> Date {
        match self {
            Release::Collected(_) => today,
            Release::Dispatched(d) => d.dispatched_on,
        }
    }

    /// Checks the release on `today`, for a ticket in `state` whose account is `account`
    /// after the entries `payments`; a dispatch needs the shipping chosen first.
    #[allow(clippy::too_many_arguments)]
    pub fn validated(
        &self,
        state: TicketState,
        account: &Account,
        payments: &[Payment],
        shipping_chosen: bool,
        currency: Currency,
        today: Date,
    ) -> Result<Release, DomainError> {
        state.move_to(self.state())?;
        if matches!(self, Release::Dispatched(_)) && !shipping_chosen {
            return Err(DomainError::refused(
                Code::ShippingNotChosen,
                "Choose the courier and shipping options before dispatching.",
            ));
        }
        let mut problems = Problems::default();
        let checked = match self {
            Release::Collected(c) => {
                let who = text::single_line("collected_by", &c.collected_by, 120).unwrap_or_else(|e| {
                    problems.merge(e);
                    String::new()
                });
                if who.is_empty() && problems.is_empty() {
                    problems.add("collected_by", "Write the name of the person collecting the watch.");
                }
                if !c.confirmation_shown && Collection::asks_confirmation(account, payments) {
                    problems.add(
                        "confirmation_shown",
                        "Check the customer's payment confirmation (printed or on their phone) before handing over.",
                    );
                }
                Release::Collected(Collection { collected_by: who, ..c.clone() })
            }
            Release::Dispatched(d) => {
                let tracking = tracking_number(&d.tracking).unwrap_or_else(|e| {
                    problems.merge(e);
                    String::new()
                });
                if d.dispatched_on > today {
                    problems.add("dispatched_on", "The dispatch date cannot be in the future.");
                }
                let w = d.window;
                if w.min_days == 0 || w.min_days > w.max_days || w.max_days > 90 {
                    problems.add("window", "Give the delivery estimate as 1 to 90 business days, shortest first.");
                }
                Release::Dispatched(Dispatch { tracking, ..d.clone() })
            }
        };
        problems.into_result()?;
        account.check_release(currency)?;
        Ok(checked)
    }
}

/// A courier's tracking number as printed: letters, digits and dashes, spaces dropped,
/// upper case (it becomes a Code 128 barcode on the label).
pub fn tracking_number(typed: &str) -> Result<String, DomainError> {
    let cleaned: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    if cleaned.is_empty() {
        return Err(DomainError::invalid("tracking", "Enter the courier's tracking number."));
    }
    if cleaned.len() < 6 || cleaned.len() > 40 || !cleaned.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(DomainError::invalid(
            "tracking",
            "A tracking number has 6 to 40 letters, digits or dashes (e.g. 1Z999AA10123456784).",
        ));
    }
    Ok(cleaned)
}
