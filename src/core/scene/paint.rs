//! Painting a block's point events, spans and "+N" badges into the scene.

use super::{
    solid, Callout, Fills, Font, GroupStrip, Ink, Item, Prim, SceneInput, Stroke, Target,
    TargetKind, GROUP_HEADER_HEIGHT, GROUP_HEADING_LINE, LANE_HEIGHT, MARK_RADIUS, MAX_SLICES,
    SPAN_BAR_TOP, SPAN_LABEL_BASELINE, SPAN_LANE_HEIGHT,
};
use crate::core::dataset::OpenSide;
use crate::core::date::Precision;
use crate::core::layout::{Band, Cluster, BADGE_BOX_REACH, BADGE_TEXT_INSET, LABEL_OFFSET};
use crate::core::scale::{label_width, TimeScale};
use crate::core::shape::Shape;

/// The width of `text` in the lanes' headers' bold face (the label face's widths, which round
/// up, and a bold's extra).
pub(super) fn heading_width(text: &str) -> f64 {
    label_width(text) * 1.08
}

/// A lane's heading, `room` px wide at most: its fold mark, its name and its count, on one line,
/// or else whole on two (broken at the space that makes the wider line narrowest, the count on
/// the second): on a phone "Establishment of formal relations and the 1990s plateau (16)" was cut
/// to "Establishment of formal relations and the… (16)". Where two lines cannot hold it either,
/// one line with the name cut at a word (see [`group_heading`]).
pub(super) fn group_heading_lines(
    collapsed: bool,
    label: &str,
    count: &str,
    room: f64,
) -> (String, Option<String>) {
    let mark = if collapsed { FOLDED } else { OPEN };
    let tail = format!(" ({count})");
    // A folded lane's heading leaves room for what a picture adds after it (see
    // [`picture_lane_name`]).
    let added = if collapsed { FOLDED_NOTE } else { "" };
    let label = label.trim();
    let whole = format!("{mark}{label}{tail}");
    if heading_width(&format!("{whole}{added}")) <= room {
        return (whole, None);
    }
    let two = label
        .match_indices(' ')
        .map(|(at, _)| {
            let first = format!("{mark}{}", label[..at].trim_end());
            let second = format!("{}{tail}", label[at..].trim_start());
            let wider = heading_width(&first).max(heading_width(&format!("{second}{added}")));
            (first, second, wider)
        })
        .filter(|(first, second, wider)| {
            *wider <= room && first.len() > mark.len() && second.len() > tail.len()
        })
        .min_by(|a, b| a.2.total_cmp(&b.2));
    match two {
        Some((first, second, _)) => (first, Some(second)),
        None => (group_heading(mark, label, count, room), None),
    }
}

/// A lane's header on one line, `room` px wide at most: its fold mark, its name and its count,
/// the name cut at a word with an ellipsis where the whole does not fit; the count always shows.
pub(super) fn group_heading(mark: &str, label: &str, count: &str, room: f64) -> String {
    let tail = format!(" ({count})");
    let whole = format!("{mark}{label}{tail}");
    if heading_width(&whole) <= room {
        return whole;
    }
    let left = room - heading_width(mark) - heading_width(&tail);
    let name = super::fit_label(
        label,
        heading_width(label) + super::LABEL_PADDING,
        left + super::LABEL_PADDING,
    );
    if name.is_empty() {
        format!("{mark}…{tail}")
    } else {
        format!("{mark}{name}{tail}")
    }
}

/// A lane's heading in a drawing `width` px wide (see [`group_heading_lines`]), and its
/// header's height: one line's, or two's where the heading takes two.
pub(super) fn header_of(
    collapsed: bool,
    label: &str,
    count: &str,
    width: f64,
) -> ((String, Option<String>), f64) {
    let heading = group_heading_lines(collapsed, label, count, width - 12.0);
    let lines = if heading.1.is_some() { 1.0 } else { 0.0 };
    (heading, GROUP_HEADER_HEIGHT + lines * GROUP_HEADING_LINE)
}

/// Draws the blocks' parts into the scene.
/// The opacity of a dimmed event's marks (filtered out, drawn as context).
const DIMMED: f64 = 0.22;
/// … and of its title: faint beside the others' (less than half their contrast) but read as
/// text must be, at least 4.5:1 against every background in either theme (WCAG 1.4.3: a dimmed
/// event can be focused and selected; at 0.55 the light theme's bands gave 3.6:1, at the marks'
/// opacity 1.6:1).
const DIMMED_LABEL: f64 = 0.65;

/// The room between a callout's box and its title (see [`Painter::callout`]).
const CALLOUT_PAD: f64 = 4.0;
/// The distance between the baselines of a callout's lines, where it takes more than one.
const CALLOUT_LINE: f64 = 14.0;

/// The fold marks before a lane's name: open, folded.
const OPEN: &str = "▾ ";
const FOLDED: &str = "▸ ";

/// A line of a lane header's heading for a picture, where nothing folds: without its fold mark,
/// and a folded lane said to be folded after its `last` line ("Piracy (10) · folded": its strip
/// is empty).
pub(super) fn picture_lane_name(text: &str, last_of_folded: bool) -> String {
    let text = text
        .strip_prefix(OPEN)
        .or_else(|| text.strip_prefix(FOLDED))
        .unwrap_or(text);
    if last_of_folded {
        format!("{text}{FOLDED_NOTE}")
    } else {
        text.to_string()
    }
}

