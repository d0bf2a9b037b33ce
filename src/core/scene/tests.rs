use super::*;
use crate::core::dataset::embedded;
use crate::core::date::days_from_civil;
use crate::core::grouping::{GroupBy, Grouping};
use crate::core::layout::Extent;
use crate::core::priority::label_priority;
use crate::core::query::{matching, search_haystacks, Filter};
use crate::core::viewport::Limits;
use std::collections::{BTreeSet, HashSet};

fn day(y: i32, m: u8, d: u8) -> f64 {
    days_from_civil(y, m, d) as f64
}

/// Label widths as the page measures them: the title's advances in the label font, plus the
/// padding.
fn measured(title: &str) -> f64 {
    label_width(title) + LABEL_PADDING
}

fn index_of(data: &Chronology, width: impl Fn(&str) -> f64) -> TimelineIndex {
    TimelineIndex::new(
        data.events
            .iter()
            .map(|e| Extent {
                first_day: e.first_day() as f64,
                end_day: e.end_day() as f64,
                is_span: e.is_span(),
                label_width: width(&e.title),
                priority: label_priority(e),
            })
            .collect(),
    )
}

fn brief() -> (Chronology, TimelineIndex) {
    let mut data = embedded().expect("the embedded chronology loads");
    data.sort_events();
    let index = index_of(&data, measured);
    (data, index)
}

fn limits(index: &TimelineIndex) -> Limits {
    Limits::for_extent(index.first_day().unwrap(), index.end_day().unwrap())
}

/// The default (fit-all) view at `width` px.
fn fit_all(index: &TimelineIndex, width: f64) -> TimeScale {
    let v = Viewport::fit_events(index, |_| true, &limits(index)).unwrap();
    TimeScale::new(v.start, v.end, width)
}

fn whole(index: &TimelineIndex, width: f64) -> TimeScale {
    TimeScale::new(
        index.first_day().unwrap() - 400.0,
        index.end_day().unwrap() + 400.0,
        width,
    )
}

fn scene(
    data: &Chronology,
    index: &TimelineIndex,
    scale: &TimeScale,
    matches: &[bool],
    dim: bool,
    selected: Option<usize>,
) -> Scene {
    Scene::build(
        &SceneInput {
            data,
            index,
            matches,
            dim,
            selected,
            grouping: None,
        },
        scale,
    )
}

