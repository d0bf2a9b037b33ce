//! Keeps the keyboard's place. When the element with the focus goes (a render removes it, moves
//! it, or disables it: a chip's ×, a facet's *clear*, a mark as the
//! window moves, a scene's heading as the next scene comes), the browser hands the focus to the
//! page's body: no key of the timeline or the story works there, and the next Tab starts from the
//! top of the page (a screen reader's too, whose browse mode activates buttons with clicks). The
//! focus goes instead to the nearest place still there (after a click, without scrolling the
//! page: the pointer is where the reader is; and not from the timeline's marks):
//!
//! - the element itself, where a render only moved it, or its new self where it made it anew
//!   (the element of the same id);
//! - else the timeline (an element marked `data-focus-home`), for what was in it;
//! - else the first control after it that is still there (the next chip, the other button of a
//!   pair, a filter's values after its *clear*);
//! - else the first control left in the closest part of the page that is still there.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// What can take the focus, as the page is built (links, controls, and what has a tab index).
const FOCUSABLE: &str =
    "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

thread_local! {
    /// The element with the focus and its ancestors, nearest first, as it took the focus.
    static CHAIN: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// What followed it then, nearest first: the siblings after it and after its two nearest
    /// ancestors (the next chip, the other button of a pair, a filter's values after its head).
    static FOLLOWING: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Siblings looked at after each of the focused element's nearest ancestors.
const SIBLINGS: usize = 8;

/// Installs the focus keeper on the document.
#[hook]
pub fn use_focus_keeper() {
    use_effect_with((), |_| {
        let listeners = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let capture = EventListenerOptions::run_in_capture_phase();
                let on_in =
                    EventListener::new_with_options(&document, "focusin", capture, |event| {
                        let Some(target) =
                            event.target().and_then(|t| t.dyn_into::<Element>().ok())
                        else {
                            return;
                        };
                        let mut chain = vec![target.clone()];
                        let mut at = target.parent_element();
                        while let Some(el) = at {
                            at = el.parent_element();
                            chain.push(el);
                        }
                        remember(chain);
                    });
                let on_out =
                    EventListener::new_with_options(&document, "focusout", capture, |event| {
                        let to_somewhere = event
                            .dyn_ref::<web_sys::FocusEvent>()
                            .and_then(|e| e.related_target())
                            .is_some();
                        let Some(lost) = event.target().and_then(|t| t.dyn_into::<Element>().ok())
                        else {
                            return;
                        };
                        if !to_somewhere {
                            // Once the render that took it away is done.
                            Timeout::new(0, move || restore(&lost)).forget();
                        }
                    });
                [on_in, on_out]
            });
        move || drop(listeners)
    });
}

/// Keeps the element taking the focus (`chain`: it and its ancestors) and what follows it.
fn remember(chain: Vec<Element>) {
    let following: Vec<Element> = chain
        .iter()
        .take(3)
        .flat_map(|el| {
            std::iter::successors(el.next_element_sibling(), Element::next_element_sibling)
                .take(SIBLINGS)
        })
        .collect();
    CHAIN.with(|c| *c.borrow_mut() = chain);
    FOLLOWING.with(|f| *f.borrow_mut() = following);
}

/// The first control of `part` (itself, or inside it) that can take the focus now.
fn first_control(part: &Element, itself: bool) -> Option<Element> {
    if itself && part.matches(FOCUSABLE).unwrap_or(false) && can_focus(part) {
        return Some(part.clone());
    }
    let found = part.query_selector_all(FOCUSABLE).ok()?;
    (0..found.length())
        .filter_map(|n| found.item(n))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .find(can_focus)
}

/// Whether `el` can take the focus now: in the page, enabled, shown.
fn can_focus(el: &Element) -> bool {
    el.is_connected()
        && !el.has_attribute("disabled")
        && el.closest("[hidden], [inert]").ok().flatten().is_none()
        && {
            let r = el.get_bounding_client_rect();
            r.width() > 0.0 || r.height() > 0.0
        }
}

thread_local! {
    /// The scroll that follows [`focus_then_reveal`], once the page is drawn as it stays.
    static REVEAL: RefCell<Option<super::timing::AfterFrame>> = const { RefCell::new(None) };
}

