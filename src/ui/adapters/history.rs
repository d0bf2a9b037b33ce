//! Keeps the address bar in step with the view: discrete changes (filters, selection) push a
//! history entry so that Back and Forward step through them; zooming and panning replace it.

use super::timing::Debounce;
use crate::core::url_state::{self, ViewState};
use crate::store::{Action, State};
use gloo::events::EventListener;
use yew::prelude::*;

/// How long zooming or panning must pause before the URL's window is updated.
const REPLACE_DELAY_MS: u32 = 250;

fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The same view apart from the window (which changes continuously).
fn same_discrete(a: &ViewState, b: &ViewState) -> bool {
    a.filter == b.filter
        && a.dim == b.dim
        && a.selected == b.selected
        && a.synthetic == b.synthetic
        && a.data == b.data
        && a.story == b.story
        && a.scene == b.scene
}

#[hook]
pub fn use_history(store: &UseReducerHandle<State>) {
    let last = use_mut_ref(|| url_state::parse(&current_query()).0);
    // The first sync only tidies the link it was opened with (replace, never push).
    let first = use_mut_ref(|| true);
    let pending = use_mut_ref(Debounce::default);

    // A chronology that the link names is loading: its view stands in the link meanwhile.
    let was_loading = use_mut_ref(|| false);

    // State → URL.
    {
        let view = store.view_state();
        let loading = store.chrome.pending.view.is_some();
        let last = last.clone();
        let first = first.clone();
        let pending = pending.clone();
        use_effect_with((view, loading), move |(view, loading)| {
            let query = url_state::to_query(view);
            if query == current_query() {
                // Already there: a replace still pending would take the link back.
                pending.borrow_mut().cancel();
            } else {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let path = web_sys::window()
                        .and_then(|w| w.location().pathname().ok())
                        .unwrap_or_default();
                    let url = format!("{path}{query}");
                    // The link the page was opened with is tidied in place, never pushed: at
                    // the first render, and when the chronology it names has loaded (values it
                    // does not have are dropped) or has failed to.
                    // (The load that ends is the link's own when the chronology stays the one
                    // it names, or the link no longer names one, its file having failed: an
                    // import made meanwhile is a change of its own.)
                    let settling = *first.borrow()
                        || (*was_loading.borrow()
                            && (last.borrow().data == view.data || view.data.is_none()));
                    let discrete = !settling && !same_discrete(&last.borrow(), view);
                    if discrete {
                        pending.borrow_mut().cancel();
                        let _ = history.push_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&url),
                        );
                    } else {
                        // Tidying, zooming and panning: replace the entry once the motion pauses
                        // (browsers throttle history updates, and a link needs only the final
                        // window).
                        pending.borrow_mut().run(REPLACE_DELAY_MS, move || {
                            let _ = history.replace_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&url),
                            );
                        });
                    }
                }
            }
            *last.borrow_mut() = view.clone();
            *first.borrow_mut() = false;
            *was_loading.borrow_mut() = *loading;
        });
    }

    // URL → state on Back/Forward.
    {
        let dispatcher = store.dispatcher();
        let source = (store.synthetic(), store.view_state().data);
        let last = last.clone();
        let first = first.clone();
        let pending = pending.clone();
        use_effect_with(source, move |source| {
            let (synthetic, data) = source.clone();
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    let (view, _) = url_state::parse(&current_query());
                    let builtin = view.synthetic.is_none() && view.data.is_none();
                    if (view.synthetic != synthetic || view.data != data) && !builtin {
                        // Another dataset: start afresh from the URL.
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                        return;
                    }
                    // The entry we came back to is not to be overwritten by a late replace, and
                    // tidying it (e.g. dropping an unknown value) must not push a new entry.
                    pending.borrow_mut().cancel();
                    *first.borrow_mut() = true;
                    *last.borrow_mut() = view.clone();
                    if builtin && (synthetic.is_some() || data.is_some()) {
                        // Back from an import (or a link's file) to the built-in chronology: a
                        // reload of the bare address would open the kept import again.
                        super::files::new_ticket();
                        super::storage::set_builtin_shown(true);
                        dispatcher.dispatch(Action::BackToBuiltin {
                            builtin: super::files::builtin(),
                            view,
                        });
                    } else {
                        dispatcher.dispatch(Action::ApplyView(view));
                    }
                })
            });
            move || drop(listener)
        });
    }
}
