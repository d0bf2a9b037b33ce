//! Times building the timeline's scene (what every frame of a zoom or pan does) for synthetic
//! chronologies of 10,000 and 100,000 events, at the fit-all window and zoomed in.
//!
//!   cargo run --release --example scene_timing
//!
//! `SCENE_TIMING_SIZES=100000 SCENE_TIMING_WINDOWS=fit SCENE_TIMING_GROUPED=0` narrows it down
//! (for a profiler).
//!
//! A hand-run measurement, not a test: the figures depend on the machine.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    timing::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod timing {
    use japan_nato_explorer::core::grouping::{GroupBy, Grouping};
    use japan_nato_explorer::core::layout::{Extent, TimelineIndex};
    use japan_nato_explorer::core::query::Filter;
    use japan_nato_explorer::core::scale::TimeScale;
    use japan_nato_explorer::core::scene::{Scene, SceneInput};
    use japan_nato_explorer::core::synthetic;
    use japan_nato_explorer::core::text::Estimate;
    use japan_nato_explorer::core::viewport::{Limits, Viewport};
    use std::time::Instant;

    /// `SCENE_TIMING_SIZES=100000` times one size only (for a profiler).
    fn sizes() -> Vec<usize> {
        std::env::var("SCENE_TIMING_SIZES")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![10_000, 100_000])
    }

    /// `SCENE_TIMING_FRAMES=5000` builds each window's scene 5,000 times (200 unless said, or
    /// said as fewer than 20), to give a profiler more to sample.
    fn frames() -> usize {
        std::env::var("SCENE_TIMING_FRAMES")
            .ok()
            .and_then(|f| f.trim().parse().ok())
            .filter(|&f: &usize| f >= 20)
            .unwrap_or(200)
    }

    /// `SCENE_TIMING_WINDOWS=fit` times the fit-all window only; `SCENE_TIMING_GROUPED=0`
    /// leaves out the lanes by domain.
    fn wanted(name: &str, grouped: bool) -> bool {
        let window = std::env::var("SCENE_TIMING_WINDOWS").map_or(true, |w| {
            w.split(',').any(|w| name.trim().starts_with(w.trim()))
        });
        let grouping = !grouped || std::env::var("SCENE_TIMING_GROUPED").map_or(true, |g| g != "0");
        window && grouping
    }

    pub fn run() {
        for n in sizes() {
            let mut data = synthetic::generate(n, synthetic::APP_SEED);
            data.sort_events();
            let extents = (0..data.events.len())
                .map(|i| Extent::of(&data, i, &Estimate))
                .collect();
            let index = TimelineIndex::new(extents);
            let (first, end) = (index.first_day().unwrap(), index.end_day().unwrap());
            let limits = Limits::for_extent(first, end);
            let all = Viewport::fit(first, end, &limits);
            let matches = vec![true; n];
            let by_domain = Grouping::new(
                &data,
                GroupBy::Domain,
                &matches,
                &Filter::default(),
                &Default::default(),
            );
            for (grouping, how) in [(None, ""), (by_domain.as_ref(), ", by domain")] {
                let input = SceneInput {
                    data: &data,
                    index: &index,
                    matches: &matches,
                    dim: false,
                    selected: None,
                    grouping,
                };
                let mid = all.center();
                for (name, span) in [
                    ("fit all", all.span()),
                    // The window the benchmarks pan in: fit all, zoomed in twice.
                    ("quarter", all.span() / 4.0),
                    ("5 years", 5.0 * 365.25),
                    ("1 year", 365.25),
                    ("1 month", 30.0),
                ] {
                    if !wanted(name, !how.is_empty()) {
                        continue;
                    }
                    // A pan across the window, one frame per step, as a drag does.
                    let frames = frames();
                    let mut times = Vec::with_capacity(frames);
                    let mut drawn = 0;
                    for f in 0..frames {
                        let start = mid - span / 2.0 + ((f % 200) as f64 - 100.0) * span / 400.0;
                        let v = Viewport::new(start, start + span).clamp(&limits);
                        let scale = TimeScale::new(v.start, v.end, 1000.0);
                        let t = Instant::now();
                        let scene = Scene::build(&input, &scale);
                        times.push(t.elapsed().as_secs_f64() * 1000.0);
                        drawn += scene.targets.len();
                    }
                    times.sort_by(f64::total_cmp);
                    let median = times[frames / 2];
                    let p95 = times[frames * 95 / 100];
                    println!(
                    "{n:>7} events{how}, {name:>8}: median {median:6.3} ms, p95 {p95:6.3} ms ({} targets/frame)",
                    drawn / frames
                );
                }
            }
        }
    }
}
