//! The portfolio file: JSON with a `schema_version`, read with clear messages, older versions
//! migrated to the current one.
//!
//! Version 1 had no ids and addressed a planned lever's use case by its index; reading it gives
//! the portfolio an id derived from the file's text (the same file or link read twice is
//! recognised as the same portfolio), numbers its use cases 1, 2, 3… in order and points each
//! lever at the id of the use case at its index. Nothing else changed meaning.

use crate::id::{PortfolioId, UseCaseId};
use crate::limits::{outline, Limit, MAX_FILE_BYTES};
use crate::portfolio::{Portfolio, SCHEMA_VERSION};

/// The oldest file format version this engine reads.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Why a portfolio file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    /// Not JSON at all.
    #[error("not a portfolio file: {0}")]
    NotJson(String),
    /// JSON without a `schema_version` number: probably some other file.
    #[error("not a portfolio file: it has no \"schema_version\"")]
    NoSchemaVersion,
    /// A version this engine does not read.
    #[error(
        "this portfolio uses file format version {found}; this version of AI Footprint reads versions 1 to {supported}"
    )]
    UnsupportedSchema {
        /// Version in the file.
        found: u64,
        /// Version this engine reads.
        supported: u32,
    },
    /// Bytes that are not text in UTF-8, nor UTF-16 with a byte-order mark.
    #[error("not a portfolio file: it is not text in UTF-8 or UTF-16")]
    NotText,
    /// Past one of the [limits](crate::limits), found before the portfolio was read in full.
    #[error("the portfolio is too large for this app: {0}")]
    TooLarge(Limit),
    /// JSON of a version this engine reads whose content does not fit that version.
    #[error("the portfolio file does not match format version {version}: {detail}")]
    Shape {
        /// The file's own version.
        version: u64,
        /// What does not fit.
        detail: String,
    },
}

/// The text of a file as it comes from a disk or a file picker: UTF-8, with or without a
/// byte-order mark, or UTF-16 with one (as some Windows editors save). The command line and
/// the app both read files through here, so they accept the same files.
pub fn decode_text(bytes: &[u8]) -> Result<String, FileError> {
    if bytes.len() > MAX_FILE_BYTES * 2 {
        return Err(FileError::TooLarge(Limit::Bytes));
    }
    let utf16 = |little: bool| {
        let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
            ([a, b], true) => Ok(u16::from_le_bytes([*a, *b])),
            ([a, b], false) => Ok(u16::from_be_bytes([*a, *b])),
            _ => Err(FileError::NotText),
        });
        let units = units.collect::<Result<Vec<u16>, _>>()?;
        String::from_utf16(&units).map_err(|_| FileError::NotText)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            String::from_utf8(rest.to_vec()).map_err(|_| FileError::NotText)
        }
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| FileError::NotText),
    }
}

/// Reads a portfolio from JSON, checking the format version before anything else. The result
/// still needs [`crate::validate`] for its values.
pub fn parse_portfolio(json: &str) -> Result<Portfolio, FileError> {
    read(json, true)
}

/// [`parse_portfolio`] without the [limits](crate::limits), for what the app saved itself:
/// the limits guard against files and links from outside, and a portfolio saved by a version
/// before them must still open.
pub fn parse_saved_portfolio(json: &str) -> Result<Portfolio, FileError> {
    read(json, false)
}

