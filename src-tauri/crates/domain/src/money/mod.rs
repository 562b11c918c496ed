//! Money as integer minor units, and percentages as basis points. No floats anywhere.
//!
//! Rounding rule (the only one in Caseback): a percentage of an amount is rounded to the
//! nearest minor unit, halves away from zero. `Percent::of` implements it.

mod style;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::DomainError;

pub use style::NumberStyle;

/// An amount in the minor unit of the shop's currency (cents, kuruş, fen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Amount(pub i64);

impl Amount {
    pub const ZERO: Amount = Amount(0);
}

/// An ISO 4217 currency, e.g. `HKD`, `USD`, `TRY`, `CNY`, written and read in a shop's
/// number style (the style is the shop's, not the currency's: it is not stored with a
/// record's currency, and two currencies are equal when their codes are).
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency {
    iso: iso_currency::Currency,
    style: NumberStyle,
}

impl PartialEq for Currency {
    fn eq(&self, other: &Self) -> bool {
        self.iso == other.iso
    }
}

impl Eq for Currency {}

impl Currency {
    pub fn from_code(code: &str) -> Result<Self, DomainError> {
        let iso = iso_currency::Currency::from_code(&code.trim().to_ascii_uppercase());
        iso.map(|iso| Currency { iso, style: NumberStyle::default() }).ok_or_else(|| {
            DomainError::invalid(
                "currency",
                format!("\"{code}\" is not an ISO 4217 currency code (e.g. HKD, USD, TRY)."),
            )
        })
    }

    /// The same currency, written and read in `style`.
    pub fn with_style(self, style: NumberStyle) -> Currency {
        Currency { style, ..self }
    }

    pub fn style(self) -> NumberStyle {
        self.style
    }

