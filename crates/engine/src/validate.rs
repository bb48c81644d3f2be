//! Input validation: every problem in a portfolio at once, each naming its field.
//!
//! The estimators assume validated input; [`crate::evaluate`] validates first, so no input can
//! make the engine panic or return NaN or infinity.

use crate::portfolio::{LlmWorkload, Portfolio, Site, UseCase, Volume, Workload, SCHEMA_VERSION};
use crate::refdata;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct InputError {
    /// Path of the field, as in the JSON file: `use_cases[0].volume.requests_per_day`.
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What can be wrong with an input value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// NaN or infinite.
    #[error("must be a number")]
    NotANumber,
    /// Below the smallest accepted value.
    #[error("must be at least {min}")]
    TooSmall {
        /// Smallest accepted value.
        min: f64,
    },
    /// Above the largest accepted value.
    #[error("must be at most {max}")]
    TooLarge {
        /// Largest accepted value.
        max: f64,
    },
    /// A text that must not be empty is empty.
    #[error("must not be empty")]
    Empty,
    /// A location identifier that the reference data does not know.
    #[error("unknown location \"{0}\"")]
    UnknownLocation(String),
    /// A file format version this engine does not read.
    #[error("schema version {found} is not supported (this version reads {supported})")]
    UnsupportedSchema {
        /// Version found in the file.
        found: u32,
        /// Version this engine reads.
        supported: u32,
    },
}

/// Accepted range of a numeric input, inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
}

impl Limits {
    const fn new(min: f64, max: f64) -> Self {
        Self { min, max }
    }

    /// Checks one value against these limits.
    pub fn check(&self, value: f64) -> Result<(), Problem> {
        if !value.is_finite() {
            Err(Problem::NotANumber)
        } else if value < self.min {
            Err(Problem::TooSmall { min: self.min })
        } else if value > self.max {
            Err(Problem::TooLarge { max: self.max })
        } else {
            Ok(())
        }
    }
}

/// Limits of each numeric input. The upper bounds reject typing slips, not ambition: they are
/// orders of magnitude above the largest public services (ChatGPT served about 2.5 billion
/// prompts a day in 2025).
pub mod limits {
    use super::Limits;

    /// Requests per day.
    pub const REQUESTS_PER_DAY: Limits = Limits::new(0.0, 1e11);
    /// Requests per year.
    pub const REQUESTS_PER_YEAR: Limits = Limits::new(0.0, 4e13);
    /// Users.
    pub const USERS: Limits = Limits::new(0.0, 1e10);
    /// Requests per user per day.
    pub const REQUESTS_PER_USER_PER_DAY: Limits = Limits::new(0.0, 1e5);
    /// Days per year.
    pub const DAYS_PER_YEAR: Limits = Limits::new(0.0, 366.0);
    /// Tokens per model call, input or output.
    pub const TOKENS: Limits = Limits::new(0.0, 2e6);
    /// Power usage effectiveness (1 is a perfect data centre).
    pub const PUE: Limits = Limits::new(1.0, 3.0);
    /// On-site water usage effectiveness, L/kWh.
    pub const WUE_L_PER_KWH: Limits = Limits::new(0.0, 20.0);
}

/// Collects problems while walking a portfolio.
struct Checker {
    errors: Vec<InputError>,
}

impl Checker {
    fn number(&mut self, field: impl FnOnce() -> String, value: f64, limits: Limits) {
        if let Err(problem) = limits.check(value) {
            self.errors.push(InputError {
                field: field(),
                problem,
            });
        }
    }

    fn push(&mut self, field: String, problem: Problem) {
        self.errors.push(InputError { field, problem });
    }
}

/// Returns every problem in the portfolio; an empty list means it can be evaluated.
pub fn validate(portfolio: &Portfolio) -> Vec<InputError> {
    let mut checker = Checker { errors: Vec::new() };
    if portfolio.schema_version != SCHEMA_VERSION {
        checker.push(
            "schema_version".to_owned(),
            Problem::UnsupportedSchema {
                found: portfolio.schema_version,
                supported: SCHEMA_VERSION,
            },
        );
    }
    for (i, use_case) in portfolio.use_cases.iter().enumerate() {
        check_use_case(&mut checker, &format!("use_cases[{i}]"), use_case);
    }
    checker.errors
}

fn check_use_case(c: &mut Checker, at: &str, use_case: &UseCase) {
    if use_case.name.trim().is_empty() {
        c.push(format!("{at}.name"), Problem::Empty);
    }
    match &use_case.workload {
        Workload::Llm(llm) => check_llm(c, &format!("{at}.workload"), llm),
    }
    check_volume(c, &format!("{at}.volume"), &use_case.volume);
    check_site(c, &format!("{at}.site"), &use_case.site);
}

