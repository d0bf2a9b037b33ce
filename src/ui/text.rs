//! Measuring label text so that the layout can keep labels from overlapping.

use wasm_bindgen::JsCast;

/// The font every timeline label is drawn in (style.css uses the same).
pub const LABEL_FONT: &str = "12px sans-serif";

/// Room around a label's text, in px.
const LABEL_PADDING: f64 = 6.0;

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

/// A conservative width for 12px sans-serif: wide enough for capitals.
pub fn estimate(text: &str) -> f64 {
    text.chars().count() as f64 * 7.5 + LABEL_PADDING
}

/// The text cut to fit `width` px at a word boundary, with an ellipsis, given its full measured
/// width; empty when not even one word fits.
pub fn fit_label(text: &str, full_width: f64, width: f64) -> String {
    if width + 0.5 >= full_width {
        return text.to_string();
    }
    let chars = text.chars().count();
    // Proportional cut, one character of margin for the ellipsis and uneven glyphs.
    let keep = ((chars as f64) * (width - LABEL_PADDING) / (full_width - LABEL_PADDING).max(1.0))
        .floor() as usize;
    let keep = keep.saturating_sub(2);
    if keep == 0 {
        return String::new();
    }
    // Whole words only: what is shown stays a readable part of the mark's accessible name.
    let cut: String = text.chars().take(keep + 1).collect();
    let words = match cut.rfind(char::is_whitespace) {
        Some(end) => cut[..end].trim_end_matches([' ', ',', ';', ':', '–', '—', '-']),
        None => return String::new(),
    };
    if words.is_empty() {
        return String::new();
    }
    format!("{words}…")
}
