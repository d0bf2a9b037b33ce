//! The one store (state + actions + reducer, Elm style) and the top-level component.

use crate::core::dataset::{self, Chronology};
use crate::core::layout::{Extent, TimelineIndex};
use crate::core::query::{self, Facet, Filter};
use crate::core::synthetic;
use crate::core::url_state::{self, ViewState};
use crate::core::viewport::{Limits, Viewport};
use crate::ui::detail::Detail;
use crate::ui::dialogs::{Dialog, DialogKind};
use crate::ui::event_list::EventList;
use crate::ui::facets::Facets;
use crate::ui::import::{Loading, Report};
use crate::ui::overview::Overview;
use crate::ui::print_list::PrintList;
use crate::ui::search::{Search, SEARCH_INPUT_ID};
use crate::ui::text::LabelMeasure;
use crate::ui::timeline::Timeline;
use std::ops::Deref;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An `Rc` compared by identity: cheap equality for big immutable values held in state.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A running zoom/pan animation between two windows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Animation {
    pub from: Viewport,
    pub to: Viewport,
    /// `performance.now()` of the first frame, once it has been seen.
    pub started_ms: Option<f64>,
}

pub const ANIMATION_MS: f64 = 220.0;

/// Up to this many events, label widths are measured exactly.
const MEASURED_LABELS: usize = 5_000;

/// The seed of `?synthetic=N` chronologies (shared with the benchmark's data files).
pub const SYNTHETIC_SEED: u64 = synthetic::APP_SEED;

/// Where the chronology shown comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The Japan–NATO chronology built into the app.
    Builtin,
    /// A synthetic chronology of this many events (`?synthetic=N`).
    Synthetic(usize),
    /// A file the user imported (kept in the browser for the next visit).
    File { name: String, format: String },
    /// A file of the same site named by the link (`?data=URL`).
    Url(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub origin: Origin,
    /// A file being read or loaded.
    pub loading: Option<Loading>,
    /// What the last import attempt found, for the import dialog.
    pub report: Option<Report>,
    /// A file is being dragged over the page.
    pub dragging: bool,
    /// The `?data=` file being loaded (kept in the link meanwhile).
    pub pending_data: Option<String>,
    /// The link's whole view while its chronology loads: the link keeps it (filters, window,
    /// selection) until the chronology is there to apply it to, or has failed to load.
    pub pending_view: Option<ViewState>,
    /// The chronology, events in time order; event indices everywhere refer to this order.
    pub data: Shared<Chronology>,
    pub index: Shared<TimelineIndex>,
    pub limits: Limits,
    pub viewport: Viewport,
    pub animation: Option<Animation>,
    /// Width of the timeline's drawing area in CSS pixels.
    pub width: f64,
    pub selected: Option<usize>,
    /// What went wrong loading data, shown in the page.
    pub error: Option<String>,
    /// Short messages for the user (e.g. parts of a link that were ignored).
    pub notices: Vec<String>,
    pub reduced_motion: bool,
    pub filter: Filter,
    /// Filtered-out events are dimmed (true) or hidden (false).
    pub dim: bool,
    /// The folded search text of each event: built by the first search, empty until then.
    pub haystacks: Shared<Vec<String>>,
    /// Whether each event passes the filter.
    pub matches: Shared<Vec<bool>>,
    pub match_count: usize,
    /// Events per year for the overview chart, following the filters.
    pub histogram: Shared<query::YearHistogram>,
    /// The window that shows everything (what "Fit all" goes to).
    pub fitted: Viewport,
    /// The open dialog, if any.
    pub dialog: Option<DialogKind>,
    /// Light or dark, as chosen (remembered) or as the system says.
    pub theme: Theme,
    /// On narrow screens, whether the filters drawer is open.
    pub filters_open: bool,
    /// Whether the system asks for dark (what `Theme::System` follows).
    pub system_dark: bool,
}

/// The colour theme the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

const THEME_KEY: &str = "japan-nato-explorer.theme";

/// The remembered theme; anything unexpected in storage counts as no choice.
fn stored_theme() -> Theme {
    use crate::ui::storage::{item, local_storage};
    match item(local_storage(), THEME_KEY).as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

/// Sets the page's theme attribute (which the stylesheet's colours follow); its value, if any.
fn apply_theme(theme: Theme) -> Option<&'static str> {
    let value = match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match value {
            Some(v) => root.set_attribute("data-theme", v),
            None => root.remove_attribute("data-theme"),
        };
    }
    value
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

