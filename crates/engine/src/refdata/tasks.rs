//! Measured energies of inference tasks and of classic fine-tuning (docs/methodology.md §5
//! and §6): reference data, each value with its source.
//!
//! The values are treated as IT energy (measured at the server), so PUE applies on top.

use crate::portfolio::Task;
use crate::refdata::sources::{Source, CAPGEMINI_2025, LUCCIONI_2024};

/// IT energy of one inference, kWh, and where the value comes from.
pub fn kwh_per_inference(task: Task) -> (f64, &'static Source) {
    // Luccioni et al. publish kWh per 1,000 inferences.
    let per_thousand = |kwh: f64| (kwh / 1_000.0, &LUCCIONI_2024);
    match task {
        Task::Tabular => (2.99e-8, &CAPGEMINI_2025),
        Task::ComputerVision => (2.58e-5, &CAPGEMINI_2025),
        Task::Nlp => (3.60e-6, &CAPGEMINI_2025),
        Task::TextClassification => per_thousand(0.002),
        Task::ImageClassification => per_thousand(0.007),
        Task::ObjectDetection => per_thousand(0.038),
        Task::TextGeneration => per_thousand(0.047),
        Task::Summarisation => per_thousand(0.049),
        Task::ImageCaptioning => per_thousand(0.063),
        Task::ImageGeneration => per_thousand(2.907),
    }
}

/// Yearly fine-tuning energy of a traditional ML model, kWh: the paper's totals over a
/// five-year life, divided by five. `None` for tasks the paper does not cover.
pub fn classic_fine_tune_kwh_per_year(task: Task) -> Option<f64> {
    const LIFE_YEARS: f64 = 5.0;
    let total_kwh = match task {
        Task::Tabular => 2.00,
        Task::ComputerVision => 21.0,
        Task::Nlp => 0.881,
        _ => return None,
    };
    Some(total_kwh / LIFE_YEARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Keyed;

    #[test]
    fn energies_match_the_publications() {
        assert_eq!(kwh_per_inference(Task::Tabular).0, 2.99e-8);
        assert_eq!(kwh_per_inference(Task::ImageGeneration).0, 2.907e-3);
        assert_eq!(kwh_per_inference(Task::TextClassification).0, 2e-6);
        for task in Task::ALL {
            assert!(kwh_per_inference(*task).0 > 0.0);
        }
    }

    #[test]
    fn fine_tuning_is_annualised_over_five_years() {
        assert_eq!(classic_fine_tune_kwh_per_year(Task::ComputerVision), Some(4.2));
        assert_eq!(classic_fine_tune_kwh_per_year(Task::ImageGeneration), None);
    }
}
