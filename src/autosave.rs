//! Saving in the browser, wired into the app: what a tab opens with, when it saves, what it
//! does when another tab of the same origin saves, and what it tells the user about it. The
//! rules themselves are in [`crate::storage`].

use std::time::Duration;

use engine::Portfolio;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{self, LocalStore};
use crate::i18n::{texts, Locale, LocaleCtx, Texts};
use crate::state::{PortfolioCtx, SaveStatus, Taken};
use crate::storage::{self, Aside, Entry, LoadProblem, Remote, Saved, Sync};

/// How long edits wait before being saved: one save per burst of slider moves.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Session-storage key of the portfolio this tab has open, so a reload reopens it.
const OPEN_KEY: &str = "ai-footprint.open";

/// Saving, shared by context: this tab's view of the store and the kept-aside copies.
#[derive(Clone, Copy)]
pub struct Autosave {
    sync: StoredValue<Sync>,
    aside: RwSignal<Vec<Aside>>,
}

/// What a tab opens with.
pub struct Opened {
    /// The library, the open portfolio and the preferences.
    pub saved: Saved,
    /// What went wrong reading it.
    pub problems: Vec<LoadProblem>,
    sync: Sync,
}

/// Reads everything saved; `fresh` is a first visit's portfolio.
pub fn open(fresh: impl FnOnce() -> Portfolio) -> Opened {
    let mut sync = Sync::new(browser::random_bits());
    let open = browser::session_get(OPEN_KEY).and_then(|id| id.parse().ok());
    let (saved, problems) = sync.load(&LocalStore, browser::now_ms(), open.as_ref(), fresh);
    Opened { saved, problems, sync }
}

/// The message for a problem met when reading saved data, and whether it is an error.
fn problem_text(problem: &LoadProblem, t: &Texts) -> (String, bool) {
    match problem {
        LoadProblem::Unavailable(why) => ((t.storage_unavailable)(why), true),
        LoadProblem::KeptAside(n) => ((t.kept_aside)(*n), true),
        LoadProblem::LeftInPlace(n) => ((t.left_in_place)(*n), true),
        LoadProblem::Newer(n) => ((t.stored_newer)(*n), false),
        LoadProblem::PrefsReset => (t.prefs_reset.to_owned(), false),
    }
}

