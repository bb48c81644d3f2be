//! English.

use engine::portfolio::{LlmTask, Task};
use engine::{Inapplicable, Problem, Working};

use super::Texts;
use crate::format::significant;

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotANumber => "Enter a number.".into(),
        Problem::TooSmall { min } => format!("Must be at least {}.", significant(*min, 6)),
        Problem::TooLarge { max } => format!("Must be at most {}.", significant(*max, 6)),
        Problem::Empty => "Must not be empty.".into(),
        Problem::UnknownLocation(id) => format!("Unknown location “{id}”."),
        Problem::UnknownModel(id) => format!("Unknown model “{id}”."),
        Problem::UnknownAccelerator(id) => format!("Unknown accelerator “{id}”."),
        Problem::ActiveAboveTotal => "Active parameters cannot exceed the total.".into(),
        Problem::NotApplicable(why) => {
            let why = match why {
                Inapplicable::ClassicFineTuneTask => {
                    "classic fine-tuning covers tabular, computer vision and NLP only"
                }
                Inapplicable::TokenPricesNeedLlm => {
                    "token prices apply only to language-model use cases"
                }
                Inapplicable::NoCatalogueApiPrice => {
                    "the catalogue lists no API price for this model"
                }
                Inapplicable::NoHourlyPrice => {
                    "no published hourly price for this accelerator: enter one"
                }
            };
            format!("Not applicable: {why}.")
        }
        Problem::UnsupportedSchema { found, supported } => {
            format!(
                "File format version {found} is not supported (this version reads {supported})."
            )
        }
    }
}

fn llm_task(t: LlmTask) -> &'static str {
    match t {
        LlmTask::Chat => "Chat: answers questions in a conversation",
        LlmTask::Rag => "RAG: answers from the company's documents",
        LlmTask::Agent => "Agent: completes tasks in several steps",
    }
}

fn task_name(t: Task) -> &'static str {
    match t {
        Task::Tabular => "Classic ML on tables (fraud, churn, forecasts)",
        Task::ComputerVision => "Classic computer vision",
        Task::Nlp => "Classic language processing",
        Task::TextClassification => "Text classification",
        Task::ImageClassification => "Image classification",
        Task::ObjectDetection => "Object detection",
        Task::TextGeneration => "Text generation (task-specific model)",
        Task::Summarisation => "Summarisation",
        Task::ImageCaptioning => "Image captioning",
        Task::ImageGeneration => "Image generation",
    }
}

fn preset_name(id: &str) -> &'static str {
    match id {
        "support_chatbot" => "Customer-support chatbot",
        "coding_assistant" => "Coding assistant",
        "rag_documents" => "RAG over internal documents",
        "agentic_workflow" => "Agentic workflow",
        "fraud_detection" => "Fraud-detection model",
        "marketing_images" => "Image generation for marketing",
        "fine_tune_small_model" => "Fine-tuning a small open model",
        _ => "Use case",
    }
}

fn equivalent(id: &str) -> &'static str {
    match id {
        "car_km" => "km driven in an average car",
        "flight_km" => "passenger-km flown in economy",
        "tree_years" => "years of CO₂ absorbed by one tree",
        "showers" => "average showers of water",
        "household_years" => "years of a US household's electricity",
        _ => "",
    }
}

fn step_label(id: &str) -> &'static str {
    match id {
        "memory" => "Model memory",
        "slices" => "A100 slices of 10 GB occupied",
        "ttft" => "Time to first token",
        "throughput" => "Output speed",
        "time" => "Time per call (first token + output tokens ÷ speed)",
        "compute" => "Compute energy per call (slices × 50.1 W × PUE × time)",
        "storage" => "Storage energy per call (request kept one year)",
        "network" => "Network energy per call (0.0342 kWh/GB)",
        "prefill" => "Prompt (prefill) IT energy per call",
        "calls" => "Model calls per request",
        "gpus" => "H100 GPUs holding the model",
        "gpu_per_token" => "GPU energy per output token per GPU",
        "generation" => "Generation time",
        "server" => "Server share (time × 1.2 kW × GPUs ÷ 8 ÷ 64)",
        "gpu" => "GPU energy (GPUs × tokens × energy per token)",
        "facility" => "Energy per call (IT × PUE)",
        "per_inference" => "IT energy per inference (measured)",
        "hours" => "Accelerator-hours per run",
        "power" => "Average power per accelerator",
        "pue" => "Data-centre PUE",
        "grid" => "Grid carbon intensity (location-based)",
        "offsite_water" => "Water per kWh generated (off-site)",
        "onsite_water" => "Cooling water per kWh of IT energy (on-site)",
        "runs" => "Runs per year",
        _ => "",
    }
}

fn estimator_used(w: &Working) -> &'static str {
    match w {
        Working::Paper { .. } => "Capgemini 2025 estimator",
        Working::Ecologits { .. } => "EcoLogits estimator",
        Working::Task { .. } => "Measured energy per inference",
        Working::Training { .. } => "Training compute",
    }
}

