//! Properties that must hold for every valid input (METHODOLOGY.md §9 and the engine issue).

use engine::portfolio::{LlmTask, LlmWorkload, ModelSize, Site, UseCase, Volume, Workload};
use engine::refdata::LOCATIONS;
use engine::{evaluate, validate, Portfolio};
use proptest::prelude::*;

fn use_case() -> impl Strategy<Value = UseCase> {
    (
        prop::sample::select(ModelSize::ALL.to_vec()),
        prop::sample::select(LlmTask::ALL.to_vec()),
        0.0..50_000.0f64,
        0.0..200_000.0f64,
        0.0..1e9f64,
        0.0..=366.0f64,
        prop::sample::select(LOCATIONS.iter().map(|l| l.id).collect::<Vec<_>>()),
        prop::option::of(1.0..3.0f64),
        prop::option::of(0.0..20.0f64),
    )
        .prop_map(
            |(model, task, output_tokens, input_tokens, per_day, days, loc, pue, wue)| UseCase {
                name: "case".to_owned(),
                workload: Workload::Llm(LlmWorkload {
                    task,
                    model,
                    output_tokens,
                    input_tokens,
                }),
                volume: Volume::PerDay {
                    requests_per_day: per_day,
                    days_per_year: days,
                },
                site: Site {
                    location: loc.to_owned(),
                    pue,
                    wue_onsite_l_per_kwh: wue,
                },
            },
        )
}

fn portfolio() -> impl Strategy<Value = Portfolio> {
    prop::collection::vec(use_case(), 0..8).prop_map(|use_cases| Portfolio {
        use_cases,
        ..Portfolio::default()
    })
}

proptest! {
    #[test]
    fn valid_input_gives_finite_non_negative_ordered_results(p in portfolio()) {
        prop_assert!(validate(&p).is_empty());
        let r = evaluate(&p).unwrap();
        for uc in &r.use_cases {
            for x in uc.per_request.all().into_iter().chain(uc.per_year.all()) {
                prop_assert!(x.is_ordered(), "{x:?}");
                prop_assert!(x.low >= 0.0);
            }
        }
    }

    #[test]
    fn totals_equal_the_sum_of_use_cases(p in portfolio()) {
        let r = evaluate(&p).unwrap();
        let sum: f64 = r.use_cases.iter().map(|u| u.per_year.energy_kwh.central).sum();
        let total = r.total_per_year.energy_kwh.central;
        prop_assert!((total - sum).abs() <= 1e-9 * total.max(1.0));
    }

    #[test]
    fn doubling_volume_doubles_impacts(uc in use_case()) {
        let mut doubled = uc.clone();
        if let Volume::PerDay { requests_per_day, .. } = &mut doubled.volume {
            *requests_per_day *= 2.0;
        }
        let once = evaluate(&Portfolio { use_cases: vec![uc], ..Portfolio::default() }).unwrap();
        let twice = evaluate(&Portfolio { use_cases: vec![doubled], ..Portfolio::default() }).unwrap();
        for (a, b) in once.total_per_year.all().iter().zip(twice.total_per_year.all()) {
            prop_assert!((2.0 * a.central - b.central).abs() <= 1e-9 * b.central.max(1e-300));
        }
    }

    #[test]
    fn a_cleaner_grid_never_raises_operational_carbon(uc in use_case(), a in 0..LOCATIONS.len(), b in 0..LOCATIONS.len()) {
        let (clean, dirty) = if LOCATIONS[a].zone.lifecycle_g_per_kwh <= LOCATIONS[b].zone.lifecycle_g_per_kwh {
            (a, b)
        } else {
            (b, a)
        };
        let at = |i: usize| {
            let mut u = uc.clone();
            u.site.location = LOCATIONS[i].id.to_owned();
            evaluate(&Portfolio { use_cases: vec![u], ..Portfolio::default() }).unwrap().total_per_year
        };
        prop_assert!(at(clean).carbon_operational_kg.high <= at(dirty).carbon_operational_kg.high);
    }

    #[test]
    fn any_number_is_either_refused_or_gives_finite_results(x in prop::num::f64::ANY) {
        let mut uc = UseCase {
            volume: Volume::PerDay { requests_per_day: x, days_per_year: 365.0 },
            ..UseCase::default()
        };
        let Workload::Llm(llm) = &mut uc.workload;
        llm.output_tokens = x.abs();
        match evaluate(&Portfolio { use_cases: vec![uc], ..Portfolio::default() }) {
            Ok(r) => prop_assert!(r.total_per_year.all().iter().all(|e| e.is_ordered())),
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}
