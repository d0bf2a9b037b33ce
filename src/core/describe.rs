//! Short texts for readers that several views share.

use crate::core::dataset::Chronology;
use crate::core::date::{
    civil_from_days, format_year, format_year_after, Precision, MONTH_ABBREVIATIONS,
};
use crate::core::grouping::GroupBy;
use crate::core::text::thousands;
use crate::core::viewport::Viewport;

/// The part of a window named in years or months that its label may leave out at either edge
/// (a fifth of a percent: 2.5 px of a 1,280 px drawing), and at most so many days: of a year,
/// or of a month.
pub const EDGE_SLIVER: (f64, f64, f64) = (0.002, 10.0, 2.0);

/// The first and last days [`window_label`] names (a saved picture's file name too): the
/// window's, a sliver at either edge left out where it is named in years or months.
pub fn named_days(v: &Viewport) -> (i64, i64) {
    let span = v.span();
    let (part, of_year, of_month) = EDGE_SLIVER;
    let sliver = if span > 3.0 * 365.0 {
        (span * part).min(of_year)
    } else if span > 60.0 {
        (span * part).min(of_month)
    } else {
        0.0
    };
    let first = (v.start + sliver).floor() as i64;
    (first, ((v.end - sliver).ceil() as i64 - 1).max(first))
}

/// The visible window, as precise as the zoom: "1977 – 2026", "Mar 2006 – Jan 2007",
/// "29 Oct – 18 Nov 2006". Named in years or months, a sliver of a year or month at either
/// edge (under [`EDGE_SLIVER`] of the window, a pixel or two) is left out: panned a year on
/// from 2000 – 2004, the window runs from 31 December 2000 (a leap year's day) and is
/// "2001 – 2005", not "2000 – 2006".
pub fn window_label(v: &Viewport) -> String {
    let span = v.span();
    let (first, last) = named_days(v);
    let (y1, m1, d1) = civil_from_days(first);
    let (y2, m2, d2) = civil_from_days(last);
    let month = |m: u8| MONTH_ABBREVIATIONS[usize::from(m.clamp(1, 12)) - 1];
    if span > 3.0 * 365.0 {
        format!("{} – {}", format_year(y1), format_year_after(y1, y2))
    } else if span > 60.0 {
        format!(
            "{} {} – {} {}",
            month(m1),
            format_year(y1),
            month(m2),
            format_year_after(y1, y2)
        )
    } else if y1 == y2 {
        format!(
            "{d1} {} – {d2} {} {}",
            month(m1),
            month(m2),
            format_year(y2)
        )
    } else {
        format!(
            "{d1} {} {} – {d2} {} {}",
            month(m1),
            format_year(y1),
            month(m2),
            format_year_after(y1, y2)
        )
    }
}

/// When the events `members` (indices into `data`, in time order) happen, from the first's
/// start to the last's: "on 5 May 2020" for one day, "1990" for one year, "1979 to 25 December
/// 1984", "5 BC to AD 5" (a badge's name, a badge's list).
pub fn members_when(data: &Chronology, members: &[usize]) -> String {
    let start = |i: Option<&usize>| i.and_then(|&i| data.events.get(i)).map(|e| e.start);
    let (Some(first), Some(last)) = (start(members.first()), start(members.last())) else {
        return String::new();
    };
    let from = first.format_human();
    let to = last.format_human_after(first.year_number());
    match (from == to, first.precision()) {
        (true, Precision::Day) => format!("on {from}"),
        (true, _) => from,
        (false, _) => format!("{from} to {to}"),
    }
}

/// The timeline's name for readers, as the drawing on the page and a saved picture's
/// description give it: how many of the `total` events match (`matches`), what is shown
/// (the filters or the story's scene, in words), the lanes' grouping and the window's label:
/// "Timeline of 12 of 312 events (Domain: Piracy), in lanes by phase; in view: 1977 – 2021".
pub fn timeline_name(
    total: usize,
    matches: usize,
    shown: &str,
    group_by: GroupBy,
    window: &str,
) -> String {
    let count = if matches == total {
        if total == 1 {
            "the one event".to_string()
        } else {
            format!("all {} events", thousands(total))
        }
    } else {
        format!("{} of {} events", thousands(matches), thousands(total))
    };
    let shown = if shown.is_empty() {
        String::new()
    } else {
        format!(" ({shown})")
    };
    let grouped = match group_by {
        GroupBy::None => String::new(),
        by => format!(", in lanes by {}", by.label().to_lowercase()),
    };
    format!("Timeline of {count}{shown}{grouped}; in view: {window}")
}

/// The lanes as a screen reader hears them once the reader regroups them: "In lanes by
/// domain: Afghanistan, 16 events; Piracy, 10 events." (the first [`LANES_NAMED`], then how many
/// more), or "In one set." Folded lanes say so.
pub fn lanes_in_words(grouping: Option<&crate::core::grouping::Grouping>) -> String {
    let Some(g) = grouping.filter(|g| g.by != GroupBy::None) else {
        return "In one set.".to_string();
    };
    let named: Vec<String> = g
        .groups
        .iter()
        .take(LANES_NAMED)
        .map(|group| {
            let count = if group.held > group.count {
                format!(
                    "{} of {}",
                    group.count,
                    crate::core::text::plural(group.held, "event", "events")
                )
            } else {
                crate::core::text::plural(group.count, "event", "events")
            };
            let folded = if group.collapsed { ", folded" } else { "" };
            format!("{}, {count}{folded}", group.label)
        })
        .collect();
    let more = match g.groups.len().saturating_sub(LANES_NAMED) {
        0 => String::new(),
        n => format!(
            "; and {}",
            crate::core::text::plural(n, "lane more", "lanes more")
        ),
    };
    format!(
        "In lanes by {}: {}{more}.",
        g.by.label().to_lowercase(),
        named.join("; ")
    )
}

