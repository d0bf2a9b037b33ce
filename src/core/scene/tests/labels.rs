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
            // A title in two lines counts as one, whole where its lines make it whole.
            let drawn = labels(&s, &titles);
            for label in &drawn {
                assert!(
                    titles.contains(label.as_str()),
                    "'{label}' is not a whole title"
                );
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
    let piracy = in_domain(&data, "piracy");
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

/// A story's scene on a phone: the events it is about are too crowded to be named; the faint
/// context is not named either (its titles drew the eye to the wrong events). Wide enough for
/// every event it is about to be named, the context is named too.
#[test]
fn context_is_named_only_where_every_matching_event_is() {
    let (data, index) = brief();
    let scenes = &data.stories[0].scenes;
    // The brief's scene 2, "1983: a bid blocked by France", in its window.
    let about = highlighted(&data, &scenes[1]);
    assert!(about.iter().filter(|&&m| m).count() >= 3);
    let named = |width: f64| {
        let scale = TimeScale::new(day(1980, 1, 1), day(1991, 1, 1), width);
        named_marks(&scene(&data, &index, &scale, &about, true, None))
    };
    let (matching, context) = named(335.0);
    assert!(matching.contains(&false), "on a phone, some are bare marks");
    assert!(
        !context.is_empty() && !context.contains(&true),
        "and no context is named: {context:?}"
    );
    let (matching, context) = named(1200.0);
    assert!(
        !matching.contains(&false),
        "wide, every event of the scene is named"
    );
    assert!(context.contains(&true), "and context is named too");
    // Every scene of the story on a phone: where one of its events, point or bar, is unnamed,
    // no context is named, in either band.
    for story_scene in scenes {
        let (from, to) = story_scene.view.window.days();
        let phone = TimeScale::new(from, to, 335.0);
        let about = highlighted(&data, story_scene);
        let (matching, context) = named_marks(&scene(&data, &index, &phone, &about, true, None));
        if matching.contains(&false) {
            assert!(!context.contains(&true), "{}: {context:?}", story_scene.id);
        }
    }
}

/// The events a story's scene is about.
fn highlighted(data: &Chronology, scene: &crate::core::dataset::StoryScene) -> Vec<bool> {
    data.events
        .iter()
        .map(|e| scene.view.highlight.contains(&e.id))
        .collect()
}

/// Whether each mark drawn is named: the matching events', then the dimmed ones'.
fn named_marks(s: &Scene) -> (Vec<bool>, Vec<bool>) {
    let (mut matching, mut context) = (vec![], vec![]);
    for t in &s.targets {
        if let TargetKind::Mark {
            labelled, dimmed, ..
        } = t.kind
        {
            if dimmed { &mut context } else { &mut matching }.push(labelled);
        }
    }
    (matching, context)
}

/// A dimmed (context) event's title is fainter than a matching one's but still read as text
/// must be: at least 4.5:1 (WCAG 1.4.3) against every background of the drawing in both themes
/// of the stylesheet.
#[test]
fn dimmed_events_titles_are_faint_but_readable_in_both_themes() {
    use crate::core::palette::{contrast, parse_hex};
    let (data, index) = brief();
    let scale = fit_all(&index, 900.0);
    let piracy = in_domain(&data, "piracy");
    let s = scene(&data, &index, &scale, &piracy, true, None);
    let alpha = |matching: bool| {
        s.items
            .iter()
            .find_map(|item| match &item.prim {
                Prim::Text {
                    text,
                    font: Font::Label,
                    ..
                } if data
                    .events
                    .iter()
                    .zip(&piracy)
                    .any(|(e, &m)| &e.title == text && m == matching) =>
                {
                    Some(item.alpha)
                }
                _ => None,
            })
            .expect("a title drawn")
    };
    let (faint, plain) = (alpha(false), alpha(true));
    assert!(faint < plain);
    let css = include_str!("../../../../assets/style.css");
    let block = |selector: &str| {
        css.split(selector)
            .nth(1)
            .unwrap()
            .split('}')
            .next()
            .unwrap()
    };
    let colour = |block: &str, name: &str| {
        let value = block
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{name}:")))
            .unwrap();
        parse_hex(value.trim().trim_end_matches(';')).unwrap()
    };
    for theme in [block(":root {"), block(":root[data-theme=\"dark\"] {")] {
        let fg = colour(theme, "--fg");
        for background in ["--bg", "--panel", "--phase-0", "--phase-1"] {
            let bg = colour(theme, background);
            let seen = [0, 1, 2].map(|k| faint * fg[k] + (1.0 - faint) * bg[k]);
            let ratio = contrast(seen, bg);
            assert!(ratio >= 4.5, "{background}: {ratio:.2}:1");
            assert!(ratio < contrast(fg, bg) / 2.0, "{background}: still faint");
        }
    }
}

#[test]
fn the_selected_event_is_drawn_with_the_focus_colour_and_underlined_at_its_laid_out_width() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1200.0);
    let plain = scene(&data, &index, &scale, &all, false, None);
    let (i, _) = plain
        .marks()
        .find(|(_, t)| matches!(t.kind, TargetKind::Mark { labelled: true, .. }))
        .unwrap();
    let s = scene(&data, &index, &scale, &all, false, Some(i));
    // Its title, in the font its width was laid out for (bold ran into its neighbours).
    let (x, y) = s
        .items
        .iter()
        .find_map(|it| match &it.prim {
            Prim::Text {
                font: Font::Label,
                ink: Ink::SelectedText,
                text,
                x,
                y,
            } if *text == data.events[i].title => Some((*x, *y)),
            _ => None,
        })
        .expect("the selected title is drawn");
    let width = index.extent(i).label_width;
    assert!(
        s.items.iter().any(|it| matches!(
            it.prim,
            Prim::Line { x1, x2, y1, stroke: Stroke { ink: Ink::Focus, .. }, .. }
                if x1 == x && (x2 - x1 - (width - LABEL_PADDING) / KERNING_MARGIN).abs() < 0.5 && y1 > y && y1 < y + 5.0
        )),
        "the selected title is underlined in the focus colour, along its text (not its padding)"
    );
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
fn a_selected_event_its_lane_left_unnamed_is_named_over_the_drawing() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    for width in [1280.0, 1000.0, 375.0] {
        let scale = fit_all(&index, width);
        let plain = scene(&data, &index, &scale, &all, false, None);
        assert!(
            plain.callout.is_none(),
            "nothing selected, nothing called out"
        );
        let bare: Vec<usize> = plain
            .marks()
            .filter(|(_, t)| {
                matches!(
                    t.kind,
                    TargetKind::Mark {
                        labelled: false,
                        ..
                    }
                )
            })
            .map(|(i, _)| i)
            .collect();
        assert!(
            bare.len() > 10,
            "at {width} px most marks are bare: {}",
            bare.len()
        );
        let (mut named, mut own, mut sides, mut multi) = (0, 0, 0, 0);
        for i in bare {
            let s = scene(&data, &index, &scale, &all, false, Some(i));
            let title = &data.events[i].title;
            let c = s
                .callout
                .as_ref()
                .expect("every selected bare mark is named");
            named += 1;
            assert_eq!(c.index, i);
            // The whole title, in the selection's ink, on its box, within the drawing: on a
            // phone a long one in lines, each inside the box, one under the other.
            let lines: Vec<(&str, f64, f64)> = c
                .items
                .iter()
                .filter_map(|it| match &it.prim {
                    Prim::Text {
                        text,
                        ink: Ink::SelectedText,
                        font: Font::Label,
                        x,
                        y,
                    } => Some((text.as_str(), *x, *y)),
                    _ => None,
                })
                .collect();
            let words: Vec<&str> = lines.iter().map(|(t, ..)| *t).collect();
            assert_eq!(words.join(" "), *title);
            if index.extent(i).label_width + 8.0 <= width {
                assert_eq!(lines.len(), 1, "{title} fits one line at {width} px");
            }
            assert!(c.x >= 0.0 && c.x + c.w <= width + 0.01, "{title}: {c:?}");
            for (k, (text, x, y)) in lines.iter().enumerate() {
                assert!(
                    *x >= c.x && x + label_width(text) <= c.x + c.w + 0.01,
                    "{title}"
                );
                assert!(*y > c.y && *y < c.y + c.h, "{title}: line {k} in its box");
                if k > 0 {
                    assert!(*y >= lines[k - 1].2 + 12.0, "{title}: lines apart");
                }
            }
            multi += usize::from(lines.len() > 1);
            // On a box of the page's colour, outlined in the focus colour (after the marks it
            // covers, drawn again over it).
            assert!(matches!(
                c.items[0].prim,
                Prim::Rect {
                    fill: Some(Ink::Background),
                    ..
                }
            ));
            let outline = c
                .items
                .iter()
                .position(|it| matches!(it.prim, Prim::Text { .. }))
                .unwrap()
                - 1;
            assert!(matches!(
                c.items[outline].prim,
                Prim::Rect {
                    stroke: Some(Stroke {
                        ink: Ink::Focus,
                        ..
                    }),
                    ..
                }
            ));
            // The box sits beside the event's own mark, on its row (or, without room beside
            // it, just under it), and never hides it.
            let (_, mark) = s.marks().find(|(j, _)| *j == i).unwrap();
            assert!(
                c.y < mark.y + mark.h && c.y + c.h > mark.y,
                "{title}: on its row"
            );
            if !index.extent(i).is_span {
                let (mx, my, reach) = (mark.x + mark.w / 2.0, mark.y + mark.h / 2.0, 6.75);
                let beside = c.x >= mx + reach || c.x + c.w <= mx - reach;
                assert!(
                    beside || c.y >= my + reach,
                    "{title}: its mark shows ({c:?}, {mark:?})"
                );
            }
            // Of the two sides of a point's mark, where both have the room, the one that covers
            // less of the others' marks and labels on its row.
            let covered = |x: f64| -> f64 {
                s.targets
                    .iter()
                    .filter(|t| t.y < c.y + c.h && t.y + t.h > c.y)
                    .filter(|t| !matches!(t.kind, TargetKind::Mark { index, .. } if index == i))
                    .map(|t| ((t.x + t.w).min(x + c.w) - t.x.max(x)).max(0.0))
                    .sum()
            };
            let (after, before) = (
                mark.x + mark.w + crate::core::layout::LABEL_OFFSET,
                mark.x - crate::core::layout::LABEL_OFFSET - c.w,
            );
            if !index.extent(i).is_span && after + c.w <= width && before >= 0.0 {
                assert!(
                    covered(c.x) <= covered(after).min(covered(before)) + 0.01,
                    "{title}: its name covers {} px of others, the other side {}",
                    covered(c.x),
                    covered(after).max(covered(before))
                );
                sides += usize::from(c.x == before);
            }
            // A click on the name reaches the event, but where another mark lies under it:
            // that one keeps its clicks.
            let y = c.y + c.h / 2.0;
            let mut reached = (false, false);
            for x in (0..=c.w as usize).map(|dx| c.x + dx as f64) {
                let under = s.targets.iter().rev().find(|t| {
                    t.contains(x, y)
                        && !matches!(t.kind, TargetKind::Mark { index, .. } if index == i)
                });
                let hit = s.hit(x, y).expect("a click on the name reaches an event");
                match under {
                    Some(t) => {
                        assert_eq!(hit, t, "{title}: the mark under its name at {x}");
                        reached.1 = true;
                    }
                    None => {
                        assert!(
                            matches!(hit.kind, TargetKind::Mark { index, .. } if index == i),
                            "{title}: its name at {x}"
                        );
                        reached.0 = true;
                    }
                }
            }
            own += usize::from(reached.0);
            // The saved picture shows it too, last (over everything).
            let svg = s.to_svg(|_| "#000".into());
            let escaped = crate::core::text::xml_escape(lines[lines.len() - 1].0);
            let last = svg.trim_end().trim_end_matches("</svg>").trim_end();
            assert!(
                last.ends_with(&format!(">{escaped}</text>")),
                "{title} last"
            );
        }
        assert!(named > 0);
        // (A name may lie wholly over others' marks and labels, where they are many.)
        assert!(
            own * 2 > named,
            "at {width} px most names are partly their event's own"
        );
        if width > 1000.0 {
            assert!(sides > 0, "at {width} px some names go left of their marks");
        }
        if width < 500.0 {
            assert!(multi > 0, "at {width} px some names take two lines");
        }
    }
}

