//! What the user describes: a portfolio of AI use cases (docs/methodology.md §1).
//!
//! These types are the saved, exported and shared format, documented in
//! `docs/portfolio-format.md`. Their JSON form carries a `schema_version`; any change that an
//! older file would not parse the same way bumps it.

use serde::{Deserialize, Serialize};

use crate::id::{PortfolioId, UseCaseId};

pub mod avoided;
pub mod levers;
pub mod prices;
pub mod scenario;
pub mod weights;

/// The version of the portfolio file format this engine writes. Version 2 added stable ids of
/// portfolios and use cases; version 1 files are migrated when read ([`crate::format`]).
pub const SCHEMA_VERSION: u32 = 2;

/// A named list of use cases: the unit that is saved, exported, shared and labelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// Version of this format; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable id: the same portfolio keeps it through files, links and copies (absent only in
    /// version 1 files, which are given one when read).
    #[serde(default)]
    pub id: PortfolioId,
    /// Name shown to the user.
    pub name: String,
    /// Choices that apply to every use case.
    #[serde(default)]
    pub settings: Settings,
    /// The use cases, in the user's order.
    pub use_cases: Vec<UseCase>,
}

impl Portfolio {
    /// This portfolio as a baseline to keep: its inputs, without planned levers or a baseline
    /// of its own.
    pub fn as_baseline(&self) -> Portfolio {
        let mut snapshot = self.clone();
        snapshot.settings.levers.clear();
        snapshot.settings.baseline = None;
        snapshot
    }

    /// A portfolio of these use cases with the default settings, each given its own id.
    pub fn of(use_cases: Vec<UseCase>) -> Portfolio {
        let mut p = Portfolio { use_cases: Vec::new(), ..Portfolio::default() };
        for uc in use_cases {
            p.add(uc);
        }
        p
    }

    /// The use case with this id.
    pub fn use_case(&self, id: &UseCaseId) -> Option<&UseCase> {
        self.use_cases.iter().find(|uc| &uc.id == id)
    }

    /// Position of the use case with this id.
    pub fn index_of(&self, id: &UseCaseId) -> Option<usize> {
        self.use_cases.iter().position(|uc| &uc.id == id)
    }

    /// An id no use case of this portfolio has.
    pub fn fresh_use_case_id(&self) -> UseCaseId {
        UseCaseId::next_free(self.use_cases.iter().map(|uc| &uc.id))
    }

    /// Appends a use case under a fresh id, which it returns.
    pub fn add(&mut self, use_case: UseCase) -> UseCaseId {
        let index = self.use_cases.len();
        self.insert(index, use_case)
    }

    /// Inserts a use case at `index` (at the end when past it) under a fresh id, which it
    /// returns.
    pub fn insert(&mut self, index: usize, mut use_case: UseCase) -> UseCaseId {
        use_case.id = self.fresh_use_case_id();
        let id = use_case.id.clone();
        self.use_cases.insert(index.min(self.use_cases.len()), use_case);
        id
    }
}

/// The id of [`Portfolio::default`]: a portfolio the app creates gets a random one instead.
const DEFAULT_PORTFOLIO_ID: &str = "default0";

impl Default for Portfolio {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            id: DEFAULT_PORTFOLIO_ID.parse().expect("a well-formed constant id"),
            name: "My AI portfolio".to_owned(),
            settings: Settings::default(),
            use_cases: vec![UseCase::default()],
        }
    }
}

/// Choices that apply to the whole portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Which published estimator computes LLM inference energy.
    #[serde(default)]
    pub llm_estimator: LlmEstimator,
    /// Add the energy of processing input (prefill) tokens, which both published estimators
    /// leave out. Off by default so that results reproduce the published methods.
    #[serde(default)]
    pub include_prefill: bool,
    /// Weights of cost, energy, carbon and water in the Sustainable AI Quotient.
    #[serde(default)]
    pub saiq_weights: weights::Weights,
    /// Carbon and water prices that turn impacts into money beside the direct cost (0: none).
    #[serde(default, skip_serializing_if = "prices::ShadowPrices::is_none")]
    pub shadow_prices: prices::ShadowPrices,
    /// The projection scenario being looked at: a published preset or an adjusted copy of one
    /// (absent: the first preset, steady ascent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<scenario::Scenario>,
    /// What-if levers planned but not yet applied, in the order they apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levers: Vec<levers::Planned>,
    /// The portfolio as it was when pinned as its own SAIQ reference (its base year): kept as
    /// inputs, so that it is scored with the same methodology as the portfolio now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Box<Portfolio>>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            llm_estimator: LlmEstimator::Paper,
            include_prefill: false,
            saiq_weights: weights::Weights::BALANCED,
            shadow_prices: prices::ShadowPrices::default(),
            scenario: None,
            levers: Vec::new(),
            baseline: None,
        }
    }
}

