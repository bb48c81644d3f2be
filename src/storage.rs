//! What the browser keeps between visits, and how several tabs share it without erasing each
//! other's work. Pure logic over a [`Store`] (local storage's semantics); the browser's own
//! store is in [`crate::browser`], the wiring into the app in [`crate::autosave`].
//!
//! Each portfolio is its own entry (`ai-footprint.portfolio.<id>`), stamped with a revision
//! that names the tab and write which made it. A tab writes only the portfolios it changed, and
//! only over the revision it last read: if another tab wrote in between, the entry is not
//! overwritten and the caller keeps both versions. Local storage gives no atomic
//! read-and-write across tabs; the race that remains is written down in `docs/limits.md`.

use engine::equivalents::Region;
use engine::format::{parse_saved_portfolio, to_json};
use engine::{Portfolio, PortfolioId};
use serde::{Deserialize, Serialize};

/// Prefix of every key the app writes.
pub const PREFIX: &str = "ai-footprint.";
/// Prefix of a portfolio's entry; the portfolio's id follows.
pub const PORTFOLIO_PREFIX: &str = "ai-footprint.portfolio.";
/// Prefix of a copy of unreadable data, kept aside; a unique suffix follows.
pub const ASIDE_PREFIX: &str = "ai-footprint.aside.";
/// Key of the preferences.
pub const PREFS_KEY: &str = "ai-footprint.prefs";
/// Key of the whole saved state as versions before per-portfolio entries wrote it.
pub const LEGACY_KEY: &str = "ai-footprint.state";
/// Version of a portfolio entry's header; an entry of a newer version is left untouched.
pub const VERSION: u32 = 2;
/// The smallest local-storage quota of the browsers the app supports, in UTF-16 code units
/// of keys and values (Chromium, Firefox and Safari give 5 MiB or more).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;
/// Share of [`QUOTA_CHARS`] past which the app warns that storage is nearly full.
pub const NEARLY_FULL: f64 = 0.8;

/// Whether `used_chars` is past [`NEARLY_FULL`] of [`QUOTA_CHARS`].
pub fn nearly_full(used_chars: usize) -> bool {
    used_chars as f64 > QUOTA_CHARS as f64 * NEARLY_FULL
}

/// A key–value store with local storage's semantics: string keys and values, each call on its
/// own (no transactions), shared by every tab of the origin.
pub trait Store {
    /// The value under `key`.
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    /// Writes `value` under `key`; fails when the store is full or disabled.
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), String>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, String>;
}

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

/// Everything a tab starts from: the portfolios, which one is open, and the preferences.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Every portfolio, oldest first.
    pub portfolios: Vec<Portfolio>,
    /// Index of the open portfolio.
    pub current: usize,
    /// Preferences.
    pub prefs: Prefs,
    /// The last valid version of each portfolio saved while invalid: a reload shows its
    /// figures rather than none.
    pub last_good: Vec<Portfolio>,
}

/// A portfolio as one tab sees it, to be saved: what was entered and, while that is invalid,
/// the last valid version.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The portfolio as entered.
    pub portfolio: &'a Portfolio,
    /// Its last valid version, when it differs.
    pub last_good: Option<&'a Portfolio>,
}

/// The app's version, written in every entry: offline copies of different versions share one
/// storage in Chromium, and an older copy must not read (or move aside) what a newer one saved.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether `version` (dotted numbers) is later than `than`.
fn is_later(version: &str, than: &str) -> bool {
    let numbers = |v: &str| v.split('.').map(|n| n.parse::<u64>().unwrap_or(0)).collect::<Vec<_>>();
    numbers(version) > numbers(than)
}

/// The first line of a portfolio's entry, as `<version> <revision> <created_ms> <app>`; the
/// portfolio's JSON follows on the second line, and its last valid version, if any, on the
/// third (compact JSON has no raw line breaks). Plain words, not JSON: a parser for this one
/// line would cost the download more than the words do.
#[derive(Debug, Clone, PartialEq)]
struct Header {
    /// Entry version.
    v: u32,
    /// Revision: which tab wrote it, and its how-manyth write.
    rev: String,
    /// When the portfolio was first saved (ms since 1970): the library's order.
    created_ms: f64,
}

/// A portfolio entry read back.
struct Decoded {
    header: Header,
    portfolio: Portfolio,
    last_good: Option<Portfolio>,
}

/// Why an entry could not be read.
enum Unreadable {
    /// Written by a newer version: left untouched.
    Newer,
    /// Damaged: kept aside.
    Damaged,
}

fn encode(header: &Header, portfolio: &str, last_good: Option<&str>) -> String {
    let Header { v, rev, created_ms } = header;
    match last_good {
        Some(good) => format!("{v} {rev} {created_ms} {APP_VERSION}\n{portfolio}\n{good}"),
        None => format!("{v} {rev} {created_ms} {APP_VERSION}\n{portfolio}"),
    }
}

fn header_of(text: &str) -> Result<Header, Unreadable> {
    let first = text.split('\n').next().unwrap_or_default();
    let mut words = first.split(' ');
    let v: u32 = words.next().and_then(|v| v.parse().ok()).ok_or(Unreadable::Damaged)?;
    if v > VERSION {
        return Err(Unreadable::Newer);
    }
    let rev = words.next().filter(|r| !r.is_empty()).ok_or(Unreadable::Damaged)?.to_owned();
    let created_ms = words.next().and_then(|c| c.parse().ok()).ok_or(Unreadable::Damaged)?;
    // Saved by a later version of the app (another offline copy): left to that version.
    if words.next().is_some_and(|app| is_later(app, APP_VERSION)) {
        return Err(Unreadable::Newer);
    }
    Ok(Header { v, rev, created_ms })
}

fn decode(text: &str) -> Result<Decoded, Unreadable> {
    let header = header_of(text)?;
    let mut lines = text.split('\n').skip(1);
    let portfolio = lines.next().ok_or(Unreadable::Damaged)?;
    let portfolio = parse_saved_portfolio(portfolio).map_err(|_| Unreadable::Damaged)?;
    let last_good = lines.next().and_then(|good| parse_saved_portfolio(good).ok());
    Ok(Decoded { header, portfolio, last_good })
}

/// Key of a portfolio's entry.
pub fn portfolio_key(id: &PortfolioId) -> String {
    format!("{PORTFOLIO_PREFIX}{id}")
}

/// What this tab last read or wrote of one portfolio.
#[derive(Debug, Clone, PartialEq)]
struct Known {
    /// The revision it read or wrote; `None` for a portfolio never saved (a first visit's).
    rev: Option<String>,
    /// The portfolio's JSON, to tell whether the tab has changed it since. Its last valid
    /// version is not compared: it changes only with the portfolio, and two tabs may each
    /// remember a different one (comparing it made two tabs showing one invalid portfolio
    /// write it back and forth).
    content: String,
    created_ms: f64,
    /// Characters the entry takes (key and value).
    chars: usize,
}

