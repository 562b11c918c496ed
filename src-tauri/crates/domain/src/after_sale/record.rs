//! Everything after the repair that a ticket has so far, with its account worked out: what
//! the ticket page, Today, the CLI and the forms all read.

use jiff::civil::Date;
use jiff::Timestamp;

use super::account::AccountFacts;
use super::{Account, CollectionNotice, Completion, Payment, Release, Shipping};
use crate::quotation::Quotation;
use crate::Policy;

#[derive(Clone, Debug)]
pub struct AfterSale {
    pub completion: Option<(Completion, Timestamp)>,
    pub notice: Option<CollectionNotice>,
    pub payments: Vec<Payment>,
    pub shipping: Option<Shipping>,
    pub release: Option<(Release, Date)>,
    /// The accepted quotation and whether its cosmetic section was accepted too.
    pub accepted: Option<(Quotation, bool)>,
    /// Repaired under warranty (a covered assessment).
    pub covered: bool,
    /// The day the account is counted to: today, or the day the watch left.
    pub as_of: Date,
    pub account: Account,
}

impl AfterSale {
    /// The records as kept, with the account counted to `today` (or the day the watch left).
    #[allow(clippy::too_many_arguments)]
    pub fn of(
        policy: &Policy,
        completion: Option<(Completion, Timestamp)>,
        notice: Option<CollectionNotice>,
        payments: Vec<Payment>,
        shipping: Option<Shipping>,
        release: Option<(Release, Date)>,
        accepted: Option<(Quotation, bool)>,
        covered: bool,
        today: Date,
    ) -> AfterSale {
        let as_of = release.as_ref().map_or(today, |(_, on)| *on);
        let mut sale = AfterSale {
            completion,
            notice,
            payments,
            shipping,
            release,
            accepted,
            covered,
            as_of,
            account: Account::default(),
        };
        sale.account = Account::of(policy, &sale.facts());
        sale
    }

    pub fn facts(&self) -> AccountFacts<'_> {
        AccountFacts {
            accepted: self.accepted.as_ref().map(|(q, c)| (q, *c)),
            covered: self.covered,
            notice: self.notice.as_ref(),
            shipping: self.shipping.as_ref(),
            payments: &self.payments,
            as_of: self.as_of,
        }
    }

    /// The account as of another day (the day the watch would leave).
    pub fn account_on(&self, policy: &Policy, day: Date) -> Account {
        Account::of(policy, &AccountFacts { as_of: day, ..self.facts() })
    }
}
