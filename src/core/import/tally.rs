//! Changes made to records on the way in that the import's report counts by kind ("2 relative
//! links were left out ('/static/…', in event 1 and event 14): …") rather than lists record by
//! record: a TimelineJS file may have one on every slide.

use super::{quoted, ImportProblem, Record};
use crate::core::date::DayMonth;
use crate::core::text::plural;

/// A kind of change the report counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// A media link starting with `//` (relative to the protocol), made an https link.
    MediaHttps,
    /// Media written as HTML (a tweet's or an iframe's embed code, a quotation), left out.
    MediaMarkup,
    /// A media link relative to the site the file was made for, left out.
    MediaRelative,
    /// A media link of another scheme (`javascript:`, `data:`, `mailto:` …) or not well formed,
    /// left out.
    MediaOther,
    /// A headline read as HTML: its plain text is the title.
    PlainHeadline,
    /// A media credit or caption read as HTML: its plain text is in the footnote.
    PlainCredit,
    /// No headline: the title is the start of the slide's text.
    TitleFromText,
    /// Neither headline nor text, only media: the title is its caption (or credit).
    TitleFromMedia,
    /// A field of a TimelineJS slide an event has no place for (`background`, `media.link` …),
    /// left out.
    SlideFieldLeftOut,
    /// A slide's text with an element whose content is never shown (a `script`, a `style`, an
    /// `iframe` …): kept as written in the summary, shown without it, never run.
    TextHidden,
    /// A date a spreadsheet wrote day first (`15.10.1997`) or month first (`10/15/1997`), read
    /// so: the file's other dates show it (see [`crate::core::date::spreadsheet_order`]).
    Spreadsheet(DayMonth),
}

/// One change made to a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tallied {
    /// Where in the record, in the words of its format: "field media.url", "column Media".
    pub place: String,
    pub change: Change,
    /// The value as the file gives it, for an example.
    pub example: String,
}

/// The most records a notice names; the others are counted.
const NAMED: usize = 3;

/// "event 1", "row 4 and row 9", "row 4, row 9, row 12 and 3 more", for `count` records of
/// which the first (up to [`NAMED`]) are `named`.
pub(super) fn places(named: &[&str], count: usize) -> String {
    match named {
        [] => String::new(),
        [one] if count <= 1 => (*one).to_string(),
        _ if count <= named.len() => {
            let (last, rest) = named.split_last().unwrap_or((&"", &[]));
            format!("{} and {last}", rest.join(", "))
        }
        _ => format!(
            "{} and {} more",
            named.join(", "),
            count.saturating_sub(named.len())
        ),
    }
}

/// What the report says of `n` records changed so.
fn message(change: Change, n: usize, example: &str, at: &str) -> String {
    let example = quoted(example);
    let only_web = "only http(s) links are kept, as the event's source";
    match change {
        Change::MediaHttps => format!(
            "{} given https: ({example}, in {at})",
            plural(
                n,
                "link starting with '//' was",
                "links starting with '//' were"
            )
        ),
        Change::MediaMarkup => format!(
            "{} left out ({example}, in {at}): {only_web}",
            plural(
                n,
                "media item written as HTML (an embedded tweet, frame or quotation) was",
                "media items written as HTML (embedded tweets, frames or quotations) were"
            )
        ),
        Change::MediaRelative => format!(
            "{} left out ({example}, in {at}): it points into the site the file was made for; \
             {only_web}",
            plural(n, "relative link was", "relative links were")
        ),
        Change::MediaOther => format!(
            "{} left out ({example}, in {at}): {only_web}",
            plural(
                n,
                "link that is not http(s) was",
                "links that are not http(s) were"
            )
        ),
        Change::Spreadsheet(order) => {
            let (order, place) = match order {
                DayMonth::DayFirst => ("day first", "first"),
                DayMonth::MonthFirst => ("month first", "second"),
            };
            format!(
                "{} written {order}, as a spreadsheet writes {} ({example}, in {at}): read so, \
                 as the file's dates show (a number past 12 stands {place}, none the other \
                 way); YYYY-MM-DD leaves no doubt",
                plural(n, "date was", "dates were"),
                if n == 1 { "it" } else { "them" }
            )
        }
        Change::TextHidden => format!(
            "{} an element the explorer never shows ({example}, in {at}): the text is kept as \
             written and shown without it (a script never runs)",
            plural(n, "slide's text has", "slides' texts have")
        ),
        Change::PlainHeadline => format!(
            "{} read as HTML, as TimelineJS shows {} ({example}, in {at}): a title is plain \
             text, so tags were removed (a line break is a space), character references \
             decoded and spaces collapsed",
            plural(n, "headline was", "headlines were"),
            if n == 1 { "it" } else { "them" }
        ),
        Change::PlainCredit => format!(
            "{} read as HTML, as TimelineJS shows {} ({example}, in {at}): the source's \
             note is plain text, so tags were removed and character references decoded",
            plural(
                n,
                "media credit or caption was",
                "media credits or captions were"
            ),
            if n == 1 { "it" } else { "them" }
        ),
        Change::SlideFieldLeftOut => format!(
            "left out (in {at}): an event keeps a slide's start_date, end_date, display_date, \
             text, media (its url, credit and caption), group and unique_id"
        ),
        Change::TitleFromMedia => format!(
            "{} no headline and no text, only media: {} {} caption (or credit) \
             ({example}, in {at})",
            plural(n, "slide has", "slides have"),
            if n == 1 {
                "its title is"
            } else {
                "their titles are"
            },
            if n == 1 {
                "its media's"
            } else {
                "their media's"
            }
        ),
        Change::TitleFromText => format!(
            "{} no headline: {} the start of {} text ({example}, in {at})",
            plural(n, "slide has", "slides have"),
            if n == 1 {
                "its title is"
            } else {
                "their titles are"
            },
            if n == 1 { "its" } else { "their" }
        ),
    }
}

/// The report's notices for the changes of these records: one per kind of change and place, in
/// the order first met, counting the records and naming the first few.
pub(crate) fn tally_notices<'a>(records: impl Iterator<Item = &'a Record>) -> Vec<ImportProblem> {
    struct Group<'a> {
        tallied: &'a Tallied,
        named: Vec<&'a str>,
        count: usize,
    }
    let mut groups: Vec<Group> = Vec::new();
    for r in records {
        for (i, t) in r.tallied.iter().enumerate() {
            // A record counts once for each kind of change and place.
            let earlier = r.tallied.get(..i).unwrap_or_default();
            if earlier
                .iter()
                .any(|e| e.change == t.change && e.place == t.place)
            {
                continue;
            }
            let found = groups
                .iter_mut()
                .find(|g| g.tallied.change == t.change && g.tallied.place == t.place);
            match found {
                Some(g) => {
                    if g.named.len() < NAMED {
                        g.named.push(&r.location);
                    }
                    g.count += 1;
                }
                None => groups.push(Group {
                    tallied: t,
                    named: vec![&r.location],
                    count: 1,
                }),
            }
        }
    }
    groups
        .into_iter()
        .map(|g| {
            ImportProblem::new(
                g.tallied.place.clone(),
                message(
                    g.tallied.change,
                    g.count,
                    &g.tallied.example,
                    &places(&g.named, g.count),
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_name_the_first_three_and_count_the_rest() {
        assert_eq!(places(&["event 1"], 1), "event 1");
        assert_eq!(places(&["row 4", "row 9"], 2), "row 4 and row 9");
        assert_eq!(places(&["a", "b", "c"], 3), "a, b and c");
        assert_eq!(places(&["a", "b", "c"], 5), "a, b, c and 2 more");
    }
}