/// What a picture adds after a folded lane's heading.
const FOLDED_NOTE: &str = " · folded";

/// Where the last line of a lane header's heading stands (its baseline).
pub(super) fn heading_last_line(strip: &GroupStrip) -> f64 {
    strip.y + strip.h - (GROUP_HEADER_HEIGHT - HEADING_BASELINE)
}

/// The opacity of the marks under the selected event's name, drawn again over its box (which
/// hides everything under it): faint, the name readable over them.
pub const CALLOUT_MARK_ALPHA: f64 = 0.3;

/// A lane heading's first baseline, below its header's top.
const HEADING_BASELINE: f64 = 16.0;

pub(super) struct Painter<'a, 'b> {
    pub(super) input: &'a SceneInput<'b>,
    pub(super) scale: &'a TimeScale,
    pub(super) items: Vec<Item>,
    pub(super) targets: Vec<Target>,
    /// The band being drawn, layer by layer (see [`Layer`]).
    pub(super) layers: [Vec<Item>; Layer::COUNT],
    pub(super) callout: Option<Callout>,
}

/// A band's marks are drawn in layers, bottom to top: what lies under a mark (brackets, dashes,
/// the faded part of a span), the marks themselves (markers, bars, badges), what lies on a mark
/// (the other domains' colours of a span's bar), and text. Marks in
/// a band never overlap (the layout keeps them apart), so within a layer their order is free:
/// they are sorted by style, so that a painter can draw every mark of one style at once. The
/// selected event's mark comes last, on top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layer {
    Under,
    Shape,
    Over,
    Text,
}

impl Layer {
    const COUNT: usize = 4;
}

/// How long in px each domain's stretch of a span's bar is, where the span has several domains:
/// the bar takes their colours by turns, as a point's mark is cut into slices of them.
pub const SPAN_STRIPE: f64 = 12.0;

/// The stretches of a bar drawn from `x1` to `x2` (px) in the colours of its `count` domains by
/// turns, [`SPAN_STRIPE`] px each from `origin` (where the span starts, in or out of view, so
/// that they move with it as the window pans): `(x1, x2, k)` with `k` the domain's place in the
/// event's list, for the domains after the first (the bar's own colour shows between them).
/// At most [`MAX_SLICES`] domains take turns, as on a mark.
pub fn stripes(origin: f64, x1: f64, x2: f64, count: usize) -> Vec<(f64, f64, usize)> {
    let count = count.min(MAX_SLICES);
    if count < 2 || x2 <= x1 || (x2 - x1).is_nan() || !origin.is_finite() {
        return Vec::new();
    }
    let first = ((x1 - origin) / SPAN_STRIPE).floor().max(0.0);
    let mut out = Vec::new();
    let mut k = first;
    loop {
        let a = origin + k * SPAN_STRIPE;
        if a >= x2 || !a.is_finite() {
            break;
        }
        let place = (k as u64 % count as u64) as usize;
        let (from, to) = (a.max(x1), (a + SPAN_STRIPE).min(x2));
        if place > 0 && to - from > 0.5 {
            out.push((from, to, place));
        }
        k += 1.0;
    }
    out
}

/// The order of items within a layer: the selection last, then by kind and style.
fn style_order(item: &Item) -> (bool, u8, Option<Ink>, Option<Ink>, u64, u64) {
    let (kind, fill, stroke) = match &item.prim {
        Prim::Rect {
            radius,
            fill,
            stroke,
            ..
        } => (u8::from(*radius > 0.0), *fill, *stroke),
        Prim::Line { stroke, .. } => (2, None, Some(*stroke)),
        Prim::Marker {
            shape,
            fills,
            stroke,
            ..
        } => (
            3 + *shape as u8,
            fills.inks().first().copied(),
            Some(*stroke),
        ),
        Prim::Polygon { fill, stroke, .. } => (20, *fill, *stroke),
        Prim::Polyline { stroke, .. } => (21, None, Some(*stroke)),
        Prim::Text { ink, .. } => (22, Some(*ink), None),
    };
    let selected = stroke.is_some_and(|s| s.ink == Ink::Focus)
        || matches!(fill, Some(Ink::SelectedFill(_) | Ink::SelectedText));
    (
        selected,
        kind,
        fill,
        stroke.map(|s| s.ink),
        stroke.map_or(0, |s| s.width.to_bits()),
        item.alpha.to_bits(),
    )
}

