use super::*;
use crate::core::date::days_from_civil;
use proptest::prelude::*;

fn day(y: i32, m: u8, d: u8) -> f64 {
    days_from_civil(y, m, d) as f64
}

/// Limits of the brief's chronology, roughly 1990–2024.
fn chronology() -> Limits {
    Limits::for_extent(day(1990, 1, 1), day(2024, 1, 1))
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-6 * scale.abs().max(1.0)
}

fn within(v: &Viewport, l: &Limits) -> bool {
    let tolerance = 1e-9 * l.max_span;
    v.start >= l.outer_start
        && v.end <= l.outer_end
        && v.span() >= l.min_span - tolerance
        && v.span() <= l.max_span + tolerance
        && v.start.is_finite()
        && v.end.is_finite()
}

#[test]
fn limits_leave_a_margin_around_the_data() {
    let l = chronology();
    assert_eq!(l.min_span, 21.0);
    assert!(l.outer_start <= day(1989, 1, 1) && l.outer_start > day(1988, 9, 1));
    assert!(l.outer_end >= day(2025, 1, 1) && l.outer_end < day(2025, 4, 1));
    assert_eq!(l.max_span, l.outer_end - l.outer_start);
    let single_day = Limits::for_extent(100.0, 101.0);
    assert!(
        single_day.max_span >= 2.0 * 365.0,
        "a lone event still gets room to zoom out"
    );
}

#[test]
fn zooming_keeps_the_day_under_the_pointer_still() {
    let l = chronology();
    let v = Viewport::new(day(2000, 1, 1), day(2010, 1, 1));
    let anchor = day(2007, 1, 1);
    let fraction = (anchor - v.start) / v.span();
    let z = v.zoom_about(2.0, anchor, &l);
    assert!(close(z.span(), v.span() / 2.0, v.span()));
    assert!(close((anchor - z.start) / z.span(), fraction, 1.0));
    let back = z.zoom_about(0.5, anchor, &l);
    assert!(close(back.start, v.start, v.span()) && close(back.end, v.end, v.span()));
}

#[test]
fn zoom_stops_at_three_weeks_and_at_the_whole_range() {
    let l = chronology();
    let v = Viewport::new(day(2014, 1, 1), day(2015, 1, 1));
    let deep = v.zoom_about(1e9, day(2014, 5, 6), &l);
    assert!(close(deep.span(), 21.0, 21.0));
    assert!(deep.contains(day(2014, 5, 6)));
    let wide = v.zoom_about(1e-9, day(2014, 5, 6), &l);
    assert_eq!(wide, Viewport::new(l.outer_start, l.outer_end));
}

/// The zoom buttons say when they can do nothing: at three weeks one cannot zoom in, at the
/// whole range one cannot zoom out; in between, both.
#[test]
fn whether_a_zoom_would_change_the_window() {
    let l = chronology();
    let closest = Viewport::new(day(2014, 1, 1), day(2014, 1, 1) + l.min_span);
    assert!(!closest.can_zoom(2.0, &l));
    assert!(closest.can_zoom(0.5, &l));
    let widest = Viewport::new(l.outer_start, l.outer_start + l.max_span);
    assert!(widest.can_zoom(2.0, &l));
    assert!(!widest.can_zoom(0.5, &l));
    let between = Viewport::new(day(2010, 1, 1), day(2012, 1, 1));
    assert!(between.can_zoom(2.0, &l) && between.can_zoom(0.5, &l));
    // Nearly at the closest: a zoom in still narrows it.
    let near = Viewport::new(day(2014, 1, 1), day(2014, 1, 1) + l.min_span * 1.5);
    assert!(near.can_zoom(2.0, &l));
}

#[test]
fn panning_stops_at_the_bounds_without_squeezing() {
    let l = chronology();
    let v = Viewport::new(day(2000, 1, 1), day(2005, 1, 1));
    let moved = v.pan(365.0, &l);
    assert!(close(moved.span(), v.span(), v.span()));
    assert!(close(moved.start, v.start + 365.0, v.span()));
    let far = v.pan(1e12, &l);
    assert_eq!(far.end, l.outer_end);
    assert!(close(far.span(), v.span(), v.span()));
    let back = v.pan(-1e12, &l);
    assert_eq!(back.start, l.outer_start);
}

#[test]
fn fit_shows_the_range_with_a_small_margin() {
    let l = chronology();
    let f = Viewport::fit(day(2007, 1, 1), day(2014, 1, 1), &l);
    assert!(f.start < day(2007, 1, 1) && f.end > day(2014, 1, 1));
    assert!(f.span() < (day(2014, 1, 1) - day(2007, 1, 1)) * 1.1);
    let one_day = Viewport::fit(day(2014, 5, 6), day(2014, 5, 7), &l);
    assert!(close(one_day.span(), 21.0, 21.0) && one_day.contains(day(2014, 5, 6)));
    let everything = Viewport::fit(l.outer_start - 1e6, l.outer_end + 1e6, &l);
    assert_eq!(everything, Viewport::new(l.outer_start, l.outer_end));
}

