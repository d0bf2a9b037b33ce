//! The axis kept in sight. Lanes by domain or by third party make the drawing two or three
//! thousand pixels tall, and its years are drawn only at its top: scrolled down to the lower
//! lanes, a reader could not tell their dates. While the drawing's own axis is scrolled (even
//! partly) above the window, a strip at the window's top, over the drawing, shows it again: the
//! scene's backdrop (its phases' bands and its axis: a few dozen items, whatever the number of
//! events) painted on the page's thread. While the axis is in view the strip is hidden and not
//! painted: a zoom or a pan at the top of the page costs nothing more.

use crate::core::scene::{Rows, Scene, AXIS_HEIGHT};
use crate::store::Shared;
use crate::ui::adapters::paint::{
    paint, pixel_ratio, use_system_colour_changes, Drawing, ThemeColours,
};
use crate::ui::adapters::style;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The strip and what it needs from the timeline.
pub struct StuckAxis {
    /// The strip's canvas.
    pub canvas: NodeRef,
    /// An invisible box over the drawing's own axis, watched to know when it leaves the window.
    pub band: NodeRef,
    /// Whether the drawing's axis is above the window's top: the strip shows.
    pub stuck: bool,
}

#[hook]
pub fn use_stuck_axis(scene: Rc<Scene>, dark: bool, container: NodeRef) -> StuckAxis {
    let canvas = use_node_ref();
    let band = use_node_ref();
    let stuck = use_state_eq(|| false);
    {
        let (band, stuck) = (band.clone(), stuck.setter());
        use_effect_with((), move |_| {
            let observer = band.cast::<web_sys::Element>().and_then(|target| {
                // The band (the drawing's axis) crossing the window's top, and the drawing coming
                // into the window or leaving it (a jump from above the drawing to its middle
                // crosses no edge of the band): either way, where the band stands says it.
                let watched = target.clone();
                let callback = Closure::<dyn FnMut()>::new(move || {
                    stuck.set(watched.get_bounding_client_rect().top() < -0.5);
                });
                let options = web_sys::IntersectionObserverInit::new();
                let thresholds = js_sys::Array::of2(&0.0.into(), &1.0.into());
                options.set_threshold(&thresholds);
                let observer = web_sys::IntersectionObserver::new_with_options(
                    callback.as_ref().unchecked_ref(),
                    &options,
                )
                .ok()?;
                observer.observe(&target);
                if let Some(drawing) = container.cast::<web_sys::Element>() {
                    observer.observe(&drawing);
                }
                Some((observer, callback))
            });
            move || {
                if let Some((observer, callback)) = observer {
                    observer.disconnect();
                    drop(callback);
                }
            }
        });
    }
    let system_colours = use_system_colour_changes();
    let colours = use_mut_ref(ThemeColours::default);
    {
        let canvas = canvas.clone();
        let shown = *stuck;
        let theme = (dark, system_colours);
        use_effect_with(
            (Shared(scene), shown, theme),
            move |(Shared(scene), shown, theme)| {
                // The drawing's width, as its canvas has (the box's own may have a fraction of
                // a pixel more, which blurred the years); hidden, the box's own (a width kept
                // from a wider window would widen the drawing's box).
                let width = if *shown {
                    format!("{}px", scene.width)
                } else {
                    String::new()
                };
                style::set(&canvas, &[("width", width)]);
                if *shown {
                    if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                        paint_axis(&element, scene, &colours, *theme);
                    }
                }
            },
        );
    }
    StuckAxis {
        canvas,
        band,
        stuck: *stuck,
    }
}

/// Paints the drawing's axis (the scene's backdrop, in its rows above [`AXIS_HEIGHT`]) on the
/// strip's canvas.
fn paint_axis(
    canvas: &web_sys::HtmlCanvasElement,
    scene: &Scene,
    colours: &RefCell<ThemeColours>,
    theme: (bool, u32),
) {
    let colours = colours.borrow_mut().of(canvas, theme);
    let ratio = pixel_ratio();
    let backdrop = Drawing {
        width: scene.width,
        items: &scene.items[..scene.backdrop.min(scene.items.len())],
        callout: &[],
    };
    paint(
        canvas,
        backdrop,
        Rows::new(0.0, AXIS_HEIGHT, ratio),
        &colours,
        ratio,
        false,
    );
}
