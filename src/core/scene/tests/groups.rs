//! Grouped scenes: a block of lanes per group under its header.

use super::*;

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
    let s = Scene::build(&grouped_input(data, index, &matches, &grouping), scale);
    (s, grouping)
}

/// Every event, in lanes by phase, none folded.
fn by_phase(data: &Chronology, index: &TimelineIndex, scale: &TimeScale) -> (Scene, Grouping) {
    grouped_scene(
        data,
        index,
        &Filter::default(),
        GroupBy::Phase,
        &BTreeSet::new(),
        scale,
    )
}

/// What a scene is built from: the events as `matches` says, in `grouping`'s lanes.
fn grouped_input<'a>(
    data: &'a Chronology,
    index: &'a TimelineIndex,
    matches: &'a [bool],
    grouping: &'a Grouping,
) -> SceneInput<'a> {
    SceneInput {
        grouping: Some(grouping),
        ..input(data, index, matches)
    }
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

/// A picture of lanes names them without the fold marks of the screen (nothing folds on paper),
/// and says which are folded, after the heading's last line where it takes two (on a phone).
#[test]
fn a_picture_s_lanes_are_named_without_their_fold_marks() {
    let (data, index) = brief();
    for width in [1000.0, 350.0] {
        let scale = fit_all(&index, width);
        let collapsed: BTreeSet<String> =
            ["direct-cooperation".to_string(), "second-abe".to_string()].into();
        let (s, grouping) = grouped_scene(
            &data,
            &index,
            &Filter::default(),
            GroupBy::Phase,
            &collapsed,
            &scale,
        );
        // Each header's lines, joined.
        let heads = |s: &Scene| -> Vec<String> {
            let mut lines = texts_in(s, Font::Group);
            lines.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut heads: Vec<String> = Vec::new();
            let mut last = f64::NEG_INFINITY;
            for (y, text) in lines {
                match heads.last_mut() {
                    Some(head) if y - last <= GROUP_HEADING_LINE + 0.5 => {
                        head.push(' ');
                        head.push_str(text);
                    }
                    _ => heads.push(text.to_string()),
                }
                last = y;
            }
            heads
        };
        let on_screen = heads(&s);
        assert!(
            on_screen.iter().any(|t| t.starts_with("▸ ")),
            "{on_screen:?}"
        );
        assert!(on_screen
            .iter()
            .all(|t| t.starts_with("▾ ") || t.starts_with("▸ ")));
        let picture = s.captioned(&Caption {
            title: data.title.clone(),
            shown: "1977 – 2021".into(),
            legend: vec![],
            credit: "Credit.".into(),
        });
        let expected: Vec<String> = grouping
            .groups
            .iter()
            .map(|g| match g.collapsed {
                false => format!("{} ({})", g.label, g.count),
                true => format!("{} ({}) · folded", g.label, g.count),
            })
            .collect();
        assert_eq!(heads(&picture), expected, "at {width} px");
        for (_, line) in texts_in(&picture, Font::Group) {
            let right = 6.0 + super::super::paint::heading_width(line);
            assert!(right <= width - 6.0, "{line} at {width} px");
        }
    }
}

/// The titles of the events that pass `matches` and stand in the window of `scale`, points and
/// spans, none of them labelled in `s`.
fn unnamed<'a>(
    data: &'a Chronology,
    index: &TimelineIndex,
    matches: &[bool],
    scale: &TimeScale,
    s: &Scene,
) -> Vec<&'a str> {
    let titles: HashSet<&str> = data.events.iter().map(|e| e.title.as_str()).collect();
    let drawn: HashSet<String> = labels(s, &titles).into_iter().collect();
    index
        .visible_points(scale.start, scale.end)
        .chain(index.visible_spans(scale.start, scale.end))
        .filter(|&i| matches[i])
        .map(|i| data.events[i].title.as_str())
        .filter(|title| !drawn.contains(*title))
        .collect()
}