#[test]
fn the_default_window_fits_the_chronologys_dated_events_not_its_planned_decade() {
    use crate::core::dataset::embedded;
    use crate::core::layout::Extent;
    let mut data = embedded().unwrap();
    data.sort_events();
    let index = TimelineIndex::new(
        (0..data.events.len())
            .map(|i| Extent::of(&data, i, &|_: &str| 100.0))
            .collect(),
    );
    let limits = Limits::for_extent(index.first_day().unwrap(), index.end_day().unwrap());
    // The axis reaches the data's last day (the Transformation Decade ends in 2024), with a
    // small margin.
    assert!(limits.outer_end >= day(2025, 1, 1) && limits.outer_end < day(2026, 6, 1));
    assert!(limits.outer_start > day(1977, 6, 1) && limits.outer_start <= day(1979, 1, 1));
    // The default window frames the dated events, 1979 to 2018 (and "the late 2010s",
    // circa 2018, whose possible range runs to the end of 2019).
    let all = Viewport::fit_events(&index, |_| true, &limits).unwrap();
    // (The store opens at it, and the phases' names are laid out for it, from the index's
    // frame worked out once.)
    assert_eq!(Viewport::default_for(&index), (limits, all));
    assert_eq!(
        Viewport::default_for(&TimelineIndex::new(Vec::new())).1,
        Viewport::fit(3_650.0, 20_000.0, &Limits::for_extent(3_650.0, 20_000.0)),
        "an empty chronology opens at the last few decades"
    );
    assert!(all.start >= limits.outer_start && all.start < day(1979, 1, 1));
    assert!(
        all.end > day(2018, 9, 1) && all.end < day(2021, 6, 1),
        "{all:?}"
    );
    // Piracy's events run from 2009 to 2016: its window is 2008–2017 or so, though its
    // spans run from 2000 to 2019.
    let piracy: Vec<bool> = data
        .events
        .iter()
        .map(|e| e.domains.iter().any(|d| d == "piracy"))
        .collect();
    let v = Viewport::fit_events(&index, |i| piracy[i], &limits).unwrap();
    assert!(
        v.start > day(2008, 1, 1) && v.start < day(2009, 1, 1),
        "{v:?}"
    );
    assert!(v.end > day(2017, 1, 1) && v.end < day(2018, 1, 1), "{v:?}");
    assert_eq!(Viewport::fit_events(&index, |_| false, &limits), None);
}

#[test]
fn centring_on_an_event_keeps_the_zoom() {
    let l = chronology();
    let v = Viewport::new(day(2000, 1, 1), day(2001, 1, 1));
    let c = v.center_on(day(2014, 5, 6), &l);
    assert!(close(c.center(), day(2014, 5, 6), v.span()));
    assert!(close(c.span(), v.span(), v.span()));
    let edge = v.center_on(l.outer_end, &l);
    assert_eq!(edge.end, l.outer_end);
}

#[test]
fn clamp_repairs_garbage_and_leaves_good_windows_alone() {
    let l = chronology();
    let good = Viewport::new(day(2000, 1, 1), day(2001, 1, 1));
    assert_eq!(good.clamp(&l), good);
    let reversed = Viewport::new(good.end, good.start);
    assert_eq!(reversed.clamp(&l), good);
    for bad in [
        Viewport::new(f64::NAN, 5.0),
        Viewport::new(f64::NEG_INFINITY, f64::INFINITY),
        Viewport::new(1e300, 1e300),
    ] {
        assert!(within(&bad.clamp(&l), &l), "{bad:?}");
    }
    let hand_built = Limits {
        min_span: f64::NAN,
        max_span: -1.0,
        outer_start: 50.0,
        outer_end: f64::INFINITY,
    };
    let v = good.zoom_about(3.0, f64::NAN, &hand_built);
    assert!(v.start.is_finite() && v.end.is_finite() && v.span() > 0.0);
}

#[test]
fn non_finite_requests_change_nothing() {
    let l = chronology();
    let v = Viewport::new(day(2000, 1, 1), day(2001, 1, 1));
    for f in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -2.0] {
        assert_eq!(v.zoom_about(f, v.center(), &l), v);
    }
    assert_eq!(v.pan(f64::NAN, &l), v);
    assert_eq!(v.pan(f64::INFINITY, &l), v);
    assert_eq!(v.center_on(f64::NAN, &l), v);
    let z = v.zoom_about(2.0, f64::INFINITY, &l);
    assert!(
        close(z.center(), v.center(), v.span()),
        "a non-finite anchor means the centre"
    );
}