/// How many lanes [`lanes_in_words`] names.
pub const LANES_NAMED: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::days_from_civil;

    fn day(y: i32, m: u8, d: u8) -> f64 {
        days_from_civil(y, m, d) as f64
    }

    #[test]
    fn the_lanes_are_said_with_their_counts_the_first_six_by_name() {
        use crate::core::dataset::embedded;
        use crate::core::grouping::Grouping;
        use crate::core::query::Filter;
        use std::collections::BTreeSet;
        let data = embedded().unwrap();
        let all = vec![true; data.events.len()];
        let count = |id: &str| {
            data.events
                .iter()
                .filter(|e| e.domains.iter().any(|d| d == id))
                .count()
        };
        let filter = Filter {
            domains: ["afghanistan".to_string(), "piracy".to_string()].into(),
            ..Filter::default()
        };
        let folded: BTreeSet<String> = ["piracy".to_string()].into();
        let two = Grouping::new(&data, GroupBy::Domain, &all, &filter, &folded);
        assert_eq!(
            lanes_in_words(two.as_ref()),
            format!(
                "In lanes by domain: Afghanistan, {} events; Piracy, {} events, folded.",
                count("afghanistan"),
                count("piracy")
            )
        );
        let every = Grouping::new(
            &data,
            GroupBy::Domain,
            &all,
            &Filter::default(),
            &BTreeSet::new(),
        );
        let words = lanes_in_words(every.as_ref());
        let lanes = every.as_ref().unwrap().groups.len();
        assert!(
            words.ends_with(&format!("; and {} lanes more.", lanes - LANES_NAMED)),
            "{words}"
        );
        assert_eq!(words.matches(" events").count(), LANES_NAMED, "{words}");
        assert_eq!(lanes_in_words(None), "In one set.");
    }

    #[test]
    fn the_window_is_named_as_precisely_as_the_zoom() {
        let decades = Viewport::new(day(1977, 1, 1), day(2027, 1, 1));
        assert_eq!(window_label(&decades), "1977 – 2026");
        let months = Viewport::new(day(2006, 3, 1), day(2007, 2, 1));
        assert_eq!(window_label(&months), "Mar 2006 – Jan 2007");
        let days = Viewport::new(day(2006, 10, 29), day(2006, 11, 19));
        assert_eq!(window_label(&days), "29 Oct – 18 Nov 2006");
        let across = Viewport::new(day(2006, 12, 20), day(2007, 1, 10));
        assert_eq!(window_label(&across), "20 Dec 2006 – 9 Jan 2007");
        // Across the start of the era, its later end says AD.
        let era = Viewport::new(day(-520_101, 1, 1), day(190_102, 1, 1));
        assert_eq!(window_label(&era), "520102 BC – AD 190101");
        let bc = Viewport::new(day(-99, 1, 1), day(-9, 1, 1));
        assert_eq!(window_label(&bc), "100 BC – 11 BC");
        let months = Viewport::new(day(0, 11, 1), day(1, 3, 1));
        assert_eq!(window_label(&months), "Nov 1 BC – Feb AD 1");
    }

    /// A badge's members' dates: one day said once, with "on"; a year alone; a range across
    /// the era with "AD" at its end.
    #[test]
    fn the_dates_of_a_badge_s_events() {
        let mut data = crate::core::synthetic::generate(4, 7);
        let dates = ["2020-05-05", "2020-05-05", "1990", "-0004"];
        for (e, d) in data.events.iter_mut().zip(dates) {
            e.start = crate::core::date::PartialDate::parse(d).unwrap();
        }
        assert_eq!(members_when(&data, &[0, 1]), "on 5 May 2020");
        assert_eq!(members_when(&data, &[2, 2]), "1990");
        assert_eq!(members_when(&data, &[2, 0]), "1990 to 5 May 2020");
        assert_eq!(members_when(&data, &[3, 2]), "5 BC to AD 1990");
        assert_eq!(members_when(&data, &[]), "");
    }

    /// A pan of a year (in days) from 2000 – 2004 starts the window on 31 December 2000 and
    /// ends it on 1 January 2006: a day at either edge, less than a pixel, is not named.
    #[test]
    fn a_sliver_of_a_year_or_month_at_an_edge_is_not_named() {
        let panned = Viewport::new(day(2000, 12, 31), day(2006, 1, 2));
        assert_eq!(window_label(&panned), "2001 – 2005");
        let months = Viewport::new(day(2006, 2, 28), day(2008, 2, 2));
        assert_eq!(window_label(&months), "Mar 2006 – Jan 2008");
        // More than a sliver is named.
        let wider = Viewport::new(day(2000, 11, 1), day(2006, 3, 1));
        assert_eq!(window_label(&wider), "2000 – 2006");
        // Named in days, every day is.
        let days = Viewport::new(day(2006, 10, 31), day(2006, 11, 19));
        assert_eq!(window_label(&days), "31 Oct – 18 Nov 2006");
    }
}
