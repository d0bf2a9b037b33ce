//! Measuring label text in the page, so that the layout can keep labels from overlapping.

use crate::core::scene::{KERNING_MARGIN, LABEL_PADDING};
use crate::core::text::{estimate, LabelMeasure};
use wasm_bindgen::JsCast;

/// The font every timeline label is drawn in (style.css uses the same).
pub const LABEL_FONT: &str = "12px sans-serif";

/// Measures with a canvas 2D context in the label font; falls back to a conservative estimate.
///
/// Each character's advance is measured once and a label's width is their sum (plus a little for
/// kerning): a thousand titles then cost a hundred calls into the browser instead of a thousand.
pub struct CanvasMeasure {
    context: Option<web_sys::CanvasRenderingContext2d>,
    advances: std::cell::RefCell<std::collections::BTreeMap<char, f64>>,
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
        Self {
            context,
            advances: Default::default(),
        }
    }
}

impl Default for CanvasMeasure {
    fn default() -> Self {
        Self::new()
    }
}

impl LabelMeasure for CanvasMeasure {
    fn width(&self, text: &str) -> f64 {
        let Some(c) = &self.context else {
            return estimate(text);
        };
        let mut advances = self.advances.borrow_mut();
        let mut sum = 0.0;
        let mut buf = [0u8; 4];
        for ch in text.chars() {
            let advance = match advances.get(&ch) {
                Some(a) => *a,
                None => match c.measure_text(ch.encode_utf8(&mut buf)) {
                    Ok(m) => *advances.entry(ch).or_insert(m.width()),
                    Err(_) => return estimate(text),
                },
            };
            sum += advance;
        }
        (sum * KERNING_MARGIN).ceil() + LABEL_PADDING
    }
}
