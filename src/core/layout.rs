//! Which events are visible, and where they go: greedy lane packing so that no two marks or
//! labels overlap, with crowded points gathered into "+N" clusters.
//!
//! Cost is proportional to what is visible: a binary search finds the candidates, each is
//! tried against a handful of lanes, and nothing allocates per event except the cluster
//! member lists.

use crate::core::scale::{label_width, TimeScale};

/// Labels are never shortened below this width (or their full width, if that is less).
pub const MIN_LABEL_WIDTH: f64 = 60.0;

/// Space in px between a point's edge and its label, and a span label's inset from the bar start.
pub const LABEL_OFFSET: f64 = 4.0;

/// What layout needs to know of one event, precomputed once per dataset.
///
/// `[first_day, end_day)` is the event's range (for a point, the whole period of its date's
/// precision: a year-only date covers the year).
#[derive(Clone, Debug, PartialEq)]
pub struct Extent {
    pub first_day: f64,
    pub end_day: f64,
    pub is_span: bool,
    /// Full width in px of the event's label, e.g. from [`label_width`].
    pub label_width: f64,
}

impl Extent {
    /// The end, repaired so that an empty or garbled range counts as its first day.
    fn effective_end(&self) -> f64 {
        if self.end_day > self.first_day {
            self.end_day
        } else {
            self.first_day
        }
    }

    /// Whether the event shows in the window `[start, end)`.
    fn intersects(&self, start: f64, end: f64) -> bool {
        self.first_day < end && (self.effective_end() > start || self.first_day >= start)
    }
}

/// Events sorted by `first_day` plus the longest duration, for a logarithmic visible-range
/// search: anything visible must start after `window start - longest duration`.
#[derive(Clone, Debug, Default)]
pub struct TimelineIndex {
    /// In the caller's (original) order.
    extents: Vec<Extent>,
    /// Original indices in chronological order.
    order: Vec<usize>,
    /// `first_day` of `order[i]` (NaN as +∞, so it is never visible and never breaks the search).
    sorted_first: Vec<f64>,
    longest: f64,
    first_day: Option<f64>,
    end_day: Option<f64>,
}

impl TimelineIndex {
    /// Indexes the events, keeping their original indices for the caller.
    pub fn new(extents: Vec<Extent>) -> Self {
        let key = |e: &Extent| {
            if e.first_day.is_nan() {
                f64::INFINITY
            } else {
                e.first_day
            }
        };
        let mut order: Vec<usize> = (0..extents.len()).collect();
        order.sort_by(|&a, &b| key(&extents[a]).total_cmp(&key(&extents[b])));
        let sorted_first: Vec<f64> = order.iter().map(|&i| key(&extents[i])).collect();
        let finite = || extents.iter().filter(|e| e.first_day.is_finite());
        let longest = finite()
            .map(|e| e.effective_end() - e.first_day)
            .fold(0.0, f64::max);
        let first_day = finite().map(|e| e.first_day).reduce(f64::min);
        let end_day = finite().map(Extent::effective_end).reduce(f64::max);
        Self {
            extents,
            order,
            sorted_first,
            longest,
            first_day,
            end_day,
        }
    }

    pub fn len(&self) -> usize {
        self.extents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.extents.is_empty()
    }

    /// Original indices of events intersecting `[start, end)`, in chronological order, found by
    /// binary search (cost O(log n + candidates within the longest duration before `start`)).
    pub fn visible(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        let reach = if self.longest.is_finite() {
            start - self.longest
        } else {
            f64::NEG_INFINITY
        };
        let lo = self.sorted_first.partition_point(|&f| f < reach);
        let hi = self.sorted_first.partition_point(|&f| f < end).max(lo);
        self.order[lo..hi]
            .iter()
            .copied()
            .filter(move |&i| self.extents[i].intersects(start, end))
    }

    /// The event's extent, by its original index.
    pub fn extent(&self, original_index: usize) -> &Extent {
        &self.extents[original_index]
    }

    /// The first day of the data (finite events only).
    pub fn first_day(&self) -> Option<f64> {
        self.first_day
    }

    /// The (exclusive) last day of the data.
    pub fn end_day(&self) -> Option<f64> {
        self.end_day
    }
}