/// A copy of unreadable data, kept aside under its own key.
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    /// Its key.
    pub key: String,
    /// Where it came from and when (ms since 1970).
    pub from: String,
    /// When it was kept aside, ms since 1970.
    pub at_ms: f64,
    /// The data as it was found.
    pub text: String,
}

/// What went wrong reading saved data; the rest was read.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    /// The store cannot be read at all: nothing will be saved.
    Unavailable(String),
    /// This many entries were unreadable and were kept aside.
    KeptAside(usize),
    /// This many entries were unreadable and could not be copied aside (storage full): they
    /// are left where they are, untouched.
    LeftInPlace(usize),
    /// This many portfolios were saved by a newer version: left untouched, not shown.
    Newer(usize),
    /// The preferences were unreadable and are back to their defaults.
    PrefsReset,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SaveReport {
    /// Portfolios another tab changed since this one read them, and this tab changed too:
    /// not written. The caller keeps both versions.
    pub conflicts: Vec<PortfolioId>,
    /// Portfolios this tab changed that another tab had deleted: written again.
    pub restored: Vec<PortfolioId>,
    /// Portfolios this tab deleted that another tab changed meanwhile: not deleted. The caller
    /// takes the stored version back ([`Sync::reread`]).
    pub kept: Vec<PortfolioId>,
    /// Portfolios another tab saved while this one had changed them, which this tab has since
    /// changed back: the caller takes the stored version ([`Sync::reread`]).
    pub outdated: Vec<PortfolioId>,
    /// A write the store refused (full, or turned off); the portfolios after it are unsaved.
    pub failed: Option<String>,
}

/// A change another tab made, as the browser's `storage` event reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote {
    /// A portfolio written (new or changed), with its last valid version (boxed: the other
    /// variants are small).
    Portfolio(Box<(Portfolio, Option<Portfolio>)>),
    /// A portfolio deleted.
    Deleted(PortfolioId),
    /// The preferences changed.
    Prefs(Prefs),
    /// The kept-aside copies changed.
    Aside,
    /// Nothing this tab shows.
    Other,
}

/// What splitting the single document of earlier versions did.
#[derive(Default)]
struct Migrated {
    /// Portfolios kept aside (damaged, or differing from an entry that holds them).
    aside: usize,
    /// Whether the document stays, not fully written (storage full).
    left_in_place: bool,
    /// Portfolios not written, with their creation times: they open unsaved.
    unwritten: Vec<(f64, Portfolio)>,
}

/// One tab's view of the store: the revision of each portfolio it last read or wrote.
#[derive(Debug, Clone)]
pub struct Sync {
    /// Names this tab's writes.
    tab: String,
    writes: u64,
    /// By id; a handful of portfolios, so a list.
    known: Vec<(PortfolioId, Known)>,
    aside_chars: usize,
    prefs_chars: usize,
    /// The preferences as last read or written: only a change writes them.
    prefs: Option<Prefs>,
    /// Portfolios another tab saved while this one had changed them too: looked at again at
    /// the next save, in case this tab's change was undone meanwhile.
    skipped: Vec<PortfolioId>,
}

impl Sync {
    /// A tab's view, named by `tab` (random, so that two tabs' revisions never coincide).
    pub fn new(tab: u64) -> Self {
        Self {
            tab: format!("{tab:x}"),
            writes: 0,
            known: Vec::new(),
            aside_chars: 0,
            prefs_chars: 0,
            prefs: None,
            skipped: Vec::new(),
        }
    }

    fn next_rev(&mut self) -> String {
        self.writes += 1;
        format!("{}.{}", self.tab, self.writes)
    }

    /// Characters the app's data takes in the store, as far as this tab knows.
    pub fn used_chars(&self) -> usize {
        self.known.iter().map(|(_, k)| k.chars).sum::<usize>() + self.aside_chars + self.prefs_chars
    }

    /// Re-reads the kept-aside copies (another tab kept or deleted one), for their size.
    pub fn refresh_aside(&mut self, store: &dyn Store) -> Vec<Aside> {
        let all = self.read_aside(store);
        self.aside_chars = all.iter().map(|a| a.key.len() + a.text.len()).sum();
        all
    }

    /// Reads everything saved. Unreadable entries are kept aside one by one (never the others
    /// with them); the version before per-portfolio entries is split into them. `fresh` gives
    /// the portfolio of a first visit, which is not written until it is changed; `open` is
    /// the id this tab had open (a reload), if any.
    pub fn load(
        &mut self,
        store: &dyn Store,
        now_ms: f64,
        open: Option<&PortfolioId>,
        fresh: impl FnOnce() -> Portfolio,
    ) -> (Saved, Vec<LoadProblem>) {
        let mut problems = Vec::new();
        let keys = match store.keys() {
            Ok(keys) => keys,
            Err(why) => {
                problems.push(LoadProblem::Unavailable(why));
                Vec::new()
            }
        };
        let (mut aside, mut left) = (0, 0);
        let mut keep_aside = |key: &str, text: &str| {
            if self::keep_aside(store, key, text, now_ms).is_ok() {
                aside += 1;
                let _ = store.remove(key);
            } else {
                left += 1;
            }
        };
        let (mut newer, mut migration_aside, mut migration_left) = (0, 0, 0);
        let mut entries: Vec<(f64, Portfolio, Option<Portfolio>)> = Vec::new();
        if keys.iter().any(|k| k == LEGACY_KEY) {
            if let Ok(Some(text)) = store.get(LEGACY_KEY) {
                match legacy::read(&text) {
                    Ok(legacy) => {
                        let migrated = self.migrate_legacy(store, legacy, now_ms);
                        migration_aside = migrated.aside;
                        migration_left = usize::from(migrated.left_in_place);
                        entries.extend(migrated.unwritten.into_iter().map(|(t, p)| (t, p, None)));
                    }
                    Err(legacy::Error::Newer) => newer += 1,
                    Err(legacy::Error::Damaged) => keep_aside(LEGACY_KEY, &text),
                }
            }
        }
        let keys = store.keys().unwrap_or(keys);
        for key in keys.iter().filter(|k| k.starts_with(PORTFOLIO_PREFIX)) {
            let Ok(Some(text)) = store.get(key) else { continue };
            match decode(&text) {
                Ok(Decoded { header, portfolio, last_good }) => {
                    // An entry must be stored under its own portfolio's id; another tab
                    // writes it only there.
                    if portfolio_key(&portfolio.id) != *key {
                        keep_aside(key, &text);
                        continue;
                    }
                    self.remember(
                        &portfolio,
                        last_good.as_ref(),
                        Some(header.rev),
                        header.created_ms,
                    );
                    entries.push((header.created_ms, portfolio, last_good));
                }
                Err(Unreadable::Newer) => newer += 1,
                Err(Unreadable::Damaged) => keep_aside(key, &text),
            }
        }
        engine::order::sort_by(&mut entries, |a, b| {
            a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
        });
        self.refresh_aside(store);
        let prefs = match store.get(PREFS_KEY) {
            Ok(Some(text)) => {
                self.prefs_chars = PREFS_KEY.len() + text.len();
                let read = serde_json::from_str(&text).ok();
                self.prefs.clone_from(&read);
                read.unwrap_or_else(|| {
                    problems.push(LoadProblem::PrefsReset);
                    Prefs::default()
                })
            }
            // Nothing saved: the defaults are what this tab "read", so leaving writes nothing.
            _ => {
                self.prefs = Some(Prefs::default());
                Prefs::default()
            }
        };
        for (count, problem) in [
            (aside + migration_aside, LoadProblem::KeptAside as fn(usize) -> LoadProblem),
            (left + migration_left, LoadProblem::LeftInPlace),
            (newer, LoadProblem::Newer),
        ] {
            if count > 0 {
                problems.push(problem(count));
            }
        }
        let mut portfolios = Vec::with_capacity(entries.len());
        let mut last_good = Vec::new();
        for (_, portfolio, good) in entries {
            portfolios.extend([portfolio]);
            last_good.extend(good);
        }
        if portfolios.is_empty() {
            let portfolio = fresh();
            // Known but never stored: a first visit that changes nothing writes nothing.
            self.remember(&portfolio, None, None, now_ms);
            portfolios.push(portfolio);
        }
        let current = open.and_then(|id| portfolios.iter().position(|p| &p.id == id));
        let current = current.unwrap_or(portfolios.len() - 1);
        (Saved { portfolios, current, prefs, last_good }, problems)
    }

