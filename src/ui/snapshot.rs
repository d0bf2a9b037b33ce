//! The timeline as it is on screen, saved as a standalone SVG file or as a PNG at the screen's
//! pixel density. The drawing's stylesheet rules are resolved into presentation attributes, so
//! that the file looks the same anywhere (and in the current theme).

use crate::ui::storage::describe;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The properties that make the drawing look as it does.
const PROPERTIES: [&str; 12] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-decoration",
    "visibility",
];

fn timeline_svg() -> Result<web_sys::Element, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(r#"svg[aria-roledescription="timeline"]"#)
                .ok()
                .flatten()
        })
        .ok_or_else(|| "the timeline is not on the page".to_string())
}

/// The standalone SVG text of the timeline, with its size in CSS pixels.
pub fn svg_text() -> Result<(String, f64, f64), String> {
    let window = web_sys::window().ok_or("no window")?;
    let original = timeline_svg()?;
    let clone: web_sys::Element = original
        .clone_node_with_deep(true)
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "not an element")?;
    let sources = original.query_selector_all("*").map_err(|e| describe(&e))?;
    let copies = clone.query_selector_all("*").map_err(|e| describe(&e))?;
    for i in 0..sources.length().min(copies.length()) {
        let (Some(source), Some(copy)) = (sources.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(source), Ok(copy)) = (
            source.dyn_into::<web_sys::Element>(),
            copy.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        let Some(style) = window.get_computed_style(&source).ok().flatten() else {
            continue;
        };
        if style.get_property_value("display").ok().as_deref() == Some("none") {
            let _ = copy.set_attribute("display", "none");
            continue;
        }
        for name in PROPERTIES {
            if let Ok(value) = style.get_property_value(name) {
                if !value.is_empty() && value != "normal" {
                    let _ = copy.set_attribute(name, &value);
                }
            }
        }
        let _ = copy.remove_attribute("class");
        let _ = copy.remove_attribute("tabindex");
    }
    let rect = original.get_bounding_client_rect();
    let (width, height) = (rect.width().round(), rect.height().round());
    for name in [
        "tabindex",
        "class",
        "aria-describedby",
        "data-start",
        "data-end",
    ] {
        let _ = clone.remove_attribute(name);
    }
    let _ = clone.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = clone.set_attribute("width", &width.to_string());
    let _ = clone.set_attribute("height", &height.to_string());
    // The page's background behind the drawing, so that the dark theme stays legible.
    let background = window
        .document()
        .and_then(|d| d.body())
        .and_then(|b| window.get_computed_style(&b).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .unwrap_or_else(|| "#ffffff".into());
    let document = window.document().ok_or("no document")?;
    let back = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .map_err(|e| describe(&e))?;
    for (k, v) in [
        ("width", "100%"),
        ("height", "100%"),
        ("fill", background.as_str()),
    ] {
        let _ = back.set_attribute(k, v);
    }
    let _ = clone.insert_before(&back, clone.first_child().as_ref());
    let text = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&clone))
        .map_err(|e| describe(&e))?;
    Ok((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}\n"),
        width,
        height,
    ))
}

/// Saves the timeline as `timeline.svg`.
pub fn save_svg() -> Result<(), String> {
    let (text, _, _) = svg_text()?;
    crate::ui::download::download("timeline.svg", "image/svg+xml", &text).map_err(|e| describe(&e))
}

/// Saves the timeline as `timeline.png`, at the screen's pixel density.
pub async fn save_png() -> Result<(), String> {
    let (text, width, height) = svg_text()?;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let ratio = window.device_pixel_ratio().max(1.0);
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| describe(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e))?;
    let image = web_sys::HtmlImageElement::new().map_err(|e| describe(&e))?;
    image.set_src(&url);
    let loaded = crate::ui::storage::settle(&image, "load", &["error"]).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    loaded.map_err(|_| "the drawing could not be rendered as an image".to_string())?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    canvas.set_width((width * ratio).round() as u32);
    canvas.set_height((height * ratio).round() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| describe(&e))?
        .ok_or("no 2D canvas")?
        .dyn_into()
        .map_err(|_| "no 2D canvas")?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            width * ratio,
            height * ratio,
        )
        .map_err(|e| describe(&e))?;
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