/// How lanes are packed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Lanes available, including the last one, which is reserved for clusters (at least 1).
    pub max_lanes: usize,
    /// Horizontal gap in px between neighbours in a lane.
    pub label_gap: f64,
    /// Radius in px of a point mark.
    pub point_radius: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            max_lanes: 10,
            label_gap: 8.0,
            point_radius: 5.0,
        }
    }
}

/// An event placed in a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Original index of the event.
    pub index: usize,
    pub lane: usize,
    /// The point mark (the middle of the event's period), or a span's bar start.
    pub x: f64,
    /// Start of the whole period: a span's bar start, or a point's "imprecision bracket"
    /// (a year-only date covers the whole year).
    pub x_start: f64,
    /// End of the span's bar, or of a point's imprecision bracket.
    pub x_end: f64,
    /// Where the label starts: just right of the point, or at the span's visible start; never
    /// left of 0.
    pub label_x: f64,
    /// The label's room; less than the full width if the layout shortened it (the UI truncates
    /// the text to fit, e.g. with an ellipsis).
    pub label_width: f64,
}

/// Events that did not fit, shown as one "+N" badge; zooming to `[first_day, end_day)`
/// spreads them out.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Always the last lane (`Layout::lanes - 1`): clusters have a row of their own.
    pub lane: usize,
    /// Left edge of the badge: the position of its first member (clamped to the axis).
    pub x: f64,
    /// Width of the badge in px; clusters in the lane never overlap.
    pub width: f64,
    /// Original indices of the members, in chronological order.
    pub indices: Vec<usize>,
    pub first_day: f64,
    pub end_day: f64,
}

/// Everything the timeline draws in its lanes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
    /// Lanes in use (the UI sizes the timeline from it).
    pub lanes: usize,
}

/// The last event placed in a lane, kept so its label can be shortened for a newcomer.
#[derive(Clone, Copy, Debug)]
struct Lane {
    /// Right edge of everything in the lane, gap included.
    right: f64,
    /// Index into `Layout::placed` of the rightmost item.
    last: usize,
    /// Where `right` would be with that item's label shortened as far as allowed.
    shrunk_right: f64,
}

/// Lays out the visible events of `index` for `scale`.
///
/// Events are taken in chronological order. Each occupies
/// `[min(x_start, x - r, label_x), max(x_end, x + r, label_x + label_width)] + gap` and goes in
/// the first lane whose last right edge is at or before its left edge. If no lane has room,
/// the last event of a lane may have its label shortened (down to [`MIN_LABEL_WIDTH`]) to make
/// room. Events still without a lane join "+N" clusters in the last lane: a new cluster starts
/// only clear of the previous badge, so badges never overlap. `include(i)` says whether event
/// `i` passes the current filters; filtered-out events are skipped without re-indexing.
pub fn layout(
    index: &TimelineIndex,
    scale: &TimeScale,
    options: &LayoutOptions,
    include: impl Fn(usize) -> bool,
) -> Layout {
    if !scale.is_usable() {
        return Layout::default();
    }
    let radius = non_negative(options.point_radius);
    let gap = non_negative(options.label_gap);
    let item_lanes = options.max_lanes.max(1) - 1;
    let mut result = Layout::default();
    let mut lanes: Vec<Lane> = Vec::with_capacity(item_lanes);
    // Once every lane exists, nothing starting left of this can be placed: crowded events
    // go straight to the clusters in O(1), which is what keeps 100,000 events cheap.
    let mut blocked_until = f64::INFINITY;
    let badge = BadgeWidths::new();

    for i in index.visible(scale.start, scale.end) {
        if !include(i) {
            continue;
        }
        let extent = index.extent(i);
        let x_start = scale.to_px(extent.first_day);
        let x_end = scale.to_px(extent.effective_end());
        let (x, label_x) = if extent.is_span {
            (x_start, x_start.max(0.0) + LABEL_OFFSET)
        } else {
            let x =
                scale.to_px(extent.first_day + (extent.effective_end() - extent.first_day) / 2.0);
            (x, (x + radius + LABEL_OFFSET).max(0.0))
        };
        let full_label = non_negative(extent.label_width);
        let left = x_start.min(x - radius).min(label_x);
        let mark_right = x_end.max(x + radius);
        let right = mark_right.max(label_x + full_label) + gap;
        let lane = if lanes.len() == item_lanes && left < blocked_until {
            None
        } else {
            choose_lane(&mut lanes, &mut result.placed, item_lanes, left)
        };

        match lane {
            Some(lane) => {
                lanes[lane] = Lane {
                    right,
                    last: result.placed.len(),
                    shrunk_right: mark_right.max(label_x + full_label.min(MIN_LABEL_WIDTH)) + gap,
                };
                blocked_until = lanes
                    .iter()
                    .map(|l| l.shrunk_right)
                    .fold(f64::INFINITY, f64::min);
                result.placed.push(Placed {
                    index: i,
                    lane,
                    x,
                    x_start,
                    x_end,
                    label_x,
                    label_width: full_label,
                });
            }
            None => {
                let at = if extent.is_span { x_start } else { x };
                let at = at.clamp(0.0, scale.width);
                add_to_clusters(&mut result.clusters, &badge, i, extent, at, gap);
            }
        }
    }

    for cluster in &mut result.clusters {
        cluster.lane = item_lanes;
    }
    result.lanes = if result.clusters.is_empty() {
        lanes.len()
    } else {
        item_lanes + 1
    };
    result
}

