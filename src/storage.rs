//! What the browser keeps between visits: every named portfolio and the preferences, as one
//! versioned JSON document in local storage. Pure functions; the browser calls are in
//! [`crate::browser`].

use engine::equivalents::Region;
use engine::format::{parse_portfolio, to_json};
use engine::Portfolio;
use serde::{Deserialize, Serialize};

/// Local-storage key of the saved state.
pub const KEY: &str = "ai-footprint.state";
/// Version of the saved-state document; older versions are migrated when read.
pub const VERSION: u32 = 1;

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

engine::keyed!(impl Theme { Auto = "auto", Light = "light", Dark = "dark" });

/// Choices that outlive a portfolio.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Prefs {
    /// Interface language tag; the browser's language when absent.
    #[serde(default)]
    pub locale: Option<String>,
    /// Colour theme.
    #[serde(default)]
    pub theme: Theme,
    /// Region of the everyday equivalents.
    #[serde(default)]
    pub region: Region,
}

/// Everything saved: the portfolios, which one is open, and the preferences.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Every portfolio, in the user's order.
    pub portfolios: Vec<Portfolio>,
    /// Index of the open portfolio.
    pub current: usize,
    /// Preferences.
    pub prefs: Prefs,
}

/// The JSON shape on disk. Each portfolio is stored as its own JSON text, exactly as exported,
/// so that each one is read through [`parse_portfolio`] with its own schema check.
#[derive(Serialize, Deserialize)]
struct OnDisk {
    version: u32,
    current: usize,
    portfolios: Vec<String>,
    #[serde(default)]
    prefs: Prefs,
}

/// Only the document's version, read first so that a newer document is never misread.
#[derive(Deserialize)]
struct DiskVersion {
    #[serde(default)]
    version: u64,
}

/// Why saved state could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Written by a newer version of the app: leave it untouched.
    #[error("saved by a newer version ({0})")]
    Newer(u32),
    /// Unreadable: keep a copy aside and start afresh.
    #[error("unreadable saved data: {0}")]
    Corrupt(String),
}

/// Writes the saved state as JSON.
pub fn to_text(saved: &Saved) -> String {
    let portfolios = saved.portfolios.iter().map(to_json).collect();
    let disk =
        OnDisk { version: VERSION, current: saved.current, portfolios, prefs: saved.prefs.clone() };
    serde_json::to_string(&disk).unwrap_or_default()
}

/// Reads saved state, migrating older versions. A portfolio that no longer parses is dropped
/// only if every other one survives; otherwise the whole document is reported corrupt, so the
/// caller can keep a copy.
pub fn from_text(text: &str) -> Result<Saved, LoadError> {
    let corrupt = |e: serde_json::Error| LoadError::Corrupt(e.to_string());
    let version = serde_json::from_str::<DiskVersion>(text).map_err(corrupt)?.version;
    if version > u64::from(VERSION) {
        return Err(LoadError::Newer(u32::try_from(version).unwrap_or(u32::MAX)));
    }
    // Version 1 is the first; later versions add their migrations here, oldest first.
    let disk: OnDisk = serde_json::from_str(text).map_err(corrupt)?;
    let portfolios = disk
        .portfolios
        .iter()
        .map(|p| parse_portfolio(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| LoadError::Corrupt(e.to_string()))?;
    if portfolios.is_empty() {
        return Err(LoadError::Corrupt("no portfolio".into()));
    }
    let current = disk.current.min(portfolios.len() - 1);
    Ok(Saved { portfolios, current, prefs: disk.prefs })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Saved {
        let second = Portfolio { name: "Second".into(), ..Portfolio::default() };
        Saved {
            portfolios: vec![Portfolio::default(), second],
            current: 1,
            prefs: Prefs { locale: Some("zh-Hant".into()), theme: Theme::Dark, region: Region::Us },
        }
    }

    #[test]
    fn round_trips() {
        let saved = sample();
        assert_eq!(from_text(&to_text(&saved)), Ok(saved));
    }

    #[test]
    fn refuses_newer_and_corrupt_documents() {
        assert_eq!(from_text(r#"{"version": 7}"#), Err(LoadError::Newer(7)));
        assert!(matches!(from_text("{not json"), Err(LoadError::Corrupt(_))));
        assert!(matches!(
            from_text(r#"{"version": 1, "current": 0, "portfolios": ["{\"name\": 3}"]}"#),
            Err(LoadError::Corrupt(_))
        ));
        assert!(matches!(
            from_text(r#"{"version": 1, "current": 0, "portfolios": []}"#),
            Err(LoadError::Corrupt(_))
        ));
    }

    /// Saved state as the app wrote it before ids existed: every portfolio in file format 1.
    #[test]
    fn saved_state_with_version_1_portfolios_opens_unchanged_in_meaning() {
        let one = |name: &str| {
            format!(
                r#"{{"schema_version":1,"name":"{name}","settings":{{"levers":[{{"lever":{{"cut_pue":1.1}},"use_case":0}}]}},"use_cases":[{{"name":"A","workload":{{"task":{{"task":"nlp"}}}},"volume":{{"per_year":{{"per_year":3}}}}}}]}}"#
            )
        };
        let portfolios = serde_json::to_string(&[one("First"), one("Second")]).expect("strings");
        let text = format!(
            r#"{{"version":1,"current":1,"portfolios":{portfolios},"prefs":{{"theme":"dark"}}}}"#
        );
        let saved = from_text(&text).expect("version 1 state reads");
        assert_eq!(saved.current, 1);
        assert_eq!(saved.prefs.theme, Theme::Dark);
        for p in &saved.portfolios {
            assert_eq!(p.schema_version, engine::portfolio::SCHEMA_VERSION);
            assert_eq!(p.use_cases[0].id.as_str(), "1");
            assert_eq!(p.settings.levers[0].use_case.as_ref(), Some(&p.use_cases[0].id));
            assert!(engine::resolve(p).is_ok(), "{}", p.name);
        }
        assert_ne!(saved.portfolios[0].id, saved.portfolios[1].id, "different content, ids");
    }

    #[test]
    fn clamps_the_open_portfolio() {
        let mut saved = sample();
        saved.current = 1;
        let text = to_text(&saved).replace("\"current\":1", "\"current\":9");
        assert_eq!(from_text(&text).map(|s| s.current), Ok(1));
    }
}
