//! Point marks by the thousand. Drawn as canvas paths, every mark of every frame goes through
//! the browser's rasteriser, a few microseconds each: at 10,000 events a frame has more than a
//! thousand marks. Instead, each distinct mark (shape, colours, outline, opacity, and where its
//! centre falls within a device pixel, to a quarter of one) is drawn once on a small canvas and
//! kept as pixels; a frame copies those pixels into one image in wasm memory and puts it on the
//! canvas in a single draw.

use super::paint::{polygon, Colours};
use crate::core::composite::{blit, Sprite};
use crate::core::scene::{mark_under, Fills, Shape, Stroke};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// Positions per device pixel a mark's centre is drawn at.
const PHASES: f64 = 4.0;
/// Past this many kept marks, the cache starts again (a chronology with every combination of
/// domains, in every state).
const MAX_SPRITES: usize = 4096;
/// How many new marks are drawn side by side on the scratch canvas, per row.
const COLUMNS: usize = 32;

/// A point's mark, as the scene places it.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    pub shape: Shape,
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    pub fills: Fills,
    pub stroke: Stroke,
    pub alpha: f64,
}

impl Mark {
    /// The mark an item of the scene draws, if it is a point's.
    pub fn of(item: &crate::core::scene::Item) -> Option<Mark> {
        match item.prim {
            crate::core::scene::Prim::Marker {
                shape,
                cx,
                cy,
                r,
                fills,
                stroke,
            } => Some(Mark {
                shape,
                cx,
                cy,
                r,
                fills,
                stroke,
                alpha: item.alpha,
            }),
            _ => None,
        }
    }
}

/// What a mark looks like, to the quarter of a device pixel.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    shape: Shape,
    fills: Fills,
    stroke: crate::core::scene::Ink,
    width: u64,
    alpha: u64,
    r: u64,
    phase: (u8, u8),
}

#[derive(Default)]
struct Sprites {
    /// The colours and pixel ratio the kept marks were drawn in.
    drawn_in: Option<(Colours, u64)>,
    cache: HashMap<Key, Sprite>,
    /// The frame's marks, before they go on the canvas.
    image: Vec<u8>,
    scratch: Option<(HtmlCanvasElement, CanvasRenderingContext2d)>,
    layer: Option<(HtmlCanvasElement, CanvasRenderingContext2d)>,
}

thread_local! {
    static SPRITES: RefCell<Sprites> = RefCell::new(Sprites::default());
}

/// Draws `marks` (in order, later ones on top) on `ctx`, whose canvas is `width` × `height`
/// device pixels at `ratio` device pixels per CSS pixel, its top `origin` device pixels (a
/// whole number) down the drawing: `at` is (`ratio`, `origin`). An error leaves the canvas as it was:
/// the caller then draws the marks as paths.
pub fn draw(
    ctx: &CanvasRenderingContext2d,
    marks: &[Mark],
    colours: &Colours,
    at: (f64, f64),
    width: u32,
    height: u32,
) -> Result<(), JsValue> {
    SPRITES.with(|s| s.borrow_mut().draw(ctx, marks, colours, at, width, height))
}

/// The side of a mark's square of pixels: the largest shape reaches 1.35 × r, the outline half
/// its width beyond, and a pixel of antialiasing on each side.
fn side(r: f64, stroke: f64, ratio: f64) -> usize {
    ((2.0 * r * 1.35 + stroke + 2.0) * ratio).ceil() as usize + 1
}

/// Where a coordinate (device pixels) falls: its whole pixel and the phase within it.
fn split(v: f64) -> (i64, u8) {
    let whole = v.floor();
    let phase = ((v - whole) * PHASES).round();
    if phase >= PHASES {
        (whole as i64 + 1, 0)
    } else {
        (whole as i64, phase as u8)
    }
}

