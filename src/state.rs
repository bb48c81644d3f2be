//! The portfolio store shared by every component, and what is derived from it.

use engine::{evaluate, validate, InputError, Portfolio, PortfolioResult, UseCase};
use leptos::prelude::*;

/// The portfolio being edited and its derived results, provided as context.
///
/// `draft` holds whatever the user entered, valid or not; `result` is the footprint of the last
/// valid draft, so a typing slip never replaces a good number with a wrong one.
#[derive(Clone, Copy)]
pub struct PortfolioCtx {
    /// The portfolio as entered.
    pub draft: RwSignal<Portfolio>,
    /// Every problem in the draft, each naming its field.
    pub errors: Memo<Vec<InputError>>,
    /// The footprint of the last valid draft (`None` only if no draft was ever valid).
    pub result: Memo<Option<PortfolioResult>>,
}

impl PortfolioCtx {
    /// Creates the store around a starting portfolio.
    pub fn new(initial: Portfolio) -> Self {
        let draft = RwSignal::new(initial);
        let errors = Memo::new(move |_| draft.with(validate));
        let result = Memo::new(move |previous: Option<&Option<PortfolioResult>>| {
            match draft.with(evaluate) {
                Ok(result) => Some(result),
                Err(_) => previous.cloned().flatten(),
            }
        });
        Self { draft, errors, result }
    }

    /// Creates the store and provides it to the components below.
    pub fn provide(initial: Portfolio) -> Self {
        let ctx = Self::new(initial);
        provide_context(ctx);
        ctx
    }

    /// The store provided by an ancestor.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The engine's message for one field, if it has a problem.
    pub fn error_for(&self, field: &str) -> Option<String> {
        self.errors.with(|errors| {
            errors.iter().find(|e| e.field == field).map(|e| sentence(&e.problem.to_string()))
        })
    }

    /// Changes one use case in place.
    pub fn update_use_case(&self, index: usize, change: impl FnOnce(&mut UseCase)) {
        self.draft.update(|p| {
            if let Some(use_case) = p.use_cases.get_mut(index) {
                change(use_case);
            }
        });
    }
}

/// "must be at least 0" → "Must be at least 0."
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::Volume;

    #[test]
    fn keeps_the_last_valid_result_while_input_is_invalid() {
        let owner = Owner::new();
        owner.set();
        let ctx = PortfolioCtx::new(Portfolio::default());
        let good = ctx.result.get_untracked().expect("default is valid");

        ctx.update_use_case(0, |uc| {
            uc.volume = Volume::PerDay { per_day: -3.0, days_per_year: 365.0 };
        });
        assert_eq!(ctx.result.get_untracked(), Some(good.clone()));
        assert_eq!(
            ctx.error_for("use_cases[0].volume.per_day").as_deref(),
            Some("Must be at least 0.")
        );

        ctx.update_use_case(0, |uc| {
            uc.volume = Volume::PerDay { per_day: 20_000.0, days_per_year: 365.0 };
        });
        let doubled = ctx.result.get_untracked().expect("valid again");
        let ratio =
            doubled.total_per_year.energy_kwh.central / good.total_per_year.energy_kwh.central;
        assert!((ratio - 2.0).abs() < 1e-9);
        assert_eq!(ctx.error_for("use_cases[0].volume.per_day"), None);
    }
}