/// Moves `layer`'s items to the end of `out`, in [`style_order`], those of one style in the
/// order they came (as a stable sort by it). A band's thousands of items have a few dozen
/// styles between them: each style is ranked once, and the items go to their style's place in
/// one pass (a sort by the style's tuple was a fifth of a crowded window's scene).
fn by_style(layer: &mut Vec<Item>, out: &mut Vec<Item>) {
    type Style = (bool, u8, Option<Ink>, Option<Ink>, u64, u64);
    let mut styles: Vec<Style> = Vec::new();
    let mut of_item: Vec<u32> = Vec::with_capacity(layer.len());
    let mut last: Option<(Style, u32)> = None;
    for item in layer.iter() {
        let style = style_order(item);
        let k = match last {
            Some((seen, k)) if seen == style => k,
            _ => {
                let k = match styles.iter().position(|s| *s == style) {
                    Some(k) => k as u32,
                    None => {
                        styles.push(style);
                        (styles.len() - 1) as u32
                    }
                };
                last = Some((style, k));
                k
            }
        };
        of_item.push(k);
    }
    if styles.len() <= 1 {
        out.append(layer);
        return;
    }
    // Where each style's items begin in the sorted run.
    let mut ranked: Vec<u32> = (0..styles.len() as u32).collect();
    ranked.sort_by(|&a, &b| styles[a as usize].cmp(&styles[b as usize]));
    let mut count = vec![0usize; styles.len()];
    for &k in &of_item {
        count[k as usize] += 1;
    }
    let mut start = vec![0usize; styles.len()];
    let mut at = 0;
    for &k in &ranked {
        start[k as usize] = at;
        at += count[k as usize];
    }
    let mut slots: Vec<Option<Item>> = Vec::new();
    slots.resize_with(layer.len(), || None);
    for (item, &k) in layer.drain(..).zip(&of_item) {
        let slot = &mut start[k as usize];
        slots[*slot] = Some(item);
        *slot += 1;
    }
    out.extend(slots.into_iter().flatten());
}

impl Painter<'_, '_> {
    fn put(&mut self, layer: Layer, item: Item) {
        self.layers[layer as usize].push(item);
    }

    /// Adds the band's layers to the scene, each sorted by style (see [`Layer`]).
    fn finish_band(&mut self) {
        for layer in &mut self.layers {
            self.items.reserve(layer.len());
            by_style(layer, &mut self.items);
        }
    }

    /// An event's target: its mark (and label) from `left` to `right`, within the drawing, at
    /// least a few pixels wide.
    fn mark_target(&mut self, kind: TargetKind, left: f64, right: f64, y: f64, h: f64) {
        let x = left.max(0.0);
        let x2 = right.min(self.scale.width);
        self.targets.push(Target {
            kind,
            x,
            y,
            w: (x2 - x).max(4.0),
            h,
        });
    }

    /// The band's boxes from `from` on in the chronology's order, the list's: the arrow keys
    /// and a screen reader go from each to the next in time, "circa 2011" among 2011 (the
    /// layout places an event by the first day it may stand for: "circa 2011" was read among
    /// 2010); a badge where its first member stands.
    fn in_reading_order(&mut self, from: usize) {
        self.targets[from..].sort_by_key(|t| match &t.kind {
            TargetKind::Mark { index, .. } => *index,
            TargetKind::Cluster { members, .. } => members.first().copied().unwrap_or(usize::MAX),
        });
    }

    fn state(&self, i: usize) -> (bool, bool, f64) {
        let dimmed = !self.input.matches(i);
        let selected = !dimmed && self.input.selected == Some(i);
        (dimmed, selected, if dimmed { DIMMED } else { 1.0 })
    }

    /// A lane's header: its fold mark (the lane opens and folds where it is clicked), its name
    /// and its count, on the panel's colour.
    pub(super) fn header(&mut self, strip: &GroupStrip) {
        let width = self.scale.width;
        self.items.push(solid(Prim::Rect {
            x: 0.0,
            y: strip.y,
            w: width,
            h: strip.h,
            radius: 0.0,
            fill: Some(Ink::Panel),
            stroke: None,
        }));
        self.items.push(solid(Prim::Line {
            x1: 0.0,
            y1: strip.y + strip.h,
            x2: width,
            y2: strip.y + strip.h,
            stroke: Stroke {
                ink: Ink::Line,
                width: 1.0,
            },
        }));
        let (first, second) = &strip.heading;
        for (n, text) in std::iter::once(first).chain(second).enumerate() {
            self.items.push(solid(Prim::Text {
                x: 6.0,
                y: strip.y + HEADING_BASELINE + n as f64 * GROUP_HEADING_LINE,
                text: text.clone(),
                font: Font::Group,
                ink: Ink::Text,
            }));
        }
    }

    /// A band's "+N" badges in its last row (`row_y` is that row's middle).
    fn badges(
        &mut self,
        clusters: Vec<Cluster>,
        row_y: impl Fn(usize) -> f64,
        group: Option<usize>,
        spans: bool,
    ) {
        // The selected event, if it is folded: its badge is outlined in the focus colour and,
        // in one block of lanes (grouped, it may have a mark of its own in another), named.
        let selected = self.input.selected.filter(|&i| self.input.matches(i));
        let mut called_out = None;
        for c in clusters {
            let y = row_y(c.lane);
            let text = format!("+{}", c.indices.len());
            // As much room right of the text (from `c.x + 2`) as left of it, within the room
            // the layout keeps for the badge (its text was drawn to the box's right edge).
            let w = (label_width(&text) + BADGE_BOX_REACH + 2.0 * BADGE_TEXT_INSET + 4.0)
                .min(c.width + BADGE_BOX_REACH + BADGE_TEXT_INSET);
            let h = if spans { 16.0 } else { 18.0 };
            let holds = selected.filter(|i| c.indices.contains(i));
            if let Some(i) = holds.filter(|_| group.is_none()) {
                called_out = Some((
                    i,
                    (c.x - BADGE_BOX_REACH, c.x - BADGE_BOX_REACH + w),
                    y + 4.0,
                ));
            }
            self.put(
                Layer::Shape,
                solid(Prim::Rect {
                    x: c.x - BADGE_BOX_REACH,
                    y: y - h / 2.0,
                    w,
                    h,
                    radius: h / 2.0,
                    fill: Some(Ink::Background),
                    stroke: Some(if holds.is_some() {
                        Stroke {
                            ink: Ink::Focus,
                            width: 2.0,
                        }
                    } else {
                        Stroke {
                            ink: Ink::Muted,
                            width: 1.0,
                        }
                    }),
                }),
            );
            self.put(
                Layer::Text,
                solid(Prim::Text {
                    x: c.x + 2.0,
                    y: y + 4.0,
                    text,
                    font: Font::Cluster,
                    ink: Ink::Text,
                }),
            );
            self.targets.push(Target {
                kind: TargetKind::Cluster {
                    first_day: c.first_day,
                    end_day: c.end_day,
                    through: spans
                        && super::clusters::all_run_through(self.input, self.scale, &c.indices),
                    members: c.indices,
                    group,
                    spans,
                },
                x: c.x - BADGE_BOX_REACH,
                y: y - h / 2.0,
                w,
                h,
            });
        }
        if let Some((i, badge, y)) = called_out {
            self.callout(i, badge, y);
        }
    }

