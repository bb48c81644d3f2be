//! The app's state, shared by context: the portfolio library, the portfolio being edited and
//! what is derived from it, and the operations that change them.

use engine::decision::levers::{self, Planned};
use engine::{evaluate, validate, InputError, Portfolio, PortfolioResult, Problem, UseCase};
use leptos::prelude::*;

use crate::storage::{Prefs, Saved};

/// What the last removal took away, so it can be put back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// A use case removed from the open portfolio.
    UseCase {
        /// Where it was.
        index: usize,
        /// The use case (boxed: it is by far the largest variant).
        use_case: Box<UseCase>,
        /// The planned levers as they were, some of which may have applied to it.
        levers: Vec<Planned>,
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

/// A message for the user, with an undo when it reports a removal.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The message, already in the user's language.
    pub text: String,
    /// True for a problem, false for information.
    pub is_error: bool,
    /// What "Undo" restores.
    pub undo: Option<Undo>,
}

/// The app's state. `draft` holds whatever the user entered, valid or not; `result` is the
/// footprint of the last valid draft, so a typing slip never replaces a good number with a
/// wrong one.
#[derive(Clone, Copy)]
pub struct PortfolioCtx {
    /// The open portfolio as entered.
    pub draft: RwSignal<Portfolio>,
    /// A stable key per use case of the draft, in the same order, for keyed rendering.
    pub keys: RwSignal<Vec<u64>>,
    /// Key of the use case whose form is open.
    pub selected: RwSignal<Option<u64>>,
    /// Every portfolio; the entry at `current` is refreshed from `draft` when saved or left.
    pub library: RwSignal<Vec<Portfolio>>,
    /// Index of the open portfolio in `library`.
    pub current: RwSignal<usize>,
    /// Preferences.
    pub prefs: RwSignal<Prefs>,
    /// The message shown to the user, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// Every problem in the draft, each naming its field.
    pub errors: Memo<Vec<InputError>>,
    /// The footprint of the last valid draft (`None` only if no draft was ever valid).
    pub result: Memo<Option<PortfolioResult>>,
    next_key: StoredValue<u64>,
}

impl PortfolioCtx {
    /// Creates the state from what was saved.
    pub fn new(saved: Saved) -> Self {
        let current = saved.current.min(saved.portfolios.len().saturating_sub(1));
        let draft_value = saved.portfolios.get(current).cloned().unwrap_or_default();
        let count = draft_value.use_cases.len() as u64;
        let draft = RwSignal::new(draft_value);
        let errors = Memo::new(move |_| draft.with(validate));
        let result = Memo::new(move |previous: Option<&Option<PortfolioResult>>| {
            match draft.with(evaluate) {
                Ok(result) => Some(result),
                Err(_) => previous.cloned().flatten(),
            }
        });
        let library =
            if saved.portfolios.is_empty() { vec![Portfolio::default()] } else { saved.portfolios };
        Self {
            draft,
            keys: RwSignal::new((0..count).collect()),
            selected: RwSignal::new(None),
            library: RwSignal::new(library),
            current: RwSignal::new(current),
            prefs: RwSignal::new(saved.prefs),
            notice: RwSignal::new(None),
            errors,
            result,
            next_key: StoredValue::new(count),
        }
    }

    /// Creates the state and provides it to the components below.
    pub fn provide(saved: Saved) -> Self {
        let ctx = Self::new(saved);
        provide_context(ctx);
        ctx
    }

    /// The state provided by an ancestor.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    fn fresh_key(&self) -> u64 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    /// The engine's problem with one field, if any.
    pub fn problem_for(&self, field: &str) -> Option<Problem> {
        self.errors
            .with(|errors| errors.iter().find(|e| e.field == field).map(|e| e.problem.clone()))
    }

    /// Position of the use case with this key.
    pub fn index_of(&self, key: u64) -> Option<usize> {
        self.keys.with(|keys| keys.iter().position(|k| *k == key))
    }

    /// Changes one use case in place.
    pub fn update_use_case(&self, index: usize, change: impl FnOnce(&mut UseCase)) {
        self.draft.update(|p| {
            if let Some(use_case) = p.use_cases.get_mut(index) {
                change(use_case);
            }
        });
    }

