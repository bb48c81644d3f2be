//! Every user-facing string, in English, Simplified Chinese and Traditional Chinese.
//!
//! One mechanism, checked at compile time: each language is a value of [`Texts`], a struct with
//! one field per string, so a language that lacks a string, or a component that names a string
//! that does not exist, does not compile. Components read the current language's texts with
//! [`texts`].

mod en;
mod zh_hans;
mod zh_hant;

use engine::portfolio::{LlmTask, Task};
use engine::{Inapplicable, Problem, Working};
use leptos::prelude::*;

/// The languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
}

impl Locale {
    /// Every language, in the switcher's order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhHans, Locale::ZhHant];

    /// BCP 47 tag, for `<html lang>` and the browser's formatters.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
        }
    }

    /// The language's own name, as the switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhHans => "简体中文",
            Locale::ZhHant => "繁體中文",
        }
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &en::TEXTS,
            Locale::ZhHans => &zh_hans::TEXTS,
            Locale::ZhHant => &zh_hant::TEXTS,
        }
    }

    /// The language for a browser preference list (`navigator.languages`): the first entry
    /// we have, English otherwise. Traditional for zh-Hant, zh-TW, zh-HK and zh-MO.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
        for tag in tags {
            let tag = tag.to_ascii_lowercase();
            if tag.starts_with("zh") {
                let traditional =
                    ["zh-hant", "zh-tw", "zh-hk", "zh-mo"].iter().any(|t| tag.starts_with(t));
                return if traditional { Locale::ZhHant } else { Locale::ZhHans };
            }
            if tag.starts_with("en") {
                return Locale::En;
            }
        }
        Locale::En
    }

    /// Parses a stored tag.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag() == tag)
    }
}

impl Texts {
    /// What a step of the working is, with the reference figures it names written from the
    /// engine's data (the texts hold `{}` where each goes).
    pub fn step(&self, id: engine::explain::StepId) -> String {
        engine::explain::fill((self.step_label)(id), id.figures())
    }

    /// A limit a portfolio went past, in words.
    pub fn limit(&self, limit: engine::limits::Limit) -> String {
        use engine::limits::Limit;
        match limit {
            Limit::UseCases => (self.limit_use_cases)(limit.value()),
            Limit::Levers => (self.limit_levers)(limit.value()),
            Limit::Bytes => (self.limit_bytes)(limit.value() / (1024 * 1024)),
            Limit::BaselineDepth => self.limit_baseline.to_owned(),
        }
    }

    /// Why a portfolio file could not be read, in words.
    pub fn file_error(&self, error: &engine::format::FileError) -> String {
        use engine::format::FileError;
        match error {
            FileError::NotJson(detail) => (self.not_json)(detail),
            FileError::NoSchemaVersion => self.no_schema_version.to_owned(),
            FileError::NotText => self.not_text.to_owned(),
            FileError::UnsupportedSchema { found, supported } => {
                (self.unsupported_schema)(*found, *supported)
            }
            FileError::TooLarge(limit) => (self.too_large)(&self.limit(*limit)),
            FileError::Shape { version, detail } => (self.shape_mismatch)(*version, detail),
        }
    }

    /// Why a share link could not be opened, in words.
    pub fn link_error(&self, error: &crate::share::LinkError) -> String {
        use crate::share::LinkError;
        match error {
            LinkError::NotBase64 => self.link_incomplete.to_owned(),
            LinkError::NotDeflate => self.link_damaged.to_owned(),
            LinkError::TooLarge(limit) => (self.too_large)(&self.limit(*limit)),
            LinkError::NotPortfolio(e) => self.file_error(e),
        }
    }

