//! The one store of the explorer: its state in named parts, the actions that change it and the
//! reducer, plus the start-up decision ([`boot`]). Pure Rust, tested natively: whatever the
//! reducer needs from the browser (label widths, the time, what storage holds) arrives in the
//! action, measured or read by the adapter that dispatches it.
//!
//! Data flows one way: input → [`Action`] → [`reduce`] → new [`State`] → the core computes the
//! view → the components render.

mod action;
pub mod boot;
mod chrome;
mod chronology;
mod filtering;
mod lanes;
mod notice;
mod reduce;
mod shared;
mod story;
mod window;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use action::Action;
pub use chrome::{Chrome, DialogKind, PendingLink, Progress, Report, Theme, Unit};
pub use chronology::{
    Origin, Prepared, Preparing, Shown, MEASURED_LABELS, MEASURE_STEP, SYNTHETIC_SEED,
};
pub use filtering::{Filtering, Indexes};
pub use lanes::Lanes;
pub use notice::Notice;
pub use reduce::reduce;
pub use shared::Shared;
pub use story::Touring;
pub use window::{Animation, Window, ANIMATION_MS};

use crate::core::url_state::{self, ViewState};

/// The whole state of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The chronology shown, its indexes and where it comes from.
    pub chronology: Shown,
    /// The filter, and which events pass it.
    pub filtering: Filtering,
    /// The visible window of time and its animation.
    pub window: Window,
    /// How the timeline's lanes are grouped.
    pub lanes: Lanes,
    /// The selected event (an index into the chronology's events, in time order): always one
    /// that passes the filter.
    pub selected: Option<usize>,
    /// Everything around the data: dialogs, notices, theme, loading.
    pub chrome: Chrome,
    /// The story being told, if any.
    pub story: Option<Touring>,
}

/// What the page learns from the browser at start-up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Environment {
    pub reduced_motion: bool,
    /// The theme remembered in this browser.
    pub theme: Option<Theme>,
    /// Whether the system asks for dark colours.
    pub system_dark: bool,
}

impl State {
    /// A chronology shown afresh: everything passes, the window fits it all.
    pub fn new(prepared: Prepared, origin: Origin, env: Environment) -> Self {
        let chronology = Shown::new(prepared.data, prepared.index, origin);
        let filtering = Filtering::everything(&chronology.data, prepared.filter_indexes);
        let window = Window::new(chronology.fitted, env.reduced_motion);
        let mut chrome = Chrome {
            theme: env.theme.unwrap_or(Theme::System),
            system_dark: env.system_dark,
            ..Chrome::default()
        };
        chrome.error = prepared.error;
        Self {
            chronology,
            filtering,
            window,
            lanes: Lanes::default(),
            selected: None,
            chrome,
            story: None,
        }
    }

