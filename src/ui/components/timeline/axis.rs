//! The axis kept in sight. Lanes by domain or by third party make the drawing two or three
//! thousand pixels tall, and its years are drawn only at its top: scrolled down to the lower
//! lanes, a reader could not tell their dates. While the drawing's own axis is scrolled (even
//! partly) above the window, a strip at the window's top, over the drawing, shows it again: the
//! same band, ticks and years, painted on the page's thread (forty rows, a few dozen items). While
//! the axis is in view the strip is hidden and not painted: a zoom or a pan at the top of the page
//! costs nothing more.

use crate::core::scene::{Rows, Scene, AXIS_HEIGHT};
use crate::ui::adapters::paint::{paint, pixel_ratio, use_system_colour_changes, Colours};
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
pub fn use_stuck_axis(scene: Rc<Scene>, dark: bool) -> StuckAxis {
    let canvas = use_node_ref();
    let band = use_node_ref();
    let stuck = use_state_eq(|| false);
    {
        let (band, stuck) = (band.clone(), stuck.setter());
        use_effect_with((), move |_| {
            let observer =
                band.cast::<web_sys::Element>().and_then(|target| {
                    // Whole in the window: not stuck; else stuck when its top is above the window's
                    // (below it, the drawing has not been reached yet).
                    let callback =
                        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                            let Some(entry) = entries.iter().last().and_then(|e| {
                                e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()
                            }) else {
                                return;
                            };
                            let top = entry.root_bounds().map_or(0.0, |r| r.top());
                            let above = entry.bounding_client_rect().top() < top - 0.5;
                            stuck.set(entry.intersection_ratio() < 1.0 && above);
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
    // The theme's colours, read again only when it changes.
    let colours = use_mut_ref(|| None::<ThemeColours>);
    {
        let canvas = canvas.clone();
        let shown = *stuck;
        let theme = (dark, system_colours);
        use_effect_with(
            (Shared(scene), shown, theme),
            move |(Shared(scene), shown, theme)| {
                if *shown {
                    if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                        paint_axis(&element, scene, &colours, *theme);
                    }
                    // The drawing's width, as its canvas has (the box's own may have a fraction
                    // of a pixel more, which blurred the years).
                    style::set(&canvas, &[("width", format!("{}px", scene.width))]);
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

/// A theme's colours, and the theme: (dark, system colour changes seen).
type ThemeColours = ((bool, u32), Rc<Colours>);

/// Paints the drawing's axis (its rows above [`AXIS_HEIGHT`]) on the strip's canvas.
fn paint_axis(
    canvas: &web_sys::HtmlCanvasElement,
    scene: &Scene,
    colours: &RefCell<Option<ThemeColours>>,
    theme: (bool, u32),
) {
    let known = colours
        .borrow()
        .as_ref()
        .filter(|(of, _)| *of == theme)
        .map(|(_, c)| c.clone());
    let colours = known.unwrap_or_else(|| {
        let read = Rc::new(Colours::of(canvas, theme.0).resolved(canvas));
        *colours.borrow_mut() = Some((theme, read.clone()));
        read
    });
    let ratio = pixel_ratio();
    paint(
        canvas,
        scene.into(),
        Rows::new(0.0, AXIS_HEIGHT, ratio),
        &colours,
        ratio,
        false,
    );
}

/// A scene compared by address (a new scene is a new drawing).
struct Shared(Rc<Scene>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
