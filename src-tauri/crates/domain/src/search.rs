//! What a search matches: text folded so that accents, case and phone formatting don't
//! matter ("ayse" finds "Ayşe", "5423415194" finds "+90 542 341 51 94").

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::customer::CustomerDetails;
use crate::device::{serial_key, Device, PurchaseRecord};
use crate::ticket::TicketNumber;

/// Lower case, accents removed, Turkish dotless ı as i, runs of spaces as one.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ı' | 'İ' => out.push('i'),
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim().to_string()
}

pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// The text a ticket is found by: its number (also without the prefix and zeros), the
/// customer's name, phone (as digits too), email, the serial, item code and order number.
pub fn ticket_haystack(
    number: TicketNumber,
    customer: &CustomerDetails,
    device: &Device,
    purchase: &PurchaseRecord,
) -> String {
    let parts = [
        number.to_string(),
        format!("{}-{}", number.year, number.seq),
        customer.name.clone(),
        customer.phone.clone(),
        digits(&customer.phone),
        customer.email.clone(),
        device.brand.clone(),
        device.model.clone(),
        device.serial.clone(),
        serial_key(&device.serial),
        device.item_code.clone(),
        purchase.order_number.clone(),
    ];
    fold(&parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" | "))
}

/// The customer's own search text: name, phone (as digits too) and email.
pub fn customer_haystack(customer: &CustomerDetails) -> String {
    fold(&format!("{} | {} | {} | {}", customer.name, customer.phone, digits(&customer.phone), customer.email))
}

/// A catalogue part's search text: its number (with and without dashes), description,
/// kind, what it fits, supplier and drawer.
pub fn part_haystack(part: &crate::stock::PartDraft) -> String {
    fold(&format!(
        "{} {} | {} | {} | {} | {} | {}",
        part.number,
        part.number.replace(['-', ' ', '.'], ""),
        part.description,
        part.kind.label(),
        part.fits,
        part.supplier,
        part.location
    ))
}

/// A return's search text: its code (with and without dashes), order number, customer,
/// product and the sender written on the parcel.
pub fn return_haystack(case: &crate::returns::ReturnCase, customer: Option<&CustomerDetails>) -> String {
    let code = case.rma.as_ref().map(|r| r.code.to_string()).unwrap_or_default();
    let mut parts = vec![code.clone(), code.replace('-', "")];
    if let Some(r) = &case.request {
        parts.extend([r.order_number.clone(), r.product.clone(), r.model.clone(), r.serial.clone()]);
    }
    if let Some(p) = &case.receipt {
        parts.extend([p.package.sender.clone(), p.package.tracking.clone()]);
    }
    if let Some(c) = customer {
        parts.push(customer_haystack(c));
    }
    fold(&parts.join(" | "))
}

/// Splits what was typed into terms that must all be found. A phone number typed with
/// spaces or dashes becomes one run of digits.
pub fn query_terms(query: &str) -> Vec<String> {
    let q = query.trim();
    let phone_like = q.chars().filter(char::is_ascii_digit).count() >= 5
        && q.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if phone_like && q.contains([' ', '(', ')', '+', '.']) {
        return vec![digits(q)];
    }
    fold(q).split(' ').filter(|t| !t.is_empty()).map(str::to_string).take(8).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_turkish_letters_fold() {
        assert_eq!(fold("Ayşe YILMAZ"), "ayse yilmaz");
        assert_eq!(fold("Çağrı Öztürk"), "cagri ozturk");
        assert_eq!(fold("İstanbul  Işık"), "istanbul isik");
        assert_eq!(fold("José Müller"), "jose muller");
        assert_eq!(fold("王小明"), "王小明");
        assert_eq!(fold("ＫＯＳＰＥＴ"), "kospet", "full-width letters too");
    }

    #[test]
    fn phone_numbers_become_digits() {
        assert_eq!(query_terms("+90 (542) 341-51 94"), vec!["905423415194"]);
        assert_eq!(query_terms("5423415194"), vec!["5423415194"]);
        assert_eq!(query_terms("R-2026-00042"), vec!["r-2026-00042"]);
        assert_eq!(query_terms("  Ayşe   kospet "), vec!["ayse", "kospet"]);
        assert!(query_terms("   ").is_empty());
    }

    #[test]
    fn the_haystack_holds_every_way_to_find_a_ticket() {
        let customer = CustomerDetails {
            name: "Ayşe Yılmaz".into(),
            phone: "+90 542 341 51 94".into(),
            email: "ayse@example.com".into(),
            address: String::new(),
        };
        let device = Device {
            kind: Some(crate::device::DeviceKind::Smartwatch),
            brand: "KOSPET".into(),
            model: "Tank T3".into(),
            serial: "kp-2291 0042".into(),
            item_code: "SKU-77".into(),
            colour: String::new(),
        };
        let purchase = PurchaseRecord { order_number: "#100-2231".into(), ..PurchaseRecord::default() };
        let h = ticket_haystack(TicketNumber { branch: None, year: 2026, seq: 42 }, &customer, &device, &purchase);
        for needle in [
            "r-2026-00042",
            "2026-42",
            "ayse yilmaz",
            "905423415194",
            "ayse@example.com",
            "kp22910042",
            "sku-77",
            "#100-2231",
        ] {
            assert!(h.contains(needle), "{needle} not in {h}");
        }
    }
}