fn canvas(
    width: u32,
    height: u32,
    read_back: bool,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), JsValue> {
    let canvas: HtmlCanvasElement = match web_sys::window().and_then(|w| w.document()) {
        Some(document) => document.create_element("canvas")?.dyn_into()?,
        // In the paint worker, which has no document: an OffscreenCanvas, which has every
        // method used here (see `paint::context`).
        None => web_sys::OffscreenCanvas::new(width, height)?.unchecked_into(),
    };
    canvas.set_width(width);
    canvas.set_height(height);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &read_back.into())?;
    let ctx = canvas
        .get_context_with_context_options("2d", &options)?
        .ok_or_else(|| JsValue::from_str("no 2D context"))?
        .unchecked_into::<CanvasRenderingContext2d>();
    Ok((canvas, ctx))
}

impl Sprites {
    fn draw(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        marks: &[Mark],
        colours: &Colours,
        (ratio, origin): (f64, f64),
        width: u32,
        height: u32,
    ) -> Result<(), JsValue> {
        if marks.is_empty() {
            return Ok(());
        }
        let theme = (colours.clone(), ratio.to_bits());
        if self.drawn_in.as_ref() != Some(&theme) || self.cache.len() > MAX_SPRITES {
            self.cache.clear();
            self.drawn_in = Some(theme);
        }
        // Where each mark goes, and the box of pixels they cover.
        let mut placed = Vec::with_capacity(marks.len());
        let (mut top, mut bottom) = (i64::MAX, i64::MIN);
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for m in marks {
            let (x, px) = split(m.cx * ratio);
            let (y, py) = split(m.cy * ratio - origin);
            let key = Key {
                shape: m.shape,
                fills: m.fills,
                stroke: m.stroke.ink,
                width: m.stroke.width.to_bits(),
                alpha: m.alpha.to_bits(),
                r: m.r.to_bits(),
                phase: (px, py),
            };
            let side = side(m.r, m.stroke.width, ratio) as i64;
            let (left, up) = (x - side / 2, y - side / 2);
            top = top.min(up);
            bottom = bottom.max(up + side);
            first = first.min(left);
            last = last.max(left + side);
            placed.push((key, left, up, m));
        }
        self.draw_new(&placed, colours, ratio)?;
        let top = top.clamp(0, i64::from(height));
        let bottom = bottom.clamp(top, i64::from(height));
        let first = first.clamp(0, i64::from(width));
        let last = last.clamp(first, i64::from(width));
        let (w, h) = ((last - first) as usize, (bottom - top) as usize);
        if w == 0 || h == 0 {
            return Ok(());
        }
        // Cleared with one fill (a cleared Vec resized with zeros was a byte loop here: 0.6 ms
        // a frame for the lanes of 10,000 events).
        let len = w * h * 4;
        if self.image.len() < len {
            self.image.resize(len, 0);
        }
        let image = &mut self.image[..len];
        image.fill(0);
        for (key, left, up, _) in &placed {
            if let Some(sprite) = self.cache.get(key) {
                blit(image, w, h, sprite, left - first, up - top);
            }
        }
        if self.layer.is_none() {
            self.layer = Some(canvas(w as u32, h as u32, false)?);
        }
        let Some((layer, layer_ctx)) = &self.layer else {
            return Ok(());
        };
        // The layer only grows: a smaller box is put in its corner.
        if layer.width() < w as u32 || layer.height() < h as u32 {
            layer.set_width(layer.width().max(w as u32));
            layer.set_height(layer.height().max(h as u32));
        }
        let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(image), w as u32, h as u32)?;
        layer_ctx.put_image_data(&data, 0.0, 0.0)?;
        ctx.save();
        ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
        ctx.set_global_alpha(1.0);
        let drawn = ctx
            .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                layer,
                0.0,
                0.0,
                w as f64,
                h as f64,
                first as f64,
                top as f64,
                w as f64,
                h as f64,
            );
        ctx.restore();
        drawn
    }

    /// Draws the marks not kept yet, side by side on the scratch canvas, and keeps their pixels
    /// (one read back for them all).
    fn draw_new(
        &mut self,
        placed: &[(Key, i64, i64, &Mark)],
        colours: &Colours,
        ratio: f64,
    ) -> Result<(), JsValue> {
        let mut seen = HashSet::default();
        let new: Vec<(Key, &Mark)> = placed
            .iter()
            .filter(|(key, ..)| !self.cache.contains_key(key) && seen.insert(*key))
            .map(|(key, _, _, m)| (*key, *m))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        let cell = new
            .iter()
            .map(|(_, m)| side(m.r, m.stroke.width, ratio))
            .max()
            .unwrap_or(1);
        let columns = new.len().min(COLUMNS);
        let rows = new.len().div_ceil(COLUMNS);
        let (w, h) = ((columns * cell) as u32, (rows * cell) as u32);
        if self.scratch.is_none() {
            self.scratch = Some(canvas(w, h, true)?);
        }
        let Some((scratch, sctx)) = &self.scratch else {
            return Ok(());
        };
        if scratch.width() < w || scratch.height() < h {
            scratch.set_width(scratch.width().max(w));
            scratch.set_height(scratch.height().max(h));
        }
        sctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
        sctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        for (n, (key, m)) in new.iter().enumerate() {
            let side = side(m.r, m.stroke.width, ratio);
            let (cx, cy) = ((n % COLUMNS * cell) as f64, (n / COLUMNS * cell) as f64);
            let centre = (side / 2) as f64;
            sctx.set_transform(
                ratio,
                0.0,
                0.0,
                ratio,
                cx + centre + f64::from(key.phase.0) / PHASES,
                cy + centre + f64::from(key.phase.1) / PHASES,
            )?;
            sctx.set_global_alpha(m.alpha);
            let at_origin = Mark {
                cx: 0.0,
                cy: 0.0,
                ..**m
            };
            draw_mark(sctx, &at_origin, colours);
        }
        sctx.set_global_alpha(1.0);
        let pixels = sctx
            .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))?
            .data();
        let stride = w as usize * 4;
        for (n, (key, m)) in new.into_iter().enumerate() {
            let side = side(m.r, m.stroke.width, ratio);
            let (cx, cy) = (n % COLUMNS * cell, n / COLUMNS * cell);
            let mut sprite = Vec::with_capacity(side * side * 4);
            for row in 0..side {
                let from = (cy + row) * stride + cx * 4;
                sprite.extend_from_slice(&pixels[from..from + side * 4]);
            }
            self.cache.insert(key, Sprite::new(side, sprite));
        }
        Ok(())
    }
}

