//! The start-up decision: which chronology the page opens with, with which view, and what
//! follows the first render (a `?data=` file to load, an import kept in IndexedDB to read).
//!
//! | the link                       | kept import?          | shows                          | then |
//! |--------------------------------|-----------------------|--------------------------------|------|
//! | `?synthetic=N`                 | (not read)            | N synthetic events, the link's view | – |
//! | `?data=URL` (a file)           | (not read)            | the built-in chronology, loading | load URL with the link's view |
//! | bare, not after Back           | in localStorage       | the import, its remembered view | – |
//! | bare, not after Back           | in IndexedDB          | the built-in chronology, loading | read it with the remembered view |
//! | bare, not after Back           | discarded             | the built-in one + why          | – |
//! | bare, not after Back / any other link | none           | the built-in one, the link's view | – |
//! | bare, after Back from the import | (not read)          | the built-in one                | – |
//! | `?data=@browser&…`             | kept (either store)   | the import, the link's view     | (IndexedDB: read it) |
//! | `?data=@browser&…`             | none                  | the built-in one (its own view) + a notice | – |
//! | `?data=@browser&…`             | discarded             | the built-in one (its own view) + why | – |

use super::{Notice, Progress, Unit};
use crate::core::saved::Saved;
use crate::core::url_state::{self, ViewState};

/// What this browser keeps of an imported chronology, as read at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    Nothing,
    /// Read from localStorage.
    Here(Box<Saved>),
    /// In IndexedDB: to be read after the first render.
    InIndexedDb,
    /// Discarded, with the notice that says why.
    Discarded(String),
}

/// Which chronology the first render shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    Builtin,
    Synthetic(usize),
    /// The import kept in localStorage.
    Kept(Box<Saved>),
}

/// What happens after the first render.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Deferred {
    #[default]
    Nothing,
    /// Load a `?data=` file, then apply the link's view to it.
    LoadUrl(String, ViewState),
    /// Read the import kept in IndexedDB, then apply this view to it.
    FromIndexedDb(ViewState),
}

/// The decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub start: Start,
    /// The view to apply to what shows first (None: the default view, e.g. while a linked
    /// chronology loads).
    pub view: Option<ViewState>,
    /// Notices about the link itself (before those about applying its view).
    pub notices: Vec<Notice>,
    /// Notices about the kept import (after those about applying the view).
    pub then_notices: Vec<Notice>,
    /// Shown while the deferred load runs.
    pub loading: Option<Progress>,
    /// The `data=` the link names while it loads, and its whole view meanwhile.
    pub pending_data: Option<String>,
    pub pending_view: Option<ViewState>,
    pub then: Deferred,
}

impl Plan {
    fn show(start: Start, view: ViewState, notices: Vec<Notice>) -> Self {
        Plan {
            start,
            view: Some(view),
            notices,
            then_notices: Vec::new(),
            loading: None,
            pending_data: None,
            pending_view: None,
            then: Deferred::Nothing,
        }
    }
}

/// What start-up knows: the link's query string, whether this tab went Back from the import to
/// the built-in chronology, and (read only when needed) the kept import and its last view.
pub struct Facts<S, V>
where
    S: FnOnce() -> Stored,
    V: FnOnce() -> Option<String>,
{
    pub query: String,
    pub builtin_shown: bool,
    pub stored: S,
    pub stored_view: V,
}