impl Autosave {
    /// Starts saving `ctx` (with `opened`'s view of the store) and listening to other tabs;
    /// provides the saving state to the components below.
    pub fn start(ctx: PortfolioCtx, opened: Opened) -> Self {
        let t = texts();
        let locale = expect_context::<LocaleCtx>().0;
        let unavailable = opened.problems.iter().find_map(|p| match p {
            LoadProblem::Unavailable(why) => Some(why.clone()),
            _ => None,
        });
        let this = Self {
            aside: RwSignal::new(opened.sync.read_aside(&LocalStore)),
            sync: StoredValue::new(opened.sync),
        };
        provide_context(this);
        for problem in opened.problems.iter().filter(|p| !matches!(p, LoadProblem::Unavailable(_)))
        {
            let (text, is_error) = problem_text(problem, t());
            ctx.tell(text, is_error);
        }
        if let Some(why) = unavailable {
            ctx.set_save_status(SaveStatus::Unavailable(why.clone()));
            // Said at the first edit, when there is work to lose, with the way to keep it.
            Effect::new(move |told: Option<bool>| {
                ctx.track_saved();
                if told == Some(false) {
                    ctx.tell((t().storage_unavailable)(&why), true);
                }
                told.is_some()
            });
            return this;
        }
        ctx.set_save_status(SaveStatus::Saved { used_chars: this.used_chars() });

        // After a pause in editing, and at once when the page is hidden or left (a reload or
        // a closed tab within the pause keeps the last edit; a hidden tab on a phone may never
        // come back).
        let save = move || this.save(ctx);
        let _ = window_event_listener_untyped("pagehide", move |_| save());
        let _ = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
            if hidden {
                save();
            }
        });
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |first: Option<()>| {
            ctx.track_saved();
            if first.is_none() {
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            if !ctx.save_status_untracked().is_unsaved() {
                ctx.set_save_status(SaveStatus::Pending);
            }
            let handle = set_timeout_with_handle(save, SAVE_DELAY);
            pending.set_value(handle.ok());
        });
        // Another tab saved: take what this tab has not changed itself.
        let _ = window_event_listener_untyped("storage", move |ev| {
            let key = ev.dyn_ref::<web_sys::StorageEvent>().and_then(web_sys::StorageEvent::key);
            if let Some(key) = key {
                this.on_remote(ctx, locale, &key);
            }
        });
        this
    }

    /// The state provided by [`Autosave::start`].
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    fn used_chars(&self) -> usize {
        self.sync.with_value(Sync::used_chars)
    }

    /// Writes what this tab changed; keeps both versions of what another tab changed too.
    // Called from three listeners: one copy, not one inlined into each.
    #[inline(never)]
    pub fn save(&self, ctx: PortfolioCtx) {
        let t = texts();
        let saved = ctx.snapshot();
        if let Some(open) = saved.portfolios.get(saved.current) {
            browser::session_set(OPEN_KEY, open.id.as_str());
        }
        let entries = entries_of(&saved);
        let now = browser::now_ms();
        let Some(report) = self.sync.try_update_value(|s| s.save(&LocalStore, &entries, now))
        else {
            return;
        };
        let mut failed = report.failed;
        for id in &report.outdated {
            if let Some((portfolio, last_good)) =
                self.sync.try_update_value(|s| s.reread(&LocalStore, id)).flatten()
            {
                let name = portfolio.name.clone();
                if ctx.take_remote(portfolio, last_good) == (Taken::Replaced { open: true }) {
                    ctx.tell((t().updated_elsewhere)(&name), false);
                }
            }
        }
        for id in &report.kept {
            // Deleted here, changed in another tab meanwhile: that change is not thrown away.
            if let Some((portfolio, last_good)) =
                self.sync.try_update_value(|s| s.reread(&LocalStore, id)).flatten()
            {
                let name = portfolio.name.clone();
                ctx.take_remote(portfolio, last_good);
                ctx.tell((t().kept_changed_elsewhere)(&name), false);
            }
        }
        for id in &report.restored {
            if let Some(p) = saved.portfolios.iter().find(|p| &p.id == id) {
                ctx.tell((t().restored_deleted)(&p.name), false);
            }
        }
        if !report.conflicts.is_empty() {
            for id in &report.conflicts {
                let Some(name) = saved.portfolios.iter().find(|p| &p.id == id).map(|p| &p.name)
                else {
                    continue;
                };
                let theirs = self.sync.try_update_value(|s| s.reread(&LocalStore, id)).flatten();
                let theirs_name = theirs.as_ref().map(|(p, _)| p.name.clone());
                if let Some(mine) = ctx.keep_both(id, theirs, t().conflict_copy_name) {
                    let theirs = theirs_name.unwrap_or_else(|| name.clone());
                    ctx.tell((t().conflict_kept)(&theirs, &mine), true);
                }
            }
            // This tab's versions, now under ids of their own.
            let saved = ctx.snapshot();
            let entries = entries_of(&saved);
            let again = self.sync.try_update_value(|s| s.save(&LocalStore, &entries, now));
            failed = failed.or(again.and_then(|r| r.failed));
        }
        if failed.is_none() {
            if let Some(Err(why)) =
                self.sync.try_update_value(|s| s.save_prefs(&LocalStore, &saved.prefs))
            {
                failed = Some(why);
            }
        }
        let used_chars = self.used_chars();
        let status = match failed {
            Some(why) => SaveStatus::Failed { why, used_chars },
            None => SaveStatus::Saved { used_chars },
        };
        let newly_failed = status.is_unsaved() && !ctx.save_status_untracked().is_unsaved();
        if newly_failed {
            ctx.tell((t().storage_full)(&size_text(used_chars)), true);
        }
        ctx.set_save_status(status);
    }

    fn on_remote(&self, ctx: PortfolioCtx, locale: RwSignal<Locale>, key: &str) {
        let t = texts();
        let changed_here = key
            .strip_prefix(storage::PORTFOLIO_PREFIX)
            .and_then(|id| id.parse().ok())
            .and_then(|id| ctx.entry_untracked(&id))
            .is_some_and(|(p, good)| {
                self.sync
                    .with_value(|s| s.is_changed(Entry { portfolio: &p, last_good: good.as_ref() }))
            });
        let remote = self.sync.try_update_value(|s| s.on_remote(&LocalStore, key, changed_here));
        match remote {
            Some(Remote::Portfolio(remote)) => {
                let (portfolio, last_good) = *remote;
                let name = portfolio.name.clone();
                match ctx.take_remote(portfolio, last_good) {
                    Taken::Replaced { open: true } => {
                        ctx.tell((t().updated_elsewhere)(&name), false);
                    }
                    Taken::CameBack => ctx.tell((t().kept_changed_elsewhere)(&name), false),
                    Taken::Replaced { open: false } | Taken::Added => {}
                }
            }
            Some(Remote::Deleted(id)) => {
                if let Some(name) = ctx.drop_remote(&id, t().untitled_portfolio) {
                    ctx.tell((t().deleted_elsewhere)(&name), false);
                }
            }
            Some(Remote::Prefs(prefs)) => {
                if let Some(l) = prefs.locale.as_deref().and_then(Locale::from_tag) {
                    locale.set(l);
                }
                ctx.update_prefs(|p| *p = prefs);
            }
            Some(Remote::Aside) => self.refresh_aside(),
            Some(Remote::Other) | None => {}
        }
    }

    fn refresh_aside(&self) {
        let all = self.sync.try_update_value(|s| s.refresh_aside(&LocalStore));
        self.aside.set(all.unwrap_or_default());
    }

    /// Reads the kept-aside copies, tracked.
    pub fn with_aside<R>(&self, f: impl FnOnce(&[Aside]) -> R) -> R {
        self.aside.with(|a| f(a))
    }

    /// Opens the portfolios in a kept-aside copy; the copy is deleted once they are in the
    /// library.
    pub fn restore(&self, ctx: PortfolioCtx, key: &str) {
        let t = texts();
        let Some(text) =
            self.aside.with_untracked(|a| a.iter().find(|a| a.key == key).map(|a| a.text.clone()))
        else {
            return;
        };
        let found = storage::portfolios_in(&text);
        let n = found.len();
        for portfolio in found {
            let message = (t().aside_restored)(&portfolio.name);
            ctx.arrive(portfolio, message);
        }
        if n == 0 {
            ctx.tell(t().aside_unreadable.to_owned(), true);
        } else if ctx.arrival_untracked().is_none() {
            // In the library now. While the user is asked what to do with a portfolio the
            // library already has, the copy stays: "open the one I have" would drop it.
            self.forget(key);
        }
    }

    /// Deletes a kept-aside copy.
    pub fn forget(&self, key: &str) {
        let _ = self.sync.try_update_value(|s| s.forget_aside(&LocalStore, key));
        self.refresh_aside();
    }
}

/// Each portfolio with its last valid version, if it has one.
fn entries_of(saved: &Saved) -> Vec<Entry<'_>> {
    saved
        .portfolios
        .iter()
        .map(|p| Entry { portfolio: p, last_good: saved.last_good.iter().find(|g| g.id == p.id) })
        .collect()
}

/// A size in characters as kilobytes or megabytes, for messages (one character of JSON is one
/// byte of text).
pub fn size_text(chars: usize) -> String {
    if chars < 100_000 {
        format!("{} KB", chars.div_ceil(1000))
    } else {
        format!("{:.1} MB", chars as f64 / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(2_500), "3 KB", "a small library is not “0.0 MB”");
        assert_eq!(size_text(99_999), "100 KB");
        assert_eq!(size_text(4_200_000), "4.2 MB");
    }
}
