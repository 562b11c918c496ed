//! Every settings field described once (key, group, label, kind, help) for the Settings
//! screen, the setup form and the CLI. `values.rs` reads and writes each as text.

use serde::Serialize;

use crate::after_sale::PaymentMethod;
use crate::returns::BankAccounts;

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FieldKind {
    Text {
        max: usize,
        required: bool,
    },
    Multiline {
        max: usize,
    },
    Email,
    Phone,
    Currency,
    TimeZone,
    Percent,
    Money,
    Period,
    /// A time from one length to another, or up to one: "7-14 business days", "within 1 day".
    PeriodRange,
    Bool,
    Choice {
        options: Vec<(&'static str, &'static str)>,
    },
    /// Comma-separated weekdays: "mon,tue,wed,thu,fri".
    Weekdays,
    /// Several of the options, comma-separated keys in the order picked: "cash,card,fps".
    Choices {
        options: Vec<(&'static str, &'static str)>,
    },
    /// One holiday a line: "2026-12-25 Christmas Day".
    Holidays,
    /// One entry a line.
    Lines,
}

#[derive(Clone, Debug, Serialize)]
pub struct FieldInfo {
    pub key: &'static str,
    pub group: &'static str,
    pub label: &'static str,
    /// What the field means in Caseback; the preset's own wording is shown beside it.
    pub help: &'static str,
    pub kind: FieldKind,
}

fn info(key: &'static str, group: &'static str, label: &'static str, kind: FieldKind, help: &'static str) -> FieldInfo {
    FieldInfo { key, group, label, help, kind }
}

const SHOP: &str = "Shop profile";
const MONEY: &str = "Money, tax and forms";
const REPAIRS: &str = "Repairs and quotations";
const SHIPPING: &str = "Shipping";
const WARRANTY: &str = "Warranty";
const RETURNS: &str = "Returns and refunds";
const CALENDAR: &str = "Working days";
const BENCH: &str = "Service warranty and bench";

const SERVICE_WARRANTY_HELP: &str = "The shop's own warranty on this work, from the day it is completed; a watch back \
     within it has the work redone at no charge. The seed policies state none: 0 for none.";

