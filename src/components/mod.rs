//! The user interface, one file per component family.

pub mod app;
pub mod avoided_fields;
pub mod charts;
pub mod controls;
pub mod decisions;
pub mod notice;
pub mod number_field;
pub mod results;
pub mod saved_data;
pub mod toolbar;
pub mod use_case_fields;
pub mod use_case_form;
pub mod use_case_list;
pub mod working;
