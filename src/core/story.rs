//! Story mode: where a reader is in a story, what each scene asks of the timeline, and the
//! story an imported TimelineJS file tells (its slides in order).
//!
//! The stories themselves are data ([`crate::core::dataset::Story`]); this module only reads
//! them. A position is two indices, so stepping through a story is arithmetic, and a link's
//! `?story=…&scene=…` resolves to a position or to a notice saying what was not found.

use crate::core::dataset::{Chronology, SceneWindow, Story, StoryScene};
use crate::core::date::{civil_from_days, PartialDate, Precision, MAX_ABS_YEAR};
use crate::core::query::Filter;
use crate::core::sort::set_of;
use crate::core::viewport::FIT_MARGIN;
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
        phases: set_of(f.phases.iter().cloned()),
        domains: set_of(f.domains.iter().cloned()),
        third_parties: set_of(f.third_parties.iter().cloned()),
        text: String::new(),
        events: set_of(scene.view.highlight.iter().cloned()),
    }
}

/// Whether the scene highlights the event with this id (for dimming the others).
pub fn highlights(scene: &StoryScene, event_id: &str) -> bool {
    scene.view.highlight.iter().any(|id| id == event_id)
}

/// The events the scene is about, by index, in the chronology's (time) order.
pub fn scene_events(data: &Chronology, scene: &StoryScene) -> Vec<usize> {
    (0..data.events.len())
        .filter(|&i| highlights(scene, &data.events[i].id))
        .collect()
}

/// Takes events that are left out of a chronology (a filtered export, records skipped on
/// import) out of its stories: highlights of them are removed, a scene that was about them
/// only is dropped, and a story left without scenes too. Other scenes stay as written.
pub fn leave_out_events(stories: &mut Vec<Story>, left_out: &HashSet<&str>) {
    if left_out.is_empty() {
        return;
    }
    let stripped = strip_events(stories, |id| !left_out.contains(id));
    drop_emptied(stories, &stripped);
}

/// The ids of the events the file's stories highlight that `has` does not know (each once, in
/// the stories' order): events a file's stories name and the file lacks.
pub fn missing_events(stories: &[Story], has: impl Fn(&str) -> bool) -> Vec<String> {
    let mut seen = HashSet::new();
    stories
        .iter()
        .flat_map(|s| s.scenes.iter().flat_map(|c| c.view.highlight.iter()))
        .filter(|id| !has(id) && seen.insert(id.as_str()))
        .cloned()
        .collect()
}

/// A scene that [`strip_events`] took highlighted events out of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stripped {
    /// The story's position in the list.
    pub story: usize,
    /// The scene's position in its story.
    pub scene: usize,
    /// The ids taken out of its highlight, in its order.
    pub removed: Vec<String>,
    /// Whether it highlights nothing now: it was about those events only.
    pub emptied: bool,
}

/// Takes the events for which `has` is false out of the scenes' highlights, and says which
/// scenes lost which. The scenes stay, so that they can still be checked (a scene about none
/// of the chronology's events is still a scene of the file), until [`drop_emptied`] drops those
/// left about nothing.
pub fn strip_events(stories: &mut [Story], has: impl Fn(&str) -> bool) -> Vec<Stripped> {
    let mut stripped = Vec::new();
    for (i, story) in stories.iter_mut().enumerate() {
        for (j, scene) in story.scenes.iter_mut().enumerate() {
            let highlight = &mut scene.view.highlight;
            if highlight.iter().all(|id| has(id)) {
                continue;
            }
            let (kept, removed): (Vec<String>, Vec<String>) = std::mem::take(highlight)
                .into_iter()
                .partition(|id| has(id));
            *highlight = kept;
            stripped.push(Stripped {
                story: i,
                scene: j,
                removed,
                emptied: highlight.is_empty(),
            });
        }
    }
    stripped
}

/// Drops the scenes that [`strip_events`] left about nothing, and the stories that this leaves
/// without scenes; gives the positions (before the drop) of the stories dropped.
pub fn drop_emptied(stories: &mut Vec<Story>, stripped: &[Stripped]) -> Vec<usize> {
    let emptied: HashSet<(usize, usize)> = stripped
        .iter()
        .filter(|s| s.emptied)
        .map(|s| (s.story, s.scene))
        .collect();
    if emptied.is_empty() {
        return Vec::new();
    }
    let mut dropped = Vec::new();
    for (i, story) in stories.iter_mut().enumerate() {
        let before = story.scenes.len();
        let mut j = 0;
        story.scenes.retain(|_| {
            j += 1;
            !emptied.contains(&(i, j - 1))
        });
        if before > 0 && story.scenes.is_empty() {
            dropped.push(i);
        }
    }
    let mut i = 0;
    stories.retain(|_| {
        i += 1;
        !dropped.contains(&(i - 1))
    });
    dropped
}

