//! Building the scene: where each block goes, the phase bands and the axis; finding what is
//! under a point.

use super::paint::{header_of, Painter};
use super::{
    solid, BlockLanes, Font, GroupStrip, Ink, Item, PhaseStrip, Prim, Scene, SceneInput, Stroke,
    Target, TargetKind, AXIS_HEIGHT, BOTTOM_PAD, GROUP_GAP, LANES_TOP, LANE_HEIGHT, MAJOR_Y,
    MINOR_Y, MIN_LANES, PHASE_LABEL_Y, PHASE_LINE, SPAN_BAND_GAP, SPAN_LANE_HEIGHT,
};
use crate::core::dataset::Chronology;
use crate::core::layout::Layout;
use crate::core::scale::{label_width, ticks, TimeScale};
use crate::core::viewport::Viewport;

/// Where a block's parts are drawn.
struct BlockPlace {
    points_top: f64,
    spans_top: f64,
}

/// A block's point lanes and span lanes as drawn, and their heights, given the lanes it keeps
/// at least (`keep`).
fn band_heights(layout: &Layout, grouped: bool, keep: BlockLanes) -> (BlockLanes, f64, f64) {
    let points = if grouped {
        layout.points.lanes.max(1)
    } else {
        layout.points.lanes.max(MIN_LANES)
    }
    .max(keep.points);
    let spans = layout.spans.lanes.max(keep.spans);
    let spans_h = if spans > 0 {
        SPAN_BAND_GAP + spans as f64 * SPAN_LANE_HEIGHT
    } else {
        0.0
    };
    (
        BlockLanes { points, spans },
        points as f64 * LANE_HEIGHT,
        spans_h,
    )
}

impl Scene {
    /// The drawing of `input` in the window of `scale` (whose width is the drawing's width).
    pub fn build(input: &SceneInput, scale: &TimeScale) -> Scene {
        Scene::build_keeping(input, scale, &[])
    }

    /// As [`Scene::build`], each block keeping at least the lanes `keep` gives it (those of the
    /// scene drawn as a pan or zoom began, [`Scene::lanes`]), where `keep` has one entry per
    /// block: while a gesture goes on, a block whose events need fewer lanes in the new window
    /// keeps its height, so that no heading or band below it jumps up and back down as one pans
    /// (a block that needs more grows).
    pub fn build_keeping(input: &SceneInput, scale: &TimeScale, keep: &[BlockLanes]) -> Scene {
        let width = scale.width;
        let grouped = input.grouping.is_some();
        let blocks = input.lay_out(scale, None);
        // Kept only for the same blocks (a grouping that changed has others).
        let keep = |n: usize| match keep.get(n) {
            Some(lanes) if keep.len() == blocks.len() => *lanes,
            _ => BlockLanes::default(),
        };
        let mut lanes = vec![BlockLanes::default(); blocks.len()];
        let two_lines = phase_names_in_two_lines(input, width);

        // Where each block goes, top to bottom.
        let lanes_top = LANES_TOP + if two_lines { PHASE_LINE } else { 0.0 };
        let mut y = lanes_top;
        let mut places = Vec::with_capacity(blocks.len());
        let mut groups = Vec::new();
        for (n, laid) in blocks.iter().enumerate() {
            let header = input.grouping.and_then(|g| g.groups.get(n));
            if let Some(group) = header {
                let top = y;
                let (heading, h) = header_of(group.collapsed, &group.label, &group.tally(), width);
                y += h;
                groups.push(GroupStrip {
                    index: n,
                    label: group.label.clone(),
                    count: group.count,
                    held: group.held,
                    collapsed: group.collapsed,
                    heading,
                    y: top,
                    h,
                    end_y: y,
                });
                if group.collapsed {
                    places.push(None);
                    y += GROUP_GAP;
                    continue;
                }
            }
            let (drawn, points_h, spans_h) = band_heights(laid, grouped, keep(n));
            lanes[n] = drawn;
            places.push(Some(BlockPlace {
                points_top: y,
                spans_top: y + points_h + SPAN_BAND_GAP,
            }));
            y += points_h + spans_h;
            if let Some(strip) = groups.last_mut().filter(|_| grouped) {
                strip.end_y = y;
                y += GROUP_GAP;
            }
        }
        let height = y + BOTTOM_PAD;

        let visible_events: usize = blocks
            .iter()
            .map(|b| b.points.placed.len() + b.spans.placed.len())
            .sum();
        let mut items = Vec::with_capacity(64 + 4 * visible_events);
        let targets = Vec::with_capacity(visible_events + 16);
        let mut phases = Vec::with_capacity(input.data.phases.len());
        let names = Names {
            two_lines,
            lanes_top,
        };
        draw_phases(input.data, scale, height, names, &mut items, &mut phases);
        draw_axis(scale, height, &mut items);
        let backdrop = items.len();

        let mut painter = Painter {
            input,
            scale,
            items,
            targets,
            layers: Default::default(),
            callout: None,
        };
        for (n, (laid, place)) in blocks.into_iter().zip(&places).enumerate() {
            let group = grouped.then_some(n);
            if let Some(strip) = groups.iter().find(|g| g.index == n) {
                painter.header(strip);
            }
            let Some(place) = place else {
                continue;
            };
            if !laid.spans.placed.is_empty() || !laid.spans.clusters.is_empty() {
                painter.items.push(solid(Prim::Line {
                    x1: 0.0,
                    y1: place.spans_top - SPAN_BAND_GAP / 2.0,
                    x2: width,
                    y2: place.spans_top - SPAN_BAND_GAP / 2.0,
                    stroke: Stroke {
                        ink: Ink::Line,
                        width: 1.0,
                    },
                }));
            }
            painter.points(laid.points, place.points_top, group);
            painter.spans(laid.spans, place.spans_top, group);
        }
        let Painter {
            mut items,
            mut targets,
            mut callout,
            ..
        } = painter;
        if let Some(c) = &mut callout {
            c.hide_names_under(input.data, &mut items, &mut targets);
            c.show_marks_under(&items, &targets);
        }

        Scene {
            width,
            height,
            start: scale.start,
            end: scale.end,
            items,
            backdrop,
            targets,
            phases,
            groups,
            callout,
            lanes,
            about: None,
        }
    }

