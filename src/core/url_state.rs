//! The whole view ⇄ a URL query string, so that a link shows exactly what its sender saw.
//!
//! `?domain=afghanistan,piracy&party=china&phase=second-abe&q=worner&dim=1&group=domain&follow=0&from=2006-01-01&to=2012-06-30&event=2007-abe-nac-speech`
//!
//! In story mode the link names the story and its scene: `?story=the-brief&scene=take-off-2007`.
//!
//! Parsing never fails: whatever cannot be understood is left at its default and reported in a
//! short notice, and the rest of the link still applies.

use crate::core::date::{civil_from_days, days_from_civil, PartialDate};
use crate::core::grouping::GroupBy;
use crate::core::notices::Ignored;
use crate::core::query::{Facet, Filter};
use crate::core::synthetic::MAX_EVENTS;
use crate::core::text::{code_point, id_problem, is_invisible, shown, thousands};

/// Everything about the view that a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub filter: Filter,
    /// Filtered-out events dimmed rather than hidden.
    pub dim: bool,
    /// The timeline's lanes grouped by phase, domain or third party (`group=`).
    pub group: GroupBy,
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
    String::from_utf8_lossy(&out).into_owned()
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

/// Parses what [`format_day`] writes; also accepts `YYYY` and `YYYY-MM` (their first day).
pub fn parse_day(text: &str) -> Option<f64> {
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let d = PartialDate::parse(date).ok()?;
    let mut day = d.first_day() as f64;
    if let Some(t) = time {
        let (h, m) = t.split_once(':')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 23 || m > 59 {
            return None;
        }
        day += f64::from(h * 60 + m) / 1440.0;
    }
    Some(day)
}

/// A value cut short for a notice.
fn short_text(s: &str) -> String {
    let mut t: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        t.push('…');
    }
    t
}

/// Every id an import accepts ([`id_problem`]): a link carries it, percent-encoded.
fn is_id(s: &str) -> bool {
    id_problem(s).is_none()
}

