//! The whole page, and its links to the outside world: saved state, share links, the
//! document's language and theme.

use std::time::Duration;

use engine::{Portfolio, PortfolioId};
use leptos::prelude::*;

use super::controls::text;
use super::decisions::Decisions;
use super::notice::NoticeBar;
use super::results::Results;
use super::toolbar::{checked, SettingsPanel, Toolbar};
use super::use_case_list::UseCaseList;
use crate::i18n::{texts, Locale, LocaleCtx};
use crate::state::PortfolioCtx;
use crate::storage::{self, LoadError, Prefs, Saved, Theme};
use crate::{browser, share};

/// How long edits wait before being saved: one save per burst of slider moves.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// What a first visit starts with: one chatbot, named in the visitor's language.
fn fresh(t: &crate::i18n::Texts) -> Saved {
    let mut portfolio = Portfolio {
        id: PortfolioId::from_random(browser::random_bits()),
        name: t.default_portfolio.to_owned(),
        ..Portfolio::default()
    };
    for uc in &mut portfolio.use_cases {
        uc.name = (t.preset_name)("support_chatbot").to_owned();
    }
    Saved { portfolios: vec![portfolio], current: 0, prefs: Prefs::default() }
}

/// A message about loading, written once the language is known, and whether it is an error.
type LoadProblem = (fn(&crate::i18n::Texts) -> String, bool);

/// Reads the saved state. Returns it, a message for the user when something went wrong, and
/// whether saving is allowed (not over a newer version's data).
fn load(t: &crate::i18n::Texts) -> (Saved, Option<LoadProblem>, bool) {
    let fresh = || fresh(t);
    match browser::storage_get(storage::KEY) {
        Ok(None) => (fresh(), None, true),
        Ok(Some(text)) => match storage::from_text(&text) {
            Ok(saved) => (saved, None, true),
            Err(LoadError::Newer(_)) => {
                (fresh(), Some((|t| t.stored_newer.to_owned(), true)), false)
            }
            Err(LoadError::Corrupt(_)) => {
                // Keep the unreadable data aside rather than overwrite it.
                let backup = format!("{}.unreadable-{}", storage::KEY, browser::today_iso());
                let kept = browser::storage_set(&backup, &text).is_ok();
                (
                    fresh(),
                    Some((|t| (t.storage_failed)("unreadable saved data, kept aside"), true)),
                    kept,
                )
            }
        },
        Err(_) => {
            (fresh(), Some((|t| (t.storage_failed)("local storage is unavailable"), true)), false)
        }
    }
}

/// The calculator.
#[component]
pub fn App() -> impl IntoView {
    let browser_locale = Locale::from_preferences(browser::languages().iter().map(String::as_str));
    let (saved, load_problem, may_save) = load(browser_locale.texts());
    let locale = saved.prefs.locale.as_deref().and_then(Locale::from_tag).unwrap_or(browser_locale);
    let locale = RwSignal::new(locale);
    provide_context(LocaleCtx(locale));
    let ctx = PortfolioCtx::provide(saved, browser::random_bits);
    let t = texts();
    if let Some((message, is_error)) = load_problem {
        ctx.tell(message(t()), is_error);
    }
    ctx.select_first();

    // A share link opens as a new portfolio (or asks, when the library has it); a damaged one
    // changes nothing.
    let hash = browser::location_hash();
    if hash.starts_with(share::PREFIX) {
        browser::clear_hash();
        leptos::task::spawn_local(async move {
            let Some(decoded) = share::decode(&hash).await else { return };
            // The same checks as an imported file: a link is untrusted input.
            match decoded.map_err(|e| e.to_string()).and_then(|p| checked(p, t())) {
                Ok(portfolio) => {
                    let message = (t().opened_shared)(&portfolio.name);
                    ctx.arrive(portfolio, message);
                }
                Err(why) => ctx.tell((t().link_refused)(&why), true),
            }
        });
    }

    // Autosave: after a pause in editing, write everything to local storage; and at once when
    // the page is left (a reload or a closed tab within the pause keeps the last edit).
    if may_save {
        let save = move || {
            let text = storage::to_text(&ctx.snapshot());
            if let Err(e) = browser::storage_set(storage::KEY, &text) {
                ctx.tell((t().storage_failed)(&e), true);
            }
        };
        // Lives as long as the page: never removed.
        let _ = window_event_listener_untyped("pagehide", move |_| save());
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            ctx.track_saved();
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(save, SAVE_DELAY);
            pending.set_value(handle.ok());
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
        <header class="site-header">
            <div class="title">
                <h1>{text(|t| t.app_title)}</h1>
                <p class="tagline">{text(|t| t.tagline)}</p>
            </div>
            <Toolbar />
        </header>
        <NoticeBar />
        <main class="calculator">
            <div class="column">
                <UseCaseList />
                <SettingsPanel />
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
