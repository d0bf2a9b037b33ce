//! Stepping through the calendar's tick sequences, and writing their labels.

use super::TickUnit;
use crate::core::date::{civil_from_days, days_from_civil, MONTH_ABBREVIATIONS};
use std::fmt::{self, Write as _};

/// How a tick's label is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LabelStyle {
    Year,
    Quarter,
    Month,
    MonthYear,
    DayOfMonth,
}

pub(super) fn minor_style(unit: TickUnit) -> LabelStyle {
    match unit {
        TickUnit::Days | TickUnit::Weeks => LabelStyle::DayOfMonth,
        TickUnit::Months => LabelStyle::Month,
        TickUnit::Quarters => LabelStyle::Quarter,
        _ => LabelStyle::Year,
    }
}

/// A position on one of the calendar's tick sequences; advancing is O(1).
#[derive(Clone, Copy, Debug)]
pub(super) enum Cursor {
    /// 1 January of the year numbered `year` as readers count (…, 2 BC = -2, 1 BC = -1, AD 1 = 1;
    /// never 0), stepping `step` years. The ticks are the years that are multiples of `step` as
    /// readers count them, so that round numbers fall on round years, "3000 BC" as much as
    /// "AD 2000", and AD 1, the era boundary, in the place of the year 0 readers do not count:
    /// … 10 BC, 5 BC, AD 1, AD 5, AD 10 … Every interval is `step` years (5 BC to AD 1 too)
    /// but the one from AD 1 to AD `step`, a year short (there is no year 0 to count).
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

/// The last year tick of `step` at or before the year `readers` (as readers count it): the
/// multiple of `step` at or before it, or AD 1 where that multiple would be the year 0.
fn year_tick_at_or_before(readers: i64, step: i64) -> i64 {
    match readers.div_euclid(step) * step {
        0 => 1,
        aligned => aligned,
    }
}

/// The year tick of `step` after the year tick `readers`: the next multiple of `step`, or AD 1
/// where that would be the year 0 (so that step BC to AD 1 is `step` years, as elsewhere).
fn year_tick_after(readers: i64, step: i64) -> i64 {
    match (readers.div_euclid(step) + 1) * step {
        0 => 1,
        next => next,
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
    pub(super) fn first_at_or_after(unit: TickUnit, lo: f64) -> Cursor {
        let (year, month, _) = civil_from_days(lo.floor() as i64);
        let mut cursor = match unit.year_step() {
            Some(step) => Cursor::Years {
                year: year_tick_at_or_before(readers_year(i64::from(year)), step),
                step,
            },
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
    pub(super) fn year_containing(lo: f64) -> Cursor {
        let (year, _, _) = civil_from_days(lo.floor() as i64);
        Cursor::Years {
            year: readers_year(i64::from(year)),
            step: 1,
        }
    }

    /// The month containing day `lo` (its 1st may lie before `lo`).
    pub(super) fn month_containing(lo: f64) -> Cursor {
        let (year, month, _) = civil_from_days(lo.floor() as i64);
        Cursor::Months {
            index: month_index(year, month),
            step: 1,
        }
    }

    pub(super) fn day(&self) -> i64 {
        match *self {
            Cursor::Years { year, .. } => days_from_civil(astronomical_year(year) as i32, 1, 1),
            Cursor::Months { index, .. } => month_start(index, 1),
            Cursor::Weeks { index, slot } => month_start(index, 1 + 7 * slot),
            Cursor::Days { day } => day,
        }
    }

    pub(super) fn advance(&mut self) {
        match self {
            Cursor::Years { year, step } => *year = year_tick_after(*year, *step),
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

    /// Writes the tick's label in `style` on an axis whose window starts in the (astronomical)
    /// year `first`: its AD years read "AD 5" where that is BC, as the later end of a range
    /// does ([`format_year_after`](crate::core::date::format_year_after)).
    pub(super) fn write_label(&self, style: LabelStyle, first: i32, out: &mut ShortLabel) {
        out.clear();
        let (year, month, day) = civil_from_days(self.day());
        // Writing to a ShortLabel only fails on overflow, which no calendar label reaches.
        let _ = match style {
            LabelStyle::Year => write_year_after(out, first, year),
            LabelStyle::Quarter => write!(out, "Q{}", (month - 1) / 3 + 1),
            LabelStyle::Month => out.write_str(MONTH_ABBREVIATIONS[usize::from(month - 1)]),
            LabelStyle::MonthYear => {
                let _ = write!(out, "{} ", MONTH_ABBREVIATIONS[usize::from(month - 1)]);
                write_year_after(out, first, year)
            }
            LabelStyle::DayOfMonth => write!(out, "{day}"),
        };
    }
}

/// The same text as [`format_year_after`](crate::core::date::format_year_after) ("1983",
/// "45 BC", and "AD 9" after a year BC), written without allocating.
pub(super) fn write_year_after(out: &mut ShortLabel, first: i32, year: i32) -> fmt::Result {
    if year <= 0 {
        write!(out, "{} BC", 1 - i64::from(year))
    } else if first <= 0 {
        write!(out, "AD {year}")
    } else {
        write!(out, "{year}")
    }
}

/// A short label on the stack, so that trying (and rejecting) a tick unit allocates nothing.
#[derive(Clone, Copy, Default)]
pub(super) struct ShortLabel {
    bytes: [u8; 32],
    len: usize,
}

impl ShortLabel {
    fn clear(&mut self) {
        self.len = 0;
    }

    pub(super) fn as_str(&self) -> &str {
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
