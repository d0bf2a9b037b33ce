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
