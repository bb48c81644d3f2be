//! The whole page.

use engine::Portfolio;
use leptos::prelude::*;

use super::results::Results;
use super::use_case_form::UseCaseForm;
use crate::state::PortfolioCtx;

/// The calculator: the use case on one side, its footprint on the other.
#[component]
pub fn App() -> impl IntoView {
    PortfolioCtx::provide(Portfolio::default());
    view! {
        <header class="site-header">
            <h1>"AI Footprint"</h1>
            <p class="tagline">
                "Energy, carbon and water of your AI, computed in your browser. Nothing you enter leaves this page."
            </p>
        </header>
        <main class="calculator">
            <UseCaseForm index=0 />
            <Results />
        </main>
        <footer class="site-footer">
            <p data-testid="vintage">
                "Methodology version " {engine::METHODOLOGY_VERSION} ". Reference data: "
                {engine::refdata::DATA_VINTAGE} "."
            </p>
        </footer>
    }
}