    /// Event `i`'s title from `x`, on the baseline `y`, `width` px wide.
    fn label(&mut self, i: usize, x: f64, y: f64, width: f64, selected: bool, dimmed: bool) {
        let title = self.input.data.events[i].title.clone();
        self.label_line(title, x, y, width, selected, dimmed);
    }

    /// Event `i`'s title in two lines (see [`Wrap`](crate::core::layout::Wrap)) from `x`, the
    /// first on the baseline `y`, the second a lane below, the wider `width` px wide.
    fn wrapped_label(
        &mut self,
        i: usize,
        x: f64,
        y: f64,
        width: f64,
        selected: bool,
        dimmed: bool,
    ) {
        let title = &self.input.data.events[i].title;
        let Some(wrap) = self.input.index.extent(i).wrap else {
            return self.label(i, x, y, width, selected, dimmed);
        };
        let (first, second) = wrap.lines(title);
        let (first, second) = (first.to_string(), second.to_string());
        // Each line underlined as far as it runs, when selected: the wider as the page measured
        // it (`width`), the other in proportion (in one font, the estimate's ratio between two
        // lines holds closely; the estimate itself runs wider than the page's text).
        let (a, b) = (label_width(&first), label_width(&second));
        let text = (width - super::LABEL_PADDING).max(0.0);
        let run = |line: f64| match a.max(b) {
            wider if wider > 0.0 => (text * line / wider + super::LABEL_PADDING).min(width),
            _ => width,
        };
        let (a, b) = (run(a), run(b));
        self.label_line(first, x, y, a, selected, dimmed);
        self.label_line(second, x, y + LANE_HEIGHT, b, selected, dimmed);
    }

    /// A line of a title from `x`, on the baseline `y`, `width` px wide (its padding included).
    /// The selected one is underlined in the focus colour, as far as its text runs, rather than
    /// bold, so that it keeps the width it was laid
    /// out with (bold, it ran into its mark or its neighbour).
    fn label_line(
        &mut self,
        text: String,
        x: f64,
        y: f64,
        width: f64,
        selected: bool,
        dimmed: bool,
    ) {
        if selected {
            // Under the text, not its padding nor the measure's headroom (the underline ran
            // 10–14 px past the last letter).
            let run = ((width - super::LABEL_PADDING) / super::KERNING_MARGIN).max(width.min(1.0));
            self.put(
                Layer::Shape,
                Item {
                    prim: Prim::Line {
                        x1: x,
                        y1: y + 3.0,
                        x2: x + run,
                        y2: y + 3.0,
                        stroke: Stroke {
                            ink: Ink::Focus,
                            width: 2.0,
                        },
                    },
                    alpha: 1.0,
                },
            );
        }
        self.put(
            Layer::Text,
            Item {
                prim: Prim::Text {
                    x,
                    y,
                    text,
                    font: Font::Label,
                    ink: if selected {
                        Ink::SelectedText
                    } else {
                        Ink::Text
                    },
                },
                alpha: if dimmed { DIMMED_LABEL } else { 1.0 },
            },
        );
    }

