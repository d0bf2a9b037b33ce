//! Marks, spans, phases and targets: what the scene draws, and where.

use super::*;

#[test]
fn the_whole_chronology_shows_marks_badges_axis_and_phases() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 1200.0), &all, false, None);
    assert_eq!(s.width, 1200.0);
    assert!(s.marks().count() > 10, "events drawn one by one");
    assert_eq!(
        s.marks().count() + folded(&s),
        data.events.len(),
        "every event is either drawn or counted in a badge"
    );
    let texts = texts(&s);
    assert!(texts.contains(&"2000"), "a decade on the axis: {texts:?}");
    assert!(
        texts.iter().any(|t| data
            .phases
            .iter()
            .any(|p| p.label.starts_with(t.trim_end_matches('…')))),
        "a phase is named"
    );
    // Everything inside the drawing.
    for t in &s.targets {
        assert!(t.x >= 0.0 && t.x + t.w <= s.width + 0.01, "{t:?}");
        assert!(t.y >= 0.0 && t.y + t.h <= s.height, "{t:?}");
    }
    assert!(s.groups.is_empty());
}

/// `?from=2014-01&to=2015-01`: every point event of 2014 is its own target, none in a badge.
#[test]
fn in_2014_every_point_event_is_its_own_mark() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let of_2014: Vec<usize> = (0..data.events.len())
        .filter(|&i| !data.events[i].is_span() && data.events[i].start.year_number() == 2014)
        .collect();
    assert!(of_2014.len() >= 8);
    for width in [900.0, 1000.0, 1200.0] {
        let s = scene(
            &data,
            &index,
            &TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), width),
            &all,
            false,
            None,
        );
        let marks: HashSet<usize> = s.marks().map(|(i, _)| i).collect();
        for i in &of_2014 {
            assert!(
                marks.contains(i),
                "{} is not its own mark",
                data.events[*i].id
            );
        }
        assert_eq!(folded(&s), 0, "at {width} px nothing is folded in 2014");
    }
}

/// March to June 2014: the year-only events of 2014 have their marks at mid-year, out of the
/// drawing, and their brackets across it. Each is named on its bracket, and the bracket is its
/// target (they were bare lines, named nowhere, with a 4 px target at the edge). June and July
/// 2014: their marks' place, mid-year, is in the drawing, but their year runs past both its
/// edges: no mark says a day the source does not give (it stood on 2 July); they are drawn as
/// in the spring. In the whole year, each has its mark, named beside it.
#[test]
fn year_only_events_around_a_window_of_months_are_named_on_their_brackets() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let year_only: Vec<usize> = (0..data.events.len())
        .filter(|&i| {
            let e = &data.events[i];
            !e.is_span()
                && e.start.year_number() == 2014
                && e.start.precision() == crate::core::date::Precision::Year
        })
        .collect();
    assert!(year_only.len() >= 3, "{year_only:?}");
    let width = 1280.0;
    let marker_rows = |s: &Scene| -> Vec<f64> {
        s.items
            .iter()
            .filter_map(|item| match item.prim {
                Prim::Marker { cy, .. } => Some(cy),
                _ => None,
            })
            .collect()
    };
    for (from, to) in [
        (day(2014, 3, 1), day(2014, 6, 1)),
        (day(2014, 6, 1), day(2014, 8, 1)),
    ] {
        let scale = TimeScale::new(from, to, width);
        let s = scene(&data, &index, &scale, &all, false, None);
        let names = texts(&s);
        let markers = marker_rows(&s);
        for &i in &year_only {
            let title = data.events[i].title.as_str();
            assert!(names.contains(&title), "{title} is not named in {names:?}");
            let (_, target) = s.marks().find(|&(k, _)| k == i).expect("a target");
            assert!(
                target.x <= 1.0 && target.x + target.w >= width - 1.0,
                "{title}: {target:?}"
            );
            let row = mark_row(target);
            assert!(
                markers.iter().all(|&cy| (cy - row).abs() > 1.0),
                "{title}: a mark in its row, at {}",
                scale.to_px(index.extent(i).mark_day())
            );
        }
    }
    // Filtered out and drawn faint, such an event keeps its bracket.
    let summer = TimeScale::new(day(2014, 6, 1), day(2014, 8, 1), width);
    let none = vec![false; data.events.len()];
    let faint = scene(&data, &index, &summer, &none, true, None);
    for &i in &year_only {
        let (_, target) = faint.marks().find(|&(k, _)| k == i).expect("a target");
        let row = mark_row(target);
        let bracket = faint.items.iter().any(|item| match &item.prim {
            Prim::Polyline { points, .. } => {
                points.iter().any(|&(_, y)| (y - (row - 3.0)).abs() < 0.5)
            }
            _ => false,
        });
        assert!(bracket, "{}: no bracket drawn", data.events[i].title);
    }
    let year = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), width);
    let s = scene(&data, &index, &year, &all, false, None);
    let markers: Vec<(f64, f64)> = s
        .items
        .iter()
        .filter_map(|item| match item.prim {
            Prim::Marker { cx, cy, .. } => Some((cx, cy)),
            _ => None,
        })
        .collect();
    for &i in &year_only {
        let (_, target) = s.marks().find(|&(k, _)| k == i).expect("a target");
        let (row, mid_year) = (mark_row(target), year.to_px(index.extent(i).mark_day()));
        assert!(
            markers
                .iter()
                .any(|&(cx, cy)| (cy - row).abs() < 1.0 && (cx - mid_year).abs() < 1.0),
            "{i}: its mark at mid-year"
        );
        assert!(target.w < width / 2.0, "its mark and name: {target:?}");
    }
}