/// Every field, in the order the Settings screen shows them.
pub fn field_infos() -> Vec<FieldInfo> {
    use FieldKind::*;
    let text = |max| Text { max, required: false };
    vec![
        info("shop.name", SHOP, "Shop name", Text { max: 80, required: true }, "Printed at the top of every form."),
        info(
            "shop.address",
            SHOP,
            "Address",
            Multiline { max: 300 },
            "Where customers bring and send watches; printed on forms and labels.",
        ),
        info("shop.phone", SHOP, "Phone", Phone, ""),
        info("shop.email", SHOP, "Email", Email, "Quotations and notices are sent from and answered to this address."),
        info("shop.whatsapp", SHOP, "WhatsApp", Phone, "The number customers send signed quotations to."),
        info("shop.tax_id", SHOP, "Tax id", text(40), "Your business or tax registration number, printed on invoices."),
        info(
            "shop.payment_details",
            SHOP,
            "Payment details",
            Multiline { max: 600 },
            "Bank account, PayPal link and accepted cards, printed on quotations and notices.",
        ),
        info(
            "shop.terms",
            SHOP,
            "Short terms",
            Multiline { max: 1200 },
            "A few lines of terms printed at the foot of the intake receipt.",
        ),
        info(
            "money.currency",
            MONEY,
            "Currency",
            Currency,
            "ISO code of the currency you charge in, e.g. HKD, USD, TRY, CNY.",
        ),
        info(
            "money.tax_name",
            MONEY,
            "Tax name",
            Text { max: 20, required: false },
            "What your forms call the tax: GST, VAT, KDV. Not needed when the rate is 0.",
        ),
        info("money.tax_rate", MONEY, "Tax rate", Percent, "Applied to each taxable quotation line."),
        info(
            "money.number_style",
            MONEY,
            "Amounts are written",
            Choice { options: vec![("point_decimals", "1,234.56"), ("comma_decimals", "1.234,56")] },
            "How staff type amounts and how they print: which mark starts the decimals.",
        ),
        info(
            "forms.date_style",
            MONEY,
            "Dates are written",
            Choice {
                options: vec![
                    ("words", "1 December 2026"),
                    ("day_slashes", "01/12/2026"),
                    ("day_dots", "01.12.2026"),
                    ("iso", "2026-12-01"),
                ],
            },
            "On every screen, in date fields and on the forms.",
        ),
        info(
            "money.payment_methods",
            MONEY,
            "Payment methods",
            Choices { options: PaymentMethod::ALL.iter().map(|m| (m.key(), m.label())).collect() },
            "The ways you take money: the payment form offers these, and the return form the matching ways to \
             refund.",
        ),
        info(
            "money.bank_accounts",
            MONEY,
            "Customers' bank accounts are",
            Choice { options: BankAccounts::ALL.iter().map(|b| (b.key(), b.label())).collect() },
            "How customers give their account for a refund by bank transfer: an IBAN (Turkey, the EU, the UK), or \
             the bank and account number (Hong Kong, the US, China).",
        ),
        info(
            "forms.paper_size",
            MONEY,
            "Paper size",
            Choice { options: vec![("a4", "A4"), ("letter", "US Letter")] },
            "Size of printed forms; labels keep their own size.",
        ),
        info(
            "shop.time_zone",
            MONEY,
            "Time zone",
            TimeZone,
            "Deadlines fall on your local calendar dates (IANA name, e.g. Asia/Hong_Kong).",
        ),
        info(
            "policy.assessment_due",
            REPAIRS,
            "Assessment due",
            Period,
            "Time from receiving a watch to the technician's assessment and the quotation.",
        ),
        info(
            "policy.quotation_validity",
            REPAIRS,
            "Quotation valid for",
            Period,
            "From the day it is issued; after this an unanswered quotation expires.",
        ),
        info(
            "policy.quotation_hold",
            REPAIRS,
            "Hold after expiry",
            Period,
            "How long the watch is kept after a quotation expires, before the return notice is due.",
        ),
        info(
            "policy.extra_media_request",
            REPAIRS,
            "More photos may be requested within",
            Period,
            "After the Collection Notice, the customer may ask for more photos within this time. 0 if not offered.",
        ),
        info(
            "policy.storage_grace",
            REPAIRS,
            "Storage-fee grace",
            Period,
            "Days after the Collection Notice before storage fees start.",
        ),
        info(
            "policy.storage_fee_per_day",
            REPAIRS,
            "Storage fee per day",
            Money,
            "Charged for each day an item stays after the grace period.",
        ),
        info(
            "policy.parts_returned",
            REPAIRS,
            "Return replaced parts by default",
            Bool,
            "Otherwise replaced parts are retained by the shop unless agreed in writing before the repair.",
        ),
        info(
            "policy.shipping_insurance_rate",
            SHIPPING,
            "Shipping insurance rate",
            Percent,
            "Optional insurance, as a share of the order total; non-refundable.",
        ),
        info(
            "policy.signature_threshold",
            SHIPPING,
            "Signature required above",
            Money,
            "Deliveries worth more than this need a signature; it cannot be waived.",
        ),
        info(
            "policy.shop_pays_shipping_within",
            SHIPPING,
            "Shop pays shipping for problems within",
            Period,
            "When the shop pays for faults: how long after delivery a fault may be reported for the shop to pay \
             the return postage. 0 for no limit.",
        ),
        info(
            "policy.return_postage",
            SHIPPING,
            "Who pays a return's postage",
            Choice { options: crate::policy::ReturnPostage::ALL.iter().map(|r| (r.key(), r.label())).collect() },
            "What the return screen, the RMA instructions and the refund's postage line go by.",
        ),
        info(
            "policy.returns_from_abroad",
            SHIPPING,
            "Customers return from abroad",
            Bool,
            "Then the RMA instructions explain customs duties and the commercial invoice; otherwise they say \
             nothing of customs, couriers or borders.",
        ),
        info("policy.warranty", WARRANTY, "Warranty length", Period, "How long a watch is covered."),
        info(
            "policy.warranty_starts",
            WARRANTY,
            "Warranty counted from",
            Choice { options: vec![("purchase", "Purchase date"), ("delivery", "Delivery date")] },
            "",
        ),
        info(
            "policy.dead_on_arrival",
            WARRANTY,
            "Dead-on-arrival window",
            Period,
            "A watch that arrives broken within this time is replaced or refunded. 0 if not offered.",
        ),
        info(
            "policy.return_window",
            RETURNS,
            "Return window",
            Period,
            "Time in which a customer may return a purchase.",
        ),
        info(
            "policy.return_window_starts",
            RETURNS,
            "Return window counted from",
            Choice {
                options: vec![
                    ("purchase", "Purchase date"),
                    ("delivery", "Delivery date"),
                    ("request", "Return request date"),
                ],
            },
            "",
        ),
        info(
            "policy.returns_condition",
            RETURNS,
            "A return by choice is refused",
            Choice { options: crate::policy::ConditionRule::ALL.iter().map(|r| (r.key(), r.label())).collect() },
            "For the state the item is in: the request asks whether it was unpacked and whether it was used.",
        ),
        info(
            "policy.return_evidence",
            RETURNS,
            "Photo or video of a defect",
            Choice { options: crate::policy::EvidenceRule::ALL.iter().map(|r| (r.key(), r.label())).collect() },
            "For dead-on-arrival, defect and transit-damage returns: required before the RMA is issued, or only \
             asked for when staff want it.",
        ),
        info(
            "policy.paired_devices_excluded",
            RETURNS,
            "Smartwatches once paired are not taken back",
            Bool,
            "Paired with a phone or with data transferred, a smartwatch is used: the inspection checks it.",
        ),
        info("policy.colour_claims_accepted", RETURNS, "Accept colour-perception returns", Bool, ""),
        info(
            "policy.non_returnable",
            RETURNS,
            "Not returnable",
            Lines,
            "Categories that cannot be returned, one a line.",
        ),
        info(
            "policy.rma_required",
            RETURNS,
            "Parcels must bear their RMA code",
            Bool,
            "Then the RMA instructions say what happens to a parcel without one; otherwise the code is only the \
             return's reference, asked on the parcel so it is matched quickly.",
        ),
        info(
            "policy.rma_validity",
            RETURNS,
            "RMA code valid for",
            Period,
            "From the day it is issued; staff can extend it.",
        ),
        info(
            "policy.no_rma_hold",
            RETURNS,
            "Hold packages without a valid RMA",
            Period,
            "Then they go back at the customer's cost.",
        ),
        info("policy.inspection_due", RETURNS, "Inspection due", Period, "From receiving a return package."),
        info(
            "policy.partial_refund_min",
            RETURNS,
            "Partial refund from",
            Percent,
            "Lowest share of the price refunded for a used item.",
        ),
        info(
            "policy.partial_refund_max",
            RETURNS,
            "Partial refund up to",
            Percent,
            "Highest share of the price refunded for a used item.",
        ),
        info("policy.refund_due", RETURNS, "Refund issued within", Period, "Counted from the day chosen below."),
        info(
            "policy.refund_due_from",
            RETURNS,
            "Refund deadline counted from",
            Choice { options: crate::policy::RefundDueFrom::ALL.iter().map(|r| (r.key(), r.label())).collect() },
            "",
        ),
        info(
            "policy.card_refund_posting",
            RETURNS,
            "Time for a card refund to show",
            PeriodRange,
            "In the customer's account, from the day the refund is paid to the original card, e.g. 7-14 business days.",
        ),
        info(
            "policy.paypal_refund_posting",
            RETURNS,
            "Time for a PayPal refund to show",
            PeriodRange,
            "From the day the refund is paid through PayPal, e.g. within 1 day.",
        ),
        info(
            "policy.bank_refund_posting",
            RETURNS,
            "Time for a bank transfer refund to show",
            PeriodRange,
            "From the day the refund is transferred, e.g. 1-3 business days.",
        ),
        info(
            "policy.replacement_due",
            RETURNS,
            "Replacement sent within",
            Period,
            "For damaged or defective items. 0 if not promised.",
        ),
        info("policy.original_shipping_refunded", RETURNS, "Refund the original shipping with the price", Bool, ""),
        info("policy.insurance_refunded", RETURNS, "Refund the shipping insurance with the price", Bool, ""),
        info("policy.deduct_return_customs", RETURNS, "Deduct customs on the return from refunds", Bool, ""),
        info(
            "policy.paypal_refund_fee",
            RETURNS,
            "PayPal refund handling fee",
            Percent,
            "Deducted from refunds paid by PayPal. 0 if none.",
        ),
        info(
            "policy.instalment_refund_rule",
            RETURNS,
            "Refund of a purchase paid in instalments",
            Multiline { max: 300 },
            "How your bank refunds a card purchase paid in instalments, as the refund will say it, e.g. \"The \
             bank refunds the instalments already charged to the card and cancels the rest.\"",
        ),
        info(
            "policy.max_instalments",
            RETURNS,
            "Most instalments offered",
            Text { max: 2, required: true },
            "The most monthly instalments a card payment is spread over (2 to 36); the payment and return forms \
             refuse more.",
        ),
        info(
            "policy.exchange_window",
            RETURNS,
            "Exchange window",
            Period,
            "Time in which a customer may exchange for another colour or product. 0 if not offered.",
        ),
        info(
            "policy.exchange_fee",
            RETURNS,
            "Exchange fee",
            Percent,
            "Share of the product price charged for an exchange, on top of shipping.",
        ),
        info("policy.working_days", CALENDAR, "Working days", Weekdays, "Business-day deadlines skip the other days."),
        info(
            "policy.holidays",
            CALENDAR,
            "Holidays",
            Holidays,
            "Days the shop is closed; business-day deadlines skip them.",
        ),
        info("service_warranty.full_service", BENCH, "Warranty on a full service", Period, SERVICE_WARRANTY_HELP),
        info("service_warranty.repair", BENCH, "Warranty on a repair", Period, ""),
        info("service_warranty.battery", BENCH, "Warranty on a battery", Period, ""),
        info("service_warranty.strap_or_bracelet", BENCH, "Warranty on a strap or bracelet", Period, ""),
        info("service_warranty.crystal", BENCH, "Warranty on a crystal", Period, ""),
        info("service_warranty.water_resistance", BENCH, "Warranty on water resistance", Period, ""),
        info(
            "tolerances.rate_min",
            BENCH,
            "Slowest rate accepted (s/d)",
            Text { max: 10, required: true },
            "In any position measured, after the work, e.g. -4.",
        ),
        info(
            "tolerances.rate_max",
            BENCH,
            "Fastest rate accepted (s/d)",
            Text { max: 10, required: true },
            "In any position measured, after the work, e.g. +6.",
        ),
        info(
            "tolerances.delta_max",
            BENCH,
            "Largest delta between positions (s/d)",
            Text { max: 10, required: true },
            "",
        ),
        info(
            "tolerances.amplitude_min_dial_up",
            BENCH,
            "Least amplitude dial up (degrees)",
            Text { max: 10, required: true },
            "",
        ),
        info("tolerances.beat_error_under", BENCH, "Beat error under (ms)", Text { max: 10, required: true }, ""),
        info("tolerances.quartz_rate_max", BENCH, "Quartz rate within ± (s/d)", Text { max: 10, required: true }, ""),
        info(
            "tolerances.battery_voltage_min",
            BENCH,
            "Least battery voltage (V)",
            Text { max: 10, required: true },
            "",
        ),
        info(
            "tolerances.battery_health_min",
            BENCH,
            "Least smartwatch battery health (%)",
            Text { max: 10, required: true },
            "",
        ),
    ]
}
