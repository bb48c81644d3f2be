//! The app's state, shared by context: the portfolio library, the portfolio being edited and
//! what is derived from it, and the operations that change them. Every change goes through a
//! method here; components read through the accessors.

use engine::decision::levers::{self, Planned};
use engine::field::FieldPath;
use engine::limits::{Limit, MAX_LEVERS, MAX_USE_CASES};
use engine::{
    evaluate, resolve, Invalid, Portfolio, PortfolioId, PortfolioResult, Problem, Settings,
    UseCase, UseCaseId,
};
use leptos::prelude::*;
use std::sync::Arc;

use crate::storage::{Prefs, Saved};

/// What the last removal or change took away, so it can be put back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// A use case removed from the open portfolio.
    UseCase {
        /// Where it was.
        index: usize,
        /// The use case (boxed: it is by far the largest variant).
        use_case: Box<UseCase>,
        /// The planned levers that applied to it, with their places in the list.
        levers: Vec<(usize, Planned)>,
    },
    /// The open portfolio before a change to all of it (levers applied, a baseline pinned).
    Draft(Portfolio),
    /// A whole portfolio removed from the library.
    Portfolio {
        /// Where it was.
        index: usize,
        /// The portfolio.
        portfolio: Portfolio,
    },
}

/// The one step that "Undo" reverts, with what it says about it. Kept apart from the notices,
/// so that a later message does not discard it.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    /// What happened, already in the user's language ("Removed Chatbot").
    pub what: String,
    /// The portfolio it happened in: an undo of a change to one portfolio is dropped when
    /// another is opened.
    pub portfolio: PortfolioId,
    /// What "Undo" restores.
    pub undo: Undo,
}

/// A message for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The message, already in the user's language.
    pub text: String,
    /// True for a problem, false for information.
    pub is_error: bool,
    /// Text to copy by hand, shown selected in a box (a link the clipboard refused).
    pub to_copy: Option<String>,
}

/// A portfolio from a file or link that the library already has (same id), waiting for the
/// user to say what to do with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    /// The portfolio that arrived.
    pub portfolio: Portfolio,
    /// The name of the library's copy.
    pub existing_name: String,
    /// What to say when it is opened as a new portfolio.
    pub message: String,
}

/// What to do with an [`Arrival`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    /// Open the library's copy; drop the one that arrived.
    OpenExisting,
    /// Put the one that arrived in the library copy's place (undoable).
    Replace,
    /// Keep both: the one that arrived gets a new id.
    KeepBoth,
}

/// A portfolio is full: an addition would take it past this limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtLimit(pub Limit);

/// The open portfolio checked once per edit: its footprint, or every problem. Shared, so
/// that the last good result keeps it without a copy of every use case's result per edit.
pub type Checked = Result<Arc<PortfolioResult>, Invalid>;

/// The last valid version of the open portfolio and its footprint: what every figure shows
/// while the portfolio as entered is invalid.
#[derive(Debug)]
pub struct Good {
    /// The portfolio's last valid inputs.
    pub portfolio: Portfolio,
    /// Their footprint.
    pub result: Arc<PortfolioResult>,
    /// The [`PortfolioCtx`] epoch it belongs to.
    epoch: u64,
}

/// What taking another tab's version of a portfolio did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// It replaced this tab's copy (the open one, or another).
    Replaced {
        /// Whether it is the open portfolio.
        open: bool,
    },
    /// It joined the library.
    Added,
    /// This tab had deleted it (its undo is dropped): another tab's change keeps it.
    CameBack,
}

/// Whether the app's data is saved in the browser, and if not, why.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SaveStatus {
    /// Every change is saved; the app's data takes this many characters of storage.
    Saved {
        /// Characters in use (keys and values).
        used_chars: usize,
    },
    /// Changes wait for the next save (a fraction of a second after the last one).
    #[default]
    Pending,
    /// The browser's storage cannot be used at all (turned off, a sandboxed frame).
    Unavailable(String),
    /// The last save failed (storage full): changes since are not saved.
    Failed {
        /// The browser's reason.
        why: String,
        /// Characters in use when it failed.
        used_chars: usize,
    },
}

impl SaveStatus {
    /// Whether changes are at risk: saving is off or failing.
    pub fn is_unsaved(&self) -> bool {
        matches!(self, SaveStatus::Unavailable(_) | SaveStatus::Failed { .. })
    }
}

/// The app's state. `draft` holds whatever the user entered, valid or not; `result` is the
/// footprint of the last valid draft, so a typing slip never replaces a good number with a
/// wrong one.
#[derive(Clone, Copy)]
pub struct PortfolioCtx {
    draft: RwSignal<Portfolio>,
    ids: Memo<Vec<UseCaseId>>,
    names: Memo<Vec<(UseCaseId, String)>>,
    selected: RwSignal<Option<UseCaseId>>,
    library: RwSignal<Vec<Portfolio>>,
    current: RwSignal<usize>,
    prefs: RwSignal<Prefs>,
    notice: RwSignal<Option<Notice>>,
    undo: RwSignal<Option<UndoStep>>,
    arrival: RwSignal<Option<Arrival>>,
    checked: Memo<Checked>,
    errors: Memo<Option<Invalid>>,
    good: Memo<Option<Arc<Good>>>,
    result: Memo<Option<Arc<PortfolioResult>>>,
    /// The last valid version of each portfolio that was saved while invalid, by id: opening
    /// one shows its last good figures.
    last_good: StoredValue<Vec<Portfolio>>,
    save_status: RwSignal<SaveStatus>,
    /// A new version of the app is installed and waits for the user to take it.
    update_ready: RwSignal<bool>,
    /// Counts the times the open portfolio was replaced from outside its own edits (another
    /// one opened, another tab's version taken): the last good figures of before then are not
    /// this portfolio's any more.
    epoch: RwSignal<u64>,
    /// Randomness for new portfolio ids (the browser's `Math.random`, or a counter in tests).
    entropy: StoredValue<fn() -> u64>,
}