pub enum Action {
    Resize(f64),
    /// Zoom by `factor` (> 1 zooms in) keeping the date at `at` (a fraction of the width, from
    /// the left) where it is on screen.
    ZoomAbout {
        factor: f64,
        at: f64,
        animate: bool,
    },
    /// Zoom about the window's centre.
    Zoom(f64),
    /// Pan by a fraction of the visible span (positive moves later in time).
    PanFraction(f64),
    /// Set the window directly (dragging).
    SetViewport(Viewport),
    FitAll,
    /// Centre the window on a day (clicking a year in the overview).
    CenterOn(f64),
    /// Show a range of days (expanding a cluster).
    FitRange(f64, f64),
    Select(Option<usize>),
    /// Turn one facet value on or off.
    ToggleFacet(Facet, String),
    /// Select only this value of the facet.
    OnlyFacet(Facet, String),
    ClearFacet(Facet),
    ClearFilters,
    SetSearch(String),
    /// Select the next (+1) or previous (-1) search match and bring it into view.
    NextMatch(i32),
    SetDim(bool),
    DismissNotice(usize),
    /// Tell the user something (e.g. that the link was copied).
    Notify(String),
    /// Switch between light and dark (from whatever shows now).
    ToggleTheme,
    /// Open or close the filters drawer (narrow screens).
    ToggleFilters,
    OpenDialog(DialogKind),
    CloseDialog,
    /// Restore a view from the URL (Back/Forward).
    ApplyView(ViewState),
    /// Back (or Forward) to a link to the built-in chronology from another one: it shows again
    /// with the link's view (a kept import stays kept, for Forward).
    BackToBuiltin(ViewState),
    /// Select the previous (-1) or next (+1) event in time order.
    Step(i32),
    SelectFirst,
    SelectLast,
    /// An animation frame at `performance.now()`.
    Frame(f64),
    /// A file is being read or loaded (None: no longer).
    Loading(Option<Loading>),
    /// An import failed: nothing changes but the report.
    ImportFailed(Report),
    /// A chronology was imported: it replaces the one shown, with the link's view if any.
    Imported {
        chronology: Box<Chronology>,
        origin: Origin,
        format: Option<crate::core::import::Format>,
        skipped: Vec<crate::core::import::ImportProblem>,
        view: Option<ViewState>,
        /// Read back from this browser's storage rather than imported just now: no notice.
        quiet: bool,
    },
    /// Back to the built-in Japan–NATO chronology.
    RestoreBuiltin,
    /// A file is (not) being dragged over the page.
    Dragging(bool),
}

impl State {
    pub fn new(data: Chronology, measure: &dyn LabelMeasure, reduced_motion: bool) -> Self {
        let mut data = data;
        data.sort_events();
        // Measuring every title costs ~3 µs each; beyond a few thousand events a conservative
        // estimate keeps the first render quick (labels may then end a little early).
        let exact = data.events.len() <= MEASURED_LABELS;
        let extents = data
            .events
            .iter()
            .map(|e| Extent {
                first_day: e.first_day() as f64,
                end_day: e.end_day() as f64,
                is_span: e.is_span(),
                label_width: if exact {
                    measure.width(&e.title)
                } else {
                    crate::ui::text::estimate(&e.title)
                },
                priority: crate::core::priority::label_priority(e),
            })
            .collect();
        let index = TimelineIndex::new(extents);
        let (first, end) = match (index.first_day(), index.end_day()) {
            (Some(f), Some(e)) => (f, e),
            // An empty chronology still gets a sensible window: the last few decades.
            _ => (3_650.0, 20_000.0),
        };
        let limits = Limits::for_extent(first, end);
        let viewport = Viewport::fit(first, end, &limits);
        // Built on the first search (folding every text costs tens of ms at 10,000 events).
        let haystacks = Vec::new();
        let n = data.events.len();
        let histogram = query::year_histogram(&data, &vec![true; n]);
        Self {
            origin: Origin::Builtin,
            loading: None,
            report: None,
            dragging: false,
            pending_data: None,
            pending_view: None,
            data: Shared(Rc::new(data)),
            index: Shared(Rc::new(index)),
            limits,
            viewport,
            animation: None,
            width: 960.0,
            selected: None,
            error: None,
            notices: Vec::new(),
            reduced_motion,
            filter: Filter::default(),
            dim: false,
            haystacks: Shared(Rc::new(haystacks)),
            histogram: Shared(Rc::new(histogram)),
            matches: Shared(Rc::new(vec![true; n])),
            match_count: n,
            fitted: viewport,
            dialog: None,
            theme: Theme::System,
            filters_open: false,
            system_dark: false,
        }
    }

    /// The state a URL query string describes: the chronology (or a synthetic one) with the
    /// link's filters, window and selection; what cannot be used becomes a notice.
    pub fn from_query(query: &str, measure: &dyn LabelMeasure, reduced_motion: bool) -> Self {
        let (view, mut notices) = url_state::parse(query);
        let mut s = match view.synthetic {
            Some(n) => {
                let mut s = Self::new(
                    synthetic::generate(n, SYNTHETIC_SEED),
                    measure,
                    reduced_motion,
                );
                s.origin = Origin::Synthetic(n);
                s
            }
            None => Self::embedded(measure, reduced_motion),
        };
        s.apply_view(&view, &mut notices);
        s.notices = notices;
        s
    }

