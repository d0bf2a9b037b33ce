//! Story mode: where a reader is in a story, what each scene asks of the timeline, and the
//! story an imported TimelineJS file tells (its slides in order).
//!
//! The stories themselves are data ([`crate::core::dataset::Story`]); this module only reads
//! them. A position is two indices, so stepping through a story is arithmetic, and a link's
//! `?story=…&scene=…` resolves to a position or to a notice saying what was not found.

use crate::core::dataset::{Chronology, SceneWindow, Story, StoryScene};
use crate::core::date::{PartialDate, Precision, MAX_ABS_YEAR};
use crate::core::query::Filter;
use std::collections::HashSet;

/// A scene of a story of the chronology, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScenePosition {
    pub story: usize,
    pub scene: usize,
}

impl ScenePosition {
    /// The story and the scene, if the position is in the chronology.
    pub fn get<'a>(&self, data: &'a Chronology) -> Option<(&'a Story, &'a StoryScene)> {
        let story = data.stories.get(self.story)?;
        Some((story, story.scenes.get(self.scene)?))
    }

    /// The next scene of the same story; `None` at the last.
    pub fn next(&self, data: &Chronology) -> Option<ScenePosition> {
        let story = data.stories.get(self.story)?;
        (self.scene + 1 < story.scenes.len()).then(|| ScenePosition {
            story: self.story,
            scene: self.scene + 1,
        })
    }

    /// The previous scene of the same story; `None` at the first.
    pub fn previous(&self, data: &Chronology) -> Option<ScenePosition> {
        data.stories.get(self.story)?;
        (self.scene > 0).then(|| ScenePosition {
            story: self.story,
            scene: self.scene - 1,
        })
    }

    /// "Scene 3 of 11", for the panel and the live region.
    pub fn progress(&self, data: &Chronology) -> String {
        let total = data.stories.get(self.story).map_or(0, |s| s.scenes.len());
        format!("Scene {} of {total}", self.scene + 1)
    }

    /// The ids a link carries for this position: `(story, scene)`.
    pub fn ids<'a>(&self, data: &'a Chronology) -> Option<(&'a str, &'a str)> {
        self.get(data).map(|(s, c)| (s.id.as_str(), c.id.as_str()))
    }
}

/// The first scene of a story.
pub fn start(data: &Chronology, story: usize) -> Option<ScenePosition> {
    let position = ScenePosition { story, scene: 0 };
    position.get(data).map(|_| position)
}

/// Where a link's `story` and `scene` lead. The scene is its id, or else its number in the
/// story from 1 (`?scene=5`); without one, the story's first scene. What cannot be found gives
/// a notice: an unknown story gives no position, an unknown scene the story's first scene.
pub fn locate(
    data: &Chronology,
    story: &str,
    scene: Option<&str>,
) -> (Option<ScenePosition>, Option<String>) {
    let Some(s) = data.stories.iter().position(|s| s.id == story) else {
        return (
            None,
            Some(format!(
                "The link's story '{}' is not in this chronology.",
                short(story)
            )),
        );
    };
    let scenes = &data.stories[s].scenes;
    if scenes.is_empty() {
        return (
            None,
            Some(format!("The story '{}' has no scenes.", short(story))),
        );
    }
    let Some(wanted) = scene else {
        return (Some(ScenePosition { story: s, scene: 0 }), None);
    };
    let by_id = scenes.iter().position(|c| c.id == wanted);
    let by_number = || {
        wanted
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=scenes.len()).contains(n))
            .map(|n| n - 1)
    };
    match by_id.or_else(by_number) {
        Some(c) => (Some(ScenePosition { story: s, scene: c }), None),
        None => (
            Some(ScenePosition { story: s, scene: 0 }),
            Some(format!(
                "The story has no scene '{}'; it opens at its first scene.",
                short(wanted)
            )),
        ),
    }
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        t.push('…');
    }
    t
}

/// The scene as the explorer's filter: its facet filters, and only the events it is about
/// (when it names some); no search text.
pub fn scene_filter(scene: &StoryScene) -> Filter {
    let f = &scene.view.filters;
    Filter {
        phases: f.phases.iter().cloned().collect(),
        domains: f.domains.iter().cloned().collect(),
        third_parties: f.third_parties.iter().cloned().collect(),
        text: String::new(),
        events: scene.view.highlight.iter().cloned().collect(),
    }
}

/// Whether the scene highlights the event with this id (for dimming the others).
pub fn highlights(scene: &StoryScene, event_id: &str) -> bool {
    scene.view.highlight.iter().any(|id| id == event_id)
}