/// Too narrow a drawing for their names on their brackets (March to June 2014, at 120 and
/// 200 px), the year-only events of 2014 are bare brackets; selected, each is named whole, in
/// lines in its lane or in a callout within the drawing, and its bracket stays its target.
#[test]
fn a_selected_year_only_event_too_long_for_its_bracket_is_named_whole() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let mut seen = 0;
    for width in [120.0, 200.0] {
        let scale = TimeScale::new(day(2014, 3, 1), day(2014, 6, 1), width);
        let plain = scene(&data, &index, &scale, &all, false, None);
        let unnamed: Vec<usize> = (0..data.events.len())
            .filter(|&i| {
                let e = &data.events[i];
                !e.is_span()
                    && e.start.year_number() == 2014
                    && e.start.precision() == crate::core::date::Precision::Year
                    && !texts(&plain).contains(&e.title.as_str())
            })
            .collect();
        for i in unnamed {
            seen += 1;
            let title = data.events[i].title.as_str();
            let s = scene(&data, &index, &scale, &all, false, Some(i));
            let (_, target) = s.marks().find(|&(k, _)| k == i).expect("a target");
            assert!(
                target.x <= 1.0 && target.x + target.w >= width - 1.0,
                "{title}: its bracket is its target: {target:?}"
            );
            let in_lane = named_in_lanes(&s, title);
            let called_out = s.callout.as_ref().is_some_and(|c| {
                c.index == i && callout_words(c) == title && c.x >= 0.0 && c.x + c.w <= width + 0.01
            });
            assert!(
                in_lane || called_out,
                "{title} at {width} px: not named whole in {:?} nor {:?}",
                texts(&s),
                s.callout
            );
        }
    }
    assert!(seen >= 4, "{seen} bare brackets tried");
}

/// A span's name stands just above its own bar and clearly apart from any bar of the lane
/// above: on a phone's crowded band a name midway between two bars read as the upper one's
/// ("Relationship evolves significantly after the plateau" under a row of unnamed bars).
#[test]
fn a_span_name_is_nearer_its_own_bar_than_the_bar_above() {
    // Of a 12 px sans-serif: the capitals' height, and the descenders' depth.
    const CAPITALS: f64 = 9.0;
    const DESCENT: f64 = 3.0;
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    for width in [375.0, 1280.0] {
        let s = scene(&data, &index, &fit_all(&index, width), &all, false, None);
        let bars: Vec<(f64, f64, f64, f64)> = s
            .items
            .iter()
            .filter_map(|it| match it.prim {
                Prim::Rect { x, y, w, h, .. } if h == 4.0 => Some((x, y, w, h)),
                _ => None,
            })
            .collect();
        let mut named = 0;
        for (i, target) in s.marks().filter(|(i, _)| data.events[*i].is_span()) {
            let title = data.events[i].title.as_str();
            let Some((x, baseline)) = s.items.iter().find_map(|it| match &it.prim {
                Prim::Text { text, x, y, .. } if text == title => Some((*x, *y)),
                _ => None,
            }) else {
                continue;
            };
            named += 1;
            let right = x + crate::core::text::estimate(title);
            // Its own bar: the one in its lane, just under its letters.
            let own = bars
                .iter()
                .filter(|b| b.1 >= target.y && b.1 < target.y + target.h)
                .map(|b| b.1 - (baseline + DESCENT))
                .fold(f64::INFINITY, f64::min);
            assert!(
                (0.0..=2.0).contains(&own),
                "{title}: {own} px above its bar"
            );
            // Any bar above it, across its letters, ends well above their tops.
            for b in bars
                .iter()
                .filter(|b| b.1 < target.y && b.0 < right && b.0 + b.2 > x)
            {
                let gap = (baseline - CAPITALS) - (b.1 + b.3);
                assert!(
                    gap >= 2.0 * own.max(2.0),
                    "{title} at {width} px: {gap} px under a bar above, {own} px over its own"
                );
            }
        }
        assert!(named > 5, "{named} spans named at {width} px");
    }
}