    /// The message for a problem the engine found with a field.
    pub fn problem(&self, problem: &Problem) -> String {
        let number = |x: f64| crate::format::significant(x, 6);
        match problem {
            Problem::NotANumber => self.problem_not_a_number.to_owned(),
            Problem::TooSmall { min } => (self.problem_too_small)(&number(*min)),
            Problem::TooLarge { max } => (self.problem_too_large)(&number(*max)),
            Problem::Empty => self.problem_empty.to_owned(),
            Problem::UnknownLocation(id) => (self.problem_unknown_location)(id),
            Problem::UnknownModel(id) => (self.problem_unknown_model)(id),
            Problem::UnknownAccelerator(id) => (self.problem_unknown_accelerator)(id),
            Problem::ActiveAboveTotal => self.problem_active_above_total.to_owned(),
            Problem::WeightsNotNormalised => self.problem_weights.to_owned(),
            Problem::NotApplicable(reason) => (self.problem_not_applicable)(match reason {
                Inapplicable::ClassicFineTuneTask => self.reason_classic_task,
                Inapplicable::TokenPricesNeedLlm => self.reason_token_prices,
                Inapplicable::NoCatalogueApiPrice => self.reason_no_catalogue_price,
                Inapplicable::NoHourlyPrice => self.reason_no_hourly_price,
            }),
            Problem::BadId(_) => self.problem_bad_id.to_owned(),
            Problem::DuplicateId(id) => (self.problem_duplicate_id)(id),
            Problem::UnknownUseCase(id) => (self.problem_unknown_use_case)(id),
            Problem::IndexNotId => self.problem_index_not_id.to_owned(),
            Problem::UnsupportedSchema { found, supported } => {
                (self.problem_schema)(*found, *supported)
            }
        }
    }
}

/// A scenario's factors as short figures, for the assumptions line beside the projection:
/// usage growth per segment (`+32 %`), then model size, output tokens, hardware, quantisation
/// and embodied carbon per unit by 2030 (`×3`), the 2030 PUE, and the grid change (`−24 %`).
pub struct ScenarioFigures {
    /// Yearly usage growth of GenAI, agents and traditional ML.
    pub growth: [String; 3],
    /// Model size, output tokens, hardware gain, quantisation gain, embodied per unit.
    pub factors: [String; 5],
    /// The hardware gain as a yearly rate (`×1.28`): the paper states it both ways.
    pub hardware_per_year: String,
    /// PUE in 2030.
    pub pue: String,
    /// Uniform grid change by 2030 (None: regional pathways).
    pub grid: Option<String>,
}

impl ScenarioFigures {
    fn of(s: &engine::decision::projection::Scenario) -> Self {
        use crate::format::{signed_percent as percent, significant, times};
        Self {
            growth: s.usage_cagr.map(percent),
            factors: [
                s.model_size,
                s.output_tokens,
                s.hardware_gain,
                s.quantisation,
                s.embodied_per_unit,
            ]
            .map(times),
            hardware_per_year: times(s.hardware_gain.max(0.0).powf(
                1.0 / f64::from(
                    engine::decision::projection::TARGET_YEAR
                        - engine::decision::projection::BASE_YEAR,
                ),
            )),
            pue: significant(s.pue, 3),
            grid: (s.grid_path == engine::decision::projection::GridPath::Uniform)
                .then(|| percent(s.grid_change)),
        }
    }
}

/// Picks one string out of the texts: `|t| t.name`.
pub type Pick = fn(&Texts) -> &'static str;

/// The current language, provided as context by the app.
#[derive(Clone, Copy)]
pub struct LocaleCtx(pub RwSignal<Locale>);

/// The current language; reactive, so call it inside closures in `view!`.
pub fn locale() -> impl Fn() -> Locale + Copy {
    let locale = use_context::<LocaleCtx>().map(|c| c.0);
    move || locale.map_or(Locale::En, |l| l.get())
}

/// The texts of the current language; reactive, so call it inside closures in `view!`.
pub fn texts() -> impl Fn() -> &'static Texts + Copy {
    let locale = locale();
    move || locale().texts()
}

