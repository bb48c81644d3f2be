//! The portfolio's use cases: one row each with its yearly carbon, the actions on it, and the
//! form of the one being edited; starters to add more.

use engine::portfolio::LlmTask;
use engine::presets::presets;
use engine::{Portfolio, PortfolioResult, Task, UseCaseId, Workload};
use leptos::prelude::*;

use super::controls::text;
use super::use_case_form::UseCaseForm;
use crate::browser;
use crate::format::{quantity, Quantity};
use crate::i18n::{locale, texts, Locale};
use crate::state::PortfolioCtx;

/// What a row shows of its use case.
#[derive(Debug, Clone, PartialEq, Default)]
struct RowFacts {
    /// Position in the portfolio.
    index: Option<usize>,
    /// Whether it is the last use case (which cannot move down).
    last: bool,
    /// Whether its form is open.
    open: bool,
    name: String,
    kind: Option<RowKind>,
    /// Yearly carbon, kgCO2e (None while the use case has never been valid).
    carbon_kg: Option<f64>,
    /// Carbon as a percentage of the largest use case's: the length of the row's bar.
    bar_percent: f64,
    /// The interface's language: rows read it from here rather than each from the language
    /// signal, which would then have thousands of readers.
    locale: Locale,
}

/// The kind of a use case, translated when shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RowKind {
    Llm(LlmTask),
    Task(Task),
    Training,
}

/// Every row's facts, in the portfolio's order.
fn row_facts(
    portfolio: &Portfolio,
    result: Option<&PortfolioResult>,
    open: Option<usize>,
    locale: Locale,
) -> Vec<RowFacts> {
    // By id: while the portfolio is invalid, the last good result may not line up with the
    // use cases (one removed, moved or added since). The same position is tried first.
    let carbon = |i: usize| {
        let id = &portfolio.use_cases.get(i)?.id;
        let result = result?;
        let found = result.use_cases.get(i).filter(|r| &r.id == id).or_else(|| result.use_case(id));
        Some(found?.per_year.carbon_total_kg().central)
    };
    let largest = (0..portfolio.use_cases.len()).filter_map(carbon).fold(0.0, f64::max);
    portfolio
        .use_cases
        .iter()
        .enumerate()
        .map(|(i, uc)| {
            let carbon_kg = carbon(i);
            RowFacts {
                index: Some(i),
                last: i + 1 == portfolio.use_cases.len(),
                open: open == Some(i),
                name: uc.name.clone(),
                kind: Some(match &uc.workload {
                    Workload::Llm(llm) => RowKind::Llm(llm.task),
                    Workload::Task(task) => RowKind::Task(task.task),
                    Workload::Training(_) => RowKind::Training,
                }),
                carbon_kg,
                bar_percent: carbon_kg.map_or(0.0, |kg| {
                    if largest > 0.0 {
                        kg / largest * 100.0
                    } else {
                        0.0
                    }
                }),
                locale,
            }
        })
        .collect()
}

/// Each row's signal by use-case id, in the portfolio's order once refreshed.
type RowSignals = Vec<(UseCaseId, ArcRwSignal<RowFacts>)>;

/// The signal of the row with this id, created if it has none yet.
fn signal_for(signals: &mut RowSignals, id: &UseCaseId) -> ArcRwSignal<RowFacts> {
    if let Some((_, signal)) = signals.iter().find(|(k, _)| k == id) {
        return signal.clone();
    }
    let signal = ArcRwSignal::default();
    signals.push((id.clone(), signal.clone()));
    signal
}

/// The rows whose facts changed, with their new facts; the signals are realigned with the ids
/// first (only when use cases were added, removed or moved). The caller sets them, outside the
/// store's lock.
fn changed_rows(
    signals: &mut RowSignals,
    ids: &[UseCaseId],
    facts: Vec<RowFacts>,
) -> Vec<(ArcRwSignal<RowFacts>, RowFacts)> {
    if !signals.iter().map(|(k, _)| k).eq(ids) {
        let mut previous = std::mem::take(signals);
        *signals = ids.iter().map(|id| (id.clone(), signal_for(&mut previous, id))).collect();
    }
    signals
        .iter()
        .zip(facts)
        .filter_map(|((_, signal), f)| {
            signal.with_untracked(|old| *old != f).then(|| (signal.clone(), f))
        })
        .collect()
}

