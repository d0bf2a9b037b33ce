//! The accessible layer over the painted timeline: one transparent box per mark and badge,
//! which is what keyboards, screen readers and tooltips reach. It follows the drawing just after
//! the frame that shows new data, filters or width, and once the window stops moving, so that
//! zooming and panning never wait on it.

use crate::core::dataset::Chronology;
use crate::core::grouping::Grouping;
use crate::core::keys::{command, Command, Scope};
use crate::core::scene::{Scene, TargetKind};
use crate::store::{Action, Shared};
use crate::ui::adapters::timing::{after_next_frame, AfterFrame, Debounce};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::Key;

/// The accessible layer follows the drawing this long after the window stops moving.
const SETTLE_MS: u32 = 120;

/// The layer's boxes are made this many per task when it follows the drawing after a frame or
/// a pause (a new chronology, filter or window: the default view has ~1,000 of them at 300,000
/// events, ~4,400 at 1,000,000, which took one task of 100–280 ms), unless the focus is on one
/// of them. A batch of 250 takes 15–25 ms here.
const BATCH: usize = 250;

/// What the layer shows now, and whether it is catching up with the drawing.
pub struct Layer {
    pub overlay: Option<Shared<Scene>>,
    /// How many of the overlay's boxes are made (all, but while they are made batch by batch;
    /// see [`BATCH`]).
    pub limit: usize,
    pub catching_up: bool,
}

/// What the layer follows.
pub struct LayerInputs {
    pub scene: Rc<Scene>,
    /// Followed at once: the selection (a selection made from the keyboard keeps its focused
    /// mark) and the grouping; a new chronology (the first) just after the frame that draws it.
    pub now: (usize, usize, Option<usize>),
    /// Followed just after the frame that shows them: new filters, dimming, a new width.
    pub later: (usize, bool, u64),
    pub settle_due: Rc<RefCell<bool>>,
    pub rerender: UseForceUpdateHandle,
}

#[hook]
pub fn use_accessible_layer(inputs: LayerInputs) -> Layer {
    let LayerInputs {
        scene,
        now,
        later,
        settle_due,
        rerender,
    } = inputs;
    let overlay = use_mut_ref(|| None::<Shared<Scene>>);
    let settle = use_mut_ref(Debounce::default);
    let last_inputs = use_mut_ref(|| (now, later));
    let (now_same, later_same, last_data) = {
        let last = last_inputs.borrow();
        (last.0 == now, last.1 == later, last.0 .0)
    };
    *last_inputs.borrow_mut() = (now, later);
    let refresh = use_mut_ref(|| None::<AfterFrame>);
    let limit = use_mut_ref(|| BATCH);
    let batch = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let moved = overlay
        .borrow()
        .as_ref()
        .is_some_and(|o| o.start != scene.start || o.end != scene.end);
    let due = std::mem::take(&mut *settle_due.borrow_mut());
    if !now_same && !due && last_data != now.0 {
        // Another chronology: its marks are made just after the frame that first draws it (in
        // a task of their own: at 300,000 events they cost as much as the rest of that
        // render); until then the layer holds nothing rather than the last chronology's marks.
        *overlay.borrow_mut() = None;
        *limit.borrow_mut() = BATCH;
        settle.borrow_mut().cancel();
        let (settle_due, rerender) = (settle_due.clone(), rerender.clone());
        *refresh.borrow_mut() = Some(after_next_frame(move || {
            *settle_due.borrow_mut() = true;
            rerender.force_update();
        }));
    } else if !now_same || due {
        // A selection or a new grouping: every box at once, as the focus may be on one of them
        // (as it may be when the window comes to rest after keys zoomed it).
        *limit.borrow_mut() = if now_same && !focus_in_layer() {
            BATCH
        } else {
            usize::MAX
        };
        *overlay.borrow_mut() = Some(Shared(scene.clone()));
        settle.borrow_mut().cancel();
        *refresh.borrow_mut() = None;
    } else if !later_same {
        let (settle_due, rerender) = (settle_due.clone(), rerender.clone());
        *refresh.borrow_mut() = Some(after_next_frame(move || {
            *settle_due.borrow_mut() = true;
            rerender.force_update();
        }));
    } else if moved {
        let (settle_due, rerender) = (settle_due.clone(), rerender.clone());
        settle.borrow_mut().run(SETTLE_MS, move || {
            *settle_due.borrow_mut() = true;
            rerender.force_update();
        });
    }
    // The next batch of boxes, in a task of its own; none while the window moves (the boxes
    // left would be for a window the drawing has left, and a batch's task in the middle of a
    // zoom or a pan would hold up its frames): they are made for the window it comes to.
    let moving = settle.borrow().is_set();
    if moving {
        *batch.borrow_mut() = None;
    }
    let total = overlay.borrow().as_ref().map(|o| o.targets.len());
    let made = *limit.borrow();
    let waiting = batch.borrow().is_some();
    match total {
        Some(total) if moving && made < total => {}
        Some(total) if made < total && !waiting => {
            let (limit, batch_done, rerender) = (limit.clone(), batch.clone(), rerender.clone());
            *batch.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                *batch_done.borrow_mut() = None;
                let mut limit = limit.borrow_mut();
                *limit = limit.saturating_add(BATCH);
                drop(limit);
                rerender.force_update();
            }));
        }
        Some(total) if made < total => {}
        Some(_) => *limit.borrow_mut() = usize::MAX,
        None => {}
    }
    let limit = *limit.borrow();
    // The layer says so while it is catching up with the drawing.
    let catching_up = overlay.borrow().is_none()
        || refresh.borrow().is_some()
        || settle.borrow().is_set()
        || batch.borrow().is_some();
    let overlay = overlay.borrow().clone();
    Layer {
        overlay,
        limit,
        catching_up,
    }
}