    /// The selected event's title on a box of its own over the drawing (see [`Callout`]), where
    /// the lanes gave it no room: right of its mark (`left`..`right`), or left of it where the
    /// right has no room or where it covers less of the others' marks and labels (the band's
    /// targets, all made by now), its baseline at `y`; where neither side has the room, under
    /// the mark's row; a title wider than the drawing (a phone's) in lines. One per drawing (grouped, in its first lane).
    fn callout(&mut self, i: usize, (left, right): (f64, f64), y: f64) {
        const PAD: f64 = CALLOUT_PAD;
        if self.callout.is_some() {
            return;
        }
        let title = &self.input.data.events[i].title;
        let width = self.scale.width;
        // The title's width as the page measured it (as its lane would have laid it out).
        let measured = self.input.index.extent(i).label_width;
        let text = if measured > 0.0 {
            measured
        } else {
            label_width(title)
        };
        // Wider than the drawing (a phone's), in lines as wide as it allows.
        let (lines, w) = if text + 2.0 * PAD <= width {
            (vec![title.clone()], text + 2.0 * PAD)
        } else {
            let lines = super::wrap(title, width - 2.0 * PAD, Font::Label);
            let widest = lines.iter().map(|l| label_width(l)).fold(0.0, f64::max);
            (lines, widest + 2.0 * PAD)
        };
        let (top, h) = (y - 13.0, 18.0 + CALLOUT_LINE * (lines.len() as f64 - 1.0));
        // How much of the others' marks and labels on its rows a box from `x` would cover.
        let covered = |x: f64| -> f64 {
            self.targets
                .iter()
                .filter(|t| t.y < top + h && t.y + t.h > top)
                .filter(|t| !matches!(t.kind, TargetKind::Mark { index, .. } if index == i))
                .map(|t| ((t.x + t.w).min(x + w) - t.x.max(x)).max(0.0))
                .sum()
        };
        let (after, before) = (right + LABEL_OFFSET, left - LABEL_OFFSET - w);
        let (x, below) = match (after + w <= width, before >= 0.0) {
            (true, true) if covered(before) < covered(after) => (before, false),
            (true, _) => (after, false),
            (false, true) => (before, false),
            // Neither side has the room: under the mark's row (over it, it hid the mark), as
            // near the mark as the drawing allows.
            _ if w <= width => (((left + right - w) / 2.0).min(width - w).max(0.0), true),
            _ => return,
        };
        // Under the row: its top just below the mark.
        let drop = if below { 17.0 } else { 0.0 };
        let (top, y) = (top + drop, y + drop);
        // The box hides what lies under it (another name showing through it, both were half
        // legible); the marks under it are drawn again over it, faint, once the whole scene is
        // known (see [`Callout::show_marks_under`]): they keep their clicks and tooltips there
        // (see `Scene::hit`), and hidden, a click on the name chose an event no one could see.
        // Its outline is whole.
        let rect = |fill, stroke| Prim::Rect {
            x,
            y: top,
            w,
            h,
            radius: 3.0,
            fill,
            stroke,
        };
        let mut items = vec![
            solid(rect(Some(Ink::Background), None)),
            solid(rect(
                None,
                Some(Stroke {
                    ink: Ink::Focus,
                    width: 1.0,
                }),
            )),
        ];
        items.extend(lines.into_iter().enumerate().map(|(k, text)| {
            solid(Prim::Text {
                x: x + PAD,
                y: y + CALLOUT_LINE * k as f64,
                text,
                font: Font::Label,
                ink: Ink::SelectedText,
            })
        }));
        self.callout = Some(Callout {
            index: i,
            x,
            y: top,
            w,
            h,
            items,
        });
    }

    /// A dashed line from `x1` to `x2` at `y`: a range that is possible rather than stated.
    fn dashes(&mut self, x1: f64, x2: f64, y: f64, alpha: f64) {
        let (x1, x2) = (x1.max(-10.0), x2.min(self.scale.width + 10.0));
        let mut x = x1;
        while x < x2 {
            let end = (x + 4.0).min(x2);
            self.put(
                Layer::Under,
                Item {
                    prim: Prim::Line {
                        x1: x,
                        y1: y,
                        x2: end,
                        y2: y,
                        stroke: Stroke {
                            ink: Ink::Muted,
                            width: 1.5,
                        },
                    },
                    alpha,
                },
            );
            x += 7.0;
        }
    }

    /// A bracket over `[a, b]` at the lane's middle `y`, its top line broken where `label` lies.
    fn bracket(&mut self, a: f64, b: f64, y: f64, label: Option<(f64, f64)>, alpha: f64) {
        for (x1, x2) in outside(a, b, label) {
            let mut points = Vec::with_capacity(4);
            if x1 == a {
                points.push((a, y + 3.0));
            }
            points.extend([(x1, y - 3.0), (x2, y - 3.0)]);
            if x2 == b {
                points.push((b, y + 3.0));
            }
            self.put(
                Layer::Under,
                Item {
                    prim: Prim::Polyline {
                        points,
                        stroke: Stroke {
                            ink: Ink::Muted,
                            width: 1.0,
                        },
                    },
                    alpha,
                },
            );
        }
    }

