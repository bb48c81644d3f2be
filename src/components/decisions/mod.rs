//! The decision layer on top of the footprint: the Sustainable AI Quotient, what-if levers,
//! the Return on Environment and the projection to 2030 (docs/methodology.md §14).

mod levers;
mod projection;
mod roe;
mod saiq;

use engine::decision::saiq::{
    intensities_of, portfolio_intensities, reference_intensities, saiq, FunctionalUnit, Intensities,
};
use engine::refdata::sources::Source;
use engine::{Portfolio, PortfolioId, PortfolioResult};
use leptos::prelude::*;

use crate::components::controls::text;
use crate::state::PortfolioCtx;

/// What the SAIQ is measured against.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// The shipped profile: the paper's 70B chat assistant on the world-average grid.
    Shipped,
    /// The open portfolio as it was when pinned (`settings.baseline`), scored now.
    Pinned,
    /// Another portfolio of the library, by id.
    Saved(PortfolioId),
}

/// The reference a portfolio opens with: its baseline when it has pinned one.
fn default_reference(has_baseline: bool) -> Reference {
    if has_baseline {
        Reference::Pinned
    } else {
        Reference::Shipped
    }
}

/// The choices shared by the decision views: the functional unit and the reference of the
/// SAIQ, which the levers' before/after comparison uses too.
#[derive(Clone, Copy)]
pub struct Analysis {
    /// What one unit of AI output is.
    pub unit: RwSignal<FunctionalUnit>,
    /// What the SAIQ divides by.
    pub reference: Memo<Reference>,
    /// The reference the user chose, with the portfolio and baseline it was chosen for.
    chosen: RwSignal<Option<(PortfolioId, bool, Reference)>>,
    /// The reference's intensities in the chosen unit (None: it has no such output).
    pub reference_per_unit: Memo<Option<Intensities>>,
    /// The name of the open portfolio's pinned baseline, if it has one.
    pub baseline_name: Memo<Option<String>>,
}

impl Analysis {
    fn provide(ctx: PortfolioCtx) -> Self {
        let unit = RwSignal::new(FunctionalUnit::ThousandOutputTokens);
        // Its own memo, so that an edit to the portfolio does not evaluate the baseline again.
        let baseline = Memo::new(move |_| ctx.with_draft(|p| p.settings.baseline.clone()));
        let baseline_name =
            Memo::new(move |_| baseline.with(|b| b.as_ref().map(|b| b.name.clone())));
        let has_baseline = Memo::new(move |_| baseline_name.with(Option::is_some));
        // A choice holds for the portfolio, and the baseline, it was made with: another
        // portfolio opened, or this one's baseline pinned or undone, and the reference becomes
        // that portfolio's own (a saved copy of the open one would be stale).
        let chosen = RwSignal::new(None::<(PortfolioId, bool, Reference)>);
        let open_id = Memo::new(move |_| ctx.with_draft(|p| p.id.clone()));
        let reference = Memo::new(move |_| {
            let (id, pinned) = (open_id.get(), has_baseline.get());
            chosen.with(|c| match c {
                Some((for_id, for_pinned, r)) if *for_id == id && *for_pinned == pinned => {
                    r.clone()
                }
                _ => default_reference(pinned),
            })
        });
        let reference_per_unit = Memo::new(move |_| {
            let unit = unit.get();
            match reference.get() {
                Reference::Shipped => reference_intensities(unit),
                Reference::Pinned => baseline.with(|b| intensities_of(b.as_deref()?, unit)),
                Reference::Saved(id) => {
                    let saved = ctx.with_library(|l| l.iter().find(|p| p.id == id).cloned())?;
                    intensities_of(&saved, unit)
                }
            }
        });
        let analysis = Self { unit, reference, chosen, reference_per_unit, baseline_name };
        provide_context(analysis);
        analysis
    }

    fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Measures the SAIQ against `reference` while the open portfolio and its baseline stay
    /// as they are now.
    pub fn choose_reference(&self, reference: Reference, ctx: PortfolioCtx) {
        let id = ctx.with_draft_untracked(|p| p.id.clone());
        let pinned = ctx.with_draft_untracked(|p| p.settings.baseline.is_some());
        self.chosen.set(Some((id, pinned, reference)));
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
        <section
            class="decisions panel"
            aria-labelledby="projection-title"
            data-testid="projection"
        >
            <projection::ProjectionView />
        </section>
    }
}
