//! What a painter needs of a scene, as bytes: the items in reach of some rows of the drawing and
//! the selected event's callout, for a painter in another thread (a Web Worker has a memory of
//! its own: the scene goes over as one transferred buffer, not as thousands of objects).
//!
//! The encoding is this module's own, read back only by [`decode`] in the same build: little-
//! endian numbers, a tag byte per item, ink and shape; coordinates whole (`f64`), so that the
//! painter draws exactly what the scene holds.

use super::{Fills, Font, Ink, Item, Prim, Rows, Scene, Shape, Stroke};

/// The part of a scene a painter draws: its width, its items (those in reach of the rows
/// asked for, in drawing order) and the callout's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaintList {
    pub width: f64,
    pub items: Vec<Item>,
    pub callout: Vec<Item>,
}

/// `scene`'s items in reach of `rows`, and its callout's, as bytes for [`decode`].
pub fn encode(scene: &Scene, rows: Rows) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * scene.items.len() + 64);
    put_f64(&mut out, scene.width);
    let reaching = |items: &[Item]| -> Vec<usize> {
        (0..items.len())
            .filter(|&i| rows.reach(&items[i].prim))
            .collect()
    };
    let callout: &[Item] = scene.callout.as_ref().map_or(&[], |c| &c.items);
    for items in [&scene.items[..], callout] {
        let kept = reaching(items);
        put_u32(&mut out, kept.len());
        for i in kept {
            put_item(&mut out, &items[i]);
        }
    }
    out
}

/// The paint list in `bytes` (from [`encode`]); none if they are not one whole.
pub fn decode(bytes: &[u8]) -> Option<PaintList> {
    let mut r = Reader { bytes, at: 0 };
    let width = r.f64()?;
    let mut lists = [Vec::new(), Vec::new()];
    for list in &mut lists {
        let n = r.u32()?;
        // Each item takes at least ten bytes: a count beyond what is left is not one.
        if n > r.left() / 10 {
            return None;
        }
        list.reserve(n);
        for _ in 0..n {
            list.push(r.item()?);
        }
    }
    if r.left() != 0 {
        return None;
    }
    let [items, callout] = lists;
    Some(PaintList {
        width,
        items,
        callout,
    })
}

