//! Paints a [`Scene`] on a 2D canvas, in the colours of the page's theme (light, dark or the
//! system's forced colours): one paint per frame, however many events the chronology has.

use super::sprites::{self, Mark};
use crate::core::palette::{domain_colour, light_theme, NO_DOMAIN};
use crate::core::scene::wire::PaintList;
use crate::core::scene::{
    Contrast, Ink, Item, Prim, Rows, Scene, Stroke, FORCED_GRID_DASH, FORCED_TEXT_HALO,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

/// The theme's colours, read from the stylesheet's custom properties.
#[derive(Clone, Debug, PartialEq)]
pub struct Colours {
    background: String,
    panel: String,
    text: String,
    muted: String,
    line: String,
    major_line: String,
    phases: [String; 2],
    focus: String,
    /// The dark theme (its lighter variants of the domains' colours).
    dark: bool,
    /// Forced colours (e.g. Windows high contrast): every domain in the text colour, told
    /// apart by shape and by fill (see `core::scene::mark_under`).
    forced: bool,
}

/// The theme's colours as the page resolves them for an element, read again only when the
/// theme changes: (dark, system colour changes seen). Resolved, not as the stylesheet names them:
/// under forced colours the system's names (`Canvas`) stand for other colours after the system
/// changes theme, and the marks' images, kept while the colours are the same, would keep the old
/// ones.
#[derive(Default)]
pub struct ThemeColours(Option<((bool, u32), std::rc::Rc<Colours>)>);

impl ThemeColours {
    pub fn of(&mut self, element: &Element, theme: (bool, u32)) -> std::rc::Rc<Colours> {
        match &self.0 {
            Some((of, colours)) if *of == theme => colours.clone(),
            _ => {
                let colours = std::rc::Rc::new(Colours::of(element, theme.0).resolved(element));
                self.0 = Some((theme, colours.clone()));
                colours
            }
        }
    }
}

pub fn forced_colours() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(forced-colors: active)").ok().flatten())
        .is_some_and(|m| m.matches())
}

impl Colours {
    /// The colours in effect for `element`, in the dark theme or not (as the page's state says:
    /// the stylesheet's own colours follow the same choice).
    pub fn of(element: &Element, dark: bool) -> Colours {
        let style = web_sys::window().and_then(|w| w.get_computed_style(element).ok().flatten());
        Colours::read(
            |name| {
                style
                    .as_ref()
                    .and_then(|s| s.get_property_value(name).ok())
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            },
            dark,
            forced_colours(),
        )
    }

    /// These colours on paper (black on white, as the rest of the print): the same where they
    /// are the light theme's; else the light theme's, forced colours' marks kept (their shapes
    /// and hollow fills tell the domains apart, in the text's colour).
    pub fn on_paper(&self) -> Colours {
        if !self.dark && !self.forced {
            return self.clone();
        }
        Colours::read(|_| None, false, self.forced)
    }

    /// The colours `value` gives for the stylesheet's custom properties, the light theme's where
    /// it gives none.
    fn read(value: impl Fn(&str) -> Option<String>, dark: bool, forced: bool) -> Colours {
        let read = |name: &str| value(name).unwrap_or_else(|| light_theme(name).to_string());
        Colours {
            background: read("--bg"),
            panel: read("--panel"),
            text: read("--fg"),
            muted: read("--muted"),
            line: read("--line"),
            major_line: read("--major-line"),
            phases: [read("--phase-0"), read("--phase-1")],
            focus: read("--focus"),
            dark,
            forced,
        }
    }

