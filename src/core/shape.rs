//! The shapes of point marks: a cue by domain that does not rely on colour. Defined once here,
//! as polygons, for the canvas, the SVG export and the legend alike.

use std::fmt::Write;

/// Point marks have a shape by domain as well as a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    /// A triangle pointing down.
    InvertedTriangle,
    Hexagon,
    Star,
    /// A plus sign.
    Cross,
}

/// The shape of each position in the domain list, paired with the palette's colours
/// ([`crate::core::palette::domain_colour`]) so that no two domains whose colours are near
/// (CIEDE2000 below 10 in either theme, with typical vision or any of the common colour-vision
/// deficiencies) share a shape; `core::palette`'s tests check it.
const BY_POSITION: [Shape; 16] = [
    Shape::Circle,           // indigo
    Shape::Square,           // cyan
    Shape::Diamond,          // teal
    Shape::Triangle,         // green
    Shape::Circle,           // olive
    Shape::Square,           // sand
    Shape::Diamond,          // rose
    Shape::Triangle,         // wine
    Shape::Hexagon,          // purple
    Shape::Cross,            // orange
    Shape::Star,             // light blue
    Shape::InvertedTriangle, // pear
    Shape::Hexagon,          // pink
    Shape::Cross,            // pale blue
    Shape::InvertedTriangle, // mint
    Shape::Star,             // grey
];

/// The shapes of positions 16 to 31, whose colours are those of positions 0 to 15 again: each
/// differs from its colour's first shape, and no two near colours share one across the 32 (nor
/// with the events that have no domain); `core::palette`'s tests check it.
const SECOND_ROUND: [Shape; 16] = [
    Shape::InvertedTriangle, // indigo
    Shape::Hexagon,          // cyan
    Shape::Square,           // teal
    Shape::InvertedTriangle, // green
    Shape::InvertedTriangle, // olive
    Shape::Hexagon,          // sand
    Shape::Hexagon,          // rose
    Shape::InvertedTriangle, // wine
    Shape::Star,             // purple
    Shape::Star,             // orange
    Shape::Cross,            // light blue
    Shape::Triangle,         // pear
    Shape::InvertedTriangle, // pink
    Shape::InvertedTriangle, // pale blue
    Shape::Triangle,         // mint
    Shape::Square,           // grey
];

/// Sides of the polygon a circle is drawn as where it must be one (split marks, outlines).
const CIRCLE_SIDES: usize = 24;

impl Shape {
    pub const ALL: [Shape; 8] = [
        Shape::Circle,
        Shape::Square,
        Shape::Diamond,
        Shape::Triangle,
        Shape::InvertedTriangle,
        Shape::Hexagon,
        Shape::Star,
        Shape::Cross,
    ];

    /// How many domains have marks no two alike (see [`Shape::of_domain`]).
    pub const DISTINCT_DOMAINS: usize = 32;

    /// The shape of events whose domain is at `position` in the dataset's list (None: no
    /// domain). The colours repeat after 16 domains and the shapes then change, so that 32
    /// domains have marks no two alike; after 32, the marks repeat.
    pub fn of_domain(position: Option<usize>) -> Shape {
        match position {
            Some(p) if (p / 16) % 2 == 1 => SECOND_ROUND[p % 16],
            Some(p) => BY_POSITION[p % 16],
            None => Shape::Circle,
        }
    }

    /// Whether the domain at `position` is drawn hollow under forced colours, where every mark
    /// is in the text's colour: a domain whose shape an earlier domain has (each shape is had by
    /// two of the first sixteen), so that shape and fill tell the sixteen apart. Past sixteen,
    /// the same rule over the second round's shapes, where some repeat more: there marks repeat
    /// under forced colours (the colours do in a theme).
    pub fn hollow_when_forced(position: usize) -> bool {
        let table = if (position / 16) % 2 == 1 {
            &SECOND_ROUND
        } else {
            &BY_POSITION
        };
        let p = position % 16;
        table[..p].contains(&table[p])
    }

