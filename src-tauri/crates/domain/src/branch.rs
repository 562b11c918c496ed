//! The branches of a chain: each ticket, return and customer belongs to the branch it was
//! booked at, and each branch numbers its own tickets (`R-KLN-2026-00042`), so two branches
//! never hand out the same number. A shop with one counter has no branch (`R-2026-00042`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// A branch's short code: two to four letters, kept in capitals (`KLN`, `MK`, `IST1` is not
/// one). Short so that it fits a ticket number on a bag tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BranchCode {
    /// The letters, padded with zeros after the last one.
    letters: [u8; BranchCode::LONGEST],
}

impl BranchCode {
    pub const SHORTEST: usize = 2;
    pub const LONGEST: usize = 4;

    pub fn as_str(&self) -> &str {
        let len = self.letters.iter().position(|b| *b == 0).unwrap_or(Self::LONGEST);
        // Only ASCII capitals are ever stored (see `from_str`).
        std::str::from_utf8(&self.letters[..len]).unwrap_or_default()
    }

    /// Whether `text` is a branch code as staff would type it (letters only, any case).
    pub fn looks_like(text: &str) -> bool {
        (Self::SHORTEST..=Self::LONGEST).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphabetic())
    }
}

impl fmt::Display for BranchCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for BranchCode {
    type Err = DomainError;

    fn from_str(text: &str) -> Result<Self, DomainError> {
        let code = text.trim();
        if !Self::looks_like(code) {
            return Err(DomainError::invalid(
                "branch",
                format!(
                    "A branch code is {} to {} letters, such as KLN for Kowloon (\"{code}\" is not one).",
                    Self::SHORTEST,
                    Self::LONGEST
                ),
            ));
        }
        let mut letters = [0u8; Self::LONGEST];
        for (slot, b) in letters.iter_mut().zip(code.bytes()) {
            *slot = b.to_ascii_uppercase();
        }
        Ok(BranchCode { letters })
    }
}

impl TryFrom<String> for BranchCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, DomainError> {
        s.parse()
    }
}

impl From<BranchCode> for String {
    fn from(b: BranchCode) -> String {
        b.to_string()
    }
}

/// Which branch's records a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum BranchFilter {
    /// Every branch's, and those booked before the shop had branches.
    #[default]
    All,
    /// One branch's.
    Only(BranchCode),
    /// Those booked without a branch (before the shop became a chain, or at head office).
    Unbranched,
}

impl BranchFilter {
    /// The filter as the window's branch choice says it: `""` for all, `"-"` for the records
    /// without a branch, else the branch's code.
    pub fn key(&self) -> String {
        match self {
            BranchFilter::All => String::new(),
            BranchFilter::Unbranched => "-".into(),
            BranchFilter::Only(code) => code.to_string(),
        }
    }

    /// The records' branch column value this filter keeps, if it keeps one only.
    pub fn stored(&self) -> Option<String> {
        match self {
            BranchFilter::All => None,
            BranchFilter::Unbranched => Some(String::new()),
            BranchFilter::Only(code) => Some(code.to_string()),
        }
    }
}

impl TryFrom<String> for BranchFilter {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, DomainError> {
        match s.trim() {
            "" => Ok(BranchFilter::All),
            "-" => Ok(BranchFilter::Unbranched),
            code => Ok(BranchFilter::Only(code.parse()?)),
        }
    }
}

impl From<BranchFilter> for String {
    fn from(f: BranchFilter) -> String {
        f.key()
    }
}

/// A branch as a record keeps it: empty when it has none.
pub fn stored(branch: Option<BranchCode>) -> String {
    branch.map(|b| b.to_string()).unwrap_or_default()
}

/// The branch a record's column holds (empty for none); anything else is refused.
pub fn from_stored(text: &str) -> Result<Option<BranchCode>, DomainError> {
    if text.is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_two_to_four_letters_kept_in_capitals() {
        assert_eq!("kln".parse::<BranchCode>().unwrap().to_string(), "KLN");
        assert_eq!(" Mk ".parse::<BranchCode>().unwrap().as_str(), "MK");
        assert_eq!("ISTA".parse::<BranchCode>().unwrap().as_str(), "ISTA");
        for bad in ["", "K", "KOWLO", "K1", "IST1", "KL N", "KÖL", "-"] {
            let err = bad.parse::<BranchCode>().unwrap_err();
            assert!(err.to_string().contains("2 to 4 letters"), "{bad}: {err}");
        }
    }

    #[test]
    fn a_filter_reads_back_what_it_says() {
        for f in [BranchFilter::All, BranchFilter::Unbranched, BranchFilter::Only("KLN".parse().unwrap())] {
            assert_eq!(BranchFilter::try_from(f.key()).unwrap(), f);
        }
        assert_eq!(BranchFilter::All.stored(), None);
        assert_eq!(BranchFilter::Unbranched.stored().as_deref(), Some(""));
        assert!(BranchFilter::try_from("K".to_string()).is_err());
    }

    #[test]
    fn the_stored_form_is_empty_for_no_branch() {
        assert_eq!(stored(None), "");
        assert_eq!(from_stored("").unwrap(), None);
        assert_eq!(from_stored("KLN").unwrap(), Some("KLN".parse().unwrap()));
        assert!(from_stored("kowloon").is_err());
    }

    proptest! {
        #[test]
        fn any_code_of_letters_round_trips(code in "[a-zA-Z]{2,4}") {
            let parsed: BranchCode = code.parse().unwrap();
            prop_assert_eq!(parsed.as_str(), code.to_ascii_uppercase());
            prop_assert_eq!(parsed.to_string().parse::<BranchCode>().unwrap(), parsed);
        }
    }
}
