//! The page's own keys (outside a text field and dialogs, and not already handled where they
//! were pressed): `/` focuses the search box, `?` opens the help, Escape closes an event's details
//! or else leaves a story.

use crate::core::keys::{command, Command, Scope};
use crate::store::Action;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The element id of the search box (`/` focuses it).
pub const SEARCH_INPUT_ID: &str = "search";

thread_local! {
    /// Whether the reader's last input was a key (rather than a pointer).
    static KEYBOARD_LAST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether that key went from event to event (Home, End, `[`, `]`).
    static STEPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the last input was a key that went from event to event (Home, End, `[`, `]`: not
/// Enter on an event): the event reached is selected, but the reader is still going through
/// them, and the focus stays in the timeline.
pub fn stepped_by_key() -> bool {
    keyboard_last() && STEPPED.with(|s| s.get())
}

/// Notes that the key being handled dispatches `action` (see [`stepped_by_key`]).
pub fn note_key_action(action: &Action) {
    if matches!(
        action,
        Action::SelectFirst | Action::SelectLast | Action::Step(_)
    ) {
        STEPPED.with(|s| s.set(true));
    }
}

/// Whether the reader's last input was a key: what a selection came from, for instance (a
/// selection made from the keyboard moves the focus to the details; a click does not).
pub fn keyboard_last() -> bool {
    KEYBOARD_LAST.with(|k| k.get())
}

/// Follows whether the last input was a key or a pointer.
#[hook]
pub fn use_input_modality() {
    use_effect_with((), |_| {
        let listeners = web_sys::window().map(|w| {
            let capture = EventListenerOptions::run_in_capture_phase();
            // (Before the key's own handlers, which say if it steps: see `note_key_action`.)
            let keys = EventListener::new_with_options(&w, "keydown", capture, |_| {
                KEYBOARD_LAST.with(|k| k.set(true));
                STEPPED.with(|s| s.set(false));
            });
            let pointers = EventListener::new_with_options(&w, "pointerdown", capture, |_| {
                KEYBOARD_LAST.with(|k| k.set(false));
                STEPPED.with(|s| s.set(false));
            });
            [keys, pointers]
        });
        move || drop(listeners)
    });
}

#[hook]
pub fn use_page_keys(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if key.ctrl_key() || key.meta_key() || key.alt_key() || event.default_prevented() {
                    return;
                }
                let Some(cmd) = command(Scope::Page, &key.key(), key.shift_key()) else {
                    return;
                };
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let typing = target.as_ref().is_some_and(|el| {
                    let kind = el.get_attribute("type").unwrap_or_default();
                    let editable = el
                        .dyn_ref::<web_sys::HtmlElement>()
                        .is_some_and(|h| h.is_content_editable());
                    crate::core::keys::takes_typing(&el.tag_name(), &kind, editable)
                        || el.closest("dialog").ok().flatten().is_some()
                });
                if typing {
                    return;
                }
                if cmd == Command::Dismiss {
                    // Escape also closes dialogs (natively): left alone while one is open.
                    let dialog_open = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
                        .is_some();
                    if !dialog_open {
                        dispatch.emit(Action::Dismiss);
                    }
                } else if cmd == Command::FocusSearch {
                    if let Some(input) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(SEARCH_INPUT_ID))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        event.prevent_default();
                        let _ = input.focus();
                    }
                } else if let Some(action) = Action::for_command(cmd) {
                    event.prevent_default();
                    note_key_action(&action);
                    dispatch.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}
