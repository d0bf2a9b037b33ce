use super::cursor::{write_year_after, ShortLabel};
use super::*;
use crate::core::date::{civil_from_days, days_from_civil, format_year_after, MAX_ABS_YEAR};
use proptest::prelude::*;

fn day(y: i32, m: u8, d: u8) -> f64 {
    days_from_civil(y, m, d) as f64
}

fn labels(ticks: &[Tick]) -> Vec<&str> {
    ticks.iter().map(|t| t.label.as_str()).collect()
}

/// The documented placement rule: left-aligned labels, a gap before the next tick.
fn assert_no_overlap(ticks: &[Tick]) {
    for pair in ticks.windows(2) {
        assert!(
            pair[0].x + label_width(&pair[0].label) + TICK_LABEL_GAP <= pair[1].x,
            "{:?} overlaps {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn maps_days_to_pixels_and_back() {
    let s = TimeScale::new(day(2000, 1, 1), day(2010, 1, 1), 1000.0);
    assert_eq!(s.to_px(s.start), 0.0);
    assert!((s.to_px(s.end) - 1000.0).abs() < 1e-9);
    assert!((s.to_day(500.0) - (s.start + s.end) / 2.0).abs() < 1e-9);
    assert!((s.px_per_day() - 1000.0 / 3653.0).abs() < 1e-12);
}

#[test]
fn four_decades_on_a_wide_axis_show_every_other_year() {
    let s = TimeScale::new(day(1990, 1, 1), day(2030, 1, 1), 1000.0);
    let t = ticks(&s);
    assert_eq!(t.unit, TickUnit::TwoYears);
    assert_eq!(&labels(&t.minor)[..4], ["1990", "1992", "1994", "1996"]);
    assert!(t.major.is_empty(), "years need no context tier");
    assert_no_overlap(&t.minor);
}

#[test]
fn a_narrow_axis_falls_back_to_decades() {
    let s = TimeScale::new(day(1985, 6, 1), day(2030, 1, 1), 300.0);
    let t = ticks(&s);
    assert_eq!(t.unit, TickUnit::Decades);
    assert_eq!(labels(&t.minor), ["1990", "2000", "2010", "2020", "2030"]);
}

#[test]
fn one_year_shows_months_under_the_year() {
    let s = TimeScale::new(day(2014, 1, 1), day(2015, 1, 1), 1000.0);
    let t = ticks(&s);
    assert_eq!(t.unit, TickUnit::Months);
    assert_eq!(&labels(&t.minor)[..3], ["Jan", "Feb", "Mar"]);
    assert_eq!(t.minor.len(), 13, "Jan 2014 … Jan 2015 inclusive");
    assert_eq!(labels(&t.major), ["2014", "2015"]);
}

#[test]
fn the_context_label_is_there_even_when_its_boundary_is_off_screen() {
    let s = TimeScale::new(day(2014, 8, 20), day(2014, 9, 10), 1000.0);
    let t = ticks(&s);
    assert_eq!(t.unit, TickUnit::Days);
    assert_eq!(labels(&t.major), ["Aug 2014", "Sep 2014"]);
    assert!(t.major[0].x < 0.0);
    assert_eq!(t.major[1].day, day(2014, 9, 1));
    assert_eq!(t.minor[0].label, "20");
    assert!(t.minor.iter().any(|tick| tick.label == "1"));
}

#[test]
fn weeks_fall_on_the_1st_8th_15th_and_22nd() {
    let s = TimeScale::new(day(2014, 3, 1), day(2014, 6, 1), 900.0);
    let t = ticks(&s);
    assert_eq!(t.unit, TickUnit::Weeks);
    assert!(t
        .minor
        .iter()
        .all(|tick| ["1", "8", "15", "22"].contains(&tick.label.as_str())));
    assert_eq!(&labels(&t.major)[..2], ["Mar 2014", "Apr 2014"]);
    assert_no_overlap(&t.minor);
}

#[test]
fn quarters_are_labelled_q1_to_q4() {
    let s = TimeScale::new(day(2012, 1, 1), day(2016, 1, 1), 900.0);
    let t = ticks(&s);
    assert_eq!(t.unit, TickUnit::Quarters);
    assert_eq!(&labels(&t.minor)[..5], ["Q1", "Q2", "Q3", "Q4", "Q1"]);
    assert_eq!(labels(&t.major), ["2012", "2013", "2014", "2015", "2016"]);
}

#[test]
fn years_before_the_common_era_read_as_bc() {
    let s = TimeScale::new(day(-500, 1, 1), day(-400, 1, 1), 1000.0);
    let t = ticks(&s);
    assert!(!t.minor.is_empty());
    assert!(
        t.minor.iter().all(|tick| tick.label.ends_with(" BC")),
        "{:?}",
        t.minor
    );
    assert_no_overlap(&t.minor);
    let days = TimeScale::new(day(-44, 3, 1), day(-44, 3, 25), 800.0);
    assert_eq!(ticks(&days).major[0].label, "Mar 45 BC");
}

#[test]
fn year_labels_match_the_dates_own_formatting() {
    for first in [-1_000_000, -44, 0, 1, 1983] {
        for year in [-100_000, -44, 0, 1, 1983, 12_345, 999_999, 1_000_000] {
            let mut out = ShortLabel::default();
            write_year_after(&mut out, first, year).unwrap();
            assert_eq!(out.as_str(), format_year_after(first, year));
        }
    }
}

#[test]
fn far_future_and_deep_past_do_not_panic() {
    for (a, b) in [
        (day(12_000, 1, 1), day(12_000, 2, 1)),
        (day(-999_000, 1, 1), day(999_000, 1, 1)),
        (-1e15, 1e15),
        (day(50_000, 1, 1), day(50_100, 1, 1)),
    ] {
        let t = ticks(&TimeScale::new(a, b, 1200.0));
        assert_no_overlap(&t.minor);
    }
    let millions = ticks(&TimeScale::new(
        day(-1_000_000, 1, 1),
        day(1_000_000, 1, 1),
        1000.0,
    ));
    assert!(millions.minor.len() >= 2, "{millions:?}");
    for label in ["AD 1", "AD 1000000"] {
        assert!(
            millions.minor.iter().any(|t| t.label == label),
            "{millions:?}"
        );
    }
}

#[test]
fn the_first_context_label_gives_way_to_the_next_at_the_left_edge() {
    // Weeks of May and June 2015, the window starting on 28 May: "May 2015" at the left
    // edge would run into "Jun 2015" a few pixels further on.
    let s = TimeScale::new(day(2015, 5, 28), day(2015, 8, 1), 900.0);
    let t = ticks(&s);
    assert_eq!(t.major[0].label, "", "{:?}", t.major);
    assert_eq!(t.major[1].label, "Jun 2015");
    // With room, it stays.
    let s = TimeScale::new(day(2015, 5, 10), day(2015, 7, 20), 900.0);
    assert_eq!(ticks(&s).major[0].label, "May 2015");
    assert_eq!(ticks(&s).major[0].label_x, 0.0);
}

#[test]
fn degenerate_scales_have_no_ticks() {
    for s in [
        TimeScale::new(10.0, 10.0, 500.0),
        TimeScale::new(10.0, 0.0, 500.0),
        TimeScale::new(0.0, 10.0, 0.0),
        TimeScale::new(f64::NAN, 10.0, 500.0),
        TimeScale::new(0.0, f64::INFINITY, 500.0),
    ] {
        let t = ticks(&s);
        assert!(t.minor.is_empty() && t.major.is_empty());
    }
}

#[test]
fn a_tiny_axis_drops_labels_rather_than_overlapping_them() {
    let t = ticks(&TimeScale::new(-1e12, 1e12, 12.0));
    assert!(t.minor.len() <= 1);
    let t = ticks(&TimeScale::new(day(1900, 1, 1), day(2100, 1, 1), 20.0));
    assert_no_overlap(&t.minor);
}

#[test]
fn round_numbers_before_the_common_era_fall_on_round_years() {
    let scale = TimeScale::new(
        days_from_civil(-3200, 1, 1) as f64,
        days_from_civil(1600, 1, 1) as f64,
        960.0,
    );
    let t = ticks(&scale);
    let round = labels(&t.minor);
    assert!(round.contains(&"3000 BC"), "{round:?}");
    assert!(round.contains(&"AD 1000"), "{round:?}");
    assert!(
        !round
            .iter()
            .any(|l| l.starts_with("3001") || l.starts_with("2501")),
        "{round:?}"
    );
    let single = TimeScale::new(
        days_from_civil(-3, 1, 1) as f64,
        days_from_civil(4, 1, 1) as f64,
        960.0,
    );
    let years = ticks(&single);
    let years = labels(&years.major);
    assert!(
        years.windows(2).any(|w| w == ["1 BC", "AD 1"]),
        "no year 0: {years:?}"
    );
}

/// The year of a tick as readers count it (1 BC = -1, AD 1 = 1).
fn readers_year_of(tick: &Tick) -> i64 {
    let year = i64::from(civil_from_days(tick.day as i64).0);
    if year > 0 {
        year
    } else {
        year - 1
    }
}

/// The window's minor ticks whose labels the axis draws whole (the scene leaves out a label
/// that would run past the right edge).
fn drawn_whole(ticks: &[Tick], width: f64) -> usize {
    ticks
        .iter()
        .filter(|t| !t.label.is_empty() && t.label_x + label_width(&t.label) <= width)
        .count()
}

#[test]
fn the_era_boundary_has_its_tick_and_the_steps_either_side_are_even() {
    for (from, to, width, around) in [
        (-19, 21, 1000.0, ["10 BC", "5 BC", "AD 1", "AD 5", "AD 10"]),
        (
            -1999,
            2001,
            900.0,
            ["1000 BC", "500 BC", "AD 1", "AD 500", "AD 1000"],
        ),
    ] {
        let t = ticks(&TimeScale::new(day(from, 1, 1), day(to, 1, 1), width));
        let l = labels(&t.minor);
        assert!(l.windows(5).any(|w| w == around), "{:?} {l:?}", t.unit);
        let era = t.minor.iter().find(|t| t.label == "AD 1").unwrap();
        assert_eq!(era.day, day(1, 1, 1), "at 1 January AD 1, the era boundary");
    }
}

#[test]
fn long_windows_across_the_era_have_several_labels() {
    // The windows of the review: 9001 BC – AD 8999 had no tick at all, 5001 BC – AD 14999
    // "10000" alone, and a chronology of ±1,000,000 years (3% margins) "1000000 BC" alone.
    for (from, to) in [
        (-9_000, 8_999),
        (-5_000, 14_999),
        (-1_060_000, 1_060_000),
        (-MAX_ABS_YEAR, 2_000),
        (-30_000, -10_000),
        (0, MAX_ABS_YEAR),
    ] {
        for width in [360.0, 1000.0, 1600.0] {
            let t = ticks(&TimeScale::new(day(from, 1, 1), day(to, 1, 1), width));
            let wanted = if width < 500.0 { 2 } else { 4 };
            assert!(
                drawn_whole(&t.minor, width) >= wanted,
                "{from}..{to} at {width} px: {:?} {:?}",
                t.unit,
                labels(&t.minor)
            );
            assert_no_overlap(&t.minor);
        }
    }
}

#[test]
fn label_widths_grow_with_the_text() {
    assert_eq!(label_width(""), 0.0);
    assert!(label_width("Sep 2014") > label_width("Sep"));
    assert!(
        label_width("2014") >= 4.0 * 6.5,
        "digits are ~6.7px at 12px"
    );
    assert!(
        label_width("日本") > label_width("ab"),
        "kanji are full width"
    );
}

proptest! {
    #[test]
    fn ticks_are_ordered_inside_the_axis_and_never_overlap(
        start in -400_000_000.0f64..400_000_000.0,
        log_span in -1.0f64..9.0,
        width in 1.0f64..3000.0,
    ) {
        let s = TimeScale::new(start, start + 10f64.powf(log_span), width);
        let t = ticks(&s);
        for pair in t.minor.windows(2) {
            prop_assert!(pair[0].x + label_width(&pair[0].label) + TICK_LABEL_GAP <= pair[1].x);
        }
        for pair in t.major.windows(2) {
            prop_assert!(pair[0].x < pair[1].x);
        }
        for tick in &t.minor {
            prop_assert_eq!(tick.label_x, tick.x);
            prop_assert!(!tick.label.is_empty());
        }
        for tick in &t.minor {
            prop_assert!(tick.x >= 0.0 && tick.x <= width, "{:?}", tick);
        }
        if let Some(first) = t.major.first() {
            prop_assert!(first.x <= 0.0 && first.day <= s.start);
        }
    }

    /// Whatever the window and width, no two labels drawn on the same tier overlap (each
    /// occupies `[label_x, label_x + label_width]`, with a gap before the next), the
    /// context tier's first label included where it sticks to the left edge.
    #[test]
    fn drawn_labels_of_a_tier_never_overlap(
        start_year in -1_030_000.0f64..1_030_000.0,
        log_span in 0.5f64..8.9,
        width in 40.0f64..3000.0,
    ) {
        let start = start_year * 365.2425;
        let s = TimeScale::new(start, start + 10f64.powf(log_span), width);
        let t = ticks(&s);
        for tier in [&t.minor, &t.major] {
            let drawn: Vec<&Tick> = tier.iter().filter(|t| !t.label.is_empty()).collect();
            for tick in &drawn {
                prop_assert!(tick.label_x >= 0.0 && tick.label_x <= width, "{:?}", tick);
            }
            for pair in drawn.windows(2) {
                prop_assert!(
                    pair[0].label_x + label_width(&pair[0].label) + TICK_LABEL_GAP <= pair[1].label_x + 1e-9,
                    "{:?} overlaps {:?}", pair[0], pair[1]
                );
            }
        }
    }

    /// Across the era boundary, the ticks are the years that are multiples of the step as
    /// readers count them and AD 1 between them: every interval is the step, but AD 1 to
    /// AD step, a year short; 1 January AD 1 has its tick wherever the window shows it; BC
    /// years read "BC" and AD years "AD" (the window starts BC).
    #[test]
    fn year_ticks_across_the_era_are_evenly_spaced(
        before in 0.0f64..1.0,
        log_span in 0.5f64..6.4,
        width in 200.0f64..3000.0,
    ) {
        let span = 10f64.powf(log_span) * 365.2425;
        let era = day(1, 1, 1);
        let s = TimeScale::new(era - before * span, era + (1.0 - before) * span, width);
        prop_assume!(s.start < era - 1.0);
        let t = ticks(&s);
        prop_assert!(!t.minor.is_empty(), "{:?}", t);
        if s.to_px(era) <= width {
            prop_assert!(t.minor.iter().any(|tick| tick.day == era), "{:?}", t);
        }
        let years = if t.unit.year_step().is_some() { &t.minor } else { &t.major };
        for tick in years.iter().filter(|tick| !tick.label.is_empty()) {
            let era = if readers_year_of(tick) < 0 { " BC" } else { "AD " };
            prop_assert!(tick.label.contains(era), "{:?}", tick);
        }
        if let Some(step) = t.unit.year_step() {
            for pair in t.minor.windows(2) {
                let (a, b) = (readers_year_of(&pair[0]), readers_year_of(&pair[1]));
                prop_assert!(b % step == 0 || b == 1, "{} {:?}", step, pair);
                let years = |y: i64| if y > 0 { y } else { y + 1 };
                let expected = if a == 1 && step > 1 { step - 1 } else { step };
                prop_assert_eq!(years(b) - years(a), expected, "{:?}", pair);
            }
        }
    }

    /// Any window of a few days or more, anywhere among the dates the explorer accepts, on an
    /// axis of a usual width, has several labels, drawn whole and apart.
    #[test]
    fn every_window_has_several_labels(
        start_year in -1_030_000.0f64..1_030_000.0,
        log_span in 0.5f64..8.9,
        width in 300.0f64..3000.0,
    ) {
        let start = start_year * 365.2425;
        let s = TimeScale::new(start, start + 10f64.powf(log_span), width);
        let t = ticks(&s);
        let wanted = match width {
            w if w >= 800.0 => 3,
            w if w >= 500.0 => 2,
            _ => 1,
        };
        prop_assert!(
            drawn_whole(&t.minor, width) >= wanted,
            "{:?} {:?}", t.unit, labels(&t.minor)
        );
        assert_no_overlap(&t.minor);
    }

    #[test]
    fn zooming_in_never_coarsens_the_unit(
        start in -100_000_000.0f64..100_000_000.0,
        log_span in 0.0f64..8.0,
        width in 100.0f64..2500.0,
        zoom in 1.0f64..1000.0,
        anchor in 0.0f64..1.0,
    ) {
        let span = 10f64.powf(log_span);
        let outer = TimeScale::new(start, start + span, width);
        let inner_start = start + anchor * (span - span / zoom);
        let inner = TimeScale::new(inner_start, inner_start + span / zoom, width);
        prop_assert!(
            ticks(&inner).unit.nominal_days() <= ticks(&outer).unit.nominal_days(),
            "{:?} -> {:?}", ticks(&outer).unit, ticks(&inner).unit
        );
    }

    #[test]
    fn pixels_round_trip_to_days(
        start in -400_000_000.0f64..400_000_000.0,
        span in 1.0f64..1e9,
        width in 1.0f64..5000.0,
        fraction in -2.0f64..3.0,
    ) {
        let s = TimeScale::new(start, start + span, width);
        let d = start + fraction * span;
        prop_assert!((s.to_day(s.to_px(d)) - d).abs() <= 1e-9 * (d.abs() + span));
    }
}

#[test]
fn a_text_beside_a_line_stays_in_the_drawing_where_it_can() {
    // Room on the right: after the line.
    assert_eq!(beside_line(100.0, 200.0, 400.0, 4.0), (104.0, false));
    // Near the right edge: ending at the line, on its left.
    assert_eq!(beside_line(300.0, 200.0, 400.0, 4.0), (296.0, true));
    // Room on neither side: the side with more.
    assert_eq!(beside_line(150.0, 300.0, 400.0, 4.0), (154.0, false));
    assert_eq!(beside_line(250.0, 300.0, 400.0, 4.0), (246.0, true));
}