    /// The same colours as the page resolves them for `element`: system colours (`Canvas`,
    /// `CanvasText`, which forced colours give) as their values in the page's colour scheme, which
    /// a worker, with no page, would not know (it painted a dark system's forced colours light).
    pub fn resolved(&self, element: &Element) -> Colours {
        let probe = element
            .owner_document()
            .and_then(|d| d.create_element("span").ok())
            .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(probe) = probe else {
            return self.clone();
        };
        let style = probe.style();
        // Its own colour as given, not the forced colours' text colour.
        let _ = style.set_property("forced-color-adjust", "none");
        let _ = style.set_property("display", "none");
        if element.append_child(&probe).is_err() {
            return self.clone();
        }
        let window = web_sys::window();
        let resolve = |colour: &str| -> String {
            let _ = style.set_property("color", colour);
            window
                .as_ref()
                .and_then(|w| w.get_computed_style(&probe).ok().flatten())
                .and_then(|s| s.get_property_value("color").ok())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| colour.to_string())
        };
        let resolved = Colours {
            background: resolve(&self.background),
            panel: resolve(&self.panel),
            text: resolve(&self.text),
            muted: resolve(&self.muted),
            line: resolve(&self.line),
            major_line: resolve(&self.major_line),
            phases: [resolve(&self.phases[0]), resolve(&self.phases[1])],
            focus: resolve(&self.focus),
            dark: self.dark,
            forced: self.forced,
        };
        probe.remove();
        resolved
    }

    /// As a JavaScript array, to post to the paint worker ([`Colours::from_js`] reads it).
    pub fn to_js(&self) -> js_sys::Array {
        let array: js_sys::Array = self
            .strings()
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect();
        array.push(&self.dark.into());
        array.push(&self.forced.into());
        array
    }

    /// The colours [`Colours::to_js`] made; none if `value` is not such an array.
    pub fn from_js(value: &JsValue) -> Option<Colours> {
        let array = value.dyn_ref::<js_sys::Array>()?;
        let text = |n: u32| array.get(n).as_string();
        let flag = |n: u32| array.get(n).as_bool();
        Some(Colours {
            background: text(0)?,
            panel: text(1)?,
            text: text(2)?,
            muted: text(3)?,
            line: text(4)?,
            major_line: text(5)?,
            phases: [text(6)?, text(7)?],
            focus: text(8)?,
            dark: flag(9)?,
            forced: flag(10)?,
        })
    }

    fn strings(&self) -> [&str; 9] {
        [
            &self.background,
            &self.panel,
            &self.text,
            &self.muted,
            &self.line,
            &self.major_line,
            &self.phases[0],
            &self.phases[1],
            &self.focus,
        ]
    }

    /// Whose colours these are: the theme's, or the system's forced colours.
    pub fn contrast(&self) -> Contrast {
        if self.forced {
            Contrast::Forced
        } else {
            Contrast::Theme
        }
    }

    pub fn ink(&self, ink: Ink) -> &str {
        match ink {
            Ink::Background => &self.background,
            Ink::Panel => &self.panel,
            Ink::Text => &self.text,
            Ink::Muted => &self.muted,
            Ink::Line => &self.line,
            Ink::MajorLine => &self.major_line,
            Ink::Phase(n) => &self.phases[usize::from(n % 2)],
            Ink::Focus => &self.focus,
            Ink::SelectedFill(_) | Ink::SelectedText if self.forced => &self.focus,
            Ink::SelectedFill(p) => self.ink(p.map(Ink::Domain).unwrap_or(Ink::NoDomain)),
            Ink::SelectedText => &self.text,
            Ink::Domain(_) | Ink::NoDomain | Ink::BarEdge if self.forced => &self.text,
            Ink::Domain(p) => domain_colour(p, self.dark),
            Ink::NoDomain => NO_DOMAIN,
            Ink::BarEdge => "rgba(0, 0, 0, 0.35)",
        }
    }
}

/// Bumped when the system turns forced colours on or off, or changes its colour scheme (the
/// timeline and the overview are then painted again, their colours read again): under forced
/// colours, a system going from a light high-contrast theme to a dark one changes what `Canvas`
/// and `CanvasText` are, and both stayed in the old theme's colours while the page changed.
#[yew::hook]
pub fn use_system_colour_changes() -> u32 {
    let changes = yew::use_reducer(Changes::default);
    {
        let changes = changes.dispatcher();
        yew::use_effect_with((), move |_| {
            let window = web_sys::window();
            let listeners: Vec<gloo::events::EventListener> =
                ["(forced-colors: active)", "(prefers-color-scheme: dark)"]
                    .into_iter()
                    .filter_map(|query| window.as_ref()?.match_media(query).ok().flatten())
                    .map(|query| {
                        let changes = changes.clone();
                        gloo::events::EventListener::new(&query, "change", move |_| {
                            changes.dispatch(())
                        })
                    })
                    .collect();
            move || drop(listeners)
        });
    }
    changes.0
}

/// How many times the system's colours changed (see [`use_system_colour_changes`]).
#[derive(Default, PartialEq)]
struct Changes(u32);

