//! The whole page, and its links to the outside world: saved state, share links, the
//! document's language and theme.

use engine::{Portfolio, PortfolioId};
use leptos::prelude::*;

use super::controls::text;
use super::decisions::Decisions;
use super::notice::NoticeBar;
use super::results::{HeadlineStrip, Results};
use super::saved_data::{SaveIndicator, SavedData};
use super::toolbar::{checked, SettingsPanel, Toolbar};
use super::use_case_list::UseCaseList;
use crate::autosave::{self, Autosave};
use crate::i18n::{texts, Locale, LocaleCtx};
use crate::state::PortfolioCtx;
use crate::storage::Theme;
use crate::{browser, share};

/// What a first visit starts with: one chatbot, named in the visitor's language.
fn fresh(t: &crate::i18n::Texts) -> Portfolio {
    let mut portfolio = Portfolio {
        id: PortfolioId::from_random(browser::random_bits()),
        name: t.default_portfolio.to_owned(),
        ..Portfolio::default()
    };
    for uc in &mut portfolio.use_cases {
        uc.name = (t.preset_name)("support_chatbot").to_owned();
    }
    portfolio
}

/// The calculator.
#[component]
pub fn App() -> impl IntoView {
    let browser_locale = Locale::from_preferences(browser::languages().iter().map(String::as_str));
    let opened = autosave::open(|| fresh(browser_locale.texts()));
    let saved = &opened.saved;
    let locale = saved.prefs.locale.as_deref().and_then(Locale::from_tag).unwrap_or(browser_locale);
    let locale = RwSignal::new(locale);
    provide_context(LocaleCtx(locale));
    let ctx = PortfolioCtx::provide(opened.saved.clone(), browser::random_bits);
    let t = texts();
    Autosave::start(ctx, opened);
    // A new version installed by the service worker, now or later: the user is told, and
    // chooses when to take it.
    ctx.set_update_ready(browser::update_waiting());
    let update_ready = window_event_listener_untyped(browser::UPDATE_READY_EVENT, move |_| {
        ctx.set_update_ready(true);
    });
    on_cleanup(move || update_ready.remove());
    ctx.select_first();

    // A share link opens as a new portfolio (or asks, when the library has it); a damaged one
    // changes nothing.
    let hash = browser::location_hash();
    if hash.starts_with(share::PREFIX) {
        leptos::task::spawn_local(async move {
            let Some(decoded) = share::decode(&hash).await else { return };
            // The same checks as an imported file: a link is untrusted input.
            match decoded.map_err(|e| t().link_error(&e)).and_then(|p| checked(p, t())) {
                Ok(portfolio) => {
                    // Opened: a reload does not open it a second time. A refused link stays
                    // in the address bar, to be copied and sent back to whoever shared it.
                    browser::clear_hash();
                    let message = (t().opened_shared)(&portfolio.name);
                    ctx.arrive(portfolio, message);
                }
                Err(why) => ctx.tell((t().link_refused)(&why), true),
            }
        });
    }

    Effect::new(move |_| browser::set_root_attribute("lang", locale.get().tag()));
    Effect::new(move |_| {
        let theme = match ctx.with_prefs(|p| p.theme) {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        browser::set_root_attribute("data-theme", theme);
    });
    Effect::new(move |_| {
        let name = ctx.with_draft(|p| p.name.clone());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{name} · {}", t().app_title));
        }
    });

    view! {
        // First on the page: on a phone the totals are the first thing seen.
        <HeadlineStrip />
        <header class="site-header">
            <div class="title">
                <h1>{text(|t| t.app_title)}</h1>
                <p class="tagline">{text(|t| t.tagline)}</p>
            </div>
            <SaveIndicator />
            <Toolbar />
        </header>
        <NoticeBar />
        <main class="calculator">
            <div class="column">
                <UseCaseList />
                <SettingsPanel />
                <SavedData />
            </div>
            <div class="column">
                <Results />
                <Decisions />
            </div>
        </main>
        <footer class="site-footer">
            <p data-testid="vintage">
                {text(|t| t.footer_methodology)} " " {engine::METHODOLOGY_VERSION} ". "
                {text(|t| t.footer_data)} ": " {engine::refdata::DATA_VINTAGE} "."
            </p>
        </footer>
    }
}
