//! The toolbar: the portfolio library, files and share links, language and theme; and the
//! portfolio-wide settings.

use engine::decision::ShadowPrices;
use engine::field::{FieldPath, SettingsField, ShadowPriceField};
use engine::format::{decode_text, parse_portfolio, to_json, FileError};
use engine::limits::{Limit, MAX_FILE_BYTES};
use engine::{resolve, Keyed, LlmEstimator, Portfolio};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::controls::{text, tr, Choice, ChoiceOption, TextField};
use super::number_field::{NumberField, SliderScale};
use crate::i18n::{texts, Locale, LocaleCtx, Pick};
use crate::state::PortfolioCtx;
use crate::storage::Theme;
use crate::{browser, share};

const EXAMPLE_SMALL: &str = include_str!("../../assets/examples/small.json");
const EXAMPLE_COMPANY: &str = include_str!("../../assets/examples/company.json");

/// Reads a portfolio file, refusing anything that does not parse or validate.
pub fn read_portfolio(text: &str, t: &crate::i18n::Texts) -> Result<Portfolio, String> {
    checked(parse_portfolio(text).map_err(|e| t.file_error(&e))?, t)
}

/// Reads a portfolio file's bytes in any encoding the command line also reads.
fn read_portfolio_file(bytes: &[u8], t: &crate::i18n::Texts) -> Result<Portfolio, String> {
    let text = decode_text(bytes).map_err(|e| t.file_error(&e))?;
    read_portfolio(&text, t)
}

/// Refuses a portfolio from outside (a file, a link) whose values do not validate, naming the
/// first problem.
pub fn checked(portfolio: Portfolio, t: &crate::i18n::Texts) -> Result<Portfolio, String> {
    match resolve(&portfolio) {
        Ok(_) => Ok(portfolio),
        Err(invalid) => Err(invalid.problems().first().map_or_else(
            || invalid.to_string(),
            |e| format!("{}: {}", e.field, t.problem(&e.problem)),
        )),
    }
}

/// Offers the open portfolio as a file (indented JSON, named with the date).
pub fn export_portfolio(ctx: PortfolioCtx) {
    let (name, json) = ctx.with_draft_untracked(|p| (p.name.clone(), to_json(p)));
    let json = browser::indented_json(&json);
    let file = browser::dated_file_name(&name, "json");
    if let Err(e) = browser::download(&file, "application/json", &json) {
        ctx.tell((texts()().download_failed)(&e), true);
    }
}

