//! Projection to 2030 and beyond (docs/methodology.md §14.3): year by year from the base year, per
//! use-case segment, under the paper's five scenarios or any adjusted factors, with the change
//! from the base year decomposed into its drivers.
//!
//! Per segment, grid pathway region and year t (years since the base year, T = years to 2030):
//! energy_t = energy_0 × usage_t × model size_t × output tokens_t × PUE_t ÷ PUE_0
//!            ÷ (hardware efficiency_t × quantisation_t);
//! carbon_t = operational_0 × (energy_t ÷ energy_0) × grid_t + embodied_0 × usage_t
//!            × embodied per unit_t (1 unless the user sets it);
//! water_t = water_0 × energy_t ÷ energy_0. Factors reach their 2030 value geometrically (a
//! constant yearly rate, continued after 2030); PUE and a uniform grid change move linearly to
//! their 2030 value and continue at the same yearly step (never below 1 and 0); a regional grid
//! follows its published pathway relative to the base year. Every bound of the base-year
//! footprint projects the same way, which gives each year's range.

use serde::{Deserialize, Serialize};

use crate::estimate::{Bound, Estimate};
use crate::evaluate::{Impacts, PortfolioResult};
pub use crate::portfolio::scenario::{GridPath, Scenario};
use crate::portfolio::{LlmTask, Portfolio, Task, TrainingCompute, Workload};
use crate::refdata::grid_pathways::{self, PathwayRegion};

/// How use cases are grouped for growth rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// Generative AI: chat, RAG, generation tasks, and the training behind them.
    GenAi,
    /// Agents.
    Agentic,
    /// Traditional ML: tabular, vision and language models, classification and detection.
    Traditional,
}

impl Segment {
    /// Every segment.
    pub const ALL: [Segment; 3] = [Segment::GenAi, Segment::Agentic, Segment::Traditional];

    /// The segment a workload belongs to.
    pub fn of(workload: &Workload) -> Segment {
        match workload {
            Workload::Llm(llm) if llm.task == LlmTask::Agent => Segment::Agentic,
            // The paper's yearly fine-tuning of a classic model grows with traditional ML.
            Workload::Training(t)
                if matches!(t.compute, TrainingCompute::ClassicFineTune { .. }) =>
            {
                Segment::Traditional
            }
            Workload::Llm(_) | Workload::Training(_) => Segment::GenAi,
            Workload::Task(t) => match t.task {
                Task::ImageGeneration
                | Task::TextGeneration
                | Task::Summarisation
                | Task::ImageCaptioning => Segment::GenAi,
                _ => Segment::Traditional,
            },
        }
    }
}

/// The base year of the paper's scenarios.
pub const BASE_YEAR: u16 = 2024;
/// The year the scenarios' factors refer to.
pub const TARGET_YEAR: u16 = 2030;

impl Scenario {
    /// The paper's five scenarios (2024 → 2030). Hardware gains 1.28 a year (×4.4 by 2030),
    /// ×4.8 more with an efficiency breakthrough; grid −24 % (stated policies) or −45 % (1.5 °C).
    /// "Intermediate" grows traditional use ×3–5 by 2030: its CAGR here is the centre, ×4
    /// (26 % a year).
    pub fn presets() -> Vec<Scenario> {
        let steady = Scenario {
            id: "steady_ascent".into(),
            usage_cagr: [0.32, 0.35, 0.17],
            hardware_gain: 4.4,
            pue: 1.15,
            model_size: 3.0,
            output_tokens: 1.33,
            quantisation: 1.0,
            grid_change: -0.24,
            grid_path: GridPath::Uniform,
            embodied_per_unit: 1.0,
        };
        let breakthrough = 4.4 * 4.8;
        vec![
            steady.clone(),
            Scenario {
                id: "high_adoption".into(),
                usage_cagr: [0.47, 0.55, 0.24],
                output_tokens: 3.0,
                ..steady.clone()
            },
            Scenario {
                id: "limited_growth".into(),
                hardware_gain: breakthrough,
                pue: 1.10,
                model_size: 1.0,
                output_tokens: 1.13,
                quantisation: 1.2,
                grid_change: -0.45,
                ..steady.clone()
            },
            Scenario {
                id: "tech_breakthrough".into(),
                usage_cagr: [0.47, 0.55, 0.24],
                hardware_gain: breakthrough,
                pue: 1.10,
                output_tokens: 3.0,
                quantisation: 1.2,
                grid_change: -0.45,
                ..steady.clone()
            },
            Scenario {
                id: "intermediate".into(),
                usage_cagr: [0.40, 0.45, 4f64.powf(1.0 / 6.0) - 1.0],
                model_size: 2.0,
                output_tokens: 2.0,
                ..steady
            },
        ]
    }
}

