//! The arithmetic of pointer gestures on the timeline and the overview, as pure functions (after
//! d3-zoom's delta functions): what a wheel step, a drag, a pinch or a brush drag does to the
//! window. The components only measure positions and dispatch what these return.

use crate::core::scale::TimeScale;
use crate::core::viewport::{Limits, Viewport};

/// One wheel "line" step (deltaY 100 in Chromium) zooms by this factor.
pub const WHEEL_ZOOM_PER_100: f64 = 1.25;
/// A press becomes a drag once the pointer has moved this far (px).
pub const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Two fingers closer than this (px) give no reliable pinch.
pub const MIN_PINCH_PX: f64 = 8.0;

/// What a wheel event asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wheel {
    /// Show this window (a horizontal scroll, or Shift+wheel, pans).
    Pan(Viewport),
    /// Zoom by `factor` about the fraction `at` of the width.
    Zoom { factor: f64, at: f64 },
}

/// The wheel event's deltas in pixels, whatever unit it came in (`deltaMode`: 0 pixels, 1 lines,
/// 2 pages).
pub fn wheel_pixels(delta_mode: u32, dx: f64, dy: f64) -> (f64, f64) {
    let unit = match delta_mode {
        1 => 33.0,
        2 => 400.0,
        _ => 1.0,
    };
    (dx * unit, dy * unit)
}

/// What a wheel event over the timeline does, at `x` px from its left, in the window of `scale`.
/// None when its numbers are not usable.
pub fn wheel(
    delta_mode: u32,
    dx: f64,
    dy: f64,
    shift: bool,
    x: f64,
    scale: &TimeScale,
) -> Option<Wheel> {
    let (dx, dy) = wheel_pixels(delta_mode, dx, dy);
    if dx.abs() > dy.abs() || shift {
        // Horizontal scroll (or Shift+wheel) pans; the reducer clamps.
        let d = if dx.abs() > dy.abs() { dx } else { dy };
        let days = d / scale.px_per_day();
        return days
            .is_finite()
            .then(|| Wheel::Pan(Viewport::new(scale.start + days, scale.end + days)));
    }
    let factor = WHEEL_ZOOM_PER_100.powf(-dy / 100.0);
    let at = x / scale.width;
    (factor.is_finite() && factor > 0.0 && at.is_finite()).then_some(Wheel::Zoom { factor, at })
}

/// The window after dragging by `dx` px from a press made while `start` showed at `width` px.
pub fn drag(start: Viewport, dx: f64, width: f64, limits: &Limits) -> Viewport {
    let px_per_day = width / start.span();
    start.pan(-dx / px_per_day, limits)
}

/// A two-finger pinch: one finger moved from `before` to `after` (px) while the other stays at
/// `other`; the zoom factor and its anchor (a fraction of `width`), or None while the fingers
/// are too close to tell.
pub fn pinch(before: f64, after: f64, other: f64, width: f64) -> Option<(f64, f64)> {
    let (d0, d1) = ((before - other).abs(), (after - other).abs());
    (d0 > MIN_PINCH_PX && d1 > MIN_PINCH_PX && width > 0.0)
        .then(|| (d1 / d0, (after + other) / 2.0 / width))
}

/// The part of the overview's brush that a press takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// Inside the brush: moves the window.
    Body,
    /// Its left or right edge: moves that end.
    Start,
    End,
}

/// How close to an edge of the brush (px) a press takes that edge.
pub const EDGE_PX: f64 = 7.0;

/// What a press at `x` takes of a brush drawn from `x1` to `x2` (nothing outside it). A brush
/// too narrow for its edges and a body between them (its narrowest window, a few px in the
/// overview, which its outline and grips draw wider) moves where it is pressed on it, and its
/// edges are taken just beside it: its left edge took every press on it, and it could be
/// widened but not moved on.
pub fn grip(x: f64, x1: f64, x2: f64) -> Option<Grip> {
    if x2 - x1 < 3.0 * EDGE_PX {
        let from_middle = x - (x1 + x2) / 2.0;
        return if from_middle.abs() <= EDGE_PX {
            Some(Grip::Body)
        } else if from_middle.abs() <= 2.0 * EDGE_PX {
            Some(if from_middle < 0.0 {
                Grip::Start
            } else {
                Grip::End
            })
        } else {
            None
        };
    }
    if (x - x1).abs() <= EDGE_PX {
        Some(Grip::Start)
    } else if (x - x2).abs() <= EDGE_PX {
        Some(Grip::End)
    } else if x > x1 && x < x2 {
        Some(Grip::Body)
    } else {
        None
    }
}

/// The window after dragging `grip` by `days` from a press made while `start` showed.
pub fn brush_drag(grip: Grip, start: Viewport, days: f64, limits: &Limits) -> Viewport {
    match grip {
        Grip::Body => start.pan(days, limits),
        Grip::Start => Viewport::new(
            (start.start + days).min(start.end - limits.min_span),
            start.end,
        )
        .clamp(limits),
        Grip::End => Viewport::new(
            start.start,
            (start.end + days).max(start.start + limits.min_span),
        )
        .clamp(limits),
    }
}