    /// Splits the single document of earlier versions into entries. A portfolio that is
    /// damaged, or that an entry already holds with other content (a tab of an earlier
    /// version went on saving after the split), is kept aside, never dropped. The document is
    /// removed only once everything in it is written or kept aside; until then (storage full)
    /// it stays, and the portfolios not written open unsaved.
    fn migrate_legacy(
        &mut self,
        store: &dyn Store,
        legacy: legacy::Legacy,
        now_ms: f64,
    ) -> Migrated {
        let mut migrated = Migrated::default();
        let mut set_aside = Vec::new();
        for (i, text) in legacy.portfolios.iter().enumerate() {
            let Ok(portfolio) = parse_saved_portfolio(text) else {
                set_aside.push(text);
                continue;
            };
            let key = portfolio_key(&portfolio.id);
            let json = to_json(&portfolio);
            match store.get(&key) {
                Ok(Some(entry)) => {
                    let same = decode(&entry).is_ok_and(|d| to_json(&d.portfolio) == json);
                    if !same {
                        set_aside.push(text);
                    }
                    continue;
                }
                Ok(None) => {}
                Err(_) => return migrated,
            }
            // The old order, kept by creation times a microsecond apart.
            let created_ms = now_ms + i as f64 * 1e-3;
            let header = Header { v: VERSION, rev: self.next_rev(), created_ms };
            if store.set(&key, &encode(&header, &json, None)).is_err() {
                migrated.unwritten.push((created_ms, portfolio));
            }
        }
        if !migrated.unwritten.is_empty() {
            migrated.left_in_place = true;
            return migrated;
        }
        for text in set_aside {
            if keep_aside(store, LEGACY_KEY, text, now_ms).is_err() {
                migrated.left_in_place = true;
                return migrated;
            }
            migrated.aside += 1;
        }
        if let Ok(prefs) = serde_json::to_string(&legacy.prefs) {
            if matches!(store.get(PREFS_KEY), Ok(None)) {
                let _ = store.set(PREFS_KEY, &prefs);
            }
        }
        let _ = store.remove(LEGACY_KEY);
        migrated
    }

    fn remember(
        &mut self,
        portfolio: &Portfolio,
        last_good: Option<&Portfolio>,
        rev: Option<String>,
        created_ms: f64,
    ) {
        let json = to_json(portfolio);
        let good = last_good.map(to_json);
        let chars =
            portfolio_key(&portfolio.id).len() + json.len() + good.as_ref().map_or(0, String::len);
        let known = Known { rev, content: json, created_ms, chars };
        self.forget(&portfolio.id);
        self.known.push((portfolio.id.clone(), known));
    }

    fn known(&self, id: &PortfolioId) -> Option<&Known> {
        self.known.iter().find(|(k, _)| k == id).map(|(_, known)| known)
    }

    fn forget(&mut self, id: &PortfolioId) -> Option<Known> {
        let at = self.known.iter().position(|(k, _)| k == id)?;
        Some(self.known.remove(at).1)
    }

    /// Whether this tab changed the portfolio since it last read or wrote it.
    pub fn is_changed(&self, entry: Entry<'_>) -> bool {
        let json = to_json(entry.portfolio);
        self.known(&entry.portfolio.id).is_none_or(|k| k.content != json)
    }