/// Draws a mark centred on the origin: its shape in its colour, or cut into slices of its
/// colours, then its outline.
pub fn draw_mark(ctx: &CanvasRenderingContext2d, m: &Mark, colours: &Colours) {
    let (r, fills, stroke) = mark_under(colours.contrast(), m.r, m.fills, m.stroke);
    let inks = fills.inks();
    ctx.set_stroke_style_str(colours.ink(stroke.ink));
    ctx.set_line_width(stroke.width);
    if let [ink] = inks {
        ctx.begin_path();
        trace_shape(ctx, m.shape, m.cx, m.cy, r);
        ctx.set_fill_style_str(colours.ink(*ink));
        ctx.fill();
        ctx.stroke();
        return;
    }
    for (slice, ink) in m.shape.slices(m.cx, m.cy, r, inks.len()).iter().zip(inks) {
        if slice.is_empty() {
            continue;
        }
        ctx.begin_path();
        polygon(ctx, slice);
        ctx.close_path();
        ctx.set_fill_style_str(colours.ink(*ink));
        ctx.fill();
    }
    ctx.begin_path();
    polygon(ctx, &m.shape.outline(m.cx, m.cy, r));
    ctx.close_path();
    ctx.stroke();
}

/// Adds the outline of `shape` about (cx, cy) to the current path, as a subpath of its own.
pub fn trace_shape(ctx: &CanvasRenderingContext2d, shape: Shape, cx: f64, cy: f64, r: f64) {
    if shape == Shape::Circle {
        ctx.move_to(cx + r, cy);
        let _ = ctx.arc(cx, cy, r, 0.0, std::f64::consts::TAU);
    } else {
        polygon(ctx, &shape.corners(cx, cy, r));
        ctx.close_path();
    }
}