    pub fn code(self) -> &'static str {
        self.iso.code()
    }

    pub fn name(self) -> String {
        self.iso.name().to_string()
    }

    /// Digits after the decimal point (2 for HKD, 0 for JPY).
    pub fn minor_digits(self) -> u32 {
        self.iso.exponent().unwrap_or(0).into()
    }

    fn scale(self) -> i64 {
        10i64.pow(self.minor_digits())
    }

    /// "HKD 1,234.50". The code, not a symbol: `$` means different things in Hong Kong and the US.
    pub fn format(self, amount: Amount) -> String {
        format!("{} {}", self.code(), self.format_number(amount))
    }

    /// "1,234.50" (or "1.234,50"), "-12.00", "1,000" (for a currency without minor units).
    pub fn format_number(self, amount: Amount) -> String {
        let scale = self.scale();
        let minor = amount.0.unsigned_abs();
        let fraction = match self.minor_digits() {
            0 => None,
            d => Some(format!("{:0width$}", minor % scale as u64, width = d as usize)),
        };
        self.style.write(amount.0 < 0, minor / scale as u64, fraction)
    }

    /// An example amount in the shop's style, for hints: "10.50" or "10,50".
    pub fn example(self) -> String {
        self.format_number(Amount(10 * self.scale() + self.scale() / 2))
    }

    /// Parses what staff typed, in the shop's number style ("1,234.50" or "1.234,50"; "12"),
    /// into minor units, exactly. More decimals than the currency has are refused rather than
    /// rounded, and an amount that could be read two ways is refused with both readings.
    pub fn parse(self, text: &str) -> Result<Amount, String> {
        let digits = self.minor_digits() as usize;
        let (negative, whole, fraction) = self.style.read(text, digits, &self.example())?;
        let too_large = || format!("\"{}\" is too large an amount.", text.trim());
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
        let fraction: i64 = format!("{fraction:0<digits$}").parse().unwrap_or(0);
        let minor = whole.checked_mul(self.scale()).and_then(|w| w.checked_add(fraction)).ok_or_else(too_large)?;
        Ok(Amount(if negative { -minor } else { minor }))
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(code: String) -> Result<Self, String> {
        Currency::from_code(&code).map_err(|e| e.to_string())
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.code().to_string()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A percentage in basis points: 800 is 8%, 1250 is 12.5%. Between 0% and 100%.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Percent(pub u32);

impl Percent {
    /// The rate without its sign, as a settings field holds it: "20", "12.5".
    pub fn figure(self) -> String {
        self.to_string().trim_end_matches('%').to_string()
    }

    pub const MAX: Percent = Percent(10_000);

    pub fn from_whole(percent: u32) -> Self {
        Percent(percent * 100)
    }

    pub fn basis_points(self) -> u32 {
        self.0
    }

    /// This percentage of `amount`, rounded to the nearest minor unit, halves away from zero.
    pub fn of(self, amount: Amount) -> Amount {
        let product = amount.0 as i128 * self.0 as i128;
        let half = 5_000i128;
        let rounded = if product >= 0 { (product + half) / 10_000 } else { (product - half) / 10_000 };
        Amount(rounded as i64)
    }

    /// Parses "8", "8%", "12.5" or "12.25 %"; at most two decimals, 0 to 100.
    pub fn parse(text: &str) -> Result<Percent, String> {
        let trimmed = text.trim().trim_end_matches('%').trim();
        let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
        let digits_ok = !whole.is_empty() && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit());
        if !digits_ok || fraction.len() > 2 || whole.len() > 3 {
            return Err(format!("\"{}\" is not a percentage (e.g. 8 or 12.5).", text.trim()));
        }
        let bps = whole.parse::<u32>().unwrap_or(u32::MAX).saturating_mul(100)
            + format!("{fraction:0<2}").parse::<u32>().unwrap_or(0);
        if bps > Percent::MAX.0 {
            return Err("A percentage must be between 0 and 100.".into());
        }
        Ok(Percent(bps))
    }
}

impl fmt::Display for Percent {
    /// "8%", "12.5%", "12.25%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{whole}%"),
            f10 if f10 % 10 == 0 => write!(f, "{whole}.{}%", f10 / 10),
            _ => write!(f, "{whole}.{frac:02}%"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn usd() -> Currency {
        Currency::from_code("usd").unwrap()
    }

    #[test]
    fn parses_and_formats_amounts_exactly() {
        let c = usd();
        assert_eq!(c.parse("10").unwrap(), Amount(1000));
        assert_eq!(c.parse("10.5").unwrap(), Amount(1050));
        assert_eq!(c.parse("1,234.56").unwrap(), Amount(123_456));
        assert_eq!(c.parse(".5").unwrap(), Amount(50));
        assert_eq!(c.parse("-3.20").unwrap(), Amount(-320));
        assert!(c.parse("10.555").is_err(), "more decimals than cents");
        assert!(c.parse("ten").is_err());
        assert!(c.parse("").is_err());
        assert!(c.parse("99999999999999999999").is_err(), "overflow is refused");
        assert_eq!(c.format(Amount(123_456)), "USD 1,234.56");
        assert_eq!(c.format_number(Amount(-5)), "-0.05");
        assert_eq!(c.format_number(Amount(100_000_000)), "1,000,000.00");
    }

    #[test]
    fn currencies_without_minor_units() {
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(jpy.minor_digits(), 0);
        assert_eq!(jpy.parse("1500").unwrap(), Amount(1500));
        assert!(jpy.parse("1500.5").is_err());
        assert_eq!(jpy.format(Amount(1_500)), "JPY 1,500");
        assert!(Currency::from_code("XYZ").is_err());
    }

    #[test]
    fn percent_of_rounds_half_away_from_zero() {
        let eight = Percent::from_whole(8);
        assert_eq!(eight.of(Amount(10_000)), Amount(800));
        // 8% of 0.06 is 0.0048 -> 0.00; of 0.07 is 0.0056 -> 0.01
        assert_eq!(eight.of(Amount(6)), Amount(0));
        assert_eq!(eight.of(Amount(7)), Amount(1));
        // exactly half a cent: 10% of 0.05 = 0.005 -> 0.01, and -0.005 -> -0.01
        assert_eq!(Percent::from_whole(10).of(Amount(5)), Amount(1));
        assert_eq!(Percent::from_whole(10).of(Amount(-5)), Amount(-1));
        assert_eq!(Percent::MAX.of(Amount(i64::MAX)), Amount(i64::MAX));
    }

    #[test]
    fn percent_parse_and_display() {
        assert_eq!(Percent::parse("8").unwrap(), Percent(800));
        assert_eq!(Percent::parse("12.5 %").unwrap(), Percent(1250));
        assert_eq!(Percent::parse("0.25").unwrap(), Percent(25));
        assert!(Percent::parse("100.01").is_err());
        assert!(Percent::parse("-1").is_err());
        assert!(Percent::parse("1.234").is_err());
        assert_eq!(Percent(1250).to_string(), "12.5%");
        assert_eq!(Percent(1225).to_string(), "12.25%");
        assert_eq!(Percent(800).to_string(), "8%");
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(minor in -1_000_000_000_000i64..1_000_000_000_000) {
            let c = usd();
            prop_assert_eq!(c.parse(&c.format_number(Amount(minor))).unwrap(), Amount(minor));
        }

        #[test]
        fn percent_of_stays_within_bounds(minor in 0i64..1_000_000_000_000, bps in 0u32..=10_000) {
            let part = Percent(bps).of(Amount(minor));
            prop_assert!(part.0 >= 0 && part.0 <= minor);
        }
    }
}
