//! The largest portfolio the engine and the app accept, checked before a file, link or saved
//! entry is read in full. Chosen from measurements (`docs/limits.md`): at these sizes every
//! edit still recomputes and redraws within about a frame or two on a laptop.

/// Most use cases in one portfolio (and in its baseline).
pub const MAX_USE_CASES: usize = 1_000;
/// Most planned levers in one portfolio.
pub const MAX_LEVERS: usize = 50;
/// Largest portfolio file, link content (decompressed) or saved entry, in bytes of JSON: a
/// portfolio of [`MAX_USE_CASES`] with a baseline of as many, indented, with long names.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// How deep baselines nest: a portfolio's baseline has no baseline of its own.
pub const MAX_BASELINE_DEPTH: usize = 1;

/// A limit a portfolio went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`MAX_USE_CASES`].
    UseCases,
    /// [`MAX_LEVERS`].
    Levers,
    /// [`MAX_FILE_BYTES`].
    Bytes,
    /// [`MAX_BASELINE_DEPTH`].
    BaselineDepth,
}

impl Limit {
    /// The limit's value.
    pub const fn value(self) -> usize {
        match self {
            Limit::UseCases => MAX_USE_CASES,
            Limit::Levers => MAX_LEVERS,
            Limit::Bytes => MAX_FILE_BYTES,
            Limit::BaselineDepth => MAX_BASELINE_DEPTH,
        }
    }

    /// The marker an outline error carries, so that the limit comes back typed.
    const fn marker(self) -> &'static str {
        match self {
            Limit::UseCases => "limit:use_cases",
            Limit::Levers => "limit:levers",
            Limit::Bytes => "limit:bytes",
            Limit::BaselineDepth => "limit:baseline_depth",
        }
    }

    /// Every limit; [`outline`]'s lists name theirs by position here.
    const ALL: [Limit; 4] = [Limit::UseCases, Limit::Levers, Limit::Bytes, Limit::BaselineDepth];
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limit::UseCases => write!(f, "more than {MAX_USE_CASES} use cases"),
            Limit::Levers => write!(f, "more than {MAX_LEVERS} planned levers"),
            Limit::Bytes => write!(f, "larger than {} MB", MAX_FILE_BYTES / (1024 * 1024)),
            Limit::BaselineDepth => f.write_str("a baseline that has a baseline of its own"),
        }
    }
}

/// The first count limit a portfolio (or its baseline) is past, if any.
pub fn exceeded(portfolio: &crate::Portfolio) -> Option<Limit> {
    let baseline = portfolio.settings.baseline.as_deref();
    let most_use_cases = portfolio.use_cases.len().max(baseline.map_or(0, |b| b.use_cases.len()));
    let most_levers =
        portfolio.settings.levers.len().max(baseline.map_or(0, |b| b.settings.levers.len()));
    if most_use_cases > MAX_USE_CASES {
        Some(Limit::UseCases)
    } else if most_levers > MAX_LEVERS {
        Some(Limit::Levers)
    } else if baseline.is_some_and(|b| b.settings.baseline.is_some()) {
        Some(Limit::BaselineDepth)
    } else {
        None
    }
}

/// The parts of a portfolio's JSON that a limit applies to, every other value skipped: read
/// before the portfolio itself, it stops at the first element past a limit.
pub(crate) mod outline {
    use super::{Limit, MAX_LEVERS, MAX_USE_CASES};
    use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
    use serde::Deserialize;

    /// A list of at most `N` elements of any kind, counted and skipped. Fields are not
    /// `Option`s (absent is the default): each `Option<T>` would add its own deserialiser.
    #[derive(Default)]
    pub(crate) struct Counted<const N: usize, const LIMIT: u8>;

    /// The position in [`Limit::ALL`] that a [`Counted`] list names (a const generic cannot
    /// be an enum).
    const USE_CASES: u8 = 0;
    const LEVERS: u8 = 1;

    fn limit_of(code: u8) -> Limit {
        Limit::ALL[usize::from(code)]
    }

    impl<'de, const N: usize, const LIMIT: u8> Deserialize<'de> for Counted<N, LIMIT> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Count<const N: usize, const LIMIT: u8>;
            impl<'de, const N: usize, const LIMIT: u8> Visitor<'de> for Count<N, LIMIT> {
                type Value = Counted<N, LIMIT>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a list")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                    let mut n = 0;
                    while seq.next_element::<IgnoredAny>()?.is_some() {
                        n += 1;
                        if n > N {
                            return Err(de::Error::custom(limit_of(LIMIT).marker()));
                        }
                    }
                    Ok(Counted)
                }
            }
            d.deserialize_seq(Count::<N, LIMIT>)
        }
    }

    // The fields below are read only to be checked: the checks are in their deserialisers.

    /// A portfolio's outline.
    #[derive(Deserialize)]
    #[allow(dead_code)]
    pub(crate) struct Portfolio {
        #[serde(default)]
        use_cases: Counted<MAX_USE_CASES, USE_CASES>,
        #[serde(default)]
        settings: Settings,
    }

    #[derive(Deserialize, Default)]
    #[allow(dead_code)]
    struct Settings {
        #[serde(default)]
        levers: Counted<MAX_LEVERS, LEVERS>,
        #[serde(default)]
        baseline: Baseline,
    }

    /// A baseline: a portfolio whose own baseline must be absent.
    #[derive(Deserialize, Default)]
    #[allow(dead_code)]
    struct Baseline {
        #[serde(default)]
        use_cases: Counted<MAX_USE_CASES, USE_CASES>,
        #[serde(default)]
        settings: BaselineSettings,
    }

    #[derive(Deserialize, Default)]
    #[allow(dead_code)]
    struct BaselineSettings {
        #[serde(default)]
        levers: Counted<MAX_LEVERS, LEVERS>,
        #[serde(default, deserialize_with = "no_baseline")]
        baseline: (),
    }

    fn no_baseline<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let value = Option::<IgnoredAny>::deserialize(d)?;
        match value {
            None => Ok(()),
            Some(_) => Err(de::Error::custom(Limit::BaselineDepth.marker())),
        }
    }

    /// The limit an outline error names, if it is one.
    pub(crate) fn limit_in(error: &serde_json::Error) -> Option<Limit> {
        let message = error.to_string();
        Limit::ALL.into_iter().find(|l| message.starts_with(l.marker()))
    }
}