fn check_llm(c: &mut Checker, at: &str, llm: &LlmWorkload) {
    c.number(
        || format!("{at}.output_tokens"),
        llm.output_tokens,
        limits::TOKENS,
    );
    c.number(
        || format!("{at}.input_tokens"),
        llm.input_tokens,
        limits::TOKENS,
    );
}

fn check_volume(c: &mut Checker, at: &str, volume: &Volume) {
    match *volume {
        Volume::PerDay {
            requests_per_day,
            days_per_year,
        } => {
            c.number(
                || format!("{at}.requests_per_day"),
                requests_per_day,
                limits::REQUESTS_PER_DAY,
            );
            c.number(
                || format!("{at}.days_per_year"),
                days_per_year,
                limits::DAYS_PER_YEAR,
            );
        }
        Volume::PerUser {
            users,
            requests_per_user_per_day,
            days_per_year,
        } => {
            c.number(|| format!("{at}.users"), users, limits::USERS);
            c.number(
                || format!("{at}.requests_per_user_per_day"),
                requests_per_user_per_day,
                limits::REQUESTS_PER_USER_PER_DAY,
            );
            c.number(
                || format!("{at}.days_per_year"),
                days_per_year,
                limits::DAYS_PER_YEAR,
            );
        }
        Volume::PerYear { requests_per_year } => {
            c.number(
                || format!("{at}.requests_per_year"),
                requests_per_year,
                limits::REQUESTS_PER_YEAR,
            );
        }
    }
}

fn check_site(c: &mut Checker, at: &str, site: &Site) {
    if refdata::location(&site.location).is_none() {
        c.push(
            format!("{at}.location"),
            Problem::UnknownLocation(site.location.clone()),
        );
    }
    if let Some(pue) = site.pue {
        c.number(|| format!("{at}.pue"), pue, limits::PUE);
    }
    if let Some(wue) = site.wue_onsite_l_per_kwh {
        c.number(
            || format!("{at}.wue_onsite_l_per_kwh"),
            wue,
            limits::WUE_L_PER_KWH,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(portfolio: &Portfolio) -> Vec<String> {
        validate(portfolio).into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn default_portfolio_is_valid() {
        assert_eq!(validate(&Portfolio::default()), vec![]);
    }

    #[test]
    fn reports_every_problem_at_once_with_its_field() {
        let mut p = Portfolio::default();
        let uc = &mut p.use_cases[0];
        uc.name = "  ".to_owned();
        uc.volume = Volume::PerDay {
            requests_per_day: -1.0,
            days_per_year: f64::NAN,
        };
        let Workload::Llm(llm) = &mut uc.workload;
        llm.output_tokens = f64::INFINITY;
        llm.input_tokens = 1e300;
        uc.site = Site {
            location: "XX".into(),
            pue: Some(0.5),
            wue_onsite_l_per_kwh: Some(-2.0),
        };
        assert_eq!(
            fields(&p),
            [
                "use_cases[0].name",
                "use_cases[0].workload.output_tokens",
                "use_cases[0].workload.input_tokens",
                "use_cases[0].volume.requests_per_day",
                "use_cases[0].volume.days_per_year",
                "use_cases[0].site.location",
                "use_cases[0].site.pue",
                "use_cases[0].site.wue_onsite_l_per_kwh",
            ]
        );
    }

    #[test]
    fn messages_are_readable() {
        let mut p = Portfolio::default();
        p.use_cases[0].volume = Volume::PerDay {
            requests_per_day: -5.0,
            days_per_year: 400.0,
        };
        let messages: Vec<String> = validate(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "use_cases[0].volume.requests_per_day: must be at least 0",
                "use_cases[0].volume.days_per_year: must be at most 366",
            ]
        );
    }

    #[test]
    fn rejects_unknown_schema_version() {
        let p = Portfolio {
            schema_version: 99,
            ..Portfolio::default()
        };
        assert_eq!(
            validate(&p)[0].to_string(),
            "schema_version: schema version 99 is not supported (this version reads 1)"
        );
    }

    #[test]
    fn checks_every_volume_basis() {
        let mut p = Portfolio::default();
        p.use_cases[0].volume = Volume::PerUser {
            users: -1.0,
            requests_per_user_per_day: 1e9,
            days_per_year: 250.0,
        };
        assert_eq!(
            fields(&p),
            [
                "use_cases[0].volume.users",
                "use_cases[0].volume.requests_per_user_per_day"
            ]
        );
        p.use_cases[0].volume = Volume::PerYear {
            requests_per_year: f64::NAN,
        };
        assert_eq!(fields(&p), ["use_cases[0].volume.requests_per_year"]);
    }
}