/// 2014 grouped by phase: one group has events in view, and they get the lanes they would have
/// ungrouped, every one named (they were four lanes, two naval exercises and Rasmussen's speech
/// bare marks under three groups with nothing in view), in the drawing of a page 1280 px wide.
#[test]
fn a_group_alone_in_view_has_the_whole_drawing_s_lanes() {
    let (data, index) = brief();
    let scale = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 926.0);
    let (s, grouping) = by_phase(&data, &index, &scale);
    let matches = vec![true; data.events.len()];
    let input = grouped_input(&data, &index, &matches, &grouping);
    let in_view = index.visible_points(scale.start, scale.end).count();
    assert!(in_view >= 8, "{in_view}");
    assert_eq!(
        unnamed(&data, &index, &matches, &scale, &s),
        Vec::<&str>::new()
    );
    assert_eq!(folded(&s), 0);
    assert_eq!(input.options(&scale).points, LAYOUT_OPTIONS.points);
}

/// Afghanistan and Piracy side by side (group by domain, the window fitted to them, a drawing
/// 1280 px wide; on a page 1280 px wide, two of the 25 stay bare marks, against eleven):
/// the two groups share the drawing's lanes, and every event of either is named.
#[test]
fn two_groups_in_view_share_the_lanes_and_name_every_event() {
    let (data, index) = brief();
    let mut filter = Filter::default();
    filter.domains.insert("afghanistan".into());
    filter.domains.insert("piracy".into());
    let matches = matching(&data, &search_haystacks(&data), &filter);
    let v = Viewport::fit_events(&index, |i| matches[i], &limits(&index)).unwrap();
    let scale = TimeScale::new(v.start, v.end, 1280.0);
    let (s, grouping) = grouped_scene(
        &data,
        &index,
        &filter,
        GroupBy::Domain,
        &BTreeSet::new(),
        &scale,
    );
    let input = grouped_input(&data, &index, &matches, &grouping);
    assert_eq!(
        unnamed(&data, &index, &matches, &scale, &s),
        Vec::<&str>::new()
    );
    let options = input.options(&scale);
    assert_eq!(options.points.labelled, LAYOUT_OPTIONS.points.labelled / 2);
}

/// Every group with events in view (the default view by domain): each keeps the grouped
/// drawing's few lanes, so that sixteen groups stack in a drawing of sensible height.
#[test]
fn many_groups_in_view_keep_a_few_lanes_each() {
    let (data, index) = brief();
    let scale = fit_all(&index, 1280.0);
    let filter = Filter::default();
    let matches = vec![true; data.events.len()];
    let (s, grouping) = grouped_scene(
        &data,
        &index,
        &filter,
        GroupBy::Domain,
        &BTreeSet::new(),
        &scale,
    );
    let input = grouped_input(&data, &index, &matches, &grouping);
    let options = input.options(&scale);
    assert_eq!(options.points, GROUP_LAYOUT_OPTIONS.points);
    assert_eq!(options.spans, GROUP_LAYOUT_OPTIONS.spans);
    // The ungrouped drawing's lanes for each of the groups would be taller by far.
    let laid = input.lay_out(&scale, None);
    for layout in &laid {
        assert!(
            layout.points.lanes <= GROUP_LAYOUT_OPTIONS.points.max + 1,
            "{layout:?}"
        );
    }
    assert!(s.groups.len() >= 10, "{}", s.groups.len());
}