impl PortfolioCtx {
    /// Creates the state from what was saved; `entropy` gives the bits of new portfolio ids.
    pub fn new(mut saved: Saved, entropy: fn() -> u64) -> Self {
        // Ids are unique in the library: two identical version-1 portfolios were given the
        // same id (from their content) when read.
        // A handful of portfolios: comparing each with those before it is cheap.
        for i in 0..saved.portfolios.len() {
            let (before, rest) = saved.portfolios.split_at_mut(i);
            let p = &mut rest[0];
            if p.id.check().is_err() || before.iter().any(|b| b.id == p.id) {
                p.id = PortfolioId::from_random(entropy());
            }
        }
        let current = saved.current.min(saved.portfolios.len().saturating_sub(1));
        let draft = RwSignal::new(saved.portfolios.get(current).cloned().unwrap_or_default());
        // Resolved once per edit; the problems and the last good result both come from here.
        // Every edit is a change here (comparing two whole results would cost as much as the
        // comparison `result` makes anyway); `errors` and `result` then tell their readers only
        // of what changed for them.
        let checked = Memo::new_with_compare(
            move |_| draft.with(|p| resolve(p).map(|r| Arc::new(evaluate(&r)))),
            |_, _| true,
        );
        let errors = Memo::new(move |_| checked.with(|c| c.as_ref().err().cloned()));
        let last_good = StoredValue::new(saved.last_good);
        let epoch = RwSignal::new(0_u64);
        let good = Memo::new_with_compare(
            move |previous: Option<&Option<Arc<Good>>>| {
                let epoch = epoch.get();
                checked.with(|c| match c {
                    Ok(result) => Some(Arc::new(Good {
                        portfolio: draft.get(),
                        result: Arc::clone(result),
                        epoch,
                    })),
                    Err(_) => {
                        let id = draft.with(|p| p.id.clone());
                        let same = previous
                            .cloned()
                            .flatten()
                            .filter(|g| g.portfolio.id == id && g.epoch == epoch);
                        same.or_else(|| {
                            // A reload, or another portfolio opened, while invalid: its last
                            // valid version was saved beside it.
                            let saved =
                                last_good.with_value(|l| l.iter().find(|p| p.id == id).cloned())?;
                            let result = resolve(&saved).ok().map(|r| Arc::new(evaluate(&r)))?;
                            Some(Arc::new(Good { portfolio: saved, result, epoch }))
                        })
                    }
                })
            },
            |a, b| match (a, b) {
                (Some(Some(a)), Some(b)) => !b.as_ref().is_some_and(|b| Arc::ptr_eq(a, b)),
                (Some(None), None) => false,
                _ => true,
            },
        );
        let result = Memo::new(move |_| good.with(|g| g.as_ref().map(|g| Arc::clone(&g.result))));
        let ids = Memo::new(move |_| {
            draft.with(|p| p.use_cases.iter().map(|uc| uc.id.clone()).collect())
        });
        let names = Memo::new(move |_| {
            draft.with(|p| p.use_cases.iter().map(|uc| (uc.id.clone(), uc.name.clone())).collect())
        });
        let library =
            if saved.portfolios.is_empty() { vec![Portfolio::default()] } else { saved.portfolios };
        Self {
            draft,
            ids,
            names,
            selected: RwSignal::new(None),
            library: RwSignal::new(library),
            current: RwSignal::new(current),
            prefs: RwSignal::new(saved.prefs),
            notice: RwSignal::new(None),
            undo: RwSignal::new(None),
            arrival: RwSignal::new(None),
            checked,
            errors,
            good,
            result,
            last_good,
            save_status: RwSignal::new(SaveStatus::Pending),
            update_ready: RwSignal::new(false),
            epoch,
            entropy: StoredValue::new(entropy),
        }
    }

    /// Creates the state and provides it to the components below.
    pub fn provide(saved: Saved, entropy: fn() -> u64) -> Self {
        let ctx = Self::new(saved, entropy);
        provide_context(ctx);
        ctx
    }

    /// The state provided by an ancestor.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Reads the open portfolio as entered, tracked.
    pub fn with_draft<R>(&self, f: impl FnOnce(&Portfolio) -> R) -> R {
        self.draft.with(f)
    }

    /// Reads the open portfolio as entered, untracked.
    pub fn with_draft_untracked<R>(&self, f: impl FnOnce(&Portfolio) -> R) -> R {
        self.draft.with_untracked(f)
    }

    /// A copy of the open portfolio as entered, untracked.
    pub fn draft_untracked(&self) -> Portfolio {
        self.draft.get_untracked()
    }

    /// Subscribes to everything that is saved: the draft, the library, which one is open and
    /// the preferences.
    pub fn track_saved(&self) {
        self.draft.track();
        self.library.track();
        self.current.track();
        self.prefs.track();
    }

    /// The ids of the open portfolio's use cases, in order.
    pub fn ids(&self) -> Memo<Vec<UseCaseId>> {
        self.ids
    }

    /// Each use case's id and name, in order: what lists of use cases show, changed only when
    /// a use case is renamed, added, removed or moved, not on every edit.
    pub fn names(&self) -> Memo<Vec<(UseCaseId, String)>> {
        self.names
    }

    /// Reads the id of the use case whose form is open, tracked.
    pub fn with_selected<R>(&self, f: impl FnOnce(Option<&UseCaseId>) -> R) -> R {
        self.selected.with(|s| f(s.as_ref()))
    }

    /// The use case whose form is open, untracked.
    pub fn selected_untracked(&self) -> Option<UseCaseId> {
        self.selected.get_untracked()
    }

    /// Reads every portfolio, tracked; the entry at `current` is refreshed from the draft when
    /// saved or left.
    pub fn with_library<R>(&self, f: impl FnOnce(&[Portfolio]) -> R) -> R {
        self.library.with(|l| f(l))
    }

    /// Reads every portfolio, untracked.
    pub fn with_library_untracked<R>(&self, f: impl FnOnce(&[Portfolio]) -> R) -> R {
        self.library.with_untracked(|l| f(l))
    }

    /// Position of the open portfolio in the library, tracked.
    pub fn current(&self) -> usize {
        self.current.get()
    }

    /// Position of the open portfolio in the library, untracked.
    pub fn current_untracked(&self) -> usize {
        self.current.get_untracked()
    }

    /// Reads the preferences, tracked.
    pub fn with_prefs<R>(&self, f: impl FnOnce(&Prefs) -> R) -> R {
        self.prefs.with(f)
    }

    /// The message shown to the user, if any, tracked.
    pub fn notice(&self) -> Option<Notice> {
        self.notice.get()
    }

    /// What the undo step says it reverts, if there is one, tracked.
    pub fn undo_text(&self) -> Option<String> {
        self.undo.with(|u| u.as_ref().map(|u| u.what.clone()))
    }

    /// The step "Undo" reverts, if any, untracked.
    pub fn undo_step_untracked(&self) -> Option<UndoStep> {
        self.undo.get_untracked()
    }

    /// The name of the library's copy of a portfolio that arrived, while the user is asked
    /// what to do with it; tracked.
    pub fn arrival_name(&self) -> Option<String> {
        self.arrival.with(|a| a.as_ref().map(|a| a.existing_name.clone()))
    }

    /// The arrival waiting for the user's choice, if any, untracked.
    pub fn arrival_untracked(&self) -> Option<Arrival> {
        self.arrival.get_untracked()
    }

