//! The timeline as it is on screen, saved as a standalone SVG file or as a PNG at the screen's
//! pixel density: the scene last painted, in the current theme's colours.

use crate::ui::paint::{paint, Colours};
use crate::ui::storage::describe;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The scene last painted and the colours it was painted in.
fn drawing() -> Result<(Rc<crate::core::scene::Scene>, Rc<Colours>), String> {
    crate::ui::timeline::drawn().ok_or_else(|| "the timeline is not on the page".to_string())
}

/// The standalone SVG text of the timeline.
pub fn svg_text() -> Result<String, String> {
    let (scene, colours) = drawing()?;
    Ok(scene.to_svg(|ink| colours.ink(ink).to_string()))
}

/// Saves the timeline as `timeline.svg`.
pub fn save_svg() -> Result<(), String> {
    let text = svg_text()?;
    crate::ui::download::download("timeline.svg", "image/svg+xml", &text).map_err(|e| describe(&e))
}

/// Saves the timeline as `timeline.png`, at the screen's pixel density.
pub async fn save_png() -> Result<(), String> {
    let (scene, colours) = drawing()?;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let ratio = window.device_pixel_ratio().max(1.0);
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    paint(&canvas, &scene, &colours, ratio, true);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let callback = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = canvas.to_blob(callback.unchecked_ref());
    });
    let png = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
        .ok_or("the browser could not make the PNG")?;
    crate::ui::download::download_blob("timeline.png", &png).map_err(|e| describe(&e))
}