fn non_negative(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

/// The lane for an item whose box starts at `left`: the first with room, else a new lane,
/// else the first whose last label can be shortened to make room (shortening it in place).
fn choose_lane(
    lanes: &mut Vec<Lane>,
    placed: &mut [Placed],
    item_lanes: usize,
    left: f64,
) -> Option<usize> {
    if let Some(lane) = lanes.iter().position(|lane| lane.right <= left) {
        return Some(lane);
    }
    if lanes.len() < item_lanes {
        lanes.push(Lane {
            right: f64::NEG_INFINITY,
            last: 0,
            shrunk_right: f64::NEG_INFINITY,
        });
        return Some(lanes.len() - 1);
    }
    for (number, lane) in lanes.iter_mut().enumerate() {
        if lane.shrunk_right <= left {
            // Give the label all the room up to the newcomer, no less than its minimum.
            let last = &mut placed[lane.last];
            let shortest = last.label_width.min(MIN_LABEL_WIDTH);
            let room = last.label_width - (lane.right - left);
            last.label_width = room.clamp(shortest, last.label_width);
            return Some(number);
        }
    }
    None
}

/// Badge widths: room for "+NNN" at least, more for larger counts.
struct BadgeWidths {
    minimum: f64,
    plus: f64,
    digit: f64,
}

impl BadgeWidths {
    fn new() -> Self {
        Self {
            minimum: label_width("+NNN"),
            plus: label_width("+"),
            digit: label_width("0"),
        }
    }

    fn for_count(&self, count: usize) -> f64 {
        let digits = count.max(1).ilog10() + 1;
        self.minimum.max(self.plus + self.digit * f64::from(digits))
    }
}

/// Adds an unplaced event at `at` px to the last cluster if it is within reach of its badge,
/// else starts a new cluster clear of it.
fn add_to_clusters(
    clusters: &mut Vec<Cluster>,
    badge: &BadgeWidths,
    index: usize,
    extent: &Extent,
    at: f64,
    gap: f64,
) {
    if let Some(last) = clusters.last_mut() {
        if at < last.x + last.width + gap {
            last.indices.push(index);
            last.first_day = last.first_day.min(extent.first_day);
            last.end_day = last.end_day.max(extent.effective_end());
            last.width = badge.for_count(last.indices.len());
            return;
        }
    }
    clusters.push(Cluster {
        lane: 0,
        x: at,
        width: badge.for_count(1),
        indices: vec![index],
        first_day: extent.first_day,
        end_day: extent.effective_end(),
    });
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::date::days_from_civil;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn day(y: i32, m: u8, d: u8) -> f64 {
        days_from_civil(y, m, d) as f64
    }

    fn point(first_day: f64, label: f64) -> Extent {
        Extent {
            first_day,
            end_day: first_day + 1.0,
            is_span: false,
            label_width: label,
        }
    }

    fn span(first_day: f64, end_day: f64, label: f64) -> Extent {
        Extent {
            first_day,
            end_day,
            is_span: true,
            label_width: label,
        }
    }

    const OPTIONS: LayoutOptions = LayoutOptions {
        max_lanes: 4,
        label_gap: 8.0,
        point_radius: 5.0,
    };

    /// What is drawn for a placed event: mark, bracket or bar, and label.
    fn drawn(p: &Placed, r: f64) -> (f64, f64) {
        (
            p.x_start.min(p.x - r).min(p.label_x),
            p.x_end.max(p.x + r).max(p.label_x + p.label_width),
        )
    }

    /// Checks the invariants a user relies on.
    fn check(
        index: &TimelineIndex,
        scale: &TimeScale,
        options: &LayoutOptions,
        layout: &Layout,
        include: &dyn Fn(usize) -> bool,
    ) {
        let r = options.point_radius;
        let mut boxes: Vec<(usize, f64, f64)> = layout
            .placed
            .iter()
            .map(|p| {
                let (a, b) = drawn(p, r);
                (p.lane, a, b)
            })
            .collect();
        boxes.extend(layout.clusters.iter().map(|c| (c.lane, c.x, c.x + c.width)));
        for (n, a) in boxes.iter().enumerate() {
            assert!(
                a.0 < options.max_lanes.max(1) && a.0 < layout.lanes,
                "lane {a:?}"
            );
            for b in &boxes[n + 1..] {
                if a.0 == b.0 {
                    let apart = a.2 <= b.1 + 1e-6 || b.2 <= a.1 + 1e-6;
                    assert!(apart, "overlap in lane {}: {a:?} {b:?}", a.0);
                }
            }
        }
        for p in &layout.placed {
            assert!(p.label_x >= 0.0);
            let full = index.extent(p.index).label_width;
            assert!(p.label_width <= full && p.label_width >= full.min(MIN_LABEL_WIDTH));
        }
        let mut seen = HashSet::new();
        let members = layout
            .clusters
            .iter()
            .flat_map(|c| c.indices.iter().copied());
        for i in layout.placed.iter().map(|p| p.index).chain(members) {
            assert!(include(i), "excluded event {i} shown");
            assert!(seen.insert(i), "event {i} shown twice");
        }
        for i in index
            .visible(scale.start, scale.end)
            .filter(|&i| include(i))
        {
            assert!(seen.contains(&i), "visible event {i} missing");
        }
        assert_eq!(
            seen.len(),
            index
                .visible(scale.start, scale.end)
                .filter(|&i| include(i))
                .count()
        );
    }

    #[test]
    fn spaced_events_share_the_first_lane_with_labels_right_of_their_points() {
        let index = TimelineIndex::new(vec![
            point(day(2014, 5, 6), 80.0),
            point(day(2014, 1, 1), 80.0),
            point(day(2014, 9, 1), 80.0),
        ]);
        let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
        let l = layout(&index, &scale, &OPTIONS, |_| true);
        assert_eq!(l.lanes, 1);
        assert_eq!(
            l.placed.iter().map(|p| p.index).collect::<Vec<_>>(),
            [1, 0, 2]
        );
        for p in &l.placed {
            assert_eq!(p.lane, 0);
            assert_eq!(p.label_x, p.x + 5.0 + LABEL_OFFSET);
            assert_eq!(p.label_width, 80.0);
        }
        check(&index, &scale, &OPTIONS, &l, &|_| true);
    }

    #[test]
    fn close_events_stack_in_lanes_instead_of_overlapping() {
        let index = TimelineIndex::new(vec![
            point(day(2014, 5, 6), 200.0),
            point(day(2014, 5, 8), 200.0),
            point(day(2014, 5, 10), 200.0),
        ]);
        let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
        let l = layout(&index, &scale, &OPTIONS, |_| true);
        assert_eq!(
            l.placed.iter().map(|p| p.lane).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert!(l.clusters.is_empty());
        check(&index, &scale, &OPTIONS, &l, &|_| true);
    }

    #[test]
    fn a_year_only_date_sits_mid_year_with_a_bracket_over_the_year() {
        let index = TimelineIndex::new(vec![Extent {
            first_day: day(1983, 1, 1),
            end_day: day(1984, 1, 1),
            is_span: false,
            label_width: 50.0,
        }]);
        let scale = TimeScale::new(day(1980, 1, 1), day(1990, 1, 1), 1000.0);
        let p = &layout(&index, &scale, &OPTIONS, |_| true).placed[0];
        assert!((p.x_start - scale.to_px(day(1983, 1, 1))).abs() < 1e-9);
        assert!((p.x_end - scale.to_px(day(1984, 1, 1))).abs() < 1e-9);
        assert!((p.x - (p.x_start + p.x_end) / 2.0).abs() < 1e-9);
    }

    #[test]
    fn a_span_begun_off_screen_keeps_its_label_in_view() {
        let index = TimelineIndex::new(vec![span(day(2001, 10, 7), day(2014, 12, 31), 150.0)]);
        let scale = TimeScale::new(day(2010, 1, 1), day(2011, 1, 1), 800.0);
        let l = layout(&index, &scale, &OPTIONS, |_| true);
        let p = &l.placed[0];
        assert!(p.x < 0.0 && p.x_end > 800.0);
        assert_eq!(p.label_x, LABEL_OFFSET);
    }

    #[test]
    fn filtered_out_events_are_skipped() {
        let index = TimelineIndex::new(
            (0..10)
                .map(|i| point(day(2014, 1, 1) + 30.0 * f64::from(i), 40.0))
                .collect(),
        );
        let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
        let even = |i: usize| i.is_multiple_of(2);
        let l = layout(&index, &scale, &OPTIONS, even);
        assert_eq!(l.placed.len(), 5);
        check(&index, &scale, &OPTIONS, &l, &even);
    }

    #[test]
    fn when_lanes_run_out_labels_are_shortened_before_anything_is_hidden() {
        // Three lanes for items; the fourth event fits only if a long label gives way.
        let index = TimelineIndex::new(vec![
            point(day(2014, 1, 1), 300.0),
            point(day(2014, 1, 2), 300.0),
            point(day(2014, 1, 3), 300.0),
            point(day(2014, 2, 15), 300.0),
        ]);
        let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
        let l = layout(&index, &scale, &OPTIONS, |_| true);
        assert!(l.clusters.is_empty());
        assert_eq!(l.placed[3].lane, 0);
        assert!(l.placed[0].label_width < 300.0 && l.placed[0].label_width >= MIN_LABEL_WIDTH);
        assert_eq!(l.placed[3].label_width, 300.0);
        check(&index, &scale, &OPTIONS, &l, &|_| true);
    }

    #[test]
    fn crowded_points_gather_into_clusters_that_zooming_spreads_out() {
        // 40 events over May 2014, seen from a two-decade window.
        let events: Vec<Extent> = (0..40)
            .map(|i| point(day(2014, 5, 1) + f64::from(i) * 0.75, 90.0))
            .collect();
        let index = TimelineIndex::new(events);
        let options = LayoutOptions {
            max_lanes: 8,
            ..OPTIONS
        };
        let wide = TimeScale::new(day(2000, 1, 1), day(2020, 1, 1), 1000.0);
        let l = layout(&index, &wide, &options, |_| true);
        assert_eq!(l.lanes, 8);
        assert_eq!(l.clusters.len(), 1);
        let cluster = &l.clusters[0];
        assert_eq!(cluster.lane, 7);
        assert_eq!(cluster.indices.len(), 40 - 7);
        check(&index, &wide, &options, &l, &|_| true);

        let zoomed = TimeScale::new(cluster.first_day - 1.0, cluster.end_day + 1.0, 1000.0);
        let z = layout(&index, &zoomed, &options, |_| true);
        assert!(z.clusters.is_empty(), "{:?}", z.clusters);
        let placed: HashSet<usize> = z.placed.iter().map(|p| p.index).collect();
        assert!(cluster.indices.iter().all(|i| placed.contains(i)));
        check(&index, &zoomed, &options, &z, &|_| true);
    }

    #[test]
    fn a_hundred_thousand_events_zoomed_out_collapse_into_few_clusters() {
        let events: Vec<Extent> = (0..100_000)
            .map(|i| point(day(1950, 1, 1) + f64::from(i) * 0.4, 120.0))
            .collect();
        let index = TimelineIndex::new(events);
        let scale = TimeScale::new(day(1940, 1, 1), day(2070, 1, 1), 1200.0);
        let options = LayoutOptions::default();
        let l = layout(&index, &scale, &options, |_| true);
        assert!(l.placed.len() < 200 && l.clusters.len() < 100);
        let clustered: usize = l.clusters.iter().map(|c| c.indices.len()).sum();
        assert_eq!(l.placed.len() + clustered, 100_000);
        assert!(l.clusters.iter().any(|c| c.indices.len() >= 1000));
    }

    #[test]
    fn the_index_finds_long_spans_that_began_before_the_window() {
        let index = TimelineIndex::new(vec![
            span(day(1990, 1, 1), day(2020, 1, 1), 10.0),
            point(day(2005, 1, 1), 10.0),
            point(day(2010, 6, 1), 10.0),
            point(day(2019, 1, 1), 10.0),
        ]);
        let found: Vec<usize> = index.visible(day(2010, 1, 1), day(2011, 1, 1)).collect();
        assert_eq!(found, [0, 2]);
        assert_eq!(index.first_day(), Some(day(1990, 1, 1)));
        assert_eq!(index.end_day(), Some(day(2020, 1, 1)));
        assert_eq!(index.len(), 4);
        let empty = TimelineIndex::new(Vec::new());
        assert!(empty.is_empty() && empty.first_day().is_none());
        assert_eq!(empty.visible(0.0, 1.0).count(), 0);
    }

    #[test]
    fn degenerate_input_gives_an_empty_or_sane_layout() {
        let index = TimelineIndex::new(vec![
            point(f64::NAN, 10.0),
            Extent {
                first_day: 5.0,
                end_day: f64::NAN,
                is_span: true,
                label_width: f64::NAN,
            },
            point(6.0, -3.0),
        ]);
        assert_eq!(
            layout(&index, &TimeScale::new(0.0, 0.0, 100.0), &OPTIONS, |_| true),
            Layout::default()
        );
        let scale = TimeScale::new(0.0, 10.0, 100.0);
        let zero_lanes = LayoutOptions {
            max_lanes: 0,
            label_gap: f64::NAN,
            point_radius: -1.0,
        };
        let l = layout(&index, &scale, &zero_lanes, |_| true);
        assert!(l.placed.is_empty());
        assert_eq!(l.clusters.iter().map(|c| c.indices.len()).sum::<usize>(), 2);
        assert_eq!(l.lanes, 1);
    }

    fn extent_strategy() -> impl Strategy<Value = Extent> {
        (
            0.0f64..2000.0,
            prop_oneof![Just(1.0), Just(31.0), Just(365.0), 0.0f64..600.0],
            any::<bool>(),
            0.0f64..250.0,
        )
            .prop_map(|(first_day, length, is_span, label_width)| Extent {
                first_day,
                end_day: first_day + length,
                is_span,
                label_width,
            })
    }

    proptest! {
        #[test]
        fn lanes_never_overlap_and_every_visible_event_is_accounted_for(
            extents in proptest::collection::vec(extent_strategy(), 0..150),
            start in -100.0f64..2000.0,
            span in 5.0f64..2500.0,
            width in 50.0f64..1600.0,
            max_lanes in 0usize..10,
            gap in 0.0f64..20.0,
            radius in 0.0f64..8.0,
            mask in any::<u64>(),
        ) {
            let index = TimelineIndex::new(extents);
            let scale = TimeScale::new(start, start + span, width);
            let options = LayoutOptions { max_lanes, label_gap: gap, point_radius: radius };
            let include = |i: usize| (mask >> (i % 64)) & 1 == 1;
            let l = layout(&index, &scale, &options, include);
            check(&index, &scale, &options, &l, &include);
        }

        #[test]
        fn visible_matches_a_linear_scan(
            extents in proptest::collection::vec(extent_strategy(), 0..200),
            start in -700.0f64..2700.0,
            span in 0.0f64..1000.0,
        ) {
            let index = TimelineIndex::new(extents.clone());
            let mut found: Vec<usize> = index.visible(start, start + span).collect();
            found.sort_unstable();
            let expected: Vec<usize> = (0..extents.len())
                .filter(|&i| extents[i].intersects(start, start + span))
                .collect();
            prop_assert_eq!(found, expected);
        }
    }
}