/// One year of a projection, with its range: the projection is linear in the base-year
/// footprint, so the base year's low and high bounds project to the year's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearPoint {
    /// Calendar year.
    pub year: u16,
    /// Energy, kWh.
    pub energy_kwh: Estimate,
    /// Carbon (operational location-based plus embodied), kgCO2e.
    pub carbon_kg: Estimate,
    /// Water, litres.
    pub water_l: Estimate,
}

/// How much each driver changed the carbon from the base year to the end year, kgCO2e (sums to
/// the total change: logarithmic mean Divisia index, LMDI-I).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Drivers {
    /// More use.
    pub usage: f64,
    /// Larger models.
    pub model_size: f64,
    /// Longer answers.
    pub tokens: f64,
    /// More efficient hardware (negative).
    pub hardware: f64,
    /// Quantisation (negative).
    pub quantisation: f64,
    /// Data-centre PUE.
    pub pue: f64,
    /// Cleaner grid (negative).
    pub grid: f64,
    /// Embodied carbon per unit of work.
    pub embodied: f64,
}

/// A scenario's projection: the portfolio's years, and the drivers of the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// The scenario's id.
    pub scenario: String,
    /// One point per year, base year first.
    pub years: Vec<YearPoint>,
    /// The same years for each segment (GenAI, agentic, traditional), in [`Segment::ALL`]
    /// order; they add up to `years`.
    pub by_segment: [Vec<YearPoint>; 3],
    /// Decomposition of the carbon change from the base year to the last year.
    pub drivers: Drivers,
}

/// The footprint of the use cases of one segment on one pathway region in the base year, and
/// the PUE they ran at (central, weighted by energy).
#[derive(Debug, Clone, Copy, Default)]
struct Base {
    impacts: Impacts,
    pue_weighted_kwh: f64,
}

impl Base {
    fn pue(&self) -> f64 {
        let e0 = self.impacts.energy_kwh.central;
        if e0 > 0.0 {
            self.pue_weighted_kwh / e0
        } else {
            1.0
        }
    }
}

/// Base-year footprints by segment, then by pathway region.
type Bases = [[Base; 3]; 3];

/// The multiplicative factors of one segment on one grid in year `t` (years after the base
/// year).
struct Factors {
    usage: f64,
    size: f64,
    tokens: f64,
    hardware: f64,
    quantisation: f64,
    pue_ratio: f64,
    grid: f64,
    embodied: f64,
}

impl Factors {
    /// Energy in year t relative to the base year.
    fn energy_ratio(&self) -> f64 {
        self.usage * self.size * self.tokens * self.pue_ratio / (self.hardware * self.quantisation)
    }
}

fn factors(
    s: &Scenario,
    segment: Segment,
    region: PathwayRegion,
    base_pue: f64,
    t: f64,
) -> Factors {
    let span = f64::from(TARGET_YEAR - BASE_YEAR);
    let geometric = |value_2030: f64| value_2030.max(1e-9).powf(t / span);
    let pue_t = (base_pue + (s.pue - base_pue) * t / span).max(1.0);
    Factors {
        usage: (1.0 + s.usage_cagr[segment as usize]).max(0.0).powf(t),
        size: geometric(s.model_size),
        tokens: geometric(s.output_tokens),
        hardware: geometric(s.hardware_gain),
        quantisation: geometric(s.quantisation),
        pue_ratio: if base_pue > 0.0 { pue_t / base_pue } else { 1.0 },
        grid: match s.grid_path {
            GridPath::Uniform => (1.0 + s.grid_change * t / span).max(0.0),
            GridPath::Oecm => grid_pathways::oecm_factor(region, BASE_YEAR + t as u16),
        },
        embodied: geometric(s.embodied_per_unit),
    }
}

