//! Story mode: starting a story, stepping through its scenes, links to scenes, leaving.

use super::*;
use crate::core::story::ScenePosition;
use crate::core::url_state::ViewState;

fn touring() -> State {
    after(&state(), Action::StartStory(0))
}

fn scene_of(s: &State) -> &crate::core::dataset::StoryScene {
    s.story_scene().expect("a scene is shown").1
}

#[test]
fn start_story_shows_the_first_scene_its_events_and_eases_to_its_window() {
    let s = touring();
    assert_eq!(
        s.story.map(|t| t.position),
        Some(ScenePosition { story: 0, scene: 0 })
    );
    let scene = scene_of(&s);
    assert_eq!(s.filtering.match_count, scene.view.highlight.len());
    assert!(s.filtering.dim, "the other events stay as context");
    let (from, to) = scene.view.window.days();
    let target = s.window.target();
    assert!(
        (target.start - from).abs() < 1.0 && (target.end - to).abs() < 1.0,
        "{target:?}"
    );
    assert!(s.window.animation.is_some(), "it eases there");
    assert!(reduce(&state(), Action::StartStory(99)).is_none());
}

#[test]
fn next_and_previous_scene_step_through_the_story_and_stop_at_its_ends() {
    let s = touring();
    assert!(
        reduce(&s, Action::PreviousScene).is_none(),
        "nothing before the first"
    );
    let second = after(&s, Action::NextScene);
    assert_eq!(second.story.unwrap().position.scene, 1);
    assert_ne!(
        second.window.target(),
        s.window.target(),
        "the window moves"
    );
    assert_eq!(
        after(&second, Action::PreviousScene)
            .story
            .unwrap()
            .position
            .scene,
        0
    );
    let scenes = s.chronology.data.stories[0].scenes.len();
    let last = after(&s, Action::GoToScene(scenes - 1));
    assert!(
        reduce(&last, Action::NextScene).is_none(),
        "nothing after the last"
    );
    assert!(reduce(&last, Action::GoToScene(scenes - 1)).is_none());
    assert!(reduce(&last, Action::GoToScene(scenes + 5)).is_none());
    assert!(
        reduce(&state(), Action::NextScene).is_none(),
        "no story, no scene"
    );
}

#[test]
fn the_link_names_the_story_and_the_scene() {
    let s = after(&touring(), Action::NextScene);
    let s = after(&s, Action::Frame(0.0));
    let s = after(&s, Action::Frame(1e9));
    let view = s.view_state();
    let scene = scene_of(&s);
    assert_eq!(
        view.story.as_deref(),
        Some(s.chronology.data.stories[0].id.as_str())
    );
    assert_eq!(view.scene.as_deref(), Some(scene.id.as_str()));
    assert_eq!(
        view.window, None,
        "the scene's own window goes without saying"
    );
    assert!(
        view.filter.is_empty(),
        "the scene's filter goes without saying"
    );
}

#[test]
fn a_link_to_scene_five_opens_it_and_back_returns_to_four() {
    let story = state().chronology.data.stories[0].id.clone();
    let link = |scene: &str| ViewState {
        story: Some(story.clone()),
        scene: Some(scene.into()),
        ..ViewState::default()
    };
    let five = after(&state(), Action::ApplyView(link("5")));
    assert_eq!(five.story.unwrap().position.scene, 4);
    assert!(five.chrome.notices.is_empty(), "{:?}", five.chrome.notices);
    let four_id = five.chronology.data.stories[0].scenes[3].id.clone();
    let four = after(&five, Action::ApplyView(link(&four_id)));
    assert_eq!(four.story.unwrap().position.scene, 3);
    let (from, to) = scene_of(&four).view.window.days();
    assert!(
        (four.window.viewport.start - from).abs() < 1.0
            && (four.window.viewport.end - to).abs() < 1.0
    );
}

#[test]
fn back_past_the_start_of_the_story_ends_it() {
    let s = touring();
    let before = after(&s, Action::ApplyView(ViewState::default()));
    assert_eq!(before.story, None);
    assert!(before.filtering.filter.is_empty());
    assert_eq!(before.filtering.match_count, before.len());
}

