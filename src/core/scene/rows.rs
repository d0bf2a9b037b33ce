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

/// How tall a printed piece of the drawing may be, for its width: what a page holds under the
/// print's heading, on A4 or Letter.
pub const PAGE_SHAPE: f64 = 1.15;

impl Rows {
    /// A drawing `height` px tall and `width` wide in pieces a printed page holds at most
    /// ([`PAGE_SHAPE`] times as tall as wide), each cut where a lane starts (`starts`) in its
    /// lower half where one does: a drawing of lanes three pages tall, printed as one image,
    /// left the first page blank (it did not fit under the print's heading), then was cut across
    /// three wherever the pages ended. Each piece after the first is printed under the drawing's
    /// first `axis` px again (its years), which its page holds too.
    pub fn pages(height: f64, width: f64, axis: f64, starts: &[f64]) -> Vec<Rows> {
        // (A drawing of no width has no page's shape: one piece.)
        if width.is_nan() || width < 1.0 {
            return vec![Rows::all(height.max(0.0))];
        }
        let page = width * PAGE_SHAPE;
        let mut pieces = Vec::new();
        let mut top = 0.0;
        loop {
            let most = if pieces.is_empty() {
                page
            } else {
                (page - axis).max(page / 2.0)
            };
            if height - top <= most {
                break;
            }
            let limit = top + most;
            let cut = starts
                .iter()
                .copied()
                .filter(|&s| s > top + most / 2.0 && s <= limit)
                .max_by(f64::total_cmp)
                .unwrap_or(limit);
            pieces.push(Rows { top, bottom: cut });
            top = cut;
        }
        if height > top || pieces.is_empty() {
            pieces.push(Rows {
                top,
                bottom: height.max(top),
            });
        }
        pieces
    }

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

#[cfg(test)]
mod print_tests {
    use super::*;

    #[test]
    fn a_tall_drawing_prints_in_pieces_a_page_tall_cut_where_lanes_start() {
        // 1,000 px wide: pieces of 1,150 at most.
        let pieces = Rows::pages(
            2_800.0,
            1_000.0,
            0.0,
            &[66.0, 400.0, 900.0, 1_100.0, 1_700.0, 2_500.0],
        );
        let ends: Vec<(f64, f64)> = pieces.iter().map(|r| (r.top, r.bottom)).collect();
        // At 1,100 (the last start under 1,150, past its half), then 1,700 (under 2,250),
        // then the last one whole (2,800 − 1,700 < 1,150).
        assert_eq!(
            ends,
            vec![(0.0, 1_100.0), (1_100.0, 1_700.0), (1_700.0, 2_800.0)]
        );
        // No lane starts in a piece's lower half: cut at a page's height.
        let plain = Rows::pages(2_500.0, 1_000.0, 0.0, &[10.0]);
        assert_eq!(
            plain.iter().map(|r| (r.top, r.bottom)).collect::<Vec<_>>(),
            vec![(0.0, 1_150.0), (1_150.0, 2_300.0), (2_300.0, 2_500.0)]
        );
        // A drawing a page holds: one piece, all of it.
        assert_eq!(
            Rows::pages(600.0, 1_000.0, 40.0, &[300.0]),
            vec![Rows::all(600.0)]
        );
        assert_eq!(Rows::pages(500.0, 0.0, 40.0, &[]), vec![Rows::all(500.0)]);
        // With the axis printed again over each piece after the first, each page holds it.
        for (n, r) in Rows::pages(9_999.0, 700.0, 40.0, &[]).iter().enumerate() {
            let axis = if n == 0 { 0.0 } else { 40.0 };
            assert!(r.height() + axis <= 700.0 * PAGE_SHAPE + 1e-9 && r.height() > 0.0);
        }
    }
}