/// Whether the focus is in the accessible layer.
fn focus_in_layer() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.closest(".marks").ok().flatten())
        .is_some()
}

/// Keys on the layer's boxes, heard once for them all: Enter or Space acts like a click (on a
/// mark, a badge or a lane's header, as its `data-action` says); arrow keys move the focus to
/// the previous or next box (one is in the Tab order, so that Tab leaves the timeline in one
/// step however many events it shows).
pub fn keys_on_marks(dispatch: Callback<Action>, layer: LayerScene) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let Some(current) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-roving]").ok().flatten())
        else {
            return;
        };
        let step = match command(Scope::Mark, &e.key(), e.shift_key()) {
            Some(Command::FocusPreviousMark) => -1,
            Some(Command::FocusNextMark) => 1,
            Some(Command::Activate) => {
                if let Some(action) = target_action(&current, &layer) {
                    e.prevent_default();
                    e.stop_propagation();
                    dispatch.emit(action);
                }
                return;
            }
            _ => return,
        };
        // Every mark, badge and group header of the timeline, in document order (groups nest
        // their marks).
        let Some(layer) = current.closest(".marks").ok().flatten() else {
            return;
        };
        let Ok(items) = layer.query_selector_all("[data-roving]") else {
            return;
        };
        let items: Vec<web_sys::Element> = (0..items.length())
            .filter_map(|i| items.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect();
        let Some(at) = items.iter().position(|el| *el == current) else {
            return;
        };
        let next = at as i64 + step;
        if let Some(target) = usize::try_from(next).ok().and_then(|n| items.get(n)) {
            e.prevent_default();
            e.stop_propagation();
            for el in &items {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = target.set_attribute("tabindex", "0");
            if let Some(target) = target.dyn_ref::<web_sys::SvgElement>() {
                let _ = target.focus();
            }
        } else if matches!(e.key().as_str(), "ArrowUp" | "ArrowDown") {
            // Past the first or the last box the focus stays, and so does the page (it
            // scrolled under the focus); ← and → go on to pan the window.
            e.prevent_default();
        }
    })
}

/// The scene the accessible layer was last made from (its badges' members are read there).
pub type LayerScene = Rc<RefCell<Option<Shared<Scene>>>>;

