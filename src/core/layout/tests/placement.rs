//! Where points, spans and their labels go: lanes, brackets, labels whole or left out.

use super::*;

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
    let index = TimelineIndex::new(vec![year_only(1983, 50.0)]);
    let scale = TimeScale::new(day(1980, 1, 1), day(1990, 1, 1), 1000.0);
    let p = &layout(&index, &scale, &OPTIONS, all).points.placed[0];
    assert!((p.x_start - scale.to_px(day(1983, 1, 1))).abs() < 1e-9);
    assert!((p.x_end - scale.to_px(day(1984, 1, 1))).abs() < 1e-9);
    assert!((p.x - (p.x_start + p.x_end) / 2.0).abs() < 1e-9);
}

/// A year-only date whose mark (mid-year) stands past the drawing's edge, its bracket alone
/// reaching in, is named on the bracket, from its visible start, where the whole name lies over
/// the bracket in view: March to June 2014 showed 2014's year-only events as bare lines across
/// the drawing. Not beside the mark's place at the edge, where the name would stand for nothing
/// in sight (1996–2002 showed "Japan hosts the first Tokyo Conference on Afghanistan", of 2002,
/// at the right edge, its bracket a sliver).
#[test]
fn a_point_whose_mark_is_out_of_the_drawing_is_named_on_its_bracket_or_not_at_all() {
    let index = TimelineIndex::new(vec![year_only(2002, 200.0)]);
    let sliver = TimeScale::new(day(1996, 1, 1), day(2002, 3, 1), 1000.0);
    let p = &layout(&index, &sliver, &OPTIONS, all).points.placed[0];
    assert!(p.x_start < 1000.0, "its bracket reaches in: {p:?}");
    assert!(!p.labelled, "{p:?}");
    let whole = TimeScale::new(day(1996, 1, 1), day(2004, 1, 1), 1000.0);
    let p = &layout(&index, &whole, &OPTIONS, all).points.placed[0];
    assert!(p.labelled, "beside its mark: {p:?}");

    // The mark past the right edge, the bracket across the whole drawing: named at its left.
    let spring = TimeScale::new(day(2002, 3, 1), day(2002, 6, 1), 1000.0);
    let p = &layout(&index, &spring, &OPTIONS, all).points.placed[0];
    assert!(p.x > 1000.0 && p.x_start < 0.0, "{p:?}");
    assert!(p.labelled, "{p:?}");
    assert_eq!(p.label_x, LABEL_OFFSET);
    // The mark past the left edge: named over the bracket's part in view (2002's last 5 of the
    // window's 17 months, ~290 px), when the whole name lies on it.
    let autumn = TimeScale::new(day(2002, 8, 1), day(2004, 1, 1), 1000.0);
    let p = &layout(&index, &autumn, &OPTIONS, all).points.placed[0];
    assert!(p.x < 0.0 && p.x_end < 300.0, "{p:?}");
    assert!(p.labelled && p.label_x + p.label_width <= p.x_end, "{p:?}");
    // Inside the year, the mark's place (mid-year) in view: no mark there (it would say a day
    // the source does not give), and the name on the bracket, as above.
    let summer = TimeScale::new(day(2002, 6, 1), day(2002, 8, 1), 1000.0);
    let p = &layout(&index, &summer, &OPTIONS, all).points.placed[0];
    assert!((0.0..1000.0).contains(&p.x), "{p:?}");
    assert!(!p.mark_shown, "{p:?}");
    assert!(p.labelled && p.label_x == LABEL_OFFSET, "{p:?}");
    // An uncertain year ("2002?", its range the year) or an approximate one ("2002~", which
    // may mean 2001 to 2003) likewise: no mark at mid-year, the name on the bracket.
    let uncertain = TimelineIndex::new(vec![Extent {
        stated: Some((day(2002, 1, 1), day(2003, 1, 1))),
        ..year_only(2002, 200.0)
    }]);
    let circa = TimelineIndex::new(vec![Extent {
        first_day: day(2001, 1, 1),
        end_day: day(2004, 1, 1),
        stated: Some((day(2002, 1, 1), day(2003, 1, 1))),
        ..point(0.0, 200.0)
    }]);
    for index in [&uncertain, &circa] {
        let p = &layout(index, &summer, &OPTIONS, all).points.placed[0];
        assert!((0.0..1000.0).contains(&p.x), "{p:?}");
        assert!(
            !p.mark_shown && p.labelled && p.label_x == LABEL_OFFSET,
            "{p:?}"
        );
    }
    // With the year it states in view, the approximate date's mark stands at its middle, as a
    // plain year's does, though the years it may mean run past the drawing's edges.
    let stated_year = TimeScale::new(day(2001, 12, 1), day(2003, 2, 1), 1000.0);
    let p = &layout(&circa, &stated_year, &OPTIONS, all).points.placed[0];
    assert!(p.x_start < 0.0 && p.x_end > 1000.0, "{p:?}");
    assert!(p.mark_shown && p.labelled && p.label_x > p.x, "{p:?}");
    // The whole year: its mark, mid-year, named beside it.
    let year = TimeScale::new(day(2002, 1, 1), day(2003, 1, 1), 1000.0);
    let p = &layout(&index, &year, &OPTIONS, all).points.placed[0];
    assert!(p.mark_shown, "{p:?}");
    assert!(p.labelled, "{p:?}");
    let long = TimelineIndex::new(vec![year_only(2002, 400.0)]);
    assert!(!layout(&long, &autumn, &OPTIONS, all).points.placed[0].labelled);
    for (index, scale) in [
        (&index, &spring),
        (&index, &summer),
        (&uncertain, &summer),
        (&circa, &summer),
        (&circa, &stated_year),
        (&index, &autumn),
        (&long, &autumn),
    ] {
        check(
            index,
            scale,
            &OPTIONS,
            &layout(index, scale, &OPTIONS, all),
            &|_| true,
        );
    }
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

/// `through` spans from 2000 on to 2020 (through any window of 2014), then `short` ones.
fn through_and_short(through: i32, short: &[(f64, f64)]) -> TimelineIndex {
    let mut events: Vec<Extent> = (0..through)
        .map(|i| span(day(2000 + i, 1, 1), day(2020, 1, 1), 120.0))
        .collect();
    events.extend(short.iter().map(|&(a, b)| span(a, b, 90.0)));
    TimelineIndex::new(events)
}

#[test]
fn a_short_span_among_spans_that_run_through_the_window_gets_a_lane_of_its_own() {
    // Six spans through the whole window (the band has three lanes) and a four-day span in it.
    let index = through_and_short(6, &[(day(2014, 8, 15), day(2014, 8, 19))]);
    let scale = TimeScale::new(day(2014, 7, 1), day(2014, 10, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    // The short one has a lane (it used to be folded at every zoom: the spans through the
    // window, earlier, took every lane wherever it stood); those through it, which say nothing
    // of where in it things happen, take the others and fold into one badge at the left edge,
    // inside the drawing.
    assert!(l.spans.placed.iter().any(|p| p.index == 6), "{l:?}");
    assert_eq!(l.spans.lanes, 4);
    assert_eq!(l.spans.placed.len(), 3);
    assert_eq!(l.spans.clusters.len(), 1);
    assert_eq!(l.spans.clusters[0].indices.len(), 4);
    assert!(l.spans.clusters[0].x - BADGE_BOX_REACH >= 0.0);
    check(&index, &scale, &OPTIONS, &l, &|_| true);

    // With no span starting or ending in the window, those through it take every lane.
    let through = through_and_short(6, &[]);
    let t = layout(&through, &scale, &OPTIONS, all);
    assert_eq!(t.spans.placed.len(), 3);
    assert_eq!(t.spans.clusters[0].indices.len(), 3);
    check(&through, &scale, &OPTIONS, &t, &|_| true);

    // Nor do they leave a lane kept for others empty: two short spans side by side take one
    // lane, and those through the window the other two.
    let side_by_side = [
        (day(2014, 7, 10), day(2014, 7, 14)),
        (day(2014, 9, 1), day(2014, 9, 4)),
    ];
    let two = through_and_short(6, &side_by_side);
    let w = layout(&two, &scale, &OPTIONS, all);
    assert_eq!(w.spans.lanes, 4);
    assert_eq!(w.spans.placed.len(), 4);
    check(&two, &scale, &OPTIONS, &w, &|_| true);
    // In a band of eight lanes two are kept for them; they take one, those through the window
    // the other seven.
    let wide = through_and_short(10, &side_by_side);
    let eight = LayoutOptions {
        spans: LaneLimits {
            labelled: 8,
            max: 8,
        },
        ..OPTIONS
    };
    let e = layout(&wide, &scale, &eight, all);
    assert_eq!(e.spans.lanes, 9);
    assert_eq!(e.spans.placed.len(), 9);
    assert_eq!(e.spans.clusters[0].indices.len(), 3);
    check(&wide, &scale, &eight, &e, &|_| true);

    // A span that ends on the window's last day runs through it, as its badge says (19 days at
    // 1000 px: its end falls at 999.9999999999999 px, a hair short of the edge).
    let scale = TimeScale::new(0.0, 19.0, 1000.0);
    let mut events: Vec<Extent> = (0..6)
        .map(|k| span(-200.0 - f64::from(k), 100.0, 50.0))
        .collect();
    events.push(span(-100.0, 19.0, 50.0));
    events.push(span(5.0, 6.0, 50.0));
    let edge = TimelineIndex::new(events);
    let l = layout(&edge, &scale, &OPTIONS, all);
    assert!(l.spans.placed.iter().any(|p| p.index == 7), "{l:?}");
    assert!(l.spans.clusters[0].indices.contains(&6));
    check(&edge, &scale, &OPTIONS, &l, &|_| true);
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
    // Six events on one day: three lanes for labels, a fourth for a mark, then a cluster of two.
    let index = TimelineIndex::new((0..6).map(|_| point(day(2014, 5, 6), 100.0)).collect());
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert_eq!(l.points.placed.len(), 4);
    assert_eq!(l.points.clusters.len(), 1);
    assert_eq!(l.points.clusters[0].indices.len(), 2);
    assert_eq!(l.points.lanes, 5);
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}

#[test]
fn a_badge_of_one_event_is_its_mark_in_the_badges_row() {
    // Five events on one day: the fifth, with no lane left, is not "+1" but its own mark
    // (unlabelled) in the row the badge would have taken.
    let index = TimelineIndex::new((0..5).map(|_| point(day(2014, 5, 6), 100.0)).collect());
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    assert_eq!(l.points.placed.len(), 5);
    assert!(l.points.clusters.is_empty());
    let fifth = l
        .points
        .placed
        .iter()
        .find(|p| p.lane == 4)
        .expect("a mark in the fifth row");
    assert!(fifth.mark_shown && !fifth.labelled);
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
fn degenerate_input_gives_an_empty_or_sane_layout() {
    let index = TimelineIndex::new(vec![
        point(f64::NAN, 10.0),
        span(5.0, f64::NAN, f64::NAN),
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

#[test]
fn a_span_that_starts_too_far_right_for_its_label_has_it_end_at_the_drawings_edge() {
    // A bar over the last fifth of the drawing, with a label half the drawing wide, and one
    // whose label is wider than the drawing.
    let index = TimelineIndex::new(vec![
        span(day(2014, 10, 1), day(2015, 1, 1), 500.0),
        span(day(2014, 11, 1), day(2015, 1, 1), 1200.0),
    ]);
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    let late = l.spans.placed.iter().find(|p| p.index == 0).unwrap();
    assert!(late.labelled, "{late:?}");
    assert!((late.label_x + late.label_width - (1000.0 - LABEL_OFFSET)).abs() < 1e-9);
    assert!(
        late.label_x < late.x_start,
        "it begins before the bar, over the lane"
    );
    let wide = l.spans.placed.iter().find(|p| p.index == 1).unwrap();
    assert!(
        !wide.labelled,
        "a label wider than the drawing is left out, never cut"
    );
    check(&index, &scale, &OPTIONS, &l, &|_| true);
}

/// A point whose one-line title finds no room on either side of its mark (a phone's drawing,
/// narrower than the room the title needs) is named in two lines, in its lane and the one
/// below, both kept clear over the label; where the band has no lane below to offer, it stays a
/// bare mark; a title that fits on one line keeps it.
#[test]
fn a_title_with_no_room_on_one_line_is_named_in_two() {
    let point = |first_day: f64, label_width: f64, wrap: f32| Extent {
        wrap: Some(Wrap {
            at: std::num::NonZeroU32::new(10).unwrap(),
            width: wrap,
        }),
        ..point(first_day, label_width)
    };
    // 300 px for 100 days: the mark at 90 px, a 260 px title fits neither side, 140 px does.
    let index = TimelineIndex::new(vec![point(30.0, 260.0, 140.0)]);
    let scale = TimeScale::new(0.0, 100.0, 300.0);
    let l = layout(&index, &scale, &OPTIONS, all);
    let p = &l.points.placed[0];
    assert!(p.labelled && p.wrapped, "{p:?}");
    assert_eq!((p.lane, p.label_width), (0, 140.0));
    assert!(
        p.label_x > p.x && p.label_x + p.label_width <= 300.0,
        "{p:?}"
    );
    assert_eq!(l.points.lanes, 2, "the second line's lane");
    check(&index, &scale, &OPTIONS, &l, &|_| true);

    // Another event's mark and label in the way of the first line, in the lane: the title goes
    // in two lines a lane down, its mark with it.
    let index = TimelineIndex::new(vec![point(30.0, 260.0, 140.0), point(60.0, 20.0, 10.0)]);
    let l = layout(&index, &scale, &OPTIONS, all);
    check(&index, &scale, &OPTIONS, &l, &|_| true);
    let first = l.points.placed.iter().find(|p| p.index == 0).unwrap();
    let other = l.points.placed.iter().find(|p| p.index == 1).unwrap();
    assert!(first.wrapped && other.labelled, "{first:?} {other:?}");
    assert!(
        other.lane < first.lane || other.lane > first.lane + 1,
        "{first:?} {other:?}"
    );

    // One lane only: no lane below for the second line.
    let one = LayoutOptions {
        points: LaneLimits {
            labelled: 1,
            max: 1,
        },
        ..OPTIONS
    };
    let index = TimelineIndex::new(vec![point(30.0, 260.0, 140.0)]);
    let p = &layout(&index, &scale, &one, all).points.placed[0];
    assert!(!p.labelled && !p.wrapped, "{p:?}");

    // Room for the one line: it keeps it.
    let wide = TimeScale::new(0.0, 100.0, 1000.0);
    let p = &layout(&index, &wide, &OPTIONS, all).points.placed[0];
    assert!(p.labelled && !p.wrapped, "{p:?}");
    assert_eq!(p.label_width, 260.0);
}