fn put_f64(out: &mut Vec<u8>, v: f64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u32(out: &mut Vec<u8>, v: usize) {
    out.extend_from_slice(&u32::try_from(v).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_ink(out: &mut Vec<u8>, ink: Ink) {
    let (tag, payload) = match ink {
        Ink::Background => (0, None),
        Ink::Panel => (1, None),
        Ink::Text => (2, None),
        Ink::Muted => (3, None),
        Ink::Line => (4, None),
        Ink::MajorLine => (5, None),
        Ink::Phase(n) => (6, Some(usize::from(n))),
        Ink::Focus => (7, None),
        Ink::Domain(p) => (8, Some(p)),
        Ink::NoDomain => (9, None),
        Ink::BarEdge => (10, None),
        Ink::SelectedFill(None) => (11, None),
        Ink::SelectedFill(Some(p)) => (12, Some(p)),
        Ink::SelectedText => (13, None),
    };
    out.push(tag);
    if let Some(p) = payload {
        put_u32(out, p);
    }
}

/// No ink: a tag no ink has.
const NONE: u8 = 255;

fn put_fill(out: &mut Vec<u8>, fill: Option<Ink>) {
    match fill {
        Some(ink) => put_ink(out, ink),
        None => out.push(NONE),
    }
}

fn put_stroke(out: &mut Vec<u8>, stroke: &Stroke) {
    put_ink(out, stroke.ink);
    put_f64(out, stroke.width);
}

fn put_maybe_stroke(out: &mut Vec<u8>, stroke: &Option<Stroke>) {
    match stroke {
        Some(s) => put_stroke(out, s),
        None => out.push(NONE),
    }
}

fn put_points(out: &mut Vec<u8>, points: &[(f64, f64)]) {
    put_u32(out, points.len());
    for (x, y) in points {
        put_f64(out, *x);
        put_f64(out, *y);
    }
}

const FONTS: [Font; 7] = [
    Font::Tick,
    Font::MajorTick,
    Font::Phase,
    Font::Label,
    Font::Cluster,
    Font::Group,
    Font::Title,
];

fn put_item(out: &mut Vec<u8>, item: &Item) {
    put_f64(out, item.alpha);
    match &item.prim {
        Prim::Rect {
            x,
            y,
            w,
            h,
            radius,
            fill,
            stroke,
        } => {
            out.push(0);
            for v in [x, y, w, h, radius] {
                put_f64(out, *v);
            }
            put_fill(out, *fill);
            put_maybe_stroke(out, stroke);
        }
        Prim::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
        } => {
            out.push(1);
            for v in [x1, y1, x2, y2] {
                put_f64(out, *v);
            }
            put_stroke(out, stroke);
        }
        Prim::Marker {
            shape,
            cx,
            cy,
            r,
            fills,
            stroke,
        } => {
            out.push(2);
            let shape = Shape::ALL.iter().position(|s| s == shape).unwrap_or(0);
            out.push(shape as u8);
            for v in [cx, cy, r] {
                put_f64(out, *v);
            }
            out.push(fills.inks().len() as u8);
            for ink in fills.inks() {
                put_ink(out, *ink);
            }
            put_stroke(out, stroke);
        }
        Prim::Polygon {
            points,
            fill,
            stroke,
        } => {
            out.push(3);
            put_points(out, points);
            put_fill(out, *fill);
            put_maybe_stroke(out, stroke);
        }
        Prim::Polyline { points, stroke } => {
            out.push(4);
            put_points(out, points);
            put_stroke(out, stroke);
        }
        Prim::Text {
            x,
            y,
            text,
            font,
            ink,
        } => {
            out.push(5);
            put_f64(out, *x);
            put_f64(out, *y);
            put_u32(out, text.len());
            out.extend_from_slice(text.as_bytes());
            out.push(FONTS.iter().position(|f| f == font).unwrap_or(0) as u8);
            put_ink(out, *ink);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len())?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Some(slice)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn f64(&mut self) -> Option<f64> {
        let b = self.take(8)?;
        Some(f64::from_le_bytes(b.try_into().ok()?))
    }

    fn ink_of(&mut self, tag: u8) -> Option<Ink> {
        Some(match tag {
            0 => Ink::Background,
            1 => Ink::Panel,
            2 => Ink::Text,
            3 => Ink::Muted,
            4 => Ink::Line,
            5 => Ink::MajorLine,
            6 => Ink::Phase(u8::try_from(self.u32()?).ok()?),
            7 => Ink::Focus,
            8 => Ink::Domain(self.u32()?),
            9 => Ink::NoDomain,
            10 => Ink::BarEdge,
            11 => Ink::SelectedFill(None),
            12 => Ink::SelectedFill(Some(self.u32()?)),
            13 => Ink::SelectedText,
            _ => return None,
        })
    }

    fn ink(&mut self) -> Option<Ink> {
        let tag = self.u8()?;
        self.ink_of(tag)
    }

    fn fill(&mut self) -> Option<Option<Ink>> {
        match self.u8()? {
            NONE => Some(None),
            tag => self.ink_of(tag).map(Some),
        }
    }

    fn stroke(&mut self) -> Option<Stroke> {
        let ink = self.ink()?;
        Some(Stroke {
            ink,
            width: self.f64()?,
        })
    }

    fn maybe_stroke(&mut self) -> Option<Option<Stroke>> {
        match self.u8()? {
            NONE => Some(None),
            tag => {
                let ink = self.ink_of(tag)?;
                Some(Some(Stroke {
                    ink,
                    width: self.f64()?,
                }))
            }
        }
    }

    fn points(&mut self) -> Option<Vec<(f64, f64)>> {
        let n = self.u32()?;
        if n > self.left() / 16 {
            return None;
        }
        (0..n).map(|_| Some((self.f64()?, self.f64()?))).collect()
    }

    fn item(&mut self) -> Option<Item> {
        let alpha = self.f64()?;
        let prim = match self.u8()? {
            0 => {
                let (x, y, w, h, radius) = (
                    self.f64()?,
                    self.f64()?,
                    self.f64()?,
                    self.f64()?,
                    self.f64()?,
                );
                Prim::Rect {
                    x,
                    y,
                    w,
                    h,
                    radius,
                    fill: self.fill()?,
                    stroke: self.maybe_stroke()?,
                }
            }
            1 => {
                let (x1, y1, x2, y2) = (self.f64()?, self.f64()?, self.f64()?, self.f64()?);
                Prim::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    stroke: self.stroke()?,
                }
            }
            2 => {
                let shape = *Shape::ALL.get(usize::from(self.u8()?))?;
                let (cx, cy, r) = (self.f64()?, self.f64()?, self.f64()?);
                let n = self.u8()?;
                let inks = (0..n).map(|_| self.ink()).collect::<Option<Vec<_>>>()?;
                Prim::Marker {
                    shape,
                    cx,
                    cy,
                    r,
                    fills: Fills::new(inks),
                    stroke: self.stroke()?,
                }
            }
            3 => Prim::Polygon {
                points: self.points()?,
                fill: self.fill()?,
                stroke: self.maybe_stroke()?,
            },
            4 => Prim::Polyline {
                points: self.points()?,
                stroke: self.stroke()?,
            },
            5 => {
                let (x, y) = (self.f64()?, self.f64()?);
                let n = self.u32()?;
                let text = std::str::from_utf8(self.take(n)?).ok()?.to_string();
                let font = *FONTS.get(usize::from(self.u8()?))?;
                Prim::Text {
                    x,
                    y,
                    text,
                    font,
                    ink: self.ink()?,
                }
            }
            _ => return None,
        };
        Some(Item { prim, alpha })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scene::tests::built_in_scene;

    fn list(scene: &Scene, rows: Rows) -> PaintList {
        PaintList {
            width: scene.width,
            items: scene
                .items
                .iter()
                .filter(|i| rows.reach(&i.prim))
                .cloned()
                .collect(),
            callout: scene
                .callout
                .iter()
                .flat_map(|c| &c.items)
                .filter(|i| rows.reach(&i.prim))
                .cloned()
                .collect(),
        }
    }

    #[test]
    fn a_scene_comes_back_whole_item_for_item() {
        // The built-in chronology with an event selected: every kind of item, a callout.
        for selected in [None, Some(0), Some(40)] {
            let scene = built_in_scene(selected);
            let all = Rows::all(scene.height);
            let back = decode(&encode(&scene, all)).expect("decoded");
            assert_eq!(back, list(&scene, all));
            assert_eq!(back.items.len(), scene.items.len());
            for kind in 0..6 {
                assert!(
                    back.items.iter().any(|i| kind_of(&i.prim) == kind),
                    "some item of kind {kind} went over"
                );
            }
        }
    }

    fn kind_of(prim: &Prim) -> usize {
        match prim {
            Prim::Rect { .. } => 0,
            Prim::Line { .. } => 1,
            Prim::Marker { .. } => 2,
            Prim::Polygon { .. } => 3,
            Prim::Polyline { .. } => 4,
            Prim::Text { .. } => 5,
        }
    }

    #[test]
    fn only_the_items_in_reach_of_the_rows_go_over() {
        let scene = built_in_scene(None);
        let rows = Rows::new(0.0, 120.0, 1.0);
        let back = decode(&encode(&scene, rows)).expect("decoded");
        assert_eq!(back, list(&scene, rows));
        assert!(back.items.len() < scene.items.len());
    }

    #[test]
    fn cut_or_padded_bytes_are_refused_not_misread() {
        let scene = built_in_scene(Some(3));
        let bytes = encode(&scene, Rows::all(scene.height));
        for end in [0, 1, 8, 12, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..end]), None, "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        // A count far beyond the bytes is refused before anything is reserved.
        let mut huge = bytes[..8].to_vec();
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&huge), None);
    }

    #[test]
    fn every_ink_and_font_goes_over() {
        let inks = [
            Ink::Background,
            Ink::Panel,
            Ink::Text,
            Ink::Muted,
            Ink::Line,
            Ink::MajorLine,
            Ink::Phase(1),
            Ink::Focus,
            Ink::Domain(15),
            Ink::NoDomain,
            Ink::BarEdge,
            Ink::SelectedFill(None),
            Ink::SelectedFill(Some(4)),
            Ink::SelectedText,
        ];
        let mut scene = built_in_scene(None);
        scene.callout = None;
        scene.items = inks
            .iter()
            .zip(FONTS.iter().cycle())
            .map(|(&ink, &font)| Item {
                prim: Prim::Text {
                    x: 1.5,
                    y: 20.0,
                    text: "Ōkubo – “Sun” and 航路".to_string(),
                    font,
                    ink,
                },
                alpha: 0.35,
            })
            .collect();
        let back = decode(&encode(&scene, Rows::all(scene.height))).expect("decoded");
        assert_eq!(back.items, scene.items);
    }
}