#[test]
fn spans_have_a_band_of_their_own_below_the_point_lanes() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &fit_all(&index, 1000.0), &all, false, None);
    let lowest_point = s
        .marks()
        .filter(|(i, _)| !data.events[*i].is_span())
        .map(|(_, t)| t.y + t.h)
        .fold(0.0, f64::max);
    let highest_span = s
        .marks()
        .filter(|(i, _)| data.events[*i].is_span())
        .map(|(_, t)| t.y)
        .fold(f64::INFINITY, f64::min);
    assert!(
        lowest_point <= highest_span,
        "{lowest_point} {highest_span}"
    );
    // Every span is a bar, not a marker.
    let spans = s.marks().filter(|(i, _)| data.events[*i].is_span()).count();
    assert!(spans > 20);
}

#[test]
fn every_phase_in_view_has_a_strip_for_its_full_name_above_the_marks() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 700.0), &all, false, None);
    let shown: Vec<usize> = s.phases.iter().map(|p| p.index).collect();
    assert_eq!(shown, (0..data.phases.len()).collect::<Vec<_>>());
    // Each name is drawn whole, on one line or two (from one x), or not at all: never cut
    // short. At 700 px the bands are too narrow for some names on one line.
    let mut names: Vec<(f64, Vec<&str>)> = Vec::new();
    for item in &s.items {
        if let Prim::Text {
            x,
            text,
            font: Font::Phase,
            ..
        } = &item.prim
        {
            match names.iter_mut().find(|(at, _)| at == x) {
                Some((_, lines)) => lines.push(text),
                None => names.push((*x, vec![text])),
            }
        }
    }
    let whole: Vec<&str> = data.phases.iter().map(|p| p.label.as_str()).collect();
    for (_, lines) in &names {
        assert!(lines.len() <= 2, "{lines:?}");
        assert!(
            whole.contains(&lines.join(" ").as_str()),
            "{lines:?} is not a whole name"
        );
    }
    assert!(names.len() >= 2, "{names:?}");
    assert!(names.iter().any(|(_, lines)| lines.len() == 2), "{names:?}");
    for (a, b) in s.phases.iter().zip(s.phases.iter().skip(1)) {
        assert!(
            a.x < b.x && a.x + a.w < b.x + b.w,
            "{a:?} is not before {b:?}"
        );
    }
    for strip in &s.phases {
        // Over both lines of the name.
        let second = PHASE_LABEL_Y + PHASE_LINE;
        assert!(strip.y >= AXIS_HEIGHT && strip.y <= PHASE_LABEL_Y && strip.y + strip.h > second);
        for t in &s.targets {
            assert!(strip.y + strip.h <= t.y, "{strip:?} covers {t:?}");
        }
    }
    // Zoomed into the 1990s, only the phases of that time are there, cut at the window's edges.
    let nineties = TimeScale::new(day(1992, 1, 1), day(1998, 1, 1), 700.0);
    let s = scene(&data, &index, &nineties, &all, false, None);
    assert!(!s.phases.is_empty() && s.phases.len() < data.phases.len());
    assert!(s
        .phases
        .iter()
        .all(|p| p.x >= 0.0 && p.x + p.w <= 700.0 + 0.01));
}

#[test]
fn targets_of_marks_and_badges_never_overlap() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let grouping = Grouping::new(
        &data,
        GroupBy::Domain,
        &all,
        &Filter::default(),
        &BTreeSet::new(),
    )
    .unwrap();
    for width in [400.0, 700.0, 1280.0, 2400.0] {
        for grouped in [None, Some(&grouping)] {
            let s = Scene::build(
                &SceneInput {
                    grouping: grouped,
                    ..input(&data, &index, &all)
                },
                &whole(&index, width),
            );
            for (n, a) in s.targets.iter().enumerate() {
                for b in &s.targets[n + 1..] {
                    let apart = a.x + a.w <= b.x + 0.01
                        || b.x + b.w <= a.x + 0.01
                        || a.y + a.h <= b.y + 0.01
                        || b.y + b.h <= a.y + 0.01;
                    assert!(apart, "at {width} px, {a:?} overlaps {b:?}");
                }
            }
        }
    }
}

