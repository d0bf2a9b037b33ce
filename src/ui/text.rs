//! Measuring label text so that the layout can keep labels from overlapping.

use wasm_bindgen::JsCast;

/// The font every timeline label is drawn in (style.css uses the same).
pub const LABEL_FONT: &str = "12px sans-serif";

use crate::core::scene::LABEL_PADDING;

pub trait LabelMeasure {
    fn width(&self, text: &str) -> f64;
}

/// Measures with a canvas 2D context in the label font; falls back to a conservative estimate.
pub struct CanvasMeasure {
    context: Option<web_sys::CanvasRenderingContext2d>,
}

impl CanvasMeasure {
    pub fn new() -> Self {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(c) = &context {
            c.set_font(LABEL_FONT);
        }
        Self { context }
    }
}

impl Default for CanvasMeasure {
    fn default() -> Self {
        Self::new()
    }
}

impl LabelMeasure for CanvasMeasure {
    fn width(&self, text: &str) -> f64 {
        match &self.context {
            Some(c) => match c.measure_text(text) {
                Ok(m) => m.width().ceil() + LABEL_PADDING,
                Err(_) => estimate(text),
            },
            None => estimate(text),
        }
    }
}

pub use crate::core::scene::{estimate, fit_label};
