//! Reading a link: every value checked, whatever cannot be understood left at its default and
//! reported.

use super::{decode_component, parse_day, ViewState, MAX_DATA_URL};
use crate::core::grouping::GroupBy;
use crate::core::notices::Ignored;
use crate::core::query::Facet;
use crate::core::synthetic::MAX_EVENTS;
use crate::core::text::{code_point, id_problem, is_invisible, shown, thousands};

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

/// A switch's value: `1`, `true` or nothing is on, `0` or `false` off.
fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// Why a parameter that takes one value takes no second (None for the lists, the facets and
/// `fold`, whose repeats add to them, and for unknown parameters). Said of a view, not a link:
/// a file's saved view is read as a link too.
fn one_value(key: &str) -> Option<&'static str> {
    Some(match key {
        "q" => "a view has one search",
        "dim" => "a view says once whether to dim the events filtered out",
        "group" => "a view groups the lanes one way",
        "follow" => "a view says once whether the window follows the filters",
        "from" => "a window has one start",
        "to" => "a window has one end",
        "event" => "a view selects one event",
        "story" => "a view opens one story",
        "scene" => "a view opens one scene",
        "synthetic" => "a view makes one synthetic chronology",
        "data" => "a view opens one chronology file",
        _ => return None,
    })
}

/// "second", "third" … "tenth", then "11th", "21st" …: the n-th time a parameter comes.
fn ordinal(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    if let Some(word) = n.checked_sub(2).and_then(|i| WORDS.get(i)) {
        return (*word).to_string();
    }
    let suffix = crate::core::date::ordinal_suffix(i64::try_from(n).unwrap_or(i64::MAX));
    format!("{}{suffix}", thousands(n))
}

/// The single-valued parameters met so far in a link: how many times each came, and whether
/// one of its values was kept.
#[derive(Debug, Default)]
struct Repeats {
    seen: Vec<(String, usize, bool)>,
}

impl Repeats {
    /// Counts one more `key`: returns how many times it has come (1 the first time), and
    /// whether a value of it is already kept.
    fn meet(&mut self, key: &str) -> (usize, bool) {
        match self.seen.iter_mut().find(|(k, ..)| k == key) {
            Some((_, n, kept)) => {
                *n += 1;
                (*n, *kept)
            }
            None => {
                self.seen.push((key.to_string(), 1, false));
                (1, false)
            }
        }
    }

    /// Notes that a value of `key` was kept: its later values are ignored.
    fn keep(&mut self, key: &str) {
        if let Some((_, _, kept)) = self.seen.iter_mut().find(|(k, ..)| k == key) {
            *kept = true;
        }
    }
}

