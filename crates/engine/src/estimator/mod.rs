//! Energy estimators: from a workload to the energy of one request.

pub mod paper;
