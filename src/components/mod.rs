//! The user interface, one file per component family.

pub mod app;
pub mod number_field;
pub mod results;
pub mod use_case_form;