/// A scene sets its own filters: a link that asks for others is told so, by name, once. A scene
/// without lanes of its own shows the reader's, those its link names, folds and all (as the
/// app's own link of such a scene writes them).
#[test]
fn a_scene_link_says_which_of_its_other_parameters_it_ignores() {
    let data = &state().chronology.data;
    let story = &data.stories[0];
    let plain = story
        .scenes
        .iter()
        .find(|c| c.view.group_by.is_none())
        .expect("a scene without lanes");
    let mut filter = crate::core::query::Filter::default();
    filter.domains.insert("cyber".into());
    filter.text = "abe".into();
    let view = ViewState {
        story: Some(story.id.clone()),
        scene: Some(plain.id.clone()),
        group: crate::core::grouping::GroupBy::Domain,
        folded: ["piracy".to_string()].into(),
        filter,
        ..ViewState::default()
    };
    let s = after(&state(), Action::ApplyView(view));
    assert!(s.story.is_some());
    let notices: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        ["A story's scene sets its own filters and lanes: ignored domain=, q= in the link."]
    );
    assert!(!s.filtering.filter.domains.contains("cyber"));
    assert_eq!(s.lanes.by, crate::core::grouping::GroupBy::Domain);
    assert!(s.lanes.collapsed().contains("piracy"));
    // The link the page then writes is the one it was opened with, less what was ignored.
    let link = crate::core::url_state::to_query(&s.view_state());
    assert!(
        link.contains("group=domain") && link.contains("fold=piracy"),
        "{link}"
    );
    // A scene with lanes of its own keeps them: another group= is said to be ignored.
    let grouped = story
        .scenes
        .iter()
        .find(|c| c.view.group_by.is_some())
        .expect("a scene with lanes");
    let other = if grouped.view.group_by == Some(crate::core::grouping::GroupBy::Phase) {
        crate::core::grouping::GroupBy::Domain
    } else {
        crate::core::grouping::GroupBy::Phase
    };
    let s = after(
        &state(),
        Action::ApplyView(ViewState {
            story: Some(story.id.clone()),
            scene: Some(grouped.id.clone()),
            group: other,
            ..ViewState::default()
        }),
    );
    assert_eq!(Some(s.lanes.by), grouped.view.group_by);
    let notices: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        ["A story's scene sets its own filters and lanes: ignored group= in the link."]
    );
}

#[test]
fn a_link_to_a_missing_story_says_so_and_opens_the_chronology() {
    let view = ViewState {
        story: Some("no-such-story".into()),
        ..ViewState::default()
    };
    let s = after(&state(), Action::ApplyView(view));
    assert_eq!(s.story, None);
    assert!(s
        .chrome
        .notices
        .iter()
        .any(|n| n.to_string().contains("'no-such-story'")));
}

#[test]
fn leave_story_keeps_the_view_to_explore_from() {
    let s = after_all(&state(), [Action::StartStory(0), Action::GoToScene(6)]);
    let s = after_all(&s, [Action::Frame(0.0), Action::Frame(1e9)]);
    let scene = scene_of(&s).clone();
    let window = s.window.viewport;
    let left = after(&s, Action::LeaveStory);
    assert_eq!(left.story, None);
    assert_eq!(left.window.viewport, window, "the window stays");
    assert!(
        left.filtering.filter.events.is_empty(),
        "every event shows again"
    );
    let domains: Vec<&String> = left.filtering.filter.domains.iter().collect();
    let expected: Vec<&String> = scene.view.filters.domains.iter().collect();
    assert_eq!(domains, expected, "the scene's facets stay");
    assert!(!left.filtering.dim, "the reader's own dimming is back");
    assert!(reduce(&left, Action::LeaveStory).is_none());
}

/// Escape in the story's panel with an event's details open (opened from the scene's list)
/// closes the details, and the story goes on; a second Escape leaves it. (It left the story
/// at once, the details still open.)
#[test]
fn escape_in_a_story_closes_the_details_first() {
    let s = after_all(&state(), [Action::StartStory(0), Action::GoToScene(6)]);
    let event = scene_of(&s).view.highlight[0].clone();
    let i = s
        .chronology
        .data
        .events
        .iter()
        .position(|e| e.id == event)
        .unwrap();
    let reading = after(&s, Action::Select(Some(i)));
    assert_eq!(reading.selected, Some(i));
    let closed = after(&reading, Action::Dismiss);
    assert_eq!(closed.selected, None, "the details close");
    assert_eq!(closed.story, reading.story, "the story goes on");
    let left = after(&closed, Action::Dismiss);
    assert_eq!(left.story, None, "then it leaves the story");
    assert!(reduce(&left, Action::Dismiss).is_none(), "then nothing");
    // Outside a story, Escape on the page closes the details.
    let plain = after(&state(), Action::Select(Some(3)));
    assert_eq!(after(&plain, Action::Dismiss).selected, None);
}

