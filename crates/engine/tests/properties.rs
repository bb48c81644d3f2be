//! Properties that must hold for every valid input (docs/methodology.md §11 and §12).
#![cfg(not(target_arch = "wasm32"))]

use engine::decision::levers::{apply, Lever, Scope};
use engine::format::parse_portfolio;
use engine::portfolio::{
    Cost, LlmEstimator, LlmTask, LlmWorkload, ModelChoice, ModelSize, Settings, Site, Task,
    TaskWorkload, TrainingCompute, TrainingRun, UseCase, Volume, Workload,
};
use engine::presets::presets;
use engine::refdata::{accelerators, llm_models, locations};
use engine::{evaluate_portfolio, resolve, validate, Keyed, Portfolio, UseCaseId};
use proptest::prelude::*;

fn location_ids() -> Vec<String> {
    locations().iter().map(|l| l.id()).collect()
}

fn model() -> impl Strategy<Value = ModelChoice> {
    prop_oneof![
        prop::sample::select(ModelSize::ALL.to_vec())
            .prop_map(|size| ModelChoice::Reference { size }),
        prop::sample::select(llm_models().iter().map(|m| m.id()).collect::<Vec<_>>())
            .prop_map(|id| ModelChoice::Catalogue { id }),
        (0.1..2_000.0f64, 0.0..=1.0f64).prop_map(|(total, share)| ModelChoice::Custom {
            total_parameters_b: total,
            active_parameters_b: (total * share).max(0.001),
        }),
    ]
}

fn llm() -> impl Strategy<Value = Workload> {
    (
        prop::sample::select(LlmTask::ALL.to_vec()),
        model(),
        0.0..50_000.0f64,
        0.0..200_000.0f64,
        prop::sample::select(vec![4.0, 8.0, 16.0]),
        prop::option::of(1.0..=512.0f64),
    )
        .prop_map(
            |(task, model, output_tokens, input_tokens, quantization_bits, batch_size)| {
                Workload::Llm(LlmWorkload {
                    task,
                    model,
                    output_tokens,
                    input_tokens,
                    quantization_bits,
                    batch_size,
                })
            },
        )
}

fn training() -> impl Strategy<Value = Workload> {
    let accelerator =
        prop::sample::select(accelerators().iter().map(|a| a.id.to_owned()).collect::<Vec<_>>());
    let compute = prop_oneof![
        (0.0..1e7f64, prop::option::of(0.05..=1.0f64)).prop_map(|(hours, share)| {
            TrainingCompute::AcceleratorHours {
                accelerator_hours: hours,
                power_share_of_tdp: share,
            }
        }),
        (0.01..1_000.0f64, 0.0..20_000.0f64, prop::option::of(0.05..=1.0f64)).prop_map(
            |(active, tokens, mfu)| TrainingCompute::Flops {
                active_parameters_b: active,
                tokens_b: tokens,
                mfu
            }
        ),
        prop::sample::select(vec![Task::Tabular, Task::ComputerVision, Task::Nlp])
            .prop_map(|task| TrainingCompute::ClassicFineTune { task }),
    ];
    (compute, accelerator)
        .prop_map(|(compute, accelerator)| Workload::Training(TrainingRun { compute, accelerator }))
}

fn workload() -> impl Strategy<Value = Workload> {
    prop_oneof![
        3 => llm(),
        1 => prop::sample::select(Task::ALL.to_vec()).prop_map(|task| Workload::Task(TaskWorkload { task })),
        1 => training(),
    ]
}

fn volume() -> impl Strategy<Value = Volume> {
    prop_oneof![
        (0.0..1e9f64, 0.0..=366.0f64)
            .prop_map(|(per_day, days)| Volume::PerDay { per_day, days_per_year: days }),
        (0.0..1e6f64, 0.0..100.0f64, 0.0..=366.0f64).prop_map(|(users, per_user, days)| {
            Volume::PerUser { users, per_user_per_day: per_user, days_per_year: days }
        }),
        (0.0..1e12f64).prop_map(|per_year| Volume::PerYear { per_year }),
    ]
}

