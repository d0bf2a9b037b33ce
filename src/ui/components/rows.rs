//! Moving the focus through a list of rows that is one Tab stop (the list of events, a filter's
//! values): the arrow keys, Home and End, as the key table names them.

use crate::core::keys::Command;
use web_sys::{Element, HtmlElement};
use yew::TargetCast;

/// The row of `target` (its `li`), for a key pressed in a list; None for a modified key
/// (Ctrl, Alt, Meta), which belongs to the browser.
pub fn row_of(e: &yew::KeyboardEvent) -> Option<(Element, Element)> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let target = e.target_dyn_into::<Element>()?;
    let li = target.closest("li").ok().flatten()?;
    Some((target, li))
}

/// Where `command` takes the focus from row `li`: the control `pick` finds in the next,
/// previous, first or last row that has one (rows without one are passed over). None when the
/// command is not one of those four; Some(None) when there is no such row.
pub fn step(
    li: &Element,
    command: Option<Command>,
    pick: impl Fn(&Element) -> Option<HtmlElement>,
) -> Option<Option<HtmlElement>> {
    let list = li.parent_element();
    let (from, forward) = match command? {
        Command::FocusNextEntry => (li.next_element_sibling(), true),
        Command::FocusPreviousEntry => (li.previous_element_sibling(), false),
        Command::FocusFirstEntry => (list.and_then(|l| l.first_element_child()), true),
        Command::FocusLastEntry => (list.and_then(|l| l.last_element_child()), false),
        _ => return None,
    };
    let mut rows = std::iter::successors(from, move |row| {
        if forward {
            row.next_element_sibling()
        } else {
            row.previous_element_sibling()
        }
    });
    Some(rows.find_map(|row| pick(&row)))
}

/// The first element in `row` that `selector` finds, as something that can take the focus.
pub fn control(row: &Element, selector: &str) -> Option<HtmlElement> {
    use wasm_bindgen::JsCast;
    row.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}