    /// Point events: a marker in the shape of the first domain, split into the colours of all
    /// of them, a bracket over the period a year- or month-precise date covers, the whole title
    /// where the layout gave it room.
    pub(super) fn points(&mut self, band: Band, top: f64, group: Option<usize>) {
        let data = self.input.data;
        let lane_y = |lane: usize| top + (lane as f64 + 0.5) * LANE_HEIGHT;
        let r = MARK_RADIUS;
        // The selected event's name, if its lane left it none: once the band's targets are
        // all known, so that it goes where it covers least of them.
        let mut called_out = None;
        let from = self.targets.len();
        for p in &band.placed {
            let e = &data.events[p.index];
            let y = lane_y(p.lane);
            let (dimmed, selected, alpha) = self.state(p.index);
            let domains = self.input.index.extent(p.index).domains;
            let fill_of = |position: Option<usize>| {
                if selected {
                    Ink::SelectedFill(position)
                } else {
                    position.map(Ink::Domain).unwrap_or(Ink::NoDomain)
                }
            };
            // The lines of the date's range stop short of the label (through it, they would
            // read as strikethrough).
            let label = p
                .labelled
                .then_some((p.label_x - 3.0, p.label_x + p.label_width + 3.0));
            if !e.is_exact() {
                // An uncertain or approximate date: its whole possible range, dashed and faint,
                // and the range it states as a bracket.
                for (x1, x2) in outside(p.x_start, p.x_end, label) {
                    self.dashes(x1, x2, y, alpha * 0.7);
                }
                let (a, b) = e.stated_days();
                let (a, b) = (self.scale.to_px(a as f64), self.scale.to_px(b as f64));
                if b - a >= crate::core::layout::BRACKET_MIN_WIDTH && !dimmed {
                    self.bracket(a, b, y, label, 0.4);
                }
            } else if (!p.mark_shown || !dimmed && e.start.precision() != Precision::Day)
                && p.x_end - p.x_start >= crate::core::layout::BRACKET_MIN_WIDTH
            {
                // A mark not drawn (see below): its bracket stands for the event, faint if the
                // event is, whatever the date's precision.
                self.bracket(p.x_start, p.x_end, y, label, 0.55 * alpha);
            }
            let stroke = if selected {
                Stroke {
                    ink: Ink::Focus,
                    width: 2.5,
                }
            } else {
                Stroke {
                    ink: Ink::Background,
                    width: 1.5,
                }
            };
            let fills = if domains.is_empty() {
                Fills::one(fill_of(None))
            } else {
                Fills::new(domains.iter().map(|position| fill_of(Some(position))))
            };
            // A mark outside the drawing, or at the middle of a year that runs past both its
            // edges, is not drawn: the period's bracket (above) stands for the event.
            let shown = p.mark_shown;
            if shown {
                self.put(
                    Layer::Shape,
                    Item {
                        prim: Prim::Marker {
                            shape: Shape::of_domain(domains.first()),
                            cx: p.x,
                            cy: y,
                            r,
                            fills,
                            stroke,
                        },
                        alpha,
                    },
                );
            }
            let reach = r * 1.35;
            if p.wrapped {
                self.wrapped_label(p.index, p.label_x, y + 4.0, p.label_width, selected, dimmed);
            } else if p.labelled {
                self.label(p.index, p.label_x, y + 4.0, p.label_width, selected, dimmed);
            } else if selected {
                // Beside its mark, or where its bracket comes into view.
                let at = if shown {
                    p.x
                } else {
                    p.x_start.max(0.0) + reach
                };
                called_out = Some((p.index, (at - reach, at + reach), y + 4.0));
            }
            let (mut left, mut right) = (p.x - reach, p.x + reach);
            // A mark not drawn: its bracket, all of it that shows, is its target.
            if !shown {
                (left, right) = (left.min(p.x_start), right.max(p.x_end));
            }
            if p.labelled {
                left = left.min(p.label_x);
                right = right.max(p.label_x + p.label_width);
            }
            let kind = TargetKind::Mark {
                index: p.index,
                selected,
                dimmed,
                labelled: p.labelled,
                group,
            };
            // Over both lanes of a title in two lines.
            let lanes = if p.wrapped { 2.0 } else { 1.0 };
            self.mark_target(
                kind,
                left,
                right,
                y - LANE_HEIGHT / 2.0 + 1.0,
                lanes * LANE_HEIGHT - 2.0,
            );
        }
        self.badges(band.clusters, lane_y, group, false);
        if let Some((i, mark, y)) = called_out {
            self.callout(i, mark, y);
        }
        self.in_reading_order(from);
        self.finish_band();
    }