/// Every string of the interface. Fields are grouped by where they appear.
pub struct Texts {
    // Page
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub footer_methodology: &'static str,
    pub footer_data: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    // Portfolio library
    pub portfolio: &'static str,
    pub portfolio_name: &'static str,
    pub new_portfolio: &'static str,
    pub delete_portfolio: &'static str,
    pub untitled_portfolio: &'static str,
    pub default_portfolio: &'static str,
    pub examples: &'static str,
    pub example_small: &'static str,
    pub example_company: &'static str,
    pub load_example: &'static str,
    // File and link actions
    pub export_json: &'static str,
    pub import_json: &'static str,
    pub export_csv: &'static str,
    pub share_link: &'static str,
    pub share_copied: &'static str,
    pub share_copy_manually: &'static str,
    /// The copy fallback where the page is no secure context (plain http on a network).
    pub share_no_clipboard: &'static str,
    pub share_failed: &'static str,
    pub share_file_note: &'static str,
    pub imported: fn(&str) -> String,
    pub import_refused: fn(&str) -> String,
    pub link_refused: fn(&str) -> String,
    pub opened_shared: fn(&str) -> String,
    pub download_failed: fn(&str) -> String,
    // Saving in the browser
    pub stored_newer: fn(usize) -> String,
    pub storage_unavailable: fn(&str) -> String,
    pub storage_full: fn(&str) -> String,
    pub kept_aside: fn(usize) -> String,
    pub left_in_place: fn(usize) -> String,
    pub prefs_reset: &'static str,
    pub conflict_copy_name: fn(&str) -> String,
    /// Both versions kept: the other tab's name, this tab's new name.
    pub conflict_kept: fn(&str, &str) -> String,
    pub restored_deleted: fn(&str) -> String,
    pub kept_changed_elsewhere: fn(&str) -> String,
    pub updated_elsewhere: fn(&str) -> String,
    pub deleted_elsewhere: fn(&str) -> String,
    pub update_ready: &'static str,
    pub update_now: &'static str,
    pub save_saved: &'static str,
    pub save_saved_file: &'static str,
    pub save_to_file: &'static str,
    pub save_pending: &'static str,
    pub save_unavailable: &'static str,
    pub save_failed: &'static str,
    /// Storage nearly full: used, quota.
    pub nearly_full: fn(&str, &str) -> String,
    pub saved_data: &'static str,
    pub saved_data_hint: &'static str,
    /// A kept-aside copy: where it came from, when.
    pub aside_item: fn(&str, &str) -> String,
    pub restore: &'static str,
    pub download: &'static str,
    pub delete: &'static str,
    pub aside_restored: fn(&str) -> String,
    pub aside_unreadable: &'static str,
    // Files and links refused
    pub not_json: fn(&str) -> String,
    pub no_schema_version: &'static str,
    pub not_text: &'static str,
    /// The file's format version, the newest this app reads.
    pub unsupported_schema: fn(u64, u32) -> String,
    /// The file's format version, what does not fit.
    pub shape_mismatch: fn(u64, &str) -> String,
    pub link_incomplete: &'static str,
    pub link_damaged: &'static str,
    /// Too large: which limit.
    pub too_large: fn(&str) -> String,
    pub limit_use_cases: fn(usize) -> String,
    pub limit_levers: fn(usize) -> String,
    pub limit_bytes: fn(usize) -> String,
    pub limit_baseline: &'static str,
    pub use_case_limit_reached: fn(usize) -> String,
    pub lever_limit_reached: fn(usize) -> String,
    // Use case list
    pub find_use_case: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// Rows shown: first, last, of how many.
    pub rows_shown: fn(usize, usize, usize) -> String,
    pub use_cases: &'static str,
    pub add_use_case: &'static str,
    pub add_from_preset: &'static str,
    pub empty_portfolio: &'static str,
    pub edit: &'static str,
    pub close: &'static str,
    pub duplicate: &'static str,
    pub remove: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub copy_suffix: &'static str,
    pub removed: fn(&str) -> String,
    pub undo: &'static str,
    /// A file or link of a portfolio the library already has (its name there).
    pub arrival_known: fn(&str) -> String,
    pub arrival_open_existing: &'static str,
    pub arrival_replace: &'static str,
    pub arrival_keep_both: &'static str,
    /// The library's copy was replaced by the arriving one.
    pub arrival_replaced: fn(&str) -> String,
    /// A malformed id, a duplicate use-case id, a lever on a use case that is not there.
    pub problem_bad_id: &'static str,
    pub problem_duplicate_id: fn(&str) -> String,
    pub problem_unknown_use_case: fn(&str) -> String,
    pub problem_index_not_id: &'static str,
    /// A lever refused because a use case relies on a published hourly price the chosen
    /// accelerator lacks.
    pub lever_refused_no_price: fn(&str) -> String,
    pub dismiss: &'static str,
    pub preset_name: fn(&str) -> &'static str,
    // Use case form
    pub name: &'static str,
    pub kind: &'static str,
    pub kind_llm: &'static str,
    pub kind_task: &'static str,
    pub kind_training: &'static str,
    pub what_does_it_do: &'static str,
    pub llm_task: fn(LlmTask) -> &'static str,
    pub task_name: fn(Task) -> &'static str,
    pub which_model: &'static str,
    pub model_small: &'static str,
    pub model_medium: &'static str,
    pub model_large: &'static str,
    pub model_catalogue: &'static str,
    pub model_custom: &'static str,
    pub catalogue_model: &'static str,
    pub total_parameters: &'static str,
    pub active_parameters: &'static str,
    pub billions: &'static str,
    pub answer_length: &'static str,
    pub prompt_length: &'static str,
    pub tokens_hint: &'static str,
    pub quantization: &'static str,
    pub batch_size: &'static str,
    pub bits: &'static str,
    pub how_often: &'static str,
    pub volume_per_day: &'static str,
    pub volume_per_user: &'static str,
    pub volume_per_year: &'static str,
    pub times_per_day: &'static str,
    pub how_many_people: &'static str,
    pub times_per_person: &'static str,
    pub days_per_year: &'static str,
    pub times_per_year: &'static str,
    pub per_day_unit: &'static str,
    pub people_unit: &'static str,
    pub per_person_unit: &'static str,
    pub days_unit: &'static str,
    pub per_year_unit: &'static str,
    pub where_runs: &'static str,
    pub group_api: &'static str,
    pub group_countries: &'static str,
    pub group_grids: &'static str,
    pub group_cloud: &'static str,
    pub advanced: &'static str,
    pub pue: &'static str,
    pub pue_hint: &'static str,
    pub wue: &'static str,
    pub carbon_free_share: &'static str,
    pub use_default: &'static str,
    pub cost: &'static str,
    pub cost_none: &'static str,
    pub cost_api_catalogue: &'static str,
    pub cost_api_tokens: &'static str,
    pub cost_hours: &'static str,
    pub price_input: &'static str,
    pub price_output: &'static str,
    pub price_hour: &'static str,
    pub price_kwh: &'static str,
    pub usd_per_million: &'static str,
    pub usd_per_hour: &'static str,
    pub usd_per_kwh: &'static str,
    pub training_basis: &'static str,
    pub basis_hours: &'static str,
    pub basis_flops: &'static str,
    pub basis_classic: &'static str,
    pub accelerator: &'static str,
    pub accelerator_hours: &'static str,
    pub training_tokens: &'static str,
    pub hours_unit: &'static str,
    pub runs_per_year: &'static str,
    // Settings
    pub settings: &'static str,
    pub estimator: &'static str,
    pub estimator_paper: &'static str,
    pub estimator_ecologits: &'static str,
    pub include_prefill: &'static str,
    pub equivalents_region: &'static str,
    pub region_eu: &'static str,
    pub region_us: &'static str,
    // Validation
    pub not_a_number: &'static str,
    pub enter_a_number: &'static str,
    /// The note under a number whose comma was read as a decimal point, with the value.
    pub read_decimal_comma: fn(&str) -> String,
    pub read_grouping_comma: fn(&str) -> String,
    pub read_grouping_dot: fn(&str) -> String,
    /// "1,000" where the locale writes a decimal comma: the two readings.
    pub number_ambiguous: fn(&str, &str) -> String,
    pub problem_not_a_number: &'static str,
    pub problem_too_small: fn(&str) -> String,
    pub problem_too_large: fn(&str) -> String,
    pub problem_empty: &'static str,
    pub problem_unknown_location: fn(&str) -> String,
    pub problem_unknown_model: fn(&str) -> String,
    pub problem_unknown_accelerator: fn(&str) -> String,
    pub problem_active_above_total: &'static str,
    pub problem_weights: &'static str,
    pub problem_not_applicable: fn(&str) -> String,
    pub problem_schema: fn(u32, u32) -> String,
    pub reason_classic_task: &'static str,
    pub reason_token_prices: &'static str,
    pub reason_no_catalogue_price: &'static str,
    pub reason_no_hourly_price: &'static str,
    pub stale: &'static str,
    // Results
    pub footprint_per_year: &'static str,
    pub energy: &'static str,
    pub carbon: &'static str,
    pub water: &'static str,
    pub cost_indicator: &'static str,
    pub range: &'static str,
    pub operational: &'static str,
    pub market_based: &'static str,
    pub embodied: &'static str,
    pub onsite: &'static str,
    pub offsite: &'static str,
    pub by_use_case: &'static str,
    pub other_use_cases: fn(usize) -> String,
    pub by_phase: &'static str,
    pub by_scope: &'static str,
    pub inference: &'static str,
    pub training: &'static str,
    pub show_table: &'static str,
    pub indicator: &'static str,
    pub share_of_total: &'static str,
    pub equivalents: &'static str,
    pub equivalent: fn(&str) -> &'static str,
    pub working: &'static str,
    pub working_for: fn(&str) -> String,
    /// The source column of a value the user typed.
    pub entered_by_user: &'static str,
    /// A counted unit of the working after its number (calls, runs, …), singular when the
    /// number as written is one; `None` for a symbol (kWh, W) written as it is.
    pub counted: fn(engine::units::Unit, bool) -> Option<&'static str>,
    pub step: &'static str,
    pub value: &'static str,
    pub source: &'static str,
    pub step_label: fn(engine::explain::StepId) -> &'static str,
    pub methodology_version: &'static str,
    pub per_run: &'static str,
    pub estimator_used: fn(&Working) -> &'static str,
    // Decisions
    pub saiq_title: &'static str,
    pub saiq_hint: &'static str,
    pub saiq_weights: &'static str,
    pub saiq_balanced: &'static str,
    pub saiq_cost_focused: &'static str,
    pub saiq_energy_focused: &'static str,
    pub saiq_climate_focused: &'static str,
    pub saiq_ranking: &'static str,
    pub projection_title: fn(u16) -> String,
    pub projection_caption: &'static str,
    pub scenario: &'static str,
    pub scenario_name: fn(&str) -> &'static str,
    pub drivers_title: fn(u16, u16) -> String,
    pub driver_usage: &'static str,
    pub driver_model_size: &'static str,
    pub driver_tokens: &'static str,
    pub driver_hardware: &'static str,
    pub driver_quantisation: &'static str,
    pub driver_pue: &'static str,
    pub driver_grid: &'static str,
    pub driver_embodied: &'static str,
    pub embodied_factor: &'static str,
    pub segment_genai: &'static str,
    pub segment_agentic: &'static str,
    pub segment_traditional: &'static str,
    pub grid_path: &'static str,
    pub grid_path_uniform: &'static str,
    pub grid_path_oecm: &'static str,
    pub assumptions: fn(&engine::decision::projection::Scenario) -> String,
    pub saiq_geometric: &'static str,
    pub functional_unit: &'static str,
    pub per_thousand_tokens: &'static str,
    pub per_request: &'static str,
    pub reference: &'static str,
    pub reference_shipped: &'static str,
    pub reference_pinned: fn(&str) -> String,
    pub reference_saved: fn(&str) -> String,
    pub reference_pin: &'static str,
    pub reference_unavailable: &'static str,
    pub baseline_pinned: fn(&str) -> String,
    pub pin_needs_valid: &'static str,
    pub this_portfolio: &'static str,
    pub ratio: &'static str,
    pub full_cost: &'static str,
    pub shadow_cost: &'static str,
    pub shadow_prices: &'static str,
    pub shadow_prices_hint: &'static str,
    pub carbon_price: &'static str,
    pub water_price: &'static str,
    pub percent_per_year: &'static str,
    pub percent_by_2030: &'static str,
    pub times_by_2030: &'static str,
    pub growth_genai: &'static str,
    pub growth_agentic: &'static str,
    pub growth_traditional: &'static str,
    pub model_size_factor: &'static str,
    pub tokens_factor: &'static str,
    pub hardware_factor: &'static str,
    pub quantisation_factor: &'static str,
    pub pue_2030: &'static str,
    pub grid_change: &'static str,
    pub factor_out_of_range: &'static str,
    pub scenario_custom: &'static str,
    pub projection_end: &'static str,
    pub scenario_factors: &'static str,
    pub scenario_factors_hint: &'static str,
    pub year: &'static str,
    pub central: &'static str,
    pub levers_title: &'static str,
    pub levers_hint: &'static str,
    pub lever: &'static str,
    pub lever_applies_to: &'static str,
    pub all_use_cases: &'static str,
    pub lever_right_size: &'static str,
    pub lever_task_specific: &'static str,
    pub lever_task: &'static str,
    pub lever_quantise: &'static str,
    pub lever_batch: &'static str,
    pub lever_batch_paper: &'static str,
    pub lever_accelerator: &'static str,
    pub lever_move_region: &'static str,
    pub lever_move_batch: &'static str,
    pub lever_carbon_free: &'static str,
    pub lever_pue: &'static str,
    pub lever_share_fine_tune: &'static str,
    pub lever_size: &'static str,
    pub lever_destination: &'static str,
    pub lever_teams: &'static str,
    pub add_lever: &'static str,
    pub remove_lever: &'static str,
    pub apply_levers: &'static str,
    pub levers_applied: fn(usize) -> String,
    /// What to check before a lever's saving is counted, per kind.
    pub caveat_right_size: &'static str,
    pub caveat_task_specific: &'static str,
    pub caveat_quantise: &'static str,
    pub caveat_batch: &'static str,
    pub caveat_accelerator: &'static str,
    pub caveat_move: &'static str,
    pub caveat_carbon_free: &'static str,
    pub caveat_pue: &'static str,
    pub caveat_share_fine_tune: &'static str,
    /// The per-use-case before/after table of the levers.
    pub by_use_case_caption: &'static str,
    /// The SAIQ ranking's use cases left out: per 1,000 tokens (not LLMs), per request
    /// (training runs and anything with no requests); and a list cut short.
    pub saiq_left_out_tokens: fn(&str) -> String,
    pub saiq_left_out_runs: fn(&str) -> String,
    pub and_more: fn(&str, usize) -> String,
    /// Between the names of a list ("a, b" / "a、b").
    pub list_separator: &'static str,
    pub use_case_column: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub change: &'static str,
    pub what_if_caption: &'static str,
    pub roe_title: &'static str,
    pub roe_hint: &'static str,
    pub roe_empty: &'static str,
    pub roe_footprint: &'static str,
    pub roe_avoided: &'static str,
    pub roe_rebound: &'static str,
    pub roe_net: &'static str,
    pub roe_value: &'static str,
    pub net_benefit: &'static str,
    pub net_cost: &'static str,
    pub no_footprint: &'static str,
    pub counterfactual: &'static str,
    pub avoided_title: &'static str,
    pub avoided_hint: &'static str,
    pub avoided_hours: &'static str,
    pub avoided_kg_per_hour: &'static str,
    pub avoided_pages: &'static str,
    pub avoided_car_km: &'static str,
    pub avoided_flight_km: &'static str,
    pub avoided_kwh: &'static str,
    pub avoided_custom_kg: &'static str,
    pub avoided_custom_l: &'static str,
    pub rebound_share: &'static str,
    /// A percentage field's value out of range.
    pub percent_range: &'static str,
    pub business_value: &'static str,
    pub replaces_writer: &'static str,
    pub page_counterfactual: &'static str,
    pub page_footprints: fn(&str, &str, &str) -> String,
    pub avoided_clear: &'static str,
    pub sources: &'static str,
    pub export_projection: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::equivalents::{equivalents, Region};
    use engine::{evaluate_portfolio, presets::presets, Portfolio};

