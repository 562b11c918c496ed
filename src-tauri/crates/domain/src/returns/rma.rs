//! RMA codes: `RMA-K7QD-4WX`. Easy to read aloud and to type: the 29 symbols leave out 0, 1,
//! I, L, O, U and Z, so nothing is mistaken for something else. Six symbols carry the
//! number; the seventh is a check symbol, so every single wrong symbol and every swap of
//! two neighbours is rejected instead of matching another return.
//!
//! Codes come from the shop's RMA sequence through a fixed permutation of the 29^6 possible
//! bodies: consecutive returns get unrelated-looking codes, and two sequence numbers never
//! share one. The sequence never goes back, so a code is never issued twice, even after a
//! return is cancelled.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Code;
use crate::DomainError;

const ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTVWXY";
const BASE: u64 = 29;
const BODY: usize = 6;
/// 29^6: how many distinct codes there are.
pub const CAPACITY: u64 = 594_823_321;
/// Coprime with 29, so `seq × MULTIPLIER + OFFSET` (mod CAPACITY) is a permutation.
const MULTIPLIER: u64 = 387_420_489;
const OFFSET: u64 = 123_456_789;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RmaCode {
    /// The six symbols' values, most significant first.
    body: [u8; BODY],
}

/// The check symbol: weights 1..=7 over the body and the check make the weighted sum 0
/// mod 29. Weights differ and are non-zero mod the prime 29, so a single substitution
/// changes the sum by w×d ≠ 0 and a neighbour swap by (w₁−w₂)×d ≠ 0.
fn check_value(body: &[u8; BODY]) -> u8 {
    let sum: u64 = body.iter().enumerate().map(|(i, v)| (i as u64 + 1) * u64::from(*v)).sum();
    let w = BODY as u64 + 1;
    // Find c with sum + w·c ≡ 0 (mod 29): c = -sum · w⁻¹.
    let inverse = (1..BASE).find(|x| (w * x) % BASE == 1).unwrap_or(1);
    (((BASE - sum % BASE) % BASE * inverse) % BASE) as u8
}

impl RmaCode {
    /// The code of the shop's `seq`-th RMA (from 1). Refused past the 594 millionth.
    pub fn from_sequence(seq: u64) -> Result<RmaCode, DomainError> {
        if seq == 0 || seq > CAPACITY {
            return Err(DomainError::refused(Code::RmaCodesExhausted, "This shop has used every RMA code."));
        }
        let mut n = ((seq as u128 * MULTIPLIER as u128 + OFFSET as u128) % CAPACITY as u128) as u64;
        let mut body = [0u8; BODY];
        for slot in body.iter_mut().rev() {
            *slot = (n % BASE) as u8;
            n /= BASE;
        }
        Ok(RmaCode { body })
    }

    fn symbols(&self) -> [char; BODY + 1] {
        let mut out = ['2'; BODY + 1];
        for (i, v) in self.body.iter().enumerate() {
            out[i] = ALPHABET[*v as usize] as char;
        }
        out[BODY] = ALPHABET[check_value(&self.body) as usize] as char;
        out
    }
}

impl fmt::Display for RmaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.symbols();
        write!(f, "RMA-{}{}{}{}-{}{}{}", s[0], s[1], s[2], s[3], s[4], s[5], s[6])
    }
}

impl FromStr for RmaCode {
    type Err = DomainError;

    /// Accepts what staff type or a scanner sends: `RMA-K7QD-4WX`, `rma k7qd 4wx`, `K7QD4WX`.
    fn from_str(text: &str) -> Result<RmaCode, DomainError> {
        let shown = text.trim();
        let cleaned: String =
            shown.chars().filter(|c| !matches!(c, ' ' | '-' | '_')).collect::<String>().to_ascii_uppercase();
        // The prefix is optional; a body may itself start with R, M or A.
        let symbols = match cleaned.strip_prefix("RMA") {
            Some(rest) if rest.len() == BODY + 1 => rest,
            _ => &cleaned,
        };
        let bad = |why: &str| DomainError::invalid("rma", format!("\"{shown}\" is not an RMA code: {why}"));
        if symbols.chars().count() != BODY + 1 {
            return Err(bad("it has 7 letters and digits after RMA (e.g. RMA-K7QD-4WX)."));
        }
        let mut values = [0u8; BODY + 1];
        for (i, c) in symbols.bytes().enumerate() {
            values[i] =
                ALPHABET.iter().position(|a| *a == c).ok_or_else(|| {
                    bad("RMA codes never contain 0, 1, I, L, O, U or Z; check the character you read.")
                })? as u8;
        }
        let body: [u8; BODY] = values[..BODY].try_into().expect("six symbols");
        if check_value(&body) != values[BODY] {
            return Err(DomainError::refused(
                Code::RmaMistyped,
                format!("{shown} is not a valid RMA code: a character is wrong or two are swapped. Read it again from the label."),
            ));
        }
        Ok(RmaCode { body })
    }
}

