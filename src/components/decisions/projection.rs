//! The projection to 2030 (or 2035) under the published scenarios or adjusted factors: a line
//! chart with the chosen scenario's range, a table alternative, and the drivers of the change.

use engine::decision::projection::{
    project, Drivers, GridPath, Projection, Scenario, BASE_YEAR, TARGET_YEAR,
};
use engine::refdata::{grid_pathways, sources};
use engine::validate::validate_scenario;
use engine::Estimate;
use leptos::prelude::*;

use super::sources_line;
use crate::browser;
use crate::components::controls::{text, tr, Choice, ChoiceOption};
use crate::components::number_field::{NumberField, SliderScale};
use crate::format::{quantity, range, Quantity};
use crate::i18n::{texts, Pick};
use crate::state::PortfolioCtx;

/// The id of the scenario the user adjusted.
const CUSTOM: &str = "custom";
/// The furthest year offered.
const LAST_YEAR: u16 = 2035;

/// Which indicator the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Energy,
    Carbon,
    Water,
}

impl Shown {
    fn of(self, point: &engine::decision::projection::YearPoint) -> Estimate {
        match self {
            Shown::Energy => point.energy_kwh,
            Shown::Carbon => point.carbon_kg,
            Shown::Water => point.water_l,
        }
    }

    fn quantity(self) -> Quantity {
        match self {
            Shown::Energy => Quantity::Energy,
            Shown::Carbon => Quantity::Carbon,
            Shown::Water => Quantity::Water,
        }
    }
}

/// One adjustable factor of a scenario: id, label, unit, how it reads and writes the scenario
/// (in the unit shown), and its slider.
struct Factor {
    id: &'static str,
    label: Pick,
    unit: Pick,
    get: fn(&Scenario) -> f64,
    set: fn(&mut Scenario, f64),
    scale: SliderScale,
}

const FACTORS: [Factor; 10] = [
    Factor {
        id: "growth-genai",
        label: |t| t.growth_genai,
        unit: |t| t.percent_per_year,
        get: |s| s.usage_cagr[0] * 100.0,
        set: |s, v| s.usage_cagr[0] = v / 100.0,
        scale: SliderScale::Linear { min: -20.0, max: 100.0, step: 1.0 },
    },
    Factor {
        id: "growth-agentic",
        label: |t| t.growth_agentic,
        unit: |t| t.percent_per_year,
        get: |s| s.usage_cagr[1] * 100.0,
        set: |s, v| s.usage_cagr[1] = v / 100.0,
        scale: SliderScale::Linear { min: -20.0, max: 100.0, step: 1.0 },
    },
    Factor {
        id: "growth-traditional",
        label: |t| t.growth_traditional,
        unit: |t| t.percent_per_year,
        get: |s| s.usage_cagr[2] * 100.0,
        set: |s, v| s.usage_cagr[2] = v / 100.0,
        scale: SliderScale::Linear { min: -20.0, max: 100.0, step: 1.0 },
    },
    Factor {
        id: "model-size-factor",
        label: |t| t.model_size_factor,
        unit: |t| t.times_by_2030,
        get: |s| s.model_size,
        set: |s, v| s.model_size = v,
        scale: SliderScale::Linear { min: 0.1, max: 10.0, step: 0.1 },
    },
    Factor {
        id: "tokens-factor",
        label: |t| t.tokens_factor,
        unit: |t| t.times_by_2030,
        get: |s| s.output_tokens,
        set: |s, v| s.output_tokens = v,
        scale: SliderScale::Linear { min: 0.1, max: 10.0, step: 0.1 },
    },
    Factor {
        id: "hardware-factor",
        label: |t| t.hardware_factor,
        unit: |t| t.times_by_2030,
        get: |s| s.hardware_gain,
        set: |s, v| s.hardware_gain = v,
        scale: SliderScale::Linear { min: 1.0, max: 30.0, step: 0.1 },
    },
    Factor {
        id: "quantisation-factor",
        label: |t| t.quantisation_factor,
        unit: |t| t.times_by_2030,
        get: |s| s.quantisation,
        set: |s, v| s.quantisation = v,
        scale: SliderScale::Linear { min: 1.0, max: 4.0, step: 0.05 },
    },
    Factor {
        id: "pue-2030",
        label: |t| t.pue_2030,
        unit: |t| t.pue_hint,
        get: |s| s.pue,
        set: |s, v| s.pue = v,
        scale: SliderScale::Linear { min: 1.0, max: 2.0, step: 0.01 },
    },
    Factor {
        id: "embodied-factor",
        label: |t| t.embodied_factor,
        unit: |t| t.times_by_2030,
        get: |s| s.embodied_per_unit,
        set: |s, v| s.embodied_per_unit = v,
        scale: SliderScale::Linear { min: 0.1, max: 2.0, step: 0.05 },
    },
    Factor {
        id: "grid-change",
        label: |t| t.grid_change,
        unit: |t| t.percent_by_2030,
        get: |s| s.grid_change * 100.0,
        set: |s, v| s.grid_change = v / 100.0,
        scale: SliderScale::Linear { min: -100.0, max: 50.0, step: 1.0 },
    },
];

