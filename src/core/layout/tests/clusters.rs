//! Crowded events gathered into "+N" clusters.

use super::*;

#[test]
fn crowded_points_gather_into_clusters_that_zooming_spreads_out() {
    // 40 events over May 2014, seen from a two-decade window.
    let events: Vec<Extent> = (0..40)
        .map(|i| point(day(2014, 5, 1) + f64::from(i) * 0.75, 90.0))
        .collect();
    let index = TimelineIndex::new(events);
    let options = LayoutOptions {
        points: LaneLimits {
            labelled: 4,
            max: 7,
        },
        ..OPTIONS
    };
    let wide = TimeScale::new(day(2000, 1, 1), day(2020, 1, 1), 1000.0);
    let l = layout(&index, &wide, &options, all);
    assert_eq!(l.points.lanes, 8);
    assert_eq!(l.points.clusters.len(), 1);
    let cluster = &l.points.clusters[0];
    assert_eq!(cluster.lane, 7);
    assert_eq!(cluster.indices.len(), 40 - 7);
    check(&index, &wide, &options, &l, &|_| true);

    let zoomed = TimeScale::new(cluster.first_day - 1.0, cluster.end_day + 1.0, 1000.0);
    let z = layout(&index, &zoomed, &options, all);
    assert!(z.points.clusters.is_empty(), "{:?}", z.points.clusters);
    let placed: HashSet<usize> = z.points.placed.iter().map(|p| p.index).collect();
    assert!(cluster.indices.iter().all(|i| placed.contains(i)));
    check(&index, &zoomed, &options, &z, &|_| true);
}

#[test]
fn a_hundred_thousand_events_zoomed_out_collapse_into_few_clusters() {
    let events: Vec<Extent> = (0..100_000)
        .map(|i| point(day(1950, 1, 1) + f64::from(i) * 0.4, 120.0))
        .collect();
    let index = TimelineIndex::new(events);
    let scale = TimeScale::new(day(1940, 1, 1), day(2070, 1, 1), 1200.0);
    let options = LayoutOptions::default();
    let l = layout(&index, &scale, &options, all);
    assert!(l.points.placed.len() < 2000 && l.points.clusters.len() < 200);
    let clustered: usize = l.points.clusters.iter().map(|c| c.indices.len()).sum();
    assert_eq!(l.points.placed.len() + clustered, 100_000);
    assert!(l.points.clusters.iter().any(|c| c.indices.len() >= 1000));
    // Badges as wide as their four- and five-digit counts need.
    check(&index, &scale, &options, &l, &|_| true);
}