    /// Applies a link's view to the current chronology. Values the chronology does not know are
    /// dropped with a notice.
    pub fn apply_view(&mut self, view: &ViewState, notices: &mut Vec<String>) {
        let mut filter = view.filter.clone();
        for facet in Facet::ALL {
            let known: Vec<String> = facet
                .options(&self.data)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            filter.selected_mut(facet).retain(|id| {
                let ok = known.contains(id);
                if !ok {
                    notices.push(format!(
                        "The link's {} '{id}' is not in this chronology; ignored.",
                        facet.label().to_lowercase()
                    ));
                }
                ok
            });
        }
        self.filter = filter;
        self.dim = view.dim;
        self.refilter();
        self.animation = None;
        self.viewport = match view.window {
            Some((from, to)) => Viewport::new(from, to).clamp(&self.limits),
            None => self.fitted,
        };
        self.selected = None;
        if let Some(id) = &view.selected {
            match self.data.events.iter().position(|e| &e.id == id) {
                Some(i) if self.passes(i) => self.selected = Some(i),
                Some(_) => {
                    notices.push(format!("The link's event '{id}' is hidden by its filters."))
                }
                None => notices.push(format!(
                    "The link's event '{id}' is not in this chronology; ignored."
                )),
            }
        }
    }

    /// The view as a link carries it.
    pub fn view_state(&self) -> ViewState {
        if let Some(view) = &self.pending_view {
            return view.clone();
        }
        let target = self.target_viewport();
        let window =
            (target != self.fitted).then(|| url_state::round_window(target.start, target.end));
        ViewState {
            filter: self.filter.clone(),
            dim: self.dim,
            window,
            selected: self.selected.map(|i| self.data.events[i].id.clone()),
            synthetic: self.synthetic(),
            data: match &self.origin {
                Origin::Url(url) => Some(url.clone()),
                Origin::File { .. } => Some(url_state::KEPT_DATA.to_string()),
                _ => self.pending_data.clone(),
            },
            ..ViewState::default()
        }
    }

    /// The size of the synthetic chronology shown instead of the real one, if any.
    pub fn synthetic(&self) -> Option<usize> {
        match self.origin {
            Origin::Synthetic(n) => Some(n),
            _ => None,
        }
    }

    /// The same page with another chronology: filters, window and selection start afresh;
    /// the theme, width and notices stay.
    pub fn with_data(&self, data: Chronology, origin: Origin) -> Self {
        let mut fresh = Self::new(
            data,
            &crate::ui::text::CanvasMeasure::new(),
            self.reduced_motion,
        );
        fresh.origin = origin;
        self.carried_into(fresh)
    }

    /// `fresh` (another chronology's state) with what belongs to the page rather than to the
    /// chronology: the width, the theme and the notices (but the last import's).
    fn carried_into(&self, mut fresh: Self) -> Self {
        fresh.width = self.width;
        fresh.theme = self.theme;
        fresh.system_dark = self.system_dark;
        fresh.notices = self
            .notices
            .iter()
            .filter(|n| !n.starts_with("Imported "))
            .cloned()
            .collect();
        fresh
    }

    /// Recomputes which events pass the filter; a selected event that no longer passes is
    /// deselected.
    fn refilter(&mut self) {
        if !self.filter.text.trim().is_empty() && self.haystacks.len() != self.data.events.len() {
            self.haystacks = Shared(Rc::new(query::search_haystacks(&self.data)));
        }
        let matches = query::matching(&self.data, &self.haystacks, &self.filter);
        self.match_count = matches.iter().filter(|m| **m).count();
        if self.selected.is_some_and(|i| !matches[i]) {
            self.selected = None;
        }
        self.histogram = Shared(Rc::new(query::year_histogram(&self.data, &matches)));
        self.matches = Shared(Rc::new(matches));
    }

    /// Whether event `i` is shown as a full mark (passes the filter).
    pub fn passes(&self, i: usize) -> bool {
        self.matches.get(i).copied().unwrap_or(false)
    }

    /// The next event passing the filter after (`delta` > 0) or before `from`.
    fn step_from(&self, from: Option<usize>, delta: i32) -> Option<usize> {
        let n = self.data.events.len();
        match (from, delta >= 0) {
            (None, true) => (0..n).find(|&i| self.passes(i)),
            (None, false) => (0..n).rev().find(|&i| self.passes(i)),
            (Some(i), true) => (i + 1..n).find(|&j| self.passes(j)),
            (Some(i), false) => (0..i).rev().find(|&j| self.passes(j)),
        }
    }

    /// The default dataset, or an empty chronology with the reason when it cannot be read.
    pub fn embedded(measure: &dyn LabelMeasure, reduced_motion: bool) -> Self {
        match dataset::embedded() {
            Ok(data) => Self::new(data, measure, reduced_motion),
            Err(e) => {
                let mut s = Self::new(empty_chronology(), measure, reduced_motion);
                s.error = Some(format!("The built-in chronology could not be read ({e})."));
                s
            }
        }
    }

