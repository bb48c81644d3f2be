//! Starter use cases for common situations, each a complete, valid [`UseCase`] with defaults a
//! non-expert can start from and then adjust.

use crate::portfolio::{
    Cost, LlmTask, LlmWorkload, ModelChoice, ModelSize, Site, Task, TaskWorkload, TrainingCompute,
    TrainingRun, UseCase, Volume, Workload,
};

/// A named starter use case.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable identifier (also the translation key of its name).
    pub id: &'static str,
    /// The use case it adds.
    pub use_case: UseCase,
}

fn llm(task: LlmTask, model: ModelChoice, output_tokens: f64, input_tokens: f64) -> Workload {
    Workload::Llm(LlmWorkload {
        task,
        model,
        output_tokens,
        input_tokens,
        quantization_bits: 16.0,
        batch_size: None,
    })
}

fn per_user(users: f64, per_user_per_day: f64) -> Volume {
    Volume::PerUser { users, per_user_per_day, days_per_year: 250.0 }
}

fn at(location: &str) -> Site {
    Site { location: location.to_owned(), ..Site::default() }
}

/// Every preset, in display order.
pub fn presets() -> Vec<Preset> {
    let catalogue = |id: &str| ModelChoice::Catalogue { id: id.to_owned() };
    vec![
        Preset {
            id: "support_chatbot",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "Customer-support chatbot".into(),
                workload: llm(
                    LlmTask::Chat,
                    ModelChoice::Reference { size: ModelSize::B70 },
                    208.45,
                    126.89,
                ),
                volume: Volume::PerDay { per_day: 10_000.0, days_per_year: 365.0 },
                site: at("US"),
                cost: Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 },
                avoided: None,
            },
        },
        Preset {
            id: "coding_assistant",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "Coding assistant".into(),
                workload: llm(LlmTask::Chat, catalogue("openai/gpt-4o"), 600.0, 3_000.0),
                volume: per_user(100.0, 40.0),
                site: at("api:openai"),
                cost: Cost::ApiCatalogue,
                avoided: None,
            },
        },
        Preset {
            id: "rag_documents",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "RAG over internal documents".into(),
                workload: llm(
                    LlmTask::Rag,
                    ModelChoice::Reference { size: ModelSize::B70 },
                    363.0,
                    5_333.0,
                ),
                volume: per_user(500.0, 5.0),
                site: at("EU"),
                cost: Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 },
                avoided: None,
            },
        },
        Preset {
            id: "agentic_workflow",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "Agentic workflow".into(),
                workload: llm(
                    LlmTask::Agent,
                    ModelChoice::Reference { size: ModelSize::B70 },
                    390.93,
                    405.65,
                ),
                volume: Volume::PerDay { per_day: 2_000.0, days_per_year: 250.0 },
                site: at("US"),
                cost: Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 },
                avoided: None,
            },
        },
        Preset {
            id: "fraud_detection",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "Fraud-detection model".into(),
                workload: Workload::Task(TaskWorkload { task: Task::Tabular }),
                volume: Volume::PerDay { per_day: 200_000.0, days_per_year: 365.0 },
                site: at("US"),
                cost: Cost::None,
                avoided: None,
            },
        },
        Preset {
            id: "marketing_images",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "Image generation for marketing".into(),
                workload: Workload::Task(TaskWorkload { task: Task::ImageGeneration }),
                volume: per_user(20.0, 30.0),
                site: at("US"),
                cost: Cost::None,
                avoided: None,
            },
        },
        Preset {
            id: "fine_tune_small_model",
            use_case: UseCase {
                id: crate::id::UseCaseId::default(),
                name: "Fine-tuning a small open model".into(),
                workload: Workload::Training(TrainingRun {
                    compute: TrainingCompute::Flops {
                        active_parameters_b: 8.0,
                        tokens_b: 0.5,
                        mfu: None,
                    },
                    accelerator: crate::refdata::accelerators::DEFAULT_ACCELERATOR.into(),
                }),
                volume: Volume::PerYear { per_year: 4.0 },
                site: at("US"),
                cost: Cost::AcceleratorHours { usd_per_hour: None, usd_per_kwh: 0.0 },
                avoided: None,
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate_portfolio, Portfolio};

    #[test]
    fn every_preset_is_valid_and_has_a_footprint() {
        let use_cases: Vec<UseCase> = presets().into_iter().map(|p| p.use_case).collect();
        assert_eq!(use_cases.len(), 7);
        let result = evaluate_portfolio(&Portfolio::of(use_cases)).expect("valid");
        for uc in &result.use_cases {
            assert!(uc.per_year.energy_kwh.central > 0.0, "{}", uc.name);
        }
    }
}
