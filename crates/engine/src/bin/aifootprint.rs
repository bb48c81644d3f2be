//! `aifootprint`: the engine on the command line, for checking a number outside the browser,
//! scripting batch runs and comparing methodology versions.

use std::io::Read;
use std::process::ExitCode;

use engine::decision::{levers, projection, roe, saiq};
use engine::explain::{steps, Step};
use engine::format::parse_portfolio;
use engine::refdata::{accelerators, llm_models, locations};
use engine::{evaluate_portfolio, Portfolio, PortfolioResult};
use serde::Serialize;

const USAGE: &str = "\
usage: aifootprint <command>

  evaluate [FILE]     evaluate a portfolio (JSON; standard input when FILE is - or absent)
                      and print the full result, with the working of each use case, as JSON
  project [FILE] [--to YEAR]
                      project the portfolio's yearly footprint under the paper's five scenarios
                      and the portfolio's adjusted one (settings.scenario), from 2024 to 2030 or
                      YEAR, with the drivers of the change, as JSON
  saiq [FILE] [--per-request]
                      the Sustainable AI Quotient of each use case and of the portfolio against
                      the shipped reference (per 1,000 output tokens, or per request), with the
                      portfolio's weights (settings.saiq_weights; equal by default), and of the
                      portfolio against its pinned baseline (settings.baseline), as JSON
  roe [FILE]          the Return on Environment of each use case that declares what it avoids
                      (use_cases[].avoided), per indicator, as JSON
  what-if [FILE]      the yearly footprint before and after the portfolio's planned levers
                      (settings.levers), with the portfolio they make, as JSON
  migrate [FILE]      print the portfolio in the current file format (an older version's file
                      is migrated: see docs/portfolio-format.md)
  locations           list location identifiers (grid zones and cloud regions)
  models              list catalogued LLMs (provider/name, total and active parameters)
  accelerators        list catalogued accelerators
  version             print the methodology version

exit status: 0 success (also when the reader of the output stops reading), 1 a problem
with the input (missing, unreadable, not a portfolio, invalid: said on standard error) or
with writing the output, 2 a usage error (unknown command, flag or argument)
";

/// The latest year `project --to` accepts.
const LAST_YEAR: u16 = 2100;

/// What `evaluate` prints: the result and, per use case, the steps of its working.
#[derive(Serialize)]
struct Output<'a> {
    result: &'a PortfolioResult,
    working: Vec<Vec<Step>>,
}

/// What the command line asks for, checked before anything is read.
struct Request {
    command: String,
    file: Option<String>,
    to_year: u16,
    per_request: bool,
}

