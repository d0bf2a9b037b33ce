//! The zoomable timeline: phase bands, a two-tier axis, lanes of points and spans, clusters.
//! Everything it draws comes from the core's scene; this folder paints it on a canvas
//! ([`canvas`]), keeps an accessible layer of targets over it ([`targets`]) and turns pointer,
//! wheel and key input into actions ([`input`]).

mod axis;
mod canvas;
mod input;
mod targets;
mod tip;

use crate::core::dataset::Chronology;
use crate::core::describe::window_label;
use crate::core::grouping::{GroupBy, Grouping};
use crate::core::keys::{command, Command, Scope};
use crate::core::layout::TimelineIndex;
use crate::core::scale::TimeScale;
use crate::core::scene::{BlockLanes, Scene, TargetKind};
use crate::core::viewport::{Limits, Viewport};
use crate::store::{Action, Shared};
use crate::ui::adapters::style;
use canvas::{use_canvas_paint, CanvasPaint, SceneInputs};
use input::{use_height_hold, use_pointer, use_resize, use_wheel, PointerInputs};
use std::rc::Rc;
use targets::{keys_on_marks, use_accessible_layer, LayerInputs, LayerScene, Targets};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The axis kept in sight at the window's top over a tall drawing (see [`axis`]), its line
/// included: what stands under it is not in view.
const AXIS_KEPT_HEIGHT: f64 = crate::core::scene::AXIS_HEIGHT + 1.0;

/// A story moment's name on the timeline: its first baseline (in the phases' names' row, under
/// the axis), and the height of its lines.
const MOMENT_NAME_Y: f64 = 52.0;
const MOMENT_LINE_HEIGHT: f64 = 14.0;
/// How far above the lanes' top the phases' names' letters end.
const NAMES_BELOW_TEXT: f64 = 4.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub index: Shared<TimelineIndex>,
    pub limits: Limits,
    pub viewport: Viewport,
    /// The window the view is going to (the drawn one while it does not move): what the zoom
    /// buttons act on.
    pub target: Viewport,
    pub width: f64,
    pub selected: Option<usize>,
    /// Whether each event passes the filters.
    pub matches: Shared<Vec<bool>>,
    /// Filtered-out events are drawn dimmed (true) or not at all (false).
    pub dim: bool,
    /// The dark theme shows (the drawing is repainted in its colours).
    pub dark: bool,
    /// The lanes' groups (None: one block).
    pub grouping: Shared<Option<Grouping>>,
    pub group_by: GroupBy,
    /// Whether the window follows the filters.
    pub follow: bool,
    pub match_count: usize,
    /// What is shown, in words (filters, search, story), for the timeline's name.
    #[prop_or_default]
    pub shown: String,
    /// With no event matching, what leaves nothing (the search, the filters).
    #[prop_or_default]
    pub nothing: Option<String>,
    /// Moments a story's scene marks: (day, label).
    #[prop_or_default]
    pub annotations: Vec<(f64, String)>,
    /// The events of a badge too crowded to spread, listed for choosing.
    #[prop_or_default]
    pub cluster_list: Option<Vec<usize>>,
    pub dispatch: Callback<Action>,
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    data: Shared<Chronology>,
    dark: bool,
}

/// The domains' colours and shapes under the drawing (a component of its own, so that zooming,
/// which renders the timeline at every step, does not build it again).
#[function_component(Legend)]
fn legend(props: &LegendProps) -> Html {
    let items = props.data.domains.iter().enumerate().map(|(i, d)| {
        html! {
            <li>{ super::swatch::swatch(i, props.dark) }{ &d.label }</li>
        }
    });
    // Past 32 domains, the marks come round again: said, with how to tell them apart.
    let distinct = crate::core::shape::Shape::DISTINCT_DOMAINS;
    let count = props.data.domains.len();
    html! {
        <>
            <ul class="legend" aria-label="Domain colours">{ for items }</ul>
            if count > distinct {
                <p class="legend-note">
                    { format!(
                        "Past {distinct} domains, the marks come round again ({} has the mark of {}): an event's tooltip and details name its domains.",
                        props.data.domains[distinct].label,
                        props.data.domains[0].label
                    ) }
                </p>
            }
        </>
    }
}

