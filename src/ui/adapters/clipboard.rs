//! Putting text on the clipboard: the link to the view, citations.

use crate::store::{Action, Notice};
use yew::Callback;

/// Puts `text` on the clipboard and says `done`; where the clipboard is not available (outside
/// secure contexts), the text is shown in a notice to copy by hand.
pub fn copy_text(dispatch: Callback<Action>, text: String, done: Notice) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let by_hand = Notice::Message(format!(
        "The clipboard is not available here; copy this: {text}"
    ));
    let navigator = window.navigator();
    // `navigator.clipboard` is missing outside secure contexts (plain http from elsewhere).
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        dispatch.emit(Action::Notify(by_hand));
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let notice = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done,
            Err(_) => by_hand,
        };
        dispatch.emit(Action::Notify(notice));
    });
}

/// Copies the page's address with `query` (which holds the whole view) to the clipboard;
/// `imported`: the chronology shown was imported in this browser, which alone can open its link
/// (the notice says so).
pub fn copy_link(dispatch: Callback<Action>, query: &str, imported: bool) {
    // Built from the state, not read from the address bar, which is updated lazily.
    let href = super::exports::link(query);
    let Some(window) = web_sys::window() else {
        return;
    };
    let has_clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        let only_here = if imported {
            " (it opens this imported chronology in this browser only)"
        } else {
            ""
        };
        dispatch.emit(Action::Notify(Notice::Message(format!(
            "The clipboard is not available here; copy this link: {href}{only_here}"
        ))));
        return;
    }
    // A chronology imported here is kept in this browser only: its link opens the view here,
    // and elsewhere the built-in chronology with a notice. Said now, to the one who shares it,
    // and it stays until read.
    let done = if imported {
        Notice::Message(
            "Link to this view copied to the clipboard. It opens this imported chronology in this browser only, until another is imported: to share the chronology, send the file you imported."
                .into(),
        )
    } else {
        Notice::Done("Link to this view copied to the clipboard.".into())
    };
    copy_text(dispatch, href, done);
}