/// What the accessible box `element` does when activated without a position; a badge's events
/// are those of its target in `layer` (a list of every member in an attribute cost more than
/// the rest of the layer at 1,000,000 events).
pub fn target_action(element: &web_sys::Element, layer: &LayerScene) -> Option<Action> {
    match element.get_attribute("data-action").as_deref() {
        Some("select") => element
            .get_attribute("data-index")
            .and_then(|i| i.parse().ok())
            .map(|i| Action::Select(Some(i))),
        Some("open") => {
            let n: usize = element.get_attribute("data-target")?.parse().ok()?;
            let layer = layer.borrow();
            Some(Action::for_target(&layer.as_ref()?.targets.get(n)?.kind))
        }
        Some("group") => element.get_attribute("data-key").map(Action::ToggleGroup),
        _ => None,
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// What a mark's box says.
#[derive(Clone)]
struct MarkWords {
    key: Rc<str>,
    name: Rc<str>,
    tip: Rc<str>,
    index: Rc<str>,
}

/// The marks' words of one chronology, by event: those of this render's boxes and of the last
/// render's (a box made again, for a new window or batch, reuses its words; no more are kept).
#[derive(Default)]
struct Words {
    data: Option<Shared<Chronology>>,
    now: rustc_hash::FxHashMap<usize, MarkWords>,
    last: rustc_hash::FxHashMap<usize, MarkWords>,
}

#[derive(Properties, PartialEq)]
pub struct TargetsProps {
    pub data: Shared<Chronology>,
    pub scene: Shared<Scene>,
    pub grouping: Shared<Option<Grouping>>,
    /// Only the first `limit` boxes are made (see [`Layer::limit`]).
    pub limit: usize,
}

/// The boxes of the accessible layer: grouped, a group per lane block (its header toggles it),
/// holding its marks and badges.
#[function_component(Targets)]
pub fn targets(props: &TargetsProps) -> Html {
    let words = use_mut_ref(Words::default);
    let data = &props.data;
    let scene = &props.scene;
    // One mark (the selected one, else the first) is in the Tab order; arrow keys move between
    // marks, so that Tab leaves the timeline in one step however many events it shows.
    // Among the boxes made so far; where none can take it (every lane folded, or only dimmed
    // marks), the first lane's header.
    let made = &scene.targets[..scene.targets.len().min(props.limit)];
    let roving = made
        .iter()
        .position(|t| matches!(t.kind, TargetKind::Mark { selected: true, .. }))
        .or_else(|| {
            made.iter()
                .position(|t| !matches!(t.kind, TargetKind::Mark { dimmed: true, .. }))
        });
    let domain_names = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                data.domain(id)
                    .map(|d| d.label.as_str())
                    .unwrap_or(id.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A mark's words, made once while its box stays (formatting dates and naming domains for
    // thousands of boxes was most of a render of the layer).
    {
        let mut w = words.borrow_mut();
        if w.data.as_ref() != Some(data) {
            *w = Words {
                data: Some(data.clone()),
                ..Words::default()
            };
        } else {
            w.last = std::mem::take(&mut w.now);
        }
    }
    let words_of = |i: usize| -> MarkWords {
        let mut w = words.borrow_mut();
        if let Some(made) = w.now.get(&i) {
            return made.clone();
        }
        if let Some(made) = w.last.remove(&i) {
            w.now.insert(i, made.clone());
            return made;
        }
        drop(w);
        let e = &data.events[i];
        let name = format!("{} — {}", e.date_label(), e.title);
        // The whole title, its date and its domains: a tooltip (labels may be left out where
        // there is no room), and the mark's description for screen readers.
        let tip = if e.domains.is_empty() {
            name.clone()
        } else {
            format!("{name} ({})", domain_names(&e.domains))
        };
        let made = MarkWords {
            key: e.id.as_str().into(),
            name: name.into(),
            tip: tip.into(),
            index: i.to_string().into(),
        };
        words.borrow_mut().now.insert(i, made.clone());
        made
    };
    let target = |n: usize, t: &crate::core::scene::Target| -> Html {
        let tabindex = if Some(n) == roving { "0" } else { "-1" };
        let hit = html! {
            <rect class="hit" x={fmt(t.x)} y={fmt(t.y)} width={fmt(t.w)} height={fmt(t.h)} rx="4" />
        };
        match &t.kind {
            TargetKind::Mark {
                index,
                selected,
                dimmed,
                group,
                ..
            } => {
                let words = words_of(*index);
                let key: Key = match group {
                    Some(g) => format!("{}\u{0}{g}", data.events[*index].id).into(),
                    None => words.key.clone().into(),
                };
                if *dimmed {
                    // Context only: faint, not focusable, not announced.
                    return html! {
                        <g {key} class="mark dimmed" aria-hidden="true">{ hit }</g>
                    };
                }
                html! {
                    <g {key} class={classes!("mark", selected.then_some("selected"))}
                       role="button" {tabindex} data-roving="" aria-pressed={if *selected { "true" } else { "false" }}
                       aria-label={AttrValue::from(words.name.clone())}
                       data-index={AttrValue::from(words.index.clone())} data-action="select">
                        <title>{ AttrValue::from(words.tip.clone()) }</title>
                        { hit }
                    </g>
                }
            }
            TargetKind::Cluster {
                members,
                group,
                spans,
                through,
                ..
            } => {
                let when = crate::core::describe::members_when(data, members);
                let key = format!(
                    "cluster-{}-{}-{}",
                    members.first().copied().unwrap_or(n),
                    group.map_or(0, |g| g + 1),
                    spans
                );
                // Spans through the whole window are listed (no narrower window shows them better).
                let one = members.len() == 1;
                let (runs, opens) = match (*through, one) {
                    (true, true) => (" that runs through this window", "open to show it"),
                    (true, false) => (" that run through this window", "open to list them"),
                    (false, true) => ("", "open to show it"),
                    (false, false) => ("", "open to spread them"),
                };
                // The selected event, folded here, is named beside the badge (see Callout).
                let among = scene
                    .callout
                    .as_ref()
                    .filter(|c| members.contains(&c.index))
                    .and_then(|c| data.events.get(c.index))
                    .map(|e| {
                        if one {
                            format!(": the selected event, {}", e.title)
                        } else {
                            format!(", among them the selected event, {}", e.title)
                        }
                    })
                    .unwrap_or_default();
                let count = crate::core::text::thousands(members.len());
                let events = if one { "event" } else { "events" };
                html! {
                    <g {key} class="cluster" role="button"
                       {tabindex} data-roving="" data-action="open" data-target={n.to_string()}
                       data-first={members.first().map(|i| i.to_string())}
                       aria-label={format!("Show {count} more {events}{runs}, {when}{among}")}>
                        <title>{ format!("{count} {events}{runs}, {when}{among}: {opens}") }</title>
                        { hit }
                    </g>
                }
            }
        }
    };
    // The phases' full names, as tooltips over the strip where they are drawn (or would be,
    // where a band has no room); screen readers have them in the filters.
    let phases = scene.phases.iter().filter_map(|strip| {
        let p = data.phases.get(strip.index)?;
        Some(html! {
            <rect class="phase-strip" x={fmt(strip.x)} y={fmt(strip.y)} width={fmt(strip.w)} height={fmt(strip.h)}>
                <title>{ format!("{} ({} – {})", p.label, p.start.format_human(), p.end.format_human()) }</title>
            </rect>
        })
    });
    let group_of = |t: &crate::core::scene::Target| match t.kind {
        TargetKind::Mark { group, .. } | TargetKind::Cluster { group, .. } => group,
    };
    let body = match (*props.grouping).as_ref() {
        Some(grouping) if !scene.groups.is_empty() => scene
            .groups
            .iter()
            .enumerate()
            .map(|(n, strip)| {
                let head_tabindex = if roving.is_none() && n == 0 { "0" } else { "-1" };
                let key = grouping
                    .groups
                    .get(strip.index)
                    .map(|g| g.key.clone())
                    .unwrap_or_default();
                // With dimmed events beside them: "0 of 3 events".
                let (tally, of) = if strip.held > strip.count {
                    (format!("{} of {}", strip.count, strip.held), strip.held)
                } else {
                    (strip.count.to_string(), strip.count)
                };
                let events = if of == 1 { "event" } else { "events" };
                let marks = scene
                    .targets
                    .iter()
                    .enumerate()
                    .take(props.limit)
                    .filter(|(_, t)| group_of(t) == Some(strip.index))
                    .map(|(n, t)| target(n, t));
                html! {
                    <g key={format!("group-{key}")} class="lane-group" role="group"
                       aria-label={format!("{}: {tally} {events}", strip.label)}>
                        <g key="head" class="group-head" role="button" tabindex={head_tabindex} data-roving=""
                           data-action="group" data-key={key.clone()}
                           aria-expanded={(!strip.collapsed).to_string()}
                           aria-label={format!("{} ({tally} {events})", strip.label)}>
                            <title>{ format!("{} ({tally} {events}): {}", strip.label, if strip.collapsed { "expand this lane" } else { "collapse this lane" }) }</title>
                            <rect class="hit" x="0" y={fmt(strip.y)} width={fmt(scene.width)} height={fmt(strip.h)} />
                        </g>
                        // Apart from the header, so that folding the lane (its marks go) keeps the
                        // header's element, and the focus on it.
                        <g key="marks" class="lane-marks">{ for marks }</g>
                    </g>
                }
            })
            .collect::<Html>(),
        _ => scene
            .targets
            .iter()
            .enumerate()
            .take(props.limit)
            .map(|(n, t)| target(n, t))
            .collect::<Html>(),
    };
    html! {
        <>
            <g class="phases" aria-hidden="true">{ for phases }</g>
            { body }
        </>
    }
}
