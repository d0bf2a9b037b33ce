//! Choosing the tick unit for the window and placing its major and minor ticks.

use super::cursor::{minor_style, Cursor, LabelStyle, ShortLabel};
use super::{label_width, Tick, TickUnit, Ticks, TimeScale, MAX_TICKS, SAFE_DAYS, TICK_LABEL_GAP};
use crate::core::date::civil_from_days;

/// Ticks for the visible window only: the finest unit whose labels do not overlap.
///
/// Placement: each minor label is left-aligned at its tick and occupies
/// `[x, x + label_width(label)]`; a unit is chosen only if every label ends at least
/// [`TICK_LABEL_GAP`] before the next tick. Labels: years "1990" (or "45 BC", and "AD 5" where
/// the window starts BC), quarters "Q3", months "Sep", weeks and days the day of the month "6";
/// the major tier carries the context. Year ticks fall on round years as readers count them,
/// with AD 1 at the era boundary (… 10 BC, 5 BC, AD 1, AD 5, AD 10 …, see the cursor).
/// If even the coarsest unit is too dense (a few pixels wide axis), overlapping labels are
/// dropped rather than drawn on top of each other.
pub fn ticks(scale: &TimeScale) -> Ticks {
    let Some((lo, hi)) = tick_range(scale) else {
        return Ticks {
            unit: TickUnit::Years,
            minor: Vec::new(),
            major: Vec::new(),
        };
    };
    let unit = TickUnit::FINE_TO_COARSE
        .iter()
        .copied()
        .find(|&unit| plausible(unit, scale, lo, hi) && labels_fit(unit, scale, lo, hi))
        .unwrap_or(TickUnit::MillionYears);
    Ticks {
        unit,
        minor: minor_ticks(unit, scale, lo, hi),
        major: major_ticks(unit, scale, lo, hi),
    }
}

/// The part of the window where ticks are generated, or `None` for a degenerate scale.
fn tick_range(scale: &TimeScale) -> Option<(f64, f64)> {
    if !scale.is_usable() {
        return None;
    }
    let lo = scale.start.max(-SAFE_DAYS);
    let hi = scale.end.min(SAFE_DAYS);
    (lo <= hi).then_some((lo, hi))
}

/// The (astronomical) year in which the part of the window with ticks starts: where it is BC
/// (0 or less), the axis writes its AD years "AD 5", lest a bare "5" after "5 BC" read as BC.
fn first_year(lo: f64) -> i32 {
    civil_from_days(lo.floor() as i64).0
}

/// A cheap test that rejects units whose labels cannot fit (or that would produce absurdly many
/// ticks) without generating anything. It depends only on px/day and the window's length, so
/// zooming in never makes a unit implausible.
fn plausible(unit: TickUnit, scale: &TimeScale, lo: f64, hi: f64) -> bool {
    let (min_days, max_days) = unit.spacing_bounds();
    max_days * scale.px_per_day() >= unit.narrowest_label() + TICK_LABEL_GAP
        && (hi - lo) / min_days <= MAX_TICKS
}

/// Whether every pair of consecutive labels of `unit` in the window fits (no allocation).
fn labels_fit(unit: TickUnit, scale: &TimeScale, lo: f64, hi: f64) -> bool {
    let first = first_year(lo);
    let mut previous_end = f64::NEG_INFINITY;
    let mut cursor = Cursor::first_at_or_after(unit, lo);
    let mut label = ShortLabel::default();
    while (cursor.day() as f64) <= hi {
        let x = scale.to_px(cursor.day() as f64);
        if (0.0..=scale.width).contains(&x) {
            if x < previous_end + TICK_LABEL_GAP {
                return false;
            }
            cursor.write_label(minor_style(unit), first, &mut label);
            previous_end = x + label_width(label.as_str());
        }
        cursor.advance();
    }
    true
}

/// The lower tier: every tick of `unit` inside the axis, labelled.
fn minor_ticks(unit: TickUnit, scale: &TimeScale, lo: f64, hi: f64) -> Vec<Tick> {
    let first = first_year(lo);
    let mut ticks: Vec<Tick> = Vec::new();
    let mut previous_end = f64::NEG_INFINITY;
    let mut cursor = Cursor::first_at_or_after(unit, lo);
    let mut label = ShortLabel::default();
    while (cursor.day() as f64) <= hi {
        let day = cursor.day() as f64;
        let x = scale.to_px(day);
        // Thinning only ever removes anything in the degenerate fallback case.
        if (0.0..=scale.width).contains(&x) && x >= previous_end + TICK_LABEL_GAP {
            cursor.write_label(minor_style(unit), first, &mut label);
            previous_end = x + label_width(label.as_str());
            ticks.push(Tick {
                day,
                x,
                label: label.as_str().to_owned(),
                label_x: x,
            });
        }
        cursor.advance();
    }
    ticks
}

/// The context tier over `unit`, from the period containing the window start.
fn major_ticks(unit: TickUnit, scale: &TimeScale, lo: f64, hi: f64) -> Vec<Tick> {
    let first = first_year(lo);
    let (mut cursor, style) = match unit {
        TickUnit::Quarters | TickUnit::Months => (Cursor::year_containing(lo), LabelStyle::Year),
        TickUnit::Weeks | TickUnit::Days => (Cursor::month_containing(lo), LabelStyle::MonthYear),
        _ => return Vec::new(),
    };
    let mut ticks: Vec<Tick> = Vec::new();
    let mut label = ShortLabel::default();
    while (cursor.day() as f64) <= hi {
        let day = cursor.day() as f64;
        let x = scale.to_px(day);
        cursor.write_label(style, first, &mut label);
        ticks.push(Tick {
            day,
            x,
            label: label.as_str().to_owned(),
            label_x: x.max(0.0),
        });
        cursor.advance();
    }
    // The first label, stuck to the left edge, gives way to the next one if they would touch
    // ("May 2015Jun 2015"): the next one stands at its own boundary. Then, left to right, a
    // label that would overlap the one before is left out (only on very narrow axes).
    let end = |t: &Tick| t.label_x + label_width(&t.label) + TICK_LABEL_GAP;
    if let [first, second, ..] = ticks.as_mut_slice() {
        if first.x < 0.0 && end(first) > second.label_x {
            first.label.clear();
        }
    }
    let mut previous_end = f64::NEG_INFINITY;
    for tick in &mut ticks {
        if tick.label.is_empty() {
            continue;
        }
        if tick.label_x < previous_end {
            tick.label.clear();
        } else {
            previous_end = end(tick);
        }
    }
    ticks
}