/// The start-up decision table (see the module's documentation).
pub fn plan<S, V>(facts: Facts<S, V>) -> Plan
where
    S: FnOnce() -> Stored,
    V: FnOnce() -> Option<String>,
{
    let query = facts.query.as_str();
    let (view, parse_notices) = url_state::parse(query);
    let notices: Vec<Notice> = parse_notices.into_iter().map(Notice::View).collect();
    if let Some(n) = view.synthetic {
        return Plan::show(Start::Synthetic(n), view, notices);
    }
    if let Some(data) = view.data.clone().filter(|d| d != url_state::KEPT_DATA) {
        // The built-in chronology shows while the file loads; the link's view applies to the
        // file once loaded.
        return Plan {
            start: Start::Builtin,
            view: None,
            notices,
            then_notices: Vec::new(),
            loading: Some(Progress {
                what: format!("Loading {data}…"),
                loaded: 0.0,
                total: None,
                unit: Unit::Bytes,
                cancellable: true,
            }),
            pending_data: Some(data.clone()),
            pending_view: Some(view.clone()),
            then: Deferred::LoadUrl(data, view),
        };
    }
    let bare = query.trim_start_matches('?').is_empty();
    // The kept import opens from a bare address (unless the built-in chronology was shown since,
    // by going Back from it) or from a link naming it (`?data=@browser`); any other link is to
    // the built-in chronology.
    let wants_kept = (bare && !facts.builtin_shown) || view.data.is_some();
    let stored = if wants_kept {
        (facts.stored)()
    } else {
        Stored::Nothing
    };
    // A bare address opens the import with its remembered view; a link, with its own.
    let link_or_remembered = |view: ViewState, remembered: V| {
        if bare {
            url_state::parse(&remembered().unwrap_or_default()).0
        } else {
            view
        }
    };
    // A link's view made for the kept import is not applied to the built-in chronology shown
    // in its place: its filters, window and event were the import's (one corrupt import gave
    // three notices, two of them about its filter and window not fitting the brief).
    match stored {
        Stored::Nothing if !bare && wants_kept => {
            let mut plan = Plan::show(Start::Builtin, ViewState::default(), notices);
            plan.then_notices.push(Notice::Message("This link is to a chronology imported in another browser (or since removed); the Japan–NATO chronology is shown instead.".into()));
            plan
        }
        Stored::Nothing => Plan::show(Start::Builtin, view, notices),
        Stored::Discarded(reason) => {
            let mut plan = Plan::show(Start::Builtin, ViewState::default(), notices);
            plan.then_notices.push(Notice::Message(reason));
            plan
        }
        Stored::Here(saved) => {
            let view = link_or_remembered(view, facts.stored_view);
            Plan::show(Start::Kept(saved), view, notices)
        }
        Stored::InIndexedDb => {
            let view = link_or_remembered(view, facts.stored_view);
            let data = url_state::KEPT_DATA.to_string();
            Plan {
                start: Start::Builtin,
                view: None,
                notices: Vec::new(),
                then_notices: Vec::new(),
                loading: Some(Progress {
                    what: "Loading your imported chronology…".into(),
                    loaded: 0.0,
                    total: None,
                    unit: Unit::Bytes,
                    cancellable: false,
                }),
                pending_view: Some(ViewState {
                    data: Some(data.clone()),
                    ..view.clone()
                }),
                pending_data: Some(data),
                then: Deferred::FromIndexedDb(view),
            }
        }
    }
}

/// The first state, as the plan says, and what follows the first render. `measure` gives the
/// label widths of the chronology shown first.
pub fn boot(
    plan: Plan,
    measure: &dyn crate::core::text::LabelMeasure,
    env: super::Environment,
) -> (super::State, Deferred) {
    use super::{Origin, Prepared, State};
    use crate::core::import::Format;
    let (prepared, origin) = match plan.start {
        Start::Builtin => (Prepared::builtin(measure), Origin::Builtin),
        Start::Synthetic(n) => (Prepared::synthetic(n, measure), Origin::Synthetic(n)),
        Start::Kept(saved) => {
            let saved = *saved;
            let origin = Origin::File {
                name: saved.name,
                format: Format::from_label(&saved.format).unwrap_or(Format::Json),
            };
            (Prepared::new(saved.chronology, measure), origin)
        }
    };
    let mut state = State::new(prepared, origin, env);
    let mut notices = plan.notices;
    if let Some(view) = &plan.view {
        notices.extend(state.apply_view(view));
    }
    notices.extend(plan.then_notices);
    state.chrome.notices = notices;
    state.chrome.loading = plan.loading;
    state.chrome.pending = super::PendingLink {
        data: plan.pending_data,
        view: plan.pending_view,
    };
    (state, plan.then)
}