/// Reads a query string (with or without the leading `?`). Returns the view and the notices of
/// what was ignored: one per kind (a lone value has its own message; many are collapsed into
/// "5,000 domain values in the link ignored: 'a', 'b', 'c' …").
pub fn parse(query: &str) -> (ViewState, Vec<String>) {
    let mut view = ViewState::default();
    let mut notices = Vec::new();
    // Ignored values are gathered by kind: thousands of one kind give one notice.
    let mut ignored = Ignored::default();
    let mut from = None;
    let mut to = None;
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode_component(raw_key);
        let value = decode_component(raw_value);
        let short = |s: &str| -> String { shown(s, 40) };
        let facet = Facet::ALL.into_iter().find(|f| f.key() == key);
        match (key.as_str(), facet) {
            (_, Some(facet)) => {
                // Split before decoding: a comma inside an id comes encoded (%2C).
                let ids: Vec<String> = raw_value.split(',').map(decode_component).collect();
                for id in ids.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                    if is_id(id) {
                        view.filter.selected_mut(facet).insert(id.to_string());
                    } else {
                        let one = format!("{} value", facet.label().to_lowercase());
                        let many = format!("{one}s");
                        ignored.add(facet.key(), (&one, &many), id, || {
                            format!("Ignored the {one} '{}' in the link.", short(id))
                        });
                    }
                }
            }
            ("q", None) => view.filter.text = value.chars().take(500).collect(),
            ("dim", None) => match value.as_str() {
                "1" | "true" | "" => view.dim = true,
                "0" | "false" => view.dim = false,
                _ => ignored.add("dim", ("dim value", "dim values"), &value, || {
                    format!("Ignored dim='{}' in the link (use 1 or 0).", short(&value))
                }),
            },
            ("group", None) => match GroupBy::parse(&value) {
                Some(group) => view.group = group,
                None => notices.push(format!("Ignored group='{}' in the link (use none, phase, domain or party).", short(&value))),
            },
            ("follow", None) => match value.as_str() {
                "1" | "true" | "" => view.follow = true,
                "0" | "false" => view.follow = false,
                _ => notices.push(format!("Ignored follow='{}' in the link (use 1 or 0).", short(&value))),
            },
            ("from", None) => match parse_day(&value) {
                Some(d) => from = Some(d),
                None => ignored.add("from", ("from value", "from values"), &value, || {
                    format!("Ignored from='{}' in the link: not a date.", short(&value))
                }),
            },
            ("to", None) => match parse_day(&value) {
                Some(d) => to = Some(d),
                None => ignored.add("to", ("to value", "to values"), &value, || {
                    format!("Ignored to='{}' in the link: not a date.", short(&value))
                }),
            },
            ("event", None) => {
                if is_id(&value) {
                    view.selected = Some(value);
                } else {
                    ignored.add("event", ("event value", "event values"), &value, || {
                        format!("Ignored event='{}' in the link.", short(&value))
                    });
                }
            }
            ("story", None) => {
                if is_id(&value) {
                    view.story = Some(value);
                } else {
                    notices.push(format!("Ignored story='{}' in the link: not a story id.", short(&value)));
                }
            }
            ("scene", None) => {
                if is_id(&value) {
                    view.scene = Some(value);
                } else {
                    notices.push(format!("Ignored scene='{}' in the link: not a scene id.", short(&value)));
                }
            }
            ("synthetic", None) => match value.parse::<usize>() {
                Ok(n) if n <= MAX_EVENTS => view.synthetic = Some(n),
                _ => ignored.add("synthetic", ("synthetic value", "synthetic values"), &value, || {
                    format!(
                        "Ignored synthetic='{}' in the link: a number of events up to {} is expected.",
                        short(&value),
                        thousands(MAX_EVENTS)
                    )
                }),
            },
            ("data", None) => {
                let url = value.trim();
                if let Some(c) = url.chars().find(|c| is_invisible(*c)) {
                    // An address with a zero-width space or a bidi control reads as another.
                    ignored.add("data", ("data value", "data values"), &value, || {
                        format!(
                            "Ignored data='{}' in the link: the address has an invisible character ({}).",
                            short(&value),
                            code_point(c)
                        )
                    });
                } else if !url.is_empty()
                    && url.len() <= MAX_DATA_URL
                    && !url.chars().any(char::is_control)
                {
                    view.data = Some(url.to_string());
                } else {
                    ignored.add("data", ("data value", "data values"), &value, || {
                        format!("Ignored data='{}' in the link: not a file address.", short(&value))
                    });
                }
            }
            _ => ignored.add("", ("unknown parameter", "unknown parameters"), &key, || {
                format!("Ignored the unknown parameter '{}' in the link.", short(&key))
            }),
        }
    }
    if view.story.is_none() {
        if let Some(scene) = view.scene.take() {
            notices.push(format!(
                "Ignored scene='{}' in the link: it needs a story.",
                short_text(&scene)
            ));
        }
    }
    match (from, to) {
        (Some(f), Some(t)) if t > f => view.window = Some((f, t)),
        (None, None) => {}
        _ => notices.push(
            "Ignored the link's time window: it needs both from and to, with to after from.".into(),
        ),
    }
    let mut all = ignored.notices("in the link");
    all.extend(notices);
    (view, all)
}