impl TryFrom<String> for RmaCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, DomainError> {
        s.parse()
    }
}

impl From<RmaCode> for String {
    fn from(c: RmaCode) -> String {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_multiplier_makes_a_permutation() {
        assert_eq!(BASE.pow(BODY as u32), CAPACITY);
        assert_ne!(MULTIPLIER % BASE, 0, "coprime with 29^6");
    }

    #[test]
    fn a_million_codes_are_all_different() {
        let mut seen = HashSet::with_capacity(1_000_000);
        for seq in 1..=1_000_000 {
            assert!(seen.insert(RmaCode::from_sequence(seq).unwrap().body), "duplicate at {seq}");
        }
    }

    #[test]
    fn codes_read_back_and_tolerate_how_people_type_them() {
        let code = RmaCode::from_sequence(42).unwrap();
        let text = code.to_string();
        assert!(text.starts_with("RMA-") && text.len() == 12, "{text}");
        assert_eq!(text.parse::<RmaCode>().unwrap(), code);
        let loose = format!(" {} ", text.to_lowercase().replace('-', " "));
        assert_eq!(loose.parse::<RmaCode>().unwrap(), code);
        assert_eq!(text.trim_start_matches("RMA-").parse::<RmaCode>().unwrap(), code);
        assert!(text[4..].chars().all(|c| !"01ILOUZ".contains(c)), "{text}");
    }

    #[test]
    fn wrong_lengths_and_confusable_characters_are_refused() {
        for typed in ["", "RMA-", "RMA-K7QD-4W", "RMA-K7QD-4WXX", "RMA-K0QD-4WX", "RMA-KOQD-4WX", "RMA-K7QD-4W1"] {
            assert!(typed.parse::<RmaCode>().is_err(), "{typed}");
        }
        assert_eq!(RmaCode::from_sequence(0).unwrap_err().code(), Code::RmaCodesExhausted);
        assert!(RmaCode::from_sequence(CAPACITY).is_ok());
        assert!(RmaCode::from_sequence(CAPACITY + 1).is_err());
    }

    /// Every single-symbol typo and every swap of two different neighbours, on many codes.
    #[test]
    fn every_typo_and_neighbour_swap_is_detected() {
        for seq in (1..=CAPACITY).step_by(CAPACITY as usize / 2_000) {
            let text: Vec<u8> = RmaCode::from_sequence(seq).unwrap().symbols().iter().map(|c| *c as u8).collect();
            for i in 0..text.len() {
                for a in ALPHABET.iter().filter(|a| **a != text[i]) {
                    let mut typo = text.clone();
                    typo[i] = *a;
                    let typed = String::from_utf8(typo).unwrap();
                    assert_eq!(typed.parse::<RmaCode>().unwrap_err().code(), Code::RmaMistyped, "{typed}");
                }
                if i + 1 < text.len() && text[i] != text[i + 1] {
                    let mut swap = text.clone();
                    swap.swap(i, i + 1);
                    let typed = String::from_utf8(swap).unwrap();
                    assert_eq!(typed.parse::<RmaCode>().unwrap_err().code(), Code::RmaMistyped, "{typed}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_code_round_trips(seq in 1..=CAPACITY) {
            let code = RmaCode::from_sequence(seq).unwrap();
            prop_assert_eq!(code.to_string().parse::<RmaCode>().unwrap(), code);
        }

        #[test]
        fn a_random_typo_is_never_another_valid_code(seq in 1..=CAPACITY, at in 0usize..7, by in 1u8..29) {
            let mut typed: Vec<u8> = RmaCode::from_sequence(seq).unwrap().symbols().iter().map(|c| *c as u8).collect();
            let now = ALPHABET.iter().position(|a| *a == typed[at]).unwrap() as u8;
            typed[at] = ALPHABET[((now + by) % 29) as usize];
            prop_assert!(String::from_utf8(typed).unwrap().parse::<RmaCode>().is_err());
        }
    }
}