/// Takes events that are left out of a chronology (a filtered export, records skipped on
/// import) out of its stories: highlights of them are removed, a scene that was about them
/// only is dropped, and a story left without scenes too. Other scenes stay as written.
pub fn leave_out_events(stories: &mut Vec<Story>, left_out: &HashSet<&str>) {
    if left_out.is_empty() {
        return;
    }
    for story in stories.iter_mut() {
        story.scenes.retain_mut(|scene| {
            let highlight = &mut scene.view.highlight;
            let before = highlight.len();
            highlight.retain(|id| !left_out.contains(id.as_str()));
            before == 0 || !highlight.is_empty()
        });
    }
    stories.retain(|s| !s.scenes.is_empty());
}

/// A window around an event's dates, one step coarser than they are: a day's month, a month's
/// year, and a year with the year before and after (so that a year-only event is not the
/// whole window).
pub fn window_around(start: PartialDate, end: Option<PartialDate>) -> SceneWindow {
    let widen = |d: PartialDate, step: i32| {
        let year = d.year_number();
        let wider = match (d.precision(), d.month_number()) {
            (Precision::Day, Some(month)) => PartialDate::month(year, month),
            (Precision::Month, _) => PartialDate::year(year),
            _ if year.saturating_add(step).abs() <= MAX_ABS_YEAR => PartialDate::year(year + step),
            _ => PartialDate::year(year),
        };
        wider.unwrap_or(d)
    };
    SceneWindow {
        from: widen(start, -1),
        to: widen(end.unwrap_or(start), 1),
    }
}

/// A slide of an imported TimelineJS file that became an event: what its scene shows.
#[derive(Clone, Debug)]
pub(crate) struct Slide {
    pub event_id: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// The slide's headline (or the start of its text when it has none).
    pub title: String,
    /// The slide's text, as the file gives it.
    pub text: String,
}

/// The story a TimelineJS file tells: its title slide (if it has one) and then its slides in
/// the file's order, each scene highlighting its slide's event in a window around its date. The
/// text is the file's, shown as plain text (markup is not interpreted). `None` without slides.
pub(crate) fn slides_story(
    title: &str,
    title_slide: Option<(&str, &str)>,
    slides: Vec<Slide>,
) -> Option<Story> {
    let first = slides.iter().map(|s| s.start).min()?;
    let last = slides
        .iter()
        .map(|s| s.end.unwrap_or(s.start))
        .max_by_key(|d| d.end_day())?;
    let mut ids = HashSet::new();
    let mut fresh = |wanted: &str| {
        let mut id = wanted.to_string();
        let mut n = 2usize;
        while !ids.insert(id.clone()) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        id
    };
    let mut scenes = Vec::with_capacity(slides.len() + 1);
    let (summary, title_scene) = match title_slide {
        Some((headline, text)) => {
            let headline = headline.trim();
            let scene = StoryScene {
                id: fresh("title"),
                title: if headline.is_empty() { title } else { headline }.to_string(),
                text: text.to_string(),
                quotes: vec![],
                view: crate::core::dataset::SceneView {
                    window: SceneWindow {
                        from: first,
                        to: last,
                    },
                    filters: Default::default(),
                    group_by: None,
                    highlight: vec![],
                },
                annotations: vec![],
            };
            (text.to_string(), Some(scene))
        }
        None => (String::new(), None),
    };
    scenes.extend(title_scene);
    for slide in slides {
        scenes.push(StoryScene {
            id: fresh(&slide.event_id),
            title: slide.title,
            text: slide.text,
            quotes: vec![],
            view: crate::core::dataset::SceneView {
                window: window_around(slide.start, slide.end),
                filters: Default::default(),
                group_by: None,
                highlight: vec![slide.event_id],
            },
            annotations: vec![],
        });
    }
    Some(Story {
        id: crate::core::import::slug(title, "story"),
        title: title.to_string(),
        summary,
        scenes,
    })
}

#[cfg(test)]
mod tests {
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
        // The title scene shows everything and highlights nothing; its text is the file's.
        let title = &story.scenes[0];
        assert_eq!(title.text, "<p>Five moments</p>");
        assert!(title.view.highlight.is_empty());
        assert_eq!(
            (
                title.view.window.from.to_iso(),
                title.view.window.to.to_iso()
            ),
            ("1983".into(), "2014-05".into())
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
    fn the_window_around_a_date_is_one_step_coarser() {
        let w = |s: &str, e: Option<&str>| {
            let w = window_around(date(s), e.map(date));
            (w.from.to_iso(), w.to.to_iso())
        };
        assert_eq!(w("2014-05-06", None), ("2014-05".into(), "2014-05".into()));
        assert_eq!(w("2014-05", None), ("2014".into(), "2014".into()));
        assert_eq!(w("2007", None), ("2006".into(), "2008".into()));
        assert_eq!(
            w("2001-09-11", Some("2010")),
            ("2001-09".into(), "2011".into())
        );
        assert_eq!(w("1000000", None), ("Y999999".into(), "Y1000000".into()));
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
}