fn site() -> impl Strategy<Value = Site> {
    (
        prop::sample::select(location_ids()),
        prop::option::of(1.0..3.0f64),
        prop::option::of(0.0..20.0f64),
        prop::option::of(0.0..=1.0f64),
    )
        .prop_map(|(location, pue, wue, cfe)| Site {
            location,
            pue,
            wue_onsite_l_per_kwh: wue,
            carbon_free_share: cfe,
        })
}

fn use_case() -> impl Strategy<Value = UseCase> {
    (workload(), volume(), site(), 0.0..100.0f64, 0.0..10.0f64).prop_map(
        |(workload, volume, site, price, hourly)| {
            let cost = match workload {
                Workload::Llm(_) => Cost::ApiTokens {
                    usd_per_million_input: price,
                    usd_per_million_output: price * 4.0,
                },
                _ => Cost::AcceleratorHours { usd_per_hour: Some(hourly), usd_per_kwh: 0.12 },
            };
            UseCase {
                id: UseCaseId::default(),
                name: "case".to_owned(),
                workload,
                volume,
                site,
                cost,
                avoided: None,
            }
        },
    )
}

fn settings() -> impl Strategy<Value = Settings> {
    (prop::sample::select(vec![LlmEstimator::Paper, LlmEstimator::Ecologits]), any::<bool>())
        .prop_map(|(llm_estimator, include_prefill)| Settings {
            llm_estimator,
            include_prefill,
            ..Settings::default()
        })
}

fn portfolio() -> impl Strategy<Value = Portfolio> {
    (prop::collection::vec(use_case(), 0..8), settings())
        .prop_map(|(use_cases, settings)| Portfolio { settings, ..Portfolio::of(use_cases) })
}

