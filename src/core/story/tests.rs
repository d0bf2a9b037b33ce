use super::*;
use crate::core::dataset::export::{filtered, to_json};
use crate::core::dataset::validate::validate;
use crate::core::dataset::{embedded, SceneFilters, SceneView};
use crate::core::import::import;

fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

/// A title slide and five slides, out of date order on purpose: a story keeps the file's.
const TIMELINE: &str = r#"{
      "title": {"text": {"headline": "NATO's partners", "text": "<p>Five moments</p>"}},
      "events": [
        {"start_date": {"year": 2007, "month": 1, "day": 12}, "text": {"headline": "Abe at NATO", "text": "<p>First visit</p>"}, "unique_id": "abe"},
        {"start_date": {"year": 1983}, "text": {"headline": "The bid"}},
        {"start_date": {"year": 2014, "month": 5}, "text": {"headline": "", "text": "The IPCP is signed"}, "unique_id": "ipcp"},
        {"start_date": {"year": 2001}, "end_date": {"year": 2010}, "text": {"headline": "Refuelling"}},
        {"start_date": {"year": 1991}, "text": {"headline": "Wörner"}, "unique_id": "title"}
      ]
    }"#;

#[test]
fn a_timelinejs_file_tells_its_slides_in_order_after_its_title() {
    let imported = import(TIMELINE.as_bytes(), "partners.json", false).unwrap();
    let c = &imported.chronology;
    assert!(validate(c).is_empty(), "{:?}", validate(c));
    let [story] = c.stories.as_slice() else {
        panic!("one story expected: {:?}", c.stories)
    };
    assert_eq!(story.id, "nato-s-partners");
    assert_eq!(story.title, "NATO's partners");
    let scenes: Vec<(&str, &str)> = story
        .scenes
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        scenes,
        [
            ("title", "NATO's partners"),
            ("abe", "Abe at NATO"),
            ("event-2", "The bid"),
            ("ipcp", "The IPCP is signed"),
            ("event-4", "Refuelling"),
            ("title-2", "Wörner"),
        ]
    );
    // The title scene shows everything and highlights nothing; its text is the file's. Its
    // window (the slides run from 1983 to May 2014) leaves a twentieth of that at either end,
    // in whole years: the first and last marks were cut in half at the drawing's edges.
    let title = &story.scenes[0];
    assert_eq!(title.text, "<p>Five moments</p>");
    assert!(title.view.highlight.is_empty());
    assert_eq!(
        (
            title.view.window.from.to_iso(),
            title.view.window.to.to_iso()
        ),
        ("1981".into(), "2016".into())
    );
    // Each slide's scene highlights its event, in a window around its date.
    let highlights: Vec<&[String]> = story.scenes[1..]
        .iter()
        .map(|s| s.view.highlight.as_slice())
        .collect();
    assert_eq!(
        highlights,
        [["abe"], ["event-2"], ["ipcp"], ["event-4"], ["title"]]
    );
    let abe = &story.scenes[1];
    assert_eq!(abe.text, "<p>First visit</p>");
    assert!(abe.quotes.is_empty());
    assert_eq!(abe.view.window, window_around(date("2007-01-12"), None));
    for scene in &story.scenes[1..] {
        let e = c
            .events
            .iter()
            .find(|e| e.id == scene.view.highlight[0])
            .unwrap();
        assert!(scene.view.window.overlaps(e.first_day(), e.end_day()));
    }
    // Kept through our own export and import.
    let back = import(to_json(c).as_bytes(), "back.json", false).unwrap();
    assert_eq!(back.chronology.stories, c.stories);
}

#[test]
fn a_timelinejs_file_without_a_title_slide_starts_at_its_first_slide() {
    let text = r#"{"events": [
          {"start_date": {"year": 2014}, "text": {"headline": "b"}},
          {"start_date": {"year": 1990}, "text": {"headline": "a"}}
        ]}"#;
    let c = import(text.as_bytes(), "two.json", false)
        .unwrap()
        .chronology;
    let titles: Vec<&str> = c.stories[0]
        .scenes
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["b", "a"]);
    assert_eq!(c.stories[0].title, "two");
}