/// Library, files, links, language and theme.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let locale = expect_context::<LocaleCtx>().0;
    let t = texts();

    let library_options = move || {
        let current = ctx.current();
        let live_name = ctx.with_draft(|p| p.name.clone());
        ctx.with_library(|l| {
            l.iter()
                .enumerate()
                .map(|(i, p)| {
                    let name = if i == current { live_name.clone() } else { p.name.clone() };
                    ChoiceOption::fixed(i.to_string(), name)
                })
                .collect::<Vec<_>>()
        })
    };

    let export_json = move |_| export_portfolio(ctx);
    let export_csv = move |_| {
        let name = ctx.with_draft_untracked(|p| p.name.clone());
        let csv = ctx.result().with_untracked(|r| r.as_deref().map(engine::report::to_csv));
        if let Some(csv) = csv {
            if let Err(e) =
                browser::download(&browser::dated_file_name(&name, "csv"), "text/csv", &csv)
            {
                ctx.tell((t().download_failed)(&e), true);
            }
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // Clear the picker so choosing the same file again still reports.
        input.set_value("");
        // Refused by its size before a byte is read (UTF-16 takes twice the bytes).
        if file.size() > (2 * MAX_FILE_BYTES) as f64 {
            let why = t().file_error(&FileError::TooLarge(Limit::Bytes));
            return ctx.tell((t().import_refused)(&why), true);
        }
        leptos::task::spawn_local(async move {
            let texts = t();
            let read = browser::read_file(file).await;
            match read.and_then(|bytes| read_portfolio_file(&bytes, texts)) {
                Ok(portfolio) => {
                    let message = (texts.imported)(&portfolio.name);
                    ctx.arrive(portfolio, message);
                }
                Err(why) => ctx.tell((texts.import_refused)(&why), true),
            }
        });
    };
    let share_link = move |_| {
        let portfolio = ctx.draft_untracked();
        // Before any await: the clipboard may accept a write only within the click.
        let copying = browser::Copying::start();
        leptos::task::spawn_local(async move {
            let fragment = match share::encode(&portfolio).await {
                Ok(fragment) => fragment,
                Err(share::NoCompression) => return ctx.tell(t().share_failed.to_owned(), true),
            };
            let link = format!("{}{fragment}", browser::address_without_hash());
            // A file's address opens only on the machine (and in the folder) it names.
            let note = if browser::is_file_page() { t().share_file_note } else { "" };
            match copying.finish(&link).await {
                Ok(()) => ctx.tell(format!("{}{note}", t().share_copied), false),
                // Where the browser gives no clipboard (no secure context) or refuses: the
                // link in a box, selected, to copy by hand.
                Err(_) => {
                    let why = if browser::is_secure_context() {
                        t().share_copy_manually
                    } else {
                        t().share_no_clipboard
                    };
                    ctx.tell_to_copy(format!("{why}{note}"), link);
                    // Focused once, as it appears: not again whenever the notices redraw.
                    browser::focus_after_render("[data-testid='copy-box']".into());
                }
            }
        });
    };
    let open_example = Callback::new(move |which: String| {
        let text = match which.as_str() {
            "small" => EXAMPLE_SMALL,
            "company" => EXAMPLE_COMPANY,
            _ => return,
        };
        // An example is a template: each opening is a portfolio of its own.
        match read_portfolio(text, t()) {
            Ok(portfolio) => {
                ctx.open_new(Portfolio { id: ctx.fresh_portfolio_id(), ..portfolio });
                ctx.select_first();
            }
            Err(why) => ctx.tell(why, true),
        }
    });

    view! {
        <div class="toolbar" role="toolbar" aria-label=text(|t| t.portfolio)>
            <div class="toolbar-group">
                <Choice
                    id="portfolio-choice"
                    label=tr(|t| t.portfolio)
                    value=Signal::derive(move || ctx.current().to_string())
                    on_change=Callback::new(move |i: String| {
                        if let Ok(i) = i.parse() {
                            ctx.switch_to(i);
                        }
                    })
                    groups=vec![]
                    dynamic=Signal::derive(library_options)
                />
                <TextField
                    id="portfolio-name"
                    label=tr(|t| t.portfolio_name)
                    value=Signal::derive(move || ctx.with_draft(|p| p.name.clone()))
                    on_change=Callback::new(move |name: String| ctx.rename(name))
                />
                <div class="buttons">
                    <button
                        type="button"
                        data-testid="new-portfolio"
                        on:click=move |_| {
                            ctx.open_new(Portfolio {
                                id: ctx.fresh_portfolio_id(),
                                name: t().untitled_portfolio.into(),
                                use_cases: Vec::new(),
                                ..Portfolio::default()
                            })
                        }
                    >
                        {text(|t| t.new_portfolio)}
                    </button>
                    <button
                        type="button"
                        class="danger"
                        data-testid="delete-portfolio"
                        on:click=move |_| ctx.delete_current(t().removed, t().untitled_portfolio)
                    >
                        {text(|t| t.delete_portfolio)}
                    </button>
                </div>
                // An action, not a setting: the chooser returns to its prompt once used.
                <div class="field">
                    <label for="example">{text(|t| t.examples)}</label>
                    <select
                        id="example"
                        data-testid="example"
                        on:change=move |ev| {
                            open_example.run(event_target_value(&ev));
                            if let Some(select) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                            {
                                select.set_value("");
                            }
                        }
                    >
                        <option value="">{text(|t| t.load_example)}</option>
                        <option value="small">{text(|t| t.example_small)}</option>
                        <option value="company">{text(|t| t.example_company)}</option>
                    </select>
                </div>
            </div>
            <div class="toolbar-group buttons">
                <button type="button" data-testid="export-json" on:click=export_json>
                    {text(|t| t.export_json)}
                </button>
                <label class="button file-button">
                    {text(|t| t.import_json)}
                    <input
                        type="file"
                        accept=".json,application/json"
                        data-testid="import-json"
                        on:change=import
                    />
                </label>
                <button type="button" data-testid="export-csv" on:click=export_csv>
                    {text(|t| t.export_csv)}
                </button>
                <button type="button" data-testid="share-link" on:click=share_link>
                    {text(|t| t.share_link)}
                </button>
            </div>
            <div class="toolbar-group">
                <Choice
                    id="language"
                    label=tr(|t| t.language)
                    value=Signal::derive(move || locale.get().tag().to_owned())
                    on_change=Callback::new(move |tag: String| {
                        if let Some(l) = Locale::from_tag(&tag) {
                            locale.set(l);
                            ctx.update_prefs(|p| p.locale = Some(tag));
                        }
                    })
                    groups=vec![
                        (
                            None,
                            Locale::ALL
                                .into_iter()
                                .map(|l| ChoiceOption::fixed(l.tag(), l.name()))
                                .collect(),
                        ),
                    ]
                />
                <Choice
                    id="theme"
                    label=tr(|t| t.theme)
                    value=Signal::derive(move || ctx.with_prefs(|p| p.theme.key().to_owned()))
                    on_change=Callback::new(move |theme: String| {
                        ctx.update_prefs(|p| p.theme = Theme::from_key(&theme).unwrap_or_default())
                    })
                    groups=vec![
                        (
                            None,
                            vec![
                                ChoiceOption::text(Theme::Auto.key(), |t| t.theme_auto),
                                ChoiceOption::text(Theme::Light.key(), |t| t.theme_light),
                                ChoiceOption::text(Theme::Dark.key(), |t| t.theme_dark),
                            ],
                        ),
                    ]
                />
            </div>
        </div>
    }
}