fn single(uc: UseCase, settings: &Settings) -> engine::Impacts {
    evaluate_portfolio(&Portfolio {
        use_cases: vec![uc],
        settings: settings.clone(),
        ..Portfolio::default()
    })
    .expect("valid")
    .total_per_year
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

proptest! {
    #[test]
    fn valid_input_gives_finite_non_negative_ordered_results(p in portfolio()) {
        prop_assert_eq!(validate(&p), vec![]);
        let r = evaluate_portfolio(&p).unwrap();
        for uc in &r.use_cases {
            for x in uc.per_run.all().into_iter().chain(uc.per_year.all()) {
                prop_assert!(x.is_ordered(), "{:?} in {}", x, uc.name);
                prop_assert!(x.low >= 0.0);
            }
        }
    }

    #[test]
    fn totals_equal_the_sum_of_use_cases(p in portfolio()) {
        let r = evaluate_portfolio(&p).unwrap();
        let sum: f64 = r.use_cases.iter().map(|u| u.per_year.energy_kwh.central).sum();
        prop_assert!(close(r.total_per_year.energy_kwh.central, sum));
        let phases = r.inference_per_year.carbon_total_kg().high + r.training_per_year.carbon_total_kg().high;
        prop_assert!(close(r.total_per_year.carbon_total_kg().high, phases));
    }

    #[test]
    fn doubling_volume_doubles_impacts(uc in use_case(), s in settings()) {
        let mut doubled = uc.clone();
        doubled.volume = Volume::PerYear { per_year: 2.0 * uc.volume.per_year() };
        let (once, twice) = (single(uc, &s), single(doubled, &s));
        for (a, b) in once.all().iter().zip(twice.all()) {
            prop_assert!(close(2.0 * a.central, b.central), "{a:?} vs {b:?}");
            prop_assert!(close(2.0 * a.high, b.high));
        }
    }

    #[test]
    fn a_cleaner_grid_never_raises_operational_carbon(uc in use_case(), s in settings(), a in prop::sample::select(location_ids()), b in prop::sample::select(location_ids())) {
        let at = |id: &str| {
            let mut u = uc.clone();
            u.site.location = id.to_owned();
            // Same data centre, different grid: operators' PUEs differ between locations.
            u.site.pue = Some(1.2);
            let intensity = engine::refdata::location(id).unwrap().carbon_g_per_kwh().0;
            (intensity, single(u, &s).carbon_operational_kg)
        };
        let ((ia, ca), (ib, cb)) = (at(&a), at(&b));
        if ia <= ib {
            prop_assert!(ca.high <= cb.high * (1.0 + 1e-12));
        } else {
            prop_assert!(cb.high <= ca.high * (1.0 + 1e-12));
        }
    }

    #[test]
    fn any_number_is_either_refused_or_gives_finite_results(x in prop::num::f64::ANY, uc in use_case()) {
        let mut uc = uc;
        uc.volume = Volume::PerDay { per_day: x, days_per_year: 365.0 };
        uc.site.pue = Some(x);
        match evaluate_portfolio(&Portfolio { use_cases: vec![uc], ..Portfolio::default() }) {
            Ok(r) => prop_assert!(r.total_per_year.all().iter().all(|e| e.is_ordered())),
            Err(invalid) => prop_assert!(!invalid.problems().is_empty()),
        }
    }
}

/// Every starter alone, all of them together, and every shipped example.
fn starters_and_examples() -> Vec<Portfolio> {
    let mut all: Vec<Portfolio> =
        presets().into_iter().map(|p| Portfolio::of(vec![p.use_case])).collect();
    all.push(Portfolio::of(presets().into_iter().map(|p| p.use_case).collect()));
    for name in ["company", "small"] {
        let path = format!("{}/../../assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("the shipped example");
        all.push(parse_portfolio(&text).expect("the shipped example reads"));
    }
    all
}

/// A lever either gives a portfolio that validates, or is refused for the one reason there
/// is: a use case costed at the published hourly price would move to an accelerator without
/// one (its settings here are always in range).
fn check_lever_keeps_validity(
    p: &Portfolio,
    lever: &Lever,
    scope: &Scope,
) -> Result<(), proptest::test_runner::TestCaseError> {
    use engine::decision::levers::Refusal;
    match apply(p, lever, scope) {
        Ok(after) => {
            let problems = validate(&after);
            prop_assert!(problems.is_empty(), "{:?} on {}: {:?}", lever, p.name, problems);
        }
        Err(Refusal::NoHourlyPrice { use_case, accelerator }) => {
            let uc = p.use_case(&use_case).expect("the refusal names a use case of the portfolio");
            prop_assert!(matches!(lever, Lever::ChangeAccelerator(id) if *id == accelerator));
            prop_assert!(matches!(uc.workload, Workload::Training(_)), "only training moves");
            let relies_on_published_price =
                matches!(uc.cost, Cost::AcceleratorHours { usd_per_hour: None, .. });
            prop_assert!(relies_on_published_price);
            prop_assert!(accelerators::hourly_price_usd(&accelerator).is_none());
        }
        Err(other) => prop_assert!(false, "{:?} refused for {:?}", lever, other),
    }
    Ok(())
}

/// Every kind of lever, with a valid setting drawn at random.
fn lever() -> impl Strategy<Value = Lever> {
    let accelerator_ids: Vec<String> = accelerators().iter().map(|a| a.id.to_owned()).collect();
    prop_oneof![
        prop::sample::select(ModelSize::ALL.to_vec()).prop_map(Lever::RightSize),
        prop::sample::select(vec![
            Task::TextClassification,
            Task::TextGeneration,
            Task::Summarisation
        ])
        .prop_map(Lever::TaskSpecific),
        (2.0..=32.0f64).prop_map(Lever::Quantise),
        (1.0..=512.0f64).prop_map(Lever::Batch),
        prop::sample::select(accelerator_ids).prop_map(Lever::ChangeAccelerator),
        prop::sample::select(location_ids()).prop_map(Lever::MoveRegion),
        prop::sample::select(location_ids()).prop_map(Lever::MoveBatchWork),
        (0.0..=1.0f64).prop_map(Lever::RaiseCarbonFreeShare),
        (1.0..=3.0f64).prop_map(Lever::CutPue),
        (1.0..=1_000.0f64).prop_map(Lever::ShareFineTune),
    ]
}

proptest! {
    /// A lever on a valid portfolio gives a valid portfolio, or a refusal that says why: never
    /// an invalid portfolio (the What-if panel showed 0 % on every row when one did).
    #[test]
    fn every_lever_on_every_starter_and_example_keeps_validity(
        lever in lever(),
        which in any::<prop::sample::Index>(),
        one in any::<prop::sample::Index>(),
        scoped in any::<bool>(),
        ecologits in any::<bool>(),
    ) {
        let all = starters_and_examples();
        let mut p = all[which.index(all.len())].clone();
        if ecologits {
            p.settings.llm_estimator = LlmEstimator::Ecologits;
        }
        prop_assert!(resolve(&p).is_ok(), "{} does not resolve", p.name);
        let scope = if scoped && !p.use_cases.is_empty() {
            Scope::Only(vec![p.use_cases[one.index(p.use_cases.len())].id.clone()])
        } else {
            Scope::All
        };
        check_lever_keeps_validity(&p, &lever, &scope)?;
    }

    /// The same on random valid portfolios: every workload, volume basis, site and price the
    /// strategies above draw.
    #[test]
    fn every_lever_on_random_portfolios_keeps_validity(p in portfolio(), lever in lever()) {
        check_lever_keeps_validity(&p, &lever, &Scope::All)?;
    }

    /// A value typed anywhere inside the range an uncertain input is given by default gives a
    /// result inside the default result's [low, high].
    #[test]
    fn an_interior_point_of_every_uncertain_input_lies_inside_the_range(
        uc in use_case(),
        s in settings(),
        t in 0.0..=1.0f64,
    ) {
        let mut uc = uc;
        uc.site.pue = None;
        uc.site.wue_onsite_l_per_kwh = None;
        if let Workload::Training(run) = &mut uc.workload {
            match &mut run.compute {
                TrainingCompute::AcceleratorHours { power_share_of_tdp, .. } => *power_share_of_tdp = None,
                TrainingCompute::Flops { mfu, .. } => *mfu = None,
                TrainingCompute::ClassicFineTune { .. } => {}
            }
        }
        let ranged = evaluate_portfolio(&Portfolio { settings: s.clone(), ..Portfolio::of(vec![uc.clone()]) })
            .expect("valid")
            .use_cases
            .remove(0);
        let between = |e: engine::Estimate| e.low + t * (e.high - e.low);
        let mut point = uc;
        point.site.pue = Some(between(ranged.factors.pue.value));
        point.site.wue_onsite_l_per_kwh = Some(between(ranged.factors.wue_onsite.value));
        if let Workload::Training(run) = &mut point.workload {
            match &mut run.compute {
                TrainingCompute::AcceleratorHours { power_share_of_tdp, .. } => {
                    *power_share_of_tdp = Some(between(engine::Estimate::new(0.6, 0.8, 1.0)));
                }
                // Listed high to low: a higher utilisation means fewer hours.
                TrainingCompute::Flops { mfu, .. } => *mfu = Some(0.5 - t * 0.2),
                TrainingCompute::ClassicFineTune { .. } => {}
            }
        }
        let at_point = single(point, &s);
        let inside = |x: f64, e: engine::Estimate| {
            x >= e.low * (1.0 - 1e-9) && x <= e.high * (1.0 + 1e-9)
        };
        let r = ranged.per_year;
        prop_assert!(inside(at_point.energy_kwh.central, r.energy_kwh), "{:?} vs {:?}", at_point.energy_kwh, r.energy_kwh);
        prop_assert!(inside(at_point.water_onsite_l.central, r.water_onsite_l));
        prop_assert!(inside(at_point.carbon_operational_kg.central, r.carbon_operational_kg));
    }
}
