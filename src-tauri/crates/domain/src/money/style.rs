//! How a shop writes numbers: which mark groups the thousands and which one starts the
//! decimals. Hong Kong writes 12,499.00; Turkey writes 12.499,00. Amounts are read in the
//! shop's own way, and one that could be read two ways is refused with both readings
//! spelled out, never guessed at (a decimal comma once made a price 100 times larger).
//!
//! Reading `text` with decimal mark D and group mark G, for a currency of `n` decimals:
//! - both marks present: the last one must be D, with at most `n` digits after it; the part
//!   before may group its digits by three with G. The other way round is refused ("looks like
//!   the other way of writing amounts").
//! - only D: at most `n` digits after it. Exactly three after a single D where the currency
//!   has fewer decimals is the other way's thousands ("12,499" in a Turkish shop): refused
//!   as two readings.
//! - only G: the digits must group by three after the first group (1-3 digits); otherwise
//!   ("12,50" in Hong Kong) it is the other way's decimals: refused, saying what to type.
//! - spaces (also no-break ones) group too, in either way.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// 1,234.56 (Hong Kong, China, the UK, the US).
    #[default]
    PointDecimals,
    /// 1.234,56 (Turkey, most of Europe).
    CommaDecimals,
}

impl NumberStyle {
    pub const ALL: [NumberStyle; 2] = [NumberStyle::PointDecimals, NumberStyle::CommaDecimals];

    /// As the setting's choices show it.
    pub fn label(self) -> &'static str {
        match self {
            NumberStyle::PointDecimals => "1,234.56",
            NumberStyle::CommaDecimals => "1.234,56",
        }
    }

    pub fn decimal_mark(self) -> char {
        match self {
            NumberStyle::PointDecimals => '.',
            NumberStyle::CommaDecimals => ',',
        }
    }

    pub fn group_mark(self) -> char {
        match self {
            NumberStyle::PointDecimals => ',',
            NumberStyle::CommaDecimals => '.',
        }
    }

    /// The key a setting stores: `point_decimals`.
    pub fn key(self) -> &'static str {
        match self {
            NumberStyle::PointDecimals => "point_decimals",
            NumberStyle::CommaDecimals => "comma_decimals",
        }
    }

    /// Reads the setting's value: its key or its label.
    pub fn parse(text: &str) -> Result<NumberStyle, String> {
        let t = text.trim();
        NumberStyle::ALL.into_iter().find(|s| s.key() == t || s.label() == t).ok_or_else(|| {
            format!(
                "Choose how amounts are written: {} or {}.",
                NumberStyle::ALL[0].label(),
                NumberStyle::ALL[1].label()
            )
        })
    }

    /// Writes `whole` (digits) and `fraction` (already padded) the shop's way.
    pub(super) fn write(self, negative: bool, whole: u64, fraction: Option<String>) -> String {
        let grouped = group(&whole.to_string(), self.group_mark());
        let sign = if negative { "-" } else { "" };
        match fraction {
            Some(f) => format!("{sign}{grouped}{}{f}", self.decimal_mark()),
            None => format!("{sign}{grouped}"),
        }
    }

    /// Splits typed text into (negative, whole digits, fraction digits), or says why it is
    /// not an amount written this way. `decimals` is the currency's.
    pub(super) fn read(self, text: &str, decimals: usize, example: &str) -> Result<(bool, String, String), String> {
        let typed = text.trim();
        let cleaned: String = typed.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
        if cleaned.is_empty() {
            return Err("Enter an amount.".into());
        }
        let (negative, body) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (d, g) = (self.decimal_mark(), self.group_mark());
        let not_amount = || format!("\"{typed}\" is not an amount (e.g. {example}).");
        if !body.chars().all(|c| c.is_ascii_digit() || c == d || c == g) || body.is_empty() {
            return Err(not_amount());
        }
        let other_way = || {
            format!(
                "\"{typed}\" looks like the other way of writing amounts: this shop writes them as {}. Type it that way.",
                self.label()
            )
        };
        let last_d = body.rfind(d);
        let last_g = body.rfind(g);
        let (whole, fraction) = match (last_d, last_g) {
            (Some(i), Some(j)) if j > i => return Err(other_way()),
            (Some(i), _) => {
                let (w, f) = (&body[..i], &body[i + 1..]);
                if f.contains(d) || f.contains(g) || w.contains(d) {
                    return Err(not_amount());
                }
                if f.len() > decimals {
                    // "12,499" in a shop of decimal commas: the other way's twelve thousand.
                    if f.len() == 3 && last_g.is_none() && !w.is_empty() {
                        // Each way to type it is one this shop reads, as the amount it names.
                        let plain = format!("{}{f}", w.trim_start_matches('0'));
                        let grouped = group(&plain, g);
                        let sign = if negative { "-" } else { "" };
                        let ways = if grouped == plain {
                            format!("{sign}{plain}")
                        } else {
                            format!("{sign}{grouped} or {sign}{plain}")
                        };
                        return Err(format!(
                            "\"{typed}\" could be read two ways: here {d} marks the decimals, so it would be \
                             {w}{d}{f}, with more decimals than the currency has. If you mean {sign}{grouped}, type \
                             {ways}."
                        ));
                    }
                    return Err(format!(
                        "Amounts here have at most {decimals} decimals, written after {d} (e.g. {example})."
                    ));
                }
                (ungroup(w, g).ok_or_else(not_amount)?, f.to_string())
            }
            (None, Some(j)) => match ungroup(body, g) {
                Some(w) => (w, String::new()),
                // "12,50" in a shop of decimal points: the other way's twelve and a half;
                // "12.499.00" in a shop of decimal commas: 12.499,00 with its last mark
                // mistyped. The reading offered is one this shop reads; with none ("12.49900"),
                // the way amounts are written here is said instead.
                None => {
                    let (w, f) = (&body[..j], &body[j + 1..]);
                    let reading = (decimals > 0 && !f.is_empty() && f.len() <= decimals)
                        .then(|| ungroup(w, g))
                        .flatten()
                        .map(|w| {
                            let w = if w.is_empty() { "0".to_string() } else { w };
                            format!("{}{}{d}{f}", if negative { "-" } else { "" }, group(&w, g))
                        });
                    return Err(match reading {
                        Some(r) => format!(
                            "\"{typed}\" cannot be read: here {g} separates thousands and {d} marks the \
                             decimals. If you mean {r}, type {r}."
                        ),
                        None => format!(
                            "\"{typed}\" cannot be read: here {g} separates thousands, in groups of three, and \
                             {d} marks the decimals (e.g. {example})."
                        ),
                    });
                }
            },
            (None, None) => (body.to_string(), String::new()),
        };
        Ok((negative, whole, fraction))
    }
}

