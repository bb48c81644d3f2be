//! What the user describes: a portfolio of AI use cases (METHODOLOGY.md §1).
//!
//! These types are the saved, exported and shared format. Their JSON form carries a
//! `schema_version`; any change that an older file would not parse the same way bumps it.

use serde::{Deserialize, Serialize};

/// The version of the portfolio file format this engine reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A named list of use cases: the unit that is saved, exported, shared and labelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    /// Version of this format; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Name shown to the user.
    pub name: String,
    /// The use cases, in the user's order.
    pub use_cases: Vec<UseCase>,
}

impl Default for Portfolio {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            name: "My AI portfolio".to_owned(),
            use_cases: vec![UseCase::default()],
        }
    }
}

/// One thing the company's AI does: what, how much, with what, where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UseCase {
    /// Name shown to the user.
    pub name: String,
    /// What runs.
    pub workload: Workload,
    /// How often it runs.
    pub volume: Volume,
    /// Where it runs.
    pub site: Site,
}

impl Default for UseCase {
    fn default() -> Self {
        Self {
            name: "Customer-support chatbot".to_owned(),
            workload: Workload::Llm(LlmWorkload::default()),
            volume: Volume::PerDay {
                requests_per_day: 10_000.0,
                days_per_year: 365.0,
            },
            site: Site::default(),
        }
    }
}

/// What runs for each request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Workload {
    /// Large-language-model inference.
    Llm(LlmWorkload),
}

/// Large-language-model inference: one request is one chat turn, one RAG answer or one agent task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmWorkload {
    /// Chat, retrieval-augmented generation or agent.
    pub task: LlmTask,
    /// The model that answers.
    pub model: ModelSize,
    /// Output tokens generated per model call.
    pub output_tokens: f64,
    /// Input (prompt) tokens per model call.
    pub input_tokens: f64,
}

impl Default for LlmWorkload {
    fn default() -> Self {
        let task = LlmTask::Chat;
        Self {
            task,
            model: ModelSize::B70,
            output_tokens: task.default_output_tokens(),
            input_tokens: task.default_input_tokens(),
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
    /// Every task, in display order.
    pub const ALL: [LlmTask; 3] = [LlmTask::Chat, LlmTask::Rag, LlmTask::Agent];

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
    /// Every size, smallest first.
    pub const ALL: [ModelSize; 3] = [ModelSize::B8, ModelSize::B70, ModelSize::B405];

    /// Parameters, billions.
    pub fn parameters_b(self) -> f64 {
        match self {
            ModelSize::B8 => 8.0,
            ModelSize::B70 => 70.0,
            ModelSize::B405 => 405.0,
        }
    }

    /// The label used in files and shown to the user ("70B").
    pub fn label(self) -> &'static str {
        match self {
            ModelSize::B8 => "8B",
            ModelSize::B70 => "70B",
            ModelSize::B405 => "405B",
        }
    }
}

/// How many requests a use case serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum Volume {
    /// A fixed number of requests every day it runs.
    PerDay {
        /// Requests per day.
        requests_per_day: f64,
        /// Days per year it runs (365 for a public service, about 250 for working days).
        days_per_year: f64,
    },
    /// Users × requests per user per working day × working days.
    PerUser {
        /// People using it.
        users: f64,
        /// Requests each user makes per working day.
        requests_per_user_per_day: f64,
        /// Working days per year (250 by default).
        days_per_year: f64,
    },
    /// A direct yearly count.
    PerYear {
        /// Requests per year.
        requests_per_year: f64,
    },
}

impl Volume {
    /// Requests per year. Only meaningful once the volume has been validated.
    pub fn requests_per_year(&self) -> f64 {
        match *self {
            Volume::PerDay {
                requests_per_day,
                days_per_year,
            } => requests_per_day * days_per_year,
            Volume::PerUser {
                users,
                requests_per_user_per_day,
                days_per_year,
            } => users * requests_per_user_per_day * days_per_year,
            Volume::PerYear { requests_per_year } => requests_per_year,
        }
    }
}

/// Where a use case runs, and the data-centre factors that differ from the defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// A location identifier from [`crate::refdata::LOCATIONS`] ("FR", "aws:us-east-1").
    pub location: String,
    /// Power usage effectiveness; the reference range when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pue: Option<f64>,
    /// On-site water usage effectiveness, L/kWh of IT energy; the reference range when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wue_onsite_l_per_kwh: Option<f64>,
}

impl Default for Site {
    fn default() -> Self {
        Self {
            location: "US".to_owned(),
            pue: None,
            wue_onsite_l_per_kwh: None,
        }
    }
}