/// Choices that apply to every use case of the portfolio.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let estimator =
        Signal::derive(move || ctx.with_draft(|p| p.settings.llm_estimator.key().to_owned()));
    view! {
        <section class="settings panel" aria-labelledby="settings-title">
            <h2 id="settings-title">{text(|t| t.settings)}</h2>
            <Choice
                id="estimator"
                label=tr(|t| t.estimator)
                value=estimator
                on_change=Callback::new(move |chosen: String| {
                    if let Some(estimator) = LlmEstimator::from_key(&chosen) {
                        ctx.update_settings(|s| s.llm_estimator = estimator);
                    }
                })
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::text(LlmEstimator::Paper.key(), |t| t.estimator_paper),
                            ChoiceOption::text(
                                LlmEstimator::Ecologits.key(),
                                |t| t.estimator_ecologits,
                            ),
                        ],
                    ),
                ]
            />
            <div class="field checkbox">
                <input
                    type="checkbox"
                    id="include-prefill"
                    data-testid="include-prefill"
                    prop:checked=move || ctx.with_draft(|p| p.settings.include_prefill)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ctx.update_settings(|s| s.include_prefill = on);
                    }
                />
                <label for="include-prefill">{text(|t| t.include_prefill)}</label>
            </div>
            <ShadowPriceFields />
        </section>
    }
}

/// Carbon and water prices that put a money figure on the footprint beside the direct cost.
#[component]
fn ShadowPriceFields() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let field = move |price: ShadowPriceField,
                      label: Pick,
                      unit: &'static str,
                      get: fn(&ShadowPrices) -> f64,
                      set: fn(&mut ShadowPrices, f64),
                      max: f64| {
        // The field's id is its key in the file, hyphenated: `usd-per-tco2e`.
        let id = price.key().replace('_', "-");
        let path = FieldPath::Settings(SettingsField::ShadowPrice(price));
        view! {
            <NumberField
                id=id
                label=tr(label)
                unit=Signal::derive(move || unit)
                value=Signal::derive(move || ctx.with_draft(|p| get(&p.settings.shadow_prices)))
                on_change=Callback::new(move |v: f64| {
                    ctx.update_settings(|s| set(&mut s.shadow_prices, v))
                })
                error=Signal::derive(move || ctx.problem_for(&path).map(|p| t().problem(&p)))
                scale=SliderScale::Linear {
                    min: 0.0,
                    max,
                    step: max / 100.0,
                }
            />
        }
    };
    view! {
        <h3>{text(|t| t.shadow_prices)}</h3>
        <p class="hint">{text(|t| t.shadow_prices_hint)}</p>
        {field(
            ShadowPriceField::UsdPerTco2e,
            |t| t.carbon_price,
            "$/tCO₂e",
            |p| p.usd_per_tco2e,
            |p, v| p.usd_per_tco2e = v,
            500.0,
        )}
        {field(
            ShadowPriceField::UsdPerM3,
            |t| t.water_price,
            "$/m³",
            |p| p.usd_per_m3,
            |p, v| p.usd_per_m3 = v,
            10.0,
        )}
    }
}
