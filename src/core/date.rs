//! Partial dates: a year, a month of a year, or a day, each exactly as precise as its source,
//! and the uncertain dates of EDTF (ISO 8601-2, level 1).
//!
//! "1983" is the whole year 1983, not 1 January 1983. A date covers a half-open range of days
//! `[first_day, end_day)` counted from 1970-01-01 in the proleptic Gregorian calendar, so year-only
//! and month-only dates can be drawn as what they are: intervals.
//!
//! EDTF level 1 adds, and this type keeps exactly as written:
//!
//! | written | meaning | stated range | possible range (`first_day`..`end_day`) |
//! |---|---|---|---|
//! | `2004~` | approximately 2004 ("circa 2004") | 2004 | 2003–2005: one unit of its precision either side |
//! | `2004-06~` | approximately June 2004 | June 2004 | May–July 2004 |
//! | `2004?` | 2004, but the source is not sure | 2004 | 2004 (uncertain is not wider: nothing says in which direction it may be wrong) |
//! | `2004%` | both | 2004 | 2003–2005 |
//! | `199X` | some year of the 1990s (unspecified digit) | 1990–1999 | 1990–1999 |
//! | `19XX`, `1XXX` | some year of the 1900s, of the 1000s | 1900–1999, 1000–1999 | the same |
//! | `2004-XX`, `2004-XX-XX` | some month, some day of 2004 | 2004 | 2004 |
//! | `1985-04-XX` | some day of April 1985 | April 1985 | April 1985 |
//! | `2001-21` … `2001-24` | spring, summer, autumn, winter 2001 | Mar–May, Jun–Aug, Sep–Nov, Dec 2001–Feb 2002 | the same (±3 months when approximate) |
//! | `Y170000` | a year of more than four digits | | |
//!
//! Qualifiers combine with all of these (`199X~` is "circa the 1990s": 1980–2009). Intervals
//! (`1990/2003`, `2016/..`) are two dates, see [`crate::core::edtf`].

use std::cmp::Ordering;
use std::fmt;

mod calendar;
mod format;
mod parse;
mod partial;

pub use calendar::{
    civil_from_days, days_from_civil, days_in_month, is_leap_year, month_name, ordinal_suffix,
    MAX_ABS_YEAR, MONTH_ABBREVIATIONS,
};
pub use format::{format_year, format_year_after, Remark};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use parse::DATE_PATTERN;

/// How precise a date is: the finest part it states. A season counts as a month; a date whose
/// month is unspecified (`2004-XX`) is as precise as its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// The EDTF qualifier of a whole date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    /// As stated.
    #[default]
    None,
    /// `?`: the source is not sure of it.
    Uncertain,
    /// `~`: about then ("circa").
    Approximate,
    /// `%`: both.
    UncertainApproximate,
}

impl Qualifier {
    /// The EDTF suffix: "", "?", "~" or "%".
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::None => "",
            Qualifier::Uncertain => "?",
            Qualifier::Approximate => "~",
            Qualifier::UncertainApproximate => "%",
        }
    }

    pub fn from_symbol(c: char) -> Option<Self> {
        match c {
            '?' => Some(Qualifier::Uncertain),
            '~' => Some(Qualifier::Approximate),
            '%' => Some(Qualifier::UncertainApproximate),
            _ => None,
        }
    }

    /// Both qualifiers together: `?` and `~` make `%`.
    pub fn and(self, other: Qualifier) -> Qualifier {
        let uncertain = self.is_uncertain() || other.is_uncertain();
        let approximate = self.is_approximate() || other.is_approximate();
        match (uncertain, approximate) {
            (false, false) => Qualifier::None,
            (true, false) => Qualifier::Uncertain,
            (false, true) => Qualifier::Approximate,
            (true, true) => Qualifier::UncertainApproximate,
        }
    }

    pub fn is_uncertain(self) -> bool {
        matches!(self, Qualifier::Uncertain | Qualifier::UncertainApproximate)
    }

    pub fn is_approximate(self) -> bool {
        matches!(
            self,
            Qualifier::Approximate | Qualifier::UncertainApproximate
        )
    }
}