/// Focuses `el` without scrolling the page as it stands now, which the render in progress may
/// be about to change (closing an event's details gives the filters' column back, which moved
/// the timeline's marks while the browser scrolled to one: the page jumped 750 px, the mark off
/// the screen); then, once the next frame has drawn the page as it stays, brings `el` into view
/// by the least scroll if none of it is on the screen and it still has the focus (a drawing
/// taller than the screen, partly in view, stays where it is).
pub fn focus_then_reveal(el: &Element) {
    focus_with(el, true);
    let el = el.clone();
    let reveal = super::timing::after_next_frame(move || {
        let window = web_sys::window();
        let height = window
            .as_ref()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let focused = window
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|a| a == el);
        let r = el.get_bounding_client_rect();
        if focused && (r.bottom() <= 0.0 || r.top() >= height) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    REVEAL.with(|r| *r.borrow_mut() = Some(reveal));
}

/// Focuses an HTML or SVG element (an SVG mark of the timeline is an Element, not an
/// HtmlElement), scrolling to it or not; whether it took the focus.
pub fn focus_with(el: &Element, prevent_scroll: bool) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(prevent_scroll);
    let done = if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        html.focus_with_options(&options).is_ok()
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        svg.focus_with_options(&options).is_ok()
    } else {
        false
    };
    let document = web_sys::window().and_then(|w| w.document());
    done && document.and_then(|d| d.active_element()).as_ref() == Some(el)
}

/// Puts the focus back where it belongs, if `lost` had it and it fell to the page's body.
fn restore(lost: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let fallen = fallen_to_page(&document);
    let chain = CHAIN.with(|c| c.borrow().clone());
    // Not when the page itself has lost the focus (Tab past its last control, into the
    // browser's own).
    if !fallen || chain.first() != Some(lost) || !document.has_focus().unwrap_or(false) {
        return;
    }
    // After a click too (a screen reader's browse mode activates a button with a click, and
    // its reader was sent back to the top of the page), but without scrolling: the pointer is
    // where the reader is (a click on Close, far down the page). Not for the timeline's marks,
    // whose neighbour a click did not choose.
    let by_key = super::keys::keyboard_last();
    if !by_key && chain.iter().any(|el| el.has_attribute("data-focus-home")) {
        return;
    }
    let focus = |el: &Element| focus_with(el, !by_key);
    // Moved by a render, or made anew (an element with an id: a scene's heading): or left by a
    // click on the page, where the focus stays where the click put it.
    let again = Some(lost.id())
        .filter(|id| !id.is_empty())
        .and_then(|id| document.get_element_by_id(&id))
        .filter(|el| el != lost && can_focus(el));
    if can_focus(lost) || again.is_some() {
        focus(again.as_ref().unwrap_or(lost));
        return;
    }
    // Up to the page's main parts (the body's first control is the skip link, at the top).
    let ancestors = || {
        chain
            .iter()
            .skip(1)
            .take_while(|el| !matches!(el.tag_name().as_str(), "BODY" | "HTML"))
            .filter(|el| el.is_connected())
    };
    let home = ancestors().find(|el| el.has_attribute("data-focus-home"));
    if home.is_some_and(|home| can_focus(home) && focus(home)) {
        return;
    }
    // Where a part that went, whole, says its focus goes (the chips, gone with their Clear
    // all: the timeline they stood over, not the first control after them).
    let named = chain
        .iter()
        .skip(1)
        .filter(|el| !el.is_connected())
        .find_map(|el| el.get_attribute("data-focus-next"))
        .and_then(|id| document.get_element_by_id(&id));
    if named.is_some_and(|el| can_focus(&el) && focus(&el)) {
        return;
    }
    // What followed it, if still there: the next chip, the other button of a pair.
    let following = FOLLOWING.with(|f| f.borrow().clone());
    for next in following.iter().filter(|el| el.is_connected()) {
        if first_control(next, true).is_some_and(|el| focus(&el)) {
            return;
        }
    }
    for part in ancestors() {
        if first_control(part, false).is_some_and(|el| focus(&el)) {
            return;
        }
    }
}

/// Whether the focus has fallen to the page's body (or to nothing).
pub fn fallen_to_page(document: &web_sys::Document) -> bool {
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.unchecked_ref::<Element>(),
        _ => false,
    }
}

/// Whether the element with the focus matches `selector` (a slider, say, whose own value a
/// screen reader reads as it moves).
pub fn focus_matches(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|el| el.matches(selector).unwrap_or(false))
}
