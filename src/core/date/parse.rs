//! Reading dates: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and the EDTF level 1 forms, and their JSON
//! Schema.

use super::{DateError, PartialDate, Qualifier, Season, Unspecified};

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and the EDTF level 1 forms: a qualifier at the
    /// end (`2004~`, `2004-06?`, `2004-06-11%`), unspecified digits from the right (`201X`,
    /// `20XX`, `2XXX`, `2004-XX`, `1985-04-XX`, `1985-XX-XX`), seasons (`2001-21` … `2001-24`)
    /// and long years (`Y170000`). Years may be negative (BCE, astronomical numbering: `-0044`
    /// is 45 BC, and so is `-44`) or longer than four digits.
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
        if !all_digits(year_text) || year_text.len() < min_year_digits(negative) {
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
}

/// The fewest digits a year may be written with: four (`0500`, as ISO 8601 has it: `500` or
/// `83` would be a guess), but one for a negative year, whose minus already says it is no
/// abbreviation (`-500` is 501 BC, as `-0500` is).
fn min_year_digits(negative: bool) -> usize {
    if negative {
        1
    } else {
        4
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
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
pub(crate) const DATE_PATTERN: &str = "(Y-?[0-9]{5,7}|(-[0-9]{1,7}|[0-9]{4,7})(-(0[1-9]|1[0-2]|2[1-4]|XX)(-(0[1-9]|[12][0-9]|3[01]|XX))?)?|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)[?~%]?";

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date exactly as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD (a leading '-' for years BC, astronomical numbering: -500 or -0500 is 501 BC), or an EDTF level 1 date: qualified (2004~ approximate, 2004? uncertain, 2004% both), with unspecified digits (199X, 19XX, 2004-XX, 1985-04-XX), a season (2001-21 spring … 2001-24 winter) or a long year (Y170000).",
            "pattern": format!("^{DATE_PATTERN}$")
        })
    }
}