/// Whether two boxes (x, y, w, h) overlap.
fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.0 + b.2 && a.0 + a.2 > b.0 && a.1 < b.1 + b.3 && a.1 + a.3 > b.1
}

/// What the selected event's name covers, and how it is drawn over it: the others' names under
/// its box are left out (both texts at once, each half legible, read as neither; cut by an opaque
/// box, a fragment), and the marks under it are drawn again over the box, faint, and keep their
/// clicks. At the default view the name
/// of the 1981 visit lies over the 1983, 1986 and 1992 marks and a name; on a phone, grouped by
/// domain, the name of the 1993 consultations over "Informal Japan–NATO contacts begin".
#[test]
fn a_selected_event_s_name_hides_the_names_under_it_and_shows_the_marks_faint() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let visit = data
        .events
        .iter()
        .position(|e| e.id == "1981-defense-agency-head-visits-nato-hq")
        .expect("the 1981 visit is in the chronology");
    let talks = data
        .events
        .iter()
        .position(|e| e.id == "1993-high-level-consultations-established")
        .expect("the 1993 consultations are in the chronology");
    let collapsed: BTreeSet<String> = ["afghanistan".to_string(), "piracy".to_string()].into();
    let grouping =
        Grouping::new(&data, GroupBy::Domain, &all, &Filter::default(), &collapsed).unwrap();
    let desktop = fit_all(&index, 1280.0);
    let phone = fit_all(&index, 351.0);
    let mut marks_under = 0;
    for (i, scale, grouping) in [(visit, &desktop, None), (talks, &phone, Some(&grouping))] {
        let s = Scene::build(
            &SceneInput {
                selected: Some(i),
                grouping,
                ..input(&data, &index, &all)
            },
            scale,
        );
        let title = &data.events[i].title;
        let c = s.callout.as_ref().expect("named over the drawing");
        let boxed = (c.x, c.y, c.w, c.h);
        // Its box, first, hides what it covers: opaque, in the page's colour.
        let Prim::Rect { fill, stroke, .. } = &c.items[0].prim else {
            panic!("{title}: {:?}", c.items[0]);
        };
        assert_eq!(
            (*fill, *stroke, c.items[0].alpha),
            (Some(Ink::Background), None, 1.0)
        );
        // Over it: its title, whole, alone.
        let words: Vec<&str> = c
            .items
            .iter()
            .filter_map(|it| match &it.prim {
                Prim::Text { text, ink, .. } => {
                    assert_eq!((*ink, it.alpha), (Ink::SelectedText, 1.0), "{text}");
                    Some(text.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(words.join(" "), *title);
        // The others' names where the box lies (as drawn with nothing selected) are left out,
        // whole: no letter of theirs is drawn, under the box or beside it, and their marks say
        // they are not named (their titles go in tooltips).
        let under = |scene: &Scene| -> Vec<String> {
            scene
                .items
                .iter()
                .filter_map(|it| match &it.prim {
                    Prim::Text {
                        x,
                        y,
                        text,
                        font: Font::Label,
                        ..
                    } if overlap(boxed, (*x, y - 10.0, label_width(text), 12.0)) => {
                        Some(text.clone())
                    }
                    _ => None,
                })
                .collect()
        };
        let plain = Scene::build(
            &SceneInput {
                grouping,
                ..input(&data, &index, &all)
            },
            scale,
        );
        let covered = under(&plain);
        assert!(!covered.is_empty(), "{title}: names lie where its box goes");
        assert_eq!(under(&s), Vec::<String>::new(), "{title}");
        for name in &covered {
            let j = data
                .events
                .iter()
                .position(|e| e.title.contains(name.as_str()))
                .unwrap();
            assert!(
                !texts(&s).iter().any(|t| data.events[j].title.contains(t)),
                "{name}"
            );
            assert!(s.marks().all(|(k, t)| k != j
                || matches!(
                    t.kind,
                    TargetKind::Mark {
                        labelled: false,
                        ..
                    }
                )));
        }
        // The marks it covers are drawn again over it, faint.
        let again: Vec<&Item> = c
            .items
            .iter()
            .filter(|it| matches!(it.prim, Prim::Marker { .. }))
            .collect();
        for mark in s.items.iter().filter(|it| match &it.prim {
            Prim::Marker { cx, cy, r, .. } => {
                let reach = r * 1.35;
                overlap(boxed, (cx - reach, cy - reach, 2.0 * reach, 2.0 * reach))
            }
            _ => false,
        }) {
            marks_under += 1;
            assert!(
                again
                    .iter()
                    .any(|it| it.prim == mark.prim && it.alpha > 0.2 && it.alpha < mark.alpha),
                "{title}: {mark:?} is drawn faint over the box"
            );
        }
        // Each mark under it is still what a click there finds.
        for t in s.marks().map(|(_, t)| t).filter(|t| {
            overlap(boxed, (t.x, t.y, t.w, t.h))
                && !matches!(t.kind, TargetKind::Mark { index, .. } if index == i)
        }) {
            let (x, y) = (t.x + t.w / 2.0, t.y + t.h / 2.0);
            if c.x < x && x < c.x + c.w && c.y < y && y < c.y + c.h {
                assert_eq!(s.hit(x, y).map(|h| &h.kind), Some(&t.kind));
            }
        }
        // Its outline, whole, after the marks.
        let outline = c.items.iter().rposition(|it| {
            matches!(&it.prim, Prim::Rect { fill: None, stroke: Some(s), .. } if s.ink == Ink::Focus)
                && it.alpha == 1.0
        });
        let last_mark = c
            .items
            .iter()
            .rposition(|it| matches!(it.prim, Prim::Marker { .. }));
        assert!(
            outline.is_some() && outline > last_mark,
            "{title}: {:?}",
            c.items
        );
    }
    assert!(
        marks_under >= 3,
        "marks lie under a selected name ({marks_under})"
    );
}

#[test]
fn a_selected_event_with_its_label_in_its_lane_has_no_callout() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let scale = fit_all(&index, 1280.0);
    let plain = scene(&data, &index, &scale, &all, false, None);
    let titles: HashSet<&str> = data.events.iter().map(|e| e.title.as_str()).collect();
    for (i, _) in plain
        .marks()
        .filter(|(_, t)| matches!(t.kind, TargetKind::Mark { labelled: true, .. }))
    {
        let s = scene(&data, &index, &scale, &all, false, Some(i));
        assert!(s.callout.is_none(), "{}", data.events[i].title);
        assert_eq!(labels(&s, &titles).len(), labels(&plain, &titles).len());
    }
}

/// A phase's name is whole on one line, whole on two (broken where the wider line is narrowest),
/// or not shown: never cut to a word and an ellipsis ("From…" said nothing on a phone).
#[test]
fn a_phase_name_is_whole_on_one_line_or_two_or_not_at_all() {
    let name = "From September 11 to direct cooperation";
    let one = label_width(name);
    assert_eq!(phase_name(name, one, false), Some((name, None)));
    assert_eq!(phase_name(name, one, true), Some((name, None)));
    assert_eq!(phase_name(name, one - 1.0, false), None);
    let Some((first, Some(second))) = phase_name(name, one - 1.0, true) else {
        panic!("not in two lines");
    };
    assert_eq!(format!("{first} {second}"), name);
    let wider = label_width(first).max(label_width(second));
    for (at, _) in name.match_indices(' ') {
        let other = label_width(&name[..at]).max(label_width(&name[at + 1..]));
        assert!(
            wider <= other,
            "'{first}' / '{second}' against a break at {at}"
        );
    }
    assert_eq!(phase_name(name, wider, true), Some((first, Some(second))));
    assert_eq!(phase_name(name, wider - 1.0, true), None);
    assert_eq!(phase_name("Supercalifragilistic", 30.0, true), None);
}

/// The phases' names may take a second line where a name of several words is too long for one
/// line at the default (fit-all) window, and then at every window: the lanes do not move up and
/// down as one zooms in and out. No name is left out that two lines would hold, and where every
/// name fits on one line, no second line is kept.
#[test]
fn the_lanes_start_at_one_height_whatever_the_window() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let top = |s: &Scene| s.phases.iter().map(|p| p.y + p.h).fold(f64::NAN, f64::max);
    let mut seen = [false; 2];
    for width in (250..=2400).step_by(5).map(f64::from) {
        let fit = fit_all(&index, width);
        let s = scene(&data, &index, &fit, &all, false, None);
        let lanes_top = top(&s);
        let two = lanes_top == LANES_TOP + PHASE_LINE;
        assert!(two || lanes_top == LANES_TOP, "at {width} px: {lanes_top}");
        seen[usize::from(two)] = true;
        for scale in [
            TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), width),
            TimeScale::new(day(1995, 1, 1), day(2005, 1, 1), width),
        ] {
            let zoomed = scene(&data, &index, &scale, &all, false, None);
            assert_eq!(top(&zoomed), lanes_top, "at {width} px, {scale:?}");
        }
        // The names drawn at the default window, by where they start.
        let mut lines: Vec<(f64, f64)> = Vec::new();
        for item in &s.items {
            if let Prim::Text {
                x,
                y,
                font: Font::Phase,
                ..
            } = item.prim
            {
                lines.push((x, y));
            }
        }
        let mut too_long = false;
        for strip in &s.phases {
            let drawn: Vec<f64> = lines
                .iter()
                .filter(|(x, _)| (x - strip.x - 4.0).abs() < 1e-9)
                .map(|l| l.1)
                .collect();
            let name = &data.phases[strip.index].label;
            too_long |= drawn.len() == 2 || (drawn.is_empty() && name.trim().contains(' '));
            if drawn.is_empty() {
                // Up to the band's end, or the next band's start where it overlaps this one.
                let end = s
                    .phases
                    .iter()
                    .map(|p| p.x)
                    .filter(|&x| x > strip.x)
                    .fold(strip.x + strip.w, f64::min);
                assert_eq!(
                    phase_name(name, end - strip.x - 8.0, true),
                    None,
                    "at {width} px, '{name}' fits in two lines but is left out"
                );
            }
        }
        assert_eq!(
            too_long, two,
            "at {width} px, whether a name is too long for one line"
        );
    }
    assert_eq!(seen, [true, true], "both one line and two are seen");
}

