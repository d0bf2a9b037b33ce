//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    japan_nato_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Japan–NATO chronology explorer runs in the browser: see README.md (./run.sh).");
}