/// The list of use cases and the starters.
#[component]
pub fn UseCaseList() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let is_empty = move || ctx.ids().with(Vec::is_empty);
    // One signal per row, set only when that row's facts change: a slider move then redraws
    // the edited row alone. Rows reading the portfolio directly would all re-run on every
    // edit, and Leptos unsubscribes a re-run reader in time linear in the readers: at 1,000
    // use cases that was 15 ms of every slider move.
    let signals = StoredValue::new(RowSignals::new());
    let locale = locale();
    let refresh = move || {
        let ids = ctx.ids().get();
        let open = ctx.with_selected(|s| s.and_then(|id| ids.iter().position(|k| k == id)));
        let locale = locale();
        let facts =
            ctx.with_draft(|p| ctx.result().with(|r| row_facts(p, r.as_deref(), open, locale)));
        let changed =
            signals.try_update_value(|s| changed_rows(s, &ids, facts)).unwrap_or_default();
        for (signal, f) in changed {
            signal.set(f);
        }
    };
    // Filled before the first render; kept up to date after each change.
    untrack(refresh);
    Effect::new(refresh);
    let signal_of =
        move |id: &UseCaseId| signals.try_update_value(|s| signal_for(s, id)).unwrap_or_default();

    // Only one page of rows is drawn: a thousand rows of controls take seconds to draw and
    // make every later redraw slower. Find-in-page cannot see rows not drawn, hence the search.
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0_usize);
    // From the names, not the portfolio: a slider move does not search again.
    let matching = Memo::new(move |_| {
        let needle = query.with(|q| q.trim().to_owned());
        if needle.is_empty() {
            return ctx.ids().get();
        }
        ctx.names().with(|names| {
            names
                .iter()
                .filter(|(_, name)| browser::contains_ignoring_case(name, &needle))
                .map(|(id, _)| id.clone())
                .collect()
        })
    });
    let pages = move || matching.with(|m| m.len().div_ceil(PAGE_ROWS).max(1));
    let shown = Memo::new(move |_| {
        let at = page.get().min(pages() - 1) * PAGE_ROWS;
        matching.with(|m| m.iter().skip(at).take(PAGE_ROWS).cloned().collect::<Vec<_>>())
    });
    // A page emptied by removals or a search goes back to the last page there is.
    Effect::new(move |_| {
        let last = pages() - 1;
        if page.get_untracked() > last {
            page.set(last);
        }
    });
    // A use case opened elsewhere (added, duplicated, restored) is brought into view.
    Effect::new(move |_| {
        let Some(id) = ctx.with_selected(|s| s.cloned()) else { return };
        let position = matching.with_untracked(|m| m.iter().position(|k| *k == id));
        match position {
            Some(i) => page.set(i / PAGE_ROWS),
            None if !query.get_untracked().is_empty() => query.set(String::new()),
            None => {}
        }
    });
    let remove = Callback::new(move |id: UseCaseId| {
        // Focus moves to the next row (or the one before, at the end), not to the page.
        let next = shown.with_untracked(|s| {
            let i = s.iter().position(|k| *k == id)?;
            s.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| s.get(j))).cloned()
        });
        ctx.remove(&id, texts()().removed);
        browser::focus_after_render(match next {
            Some(next) => format!("#{} .row-title", row_dom_id(&next)),
            None => "#use-cases-title".to_owned(),
        });
    });
    let at_last = move || page.get() + 1 >= pages();
    let searchable = move || ctx.ids().with(|ids| ids.len() >= SEARCH_FROM);
    let total = move || matching.with(Vec::len);
    let range = move || {
        let at = page.get().min(pages() - 1) * PAGE_ROWS;
        let shown = shown.with(Vec::len);
        let first = if shown == 0 { 0 } else { at + 1 };
        (texts()().rows_shown)(first, at + shown, total())
    };
    view! {
        <section class="use-cases panel" aria-labelledby="use-cases-title" data-testid="use-cases">
            <h2 id="use-cases-title" tabindex="-1">
                {text(|t| t.use_cases)}
            </h2>
            <Show when=is_empty>
                <p class="empty">{text(|t| t.empty_portfolio)}</p>
            </Show>
            <Show when=searchable>
                <div class="field list-search">
                    <label for="use-case-search">{text(|t| t.find_use_case)}</label>
                    <input
                        id="use-case-search"
                        type="search"
                        data-testid="use-case-search"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            page.set(0);
                        }
                    />
                </div>
            </Show>
            <Show when=move || {
                !is_empty() && (total() > PAGE_ROWS || !query.with(String::is_empty))
            }>
                <nav class="pager" aria-label=text(|t| t.use_cases) data-testid="pager">
                    <button
                        type="button"
                        data-testid="page-previous"
                        disabled=move || page.get() == 0
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                    >
                        {text(|t| t.previous_page)}
                    </button>
                    <span aria-live="polite" data-testid="page-range">
                        {range}
                    </span>
                    <button
                        type="button"
                        data-testid="page-next"
                        disabled=at_last
                        on:click=move |_| page.update(|p| *p += 1)
                    >
                        {text(|t| t.next_page)}
                    </button>
                </nav>
            </Show>
            <ol class="use-case-list">
                <For each=move || shown.get() key=UseCaseId::render_key let:id>
                    <UseCaseRow facts=signal_of(&id) id=id remove=remove />
                </For>
            </ol>
            <Starters />
        </section>
    }
}