    /// Writes the portfolios this tab changed, each only over the revision it last read, and
    /// deletes those it removed (unless another tab changed them since). `entries` is the
    /// tab's whole library.
    pub fn save(&mut self, store: &dyn Store, entries: &[Entry<'_>], now_ms: f64) -> SaveReport {
        let mut report = SaveReport::default();
        for entry in entries {
            let id = &entry.portfolio.id;
            let json = to_json(entry.portfolio);
            let good = entry.last_good.map(to_json);
            let known = self.known(id).cloned();
            let skipped = self.skipped.iter().position(|s| s == id).map(|i| self.skipped.remove(i));
            if known.as_ref().is_some_and(|k| k.content == json) {
                if skipped.is_some() {
                    let stored = store.get(&portfolio_key(id)).ok().flatten();
                    let rev = stored.and_then(|t| header_of(&t).ok()).map(|h| h.rev);
                    if rev != known.and_then(|k| k.rev) {
                        report.outdated.push(id.clone());
                    }
                }
                continue;
            }
            let key = portfolio_key(id);
            let stored = match store.get(&key) {
                Ok(stored) => stored,
                Err(why) => {
                    report.failed = Some(why);
                    return report;
                }
            };
            let stored_rev = stored.as_deref().map(|t| header_of(t).map(|h| h.rev));
            let expected = known.as_ref().and_then(|k| k.rev.clone());
            let created_ms = known.as_ref().map_or(now_ms, |k| k.created_ms);
            match (stored_rev, expected) {
                // Nobody else wrote it since this tab did (or it is new everywhere).
                (None, None) => {}
                (Some(Ok(rev)), Some(expected)) if rev == expected => {}
                // Deleted in another tab while changed in this one: nothing typed is lost.
                (None, Some(_)) => report.restored.push(id.clone()),
                // Another tab wrote the same content: take its revision.
                (Some(Ok(rev)), _)
                    if stored
                        .as_deref()
                        .and_then(|t| decode(t).ok())
                        .is_some_and(|d| to_json(&d.portfolio) == json) =>
                {
                    self.remember(entry.portfolio, entry.last_good, Some(rev), created_ms);
                    continue;
                }
                _ => {
                    report.conflicts.push(id.clone());
                    continue;
                }
            }
            let header = Header { v: VERSION, rev: self.next_rev(), created_ms };
            if let Err(why) = store.set(&key, &encode(&header, &json, good.as_deref())) {
                report.failed = Some(why);
                return report;
            }
            self.remember(entry.portfolio, entry.last_good, Some(header.rev), created_ms);
        }
        let removed: Vec<PortfolioId> = self
            .known
            .iter()
            .map(|(id, _)| id)
            .filter(|id| !entries.iter().any(|e| &e.portfolio.id == *id))
            .cloned()
            .collect();
        for id in removed {
            let Some(known) = self.forget(&id) else { continue };
            let key = portfolio_key(&id);
            let stored_rev = store.get(&key).ok().flatten().and_then(|t| header_of(&t).ok());
            // Only the version this tab knew: a later one from another tab stays.
            match stored_rev {
                Some(h) if Some(&h.rev) == known.rev.as_ref() => {
                    if let Err(why) = store.remove(&key) {
                        report.failed = Some(why);
                    }
                }
                Some(_) => report.kept.push(id),
                None => {}
            }
        }
        report
    }

    /// Writes the preferences if they changed (the last tab to change them wins: they are
    /// not work).
    pub fn save_prefs(&mut self, store: &dyn Store, prefs: &Prefs) -> Result<(), String> {
        if self.prefs.as_ref() == Some(prefs) {
            return Ok(());
        }
        let text = serde_json::to_string(prefs).map_err(|e| e.to_string())?;
        store.set(PREFS_KEY, &text)?;
        self.prefs_chars = PREFS_KEY.len() + text.len();
        self.prefs = Some(prefs.clone());
        Ok(())
    }

    /// Reads a change another tab made to `key`, as the store holds it now: a `storage` event
    /// can arrive after later changes, so its own value may be stale. A portfolio this tab has
    /// not changed is taken as it now is; one it has changed keeps this tab's version, and the
    /// next save reports the conflict.
    pub fn on_remote(&mut self, store: &dyn Store, key: &str, changed_here: bool) -> Remote {
        let value = store.get(key).ok().flatten();
        if key.starts_with(ASIDE_PREFIX) {
            return Remote::Aside;
        }
        if key == PREFS_KEY {
            let prefs: Option<Prefs> = value.and_then(|v| serde_json::from_str(&v).ok());
            if prefs.is_none() || prefs == self.prefs {
                return Remote::Other;
            }
            self.prefs.clone_from(&prefs);
            return prefs.map_or(Remote::Other, Remote::Prefs);
        }
        let Some(id) = key.strip_prefix(PORTFOLIO_PREFIX).and_then(|id| id.parse().ok()) else {
            return Remote::Other;
        };
        if changed_here {
            if !self.skipped.contains(&id) {
                self.skipped.push(id);
            }
            return Remote::Other;
        }
        match value.as_deref().map(decode) {
            None => match self.forget(&id) {
                Some(_) => Remote::Deleted(id),
                None => Remote::Other,
            },
            Some(Ok(d)) if d.portfolio.id == id => {
                let known = self.known(&id).and_then(|k| k.rev.as_ref());
                if known == Some(&d.header.rev) {
                    return Remote::Other;
                }
                let (rev, created_ms) = (d.header.rev, d.header.created_ms);
                self.remember(&d.portfolio, d.last_good.as_ref(), Some(rev), created_ms);
                Remote::Portfolio(Box::new((d.portfolio, d.last_good)))
            }
            Some(_) => Remote::Other,
        }
    }

    /// The version of a portfolio now in the store (after a conflict), with its last valid
    /// version; this tab now knows that revision.
    pub fn reread(
        &mut self,
        store: &dyn Store,
        id: &PortfolioId,
    ) -> Option<(Portfolio, Option<Portfolio>)> {
        let text = store.get(&portfolio_key(id)).ok().flatten()?;
        let d = decode(&text).ok()?;
        self.remember(&d.portfolio, d.last_good.as_ref(), Some(d.header.rev), d.header.created_ms);
        Some((d.portfolio, d.last_good))
    }

    /// Every kept-aside copy, oldest first.
    pub fn read_aside(&self, store: &dyn Store) -> Vec<Aside> {
        let mut all: Vec<Aside> = store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(ASIDE_PREFIX))
            .filter_map(|key| {
                let text = store.get(&key).ok().flatten()?;
                // `<at_ms> <from>` on the first line, then the data as it was found.
                let (header, data) = text.split_once('\n').unwrap_or(("", &text));
                let (at_ms, from) = header.split_once(' ').unwrap_or(("0", ""));
                let at_ms = at_ms.parse().unwrap_or(0.0);
                Some(Aside { key, from: from.to_owned(), at_ms, text: data.to_owned() })
            })
            .collect();
        engine::order::sort_by(&mut all, |a, b| {
            a.at_ms.total_cmp(&b.at_ms).then_with(|| a.key.cmp(&b.key))
        });
        all
    }

    /// Deletes a kept-aside copy.
    pub fn forget_aside(&mut self, store: &dyn Store, key: &str) -> Result<(), String> {
        if !key.starts_with(ASIDE_PREFIX) {
            return Ok(());
        }
        store.remove(key)?;
        self.refresh_aside(store);
        Ok(())
    }
}

/// The portfolios that can still be read in a kept-aside copy: a portfolio's entry, the
/// single document of earlier versions, or a portfolio file.
pub fn portfolios_in(text: &str) -> Vec<Portfolio> {
    if let Ok(d) = decode(text) {
        return vec![d.portfolio];
    }
    // An entry whose header is damaged still has its portfolio on the second line.
    if let Some(Ok(p)) = text.split('\n').nth(1).map(parse_saved_portfolio) {
        return vec![p];
    }
    if let Ok(legacy) = legacy::read(text) {
        return legacy.portfolios.iter().filter_map(|p| parse_saved_portfolio(p).ok()).collect();
    }
    parse_saved_portfolio(text).into_iter().collect()
}