#[component]
pub fn ProjectionView() -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let t = texts();
    let presets = Scenario::presets();
    // The scenario being looked at, kept with the portfolio (so a reload or a share link shows
    // it again): a preset, or the user's adjusted copy of one.
    // A scenario that is not exactly a preset (one adjusted here, or written by hand in a file
    // under any id) is shown as the adjusted one.
    let working = Memo::new(move |_| {
        let presets = Scenario::presets();
        match ctx.with_draft(|p| p.settings.scenario.clone()) {
            None => presets[0].clone(),
            Some(s) if presets.contains(&s) => s,
            Some(s) => Scenario { id: CUSTOM.to_owned(), ..s },
        }
    });
    let set_working = move |s: Scenario| {
        // The default scenario is written as no scenario, so that files stay as they were.
        let default = Scenario::presets().remove(0);
        ctx.update_settings(|settings| settings.scenario = (s != default).then_some(s));
    };
    let edit_working = move |change: &dyn Fn(&mut Scenario)| {
        let mut s = working.get_untracked();
        change(&mut s);
        set_working(s);
    };
    let end_year = RwSignal::new(TARGET_YEAR);
    let shown = RwSignal::new(Shown::Carbon);
    // Typed factors the engine would refuse, by factor id: they never reach the portfolio.
    let refused = RwSignal::new(Vec::<&'static str>::new());
    let projections = ctx.when_valid(move |p, r| {
        let working = working.get();
        let end = end_year.get();
        let mut all: Vec<Projection> =
            Scenario::presets().iter().map(|s| project(p, r, s, end)).collect();
        if working.id == CUSTOM {
            all.push(project(p, r, &working, end));
        }
        all
    });
    let chosen = Memo::new(move |_| working.with(|w| w.id.clone()));

    let mut options: Vec<ChoiceOption> = presets
        .iter()
        .map(|s| {
            let id = s.id.clone();
            ChoiceOption::translated(s.id.clone(), move || (t().scenario_name)(&id).to_owned())
        })
        .collect();
    options.push(ChoiceOption::text(CUSTOM, |t| t.scenario_custom));
    let choose = Callback::new(move |id: String| {
        if let Some(s) = Scenario::presets().into_iter().find(|s| s.id == id) {
            set_working(s);
            refused.set(Vec::new());
        }
    });
    let factor_fields = FACTORS
        .into_iter()
        .map(|f| {
            let Factor { id, label, unit, get, set, scale } = f;
            // The uniform grid change means nothing while grids follow their regional pathways.
            let applies =
                move || id != "grid-change" || working.with(|w| w.grid_path == GridPath::Uniform);
            view! {
                <Show when=applies>
                    <NumberField
                        id=id
                        label=tr(label)
                        unit=tr(unit)
                        value=Signal::derive(move || working.with(get))
                        on_change=Callback::new(move |v: f64| {
                            refused.update(|r| r.retain(|x| *x != id));
                            let mut candidate = working.get_untracked();
                            set(&mut candidate, v);
                            candidate.id = CUSTOM.to_owned();
                            if validate_scenario(&candidate).is_empty() {
                                set_working(candidate);
                            } else {
                                refused.update(|r| r.push(id));
                            }
                        })
                        error=Signal::derive(move || {
                            refused
                                .with(|r| r.contains(&id))
                                .then(|| t().factor_out_of_range.to_owned())
                        })
                        scale=scale
                    />
                </Show>
            }
        })
        .collect_view();

    let export_csv = move |_| {
        let name = ctx.with_draft_untracked(|p| format!("{}-projection", p.name));
        let csv = projections.with_untracked(|all| engine::report::projections_csv(all));
        let file = browser::dated_file_name(&name, "csv");
        if let Err(e) = browser::download(&file, "text/csv", &csv) {
            ctx.tell((t().download_failed)(&e), true);
        }
    };
    let drivers = move || {
        projections
            .with(|all| all.iter().find(|p| p.scenario == chosen.get()).map(|p| p.drivers))
            .unwrap_or_default()
    };
    let driver_rows = move || {
        let d: Drivers = drivers();
        let texts = t();
        [
            (texts.driver_usage, d.usage),
            (texts.driver_model_size, d.model_size),
            (texts.driver_tokens, d.tokens),
            (texts.driver_hardware, d.hardware),
            (texts.driver_quantisation, d.quantisation),
            (texts.driver_pue, d.pue),
            (texts.driver_grid, d.grid),
            (texts.driver_embodied, d.embodied),
        ]
        .into_iter()
        .map(|(name, kg)| {
            let sign = if kg > 0.0 { "+" } else { "" };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{format!("{sign}{}", quantity(Quantity::Carbon, kg))}</td>
                </tr>
            }
        })
        .collect_view()
    };
    let year_rows = move || {
        let kind = shown.get();
        projections.with(|all| {
            all.iter().find(|p| p.scenario == chosen.get()).map(|p| {
                p.years
                    .iter()
                    .enumerate()
                    .map(|(k, y)| {
                        let e = kind.of(y);
                        let segments = p
                            .by_segment
                            .iter()
                            .map(|s| {
                                let v = s.get(k).map_or(0.0, |s| kind.of(s).central);
                                view! { <td>{quantity(kind.quantity(), v)}</td> }
                            })
                            .collect_view();
                        view! {
                            <tr>
                                <th scope="row">{y.year}</th>
                                <td>{quantity(kind.quantity(), e.central)}</td>
                                <td>{range(kind.quantity(), e.low, e.high)}</td>
                                {segments}
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <h2 id="projection-title">{move || (t().projection_title)(end_year.get())}</h2>
        <div class="field-row">
            <Choice
                id="scenario"
                label=tr(|t| t.scenario)
                value=Signal::derive(move || chosen.get())
                on_change=choose
                groups=vec![(None, options)]
            />
            <Choice
                id="projection-end"
                label=tr(|t| t.projection_end)
                value=Signal::derive(move || end_year.get().to_string())
                on_change=Callback::new(move |v: String| {
                    if let Ok(year) = v.parse::<u16>() {
                        end_year.set(year.clamp(TARGET_YEAR, LAST_YEAR));
                    }
                })
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::fixed(TARGET_YEAR.to_string(), TARGET_YEAR.to_string()),
                            ChoiceOption::fixed(LAST_YEAR.to_string(), LAST_YEAR.to_string()),
                        ],
                    ),
                ]
            />
            <Choice
                id="projection-indicator"
                label=tr(|t| t.indicator)
                value=Signal::derive(move || format!("{:?}", shown.get()))
                on_change=Callback::new(move |v: String| {
                    shown
                        .set(
                            match v.as_str() {
                                "Energy" => Shown::Energy,
                                "Water" => Shown::Water,
                                _ => Shown::Carbon,
                            },
                        )
                })
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::text("Carbon", |t| t.carbon),
                            ChoiceOption::text("Energy", |t| t.energy),
                            ChoiceOption::text("Water", |t| t.water),
                        ],
                    ),
                ]
            />
        </div>
        <details class="advanced" data-testid="scenario-factors">
            <summary>{text(|t| t.scenario_factors)}</summary>
            <p class="hint">{text(|t| t.scenario_factors_hint)}</p>
            <Choice
                id="grid-path"
                label=tr(|t| t.grid_path)
                value=Signal::derive(move || {
                    match working.with(|w| w.grid_path) {
                        GridPath::Uniform => "uniform",
                        GridPath::Oecm => "oecm",
                    }
                        .to_owned()
                })
                on_change=Callback::new(move |v: String| {
                    let path = if v == "oecm" { GridPath::Oecm } else { GridPath::Uniform };
                    if working.with_untracked(|w| w.grid_path != path) {
                        edit_working(
                            &|w| {
                                w.grid_path = path;
                                w.id = CUSTOM.to_owned();
                            },
                        );
                    }
                })
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::text("uniform", |t| t.grid_path_uniform),
                            ChoiceOption::text("oecm", |t| t.grid_path_oecm),
                        ],
                    ),
                ]
            />
            {factor_fields}
        </details>
        <p class="hint" data-testid="assumptions">
            {move || working.with(|w| (t().assumptions)(w))}
        </p>
        {move || {
            let mut cited = vec![&sources::CAPGEMINI_2025];
            if working.with(|w| w.grid_path == GridPath::Oecm) {
                cited.push(grid_pathways::SOURCE);
            }
            sources_line(cited)
        }}
        <ScenarioChart projections=projections chosen=chosen shown=shown />
        <button type="button" data-testid="export-projection" on:click=export_csv>
            {text(|t| t.export_projection)}
        </button>
        <details class="advanced">
            <summary>{text(|t| t.show_table)}</summary>
            <table class="years" data-testid="projection-table">
                <thead>
                    <tr>
                        <th scope="col">{text(|t| t.year)}</th>
                        <th scope="col">{text(|t| t.central)}</th>
                        <th scope="col">{text(|t| t.range)}</th>
                        <th scope="col">{text(|t| t.segment_genai)}</th>
                        <th scope="col">{text(|t| t.segment_agentic)}</th>
                        <th scope="col">{text(|t| t.segment_traditional)}</th>
                    </tr>
                </thead>
                <tbody>{year_rows}</tbody>
            </table>
        </details>
        <table class="drivers" data-testid="drivers">
            <caption>{move || (t().drivers_title)(BASE_YEAR, end_year.get())}</caption>
            <tbody>{driver_rows}</tbody>
        </table>
    }
}

