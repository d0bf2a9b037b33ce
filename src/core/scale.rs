//! Time ⇄ pixels for the visible window, and "nice" axis ticks that adapt from a million years
//! down to single days (after d3-scale's `scaleTime().ticks()` and d3-time's intervals).
//!
//! Time is `f64` days since 1970-01-01 (proleptic Gregorian), exactly as
//! [`PartialDate::first_day`](crate::core::date::PartialDate::first_day); pixels are CSS pixels.
//! Ticks are computed from the window start, so their cost is proportional to what is visible,
//! never to the data range or to the distance from year 0.

use crate::core::date::MONTH_ABBREVIATIONS;

mod axis;
mod cursor;

pub use axis::ticks;

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
    TwoCenturies,
    FiveCenturies,
    Millennia,
    TwoMillennia,
    FiveMillennia,
    TenThousandYears,
    TwentyThousandYears,
    FiftyThousandYears,
    HundredThousandYears,
    TwoHundredThousandYears,
    FiveHundredThousandYears,
    /// Coarse enough for any date the explorer accepts (±1,000,000 years).
    MillionYears,
}

impl TickUnit {
    /// Every unit, finest first: the order in which [`ticks`] tries them. From years on, the
    /// steps go 1, 2, 5, 10, 20, 50, … so that the next coarser unit, where one's labels do not
    /// fit, is never more than 2.5 times as sparse: never a single tick (or none) on a wide axis.
    pub const FINE_TO_COARSE: [TickUnit; 23] = [
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
        TickUnit::TwoCenturies,
        TickUnit::FiveCenturies,
        TickUnit::Millennia,
        TickUnit::TwoMillennia,
        TickUnit::FiveMillennia,
        TickUnit::TenThousandYears,
        TickUnit::TwentyThousandYears,
        TickUnit::FiftyThousandYears,
        TickUnit::HundredThousandYears,
        TickUnit::TwoHundredThousandYears,
        TickUnit::FiveHundredThousandYears,
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
            TickUnit::TwoCenturies => 200,
            TickUnit::FiveCenturies => 500,
            TickUnit::Millennia => 1_000,
            TickUnit::TwoMillennia => 2_000,
            TickUnit::FiveMillennia => 5_000,
            TickUnit::TenThousandYears => 10_000,
            TickUnit::TwentyThousandYears => 20_000,
            TickUnit::FiftyThousandYears => 50_000,
            TickUnit::HundredThousandYears => 100_000,
            TickUnit::TwoHundredThousandYears => 200_000,
            TickUnit::FiveHundredThousandYears => 500_000,
            TickUnit::MillionYears => 1_000_000,
            TickUnit::Days | TickUnit::Weeks | TickUnit::Months | TickUnit::Quarters => {
                return None
            }
        })
    }

    /// Smallest and largest number of days between consecutive ticks (calendar irregularity),
    /// leaving aside the one interval a year short of the step at the era (AD 1 to AD step).
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

/// Where a text `w` px wide goes beside a line at `x` in a drawing `width` px wide, `gap` px from
/// it: its start, and whether it ends at the line (on its left) rather than starting after it.
/// On the right where it fits, else on the left where it fits, else on the side with more room
/// (a story's marked moment near the drawing's right edge ran past it).
pub fn beside_line(x: f64, w: f64, width: f64, gap: f64) -> (f64, bool) {
    let right = width - (x + gap);
    let left = x - gap;
    if w <= right || (w > left && right >= left) {
        (x + gap, false)
    } else {
        (x - gap, true)
    }
}

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

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