    /// Its name, e.g. for a class or a description.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Square => "square",
            Shape::Diamond => "diamond",
            Shape::Triangle => "triangle",
            Shape::InvertedTriangle => "inverted triangle",
            Shape::Hexagon => "hexagon",
            Shape::Star => "star",
            Shape::Cross => "cross",
        }
    }

    /// The corners of the polygon shapes centred on (cx, cy) with radius about `r`; empty for
    /// the circle (drawn as an arc).
    pub fn corners(self, cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
        let around = |n: usize, radius: f64, turn: f64| regular(cx, cy, radius, n, turn);
        match self {
            Shape::Circle => Vec::new(),
            Shape::Square => {
                let a = r * 0.9;
                vec![
                    (cx - a, cy - a),
                    (cx + a, cy - a),
                    (cx + a, cy + a),
                    (cx - a, cy + a),
                ]
            }
            Shape::Diamond => {
                let a = r * 1.25;
                vec![(cx, cy - a), (cx + a, cy), (cx, cy + a), (cx - a, cy)]
            }
            Shape::Triangle => {
                let a = r * 1.25;
                vec![(cx, cy - a), (cx + a, cy + a * 0.8), (cx - a, cy + a * 0.8)]
            }
            Shape::InvertedTriangle => {
                let a = r * 1.25;
                vec![(cx - a, cy - a * 0.8), (cx + a, cy - a * 0.8), (cx, cy + a)]
            }
            Shape::Hexagon => around(6, r * 1.1, 0.0),
            Shape::Star => {
                let outer = around(5, r * 1.35, -std::f64::consts::FRAC_PI_2);
                let inner = around(
                    5,
                    r * 0.6,
                    -std::f64::consts::FRAC_PI_2 + std::f64::consts::PI / 5.0,
                );
                outer
                    .into_iter()
                    .zip(inner)
                    .flat_map(|(o, i)| [o, i])
                    .collect()
            }
            Shape::Cross => {
                let (a, b) = (r * 1.15, r * 0.42);
                vec![
                    (cx - b, cy - a),
                    (cx + b, cy - a),
                    (cx + b, cy - b),
                    (cx + a, cy - b),
                    (cx + a, cy + b),
                    (cx + b, cy + b),
                    (cx + b, cy + a),
                    (cx - b, cy + a),
                    (cx - b, cy + b),
                    (cx - a, cy + b),
                    (cx - a, cy - b),
                    (cx - b, cy - b),
                ]
            }
        }
    }

    /// The outline as a polygon (a circle as a 24-gon).
    pub fn outline(self, cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
        match self {
            Shape::Circle => regular(cx, cy, r, CIRCLE_SIDES, 0.0),
            _ => self.corners(cx, cy, r),
        }
    }

    /// The shape cut into `n` vertical slices of equal width, left to right: a mark with several
    /// domains shows each one's colour in a slice. Each slice is a polygon (possibly empty).
    pub fn slices(self, cx: f64, cy: f64, r: f64, n: usize) -> Vec<Vec<(f64, f64)>> {
        let outline = self.outline(cx, cy, r);
        let (left, right) = outline
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.0), b.max(p.0))
            });
        let n = n.max(1);
        let step = (right - left) / n as f64;
        (0..n)
            .map(|k| {
                let from = left + step * k as f64;
                let to = if k + 1 == n { right } else { from + step };
                clip_x(&clip_x(&outline, from, true), to, false)
            })
            .collect()
    }

    /// SVG path data of the shape centred on (cx, cy) (a circle as two arcs).
    pub fn svg_path(self, cx: f64, cy: f64, r: f64) -> String {
        if self == Shape::Circle {
            return format!(
                "M{:.1},{cy:.1}a{r:.1},{r:.1} 0 1,0 {:.1},0a{r:.1},{r:.1} 0 1,0 {:.1},0Z",
                cx - r,
                2.0 * r,
                -2.0 * r
            );
        }
        let mut d = polygon_path(&self.corners(cx, cy, r));
        d.push('Z');
        d
    }
}

/// The corners of a regular `n`-gon about (cx, cy), the first at angle `turn`: one rotation
/// applied step by step (two trigonometric calls, however many corners: marks are drawn by
/// the thousand each frame).
fn regular(cx: f64, cy: f64, radius: f64, n: usize, turn: f64) -> Vec<(f64, f64)> {
    let (step_sin, step_cos) = (std::f64::consts::TAU / n.max(1) as f64).sin_cos();
    let (mut s, mut c) = turn.sin_cos();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push((cx + radius * c, cy + radius * s));
        (c, s) = (c * step_cos - s * step_sin, s * step_cos + c * step_sin);
    }
    out
}