/// Rows drawn per page.
const PAGE_ROWS: usize = 50;
/// From how many use cases the list has a search box.
const SEARCH_FROM: usize = 10;

/// The DOM id of a use case's row.
fn row_dom_id(id: &UseCaseId) -> String {
    format!("row-{}", id.render_key())
}

/// One use case: name, kind, yearly carbon and its share, actions, and its form when open.
#[component]
fn UseCaseRow(
    /// Stable id of the use case.
    id: UseCaseId,
    /// What the row shows, updated only when it changes.
    facts: ArcRwSignal<RowFacts>,
    /// Removes the use case (and moves focus on).
    remove: Callback<UseCaseId>,
) -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let facts = RwSignal::from(facts);
    let t = move || facts.with(|f| f.locale.texts());
    let index = move || facts.with(|f| f.index);
    let name = move || facts.with(|f| f.name.clone());
    let kind = move || {
        facts.with(|f| {
            let t = f.locale.texts();
            match f.kind {
                Some(RowKind::Llm(task)) => (t.llm_task)(task),
                Some(RowKind::Task(task)) => (t.task_name)(task),
                Some(RowKind::Training) => t.kind_training,
                None => "",
            }
        })
    };
    let open = move || facts.with(|f| f.open);
    let dom_id = row_dom_id(&id);
    let id = StoredValue::new(id);
    let toggle = move |_| ctx.toggle_selected(&id.read_value());
    view! {
        <li class="use-case-row" class:open=open data-testid="use-case-row" id=dom_id>
            <div class="row-summary">
                <button
                    type="button"
                    class="row-title"
                    aria-expanded=move || open().to_string()
                    on:click=toggle
                    data-testid="use-case-toggle"
                >
                    <span class="row-name">{name}</span>
                    <span class="row-kind">{kind}</span>
                </button>
                <span class="row-carbon" data-testid="use-case-carbon">
                    {move || facts.with(|f| f.carbon_kg.map(|kg| quantity(Quantity::Carbon, kg)))}
                </span>
                <span class="row-share" aria-hidden="true">
                    <svg viewBox="0 0 100 6" preserveAspectRatio="none" width="100%" height="6">
                        <rect x="0" y="0" width="100" height="6" class="bar-track" />
                        <rect
                            x="0"
                            y="0"
                            height="6"
                            class="bar-fill"
                            width=move || facts.with(|f| f.bar_percent)
                        />
                    </svg>
                </span>
                <div class="row-actions">
                    <button type="button" on:click=toggle>
                        {move || if open() { t().close } else { t().edit }}
                    </button>
                    <button
                        type="button"
                        data-testid="duplicate"
                        on:click=move |_| {
                            if let Err(full) = ctx.duplicate(&id.read_value(), t().copy_suffix) {
                                ctx.tell_full(full);
                            }
                        }
                    >
                        {move || t().duplicate}
                    </button>
                    <button
                        type="button"
                        aria-label=move || format!("{} {}", t().move_up, name())
                        title=move || t().move_up
                        disabled=move || index() == Some(0)
                        on:click=move |_| ctx.shift(&id.read_value(), true)
                    >
                        "↑"
                    </button>
                    <button
                        type="button"
                        aria-label=move || format!("{} {}", t().move_down, name())
                        title=move || t().move_down
                        disabled=move || facts.with(|f| f.last)
                        on:click=move |_| ctx.shift(&id.read_value(), false)
                    >
                        "↓"
                    </button>
                    <button
                        type="button"
                        class="danger"
                        data-testid="remove"
                        on:click=move |_| remove.run(id.get_value())
                    >
                        {move || t().remove}
                    </button>
                </div>
            </div>
            <Show when=open>
                <UseCaseForm id=id.get_value() />
            </Show>
        </li>
    }
}