#[test]
fn animation_starts_and_ends_exactly_and_zooms_geometrically() {
    let a = Viewport::new(0.0, 1000.0);
    let b = Viewport::new(600.0, 700.0);
    assert_eq!(a.lerp(&b, 0.0), a);
    assert_eq!(a.lerp(&b, 1.0), b);
    assert_eq!(a.lerp(&b, f64::NAN), a);
    let mid = a.lerp(&b, 0.5);
    assert!(close(mid.span(), (1000.0f64 * 100.0).sqrt(), 1000.0));
    let pan = Viewport::new(500.0, 1500.0);
    assert!(close(a.lerp(&pan, 0.25).start, 125.0, 1000.0));
}

#[test]
fn animating_a_wheel_zoom_keeps_the_pointer_day_still() {
    let l = chronology();
    let v = Viewport::new(day(2000, 1, 1), day(2010, 1, 1));
    let anchor = day(2003, 3, 3);
    let z = v.zoom_about(5.0, anchor, &l);
    let fraction = (anchor - v.start) / v.span();
    for i in 1..10 {
        let step = v.lerp(&z, f64::from(i) / 10.0);
        assert!(close((anchor - step.start) / step.span(), fraction, 1.0));
    }
}

/// One user gesture in a random sequence.
#[derive(Clone, Debug)]
enum Op {
    Zoom(f64, f64),
    Pan(f64),
    Center(f64),
    Fit(f64, f64),
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e7f64..1e7,
        -1e12f64..1e12,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any_f64(), any_f64()).prop_map(|(f, a)| Op::Zoom(f, a)),
        (1e-6f64..1e6, -1e7f64..1e7).prop_map(|(f, a)| Op::Zoom(f, a)),
        any_f64().prop_map(Op::Pan),
        any_f64().prop_map(Op::Center),
        (any_f64(), any_f64()).prop_map(|(a, b)| Op::Fit(a, b)),
    ]
}

proptest! {
    #[test]
    fn unclamped_zoom_in_then_out_restores_the_window(
        first in -1e6f64..1e6,
        extent in 30.0f64..1e6,
        start_fraction in 0.0f64..1.0,
        span_fraction in 0.0f64..1.0,
        factor in 1.0001f64..50.0,
        anchor_fraction in prop_oneof![4 => 0.0f64..1.0, 1 => -0.5f64..1.5],
    ) {
        let l = Limits::for_extent(first, first + extent);
        // Spans that can shrink by `factor` without reaching the minimum.
        let smallest = (l.min_span * factor).min(l.max_span);
        let span = smallest + span_fraction * (l.max_span - smallest);
        let start = l.outer_start + start_fraction * (l.outer_end - l.outer_start - span);
        let v = Viewport::new(start, start + span).clamp(&l);
        let anchor = v.start + anchor_fraction * v.span();
        let fraction = (anchor - v.start) / v.span();
        let zoomed = v.zoom_about(factor, anchor, &l);
        let expected_start = anchor - fraction * v.span() / factor;
        let unclamped = v.span() / factor >= l.min_span
            && expected_start >= l.outer_start
            && expected_start + v.span() / factor <= l.outer_end;
        prop_assume!(unclamped);
        prop_assert!(close((anchor - zoomed.start) / zoomed.span(), fraction, 1.0));
        let back = zoomed.zoom_about(1.0 / factor, anchor, &l);
        prop_assert!(close(back.start, v.start, v.span()), "{:?} {:?}", v, back);
        prop_assert!(close(back.end, v.end, v.span()), "{:?} {:?}", v, back);
    }

    #[test]
    fn any_gesture_sequence_stays_within_the_limits(
        first in -1e7f64..1e7,
        extent in 0.0f64..1e7,
        start in any_f64(),
        end in any_f64(),
        ops in proptest::collection::vec(op(), 0..40),
    ) {
        let l = Limits::for_extent(first, first + extent);
        let mut v = Viewport::new(start, end).clamp(&l);
        prop_assert!(within(&v, &l), "{:?}", v);
        for op in ops {
            let before = v;
            v = match op {
                Op::Zoom(f, a) => v.zoom_about(f, a, &l),
                Op::Pan(d) => {
                    let moved = v.pan(d, &l);
                    prop_assert!(close(moved.span(), before.span(), before.span()));
                    moved
                }
                Op::Center(d) => v.center_on(d, &l),
                Op::Fit(a, b) => Viewport::fit(a, b, &l),
            };
            prop_assert!(within(&v, &l), "{:?} after {:?}", v, op);
            let half = before.lerp(&v, 0.5);
            prop_assert!(half.start.is_finite() && half.end.is_finite());
        }
    }
}
