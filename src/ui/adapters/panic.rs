//! Turns a Rust panic into a visible, polite message in the page (and the console) instead of a
//! blank or frozen screen.

use wasm_bindgen::JsCast;

/// Installs the message; whatever hook was there before still runs after it (a test harness's,
/// which attributes the panic to its test).
pub fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        show(info);
        previous(info);
    }));
}

fn show(info: &std::panic::PanicHookInfo<'_>) {
    let detail = info.to_string();
    gloo::console::error!(format!(
        "The explorer stopped on an internal error: {detail}"
    ));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = document
        .get_element_by_id("fatal")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if let Some(message) = document.get_element_by_id("fatal-detail") {
            message.set_text_content(Some(&detail));
        }
        el.set_hidden(false);
    }
}