    /// The window the user is heading to (the animation's target while one runs).
    pub fn target_viewport(&self) -> Viewport {
        self.animation.map(|a| a.to).unwrap_or(self.viewport)
    }

    fn go_to(&mut self, target: Viewport, animate: bool) {
        if target == self.viewport {
            self.animation = None;
        } else if animate && !self.reduced_motion {
            self.animation = Some(Animation {
                from: self.viewport,
                to: target,
                started_ms: None,
            });
        } else {
            self.animation = None;
            self.viewport = target;
        }
    }

    /// Selects an event and brings it into view if it is not.
    fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|&i| i < self.data.events.len() && self.passes(i));
        if let Some(i) = self.selected {
            let e = &self.data.events[i];
            let target = self.target_viewport();
            let (first, end) = (e.first_day() as f64, e.end_day() as f64);
            let visible = first < target.end && end > target.start;
            if !visible {
                let mid = (first + end.min(first + target.span())) / 2.0;
                let to = target.center_on(mid, &self.limits);
                self.go_to(to, true);
            }
        }
    }
}

pub fn empty_chronology() -> Chronology {
    Chronology {
        title: "Japan–NATO relations: a chronology".into(),
        source: dataset::Source {
            title: String::new(),
            subtitle: None,
            series: None,
            author: String::new(),
            affiliations: vec![],
            year: None,
            note: None,
        },
        phases: vec![],
        domains: vec![],
        third_parties: vec![],
        footnotes: vec![],
        events: vec![],
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Resize(width) => {
                if (width - s.width).abs() < 0.5 || !width.is_finite() || width <= 0.0 {
                    return self;
                }
                s.width = width;
            }
            Action::ZoomAbout {
                factor,
                at,
                animate,
            } => {
                // The anchor is taken from the window being zoomed, not from what was last
                // drawn: several wheel events may arrive between two frames.
                let from = s.target_viewport();
                let anchor = from.start + at * from.span();
                let to = from.zoom_about(factor, anchor, &s.limits);
                s.go_to(to, animate);
            }
            Action::Zoom(factor) => {
                let target = s.target_viewport();
                let to = target.zoom_about(factor, target.center(), &s.limits);
                s.go_to(to, true);
            }
            Action::PanFraction(fraction) => {
                let target = s.target_viewport();
                let to = target.pan(fraction * target.span(), &s.limits);
                s.go_to(to, true);
            }
            Action::SetViewport(v) => {
                s.animation = None;
                s.viewport = v.clamp(&s.limits);
            }
            Action::CenterOn(day) => {
                let to = s.target_viewport().center_on(day, &s.limits);
                s.go_to(to, true);
            }
            Action::FitAll => {
                let to = s.fitted;
                s.go_to(to, true);
            }
            Action::FitRange(first, end) => {
                let to = Viewport::fit(first, end, &s.limits);
                s.go_to(to, true);
            }
            Action::Select(i) => s.select(i),
            Action::Step(delta) => match s.step_from(s.selected, delta) {
                Some(next) => s.select(Some(next)),
                None => return self,
            },
            Action::SelectFirst => {
                let first = s.step_from(None, 1);
                if first.is_some() {
                    s.select(first);
                }
            }
            Action::SelectLast => {
                let last = s.step_from(None, -1);
                if last.is_some() {
                    s.select(last);
                }
            }
            Action::ToggleFacet(facet, id) => {
                let set = s.filter.selected_mut(facet);
                if !set.remove(&id) {
                    set.insert(id);
                }
                s.refilter();
            }
            Action::OnlyFacet(facet, id) => {
                let set = s.filter.selected_mut(facet);
                set.clear();
                set.insert(id);
                s.refilter();
            }
            Action::ClearFacet(facet) => {
                s.filter.selected_mut(facet).clear();
                s.refilter();
            }
            Action::ClearFilters => {
                s.filter = Filter::default();
                s.refilter();
            }
            Action::SetSearch(text) => {
                s.filter.text = text;
                s.refilter();
            }
            Action::NextMatch(delta) => {
                if s.filter.text.trim().is_empty() {
                    return self;
                }
                let next = s
                    .step_from(s.selected, delta)
                    .or_else(|| s.step_from(None, delta));
                match next {
                    Some(i) => s.select(Some(i)),
                    None => return self,
                }
            }
            Action::SetDim(dim) => s.dim = dim,
            Action::ToggleFilters => s.filters_open = !s.filters_open,
            Action::ToggleTheme => {
                s.theme = if s.theme.is_dark(s.system_dark) {
                    Theme::Light
                } else {
                    Theme::Dark
                };
            }
            Action::OpenDialog(kind) => s.dialog = Some(kind),
            Action::CloseDialog => {
                if s.dialog.is_none() {
                    return self;
                }
                s.dialog = None;
                s.report = None;
            }
            Action::ApplyView(view) => {
                let mut notices = Vec::new();
                s.apply_view(&view, &mut notices);
                s.notices.extend(notices);
            }
            Action::Notify(message) => {
                s.notices.retain(|n| n != &message);
                s.notices.push(message);
            }
            Action::DismissNotice(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::Loading(loading) => {
                if loading.is_none() {
                    // Loading has ended without a chronology: the link follows the page again.
                    s.pending_view = None;
                }
                s.loading = loading;
            }
            Action::ImportFailed(report) => {
                s.pending_view = None;
                s.loading = None;
                s.report = Some(report);
                s.dialog = Some(DialogKind::Import);
            }
            Action::Imported {
                chronology,
                origin,
                format,
                skipped,
                view,
                quiet,
            } => {
                let origin = match (origin, format) {
                    (Origin::File { name, .. }, Some(format)) => Origin::File {
                        name,
                        format: format.label().to_string(),
                    },
                    (other, _) => other,
                };
                let format = match (&origin, format) {
                    (_, Some(f)) => f.label().to_string(),
                    (Origin::File { format, .. }, None) => format.clone(),
                    _ => "file".to_string(),
                };
                let name = match &origin {
                    Origin::File { name, .. } => name.clone(),
                    Origin::Url(url) => url.clone(),
                    _ => String::new(),
                };
                let mut fresh = s.with_data(*chronology, origin);
                let mut notices = Vec::new();
                if let Some(view) = view {
                    fresh.apply_view(&view, &mut notices);
                }
                let n = fresh.data.events.len();
                if !quiet {
                    fresh
                        .notices
                        .push(format!("Imported {n} events from {name} ({format})."));
                }
                fresh.notices.extend(notices);
                if skipped.is_empty() {
                    fresh.dialog = None;
                } else {
                    fresh.report = Some(Report::Skipped {
                        name,
                        imported: n,
                        skipped: Shared(Rc::new(skipped)),
                    });
                    fresh.dialog = Some(DialogKind::Import);
                }
                s = fresh;
            }
            Action::RestoreBuiltin | Action::BackToBuiltin(_) => {
                let mut fresh = s.carried_into(Self::embedded(
                    &crate::ui::text::CanvasMeasure::new(),
                    s.reduced_motion,
                ));
                if let Action::BackToBuiltin(view) = &action {
                    let mut notices = Vec::new();
                    fresh.apply_view(view, &mut notices);
                    fresh.notices.extend(notices);
                }
                fresh
                    .notices
                    .push("The Japan–NATO chronology is shown again.".into());
                s = fresh;
            }
            Action::Dragging(on) => {
                if s.dragging == on {
                    return self;
                }
                s.dragging = on;
            }
            Action::Frame(now) => {
                let Some(mut a) = s.animation else {
                    return self;
                };
                let started = *a.started_ms.get_or_insert(now);
                let t = ((now - started) / ANIMATION_MS).clamp(0.0, 1.0);
                // Ease out (cubic): quick to respond, gentle to land.
                let eased = 1.0 - (1.0 - t).powi(3);
                s.viewport = a.from.lerp(&a.to, eased).clamp(&s.limits);
                s.animation = if t >= 1.0 {
                    s.viewport = a.to;
                    None
                } else {
                    Some(a)
                };
            }
        }
        Rc::new(s)
    }
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Copies the page's URL (which holds the whole view) to the clipboard, or shows it to copy by
/// hand where the clipboard is not available.
fn copy_link(dispatch: Callback<Action>, query: String) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        // Built from the state, not read from the address bar, which is updated lazily.
        let location = window.location();
        let href = format!(
            "{}{}{query}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let navigator = window.navigator();
        // `navigator.clipboard` is missing outside secure contexts (plain http from elsewhere).
        let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if !has_clipboard {
            dispatch.emit(Action::Notify(format!(
                "The clipboard is not available here; copy this link: {href}"
            )));
            return;
        }
        let promise = navigator.clipboard().write_text(&href);
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => "Link to this view copied to the clipboard.".to_string(),
                Err(_) => format!("The clipboard is not available here; copy this link: {href}"),
            };
            dispatch.emit(Action::Notify(message));
        });
    })
}

