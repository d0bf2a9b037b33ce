//! Start-up in the browser: gathers what the store's boot table needs (the link, storage, the
//! environment), and after the first render starts what the plan deferred.

use super::{environment, files, measure::CanvasMeasure, storage};
use crate::core::import::Format;
use crate::store::boot::{self, Deferred, Facts};
use crate::store::{Action, Origin, State};
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
        Deferred::FromIndexedDb(view) => wasm_bindgen_futures::spawn_local(async move {
            let ticket = files::new_ticket();
            let loaded = storage::load_from_indexed_db().await;
            if !files::is_current(ticket) {
                // The user imported or restored something meanwhile.
                return;
            }
            match loaded {
                Ok(saved) => {
                    let format = Format::from_label(&saved.format).unwrap_or(Format::Json);
                    dispatch.emit(Action::Imported {
                        prepared: files::prepare(saved.chronology),
                        origin: Origin::File {
                            name: saved.name,
                            format,
                        },
                        format,
                        skipped: Vec::new(),
                        changed: Vec::new(),
                        view: Some(view),
                        quiet: true,
                    })
                }
                // Unreadable: the built-in chronology stays, and the link no longer names the
                // import (a reload would look for it again).
                Err(notice) => dispatch.emit(Action::LoadFailed(notice.into())),
            }
        }),
    }
}
