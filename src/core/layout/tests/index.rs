//! The index: long spans found, the frame of the data.

use super::*;

#[test]
fn the_index_finds_long_spans_that_began_before_the_window() {
    let index = TimelineIndex::new(vec![
        span(day(1990, 1, 1), day(2020, 1, 1), 10.0),
        point(day(2005, 1, 1), 10.0),
        point(day(2010, 6, 1), 10.0),
        point(day(2019, 1, 1), 10.0),
    ]);
    let found: Vec<usize> = index.visible(day(2010, 1, 1), day(2011, 1, 1)).collect();
    assert_eq!(found, [0, 2]);
    assert_eq!(
        index
            .visible_points(day(2010, 1, 1), day(2011, 1, 1))
            .collect::<Vec<_>>(),
        [2]
    );
    assert_eq!(index.first_day(), Some(day(1990, 1, 1)));
    assert_eq!(index.end_day(), Some(day(2020, 1, 1)));
    assert_eq!(index.len(), 4);
    let empty = TimelineIndex::new(Vec::new());
    assert!(empty.is_empty() && empty.first_day().is_none());
    assert_eq!(empty.visible(0.0, 1.0).count(), 0);
}

#[test]
fn the_frame_is_the_point_events_or_the_spans_when_there_are_none() {
    let index = TimelineIndex::new(vec![
        span(day(2000, 1, 1), day(2025, 1, 1), 10.0),
        point(day(2009, 3, 1), 10.0),
        point(day(2016, 7, 1), 10.0),
        span(day(2012, 1, 1), day(2013, 1, 1), 10.0),
    ]);
    assert_eq!(
        index.frame(|_| true),
        Some((day(2009, 3, 1), day(2016, 7, 2)))
    );
    assert_eq!(
        index.frame(|i| i == 0 || i == 3),
        Some((day(2000, 1, 1), day(2025, 1, 1)))
    );
    assert_eq!(index.frame(|_| false), None);
}

#[test]
fn a_span_wholly_before_or_after_the_point_events_is_framed_too() {
    // An imported file: a dated event in 2001 and a span of 2005–2007 (it would be left out of
    // a frame of the point events only).
    let index = TimelineIndex::new(vec![
        point(day(2001, 9, 11), 10.0),
        span(day(2005, 1, 1), day(2008, 1, 1), 10.0),
        span(day(1990, 1, 1), day(2001, 1, 1), 10.0),
        span(day(1999, 1, 1), day(2030, 1, 1), 10.0),
    ]);
    assert_eq!(
        index.frame(|_| true),
        Some((day(1990, 1, 1), day(2008, 1, 1)))
    );
    // One that overlaps the point events (a state of affairs) does not widen it.
    assert_eq!(
        index.frame(|i| i == 0 || i == 3),
        Some((day(2001, 9, 11), day(2001, 9, 12)))
    );
}

/// An event's domains are found once, in its order, each once, unknown ids left out, at most
/// as many as a mark has slices.
#[test]
fn domain_slots_follow_the_events_domains() {
    use crate::core::dataset::embedded;
    use crate::core::layout::{DomainLookup, DomainSlots};
    let slots_of = |data: &crate::core::dataset::Chronology| {
        DomainSlots::of(&DomainLookup::new(data), &data.events[0].domains)
    };
    use crate::core::scene::MAX_SLICES;
    let mut data = embedded().unwrap();
    let ids: Vec<String> = data.domains.iter().map(|d| d.id.clone()).collect();
    data.events[0].domains = vec![
        ids[3].clone(),
        "no such domain".into(),
        ids[1].clone(),
        ids[3].clone(),
    ];
    let slots = slots_of(&data);
    assert_eq!(slots.iter().collect::<Vec<_>>(), vec![3, 1]);
    assert_eq!(slots.first(), Some(3));
    data.events[0].domains = ids.clone();
    assert_eq!(
        slots_of(&data).iter().collect::<Vec<_>>(),
        (0..MAX_SLICES).collect::<Vec<_>>()
    );
    data.events[0].domains = vec!["no such domain".into()];
    assert!(slots_of(&data).is_empty());
    data.events[0].domains = vec![ids[2].clone()];
    assert_eq!(
        Extent::of(&data, 0, &|_: &str| 10.0).domains,
        slots_of(&data)
    );
    assert_eq!(slots_of(&data).first(), Some(2));
}

/// A long title breaks at the space nearest its middle into two lines, both whole words, the
/// wider one's width measured; short titles, single words and breaks that save little stay on
/// one line.
#[test]
fn a_long_title_wraps_at_the_space_nearest_its_middle() {
    let measure = crate::core::text::Estimate;
    let title = "Japan and NATO sign a Partnership and Cooperation Programme";
    let full = crate::core::text::estimate(title);
    let wrap = Wrap::of(title, full, &measure).expect("two lines");
    let (first, second) = wrap.lines(title);
    assert_eq!(
        (first, second),
        (
            "Japan and NATO sign a Partnership",
            "and Cooperation Programme"
        )
    );
    assert_eq!(
        f64::from(wrap.width),
        crate::core::text::estimate(first).max(crate::core::text::estimate(second))
    );
    assert!(f64::from(wrap.width) < full * 0.8);
    // Too short to gain, one word, a break that saves little.
    assert_eq!(Wrap::of("NATO summit", 90.0, &measure), None);
    let word = "Supercalifragilisticexpialidocious-and-then-some";
    assert_eq!(
        Wrap::of(word, crate::core::text::estimate(word), &measure),
        None
    );
    // A character of several bytes at the middle (every byte offset of it is tried).
    for pad in 0..4 {
        let title = format!(
            "{}Japan–NATO “partners” across the globe — très",
            "x".repeat(pad)
        );
        let wrap = Wrap::of(&title, crate::core::text::estimate(&title), &measure);
        let (first, second) = wrap.expect("two lines").lines(&title);
        assert_eq!(format!("{first} {second}"), title);
    }
    let lopsided = "Mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm of";
    assert_eq!(
        Wrap::of(lopsided, crate::core::text::estimate(lopsided), &measure),
        None
    );
}