#[test]
fn a_click_finds_the_event_drawn_there_and_not_a_dimmed_one() {
    let (data, index) = brief();
    let scale = whole(&index, 1200.0);
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &scale, &all, false, None);
    let (i, t) = s.marks().nth(3).unwrap();
    let hit = s.hit(t.x + 2.0, t.y + t.h / 2.0).unwrap();
    assert!(matches!(
        hit.kind,
        TargetKind::Mark {
            index,
            selected: false,
            dimmed: false,
            group: None,
            ..
        } if index == i
    ));
    assert!(s.hit(5.0, 5.0).is_none(), "the axis is not a target");

    // With event i filtered out but drawn dimmed, the same place is no target.
    let mut some = all.clone();
    some[i] = false;
    let s = scene(&data, &index, &scale, &some, true, None);
    let (_, t) = s.marks().find(|(j, _)| *j == i).unwrap();
    assert!(s.hit(t.x + 2.0, t.y + t.h / 2.0).is_none());
    // Without dimming it is not drawn at all.
    let s = scene(&data, &index, &scale, &some, false, None);
    assert!(s.marks().all(|(j, _)| j != i));
}

#[test]
fn domains_get_several_shapes_as_well_as_colours_and_marks_show_all_their_domains() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 2400.0), &all, false, None);
    let mut shapes = HashSet::new();
    let mut fills = HashSet::new();
    for it in &s.items {
        if let Prim::Marker {
            shape, fills: f, ..
        } = &it.prim
        {
            shapes.insert(*shape);
            fills.extend(f.inks().iter().map(|ink| format!("{ink:?}")));
        }
    }
    assert!(shapes.len() >= 3, "{shapes:?}");
    assert!(fills.len() >= 10, "{fills:?}");
    // Abe's 2007 visit to NATO has three domains: its mark is cut into three slices, each in
    // its domain's colour, in the event's order.
    let abe = data
        .events
        .iter()
        .position(|e| e.id == "2007-01-12-abe-visits-nato-hq")
        .expect("Abe's visit is in the chronology");
    let scale = TimeScale::new(day(2006, 12, 1), day(2007, 2, 1), 1000.0);
    let s = scene(&data, &index, &scale, &all, false, None);
    let x = scale.to_px(index.extent(abe).mark_day());
    let slices: Vec<Ink> = s
        .items
        .iter()
        .find_map(|it| match &it.prim {
            Prim::Marker { cx, fills, .. } if (cx - x).abs() < 0.5 => Some(fills.inks().to_vec()),
            _ => None,
        })
        .expect("Abe's visit has a mark");
    let expected: Vec<Ink> = data.events[abe]
        .domains
        .iter()
        .map(|id| Ink::Domain(data.domains.iter().position(|d| &d.id == id).unwrap()))
        .collect();
    assert_eq!(slices, expected);
    // The SVG draws the slices and the outline.
    let svg = s.to_svg(|ink| format!("{ink:?}"));
    for ink in &expected {
        assert!(svg.contains(&format!("fill=\"{ink:?}\"")), "{ink:?}");
    }
    assert!(svg.contains("fill=\"none\""));
}

