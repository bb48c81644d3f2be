//! Energy estimators: from a workload to the energy and hardware time of one run.

pub(crate) mod ecologits;
pub(crate) mod paper;
pub(crate) mod prefill;
