//! `aifootprint`: the engine on the command line, for checking a number outside the browser,
//! scripting batch runs and comparing methodology versions.

use std::io::Read;
use std::process::ExitCode;

use engine::explain::{steps, Step};
use engine::format::parse_portfolio;
use engine::refdata::{accelerators, llm_models, locations};
use engine::{evaluate, PortfolioResult};
use serde::Serialize;

const USAGE: &str = "\
usage: aifootprint <command>

  evaluate [FILE]     evaluate a portfolio (JSON; standard input when FILE is - or absent)
                      and print the full result, with the working of each use case, as JSON
  locations           list location identifiers (grid zones and cloud regions)
  models              list catalogued LLMs (provider/name, total and active parameters)
  accelerators        list catalogued accelerators
  version             print the methodology version

exit status: 0 success, 1 invalid portfolio (problems on standard error), 2 usage error
";

/// What `evaluate` prints: the result and, per use case, the steps of its working.
#[derive(Serialize)]
struct Output<'a> {
    result: &'a PortfolioResult,
    working: Vec<Vec<Step>>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("evaluate") => evaluate_command(args.get(1).map(String::as_str)),
        Some("locations") => {
            for l in locations() {
                println!("{}\t{}\t{} gCO2e/kWh", l.id(), l.label(), l.carbon_g_per_kwh().0);
            }
            ExitCode::SUCCESS
        }
        Some("models") => {
            for m in llm_models() {
                println!("{}\ttotal {:?} B\tactive {:?} B", m.id(), m.total_b, m.active_b);
            }
            ExitCode::SUCCESS
        }
        Some("accelerators") => {
            for a in accelerators() {
                println!("{}\t{}\t{} W\t{} GB", a.id, a.name, a.tdp_w, a.memory_gb);
            }
            ExitCode::SUCCESS
        }
        Some("version") => {
            println!("{}", engine::METHODOLOGY_VERSION);
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn evaluate_command(path: Option<&str>) -> ExitCode {
    let text = match read_input(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("aifootprint: {e}");
            return ExitCode::from(2);
        }
    };
    let portfolio = match parse_portfolio(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("aifootprint: {e}");
            return ExitCode::from(1);
        }
    };
    match evaluate(&portfolio) {
        Ok(result) => {
            let working = result.use_cases.iter().map(steps).collect();
            match serde_json::to_string_pretty(&Output { result: &result, working }) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("aifootprint: cannot write the result: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            ExitCode::from(1)
        }
    }
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    match path {
        None | Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("standard input: {e}"))?;
            Ok(text)
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}")),
    }
}