    #[test]
    fn picks_the_browser_language() {
        assert_eq!(Locale::from_preferences(["fr-FR", "zh-TW", "en"]), Locale::ZhHant);
        assert_eq!(Locale::from_preferences(["zh-CN"]), Locale::ZhHans);
        assert_eq!(Locale::from_preferences(["zh-Hant-HK"]), Locale::ZhHant);
        assert_eq!(Locale::from_preferences(["en-GB", "zh-CN"]), Locale::En);
        assert_eq!(Locale::from_preferences(["de"]), Locale::En);
        assert_eq!(Locale::from_tag("zh-Hans"), Some(Locale::ZhHans));
    }

    #[test]
    fn problems_read_naturally_in_each_language() {
        let too_small = Problem::TooSmall { min: 0.0 };
        assert_eq!(Locale::En.texts().problem(&too_small), "Must be at least 0.");
        assert_eq!(Locale::ZhHans.texts().problem(&too_small), "不能小于 0。");
        assert_eq!(Locale::ZhHant.texts().problem(&too_small), "不能小於 0。");
        let reason = Problem::NotApplicable(Inapplicable::NoHourlyPrice);
        assert_eq!(
            Locale::En.texts().problem(&reason),
            "Not applicable: no published hourly price for this accelerator: enter one."
        );
        assert!(Locale::ZhHant.texts().problem(&reason).contains("小時價格"));
    }

