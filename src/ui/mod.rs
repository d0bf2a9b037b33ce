//! The thin Yew layer: the page ([`app`]), its views ([`components`]) and the browser at the
//! edge ([`adapters`]). The state, the actions and the reducer are the store's
//! ([`crate::store`]); the import graph runs one way: app → components → adapters → store, core.

pub mod adapters;
pub mod app;
pub mod components;

/// Installs the panic hook and mounts the app in `#app`.
pub fn start() {
    mark("explorer:start");
    adapters::panic::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// A `performance.mark` (seen in DevTools' performance panel and read by the benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
