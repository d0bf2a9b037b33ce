//! The selected event in full: date at its precision, summary, facets, the brief's evidence and
//! its footnotes as links to the primary sources.

use crate::core::dataset::Chronology;
use crate::store::{Action, Shared};
use crate::ui::adapters::focus::{focus_then_reveal, focus_with};
use crate::ui::adapters::keys::{keyboard_last, stepped_by_key};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub selected: Option<usize>,
    /// Whether each event passes the filters: Previous and Next walk those only.
    pub matches: Shared<Vec<bool>>,
    pub dispatch: Callback<Action>,
    /// The built-in chronology, whose sources are the brief's footnotes (an imported one has
    /// its own).
    #[prop_or(true)]
    pub from_brief: bool,
    /// Copies a citation of the event (by index) to the clipboard.
    #[prop_or_default]
    pub on_cite: Callback<usize>,
}

/// The site a link goes to, as readers name it: "nato.int", "mofa.go.jp".
fn site(url: &str) -> &str {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(url);
    host.strip_prefix("www.").unwrap_or(host)
}

/// The last part of a link's path ("news_7196.htm"), to tell apart links to one site.
fn path_tail(url: &str) -> Option<&str> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let tail = path.trim_end_matches('/').rsplit('/').next()?;
    (tail != site(url) && !tail.is_empty()).then_some(tail)
}

/// A footnote of the source as a list item: its number, its links first (by site, so that the
/// way to the source is in view however long the note), then its citation (which gives the
/// whole address in words). A short note that gives no address ("Stokes.", "Bridges, p. 236.")
/// links to the works it cites, named in its tooltip, and gives their full references after it.
/// Several links to one site are told apart
/// by the end of their path.
pub fn footnote_item(data: &Chronology, n: u32) -> Html {
    let footnote = data.footnote(n);
    let citation = footnote.map(|f| f.citation.clone()).unwrap_or_default();
    let targets = footnote.map_or_else(Vec::new, |f| data.footnote_links(f));
    let links = targets
        .iter()
        .map(|&(u, work)| {
            let site = site(u);
            let repeated = targets
                .iter()
                .filter(|(v, _)| self::site(v) == site)
                .count()
                > 1;
            let label = match path_tail(u) {
                Some(tail) if repeated => format!("{site} › {tail}"),
                _ => site.to_string(),
            };
            let (title, name) = match work {
                Some(work) => (format!("{work}: {u}"), format!("{work}, {label}, {u}")),
                None => (u.to_string(), format!("{label}, {u}")),
            };
            html! {
                <a href={u.to_string()} target="_blank" rel="noopener noreferrer" {title}
                   aria-label={name}>
                    { label }<span aria-hidden="true">{ " ↗" }</span>
                </a>
            }
        })
        .collect::<Vec<_>>();
    html! {
        <li value={n.to_string()}>
            if !links.is_empty() {
                <span class="links">{ for links }</span>
            }
            <span class="citation">{ citation }</span>
            if let Some(f) = footnote {
                { in_full(&crate::core::cite::short_form_in_full(data, f)) }
            }
        </li>
    }
}

/// After a footnote that names a work only in a short form ("Ueta, p. 134"), the work's full
/// note (`full`, from [`crate::core::cite::short_form_in_full`]): "In full: Takako Ueta, “Japan
/// and the European Security Institutions,” …". Nothing where `full` is empty. The details and
/// the print both give it.
pub fn in_full(full: &[String]) -> Html {
    if full.is_empty() {
        return html! {};
    }
    html! { <span class="in-full">{ format!("In full: {}", full.join(" ")) }</span> }
}

/// The details' heading (focused when an event is selected from the keyboard).
const HEADING_ID: &str = "detail-heading";

/// Where the details go while nothing is selected: what to do to see some.
pub fn detail_hint() -> Html {
    html! {
        <aside class="detail empty" aria-labelledby={HEADING_ID}>
            <h2 id={HEADING_ID}>{ "Event details" }</h2>
            <p>{ "Select an event on the timeline or in the list to read what happened and follow it to its sources." }</p>
        </aside>
    }
}

/// A newly selected event opens at the top of its details (after Next from the sources at the
/// bottom, the next event's title was out of view); on a phone, where the details are a sheet
/// over the lower part of the screen, the page scrolls the event's mark above the sheet.
fn show_new_event(i: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(sheet) = document.query_selector("aside.detail").ok().flatten() else {
        return;
    };
    sheet.set_scroll_top(0);
    SHOWN.set(Some(i));
    // Once the frame has laid the sheet out.
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        mark_above_sheet(document, sheet, i, true);
    });
    let _ = window.request_animation_frame(later.unchecked_ref());
}