impl yew::Reducible for Changes {
    type Action = ();
    fn reduce(self: std::rc::Rc<Self>, _: ()) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Changes(self.0.wrapping_add(1)))
    }
}

/// Device pixels per CSS pixel (at least 1): what a canvas is sized by.
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0)
}

/// The 2D context of `canvas`. (In the paint worker, `canvas` is an `OffscreenCanvas` and its
/// context an `OffscreenCanvasRenderingContext2D`, which has every method painting calls:
/// web-sys calls methods by name, so the one type serves both.)
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .map(JsCast::unchecked_into::<CanvasRenderingContext2d>)
}

/// What [`paint`] draws: a scene's width, its items in drawing order and its callout's (the
/// scene itself, or the paint list another thread sent of it).
#[derive(Clone, Copy)]
pub struct Drawing<'a> {
    pub width: f64,
    pub items: &'a [Item],
    pub callout: &'a [Item],
}

impl<'a> From<&'a Scene> for Drawing<'a> {
    fn from(scene: &'a Scene) -> Self {
        Drawing {
            width: scene.width,
            items: &scene.items,
            callout: scene.callout.as_ref().map_or(&[], |c| &c.items),
        }
    }
}

impl<'a> From<&'a PaintList> for Drawing<'a> {
    fn from(list: &'a PaintList) -> Self {
        Drawing {
            width: list.width,
            items: &list.items,
            callout: &list.callout,
        }
    }
}

/// Sizes `canvas` for `rows` of the drawing at `ratio` device pixels per CSS pixel (all of it, or
/// the part in view: a canvas much taller than the screen cost every frame a third more) and
/// paints what falls in them, the rows' top at the canvas's top; with `background`, on the
/// theme's background (for a saved image), else on transparent.
pub fn paint(
    canvas: &HtmlCanvasElement,
    scene: Drawing,
    rows: Rows,
    colours: &Colours,
    ratio: f64,
    background: bool,
) {
    let origin = (rows.top * ratio).round();
    let (w, h) = (
        (scene.width * ratio).round().max(1.0) as u32,
        (rows.height() * ratio).round().max(1.0) as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let Some(ctx) = context(canvas) else {
        return;
    };
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, -origin);
    ctx.clear_rect(0.0, rows.top, scene.width, rows.height());
    if background {
        ctx.set_fill_style_str(colours.ink(Ink::Background));
        ctx.fill_rect(0.0, rows.top, scene.width, rows.height());
    }
    let mut pen = Pen::new(&ctx, colours);
    // Shapes first, then the points' marks over them, then text over everything.
    // Consecutive shapes of one style are one path, filled and stroked once: the scene sorts a
    // band's shapes by style (they never overlap), so a frame is a few dozen fills.
    let mut open: Option<Style> = None;
    let mut marks = Vec::new();
    for item in scene.items.iter().filter(|item| rows.reach(&item.prim)) {
        match &item.prim {
            Prim::Text { .. } => continue,
            Prim::Marker { .. } => {
                marks.extend(Mark::of(item));
                continue;
            }
            _ => {}
        }
        let style = Style::of(item);
        if open != Some(style) {
            finish(&mut pen, colours, open.take());
            ctx.begin_path();
            open = Some(style);
        }
        trace(&ctx, &item.prim, ratio);
    }
    finish(&mut pen, colours, open);
    // The marks' outlines are whole.
    pen.dotted(false);
    if sprites::draw(&ctx, &marks, colours, (ratio, origin), w, h).is_err() {
        for m in &marks {
            pen.alpha(m.alpha);
            sprites::draw_mark(&ctx, m, colours);
        }
        // draw_mark set the context's colours behind the pen's back.
        pen.forget_colours();
    }
    // Text by font, then colour and opacity (labels never overlap, so the order between them
    // does not show): setting a canvas's font parses it, and alternating between two fonts label
    // by label cost as much as drawing the labels.
    let mut texts: Vec<(&str, &Item)> = scene
        .items
        .iter()
        .filter_map(|item| match &item.prim {
            Prim::Text { font, .. } if rows.reach(&item.prim) => Some((font.css(), item)),
            _ => None,
        })
        .collect();
    texts.sort_by(|(a, ia), (b, ib)| {
        a.cmp(b)
            .then_with(|| text_ink(ia).cmp(&text_ink(ib)))
            .then_with(|| ia.alpha.total_cmp(&ib.alpha))
    });
    for (css, item) in texts {
        if let Prim::Text {
            x, y, text, ink, ..
        } = &item.prim
        {
            pen.text(colours, item.alpha, css, *ink, text, (*x, *y));
        }
    }
    // The selected event's name over everything, where its lane had no room for it: its box,
    // the marks it covers again (faint), its outline, its title.
    for item in scene.callout {
        if !rows.reach(&item.prim) {
            continue;
        }
        if let Prim::Text {
            x,
            y,
            text,
            font,
            ink,
        } = &item.prim
        {
            pen.text(colours, item.alpha, font.css(), *ink, text, (*x, *y));
        } else if let Some(mark) = Mark::of(item) {
            pen.alpha(item.alpha);
            pen.dotted(false);
            sprites::draw_mark(&ctx, &mark, colours);
            pen.forget_colours();
        } else {
            ctx.begin_path();
            trace(&ctx, &item.prim, ratio);
            finish(&mut pen, colours, Some(Style::of(item)));
        }
    }
    ctx.set_global_alpha(1.0);
    pen.dotted(false);
}