fn texts(s: &Scene) -> Vec<&str> {
    s.items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The events' labels drawn (in the label fonts).
fn labels(s: &Scene) -> Vec<&str> {
    s.items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text {
                text,
                font: Font::Label | Font::SelectedLabel,
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn folded(s: &Scene) -> usize {
    s.targets
        .iter()
        .map(|t| match &t.kind {
            TargetKind::Cluster { members, .. } => members.len(),
            _ => 0,
        })
        .sum()
}

fn clusters(s: &Scene) -> impl Iterator<Item = &TargetKind> {
    s.targets
        .iter()
        .map(|t| &t.kind)
        .filter(|k| matches!(k, TargetKind::Cluster { .. }))
}

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

/// The first acceptance test: at the default view, at the widths the page gives the
/// timeline at 1280 and 1440 px, at most a tenth of the events are folded into "+N", and every
/// label drawn is a whole title.
#[test]
fn the_default_view_folds_at_most_a_tenth_and_draws_only_whole_titles() {
    let (data, index) = brief();
    let conservative = index_of(&data, estimate);
    let titles: HashSet<&str> = data.events.iter().map(|e| e.title.as_str()).collect();
    let all = vec![true; data.events.len()];
    for width in [900.0, 1000.0, 1200.0] {
        for (index, realistic) in [(&index, true), (&conservative, false)] {
            let s = scene(&data, index, &fit_all(index, width), &all, false, None);
            let folded = folded(&s);
            assert!(
                folded * 10 <= data.events.len(),
                "at {width} px, {folded} of {} events are folded",
                data.events.len()
            );
            let drawn = labels(&s);
            for label in &drawn {
                assert!(titles.contains(label), "'{label}' is not a whole title");
            }
            // Where not every label fits, a good part does (the others are a hover away).
            assert!(
                !realistic || drawn.len() * 4 >= data.events.len(),
                "at {width} px only {} labels",
                drawn.len()
            );
            // The marks that say they are labelled are those whose titles are drawn.
            let labelled: Vec<&str> = s
                .targets
                .iter()
                .filter_map(|t| match t.kind {
                    TargetKind::Mark {
                        index,
                        labelled: true,
                        ..
                    } => Some(data.events[index].title.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(labelled.len(), drawn.len());
        }
    }
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
    let texts = texts(&s);
    assert!(
        texts.iter().any(|t| t.ends_with('…')),
        "at 700 px some phase names are cut short: {texts:?}"
    );
    for (a, b) in s.phases.iter().zip(s.phases.iter().skip(1)) {
        assert!(
            a.x < b.x && a.x + a.w < b.x + b.w,
            "{a:?} is not before {b:?}"
        );
    }
    for strip in &s.phases {
        assert!(
            strip.y >= AXIS_HEIGHT && strip.y <= PHASE_LABEL_Y && strip.y + strip.h > PHASE_LABEL_Y
        );
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
                    data: &data,
                    index: &index,
                    matches: &all,
                    dim: false,
                    selected: None,
                    grouping: grouped,
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
fn dimmed_events_labels_give_way_to_matching_ones() {
    let (data, index) = brief();
    let scale = fit_all(&index, 900.0);
    let piracy: Vec<bool> = data
        .events
        .iter()
        .map(|e| e.domains.iter().any(|d| d == "piracy"))
        .collect();
    let dimmed = scene(&data, &index, &scale, &piracy, true, None);
    let alone = scene(&data, &index, &scale, &piracy, false, None);
    let labelled = |s: &Scene| -> HashSet<usize> {
        s.targets
            .iter()
            .filter_map(|t| match t.kind {
                TargetKind::Mark {
                    index,
                    labelled: true,
                    dimmed: false,
                    ..
                } => Some(index),
                _ => None,
            })
            .collect()
    };
    let (with_context, without) = (labelled(&dimmed), labelled(&alone));
    assert!(!without.is_empty());
    assert!(
        with_context.len() * 10 >= without.len() * 7,
        "the context costs few labels: {} of {}",
        with_context.len(),
        without.len()
    );
}

#[test]
fn the_selected_event_is_drawn_bold_with_the_focus_colour() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1200.0);
    let plain = scene(&data, &index, &scale, &all, false, None);
    let (i, _) = plain
        .marks()
        .find(|(_, t)| matches!(t.kind, TargetKind::Mark { labelled: true, .. }))
        .unwrap();
    let s = scene(&data, &index, &scale, &all, false, Some(i));
    assert!(s.items.iter().any(|it| matches!(
        &it.prim,
        Prim::Text {
            font: Font::SelectedLabel,
            text,
            ..
        } if *text == data.events[i].title
    )));
    assert!(s.items.iter().any(|it| matches!(
        it.prim,
        Prim::Marker {
            stroke: Stroke {
                ink: Ink::Focus,
                ..
            },
            ..
        } | Prim::Rect {
            stroke: Some(Stroke {
                ink: Ink::Focus,
                ..
            }),
            ..
        } | Prim::Polygon {
            stroke: Some(Stroke {
                ink: Ink::Focus,
                ..
            }),
            ..
        }
    )));
    assert!(s
        .marks()
        .any(|(j, t)| j == i && matches!(t.kind, TargetKind::Mark { selected: true, .. })));
}

#[test]
fn domains_get_several_shapes_as_well_as_colours_and_marks_show_all_their_domains() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 2400.0), &all, false, None);
    let mut shapes = HashSet::new();
    let mut fills = HashSet::new();
    for it in &s.items {
        match &it.prim {
            Prim::Marker { shape, fill, .. } => {
                shapes.insert(*shape);
                fills.insert(format!("{fill:?}"));
            }
            Prim::Polygon {
                fill: Some(fill), ..
            } => {
                fills.insert(format!("{fill:?}"));
            }
            _ => {}
        }
    }
    assert!(shapes.len() >= 3, "{shapes:?}");
    assert!(fills.len() >= 10, "{fills:?}");
    // Abe's 2007 visit to NATO has three domains: three slices, each in its domain's colour.
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
        .filter_map(|it| match &it.prim {
            Prim::Polygon {
                fill: Some(fill),
                points,
                ..
            } if points.iter().all(|p| (p.0 - x).abs() <= MARK_RADIUS * 1.4) => Some(*fill),
            _ => None,
        })
        .collect();
    let expected: Vec<Ink> = data.events[abe]
        .domains
        .iter()
        .map(|id| Ink::Domain(data.domains.iter().position(|d| &d.id == id).unwrap()))
        .collect();
    assert_eq!(slices, expected);
    assert!(s.items.iter().any(|it| matches!(
        it.prim,
        Prim::Polygon {
            fill: None,
            stroke: Some(_),
            ..
        }
    )));
}

#[test]
fn the_svg_is_a_standalone_document_with_the_titles_escaped() {
    let (mut data, index) = brief();
    data.events[0].title = "<b>Tom & \"Jerry\"</b>".into();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(
        index.extent(0).first_day - 30.0,
        index.extent(0).first_day + 3000.0,
        1400.0,
    );
    let s = scene(&data, &index, &scale, &all, false, None);
    let svg = s.to_svg(|ink| match ink {
        Ink::Background => "#fff".into(),
        _ => "#123".into(),
    });
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1400\""));
    assert!(
        svg.contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;"),
        "{svg}"
    );
    assert!(!svg.contains("<b>"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<text").count(), texts(&s).len());
    let polygons = s
        .items
        .iter()
        .filter(|i| matches!(i.prim, Prim::Polygon { .. } | Prim::Polyline { .. }))
        .count();
    let markers = s
        .items
        .iter()
        .filter(|i| {
            matches!(
                i.prim,
                Prim::Marker { shape, .. } if shape != Shape::Circle
            )
        })
        .count();
    assert_eq!(svg.matches("<path").count(), polygons + markers);
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
fn phase_names_are_shortened_at_a_word_boundary() {
    assert_eq!(
        fit_label("Tokyo Declaration on Partnership", 300.0, 400.0),
        "Tokyo Declaration on Partnership"
    );
    let short = fit_label(
        "Tokyo Declaration on Partnership",
        estimate("Tokyo Declaration on Partnership"),
        120.0,
    );
    assert!(
        short.ends_with('…')
            && "Tokyo Declaration on Partnership".starts_with(short.trim_end_matches('…')),
        "{short}"
    );
    assert_eq!(fit_label("Supercalifragilistic", 200.0, 30.0), "");
}

fn grouped_scene(
    data: &Chronology,
    index: &TimelineIndex,
    filter: &Filter,
    by: GroupBy,
    collapsed: &BTreeSet<String>,
    scale: &TimeScale,
) -> (Scene, Grouping) {
    let matches = matching(data, &search_haystacks(data), filter);
    let grouping = Grouping::new(data, by, &matches, filter, collapsed).unwrap();
    let s = Scene::build(
        &SceneInput {
            data,
            index,
            matches: &matches,
            dim: false,
            selected: None,
            grouping: Some(&grouping),
        },
        scale,
    );
    (s, grouping)
}

/// Group by domain with Afghanistan and Piracy selected: two lanes, named by their domains,
/// each with its events (an event of both in both).
#[test]
fn grouped_by_domain_afghanistan_and_piracy_sit_side_by_side() {
    let (data, index) = brief();
    let mut filter = Filter::default();
    filter.domains.insert("afghanistan".into());
    filter.domains.insert("piracy".into());
    let scale = fit_all(&index, 1000.0);
    let (s, _) = grouped_scene(
        &data,
        &index,
        &filter,
        GroupBy::Domain,
        &BTreeSet::new(),
        &scale,
    );
    let names: Vec<(&str, usize)> = s
        .groups
        .iter()
        .map(|g| (g.label.as_str(), g.count))
        .collect();
    let count = |id: &str| {
        data.events
            .iter()
            .filter(|e| e.domains.iter().any(|d| d == id))
            .count()
    };
    assert_eq!(
        names,
        [
            ("Afghanistan", count("afghanistan")),
            ("Piracy", count("piracy"))
        ]
    );
    let (a, p) = (&s.groups[0], &s.groups[1]);
    assert!(a.y + a.h <= a.end_y && a.end_y <= p.y, "{a:?} {p:?}");
    assert!(texts(&s).iter().any(|t| t.contains("Afghanistan (")));
    // Each group's block holds its events (drawn or folded), and only them.
    for (n, (g, id)) in [(a, "afghanistan"), (p, "piracy")].into_iter().enumerate() {
        let mut shown = HashSet::new();
        for t in &s.targets {
            let (members, group): (Vec<usize>, _) = match &t.kind {
                TargetKind::Mark { index, group, .. } => (vec![*index], *group),
                TargetKind::Cluster { members, group, .. } => (members.clone(), *group),
            };
            if group == Some(n) {
                assert!(
                    t.y > g.y + g.h - 0.01 && t.y + t.h <= g.end_y + 0.01,
                    "{t:?} {g:?}"
                );
                shown.extend(members);
            }
        }
        let expected: HashSet<usize> = (0..data.events.len())
            .filter(|&i| data.events[i].domains.iter().any(|d| d == id))
            .filter(|&i| {
                let e = index.extent(i);
                e.first_day < scale.end && e.end_day > scale.start
            })
            .collect();
        assert_eq!(shown, expected, "{id}");
    }
}

#[test]
fn a_collapsed_group_is_its_header_alone() {
    let (data, index) = brief();
    let filter = Filter::default();
    let scale = fit_all(&index, 1000.0);
    let collapsed: BTreeSet<String> = ["direct-cooperation".to_string()].into();
    let (s, grouping) = grouped_scene(&data, &index, &filter, GroupBy::Phase, &collapsed, &scale);
    assert_eq!(s.groups.len(), data.phases.len());
    let n = grouping
        .groups
        .iter()
        .position(|g| g.key == "direct-cooperation")
        .unwrap();
    let strip = &s.groups[n];
    assert!(strip.collapsed);
    assert_eq!(strip.end_y, strip.y + strip.h);
    assert!(texts(&s).iter().any(|t| t.starts_with('▸')));
    assert!(s.targets.iter().all(|t| !matches!(
        t.kind,
        TargetKind::Mark { group: Some(g), .. } | TargetKind::Cluster { group: Some(g), .. } if g == n
    )));
    let hit = s.group_at(300.0, strip.y + 5.0).unwrap();
    assert_eq!(hit.index, n);
    assert!(s.group_at(300.0, 5.0).is_none());
}

#[test]
fn a_badge_opens_by_zooming_in_until_its_members_spread() {
    // The brief's chronology folds nothing at its default view: a denser one.
    let mut data = crate::core::synthetic::generate(5_000, crate::core::synthetic::APP_SEED);
    data.sort_events();
    let index = index_of(&data, measured);
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(day(2005, 1, 1), day(2010, 1, 1), 800.0);
    let input = SceneInput {
        data: &data,
        index: &index,
        matches: &all,
        dim: false,
        selected: None,
        grouping: None,
    };
    let s = Scene::build(&input, &scale);
    let mut opened = 0;
    for kind in clusters(&s) {
        let TargetKind::Cluster {
            members,
            group,
            spans,
            ..
        } = kind
        else {
            unreachable!()
        };
        match open_cluster(&input, &scale, members, *group, *spans) {
            ClusterOpening::Zoom(v) => {
                assert!(v.start >= scale.start && v.end <= scale.end, "{v:?}");
                let z = Scene::build(&input, &TimeScale::new(v.start, v.end, scale.width));
                let marks: HashSet<usize> = z.marks().map(|(i, _)| i).collect();
                assert!(members.iter().all(|i| marks.contains(i)));
                opened += 1;
            }
            ClusterOpening::List => {}
        }
    }
    assert!(opened > 0, "five years of 5,000 events fold some");
}

#[test]
fn a_badge_of_more_events_on_one_day_than_lanes_is_listed() {
    let mut data = embedded().unwrap();
    let template = data.events[0].clone();
    data.events = (0..40)
        .map(|n| {
            let mut e = template.clone();
            e.id = format!("same-day-{n}");
            e.start = crate::core::date::PartialDate::day(2014, 5, 6).unwrap();
            e.end = None;
            e
        })
        .collect();
    let index = index_of(&data, measured);
    let all = vec![true; data.events.len()];
    let input = SceneInput {
        data: &data,
        index: &index,
        matches: &all,
        dim: false,
        selected: None,
        grouping: None,
    };
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let s = Scene::build(&input, &scale);
    let Some(TargetKind::Cluster { members, .. }) = clusters(&s).next() else {
        panic!("40 events on one day are folded")
    };
    assert_eq!(
        open_cluster(&input, &scale, members, None, false),
        ClusterOpening::List
    );
}

// Native only: proptest is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::core::synthetic;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Opening a badge never widens the window (nor leaves it), and spreads its members,
        /// grouped or not.
        #[test]
        fn opening_a_cluster_never_widens_the_window_and_spreads_its_members(
            seed in 0u64..1000,
            count in 50usize..600,
            start_fraction in 0.0f64..0.9,
            log_span in 1.5f64..4.2,
            width in 300.0f64..1500.0,
            group_by_domain: bool,
        ) {
            let mut data = synthetic::generate(count, seed);
            data.sort_events();
            let index = index_of(&data, measured);
            let all = vec![true; data.events.len()];
            let grouping = group_by_domain.then(|| {
                Grouping::new(&data, GroupBy::Domain, &all, &Filter::default(), &BTreeSet::new())
                    .unwrap()
            });
            let input = SceneInput {
                data: &data,
                index: &index,
                matches: &all,
                dim: false,
                selected: None,
                grouping: grouping.as_ref(),
            };
            let (first, end) = (index.first_day().unwrap(), index.end_day().unwrap());
            let start = first + start_fraction * (end - first);
            let scale = TimeScale::new(start, start + 10f64.powf(log_span), width);
            let s = Scene::build(&input, &scale);
            for kind in clusters(&s).take(4) {
                let TargetKind::Cluster { members, group, spans, .. } = kind else {
                    unreachable!()
                };
                match open_cluster(&input, &scale, members, *group, *spans) {
                    ClusterOpening::Zoom(v) => {
                        prop_assert!(v.span() <= scale.end - scale.start + 1e-6);
                        prop_assert!(v.start >= scale.start - 1e-6 && v.end <= scale.end + 1e-6);
                        prop_assert!(v.span() >= MIN_SPAN_DAYS - 1e-9);
                        let z = Scene::build(&input, &TimeScale::new(v.start, v.end, width));
                        let spread: HashSet<usize> = z
                            .targets
                            .iter()
                            .filter_map(|t| match t.kind {
                                TargetKind::Mark { index, group: g, .. } if g == *group => Some(index),
                                _ => None,
                            })
                            .collect();
                        for m in members {
                            prop_assert!(spread.contains(m), "member {} still folded in {:?}", m, v);
                        }
                    }
                    ClusterOpening::List => {
                        // Even the narrowest window about them folds some.
                        let day = index.extent(members[0]).first_day;
                        let narrow = TimeScale::new(day - MIN_SPAN_DAYS / 3.0, day + 2.0 * MIN_SPAN_DAYS / 3.0, width);
                        let z = Scene::build(&input, &narrow);
                        prop_assert!(folded(&z) > 0);
                    }
                }
            }
        }
    }
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
    let input = SceneInput {
        data: &data,
        index: &index,
        matches: &all,
        dim: false,
        selected: None,
        grouping: None,
    };
    let scale = TimeScale::new(day(2000, 1, 1), day(2010, 1, 1), 1000.0);
    let s = Scene::build(&input, &scale);
    let mark = s
        .marks()
        .find(|(j, _)| *j == i)
        .map(|(_, t)| t.y + t.h / 2.0)
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
    assert!(
        (lo - from).abs() < 1.0 && (to - hi).abs() < 8.0,
        "{lo}..{hi} for {from}..{to}"
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
        .map(|(_, t)| t.y + t.h / 2.0)
        .unwrap();
    let near = |x: f64| (x - scale.to_px(data.events[exact].first_day() as f64)).abs() < 40.0;
    assert!(!s.items.iter().any(|item| matches!(&item.prim,
        Prim::Line { x1, y1, y2, .. } if (y1 - y).abs() < 2.0 && y1 == y2 && near(*x1) && item.alpha < 1.0)));
}

#[test]
fn the_svg_is_well_formed_xml_whatever_the_titles_hold() {
    let (mut data, _) = brief();
    data.events[0].title = "A \u{1}bell\u{7} & <b>\"quotes\"</b> \u{FFFE}".into();
    let index = index_of(&data, measured);
    let all = vec![true; data.events.len()];
    let input = SceneInput {
        data: &data,
        index: &index,
        matches: &all,
        dim: false,
        selected: None,
        grouping: None,
    };
    let first = data.events[0].first_day() as f64;
    let s = Scene::build(&input, &TimeScale::new(first - 400.0, first + 400.0, 900.0));
    let svg = s.to_svg(|_| "#000".to_string());
    assert!(
        svg.contains("A bell &amp; &lt;b&gt;"),
        "the title is drawn, escaped"
    );
    assert!(
        !svg.chars()
            .any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || c == '\u{FFFE}'),
        "no character XML forbids"
    );
}
