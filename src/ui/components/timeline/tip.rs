//! What the keyboard is on, shown beside it: the date, whole title and domains of the event
//! whose mark has the focus, or what a badge holds. A pointer has the boxes' own tooltips (their
//! `<title>`), which browsers show on hover but not on focus: an event drawn without its name
//! was, to a sighted keyboard user, a shape and nothing more. Heard already as the box's name,
//! the tip is for the eyes only.

use crate::ui::adapters::keys::keyboard_last;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The drawing's element, whose boxes take the focus.
    pub drawing: NodeRef,
    /// The window (its ends' bits) and the drawing's size: the tip goes when they change, the
    /// box it stood by with them (as when the page's width changes, or the lanes).
    pub drawn: (u64, u64, u64, u64),
}

/// A tip's words, and where it stands in the drawing (px): under the box, or over it where the
/// drawing has no room below; from the box's left, or to its right end in the drawing's right
/// half.
#[derive(Clone, Debug, PartialEq)]
struct Tip {
    text: String,
    x: f64,
    from_right: bool,
    y: f64,
    above: bool,
}

/// Room a tip of two lines takes under its box.
const TIP_ROOM: f64 = 48.0;

#[function_component(FocusTip)]
pub fn focus_tip(props: &Props) -> Html {
    let tip = use_state(|| None::<Tip>);
    {
        let (tip, drawing) = (tip.clone(), props.drawing.clone());
        use_effect_with((), move |_| {
            let listeners = drawing.cast::<Element>().map(|svg| {
                let on_in = {
                    let (tip, svg) = (tip.clone(), svg.clone());
                    EventListener::new(&svg.clone(), "focusin", move |e| {
                        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                        tip.set(target.and_then(|t| tip_for(&svg, &t)));
                    })
                };
                let on_out = {
                    let tip = tip.clone();
                    EventListener::new(&svg, "focusout", move |_| tip.set(None))
                };
                // Escape puts it away (it covers what is under it), as it does the rest.
                let on_key = {
                    let tip = tip.clone();
                    EventListener::new(&svg, "keydown", move |e| {
                        let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                        if key.as_deref() == Some("Escape") {
                            tip.set(None);
                        }
                    })
                };
                // The page laid out again: the box is elsewhere.
                let on_resize = web_sys::window().map(|w| {
                    let tip = tip.clone();
                    EventListener::new(&w, "resize", move |_| tip.set(None))
                });
                (on_in, on_out, on_key, on_resize)
            });
            move || drop(listeners)
        });
    }
    {
        let tip = tip.clone();
        use_effect_with(props.drawn, move |_| tip.set(None));
    }
    // Placed through `adapters::style` (a style attribute, which a strict Content-Security-Policy
    // refuses, left the tip in the drawing's corner, over other events).
    let tip_ref = use_node_ref();
    {
        let tip_ref = tip_ref.clone();
        let place = (*tip)
            .as_ref()
            .map(|t| (t.from_right, t.above, t.x.to_bits(), t.y.to_bits()));
        use_effect_with(place, move |place| {
            if let Some((from_right, above, x, y)) = *place {
                let (x, y) = (f64::from_bits(x), f64::from_bits(y));
                let sides = crate::ui::adapters::style::sides(
                    (!from_right).then_some(x),
                    from_right.then_some(x),
                    (!above).then_some(y),
                    above.then_some(y),
                );
                crate::ui::adapters::style::set(&tip_ref, &sides);
            }
        });
    }
    let Some(t) = (*tip).clone() else {
        return Html::default();
    };
    html! {
        <div class="focus-tip" aria-hidden="true" ref={tip_ref}>{ t.text }</div>
    }
}

/// The tip for the box `target` of the drawing `svg`, if it is an event's or a badge's and the
/// focus came from the keyboard (a click opens the event's details, which name it).
fn tip_for(svg: &Element, target: &Element) -> Option<Tip> {
    if !keyboard_last()
        || !target
            .matches(".marks .mark, .marks .cluster")
            .unwrap_or(false)
    {
        return None;
    }
    let text = target.query_selector("title").ok()??.text_content()?;
    let (box_, drawing) = (
        target.get_bounding_client_rect(),
        svg.get_bounding_client_rect(),
    );
    let (left, right) = (box_.left() - drawing.left(), box_.right() - drawing.left());
    let (top, bottom) = (box_.top() - drawing.top(), box_.bottom() - drawing.top());
    let from_right = left > drawing.width() / 2.0;
    let above = bottom + TIP_ROOM > drawing.height() && top > drawing.height() - bottom;
    Some(Tip {
        text,
        x: if from_right {
            (drawing.width() - right).max(4.0)
        } else {
            left.max(4.0)
        },
        from_right,
        y: if above {
            drawing.height() - top + 4.0
        } else {
            bottom + 4.0
        },
        above,
    })
}