/// `digits` with `g` between groups of three, from the right: "12499" → "12.499".
fn group(digits: &str, g: char) -> String {
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(g);
        }
        out.push(ch);
    }
    out
}

/// The digits of `text` grouped by three with `g` after a first group of 1 to 3 digits, or
/// `None` when they are not (nor ungrouped digits).
fn ungroup(text: &str, g: char) -> Option<String> {
    if !text.contains(g) {
        return Some(text.to_string());
    }
    let mut parts = text.split(g);
    let first = parts.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for part in parts {
        if part.len() != 3 {
            return None;
        }
        out.push_str(part);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::NumberStyle::{self, CommaDecimals, PointDecimals};
    use crate::{Amount, Currency};

    fn cur(code: &str, style: NumberStyle) -> Currency {
        Currency::from_code(code).unwrap().with_style(style)
    }

    #[test]
    fn a_hong_kong_shop_reads_points_as_decimals_and_commas_as_thousands() {
        let hkd = cur("HKD", PointDecimals);
        assert_eq!(hkd.parse("12,499.00"), Ok(Amount(1_249_900)));
        assert_eq!(hkd.parse("12499"), Ok(Amount(1_249_900)));
        assert_eq!(hkd.parse("1,234,567.8"), Ok(Amount(123_456_780)));
        assert_eq!(hkd.parse("HKD 1,190.50".trim_start_matches("HKD ")), Ok(Amount(119_050)));
        assert_eq!(hkd.format(Amount(1_249_900)), "HKD 12,499.00");
        let half = hkd.parse("12,50").unwrap_err();
        assert!(half.contains("If you mean 12.50, type 12.50"), "{half}");
        let turkish = hkd.parse("12.499,00").unwrap_err();
        assert!(turkish.contains("other way") && turkish.contains("1,234.56"), "{turkish}");
        assert!(hkd.parse("1,23").is_err() && hkd.parse("1234,567").is_err(), "thousands group by three");
        assert!(
            hkd.parse("12.505").unwrap_err().contains("two ways"),
            "twelve thousand five hundred and five elsewhere"
        );
        assert!(hkd.parse("12.5055").unwrap_err().contains("at most 2 decimals"));
    }

    #[test]
    fn a_turkish_shop_reads_commas_as_decimals_and_points_as_thousands() {
        let lira = cur("TRY", CommaDecimals);
        // What was typed in the Turkish shop: both now read as twelve thousand lira.
        assert_eq!(lira.parse("12499,00"), Ok(Amount(1_249_900)));
        assert_eq!(lira.parse("12.499,00"), Ok(Amount(1_249_900)));
        assert_eq!(lira.parse("12.499"), Ok(Amount(1_249_900)), "grouped thousands");
        assert_eq!(lira.parse("0,5"), Ok(Amount(50)));
        assert_eq!(lira.format(Amount(1_249_900)), "TRY 12.499,00");
        assert_eq!(lira.format(Amount(-5)), "TRY -0,05");
        // Twelve thousand, or twelve and 499 thousandths? Refused, with what to type.
        let two_ways = lira.parse("12,499").unwrap_err();
        assert!(two_ways.contains("two ways") && two_ways.contains("type 12.499 or 12499"), "{two_ways}");
        let point = lira.parse("12.50").unwrap_err();
        assert!(point.contains("If you mean 12,50"), "{point}");
        assert!(lira.parse("12,499.00").unwrap_err().contains("other way"));
    }

    #[test]
    fn spaces_group_in_either_style_and_the_setting_reads_its_key_or_label() {
        assert_eq!(cur("EUR", CommaDecimals).parse("1 234,50"), Ok(Amount(123_450)));
        assert_eq!(cur("USD", PointDecimals).parse("1\u{a0}234.50"), Ok(Amount(123_450)));
        assert_eq!(NumberStyle::parse("1.234,56"), Ok(CommaDecimals));
        assert_eq!(NumberStyle::parse("point_decimals"), Ok(PointDecimals));
        assert!(NumberStyle::parse("1'234.56").is_err());
        assert_eq!(cur("JPY", CommaDecimals).format(Amount(1_500)), "JPY 1.500");
    }

    /// The amounts a refusal offers to type ("If you mean R, type A or B."), each read as
    /// the shop reads it.
    fn offered(c: Currency, refusal: &str) -> Vec<Result<Amount, String>> {
        let Some((_, tail)) = refusal.split_once("If you mean ") else { return vec![] };
        let (meant, ways) = tail.split_once(", type ").expect("a reading names what to type");
        let ways = ways.strip_suffix('.').expect("a sentence");
        std::iter::once(meant).chain(ways.split(" or ")).map(|t| c.parse(t)).collect()
    }

    #[test]
    fn a_mistyped_mark_is_answered_with_an_amount_the_shop_reads() {
        let lira = cur("TRY", CommaDecimals);
        let last_mark = lira.parse("12.499.00").unwrap_err();
        assert!(last_mark.contains("If you mean 12.499,00, type 12.499,00."), "{last_mark}");
        assert_eq!(offered(lira, &last_mark), vec![Ok(Amount(1_249_900)); 2]);
        // Five digits after a thousands mark: no reading fits, so the way of writing is said.
        let run_on = lira.parse("12.49900").unwrap_err();
        assert!(!run_on.contains("If you mean") && run_on.contains("e.g. 10,50"), "{run_on}");
        let hkd = cur("HKD", PointDecimals);
        let long = hkd.parse("1234,50").unwrap_err();
        assert!(long.contains("type 1,234.50."), "{long}");
        assert!(hkd.parse("-12,50").unwrap_err().contains("type -12.50."));
        // Twelve thousand typed with a decimal mark, in a long number: grouped by three.
        let two_ways = lira.parse("1234,567").unwrap_err();
        assert!(two_ways.contains("type 1.234.567 or 1234567."), "{two_ways}");
        assert_eq!(offered(lira, &two_ways), vec![Ok(Amount(123_456_700)); 3]);
        // A currency without decimals has no decimal reading to offer.
        assert!(!cur("JPY", PointDecimals).parse("12,50").unwrap_err().contains("If you mean"));
    }

    proptest! {
        /// Whatever is typed, an amount a refusal offers is one the shop reads, and every
        /// way it offers names the same amount.
        #[test]
        fn an_offered_reading_reads(typed in "-?[0-9.,]{1,12}", comma: bool, code in "(HKD|TRY|JPY|KWD)") {
            let c = cur(&code, if comma { CommaDecimals } else { PointDecimals });
            if let Err(refusal) = c.parse(&typed) {
                let readings = offered(c, &refusal);
                for r in &readings {
                    prop_assert!(r.is_ok(), "{} offers {:?}", refusal, r);
                }
                prop_assert!(readings.windows(2).all(|w| w[0] == w[1]), "{}: {:?}", refusal, readings);
            }
        }

        /// An amount written the shop's way reads back exactly, in both styles.
        #[test]
        fn written_amounts_read_back(minor in -10_000_000_000i64..10_000_000_000, comma: bool, code in "(HKD|TRY|JPY|KWD)") {
            let c = cur(&code, if comma { CommaDecimals } else { PointDecimals });
            prop_assert_eq!(c.parse(&c.format_number(Amount(minor))), Ok(Amount(minor)));
        }

        /// An amount written the other way is never silently read as another amount: it is
        /// refused, or it means the same.
        #[test]
        fn the_other_way_is_refused_or_means_the_same(minor in 0i64..10_000_000_000, comma: bool, code in "(HKD|TRY|JPY)") {
            let (mine, theirs) = if comma { (CommaDecimals, PointDecimals) } else { (PointDecimals, CommaDecimals) };
            let written = cur(&code, theirs).format_number(Amount(minor));
            if let Ok(read) = cur(&code, mine).parse(&written) {
                prop_assert_eq!(read, Amount(minor), "{} read as {:?}", written, read);
            }
        }
    }
}
