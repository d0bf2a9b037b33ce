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
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or an EDTF level 1 form).
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
            DateError::Format(s) => write!(
                f,
                "'{s}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2004~, 2004?, 199X or 1990/2003"
            ),
            DateError::Month(s) => write!(f, "'{s}' has no such month (1–12)"),
            DateError::Day(s) => write!(f, "'{s}' has no such day in its month"),
            DateError::Year(s) => {
                write!(f, "'{s}' has a year out of range (±{MAX_ABS_YEAR} at most)")
            }
            DateError::Interval(s) => write!(f, "'{s}' is not an interval: {}", interval_rule(s)),
        }
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

/// Years beyond this are refused: far beyond any chronology, and it keeps day arithmetic exact.
pub const MAX_ABS_YEAR: i32 = 1_000_000;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Short month names for axis labels.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The full English name of a month (1–12).
pub fn month_name(month: u8) -> &'static str {
    MONTH_NAMES[(month.clamp(1, 12) - 1) as usize]
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day counted from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// The first day of a year (years as i64 so that widening never overflows).
fn year_start(year: i64) -> i64 {
    days_from_civil(year as i32, 1, 1)
}

/// The first day of a month counted as `year * 12 + (month - 1)`.
fn month_start(index: i64) -> i64 {
    days_from_civil(
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
        1,
    )
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl PartialDate {
    fn exact(year: i32, month: Option<u8>, day: Option<u8>) -> Self {
        Self {
            year,
            month,
            day,
            unspecified: Unspecified::None,
            qualifier: Qualifier::None,
        }
    }

    /// A whole year.
    pub fn year(year: i32) -> Result<Self, DateError> {
        if year.abs() > MAX_ABS_YEAR {
            return Err(DateError::Year(year.to_string()));
        }
        Ok(Self::exact(year, None, None))
    }

    /// A whole month of a year.
    pub fn month(year: i32, month: u8) -> Result<Self, DateError> {
        let mut d = Self::year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(format!("{year}-{month:02}")));
        }
        d.month = Some(month);
        Ok(d)
    }

    /// One day.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let mut d = Self::month(year, month)?;
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day(format!("{year}-{month:02}-{day:02}")));
        }
        d.day = Some(day);
        Ok(d)
    }

    /// A season of a year (`2001-21`).
    pub fn season(year: i32, season: Season) -> Result<Self, DateError> {
        let mut d = Self::year(year)?;
        d.month = Some(season.code());
        Ok(d)
    }

    /// Some year whose `digits` rightmost digits are unspecified (1: `199X`, 2: `19XX`, 3:
    /// `1XXX`): `year` is any year of the range. Only for years 0–9999, as EDTF writes them.
    pub fn unspecified_digits(year: i32, digits: u32) -> Result<Self, DateError> {
        let unspecified = match digits {
            1 => Unspecified::Decade,
            2 => Unspecified::Century,
            3 => Unspecified::Millennium,
            _ => return Err(DateError::Format(format!("{year} with {digits} X"))),
        };
        if !(0..=9999).contains(&year) {
            return Err(DateError::Year(year.to_string()));
        }
        let span = 10i32.pow(digits);
        let mut d = Self::exact(year - year % span, None, None);
        d.unspecified = unspecified;
        Ok(d)
    }

    /// The same date with this qualifier (in place of its own).
    pub fn qualified(mut self, qualifier: Qualifier) -> Self {
        self.qualifier = qualifier;
        self
    }

    /// The same date as stated, without a qualifier.
    pub fn unqualified(self) -> Self {
        self.qualified(Qualifier::None)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and the EDTF level 1 forms: a qualifier at the
    /// end (`2004~`, `2004-06?`, `2004-06-11%`), unspecified digits from the right (`201X`,
    /// `20XX`, `2XXX`, `2004-XX`, `1985-04-XX`, `1985-XX-XX`), seasons (`2001-21` … `2001-24`)
    /// and long years (`Y170000`). Years may be negative (BCE, astronomical numbering: `-0044`
    /// is 45 BC) or longer than four digits.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let s = text.trim();
        let format_error = || DateError::Format(text.to_string());
        let (body, qualifier) = match s.chars().last().and_then(Qualifier::from_symbol) {
            Some(q) => (&s[..s.len() - 1], q),
            None => (s, Qualifier::None),
        };
        let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if let Some(rest) = body.strip_prefix('Y') {
            // EDTF's letter-prefixed year: more than four digits, nothing after it.
            let (negative, digits) = match rest.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, rest),
            };
            if !all_digits(digits) || digits.len() < 5 {
                return Err(format_error());
            }
            if digits.len() > 7 {
                return Err(DateError::Year(text.to_string()));
            }
            let magnitude: i32 = digits.parse().map_err(|_| format_error())?;
            let year = if negative { -magnitude } else { magnitude };
            return Self::year(year)
                .map(|d| d.qualified(qualifier))
                .map_err(|_| DateError::Year(text.to_string()));
        }
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body.strip_prefix('+').unwrap_or(body)),
        };
        let mut parts = body.split('-');
        let year_text = parts.next().ok_or_else(format_error)?;
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() {
            return Err(format_error());
        }
        let x_digits = year_text.bytes().rev().take_while(|&b| b == b'X').count();
        if x_digits > 0 {
            let known = year_text
                .get(..year_text.len() - x_digits)
                .unwrap_or_default();
            if negative
                || year_text.len() != 4
                || x_digits > 3
                || !all_digits(known)
                || month_text.is_some()
            {
                return Err(format_error());
            }
            let prefix: i32 = known.parse().map_err(|_| format_error())?;
            let digits = x_digits as u32;
            return Self::unspecified_digits(prefix * 10i32.pow(digits), digits)
                .map(|d| d.qualified(qualifier));
        }
        if !all_digits(year_text) || year_text.len() < 4 {
            return Err(format_error());
        }
        if year_text.len() > 7 {
            return Err(DateError::Year(text.to_string()));
        }
        let magnitude: i32 = year_text.parse().map_err(|_| format_error())?;
        let year = if negative { -magnitude } else { magnitude };
        let two_digits = |t: &str| -> Result<u8, DateError> {
            if t.len() == 2 && all_digits(t) {
                t.parse().map_err(|_| format_error())
            } else {
                Err(format_error())
            }
        };
        let with = |d: Result<Self, DateError>, unspecified: Unspecified| {
            d.map(|mut d| {
                d.unspecified = unspecified;
                d
            })
        };
        let result = match (month_text, day_text) {
            (None, _) => Self::year(year),
            (Some("XX"), None) => with(Self::year(year), Unspecified::Month),
            (Some("XX"), Some("XX")) => with(Self::year(year), Unspecified::MonthAndDay),
            (Some("XX"), Some(_)) => Err(format_error()),
            (Some(m), None) => match two_digits(m)? {
                code @ 21..=24 => {
                    Self::season(year, Season::from_code(code).ok_or_else(format_error)?)
                }
                m => Self::month(year, m),
            },
            (Some(m), Some("XX")) => with(Self::month(year, two_digits(m)?), Unspecified::Day),
            (Some(m), Some(d)) => Self::day(year, two_digits(m)?, two_digits(d)?),
        };
        result.map(|d| d.qualified(qualifier)).map_err(|e| match e {
            DateError::Month(_) => DateError::Month(text.to_string()),
            DateError::Day(_) => DateError::Day(text.to_string()),
            DateError::Year(_) => DateError::Year(text.to_string()),
            other => other,
        })
    }

    /// The year; with unspecified digits, the first year they may stand for (1990 for `199X`).
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month (1–12) when stated; `None` for a year, a season or an unspecified month.
    pub fn month_number(&self) -> Option<u8> {
        self.month.filter(|m| (1..=12).contains(m))
    }

    pub fn day_number(&self) -> Option<u8> {
        self.day
    }

    /// The season, for `2001-21` … `2001-24`.
    pub fn season_of_year(&self) -> Option<Season> {
        self.month.and_then(Season::from_code)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// Its EDTF qualifier.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// `~` or `%`: the possible range is one unit wider on each side than the stated one.
    pub fn is_approximate(&self) -> bool {
        self.qualifier.is_approximate()
    }

    /// `?` or `%`: the source is not sure of it.
    pub fn is_uncertain(&self) -> bool {
        self.qualifier.is_uncertain()
    }

    /// Which rightmost parts are unspecified (`199X`, `2004-XX`).
    pub fn unspecified(&self) -> Unspecified {
        self.unspecified
    }

    /// Stated as it is: no qualifier and no unspecified digit. The timeline draws other dates
    /// faded over their whole possible range.
    pub fn is_exact(&self) -> bool {
        self.qualifier == Qualifier::None && self.unspecified == Unspecified::None
    }

    /// The days `[first, end)` the date states or, `widened`, may stand for.
    fn range(&self, widened: bool) -> (i64, i64) {
        let k = i64::from(widened && self.is_approximate());
        let year = i64::from(self.year);
        let digits = self.unspecified.year_digits();
        if digits > 0 {
            let span = 10i64.pow(digits);
            return (
                year_start(year - k * span),
                year_start(year + span + k * span),
            );
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let first = days_from_civil(self.year, m, d);
                (first - k, first + 1 + k)
            }
            (Some(m), None) => {
                let (first, len) = match Season::from_code(m) {
                    Some(s) => (s.first_month(), 3),
                    None => (m, 1),
                };
                let index = year * 12 + i64::from(first) - 1;
                (
                    month_start(index - k * len),
                    month_start(index + len + k * len),
                )
            }
            (None, _) => (year_start(year - k), year_start(year + 1 + k)),
        }
    }

    /// The days `[first, end)` the date states, before an approximate date's widening: 2004 for
    /// `2004~`, the 1990s for `199X`.
    pub fn stated_days(&self) -> (i64, i64) {
        self.range(false)
    }

    /// The days `[first, end)` the date may stand for: [`first_day`](Self::first_day) and
    /// [`end_day`](Self::end_day).
    pub fn possible_days(&self) -> (i64, i64) {
        self.range(true)
    }

    /// The earliest day the date may stand for, in days from 1970-01-01: the first day it
    /// covers, one unit of its precision earlier when it is approximate.
    pub fn first_day(&self) -> i64 {
        self.range(true).0
    }

    /// The day after the latest day the date may stand for (exclusive end).
    pub fn end_day(&self) -> i64 {
        self.range(true).1
    }

    /// The middle of the covered range, in (fractional) days: where a point mark goes.
    pub fn mid_day(&self) -> f64 {
        let (first, end) = self.range(true);
        (first + end) as f64 / 2.0
    }

    /// Whether `other` lies wholly within this date's range.
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.end_day() <= self.end_day()
    }

    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.first_day() < other.end_day() && other.first_day() < self.end_day()
    }

    /// The machine form, EDTF: `1983`, `2014-09`, `2014-05-06`, `2004~`, `199X`, `2004-XX`,
    /// `2001-21`, `Y170000` (what the dataset file holds). [`parse`](Self::parse) reads it back.
    pub fn to_iso(&self) -> String {
        let digits = self.unspecified.year_digits() as usize;
        let mut out = if digits > 0 {
            let written = format!("{:04}", self.year);
            format!("{}{}", &written[..4 - digits], "X".repeat(digits))
        } else if self.year.abs() > 9999 && self.month.is_none() {
            format!("Y{}", self.year)
        } else if self.year < 0 {
            format!("-{:04}", -self.year)
        } else {
            format!("{:04}", self.year)
        };
        match (self.month, self.unspecified) {
            (Some(m), _) => out.push_str(&format!("-{m:02}")),
            (None, Unspecified::Month | Unspecified::MonthAndDay) => out.push_str("-XX"),
            _ => {}
        }
        match (self.day, self.unspecified) {
            (Some(d), _) => out.push_str(&format!("-{d:02}")),
            (None, Unspecified::Day | Unspecified::MonthAndDay) => out.push_str("-XX"),
            _ => {}
        }
        out.push_str(self.qualifier.symbol());
        out
    }

    /// The reader's form, at the date's own precision: "1983", "September 2014", "6 May 2014";
    /// "circa 2004", "2004 (uncertain)", "the 1990s", "the 20th century", "Spring 2001",
    /// "2004 (month unknown)". Negative (astronomical) years read as BC: year 0 is 1 BC.
    pub fn format_human(&self) -> String {
        let year = format_year(self.year);
        let stated = match self.unspecified {
            Unspecified::Decade if self.year >= 10 => format!("the {}s", self.year),
            Unspecified::Century if self.year >= 100 => {
                format!("the {} century", ordinal(i64::from(self.year) / 100 + 1))
            }
            Unspecified::Millennium if self.year >= 1000 => {
                format!(
                    "the {} millennium",
                    ordinal(i64::from(self.year) / 1000 + 1)
                )
            }
            Unspecified::Decade | Unspecified::Century | Unspecified::Millennium => {
                let (_, end) = self.stated_days();
                let last = civil_from_days(end - 1).0;
                format!("{year} – {}", format_year(last))
            }
            Unspecified::Month => format!("{year} (month unknown)"),
            Unspecified::MonthAndDay => format!("{year} (month and day unknown)"),
            Unspecified::Day => format!(
                "{} {year} (day unknown)",
                month_name(self.month.unwrap_or(1))
            ),
            Unspecified::None => match (self.month, self.day) {
                (None, _) => year,
                (Some(m), None) => match Season::from_code(m) {
                    Some(Season::Winter) => format!("Winter {year}–{}", format_year(self.year + 1)),
                    Some(s) => format!("{} {year}", s.name()),
                    None => format!("{} {year}", month_name(m)),
                },
                (Some(m), Some(d)) => format!("{d} {} {year}", month_name(m)),
            },
        };
        match self.qualifier {
            Qualifier::None => stated,
            Qualifier::Approximate => format!("circa {stated}"),
            Qualifier::Uncertain => format!("{stated} (uncertain)"),
            Qualifier::UncertainApproximate => format!("circa {stated} (uncertain)"),
        }
    }
}

