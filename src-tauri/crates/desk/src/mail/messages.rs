//! The message that goes with each e-mailed form: the one the app already writes for the
//! window's mailto and WhatsApp links, from the same facts.

use caseback_domain::after_sale::message::{collection_message, receipt_message, shipping_message};
use caseback_domain::after_sale::Release;
use caseback_domain::outbox::MailedForm;
use caseback_domain::quotation::message::{quotation_message, return_notice_message, Message};
use caseback_domain::returns::message::{decline_message, rma_instructions};
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::{Code, DomainError};
use caseback_store::Shop;
use jiff::Timestamp;

use crate::error::Result;

fn missing(form: MailedForm) -> crate::Error {
    DomainError::refused(
        Code::FormNotApplicable,
        format!("There is nothing to e-mail as {} yet: the record has no facts for it.", form.in_sentence()),
    )
    .into()
}

/// The message for a ticket's `form`, as of `now`.
pub(crate) fn of_ticket(shop: &Shop, now: Timestamp, id: TicketId, form: MailedForm) -> Result<Message> {
    let s = shop.settings()?;
    let ticket = shop.ticket(id)?;
    let customer = shop.customer(ticket.customer)?.details;
    let message = match form {
        MailedForm::Quotation => {
            shop.quotations(id)?.last().map(|q| quotation_message(&s, &ticket, &customer, &q.quotation))
        }
        MailedForm::ReturnNotice => shop
            .quotations(id)?
            .last()
            .map(|q| return_notice_message(&s, &ticket, &customer, &q.quotation, q.refused())),
        MailedForm::CollectionNotice => {
            let sale = shop.after_sale(id, now)?;
            match (&sale.completion, &sale.notice) {
                (Some((done, _)), Some(notice)) => Some(collection_message(
                    &s,
                    &ticket,
                    &customer,
                    done,
                    notice,
                    &sale.account,
                    sale.shipping.as_ref(),
                )),
                _ => None,
            }
        }
        MailedForm::ShippingNotice => {
            let sale = shop.after_sale(id, now)?;
            match (&sale.release, &sale.shipping) {
                (Some((Release::Dispatched(d), _)), Some(sh)) => Some(shipping_message(&s, &ticket, &customer, sh, d)),
                _ => None,
            }
        }
        MailedForm::Receipt => Some(receipt_message(&s, &ticket, &customer, &shop.after_sale(id, now)?.account)),
        MailedForm::RmaInstructions | MailedForm::DeclineLetter => None,
    };
    message.ok_or_else(|| missing(form))
}

/// The message for a return's `form`.
pub(crate) fn of_return(shop: &Shop, id: ReturnId, form: MailedForm) -> Result<Message> {
    let s = shop.settings()?;
    let case = shop.return_case(id)?;
    let customer = case.customer.map(|c| shop.customer(c)).transpose()?.map(|c| c.details).unwrap_or_default();
    let message = match form {
        MailedForm::RmaInstructions => {
            let eligibility = shop.return_eligibility(&case)?;
            match (&case.request, &case.rma, &eligibility) {
                (Some(r), Some(rma), Some(e)) => Some(rma_instructions(&s, &customer, r, rma.code, rma.validity, e)),
                _ => None,
            }
        }
        MailedForm::DeclineLetter => decline_message(&s, &customer, &case),
        _ => None,
    };
    message.ok_or_else(|| missing(form))
}
