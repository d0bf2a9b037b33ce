//! The scene written out as a standalone SVG document.

use super::{Contrast, Ink, Prim, Scene, Stroke, FORCED_GRID_DASH, FORCED_TEXT_HALO};
use crate::core::shape::{polygon_path, Shape};
use std::fmt::Write;

impl Scene {
    /// The scene as a standalone SVG document, with colours from `colour` and the background
    /// `background` behind everything, in a theme's colours.
    pub fn to_svg(&self, colour: impl Fn(Ink) -> String) -> String {
        self.to_svg_in(colour, Contrast::Theme)
    }

    /// [`Scene::to_svg`], under `contrast`: under forced colours, as the canvas draws it, the
    /// grid's lines dotted and each text on a halo of the background's colour.
    pub fn to_svg_in(&self, colour: impl Fn(Ink) -> String, contrast: Contrast) -> String {
        let forced = contrast == Contrast::Forced;
        let halo = if forced {
            format!(
                " stroke=\"{}\" stroke-width=\"{FORCED_TEXT_HALO}\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                escape(&colour(Ink::Background))
            )
        } else {
            String::new()
        };
        let (w, h) = (self.width.round(), self.height.round());
        let mut out = String::with_capacity(256 + 120 * self.items.len());
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\""
        );
        // A picture's name and description, for screen readers, slide software and file
        // viewers: an image named by both (the pattern that most readers announce).
        if let Some(about) = &self.about {
            let _ = write!(
                out,
                " role=\"img\" aria-labelledby=\"{TITLE_ID} {DESC_ID}\">\n<title id=\"{TITLE_ID}\">{}</title>\n<desc id=\"{DESC_ID}\">{}</desc>",
                escape(&about.title),
                escape(&about.description)
            );
        } else {
            out.push('>');
        }
        let _ = write!(
            out,
            "\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
            escape(&colour(Ink::Background))
        );
        // As the canvas paints it: shapes, then the points' marks over them, then text over
        // everything (so that no grid line crosses a phase's name).
        let pass = |item: &&super::Item| match item.prim {
            Prim::Text { .. } => 2,
            Prim::Marker { .. } => 1,
            _ => 0,
        };
        // The selected event's callout over everything.
        let items = (0..3).flat_map(|n| self.items.iter().filter(move |i| pass(i) == n));
        let on_top = self.callout.iter().flat_map(|c| c.items.iter());
        for item in items.chain(on_top) {
            let opacity = if item.alpha < 1.0 {
                format!(" opacity=\"{}\"", item.alpha)
            } else {
                String::new()
            };
            let stroke = |s: &Stroke| {
                let dots = if forced && s.is_grid() {
                    let [on, off] = FORCED_GRID_DASH;
                    format!(" stroke-dasharray=\"{on} {off}\"")
                } else {
                    String::new()
                };
                format!(
                    " stroke=\"{}\" stroke-width=\"{}\"{dots}",
                    escape(&colour(s.ink)),
                    s.width
                )
            };
            match &item.prim {
                Prim::Rect {
                    x,
                    y,
                    w,
                    h,
                    radius,
                    fill,
                    stroke: edge,
                } => {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\"{} fill=\"{}\"{}{opacity}/>",
                        if *radius > 0.0 { format!(" rx=\"{radius}\"") } else { String::new() },
                        fill.map(|f| escape(&colour(f))).unwrap_or_else(|| "none".into()),
                        edge.as_ref().map(stroke).unwrap_or_default(),
                    );
                }
                Prim::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    stroke: s,
                } => {
                    let _ = writeln!(
                        out,
                        "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\"{}{opacity}/>",
                        stroke(s)
                    );
                }
                Prim::Marker {
                    shape,
                    cx,
                    cy,
                    r,
                    fills,
                    stroke: s,
                } => {
                    let (r, fills, s) = &super::mark_under(contrast, *r, *fills, *s);
                    if let [fill] = fills.inks() {
                        let fill = escape(&colour(*fill));
                        if *shape == Shape::Circle {
                            let _ = writeln!(
                                out,
                                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\"{}{opacity}/>",
                                stroke(s)
                            );
                        } else {
                            let _ = writeln!(
                                out,
                                "<path d=\"{}Z\" fill=\"{fill}\"{}{opacity}/>",
                                polygon_path(&shape.corners(*cx, *cy, *r)),
                                stroke(s)
                            );
                        }
                    } else {
                        // Several domains: a slice in each one's colour, under one outline.
                        let inks = fills.inks();
                        let slices = shape.slices(*cx, *cy, *r, inks.len());
                        for (slice, fill) in slices.iter().zip(inks).filter(|(s, _)| !s.is_empty())
                        {
                            let _ = writeln!(
                                out,
                                "<path d=\"{}Z\" fill=\"{}\"{opacity}/>",
                                polygon_path(slice),
                                escape(&colour(*fill)),
                            );
                        }
                        let _ = writeln!(
                            out,
                            "<path d=\"{}Z\" fill=\"none\"{}{opacity}/>",
                            polygon_path(&shape.outline(*cx, *cy, *r)),
                            stroke(s)
                        );
                    }
                }
                Prim::Polygon {
                    points,
                    fill,
                    stroke: edge,
                } => {
                    let _ = writeln!(
                        out,
                        "<path d=\"{}Z\" fill=\"{}\"{}{opacity}/>",
                        polygon_path(points),
                        fill.map(|f| escape(&colour(f)))
                            .unwrap_or_else(|| "none".into()),
                        edge.as_ref().map(stroke).unwrap_or_default(),
                    );
                }
                Prim::Polyline { points, stroke: s } => {
                    let _ = writeln!(
                        out,
                        "<path d=\"{}\" fill=\"none\"{}{opacity}/>",
                        polygon_path(points),
                        stroke(s)
                    );
                }
                Prim::Text {
                    x,
                    y,
                    text,
                    font,
                    ink,
                } => {
                    let _ = writeln!(
                        out,
                        "<text x=\"{x:.1}\" y=\"{y:.1}\" {} fill=\"{}\"{halo}{opacity}>{}</text>",
                        font.svg_attributes(),
                        escape(&colour(*ink)),
                        escape(text)
                    );
                }
            }
        }
        out.push_str("</svg>\n");
        out
    }
}

/// The ids of a picture's `<title>` and `<desc>`, which its `aria-labelledby` names.
pub const TITLE_ID: &str = "timeline-picture-title";
pub const DESC_ID: &str = "timeline-picture-desc";

/// Text and attribute values with XML's special characters escaped.
/// Text as XML may hold it: markup characters escaped, characters XML forbids left out.
fn escape(text: &str) -> String {
    crate::core::text::xml_escape(text)
}