/// Which rightmost parts of a date are written as unspecified digits (`X`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unspecified {
    /// Every digit is given.
    #[default]
    None,
    /// `1985-04-XX`: some day of the month.
    Day,
    /// `2004-XX`: some month of the year.
    Month,
    /// `2004-XX-XX`: some day of the year.
    MonthAndDay,
    /// `199X`: some year of the decade.
    Decade,
    /// `19XX`: some year of the hundred.
    Century,
    /// `1XXX`: some year of the thousand.
    Millennium,
}

impl Unspecified {
    /// How many rightmost digits of the year are unspecified (0–3).
    pub fn year_digits(self) -> u32 {
        match self {
            Unspecified::Decade => 1,
            Unspecified::Century => 2,
            Unspecified::Millennium => 3,
            _ => 0,
        }
    }
}

/// The seasons of EDTF level 1 (`2001-21` is spring 2001). Taken as the meteorological seasons
/// of the northern hemisphere: spring is March–May, summer June–August, autumn
/// September–November, and winter December to February of the next year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    /// The EDTF code, written where a month goes: 21–24.
    pub fn code(self) -> u8 {
        match self {
            Season::Spring => 21,
            Season::Summer => 22,
            Season::Autumn => 23,
            Season::Winter => 24,
        }
    }

    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            21 => Some(Season::Spring),
            22 => Some(Season::Summer),
            23 => Some(Season::Autumn),
            24 => Some(Season::Winter),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Season::Spring => "Spring",
            Season::Summer => "Summer",
            Season::Autumn => "Autumn",
            Season::Winter => "Winter",
        }
    }

    /// Its first month (its year's December for winter).
    pub fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

/// A date known to the year, the month or the day, possibly qualified or with unspecified digits
/// (EDTF level 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// With unspecified digits, the first year they may stand for (1990 for `199X`).
    year: i32,
    /// 1–12, or a season's code (21–24).
    month: Option<u8>,
    day: Option<u8>,
    unspecified: Unspecified,
    qualifier: Qualifier,
}

/// Why a piece of text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`-500` for 501 BC), or an EDTF level 1
    /// form.
    Format(String),
    /// A month outside 1–12 (or a season outside 21–24).
    Month(String),
    /// A day that the month does not have (e.g. 30 February).
    Day(String),
    /// A year outside the range the explorer can place on a time line.
    Year(String),
    /// An interval that ends before it starts, or has no date at either end.
    Interval(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => match spreadsheet_form(s) {
                Some(hint) => write!(f, "'{s}' is not a date: {hint}"),
                None => write!(
                    f,
                    "'{s}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD (-500 for 501 BC), or EDTF such as 2004~, 2004?, 199X or 1990/2003"
                ),
            },
            DateError::Month(s) => write!(f, "'{s}' has no such month (1–12)"),
            DateError::Day(s) => write!(f, "'{s}' has no such day in its month"),
            DateError::Year(s) => {
                write!(f, "'{s}' has a year out of range (±{MAX_ABS_YEAR} at most)")
            }
            DateError::Interval(s) => write!(f, "'{s}' is not an interval: {}", interval_rule(s)),
        }
    }
}

/// The order of a date a spreadsheet wrote with its day and its month first (`15.10.1997`,
/// `10/15/1997`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayMonth {
    DayFirst,
    MonthFirst,
}