/// A span of several domains takes their colours by turns along its bar, as a point's mark is
/// cut into slices of them: the Indian Ocean refuelling mission is Afghanistan and maritime
/// security, and its bar showed Afghanistan's colour alone.
#[test]
fn a_span_s_bar_shows_all_its_domains_by_turns() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let refuelling = data
        .events
        .iter()
        .position(|e| e.id == "2001-indian-ocean-refueling-mission")
        .expect("the refuelling mission is in the chronology");
    let e = &data.events[refuelling];
    assert!(e.is_span() && e.domains.len() == 2);
    let inks: Vec<Ink> = e
        .domains
        .iter()
        .map(|id| Ink::Domain(data.domains.iter().position(|d| &d.id == id).unwrap()))
        .collect();
    for selected in [None, Some(refuelling)] {
        let scale = TimeScale::new(day(2001, 1, 1), day(2011, 1, 1), 1200.0);
        let s = scene(&data, &index, &scale, &all, false, selected);
        let (x1, x2) = (
            scale.to_px(e.first_day() as f64),
            scale.to_px(e.end_day() as f64),
        );
        // The rectangles drawn along its bar (the bars of other spans lie in other lanes).
        let bar_y = s
            .items
            .iter()
            .find_map(|it| match it.prim {
                Prim::Rect { x, y, w, h, .. }
                    if (x - x1).abs() < 1.0 && (x + w - x2).abs() < 3.0 && h == 4.0 =>
                {
                    Some(y)
                }
                _ => None,
            })
            .expect("the mission's bar is drawn");
        let along: Vec<(f64, f64, Ink)> = s
            .items
            .iter()
            .filter_map(|it| match it.prim {
                Prim::Rect {
                    x,
                    y,
                    w,
                    fill: Some(fill),
                    ..
                } if (y - bar_y).abs() < 1.5 && x >= x1 - 0.5 && x + w <= x2 + 0.5 => {
                    // Selected, the bar takes the selection's inks, of the same domains.
                    let fill = match fill {
                        Ink::SelectedFill(Some(p)) if selected.is_some() => Ink::Domain(p),
                        fill => fill,
                    };
                    Some((x, w, fill))
                }
                _ => None,
            })
            .collect();
        let colours: HashSet<String> = along.iter().map(|(_, _, ink)| format!("{ink:?}")).collect();
        // Selected, none of it in a plain domain's ink (forced colours paint those as text).
        let plain = s.items.iter().any(|it| {
            matches!(it.prim, Prim::Rect { y, fill: Some(Ink::Domain(_)), .. } if (y - bar_y).abs() < 1.5)
        });
        assert!(selected.is_none() || !plain);
        for ink in &inks {
            assert!(
                colours.contains(&format!("{ink:?}")),
                "{ink:?} in {along:?}"
            );
        }
        // Maritime security's stretches: many, each SPAN_STRIPE long or less, a stretch of
        // Afghanistan's between two.
        let second: Vec<(f64, f64)> = along
            .iter()
            .filter(|(_, _, ink)| *ink == inks[1])
            .map(|&(x, w, _)| (x, w))
            .collect();
        assert!(second.len() > 10, "{second:?}");
        for pair in second.windows(2) {
            assert!(pair[0].1 <= crate::core::scene::paint::SPAN_STRIPE + 1e-9);
            let gap = pair[1].0 - (pair[0].0 + pair[0].1);
            assert!(
                gap >= crate::core::scene::paint::SPAN_STRIPE - 1e-9,
                "{pair:?}"
            );
        }
        // The SVG has them too.
        let svg = s.to_svg(|ink| format!("{ink:?}"));
        assert!(svg.contains(&format!("fill=\"{:?}\"", inks[1])));
    }
}

#[test]
fn stripes_take_turns_from_the_span_s_start_and_stay_inside_the_bar() {
    use crate::core::scene::paint::stripes;
    assert!(
        stripes(0.0, 0.0, 100.0, 1).is_empty(),
        "one domain: the bar's own colour"
    );
    assert!(stripes(0.0, 50.0, 50.0, 2).is_empty());
    assert!(stripes(f64::NAN, 0.0, 100.0, 2).is_empty());
    assert_eq!(
        stripes(0.0, 0.0, 48.0, 2),
        vec![(12.0, 24.0, 1), (36.0, 48.0, 1)]
    );
    assert_eq!(
        stripes(0.0, 0.0, 36.0, 3),
        vec![(12.0, 24.0, 1), (24.0, 36.0, 2)]
    );
    // Panned 6 px left: the stretches move with the span; cut at the bar's visible ends.
    assert_eq!(
        stripes(-6.0, 2.0, 40.0, 2),
        vec![(6.0, 18.0, 1), (30.0, 40.0, 1)]
    );
    // A span that starts far out of view: its turns are counted from its start.
    let far = stripes(-1.0e9 - 12.0, 0.0, 30.0, 2);
    assert!(far
        .iter()
        .all(|&(a, b, k)| (0.0..=30.0).contains(&a) && b <= 30.0 && k == 1));
    assert!(!far.is_empty());
    // At most MAX_SLICES domains take turns, as on a mark.
    let many = stripes(0.0, 0.0, 1200.0, 12);
    assert!(many.iter().all(|&(_, _, k)| k < MAX_SLICES));
}

#[test]
fn an_empty_or_unusable_window_draws_no_events() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(
        &data,
        &index,
        &TimeScale::new(10.0, 10.0, 800.0),
        &all,
        false,
        None,
    );
    assert!(s.targets.is_empty());
    assert!(s.height > AXIS_HEIGHT);
}

