//! The timeline as it is on screen, saved as a standalone SVG file or as a PNG at the screen's
//! pixel density (which the PNG says, in a `pHYs` chunk): the scene rebuilt from the state, in
//! the current theme's colours, under the chronology's title and what is shown, over the legend
//! and where it comes from (see [`State::picture`]), and named and described for readers; named
//! after the chronology and the window's years.

use super::download::{download, download_blob};
use super::exports;
use super::paint::{paint, pixel_ratio, Colours};
use super::storage::describe;
use crate::core::png;
use crate::core::scene::{Rows, Scene};
use crate::core::url_state;
use crate::store::State;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The theme's colours as the page shows them now.
fn colours(state: &State) -> Result<Colours, String> {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .ok_or("the page is not there")?;
    Ok(Colours::of(&root, state.dark()))
}

/// The picture of the view: the drawing with its caption, credited as *Cite this view* cites it.
fn picture(state: &State) -> Scene {
    let credit = exports::view_citation(state)
        .unwrap_or_else(|| exports::link(&url_state::to_query(&state.view_state())));
    state.picture(credit.trim().to_string())
}

/// The standalone SVG text of the timeline.
pub fn svg_text(state: &State) -> Result<String, String> {
    let colours = colours(state)?;
    Ok(picture(state).to_svg_in(|ink| colours.ink(ink).to_string(), colours.contrast()))
}

/// Saves the timeline as an SVG file.
pub fn save_svg(state: &State) -> Result<(), String> {
    let text = svg_text(state)?;
    let name = format!("{}.svg", state.file_stem(true));
    download(&name, "image/svg+xml", &text).map_err(|e| describe(&e))
}

/// Saves the timeline as a PNG file, at the screen's pixel density.
pub async fn save_png(state: &State) -> Result<(), String> {
    let colours = colours(state)?;
    let scene: Scene = picture(state);
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let ratio = pixel_ratio();
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    paint(
        &canvas,
        (&scene).into(),
        Rows::all(scene.height),
        &colours,
        ratio,
        true,
    );
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
    let png = with_density(png, ratio).await;
    download_blob(&format!("{}.png", state.file_stem(true)), &png).map_err(|e| describe(&e))
}

/// The canvas's PNG saying its pixel density, 96 dpi times `ratio` (see [`crate::core::png`]):
/// without it, Word or LaTeX place a PNG saved at a ratio of 2 at twice its size. Should its
/// bytes not be read or not be a PNG, the PNG as the canvas made it.
async fn with_density(png: web_sys::Blob, ratio: f64) -> web_sys::Blob {
    let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(png.array_buffer()).await else {
        return png;
    };
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let Some(marked) = png::with_density(&bytes, png::pixels_per_metre(ratio)) else {
        return png;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(marked.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/png");
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap_or(png)
}

/// Saves the timeline as SVG or PNG; a failure becomes a notice.
pub fn save(state: State, png: bool, dispatch: yew::Callback<crate::store::Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = if png {
            save_png(&state).await
        } else {
            save_svg(&state)
        };
        if let Err(e) = result {
            dispatch.emit(crate::store::Action::Notify(
                format!("The timeline could not be saved: {e}.").into(),
            ));
        }
    });
}