/// A date written `D.M.YYYY`, `D/M/YYYY` or `D-M-YYYY` (or month first): its first two numbers
/// and its year.
fn spreadsheet_parts(s: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.trim().split(['.', '/', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    Some((
        spreadsheet_number(a, 1..=2)?,
        spreadsheet_number(b, 1..=2)?,
        spreadsheet_number(c, 4..=4)?,
    ))
}

fn spreadsheet_number(p: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| p.parse::<u32>().ok())
        .flatten()
}

/// (Year, month, day) as YYYY-MM-DD, if that day is one its month has (not 31 February).
fn spreadsheet_iso_day(y: u32, m: u32, d: u32) -> Option<String> {
    let day = PartialDate::day(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    );
    day.is_ok().then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// How to write a date a spreadsheet wrote day first or month first (`15.10.1997`,
/// `10/15/1997`, `1997/10/15`): year, month, day, with hyphens (`1997-10-15`); where either of
/// its first two numbers may be the month (`05/04/1997`), both readings.
fn spreadsheet_form(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.trim().split(['.', '/', '-']).collect();
    if let [a, b, c] = parts.as_slice() {
        if let (Some(y), Some(m), Some(d)) = (
            spreadsheet_number(a, 4..=4),
            spreadsheet_number(b, 1..=2),
            spreadsheet_number(c, 1..=2),
        ) {
            return spreadsheet_iso_day(y, m, d).map(|day| format!("write it {day} (YYYY-MM-DD)"));
        }
    }
    let (first, second, y) = spreadsheet_parts(s)?;
    match (
        spreadsheet_iso_day(y, second, first),
        spreadsheet_iso_day(y, first, second),
    ) {
        (Some(day_first), Some(month_first)) if first != second => Some(format!(
            "write it YYYY-MM-DD: {day_first} if {first} is the day, {month_first} if it is the month"
        )),
        (Some(day), _) | (None, Some(day)) => Some(format!("write it {day} (YYYY-MM-DD)")),
        (None, None) => None,
    }
}

/// How a file's dates written day or month first order them, told by the file itself: a
/// number past 12 in the first place (a day, so day first) or in the second (month first), and
/// none the other way. None where none of them says (each could be either), or where they
/// disagree: then each is refused with both readings ([`spreadsheet_form`]).
pub fn spreadsheet_order<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<DayMonth> {
    let (mut day_first, mut month_first) = (false, false);
    for (first, second, _) in values.into_iter().filter_map(spreadsheet_parts) {
        day_first |= first > 12;
        month_first |= second > 12;
    }
    match (day_first, month_first) {
        (true, false) => Some(DayMonth::DayFirst),
        (false, true) => Some(DayMonth::MonthFirst),
        _ => None,
    }
}

/// `s`, a date a spreadsheet wrote day or month first, as YYYY-MM-DD, read in `order` (None if
/// it is not one, or names a day its month lacks).
pub fn spreadsheet_iso(s: &str, order: DayMonth) -> Option<String> {
    let (first, second, y) = spreadsheet_parts(s)?;
    match order {
        DayMonth::DayFirst => spreadsheet_iso_day(y, second, first),
        DayMonth::MonthFirst => spreadsheet_iso_day(y, first, second),
    }
}

fn interval_rule(s: &str) -> &'static str {
    if s.split('/')
        .all(|side| side.trim().is_empty() || side.trim() == "..")
    {
        "at least one end must be a date"
    } else {
        "it ends before it starts"
    }
}

impl std::error::Error for DateError {}

impl Ord for PartialDate {
    /// Chronological by the first day the date states (a reader looks for "circa 2008" among
    /// 2008, not among 2007, the earliest year it may stand for), and a coarser date before a
    /// finer one starting the same day, the one that states the longer time first ("199X"
    /// before "1990" before "1990-XX" before "1990-01" before "1990-01-01"; a season before its
    /// first month); then by precision, by the range it may stand for, and by how it is
    /// written, so that only equal dates compare equal.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |d: &Self| {
            let (first, end) = d.range(false);
            (
                first,
                std::cmp::Reverse(end),
                d.precision(),
                d.range(true),
                d.unspecified,
                d.qualifier,
            )
        };
        key(self)
            .cmp(&key(other))
            .then((self.year, self.month, self.day).cmp(&(other.year, other.month, other.day)))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests;
