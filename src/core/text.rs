//! Label widths: what the layout needs to keep labels from overlapping. The browser measures
//! them exactly (an adapter implements [`LabelMeasure`] with a canvas); natively, and beyond a
//! few thousand events, a conservative estimate stands in.

pub use crate::core::scene::estimate;

/// Gives the width in CSS pixels of a label (padding included) in the timeline's label font.
pub trait LabelMeasure {
    fn width(&self, text: &str) -> f64;
}

/// The conservative estimate, as a measure.
#[derive(Clone, Copy, Debug, Default)]
pub struct Estimate;

impl LabelMeasure for Estimate {
    fn width(&self, text: &str) -> f64 {
        estimate(text)
    }
}