    /// The target under (x, y), if any: the topmost one that can be clicked; else, within the
    /// selected event's name drawn over the rest (see [`Callout`](super::Callout)), that
    /// event's (or, folded, its badge's). A mark under the name keeps its clicks (its tooltip
    /// names it there too): one can go from event to event, as in the list.
    pub fn hit(&self, x: f64, y: f64) -> Option<&Target> {
        let clickable = |t: &&Target| !matches!(t.kind, TargetKind::Mark { dimmed: true, .. });
        self.targets
            .iter()
            .rev()
            .filter(clickable)
            .find(|t| t.contains(x, y))
            .or_else(|| {
                let c = self.callout.as_ref().filter(|c| c.contains(x, y))?;
                let mark = |t: &&Target| {
                    matches!(t.kind, TargetKind::Mark { index, selected: true, .. } if index == c.index)
                };
                // Folded: its badge (which opens where it shows).
                let badge = |t: &&Target| {
                    matches!(&t.kind, TargetKind::Cluster { members, .. } if members.contains(&c.index))
                };
                let mut targets = self.targets.iter();
                targets.clone().find(mark).or_else(|| targets.find(badge))
            })
    }

    /// The group whose header is under (x, y), if any.
    pub fn group_at(&self, x: f64, y: f64) -> Option<&GroupStrip> {
        (0.0..=self.width)
            .contains(&x)
            .then(|| self.groups.iter().find(|g| y >= g.y && y <= g.y + g.h))
            .flatten()
    }

    /// The events drawn one by one (not in a badge), in drawing order.
    pub fn marks(&self) -> impl Iterator<Item = (usize, &Target)> {
        self.targets.iter().filter_map(|t| match t.kind {
            TargetKind::Mark { index, .. } => Some((index, t)),
            TargetKind::Cluster { .. } => None,
        })
    }
}

/// How the phases' names are drawn: in up to two lines, above lanes that start at `lanes_top`.
#[derive(Clone, Copy)]
struct Names {
    two_lines: bool,
    lanes_top: f64,
}

/// A phase's name as its band shows it in `room` px: whole on one line; else, where `two_lines`
/// allows, whole on two, broken at the space that makes the wider line narrowest; else not at
/// all. A name is never cut short: "From…" says nothing (the whole name is the band's tooltip,
/// and a filter's).
pub fn phase_name(name: &str, room: f64, two_lines: bool) -> Option<(&str, Option<&str>)> {
    let name = name.trim();
    if label_width(name) <= room {
        return Some((name, None));
    }
    if !two_lines {
        return None;
    }
    name.match_indices(' ')
        .filter_map(|(at, _)| {
            let (first, second) = (name[..at].trim(), name[at..].trim());
            let wider = label_width(first).max(label_width(second));
            (!first.is_empty() && !second.is_empty()).then_some((first, second, wider))
        })
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .filter(|&(_, _, wider)| wider <= room)
        .map(|(first, second, _)| (first, Some(second)))
}

/// Phase `i`'s band in the window of `scale` (its x extent, clipped to the drawing), and the room
/// for its name there: up to where a later phase's band, drawn over it, starts (phases of year
/// dates can share a year), less a margin each side.
fn phase_band(data: &Chronology, i: usize, scale: &TimeScale) -> Option<(f64, f64, f64)> {
    let p = data.phases.get(i)?;
    let x1 = scale.to_px(p.start.first_day() as f64).max(0.0);
    let x2 = scale.to_px(p.end.end_day() as f64).min(scale.width);
    if x2 <= x1 {
        return None;
    }
    let start = p.start.first_day();
    let shown_to = data
        .phases
        .iter()
        .filter(|q| q.start.first_day() > start)
        .map(|q| scale.to_px(q.start.first_day() as f64).max(0.0))
        .fold(x2, f64::min);
    Some((x1, x2, shown_to - x1 - 2.0 * PHASE_NAME_INSET))
}

