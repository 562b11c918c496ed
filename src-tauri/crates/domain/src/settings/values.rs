//! Each settings field as text: the value the form shows and the CLI prints, and one parser
//! per field so the Settings screen, the setup form and the CLI refuse the same input.

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

use super::{PaperSize, Settings};
use crate::after_sale::PaymentMethod;
use crate::calendar::weekday_names::NAMES as WEEKDAYS;
use crate::calendar::{DateStyle, Holiday, Period, PeriodRange};
use crate::money::{Currency, NumberStyle, Percent};
use crate::policy::{
    ConditionRule, EvidenceRule, RefundDueFrom, ReturnPostage, ReturnWindowStart, WarrantyStart, MAX_LABEL,
};
use crate::returns::BankAccounts;
use crate::text;
use crate::FieldError;

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn parse_bool(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "on" | "1" => Ok(true),
        "no" | "false" | "off" | "0" => Ok(false),
        other => Err(format!("\"{other}\" is not yes or no.")),
    }
}

fn choice<T: Copy>(value: &str, options: &[(&str, T)]) -> Result<T, String> {
    let wanted = value.trim().to_ascii_lowercase();
    options.iter().find(|(k, _)| *k == wanted).map(|(_, v)| *v).ok_or_else(|| {
        let names: Vec<_> = options.iter().map(|(k, _)| *k).collect();
        format!("Choose one of: {}.", names.join(", "))
    })
}

const WARRANTY_STARTS: [(&str, WarrantyStart); 2] =
    [("purchase", WarrantyStart::Purchase), ("delivery", WarrantyStart::Delivery)];
const RETURN_STARTS: [(&str, ReturnWindowStart); 3] = [
    ("purchase", ReturnWindowStart::Purchase),
    ("delivery", ReturnWindowStart::Delivery),
    ("request", ReturnWindowStart::Request),
];
const PAPER: [(&str, PaperSize); 2] = [("a4", PaperSize::A4), ("letter", PaperSize::Letter)];

