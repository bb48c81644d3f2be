//! Stable ids of portfolios and use cases (file format version 2).
//!
//! Ids are short on purpose: they travel in share links, labels and QR codes. A use case's id
//! is unique within its portfolio (the next free number); a portfolio's id is eight base-32
//! characters from the caller's randomness (no secure context needed), or, for a file written
//! before ids existed, from its content, so that the same old file or link opened twice is
//! recognised as the same portfolio.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longest accepted id: ids are names, not payloads.
pub const MAX_ID_LEN: usize = 24;

/// Why a text is not an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Empty.
    #[error("must not be empty")]
    Empty,
    /// Longer than [`MAX_ID_LEN`].
    #[error("must be at most {MAX_ID_LEN} characters")]
    TooLong,
    /// A character other than a–z, A–Z, 0–9, `-` or `_`.
    #[error("may use only letters, digits, '-' and '_'")]
    BadCharacter,
}

fn check(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        Err(IdError::Empty)
    } else if text.len() > MAX_ID_LEN {
        Err(IdError::TooLong)
    } else if !text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        Err(IdError::BadCharacter)
    } else {
        Ok(())
    }
}

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id, as written in files.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Checks that the id is well formed (files can hold any string).
            pub fn check(&self) -> Result<(), IdError> {
                check(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                check(text).map(|()| Self(text.to_owned()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type! {
    /// The id of a use case, unique within its portfolio.
    UseCaseId
}

id_type! {
    /// The id of a portfolio: the same portfolio keeps it through files, links and copies.
    PortfolioId
}

impl UseCaseId {
    /// A number standing for the id where a list is keyed for rendering: the id's FNV-1a hash.
    /// Hashing a number reuses the keyed list's code for numbers instead of adding a copy for
    /// strings; two ids of one portfolio sharing a 64-bit hash is not a practical concern.
    pub fn render_key(&self) -> u64 {
        fnv1a(&self.0)
    }
}

/// FNV-1a, 64 bits: tiny, and enough where a collision costs nothing or little.
fn fnv1a(text: &str) -> u64 {
    text.bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

impl Default for UseCaseId {
    /// The first id, "1": the id of a portfolio's only use case.
    fn default() -> Self {
        UseCaseId("1".to_owned())
    }
}

impl Default for PortfolioId {
    /// No id yet: reading a version 1 file gives it one; a version 2 file without one is
    /// refused by [`crate::resolve`].
    fn default() -> Self {
        PortfolioId(String::new())
    }
}

impl UseCaseId {
    /// No id: what reading finds when a file leaves it out, refused by [`crate::resolve`]
    /// (reading a version 1 file gives every use case one first).
    pub(crate) fn missing() -> UseCaseId {
        UseCaseId(String::new())
    }
    /// A version-1 lever target (an index), kept until [`crate::format`] maps it to the id of
    /// the use case at that index. `#` is not an id character, so it never passes as one.
    pub(crate) fn legacy_index(index: u64) -> UseCaseId {
        UseCaseId(format!("#{index}"))
    }

    /// The index of a version-1 lever target.
    pub(crate) fn as_legacy_index(&self) -> Option<usize> {
        self.0.strip_prefix('#')?.parse().ok()
    }

    /// The id of the `n`th use case (from 1) of a portfolio numbered in order.
    pub(crate) fn numbered(n: usize) -> UseCaseId {
        UseCaseId(n.to_string())
    }

    /// The id a version-1 lever gets when its index points past the last use case: one that no
    /// use case has, so that validation reports the lever.
    pub(crate) fn unknown(index: usize) -> UseCaseId {
        UseCaseId(format!("missing-{index}"))
    }

    /// Reads a lever's target: an id, or the index a version-1 file wrote.
    pub(crate) fn deserialize_target<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<UseCaseId>, D::Error> {
        struct Target;
        impl serde::de::Visitor<'_> for Target {
            type Value = Option<UseCaseId>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a use case id")
            }
            fn visit_u64<E>(self, index: u64) -> Result<Self::Value, E> {
                Ok(Some(UseCaseId::legacy_index(index)))
            }
            fn visit_str<E>(self, id: &str) -> Result<Self::Value, E> {
                Ok(Some(UseCaseId(id.to_owned())))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
        d.deserialize_any(Target)
    }

    /// The first id not in `taken`: one more than the largest numeric id in use.
    pub fn next_free<'a>(taken: impl IntoIterator<Item = &'a UseCaseId>) -> UseCaseId {
        let numbers: Vec<u64> = taken.into_iter().filter_map(|id| id.0.parse().ok()).collect();
        let next = match numbers.iter().max() {
            None => 1,
            Some(&largest) => largest.checked_add(1).unwrap_or_else(|| {
                // A file took the largest number there is: the smallest one free instead.
                (1..).find(|n| !numbers.contains(n)).unwrap_or(1)
            }),
        };
        UseCaseId(next.to_string())
    }
}

/// Crockford's base-32 alphabet, lower case: no i, l, o or u to misread.
const BASE32: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl PortfolioId {
    /// An id made of 40 bits of the caller's randomness, as eight base-32 characters.
    pub fn from_random(bits: u64) -> PortfolioId {
        let text = (0..8).map(|i| BASE32[((bits >> (5 * i)) & 31) as usize] as char).collect();
        PortfolioId(text)
    }

    /// The id of content written before ids existed: a hash of the text, so that the same file
    /// or link always gets the same id.
    pub fn of_content(text: &str) -> PortfolioId {
        // A collision here only means "offer to keep both".
        PortfolioId::from_random(fnv1a(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_checked_and_numbered() {
        assert_eq!("3".parse::<UseCaseId>(), Ok(UseCaseId("3".into())));
        assert_eq!("".parse::<UseCaseId>(), Err(IdError::Empty));
        assert_eq!("a b".parse::<UseCaseId>(), Err(IdError::BadCharacter));
        assert_eq!("x".repeat(25).parse::<UseCaseId>(), Err(IdError::TooLong));
        let taken: Vec<UseCaseId> = ["1", "7", "chat"].iter().map(|s| s.parse().unwrap()).collect();
        assert_eq!(UseCaseId::next_free(&taken).as_str(), "8");
        assert_eq!(UseCaseId::next_free(&[]).as_str(), "1");
        let at_the_top: Vec<UseCaseId> =
            [u64::MAX.to_string(), "1".into()].iter().map(|s| s.parse().unwrap()).collect();
        assert_eq!(UseCaseId::next_free(&at_the_top).as_str(), "2", "never one already taken");
    }

    #[test]
    fn portfolio_ids_are_eight_characters_and_content_ids_are_stable() {
        let a = PortfolioId::from_random(0x1234_5678_9abc);
        assert_eq!(a.as_str().len(), 8);
        assert_eq!(a.check(), Ok(()));
        assert_ne!(a, PortfolioId::from_random(0x1234_5678_9abd));
        assert_eq!(PortfolioId::of_content("{}"), PortfolioId::of_content("{}"));
        assert_ne!(PortfolioId::of_content("{}"), PortfolioId::of_content("{ }"));
    }
}