/// The LLM inference estimators (docs/methodology.md §2 and §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LlmEstimator {
    /// Capgemini 2025: accelerator slices × power × time.
    #[default]
    Paper,
    /// EcoLogits: energy per output token from a regression on measured H100 data.
    Ecologits,
}

/// One thing the company's AI does: what, how much, with what, where, at what price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseCase {
    /// Stable id, unique within the portfolio (absent only in version 1 files, which are given
    /// ids when read).
    #[serde(default = "UseCaseId::missing")]
    pub id: UseCaseId,
    /// Name shown to the user.
    pub name: String,
    /// What runs.
    pub workload: Workload,
    /// How many times a year it runs: requests for inference, runs for training.
    pub volume: Volume,
    /// Where it runs.
    #[serde(default)]
    pub site: Site,
    /// What it costs.
    #[serde(default)]
    pub cost: Cost,
    /// What it replaces or avoids, for its Return on Environment (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avoided: Option<avoided::Avoided>,
}

impl Default for UseCase {
    fn default() -> Self {
        Self {
            id: UseCaseId::default(),
            name: "Customer-support chatbot".to_owned(),
            workload: Workload::Llm(LlmWorkload::default()),
            volume: Volume::PerDay { per_day: 10_000.0, days_per_year: 365.0 },
            site: Site::default(),
            // Costed from the published GPU-hour prices until the user says otherwise.
            cost: Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 },
            avoided: None,
        }
    }
}

/// What runs each time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Workload {
    /// Large-language-model inference: chat, RAG or agent.
    Llm(LlmWorkload),
    /// An inference task with a measured energy per inference: image generation, classic ML.
    Task(TaskWorkload),
    /// A training or fine-tuning run.
    Training(TrainingRun),
}

crate::keyed! {
    /// The kinds of [`Workload`].
    pub enum WorkloadKind {
        /// LLM inference.
        Llm = "llm",
        /// An inference task.
        Task = "task",
        /// A training run.
        Training = "training",
    }
}

impl Workload {
    /// Its kind.
    pub fn kind(&self) -> WorkloadKind {
        match self {
            Workload::Llm(_) => WorkloadKind::Llm,
            Workload::Task(_) => WorkloadKind::Task,
            Workload::Training(_) => WorkloadKind::Training,
        }
    }

    /// Training runs belong to the training phase; everything else to inference.
    pub fn phase(&self) -> Phase {
        match self {
            Workload::Training(_) => Phase::Training,
            Workload::Llm(_) | Workload::Task(_) => Phase::Inference,
        }
    }
}

/// Life-cycle phase of a use case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Training and fine-tuning.
    Training,
    /// Serving requests.
    Inference,
}

crate::keyed!(impl LlmEstimator { Paper = "paper", Ecologits = "ecologits" });
crate::keyed!(impl LlmTask { Chat = "chat", Rag = "rag", Agent = "agent" });
crate::keyed!(impl ModelSize { B8 = "8B", B70 = "70B", B405 = "405B" });
crate::keyed!(impl Task {
    ImageGeneration = "image_generation",
    Tabular = "tabular",
    ComputerVision = "computer_vision",
    Nlp = "nlp",
    TextClassification = "text_classification",
    ImageClassification = "image_classification",
    ObjectDetection = "object_detection",
    TextGeneration = "text_generation",
    Summarisation = "summarisation",
    ImageCaptioning = "image_captioning",
});