fn key_of<T: PartialEq + Copy>(value: T, options: &[(&'static str, T)]) -> String {
    options.iter().find(|(_, v)| *v == value).map(|(k, _)| *k).unwrap_or_default().to_string()
}

pub(crate) fn parse_email(value: &str) -> Result<String, String> {
    let v = value.trim();
    let ok = v.is_empty()
        || (v.len() <= 120
            && !v.chars().any(|c| c.is_whitespace() || c.is_control())
            && v.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.')));
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("\"{v}\" is not an email address."))
    }
}

pub(crate) fn parse_phone(value: &str) -> Result<String, String> {
    let v = value.trim();
    let ok = v.len() <= 30 && v.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if ok {
        Ok(v.to_string())
    } else {
        Err("A phone number has digits, spaces and + - ( ) only, at most 30 characters.".into())
    }
}

fn parse_weekdays(value: &str) -> Result<Vec<Weekday>, String> {
    let mut days = Vec::new();
    for part in value.split([',', ' ']).filter(|p| !p.trim().is_empty()) {
        let name = part.trim().to_ascii_lowercase();
        let day = WEEKDAYS
            .iter()
            .find(|(_, k)| name.starts_with(k))
            .map(|(d, _)| *d)
            .ok_or_else(|| format!("\"{part}\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)."))?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    days.sort_by_key(|d| d.to_monday_zero_offset());
    Ok(days)
}

/// Comma-separated method keys, "cash,card,fps": each once, in the order given.
fn parse_payment_methods(value: &str) -> Result<Vec<PaymentMethod>, String> {
    let mut methods = Vec::new();
    for part in value.split([',', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        let method = PaymentMethod::from_key(&part.to_ascii_lowercase()).ok_or_else(|| {
            let keys: Vec<_> = PaymentMethod::ALL.iter().map(|m| m.key()).collect();
            format!("\"{part}\" is not a payment method ({}).", keys.join(", "))
        })?;
        if !methods.contains(&method) {
            methods.push(method);
        }
    }
    Ok(methods)
}

fn parse_holidays(value: &str) -> Result<Vec<Holiday>, String> {
    let mut holidays = Vec::new();
    for line in value.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (day, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let date: Date = day.parse().map_err(|_| {
            format!("\"{day}\" is not a date: write each holiday as its date and name, e.g. 2026-01-01 New Year's Day.")
        })?;
        let name = text::single_line("policy.holidays", name, MAX_LABEL).map_err(|e| e.to_string())?;
        holidays.push(Holiday { date, name });
    }
    holidays.sort_by_key(|h| h.date);
    Ok(holidays)
}

impl Settings {
    /// A field's value as the text the settings form shows and the CLI prints.
    pub fn field_value(&self, key: &str) -> Option<String> {
        let p = &self.policy;
        let period = |p: Period| Some(p.to_string());
        let money = |a| Some(self.currency.format_number(a));
        let percent = |p: Percent| Some(p.figure());
        match key {
            "shop.name" => Some(self.shop.name.clone()),
            "shop.address" => Some(self.shop.address.clone()),
            "shop.phone" => Some(self.shop.phone.clone()),
            "shop.email" => Some(self.shop.email.clone()),
            "shop.whatsapp" => Some(self.shop.whatsapp.clone()),
            "shop.tax_id" => Some(self.shop.tax_id.clone()),
            "shop.payment_details" => Some(self.shop.payment_details.clone()),
            "shop.terms" => Some(self.shop.terms.clone()),
            "shop.time_zone" => Some(self.time_zone.clone()),
            "money.currency" => Some(self.currency.code().to_string()),
            "money.number_style" => Some(self.number_style.key().to_string()),
            "forms.date_style" => Some(self.date_style.key().to_string()),
            "money.payment_methods" => Some(self.payment_methods.iter().map(|m| m.key()).collect::<Vec<_>>().join(",")),
            "money.bank_accounts" => Some(self.bank_accounts.key().to_string()),
            "money.tax_name" => Some(self.tax.name.clone()),
            "money.tax_rate" => percent(self.tax.rate),
            "forms.paper_size" => Some(key_of(self.paper, &PAPER)),
            "policy.assessment_due" => period(p.assessment_due),
            "policy.quotation_validity" => period(p.quotation_validity),
            "policy.quotation_hold" => period(p.quotation_hold),
            "policy.extra_media_request" => period(p.extra_media_request),
            "policy.storage_grace" => period(p.storage_grace),
            "policy.storage_fee_per_day" => money(p.storage_fee_per_day),
            "policy.parts_returned" => Some(yes_no(p.parts_returned)),
            "policy.shipping_insurance_rate" => percent(p.shipping_insurance_rate),
            "policy.signature_threshold" => money(p.signature_threshold),
            "policy.shop_pays_shipping_within" => period(p.shop_pays_shipping_within),
            "policy.return_postage" => Some(p.return_postage.key().to_string()),
            "policy.returns_from_abroad" => Some(yes_no(p.returns_from_abroad)),
            "policy.warranty" => period(p.warranty),
            "policy.warranty_starts" => Some(key_of(p.warranty_starts, &WARRANTY_STARTS)),
            "policy.dead_on_arrival" => period(p.dead_on_arrival),
            "policy.return_window" => period(p.return_window),
            "policy.return_window_starts" => Some(key_of(p.return_window_starts, &RETURN_STARTS)),
            "policy.returns_condition" => Some(p.returns_condition.key().to_string()),
            "policy.return_evidence" => Some(p.return_evidence.key().to_string()),
            "policy.paired_devices_excluded" => Some(yes_no(p.paired_devices_excluded)),
            "policy.colour_claims_accepted" => Some(yes_no(p.colour_claims_accepted)),
            "policy.non_returnable" => Some(p.non_returnable.join("\n")),
            "policy.rma_required" => Some(yes_no(p.rma_required)),
            "policy.rma_validity" => period(p.rma_validity),
            "policy.no_rma_hold" => period(p.no_rma_hold),
            "policy.inspection_due" => period(p.inspection_due),
            "policy.partial_refund_min" => percent(p.partial_refund_min),
            "policy.partial_refund_max" => percent(p.partial_refund_max),
            "policy.refund_due" => period(p.refund_due),
            "policy.refund_due_from" => Some(p.refund_due_from.key().to_string()),
            "policy.card_refund_posting" => Some(p.card_refund_posting.to_string()),
            "policy.paypal_refund_posting" => Some(p.paypal_refund_posting.to_string()),
            "policy.bank_refund_posting" => Some(p.bank_refund_posting.to_string()),
            "policy.replacement_due" => period(p.replacement_due),
            "policy.original_shipping_refunded" => Some(yes_no(p.original_shipping_refunded)),
            "policy.insurance_refunded" => Some(yes_no(p.insurance_refunded)),
            "policy.deduct_return_customs" => Some(yes_no(p.deduct_return_customs)),
            "policy.paypal_refund_fee" => percent(p.paypal_refund_fee),
            "policy.instalment_refund_rule" => Some(p.instalment_refund_rule.clone()),
            "policy.max_instalments" => Some(p.max_instalments.to_string()),
            "policy.exchange_window" => period(p.exchange_window),
            "policy.exchange_fee" => percent(p.exchange_fee),
            "policy.working_days" => Some(
                WEEKDAYS
                    .iter()
                    .filter(|(d, _)| p.calendar.working_days.contains(d))
                    .map(|(_, k)| *k)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            "policy.holidays" => Some(
                p.calendar.holidays.iter().map(|h| format!("{} {}", h.date, h.name)).collect::<Vec<_>>().join("\n"),
            ),
            _ => self.bench_value(key),
        }
    }

    /// Sets one field from text, refusing what the field cannot hold.
    pub fn set_field(&mut self, key: &str, value: &str) -> Result<(), FieldError> {
        self.set_field_inner(key, value).map_err(|message| FieldError::new(key, message))
    }

    fn set_field_inner(&mut self, key: &str, value: &str) -> Result<(), String> {
        let one_line = |max| text::single_line(key, value, max).map_err(|e| e.to_string());
        let lines = |max| text::multi_line(key, value, max).map_err(|e| e.to_string());
        let currency = self.currency;
        let money = |v: &str| {
            let amount = currency.parse(v)?;
            if amount.0 < 0 {
                return Err("A fee or threshold cannot be negative.".to_string());
            }
            Ok(amount)
        };
        let p = &mut self.policy;
        match key {
            "shop.name" => {
                let name = one_line(80)?;
                if name.is_empty() {
                    return Err("Enter the shop's name: it heads every form.".into());
                }
                self.shop.name = name;
            }
            "shop.address" => self.shop.address = lines(300)?,
            "shop.phone" => self.shop.phone = parse_phone(value)?,
            "shop.email" => self.shop.email = parse_email(value)?,
            "shop.whatsapp" => self.shop.whatsapp = parse_phone(value)?,
            "shop.tax_id" => self.shop.tax_id = one_line(40)?,
            "shop.payment_details" => self.shop.payment_details = lines(600)?,
            "shop.terms" => self.shop.terms = lines(1200)?,
            "shop.time_zone" => {
                let name = value.trim();
                TimeZone::get(name).map_err(|_| {
                    format!("\"{name}\" is not a time zone name (e.g. Asia/Hong_Kong, Europe/Istanbul).")
                })?;
                self.time_zone = name.to_string();
            }
            "money.currency" => {
                self.currency = Currency::from_code(value).map_err(|e| e.to_string())?.with_style(self.number_style)
            }
            "money.number_style" => {
                self.number_style = NumberStyle::parse(value)?;
                self.currency = self.currency.with_style(self.number_style);
            }
            "forms.date_style" => self.date_style = DateStyle::parse_key(value)?,
            "money.payment_methods" => self.payment_methods = parse_payment_methods(value)?,
            "money.bank_accounts" => {
                self.bank_accounts = BankAccounts::from_key(value).ok_or_else(|| {
                    let keys: Vec<_> = BankAccounts::ALL.iter().map(|b| b.key()).collect();
                    format!("Choose one of: {}.", keys.join(", "))
                })?
            }
            // Required only while the rate is above 0 (checked with the rate, in `validate`).
            "money.tax_name" => self.tax.name = one_line(20)?,
            "money.tax_rate" => self.tax.rate = Percent::parse(value)?,
            "forms.paper_size" => self.paper = choice(value, &PAPER)?,
            "policy.assessment_due" => p.assessment_due = Period::parse(value)?,
            "policy.quotation_validity" => p.quotation_validity = Period::parse(value)?,
            "policy.quotation_hold" => p.quotation_hold = Period::parse(value)?,
            "policy.extra_media_request" => p.extra_media_request = Period::parse(value)?,
            "policy.storage_grace" => p.storage_grace = Period::parse(value)?,
            "policy.storage_fee_per_day" => p.storage_fee_per_day = money(value)?,
            "policy.parts_returned" => p.parts_returned = parse_bool(value)?,
            "policy.shipping_insurance_rate" => p.shipping_insurance_rate = Percent::parse(value)?,
            "policy.signature_threshold" => p.signature_threshold = money(value)?,
            "policy.shop_pays_shipping_within" => p.shop_pays_shipping_within = Period::parse(value)?,
            "policy.return_postage" => {
                let keys: Vec<(&str, ReturnPostage)> = ReturnPostage::ALL.iter().map(|r| (r.key(), *r)).collect();
                p.return_postage = choice(value, &keys)?
            }
            "policy.returns_from_abroad" => p.returns_from_abroad = parse_bool(value)?,
            "policy.warranty" => p.warranty = Period::parse(value)?,
            "policy.warranty_starts" => p.warranty_starts = choice(value, &WARRANTY_STARTS)?,
            "policy.dead_on_arrival" => p.dead_on_arrival = Period::parse(value)?,
            "policy.return_window" => p.return_window = Period::parse(value)?,
            "policy.return_window_starts" => p.return_window_starts = choice(value, &RETURN_STARTS)?,
            "policy.returns_condition" => {
                let keys: Vec<(&str, ConditionRule)> = ConditionRule::ALL.iter().map(|r| (r.key(), *r)).collect();
                p.returns_condition = choice(value, &keys)?
            }
            "policy.return_evidence" => {
                let keys: Vec<(&str, EvidenceRule)> = EvidenceRule::ALL.iter().map(|r| (r.key(), *r)).collect();
                p.return_evidence = choice(value, &keys)?
            }
            "policy.paired_devices_excluded" => p.paired_devices_excluded = parse_bool(value)?,
            "policy.colour_claims_accepted" => p.colour_claims_accepted = parse_bool(value)?,
            "policy.non_returnable" => {
                let mut list = Vec::new();
                for line in value.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    list.push(text::single_line(key, line, MAX_LABEL).map_err(|e| e.to_string())?);
                }
                p.non_returnable = list;
            }
            "policy.rma_required" => p.rma_required = parse_bool(value)?,
            "policy.rma_validity" => p.rma_validity = Period::parse(value)?,
            "policy.no_rma_hold" => p.no_rma_hold = Period::parse(value)?,
            "policy.inspection_due" => p.inspection_due = Period::parse(value)?,
            "policy.partial_refund_min" => p.partial_refund_min = Percent::parse(value)?,
            "policy.partial_refund_max" => p.partial_refund_max = Percent::parse(value)?,
            "policy.refund_due" => p.refund_due = Period::parse(value)?,
            "policy.refund_due_from" => {
                let keys: Vec<(&str, RefundDueFrom)> = RefundDueFrom::ALL.iter().map(|r| (r.key(), *r)).collect();
                p.refund_due_from = choice(value, &keys)?
            }
            "policy.card_refund_posting" => p.card_refund_posting = PeriodRange::parse(value)?,
            "policy.paypal_refund_posting" => p.paypal_refund_posting = PeriodRange::parse(value)?,
            "policy.bank_refund_posting" => p.bank_refund_posting = PeriodRange::parse(value)?,
            "policy.replacement_due" => p.replacement_due = Period::parse(value)?,
            "policy.original_shipping_refunded" => p.original_shipping_refunded = parse_bool(value)?,
            "policy.insurance_refunded" => p.insurance_refunded = parse_bool(value)?,
            "policy.deduct_return_customs" => p.deduct_return_customs = parse_bool(value)?,
            "policy.paypal_refund_fee" => p.paypal_refund_fee = Percent::parse(value)?,
            "policy.instalment_refund_rule" => p.instalment_refund_rule = lines(300)?,
            "policy.max_instalments" => {
                use crate::after_sale::InstalmentPlan;
                let (fewest, most) = (InstalmentPlan::FEWEST, InstalmentPlan::MOST);
                p.max_instalments = match value.trim().parse::<u8>() {
                    Ok(n) if (fewest..=most).contains(&n) => n,
                    _ => return Err(format!("Enter a number of instalments from {fewest} to {most}.")),
                }
            }
            "policy.exchange_window" => p.exchange_window = Period::parse(value)?,
            "policy.exchange_fee" => p.exchange_fee = Percent::parse(value)?,
            "policy.working_days" => {
                let days = parse_weekdays(value)?;
                if days.is_empty() {
                    return Err("Pick at least one working day, or business-day deadlines cannot be counted.".into());
                }
                p.calendar.working_days = days;
            }
            "policy.holidays" => p.calendar.holidays = parse_holidays(value)?,
            other => return self.set_bench_field(other, value),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_holidays_parse() {
        assert_eq!(
            parse_weekdays("fri, mon,tuesday").unwrap(),
            vec![Weekday::Monday, Weekday::Tuesday, Weekday::Friday]
        );
        assert!(parse_weekdays("funday").is_err());
        let h = parse_holidays("2026-12-26 Boxing Day\n\n2026-12-25 Christmas Day").unwrap();
        assert_eq!(h[0].date, jiff::civil::date(2026, 12, 25));
        assert_eq!(h[1].name, "Boxing Day");
        assert!(parse_holidays("2026-02-30 Nope").is_err(), "no such date");
        assert!(parse_holidays("tomorrow Party").is_err());
    }

    #[test]
    fn emails_and_phones() {
        assert!(parse_email("").is_ok());
        assert!(parse_email("327442606@qq.com").is_ok());
        assert!(parse_email("no at sign").is_err());
        assert!(parse_phone("+90 (542) 341-5194").is_ok());
        assert!(parse_phone("call me").is_err());
    }

    #[test]
    fn every_described_field_has_a_value_and_unknown_keys_are_refused() {
        let mut s =
            Settings::new("Shop", Currency::from_code("USD").unwrap(), crate::presets::PresetId::LxWatch, "UTC");
        for f in crate::settings::field_infos() {
            assert!(s.field_value(f.key).is_some(), "{} has no value", f.key);
        }
        assert!(s.set_field("policy.nonsense", "1").is_err());
    }

    #[test]
    fn refund_postings_read_and_write_as_text() {
        let s = Settings::new("Shop", Currency::from_code("USD").unwrap(), crate::presets::PresetId::LxWatch, "UTC");
        assert_eq!(s.field_value("policy.card_refund_posting").unwrap(), "7 to 14 business days");
        assert_eq!(s.field_value("policy.paypal_refund_posting").unwrap(), "within 1 day");
        assert_eq!(s.field_value("policy.bank_refund_posting").unwrap(), "1 to 3 business days");

        let next = s
            .apply([
                ("policy.card_refund_posting", "2–10 business days"),
                ("policy.paypal_refund_posting", "within 24 hours"),
                ("policy.bank_refund_posting", "3 to 5 working days"),
            ])
            .unwrap();
        assert_eq!(next.policy.card_refund_posting, PeriodRange::business_days(2, 10));
        assert_eq!(next.field_value("policy.card_refund_posting").unwrap(), "2 to 10 business days");
        assert_eq!(next.field_value("policy.paypal_refund_posting").unwrap(), "within 1 day");
        assert_eq!(next.field_value("policy.bank_refund_posting").unwrap(), "3 to 5 business days");
        // the shown text sets the same value again
        for key in ["policy.card_refund_posting", "policy.paypal_refund_posting", "policy.bank_refund_posting"] {
            let text = next.field_value(key).unwrap();
            assert_eq!(next.apply([(key, text.as_str())]).unwrap(), next, "{key}");
        }
        assert_eq!(next.changed_fields(&s), ["policy.card_refund_posting", "policy.bank_refund_posting"]);

        // refusals come back on the field's key, and nothing changes
        let err = s
            .apply([
                ("policy.card_refund_posting", "14-7 business days"),
                ("policy.paypal_refund_posting", "1-2 months"),
                ("policy.bank_refund_posting", "soon"),
            ])
            .unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            ["policy.card_refund_posting", "policy.paypal_refund_posting", "policy.bank_refund_posting"]
        );
        assert!(err.fields()[0].message.contains("upside down"), "{}", err.fields()[0].message);
        assert!(err.fields()[1].message.contains("not months"), "{}", err.fields()[1].message);
    }
}