/// Copies unreadable data aside under a key of its own (never over an earlier copy).
fn keep_aside(store: &dyn Store, from: &str, text: &str, now_ms: f64) -> Result<(), String> {
    let keys = store.keys()?;
    let stamp = now_ms as u64;
    let key = (0..)
        .map(|n| format!("{ASIDE_PREFIX}{stamp}-{n}"))
        .find(|k| !keys.contains(k))
        .unwrap_or_default();
    store.set(&key, &format!("{now_ms} {from}\n{text}"))
}

/// The single document versions before per-portfolio entries saved.
mod legacy {
    use super::Prefs;
    use serde::Deserialize;

    pub(super) struct Legacy {
        pub(super) portfolios: Vec<String>,
        pub(super) prefs: Prefs,
    }

    pub(super) enum Error {
        Newer,
        Damaged,
    }

    pub(super) fn read(text: &str) -> Result<Legacy, Error> {
        #[derive(Deserialize)]
        struct Document {
            #[serde(default)]
            version: u64,
            portfolios: Vec<String>,
        }
        // Read apart: preferences that no longer read (an unknown theme) do not take the
        // portfolios with them.
        #[derive(Deserialize)]
        struct WithPrefs {
            #[serde(default)]
            prefs: Prefs,
        }
        let document: Document = serde_json::from_str(text).map_err(|_| Error::Damaged)?;
        if document.version > 1 {
            return Err(Error::Newer);
        }
        let prefs = serde_json::from_str::<WithPrefs>(text).map(|l| l.prefs).unwrap_or_default();
        Ok(Legacy { portfolios: document.portfolios, prefs })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::rc::Rc;

    /// A change: which tab made it, the key, the new value (`None`: removed).
    type Event = (usize, String, Option<String>);

    /// Local storage as every tab of an origin shares it, with an optional quota in characters.
    #[derive(Clone, Default)]
    struct Shared {
        map: Rc<RefCell<BTreeMap<String, String>>>,
        quota: Option<usize>,
        /// Every change, as the other tabs' `storage` events report it: which tab wrote it.
        events: Rc<RefCell<Vec<Event>>>,
        writer: Rc<std::cell::Cell<usize>>,
    }

    impl Store for Shared {
        fn get(&self, key: &str) -> Result<Option<String>, String> {
            Ok(self.map.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            let mut map = self.map.borrow_mut();
            let others: usize =
                map.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if self.quota.is_some_and(|q| others + key.len() + value.len() > q) {
                return Err("QuotaExceededError".into());
            }
            map.insert(key.to_owned(), value.to_owned());
            self.events.borrow_mut().push((
                self.writer.get(),
                key.to_owned(),
                Some(value.to_owned()),
            ));
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), String> {
            if self.map.borrow_mut().remove(key).is_some() {
                self.events.borrow_mut().push((self.writer.get(), key.to_owned(), None));
            }
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, String> {
            Ok(self.map.borrow().keys().cloned().collect())
        }
    }

    fn named(name: &str, id_bits: u64) -> Portfolio {
        Portfolio {
            id: PortfolioId::from_random(id_bits),
            name: name.into(),
            ..Portfolio::default()
        }
    }

    fn fresh() -> Portfolio {
        named("Fresh", 99)
    }

    fn entries(portfolios: &[Portfolio]) -> Vec<Entry<'_>> {
        portfolios.iter().map(|p| Entry { portfolio: p, last_good: None }).collect()
    }

    /// A tab: its view of the store and its library.
    struct Tab {
        sync: Sync,
        library: Vec<Portfolio>,
    }

    impl Tab {
        fn open(store: &Shared, n: u64) -> Tab {
            let mut sync = Sync::new(n);
            let (saved, problems) = sync.load(store, n as f64, None, fresh);
            assert_eq!(problems, [], "tab {n}");
            Tab { sync, library: saved.portfolios }
        }
        fn save(&mut self, store: &Shared) -> SaveReport {
            self.sync.save(store, &entries(&self.library), 1e6)
        }
        fn names(&self) -> Vec<&str> {
            self.library.iter().map(|p| p.name.as_str()).collect()
        }
    }

    #[test]
    fn a_first_visit_that_changes_nothing_writes_nothing() {
        let store = Shared::default();
        let mut tab = Tab::open(&store, 1);
        assert_eq!(tab.names(), ["Fresh"]);
        assert_eq!(tab.save(&store), SaveReport::default());
        assert!(store.map.borrow().is_empty());
        tab.library[0].name = "Mine".into();
        tab.save(&store);
        assert_eq!(Tab::open(&store, 2).names(), ["Mine"]);
    }

    /// The bug this pins: every tab saved its whole library, so closing an idle tab after
    /// another had made a portfolio wrote the idle tab's stale copy over it.
    #[test]
    fn an_idle_tab_never_overwrites_another_tabs_work() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "Shared".into();
        one.save(&store);
        let mut two = Tab::open(&store, 2);
        one.library.push(named("Made in tab one", 5));
        one.library[0].name = "Renamed in tab one".into();
        one.save(&store);
        // Tab two closes: its save on leaving writes nothing it did not change.
        assert_eq!(two.save(&store), SaveReport::default());
        assert_eq!(Tab::open(&store, 3).names(), ["Renamed in tab one", "Made in tab one"]);
    }

    #[test]
    fn two_tabs_changing_one_portfolio_keep_both_versions() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "Base".into();
        one.save(&store);
        let mut two = Tab::open(&store, 2);
        one.library[0].name = "One's".into();
        two.library[0].name = "Two's".into();
        assert_eq!(one.save(&store), SaveReport::default());
        let report = two.save(&store);
        assert_eq!(report.conflicts, [two.library[0].id.clone()], "not written over one's");
        // What the app does with a conflict: this tab's version becomes a copy of its own, the
        // stored one comes back under the original id.
        let (theirs, _) = two.sync.reread(&store, &two.library[0].id).expect("stored");
        let mut mine = std::mem::replace(&mut two.library[0], theirs);
        mine.id = PortfolioId::from_random(77);
        two.library.push(mine);
        assert_eq!(two.save(&store), SaveReport::default());
        assert_eq!(Tab::open(&store, 3).names(), ["One's", "Two's"]);
    }

