//! EDTF values that may be intervals (ISO 8601-2, level 1): a date ([`PartialDate`], with its
//! qualifiers and unspecified digits), or an interval of two dates `1990/2003` whose ends may be
//! qualified (`1995~/1998~`), open (`2016/..`: it goes on; `../2003`: it had gone on before) or
//! unknown (`2016/`, `/2003`).
//!
//! Where a field holds an interval (an event's `start` in the dataset, a date column of a CSV or
//! a TimelineJS sheet), an interval in it with no separate end makes a span.

#[cfg(not(target_arch = "wasm32"))]
use crate::core::date::DATE_PATTERN;
use crate::core::date::{DateError, PartialDate, Remark};
use std::fmt;

/// One end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    Date(PartialDate),
    /// `..`: open, it goes on (or had gone on) beyond what is stated.
    Open,
    /// Empty: there is an end, but it is not known.
    Unknown,
}

impl Bound {
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            Bound::Date(d) => Some(*d),
            _ => None,
        }
    }

    fn to_edtf(self) -> String {
        match self {
            Bound::Date(d) => d.to_iso(),
            Bound::Open => "..".into(),
            Bound::Unknown => String::new(),
        }
    }

    fn parse(text: &str, whole: &str) -> Result<Self, DateError> {
        match text.trim() {
            "" => Ok(Bound::Unknown),
            ".." => Ok(Bound::Open),
            t => PartialDate::parse(t).map(Bound::Date).map_err(|e| match e {
                DateError::Format(_) => DateError::Format(whole.to_string()),
                other => other,
            }),
        }
    }
}

/// A date or an interval, as EDTF writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edtf {
    Date(PartialDate),
    /// At least one end is a date, and the end does not come before the start.
    Interval(Bound, Bound),
}

/// Whether `end` may end something that starts at `start`: it does not end before the start
/// begins, nor before the start's own range is over (the rule events and phases keep).
pub fn ends_after(start: &PartialDate, end: &PartialDate) -> bool {
    end.end_day() > start.first_day() && end.end_day() >= start.end_day()
}

