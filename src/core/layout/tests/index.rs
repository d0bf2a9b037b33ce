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