/// A phase's name starts this far into its band, and ends at least this far from its end.
const PHASE_NAME_INSET: f64 = 4.0;

/// Whether the phases' names may take two lines in a drawing `width` px wide: where, at the
/// chronology's default window (what "Fit all" shows with no filter on), a name of several
/// words is too long for one line in its band. It then takes two where they fit, there or
/// zoomed in (on a phone, only zoomed in). Decided there, not in each window, so that the lanes
/// do not move up and down as one zooms and pans.
fn phase_names_in_two_lines(input: &SceneInput, width: f64) -> bool {
    let (_, fit) = Viewport::default_for(input.index);
    let scale = TimeScale::new(fit.start, fit.end, width);
    if !scale.is_usable() {
        return false;
    }
    (0..input.data.phases.len()).any(|i| {
        phase_band(input.data, i, &scale).is_some_and(|(_, _, room)| {
            let name = input.data.phases[i].label.trim();
            name.contains(' ') && phase_name(name, room, false).is_none()
        })
    })
}

/// The phase bands behind everything, each with its name where there is room for it whole.
fn draw_phases(
    data: &Chronology,
    scale: &TimeScale,
    height: f64,
    names: Names,
    items: &mut Vec<Item>,
    phases: &mut Vec<PhaseStrip>,
) {
    // The bands first, then the stretches two phases share in stripes of the earlier one's
    // colour over the later one's, then the names over them.
    for i in 0..data.phases.len() {
        if let Some((x1, x2, _)) = phase_band(data, i, scale) {
            items.push(solid(Prim::Rect {
                x: x1,
                y: AXIS_HEIGHT,
                w: x2 - x1,
                h: height - AXIS_HEIGHT,
                radius: 0.0,
                fill: Some(Ink::Phase((i % 2) as u8)),
                stroke: None,
            }));
        }
    }
    for (i, from, to) in super::backdrop::shared_periods(data) {
        let (x1, x2) = (scale.to_px(from).max(0.0), scale.to_px(to).min(scale.width));
        for points in super::backdrop::stripes(x1, x2, AXIS_HEIGHT, height) {
            items.push(solid(Prim::Polygon {
                points,
                fill: Some(Ink::Phase((i % 2) as u8)),
                stroke: None,
            }));
        }
    }
    for (i, p) in data.phases.iter().enumerate() {
        let Some((x1, x2, room)) = phase_band(data, i, scale) else {
            continue;
        };
        phases.push(PhaseStrip {
            index: i,
            x: x1,
            y: AXIS_HEIGHT,
            w: x2 - x1,
            h: names.lanes_top - AXIS_HEIGHT,
        });
        let Some((first, second)) = phase_name(&p.label, room, names.two_lines) else {
            continue;
        };
        let lines = [Some(first), second].into_iter().flatten();
        for (n, line) in lines.enumerate().filter(|(_, line)| !line.is_empty()) {
            items.push(solid(Prim::Text {
                x: x1 + PHASE_NAME_INSET,
                y: PHASE_LABEL_Y + n as f64 * PHASE_LINE,
                text: line.to_string(),
                font: Font::Phase,
                ink: Ink::Muted,
            }));
        }
    }
}

/// The axis: a band, major ticks (lines through the whole drawing), minor ticks; each tier's
/// labels where the tick labeller puts them (never overlapping).
fn draw_axis(scale: &TimeScale, height: f64, items: &mut Vec<Item>) {
    items.push(solid(Prim::Rect {
        x: 0.0,
        y: 0.0,
        w: scale.width,
        h: AXIS_HEIGHT,
        radius: 0.0,
        fill: Some(Ink::Panel),
        stroke: None,
    }));
    let ticks = ticks(scale);
    for t in &ticks.major {
        if t.x >= 0.0 {
            items.push(solid(Prim::Line {
                x1: t.x,
                y1: 0.0,
                x2: t.x,
                y2: height,
                stroke: Stroke {
                    ink: Ink::MajorLine,
                    width: 1.0,
                },
            }));
        }
        items.extend(tick_label(t, scale, MAJOR_Y, Font::MajorTick, Ink::Text));
    }
    for t in &ticks.minor {
        items.push(solid(Prim::Line {
            x1: t.x,
            y1: AXIS_HEIGHT - 18.0,
            x2: t.x,
            y2: height,
            stroke: Stroke {
                ink: Ink::Line,
                width: 1.0,
            },
        }));
        items.extend(tick_label(t, scale, MINOR_Y, Font::Tick, Ink::Muted));
    }
}

/// A tick's label, whole or not at all: none is cut at the drawing's right edge.
fn tick_label(
    t: &crate::core::scale::Tick,
    scale: &TimeScale,
    y: f64,
    font: Font,
    ink: Ink,
) -> Option<Item> {
    let x = t.label_x + 3.0;
    let fits = !t.label.is_empty() && x + crate::core::scale::label_width(&t.label) <= scale.width;
    fits.then(|| {
        solid(Prim::Text {
            x,
            y,
            text: t.label.clone(),
            font,
            ink,
        })
    })
}