/// Reads a query string (with or without the leading `?`). Returns the view and the notices of
/// what was ignored: one per kind (a lone value has its own message; many are collapsed into
/// "5,000 domain values in the link ignored: 'a', 'b', 'c' …").
///
/// A parameter that takes one value ([`one_value`]) keeps the first value it can use; each
/// later one is ignored with a notice ("Ignored the second event= in the link ('foo'): a view
/// selects one event."), and one it cannot use before it is said as any such value. Only the
/// form is checked here: an `event`, `story` or `scene` that is well formed but not in the
/// chronology is found out later (the store says so when it applies the view), and a later
/// value is not tried in its place.
pub fn parse(query: &str) -> (ViewState, Vec<String>) {
    let mut view = ViewState::default();
    let mut notices = Vec::new();
    // Ignored values are gathered by kind: thousands of one kind give one notice.
    let mut ignored = Ignored::default();
    let mut from = None;
    let mut to = None;
    let (mut from_text, mut to_text) = (String::new(), String::new());
    // Bounds that are not dates (each said in a notice of its own).
    let (mut bad_from, mut bad_to) = (false, false);
    let mut repeats = Repeats::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode_component(raw_key);
        let value = decode_component(raw_value);
        let short = |s: &str| -> String { shown(s, 40) };
        let once = one_value(&key);
        if let Some(why) = once {
            let (nth, kept) = repeats.meet(&key);
            if kept {
                let one = format!("further {key}= value");
                let many = format!("{one}s");
                ignored.add(&format!("{key} again"), (&one, &many), &value, || {
                    format!(
                        "Ignored the {} {key}= in the link ('{}'): {why}.",
                        ordinal(nth),
                        short(&value)
                    )
                });
                continue;
            }
        }
        let facet = Facet::ALL.into_iter().find(|f| f.key() == key);
        // Whether the value was kept (for the parameters of one value).
        let kept = match (key.as_str(), facet) {
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
                false
            }
            ("q", None) => match super::decode_text(raw_value) {
                Some(text) => {
                    view.filter.text = text.chars().take(500).collect();
                    true
                }
                // A search for "�" would hide every event.
                None => {
                    notices.push(
                        "Ignored the link's search (q=): it is not valid text (UTF-8).".into(),
                    );
                    false
                }
            },
            ("dim", None) => match flag(&value) {
                Some(on) => {
                    view.dim = on;
                    true
                }
                None => {
                    ignored.add("dim", ("dim value", "dim values"), &value, || {
                        format!("Ignored dim='{}' in the link (use 1 or 0).", short(&value))
                    });
                    false
                }
            },
            ("group", None) => match GroupBy::parse(&value) {
                Some(group) => {
                    view.group = group;
                    true
                }
                None => {
                    notices.push(format!(
                        "Ignored group='{}' in the link (use none, phase, domain or party).",
                        short(&value)
                    ));
                    false
                }
            },
            ("fold", None) => {
                // Split before decoding, as a facet's list.
                for key in raw_value.split(',').map(decode_component) {
                    let key = key.trim();
                    if key.is_empty() {
                        continue;
                    }
                    if is_id(key) {
                        view.folded.insert(key.to_string());
                    } else {
                        ignored.add("fold", ("folded lane", "folded lanes"), key, || {
                            format!("Ignored the folded lane '{}' in the link.", short(key))
                        });
                    }
                }
                false
            }
            ("follow", None) => match flag(&value) {
                Some(on) => {
                    view.follow = on;
                    true
                }
                None => {
                    notices.push(format!(
                        "Ignored follow='{}' in the link (use 1 or 0).",
                        short(&value)
                    ));
                    false
                }
            },
            ("from", None) => match parse_day(&value) {
                Some(d) => {
                    from = Some(d);
                    from_text = value.clone();
                    true
                }
                None => {
                    bad_from = true;
                    ignored.add("from", ("from value", "from values"), &value, || {
                        format!("Ignored from='{}' in the link: not a date.", short(&value))
                    });
                    false
                }
            },
            ("to", None) => match parse_day(&value) {
                Some(d) => {
                    to = Some(d);
                    to_text = value.clone();
                    true
                }
                None => {
                    bad_to = true;
                    ignored.add("to", ("to value", "to values"), &value, || {
                        format!("Ignored to='{}' in the link: not a date.", short(&value))
                    });
                    false
                }
            },
            ("event", None) => {
                if is_id(&value) {
                    view.selected = Some(value);
                    true
                } else {
                    ignored.add("event", ("event value", "event values"), &value, || {
                        format!("Ignored event='{}' in the link.", short(&value))
                    });
                    false
                }
            }
            ("story", None) => {
                if is_id(&value) {
                    view.story = Some(value);
                    true
                } else {
                    notices.push(format!(
                        "Ignored story='{}' in the link: not a story id.",
                        short(&value)
                    ));
                    false
                }
            }
            ("scene", None) => {
                if is_id(&value) {
                    view.scene = Some(value);
                    true
                } else {
                    notices.push(format!(
                        "Ignored scene='{}' in the link: not a scene id.",
                        short(&value)
                    ));
                    false
                }
            }
            ("synthetic", None) => match value.parse::<usize>() {
                Ok(n) if n <= MAX_EVENTS => {
                    view.synthetic = Some(n);
                    true
                }
                _ => {
                    ignored.add("synthetic", ("synthetic value", "synthetic values"), &value, || {
                        format!(
                            "Ignored synthetic='{}' in the link: a number of events up to {} is expected.",
                            short(&value),
                            thousands(MAX_EVENTS)
                        )
                    });
                    false
                }
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
                    false
                } else if !url.is_empty()
                    && url.len() <= MAX_DATA_URL
                    && !url.chars().any(char::is_control)
                {
                    view.data = Some(url.to_string());
                    true
                } else {
                    ignored.add("data", ("data value", "data values"), &value, || {
                        format!(
                            "Ignored data='{}' in the link: not a file address.",
                            short(&value)
                        )
                    });
                    false
                }
            }
            _ => {
                ignored.add(
                    "",
                    ("unknown parameter", "unknown parameters"),
                    &key,
                    || {
                        format!(
                            "Ignored the unknown parameter '{}' in the link.",
                            short(&key)
                        )
                    },
                );
                false
            }
        };
        if kept && once.is_some() {
            repeats.keep(&key);
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
    // A `to` that names a year or a month means to its end, as one reads it (`from=2010&to=2011`
    // is the years 2010 and 2011; `from=2010&to=2010` the year 2010), as the explorer's links
    // write a window of whole years or months. A day is where the window ends.
    let to = to.map(|t| super::period_end(&to_text).unwrap_or(t));
    match (from, to) {
        (Some(f), Some(t)) if t > f => view.window = Some((f, t)),
        (None, None) => {}
        // A bound missing because it is not a date: its notice says why, and the other bound,
        // a date, is said right after it to go with it (it went without a word).
        (None, Some(_)) if bad_from => ignored.then(
            "from",
            format!(
                "Ignored to='{}' in the link too: a time window needs both from and to.",
                short_text(&to_text)
            ),
        ),
        (Some(_), None) if bad_to => ignored.then(
            "to",
            format!(
                "Ignored from='{}' in the link too: a time window needs both from and to.",
                short_text(&from_text)
            ),
        ),
        _ => notices.push(
            "Ignored the link's time window: it needs both from and to, with to after from.".into(),
        ),
    }
    let mut all = ignored.notices("in the link");
    all.extend(notices);
    (view, all)
}