    /// Opens a portfolio from a file or a link as a new one, saying `message`; if the library
    /// already has it (same id), asks first instead of making a silent duplicate.
    pub fn arrive(&self, portfolio: Portfolio, message: String) {
        match self.library_index_of(&portfolio.id) {
            Some(index) => {
                let existing_name = self.library.with_untracked(|l| l[index].name.clone());
                self.arrival.set(Some(Arrival { portfolio, existing_name, message }));
            }
            None => {
                self.open_new(portfolio);
                self.select_first();
                self.tell(message, false);
            }
        }
    }

    /// Does what the user chose with the waiting arrival; `replaced` says what a replacement
    /// did, given the replaced portfolio's name.
    pub fn settle(&self, choice: Settle, replaced: impl FnOnce(&str) -> String) {
        let Some(Arrival { mut portfolio, existing_name, message }) = self.arrival.get_untracked()
        else {
            return;
        };
        self.arrival.set(None);
        // The library's copy may have gone meanwhile (deleted in the same tab).
        let index = self.library_index_of(&portfolio.id);
        match (choice, index) {
            (Settle::OpenExisting, Some(index)) => self.switch_to(index),
            (Settle::Replace, Some(index)) => {
                self.replace_entry(index, portfolio, replaced(&existing_name));
            }
            (Settle::KeepBoth, _) | (_, None) => {
                if index.is_some() {
                    portfolio.id = self.fresh_portfolio_id();
                    // A pinned baseline is a snapshot of the same portfolio: its id follows.
                    if let Some(baseline) = portfolio.settings.baseline.as_deref_mut() {
                        baseline.id = portfolio.id.clone();
                    }
                }
                self.open_new(portfolio);
                self.tell(message, false);
            }
        }
        self.select_first();
    }

    /// The draft's footprint, or every problem in it.
    pub fn checked(&self) -> Memo<Checked> {
        self.checked
    }

    /// Every problem in the draft (None while it is valid).
    pub fn errors(&self) -> Memo<Option<Invalid>> {
        self.errors
    }

    /// The footprint of the last valid draft (`None` only if no draft was ever valid).
    pub fn result(&self) -> Memo<Option<Arc<PortfolioResult>>> {
        self.result
    }

    /// Reads the last valid version of the open portfolio, tracked: settings shown beside the
    /// figures (the shadow prices) are read here, so they match the figures.
    pub fn with_good<R>(&self, f: impl FnOnce(Option<&Portfolio>) -> R) -> R {
        self.good.with(|g| f(g.as_ref().map(|g| &g.portfolio)))
    }

    /// Whether the app's data is saved, tracked.
    pub fn save_status(&self) -> SaveStatus {
        self.save_status.get()
    }

    /// Whether a new version of the app waits for the user to take it, tracked.
    pub fn update_ready(&self) -> bool {
        self.update_ready.get()
    }

    /// Records whether a new version of the app waits.
    pub fn set_update_ready(&self, ready: bool) {
        self.update_ready.set(ready);
    }

    /// Whether the app's data is saved, untracked.
    pub fn save_status_untracked(&self) -> SaveStatus {
        self.save_status.get_untracked()
    }

    /// A portfolio of the library as this tab would save it (the draft for the open one),
    /// with its last valid version while it is invalid; untracked.
    pub fn entry_untracked(&self, id: &PortfolioId) -> Option<(Portfolio, Option<Portfolio>)> {
        let index = self.library_index_of(id)?;
        if index == self.current.get_untracked() {
            return Some((self.draft.get_untracked(), self.draft_last_good()));
        }
        let portfolio = self.library.with_untracked(|l| l[index].clone());
        let good = self.last_good.with_value(|l| l.iter().find(|p| &p.id == id).cloned());
        Some((portfolio, good))
    }

    /// Records whether the app's data is saved.
    pub fn set_save_status(&self, status: SaveStatus) {
        self.save_status.set(status);
    }

    /// The engine's problem with one field, if any.
    pub fn problem_for(&self, field: &FieldPath) -> Option<Problem> {
        self.errors.with(|e| e.as_ref().and_then(|e| e.problem_for(field)).cloned())
    }

    /// Position of the use case with this id.
    pub fn index_of(&self, id: &UseCaseId) -> Option<usize> {
        self.ids.with(|ids| ids.iter().position(|i| i == id))
    }

    /// A new id for a portfolio.
    pub fn fresh_portfolio_id(&self) -> PortfolioId {
        PortfolioId::from_random(self.entropy.get_value()())
    }

    /// Opens (or closes, when open) the form of a use case.
    pub fn toggle_selected(&self, id: &UseCaseId) {
        self.selected.update(|s| *s = if s.as_ref() == Some(id) { None } else { Some(id.clone()) });
    }

    /// Opens the form of the first use case, if any.
    pub fn select_first(&self) {
        self.selected.set(self.ids.with_untracked(|ids| ids.first().cloned()));
    }

    /// Every edit of the open portfolio goes through here. An undo that would put back the
    /// whole portfolio as it was (levers applied, a baseline pinned, a replacement) is dropped
    /// at the first edit after it: undoing it then would silently discard that edit too.
    fn edit(&self, change: impl FnOnce(&mut Portfolio)) {
        let whole = self
            .undo
            .with_untracked(|u| u.as_ref().is_some_and(|u| matches!(u.undo, Undo::Draft(_))));
        if whole {
            self.undo.set(None);
        }
        self.draft.update(change);
    }

    /// Renames the open portfolio.
    pub fn rename(&self, name: String) {
        self.edit(|p| p.name = name);
    }