impl Edtf {
    /// Parses a date (see [`PartialDate::parse`]) or an interval `A/B`, where each side is a
    /// date, `..` (open) or empty (unknown), and at least one side is a date.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let s = text.trim();
        let Some((a, b)) = s.split_once('/') else {
            return PartialDate::parse(s).map(Edtf::Date);
        };
        if b.contains('/') {
            return Err(DateError::Format(text.to_string()));
        }
        let start = Bound::parse(a, text)?;
        let end = Bound::parse(b, text)?;
        match (start, end) {
            (Bound::Date(a), Bound::Date(b)) if !ends_after(&a, &b) => {
                Err(DateError::Interval(text.to_string()))
            }
            (Bound::Date(_), _) | (_, Bound::Date(_)) => Ok(Edtf::Interval(start, end)),
            _ => Err(DateError::Interval(text.to_string())),
        }
    }

    /// The EDTF text: `2004~`, `1990/2003`, `2016/..`, `/2003`.
    pub fn to_edtf(&self) -> String {
        match self {
            Edtf::Date(d) => d.to_iso(),
            Edtf::Interval(a, b) => format!("{}/{}", a.to_edtf(), b.to_edtf()),
        }
    }

    /// The first date it names: the date itself, or the interval's start when it is a date.
    pub fn start(&self) -> Option<PartialDate> {
        match self {
            Edtf::Date(d) => Some(*d),
            Edtf::Interval(a, _) => a.date(),
        }
    }

    /// The interval's end when it is a date (`None` for a single date).
    pub fn end(&self) -> Option<PartialDate> {
        match self {
            Edtf::Date(_) => None,
            Edtf::Interval(_, b) => b.date(),
        }
    }

    /// The earliest day it may cover; `None` when the start is open or unknown.
    pub fn first_day(&self) -> Option<i64> {
        self.start().map(|d| d.first_day())
    }

    /// The day after the latest day it may cover; `None` when the end is open or unknown.
    pub fn end_day(&self) -> Option<i64> {
        match self {
            Edtf::Date(d) => Some(d.end_day()),
            Edtf::Interval(_, b) => b.date().map(|d| d.end_day()),
        }
    }

    /// The year the value starts in (or ends in, when its start is not a date), for a
    /// bibliography's year.
    pub fn year(&self) -> Option<i32> {
        self.start().or_else(|| self.end()).map(|d| d.year_number())
    }

    /// For readers: "circa 2004", "1990 – 2003", "2016 onwards", "until 2003",
    /// "2016 – end unknown", "start unknown – 2003".
    pub fn format_human(&self) -> String {
        match self {
            Edtf::Date(d) => d.format_human(),
            Edtf::Interval(a, b) => interval_human(*a, *b),
        }
    }

    /// As [`format_human`](Self::format_human), with no parentheses of its own, for a text
    /// that puts it in parentheses (a citation's "on “…” (1980, uncertain)"): what the date
    /// states, then what it says of it after commas: "1980, uncertain", "circa 2004, month
    /// unknown", "circa 1981 – 1983", "1990 – 2003, end uncertain", "1990 – 2003, both ends
    /// uncertain", "2016 onwards, start uncertain", "start unknown – 2003, end uncertain".
    pub fn format_inline(&self) -> String {
        let (stated, remarks) = match self {
            Edtf::Date(d) => {
                let (stated, remarks) = d.human_parts_after(d.year_number());
                (
                    stated,
                    remarks.iter().map(|r| r.said().to_string()).collect(),
                )
            }
            Edtf::Interval(a, b) => {
                let first = a.date().map(|d| d.year_number());
                let start = a.date().map(|d| d.human_parts_after(d.year_number()));
                let end = b
                    .date()
                    .map(|d| d.human_parts_after(first.unwrap_or(d.year_number())));
                let said = |side: &Option<(String, Vec<Remark>)>| {
                    side.as_ref().map(|(s, _)| s.clone()).unwrap_or_default()
                };
                let stated = match (a, b) {
                    (Bound::Date(_), Bound::Date(_)) => {
                        format!("{} – {}", said(&start), said(&end))
                    }
                    (Bound::Date(_), Bound::Open) => format!("{} onwards", said(&start)),
                    (Bound::Date(_), Bound::Unknown) => format!("{} – end unknown", said(&start)),
                    (Bound::Open, Bound::Date(_)) => format!("until {}", said(&end)),
                    (Bound::Unknown, Bound::Date(_)) => format!("start unknown – {}", said(&end)),
                    _ => "unknown".into(),
                };
                let of = |side: &Option<(String, Vec<Remark>)>| {
                    side.as_ref().map(|(_, r)| r.clone()).unwrap_or_default()
                };
                let (from, to) = (of(&start), of(&end));
                let mut remarks: Vec<String> = Vec::new();
                for r in &from {
                    if to.contains(r) {
                        remarks.push(r.said_of_both().to_string());
                    } else {
                        remarks.push(r.said_of("start"));
                    }
                }
                remarks.extend(
                    to.iter()
                        .filter(|r| !from.contains(r))
                        .map(|r| r.said_of("end")),
                );
                (stated, remarks)
            }
        };
        std::iter::once(stated)
            .chain(remarks)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An interval for readers (see [`Edtf::format_human`]).
pub fn interval_human(start: Bound, end: Bound) -> String {
    match (start, end) {
        (Bound::Date(a), Bound::Date(b)) => {
            format!(
                "{} – {}",
                a.format_human(),
                b.format_human_after(a.year_number())
            )
        }
        (Bound::Date(a), Bound::Open) => format!("{} onwards", a.format_human()),
        (Bound::Date(a), Bound::Unknown) => format!("{} – end unknown", a.format_human()),
        (Bound::Open, Bound::Date(b)) => format!("until {}", b.format_human()),
        (Bound::Unknown, Bound::Date(b)) => format!("start unknown – {}", b.format_human()),
        _ => "unknown".into(),
    }
}

impl From<PartialDate> for Edtf {
    fn from(d: PartialDate) -> Self {
        Edtf::Date(d)
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_human())
    }
}

impl serde::Serialize for Edtf {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_edtf())
    }
}

impl<'de> serde::Deserialize<'de> for Edtf {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Edtf::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Edtf {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EdtfDateOrInterval".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An EDTF level 1 date (see PartialDate), or an interval of two of them: 1990/2003, 1995~/1998~, 2016/.. (open end), ../2003 (open start), 2016/ (unknown end), /2003 (unknown start).",
            "pattern": format!("^({DATE_PATTERN}|({DATE_PATTERN}|\\.\\.)?/({DATE_PATTERN}|\\.\\.)?)$")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Edtf {
        Edtf::parse(s).unwrap_or_else(|err| panic!("{s}: {err}"))
    }

