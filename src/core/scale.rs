//! Time ⇄ pixels for the visible window, and "nice" axis ticks that adapt from a million years
//! down to single days (after d3-scale's `scaleTime().ticks()` and d3-time's intervals).
//!
//! Time is `f64` days since 1970-01-01 (proleptic Gregorian), exactly as
//! [`PartialDate::first_day`](crate::core::date::PartialDate::first_day); pixels are CSS pixels.
//! Ticks are computed from the window start, so their cost is proportional to what is visible,
//! never to the data range or to the distance from year 0.

use std::fmt::{self, Write as _};

use crate::core::date::{civil_from_days, days_from_civil, MONTH_ABBREVIATIONS};

/// A linear map from a window of days `[start, end]` onto `[0, width]` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub start: f64,
    pub end: f64,
    pub width: f64,
}

impl TimeScale {
    /// A scale for the window `[start, end]` drawn `width` px wide. Callers pass a non-empty
    /// window and a positive width; [`ticks`] and layout return nothing for degenerate scales.
    pub fn new(start: f64, end: f64, width: f64) -> Self {
        Self { start, end, width }
    }

    /// The x position of a day.
    pub fn to_px(&self, day: f64) -> f64 {
        (day - self.start) * self.px_per_day()
    }

    /// The day under an x position (the inverse of [`to_px`](Self::to_px)).
    pub fn to_day(&self, px: f64) -> f64 {
        let per_day = self.px_per_day();
        if per_day > 0.0 {
            self.start + px / per_day
        } else {
            self.start
        }
    }

    /// Pixels per day: what decides how fine the axis can go.
    pub fn px_per_day(&self) -> f64 {
        let span = self.end - self.start;
        if span > 0.0 && span.is_finite() {
            self.width / span
        } else {
            0.0
        }
    }

    /// Whether the scale maps a real window onto real pixels (finite, non-empty, positive width).
    pub fn is_usable(&self) -> bool {
        self.start.is_finite()
            && self.end.is_finite()
            && self.end > self.start
            && self.width.is_finite()
            && self.width > 0.0
            && self.px_per_day().is_finite()
            && self.px_per_day() > 0.0
    }
}

/// The calendar step between two ticks, from finest to coarsest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TickUnit {
    Days,
    /// Days 1, 8, 15 and 22 of each month (d3 style, so weeks never straddle a month label).
    Weeks,
    Months,
    Quarters,
    Years,
    TwoYears,
    FiveYears,
    Decades,
    TwentyYears,
    FiftyYears,
    Centuries,
    FiveCenturies,
    Millennia,
    TenThousandYears,
    HundredThousandYears,
    /// Coarse enough for any date the explorer accepts (±1,000,000 years).
    MillionYears,
}

impl TickUnit {
    /// Every unit, finest first: the order in which [`ticks`] tries them.
    pub const FINE_TO_COARSE: [TickUnit; 16] = [
        TickUnit::Days,
        TickUnit::Weeks,
        TickUnit::Months,
        TickUnit::Quarters,
        TickUnit::Years,
        TickUnit::TwoYears,
        TickUnit::FiveYears,
        TickUnit::Decades,
        TickUnit::TwentyYears,
        TickUnit::FiftyYears,
        TickUnit::Centuries,
        TickUnit::FiveCenturies,
        TickUnit::Millennia,
        TickUnit::TenThousandYears,
        TickUnit::HundredThousandYears,
        TickUnit::MillionYears,
    ];

    /// Typical days between two ticks: a total order on fineness (smaller is finer).
    pub fn nominal_days(self) -> f64 {
        match self.year_step() {
            Some(years) => years as f64 * 365.2425,
            None => match self {
                TickUnit::Days => 1.0,
                TickUnit::Weeks => 7.6,
                TickUnit::Months => 30.44,
                _ => 91.31,
            },
        }
    }