/// On a phone the phases' bands at the default window are too narrow even for two lines, but
/// zoomed in (scene 3 of the story: 1989–1995) a name has room in two and is drawn whole.
#[test]
fn on_a_phone_a_phase_s_name_shows_in_two_lines_once_zoomed_in() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let names = |s: &Scene| -> Vec<String> {
        let mut lines: Vec<(f64, &str)> = Vec::new();
        for item in &s.items {
            if let Prim::Text {
                x,
                text,
                font: Font::Phase,
                ..
            } = &item.prim
            {
                lines.push((*x, text));
            }
        }
        let mut starts: Vec<f64> = lines.iter().map(|l| l.0).collect();
        starts.dedup();
        starts
            .iter()
            .map(|x| {
                let at: Vec<&str> = lines.iter().filter(|l| l.0 == *x).map(|l| l.1).collect();
                at.join(" ")
            })
            .collect()
    };
    let s = scene(&data, &index, &fit_all(&index, 335.0), &all, false, None);
    assert_eq!(
        names(&s),
        Vec::<String>::new(),
        "no room at the default window"
    );
    let nineties = TimeScale::new(day(1989, 1, 1), day(1995, 12, 31), 335.0);
    let s = scene(&data, &index, &nineties, &all, false, None);
    let name = "Establishment of formal relations and the 1990s plateau";
    assert!(data.phases.iter().any(|p| p.label == name));
    assert_eq!(names(&s), vec![name.to_string()]);
    let lines = texts_in(&s, Font::Phase).len();
    assert_eq!(lines, 2, "in two lines");
}