/// A window around an event's dates, one step coarser than they are and centred on them: a
/// day's month (the fortnight either side), a month's year (the six months either side), and a
/// year with the year before and after (so that a year-only event is not the whole window).
/// A slide on 29 November 1814 showed the whole of November, its mark at the right edge.
pub fn window_around(start: PartialDate, end: Option<PartialDate>) -> SceneWindow {
    SceneWindow {
        from: widened(start, -1),
        to: widened(end.unwrap_or(start), 1),
    }
}

/// Days either side of a day, and months either side of a month, in [`window_around`].
const AROUND_DAYS: i64 = 15;
const AROUND_MONTHS: i32 = 6;

/// `d` moved one step coarser's half (`step` -1: back, 1: on), as a date of its own precision
/// (a day, a month) or the year beside a year's; `d` itself where that leaves the calendar.
fn widened(d: PartialDate, step: i32) -> PartialDate {
    let year = d.year_number();
    let moved = match (d.precision(), d.month_number(), d.day_number()) {
        (Precision::Day, Some(_), Some(_)) => {
            let (y, m, day) = civil_from_days(d.first_day() + i64::from(step) * AROUND_DAYS);
            PartialDate::day(y, m, day)
        }
        (Precision::Month, Some(month), _) => {
            let months =
                i64::from(year) * 12 + i64::from(month) - 1 + i64::from(step * AROUND_MONTHS);
            let y = i32::try_from(months.div_euclid(12)).unwrap_or(year);
            PartialDate::month(y, months.rem_euclid(12) as u8 + 1)
        }
        // A year (or a season, or a date with unknown digits, '19XX'): the year before its
        // first day, or after its last.
        _ => {
            let edge = if step < 0 {
                d.first_day()
            } else {
                d.end_day() - 1
            };
            let year = civil_from_days(edge).0;
            if year.saturating_add(step).abs() <= MAX_ABS_YEAR {
                PartialDate::year(year + step)
            } else {
                PartialDate::year(year)
            }
        }
    };
    moved.unwrap_or(d)
}

/// The title slide's window: every slide, with room at either end so that the first and last
/// marks are not cut at the drawing's edges (they were, the window their exact extent): a
/// twentieth of their span in whole years where they span ten years or more, else the room
/// "Fit all" leaves ([`FIT_MARGIN`] of their span, in days; a day's fortnight at least, as
/// [`window_around`] frames one slide). Slides of 1 May 1999 to 2004 had half a month before
/// the first (its mark on the drawing's left edge) and a year after the last.
fn around_all(first: PartialDate, last: PartialDate) -> SceneWindow {
    // From the first day either may mean to the last ('19XX' runs to 1999).
    let (from_year, to_year) = (
        i64::from(civil_from_days(first.first_day()).0),
        i64::from(civil_from_days(last.end_day() - 1).0),
    );
    let years = to_year - from_year;
    if years >= 10 {
        let pad = (years as f64 / 20.0).ceil() as i64;
        let year = |y: i64| {
            let y = y.clamp(-i64::from(MAX_ABS_YEAR), i64::from(MAX_ABS_YEAR));
            PartialDate::year(y as i32)
        };
        let from = year(from_year - pad);
        let to = year(to_year + pad);
        if let (Ok(from), Ok(to)) = (from, to) {
            return SceneWindow { from, to };
        }
    }
    let (first_day, end_day) = (first.first_day(), last.end_day());
    let pad = ((end_day - first_day) as f64 * FIT_MARGIN).ceil() as i64;
    let pad = pad.max(AROUND_DAYS);
    let day = |d: i64| {
        let (y, m, day) = civil_from_days(d);
        PartialDate::day(y, m, day)
    };
    // The window is `[from's first day, to's end)`: `to` is the day before its end.
    match (day(first_day - pad), day(end_day - 1 + pad)) {
        (Ok(from), Ok(to)) => SceneWindow { from, to },
        _ => window_around(first, Some(last)),
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
/// text is the file's HTML, shown through the allow-list as an event's summary is (see
/// [`crate::core::rich_text::is_markup`]). `None` without slides.
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
                text: crate::core::import::as_markup(text.to_string()),
                quotes: vec![],
                view: crate::core::dataset::SceneView {
                    window: around_all(first, last),
                    filters: Default::default(),
                    group_by: None,
                    highlight: vec![],
                },
                annotations: vec![],
            };
            (
                crate::core::import::as_markup(text.to_string()),
                Some(scene),
            )
        }
        None => (String::new(), None),
    };
    scenes.extend(title_scene);
    for slide in slides {
        scenes.push(StoryScene {
            id: fresh(&slide.event_id),
            title: slide.title,
            text: crate::core::import::as_markup(slide.text),
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
mod tests;
