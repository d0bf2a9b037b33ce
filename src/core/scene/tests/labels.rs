//! Labels: whole titles or none, which give way, the selected one, phase names.

use super::*;

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