    /// Spans: a thin bar in the colour of the first domain, taking the others' by turns (see
    /// [`stripes`]), the whole title above it where the layout gave it room.
    pub(super) fn spans(&mut self, band: Band, top: f64, group: Option<usize>) {
        let data = self.input.data;
        let width = self.scale.width;
        let lane_top = |lane: usize| top + lane as f64 * SPAN_LANE_HEIGHT;
        let mut called_out = None;
        let from = self.targets.len();
        for p in &band.placed {
            let y = lane_top(p.lane);
            let (dimmed, selected, alpha) = self.state(p.index);
            let position = self.input.index.extent(p.index).domains.first();
            let fill = if selected {
                Ink::SelectedFill(position)
            } else {
                position.map(Ink::Domain).unwrap_or(Ink::NoDomain)
            };
            // An uncertain span: the days it may cover but does not state are faded, an open or
            // unknown side dashed beyond its known date.
            let e = &data.events[p.index];
            let (bar_start, bar_end) = if e.is_exact() {
                (p.x_start, p.x_end)
            } else {
                let (a, b) = e.stated_days();
                let a = self.scale.to_px(a as f64).max(p.x_start);
                let b = self.scale.to_px(b as f64).min(p.x_end).max(a + 1.0);
                for (x1, x2) in [(p.x_start, a), (b, p.x_end)] {
                    if x2 - x1 > 0.5 {
                        self.put(
                            Layer::Under,
                            Item {
                                prim: Prim::Rect {
                                    x: x1,
                                    y: y + SPAN_BAR_TOP + 1.0,
                                    w: x2 - x1,
                                    h: 2.0,
                                    radius: 1.0,
                                    fill: Some(fill),
                                    stroke: None,
                                },
                                alpha: alpha * 0.35,
                            },
                        );
                    }
                }
                match e.open {
                    Some(OpenSide::OpenEnd | OpenSide::UnknownEnd) => self.dashes(
                        b,
                        (b + 40.0).min(width),
                        y + SPAN_BAR_TOP + 2.0,
                        alpha * 0.6,
                    ),
                    Some(OpenSide::OpenStart | OpenSide::UnknownStart) => {
                        self.dashes((a - 40.0).max(0.0), a, y + SPAN_BAR_TOP + 2.0, alpha * 0.6)
                    }
                    None => {}
                }
                (a, b)
            };
            self.put(
                Layer::Shape,
                Item {
                    prim: Prim::Rect {
                        x: bar_start,
                        y: y + SPAN_BAR_TOP,
                        w: bar_end - bar_start,
                        h: 4.0,
                        radius: 2.0,
                        fill: Some(fill),
                        stroke: Some(if selected {
                            Stroke {
                                ink: Ink::Focus,
                                width: 2.5,
                            }
                        } else {
                            Stroke {
                                ink: Ink::BarEdge,
                                width: 0.5,
                            }
                        }),
                    },
                    alpha,
                },
            );
            let domains = self.input.index.extent(p.index).domains;
            let origin = self.scale.to_px(e.first_day() as f64);
            // Inside the focus ring of the selected bar, which stays whole.
            let inset = if selected { 1.25 } else { 0.0 };
            // Square stretches stop short of the bar's round ends.
            let (x1, x2) = (bar_start + 2.0, bar_end - 2.0);
            for (x1, x2, place) in stripes(origin, x1, x2, domains.iter().count()) {
                // The selected bar's in the selection's inks, as a selected mark's slices are
                // (in forced colours, the highlight colour whole).
                let position = domains.iter().nth(place);
                let ink = match (selected, position) {
                    (true, p) => Ink::SelectedFill(p),
                    (false, Some(p)) => Ink::Domain(p),
                    (false, None) => Ink::NoDomain,
                };
                self.put(
                    Layer::Over,
                    Item {
                        prim: Prim::Rect {
                            x: x1,
                            y: y + SPAN_BAR_TOP + inset,
                            w: x2 - x1,
                            h: 4.0 - 2.0 * inset,
                            radius: 0.0,
                            fill: Some(ink),
                            stroke: None,
                        },
                        alpha,
                    },
                );
            }
            if p.labelled {
                self.label(
                    p.index,
                    p.label_x,
                    y + SPAN_LABEL_BASELINE,
                    p.label_width,
                    selected,
                    dimmed,
                );
            } else if selected {
                // Above its bar, its title where a label would start (or before the bar).
                let start = bar_start.max(0.0);
                called_out = Some((
                    p.index,
                    (start, start - CALLOUT_PAD),
                    y + SPAN_LABEL_BASELINE,
                ));
            }
            let (left, right) = if p.labelled {
                (
                    p.x_start.min(p.label_x),
                    p.x_end.max(p.label_x + p.label_width),
                )
            } else {
                (p.x_start, p.x_end)
            };
            let kind = TargetKind::Mark {
                index: p.index,
                selected,
                dimmed,
                labelled: p.labelled,
                group,
            };
            self.mark_target(kind, left, right, y, SPAN_LANE_HEIGHT);
        }
        self.badges(
            band.clusters,
            |lane| lane_top(lane) + SPAN_LANE_HEIGHT / 2.0,
            group,
            true,
        );
        if let Some((i, start, y)) = called_out {
            self.callout(i, start, y);
        }
        self.in_reading_order(from);
        self.finish_band();
    }
}

/// The parts of `[x1, x2]` outside `gap` (all of it without one).
fn outside(x1: f64, x2: f64, gap: Option<(f64, f64)>) -> Vec<(f64, f64)> {
    match gap {
        Some((g1, g2)) if g1 < x2 && g2 > x1 => [(x1, g1.min(x2)), (g2.max(x1), x2)]
            .into_iter()
            .filter(|(a, b)| b > a)
            .collect(),
        _ => vec![(x1, x2)],
    }
}

impl Callout {
    fn covers(&self, x: f64, y: f64, w: f64, h: f64) -> bool {
        x < self.x + self.w && x + w > self.x && y < self.y + self.h && y + h > self.y
    }

    /// Leaves out the others' names that the box covers, even in part (a name is whole or
    /// absent: cut by the box, "Japa… y" was read as a word), and takes them out of their
    /// targets, which then say they are not named (their titles go in tooltips) and keep their
    /// marks or brackets alone.
    pub(super) fn hide_names_under(
        &self,
        data: &crate::core::dataset::Chronology,
        items: &mut Vec<Item>,
        targets: &mut [Target],
    ) {
        for t in targets.iter_mut() {
            let (tx, ty, tw, th) = (t.x, t.y, t.w, t.h);
            if !self.covers(tx, ty, tw, th) {
                continue;
            }
            let TargetKind::Mark {
                index, labelled, ..
            } = &mut t.kind
            else {
                continue;
            };
            if !*labelled || *index == self.index {
                continue;
            }
            let title = &data.events[*index].title;
            // Its name's lines: in its target, words of its title.
            let line = |item: &Item| match &item.prim {
                Prim::Text {
                    x,
                    y,
                    text,
                    font: Font::Label,
                    ..
                } if (tx - 1.0..=tx + tw).contains(x)
                    && (ty..=ty + th + 1.0).contains(y)
                    && title.contains(text.as_str()) =>
                {
                    Some((*x, *y, label_width(text)))
                }
                _ => None,
            };
            let lines: Vec<(f64, f64, f64)> = items.iter().filter_map(line).collect();
            if !lines
                .iter()
                .any(|&(x, y, w)| self.covers(x, y - 10.0, w, 13.0))
            {
                continue;
            }
            *labelled = false;
            items.retain(|item| line(item).is_none());
            // The target without the name: its mark's side of it (a name on a bracket leaves
            // the bracket whole).
            let from = lines.iter().map(|l| l.0).fold(f64::INFINITY, f64::min);
            let to = lines
                .iter()
                .map(|l| l.0 + l.2)
                .fold(f64::NEG_INFINITY, f64::max);
            let right = tx + tw;
            if from - tx > 12.0 && to >= right - 1.0 {
                t.w = (from - LABEL_OFFSET - tx).max(4.0);
            } else if right - to > 12.0 && from <= tx + 1.0 {
                t.x = to + LABEL_OFFSET;
                t.w = (right - t.x).max(4.0);
            }
        }
    }