#[test]
fn an_approximate_date_is_drawn_faint_across_its_whole_possible_range() {
    let (data, index) = brief();
    let i = data
        .events
        .iter()
        .position(|e| e.id == "2004-common-values-first-invoked")
        .expect("the mid-2000s event");
    let e = &data.events[i];
    assert!(!e.is_exact());
    assert_eq!(e.date_label(), "circa 2005");
    let all = vec![true; data.events.len()];
    let input = input(&data, &index, &all);
    let scale = TimeScale::new(day(2000, 1, 1), day(2010, 1, 1), 1000.0);
    let s = Scene::build(&input, &scale);
    let mark = s
        .marks()
        .find(|(j, _)| *j == i)
        .map(|(_, t)| mark_row(t))
        .expect("the event has a mark");
    let (from, to) = (
        scale.to_px(e.first_day() as f64),
        scale.to_px(e.end_day() as f64),
    );
    // 2004 to 2006: dashes from one end to the other, at the mark's height, faint.
    let dashes: Vec<(f64, f64)> = s
        .items
        .iter()
        .filter_map(|item| match &item.prim {
            Prim::Line { x1, x2, y1, y2, .. }
                if (y1 - mark).abs() < 2.0 && y1 == y2 && item.alpha < 1.0 =>
            {
                Some((*x1, *x2))
            }
            _ => None,
        })
        .collect();
    assert!(dashes.len() > 10, "{dashes:?}");
    let lo = dashes.iter().map(|d| d.0).fold(f64::INFINITY, f64::min);
    let hi = dashes.iter().map(|d| d.1).fold(f64::NEG_INFINITY, f64::max);
    // They stop short of the event's label, where it lies over the range.
    let label_end = s
        .items
        .iter()
        .find_map(|item| match &item.prim {
            Prim::Text { x, text, .. } if *text == e.title => {
                Some(x + crate::core::scale::label_width(text))
            }
            _ => None,
        })
        .unwrap_or(f64::NEG_INFINITY);
    assert!(
        (lo - from).abs() < 1.0 && ((to - hi).abs() < 8.0 || label_end + 8.0 >= to),
        "{lo}..{hi} for {from}..{to} (label to {label_end})"
    );
    // An exact date gets no dashes.
    let exact = data
        .events
        .iter()
        .position(|e| e.id == "2005-04-04-de-hoop-scheffer-visits-tokyo")
        .unwrap();
    let y = s
        .marks()
        .find(|(j, _)| *j == exact)
        .map(|(_, t)| mark_row(t))
        .unwrap();
    let near = |x: f64| (x - scale.to_px(data.events[exact].first_day() as f64)).abs() < 40.0;
    assert!(!s.items.iter().any(|item| matches!(&item.prim,
        Prim::Line { x1, y1, y2, .. } if (y1 - y).abs() < 2.0 && y1 == y2 && near(*x1) && item.alpha < 1.0)));
}

/// The phases' names' extents (what a story moment's label hides whole where it would cut one):
/// one per line drawn, each inside its phase's strip, none overlapping the next.
#[test]
fn the_phases_names_extents_lie_in_their_strips_apart() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 1280.0), &all, false, None);
    let extents = s.phase_name_extents();
    let lines = texts_in(&s, Font::Phase).len();
    assert_eq!(extents.len(), lines);
    assert!(
        lines >= data.phases.len(),
        "every name shows at 1280 px: {extents:?}"
    );
    for &(a, b) in &extents {
        assert!(b > a);
        assert!(
            s.phases.iter().any(|p| a >= p.x && b <= p.x + p.w),
            "({a}, {b}) lies in its phase's strip"
        );
    }
    // Names (a name's two lines share their start): each ends before the next begins.
    let mut names: Vec<(f64, f64)> = Vec::new();
    for &(a, b) in &extents {
        match names.iter_mut().find(|n| n.0 == a) {
            Some(n) => n.1 = n.1.max(b),
            None => names.push((a, b)),
        }
    }
    names.sort_by(|x, y| x.0.total_cmp(&y.0));
    for w in names.windows(2) {
        assert!(w[0].1 <= w[1].0, "{w:?}");
    }
}

/// Cyber's events, all after 2000, in a window of 1990–1995: no match is drawn, though the rest
/// is, dimmed; in a window of the 2010s, they are.
#[test]
fn a_window_without_any_match_says_so() {
    let (data, index) = brief();
    let cyber = in_domain(&data, "cyber");
    assert!(cyber.iter().any(|&m| m));
    let nineties = TimeScale::new(day(1990, 1, 1), day(1995, 1, 1), 1000.0);
    for dim in [false, true] {
        let s = scene(&data, &index, &nineties, &cyber, dim, None);
        assert!(!s.shows_a_match(), "dim: {dim}");
        assert_eq!(s.marks().count() > 0, dim, "dimmed context is drawn");
    }
    let tens = TimeScale::new(day(2010, 1, 1), day(2020, 1, 1), 1000.0);
    assert!(scene(&data, &index, &tens, &cyber, false, None).shows_a_match());
    let all = vec![true; data.events.len()];
    assert!(scene(&data, &index, &nineties, &all, false, None).shows_a_match());
}