#[test]
fn a_skipped_slide_takes_its_scene_with_it() {
    let text = r#"{"title": {"text": {"headline": "T"}}, "events": [
          {"start_date": {"year": 2001}, "text": {"headline": "kept"}},
          {"start_date": {"year": "19x4"}, "text": {"headline": "broken"}},
          {"start_date": {"year": 2002}, "text": {"headline": "also kept"}}
        ]}"#;
    let c = import(text.as_bytes(), "t.json", true).unwrap().chronology;
    assert!(validate(&c).is_empty());
    let titles: Vec<&str> = c.stories[0]
        .scenes
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["T", "kept", "also kept"]);
}

#[test]
fn a_timelinejs_sheet_tells_its_rows_in_order_after_its_title() {
    let csv = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n\
            ,,,,,,,,,Japan and NATO,The brief's arc,,,,,title,,\r\n\
            2007,,,,,,,,,Take-off,PRTs,,,,,,,\r\n\
            1979,,,,,,,,,Contacts,,,,,,,,\r\n\
            1990,,,,2001,,,,,Plateau,,,,,,era,,\r\n\
            2014,5,6,,,,,,,IPCP,,,,,,,,\r\n";
    let c = import(csv.as_bytes(), "sheet.csv", false)
        .unwrap()
        .chronology;
    assert!(validate(&c).is_empty(), "{:?}", validate(&c));
    let story = &c.stories[0];
    let scenes: Vec<(&str, &str, Vec<&str>)> = story
        .scenes
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.title.as_str(),
                s.view.highlight.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        scenes,
        [
            ("title", "Japan and NATO", vec![]),
            ("row-3", "Take-off", vec!["row-3"]),
            ("row-4", "Contacts", vec!["row-4"]),
            ("row-6", "IPCP", vec!["row-6"]),
        ]
    );
    assert_eq!(story.scenes[0].text, "The brief's arc");
    assert_eq!(story.scenes[1].text, "PRTs");
}

