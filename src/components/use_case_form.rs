//! The form of one use case, in plain language: what it is, how often it runs, where, at what
//! price, and an advanced section for the data-centre factors.

use engine::field::{CostField, FieldPath, SiteField, UseCaseField, VolumeField, WorkloadField};
use engine::portfolio::{
    ComputeBasis, Cost, CostBasis, LlmTask, LlmWorkload, ModelChoice, ModelSize, Site, Task,
    TaskWorkload, TrainingCompute, TrainingRun, UseCase, Volume, VolumeBasis, Workload,
    WorkloadKind,
};
use engine::refdata::{accelerators, llm_models, locations, Location};
use engine::validate::limits;
use engine::{Keyed, UseCaseId, UseCaseResult};
use leptos::prelude::*;

use super::avoided_fields::AvoidedFields;
use super::controls::{text, tr, Choice, ChoiceOption, TextField};
use super::number_field::{NumberField, SliderScale};
use super::use_case_fields::{
    NumberRow, API_PRICES, CARBON_FREE_SHARE, CUSTOM_MODEL, ELECTRICITY_PRICE, PER_DAY, PER_USER,
    TOKENS, TRAINING_FLOPS, TRAINING_HOURS,
};
use crate::browser;
use crate::i18n::{locale, texts, Locale, Pick};
use crate::state::PortfolioCtx;

/// Reads and edits the use case with a given id, wherever it sits in the list.
#[derive(Clone, Copy)]
pub struct Editing {
    pub(crate) ctx: PortfolioCtx,
    id: StoredValue<UseCaseId>,
    /// Its position now: where its problems are.
    index: Memo<Option<usize>>,
}

impl Editing {
    /// A reactive read of the use case. Takes a function pointer, not a closure: one
    /// instantiation per result type keeps the wasm small.
    pub(crate) fn read<T: Default + Send + Sync + 'static>(
        self,
        f: fn(&UseCase) -> T,
    ) -> Signal<T> {
        Signal::derive(move || {
            let i = self.index.get();
            self.ctx.with_draft(|p| i.and_then(|i| p.use_cases.get(i)).map(f).unwrap_or_default())
        })
    }

    /// A reactive read of one optional number inside a part of the use case (its volume, cost
    /// or site), 0 when absent; function pointers again, for the same reason.
    fn read_in<A: 'static>(
        self,
        part: fn(&UseCase) -> &A,
        get: fn(&A) -> Option<f64>,
    ) -> Signal<f64> {
        Signal::derive(move || {
            let i = self.index.get();
            self.ctx.with_draft(|p| {
                i.and_then(|i| p.use_cases.get(i)).and_then(|uc| get(part(uc))).unwrap_or_default()
            })
        })
    }

    /// Whether one optional number inside a part of the use case is set.
    fn is_set_in<A: 'static>(
        self,
        part: fn(&UseCase) -> &A,
        get: fn(&A) -> Option<f64>,
    ) -> Signal<bool> {
        Signal::derive(move || {
            let i = self.index.get();
            self.ctx.with_draft(|p| {
                i.and_then(|i| p.use_cases.get(i)).is_some_and(|uc| get(part(uc)).is_some())
            })
        })
    }

    /// A number of the use case, from its row of a table.
    fn number(self, row: &NumberRow) -> impl IntoView {
        let NumberRow { id, label, unit, field, get, set, scale } = *row;
        let value = self.read_in(|uc| uc, get);
        view! {
            <NumberField
                id=id
                label=tr(label)
                unit=tr(unit)
                value=value
                on_change=Callback::new(move |v: f64| self.edit(|uc| set(uc, v)))
                error=self.error(field)
                scale=scale
            />
        }
    }

    /// The numbers of a table, in order.
    fn numbers(self, rows: &'static [NumberRow]) -> impl IntoView {
        rows.iter().map(|row| self.number(row)).collect_view()
    }

    /// A figure of this use case's last good result (0 while it has none), found by id.
    pub(crate) fn result_figure(self, get: fn(&UseCaseResult) -> f64) -> Signal<f64> {
        Signal::derive(move || {
            let id = self.id.get_value();
            self.ctx.result().with(|r| r.as_ref().and_then(|r| r.use_case(&id)).map_or(0.0, get))
        })
    }

    pub(crate) fn edit(self, change: impl FnOnce(&mut UseCase)) {
        self.ctx.update_use_case(&self.id.read_value(), change);
    }

    fn edit_llm(self, change: impl FnOnce(&mut LlmWorkload)) {
        self.edit(|uc| {
            if let Workload::Llm(llm) = &mut uc.workload {
                change(llm);
            }
        });
    }

    fn edit_training(self, change: impl FnOnce(&mut TrainingRun)) {
        self.edit(|uc| {
            if let Workload::Training(t) = &mut uc.workload {
                change(t);
            }
        });
    }

    /// The translated engine message for a field of this use case.
    pub(crate) fn error(self, field: UseCaseField) -> Signal<Option<String>> {
        let t = texts();
        Signal::derive(move || {
            let i = self.index.get()?;
            self.ctx.problem_for(&FieldPath::use_case(i, field)).map(|p| t().problem(&p))
        })
    }
}