fn read(json: &str, limited: bool) -> Result<Portfolio, FileError> {
    if limited && json.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(Limit::Bytes));
    }
    /// Only the version, read first; every other field is skipped. Reading straight from the
    /// text (not through `serde_json::Value`) keeps one deserialiser per type in the wasm.
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: Option<serde_json::Number>,
    }
    let version: Version = match serde_json::from_str(json) {
        Ok(v) => v,
        // Valid JSON that is not an object, or a mistyped version, is some other file.
        Err(e) if e.is_data() => return Err(FileError::NoSchemaVersion),
        Err(e) => return Err(FileError::NotJson(e.to_string())),
    };
    let supported = u64::from(OLDEST_SCHEMA_VERSION)..=u64::from(SCHEMA_VERSION);
    match version.schema_version.and_then(|n| n.as_u64()) {
        None => Err(FileError::NoSchemaVersion),
        Some(v) if !supported.contains(&v) => {
            Err(FileError::UnsupportedSchema { found: v, supported: SCHEMA_VERSION })
        }
        Some(v) => {
            // The limits, in a pass that skips every value and stops at the first element past
            // one; any other misfit is reported by the full read below, with its place.
            if limited {
                if let Err(e) = serde_json::from_str::<outline::Portfolio>(json) {
                    if let Some(limit) = outline::limit_in(&e) {
                        return Err(FileError::TooLarge(limit));
                    }
                }
            }
            let mut portfolio: Portfolio = serde_json::from_str(json)
                .map_err(|e| FileError::Shape { version: v, detail: e.to_string() })?;
            // Also after the full read: a misfit the outline pass stopped at (a `null` where
            // an object belongs) would otherwise let a list past its limit through.
            if let Some(limit) = limited.then(|| crate::limits::exceeded(&portfolio)).flatten() {
                return Err(FileError::TooLarge(limit));
            }
            if v == 1 {
                migrate_v1(&mut portfolio, PortfolioId::of_content(json));
            }
            Ok(portfolio)
        }
    }
}

/// Version 1 to 2: ids for the portfolio (and its baseline) and its use cases, levers pointed
/// at ids. A lever index past the last use case becomes an id no use case has, which
/// validation then reports on that lever.
fn migrate_v1(portfolio: &mut Portfolio, id: PortfolioId) {
    portfolio.schema_version = SCHEMA_VERSION;
    portfolio.id = id;
    for (i, uc) in portfolio.use_cases.iter_mut().enumerate() {
        uc.id = UseCaseId::numbered(i + 1);
    }
    let ids: Vec<UseCaseId> = portfolio.use_cases.iter().map(|uc| uc.id.clone()).collect();
    for target in portfolio.settings.levers.iter_mut().filter_map(|l| l.use_case.as_mut()) {
        if let Some(index) = target.as_legacy_index() {
            *target = ids.get(index).cloned().unwrap_or_else(|| UseCaseId::unknown(index));
        }
    }
    if let Some(baseline) = portfolio.settings.baseline.as_deref_mut() {
        // The baseline is a snapshot of this portfolio: it shares its id.
        let id = portfolio.id.clone();
        migrate_v1(baseline, id);
    }
}

/// Writes a portfolio as compact JSON (saved state, share links): one serialiser in the
/// download. A file for people to read is indented by the caller (the browser's own
/// `JSON.stringify`, or [`to_json_pretty`] natively).
pub fn to_json(portfolio: &Portfolio) -> String {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no NaN
    // (serde_json writes NaN as null, which validation then rejects on reading).
    serde_json::to_string(portfolio).unwrap_or_default()
}