    /// The number of events of the chronology.
    pub fn len(&self) -> usize {
        self.chronology.data.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether event `i` passes the filter.
    pub fn passes(&self, i: usize) -> bool {
        self.filtering.passes(i)
    }

    /// Whether the dark theme shows.
    pub fn dark(&self) -> bool {
        self.chrome.theme.is_dark(self.chrome.system_dark)
    }

    /// The size of the synthetic chronology shown instead of the real one, if any.
    pub fn synthetic(&self) -> Option<usize> {
        match self.chronology.origin {
            Origin::Synthetic(n) => Some(n),
            _ => None,
        }
    }

    /// The view as a link carries it (while a linked chronology loads, the link's own view).
    pub fn view_state(&self) -> ViewState {
        if let Some(view) = &self.chrome.pending.view {
            return view.clone();
        }
        if let Some(view) = self.story_view_state() {
            return view;
        }
        let target = self.window.target();
        // With filters that the window follows, the link always names its window: one without
        // opens framed on the matches (see `apply_view`).
        let framed_on_matches = self.window.follow && !self.filtering.filter.is_empty();
        let window = (target != self.chronology.fitted || framed_on_matches)
            .then(|| url_state::round_window(target.start, target.end));
        ViewState {
            filter: self.filtering.filter.clone(),
            dim: self.filtering.dim,
            window,
            selected: self
                .selected
                .map(|i| self.chronology.data.events[i].id.clone()),
            synthetic: self.synthetic(),
            data: self.data_link(),
            group: self.lanes.by,
            folded: self.lanes.collapsed().clone(),
            follow: self.window.follow,
            story: None,
            scene: None,
        }
    }

    /// What the link says of the chronology shown: a file of the site, the kept import, or (while
    /// one loads) the file the link names.
    pub fn data_link(&self) -> Option<String> {
        match &self.chronology.origin {
            Origin::Url(url) => Some(url.clone()),
            Origin::File { .. } => Some(url_state::KEPT_DATA.to_string()),
            _ => self.chrome.pending.data.clone(),
        }
    }

    /// Applies a link's view to the chronology shown; values it does not know are dropped, and
    /// what was dropped is returned as notices.
    pub fn apply_view(&mut self, view: &ViewState) -> Vec<Notice> {
        let mut notices = Vec::new();
        if self.apply_story_view(view, &mut notices) {
            return notices;
        }
        notices.extend(
            self.filtering
                .set_filter_from_link(&self.chronology.data, view),
        );
        self.window.follow = view.follow;
        self.lanes.by = view.group;
        self.apply_folds(view, &mut notices);
        self.lanes.regroup(&self.chronology.data, &self.filtering);
        self.window.animation = None;
        self.window.viewport = match view.window {
            Some((from, to)) => {
                let limits = &self.chronology.limits;
                let (mut from, mut to) = (from, to);
                let outside = to <= limits.outer_start || from >= limits.outer_end;
                if outside {
                    // Moved to the nearest part of the chronology: said, not done silently.
                    // Years as the window's label writes them ("501 BC").
                    let year = |day: f64| {
                        crate::core::date::format_year(
                            crate::core::date::civil_from_days(day.floor() as i64).0,
                        )
                    };
                    let index = &self.chronology.index;
                    let (first, end) = (
                        index.first_day().unwrap_or(limits.outer_start),
                        index.end_day().unwrap_or(limits.outer_end),
                    );
                    // As long as the chronology's reach, or longer: all of it is shown.
                    let whole = to - from >= limits.outer_end - limits.outer_start;
                    // The link's window as the timeline names one (through its last year:
                    // `to=2040` ends as 2041 begins).
                    let asked = crate::core::describe::window_label(
                        &crate::core::viewport::Viewport::new(from, to),
                    );
                    notices.push(Notice::View(format!(
                        "The link's window ({asked}) lies outside this chronology ({} – {}): \
                         {} shown.",
                        year(first),
                        year(end - 1.0),
                        if whole {
                            "the whole of it is"
                        } else {
                            "its nearest part is"
                        }
                    )));
                    // The nearest part that holds events: a window as long as the link's (no
                    // shorter than the timeline shows) from the start of Fit all's frame, or to
                    // its end (the last point events, not a span running on past them); the
                    // margins' stretch beyond the events is empty.
                    let span = (to - from).max(limits.min_span);
                    let pad = span * crate::core::viewport::FIT_MARGIN;
                    let (first, last) = index.frame(|_| true).unwrap_or((first, end));
                    (from, to) = if to <= limits.outer_start {
                        (first - pad, first - pad + span)
                    } else {
                        (last + pad - span, last + pad)
                    };
                }
                let asked = crate::core::viewport::Viewport::new(from, to);
                let shown = asked.clamp(limits);
                let label = crate::core::describe::window_label;
                // Widened or cut to what the timeline can show: said, not done silently (a
                // window of a minute became three weeks; one of two million years the
                // chronology). Within a hair of the limits (a link the explorer wrote), nothing.
                // (A window moved from outside has been said already.)
                if !outside {
                    let span = asked.span();
                    if span < limits.min_span * 0.9 {
                        notices.push(Notice::View(format!(
                            "The link's window is shorter than the timeline can show: the \
                             three weeks around it are shown ({}).",
                            label(&shown)
                        )));
                    } else if (asked.start - shown.start).abs() > 0.05 * shown.span()
                        || (asked.end - shown.end).abs() > 0.05 * shown.span()
                    {
                        // Longer than the chronology's reach, or partly past one of its ends:
                        // cut, or moved inside.
                        notices.push(Notice::View(format!(
                            "The link's window reaches past what the timeline can show: {} is \
                             shown.",
                            label(&shown)
                        )));
                    }
                }
                shown
            }
            // A link with filters but no window (written by hand, or by an older version):
            // framed on what they match, as the window follows them.
            None if view.follow && !self.filtering.filter.is_empty() => {
                self.fit_matches().unwrap_or(self.chronology.fitted)
            }
            None => self.chronology.fitted,
        };
        self.selected = None;
        if let Some(id) = &view.selected {
            match self.chronology.position(id) {
                Some(i) if self.passes(i) => self.selected = Some(i),
                // Named as the reader knows it, not by its id.
                Some(i) => {
                    let e = &self.chronology.data.events[i];
                    notices.push(Notice::View(format!(
                        "The link's event, “{}” ({}), is hidden by its filters: \
                         clear them to see it.",
                        crate::core::text::shown(&e.title, 80),
                        e.interval().format_inline()
                    )))
                }
                None => notices.push(Notice::View(format!(
                    "The link's event '{id}' is not in this chronology; ignored."
                ))),
            }
        }
        notices
    }

    /// Another chronology on the same page: its filters, window and selection start afresh;
    /// the width and the theme stay, and so do the notices, but those about the chronology it
    /// replaces ([`Notice::is_about_chronology`]: its import, what its link or file's view
    /// asked that was ignored).
    pub fn with_chronology(&self, prepared: Prepared, origin: Origin) -> Self {
        let mut fresh = Self::new(
            prepared,
            origin,
            Environment {
                reduced_motion: self.window.reduced_motion,
                theme: Some(self.chrome.theme),
                system_dark: self.chrome.system_dark,
            },
        );
        fresh.window.width = self.window.width;
        // The built-in chronology's view is remembered while another stands in its place.
        // (Not while a link's file loads: the built-in chronology only stands in for it then,
        // in the link's view, which is the file's.)
        let placeholder = self.chrome.pending.data.is_some() || self.chrome.pending.view.is_some();
        fresh.chrome.builtin_view = match (&self.chronology.origin, &fresh.chronology.origin) {
            (_, Origin::Builtin) => None,
            (Origin::Builtin, _) if !placeholder => Some(self.view_state()),
            (Origin::Builtin, _) => None,
            _ => self.chrome.builtin_view.clone(),
        };
        fresh.chrome.notices = self
            .chrome
            .notices
            .iter()
            .filter(|n| !n.is_about_chronology())
            .cloned()
            .collect();
        fresh
    }

    /// Recomputes which events pass the filter; a selected event that no longer passes is
    /// deselected.
    pub(crate) fn refilter(&mut self) {
        self.filtering.refilter(&self.chronology.data);
        self.lanes.regroup(&self.chronology.data, &self.filtering);
        if self.selected.is_some_and(|i| !self.passes(i)) {
            self.selected = None;
        }
    }

    /// The next event passing the filter after (`delta` > 0) or before `from`.
    pub fn step_from(&self, from: Option<usize>, delta: i32) -> Option<usize> {
        let n = self.len();
        match (from, delta >= 0) {
            (None, true) => (0..n).find(|&i| self.passes(i)),
            (None, false) => (0..n).rev().find(|&i| self.passes(i)),
            (Some(i), true) => (i + 1..n).find(|&j| self.passes(j)),
            (Some(i), false) => (0..i).rev().find(|&j| self.passes(j)),
        }
    }

    /// A link's folded lanes, for the grouping chosen (a link without any opens them all, as
    /// Back to before a fold does): those it does not have are said.
    pub(crate) fn apply_folds(&mut self, view: &ViewState, notices: &mut Vec<Notice>) {
        if self.lanes.by == crate::core::grouping::GroupBy::None {
            if !view.folded.is_empty() {
                notices.push(Notice::View(
                    "Ignored fold= in the link: lanes fold only when grouped (group=).".into(),
                ));
            }
            return;
        }
        let unknown = self.lanes.set_folded(&self.chronology.data, &view.folded);
        if !unknown.is_empty() {
            let names: Vec<String> = unknown
                .iter()
                .map(|k| format!("'{}'", crate::core::text::shown(k, 40)))
                .collect();
            notices.push(Notice::View(format!(
                "Ignored the folded {} {} in the link: no such lane.",
                if unknown.len() == 1 { "lane" } else { "lanes" },
                names.join(", ")
            )));
        }
    }

    /// Where `]` (`delta` > 0) and `[` start with nothing selected: the first event passing the
    /// filter that starts in the window or after it, or the last that starts before the window's
    /// end; past every event, the nearest one. (Home and End take the chronology's ends.)
    pub fn step_from_window(&self, delta: i32) -> Option<usize> {
        let v = self.window.target();
        // Events are in time order: the first that start before a day come first.
        let starting_before = |day: f64| {
            self.chronology
                .data
                .events
                .partition_point(|e| (e.start.stated_days().0 as f64) < day)
        };
        let found = if delta >= 0 {
            (starting_before(v.start)..self.len()).find(|&i| self.passes(i))
        } else {
            (0..starting_before(v.end)).rev().find(|&i| self.passes(i))
        };
        found.or_else(|| self.step_from(None, -delta))
    }

    /// Selects an event (one that passes the filter) and brings it into view if it is not.
    pub(crate) fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|&i| i < self.len() && self.passes(i));
        if let Some(i) = self.selected {
            let e = &self.chronology.data.events[i];
            let (first, end) = (e.first_day() as f64, e.end_day() as f64);
            let target = self.window.target();
            if !(first < target.end && end > target.start) {
                let mid = (first + end.min(first + target.span())) / 2.0;
                let to = target.center_on(mid, &self.chronology.limits);
                self.window.go_to(to, true);
            }
        }
    }

    /// The count of active filters (facet values, and the search if any).
    pub fn active_filters(&self) -> usize {
        let f = &self.filtering.filter;
        f.phases.len()
            + f.domains.len()
            + f.third_parties.len()
            + usize::from(!f.text.trim().is_empty())
    }

    /// The window the list follows, for chronologies too large to list whole; coarse (eighths
    /// of the span) so that zooming and panning do not rebuild the list on every frame.
    pub fn list_window(&self, full_list_limit: usize) -> Option<(f64, f64)> {
        (self.filtering.match_count > full_list_limit).then(|| {
            let v = self.window.viewport;
            let step = (v.span() / 8.0).max(1.0);
            (
                (v.start / step).floor() * step,
                (v.end / step).ceil() * step,
            )
        })
    }
}