/// A year for readers: 1983, or 45 BC for astronomical year -44.
pub fn format_year(year: i32) -> String {
    if year <= 0 {
        format!("{} BC", 1 - i64::from(year))
    } else {
        year.to_string()
    }
}

impl Ord for PartialDate {
    /// Chronological by the earliest possible day, and a coarser date before a finer one
    /// starting the same day ("2014" before "2014-01" before "2014-01-01"); then by the latest
    /// possible day, and by how it is written, so that only equal dates compare equal.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |d: &Self| {
            let (first, end) = d.range(true);
            (first, d.precision(), end, d.unspecified, d.qualifier)
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

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_human())
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The JSON Schema pattern of one EDTF level 1 date (without the anchors).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const DATE_PATTERN: &str = "(Y-?[0-9]{5,7}|-?[0-9]{4,7}(-(0[1-9]|1[0-2]|2[1-4]|XX)(-(0[1-9]|[12][0-9]|3[01]|XX))?)?|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)[?~%]?";

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date exactly as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD (a leading '-' for years BC, astronomical numbering), or an EDTF level 1 date: qualified (2004~ approximate, 2004? uncertain, 2004% both), with unspecified digits (199X, 19XX, 2004-XX, 1985-04-XX), a season (2001-21 spring … 2001-24 winter) or a long year (Y170000).",
            "pattern": format!("^{DATE_PATTERN}$")
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn a_year_is_a_whole_year_not_its_first_day() {
        let y = d("1983");
        assert_eq!(y.precision(), Precision::Year);
        assert_eq!(y.first_day(), days_from_civil(1983, 1, 1));
        assert_eq!(y.end_day(), days_from_civil(1984, 1, 1));
        assert_ne!(y, d("1983-01-01"));
        assert!(y.contains(&d("1983-12-31")));
        assert!(!y.contains(&d("1984-01")));
        assert!(y.is_exact());
    }

    #[test]
    fn formats_at_its_own_precision() {
        let f = |s: &str| d(s).format_human();
        assert_eq!(f("1983"), "1983");
        assert_eq!(f("2014-09"), "September 2014");
        assert_eq!(f("2014-05-06"), "6 May 2014");
        assert_eq!(f("-0044"), "45 BC");
        assert_eq!(d("2014-05-06").to_iso(), "2014-05-06");
        assert_eq!(d("-0044-03-15").to_iso(), "-0044-03-15");
    }

    #[test]
    fn uncertain_dates_say_so_in_words() {
        let f = |s: &str| d(s).format_human();
        assert_eq!(f("2004~"), "circa 2004");
        assert_eq!(f("2004?"), "2004 (uncertain)");
        assert_eq!(f("2004%"), "circa 2004 (uncertain)");
        assert_eq!(f("2004-06~"), "circa June 2004");
        assert_eq!(f("2004-06-11?"), "11 June 2004 (uncertain)");
        assert_eq!(f("199X"), "the 1990s");
        assert_eq!(f("200X~"), "circa the 2000s");
        assert_eq!(f("19XX"), "the 20th century");
        assert_eq!(f("20XX"), "the 21st century");
        assert_eq!(f("1XXX"), "the 2nd millennium");
        assert_eq!(f("000X"), "1 BC – 9");
        assert_eq!(f("2004-XX"), "2004 (month unknown)");
        assert_eq!(f("2004-XX-XX"), "2004 (month and day unknown)");
        assert_eq!(f("1985-04-XX"), "April 1985 (day unknown)");
        assert_eq!(f("2001-21"), "Spring 2001");
        assert_eq!(f("2005-24"), "Winter 2005–2006");
        assert_eq!(f("Y170000"), "170000");
    }

    #[test]
    fn approximate_dates_widen_by_one_unit_of_their_precision() {
        let days = |s: &str| d(s).possible_days();
        let day = |y, m, dd| days_from_civil(y, m, dd);
        assert_eq!(days("2005~"), (day(2004, 1, 1), day(2007, 1, 1)));
        assert_eq!(d("2005~").stated_days(), (day(2005, 1, 1), day(2006, 1, 1)));
        assert_eq!(days("2004-01~"), (day(2003, 12, 1), day(2004, 3, 1)));
        assert_eq!(days("2004-12-31%"), (day(2004, 12, 30), day(2005, 1, 2)));
        assert_eq!(days("2004?"), (day(2004, 1, 1), day(2005, 1, 1)));
        assert_eq!(days("199X"), (day(1990, 1, 1), day(2000, 1, 1)));
        assert_eq!(days("199X~"), (day(1980, 1, 1), day(2010, 1, 1)));
        assert_eq!(days("19XX"), (day(1900, 1, 1), day(2000, 1, 1)));
        assert_eq!(days("2004-XX"), (day(2004, 1, 1), day(2005, 1, 1)));
        assert_eq!(days("1985-04-XX"), (day(1985, 4, 1), day(1985, 5, 1)));
        assert_eq!(days("2001-21"), (day(2001, 3, 1), day(2001, 6, 1)));
        assert_eq!(days("2005-24"), (day(2005, 12, 1), day(2006, 3, 1)));
        assert_eq!(days("2005-24~"), (day(2005, 9, 1), day(2006, 6, 1)));
        assert!(d("2005~").is_approximate() && !d("2005~").is_uncertain());
        assert!(d("2005?").is_uncertain() && !d("2005?").is_approximate());
        assert!(d("2005%").is_uncertain() && d("2005%").is_approximate());
        assert_eq!(d("199X").unspecified(), Unspecified::Decade);
        assert_eq!(d("199X").year_number(), 1990);
        assert_eq!(d("2004-XX").precision(), Precision::Year);
        assert_eq!(d("2004-XX").month_number(), None);
        assert_eq!(d("2001-21").season_of_year(), Some(Season::Spring));
        assert!(!d("199X").is_exact() && !d("2004?").is_exact());
    }

    #[test]
    fn orders_chronologically_coarser_first() {
        let mut v: Vec<PartialDate> = ["2014-05-06", "2014", "2013-12", "2014-05", "1983"]
            .iter()
            .map(|s| d(s))
            .collect();
        v.sort();
        let iso: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
        assert_eq!(iso, ["1983", "2013-12", "2014", "2014-05", "2014-05-06"]);
        // By earliest possible day: circa 2005 may be 2004.
        let mut v: Vec<PartialDate> = ["2005", "2004-06", "2005~", "200X", "2004?"]
            .iter()
            .map(|s| d(s))
            .collect();
        v.sort();
        let iso: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
        assert_eq!(iso, ["200X", "2004?", "2005~", "2004-06", "2005"]);
        assert_ne!(d("2004?").cmp(&d("2004")), Ordering::Equal);
    }

    #[test]
    fn refuses_what_is_not_a_date_with_the_reason() {
        for bad in [
            "",
            "83",
            "19x4",
            "1983-1",
            "1983-13",
            "1983-00",
            "2019-02-29",
            "1983-01-01-01",
            "1983/01",
            "1X9X",
            "-199X",
            "XXXX",
            "199X-05",
            "2004-XX-05",
            "2001-25",
            "2001-21-05",
            "2004~~",
            "~",
            "Y1234",
            "Y12a45",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be refused");
        }
        assert!(matches!(
            PartialDate::parse("1983-13"),
            Err(DateError::Month(_))
        ));
        assert!(matches!(
            PartialDate::parse("2019-02-29"),
            Err(DateError::Day(_))
        ));
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("12345").is_ok());
        assert!(matches!(
            PartialDate::parse("99999999"),
            Err(DateError::Year(_))
        ));
        assert!(matches!(
            PartialDate::parse("Y99999999"),
            Err(DateError::Year(_))
        ));
        assert!(PartialDate::parse("19x4")
            .unwrap_err()
            .to_string()
            .contains("'19x4' is not a date"));
    }

    #[test]
    fn month_ends_roll_over_the_year() {
        let dec = d("2014-12");
        assert_eq!(dec.end_day(), days_from_civil(2015, 1, 1));
        let feb = d("2016-02");
        assert_eq!(feb.end_day() - feb.first_day(), 29);
    }

    #[test]
    fn long_years_are_written_with_edtf_s_letter() {
        assert_eq!(d("12345").to_iso(), "Y12345");
        assert_eq!(d("Y12345"), d("12345"));
        assert_eq!(d("Y-170000~").to_iso(), "Y-170000~");
        assert_eq!(d("12345-06").to_iso(), "12345-06");
    }

    #[test]
    fn serde_round_trip_keeps_precision() {
        let d: PartialDate = serde_json::from_str("\"2014-09\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2014-09\"");
        assert!(serde_json::from_str::<PartialDate>("\"2014-9\"").is_err());
        let d: PartialDate = serde_json::from_str("\"199X~\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"199X~\"");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Every EDTF level 1 form of one date, as its canonical text.
        fn level_1_text() -> impl Strategy<Value = String> {
            let q = "[?~%]?";
            let forms = [
                format!("-?(0[0-9]{{2}}[1-9]|[1-9][0-9]{{3}})(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?{q}"),
                format!("[0-9]{{3}}X{q}"),
                format!("[0-9]{{2}}XX{q}"),
                format!("[0-9]XXX{q}"),
                format!("[0-9]{{4}}-XX(-XX)?{q}"),
                format!("[0-9]{{4}}-(0[1-9]|1[0-2])-XX{q}"),
                format!("(0[0-9]{{2}}[1-9]|[1-9][0-9]{{3}})-2[1-4]{q}"),
                format!("Y-?[1-9][0-9]{{4,5}}{q}"),
            ];
            let strategies: Vec<_> = forms
                .iter()
                .map(|f| {
                    proptest::string::string_regex(f)
                        .expect("a valid pattern")
                        .boxed()
                })
                .collect();
            proptest::strategy::Union::new(strategies)
        }

        proptest! {
            #[test]
            fn civil_days_round_trip(days in -800_000_000i64..800_000_000) {
                let (y, m, d) = civil_from_days(days);
                prop_assert_eq!(days_from_civil(y, m, d), days);
            }

            #[test]
            fn iso_round_trips(year in -9999i32..99999, month in 1u8..=12, day in 1u8..=28, p in 0..3) {
                let date = match p {
                    0 => PartialDate::year(year).unwrap(),
                    1 => PartialDate::month(year, month).unwrap(),
                    _ => PartialDate::day(year, month, day).unwrap(),
                };
                prop_assert_eq!(PartialDate::parse(&date.to_iso()).unwrap(), date);
                prop_assert!(date.first_day() < date.end_day());
            }

            #[test]
            fn plain_dates_are_unchanged(year in 0i32..9999, month in 1u8..=12, day in 1u8..=28, p in 0..3) {
                let text = match p {
                    0 => format!("{year:04}"),
                    1 => format!("{year:04}-{month:02}"),
                    _ => format!("{year:04}-{month:02}-{day:02}"),
                };
                let date = PartialDate::parse(&text).unwrap();
                prop_assert_eq!(date.to_iso(), text);
                prop_assert!(date.is_exact());
                prop_assert_eq!(date.stated_days(), date.possible_days());
                prop_assert_eq!(date.first_day(), days_from_civil(year, if p > 0 { month } else { 1 }, if p > 1 { day } else { 1 }));
            }

            #[test]
            fn every_level_1_form_round_trips_with_ordered_bounds(text in level_1_text()) {
                let date = PartialDate::parse(&text).unwrap();
                // format ∘ parse = id on the text, parse ∘ format = id on the value.
                prop_assert_eq!(&date.to_iso(), &text);
                prop_assert_eq!(PartialDate::parse(&date.to_iso()).unwrap(), date);
                let (stated_first, stated_end) = date.stated_days();
                prop_assert!(date.first_day() <= stated_first);
                prop_assert!(stated_first < stated_end);
                prop_assert!(stated_end <= date.end_day());
                prop_assert!(date.first_day() <= date.mid_day() as i64 && date.mid_day() <= date.end_day() as f64);
                prop_assert_eq!(date.is_approximate(), text.ends_with('~') || text.ends_with('%'));
                prop_assert!(!date.format_human().is_empty());
            }

            #[test]
            fn parsing_any_text_never_panics(s in "\\PC{0,24}") {
                let _ = PartialDate::parse(&s);
            }
        }
    }
}