/// Writes a portfolio as indented JSON, for the command line.
pub fn to_json_pretty(portfolio: &Portfolio) -> String {
    serde_json::to_string_pretty(portfolio).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::levers::{Lever, Planned};

    /// A portfolio of `n` use cases and `levers` planned levers, as JSON.
    fn sized(n: usize, levers: usize) -> String {
        let mut p = Portfolio::default();
        for _ in 1..n {
            p.add(crate::UseCase::default());
        }
        p.settings.levers = vec![Planned::on_all(Lever::CutPue(1.1)); levers];
        to_json(&p)
    }

    #[test]
    fn the_limits_are_accepted_and_one_past_them_refused_by_name() {
        use crate::limits::{MAX_LEVERS, MAX_USE_CASES};
        assert!(parse_portfolio(&sized(MAX_USE_CASES, MAX_LEVERS)).is_ok());
        assert_eq!(
            parse_portfolio(&sized(MAX_USE_CASES + 1, 0)),
            Err(FileError::TooLarge(Limit::UseCases))
        );
        assert_eq!(
            parse_portfolio(&sized(1, MAX_LEVERS + 1)),
            Err(FileError::TooLarge(Limit::Levers))
        );
        let mut p = Portfolio::default();
        let mut baseline = Portfolio::default();
        baseline.settings.baseline = Some(Box::new(Portfolio::default()));
        p.settings.baseline = Some(Box::new(baseline));
        assert_eq!(parse_portfolio(&to_json(&p)), Err(FileError::TooLarge(Limit::BaselineDepth)));
        let huge = format!("{{\"schema_version\":2,\"name\":\"{}\"}}", "x".repeat(MAX_FILE_BYTES));
        assert_eq!(parse_portfolio(&huge), Err(FileError::TooLarge(Limit::Bytes)));
        // A baseline within the limits is read as before.
        let mut p = Portfolio::default();
        p.settings.baseline = Some(Box::new(Portfolio::default()));
        assert!(parse_portfolio(&to_json(&p)).is_ok());
    }

    #[test]
    fn reads_utf8_with_or_without_a_mark_and_utf16_with_one() {
        let json = to_json(&Portfolio::default());
        let mut marked = vec![0xEF, 0xBB, 0xBF];
        marked.extend(json.as_bytes());
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(json.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(json.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [json.as_bytes(), &marked, &le, &be] {
            assert_eq!(decode_text(bytes).as_deref(), Ok(json.as_str()));
        }
        assert_eq!(decode_text(&[0xFF, 0xFE, 0x41]), Err(FileError::NotText), "odd length");
        assert_eq!(decode_text(&[0xC3, 0x28]), Err(FileError::NotText));
    }

    #[test]
    fn a_misfit_before_a_list_does_not_let_the_list_past_its_limit() {
        let mut text = sized(crate::limits::MAX_USE_CASES + 1, 0);
        text = text.replacen("\"settings\":{", "\"settings\":{\"baseline\":null,", 1);
        assert!(text.contains("\"baseline\":null"), "{}", &text[..200]);
        assert_eq!(parse_portfolio(&text), Err(FileError::TooLarge(Limit::UseCases)));
        assert!(parse_saved_portfolio(&text).is_ok(), "saved data opens whatever its size");
    }

    #[test]
    fn a_misfit_beside_the_limits_is_reported_where_it_is() {
        let text = r#"{"schema_version":2,"id":"abc","name":"x","use_cases":"many"}"#;
        assert!(matches!(parse_portfolio(text), Err(FileError::Shape { version: 2, .. })));
    }

    #[test]
    fn round_trips_the_default_portfolio() {
        let p = Portfolio::default();
        assert_eq!(parse_portfolio(&to_json(&p)), Ok(p.clone()));
        assert_eq!(parse_portfolio(&to_json_pretty(&p)), Ok(p));
    }

    #[test]
    fn planned_levers_are_written_as_the_format_documents_them() {
        use crate::portfolio::{ModelSize, Task};
        let mut p = Portfolio::default();
        let all = |lever| Planned { lever, use_case: None };
        p.settings.levers = vec![
            all(Lever::RightSize(ModelSize::B8)),
            all(Lever::TaskSpecific(Task::TextClassification)),
            Planned::on(Lever::Batch(256.0), "1".parse().expect("an id")),
        ];
        let json = to_json(&p);
        let compact: String = json.split_whitespace().collect();
        assert!(compact.contains(r#"{"lever":{"right_size":"8B"}}"#), "{compact}");
        assert!(compact.contains(r#"{"lever":{"task_specific":"text_classification"}}"#));
        assert!(compact.contains(r#"{"lever":{"batch":256.0},"use_case":"1"}"#));
        assert_eq!(parse_portfolio(&json), Ok(p));
    }

    #[test]
    fn a_baseline_is_kept_as_inputs_without_levers_or_a_baseline_of_its_own() {
        let mut p = Portfolio::default();
        p.settings.levers = vec![Planned { lever: Lever::CutPue(1.1), use_case: None }];
        p.settings.baseline = Some(Box::new(p.as_baseline()));
        let again = p.as_baseline();
        assert!(again.settings.levers.is_empty() && again.settings.baseline.is_none());
        assert_eq!(again.use_cases, p.use_cases);
        assert_eq!(parse_portfolio(&to_json(&p)), Ok(p));
    }

    #[test]
    fn refuses_foreign_files_and_other_versions_clearly() {
        assert!(matches!(parse_portfolio("<html>"), Err(FileError::NotJson(_))));
        assert_eq!(parse_portfolio(r#"{"name": "x"}"#), Err(FileError::NoSchemaVersion));
        let future = parse_portfolio(r#"{"schema_version": 3, "name": "x", "use_cases": []}"#);
        assert_eq!(
            future.unwrap_err().to_string(),
            "this portfolio uses file format version 3; this version of AI Footprint reads versions 1 to 2"
        );
    }

    /// A version 1 file as the app wrote it: no ids, a lever on the second use case by index,
    /// a baseline.
    const V1: &str = r#"{"schema_version": 1, "name": "Old", "settings": {
        "levers": [{"lever": {"cut_pue": 1.1}, "use_case": 1}, {"lever": {"quantise": 8.0}},
                   {"lever": {"cut_pue": 1.2}, "use_case": 7}],
        "baseline": {"schema_version": 1, "name": "Old", "use_cases": [
            {"name": "A", "workload": {"task": {"task": "tabular"}}, "volume": {"per_year": {"per_year": 5}}}]}},
        "use_cases": [
            {"name": "A", "workload": {"task": {"task": "tabular"}}, "volume": {"per_year": {"per_year": 5}}},
            {"name": "B", "workload": {"task": {"task": "nlp"}}, "volume": {"per_year": {"per_year": 9}}}]}"#;

    #[test]
    fn version_1_gains_ids_and_its_levers_follow_them() {
        let p = parse_portfolio(V1).expect("version 1 reads");
        assert_eq!(p.schema_version, SCHEMA_VERSION);
        let ids: Vec<&str> = p.use_cases.iter().map(|uc| uc.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        let targets: Vec<Option<&str>> =
            p.settings.levers.iter().map(|l| l.use_case.as_ref().map(|id| id.as_str())).collect();
        assert_eq!(targets, [Some("2"), None, Some("missing-7")]);
        let messages: Vec<String> = crate::validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["settings.levers[2].use_case: no use case has the id \"missing-7\""]);
        let baseline = p.settings.baseline.as_deref().expect("kept");
        assert_eq!((baseline.schema_version, &baseline.id), (SCHEMA_VERSION, &p.id));
        // The same old file read twice is the same portfolio; another one is not.
        assert_eq!(parse_portfolio(V1).expect("reads").id, p.id);
        assert_ne!(parse_portfolio(&V1.replace("Old", "Other")).expect("reads").id, p.id);
        // Written back, it is a version 2 file that reads the same.
        assert_eq!(parse_portfolio(&to_json(&p)), Ok(p));
    }

    #[test]
    fn a_version_1_lever_index_in_a_version_2_file_is_refused() {
        let mut p = Portfolio::default();
        p.settings.levers = vec![Planned::on(Lever::CutPue(1.1), "1".parse().expect("an id"))];
        let json = to_json(&p);
        assert!(json.contains(r#""use_case":"1""#), "{json}");
        let p =
            parse_portfolio(&json.replace(r#""use_case":"1""#, r#""use_case":0"#)).expect("reads");
        let problems = crate::validate(&p);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "settings.levers[0].use_case: name the use case by its id (file format 2), not by its position"
        );
    }

    #[test]
    fn a_broken_file_is_reported_against_its_own_version() {
        let err = parse_portfolio(r#"{"schema_version": 1, "name": 3, "use_cases": []}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("the portfolio file does not match format version 1:"), "{err}");
    }

    #[test]
    fn names_the_field_that_does_not_fit() {
        let err =
            parse_portfolio(r#"{"schema_version": 1, "name": "x", "use_cases": [], "colour": 1}"#)
                .unwrap_err()
                .to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
        let err =
            parse_portfolio(r#"{"schema_version": 1, "name": "x", "use_cases": [{"name": "a"}]}"#)
                .unwrap_err()
                .to_string();
        assert!(err.contains("missing field `workload`"), "{err}");
    }
}