/// The window the list follows, for chronologies too large to list whole; coarse (eighths of
/// the span) so that zooming and panning do not rebuild the list on every frame.
fn list_window(store: &State) -> Option<(f64, f64)> {
    (store.match_count > crate::ui::event_list::FULL_LIST_LIMIT).then(|| {
        let v = store.viewport;
        let step = (v.span() / 8.0).max(1.0);
        (
            (v.start / step).floor() * step,
            (v.end / step).ceil() * step,
        )
    })
}

/// `/` anywhere (outside a text field) focuses the search box; `?` opens the help.
#[hook]
fn use_global_keys(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&w, "keydown", options, move |event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if !matches!(key.key().as_str(), "/" | "?")
                    || key.ctrl_key()
                    || key.meta_key()
                    || key.alt_key()
                {
                    return;
                }
                let typing = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if typing {
                    return;
                }
                if key.key() == "?" {
                    event.prevent_default();
                    dispatch.emit(Action::OpenDialog(DialogKind::Help));
                    return;
                }
                if let Some(input) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(SEARCH_INPUT_ID))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    event.prevent_default();
                    let _ = input.focus();
                }
            })
        });
        move || drop(listener)
    });
}

/// What happens after the first render: a `?data=` file to load, or an imported chronology
/// to read back from IndexedDB.
enum Deferred {
    Nothing,
    LoadUrl(String, ViewState),
    FromIndexedDb(ViewState),
}