    /// Strings looked up by identifier are outside the compiler's reach: check that every
    /// identifier the engine produces has a text in every language.
    #[test]
    fn every_engine_identifier_has_a_text_in_every_language() {
        let mut portfolio = Portfolio::default();
        for preset in presets() {
            portfolio.add(preset.use_case);
        }
        let mut ids: Vec<&str> = Vec::new();
        for estimator in [engine::LlmEstimator::Paper, engine::LlmEstimator::Ecologits] {
            portfolio.settings.llm_estimator = estimator;
            let result = evaluate_portfolio(&portfolio).expect("presets are valid");
            ids.extend(equivalents(&result.total_per_year, Region::Us).iter().map(|e| e.id));
        }
        for locale in Locale::ALL {
            let t = locale.texts();
            for id in &ids {
                assert!(!(t.equivalent)(id).is_empty(), "{} lacks {id}", locale.tag());
            }
            // Steps are an enum matched exhaustively: each has a text, checked by the compiler;
            // here, that none is empty and each has a place for every figure it names.
            for step in <engine::explain::StepId as engine::Keyed>::ALL {
                let template = (t.step_label)(*step);
                assert!(!template.is_empty(), "{} lacks {step:?}", locale.tag());
                let places = template.matches("{}").count();
                assert_eq!(places, step.figures().len(), "{} {step:?}", locale.tag());
            }
            assert_eq!(t.step(engine::explain::StepId::Network).matches("0.0342").count(), 1);
            for scenario in engine::decision::projection::Scenario::presets() {
                assert!(
                    !(t.scenario_name)(&scenario.id).is_empty(),
                    "{} lacks {}",
                    locale.tag(),
                    scenario.id
                );
            }
            for preset in presets() {
                assert_ne!(
                    (t.preset_name)(preset.id),
                    (t.preset_name)("unknown"),
                    "{} lacks {}",
                    locale.tag(),
                    preset.id
                );
            }
        }
    }

    #[test]
    fn assumptions_spell_out_the_scenario_with_the_yearly_hardware_rate() {
        let steady = engine::decision::projection::Scenario::presets().remove(0);
        let text = (Locale::En.texts().assumptions)(&steady);
        assert!(text.contains("usage +32 % (generative AI), +35 % (agents), +17 %"), "{text}");
        assert!(text.contains("hardware efficiency ×4.4 (×1.28 a year)"), "{text}");
        assert!(text.contains("grid carbon intensity −24 % by 2030"), "{text}");
        for locale in [Locale::ZhHans, Locale::ZhHant] {
            assert!((locale.texts().assumptions)(&steady).contains("×1.28"));
        }
    }
}
