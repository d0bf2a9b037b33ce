//! Tests of the scene, by topic, with the helpers they share.

use super::*;
use crate::core::dataset::embedded;
use crate::core::date::days_from_civil;
use crate::core::grouping::{GroupBy, Grouping};
use crate::core::layout::Extent;
use crate::core::query::{matching, search_haystacks, Filter};
use crate::core::scale::label_width;
use crate::core::viewport::{Limits, Viewport};
use std::collections::{BTreeSet, HashSet};

mod clusters;
mod groups;
mod labels;
mod marks;
mod rows;
mod svg;

fn day(y: i32, m: u8, d: u8) -> f64 {
    days_from_civil(y, m, d) as f64
}

/// Label widths as the page measures them: the title's advances in the label font, plus the
/// padding.
fn measured(title: &str) -> f64 {
    label_width(title) + LABEL_PADDING
}

fn index_of(data: &Chronology, width: impl Fn(&str) -> f64) -> TimelineIndex {
    TimelineIndex::new(
        (0..data.events.len())
            .map(|i| Extent::of(data, i, &width))
            .collect(),
    )
}

fn brief() -> (Chronology, TimelineIndex) {
    let mut data = embedded().expect("the embedded chronology loads");
    data.sort_events();
    let index = index_of(&data, measured);
    (data, index)
}

fn limits(index: &TimelineIndex) -> Limits {
    Limits::for_extent(index.first_day().unwrap(), index.end_day().unwrap())
}

/// The default (fit-all) view at `width` px.
fn fit_all(index: &TimelineIndex, width: f64) -> TimeScale {
    let v = Viewport::fit_events(index, |_| true, &limits(index)).unwrap();
    TimeScale::new(v.start, v.end, width)
}

fn whole(index: &TimelineIndex, width: f64) -> TimeScale {
    TimeScale::new(
        index.first_day().unwrap() - 400.0,
        index.end_day().unwrap() + 400.0,
        width,
    )
}

/// What a scene is built from: every event as `matches` says, none dimmed or selected, one block.
fn input<'a>(
    data: &'a Chronology,
    index: &'a TimelineIndex,
    matches: &'a [bool],
) -> SceneInput<'a> {
    SceneInput {
        data,
        index,
        matches,
        dim: false,
        selected: None,
        grouping: None,
    }
}

fn scene(
    data: &Chronology,
    index: &TimelineIndex,
    scale: &TimeScale,
    matches: &[bool],
    dim: bool,
    selected: Option<usize>,
) -> Scene {
    Scene::build(
        &SceneInput {
            dim,
            selected,
            ..input(data, index, matches)
        },
        scale,
    )
}

/// The built-in chronology's default view at 1,280 px, every other event dimmed (faint), with
/// `selected` selected (its callout, where its lane has no room for its name).
pub(super) fn built_in_scene(selected: Option<usize>) -> Scene {
    let (data, index) = brief();
    let matches: Vec<bool> = (0..data.events.len()).map(|i| i % 2 == 0).collect();
    scene(
        &data,
        &index,
        &fit_all(&index, 1280.0),
        &matches,
        true,
        selected,
    )
}

/// A callout's words, its lines joined.
fn callout_words(c: &Callout) -> String {
    c.items
        .iter()
        .filter_map(|it| match &it.prim {
            Prim::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `title` is drawn whole in the lanes, on one line or two.
fn named_in_lanes(s: &Scene, title: &str) -> bool {
    let names = texts(s);
    names.contains(&title) || names.windows(2).any(|w| w.join(" ") == title)
}

fn texts(s: &Scene) -> Vec<&str> {
    s.items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// Which events are of a domain (a filter to one domain matches them).
fn in_domain(data: &Chronology, domain: &str) -> Vec<bool> {
    data.events
        .iter()
        .map(|e| e.domains.iter().any(|d| d == domain))
        .collect()
}

/// The texts drawn in `font`, each with its baseline.
fn texts_in(s: &Scene, font: Font) -> Vec<(f64, &str)> {
    s.items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text {
                y, text, font: f, ..
            } if *f == font => Some((*y, text.as_str())),
            _ => None,
        })
        .collect()
}

/// The middle of a point's row: the top lane of its target (which takes the lane below too
/// where its title is in two lines).
fn mark_row(t: &Target) -> f64 {
    t.y + LANE_HEIGHT / 2.0 - 1.0
}

/// The lines of the events' names drawn: (x, baseline, text).
fn label_lines(s: &Scene) -> Vec<(f64, f64, &str)> {
    s.items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text {
                x,
                y,
                text,
                font: Font::Label,
                ..
            } => Some((*x, *y, text.as_str())),
            _ => None,
        })
        .collect()
}

/// The events' names drawn: each label's text, a title in two lines (the second a lane below
/// the first, from the same x) read as one where the two make one of `titles`.
fn labels(s: &Scene, titles: &HashSet<&str>) -> Vec<String> {
    let lines = label_lines(s);
    // The line that completes `line` into a title, from a lane below.
    let second = |&(x, y, text): &(f64, f64, &str)| {
        lines.iter().copied().find(|&(x2, y2, rest)| {
            x2 == x
                && (y2 - y - LANE_HEIGHT).abs() < 1e-9
                && titles.contains(format!("{text} {rest}").as_str())
        })
    };
    let seconds: Vec<(f64, f64, &str)> = lines
        .iter()
        .filter(|line| !titles.contains(line.2))
        .filter_map(second)
        .collect();
    lines
        .iter()
        .filter(|line| !seconds.contains(line))
        .map(|line| match second(line) {
            Some((_, _, rest)) if !titles.contains(line.2) => format!("{} {rest}", line.2),
            _ => line.2.to_string(),
        })
        .collect()
}

fn folded(s: &Scene) -> usize {
    s.targets
        .iter()
        .map(|t| match &t.kind {
            TargetKind::Cluster { members, .. } => members.len(),
            _ => 0,
        })
        .sum()
}

fn clusters(s: &Scene) -> impl Iterator<Item = &TargetKind> {
    s.targets
        .iter()
        .map(|t| &t.kind)
        .filter(|k| matches!(k, TargetKind::Cluster { .. }))
}
