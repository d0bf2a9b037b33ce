//! Dates from the parts of a record: year, month and day fields, EDTF start and end.

use super::quoted;
use crate::core::dataset::{split_interval, OpenSide};
use crate::core::date::{
    days_in_month, format_year, month_name, PartialDate, Qualifier, MAX_ABS_YEAR,
};
use crate::core::edtf::Edtf;

/// Which part of a date a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DatePart {
    Year,
    Month,
    Day,
}

/// A year: digits with an optional sign (`-500` is 501 BC), within ±[`MAX_ABS_YEAR`].
pub(crate) fn parse_year(text: &str) -> Result<i32, String> {
    let s = text.trim();
    let digits = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{} is not a year (-500 for 501 BC)", quoted(text)));
    }
    let out_of_range = || format!("{} is out of range (±{MAX_ABS_YEAR} at most)", quoted(text));
    let significant = digits.trim_start_matches('0');
    if significant.len() > 12 {
        return Err(out_of_range());
    }
    let magnitude: i64 = if significant.is_empty() {
        0
    } else {
        significant.parse().map_err(|_| out_of_range())?
    };
    let year = if s.starts_with('-') {
        -magnitude
    } else {
        magnitude
    };
    if year.abs() > i64::from(MAX_ABS_YEAR) {
        return Err(out_of_range());
    }
    i32::try_from(year).map_err(|_| out_of_range())
}

/// A month: 1–12 or an English month name or abbreviation ("Sept.", "march").
pub(crate) fn parse_month(text: &str) -> Result<u8, String> {
    let s = text.trim();
    let bad = || format!("{} is not a month (1–12)", quoted(text));
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        let significant = s.trim_start_matches('0');
        if significant.len() > 2 {
            return Err(bad());
        }
        let n: u8 = significant.parse().unwrap_or(0);
        return if (1..=12).contains(&n) {
            Ok(n)
        } else {
            Err(bad())
        };
    }
    let word = s.trim_end_matches('.').to_lowercase();
    if word.len() >= 3 {
        for m in 1..=12u8 {
            let name = month_name(m).to_lowercase();
            if name == word || (word.len() >= 3 && name.starts_with(&word)) {
                return Ok(m);
            }
        }
    }
    Err(bad())
}

/// A cell without its EDTF qualifier (`1905~`, `6?`), and the qualifier.
fn strip_qualifier(text: &str) -> (&str, Qualifier) {
    let t = text.trim();
    match t.chars().last().and_then(Qualifier::from_symbol) {
        Some(q) => (t[..t.len() - 1].trim_end(), q),
        None => (t, Qualifier::None),
    }
}

/// A date from its parts as a spreadsheet or a TimelineJS slide gives them (empty parts are
/// `None`). `Ok(None)` when there is no date at all. A qualifier at the end of any part
/// (`1905~`, month `6?`) qualifies the whole date, as EDTF level 1 does; the year may end in
/// unspecified digits (`19XX`) when there is no month.
pub(crate) fn date_from_parts(
    year: Option<&str>,
    month: Option<&str>,
    day: Option<&str>,
) -> Result<Option<PartialDate>, (DatePart, String)> {
    let [year, month, day] = [year, month, day].map(|p| p.map(strip_qualifier));
    let qualifier = [year, month, day]
        .iter()
        .flatten()
        .fold(Qualifier::None, |q, (_, part)| q.and(*part));
    let date = plain_date_from_parts(
        year.map(|(p, _)| p),
        month.map(|(p, _)| p),
        day.map(|(p, _)| p),
    )?;
    Ok(date.map(|d| d.qualified(qualifier)))
}

