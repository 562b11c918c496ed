//! RMA codes: `RMA-K7QD-4WX`. Easy to read aloud and to type: the 29 symbols leave out 0, 1,
//! I, L, O, U and Z, so nothing is mistaken for something else. Six symbols carry the
//! number; the seventh is a check symbol, so every single wrong symbol and every swap of
//! two neighbours is rejected instead of matching another return.
//!
//! Codes come from the shop's RMA sequence through a permutation of the 29^6 possible
//! bodies keyed with the shop's own secret (`RmaKey`, made at set-up and kept in its
//! database): consecutive returns get unrelated-looking codes, two shops' first returns get
//! different ones, and however many codes someone sees, the next cannot be worked out
//! without the key. Two sequence numbers never share a code, and the sequence never goes
//! back, so a code is never issued twice, even after a return is cancelled.
//!
//! The permutation is a balanced Feistel network over the two halves of the body (three
//! symbols each, 29^3 values), with modular addition as in the FF1 format-preserving
//! cipher: `seq − 1` is split into `(L, R)`, and each of `ROUNDS` rounds maps `(L, R)` to
//! `(R, L + F(round, R) mod 29^3)`, where `F` is SHA-256 of key, round and half. Whatever
//! `F` is, a round is a bijection of [0, 29^3)²: it is undone by
//! `(L, R) = (R' − F(round, L') mod 29^3, L')`. A chain of bijections is one, and since
//! 29^3 × 29^3 = 29^6 exactly, the network permutes the whole code space with no value left
//! over (no cycle-walking needed). The key only chooses *which* permutation; it can never
//! make two sequence numbers meet.
//!
//! The construction and its constants are frozen: a shop's codes already issued came from
//! them, and a change would let new codes collide with old ones (the test
//! `a_fixed_key_gives_the_same_codes_forever` pins them).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Code;
use crate::DomainError;

const ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTVWXY";
const BASE: u64 = 29;
const BODY: usize = 6;
/// 29^6: how many distinct codes there are.
pub const CAPACITY: u64 = 594_823_321;
/// 29^3: the values of half a body, the Feistel network's halves.
const HALF: u64 = 24_389;
/// As NIST's FF1. On a domain this small a Feistel network's strength lies in its rounds (a
/// few could be told apart from a random permutation); ten leave a wide margin, at ten
/// hashes a code.
const ROUNDS: u8 = 10;
/// Separates these hashes from any other use of the key.
const TAG: &[u8] = b"caseback rma feistel v1";

/// The shop's secret that keys its RMA codes: 32 random bytes, made once when the shop is
/// set up and never changed (new codes under another key could collide with old ones).
/// The store makes and keeps it; this crate only uses it. `Debug` never shows it, and it
/// has no `Display` or `Serialize`, so it cannot end up in a log, the UI or an export.
#[derive(Clone)]
pub struct RmaKey([u8; RmaKey::LEN]);

impl RmaKey {
    pub const LEN: usize = 32;

    pub fn from_bytes(bytes: [u8; RmaKey::LEN]) -> RmaKey {
        RmaKey(bytes)
    }

    /// The bytes, for the store to keep.
    pub fn as_bytes(&self) -> &[u8; RmaKey::LEN] {
        &self.0
    }

    /// The round function: SHA-256 of key ‖ tag ‖ round ‖ half, its first 8 bytes mod 29^3
    /// (the bias of 2^64 mod 29^3 is below 2^-49). The input has a fixed length, so the
    /// key-prefixed hash is a sound keyed function here.
    fn round(&self, round: u8, half: u64) -> u64 {
        let mut hash = Sha256::new();
        hash.update(self.0);
        hash.update(TAG);
        hash.update([round]);
        hash.update((half as u32).to_be_bytes());
        let digest = hash.finalize();
        let first: [u8; 8] = digest[..8].try_into().expect("SHA-256 has 32 bytes");
        u64::from_be_bytes(first) % HALF
    }

