//! What the page learns from the browser about its surroundings: the remembered theme, the
//! system's colour scheme and motion preference; and the theme applied to the page.

use super::storage::{item, local_storage};
use crate::store::{Environment, Theme};

const THEME_KEY: &str = "japan-nato-explorer.theme";

fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The environment at start-up.
pub fn read() -> Environment {
    Environment {
        reduced_motion: media_matches("(prefers-reduced-motion: reduce)"),
        theme: Some(Theme::from_stored(
            item(local_storage(), THEME_KEY).as_deref(),
        )),
        system_dark: media_matches("(prefers-color-scheme: dark)"),
    }
}

/// Sets the page's theme attribute, which the stylesheet's colours follow.
pub fn apply_theme(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme.stored() {
            Some(v) => root.set_attribute("data-theme", v),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Remembers the theme chosen (a full or refused storage only means it is not remembered).
pub fn remember_theme(theme: Theme) {
    if let Some(storage) = local_storage() {
        let _ = match theme.stored() {
            Some(v) => storage.set_item(THEME_KEY, v),
            None => storage.remove_item(THEME_KEY),
        };
    }
}

/// Whether the page is opened from a disk (the one-file build), where the files beside a hosted
/// page are not there.
pub fn opened_from_disk() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// Keeps `--side-top` on the page's layout at how far below the window's top the layout starts
/// (0 once scrolled past it), and `--side-foot` at how far above the window's foot it ends (0
/// until the page's footer comes into view): the side column's panels (filters, details, a story), which stick
/// to the window's top as the page scrolls, take their height from it, so that at the top of
/// the page their foot is in view too (it stood 130 px below the window at 1280×800: the last
/// third parties, the details' Previous and Next). Followed on scroll and resize, and whenever
/// `above` changes (what stands above the layout: notices, the loading bar).
#[yew::hook]
pub fn use_side_column_top<T: PartialEq + 'static>(above: T) {
    yew::use_effect_with((), |_| {
        follow_side_column_top();
        let listeners = web_sys::window().map(|w| {
            [
                gloo::events::EventListener::new(&w, "scroll", |_| follow_side_column_top()),
                gloo::events::EventListener::new(&w, "resize", |_| follow_side_column_top()),
            ]
        });
        move || drop(listeners)
    });
    yew::use_effect_with(above, |_| follow_side_column_top());
}

thread_local! {
    /// The last `--side-top` written, in px: written only when it changes (the whole layout
    /// inherits it; once the page has scrolled past the header it stays 0).
    static SIDE_TOP: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NAN) };
    /// The last `--side-foot` written, in px: how much of the window's foot lies below the
    /// layout (the page's footer, once scrolled to it).
    static SIDE_FOOT: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NAN) };
}

fn follow_side_column_top() {
    let layout = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".layout").ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(layout) = layout {
        let rect = layout.get_bounding_client_rect();
        let top = rect.top().max(0.0).round();
        if SIDE_TOP.replace(top) != top {
            let _ = layout
                .style()
                .set_property("--side-top", &format!("{top}px"));
        }
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64());
        if let Some(height) = height {
            let foot = (height - rect.bottom()).max(0.0).round();
            if SIDE_FOOT.replace(foot) != foot {
                let _ = layout
                    .style()
                    .set_property("--side-foot", &format!("{foot}px"));
            }
        }
    }
}