    /// Appends a use case and opens its form.
    pub fn add_use_case(&self, use_case: UseCase) {
        let key = self.fresh_key();
        self.draft.update(|p| p.use_cases.push(use_case));
        self.keys.update(|k| k.push(key));
        self.selected.set(Some(key));
    }

    /// Inserts a copy of a use case right after it, named with `suffix`.
    pub fn duplicate(&self, index: usize, suffix: &str) {
        let Some(mut copy) = self.draft.with_untracked(|p| p.use_cases.get(index).cloned()) else {
            return;
        };
        copy.name = format!("{} {suffix}", copy.name);
        let key = self.fresh_key();
        self.draft.update(|p| {
            p.use_cases.insert(index + 1, copy);
            levers::on_insert(&mut p.settings.levers, index + 1);
        });
        self.keys.update(|k| k.insert(index + 1, key));
        self.selected.set(Some(key));
    }

    /// Removes a use case and offers to undo it with `message`.
    pub fn remove(&self, index: usize, message: impl FnOnce(&str) -> String) {
        let Some(use_case) = self.draft.with_untracked(|p| p.use_cases.get(index).cloned()) else {
            return;
        };
        let levers = self.draft.with_untracked(|p| p.settings.levers.clone());
        self.draft.update(|p| {
            p.use_cases.remove(index);
            levers::on_remove(&mut p.settings.levers, index);
        });
        self.keys.update(|k| {
            k.remove(index);
        });
        self.notice.set(Some(Notice {
            text: message(&use_case.name),
            is_error: false,
            undo: Some(Undo::UseCase { index, use_case: Box::new(use_case), levers }),
        }));
    }

    /// Moves a use case one place up or down; the ends stay put.
    pub fn shift(&self, index: usize, up: bool) {
        let len = self.draft.with_untracked(|p| p.use_cases.len());
        let Some(target) = (if up { index.checked_sub(1) } else { Some(index + 1) }) else {
            return;
        };
        if target >= len {
            return;
        }
        self.draft.update(|p| {
            p.use_cases.swap(index, target);
            levers::on_swap(&mut p.settings.levers, index, target);
        });
        self.keys.update(|k| k.swap(index, target));
    }

    /// Replaces the open portfolio with a changed copy of itself (same use cases, in the same
    /// order), offering to undo it with `message`.
    pub fn change_all(&self, changed: Portfolio, message: String) {
        let before = self.draft.get_untracked();
        self.replace_use_cases(changed);
        self.notice.set(Some(Notice {
            text: message,
            is_error: false,
            undo: Some(Undo::Draft(before)),
        }));
    }

    /// Puts another version of the open portfolio in place; use cases keep their keys when
    /// the count is unchanged.
    fn replace_use_cases(&self, portfolio: Portfolio) {
        let count = portfolio.use_cases.len();
        if count != self.keys.with_untracked(Vec::len) {
            let keys: Vec<u64> = (0..count).map(|_| self.fresh_key()).collect();
            self.keys.set(keys);
        }
        self.draft.set(portfolio);
    }