/// Buttons that add a starter use case.
#[component]
fn Starters() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    view! {
        <div class="starters" data-testid="starters">
            <h3>{text(|t| t.add_use_case)}</h3>
            <p class="hint">{text(|t| t.add_from_preset)}</p>
            <div class="starter-buttons">
                {presets()
                    .into_iter()
                    .map(|preset| {
                        let id = preset.id;
                        let use_case = preset.use_case;
                        view! {
                            <button
                                type="button"
                                data-testid=format!("preset-{id}")
                                on:click=move |_| {
                                    let mut uc = use_case.clone();
                                    uc.name = (t().preset_name)(id).to_owned();
                                    if let Err(full) = ctx.add_use_case(uc) {
                                        ctx.tell_full(full);
                                    }
                                }
                            >
                                "+ "
                                {move || (t().preset_name)(id)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{evaluate_portfolio, UseCase};

    fn three() -> Portfolio {
        let mut p = Portfolio::default();
        for name in ["B", "C"] {
            p.add(UseCase { name: name.into(), ..UseCase::default() });
        }
        p
    }

    fn facts(p: &Portfolio, open: Option<usize>) -> Vec<RowFacts> {
        row_facts(p, evaluate_portfolio(p).ok().as_ref(), open, Locale::En)
    }

    fn ids(p: &Portfolio) -> Vec<UseCaseId> {
        p.use_cases.iter().map(|uc| uc.id.clone()).collect()
    }

    #[test]
    fn facts_carry_what_each_row_shows() {
        let mut p = three();
        p.use_cases[1].volume = engine::Volume::PerYear { per_year: 1e9 };
        let f = facts(&p, Some(2));
        assert_eq!(
            f.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["Customer-support chatbot", "B", "C"]
        );
        assert_eq!(f[1].bar_percent, 100.0, "the largest use case fills its bar");
        assert!(f[0].bar_percent > 0.0 && f[0].bar_percent < 100.0);
        assert_eq!(
            f.iter().map(|r| (r.open, r.last)).collect::<Vec<_>>(),
            [(false, false), (false, false), (true, true)]
        );
        assert_eq!(row_facts(&p, None, None, Locale::En)[0].carbon_kg, None, "never valid");
    }

    #[test]
    fn an_edit_to_one_use_case_changes_only_its_row() {
        let mut p = three();
        // The second use case is the largest, so editing the third leaves every bar but its own.
        p.use_cases[1].volume = engine::Volume::PerYear { per_year: 1e9 };
        let keys = ids(&p);
        let mut signals = RowSignals::new();
        let fill = changed_rows(&mut signals, &keys, facts(&p, None));
        assert_eq!(fill.len(), 3, "every row differs from its empty start");
        for (signal, f) in fill {
            signal.set(f);
        }
        assert!(changed_rows(&mut signals, &keys, facts(&p, None)).is_empty());
        let Workload::Llm(llm) = &mut p.use_cases[2].workload else { unreachable!() };
        llm.output_tokens *= 2.0;
        let changed = changed_rows(&mut signals, &keys, facts(&p, None));
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].1.name, "C");
    }

    #[test]
    fn rows_keep_their_signals_when_use_cases_move_and_lose_them_when_removed() {
        let mut signals = RowSignals::new();
        let p = three();
        let all = ids(&p);
        changed_rows(&mut signals, &all, facts(&p, None));
        let second = signal_for(&mut signals, &all[1]);
        changed_rows(&mut signals, &all[1..], facts(&without_first(p), None));
        assert_eq!(signals.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), all[1..]);
        second.set(RowFacts { name: "marker".into(), ..RowFacts::default() });
        let kept = signal_for(&mut signals, &all[1]).with_untracked(|f| f.name == "marker");
        assert!(kept, "the same row keeps the same signal");
    }

    /// The bug this pins: results were read by position, so after a removal while the
    /// portfolio was invalid (its last good result still holding the removed one) every row
    /// showed its neighbour's carbon.
    #[test]
    fn rows_read_their_own_result_when_the_last_good_one_no_longer_lines_up() {
        let mut p = three();
        p.use_cases[1].volume = engine::Volume::PerYear { per_year: 1e9 };
        let last_good = evaluate_portfolio(&p).expect("valid");
        let shown = without_first(p);
        let facts = row_facts(&shown, Some(&last_good), None, Locale::En);
        let own = |i: usize| {
            last_good.use_case(&shown.use_cases[i].id).map(|r| r.per_year.carbon_total_kg().central)
        };
        assert_eq!(facts[0].carbon_kg, own(0));
        assert_eq!(facts[1].carbon_kg, own(1));
        assert_ne!(
            facts[0].carbon_kg,
            Some(last_good.use_cases[0].per_year.carbon_total_kg().central)
        );
    }

    fn without_first(mut p: Portfolio) -> Portfolio {
        p.use_cases.remove(0);
        p
    }
}