const CHART_WIDTH: f64 = 720.0;
const CHART_HEIGHT: f64 = 240.0;
const MARGIN_LEFT: f64 = 90.0;
const MARGIN_RIGHT: f64 = 270.0;
/// Smallest vertical gap between two end-of-line labels, so that close lines stay readable.
const LABEL_GAP: f64 = 13.0;

/// A round step (1, 2, 2.5 or 5 times a power of ten) of at least `raw`; 0 for nothing to show.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 0.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw);
    step.unwrap_or(10.0 * magnitude)
}

/// End-of-line label positions: each line's last y, pushed down where labels would overlap.
fn spread_labels(ends: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ends.len()).collect();
    engine::order::sort_by(&mut order, |a, b| ends[*a].total_cmp(&ends[*b]));
    let mut placed = ends.to_vec();
    let mut previous = f64::NEG_INFINITY;
    for i in order {
        placed[i] = ends[i].max(previous + LABEL_GAP);
        previous = placed[i];
    }
    placed
}

/// Each scenario's yearly figure, the chosen one drawn bold over its range.
#[component]
fn ScenarioChart(
    projections: Memo<Vec<Projection>>,
    chosen: Memo<String>,
    shown: RwSignal<Shown>,
) -> impl IntoView {
    let t = texts();
    let lines = move || {
        let kind = shown.get();
        let all = projections.get();
        let chosen = chosen.get();
        let max = all
            .iter()
            .flat_map(|p| {
                let bold = p.scenario == chosen;
                p.years.iter().map(move |y| if bold { kind.of(y).high } else { kind.of(y).central })
            })
            .fold(0.0_f64, f64::max);
        let last_year = all.first().and_then(|p| p.years.last()).map_or(TARGET_YEAR, |y| y.year);
        let span = f64::from(last_year - BASE_YEAR).max(1.0);
        let x = |year: u16| {
            MARGIN_LEFT
                + f64::from(year - BASE_YEAR) / span * (CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
        };
        // The value axis runs to a round figure above the highest point, in four or five
        // round steps, each with its label and a grid line.
        let step = nice_step(max / 4.0);
        let top = if step > 0.0 { (max / step).ceil() * step } else { 0.0 };
        let y = |v: f64| {
            if top > 0.0 {
                CHART_HEIGHT - 20.0 - v / top * (CHART_HEIGHT - 40.0)
            } else {
                CHART_HEIGHT - 20.0
            }
        };
        let ticks = (0..=if step > 0.0 { (top / step).round() as usize } else { 0 })
            .map(|i| {
                let v = i as f64 * step;
                view! {
                    <line x1=MARGIN_LEFT x2=x(last_year) y1=y(v) y2=y(v) class="grid-line" />
                    <text x="0" y=y(v) + 4.0 class="chart-value">
                        {if i == 0 { "0".to_owned() } else { quantity(kind.quantity(), v) }}
                    </text>
                }
            })
            .collect_view();
        // Every year, or every other one on a long horizon, so that the labels never touch.
        let every = if last_year - BASE_YEAR > 8 { 2 } else { 1 };
        let years = (BASE_YEAR..=last_year)
            .filter(|year| (year - BASE_YEAR).is_multiple_of(every) || *year == last_year)
            .map(|year| {
                view! {
                    <text x=x(year) y=CHART_HEIGHT - 2.0 class="chart-value year-label">
                        {year}
                    </text>
                }
            })
            .collect_view();
        let axis = (ticks, years);
        // The chosen scenario's range: its high line forward, its low line back.
        let band = all.iter().find(|p| p.scenario == chosen).map(|p| {
            let high =
                p.years.iter().map(|pt| format!("{:.1},{:.1}", x(pt.year), y(kind.of(pt).high)));
            let low = p
                .years
                .iter()
                .rev()
                .map(|pt| format!("{:.1},{:.1}", x(pt.year), y(kind.of(pt).low)));
            let points = high.chain(low).collect::<Vec<_>>().join(" ");
            view! { <polygon points=points class="scenario-band" /> }
        });
        let label_ys = spread_labels(
            &all.iter()
                .map(|p| p.years.last().map_or(0.0, |pt| y(kind.of(pt).central)))
                .collect::<Vec<_>>(),
        );
        let paths = all
            .into_iter()
            .zip(label_ys)
            .map(|(p, label_y)| {
                let points = p
                    .years
                    .iter()
                    .map(|pt| format!("{:.1},{:.1}", x(pt.year), y(kind.of(pt).central)))
                    .collect::<Vec<_>>()
                    .join(" ");
                let bold = p.scenario == chosen;
                let id = p.scenario.clone();
                let name = move || {
                    if id == CUSTOM {
                        t().scenario_custom
                    } else {
                        (t().scenario_name)(&id)
                    }
                };
                view! {
                    <polyline points=points class="scenario-line" class:chosen=bold />
                    <text
                        x=x(last_year) + 6.0
                        y=label_y + 4.0
                        class="chart-label"
                        class:chosen=bold
                    >
                        {name}
                    </text>
                }
            })
            .collect_view();
        (band, axis, paths)
    };
    view! {
        <figure class="chart" data-testid="projection-chart">
            <figcaption id="projection-caption">{text(|t| t.projection_caption)}</figcaption>
            // On a narrow screen the chart keeps a readable size and scrolls sideways inside
            // this box (focusable, so the keyboard can scroll it too), never the page.
            <div
                class="chart-scroll"
                tabindex="0"
                aria-labelledby="projection-caption"
                role="group"
            >
                <svg
                    role="img"
                    aria-labelledby="projection-caption"
                    viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}")
                    class="line-chart"
                >
                    {lines}
                </svg>
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_steps_are_round() {
        assert_eq!(nice_step(2.34), 2.5);
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1_234.0), 2_000.0);
        assert_eq!(nice_step(5.0), 5.0);
        assert_eq!(nice_step(0.0), 0.0);
    }

    #[test]
    fn close_labels_are_pushed_apart_in_order() {
        let placed = spread_labels(&[100.0, 50.0, 105.0, 200.0]);
        assert_eq!(placed, [100.0, 50.0, 113.0, 200.0]);
    }
}