/// Writes the view as a query string (with the leading `?`, or empty for the default view).
/// Keys come in a fixed order so that equal views give equal links.
pub fn to_query(view: &ViewState) -> String {
    let mut parts = Vec::new();
    if let Some(n) = view.synthetic {
        parts.push(format!("synthetic={n}"));
    }
    if let Some(url) = &view.data {
        // Slashes, colons and dots stay readable in a file address.
        let encoded = encode_component(url)
            .replace("%2F", "/")
            .replace("%3A", ":")
            .replace("%40", "@");
        parts.push(format!("data={encoded}"));
    }
    if let Some(story) = &view.story {
        parts.push(format!("story={}", encode_component(story)));
        if let Some(scene) = &view.scene {
            parts.push(format!("scene={}", encode_component(scene)));
        }
    }
    for facet in Facet::ALL {
        let selected = view.filter.selected(facet);
        if !selected.is_empty() {
            // The comma separates the list, so a comma inside an id is encoded.
            let list: Vec<String> = selected
                .iter()
                .map(|s| encode_component(s).replace(',', "%2C"))
                .collect();
            parts.push(format!("{}={}", facet.key(), list.join(",")));
        }
    }
    if !view.filter.text.is_empty() {
        parts.push(format!("q={}", encode_component(&view.filter.text)));
    }
    if view.dim {
        parts.push("dim=1".into());
    }
    if view.group != GroupBy::None {
        parts.push(format!("group={}", view.group.key()));
    }
    if !view.follow {
        parts.push("follow=0".into());
    }
    if let Some((f, t)) = view.window {
        parts.push(format!("from={}&to={}", format_day(f), format_day(t)));
    }
    if let Some(id) = &view.selected {
        parts.push(format!("event={}", encode_component(id)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Rounds a window to what a link can carry (whole minutes), so that a restored view equals the
/// one the link was made from.
pub fn round_window(start: f64, end: f64) -> (f64, f64) {
    let r = |d: f64| (d * 1440.0).round() / 1440.0;
    (r(start), r(end))
}

/// The first day of a year, handy for tests and defaults.
pub fn year_start(year: i32) -> f64 {
    days_from_civil(year, 1, 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_link_round_trips() {
        let mut view = ViewState::default();
        view.filter.domains.insert("afghanistan".into());
        view.filter.domains.insert("piracy".into());
        view.filter.third_parties.insert("china".into());
        view.filter.text = "Wörner & co".into();
        view.dim = true;
        view.group = GroupBy::Domain;
        view.follow = false;
        view.window = Some(round_window(
            year_start(1990) + 0.25,
            year_start(2001) + 17.5,
        ));
        view.selected = Some("1991-worner-visit".into());
        let q = to_query(&view);
        assert!(q.starts_with("?domain=afghanistan,piracy&party=china&q=W%C3%B6rner+%26+co&dim=1&group=domain&follow=0&from=1990-01-01T06:00"), "{q}");
        let (back, notices) = parse(&q);
        assert_eq!(notices, Vec::<String>::new());
        assert_eq!(back, view);
        assert_eq!(to_query(&ViewState::default()), "");
    }

    #[test]
    fn a_data_file_travels_in_the_link() {
        let view = ViewState {
            data: Some("data/thesis timeline.csv".into()),
            ..ViewState::default()
        };
        let q = to_query(&view);
        assert_eq!(q, "?data=data/thesis+timeline.csv");
        assert_eq!(parse(&q), (view, vec![]));
        let kept = ViewState {
            data: Some(KEPT_DATA.into()),
            ..ViewState::default()
        };
        assert_eq!(to_query(&kept), "?data=@browser");
        assert_eq!(parse("?data=@browser"), (kept, vec![]));
        let (bad, notices) = parse("?data=");
        assert_eq!(bad.data, None);
        assert_eq!(notices.len(), 1, "{notices:?}");
    }

    #[test]
    fn a_story_and_its_scene_travel_in_the_link() {
        let view = ViewState {
            story: Some("the-brief".into()),
            scene: Some("take-off-2007".into()),
            ..ViewState::default()
        };
        let q = to_query(&view);
        assert_eq!(q, "?story=the-brief&scene=take-off-2007");
        assert_eq!(parse(&q), (view, vec![]));
        // A scene by its number, and a story alone (its first scene).
        let (by_number, notices) = parse("?story=the-brief&scene=5");
        assert_eq!(by_number.scene.as_deref(), Some("5"));
        assert!(notices.is_empty());
        let (alone, _) = parse("?story=the-brief");
        assert_eq!(
            (alone.story.as_deref(), alone.scene),
            (Some("the-brief"), None)
        );
    }

    #[test]
    fn a_broken_story_link_falls_back_to_no_story_with_a_notice() {
        // Any id a chronology may have travels (a story of an import may be named `<b>`); one
        // with a control or invisible character cannot be an id.
        let (view, _) = parse("?story=%3Cb%3E&scene=a%20b");
        assert_eq!(
            (view.story.as_deref(), view.scene.as_deref()),
            (Some("<b>"), Some("a b"))
        );
        let (view, notices) = parse("?story=x%E2%80%8By&scene=x&domain=cyber");
        assert_eq!((view.story, view.scene), (None, None));
        assert!(view.filter.domains.contains("cyber"));
        assert!(
            notices.iter().any(|n| n.contains("not a story id")),
            "{notices:?}"
        );
        assert!(
            notices
                .iter()
                .any(|n| n.contains("scene='x'") && n.contains("needs a story")),
            "{notices:?}"
        );
        let (view, notices) = parse("?story=the-brief&scene=a%01b");
        assert_eq!(view.story.as_deref(), Some("the-brief"));
        assert_eq!(view.scene, None);
        assert!(
            notices.iter().any(|n| n.contains("not a scene id")),
            "{notices:?}"
        );
    }

    #[test]
    fn garbage_is_ignored_with_a_notice_and_the_rest_applies() {
        let (view, notices) = parse(
            "?domain=cyber&bogus=1&from=19x4&to=2000&event=<script>%00&dim=maybe&synthetic=-3&%ZZ=%&group=year&follow=sometimes",
        );
        assert_eq!(view.group, GroupBy::None);
        assert!(view.follow, "following stays on");
        assert!(
            notices.iter().any(|n| n.contains("group='year'")),
            "{notices:?}"
        );
        assert!(
            notices.iter().any(|n| n.contains("follow='sometimes'")),
            "{notices:?}"
        );
        assert!(view.filter.domains.contains("cyber"));
        assert_eq!(view.window, None);
        assert_eq!(view.selected, None);
        assert!(!view.dim);
        assert_eq!(view.synthetic, None);
        assert!(
            notices
                .iter()
                .any(|n| n.contains("2 unknown parameters in the link ignored: 'bogus', '%ZZ'")),
            "{notices:?}"
        );
        assert!(
            notices.iter().any(|n| n.contains("from='19x4'")),
            "{notices:?}"
        );
        assert!(
            notices.iter().any(|n| n.contains("event='<script>␀'")),
            "{notices:?}"
        );
        assert!(notices.len() >= 7, "{notices:?}");
    }

    #[test]
    fn grouping_and_following_travel_in_the_link_and_default_to_none_and_on() {
        let (view, notices) = parse("");
        assert_eq!((view.group, view.follow), (GroupBy::None, true));
        assert!(notices.is_empty());
        for group in GroupBy::ALL {
            let view = ViewState {
                group,
                ..ViewState::default()
            };
            let q = to_query(&view);
            if group == GroupBy::None {
                assert_eq!(q, "");
            } else {
                assert_eq!(q, format!("?group={}", group.key()));
            }
            assert_eq!(parse(&q), (view, vec![]));
        }
        let still = ViewState {
            follow: false,
            ..ViewState::default()
        };
        assert_eq!(to_query(&still), "?follow=0");
        assert_eq!(parse("?follow=0").0, still);
        assert!(parse("?follow=1").0.follow);
        assert_eq!(parse("?group=party").0.group, GroupBy::Party);
    }

    #[test]
    fn a_data_address_with_invisible_characters_is_refused() {
        for address in [
            "data/a%E2%80%8Bb.json",
            "data/%E2%80%AEnosj.csv",
            "%EF%BB%BFdata.json",
            "data/a%C2%ADb.json",
            "data/a%E2%81%A0b.json",
        ] {
            let (view, notices) = parse(&format!("?data={address}"));
            assert_eq!(view.data, None, "{address}");
            assert_eq!(notices.len(), 1, "{address}: {notices:?}");
            assert!(notices[0].contains("invisible"), "{notices:?}");
        }
        let (view, notices) = parse("?synthetic=2000000");
        assert_eq!(view.synthetic, None);
        assert_eq!(
            notices,
            ["Ignored synthetic='2000000' in the link: a number of events up to 1,000,000 is expected."]
        );
    }

    #[test]
    fn many_ignored_values_of_one_kind_give_one_notice() {
        let bad_domains: Vec<String> = (0..5_000).map(|i| format!("%00d{i}")).collect();
        let unknown: Vec<String> = (0..5_000).map(|i| format!("x{i}=1")).collect();
        let dims = vec!["dim=maybe"; 5_000];
        let q = format!(
            "?domain={}&{}&{}&phase=%00p",
            bad_domains.join(","),
            unknown.join("&"),
            dims.join("&")
        );
        let (_, notices) = parse(&q);
        assert_eq!(
            notices,
            [
                "5,000 domain values in the link ignored: '␀d0', '␀d1', '␀d2' …",
                "5,000 unknown parameters in the link ignored: 'x0', 'x1', 'x2' …",
                "5,000 dim values in the link ignored: 'maybe' …",
                "Ignored the phase value '␀p' in the link.",
            ]
        );
    }

    #[test]
    fn any_id_an_import_accepts_travels_in_the_link() {
        let long = "x".repeat(250);
        let ids = [
            "event 1",
            "a/b?c#d",
            "a,b",
            "a+b",
            "100%",
            "x=y&z",
            "日本 と NATO",
            "'-5",
            long.as_str(),
        ];
        assert_eq!(
            parse("?event=event+1").0.selected.as_deref(),
            Some("event 1")
        );
        assert_eq!(
            parse("?event=event%201").0.selected.as_deref(),
            Some("event 1")
        );
        for id in ids {
            let mut view = ViewState {
                selected: Some(id.to_string()),
                ..ViewState::default()
            };
            view.filter.domains.insert(id.to_string());
            view.filter.domains.insert("cyber".to_string());
            view.filter.phases.insert(id.to_string());
            view.filter.third_parties.insert(id.to_string());
            let q = to_query(&view);
            assert_eq!(parse(&q), (view, vec![]), "{id}: {q}");
        }
        // A comma inside an id is not the list's separator.
        let mut view = ViewState::default();
        view.filter.domains.insert("a,b".into());
        assert_eq!(to_query(&view), "?domain=a%2Cb");
        assert_eq!(parse("?domain=a,b").0.filter.domains.len(), 2);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn id() -> impl Strategy<Value = String> {
            "[a-z0-9][a-z0-9-]{0,20}"
        }

        /// Any id an import accepts: arbitrary Unicode, with the link's own punctuation.
        fn any_id() -> impl Strategy<Value = String> {
            prop_oneof![
                "\\PC{1,24}",
                "[ ,+%&=#?/;:@'\"<>a-z0-9-]{1,12}",
                proptest::collection::vec(any::<char>(), 1..12)
                    .prop_map(|c| c.into_iter().collect::<String>()),
            ]
            .prop_filter("an id an import accepts", |s| id_problem(s).is_none())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn any_string_parses_without_panicking(s in "\\PC{0,200}") {
                let _ = parse(&s);
            }

            #[test]
            fn any_query_like_string_parses_without_panicking(
                pairs in proptest::collection::vec(("(domain|party|phase|q|dim|group|follow|from|to|event|synthetic|story|scene|x)", "[%+,=&a-zA-Z0-9:T.-]{0,30}"), 0..8)
            ) {
                let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let _ = parse(&q.join("&"));
            }

            #[test]
            fn any_accepted_id_round_trips_with_the_rest_of_the_view(
                domains in proptest::collection::btree_set(any_id(), 0..4),
                parties in proptest::collection::btree_set(any_id(), 0..3),
                phases in proptest::collection::btree_set(any_id(), 0..3),
                text in "\\PC{0,30}",
                dim: bool,
                window in proptest::option::of((-200_000.0f64..200_000.0, 1.0f64..50_000.0)),
                selected in proptest::option::of(any_id()),
                data in proptest::option::of("[a-zA-Z0-9/:._~%?&=#-]{1,40}"),
            ) {
                let view = ViewState {
                    filter: Filter { phases, domains, third_parties: parties, text, ..Filter::default() },
                    dim,
                    window: window.map(|(start, span)| round_window(start, start + span)),
                    selected,
                    data,
                    ..ViewState::default()
                };
                let (back, notices) = parse(&to_query(&view));
                prop_assert!(notices.is_empty(), "{:?}", notices);
                prop_assert_eq!(back, view);
            }

            #[test]
            fn views_round_trip(
                domains in proptest::collection::btree_set(id(), 0..4),
                parties in proptest::collection::btree_set(id(), 0..3),
                phases in proptest::collection::btree_set(id(), 0..3),
                text in "\\PC{0,30}",
                dim: bool,
                group in proptest::sample::select(GroupBy::ALL.to_vec()),
                follow: bool,
                start in -200_000.0f64..200_000.0,
                span in 1.0f64..50_000.0,
                selected in proptest::option::of(id()),
                synthetic in proptest::option::of(0usize..MAX_EVENTS),
                data in proptest::option::of("[a-zA-Z0-9/:._~%?&=#-]{1,40}"),
                story in proptest::option::of((id(), proptest::option::of(id()))),
            ) {
                let (story, scene) = match story {
                    Some((story, scene)) => (Some(story), scene),
                    None => (None, None),
                };
                let view = ViewState {
                    filter: Filter { phases, domains, third_parties: parties, text: text.clone(), events: Default::default() },
                    dim,
                    group,
                    follow,
                    window: Some(round_window(start, start + span)),
                    selected,
                    synthetic,
                    data,
                    story,
                    scene,
                };
                let (back, notices) = parse(&to_query(&view));
                prop_assert!(notices.is_empty(), "{:?}", notices);
                prop_assert_eq!(back, view);
            }
        }
    }
}