/// The first state: the link's chronology and view, or the imported chronology this browser
/// kept (with its last view when the link has none), or the built-in one.
fn startup() -> (State, Deferred) {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let measure = crate::ui::text::CanvasMeasure::new();
    let reduced_motion = prefers_reduced_motion();
    let (view, _) = url_state::parse(&query);
    let mut deferred = Deferred::Nothing;
    let mut state = if view.synthetic.is_some() {
        State::from_query(&query, &measure, reduced_motion)
    } else if let Some(data) = view.data.clone().filter(|d| d != url_state::KEPT_DATA) {
        // The built-in chronology shows while the file loads; the link's view applies to the
        // file once loaded.
        let (view, notices) = url_state::parse(&query);
        let mut s = State::embedded(&measure, reduced_motion);
        s.notices = notices;
        s.loading = Some(Loading {
            what: format!("Loading {data}…"),
            loaded: 0.0,
            total: None,
        });
        s.pending_data = Some(data.clone());
        s.pending_view = Some(view.clone());
        deferred = Deferred::LoadUrl(data, view);
        s
    } else {
        let remembered = || {
            let (view, _) =
                url_state::parse(&crate::ui::storage::stored_view().unwrap_or_default());
            view
        };
        let bare = query.trim_start_matches('?').is_empty();
        let link_or_remembered = || if bare { remembered() } else { view.clone() };
        // The kept import opens from a bare address (unless the built-in chronology was shown
        // since, by going Back from it) or a link naming it (`?data=@browser`); any other link is
        // to the built-in chronology.
        let wants_kept = (bare && !crate::ui::storage::builtin_shown()) || view.data.is_some();
        let stored = if wants_kept {
            crate::ui::storage::stored()
        } else {
            crate::ui::storage::Stored::Nothing
        };
        match stored {
            crate::ui::storage::Stored::Nothing if !bare && wants_kept => {
                let mut s = State::from_query(&query, &measure, reduced_motion);
                s.notices.push("This link is to a chronology imported in another browser (or since removed); the Japan–NATO chronology is shown instead.".into());
                s
            }
            crate::ui::storage::Stored::Nothing => {
                State::from_query(&query, &measure, reduced_motion)
            }
            crate::ui::storage::Stored::Discarded(notice) => {
                let mut s = State::from_query(&query, &measure, reduced_motion);
                s.notices.push(notice);
                s
            }
            crate::ui::storage::Stored::Here(saved) => {
                let saved = *saved;
                let mut s = State::new(saved.chronology, &measure, reduced_motion);
                s.origin = Origin::File {
                    name: saved.name,
                    format: saved.format,
                };
                let mut notices = url_state::parse(&query).1;
                s.apply_view(&link_or_remembered(), &mut notices);
                s.notices = notices;
                s
            }
            crate::ui::storage::Stored::InIndexedDb => {
                let mut s = State::embedded(&measure, reduced_motion);
                s.loading = Some(Loading {
                    what: "Loading your imported chronology…".into(),
                    loaded: 0.0,
                    total: None,
                });
                s.pending_data = Some(url_state::KEPT_DATA.to_string());
                let view = link_or_remembered();
                s.pending_view = Some(ViewState {
                    data: s.pending_data.clone(),
                    ..view.clone()
                });
                deferred = Deferred::FromIndexedDb(view);
                s
            }
        }
    };
    state.theme = stored_theme();
    // Before the first frame, so that it is drawn in the stylesheet's colours for this theme.
    apply_theme(state.theme);
    state.system_dark = system_prefers_dark();
    (state, deferred)
}