/// Large-language-model inference: one request is one chat turn, one RAG answer or one agent task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmWorkload {
    /// Chat, retrieval-augmented generation or agent.
    pub task: LlmTask,
    /// The model that answers.
    pub model: ModelChoice,
    /// Output tokens generated per model call.
    pub output_tokens: f64,
    /// Input (prompt) tokens per model call.
    pub input_tokens: f64,
    /// Bits per weight: 16 (FP16/BF16), 8 (FP8/INT8) or 4.
    #[serde(default = "default_bits")]
    pub quantization_bits: f64,
    /// Requests served together on the same GPUs. Only the EcoLogits estimator has a batch term
    /// (fitted on batches of up to 512); unset means its 64. The paper's estimator measured one
    /// request at a time and ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<f64>,
}

fn default_bits() -> f64 {
    16.0
}

impl Default for LlmWorkload {
    fn default() -> Self {
        let task = LlmTask::Chat;
        Self {
            task,
            model: ModelChoice::Reference { size: ModelSize::B70 },
            output_tokens: task.default_output_tokens(),
            input_tokens: task.default_input_tokens(),
            quantization_bits: default_bits(),
            batch_size: None,
        }
    }
}

/// The shape of an LLM request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LlmTask {
    /// A chat turn: one model call.
    Chat,
    /// Retrieval-augmented generation: one call with a long retrieved context.
    Rag,
    /// An agent task: several model calls (3.03 on average in the paper).
    Agent,
}

impl LlmTask {
    /// Typical output tokens per call (Capgemini 2025).
    pub fn default_output_tokens(self) -> f64 {
        match self {
            LlmTask::Chat => 208.45,
            LlmTask::Rag => 363.0,
            LlmTask::Agent => 390.93,
        }
    }

    /// Typical input tokens per call (Capgemini 2025).
    pub fn default_input_tokens(self) -> f64 {
        match self {
            LlmTask::Chat => 126.89,
            LlmTask::Rag => 5_333.0,
            LlmTask::Agent => 405.65,
        }
    }

    /// Model calls per request (Capgemini 2025: 3.03 per agent task).
    pub fn calls_per_request(self) -> f64 {
        match self {
            LlmTask::Chat | LlmTask::Rag => 1.0,
            LlmTask::Agent => 3.03,
        }
    }
}

/// Which model answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelChoice {
    /// One of the paper's reference models (Llama 3.1 8B, 70B, 405B), with measured speeds.
    Reference {
        /// The size.
        size: ModelSize,
    },
    /// A model from the catalogue, by `provider/name` (see [`crate::refdata::llm_models`]).
    Catalogue {
        /// `provider/name`, such as `openai/gpt-4o`.
        id: String,
    },
    /// A model described by its parameter counts.
    Custom {
        /// Total parameters, billions.
        total_parameters_b: f64,
        /// Parameters active per token, billions (equal to the total for a dense model).
        active_parameters_b: f64,
    },
}

/// Model sizes with published reference speeds (Llama 3.1 family, Capgemini 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelSize {
    /// 8 billion parameters.
    #[serde(rename = "8B")]
    B8,
    /// 70 billion parameters.
    #[serde(rename = "70B")]
    B70,
    /// 405 billion parameters.
    #[serde(rename = "405B")]
    B405,
}

impl ModelSize {
    /// Parameters, billions.
    pub fn parameters_b(self) -> f64 {
        match self {
            ModelSize::B8 => 8.0,
            ModelSize::B70 => 70.0,
            ModelSize::B405 => 405.0,
        }
    }
}

/// An inference task with a published energy per inference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskWorkload {
    /// The task.
    pub task: Task,
}

/// Inference tasks with a measured energy per inference (docs/methodology.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Traditional ML on tables (fraud detection, churn, forecasting).
    Tabular,
    /// Traditional computer vision.
    ComputerVision,
    /// Traditional natural-language processing.
    Nlp,
    /// Text classification with a task-specific model.
    TextClassification,
    /// Image classification.
    ImageClassification,
    /// Object detection.
    ObjectDetection,
    /// Text generation with a task-specific model.
    TextGeneration,
    /// Summarisation.
    Summarisation,
    /// Image captioning.
    ImageCaptioning,
    /// Image generation (diffusion models).
    ImageGeneration,
}

