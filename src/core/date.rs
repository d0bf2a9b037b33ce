//! Partial dates: a year, a month of a year, or a day, each exactly as precise as its source.
//!
//! "1983" is the whole year 1983, not 1 January 1983. A date covers a half-open range of days
//! `[first_day, end_day)` counted from 1970-01-01 in the proleptic Gregorian calendar, so year-only
//! and month-only dates can be drawn as what they are: intervals.

use std::cmp::Ordering;
use std::fmt;

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a piece of text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format(String),
    /// A month outside 1–12.
    Month(String),
    /// A day that the month does not have (e.g. 30 February).
    Day(String),
    /// A year outside the range the explorer can place on a time line.
    Year(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(
                f,
                "'{s}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
            ),
            DateError::Month(s) => write!(f, "'{s}' has no such month (1–12)"),
            DateError::Day(s) => write!(f, "'{s}' has no such day in its month"),
            DateError::Year(s) => {
                write!(f, "'{s}' has a year out of range (±{MAX_ABS_YEAR} at most)")
            }
        }
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

impl PartialDate {
    /// A whole year.
    pub fn year(year: i32) -> Result<Self, DateError> {
        if year.abs() > MAX_ABS_YEAR {
            return Err(DateError::Year(year.to_string()));
        }
        Ok(Self {
            year,
            month: None,
            day: None,
        })
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

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Years may be negative (BCE, astronomical
    /// numbering: `-0044` is 45 BC) or longer than four digits.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let s = text.trim();
        let format_error = || DateError::Format(text.to_string());
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let mut parts = body.split('-');
        let year_text = parts.next().ok_or_else(format_error)?;
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() {
            return Err(format_error());
        }
        let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
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
        let result = match (month_text, day_text) {
            (None, _) => Self::year(year),
            (Some(m), None) => Self::month(year, two_digits(m)?),
            (Some(m), Some(d)) => Self::day(year, two_digits(m)?, two_digits(d)?),
        };
        result.map_err(|e| match e {
            DateError::Month(_) => DateError::Month(text.to_string()),
            DateError::Day(_) => DateError::Day(text.to_string()),
            DateError::Year(_) => DateError::Year(text.to_string()),
            other => other,
        })
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    pub fn day_number(&self) -> Option<u8> {
        self.day
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The first day the date covers, in days from 1970-01-01.
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The day after the last day the date covers (exclusive end).
    pub fn end_day(&self) -> i64 {
        match (self.month, self.day) {
            (None, _) => days_from_civil(self.year + 1, 1, 1),
            (Some(12), None) => days_from_civil(self.year + 1, 1, 1),
            (Some(m), None) => days_from_civil(self.year, m + 1, 1),
            (Some(_), Some(_)) => self.first_day() + 1,
        }
    }

    /// The middle of the covered range, in (fractional) days: where a point mark goes.
    pub fn mid_day(&self) -> f64 {
        (self.first_day() + self.end_day()) as f64 / 2.0
    }

    /// Whether `other` lies wholly within this date's range.
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.end_day() <= self.end_day()
    }

    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.first_day() < other.end_day() && other.first_day() < self.end_day()
    }

    /// The machine form: `1983`, `2014-09`, `2014-05-06` (what the dataset file holds).
    pub fn to_iso(&self) -> String {
        let year = if self.year < 0 {
            format!("-{:04}", -self.year)
        } else {
            format!("{:04}", self.year)
        };
        match (self.month, self.day) {
            (None, _) => year,
            (Some(m), None) => format!("{year}-{m:02}"),
            (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
        }
    }

    /// The reader's form, at the date's own precision: "1983", "September 2014", "6 May 2014".
    /// Negative (astronomical) years read as BC: year 0 is 1 BC.
    pub fn format_human(&self) -> String {
        let year = format_year(self.year);
        match (self.month, self.day) {
            (None, _) => year,
            (Some(m), None) => format!("{} {year}", month_name(m)),
            (Some(m), Some(d)) => format!("{d} {} {year}", month_name(m)),
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
    /// Chronological: by first day, and a coarser date before a finer one starting the same day
    /// ("2014" before "2014-01" before "2014-01-01").
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
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

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date exactly as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD (a leading '-' for years BC, astronomical numbering).",
            "pattern": "^-?[0-9]{4,7}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_a_whole_year_not_its_first_day() {
        let y = PartialDate::parse("1983").unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert_eq!(y.first_day(), days_from_civil(1983, 1, 1));
        assert_eq!(y.end_day(), days_from_civil(1984, 1, 1));
        assert_ne!(y, PartialDate::parse("1983-01-01").unwrap());
        assert!(y.contains(&PartialDate::parse("1983-12-31").unwrap()));
        assert!(!y.contains(&PartialDate::parse("1984-01").unwrap()));
    }

    #[test]
    fn formats_at_its_own_precision() {
        let f = |s: &str| PartialDate::parse(s).unwrap().format_human();
        assert_eq!(f("1983"), "1983");
        assert_eq!(f("2014-09"), "September 2014");
        assert_eq!(f("2014-05-06"), "6 May 2014");
        assert_eq!(f("-0044"), "45 BC");
        assert_eq!(
            PartialDate::parse("2014-05-06").unwrap().to_iso(),
            "2014-05-06"
        );
        assert_eq!(
            PartialDate::parse("-0044-03-15").unwrap().to_iso(),
            "-0044-03-15"
        );
    }

    #[test]
    fn orders_chronologically_coarser_first() {
        let mut v: Vec<PartialDate> = ["2014-05-06", "2014", "2013-12", "2014-05", "1983"]
            .iter()
            .map(|s| PartialDate::parse(s).unwrap())
            .collect();
        v.sort();
        let iso: Vec<String> = v.iter().map(|d| d.to_iso()).collect();
        assert_eq!(iso, ["1983", "2013-12", "2014", "2014-05", "2014-05-06"]);
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
        assert!(PartialDate::parse("19x4")
            .unwrap_err()
            .to_string()
            .contains("'19x4' is not a date"));
    }

    #[test]
    fn month_ends_roll_over_the_year() {
        let dec = PartialDate::parse("2014-12").unwrap();
        assert_eq!(dec.end_day(), days_from_civil(2015, 1, 1));
        let feb = PartialDate::parse("2016-02").unwrap();
        assert_eq!(feb.end_day() - feb.first_day(), 29);
    }

    #[test]
    fn serde_round_trip_keeps_precision() {
        let d: PartialDate = serde_json::from_str("\"2014-09\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2014-09\"");
        assert!(serde_json::from_str::<PartialDate>("\"2014-9\"").is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

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
            fn parsing_any_text_never_panics(s in "\\PC{0,24}") {
                let _ = PartialDate::parse(&s);
            }
        }
    }
}