fn plain_date_from_parts(
    year: Option<&str>,
    month: Option<&str>,
    day: Option<&str>,
) -> Result<Option<PartialDate>, (DatePart, String)> {
    if let Some(year_text) = year.filter(|y| y.contains('X')) {
        if month.is_some() || day.is_some() {
            return Err((
                DatePart::Month,
                format!(
                    "a year with unspecified digits ({}) cannot have a month or a day",
                    quoted(year_text)
                ),
            ));
        }
        return PartialDate::parse(year_text).map(Some).map_err(|_| {
            (
                DatePart::Year,
                format!(
                    "{} is not a year: unspecified digits are written X, at the end of a four-digit year (199X, 19XX)",
                    quoted(year_text)
                ),
            )
        });
    }
    let Some(year_text) = year else {
        return match (month, day) {
            (None, None) => Ok(None),
            _ => Err((DatePart::Year, "a month or a day needs a year".into())),
        };
    };
    let year = parse_year(year_text).map_err(|m| (DatePart::Year, m))?;
    let Some(month_text) = month else {
        return match day {
            None => PartialDate::year(year)
                .map(Some)
                .map_err(|e| (DatePart::Year, e.to_string())),
            Some(_) => Err((DatePart::Day, "a day needs a month".into())),
        };
    };
    let month = parse_month(month_text).map_err(|m| (DatePart::Month, m))?;
    let Some(day_text) = day else {
        return PartialDate::month(year, month)
            .map(Some)
            .map_err(|e| (DatePart::Month, e.to_string()));
    };
    let s = day_text.trim();
    let significant = s.trim_start_matches('0');
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || significant.len() > 4 {
        return Err((DatePart::Day, format!("{} is not a day", quoted(day_text))));
    }
    let d: u32 = significant.parse().unwrap_or(0);
    let not_a_day = || {
        (
            DatePart::Day,
            format!(
                "{d} is not a day of {} {}",
                month_name(month),
                format_year(year)
            ),
        )
    };
    if d == 0 || d > u32::from(days_in_month(year, month)) {
        return Err(not_a_day());
    }
    let d = u8::try_from(d).map_err(|_| not_a_day())?;
    PartialDate::day(year, month, d)
        .map(Some)
        .map_err(|e| (DatePart::Day, e.to_string()))
}

/// A date or an interval from the parts: an EDTF interval (`1990/2003`, `2016/..`) may stand in
/// the year cell, alone.
pub(crate) fn when_from_parts(
    year: Option<&str>,
    month: Option<&str>,
    day: Option<&str>,
) -> Result<Option<Edtf>, (DatePart, String)> {
    if let Some(interval) = year.filter(|y| y.contains('/')) {
        if month.is_some() || day.is_some() {
            return Err((
                DatePart::Year,
                format!(
                    "{} is an interval: its month and day go inside it (1990-04/2003), not in their own cells",
                    quoted(interval)
                ),
            ));
        }
        return Edtf::parse(interval)
            .map(Some)
            .map_err(|e| (DatePart::Year, e.to_string()));
    }
    date_from_parts(year, month, day).map(|d| d.map(Edtf::Date))
}

/// An event's dates: start, end and open side.
pub(crate) type When = (PartialDate, Option<PartialDate>, Option<OpenSide>);

/// The dates of a record from its start (a date or an interval) and its end (a date), or the
/// message of what is wrong with them.
pub(crate) fn when(start: Edtf, end: Option<Edtf>) -> Result<When, String> {
    let end = match end {
        None => None,
        Some(Edtf::Date(d)) => Some(d),
        Some(interval) => {
            return Err(format!(
                "the end '{}' is an interval: give the whole interval as the start",
                interval.to_edtf()
            ))
        }
    };
    let (start, end, open) = split_interval(start, end)?;
    if let Some(end) = end {
        if !ends_after(&start, &end) {
            return Err(end_before_start(&start, &end));
        }
    }
    Ok((start, end, open))
}

pub(crate) use crate::core::edtf::ends_after;

/// "the end (1990) is before the start (1994)"; where the end falls within the start's period
/// but ends before it does, that is said: "the end (June 2005) comes before the end of the
/// start (2005): give the end as 2005 or later, or the start more precisely".
pub(crate) fn end_before_start(start: &PartialDate, end: &PartialDate) -> String {
    if end.end_day() > start.first_day() {
        return format!(
            "the end ({}) comes before the end of the start ({}): give the end as {} or \
             later, or the start more precisely",
            end.format_human(),
            start.format_human(),
            start.format_human()
        );
    }
    format!(
        "the end ({}) is before the start ({})",
        end.format_human(),
        start.format_human()
    )
}