/// On a phone (a drawing 350 px wide), every lane's heading is whole, fold mark, name and count,
/// on one line or two inside the drawing ("Establishment of formal relations and the… (16)" was
/// cut), and a header in two lines is that much taller, its lanes below it. In a drawing too
/// narrow for two lines, a long name is cut at a word with an ellipsis, and the count stays.
#[test]
fn a_lane_heading_is_whole_on_one_line_or_two_and_keeps_its_count() {
    let (data, index) = brief();
    let headings = |width: f64| {
        let scale = fit_all(&index, width);
        let (s, grouping) = by_phase(&data, &index, &scale);
        let lines = texts_in(&s, Font::Group);
        assert_eq!(s.groups.len(), grouping.groups.len());
        let mut out = Vec::new();
        for (strip, group) in s.groups.iter().zip(&grouping.groups) {
            let own: Vec<&str> = lines
                .iter()
                .filter(|(y, _)| *y > strip.y && *y < strip.y + strip.h)
                .map(|&(_, t)| t)
                .collect();
            assert!(!own.is_empty() && own.len() <= 2, "{own:?}");
            for line in &own {
                assert!(
                    6.0 + super::super::paint::heading_width(line) <= width - 6.0,
                    "{line}"
                );
            }
            // A header in two lines is taller by a line, and its lanes start below it.
            let expected = GROUP_HEADER_HEIGHT + (own.len() as f64 - 1.0) * GROUP_HEADING_LINE;
            assert_eq!(strip.h, expected, "{own:?}");
            let below = s
                .targets
                .iter()
                .filter(|t| t.y >= strip.y && t.y < strip.end_y);
            for t in below.filter(|t| matches!(t.kind, TargetKind::Mark { .. })) {
                assert!(t.y >= strip.y + strip.h, "{t:?} under {own:?}");
            }
            let tail = format!(" ({})", group.count);
            let text = own.join(" ");
            assert!(text.ends_with(&tail), "{text}");
            let name = text
                .trim_start_matches(['▾', '▸', ' '])
                .trim_end_matches(&tail)
                .to_string();
            out.push((own.len(), name, group.label.clone()));
        }
        out
    };
    let phone = headings(350.0);
    for (_, name, label) in &phone {
        assert_eq!(name, label, "whole on a phone");
    }
    assert!(phone.iter().any(|(lines, ..)| *lines == 2), "{phone:?}");
    assert!(phone.iter().any(|(lines, ..)| *lines == 1), "{phone:?}");
    let desktop = headings(1200.0);
    assert!(
        desktop.iter().all(|(lines, n, l)| *lines == 1 && n == l),
        "{desktop:?}"
    );
    // Too narrow for two lines: one, the name cut at a word.
    let narrow = headings(150.0);
    let cut: Vec<_> = narrow.iter().filter(|(_, n, _)| n.contains('…')).collect();
    assert!(!cut.is_empty(), "{narrow:?}");
    for (lines, name, label) in cut {
        let kept = name.trim_end_matches('…');
        assert!(*lines == 1 && label.starts_with(kept), "{name} of {label}");
    }
}

/// Filtered to a phase with nothing in the window and the others drawn faint: the faint events'
/// groups share the lanes as matching ones would (counted as none, every group took the whole
/// drawing's lanes for its faint events: a grouped drawing taller than the ungrouped one).
#[test]
fn faint_events_share_the_lanes_as_matching_ones_do() {
    let (data, index) = brief();
    let mut filter = Filter::default();
    filter.phases.insert("informal-contacts".into());
    let matches = matching(&data, &search_haystacks(&data), &filter);
    let grouping =
        Grouping::new(&data, GroupBy::Domain, &matches, &filter, &BTreeSet::new()).unwrap();
    let input = SceneInput {
        dim: true,
        ..grouped_input(&data, &index, &matches, &grouping)
    };
    let scale = TimeScale::new(day(2000, 1, 1), day(2020, 1, 1), 1280.0);
    assert!(index
        .visible_points(scale.start, scale.end)
        .all(|i| !matches[i]));
    let options = input.options(&scale);
    assert_eq!(options.points, GROUP_LAYOUT_OPTIONS.points);
    assert_eq!(options.spans, GROUP_LAYOUT_OPTIONS.spans);
}

/// A pan through 2000–2016 in lanes by domain, four years in view at 1280 px, a thirtieth of
/// the window a step: each step's scene as built (keeping nothing) and as built during the
/// gesture (keeping the lanes of the step before).
fn pan_by_domain(keep: bool) -> Vec<Scene> {
    let (data, index) = brief();
    let matches = vec![true; data.events.len()];
    let grouping = Grouping::new(
        &data,
        GroupBy::Domain,
        &matches,
        &Filter::default(),
        &BTreeSet::new(),
    )
    .unwrap();
    let input = grouped_input(&data, &index, &matches, &grouping);
    let span = day(2004, 1, 1) - day(2000, 1, 1);
    let mut scenes: Vec<Scene> = Vec::new();
    for step in 0..=12 * 30 {
        let start = day(2000, 1, 1) + f64::from(step) * span / 30.0;
        let scale = TimeScale::new(start, start + span, 1280.0);
        let kept = match scenes.last() {
            Some(last) if keep => last.lanes.clone(),
            _ => Vec::new(),
        };
        scenes.push(Scene::build_keeping(&input, &scale, &kept));
    }
    scenes
}