#[test]
fn a_group_heading_is_shortened_at_a_word_boundary() {
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

/// Every word the drawing shows lies wholly inside it (an axis label cut to "202" at the right
/// edge, a "+N" badge cut in half, a phase's name drawn over the next one's were all seen):
/// at the widths of a phone, a narrowed desktop and a wide one, fit-all, zoomed in on 2014,
/// and scrolled to the data's end.
#[test]
fn every_text_lies_inside_the_drawing_and_phase_names_never_overlap() {
    let (data, index) = brief();
    texts_inside(&data, &index);
    // Crowded: "+N" badges all along the axis, up to its right edge.
    let mut many = crate::core::synthetic::generate(20_000, crate::core::synthetic::APP_SEED);
    many.sort_events();
    let index = index_of(&many, measured);
    texts_inside(&many, &index);
}

fn texts_inside(data: &Chronology, index: &TimelineIndex) {
    let (data, index) = (data, index);
    let matches = vec![true; data.events.len()];
    for width in [330.0, 595.0, 925.0, 1180.0] {
        let fit = fit_all(index, width);
        let windows = [
            fit,
            TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), width),
            TimeScale::new(day(2012, 1, 1), day(2020, 1, 1), width),
            TimeScale::new(fit.end - 1200.0, fit.end, width),
            whole(index, width),
        ];
        for scale in windows {
            let s = scene(data, index, &scale, &matches, false, None);
            let mut phases: Vec<(f64, f64, f64, &str)> = Vec::new();
            for item in &s.items {
                let Prim::Text {
                    x, y, text, font, ..
                } = &item.prim
                else {
                    continue;
                };
                let w = label_width(text);
                assert!(
                    *x >= -0.5 && x + w <= width + 0.5,
                    "{font:?} '{text}' at {x:.1}–{:.1} of {width} px ({:.0}–{:.0})",
                    x + w,
                    scale.start,
                    scale.end
                );
                if *font == Font::Phase {
                    phases.push((*y, *x, x + w, text));
                }
            }
            // Line by line (a name may take two).
            phases.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for pair in phases.windows(2).filter(|pair| pair[0].0 == pair[1].0) {
                assert!(
                    pair[0].2 <= pair[1].1,
                    "phase names overlap: {:?} and {:?} at {width} px",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

/// The lines of an uncertain or imprecise date (its dashed possible range, its bracket) stop
/// short of the event's own label: drawn through it, they read as strikethrough.
#[test]
fn no_range_line_runs_through_a_label() {
    let (data, index) = brief();
    let matches = vec![true; data.events.len()];
    let mut checked = 0;
    for width in [595.0, 925.0, 1180.0] {
        let fit = fit_all(&index, width);
        for scale in [
            fit,
            TimeScale::new(day(2003, 1, 1), day(2013, 1, 1), width),
            TimeScale::new(day(1988, 1, 1), day(1998, 1, 1), width),
        ] {
            let s = scene(&data, &index, &scale, &matches, false, None);
            let labels: Vec<(f64, f64, f64, &str)> = s
                .items
                .iter()
                .filter_map(|item| match &item.prim {
                    Prim::Text {
                        x,
                        y,
                        text,
                        font: Font::Label,
                        ..
                    } => Some((*x, x + label_width(text), *y, text.as_str())),
                    _ => None,
                })
                .collect();
            // Every horizontal stretch of a line item, at its height.
            let mut stretches: Vec<(f64, f64, f64)> = Vec::new();
            for item in &s.items {
                match &item.prim {
                    Prim::Line { x1, y1, x2, y2, .. } if y1 == y2 => {
                        stretches.push((x1.min(*x2), x1.max(*x2), *y1))
                    }
                    Prim::Polyline { points, .. } => {
                        for pair in points.windows(2) {
                            let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
                            if ay == by {
                                stretches.push((ax.min(bx), ax.max(bx), ay));
                            }
                        }
                    }
                    _ => {}
                }
            }
            for &(left, right, baseline, text) in &labels {
                for &(a, b, y) in &stretches {
                    // The text's box: from above its capitals to below its baseline.
                    let crosses =
                        y > baseline - 10.0 && y < baseline + 2.0 && a < right && b > left;
                    assert!(
                        !crosses,
                        "a line at y {y:.1} from {a:.1} to {b:.1} runs through '{text}' ({left:.1}–{right:.1}, baseline {baseline:.1}) at {width} px"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// The brief's states of affairs (spans) are named at the default view, four in five at least
/// (at 900 px, 9 of its 25 went unnamed before a bar that starts too far right for its label
/// could have it end at the drawing's edge, and 6 at 1,200 px; now 4 and none).
#[test]
fn the_default_view_names_nearly_every_span() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let spans: Vec<usize> = (0..data.events.len())
        .filter(|&i| index.extent(i).is_span)
        .collect();
    for width in [900.0, 1000.0, 1200.0] {
        let s = scene(&data, &index, &fit_all(&index, width), &all, false, None);
        let unnamed: Vec<&str> = spans
            .iter()
            .filter(|&&i| {
                !s.targets.iter().any(|t| {
                    matches!(t.kind, TargetKind::Mark { index, labelled: true, .. } if index == i)
                })
            })
            .map(|&i| data.events[i].title.as_str())
            .collect();
        assert!(
            unnamed.len() * 5 <= spans.len(),
            "at {width} px, {} of {} spans are unnamed: {unnamed:?}",
            unnamed.len(),
            spans.len()
        );
    }
}

/// In a phone's drawing (340 px) of 2010–2011, titles with no room on one line are drawn in two:
/// each such event's target takes its lane and the one below, and holds the two lines, the first
/// on the mark's row, the second a lane below from the same x, together its whole title; every
/// label drawn is a whole title, read across its lines.
#[test]
fn a_title_in_two_lines_is_drawn_in_its_lane_and_the_one_below() {
    let (data, index) = brief();
    let titles: HashSet<&str> = data.events.iter().map(|e| e.title.as_str()).collect();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(day(2010, 1, 1), day(2012, 1, 1), 340.0);
    let s = scene(&data, &index, &scale, &all, false, None);
    let lines = label_lines(&s);
    let mut two = 0;
    for (i, t) in s.marks() {
        let TargetKind::Mark { labelled, .. } = t.kind else {
            continue;
        };
        let inside = |&&(x, y, _): &&(f64, f64, &str)| {
            x >= t.x - 1e-9 && x < t.x + t.w && y > t.y && y < t.y + t.h
        };
        let mut drawn: Vec<&(f64, f64, &str)> = lines.iter().filter(inside).collect();
        drawn.sort_by(|a, b| a.1.total_cmp(&b.1));
        if t.h > LANE_HEIGHT {
            two += 1;
            assert!(labelled, "{}", data.events[i].title);
            assert_eq!(drawn.len(), 2, "{}: {drawn:?}", data.events[i].title);
            let (first, second) = (drawn[0], drawn[1]);
            assert_eq!(first.0, second.0, "both lines from the same x");
            assert!(
                (second.1 - first.1 - LANE_HEIGHT).abs() < 1e-9,
                "a lane apart"
            );
            assert!(
                (first.1 - mark_row(t)).abs() < LANE_HEIGHT / 2.0,
                "the first on the mark's row"
            );
            assert_eq!(format!("{} {}", first.2, second.2), data.events[i].title);
        } else if labelled {
            assert!(
                drawn.iter().any(|l| l.2 == data.events[i].title),
                "{}",
                data.events[i].title
            );
        }
    }
    assert!(two >= 3, "titles in two lines: {two}");
    let drawn = labels(&s, &titles);
    assert!(
        drawn.iter().all(|l| titles.contains(l.as_str())),
        "{drawn:?}"
    );
}

/// A selected title in two lines has each line underlined as far as that line runs as the page
/// measures it (not as far as the conservative estimate: on a phone the shorter line's
/// underline ran past its last word).
#[test]
fn a_selected_title_in_two_lines_has_each_line_underlined_as_far_as_it_runs() {
    let mut data = embedded().expect("the embedded chronology loads");
    data.sort_events();
    // Page fonts narrower than the estimate: in proportion to it (each line's run is then
    // exact), and one whose letters are not (a run is then within 8 %).
    let scaled = |title: &str| label_width(title) * 0.8 + LABEL_PADDING;
    let uneven = |title: &str| {
        let advance = |c: char| match c {
            ' ' => 3.0,
            'A'..='Z' => 8.0,
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | '\'' | '.' | ',' => 3.2,
            _ => 6.0,
        };
        title.chars().map(advance).sum::<f64>() + LABEL_PADDING
    };
    type Measure<'a> = &'a dyn Fn(&str) -> f64;
    let fonts: [(Measure, f64); 2] = [(&scaled, 0.0001), (&uneven, 0.08)];
    for (page, tolerance) in fonts {
        let index = index_of(&data, page);
        let all = vec![true; data.events.len()];
        let scale = TimeScale::new(day(2010, 1, 1), day(2012, 1, 1), 340.0);
        let plain = scene(&data, &index, &scale, &all, false, None);
        let wrapped: Vec<usize> = plain
            .marks()
            .filter(|(_, t)| t.h > LANE_HEIGHT)
            .map(|(i, _)| i)
            .collect();
        assert!(wrapped.len() >= 3, "{wrapped:?}");
        for i in wrapped {
            let s = scene(&data, &index, &scale, &all, false, Some(i));
            let Some(wrap) = index.extent(i).wrap else {
                panic!("{} has no two lines", data.events[i].title);
            };
            let (first, second) = wrap.lines(&data.events[i].title);
            let mut underlines: Vec<(f64, f64)> = s
                .items
                .iter()
                .filter_map(|item| match item.prim {
                    Prim::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        stroke:
                            Stroke {
                                ink: Ink::Focus, ..
                            },
                    } if y1 == y2 => Some((y1, x2 - x1)),
                    _ => None,
                })
                .collect();
            underlines.sort_by(|a, b| a.0.total_cmp(&b.0));
            let runs: Vec<f64> = underlines.iter().map(|u| u.1).collect();
            // As far as the text runs: not the label's padding after it, nor the headroom.
            let text = |w: f64| (w - LABEL_PADDING) / KERNING_MARGIN;
            let expected = [text(page(first)), text(page(second))];
            assert_eq!(runs.len(), 2, "{}: {underlines:?}", data.events[i].title);
            for (run, want) in runs.iter().zip(expected) {
                assert!(
                    (run - want).abs() <= want * tolerance && *run <= f64::from(wrap.width) + 1e-9,
                    "{}: underlines {runs:?}, lines {expected:?}",
                    data.events[i].title
                );
            }
        }
    }
}

/// A story's moment line (2007, scene 6 of the brief) stops short of the names it would strike
/// through and resumes below them: its runs cross no named event's target, every gap between
/// them is such a target, and what is left is longer than a stray dot.
#[test]
fn a_moment_line_crosses_no_event_s_name() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    for width in [340.0, 926.0] {
        let scale = TimeScale::new(day(2006, 1, 1), day(2011, 1, 1), width);
        let s = scene(&data, &index, &scale, &all, false, None);
        let x = scale.to_px(day(2007, 7, 2));
        let named: Vec<&Target> = s
            .targets
            .iter()
            .filter(|t| matches!(t.kind, TargetKind::Mark { labelled: true, .. }))
            .filter(|t| t.x <= x && x <= t.x + t.w)
            .collect();
        assert!(
            named.len() >= 2,
            "at {width} px the line meets names: {}",
            named.len()
        );
        let runs = s.line_runs(x, 40.0, s.height);
        assert!(!runs.is_empty());
        for &(a, b) in &runs {
            assert!(b - a >= 6.0 && a >= 40.0 && b <= s.height, "{a}–{b}");
            for t in &named {
                assert!(
                    b <= t.y || a >= t.y + t.h,
                    "a run {a}–{b} strikes through {t:?}"
                );
            }
        }
        // The line is left out only where a name is, or where what is left would be a dot.
        let mut from = 40.0;
        for &(a, b) in runs.iter().chain([(s.height, s.height)].iter()) {
            let mut y = from;
            while y < a {
                assert!(
                    named.iter().any(|t| t.y - 6.0 <= y && y <= t.y + t.h + 6.0),
                    "at {width} px, the line is left out at {y} where no name is"
                );
                y += 1.0;
            }
            from = b;
        }
    }
}