/// Reads the arguments; a usage error is a message.
fn parse_args(args: &[String]) -> Result<Request, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command".into());
    };
    let takes_file =
        matches!(command.as_str(), "evaluate" | "migrate" | "project" | "saiq" | "roe" | "what-if");
    let known = takes_file
        || matches!(command.as_str(), "locations" | "models" | "accelerators" | "version");
    if !known {
        return Err(format!("unknown command \"{command}\""));
    }
    let mut request = Request {
        command: command.clone(),
        file: None,
        to_year: projection::TARGET_YEAR,
        per_request: false,
    };
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--to" if command == "project" => {
                let year = rest.next().ok_or("--to needs a year")?;
                request.to_year = year
                    .parse::<u16>()
                    .ok()
                    .filter(|y| (projection::BASE_YEAR + 1..=LAST_YEAR).contains(y))
                    .ok_or_else(|| {
                        format!(
                            "--to {year}: the year must be {} to {LAST_YEAR}",
                            projection::BASE_YEAR + 1
                        )
                    })?;
            }
            "--per-request" if command == "saiq" => request.per_request = true,
            flag if flag.starts_with("--") => {
                return Err(format!("{command} does not take {flag}"));
            }
            file if takes_file && request.file.is_none() => request.file = Some(file.to_owned()),
            extra => return Err(format!("unexpected argument \"{extra}\"")),
        }
    }
    Ok(request)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let request = match parse_args(&args) {
        Ok(request) => request,
        Err(why) => {
            eprint!("aifootprint: {why}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let file = request.file.as_deref();
    match request.command.as_str() {
        "evaluate" => evaluate_command(file),
        "migrate" => migrate_command(file),
        command @ ("project" | "saiq" | "roe" | "what-if") => {
            decision_command(command, file, request.to_year, request.per_request)
        }
        "locations" => {
            let lines = locations().into_iter().map(|l| {
                format!("{}\t{}\t{} gCO2e/kWh\n", l.id(), l.label(), l.carbon_g_per_kwh().0)
            });
            write_out(&lines.collect::<String>())
        }
        "models" => {
            let lines = llm_models().iter().map(|m| {
                format!("{}\ttotal {:?} B\tactive {:?} B\n", m.id(), m.total_b, m.active_b)
            });
            write_out(&lines.collect::<String>())
        }
        "accelerators" => {
            let lines = accelerators()
                .iter()
                .map(|a| format!("{}\t{}\t{} W\t{} GB\n", a.id, a.name, a.tdp_w, a.memory_gb));
            write_out(&lines.collect::<String>())
        }
        _ => write_out(&format!("{}\n", engine::METHODOLOGY_VERSION)),
    }
}

/// Writes the output. A reader that stopped reading (`| head`) ends the program quietly and
/// successfully; any other failure (a full disk) is a message and status 1.
fn write_out(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aifootprint: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads and evaluates a portfolio; on failure, reports it and gives the exit status.
fn load(path: Option<&str>) -> Result<(Portfolio, PortfolioResult), ExitCode> {
    let text = read_input(path).map_err(|e| {
        eprintln!("aifootprint: {e}");
        ExitCode::from(1)
    })?;
    let portfolio = parse_portfolio(&text).map_err(|e| {
        eprintln!("aifootprint: {e}");
        ExitCode::from(1)
    })?;
    let result = evaluate_portfolio(&portfolio).map_err(|invalid| {
        eprintln!("{invalid}");
        ExitCode::from(1)
    })?;
    Ok((portfolio, result))
}

/// Prints a value as pretty JSON.
fn print_json(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(json) => write_out(&format!("{json}\n")),
        Err(e) => {
            eprintln!("aifootprint: cannot write the result: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads a file of any format version and prints it in the current one, valid or not: a
/// file with a problem can be migrated, then fixed.
fn migrate_command(path: Option<&str>) -> ExitCode {
    let text = match read_input(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("aifootprint: {e}");
            return ExitCode::from(1);
        }
    };
    match parse_portfolio(&text) {
        Ok(portfolio) => write_out(&format!("{}\n", engine::format::to_json_pretty(&portfolio))),
        Err(e) => {
            eprintln!("aifootprint: {e}");
            ExitCode::from(1)
        }
    }
}

fn evaluate_command(path: Option<&str>) -> ExitCode {
    match load(path) {
        Ok((_, result)) => {
            let working = result.use_cases.iter().map(steps).collect();
            print_json(&Output { result: &result, working })
        }
        Err(code) => code,
    }
}

/// `project`, `saiq`, `roe` and `what-if`: read, evaluate, then the decision layer.
fn decision_command(
    command: &str,
    path: Option<&str>,
    to_year: u16,
    per_request: bool,
) -> ExitCode {
    let (portfolio, result) = match load(path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if command == "project" {
        // The five presets, and the portfolio's own adjusted scenario when it has one.
        let mut scenarios = projection::Scenario::presets();
        if let Some(own) = &portfolio.settings.scenario {
            if !scenarios.iter().any(|s| s == own) {
                scenarios.push(own.clone());
            }
        }
        let projections: Vec<_> = scenarios
            .iter()
            .map(|s| projection::project(&portfolio, &result, s, to_year))
            .collect();
        return print_json(&projections);
    }
    if command == "what-if" {
        let after = levers::apply_planned(&portfolio)
            .map_err(levers::WhatIfError::Refused)
            .and_then(|after| levers::compare(&portfolio, &after).map(|w| (after, w)));
        return match after {
            Ok((after, w)) => print_json(&serde_json::json!({
                "levers": portfolio.settings.levers,
                "before": w.before,
                "after": w.after,
                "portfolio_after": after,
                "methodology_version": engine::METHODOLOGY_VERSION,
            })),
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        };
    }
    if command == "roe" {
        let returns: Vec<_> = portfolio
            .use_cases
            .iter()
            .zip(&result.use_cases)
            .filter_map(|(uc, r)| {
                let avoided = uc.avoided.as_ref()?;
                let roe = roe::of_use_case(r, avoided);
                Some(serde_json::json!({ "name": uc.name, "counterfactual": avoided.counterfactual, "return": roe }))
            })
            .collect();
        return print_json(&serde_json::json!({
            "use_cases": returns,
            "methodology_version": engine::METHODOLOGY_VERSION,
        }));
    }
    let unit = if per_request {
        saiq::FunctionalUnit::Request
    } else {
        saiq::FunctionalUnit::ThousandOutputTokens
    };
    let reference = saiq::reference_intensities(unit);
    let weights = portfolio.settings.saiq_weights;
    let score = |x: &saiq::Intensities| reference.and_then(|r| saiq::saiq(x, &r, &weights).ok());
    let use_cases: Vec<_> = portfolio
        .use_cases
        .iter()
        .zip(&result.use_cases)
        .map(|(uc, r)| {
            let x = saiq::use_case_intensities(uc, r, unit);
            serde_json::json!({ "name": uc.name, "intensities": x, "saiq": x.as_ref().and_then(score) })
        })
        .collect();
    let total = saiq::portfolio_intensities(&portfolio, &result, unit);
    // Against the portfolio's own baseline too, when it has pinned one.
    let baseline = portfolio.settings.baseline.as_deref().map(|b| {
        let intensities = saiq::intensities_of(b, unit);
        let saiq = total.zip(intensities).and_then(|(x, r)| saiq::saiq(&x, &r, &weights).ok());
        serde_json::json!({ "name": b.name, "intensities": intensities, "portfolio_saiq": saiq })
    });
    print_json(&serde_json::json!({
        "unit": unit,
        "weights": weights,
        "reference": { "use_case": saiq::reference_use_case().name, "intensities": reference },
        "baseline": baseline,
        "portfolio": { "intensities": total, "saiq": total.as_ref().and_then(score) },
        "use_cases": use_cases,
        "methodology_version": engine::METHODOLOGY_VERSION,
    }))
}

/// The text of the input file (standard input for `-` or none), in any encoding the app
/// also reads.
fn read_input(path: Option<&str>) -> Result<String, String> {
    let (name, bytes) = match path {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("standard input: {e}"))?;
            ("standard input", bytes)
        }
        Some(path) => (path, std::fs::read(path).map_err(|e| format!("{path}: {e}"))?),
    };
    engine::format::decode_text(&bytes).map_err(|e| format!("{name}: {e}"))
}