/// How long the window stands still before a screen reader hears it (ms).
const WINDOW_HEARD_AFTER_MS: u32 = 600;

/// How long the lanes, said as the reader regroups them, stay in their live region (ms).
const LANES_HEARD_FOR_MS: u32 = 5_000;

/// How long the window, once heard, stays in its live region (see [`LANES_HEARD_FOR_MS`]).
const WINDOW_HEARD_FOR_MS: u32 = 5_000;

/// Focused itself (not one of its marks), the drawing shows its top: the browser scrolls a part
/// taller than the room left above a sheet as little as it can, and on a phone on its side,
/// with a story and the details open, the drawing's top stood 371 px above the screen. From
/// the keyboard only: focused after a click (on it, or on the details' Close far down the page),
/// the page stays where the pointer is.
fn drawing_top_in_view() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| {
        if !crate::ui::adapters::keys::keyboard_last() {
            return;
        }
        // (Yew hands every focus in the drawing here, a mark's too.)
        let Some(drawing) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|el| el.id() == "timeline-drawing")
        else {
            return;
        };
        // Once the browser has scrolled to the focus.
        gloo::timers::callback::Timeout::new(0, move || {
            let top = drawing.get_bounding_client_rect().top();
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| a == drawing);
            if top < 0.0 && focused {
                if let Some(window) = web_sys::window() {
                    window.scroll_by_with_x_and_y(0.0, top - 8.0);
                }
            }
        })
        .forget();
    })
}

