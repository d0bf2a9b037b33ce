//! The rows of a drawing that a canvas holds (all of them, or those in view while a gesture
//! goes on), and what of a scene falls in them.

use super::Prim;

/// The rows of a drawing that a canvas holds: from `top` to `bottom`, in CSS pixels, `top` on a
/// whole device pixel (so that a mark's place within its pixel, and so its kept picture, is the
/// same wherever the rows begin).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rows {
    pub top: f64,
    pub bottom: f64,
}

impl Rows {
    /// The whole of a drawing `height` px tall.
    pub fn all(height: f64) -> Rows {
        Rows {
            top: 0.0,
            bottom: height,
        }
    }

    /// From `top` (moved up to a whole device pixel at `ratio`) to `bottom`.
    pub fn new(top: f64, bottom: f64, ratio: f64) -> Rows {
        let top = (top.max(0.0) * ratio).floor() / ratio;
        Rows {
            top,
            bottom: bottom.max(top),
        }
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Whether these rows hold all of `other`.
    pub fn holds(&self, other: &Rows) -> bool {
        self.top <= other.top && other.bottom <= self.bottom
    }

    /// Whether anything of `prim` falls in these rows (what falls outside is not painted).
    pub fn reach(&self, prim: &Prim) -> bool {
        let (from, to) = match prim {
            Prim::Rect { y, h, .. } => (*y, y + h),
            Prim::Line { y1, y2, .. } => (y1.min(*y2), y1.max(*y2)),
            Prim::Marker { cy, r, .. } => (cy - 1.35 * r, cy + 1.35 * r),
            // From the tallest font's ascent to its descent, about the baseline.
            Prim::Text { y, .. } => (y - 16.0, y + 5.0),
            Prim::Polygon { points, .. } | Prim::Polyline { points, .. } => points
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &(_, y)| {
                    (a.min(y), b.max(y))
                }),
        };
        // Outlines and antialiasing reach a few pixels past the geometry.
        to + 4.0 >= self.top && from - 4.0 <= self.bottom
    }
}