/// Escape on the timeline is the same Escape: it leaves a story once nothing else is open (it
/// did nothing there, the focus on the drawing), a badge's list closing first.
#[test]
fn escape_on_the_timeline_closes_what_is_open_then_leaves_the_story() {
    use crate::core::keys::{command, Scope};
    let escape = command(Scope::Timeline, "Escape", false)
        .and_then(Action::for_command)
        .expect("Escape does something on the timeline");
    let s = after_all(&state(), [Action::StartStory(0), Action::GoToScene(6)]);
    // A badge's list open over the scene (as one opens at the closest zoom).
    let mut listing = s.clone();
    listing.chrome.cluster_list = Some(vec![0, 1]);
    let closed = after(&listing, escape.clone());
    assert!(
        closed.chrome.cluster_list.is_none(),
        "the badge's list closes"
    );
    assert!(closed.story.is_some(), "the story goes on");
    let left = after(&s, escape.clone());
    assert_eq!(left.story, None, "Escape on the timeline leaves the story");
    // Outside a story, it closes the details, as before.
    let plain = after(&state(), Action::Select(Some(3)));
    assert_eq!(after(&plain, escape).selected, None);
}

/// A lane folded in a scene with lanes of its own travels in the scene's link.
#[test]
fn a_lane_folded_in_a_scene_travels_in_its_link() {
    let s = touring();
    let story = &s.chronology.data.stories[0];
    let scene = story
        .scenes
        .iter()
        .position(|sc| sc.view.group_by.is_some())
        .expect("a scene with lanes of its own");
    let s = after(&s, Action::GoToScene(scene));
    let key = (*s.lanes.grouping).as_ref().unwrap().groups[0].key.clone();
    let folded = after(&s, Action::ToggleGroup(key.clone()));
    let view = folded.view_state();
    assert!(view.folded.contains(&key), "{view:?}");
    let q = crate::core::url_state::to_query(&view);
    let (parsed, _) = crate::core::url_state::parse(&q);
    let opened = after(&state(), Action::ApplyView(parsed));
    assert!(opened.story.is_some());
    let group = &(*opened.lanes.grouping).as_ref().unwrap().groups[0];
    assert_eq!(group.key, key);
    assert!(group.collapsed, "{q}");
}

#[test]
fn a_new_chronology_ends_the_story() {
    let s = after(&touring(), imported(None, vec![]));
    assert_eq!(s.story, None);
}

#[test]
fn changing_the_filter_during_a_story_leaves_it_with_its_view() {
    let s = after_all(
        &state(),
        [
            Action::StartStory(0),
            Action::Frame(0.0),
            Action::Frame(1e9),
        ],
    );
    let window = s.window.viewport;
    let searched = after(&s, Action::SetSearch("abe".into()));
    assert_eq!(searched.story, None);
    assert!(searched.filtering.filter.events.is_empty());
    assert_eq!(searched.filtering.filter.text, "abe");
    let cleared = after(&s, Action::ClearFilters);
    assert_eq!(cleared.story, None);
    assert_eq!(cleared.filtering.match_count, cleared.len());
    assert_eq!(after(&s, Action::SetDim(false)).story, None);
    assert_eq!(
        after(&s, Action::SetFollow(false)).window.viewport,
        window,
        "other settings keep the story"
    );
}

#[test]
fn leaving_a_story_gives_back_the_readers_lanes() {
    use crate::core::grouping::GroupBy;
    // A scene sets lanes by third party; the reader had none.
    let s = after_all(&state(), [Action::StartStory(0), Action::GoToScene(8)]);
    assert_eq!(s.lanes.by, GroupBy::Party, "the scene's own lanes");
    // The next scene has none of its own: the reader's, as when a link opens it.
    let next = after(&s, Action::NextScene);
    assert_eq!(
        next.lanes.by,
        GroupBy::None,
        "the next scene shows the reader's lanes"
    );
    let back = after(&next, Action::PreviousScene);
    assert_eq!(
        back.lanes.by,
        GroupBy::Party,
        "and the scene's own again on the way back"
    );
    let left = after(&s, Action::LeaveStory);
    assert_eq!(left.lanes.by, GroupBy::None, "the reader's lanes are back");
    assert!(left.lanes.grouping.is_none(), "one block of lanes again");
    // Lanes the reader chose during the story are theirs, and stay.
    let s = after_all(
        &state(),
        [
            Action::StartStory(0),
            Action::SetGroupBy(GroupBy::Domain),
            Action::GoToScene(8),
            Action::GoToScene(9),
            Action::LeaveStory,
        ],
    );
    assert_eq!(s.lanes.by, GroupBy::Domain);
}

/// Back and Forward between scenes (their links, as the app wrote them) keep what the reader had
/// before the story: leaving it then gives back their dimming and lanes, not the last scene's.
#[test]
fn back_and_forward_in_a_story_keep_the_readers_dimming_and_lanes() {
    use crate::core::grouping::GroupBy;
    let reader = state();
    assert!(!reader.filtering.dim);
    assert_eq!(reader.lanes.by, GroupBy::None);
    // Scene 9 sets lanes by third party; scene 10 has none of its own.
    let nine = after_all(&reader, [Action::StartStory(0), Action::GoToScene(8)]);
    let ten = after(&nine, Action::NextScene);
    let back = after(&ten, Action::ApplyView(nine.view_state()));
    assert_eq!(back.story.unwrap().position.scene, 8, "Back shows scene 9");
    assert!(back.filtering.dim, "a scene dims the rest");
    let left = after(&back, Action::LeaveStory);
    assert!(!left.filtering.dim, "the reader's dimming is back");
    assert_eq!(left.lanes.by, GroupBy::None, "and the reader's lanes");
    let forward = after(&back, Action::ApplyView(ten.view_state()));
    assert_eq!(
        forward.story.unwrap().position.scene,
        9,
        "Forward shows scene 10"
    );
    let left = after(&forward, Action::LeaveStory);
    assert!(!left.filtering.dim);
    assert_eq!(left.lanes.by, GroupBy::None);
}

