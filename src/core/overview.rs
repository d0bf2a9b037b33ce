//! The overview chart's axes and labels: what it needs beyond the histogram
//! ([`crate::core::query::year_histogram`]) to carry the argument — a count axis, year labels
//! from the same ticks as the timeline, and the phases named where they lie.
//!
//! Pure: the UI draws what these return, with no arithmetic of its own.

use crate::core::dataset::Chronology;
use crate::core::scale::{label_width, ticks, Tick, TickUnit, TimeScale};

/// Ticks of the count axis (events per year): 0 and round steps of 1, 2 or 5 × 10ⁿ, at most
/// `MAX_COUNT_INTERVALS` intervals, the last at or above `max` — 14 gives 0, 5, 10, 15. The UI
/// scales the bars to the last tick, so that the tallest bar meets or stays under a labelled
/// line. Never fewer than two ticks (0 and 1 for an empty chart).
pub fn count_ticks(max: usize) -> Vec<usize> {
    let max = max.max(1);
    let mut base = 1usize;
    let step = loop {
        if let Some(step) = [base, base.saturating_mul(2), base.saturating_mul(5)]
            .into_iter()
            .find(|s| max.div_ceil(*s) <= MAX_COUNT_INTERVALS)
        {
            break step;
        }
        match base.checked_mul(10) {
            Some(next) => base = next,
            // Counts this large do not exist (at most 100,000 events); stay total anyway.
            None => break max,
        }
    };
    let top = max.div_ceil(step);
    (0..=top).map(|i| i.saturating_mul(step)).collect()
}

/// The most intervals the count axis is divided into.
pub const MAX_COUNT_INTERVALS: usize = 4;

/// The room in px a count's text needs besides its width: its inset, halo and the window's grip.
const COUNTS_ROOM: f64 = 16.0;

/// The window's grips, inside its edges: a grip's width and the window's border (px).
const GRIP_REACH: f64 = 8.0;

/// Where the count axis's labels (up to `max` events a year) stand in a chart `width` px wide
/// whose window runs from `start` to `end` px: at the chart's right end (the x of their right
/// edge, and false), or at its left (the x of their left edge, and true) where the window's
/// right grip would cover them (a window that reaches the last years) and its left grip stands
/// farther from its own end; where both grips are at the ends (the whole chronology in view),
/// just inside the right grip, over the bars.
pub fn counts_place(start: f64, end: f64, width: f64, max: usize) -> (f64, bool) {
    let widest = count_ticks(max).last().copied().unwrap_or(0);
    let room = label_width(&crate::core::text::thousands(widest)) + COUNTS_ROOM;
    let (right_gap, left_gap) = (width - end, start);
    if right_gap >= room {
        (width - 4.0, false)
    } else if left_gap >= room {
        (4.0, true)
    } else {
        (end - GRIP_REACH - 3.0, false)
    }
}

/// The labels of the overview's time axis: the timeline's own ticks ([`ticks`]) at a year or
/// coarser (the bars count years), each label wholly inside the chart. Where the chart spans
/// so little time that the ticks are finer than years, their upper tier instead (years over
/// months and quarters, "Jan 2014" over weeks and days), from its first tick inside the chart.
pub fn axis_ticks(scale: &TimeScale) -> Vec<Tick> {
    let all = ticks(scale);
    let candidates = if all.unit.nominal_days() >= TickUnit::Years.nominal_days() {
        all.minor
    } else {
        all.major
    };
    candidates
        .into_iter()
        .filter(|t| t.x >= 0.0 && t.x + label_width(&t.label) <= scale.width)
        .collect()
}

/// Room around a phase's name inside its band, in px.
pub const PHASE_LABEL_PADDING: f64 = 8.0;

/// A phase as the overview draws it: its band and whether its name fits.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBand {
    pub id: String,
    /// The phase's whole name (the band's tooltip and accessible name).
    pub label: String,
    /// The band's x extent, clipped to the chart: `0 <= x1 < x2 <= width`.
    pub x1: f64,
    pub x2: f64,
    /// Whether the whole name fits in the band (with [`PHASE_LABEL_PADDING`] on each side):
    /// a name is shown whole or not at all, and is always a hover or focus away.
    pub fits: bool,
}