/// Where to zoom in by `factor` (> 1) about, for a double-click at `x` on a box from `a` to `b`
/// (an event's mark and label) in a drawing `width` wide: as near `x` as keeps the whole box in
/// view (about the pointer, a label's far end pushed its mark out of view); `x` itself when the
/// box is too wide to stay whole.
pub fn zoom_keeping(x: f64, a: f64, b: f64, width: f64, factor: f64) -> f64 {
    if factor <= 1.0 {
        return x;
    }
    // A place p goes to at + (p - at) * factor.
    let lowest = (b * factor - width) / (factor - 1.0);
    let highest = a * factor / (factor - 1.0);
    if lowest <= highest {
        x.clamp(lowest, highest)
    } else {
        x
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn limits() -> Limits {
        Limits::for_extent(0.0, 20_000.0)
    }

    #[test]
    fn a_wheel_line_down_zooms_out_about_the_pointer() {
        let scale = TimeScale::new(0.0, 1_000.0, 500.0);
        match wheel(1, 0.0, 3.0, false, 125.0, &scale) {
            Some(Wheel::Zoom { factor, at }) => {
                assert!(factor < 1.0, "{factor}");
                assert!((factor - WHEEL_ZOOM_PER_100.powf(-0.99)).abs() < 1e-12);
                assert_eq!(at, 0.25);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_sideways_scroll_or_shift_wheel_pans() {
        let scale = TimeScale::new(0.0, 1_000.0, 500.0);
        assert_eq!(
            wheel(0, 50.0, 10.0, false, 0.0, &scale),
            Some(Wheel::Pan(Viewport::new(100.0, 1_100.0)))
        );
        assert_eq!(
            wheel(0, 0.0, -50.0, true, 0.0, &scale),
            Some(Wheel::Pan(Viewport::new(-100.0, 900.0)))
        );
    }

    #[test]
    fn dragging_right_shows_earlier_days() {
        let v = drag(Viewport::new(1_000.0, 2_000.0), 100.0, 500.0, &limits());
        assert_eq!(v, Viewport::new(800.0, 1_800.0));
    }

    #[test]
    fn fingers_moving_apart_zoom_in_about_their_middle() {
        let (factor, at) = pinch(100.0, 200.0, 0.0, 400.0).unwrap();
        assert_eq!(factor, 2.0);
        assert_eq!(at, 0.25);
        assert_eq!(pinch(3.0, 200.0, 0.0, 400.0), None);
    }

    #[test]
    fn a_press_takes_the_edge_it_is_near_or_the_body() {
        assert_eq!(grip(100.0, 102.0, 300.0), Some(Grip::Start));
        assert_eq!(grip(295.0, 102.0, 300.0), Some(Grip::End));
        assert_eq!(grip(200.0, 102.0, 300.0), Some(Grip::Body));
        assert_eq!(grip(50.0, 102.0, 300.0), None);
        // A brush 4 px wide (drawn wider) moves where it is pressed on it; its edges are just
        // beside it.
        assert_eq!(grip(101.0, 100.0, 104.0), Some(Grip::Body));
        assert_eq!(grip(107.0, 100.0, 104.0), Some(Grip::Body));
        assert_eq!(grip(92.0, 100.0, 104.0), Some(Grip::Start));
        assert_eq!(grip(112.0, 100.0, 104.0), Some(Grip::End));
        assert_eq!(grip(120.0, 100.0, 104.0), None);
    }

    #[test]
    fn dragging_an_edge_never_makes_the_window_narrower_than_the_minimum() {
        let l = limits();
        let v = brush_drag(Grip::Start, Viewport::new(1_000.0, 2_000.0), 5_000.0, &l);
        assert!(v.span() >= l.min_span - 1e-9, "{v:?}");
        let v = brush_drag(Grip::End, Viewport::new(1_000.0, 2_000.0), -5_000.0, &l);
        assert!(v.span() >= l.min_span - 1e-9, "{v:?}");
    }

    proptest! {
        #[test]
        fn wheel_and_drag_never_give_nan(
            mode in 0u32..3, dx in -1e6f64..1e6, dy in -1e6f64..1e6, shift: bool,
            x in -100f64..2_000.0, start in -1e6f64..1e6, span in 1f64..1e6, width in 1f64..3_000.0,
        ) {
            let scale = TimeScale::new(start, start + span, width);
            match wheel(mode, dx, dy, shift, x, &scale) {
                Some(Wheel::Pan(v)) => prop_assert!(v.start.is_finite() && v.end.is_finite()),
                Some(Wheel::Zoom { factor, at }) => prop_assert!(factor > 0.0 && at.is_finite()),
                None => {}
            }
            let v = drag(Viewport::new(start, start + span), dx, width, &limits());
            prop_assert!(v.start.is_finite() && v.end.is_finite() && v.end > v.start);
        }
    }

    #[test]
    fn a_double_click_on_a_label_keeps_its_event_in_view() {
        let zoomed = |at: f64, p: f64| at + (p - at) * 2.0;
        // A mark at 100 with its label to 400, in 1000 px, double-clicked at the label's end:
        // about the pointer, the mark would go to -190.
        assert!(zoomed(390.0, 100.0) < 0.0);
        let at = zoom_keeping(390.0, 100.0, 400.0, 1000.0, 2.0);
        assert!(
            zoomed(at, 100.0) >= 0.0 && zoomed(at, 400.0) <= 1000.0,
            "{at}"
        );
        assert_eq!(at, 200.0, "as near the pointer as keeps the box whole");
        // Where the box stays whole anyway, about the pointer.
        assert_eq!(zoom_keeping(450.0, 400.0, 500.0, 1000.0, 2.0), 450.0);
        // A box wider than half the drawing cannot stay whole: about the pointer.
        assert_eq!(zoom_keeping(300.0, 100.0, 800.0, 1000.0, 2.0), 300.0);
    }
}
