//! Tests of the layout, by topic, with the helpers and checks they share.

use super::*;
use crate::core::date::days_from_civil;
use std::collections::HashSet;

mod clusters;
mod index;
mod placement;
mod properties;

fn day(y: i32, m: u8, d: u8) -> f64 {
    days_from_civil(y, m, d) as f64
}

fn point(first_day: f64, label: f64) -> Extent {
    Extent {
        first_day,
        end_day: first_day + 1.0,
        is_span: false,
        label_width: label,
        wrap: None,
        priority: 0,
        domains: Default::default(),
        stated: None,
    }
}

/// A point dated by its year alone: it covers the year.
fn year_only(year: i32, label: f64) -> Extent {
    Extent {
        end_day: day(year + 1, 1, 1),
        ..point(day(year, 1, 1), label)
    }
}

fn span(first_day: f64, end_day: f64, label: f64) -> Extent {
    Extent {
        first_day,
        end_day,
        is_span: true,
        label_width: label,
        wrap: None,
        priority: 0,
        domains: Default::default(),
        stated: None,
    }
}

const OPTIONS: LayoutOptions = LayoutOptions {
    points: LaneLimits {
        labelled: 3,
        max: 4,
    },
    spans: LaneLimits {
        labelled: 2,
        max: 3,
    },
    label_gap: 8.0,
    mark_gap: 3.0,
    point_radius: 5.0,
};

fn all(_: usize) -> Option<u32> {
    Some(1)
}

/// What a placed item's mark occupies: a point with its bracket, or a span's bar.
fn mark(p: &Placed, r: f64, spans: bool) -> (f64, f64) {
    if spans {
        (p.x_start, p.x_end)
    } else if p.x_end - p.x_start >= BRACKET_MIN_WIDTH {
        (p.x_start.min(p.x - r), p.x_end.max(p.x + r))
    } else {
        (p.x - r, p.x + r)
    }
}

/// What is drawn for a placed item: its mark, and its label if it has one.
fn drawn(p: &Placed, r: f64, spans: bool) -> (f64, f64) {
    let (a, b) = mark(p, r, spans);
    if p.labelled {
        (a.min(p.label_x), b.max(p.label_x + p.label_width))
    } else {
        (a, b)
    }
}