/// One year of one base: energy, carbon and water, at one bound.
fn year_of(b: &Base, f: &Factors, bound: Bound) -> [f64; 3] {
    let ratio = f.energy_ratio();
    let i = &b.impacts;
    [
        i.energy_kwh.at(bound) * ratio,
        i.carbon_operational_kg.at(bound) * ratio * f.grid
            + i.carbon_embodied_kg.at(bound) * f.usage * f.embodied,
        i.water_total_l().at(bound) * ratio,
    ]
}

/// Projects a portfolio's yearly footprint from the base year to `end_year` under a scenario.
pub fn project(
    portfolio: &Portfolio,
    result: &PortfolioResult,
    scenario: &Scenario,
    end_year: u16,
) -> Projection {
    let mut bases: Bases = Default::default();
    for (uc, r) in portfolio.use_cases.iter().zip(&result.use_cases) {
        let region = PathwayRegion::of_zone(r.factors.grid_zone);
        let b = &mut bases[Segment::of(&uc.workload) as usize][region as usize];
        b.impacts = b.impacts + r.per_year;
        b.pue_weighted_kwh += r.factors.pue.value.central * r.per_year.energy_kwh.central;
    }
    let end_year = end_year.max(BASE_YEAR);
    // One segment's year: the sum over its pathway regions, at each bound.
    let segment_year = |segment: Segment, t: f64| {
        let factors: Vec<(&Base, Factors)> = PathwayRegion::ALL
            .into_iter()
            .map(|region| {
                let b = &bases[segment as usize][region as usize];
                (b, factors(scenario, segment, region, b.pue(), t))
            })
            .collect();
        let part = |k: usize| {
            Estimate::from_bounds(|bound| {
                factors.iter().map(|(b, f)| year_of(b, f, bound)[k]).sum()
            })
        };
        YearPoint {
            year: BASE_YEAR + t as u16,
            energy_kwh: part(0),
            carbon_kg: part(1),
            water_l: part(2),
        }
    };
    let by_segment: [Vec<YearPoint>; 3] = Segment::ALL.map(|segment| {
        (0..=end_year - BASE_YEAR).map(|t| segment_year(segment, f64::from(t))).collect()
    });
    let years = (0..by_segment[0].len())
        .map(|k| {
            let add = |get: fn(&YearPoint) -> Estimate| {
                Estimate::from_bounds(|b| by_segment.iter().map(|s| get(&s[k]).at(b)).sum())
            };
            YearPoint {
                year: by_segment[0][k].year,
                energy_kwh: add(|y| y.energy_kwh),
                carbon_kg: add(|y| y.carbon_kg),
                water_l: add(|y| y.water_l),
            }
        })
        .collect();
    let drivers = decompose(&bases, scenario, f64::from(end_year - BASE_YEAR));
    Projection { scenario: scenario.id.clone(), years, by_segment, drivers }
}