/// A training or fine-tuning run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingRun {
    /// How much compute the run takes.
    pub compute: TrainingCompute,
    /// Accelerator id from the catalogue (see [`crate::refdata::accelerators`]).
    #[serde(default = "default_accelerator")]
    pub accelerator: String,
}

/// The accelerator of a training run that names none, and of the estimates that assume one:
/// NVIDIA H100 SXM. Defined with the input model, so that the portfolio needs nothing from the
/// reference data; the catalogue has it (tested there).
pub const DEFAULT_ACCELERATOR: &str = "nvidia-h100-sxm";

fn default_accelerator() -> String {
    DEFAULT_ACCELERATOR.to_owned()
}

/// How the compute of a training run is known (docs/methodology.md §6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingCompute {
    /// Accelerator-hours, as model cards publish them.
    AcceleratorHours {
        /// Accelerator-hours per run.
        accelerator_hours: f64,
        /// Average power as a share of TDP; the reference range (0.6–1.0) when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        power_share_of_tdp: Option<f64>,
    },
    /// Training FLOPs = 6 × active parameters × tokens.
    Flops {
        /// Parameters active per token, billions.
        active_parameters_b: f64,
        /// Training tokens, billions.
        tokens_b: f64,
        /// Model FLOP utilisation; the reference range (0.3–0.5) when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mfu: Option<f64>,
    },
    /// The paper's yearly fine-tuning energy of a traditional ML model.
    ClassicFineTune {
        /// Tabular, computer vision or NLP.
        task: Task,
    },
}

crate::keyed! {
    /// The ways of knowing a training run's compute ([`TrainingCompute`]).
    pub enum ComputeBasis {
        /// Accelerator-hours.
        Hours = "hours",
        /// FLOPs from parameters and tokens.
        Flops = "flops",
        /// The paper's classic fine-tune.
        Classic = "classic",
    }
}

impl TrainingCompute {
    /// How it is known.
    pub fn basis(&self) -> ComputeBasis {
        match self {
            TrainingCompute::AcceleratorHours { .. } => ComputeBasis::Hours,
            TrainingCompute::Flops { .. } => ComputeBasis::Flops,
            TrainingCompute::ClassicFineTune { .. } => ComputeBasis::Classic,
        }
    }
}

/// How many times a year a use case runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Volume {
    /// A fixed number every day it runs.
    PerDay {
        /// Times per day.
        per_day: f64,
        /// Days per year it runs (365 for a public service, about 250 for working days).
        days_per_year: f64,
    },
    /// Users × times per user per working day × working days.
    PerUser {
        /// People using it.
        users: f64,
        /// Times each user uses it per working day.
        per_user_per_day: f64,
        /// Working days per year (250 by default).
        days_per_year: f64,
    },
    /// A direct yearly count.
    PerYear {
        /// Times per year.
        per_year: f64,
    },
}

/// The ways of expressing a [`Volume`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VolumeBasis {
    /// Times per day.
    PerDay,
    /// People × times per person per working day.
    PerUser,
    /// Times per year.
    PerYear,
}

crate::keyed!(impl VolumeBasis { PerDay = "per_day", PerUser = "per_user", PerYear = "per_year" });

impl Volume {
    /// How it is expressed.
    pub fn basis(&self) -> VolumeBasis {
        match self {
            Volume::PerDay { .. } => VolumeBasis::PerDay,
            Volume::PerUser { .. } => VolumeBasis::PerUser,
            Volume::PerYear { .. } => VolumeBasis::PerYear,
        }
    }

    /// The same yearly volume expressed another way: 365 days a year per day; 100 people on 250
    /// working days per user.
    pub fn expressed_as(&self, basis: VolumeBasis) -> Volume {
        const USERS: f64 = 100.0;
        const WORKING_DAYS: f64 = 250.0;
        let per_year = self.per_year();
        match (self, basis) {
            (Volume::PerDay { .. }, VolumeBasis::PerDay)
            | (Volume::PerUser { .. }, VolumeBasis::PerUser)
            | (Volume::PerYear { .. }, VolumeBasis::PerYear) => self.clone(),
            (_, VolumeBasis::PerDay) => {
                Volume::PerDay { per_day: per_year / 365.0, days_per_year: 365.0 }
            }
            (_, VolumeBasis::PerUser) => Volume::PerUser {
                users: USERS,
                per_user_per_day: per_year / (USERS * WORKING_DAYS),
                days_per_year: WORKING_DAYS,
            },
            (_, VolumeBasis::PerYear) => Volume::PerYear { per_year },
        }
    }

