//! Start-up in the browser: gathers what the store's boot table needs (the link, storage, the
//! environment), and after the first render starts what the plan deferred.

use super::{environment, files, measure::CanvasMeasure, storage};
use crate::store::boot::{self, Deferred, Facts};
use crate::store::{Action, State};
use yew::Callback;

fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The first state, and what follows the first render.
pub fn start() -> (State, Deferred) {
    let plan = boot::plan(Facts {
        query: current_query(),
        builtin_shown: storage::builtin_shown(),
        stored: storage::stored,
        stored_view: storage::stored_view,
    });
    let env = environment::read();
    let (state, deferred) = boot::boot(plan, &CanvasMeasure::new(), env);
    // Before the first frame, so that it is drawn in the stylesheet's colours for this theme.
    environment::apply_theme(state.chrome.theme);
    (state, deferred)
}

/// Starts what the plan deferred to after the first render.
pub fn run_deferred(deferred: Deferred, dispatch: Callback<Action>) {
    match deferred {
        Deferred::Nothing => {}
        Deferred::LoadUrl(data, view) => files::load_url(dispatch, data, view),
        Deferred::FromIndexedDb(view) => files::restore_kept(dispatch, view),
    }
}