    /// Reverts the last removal or change.
    pub fn undo(&self) {
        let Some(undo) = self.notice.get_untracked().and_then(|n| n.undo) else { return };
        match undo {
            Undo::UseCase { index, use_case, levers } => {
                let key = self.fresh_key();
                let index = index.min(self.draft.with_untracked(|p| p.use_cases.len()));
                self.draft.update(|p| {
                    p.use_cases.insert(index, *use_case);
                    p.settings.levers = levers;
                });
                self.keys.update(|k| k.insert(index, key));
            }
            Undo::Draft(portfolio) => self.replace_use_cases(portfolio),
            Undo::Portfolio { index, portfolio } => {
                self.store_draft();
                let index = index.min(self.library.with_untracked(Vec::len));
                self.library.update(|l| l.insert(index, portfolio));
                self.load(index);
            }
        }
        self.notice.set(None);
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

    /// Makes a library entry the draft. The caller has stored the draft it replaces (or
    /// removed its slot).
    fn load(&self, index: usize) {
        let Some(next) = self.library.with_untracked(|l| l.get(index).cloned()) else { return };
        let keys: Vec<u64> = next.use_cases.iter().map(|_| self.fresh_key()).collect();
        self.current.set(index);
        self.keys.set(keys);
        self.selected.set(None);
        self.draft.set(next);
    }

    /// Adds a portfolio to the library and opens it.
    pub fn open_new(&self, portfolio: Portfolio) {
        self.store_draft();
        let index = self.library.with_untracked(Vec::len);
        self.library.update(|l| l.push(portfolio));
        self.load(index);
    }

    /// Removes the open portfolio from the library, offering to undo it; opens a neighbour
    /// (or a new empty portfolio when it was the last).
    pub fn delete_current(&self, message: impl FnOnce(&str) -> String, untitled: &str) {
        self.store_draft();
        let index = self.current.get_untracked();
        let Some(portfolio) = self.library.with_untracked(|l| l.get(index).cloned()) else {
            return;
        };
        self.library.update(|l| {
            l.remove(index);
            if l.is_empty() {
                l.push(Portfolio {
                    name: untitled.to_owned(),
                    use_cases: Vec::new(),
                    ..Portfolio::default()
                });
            }
        });
        let next = index.min(self.library.with_untracked(Vec::len) - 1);
        self.load(next);
        self.notice.set(Some(Notice {
            text: message(&portfolio.name),
            is_error: false,
            undo: Some(Undo::Portfolio { index, portfolio }),
        }));
    }

    /// Everything to save: the library with the draft in its place.
    pub fn snapshot(&self) -> Saved {
        let mut portfolios = self.library.get_untracked();
        let current = self.current.get_untracked();
        if let Some(slot) = portfolios.get_mut(current) {
            *slot = self.draft.get_untracked();
        }
        Saved { portfolios, current, prefs: self.prefs.get_untracked() }
    }

    /// Shows a message.
    pub fn tell(&self, text: String, is_error: bool) {
        self.notice.set(Some(Notice { text, is_error, undo: None }));
    }

    /// A value computed from the portfolio and its result while the portfolio is valid; while
    /// it is not, the last value stays (the last good state, as the results keep theirs).
    pub fn when_valid<T>(
        &self,
        compute: impl Fn(&Portfolio, &PortfolioResult) -> T + Send + Sync + 'static,
    ) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let ctx = *self;
        Memo::new(move |previous: Option<&T>| {
            let valid = ctx.errors.with(Vec::is_empty);
            let computed = ctx.result.with(|r| match r {
                // The draft is tracked too: some inputs (what a use case avoids) change no
                // footprint, so the result alone would not signal them.
                Some(r) if valid => ctx.draft.with(|p| Some(compute(p, r))),
                _ => None,
            });
            computed.or_else(|| previous.cloned()).unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::Volume;

    fn with_ctx(test: impl FnOnce(PortfolioCtx)) {
        let owner = Owner::new();
        owner.set();
        test(PortfolioCtx::new(Saved {
            portfolios: vec![Portfolio::default()],
            current: 0,
            prefs: Prefs::default(),
        }));
    }

    #[test]
    fn keeps_the_last_valid_result_while_input_is_invalid() {
        with_ctx(|ctx| {
            let good = ctx.result.get_untracked().expect("default is valid");
            ctx.update_use_case(0, |uc| {
                uc.volume = Volume::PerDay { per_day: -3.0, days_per_year: 365.0 };
            });
            assert_eq!(ctx.result.get_untracked(), Some(good.clone()));
            assert_eq!(
                ctx.problem_for("use_cases[0].volume.per_day"),
                Some(Problem::TooSmall { min: 0.0 })
            );
            ctx.update_use_case(0, |uc| {
                uc.volume = Volume::PerDay { per_day: 20_000.0, days_per_year: 365.0 };
            });
            let doubled = ctx.result.get_untracked().expect("valid again");
            let ratio =
                doubled.total_per_year.energy_kwh.central / good.total_per_year.energy_kwh.central;
            assert!((ratio - 2.0).abs() < 1e-9);
            assert_eq!(ctx.problem_for("use_cases[0].volume.per_day"), None);
        });
    }

    #[test]
    fn a_change_to_every_use_case_is_undone_in_one_step() {
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() });
            let (before, keys) = (ctx.draft.get_untracked(), ctx.keys.get_untracked());
            let mut moved = before.clone();
            for uc in &mut moved.use_cases {
                uc.site.location = "SE".into();
            }
            ctx.change_all(moved.clone(), "moved".into());
            assert_eq!(ctx.draft.get_untracked(), moved);
            assert_eq!(ctx.keys.get_untracked(), keys, "same use cases, same keys");
            ctx.undo();
            assert_eq!(ctx.draft.get_untracked(), before);
            assert_eq!(ctx.keys.get_untracked(), keys);
            assert_eq!(ctx.notice.get_untracked(), None);
        });
    }

    #[test]
    fn decision_figures_keep_their_last_value_while_input_is_invalid() {
        with_ctx(|ctx| {
            let names = ctx.when_valid(|p, r| (p.use_cases.len(), r.use_cases.len()));
            assert_eq!(names.get_untracked(), (1, 1));
            ctx.add_use_case(UseCase { name: String::new(), ..UseCase::default() });
            assert_eq!(names.get_untracked(), (1, 1), "an empty name is refused: last good value");
            ctx.update_use_case(1, |uc| uc.name = "B".into());
            assert_eq!(names.get_untracked(), (2, 2));
        });
    }

    #[test]
    fn add_duplicate_move_remove_and_undo_keep_keys_in_step() {
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() });
            ctx.duplicate(1, "(copy)");
            let names = || {
                ctx.draft.with_untracked(|p| {
                    p.use_cases.iter().map(|u| u.name.clone()).collect::<Vec<_>>()
                })
            };
            assert_eq!(names(), ["Customer-support chatbot", "B", "B (copy)"]);
            ctx.shift(2, true);
            assert_eq!(names(), ["Customer-support chatbot", "B (copy)", "B"]);
            ctx.shift(0, true);
            ctx.shift(2, false);
            assert_eq!(names(), ["Customer-support chatbot", "B (copy)", "B"], "ends do not move");
            ctx.remove(0, |n| format!("Removed {n}"));
            assert_eq!(names(), ["B (copy)", "B"]);
            assert_eq!(
                ctx.notice.get_untracked().map(|n| n.text),
                Some("Removed Customer-support chatbot".into())
            );
            ctx.undo();
            assert_eq!(names(), ["Customer-support chatbot", "B (copy)", "B"]);
            let keys = ctx.keys.get_untracked();
            assert_eq!(keys.len(), 3);
            let mut unique = keys.clone();
            unique.dedup();
            assert_eq!(unique.len(), 3);
        });
    }

    #[test]
    fn planned_levers_stay_on_their_use_cases_through_every_list_change() {
        use engine::decision::levers::Lever;
        with_ctx(|ctx| {
            ctx.add_use_case(UseCase { name: "B".into(), ..UseCase::default() });
            let on = |i: usize| Planned { lever: Lever::CutPue(1.1), use_case: Some(i) };
            ctx.draft.update(|p| p.settings.levers = vec![on(1), on(0)]);
            let targets = || {
                ctx.draft.with_untracked(|p| {
                    p.settings.levers.iter().map(|l| l.use_case).collect::<Vec<_>>()
                })
            };
            ctx.duplicate(0, "(copy)");
            assert_eq!(targets(), [Some(2), Some(0)]);
            ctx.shift(2, true);
            assert_eq!(targets(), [Some(1), Some(0)]);
            let before = ctx.draft.get_untracked();
            ctx.remove(1, |n| n.to_owned());
            assert_eq!(targets(), [Some(0)], "its lever goes with it");
            ctx.undo();
            assert_eq!(ctx.draft.get_untracked(), before, "and comes back with it");
        });
    }

    #[test]
    fn library_switching_keeps_each_portfolios_edits_and_deletion_can_be_undone() {
        with_ctx(|ctx| {
            ctx.draft.update(|p| p.name = "First".into());
            ctx.open_new(Portfolio { name: "Second".into(), ..Portfolio::default() });
            assert_eq!(ctx.current.get_untracked(), 1);
            ctx.switch_to(0);
            assert_eq!(ctx.draft.with_untracked(|p| p.name.clone()), "First");
            ctx.delete_current(|n| format!("Deleted {n}"), "Untitled");
            assert_eq!(ctx.library.with_untracked(Vec::len), 1);
            assert_eq!(ctx.draft.with_untracked(|p| p.name.clone()), "Second");
            ctx.undo();
            let names: Vec<String> =
                ctx.snapshot().portfolios.into_iter().map(|p| p.name).collect();
            assert_eq!(names, ["First", "Second"]);
            assert_eq!(ctx.draft.with_untracked(|p| p.name.clone()), "First");
        });
    }
}