    #[test]
    fn intervals_and_open_ends_read_and_write_back() {
        for text in [
            "1990/2003",
            "1995~/1998~",
            "199X/2001~",
            "2016/..",
            "../2003",
            "2016/",
            "/2003",
            "2004-06-11%/2004-07",
            "2004",
            "2004~",
        ] {
            assert_eq!(e(text).to_edtf(), text);
        }
        assert_eq!(e("1990/2003").format_human(), "1990 – 2003");
        // Across the start of the era, the later end says AD.
        assert_eq!(e("-0049/0014").format_human(), "50 BC – AD 14");
        assert_eq!(e("-0049/0014-08").format_human(), "50 BC – August AD 14");
        assert_eq!(e("-0099/-0009").format_human(), "100 BC – 10 BC");
        assert_eq!(e("2016/..").format_human(), "2016 onwards");
        assert_eq!(e("../2003").format_human(), "until 2003");
        assert_eq!(e("2016/").format_human(), "2016 – end unknown");
        assert_eq!(
            e("/2003?").format_human(),
            "start unknown – 2003 (uncertain)"
        );
        assert_eq!(e("1990/2003").start(), PartialDate::parse("1990").ok());
    }

    /// Inside a citation's parentheses, a date's own remarks follow commas, not parentheses
    /// of their own ("(1980, uncertain)", not "(1980 (uncertain))"), and a range says which
    /// end they are of.
    #[test]
    fn the_inline_form_has_no_parentheses_and_says_which_end() {
        for (text, inline) in [
            ("1980?", "1980, uncertain"),
            ("2004~", "circa 2004"),
            ("2004%", "circa 2004, uncertain"),
            ("2004-XX", "2004, month unknown"),
            ("2004-XX?", "2004, month unknown, uncertain"),
            ("2004-05-XX", "May 2004, day unknown"),
            ("199X", "the 1990s"),
            ("1981~/1983", "circa 1981 – 1983"),
            ("1995~/1998~", "circa 1995 – circa 1998"),
            ("1990/2001~", "1990 – circa 2001"),
            ("1990?/2003", "1990 – 2003, start uncertain"),
            ("1990/2003?", "1990 – 2003, end uncertain"),
            ("1990?/2003?", "1990 – 2003, both ends uncertain"),
            (
                "1990%/2003-XX",
                "circa 1990 – 2003, start uncertain, month of the end unknown",
            ),
            ("-0049?/0014", "50 BC – AD 14, start uncertain"),
            ("2016/..", "2016 onwards"),
            ("2016?/..", "2016 onwards, start uncertain"),
            ("../2003?", "until 2003, end uncertain"),
            ("2016/", "2016 – end unknown"),
            ("/2003?", "start unknown – 2003, end uncertain"),
            ("2014-05-06", "6 May 2014"),
        ] {
            let value = e(text);
            assert_eq!(value.format_inline(), inline, "{text}");
            assert!(!value.format_inline().contains(['(', ')']), "{text}");
        }
        // The reader's form elsewhere is as it was.
        assert_eq!(
            e("2004-XX?").format_human(),
            "2004 (month unknown) (uncertain)"
        );
        assert_eq!(e("1980?").format_human(), "1980 (uncertain)");
        assert_eq!(e("1990/2003").end(), PartialDate::parse("2003").ok());
        assert_eq!(e("2016/..").end_day(), None);
        assert_eq!(e("../2003").first_day(), None);
        assert_eq!(e("../2003").year(), Some(2003));
    }

    #[test]
    fn broken_intervals_are_refused_with_the_reason() {
        for (bad, reason) in [
            ("2003/1990", "it ends before it starts"),
            ("../..", "at least one end must be a date"),
            ("/", "at least one end must be a date"),
            ("1990/2003/2005", "is not a date"),
            ("1990/20x3", "'1990/20x3' is not a date"),
            ("1990/2003-13", "no such month"),
        ] {
            let err = Edtf::parse(bad).unwrap_err().to_string();
            assert!(err.contains(reason), "{bad}: {err}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn intervals_round_trip_with_ordered_bounds(
                a in 1000i32..2100, len in 0i32..50, qa in 0usize..4, qb in 0usize..4, open in 0usize..5
            ) {
                let q = ["", "~", "?", "%"];
                let text = match open {
                    0 => format!("{a}{}/..", q[qa]),
                    1 => format!("../{a}{}", q[qa]),
                    2 => format!("{a}{}/", q[qa]),
                    3 => format!("/{a}{}", q[qa]),
                    _ => format!("{a}{}/{}{}", q[qa], a + len + 2, q[qb]),
                };
                let value = Edtf::parse(&text).unwrap();
                prop_assert_eq!(value.to_edtf(), text.clone());
                prop_assert_eq!(Edtf::parse(&value.to_edtf()).unwrap(), value);
                if let (Some(first), Some(end)) = (value.first_day(), value.end_day()) {
                    prop_assert!(first < end);
                }
            }

            #[test]
            fn parsing_any_text_never_panics(s in "\\PC{0,24}") {
                let _ = Edtf::parse(&s);
            }
        }
    }
}