    /// Changes the open portfolio's settings.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.edit(|p| change(&mut p.settings));
    }

    /// Changes the preferences.
    pub fn update_prefs(&self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
    }

    /// Plans a lever, unless the portfolio plans as many as it may.
    pub fn add_lever(&self, lever: Planned) -> Result<(), AtLimit> {
        if self.draft.with_untracked(|p| p.settings.levers.len()) >= MAX_LEVERS {
            return Err(AtLimit(Limit::Levers));
        }
        self.update_settings(|s| s.levers.push(lever));
        Ok(())
    }

    fn check_room(&self) -> Result<(), AtLimit> {
        if self.draft.with_untracked(|p| p.use_cases.len()) >= MAX_USE_CASES {
            return Err(AtLimit(Limit::UseCases));
        }
        Ok(())
    }

    /// Changes the planned lever at `index`.
    pub fn update_lever(&self, index: usize, change: impl FnOnce(&mut Planned)) {
        self.update_settings(|s| {
            if let Some(planned) = s.levers.get_mut(index) {
                change(planned);
            }
        });
    }

    /// Forgets the planned lever at `index`.
    pub fn remove_lever(&self, index: usize) {
        self.update_settings(|s| {
            if index < s.levers.len() {
                s.levers.remove(index);
            }
        });
    }

    /// Changes one use case in place.
    pub fn update_use_case(&self, id: &UseCaseId, change: impl FnOnce(&mut UseCase)) {
        self.edit(|p| {
            if let Some(use_case) = p.use_cases.iter_mut().find(|uc| &uc.id == id) {
                change(use_case);
            }
        });
    }

    /// Appends a use case under a fresh id and opens its form, unless the portfolio is full.
    pub fn add_use_case(&self, use_case: UseCase) -> Result<(), AtLimit> {
        self.check_room()?;
        let mut id = None;
        self.edit(|p| id = Some(p.add(use_case)));
        self.selected.set(id);
        Ok(())
    }

    /// Inserts a copy of a use case right after it, named with `suffix`, and opens its form,
    /// unless the portfolio is full.
    pub fn duplicate(&self, id: &UseCaseId, suffix: &str) -> Result<(), AtLimit> {
        self.check_room()?;
        let Some((index, mut copy)) = self.draft.with_untracked(|p| {
            let index = p.index_of(id)?;
            Some((index, p.use_cases[index].clone()))
        }) else {
            return Ok(());
        };
        copy.name = format!("{} {suffix}", copy.name);
        let mut new_id = None;
        self.edit(|p| new_id = Some(p.insert(index + 1, copy)));
        self.selected.set(new_id);
        Ok(())
    }

    /// Removes a use case, offering to undo it with `message`.
    pub fn remove(&self, id: &UseCaseId, message: impl FnOnce(&str) -> String) {
        let Some((index, use_case, levers, portfolio)) = self.draft.with_untracked(|p| {
            let index = p.index_of(id)?;
            let on_it = p.settings.levers.iter().enumerate();
            let levers = on_it
                .filter(|(_, l)| l.use_case.as_ref() == Some(id))
                .map(|(i, l)| (i, l.clone()))
                .collect();
            Some((index, p.use_cases[index].clone(), levers, p.id.clone()))
        }) else {
            return;
        };
        self.edit(|p| {
            p.use_cases.remove(index);
            levers::on_remove(&mut p.settings.levers, id);
        });
        self.undo.set(Some(UndoStep {
            what: message(&use_case.name),
            portfolio,
            undo: Undo::UseCase { index, use_case: Box::new(use_case), levers },
        }));
    }

    /// Moves a use case one place up or down; the ends stay put.
    pub fn shift(&self, id: &UseCaseId, up: bool) {
        self.edit(|p| {
            let Some(index) = p.index_of(id) else { return };
            let target = if up { index.checked_sub(1) } else { Some(index + 1) };
            if let Some(target) = target.filter(|t| *t < p.use_cases.len()) {
                p.use_cases.swap(index, target);
            }
        });
    }

    /// Replaces the open portfolio with a changed copy of itself, offering to undo it with
    /// `message`.
    pub fn change_all(&self, changed: Portfolio, message: String) {
        let before = self.draft.get_untracked();
        let portfolio = before.id.clone();
        self.draft.set(changed);
        self.undo.set(Some(UndoStep { what: message, portfolio, undo: Undo::Draft(before) }));
    }

    /// Reverts the last removal or change; refused (the step kept) when putting a use case
    /// back would take the portfolio past a limit.
    pub fn undo(&self) -> Result<(), AtLimit> {
        let Some(step) = self.undo.get_untracked() else { return Ok(()) };
        if let Undo::UseCase { levers, .. } = &step.undo {
            self.check_room()?;
            let planned = self.draft.with_untracked(|p| p.settings.levers.len());
            if planned + levers.len() > MAX_LEVERS {
                return Err(AtLimit(Limit::Levers));
            }
        }
        self.undo.set(None);
        match step.undo {
            // Only into the portfolio it was taken from (a safety net: steps follow their
            // portfolio, and are dropped when another opens).
            Undo::Draft(portfolio) if self.draft.with_untracked(|p| p.id != portfolio.id) => {}
            Undo::UseCase { index, use_case, levers } => {
                self.draft.update(|p| {
                    // The id it had, unless a use case added since took it: then a new one,
                    // and its levers follow it there.
                    let index = index.min(p.use_cases.len());
                    let id = if p.use_case(&use_case.id).is_some() {
                        p.insert(index, *use_case)
                    } else {
                        let id = use_case.id.clone();
                        p.use_cases.insert(index, *use_case);
                        id
                    };
                    // Its levers back in their places; levers planned since stay.
                    for (at, mut lever) in levers {
                        lever.use_case = Some(id.clone());
                        let at = at.min(p.settings.levers.len());
                        p.settings.levers.insert(at, lever);
                    }
                });
            }
            Undo::Draft(portfolio) => self.draft.set(portfolio),
            Undo::Portfolio { index, mut portfolio } => {
                self.store_draft();
                // The same portfolio may have arrived again since (a file, a link): ids stay
                // unique in the library.
                if self.library_index_of(&portfolio.id).is_some() {
                    portfolio.id = self.fresh_portfolio_id();
                }
                let index = index.min(self.library.with_untracked(Vec::len));
                self.library.update(|l| l.insert(index, portfolio));
                self.load(index);
            }
        }
        Ok(())
    }

    /// Forgets the undo step.
    pub fn dismiss_undo(&self) {
        self.undo.set(None);
    }

    /// Writes the draft back into the library (before saving or switching).
    pub fn store_draft(&self) {
        let current = self.current.get_untracked();
        let draft = self.draft.get_untracked();
        self.library.update(|l| {
            if let Some(slot) = l.get_mut(current) {
                *slot = draft;
            }
        });
    }

    /// Opens another portfolio of the library, keeping the open one's edits.
    pub fn switch_to(&self, index: usize) {
        if index == self.current.get_untracked() {
            return;
        }
        self.store_draft();
        self.load(index);
    }

    /// Position in the library of the portfolio with this id (the open one's id is its
    /// library entry's: an edit never changes it).
    pub fn library_index_of(&self, id: &PortfolioId) -> Option<usize> {
        self.library.with_untracked(|l| l.iter().position(|p| &p.id == id))
    }

    /// Makes a library entry the draft. The caller has stored the draft it replaces (or
    /// removed its slot).
    fn load(&self, index: usize) {
        let Some(next) = self.library.with_untracked(|l| l.get(index).cloned()) else { return };
        self.remember_last_good();
        // An undo of a change inside the portfolio left behind would land in this one.
        let stale = self.undo.with_untracked(|u| {
            u.as_ref().is_some_and(|u| {
                !matches!(u.undo, Undo::Portfolio { .. }) && u.portfolio != next.id
            })
        });
        if stale {
            self.undo.set(None);
        }
        self.current.set(index);
        self.selected.set(None);
        self.epoch.update(|e| *e += 1);
        self.draft.set(next);
    }

    /// Adds a portfolio to the library and opens it.
    pub fn open_new(&self, portfolio: Portfolio) {
        self.store_draft();
        let index = self.library.with_untracked(Vec::len);
        self.library.update(|l| l.push(portfolio));
        self.load(index);
    }

    /// Puts `portfolio` in the place of the library entry at `index` and opens it, offering
    /// to undo the replacement with `message`.
    pub fn replace_entry(&self, index: usize, portfolio: Portfolio, message: String) {
        self.store_draft();
        let Some(before) = self.library.with_untracked(|l| l.get(index).cloned()) else { return };
        self.library.update(|l| l[index] = portfolio);
        self.load(index);
        self.undo.set(Some(UndoStep {
            what: message,
            portfolio: before.id.clone(),
            undo: Undo::Draft(before),
        }));
    }

    /// Removes the open portfolio from the library, offering to undo it; opens a neighbour
    /// (or a new empty portfolio when it was the last).
    pub fn delete_current(&self, message: impl FnOnce(&str) -> String, untitled: &str) {
        self.store_draft();
        let index = self.current.get_untracked();
        let Some(portfolio) = self.library.with_untracked(|l| l.get(index).cloned()) else {
            return;
        };
        self.remove_open_entry(index, untitled);
        self.undo.set(Some(UndoStep {
            what: message(&portfolio.name),
            portfolio: portfolio.id.clone(),
            undo: Undo::Portfolio { index, portfolio },
        }));
    }

    /// Everything to save: the library with the draft in its place, and the last valid
    /// version of each portfolio that is invalid.
    pub fn snapshot(&self) -> Saved {
        let mut portfolios = self.library.get_untracked();
        let current = self.current.get_untracked();
        if let Some(slot) = portfolios.get_mut(current) {
            *slot = self.draft.get_untracked();
        }
        let draft_id = self.draft.with_untracked(|p| p.id.clone());
        let mut last_good = self.last_good.get_value();
        last_good.retain(|p| p.id != draft_id);
        last_good.extend(self.draft_last_good());
        Saved { portfolios, current, prefs: self.prefs.get_untracked(), last_good }
    }

    /// The last valid version of the open portfolio while it is invalid.
    fn draft_last_good(&self) -> Option<Portfolio> {
        if self.checked.with_untracked(Result::is_ok) {
            return None;
        }
        let id = self.draft.with_untracked(|p| p.id.clone());
        self.good.with_untracked(|g| {
            g.as_ref().filter(|g| g.portfolio.id == id).map(|g| g.portfolio.clone())
        })
    }

    /// Keeps the open portfolio's last valid version (while it is invalid) for when it is
    /// opened again.
    fn remember_last_good(&self) {
        let id = self.draft.with_untracked(|p| p.id.clone());
        let good = self.draft_last_good();
        self.last_good.update_value(|l| {
            l.retain(|p| p.id != id);
            l.extend(good);
        });
    }

    /// Removes the open portfolio's library entry (at `index`) and opens a neighbour, or a new
    /// empty portfolio named `untitled` when it was the last.
    fn remove_open_entry(&self, index: usize, untitled: &str) {
        let fresh_id = self.fresh_portfolio_id();
        self.library.update(|l| {
            l.remove(index);
            if l.is_empty() {
                l.push(Portfolio {
                    id: fresh_id,
                    name: untitled.to_owned(),
                    use_cases: Vec::new(),
                    ..Portfolio::default()
                });
            }
        });
        self.load(index.min(self.library.with_untracked(Vec::len) - 1));
    }

    /// Takes a portfolio another tab saved, which this tab has not changed: it replaces this
    /// tab's copy (the open one included), or joins the library.
    pub fn take_remote(&self, portfolio: Portfolio, last_good: Option<Portfolio>) -> Taken {
        let id = portfolio.id.clone();
        self.last_good.update_value(|l| {
            l.retain(|p| p.id != id);
            l.extend(last_good);
        });
        match self.library_index_of(&id) {
            Some(index) if index == self.current.get_untracked() => {
                // An undo of the whole portfolio would put back what the other tab replaced.
                self.drop_undo_if(|u| matches!(u, Undo::Draft(_)));
                self.library.update(|l| l[index] = portfolio.clone());
                // Its last good figures are the other tab's now (saved beside it).
                self.epoch.update(|e| *e += 1);
                self.draft.set(portfolio);
                Taken::Replaced { open: true }
            }
            Some(index) => {
                self.library.update(|l| l[index] = portfolio);
                Taken::Replaced { open: false }
            }
            None => {
                // Deleted here: undoing the deletion now would make a second copy.
                let deleted_here = self.drop_undo_if(
                    |u| matches!(u, Undo::Portfolio { portfolio, .. } if portfolio.id == id),
                );
                self.library.update(|l| l.push(portfolio));
                if deleted_here {
                    Taken::CameBack
                } else {
                    Taken::Added
                }
            }
        }
    }

    /// Forgets the undo step if `stale` says so; returns whether it did.
    fn drop_undo_if(&self, stale: impl Fn(&Undo) -> bool) -> bool {
        let drop = self.undo.with_untracked(|u| u.as_ref().is_some_and(|u| stale(&u.undo)));
        if drop {
            self.undo.set(None);
        }
        drop
    }

    /// Drops a portfolio another tab deleted, which this tab has not changed; returns its
    /// name when it was the open one (another is then opened).
    pub fn drop_remote(&self, id: &PortfolioId, untitled: &str) -> Option<String> {
        let index = self.library_index_of(id)?;
        let current = self.current.get_untracked();
        let name = self.library.with_untracked(|l| l[index].name.clone());
        if index != current {
            self.library.update(|l| {
                l.remove(index);
            });
            if index < current {
                self.current.set(current - 1);
            }
            return None;
        }
        self.remove_open_entry(index, untitled);
        Some(name)
    }

    /// Keeps both versions of a portfolio that this tab and another changed at once: this
    /// tab's becomes a portfolio of its own (new id, `rename`d), and `theirs` (the stored
    /// one; `None` if the other tab deleted it) takes the original's place. Returns the new
    /// name of this tab's version.
    pub fn keep_both(
        &self,
        id: &PortfolioId,
        theirs: Option<(Portfolio, Option<Portfolio>)>,
        rename: impl FnOnce(&str) -> String,
    ) -> Option<String> {
        self.store_draft();
        let index = self.library_index_of(id)?;
        let was_open = index == self.current.get_untracked();
        let mut mine = self.library.with_untracked(|l| l[index].clone());
        mine.id = self.fresh_portfolio_id();
        if let Some(baseline) = mine.settings.baseline.as_deref_mut() {
            baseline.id = mine.id.clone();
        }
        mine.name = rename(&mine.name);
        let name = mine.name.clone();
        // The last valid version of this tab's copy goes with it.
        let mine_good = if was_open {
            self.draft_last_good()
        } else {
            self.last_good.with_value(|l| l.iter().find(|p| &p.id == id).cloned())
        };
        let mine_good = mine_good.map(|mut g| {
            g.id = mine.id.clone();
            g
        });
        let theirs_good = theirs.as_ref().and_then(|t| t.1.clone());
        let removed = theirs.is_none();
        self.last_good.update_value(|l| {
            l.retain(|p| &p.id != id);
            l.extend(mine_good.into_iter().chain(theirs_good));
        });
        self.library.update(|l| {
            match theirs {
                Some((theirs, _)) => l[index] = theirs,
                None => {
                    l.remove(index);
                }
            }
            l.push(mine.clone());
        });
        if was_open {
            // This tab goes on with its own version, now under its new id: the edit in
            // progress is not interrupted, and its undo follows it there.
            let new_id = mine.id.clone();
            self.undo.update(|u| {
                if let Some(step) = u.as_mut().filter(|s| &s.portfolio == id) {
                    step.portfolio = new_id.clone();
                    if let Undo::Draft(before) = &mut step.undo {
                        before.id = new_id.clone();
                        if let Some(baseline) = before.settings.baseline.as_deref_mut() {
                            baseline.id = new_id.clone();
                        }
                    }
                }
            });
            let at = self.library.with_untracked(Vec::len) - 1;
            self.current.set(at);
            self.epoch.update(|e| *e += 1);
            self.draft.set(mine);
        } else if removed && index < self.current.get_untracked() {
            self.current.update(|c| *c -= 1);
        }
        Some(name)
    }

    /// Shows a message.
    pub fn tell(&self, text: String, is_error: bool) {
        self.notice.set(Some(Notice { text, is_error, to_copy: None }));
    }

    /// Says something, with text to copy by hand beside it.
    pub fn tell_to_copy(&self, text: String, to_copy: String) {
        self.notice.set(Some(Notice { text, is_error: false, to_copy: Some(to_copy) }));
    }

    /// Says that the portfolio is full, in the user's language.
    pub fn tell_full(&self, AtLimit(limit): AtLimit) {
        let t = crate::i18n::texts()();
        let text = match limit {
            Limit::Levers => (t.lever_limit_reached)(limit.value()),
            _ => (t.use_case_limit_reached)(limit.value()),
        };
        self.tell(text, true);
    }

    /// Hides the message.
    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// A value computed from the last valid version of the portfolio and its result: while the
    /// portfolio as entered is invalid, it follows the last good inputs, as the results do.
    pub fn when_valid<T>(
        &self,
        compute: impl Fn(&Portfolio, &PortfolioResult) -> T + Send + Sync + 'static,
    ) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let ctx = *self;
        Memo::new(move |_| {
            ctx.good
                .with(|g| g.as_ref().map(|g| compute(&g.portfolio, &g.result)))
                .unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::field::{UseCaseField, VolumeField};
    use engine::Volume;

    fn counter() -> u64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        NEXT.fetch_add(0x9e37_79b9, Ordering::Relaxed)
    }

    fn with_ctx(test: impl FnOnce(PortfolioCtx)) {
        let owner = Owner::new();
        owner.set();
        test(PortfolioCtx::new(
            Saved {
                portfolios: vec![Portfolio::default()],
                current: 0,
                prefs: Prefs::default(),
                last_good: Vec::new(),
            },
            counter,
        ));
    }

    fn first(ctx: PortfolioCtx) -> UseCaseId {
        ctx.ids().get_untracked()[0].clone()
    }

    fn names(ctx: PortfolioCtx) -> Vec<String> {
        ctx.with_draft_untracked(|p| p.use_cases.iter().map(|u| u.name.clone()).collect())
    }

    #[test]
    fn keeps_the_last_valid_result_while_input_is_invalid() {
        with_ctx(|ctx| {
            let good = ctx.result().get_untracked().expect("default is valid");
            let id = first(ctx);
            let per_day = FieldPath::use_case(0, UseCaseField::Volume(VolumeField::PerDay));
            ctx.update_use_case(&id, |uc| {
                uc.volume = Volume::PerDay { per_day: -3.0, days_per_year: 365.0 };
            });
            assert_eq!(ctx.result().get_untracked(), Some(good.clone()));
            assert_eq!(ctx.problem_for(&per_day), Some(Problem::TooSmall { min: 0.0 }));
            ctx.update_use_case(&id, |uc| {
                uc.volume = Volume::PerDay { per_day: 20_000.0, days_per_year: 365.0 };
            });
            let doubled = ctx.result().get_untracked().expect("valid again");
            let ratio =
                doubled.total_per_year.energy_kwh.central / good.total_per_year.energy_kwh.central;
            assert!((ratio - 2.0).abs() < 1e-9);
            assert_eq!(ctx.problem_for(&per_day), None);
        });
    }

    #[test]
    fn a_full_portfolio_refuses_more_use_cases_and_levers() {
        use engine::decision::levers::Lever;
        with_ctx(|ctx| {
            for _ in 1..MAX_USE_CASES {
                ctx.add_use_case(UseCase::default()).expect("room");
            }
            assert_eq!(ctx.add_use_case(UseCase::default()), Err(AtLimit(Limit::UseCases)));
            assert_eq!(ctx.duplicate(&first(ctx), "(copy)"), Err(AtLimit(Limit::UseCases)));
            assert_eq!(ctx.ids().with_untracked(Vec::len), MAX_USE_CASES);
            for _ in 0..MAX_LEVERS {
                ctx.add_lever(Planned::on_all(Lever::CutPue(1.1))).expect("room");
            }
            let more = ctx.add_lever(Planned::on_all(Lever::CutPue(1.1)));
            assert_eq!(more, Err(AtLimit(Limit::Levers)));
        });
    }

    /// The bug this pins: after a conflict gave this tab's version a new id, its undo still
    /// pointed at the old one, and undoing put the old version over the other tab's.
    #[test]
    fn after_a_conflict_the_undo_applies_to_this_tabs_copy() {
        with_ctx(|ctx| {
            let original = ctx.draft_untracked();
            let mut changed = original.clone();
            changed.use_cases[0].site.location = "SE".into();
            ctx.change_all(changed, "moved".into());
            let theirs = Portfolio { name: "Theirs".into(), ..original.clone() };
            let mine = ctx.keep_both(&original.id, Some((theirs, None)), |n| format!("{n} (mine)"));
            assert_eq!(mine, Some(format!("{} (mine)", original.name)));
            let copy_id = ctx.with_draft_untracked(|p| p.id.clone());
            assert_ne!(copy_id, original.id);
            ctx.undo().expect("room");
            ctx.with_draft_untracked(|p| {
                assert_eq!(p.id, copy_id, "undone in this tab's copy");
                assert_eq!(p.use_cases[0].site.location, original.use_cases[0].site.location);
            });
            let names: Vec<String> =
                ctx.with_library_untracked(|l| l.iter().map(|p| p.name.clone()).collect());
            assert!(names.contains(&"Theirs".to_owned()), "the other tab's version stays");
            let ids: Vec<PortfolioId> =
                ctx.with_library_untracked(|l| l.iter().map(|p| p.id.clone()).collect());
            assert_eq!(ids.len(), 2);
            assert_ne!(ids[0], ids[1]);
        });
    }

    #[test]
    fn an_undo_that_would_pass_a_limit_is_refused_and_kept() {
        with_ctx(|ctx| {
            for _ in 1..MAX_USE_CASES {
                ctx.add_use_case(UseCase::default()).expect("room");
            }
            ctx.remove(&first(ctx), |n| n.to_owned());
            ctx.add_use_case(UseCase::default()).expect("room");
            assert_eq!(ctx.undo(), Err(AtLimit(Limit::UseCases)));
            assert!(ctx.undo_step_untracked().is_some(), "still there, for when there is room");
        });
    }

    #[test]
    fn another_tabs_version_brings_its_own_last_good_figures() {
        with_ctx(|ctx| {
            let mut good_there = ctx.draft_untracked();
            good_there.use_cases[0].volume = Volume::PerYear { per_year: 1e6 };
            let mut invalid = good_there.clone();
            invalid.use_cases[0].name = String::new();
            // This tab saw the portfolio valid at its default volume.
            let here = ctx.result().get_untracked().expect("valid");
            ctx.take_remote(invalid, Some(good_there.clone()));
            assert!(ctx.checked().with_untracked(Result::is_err));
            let shown = ctx.result().get_untracked().expect("the other tab's last good");
            let expected = engine::evaluate_portfolio(&good_there).expect("valid");
            assert_eq!(shown.total_per_year, expected.total_per_year);
            assert_ne!(shown.total_per_year, here.total_per_year);
        });
    }

    #[test]
    fn a_portfolio_deleted_here_and_changed_elsewhere_comes_back_without_its_undo() {
        with_ctx(|ctx| {
            let second = Portfolio { id: ctx.fresh_portfolio_id(), ..Portfolio::default() };
            ctx.open_new(second.clone());
            ctx.delete_current(|n| n.to_owned(), "Untitled");
            let changed = Portfolio { name: "Changed there".into(), ..second };
            assert_eq!(ctx.take_remote(changed, None), Taken::CameBack);
            assert_eq!(ctx.undo_step_untracked(), None, "undoing would make a second copy");
            assert_eq!(ctx.with_library_untracked(<[_]>::len), 2);
        });
    }

    #[test]
    fn a_change_to_every_use_case_is_undone_in_one_step() {
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() }).expect("room");
            let (before, ids) = (ctx.draft_untracked(), ctx.ids().get_untracked());
            let mut moved = before.clone();
            for uc in &mut moved.use_cases {
                uc.site.location = "SE".into();
            }
            ctx.change_all(moved.clone(), "moved".into());
            assert_eq!(ctx.draft_untracked(), moved);
            assert_eq!(ctx.ids().get_untracked(), ids, "same use cases, same ids");
            ctx.undo().expect("room");
            assert_eq!(ctx.draft_untracked(), before);
            assert_eq!(ctx.undo_step_untracked(), None);
        });
    }

    /// The bug this pins: the undo lived inside the notice, so any later message (a copied
    /// link, a saved file) discarded it.
    #[test]
    fn a_later_message_keeps_the_undo() {
        with_ctx(|ctx| {
            ctx.remove(&first(ctx), |n| format!("Removed {n}"));
            ctx.tell("Link copied".into(), false);
            let step = ctx.undo_step_untracked().expect("still undoable");
            assert_eq!(step.what, "Removed Customer-support chatbot");
            ctx.undo().expect("room");
            assert_eq!(names(ctx), ["Customer-support chatbot"]);
        });
    }

    #[test]
    fn decision_figures_keep_their_last_value_while_input_is_invalid() {
        with_ctx(|ctx| {
            let counts = ctx.when_valid(|p, r| (p.use_cases.len(), r.use_cases.len()));
            assert_eq!(counts.get_untracked(), (1, 1));
            ctx.add_use_case(UseCase { name: String::new(), ..UseCase::default() }).expect("room");
            assert_eq!(counts.get_untracked(), (1, 1), "an empty name is refused: last good value");
            let added = ctx.selected_untracked().expect("the new use case is open");
            ctx.update_use_case(&added, |uc| uc.name = "B".into());
            assert_eq!(counts.get_untracked(), (2, 2));
        });
    }

    #[test]
    fn add_duplicate_move_remove_and_undo_keep_ids() {
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() }).expect("room");
            let b = ctx.selected_untracked().expect("open");
            ctx.duplicate(&b, "(copy)").expect("room");
            let copy = ctx.selected_untracked().expect("the copy is open");
            assert_ne!(copy, b);
            assert_eq!(names(ctx), ["Customer-support chatbot", "B", "B (copy)"]);
            ctx.shift(&copy, true);
            assert_eq!(names(ctx), ["Customer-support chatbot", "B (copy)", "B"]);
            let chatbot = first(ctx);
            ctx.shift(&chatbot, true);
            ctx.shift(&b, false);
            assert_eq!(
                names(ctx),
                ["Customer-support chatbot", "B (copy)", "B"],
                "ends do not move"
            );
            ctx.remove(&chatbot, |n| format!("Removed {n}"));
            assert_eq!(names(ctx), ["B (copy)", "B"]);
            ctx.undo().expect("room");
            assert_eq!(names(ctx), ["Customer-support chatbot", "B (copy)", "B"]);
            assert_eq!(first(ctx), chatbot, "it comes back under its own id");
            assert!(ctx.checked().with_untracked(Result::is_ok), "ids stay unique");
        });
    }

    #[test]
    fn planned_levers_stay_on_their_use_cases_through_every_list_change() {
        use engine::decision::levers::Lever;
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() }).expect("room");
            let (a, b) = (first(ctx), ctx.selected_untracked().expect("open"));
            ctx.add_lever(Planned::on(Lever::CutPue(1.1), b.clone())).expect("room");
            ctx.add_lever(Planned::on(Lever::CutPue(1.1), a.clone())).expect("room");
            let targets = || {
                ctx.with_draft_untracked(|p| {
                    p.settings.levers.iter().map(|l| l.use_case.clone()).collect::<Vec<_>>()
                })
            };
            ctx.duplicate(&a, "(copy)").expect("room");
            ctx.shift(&b, true);
            assert_eq!(targets(), [Some(b.clone()), Some(a.clone())]);
            let before = ctx.draft_untracked();
            ctx.remove(&b, |n| n.to_owned());
            assert_eq!(targets(), [Some(a)], "its lever goes with it");
            ctx.undo().expect("room");
            assert_eq!(ctx.draft_untracked(), before, "and comes back with it");
        });
    }

    #[test]
    fn library_switching_keeps_each_portfolios_edits_and_deletion_can_be_undone() {
        with_ctx(|ctx| {
            ctx.rename("First".into());
            let second = Portfolio {
                id: ctx.fresh_portfolio_id(),
                name: "Second".into(),
                ..Portfolio::default()
            };
            ctx.open_new(second.clone());
            assert_eq!(ctx.current_untracked(), 1);
            assert_eq!(ctx.library_index_of(&second.id), Some(1));
            ctx.switch_to(0);
            assert_eq!(ctx.with_draft_untracked(|p| p.name.clone()), "First");
            ctx.delete_current(|n| format!("Deleted {n}"), "Untitled");
            assert_eq!(ctx.with_library_untracked(<[_]>::len), 1);
            assert_eq!(ctx.with_draft_untracked(|p| p.name.clone()), "Second");
            ctx.undo().expect("room");
            let names: Vec<String> =
                ctx.snapshot().portfolios.into_iter().map(|p| p.name).collect();
            assert_eq!(names, ["First", "Second"]);
            assert_eq!(ctx.with_draft_untracked(|p| p.name.clone()), "First");
        });
    }

    #[test]
    fn an_undo_inside_one_portfolio_is_dropped_when_another_opens() {
        with_ctx(|ctx| {
            ctx.remove(&first(ctx), |n| n.to_owned());
            let other = Portfolio { id: ctx.fresh_portfolio_id(), ..Portfolio::default() };
            ctx.open_new(other);
            assert_eq!(ctx.undo_step_untracked(), None, "it would land in the wrong one");
        });
    }

    #[test]
    fn a_portfolio_already_in_the_library_is_not_silently_duplicated() {
        with_ctx(|ctx| {
            let known = ctx.draft_untracked();
            let mut arriving = known.clone();
            arriving.name = "From a link".into();
            ctx.arrive(arriving.clone(), "opened".into());
            assert_eq!(ctx.with_library_untracked(<[_]>::len), 1, "asked first, nothing added");
            let waiting = ctx.arrival_untracked().expect("a question");
            assert_eq!(waiting.existing_name, known.name);

            ctx.settle(Settle::OpenExisting, |n| n.to_owned());
            assert_eq!(ctx.with_library_untracked(<[_]>::len), 1);
            assert_eq!(ctx.arrival_untracked(), None);

            ctx.arrive(arriving.clone(), "opened".into());
            ctx.settle(Settle::Replace, |n| format!("Replaced {n}"));
            assert_eq!(ctx.with_library_untracked(<[_]>::len), 1);
            assert_eq!(ctx.with_draft_untracked(|p| p.name.clone()), "From a link");
            ctx.undo().expect("room");
            assert_eq!(ctx.with_draft_untracked(|p| p.name.clone()), known.name, "undoable");

            ctx.arrive(arriving, "opened".into());
            ctx.settle(Settle::KeepBoth, |n| n.to_owned());
            let ids: Vec<PortfolioId> =
                ctx.with_library_untracked(|l| l.iter().map(|p| p.id.clone()).collect());
            assert_eq!(ids.len(), 2);
            assert_ne!(ids[0], ids[1], "the kept copy has an id of its own");
        });
    }

    #[test]
    fn two_saved_portfolios_with_one_id_get_distinct_ids_when_loaded() {
        let owner = Owner::new();
        owner.set();
        let p = Portfolio::default();
        let saved = Saved {
            portfolios: vec![p.clone(), p],
            current: 0,
            prefs: Prefs::default(),
            last_good: Vec::new(),
        };
        let ctx = PortfolioCtx::new(saved, counter);
        let ids: Vec<PortfolioId> =
            ctx.with_library_untracked(|l| l.iter().map(|p| p.id.clone()).collect());
        assert_ne!(ids[0], ids[1]);
    }

    /// The bug this pins: a use case added after a removal took the removed one's number, and
    /// undoing the removal put the removed one's levers on the newcomer (or dropped levers
    /// planned meanwhile).
    #[test]
    fn undoing_a_removal_gives_back_its_levers_and_keeps_those_planned_since() {
        use engine::decision::levers::Lever;
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() }).expect("room");
            let b = ctx.selected_untracked().expect("open");
            ctx.add_lever(Planned::on(Lever::CutPue(1.1), b.clone())).expect("room");
            ctx.remove(&b, |n| n.to_owned());
            ctx.add_use_case(UseCase { name: "C".into(), ..UseCase::default() }).expect("room");
            let c = ctx.selected_untracked().expect("open");
            assert_eq!(c, b, "the number is free again");
            ctx.add_lever(Planned::on(Lever::Quantise(8.0), c.clone())).expect("room");
            ctx.undo().expect("room");
            ctx.with_draft_untracked(|p| {
                let restored = p.use_cases.iter().find(|u| u.name == "B").expect("back");
                assert_ne!(restored.id, c, "C keeps its id; B gets another");
                let targets: Vec<(&Lever, &UseCaseId)> = p
                    .settings
                    .levers
                    .iter()
                    .map(|l| (&l.lever, l.use_case.as_ref().expect("on one")))
                    .collect();
                assert_eq!(
                    targets,
                    [(&Lever::CutPue(1.1), &restored.id), (&Lever::Quantise(8.0), &c)]
                );
            });
            assert!(ctx.checked().with_untracked(Result::is_ok));
        });
    }

    /// The bug this pins: with the undo kept apart from notices, undoing "levers applied"
    /// after further edits put back the whole portfolio and silently discarded those edits.
    #[test]
    fn an_undo_of_the_whole_portfolio_is_dropped_at_the_next_edit() {
        with_ctx(|ctx| {
            let mut changed = ctx.draft_untracked();
            changed.use_cases[0].site.location = "SE".into();
            ctx.change_all(changed, "moved".into());
            assert!(ctx.undo_step_untracked().is_some());
            ctx.rename("Renamed".into());
            assert_eq!(ctx.undo_step_untracked(), None, "it would discard the rename");
            // A removal's undo puts back only what it removed: later edits keep it.
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() }).expect("room");
            let b = ctx.selected_untracked().expect("open");
            ctx.remove(&b, |n| n.to_owned());
            ctx.rename("Again".into());
            assert!(ctx.undo_step_untracked().is_some());
        });
    }
}
