//! The decision layer on top of the footprint: the Sustainable AI Quotient, what-if levers,
//! the Return on Environment and the projection to 2030 (METHODOLOGY §6–8).

mod levers;
mod projection;
mod roe;
mod saiq;

use engine::decision::saiq::{
    portfolio_intensities, reference_intensities, saiq, FunctionalUnit, Intensities,
};
use engine::refdata::sources::Source;
use engine::{evaluate, Portfolio, PortfolioResult};
use leptos::prelude::*;

use crate::components::controls::text;
use crate::state::PortfolioCtx;

/// What the SAIQ is measured against.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// The shipped profile: the paper's 70B chat assistant on the world-average grid.
    Shipped,
    /// The open portfolio as it was when pinned, per functional unit.
    Pinned {
        /// The portfolio's name then.
        name: String,
        /// Its intensities per 1,000 output tokens and per request.
        per_unit: [Option<Intensities>; 2],
    },
    /// Another portfolio of the library, by index.
    Saved(usize),
}

fn unit_slot(unit: FunctionalUnit) -> usize {
    match unit {
        FunctionalUnit::ThousandOutputTokens => 0,
        FunctionalUnit::Request => 1,
    }
}

/// The choices shared by the decision views: the functional unit and the reference of the
/// SAIQ, which the levers' before/after comparison uses too.
#[derive(Clone, Copy)]
pub struct Analysis {
    /// What one unit of AI output is.
    pub unit: RwSignal<FunctionalUnit>,
    /// What the SAIQ divides by.
    pub reference: RwSignal<Reference>,
    /// The reference's intensities in the chosen unit (None: it has no such output).
    pub reference_per_unit: Memo<Option<Intensities>>,
}

impl Analysis {
    fn provide(ctx: PortfolioCtx) -> Self {
        let unit = RwSignal::new(FunctionalUnit::ThousandOutputTokens);
        let reference = RwSignal::new(Reference::Shipped);
        let reference_per_unit = Memo::new(move |_| {
            let unit = unit.get();
            match reference.get() {
                Reference::Shipped => reference_intensities(unit),
                Reference::Pinned { per_unit, .. } => per_unit[unit_slot(unit)],
                Reference::Saved(i) => {
                    let saved = ctx.library.with(|l| l.get(i).cloned())?;
                    let result = evaluate(&saved).ok()?;
                    portfolio_intensities(&saved, &result, unit)
                }
            }
        });
        // A saved portfolio that has just been opened is no longer "another" one: its saved
        // copy would be stale, so the reference falls back to the shipped profile.
        Effect::new(move |_| {
            let current = ctx.current.get();
            if reference.with_untracked(|r| *r == Reference::Saved(current)) {
                reference.set(Reference::Shipped);
            }
        });
        let analysis = Self { unit, reference, reference_per_unit };
        provide_context(analysis);
        analysis
    }

    fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Pins the portfolio as it is now as the reference.
    fn pin(&self, portfolio: &Portfolio, result: &PortfolioResult) {
        let per_unit = [FunctionalUnit::ThousandOutputTokens, FunctionalUnit::Request]
            .map(|unit| portfolio_intensities(portfolio, result, unit));
        self.reference.set(Reference::Pinned { name: portfolio.name.clone(), per_unit });
    }

    /// A portfolio's SAIQ against the chosen reference, tracking the unit and the reference.
    fn score(&self, portfolio: &Portfolio, result: &PortfolioResult) -> Option<f64> {
        let reference = self.reference_per_unit.get()?;
        let x = portfolio_intensities(portfolio, result, self.unit.get())?;
        saiq(&x, &reference, &portfolio.settings.saiq_weights).ok()
    }
}

/// The sources behind a panel's own factors, cited as every value is.
fn sources_line(sources: Vec<&'static Source>) -> impl IntoView {
    let cited = sources.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
    view! { <p class="sources hint">{text(|t| t.sources)} ": " {cited}</p> }
}

/// The decision views, below the footprint.
#[component]
pub fn Decisions() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    Analysis::provide(ctx);
    view! {
        <section class="decisions panel" aria-labelledby="saiq-title" data-testid="decisions">
            <saiq::Saiq />
        </section>
        <section class="decisions panel" aria-labelledby="levers-title" data-testid="levers">
            <levers::Levers />
        </section>
        <section class="decisions panel" aria-labelledby="roe-title" data-testid="roe">
            <roe::ReturnOnEnvironment />
        </section>
        <section class="decisions panel" aria-labelledby="projection-title" data-testid="projection">
            <projection::ProjectionView />
        </section>
    }
}