/// Keeps the imported chronology's view for the next visit (once the motion pauses).
#[hook]
fn use_remember_view(store: &UseReducerHandle<State>) {
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let imported = matches!(store.origin, Origin::File { .. });
    let query = url_state::to_query(&store.view_state());
    use_effect_with(imported, |imported| {
        if *imported {
            // The import shows again: a bare address opens it again.
            crate::ui::storage::set_builtin_shown(false);
        }
    });
    use_effect_with((imported, query), move |(imported, query)| {
        if *imported {
            let query = query.clone();
            *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
                crate::ui::storage::save_view(&query)
            }));
        }
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let deferred = use_mut_ref(|| Deferred::Nothing);
    let store = {
        let deferred = deferred.clone();
        use_reducer(move || {
            let (state, later) = startup();
            *deferred.borrow_mut() = later;
            state
        })
    };
    {
        let dispatch = Callback::from({
            let d = store.dispatcher();
            move |a: Action| d.dispatch(a)
        });
        use_effect_with((), move |_| {
            crate::ui::mark("explorer:first-render");
            match std::mem::replace(&mut *deferred.borrow_mut(), Deferred::Nothing) {
                Deferred::Nothing => {}
                Deferred::LoadUrl(data, view) => crate::ui::import::load_url(dispatch, data, view),
                Deferred::FromIndexedDb(view) => wasm_bindgen_futures::spawn_local(async move {
                    let ticket = crate::ui::import::new_ticket();
                    let loaded = crate::ui::storage::load_from_indexed_db().await;
                    if !crate::ui::import::is_current(ticket) {
                        // The user imported or restored something meanwhile.
                        return;
                    }
                    match loaded {
                        Ok(saved) => dispatch.emit(Action::Imported {
                            chronology: Box::new(saved.chronology),
                            origin: Origin::File {
                                name: saved.name,
                                format: saved.format,
                            },
                            format: None,
                            skipped: Vec::new(),
                            view: Some(view),
                            quiet: true,
                        }),
                        Err(notice) => {
                            dispatch.emit(Action::Loading(None));
                            dispatch.emit(Action::Notify(notice));
                        }
                    }
                }),
            }
        });
    }
    use_remember_view(&store);
    // Apply and remember the theme.
    use_effect_with(store.theme, |theme| {
        let value = apply_theme(*theme);
        if let Some(storage) = crate::ui::storage::local_storage() {
            // A full or refused storage only means the choice is not remembered.
            let _ = match value {
                Some(v) => storage.set_item(THEME_KEY, v),
                None => storage.remove_item(THEME_KEY),
            };
        }
    });
    crate::ui::url_sync::use_url_sync(&store);

    // Drive animations with requestAnimationFrame while one runs.
    {
        let dispatcher = store.dispatcher();
        // Every frame changes one of these, so the effect asks for the next frame.
        use_effect_with((store.animation, store.viewport), move |(animation, _)| {
            let frame = animation.is_some().then(|| {
                gloo::render::request_animation_frame(move |now| {
                    dispatcher.dispatch(Action::Frame(now))
                })
            });
            move || drop(frame)
        });
    }

    // One stable callback: children whose other props are unchanged (facets, list, details)
    // then skip re-rendering while the timeline zooms.
    let dispatch = use_callback(store.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });
    use_global_keys(dispatch.clone());
    crate::ui::import::use_drop_import(dispatch.clone());
    // The first frame shows the header, the overview and the timeline; the filters, the list and
    // the details (their places kept) follow in a task just after it.
    let full = use_state(|| false);
    {
        // Asked for in the first render itself: Yew runs effects only after that frame.
        let show = full.setter();
        use_mut_ref(move || crate::ui::after_next_frame(move || show.set(true)));
    }
    let full = *full;
    let data = &store.data;
    let builtin = store.origin == Origin::Builtin;
    // Opened from a disk (the one-file build): the files beside a hosted page are not there.
    let single_file = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:");
    let imported_from = match &store.origin {
        Origin::File { name, format } => Some(format!("Imported from {name} ({format})")),
        Origin::Url(url) => Some(format!("Loaded from {url}")),
        _ => None,
    };
    let source = &data.source;
    let dark = store.theme.is_dark(store.system_dark);
    let selected_announcement = store
        .selected
        .and_then(|i| data.events.get(i))
        .map(|e| format!("Selected: {} — {}", e.date_label(), e.title))
        .unwrap_or_default();
    let active_filters = store.filter.phases.len()
        + store.filter.domains.len()
        + store.filter.third_parties.len()
        + usize::from(!store.filter.text.trim().is_empty());
    let filters_label = if active_filters == 0 {
        format!("Filters · showing all {}", data.events.len())
    } else {
        format!(
            "Filters ({active_filters} on) · showing {} of {}",
            store.match_count,
            data.events.len()
        )
    };
    let notices = store.notices.iter().enumerate().map(|(i, n)| {
        html! {
            <div class="notice" role="status">
                <span>{ n }</span>
                <button type="button" aria-label="Dismiss notice" onclick={dispatch.reform(move |_| Action::DismissNotice(i))}>{ "×" }</button>
            </div>
        }
    });

    html! {
        <>
            <a class="skip-link" href="#timeline">{ "Skip to timeline" }</a>
            <header class="app-header">
                <div class="titles">
                    <h1>{ &data.title }</h1>
                    if let Some(from) = &imported_from {
                        <p class="source-line">
                            { from }{ " · " }
                            <button type="button" class="link-button" onclick={crate::ui::import::restore_builtin(&dispatch, &store.origin)}>
                                { "Restore the Japan–NATO chronology" }
                            </button>
                        </p>
                    } else if !source.title.is_empty() {
                        <p class="source-line">
                            { "From " }<cite>{ &source.title }</cite>
                            if let Some(sub) = &source.subtitle { { ": " }{ sub } }
                            { format!(" — {}", source.author) }
                            if let Some(year) = source.year { { format!(", {year}") } }
                        </p>
                    }
                </div>
                <div class="header-tools">
                    <Search text={store.filter.text.clone()} match_count={store.match_count} dispatch={dispatch.clone()} />
                    <button type="button" class="copy-link" onclick={copy_link(dispatch.clone(), url_state::to_query(&store.view_state()))}>{ "Copy link" }</button>
                    <button type="button" onclick={dispatch.reform(|_| Action::OpenDialog(DialogKind::Import))}>{ "Import…" }</button>
                    <button type="button" onclick={dispatch.reform(|_| Action::OpenDialog(DialogKind::About))}>{ "About the data" }</button>
                    <button type="button" aria-pressed={dark.to_string()} onclick={dispatch.reform(|_| Action::ToggleTheme)}>{ "Dark theme" }</button>
                    <button type="button" aria-keyshortcuts="?" onclick={dispatch.reform(|_| Action::OpenDialog(DialogKind::Help))}>{ "Help" }</button>
                </div>
            </header>
            if let (Some(loading), false) = (&store.loading, store.dialog == Some(DialogKind::Import)) {
                <crate::ui::import::LoadingBar loading={loading.clone()} />
            }
            if store.dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ "Drop the file to import it" }</p></div>
            }
            if let Some(error) = &store.error {
                <div class="notice error" role="alert">{ error }</div>
            }
            { for notices }
            <div class="visually-hidden" role="status" aria-live="polite">{ selected_announcement }</div>
            <div class="layout">
                <button type="button" class="filters-toggle" aria-expanded={store.filters_open.to_string()}
                        aria-controls="facets" onclick={dispatch.reform(|_| Action::ToggleFilters)}>
                    { filters_label }
                </button>
                <div id="facets" class={classes!("facets-drawer", store.filters_open.then_some("open"))}>
                    if full {
                        <Facets data={data.clone()} haystacks={store.haystacks.clone()} matches={store.matches.clone()}
                                filter={store.filter.clone()}
                                match_count={store.match_count} dim={store.dim} {dark} dispatch={dispatch.clone()} />
                    }
                </div>
                <main class="main">
                    <Overview data={data.clone()} histogram={store.histogram.clone()} viewport={store.viewport} {dark}
                              limits={store.limits} width={store.width} dispatch={dispatch.clone()} />
                    <Timeline data={data.clone()} index={store.index.clone()} limits={store.limits}
                              viewport={store.viewport} width={store.width} selected={store.selected}
                              matches={store.matches.clone()} dim={store.dim} {dark}
                              dispatch={dispatch.clone()} />
                    <div class="below">
                        if full {
                            <EventList data={data.clone()} matches={store.matches.clone()} match_count={store.match_count}
                                       search={store.filter.text.clone()} selected={store.selected}
                                       window={list_window(&store)} dispatch={dispatch.clone()} />
                            <Detail data={data.clone()} selected={store.selected} matches={store.matches.clone()} from_brief={builtin}
                                    dispatch={dispatch.clone()} />
                        }
                    </div>
                </main>
            </div>
            <PrintList data={data.clone()} matches={store.matches.clone()} match_count={store.match_count} />
            if let Some(kind) = store.dialog {
                <Dialog {kind} data={data.clone()} {dark} dispatch={dispatch.clone()} origin={store.origin.clone()}
                        report={store.report.clone()} loading={store.loading.clone()} />
            }
            <footer class="app-footer">
                if store.synthetic().is_some() {
                    <p>{ "Synthetic data for stress tests: " }<a href="./">{ "back to the Japan–NATO chronology" }</a></p>
                } else if !builtin {
                    <p>
                        { format!("“{}”: {} events. ", data.title, data.events.len()) }
                        { imported_from.clone().unwrap_or_default() }{ ". " }
                        <button type="button" class="link-button" onclick={crate::ui::import::restore_builtin(&dispatch, &store.origin)}>
                            { "Restore the Japan–NATO chronology" }
                        </button>
                    </p>
                } else {
                    <p>
                        { "Source: " }{ crate::ui::dialogs::source_credit(source) }{ ". " }
                        { format!("{} events, {} footnotes. ", data.events.len(), data.footnotes.len()) }
                        if single_file {
                            { "This is the explorer as one file: the data can be saved with the JSON export above." }
                        } else {
                            <a href="data/japan-nato.json" download="japan-nato.json">{ "Download the data (JSON)" }</a>
                            { " · " }
                            <a href="data/chronology.schema.json" download="chronology.schema.json">{ "its schema" }</a>
                            { " · " }
                            <a href="japan-nato-explorer.html" download="japan-nato-explorer.html">{ "The explorer as one file (works offline)" }</a>
                        }
                    </p>
                }
            </footer>
        </>
    }
}
