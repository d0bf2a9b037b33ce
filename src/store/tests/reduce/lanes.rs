//! Lanes, clusters and a window that follows the filters.

use super::*;
use crate::core::date::days_from_civil;
use crate::core::grouping::GroupBy;
use crate::core::query::Facet;
use crate::core::scene::TargetKind;
use crate::core::viewport::Viewport;

fn year(y: i32) -> f64 {
    days_from_civil(y, 1, 1) as f64
}

#[test]
fn filtering_to_piracy_eases_the_window_to_its_events() {
    let s = after(
        &state(),
        Action::ToggleFacet(Facet::Domain, "piracy".into()),
    );
    let to = s.window.target();
    assert!(s.window.animation.is_some(), "it eases there");
    assert!(to.start > year(2007) && to.start < year(2009), "{to:?}");
    assert!(to.end > year(2016) && to.end < year(2019), "{to:?}");
    // Fit all fits the matches too.
    let moved = after(
        &s,
        Action::SetViewport(Viewport::new(year(1980), year(1990))),
    );
    assert_eq!(after(&moved, Action::FitAll).window.target(), to);
    // Clearing the filter eases back to the whole chronology.
    let all = after(&s, Action::ClearFilters);
    assert_eq!(all.window.target(), all.chronology.fitted);
}

#[test]
fn set_follow_off_keeps_the_window_where_the_reader_put_it() {
    let s = after(&state(), Action::SetFollow(false));
    assert!(!s.window.follow);
    assert!(!s.view_state().follow, "and the link says so");
    let f = after(&s, Action::ToggleFacet(Facet::Domain, "piracy".into()));
    assert_eq!(f.window.target(), s.window.target());
    assert!(reduce(&f, Action::SetFollow(false)).is_none());
    // Turned on again, it follows at once.
    let on = after(&f, Action::SetFollow(true));
    assert!(on.window.target().start > year(2007));
}

#[test]
fn a_search_without_matches_leaves_the_window_alone() {
    let s = after(
        &state(),
        Action::SetViewport(Viewport::new(year(1990), year(2000))),
    );
    let none = after(&s, Action::SetSearch("zzzz no such thing".into()));
    assert_eq!(none.window.target(), s.window.target());
}

#[test]
fn group_by_domain_with_afghanistan_and_piracy_gives_two_lanes() {
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "afghanistan".into()),
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::SetGroupBy(GroupBy::Domain),
        ],
    );
    let grouping = (*s.lanes.grouping).as_ref().expect("grouped");
    let labels: Vec<&str> = grouping.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Afghanistan", "Piracy"]);
    assert_eq!(s.view_state().group, GroupBy::Domain);
    let strips: Vec<String> = s.drawing().groups.iter().map(|g| g.label.clone()).collect();
    assert_eq!(
        strips,
        ["Afghanistan", "Piracy"],
        "the drawing has a lane block each"
    );
    assert!(reduce(&s, Action::SetGroupBy(GroupBy::Domain)).is_none());
    let none = after(&s, Action::SetGroupBy(GroupBy::None));
    assert!(none.lanes.grouping.is_none());
}

#[test]
fn toggle_group_collapses_and_expands_a_lane() {
    let s = after_all(
        &state(),
        [
            Action::SetGroupBy(GroupBy::Phase),
            Action::ToggleGroup("second-abe".into()),
        ],
    );
    let grouping = (*s.lanes.grouping).as_ref().unwrap();
    let abe = grouping
        .groups
        .iter()
        .find(|g| g.key == "second-abe")
        .unwrap();
    assert!(abe.collapsed);
    let open = after(&s, Action::ToggleGroup("second-abe".into()));
    let grouping = (*open.lanes.grouping).as_ref().unwrap();
    assert!(!grouping.groups.iter().any(|g| g.collapsed));
}

#[test]
fn unfold_lanes_opens_every_folded_lane_of_the_grouping_and_only_those() {
    let s = after_all(
        &state(),
        [
            Action::SetGroupBy(GroupBy::Phase),
            Action::ToggleGroup("second-abe".into()),
            Action::SetGroupBy(GroupBy::Domain),
            Action::ToggleGroup("afghanistan".into()),
            Action::ToggleGroup("piracy".into()),
        ],
    );
    assert_eq!(folded_lanes(&s), ["afghanistan", "piracy"]);
    let grouping = |s: &State| (*s.lanes.grouping).clone().unwrap();
    assert!(
        !grouping(&s).every_lane_with_events_folded(),
        "other domains' lanes are open"
    );
    let narrowed = after_all(
        &s,
        [
            Action::ToggleFacet(Facet::Domain, "afghanistan".into()),
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
        ],
    );
    assert!(
        grouping(&narrowed).every_lane_with_events_folded(),
        "filtered to the two folded lanes, every lane with events is folded"
    );
    let open = after(&s, Action::UnfoldLanes);
    assert!(folded_lanes(&open).is_empty());
    assert!(
        reduce(&open, Action::UnfoldLanes).is_none(),
        "nothing folded: nothing to do"
    );
    // The phases' folded lane is another grouping's: kept.
    let phases = after(&open, Action::SetGroupBy(GroupBy::Phase));
    assert_eq!(folded_lanes(&phases), ["second-abe"]);
    assert!(reduce(&state(), Action::UnfoldLanes).is_none(), "no lanes");
}

