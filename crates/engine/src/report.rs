//! Results and projections as CSV, for spreadsheets: every indicator as central, low and high,
//! plus the methodology version.

use crate::decision::projection::Projection;
use crate::evaluate::{Impacts, PortfolioResult};
use crate::portfolio::Phase;

/// Reads one indicator out of the impacts.
type Indicator = fn(&Impacts) -> crate::Estimate;

const INDICATORS: [(&str, Indicator); 8] = [
    ("energy_kwh", |i| i.energy_kwh),
    ("carbon_location_kg", |i| i.carbon_operational_kg),
    ("carbon_market_kg", |i| i.carbon_market_kg),
    ("carbon_embodied_kg", |i| i.carbon_embodied_kg),
    ("water_onsite_l", |i| i.water_onsite_l),
    ("water_offsite_l", |i| i.water_offsite_l),
    ("cost_usd", |i| i.cost_usd),
    ("carbon_total_kg", |i| i.carbon_total_kg()),
];

/// What a spreadsheet may read as the start of a formula (OWASP's CSV injection list): `=`,
/// `+`, `-`, `@`, tab and carriage return, and their full-width forms, which some spreadsheets
/// fold to the ASCII ones.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Quotes a CSV field when it holds a separator, a quote or a line break; and defuses text
/// that a spreadsheet would run as a formula, with a leading apostrophe.
fn field(text: &str) -> String {
    let text = if text.starts_with(FORMULA_STARTS) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The yearly results as CSV.
pub fn to_csv(result: &PortfolioResult) -> String {
    let mut out = String::from("use_case,phase,runs_per_year");
    for (name, _) in INDICATORS {
        out.push_str(&format!(",{name},{name}_low,{name}_high"));
    }
    out.push_str(",methodology_version\n");
    let mut row = |name: &str, phase: &str, runs: String, impacts: &Impacts| {
        out.push_str(&format!("{},{phase},{runs}", field(name)));
        for (_, get) in INDICATORS {
            let e = get(impacts);
            out.push_str(&format!(",{},{},{}", e.central, e.low, e.high));
        }
        out.push_str(&format!(",{}\n", result.methodology_version));
    };
    for uc in &result.use_cases {
        let phase = match uc.phase {
            Phase::Training => "training",
            Phase::Inference => "inference",
        };
        row(&uc.name, phase, uc.runs_per_year.to_string(), &uc.per_year);
    }
    row("Total", "all", String::new(), &result.total_per_year);
    out
}

/// Projections as CSV: one row per scenario, segment and year (segment `all` is the
/// portfolio), energy, carbon and water as central, low and high, plus the methodology version.
pub fn projections_csv(projections: &[Projection]) -> String {
    let mut out = String::from(
        "scenario,segment,year,energy_kwh,energy_kwh_low,energy_kwh_high,carbon_kg,carbon_kg_low,\
         carbon_kg_high,water_l,water_l_low,water_l_high,methodology_version\n",
    );
    for p in projections {
        let segments = [("genai", &p.by_segment[0]), ("agentic", &p.by_segment[1])]
            .into_iter()
            .chain([("traditional", &p.by_segment[2]), ("all", &p.years)]);
        for (segment, years) in segments {
            for y in years {
                out.push_str(&format!("{},{segment},{}", field(&p.scenario), y.year));
                for e in [y.energy_kwh, y.carbon_kg, y.water_l] {
                    out.push_str(&format!(",{},{},{}", e.central, e.low, e.high));
                }
                out.push_str(&format!(",{}\n", crate::METHODOLOGY_VERSION));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_portfolio, Portfolio, UseCase};

    #[test]
    fn one_row_per_use_case_plus_total_with_escaped_names() {
        let mut p = Portfolio::default();
        p.add(UseCase { name: "=HYPERLINK(\"x\"), risky".into(), ..UseCase::default() });
        let csv = to_csv(&evaluate_portfolio(&p).unwrap());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("use_case,phase,runs_per_year,energy_kwh,energy_kwh_low"));
        assert!(lines[2].starts_with("\"'=HYPERLINK(\"\"x\"\"), risky\",inference,3650000,"));
        for start in FORMULA_STARTS {
            let defused = field(&format!("{start}cmd|' /C calc'!A0"));
            let unquoted = defused.trim_start_matches('"');
            assert!(unquoted.starts_with('\''), "{start:?} gives {defused}");
        }
        assert_eq!(field("Plain name"), "Plain name");
        assert!(lines[3].starts_with("Total,all,,"));
        assert!(lines[3].ends_with(crate::METHODOLOGY_VERSION));
        let columns = lines[0].split(',').count();
        assert_eq!(lines[1].split(',').count(), columns);
    }

    #[test]
    fn projections_have_a_row_per_scenario_segment_and_year() {
        use crate::decision::projection::{project, Scenario};
        let p = Portfolio::default();
        let r = evaluate_portfolio(&p).unwrap();
        let all: Vec<_> = Scenario::presets().iter().map(|s| project(&p, &r, s, 2030)).collect();
        let csv = projections_csv(&all);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + 5 * 4 * 7, "header, then 5 scenarios × 4 segments × 7 years");
        assert!(lines[1].starts_with("steady_ascent,genai,2024,"));
        let columns = lines[0].split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == columns));
        let total_2030 = lines.iter().find(|l| l.starts_with("steady_ascent,all,2030,")).unwrap();
        let carbon: f64 = total_2030.split(',').nth(6).unwrap().parse().unwrap();
        assert_eq!(carbon, all[0].years[6].carbon_kg.central);
    }
}