    /// Times per year. Only meaningful once the volume has been validated.
    pub fn per_year(&self) -> f64 {
        match *self {
            Volume::PerDay { per_day, days_per_year } => per_day * days_per_year,
            Volume::PerUser { users, per_user_per_day, days_per_year } => {
                users * per_user_per_day * days_per_year
            }
            Volume::PerYear { per_year } => per_year,
        }
    }
}

/// Where a use case runs, and the data-centre factors that differ from the defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// A location: a grid zone code ("FR", "WORLD") or a cloud region ("aws:us-east-1").
    pub location: String,
    /// Power usage effectiveness; the reference range when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pue: Option<f64>,
    /// On-site water usage effectiveness, L/kWh of IT energy; the reference range when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wue_onsite_l_per_kwh: Option<f64>,
    /// Share of electricity bought as carbon-free (contracts, certificates), 0–1, for the
    /// market-based carbon figure; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_free_share: Option<f64>,
}

impl Default for Site {
    fn default() -> Self {
        Self {
            location: "US".to_owned(),
            pue: None,
            wue_onsite_l_per_kwh: None,
            carbon_free_share: None,
        }
    }
}

crate::keyed! {
    /// The ways of costing a use case ([`Cost`]), named as in the file.
    pub enum CostBasis {
        /// Not costed.
        None = "none",
        /// The catalogue's API price.
        ApiCatalogue = "api_catalogue",
        /// Prices per million tokens.
        ApiTokens = "api_tokens",
        /// Accelerator-hours.
        AcceleratorHours = "accelerator_hours",
    }
}

impl Cost {
    /// How it is costed.
    pub fn basis(&self) -> CostBasis {
        match self {
            Cost::None => CostBasis::None,
            Cost::ApiCatalogue => CostBasis::ApiCatalogue,
            Cost::ApiTokens { .. } => CostBasis::ApiTokens,
            Cost::AcceleratorHours { .. } => CostBasis::AcceleratorHours,
        }
    }
}

/// What a use case costs, in US dollars.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    /// Not costed.
    #[default]
    None,
    /// The API price the catalogue lists for the use case's model (LLM catalogue models only).
    ApiCatalogue,
    /// An API priced per million tokens.
    ApiTokens {
        /// Price per million input tokens, $.
        usd_per_million_input: f64,
        /// Price per million output tokens, $.
        usd_per_million_output: f64,
    },
    /// Rented or owned accelerators priced per hour, plus the electricity when self-hosted.
    AcceleratorHours {
        /// Price per accelerator-hour, $; the published on-demand range for the accelerator
        /// when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        usd_per_hour: Option<f64>,
        /// Electricity price, $/kWh (0 when included in the hourly price).
        #[serde(default)]
        usd_per_kwh: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Keyed;

    /// Each choice's key is the word the file format uses for it.
    fn keys_are_the_file_format<K: Keyed + Serialize>() {
        for v in K::ALL {
            assert_eq!(serde_json::to_string(v).ok(), Some(format!("\"{}\"", v.key())));
        }
    }

    #[test]
    fn choice_keys_match_the_file_format() {
        keys_are_the_file_format::<LlmEstimator>();
        keys_are_the_file_format::<LlmTask>();
        keys_are_the_file_format::<ModelSize>();
        keys_are_the_file_format::<Task>();
    }

    #[test]
    fn changing_how_volume_is_expressed_keeps_the_yearly_count() {
        let start = Volume::PerDay { per_day: 2_000.0, days_per_year: 250.0 };
        for basis in [VolumeBasis::PerUser, VolumeBasis::PerYear, VolumeBasis::PerDay] {
            let v = start.expressed_as(basis);
            assert!((v.per_year() - 500_000.0).abs() < 1e-6, "{v:?}");
        }
        assert_eq!(start.expressed_as(VolumeBasis::PerDay), start, "same basis: unchanged");
    }
}
