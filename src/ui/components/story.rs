//! Story mode's panel: the scene's title, our text, the brief's own sentences with their
//! footnotes, Previous/Next and the way out (kept in reach at the panel's top), the list of
//! scenes. The timeline beside it shows the scene's window with its events highlighted.

use super::detail::footnote_item;
use crate::core::dataset::Chronology;
use crate::core::keys::{command, Scope};
use crate::core::story::{scene_events, ScenePosition};
use crate::store::{Action, Shared};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id of the header's button that starts the story (where the focus goes when it ends).
pub const STORY_START_ID: &str = "story-start";

/// The id of the scene's heading (focused when a story starts).
pub const STORY_HEADING_ID: &str = "story-heading";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub position: ScenePosition,
    /// Whether the chronology is the brief (its sentences are "the brief's").
    pub from_brief: bool,
    /// The reader started the story here (its heading takes the focus); not when it opened
    /// from a link.
    #[prop_or_default]
    pub take_focus: bool,
    /// How many events the scene highlights, and whether the rest are drawn faint: what its
    /// downloads and pictures hold.
    pub match_count: usize,
    pub dim: bool,
    pub on_export: Callback<crate::ui::adapters::exports::Export>,
    pub dispatch: Callback<Action>,
}

/// Puts the focus on the scene's heading.
fn focus_heading() {
    if let Some(heading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STORY_HEADING_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

#[function_component(StoryPanel)]
pub fn story_panel(props: &Props) -> Html {
    let data = &props.data;
    // The story starts: the reader is taken to its first scene's heading.
    use_effect_with((props.position.story, props.take_focus), |(_, take)| {
        if *take {
            focus_heading();
        }
    });
    // Another scene: read from its top. The panel scrolls on its own (back to its top), beside
    // the timeline, or on a phone in a sheet at the foot of the screen: there the page brings
    // the timeline to the top of the screen, above the sheet, unless it is already in view.
    let panel = use_node_ref();
    // On a phone, the scene's sheet folds to its bar to show the timeline under it; the next
    // scene opens unfolded (its text is what it is for).
    let folded_at = use_state(|| None::<ScenePosition>);
    let folded = *folded_at == Some(props.position);
    let on_fold = {
        let folded_at = folded_at.clone();
        let position = props.position;
        Callback::from(move |_: MouseEvent| {
            folded_at.set((!folded).then_some(position));
        })
    };
    {
        // The panel's height, as `--story-height` on the layout: beside the timeline, with an
        // event's details open under the story's bar, the details stick below it and take the
        // rest of the screen's height.
        let panel = panel.clone();
        use_effect_with((), move |_| {
            let observed = panel.cast::<web_sys::HtmlElement>().and_then(|element| {
                let measured = element.clone();
                let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    let height = measured.get_bounding_client_rect().height().round();
                    if let Some(layout) = measured
                        .parent_element()
                        .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = layout
                            .style()
                            .set_property("--story-height", &format!("{height}px"));
                    }
                });
                let observer =
                    web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    // The drawing placed again on a short screen once the page is drawn (dropped, and not
    // placed, once the story is left).
    let place_again = use_mut_ref(|| None::<crate::ui::adapters::timing::AfterFrame>);
    // A key that walks the scenes pressed in the scene's text or its list of events: what had
    // the focus is gone or shows the next scene's part (its place in the list: the panel was
    // scrolled down to it, the scene's top out of view); the next scene's heading takes it.
    let to_heading = use_mut_ref(|| false);
    {
        let panel = panel.clone();
        let to_heading = to_heading.clone();
        use_effect_with(props.position, move |_| {
            let Some(panel) = panel.cast::<web_sys::Element>() else {
                return;
            };
            panel.set_scroll_top(0);
            if std::mem::take(&mut *to_heading.borrow_mut()) {
                focus_heading();
            }
            let window = web_sys::window();
            // The focus in the panel (the scene's heading, as a story starts) stays in its view:
            // on a short screen (a page zoomed to 400 %) the bar and the titles above it took
            // the whole sheet, the heading with the focus under its foot.
            if let Some(active) = window
                .as_ref()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .filter(|a| panel.contains(Some(a)))
            {
                let (box_, at) = (
                    panel.get_bounding_client_rect(),
                    active.get_bounding_client_rect(),
                );
                if at.bottom() > box_.bottom() {
                    panel.set_scroll_top((at.top() - box_.top() - 8.0).max(0.0).round() as i32);
                }
            }
            let in_sheet = window
                .as_ref()
                .and_then(|w| w.get_computed_style(&panel).ok().flatten())
                .and_then(|style| style.get_property_value("position").ok())
                .is_some_and(|p| p == "fixed");
            if !in_sheet {
                if panel.get_bounding_client_rect().top() < 0.0 {
                    panel.scroll_into_view_with_bool(true);
                }
                return;
            }
            let sheet_top = panel.get_bounding_client_rect().top();
            // On a short screen (a phone on its side), the drawing itself at the top: the
            // timeline's bar above it took what the sheet left, and no event showed.
            let short = window
                .as_ref()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .is_some_and(|h| h <= 480.0);
            let target = if short {
                "#timeline .timeline-canvas"
            } else {
                "#timeline"
            };
            let place = move || {
                if let Some(timeline) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(target).ok().flatten())
                {
                    let top = timeline.get_bounding_client_rect().top();
                    if top < 0.0 || top > sheet_top / 3.0 {
                        timeline.scroll_into_view_with_bool(true);
                    }
                }
            };
            place();
            // And again once the page is drawn as it stays: a scene opened from a link, on a
            // phone on its side, had what stands above the drawing shrink after it was placed,
            // its years then above the screen.
            if short {
                *place_again.borrow_mut() =
                    Some(crate::ui::adapters::timing::after_next_frame(place));
            }
        });
    }
    let Some((story, scene)) = props.position.get(data) else {
        return html! {};
    };
    let dispatch = &props.dispatch;
    let has_previous = props.position.previous(data).is_some();
    let has_next = props.position.next(data).is_some();
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let typing = target
                .as_ref()
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT"));
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            if let Some(action) =
                command(Scope::Story, &e.key(), e.shift_key()).and_then(Action::for_command)
            {
                e.prevent_default();
                // (The bar's buttons and the heading stay as they are: they keep it.)
                let in_scene = target.is_some_and(|el| {
                    el.id() != STORY_HEADING_ID && el.closest(".story-bar").ok().flatten().is_none()
                });
                // (Not past either end, where nothing changes: the next change, by a button,
                // would have found it set.)
                let moves = match action {
                    Action::NextScene => has_next,
                    Action::PreviousScene => has_previous,
                    _ => false,
                };
                if in_scene && moves {
                    *to_heading.borrow_mut() = true;
                }
                dispatch.emit(action);
            }
        })
    };
    let progress = props.position.progress(data);
    let whose = if props.from_brief {
        "the brief"
    } else {
        "the source"
    };
    let mut notes: Vec<u32> = scene
        .quotes
        .iter()
        .flat_map(|q| q.footnotes.iter().copied())
        .collect();
    crate::core::sort::sort(&mut notes);
    notes.dedup();
    let quotes = scene.quotes.iter().map(|q| {
        let marks = q
            .footnotes
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        html! {
            <figure class="quote">
                <blockquote>{ &q.text }</blockquote>
                <figcaption>
                    { format!("— {whose}") }
                    if !q.footnotes.is_empty() {
                        { format!(", footnote{} {marks}", if q.footnotes.len() == 1 { "" } else { "s" }) }
                    }
                </figcaption>
            </figure>
        }
    });
    // The events the scene is about, by date and title, each a way to its details (on a phone
    // their marks are often too crowded to be named).
    let events = scene_events(data, scene);
    let events = (events.len() > 1).then(|| {
        events
            .into_iter()
            .map(|i| {
                let e = &data.events[i];
                html! {
                    <li>
                        <button type="button" class="link-button"
                                onclick={dispatch.reform(move |_| Action::Select(Some(i)))}>
                            // The date and the space after it are not underlined with the title.
                            <span class="date">{ e.date_label() }</span><span class="date">{ "\u{a0}" }</span>{ &e.title }
                        </button>
                    </li>
                }
            })
            .collect::<Html>()
    });
    let scenes = story.scenes.iter().enumerate().map(|(i, s)| {
        let current = i == props.position.scene;
        html! {
            <li>
                <button type="button" class="link-button" aria-current={current.then_some("step")}
                        onclick={dispatch.reform(move |_| Action::GoToScene(i))}>
                    { &s.title }
                </button>
            </li>
        }
    });
    html! {
        // Left, the panel takes its way out with it (Leave, or Escape on one of its controls):
        // the focus goes to the button that starts the story (see `adapters::focus`), whatever
        // runs first, the header's effect or the focus keeper (which, first, had put it on the
        // overview's chart, the part after the panel).
        <section class={classes!("story", folded.then_some("folded"))} aria-labelledby={STORY_HEADING_ID} onkeydown={on_key} ref={panel}
                 data-focus-next={STORY_START_ID}>
            <p class="story-title">{ &story.title }</p>
            <p class="story-progress" role="status" aria-live="polite">
                { format!("{progress}: {}", scene.title) }
            </p>
            // The way on and the way out stay in reach while the scene is read: at the top of the
            // panel, kept there as it scrolls.
            <div class="story-bar">
                <nav class="walk" aria-label="Scenes">
                    // "scene", apart from the details' ← Previous / Next →, which walk the events
                    // (both pairs stand in one column while a story's event is read).
                    // At either end, said disabled but kept focusable: a button that became
                    // disabled under a click dropped the focus to the page, where ← and → no
                    // longer walk the scenes (the reducer does nothing past the ends).
                    <button type="button" aria-disabled={(!has_previous).then_some("true")} aria-keyshortcuts="ArrowLeft"
                            onclick={dispatch.reform(|_| Action::PreviousScene)}>{ "← Previous scene" }</button>
                    <button type="button" aria-disabled={(!has_next).then_some("true")} aria-keyshortcuts="ArrowRight"
                            onclick={dispatch.reform(|_| Action::NextScene)}>{ "Next scene →" }</button>
                </nav>
                <button type="button" class="fold" aria-expanded={(!folded).to_string()} aria-controls="story-body"
                        onclick={on_fold}>
                    { if folded { "Show the text" } else { "Hide the text" } }
                </button>
                <button type="button" class="leave" aria-keyshortcuts="Escape" onclick={dispatch.reform(|_| Action::LeaveStory)}>
                    { "Leave the story" }
                </button>
            </div>
            <div class="story-body" id="story-body">
            <h2 id={STORY_HEADING_ID} tabindex="-1">{ &scene.title }</h2>
            { super::rich::rich_block(&scene.text, "story-text") }
            if let Some(events) = events {
                <h3 id="scene-events-heading">{ "In this scene" }</h3>
                <ul class="scene-events" aria-labelledby="scene-events-heading">{ events }</ul>
            }
            { for quotes }
            if !scene.annotations.is_empty() {
                <ul class="annotations" aria-label="Marked on the timeline">
                    { for scene.annotations.iter().map(|a| html! { <li>{ &a.label }</li> }) }
                </ul>
            }
            if !notes.is_empty() {
                <h3>{ if props.from_brief { "Sources (the brief's footnotes)" } else { "Sources" } }</h3>
                <ol class="footnotes">{ for notes.iter().map(|n| footnote_item(data, *n)) }</ol>
            }
            // The scene's events, their sources and its picture: the filters' column, whose
            // downloads these are elsewhere, is not shown in a story.
            <div class="story-exports">
                <super::exports::ExportTools match_count={props.match_count} dim={props.dim} whose="of this scene"
                                             on_export={props.on_export.clone()} />
            </div>
            <details class="scene-list">
                <summary>{ format!("All {} scenes", story.scenes.len()) }</summary>
                <ol>{ for scenes }</ol>
            </details>
            </div>
        </section>
    }
}