/// LMDI-I: each driver's share of the change is the change × ln(its factor) ÷ ln(total ratio),
/// per segment, pathway region and carbon part (operational, embodied).
fn decompose(bases: &Bases, scenario: &Scenario, t: f64) -> Drivers {
    let mut d = Drivers::default();
    let log_mean = |a: f64, b: f64| {
        if (a - b).abs() < 1e-12 * a.abs().max(1e-300) {
            a
        } else {
            (a - b) / (a.ln() - b.ln())
        }
    };
    for segment in Segment::ALL {
        for region in PathwayRegion::ALL {
            let b = &bases[segment as usize][region as usize];
            let f = factors(scenario, segment, region, b.pue(), t);
            let operational_0 = b.impacts.carbon_operational_kg.central;
            if operational_0 > 0.0 {
                let operational_t = operational_0 * f.energy_ratio() * f.grid;
                if operational_t > 0.0 {
                    let w = log_mean(operational_t, operational_0);
                    d.usage += w * f.usage.ln();
                    d.model_size += w * f.size.ln();
                    d.tokens += w * f.tokens.ln();
                    d.hardware -= w * f.hardware.ln();
                    d.quantisation -= w * f.quantisation.ln();
                    d.pue += w * f.pue_ratio.ln();
                    d.grid += w * f.grid.ln();
                } else {
                    // A grid at zero: its change is all the grid's.
                    d.grid -= operational_0;
                }
            }
            let embodied_0 = b.impacts.carbon_embodied_kg.central;
            let embodied_t = embodied_0 * f.usage * f.embodied;
            if embodied_0 > 0.0 && embodied_t > 0.0 {
                let w = log_mean(embodied_t, embodied_0);
                d.usage += w * f.usage.ln();
                d.embodied += w * f.embodied.ln();
            } else if embodied_0 > 0.0 {
                // No use left: the embodied carbon goes with it.
                d.usage -= embodied_0;
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_portfolio, presets::presets, Portfolio};

    fn mix() -> Portfolio {
        Portfolio::of(presets().into_iter().map(|p| p.use_case).collect())
    }

    #[test]
    fn the_base_year_is_the_footprint() {
        let p = mix();
        let r = evaluate_portfolio(&p).unwrap();
        for s in Scenario::presets() {
            let proj = project(&p, &r, &s, 2035);
            let y0 = proj.years[0];
            assert_eq!(y0.year, BASE_YEAR);
            let total = &r.total_per_year;
            let pairs = [
                (y0.energy_kwh, total.energy_kwh),
                (y0.carbon_kg, total.carbon_total_kg()),
                (y0.water_l, total.water_total_l()),
            ];
            for (projected, footprint) in pairs {
                for bound in Bound::ALL {
                    let (a, b) = (projected.at(bound), footprint.at(bound));
                    assert!((a - b).abs() < 1e-9 * b, "{bound:?}: {a} vs {b}");
                }
            }
            assert!(proj
                .years
                .iter()
                .all(|y| y.carbon_kg.is_ordered() && y.energy_kwh.is_ordered()));
            assert_eq!(proj.years.last().map(|y| y.year), Some(2035));
        }
    }

    #[test]
    fn usage_compounds_as_one_plus_g_to_the_t() {
        let s = Scenario {
            model_size: 1.0,
            output_tokens: 1.0,
            hardware_gain: 1.0,
            quantisation: 1.0,
            pue: 1.15,
            grid_change: 0.0,
            ..Scenario::presets().remove(0)
        };
        let f = factors(&s, Segment::GenAi, PathwayRegion::Global, 1.15, 3.0);
        assert!((f.usage - 1.32f64.powi(3)).abs() < 1e-12);
        assert!((f.hardware - 1.0).abs() < 1e-12);
        let steady = Scenario::presets().remove(0);
        let f = factors(&steady, Segment::Traditional, PathwayRegion::Europe, 1.15, 6.0);
        assert!((f.hardware - 4.4).abs() < 1e-9 && (f.grid - 0.76).abs() < 1e-12);
        assert!((f.usage - 1.17f64.powi(6)).abs() < 1e-12);
    }

    #[test]
    fn reproduces_the_papers_ordering_of_scenarios() {
        let p = mix();
        let r = evaluate_portfolio(&p).unwrap();
        let energy_2030 = |id: &str| {
            let s = Scenario::presets().into_iter().find(|s| s.id == id).unwrap();
            project(&p, &r, &s, TARGET_YEAR).years.last().unwrap().energy_kwh.central
        };
        let order = [
            "high_adoption",
            "intermediate",
            "steady_ascent",
            "tech_breakthrough",
            "limited_growth",
        ];
        let values: Vec<f64> = order.iter().map(|id| energy_2030(id)).collect();
        assert!(values.windows(2).all(|w| w[0] > w[1]), "{order:?}: {values:?}");
        let base = r.total_per_year.energy_kwh.central;
        assert!(
            energy_2030("limited_growth") < base,
            "the efficiency scenario bends the curve down"
        );
        assert!(energy_2030("high_adoption") > 10.0 * base);
    }

    #[test]
    fn drivers_add_up_to_the_change() {
        let p = mix();
        let r = evaluate_portfolio(&p).unwrap();
        for s in Scenario::presets() {
            let proj = project(&p, &r, &s, TARGET_YEAR);
            let change =
                proj.years.last().unwrap().carbon_kg.central - proj.years[0].carbon_kg.central;
            let d = proj.drivers;
            let sum = d.usage
                + d.model_size
                + d.tokens
                + d.hardware
                + d.quantisation
                + d.pue
                + d.grid
                + d.embodied;
            assert!(
                (sum - change).abs() < 1e-6 * change.abs().max(1.0),
                "{}: {sum} vs {change}",
                s.id
            );
            assert!(d.usage > 0.0 && d.hardware < 0.0 && d.grid < 0.0, "{}", s.id);
        }
    }

    /// The bug this pins: a classic model's yearly fine-tune was projected with GenAI's
    /// growth, not with the traditional ML it retrains.
    #[test]
    fn classic_fine_tunes_grow_with_traditional_ml() {
        use crate::portfolio::{TrainingRun, Workload};
        let classic = Workload::Training(TrainingRun {
            compute: TrainingCompute::ClassicFineTune { task: Task::Tabular },
            accelerator: crate::refdata::accelerators::DEFAULT_ACCELERATOR.into(),
        });
        assert_eq!(Segment::of(&classic), Segment::Traditional);
        let llm_training = Workload::Training(TrainingRun {
            compute: TrainingCompute::Flops { active_parameters_b: 8.0, tokens_b: 1.0, mfu: None },
            accelerator: crate::refdata::accelerators::DEFAULT_ACCELERATOR.into(),
        });
        assert_eq!(Segment::of(&llm_training), Segment::GenAi);
    }

    #[test]
    fn segments_add_up_to_the_portfolio() {
        let p = mix();
        let r = evaluate_portfolio(&p).unwrap();
        let proj = project(&p, &r, &Scenario::presets()[1], 2035);
        for (k, y) in proj.years.iter().enumerate() {
            for bound in Bound::ALL {
                let sum: f64 = proj.by_segment.iter().map(|s| s[k].carbon_kg.at(bound)).sum();
                assert!((sum - y.carbon_kg.at(bound)).abs() < 1e-9 * sum.max(1.0));
            }
        }
        assert!(proj.by_segment.iter().all(|s| s.len() == proj.years.len()));
    }

    #[test]
    fn regional_pathways_follow_each_use_cases_grid() {
        let mut p = mix();
        for uc in &mut p.use_cases {
            uc.site.location = "FR".into();
        }
        let r = evaluate_portfolio(&p).unwrap();
        let flat = Scenario {
            usage_cagr: [0.0; 3],
            model_size: 1.0,
            output_tokens: 1.0,
            hardware_gain: 1.0,
            quantisation: 1.0,
            grid_path: GridPath::Oecm,
            ..Scenario::presets().remove(0)
        };
        let proj = project(&p, &r, &flat, 2030);
        let (y0, y6) = (proj.years[0], proj.years[6]);
        let operational = r.total_per_year.carbon_operational_kg.central;
        let embodied = r.total_per_year.carbon_embodied_kg.central;
        let pue_ratio = y6.energy_kwh.central / y0.energy_kwh.central;
        // France is in Europe: operational carbon × (0.0757 / 0.184), embodied unchanged.
        let expected = operational * pue_ratio * (0.0757 / 0.184) + embodied;
        assert!((y6.carbon_kg.central - expected).abs() < 1e-9 * expected);
        let d = proj.drivers;
        assert!(d.grid < 0.0 && d.usage == 0.0 && d.embodied == 0.0);
    }

    #[test]
    fn embodied_carbon_per_unit_moves_only_when_asked() {
        let p = mix();
        let r = evaluate_portfolio(&p).unwrap();
        let steady = Scenario::presets().remove(0);
        let halved = Scenario { embodied_per_unit: 0.5, ..steady.clone() };
        let (a, b) = (project(&p, &r, &steady, 2030), project(&p, &r, &halved, 2030));
        assert_eq!(a.drivers.embodied, 0.0);
        assert!(b.drivers.embodied < 0.0);
        assert!(b.years[6].carbon_kg.central < a.years[6].carbon_kg.central);
        assert_eq!(b.years[6].energy_kwh, a.years[6].energy_kwh);
    }
}
