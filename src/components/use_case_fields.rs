//! The numbers of a use case's form as tables: one row per number, saying where the number
//! lives in the use case, which field the engine's problems name, and how its slider moves.
//! The form lays them out; every row is drawn by the same view.

use engine::field::{CostField, SiteField, UseCaseField, VolumeField, WorkloadField};
use engine::portfolio::{Cost, ModelChoice, TrainingCompute, Volume};
use engine::validate::limits;
use engine::UseCase;

use super::number_field::SliderScale;
use crate::i18n::Pick;

/// One number of the form, as a row of a table: its id, label and unit, the field the engine
/// names in its problems, how it is read and written, and its slider. Rows are rendered by one
/// shared view (`Editing::number` in the form), so a new number costs a row, not a copy of the view.
#[derive(Clone, Copy)]
pub(crate) struct NumberRow {
    pub(crate) id: &'static str,
    pub(crate) label: Pick,
    pub(crate) unit: Pick,
    pub(crate) field: UseCaseField,
    pub(crate) get: fn(&UseCase) -> Option<f64>,
    pub(crate) set: fn(&mut UseCase, f64),
    pub(crate) scale: SliderScale,
}

/// The getter and setter of one number of a use case: `place.field` for a field of a struct,
/// `place: Variant.field` for a field of one variant of an enum. `place` names a module of
/// [`places`] that reaches the struct or enum.
macro_rules! access {
    ($place:ident . $field:ident) => {
        (
            |uc: &UseCase| Some(places::$place::get(uc)?.$field),
            |uc: &mut UseCase, v: f64| {
                if let Some(p) = places::$place::get_mut(uc) {
                    p.$field = v;
                }
            },
        )
    };
    ($place:ident : $variant:path, $field:ident) => {
        (
            |uc: &UseCase| match places::$place::get(uc)? {
                $variant { $field, .. } => Some(*$field),
                _ => None,
            },
            |uc: &mut UseCase, v: f64| {
                if let Some($variant { $field, .. }) = places::$place::get_mut(uc) {
                    *$field = v;
                }
            },
        )
    };
}

/// Where the numbers of a use case live, each reached for reading and for writing.
mod places {
    use engine::portfolio::{Cost, LlmWorkload, ModelChoice, TrainingCompute, Volume, Workload};
    use engine::UseCase;

    macro_rules! place {
        ($name:ident: $ty:ty, $uc:ident => $get:expr, $get_mut:expr) => {
            pub(super) mod $name {
                use super::*;
                pub(in super::super) fn get($uc: &UseCase) -> Option<&$ty> {
                    $get
                }
                pub(in super::super) fn get_mut($uc: &mut UseCase) -> Option<&mut $ty> {
                    $get_mut
                }
            }
        };
    }

    place!(llm: LlmWorkload, uc => match &uc.workload {
        Workload::Llm(llm) => Some(llm),
        _ => None,
    }, match &mut uc.workload {
        Workload::Llm(llm) => Some(llm),
        _ => None,
    });
    place!(model: ModelChoice, uc => llm::get(uc).map(|l| &l.model), llm::get_mut(uc).map(|l| &mut l.model));
    place!(compute: TrainingCompute, uc => match &uc.workload {
        Workload::Training(run) => Some(&run.compute),
        _ => None,
    }, match &mut uc.workload {
        Workload::Training(run) => Some(&mut run.compute),
        _ => None,
    });
    place!(volume: Volume, uc => Some(&uc.volume), Some(&mut uc.volume));
    place!(cost: Cost, uc => Some(&uc.cost), Some(&mut uc.cost));
}

use UseCaseField::{Cost as C, Volume as V, Workload as W};
use WorkloadField as Wf;

/// Declares tables of [`NumberRow`]s, one row a line: id, label / unit, the field problems
/// are reported on, where the number is, and its slider.
macro_rules! number_rows {
    ($($table:ident = [$($id:literal $label:ident / $unit:ident, $field:expr, [$($at:tt)*], $scale:expr;)*];)*) => {
        $(pub(crate) const $table: &[NumberRow] = &[$({
            let (get, set) = access!($($at)*);
            NumberRow { id: $id, label: |t| t.$label, unit: |t| t.$unit, field: $field, get, set, scale: $scale }
        }),*];)*
    };
}

