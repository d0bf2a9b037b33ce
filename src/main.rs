//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same wasm runs in the import worker (ui::adapters::import_worker), where there is no
    // page to mount.
    if web_sys::window().is_none() {
        return;
    }
    japan_nato_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Japan–NATO chronology explorer runs in the browser: see README.md (./run.sh).");
}