thread_local! {
    /// The event whose details were shown last: a late look for another's mark is dropped.
    static SHOWN: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Room kept under a selected mark above the sheet: its name, where its lane has none, is
/// called out beside it, up to two lines.
const NAME_ROOM: f64 = 36.0;

/// Room kept above a selected mark brought down from above the screen.
const TOP_ROOM: f64 = 12.0;

/// Room kept under a list entry chosen above the sheet.
const LIST_ROOM: f64 = 8.0;

/// On a phone, scrolls the page so that event `i`'s mark and its name stand above the details'
/// sheet (or the list's entry, where it was chosen there). The mark may not be on the timeline's layer yet (the window eases to an event out of
/// view, and the layer follows once it is at rest): `retry` looks again a little later.
fn mark_above_sheet(document: web_sys::Document, sheet: web_sys::Element, i: usize, retry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Another event was chosen meanwhile (Next twice in a row).
    if SHOWN.get() != Some(i) || !sheet.is_connected() {
        return;
    }
    let fixed = window
        .get_computed_style(&sheet)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("position").ok())
        .is_some_and(|p| p == "fixed");
    if !fixed {
        return;
    }
    // Chosen in the list (the entry tapped keeps the focus): that entry, where the reader is,
    // stands above the sheet, not the mark on a timeline scrolled out of view.
    let entry = document
        .active_element()
        .filter(|a| a.closest(".event-list").ok().flatten().is_some());
    if let Some(entry) = entry {
        let (entry, top) = (
            entry.get_bounding_client_rect(),
            sheet.get_bounding_client_rect().top(),
        );
        if entry.bottom() + LIST_ROOM > top {
            let by = (entry.bottom() + LIST_ROOM - top).min(entry.top().max(0.0));
            window.scroll_by_with_x_and_y(0.0, by);
        }
        return;
    }
    let mark = document
        .query_selector(&format!(
            "svg[aria-roledescription=timeline] .marks [data-index=\"{i}\"]"
        ))
        .ok()
        .flatten();
    let Some(mark) = mark else {
        if retry {
            gloo::timers::callback::Timeout::new(700, move || {
                mark_above_sheet(document, sheet, i, false)
            })
            .forget();
        }
        return;
    };
    let (mark, top) = (
        mark.get_bounding_client_rect(),
        sheet.get_bounding_client_rect().top(),
    );
    // Hidden behind the sheet, or its name (and not above the screen): up by the difference,
    // with room. Above the screen (Next went on to an event higher up the drawing, a span's
    // bar low in its band before it): down to it, with room above.
    if mark.top() < 0.0 {
        window.scroll_by_with_x_and_y(0.0, mark.top() - TOP_ROOM);
    } else if mark.bottom() + NAME_ROOM > top {
        let by = (mark.bottom() + NAME_ROOM - top).min(mark.top());
        window.scroll_by_with_x_and_y(0.0, by);
    }
}