pub static TEXTS: Texts = Texts {
    app_title: "AI Footprint",
    tagline: "Energy, carbon, water and cost of your AI, computed in your browser. Nothing you enter leaves this page.",
    footer_methodology: "Methodology version",
    footer_data: "Reference data",
    language: "Language",
    theme: "Theme",
    theme_auto: "Automatic",
    theme_light: "Light",
    theme_dark: "Dark",
    portfolio: "Portfolio",
    portfolio_name: "Portfolio name",
    new_portfolio: "New portfolio",
    delete_portfolio: "Delete portfolio",
    untitled_portfolio: "Untitled portfolio",
    default_portfolio: "My AI portfolio",
    examples: "Examples",
    example_small: "Small team: one chatbot",
    example_company: "Mid-size company: AI across departments",
    load_example: "Open example",
    export_json: "Export portfolio (JSON)",
    import_json: "Import portfolio (JSON)",
    export_csv: "Export results (CSV)",
    share_link: "Copy share link",
    share_copied: "Link copied. It holds the whole portfolio; nothing is stored on a server.",
    share_copy_manually: "Copy this link:",
    imported: |name| format!("Imported “{name}” as a new portfolio."),
    import_refused: |why| format!("That file was not imported, and nothing changed: {why}"),
    link_refused: |why| format!("That link could not be opened, and nothing changed: {why}"),
    opened_shared: |name| format!("Opened the shared portfolio “{name}” as a new portfolio."),
    storage_failed: |why| format!("Your work could not be saved in this browser: {why}. Export it to keep it."),
    stored_newer: "Portfolios saved by a newer version of AI Footprint were found; they are kept untouched, and this session starts fresh.",
    use_cases: "Use cases",
    add_use_case: "Add a use case",
    add_from_preset: "Start from",
    empty_portfolio: "No use case yet: add one from a starter below.",
    edit: "Edit",
    close: "Close",
    duplicate: "Duplicate",
    remove: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    copy_suffix: "(copy)",
    removed: |name| format!("Removed “{name}”."),
    undo: "Undo",
    dismiss: "Dismiss",
    preset_name,
    name: "Name",
    kind: "Kind of AI",
    kind_llm: "Large language model (chat, RAG, agent)",
    kind_task: "Image generation or classic ML",
    kind_training: "Training or fine-tuning run",
    what_does_it_do: "What does it do?",
    llm_task,
    task_name,
    which_model: "Which model?",
    model_small: "Small (8B)",
    model_medium: "Medium (70B)",
    model_large: "Large (405B)",
    model_catalogue: "A named model",
    model_custom: "Custom size",
    catalogue_model: "Model",
    total_parameters: "Total parameters",
    active_parameters: "Active parameters per token",
    billions: "billion",
    answer_length: "How long is each answer?",
    prompt_length: "How long is each prompt?",
    tokens_hint: "tokens (about ¾ of a word each)",
    quantization: "Weight precision",
    bits: "bits",
    how_often: "How often is it used?",
    volume_per_day: "Times per day",
    volume_per_user: "People × times per person",
    volume_per_year: "Times per year",
    times_per_day: "How many times per day?",
    how_many_people: "How many people use it?",
    times_per_person: "How often per person per working day?",
    days_per_year: "Days per year it runs",
    times_per_year: "How many times per year?",
    per_day_unit: "per day",
    people_unit: "people",
    per_person_unit: "per person per day",
    days_unit: "days",
    per_year_unit: "per year",
    where_runs: "Where does it run?",
    group_api: "AI API providers",
    group_countries: "Countries and world regions",
    group_grids: "Grids within a country",
    group_cloud: "Cloud regions",
    advanced: "Advanced",
    pue: "Data-centre PUE",
    pue_hint: "facility energy ÷ IT energy",
    wue: "On-site cooling water",
    carbon_free_share: "Carbon-free electricity bought",
    use_default: "Use the default",
    cost: "Cost",
    cost_none: "Not costed",
    cost_api_catalogue: "Listed API price",
    cost_api_tokens: "API price I enter",
    cost_hours: "Accelerator-hours",
    price_input: "Price of input tokens",
    price_output: "Price of output tokens",
    price_hour: "Price per accelerator-hour",
    price_kwh: "Electricity price",
    usd_per_million: "$ per million tokens",
    usd_per_hour: "$ per hour",
    usd_per_kwh: "$ per kWh",
    training_basis: "How is the compute known?",
    basis_hours: "Accelerator-hours",
    basis_flops: "Model size and training tokens",
    basis_classic: "Classic ML fine-tuning",
    accelerator: "Accelerator",
    accelerator_hours: "Accelerator-hours per run",
    training_tokens: "Training tokens",
    hours_unit: "hours",
    runs_per_year: "Runs per year",
    settings: "Settings",
    estimator: "LLM estimator",
    estimator_paper: "Capgemini 2025 (paper)",
    estimator_ecologits: "EcoLogits",
    include_prefill: "Count the energy of reading prompts (extension)",
    equivalents_region: "Compare with",
    region_eu: "Europe",
    region_us: "United States",
    not_a_number: "Not a number: type digits, such as 1500 or 1.5e3.",
    enter_a_number: "Enter a number.",
    problem,
    stale: "Showing the last valid result: correct the highlighted field to update it.",
    footprint_per_year: "Footprint per year",
    energy: "Energy",
    carbon: "Carbon",
    water: "Water",
    cost_indicator: "Cost",
    range: "range",
    operational: "operational",
    market_based: "market-based",
    embodied: "embodied",
    onsite: "on-site cooling",
    offsite: "off-site, generating the electricity",
    by_use_case: "Carbon by use case",
    other_use_cases: |n| format!("{n} other use cases"),
    by_phase: "By phase",
    by_scope: "By scope",
    inference: "Inference",
    training: "Training",
    show_table: "Show as a table",
    indicator: "Indicator",
    share_of_total: "Share of total",
    equivalents: "That is about",
    equivalent,
    working: "Show the working",
    working_for: |name| format!("Working for “{name}”"),
    step: "Step",
    value: "Value",
    source: "Source",
    step_label,
    methodology_version: "Methodology version",
    per_run: "per run",
    estimator_used,
};
