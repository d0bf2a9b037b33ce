//! Writing a link: the view as a query string, keys in a fixed order.

use super::{encode_component, format_window, ViewState};
use crate::core::grouping::GroupBy;
use crate::core::query::Facet;

/// Writes the view as a query string (with the leading `?`, or empty for the default view).
/// Keys come in a fixed order so that equal views give equal links.
pub fn to_query(view: &ViewState) -> String {
    let mut parts = Vec::new();
    if let Some(n) = view.synthetic {
        parts.push(format!("synthetic={n}"));
    }
    if let Some(url) = &view.data {
        // Slashes, colons and dots stay readable in a file address.
        let encoded = encode_component(url)
            .replace("%2F", "/")
            .replace("%3A", ":")
            .replace("%40", "@");
        parts.push(format!("data={encoded}"));
    }
    if let Some(story) = &view.story {
        parts.push(format!("story={}", encode_component(story)));
        if let Some(scene) = &view.scene {
            parts.push(format!("scene={}", encode_component(scene)));
        }
    }
    for facet in Facet::ALL {
        let selected = view.filter.selected(facet);
        if !selected.is_empty() {
            // The comma separates the list, so a comma inside an id is encoded.
            let list: Vec<String> = selected
                .iter()
                .map(|s| encode_component(s).replace(',', "%2C"))
                .collect();
            parts.push(format!("{}={}", facet.key(), list.join(",")));
        }
    }
    if !view.filter.text.is_empty() {
        parts.push(format!("q={}", encode_component(&view.filter.text)));
    }
    if view.dim {
        parts.push("dim=1".into());
    }
    if view.group != GroupBy::None {
        parts.push(format!("group={}", view.group.key()));
        if !view.folded.is_empty() {
            let list: Vec<String> = view
                .folded
                .iter()
                .map(|s| encode_component(s).replace(',', "%2C"))
                .collect();
            parts.push(format!("fold={}", list.join(",")));
        }
    }
    if !view.follow {
        parts.push("follow=0".into());
    }
    if let Some((f, t)) = view.window {
        let (from, to) = format_window(f, t);
        parts.push(format!("from={from}&to={to}"));
    }
    if let Some(id) = &view.selected {
        parts.push(format!("event={}", encode_component(id)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}