/// The ink of a text item, for ordering (none for other items).
fn text_ink(item: &Item) -> Option<Ink> {
    match &item.prim {
        Prim::Text { ink, .. } => Some(*ink),
        _ => None,
    }
}

/// How a path is painted: its fill, its stroke and its opacity.
#[derive(Clone, Copy, PartialEq)]
struct Style {
    fill: Option<Ink>,
    stroke: Option<Stroke>,
    alpha: f64,
}

impl Style {
    fn of(item: &Item) -> Style {
        let (fill, stroke) = match &item.prim {
            Prim::Rect { fill, stroke, .. } | Prim::Polygon { fill, stroke, .. } => {
                (*fill, *stroke)
            }
            Prim::Marker { stroke, .. } => (None, Some(*stroke)),
            Prim::Line { stroke, .. } | Prim::Polyline { stroke, .. } => (None, Some(*stroke)),
            Prim::Text { .. } => (None, None),
        };
        Style {
            fill,
            stroke,
            alpha: item.alpha,
        }
    }
}

/// Fills and strokes the path traced so far in `style`.
fn finish(pen: &mut Pen, colours: &Colours, style: Option<Style>) {
    let Some(style) = style else {
        return;
    };
    pen.alpha(style.alpha);
    if let Some(fill) = style.fill {
        pen.fill(colours.ink(fill));
        pen.ctx.fill();
    }
    if let Some(stroke) = &style.stroke {
        pen.stroke(colours, stroke);
        pen.dotted(colours.forced && stroke.is_grid());
        pen.ctx.stroke();
    }
}

/// Adds the outline of `prim` to the current path, as a subpath of its own.
fn trace(ctx: &CanvasRenderingContext2d, prim: &Prim, ratio: f64) {
    match prim {
        Prim::Rect {
            x, y, w, h, radius, ..
        } => {
            if *radius > 0.0 {
                rounded(ctx, *x, *y, *w, *h, *radius);
            } else {
                ctx.rect(*x, *y, *w, *h);
            }
        }
        Prim::Line { x1, y1, x2, y2, .. } => {
            // Crisp one-pixel lines: on the pixel's middle.
            let (x1, x2) = if x1 == x2 {
                let x = (x1 * ratio).floor() / ratio + 0.5 / ratio;
                (x, x)
            } else {
                (*x1, *x2)
            };
            ctx.move_to(x1, *y1);
            ctx.line_to(x2, *y2);
        }
        Prim::Marker {
            shape, cx, cy, r, ..
        } => sprites::trace_shape(ctx, *shape, *cx, *cy, *r),
        Prim::Polygon { points, .. } => {
            polygon(ctx, points);
            ctx.close_path();
        }
        Prim::Polyline { points, .. } => polygon(ctx, points),
        Prim::Text { .. } => {}
    }
}

/// Sets the context's state only when it changes (each change crosses into JavaScript).
struct Pen<'a> {
    ctx: &'a CanvasRenderingContext2d,
    fill: String,
    stroke: String,
    width: f64,
    font: &'static str,
    alpha: f64,
    /// Lines drawn dotted (the grid's, under forced colours).
    dotted: bool,
    /// Under forced colours, the background's colour: each text is drawn on a halo of it (see
    /// [`FORCED_TEXT_HALO`]), so that no grid line runs through a name.
    halo: Option<String>,
}

