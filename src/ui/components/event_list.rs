//! The same events as an accessible list in time order, following the filters, with search
//! matches highlighted, in step with the selection.

use super::rows;
use crate::core::dataset::Chronology;
use crate::core::keys::{command, Scope};
use crate::core::query::highlight_ranges;
use crate::store::{Action, Shared};
use crate::ui::adapters::timing::{after_next_frame, AfterFrame};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Beyond this many matching events the list shows those in the visible window only.
pub const FULL_LIST_LIMIT: usize = 2_000;
/// The most entries the list draws at once.
pub const WINDOW_LIST_LIMIT: usize = 500;
/// Entries drawn at first; more follow as the list is scrolled towards its end (or on "Show
/// more"), so that a filter change matching a thousand events does not build a thousand rows.
pub const LIST_CHUNK: usize = 200;
/// Entries drawn in the frame that shows a new list: more than its box holds (32rem of rows of
/// about 1.9rem); the rest of the first chunk follows just after that frame, so that the page
/// (at start, or after a filter change) is on screen sooner.
pub const FIRST_DRAW: usize = 40;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub matches: Shared<Vec<bool>>,
    pub match_count: usize,
    pub search: String,
    /// With no event matching, what leaves nothing (the search, the filters).
    #[prop_or_default]
    pub nothing: Option<String>,
    pub selected: Option<usize>,
    /// The visible window (days) when the chronology is too large to list whole.
    pub window: Option<(f64, f64)>,
    /// The timeline's window as drawn, to the day's fraction: the list follows `window` once this
    /// has stayed put (`window` moves in steps of an eighth of it, so that a pan went on for
    /// longer than the wait between two of its steps, and the list's re-render landed in it).
    #[prop_or_default]
    pub moving: Option<(f64, f64)>,
    pub dispatch: Callback<Action>,
}

/// The text with the search matches wrapped in `<mark>`.
fn highlighted(text: &str, query: &str) -> Html {
    let ranges = highlight_ranges(text, query);
    if ranges.is_empty() {
        return html! { { text } };
    }
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (s, e) in ranges {
        if s > at {
            parts.push(html! { { &text[at..s] } });
        }
        parts.push(html! { <mark>{ &text[s..e] }</mark> });
        at = e;
    }
    if at < text.len() {
        parts.push(html! { { &text[at..] } });
    }
    parts.into_iter().collect::<Html>()
}

/// How long the window must stay put before a windowed list follows it: a pause of its own,
/// longer than the one between two turns of the wheel or two drags (the list's re-render,
/// 30–40 ms at 10,000 events, would land in the first steps of the next gesture).
const SETTLE_MS: u32 = 600;

/// Where the search found an event whose title does not show the words (its summary, an
/// author its notes cite…), a line each under the title: the reader sees why it is listed.
fn found_in(data: &Chronology, e: &crate::core::dataset::Event, search: &str) -> Html {
    if search.trim().is_empty() {
        return Html::default();
    }
    crate::core::query::found_in(data, e, search)
        .into_iter()
        .map(|place| {
            html! {
                <span class="found-in">
                    { format!("{}: ", place.field.label()) }{ highlighted(&place.excerpt, search) }
                </span>
            }
        })
        .collect()
}

#[function_component(EventList)]
pub fn event_list(props: &Props) -> Html {
    // A windowed list follows the timeline once zooming or panning pauses, not on every frame.
    let settled = use_state(|| props.window);
    let pending = use_mut_ref(crate::ui::adapters::timing::Debounce::default);
    {
        let settled = settled.clone();
        use_effect_with((props.window, props.moving), move |(window, _)| {
            let window = *window;
            if *settled == window {
                pending.borrow_mut().cancel();
            } else {
                pending
                    .borrow_mut()
                    .run(SETTLE_MS, move || settled.set(window));
            }
        });
    }
    html! {
        <Entries data={props.data.clone()} matches={props.matches.clone()} match_count={props.match_count}
                 search={props.search.clone()} selected={props.selected} nothing={props.nothing.clone()}
                 window={props.window.map(|w| settled.unwrap_or(w))}
                 dispatch={props.dispatch.clone()} />
    }
}