/// Zoomed inside the year of a date known only to its year, its mark at mid-year would say a
/// day the source does not give: "1980 (uncertain)" over March to August 1980 and "circa 2005"
/// over March to July 2005 are drawn as a plain year is (2017's over its summer), as their
/// year's bracket, named on it, with no mark, selected or not; the bracket is what one clicks.
#[test]
fn a_year_only_date_zoomed_inside_its_year_is_its_bracket_uncertain_or_approximate_or_not() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    for (id, said, from, to) in [
        (
            "1980-parliamentarians-observe-nato-assembly",
            "1980 (uncertain)",
            day(1980, 3, 1),
            day(1980, 9, 1),
        ),
        (
            "2004-common-values-first-invoked",
            "circa 2005",
            day(2005, 3, 1),
            day(2005, 8, 1),
        ),
        (
            "2017-abe-visits-nato",
            "2017",
            day(2017, 4, 1),
            day(2017, 9, 1),
        ),
    ] {
        let i = data.events.iter().position(|e| e.id == id).expect(id);
        let e = &data.events[i];
        // The details still say what the source gives.
        assert_eq!(e.date_label(), said);
        let scale = TimeScale::new(from, to, 1000.0);
        for selected in [None, Some(i)] {
            let s = scene(&data, &index, &scale, &all, false, selected);
            let (_, t) = s.marks().find(|(j, _)| *j == i).expect("drawn");
            let row = mark_row(t);
            // Its lane's part of its target holds no mark of anyone's (the bracket takes it).
            let marks: Vec<f64> = s
                .items
                .iter()
                .filter_map(|item| match &item.prim {
                    Prim::Marker { cx, cy, .. } if (cy - row).abs() < 1.0 => Some(*cx),
                    _ => None,
                })
                .filter(|cx| (t.x..=t.x + t.w).contains(cx))
                .collect();
            assert!(marks.is_empty(), "{id} ({selected:?}): a mark at {marks:?}");
            assert!(
                t.w > 900.0,
                "{id}: the bracket across the window is its target ({t:?})"
            );
            assert!(named_in_lanes(&s, &e.title), "{id} ({selected:?}) is named");
            // Its bracket: a faint line along the top of its row, on past its name to the
            // window's right edge.
            let bracket = s.items.iter().any(|item| match &item.prim {
                Prim::Polyline { points, .. } => points
                    .iter()
                    .any(|p| (p.1 - (row - 3.0)).abs() < 1e-9 && p.0 >= 990.0),
                _ => false,
            });
            assert!(
                bracket,
                "{id} ({selected:?}): its bracket to the right edge"
            );
        }
    }
}

/// The accessible layer's boxes (the arrow keys' order, and a screen reader's) go in the
/// chronology's order, the list's: "circa 2011" among 2011, after every 2010 event (the layout
/// places it by the first day it may stand for, 2010, and it was read among 2010).
#[test]
fn the_boxes_go_in_the_chronology_s_order_circa_among_its_year() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    for width in [1280.0, 600.0] {
        let s = scene(&data, &index, &fit_all(&index, width), &all, false, None);
        let order: Vec<usize> = s
            .targets
            .iter()
            .filter_map(|t| match t.kind {
                TargetKind::Mark { index, .. } => Some(index),
                _ => None,
            })
            .filter(|&i| !index.extent(i).is_span)
            .collect();
        assert!(order.len() > 20, "{width}: {}", order.len());
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{width}: points out of order: {order:?}"
        );
        // The brief's circa-2011 events come after its 2010 ones.
        let year_of = |i: usize| data.events[i].start.to_iso();
        let circa = order.iter().position(|&i| year_of(i) == "2011~");
        let last_2010 = order.iter().rposition(|&i| year_of(i).starts_with("2010"));
        if let (Some(c), Some(l)) = (circa, last_2010) {
            assert!(
                c > l,
                "{width}: circa 2011 at {c}, before 2010's last at {l}"
            );
        }
    }
}