impl<'a> Pen<'a> {
    fn new(ctx: &'a CanvasRenderingContext2d, colours: &Colours) -> Self {
        ctx.set_global_alpha(1.0);
        ctx.set_text_baseline("alphabetic");
        ctx.set_text_align("left");
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        // Round under forced colours, or a letter's corners pierce the halo's outline; else the
        // canvas's default again (the context keeps its state from frame to frame, and the
        // colours may have been forced in the frame before).
        ctx.set_line_join(if colours.forced { "round" } else { "miter" });
        let halo = colours
            .forced
            .then(|| colours.ink(Ink::Background).to_string());
        Pen {
            ctx,
            fill: String::new(),
            stroke: String::new(),
            width: -1.0,
            font: "",
            alpha: 1.0,
            dotted: false,
            halo,
        }
    }

    fn dotted(&mut self, dotted: bool) {
        if self.dotted != dotted {
            let dash = if dotted { &FORCED_GRID_DASH[..] } else { &[] };
            let dash: js_sys::Array = dash.iter().map(|&px| JsValue::from_f64(px)).collect();
            let _ = self.ctx.set_line_dash(&dash);
            self.dotted = dotted;
        }
    }

    fn fill(&mut self, colour: &str) {
        if self.fill != colour {
            self.ctx.set_fill_style_str(colour);
            self.fill = colour.to_string();
        }
    }

    fn stroke(&mut self, colours: &Colours, stroke: &Stroke) {
        let colour = colours.ink(stroke.ink);
        if self.stroke != colour {
            self.ctx.set_stroke_style_str(colour);
            self.stroke = colour.to_string();
        }
        if self.width != stroke.width {
            self.ctx.set_line_width(stroke.width);
            self.width = stroke.width;
        }
    }

    fn font(&mut self, css: &'static str) {
        if self.font != css {
            self.ctx.set_font(css);
            self.font = css;
        }
    }

    /// `text` from its left end on the baseline at `at`, in `font`, `ink` and opacity `alpha`.
    fn text(
        &mut self,
        colours: &Colours,
        alpha: f64,
        font: &'static str,
        ink: Ink,
        text: &str,
        (x, y): (f64, f64),
    ) {
        self.alpha(alpha);
        self.font(font);
        if let Some(halo) = self.halo.take() {
            let width = FORCED_TEXT_HALO;
            if self.stroke != halo {
                self.ctx.set_stroke_style_str(&halo);
                self.stroke.clone_from(&halo);
            }
            if self.width != width {
                self.ctx.set_line_width(width);
                self.width = width;
            }
            self.dotted(false);
            let _ = self.ctx.stroke_text(text, x, y);
            self.halo = Some(halo);
        }
        self.fill(colours.ink(ink));
        let _ = self.ctx.fill_text(text, x, y);
    }

    fn forget_colours(&mut self) {
        self.fill.clear();
        self.stroke.clear();
        self.width = -1.0;
    }

    fn alpha(&mut self, alpha: f64) {
        if self.alpha != alpha {
            self.ctx.set_global_alpha(alpha);
            self.alpha = alpha;
        }
    }
}

pub(super) fn polygon(ctx: &CanvasRenderingContext2d, points: &[(f64, f64)]) {
    for (n, (x, y)) in points.iter().enumerate() {
        if n == 0 {
            ctx.move_to(*x, *y);
        } else {
            ctx.line_to(*x, *y);
        }
    }
}

/// A rounded rectangle as a subpath: one `roundRect` call (a frame has hundreds of span bars and
/// badges), or four arcs where the browser has no `roundRect` (before 2023).
fn rounded(ctx: &CanvasRenderingContext2d, x: f64, y: f64, w: f64, h: f64, r: f64) {
    let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
    thread_local!(static NO_ROUND_RECT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !NO_ROUND_RECT.get() {
        if ctx.round_rect_with_f64(x, y, w, h, r).is_ok() {
            return;
        }
        NO_ROUND_RECT.set(true);
    }
    ctx.move_to(x + r, y);
    let _ = ctx.arc_to(x + w, y, x + w, y + h, r);
    let _ = ctx.arc_to(x + w, y + h, x, y + h, r);
    let _ = ctx.arc_to(x, y + h, x, y, r);
    let _ = ctx.arc_to(x, y, x + w, y, r);
    ctx.close_path();
}