#[test]
fn a_scenes_files_are_named_after_it_and_hold_its_events() {
    let scenes = &state().chronology.data.stories[0].scenes;
    let n = scenes
        .iter()
        .position(|c| c.id == "take-off-2007")
        .expect("the brief's story has the 2007 scene");
    let s = after_all(&state(), [Action::StartStory(0), Action::GoToScene(n)]);
    assert_eq!(
        s.file_stem(false),
        "japan-nato-relations-a-chronology-take-off-2007"
    );
    let s = after_all(&s, [Action::Frame(0.0), Action::Frame(1e9)]);
    assert_eq!(
        s.file_stem(true),
        "japan-nato-relations-a-chronology-take-off-2007-2006-2010",
        "a picture's name has the scene and its window's years"
    );
    // What its downloads hold: the events it highlights, no others.
    let shown: Vec<&str> = (0..s.chronology.data.events.len())
        .filter(|&i| s.passes(i))
        .map(|i| s.chronology.data.events[i].id.as_str())
        .collect();
    let mut wanted: Vec<&str> = scene_of(&s)
        .view
        .highlight
        .iter()
        .map(|h| h.as_str())
        .collect();
    wanted.sort_unstable();
    let mut got = shown.clone();
    got.sort_unstable();
    assert_eq!(got, wanted);
    // Leaving the story, the files are the chronology's again.
    let left = after(&s, Action::LeaveStory);
    assert_eq!(left.file_stem(false), "japan-nato-relations-a-chronology");
}

/// With the reader's lanes by domain, a scene's dimmed context filled the lanes none of whose
/// events it is about, its own lanes below the screen (zoomed in, or on a phone): those are
/// folded to their header while the scene shows, opened one by one at the reader's asking, and
/// all open again at the next scene and once the story ends.
#[test]
fn in_a_story_the_lanes_without_the_scene_s_events_are_folded_until_opened() {
    use crate::core::grouping::GroupBy;
    let lanes = |s: &State| -> Vec<(String, usize, bool)> {
        (*s.lanes.grouping)
            .as_ref()
            .expect("lanes")
            .groups
            .iter()
            .map(|g| (g.key.clone(), g.count, g.collapsed))
            .collect()
    };
    let s = after_all(
        &state(),
        [Action::SetGroupBy(GroupBy::Domain), Action::StartStory(0)],
    );
    let shown = lanes(&s);
    assert!(shown.iter().any(|l| l.1 > 0) && shown.iter().any(|l| l.1 == 0));
    for (key, count, collapsed) in &shown {
        assert_eq!(
            *collapsed,
            *count == 0,
            "{key}: {count} of the scene's events"
        );
    }
    // The reader opens a quiet lane: it opens (for this scene), the others stay folded.
    let quiet = shown.iter().find(|l| l.1 == 0).unwrap().0.clone();
    let opened = after(&s, Action::ToggleGroup(quiet.clone()));
    for (key, count, collapsed) in lanes(&opened) {
        assert_eq!(collapsed, count == 0 && key != quiet, "{key}");
    }
    assert!(
        after(&opened, Action::ToggleGroup(quiet.clone()))
            .lanes
            .grouping
            .as_ref()
            .as_ref()
            .unwrap()
            .groups
            .iter()
            .any(|g| g.key == quiet && g.collapsed),
        "and folds again"
    );
    // A lane of the scene's events folds as always (and its fold is the reader's, kept).
    let busy = shown.iter().find(|l| l.1 > 0).unwrap().0.clone();
    let folded = after(&s, Action::ToggleGroup(busy.clone()));
    assert!(folded.lanes.collapsed().contains(&busy));
    // The next scene: its own quiet lanes, none opened.
    let next = after(&opened, Action::NextScene);
    for (key, count, collapsed) in lanes(&next) {
        assert_eq!(collapsed, count == 0, "{key} in the next scene");
    }
    // The story left: every lane open, as the reader had them (none folded).
    let left = after(&opened, Action::LeaveStory);
    assert!(lanes(&left).iter().all(|l| !l.2), "{:?}", lanes(&left));
    assert!(left.lanes.story_opened.is_none());
}