/// 2012 is in two of the brief's phases ("September 2001 – 2012", "2012 – 2019"): the later
/// phase's band alone there put the earlier one's events of 2012 (the Chicago Summit, the Tokyo
/// Conference) in its colour. The year is drawn in stripes of the earlier phase's colour over the
/// later one's, and nowhere else.
#[test]
fn a_year_two_phases_share_is_drawn_in_both_their_colours() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(day(2011, 1, 1), day(2013, 7, 1), 900.0);
    let s = scene(&data, &index, &scale, &all, false, None);
    let band = |ink: u8| {
        s.items.iter().find_map(|item| match &item.prim {
            Prim::Rect {
                x,
                w,
                fill: Some(Ink::Phase(n)),
                ..
            } if *n == ink => Some((*x, x + w)),
            _ => None,
        })
    };
    let (x2012, x2013) = (scale.to_px(day(2012, 1, 1)), scale.to_px(day(2013, 1, 1)));
    // The third phase (index 2, the first colour) to the end of 2012; the fourth from 2012.
    assert_eq!(band(0), Some((0.0, x2013)));
    assert_eq!(band(1), Some((x2012, scale.width)));
    let stripes: Vec<&Vec<(f64, f64)>> = s
        .items
        .iter()
        .filter_map(|item| match &item.prim {
            Prim::Polygon {
                points,
                fill: Some(Ink::Phase(0)),
                stroke: None,
            } => Some(points),
            _ => None,
        })
        .collect();
    assert!(stripes.len() > 10, "{} stripes", stripes.len());
    for points in &stripes {
        assert!(points
            .iter()
            .all(|&(x, _)| x >= x2012 - 1e-6 && x <= x2013 + 1e-6));
    }
    // Drawn after the bands: over the later phase's.
    let last_band = s.items.iter().rposition(|item| {
        matches!(
            item.prim,
            Prim::Rect {
                fill: Some(Ink::Phase(_)),
                ..
            }
        )
    });
    let first_stripe = s.items.iter().position(|item| {
        matches!(
            item.prim,
            Prim::Polygon {
                fill: Some(Ink::Phase(_)),
                ..
            }
        )
    });
    assert!(first_stripe > last_band);
    // Where no phases meet (the 1990s), none.
    let nineties = scene(
        &data,
        &index,
        &TimeScale::new(day(1992, 1, 1), day(1998, 1, 1), 900.0),
        &all,
        false,
        None,
    );
    assert!(!nineties.items.iter().any(|item| matches!(
        item.prim,
        Prim::Polygon {
            fill: Some(Ink::Phase(_)),
            ..
        }
    )));
}

#[test]
fn under_forced_colours_sixteen_domains_and_none_have_marks_no_two_alike() {
    use crate::core::scene::{mark_under, Contrast, Fills, Stroke};
    let ring = Stroke {
        ink: Ink::Background,
        width: 1.5,
    };
    let ink = |p: Option<usize>| p.map(Ink::Domain).unwrap_or(Ink::NoDomain);
    // As drawn under forced colours, where every domain's colour is the text's: its shape, its
    // size, whether it is filled, its outline's colour.
    let drawn: Vec<_> = (0..16)
        .map(Some)
        .chain([None])
        .map(|p| {
            let (r, fills, stroke) = mark_under(Contrast::Forced, 5.0, Fills::one(ink(p)), ring);
            let solid = fills.inks() != [Ink::Background];
            (Shape::of_domain(p), r, solid, stroke.ink)
        })
        .collect();
    for (n, a) in drawn.iter().enumerate() {
        for b in &drawn[n + 1..] {
            assert_ne!(a, b, "two marks alike under forced colours");
        }
    }
    // A hollow mark is outlined in the text's colour (in the background's, it would vanish).
    assert!(drawn.iter().filter(|d| !d.2).all(|d| d.3 == Ink::Text));
    assert_eq!(
        drawn.iter().filter(|d| !d.2).count(),
        8,
        "one of each shape's two"
    );
    // A mark split between a solid and a hollow domain keeps both parts, outlined.
    let (hollow, solid) = (4, 0);
    assert!(Shape::hollow_when_forced(hollow) && !Shape::hollow_when_forced(solid));
    let split = Fills::new([Ink::Domain(solid), Ink::Domain(hollow)]);
    let (_, fills, stroke) = mark_under(Contrast::Forced, 5.0, split, ring);
    assert_eq!(fills.inks(), [Ink::Domain(solid), Ink::Background]);
    assert_eq!(stroke.ink, Ink::Text);
    // The selected mark, of a hollow domain, is drawn as selected (filled with the selection's
    // colour, its focus ring); a theme draws every mark as placed.
    let focus = Stroke {
        ink: Ink::Focus,
        width: 2.5,
    };
    let selected = Fills::one(Ink::SelectedFill(Some(hollow)));
    assert_eq!(
        mark_under(Contrast::Forced, 5.0, selected, focus),
        (5.0, selected, focus)
    );
    assert_eq!(
        mark_under(Contrast::Theme, 5.0, split, ring),
        (5.0, split, ring)
    );
}
