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
        priority: 0,
    }
}

fn span(first_day: f64, end_day: f64, label: f64) -> Extent {
    Extent {
        first_day,
        end_day,
        is_span: true,
        label_width: label,
        priority: 0,
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
        (a, b.max(p.label_x + p.label_width))
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
    boxes.extend(band.clusters.iter().map(|c| (c.lane, c.x, c.x + c.width)));
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
        assert_eq!(
            p.label_width,
            non_negative(index.extent(p.index).label_width)
        );
        assert_eq!(index.extent(p.index).is_span, spans);
        if p.labelled {
            assert!(p.label_x + p.label_width <= scale.width + 1e-9, "{p:?}");
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

#[test]
fn spaced_events_share_the_first_lane_with_whole_labels_right_of_their_points() {
    let index = TimelineIndex::new(vec![
        point(day(2014, 5, 6), 80.0),
        point(day(2014, 1, 1), 80.0),
        point(day(2014, 9, 1), 80.0),
    ]);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert_eq!(l.points.lanes, 1);
    assert_eq!(
        l.points.placed.iter().map(|p| p.index).collect::<Vec<_>>(),
        [1, 0, 2]
    );
    for p in &l.points.placed {
        assert_eq!(p.lane, 0);
        assert_eq!(p.label_x, p.x + 5.0 + LABEL_OFFSET);
        assert!(p.labelled);
    }
    assert_eq!(l.spans, Band::default());
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
    let l = layout(&index, &scale, &OPTIONS, all);
    assert_eq!(
        l.points.placed.iter().map(|p| p.lane).collect::<Vec<_>>(),
        [0, 1, 2]
    );
    assert!(l.points.placed.iter().all(|p| p.labelled));
    assert!(l.points.clusters.is_empty());
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}

#[test]
fn a_year_only_date_sits_mid_year_with_a_bracket_over_the_year() {
    let index = TimelineIndex::new(vec![Extent {
        first_day: day(1983, 1, 1),
        end_day: day(1984, 1, 1),
        is_span: false,
        label_width: 50.0,
        priority: 0,
    }]);
    let scale = TimeScale::new(day(1980, 1, 1), day(1990, 1, 1), 1000.0);
    let p = &layout(&index, &scale, &OPTIONS, all).points.placed[0];
    assert!((p.x_start - scale.to_px(day(1983, 1, 1))).abs() < 1e-9);
    assert!((p.x_end - scale.to_px(day(1984, 1, 1))).abs() < 1e-9);
    assert!((p.x - (p.x_start + p.x_end) / 2.0).abs() < 1e-9);
}

#[test]
fn a_span_begun_off_screen_keeps_its_label_in_view() {
    let index = TimelineIndex::new(vec![span(day(2001, 10, 7), day(2014, 12, 31), 150.0)]);
    let scale = TimeScale::new(day(2010, 1, 1), day(2011, 1, 1), 800.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert!(l.points.placed.is_empty());
    let p = &l.spans.placed[0];
    assert!(p.x < 0.0 && p.x_end > 800.0);
    assert_eq!((p.x, p.x_end), (-BAR_OVERHANG, 800.0 + BAR_OVERHANG));
    assert_eq!(p.label_x, LABEL_OFFSET);
    assert!(p.labelled);
}

#[test]
fn long_spans_never_take_the_lanes_points_need() {
    // Five spans over the whole year, and five points in it: the points share one lane.
    let mut events: Vec<Extent> = (0..5)
        .map(|i| span(day(2000 + i, 1, 1), day(2020, 1, 1), 120.0))
        .collect();
    events.extend((0..5).map(|i| point(day(2014, 1 + 2 * i as u8, 1), 60.0)));
    let index = TimelineIndex::new(events);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert_eq!(l.points.lanes, 1);
    assert_eq!(l.points.placed.len(), 5);
    assert!(l.points.clusters.is_empty());
    // The spans have their own band: three lanes, then a cluster row.
    assert_eq!(l.spans.lanes, 4);
    assert_eq!(l.spans.placed.len() + l.spans.clusters[0].indices.len(), 5);
    check(&index, &scale, &OPTIONS, &l, &|_| true);
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
    let l = layout(&index, &scale, &OPTIONS, |i| even(i).then_some(1));
    assert_eq!(l.points.placed.len(), 5);
    check(&index, &scale, &OPTIONS, &l, &even);
}

#[test]
fn where_not_every_label_fits_the_higher_ranked_ones_show_whole() {
    // Five events five days apart: three lanes for labels, so two labels are left out: the
    // lowest ranked.
    let index = TimelineIndex::new(
        (0..5)
            .map(|i| point(day(2014, 1, 1) + f64::from(i) * 5.0, 300.0))
            .collect(),
    );
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let ranks = [2, 9, 1, 7, 5];
    let l = layout(&index, &scale, &OPTIONS, |i| Some(ranks[i]));
    assert!(l.points.clusters.is_empty());
    let labelled: HashSet<usize> = l
        .points
        .placed
        .iter()
        .filter(|p| p.labelled)
        .map(|p| p.index)
        .collect();
    assert_eq!(labelled, HashSet::from([1, 3, 4]));
    assert!(l.points.placed.iter().all(|p| p.label_width == 300.0));
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}

#[test]
fn a_bare_mark_in_the_way_moves_to_another_lane() {
    // The first event's label would run over the second's mark: the second moves down.
    let index = TimelineIndex::new(vec![
        point(day(2014, 1, 10), 300.0),
        point(day(2014, 3, 1), 300.0),
    ]);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, |i| {
        Some(if i == 0 { 5 } else { 1 })
    });
    let first = &l.points.placed[0];
    let second = &l.points.placed[1];
    assert!(first.labelled && second.labelled);
    assert_ne!(first.lane, second.lane);
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}

#[test]
fn marks_take_new_lanes_before_anything_is_clustered() {
    // Five events on one day: three lanes for labels, a fourth for a mark, then a cluster.
    let index = TimelineIndex::new((0..5).map(|_| point(day(2014, 5, 6), 100.0)).collect());
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert_eq!(l.points.placed.len(), 4);
    assert_eq!(l.points.clusters.len(), 1);
    assert_eq!(l.points.clusters[0].indices.len(), 1);
    assert_eq!(l.points.lanes, 5);
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}

#[test]
fn labels_that_fit_the_drawing_on_neither_side_are_left_out() {
    let index = TimelineIndex::new(vec![point(day(2014, 7, 1), 600.0)]);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert!(!l.points.placed[0].labelled);
}

#[test]
fn crowded_points_gather_into_clusters_that_zooming_spreads_out() {
    // 40 events over May 2014, seen from a two-decade window.
    let events: Vec<Extent> = (0..40)
        .map(|i| point(day(2014, 5, 1) + f64::from(i) * 0.75, 90.0))
        .collect();
    let index = TimelineIndex::new(events);
    let options = LayoutOptions {
        points: LaneLimits {
            labelled: 4,
            max: 7,
        },
        ..OPTIONS
    };
    let wide = TimeScale::new(day(2000, 1, 1), day(2020, 1, 1), 1000.0);
    let l = layout(&index, &wide, &options, all);
    assert_eq!(l.points.lanes, 8);
    assert_eq!(l.points.clusters.len(), 1);
    let cluster = &l.points.clusters[0];
    assert_eq!(cluster.lane, 7);
    assert_eq!(cluster.indices.len(), 40 - 7);
    check(&index, &wide, &options, &l, &|_| true);

    let zoomed = TimeScale::new(cluster.first_day - 1.0, cluster.end_day + 1.0, 1000.0);
    let z = layout(&index, &zoomed, &options, all);
    assert!(z.points.clusters.is_empty(), "{:?}", z.points.clusters);
    let placed: HashSet<usize> = z.points.placed.iter().map(|p| p.index).collect();
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
    let l = layout(&index, &scale, &options, all);
    assert!(l.points.placed.len() < 2000 && l.points.clusters.len() < 200);
    let clustered: usize = l.points.clusters.iter().map(|c| c.indices.len()).sum();
    assert_eq!(l.points.placed.len() + clustered, 100_000);
    assert!(l.points.clusters.iter().any(|c| c.indices.len() >= 1000));
}

#[test]
fn an_event_appears_in_each_of_its_blocks() {
    let index = TimelineIndex::new(vec![
        point(day(2014, 5, 6), 80.0),
        point(day(2014, 6, 6), 80.0),
        span(day(2010, 1, 1), day(2016, 1, 1), 80.0),
    ]);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let memberships: [&[usize]; 3] = [&[0, 2], &[1], &[]];
    let blocks = layout_blocks(&index, &scale, &OPTIONS, 3, all, |i| {
        memberships[i].iter().copied()
    });
    assert_eq!(blocks.len(), 3);
    let indices = |b: &Band| b.placed.iter().map(|p| p.index).collect::<Vec<_>>();
    assert_eq!(indices(&blocks[0].points), [0]);
    assert_eq!(indices(&blocks[1].points), [1]);
    assert_eq!(indices(&blocks[2].points), [0]);
    assert!(
        blocks.iter().all(|b| b.spans.placed.is_empty()),
        "in no block"
    );
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
    assert_eq!(
        index
            .visible_points(day(2010, 1, 1), day(2011, 1, 1))
            .collect::<Vec<_>>(),
        [2]
    );
    assert_eq!(index.first_day(), Some(day(1990, 1, 1)));
    assert_eq!(index.end_day(), Some(day(2020, 1, 1)));
    assert_eq!(index.len(), 4);
    let empty = TimelineIndex::new(Vec::new());
    assert!(empty.is_empty() && empty.first_day().is_none());
    assert_eq!(empty.visible(0.0, 1.0).count(), 0);
}

#[test]
fn the_frame_is_the_point_events_or_the_spans_when_there_are_none() {
    let index = TimelineIndex::new(vec![
        span(day(2000, 1, 1), day(2025, 1, 1), 10.0),
        point(day(2009, 3, 1), 10.0),
        point(day(2016, 7, 1), 10.0),
        span(day(2012, 1, 1), day(2013, 1, 1), 10.0),
    ]);
    assert_eq!(
        index.frame(|_| true),
        Some((day(2009, 3, 1), day(2016, 7, 2)))
    );
    assert_eq!(
        index.frame(|i| i == 0 || i == 3),
        Some((day(2000, 1, 1), day(2025, 1, 1)))
    );
    assert_eq!(index.frame(|_| false), None);
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
            priority: 0,
        },
        point(6.0, -3.0),
    ]);
    assert_eq!(
        layout(&index, &TimeScale::new(0.0, 0.0, 100.0), &OPTIONS, all),
        Layout::default()
    );
    let scale = TimeScale::new(0.0, 10.0, 100.0);
    let zero_lanes = LayoutOptions {
        points: LaneLimits {
            labelled: 0,
            max: 0,
        },
        spans: LaneLimits {
            labelled: 5,
            max: 0,
        },
        label_gap: f64::NAN,
        mark_gap: -1.0,
        point_radius: -1.0,
    };
    let l = layout(&index, &scale, &zero_lanes, all);
    assert_eq!(l.points.placed.len() + l.spans.placed.len(), 2);
    assert!(l.points.placed.iter().all(|p| !p.labelled));
    assert!(layout_blocks(&index, &scale, &OPTIONS, 0, all, |_| [0]).is_empty());
}

