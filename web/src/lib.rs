//! # tnl-web
//!
//! The browser app of tnl: a Yew app compiled to WebAssembly that calls the same engine as the
//! command line. Answers never leave the user's machine: they live in the page's state and in
//! localStorage, and leave only as files the user downloads.
//!
//! The state logic ([`state`]) is a reducer over actions, pure and tested natively; the
//! components ([`components`]) render it and do the browser I/O through [`host`]. Every interface
//! string is in [`i18n`].

pub mod components;
pub mod editions;
pub mod exports;
pub mod host;
pub mod i18n;
pub mod packed;
pub mod state;

/// The app's state handle, shared with every component through a context.
pub type Store = yew::UseReducerHandle<state::AppState>;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