    /// Years between ticks for the year-based units.
    fn year_step(self) -> Option<i64> {
        Some(match self {
            TickUnit::Years => 1,
            TickUnit::TwoYears => 2,
            TickUnit::FiveYears => 5,
            TickUnit::Decades => 10,
            TickUnit::TwentyYears => 20,
            TickUnit::FiftyYears => 50,
            TickUnit::Centuries => 100,
            TickUnit::FiveCenturies => 500,
            TickUnit::Millennia => 1_000,
            TickUnit::TenThousandYears => 10_000,
            TickUnit::HundredThousandYears => 100_000,
            TickUnit::MillionYears => 1_000_000,
            TickUnit::Days | TickUnit::Weeks | TickUnit::Months | TickUnit::Quarters => {
                return None
            }
        })
    }

    /// Smallest and largest number of days between consecutive ticks (calendar irregularity).
    fn spacing_bounds(self) -> (f64, f64) {
        match self.year_step() {
            Some(years) => (365.0 * years as f64, 366.0 * years as f64),
            None => match self {
                TickUnit::Days => (1.0, 1.0),
                // 1→8→15→22 are 7 days apart; 22 → the next 1st is 7 to 10 days.
                TickUnit::Weeks => (7.0, 10.0),
                TickUnit::Months => (28.0, 31.0),
                _ => (90.0, 92.0),
            },
        }
    }

    /// The narrowest label the unit can have: below this spacing it cannot fit anywhere.
    fn narrowest_label(self) -> f64 {
        match self {
            TickUnit::Months => MONTH_ABBREVIATIONS
                .iter()
                .map(|m| label_width(m))
                .fold(f64::INFINITY, f64::min),
            TickUnit::Quarters => label_width("Q1"),
            _ => label_width("1"),
        }
    }
}

/// One tick: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub x: f64,
    /// Empty where the label is left out (so as not to overlap its neighbour).
    pub label: String,
    /// Where the label starts (it is left-aligned): at the tick, except the context tier's
    /// first label, which sticks to the left edge when its tick is off-screen.
    pub label_x: f64,
}

/// The two tiers of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    /// The unit of the lower (minor) tier.
    pub unit: TickUnit,
    /// Lower tier, left-aligned labels that never overlap, all within `[0, width]`.
    pub minor: Vec<Tick>,
    /// Context tier (years over quarters/months, "Sep 2014" over weeks/days), empty for years
    /// and coarser. The first major tick is the period containing the window start, so its
    /// `x` may be negative: the UI sticks that label to the left edge.
    pub major: Vec<Tick>,
}

/// Horizontal gap in px required between the end of one tick label and the next tick.
pub const TICK_LABEL_GAP: f64 = 8.0;

/// More ticks than this are never generated, whatever the width (a guard, not a layout rule).
const MAX_TICKS: f64 = 4_000.0;

/// Ticks are only generated within ±~9.8 million years, where calendar arithmetic is exact
/// and years fit an `i32` (dates are limited to ±1,000,000 years anyway).
const SAFE_DAYS: f64 = 3.6e9;

/// Estimated width in px of an axis label (conservative, for ~11-12px sans-serif).
///
/// Over-estimating is the safe side: a label estimated too wide only costs a coarser axis,
/// one estimated too narrow overlaps its neighbour.
pub fn label_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

/// Conservative advance widths of a 12px sans-serif (Arial/Helvetica metrics, rounded up).
fn char_width(c: char) -> f64 {
    match c {
        '0'..='9' => 7.0,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 3.5,
        'f' | 't' | 'r' | ' ' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 4.5,
        'm' | 'w' => 10.5,
        'M' | 'W' => 11.5,
        'a'..='z' => 7.0,
        'A'..='Z' => 8.5,
        '+' | '=' | '<' | '>' | '~' | '#' | '$' | '_' => 7.5,
        '%' | '@' | '&' => 11.5,
        c if c.is_ascii_control() => 0.0,
        c if c.is_ascii() => 7.0,
        c if is_wide(c) => 12.5,
        _ => 8.0,
    }
}