fn extent_strategy() -> impl Strategy<Value = Extent> {
    (
        0.0f64..2000.0,
        prop_oneof![Just(1.0), Just(31.0), Just(365.0), 0.0f64..600.0],
        any::<bool>(),
        0.0f64..250.0,
        0u16..20,
    )
        .prop_map(
            |(first_day, length, is_span, label_width, priority)| Extent {
                first_day,
                end_day: first_day + length,
                is_span,
                label_width,
                priority,
            },
        )
}

proptest! {
    #[test]
    fn lanes_never_overlap_and_every_visible_event_is_accounted_for(
        extents in proptest::collection::vec(extent_strategy(), 0..150),
        start in -100.0f64..2000.0,
        span in 5.0f64..2500.0,
        width in 50.0f64..1600.0,
        labelled in 0usize..8,
        max in 0usize..10,
        gap in 0.0f64..20.0,
        radius in 0.0f64..8.0,
        mask in any::<u64>(),
        context_mask in prop_oneof![Just(0u64), any::<u64>()],
    ) {
        let index = TimelineIndex::new(extents);
        let scale = TimeScale::new(start, start + span, width);
        let lanes = LaneLimits { labelled, max };
        let options = LayoutOptions {
            points: lanes,
            spans: lanes,
            label_gap: gap,
            mark_gap: gap / 3.0,
            point_radius: radius,
        };
        let include = |i: usize| (mask >> (i % 64)) & 1 == 1;
        // Some of the others drawn as context (rank 0).
        let context = |i: usize| !include(i) && (context_mask >> (i % 64)) & 1 == 1;
        let l = layout(&index, &scale, &options, |i| {
            if include(i) {
                Some(1 + u32::from(index.extent(i).priority))
            } else {
                context(i).then_some(0)
            }
        });
        check_context(&l, &context);
        let counted = |i: usize| include(i) || context(i);
        check_band(&index, &scale, &options, &l.points, false);
        check_band(&index, &scale, &options, &l.spans, true);
        for (band, spans) in [(&l.points, false), (&l.spans, true)] {
            let ranked = Band {
                placed: band.placed.iter().filter(|p| include(p.index)).cloned().collect(),
                ..band.clone()
            };
            check_accounting(&index, &scale, &ranked, spans, &include);
            prop_assert!(band.placed.iter().all(|p| counted(p.index)));
        }
        // A clustered mark found every lane taken where it stands.
        let r = options.point_radius.max(0.0);
        for (band, spans) in [(&l.points, false), (&l.spans, true)] {
            for c in &band.clusters {
                for &m in &c.indices {
                    let e = index.extent(m);
                    let probe = Placed {
                        index: m,
                        lane: 0,
                        x: if spans { scale.to_px(e.first_day) } else { scale.to_px(e.mark_day()) },
                        x_start: scale.to_px(e.first_day),
                        x_end: scale.to_px(e.effective_end()),
                        label_x: 0.0,
                        label_width: 0.0,
                        labelled: false,
                    };
                    let clamp = |x: f64| x.clamp(-BAR_OVERHANG, width + BAR_OVERHANG);
                    let probe = Placed {
                        x: clamp(probe.x),
                        x_start: clamp(probe.x_start),
                        x_end: clamp(probe.x_end).max(if spans { clamp(probe.x_start) + 2.0 } else { f64::MIN }),
                        ..probe
                    };
                    let (a, b) = mark(&probe, r, spans);
                    let gap = options.mark_gap;
                    for lane in 0..band.lanes - 1 {
                        let taken = band.placed.iter().filter(|p| p.lane == lane).any(|p| {
                            let (c, d) = mark(p, r, spans);
                            c < b + gap + 1e-6 && a < d + gap + 1e-6
                        });
                        prop_assert!(taken, "lane {} had room for clustered {}", lane, m);
                    }
                }
            }
        }
    }

    #[test]
    fn visible_matches_a_linear_scan(
        extents in proptest::collection::vec(extent_strategy(), 0..200),
        start in -700.0f64..2700.0,
        span in 0.0f64..1000.0,
    ) {
        let index = TimelineIndex::new(extents.clone());
        let found: Vec<usize> = index.visible(start, start + span).collect();
        for pair in found.windows(2) {
            prop_assert!(index.extent(pair[0]).first_day <= index.extent(pair[1]).first_day);
        }
        let mut found = found;
        found.sort_unstable();
        let expected: Vec<usize> = (0..extents.len())
            .filter(|&i| extents[i].intersects(start, start + span))
            .collect();
        prop_assert_eq!(found, expected);
    }
}

#[test]
fn a_label_with_no_room_on_the_right_goes_on_the_left() {
    let index = TimelineIndex::new(vec![
        point(day(2014, 1, 1), 100.0),
        point(day(2014, 12, 1), 200.0),
    ]);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    let late = &l.points.placed[1];
    assert!(late.labelled);
    assert!((late.label_x + late.label_width - (late.x - 5.0 - LABEL_OFFSET)).abs() < 1e-9);
    assert_eq!(late.lane, 0, "the first label ends long before");
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}