impl State {
    /// The timeline's drawing for the state's window and width (what the canvas paints, and
    /// what "Save the timeline as drawn" writes).
    pub fn drawing(&self) -> crate::core::scene::Scene {
        use crate::core::scene::{Scene, SceneInput};
        let v = self.window.viewport;
        Scene::build(
            &SceneInput {
                data: &self.chronology.data,
                index: &self.chronology.index,
                matches: &self.filtering.matches,
                dim: self.filtering.dim,
                selected: self.selected,
                grouping: (*self.lanes.grouping).as_ref(),
            },
            &crate::core::scale::TimeScale::new(v.start, v.end, self.window.width.max(100.0)),
        )
    }

    /// The timeline as drawn, as a picture that stands on its own (a saved SVG or PNG): under
    /// the chronology's title and what is shown (the window, the filters or the story's scene),
    /// over the legend of the domains drawn and `credit` (where it comes from).
    pub fn picture(&self, credit: String) -> crate::core::scene::Scene {
        use crate::core::scene::{drawn_domains, About, Caption};
        let drawing = self.drawing();
        let data = &self.chronology.data;
        let legend = drawn_domains(&drawing, &self.chronology.index)
            .into_iter()
            .filter_map(|p| data.domains.get(p).map(|d| (p, d.label.clone())))
            .collect();
        let window = crate::core::describe::window_label(&self.window.viewport);
        let words = self.shown_in_words();
        // Named and described for readers as the drawing on the page is (an SVG's `<title>`
        // and `<desc>`).
        let about = About {
            title: match data.title.trim() {
                "" => format!("Timeline, {window}"),
                title => format!("{title}, {window}"),
            },
            description: crate::core::describe::timeline_name(
                data.events.len(),
                self.filtering.match_count,
                &words,
                self.lanes.by,
                &window,
            ),
        };
        let shown = match words {
            words if words.is_empty() => window,
            words => format!("{window} · {words}"),
        };
        let mut picture = drawing.captioned(&Caption {
            title: data.title.clone(),
            shown,
            legend,
            credit,
        });
        picture.about = Some(about);
        picture
    }