/// SVG path data through the points ("M…L…").
pub fn polygon_path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (n, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.1},{y:.1}", if n == 0 { 'M' } else { 'L' });
    }
    d
}

/// The polygon cut to `x >= at` (`keep_right`) or `x <= at` (Sutherland–Hodgman).
fn clip_x(polygon: &[(f64, f64)], at: f64, keep_right: bool) -> Vec<(f64, f64)> {
    let inside = |p: (f64, f64)| if keep_right { p.0 >= at } else { p.0 <= at };
    let mut out = Vec::with_capacity(polygon.len() + 2);
    for (k, &current) in polygon.iter().enumerate() {
        let previous = polygon[(k + polygon.len() - 1) % polygon.len()];
        let crossing = |a: (f64, f64), b: (f64, f64)| {
            let t = (at - a.0) / (b.0 - a.0);
            (at, a.1 + t * (b.1 - a.1))
        };
        match (inside(previous), inside(current)) {
            (true, true) => out.push(current),
            (true, false) => out.push(crossing(previous, current)),
            (false, true) => {
                out.push(crossing(previous, current));
                out.push(current);
            }
            (false, false) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::palette::domain_colour;

    /// Area of a polygon (shoelace).
    fn area(points: &[(f64, f64)]) -> f64 {
        let n = points.len();
        (0..n)
            .map(|k| {
                let (a, b) = (points[k], points[(k + 1) % n]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn every_shape_is_used_and_the_first_four_are_as_before() {
        let used: std::collections::HashSet<Shape> =
            (0..16).map(|p| Shape::of_domain(Some(p))).collect();
        assert_eq!(used.len(), Shape::ALL.len());
        assert_eq!(Shape::of_domain(None), Shape::Circle);
        assert_eq!(Shape::of_domain(Some(1)), Shape::Square);
        // Domain 17 has domain 1's colour, and another shape; the marks repeat after 32.
        assert_ne!(Shape::of_domain(Some(17)), Shape::of_domain(Some(1)));
        assert_eq!(Shape::of_domain(Some(33)), Shape::of_domain(Some(1)));
        let marks: std::collections::HashSet<(&str, Shape)> = (0..32)
            .map(|p| (domain_colour(p, false), Shape::of_domain(Some(p))))
            .collect();
        assert_eq!(marks.len(), 32, "32 domains, no two marks alike");
        // Piracy and Shared Values, Cyber and Japanese Politics no longer look alike.
        assert_ne!(Shape::of_domain(Some(1)), Shape::of_domain(Some(13)));
        assert_ne!(Shape::of_domain(Some(2)), Shape::of_domain(Some(14)));
    }

    #[test]
    fn shapes_are_about_the_same_size_and_centred() {
        let r = 5.0;
        let circle = std::f64::consts::PI * r * r;
        for shape in Shape::ALL {
            let outline = shape.outline(100.0, 50.0, r);
            let a = area(&outline);
            assert!(a > circle * 0.45 && a < circle * 1.5, "{shape:?}: {a}");
            for (x, y) in &outline {
                assert!((x - 100.0).abs() <= r * 1.4 && (y - 50.0).abs() <= r * 1.4);
            }
            assert!(shape.svg_path(100.0, 50.0, r).ends_with('Z'));
        }
        assert!(Shape::Circle.corners(0.0, 0.0, 5.0).is_empty());
    }

    #[test]
    fn slices_cover_the_shape_without_overlap() {
        for shape in Shape::ALL {
            for n in 1..=6 {
                let whole = area(&shape.outline(10.0, 10.0, 5.0));
                let slices = shape.slices(10.0, 10.0, 5.0, n);
                assert_eq!(slices.len(), n);
                let sum: f64 = slices.iter().map(|s| area(s)).sum();
                assert!(
                    (sum - whole).abs() < 1e-6 * whole.max(1.0),
                    "{shape:?} in {n}"
                );
                for pair in slices.windows(2) {
                    let right = pair[0].iter().map(|p| p.0).fold(f64::MIN, f64::max);
                    let left = pair[1].iter().map(|p| p.0).fold(f64::MAX, f64::min);
                    assert!(right <= left + 1e-9);
                }
            }
        }
    }
}