#[test]
fn a_story_loses_the_events_its_file_does_not_have_and_a_broken_one_is_refused() {
    let file = |stories: &str| {
        format!(
            r#"{{"title": "T", "events": [{{"id": "a", "start": "1990", "title": "A", "summary": ""}}],
                "stories": {stories}}}"#
        )
    };
    let good = r#"[{"id": "s", "title": "S", "scenes": [{"id": "one", "title": "One",
            "view": {"window": {"from": "1989", "to": "1991"}, "highlight": ["a"]}}]}]"#;
    let c = import(file(good).as_bytes(), "t.json", false)
        .unwrap()
        .chronology;
    assert_eq!(c.stories[0].scenes[0].view.highlight, ["a"]);

    // A scene about an event the file does not have goes, and a story left without scenes.
    let both = good.replace(r#"["a"]"#, r#"["a", "b"]"#);
    let c = import(file(&both).as_bytes(), "t.json", false)
        .unwrap()
        .chronology;
    assert_eq!(c.stories[0].scenes[0].view.highlight, ["a"]);
    let unknown = good.replace(r#"["a"]"#, r#"["b"]"#);
    let c = import(file(&unknown).as_bytes(), "t.json", false)
        .unwrap()
        .chronology;
    assert!(c.stories.is_empty());

    let backwards = good.replace(
        r#""from": "1989", "to": "1991""#,
        r#""from": "1991", "to": "1989""#,
    );
    let failure = import(file(&backwards).as_bytes(), "t.json", true).unwrap_err();
    let problems: Vec<String> = failure.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems.iter().any(|p| p.starts_with("story s, scene one")),
        "{problems:?}"
    );
    assert!(!failure.can_skip);

    let shapeless = good.replace(r#""scenes""#, r#""pages""#);
    let failure = import(file(&shapeless).as_bytes(), "t.json", false).unwrap_err();
    assert!(
        failure.problems[0]
            .to_string()
            .starts_with("story 1 (id 's'): unknown field `pages`"),
        "{:?}",
        failure.problems
    );
}

#[test]
fn the_window_around_a_date_is_one_step_coarser_and_centred_on_it() {
    let w = |s: &str, e: Option<&str>| {
        let w = window_around(date(s), e.map(date));
        (w.from.to_iso(), w.to.to_iso())
    };
    // A day: the fortnight either side (29 November 1814 showed November, at its right edge).
    assert_eq!(
        w("1814-11-29", None),
        ("1814-11-14".into(), "1814-12-14".into())
    );
    assert_eq!(
        w("2014-05-06", None),
        ("2014-04-21".into(), "2014-05-21".into())
    );
    // A month: six months either side, across a year's end too.
    assert_eq!(w("2014-05", None), ("2013-11".into(), "2014-11".into()));
    assert_eq!(w("1455-02", None), ("1454-08".into(), "1455-08".into()));
    assert_eq!(w("-0500-01", None), ("-0501-07".into(), "-0500-07".into()));
    assert_eq!(w("2007", None), ("2006".into(), "2008".into()));
    assert_eq!(
        w("2001-09-11", Some("2010")),
        ("2001-08-27".into(), "2011".into())
    );
    assert_eq!(w("1000000", None), ("Y999999".into(), "Y1000000".into()));
    // A date with unknown digits: around all it may mean ('199X' is the 1990s).
    assert_eq!(w("199X", None), ("1989".into(), "2000".into()));
    assert_eq!(w("19XX", None), ("1899".into(), "2000".into()));
    // Centred: the date's middle is the window's, to a day.
    for s in ["1814-11-29", "2014-05", "2007", "-0044-03-15"] {
        let d = date(s);
        let around = window_around(d, None);
        let middle = (around.from.first_day() + around.to.end_day()) as f64 / 2.0;
        assert!(
            (middle - d.mid_day()).abs() <= 1.0,
            "{s}: {middle} vs {}",
            d.mid_day()
        );
    }
}

#[test]
fn a_link_finds_its_scene_by_id_or_number_and_says_what_it_cannot_find() {
    let data = embedded().unwrap();
    let (at, notice) = locate(&data, "the-brief", Some("take-off-2007"));
    let at = at.unwrap();
    assert_eq!(notice, None);
    assert_eq!(at.ids(&data), Some(("the-brief", "take-off-2007")));
    let (fifth, _) = locate(&data, "the-brief", Some("5"));
    assert_eq!(fifth.unwrap().scene, 4);
    assert_eq!(
        locate(&data, "the-brief", None).0,
        start(&data, 0),
        "a story alone opens at its first scene"
    );
    let (first, notice) = locate(&data, "the-brief", Some("nope"));
    assert_eq!(first, start(&data, 0));
    assert!(notice.unwrap().contains("no scene 'nope'"));
    let (none, notice) = locate(&data, "other", Some("1"));
    assert_eq!(none, None);
    assert!(notice.unwrap().contains("story 'other'"));
}

#[test]
fn next_and_previous_step_through_one_story_and_stop_at_its_ends() {
    let data = embedded().unwrap();
    let first = start(&data, 0).unwrap();
    assert_eq!(first.previous(&data), None);
    assert_eq!(first.progress(&data), "Scene 1 of 11");
    let mut at = first;
    let mut seen = vec![at.scene];
    while let Some(next) = at.next(&data) {
        assert_eq!(next.previous(&data), Some(at));
        at = next;
        seen.push(at.scene);
    }
    assert_eq!(seen, (0..data.stories[0].scenes.len()).collect::<Vec<_>>());
    assert_eq!(start(&data, 1), None);
}

#[test]
fn a_scene_asks_for_its_window_filters_and_grouping() {
    let data = embedded().unwrap();
    let story = data.story("the-brief").unwrap();
    let parties = &story.scenes[story.scene_index("third-parties").unwrap()];
    let filter = scene_filter(parties);
    assert!(filter.third_parties.contains("china") && filter.domains.is_empty());
    assert_eq!(
        parties.view.group_by.and_then(|g| g.facet()),
        Some(crate::core::query::Facet::ThirdParty)
    );
    let take_off = &story.scenes[story.scene_index("take-off-2007").unwrap()];
    let only = scene_filter(take_off);
    assert!(only.domains.is_empty() && only.third_parties.is_empty() && only.phases.is_empty());
    assert!(only.events.contains("2007-prt-funding-initiative"));
    assert!(highlights(take_off, "2007-prt-funding-initiative"));
    let (from, to) = take_off.view.window.days();
    assert_eq!(
        (from, to),
        (
            date("2006").first_day() as f64,
            date("2010").end_day() as f64
        )
    );
    let mark = &take_off.annotations[0];
    assert!(from < mark.day() && mark.day() < to);
}

#[test]
fn a_filtered_export_keeps_its_stories_valid() {
    let data = embedded().unwrap();
    let piracy = filtered(&data, |i| {
        data.events[i].domains.iter().any(|d| d == "piracy")
    });
    assert!(validate(&piracy).is_empty(), "{:?}", validate(&piracy));
    let story = &piracy.stories[0];
    // The piracy scene stays whole; scenes about other events only are left out.
    let piracy_scene = story.scenes.iter().find(|s| s.id == "piracy").unwrap();
    let original = data.story("the-brief").unwrap();
    assert_eq!(
        Some(piracy_scene),
        original.scenes.iter().find(|s| s.id == "piracy")
    );
    assert!(story.scenes.iter().all(|s| s.id != "informal-contacts"));
    // With no event left, no story is left.
    assert!(filtered(&data, |_| false).stories.is_empty());
}

#[test]
fn leaving_out_events_keeps_scenes_that_highlight_nothing() {
    let scene = |id: &str, highlight: &[&str]| StoryScene {
        id: id.into(),
        title: id.into(),
        text: String::new(),
        quotes: vec![],
        view: SceneView {
            window: SceneWindow {
                from: date("2000"),
                to: date("2001"),
            },
            filters: SceneFilters::default(),
            group_by: None,
            highlight: highlight.iter().map(|s| s.to_string()).collect(),
        },
        annotations: vec![],
    };
    let mut stories = vec![Story {
        id: "s".into(),
        title: "S".into(),
        summary: String::new(),
        scenes: vec![
            scene("intro", &[]),
            scene("a", &["x", "y"]),
            scene("b", &["x"]),
        ],
    }];
    leave_out_events(&mut stories, &HashSet::from(["x"]));
    let left: Vec<(&str, usize)> = stories[0]
        .scenes
        .iter()
        .map(|s| (s.id.as_str(), s.view.highlight.len()))
        .collect();
    assert_eq!(left, [("intro", 0), ("a", 1)]);
}

/// A scene's events in time order, whatever order the story names them in (scene 11 names a
/// 2010–2019 trend after July 2018).
#[test]
fn a_scenes_events_are_in_time_order() {
    let data = embedded().unwrap();
    for scene in &data.stories[0].scenes {
        let events = scene_events(&data, scene);
        assert_eq!(events.len(), scene.view.highlight.len(), "{}", scene.id);
        assert!(events.windows(2).all(|w| w[0] < w[1]), "{}", scene.id);
        assert!(events
            .iter()
            .all(|&i| highlights(scene, &data.events[i].id)));
    }
    let last = data.stories[0].scenes.last().unwrap();
    let named: Vec<usize> = last
        .view
        .highlight
        .iter()
        .filter_map(|id| data.events.iter().position(|e| &e.id == id))
        .collect();
    assert_ne!(
        named,
        scene_events(&data, last),
        "the story names them out of time order"
    );
}

/// A slide of event `id` (titled so) on `start`.
fn slide(id: &str, start: &str) -> super::Slide {
    super::Slide {
        event_id: id.into(),
        start: date(start),
        end: None,
        title: id.into(),
        text: String::new(),
    }
}

/// The title slide shows every slide: '19XX' runs to 1999 (its window was 1899–1901, the 1950
/// slide out of view).
#[test]
fn the_title_slide_shows_slides_of_unknown_digits_whole() {
    let story = super::slides_story(
        "A century",
        Some(("A century", "")),
        vec![slide("fifty", "1950"), slide("century", "19XX")],
    )
    .unwrap();
    let window = &story.scenes[0].view.window;
    assert!(window.from.first_day() <= date("1900").first_day());
    assert!(window.to.end_day() >= date("1999").end_day());
    assert!(window.overlaps(date("1950").first_day(), date("1950").end_day()));
}

/// The title slide of an imported file frames its slides as "Fit all" frames its events, with
/// the same room either side: slides of 1 May 1999 to 2004 showed 16 April 1999 to 2005, the
/// first mark on the drawing's left edge and a year of nothing after the last.
#[test]
fn the_title_slide_leaves_the_room_fit_all_leaves() {
    use crate::core::layout::{Extent, TimelineIndex};
    use crate::core::viewport::{Viewport, FIT_MARGIN};
    let file = r#"{"title":{"text":{"headline":"My <b>TL</b> story","text":"<p>Intro text</p>"}},"events":[{"start_date":{"year":"1999","month":"5","day":"1"},"text":{"headline":"Alpha event","text":"<p>Alpha</p>"},"group":"Group A"},{"start_date":{"year":"2002"},"end_date":{"year":"2004"},"text":{"headline":"Beta span","text":"Beta"},"group":"Group B"},{"start_date":{"year":"2010","month":"13"},"text":{"headline":"Bad month"}}],"eras":[{"start_date":{"year":"1998"},"end_date":{"year":"2005"},"text":{"headline":"Era one"}}]}"#;
    let data = import(file.as_bytes(), "tl.json", true).unwrap().chronology;
    let index = TimelineIndex::new(
        (0..data.events.len())
            .map(|i| Extent::of(&data, i, &|_: &str| 80.0))
            .collect(),
    );
    let (limits, fit_all) = Viewport::default_for(&index);
    let title = &data.stories[0].scenes[0];
    assert!(
        title.view.highlight.is_empty(),
        "scene 1 is the title slide"
    );
    let (from, to) = title.view.window.days();
    let shown = Viewport::new(from, to).clamp(&limits);
    assert_eq!(shown, Viewport::new(from, to), "the timeline can show it");
    assert!(
        from <= fit_all.start && to >= fit_all.end && (to - from) - fit_all.span() < 3.0,
        "the title slide's {from} – {to} is Fit all's {} – {}",
        fit_all.start,
        fit_all.end
    );
    let (first, end) = (
        date("1999-05-01").first_day() as f64,
        date("2004").end_day() as f64,
    );
    let room = FIT_MARGIN * (end - first);
    assert!(first - from >= room && to - end >= room, "{from} – {to}");
}

/// Slides close together still get a fortnight either side, as one slide's day does.
#[test]
fn the_title_slide_of_slides_days_apart_has_a_fortnight_either_side() {
    let story = super::slides_story(
        "A week",
        Some(("A week", "")),
        vec![slide("monday", "2020-03-02"), slide("friday", "2020-03-06")],
    )
    .unwrap();
    let window = &story.scenes[0].view.window;
    assert_eq!(
        (window.from.to_iso(), window.to.to_iso()),
        ("2020-02-16".into(), "2020-03-21".into())
    );
}
