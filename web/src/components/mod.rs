//! The components, one per file, each with its `Props`.

pub mod app;
pub mod chart;
pub mod compare_view;
pub mod cost_chart;
pub mod deps_map;
pub mod deps_view;
pub mod draft_area;
pub mod export_buttons;
pub mod file_import;
pub mod home;
pub mod inventory_view;
pub mod live_panel;
pub mod notices;
pub mod number_input;
pub mod product_search;
pub mod profile_form;
pub mod question;
pub mod questionnaire;
pub mod report_view;
pub mod territory;