    #[test]
    fn the_same_change_in_two_tabs_is_no_conflict() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "Base".into();
        one.save(&store);
        let mut two = Tab::open(&store, 2);
        one.library[0].name = "Same".into();
        two.library[0].name = "Same".into();
        one.save(&store);
        assert_eq!(two.save(&store), SaveReport::default());
    }

    #[test]
    fn a_deletion_removes_only_the_version_the_tab_knew() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "Keep".into();
        one.library.push(named("Doomed", 5));
        one.save(&store);
        let mut two = Tab::open(&store, 2);
        two.library[1].name = "Doomed, but edited in tab two".into();
        two.save(&store);
        one.library.pop();
        one.save(&store);
        assert_eq!(
            Tab::open(&store, 3).names(),
            ["Keep", "Doomed, but edited in tab two"],
            "tab one deleted a version that no longer existed"
        );
        // A deletion of what it knew goes through; an edit in a tab that did not see it
        // brings the portfolio back rather than losing the edit.
        let mut four = Tab::open(&store, 4);
        let mut five = Tab::open(&store, 5);
        four.library.pop();
        four.save(&store);
        assert_eq!(Tab::open(&store, 6).names(), ["Keep"]);
        five.library[1].name = "Edited after the deletion".into();
        let report = five.save(&store);
        assert_eq!(report.restored.len(), 1);
        assert_eq!(Tab::open(&store, 7).names(), ["Keep", "Edited after the deletion"]);
    }

    /// Any order of edits, deletions, saves, reloads and the other tabs' storage events (each
    /// delivered late, at a random step) in three tabs: nothing a tab changed is lost, and once
    /// every event is delivered and every tab has saved, all tabs show what the store holds.
    #[test]
    fn no_interleaving_of_three_tabs_loses_an_edit() {
        for seed in 1..=20_u64 {
            interleave(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        }
    }

    fn interleave(mut seed: u64) {
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let store = Shared::default();
        let mut tabs: Vec<Tab> = (0..3).map(|n| Tab::open(&store, n)).collect();
        let mut seen = [0_usize; 3];
        let mut copies = 10_000;
        let save = |tab: &mut Tab, t: usize, copies: &mut u64| {
            store.writer.set(t);
            let report = tab.save(&store);
            for id in &report.conflicts {
                let i = tab.library.iter().position(|p| &p.id == id).expect("its own");
                let mut mine = tab.library[i].clone();
                match tab.sync.reread(&store, id) {
                    Some((theirs, _)) => tab.library[i] = theirs,
                    None => drop(tab.library.remove(i)),
                }
                *copies += 1;
                mine.id = PortfolioId::from_random(*copies);
                mine.name = format!("{} (this tab)", mine.name);
                tab.library.push(mine);
            }
            for id in &report.kept {
                let (theirs, _) = tab.sync.reread(&store, id).expect("kept");
                tab.library.push(theirs);
            }
            if !report.conflicts.is_empty() {
                assert_eq!(tab.save(&store).conflicts, [], "the copies are new");
            }
        };
        let deliver = |tab: &mut Tab, t: usize, seen: &mut usize| {
            let events = store.events.borrow();
            let Some((writer, key, _)) = events.get(*seen).cloned() else { return false };
            drop(events);
            *seen += 1;
            if writer != t {
                tab.deliver(&store, &key);
            }
            true
        };
        for step in 0..300_u64 {
            let t = next(3) as usize;
            let op = next(7);
            match op {
                0 | 1 => {
                    let tab = &mut tabs[t];
                    let i = next(tab.library.len() as u64) as usize;
                    tab.library[i].name = format!("edit {step}");
                }
                2 => save(&mut tabs[t], t, &mut copies),
                3 => tabs[t].library.push(named(&format!("new {step}"), 2000 + step)),
                4 if tabs[t].library.len() > 1 => {
                    let i = next(tabs[t].library.len() as u64) as usize;
                    tabs[t].library.remove(i);
                }
                5 => {
                    deliver(&mut tabs[t], t, &mut seen[t]);
                }
                // A reload: save on leaving, then read afresh (the events so far are read).
                _ => {
                    save(&mut tabs[t], t, &mut copies);
                    let events = store.events.borrow().len();
                    tabs[t] = Tab::open(&store, 100 + step);
                    seen[t] = events;
                }
            }
        }
        // What each tab changed and has not saved yet must reach the store.
        let unsaved: Vec<String> = tabs
            .iter()
            .flat_map(|tab| {
                tab.library
                    .iter()
                    .filter(|p| tab.sync.is_changed(Entry { portfolio: p, last_good: None }))
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
            })
            .collect();
        // Quiescence: every event delivered, every tab saved, until nothing moves.
        for _ in 0..20 {
            for (t, tab) in tabs.iter_mut().enumerate() {
                while deliver(tab, t, &mut seen[t]) {}
                save(tab, t, &mut copies);
            }
        }
        let stored = Tab::open(&store, 999);
        let names = |tab: &Tab| {
            let mut all: Vec<(PortfolioId, String)> =
                tab.library.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
            all.sort();
            all
        };
        for tab in &tabs {
            assert_eq!(names(tab), names(&stored), "every tab shows what is stored");
        }
        let stored_names: Vec<&str> = stored.names();
        for name in &unsaved {
            let kept = stored_names.iter().any(|n| n.starts_with(name.as_str()));
            assert!(kept, "“{name}” was changed in a tab and lost");
        }
    }

    impl Tab {
        /// What the app does with another tab's storage event.
        fn deliver(&mut self, store: &Shared, key: &str) {
            let id: Option<PortfolioId> =
                key.strip_prefix(PORTFOLIO_PREFIX).and_then(|id| id.parse().ok());
            let changed = id
                .and_then(|id| self.library.iter().find(|p| p.id == id))
                .is_some_and(|p| self.sync.is_changed(Entry { portfolio: p, last_good: None }));
            match self.sync.on_remote(store, key, changed) {
                Remote::Portfolio(remote) => {
                    let p = remote.0;
                    match self.library.iter_mut().find(|mine| mine.id == p.id) {
                        Some(mine) => *mine = p,
                        None => self.library.push(p),
                    }
                }
                Remote::Deleted(id) => self.library.retain(|p| p.id != id),
                _ => {}
            }
        }
    }

    #[test]
    fn one_damaged_portfolio_is_kept_aside_alone_under_a_unique_key() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "Good".into();
        one.save(&store);
        let bad_key = portfolio_key(&PortfolioId::from_random(3));
        store.set(&bad_key, "2 x 0\n{not json").expect("room");
        let mut sync = Sync::new(2);
        let (saved, problems) = sync.load(&store, 10.0, None, fresh);
        assert_eq!(problems, [LoadProblem::KeptAside(1)]);
        assert_eq!(saved.portfolios.len(), 1);
        assert_eq!(saved.portfolios[0].name, "Good");
        // A second damaged entry at the same instant does not overwrite the first copy.
        store.set(&bad_key, "garbage").expect("room");
        let (_, problems) = Sync::new(3).load(&store, 10.0, None, fresh);
        assert_eq!(problems, [LoadProblem::KeptAside(1)]);
        let aside = sync.read_aside(&store);
        assert_eq!(aside.len(), 2);
        assert_eq!(aside[0].from, bad_key);
        assert!(aside[0].text.ends_with("{not json"));
        assert_eq!(aside[1].text, "garbage");
        sync.forget_aside(&store, &aside[0].key).expect("removed");
        assert_eq!(sync.read_aside(&store).len(), 1);
    }

    #[test]
    fn damaged_data_that_cannot_be_copied_aside_is_left_untouched_and_said_so() {
        let store = Shared { quota: Some(300), ..Shared::default() };
        let bad_key = portfolio_key(&PortfolioId::from_random(3));
        let garbage = "x".repeat(200);
        store.set(&bad_key, &garbage).expect("room");
        let (_, problems) = Sync::new(1).load(&store, 10.0, None, fresh);
        assert_eq!(problems, [LoadProblem::LeftInPlace(1)]);
        assert_eq!(store.get(&bad_key), Ok(Some(garbage)));
    }

    #[test]
    fn a_newer_versions_portfolio_is_left_alone_and_the_rest_still_saves() {
        let store = Shared::default();
        let newer_key = portfolio_key(&PortfolioId::from_random(3));
        let newer = "9 something else\nfuture";
        store.set(&newer_key, newer).expect("room");
        let mut tab = Tab::open_with_problems(&store, 1, &[LoadProblem::Newer(1)]);
        tab.library[0].name = "Mine".into();
        assert_eq!(tab.save(&store), SaveReport::default());
        assert_eq!(store.get(&newer_key), Ok(Some(newer.to_owned())));
        assert_eq!(Tab::open_with_problems(&store, 2, &[LoadProblem::Newer(1)]).names(), ["Mine"]);
    }

    #[test]
    fn a_later_app_versions_portfolio_is_left_to_it() {
        let store = Shared::default();
        let later = portfolio_key(&PortfolioId::from_random(3));
        let text = format!("2 x.1 0 99.0.0\n{}", to_json(&named("Later", 3)));
        store.set(&later, &text).expect("room");
        let same = portfolio_key(&PortfolioId::from_random(4));
        store
            .set(&same, &format!("2 y.1 1 {APP_VERSION}\n{}", to_json(&named("Same", 4))))
            .expect("room");
        let tab = Tab::open_with_problems(&store, 1, &[LoadProblem::Newer(1)]);
        assert_eq!(tab.names(), ["Same"]);
        assert_eq!(store.get(&later), Ok(Some(text)), "untouched, not kept aside");
        assert!(is_later("0.10.0", "0.9.0"), "numbers, not text");
        assert!(!is_later(APP_VERSION, APP_VERSION));
    }

    impl Tab {
        fn open_with_problems(store: &Shared, n: u64, expected: &[LoadProblem]) -> Tab {
            let mut sync = Sync::new(n);
            let (saved, problems) = sync.load(store, n as f64, None, fresh);
            assert_eq!(problems, expected);
            Tab { sync, library: saved.portfolios }
        }
    }

    #[test]
    fn unreadable_preferences_reset_alone() {
        let store = Shared::default();
        let mut tab = Tab::open(&store, 1);
        tab.library[0].name = "Kept".into();
        tab.save(&store);
        store.set(PREFS_KEY, "{\"theme\":\"neon\"}").expect("room");
        let mut sync = Sync::new(2);
        let (saved, problems) = sync.load(&store, 1.0, None, fresh);
        assert_eq!(problems, [LoadProblem::PrefsReset]);
        assert_eq!(saved.portfolios[0].name, "Kept");
    }

    #[test]
    fn a_full_store_is_reported_with_what_is_used() {
        let store = Shared { quota: Some(2_000), ..Shared::default() };
        let mut tab = Tab::open(&store, 1);
        tab.library[0].name = "x".repeat(3_000);
        let report = tab.save(&store);
        assert_eq!(report.failed.as_deref(), Some("QuotaExceededError"));
        tab.library[0].name = "Small".into();
        assert_eq!(tab.save(&store), SaveReport::default());
        assert!(tab.sync.used_chars() > 100 && tab.sync.used_chars() < 2_000);
        assert!(!nearly_full(tab.sync.used_chars()));
        assert!(nearly_full(QUOTA_CHARS));
    }

    #[test]
    fn the_last_valid_version_is_saved_beside_an_invalid_one() {
        let store = Shared::default();
        let mut sync = Sync::new(1);
        let good = named("Good", 4);
        let mut bad = good.clone();
        bad.use_cases[0].name = String::new();
        sync.save(&store, &[Entry { portfolio: &bad, last_good: Some(&good) }], 5.0);
        let (saved, _) = Sync::new(2).load(&store, 6.0, Some(&good.id), fresh);
        assert_eq!(saved.portfolios, [bad]);
        assert_eq!(saved.last_good, [good]);
    }

    /// The bug this pins: two tabs showing one invalid portfolio, each remembering its own
    /// last valid version, wrote it back and forth forever.
    #[test]
    fn two_tabs_with_different_last_good_versions_do_not_write_back_and_forth() {
        let store = Shared::default();
        let good_one = named("Good in one", 4);
        let mut bad = good_one.clone();
        bad.use_cases[0].name = String::new();
        let good_two = Portfolio { name: "Good in two".into(), ..good_one.clone() };
        let mut one = Sync::new(1);
        one.save(&store, &[Entry { portfolio: &bad, last_good: Some(&good_one) }], 1.0);
        let mut two = Sync::new(2);
        let key = portfolio_key(&bad.id);
        assert!(matches!(two.on_remote(&store, &key, false), Remote::Portfolio(_)));
        let writes = store.events.borrow().len();
        two.save(&store, &[Entry { portfolio: &bad, last_good: Some(&good_two) }], 2.0);
        assert_eq!(store.events.borrow().len(), writes, "nothing to write back");
    }

    #[test]
    fn remote_changes_are_taken_unless_this_tab_changed_the_portfolio_too() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "A".into();
        one.save(&store);
        let mut two = Tab::open(&store, 2);
        one.library[0].name = "B".into();
        one.save(&store);
        let key = portfolio_key(&one.library[0].id);
        match two.sync.on_remote(&store, &key, false) {
            Remote::Portfolio(remote) => two.library[0] = remote.0,
            other => panic!("{other:?}"),
        }
        assert_eq!(two.names(), ["B"]);
        assert_eq!(two.save(&store), SaveReport::default(), "now known: nothing to write");
        assert_eq!(two.sync.on_remote(&store, &key, false), Remote::Other, "already taken");
        // An event that arrives after a later change reads the store as it is now.
        store.remove(&key).expect("removed");
        assert_eq!(
            two.sync.on_remote(&store, &key, false),
            Remote::Deleted(one.library[0].id.clone())
        );
        store.set(PREFS_KEY, "{\"theme\":\"dark\"}").expect("room");
        assert_eq!(
            two.sync.on_remote(&store, PREFS_KEY, false),
            Remote::Prefs(Prefs { theme: Theme::Dark, ..Prefs::default() })
        );
        assert_eq!(two.sync.on_remote(&store, "unrelated", false), Remote::Other);
        // A portfolio changed in this tab too keeps this tab's version until the next save.
        one.library[0].name = "C".into();
        one.save(&store);
        two.library[0].name = "D".into();
        assert_eq!(two.sync.on_remote(&store, &key, true), Remote::Other);
        assert_eq!(two.save(&store).conflicts.len(), 1);
        // Changed, then changed back before the save: the other tab's version is taken then.
        let (theirs, _) = two.sync.reread(&store, &one.library[0].id).expect("stored");
        two.library[0] = theirs;
        one.library[0].name = "E".into();
        one.save(&store);
        two.library[0].name = "F".into();
        assert_eq!(two.sync.on_remote(&store, &key, true), Remote::Other);
        two.library[0].name = "C".into();
        assert_eq!(two.save(&store).outdated, [one.library[0].id.clone()]);
    }

    /// Saved state as versions before per-portfolio entries wrote it: one document, every
    /// portfolio in file format 1.
    #[test]
    fn the_single_document_of_earlier_versions_is_split_into_entries() {
        let one = |name: &str| {
            format!(
                r#"{{"schema_version":1,"name":"{name}","settings":{{"levers":[{{"lever":{{"cut_pue":1.1}},"use_case":0}}]}},"use_cases":[{{"name":"A","workload":{{"task":{{"task":"nlp"}}}},"volume":{{"per_year":{{"per_year":3}}}}}}]}}"#
            )
        };
        let portfolios = serde_json::to_string(&[one("First"), one("Second"), "{broken".into()])
            .expect("strings");
        let text = format!(
            r#"{{"version":1,"current":1,"portfolios":{portfolios},"prefs":{{"theme":"dark"}}}}"#
        );
        let store = Shared::default();
        store.set(LEGACY_KEY, &text).expect("room");
        let mut sync = Sync::new(1);
        let (saved, problems) = sync.load(&store, 1.0, None, fresh);
        assert_eq!(problems, [LoadProblem::KeptAside(1)], "the broken one alone");
        assert_eq!(store.get(LEGACY_KEY), Ok(None));
        assert_eq!(saved.prefs.theme, Theme::Dark);
        let names: Vec<&str> = saved.portfolios.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["First", "Second"], "in their old order");
        for p in &saved.portfolios {
            assert_eq!(p.schema_version, engine::portfolio::SCHEMA_VERSION);
            assert_eq!(p.settings.levers[0].use_case.as_ref(), Some(&p.use_cases[0].id));
            assert!(engine::resolve(p).is_ok(), "{}", p.name);
        }
        assert_ne!(saved.portfolios[0].id, saved.portfolios[1].id, "different content, ids");
        // Read again (a second tab, a reload): the same, nothing duplicated.
        let (again, problems) = Sync::new(2).load(&store, 2.0, None, fresh);
        assert_eq!(problems, []);
        assert_eq!(again.portfolios, saved.portfolios);
    }

    /// A tab of an earlier version went on saving its single document after a newer version
    /// had split it: what it saved since is kept aside, not dropped.
    #[test]
    fn the_single_document_saved_again_after_the_split_loses_nothing() {
        let store = Shared::default();
        let mut tab = Tab::open(&store, 1);
        tab.library[0].name = "Split".into();
        tab.save(&store);
        let mut edited = tab.library[0].clone();
        edited.name = "Edited by the earlier version".into();
        let document = serde_json::json!({
            "version": 1, "current": 0, "portfolios": [to_json(&edited)], "prefs": {}
        });
        store.set(LEGACY_KEY, &document.to_string()).expect("room");
        let mut sync = Sync::new(2);
        let (saved, problems) = sync.load(&store, 5.0, None, fresh);
        assert_eq!(problems, [LoadProblem::KeptAside(1)]);
        assert_eq!(saved.portfolios[0].name, "Split");
        let aside = sync.read_aside(&store);
        assert_eq!(portfolios_in(&aside[0].text)[0].name, "Edited by the earlier version");
        assert_eq!(store.get(LEGACY_KEY), Ok(None));
    }

    #[test]
    fn the_single_document_stays_while_storage_is_too_full_to_split_it() {
        let big = Portfolio { name: "x".repeat(400), ..named("Big", 8) };
        let document = serde_json::json!({
            "version": 1, "current": 0, "portfolios": [to_json(&big)], "prefs": {}
        })
        .to_string();
        let store =
            Shared { quota: Some(document.len() + LEGACY_KEY.len() + 50), ..Shared::default() };
        store.set(LEGACY_KEY, &document).expect("room");
        let (saved, problems) = Sync::new(1).load(&store, 1.0, None, fresh);
        assert_eq!(problems, [LoadProblem::LeftInPlace(1)]);
        assert_eq!(saved.portfolios[0].name, big.name, "it opens, unsaved");
        assert_eq!(store.get(LEGACY_KEY), Ok(Some(document)), "and stays until it is written");
    }

    #[test]
    fn a_first_visit_writes_no_preferences_either() {
        let store = Shared::default();
        let mut sync = Sync::new(1);
        let (saved, _) = sync.load(&store, 1.0, None, fresh);
        sync.save_prefs(&store, &saved.prefs).expect("room");
        assert!(store.map.borrow().is_empty());
    }

    #[test]
    fn a_reload_reopens_the_portfolio_the_tab_had_open() {
        let store = Shared::default();
        let mut one = Tab::open(&store, 1);
        one.library[0].name = "A".into();
        one.library.push(named("B", 5));
        one.library.push(named("C", 6));
        one.save(&store);
        let b = one.library[1].id.clone();
        let (saved, _) = Sync::new(2).load(&store, 1.0, Some(&b), fresh);
        assert_eq!(saved.current, 1);
        let (saved, _) = Sync::new(3).load(&store, 1.0, None, fresh);
        assert_eq!(saved.current, 2, "a new tab opens the newest");
    }
}