/// The phases with their x extent on the overview's scale, in the chronology's order; phases
/// wholly outside the chart are left out.
pub fn phase_bands(data: &Chronology, scale: &TimeScale) -> Vec<PhaseBand> {
    if !scale.is_usable() {
        return Vec::new();
    }
    data.phases
        .iter()
        .filter_map(|p| {
            let x1 = scale.to_px(p.start.first_day() as f64).max(0.0);
            let x2 = scale.to_px(p.end.end_day() as f64).min(scale.width);
            (x2 > x1).then(|| PhaseBand {
                id: p.id.clone(),
                label: p.label.clone(),
                x1,
                x2,
                fits: label_width(&p.label) + 2.0 * PHASE_LABEL_PADDING <= x2 - x1,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::days_from_civil;

    fn year(y: i32) -> f64 {
        days_from_civil(y, 1, 1) as f64
    }

    #[test]
    fn counts_stand_clear_of_the_window_s_grips() {
        // The window in the middle, or at the left end: the counts stay right.
        assert_eq!(counts_place(300.0, 600.0, 900.0, 20), (896.0, false));
        assert_eq!(counts_place(0.0, 300.0, 900.0, 20), (896.0, false));
        // At the right end: left.
        assert_eq!(counts_place(600.0, 900.0, 900.0, 20), (4.0, true));
        assert_eq!(counts_place(600.0, 890.0, 900.0, 4), (4.0, true));
        // A wider count needs more room from the grip.
        assert_eq!(counts_place(600.0, 870.0, 900.0, 3), (896.0, false));
        assert_eq!(counts_place(600.0, 870.0, 900.0, 100_000), (4.0, true));
        // Both grips near their ends (the whole chronology in view, a few events of one year
        // counted "1" under the right grip): just inside the right grip, clear of it.
        for (start, end) in [(20.0, 895.0), (2.0, 880.0), (7.0, 894.0)] {
            let (x, left) = counts_place(start, end, 900.0, 1);
            assert!(!left && x <= end - GRIP_REACH - 2.0, "{start}–{end}: {x}");
        }
    }

    #[test]
    fn count_ticks_are_round_and_reach_the_tallest_bar() {
        assert_eq!(count_ticks(14), [0, 5, 10, 15]);
        assert_eq!(count_ticks(20), [0, 5, 10, 15, 20]);
        assert_eq!(count_ticks(21), [0, 10, 20, 30]);
        assert_eq!(count_ticks(3), [0, 1, 2, 3]);
        assert_eq!(count_ticks(7), [0, 2, 4, 6, 8]);
        assert_eq!(count_ticks(0), [0, 1]);
        assert_eq!(count_ticks(1), [0, 1]);
        assert_eq!(count_ticks(100_000), [0, 50_000, 100_000]);
        for max in 0..2_000 {
            let t = count_ticks(max);
            assert!(
                t.len() >= 2 && t.len() <= MAX_COUNT_INTERVALS + 1,
                "{max}: {t:?}"
            );
            assert!(*t.last().unwrap() >= max, "{max}: {t:?}");
            assert_eq!(t[0], 0);
        }
        assert_eq!(count_ticks(usize::MAX).last(), Some(&usize::MAX));
    }

    #[test]
    fn year_labels_are_the_timelines_ticks_and_stay_inside_the_chart() {
        // The chronology at 800 px: round years, as the timeline would label them.
        let scale = TimeScale::new(year(1977), year(2021), 800.0);
        let labels = axis_ticks(&scale);
        let expected: Vec<Tick> = ticks(&scale)
            .minor
            .into_iter()
            .filter(|t| t.x + label_width(&t.label) <= 800.0)
            .collect();
        assert_eq!(labels, expected);
        let years: Vec<i32> = labels.iter().map(|t| t.label.parse().unwrap()).collect();
        let step = years[1] - years[0];
        assert!([1, 2, 5, 10].contains(&step), "{years:?}");
        assert!(years.windows(2).all(|w| w[1] - w[0] == step), "{years:?}");
        assert!(years.iter().all(|y| y % step == 0), "{years:?}");
        // BC years are round and read as BC, with no year 0.
        let bc = axis_ticks(&TimeScale::new(year(-3000), year(2000), 600.0));
        assert!(bc.iter().any(|t| t.label == "1000 BC"), "{bc:?}");
        assert!(bc.iter().all(|t| t.label != "0" && t.label != "0 BC"));
        // A year and a half: the years, not the months.
        let months = axis_ticks(&TimeScale::new(
            days_from_civil(2013, 6, 1) as f64,
            days_from_civil(2014, 12, 1) as f64,
            400.0,
        ));
        assert_eq!(
            months.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["2014"]
        );
        // A few weeks: the months.
        let weeks = axis_ticks(&TimeScale::new(
            days_from_civil(2014, 4, 20) as f64,
            days_from_civil(2014, 6, 10) as f64,
            800.0,
        ));
        assert_eq!(
            weeks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["May 2014", "Jun 2014"]
        );
        // Nothing for a degenerate chart.
        assert!(axis_ticks(&TimeScale::new(year(2000), year(2000), 800.0)).is_empty());
        assert!(axis_ticks(&TimeScale::new(year(1990), year(2000), 0.0)).is_empty());
    }

    #[test]
    fn phases_are_named_where_they_lie_and_only_if_the_name_fits() {
        let data = crate::core::dataset::embedded().unwrap();
        let wide = TimeScale::new(year(1977), year(2021), 1200.0);
        let bands = phase_bands(&data, &wide);
        assert_eq!(
            bands.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
            data.phases
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
        );
        for (band, phase) in bands.iter().zip(&data.phases) {
            assert_eq!(band.x1, wide.to_px(phase.start.first_day() as f64));
            assert!(band.x1 < band.x2 && band.x2 <= 1200.0);
        }
        assert!(bands.iter().any(|b| b.fits));
        let narrow = phase_bands(&data, &TimeScale::new(year(1977), year(2021), 200.0));
        assert!(narrow.iter().all(|b| !b.fits));
        // Zoomed into the 1990s: the phases outside are left out, the plateau is clipped.
        let nineties = phase_bands(&data, &TimeScale::new(year(1992), year(1998), 600.0));
        assert_eq!(nineties.len(), 1);
        assert_eq!((nineties[0].x1, nineties[0].x2), (0.0, 600.0));
    }
}
