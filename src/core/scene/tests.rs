use super::*;
use crate::core::dataset::embedded;
use crate::core::layout::Extent;

fn brief() -> (Chronology, TimelineIndex) {
    let mut data = embedded().expect("the embedded chronology loads");
    data.sort_events();
    let index = TimelineIndex::new(
        data.events
            .iter()
            .map(|e| Extent {
                first_day: e.first_day() as f64,
                end_day: e.end_day() as f64,
                is_span: e.is_span(),
                label_width: estimate(&e.title),
            })
            .collect(),
    );
    (data, index)
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

#[test]
fn the_whole_chronology_shows_marks_badges_axis_and_phases() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 1200.0), &all, false, None);
    assert_eq!(s.width, 1200.0);
    assert!(s.marks().count() > 10, "events drawn one by one");
    let in_badges: usize = s
        .targets
        .iter()
        .map(|t| match &t.kind {
            TargetKind::Cluster { members, .. } => members.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(
        s.marks().count() + in_badges,
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
    let nineties = TimeScale::new(
        crate::core::date::days_from_civil(1992, 1, 1) as f64,
        crate::core::date::days_from_civil(1998, 1, 1) as f64,
        700.0,
    );
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
    for width in [400.0, 700.0, 1280.0, 2400.0] {
        let s = scene(&data, &index, &whole(&index, width), &all, false, None);
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

#[test]
fn a_click_finds_the_event_drawn_there_and_not_a_dimmed_one() {
    let (data, index) = brief();
    let scale = whole(&index, 1200.0);
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &scale, &all, false, None);
    let (i, t) = s.marks().nth(3).unwrap();
    let hit = s.hit(t.x + 2.0, t.y + t.h / 2.0).unwrap();
    assert_eq!(
        hit.kind,
        TargetKind::Mark {
            index: i,
            selected: false,
            dimmed: false
        }
    );
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
fn the_selected_event_is_drawn_bold_with_the_focus_colour() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let scale = whole(&index, 1200.0);
    let plain = scene(&data, &index, &scale, &all, false, None);
    let (i, _) = plain.marks().next().unwrap();
    let s = scene(&data, &index, &scale, &all, false, Some(i));
    assert!(s.items.iter().any(|it| matches!(
        it.prim,
        Prim::Text {
            font: Font::SelectedLabel,
            ..
        }
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
        }
    )));
    assert!(s
        .marks()
        .any(|(j, t)| j == i && matches!(t.kind, TargetKind::Mark { selected: true, .. })));
}

#[test]
fn domains_get_several_shapes_as_well_as_colours() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &whole(&index, 2400.0), &all, false, None);
    let mut shapes = Vec::new();
    let mut fills = Vec::new();
    for it in &s.items {
        if let Prim::Marker { shape, fill, .. } = it.prim {
            if !shapes.contains(&shape) {
                shapes.push(shape);
            }
            if !fills.contains(&fill) {
                fills.push(fill);
            }
        }
    }
    assert!(shapes.len() >= 3, "{shapes:?}");
    assert!(fills.len() >= 4, "{fills:?}");
    assert_eq!(Shape::of_domain(None), Shape::Circle);
    assert_eq!(Shape::of_domain(Some(5)), Shape::Square);
}

#[test]
fn the_svg_is_a_standalone_document_with_the_titles_escaped() {
    let (mut data, index) = brief();
    data.events[0].title = "<b>Tom & \"Jerry\"</b>".into();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(
        index.extent(0).first_day - 30.0,
        index.extent(0).end_day.max(index.extent(0).first_day + 1.0) * 2.0
            - index.extent(0).first_day,
        900.0,
    );
    let s = scene(&data, &index, &scale, &all, false, None);
    let svg = s.to_svg(|ink| match ink {
        Ink::Background => "#fff".into(),
        _ => "#123".into(),
    });
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\""));
    assert!(
        svg.contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;"),
        "{svg}"
    );
    assert!(!svg.contains("<b>"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<text").count(), texts(&s).len());
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
fn labels_are_shortened_at_a_word_boundary() {
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