#[function_component(Entries)]
fn entries(props: &Props) -> Html {
    let list_ref = use_node_ref();
    // Keep the selected entry in view inside the list, without scrolling the page (the
    // timeline the user is working with must stay where it is).
    {
        let list_ref = list_ref.clone();
        use_effect_with(props.selected, move |selected| {
            if let (Some(i), Some(list)) = (selected, list_ref.cast::<web_sys::HtmlElement>()) {
                if let Ok(Some(item)) = list.query_selector(&format!("[data-index=\"{i}\"]")) {
                    if let Ok(item) = item.dyn_into::<web_sys::HtmlElement>() {
                        let top = item.offset_top();
                        let bottom = top + item.offset_height();
                        let view_top = list.scroll_top();
                        let view_bottom = view_top + list.client_height();
                        if top < view_top {
                            list.set_scroll_top(top);
                        } else if bottom > view_bottom {
                            list.set_scroll_top(bottom - list.client_height());
                        }
                    }
                }
            }
        });
    }
    let events = &props.data.events;
    let windowed = props.window.is_some();
    let (from, to) = props.window.unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
    let shown: Vec<usize> = (0..events.len())
        .filter(|&i| props.matches[i])
        .filter(|&i| {
            !windowed || (events[i].first_day() as f64) < to && (events[i].end_day() as f64) > from
        })
        .take(if windowed {
            WINDOW_LIST_LIMIT
        } else {
            usize::MAX
        })
        .collect();
    // A new set of entries (filters, search, window or data changed) starts a new list: drawn
    // from its first chunk, and swapped whole rather than diffed row by row.
    let identity = (
        Rc::as_ptr(&props.data.0) as usize,
        Rc::as_ptr(&props.matches.0) as usize,
        props.window.map(|(a, b)| (a.to_bits(), b.to_bits())),
    );
    let generation = use_mut_ref(|| (0u32, identity));
    let limit = use_mut_ref(|| FIRST_DRAW);
    let fill = use_mut_ref(|| None::<AfterFrame>);
    {
        let mut g = generation.borrow_mut();
        if g.1 != identity {
            *g = (g.0.wrapping_add(1), identity);
            *limit.borrow_mut() = FIRST_DRAW;
            *fill.borrow_mut() = None;
        }
    }
    // The selected entry is always drawn, so that it can be scrolled to.
    if let Some(at) = props
        .selected
        .and_then(|i| shown.iter().position(|&j| j == i))
    {
        let mut l = limit.borrow_mut();
        while *l <= at {
            *l += LIST_CHUNK;
        }
    }
    let drawn = (*limit.borrow()).min(shown.len());
    let rest = shown.len() - drawn;
    let grow = use_force_update();
    // The rest of the first chunk is still to come (every other way of drawing more reaches a
    // whole chunk at least).
    let pending = *limit.borrow() < LIST_CHUNK && rest > 0;
    {
        // Once the frame showing the first entries is painted, draw the rest of the chunk.
        let (limit, fill, grow) = (limit.clone(), fill.clone(), grow.clone());
        use_effect(move || {
            if pending && fill.borrow().is_none() {
                *fill.borrow_mut() = Some(after_next_frame(move || {
                    let mut l = limit.borrow_mut();
                    *l = (*l).max(LIST_CHUNK);
                    grow.force_update();
                }));
            }
        });
    }
    // The entry last focused: the list's Tab stop.
    let active = use_state(|| None::<usize>);
    // "Show more" moves the focus to the first entry it adds.
    let focus_at = use_mut_ref(|| None::<usize>);
    {
        let focus_at = focus_at.clone();
        let list_ref = list_ref.clone();
        use_effect(move || {
            if let (Some(at), Some(list)) = (
                focus_at.borrow_mut().take(),
                list_ref.cast::<web_sys::Element>(),
            ) {
                let button = list
                    .children()
                    .item(at as u32)
                    .and_then(|li| li.query_selector("button").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            }
        });
    }
    let show_more = {
        let limit = limit.clone();
        let grow = grow.clone();
        let focus_at = focus_at.clone();
        Callback::from(move |_: MouseEvent| {
            *limit.borrow_mut() = drawn + LIST_CHUNK;
            *focus_at.borrow_mut() = Some(drawn);
            grow.force_update();
        })
    };
    // Scrolling near the end draws the next chunk.
    let on_scroll = {
        let limit = limit.clone();
        Callback::from(move |e: Event| {
            let Some(list) = e.target_dyn_into::<web_sys::Element>() else {
                return;
            };
            let near_end = list.scroll_top() + 2 * list.client_height() >= list.scroll_height();
            if rest > 0 && near_end {
                *limit.borrow_mut() = drawn + LIST_CHUNK;
                grow.force_update();
            }
        })
    };
    // The list is one Tab stop (111 of them took a keyboard user past the details and the
    // foot): the entry last focused, else the selected one, else the first; the arrow keys, Home
    // and End move between the entries.
    let drawn_events = &shown[..drawn];
    let stop = [*active, props.selected]
        .into_iter()
        .flatten()
        .find(|i| drawn_events.contains(i))
        .or_else(|| drawn_events.first().copied());
    let on_focus = {
        let active = active.clone();
        Callback::from(move |e: FocusEvent| {
            let index = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("li[data-index]").ok().flatten())
                .and_then(|li| li.get_attribute("data-index"))
                .and_then(|i| i.parse::<usize>().ok());
            if index.is_some() && index != *active {
                active.set(index);
            }
        })
    };
    let on_key = Callback::from(|e: KeyboardEvent| {
        let Some((_, li)) = rows::row_of(&e) else {
            return;
        };
        let command = command(Scope::List, &e.key(), e.shift_key());
        if let Some(to) = rows::step(&li, command, |row| rows::control(row, "button")) {
            e.prevent_default();
            if let Some(button) = to {
                let _ = button.focus();
            }
        }
    });
    let items = drawn_events.iter().map(|&i| {
        let e = &events[i];
        let selected = props.selected == Some(i);
        let onclick = props.dispatch.reform(move |_| Action::Select(Some(i)));
        let tabindex = if stop == Some(i) { "0" } else { "-1" };
        html! {
            <li key={e.id.clone()} data-index={i.to_string()} class={classes!(selected.then_some("selected"))}>
                <button type="button" aria-pressed={selected.to_string()} {onclick} {tabindex}>
                    <span class="date">{ highlighted(&e.date_label(), &props.search) }</span>
                    <span class="title">
                        { highlighted(&e.title, &props.search) }
                        { found_in(&props.data, e, &props.search) }
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <section class="event-list" aria-labelledby="event-list-heading">
            <h2 id="event-list-heading">{ format!("Events ({})", crate::core::text::thousands(props.match_count)) }</h2>
            if windowed {
                <p class="list-note">
                    { format!("{} events match: the list shows the first {} of those in the visible window. Zoom in to list them all.", crate::core::text::thousands(props.match_count), crate::core::text::thousands(shown.len())) }
                </p>
            }
            if shown.is_empty() {
                <p class="list-note">{ props.nothing.clone().unwrap_or_default() }</p>
            }
            if !shown.is_empty() {
                <p id="event-list-keys" class="visually-hidden">
                    { "Up and down arrows move between the events, Home and End to the first and last; Enter selects." }
                </p>
            }
            <ol ref={list_ref} key={generation.borrow().0.to_string()} onscroll={on_scroll}
                aria-busy={pending.then_some("true")} aria-describedby={(!shown.is_empty()).then_some("event-list-keys")}
                onkeydown={on_key} onfocusin={on_focus}>
                { for items }
                if rest > 0 && !pending {
                    <li key="\u{0}more" class="more">
                        <button type="button" onclick={show_more}>
                            { format!("Show {} more of {}", crate::core::text::thousands(rest.min(LIST_CHUNK)), crate::core::text::thousands(rest)) }
                        </button>
                    </li>
                }
            </ol>
        </section>
    }
}
