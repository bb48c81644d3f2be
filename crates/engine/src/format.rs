//! The portfolio file: JSON with a `schema_version`, read with clear messages.

use crate::portfolio::{Portfolio, SCHEMA_VERSION};

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
        "this portfolio uses file format version {found}; this version of AI Footprint reads version {supported}"
    )]
    UnsupportedSchema {
        /// Version in the file.
        found: u64,
        /// Version this engine reads.
        supported: u32,
    },
    /// JSON of the right version whose content does not fit the format.
    #[error("the portfolio file does not match format version {SCHEMA_VERSION}: {0}")]
    Shape(String),
}

/// Reads a portfolio from JSON, checking the format version before anything else. The result
/// still needs [`crate::validate`] for its values.
pub fn parse_portfolio(json: &str) -> Result<Portfolio, FileError> {
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
    match version.schema_version.and_then(|n| n.as_u64()) {
        None => Err(FileError::NoSchemaVersion),
        Some(v) if v != u64::from(SCHEMA_VERSION) => {
            Err(FileError::UnsupportedSchema { found: v, supported: SCHEMA_VERSION })
        }
        Some(_) => serde_json::from_str(json).map_err(|e| FileError::Shape(e.to_string())),
    }
}

/// Writes a portfolio as pretty-printed JSON.
pub fn to_json(portfolio: &Portfolio) -> String {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no NaN
    // (serde_json writes NaN as null, which validation then rejects on reading).
    serde_json::to_string_pretty(portfolio).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_default_portfolio() {
        let p = Portfolio::default();
        assert_eq!(parse_portfolio(&to_json(&p)), Ok(p));
    }

    #[test]
    fn planned_levers_are_written_as_the_format_documents_them() {
        use crate::decision::levers::{Lever, Planned};
        use crate::portfolio::{ModelSize, Task};
        let mut p = Portfolio::default();
        let all = |lever| Planned { lever, use_case: None };
        p.settings.levers = vec![
            all(Lever::RightSize(ModelSize::B8)),
            all(Lever::TaskSpecific(Task::TextClassification)),
            Planned { lever: Lever::Batch(256.0), use_case: Some(0) },
        ];
        let json = to_json(&p);
        let compact: String = json.split_whitespace().collect();
        assert!(compact.contains(r#"{"lever":{"right_size":"8B"}}"#), "{compact}");
        assert!(compact.contains(r#"{"lever":{"task_specific":"text_classification"}}"#));
        assert!(compact.contains(r#"{"lever":{"batch":256.0},"use_case":0}"#));
        assert_eq!(parse_portfolio(&json), Ok(p));
    }

    #[test]
    fn a_baseline_is_kept_as_inputs_without_levers_or_a_baseline_of_its_own() {
        use crate::decision::levers::{Lever, Planned};
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
        let future = parse_portfolio(r#"{"schema_version": 2, "name": "x", "use_cases": []}"#);
        assert_eq!(
            future.unwrap_err().to_string(),
            "this portfolio uses file format version 2; this version of AI Footprint reads version 1"
        );
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
