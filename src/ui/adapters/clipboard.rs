//! Copying the link to the view.

use crate::store::{Action, Notice};
use yew::Callback;

/// Copies the page's address with `query` (which holds the whole view) to the clipboard, or
/// shows it to copy by hand where the clipboard is not available; the outcome is a notice.
pub fn copy_link(dispatch: Callback<Action>, query: &str) {
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
    let by_hand = Notice::Message(format!(
        "The clipboard is not available here; copy this link: {href}"
    ));
    let navigator = window.navigator();
    // `navigator.clipboard` is missing outside secure contexts (plain http from elsewhere).
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        dispatch.emit(Action::Notify(by_hand));
        return;
    }
    let promise = navigator.clipboard().write_text(&href);
    wasm_bindgen_futures::spawn_local(async move {
        let notice = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Notice::Message("Link to this view copied to the clipboard.".into()),
            Err(_) => by_hand,
        };
        dispatch.emit(Action::Notify(notice));
    });
}
