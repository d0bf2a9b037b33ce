//! Writing dates: EDTF for machines, words for readers.

use super::calendar::ordinal;
use super::{civil_from_days, month_name, PartialDate, Qualifier, Season, Unspecified};
use std::fmt;

impl PartialDate {
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
        self.format_human_after(self.year)
    }

    /// As [`PartialDate::format_human`], for the later end of a range that starts in the year
    /// `first`: "AD 14" where it starts BC ("50 BC – AD 14").
    pub fn format_human_after(&self, first: i32) -> String {
        let (stated, remarks) = self.human_parts_after(first);
        remarks
            .iter()
            .fold(stated, |out, r| format!("{out} ({})", r.said()))
    }

    /// The reader's form in two parts: what it states ("1980", "circa 2004", "the 1990s",
    /// "May 2014") and what [`format_human`](Self::format_human) adds in parentheses after it
    /// (the month unknown, uncertain), so that a text that stands in parentheses itself can
    /// write them with commas instead: "(1980, uncertain)", not "(1980 (uncertain))".
    pub fn human_parts_after(&self, first: i32) -> (String, Vec<Remark>) {
        let year = format_year_after(first, self.year);
        let mut remarks = Vec::new();
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
                format!("{year} – {}", format_year_after(self.year, last))
            }
            Unspecified::Month => {
                remarks.push(Remark::MonthUnknown);
                year
            }
            Unspecified::MonthAndDay => {
                remarks.push(Remark::MonthAndDayUnknown);
                year
            }
            Unspecified::Day => {
                remarks.push(Remark::DayUnknown);
                format!("{} {year}", month_name(self.month.unwrap_or(1)))
            }
            Unspecified::None => match (self.month, self.day) {
                (None, _) => year,
                (Some(m), None) => match Season::from_code(m) {
                    Some(Season::Winter) => format!(
                        "Winter {year}–{}",
                        format_year_after(self.year, self.year + 1)
                    ),
                    Some(s) => format!("{} {year}", s.name()),
                    None => format!("{} {year}", month_name(m)),
                },
                (Some(m), Some(d)) => format!("{d} {} {year}", month_name(m)),
            },
        };
        let stated = match self.qualifier {
            Qualifier::None | Qualifier::Uncertain => stated,
            Qualifier::Approximate | Qualifier::UncertainApproximate => format!("circa {stated}"),
        };
        if matches!(
            self.qualifier,
            Qualifier::Uncertain | Qualifier::UncertainApproximate
        ) {
            remarks.push(Remark::Uncertain);
        }
        (stated, remarks)
    }
}

/// What a date's reader's form says of it after what it states (see
/// [`PartialDate::human_parts_after`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remark {
    MonthUnknown,
    MonthAndDayUnknown,
    DayUnknown,
    Uncertain,
}

impl Remark {
    /// Of a date on its own: "month unknown", "uncertain".
    pub fn said(self) -> &'static str {
        match self {
            Remark::MonthUnknown => "month unknown",
            Remark::MonthAndDayUnknown => "month and day unknown",
            Remark::DayUnknown => "day unknown",
            Remark::Uncertain => "uncertain",
        }
    }

    /// Of one end of a range (`side` "start" or "end"): "start uncertain", "month of the end
    /// unknown".
    pub fn said_of(self, side: &str) -> String {
        match self {
            Remark::Uncertain => format!("{side} uncertain"),
            Remark::MonthUnknown => format!("month of the {side} unknown"),
            Remark::MonthAndDayUnknown => format!("month and day of the {side} unknown"),
            Remark::DayUnknown => format!("day of the {side} unknown"),
        }
    }

    /// Of both ends of a range: "both ends uncertain", "months unknown".
    pub fn said_of_both(self) -> &'static str {
        match self {
            Remark::Uncertain => "both ends uncertain",
            Remark::MonthUnknown => "months unknown",
            Remark::MonthAndDayUnknown => "months and days unknown",
            Remark::DayUnknown => "days unknown",
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

/// The later year of a range that starts in `first`: as [`format_year`], but "AD 9" where the
/// range starts BC ("1 BC – AD 9": a bare "9" after a year BC reads as one BC too).
pub fn format_year_after(first: i32, year: i32) -> String {
    if first <= 0 && year > 0 {
        format!("AD {year}")
    } else {
        format_year(year)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_human())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}
