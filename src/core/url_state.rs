//! The whole view ⇄ a URL query string, so that a link shows exactly what its sender saw.
//!
//! `?domain=afghanistan,piracy&party=china&phase=second-abe&q=worner&dim=1&group=domain&follow=0&from=2006&to=2012-06-30&event=2007-abe-nac-speech`
//!
//! In story mode the link names the story and its scene: `?story=the-brief&scene=take-off-2007`.
//!
//! Parsing never fails: whatever cannot be understood is left at its default and reported in a
//! short notice, and the rest of the link still applies.

use crate::core::date::{civil_from_days, days_from_civil, PartialDate};
use crate::core::grouping::GroupBy;
use crate::core::query::Filter;

mod parse;
mod write;

pub use parse::parse;
pub use write::to_query;

/// Everything about the view that a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub filter: Filter,
    /// Filtered-out events dimmed rather than hidden.
    pub dim: bool,
    /// The timeline's lanes grouped by phase, domain or third party (`group=`).
    pub group: GroupBy,
    /// The lanes folded to their header, by key (`fold=cyber,balkans`; only with a grouping).
    pub folded: std::collections::BTreeSet<String>,
    /// The window follows the filters (`follow=0` turns it off; on when absent).
    pub follow: bool,
    /// The visible window, in days from 1970-01-01.
    pub window: Option<(f64, f64)>,
    /// The id of the selected event.
    pub selected: Option<String>,
    /// A synthetic dataset of this many events instead of the chronology.
    pub synthetic: Option<usize>,
    /// A chronology file to load instead of the built-in one (a URL, usually relative, of the
    /// same site).
    pub data: Option<String>,
    /// The id of the story being toured (story mode).
    pub story: Option<String>,
    /// The scene of that story: its id, or its number from 1 (see
    /// [`crate::core::story::locate`]). Only with a story.
    pub scene: Option<String>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            filter: Filter::default(),
            dim: false,
            group: GroupBy::None,
            folded: Default::default(),
            follow: true,
            window: None,
            selected: None,
            synthetic: None,
            data: None,
            story: None,
            scene: None,
        }
    }
}

/// The `data` value naming the chronology imported in this browser and kept there (rather than
/// a file of the site): `?data=@browser`.
pub const KEPT_DATA: &str = "@browser";

/// The longest `data` URL a link may carry.
pub const MAX_DATA_URL: usize = 2_000;

/// Percent-decodes a query component (`+` is a space). Invalid escapes and invalid UTF-8 are
/// kept as they are rather than refused.
pub fn decode_component(s: &str) -> String {
    String::from_utf8_lossy(&decode_bytes(s)).into_owned()
}

/// A query component decoded, or None where its bytes are not UTF-8 text (`%FF`).
pub fn decode_text(s: &str) -> Option<String> {
    String::from_utf8(decode_bytes(s)).ok()
}

fn decode_bytes(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Percent-encodes a query component, keeping what is safe and readable (letters, digits,
/// `-._~` and, for lists, `,`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A day (possibly fractional) as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when not on midnight.
pub fn format_day(day: f64) -> String {
    let minutes = (day * 1440.0).round() as i64;
    let whole = minutes.div_euclid(1440);
    let rest = minutes.rem_euclid(1440);
    let (y, m, d) = civil_from_days(whole);
    let date = PartialDate::day(y, m, d)
        .map(|p| p.to_iso())
        .unwrap_or_default();
    if rest == 0 {
        date
    } else {
        format!("{date}T{:02}:{:02}", rest / 60, rest % 60)
    }
}

/// A window's bounds as a link writes them: a bound on the first day of a year or a month (at
/// midnight) as that year or month, the rest as [`format_day`] does. `from=2008` is the first day
/// of 2008 and `to=2011` runs to the end of 2011 (see [`period_end`]), so `[2008-01-01,
/// 2012-01-01)` is written `from=2008&to=2011`, as a link written by hand names it.
pub fn format_window(start: f64, end: f64) -> (String, String) {
    (format_bound(start, false), format_bound(end, true))
}

/// `day` as a year or a month when it starts one: that one for a start, the one before it for
/// an end (exclusive).
fn format_bound(day: f64, end: bool) -> String {
    let minutes = (day * 1440.0).round() as i64;
    if minutes.rem_euclid(1440) != 0 {
        return format_day(day);
    }
    let (y, m, d) = civil_from_days(minutes.div_euclid(1440));
    let period = match (m, d, end) {
        (1, 1, false) => PartialDate::year(y),
        (_, 1, false) => PartialDate::month(y, m),
        (1, 1, true) => PartialDate::year(y - 1),
        (_, 1, true) => PartialDate::month(y, m - 1),
        _ => return format_day(day),
    };
    period
        .map(|p| p.to_iso())
        .unwrap_or_else(|_| format_day(day))
}

/// Parses what [`format_day`] writes; also accepts `YYYY` and `YYYY-MM` (their first day).
pub fn parse_day(text: &str) -> Option<f64> {
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let d = PartialDate::parse(date).ok()?;
    let mut minutes = d.first_day() * 1440;
    if let Some(t) = time {
        let (h, m) = t.split_once(':')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 23 || m > 59 {
            return None;
        }
        minutes += i64::from(h * 60 + m);
    }
    // Whole minutes over 1,440, as [`round_window`] computes them: the same float either way
    // (a day plus a fraction would round differently before 1970).
    Some(minutes as f64 / 1440.0)
}

/// The end (exclusive) of the year or month `text` names (`2010` → the first day of 2011); None
/// for a day, or what is not a date. A link's `to` of a year or a month runs to its end.
pub fn period_end(text: &str) -> Option<f64> {
    let d = PartialDate::parse(text).ok()?;
    (d.precision() != crate::core::date::Precision::Day).then(|| d.end_day() as f64)
}

/// Rounds a window to what a link carries, so that a restored view equals the one the link was
/// made from: whole minutes, or whole days for a window of [`DAYS_FROM`] or more, where a day is
/// a pixel or less of the drawing and a link read `from=2000-07-09T16:19&to=2017-06-25T07:41`
/// (a window eased to the filters' events), in a shared link and a picture's credit.
pub fn round_window(start: f64, end: f64) -> (f64, f64) {
    let per_day = if end - start >= DAYS_FROM {
        1.0
    } else {
        1440.0
    };
    let r = |d: f64| (d * per_day).round() / per_day;
    (r(start), r(end))
}

/// How wide a window is (in days: five years) for its link to name days, not minutes.
pub const DAYS_FROM: f64 = 5.0 * 365.25;

/// The first day of a year, handy for tests and defaults.
pub fn year_start(year: i32) -> f64 {
    days_from_civil(year, 1, 1) as f64
}

#[cfg(test)]
mod tests;