    /// A name for the files saved from this view: the chronology's title, in a story its
    /// scene's id, else what the filters keep, and for a picture its window's years
    /// ("japan-nato-relations-a-chronology-1977-2021",
    /// "japan-nato-relations-a-chronology-take-off-2007-2006-2010",
    /// "japan-nato-relations-a-chronology-piracy-summit").
    pub fn file_stem(&self, with_window: bool) -> String {
        use crate::core::date::{civil_from_days, format_year};
        use crate::core::text::slug;
        // At most 60 characters of the title (and 40 of a scene's id), cut between words, so
        // that the years stay.
        let cut = |mut name: String, most: usize| {
            if let Some((at, _)) = name.char_indices().nth(most) {
                let cut = name[..at].rfind('-').filter(|&i| i > 0).unwrap_or(at);
                name.truncate(cut);
            }
            name
        };
        let mut title = cut(slug(&self.chronology.data.title, "chronology"), 60);
        if let Some((_, scene)) = self.story_scene() {
            title = format!("{title}-{}", cut(slug(&scene.id, "scene"), 40));
        } else if let Some(filters) = self.filters_for_a_name() {
            // What the filters keep, as the chips name it: two downloads of the same
            // chronology, filtered two ways, are two files.
            title = format!("{title}-{}", cut(slug(&filters, "filtered"), 40));
        }
        if !with_window {
            return title;
        }
        // The years the window's label names (a sliver at an edge left out).
        let (first, last) = crate::core::describe::named_days(&self.window.viewport);
        let year = |day: i64| format_year(civil_from_days(day).0);
        let (from, to) = (year(first), year(last));
        let years = if from == to {
            from
        } else {
            format!("{from} {to}")
        };
        format!("{title}-{}", slug(&years, "undated"))
    }
}

