use super::{DialogKind, Notice, Origin, Prepared, Progress, Report};
use crate::core::grouping::GroupBy;
use crate::core::import::{Format, ImportProblem};
use crate::core::query::Facet;
use crate::core::url_state::ViewState;
use crate::core::viewport::Viewport;

/// Everything that can change the state. What the browser knows (a width, the time, a file's
/// chronology with its label widths) is in the action, measured by whoever dispatches it.
#[derive(Clone, Debug)]
pub enum Action {
    /// The timeline's drawing area is this wide (CSS pixels).
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
    /// Zoom by `factor` keeping event `index` where it is on screen (its mark's day, or a
    /// span's middle within the window): `+` and `-` on a focused event, which stays in view.
    ZoomOnEvent {
        factor: f64,
        index: usize,
    },
    /// Pan by a fraction of the visible span (positive moves later in time).
    PanFraction(f64),
    /// Pan to the start (or the end, `later`) of the chronology, keeping the span.
    PanToEdge {
        later: bool,
    },
    /// Set the window directly (dragging).
    SetViewport(Viewport),
    FitAll,
    /// Centre the window on a day (clicking a year in the overview).
    CenterOn(f64),
    /// Show a range of days.
    FitRange(f64, f64),
    /// Open a `+N` badge: zoom in until its members spread, or list them when even the
    /// narrowest window cannot.
    OpenCluster {
        members: Vec<usize>,
        /// The group it is drawn in, if grouped.
        group: Option<usize>,
        /// In the spans' band.
        spans: bool,
    },
    /// Close the list of a badge's events.
    CloseClusterList,
    /// Group the timeline's lanes (or not).
    SetGroupBy(GroupBy),
    /// Collapse or expand a group (by its key).
    ToggleGroup(String),
    /// Open every folded lane of the grouping chosen.
    UnfoldLanes,
    /// Whether the window follows the filters.
    SetFollow(bool),
    Select(Option<usize>),
    /// Select the previous (-1) or next (+1) event passing the filter, in time order.
    Step(i32),
    SelectFirst,
    SelectLast,
    /// Turn one facet value on or off.
    ToggleFacet(Facet, String),
    /// Select only this value of the facet.
    OnlyFacet(Facet, String),
    ClearFacet(Facet),
    ClearFilters,
    SetSearch(String),
    /// Fold the search text of the next events (sent in idle time after a chronology shows, so
    /// that the first search does not wait for all of it).
    IndexSearch,
    /// Select the next (+1) or previous (-1) search match and bring it into view.
    NextMatch(i32),
    SetDim(bool),
    DismissNotice(usize),
    /// Dismiss every notice at once.
    DismissNotices,
    /// The notices of things done have been read (they go by themselves).
    DismissDone,
    /// Tell the user something (e.g. that the link was copied).
    Notify(Notice),
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
    BackToBuiltin {
        builtin: Box<Prepared>,
        view: ViewState,
    },
    /// An animation frame at this time (ms, `performance.now()`).
    Frame(f64),
    /// A file is being read or loaded (None: no longer).
    Loading(Option<Progress>),
    /// The chronology the link names could not be read (the import kept in IndexedDB): the one
    /// shown stays, the link no longer names it, and the notice says why.
    LoadFailed(Notice),
    /// The reader stopped the load of a link's file: the chronology shown stays, and the link
    /// no longer names the file.
    LoadCancelled,
    /// An import failed: nothing changes but the report.
    ImportFailed(Report),
    /// A chronology was imported: it replaces the one shown, with the link's view if any.
    Imported {
        prepared: Box<Prepared>,
        origin: Origin,
        format: Format,
        /// The problems of the records left out, as the user asked (a list cut at
        /// [`crate::core::import::MAX_PROBLEMS`]).
        skipped: Vec<ImportProblem>,
        /// How many records were left out.
        skipped_records: usize,
        /// The file's eras imported (as phases), said beside its events (see
        /// [`crate::core::import::Imported::eras`]).
        eras: usize,
        /// What was changed on the way in (control characters removed, columns ignored).
        changed: Vec<ImportProblem>,
        view: Option<ViewState>,
        /// What a file's own saved view asked that was ignored, in a link's words (see
        /// [`crate::core::url_state::parse`]).
        view_notices: Vec<String>,
        /// Read back from this browser's storage rather than imported just now: no notice.
        quiet: bool,
    },
    /// Back to the built-in Japan–NATO chronology.
    RestoreBuiltin(Box<Prepared>),
    /// A file is (not) being dragged over the page.
    Dragging(bool),
    /// Tell the story at this position in the chronology's list, from its first scene.
    StartStory(usize),
    /// Show this scene (by its position) of the story being told.
    GoToScene(usize),
    NextScene,
    PreviousScene,
    /// Leave the story, keeping the view to explore from.
    LeaveStory,
    /// Escape outside the timeline and the details: closes the details if open, else leaves
    /// the story (a reader in a story who opened an event closes it first).
    Dismiss,
}

impl Action {
    /// What activating a target of the timeline does: a mark selects its event, a badge opens
    /// (spreads or lists) its events.
    pub fn for_target(kind: &crate::core::scene::TargetKind) -> Action {
        use crate::core::scene::TargetKind as T;
        match kind {
            T::Mark { index, .. } => Action::Select(Some(*index)),
            T::Cluster {
                members,
                group,
                spans,
                ..
            } => Action::OpenCluster {
                members: members.clone(),
                group: *group,
                spans: *spans,
            },
        }
    }

    /// The action a key command stands for, when it is one of the store's (focus moves and
    /// activation are the components' own).
    pub fn for_command(command: crate::core::keys::Command) -> Option<Action> {
        use crate::core::keys::Command as C;
        Some(match command {
            C::Help => Action::OpenDialog(DialogKind::Help),
            C::NextMatch => Action::NextMatch(1),
            C::PreviousMatch => Action::NextMatch(-1),
            C::ClearSearch => Action::SetSearch(String::new()),
            C::ZoomIn => Action::Zoom(2.0),
            C::ZoomOut => Action::Zoom(0.5),
            C::PanEarlier => Action::PanFraction(-0.2),
            C::PanLater => Action::PanFraction(0.2),
            C::PageEarlier => Action::PanFraction(-1.0),
            C::PageLater => Action::PanFraction(1.0),
            C::WindowToStart => Action::PanToEdge { later: false },
            C::WindowToEnd => Action::PanToEdge { later: true },
            C::FitAll => Action::FitAll,
            C::SelectFirst => Action::SelectFirst,
            C::SelectLast => Action::SelectLast,
            C::SelectPrevious => Action::Step(-1),
            C::SelectNext => Action::Step(1),
            C::ClearSelection => Action::Select(None),
            C::NextScene => Action::NextScene,
            C::PreviousScene => Action::PreviousScene,
            C::Dismiss => Action::Dismiss,
            C::FocusSearch
            | C::FocusPreviousMark
            | C::FocusNextMark
            | C::Activate
            | C::EarlierBar
            | C::LaterBar
            | C::FirstBar
            | C::LastBar
            | C::FocusPreviousEntry
            | C::FocusNextEntry
            | C::FocusFirstEntry
            | C::FocusLastEntry
            | C::FocusOnly
            | C::FocusValue => return None,
        })
    }
}