/// Checks the invariants a user relies on, in one band.
fn check_band(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    band: &Band,
    spans: bool,
) {
    let r = options.point_radius;
    let limits = if spans { options.spans } else { options.points };
    let mut boxes: Vec<(usize, f64, f64)> = band
        .placed
        .iter()
        .map(|p| {
            let (a, b) = drawn(p, r, spans);
            (p.lane, a, b)
        })
        .collect();
    // A label in two lines takes the lane below as well, over the same box.
    boxes.extend(band.placed.iter().filter(|p| p.wrapped).map(|p| {
        let (a, b) = drawn(p, r, spans);
        (p.lane + 1, a, b)
    }));
    boxes.extend(band.clusters.iter().map(|c| (c.lane, c.x, c.x + c.width)));
    for c in &band.clusters {
        // A badge's box starts inside the drawing (a member at its left edge put it half out).
        assert!(c.x - BADGE_BOX_REACH >= -1e-9, "badge at {}", c.x);
    }
    for (n, a) in boxes.iter().enumerate() {
        assert!(a.0 < band.lanes && a.0 <= limits.max.max(1), "lane {a:?}");
        for b in &boxes[n + 1..] {
            if a.0 == b.0 {
                let apart = a.2 <= b.1 + 1e-6 || b.2 <= a.1 + 1e-6;
                assert!(apart, "overlap in lane {}: {a:?} {b:?}", a.0);
            }
        }
    }
    for p in &band.placed {
        assert!(p.label_x >= 0.0);
        let extent = index.extent(p.index);
        if p.wrapped {
            // Only a point's label, drawn, in the two lines' width, on a lane with one below.
            assert!(p.labelled && !spans, "{p:?}");
            let wrap = extent.wrap.expect("a title in two lines");
            assert_eq!(p.label_width, non_negative(f64::from(wrap.width)));
            assert!(p.lane + 1 < band.lanes, "{p:?}");
        } else {
            assert_eq!(p.label_width, non_negative(extent.label_width));
        }
        assert_eq!(index.extent(p.index).is_span, spans);
        // A point's mark is drawn where it stands in the drawing, unless it is the middle of
        // a period that runs past both of the drawing's edges, as the date states it (an
        // approximate date's, before its widening).
        let mark = scale.to_px(extent.mark_day());
        let bracket = p.x_end - p.x_start >= BRACKET_MIN_WIDTH;
        let (first, last) = extent.stated.map_or((p.x_start, p.x_end), |(a, b)| {
            (scale.to_px(a), scale.to_px(b))
        });
        let covers = bracket && first < -0.5 && last > scale.width + 0.5;
        let shown = (-r..=scale.width + r).contains(&mark) && !covers;
        assert_eq!(p.mark_shown, spans || shown, "{p:?}");
        if p.labelled {
            assert!(p.label_x + p.label_width <= scale.width + 1e-9, "{p:?}");
            // A point whose mark is not drawn is named on its bracket, from its visible start,
            // the whole name over the part of it in view.
            if !p.mark_shown {
                assert!(bracket, "named with neither mark nor bracket: {p:?}");
                assert_eq!(p.label_x, p.x_start.max(0.0) + LABEL_OFFSET, "{p:?}");
                assert!(p.label_x + p.label_width <= p.x_end + 1e-9, "{p:?}");
            }
        }
    }
    // Clusters only once every lane is taken, and only where every lane is taken at the
    // member's place: a mark is never folded while a lane has room for it.
    if !band.clusters.is_empty() {
        let lanes = limits.max.max(1);
        assert_eq!(band.lanes, lanes + 1);
        for c in &band.clusters {
            assert_eq!(c.lane, lanes);
        }
    }
}

/// Every visible included event is in the band once (placed or clustered), nothing else is.
fn check_accounting(
    index: &TimelineIndex,
    scale: &TimeScale,
    band: &Band,
    spans: bool,
    include: &dyn Fn(usize) -> bool,
) {
    // A badge is as wide as its count needs.
    let badge = super::packer::BadgeWidths::new();
    for c in &band.clusters {
        assert_eq!(c.width, badge.for_count(c.indices.len()), "{c:?}");
    }
    let mut seen = HashSet::new();
    let members = band.clusters.iter().flat_map(|c| c.indices.iter().copied());
    for i in band.placed.iter().map(|p| p.index).chain(members) {
        assert!(include(i), "excluded event {i} shown");
        assert!(seen.insert(i), "event {i} shown twice");
    }
    let expected: HashSet<usize> = index
        .visible(scale.start, scale.end)
        .filter(|&i| include(i) && index.extent(i).is_span == spans)
        .collect();
    assert_eq!(seen, expected);
}

/// Context is placed in lanes below the others', at most once, never clustered.
fn check_context(layout: &Layout, context: &dyn Fn(usize) -> bool) {
    for band in [&layout.points, &layout.spans] {
        let main = band.placed.iter().filter(|p| !context(p.index));
        let lowest_main = main.map(|p| p.lane).max();
        let mut seen = HashSet::new();
        for p in band.placed.iter().filter(|p| context(p.index)) {
            assert!(seen.insert(p.index), "context {} twice", p.index);
            if let Some(lane) = lowest_main {
                assert!(p.lane > lane, "context in lane {} above {lane}", p.lane);
            }
        }
        for c in &band.clusters {
            assert!(c.indices.iter().all(|&i| !context(i)), "context clustered");
        }
    }
}

fn check(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    layout: &Layout,
    include: &dyn Fn(usize) -> bool,
) {
    check_band(index, scale, options, &layout.points, false);
    check_band(index, scale, options, &layout.spans, true);
    check_accounting(index, scale, &layout.points, false, include);
    check_accounting(index, scale, &layout.spans, true, include);
}