/// The keys of the lanes drawn folded.
fn folded_lanes(s: &State) -> Vec<&str> {
    (*s.lanes.grouping)
        .as_ref()
        .map(|g| {
            g.groups
                .iter()
                .filter(|g| g.collapsed)
                .map(|g| g.key.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// A folded lane travels in the link and comes back with it (a copied link, or a reload, opened
/// every lane again); one folded under another grouping is not written, and comes back with
/// its grouping.
#[test]
fn folded_lanes_travel_in_the_link() {
    let s = after_all(
        &state(),
        [
            Action::SetGroupBy(GroupBy::Domain),
            Action::ToggleGroup("cyber".into()),
            Action::ToggleGroup(crate::core::grouping::NO_VALUE_KEY.into()),
        ],
    );
    let view = s.view_state();
    let q = crate::core::url_state::to_query(&view);
    assert!(q.contains("group=domain&fold=%28none%29,cyber"), "{q}");
    let (parsed, notices) = crate::core::url_state::parse(&q);
    assert!(notices.is_empty(), "{notices:?}");
    let opened = after(&state(), Action::ApplyView(parsed));
    assert_eq!(
        folded_lanes(&opened),
        ["cyber", crate::core::grouping::NO_VALUE_KEY]
    );
    // Back to the link before the folds: every lane is open again.
    let (before, _) = crate::core::url_state::parse("?group=domain");
    let unfolded = after(&s, Action::ApplyView(before));
    assert!(unfolded.view_state().folded.is_empty());
    assert!(folded_lanes(&unfolded).is_empty());
    // By phase, the domains' folds are not written, nor is "No phase" folded with "No
    // domain"; back by domain, they are there.
    let by_phase = after(&s, Action::SetGroupBy(GroupBy::Phase));
    let q = crate::core::url_state::to_query(&by_phase.view_state());
    assert!(!q.contains("fold="), "{q}");
    assert!(folded_lanes(&by_phase).is_empty());
    let back = after(&by_phase, Action::SetGroupBy(GroupBy::Domain));
    assert_eq!(back.view_state().folded, view.folded);
    // A link folding a lane while by phase keeps the domains' folds for when they come back.
    let (by_phase_link, _) = crate::core::url_state::parse("?group=phase&fold=second-abe");
    let linked = after(&s, Action::ApplyView(by_phase_link));
    let back = after(&linked, Action::SetGroupBy(GroupBy::Domain));
    assert_eq!(back.view_state().folded, view.folded);
}

/// A hand-edited link folding lanes that are not there, or folding with no grouping, says what
/// it ignored.
#[test]
fn a_link_folding_no_such_lane_says_so() {
    let (view, _) = crate::core::url_state::parse("?group=domain&fold=cyber,no-such-domain");
    let mut s = state();
    let notices = s.apply_view(&view);
    assert_eq!(
        s.view_state().folded,
        ["cyber".to_string()].into_iter().collect()
    );
    assert!(
        notices
            .iter()
            .any(|n| format!("{n:?}").contains("'no-such-domain'")),
        "{notices:?}"
    );
    let (view, _) = crate::core::url_state::parse("?fold=cyber");
    let mut s = state();
    let notices = s.apply_view(&view);
    assert!(
        notices.iter().any(|n| format!("{n:?}").contains("group=")),
        "{notices:?}"
    );
}

/// A state over many events, zoomed out, with a `+N` badge drawn.
fn crowded() -> (State, Vec<usize>, Option<usize>, bool) {
    let s = State::new(
        Prepared::synthetic(3_000, &Estimate),
        Origin::Synthetic(3_000),
        Environment::default(),
    );
    let s = after(&s, Action::Resize(700.0));
    let scene = s.drawing();
    let (members, group, spans) = scene
        .targets
        .iter()
        .find_map(|t| match &t.kind {
            TargetKind::Cluster {
                members,
                group,
                spans,
                ..
            } => Some((members.clone(), *group, *spans)),
            _ => None,
        })
        .expect("a badge at this width");
    (s, members, group, spans)
}

#[test]
fn opening_a_cluster_zooms_in_never_out() {
    let (s, members, group, spans) = crowded();
    let before = s.window.target();
    let opened = after(
        &s,
        Action::OpenCluster {
            members: members.clone(),
            group,
            spans,
        },
    );
    match &opened.chrome.cluster_list {
        None => {
            let to = opened.window.target();
            assert!(to.span() < before.span(), "{to:?} within {before:?}");
            assert!(to.start >= before.start - 1e-6 && to.end <= before.end + 1e-6);
        }
        Some(listed) => assert_eq!(listed, &members),
    }
}

#[test]
fn a_badge_too_crowded_to_spread_lists_its_events_until_one_is_chosen() {
    let (s, members, group, spans) = crowded();
    // The badge's events all on one day: no window spreads them.
    let mut data = (*s.chronology.data).clone();
    let day = data.events[members[0]].start;
    for &m in &members {
        data.events[m].start = day;
        data.events[m].end = None;
    }
    let prepared = Prepared::new(data, &Estimate);
    let s2 = State::new(prepared, Origin::Synthetic(3_000), Environment::default());
    let s2 = after(&s2, Action::Resize(700.0));
    let listed = after(
        &s2,
        Action::OpenCluster {
            members: members.clone(),
            group,
            spans,
        },
    );
    if let Some(list) = &listed.chrome.cluster_list {
        assert_eq!(list, &members);
        let chosen = after(&listed, Action::Select(Some(members[0])));
        assert_eq!(
            chosen.chrome.cluster_list, None,
            "choosing one closes the list"
        );
        let closed = after(&listed, Action::CloseClusterList);
        assert_eq!(closed.chrome.cluster_list, None);
        assert!(reduce(&closed, Action::CloseClusterList).is_none());
    } else {
        // Spread after all: then it zoomed in.
        assert!(listed.window.target().span() < s2.window.target().span());
    }
}