fn llm_of(uc: &UseCase) -> Option<&LlmWorkload> {
    match &uc.workload {
        Workload::Llm(llm) => Some(llm),
        _ => None,
    }
}

fn training_of(uc: &UseCase) -> Option<&TrainingRun> {
    match &uc.workload {
        Workload::Training(t) => Some(t),
        _ => None,
    }
}

/// The form of the use case with id `id`.
#[component]
pub fn UseCaseForm(
    /// Stable id of the use case.
    id: UseCaseId,
) -> impl IntoView {
    let ctx = PortfolioCtx::expect();
    let index = {
        let id = id.clone();
        Memo::new(move |_| ctx.index_of(&id))
    };
    let e = Editing { ctx, id: StoredValue::new(id), index };
    let kind = Memo::new(move |_| {
        e.read(|uc| Some(uc.workload.kind())).get().unwrap_or(WorkloadKind::Llm)
    });

    let set_kind = Callback::new(move |chosen: String| {
        let Some(chosen) = WorkloadKind::from_key(&chosen) else { return };
        e.edit(|uc| {
            if uc.workload.kind() == chosen {
                return;
            }
            uc.workload = match chosen {
                WorkloadKind::Task => Workload::Task(TaskWorkload { task: Task::ImageGeneration }),
                WorkloadKind::Training => Workload::Training(TrainingRun {
                    compute: TrainingCompute::Flops {
                        active_parameters_b: 8.0,
                        tokens_b: 0.5,
                        mfu: None,
                    },
                    accelerator: accelerators::DEFAULT_ACCELERATOR.into(),
                }),
                WorkloadKind::Llm => Workload::Llm(LlmWorkload::default()),
            };
            let api = matches!(uc.cost, Cost::ApiTokens { .. } | Cost::ApiCatalogue);
            if api && chosen != WorkloadKind::Llm {
                uc.cost = Cost::None;
            }
        });
    });

    view! {
        <div class="use-case-form" data-testid="use-case-form">
            <TextField
                id="name"
                label=tr(|t| t.name)
                value=e.read(|uc| uc.name.clone())
                on_change=Callback::new(move |name: String| e.edit(|uc| uc.name = name))
                error=e.error(UseCaseField::Name)
            />
            <Choice
                id="kind"
                label=tr(|t| t.kind)
                value=Signal::derive(move || kind.get().key().to_owned())
                on_change=set_kind
                groups=vec![
                    (
                        None,
                        vec![
                            ChoiceOption::text(WorkloadKind::Llm.key(), |t| t.kind_llm),
                            ChoiceOption::text(WorkloadKind::Task.key(), |t| t.kind_task),
                            ChoiceOption::text(WorkloadKind::Training.key(), |t| t.kind_training),
                        ],
                    ),
                ]
            />
            {move || match kind.get() {
                WorkloadKind::Llm => view! { <LlmFields e=e /> }.into_any(),
                WorkloadKind::Task => view! { <TaskFields e=e /> }.into_any(),
                WorkloadKind::Training => view! { <TrainingFields e=e /> }.into_any(),
            }}
            <VolumeFields
                e=e
                training=Signal::derive(move || kind.get() == WorkloadKind::Training)
            />
            <LocationField e=e />
            <CostFields e=e is_llm=Signal::derive(move || kind.get() == WorkloadKind::Llm) />
            <AdvancedFields e=e is_llm=Signal::derive(move || kind.get() == WorkloadKind::Llm) />
            <AvoidedFields e=e />
        </div>
    }
}

