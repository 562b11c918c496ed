//! What a watch ready for collection is waiting for: Today lists it under each of these.

use super::{Account, ChargeKind};
use crate::Amount;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// Repaired, but the customer has not been told: the Collection Notice is due.
    Notice,
    /// Past the free storage days: the fee so far.
    StorageFee(Amount),
    /// Money is still owed: the balance.
    Payment(Amount),
    /// Paid and shipping chosen: the courier's tracking number, to dispatch.
    TrackingNumber,
}

/// Everything a ready watch waits for; one watch may wait for several (a notice sent long
/// ago, storage accruing and a balance owed).
pub fn waiting_for(notice_issued: bool, shipping_chosen: bool, account: &Account) -> Vec<Waiting> {
    let mut waits = Vec::new();
    if !notice_issued {
        waits.push(Waiting::Notice);
    }
    if let Some(fee) = account.charges.iter().find(|c| c.kind == ChargeKind::Storage) {
        waits.push(Waiting::StorageFee(fee.amount));
    }
    if account.balance.0 > 0 {
        waits.push(Waiting::Payment(account.balance));
    }
    if shipping_chosen && account.is_settled() {
        waits.push(Waiting::TrackingNumber);
    }
    waits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::after_sale::Charge;

    fn account(storage: i64, balance: i64) -> Account {
        let charges = (storage > 0)
            .then(|| Charge { kind: ChargeKind::Storage, label: "Storage".into(), amount: Amount(storage) })
            .into_iter()
            .collect();
        Account { charges, balance: Amount(balance), ..Account::default() }
    }

    #[test]
    fn a_fresh_repair_waits_for_its_notice_and_payment() {
        assert_eq!(waiting_for(false, false, &account(0, 80_000)), [Waiting::Notice, Waiting::Payment(Amount(80_000))]);
    }

    #[test]
    fn an_old_notice_accrues_storage_on_top_of_the_balance() {
        assert_eq!(
            waiting_for(true, false, &account(3_000, 83_000)),
            [Waiting::StorageFee(Amount(3_000)), Waiting::Payment(Amount(83_000))]
        );
    }

    #[test]
    fn paid_and_shipping_chosen_waits_only_for_the_tracking_number() {
        assert_eq!(waiting_for(true, true, &account(0, 0)), [Waiting::TrackingNumber]);
        // Paid for collection in person: nothing for the shop to chase.
        assert!(waiting_for(true, false, &account(0, 0)).is_empty());
    }

    #[test]
    fn a_credit_is_neither_owed_nor_ready_to_dispatch() {
        // An overpayment must be refunded before dispatch (check_release), so it is not listed as ready.
        assert!(waiting_for(true, true, &account(0, -500)).is_empty());
    }
}
