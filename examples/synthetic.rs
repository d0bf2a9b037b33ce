//! Writes a synthetic chronology as JSON, the same as the app's `?synthetic=N` (same generator,
//! same seed), so that a benchmark can feed identical data to another timeline.
//!
//!   cargo run --release --example synthetic -- 10000 > chronology-10000.json

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    write_synthetic();
}

#[cfg(not(target_arch = "wasm32"))]
fn write_synthetic() {
    use japan_nato_explorer::core::{dataset::export, synthetic};
    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    print!(
        "{}",
        export::to_json(&synthetic::generate(count, synthetic::APP_SEED))
    );
}