#[function_component(Detail)]
pub fn detail(props: &Props) -> Html {
    let data = &props.data;
    // Chosen from the keyboard on the timeline, in the list or a badge's list, the details take
    // the focus (and give it back when they close); a click, the search box's Enter and the
    // timeline's Home, End, [ and ] leave it where it is (in the timeline, on the event reached).
    // (An SVG mark of the timeline is an Element, not an HtmlElement.)
    let opener = use_mut_ref(|| None::<web_sys::Element>);
    // The page narrowed under the details (a window made smaller, a tablet turned): once the
    // width is at rest, the selected mark is brought above the sheet the details have become,
    // as when they open (it stayed under it, or below the screen). The width only: a phone's
    // bars that come and go as the page scrolls change its height, and the reader's scroll is
    // theirs.
    use_effect_with(props.selected, |selected| {
        let listener = selected.and_then(|i| {
            let window = web_sys::window()?;
            let width = std::cell::Cell::new(window.inner_width().ok()?.as_f64()?);
            let settle = std::cell::RefCell::new(crate::ui::adapters::timing::Debounce::default());
            Some(gloo::events::EventListener::new(
                &window.clone(),
                "resize",
                move |_| {
                    let now = window.inner_width().ok().and_then(|w| w.as_f64());
                    if now.is_none_or(|w| w == width.get()) {
                        return;
                    }
                    width.set(now.unwrap_or_default());
                    settle.borrow_mut().run(200, move || {
                        let document = web_sys::window().and_then(|w| w.document());
                        let sheet = document
                            .as_ref()
                            .and_then(|d| d.query_selector("aside.detail").ok().flatten());
                        if let (Some(document), Some(sheet)) = (document, sheet) {
                            mark_above_sheet(document, sheet, i, true);
                        }
                    });
                },
            ))
        });
        move || drop(listener)
    });
    {
        let opener = opener.clone();
        use_effect_with(props.selected, move |selected| {
            if let Some(i) = *selected {
                show_new_event(i);
            }
            let document = web_sys::window().and_then(|w| w.document());
            let active = document.as_ref().and_then(|d| d.active_element());
            let chose = active.as_ref().is_some_and(|a| {
                a.matches(".marks [data-roving], .event-list button, .cluster-list button, .scene-events button")
                    .unwrap_or(false)
            });
            // An event reached with a key that goes from event to event (Home, End, [ or ]) from
            // the timeline's marks, badges or lanes' headers leaves the focus in the timeline, on
            // the event reached where its mark is there (else the timeline keeps it as its marks
            // change): the next key goes on from there, as it does from the timeline itself. The
            // details took it, and the keys stopped working. (Enter on an event still opens them
            // with the focus.)
            let in_layer = active
                .as_ref()
                .and_then(|a| a.closest(".marks").ok().flatten());
            if let (true, Some(layer)) = (stepped_by_key(), &in_layer) {
                let reached = selected.and_then(|i| {
                    layer
                        .query_selector(&format!("[data-roving][data-index=\"{i}\"]"))
                        .ok()
                        .flatten()
                });
                if let (Some(mark), Some(active)) = (reached, &active) {
                    if mark != *active {
                        let _ = active.set_attribute("tabindex", "-1");
                        let _ = mark.set_attribute("tabindex", "0");
                        focus_then_reveal(&mark);
                    }
                }
            } else if keyboard_last() && chose {
                if let Some(heading) = document
                    .and_then(|d| d.get_element_by_id(HEADING_ID))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    *opener.borrow_mut() = active;
                    let _ = heading.focus();
                }
            }
        });
    }
    // Enter (or Space) on the mark of the event shown: the details take the focus, as when it was
    // chosen (the selection did not change, and nothing gave it to them: the reader, there after
    // Home or ], was left on the mark). Heard before the mark's own keys, which stop it.
    {
        let opener = opener.clone();
        use_effect_with(props.selected, move |selected| {
            let selected = *selected;
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    let capture = gloo::events::EventListenerOptions::run_in_capture_phase();
                    gloo::events::EventListener::new_with_options(
                        &document.clone(),
                        "keydown",
                        capture,
                        move |e| {
                            use crate::core::keys::{command, Command, Scope};
                            let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                                return;
                            };
                            if command(Scope::Mark, &key.key(), key.shift_key())
                                != Some(Command::Activate)
                            {
                                return;
                            }
                            let Some(mark) = e
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .filter(|t| {
                                    t.matches(".marks [data-roving][data-action='select']")
                                        .unwrap_or(false)
                                })
                            else {
                                return;
                            };
                            let shown = mark
                                .get_attribute("data-index")
                                .and_then(|i| i.parse::<usize>().ok());
                            if shown.is_none() || shown != selected {
                                return;
                            }
                            if let Some(heading) = document
                                .get_element_by_id(HEADING_ID)
                                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                            {
                                *opener.borrow_mut() = Some(mark);
                                let _ = heading.focus();
                            }
                        },
                    )
                });
            move || drop(listener)
        });
    }
    {
        // Closed with the focus inside (or gone with them): back where it came from; opened
        // from a link or a click (or whatever had the focus is gone), to the timeline, where
        // the event was (the next control, the overview's chart, said nothing of it, and a
        // click on Close left its readout open over the timeline's controls); closed by a
        // click, without scrolling the page to it (the pointer is where the reader is).
        let opener = opener.clone();
        use_effect_with((), move |_| {
            move || {
                let document = web_sys::window().and_then(|w| w.document());
                let active = document.as_ref().and_then(|d| d.active_element());
                let inside = active.as_ref().is_some_and(|a| {
                    !a.is_connected() || a.closest("aside.detail").ok().flatten().is_some()
                });
                let lost = inside || active.is_none_or(|a| a.tag_name() == "BODY");
                if !lost {
                    return;
                }
                match opener.borrow_mut().take() {
                    // (Without the scroll to it while the page changes: see focus_then_reveal.)
                    Some(back) if back.is_connected() => {
                        focus_then_reveal(&back);
                    }
                    // (Only from inside the details: Escape with the focus on the page leaves it.)
                    _ if inside => {
                        if let Some(timeline) =
                            document.and_then(|d| d.get_element_by_id("timeline-drawing"))
                        {
                            if keyboard_last() {
                                focus_then_reveal(&timeline);
                            } else {
                                focus_with(&timeline, true);
                            }
                        }
                    }
                    _ => {}
                }
            }
        });
    }
    // On a phone the details are a sheet: a downward swipe on its top closes it.
    let swipe = use_mut_ref(|| None::<f64>);
    let Some(event) = props.selected.and_then(|i| data.events.get(i)) else {
        return detail_hint();
    };
    let i = props.selected.unwrap_or_default();
    let passes = |j: &usize| props.matches.get(*j).copied().unwrap_or(false);
    let has_previous = (0..i).any(|j| passes(&j));
    let has_next = (i + 1..data.events.len()).any(|j| passes(&j));
    let labels = |ids: &[String], lookup: &dyn Fn(&str) -> Option<String>| -> Vec<String> {
        ids.iter()
            .map(|id| lookup(id).unwrap_or_else(|| id.clone()))
            .collect()
    };
    let domains = labels(&event.domains, &|id| {
        data.domain(id).map(|d| d.label.clone())
    });
    let parties = labels(&event.third_parties, &|id| {
        data.third_party(id).map(|t| t.label.clone())
    });
    let phase = data
        .phase(&event.phase)
        .map(|p| p.label.clone())
        .unwrap_or_else(|| event.phase.clone());
    let row = |term: &str, values: &[String]| {
        (!values.is_empty()).then(|| {
            html! { <><dt>{ term }</dt><dd>{ values.join(", ") }</dd></> }
        })
    };
    let footnotes = event.footnotes.iter().map(|n| footnote_item(data, *n));
    let dispatch = &props.dispatch;
    // Escape inside the details (or the sheet on small screens) closes them; [ and ] walk on.
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            use crate::core::keys::{command, Scope};
            if let Some(action) =
                command(Scope::Details, &e.key(), e.shift_key()).and_then(Action::for_command)
            {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };
    let on_swipe_start = {
        let swipe = swipe.clone();
        Callback::from(move |e: PointerEvent| {
            *swipe.borrow_mut() = (e.pointer_type() == "touch").then(|| f64::from(e.client_y()));
        })
    };
    let on_swipe_end = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(y0) = swipe.borrow_mut().take() {
                if f64::from(e.client_y()) - y0 > 60.0 {
                    dispatch.emit(Action::Select(None));
                }
            }
        })
    };
    let close = dispatch.reform(|_| Action::Select(None));
    html! {
        <aside class="detail" aria-labelledby={HEADING_ID} onkeydown={on_key}>
            <div class="detail-head" onpointerdown={on_swipe_start} onpointerup={on_swipe_end.clone()}
                 onpointercancel={on_swipe_end}>
                <p class="date">{ event.date_label() }</p>
                <button type="button" class="close" aria-keyshortcuts="Escape" onclick={close}>{ "Close" }</button>
            </div>
            <h2 id={HEADING_ID} tabindex="-1">{ &event.title }</h2>
            { super::rich::rich_block(&event.summary, "summary") }
            if !event.footnotes.is_empty() {
                <h3>{ if props.from_brief { "Sources (the brief's footnotes)" } else { "Sources" } }</h3>
                <ol class="footnotes">{ for footnotes }</ol>
            } else if props.from_brief && !event.evidence.is_empty() {
                // Where the brief gives no footnote, the reader is told so, and what the entry
                // rests on.
                <h3>{ "Sources" }</h3>
                <p class="no-footnote">{ "The brief gives no footnote here: this rests on its own words, quoted below." }</p>
            }
            if !event.evidence.is_empty() {
                <figure class="evidence">
                    <blockquote>{ &event.evidence }</blockquote>
                    <figcaption>{ if props.from_brief { "— the brief" } else { "— the source" } }</figcaption>
                </figure>
            }
            <dl>
                if !phase.is_empty() {
                    { row("Phase", std::slice::from_ref(&phase)) }
                }
                { row("Domains", &domains) }
                { row("Third parties", &parties) }
                { row("Actors", &event.actors) }
            </dl>
            if let Some(note) = &event.note {
                <p class="note"><strong>{ "Note: " }</strong>{ note }</p>
            }
            <p class="cite">
                <button type="button" onclick={props.on_cite.reform(move |_| i)}>{ "Copy citation" }</button>
            </p>
            <nav class="walk" aria-label="Walk the chronology">
                // At either end, said disabled but kept focusable (as the story's): disabled
                // under the key that got there, Next at the last event sent the focus out of
                // the details to the overview's chart (the reducer does nothing past the ends).
                <button type="button" aria-disabled={(!has_previous).then_some("true")} aria-keyshortcuts="["
                        onclick={dispatch.reform(|_| Action::Step(-1))}>{ "← Previous" }</button>
                <button type="button" aria-disabled={(!has_next).then_some("true")} aria-keyshortcuts="]"
                        onclick={dispatch.reform(|_| Action::Step(1))}>{ "Next →" }</button>
            </nav>
        </aside>
    }
}
