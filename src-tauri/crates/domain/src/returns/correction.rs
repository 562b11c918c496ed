//! A request recorded with a mistake (a price typed in the wrong way, a wrong date) is
//! corrected until the return is decided: the figures and dates it was judged by change,
//! and the log keeps each change with its old and new value. After the decision the
//! request is what the decision was made on, and stays.

use super::request::ReturnRequest;
use super::{ReturnCase, ReturnState};
use crate::customer::Correction;
use crate::{Code, DomainError};

impl ReturnState {
    /// The request may still be corrected: nothing has been decided on it.
    pub fn request_correctable(self) -> bool {
        use ReturnState::*;
        matches!(self, Requested | Authorized | Expired | Held | Received)
    }
}

impl ReturnRequest {
    /// What changes from `self` to `next`, field by field, in the shop's words.
    pub fn corrections_to(&self, next: &ReturnRequest) -> Vec<Correction> {
        // Both sides in the style the correction was typed in: a request stored before the
        // shop's style was set must not read as changed only because it prints differently.
        let money = |r: &ReturnRequest, a| r.currency.with_style(next.currency.style()).format(a);
        let day = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let pairs: Vec<(&str, String, String)> = vec![
            ("order number", self.order_number.clone(), next.order_number.clone()),
            ("product", self.product.clone(), next.product.clone()),
            ("model", self.model.clone(), next.model.clone()),
            ("serial", self.serial.clone(), next.serial.clone()),
            ("category", self.category.clone(), next.category.clone()),
            ("price", money(self, self.purchase_price), money(next, next.purchase_price)),
            ("original shipping", money(self, self.original_shipping), money(next, next.original_shipping)),
            ("insurance", money(self, self.insurance_paid), money(next, next.insurance_paid)),
            ("payment method", self.paid_with.label().into(), next.paid_with.label().into()),
            ("purchase date", self.purchase_date.to_string(), next.purchase_date.to_string()),
            ("delivery date", day(self.delivery_date), day(next.delivery_date)),
            ("reason", self.reason.label().into(), next.reason.label().into()),
            ("what the customer asks for", self.wants.label().into(), next.wants.label().into()),
            ("customer's words", self.details.clone(), next.details.clone()),
            ("unpacked", yes(self.opened), yes(next.opened)),
            ("used", yes(self.was_used()), yes(next.was_used())),
            ("colour claim", yes(self.colour_claim), yes(next.colour_claim)),
            ("request date", self.requested_on.to_string(), next.requested_on.to_string()),
            ("channel", self.channel.label().into(), next.channel.label().into()),
        ];
        pairs
            .into_iter()
            .filter(|(_, from, to)| from != to)
            .map(|(field, from, to)| Correction { field: field.into(), from, to })
            .collect()
    }
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

impl ReturnCase {
    /// Replaces the request with `next` (its photos and videos kept); returns the changes.
    pub fn correct_request(&mut self, mut next: ReturnRequest) -> Result<Vec<Correction>, DomainError> {
        let Some(current) = self.request.as_ref() else {
            return Err(DomainError::refused(
                Code::NoReturnOnFile,
                "Nobody asked to return this package: record the customer's request first.",
            ));
        };
        if !self.state.request_correctable() {
            return Err(DomainError::refused(
                Code::IllegalTransition,
                format!(
                    "This return is {}: its request is what the decision was made on and can no longer change.",
                    self.state.label().to_lowercase()
                ),
            ));
        }
        next.media = current.media.clone();
        let changes = current.corrections_to(&next);
        self.request = Some(next);
        Ok(changes)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::returns::{RefundMethod, Remedy, RequestChannel, ReturnReason};
    use crate::{Amount, Currency, NumberStyle};

    fn request(price: i64) -> ReturnRequest {
        ReturnRequest {
            order_number: "TR-1001".into(),
            product: "Watch GT 4".into(),
            model: String::new(),
            serial: String::new(),
            category: String::new(),
            currency: Currency::from_code("TRY").unwrap().with_style(NumberStyle::CommaDecimals),
            purchase_price: Amount(price),
            original_shipping: Amount(0),
            insurance_paid: Amount(0),
            paid_with: RefundMethod::OriginalCard,
            purchase_date: date(2026, 11, 20),
            delivery_date: Some(date(2026, 11, 23)),
            reason: ReturnReason::ChangeOfMind,
            wants: Remedy::Refund,
            details: String::new(),
            colour_claim: false,
            opened: false,
            used: Some(false),
            requested_on: date(2026, 11, 30),
            channel: RequestChannel::InStore,
            media: vec!["a".repeat(64)],
        }
    }

    #[test]
    fn a_price_typed_the_wrong_way_is_corrected_until_the_decision() {
        let mut case = ReturnCase::new(None, ReturnState::Authorized, Some(request(124_990_000)));
        let changes = case.correct_request(ReturnRequest { media: vec![], ..request(1_249_900) }).unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].field.as_str(), changes[0].from.as_str(), changes[0].to.as_str()),
            ("price", "TRY 1.249.900,00", "TRY 12.499,00")
        );
        assert_eq!(case.request.as_ref().unwrap().media.len(), 1, "the evidence stays with the request");
        // A request kept in another number style is not "changed" by its style alone.
        let mut stored = request(1_249_900);
        stored.currency = stored.currency.with_style(crate::money::NumberStyle::PointDecimals);
        assert!(stored.corrections_to(&request(1_249_900)).is_empty());
        case.state = ReturnState::RefundDue;
        let refused = case.correct_request(request(1_000_000)).unwrap_err();
        assert_eq!(refused.code(), Code::IllegalTransition);
        for s in ReturnState::ALL {
            assert_eq!(
                s.request_correctable(),
                !s.is_closed()
                    && !matches!(s, ReturnState::RefundDue | ReturnState::ExchangeDue | ReturnState::ShipBack),
                "{s:?}"
            );
        }
    }
}