/// Brings the first mark of `members` that the drawing's layer holds into view (in the middle
/// of the screen, where the badge was), if it is not wholly on the screen, and gives it the
/// focus where the badge had it or the focus fell to the page or the drawing: the keys go on
/// from the event opened (`+` zooms about it), and the focus keeper's way home, the drawing's
/// top, no longer scrolls the event away.
fn reveal_first_mark(svg: &NodeRef, members: &[usize]) {
    let Some(svg) = svg.cast::<web_sys::Element>() else {
        return;
    };
    let Some(mark) = members.iter().find_map(|i| {
        svg.query_selector(&format!(".marks [data-index=\"{i}\"]"))
            .ok()
            .flatten()
    }) else {
        return;
    };
    let view = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    use crate::ui::adapters::focus::{fallen_to_page, focus_with};
    let lost = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| {
            fallen_to_page(&d) || d.active_element().is_some_and(|a| svg.contains(Some(&a)))
        });
    if lost {
        focus_with(&mark, true);
    }
    let r = mark.get_bounding_client_rect();
    // (Under the axis kept at the window's top is out of view.)
    if r.top() < AXIS_KEPT_HEIGHT || r.bottom() > view {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// What the page says when no event that matches is in the window (`filtered`: some are left
/// out by the filters or the search).
fn outside_words(matches: usize, filtered: bool) -> String {
    match (matches, filtered) {
        (1, true) => "The one event that matches is outside this window.".to_string(),
        (1, false) => "The one event is outside this window.".to_string(),
        (n, true) => format!(
            "None of the {} events that match is in this window.",
            crate::core::text::thousands(n)
        ),
        (n, false) => format!(
            "None of the {} events is in this window.",
            crate::core::text::thousands(n)
        ),
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let width = props.width.max(100.0);
    let scale = TimeScale::new(props.viewport.start, props.viewport.end, width);
    let container_ref = use_node_ref();
    let svg_ref = use_node_ref();
    let canvas_ref = use_node_ref();
    // The scale of the last render, read by the native wheel listener.
    let current = use_mut_ref(|| scale);
    *current.borrow_mut() = scale;
    use_resize(container_ref.clone(), props.dispatch.clone());
    let rerender = use_force_update();
    let hold = use_height_hold(container_ref.clone(), rerender.clone());
    use_wheel(
        container_ref.clone(),
        svg_ref.clone(),
        props.dispatch.clone(),
        current.clone(),
        hold.clone(),
    );

    // Built again only when what it is built from changes (not for a render that makes the
    // accessible layer, say: at 300,000 events a scene takes 20–40 ms).
    let last_scene = use_mut_ref(|| None::<(SceneInputs, u64, Rc<Scene>)>);
    // While a pan or zoom goes on (a gesture, or the window easing to where a key, a button or
    // the overview sent it), each block keeps the lanes it had (it may gain more): no group's
    // heading, nor the spans' band, jumps up and back down as events come and go.
    let moving = hold.active() || props.viewport != props.target;
    let keep: Rc<[BlockLanes]> = match &*last_scene.borrow() {
        Some((last, _, scene))
            if moving
                && last.data.id() == props.data.id()
                && last.matches.id() == props.matches.id()
                && last.grouping.id() == props.grouping.id() =>
        {
            // Its lanes as drawn: those it kept itself, or more.
            Rc::from(scene.lanes.as_slice())
        }
        _ => Rc::from([]),
    };
    // The drawing: built from the core's scene, painted at the next animation frame.
    let inputs = SceneInputs {
        data: props.data.clone(),
        index: props.index.clone(),
        matches: props.matches.clone(),
        dim: props.dim,
        selected: props.selected,
        grouping: props.grouping.clone(),
        viewport: props.viewport,
        keep,
    };
    let kept = last_scene
        .borrow()
        .as_ref()
        .filter(|(i, w, _)| *w == width.to_bits() && i.same_as(&inputs))
        .map(|(_, _, scene)| scene.clone());
    let scene = kept.unwrap_or_else(|| {
        let scene = Rc::new(inputs.build(width));
        *last_scene.borrow_mut() = Some((inputs.clone(), width.to_bits(), scene.clone()));
        scene
    });
    // Set when the accessible layer is due to follow the drawing; the render that follows
    // builds it.
    let settle_due = use_mut_ref(|| false);
    let painted = use_canvas_paint(CanvasPaint {
        canvas: canvas_ref.clone(),
        container: container_ref.clone(),
        scene: scene.clone(),
        inputs,
        dark: props.dark,
        dispatch: props.dispatch.clone(),
        settle_due: settle_due.clone(),
        rerender: rerender.clone(),
        hold: hold.clone(),
    });
    let layer = use_accessible_layer(LayerInputs {
        scene: scene.clone(),
        now: (
            props.data.id(),
            props.index.id() ^ props.grouping.id(),
            props.selected,
        ),
        later: (props.matches.id(), props.dim, width.to_bits()),
        settle_due,
        rerender,
    });
    let axis = axis::use_stuck_axis(scene.clone(), props.dark, container_ref.clone());
    let layer_scene: LayerScene = use_mut_ref(|| None);
    *layer_scene.borrow_mut() = layer.overlay.clone();
    // A badge opened (clicked, tapped or chosen by key): once the window has come to its events
    // and their marks are made, the first of them is brought into view. The drawing may be far
    // shorter in the narrower window (fewer lanes), and the page kept its scroll: the events
    // stood above the screen.
    // (The badge's events, and the window it was opened from: renders in that window are not
    // the arrival.)
    let opening = use_mut_ref(|| None::<(Vec<usize>, Viewport)>);
    let dispatch_opening = {
        let (opening, dispatch, from) = (opening.clone(), props.dispatch.clone(), props.viewport);
        Callback::from(move |action: Action| {
            if let Action::OpenCluster { members, .. } = &action {
                *opening.borrow_mut() = Some((members.clone(), from));
            }
            dispatch.emit(action);
        })
    };
    {
        let (opening, svg) = (opening.clone(), svg_ref.clone());
        let viewport = props.viewport;
        let arrived = !layer.catching_up
            && layer
                .overlay
                .as_ref()
                .is_some_and(|o| o.start == viewport.start && o.end == viewport.end);
        let listed = props.cluster_list.is_some();
        use_effect(move || {
            let mut opening = opening.borrow_mut();
            if listed {
                // Listed instead: the list takes the focus, and with it the view.
                *opening = None;
            } else if arrived && opening.as_ref().is_some_and(|(_, from)| *from != viewport) {
                if let Some((members, _)) = opening.take() {
                    reveal_first_mark(&svg, &members);
                }
            }
        });
    }
    let pointer = use_pointer(PointerInputs {
        svg: svg_ref.clone(),
        dispatch: dispatch_opening.clone(),
        viewport: props.viewport,
        limits: props.limits,
        width,
        current,
        painted,
        grouping: props.grouping.clone(),
        hold,
        layer: layer_scene.clone(),
    });
    let on_key_down = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let Some(cmd) = command(Scope::Timeline, &e.key(), e.shift_key()) else {
                return;
            };
            // On a focused event, + and - zoom about it: it stays where it is, in view.
            let on_event = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-index]").ok().flatten())
                .and_then(|el| el.get_attribute("data-index"))
                .and_then(|i| i.parse::<usize>().ok());
            let action = match (cmd, on_event) {
                (Command::ZoomIn, Some(index)) => Some(Action::ZoomOnEvent { factor: 2.0, index }),
                (Command::ZoomOut, Some(index)) => Some(Action::ZoomOnEvent { factor: 0.5, index }),
                _ => Action::for_command(cmd),
            };
            if let Some(action) = action {
                e.prevent_default();
                crate::ui::adapters::keys::note_key_action(&action);
                dispatch.emit(action);
            }
        })
    };
    let window_label = window_label(&props.viewport);
    // The lanes said to a screen reader as the reader regroups them (nothing was heard: the
    // drawing's name changed, but it is read only on focus).
    // Only when the reader regrouped them with the Lanes list (a story's scene regroups them
    // too, and its own heading is what is heard then); cleared a few seconds later, so that no
    // stale lanes stay in a screen reader's view of the page.
    let heard_lanes = use_state(String::new);
    let regrouped = use_mut_ref(|| false);
    {
        let heard = heard_lanes.clone();
        let grouping = props.grouping.clone();
        let regrouped = regrouped.clone();
        let clear = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with(props.group_by, move |_| {
            if std::mem::replace(&mut *regrouped.borrow_mut(), false) {
                heard.set(crate::core::describe::lanes_in_words((*grouping).as_ref()));
                let heard = heard.clone();
                *clear.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    LANES_HEARD_FOR_MS,
                    move || heard.set(String::new()),
                ));
            }
        });
    }
    // The window said to a screen reader once it has stood still a moment: a zoom, a pan or the
    // window easing to new filters changes the label at every frame, and each change was heard.
    // Not while the overview's slider has the focus: its own value, the same window, is read
    // as it moves (it was heard twice).
    let settled =
        crate::ui::adapters::timing::use_settled(window_label.clone(), WINDOW_HEARD_AFTER_MS);
    // A window settled on while the slider had the focus is passed over, not said later when
    // the focus leaves it. The region is empty but for a few seconds after a change: the
    // window shown on opening is read in the bar, and a region holding it too was read twice
    // ("1977 – 2021 1977 – 2021 Lanes").
    let heard_window = use_state(String::new);
    {
        let heard = heard_window.clone();
        let opening = use_mut_ref(|| true);
        let clear = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with(settled, move |settled| {
            let opening = std::mem::replace(&mut *opening.borrow_mut(), false);
            if !opening && !crate::ui::adapters::focus::focus_matches(".overview .brush") {
                heard.set(settled.clone());
                let heard = heard.clone();
                *clear.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    WINDOW_HEARD_FOR_MS,
                    move || heard.set(String::new()),
                ));
            }
        });
    }
    let heard_window = (*heard_window).clone();
    // At the closest or the widest zoom, its button says it can do no more (it stays in the
    // tab order: a disabled button would drop the focus of the key that got there).
    let can_zoom_in = props.target.can_zoom(2.0, &props.limits);
    let can_zoom_out = props.target.can_zoom(0.5, &props.limits);
    let dispatch = &props.dispatch;
    let total = props.data.events.len();
    // Some events match, but none lies in the window (the window left to stay where it was, or
    // panned away from them): said once the window is at rest, with the way to them (a blank
    // drawing said nothing).
    // Every lane that holds a match folded: that is why none shows, and unfolding is the way.
    let all_folded = props
        .grouping
        .as_ref()
        .is_some_and(Grouping::every_lane_with_events_folded);
    // Also with no filter: a window zoomed or panned (or linked) into a stretch without events
    // said nothing, an empty drawing under the axis.
    let none_in_view = !moving && props.match_count > 0 && !scene.shows_a_match();
    let name = crate::core::describe::timeline_name(
        total,
        props.match_count,
        &props.shown,
        props.group_by,
        &window_label,
    );
    let on_group = {
        let regrouped = regrouped.clone();
        dispatch.reform(move |e: Event| {
            *regrouped.borrow_mut() = true;
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Action::SetGroupBy(GroupBy::parse(&select.value()).unwrap_or_default())
        })
    };
    // The select shows the lanes in force however they came (Back, Forward, a link, a story's
    // scene): an option's `selected` attribute no longer moves a select the user has changed.
    let group_ref = use_node_ref();
    {
        let group_ref = group_ref.clone();
        use_effect_with(props.group_by, move |group_by| {
            if let Some(select) = group_ref.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != group_by.key() {
                    select.set_value(group_by.key());
                }
            }
        });
    }
    let on_follow = dispatch.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetFollow(input.checked())
    });
    let scale_x = |day: f64| (day - props.viewport.start) / props.viewport.span() * width;
    // Where the phases' names stand along their row: a moment's name hides those it meets
    // whole.
    let phase_names = if props.annotations.is_empty() {
        Vec::new()
    } else {
        scene.phase_name_extents()
    };
    // And the bands they are drawn on, whose colour a moment's box takes.
    let phase_bands: Vec<(f64, f64, u8)> = scene
        .phases
        .iter()
        .map(|p| (p.x, p.x + p.w, (p.index % 2) as u8))
        .collect();
    let annotations = props.annotations.iter().filter_map(|(day, label)| {
        let x = scale_x(*day);
        (0.0..=width).contains(&x).then(|| {
            // The line over its name's box and fade (they stand beside it), stopping short of
            // the events' names it would strike through.
            let line: String = scene
                .line_runs(x, crate::core::scene::AXIS_HEIGHT, scene.height)
                .iter()
                .map(|(top, bottom)| format!("M{} {}V{}", fmt(x), fmt(*top), fmt(*bottom)))
                .collect();
            // Its box hides the phases' names it stands over, both lines of them (their strip
            // ends where the lanes begin, a little below the last line's letters).
            let reach = scene.phases.first().map(|p| p.y + p.h - NAMES_BELOW_TEXT);
            html! {
                <g class="annotation">
                    { super::moment::moment_name(x, MOMENT_NAME_Y, label, width, Some(MOMENT_LINE_HEIGHT),
                        super::moment::Under { reach, names: &phase_names, bands: &phase_bands })  }
                    <path class="moment-line" d={line} />
                </g>
            }
        })
    });
    // The list of a badge's events, placed beside its badge once its width is known (see
    // `Scene::list_beside`; through `adapters::style`, not a style attribute).
    let list_ref = use_node_ref();
    {
        let badge = props
            .cluster_list
            .as_ref()
            .and_then(|members| scene.badge_of(members))
            .cloned();
        let key = badge
            .as_ref()
            .map(|b| [b.x, b.y, b.w, b.h, scene.width, scene.height].map(f64::to_bits));
        let (list_ref, scene) = (list_ref.clone(), scene.clone());
        use_effect_with(key, move |_| {
            if let (Some(badge), Some(list)) = (badge, list_ref.cast::<web_sys::HtmlElement>()) {
                let place = scene.list_beside(&badge, f64::from(list.offset_width()));
                let mut props =
                    style::sides(place.left, place.right, place.top, place.bottom).to_vec();
                props.push((
                    "max-height",
                    format!("min(20rem, {}px)", fmt(place.max_height)),
                ));
                style::set(&list_ref, &props);
            }
        });
    }
    // An opened list takes the focus (and so comes into view: the badge opened may stand far
    // below the list's corner of the drawing).
    {
        let container = container_ref.clone();
        use_effect_with(props.cluster_list.is_some(), move |open| {
            if *open {
                let first = container
                    .cast::<web_sys::Element>()
                    .and_then(|c| c.query_selector(".cluster-list ul button").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            }
        });
    }
    let cluster_list = props.cluster_list.as_ref().map(|members| {
        let when = crate::core::describe::members_when(&props.data, members);
        let badge = scene.badge_of(members);
        // Spans through the whole window: their first and last start dates would read as if
        // they lay between them.
        let through =
            badge.is_some_and(|b| matches!(b.kind, TargetKind::Cluster { through: true, .. }));
        let count = crate::core::text::thousands(members.len());
        let heading = match (through, members.len() == 1) {
            (true, true) => format!("{count} event that runs through this window"),
            (true, false) => format!("{count} events that run through this window"),
            (false, true) => format!("{count} event, {when}"),
            (false, false) => format!("{count} events, {when}"),
        };
        let items = members.iter().filter_map(|&i| {
            let e = props.data.events.get(i)?;
            Some(html! {
                <li key={e.id.clone()}>
                    <button type="button" class="link-button" onclick={dispatch.reform(move |_| Action::Select(Some(i)))}>
                        <span class="date">{ e.date_label() }</span>{ " " }<bdi>{ &e.title }</bdi>
                    </button>
                </li>
            })
        });
        // Escape closes it, and the focus goes back to the timeline; the arrows, Home and End
        // go from event to event, as in the list below (they scrolled the list, the focus
        // left behind on its first event).
        let on_key = {
            let dispatch = dispatch.clone();
            let svg = svg_ref.clone();
            Callback::from(move |e: KeyboardEvent| {
                let key = e.key();
                if key == "Escape" {
                    e.prevent_default();
                    e.stop_propagation();
                    dispatch.emit(Action::CloseClusterList);
                    if let Some(svg) = svg.cast::<web_sys::HtmlElement>() {
                        let _ = svg.focus();
                    }
                } else if let Some((_, li)) = super::rows::row_of(&e) {
                    // As in the list of events (the key table's List scope).
                    let to = command(Scope::List, &key, e.shift_key());
                    let pick = |row: &web_sys::Element| super::rows::control(row, "button");
                    if let Some(next) = super::rows::step(&li, to, pick) {
                        e.prevent_default();
                        if let Some(next) = next {
                            let _ = next.focus();
                        }
                    }
                }
            })
        };
        // Beside the badge that opened it (placed by the effect above; else in the drawing's
        // corner).
        html! {
            <div class="cluster-list" ref={list_ref.clone()} role="dialog" aria-labelledby="cluster-list-heading" onkeydown={on_key}>
                <div class="cluster-list-head">
                    <h3 id="cluster-list-heading">{ heading }</h3>
                    <button type="button" aria-label="Close the list" onclick={dispatch.reform(|_| Action::CloseClusterList)}>{ "×" }</button>
                </div>
                <ul>{ for items }</ul>
            </div>
        }
    });
    html! {
        <section class="timeline" aria-labelledby="timeline-heading" id="timeline">
            <div class="timeline-bar">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <span class="window">{ window_label.clone() }</span>
                <span class="visually-hidden" aria-live="polite">{ heard_window }</span>
                <span class="visually-hidden" aria-live="polite">{ (*heard_lanes).clone() }</span>
                <label class="group-by">
                    { "Lanes " }
                    <select ref={group_ref} onchange={on_group}>
                        { for GroupBy::ALL.iter().map(|g| html! {
                            <option value={g.key()} selected={*g == props.group_by}>
                                { if *g == GroupBy::None { "one set".to_string() } else { format!("by {}", g.label().to_lowercase()) } }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="follow">
                    <input type="checkbox" checked={props.follow} onchange={on_follow} />
                    { "Follow the filters" }
                </label>
                <div class="zoom-buttons" role="group" aria-label="Zoom">
                    <button type="button" aria-label="Zoom in" aria-disabled={(!can_zoom_in).then_some("true")}
                        title={if can_zoom_in { "Zoom in (+)" } else { "Zoomed in as far as it goes" }}
                        onclick={dispatch.reform(|_| Action::Zoom(2.0))}>{ "+" }</button>
                    <button type="button" aria-label="Zoom out" aria-disabled={(!can_zoom_out).then_some("true")}
                        title={if can_zoom_out { "Zoom out (−)" } else { "Zoomed out as far as it goes" }}
                        onclick={dispatch.reform(|_| Action::Zoom(0.5))}>{ "−" }</button>
                    <button type="button" aria-label="Fit all" title="Fit all (0)" onclick={dispatch.reform(|_| Action::FitAll)}>{ "Fit all" }</button>
                </div>
            </div>
            <p id="timeline-keys" class="visually-hidden">
                { "Keys: plus and minus zoom, left and right arrows pan, Home and End go to the first and last event, 0 fits all, [ and ] step through the events, Escape closes the details (then a badge's list, then a story). Tab moves to the events; there, arrow keys move between events and Enter selects one. Drag to pan, wheel or pinch to zoom." }
            </p>
            <div class="timeline-canvas" ref={container_ref}>
                // Made anew should the paint worker that has it be lost (see
                // `adapters::paint_worker`).
                <canvas key={crate::ui::adapters::paint_worker::canvas_key()} ref={canvas_ref} class="drawing" aria-hidden="true"></canvas>
                <svg ref={svg_ref.clone()} width={fmt(width)} height={fmt(scene.height)}
                     viewBox={format!("0 0 {} {}", fmt(width), fmt(scene.height))}
                     id="timeline-drawing" role="group" tabindex="0" aria-roledescription="timeline"
                     // Where the focus goes when the event or badge that had it goes.
                     data-focus-home=""
                     aria-label={name}
                     aria-describedby="timeline-keys"
                     data-start={props.viewport.start.to_string()} data-end={props.viewport.end.to_string()}
                     onfocus={drawing_top_in_view()}
                     onpointerdown={pointer.down} onpointermove={pointer.moves}
                     onpointerup={pointer.up.clone()} onpointercancel={pointer.up}
                     onclick={pointer.click} ondblclick={pointer.double_click} onkeydown={on_key_down}>
                    <g class="annotations" aria-hidden="true">
                        if !props.annotations.is_empty() {
                            <defs>{ super::moment::moment_fade() }</defs>
                        }
                        { for annotations }
                    </g>
                    <g class="marks" onkeydown={keys_on_marks(dispatch_opening, layer_scene)} aria-busy={layer.catching_up.then_some("true")}>
                        if let Some(overlay) = layer.overlay {
                            <Targets data={props.data.clone()} scene={overlay} grouping={props.grouping.clone()} limit={layer.limit} />
                        }
                    </g>
                </svg>
                // The axis again at the window's top while the drawing's own is scrolled away
                // (see `axis`), and the box that tells when it is.
                <div class="axis-band" ref={axis.band} aria-hidden="true"></div>
                <canvas ref={axis.canvas} class={classes!("axis-stuck", axis.stuck.then_some("stuck"))} aria-hidden="true"></canvas>
                // In a box of their own (which draws none): the drawing's canvas and layer keep
                // their elements when these come and go (the canvas was made anew, blank).
                <div class="timeline-overlays">
                    <tip::FocusTip drawing={svg_ref.clone()}
                                   drawn={(props.viewport.start.to_bits(), props.viewport.end.to_bits(),
                                           width.to_bits(), scene.height.to_bits())} />
                    { for cluster_list }
                    if none_in_view && !all_folded {
                        <div class="timeline-empty" role="status">
                            <p>{ outside_words(props.match_count, props.match_count < total) }</p>
                            <button type="button" onclick={dispatch.reform(|_| Action::FitAll)}>
                                { if props.match_count == 1 { "Show it" } else { "Show them" } }
                            </button>
                        </div>
                    }
                    if total == 0 {
                        <div class="timeline-empty" role="status">
                            <p>{ "This chronology has no events." }</p>
                            <button type="button" onclick={dispatch.reform(|_| Action::OpenDialog(crate::store::DialogKind::Import))}>{ "Import a chronology…" }</button>
                        </div>
                    }
                    if props.match_count == 0 && total > 0 {
                        <div class="timeline-empty" role="status">
                            <p>{ props.nothing.clone().unwrap_or_default() }</p>
                            <button type="button" onclick={dispatch.reform(|_| Action::ClearFilters)}>{ "Show all events" }</button>
                        </div>
                    }
                </div>
            </div>
            // Under the drawing, not over it: its folded lanes' heads, which open them too, stay
            // in reach (a box over the drawing covered them all on a phone).
            if none_in_view && all_folded {
                <div class="timeline-folded" role="status">
                    <p>{ "Every lane that holds events is folded." }</p>
                    <button type="button" onclick={dispatch.reform(|_| Action::UnfoldLanes)}>
                        { "Unfold the lanes" }
                    </button>
                </div>
            }
            <Legend data={props.data.clone()} dark={props.dark} />
        </section>
    }
}
