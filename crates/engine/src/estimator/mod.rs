//! Energy estimators: from a workload to the energy and hardware time of one run.

pub mod ecologits;
pub mod paper;
pub mod prefill;
pub mod task;