    /// The keyed permutation of [0, CAPACITY).
    fn permute(&self, n: u64) -> u64 {
        let (mut left, mut right) = (n / HALF, n % HALF);
        for round in 0..ROUNDS {
            (left, right) = (right, (left + self.round(round, right)) % HALF);
        }
        left * HALF + right
    }

    /// `permute` undone, round by round: the proof in the tests that it is a bijection.
    #[cfg(test)]
    fn unpermute(&self, n: u64) -> u64 {
        let (mut left, mut right) = (n / HALF, n % HALF);
        for round in (0..ROUNDS).rev() {
            (left, right) = ((right + HALF - self.round(round, left)) % HALF, left);
        }
        left * HALF + right
    }
}

impl fmt::Debug for RmaKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RmaKey(hidden)")
    }
}

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
    /// The code of the shop's `seq`-th RMA (from 1) under the shop's `key`. Refused past the
    /// 594 millionth.
    pub fn from_sequence(seq: u64, key: &RmaKey) -> Result<RmaCode, DomainError> {
        if seq == 0 || seq > CAPACITY {
            return Err(DomainError::refused(Code::RmaCodesExhausted, "This shop has used every RMA code."));
        }
        let mut n = key.permute(seq - 1);
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

    fn key(byte: u8) -> RmaKey {
        RmaKey::from_bytes([byte; RmaKey::LEN])
    }

    fn any_key() -> impl Strategy<Value = RmaKey> {
        any::<[u8; RmaKey::LEN]>().prop_map(RmaKey::from_bytes)
    }

    fn typed(code: RmaCode) -> Vec<u8> {
        code.symbols().iter().map(|c| *c as u8).collect()
    }

    /// Every single-symbol typo and every swap of two different neighbours of `code` is
    /// refused as mistyped.
    fn assert_every_typo_is_refused(code: RmaCode) {
        let text = typed(code);
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

    #[test]
    fn the_two_halves_cover_the_code_space_exactly() {
        assert_eq!(BASE.pow(BODY as u32), CAPACITY);
        assert_eq!(BASE.pow(BODY as u32 / 2), HALF);
        assert_eq!(HALF * HALF, CAPACITY, "no value is left over, so no cycle-walking is needed");
    }

    /// Shops' codes already issued came from this construction: it must never change.
    #[test]
    fn a_fixed_key_gives_the_same_codes_forever() {
        let codes = |k: &RmaKey| -> Vec<String> {
            (1..=3).map(|seq| RmaCode::from_sequence(seq, k).unwrap().to_string()).collect()
        };
        assert_eq!(codes(&key(0)), PINNED_0);
        assert_eq!(codes(&key(7)), PINNED_7);
    }

    #[test]
    fn the_key_is_never_shown() {
        let k = RmaKey::from_bytes([0xab; RmaKey::LEN]);
        assert_eq!(format!("{k:?}"), "RmaKey(hidden)");
        assert_eq!(format!("{:?}", Some(k.clone())), "Some(RmaKey(hidden))");
        assert_eq!(k.as_bytes(), &[0xab; RmaKey::LEN]);
    }

    #[test]
    fn a_hundred_thousand_consecutive_codes_are_all_different() {
        let k = key(1);
        let mut seen = HashSet::with_capacity(100_000);
        for seq in 1..=100_000 {
            assert!(seen.insert(RmaCode::from_sequence(seq, &k).unwrap().body), "duplicate at {seq}");
        }
    }

    #[test]
    fn a_shops_first_codes_are_not_those_of_another_key() {
        let firsts: HashSet<RmaCode> = (0..=255).map(|b| RmaCode::from_sequence(1, &key(b)).unwrap()).collect();
        assert_eq!(firsts.len(), 256);
        let k = key(9);
        let mut flipped = *k.as_bytes();
        flipped[31] ^= 1;
        let (a, b) = (RmaKey::from_bytes(flipped), k);
        let differ = (1..=100)
            .filter(|seq| RmaCode::from_sequence(*seq, &a).unwrap() != RmaCode::from_sequence(*seq, &b).unwrap());
        assert!(differ.count() >= 99, "one bit of the key changes every code");
    }

    #[test]
    fn codes_read_back_and_tolerate_how_people_type_them() {
        let code = RmaCode::from_sequence(42, &key(2)).unwrap();
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
        let k = key(3);
        assert_eq!(RmaCode::from_sequence(0, &k).unwrap_err().code(), Code::RmaCodesExhausted);
        assert!(RmaCode::from_sequence(CAPACITY, &k).is_ok());
        assert_eq!(RmaCode::from_sequence(CAPACITY + 1, &k).unwrap_err().code(), Code::RmaCodesExhausted);
    }

    /// Every single-symbol typo and every swap of two different neighbours, on many codes.
    #[test]
    fn every_typo_and_neighbour_swap_is_detected() {
        let k = key(4);
        for seq in (1..=CAPACITY).step_by(CAPACITY as usize / 2_000) {
            assert_every_typo_is_refused(RmaCode::from_sequence(seq, &k).unwrap());
        }
    }

    proptest! {
        /// Each round, and so the network, is undone: `permute` is a bijection of
        /// [0, CAPACITY) whatever the key.
        #[test]
        fn the_permutation_is_undone_by_its_inverse(k in any_key(), n in 0..CAPACITY) {
            let p = k.permute(n);
            prop_assert!(p < CAPACITY);
            prop_assert_eq!(k.unpermute(p), n);
            prop_assert_eq!(k.permute(k.unpermute(n)), n);
        }

        #[test]
        fn distinct_sequence_numbers_give_distinct_codes(
            k in any_key(),
            start in 1..=CAPACITY - 499,
            a in 1..=CAPACITY,
            b in 1..=CAPACITY,
        ) {
            let mut seen = HashSet::with_capacity(500);
            for seq in start..start + 500 {
                prop_assert!(seen.insert(RmaCode::from_sequence(seq, &k).unwrap()), "duplicate at {}", seq);
            }
            let (ca, cb) = (RmaCode::from_sequence(a, &k).unwrap(), RmaCode::from_sequence(b, &k).unwrap());
            prop_assert_eq!(a == b, ca == cb);
        }

        #[test]
        fn two_keys_give_different_first_codes(a in any_key(), b in any_key()) {
            prop_assume!(a.as_bytes() != b.as_bytes());
            prop_assert_ne!(RmaCode::from_sequence(1, &a).unwrap(), RmaCode::from_sequence(1, &b).unwrap());
        }

        #[test]
        fn any_code_round_trips(k in any_key(), seq in 1..=CAPACITY) {
            let code = RmaCode::from_sequence(seq, &k).unwrap();
            prop_assert_eq!(code.to_string().parse::<RmaCode>().unwrap(), code);
        }

        #[test]
        fn every_typo_of_any_code_is_refused(k in any_key(), seq in 1..=CAPACITY) {
            assert_every_typo_is_refused(RmaCode::from_sequence(seq, &k).unwrap());
        }

        #[test]
        fn a_random_typo_is_never_another_valid_code(
            k in any_key(),
            seq in 1..=CAPACITY,
            at in 0usize..7,
            by in 1u8..29,
        ) {
            let mut typed = typed(RmaCode::from_sequence(seq, &k).unwrap());
            let now = ALPHABET.iter().position(|a| *a == typed[at]).unwrap() as u8;
            typed[at] = ALPHABET[((now + by) % 29) as usize];
            prop_assert!(String::from_utf8(typed).unwrap().parse::<RmaCode>().is_err());
        }
    }

    /// Worked out apart from this code, from the construction as the module describes it.
    const PINNED_0: [&str; 3] = ["RMA-Y5KM-V8V", "RMA-FSDE-6Y9", "RMA-X7B8-BV3"];
    const PINNED_7: [&str; 3] = ["RMA-FTBP-V5W", "RMA-2TMX-GCW", "RMA-N8N8-F2E"];
}
