//! Partial dates made from their parts, and the days they state and may cover.

use super::calendar::{month_start, year_start};
use super::{
    days_from_civil, days_in_month, DateError, PartialDate, Precision, Qualifier, Season,
    Unspecified, MAX_ABS_YEAR,
};

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
    pub(super) fn range(&self, widened: bool) -> (i64, i64) {
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
}