use SliderScale::{Linear, Log};
const DAYS: SliderScale = Linear { min: 1.0, max: limits::DAYS_PER_YEAR.max, step: 1.0 };

number_rows! {
    CUSTOM_MODEL = [
        "total-parameters" total_parameters / billions, W(Wf::ModelTotalParametersB), [model: ModelChoice::Custom, total_parameters_b], Log { min: 0.1, max: 2_000.0 };
        "active-parameters" active_parameters / billions, W(Wf::ModelActiveParametersB), [model: ModelChoice::Custom, active_parameters_b], Log { min: 0.1, max: 2_000.0 };
    ];
    TOKENS = [
        "output-tokens" answer_length / tokens_hint, W(Wf::OutputTokens), [llm.output_tokens], Linear { min: 10.0, max: 4_000.0, step: 10.0 };
        "input-tokens" prompt_length / tokens_hint, W(Wf::InputTokens), [llm.input_tokens], Log { min: 10.0, max: 200_000.0 };
    ];
    TRAINING_HOURS = [
        "accelerator-hours" accelerator_hours / hours_unit, W(Wf::AcceleratorHours), [compute: TrainingCompute::AcceleratorHours, accelerator_hours], Log { min: 1.0, max: 1e7 };
    ];
    TRAINING_FLOPS = [
        "training-parameters" active_parameters / billions, W(Wf::ComputeActiveParametersB), [compute: TrainingCompute::Flops, active_parameters_b], Log { min: 0.1, max: 2_000.0 };
        "training-tokens" training_tokens / billions, W(Wf::TokensB), [compute: TrainingCompute::Flops, tokens_b], Log { min: 0.01, max: 20_000.0 };
    ];
    PER_DAY = [
        "requests-per-day" times_per_day / per_day_unit, V(VolumeField::PerDay), [volume: Volume::PerDay, per_day], Log { min: 1.0, max: 1e9 };
        "days-per-year" days_per_year / days_unit, V(VolumeField::DaysPerYear), [volume: Volume::PerDay, days_per_year], DAYS;
    ];
    PER_USER = [
        "users" how_many_people / people_unit, V(VolumeField::Users), [volume: Volume::PerUser, users], Log { min: 1.0, max: 1e8 };
        "per-user-per-day" times_per_person / per_person_unit, V(VolumeField::PerUserPerDay), [volume: Volume::PerUser, per_user_per_day], Log { min: 0.1, max: 1_000.0 };
        "working-days" days_per_year / days_unit, V(VolumeField::DaysPerYear), [volume: Volume::PerUser, days_per_year], DAYS;
    ];
    API_PRICES = [
        "price-input" price_input / usd_per_million, C(CostField::UsdPerMillionInput), [cost: Cost::ApiTokens, usd_per_million_input], Log { min: 0.01, max: 100.0 };
        "price-output" price_output / usd_per_million, C(CostField::UsdPerMillionOutput), [cost: Cost::ApiTokens, usd_per_million_output], Log { min: 0.01, max: 300.0 };
    ];
    ELECTRICITY_PRICE = [
        "price-kwh" price_kwh / usd_per_kwh, C(CostField::UsdPerKwh), [cost: Cost::AcceleratorHours, usd_per_kwh], Linear { min: 0.0, max: 0.5, step: 0.01 };
    ];
}

/// The carbon-free share: 0 until set (not a factor with a default range).
pub(crate) const CARBON_FREE_SHARE: &[NumberRow] = &[CARBON_FREE_ROW];
const CARBON_FREE_ROW: NumberRow = NumberRow {
    id: "carbon-free-share",
    label: |t| t.carbon_free_share,
    unit: |_| "0–1",
    field: UseCaseField::Site(SiteField::CarbonFreeShare),
    get: |uc| Some(uc.site.carbon_free_share.unwrap_or(0.0)),
    set: |uc, v| uc.site.carbon_free_share = Some(v),
    scale: Linear { min: 0.0, max: 1.0, step: 0.01 },
};