impl State {
    /// The filters' values and search, in a few words for a file's name (None with none):
    /// "Piracy Afghanistan summit".
    fn filters_for_a_name(&self) -> Option<String> {
        let data = &self.chronology.data;
        let filter = &self.filtering.filter;
        let mut words: Vec<String> = crate::core::query::Facet::ALL
            .into_iter()
            .flat_map(|facet| {
                let options = facet.options(data);
                filter.selected(facet).iter().map(move |id| {
                    options
                        .iter()
                        .find(|(o, _)| o == id)
                        .map_or(id.clone(), |(_, label)| label.clone())
                })
            })
            .collect();
        let text = filter.text.trim();
        if !text.is_empty() {
            words.push(text.to_string());
        }
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// What the timeline and the list say when no event matches: whether the search, the
    /// filters or both leave nothing ("No event matches the search “zzz”."), or the chronology
    /// has none.
    pub fn nothing_matches(&self) -> String {
        if self.chronology.data.events.is_empty() {
            return "This chronology has no events.".to_string();
        }
        let filter = &self.filtering.filter;
        let search = filter.text.trim();
        let facets = crate::core::query::Facet::ALL
            .into_iter()
            .any(|f| !filter.selected(f).is_empty())
            || !filter.events.is_empty();
        let quoted = || format!("“{}”", crate::core::text::shown(search, 60));
        match (search.is_empty(), facets) {
            (false, false) => format!("No event matches the search {}.", quoted()),
            (false, true) => format!(
                "No event matches the search {} among the filtered events.",
                quoted()
            ),
            _ => "No event matches the filters.".to_string(),
        }
    }

    /// What is shown, in words, for print and for the timeline's name: "Domain: Piracy, Cyber ·
    /// Search: “abe”", or the story and scene; empty when everything shows.
    pub fn shown_in_words(&self) -> String {
        if let (Some(touring), Some((story, scene))) = (self.story, self.story_scene()) {
            let progress = touring.position.progress(&self.chronology.data);
            return format!("{}: {progress}, {}", story.title, scene.title);
        }
        let data = &self.chronology.data;
        let filter = &self.filtering.filter;
        let mut parts: Vec<String> = crate::core::query::Facet::ALL
            .into_iter()
            .filter(|f| !filter.selected(*f).is_empty())
            .map(|facet| {
                let options = facet.options(data);
                let labels: Vec<&str> = filter
                    .selected(facet)
                    .iter()
                    .map(|id| {
                        options
                            .iter()
                            .find(|(o, _)| o == id)
                            .map_or(id.as_str(), |(_, label)| label.as_str())
                    })
                    .collect();
                format!("{}: {}", facet.label(), labels.join(", "))
            })
            .collect();
        if !filter.text.trim().is_empty() {
            // A query pasted from a paragraph is cut (the timeline's name, a saved picture's
            // description, the print's heading), where a sentence or two still reads whole.
            let text = crate::core::text::shown(filter.text.trim(), 100);
            parts.push(format!("Search: “{text}”"));
        }
        parts.join(" · ")
    }
}

impl State {
    /// The window that frames the events passing the filter (None when none does).
    pub fn fit_matches(&self) -> Option<crate::core::viewport::Viewport> {
        crate::core::viewport::Viewport::fit_events(
            &self.chronology.index,
            |i| self.passes(i),
            &self.chronology.limits,
        )
    }

    /// After the filter changes: the window eases to the matching events, if it follows them.
    pub(crate) fn follow_filter(&mut self) {
        if !self.window.follow || self.filtering.match_count == 0 {
            return;
        }
        if let Some(to) = self.fit_matches() {
            self.window.go_to(to, true);
        }
    }

    /// What opening a `+N` badge of the timeline as drawn now does.
    pub(crate) fn open_cluster(
        &self,
        members: &[usize],
        group: Option<usize>,
        spans: bool,
    ) -> crate::core::scene::ClusterOpening {
        use crate::core::scene::{open_cluster, SceneInput};
        let v = self.window.target();
        open_cluster(
            &SceneInput {
                data: &self.chronology.data,
                index: &self.chronology.index,
                matches: &self.filtering.matches,
                dim: self.filtering.dim,
                selected: self.selected,
                grouping: (*self.lanes.grouping).as_ref(),
            },
            &crate::core::scale::TimeScale::new(v.start, v.end, self.window.width.max(100.0)),
            members,
            group,
            spans,
        )
    }
}