    /// Draws the marks of `items` (points' markers, spans' bars, "+N" badges) that the box
    /// covers again over it, faint (see [`CALLOUT_MARK_ALPHA`]), between the box and its
    /// outline: the box hides the rest (the others' names, the grid lines), and the title reads
    /// alone. (A badge keeps its clicks under the box: hidden, a click there opened what no one
    /// could see.)
    pub(super) fn show_marks_under(&mut self, items: &[Item], targets: &[Target]) {
        let covers = |x: f64, y: f64, w: f64, h: f64| self.covers(x, y, w, h);
        // A badge's pill is its target's box.
        let badge = |x: f64, y: f64, w: f64, h: f64| {
            targets.iter().any(|t| {
                matches!(t.kind, TargetKind::Cluster { .. }) && (t.x, t.y, t.w, t.h) == (x, y, w, h)
            })
        };
        let marks: Vec<Item> = items
            .iter()
            .filter(|item| match &item.prim {
                Prim::Marker { cx, cy, r, .. } => {
                    let reach = r * 1.35;
                    covers(cx - reach, cy - reach, 2.0 * reach, 2.0 * reach)
                }
                Prim::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: Some(Ink::Domain(_) | Ink::NoDomain | Ink::SelectedFill(_)),
                    ..
                } => covers(*x, *y, *w, *h),
                // A badge: its pill and its count.
                Prim::Rect { x, y, w, h, .. } if badge(*x, *y, *w, *h) => covers(*x, *y, *w, *h),
                Prim::Text {
                    x,
                    y,
                    text,
                    font: Font::Cluster,
                    ..
                } => covers(*x, y - 10.0, label_width(text), 13.0),
                _ => false,
            })
            .map(|item| Item {
                prim: item.prim.clone(),
                alpha: item.alpha * CALLOUT_MARK_ALPHA,
            })
            .collect();
        // After the box's fill, before its outline and title.
        self.items.splice(1..1, marks);
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::scene::{Fills, Prim, Stroke};
    use proptest::prelude::*;

    /// An item of one of a handful of styles (as a band's are), told apart by `x`.
    fn item(style: u8, x: f64) -> Item {
        let ink = |k: u8| match k % 4 {
            0 => Ink::Domain(usize::from(k)),
            1 => Ink::Text,
            2 => Ink::Focus,
            _ => Ink::SelectedFill(Some(usize::from(k))),
        };
        let stroke = Stroke {
            ink: ink(style / 2),
            width: f64::from(style % 3),
        };
        let prim = match style % 5 {
            0 => Prim::Rect {
                x,
                y: 0.0,
                w: 1.0,
                h: 1.0,
                radius: f64::from(style % 2),
                fill: Some(ink(style)),
                stroke: Some(stroke),
            },
            1 => Prim::Line {
                x1: x,
                y1: 0.0,
                x2: x,
                y2: 1.0,
                stroke,
            },
            2 => Prim::Marker {
                shape: Shape::ALL[usize::from(style) % Shape::ALL.len()],
                cx: x,
                cy: 0.0,
                r: 5.0,
                fills: Fills::new([ink(style), ink(style + 1)]),
                stroke,
            },
            3 => Prim::Polyline {
                points: vec![(x, 0.0), (x, 1.0)],
                stroke,
            },
            _ => Prim::Text {
                x,
                y: 0.0,
                text: format!("{style}"),
                font: Font::Label,
                ink: ink(style),
            },
        };
        Item {
            prim,
            alpha: if style.is_multiple_of(7) { 0.4 } else { 1.0 },
        }
    }

    proptest! {
        /// The items come out as a stable sort by their style would give them, after what was
        /// in `out` already.
        #[test]
        fn by_style_is_a_stable_sort_by_style(styles in prop::collection::vec(0u8..24, 0..200)) {
            let layer: Vec<Item> = styles
                .iter()
                .enumerate()
                .map(|(k, &s)| item(s, k as f64))
                .collect();
            let mut expected = layer.clone();
            expected.sort_by_cached_key(style_order);
            let before = item(0, -1.0);
            let mut out = vec![before.clone()];
            let mut taken = layer;
            by_style(&mut taken, &mut out);
            prop_assert!(taken.is_empty());
            prop_assert_eq!(&out[0], &before);
            prop_assert_eq!(&out[1..], &expected[..]);
        }
    }
}