/// East Asian full-width characters (kana, kanji, hangul, full-width forms) take a full em.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Ticks for the visible window only: the finest unit whose labels do not overlap.
///
/// Placement: each minor label is left-aligned at its tick and occupies
/// `[x, x + label_width(label)]`; a unit is chosen only if every label ends at least
/// [`TICK_LABEL_GAP`] before the next tick. Labels: years "1990" (or "45 BC"), quarters "Q3",
/// months "Sep", weeks and days the day of the month "6"; the major tier carries the context.
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
    let mut previous_end = f64::NEG_INFINITY;
    let mut cursor = Cursor::first_at_or_after(unit, lo);
    let mut label = ShortLabel::default();
    while (cursor.day() as f64) <= hi {
        let x = scale.to_px(cursor.day() as f64);
        if (0.0..=scale.width).contains(&x) {
            if x < previous_end + TICK_LABEL_GAP {
                return false;
            }
            cursor.write_label(minor_style(unit), &mut label);
            previous_end = x + label_width(label.as_str());
        }
        cursor.advance();
    }
    true
}

fn minor_ticks(unit: TickUnit, scale: &TimeScale, lo: f64, hi: f64) -> Vec<Tick> {
    let mut ticks: Vec<Tick> = Vec::new();
    let mut previous_end = f64::NEG_INFINITY;
    let mut cursor = Cursor::first_at_or_after(unit, lo);
    let mut label = ShortLabel::default();
    while (cursor.day() as f64) <= hi {
        let day = cursor.day() as f64;
        let x = scale.to_px(day);
        // Thinning only ever removes anything in the degenerate fallback case.
        if (0.0..=scale.width).contains(&x) && x >= previous_end + TICK_LABEL_GAP {
            cursor.write_label(minor_style(unit), &mut label);
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

fn major_ticks(unit: TickUnit, scale: &TimeScale, lo: f64, hi: f64) -> Vec<Tick> {
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
        cursor.write_label(style, &mut label);
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

/// How a tick's label is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelStyle {
    Year,
    Quarter,
    Month,
    MonthYear,
    DayOfMonth,
}

fn minor_style(unit: TickUnit) -> LabelStyle {
    match unit {
        TickUnit::Days | TickUnit::Weeks => LabelStyle::DayOfMonth,
        TickUnit::Months => LabelStyle::Month,
        TickUnit::Quarters => LabelStyle::Quarter,
        _ => LabelStyle::Year,
    }
}

/// A position on one of the calendar's tick sequences; advancing is O(1).
#[derive(Clone, Copy, Debug)]
enum Cursor {
    /// 1 January of the year numbered `year` as readers count (…, 2 BC = -2, 1 BC = -1, AD 1 = 1;
    /// never 0), stepping `step` years: round numbers fall on round years, "3000 BC" as much as
    /// "AD 2000".
    Years {
        year: i64,
        step: i64,
    },
    /// The 1st of month `index` (`year * 12 + month - 1`), stepping `step` months.
    Months {
        index: i64,
        step: i64,
    },
    /// Day `1 + 7 * slot` of month `index`.
    Weeks {
        index: i64,
        slot: u8,
    },
    Days {
        day: i64,
    },
}

/// The year as readers number it (1 BC = -1, no year 0) from the astronomical year (1 BC = 0).
fn readers_year(astronomical: i64) -> i64 {
    if astronomical > 0 {
        astronomical
    } else {
        astronomical - 1
    }
}

/// The astronomical year of a year as readers number it.
fn astronomical_year(readers: i64) -> i64 {
    if readers > 0 {
        readers
    } else {
        readers + 1
    }
}

fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn month_start(index: i64, day: u8) -> i64 {
    // Years stay within i32 because tick ranges are limited to SAFE_DAYS.
    let year = index.div_euclid(12) as i32;
    let month = index.rem_euclid(12) as u8 + 1;
    days_from_civil(year, month, day)
}

impl Cursor {
    /// The first tick of `unit` on or after day `lo`, computed from `lo` alone.
    fn first_at_or_after(unit: TickUnit, lo: f64) -> Cursor {
        let (year, month, _) = civil_from_days(lo.floor() as i64);
        let mut cursor = match unit.year_step() {
            Some(step) => {
                let aligned = readers_year(i64::from(year)).div_euclid(step) * step;
                Cursor::Years {
                    // There is no year 0: the tick before AD 1–step is step years BC.
                    year: if aligned == 0 { -step } else { aligned },
                    step,
                }
            }
            None => match unit {
                TickUnit::Days => Cursor::Days {
                    day: lo.floor() as i64,
                },
                TickUnit::Weeks => Cursor::Weeks {
                    index: month_index(year, month),
                    slot: 0,
                },
                TickUnit::Months => Cursor::Months {
                    index: month_index(year, month),
                    step: 1,
                },
                _ => Cursor::Months {
                    index: month_index(year, month).div_euclid(3) * 3,
                    step: 3,
                },
            },
        };
        // At most a handful of steps: the cursor starts at the boundary at or before `lo`.
        while (cursor.day() as f64) < lo {
            cursor.advance();
        }
        cursor
    }

    /// The year containing day `lo` (its 1 January may lie before `lo`).
    fn year_containing(lo: f64) -> Cursor {
        let (year, _, _) = civil_from_days(lo.floor() as i64);
        Cursor::Years {
            year: readers_year(i64::from(year)),
            step: 1,
        }
    }

    /// The month containing day `lo` (its 1st may lie before `lo`).
    fn month_containing(lo: f64) -> Cursor {
        let (year, month, _) = civil_from_days(lo.floor() as i64);
        Cursor::Months {
            index: month_index(year, month),
            step: 1,
        }
    }

    fn day(&self) -> i64 {
        match *self {
            Cursor::Years { year, .. } => days_from_civil(astronomical_year(year) as i32, 1, 1),
            Cursor::Months { index, .. } => month_start(index, 1),
            Cursor::Weeks { index, slot } => month_start(index, 1 + 7 * slot),
            Cursor::Days { day } => day,
        }
    }

    fn advance(&mut self) {
        match self {
            Cursor::Years { year, step } => {
                *year += *step;
                if *year == 0 {
                    *year += *step;
                }
            }
            Cursor::Months { index, step } => *index += *step,
            Cursor::Weeks { index, slot } => {
                if *slot == 3 {
                    *index += 1;
                    *slot = 0;
                } else {
                    *slot += 1;
                }
            }
            Cursor::Days { day } => *day += 1,
        }
    }

    fn write_label(&self, style: LabelStyle, out: &mut ShortLabel) {
        out.clear();
        let (year, month, day) = civil_from_days(self.day());
        // Writing to a ShortLabel only fails on overflow, which no calendar label reaches.
        let _ = match style {
            LabelStyle::Year => write_year(out, year),
            LabelStyle::Quarter => write!(out, "Q{}", (month - 1) / 3 + 1),
            LabelStyle::Month => out.write_str(MONTH_ABBREVIATIONS[usize::from(month - 1)]),
            LabelStyle::MonthYear => {
                let _ = write!(out, "{} ", MONTH_ABBREVIATIONS[usize::from(month - 1)]);
                write_year(out, year)
            }
            LabelStyle::DayOfMonth => write!(out, "{day}"),
        };
    }
}

/// The same text as [`format_year`](crate::core::date::format_year) ("1983", "45 BC"), written
/// without allocating.
fn write_year(out: &mut ShortLabel, year: i32) -> fmt::Result {
    if year <= 0 {
        write!(out, "{} BC", 1 - i64::from(year))
    } else {
        write!(out, "{year}")
    }
}

/// A short label on the stack, so that trying (and rejecting) a tick unit allocates nothing.
#[derive(Clone, Copy, Default)]
struct ShortLabel {
    bytes: [u8; 32],
    len: usize,
}

impl ShortLabel {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Write for ShortLabel {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.bytes.len() {
            return Err(fmt::Error);
        }
        self.bytes[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::date::format_year;
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
        for year in [-100_000, -44, 0, 1, 1983, 12_345, 999_999] {
            let mut out = ShortLabel::default();
            write_year(&mut out, year).unwrap();
            assert_eq!(out.as_str(), format_year(year));
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
        assert!(millions.minor.iter().any(|t| t.label == "1000000"));
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
        assert!(round.contains(&"1000"), "{round:?}");
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
            years.windows(2).any(|w| w == ["1 BC", "1"]),
            "no year 0: {years:?}"
        );
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
            start in -2_000_000.0f64..2_000_000.0,
            log_span in 0.5f64..7.0,
            width in 40.0f64..3000.0,
        ) {
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
}