/// Where each group's heading stands, top to bottom.
fn headings(s: &Scene) -> Vec<(String, f64)> {
    s.groups.iter().map(|g| (g.label.clone(), g.y)).collect()
}

/// While a pan goes on, no group's heading moves up (the lanes it kept stay; a group that
/// needs more grows, which moves those below it down): without that, headings jumped up and
/// back down as the events in view came and went.
#[test]
fn a_pan_in_lanes_never_moves_a_heading_up() {
    let moved_up = |scenes: &[Scene]| {
        scenes
            .windows(2)
            .filter(|w| {
                let (before, after) = (headings(&w[0]), headings(&w[1]));
                before.len() == after.len()
                    && before
                        .iter()
                        .zip(&after)
                        .any(|((a, y0), (b, y1))| a == b && y1 < y0)
            })
            .count()
    };
    let free = pan_by_domain(false);
    assert!(
        moved_up(&free) > 0,
        "the pan without kept lanes moves a heading up (else this test shows nothing)"
    );
    let kept = pan_by_domain(true);
    assert_eq!(moved_up(&kept), 0);
    // What is drawn in each window is the same either way: only where the blocks stand differs.
    for (a, b) in free.iter().zip(&kept) {
        let marks = |s: &Scene| s.marks().map(|(i, _)| i).collect::<BTreeSet<_>>();
        assert_eq!(marks(a), marks(b));
        assert!(b.height >= a.height);
        assert!(b
            .lanes
            .iter()
            .zip(&a.lanes)
            .all(|(k, f)| k.points >= f.points && k.spans >= f.spans));
    }
}

/// Kept lanes of other blocks (a grouping that changed) are not applied, and keeping none is
/// building as usual.
#[test]
fn kept_lanes_apply_only_to_the_same_blocks() {
    let (data, index) = brief();
    let scale = fit_all(&index, 1000.0);
    let (s, grouping) = by_phase(&data, &index, &scale);
    let matches = vec![true; data.events.len()];
    let input = grouped_input(&data, &index, &matches, &grouping);
    assert_eq!(Scene::build_keeping(&input, &scale, &[]), s);
    let tall = BlockLanes {
        points: 12,
        spans: 9,
    };
    let other = vec![tall; s.lanes.len() + 1];
    assert_eq!(Scene::build_keeping(&input, &scale, &other), s);
    let same = vec![tall; s.lanes.len()];
    let kept = Scene::build_keeping(&input, &scale, &same);
    assert!(kept.lanes.iter().all(|l| l.points >= 12 && l.spans >= 9));
    assert!(kept.height > s.height);
}

/// The axis kept in sight over a tall drawing paints the scene's backdrop alone (not every item
/// of a scene of thousands): the backdrop holds the axis, its years and ticks, and nothing after
/// it reaches the axis's rows; ungrouped and in lanes by domain, at a phone's width and a
/// desktop's, with an event selected.
#[test]
fn the_backdrop_is_all_the_axis_rows_hold() {
    let (data, index) = brief();
    let axis = Rows {
        top: 0.0,
        bottom: AXIS_HEIGHT,
    };
    for width in [360.0, 1280.0] {
        let scale = fit_all(&index, width);
        let everything = vec![true; data.events.len()];
        let plain = scene(&data, &index, &scale, &everything, false, Some(3));
        let (grouped, _) = grouped_scene(
            &data,
            &index,
            &Filter::default(),
            GroupBy::Domain,
            &BTreeSet::new(),
            &scale,
        );
        for s in [plain, grouped] {
            assert!(s.backdrop > 0 && s.backdrop < s.items.len());
            let backdrop = &s.items[..s.backdrop];
            let years: Vec<&str> = backdrop
                .iter()
                .filter_map(|i| match &i.prim {
                    Prim::Text { text, y, .. } if *y < AXIS_HEIGHT => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert!(years.iter().any(|t| t.starts_with("199")), "{years:?}");
            let later: Vec<&Item> = s.items[s.backdrop..]
                .iter()
                .filter(|i| axis.reach(&i.prim))
                .collect();
            assert!(later.is_empty(), "{width}: {later:?}");
            assert!(s
                .callout
                .as_ref()
                .is_none_or(|c| c.items.iter().all(|i| !axis.reach(&i.prim))));
        }
    }
}