#[component]
fn LlmFields(e: Editing) -> impl IntoView {
    let t = texts();
    let task = e.read(|uc| llm_of(uc).map_or(LlmTask::Chat, |l| l.task).key().to_owned());
    let set_task = Callback::new(move |chosen: String| {
        if let Some(task) = LlmTask::from_key(&chosen) {
            // A new task brings its typical prompt and answer lengths (Capgemini 2025).
            e.edit_llm(|llm| {
                llm.task = task;
                llm.output_tokens = task.default_output_tokens();
                llm.input_tokens = task.default_input_tokens();
            });
        }
    });
    let model_mode = Memo::new(move |_| {
        e.read(|uc| match llm_of(uc).map(|l| &l.model) {
            Some(ModelChoice::Reference { size }) => size.key().to_owned(),
            Some(ModelChoice::Catalogue { .. }) => "catalogue".to_owned(),
            Some(ModelChoice::Custom { .. }) => "custom".to_owned(),
            None => String::new(),
        })
        .get()
    });
    let set_mode = move |mode: &'static str| {
        e.edit_llm(|llm| {
            llm.model = match mode {
                "catalogue" => ModelChoice::Catalogue { id: "openai/gpt-4o-mini".into() },
                "custom" => {
                    ModelChoice::Custom { total_parameters_b: 120.0, active_parameters_b: 5.1 }
                }
                _ => ModelChoice::Reference {
                    size: ModelSize::from_key(mode).unwrap_or(ModelSize::B70),
                },
            };
        });
    };
    let modes: [(&'static str, Pick); 5] = [
        ("8B", |t| t.model_small),
        ("70B", |t| t.model_medium),
        ("405B", |t| t.model_large),
        ("catalogue", |t| t.model_catalogue),
        ("custom", |t| t.model_custom),
    ];
    let catalogue_id = e.read(|uc| match llm_of(uc).map(|l| &l.model) {
        Some(ModelChoice::Catalogue { id }) => id.clone(),
        _ => String::new(),
    });
    let catalogue_groups = || {
        let mut groups: Vec<(Option<Signal<&'static str>>, Vec<ChoiceOption>)> = Vec::new();
        let mut by_provider: Vec<(&str, Vec<ChoiceOption>)> = Vec::new();
        for m in llm_models() {
            let option = ChoiceOption::fixed(m.id(), m.name);
            match by_provider.iter_mut().find(|(p, _)| *p == m.provider) {
                Some((_, list)) => list.push(option),
                None => by_provider.push((m.provider, vec![option])),
            }
        }
        for (provider, options) in by_provider {
            groups.push((Some(Signal::derive(move || provider)), options));
        }
        groups
    };

    view! {
        <Choice
            id="task"
            label=tr(|t| t.what_does_it_do)
            value=task
            on_change=set_task
            groups=vec![
                (
                    None,
                    LlmTask::ALL
                        .iter()
                        .map(|&task| ChoiceOption::translated(
                            task.key(),
                            move || (t().llm_task)(task).to_owned(),
                        ))
                        .collect(),
                ),
            ]
        />
        <div class="field" role="radiogroup" aria-labelledby="model-label">
            <span id="model-label" class="label">
                {text(|t| t.which_model)}
            </span>
            <div class="segmented">
                {modes
                    .into_iter()
                    .map(|(mode, label)| {
                        let input_id = format!("model-{mode}");
                        view! {
                            <input
                                type="radio"
                                name="model"
                                id=input_id.clone()
                                prop:checked=move || model_mode.with(|m| m == mode)
                                on:change=move |_| set_mode(mode)
                                data-testid=input_id.clone()
                            />
                            <label for=input_id>{move || label(t())}</label>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
        <Show when=move || model_mode.with(|m| m == "catalogue")>
            <Choice
                id="catalogue-model"
                label=tr(|t| t.catalogue_model)
                value=catalogue_id
                on_change=Callback::new(move |id: String| {
                    e.edit_llm(|llm| llm.model = ModelChoice::Catalogue { id })
                })
                groups=catalogue_groups()
            />
        </Show>
        <Show when=move || model_mode.with(|m| m == "custom")>{e.numbers(CUSTOM_MODEL)}</Show>
        {e.numbers(TOKENS)}
    }
}

#[component]
fn TaskFields(e: Editing) -> impl IntoView {
    let t = texts();
    let task = e.read(|uc| match &uc.workload {
        Workload::Task(task) => task.task.key().to_owned(),
        _ => String::new(),
    });
    let set_task = Callback::new(move |chosen: String| {
        if let Some(task) = Task::from_key(&chosen) {
            e.edit(|uc| uc.workload = Workload::Task(TaskWorkload { task }));
        }
    });
    view! {
        <Choice
            id="inference-task"
            label=tr(|t| t.what_does_it_do)
            value=task
            on_change=set_task
            groups=vec![
                (
                    None,
                    Task::ALL
                        .iter()
                        .map(|&task| {
                            ChoiceOption::translated(
                                task.key(),
                                move || (t().task_name)(task).to_owned(),
                            )
                        })
                        .collect(),
                ),
            ]
        />
    }
}

#[component]
fn TrainingFields(e: Editing) -> impl IntoView {
    let t = texts();
    // Kept as its key: a memo of a string shares the download's one copy of the memo code.
    let basis = Memo::new(move |_| {
        e.read(|uc| training_of(uc).map_or("", |t| t.compute.basis().key()).to_owned()).get()
    });
    let set_basis = Callback::new(move |chosen: String| {
        let Some(chosen) = ComputeBasis::from_key(&chosen) else { return };
        e.edit_training(|run| {
            run.compute = match chosen {
                ComputeBasis::Hours => TrainingCompute::AcceleratorHours {
                    accelerator_hours: 1_000.0,
                    power_share_of_tdp: None,
                },
                ComputeBasis::Classic => TrainingCompute::ClassicFineTune { task: Task::Tabular },
                ComputeBasis::Flops => {
                    TrainingCompute::Flops { active_parameters_b: 8.0, tokens_b: 0.5, mfu: None }
                }
            };
        });
    });
    let accelerator =
        e.read(|uc| training_of(uc).map(|t| t.accelerator.clone()).unwrap_or_default());
    let classic_task = e.read(|uc| match training_of(uc).map(|t| &t.compute) {
        Some(TrainingCompute::ClassicFineTune { task }) => task.key().to_owned(),
        _ => String::new(),
    });
    view! {
        <Choice
            id="training-basis"
            label=tr(|t| t.training_basis)
            value=Signal::derive(move || basis.get())
            on_change=set_basis
            groups=vec![
                (
                    None,
                    vec![
                        ChoiceOption::text(ComputeBasis::Flops.key(), |t| t.basis_flops),
                        ChoiceOption::text(ComputeBasis::Hours.key(), |t| t.basis_hours),
                        ChoiceOption::text(ComputeBasis::Classic.key(), |t| t.basis_classic),
                    ],
                ),
            ]
        />
        <Show when=move || {
            basis.with(|b| b == ComputeBasis::Hours.key())
        }>{e.numbers(TRAINING_HOURS)}</Show>
        <Show when=move || {
            basis.with(|b| b == ComputeBasis::Flops.key())
        }>{e.numbers(TRAINING_FLOPS)}</Show>
        <Show when=move || basis.with(|b| b == ComputeBasis::Classic.key())>
            <Choice
                id="classic-task"
                label=tr(|t| t.what_does_it_do)
                value=classic_task
                on_change=Callback::new(move |chosen: String| {
                    if let Some(task) = Task::from_key(&chosen) {
                        e.edit_training(|run| {
                            run.compute = TrainingCompute::ClassicFineTune {
                                task,
                            };
                        });
                    }
                })
                groups=vec![
                    (
                        None,
                        [Task::Tabular, Task::ComputerVision, Task::Nlp]
                            .into_iter()
                            .map(|task| {
                                ChoiceOption::translated(
                                    task.key(),
                                    move || (t().task_name)(task).to_owned(),
                                )
                            })
                            .collect(),
                    ),
                ]
            />
        </Show>
        <Choice
            id="accelerator"
            label=tr(|t| t.accelerator)
            value=accelerator
            on_change=Callback::new(move |id: String| e.edit_training(|run| run.accelerator = id))
            groups=vec![
                (None, accelerators().iter().map(|a| ChoiceOption::fixed(a.id, a.name)).collect()),
            ]
        />
    }
}

#[component]
fn VolumeFields(
    e: Editing,
    /// Training runs count runs, not requests.
    training: Signal<bool>,
) -> impl IntoView {
    let t = texts();
    let basis = Memo::new(move |_| e.read(|uc| uc.volume.basis().key().to_owned()).get());
    let set_basis = Callback::new(move |chosen: String| {
        let Some(basis) = VolumeBasis::from_key(&chosen) else { return };
        e.edit(|uc| uc.volume = uc.volume.expressed_as(basis));
    });
    let field = move |get: fn(&Volume) -> Option<f64>| e.read_in(|uc| &uc.volume, get);
    let set = move |put: fn(&mut Volume, f64)| {
        Callback::new(move |v: f64| e.edit(|uc| put(&mut uc.volume, v)))
    };
    view! {
        <Choice
            id="volume-basis"
            label=tr(|t| t.how_often)
            value=Signal::derive(move || basis.get())
            on_change=set_basis
            groups=vec![
                (
                    None,
                    vec![
                        ChoiceOption::text(VolumeBasis::PerDay.key(), |t| t.volume_per_day),
                        ChoiceOption::text(VolumeBasis::PerUser.key(), |t| t.volume_per_user),
                        ChoiceOption::translated(
                            VolumeBasis::PerYear.key(),
                            move || {
                                if training.get() { t().runs_per_year } else { t().volume_per_year }
                                    .to_owned()
                            },
                        ),
                    ],
                ),
            ]
        />
        <Show when=move || {
            basis.with(|b| b == VolumeBasis::PerDay.key())
        }>{e.numbers(PER_DAY)}</Show>
        <Show when=move || {
            basis.with(|b| b == VolumeBasis::PerUser.key())
        }>{e.numbers(PER_USER)}</Show>
        <Show when=move || basis.with(|b| b == VolumeBasis::PerYear.key())>
            <NumberField
                id="per-year"
                label=Signal::derive(move || {
                    if training.get() { t().runs_per_year } else { t().times_per_year }
                })
                unit=tr(|t| t.per_year_unit)
                value=field(|v| match v {
                    Volume::PerYear { per_year } => Some(*per_year),
                    _ => None,
                })
                on_change=set(|v, x| {
                    if let Volume::PerYear { per_year } = v {
                        *per_year = x;
                    }
                })
                error=e.error(UseCaseField::Volume(VolumeField::PerYear))
                scale=SliderScale::Log {
                    min: 1.0,
                    max: 1e12,
                }
            />
        </Show>
    }
}

#[component]
fn LocationField(e: Editing) -> impl IntoView {
    view! {
        <Choice
            id="location"
            label=tr(|t| t.where_runs)
            value=e.read(|uc| uc.site.location.clone())
            on_change=Callback::new(move |id: String| e.edit(|uc| uc.site.location = id))
            groups=location_groups()
        />
    }
}

/// Every location, grouped: API providers, countries, sub-national grids, cloud regions.
pub fn location_groups() -> Vec<(Option<Signal<&'static str>>, Vec<ChoiceOption>)> {
    let all = locations();
    let locale = locale();
    let group = |title: Pick, keep: fn(&Location) -> bool| {
        (
            Some(tr(title)),
            all.iter()
                .filter(|l| keep(l))
                .map(|l| {
                    let l = *l;
                    // A country's name in the interface's language, from the browser; other
                    // grids keep their published name.
                    ChoiceOption::translated(l.id(), move || match locale() {
                        Locale::En => l.label(),
                        other => browser::region_name(l.zone.code, other.tag())
                            .map_or_else(|| l.label(), |name| l.label_with(&name)),
                    })
                })
                .collect(),
        )
    };
    vec![
        group(|t| t.group_api, Location::is_api_provider),
        group(
            |t| t.group_countries,
            |l| l.region.is_none() && l.operator.is_none() && !l.is_subnational_grid(),
        ),
        group(|t| t.group_grids, Location::is_subnational_grid),
        group(|t| t.group_cloud, |l| l.region.is_some()),
    ]
}

#[component]
fn CostFields(
    e: Editing,
    /// Token prices only apply to LLM use cases.
    is_llm: Signal<bool>,
) -> impl IntoView {
    let t = texts();
    let basis = Memo::new(move |_| e.read(|uc| uc.cost.basis().key().to_owned()).get());
    let set_basis = Callback::new(move |chosen: String| {
        let Some(chosen) = CostBasis::from_key(&chosen) else { return };
        e.edit(|uc| {
            uc.cost = match chosen {
                CostBasis::ApiCatalogue => Cost::ApiCatalogue,
                CostBasis::ApiTokens => {
                    Cost::ApiTokens { usd_per_million_input: 2.5, usd_per_million_output: 10.0 }
                }
                CostBasis::AcceleratorHours => {
                    Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 }
                }
                CostBasis::None => Cost::None,
            };
        });
    });
    let options = vec![
        ChoiceOption::text(CostBasis::None.key(), |t| t.cost_none),
        ChoiceOption::text(CostBasis::AcceleratorHours.key(), |t| t.cost_hours),
    ];
    // API prices follow the kind, which can change while the form is open.
    let api_options = Signal::derive(move || {
        if !is_llm.get() {
            return Vec::new();
        }
        vec![
            ChoiceOption::translated(CostBasis::ApiCatalogue.key(), move || {
                t().cost_api_catalogue.to_owned()
            }),
            ChoiceOption::text(CostBasis::ApiTokens.key(), |t| t.cost_api_tokens),
        ]
    });
    let set_price = move |put: fn(&mut Cost, f64)| {
        Callback::new(move |v: f64| e.edit(|uc| put(&mut uc.cost, v)))
    };
    // The published price of the accelerator this use case's estimate counts, which depends
    // on the portfolio's estimator.
    let default_hourly = Signal::derive(move || {
        let i = e.index.get();
        e.ctx.with_draft(|p| {
            i.and_then(|i| p.use_cases.get(i)).map_or(0.0, |uc| {
                engine::validate::accelerator_of(&uc.workload, &p.settings)
                    .and_then(|a| accelerators::hourly_price_usd(a.id))
                    .map_or(0.0, |(price, _)| price.central)
            })
        })
    });
    view! {
        <Choice
            id="cost-basis"
            label=tr(|t| t.cost)
            value=Signal::derive(move || basis.get())
            on_change=set_basis
            groups=vec![(None, options)]
            dynamic=api_options
        />
        <p class="field-message" data-testid="cost-basis-message">
            {move || e.error(UseCaseField::Cost(CostField::Basis)).get()}
        </p>
        <Show when=move || {
            basis.with(|b| b == CostBasis::ApiTokens.key())
        }>{e.numbers(API_PRICES)}</Show>
        <Show when=move || basis.with(|b| b == CostBasis::AcceleratorHours.key())>
            <NumberField
                id="price-hour"
                label=tr(|t| t.price_hour)
                unit=tr(|t| t.usd_per_hour)
                value=Signal::derive(move || {
                    e.read(|uc| match uc.cost {
                            Cost::AcceleratorHours { usd_per_hour, .. } => usd_per_hour,
                            _ => None,
                        })
                        .get()
                        .unwrap_or_else(|| default_hourly.get())
                })
                on_change=set_price(|c, x| {
                    if let Cost::AcceleratorHours { usd_per_hour, .. } = c {
                        *usd_per_hour = Some(x);
                    }
                })
                error=e.error(UseCaseField::Cost(CostField::UsdPerHour))
                scale=SliderScale::Log {
                    min: 0.1,
                    max: 20.0,
                }
                on_reset=Callback::new(move |()| {
                    e.edit(|uc| {
                        if let Cost::AcceleratorHours { usd_per_hour, .. } = &mut uc.cost {
                            *usd_per_hour = None;
                        }
                    })
                })
                overridden=e
                    .read(|uc| {
                        matches!(uc.cost, Cost::AcceleratorHours { usd_per_hour: Some(_), .. })
                    })
            />
            {e.numbers(ELECTRICITY_PRICE)}
        </Show>
    }
}

#[component]
fn AdvancedFields(
    e: Editing,
    /// Quantisation only applies to LLM use cases.
    is_llm: Signal<bool>,
) -> impl IntoView {
    let t = texts();

    let site_value = move |get: fn(&Site) -> Option<f64>, default: Signal<f64>| {
        let set = e.is_set_in(|uc| &uc.site, get);
        let value = e.read_in(|uc| &uc.site, get);
        Signal::derive(move || if set.get() { value.get() } else { default.get() })
    };
    let pue_default = e.result_figure(|r| r.factors.pue.value.central);
    let wue_default = e.result_figure(|r| r.factors.wue_onsite.value.central);
    view! {
        <details class="advanced">
            <summary>{text(|t| t.advanced)}</summary>
            <NumberField
                id="pue"
                label=tr(|t| t.pue)
                unit=tr(|t| t.pue_hint)
                value=site_value(|s| s.pue, pue_default)
                on_change=Callback::new(move |v: f64| e.edit(|uc| uc.site.pue = Some(v)))
                error=e.error(UseCaseField::Site(SiteField::Pue))
                scale=SliderScale::Linear {
                    min: limits::PUE.min,
                    max: 2.0,
                    step: 0.01,
                }
                on_reset=Callback::new(move |()| e.edit(|uc| uc.site.pue = None))
                overridden=e.read(|uc| uc.site.pue.is_some())
            />
            <NumberField
                id="wue"
                label=tr(|t| t.wue)
                unit=Signal::derive(|| "L/kWh")
                value=site_value(|s| s.wue_onsite_l_per_kwh, wue_default)
                on_change=Callback::new(move |v: f64| {
                    e.edit(|uc| uc.site.wue_onsite_l_per_kwh = Some(v))
                })
                error=e.error(UseCaseField::Site(SiteField::WueOnsite))
                scale=SliderScale::Linear {
                    min: 0.0,
                    max: 5.0,
                    step: 0.01,
                }
                on_reset=Callback::new(move |()| e.edit(|uc| uc.site.wue_onsite_l_per_kwh = None))
                overridden=e.read(|uc| uc.site.wue_onsite_l_per_kwh.is_some())
            />
            {e.numbers(CARBON_FREE_SHARE)}
            <Show when=move || is_llm.get()>
                <Choice
                    id="quantization"
                    label=tr(|t| t.quantization)
                    value=e
                        .read(|uc| {
                            llm_of(uc).map(|l| l.quantization_bits.to_string()).unwrap_or_default()
                        })
                    on_change=Callback::new(move |bits: String| {
                        if let Ok(bits) = bits.parse::<f64>() {
                            e.edit_llm(|llm| llm.quantization_bits = bits);
                        }
                    })
                    groups=vec![
                        (
                            None,
                            [16.0_f64, 8.0, 4.0]
                                .into_iter()
                                .map(|b| ChoiceOption::translated(
                                    b.to_string(),
                                    move || format!("{b} {}", t().bits),
                                ))
                                .collect(),
                        ),
                    ]
                />
                <NumberField
                    id="batch-size"
                    label=tr(|t| t.batch_size)
                    unit=Signal::derive(|| "")
                    value=e
                        .read(|uc| {
                            llm_of(uc)
                                .and_then(|l| l.batch_size)
                                .unwrap_or(engine::ECOLOGITS_BATCH_SIZE)
                        })
                    on_change=Callback::new(move |v: f64| {
                        e.edit_llm(|llm| llm.batch_size = Some(v))
                    })
                    error=e.error(UseCaseField::Workload(WorkloadField::BatchSize))
                    scale=SliderScale::Linear {
                        min: limits::BATCH_SIZE.min,
                        max: limits::BATCH_SIZE.max,
                        step: 1.0,
                    }
                    on_reset=Callback::new(move |()| e.edit_llm(|llm| llm.batch_size = None))
                    overridden=e.read(|uc| llm_of(uc).is_some_and(|l| l.batch_size.is_some()))
                />
            </Show>
        </details>
    }
}
