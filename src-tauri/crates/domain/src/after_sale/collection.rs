//! The Collection Notice and the storage fee it starts.
//!
//! Convention (lx-watch 3.1, "$10 per day for items held over 7 days after notice"): the
//! notice day is day 0; days 1 to 7 after it are free; the fee is charged for every day
//! from day 8 up to and including the day the watch leaves. A grace in business days ends
//! on the 7th business day instead. The last free day is the customer's deadline to
//! collect without a fee, so when it falls on a day the shop is closed (a weekend day, a
//! holiday) it moves on to the next day the shop is open, and the fee starts after that.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ticket::TicketState;
use crate::Code;
use crate::{Amount, DomainError, Policy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionNotice {
    pub issued_on: Date,
    /// The last day the watch stays free of charge.
    pub last_free_day: Date,
    /// The first day that costs `fee_per_day`.
    pub fees_from: Date,
    /// The fee the customer was told, kept even if the policy changes later.
    pub fee_per_day: Amount,
    /// The last day the customer may ask for more photos or a video; none where the policy
    /// makes no such offer (`Policy::extra_media_request` off).
    pub media_request_by: Option<Date>,
}

impl CollectionNotice {
    /// Issues the notice for a ticket in `state` that has `earlier` (if any): only once the
    /// repair is ready, and only once, since the storage fee counts from it.
    pub fn issue_for(
        state: TicketState,
        earlier: Option<&CollectionNotice>,
        policy: &Policy,
        today: Date,
    ) -> Result<CollectionNotice, DomainError> {
        if state != TicketState::ReadyForCollection {
            return Err(DomainError::refused(
                Code::IllegalTransition,
                format!(
                    "A Collection Notice is issued when the repair is ready; this ticket is {}.",
                    state.label().to_lowercase()
                ),
            ));
        }
        if let Some(n) = earlier {
            return Err(DomainError::refused(
                Code::NoticeAlreadyIssued,
                format!("The Collection Notice was issued on {}; storage counts from it.", n.issued_on),
            ));
        }
        Ok(CollectionNotice::issue(policy, today))
    }

    pub fn issue(policy: &Policy, today: Date) -> CollectionNotice {
        let last_free_day = policy.calendar.open_on_or_after(policy.storage_grace.last_day(today, &policy.calendar));
        CollectionNotice {
            issued_on: today,
            last_free_day,
            fees_from: last_free_day.tomorrow().unwrap_or(last_free_day),
            fee_per_day: policy.storage_fee_per_day,
            media_request_by: (!policy.extra_media_request.is_none())
                .then(|| policy.extra_media_request.last_day(today, &policy.calendar)),
        }
    }

    /// Whether this shop charges storage at all.
    pub fn charges_storage(&self) -> bool {
        self.fee_per_day.0 > 0
    }

    /// Days charged when the watch leaves (or is looked at) on `until`, that day included.
    pub fn storage_days(&self, until: Date) -> i64 {
        if until < self.fees_from {
            return 0;
        }
        (until - self.fees_from).get_days() as i64 + 1
    }

    /// The storage fee accrued through `until`.
    pub fn storage_fee(&self, until: Date) -> Amount {
        Amount(self.fee_per_day.0.saturating_mul(self.storage_days(until)))
    }
}
